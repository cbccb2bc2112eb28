"""HTML pages: the source is the text, and segments cover exactly the article's words in it."""

from __future__ import annotations

import html as htmllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopwatch.model import Document
from coopwatch.readers import read_file
from coopwatch.readers.html import html_to_text, scan

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title} &mdash; Sayt</title>
<meta property="article:published_time" content="2025-04-28T10:00:00+05:00">
<link rel="canonical" href="https://news.example.kz/a/1">
<script>var banner = "<p>{nav}</p>";</script><style>p {{ color: red }}</style></head>
<body><header><nav><a href="/">{nav}</a> | <a href="/news">{nav}</a></nav></header>
<!-- <p>{nav}</p> -->
<main><article><h1>{title}</h1>
{paragraphs}
</article></main>
<aside><h3>{nav}</h3><ul><li><a href="/b">{nav}</a></li></ul></aside>
<footer><p>&copy; 2025 {footer}</p></footer></body></html>
"""

CASES = {
    "ru": dict(
        title="Казахстан и Франция обсудили энергетику",
        paragraphs=[
            "Аким области провёл встречу с Послом Франции в&nbsp;Казахстане. Стороны обсудили "
            "сотрудничество в сфере энергетики, образования и туризма, а также подготовку визита.",
            "По словам посла, товарооборот за 2024 год составил 4,2 млрд долларов США, а компании "
            "&laquo;Total&raquo; &amp; &quot;Air Liquide&quot; готовы расширить присутствие в регионе.",
        ],
        nav="Главная страница",
        footer="Все права защищены",
    ),
    "kk": dict(
        title="Қазақстан мен Франция энергетиканы талқылады",
        paragraphs=[
            "Облыс әкімі Францияның Қазақстандағы елшісімен кездесті. Тараптар энергетика, білім беру "
            "және туризм салаларындағы ынтымақтастықты, сондай-ақ сапардың дайындығын талқылады.",
            "Елшінің айтуынша, 2024 жылы екі ел арасындағы тауар айналымы 4,2 млрд АҚШ долларын "
            "құрады, ал француз компаниялары өңірдегі жобаларын кеңейтуге дайын.",
        ],
        nav="Басты бет",
        footer="Барлық құқықтар қорғалған",
    ),
    "en": dict(
        title="Kazakhstan and France discuss energy",
        paragraphs=[
            "The regional governor met the French Ambassador to Kazakhstan on Monday. The sides "
            "discussed cooperation in energy, education and tourism as well as an upcoming visit.",
            "According to the ambassador, trade between the two countries reached $4.2 billion in "
            "2024, and French companies such as Total &amp; Air Liquide plan to expand in the region.",
        ],
        nav="Home page",
        footer="All rights reserved",
    ),
}


def _page(lang: str, charset: str = "utf-8") -> str:
    case = CASES[lang]
    paragraphs = "\n".join(f"<p>{p}</p>" for p in case["paragraphs"])
    return PAGE.format(
        charset=charset, paragraphs=paragraphs, **{k: case[k] for k in ("title", "nav", "footer")}
    )


def _read(tmp_path: Path, source: str | bytes, name: str = "page.html") -> Document:
    path = tmp_path / name
    path.write_bytes(source.encode("utf-8") if isinstance(source, str) else source)
    [doc] = read_file(path)
    return doc


def _body(doc: Document) -> str:
    return " ".join(doc.text[s.start : s.end] for s in doc.segments if s.kind == "body")


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_segments_cover_the_article_and_nothing_else(tmp_path: Path, lang: str) -> None:
    source = _page(lang)
    doc = _read(tmp_path, source)
    case = CASES[lang]
    assert doc.error is None and doc.text == source
    assert all(a.end <= b.start for a, b in zip(doc.segments, doc.segments[1:], strict=False))
    for seg in doc.segments:
        piece = doc.text[seg.start : seg.end]
        assert piece == piece.strip() and piece and not {"<", ">", "&"} & set(piece)
    body = _body(doc)
    assert case["paragraphs"][0].split(". ", 1)[1] in body
    assert case["footer"] not in body and case["nav"] not in body and "color" not in body
    titles = [doc.text[s.start : s.end] for s in doc.segments if s.kind == "title"]
    assert titles == [case["title"]] and doc.title == case["title"]
    assert (doc.meta_date, doc.url) == ("2025-04-28", "https://news.example.kz/a/1")


def test_character_references_split_segments(tmp_path: Path) -> None:
    doc = _read(tmp_path, _page("ru"))
    pieces = [doc.text[s.start : s.end] for s in doc.segments if s.kind == "body"]
    assert "Total" in pieces and "Air Liquide" in pieces
    assert any(p.endswith("Послом Франции в") for p in pieces)
    assert any(p.startswith("Казахстане.") for p in pieces)


def test_declared_cp1251_page(tmp_path: Path) -> None:
    source = _page("ru", charset="windows-1251")
    doc = _read(tmp_path, source.encode("cp1251"))
    assert doc.text == source and doc.warnings == []
    assert "товарооборот за 2024 год" in _body(doc)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "<html><body><article><h1>Визит</h1><p>Глава региона встретился с послом Франции. "
            "Стороны обсудили вопросы энергетики и образования, торговли и ",
            "Стороны обсудили вопросы энергетики и образования, торговли и",
        ),
        (
            "<html><body><p>Тараптар энергетика және білім беру салаларындағы ынтымақтастықты талқылады.</p><p cla",
            "Тараптар энергетика және білім беру салаларындағы ынтымақтастықты талқылады.",
        ),
    ],
)
def test_truncated_page_keeps_what_is_there(tmp_path: Path, source: str, expected: str) -> None:
    doc = _read(tmp_path, source)
    assert doc.error is None
    assert expected in _body(doc)


@pytest.mark.parametrize(
    "source",
    [
        "<html><head><script>var a = 1;</script></head><body></body></html>",
        "<html><body><!-- только комментарий --><img src='a.png'></body></html>",
    ],
)
def test_page_without_text_is_an_error(tmp_path: Path, source: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(source, encoding="utf-8")
    [doc] = read_file(path)
    assert doc.error == f"{path}: no text in the HTML page"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Астана&nbsp;&#8212; столица</p><p>Казахстана</p>", "Астана — столица\nКазахстана"),
        ("Тоқаев <b>Парижге</b> барды<br>Сапар &#x2116;2", "Тоқаев Парижге барды\nСапар №2"),
        ("<script>alert('x')</script>Trade &amp; investment", "Trade & investment"),
    ],
)
def test_html_to_text(source: str, expected: str) -> None:
    assert html_to_text(source) == expected


def test_scan_skips_markup_inside_attributes() -> None:
    nodes = [n.value for n in scan('<a title="x > y">Ақорда</a>') if n.kind == "text"]
    assert nodes == ["Ақорда"]


def test_short_page_the_extractor_skips_keeps_visible_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<div>Аким встретился с послом Франции.</div>", name="short.htm")
    assert doc.error is None and doc.id == "short"
    assert _body(doc) == "Аким встретился с послом Франции."
    assert doc.warnings == [
        f"{tmp_path / 'short.htm'}: no article found by the extractor; all visible text kept"
    ]


_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі" + "ӘҒҚҢӨҰҮҺІ" + "Paris &<>\"' 0123.,;:!?«»—-"


@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=200))
def test_scan_round_trips_escaped_text(text: str) -> None:
    source = f"<html><body><p class='a'>{htmllib.escape(text)}</p><script>x = '{text}'</script></body></html>"
    nodes = [n for n in scan(source) if n.kind in ("text", "ref")]
    assert "".join(n.value for n in nodes) == text
    assert all(source[n.start : n.end] == n.value for n in nodes if n.kind == "text")
