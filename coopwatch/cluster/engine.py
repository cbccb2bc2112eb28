"""Assign each arriving article to the event it reports, against everything already indexed.

Per article: cheap keys find a bounded list of candidates (inverted index, capped postings,
date window); each candidate is decided by the cheapest rule that can: near-copy (MinHash),
shared language-independent evidence (people, organisations, figures), and only then
sentence alignment with multilingual embeddings. The cost of one article does not depend on
how many are stored.

Shared names say "same topic", not always "same event": two outlets' reports of one hearing
share every name. So shared evidence joins alone only when both articles are dated (within
the window); between undated articles it must be confirmed by some aligned sentences. Weak
keys (numbers, name skeletons, LSH bands) only find candidates, they never join. An article
that reaches two clusters merges them only on a strong link (near-copy, alignment) or on two
evidence links from different articles of the other cluster: one link is how stories chain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from coopwatch.cluster import minhash
from coopwatch.cluster.embeddings import MARGIN, MARGIN_SAME_LANGUAGE, Embedder, SentenceVectors, alignment
from coopwatch.cluster.evidence import Record, record_of
from coopwatch.cluster.index import POSTING_CAP, ClusterIndex, Link
from coopwatch.model import Document

DATE_WINDOW_DAYS = 3
NEAR_DUPLICATE = 0.7
MIN_SHARED = 2  # named people/organisations (or stated figures) two reports must share
MIN_OVERLAP = 0.3  # of the smaller article's strong evidence
MAX_CANDIDATES = 24  # candidates scored per article, best blocking weight first
MAX_EMBEDDED = 8  # of those, how many may be decided by sentence alignment
ALIGN_SHARE = 0.66  # share of the shorter article's sentences that must find a match
MIN_ALIGNED = 2  # and at least this many: one similar sentence is not a story
MIN_CANDIDATE_WEIGHT = 1.0
CONFIRM_SHARE = 0.34  # alignment that confirms shared evidence between undated articles
MIN_LINKS = 2  # evidence links (from different articles) that let an article merge two clusters
STRONG = frozenset({"near-duplicate", "aligned"})  # links that decide alone, merges included
_RANK = {"near-duplicate": 3.0, "aligned": 2.0, "evidence": 1.0}
# How much one shared blocking key says, by kind: entities and figures are specific, text
# numbers and name skeletons less so, lead-sentence LSH bands only that the leads are close.
WEIGHTS = {"e": 3.0, "f": 3.0, "b": 1.0, "n": 1.0, "w": 1.0, "v": 1.0, "p": 0.5, "l": 1.0}


def _strength(links: list[Link]) -> float:
    """How surely an article belongs to a cluster: its best link's rule, then score, then their number."""
    return max(_RANK.get(x.rule, 0.0) + min(x.score, 1.0) for x in links) + 0.1 * (len(links) - 1)


def _decides(links: list[Link]) -> bool:
    """Links strong enough to merge the cluster they reach into another."""
    return len(links) >= MIN_LINKS or any(x.rule in STRONG for x in links)


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


class Clusterer:
    """Decides, one article at a time, which cluster it joins; remembers why in the index."""

    def __init__(self, index: ClusterIndex, embedder: Embedder | None = None, *, dedupe: bool = True) -> None:
        self.index = index
        self.dedupe = dedupe  # the store keeps one copy of a text; a batch keeps every line
        self.vectors = SentenceVectors(embedder) if embedder is not None else None
        self.stats: Counter[str] = Counter()
        self._seen: dict[str, list[Document]] = {}

    def add(self, doc: Document) -> str | None:
        """Put one analysed article in a cluster (new or existing) and return its id."""
        if doc.error:
            return None
        record = record_of(doc)
        if not self.dedupe and record.key in self._seen:
            record.key = f"{record.key}#{len(self._seen)}"
        self._seen.setdefault(record.key, []).append(doc)
        known = self.index.record(record.key)
        if known is not None:  # the same text again: it stays where it is
            doc.cluster = known.cluster
            return known.cluster
        keys = record.blocking_keys() | set(self._lead_keys(record))
        joined: dict[str, list[Link]] = {}
        embedded = 0
        for cand_key in self._candidates(keys):
            cand = self.index.record(cand_key)
            if cand is None or not self._dates_agree(record, cand):
                continue
            links = joined.get(cand.cluster)
            if links and _decides(links):
                continue  # this cluster is decided already
            link = self._cheap(record, cand)
            if link is None and links:
                continue  # a second link to a cluster must be a cheap one: alignment is spent on new ones
            if link is not None and link.rule == "evidence" and not self._evidence_stands(record, cand):
                if embedded >= MAX_EMBEDDED:
                    link = None
                else:  # shared names without a shared date: the same topic, maybe not the same event
                    embedded += 1
                    link = self._confirmed(record, cand, link)
            elif link is None and self.vectors is not None and embedded < MAX_EMBEDDED:
                embedded += 1
                link = self._aligned(record, cand)
            if link is not None:
                joined.setdefault(cand.cluster, []).append(link)
                self.stats[link.rule] += 1
        # The article joins the cluster it is most surely part of; it merges another cluster into
        # that one only on a strong link (near-copy, alignment) or two links from different articles.
        ranked = sorted(joined, key=lambda c: (-_strength(joined[c]), -self.index.cluster_size(c), c))
        merged = [c for c in ranked[1:] if _decides(joined[c])]
        self.stats["merges_refused"] += len(ranked) - 1 - len(merged) if ranked else 0
        record.cluster = ranked[0] if ranked else self.index.new_cluster_id(record)
        links = [link for c in [*ranked[:1], *merged] for link in joined[c]]
        self.index.add(record, keys, links, merged)
        self.stats["articles"] += 1
        self.stats["candidates_embedded"] += embedded
        doc.cluster = record.cluster
        return record.cluster

    def finish(self) -> None:
        """Give every article of this run its final cluster (a later article may have merged two)."""
        for key, docs in self._seen.items():
            record = self.index.record(key)
            for doc in docs:
                doc.cluster = record.cluster if record else doc.cluster

    def _lead_keys(self, record: Record) -> list[str]:
        """Approximate-index keys of the lead sentence (all its sentences are embedded in one call,
        once: alignment against the candidates needs them next)."""
        if self.vectors is None or not record.sentences:
            return []
        return self.vectors.lead_keys(self._sentence_vectors(record)[0])

    def _candidates(self, keys: Iterable[str]) -> list[str]:
        """The best-supported articles filed under the new article's keys (common keys skipped)."""
        weight: Counter[str] = Counter()
        for key, members in self.index.postings(keys, POSTING_CAP).items():
            w = WEIGHTS.get(_kind(key), 1.0)
            for member in members:
                weight[member] += w
        ranked = [k for k, w in weight.most_common(MAX_CANDIDATES) if w >= MIN_CANDIDATE_WEIGHT]
        self.stats["candidates"] += len(ranked)
        return ranked

    @staticmethod
    def _dates_agree(a: Record, b: Record) -> bool:
        return not (a.day and b.day and abs((a.day - b.day).days) > DATE_WINDOW_DAYS)

    @staticmethod
    def _cheap(a: Record, b: Record) -> Link | None:
        """Near-copies and shared strong evidence: decided without any model."""
        jaccard = minhash.similarity(a.signature, b.signature)
        if jaccard >= NEAR_DUPLICATE:
            return Link(b.key, a.key, "near-duplicate", round(jaccard, 3), {"jaccard": round(jaccard, 3)})
        shared = sorted(a.strong & b.strong)
        smaller = min(len(a.strong), len(b.strong))
        specific = len(shared) > MIN_SHARED or any(k.startswith(("e:person:", "f:")) for k in shared)
        if len(shared) >= MIN_SHARED and len(shared) / smaller >= MIN_OVERLAP and specific:
            detail = {"shared": shared, "also": sorted(a.weak & b.weak)[:10]}
            return Link(b.key, a.key, "evidence", round(len(shared) / smaller, 3), detail)
        return None

    def _sentence_vectors(self, record: Record) -> np.ndarray:
        assert self.vectors is not None
        stored = self.index.vectors(record.key)
        vectors = self.vectors.of(record.key, record.sentences, stored)
        if stored is None:
            self.index.save_vectors(record.key, vectors)
            self.stats["sentences_embedded"] += len(record.sentences)
        return vectors

    def _evidence_stands(self, a: Record, b: Record) -> bool:
        """Shared evidence joins alone when both reports are dated (and the dates agree, checked
        before), when there is no model, or when an article is too short to align."""
        if self.vectors is None or (a.day and b.day):
            return True
        return len(a.sentences) < MIN_ALIGNED or len(b.sentences) < MIN_ALIGNED

    def _alignment(self, a: Record, b: Record) -> tuple[float, list[tuple[int, int, float]]]:
        margin = MARGIN_SAME_LANGUAGE if a.lang == b.lang else MARGIN
        return alignment(self._sentence_vectors(a), self._sentence_vectors(b), margin)

    def _detail(self, a: Record, b: Record, share: float, pairs: list[tuple[int, int, float]]) -> dict:
        best = sorted(pairs, key=lambda p: -p[2])[:3]
        return {
            "share": round(share, 3),
            "sentences": [[b.sentences[j], a.sentences[i], round(s, 3)] for i, j, s in best],
            "shared": sorted((a.strong | a.weak) & (b.strong | b.weak))[:10],
        }

    def _aligned(self, a: Record, b: Record) -> Link | None:
        """Sentence alignment: enough of the shorter article is said again in the other."""
        if len(a.sentences) < MIN_ALIGNED or len(b.sentences) < MIN_ALIGNED:
            return None
        share, pairs = self._alignment(a, b)
        if share < ALIGN_SHARE or len(pairs) < MIN_ALIGNED:
            return None
        return Link(b.key, a.key, "aligned", round(share, 3), self._detail(a, b, share, pairs))

    def _confirmed(self, a: Record, b: Record, evidence: Link) -> Link | None:
        """Shared evidence of two undated articles, kept only if some of their sentences align too:
        a translation aligns almost fully, another outlet's report of the same topic barely."""
        share, pairs = self._alignment(a, b)
        if len(pairs) < MIN_ALIGNED or share < CONFIRM_SHARE:
            self.stats["evidence_unconfirmed"] += 1
            return None
        detail = {**evidence.detail, **self._detail(a, b, share, pairs)}
        detail["shared"] = evidence.detail["shared"]
        rule = "aligned" if share >= ALIGN_SHARE else "evidence"
        return Link(b.key, a.key, rule, round(share, 3) if rule == "aligned" else evidence.score, detail)
