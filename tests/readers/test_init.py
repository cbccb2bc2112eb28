"""Reading a batch: folders expanded in a stable order, and no bad input ever stops the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch import readers
from coopwatch.readers import expand_inputs, read_file, read_paths


def _tree(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_folders_expand_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "b.txt": "Астана".encode(),
            "a/z.HTML": b"<p>x</p>",
            "a/y.jsonl": b"{}",
            "a/notes.docx": b"PK",
            "c/feed.rss": b"<rss/>",
            "c/.hidden.txt": b"x",
            ".git/config.txt": b"x",
            "a.atom": b"x",
        },
    )
    missing = tmp_path / "missing.txt"
    got = expand_inputs([tmp_path, missing, tmp_path / "b.txt"])
    names = [p.relative_to(tmp_path).as_posix() for p in got]
    assert names == ["a/y.jsonl", "a/z.HTML", "a.atom", "b.txt", "c/feed.rss", "missing.txt"]


def test_empty_folder_gives_nothing(tmp_path: Path) -> None:
    _tree(tmp_path, {"only/image.png": b"\x89PNG\r\n\x1a\n", "only/readme.md": b"# notes"})
    assert list(read_paths([tmp_path])) == []


def test_batch_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "1-ok.txt": " date 2025-10-10 Токаев Парижге сапар жасады.".encode(),
            "2-empty.txt": b"",
            "3-image.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
            "4-lines.jsonl": b'{"id": "x", "text": "Kazakhstan and France signed deals."}\nnot json\n',
            "5-broken.rss": b"<rss><channel><item>",
        },
    )
    docs = list(read_paths([tmp_path, tmp_path / "6-gone.html"], max_bytes=1000))
    assert [(d.id, d.error is None) for d in docs] == [
        ("1-ok", True),
        ("2-empty", False),
        ("3-image", False),
        ("x", True),
        ("4-lines-2", False),
        ("5-broken", False),
        ("6-gone", False),
    ]
    assert all(d.error is None or d.error.startswith(str(tmp_path)) for d in docs)


def test_a_reader_bug_becomes_an_error_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, max_bytes: int) -> list:
        raise RuntimeError("boom")

    monkeypatch.setitem(readers.READERS, ".txt", broken)
    path = tmp_path / "a.txt"
    path.write_text("Астана", encoding="utf-8")
    [doc] = read_file(path)
    assert doc.error == f"{path}: cannot read (RuntimeError: boom)"


def test_folder_named_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "archive.txt"
    folder.mkdir()
    assert read_file(folder)[0].error == f"{folder}: is a folder, not a file"
