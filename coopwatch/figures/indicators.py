"""What an amount measures, read from the keywords around it, and the growth percentages stated next to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopwatch.figures.amounts import LANGS, alternation, parse_number

_F = re.IGNORECASE
_KEYWORDS = tuple((re.compile(rf"\b(?:{p})", _F), name) for lang in LANGS for p, name in lang.INDICATORS)
_TO_KZ = re.compile(alternation(lang.TO_KZ for lang in LANGS), _F)
_FROM_KZ = re.compile(alternation(lang.FROM_KZ for lang in LANGS), _F)
_UP = re.compile(rf"\b(?:{alternation(lang.CHANGE_UP for lang in LANGS)})\b", _F)
_DOWN = re.compile(rf"\b(?:{alternation(lang.CHANGE_DOWN for lang in LANGS)})\b", _F)
_PERCENT = re.compile(r"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)\s?(?:%|процент\w*|пайыз\w*|percent|per\scent)", _F)
_REACH = 40  # characters between a percentage and the word that says up or down


@dataclass(slots=True)
class Keyword:
    """An indicator word in a sentence."""

    start: int
    end: int
    indicator: str


@dataclass(slots=True)
class Change:
    """A growth percentage: signed, where it is written."""

    start: int
    end: int
    pct: float


def find_keywords(text: str, start: int, end: int) -> list[Keyword]:
    """Every indicator keyword in text[start:end]."""
    found = [
        Keyword(m.start(), m.end(), name)
        for pattern, name in _KEYWORDS
        for m in pattern.finditer(text, start, end)
    ]
    return sorted(found, key=lambda k: k.start)


def nearest(
    keywords: list[Keyword], span: tuple[int, int], lo: int, hi: int, others: list[tuple[int, int]]
) -> Keyword | None:
    """The keyword in [lo, hi) nearest to the amount at `span`, before it if any, else after it.

    A keyword with another amount between it and this one belongs to that amount.
    """
    start, end = span

    def free(a: int, b: int) -> bool:
        return not any(a <= s and e <= b for s, e in others if (s, e) != span)

    before = [k for k in keywords if lo <= k.start < start and k.end <= hi and free(k.end, start)]
    if before:
        return max(before, key=lambda k: (min(k.end, start), -k.start))
    after = [k for k in keywords if k.start >= end and k.end <= hi and free(end, k.start)]
    return min(after, key=lambda k: k.start) if after else None


def indicator_of(keyword: Keyword, text: str, clause: tuple[int, int]) -> str:
    """The keyword's indicator, seen from the Kazakh side: exports into Kazakhstan are its imports."""
    if keyword.indicator == "exports" and _TO_KZ.search(text, *clause):
        return "imports"
    if keyword.indicator == "imports" and _FROM_KZ.search(text, *clause):
        return "exports"
    return keyword.indicator


def find_changes(text: str, start: int, end: int, clauses: list[tuple[int, int]]) -> list[Change]:
    """Percentages in text[start:end] that say by how much something grew (+) or fell (-)."""
    found = []
    for m in _PERCENT.finditer(text, start, end):
        lo, hi = next(((a, b) for a, b in clauses if a <= m.start() < b), (start, end))
        lo, hi = max(lo, m.start() - _REACH), min(hi, m.end() + _REACH)
        best: tuple[int, float] | None = None
        for pattern, sign in ((_UP, 1.0), (_DOWN, -1.0)):
            for w in pattern.finditer(text, lo, hi):
                distance = m.start() - w.end() if w.end() <= m.start() else w.start() - m.end()
                if distance >= 0 and (best is None or distance < best[0]):
                    best = (distance, sign)
        if best is not None:
            found.append(Change(m.start(), m.end(), best[1] * parse_number(m.group("n"), decimal_comma=True)))
    return found
