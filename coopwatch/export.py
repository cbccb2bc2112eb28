"""Analysed articles out of coopwatch: JSON Lines for programs, CSV for spreadsheets.

Both writers take any iterable of documents (a batch just analysed, or `Store.iter_documents()`)
and stream it, so an export never holds the whole knowledge base in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from coopwatch.model import Document, Figure

CSV_COLUMNS = (
    "id",
    "lang",
    "date",
    "title",
    "url",
    "countries",
    "partners",
    "sectors",
    "entities",
    "figures",
    "cluster",
    "text",
    "error",
)
LIST_SEP = "; "

# Characters that json.dumps leaves raw but that str.splitlines() treats as line breaks; escaped so
# that every reader sees exactly one article per line.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def jsonl_line(doc: Document) -> str:
    """The article's contract line with its text added, as one line of JSON (no newline)."""
    line = json.dumps({**doc.as_dict(), "text": doc.text}, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        line = line.replace(raw, escaped)
    return line


def write_jsonl(docs: Iterable[Document], out: TextIO) -> int:
    """Write one JSON line per article (the contract line plus `text`); returns how many."""
    n = 0
    for doc in docs:
        out.write(jsonl_line(doc) + "\n")
        n += 1
    return n


def figure_summary(fig: Figure) -> str:
    """A figure as a person reads it in a cell: `trade_turnover 4200000000 USD 2023`."""
    value = int(fig.value) if float(fig.value).is_integer() else fig.value
    return " ".join(
        str(part) for part in (fig.indicator, value, fig.currency, fig.period) if part is not None
    )


def csv_row(doc: Document) -> list[str]:
    """The article as one spreadsheet row, in CSV_COLUMNS order, lists joined with LIST_SEP."""
    names = list(dict.fromkeys(e.name for e in doc.entities))
    return [
        doc.id,
        "" if doc.error else doc.lang,
        doc.date or "",
        doc.title or "",
        doc.url or "",
        LIST_SEP.join(doc.countries),
        LIST_SEP.join("-".join(pair) for pair in doc.partners),
        LIST_SEP.join(doc.sectors),
        LIST_SEP.join(names),
        LIST_SEP.join(figure_summary(f) for f in doc.figures),
        doc.cluster or "",
        doc.text,
        doc.error or "",
    ]


def write_csv(docs: Iterable[Document], out: TextIO) -> int:
    """Write a header and one row per article; returns how many rows. Open `out` with newline=""."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for doc in docs:
        writer.writerow(csv_row(doc))
        n += 1
    return n
