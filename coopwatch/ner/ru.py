"""Russian named entities from natasha (slovnet NER), with pymorphy3 lemmas of names: Сактагановым -> Сактаганов.

natasha is loaded once per process (`load_models`); its spans become our `EntitySpan` records with
the nominative form in `name`. Known false positives are dropped here: a capitalised common word at a
sentence start (Особое as LOC), titles and administrative words alone (Аким области), spans without a
capital letter. A LOC that the gazetteer knows as a country or region becomes GPE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pymorphy3
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

from coopwatch.entities.base import EntitySpan
from coopwatch.gazetteer import Gazetteer

SOURCE = "natasha"
_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_WORD = re.compile(r"\w+(?:-\w+)*")
# titles, offices and administrative words: a span made only of these names no one
_GENERIC = frozenset(
    {
        *[
            "аким",
            "акимат",
            "область",
            "район",
            "город",
            "село",
            "республика",
            "страна",
            "государство",
            "министр",
            "министерство",
            "посол",
            "посольство",
            "президент",
            "премьер",
            "премьер-министр",
            "губернатор",
            "глава",
            "председатель",
            "директор",
            "руководитель",
            "заместитель",
            "мэр",
            "мэрия",
            "администрация",
            "правительство",
            "департамент",
            "управление",
            "компания",
            "агентство",
            "университет",
            "институт",
            "центр",
            "фонд",
            "банк",
            "комитет",
            "совет",
            "партия",
            "сторона",
            "регион",
            "край",
            "округ",
            "столица",
            "уважаемый",
            "господин",
            "госпожа",
            "особый",
            "главный",
            "новый",
            "фото",
            "видео",
            "источник",
            "читать",
            "также",
            "аэс",
            "тэц",
            "гэс",
            "грэс",
            "вуз",
            "сэз",
        ]
    }
)
# indeclinable foreign names end in a vowel (Гиоге, Дидье, Пуаро); Russian locatives in -ове/-ине do not
_INDECLINABLE = re.compile(r"(?:[иоэ]|[^вн]е)$")
# an unknown name ending so is instrumental, not a nominative (Канессом, Сактагановым)
_OBLIQUE = ("ом", "ем", "ём", "ым", "им")


@dataclass(frozen=True, slots=True)
class Models:
    """natasha's segmenter and NER tagger, and a pymorphy3 analyser: about 1 s to load, once."""

    segmenter: Segmenter
    ner: NewsNERTagger
    morph: pymorphy3.MorphAnalyzer


@cache
def load_models() -> Models:
    """Load the models once per process; every recogniser shares them."""
    return Models(Segmenter(), NewsNERTagger(NewsEmbedding()), pymorphy3.MorphAnalyzer())


class RussianRecognizer:
    """People, organisations and places in Russian text, through natasha, in our own records."""

    def __init__(self, gazetteer: Gazetteer | None = None, models: Models | None = None) -> None:
        self.gazetteer = gazetteer
        self.models = models or load_models()

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        doc = Doc(text)
        doc.segment(self.models.segmenter)
        doc.tag_ner(self.models.ner)
        starts = {s.start for s in doc.sents} | {m.end() for m in re.finditer(r"\n\s*", text)} | {0}
        out = []
        for span in doc.spans:
            type_ = _TYPES.get(span.type)
            surface = text[span.start : span.stop]
            if type_ is None or self._false_positive(surface, span.start in starts):
                continue
            name = self.lemma(surface, type_)
            if type_ == "LOC" and self.gazetteer is not None:
                rec = self.gazetteer.lookup(name) or self.gazetteer.lookup(surface)
                if rec is not None and rec.type == "GPE":
                    type_ = "GPE"
            out.append(EntitySpan(span.start + offset, span.stop + offset, type_, name=name, source=SOURCE))
        return out

    def _false_positive(self, surface: str, sentence_start: bool) -> bool:
        """Spans natasha is known to get wrong: no capital, only titles, a common word opening a sentence."""
        words = _WORD.findall(surface)
        if not words or not any(c.isupper() for c in surface):
            return True
        morph = self.models.morph
        if all(morph.parse(w)[0].normal_form in _GENERIC for w in words):
            return True
        if sentence_start and len(words) == 1:
            return not _proper(self.models.morph.parse(words[0]))
        return False

    def lemma(self, surface: str, type_: str) -> str:
        """The nominative of a name: people word by word in one agreed case, others by their head noun."""
        if type_ == "PER":
            return self._person_lemma(surface)
        return self._phrase_lemma(surface)

    def _person_lemma(self, surface: str) -> str:
        words = list(_WORD.finditer(surface))
        names = [m for m in words if len(m.group()) > 1 and m.group().isalpha()]
        parses = {m.start(): _name_parses(self.models.morph.parse(m.group()), m.group()) for m in names}
        common = set(_CASES)
        for m in names:
            if _indeclinable(m.group(), parses[m.start()]):
                continue
            cases = {p.tag.case for p in parses[m.start()]}
            if cases & common:
                common &= cases
        case = next((c for c in _CASES if c in common), None)
        out, last = [], 0
        for m in names:
            out.append(surface[last : m.start()])
            out.append(_nominative(m.group(), parses[m.start()], case))
            last = m.end()
        out.append(surface[last:])
        return "".join(out)

    def _phrase_lemma(self, surface: str) -> str:
        """Put the leading adjectives and the head noun in the nominative: Посольства Франции -> Посольство Франции."""
        out, last = [], 0
        for m in _WORD.finditer(surface):
            word = m.group()
            if word.isupper() or not word.isalpha():
                break
            parse = self.models.morph.parse(word)[0]
            pos = parse.tag.POS
            if pos not in ("NOUN", "ADJF"):
                break
            form = parse.inflect({"nomn"}) if parse.tag.case not in (None, "nomn") else None
            if form is not None:
                out.append(surface[last : m.start()])
                out.append(_recase(word, form.word))
                last = m.end()
            if pos == "NOUN":
                break
        out.append(surface[last:])
        return "".join(out)


def _proper(parses: list[Any]) -> bool:
    """Whether a word may be a name: unknown to the dictionary, or read as a name, place or organisation."""
    return any(
        not p.is_known or {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & set(p.tag.grammemes)
        for p in parses
    )


def _name_parses(parses: list[Any], word: str) -> list[Any]:
    """The singular readings of a word as a personal name; nouns when none is a name."""
    single = [p for p in parses if p.tag.number != "plur"] or parses
    named = [p for p in single if _NAME_TAGS & set(p.tag.grammemes)]
    pool = named or [p for p in single if p.tag.POS == "NOUN"] or single
    if not any(p.is_known for p in pool) and word.lower().endswith(_OBLIQUE):
        pool = [p for p in pool if p.tag.case != "nomn"] or pool
    return pool


def _indeclinable(word: str, parses: list[Any]) -> bool:
    """A foreign name that Russian does not decline (Гиоге, Дидье): unknown to the dictionary, vowel-final."""
    if any(p.is_known or _NAME_TAGS & set(p.tag.grammemes) for p in parses):
        return False
    return bool(_INDECLINABLE.search(word.lower()))


def _nominative(word: str, parses: list[Any], case: str | None) -> str:
    """One word of a name in the nominative; kept as written when no reading fits the name's case."""
    if _indeclinable(word, parses):
        return word
    fitting = [p for p in parses if p.tag.case == case] if case else parses
    if not fitting or case == "nomn":
        return word
    parse = fitting[0]
    form = parse.inflect({"nomn"})
    if form is None:
        return _recase(word, parse.normal_form)
    return _recase(word, form.word)


def _recase(original: str, lemma: str) -> str:
    """Give a lower-case lemma the capitals of the word it came from (Сактагановым -> Сактаганов)."""
    if original.isupper() and len(original) > 1:
        return lemma.upper()
    parts = lemma.split("-")
    orig_parts = original.split("-")
    if len(parts) == len(orig_parts):
        return "-".join(
            p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, orig_parts, strict=True)
        )
    return lemma[:1].upper() + lemma[1:] if original[:1].isupper() else lemma
