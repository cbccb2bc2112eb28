"""Where an event happened: a city or region the sentence names as the place, else the lead's dateline city."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coopwatch.events.base import Patterns
from coopwatch.events.types import patterns_for
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document, Entity

_WORD_CHAR = re.compile(r"\w")
_DATELINE_END = re.compile(r"[ \t]*(?:[,.—–\-(/|]|\d)")


def word_end(text: str, pos: int) -> int:
    """Where the word running through `pos` ends, so that a name's case ending is read with it."""
    while pos < len(text) and _WORD_CHAR.match(text, pos):
        pos += 1
    return pos


def is_place(ent: Entity, gazetteer: Gazetteer | None = None) -> bool:
    """A city or region: a place that is not a country (countries are sides, not locations) nor, given
    the gazetteer, a part of the world it knows (Central Asia, Europe: no meeting is held there)."""
    if ent.type not in ("GPE", "LOC") or ent.country:
        return False
    record = gazetteer.get(ent.id) if gazetteer is not None else None
    return record is None or record.region is not None


def _tail(word: str, ent: Entity, gazetteer: Gazetteer, lang: str) -> str | None:
    """The case ending after a place's name (Астанада -> да), or None when the name is not known."""
    record = gazetteer.get(ent.id)
    if record is None:
        return None
    low = word.lower()
    bases = [a.lower() for a in record.aliases.get(lang, [])]
    base = max((b for b in bases if low.startswith(b)), key=len, default=None)
    return None if base is None else low[len(base) :]


def _marked(
    text: str, s: int, e: int, ent: Entity, visit: bool, p: Patterns, g: Gazetteer, lang: str
) -> bool:
    """Whether the mention text[s:e] names where it happens: в Берлине, in Berlin, Астанада, облысында."""
    before = text[max(0, s - 30) : s]
    if p.place_before.search(before) or (visit and p.visit_place_before.search(before)):
        return True
    word = text[s : word_end(text, e)]
    if p.place_after.match(text, s + len(word)):
        return True
    tail = _tail(word, ent, g, lang)
    if tail is None:  # an unknown name: the ending of its last word is all we have
        return bool((p.visit_place_end if visit else p.place_end).search(word.split()[-1]))
    return bool(tail) and bool(p.place_tail.fullmatch(tail) or (visit and p.visit_place_tail.fullmatch(tail)))


def event_place(
    doc: Document,
    start: int,
    end: int,
    visit: bool,
    gazetteer: Gazetteer,
    skip: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The first city or region that text[start:end] names as the place (outside the titles in `skip`)."""
    p = patterns_for(doc.lang)
    found: list[tuple[int, str]] = []
    for ent in doc.entities:
        if not is_place(ent, gazetteer):
            continue
        for m in ent.mentions:
            inside = (
                start <= m.start and m.end <= end and not any(a <= m.start and m.end <= b for a, b in skip)
            )
            if inside and _marked(doc.text, m.start, m.end, ent, visit, p, gazetteer, doc.lang):
                found.append((m.start, ent.id))
    return min(found)[1] if found else None


DATELINE_SEGMENTS = 3  # a dateline opens one of the first paragraphs (a time stamp may come first)


def dateline_place(doc: Document) -> str | None:
    """The city a dateline opens the article with ("ASTANA, Oct 10 –", «Өскемен. ҚазАқпарат»), if any."""
    bodies = sorted((s for s in doc.segments if s.kind == "body"), key=lambda s: s.start)
    starts = {}
    for seg in bodies[:DATELINE_SEGMENTS]:
        line = doc.text[seg.start : seg.end]
        starts[seg.start + len(line) - len(line.lstrip())] = seg
    for ent in doc.entities:
        if not is_place(ent):
            continue
        for m in ent.mentions:
            seg = starts.get(m.start)
            if seg is not None and _DATELINE_END.match(doc.text, m.end, seg.end):
                return ent.id
    return None


def article_place(doc: Document, gazetteer: Gazetteer, skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """The first city or region the article names as a place where something happens (в Москве,
    Астанада, to Baku): where its main meeting was, when the meeting's own sentence does not say."""
    return event_place(doc, 0, len(doc.text), True, gazetteer, skip)
