import pytest

from coopwatch.entities import EntityRecognizer

from .conftest import analyse, found

CASES = [
    ("France's ambassador met the governor.", {("country:FR", "France")}, ["FR"]),
    ("The French side proposed joint projects.", {("country:FR", "French")}, ["FR"]),
    ("Kazakhs and Russians celebrated together.", {("country:KZ", "Kazakhs"), ("country:RU", "Russians")},
     ["KZ", "RU"]),
    ("Kassym-Jomart Tokayev met Xi Jinping in Astana.", {("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev"),
                                                        ("person:xi-jinping", "Xi Jinping"),
                                                        ("city:astana", "Astana")}, []),
    ("The USA and the UK joined the talks.", {("country:US", "USA"), ("country:GB", "UK")}, ["GB", "US"]),
    ("North Korean officials declined.", {("country:KP", "North Korean")}, ["KP"]),
    ("Trade reached 2 billion US dollars.", {("country:US", "US")}, []),
    ("Turkic languages share roots.", set(), []),
    ("The SCO and the EU issued statements.", {("org:sco", "SCO"), ("org:eu", "EU")}, []),
    ("Let us cooperate.", set(), []),
    ("The East Kazakhstan region signed a deal with Rosatom.",
     {("region:kz-east-kazakhstan", "East Kazakhstan region"), ("org:rosatom", "Rosatom")}, ["KZ"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "countries"), CASES)
def test_english_names(stage: EntityRecognizer, text: str, expected: set, countries: list) -> None:
    doc = analyse(stage, text, "en")
    assert found(doc) == expected
    assert doc.countries == countries
