"""JSON Lines input: one article a line, metadata taken, and a bad line never stops the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopwatch.readers import read_file
from coopwatch.readers.jsonl import iso_day

LINES = [
    {"id": "ru-1", "text": "Токаев провёл переговоры с Макроном в Париже.", "date": "2025-10-10",
     "url": "https://example.kz/ru/1", "title": "Переговоры в Париже"},
    {"text": "Тоқаев Парижде Макронмен келіссөз жүргізді.", "date": "2025-10-10T09:30:00+05:00"},
    "not json {",
    {"id": "en-3", "title": "No text here"},
    {"id": 4, "html": "<html><body><p>Tokayev held talks with Macron in Paris on energy.</p></body></html>"},
    [1, 2, 3],
    {"id": "ru-7", "text": "   "},
]  # fmt: skip


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    rows = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in LINES]
    rows.insert(1, "")  # blank lines are skipped but still counted
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_every_line_gives_a_document_in_order(tmp_path: Path) -> None:
    path = _write(tmp_path)
    docs = read_file(path)
    got = [(d.id, d.source, d.error) for d in docs]
    assert got == [
        ("ru-1", f"{path}:1", None),
        ("batch-3", f"{path}:3", None),
        ("batch-4", f"{path}:4", f"{path}:4: not JSON (Expecting value at column 1)"),
        ("en-3", f"{path}:5", f"{path}:5: no `text` field"),
        ("4", f"{path}:6", None),
        ("batch-7", f"{path}:7", f"{path}:7: not a JSON object"),
        ("ru-7", f"{path}:8", f"{path}:8: empty `text`"),
    ]


def test_fields_are_taken(tmp_path: Path) -> None:
    ru, kk, _, _, en, *_ = read_file(_write(tmp_path))
    assert (ru.text, ru.url, ru.title, ru.meta_date) == (
        "Токаев провёл переговоры с Макроном в Париже.",
        "https://example.kz/ru/1",
        "Переговоры в Париже",
        "2025-10-10",
    )
    assert (kk.text, kk.url, kk.title, kk.meta_date) == (
        "Тоқаев Парижде Макронмен келіссөз жүргізді.",
        None,
        None,
        "2025-10-10",
    )
    assert en.text == "Tokayev held talks with Macron in Paris on energy."
    assert ru.segments == kk.segments == en.segments == []


def test_crawler_header_inside_text(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"text": " date 2024-05-02 Астанада форум өтті."}) + "\n", encoding="utf-8")
    [doc] = read_file(path)
    assert doc.meta_date == "2024-05-02" and [(s.start, s.end, s.kind) for s in doc.segments] == [
        (0, 17, "header")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-10", "2025-10-10"),
        ("2025-10-10T09:30:00+05:00", "2025-10-10"),
        ("2025-10-10 09:30", "2025-10-10"),
        ("2025-02-30", None),
        ("10.10.2025", None),
        (20251010, None),
        (None, None),
    ],
)
def test_iso_day(value: object, expected: str | None) -> None:
    assert iso_day(value) == expected


def test_date_that_is_not_iso_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Форум өтті.", "date": "вчера"}) + "\n", encoding="utf-8")
    [doc] = read_file(path)
    assert doc.meta_date is None and doc.warnings == [f"{path}:1: `date` is not an ISO date: вчера"]


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert [d.error for d in read_file(path)] == [f"{path}: empty file"]
