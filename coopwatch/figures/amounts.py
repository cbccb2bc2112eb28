"""Amounts in running text: numbers with their scale word and currency, or counts of companies."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from coopwatch.figures import en, kk, ru

LANGS = (kk, ru, en)
T = TypeVar("T")
_F = re.IGNORECASE


@dataclass(slots=True)
class Amount:
    """One stated amount: its span in the text, its value in units and what it counts."""

    start: int
    end: int
    value: float
    currency: str | None
    scaled: bool = False  # a scale word was written ("млрд.", "billion")
    count: bool = False  # a number of companies, not money


def alternation(patterns: Iterable[str]) -> str:
    """One regex alternative per pattern, longest first so that specific forms win over general ones."""
    return "|".join(f"(?:{p})" for p in sorted(set(patterns), key=len, reverse=True))


def lookup(token: str, table: Iterable[tuple[str, T]]) -> T | None:
    """The value of the first table pattern that matches the whole token."""
    for pattern, value in table:
        if re.fullmatch(pattern, token, _F):
            return value
    return None


_SCALES = tuple(row for lang in LANGS for row in lang.SCALES)
_CURRENCIES = tuple(row for lang in LANGS for row in lang.CURRENCIES)
_WORDS = tuple(row for lang in LANGS for row in lang.NUMBER_WORDS)
_END = r"(?:(?<=\.)|(?!\w))"  # a word ends here, or an abbreviation ended with its period
_SPACE = r"[ \u00a0\u202f\u2009]"
_NUM = rf"(?<![\w.,])(?:\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d{{1,3}}(?:[.,]\d{{3}}){{2,}}|\d+)(?:[.,]\d+)?(?!\d|[.,]\d)"
_SIGN = alternation(p for p, _ in en.CURRENCY_SIGNS)
_SCALE = alternation(p for p, _ in _SCALES)

AMOUNT = re.compile(
    rf"(?:(?P<sign>{_SIGN}){_SPACE}?)?"
    rf"(?:(?P<num>{_NUM})|\b(?P<word>{alternation(p for p, _ in _WORDS)})(?={_SPACE}+(?:{_SCALE})))"
    rf"(?:(?:{_SPACE}?[-–—]{_SPACE}?|{_SPACE}(?:to|до){_SPACE})(?P<sign2>{_SIGN})?(?P<num2>{_NUM}))?"
    rf"(?:{_SPACE}?(?P<scale>{_SCALE}){_END}|(?P<short>{alternation(p for p, _ in en.SHORT_SCALES)})\b)?"
    rf"(?:{_SPACE}?(?P<cur>{alternation(p for p, _ in _CURRENCIES)}){_END})?",
    _F,
)
_STOP = r"(?:and|or|of|the|with|из|для|при|или|и|мен|бен|пен|және|не)\b"
_COUNTED = re.compile(
    rf"(?:-(?:{kk.NUMBER_SUFFIX}))?(?:\s+(?:астам|артық|аса|жуық|шамасында))?"
    rf"(?:\s+(?!{_STOP})[^\W\d]{{3,}}){{0,2}}?\s+(?:{alternation(lang.COMPANY_NOUNS for lang in LANGS)})\b",
    _F,
)
_PERCENT_AFTER = re.compile(r"\s?(?:%|процент|пайыз|percent|per\scent|п\.п\.|pp\b)", _F)
_NUMBER_SIGN_BEFORE = re.compile(r"(?:№|#|\bNo\.?)\s*$", _F)


def parse_number(raw: str, decimal_comma: bool) -> float:
    """A written number as a float: '19,1' (ru, kk), '1,200.5' (en), '1 200 000', '1.200.000'."""
    s = re.sub(r"[\s\u00a0\u202f\u2009']", "", raw)
    commas, dots = s.count(","), s.count(".")
    if commas and dots:  # the later mark is the decimal one
        decimal, group = (",", ".") if s.rfind(",") > s.rfind(".") else (".", ",")
        return float(s.replace(group, "").replace(decimal, "."))
    if commas > 1 or dots > 1:
        return float(s.replace(",", "").replace(".", ""))
    if commas == 1 and not decimal_comma and re.fullmatch(r"\d{1,3},\d{3}", s):
        return float(s.replace(",", ""))
    return float(s.replace(",", "."))


def find_amounts(text: str, start: int, end: int, decimal_comma: bool) -> list[Amount]:
    """Every money amount and company count in text[start:end]; years, dates, percents and ordinals are not."""
    found: list[Amount] = []
    pos = start
    while m := AMOUNT.search(text, pos, end):
        pos = m.end()
        num2 = m.group("num2")
        if (
            num2
            and m.group("num")
            and parse_number(num2, decimal_comma) <= parse_number(m.group("num"), decimal_comma)
        ):
            pos = m.start("sign2") if m.group("sign2") else m.start("num2")  # "in 2024 to $1.4 billion"
            continue
        amount = _read(m, text, end, decimal_comma)
        if amount is not None:
            found.append(amount)
    return found


def _read(m: re.Match[str], text: str, end: int, decimal_comma: bool) -> Amount | None:
    """The amount a match states, or None when the number is something else."""
    sign, scale, short, cur = m.group("sign"), m.group("scale"), m.group("short"), m.group("cur")
    if (short and not sign) or _NUMBER_SIGN_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None  # "5m" is five metres; "№ 97" is a number, not an amount
    if m.group("word"):
        if not scale:
            return None
        base = lookup(m.group("word"), _WORDS) or 0.0
    else:
        base = parse_number(m.group("num"), decimal_comma)
    multiplier = lookup(scale, _SCALES) if scale else lookup(short, en.SHORT_SCALES) if short else 1.0
    currency = lookup(cur, _CURRENCIES) if cur else lookup(sign, en.CURRENCY_SIGNS) if sign else None
    if scale or short or currency:
        value = base * (multiplier or 1.0)
        count = currency is None and value.is_integer() and bool(_COUNTED.match(text, m.end(), end))
        return Amount(m.start(), m.end(), value, currency, scaled=bool(scale or short), count=count)
    number_end = m.end("num2") if m.group("num2") else m.end("num")
    if _PERCENT_AFTER.match(text, number_end, end):
        return None
    if base.is_integer() and _COUNTED.match(text, number_end, end):
        return Amount(m.start(), number_end, base, None, count=True)
    return None
