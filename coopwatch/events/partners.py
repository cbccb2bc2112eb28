"""Partner pairs: the countries whose cooperation is the subject, from the lead's sides and repeated sides."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from coopwatch.events.types import patterns_for
from coopwatch.model import Document

HOST = "KZ"


@dataclass(slots=True)
class Sentence:
    """A body sentence with what the event and partner rules need."""

    start: int
    end: int
    sectors: list[str]
    countries: set[str]  # named there, or the side of a person named there
    participants: list[str]
    kind: str | None
    cue: bool
    lead: bool
    kinds: tuple[str, ...] = ()  # every event type it reports, `kind` (the strongest) first


def partner_pairs(doc: Document, sentences: list[Sentence]) -> list[tuple[str, str]]:
    """Country pairs whose cooperation is the subject: the lead's sides and sides repeated beside cues."""
    known = set(doc.countries) | {c for s in sentences for c in s.countries}
    cue_counts: Counter[str] = Counter()
    lead_sides: set[str] = set()
    for s in sentences:
        if s.cue:
            cue_counts.update(s.countries)
            if s.lead:
                lead_sides |= s.countries
    if not cue_counts and len(doc.countries) == 2:
        return [(doc.countries[0], doc.countries[1])] if doc.countries[0] != doc.countries[1] else []
    host = HOST if HOST in known else None
    others = {c: n for c, n in cue_counts.items() if c != host}
    top = max(others.values(), default=0)
    partners = {c for c, n in others.items() if c in lead_sides or (n >= 2 and 2 * n >= top)}
    if not partners and others:
        partners = {c for c, n in others.items() if n == top}
    multilateral = any(s.lead and s.kind and len(s.countries) >= 3 for s in sentences)
    summit = _summit_sides(doc, sentences)
    if len(summit) >= 3:  # the article reports a summit: every country taking part is a side
        multilateral = True
        partners |= summit - {host}
    sides = partners | ({host} if host else set())
    if host and not multilateral:
        pairs = {tuple(sorted((host, c))) for c in partners}
    else:
        pairs = {tuple(sorted(p)) for p in combinations(sides, 2)}
    return sorted((a, b) for a, b in pairs)


SUMMIT_PARAGRAPHS = 4  # a summit the article reports is named in its first paragraphs


def _summit_sides(doc: Document, sentences: list[Sentence]) -> set[str]:
    """When an opening sentence speaks of a summit of two or more named countries, the countries of the
    opening sentences that report events: the summit's participants."""
    bodies = sorted((seg for seg in doc.segments if seg.kind in ("title", "body")), key=lambda seg: seg.start)
    limit = bodies[min(len(bodies), SUMMIT_PARAGRAPHS) - 1].end if bodies else 0
    p = patterns_for(doc.lang)
    opening = [s for s in sentences if s.start < limit]
    if not any(len(s.countries) >= 2 and p.summit.search(doc.text, s.start, s.end) for s in opening):
        return set()
    return {c for s in opening if s.kind for c in s.countries}
