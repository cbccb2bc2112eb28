"""The dashboard's view of the knowledge base: read-only connections, one per thread, and an entity index.

The server never writes through these connections (`mode=ro` and `query_only`), so a bug in a page
cannot change the analysts' data; the entity index is rebuilt when new articles appear.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import numpy as np

from coopwatch.store import SQLiteStore
from coopwatch.store.queries import date_order, entity_forms
from coopwatch.store.sqlite import stem
from coopwatch.translit import name_key

MIN_KEY = 3  # shorter query words would match half the entities
MMAP_BYTES = 1 << 30  # address space only; SQLite maps at most the file's size
CACHE_KIB = 16 * 1024  # per connection, one per server thread
_WORD = re.compile(r"[^\W_]+")


@dataclass(slots=True, frozen=True)
class IndexedEntity:
    """An entity with the script-free keys of every word it is named by."""

    id: str
    type: str
    name: str
    keys: frozenset[str]
    forms: tuple[str, ...]  # every way an article has written it, the canonical name first


def _keys(texts: list[str]) -> frozenset[str]:
    """Script-free keys (Тоқаев, Токаев, Tokayev -> tokaev) of every word of the texts."""
    return frozenset(k for text in texts for k in name_key(text).split() if k)


class Database:
    """Read-only access to one coopwatch SQLite file for a multi-threaded web server."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        SQLiteStore(
            self.path
        ).close()  # refuses a file that is not ours, and is too new, with a clear message
        self._local = threading.local()
        self._lock = threading.Lock()
        self._index: list[IndexedEntity] = []
        self._index_version: tuple[int, int] | None = None
        self._by_date: np.ndarray | None = None
        self._by_date_version: tuple[int, int] | None = None

    def conn(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA query_only = ON")
            # Reads straight from the OS page cache, shared by every thread's connection, and a
            # modest private cache on top; sorts and IN-lists stay in memory.
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            conn.execute("PRAGMA temp_store = MEMORY")
            self._local.conn = conn
        return conn

    def version(self) -> tuple[int, int]:
        """Changes when articles are added (max rowid, count), so caches know when to rebuild."""
        conn = self.conn()  # two queries: together they would scan the table, apart each is O(1)-ish
        top = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return int(top), int(count)

    def entity_index(self) -> list[IndexedEntity]:
        """Every entity with its name keys, rebuilt only after new articles arrive."""
        version = self.version()
        with self._lock:
            if version != self._index_version:
                self._index = [
                    IndexedEntity(
                        eid,
                        type,
                        name,
                        _keys([name, eid.split(":")[-1].replace("-", " "), *forms]),
                        tuple(dict.fromkeys([name, *forms])),
                    )
                    for eid, type, name, forms in entity_forms(self.conn())
                ]
                self._index_version = version
            return self._index

    def date_order(self) -> np.ndarray:
        """Every article's rowid, newest first, for browsing without words; rebuilt after new articles."""
        version = self.version()
        with self._lock:
            if version != self._by_date_version or self._by_date is None:
                self._by_date = date_order(self.conn())
                self._by_date_version = version
            return self._by_date

    def match_entities(self, query: str) -> list[IndexedEntity]:
        """Entities every one of whose query words starts one of their names' words, in any script."""
        words = [name_key(stem(w)) for w in _WORD.findall(query)]
        words = [w for w in words if w]
        if not words or any(len(w) < MIN_KEY for w in words):
            return []
        return [e for e in self.entity_index() if all(any(k.startswith(w) for k in e.keys) for w in words)]
