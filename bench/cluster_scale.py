"""How clustering cost grows with the base: 1k, 10k, 100k synthetic articles, in memory or in SQLite.

    .venv/bin/python bench/cluster_scale.py [--sizes 1000 10000 100000] [--store]

Articles are variations of a few short kk/ru/en reports we wrote (names, figures, dates and
outlets changed; every fifth one a copy of an earlier article with a line added). Each is
already "analysed" (entities, figures, date), so this measures clustering alone. Embeddings
are OFF here (no model calls): the embedding cost is a constant per article, at most
1 + MAX_EMBEDDED * MAX_SENTENCES sentences, measured by bench/ntrex_clusters.py instead.
Prints time per article for each tenth of the run, so growth with the base is visible.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from coopwatch.cluster import Clusterer, MemoryIndex
from coopwatch.cluster.stored import StoreIndex
from coopwatch.model import Document, Entity, Figure, Mention, Segment
from coopwatch.store import SQLiteStore

TEMPLATES = {
    "en": "{a} met {b} in {city} on {day}. The sides discussed {topic} and signed {n} agreements worth "
    "{v} million dollars. Trade reached {t} billion dollars last year, the ministry said.",
    "ru": "{a} встретился с {b} в городе {city} {day}. Стороны обсудили {topic} и подписали {n} соглашений "
    "на {v} млн долларов. Товарооборот в прошлом году составил {t} млрд долларов.",
    "kk": "{a} {city} қаласында {day} {b} мырзамен кездесті. Тараптар {topic} талқылап, {v} млн долларға "
    "{n} келісімге қол қойды. Өткен жылы тауар айналымы {t} млрд доллар болды.",
}
TOPICS = ["transport corridors", "uranium supplies", "grain exports", "green hydrogen", "digital services"]
CITIES = ["Astana", "Almaty", "Shymkent", "Aktau", "Pavlodar", "Atyrau", "Karaganda"]
OUTLETS = ["akorda.kz", "kazinform.kz", "tengrinews.kz", "inbusiness.kz", "kapital.kz"]


def synthetic(n: int, seed: int = 1) -> list[Document]:
    """n analysed articles: events of 1-5 reports in several languages, copies, and lone reports."""
    rng = random.Random(seed)
    docs: list[Document] = []
    start = date(2020, 1, 1)
    event = 0
    while len(docs) < n:
        event += 1
        day = start + timedelta(days=event // 40)  # ~40 events a day
        people = [f"person:p{rng.randrange(5000)}", f"person:p{rng.randrange(5000)}"]
        org = f"org:o{rng.randrange(2000)}"
        value, turnover = rng.randrange(10, 990), round(rng.uniform(0.1, 30), 1)
        fields = {
            "a": people[0].split(":")[1].title(), "b": people[1].split(":")[1].title(),
            "city": rng.choice(CITIES), "day": day.isoformat(), "topic": rng.choice(TOPICS),
            "n": rng.randrange(2, 30), "v": value, "t": turnover,
        }  # fmt: skip
        for r in range(rng.choice([1, 1, 2, 3, 5])):
            lang = rng.choice(list(TEMPLATES))
            text = TEMPLATES[lang].format(**fields) + f" ({rng.choice(OUTLETS)}, report {event}-{r})"
            if r and rng.random() < 0.2:
                text = docs[-1].text + " Read also: other news."
            docs.append(_doc(f"e{event}-{r}", text, lang, day, [*people, org], value, turnover))
            if len(docs) == n:
                break
    return docs


def _doc(
    doc_id: str, text: str, lang: str, day: date, ids: list[str], value: int, turnover: float
) -> Document:
    return Document(
        id=doc_id, text=text, lang=lang, date=day.isoformat(), segments=[Segment(0, len(text), "body")],
        entities=[Entity(e, "PER" if e.startswith("person") else "ORG", e, [Mention(0, 1, text[0])]) for e in ids],
        figures=[Figure("deal_value", value * 1e6, "USD", None, "", 0, 1),
                 Figure("trade_turnover", turnover * 1e9, "USD", None, "", 0, 1)],
    )  # fmt: skip


def run(n: int, use_store: bool) -> None:
    docs = synthetic(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "scale.db") if use_store else None
        clusterer = Clusterer(StoreIndex(store) if store else MemoryIndex(), embedder=None)
        tenth = max(1, n // 10)
        marks: list[float] = []
        started = last = time.perf_counter()
        for i, doc in enumerate(docs, 1):
            clusterer.add(doc)
            if i % tenth == 0:
                now = time.perf_counter()
                marks.append(1e3 * (now - last) / tenth)
                last = now
        total = time.perf_counter() - started
        clusters = len({d.cluster for d in docs})
        if store:
            store.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n:>7} articles ({'sqlite' if use_store else 'memory'}): {total:7.1f} s, {1e3 * total / n:.2f} ms/article, "
        f"peak RSS {rss_mb:.0f} MB, {clusters} clusters, {clusterer.stats['candidates'] / n:.1f} candidates/article"
    )
    print("   ms/article by tenth of the run:", " ".join(f"{m:.2f}" for m in marks))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--store", action="store_true", help="Keep the index in SQLite, as ingest does.")
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.store)


if __name__ == "__main__":
    main()
