"""Events (meetings, visits, agreements, proposals, projects), who took part in what role, where, and partners.

Per-language words live side by side in `kk.py`, `ru.py` and `en.py`; the rules that read them in
`types.py` (which event), `roles.py` (titles next to names, people's sides), `places.py` (where) and
`partners.py` (which countries' cooperation is the subject).
"""

from __future__ import annotations

import re
from typing import ClassVar

from coopwatch.events.partners import HOST, Sentence, partner_pairs
from coopwatch.events.places import article_place, dateline_place, event_place
from coopwatch.events.roles import RoleStatement, role_statements, roles_in, sides_in
from coopwatch.events.types import (
    CUES,
    EVENT_TYPES,
    event_type,
    event_types,
    has_visit_cue,
    is_remote,
    patterns_for,
)
from coopwatch.gazetteer import Gazetteer
from coopwatch.model import Document, Event
from coopwatch.sectors import has_cue, sector_sentences

__all__ = [
    "CUES",
    "EVENT_TYPES",
    "EventExtractor",
    "RoleStatement",
    "event_type",
    "is_remote",
    "lead_end",
    "partner_pairs",
    "role_statements",
    "roles_in",
    "sides_in",
]

_KZ_OFFICIAL = re.compile(r"\b(?:аким\w*|әкім\w*|akim\w*)\b", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]{2,}")


def lead_end(doc: Document) -> int:
    """Where the title and the first body paragraph end: the part that names the article's subject
    (a paragraph of digits alone, a time stamp, is not the first)."""
    segments = sorted(doc.body(), key=lambda s: s.start)
    titles = [s.end for s in segments if s.kind == "title"]
    bodies = [s.end for s in segments if s.kind == "body" and _WORD.search(doc.text, s.start, s.end)]
    return max([*titles, *bodies[:1]], default=0)


def _sentences(doc: Document, sides: dict[str, str]) -> list[Sentence]:
    """Body sentences with their event type, countries (people's sides included), participants, sectors."""
    lead = lead_end(doc)
    out = []
    for start, end, sectors in sector_sentences(doc):
        countries: set[str] = set()
        participants: list[str] = []
        for ent in doc.entities:
            if not any(start <= m.start and m.end <= end for m in ent.mentions):
                continue
            if ent.country:
                countries.add(ent.country)
            if ent.type in ("PER", "ORG"):
                participants.append(ent.id)
            if ent.id in sides:
                countries.add(sides[ent.id])
        if _KZ_OFFICIAL.search(doc.text, start, end):
            countries.add(HOST)
        kinds = tuple(event_types(doc.text, start, end, doc.lang))
        kind = kinds[0] if kinds else None
        cue = kind is not None or has_cue(doc.text, doc.lang, start, end)
        out.append(
            Sentence(
                start, end, sectors, countries, sorted(set(participants)), kind, cue, start < lead, kinds
            )
        )
    return out


HEADS_OF_STATE = frozenset({"president", "king", "emir"})


def _presidents(
    doc: Document, statements: list[RoleStatement], sides: dict[str, str], gazetteer: Gazetteer
) -> dict[str, str]:
    """The heads of state of the article, with the country each stands for: those it calls president,
    and those the gazetteer knows held the office on the article's date."""
    out = {st.person: sides[st.person] for st in statements if st.role == "president" and st.person in sides}
    for ent in doc.entities:
        record = gazetteer.get(ent.id) if ent.type == "PER" else None
        if record is None:
            continue
        for office in record.offices_on(doc.date):
            if office.role in HEADS_OF_STATE and office.country:
                out.setdefault(ent.id, office.country)
    return out


def _leaders_by_title(doc: Document, s: Sentence, presidents: dict[str, str]) -> set[str]:
    """Presidents a sentence names by title alone: Мемлекет басшысы, the Kazakh counterpart (Kazakhstan's,
    when the article names one), «the presidents of Kazakhstan and Italy» (those of its countries);
    and a state or official visit to a country that the article's president of that country receives."""
    p = patterns_for(doc.lang)
    out: set[str] = set()
    hosts = {person for person, side in presidents.items() if side == HOST}
    if len(hosts) == 1 and p.host_leader.search(doc.text, s.start, s.end):
        out |= hosts
    if p.leaders.search(doc.text, s.start, s.end) or (
        s.kind == "visit" and p.state_visit.search(doc.text, s.start, s.end)
    ):  # a state visit: the guest and the head of state who receives them
        sides = {side for side in presidents.values() if side in s.countries}
        for side in sides:
            holders = [person for person, c in presidents.items() if c == side]
            if len(holders) == 1:
                out.add(holders[0])
    return out


class EventExtractor:
    """Stage: typed events with their sentence as evidence, participants' roles, place, and partner pairs."""

    assigns: ClassVar[tuple[str, ...]] = ("partners", "events")

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()

    def __call__(self, doc: Document) -> Document:
        statements = role_statements(doc)
        first_roles = roles_in(doc, statements)
        sides = sides_in(doc, self.gazetteer, statements)
        sentences = _sentences(doc, sides)
        titles = [(st.start, st.end) for st in statements]
        dateline = dateline_place(doc)
        doc.events = []
        leaders = _presidents(doc, statements, sides, self.gazetteer)
        for s in sentences:
            if not s.kind:
                continue
            if s.kind in ("meeting", "visit", "agreement"):
                s.participants = sorted({*s.participants, *_leaders_by_title(doc, s, leaders)})
            stated = {st.person: st.role for st in reversed(statements) if s.start <= st.mention < s.end}
            roles = {
                p: stated.get(p) or first_roles[p] for p in s.participants if p in stated or p in first_roles
            }
            visit = s.kind == "visit" or has_visit_cue(doc.text, s.start, s.end, doc.lang)
            place = event_place(doc, s.start, s.end, visit, self.gazetteer, titles)
            for kind in s.kinds:
                doc.events.append(
                    Event(
                        type=kind,
                        text=doc.text[s.start : s.end],
                        start=s.start,
                        end=s.end,
                        date=doc.date,
                        participants=list(s.participants),
                        countries=sorted(s.countries),
                        sectors=list(s.sectors),
                        roles=dict(roles),
                        location=place or (dateline if s.lead else None),
                    )
                )
        self._main_place(doc, titles)
        doc.partners = partner_pairs(doc, sentences)
        return doc

    def _main_place(self, doc: Document, titles: list[tuple[int, int]]) -> None:
        """The first meeting or visit held in person, when neither its sentence nor the dateline says
        where, happened where the article says things happen (the body's first city named as a place)."""
        main = next((e for e in doc.events if e.type in ("meeting", "visit")), None)
        if main is None or main.location or is_remote(doc.text, main.start, main.end, doc.lang):
            return
        main.location = article_place(doc, self.gazetteer, titles)
