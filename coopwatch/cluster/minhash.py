"""Word-shingle MinHash in numpy: near-copies in one language found in time linear in the articles."""

from __future__ import annotations

import hashlib
import re

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
NUM_HASHES = 64
ROWS = 4
BANDS = NUM_HASHES // ROWS  # 16 bands of 4 rows: pairs above ~0.6 Jaccard almost always meet in a band

_rng = np.random.default_rng(20250611)
_A = _rng.integers(1, 2**63, NUM_HASHES, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, NUM_HASHES, dtype=np.uint64)


def _shingle_hashes(text: str) -> np.ndarray:
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    shingles.discard("")
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in sorted(shingles))
    return np.frombuffer(digests, dtype=np.uint64)


def signature(text: str) -> np.ndarray:
    """64 minimum hashes of the text's 4-word shingles (empty when the text has no words)."""
    hashes = _shingle_hashes(text)
    if hashes.size == 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):  # multiply-add modulo 2**64 is the hash family
        mixed = hashes[None, :] * _A[:, None] + _B[:, None]
    return mixed.min(axis=1)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    if a.size == 0 or b.size == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / a.size


def band_keys(sig: np.ndarray) -> list[str]:
    """One blocking key per band, so that near-copies share at least one key."""
    if sig.size == 0:
        return []
    return [
        f"b:{b}:{hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for b in range(BANDS)
    ]
