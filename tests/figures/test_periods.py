"""Periods in kk, ru and en: years, month spans, quarters, open spans and years relative to the article."""

from __future__ import annotations

import pytest

from coopwatch.figures.periods import Period, find_periods


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (Period(2023), "2023"),
        (Period(2024, 1, 2024, 3), "2024-01/2024-03"),
        (Period(2005, open=True), "2005/"),
        (Period(2005, end_year=2023), "2005/2023"),
        (Period(2022, 11, 2022, 11), "2022-11"),
        (Period(2024, 1, 2024, 3).in_year(2023), "2023-01/2023-03"),
        (Period(2023).shifted(-1), "2022"),
    ],
)
def test_period_strings(period: Period, expected: str) -> None:
    assert str(period) == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # kk
        ("2023 жылы тауар айналымы өсті", None, ["2023"]),
        ("2024 жылғы қаңтар-наурыз айларында", None, ["2024-01/2024-03"]),
        ("2024 жылдың бірінші тоқсанында", None, ["2024-01/2024-03"]),
        ("2005 жылдан бастап", None, ["2005/"]),
        ("биылғы 9 айда", 2025, ["2025-01/2025-09"]),
        ("биылғы 9 айда", None, [None]),
        ("өткен жылы", 2025, ["2024"]),
        ("2025 жылдың бірінші жартыжылдығында", None, ["2025-01/2025-06"]),
        ("2022 жылғы қарашадағы сапар", None, ["2022-11"]),
        # ru
        ("в 2023 году", None, ["2023"]),
        ("январь-март 2024 года", None, ["2024-01/2024-03"]),
        ("в первом квартале 2024 года", None, ["2024-01/2024-03"]),
        ("с 2005 года", None, ["2005/"]),
        ("за 9 месяцев текущего года", 2025, ["2025-01/2025-09"]),
        ("за девять месяцев 2024 года", None, ["2024-01/2024-09"]),
        ("в прошлом году", 2025, ["2024"]),
        ("с января по июнь 2024 года", None, ["2024-01/2024-06"]),
        ("в 2020-2023 годах", None, ["2020/2023"]),
        ("по сравнению с 2022 годом", None, ["2022"]),
        # en
        ("in 2023", None, ["2023"]),
        ("January–March 2024", None, ["2024-01/2024-03"]),
        ("Q1 2024", None, ["2024-01/2024-03"]),
        ("in the first quarter of 2024", None, ["2024-01/2024-03"]),
        ("since 2005", None, ["2005/"]),
        ("last year", 2025, ["2024"]),
        ("the first half of this year", 2025, ["2025-01/2025-06"]),
        ("9M 2024", None, ["2024-01/2024-09"]),
        # dates are not periods; a lone month name needs its year
        ("on 10 October 2025", None, []),
        ("28 апреля 2025 года", None, []),
        ("10.10.2025", None, []),
        ("prices may rise in March", 2025, []),
    ],
)
def test_find_periods(text: str, year: int | None, expected: list[str | None]) -> None:
    found = find_periods(text, 0, len(text), year, [])
    assert [str(p.period) if p.period else None for p in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over the past 20 years Italy has invested heavily.", ["2005/"]),
        ("За последние десять лет объём инвестиций вырос.", ["2015/"]),
        ("Соңғы жиырма жылда инвестиция көлемі өсті.", ["2005/"]),
    ],
)
def test_the_past_n_years_are_a_span_open_from_then(text: str, expected: list[str]) -> None:
    assert [str(p.period) for p in find_periods(text, 0, len(text), 2025, [])] == expected
