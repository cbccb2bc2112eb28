"""Russian dates: full dates in every common form, datelines, and what is not a date."""

from __future__ import annotations

import datetime as dt

import pytest

from coopwatch.dates import DateFinder
from coopwatch.model import Document

FINDER = DateFinder(today=dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча состоялась 10 октября 2025 года в Астане.", "2025-10-10"),
        ("Соглашение подписано 10 октября 2025 г. в Париже.", "2025-10-10"),
        ("Опубликовано: 10.10.2025 09:15", "2025-10-10"),
        ("Дата: 2025-10-10. Аким области принял делегацию.", "2025-10-10"),
        ("«5» марта 2025 г. стороны обменялись нотами.", "2025-03-05"),
        ("Переговоры прошли 3 сент. 2024 в Ташкенте.", "2024-09-03"),
        ("Во вторник, 2 июня 2025 года, министры обсудили транзит.", "2025-06-02"),
        # Without a year a dateline gives no date (no reference year here).
        ("АСТАНА, 10 октября. /Казинформ/ – Президент принял посла Франции.", None),
        # Bounds and references.
        ("Новые правила действуют с 1 января 2025 года.", None),
        ("Согласно постановлению от 3 июня 2024 года, проект продлён.", None),
        ("Работы завершатся до 1 июля 2025 года.", None),
        # Periods, amounts, impossible and future dates.
        ("За 9 месяцев текущего года экспорт составил 18 млн долларов.", None),
        ("В ноябре 2022 года товарооборот вырос на 52%.", None),
        ("Товарооборот в 2023 году достиг 4,2 млрд долларов.", None),
        ("Срок указан как 31.02.2025.", None),
        ("Саммит запланирован на 15 мая 2099 года.", None),
    ],
)
def test_russian_dates(text: str, expected: str | None) -> None:
    assert FINDER.date_of(Document(id="t", text=text, lang="ru")) == expected


def test_dateline_takes_the_reference_year() -> None:
    text = "АСТАНА, 10 октября. /Казинформ/ – Президент принял посла Франции."
    finder = DateFinder(today=dt.date(2026, 1, 1), ref_year=2025)
    assert finder.date_of(Document(id="t", text=text, lang="ru")) == "2025-10-10"
