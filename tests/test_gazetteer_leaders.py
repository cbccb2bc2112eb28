"""The shipped list of heads of state, heads of government and foreign ministers (`leaders.jsonl`)."""

import re

import pytest

from coopwatch.entities.base import Recognizer
from coopwatch.gazetteer import DATA_DIR, LANGS, Gazetteer
from tests.conftest import assert_names_in_every_language, gazetteer_finds, jsonl_rows

LEADERS = DATA_DIR / "leaders.jsonl"
PEOPLE = DATA_DIR / "people.jsonl"


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        ("Frank-Walter Steinmeier will open the forum in Astana.", "en", "Frank-Walter Steinmeier"),
        (
            "В Астане Токаев встретился с Франком-Вальтером Штайнмайером.",
            "ru",
            "Франком-Вальтером Штайнмайером",
        ),
        ("Астанада Франк-Вальтер Штайнмайермен келіссөз өтті.", "kk", "Франк-Вальтер Штайнмайермен"),
    ],
)
def test_steinmeier_in_three_languages(
    recognizers: dict[str, list[Recognizer]], text: str, lang: str, mention: str
) -> None:
    assert gazetteer_finds(recognizers, text, lang, "PER").get(mention) == "person:frank-walter-steinmeier"


@pytest.mark.parametrize(
    ("text", "lang", "mention", "record_id"),
    [
        ("Tamim bin Hamad Al Thani arrives on Tuesday.", "en", "Tamim bin Hamad Al Thani", "person:tamim-bin-hamad-al-thani"),
        ("Тамим бин Хамад Әл Тани Астанаға келді.", "kk", "Тамим бин Хамад Әл Тани", "person:tamim-bin-hamad-al-thani"),
        ("Асқар Маминнің сапары басталды.", "kk", "Асқар Маминнің", "person:askar-mamin"),
        ("Реджеп Тайип Эрдоган и Мевлют Чавушоглу прибыли.", "ru", "Мевлют Чавушоглу", "person:mevlut-cavusoglu"),
        ("Mevlut Cavusoglu and Ilham Aliyev met.", "en", "Mevlut Cavusoglu", "person:mevlut-cavusoglu"),
    ],
)  # fmt: skip
def test_other_leaders(
    recognizers: dict[str, list[Recognizer]], text: str, lang: str, mention: str, record_id: str
) -> None:
    assert gazetteer_finds(recognizers, text, lang, "PER").get(mention) == record_id


def test_same_person_by_any_script(gaz: Gazetteer) -> None:
    names = ("Frank-Walter Steinmeier", "Франк-Вальтер Штайнмайер")
    assert {rec.id for n in names if (rec := gaz.lookup(n, "PER"))} == {"person:frank-walter-steinmeier"}


def test_every_line_is_a_person_in_three_languages() -> None:
    rows = jsonl_rows(LEADERS)
    assert 150 <= len(rows) <= 250
    for row in rows:
        assert row["type"] == "PER", row
        assert re.fullmatch(r"person:[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]), row
        assert "region" not in row or re.fullmatch(r"[A-Z]{2}", row["region"]), row
        assert_names_in_every_language(row, LANGS)


def test_ids_unique_and_new() -> None:
    rows, people = jsonl_rows(LEADERS), jsonl_rows(PEOPLE)
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & {p["id"] for p in people}
    assert not {r["name"] for r in rows} & {p["name"] for p in people}


def test_loaded_with_people(gaz: Gazetteer) -> None:
    assert gaz["person:frank-walter-steinmeier"].region == "DE"
    assert gaz["person:kassym-jomart-tokayev"].region == "KZ"
    assert gaz["person:kaja-kallas"].region is None


def test_the_kazakh_press_spelling_of_qatar_is_found_and_the_word_row_is_not(
    recognizers: dict[str, list[Recognizer]],
) -> None:
    def places(text: str) -> set[str]:
        return set(gazetteer_finds(recognizers, text, "kk", "GPE").values())

    assert "country:QA" in places("Президент Қатар Әмірімен Астанада кездесті.")
    assert "country:QA" not in places("Екі ел бір-бірімен қатар дамып келеді.")
