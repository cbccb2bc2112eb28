"""Numbered schools: one English name in every language, offsets on the words that say it."""

import pytest

from coopwatch.entities import EntityRecognizer
from coopwatch.entities.numbered import NumberedInstitutionRecognizer

from .conftest import analyse, found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ученики гимназии № 97 поехали в Лион.", "ru", {("org:gimnasium-no-97", "гимназии № 97")}),
        ("В средней школе №5 открыли класс.", "ru", {("org:scol-no-5", "школе №5")}),
        ("Делегация посетила школу-лицей № 12.", "ru", {("org:scol-liceum-no-12", "школу-лицей № 12")}),
        ("№97 гимназия оқушылары Лионға барды.", "kk", {("org:gimnasium-no-97", "№97 гимназия")}),
        ("№ 12 мектеп-лицейінде сабақ өтті.", "kk", {("org:scol-liceum-no-12", "№ 12 мектеп-лицейінде")}),
        ("Pupils of School No. 5 visited Lyon.", "en", {("org:scol-no-5", "School No. 5")}),
    ],
)  # fmt: skip
def test_numbered_schools_are_organisations(
    stage: EntityRecognizer, text: str, lang: str, expected: set
) -> None:
    doc = analyse(stage, text, lang)
    assert {x for x in found(doc) if x[0].startswith("org:")} >= expected


def test_one_name_across_languages(stage: EntityRecognizer) -> None:
    names = {
        e.name
        for text, lang in [("гимназия № 97", "ru"), ("№ 97 гимназияда", "kk"), ("Gymnasium No. 97", "en")]
        for e in analyse(stage, text, lang).entities
    }
    assert names == {"Gymnasium No. 97"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Приказ № 97 подписан министром.", "ru"),
        ("Школьники 5 классов победили.", "ru"),
        ("Article No. 5 of the treaty applies.", "en"),
        ("№ 5 бұйрық шықты.", "kk"),
    ],
)
def test_other_numbers_are_not_schools(text: str, lang: str) -> None:
    assert NumberedInstitutionRecognizer(lang).recognize(text) == []


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no numbered-institution pattern"):
        NumberedInstitutionRecognizer("fr")
