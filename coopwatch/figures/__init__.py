"""Figures stage: amounts stated in the article, with what they measure, their period and their partner.

Each sentence is read on its own: its amounts, the periods it states, the keywords
around every amount, and comparison cues ("compared with the same period of 2023
(1.1 billion)") that make an amount the earlier value of another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from coopwatch.figures.amounts import LANGS, Amount, alternation, find_amounts
from coopwatch.figures.indicators import Keyword, find_changes, find_keywords, indicator_of, nearest
from coopwatch.figures.periods import Period, PeriodMention, find_periods
from coopwatch.model import Document, Figure
from coopwatch.sentences import split_span

__all__ = ["FigureExtractor", "Period", "extract_figures"]

_F = re.IGNORECASE
_CLAUSE_BREAK = re.compile(r"[;()\[\]]|(?<!\d),|,(?!\d)")
_CUE_BEFORE = re.compile(alternation(lang.COMPARE_BEFORE for lang in LANGS), _F)
_CUE_AFTER = re.compile(alternation(lang.COMPARE_AFTER for lang in LANGS), _F)
_SAME_PERIOD = re.compile(alternation(lang.SAME_PERIOD for lang in LANGS), _F)


@dataclass(slots=True)
class _Item:
    """An amount on its way to becoming a figure."""

    amount: Amount
    depth: int  # how many brackets it sits in
    currency: str | None  # its own, or for a bare scale ("3 млрд.") that of the amount before it
    compared: bool = False  # the earlier value of another amount ("(1.1 billion)" after "compared with")
    main: _Item | None = None  # for a compared amount: the amount it is compared with
    figure: Figure | None = None


class FigureExtractor:
    """Fills `doc.figures` from the title and body; reads `doc.lang`, `doc.date` and GPE entities."""

    assigns: ClassVar[tuple[str, ...]] = ("figures",)

    def __call__(self, doc: Document) -> Document:
        doc.figures = extract_figures(doc)
        return doc


def extract_figures(doc: Document) -> list[Figure]:
    """Every figure of the article's title and body, in text order."""
    year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    places = sorted(
        (m.start, m.end, e.country)
        for e in doc.entities
        if e.type == "GPE" and e.country and e.country != "KZ"
        for m in e.mentions
    )
    figures: list[Figure] = []
    for seg in sorted(doc.body(), key=lambda s: s.start):
        carried: str | None = None  # the one period the paragraph's last sentence to state one stated
        unread: list[tuple[int, int]] = []  # sentences without amounts whose periods are read only if needed
        for start, end in split_span(doc.text, seg.start, seg.end):
            found, stated = _sentence(doc.text, start, end, doc.lang != "en", year, places)
            if stated is None:
                unread.append((start, end))
                continue
            if stated:
                carried, unread = (next(iter(stated)) if len(stated) == 1 else None), []
                figures.extend(found)
                continue
            waiting = [f for f in found if f.period is None and f.currency and f.indicator != "target"]
            if waiting:
                for a, b in unread:
                    carried = _carry(carried, _stated(doc.text, a, b, year, []))
                unread = []
                for f in waiting:
                    f.period = carried
            figures.extend(found)
    return figures


def _stated(text: str, start: int, end: int, year: int | None, skip: list[tuple[int, int]]) -> set[str]:
    """The periods text[start:end] states, outside the amounts in `skip`."""
    return {str(p.period) for p in find_periods(text, start, end, year, skip) if p.period}


def _carry(carried: str | None, stated: set[str]) -> str | None:
    """The period a later sentence speaks of: the one this sentence states, the earlier one when it
    states none, no period when it states several."""
    if not stated:
        return carried
    return next(iter(stated)) if len(stated) == 1 else None


def _sentence(
    text: str, start: int, end: int, decimal_comma: bool, year: int | None, places: list[tuple[int, int, str]]
) -> tuple[list[Figure], set[str] | None]:
    """The figures of one sentence, and the periods it states (which the next sentence may speak of);
    None instead of the periods for a sentence without amounts, which is left for later if needed."""
    amounts = find_amounts(text, start, end, decimal_comma)
    if not amounts:
        return [], None
    periods = find_periods(text, start, end, year, [(a.start, a.end) for a in amounts])
    stated = {str(p.period) for p in periods if p.period}
    clauses = _clauses(text, start, end)
    keywords = find_keywords(text, start, end)
    items: list[_Item] = []
    for a in amounts:
        depth = text.count("(", start, a.start) - text.count(")", start, a.start)
        currency = a.currency
        if currency is None and not a.count:
            currency = next((x.currency for x in reversed(items) if x.currency), None)
        items.append(_Item(a, depth, currency))
    # Keywords serve money amounts and counts; "1.2 million tonnes" does not take the "exported" before it.
    spans = [(x.amount.start, x.amount.end) for x in items if x.currency or x.amount.count]
    regions = _mark_comparisons(text, items, clauses, keywords, spans)
    main_periods = [p for p in periods if not any(a <= p.start < b for a, b in regions)]
    leading = any(p.end <= amounts[0].start for p in main_periods)
    for i, item in enumerate(items):
        a = item.amount
        clause, evidence = _clause_of(clauses, a.start), text[a.start : a.end]
        if item.compared and item.main and item.main.figure:
            main = item.main.figure
            cmp_regions = [(lo, hi) for lo, hi in regions if _near(lo, items, i)]
            period = _compared_period(text, main.period, periods, cmp_regions)
            currency = a.currency or main.currency
            figure = Figure(main.indicator, a.value, currency, period, evidence, a.start, a.end, main.country)
        else:
            currency, indicator = item.currency, "companies" if a.count else "other"
            if currency:
                hit = nearest(keywords, (a.start, a.end), *clause, spans)
                if hit is None and a.currency:  # a bare scale reads only its own clause
                    hit = nearest(keywords, (a.start, a.end), start, end, spans)
                indicator = indicator_of(hit, text, clause) if hit else "other"
            period = _main_period(main_periods, a, leading, _past_brackets(text, clauses, clause))
            country = _country(places, a, start, end)
            figure = Figure(indicator, a.value, currency, period, evidence, a.start, a.end, country)
        item.figure = figure
    _attach_changes(text, start, end, clauses, items)
    _equivalents(text, items)
    return [item.figure for item in items if item.figure], stated


_OPENS_ASIDE = re.compile(r"\s*\(\s*(?:(?:about|around|approximately|or|около|примерно|шамамен)\s+)?$", _F)


def _equivalents(text: str, items: list[_Item]) -> None:
    """An amount in brackets right after another is the same amount in another currency (5.3 billion
    euros ($5.6 billion)): it measures what the first measures, over its period."""
    for prev, item in pairwise(items):
        first, second = prev.figure, item.figure
        if first is None or second is None or item.depth != prev.depth + 1 or not second.currency:
            continue
        if not _OPENS_ASIDE.fullmatch(text, prev.amount.end, item.amount.start):
            continue
        if second.indicator == "other":
            second.indicator = first.indicator
        second.period = second.period or first.period
        second.country = second.country or first.country


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of a sentence between commas, semicolons and brackets (not the comma of "4,2")."""
    cuts = [start, *(m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)), end]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((c for c in clauses if c[0] <= pos < c[1]), clauses[-1])


def _past_brackets(text: str, clauses: list[tuple[int, int]], clause: tuple[int, int]) -> tuple[int, int]:
    """A clause with the brackets that follow it and the words after them: «5.3 billion euros ($5.6
    billion) in 2022» states its year after the aside."""
    start, end = clause
    i = clauses.index(clause) if clause in clauses else len(clauses)
    while (
        i + 2 < len(clauses)
        and text[end : end + 1] == "("
        and text[clauses[i + 1][1] : clauses[i + 1][1] + 1] == ")"
    ):
        end = clauses[i + 2][1]
        i += 2
    return start, end


def _mark_comparisons(
    text: str,
    items: list[_Item],
    clauses: list[tuple[int, int]],
    keywords: list[Keyword],
    spans: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Flag compared amounts and return the stretches of text that speak of the earlier period."""
    s_start, s_end = clauses[0][0], clauses[-1][1]
    # "compared with ..." reaches to the end of its clause; "... салыстырғанда" back to its start,
    # or back to the amount before the one it follows.
    regions = [
        (m.start(), _clause_of(clauses, m.start())[1]) for m in _CUE_BEFORE.finditer(text, s_start, s_end)
    ]
    for m in _CUE_AFTER.finditer(text, s_start, s_end):
        ends = [x.amount.end for x in items if x.amount.end <= m.start()]
        bound = ends[-2] if len(ends) > 1 else ends[0] if ends else s_start
        regions.append((max(_clause_of(clauses, m.start())[0], bound), m.end()))
    for i, item in enumerate(items[1:], 1):
        a, prev = item.amount, items[i - 1].amount
        earlier = [x for x in items[:i] if not x.compared]
        if not earlier or a.count:
            continue
        top = min(x.depth for x in earlier)
        cues = [lo for lo, hi in regions if prev.end <= lo < a.start or lo <= a.start < hi]
        bracket = _bracket(text, s_start, s_end, a) if item.depth > top else None
        if cues and not any(max(cues) <= k.start < a.start for k in keywords):
            pass  # no new indicator between the cue and the amount ("..., а импорт – 1,2 млрд" is not compared)
        elif bracket and a.currency is None and not nearest(keywords, (a.start, a.end), *bracket, spans):
            regions.append(bracket)  # "3 млрд долларов (в 2023 году – 2,5 млрд)"
        else:
            continue
        item.compared, item.main = True, next(x for x in reversed(earlier) if x.depth == top)
        regions.append((a.end, _clause_of(clauses, a.end)[1]))
    return regions


def _bracket(text: str, start: int, end: int, a: Amount) -> tuple[int, int] | None:
    """The brackets around an amount, as a span, when they open and close inside the sentence."""
    lo, hi = text.rfind("(", start, a.start), text.find(")", a.end, end)
    return (lo, hi + 1) if lo >= 0 and hi >= 0 and ")" not in text[lo : a.start] else None


def _near(lo: int, items: list[_Item], i: int) -> bool:
    """Whether a comparison stretch starting at `lo` belongs to the i-th amount (not to its neighbours)."""
    prev_end = items[i - 1].amount.end if i else 0
    nxt = items[i + 1].amount.start if i + 1 < len(items) else 10**12
    return prev_end <= lo < nxt


def _compared_period(
    text: str, main: str | None, periods: list[PeriodMention], regions: list[tuple[int, int]]
) -> str | None:
    """The period of a compared amount: the one its comparison names, else the year before the main one."""
    main_period = _parse(main)
    stated = [
        p for p in periods if not p.relative and p.period and any(lo <= p.start < hi for lo, hi in regions)
    ]
    if stated:
        period = stated[-1].period
        assert period is not None
        same = any(_SAME_PERIOD.search(text, lo, hi) for lo, hi in regions)
        if same and main_period and main_period.start_month:
            return str(main_period.in_year(period.start_year))
        return str(period)
    if main_period and not main_period.open:
        return str(main_period.shifted(-1))
    relative = [p for p in periods if p.relative and any(lo <= p.start < hi for lo, hi in regions)]
    return str(relative[-1].period) if relative and relative[-1].period else None


def _parse(period: str | None) -> Period | None:
    """A contract period string back into a Period."""
    if not period:
        return None
    first, _, last = period.partition("/")
    if period.endswith("/"):
        return Period(int(first), open=True)
    y1, _, m1 = first.partition("-")
    y2, _, m2 = (last or first).partition("-")
    return Period(int(y1), int(m1) if m1 else None, int(y2), int(m2) if m2 else None)


def _main_period(
    periods: list[PeriodMention], a: Amount, leading: bool, clause: tuple[int, int]
) -> str | None:
    """The period stated for an amount: before it when the sentence opens with its period, else after it.

    A period after the amount counts only in the amount's own clause: one further on opens the next clause.
    """
    before = [p for p in periods if p.end <= a.start]
    after = [p for p in periods if p.start >= a.end and p.start < clause[1]]
    first, second = (before[-1:], after[:1]) if leading else (after[:1], before[-1:])
    chosen = (first or second or [None])[0]
    return str(chosen.period) if chosen and chosen.period else None


def _country(places: list[tuple[int, int, str]], a: Amount, start: int, end: int) -> str | None:
    """The partner country named in the sentence, the nearest to the amount (not the one in its currency)."""
    inside = [
        (min(abs(s - a.start), abs(e - a.end)), c)
        for s, e, c in places
        if start <= s and e <= end and not (a.start <= s and e <= a.end)
    ]
    return min(inside)[1] if inside else None


def _attach_changes(
    text: str, start: int, end: int, clauses: list[tuple[int, int]], items: list[_Item]
) -> None:
    """Give each growth percentage to the amount it describes: the main amount before it, else the next one."""
    for change in find_changes(text, start, end, clauses):
        earlier = [x for x in items if not x.compared and x.amount.end <= change.start]
        later = [x for x in items if not x.compared and x.amount.start >= change.end]
        if earlier:
            top = min(x.depth for x in earlier)
            target = next(x for x in reversed(earlier) if x.depth == top)
        elif later:
            target = later[0]
        else:
            continue
        if target.figure and target.figure.change_pct is None:
            target.figure.change_pct = change.pct
