"""HTML pages: the source stays the text, and the article's words are mapped back to its text nodes."""

from __future__ import annotations

import html as htmllib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import trafilatura
from htmldate import find_date

from coopwatch.model import Document, Segment
from coopwatch.readers.load import error_doc, load_bytes
from coopwatch.readers.text import decode_bytes

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_MARKUP = re.compile(
    r"<(?:!--.*?(?:-->|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)|[!?][^>]*(?:>|\Z)"
    r"|(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*(?:>|\Z))",
    re.S,
)
_REF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_RAW_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "xmp", "iframe", "noembed"})
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_WORD = re.compile(r"\w+")
_DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}


@dataclass(slots=True)
class Node:
    """A stretch of the source: plain text, one character reference, or a block boundary."""

    kind: str  # "text", "ref" or "break"
    start: int
    end: int
    value: str
    in_title: bool = False


def scan(src: str) -> Iterator[Node]:
    """The text of an HTML source in order, skipping markup, comments, scripts and styles."""
    pos, in_title = 0, False
    while pos < len(src):
        m = _MARKUP.search(src, pos)
        stop = m.start() if m else len(src)
        yield from _text_nodes(src, pos, stop, in_title)
        if not m:
            break
        pos = m.end()
        name = (m.group("name") or "").lower()
        if name == "title":
            in_title = not m.group("close")
        if name in _BLOCK or name == "title":
            yield Node("break", m.start(), m.end(), "\n")
        if name in _RAW_TEXT and not m.group("close"):
            end = re.compile(rf"</{name}\b", re.I).search(src, pos)
            pos = end.start() if end else len(src)


def _text_nodes(src: str, start: int, stop: int, in_title: bool) -> Iterator[Node]:
    """Plain text between two tags, split at character references so that each text node is literal."""
    pos = start
    for ref in _REF.finditer(src, start, stop):
        value = htmllib.unescape(ref.group())
        if value == ref.group():
            continue
        if ref.start() > pos:
            yield Node("text", pos, ref.start(), src[pos : ref.start()], in_title)
        yield Node("ref", ref.start(), ref.end(), value, in_title)
        pos = ref.end()
    if stop > pos:
        yield Node("text", pos, stop, src[pos:stop], in_title)


def html_to_text(src: str) -> str:
    """The visible text of an HTML fragment, blocks on their own lines (for feed entries)."""
    parts = [n.value for n in scan(src) if not n.in_title]
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    node: int
    in_title: bool


def _tokens(nodes: list[Node]) -> list[_Token]:
    return [
        _Token(n.start + m.start(), n.start + m.end(), i, n.in_title)
        for i, n in enumerate(nodes)
        if n.kind == "text"
        for m in _WORD.finditer(n.value)
    ]


def _aligned(src: str, tokens: list[_Token], extracted: str) -> set[int]:
    """Indices of the source tokens that the extracted text is made of, in order."""
    words = [src[t.start : t.end].casefold() for t in tokens]
    wanted = [m.group().casefold() for m in _WORD.finditer(extracted)]
    blocks = SequenceMatcher(None, words, wanted, autojunk=False).get_matching_blocks()
    strong = [(b.a, b.size) for b in blocks if b.size >= 2]
    keep = {i for a, size in strong for i in range(a, a + size)}
    for b in blocks:  # a lone word counts only beside a longer match (a one-word paragraph, a name)
        if b.size == 1 and any(abs(b.a - a) <= 4 or abs(b.a - (a + size - 1)) <= 4 for a, size in strong):
            keep.add(b.a)
    return keep


def _spans(src: str, nodes: list[Node], tokens: list[_Token], picked: list[int]) -> list[tuple[int, int]]:
    """Runs of picked tokens within one text node, widened over adjacent punctuation."""
    spans: list[tuple[int, int]] = []
    run: list[int] = []
    for i in [*sorted(picked), -1]:
        if run and (i != run[-1] + 1 or tokens[i].node != tokens[run[-1]].node):
            node = nodes[tokens[run[0]].node]
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            while start > node.start and not src[start - 1].isspace():
                start -= 1
            while end < node.end and not src[end].isspace():
                end += 1
            spans.append((start, end))
            run = []
        run.append(i)
    return spans


def _title_span(src: str, tokens: list[_Token], title: str) -> list[int]:
    """The tokens of the headline in the source: a visible heading first, else the <title> element."""
    wanted = [m.group().casefold() for m in _WORD.finditer(title)]
    if not wanted:
        return []
    words = [src[t.start : t.end].casefold() for t in tokens]
    for in_title in (False, True):
        for i in range(len(words) - len(wanted) + 1):
            if tokens[i].in_title == in_title and words[i : i + len(wanted)] == wanted:
                return list(range(i, i + len(wanted)))
    return []


@dataclass(slots=True)
class _Extracted:
    text: str = ""
    title: str | None = None
    url: str | None = None
    date: str | None = None


def _extract(src: str) -> _Extracted:
    """Trafilatura's article text, headline, URL and original date (empty when it finds no article)."""
    try:
        found = trafilatura.bare_extraction(
            src,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # trafilatura fails on some malformed pages; treat as no article found
        return _Extracted()
    if found is None:
        return _Extracted()
    return _Extracted(found.text or "", found.title, found.url, found.date)


def extract_text(src: str) -> str:
    """The article text of an HTML page as plain text (for JSONL lines that give only `html`)."""
    return _extract(src).text or html_to_text(src)


def _meta_date(src: str) -> str | None:
    """The page's original publication date from its metadata (never the crawl date)."""
    try:
        return find_date(src, **_DATE_PARAMS)
    except Exception:  # htmldate on malformed markup: the date is optional
        return None


def html_document(doc_id: str, src: str, source: str) -> Document:
    """A Document whose text is the HTML source, with body and title segments over its text nodes."""
    doc = Document(id=doc_id, text=src, source=source)
    nodes = list(scan(src))
    tokens = _tokens(nodes)
    found = _extract(src)
    title = found.title
    picked = _aligned(src, tokens, found.text) if found.text else set()
    if not picked:
        picked = {i for i, t in enumerate(tokens) if not t.in_title}
        if picked:
            doc.warnings.append(f"{source}: no article found by the extractor; all visible text kept")
    if title is None:
        title = " ".join("".join(n.value for n in nodes if n.in_title and n.kind != "break").split()) or None
    title_tokens = _title_span(src, tokens, title) if title else []
    picked.difference_update(title_tokens)  # the extractor may give the headline as the first line
    doc.segments = [Segment(s, e, "title") for s, e in _spans(src, nodes, tokens, title_tokens)]
    doc.segments += [Segment(s, e, "body") for s, e in _spans(src, nodes, tokens, sorted(picked))]
    doc.segments.sort(key=lambda s: s.start)
    # trafilatura ran htmldate with the same settings already, unless it found no article
    doc.title, doc.url, doc.meta_date = title, found.url, found.date if found.text else _meta_date(src)
    return doc


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start."""
    m = _CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii") if m else None


def read_html(path: Path, max_bytes: int) -> list[Document]:
    """One HTML page as one article."""
    loaded = load_bytes(path, max_bytes)
    if loaded.error:
        return [error_doc(path, loaded.error)]
    decoded = decode_bytes(loaded.raw, str(path), declared=declared_charset(loaded.raw))
    doc = html_document(path.stem, decoded.text, str(path))
    doc.warnings[:0] = decoded.warnings
    if not doc.body():
        return [error_doc(path, f"{path}: no text in the HTML page")]
    return [doc]
