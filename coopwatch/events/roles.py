"""Roles stated next to a person's name (Governor Saktaganov, послом Франции Сильваном Гиоге) and people's sides.

A title attaches to the person named right after it, across the words that may stand between (a country,
a region, «иностранных дел», "of France to"); failing that, to the person it follows as an apposition
("Roman Vassilenko, Deputy Foreign Minister,"). The country the title names, unless only as the host
(посол Франции «в Казахстане»), is the person's side; so is a known person's country in the gazetteer,
and Kazakhstan for an akim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopwatch.events.base import Patterns
from coopwatch.events.places import is_place, word_end
from coopwatch.events.types import patterns_for
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document, Entity

HOST = "KZ"
MAX_FILLER = 6  # words between a title and the name: «чрезвычайным и полномочным послом Франции в Казахстане»
MAX_APPOSITION = 3  # words before a title that follows a name: "Vassilenko, Kazakh Deputy Foreign Minister"
_TOKEN = re.compile(r"[ \t\u00a0]*(?:(\w[\w\-’']*)|[«»\"“”„])")
_COMMA = re.compile(r"\s*,\s*")
_BREAK = re.compile(r"[,.;:!?()\[\]—–]")
_APPOSITION_END = re.compile(r"\s*(?:[,;.)—–]|$)")
_APPOSITION = re.compile(rf",\s*((?:\S+\s+){{0,{MAX_APPOSITION}}})$")
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True, slots=True)
class RoleStatement:
    """A title stated next to a name: whose, which role, the country it names, and the text it covers."""

    person: str
    role: str
    country: str | None
    start: int  # the title with its country words, so that a place inside it is not the event's place
    end: int
    mention: int  # where the person's name starts


class _Mentions:
    """Every entity mention of a document, found by where it starts or ends."""

    def __init__(self, doc: Document) -> None:
        self.spans = sorted((m.start, m.end, e) for e in doc.entities for m in e.mentions)
        self.at = {s: (e, ent) for s, e, ent in self.spans}
        self.ending = {e: (s, ent) for s, e, ent in self.spans}

    def inside(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions within text[start:end], in order."""
        return [x for x in self.spans if start <= x[0] and x[1] <= end]

    def person_across(self, start: int, end: int) -> bool:
        """Whether a person's name overlaps text[start:end]."""
        return any(s < end and start < e and ent.type == "PER" for s, e, ent in self.spans)


def _filler(word: str, p: Patterns) -> bool:
    """A word that may stand inside a title: a name (capitalised) or one of the language's modifiers."""
    return word[0].isupper() or bool(p.modifier.match(word))


def _forward(text: str, pos: int, limit: int, ms: _Mentions, p: Patterns) -> tuple[int, Entity | None]:
    """Walk over the words allowed after a title: the person named there, or where the walk stopped."""
    for _ in range(MAX_FILLER + 1):
        gap = len(text[pos:limit]) - len(text[pos:limit].lstrip(" \t\u00a0"))
        at = ms.at.get(pos + gap)
        if at is not None:
            end, ent = at
            if ent.type == "PER":
                return pos + gap, ent
            pos = end
            continue
        comma = _COMMA.match(text, pos, limit)  # "the President of France, Emmanuel Macron, said"
        named = ms.at.get(comma.end()) if comma else None
        if comma and named and named[1].type == "PER" and _APPOSITION_END.match(text, named[0], limit):
            return comma.end(), named[1]
        m = _TOKEN.match(text, pos, limit)
        if m is None or (m.group(1) is not None and not _filler(m.group(1), p)):
            break
        pos = m.end()
    return pos, None


def _apposition(text: str, start: int, floor: int, ms: _Mentions, p: Patterns) -> tuple[int, Entity] | None:
    """The person a title follows after a comma ("Vassilenko, Deputy Foreign Minister"), with where it starts."""
    m = _APPOSITION.search(text, floor, start)
    if m is None or not all(_filler(w, p) or w.lower() in _ARTICLES for w in m.group(1).split()):
        return None
    hit = ms.ending.get(m.start())
    return hit if hit is not None and hit[1].type == "PER" else None


def _left_edge(text: str, start: int, floor: int, ms: _Mentions, p: Patterns) -> int:
    """How far left a title's own words reach (French President; Қазақстан Республикасы ... министрі)."""
    edge = start
    words = list(re.finditer(r"\S+", text[floor:start]))[-p.left_reach :]
    for w in reversed(words):
        a, b = floor + w.start(), floor + w.end()
        if _BREAK.search(w.group()) or p.left_stop.match(w.group()) or ms.person_across(a, b):
            break
        if p.place_end.search(w.group()) and any(is_place(ent) for _, _, ent in ms.inside(a, b)):
            break  # a city in the locative (Берлинде) says where, it is not part of the title after it
        edge = a
    return edge


def _named_country(text: str, start: int, end: int, ms: _Mentions, p: Patterns) -> str | None:
    """The first country a title names as its own (посол Франции), not as its host (в Казахстане)."""
    for s, e, ent in ms.inside(start, end):
        if not ent.country or p.host_before.search(text, start, s):
            continue
        word = text[s : word_end(text, e)]
        if not p.host_tail.search(word):
            return ent.country
    return None


def role_statements(doc: Document) -> list[RoleStatement]:
    """Every title the text states next to a person's name, in text order."""
    p = patterns_for(doc.lang)
    ms = _Mentions(doc)
    text = doc.text
    out = []
    for seg in doc.body():
        for m in p.roles.finditer(text, seg.start, seg.end):
            role = p.role_of(m)
            if role is None:
                continue
            end, person = _forward(text, m.end(), seg.end, ms, p)
            mention = end
            if person is None:
                hit = _apposition(text, m.start(), seg.start, ms, p)
                if hit is None or not _APPOSITION_END.match(text, end, seg.end):
                    continue
                mention, person = hit
            left = _left_edge(text, m.start(), seg.start, ms, p)
            country = _named_country(text, left, end, ms, p)
            out.append(RoleStatement(person.id, role, country, left, end, mention))
    return out


def roles_in(doc: Document, statements: list[RoleStatement] | None = None) -> dict[str, str]:
    """Each person's role as the article first states it (entity id -> role id), for the dashboard."""
    out: dict[str, str] = {}
    for st in role_statements(doc) if statements is None else statements:
        out.setdefault(st.person, st.role)
    return out


def sides_in(
    doc: Document, gazetteer: Gazetteer, statements: list[RoleStatement] | None = None
) -> dict[str, str]:
    """The country each person stands for: the gazetteer's, else the one their title names, else KZ for an akim."""
    statements = role_statements(doc) if statements is None else statements
    out: dict[str, str] = {}
    for ent in doc.entities:
        record = gazetteer.get(ent.id) if ent.type == "PER" else None
        side = record and (record.country or record.region)
        if side:
            out[ent.id] = side
    for st in statements:
        if st.country and st.person not in out:
            out[st.person] = st.country
    for st in statements:
        if st.role == "akim":
            out.setdefault(st.person, HOST)
    return out
