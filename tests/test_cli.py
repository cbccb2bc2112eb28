"""The command line as a user meets it: the bundled samples, a knowledge base, and mistakes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli import app
from coopwatch.store import StoreError, open_store
from tests.conftest import SAMPLES

runner = CliRunner()
SAMPLE_IDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def analysed() -> list[dict]:
    result = run("analyze", SAMPLES, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    result = run("ingest", SAMPLES, "--db", path)
    assert result.exit_code == 0, result.output
    return path


def test_analyze_prints_one_contract_line_per_article_in_input_order(analysed: list[dict]) -> None:
    assert [line["id"] for line in analysed] == SAMPLE_IDS
    for line in analysed:
        assert {
            "id",
            "lang",
            "date",
            "entities",
            "countries",
            "partners",
            "sectors",
            "figures",
            "cluster",
        } <= set(line)


def test_every_evidence_span_points_at_its_text(analysed: list[dict]) -> None:
    for line in analysed:
        text = (SAMPLES / f"{line['id']}.txt").read_text(encoding="utf-8")
        spans = [m for e in line["entities"] for m in e["mentions"]] + line["figures"] + line["events"]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]


def test_samples_are_understood(analysed: list[dict]) -> None:
    by_id = {line["id"]: line for line in analysed}
    assert by_id["kz-de-hydrogen-kk"]["lang"] == "kk"
    assert by_id["pavlodar-china-ru"]["lang"] == "ru"
    assert by_id["kz-uz-transport-en"]["lang"] == "en"
    assert by_id["kz-de-hydrogen-en"]["date"] == "2025-11-03"
    assert {"DE", "KZ"} <= set(by_id["kz-de-hydrogen-kk"]["countries"])


def test_the_story_told_in_two_languages_is_one_cluster(analysed: list[dict]) -> None:
    by_id = {line["id"]: line["cluster"] for line in analysed}
    assert by_id["kz-de-hydrogen-en"] == by_id["kz-de-hydrogen-kk"]
    assert len(set(by_id.values())) == len(by_id) - 1


def test_table_format_is_for_people() -> None:
    result = run("analyze", SAMPLES / "kz-de-hydrogen-en.txt", "--format", "table")
    assert result.exit_code == 0
    assert "kz-de-hydrogen-en" in result.stdout and "DE" in result.stdout


def test_a_missing_input_gives_an_error_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run("analyze", missing, SAMPLES / "kz-de-hydrogen-en.txt")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert "error" in lines[0] and "nowhere.txt" in lines[0]["error"]
    assert lines[1]["id"] == "kz-de-hydrogen-en" and "error" not in lines[1]
    assert "Traceback" not in result.output


def test_a_bad_option_is_a_one_line_usage_error() -> None:
    result = run("analyze", SAMPLES, "--format", "xml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_ingesting_twice_adds_nothing(db: Path) -> None:
    count = _count(db)
    assert count == len(SAMPLE_IDS)
    again = run("ingest", SAMPLES, "--db", db)
    assert again.exit_code == 0
    assert "0 stored" in again.output
    assert _count(db) == count


def test_search_finds_inflected_words_in_each_language(db: Path) -> None:
    kk = run("search", "Германия", "--db", db, "--lang", "kk")
    assert kk.exit_code == 0 and "kz-de-hydrogen-kk" in kk.stdout
    ru = run("search", "Франция", "--db", db)
    assert "france-education-ru" in ru.stdout
    en = run("search", "railway", "--db", db, "--since", "2025-01-01")
    assert en.exit_code == 0


def test_search_rejects_a_bad_date(db: Path) -> None:
    result = run("search", "Tokayev", "--db", db, "--since", "yesterday")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_show_gives_the_article_with_its_evidence(db: Path) -> None:
    result = run("show", "kz-de-hydrogen-en", "--db", db)
    assert result.exit_code == 0
    assert "Tokayev" in result.stdout
    missing = run("show", "no-such-article", "--db", db)
    assert missing.exit_code == 1 and "no-such-article" in missing.output


def test_export_writes_every_article(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", out).exit_code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["id"] for line in lines) == SAMPLE_IDS
    csv_out = run("export", "--db", db, "--format", "csv")
    assert csv_out.exit_code == 0 and "kz-uz-transport-en" in csv_out.stdout


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    result = run("ingest", SAMPLES / "kz-de-hydrogen-en.txt", "--db", notes)
    assert result.exit_code == 2
    assert "notes.db" in result.output and "Traceback" not in result.output
    assert notes.read_text(encoding="utf-8").startswith("my notes")


def test_killing_ingest_midway_then_running_again_stores_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    base = (SAMPLES / "kz-uz-transport-en.txt").read_text(encoding="utf-8")
    for i in range(60):
        (folder / f"a{i:03d}.txt").write_text(
            base + f"\nUpdate number {i} on cargo volume {i * 7} thousand tonnes.\n"
        )
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "coopwatch", "ingest", str(folder), "--db", str(db)]
    env = {**os.environ, "COOPWATCH_EMBEDDINGS": "0"}  # atomicity is the point here, not alignment
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and _count(db, allow_missing=True) >= 1:
            break
        time.sleep(0.02)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    assert _count(db) == 60


def _count(db: Path, allow_missing: bool = False) -> int:
    try:
        with open_store(db) as store:
            return store.count()
    except StoreError:
        if allow_missing:
            return 0
        raise


def test_bad_inputs_are_reported_and_nothing_stored_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    assert run("ingest", SAMPLES, "--db", db).exit_code == 0
    before = run("export", "--db", db).stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "big.txt").write_text("Астана. " * 2000, encoding="utf-8")
    (bad / "broken.html").write_text("<html><body><p>Unfinished page about", encoding="utf-8")
    (bad / "lines.jsonl").write_text(
        '{"id": "ok", "text": "The minister met the ambassador."}\nnot json\n{"id": "x"}\n'
    )
    (bad / "feed.rss").write_text("this is not XML at all", encoding="utf-8")
    (bad / "late.txt").write_text(
        "Kazakhstan and Qatar signed an aviation agreement in Doha.", encoding="utf-8"
    )
    result = run("ingest", bad, tmp_path / "missing.txt", "--db", db, "--max-mb", "0.01")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name in (
        "empty.txt",
        "image.txt",
        "big.txt",
        "lines.jsonl:2",
        "lines.jsonl:3",
        "feed.rss",
        "missing.txt",
    ):
        assert name in result.output
    after = run("export", "--db", db).stdout
    assert set(before.splitlines()) <= set(after.splitlines())  # every stored article unchanged
    assert _count(db) == len(SAMPLE_IDS) + 3  # the good JSONL line, what the truncated page holds, late.txt


def test_reading_a_knowledge_base_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = run("search", "Астана", "--db", db)
    assert result.exit_code == 2 and "coopwatch ingest" in result.output
    assert not db.exists()
