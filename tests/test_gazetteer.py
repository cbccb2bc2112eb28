import json
from pathlib import Path

import pytest

from coopwatch.gazetteer import Gazetteer, GazetteerError, read_records


def test_every_country_has_three_languages(gaz: Gazetteer) -> None:
    countries = [r for r in gaz.records.values() if r.id.startswith("country:")]
    assert len(countries) >= 240
    assert all(r.aliases.get("en") for r in countries)
    # Russian «Того» is also a pronoun ("of that"); CLDR's names of BQ are lists ("Бонэйр, Синт-Эстатиус и Саба")
    assert {r.country for r in countries if not r.aliases.get("ru")} == {"TG", "BQ"}
    assert {r.country for r in countries if not r.aliases.get("kk")} == {"BQ"}


@pytest.mark.parametrize(
    ("record_id", "lang", "form"),
    [
        ("country:US", "kk", "АҚШ"),
        ("country:US", "ru", "США"),
        ("country:RU", "kk", "Ресей"),
        ("country:CN", "ru", "КНР"),
        ("country:GB", "en", "Britain"),
        ("country:FR", "en", "France"),
    ],
)
def test_country_forms(gaz: Gazetteer, record_id: str, lang: str, form: str) -> None:
    assert form in gaz[record_id].aliases[lang]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Тоқаев", None), ("Касым-Жомарт Токаев", "person:kassym-jomart-tokayev"), ("Франция", "country:FR")],
)
def test_lookup_by_name_in_any_script(gaz: Gazetteer, text: str, expected: str | None) -> None:
    rec = gaz.lookup(text)
    assert (rec.id if rec else None) == expected


def test_cities_add_no_country_regions_add_kz(gaz: Gazetteer) -> None:
    assert gaz["city:paris"].adds_country is None
    assert gaz["city:astana"].adds_country is None
    assert gaz["region:kz-east-kazakhstan"].adds_country == "KZ"
    assert gaz["country:FR"].adds_country == "FR"


def test_lone_surnames_are_indexed(gaz: Gazetteer) -> None:
    surnames = {s.text for s in gaz.surfaces(("ru",)) if s.kind == "surname"}
    assert {"Токаев", "Путин", "Касымбек"} <= surnames


def test_user_file_adds_and_extends(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    rows = [
        {
            "id": "org:kazakh-tourism",
            "type": "ORG",
            "name": "Kazakh Tourism",
            "aliases": {"en": ["Kazakh Tourism"]},
        },
        {"id": "country:FR", "type": "GPE", "name": "France", "aliases": {"en": ["Hexagon"]}},
    ]
    extra.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gaz = Gazetteer.load([extra])
    assert gaz["org:kazakh-tourism"].name == "Kazakh Tourism"
    assert "Hexagon" in gaz["country:FR"].aliases["en"]
    assert "France" in gaz["country:FR"].aliases["en"]
    assert "Hexagon" not in Gazetteer.load()["country:FR"].aliases["en"]


def test_bad_record_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.jsonl:1"):
        read_records(bad)
