"""Dates in kk/ru/en news: the grammar (`find_dates`) and the stage that sets `Document.date`."""

from __future__ import annotations

from coopwatch.dates.finder import DateFinder
from coopwatch.dates.grammar import FoundDate, find_dates

__all__ = ["DateFinder", "FoundDate", "find_dates"]
