"""The knowledge base: analysed articles stored once each, given back whole, and searchable.

The database is `coopwatch.db` in the current directory unless the environment variable
`COOPWATCH_DB` names another file (`default_db_path()`). `open_store` takes a SQLite path
(or a `sqlite:///path` URL); PostgreSQL will take a `postgresql://` URL behind the same `Store`
interface.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from coopwatch.store.base import (
    MARK_END,
    MARK_START,
    AddResult,
    InvalidQuery,
    NotADatabase,
    SchemaTooNew,
    SearchHit,
    Store,
    StoreError,
)
from coopwatch.store.sqlite import SQLiteStore

DEFAULT_DB = "coopwatch.db"
ENV_VAR = "COOPWATCH_DB"

_URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")

__all__ = [
    "DEFAULT_DB",
    "ENV_VAR",
    "MARK_END",
    "MARK_START",
    "AddResult",
    "InvalidQuery",
    "NotADatabase",
    "SQLiteStore",
    "SchemaTooNew",
    "SearchHit",
    "Store",
    "StoreError",
    "default_db_path",
    "open_store",
]


def default_db_path() -> Path:
    """Where the knowledge base lives when the user names none: $COOPWATCH_DB, else ./coopwatch.db."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DB).expanduser()


def open_store(location: str | Path | None = None) -> Store:
    """The store at a path or URL (the default database when None), ready to use as a context manager."""
    if location is None:
        return SQLiteStore(default_db_path())
    if isinstance(location, str) and (url := _URL.match(location)):
        scheme = url.group(1).lower()
        if scheme == "sqlite":  # as SQLAlchemy writes it: sqlite:///relative.db, sqlite:////abs.db
            path = location[len(url.group(0)) :]
            return SQLiteStore(path[1:] if path.startswith("/") else path or ":memory:")
        if scheme in ("postgresql", "postgres"):
            raise StoreError(f"{location}: PostgreSQL storage is not implemented yet; use a SQLite file path")
        raise StoreError(f"{location}: unknown database kind {scheme!r}; give a SQLite file path")
    return SQLiteStore(location)
