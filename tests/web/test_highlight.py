"""Highlighted text: every span at its offsets, markup always escaped, the text itself unchanged."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from coopwatch.model import Document, Entity, Event, Figure, Mention
from coopwatch.web.highlight import highlight

TAG = re.compile(r"<[^>]+>")


def visible(markup: str) -> str:
    """The text a browser shows for our markup (our tags never carry text of their own)."""
    return html.unescape(TAG.sub("", markup))


def test_spans_are_marked_at_their_offsets() -> None:
    text = "Тоқаев met Merz; trade reached $3.1 billion."
    doc = Document(
        id="a",
        text=text,
        entities=[Entity("person:tokayev", "PER", "Tokayev", [Mention(0, 6, "Тоқаев")])],
        figures=[Figure("trade_turnover", 3.1e9, "USD", "2024", "$3.1 billion", 31, 43)],
        events=[Event("meeting", text[:16], 0, 16)],
    )
    out = str(highlight(doc))
    assert '<a class="hl hl-entity" href="/entities/person:tokayev"' in out
    assert re.search(r'class="hl hl-figure"[^>]*>\$3\.1 billion</a>', out)
    assert out.count('data-span="event-0"') == 2  # the event's two pieces: the entity and the rest
    assert 'href="/figures?indicator=trade_turnover&amp;article=a"' in out
    assert visible(out) == text


def test_markup_in_the_text_is_shown_not_run() -> None:
    text = 'A <script>alert(1)</script> and <b onmouseover="x">b</b>'
    doc = Document(id="x", text=text, entities=[Entity("e:1", "ORG", "S", [Mention(2, 10, "<script>")])])
    out = str(highlight(doc))
    assert "<script" not in out and "<b " not in out
    assert "&lt;script&gt;" in out
    assert visible(out) == text


def test_spans_outside_the_text_are_dropped() -> None:
    doc = Document(id="x", text="short", entities=[Entity("e:1", "ORG", "S", [Mention(3, 99, "rt")])])
    assert str(highlight(doc)) == "short"


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet="аәғқңөұүһі <>&\"'x\n", max_size=60))
    n = len(text)
    pos = st.integers(0, n)
    spans = [tuple(sorted(draw(st.tuples(pos, pos)))) for _ in range(draw(st.integers(0, 6)))]
    ents = [Entity(f"e:{i}", "ORG", "N", [Mention(a, b, text[a:b])]) for i, (a, b) in enumerate(spans[:3])]
    evs = [Event("meeting", text[a:b], a, b) for a, b in spans[3:]]
    return Document(id="p", text=text, entities=ents, events=evs)


@given(documents())
def test_any_text_round_trips(doc: Document) -> None:
    out = str(highlight(doc))
    assert visible(out) == doc.text
    depth = 0
    for tag in TAG.findall(out):  # links never nest (browsers would break them apart)
        depth += 1 if tag.startswith("<a ") else -1 if tag == "</a>" else 0
        assert depth in (0, 1)
    assert depth == 0
