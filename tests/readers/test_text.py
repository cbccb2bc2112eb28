"""Plain-text input: encodings, the crawler header, and the bad files that must not stop a batch."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopwatch.readers import DEFAULT_MAX_BYTES, read_file
from coopwatch.readers.load import human_size
from coopwatch.readers.text import decode_bytes, parse_header

RU = "Глава региона провёл встречу с послом Франции. Стороны обсудили энергетику и туризм."
KK = "Қазақстан мен Франция энергетика және білім беру салаларындағы ынтымақтастықты талқылады."
EN = "Kazakhstan and France discussed cooperation in energy, education and tourism."


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        (RU, RU.encode("utf-8")),
        (KK, KK.encode("utf-8")),
        (KK, codecs.BOM_UTF8 + KK.encode("utf-8")),
        (RU, codecs.BOM_UTF16_LE + RU.encode("utf-16-le")),
        (KK, codecs.BOM_UTF16_LE + KK.encode("utf-16-le")),
        (KK, codecs.BOM_UTF16_BE + KK.encode("utf-16-be")),
        (RU, RU.encode("utf-16-le")),  # no BOM: NUL bytes on one side only, not binary
        (RU, RU.encode("cp1251")),
        (RU, RU.encode("koi8_r")),
        ("Ещё один съезд: объём торговли вырос.", "Ещё один съезд: объём торговли вырос.".encode("koi8_r")),
        (EN, EN.encode("ascii")),
    ],
    ids=["ru-utf8", "kk-utf8", "kk-utf8-bom", "ru-utf16le", "kk-utf16le", "kk-utf16be", "ru-utf16-nobom",
         "ru-cp1251", "ru-koi8r", "ru-koi8r-short", "en-ascii"],
)  # fmt: skip
def test_encodings_decode_to_the_text_without_bom(tmp_path: Path, text: str, raw: bytes) -> None:
    [doc] = read_file(_write(tmp_path, "article.txt", raw))
    assert (doc.error, doc.warnings, doc.text) == (None, [], text)
    assert doc.id == "article"


@pytest.mark.parametrize(
    ("text", "end", "meta_date"),
    [
        (" date 2025-10-10 The French delegation visited Ust-Kamenogorsk.", 17, "2025-10-10"),
        (" date 2024-03-05 Делегация Франции посетила Усть-Каменогорск.", 17, "2024-03-05"),
        ("date 2023-12-01\nФранция делегациясы Өскеменге келді.", 15, "2023-12-01"),
        ("The French delegation visited on date 2025-10-10.", None, None),
        (" date 2025-13-45 Делегация прибыла.", None, None),
    ],
)
def test_crawler_header_is_a_segment_and_gives_the_date(
    tmp_path: Path, text: str, end: int | None, meta_date: str | None
) -> None:
    [doc] = read_file(_write(tmp_path, "a.txt", text.encode("utf-8")))
    assert doc.text == text
    assert [(s.start, s.end, s.kind) for s in doc.segments] == ([(0, end, "header")] if end else [])
    assert doc.meta_date == meta_date


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        (b" date 2025-10-10 \n\n", "no article text after the crawler header"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary file (PNG image)"),
        (bytes(range(256)) * 4, "binary file"),
        ("\ufeff   ".encode(), "empty file"),
    ],
    ids=["empty", "whitespace", "header-only", "png", "nul-bytes", "bom-only"],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, raw: bytes, message: str) -> None:
    path = _write(tmp_path, "bad.txt", raw)
    [doc] = read_file(path)
    assert doc.error == f"{path}: {message}" or doc.error.startswith(f"{path}: {message}")
    assert doc.id == "bad" and "\n" not in doc.error


def test_file_above_the_limit_names_size_and_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", (RU * 4).encode("utf-8"))
    [doc] = read_file(path, max_bytes=100)
    assert doc.error == f"{path}: file too large ({path.stat().st_size} bytes, limit 100 bytes)"


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    raw = KK.encode("utf-8") + b" \xff\xfe " + RU.encode("utf-8")
    path = _write(tmp_path, "broken.txt", raw)
    [doc] = read_file(path)
    assert doc.error is None
    assert doc.text == f"{KK} \ufffd\ufffd {RU}"  # still UTF-8, not read as CP1251
    assert doc.warnings == [f"{path}: invalid UTF-8 at byte {len(KK.encode()) + 1} (replaced with U+FFFD)"]


def test_missing_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nowhere.txt"
    assert read_file(missing)[0].error == f"{missing}: no such file"
    locked = _write(tmp_path, "locked.txt", RU.encode())

    def deny(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    assert read_file(locked)[0].error == f"{locked}: permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; the monkeypatched case above still runs")
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", RU.encode())
    path.chmod(0)
    assert read_file(path)[0].error == f"{path}: permission denied"


def test_other_extension_named_explicitly_is_text(tmp_path: Path) -> None:
    [doc] = read_file(_write(tmp_path, "note.md", KK.encode("utf-8")))
    assert (doc.id, doc.text, doc.error) == ("note", KK, None)


def test_header_parser_reads_url_too() -> None:
    header = parse_header(" date 2025-10-10 url https://example.kz/a Текст")
    assert header is not None
    assert (header.date, header.url, header.end) == ("2025-10-10", "https://example.kz/a", 42)


_KAZAKH_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі" + "ӘҒҚҢӨҰҮҺІ" + "ABCxyz 0123.,;:!?«»—-\n"


@given(st.text(alphabet=_KAZAKH_ALPHABET, min_size=1, max_size=300))
def test_utf8_and_utf16_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "x").text == text
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x").text == text


@pytest.mark.parametrize(
    ("size", "expected"),
    [(999, "999 bytes"), (3_400, "3.4 KB"), (25_000_000, "25.0 MB"), (DEFAULT_MAX_BYTES, "20.0 MB")],
)
def test_human_size(size: int, expected: str) -> None:
    assert human_size(size) == expected
