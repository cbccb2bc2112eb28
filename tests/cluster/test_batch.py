from __future__ import annotations

from coopwatch.cluster import assign_clusters
from coopwatch.model import Document, Entity, Figure, Mention, Segment


def article(doc_id: str, text: str, entity_ids: list[str], date: str | None = "2025-03-14") -> Document:
    entities = [
        Entity(e, "PER" if e.startswith("person:") else "ORG", e, [Mention(0, 1, text[:1])])
        for e in entity_ids
    ]
    return Document(
        id=doc_id,
        text=text,
        date=date,
        segments=[Segment(0, len(text), "body")],
        entities=entities,
        lang="en",
    )


def test_the_same_visit_in_two_languages_is_one_cluster() -> None:
    en = article(
        "en",
        "Tokayev met Merz in Berlin; Siemens Energy signed.",
        ["person:tokayev", "person:merz", "org:siemens"],
    )
    kk = article("kk", "Тоқаев Берлинде Мерцпен кездесті.", ["person:tokayev", "person:merz", "org:siemens"])
    other = article("ru", "Аким встретился с послом.", ["person:akim", "person:ambassador"])
    assign_clusters([en, kk, other])
    assert en.cluster == kk.cluster == "c1"
    assert other.cluster == "c2"


def test_one_shared_name_is_not_enough() -> None:
    a = article("a", "Tokayev met the French minister.", ["person:tokayev", "person:barrot"])
    b = article("b", "Tokayev opened a school in Aktobe.", ["person:tokayev", "org:school-12"])
    assign_clusters([a, b])
    assert a.cluster != b.cluster


def test_reports_far_apart_in_time_are_different_events() -> None:
    ids = ["person:tokayev", "person:putin", "org:rosatom"]
    a = article("a", "Talks on the nuclear plant.", ids, date="2025-01-10")
    b = article("b", "Talks on the nuclear plant.", ids, date="2025-06-10")
    assign_clusters([a, b])
    assert a.cluster != b.cluster


def test_a_copy_on_another_site_joins_its_original() -> None:
    body = (
        "The regional governor met a delegation of Chinese investors and discussed a grain processing plant, "
        "a new logistics hub near the border crossing and flights between the two cities. "
    ) * 3
    a = article("a", body, [])
    b = article("b", "Read also: " + body + " Subscribe to our channel.", [])
    c = article(
        "c", "A new hospital opened in Shymkent with three hundred beds and a telemedicine centre.", []
    )
    assign_clusters([a, b, c])
    assert a.cluster == b.cluster != c.cluster


def test_shared_figures_count_as_evidence() -> None:
    a = article("a", "Turnover reached 4.2 billion.", ["org:kazatomprom"])
    b = article("b", "Тауар айналымы 4,2 млрд.", ["org:kazatomprom"])
    for doc in (a, b):
        doc.figures = [Figure("trade_turnover", 4.2e9, "USD", "2023", "4.2", 0, 1)]
    assign_clusters([a, b])
    assert a.cluster == b.cluster


def test_failed_inputs_get_no_cluster() -> None:
    bad = Document(id="bad", text="", error="bad.txt: empty file")
    good = article("good", "A meeting in Astana.", [])
    assign_clusters([bad, good])
    assert bad.cluster is None and good.cluster == "c1"
