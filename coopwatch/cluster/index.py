"""Where clustering keeps what it has seen: an inverted index from evidence keys to articles.

`MemoryIndex` serves one `analyze` batch; `coopwatch.cluster.stored.StoreIndex` keeps the
same things in the knowledge base so `ingest` never re-reads old articles. Posting lists stop
growing past `cap + 1`: a key that many articles carry decides nothing, and this keeps the
cost of one lookup constant however large the base grows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from coopwatch.cluster.evidence import Record
from coopwatch.store.base import DF_TOTAL

POSTING_CAP = 64  # articles per key; a key carried by more decides nothing


@dataclass(slots=True)
class Link:
    """Why two articles were put in one cluster; kept so a person can check the decision."""

    a: str  # content key of the earlier article
    b: str  # content key of the later one
    rule: str  # near-duplicate, evidence, aligned
    score: float
    detail: dict[str, Any] = field(default_factory=dict)


class ClusterIndex(Protocol):
    """The operations clustering needs from wherever its memory lives."""

    def postings(self, keys: Iterable[str], cap: int) -> dict[str, list[str]]:
        """Articles filed under each key; a key with more than `cap` articles is left out."""
        ...

    def record(self, key: str) -> Record | None: ...

    def vectors(self, key: str) -> np.ndarray | None: ...

    def add(self, record: Record, keys: Iterable[str], links: list[Link], merged: list[str]) -> None:
        """File a new article under its keys, with the links that joined it and the clusters it merged."""
        ...

    def save_vectors(self, key: str, vectors: np.ndarray) -> None: ...

    def new_cluster_id(self, record: Record) -> str: ...

    def cluster_size(self, cluster: str) -> int: ...

    def members(self, cluster: str, limit: int) -> list[str]:
        """Content keys of a cluster's articles, the latest first, at most `limit`."""
        ...

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """How many filed articles carry each key (`#total`: how many are filed at all)."""
        ...


class MemoryIndex:
    """The index for one batch, in memory."""

    def __init__(self, prefix: str = "c") -> None:
        self.prefix = prefix
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._records: dict[str, Record] = {}
        self._vectors: dict[str, np.ndarray] = {}
        self._members: dict[str, list[str]] = defaultdict(list)
        self.links: list[Link] = []
        self._df: Counter[str] = Counter()
        self._next = 0

    def postings(self, keys: Iterable[str], cap: int) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key in keys:
            members = self._postings.get(key)
            if members and len(members) <= cap:
                out[key] = members
        return out

    def record(self, key: str) -> Record | None:
        return self._records.get(key)

    def vectors(self, key: str) -> np.ndarray | None:
        return self._vectors.get(key)

    def add(self, record: Record, keys: Iterable[str], links: list[Link], merged: list[str]) -> None:
        for old in merged:
            for member in self._members.pop(old, []):
                self._records[member].cluster = record.cluster
                self._members[record.cluster].append(member)
        self._records[record.key] = record
        self._members[record.cluster].append(record.key)
        for key in keys:
            members = self._postings[key]
            if len(members) <= POSTING_CAP:  # cap + 1 is all a lookup ever reads
                members.append(record.key)
        self.links.extend(links)
        self._df.update(record.terms())
        self._df[DF_TOTAL] += 1

    def save_vectors(self, key: str, vectors: np.ndarray) -> None:
        self._vectors[key] = vectors

    def new_cluster_id(self, record: Record) -> str:
        self._next += 1
        return f"{self.prefix}{self._next}"

    def cluster_size(self, cluster: str) -> int:
        return len(self._members.get(cluster, ()))

    def members(self, cluster: str, limit: int) -> list[str]:
        return self._members.get(cluster, [])[::-1][:limit]

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: self._df[k] for k in keys if k in self._df}

    def clusters(self) -> dict[str, str]:
        """Content key -> cluster id of every article seen."""
        return {key: rec.cluster for key, rec in self._records.items()}
