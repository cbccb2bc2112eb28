"""The date stage: metadata first, then the article's first lines, never a site banner or a reference."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from coopwatch.clean import Cleaner
from coopwatch.dates import DateFinder, FoundDate, find_dates
from coopwatch.model import Document, Segment

FINDER = DateFinder(today=dt.date(2026, 1, 1))


def lines_doc(*lines: tuple[str, str], meta_date: str | None = None) -> Document:
    """A document whose lines are already segmented as (kind, text)."""
    text, segments = "", []
    for kind, line in lines:
        segments.append(Segment(len(text), len(text) + len(line), kind))  # type: ignore[arg-type]
        text += line + "\n"
    return Document(id="t", text=text, segments=segments, meta_date=meta_date, lang="ru")


@pytest.mark.parametrize(
    ("meta", "expected"),
    [("2025-10-10", "2025-10-10"), ("2025-10-10T09:00:00+05:00", "2025-10-10"), ("not a date", "2024-03-05")],
)
def test_metadata_wins_when_valid(meta: str, expected: str) -> None:
    doc = lines_doc(
        ("body", "Переговоры прошли 5 марта 2024 года в Астане и завершились подписанием."), meta_date=meta
    )
    assert FINDER(doc).date == expected


def test_a_banner_in_boilerplate_is_not_the_date() -> None:
    doc = lines_doc(
        ("boilerplate", "Понедельник, 28 апреля, 2025"),
        ("body", "Посол Франции обсудил с акимом области вопросы двустороннего сотрудничества."),
    )
    assert FINDER(doc).date is None


def test_the_first_lines_win_over_a_date_deep_in_the_text() -> None:
    doc = lines_doc(
        ("title", "Казахстан и Франция подписали соглашения"),
        ("body", "12 ноября 2025 г., 10:40"),
        ("body", "Министры встретились в Париже."),
        ("body", "Стороны обсудили торговлю."),
        ("body", "Предыдущая встреча прошла 20 ноября 2024 года в Астане."),
    )
    assert FINDER(doc).date == "2025-11-12"


@pytest.mark.parametrize(
    ("last_line", "expected"),
    [
        ("Дата публикации: 14.11.2025", "2025-11-14"),
        ("Договор был подписан 5 июня 2008 года в Париже.", None),
    ],
)
def test_deep_in_the_text_only_a_date_line_counts(last_line: str, expected: str | None) -> None:
    doc = lines_doc(
        ("body", "Министры встретились в Париже."),
        ("body", "Стороны обсудили торговлю и инвестиции."),
        ("body", "Особое внимание уделено энергетике."),
        ("body", last_line),
    )
    assert FINDER(doc).date == expected


def test_unsegmented_text_is_read_after_the_header() -> None:
    text = " date 2025-10-10 Министры встретились 3 октября 2025 года."
    doc = Document(id="t", text=text, segments=[Segment(0, 17, "header")])
    assert FINDER(doc).date == "2025-10-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Встреча 10 октября 2025 года и 2025 жылғы 11 қазанда.",
            ["10 октября 2025 года", "2025 жылғы 11 қазанда"],
        ),
        ("Отчёт за 2024 год: рост 4,2% и 52 проекта.", []),
        ("Срок 10.10.2025, версия 1.2.3.", ["10.10.2025"]),
    ],
)
def test_find_dates_gives_exact_spans(text: str, expected: list[str]) -> None:
    found = find_dates(text)
    assert [f.text for f in found] == expected
    assert all(text[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Соглашение подписано 10 октября 2025 года.", True),
        ("Действует с 10 октября 2025 года.", False),
        ("2025 жылғы 10 қазаннан бастап күшіне енеді.", False),
        ("Форум 10–11 октября 2025 года.", False),
    ],
)
def test_bounds_and_spans_are_not_points(text: str, point: bool) -> None:
    assert [f.point for f in find_dates(text)] == [point]


def test_partial_dates_carry_the_reference_year() -> None:
    assert find_dates("АСТАНА, 10 октября. /Казинформ/", ref_year=2025) == [
        FoundDate(8, 18, "10 октября", "2025-10-10", year_stated=False)
    ]


def test_real_seeds_are_dated_only_by_their_header(shared: Path) -> None:
    """Seeds 000/001 carry a crawler header; 002-004 state no full date (002 has only a site banner)."""
    got = {}
    for path in sorted((shared / "corpus" / "seeds").glob("seed-*.txt")):
        text = path.read_text(encoding="utf-8")
        header = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s", text)
        doc = Document(id=path.stem, text=text, meta_date=header and header[1])
        doc.segments = [Segment(0, header.end(), "header")] if header else []
        got[path.stem] = FINDER(Cleaner()(doc)).date
    assert got == {
        "seed-000": "2025-10-10",
        "seed-001": "2025-10-10",
        "seed-002": None,
        "seed-003": None,
        "seed-004": None,
    }


def test_a_publication_stamp_above_the_body_dates_the_article() -> None:
    doc = lines_doc(
        ("boilerplate", "Казахстан и Азербайджан обсудили транзит"),
        ("boilerplate", "10 Апреля 2023, 16:38"),
        ("boilerplate", "Подпишитесь на наш канал"),
        ("body", "Министры встретились в Баку и обсудили Средний коридор."),
    )
    assert FINDER(doc).date == "2023-04-10"


def test_a_stamp_below_the_body_start_is_not_read_as_the_masthead() -> None:
    doc = lines_doc(
        ("body", "Министры встретились в Баку и обсудили Средний коридор."),
        ("boilerplate", "Читайте также: 3 марта 2022, 09:15 новость о другом"),
    )
    assert FINDER(doc).date is None


def test_a_bare_date_line_just_above_the_text_dates_the_article() -> None:
    doc = lines_doc(
        ("boilerplate", "Eng"),
        ("boilerplate", "Turkmenistan and Kazakhstan discuss transit"),
        ("boilerplate", "March.04.2025"),
        ("body", "The presidents spoke by telephone about the new rail line."),
    )
    assert FINDER(doc).date == "2025-03-04"


def test_a_banner_of_today_with_its_weekday_stays_out_even_just_above_the_text() -> None:
    doc = lines_doc(
        ("boilerplate", "Понедельник, 28 апреля 2025"),
        ("body", "Министры встретились в Баку и обсудили Средний коридор."),
    )
    assert FINDER(doc).date is None


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("en", "Emmanuel Macron said on Tuesday November 5 that the talks went well.", "2024-11-05"),
        ("ru", "В среду, 12 октября, президент Турции прибыл в Астану.", "2022-10-12"),
        ("kk", "Түркия Президенті сәрсенбі, 12 қазанда Астанаға келді.", "2022-10-12"),
    ],
)
def test_a_weekday_beside_day_and_month_fixes_the_year(lang: str, body: str, expected: str) -> None:
    doc = lines_doc(("body", body))
    doc.lang = lang
    assert DateFinder(today=dt.date(2026, 12, 7))(doc).date == expected


def test_the_weekday_year_is_read_against_the_years_the_text_states() -> None:
    """5 November was a Tuesday in 2013, 2019 and 2024: a report that recalls 2018 is from 2019."""
    doc = lines_doc(("body", "On Tuesday, November 5 the ministers recalled the agreement of 2018."))
    doc.lang = "en"
    assert DateFinder(today=dt.date(2026, 12, 7))(doc).date == "2019-11-05"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.kz/2024/11/05/tokayev-paris/", "2024-11-05"),
        ("https://example.com/politics/2023-06-20-steinmeier-astana", "2023-06-20"),
        ("https://example.com/2024/11/tokayev", None),  # a month is not a day
        ("https://example.com/2031/01/02/future", None),  # after today: not a publication date
    ],
)
def test_a_date_in_the_page_path_dates_the_article(url: str, expected: str | None) -> None:
    doc = lines_doc(("body", "Министры встретились и обсудили Средний коридор."))
    doc.url = url
    assert FINDER(doc).date == expected


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("ru", "1 ноября президент Франции прибыл в Астану. Товарооборот в 2025 году вырос.", "2025-11-01"),
        (
            "kk",
            "29 қарашада Тоқаев Парижде келіссөз жүргізді. 2021 жылы екі ел келісімге қол қойды.",
            "2021-11-29",
        ),
        ("en", "On 29 November the presidents met in Paris.", None),  # no year anywhere: undated
    ],
)
def test_a_day_and_month_in_the_lead_takes_the_latest_year_the_text_states(
    lang: str, body: str, expected: str | None
) -> None:
    doc = lines_doc(("body", body))
    doc.lang = lang
    assert DateFinder(today=dt.date(2026, 12, 7))(doc).date == expected
