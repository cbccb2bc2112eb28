"""The stage that dates an article: its metadata first, else a date that its body states."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from coopwatch.dates.grammar import (
    FoundDate,
    calendar_date,
    find_dates,
    grammar_lang,
    names_weekday,
    weekday_dates,
)
from coopwatch.model import Document, Segment

_WORD = re.compile(r"[^\W\d_]{2,}")
_TIME_OF_DAY = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-]\d)")
# /2024/11/05/, /2024-11-05-tokayev-paris: a site's path that dates the page
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)")
WEEKDAY_ZONE = 2000  # characters of body in which "on Tuesday, November 5" dates a report


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _valid_day(value: str | None) -> str | None:
    """`YYYY-MM-DD` from a metadata date (`2025-10-10T09:00:00+05:00` too), or None when it is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _readable(doc: Document) -> list[Segment]:
    """The segments to read: the body, or the text after any header when nothing was segmented yet."""
    if any(s.kind != "header" for s in doc.segments):
        return doc.body()
    start = max((s.end for s in doc.segments), default=0)
    return [Segment(start, len(doc.text))]


def body_dates(doc: Document, ref_year: int | None = None) -> list[list[FoundDate]]:
    """The dates stated in each readable segment of `doc`, with offsets into `doc.text`."""
    lang = grammar_lang(doc.lang)
    out: list[list[FoundDate]] = []
    for seg in _readable(doc):
        found = find_dates(doc.text[seg.start : seg.end], lang, ref_year=ref_year)
        out.append([replace(f, start=f.start + seg.start, end=f.end + seg.start) for f in found])
    return out


@dataclass(slots=True)
class DateFinder:
    """Sets `doc.date`: metadata wins; else a date in the first lines (dateline, byline); else a date line."""

    assigns: ClassVar[tuple[str, ...]] = ("date",)
    today: dt.date | None = None  # dates after it are rejected; None: the day of the call
    ref_year: int | None = None  # the year for datelines without one (`АСТАНА, 10 октября`)
    lead_segments: int = 3  # how many first segments count as the dateline/byline zone
    date_line_words: int = 3  # deeper in the text, only a line of a date and this many words counts

    def __call__(self, doc: Document) -> Document:
        doc.date = self.date_of(doc)
        return doc

    def date_of(self, doc: Document) -> str | None:
        """The article's date, or None when neither its metadata nor its body tells."""
        meta = _valid_day(doc.meta_date)
        if meta:
            return meta
        today = (self.today or dt.date.today()).isoformat()
        from_url = self._url_date(doc.url, today)
        if from_url:
            return from_url
        segments = _readable(doc)
        per_segment = [
            [f for f in found if f.point and f.date <= today] for found in body_dates(doc, self.ref_year)
        ]
        for found in per_segment[: self.lead_segments]:
            if found:
                return found[0].date
        # Deep in the text a date is mostly a reference ("the decree of 3 June"); a line of its own is a byline.
        bylines = [
            f.date
            for seg, found in zip(segments, per_segment, strict=True)
            for f in found
            if _words(doc.text[seg.start : f.start] + doc.text[f.end : seg.end]) <= self.date_line_words
        ]
        return (
            max(bylines, default=None)
            or self._masthead_date(doc, today)
            or self._weekday_date(doc)
            or self._day_and_month(doc, today)
        )

    def _day_and_month(self, doc: Document, today: str) -> str | None:
        """A day and month the first paragraphs state as when something happened (`1 ноября`,
        «29 қарашада»), in the latest past year the text states: a report names its own year, or
        none. Without any stated year the article stays undated."""
        year = self._latest_year_stated(doc)
        if year is None:
            return None
        for found in body_dates(doc, year)[: self.lead_segments]:
            for f in found:
                if f.point and not f.year_stated and f.date <= today:
                    return f.date
        return None

    @staticmethod
    def _url_date(url: str | None, today: str) -> str | None:
        """The date in a page's path (`/2024/11/05/`), which a site gives when it publishes."""
        m = _URL_DATE.search(url or "")
        day = calendar_date(int(m[1]), int(m[2]), int(m[3])) if m else None
        return day.isoformat() if day and day.isoformat() <= today else None

    def _weekday_date(self, doc: Document) -> str | None:
        """A day and month with its weekday near the top of the body ("on Tuesday November 5",
        «сәрсенбі, 12 қазанда»): news names the weekday only for days of the week it reports, and
        the weekday fixes the year, read against the latest past year the text states."""
        body = _readable(doc)
        if not body:
            return None
        start = body[0].start
        zone = doc.text[start : start + WEEKDAY_ZONE]
        found = weekday_dates(zone, grammar_lang(doc.lang))
        if not found:
            return None
        day = found[0].year_near(self.today or dt.date.today(), self._latest_year_stated(doc))
        return day.isoformat() if day else None

    def _latest_year_stated(self, doc: Document) -> int | None:
        """The latest year the text names that is not in the future: a report names its own year
        (or the one before) far more often than a later one."""
        latest = (self.today or dt.date.today()).year
        return max((int(y) for y in _YEAR.findall(doc.text) if int(y) <= latest), default=None)

    def _masthead_date(self, doc: Document, today: str) -> str | None:
        """A publication stamp above the body that the cleaner took for page furniture: a date line
        with a time of day (`10 Апреля 2023, 16:38`), or a bare dated line just above the text
        (`August.06.2024` between the headline and the first paragraph). A site's banner of today
        (`Понедельник, 28 апреля, 2025`, at the top of every page) names the weekday and has no
        time; it is not the article's date."""
        lang = grammar_lang(doc.lang)
        above: list[Segment] = []
        for seg in doc.segments:
            if seg.kind in ("body", "title"):
                break
            above.append(seg)
        for n, seg in enumerate(above):
            line = doc.text[seg.start : seg.end]
            stamped = bool(_TIME_OF_DAY.search(line))
            if not stamped and (n < len(above) - 2 or names_weekday(line, lang)):
                continue
            for f in find_dates(line, lang, ref_year=self.ref_year):
                bare = _words(line[: f.start] + line[f.end :]) <= (self.date_line_words if stamped else 0)
                if f.point and f.date <= today and bare and (stamped or f.year_stated):
                    return f.date
        return None
