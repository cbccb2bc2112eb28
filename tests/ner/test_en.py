import pytest

pytest.importorskip("spacy")

from coopwatch.gazetteer import Gazetteer
from coopwatch.ner.en import EnglishRecognizer


@pytest.fixture(scope="module")
def rec() -> EnglishRecognizer:
    return EnglishRecognizer(Gazetteer.load())


CASES = [
    ("The French ambassador Didier Canesse met students.", {("Didier Canesse", "PER"), ("French", "GPE")}),
    ("Turkic languages share roots.", set()),
    ("A new hotel will open in Burabay district next year.", set()),
    ("Cultural Cooperation And Humanitarian Ties", set()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_english_spans(rec: EnglishRecognizer, text: str, expected: set) -> None:
    spans = rec.recognize(text)
    got = {(text[s.start : s.end], s.type) for s in spans if s.type in ("PER", "ORG", "GPE")}
    assert expected <= got
    assert all(t != "ORG" for _, t in got - expected)


def test_the_and_possessive_are_trimmed(rec: EnglishRecognizer) -> None:
    text = "The United Nations' envoy met the European Bank for Reconstruction and Development's chief."
    names = {text[s.start : s.end] for s in rec.recognize(text)}
    assert not any(n.startswith("the ") or n.endswith(("'s", "'")) for n in names)


def test_lone_word_person_needs_a_title(rec: EnglishRecognizer) -> None:
    assert [
        s.name for s in rec.recognize("Helicopter bases in Zaysan were proposed.") if s.type == "PER"
    ] == []
    assert [s.name for s in rec.recognize("Governor Zhumabekov spoke.") if s.type == "PER"] == ["Zhumabekov"]


def test_no_span_crosses_a_line_break(rec: EnglishRecognizer) -> None:
    text = "Akorda\nAidos Zhumabekov met the delegation.\nAstana Hub"
    assert all("\n" not in text[s.start : s.end] for s in rec.recognize(text))
