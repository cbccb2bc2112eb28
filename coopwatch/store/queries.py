"""Read-only reports over the SQLite knowledge base, for the dashboard and its JSON API.

Plain functions over a `sqlite3.Connection` (the web server opens its own read-only ones), kept
apart from `sqlite.py` so that the writer's code and the readers' reports change independently.
Every value reaches SQLite as a parameter; only fixed clause strings are ever joined into SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from coopwatch.store.sqlite import _check_date, fts_query

SNIPPET_CHARS = 200
FACET_LIMIT = 20
# Above this many full-text matches, results come newest first: bm25 over tens of thousands of rows
# would cost more than the 100 ms a page may take (the answer says which order it used).
RANK_LIMIT = 5000
# Facets count at most this many results (the best or newest); exact below it, and the answer says so.
FACET_SAMPLE = 2000
# Browsing without words: a filter keeping at most this many articles has them sorted by date at once;
# a broader one reads its page from a date-ordered scan, which soon finds enough.
BROWSE_SORT = 20_000
MAX_FORMS = 40  # entity names added to one query
# Private-use marks around matched words in snippets; split out before anything is rendered.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

Row = dict[str, Any]


@dataclass(slots=True, frozen=True)
class ArticleFilter:
    """What narrows a list of articles; every field is optional."""

    q: str = ""
    lang: str | None = None
    country: str | None = None
    partner: tuple[str, str] | None = None  # sorted pair
    sector: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[list[str], list[Any]]:
        """SQL conditions on `d` (documents) with their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.lang:
            where.append("d.lang = ?")
            params.append(self.lang.lower())
        if self.country:
            where.append("EXISTS (SELECT 1 FROM doc_countries c WHERE c.doc = d.rowid AND c.country = ?)")
            params.append(self.country.upper())
        if self.partner:
            where.append("EXISTS (SELECT 1 FROM partners p WHERE p.doc = d.rowid AND p.a = ? AND p.b = ?)")
            params.extend(self.partner)
        if self.sector:
            where.append("EXISTS (SELECT 1 FROM doc_sectors s WHERE s.doc = d.rowid AND s.sector = ?)")
            params.append(self.sector)
        if self.entity:
            where.append("EXISTS (SELECT 1 FROM entities e WHERE e.doc = d.rowid AND e.entity_id = ?)")
            params.append(self.entity)
        _date_range("d.date", self.since, self.until, where, params)
        return where, params


def _date_range(
    column: str, since: str | None, until: str | None, where: list[str], params: list[Any]
) -> None:
    """Conditions for a date column between `since` and `until`, both checked; `until` is a prefix, so
    --until 2025 keeps every date of 2025."""
    if since := _check_date("since", since):
        where.append(f"{column} >= ?")
        params.append(since)
    if until := _check_date("until", until):
        where.append(f"substr({column}, 1, ?) <= ?")
        params.extend([len(until), until])


def pair(text: str) -> tuple[str, str]:
    """A country pair written `DE-KZ` (either order) as the sorted tuple the store keeps."""
    parts = [p.strip().upper() for p in text.replace("_", "-").split("-") if p.strip()]
    if len(parts) != 2 or not all(len(p) == 2 and p.isalpha() for p in parts):
        raise ValueError(f"partner: expected two ISO country codes as AA-BB, got {text!r}")
    a, b = sorted(parts)
    return a, b


def match_expression(query: str, also: Sequence[str] = ()) -> str | None:
    """The query's words, OR any of `also` (an entity's names in every script), as one FTS5 expression."""
    parts = [m for m in dict.fromkeys(fts_query(t) for t in [query, *also[:MAX_FORMS]]) if m]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)


@dataclass(slots=True)
class Selection:
    """The articles a filter matches, worked out once for both a page of results and its facets.

    `ids` holds every match in result order (best first, or newest first) when it is known: always
    for a text query; when browsing without words, for filters given the date order of the base or
    keeping at most BROWSE_SORT articles. Otherwise the page is read in date order straight from SQL.
    """

    order: str  # "relevance" or "newest"
    total: int
    ids: np.ndarray | None
    scores: np.ndarray | None = None
    match: str | None = None
    browse: tuple[str, list[Any]] | None = None  # (conditions on d, params) for date-ordered SQL pages

    def page(self, conn: sqlite3.Connection, limit: int, offset: int) -> list[tuple[int, float]]:
        """(rowid, score) of one page, in result order."""
        if self.ids is not None:
            rowids = self.ids[offset : offset + limit].tolist()
            if self.scores is None:
                return [(r, 0.0) for r in rowids]
            return list(zip(rowids, self.scores[offset : offset + limit].tolist(), strict=True))
        cond, params = self.browse or ("1", [])
        return [
            (r, 0.0)
            for (r,) in conn.execute(
                f"SELECT d.rowid FROM documents d WHERE {cond} ORDER BY d.date DESC, d.rowid DESC LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]

    def sample(self, conn: sqlite3.Connection, size: int) -> list[int]:
        """The newest `size` matches: by rowid for a text query, by date when browsing."""
        if self.ids is None:
            return [r for r, _ in self.page(conn, size, 0)]
        if self.match is not None:
            newest = np.sort(self.ids)[::-1] if self.order == "relevance" else self.ids
            return newest[:size].tolist()
        return self.ids[:size].tolist()


def _id_array(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> np.ndarray:
    """The sorted, distinct rowids a `SELECT group_concat(...)` query lists (one string: no row per id)."""
    text = conn.execute(sql, params).fetchone()[0]
    if not text:
        return np.empty(0, dtype=np.int64)
    ids = np.fromstring(text, dtype=np.int64, sep=",")
    if len(ids) > 1 and not bool(np.all(ids[1:] > ids[:-1])):
        ids = np.unique(ids)
    return ids


def _filter_ids(conn: sqlite3.Connection, f: ArticleFilter) -> np.ndarray | None:
    """Rowids of the articles passing every filter (None when there are none), each read from an index."""
    where: list[str] = []
    params: list[Any] = []
    if f.lang:
        where.append("lang = ?")
        params.append(f.lang.lower())
    _date_range("date", f.since, f.until, where, params)
    sets: list[tuple[str, list[Any]]] = []
    if where:  # documents_lang_date or documents_date cover these
        sets.append((f"SELECT group_concat(rowid) FROM documents WHERE {' AND '.join(where)}", params))
    if f.country:
        sets.append(("SELECT group_concat(doc) FROM doc_countries WHERE country = ?", [f.country.upper()]))
    if f.partner:
        sets.append(("SELECT group_concat(doc) FROM partners WHERE a = ? AND b = ?", list(f.partner)))
    if f.sector:
        sets.append(("SELECT group_concat(doc) FROM doc_sectors WHERE sector = ?", [f.sector]))
    if f.entity:
        sets.append(("SELECT group_concat(doc) FROM entities WHERE entity_id = ?", [f.entity]))
    ids: np.ndarray | None = None
    for sql, sql_params in sets:
        found = _id_array(conn, sql, sql_params)
        ids = found if ids is None else np.intersect1d(ids, found, assume_unique=True)
        if not len(ids):
            break
    return ids


def date_order(conn: sqlite3.Connection) -> np.ndarray:
    """Every article's rowid, newest date first (then highest rowid), the order of browsing without words.

    Worth keeping while the base does not change (the web server does): with it, a filtered page
    without words costs a mask over one array instead of a sort of the matching articles.
    """
    rows = conn.execute("SELECT rowid FROM documents ORDER BY date DESC, rowid DESC").fetchall()
    return np.array([r for (r,) in rows], dtype=np.int64)


def select(
    conn: sqlite3.Connection,
    f: ArticleFilter,
    *,
    also: Sequence[str] = (),
    by_date: np.ndarray | None = None,
) -> Selection:
    """Which articles match, in which order: relevance for at most RANK_LIMIT word matches, else newest.

    Filters become sorted rowid arrays read from covering indexes and intersected in numpy, so a
    selective filter on a common word costs one pass over each list rather than a lookup per match.
    `by_date` is `date_order(conn)` when the caller keeps it (only browsing without words uses it).
    """
    filtered = _filter_ids(conn, f)
    if not f.q.strip():
        if filtered is None:
            total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            return Selection("newest", int(total), None)
        if by_date is not None:
            keep = np.zeros(int(max(by_date.max(initial=0), filtered.max(initial=0))) + 1, dtype=bool)
            keep[filtered] = True
            ordered = by_date[keep[by_date]]  # an article newer than `by_date` waits for its rebuild
            return Selection("newest", len(ordered), ordered)
        if len(filtered) > BROWSE_SORT:  # a broad filter: a date-ordered scan finds a page quickly
            where, params = f.where()
            return Selection("newest", len(filtered), None, browse=(" AND ".join(where), params))
        rows = conn.execute(
            "SELECT rowid FROM documents WHERE rowid IN (SELECT value FROM json_each(?))"
            " ORDER BY date DESC, rowid DESC",
            (json.dumps(filtered.tolist()),),
        ).fetchall()
        return Selection("newest", len(filtered), np.array([r for (r,) in rows], dtype=np.int64))
    match = match_expression(f.q, also)
    if match is None:  # punctuation only: no words to look for
        return Selection("relevance", 0, np.empty(0, dtype=np.int64), np.empty(0), None)
    matches = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)",
        (match, RANK_LIMIT + 1),
    ).fetchone()[0]
    if matches <= RANK_LIMIT:
        rows = conn.execute(
            "SELECT rowid, -rank FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank, rowid",
            (match,),
        ).fetchall()
        ids = np.array([r for r, _ in rows], dtype=np.int64)
        scores = np.array([s for _, s in rows], dtype=np.float64)
        if filtered is not None:
            keep = np.isin(ids, filtered, assume_unique=True)
            ids, scores = ids[keep], scores[keep]
        return Selection("relevance", len(ids), ids, scores, match)
    ids = _id_array(
        conn, "SELECT group_concat(rowid) FROM documents_fts WHERE documents_fts MATCH ?", (match,)
    )
    if filtered is not None:
        ids = np.intersect1d(ids, filtered, assume_unique=True)
    return Selection("newest", len(ids), ids[::-1], None, match)


def search_articles(
    conn: sqlite3.Connection,
    f: ArticleFilter,
    *,
    also: Sequence[str] = (),
    limit: int = 20,
    offset: int = 0,
    selection: Selection | None = None,
) -> tuple[list[Row], int, str]:
    """One page of matching articles, the total, and the order used: relevance, or newest first."""
    sel = selection or select(conn, f, also=also)
    page = sel.page(conn, limit, offset)
    rowids = [r for r, _ in page]
    docs: dict[int, tuple[Any, ...]] = {}
    if rowids:
        marks = ", ".join("?" * len(rowids))
        docs = {
            row[0]: row[1:]
            for row in conn.execute(
                f"SELECT rowid, id, lang, date, title, cluster FROM documents WHERE rowid IN ({marks})",
                rowids,
            )
        }
    snippets = _snippets(conn, rowids, sel.match)
    items = []
    for rowid, score in page:
        id, lang, date, title, cluster = docs[rowid]
        items.append(
            {
                "id": id,
                "lang": lang,
                "date": date,
                "title": title,
                "cluster": cluster,
                "score": round(float(score), 4),
                "snippet": snippets.get(rowid, ""),
            }
        )
    _attach_facts(conn, items, rowids)
    return items, sel.total, sel.order


def _snippets(conn: sqlite3.Connection, rowids: list[int], match: str | None) -> dict[int, str]:
    """Snippets for one page only (computing them for every match would cost the whole result set)."""
    if not rowids:
        return {}
    marks = ", ".join("?" * len(rowids))
    out: dict[int, str] = {}
    if match:
        # The range goes to FTS5 as one scan; a bare `rowid IN` would restart the whole match per id.
        out.update(
            conn.execute(
                "SELECT rowid, snippet(documents_fts, 1, ?, ?, '…', 24) FROM documents_fts"
                f" WHERE documents_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({marks})",
                [MARK_OPEN, MARK_CLOSE, match, min(rowids), max(rowids), *rowids],
            ).fetchall()
        )
    missing = [r for r in rowids if not out.get(r)]
    if missing:
        marks = ", ".join("?" * len(missing))
        out.update(
            conn.execute(
                f"SELECT rowid, substr(body, 1, ?) FROM documents_fts WHERE rowid IN ({marks})",
                [SNIPPET_CHARS, *missing],
            ).fetchall()
        )
    return out


def _attach_facts(conn: sqlite3.Connection, items: list[Row], rowids: list[int]) -> None:
    """Countries, partners and sectors of each listed article, read in three queries for the page."""
    for item in items:
        item.update(countries=[], partners=[], sectors=[])
    if not rowids:
        return
    by_rowid = dict(zip(rowids, items, strict=True))
    marks = ", ".join("?" * len(rowids))
    for doc, country in conn.execute(
        f"SELECT doc, country FROM doc_countries WHERE doc IN ({marks}) ORDER BY country", rowids
    ):
        by_rowid[doc]["countries"].append(country)
    for doc, a, b in conn.execute(
        f"SELECT doc, a, b FROM partners WHERE doc IN ({marks}) ORDER BY a, b", rowids
    ):
        by_rowid[doc]["partners"].append([a, b])
    for doc, sector in conn.execute(
        f"SELECT doc, sector FROM doc_sectors WHERE doc IN ({marks}) ORDER BY sector", rowids
    ):
        by_rowid[doc]["sectors"].append(sector)


def facets(
    conn: sqlite3.Connection,
    f: ArticleFilter,
    *,
    also: Sequence[str] = (),
    selection: Selection | None = None,
) -> tuple[dict[str, list[Row]], int]:
    """Languages, countries, pairs and sectors of the newest FACET_SAMPLE results, and how many were counted."""
    if f.q.strip() and match_expression(f.q, also) is None:
        return {}, 0
    sel = selection or select(conn, f, also=also)
    sample = json.dumps(sorted(sel.sample(conn, FACET_SAMPLE)))  # in rowid order: neighbouring pages
    queries = {
        "lang": "SELECT d.lang, count(*) FROM sel JOIN documents d ON d.rowid = sel.doc GROUP BY 1",
        "country": "SELECT c.country, count(*) FROM sel JOIN doc_countries c ON c.doc = sel.doc GROUP BY 1",
        "partner": "SELECT p.a || '-' || p.b, count(*) FROM sel JOIN partners p ON p.doc = sel.doc GROUP BY 1",
        "sector": "SELECT s.sector, count(*) FROM sel JOIN doc_sectors s ON s.doc = sel.doc GROUP BY 1",
    }
    out: dict[str, list[Row]] = {
        name: [
            {"value": v, "count": n}
            for v, n in conn.execute(
                f"WITH sel(doc) AS (SELECT value FROM json_each(?)) {sql} ORDER BY 2 DESC, 1 LIMIT ?",
                [sample, FACET_LIMIT],
            )
        ]
        for name, sql in queries.items()
    }
    return out, sum(item["count"] for item in out["lang"])


def latest_articles(conn: sqlite3.Connection, limit: int = 20) -> list[Row]:
    """The articles stored last: what arrived lately."""
    rows = conn.execute(
        "SELECT rowid, id, lang, date, title, cluster, added FROM documents ORDER BY rowid DESC LIMIT ?",
        (limit,),
    ).fetchall()
    items = [
        {"id": id, "lang": lang, "date": date, "title": title, "cluster": cluster, "added": added}
        for _, id, lang, date, title, cluster, added in rows
    ]
    _attach_facts(conn, items, [r[0] for r in rows])
    return items


def summary(conn: sqlite3.Connection) -> Row:
    """Counts for the home page: articles per language, and the most reported partner pairs."""
    langs = conn.execute("SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY 2 DESC").fetchall()
    pairs = conn.execute(
        "SELECT a || '-' || b, count(*) FROM partners GROUP BY a, b ORDER BY 2 DESC, 1 LIMIT 10"
    ).fetchall()
    return {
        "articles": sum(n for _, n in langs),
        "languages": [{"value": v, "count": n} for v, n in langs],
        "partners": [{"value": v, "count": n} for v, n in pairs],
    }


def article_row(conn: sqlite3.Connection, id: str) -> tuple[str, str, str] | None:
    """(text, analysis JSON, added) of one article, or None."""
    row = conn.execute("SELECT text, analysis, added FROM documents WHERE id = ?", (id,)).fetchone()
    return (row[0], row[1], row[2]) if row else None


def entity_forms(conn: sqlite3.Connection) -> list[tuple[str, str, str, list[str]]]:
    """Every entity once: (id, type, canonical name, the distinct surface forms of its mentions)."""
    names = conn.execute("SELECT entity_id, min(type), min(name) FROM entities GROUP BY entity_id").fetchall()
    forms: dict[str, list[str]] = {}
    for entity_id, text in conn.execute(
        "SELECT DISTINCT e.entity_id, m.text FROM mentions m"
        " JOIN entities e ON e.doc = m.doc AND e.pos = m.entity_pos"
    ):
        forms.setdefault(entity_id, []).append(text)
    return [(eid, type, name, forms.get(eid, [])) for eid, type, name in names]


def entity(conn: sqlite3.Connection, entity_id: str, *, limit: int = 200) -> Row | None:
    """One entity: its names in each language, the articles naming it, a timeline and its partners."""
    head = conn.execute(
        "SELECT type, name, country FROM entities WHERE entity_id = ? LIMIT 1", (entity_id,)
    ).fetchone()
    if head is None:
        return None
    forms: dict[str, list[Row]] = {}
    for lang, text, n in conn.execute(
        "SELECT d.lang, m.text, count(*) FROM entities e JOIN documents d ON d.rowid = e.doc"
        " JOIN mentions m ON m.doc = e.doc AND m.entity_pos = e.pos WHERE e.entity_id = ?"
        " GROUP BY d.lang, m.text ORDER BY d.lang, 3 DESC",
        (entity_id,),
    ):
        forms.setdefault(lang, []).append({"text": text, "count": n})
    mentions = [
        {"article": id, "lang": lang, "date": date, "title": title, "text": text, "start": s, "end": e}
        for id, lang, date, title, text, s, e in conn.execute(
            "SELECT d.id, d.lang, d.date, d.title, m.text, m.span_start, m.span_end FROM entities e"
            " JOIN documents d ON d.rowid = e.doc JOIN mentions m ON m.doc = e.doc AND m.entity_pos = e.pos"
            " WHERE e.entity_id = ? ORDER BY d.date DESC, d.rowid, m.span_start LIMIT ?",
            (entity_id, limit),
        )
    ]
    articles = conn.execute(
        "SELECT count(DISTINCT doc) FROM entities WHERE entity_id = ?", (entity_id,)
    ).fetchone()[0]
    timeline = [
        {"period": p, "count": n}
        for p, n in conn.execute(
            "SELECT substr(d.date, 1, 7), count(DISTINCT d.rowid) FROM entities e"
            " JOIN documents d ON d.rowid = e.doc WHERE e.entity_id = ? AND d.date IS NOT NULL"
            " GROUP BY 1 ORDER BY 1",
            (entity_id,),
        )
    ]
    partners = [
        {"value": v, "count": n}
        for v, n in conn.execute(
            "SELECT p.a || '-' || p.b, count(DISTINCT p.doc) FROM entities e JOIN partners p ON p.doc = e.doc"
            " WHERE e.entity_id = ? GROUP BY p.a, p.b ORDER BY 2 DESC, 1 LIMIT ?",
            (entity_id, FACET_LIMIT),
        )
    ]
    return {
        "id": entity_id,
        "type": head[0],
        "name": head[1],
        "country": head[2],
        "articles": articles,
        "forms": forms,
        "mentions": mentions,
        "timeline": timeline,
        "partners": partners,
    }


def entities(
    conn: sqlite3.Connection,
    *,
    ids: Iterable[str] | None = None,
    type: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Row], int]:
    """Entities by how many articles name them, optionally only some ids or one type."""
    where: list[str] = []
    params: list[Any] = []
    if ids is not None:
        id_list = list(ids)
        where.append(f"entity_id IN ({', '.join('?' * len(id_list)) or 'NULL'})")
        params.extend(id_list)
    if type:
        where.append("type = ?")
        params.append(type.upper())
    cond = " AND ".join(where) or "1"
    total = conn.execute(f"SELECT count(DISTINCT entity_id) FROM entities WHERE {cond}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT entity_id, min(type), min(name), count(DISTINCT doc) FROM entities WHERE {cond}"
        " GROUP BY entity_id ORDER BY 4 DESC, 1 LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [{"id": i, "type": t, "name": n, "articles": c} for i, t, n, c in rows], int(total)


def events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    country: str | None = None,
    partner: tuple[str, str] | None = None,
    article: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Row], int]:
    """Events with their evidence sentence, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if type:
        where.append("ev.type = ?")
        params.append(type)
    if country:
        where.append("EXISTS (SELECT 1 FROM json_each(ev.countries) j WHERE j.value = ?)")
        params.append(country.upper())
    if partner:
        where.append("EXISTS (SELECT 1 FROM partners p WHERE p.doc = ev.doc AND p.a = ? AND p.b = ?)")
        params.extend(partner)
    if article:
        where.append("d.id = ?")
        params.append(article)
    _date_range("coalesce(ev.date, d.date)", since, until, where, params)
    cond = " AND ".join(where) or "1"
    sql = f"FROM events ev JOIN documents d ON d.rowid = ev.doc WHERE {cond}"
    total = conn.execute(f"SELECT count(*) {sql}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.lang, d.title, ev.pos, ev.type, coalesce(ev.date, d.date), ev.text, ev.span_start,"
        f" ev.span_end, ev.participants, ev.countries, ev.sectors {sql}"
        " ORDER BY coalesce(ev.date, d.date) DESC, d.rowid, ev.pos LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    items = [
        {
            "article": id, "lang": lang, "title": title, "pos": pos, "type": t, "date": date, "text": text,
            "start": s, "end": e, "participants": json.loads(pa), "countries": json.loads(co),
            "sectors": json.loads(se),
        }
        for id, lang, title, pos, t, date, text, s, e, pa, co, se in rows
    ]  # fmt: skip
    return items, int(total)


def figures(
    conn: sqlite3.Connection,
    *,
    indicator: str | None = None,
    partner: tuple[str, str] | None = None,
    period: str | None = None,
    country: str | None = None,
    article: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[Row], int]:
    """Stated figures; a partner pair keeps its articles' figures about either country (or none)."""
    where: list[str] = []
    params: list[Any] = []
    if indicator:
        where.append("f.indicator = ?")
        params.append(indicator)
    if partner:
        where.append("EXISTS (SELECT 1 FROM partners p WHERE p.doc = f.doc AND p.a = ? AND p.b = ?)")
        where.append("(f.country IS NULL OR f.country IN (?, ?))")
        params.extend([*partner, *partner])
    if period:
        where.append("substr(f.period, 1, ?) = ?")
        params.extend([len(period), period])
    if country:
        where.append("f.country = ?")
        params.append(country.upper())
    if article:
        where.append("d.id = ?")
        params.append(article)
    cond = " AND ".join(where) or "1"
    sql = f"FROM figures f JOIN documents d ON d.rowid = f.doc WHERE {cond}"
    total = conn.execute(f"SELECT count(*) {sql}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.id, d.lang, d.date, f.pos, f.indicator, f.value, f.currency, f.period, f.country,"
        f" f.change_pct, f.text, f.span_start, f.span_end {sql}"
        " ORDER BY f.period IS NULL, f.period DESC, d.date DESC, d.rowid, f.pos LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    items = [
        {
            "article": id, "lang": lang, "date": date, "pos": pos, "indicator": ind, "value": value,
            "currency": cur, "period": per, "country": co, "change_pct": ch, "text": text, "start": s, "end": e,
        }
        for id, lang, date, pos, ind, value, cur, per, co, ch, text, s, e in rows
    ]  # fmt: skip
    return items, int(total)


def partner_pairs(conn: sqlite3.Connection, *, limit: int = 100) -> list[Row]:
    """Country pairs by how many articles report their cooperation."""
    return [
        {"a": a, "b": b, "articles": n, "last": last}
        for a, b, n, last in conn.execute(
            "SELECT p.a, p.b, count(*), max(d.date) FROM partners p JOIN documents d ON d.rowid = p.doc"
            " GROUP BY p.a, p.b ORDER BY 3 DESC, 1, 2 LIMIT ?",
            (limit,),
        )
    ]


def sector_matrix(conn: sqlite3.Connection, partner: tuple[str, str]) -> list[Row]:
    """Articles per sector and year for one country pair."""
    return [
        {"sector": s, "year": y, "count": n}
        for s, y, n in conn.execute(
            "SELECT s.sector, coalesce(substr(d.date, 1, 4), '?'), count(*) FROM partners p"
            " JOIN doc_sectors s ON s.doc = p.doc JOIN documents d ON d.rowid = p.doc"
            " WHERE p.a = ? AND p.b = ? GROUP BY 1, 2 ORDER BY 1, 2",
            partner,
        )
    ]


def clusters(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """Clusters of more than one article (the same story told again), latest first."""
    total = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM documents WHERE cluster IS NOT NULL GROUP BY cluster"
        " HAVING count(*) > 1)"
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT cluster, count(*), group_concat(DISTINCT lang), max(date), min(title) FROM documents"
        " WHERE cluster IS NOT NULL GROUP BY cluster HAVING count(*) > 1"
        " ORDER BY max(date) DESC, cluster LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    items = [
        {"id": c, "articles": n, "langs": sorted(langs.split(",")), "date": date, "title": title}
        for c, n, langs, date, title in rows
    ]
    return items, int(total)


def cluster_links(conn: sqlite3.Connection, cluster: str) -> list[tuple[str, str, str, float, str]]:
    """(article id, the article it was joined to, rule, score, detail JSON) of one cluster's links:
    why its articles were joined, and where they disagree."""
    return [
        tuple(row)  # type: ignore[misc]
        for row in conn.execute(
            "SELECT coalesce(db.id, l.b), coalesce(da.id, l.a), l.rule, l.score, l.detail"
            " FROM cluster_links l JOIN cluster_records r ON r.key = l.b"
            " LEFT JOIN documents da ON da.content_hash = l.a LEFT JOIN documents db ON db.content_hash = l.b"
            " WHERE r.cluster = ? ORDER BY l.rowid",
            (cluster,),
        )
    ]


def cluster_members(conn: sqlite3.Connection, cluster: str) -> list[tuple[str, str]]:
    """(text, analysis JSON) of every article in one cluster, by language then date."""
    return [
        (text, analysis)
        for text, analysis in conn.execute(
            "SELECT text, analysis FROM documents WHERE cluster = ? ORDER BY lang, date, rowid", (cluster,)
        )
    ]
