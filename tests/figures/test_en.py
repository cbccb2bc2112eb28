"""English figures: amounts with their scale and currency, what they measure and when."""

from __future__ import annotations

import pytest

DATE = "2025-10-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trade turnover between Kazakhstan and Korea reached $6.4 billion in 2023.",
            [(6_400_000_000, "USD", "trade_turnover", "2023")],
        ),
        (
            "In January–March 2024, exports to Italy amounted to 3.2 billion US dollars.",
            [(3_200_000_000, "USD", "exports", "2024-01/2024-03")],
        ),
        (
            "Since 2005, French companies have invested about $19 billion in Kazakhstan.",
            [(19_000_000_000, "USD", "investment", "2005/")],
        ),
        (
            "More than 170 French companies operate in the country.",
            [(170, None, "companies", None)],
        ),
        (
            "The sides signed 25 commercial agreements worth €1.2bn.",
            [(1_200_000_000, "EUR", "deal_value", None)],
        ),
        (
            "Kazakhstan exported goods worth KZT 900 million to Russia in the first half of 2025.",
            [(900_000_000, "KZT", "exports", "2025-01/2025-06")],
        ),
        (
            "Germany's imports from Kazakhstan reached €2bn last year.",
            [(2_000_000_000, "EUR", "exports", "2024")],
        ),
        (
            "In the first nine months of this year, investment from China totalled 1,250 million yuan.",
            [(1_250_000_000, "CNY", "investment", "2025-01/2025-09")],
        ),
        (
            "Bilateral trade was about $2.3bn in Q3 2024.",
            [(2_300_000_000, "USD", "trade_turnover", "2024-07/2024-09")],
        ),
        (
            "Exports to Russia rose to 1.5 trillion rubles in 2022-2023.",
            [(1_500_000_000_000, "RUB", "exports", "2022/2023")],
        ),
        (
            "Trade totalled $4.2bn in 2023, up 7.7% from $4bn in 2022.",
            [
                (4_200_000_000, "USD", "trade_turnover", "2023"),
                (4_000_000_000, "USD", "trade_turnover", "2022"),
            ],
        ),
        (
            "Kazakhstan exported 1.2 million tonnes of grain worth $300 million.",
            [(1_200_000, None, "other", None), (300_000_000, "USD", "exports", None)],
        ),
        (
            "The sides signed deals worth $1.5 bn and expect trade to reach $10bn by 2030.",
            [(1_500_000_000, "USD", "deal_value", None), (10_000_000_000, "USD", "trade_turnover", None)],
        ),
        ("The 1,200 km line, opened on 10 October 2025, employs 12,000 workers; 52% are women.", []),
        ("Call +7 7172 55 12 34 or visit room 5m.", []),
    ],
)
def test_english_figures(rows, text: str, expected: list) -> None:
    assert rows(text, "en", DATE) == expected


def test_comparison_with_the_same_period(rows_with_change) -> None:
    text = (
        "Trade grew by 15% in Q1 2024 to $1.4 billion, compared with $1.2 billion in the same period of 2023."
    )
    assert rows_with_change(text, "en") == [
        (1_400_000_000, "USD", "trade_turnover", "2024-01/2024-03", 15.0),
        (1_200_000_000, "USD", "trade_turnover", "2023-01/2023-03", None),
    ]


def test_last_year_falls(rows_with_change) -> None:
    assert rows_with_change("Last year imports from China fell 5% to $800 million.", "en", DATE) == [
        (800_000_000, "USD", "imports", "2024", -5.0)
    ]


def test_a_keyword_serves_the_nearest_amount_only(rows) -> None:
    text = "Trade reached $4.4 billion, and the governments have set a target of $10 billion."
    assert [indicator for _, _, indicator, _ in rows(text, "en")] == ["trade_turnover", "other"]
