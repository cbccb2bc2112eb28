"""The knowledge base's interface, so that another backend (PostgreSQL) can sit beside SQLite.

A backend stores analysed articles once each (by the SHA-256 of their text), gives them back
whole, and searches them; every failure a user can cause is a `StoreError` with a one-line
message that names the database and says what to do.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class RegistryEntry:
    """One entity the knowledge base has met: its canonical name and where the name comes from, the forms
    each language wrote it in, and when and how often it was seen."""

    id: str
    type: str
    name: str
    name_source: str  # "gazetteer", "analyst" (set by hand, never replaced), or the language it was read in
    sound: str | None = None  # `translit.sound_key` of a new person's full name: other spellings find it
    aliases: dict[str, list[str]] = field(default_factory=dict)  # language -> surface forms, most seen first
    first_seen: str | None = None  # article dates, YYYY-MM-DD
    last_seen: str | None = None
    articles: int = 0


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

    # The entity registry: one canonical name per entity across runs, and the analyst's corrections.

    def registry_entries(self, ids: Iterable[str]) -> dict[str, RegistryEntry]:
        """The registry entries of these ids (those it has)."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def registry_by_sound(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Ids of registered people under each sound key."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def registry_save(self, entries: Iterable[RegistryEntry]) -> None:
        """Insert or replace entries, atomically."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def registry_redirects(self, ids: Iterable[str]) -> dict[str, str]:
        """Where each of these ids now points, for ids merged into another."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def registry_list(
        self, *, type: str | None = None, query: str | None = None, limit: int = 50
    ) -> list[RegistryEntry]:
        """Registered entities, the most seen first; `query` matches names and forms, any case."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def registry_delete(self, ids: Iterable[str]) -> None:
        """Forget these entries (an id merged into another)."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def entity_articles(self, id: str, limit: int = 20) -> list[SearchHit]:
        """Stored articles naming the entity, the latest first (snippet: how the first one names it)."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

    def relabel_entities(
        self,
        moved: dict[str, str],
        names: dict[str, str],
        *,
        only: Iterable[str] | None = None,
    ) -> int:
        """Rewrite stored articles: entity ids in `moved` become their target (two entities of one article
        that meet become one, events follow), and ids in `names` take that name. `only`: just these
        article ids, and no redirect is recorded (a split). Returns how many articles changed."""
        raise StoreError(f"{type(self).__name__} does not keep an entity registry")

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
