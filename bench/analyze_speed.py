"""Benchmark `analyze`: articles per second, time per stage, and peak memory.

    .venv/bin/python bench/analyze_speed.py [PATH ...] [--repeat N] [--out FILE]

Defaults to ../shared/corpus (or the bundled samples when it is absent), analysed
--repeat times so that small corpora give stable numbers. Writes the figures as JSON to
bench/results/latest.json and prints them.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import time
from collections import Counter, defaultdict
from pathlib import Path

from coopwatch.cluster import assign_clusters
from coopwatch.model import Document
from coopwatch.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    corpus = REPO.parent / "shared" / "corpus"
    paths = args.paths or [corpus if corpus.is_dir() else REPO / "coopwatch" / "samples"]

    started = time.perf_counter()
    pipeline = build_pipeline()
    docs = list(pipeline.read(paths))
    pipeline.analyze(Document(id="warm-up", text="The ministers met in Astana to discuss trade."))
    load_s = time.perf_counter() - started

    per_stage: dict[str, float] = defaultdict(float)
    per_lang_stage: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    per_lang: Counter[str] = Counter()
    analysed = 0
    started = time.perf_counter()
    for _ in range(args.repeat):
        batch = list(pipeline.read(paths))
        for doc in batch:
            timings = {}
            for stage in pipeline.stages:
                t = time.perf_counter()
                doc = stage(doc)
                timings[type(stage).__name__] = time.perf_counter() - t
            for name, seconds in timings.items():
                per_stage[name] += seconds
                per_lang_stage[doc.lang][name] += seconds
            per_lang[doc.lang] += 1
            analysed += 1
        t = time.perf_counter()
        assign_clusters(batch)
        per_stage["clustering"] += time.perf_counter() - t
    total_s = time.perf_counter() - started

    result = {
        "inputs": [str(p) for p in paths],
        "articles": len(docs),
        "repeat": args.repeat,
        "startup_s": round(load_s, 3),
        "articles_per_s": round(analysed / total_s, 1),
        "ms_per_article": round(1000 * total_s / analysed, 2),
        "ms_per_article_by_stage": {k: round(1000 * v / analysed, 2) for k, v in per_stage.items()},
        "ms_per_article_by_language_and_stage": {
            lang: {k: round(1000 * v / per_lang[lang], 2) for k, v in stages.items()}
            for lang, stages in sorted(per_lang_stage.items())
        },
        "articles_by_language": dict(sorted((k, v // args.repeat) for k, v in per_lang.items())),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
