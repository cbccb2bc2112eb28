"""An article's event signature: when, between whom, how and where the main event happened.

Two reports can tell the same event only when their signatures are compatible. Shared names say
"same topic"; the signature says whether it can be the same occasion: the same leaders meet
every year, and a phone call is not the state visit it mentions. A conflict vetoes a join, however
many names the two reports share.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coopwatch.dates.grammar import find_dates, grammar_lang
from coopwatch.events import is_remote, lead_end
from coopwatch.model import Document

DATE_WINDOW_DAYS = 3  # reports of one event: the day itself, the next morning's papers, a weekly wrap-up
MIN_LEAD_CHARS = 400  # a title alone is too short to say how a meeting was held


@dataclass(frozen=True, slots=True)
class StatedDate:
    """The first day a lead states as when something happened (`on 5 November`), with its span:
    what a report claims, as opposed to the day it was published."""

    start: int
    end: int
    text: str
    iso: str  # YYYY-MM-DD, or --MM-DD when the text gives no year

    @property
    def month_day(self) -> tuple[int, int]:
        return int(self.iso[-5:-3]), int(self.iso[-2:])

    def to_json(self) -> list[int | str]:
        return [self.start, self.end, self.text, self.iso]

    @classmethod
    def from_json(cls, value: list | None) -> StatedDate | None:
        if not value or len(value) != 4:
            return None
        return cls(int(value[0]), int(value[1]), str(value[2]), str(value[3]))


@dataclass(slots=True)
class Signature:
    """What must agree between two reports of one event."""

    day: date | None = None  # the article's (or its event's) date
    month_day: tuple[int, int] | None = None  # an undated article's "5 November", year unknown
    pairs: frozenset[str] = field(default_factory=frozenset)  # partner pairs, "KZ-TR"
    countries: frozenset[str] = field(default_factory=frozenset)
    remote: bool = False  # the lead reports a phone or video call
    place: str | None = None  # the entity id of the main event's place
    participants: frozenset[str] = field(default_factory=frozenset)  # people taking part in its events
    people: frozenset[str] = field(default_factory=frozenset)  # every person it names
    stated: StatedDate | None = None  # the day the lead states, for disagreements between reports

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat() if self.day else None,
            "month_day": list(self.month_day) if self.month_day else None,
            "pairs": sorted(self.pairs),
            "countries": sorted(self.countries),
            "remote": self.remote,
            "place": self.place,
            "participants": sorted(self.participants),
            "people": sorted(self.people),
            "stated": self.stated.to_json() if self.stated else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Signature:
        if not data:
            return cls()
        md = data.get("month_day")
        return cls(
            day=_day(data.get("day")),
            month_day=(int(md[0]), int(md[1])) if md else None,
            pairs=frozenset(data.get("pairs", ())),
            countries=frozenset(data.get("countries", ())),
            remote=bool(data.get("remote")),
            place=data.get("place"),
            participants=frozenset(data.get("participants", ())),
            people=frozenset(data.get("people", ())),
            stated=StatedDate.from_json(data.get("stated")),
        )


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _lead(doc: Document) -> tuple[int, int]:
    """The title and first paragraph (at least MIN_LEAD_CHARS of body): where a report says what happened."""
    body = sorted(doc.body(), key=lambda s: s.start)
    start = body[0].start if body else 0
    return start, min(len(doc.text), max(lead_end(doc), start + MIN_LEAD_CHARS))


def _stated_date(doc: Document, start: int, end: int) -> StatedDate | None:
    """The first date the lead states as a point in time."""
    for found in find_dates(doc.text[start:end], grammar_lang(doc.lang), ref_year=2000):
        if found.point:
            iso = found.date if found.year_stated else f"--{found.date[5:]}"
            return StatedDate(start + found.start, start + found.end, found.text, iso)
    return None


def _named_participants(doc: Document) -> frozenset[str]:
    """People taking part in the article's events whom the event's own sentence names: a president
    the events stage adds by title alone (Мемлекет басшысы) says nothing about which meeting it is."""
    spans = [(e.start, e.end, set(e.participants)) for e in doc.events]
    return frozenset(
        ent.id
        for ent in doc.entities
        if ent.type == "PER"
        and any(ent.id in who and any(a <= m.start < b for m in ent.mentions) for a, b, who in spans)
    )


def signature_of(doc: Document) -> Signature:
    """The event signature of an analysed article."""
    start, end = _lead(doc)
    day = _day(doc.date)
    stated = _stated_date(doc, start, end)
    places = Counter(e.location for e in doc.events if e.location and e.start < end)
    places.update(e.location for e in doc.events if e.location)
    return Signature(
        day=day,
        month_day=stated.month_day if stated and not day else None,
        pairs=frozenset("-".join(sorted(p)) for p in doc.partners),
        countries=frozenset(doc.countries),
        remote=is_remote(doc.text, start, end, doc.lang),
        place=places.most_common(1)[0][0] if places else None,
        participants=_named_participants(doc),
        people=frozenset(e.id for e in doc.entities if e.type == "PER"),
        stated=stated,
    )


def _days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two (month, day) of unknown years, the shorter way round the calendar."""
    da = date(2001, a[0], min(a[1], 28) if a[0] == 2 else a[1]).timetuple().tm_yday
    db = date(2001, b[0], min(b[1], 28) if b[0] == 2 else b[1]).timetuple().tm_yday
    gap = abs(da - db)
    return min(gap, 365 - gap)


def _month_day_of(s: Signature) -> tuple[int, int] | None:
    return (s.day.month, s.day.day) if s.day else s.month_day


def date_gap(a: Signature, b: Signature) -> int | None:
    """Days between the two events, from full dates or from day and month alone; None when unknown."""
    if a.day and b.day:
        return abs((a.day - b.day).days)
    ma, mb = _month_day_of(a), _month_day_of(b)
    if ma and mb:
        return _days_apart(ma, mb)
    return None


def _pair_in(pairs: frozenset[str], countries: frozenset[str]) -> bool:
    return any(set(p.split("-")) <= countries for p in pairs)


def conflict(a: Signature, b: Signature) -> str | None:
    """Why two reports cannot tell one event, or None when nothing in their signatures forbids it.

    A partner pair conflicts only when neither report even names the other's pair: a report
    may list a state visit's partners wrongly while still naming both countries.
    """
    gap = date_gap(a, b)
    if gap is not None and gap > DATE_WINDOW_DAYS:
        return f"dates {gap} days apart"
    if (
        a.pairs
        and b.pairs
        and not (a.pairs & b.pairs)
        and not _pair_in(a.pairs, b.countries)
        and not _pair_in(b.pairs, a.countries)
    ):
        return f"partners {'/'.join(sorted(a.pairs))} vs {'/'.join(sorted(b.pairs))}"
    return None


def agreed(a: Signature, b: Signature) -> list[str]:
    """The signature fields on which the two reports agree, for the explanation of a join."""
    out = []
    gap = date_gap(a, b)
    if gap is not None:
        out.append("date" if a.day and b.day else "day and month")
    if a.pairs & b.pairs:
        out.append("partners " + "/".join(sorted(a.pairs & b.pairs)))
    if a.remote == b.remote:
        out.append("phone call" if a.remote else "in person")
    if a.place and a.place == b.place:
        out.append(f"place {a.place}")
    if a.participants & b.participants:
        out.append("participants " + ", ".join(sorted(a.participants & b.participants)))
    return out
