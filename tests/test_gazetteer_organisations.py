"""The shipped list of international bodies, state bodies and companies (`organisations_world.jsonl`)."""

import re

import pytest

from coopwatch.entities.base import Recognizer
from coopwatch.gazetteer import DATA_DIR, LANGS, Gazetteer
from tests.conftest import assert_names_in_every_language, gazetteer_finds, jsonl_rows

WORLD = DATA_DIR / "organisations_world.jsonl"


@pytest.mark.parametrize(
    ("record_id", "cases"),
    [
        (
            "org:iaea",
            [
                ("An IAEA mission visited the plant in Oskemen in May.", "en", "IAEA"),
                ("Делегация МАГАТЭ прибыла в Астану.", "ru", "МАГАТЭ"),
                ("МАГАТЭ-нің сарапшылары зауытта болды.", "kk", "МАГАТЭ"),
                ("Атом энергиясы жөніндегі халықаралық агенттіктің миссиясы келді.", "kk",
                 "Атом энергиясы жөніндегі халықаралық агенттіктің"),
                ("Эксперты Международного агентства по атомной энергии прибыли.", "ru",
                 "Международного агентства по атомной энергии"),
            ],
        ),
        (
            "org:un-security-council",
            [
                ("The UN Security Council met in New York on Monday.", "en", "UN Security Council"),
                ("Вопрос обсудили на заседании Совета Безопасности ООН.", "ru", "Совета Безопасности ООН"),
                ("Қазақстан БҰҰ Қауіпсіздік Кеңесінің отырысында сөз сөйледі.", "kk", "БҰҰ Қауіпсіздік Кеңесінің"),
            ],
        ),
        (
            "org:eib",
            [
                ("The European Investment Bank signed a loan agreement.", "en", "European Investment Bank"),
                ("Европейский инвестиционный банк выделит кредит на дорогу.", "ru", "Европейский инвестиционный банк"),
                ("Еуропалық инвестициялық банкпен келісім жасалды.", "kk", "Еуропалық инвестициялық банкпен"),
            ],
        ),
        (
            "org:kz-atomic-energy-agency",
            [
                ("The Atomic Energy Agency of Kazakhstan announced the tender.", "en",
                 "Atomic Energy Agency of Kazakhstan"),
                ("Агентство по атомной энергии Республики Казахстан подписало меморандум.", "ru",
                 "Агентство по атомной энергии Республики Казахстан"),
                ("Атом энергиясы жөніндегі агенттік жобаны таныстырды.", "kk", "Атом энергиясы жөніндегі агенттік"),
            ],
        ),
        (
            "org:eec",
            [
                ("The Eurasian Economic Commission published its report.", "en", "Eurasian Economic Commission"),
                ("Решение приняла коллегия Евразийской экономической комиссии.", "ru",
                 "Евразийской экономической комиссии"),
                ("Еуразиялық экономикалық комиссияның алқасы шешім қабылдады.", "kk",
                 "Еуразиялық экономикалық комиссияның"),
            ],
        ),
        (
            "org:kz-senate",
            [
                ("The Senate of Kazakhstan ratified the agreement.", "en", "Senate of Kazakhstan"),
                ("Сенат Парламента РК ратифицировал соглашение.", "ru", "Сенат Парламента РК"),
                ("Парламент Сенаты келісімді ратификациялады.", "kk", "Парламент Сенаты"),
            ],
        ),
        (
            "org:ru-presidential-administration",
            [
                ("The Kremlin confirmed the visit.", "en", "Kremlin"),
                ("Переговоры прошли в Кремле.", "ru", "Кремле"),
                ("Кремльде келіссөздер өтті.", "kk", "Кремльде"),
            ],
        ),
        (
            "org:uz-mfa",
            [
                ("The Uzbek Foreign Ministry announced the visit.", "en", "Uzbek Foreign Ministry"),
                ("МИД Узбекистана сообщил о визите.", "ru", "МИД Узбекистана"),
                ("Өзбекстан Сыртқы істер министрлігінің өкілі брифинг өткізді.", "kk",
                 "Өзбекстан Сыртқы істер министрлігінің"),
            ],
        ),
    ],
)  # fmt: skip
def test_an_organisation_is_found_in_three_languages_as_one_record(
    recognizers: dict[str, list[Recognizer]], record_id: str, cases: list[tuple[str, str, str]]
) -> None:
    found = {gazetteer_finds(recognizers, text, lang, "ORG").get(mention) for text, lang, mention in cases}
    assert found == {record_id}


@pytest.mark.parametrize(
    ("text", "lang", "mention", "record_id"),
    [
        ("Samsung и Hyundai открывают в Алматы новые заводы.", "ru", "Hyundai", "org:hyundai"),
        ("Нацбанк РК сохранил базовую ставку.", "ru", "Нацбанк РК", "org:nbk"),
        ("Қазақстан Ұлттық банкі базалық мөлшерлемені сақтады.", "kk", "Қазақстан Ұлттық банкі", "org:nbk"),
        ("БҰҰ Даму бағдарламасының өкілімен кездесу өтті.", "kk", "БҰҰ Даму бағдарламасының", "org:undp"),
        ("Представители ПРООН посетили область.", "ru", "ПРООН", "org:undp"),
        ("Ислам ынтымақтастығы ұйымының саммиті басталды.", "kk", "Ислам ынтымақтастығы ұйымының", "org:oic"),
        ("Госдума ратифицировала соглашение.", "ru", "Госдума", "org:state-duma"),
        ("холдинг «Байтерек» сообщил о новой программе.", "ru", "холдинг «Байтерек»", "org:baiterek"),
        ("Reuters reported that Shell and Eni agreed.", "en", "Eni", "org:eni"),
        ("Аралды құтқарудың халықаралық қорының отырысы өтті.", "kk", "Аралды құтқарудың халықаралық қорының",
         "org:ifas"),
        ("OPEC Plus agreed to extend the cuts.", "en", "OPEC Plus", "org:opec-plus"),
    ],
)  # fmt: skip
def test_other_organisations(
    recognizers: dict[str, list[Recognizer]], text: str, lang: str, mention: str, record_id: str
) -> None:
    assert gazetteer_finds(recognizers, text, lang, "ORG").get(mention) == record_id


def test_the_kazakh_word_for_news_is_not_the_khabar_agency(recognizers: dict[str, list[Recognizer]]) -> None:
    assert "org:khabar" not in gazetteer_finds(recognizers, "Бұл хабар тез тарады.", "kk", "ORG").values()
    found = gazetteer_finds(recognizers, "Бұл туралы «Хабар» агенттігі хабарлады.", "kk", "ORG")
    assert found.get("«Хабар» агенттігі") == "org:khabar"


def test_same_organisation_by_any_script(gaz: Gazetteer) -> None:
    names = ("European Investment Bank", "Европейский инвестиционный банк", "ЕИБ", "EIB")
    assert {rec.id for n in names if (rec := gaz.lookup(n, "ORG"))} == {"org:eib"}


def test_every_line_is_an_organisation_in_three_languages(gaz: Gazetteer) -> None:
    rows = jsonl_rows(WORLD)
    assert 120 <= len(rows) <= 200
    codes = {r.country for r in gaz.records.values() if r.country}
    for row in rows:
        assert set(row) <= {"id", "type", "name", "region", "aliases"}, row
        assert row["type"] == "ORG", row
        assert re.fullmatch(r"org:[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]), row
        assert "region" not in row or row["region"] in codes, row
        assert_names_in_every_language(row, LANGS)


def test_ids_unique_and_new() -> None:
    rows = jsonl_rows(WORLD)
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    others = [r for p in sorted(DATA_DIR.glob("*.jsonl")) if p != WORLD for r in jsonl_rows(p)]
    assert not set(ids) & {r["id"] for r in others}
    assert not {r["name"] for r in rows} & {r["name"] for r in others}


def test_every_name_finds_its_own_record_alone(gaz: Gazetteer) -> None:
    """No name shares its cross-script key with another record, so `lookup` is never ambiguous."""
    for row in jsonl_rows(WORLD):
        for names in row["aliases"].values():
            for name in names:
                rec = gaz.lookup(name)
                assert rec is not None and rec.id == row["id"], (row["id"], name)


def test_national_bodies_keep_their_country(gaz: Gazetteer) -> None:
    assert gaz["org:nbk"].region == "KZ"
    assert gaz["org:rosneft"].region == "RU"
    assert gaz["org:iaea"].region is None
    assert gaz["org:nbk"].adds_country is None
