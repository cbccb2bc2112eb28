"""Partner pairs: the countries whose cooperation is the subject, from the lead's sides and repeated sides."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

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
    sides = partners | ({host} if host else set())
    if host and not multilateral:
        pairs = {tuple(sorted((host, c))) for c in partners}
    else:
        pairs = {tuple(sorted(p)) for p in combinations(sides, 2)}
    return sorted((a, b) for a, b in pairs)
