from __future__ import annotations

from coopwatch.model import Document, Entity, Event, Figure, Mention, Segment


def analysed_document() -> Document:
    text = "Тоқаев Францияға барды. Тауар айналымы 4,2 млрд. АҚШ долл. құрады."
    return Document(
        id="kk-1",
        text=text,
        lang="kk",
        date="2025-10-10",
        segments=[Segment(0, len(text), "body")],
        entities=[
            Entity("person:kassym-jomart-tokayev", "PER", "Kassym-Jomart Tokayev", [Mention(0, 6, "Тоқаев")]),
            Entity("country:FR", "GPE", "France", [Mention(7, 16, "Францияға")], country="FR"),
        ],
        countries=["FR", "KZ"],
        partners=[("FR", "KZ")],
        sectors=["trade"],
        figures=[Figure("trade_turnover", 4.2e9, "USD", "2023", "4,2 млрд. АҚШ долл.", 39, 58)],
        events=[
            Event("visit", text[:23], 0, 23, "2025-10-10", ["person:kassym-jomart-tokayev"], ["FR", "KZ"])
        ],
        cluster="c1",
    )


def test_contract_line_has_every_field_of_the_contract() -> None:
    line = analysed_document().as_dict()
    for key in (
        "id",
        "lang",
        "date",
        "title",
        "entities",
        "countries",
        "partners",
        "sectors",
        "figures",
        "events",
    ):
        assert key in line
    assert line["figures"][0]["value"] == 4_200_000_000
    assert line["partners"] == [["FR", "KZ"]]
    assert line["entities"][1]["country"] == "FR"


def test_every_span_points_at_its_text() -> None:
    doc = analysed_document()
    for entity in doc.entities:
        for m in entity.mentions:
            assert doc.text[m.start : m.end] == m.text
    for f in doc.figures:
        assert doc.text[f.start : f.end] == f.text


def test_round_trip_through_the_contract_line() -> None:
    doc = analysed_document()
    back = Document.from_dict(doc.as_dict(), text=doc.text)
    assert back.as_dict() == doc.as_dict()


def test_an_error_line_names_only_the_problem() -> None:
    line = Document(id="broken", text="", source="in/broken.txt", error="in/broken.txt: empty file").as_dict()
    assert line == {"id": "broken", "source": "in/broken.txt", "error": "in/broken.txt: empty file"}


def test_body_skips_boilerplate() -> None:
    text = "Menu Home News\nThe ministers met in Astana."
    doc = Document(
        id="d", text=text, segments=[Segment(0, 14, "boilerplate"), Segment(15, len(text), "body")]
    )
    assert doc.body_text() == "The ministers met in Astana."
