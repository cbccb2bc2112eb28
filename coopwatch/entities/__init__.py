"""The entity stage: people, organisations and places linked to the gazetteer, and the countries named.

Recognisers per language run side by side: the gazetteer with Kazakh, Russian or English endings
(or the closed endings of a partner language, `other.py`), then statistical NER (natasha, spaCy, the KazNERD model; see `coopwatch.ner`). Overlapping spans
resolve to the longest with the gazetteer winning ties, every span is linked to a gazetteer record or
a new canonical identity (`linking.py`), and a lone surname joins the full name of the article.
`countries` holds each country named or referred to by its adjective or people (also inside a longer
organisation name), plus KZ for a region of Kazakhstan named as such; cities and capitals add none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import partial
from typing import ClassVar

from coopwatch.entities.base import (
    EntitySpan,
    ExactMorphology,
    GazetteerRecognizer,
    Morphology,
    Recognizer,
    recognize_pieces,
)
from coopwatch.entities.en import EnglishMorphology
from coopwatch.entities.kk import KazakhMorphology
from coopwatch.entities.linking import (
    Linker,
    adopt_surnames,
    merge_bracket_aliases,
    merge_people,
    resolve_overlaps,
    split_brackets,
    surname_key,
    unify_names,
)
from coopwatch.entities.numbered import NumberedInstitutionRecognizer
from coopwatch.entities.other import AffixMorphology, OnFirstUse, SlavicMorphology, SubstringRecognizer
from coopwatch.entities.ru import RussianMorphology
from coopwatch.entities.titles import MinistryTitleRecognizer
from coopwatch.gazetteer import LANGS, Gazetteer
from coopwatch.model import Document, Entity, Mention

__all__ = [
    "EntityRecognizer",
    "EntitySpan",
    "GazetteerRecognizer",
    "Recognizer",
    "default_recognizers",
    "gazetteer_recognizers",
    "surname_key",
]

# "долларов США", "АҚШ долл.", "US dollars", "российских рублей": a currency's name, not the country itself
_CURRENCY = r"(?:доллар|долл|dollar|рубл|ruble|rouble|юан|yuan|теңге|тенге|сом|фунт|pound|лир|lira|иен|yen)"
_CURRENCY_BEFORE = re.compile(_CURRENCY + r"\w*\.?\s*$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^\s*" + _CURRENCY, re.IGNORECASE)


# Languages identified beside kk/ru/en: gazetteer names only (countries, known people and organisations).
PARTNER_LANGS = ("fr", "de", "it", "es", "tr", "uk", "zh", "ko", "ja", "ar", "fa", "mn", "az", "uz", "ky")
SPACELESS = frozenset({"zh", "ja"})
# Whose names of people and organisations each language also reads: Latin ones in Latin script, Russian
# ones in Cyrillic (Uzbek is written in both).
BORROW: dict[str, tuple[str, ...]] = {"uk": ("ru",), "mn": ("ru",), "ky": ("ru",), "uz": ("en", "ru"),
                                      "ar": (), "fa": (), "ko": ()}  # fmt: skip


def gazetteer_recognizers(gazetteer: Gazetteer) -> dict[str, list[Recognizer]]:
    """The gazetteer recogniser for each language we identify, and one without endings for any other."""
    morphs: dict[str, Morphology] = {
        "kk": KazakhMorphology(),
        "ru": RussianMorphology(),
        "en": EnglishMorphology(),
    }
    out: dict[str, list[Recognizer]] = {
        lang: [GazetteerRecognizer(gazetteer, m)] for lang, m in morphs.items()
    }
    for lang in PARTNER_LANGS:
        out[lang] = [OnFirstUse(partial(partner_recognizer, gazetteer, lang))]
    out["und"] = [GazetteerRecognizer(gazetteer, ExactMorphology(), langs=LANGS)]
    return out


def partner_recognizer(gazetteer: Gazetteer, lang: str) -> Recognizer:
    """Gazetteer names of one partner language: substrings in Chinese and Japanese, closed endings elsewhere."""
    if lang in SPACELESS:
        return SubstringRecognizer(gazetteer, lang)
    morph: Morphology = SlavicMorphology(lang) if lang == "uk" else AffixMorphology(lang)
    return GazetteerRecognizer(gazetteer, morph, borrow=BORROW.get(lang, ("en",)), foreign_countries=False)


def default_recognizers(gazetteer: Gazetteer) -> dict[str, list[Recognizer]]:
    """The gazetteer per language, numbered schools and ministries named by a minister's title (kk, ru, en),
    then statistical NER loaded on first use."""
    from coopwatch.ner import statistical_recognizers

    out = gazetteer_recognizers(gazetteer)
    for lang in ("kk", "ru", "en"):
        out[lang].append(NumberedInstitutionRecognizer(lang))
        out[lang].append(MinistryTitleRecognizer(gazetteer, lang))
    for lang, rec in statistical_recognizers(gazetteer).items():
        out.setdefault(lang, []).append(rec)
    return out


class EntityRecognizer:
    """Stage: fills `entities` and `countries` from the title and body segments."""

    assigns: ClassVar[tuple[str, ...]] = ("entities", "countries")

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        recognizers: Mapping[str, Sequence[Recognizer]] | None = None,
    ) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self.recognizers = (
            dict(recognizers) if recognizers is not None else default_recognizers(self.gazetteer)
        )
        self.linker = Linker(self.gazetteer)

    def __call__(self, doc: Document) -> Document:
        recognizers = self.recognizers.get(doc.lang) or self.recognizers.get("und", [])
        pieces = [(doc.text[seg.start : seg.end], seg.start) for seg in doc.body()]
        spans = [span for rec in recognizers for span in recognize_pieces(rec, pieces)]
        countries: set[str] = set()
        for span in spans:
            record = self.gazetteer.get(span.id) if span.id else None
            if record is not None and record.adds_country and not _names_currency(doc.text, span):
                countries.add(record.adds_country)
        spans = [self._person_inside(s, doc.text) for s in split_brackets(spans, doc.text)]
        entities: dict[str, Entity] = {}
        for span in resolve_overlaps(spans, doc.text):
            text = doc.text[span.start : span.end]
            entity = self.linker.link(span, text, doc.lang)
            if entity is None:
                continue
            entity = entities.setdefault(entity.id, entity)
            entity.mentions.append(Mention(span.start, span.end, text))
        ordered = sorted(entities.values(), key=lambda e: e.mentions[0].start)
        ordered = merge_bracket_aliases(ordered, doc.text, self.gazetteer.records)
        ordered = adopt_surnames(ordered, self.gazetteer.records)
        doc.entities = sorted(merge_people(ordered), key=lambda e: e.mentions[0].start)
        doc.countries = sorted(countries)
        return doc

    def _person_inside(self, span: EntitySpan, text: str) -> EntitySpan:
        """A statistical organisation or place that ends in a known person's name is that person."""
        if span.id or span.type == "PER":
            return span
        return self.linker.person_inside(span, text) or span

    def settle(self, docs: Sequence[Document]) -> None:
        """After the whole batch: one name per new entity id across its articles (`unify_names`)."""
        unify_names(docs, self.gazetteer.records)


def _names_currency(text: str, span: EntitySpan) -> bool:
    """Whether a country mention is only part of a currency's name (US dollars, долларов США)."""
    before = text[max(0, span.start - 16) : span.start]
    after = text[span.end : span.end + 12]
    return bool(_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.search(after))
