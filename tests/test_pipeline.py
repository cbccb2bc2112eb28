"""The pipeline end to end on short articles we wrote, one per language."""

from __future__ import annotations

from dataclasses import fields
from typing import ClassVar

import pytest

from coopwatch.model import Document
from coopwatch.pipeline import Pipeline

ARTICLES = {
    "kk": (
        "Астана, 2025 жылғы 12 наурыз. Қазақстан Республикасының Премьер-Министрі Олжас Бектенов "
        "Өзбекстан делегациясымен кездесті. Тараптар көлік-логистика және энергетика саласындағы "
        "ынтымақтастықты талқылады. 2024 жылы екі ел арасындағы тауар айналымы 4,4 млрд АҚШ долларын құрады."
    ),
    "ru": (
        "Астана, 12 марта 2025 года. Премьер-министр Казахстана Олжас Бектенов встретился с делегацией "
        "Узбекистана. Стороны обсудили сотрудничество в сфере транспорта и энергетики. В 2024 году "
        "товарооборот между странами составил 4,4 млрд долларов США."
    ),
    "en": (
        "ASTANA, 12 March 2025. Kazakh Prime Minister Olzhas Bektenov met a delegation from Uzbekistan. "
        "The sides discussed cooperation in transport and energy. Trade between the two countries "
        "reached $4.4 billion in 2024."
    ),
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_each_language_is_understood_alike(pipeline: Pipeline, lang: str) -> None:
    doc = pipeline.analyze(Document(id=lang, text=ARTICLES[lang]))
    assert doc.error is None
    assert doc.lang == lang
    assert doc.date == "2025-03-12"
    assert {"KZ", "UZ"} <= set(doc.countries)
    assert ("KZ", "UZ") in doc.partners
    assert "person:olzhas-bektenov" in {e.id for e in doc.entities}
    assert any(
        f.indicator == "trade_turnover" and f.value == 4.4e9 and f.period == "2024" for f in doc.figures
    )
    assert "transport_logistics" in doc.sectors
    assert any(e.type == "meeting" for e in doc.events)


def test_the_three_reports_are_one_story(pipeline: Pipeline) -> None:
    docs = pipeline.analyze_all(Document(id=lang, text=text) for lang, text in ARTICLES.items())
    assert len({d.cluster for d in docs}) == 1


def test_a_foreign_name_is_spelt_one_way_across_the_batch(pipeline: Pipeline) -> None:
    """An unknown ambassador keeps the English article's spelling in the Russian report of the same visit."""
    docs = pipeline.analyze_all(
        [
            Document(id="en", text="Ambassador Monika Iwersen visited Ust-Kamenogorsk on Monday."),
            Document(id="ru", text="Посол Моника Иверсен посетила Усть-Каменогорск в понедельник."),
        ]
    )
    people = [{(e.id, e.name) for e in d.entities if e.type == "PER"} for d in docs]
    assert people[0] == people[1] == {("person:monika-iversen", "Monika Iwersen")}


def test_every_stage_declares_fields_of_the_document(pipeline: Pipeline) -> None:
    names = {f.name for f in fields(Document)}
    for stage in pipeline.stages:
        assert stage.assigns and set(stage.assigns) <= names, type(stage).__name__


class Broken:
    assigns: ClassVar[tuple[str, ...]] = ("sectors",)

    def __call__(self, doc: Document) -> Document:
        raise ValueError("lexicon missing")


def test_a_failing_stage_marks_the_article_and_spares_the_batch(pipeline: Pipeline) -> None:
    broken = Pipeline(stages=[*pipeline.stages[:2], Broken()])
    docs = broken.analyze_all([Document(id="a", text=ARTICLES["en"], source="in/a.txt")])
    assert docs[0].error == "in/a.txt: Broken failed: lexicon missing"
