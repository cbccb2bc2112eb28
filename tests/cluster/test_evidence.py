from __future__ import annotations

import pytest

from coopwatch.cluster.evidence import numbers, skeleton


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("turnover of 4.2 billion", "n:4.2"),
        ("айналымы 4,2 млрд", "n:4.2"),
        ("1 000 tonnes", "n:1000"),
        ("1,000 tonnes", "n:1000"),
        ("832 people", "n:832"),
    ],
)
def test_numbers_are_one_key_in_every_writing_style(text: str, key: str) -> None:
    assert key in numbers(text)


def test_single_digits_are_not_keys() -> None:
    assert numbers("3 ministers met") == set()


@pytest.mark.parametrize("word", ["Trump", "Трамп", "Трамптың", "Трампа"])
def test_a_name_has_one_skeleton_in_every_script_and_case(word: str) -> None:
    assert skeleton(word) == "trmp"


def test_different_names_have_different_skeletons() -> None:
    assert skeleton("Sturridge") != skeleton("Shaqiri")


def test_the_outlet_that_carries_a_report_is_no_evidence_of_its_event() -> None:
    from coopwatch.cluster.evidence import record_of
    from coopwatch.model import Document, Entity, Mention, Segment

    text = "Павлодар облысы Омбы облысымен меморандумға қол қойды, деп хабарлайды BAQ.KZ. Orano да келді."
    start, orano = text.index("BAQ"), text.index("Orano")
    doc = Document(
        id="d", text=text, lang="kk", segments=[Segment(0, len(text), "body")],
        entities=[
            Entity("org:baq", "ORG", "BAQ", [Mention(start, start + 3, "BAQ")]),
            Entity("org:orano", "ORG", "Orano", [Mention(orano, orano + 5, "Orano")]),
        ],
    )  # fmt: skip
    strong = record_of(doc).strong
    assert "e:org:orano" in strong and "e:org:baq" not in strong
