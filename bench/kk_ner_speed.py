"""Benchmark the Kazakh recogniser per article: the contextual tagger (default) against the CRF alone.

`contextual` is what articles get (`recognize`: the encoder reads only sentences that may hold a
name); `contextual_every_sentence` runs it on all sentences (`recognize_all`, all 25 labels).

    .venv/bin/python bench/kk_ner_speed.py [--articles N] [--out FILE]

Articles are 3,000-character runs of KazNERD test sentences (about a news article each), or the
bundled Kazakh samples when ../shared is absent. Writes bench/results/kk_ner_speed.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from coopwatch.ner import kk

REPO = Path(__file__).resolve().parents[1]
KAZNERD = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_test.txt"


def articles(limit: int) -> list[str]:
    """Texts of about 3,000 characters each."""
    if not KAZNERD.is_file():
        return [
            p.read_text(encoding="utf-8") for p in sorted((REPO / "coopwatch" / "samples").glob("*-kk.txt"))
        ]
    out, cur, words = [], "", []
    for line in KAZNERD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
            continue
        cur += " ".join(words) + " "
        words = []
        if len(cur) >= 3000:
            out.append(cur)
            cur = ""
            if len(out) == limit:
                break
    return out


def timed(rec: kk.KazakhRecognizer, texts: list[str], every_sentence: bool = False) -> dict:
    run = rec.recognize_all if every_sentence else rec.recognize
    run(texts[0])  # warm caches
    t0 = time.perf_counter()
    found = sum(len(run(t)) for t in texts)
    ms = (time.perf_counter() - t0) * 1000 / len(texts)
    return {
        "source": rec.source,
        "ms_per_article": round(ms, 1),
        "spans" if every_sentence else "names": found,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "kk_ner_speed.json")
    args = ap.parse_args()
    texts = articles(args.articles)
    t0 = time.perf_counter()
    contextual = kk.KazakhRecognizer()
    load_ms = (time.perf_counter() - t0) * 1000
    result = {
        "articles": len(texts),
        "chars_per_article": round(sum(map(len, texts)) / len(texts)),
        "contextual": {**timed(contextual, texts), "load_ms": round(load_ms)},
        "contextual_every_sentence": timed(contextual, texts, every_sentence=True),
        "crf": timed(kk.KazakhRecognizer(encoder=Path("/nonexistent")), texts),
        "machine": f"{platform.machine()}, {platform.python_version()}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
