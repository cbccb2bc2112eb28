"""The default knowledge base: one SQLite file with FTS5 search, needing no server.

Each article is one row of `documents` (its text, its metadata and its whole analysis as
JSON, so `get` gives back exactly what was stored) plus rows in normalised tables
(`entities`, `mentions`, `doc_countries`, `partners`, `doc_sectors`, `figures`, `events`)
that later reports can query with plain SQL, and one row of the full-text index. All of an
article's rows are written in one transaction, so a crash never leaves half an article.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coopwatch.model import Document
from coopwatch.store.base import (
    DF_TOTAL,
    MARK_END,
    MARK_START,
    AddResult,
    ClusterLink,
    ClusterMember,
    ClusterRow,
    InvalidQuery,
    NotADatabase,
    RegistryEntry,
    SchemaTooNew,
    SearchHit,
    Store,
    StoreError,
)
from coopwatch.translit import name_key

SCHEMA_VERSION = 5
MEMORY = ":memory:"
SQLITE_HEADER = b"SQLite format 3\x00"

# unicode61 folds case for Cyrillic (Kazakh letters included: ә ғ қ ң ө ұ ү һ і are letters to it)
# and, with remove_diacritics 2, Latin accents; ё it keeps apart from е, so `_fold` joins them.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
_YO = str.maketrans("ёЁ", "еЕ")

_SCHEMA_V1 = (
    "CREATE TABLE coopwatch_schema (version INTEGER NOT NULL, applied TEXT NOT NULL)",
    """CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        lang TEXT NOT NULL,
        date TEXT,
        title TEXT,
        url TEXT,
        source TEXT NOT NULL,
        cluster TEXT,
        added TEXT NOT NULL,
        text TEXT NOT NULL,
        analysis TEXT NOT NULL
    )""",
    "CREATE INDEX documents_lang_date ON documents (lang, date)",
    "CREATE INDEX documents_date ON documents (date)",
    "CREATE INDEX documents_cluster ON documents (cluster)",
    """CREATE TABLE entities (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        country TEXT,
        PRIMARY KEY (doc, pos)
    )""",
    "CREATE INDEX entities_entity_id ON entities (entity_id)",
    """CREATE TABLE mentions (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        entity_pos INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX mentions_doc ON mentions (doc, entity_pos)",
    """CREATE TABLE doc_countries (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        country TEXT NOT NULL,
        PRIMARY KEY (doc, country)
    )""",
    "CREATE INDEX doc_countries_country ON doc_countries (country)",
    """CREATE TABLE partners (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        PRIMARY KEY (doc, a, b)
    )""",
    "CREATE INDEX partners_pair ON partners (a, b)",
    """CREATE TABLE doc_sectors (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        sector TEXT NOT NULL,
        PRIMARY KEY (doc, sector)
    )""",
    "CREATE INDEX doc_sectors_sector ON doc_sectors (sector)",
    """CREATE TABLE figures (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        value REAL NOT NULL,
        currency TEXT,
        period TEXT,
        country TEXT,
        change_pct REAL,
        text TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (doc, pos)
    )""",
    "CREATE INDEX figures_indicator ON figures (indicator)",
    """CREATE TABLE events (
        doc INTEGER NOT NULL REFERENCES documents (rowid) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        text TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        participants TEXT NOT NULL,
        countries TEXT NOT NULL,
        sectors TEXT NOT NULL,
        PRIMARY KEY (doc, pos)
    )""",
    "CREATE INDEX events_type_date ON events (type, date)",
    f"CREATE VIRTUAL TABLE documents_fts USING fts5 (title, body, tokenize = '{FTS_TOKENIZER}')",
    # Title words weigh twice as much as body words in the ranking.
    "INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)')",
)

# Clustering's memory: per article its evidence (keyed by content hash, so it is written before
# the article itself and survives an interrupted ingest), the inverted index of its evidence
# keys, and the reason for every joined pair.
_SCHEMA_V2 = (
    """CREATE TABLE cluster_records (
        key TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        day TEXT,
        cluster TEXT NOT NULL,
        evidence TEXT NOT NULL,
        vectors BLOB
    )""",
    "CREATE INDEX cluster_records_cluster ON cluster_records (cluster)",
    "CREATE TABLE cluster_keys (ekey TEXT NOT NULL, key TEXT NOT NULL)",
    "CREATE INDEX cluster_keys_ekey ON cluster_keys (ekey)",
    """CREATE TABLE cluster_links (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        rule TEXT NOT NULL,
        score REAL NOT NULL,
        detail TEXT NOT NULL
    )""",
    "CREATE INDEX cluster_links_b ON cluster_links (b)",
    "CREATE INDEX cluster_links_a ON cluster_links (a)",
)

# The dashboard's filters read an article set straight from an index, (value, doc) in doc order,
# without visiting the table: the articles naming a country, pair, sector or entity.
_SCHEMA_V3 = (
    "CREATE INDEX IF NOT EXISTS doc_countries_country_doc ON doc_countries (country, doc)",
    "CREATE INDEX IF NOT EXISTS doc_sectors_sector_doc ON doc_sectors (sector, doc)",
    "CREATE INDEX IF NOT EXISTS partners_pair_doc ON partners (a, b, doc)",
    "CREATE INDEX IF NOT EXISTS entities_entity_id_doc ON entities (entity_id, doc)",
)

# How many clustered articles carry each evidence key (and, under `#total`, how many there are):
# the document frequencies that weigh evidence by how specific it is. Counted from the existing
# index when an older database is opened.
_SCHEMA_V4 = (
    "CREATE TABLE cluster_df (ekey TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
    "INSERT INTO cluster_df (ekey, n) SELECT ekey, count(*) FROM cluster_keys"
    " WHERE substr(ekey, 1, 2) IN ('e:', 'f:', 'g:', 'n:', 'w:') GROUP BY ekey",
    f"INSERT INTO cluster_df (ekey, n) SELECT '{DF_TOTAL}', count(*) FROM cluster_records",
)

# The entity registry: one canonical name per entity across runs (from a gazetteer, an English article,
# or the analyst), the forms each language wrote it in, and the ids merged into others. An older
# database registers what it has stored, under its stored names.
_SCHEMA_V5 = (
    """CREATE TABLE registry (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_source TEXT NOT NULL,
        sound TEXT,
        aliases TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        articles INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX registry_sound ON registry (sound) WHERE sound IS NOT NULL",
    "CREATE TABLE registry_redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID",
    "INSERT INTO registry (id, type, name, name_source, aliases, first_seen, last_seen, articles)"
    " SELECT e.entity_id, min(e.type), min(e.name), 'stored', '{}', min(d.date), max(d.date), count(DISTINCT e.doc)"
    " FROM entities e JOIN documents d ON d.rowid = e.doc GROUP BY e.entity_id",
)

# Schema version -> statements that bring the previous version to it; append, never edit.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: _SCHEMA_V1,
    2: _SCHEMA_V2,
    3: _SCHEMA_V3,
    4: _SCHEMA_V4,
    5: _SCHEMA_V5,
}
_REGISTRY_COLUMNS = "id, type, name, name_source, sound, aliases, first_seen, last_seen, articles"


def _entry(row: tuple[Any, ...]) -> RegistryEntry:
    return RegistryEntry(*row[:5], json.loads(row[5]), *row[6:])  # type: ignore[misc]


def _longest_first(*groups: str) -> tuple[str, ...]:
    """Space-separated endings as a tuple, longest first, so `stem` strips the longest that fits."""
    return tuple(sorted({e for group in groups for e in group.split()}, key=len, reverse=True))


# Endings stripped from a query word before it becomes a prefix query, so that one query finds
# the word's inflected forms. Cyrillic words get the Russian and Kazakh endings, Latin ones the
# English; a stem keeps at least MIN_STEM letters.
_CYRILLIC_ENDINGS = _longest_first(
    # Russian case and number endings
    "иями ями ами ого его ому ему ыми ими ией ий ый ой ей ым им ая яя ое ее ие ые ую юю ом ем ам ям ах ях ов ев "
    "ия ии ию ья ье ью а я о е у ю ы и ь й",
    # Kazakh case, plural and possessive endings (all vowel-harmony variants)
    "ның нің дың дің тың тің ға ге қа ке на не нда нде да де та те дан ден тан тен нан нен мен бен пен "
    "лар лер дар дер тар тер дағы дегі тағы тегі сы сі ын ін ны ні ды ді ты ті ы і",
)
_LATIN_ENDINGS = _longest_first("ings ing ies ied ions ion ed es s y e")
MIN_STEM = 4
STEM_PASSES = 2

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def stem(word: str) -> str:
    """The word without its inflectional endings, the prefix that its other forms share."""
    word = word.casefold()
    endings = _CYRILLIC_ENDINGS if _CYRILLIC.search(word) else _LATIN_ENDINGS
    for _ in range(STEM_PASSES):
        for ending in endings:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
        else:
            break
    return word


def _fold(text: str) -> str:
    """Text as the index sees it: composed (NFC), with ё written е as most Russian news does."""
    return unicodedata.normalize("NFC", text).translate(_YO)


def _term(word: str) -> str:
    """One query word as an FTS5 term: quoted (so it is never syntax) and a prefix of its stem."""
    if len(word) <= 2 or any(ch.isdigit() for ch in word):
        return f'"{word}"'
    return f'"{stem(word)}"*'


def fts_query(query: str) -> str | None:
    """A user's words as a MATCH expression that is never FTS5 syntax (None when there are no words)."""
    text = _POSSESSIVE.sub("", _fold(query))
    groups: list[list[str]] = [[]]
    for word in _WORD.findall(text):
        if word == "OR":
            groups.append([])
        else:
            groups[-1].append(_term(word))
    parts = [" ".join(group) for group in groups if group]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " OR ".join(f"({part})" for part in parts)


def _check_date(name: str, value: str | None) -> str | None:
    """A date filter as given, once checked, so a typo is a clear error rather than no results."""
    if value is not None and not _DATE.match(value):
        raise InvalidQuery(f"{name}: expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    return value


class SQLiteStore(Store):
    """Articles and their analyses in one SQLite file (or in memory, for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.name = str(path)
        target = MEMORY if self.name == MEMORY else str(self._check_path(Path(path)))
        try:
            conn = sqlite3.connect(target, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: cannot open the database ({exc})") from exc
        try:
            self._prepare(conn, on_disk=target != MEMORY)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise NotADatabase(f"{self.name}: not a coopwatch database ({exc})") from exc
        except BaseException:
            conn.close()
            raise
        self._conn: sqlite3.Connection | None = conn

    def _check_path(self, path: Path) -> Path:
        """Refuse, with a message naming the file, anything that cannot become our database."""
        if path.is_dir():
            raise NotADatabase(f"{path}: is a folder, not a coopwatch database file")
        if not path.parent.is_dir():
            raise StoreError(f"{path}: folder {path.parent} does not exist; create it or choose another path")
        if path.exists():
            try:
                with path.open("rb") as fh:
                    header = fh.read(len(SQLITE_HEADER))
            except OSError as exc:
                raise StoreError(f"{path}: cannot read the database ({exc.strerror})") from exc
            if header and header != SQLITE_HEADER:
                raise NotADatabase(f"{path}: not a coopwatch database (file is not SQLite)")
        return path

    def _prepare(self, conn: sqlite3.Connection, *, on_disk: bool) -> None:
        """Check the file is ours (reading only), then set it up and bring its schema up to date."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "coopwatch_schema" not in tables:
            listed = ", ".join(sorted(tables)[:3])
            raise NotADatabase(
                f"{self.name}: not a coopwatch database (SQLite file with other tables: {listed})"
            )
        self._check_version(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        if on_disk:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = self._check_version(conn)  # again: another process may have migrated meanwhile
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target]:
                    conn.execute(statement)
                if version or target == SCHEMA_VERSION:  # a new file records only the version it is at
                    conn.execute(
                        "INSERT INTO coopwatch_schema (version, applied) VALUES (?, ?)",
                        (target, datetime.now(UTC).isoformat(timespec="seconds")),
                    )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _check_version(self, conn: sqlite3.Connection) -> int:
        """The schema version in the file (0 when new); a newer one than ours is refused."""
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'coopwatch_schema'"
        ).fetchone()
        if not exists:
            return 0
        version = conn.execute("SELECT max(version) FROM coopwatch_schema").fetchone()[0] or 0
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.name}: written by a newer coopwatch (schema {version}, this version reads up to "
                f"{SCHEMA_VERSION}); upgrade coopwatch to open it"
            )
        return int(version)

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.name}: the store is closed")
        return self._conn

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        """One transaction, or a savepoint inside the batch transaction of `add_many`."""
        db = self._db
        if db.in_transaction:
            db.execute("SAVEPOINT article")
            try:
                yield
            except BaseException:
                db.execute("ROLLBACK TO article")
                db.execute("RELEASE article")
                raise
            db.execute("RELEASE article")
        else:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def add(self, doc: Document) -> AddResult:
        try:
            return self._add(doc)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: could not store {doc.id!r} ({exc})") from exc

    def add_many(self, docs: Iterable[Document], *, batch: int = 200) -> list[AddResult]:
        """Store many articles, committing every `batch` of them; each article stays atomic."""
        db = self._db
        results: list[AddResult] = []
        db.execute("BEGIN IMMEDIATE")
        try:
            for doc in docs:
                results.append(self._add(doc))
                if len(results) % batch == 0:
                    db.execute("COMMIT")
                    db.execute("BEGIN IMMEDIATE")
        except BaseException as exc:
            # The failed article was rolled back to its savepoint; keep the ones before it.
            if db.in_transaction:
                db.execute("COMMIT")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.name}: could not store an article ({exc})") from exc
            raise
        db.execute("COMMIT")
        return results

    def _add(self, doc: Document) -> AddResult:
        if doc.error:
            return AddResult(False, doc.id, f"not stored: the article could not be analysed ({doc.error})")
        try:
            digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        except UnicodeEncodeError:
            return AddResult(False, doc.id, "not stored: the text is not valid Unicode (lone surrogate)")
        with self._atomic():
            row = self._db.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
            if row:
                return AddResult(False, row[0], f"already stored as {row[0]!r} (same text)")
            new_id = self._free_id(doc.id)
            rowid = self._insert_document(doc, new_id, digest)
            self._insert_index(rowid, doc)
            self._insert_entities(rowid, doc)
            self._insert_facts(rowid, doc)
            self._insert_figures(rowid, doc)
            self._insert_events(rowid, doc)
        reason = (
            None if new_id == doc.id else f"id {doc.id!r} already holds another text; stored as {new_id!r}"
        )
        return AddResult(True, new_id, reason)

    def _free_id(self, id: str) -> str:
        """The id itself, or `id~2`, `id~3`... when another text already holds it."""
        candidate, n = id, 1
        while self._db.execute("SELECT 1 FROM documents WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{id}~{n}"
        return candidate

    @staticmethod
    def _analysis(doc: Document, id: str) -> str:
        """The stored analysis: the contract line plus what `get` needs to rebuild the whole document."""
        record = doc.as_dict()
        record["id"] = id
        record["meta_date"] = doc.meta_date
        record["segments"] = [asdict(s) for s in doc.segments]
        return json.dumps(record, ensure_ascii=False)

    def _insert_document(self, doc: Document, id: str, digest: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO documents (id, content_hash, lang, date, title, url, source, cluster, added, text,"
            " analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                id,
                digest,
                doc.lang,
                doc.date or doc.meta_date,
                doc.title,
                doc.url,
                doc.source,
                doc.cluster,
                datetime.now(UTC).isoformat(timespec="seconds"),
                doc.text,
                self._analysis(doc, id),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _insert_index(self, rowid: int, doc: Document) -> None:
        body = doc.body_text() if doc.body() else doc.text
        self._db.execute(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, _fold(doc.title or ""), _fold(body)),
        )

    def _insert_entities(self, rowid: int, doc: Document) -> None:
        self._db.executemany(
            "INSERT INTO entities (doc, pos, entity_id, type, name, country) VALUES (?, ?, ?, ?, ?, ?)",
            [(rowid, pos, e.id, e.type, e.name, e.country) for pos, e in enumerate(doc.entities)],
        )
        self._db.executemany(
            "INSERT INTO mentions (doc, entity_pos, span_start, span_end, text) VALUES (?, ?, ?, ?, ?)",
            [(rowid, pos, m.start, m.end, m.text) for pos, e in enumerate(doc.entities) for m in e.mentions],
        )

    def _insert_facts(self, rowid: int, doc: Document) -> None:
        db = self._db
        db.executemany(
            "INSERT OR IGNORE INTO doc_countries (doc, country) VALUES (?, ?)",
            [(rowid, c) for c in doc.countries],
        )
        db.executemany(
            "INSERT OR IGNORE INTO partners (doc, a, b) VALUES (?, ?, ?)",
            [(rowid, *sorted(pair)) for pair in doc.partners],
        )
        db.executemany(
            "INSERT OR IGNORE INTO doc_sectors (doc, sector) VALUES (?, ?)",
            [(rowid, s) for s in doc.sectors],
        )

    def _insert_figures(self, rowid: int, doc: Document) -> None:
        self._db.executemany(
            "INSERT INTO figures (doc, pos, indicator, value, currency, period, country, change_pct, text,"
            " span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (rowid, pos, f.indicator, f.value, f.currency, f.period, f.country, f.change_pct, f.text,
                 f.start, f.end)
                for pos, f in enumerate(doc.figures)
            ],
        )  # fmt: skip

    def _insert_events(self, rowid: int, doc: Document) -> None:
        self._db.executemany(
            "INSERT INTO events (doc, pos, type, date, text, span_start, span_end, participants, countries,"
            " sectors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (rowid, pos, e.type, e.date, e.text, e.start, e.end, json.dumps(e.participants),
                 json.dumps(e.countries), json.dumps(e.sectors))
                for pos, e in enumerate(doc.events)
            ],
        )  # fmt: skip

    @staticmethod
    def _document(text: str, analysis: str) -> Document:
        data: dict[str, Any] = json.loads(analysis)
        return Document.from_dict(data, text)

    def get(self, id: str) -> Document | None:
        row = self._db.execute("SELECT text, analysis FROM documents WHERE id = ?", (id,)).fetchone()
        return self._document(*row) if row else None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def iter_documents(self, *, page: int = 200) -> Iterator[Document]:
        """Every article in the order it was added, read a page at a time so memory stays flat."""
        last = 0
        while True:
            rows = self._db.execute(
                "SELECT rowid, text, analysis FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, page),
            ).fetchall()
            if not rows:
                return
            for rowid, text, analysis in rows:
                last = rowid
                yield self._document(text, analysis)

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Articles with every word of `query` (bare OR for alternatives), best first; no words: newest first."""
        if limit < 0 or offset < 0:
            raise InvalidQuery(f"limit and offset must not be negative (got {limit}, {offset})")
        where, params = self._filters(lang, country, _check_date("since", since), _check_date("until", until))
        match = fts_query(query)
        if match is None:
            sql = (
                "SELECT d.id, d.lang, d.date, d.title, substr(f.body, 1, 200), 0.0"
                " FROM documents d JOIN documents_fts f ON f.rowid = d.rowid"
                f" WHERE {' AND '.join(where) or '1'}"
                " ORDER BY d.date IS NULL, d.date DESC, d.rowid LIMIT ? OFFSET ?"
            )
            args: list[Any] = [*params, limit, offset]
        else:
            sql = (
                "SELECT d.id, d.lang, d.date, d.title,"
                " snippet(documents_fts, -1, ?, ?, '…', 16), -documents_fts.rank"
                " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                f" WHERE documents_fts MATCH ? {''.join(' AND ' + w for w in where)}"
                " ORDER BY documents_fts.rank, d.rowid LIMIT ? OFFSET ?"
            )
            args = [MARK_START, MARK_END, match, *params, limit, offset]
        rows = self._db.execute(sql, args).fetchall()
        return [
            SearchHit(id, lang, date, title, snippet, float(score))
            for id, lang, date, title, snippet, score in rows
        ]

    @staticmethod
    def _filters(
        lang: str | None, country: str | None, since: str | None, until: str | None
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if lang:
            where.append("d.lang = ?")
            params.append(lang.lower())
        if country:
            where.append("EXISTS (SELECT 1 FROM doc_countries c WHERE c.doc = d.rowid AND c.country = ?)")
            params.append(country.upper())
        if since:
            where.append("d.date >= ?")  # a partial date ('2025-10') sorts before every day in it
            params.append(since)
        if until:
            where.append("substr(d.date, 1, ?) <= ?")  # compare at the precision given
            params.extend([len(until), until])
        return where, params

    def cluster_postings(self, keys: Iterable[str], cap: int) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for ekey in keys:
            rows = self._db.execute(
                "SELECT key FROM cluster_keys WHERE ekey = ? LIMIT ?", (ekey, cap + 1)
            ).fetchall()
            if rows and len(rows) <= cap:
                out[ekey] = [r[0] for r in rows]
        return out

    def cluster_row(self, key: str) -> ClusterRow | None:
        row = self._db.execute(
            "SELECT key, doc_id, lang, day, cluster, evidence, vectors FROM cluster_records WHERE key = ?",
            (key,),
        ).fetchone()
        return ClusterRow(*row) if row else None

    def cluster_add(
        self,
        row: ClusterRow,
        keys: Iterable[str],
        links: list[ClusterLink],
        merged: list[str],
        terms: Iterable[str] = (),
    ) -> None:
        with self._atomic():
            db = self._db
            if db.execute("SELECT 1 FROM cluster_records WHERE key = ?", (row.key,)).fetchone():
                return
            for old in merged:
                db.execute("UPDATE cluster_records SET cluster = ? WHERE cluster = ?", (row.cluster, old))
                db.execute(
                    "UPDATE documents SET cluster = ?, analysis = json_set(analysis, '$.cluster', ?)"
                    " WHERE cluster = ?",
                    (row.cluster, row.cluster, old),
                )
            db.execute(
                "INSERT INTO cluster_records (key, doc_id, lang, day, cluster, evidence, vectors)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (row.key, row.doc_id, row.lang, row.day, row.cluster, row.evidence, row.vectors),
            )
            db.executemany(
                "INSERT INTO cluster_keys (ekey, key) VALUES (?, ?)",
                [(k, row.key) for k in sorted(set(keys))],
            )
            db.executemany(
                "INSERT INTO cluster_links (a, b, rule, score, detail) VALUES (?, ?, ?, ?, ?)",
                [(x.a, x.b, x.rule, x.score, x.detail) for x in links],
            )
            db.executemany(
                "INSERT INTO cluster_df (ekey, n) VALUES (?, 1) ON CONFLICT (ekey) DO UPDATE SET n = n + 1",
                [(k,) for k in sorted({*terms, DF_TOTAL})],
            )

    def cluster_save_vectors(self, key: str, vectors: bytes) -> None:
        with self._atomic():
            self._db.execute("UPDATE cluster_records SET vectors = ? WHERE key = ?", (vectors, key))

    def cluster_size(self, cluster: str) -> int:
        return int(
            self._db.execute("SELECT count(*) FROM cluster_records WHERE cluster = ?", (cluster,)).fetchone()[
                0
            ]
        )

    def cluster_member_keys(self, cluster: str, limit: int) -> list[str]:
        rows = self._db.execute(
            "SELECT key FROM cluster_records WHERE cluster = ? ORDER BY rowid DESC LIMIT ?", (cluster, limit)
        ).fetchall()
        return [r[0] for r in rows]

    def cluster_frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        return dict(self._in_chunks("SELECT ekey, n FROM cluster_df WHERE ekey IN ({marks})", keys))

    def cluster_members(self, cluster: str) -> list[ClusterMember]:
        rows = self._db.execute(
            "SELECT r.key, d.id, d.lang, d.date, d.title, d.url, d.source FROM cluster_records r"
            " JOIN documents d ON d.content_hash = r.key WHERE r.cluster = ? ORDER BY d.lang, d.url, d.source, d.id",
            (cluster,),
        ).fetchall()
        return [ClusterMember(*row) for row in rows]

    def cluster_links(self, cluster: str) -> list[ClusterLink]:
        rows = self._db.execute(
            "SELECT l.a, l.b, l.rule, l.score, l.detail FROM cluster_links l"
            " JOIN cluster_records r ON r.key = l.b WHERE r.cluster = ? ORDER BY l.rowid",
            (cluster,),
        ).fetchall()
        return [ClusterLink(*row) for row in rows]

    def _in_chunks(self, sql: str, values: Iterable[str]) -> list[tuple[Any, ...]]:
        """Rows of `sql` (with `{marks}` for the placeholders) over the values, 500 at a time."""
        wanted, rows = sorted(set(values)), []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows.extend(self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall())
        return rows

    def registry_entries(self, ids: Iterable[str]) -> dict[str, RegistryEntry]:
        rows = self._in_chunks(f"SELECT {_REGISTRY_COLUMNS} FROM registry WHERE id IN ({{marks}})", ids)
        return {row[0]: _entry(row) for row in rows}

    def registry_by_sound(self, keys: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for sound, id in self._in_chunks("SELECT sound, id FROM registry WHERE sound IN ({marks})", keys):
            out.setdefault(sound, []).append(id)
        return out

    def registry_save(self, entries: Iterable[RegistryEntry]) -> None:
        rows = [
            (e.id, e.type, e.name, e.name_source, e.sound, json.dumps(e.aliases, ensure_ascii=False),
             e.first_seen, e.last_seen, e.articles)
            for e in entries
        ]  # fmt: skip
        with self._atomic():
            self._db.executemany(
                f"INSERT OR REPLACE INTO registry ({_REGISTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def registry_redirects(self, ids: Iterable[str]) -> dict[str, str]:
        return dict(self._in_chunks("SELECT old, new FROM registry_redirects WHERE old IN ({marks})", ids))

    def registry_list(
        self, *, type: str | None = None, query: str | None = None, limit: int = 50
    ) -> list[RegistryEntry]:
        cond, params = ("WHERE type = ?", [type]) if type else ("", [])
        rows = self._db.execute(
            f"SELECT {_REGISTRY_COLUMNS} FROM registry {cond} ORDER BY articles DESC, name", params
        )
        out = []
        key = name_key(query) if query else ""
        for row in rows:
            entry = _entry(row)
            if query:
                forms = [entry.id, entry.name, *(t for texts in entry.aliases.values() for t in texts)]
                if not any(query.casefold() in f.casefold() or (key and key in name_key(f)) for f in forms):
                    continue
            out.append(entry)
            if len(out) >= limit:
                break
        return out

    def registry_delete(self, ids: Iterable[str]) -> None:
        wanted = sorted(set(ids))
        with self._atomic():
            self._db.executemany("DELETE FROM registry WHERE id = ?", [(i,) for i in wanted])

    def entity_articles(self, id: str, limit: int = 20) -> list[SearchHit]:
        rows = self._db.execute(
            "SELECT d.id, d.lang, d.date, d.title, (SELECT m.text FROM mentions m WHERE m.doc = e.doc"
            " AND m.entity_pos = e.pos ORDER BY m.span_start LIMIT 1) FROM entities e"
            " JOIN documents d ON d.rowid = e.doc WHERE e.entity_id = ?"
            " ORDER BY d.date DESC, d.rowid DESC LIMIT ?",
            (id, limit),
        ).fetchall()
        return [SearchHit(i, lang, date, title, text or "", 0.0) for i, lang, date, title, text in rows]

    def relabel_entities(
        self,
        moved: dict[str, str],
        names: dict[str, str],
        *,
        only: Iterable[str] | None = None,
    ) -> int:
        ids = {*moved, *names}
        if not ids:
            return 0
        docs = self._in_chunks(
            "SELECT DISTINCT d.rowid, d.id FROM entities e JOIN documents d ON d.rowid = e.doc"
            " WHERE e.entity_id IN ({marks})",
            ids,
        )
        if only is not None:
            wanted = set(only)
            docs = [(rowid, id) for rowid, id in docs if id in wanted]
        changed = 0
        with self._atomic():
            db = self._db
            for rowid, id in docs:
                text, analysis = db.execute(
                    "SELECT text, analysis FROM documents WHERE rowid = ?", (rowid,)
                ).fetchone()
                doc = self._document(text, analysis)
                if not doc.relabel_entities(moved, names):
                    continue
                db.execute(
                    "UPDATE documents SET analysis = ? WHERE rowid = ?", (self._analysis(doc, id), rowid)
                )
                for table in ("entities", "mentions", "events"):
                    db.execute(f"DELETE FROM {table} WHERE doc = ?", (rowid,))
                self._insert_entities(rowid, doc)
                self._insert_events(rowid, doc)
                changed += 1
            if only is None:
                for old, new in moved.items():
                    db.execute("UPDATE registry_redirects SET new = ? WHERE new = ?", (new, old))
                    db.execute(
                        "INSERT OR REPLACE INTO registry_redirects (old, new) VALUES (?, ?)", (old, new)
                    )
        return changed

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
