"""Sentence spans over a document's title and body, so that evidence can point at whole sentences."""

from __future__ import annotations

import re

from coopwatch.model import Document

# Words that end with a period without ending the sentence (compared lower-case, dots inside kept).
ABBREVIATIONS = frozenset(
    {
        # ru
        "млрд", "млн", "тыс", "трлн", "долл", "руб", "коп", "г", "гг", "т.е", "т.д", "т.п", "т.к", "др",
        "им", "ул", "обл", "р-н", "р-на", "г-н", "г-жа", "проф", "акад", "соб", "инф", "см", "стр", "рис",
        "тенг", "кв", "км", "ок", "прим", "зам", "пр", "мин", "ред", "англ", "франц", "каз", "рус",
        # kk
        "т.б", "ж", "жж", "мллрд", "мың", "теңг", "доллар",
        # en
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jr",
        "sr", "gen", "col", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "approx", "e.g", "i.e", "u.s", "u.k", "mln", "bln",
    }
)  # fmt: skip

_END = re.compile(r"[.!?…]+[\"'»”)]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"[\w.\-]+$")
_INITIALS = re.compile(r"^(?:\w\.)*\w$")  # "Ж", "Е.А", "т.б"
_STARTS = re.compile(r"\s*[\"'«“(\-–—]*\s*[\w\d]")


def _is_abbreviation(before: str) -> bool:
    """True when the word right before a period is an abbreviation or an initial, not a sentence end."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group().lstrip(".-").lower()
    return word in ABBREVIATIONS or (bool(_INITIALS.match(word)) and len(word.replace(".", "")) <= 2)


def _next_starts_sentence(after: str) -> bool:
    """A new sentence starts with a capital, a digit or an opening quote or dash before one."""
    m = _STARTS.match(after)
    if not m:
        return False
    ch = m.group()[-1]
    return ch.isupper() or ch.isdigit()


def split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as (start, end) offsets into text, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    cut = start
    for m in _END.finditer(text, start, end):
        if m.group() != "\n":
            if "." in m.group() and m.group()[0] == "." and _is_abbreviation(text[cut : m.start()]):
                continue
            if not _next_starts_sentence(text[m.end() : min(end, m.end() + 8)]):
                continue
        spans.append((cut, m.end()))
        cut = m.end()
    spans.append((cut, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def split_sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentences of the title and body segments, in text order; boilerplate is never read."""
    spans: list[tuple[int, int]] = []
    for seg in sorted(doc.body(), key=lambda s: s.start):
        spans.extend(split_span(doc.text, seg.start, seg.end))
    return spans
