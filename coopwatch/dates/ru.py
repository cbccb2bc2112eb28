"""Russian month names in the forms that dates use (genitive, nominative, abbreviations), and year words."""

from __future__ import annotations

from babel.dates import get_day_names, get_month_names

_SOFT_ENDINGS = ("ь", "я", "е", "ю", "ём", "ем", "й")  # октябрь, октября, октябре; май, мая, мае
_HARD_ENDINGS = ("", "а", "е", "у", "ом")  # март, марта; август, августа


def _months() -> dict[str, int]:
    out: dict[str, int] = {}
    for number, name in get_month_names("wide", "stand-alone", locale="ru").items():
        name = name.casefold()
        if name[-1] in "ьй":
            forms = [name[:-1] + ending for ending in _SOFT_ENDINGS]
        else:
            forms = [name + ending for ending in _HARD_ENDINGS]
        for form in forms:
            out[form] = number
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("abbreviated", context, locale="ru").items():
            name = name.casefold()
            out[name] = number
            out[name.rstrip(".")] = number
    for number, name in ((9, "сен."), (9, "сентяб."), (11, "ноя.")):
        out[name] = number
    return out


MONTHS: dict[str, int] = _months()

YEAR_WORDS = r"года|году|год|гг\.|г\.|г(?![\w])"


def _weekdays() -> dict[str, int]:
    """Weekday names as a date's neighbours: nominative (вторник) and accusative (в среду, в пятницу)."""
    out: dict[str, int] = {}
    for number, name in get_day_names("wide", "stand-alone", locale="ru").items():
        name = name.casefold()
        out[name] = number
        if name.endswith("а"):
            out[name[:-1] + "у"] = number
    return out


WEEKDAYS: dict[str, int] = _weekdays()
