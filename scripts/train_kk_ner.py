"""Train the Kazakh NER model (a CRF) on KazNERD's validation split and score it on its test split.

KazNERD's train split is not available offline, so the model learns from IOB2_valid.txt only.
`--holdout` trains on 90% of valid and scores on the rest (sentences grouped by id, so the A/D
twins of one sentence stay together): use it to tune; the test split is read only without it.

    .venv/bin/python scripts/train_kk_ner.py                      # train on valid, score on test, write
    .venv/bin/python scripts/train_kk_ner.py --holdout --c1 0.1   # tune on a held-out part of valid
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pycrfsuite

from coopwatch.gazetteer import Gazetteer
from coopwatch.ner import kk

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kaznerd"
Sentence = tuple[list[str], list[str]]
# Scoring views: label -> scored type (None drops it on both sides before spans are compared)
PLACE = "GPE+LOC"
DEV_RUNS = "kk_ner.dev_runs.jsonl"  # one line per --holdout run, folded into the metrics by the final run
VIEWS: dict[str, Callable[[str], str | None]] = {
    "all": lambda lab: lab,
    "names": lambda lab: {"PERSON": "PER", "ORGANISATION": "ORG", "GPE": PLACE, "LOCATION": PLACE}.get(lab),
    "names_shipped": lambda lab: {
        "PERSON": "PER",
        "ORGANISATION": "ORG",
        "GPE": PLACE,
        "LOCATION": PLACE,
        "FACILITY": PLACE,
    }.get(lab),
}


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL file with `token TAG` lines and blank lines between sentences."""
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            words.append(parts[0])
            tags.append(parts[1])
        elif words:
            out.append((words, tags))
            words, tags = [], []
    if words:
        out.append((words, tags))
    return out


def sentence_ids(path: Path) -> list[str]:
    """Numeric sentence ids of the with_sentID copy (AID330210 and DID330210 are one sentence twice)."""
    ids = []
    first = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            first = True
        elif first:
            ids.append(line.split()[0][3:])
            first = False
    return ids


def holdout_split(data: list[Sentence], ids: list[str]) -> tuple[list[Sentence], list[Sentence]]:
    """90/10 split of valid by a stable hash of the sentence id."""
    if len(ids) != len(data):
        raise SystemExit(f"with_sentID has {len(ids)} sentences, IOB2_valid.txt {len(data)}")
    train, dev = [], []
    for sent, sid in zip(data, ids, strict=True):
        (dev if zlib.crc32(sid.encode()) % 10 == 0 else train).append(sent)
    return train, dev


def build_lexicon() -> kk.Lexicon:
    """Kazakh names and Latin-script names of the project's gazetteer, by type."""
    gaz = Gazetteer.load()
    pairs = [
        (s.text, gaz[s.record_id].type)
        for s in gaz.surfaces(("kk", "en"))
        if s.kind == "name" and (s.lang == "kk" or s.text.isascii())
    ]
    return kk.Lexicon.from_names(pairs)


def train(data: list[Sentence], lexicon: kk.Lexicon | None, args: argparse.Namespace, path: Path) -> None:
    """Fit the CRF with L-BFGS and elastic-net regularisation and save it to `path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in data:
        trainer.append(kk.features(words, lexicon), tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": args.minfreq,
        }
    )
    trainer.train(str(path))


def score(gold: Sequence[list[str]], pred: Sequence[list[str]], view: Callable[[str], str | None]) -> dict:
    """Exact-span precision, recall and F1 per type and micro-averaged, after relabelling by `view`."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {(a, b, t) for a, b, lab in kk.spans_from_tags(g_tags) if (t := view(lab))}
        p = {(a, b, t) for a, b, lab in kk.spans_from_tags(p_tags) if (t := view(lab))}
        tp.update(t for *_, t in g & p)
        n_gold.update(t for *_, t in g)
        n_pred.update(t for *_, t in p)

    def prf(t: int, np_: int, ng: int) -> dict:
        pr = t / np_ if np_ else 0.0
        rc = t / ng if ng else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1, 4), "support": ng}

    per = {t: prf(tp[t], n_pred[t], n_gold[t]) for t in sorted(n_gold | n_pred)}
    return {"micro": prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())), "per_type": per}


def evaluate(path: Path, lexicon: kk.Lexicon | None, data: list[Sentence]) -> dict:
    """All scoring views of the model at `path` on `data`."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    pred = [tagger.tag(kk.features(words, lexicon)) for words, _ in data]
    gold = [tags for _, tags in data]
    return {name: score(gold, pred, view) for name, view in VIEWS.items()}


def timings(data: list[Sentence]) -> dict:
    """Load time and ms per 3,000-character article of the shipped recogniser, on text joined from `data`."""
    kk._load.cache_clear()
    t0 = time.perf_counter()
    rec = kk.KazakhRecognizer()
    load_ms = (time.perf_counter() - t0) * 1000
    articles, cur = [], ""
    for words, _ in data:
        cur += " ".join(words) + " "
        if len(cur) >= 3000:
            articles.append(cur[:3000])
            cur = ""
    t0 = time.perf_counter()
    for text in articles:
        rec.recognize_all(text)
    per_article = (time.perf_counter() - t0) * 1000 / len(articles)
    return {
        "load_ms": round(load_ms, 1),
        "ms_per_3000_chars": round(per_article, 2),
        "articles": len(articles),
        "machine": f"{platform.processor() or platform.machine()}, {platform.python_version()}",
    }


def command(argv: list[str] | None) -> str:
    """The command line of this run, recorded next to its scores so they can be reproduced."""
    return shlex.join(["python", "scripts/train_kk_ner.py", *(argv if argv is not None else sys.argv[1:])])


def dev_runs(path: Path) -> list[dict]:
    """Held-out results of every tuning run logged by --holdout, kept so the final choice can be checked."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        run = json.loads(line)
        names = run["names"]
        out.append(
            {
                "command": run["command"],
                "features": run.get("features", ""),
                "dev_names_f1": names["micro"]["f1"],
                "dev_names_per_type_f1": {t: v["f1"] for t, v in names["per_type"].items()},
                "dev_all_f1": run["all"]["f1"],
            }
        )
    return out


def main(argv: list[str] | None = None) -> None:
    """Parse options, train, score, and (without --holdout) write the artifact and its metrics."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA, help="folder with KazNERD IOB2 files")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty (sparser, smaller model)")
    ap.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=200, help="L-BFGS iterations")
    ap.add_argument("--minfreq", type=float, default=1, help="drop features seen fewer times")
    ap.add_argument("--no-gazetteer", action="store_true", help="train without gazetteer features")
    ap.add_argument("--holdout", action="store_true", help="train on 90%% of valid, score on the rest")
    ap.add_argument("--out", type=Path, default=kk.MODEL_DIR, help="folder for kk_ner.* files")
    ap.add_argument("--keep", type=Path, help="with --holdout: keep the holdout model at this path")
    args = ap.parse_args(argv)

    valid = read_conll(args.data / "IOB2_valid.txt")
    lexicon = None if args.no_gazetteer else build_lexicon()
    t0 = time.perf_counter()
    if args.holdout:
        fit, dev = holdout_split(valid, sentence_ids(args.data / "with_sentID" / "IOB2_valid2.txt"))
        path = args.keep or Path(tempfile.gettempdir()) / f"kk_ner_holdout_{os.getpid()}.crfsuite"
        train(fit, lexicon, args, path)
        res = evaluate(path, lexicon, dev)
        if not args.keep:
            path.unlink(missing_ok=True)
        run = {
            "command": command(argv),
            "features": kk.FEATURES,
            "train_s": round(time.perf_counter() - t0),
            "sentences": [len(fit), len(dev)],
            "all": res["all"]["micro"],
            "names": res["names"],
        }
        with (args.out / DEV_RUNS).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(run, ensure_ascii=False) + "\n")
        print(json.dumps(run, indent=1))
        return

    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / kk.MODEL_PATH.name
    train(valid, lexicon, args, model)
    train_s = time.perf_counter() - t0
    if lexicon is not None:
        lexicon.write(args.out / kk.LEXICON_PATH.name)
    else:
        (args.out / kk.LEXICON_PATH.name).unlink(missing_ok=True)
    test = read_conll(args.data / "IOB2_test.txt")
    res = evaluate(model, lexicon, test)
    metrics = {
        "model": "linear-chain CRF (python-crfsuite), features in coopwatch/ner/kk.py",
        "command": command(argv),
        "features": kk.FEATURES,
        "trained_on": f"KazNERD IOB2_valid.txt ({len(valid)} sentences), CC BY 4.0",
        "scored_on": f"KazNERD IOB2_test.txt ({len(test)} sentences), exact spans",
        "params": {
            "c1": args.c1,
            "c2": args.c2,
            "iterations": args.iterations,
            "minfreq": args.minfreq,
            "gazetteer_features": lexicon is not None,
        },
        "views": {
            "all": "all 25 KazNERD labels",
            "names": "PERSON->PER, ORGANISATION->ORG, GPE and LOCATION -> one type; FACILITY and others dropped",
            "names_shipped": "as `names` with FACILITY also in GPE+LOC (the recogniser maps it to LOC)",
        },
        "train_s": round(train_s),
        "model_bytes": model.stat().st_size,
        **res,
        "speed": timings(test) if args.out == kk.MODEL_DIR else None,
        "dev_runs": dev_runs(args.out / DEV_RUNS),
    }
    (args.out / "kk_ner.metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v["micro"] for k, v in res.items()} | {"speed": metrics["speed"]}, indent=1))


if __name__ == "__main__":
    main()
