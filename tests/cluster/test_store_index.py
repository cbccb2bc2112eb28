"""Clustering against the knowledge base: articles of different ingests share a cluster."""

from __future__ import annotations

import json

from coopwatch.cluster import cluster_into_store
from coopwatch.cluster.explain import cluster_view
from coopwatch.model import Document, Entity, Mention, Segment
from coopwatch.store import SQLiteStore


def article(doc_id: str, text: str, ids: list[str], lang: str, date: str = "2025-10-10") -> Document:
    entities = [
        Entity(e, "PER" if e.startswith("person:") else "ORG", e, [Mention(0, 1, text[:1])]) for e in ids
    ]
    return Document(
        id=doc_id, text=text, lang=lang, date=date, url=f"https://{lang}.example.kz/{doc_id}",
        segments=[Segment(0, len(text), "body")], entities=entities,
    )  # fmt: skip


VISIT = ["person:tokayev", "person:macron", "org:orano"]


def ingest(store: SQLiteStore, docs: list[Document]) -> None:
    cluster_into_store(docs, store, embedder=None)
    for doc in docs:
        store.add(doc)


def test_a_later_ingest_joins_the_stored_cluster_and_says_why() -> None:
    store = SQLiteStore(":memory:")
    en = article("visit-en", "Tokayev met Macron in Paris; Orano will supply uranium.", VISIT, "en")
    other = article("school-en", "A school opened in Aktobe.", ["org:school-12"], "en")
    ingest(store, [en, other])
    kk = article("visit-kk", "Тоқаев Парижде Макронмен кездесті, Orano уран жеткізеді.", VISIT, "kk")
    ingest(store, [kk])
    assert kk.cluster == en.cluster != other.cluster
    stored = store.get("visit-en")
    assert stored is not None and stored.cluster == en.cluster
    members = store.cluster_members(en.cluster or "")
    assert [(m.lang, m.id) for m in members] == [("en", "visit-en"), ("kk", "visit-kk")]
    (link,) = store.cluster_links(en.cluster or "")
    detail = json.loads(link.detail)
    assert link.rule == "signature" and "date" in detail["agreed"]
    assert "e:person:macron" in [key for key, _ in detail["keys"]] and detail["probability"] >= 0.45
    assert cluster_view(store, en.cluster or "") is not None
    assert cluster_view(store, "c-none") is None


def test_the_same_text_again_keeps_its_cluster_and_adds_nothing() -> None:
    store = SQLiteStore(":memory:")
    en = article("visit-en", "Tokayev met Macron in Paris.", VISIT, "en")
    ingest(store, [en])
    again = article("visit-en-copy", "Tokayev met Macron in Paris.", VISIT, "en")
    ingest(store, [again])
    assert again.cluster == en.cluster
    assert store.cluster_size(en.cluster or "") == 1


def test_an_article_that_names_two_stories_does_not_merge_them() -> None:
    # A report that mentions both a visit and an unrelated deal fits each on its own; the visit
    # and the deal share nothing, so their clusters stay apart (one bridge is how stories chain).
    store = SQLiteStore(":memory:")
    visit, deal = ["person:tokayev", "person:macron"], ["person:sadykov", "org:kazatomprom"]
    first = [
        article("a1", "Tokayev and Macron met.", visit, "en"),
        article("a2", "Тоқаев пен Макрон кездесті.", visit, "kk"),
        article("b1", "Orano and Kazatomprom signed.", deal, "en"),
        article("b2", "Орано и Казатомпром подписали.", deal, "ru"),
    ]
    ingest(store, first)
    assert first[0].cluster == first[1].cluster != first[2].cluster == first[3].cluster
    both = article("c", "All four.", visit + deal, "kk")
    ingest(store, [both])
    clusters = {d.cluster for d in (store.get(x) for x in ("a1", "a2", "b1", "b2")) if d}
    assert len(clusters) == 2 and both.cluster in clusters


def test_a_fuller_report_merges_two_halves_of_one_event() -> None:
    # Two thin reports of one visit stay apart at first (too little in common); a fuller report
    # fits both, and the two halves, as wholes, fit each other with it: one cluster.
    store = SQLiteStore(":memory:")
    en = article("a1", "Tokayev met Macron in Paris; Orano to supply uranium.", VISIT, "en")
    ru = article("b1", "Макрон и Орано: уран.", ["person:macron", "org:orano-ru"], "ru")
    ingest(store, [en])
    ingest(store, [ru])
    assert en.cluster != ru.cluster
    full = article("c", "Tokayev, Macron, Orano, uranium.", [*VISIT, "org:orano-ru"], "kk")
    ingest(store, [full])
    clusters = {d.cluster for d in (store.get(x) for x in ("a1", "b1", "c")) if d}
    assert clusters == {full.cluster}
    assert store.cluster_size(full.cluster or "") == 3


def test_a_common_key_is_not_used_for_blocking() -> None:
    store = SQLiteStore(":memory:")
    docs = [article(f"d{i}", f"Item {i}.", ["org:common", f"org:only-{i}"], "en") for i in range(70)]
    ingest(store, docs)
    assert store.cluster_postings(["e:org:common"], 64) == {}
    assert store.cluster_postings(["e:org:only-3"], 64) == {
        "e:org:only-3": [docs[3].cluster and _key(docs[3])]
    }


def _key(doc: Document) -> str:
    from coopwatch.cluster.evidence import content_key

    return content_key(doc.text)


def test_show_cluster_lists_articles_and_reasons(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from coopwatch.cli import app

    db = tmp_path / "kb.db"
    store = SQLiteStore(db)
    en = article("visit-en", "Tokayev met Macron in Paris; Orano will supply uranium.", VISIT, "en")
    kk = article("visit-kk", "Тоқаев Парижде Макронмен кездесті, Orano уран жеткізеді.", VISIT, "kk")
    ingest(store, [en, kk])
    store.close()
    result = CliRunner().invoke(app, ["show", "--cluster", en.cluster or "", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "visit-kk" in result.output and "en.example.kz" in result.output and "macron" in result.output
    missing = CliRunner().invoke(app, ["show", "--cluster", "c-none", "--db", str(db)])
    assert missing.exit_code == 1 and "no cluster" in missing.output
