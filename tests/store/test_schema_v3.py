"""Schema 3: an older file gains the indexes the dashboard's filters read article sets from."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coopwatch.store import SQLiteStore
from coopwatch.store.sqlite import MIGRATIONS, SCHEMA_VERSION

V3_INDEXES = {
    "doc_countries_country_doc",
    "doc_sectors_sector_doc",
    "partners_pair_doc",
    "entities_entity_id_doc",
}


def indexes(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_version_2_file_is_migrated_to_3(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    conn = sqlite3.connect(db)
    for version in (1, 2):
        for statement in MIGRATIONS[version]:
            conn.execute(statement)
    conn.execute("INSERT INTO coopwatch_schema (version, applied) VALUES (2, 'then')")
    conn.execute(
        "INSERT INTO documents (rowid, id, content_hash, lang, source, added, text, analysis)"
        " VALUES (1, 'a', 'h', 'en', 'test', 'now', 'text', '{}')"
    )
    conn.execute("INSERT INTO doc_countries VALUES (1, 'DE')")
    conn.commit()
    conn.close()
    assert not V3_INDEXES & indexes(db)

    SQLiteStore(db).close()

    assert SCHEMA_VERSION >= 3
    assert indexes(db) >= V3_INDEXES
    with sqlite3.connect(db) as conn:
        assert [v for (v,) in conn.execute("SELECT version FROM coopwatch_schema ORDER BY version")] == list(
            range(2, SCHEMA_VERSION + 1)
        )
        assert conn.execute("SELECT doc FROM doc_countries WHERE country = 'DE'").fetchall() == [(1,)]
        plan = " ".join(
            r[3]
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT doc FROM doc_countries WHERE country = ?", ("DE",)
            )
        )
        assert "COVERING INDEX doc_countries_country_doc" in plan


def test_a_new_file_has_the_v3_indexes(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "new.db").close()
    assert indexes(tmp_path / "new.db") >= V3_INDEXES
