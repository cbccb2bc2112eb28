"""The entity stage: people, organisations and places linked to the gazetteer, and the countries named.

Recognisers per language run side by side (today the gazetteer with Kazakh, Russian or English
endings; later statistical NER too); overlapping spans resolve to the longest, every span is linked
to a gazetteer record when one has its name, and a lone surname joins the full name of the article.
`countries` holds each country named or referred to by its adjective or people, plus KZ for a
region of Kazakhstan named as such; cities and capitals add none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from coopwatch.entities.base import EntitySpan, ExactMorphology, GazetteerRecognizer, Morphology, Recognizer
from coopwatch.entities.en import EnglishMorphology
from coopwatch.entities.kk import KazakhMorphology
from coopwatch.entities.ru import RussianMorphology
from coopwatch.gazetteer import LANGS, Gazetteer
from coopwatch.model import Document, Entity, Mention
from coopwatch.translit import name_key, to_latin

__all__ = [
    "EntityRecognizer",
    "EntitySpan",
    "GazetteerRecognizer",
    "Recognizer",
    "gazetteer_recognizers",
    "merge_surnames",
    "surname_key",
]

_PREFIX = {"PER": "person", "ORG": "org", "GPE": "place", "LOC": "place"}
_INITIAL = re.compile(r"^(?:\w\.\s*-?)+\s*")
# "долларов США", "АҚШ долл.", "US dollars", "российских рублей": a currency's name, not the country itself
_CURRENCY = r"(?:доллар|долл|dollar|рубл|ruble|rouble|юан|yuan|теңге|тенге|сом|фунт|pound|лир|lira|иен|yen)"
_CURRENCY_BEFORE = re.compile(_CURRENCY + r"\w*\.?\s*$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^\s*" + _CURRENCY, re.IGNORECASE)


def gazetteer_recognizers(gazetteer: Gazetteer) -> dict[str, list[Recognizer]]:
    """The gazetteer recogniser for each supported language, and one without endings for any other."""
    morphs: dict[str, Morphology] = {
        "kk": KazakhMorphology(),
        "ru": RussianMorphology(),
        "en": EnglishMorphology(),
    }
    out: dict[str, list[Recognizer]] = {
        lang: [GazetteerRecognizer(gazetteer, m)] for lang, m in morphs.items()
    }
    out["und"] = [GazetteerRecognizer(gazetteer, ExactMorphology(), langs=LANGS)]
    return out


def surname_key(name: str) -> str:
    """The name key of a person's surname: 'Ж. Касымбек' and 'Zhenis Kassymbek' both give 'kasimbek'."""
    words = _INITIAL.sub("", name).split()
    return name_key(words[-1]) if words else ""


def merge_surnames(entities: list[Entity]) -> list[Entity]:
    """Fold one-word person entities into the one full-named person of the article with that surname."""
    full: dict[str, list[Entity]] = {}
    for e in entities:
        if e.type == "PER" and len(_INITIAL.sub("", e.name).split()) > 1:
            full.setdefault(surname_key(e.name), []).append(e)
    out = []
    for e in entities:
        owners = full.get(surname_key(e.name), []) if e.type == "PER" else []
        if len(owners) == 1 and owners[0] is not e and len(_INITIAL.sub("", e.name).split()) == 1:
            owners[0].mentions.extend(e.mentions)
            owners[0].mentions.sort(key=lambda m: m.start)
        else:
            out.append(e)
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
            dict(recognizers) if recognizers is not None else gazetteer_recognizers(self.gazetteer)
        )

    def __call__(self, doc: Document) -> Document:
        recognizers = self.recognizers.get(doc.lang) or self.recognizers.get("und", [])
        spans: list[EntitySpan] = []
        for seg in doc.body():
            piece = doc.text[seg.start : seg.end]
            for rec in recognizers:
                spans.extend(rec.recognize(piece, seg.start))
        entities: dict[str, Entity] = {}
        countries: set[str] = set()
        for span in _longest_first(spans):
            entity = self._entity(span, doc.text[span.start : span.end], doc.lang)
            entity = entities.setdefault(entity.id, entity)
            entity.mentions.append(Mention(span.start, span.end, doc.text[span.start : span.end]))
            record = self.gazetteer.get(entity.id)
            if record is not None and record.adds_country and not _names_currency(doc.text, span):
                countries.add(record.adds_country)
        ordered = sorted(entities.values(), key=lambda e: e.mentions[0].start)
        for e in ordered:
            e.mentions.sort(key=lambda m: m.start)
        doc.entities = merge_surnames(sorted(ordered, key=lambda e: e.mentions[0].start))
        doc.countries = sorted(countries)
        return doc

    def _entity(self, span: EntitySpan, text: str, lang: str) -> Entity:
        """An empty entity for a span: its gazetteer record, or a new id from its transliterated name."""
        record = (
            self.gazetteer.get(span.id) if span.id else self.gazetteer.lookup(span.name or text, span.type)
        )
        if record is not None:
            return Entity(record.id, record.type, record.name, country=record.country)
        name = span.name or to_latin(_INITIAL.sub("", text), lang)
        slug = "-".join(name_key(name).split()) or "unknown"
        return Entity(f"{_PREFIX.get(span.type, 'entity')}:{slug}", span.type, name)


def _longest_first(spans: list[EntitySpan]) -> list[EntitySpan]:
    """Overlapping spans from several recognisers: keep the longest (gazetteer-linked on a tie)."""
    kept: list[EntitySpan] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.id is None, s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _names_currency(text: str, span: EntitySpan) -> bool:
    """Whether a country mention is only part of a currency's name (US dollars, долларов США)."""
    before = text[max(0, span.start - 16) : span.start]
    after = text[span.end : span.end + 12]
    return bool(_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.search(after))
