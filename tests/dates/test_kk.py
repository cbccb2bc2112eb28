"""Kazakh dates: the forms Kazakh sites use, and numbers that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from coopwatch.dates import DateFinder
from coopwatch.model import Document

FINDER = DateFinder(today=dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Кездесу 10 қазан 2025 жыл Астанада өтті.", "2025-10-10"),
        ("2025 жылғы 10 қазанда Астанада келіссөздер өтті.", "2025-10-10"),
        ("2025 жылғы 3-наурызда министрлер кездесті.", "2025-03-03"),
        ("2024 ж. 15 мамыр күні құжатқа қол қойылды.", "2024-05-15"),
        ("Жарияланды: 10.10.2025, 14:30", "2025-10-10"),
        ("Екі ел басшылары 2025 жылғы 7 желтоқсанда телефон арқылы сөйлесті.", "2025-12-07"),
        ("ASTANA. KAZINFORM – Mınıstrler 2025 jylǵy 12 qarashada kezdesti.", "2025-11-12"),
        ("Qujatqa 30 Qańtar 2025 qol qoıyldy.", "2025-01-30"),
        # Bounds and references are not the day of the news.
        ("2025 жылғы 1 қаңтардан бастап жаңа тариф күшіне енді.", None),
        ("Үкіметтің 2024 жылғы 3 маусымдағы қаулысы орындалуда.", None),
        ("Жоба 2025 жылғы 1 шілдеге дейін аяқталады.", None),
        # Periods, years and amounts.
        ("2023 жылы тауар айналымы 4,2 млрд. АҚШ долл. жетті.", None),
        ("2024 жылғы қаңтар-наурыз айларында сауда 52% өсті.", None),
        ("Қазақстан мен Франция 2008 жылы маусымда шартқа қол қойды.", None),
        ("2005 жылдан бастап инвестиция көлемі 19,1 млрд. долл. құрады.", None),
        ("Мерзімі 31.02.2025 деп көрсетілген.", None),
        ("Форум 2099 жылғы 5 мамырда өтеді.", None),
    ],
)
def test_kazakh_dates(text: str, expected: str | None) -> None:
    assert FINDER.date_of(Document(id="t", text=text, lang="kk")) == expected


@pytest.mark.parametrize(
    ("word", "month"),
    [("қазан", 10), ("қазанда", 10), ("қазаннан", 10), ("қаңтардағы", 1), ("шілдеде", 7), ("qazanda", 10)],
)
def test_kazakh_month_forms(word: str, month: int) -> None:
    from coopwatch.dates import kk

    assert kk.MONTHS[word] == month
