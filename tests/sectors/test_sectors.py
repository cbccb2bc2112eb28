from __future__ import annotations

import pytest

from coopwatch.model import Document, Entity, Figure, Mention, Segment
from coopwatch.sectors import LEXICONS, SECTORS, SectorTagger, sector_sentences


def make_doc(text: str, lang: str, entities: list[Entity] | None = None) -> Document:
    return Document(id="t", text=text, lang=lang, segments=[Segment(0, len(text))], entities=entities or [])


def tag(text: str, lang: str) -> list[str]:
    return SectorTagger()(make_doc(text, lang)).sectors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Тараптар ядролық энергетика саласындағы ынтымақтастықты талқылады.", ["nuclear"]),
        ("Уран өндіру бойынша бірлескен жоба жүзеге асырылады.", ["nuclear"]),
        ("Тараптар мұнай және газ жеткізу мәселелерін талқылады.", ["oil_gas"]),
        ("Туристік кластерді дамыту және қонақ үйлер салу жоспарланған.", ["tourism"]),
        ("Денсаулық сақтау және білім беру салаларындағы ынтымақтастық талқыланды.",
         ["education_science", "healthcare"]),
        ("Ауыз сумен жабдықтау жобасына француз инвестициясы тартылады.", ["investment_finance", "water"]),
        ("Тараптар сирек жер металдарын өңдеу саласындағы жобаларды қарастырды.", ["mining_metals"]),
        # in passing: no cue, named once
        ("Кездесуден кейін қонақтар газет оқыды.", []),
        ("Делегация мүшелері су ішіп, демалды.", []),
        ("Сурет: облыс әкімдігінің баспасөз қызметі.", []),
    ],
)  # fmt: skip
def test_kazakh(text: str, expected: list[str]) -> None:
    assert tag(text, "kk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Стороны обсудили сотрудничество в атомной сфере и поставки урана.", ["nuclear"]),
        ("Подписано соглашение о строительстве нефтепровода и газификации региона.", ["oil_gas"]),
        ("Рассмотрены проекты в сфере водоснабжения и очистки воды.", ["water"]),
        ("Стороны договорились развивать туризм и открыть новые отели.", ["tourism"]),
        ("Обсуждалось сотрудничество с Медицинским университетом Караганды.", ["education_science"]),
        ("Планируется открыть IT-хаб и развивать цифровизацию.", ["digital_it"]),
        ("В фокусе – энергетика, медицина, сельское хозяйство.",
         ["agriculture_food", "healthcare", "power_energy"]),
        # in passing
        ("Об этом сообщает газета «Новости».", []),
        ("Посол прибыл на транспорте посольства.", []),
        ("Область ввозит лекарства и посуду.", []),
    ],
)  # fmt: skip
def test_russian(text: str, expected: list[str]) -> None:
    assert tag(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sides discussed cooperation in nuclear energy and uranium supplies.", ["nuclear"]),
        ("They agreed to expand railway transit along the Middle Corridor.", ["transport_logistics"]),
        ("Plans include joint projects in renewable energy and green hydrogen.", ["renewables_climate"]),
        ("The IT sector offers broad opportunities for joint startups.", ["digital_it"]),
        ("Cooperation in creative industries and sports will expand.", ["culture_sport"]),
        ("The ministers discussed food security and grain exports.", ["agriculture_food", "trade"]),
        # in passing, or look-alikes
        ("Photo credit: the governor's press office.", []),
        ("Police began an investigation after the general assembly.", []),
        ("It is important that it was raining.", []),
        ("The ambassador, a former oil engineer, thanked the hosts.", []),
    ],
)  # fmt: skip
def test_english(text: str, expected: list[str]) -> None:
    assert tag(text, "en") == expected


def test_named_in_two_sentences_counts_without_a_cue() -> None:
    text = "Oil prices rose this week. Oil output also grew."
    assert tag(text, "en") == ["oil_gas"]


def test_organisation_names_are_not_sector_evidence() -> None:
    text = "The ambassador met the rector of Astana Medical University to discuss cooperation."
    start = text.index("Astana")
    org = Entity(
        "org:amu", "ORG", "Astana Medical University", [Mention(start, start + 25, text[start : start + 25])]
    )
    doc = SectorTagger()(make_doc(text, "en", [org]))
    assert doc.sectors == []


def test_sector_sentences_gives_spans_and_ids() -> None:
    text = "Talks covered aviation. Weather was fine."
    doc = make_doc(text, "en")
    assert sector_sentences(doc) == [(0, 23, ["aviation_space"]), (24, 41, [])]


def test_boilerplate_is_never_read() -> None:
    text = "Cooperation in tourism was discussed.\nRead more: oil, gas, banks, hospitals and cooperation."
    doc = Document(
        id="t", text=text, lang="en", segments=[Segment(0, 37), Segment(38, len(text), "boilerplate")]
    )
    assert SectorTagger()(doc).sectors == ["tourism"]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_language_covers_every_sector(lang: str) -> None:
    assert {s for _, s in LEXICONS[lang].entries} - {None} == set(SECTORS)


def test_a_stated_trade_or_investment_figure_counts_as_its_sector() -> None:
    text = "Показатель за год составил 30 млн долларов."
    doc = Document(id="t", text=text, lang="ru", segments=[Segment(0, len(text), "body")])
    doc.figures = [Figure("investment", 3e7, "USD", None, "30 млн долларов", 27, 42)]
    assert SectorTagger()(doc).sectors == ["investment_finance"]
    doc.figures = [Figure("companies", 30, None, None, "30", 27, 29)]
    assert SectorTagger()(doc).sectors == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Тараптар американдық локомотивтерді сатып алу туралы келісімге қол қойды.", "kk"),
        ("Стороны подписали соглашение о закупке американских локомотивов.", "ru"),
        ("The sides signed an agreement to purchase US locomotives.", "en"),
    ],
)
def test_buying_goods_from_a_partner_is_trade(text: str, lang: str) -> None:
    assert "trade" in tag(text, lang)
