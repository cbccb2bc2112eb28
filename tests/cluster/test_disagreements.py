"""Two reports of one event that state different values: the cluster keeps both, with their spans."""

from __future__ import annotations

from pathlib import Path

from coopwatch.cluster.explain import cluster_view
from coopwatch.model import Figure
from coopwatch.store import SQLiteStore
from tests.cluster.test_store_index import VISIT, article, ingest


def two_reports() -> list:
    en_text = "Tokayev met Macron in Paris; Orano will supply uranium. Trade reached $3.1 billion in 2024."
    ru_text = (
        "Токаев встретился с Макроном в Париже; Orano поставит уран. Товарооборот в 2024 году — $3,4 млрд."
    )
    en = article("visit-en", en_text, VISIT, "en")
    ru = article("visit-ru", ru_text, VISIT, "ru")
    for doc, text, value in ((en, "$3.1 billion", 3.1e9), (ru, "$3,4 млрд", 3.4e9)):
        start = doc.text.index(text)
        doc.figures = [Figure("trade_turnover", value, "USD", "2024", text, start, start + len(text))]
    return [en, ru]


def test_a_figure_stated_differently_is_recorded_with_both_spans() -> None:
    store = SQLiteStore(":memory:")
    en, ru = two_reports()
    ingest(store, [en])
    ingest(store, [ru])
    assert en.cluster == ru.cluster
    differ = [link for link in store.cluster_links(ru.cluster or "") if link.rule == "disagrees"]
    assert len(differ) == 1
    view = cluster_view(store, ru.cluster or "")
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(view)
    shown = console.export_text()
    assert "where they disagree" in shown and "$3.1 billion" in shown and "$3,4 млрд" in shown


def test_the_same_value_in_two_styles_is_no_disagreement() -> None:
    store = SQLiteStore(":memory:")
    en, ru = two_reports()
    ru.figures[0].value = 3.1e9
    ingest(store, [en])
    ingest(store, [ru])
    assert not [link for link in store.cluster_links(ru.cluster or "") if link.rule == "disagrees"]


def test_the_api_and_the_cluster_page_show_the_disagreement(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from coopwatch.web import create_app

    path = tmp_path / "kb.db"
    with SQLiteStore(path) as store:
        en, ru = two_reports()
        ingest(store, [en])
        ingest(store, [ru])
    with TestClient(create_app(path)) as client:
        body = client.get(f"/api/clusters/{ru.cluster}").json()
        page = client.get(f"/clusters/{ru.cluster}").text
    [d] = body["disagreements"]
    assert d["field"] == "figure" and {d["a"]["article"], d["b"]["article"]} == {"visit-en", "visit-ru"}
    assert {d["a"]["text"], d["b"]["text"]} == {"$3.1 billion", "$3,4 млрд"}
    assert body["joins"] and body["joins"][0]["reason"].startswith("same event p=")
    assert "Where the reports disagree" in page and "$3,4 млрд" in page


def test_two_reports_that_state_different_days_record_both() -> None:
    store = SQLiteStore(":memory:")
    en = article(
        "talks-en", "On 19 June Tokayev met Macron in Paris; Orano will supply uranium.", VISIT, "en"
    )
    ru = article(
        "talks-ru", "21 июня Токаев встретился с Макроном в Париже; Orano поставит уран.", VISIT, "ru"
    )
    ingest(store, [en])
    ingest(store, [ru])
    assert en.cluster == ru.cluster
    [link] = [link for link in store.cluster_links(ru.cluster or "") if link.rule == "disagrees"]
    import json

    detail = json.loads(link.detail)
    assert detail["field"] == "date"
    assert {detail["a"]["text"], detail["b"]["text"]} == {"19 June", "21 июня"}
    assert en.text[detail["a"]["start"] : detail["a"]["end"]] == "19 June"


def test_the_days_reports_were_published_are_no_disagreement() -> None:
    store = SQLiteStore(":memory:")
    en, ru = two_reports()
    ru.figures = []
    ru.date = "2025-10-11"  # the next morning's paper
    ingest(store, [en])
    ingest(store, [ru])
    assert en.cluster == ru.cluster
    assert not [link for link in store.cluster_links(ru.cluster or "") if link.rule == "disagrees"]
