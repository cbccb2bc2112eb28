from __future__ import annotations

import numpy as np

from coopwatch.cluster.embeddings import alignment


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_translations_align_sentence_by_sentence() -> None:
    rng = np.random.default_rng(1)
    base = rng.standard_normal((5, 32))
    a = unit(base + 4.0)  # a shared direction, as every e5 vector has
    b = unit(base + 4.0 + 0.2 * rng.standard_normal((5, 32)))
    share, pairs = alignment(a, b)
    assert share == 1.0 and [(i, j) for i, j, _ in pairs] == [(i, i) for i in range(5)]


def test_uniformly_similar_sentences_do_not_align() -> None:
    rng = np.random.default_rng(2)
    a = unit(rng.standard_normal((4, 32)) * 0.05 + 1.0)
    b = unit(rng.standard_normal((6, 32)) * 0.05 + 1.0)
    share, _ = alignment(a, b)  # cosines all near 1, none standing out
    assert share < 0.66


def test_one_sentence_is_not_enough_to_align() -> None:
    a = unit(np.ones((1, 8)))
    assert alignment(a, a) == (0.0, [])
