"""The entity registry: names that hold across runs of `ingest`, and the analyst's corrections."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli import app
from coopwatch.entities.registry import EntityRegistry
from coopwatch.model import Document, Entity, Mention
from coopwatch.store import SQLiteStore, StoreError
from coopwatch.store.sqlite import MIGRATIONS

runner = CliRunner()

RU = (
    "Генеральный директор корпорации Фёдор Семёнов прибыл в Астану. Фёдор Семёнов обсудил с министром проект."
)
EN = "Corporation head Fedor Semenov arrived in Astana on Monday. Semenov discussed the project with the minister."
KK = "Корпорация басшысы Фёдор Семёнов Астанаға келді. Ол министрмен жобаны талқылады."


def run(*args: str | Path) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def ingest(db: Path, folder: Path, **articles: str) -> None:
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    run("ingest", folder, "--db", db)


def people(db: Path, tmp_path: Path) -> dict[str, set[tuple[str, str]]]:
    """Article id -> (entity id, name) of its people, as `export` gives them."""
    out = tmp_path / "export.jsonl"
    run("export", "--db", db, "-o", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: {(e["id"], e["name"]) for e in r["entities"] if e["type"] == "PER"} for r in rows}


def test_a_person_read_in_russian_takes_the_english_name_an_english_article_gives_later(
    tmp_path: Path,
) -> None:
    db = tmp_path / "kb.db"
    ingest(db, tmp_path / "ru", visit_ru=RU)
    (ru_person,) = people(db, tmp_path)["visit_ru"]
    assert ru_person[1] != "Fedor Semenov"  # our transliteration of Фёдор Семёнов

    ingest(db, tmp_path / "en", visit_en=EN)
    ingest(db, tmp_path / "kk", visit_kk=KK)

    found = people(db, tmp_path)
    assert found["visit_ru"] == found["visit_en"] == found["visit_kk"] == {(ru_person[0], "Fedor Semenov")}
    with SQLiteStore(db) as store:
        entry = store.registry_entries([ru_person[0]])[ru_person[0]]
    assert (entry.name_source, entry.articles) == ("en", 3)
    assert set(entry.aliases) == {"en", "kk", "ru"}


def test_the_analysts_name_holds_in_stored_and_later_articles(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest(db, tmp_path / "en", visit_en=EN)
    ((person, _),) = people(db, tmp_path)["visit_en"]

    run("entities", "rename", person, "Fyodor Semyonov", "--db", db)
    ingest(db, tmp_path / "ru", visit_ru=RU)

    found = people(db, tmp_path)
    assert found["visit_en"] == found["visit_ru"] == {(person, "Fyodor Semyonov")}
    assert "analyst" in run("entities", "show", person, "--db", db)


def test_a_merge_rewrites_stored_articles_and_holds_for_later_ones(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest(
        db,
        tmp_path / "one",
        short_en="Bob Harlan, the envoy, met the minister in Astana on Monday.",
        long_en="Robert Harlan, the envoy, opened a trade office in Almaty on Friday.",
    )
    before = people(db, tmp_path)
    ((short, _),), ((full, _),) = before["short_en"], before["long_en"]
    assert short != full

    run("entities", "merge", short, full, "--db", db)
    ingest(db, tmp_path / "two", later_en="Bob Harlan, the envoy, visited Shymkent on Tuesday.")

    after = people(db, tmp_path)
    assert after["short_en"] == after["long_en"] == after["later_en"] == {(full, "Robert Harlan")}
    assert "Bob Harlan" in run("entities", "show", full, "--db", db)
    listed = run("entities", "list", "--query", "harlan", "--db", db)
    assert full in listed and short not in listed


def test_a_split_gives_the_other_person_their_own_entity_in_the_articles_named(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    ingest(
        db,
        tmp_path / "one",
        envoy_en="Robert Harlan, the envoy, met the minister in Astana on Monday.",
        singer_en="Robert Harlan, the singer, gave a concert in Almaty on Friday.",
    )
    ((person, _),) = people(db, tmp_path)["envoy_en"]

    run("entities", "split", person, "Robert Harlan Jr", "--article", "singer_en", "--db", db)

    found = people(db, tmp_path)
    assert found["envoy_en"] == {(person, "Robert Harlan")}
    ((other, name),) = found["singer_en"]
    assert other != person and name == "Robert Harlan Jr"


@pytest.mark.parametrize(
    "args",
    [
        ("show", "person:nobody"),
        ("rename", "person:nobody", "Somebody"),
        ("merge", "person:nobody", "person:nobody-else"),
        ("split", "person:nobody", "Other", "--article", "a"),
    ],
)
def test_an_unknown_id_is_a_one_line_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "kb.db"
    ingest(db, tmp_path / "en", visit_en=EN)
    result = runner.invoke(app, ["entities", *args, "--db", str(db)])
    assert result.exit_code != 0
    assert "person:nobody" in result.output and "Traceback" not in result.output
    assert result.output.startswith("error:") and result.output.count("error:") == 1  # one message


def test_people_of_different_types_do_not_merge(tmp_path: Path) -> None:
    with SQLiteStore(":memory:") as store:
        registry = EntityRegistry(store)
        doc = Document(id="a", text="Harlan Bank hired Bob Harlan.", lang="en")
        doc.entities = [
            Entity("org:harlan-bank", "ORG", "Harlan Bank", [Mention(0, 11, "Harlan Bank")]),
            Entity("person:bob-harlan", "PER", "Bob Harlan", [Mention(18, 28, "Bob Harlan")]),
        ]
        registry.resolve([doc])
        store.add(doc)
        registry.record([doc])
        with pytest.raises(StoreError, match="only entities of one type merge"):
            registry.merge("person:bob-harlan", "org:harlan-bank")


def test_a_version_4_file_registers_the_entities_it_stores(tmp_path: Path) -> None:
    db = tmp_path / "v4.db"
    conn = sqlite3.connect(db)
    for version in (1, 2, 3, 4):
        for statement in MIGRATIONS[version]:
            conn.execute(statement)
    conn.execute("INSERT INTO coopwatch_schema (version, applied) VALUES (4, 'then')")
    conn.execute(
        "INSERT INTO documents (rowid, id, content_hash, lang, date, source, added, text, analysis)"
        " VALUES (1, 'a', 'h', 'en', '2024-05-02', 'test', 'now', 'text', '{}')"
    )
    conn.execute("INSERT INTO entities VALUES (1, 0, 'person:bob-harlan', 'PER', 'Bob Harlan', NULL)")
    conn.commit()
    conn.close()

    with SQLiteStore(db) as store:
        entry = store.registry_entries(["person:bob-harlan"])["person:bob-harlan"]
    assert (entry.name, entry.name_source, entry.articles, entry.first_seen) == (
        "Bob Harlan",
        "stored",
        1,
        "2024-05-02",
    )
