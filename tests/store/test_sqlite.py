"""SQLiteStore: storing analysed articles once, atomically, and giving them back whole."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopwatch.model import Document, Entity, Event, Figure, Mention, Segment
from coopwatch.store import SQLiteStore, StoreError

KK_TEXT = (
    "Астанада Қазақстан мен Францияның сыртқы істер министрлері кездесті. "
    "Тараптар 2023 жылы тауар айналымы 4,2 млрд АҚШ долларын құрағанын атап өтті."
)
RU_TEXT = "Министр иностранных дел Казахстана встретился с послом Франции в Астане."


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def analysed_kk(id: str = "kk-fr-001") -> Document:
    """A Kazakh article with every kind of analysis filled in, offsets taken from its text."""
    fr, figure, meeting = (
        span(KK_TEXT, "Францияның"),
        span(KK_TEXT, "4,2 млрд АҚШ долларын"),
        (0, KK_TEXT.index(".") + 1),
    )
    return Document(
        id=id,
        text=KK_TEXT,
        source="corpus/kk-fr-001.txt",
        url="https://example.kz/news/1",
        title="Қазақстан мен Франция кездесті",
        meta_date="2025-10-10",
        segments=[Segment(0, len(KK_TEXT), "body")],
        lang="kk",
        date="2025-10-10",
        entities=[
            Entity("country:FR", "GPE", "France", [Mention(*fr, "Францияның")], country="FR"),
            Entity(
                "country:KZ", "GPE", "Kazakhstan", [Mention(*span(KK_TEXT, "Қазақстан"), "Қазақстан")], "KZ"
            ),
        ],
        countries=["FR", "KZ"],
        partners=[("FR", "KZ")],
        sectors=["trade"],
        figures=[Figure("trade_turnover", 4.2e9, "USD", "2023", "4,2 млрд АҚШ долларын", *figure)],
        events=[Event("meeting", KK_TEXT[: meeting[1]], *meeting, date="2025-10-10", countries=["FR", "KZ"])],
        cluster="c1",
        warnings=["date taken from the header"],
    )


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        yield s


def test_get_gives_back_the_whole_analysis(store: SQLiteStore) -> None:
    doc = analysed_kk()
    assert store.add(doc).stored
    assert store.get("kk-fr-001") == doc


def test_get_unknown_id_is_none(store: SQLiteStore) -> None:
    assert store.get("nope") is None


def test_adding_the_same_text_twice_stores_nothing_and_says_so(store: SQLiteStore) -> None:
    first = store.add(analysed_kk())
    again = store.add(analysed_kk(id="another-name"))
    assert first.stored and not again.stored
    assert again.id == "kk-fr-001" and "same text" in (again.reason or "")
    assert store.count() == 1


def test_a_taken_id_with_other_text_gets_a_suffix(store: SQLiteStore) -> None:
    store.add(analysed_kk(id="news"))
    second = store.add(Document(id="news", text=RU_TEXT, lang="ru"))
    third = store.add(Document(id="news", text=RU_TEXT + " Стороны обсудили торговлю.", lang="ru"))
    assert (second.stored, second.id) == (True, "news~2")
    assert "news~2" in (second.reason or "")
    assert third.id == "news~3"
    stored = store.get("news~2")
    assert stored is not None and stored.id == "news~2" and stored.text == RU_TEXT


def test_documents_with_an_error_are_not_stored(store: SQLiteStore) -> None:
    result = store.add(Document(id="broken", text="", error="empty input"))
    assert not result.stored and "empty input" in (result.reason or "")
    assert store.count() == 0


def test_count_and_iteration_follow_insertion_order(store: SQLiteStore) -> None:
    docs = [Document(id=f"ru-{i}", text=f"{RU_TEXT} Номер {i}.", lang="ru") for i in range(450)]
    store.add_many(docs)
    assert store.count() == 450
    assert [d.id for d in store.iter_documents()] == [d.id for d in docs]
    assert [d.id for d in store.iter_documents()] == [d.id for d in store.iter_documents()]


def test_add_many_reports_every_article(store: SQLiteStore) -> None:
    docs = [analysed_kk(), analysed_kk(id="dup"), Document(id="bad", text="x", error="unreadable")]
    results = store.add_many(docs)
    assert [r.stored for r in results] == [True, False, False]
    assert store.count() == 1


def test_analysis_is_queryable_in_plain_sql(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    with SQLiteStore(db) as s:
        s.add(analysed_kk())
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name, country FROM entities ORDER BY pos").fetchall() == [
        ("France", "FR"),
        ("Kazakhstan", "KZ"),
    ]
    assert conn.execute("SELECT text FROM mentions WHERE entity_pos = 0").fetchall() == [("Францияның",)]
    assert conn.execute("SELECT a, b FROM partners").fetchall() == [("FR", "KZ")]
    assert conn.execute("SELECT sector FROM doc_sectors").fetchall() == [("trade",)]
    assert conn.execute("SELECT indicator, value, currency FROM figures").fetchall() == [
        ("trade_turnover", 4.2e9, "USD")
    ]
    event = conn.execute("SELECT type, countries FROM events").fetchone()
    assert event[0] == "meeting" and json.loads(event[1]) == ["FR", "KZ"]
    assert conn.execute("SELECT country FROM doc_countries ORDER BY country").fetchall() == [("FR",), ("KZ",)]


def test_a_failure_midway_leaves_nothing_of_that_article(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(Document(id="earlier", text=RU_TEXT, lang="ru", countries=["KZ"]))

    def disk_gives_up(self: SQLiteStore, rowid: int, doc: Document) -> None:
        raise OSError("simulated failure after the document, index and entity rows were written")

    monkeypatch.setattr(SQLiteStore, "_insert_figures", disk_gives_up)
    with pytest.raises(OSError):
        store.add(analysed_kk())
    assert store.count() == 1 and store.get("kk-fr-001") is None
    assert store.get("earlier") is not None
    db = store._db
    for table in ("entities", "mentions", "partners", "doc_sectors", "figures", "events"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    for table in ("documents_fts", "doc_countries"):  # only the earlier article's rows
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1, table
    assert store.search("кездесті") == [] and store.search("айналымы") == []
    monkeypatch.undo()
    assert store.add(analysed_kk()).stored  # nothing stale blocks a retry


def test_a_failure_inside_add_many_keeps_the_articles_before_it(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = SQLiteStore._insert_events

    def fail_on_kk(self: SQLiteStore, rowid: int, doc: Document) -> None:
        if doc.lang == "kk":
            raise RuntimeError("simulated failure")
        real(self, rowid, doc)

    monkeypatch.setattr(SQLiteStore, "_insert_events", fail_on_kk)
    docs = [
        Document(id="ru-1", text=RU_TEXT, lang="ru"),
        analysed_kk(),
        Document(id="ru-2", text="Б", lang="ru"),
    ]
    with pytest.raises(RuntimeError):
        store.add_many(docs)
    assert [d.id for d in store.iter_documents()] == ["ru-1"]
    assert store._db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


def test_a_killed_process_leaves_no_half_article(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from coopwatch.model import Document
        from coopwatch.store import SQLiteStore
        import test_sqlite as t
        store = SQLiteStore({str(db)!r})
        store.add(Document(id="earlier", text=t.RU_TEXT, lang="ru"))
        SQLiteStore._insert_figures = lambda self, rowid, doc: os._exit(3)
        store.add(t.analysed_kk())
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 3, run.stderr
    with SQLiteStore(db) as s:
        assert [d.id for d in s.iter_documents()] == ["earlier"]
        assert s._db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
        assert s._db.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 1
        assert s.add(analysed_kk()).stored


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "kb.db")
    s.close()
    s.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        s.count()


def test_the_database_persists_between_openings(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "kb.db") as s:
        s.add(analysed_kk())
    with SQLiteStore(tmp_path / "kb.db") as s:
        assert s.count() == 1 and s.get("kk-fr-001") == analysed_kk()
