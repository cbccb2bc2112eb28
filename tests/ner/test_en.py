import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

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


class _Ent(NamedTuple):
    start_char: int
    end_char: int
    label_: str


class _Doc(NamedTuple):
    text: str
    ents: list[_Ent]


class FakeNlp:
    """Tags fixed strings wherever they occur, to test what the wrapper does with a model's spans."""

    def __init__(self, *spans: tuple[str, str]) -> None:
        self.spans = spans

    def pipe(self, texts: Iterable[str]) -> Iterator[_Doc]:
        for text in texts:
            ents: list[_Ent] = []
            for surface, label in self.spans:
                for m in re.finditer(re.escape(surface), text):
                    if not any(e.start_char < m.end() and m.start() < e.end_char for e in ents):
                        ents.append(_Ent(m.start(), m.end(), label))
            yield _Doc(text, sorted(ents))


TRIMS = [
    ("Aliya Sadykova 12-3-40-1 took two wickets.", ("Aliya Sadykova 12-3-40-1", "PERSON"), "Aliya Sadykova"),
    ("Kairat Almaty 2-0 won the final.", ("Kairat Almaty 2-0", "ORG"), "Kairat Almaty"),
    ("She works for Channel 4 in London.", ("Channel 4", "ORG"), "Channel 4"),
    ("The Eurasian Development Bank ( EDB ) lent more.", ("Eurasian Development Bank ( EDB", "ORG"),
     "Eurasian Development Bank"),
    ("a report by the Energy Ministry 's experts", ("the Energy Ministry 's", "ORG"), "Energy Ministry"),
    ("Kazinform news agency reported the visit.", ("Kazinform news agency", "ORG"), "Kazinform"),
    ("-- Aliya Sadykova , Astana desk", ("-- Aliya Sadykova", "PERSON"), "Aliya Sadykova"),
    ("Talks were held in The Hague on Monday.", ("The Hague", "GPE"), "The Hague"),
    ("The Hague hosted the talks.", ("The Hague", "GPE"), "Hague"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "name"), TRIMS)
def test_spans_are_cut_to_the_name(text: str, span: tuple[str, str], name: str) -> None:
    rec = EnglishRecognizer(Gazetteer.load(), nlp=FakeNlp(span))
    assert [text[s.start : s.end] for s in rec.recognize(text)] == [name]


def test_a_line_in_capitals_gives_its_places_only() -> None:
    text = "KAZAKHSTAN SIGNS DEAL WITH AIDOS BEKOV\nAidos Bekov met the press in Astana."
    nlp = FakeNlp(("Kazakhstan", "GPE"), ("Aidos Bekov", "PERSON"), ("Signs Deal", "ORG"), ("Astana", "GPE"))
    spans = EnglishRecognizer(Gazetteer.load(), nlp=nlp).recognize(text, offset=10)
    assert [(text[s.start - 10 : s.end - 10], s.type) for s in spans] == [
        ("KAZAKHSTAN", "GPE"),
        ("Aidos Bekov", "PER"),
        ("Astana", "GPE"),
    ]


def test_a_name_keeps_one_sense_in_a_text() -> None:
    text = "Helen Morgan opened the plant. Morgan said it would hire locals. Jordan and Morgan spoke."
    nlp = FakeNlp(("Helen Morgan", "PERSON"), ("Morgan", "ORG"), ("Jordan", "GPE"))
    spans = EnglishRecognizer(Gazetteer.load(), nlp=nlp).recognize(text)
    assert [(text[s.start : s.end], s.type) for s in spans] == [
        ("Helen Morgan", "PER"),
        ("Morgan", "PER"),
        ("Jordan", "GPE"),
        ("Morgan", "PER"),
    ]


def test_adjectives_are_country_mentions_of_their_own_kind(rec: EnglishRecognizer) -> None:
    text = "The French side proposed a new route."
    assert [(text[s.start : s.end], s.type, s.kind) for s in rec.recognize(text)] == [
        ("French", "GPE", "adjective")
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [("Ambassador Jovanovic met the akim of Almaty.", "Jovanovic"),
     ("The minister thanked Kuznetsov, who led the talks.", "Kuznetsov"),
     ("Helen Morgan opened the plant. Morgan said it would employ 300 people.", "Morgan")],
)  # fmt: skip
def test_lone_surnames_with_a_cue_are_people(rec: EnglishRecognizer, text: str, person: str) -> None:
    assert person in [text[s.start : s.end] for s in rec.recognize(text) if s.type == "PER"]


def test_pieces_through_one_pipe_equal_one_by_one(rec: EnglishRecognizer) -> None:
    """An article's paragraphs share one spaCy `pipe` and keep the spans of one-by-one calls."""
    title = "Kazakhstan and France sign a uranium deal"
    body = "President Kassym-Jomart Tokayev met Emmanuel Macron in Paris.\nOrano will invest in Kazakhstan."
    pieces = [(title, 0), ("", len(title) + 1), (body, len(title) + 2)]
    together = rec.recognize_pieces(pieces)
    assert together == [s for text, offset in pieces for s in rec.recognize(text, offset)]
    doc = title + "\n\n" + body
    assert {"Emmanuel Macron", "Paris"} <= {doc[s.start : s.end] for s in together}


def test_a_title_is_no_organisation(rec: EnglishRecognizer) -> None:
    text = "Prime Minister Olzhas Bektenov met a delegation led by Minister of Trade, Industry and Energy Ahn Duk-geun."
    assert not [text[s.start : s.end] for s in rec.recognize(text) if s.type == "ORG"]


def test_the_person_a_university_is_named_after_is_no_participant(rec: EnglishRecognizer) -> None:
    text = "Engineers will train at the East Kazakhstan Technical University named after D. Serikbayev."
    assert not [s for s in rec.recognize(text) if s.type == "PER"]


def test_a_treaty_is_no_organisation(rec: EnglishRecognizer) -> None:
    text = "The leaders signed a Treaty on Allied Relations and a Memorandum on water."
    assert not [text[s.start : s.end] for s in rec.recognize(text) if s.type == "ORG"]
