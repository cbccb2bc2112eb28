"""Plain-text articles: decoding any common encoding, and the crawler header that carries metadata."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from coopwatch.model import Document, Segment
from coopwatch.readers.load import error_doc, load_bytes, looks_utf16

_BOM_CODECS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# 8-bit encodings met in kk/ru/en news; unrestricted detection takes short KOI8-R for Shift-JIS.
_LEGACY = ("cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic", "cp1252", "latin_1")
_CYRILLIC = frozenset({"cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic"})
_BAD_UTF8 = re.compile(r"[\udc80-\udcff]+")
# A crawler header such as " date 2025-10-10 " (and optionally " url https://... ") before the article.
_HEADER = re.compile(
    r"\A(?:[ \t]*(?:date[ \t]+(?P<date>\d{4}-\d{2}-\d{2})|url[ \t]+(?P<url>\S+))(?=\s|\Z))+[ \t]*"
)


@dataclass(slots=True)
class Decoded:
    """Text decoded from bytes, with the codec used and what went wrong along the way."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _invalid_utf8(raw: bytes, name: str, offset: int) -> Decoded | None:
    """UTF-8 with a few bad bytes, decoded with U+FFFD, or None when the bytes are another encoding."""
    escaped = raw.decode("utf-8", errors="surrogateescape")
    runs = list(_BAD_UTF8.finditer(escaped))
    valid = sum(1 for ch in escaped if ord(ch) > 0x7F) - sum(len(m.group()) for m in runs)
    if valid < 4 * len(runs):
        return None
    where = [str(offset + len(escaped[: m.start()].encode("utf-8", "surrogateescape"))) for m in runs[:3]]
    places = f"byte {where[0]}" if len(runs) == 1 else f"bytes {', '.join(where)}"
    if len(runs) > 3:
        places += f" and {len(runs) - 3} more places"
    warning = f"{name}: invalid UTF-8 at {places} (replaced with U+FFFD)"
    return Decoded(raw.decode("utf-8", errors="replace"), "utf-8", [warning])


def _lowercase_share(text: str) -> float:
    """Share of lower-case Cyrillic letters: CP1251 read as KOI8-R (and back) swaps most letters' case."""
    letters = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
    return sum(ch.islower() for ch in letters) / len(letters) if letters else 0.0


def decode_bytes(raw: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode input bytes: BOM, strict UTF-8, mostly-UTF-8, a declared charset, then detection."""
    for bom, codec in _BOM_CODECS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return Decoded(body.decode(codec), codec)
            except UnicodeDecodeError:
                if codec == "utf-8" and (found := _invalid_utf8(body, name, len(bom))):
                    return found
                return Decoded(body.decode(codec, errors="replace"), codec, [f"{name}: invalid {codec} text"])
    if codec16 := looks_utf16(raw):  # before UTF-8: Cyrillic in UTF-16 may be all bytes below 0x80
        return Decoded(raw.decode(codec16, errors="replace"), codec16)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if found := _invalid_utf8(raw, name, 0):
        return found
    if declared:
        try:
            return Decoded(raw.decode(declared), codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(raw, cp_isolation=list(_LEGACY)).best() or from_bytes(raw).best()
    if best is not None and best.encoding in _CYRILLIC:
        codec = max(("cp1251", "koi8_r"), key=lambda c: _lowercase_share(raw.decode(c, errors="replace")))
        return Decoded(raw.decode(codec, errors="replace"), codec)
    if best is not None and best.encoding:
        return Decoded(str(best), best.encoding)
    warning = f"{name}: encoding not recognised, read as CP1251"
    return Decoded(raw.decode("cp1251", errors="replace"), "cp1251", [warning])


@dataclass(slots=True)
class Header:
    """A crawler header at the start of a text: where it ends and what it says."""

    end: int
    date: str | None = None
    url: str | None = None


def parse_header(text: str) -> Header | None:
    """The crawler header (` date 2025-10-10 `) at the start of `text`, or None when there is none."""
    m = _HEADER.match(text)
    if not m:
        return None
    iso = m.group("date")
    if iso:
        try:
            date.fromisoformat(iso)
        except ValueError:
            return None
    return Header(end=m.end(), date=iso, url=m.group("url"))


def text_document(doc_id: str, text: str, source: str) -> Document:
    """A Document over a plain text: the crawler header marked and read, the body left to the cleaner."""
    doc = Document(id=doc_id, text=text, source=source)
    header = parse_header(text)
    if header:
        doc.segments.append(Segment(0, header.end, "header"))
        doc.meta_date, doc.url = header.date, header.url
    return doc


def read_text(path: Path, max_bytes: int) -> list[Document]:
    """One plain-text file as one article."""
    loaded = load_bytes(path, max_bytes)
    if loaded.error:
        return [error_doc(path, loaded.error)]
    decoded = decode_bytes(loaded.raw, str(path))
    doc = text_document(path.stem, decoded.text, str(path))
    doc.warnings.extend(decoded.warnings)
    start = doc.segments[0].end if doc.segments else 0
    if not decoded.text[start:].strip():
        what = "empty file" if start == 0 else "no article text after the crawler header"
        return [error_doc(path, f"{path}: {what}")]
    return [doc]
