"""Property tests: any Unicode text and title survive the store unchanged, and adding is idempotent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coopwatch.model import Document, Entity, Mention
from coopwatch.store import SQLiteStore

# Kazakh letters, emoji, quotes, line breaks and control characters (never NUL), then anything else.
TRICKY = list("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ\"'«»“”`\\\n\r\t\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b😀🇰🇿👍🏽")
CHARS = st.one_of(
    st.sampled_from(TRICKY),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
)
TEXT = st.text(CHARS, min_size=1, max_size=300)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """An article with arbitrary text and title and one mention pointing into the text."""
    text = draw(TEXT)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return Document(
        id=draw(st.text(CHARS, min_size=1, max_size=20)),
        text=text,
        title=draw(st.none() | TEXT),
        lang=draw(st.sampled_from(["kk", "ru", "en", "und"])),
        entities=[Entity("org:x", "ORG", draw(TEXT), [Mention(start, end, text[start:end])])],
    )


@settings(max_examples=200, deadline=None)
@given(documents())
def test_text_and_analysis_round_trip_unchanged(doc: Document) -> None:
    with SQLiteStore(":memory:") as store:
        assert store.add(doc).stored
        assert store.get(doc.id) == doc
        assert list(store.iter_documents()) == [doc]


@settings(max_examples=100, deadline=None)
@given(documents(), st.text(CHARS, min_size=1, max_size=20))
def test_adding_the_same_text_twice_keeps_the_count(doc: Document, other_id: str) -> None:
    with SQLiteStore(":memory:") as store:
        store.add(doc)
        again = store.add(Document(id=other_id, text=doc.text, lang="ru"))
        assert not again.stored and again.id == doc.id
        assert store.count() == 1


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=8))
def test_each_distinct_text_is_stored_once(texts: list[str]) -> None:
    with SQLiteStore(":memory:") as store:
        results = store.add_many(Document(id="same-id", text=t) for t in texts)
        assert store.count() == len(set(texts))
        assert len({r.id for r in results if r.stored}) == len(set(texts))
        assert sorted(d.text for d in store.iter_documents()) == sorted(set(texts))
