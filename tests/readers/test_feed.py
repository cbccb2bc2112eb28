"""RSS and Atom feeds: each entry is an article with text stripped of HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch.readers import read_file
from coopwatch.readers.feed import entry_id

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Жаңалықтар</title><link>https://example.kz</link>
<item><title>Тоқаев Францияға сапар жасады</title><link>https://example.kz/kk/1</link>
<guid>https://example.kz/kk/1</guid><pubDate>Fri, 10 Oct 2025 09:30:00 +0500</pubDate>
<description><![CDATA[<p>Президент Париждегі келіссөздерде <b>энергетика</b> мәселесін талқылады.</p>]]></description></item>
<item><title>Токаев посетил Францию</title><link>https://example.kz/ru/1</link>
<description>&lt;p&gt;Стороны обсудили энергетику &amp;amp; транспорт.&lt;/p&gt;</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>urn:news</id><updated>2025-10-11T00:00:00Z</updated>
<entry><title>Tokayev visits France</title><id>urn:news:1</id><link href="https://example.kz/en/1"/>
<published>2025-10-10T08:00:00Z</published>
<content type="html">&lt;p&gt;The sides discussed energy and &lt;i&gt;transport&lt;/i&gt;.&lt;/p&gt;</content></entry>
</feed>
"""


def _read(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_file(path)


def test_rss_entries_are_articles(tmp_path: Path) -> None:
    kk, ru = _read(tmp_path, "news.rss", RSS)
    assert (
        kk.text
        == "Тоқаев Францияға сапар жасады\n\nПрезидент Париждегі келіссөздерде энергетика мәселесін талқылады."
    )
    assert ru.text == "Токаев посетил Францию\n\nСтороны обсудили энергетику & транспорт."
    assert (kk.id, ru.id) == (entry_id("news", 1, "https://example.kz/kk/1"), "news-2")
    assert (kk.url, kk.meta_date, kk.title) == (
        "https://example.kz/kk/1",
        "2025-10-10",
        "Тоқаев Францияға сапар жасады",
    )
    assert ru.meta_date is None and ru.source == f"{tmp_path / 'news.rss'}#2"
    assert kk.error is None and kk.segments == []


def test_atom_entry(tmp_path: Path) -> None:
    [en] = _read(tmp_path, "feed.atom", ATOM)
    assert en.text == "Tokayev visits France\n\nThe sides discussed energy and transport."
    assert (en.url, en.meta_date) == ("https://example.kz/en/1", "2025-10-10")


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    first = [d.id for d in _read(tmp_path, "a.xml", RSS)]
    assert first == [d.id for d in _read(tmp_path, "a.xml", RSS)]
    assert len(set(first)) == 2 and all(i.startswith("a-") for i in first)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Это не XML, а просто текст про визит.", "not an RSS/Atom feed"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Бос</title></channel></rss>', "feed has no entries"),
        ('<?xml version="1.0"?><urlset><url><loc>https://example.kz</loc></url></urlset>', "feed has no entries"),
    ],
)  # fmt: skip
def test_bad_feeds(tmp_path: Path, text: str, message: str) -> None:
    [doc] = _read(tmp_path, "bad.xml", text)
    assert doc.error is not None and doc.error.startswith(f"{tmp_path / 'bad.xml'}: {message}")
    assert "\n" not in doc.error
