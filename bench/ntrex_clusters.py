"""Public check of cross-lingual clustering: NTREX-128's 123 news stories in en, kk and ru.

    .venv/bin/python bench/ntrex_clusters.py [--data DIR] [--skip N] [--limit N]

Thresholds were tuned on the first 60 stories (`--limit 60`); the last 63 (`--skip 60`) are
held out.

Builds one article per (story, language) from the line-aligned files (369 in all), runs the
real pipeline and the clustering, and prints B-cubed precision, recall and F1 against the
story ids, with the time each part took. The stories are not about Kazakhstan, so most carry
no gazetteer entity: clustering has to work from numbers, names and sentence embeddings.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from coopwatch.cluster import assign_clusters
from coopwatch.model import Document
from coopwatch.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ntrex128_kk_ru_en"
FILES = {"en": "newstest2019-src.eng.txt", "kk": "newstest2019-ref.kaz.txt", "ru": "newstest2019-ref.rus.txt"}


def documents(data: Path, limit: int | None = None, skip: int = 0) -> tuple[list[Document], dict[str, str]]:
    """One document per story and language (title line first), and each document's story id."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    stories = list(dict.fromkeys(line.split("\t")[0] for line in ids))[skip:][:limit]
    docs: list[Document] = []
    gold: dict[str, str] = {}
    for lang, name in FILES.items():
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        by_story: dict[str, list[str]] = defaultdict(list)
        for story_line, text in zip(ids, lines, strict=True):
            by_story[story_line.split("\t")[0]].append(text)
        for story in stories:
            doc_id = f"{story}.{lang}"
            docs.append(Document(id=doc_id, text="\n".join(by_story[story]), source=name))
            gold[doc_id] = story
    return docs, gold


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold classes."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        same = by_pred[pred[item]] & by_gold[gold[item]]
        p += len(same) / len(by_pred[pred[item]])
        r += len(same) / len(by_gold[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip", type=int, default=0, help="Leave out the first N stories.")
    parser.add_argument("--limit", type=int, default=None, help="Only N stories (after --skip).")
    args = parser.parse_args()
    docs, gold = documents(args.data, args.limit, args.skip)
    started = time.perf_counter()
    pipeline = build_pipeline()
    docs = [pipeline.analyze(d) for d in docs]
    analysed_s = time.perf_counter() - started
    started = time.perf_counter()
    clusterer = assign_clusters(docs)
    cluster_s = time.perf_counter() - started
    pred = {d.id: d.cluster or d.id for d in docs}
    p, r, f = bcubed(pred, gold)
    print(f"documents {len(docs)}  stories {len(set(gold.values()))}  clusters {len(set(pred.values()))}")
    print(f"B-cubed precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}")
    print(
        f"analysis {analysed_s:.1f} s  clustering {cluster_s:.1f} s ({1000 * cluster_s / len(docs):.0f} ms/article)"
    )
    print("clustering stats:", dict(sorted(clusterer.stats.items())))


if __name__ == "__main__":
    main()
