"""The JSON API and the pages, in-process on a knowledge base of the samples and three test articles."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from coopwatch.cli import app as cli
from coopwatch.web import create_app

PAGES = [
    "/",
    "/articles",
    "/articles?q=Германия&lang=kk",
    "/articles/kz-de-hydrogen-kk",
    "/entities",
    "/entities/person:kassym-jomart-tokayev",
    "/events?partner=DE-KZ",
    "/figures?indicator=trade_turnover",
    "/partners",
    "/partners/KZ-DE",
    "/clusters",
]


def ids(client: TestClient, **params: str | int) -> list[str]:
    return [item["id"] for item in client.get("/api/articles", params=params).json()["items"]]


def test_articles_have_the_documented_shape(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 8
    assert {"id", "lang", "title", "date", "snippet", "countries", "partners", "sectors"} <= set(
        body["items"][0]
    )
    dates = [i["date"] for i in body["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first without a query


def test_tokayev_finds_articles_in_every_script(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "Tokayev"}).json()
    langs = {item["lang"] for item in body["items"]}
    assert {"kk", "ru", "en"} <= langs
    assert "person:kassym-jomart-tokayev" in [e["id"] for e in body["matched_entities"]]
    for query in ("Токаев", "Тоқаев"):
        assert set(ids(client, q=query)) == {i["id"] for i in body["items"]}


def test_full_text_finds_inflected_forms(client: TestClient) -> None:
    assert "kz-de-hydrogen-kk" in ids(client, q="Германия", lang="kk")  # the text has «Германия» forms


def test_filters_narrow_the_results(client: TestClient) -> None:
    assert {i["lang"] for i in client.get("/api/articles", params={"lang": "kk"}).json()["items"]} == {"kk"}
    de = client.get("/api/articles", params={"country": "de"}).json()["items"]
    assert de and all("DE" in i["countries"] for i in de)
    pair = client.get("/api/articles", params={"partner": "KZ-DE"}).json()["items"]
    assert pair and all(["DE", "KZ"] in i["partners"] for i in pair)
    sector = client.get("/api/articles", params={"sector": "transport_logistics"}).json()["items"]
    assert sector and all("transport_logistics" in i["sectors"] for i in sector)
    late = client.get("/api/articles", params={"since": "2025-11-01", "until": "2025-11-05"}).json()["items"]
    assert late and all("2025-11-01" <= i["date"] <= "2025-11-05" for i in late)
    assert set(ids(client, entity="person:kassym-jomart-tokayev")) == set(ids(client, q="Tokayev"))


def test_pages_do_not_overlap_and_add_up(client: TestClient) -> None:
    first, second = ids(client, limit=3), ids(client, limit=3, offset=3)
    assert len(first) == 3 and not set(first) & set(second)
    assert len(ids(client, limit=200)) == client.get("/api/articles").json()["total"]


def test_facets_count_the_results(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "Tokayev", "facets": True}).json()
    langs = {f["value"]: f["count"] for f in body["facets"]["lang"]}
    assert sum(langs.values()) == body["total"] == body["facets_over"]
    assert "facets" not in client.get("/api/articles", params={"q": "Tokayev"}).json()


def test_one_article_with_its_analysis(client: TestClient) -> None:
    body = client.get("/api/articles/kz-de-hydrogen-kk").json()
    assert body["lang"] == "kk" and body["partners"] == [["DE", "KZ"]]
    for entity in body["entities"]:
        for m in entity["mentions"]:
            assert body["text"][m["start"] : m["end"]] == m["text"]


def test_article_page_highlights_every_mention_figure_and_event(client: TestClient) -> None:
    body = client.get("/api/articles/kz-de-hydrogen-kk").json()
    page = client.get("/articles/kz-de-hydrogen-kk").text
    for i, entity in enumerate(body["entities"]):
        for j, _ in enumerate(entity["mentions"]):
            assert f"entity-{i}-{j}" in page
    assert all(f"figure-{i}" in page for i in range(len(body["figures"])))
    assert all(f'data-span="event-{i}"' in page for i in range(len(body["events"])))
    assert 'href="/entities/person:kassym-jomart-tokayev"' in page


def test_script_in_an_article_is_shown_as_text(client: TestClient) -> None:
    hits = client.get("/api/articles", params={"q": "alert"}).json()["items"]
    (article_id,) = [h["id"] for h in hits]
    for path in (f"/articles/{article_id}", "/articles?q=alert", "/", f"/events?article={article_id}"):
        page = client.get(path).text
        assert "<script>alert(1)" not in page and "<b onmouseover" not in page, path
    page = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert client.get(f"/api/articles/{article_id}").json()["text"].count("<script>alert(1)</script>") == 2


def test_entity_page_has_mentions_across_languages(client: TestClient) -> None:
    body = client.get("/api/entities/person:kassym-jomart-tokayev").json()
    assert {"kk", "ru", "en"} <= set(body["forms"])
    assert any(f["text"].startswith("Тоқаев") for f in body["forms"]["kk"])
    assert body["articles"] == len({m["article"] for m in body["mentions"]})
    assert client.get("/api/entities", params={"q": "Тоқаев"}).json()["items"][0]["id"].endswith("tokayev")


def test_figures_filter_by_indicator_partner_and_period(client: TestClient) -> None:
    items = client.get("/api/figures", params={"indicator": "trade_turnover"}).json()["items"]
    assert items and {i["indicator"] for i in items} == {"trade_turnover"}
    period = client.get("/api/figures", params={"period": "2024"}).json()["items"]
    assert period and all(i["period"].startswith("2024") for i in period)
    pair = client.get("/api/figures", params={"partner": "DE-KZ"}).json()["items"]
    assert pair and all(i["country"] in (None, "DE", "KZ") for i in pair)


def test_events_filter_and_partner_view(client: TestClient) -> None:
    events = client.get("/api/events", params={"type": "agreement"}).json()["items"]
    assert events and {e["type"] for e in events} == {"agreement"}
    view = client.get("/api/partners/KZ-DE").json()
    assert view == client.get("/api/partners/DE-KZ").json() and view["pair"] == ["DE", "KZ"]
    assert view["chart"]["x"] == sorted(view["chart"]["x"]) and view["chart"]["series"]
    assert view["sectors"] and view["events"]


def test_clusters_put_one_story_side_by_side(client: TestClient) -> None:
    clusters = client.get("/api/clusters").json()["items"]
    hydrogen = next(c for c in clusters if {"kk", "en"} <= set(c["langs"]))
    body = client.get(f"/api/clusters/{hydrogen['id']}").json()
    assert {a["id"] for a in body["articles"]} >= {"kz-de-hydrogen-kk", "kz-de-hydrogen-en"}
    assert client.get(f"/clusters/{hydrogen['id']}").text.count('class="text"') == len(body["articles"])


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = page.text.split('id="json-twin" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert twin.startswith("/api/")
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"


def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities/{entity_id}", "/api/figures",
                 "/api/events", "/api/clusters/{cluster_id}", "/api/partners/{pair}"):  # fmt: skip
        assert "get" in paths[path]


def test_bad_input_gets_a_clear_status(client: TestClient) -> None:
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert "since" in client.get("/api/articles", params={"since": "yesterday"}).json()["detail"]
    assert client.get("/api/articles", params={"partner": "KZ"}).status_code == 400
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422


def test_sql_stays_data(client: TestClient) -> None:
    for q in ("'; DROP TABLE documents; --", '" OR 1=1 --', "x) OR (1=1", "NEAR(a b)"):
        assert client.get("/api/articles", params={"q": q}).status_code == 200
    assert client.get("/api/articles", params={"lang": "kk' OR '1'='1"}).json()["total"] == 0
    assert client.get("/api/articles").json()["total"] == 8


def test_the_server_cannot_write(client: TestClient) -> None:
    conn = client.app.state.db.conn()  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
    assert client.post("/api/articles", json={"text": "x"}).status_code == 405  # no token: no write route


def test_write_route_needs_the_token(web_db: Path, tmp_path: Path, pipeline: object) -> None:
    copy = tmp_path / "kb.db"
    shutil.copy(web_db, copy)
    with TestClient(create_app(copy, token="s3cret", pipeline_factory=lambda: pipeline)) as c:
        article = {"id": "new-one", "text": "Kazakhstan and China discussed railway freight in Astana."}
        assert c.post("/api/articles", json=article).status_code == 401
        assert (
            c.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )
        ok = c.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201 and ok.json()["stored"]
        assert c.get("/api/articles/new-one").json()["lang"] == "en"
        assert c.get("/api/articles").json()["total"] == 9


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no knowledge base" in " ".join(result.output.split())
