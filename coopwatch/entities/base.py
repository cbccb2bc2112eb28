"""What an entity recogniser is, and the gazetteer recogniser: a token trie matched with per-language endings.

A `Recognizer` turns a stretch of text into `EntitySpan`s. The gazetteer recogniser is the first
one; statistical NER per language (natasha, spaCy, KazNERD) plugs in beside it with the same method.
A `Morphology` tells the trie how one language inflects a name: which index key a gazetteer word
is stored under and which (key, ending) readings a word of running text has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from coopwatch.gazetteer import LANGS, Gazetteer, Surface, SurfaceKind
from coopwatch.translit import name_key

WORD = re.compile(r"\w+")
_GAP = re.compile(
    r"[ \u00a0]{1,2}|[-‐‑’']|\.[ \u00a0]?|[ \u00a0]?[«»\"„“”][ \u00a0]?"
)  # quotes: центр «Астана»
_INITIALS = re.compile(r"(?<!\w)((?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.[ \u00a0]?-?){1,2})$")
_KIND_RANK = {"name": 0, "adjective": 1, "demonym": 2, "surname": 3}


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A recognised stretch of text; `id` set when it is linked to a gazetteer record."""

    start: int
    end: int
    type: str
    id: str | None = None
    name: str | None = None  # canonical or normalised name, when the recogniser knows it
    kind: SurfaceKind = "name"
    source: str = "gazetteer"


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A match widened by the quotation mark it leaves open: центр «Астана -> центр «Астана»."""
    inside = text[start:end]
    opens, closes = sum(inside.count(q) for q in "«„“"), sum(inside.count(q) for q in "»”")
    if opens > closes and text[end : end + 1] in ("»", "”", "“", '"'):
        end += 1
    elif closes > opens and start > 0 and text[start - 1] in "«„“":
        start -= 1
    return start, end


class Recognizer(Protocol):
    """Finds entity spans in a piece of text that begins at `offset` in the document."""

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]: ...


Piece = tuple[str, int]  # a stretch of a document's text and the offset where it begins


def recognize_pieces(recognizer: Recognizer, pieces: Sequence[Piece]) -> list[EntitySpan]:
    """Spans of all pieces of one document (its title and paragraphs).

    A recogniser that runs a model may define `recognize_pieces` to tag them in one batch: a
    neural model pays its fixed cost per call, not per word, and an article has dozens of
    paragraphs. Any other recogniser is called piece by piece.
    """
    batched = getattr(recognizer, "recognize_pieces", None)
    if batched is not None:
        return list(batched(pieces))
    return [span for text, offset in pieces for span in recognizer.recognize(text, offset)]


class Morphology(Protocol):
    """How one language inflects names, as the gazetteer trie needs to know it."""

    lang: str

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        """(lower-case key, paradigm) pairs under which a gazetteer word is stored."""
        ...

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        """(key, ending) splits of a lower-cased running-text word that may be an inflected name."""
        ...

    def agrees(self, paradigm: str, ending: str) -> bool:
        """Whether a word of this paradigm takes this ending."""
        ...


class ExactMorphology:
    """No inflection: for Latin-script names in any text and for languages without rules."""

    lang = "und"

    def index_keys(self, word: str, kind: SurfaceKind) -> list[tuple[str, str]]:
        return [(word.lower(), "")]

    def readings(self, word: str) -> Iterable[tuple[str, str]]:
        return ((word, ""),)

    def agrees(self, paradigm: str, ending: str) -> bool:
        return ending == ""


def casing(word: str) -> str:
    """How a running-text word must be written to be this gazetteer word: UPPER, Title or any."""
    if len(word) > 1 and word.isupper():
        return "upper"
    return "title" if word[:1].isupper() else "any"


def _case_ok(rule: str, word: str, key_len: int) -> bool:
    if rule == "upper":
        return word[:key_len].isupper()
    return rule == "any" or word[:1].isupper()


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    checks: set[tuple[int, str, str]] = field(default_factory=set)  # (morphology index, paradigm, casing)
    hits: list[Surface] = field(default_factory=list)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    low: str


class GazetteerRecognizer:
    """Finds every gazetteer name in a text: one token trie, each word read through its language's endings."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        morphology: Morphology,
        langs: Iterable[str] | None = None,
        borrow: Iterable[str] = (),
        foreign_countries: bool = True,
    ) -> None:
        """Index `langs` with `morphology`, plus `borrow`ed non-country names (Latin in Turkish, Russian in Kyrgyz)."""
        # foreign_countries=False keeps English country names out of a language that has its own CLDR
        # names: Turkish «Mali» is "financial".
        self.gazetteer = gazetteer
        self._morphs: list[Morphology] = [morphology, ExactMorphology()]
        self._fold: Callable[[str], str] | None = getattr(morphology, "fold", None)
        langs = tuple(langs) if langs is not None else (morphology.lang,)
        borrowed = tuple(b for b in borrow if b not in langs)
        self._root = _Node()
        for s in gazetteer.surfaces(tuple(dict.fromkeys((*LANGS, *langs, *borrowed)))):
            words = WORD.findall(self._fold(s.text) if self._fold else s.text)
            if not words:
                continue
            if s.lang in langs or (s.lang in borrowed and gazetteer[s.record_id].country is None):
                self._add(words, s, 0)
            elif (
                s.lang in LANGS
                and all(w.isascii() for w in words)
                and (foreign_countries or gazetteer[s.record_id].country is None)
            ):
                self._add(words, s, 1)  # Latin brand names and abbreviations, uninflected, in any text

    def _add(self, words: list[str], surface: Surface, morph_index: int) -> None:
        morph = self._morphs[morph_index]
        nodes = [self._root]
        for word in words:
            nxt = []
            for node in nodes:
                for key, paradigm in morph.index_keys(word, surface.kind):
                    child = node.children.setdefault(key, _Node())
                    child.checks.add((morph_index, paradigm, casing(word)))
                    nxt.append(child)
            nodes = nxt
        for node in nodes:
            if surface not in node.hits:
                node.hits.append(surface)

    def _step(self, node: _Node, tok: _Token) -> Iterator[_Node]:
        for mi, morph in enumerate(self._morphs):
            for key, ending in morph.readings(tok.low):
                child = node.children.get(key)
                if child is None:
                    continue
                if any(m == mi and morph.agrees(p, ending) and _case_ok(c, tok.text, len(key))
                       for m, p, c in child.checks):  # fmt: skip
                    yield child

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        scan = self._fold(text) if self._fold else text  # same length: offsets still point into `text`
        tokens = [_Token(m.start(), m.end(), m.group(), m.group().lower()) for m in WORD.finditer(scan)]
        found: list[tuple[int, int, list[Surface]]] = []
        for i in range(len(tokens)):
            frontier = [self._root]
            for j in range(i, len(tokens)):
                if j > i and not _GAP.fullmatch(text, tokens[j - 1].end, tokens[j].start):
                    break
                frontier = [c for node in frontier for c in self._step(node, tokens[j])]
                if not frontier:
                    break
                hits = [h for node in frontier for h in node.hits]
                if hits:
                    found.append((*_balanced(text, tokens[i].start, tokens[j].end), hits))
        spans = []
        taken: list[tuple[int, int]] = []
        for start, end, hits in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if any(start < e and s < end for s, e in taken):
                continue
            span = self._span(text, start, end, hits)
            if span is not None:
                taken.append((span.start, span.end))
                spans.append(EntitySpan(span.start + offset, span.end + offset, span.type, span.id, span.name,
                                        span.kind))  # fmt: skip
        return sorted(spans, key=lambda s: s.start)

    def _span(self, text: str, start: int, end: int, hits: list[Surface]) -> EntitySpan | None:
        """The best record for a match; lone surnames take their initials or are dropped when they clash."""
        hit = min(hits, key=lambda h: (_KIND_RANK[h.kind], h.record_id))
        rec = self.gazetteer[hit.record_id]
        if hit.kind == "surname":
            m = _INITIALS.search(text, max(0, start - 8), start)
            if m:
                firsts = {name_key(n.split()[0])[:1] for names in rec.aliases.values() for n in names}
                if name_key(m.group(1))[:1] not in firsts:
                    return None
                start = m.start(1)
        return EntitySpan(start, end, rec.type, rec.id, rec.name, hit.kind)
