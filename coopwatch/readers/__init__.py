"""Readers: every input format of the contract turned into Documents, every bad input into an error."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from coopwatch.model import Document
from coopwatch.readers.feed import read_feed
from coopwatch.readers.html import read_html
from coopwatch.readers.jsonl import read_jsonl
from coopwatch.readers.load import DEFAULT_MAX_BYTES, error_doc
from coopwatch.readers.text import read_text

Reader = Callable[[Path, int], list[Document]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}
KNOWN_EXTENSIONS = frozenset(READERS)

__all__ = ["DEFAULT_MAX_BYTES", "KNOWN_EXTENSIONS", "expand_inputs", "read_file", "read_paths"]


def _folder_files(root: Path) -> list[Path]:
    """Files with a known extension under a folder, hidden ones skipped, in a stable order."""
    found = []
    for folder, dirs, files in os.walk(root):  # unreadable subfolders are skipped silently
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_EXTENSIONS:
                found.append(Path(folder, name))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def expand_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Files to read: folders recursively (only known extensions), in a stable sorted order;
    a path that does not exist is kept in the list so read_file reports it."""
    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        for file in _folder_files(path) if path.is_dir() else [path]:
            key = file.absolute()
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """All the articles of one input file; problems become Documents with `error` set
    (never raise for bad input)."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower(), read_text)
    try:
        return reader(path, max_bytes)
    except Exception as e:  # a reader bug must not stop the batch either
        return [error_doc(path, f"{path}: cannot read ({type(e).__name__}: {e})")]


def read_paths(paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """read_file over expand_inputs, in input order."""
    for path in expand_inputs(paths):
        yield from read_file(path, max_bytes)
