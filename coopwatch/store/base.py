"""The knowledge base's interface, so that another backend (PostgreSQL) can sit beside SQLite.

A backend stores analysed articles once each (by the SHA-256 of their text), gives them back
whole, and searches them; every failure a user can cause is a `StoreError` with a one-line
message that names the database and says what to do.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from coopwatch.model import Document

# Marks put around the matched words in `SearchHit.snippet` (safe for terminals and rich markup).
MARK_START = "**"
MARK_END = "**"


class StoreError(Exception):
    """A problem with the knowledge base that the user can act on; its message is one line."""


class NotADatabase(StoreError):
    """The path holds something that is not a coopwatch database; it is left untouched."""


class SchemaTooNew(StoreError):
    """The database was written by a newer coopwatch, whose layout this version cannot read."""


class InvalidQuery(StoreError, ValueError):
    """A search argument (date, limit) is malformed; the message says the expected form."""


@dataclass(slots=True, frozen=True)
class AddResult:
    """What `Store.add` did with one article, so a batch can report every skip with its reason."""

    stored: bool
    id: str  # the id the article is stored (or already was stored) under
    reason: str | None = None  # why nothing was stored, or why the id changed


@dataclass(slots=True, frozen=True)
class SearchHit:
    """One search result, light enough to list many without loading whole documents."""

    id: str
    lang: str
    date: str | None
    title: str | None
    snippet: str  # matched words between MARK_START and MARK_END
    score: float  # higher is better; comparable within one result list only


class Store(ABC):
    """A knowledge base of analysed articles; a context manager that closes itself."""

    @abstractmethod
    def add(self, doc: Document) -> AddResult:
        """Store one article and its analysis atomically, unless its text is already stored."""

    def add_many(self, docs: Iterable[Document]) -> list[AddResult]:
        """Store many articles; backends override this to batch, keeping each article atomic."""
        return [self.add(doc) for doc in docs]

    @abstractmethod
    def get(self, id: str) -> Document | None:
        """The stored article with its full analysis, or None when no article has that id."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Full-text search over titles and bodies, inflected forms included, best first."""

    @abstractmethod
    def count(self) -> int:
        """How many articles are stored."""

    @abstractmethod
    def iter_documents(self) -> Iterator[Document]:
        """Every stored article, in the order it was added (stable across calls)."""

    @abstractmethod
    def close(self) -> None:
        """Release the database; further calls fail."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
