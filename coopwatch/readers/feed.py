"""RSS and Atom feeds: every entry is its own article, its text the title and content without HTML."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import feedparser

from coopwatch.model import Document
from coopwatch.readers.html import html_to_text
from coopwatch.readers.load import error_doc, load_bytes


def _entry_day(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _entry_text(entry: Any) -> tuple[str | None, str]:
    """The entry's title and its text: the title, a blank line, then the content without HTML."""
    title = html_to_text(str(entry.get("title") or "")) or None
    body = html_to_text(_entry_html(entry))
    return title, "\n\n".join(part for part in (title, body) if part)


def entry_id(stem: str, index: int, guid: str | None) -> str:
    """A stable id: from the entry's guid when it has one (survives feed refreshes), else its position."""
    if guid:
        return f"{stem}-{hashlib.sha1(guid.encode('utf-8')).hexdigest()[:10]}"
    return f"{stem}-{index}"


def read_feed(path: Path, max_bytes: int) -> list[Document]:
    """Every entry of an RSS or Atom feed, in feed order."""
    loaded = load_bytes(path, max_bytes)
    if loaded.error:
        return [error_doc(path, loaded.error)]
    parsed = feedparser.parse(loaded.raw)
    entries = [(entry, _entry_text(entry)) for entry in parsed.entries]
    if not any(text for _, (_, text) in entries):
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "malformed").splitlines()[0]
            return [error_doc(path, f"{path}: not an RSS/Atom feed ({reason})")]
        return [error_doc(path, f"{path}: feed has no entries")]
    docs: list[Document] = []
    seen: set[str] = set()
    for index, (entry, (title, text)) in enumerate(entries, 1):
        source = f"{path}#{index}"
        doc_id = entry_id(path.stem, index, entry.get("id"))
        if doc_id in seen:
            doc_id = f"{doc_id}-{index}"
        seen.add(doc_id)
        if not text:
            docs.append(error_doc(path, f"{source}: feed entry has no text", doc_id, source))
            continue
        doc = Document(id=doc_id, text=text, source=source, title=title, url=entry.get("link") or None)
        doc.meta_date = _entry_day(entry)
        docs.append(doc)
    return docs
