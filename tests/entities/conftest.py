import pytest

from coopwatch.entities import EntityRecognizer
from coopwatch.model import Document, Segment


@pytest.fixture(scope="session")
def stage() -> EntityRecognizer:
    return EntityRecognizer()


def analyse(stage: EntityRecognizer, text: str, lang: str) -> Document:
    """One-line article with one body segment, through the stage."""
    return stage(Document(id="t", text=text, lang=lang, segments=[Segment(0, len(text))]))


def found(doc: Document) -> set[tuple[str, str]]:
    """(entity id, mention text) pairs, checking every offset on the way."""
    out = set()
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text
            out.add((e.id, m.text))
    return out
