"""English month names and abbreviations."""

from __future__ import annotations

from babel.dates import get_day_names, get_month_names


def _months() -> dict[str, int]:
    out: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, "format", locale="en").items():
            out[name.casefold()] = number
            out[name.casefold() + "."] = number
    out["sept"] = out["sept."] = 9
    return out


MONTHS: dict[str, int] = _months()

YEAR_WORDS = r"year"

WEEKDAYS: dict[str, int] = {name.casefold(): n for n, name in get_day_names("wide", locale="en").items()}
