"""Getting an input file's bytes safely: every problem becomes a one-line message, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coopwatch.model import Document

DEFAULT_MAX_BYTES = 20_000_000  # 20 MB, decimal like the CLI's --max-mb

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x00asm", "WebAssembly module"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}


@dataclass(slots=True)
class Loaded:
    """The bytes of one file, or why there are none to read."""

    raw: bytes = b""
    error: str | None = None


def human_size(n: int) -> str:
    """A size a person reads at a glance: 512 bytes, 3.4 KB, 25.0 MB (decimal units)."""
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.1f} KB"
    return f"{n / 1_000_000:.1f} MB"


def binary_kind(raw: bytes) -> str | None:
    """What a non-text file is (by magic number, NUL or control bytes), or None when it may be text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    if raw.startswith(_BOMS) or looks_utf16(raw):
        return None
    head = raw[:8192]
    if b"\x00" in head:
        return "binary data"
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls / len(head) > 0.1:
        return "binary data"
    return None


def looks_utf16(raw: bytes) -> str | None:
    """The codec of UTF-16 text without a BOM (NUL bytes all on one side of each pair), else None."""
    head = raw[:8192]
    if len(head) < 4 or b"\x00" not in head:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even and odd:
        return None
    codec = "utf-16-le" if odd else "utf-16-be"
    try:
        sample = head.decode(codec)
    except UnicodeDecodeError:
        return None
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0xD800 <= ord(ch) < 0xE000)
    return codec if bad == 0 else None


def load_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read a file whole, refusing what is missing, unreadable, too large, empty or binary."""
    try:
        if not path.exists():
            return Loaded(error=f"{path}: no such file")
        if path.is_dir():
            return Loaded(error=f"{path}: is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            return Loaded(error=f"{path}: file too large ({human_size(size)}, limit {human_size(max_bytes)})")
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except PermissionError:
        return Loaded(error=f"{path}: permission denied")
    except OSError as e:
        return Loaded(error=f"{path}: cannot read ({e.strerror or e})")
    if len(raw) > max_bytes:  # grew since stat, or a special file
        return Loaded(error=f"{path}: file too large (over {human_size(max_bytes)} limit)")
    if not raw.strip():
        return Loaded(error=f"{path}: empty file")
    kind = binary_kind(raw)
    if kind:
        return Loaded(error=f"{path}: binary file ({kind}), not text")
    return Loaded(raw=raw)


def error_doc(path: Path, message: str, doc_id: str | None = None, source: str | None = None) -> Document:
    """A Document that carries only why its input could not be read, so the batch goes on."""
    return Document(id=doc_id or path.stem, text="", source=source or str(path), error=message)
