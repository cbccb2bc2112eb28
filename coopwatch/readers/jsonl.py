"""JSON Lines: one article a line; a bad line becomes an error Document and the others go on."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from coopwatch.model import Document
from coopwatch.readers.html import extract_text
from coopwatch.readers.load import error_doc, load_bytes
from coopwatch.readers.text import decode_bytes, text_document

_ISO_DAY = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:[T ].*)?\Z")


def iso_day(value: Any) -> str | None:
    """`YYYY-MM-DD` from an ISO date or datetime string (`2025-10-10T09:30:00+05:00`), else None."""
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value.strip())
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1), "%Y-%m-%d").date().isoformat()
    except ValueError:
        return None


def _optional_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def line_document(path: Path, number: int, line: str) -> Document:
    """The article of one JSONL line, or an error Document saying what is wrong with it."""
    where = f"{path}:{number}"
    doc_id = f"{path.stem}-{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        return error_doc(path, f"{where}: not JSON ({e.msg} at column {e.colno})", doc_id, where)
    if not isinstance(row, dict):
        return error_doc(path, f"{where}: not a JSON object", doc_id, where)
    if row.get("id") not in (None, ""):
        doc_id = str(row["id"])
    text, html = row.get("text"), row.get("html")
    if not isinstance(text, str) and isinstance(html, str):
        text = extract_text(html)
    if not isinstance(text, str):
        return error_doc(path, f"{where}: no `text` field", doc_id, where)
    if not text.strip():
        return error_doc(path, f"{where}: empty `text`", doc_id, where)
    doc = text_document(doc_id, text, where)
    doc.url = _optional_str(row.get("url")) or doc.url
    doc.title = _optional_str(row.get("title"))
    doc.meta_date = iso_day(row.get("date")) or doc.meta_date
    if row.get("date") and not iso_day(row.get("date")):
        doc.warnings.append(f"{where}: `date` is not an ISO date: {str(row['date'])[:40]}")
    return doc


def read_jsonl(path: Path, max_bytes: int) -> list[Document]:
    """Every article of a JSON Lines file, in line order."""
    loaded = load_bytes(path, max_bytes)
    if loaded.error:
        return [error_doc(path, loaded.error)]
    decoded = decode_bytes(loaded.raw, str(path))
    docs = []
    # split on "\n" only: JSON strings may hold U+2028 and other characters that splitlines() breaks on
    for number, line in enumerate(decoded.text.split("\n"), 1):
        if line.strip():
            docs.append(line_document(path, number, line.rstrip("\r")))
    if docs:
        docs[0].warnings[:0] = decoded.warnings
    return docs or [error_doc(path, f"{path}: empty file")]
