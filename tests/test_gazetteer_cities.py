"""The shipped list of world capitals and major cities (`cities.jsonl`)."""

import re

import pytest

from coopwatch.entities.base import Recognizer
from coopwatch.gazetteer import DATA_DIR, LANGS, Gazetteer, read_records
from tests.conftest import assert_names_in_every_language, gazetteer_finds, jsonl_rows

CITIES = DATA_DIR / "cities.jsonl"
PLACES = DATA_DIR / "places.jsonl"


@pytest.mark.parametrize(
    ("record_id", "cases"),
    [
        (
            "city:washington",
            [
                ("The two ministers will sign the roadmap in Washington next month.", "en", "Washington"),
                ("Переговоры министров пройдут в Вашингтоне в начале декабря.", "ru", "Вашингтоне"),
                ("Екі елдің сыртқы істер министрлері Вашингтонда кездесті.", "kk", "Вашингтонда"),
            ],
        ),
        (
            "city:geneva",
            [
                ("A new round of consultations opened in Geneva on Monday.", "en", "Geneva"),
                ("Делегация Казахстана провела в Женеве ряд встреч.", "ru", "Женеве"),
                ("Қазақстан делегациясы Женевада бірқатар кездесу өткізді.", "kk", "Женевада"),
            ],
        ),
        (
            "city:new-york",
            [
                ("The foreign minister arrived in New York for the General Assembly.", "en", "New York"),
                ("Министр иностранных дел прибыл в Нью-Йорк на сессию.", "ru", "Нью-Йорк"),
                ("Сыртқы істер министрі Нью-Йорк қаласына барды.", "kk", "Нью-Йорк"),
            ],
        ),
    ],
)
def test_a_city_is_found_in_three_languages_as_one_record(
    recognizers: dict[str, list[Recognizer]], record_id: str, cases: list[tuple[str, str, str]]
) -> None:
    found = {gazetteer_finds(recognizers, text, lang, "GPE").get(mention) for text, lang, mention in cases}
    assert found == {record_id}


@pytest.mark.parametrize(
    ("text", "lang", "mention", "record_id"),
    [
        ("Саммит глав государств прошёл в Самарканде.", "ru", "Самарканде", "city:samarkand"),
        ("Делегация побывала в Урумчи и Шанхае.", "ru", "Шанхае", "city:shanghai"),
        ("Кездесу Үрімжіде өтті.", "kk", "Үрімжіде", "city:urumqi"),
        ("Орынбор облысымен байланыс нығайып келеді.", "kk", "Орынбор", "city:orenburg"),
        ("The forum met in Davos in January.", "en", "Davos", "city:davos"),
    ],
)
def test_other_cities(
    recognizers: dict[str, list[Recognizer]], text: str, lang: str, mention: str, record_id: str
) -> None:
    assert gazetteer_finds(recognizers, text, lang, "GPE").get(mention) == record_id


def test_cities_add_no_country_and_keep_their_region(gaz: Gazetteer) -> None:
    assert gaz["city:washington"].region == "US"
    assert gaz["city:geneva"].region == "CH"
    assert gaz["city:washington"].adds_country is None


def test_every_line_is_a_city_in_three_languages(gaz: Gazetteer) -> None:
    rows = jsonl_rows(CITIES)
    assert 250 <= len(rows) <= 320
    codes = {r.country for r in gaz.records.values() if r.country}
    for row in rows:
        assert set(row) == {"id", "type", "name", "region", "aliases"}, row
        assert row["type"] == "GPE", row
        assert re.fullmatch(r"city:[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]), row
        assert re.fullmatch(r"[A-Z]{2}", row["region"]) and row["region"] in codes, row
        assert set(row["aliases"]) == set(LANGS), row
        assert_names_in_every_language(row, LANGS)


def test_ids_unique_and_new() -> None:
    ids = [r["id"] for r in jsonl_rows(CITIES)]
    assert len(set(ids)) == len(ids)
    others = {r.id for p in DATA_DIR.glob("*.jsonl") if p != CITIES for r in read_records(p)}
    assert not set(ids) & others
    assert not set(ids) & {r["id"] for r in jsonl_rows(PLACES)}


def test_no_alias_is_another_records_name() -> None:
    """A city name that is also a country's, a person's or another city's name would make both ambiguous."""
    owners: dict[str, set[str]] = {}
    for path in DATA_DIR.glob("*.jsonl"):
        for rec in read_records(path):
            for table in (rec.aliases, rec.adjectives, rec.demonyms, {"_": [rec.name]}):
                for names in table.values():
                    for n in names:
                        owners.setdefault(n.casefold(), set()).add(rec.id)
    clashes = {
        n: owners[n.casefold()]
        for row in jsonl_rows(CITIES)
        for names in row["aliases"].values()
        for n in names
        if len(owners[n.casefold()]) > 1
    }
    assert not clashes


def test_no_city_is_a_known_persons_surname(gaz: Gazetteer) -> None:
    """Checked against every person's surnames before the gazetteer drops the ones that clash."""
    surnames = set()
    for rec in gaz.records.values():
        if rec.type == "PER":
            table = rec.surnames or {
                lang: [n.split()[-1] for n in ns if " " in n] for lang, ns in rec.aliases.items()
            }
            surnames |= {n.casefold() for ns in table.values() for n in ns}
    names = {n.casefold() for row in jsonl_rows(CITIES) for ns in row["aliases"].values() for n in ns}
    assert not surnames & names


def test_countries_keep_their_names(gaz: Gazetteer, recognizers: dict[str, list[Recognizer]]) -> None:
    """Capitals named like their country are left out: Brazil is not Brasília, Tunisia not Tunis."""
    assert (rec := gaz.lookup("Бразилия")) is not None and rec.id == "country:BR"
    assert (
        gazetteer_finds(recognizers, "Делегация Бразилии прибыла в Астану.", "ru", "GPE").get("Бразилии")
        == "country:BR"
    )
    assert gaz.lookup("Тунис", "GPE").id == "country:TN"  # type: ignore[union-attr]
