"""Group articles that report the same event, in any language: in one batch or against the store.

`assign_clusters` clusters an `analyze` batch in memory; `cluster_into_store` clusters the
articles of an `ingest` against what the knowledge base already holds. Both run the same
`Clusterer` (see `engine.py`), so a batch and an ingest decide alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from coopwatch.cluster.embeddings import Embedder, default_embedder
from coopwatch.cluster.engine import Clusterer
from coopwatch.cluster.evidence import Record, record_of
from coopwatch.cluster.index import Link, MemoryIndex
from coopwatch.model import Document
from coopwatch.store.base import Store

__all__ = [
    "Clusterer",
    "Link",
    "MemoryIndex",
    "Record",
    "assign_clusters",
    "cluster_into_store",
    "record_of",
    "store_clusterer",
]

DEFAULT: Literal["default"] = "default"  # the bundled model, when installed


def _model(embedder: Embedder | Literal["default"] | None) -> Embedder | None:
    return default_embedder() if embedder == DEFAULT else embedder  # type: ignore[return-value]


def assign_clusters(
    docs: Sequence[Document], prefix: str = "c", embedder: Embedder | Literal["default"] | None = DEFAULT
) -> Clusterer:
    """Set `cluster` on every analysed document of the batch (`c1`, `c2`, ... in input order)."""
    clusterer = Clusterer(MemoryIndex(), _model(embedder), dedupe=False)
    clusterer.prepare(docs)
    for doc in docs:
        clusterer.add(doc)
    clusterer.finish()
    names: dict[str, str] = {}
    for doc in docs:
        if doc.cluster is not None:
            doc.cluster = names.setdefault(doc.cluster, f"{prefix}{len(names) + 1}")
    return clusterer


def store_clusterer(store: Store, embedder: Embedder | Literal["default"] | None = DEFAULT) -> Clusterer:
    """A clusterer that decides against the knowledge base and remembers its evidence there."""
    from coopwatch.cluster.stored import StoreIndex

    return Clusterer(StoreIndex(store), _model(embedder))


def cluster_into_store(
    docs: Sequence[Document], store: Store, embedder: Embedder | Literal["default"] | None = DEFAULT
) -> Clusterer:
    """Cluster an ingest's articles against the knowledge base, remembering their evidence there."""
    clusterer = store_clusterer(store, embedder)
    clusterer.prepare(docs)
    for doc in docs:
        clusterer.add(doc)
    clusterer.finish()
    return clusterer
