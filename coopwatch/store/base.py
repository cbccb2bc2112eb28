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
# The key under which the clustering document-frequency table counts its articles.
DF_TOTAL = "#total"


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


@dataclass(slots=True, frozen=True)
class ClusterRow:
    """What clustering remembers of one article (its evidence as JSON), keyed by content hash."""

    key: str
    doc_id: str
    lang: str
    day: str | None
    cluster: str
    evidence: str  # JSON written and read by coopwatch.cluster only
    vectors: bytes | None = None  # its lead sentences' embeddings (float16), once computed


@dataclass(slots=True, frozen=True)
class ClusterLink:
    """Why two articles were joined: the rule, its score and the evidence (JSON)."""

    a: str
    b: str
    rule: str
    score: float
    detail: str


@dataclass(slots=True, frozen=True)
class ClusterMember:
    """One stored article of a cluster, as `show --cluster` lists it."""

    key: str
    id: str
    lang: str
    date: str | None
    title: str | None
    url: str | None
    source: str


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

    # Clustering's memory. A backend that cannot keep it raises StoreError; `ingest` then says so.

    def cluster_postings(self, keys: Iterable[str], cap: int) -> dict[str, list[str]]:
        """Content keys filed under each evidence key; keys with more than `cap` articles are left out."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_row(self, key: str) -> ClusterRow | None:
        """What clustering stored about the article with this content hash."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_add(
        self,
        row: ClusterRow,
        keys: Iterable[str],
        links: list[ClusterLink],
        merged: list[str],
        terms: Iterable[str] = (),
    ) -> None:
        """File one article under its keys with its links, move `merged` clusters into its own, and
        count its `terms` in the document frequencies, atomically."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_member_keys(self, cluster: str, limit: int) -> list[str]:
        """Content keys of a cluster's articles, the latest first, at most `limit`."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """How many clustered articles carry each key; `#total` gives how many there are."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_save_vectors(self, key: str, vectors: bytes) -> None:
        """Keep an article's sentence embeddings so they are computed once."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_size(self, cluster: str) -> int:
        """How many articles the cluster holds."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_members(self, cluster: str) -> list[ClusterMember]:
        """The stored articles of a cluster, by language then outlet."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

    def cluster_links(self, cluster: str) -> list[ClusterLink]:
        """Why the articles of a cluster were joined, one link per joined pair."""
        raise StoreError(f"{type(self).__name__} does not keep a cluster index")

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
