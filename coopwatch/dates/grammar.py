"""A small date grammar for kk/ru/en news: full calendar dates with their offsets, nothing vaguer."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from coopwatch.dates import en, kk, ru

_TABLES = {"kk": kk.MONTHS, "ru": ru.MONTHS, "en": en.MONTHS}
_ALL_MONTHS = {**en.MONTHS, **ru.MONTHS, **kk.MONTHS}
_WEEKDAY_TABLES = {"kk": kk.WEEKDAYS, "ru": ru.WEEKDAYS, "en": en.WEEKDAYS}
_ALL_WEEKDAYS = {**en.WEEKDAYS, **ru.WEEKDAYS, **kk.WEEKDAYS}
_YEAR_WORDS = f"{kk.YEAR_WORDS}|{ru.YEAR_WORDS}|{en.YEAR_WORDS}"

_S = r"[ \t\u00a0\u202f]"  # spaces inside one line: a date never spans a line break
_DASH = r"[-‐–—]"
_MONTH = r"(?P<mon>[^\W\d_]+\.?)"
_DAY = r"[«\"]?(?P<d>[0-3]?\d)(?:-?(?:го|ші|шы|th|st|nd|rd))?[»\"]?"
_YEAR = rf"(?P<y>(?:19|20)\d\d)(?!\d)(?:{_S}*(?:{_YEAR_WORDS})(?!\w))?"

# 10 октября 2025 года, 10-қазан 2025 жыл, 10th of October 2025, АСТАНА, 10 октября (year optional)
_DMY = re.compile(
    rf"(?<![\w.,:/])(?:(?P<d0>[0-3]?\d){_S}*{_DASH}{_S}*)?{_DAY}(?:{_S}*-{_S}*|{_S}+(?:of{_S}+)?){_MONTH}"
    rf"(?:{_S}*,?{_S}*{_YEAR})?",
    re.IGNORECASE,
)
# October 10, 2025; Oct. 10 2025; ASTANA, Oct 10 (year optional)
_MDY = re.compile(
    rf"(?<![\w.])(?P<mon>[A-Za-z]+\.?){_S}+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w])(?:{_S}*,?{_S}*{_YEAR})?",
    re.IGNORECASE,
)
# 2025 жылғы 10 қазанда, 2025 ж. 10-қазан
_YDM = re.compile(
    rf"(?<![\w.,])(?P<y>(?:19|20)\d\d){_S}*(?:{kk.YEAR_WORDS}){_S}*,?{_S}*(?P<d>[0-3]?\d)"
    rf"(?:{_S}*{_DASH}{_S}*(?P<d1>[0-3]?\d))?(?:{_S}*-{_S}*|{_S}+){_MONTH}",
    re.IGNORECASE,
)
# August.06.2024, Aug.6.2024: a month name in a dotted date (some sites' stamps)
_MON_DOTTED = re.compile(
    r"(?<![\w.])(?P<mon>[A-Za-z]{3,9})\.(?P<d>[0-3]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)", re.IGNORECASE
)
_ISO = re.compile(r"(?<![\w.\-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d\-])")
_DOTTED_DMY = re.compile(r"(?<![\w.,])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d|\.\d)")
_DOTTED_YMD = re.compile(r"(?<![\w.,])(?P<y>(?:19|20)\d\d)\.(?P<m>[01]\d)\.(?P<d>[0-3]\d)(?!\d|\.\d)")


# Words around a date that make it a bound or a reference rather than the day something happened.
_BOUND_BEFORE = re.compile(
    r"(?<!\w)(?:от|с|со|до|по|к|начиная с|после|не позднее|from|since|until|till|by|dated|before|after|"
    r"effective|starting)[ \t\u00a0]*[«\"]?$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r"^[ \t\u00a0,]*(?:бастап|дейін|шейін|кейін|аралығында|bastap|deıin|deiin|deyin|keıin|keiin|aralyǵynda)",
    re.IGNORECASE,
)


def _is_point(text: str, start: int, end: int, month_token: str | None = None, span: bool = False) -> bool:
    """Whether a date is a day when something happened, judged from its form and the words around it."""
    if span or (month_token and month_token.casefold() in kk.BOUND_FORMS):
        return False
    return not (
        _BOUND_BEFORE.search(text, max(0, start - 25), start) or _BOUND_AFTER.match(text[end : end + 20])
    )


@dataclass(slots=True, frozen=True)
class FoundDate:
    """A calendar date stated in a text, with the exact span that states it."""

    start: int
    end: int
    text: str
    date: str  # YYYY-MM-DD
    year_stated: bool = True  # False: day and month only, the year taken from the reference year
    # False for a bound, a reference or a span: `с 1 января`, `1 қаңтардан бастап`, `10–11 May`
    point: bool = True


def _month(token: str, months: dict[str, int]) -> int | None:
    token = token.casefold()
    found = months.get(token)
    if found is None and token.endswith("."):
        found = months.get(token[:-1])
    return found


def grammar_lang(lang: str | None) -> str | None:
    """The language whose month and weekday names to read (kk, ru, en), or None for all of them."""
    return lang if lang in _TABLES else None


def calendar_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is none such (31.02, month 13...)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    found = calendar_date(year, month, day)
    return found.isoformat() if found else None


def _named(
    match: re.Match[str], months: dict[str, int], ref_year: int | None
) -> tuple[str, bool, bool] | None:
    """The ISO date of a match with a month name, whether its year was stated, and whether it is a span."""
    month = _month(match["mon"], months)
    if month is None:
        return None
    if match["y"]:
        year, stated = int(match["y"]), True
    elif ref_year is None:
        return None
    else:
        year, stated = ref_year, False
    groups = match.groupdict()
    first_day = groups.get("d0")  # a span "10–11 октября" starts on its first day
    iso = _iso(year, month, int(first_day or match["d"]))
    return (iso, stated, bool(first_day or groups.get("d1"))) if iso else None


def _partial_ok(text: str, end: int, english: bool) -> bool:
    """A day and month with no year must not run into a number (or, in `March 15 companies`, a word)."""
    rest = text[end : end + 3].lstrip(" \t\u00a0")
    if not rest:
        return True
    return not (rest[0].isalnum() if english else rest[0].isdigit())


def find_dates(
    text: str, lang: str | None = None, *, ref_year: int | None = None, guard_partial: bool = True
) -> list[FoundDate]:
    """Every full calendar date in `text`, in order; day+month alone only when `ref_year` is given
    (and, unless `guard_partial` is off, only when no number or word runs into it)."""
    months = _TABLES.get(lang or "", _ALL_MONTHS)
    found: list[FoundDate] = []

    def add(
        start: int,
        end: int,
        iso: str | None,
        stated: bool = True,
        month: str | None = None,
        span: bool = False,
    ) -> None:
        if iso:
            point = _is_point(text, start, end, month, span)
            found.append(FoundDate(start, end, text[start:end], iso, stated, point))

    for pattern in (_ISO, _DOTTED_DMY, _DOTTED_YMD):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), _iso(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _MON_DOTTED.finditer(text):
        month = en.MONTHS.get(m["mon"].casefold())
        if month:
            add(m.start(), m.end(), _iso(int(m["y"]), month, int(m["d"])))
    for pattern, table in ((_DMY, months), (_YDM, months), (_MDY, en.MONTHS if lang in (None, "en") else {})):
        if not table:
            continue
        for m in pattern.finditer(text):
            named = _named(m, table, ref_year)
            if named is None:
                continue
            iso, stated, span = named
            if not stated and guard_partial and not _partial_ok(text, m.end(), pattern is _MDY):
                continue
            end = m.end()
            if m.end("mon") == end and m["mon"].endswith(".") and m["mon"].casefold() not in table:
                end -= 1  # the full stop ends the sentence, it is not an abbreviation's
            add(m.start(), end, iso, stated, m["mon"], span)
    return _without_overlaps(found)


def _without_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    """Keep the longest reading where two readings share characters (`2025 жылғы 10 қазан` over `10 қазан`)."""
    kept: list[FoundDate] = []
    for cand in sorted(found, key=lambda f: (not f.year_stated, f.start - f.end, f.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda f: f.start)


@dataclass(slots=True, frozen=True)
class WeekdayDate:
    """A day and month stated with its weekday and no year ("on Tuesday, November 5"): the weekday
    narrows the year to one in six or so, which a reference year then picks."""

    start: int
    end: int
    month: int
    day: int
    weekday: int  # Monday 0 ... Sunday 6

    def year_near(self, latest: dt.date, earliest_year: int | None = None) -> dt.date | None:
        """The first such date in or after `earliest_year` (the latest past year the text states: a
        report mentions its own year or the one before), else the last one not after `latest`;
        None when none fits within 15 years."""
        first = min(latest.year - 15, earliest_year or latest.year)
        years = range(first, latest.year + 1)
        fits = [d for y in years if (d := calendar_date(y, self.month, self.day)) and d <= latest]
        fits = [d for d in fits if d.weekday() == self.weekday]
        if earliest_year is not None and (later := [d for d in fits if d.year >= earliest_year]):
            return later[0]
        return fits[-1] if fits else None


@dataclass(frozen=True, slots=True)
class _Weekdays:
    """A language's weekday names and the patterns that find them, compiled once."""

    names: dict[str, int]
    anywhere: re.Pattern[str]
    before: re.Pattern[str]  # "on Tuesday, " right before a date
    after: re.Pattern[str]  # ", сәрсенбі" right after one


@functools.cache
def _weekdays(lang: str | None) -> _Weekdays:
    names = _WEEKDAY_TABLES.get(lang or "", _ALL_WEEKDAYS)
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return _Weekdays(
        names,
        re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?P<wd>{alternatives})(?:{_S}+күні)?{_S}*,?{_S}*(?:the{_S}+)?$", re.IGNORECASE),
        re.compile(rf"^{_S}*[,(]?{_S}*(?P<wd>{alternatives})(?!\w)", re.IGNORECASE),
    )


def names_weekday(text: str, lang: str | None = None) -> bool:
    """Whether `text` names a day of the week (a site's banner of today does)."""
    return _weekdays(lang).anywhere.search(text) is not None


def weekday_dates(text: str, lang: str | None = None) -> list[WeekdayDate]:
    """Every day and month without a year that a weekday name stands next to, in order."""
    weekdays = _weekdays(lang)
    names, before, after = weekdays.names, weekdays.before, weekdays.after
    out = []
    for found in find_dates(text, lang, ref_year=2000, guard_partial=False):
        if found.year_stated or not found.point:
            continue
        m = before.search(text, max(0, found.start - 30), found.start) or after.match(
            text[found.end : found.end + 30]
        )
        if m:
            out.append(
                WeekdayDate(
                    found.start,
                    found.end,
                    int(found.date[5:7]),
                    int(found.date[8:10]),
                    names[m["wd"].casefold()],
                )
            )
    return out
