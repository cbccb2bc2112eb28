"""The dashboard and its JSON API over one knowledge base (`coopwatch serve`).

Every page is one view function that returns plain data; it is served twice, as HTML at its path
and as JSON under `/api` (home `/` is `/api/home`), so the two can never disagree. The server
reads through read-only connections; the one write route (POST /api/articles) exists only when a
token is configured, and then needs it as `Authorization: Bearer TOKEN`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Callable
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from coopwatch.cluster.explain import explained_links
from coopwatch.model import Document
from coopwatch.store import InvalidQuery, SQLiteStore
from coopwatch.store import queries as q
from coopwatch.web.db import Database
from coopwatch.web.highlight import highlight

HERE = Path(__file__).parent
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]
Opt = Annotated[str | None, Query()]
View = Callable[..., dict[str, Any]]


class NotFound(Exception):
    """A page whose subject (article, entity, cluster) is not in the knowledge base."""


class NewArticle(BaseModel):
    """An article to analyse and store (the write route, on only with a token)."""

    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None


def plotly_js() -> Path:
    """Plotly's own bundled build, served from the installed package (no CDN, no copy in the repo)."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """A snippet as pieces with a flag for matched words, so neither HTML nor JSON needs markup in it."""
    parts: list[dict[str, Any]] = []
    for i, chunk in enumerate(snippet.split(q.MARK_OPEN)):
        inner, _, rest = chunk.partition(q.MARK_CLOSE) if i else ("", "", chunk)
        parts += [{"text": t, "match": m} for t, m in ((inner, True), (rest, False)) if t]
    return parts


def with_params(params: Any, **changes: Any) -> str:
    """A query string with some parameters replaced (facets, pages), empty ones dropped."""
    merged = {k: v for k, v in dict(params).items() if k not in changes}
    merged.update({k: v for k, v in changes.items() if v is not None})
    return urlencode({k: v for k, v in merged.items() if v not in ("", None)})


def format_number(value: float | None) -> str:
    """4200000000 as 4,200,000,000; fractions kept to two places."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def safe_url(url: str | None) -> str:
    """An article's source link only when it is http(s): a `javascript:` URL from a page is dropped."""
    return url if url and url.lower().startswith(("http://", "https://")) else ""


def _pair(text: str) -> tuple[str, str]:
    try:
        return q.pair(text)
    except ValueError as exc:
        raise InvalidQuery(str(exc)) from None


def create_app(
    db_path: str | Path, *, token: str | None = None, pipeline_factory: Callable[[], Any] | None = None
) -> FastAPI:
    """The web application over the knowledge base at `db_path` (which must exist)."""
    db = Database(db_path)
    app = FastAPI(
        title="coopwatch",
        description="News about Kazakhstan's international cooperation, analysed: articles, entities, "
        "events, figures, partners and clusters. Every HTML page has its JSON twin under /api.",
        version="0.1.0",
    )
    app.state.db = db
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html
    templates.env.filters.update(qs=with_params, fmtnum=format_number, safe_url=safe_url)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/static-vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript")

    @app.exception_handler(InvalidQuery)
    def bad_query(request: Request, exc: InvalidQuery) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    def _error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": message}, status_code=status)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message, "data": {}, "json_url": "/api/home"},
            status_code=status,
        )

    def page(html_path: str, api_path: str, template: str) -> Callable[[View], View]:
        """Serve a view as HTML at `html_path` and as the same data in JSON at `api_path`."""

        def register(view: View) -> View:
            @wraps(view)
            def as_html(request: Request, **kwargs: Any) -> Response:
                data = view(request, **kwargs)
                return templates.TemplateResponse(
                    request, template, {"data": data, "json_url": twin(request)}
                )

            def twin(request: Request) -> str:
                """This page's JSON address: the same path parameters and query under `api_path`."""
                params = {k: quote(str(v), safe=":") for k, v in request.path_params.items()}
                path = api_path.format(**params)
                return path + (f"?{request.url.query}" if request.url.query else "")

            app.get(
                html_path, response_class=HTMLResponse, include_in_schema=False, name=f"{view.__name__}_html"
            )(as_html)
            app.get(api_path, name=view.__name__, summary=(view.__doc__ or "").strip())(view)
            return view

        return register

    @page("/", "/api/home", "home.html")
    def home(request: Request) -> dict[str, Any]:
        """What arrived lately, the most reported partners and stories told in several languages."""
        conn = db.conn()
        clusters, _ = q.clusters(conn, limit=10)
        return {"summary": q.summary(conn), "latest": q.latest_articles(conn, 20), "clusters": clusters}

    @app.get("/search", include_in_schema=False)
    def search_redirect(request: Request) -> RedirectResponse:
        return RedirectResponse("/articles" + (f"?{request.url.query}" if request.url.query else ""))

    @page("/articles", "/api/articles", "articles.html")
    def articles(
        request: Request,
        q_: Annotated[str, Query(alias="q", max_length=500)] = "",
        lang: Opt = None,
        country: Opt = None,
        partner: Annotated[str | None, Query(description="Country pair, e.g. DE-KZ")] = None,
        sector: Opt = None,
        entity: Annotated[str | None, Query(description="Entity id, e.g. country:DE")] = None,
        since: Opt = None,
        until: Opt = None,
        limit: Limit = 20,
        offset: Offset = 0,
        facets: Annotated[
            bool | None, Query(description="Count facets (default: on the page, off in the API)")
        ] = None,
    ) -> dict[str, Any]:
        """Articles matching words (any language, inflected forms) or an entity's names in any script."""
        f = q.ArticleFilter(
            q_, lang, country, _pair(partner) if partner else None, sector, entity, since, until
        )
        matched = db.match_entities(q_) if q_.strip() else []
        forms = [form for e in matched for form in e.forms]  # Tokayev also finds «Тоқаев», «Токаева»
        conn = db.conn()
        by_date = None if q_.strip() else db.date_order()
        sel = q.select(conn, f, also=forms, by_date=by_date)  # worked out once for the page and its facets
        items, total, order = q.search_articles(conn, f, limit=limit, offset=offset, selection=sel)
        for item in items:
            item["snippet_parts"] = snippet_parts(item["snippet"])
            item["snippet"] = item["snippet"].replace(q.MARK_OPEN, "").replace(q.MARK_CLOSE, "")
        out: dict[str, Any] = {
            "items": items,
            "total": total,
            "order": order,
            "limit": limit,
            "offset": offset,
            "query": {
                "q": q_, "lang": lang, "country": country, "partner": partner, "sector": sector,
                "entity": entity, "since": since, "until": until,
            },
            "matched_entities": [{"id": e.id, "type": e.type, "name": e.name} for e in matched[:20]],
        }  # fmt: skip
        if facets or (facets is None and not request.url.path.startswith("/api")):
            out["facets"], out["facets_over"] = q.facets(conn, f, also=forms, selection=sel)
        return out

    @page("/articles/{article_id}", "/api/articles/{article_id}", "article.html")
    def article(request: Request, article_id: str) -> dict[str, Any]:
        """One article: its original text and everything understood in it, with character offsets."""
        row = q.article_row(db.conn(), article_id)
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        text, analysis, added = row
        doc = Document.from_dict(json.loads(analysis), text)
        return {**doc.as_dict(), "text": text, "added": added, "html": str(highlight(doc))}

    @page("/entities", "/api/entities", "entities.html")
    def entities(
        request: Request,
        q_: Annotated[str, Query(alias="q", max_length=200)] = "",
        type: Opt = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Entities by how many articles name them; `q` finds them by any of their names, in any script."""
        ids = [e.id for e in db.match_entities(q_)] if q_.strip() else None
        items, total = q.entities(db.conn(), ids=ids, type=type, limit=limit, offset=offset)
        return {
            "items": items,
            "total": total,
            "limit": limit,
            "offset": offset,
            "query": {"q": q_, "type": type},
        }

    @page("/entities/{entity_id}", "/api/entities/{entity_id}", "entity.html")
    def entity(request: Request, entity_id: str) -> dict[str, Any]:
        """One entity: its names in each language, the articles naming it, a timeline and its partners."""
        data = q.entity(db.conn(), entity_id)
        if data is None:
            raise NotFound(f"no entity with id {entity_id!r}")
        return data

    @page("/events", "/api/events", "events.html")
    def events(
        request: Request,
        type: Opt = None,
        country: Opt = None,
        partner: Annotated[str | None, Query(description="Country pair, e.g. DE-KZ")] = None,
        article: Opt = None,
        since: Opt = None,
        until: Opt = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Events (meetings, visits, agreements...) with their evidence sentence, newest first."""
        items, total = q.events(
            db.conn(), type=type, country=country, partner=_pair(partner) if partner else None,
            article=article, since=since, until=until, limit=limit, offset=offset,
        )  # fmt: skip
        query = {"type": type, "country": country, "partner": partner, "article": article, "since": since,
                 "until": until}  # fmt: skip
        return {"items": items, "total": total, "limit": limit, "offset": offset, "query": query}

    @page("/figures", "/api/figures", "figures.html")
    def figures(
        request: Request,
        indicator: Opt = None,
        partner: Annotated[str | None, Query(description="Country pair, e.g. DE-KZ")] = None,
        period: Annotated[str | None, Query(description="A period or its start, e.g. 2024")] = None,
        country: Opt = None,
        article: Opt = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Figures the articles state (trade turnover, investment...), filterable by indicator, partner, period."""
        items, total = q.figures(
            db.conn(), indicator=indicator, partner=_pair(partner) if partner else None, period=period,
            country=country, article=article, limit=limit, offset=offset,
        )  # fmt: skip
        query = {"indicator": indicator, "partner": partner, "period": period, "country": country,
                 "article": article}  # fmt: skip
        return {"items": items, "total": total, "limit": limit, "offset": offset, "query": query}

    @page("/partners", "/api/partners", "partners.html")
    def partners(request: Request, limit: Limit = 100) -> dict[str, Any]:
        """Country pairs by how many articles report their cooperation."""
        return {"items": q.partner_pairs(db.conn(), limit=limit)}

    @page("/partners/{pair}", "/api/partners/{pair}", "partner.html")
    def partner(request: Request, pair: str) -> dict[str, Any]:
        """One country pair: events over time, sectors by year, figures and their chart over periods."""
        a, b = _pair(pair)
        conn = db.conn()
        evs, n_events = q.events(conn, partner=(a, b), limit=200)
        figs, n_figures = q.figures(conn, partner=(a, b), limit=200)
        by_pair = q.ArticleFilter(partner=(a, b))
        sel = q.select(conn, by_pair, by_date=db.date_order())
        arts, n_articles, _ = q.search_articles(conn, by_pair, limit=20, selection=sel)
        return {
            "pair": [a, b],
            "articles": n_articles,
            "latest": arts,
            "events": evs,
            "events_total": n_events,
            "sectors": q.sector_matrix(conn, (a, b)),
            "figures": figs,
            "figures_total": n_figures,
            "chart": _figure_chart(figs),
        }

    @page("/clusters", "/api/clusters", "clusters.html")
    def clusters(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories told by more than one article (in one language or several), latest first."""
        items, total = q.clusters(db.conn(), limit=limit, offset=offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @page("/clusters/{cluster_id}", "/api/clusters/{cluster_id}", "cluster.html")
    def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
        """The articles of one cluster side by side, why each was joined, and where they disagree."""
        members = q.cluster_members(db.conn(), cluster_id)
        if not members:
            raise NotFound(f"no cluster with id {cluster_id!r}")
        docs = [Document.from_dict(json.loads(analysis), text) for text, analysis in members]
        return {
            "id": cluster_id,
            "articles": [{**d.as_dict(), "text": d.text, "html": str(highlight(d))} for d in docs],
            **explained_links(q.cluster_links(db.conn(), cluster_id)),
        }

    if token:
        _add_write_route(app, db, token, pipeline_factory)
    return app


def _figure_chart(figs: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures with a period as chart series (one per indicator and currency), x = period."""
    series: dict[str, dict[str, float]] = {}
    for f in figs:
        if f["period"]:
            name = f"{f['indicator']} ({f['currency']})" if f["currency"] else f["indicator"]
            points = series.setdefault(name, {})
            points[f["period"]] = max(points.get(f["period"], 0.0), float(f["value"]))
    periods = sorted({p for points in series.values() for p in points})
    return {
        "x": periods,
        "series": [{"name": n, "y": [pts.get(p) for p in periods]} for n, pts in sorted(series.items())],
    }


def _add_write_route(
    app: FastAPI, db: Database, token: str, pipeline_factory: Callable[[], Any] | None
) -> None:
    """POST /api/articles: analyse one article and store it; needs the configured bearer token."""
    lock = threading.Lock()
    state: dict[str, Any] = {}

    @app.post("/api/articles", status_code=201, summary="Analyse and store one article (needs the token)")
    def add_article(body: NewArticle, authorization: Annotated[str, Header()] = "") -> dict[str, Any]:
        given = authorization.removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid token is needed: Authorization: Bearer TOKEN")
        digest = hashlib.sha256(body.text.encode("utf-8", "replace")).hexdigest()
        doc = Document(
            id=body.id or f"upload-{digest[:12]}", text=body.text, title=body.title, meta_date=body.date,
            url=body.url, source="upload",
        )  # fmt: skip
        with lock:
            if "pipeline" not in state:
                from coopwatch.pipeline import build_pipeline

                state["pipeline"] = (pipeline_factory or build_pipeline)()
            doc = state["pipeline"].analyze(doc)
            if doc.error:
                raise HTTPException(422, doc.error)
            doc.cluster = doc.cluster or f"upload-{digest[:8]}"
            with SQLiteStore(db.path) as store:
                result = store.add(doc)
        return {"stored": result.stored, "id": result.id, "reason": result.reason}
