"""Amounts: numbers as written in kk, ru and en, their scale words and currencies, and what is not an amount."""

from __future__ import annotations

import pytest

from coopwatch.figures.amounts import find_amounts, parse_number


@pytest.mark.parametrize(
    ("raw", "decimal_comma", "expected"),
    [
        ("4,2", True, 4.2),
        ("19,1", True, 19.1),
        ("1.4", True, 1.4),
        ("1 250,5", True, 1250.5),
        ("1\u202f250\u202f000", True, 1_250_000),
        ("1.200.000", True, 1_200_000),
        ("1,200", False, 1200),
        ("1,200,000.5", False, 1_200_000.5),
        ("4.2", False, 4.2),
    ],
)
def test_parse_number(raw: str, decimal_comma: bool, expected: float) -> None:
    assert parse_number(raw, decimal_comma) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        # kk
        ("4,2 млрд. АҚШ долл. жетті", True, [("4,2 млрд. АҚШ долл.", 4.2e9, "USD")]),
        ("2 миллиард АҚШ доллары тартылды", True, [("2 миллиард АҚШ доллары", 2e9, "USD")]),
        ("300 мың теңгеге дейін", True, [("300 мың теңгеге", 3e5, "KZT")]),
        ("19,1 мллрд. долл.", True, [("19,1 мллрд. долл.", 19.1e9, "USD")]),
        ("5 триллион теңге", True, [("5 триллион теңге", 5e12, "KZT")]),
        ("204 кәсіпорын жұмыс істейді", True, [("204", 204, None)]),
        ("2 мыңнан астам компания", True, [("2 мыңнан", 2000, None)]),
        # ru
        ("около 30 млн долларов США", True, [("30 млн долларов США", 3e7, "USD")]),
        ("15 тыс. руб.", True, [("15 тыс. руб.", 15e3, "RUB")]),
        ("2,5 миллиона рублей", True, [("2,5 миллиона рублей", 2.5e6, "RUB")]),
        ("1\u202f200 тенге", True, [("1\u202f200 тенге", 1200, "KZT")]),
        ("свыше 50 совместных предприятий", True, [("50", 50, None)]),
        ("на 3 млрд юаней", True, [("3 млрд юаней", 3e9, "CNY")]),
        ("полтора миллиарда евро", True, [("полтора миллиарда евро", 1.5e9, "EUR")]),
        # en
        ("$4.2bn in trade", False, [("$4.2bn", 4.2e9, "USD")]),
        ("€3m grant", False, [("€3m", 3e6, "EUR")]),
        ("₸500 million", False, [("₸500 million", 5e8, "KZT")]),
        ("USD 1,200,000", False, [("USD 1,200,000", 1.2e6, "USD")]),
        ("40 mln euros", False, [("40 mln euros", 4e7, "EUR")]),
        ("2 trillion rubles", False, [("2 trillion rubles", 2e12, "RUB")]),
        ("₽70 billion", False, [("₽70 billion", 7e10, "RUB")]),
        ("CNY 8 billion", False, [("CNY 8 billion", 8e9, "CNY")]),
        ("12 thousand tenge", False, [("12 thousand tenge", 12e3, "KZT")]),
        ("more than 170 French companies", False, [("170", 170, None)]),
        ("about $1-2 billion", False, [("$1-2 billion", 1e9, "USD")]),
    ],
)
def test_amounts(text: str, decimal_comma: bool, expected: list) -> None:
    found = [
        (text[a.start : a.end], a.value, a.currency) for a in find_amounts(text, 0, len(text), decimal_comma)
    ]
    assert [(t, pytest.approx(v), c) for t, v, c in expected] == found


@pytest.mark.parametrize(
    "text",
    [
        "2023 жылы 12 қыркүйекте",
        "оқушылардың 52%-ы",
        "10-шы раунд, 5-ші ірі инвестор",
        "гимназия № 97, 180-летие, 610-й авиабазе",
        "на 34,5 процента, 7,7 пайызға",
        "тел.: +7 (7212) 41-15-20",
        "10.10.2025",
        "в более чем 50 странах",
        "a 5m tower, 12 km, 2024 to 2025",
    ],
)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text, 0, len(text), True) == []
