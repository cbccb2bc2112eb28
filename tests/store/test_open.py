"""Opening a knowledge base: clear one-line errors, and never harm a file that is not ours."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from coopwatch.model import Document
from coopwatch.store import (
    DEFAULT_DB,
    NotADatabase,
    SchemaTooNew,
    SQLiteStore,
    StoreError,
    default_db_path,
    open_store,
)
from coopwatch.store.sqlite import SCHEMA_VERSION

RU = Document(id="ru-1", text="Казахстан и Франция подписали соглашение о сотрудничестве.", lang="ru")


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("Менің жазбаларым: Астанадағы кездесу туралы.\n", encoding="utf-8")
    before = notes.read_bytes()
    with pytest.raises(NotADatabase) as exc:
        SQLiteStore(notes)
    assert one_line(exc) == f"{notes}: not a coopwatch database (file is not SQLite)"
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotADatabase, match=r"not a coopwatch database .*contacts") as exc:
        SQLiteStore(other)
    assert str(other) in one_line(exc)
    assert other.read_bytes() == before


def test_a_damaged_sqlite_file_is_refused(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(NotADatabase) as exc:
        SQLiteStore(damaged)
    assert one_line(exc).startswith(f"{damaged}: not a coopwatch database")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabase, match="is a folder") as exc:
        SQLiteStore(tmp_path)
    assert str(tmp_path) in one_line(exc)


def test_a_missing_parent_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "kb.db"
    with pytest.raises(StoreError, match="does not exist") as exc:
        SQLiteStore(target)
    assert str(target) in one_line(exc)
    assert not target.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked.db"
    SQLiteStore(locked).close()
    locked.chmod(0)
    try:
        with pytest.raises(StoreError, match="cannot read") as exc:
            SQLiteStore(locked)
        assert str(locked) in one_line(exc)
    finally:
        locked.chmod(0o644)


def test_an_empty_file_becomes_a_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with SQLiteStore(empty) as s:
        assert s.add(RU).stored


def test_a_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    SQLiteStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO coopwatch_schema (version, applied) VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNew, match=r"newer coopwatch.*upgrade") as exc:
        SQLiteStore(db)
    assert str(db) in one_line(exc)


def test_the_schema_version_is_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    SQLiteStore(db).close()
    SQLiteStore(db).close()
    versions = sqlite3.connect(db).execute("SELECT version FROM coopwatch_schema").fetchall()
    assert versions == [(SCHEMA_VERSION,)]


def test_open_store_takes_paths_and_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "a.db") as s:
        s.add(RU)
    with open_store(str(tmp_path / "a.db")) as s:
        assert s.count() == 1
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as s:  # sqlite:////abs/path, as SQLAlchemy writes it
        assert s.count() == 1
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///a.db") as s:
        assert s.count() == 1
    with open_store(":memory:") as s:
        assert s.count() == 0


def test_postgresql_is_not_there_yet(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not implemented yet"):
        open_store("postgresql://coop@localhost/coopwatch")
    with pytest.raises(StoreError, match="unknown database kind 'mysql'"):
        open_store("mysql://localhost/db")


def test_default_database_is_in_the_current_folder_unless_the_environment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COOPWATCH_DB", raising=False)
    assert default_db_path() == Path(DEFAULT_DB) == Path("coopwatch.db")
    monkeypatch.setenv("COOPWATCH_DB", str(tmp_path / "team.db"))
    assert default_db_path() == tmp_path / "team.db"
    with open_store() as s:
        s.add(RU)
    assert (tmp_path / "team.db").exists()


def test_a_read_error_is_named_whoever_runs_the_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kb.db"
    SQLiteStore(db).close()

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(StoreError) as exc:
        SQLiteStore(db)
    assert one_line(exc) == f"{db}: cannot read the database (Permission denied)"
