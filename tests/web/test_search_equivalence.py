"""The fast search (rowid sets read from indexes, intersected in numpy) answers exactly what plain SQL does.

The base is the latency benchmark's synthetic one at a small size; the thresholds that switch between
ways of answering (relevance or newest, sorting a narrow filter or scanning by date, the facet sample)
are lowered so that every branch runs on it. The reference is the straightforward query: every match
joined to its document and checked filter by filter.
"""

from __future__ import annotations

import importlib.util
import random
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coopwatch.store import queries as q

REPO = Path(__file__).resolve().parents[2]
ARTICLES = 400


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("api_latency", REPO / "bench" / "api_latency.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("api_latency", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    bench = _bench()
    path = tmp_path_factory.mktemp("syn") / "syn.db"
    bench.build(path, ARTICLES, seed=3)
    return bench, path


@pytest.fixture
def conn(synthetic: tuple[Any, Path]) -> Iterator[sqlite3.Connection]:
    from coopwatch.web.db import Database

    _, path = synthetic
    c = Database(path).conn()
    yield c
    c.close()


def reference(
    conn: sqlite3.Connection, f: q.ArticleFilter, also: list[str], limit: int, offset: int
) -> tuple[list[tuple[str, float]], int, str, dict[str, list[tuple[str, int]]]]:
    """(id, score) of one page, the total, the order and the facets, by plain joins."""
    where, params = f.where()
    cond = " AND ".join(where) or "1"
    match = q.match_expression(f.q, also) if f.q.strip() else None
    if f.q.strip() and match is None:
        return [], 0, "relevance", {}
    if match is None:
        base, base_params = f"FROM documents d WHERE {cond}", params
        order, sort, score, newest = "newest", "d.date DESC, d.rowid DESC", "0.0", "d.date DESC, d.rowid DESC"
    else:
        base = (
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            f" WHERE documents_fts MATCH ? AND {cond}"
        )
        base_params = [match, *params]
        n = conn.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (match,)
        ).fetchone()[0]
        order = "relevance" if n <= q.RANK_LIMIT else "newest"
        sort = "documents_fts.rank, d.rowid" if order == "relevance" else "d.rowid DESC"
        score = "-documents_fts.rank" if order == "relevance" else "0.0"
        newest = "d.rowid DESC"
    total = conn.execute(f"SELECT count(*) {base}", base_params).fetchone()[0]
    page = conn.execute(
        f"SELECT d.id, {score} {base} ORDER BY {sort} LIMIT ? OFFSET ?", [*base_params, limit, offset]
    ).fetchall()
    sample = f"SELECT d.rowid AS doc {base} ORDER BY {newest} LIMIT {q.FACET_SAMPLE}"
    facet_sql = {
        "lang": "SELECT d.lang, count(*) FROM s JOIN documents d ON d.rowid = s.doc GROUP BY 1",
        "country": "SELECT c.country, count(*) FROM s JOIN doc_countries c ON c.doc = s.doc GROUP BY 1",
        "partner": "SELECT p.a || '-' || p.b, count(*) FROM s JOIN partners p ON p.doc = s.doc GROUP BY 1",
        "sector": "SELECT x.sector, count(*) FROM s JOIN doc_sectors x ON x.doc = s.doc GROUP BY 1",
    }
    facets = {
        name: conn.execute(
            f"WITH s AS ({sample}) {sql} ORDER BY 2 DESC, 1 LIMIT ?", [*base_params, q.FACET_LIMIT]
        ).fetchall()
        for name, sql in facet_sql.items()
    }
    return [(i, round(float(s), 4)) for i, s in page], total, order, facets


def random_filter(rng: random.Random, bench: Any) -> tuple[q.ArticleFilter, list[str], int]:
    words = [w for ws in bench.WORDS.values() for w in ws] + ["Tokayev", "Германия", "Түркия", ""]
    text = rng.choice(["", "", "?!", " ".join(rng.sample(words, rng.choice((1, 1, 2))))])
    also = [] if not text or rng.random() < 0.5 else ["Тоқаев", "Токаев"]
    f = q.ArticleFilter(
        q=text,
        lang=rng.choice([None, None, "kk", "ru", "EN"]),
        country=rng.choice([None, None, None, "de", "CN", "KZ"]),
        partner=rng.choice([None, None, None, ("DE", "KZ"), ("FR", "KZ")]),
        sector=rng.choice([None, None, None, *bench.SECTORS[:3]]),
        entity=rng.choice([None, None, None, "person:murat-nurtleu", "country:TR"]),
        since=rng.choice([None, None, "2024", "2024-06-01"]),
        until=rng.choice([None, None, "2023-12", "2025-03-15"]),
    )
    return f, also, rng.choice((0, 0, 5, 30))


@pytest.mark.parametrize(
    ("rank_limit", "browse_sort", "kept_order"),
    [(5000, 20_000, False), (30, 25, False), (0, 0, False), (30, 25, True)],
)
def test_fast_search_matches_plain_sql(
    synthetic: tuple[Any, Path],
    conn: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
    rank_limit: int,
    browse_sort: int,
    kept_order: bool,
) -> None:
    bench, _ = synthetic
    monkeypatch.setattr(q, "RANK_LIMIT", rank_limit)
    monkeypatch.setattr(q, "BROWSE_SORT", browse_sort)
    monkeypatch.setattr(q, "FACET_SAMPLE", 40)
    rng = random.Random(rank_limit + browse_sort)
    orders, totals = set(), set()
    for _ in range(120):
        f, also, offset = random_filter(rng, bench)
        sel = q.select(conn, f, also=also, by_date=q.date_order(conn) if kept_order else None)
        items, total, order = q.search_articles(conn, f, limit=7, offset=offset, selection=sel)
        facets, over = q.facets(conn, f, also=also, selection=sel)
        page, ref_total, ref_order, ref_facets = reference(conn, f, also, 7, offset)
        assert (total, order) == (ref_total, ref_order), f
        assert [(i["id"], i["score"]) for i in items] == page, f
        assert {k: [(r["value"], r["count"]) for r in v] for k, v in facets.items()} == ref_facets, f
        assert over == min(total, q.FACET_SAMPLE) or (f.q.strip() and not facets)
        # the same answer without a selection worked out beforehand
        assert q.search_articles(conn, f, also=also, limit=7, offset=offset) == (items, total, order)
        orders.add(order)
        totals.add(total > 0)
    assert totals == {True, False}
    assert "newest" in orders and ("relevance" in orders or not rank_limit)


def test_snippets_mark_the_words_on_any_page(conn: sqlite3.Connection) -> None:
    f = q.ArticleFilter(q="уран", country="DE")
    items, total, _ = q.search_articles(conn, f, limit=5, offset=3)
    assert total > 8 and items
    assert all(q.MARK_OPEN in i["snippet"] and "уран" in i["snippet"].lower() for i in items)
