"""Latency of the dashboard's search and article routes on a large synthetic knowledge base.

    .venv/bin/python bench/api_latency.py [--articles 100000] [--requests 300] [--db PATH]
    .venv/bin/python bench/api_latency.py --screenshot docs/article-view.png

The base is built with direct SQL inserts into the store's own schema (the analysis pipeline would
take hours for 100k articles): each synthetic article is a few sentences in kk, ru or en drawn from
templates, with entities, mentions, countries, partner pairs, sectors, figures and events rows whose
offsets point into its text, and its full-text row. The server runs in-process under uvicorn and is
queried over HTTP on 127.0.0.1 with keep-alive; the p50/p95/max of each route kind are printed and
written to bench/results/api_latency.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coopwatch.store import SQLiteStore  # noqa: E402
from coopwatch.store.sqlite import _fold  # noqa: E402

COUNTRIES = {
    "DE": ("Germany", {"en": "Germany", "ru": "Германия", "kk": "Германия"}),
    "FR": ("France", {"en": "France", "ru": "Франция", "kk": "Франция"}),
    "CN": ("China", {"en": "China", "ru": "Китай", "kk": "Қытай"}),
    "TR": ("Türkiye", {"en": "Türkiye", "ru": "Турция", "kk": "Түркия"}),
    "UZ": ("Uzbekistan", {"en": "Uzbekistan", "ru": "Узбекистан", "kk": "Өзбекстан"}),
    "US": ("United States", {"en": "the United States", "ru": "США", "kk": "АҚШ"}),
    "KR": ("South Korea", {"en": "South Korea", "ru": "Корея", "kk": "Корея"}),
    "JP": ("Japan", {"en": "Japan", "ru": "Япония", "kk": "Жапония"}),
}
PEOPLE = [
    (
        "person:kassym-jomart-tokayev",
        "Kassym-Jomart Tokayev",
        {"en": "Tokayev", "ru": "Токаев", "kk": "Тоқаев"},
    ),
    ("person:murat-nurtleu", "Murat Nurtleu", {"en": "Nurtleu", "ru": "Нуртлеу", "kk": "Нұртлеу"}),
    ("person:olzhas-bektenov", "Olzhas Bektenov", {"en": "Bektenov", "ru": "Бектенов", "kk": "Бектенов"}),
]
SECTORS = ["trade", "oil_gas", "nuclear", "transport_logistics", "agriculture_food", "digital_it", "tourism"]
WORDS = {
    "en": [
        "railway",
        "corridor",
        "uranium",
        "wheat",
        "hydrogen",
        "investment",
        "grain",
        "logistics",
        "tourism",
        "digital",
        "pipeline",
    ],
    "ru": [
        "железная",
        "коридор",
        "уран",
        "пшеница",
        "водород",
        "инвестиции",
        "зерно",
        "логистика",
        "туризм",
        "цифровой",
        "трубопровод",
    ],
    "kk": [
        "теміржол",
        "дәліз",
        "уран",
        "бидай",
        "сутегі",
        "инвестиция",
        "астық",
        "логистика",
        "туризм",
        "цифрлық",
        "құбыр",
    ],
}
TEMPLATES = {
    "en": ("{who} met officials of {country} to discuss {w1} and {w2}. ",
           "Trade with {country} reached {amount} billion US dollars in {year}. "),
    "ru": ("{who} встретился с делегацией: {country}, обсуждены {w1} и {w2}. ",
           "Товарооборот, {country}: {amount} млрд долларов США в {year} году. "),
    "kk": ("{who} {country} делегациясымен кездесіп, {w1} және {w2} талқылады. ",
           "{country} саудасы {year} жылы {amount} млрд АҚШ долларына жетті. "),
}  # fmt: skip


def synthetic(n: int, rng: random.Random) -> dict[str, Any]:
    """One synthetic article: its text and the rows of each table, offsets pointing into the text."""
    lang = rng.choice(("kk", "ru", "en"))
    code = rng.choice(list(COUNTRIES))
    cname, cforms = COUNTRIES[code]
    pid, pname, pforms = rng.choice(PEOPLE)
    year = rng.choice((2022, 2023, 2024, 2025))
    amount = round(rng.uniform(0.1, 30), 1)
    met, trade = TEMPLATES[lang]
    text, mentions, figures, events = "", {"p": [], "c": []}, [], []
    for _ in range(rng.randint(3, 6)):
        w1, w2 = rng.sample(WORDS[lang], 2)
        sentence_start = len(text)
        sentence = met.format(who=pforms[lang], country=cforms[lang], w1=w1, w2=w2)
        mentions["p"].append((sentence_start + sentence.index(pforms[lang]), pforms[lang]))
        mentions["c"].append((sentence_start + sentence.index(cforms[lang]), cforms[lang]))
        text += sentence
        events.append(("meeting", sentence_start, len(text), sentence))
        if rng.random() < 0.5:
            start = len(text)
            sentence = trade.format(country=cforms[lang], amount=amount, year=year)
            text += sentence
            a = start + sentence.index(str(amount))
            figures.append(
                ("trade_turnover", amount * 1e9, "USD", str(year), code, str(amount), a, a + len(str(amount)))
            )
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{pforms[lang]} — {cforms[lang]} {rng.choice(WORDS[lang])} #{n}"
    sectors = sorted(rng.sample(SECTORS, 2))
    entities = [
        {"id": pid, "type": "PER", "name": pname, "mentions": [{"start": s, "end": s + len(t), "text": t} for s, t in mentions["p"]]},
        {"id": f"country:{code}", "type": "GPE", "name": cname, "country": code,
         "mentions": [{"start": s, "end": s + len(t), "text": t} for s, t in mentions["c"]]},
    ]  # fmt: skip
    analysis = {
        "id": f"syn-{n:06d}", "lang": lang, "date": date, "title": title, "url": None, "source": "synthetic",
        "entities": entities, "countries": sorted({code, "KZ"}), "partners": [sorted([code, "KZ"])],
        "sectors": sectors, "cluster": f"syn-c{n // 3}",
        "figures": [{"indicator": i, "value": v, "currency": c, "period": p, "country": co, "text": t, "start": s,
                     "end": e} for i, v, c, p, co, t, s, e in figures],
        "events": [{"type": t, "text": x, "start": s, "end": e, "date": date, "participants": [pid],
                    "countries": sorted({code, "KZ"}), "sectors": sectors} for t, s, e, x in events],
    }  # fmt: skip
    return {"text": text, "analysis": analysis}


def build(path: Path, count: int, seed: int = 7) -> float:
    """Fill a fresh store at `path` with `count` synthetic articles by direct SQL; returns seconds taken."""
    t0 = time.perf_counter()
    SQLiteStore(path).close()  # the real schema, migrations included
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(seed)
    conn.execute("BEGIN")
    for n in range(1, count + 1):
        art = synthetic(n, rng)
        a, text = art["analysis"], art["text"]
        conn.execute(
            "INSERT INTO documents (rowid, id, content_hash, lang, date, title, url, source, cluster, added, text,"
            " analysis) VALUES (?, ?, ?, ?, ?, ?, NULL, 'synthetic', ?, '2025-01-01T00:00:00', ?, ?)",
            (n, a["id"], f"h{n}", a["lang"], a["date"], a["title"], a["cluster"], text,
             json.dumps(a, ensure_ascii=False)),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
            (n, _fold(a["title"]), _fold(text)),
        )
        for pos, e in enumerate(a["entities"]):
            conn.execute(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                (n, pos, e["id"], e["type"], e["name"], e.get("country")),
            )
            conn.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                [(n, pos, m["start"], m["end"], m["text"]) for m in e["mentions"]],
            )
        conn.executemany("INSERT INTO doc_countries VALUES (?, ?)", [(n, c) for c in a["countries"]])
        conn.executemany("INSERT INTO partners VALUES (?, ?, ?)", [(n, *p) for p in a["partners"]])
        conn.executemany("INSERT INTO doc_sectors VALUES (?, ?)", [(n, s) for s in a["sectors"]])
        conn.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            [(n, i, f["indicator"], f["value"], f["currency"], f["period"], f["country"], f["text"], f["start"], f["end"])
             for i, f in enumerate(a["figures"])],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, i, e["type"], e["date"], e["text"], e["start"], e["end"], json.dumps(e["participants"]),
              json.dumps(e["countries"]), json.dumps(e["sectors"])) for i, e in enumerate(a["events"])],
        )  # fmt: skip
        if n % 10_000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  {n} articles", file=sys.stderr)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - t0


def serve(db: Path) -> tuple[str, Any]:
    """The dashboard under uvicorn in a thread, on a free local port."""
    import uvicorn

    from coopwatch.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def measure(base: str, count: int, requests: int, seed: int = 11) -> dict[str, dict[str, float]]:
    """p50/p95/max milliseconds per route kind, each over `requests` varied requests."""
    import httpx

    rng = random.Random(seed)
    words = [w for ws in WORDS.values() for w in ws] + ["Tokayev", "Тоқаев", "Германия", "China", "Түркия"]
    kinds = {
        "api search (q + filters, no facets)": lambda: "/api/articles?facets=false&" + _search(rng, words),
        "api search with facets": lambda: "/api/articles?" + _search(rng, words),
        "html search page (facets)": lambda: "/articles?" + _search(rng, words),
        "html browse page (filters, no words)": lambda: "/articles?" + _search(rng, [""]),
        "api article": lambda: f"/api/articles/syn-{rng.randint(1, count):06d}",
        "html article page": lambda: f"/articles/syn-{rng.randint(1, count):06d}",
    }
    out: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get("/api/articles?q=warmup")  # builds the entity index once
        for kind, make in kinds.items():
            times = []
            for _ in range(requests):
                url = make()
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, (url, r.status_code)
            times.sort()
            out[kind] = {
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[int(0.95 * len(times)) - 1], 1),
                "max_ms": round(times[-1], 1),
                "requests": requests,
            }
            print(
                f"{kind:40s} p50 {out[kind]['p50_ms']:7.1f} ms  p95 {out[kind]['p95_ms']:7.1f} ms  max {out[kind]['max_ms']:7.1f} ms"
            )
    return out


def _search(rng: random.Random, words: list[str]) -> str:
    """A search query string: one or two words (none when `words` is [""]), sometimes a language, country, sector
    or date filter, sometimes page 2+."""
    from urllib.parse import urlencode

    params: dict[str, Any] = {"q": " ".join(rng.sample(words, min(len(words), rng.choice((1, 1, 2)))))}
    if rng.random() < 0.3:
        params["lang"] = rng.choice(("kk", "ru", "en"))
    if rng.random() < 0.2:
        params["country"] = rng.choice(list(COUNTRIES))
    if rng.random() < 0.2:
        params["sector"] = rng.choice(SECTORS)
    if rng.random() < 0.2:
        params["since"] = "2024-01-01"
    if rng.random() < 0.2:
        params["offset"] = rng.choice((20, 40, 100))
    return urlencode(params)


def screenshot(out: Path) -> None:
    """A picture of the article view on the sample articles, with Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    from coopwatch.pipeline import build_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "samples.db"
        docs = build_pipeline().run([REPO / "coopwatch" / "samples"])
        with SQLiteStore(db) as store:
            for doc in docs:
                store.add(doc)
        base, server = serve(db)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base + "/articles/kz-de-hydrogen-kk")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
            browser.close()
        server.should_exit = True
    print(f"screenshot written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per route kind")
    parser.add_argument("--db", type=Path, help="reuse (or build here) the synthetic base")
    parser.add_argument("--screenshot", type=Path, help="only take the article-view screenshot, to this file")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        built = None
        if not db.exists():
            print(f"building {args.articles} synthetic articles in {db}", file=sys.stderr)
            built = round(build(db, args.articles), 1)
            print(f"built in {built} s", file=sys.stderr)
        count = SQLiteStore(db).count()
        base, server = serve(db)
        load_before = os.getloadavg()[0]
        results = measure(base, count, args.requests)
        load_after = os.getloadavg()[0]
        server.should_exit = True
        report = {
            "articles": count,
            "db_mb": round(db.stat().st_size / 2**20, 1),
            "build_s": built,
            "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
            "cpus": os.cpu_count(),
            "load_avg_1min": [round(load_before, 2), round(load_after, 2)],  # the machine may be shared
            "results": results,
        }
        target = REPO / "bench" / "results" / "api_latency.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
