"""Periods that figures refer to: years, month spans, quarters, open spans, and years relative to the article."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import ModuleType

from coopwatch.figures import en
from coopwatch.figures.amounts import LANGS, alternation, lookup

_F = re.IGNORECASE
_YEAR = r"(?:19[5-9]|20\d)\d"
_ALONE = r"(?<![\w.,/-]){y}(?!\d|%|[.,]\d)"  # a year not glued to other digits


@dataclass(frozen=True, slots=True)
class Period:
    """A year, a span of months or years, or a span open at its end, rendered as the contract says."""

    start_year: int
    start_month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    open: bool = False

    def __str__(self) -> str:
        if self.open:
            return f"{self.start_year}/"
        end_year = self.end_year or self.start_year
        if self.start_month is None:
            return str(self.start_year) if end_year == self.start_year else f"{self.start_year}/{end_year}"
        first = f"{self.start_year}-{self.start_month:02d}"
        last = f"{end_year}-{self.end_month or self.start_month:02d}"
        return first if first == last else f"{first}/{last}"

    def shifted(self, years: int) -> Period:
        """The same months `years` later (earlier when negative): the period a comparison figure covers."""
        return replace(
            self,
            start_year=self.start_year + years,
            end_year=None if self.end_year is None else self.end_year + years,
        )

    def in_year(self, year: int) -> Period:
        """The same months in another year ("the same period of 2023")."""
        return self.shifted(year - self.start_year)


@dataclass(slots=True)
class PeriodMention:
    """Where a period is stated; `period` is None when it is relative and the article date is unknown."""

    start: int
    end: int
    period: Period | None
    relative: bool = False


@dataclass(slots=True)
class _Part:
    """A stretch of months ("January-March", "Q1", "9 months") waiting for the year it belongs to."""

    start: int
    end: int
    first: int
    last: int
    needs_year: bool  # a lone month name is a period only next to a year ("in May 2024")


def _months(lang: ModuleType) -> str:
    return alternation(p for p, _ in lang.MONTHS)


def _compile(template: str, **groups: str) -> re.Pattern[str]:
    """A table template with its {slots} filled; a slot used twice gets the names y, y_1, y_2..."""
    for name, body in groups.items():
        pieces = template.split("{" + name + "}")
        template = pieces[0] + "".join(
            f"(?P<{name}{f'_{i}' if i else ''}>{body}){rest}" for i, rest in enumerate(pieces[1:])
        )
    return re.compile(template, _F)


def _slot(m: re.Match[str], name: str) -> str:
    """What a slot of a `_compile`d pattern matched, whichever copy of it took part."""
    return next(v for k, v in m.groupdict().items() if v and (k == name or k.startswith(name + "_")))


_ALL_MONTHS = tuple(row for lang in LANGS for row in lang.MONTHS)
_ALL_ORDINALS = tuple(row for lang in LANGS for row in lang.ORDINALS)
_ALL_WORDS = tuple(row for lang in LANGS for row in lang.NUMBER_WORDS)
_ORD = alternation(p for p, _ in _ALL_ORDINALS)
_NWORD = alternation(p for p, _ in _ALL_WORDS)
_YEAR_ALONE = _ALONE.replace("{y}", f"(?P<y>{_YEAR})")

_RANGES = [_compile(lang.YEAR_RANGE, y1=_YEAR, y2=_YEAR) for lang in LANGS]
_SINCE = [_compile(lang.YEAR_SINCE, y=_YEAR) for lang in LANGS]
_DEADLINES = [_compile(lang.DEADLINE, y=_YEAR) for lang in LANGS]
_SPANS = [_compile(lang.MONTH_SPAN, m1=_months(lang), m2=_months(lang)) for lang in LANGS]
_DATES = re.compile(
    rf"(?<!\d)\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}(?!\d)"
    rf"|(?<![\d.])\d{{1,2}}(?:-?(?:st|nd|rd|th|ші|шы|інші|ыншы))?\s(?:{alternation(p for p, _ in _ALL_MONTHS)})\b"
    rf"(?:,?\s{_YEAR}\b)?"
    rf"|\b(?:{alternation(p for p, _ in en.MONTHS)})\s\d{{1,2}},?\s{_YEAR}\b",
    _F,
)
_QUARTERS = re.compile(
    rf"(?<![\w-])(?P<o>{_ORD})\s?(?:{alternation(lang.QUARTER for lang in LANGS)})|\b(?:{en.QUARTER_CODE})\b",
    _F,
)
_HALVES = re.compile(
    rf"(?<![\w-])(?P<o>{_ORD})\s?(?:{alternation(lang.HALF for lang in LANGS)})|\b(?:{en.HALF_CODE})\b", _F
)
_NMONTHS = re.compile(
    rf"(?:\bfirst\s)?(?<![\w.,])(?:(?P<n>\d{{1,2}})|(?P<w>{_NWORD}))\s?"
    rf"(?:{alternation(lang.MONTHS_WORD for lang in LANGS)})(?!\w)|\b(?:{en.MONTHS_CODE})\b",
    _F,
)
_MONTH = re.compile(rf"\b(?:{alternation(p for p, _ in _ALL_MONTHS)})(?!\w)", _F)
_YEARS = re.compile(rf"{_YEAR_ALONE}(?:\s?(?:{alternation(lang.YEAR_MARKER for lang in LANGS)}))?", _F)
_PAST = [
    (
        _compile(lang.PAST_YEARS, n=rf"\d{{1,2}}|{alternation(p for p, _ in lang.YEAR_COUNTS)}"),
        lang.YEAR_COUNTS,
    )
    for lang in LANGS
]
_RELATIVE = tuple((re.compile(rf"\b(?:{p})", _F), off) for lang in LANGS for p, off in lang.RELATIVE_YEARS)
_JOIN = re.compile(r"[\s,]*(?:of\s+(?:the\s+)?)?", _F)  # what may stand between months and their year


def find_periods(
    text: str, start: int, end: int, year: int | None, skip: list[tuple[int, int]]
) -> list[PeriodMention]:
    """Periods stated in text[start:end] (never inside `skip`, the amounts); `year` is the article's year."""
    taken = list(skip)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    out: list[PeriodMention] = []
    for pattern in _RANGES:
        for m in pattern.finditer(text, start, end):
            y1, y2 = int(_slot(m, "y1")), int(_slot(m, "y2"))
            if y1 < y2 and free(*m.span()):
                taken.append(m.span())
                out.append(PeriodMention(m.start(), m.end(), Period(y1, end_year=y2)))
    for pattern in _SINCE:
        for m in pattern.finditer(text, start, end):
            if free(*m.span()):
                taken.append(m.span())
                out.append(PeriodMention(m.start(), m.end(), Period(int(_slot(m, "y")), open=True)))
    for pattern, counts in _PAST:
        for m in pattern.finditer(text, start, end):
            n_text = _slot(m, "n")
            n = int(n_text) if n_text.isdigit() else lookup(n_text, counts)
            if n and free(*m.span()):
                taken.append(m.span())
                period = None if year is None else Period(year - n, open=True)
                out.append(PeriodMention(m.start(), m.end(), period, relative=True))
    taken.extend(m.span() for m in _DATES.finditer(text, start, end))
    taken.extend(m.span() for pattern in _DEADLINES for m in pattern.finditer(text, start, end))
    parts = _parts(text, start, end, free, taken)
    anchors: list[tuple[int, int, int | None, bool]] = []  # start, end, year, relative
    for pattern, offset in _RELATIVE:
        for m in pattern.finditer(text, start, end):
            if free(*m.span()):
                taken.append(m.span())
                anchors.append((m.start(), m.end(), None if year is None else year + offset, True))
    for m in _YEARS.finditer(text, start, end):
        if free(*m.span()):
            taken.append(m.span())
            anchors.append((m.start(), m.end(), int(m.group("y")), False))
    used: set[int] = set()
    for part in parts:
        best = _anchor_for(text, part, anchors, used)
        if best is None:
            if part.needs_year:
                continue
            a_start, a_end, a_year, relative = part.start, part.end, year, True
        else:
            used.add(best)
            a_start, a_end, a_year, relative = anchors[best]
            a_start, a_end = min(a_start, part.start), max(a_end, part.end)
        period = None if a_year is None else Period(a_year, part.first, a_year, part.last)
        out.append(PeriodMention(a_start, a_end, period, relative))
    for i, (a_start, a_end, a_year, relative) in enumerate(anchors):
        if i not in used:
            out.append(PeriodMention(a_start, a_end, None if a_year is None else Period(a_year), relative))
    return sorted(out, key=lambda p: p.start)


def _parts(
    text: str, start: int, end: int, free: Callable[[int, int], bool], taken: list[tuple[int, int]]
) -> list[_Part]:
    """Month spans, quarters, halves and "N months" in the text, most specific first."""
    parts: list[_Part] = []

    def add(m: re.Match[str], first: int | None, last: int | None, needs_year: bool = False) -> None:
        if first and last and 1 <= first <= last <= 12 and free(*m.span()):
            taken.append(m.span())
            parts.append(_Part(m.start(), m.end(), first, last, needs_year))

    for pattern in _SPANS:
        for m in pattern.finditer(text, start, end):
            add(m, lookup(_slot(m, "m1"), _ALL_MONTHS), lookup(_slot(m, "m2"), _ALL_MONTHS))
    for m in _QUARTERS.finditer(text, start, end):
        q = _ordinal(m)
        add(m, 3 * q - 2 if q else None, 3 * q if q else None)
    for m in _HALVES.finditer(text, start, end):
        h = _ordinal(m)
        add(m, 6 * h - 5 if h else None, 6 * h if h else None)
    for m in _NMONTHS.finditer(text, start, end):
        digits = m.group("n") or next((g for g in m.groups()[2:] if g), None)
        n = int(digits) if digits else lookup(m.group("w") or "", _ALL_WORDS)
        add(m, 1, int(n) if n else None)
    for m in _MONTH.finditer(text, start, end):
        month = lookup(m.group(), _ALL_MONTHS)
        add(m, month, month, needs_year=True)
    return parts


def _ordinal(m: re.Match[str]) -> int | None:
    """The quarter or half number of a match: an ordinal word or the digit of a code like Q1 or 1H."""
    if m.group("o"):
        return lookup(m.group("o"), _ALL_ORDINALS)
    digit = next((g for g in m.groups()[1:] if g), None)
    return int(digit) if digit else None


def _anchor_for(
    text: str, part: _Part, anchors: list[tuple[int, int, int | None, bool]], used: set[int]
) -> int | None:
    """The year written right before or after a stretch of months, if any."""
    best: tuple[int, int] | None = None
    for i, (a_start, a_end, _, _) in enumerate(anchors):
        if i in used:
            continue
        if a_end <= part.start:
            gap = text[a_end : part.start]
        elif a_start >= part.end:
            gap = text[part.end : a_start]
        else:
            continue
        if _JOIN.fullmatch(gap) and (best is None or len(gap) < best[0]):
            best = (len(gap), i)
    return None if best is None else best[1]
