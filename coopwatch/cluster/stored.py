"""The cluster index kept in the knowledge base, so `ingest` clusters without re-reading old articles."""

from __future__ import annotations

import json
from collections.abc import Iterable

import numpy as np

from coopwatch.cluster.evidence import Record
from coopwatch.cluster.index import Link
from coopwatch.cluster.signature import Signature
from coopwatch.store.base import ClusterLink, ClusterRow, Store

DIM = 384


def _to_row(record: Record, vectors: np.ndarray | None) -> ClusterRow:
    evidence = {
        "strong": sorted(record.strong),
        "weak": sorted(record.weak),
        "signature": [int(x) for x in record.signature],
        "sentences": record.sentences,
        "event": record.event.to_json(),
        "figures": record.figures,
    }
    return ClusterRow(
        key=record.key,
        doc_id=record.doc_id,
        lang=record.lang,
        day=record.event.day.isoformat() if record.event.day else None,
        cluster=record.cluster,
        evidence=json.dumps(evidence, ensure_ascii=False),
        vectors=vectors.astype(np.float16).tobytes() if vectors is not None else None,
    )


def _from_row(row: ClusterRow) -> Record:
    evidence = json.loads(row.evidence)
    return Record(
        key=row.key,
        doc_id=row.doc_id,
        lang=row.lang,
        strong=set(evidence["strong"]),
        weak=set(evidence["weak"]),
        signature=np.array(evidence["signature"], dtype=np.uint64),
        sentences=list(evidence["sentences"]),
        cluster=row.cluster,
        # rows filed before schema 4 kept only the day
        event=Signature.from_json(evidence.get("event") or {"day": row.day}),
        figures=list(evidence.get("figures", [])),
    )


class StoreIndex:
    """`ClusterIndex` over a `Store`: records, postings and links live in the database."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pending: dict[str, np.ndarray] = {}  # vectors of the article being added

    def postings(self, keys: Iterable[str], cap: int) -> dict[str, list[str]]:
        return self.store.cluster_postings(keys, cap)

    def record(self, key: str) -> Record | None:
        row = self.store.cluster_row(key)
        return _from_row(row) if row else None

    def vectors(self, key: str) -> np.ndarray | None:
        if key in self._pending:
            return self._pending[key]
        row = self.store.cluster_row(key)
        if row is None or row.vectors is None:
            return None
        return np.frombuffer(row.vectors, dtype=np.float16).reshape(-1, DIM).astype(np.float32)

    def add(self, record: Record, keys: Iterable[str], links: list[Link], merged: list[str]) -> None:
        rows = [
            ClusterLink(x.a, x.b, x.rule, x.score, json.dumps(x.detail, ensure_ascii=False)) for x in links
        ]
        self.store.cluster_add(
            _to_row(record, self._pending.pop(record.key, None)), keys, rows, merged, sorted(record.terms())
        )

    def save_vectors(self, key: str, vectors: np.ndarray) -> None:
        if self.store.cluster_row(key) is None:
            self._pending[key] = vectors
        else:
            self.store.cluster_save_vectors(key, vectors.astype(np.float16).tobytes())

    def new_cluster_id(self, record: Record) -> str:
        return f"c{record.key[:10]}"

    def cluster_size(self, cluster: str) -> int:
        return self.store.cluster_size(cluster)

    def members(self, cluster: str, limit: int) -> list[str]:
        return self.store.cluster_member_keys(cluster, limit)

    def frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        return self.store.cluster_frequencies(keys)
