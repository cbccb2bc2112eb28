"""Group the articles of a batch that report the same event, in any language.

First honest version: two articles join when they are near-copies in one language
(word-shingle MinHash) or when language-independent evidence agrees: the canonical ids
of the people and organisations they name, the figures they state, and dates that do
not contradict each other. Candidate pairs come from an inverted index on that evidence,
so no all-pairs comparison is made; union-find turns accepted pairs into clusters.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from coopwatch.model import Document

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
NUM_HASHES = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.6 Jaccard almost always meet in a band
NEAR_DUPLICATE = 0.7
MIN_SHARED = 2  # named people/organisations (or stated figures) two reports must share
MIN_OVERLAP = 0.3  # of the smaller article's evidence
DATE_WINDOW_DAYS = 3
COMMON_KEY_SHARE = 0.2  # evidence carried by more than this share of a big batch decides nothing


@dataclass(slots=True)
class Evidence:
    """What an article states that does not depend on its language."""

    keys: set[str] = field(default_factory=set)
    day: date | None = None
    signature: tuple[int, ...] = ()


_PRIME = (1 << 61) - 1
_PERMUTATIONS = [
    (random.Random(i).randrange(1, _PRIME), random.Random(-i - 1).randrange(_PRIME))
    for i in range(NUM_HASHES)
]


def _minhash(text: str) -> tuple[int, ...]:
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    if not shingles:
        return ()
    hashes = [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles]
    return tuple(min((a * h + b) % _PRIME for h in hashes) for a, b in _PERMUTATIONS)


def _similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def evidence_of(doc: Document) -> Evidence:
    """The language-independent keys of an article: named entities (not countries) and figures."""
    keys = {f"e:{e.id}" for e in doc.entities if e.type in ("PER", "ORG")}
    keys |= {
        f"f:{f.indicator}:{f.currency}:{round(float(f.value), -3 if f.value > 10_000 else 0)}"
        for f in doc.figures
    }
    day = None
    if doc.date:
        try:
            day = date.fromisoformat(doc.date)
        except ValueError:
            day = None
    return Evidence(keys=keys, day=day, signature=_minhash(doc.body_text(" ") or doc.text))


def _same_event(a: Evidence, b: Evidence) -> bool:
    if a.day and b.day and abs((a.day - b.day).days) > DATE_WINDOW_DAYS:
        return False
    if _similarity(a.signature, b.signature) >= NEAR_DUPLICATE:
        return True
    shared = len(a.keys & b.keys)
    smaller = min(len(a.keys), len(b.keys))
    return shared >= MIN_SHARED and shared / smaller >= MIN_OVERLAP


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _candidate_pairs(evidence: Sequence[Evidence]) -> Iterable[tuple[int, int]]:
    """Pairs that share an evidence key or a MinHash band; frequent keys are skipped."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(evidence):
        for key in ev.keys:
            index[key].append(i)
        for b in range(BANDS if ev.signature else 0):
            rows = ev.signature[b * 4 : b * 4 + 4]
            index[f"b:{b}:{hash(rows)}"].append(i)
    limit = max(50, int(COMMON_KEY_SHARE * len(evidence)))
    seen: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2 or len(members) > limit:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def assign_clusters(docs: Sequence[Document], prefix: str = "c") -> None:
    """Set `cluster` on every analysed document of the batch (`c1`, `c2`, ... in input order)."""
    live = [d for d in docs if not d.error]
    evidence = [evidence_of(d) for d in live]
    groups = _UnionFind(len(live))
    for i, j in _candidate_pairs(evidence):
        if _same_event(evidence[i], evidence[j]):
            groups.union(i, j)
    names: dict[int, str] = {}
    for i, doc in enumerate(live):
        root = groups.find(i)
        doc.cluster = names.setdefault(root, f"{prefix}{len(names) + 1}")
