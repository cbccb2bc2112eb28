"""The figures stage run on one hand-written sentence, as (value, currency, indicator, period) rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coopwatch.figures import FigureExtractor
from coopwatch.model import Document, Figure, Segment

Row = tuple[int, str | None, str, str | None]


def run(text: str, lang: str, date: str | None = None) -> list[Figure]:
    """Every figure of a one-segment document."""
    doc = Document(id="t", text=text, lang=lang, date=date, segments=[Segment(0, len(text))])
    figures = FigureExtractor()(doc).figures
    for f in figures:
        assert text[f.start : f.end] == f.text
    return figures


@pytest.fixture
def rows() -> Callable[..., list[Row]]:
    def table(text: str, lang: str, date: str | None = None) -> list[Row]:
        return [(round(f.value), f.currency, f.indicator, f.period) for f in run(text, lang, date)]

    return table


@pytest.fixture
def rows_with_change() -> Callable[..., list[tuple[int, str | None, str, str | None, float | None]]]:
    def table(text: str, lang: str, date: str | None = None) -> list[tuple]:
        return [
            (round(f.value), f.currency, f.indicator, f.period, f.change_pct) for f in run(text, lang, date)
        ]

    return table
