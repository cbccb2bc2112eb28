"""Russian named entities from natasha (slovnet NER), with pymorphy3 lemmas of names: Сактагановым -> Сактаганов.

natasha is loaded once per process (`load_models`); its spans become our `EntitySpan` records with
the nominative form in `name`. A span holding several names is cut into them (a list; a name and its form
in brackets, which keeps the name's `name`: Ши Тао (Shi Tao)), and an organisation's legal form goes
(ОАО «Газпром» -> Газпром). Known false
positives are dropped here: a capitalised common word at a sentence start (Особое as LOC), titles and
administrative words alone (Аким области), spans without a capital letter, unless quoted (клуб «16 тонн»).
A LOC that the gazetteer knows as a country or an organisation takes its type (GPE, ORG: Евросоюз).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pymorphy3
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

from coopwatch.entities.base import EntitySpan, Piece
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
            "сми",
        ]
    }
)
# the pieces of a span that are names apart: around brackets (Ши Тао (Shi Tao), ООН (ФАО)), in a list
_PIECE = re.compile(r"[^()•·,;]+")
_EDGE = frozenset(" \t\n\u00a0-–—:")
# legal form or kind, then the quoted name: ОАО «Газпром», концерн "Майкрософт"
_QUOTED = re.compile(r"([^«\"„“]+?)\s*[«\"„“](.+?)[»\"“”]*$")
_OPEN_QUOTES = '«"„“'
_CLOSE_QUOTES = '»"“”'
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
        return self.recognize_pieces([(text, offset)])

    def recognize_pieces(self, pieces: Sequence[Piece]) -> list[EntitySpan]:
        """`recognize` for each piece, natasha's tagger batching the pieces that have text."""
        texts = [text for text, _ in pieces if text.strip()]
        markups = iter(self.models.ner.map(texts))
        out: list[EntitySpan] = []
        for text, offset in pieces:
            if text.strip():
                out += self._piece(text, offset, next(markups).spans)
        return out

    def _piece(self, text: str, offset: int, spans: Iterable[Any]) -> list[EntitySpan]:
        """Our spans of one piece from natasha's (start, stop, type) spans."""
        doc = Doc(text)
        doc.segment(self.models.segmenter)
        starts = {s.start for s in doc.sents} | {m.end() for m in re.finditer(r"\n\s*", text)} | {0}
        out: list[EntitySpan] = []
        for span in spans:
            found = _TYPES.get(span.type)
            named: EntitySpan | None = None  # the name a form in brackets after it stands for
            for start, stop, alias in self._names(text, span.start, span.stop, found):
                type_, surface = found, text[start:stop]
                if type_ is None or self._false_positive(text, start, stop, start in starts):
                    continue
                # a quoted name does not decline (с ОАО «Казахтелеком»)
                name = surface if _quoted(text, start, stop) else self.lemma(surface, type_)
                if type_ == "LOC" and self.gazetteer is not None:
                    rec = self.gazetteer.lookup(name) or self.gazetteer.lookup(surface)
                    if rec is not None and rec.type in ("GPE", "ORG"):
                        type_ = rec.type  # Казахстан is a country, Евросоюз an organisation
                if alias and named is not None and named.type == type_:
                    name = named.name  # Ши Тао (Shi Tao), Всемирный банк (ВБ): one entity, two mentions
                out.append(EntitySpan(start + offset, stop + offset, type_, name=name, source=SOURCE))
                named = None if alias else out[-1]
        return out

    def _names(self, text: str, start: int, stop: int, type_: str | None) -> list[tuple[int, int, bool]]:
        """The names in one natasha span, each with whether it is another form in brackets of the name before
        it: a name and its form in brackets apart (Комитет защиты журналистов (КЗЖ), Ши Тао (Shi Tao)), so
        are the items of a list; an organisation's quoted name without its legal form or kind (ОАО «Газпром»);
        no dash or quotation mark left open at either end."""
        parts = []
        for m in _PIECE.finditer(text, start, stop):
            a, b = m.span()
            while a < b and (text[a] in _EDGE or (text[a] in _OPEN_QUOTES and not _closes(text, a + 1, b))):
                a += 1
            while a < b and (
                text[b - 1] in _EDGE or (text[b - 1] in _CLOSE_QUOTES and not _opens(text, a, b - 1))
            ):
                b -= 1
            while type_ == "ORG" and (quoted := _QUOTED.match(text, a, b)):  # АО «НК «КазМунайГаз»: twice
                if not all(self._descriptor(w) for w in _WORD.findall(quoted.group(1))):
                    break
                a, b = quoted.span(2)
            if a < b:
                alias = (
                    m.start() > start
                    and text[m.start() - 1] == "("
                    and (m.end() == stop or text[m.end()] == ")")
                )
                parts.append((a, b, alias))
        return parts

    def _descriptor(self, word: str) -> bool:
        """A word that says what an organisation is rather than naming it: ОАО, РИА, концерн, газета."""
        if word.isupper():
            return True
        parses = self.models.morph.parse(word)
        return parses[0].tag.POS in ("NOUN", "ADJF") and not _proper(parses[:1])

    def _false_positive(self, text: str, start: int, stop: int, sentence_start: bool) -> bool:
        """Spans natasha is known to get wrong: no capital, only titles, a common word opening a sentence;
        a name in quotation marks is a name whatever its words (клуб «16 тонн», группа «Центр»)."""
        surface = text[start:stop]
        words = _WORD.findall(surface)
        if not words:
            return True
        if _quoted(text, start, stop):
            return False
        if not any(c.isupper() for c in surface):
            return True
        morph = self.models.morph
        if all(morph.parse(w)[0].normal_form in _GENERIC for w in words):
            return True
        if sentence_start and len(words) == 1 and not (len(words[0]) > 1 and words[0].isupper()):
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
        tail = parses[names[-1].start()] if names else []
        oblique_tail = (
            case == "nomn"
            and bool(tail)
            and all(
                p.tag.case not in (None, "nomn")
                and p.tag.number != "plur"
                and _NAME_TAGS & set(p.tag.grammemes)
                for p in tail
            )
        )
        out, last = [], 0
        for i, m in enumerate(names):
            out.append(surface[last : m.start()])
            if oblique_tail and i == len(names) - 1:
                # only the last word declines (Ан Док Кыном, Мун Чжэ Ином): it alone says the case
                out.append(_nominative(m.group(), tail, tail[0].tag.case))
            else:
                out.append(_nominative(m.group(), parses[m.start()], case))
            last = m.end()
        out.append(surface[last:])
        return "".join(out)

    def _phrase_lemma(self, surface: str) -> str:
        """Put the leading adjectives and the head noun in the nominative, the adjectives agreeing with the noun:
        Посольства Франции -> Посольство Франции, Европейского союза -> Европейский союз."""
        adjectives: list[re.Match[str]] = []
        head: tuple[re.Match[str], Any] | None = None
        for m in _WORD.finditer(surface):
            word = m.group()
            if word.isupper() or not word.replace("-", "").isalpha():  # Восточно-Казахстанском is a word
                break
            parses = self.models.morph.parse(word)
            # not a person's name in a place's or body's: Астану is Астана, not the man Астан
            parse = next((p for p in parses if not _NAME_TAGS & set(p.tag.grammemes)), parses[0])
            if parse.tag.POS == "NOUN":
                head = (m, parse)
            elif parse.tag.POS == "ADJF":
                adjectives.append(m)
                continue
            break
        noun = head[1] if head is not None else None
        changes = [(m, _agreeing(self.models.morph.parse(m.group()), noun)) for m in adjectives]
        if head is not None:
            changes.append((head[0], head[1] if head[1].tag.case not in (None, "nomn") else None))
        out, last = [], 0
        for m, parse in changes:
            form = parse.inflect({"nomn"}) if parse is not None else None
            if form is not None:
                out.append(surface[last : m.start()])
                out.append(_recase(m.group(), form.word))
                last = m.end()
        out.append(surface[last:])
        return "".join(out)


def _agreeing(parses: list[Any], noun: Any) -> Any:
    """The reading of an adjective that agrees with its noun (gender or plural, case); None to leave it as is."""
    adj = [p for p in parses if p.tag.POS == "ADJF"]
    if noun is not None:
        fits = [
            p
            for p in adj
            if p.tag.case == noun.tag.case
            and (
                p.tag.number == "plur"
                if noun.tag.number == "plur"
                else p.tag.gender in (None, noun.tag.gender)
            )
        ]
        adj = fits or adj
    if not adj or adj[0].tag.case in (None, "nomn"):
        return None
    return adj[0]


def _quoted(text: str, start: int, stop: int) -> bool:
    """Whether a span is all of a quotation: a name there is written in the nominative (ОАО «Газпром»)."""
    return start > 0 and stop < len(text) and text[start - 1] in _OPEN_QUOTES and text[stop] in _CLOSE_QUOTES


def _closes(text: str, start: int, stop: int) -> bool:
    """Whether a quotation opened before `start` is closed by `stop`."""
    return any(c in _CLOSE_QUOTES for c in text[start:stop])


def _opens(text: str, start: int, stop: int) -> bool:
    """Whether a quotation closed at `stop` was opened after `start`."""
    return any(c in _OPEN_QUOTES for c in text[start:stop])


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
