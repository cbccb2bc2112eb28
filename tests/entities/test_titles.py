"""Ministries named through a minister's title, in Kazakh, Russian and English."""

import pytest

from coopwatch.entities import EntityRecognizer
from coopwatch.entities.titles import MinistryTitleRecognizer
from coopwatch.gazetteer import Gazetteer

from .conftest import analyse, found


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


CASES = [
    ("kk", "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Роман Василенко сөз сөйледі.",
     "Қазақстан Республикасы Сыртқы істер министрінің", "org:kz-mfa"),
    ("ru", "Заместитель министра иностранных дел Казахстана Роман Василенко выступил.",
     "министра иностранных дел Казахстана", "org:kz-mfa"),
    ("ru", "Министр энергетики Республики Казахстан открыл форум.",
     "Министр энергетики Республики Казахстан", "org:kz-energy-ministry"),
    ("en", "Kazakh Foreign Minister Yermek Kosherbayev met the delegation.", "Kazakh Foreign Minister", "org:kz-mfa"),
    ("en", "The Deputy Minister of Foreign Affairs of Kazakhstan spoke.",
     "Minister of Foreign Affairs of Kazakhstan", "org:kz-mfa"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "mention", "org"), CASES)
def test_a_title_names_its_ministry(
    gazetteer: Gazetteer, lang: str, text: str, mention: str, org: str
) -> None:
    spans = MinistryTitleRecognizer(gazetteer, lang).recognize(text, offset=5)
    assert [(text[s.start - 5 : s.end - 5], s.id, s.type) for s in spans] == [(mention, org, "ORG")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("kk", "Сыртқы істер министрі Ермек Көшербаев сөйледі."),  # no country: which ministry is not said
     ("kk", "Премьер-министр Олжас Бектенов кездесу өткізді."),
     ("en", "Prime Minister Olzhas Bektenov held talks."),
     ("ru", "Министр туризма Италии посетил Алматы.")],  # a ministry the gazetteer does not list
)  # fmt: skip
def test_a_title_without_a_known_ministry_adds_nothing(gazetteer: Gazetteer, lang: str, text: str) -> None:
    assert MinistryTitleRecognizer(gazetteer, lang).recognize(text) == []


def test_the_ministry_joins_the_articles_organisations(stage: EntityRecognizer) -> None:
    doc = analyse(
        stage, "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Роман Василенко келді.", "kk"
    )
    assert ("org:kz-mfa", "Қазақстан Республикасы Сыртқы істер министрінің") in found(doc)
    assert "person:roman-vassilenko" in {e.id for e in doc.entities}
    assert "KZ" in doc.countries
