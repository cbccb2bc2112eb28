"""Export: JSON Lines and CSV that read back to exactly the articles written."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from coopwatch.export import CSV_COLUMNS, write_csv, write_jsonl
from coopwatch.model import Document, Entity, Figure, Mention

TEXT = "Тоқаев Франция Президентімен кездесті. Тауар айналымы 4,2 млрд АҚШ долларына жетті."


def analysed() -> Document:
    fig = TEXT.index("4,2")
    return Document(
        id="kk-001",
        text=TEXT,
        title='Тоқаев пен Макрон: "жаңа кезең"',
        url="https://example.kz/a?b=1,2",
        lang="kk",
        date="2025-10-10",
        entities=[
            Entity("person:kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev", [Mention(0, 6, "Тоқаев")]),
            Entity("country:FR", "GPE", "France", [Mention(7, 14, "Франция")], country="FR"),
            Entity("person:kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev", []),
        ],
        countries=["FR", "KZ"],
        partners=[("FR", "KZ")],
        sectors=["trade", "nuclear"],
        figures=[
            Figure("trade_turnover", 4.2e9, "USD", "2023", "4,2 млрд АҚШ долларына", fig, fig + 22),
            Figure("companies", 12, None, None, "12", 0, 2),
            Figure("growth", 1.5, None, None, "1,5", 0, 3),
        ],
        cluster="c3",
    )


def test_jsonl_is_the_contract_line_plus_text() -> None:
    out = io.StringIO()
    assert write_jsonl([analysed(), Document(id="bad", text="", error="empty input")], out) == 2
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == {**analysed().as_dict(), "text": TEXT}
    assert first["figures"][0]["value"] == 4200000000
    assert second == {"id": "bad", "source": "", "error": "empty input", "text": ""}
    assert "Тоқаев" in out.getvalue()  # written as UTF-8 letters, not \\u escapes


def test_csv_has_one_row_per_article_with_lists_joined() -> None:
    out = io.StringIO(newline="")
    assert write_csv([analysed()], out) == 1
    header, row = csv.reader(io.StringIO(out.getvalue(), newline=""))
    assert tuple(header) == CSV_COLUMNS
    record = dict(zip(header, row, strict=True))
    assert record["countries"] == "FR; KZ"
    assert record["partners"] == "FR-KZ"
    assert record["sectors"] == "trade; nuclear"
    assert record["entities"] == "Kassym-Jomart Tokayev; France"  # each name once
    assert record["figures"] == "trade_turnover 4200000000 USD 2023; companies 12; growth 1.5"
    assert record["title"] == 'Тоқаев пен Макрон: "жаңа кезең"'
    assert (record["cluster"], record["text"], record["error"]) == ("c3", TEXT, "")


def test_csv_keeps_failed_articles_with_their_reason() -> None:
    out = io.StringIO(newline="")
    write_csv([Document(id="broken", text="", error="cannot decode bytes")], out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert (row["id"], row["lang"], row["error"]) == ("broken", "", "cannot decode bytes")


TRICKY = list("әғқңөұүһіӘҒҚҢӨҰҮҺІ\"'«»,;\\\n\r\t\x0b\x0c\x1b\x1c\x1e\x7f\x85\u2028\u2029😀🇰🇿")
CHARS = st.one_of(
    st.sampled_from(TRICKY),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
)
DOCS = st.lists(
    st.builds(
        Document,
        id=st.text(CHARS, min_size=1, max_size=20),
        text=st.text(CHARS, max_size=200),
        title=st.none() | st.text(CHARS, max_size=60),
    ),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(DOCS)
def test_jsonl_round_trips_any_text(docs: list[Document]) -> None:
    out = io.StringIO()
    assert write_jsonl(docs, out) == len(docs)
    lines = out.getvalue().splitlines()  # the strictest splitter: \u2028, \x85, \x1c... all break lines
    assert len(lines) == len(docs)
    back = [json.loads(line) for line in lines]
    assert [(d["id"], d["title"], d["text"]) for d in back] == [(d.id, d.title, d.text) for d in docs]


@settings(max_examples=200, deadline=None)
@given(DOCS)
def test_csv_round_trips_any_text(docs: list[Document]) -> None:
    out = io.StringIO(newline="")
    assert write_csv(docs, out) == len(docs)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [(r["id"], r["title"], r["text"]) for r in rows] == [(d.id, d.title or "", d.text) for d in docs]
