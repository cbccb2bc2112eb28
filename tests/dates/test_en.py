"""English dates: US and British orders, datelines, and what is not a date."""

from __future__ import annotations

import datetime as dt

import pytest

from coopwatch.dates import DateFinder
from coopwatch.model import Document

FINDER = DateFinder(today=dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASTANA, October 10, 2025 – Kazakhstan and France signed ten agreements.", "2025-10-10"),
        ("The talks were held in Astana on 10 October 2025.", "2025-10-10"),
        ("Published: Oct. 10, 2025", "2025-10-10"),
        ("Updated 2025-10-10T08:30:00+05:00", "2025-10-10"),
        ("The forum took place on 3rd March 2025 in Almaty.", "2025-03-03"),
        ("The memorandum was signed on the 10th of October 2025.", "2025-10-10"),
        ("The delegations met on 10-11 September 2025 in Tashkent and Astana.", None),
        ("ASTANA, Oct 10 (Reuters) - The ministers met on Friday.", None),
        # Bounds, periods and numbers.
        ("The new rules apply from January 1, 2025.", None),
        ("Trade grew by 7.7% in January-March 2024.", None),
        ("In 2023 trade reached $4.2 billion, up 52%.", None),
        ("In March 15 companies signed memoranda.", None),
        ("The summit is scheduled for May 5, 2099.", None),
    ],
)
def test_english_dates(text: str, expected: str | None) -> None:
    assert FINDER.date_of(Document(id="t", text=text, lang="en")) == expected
