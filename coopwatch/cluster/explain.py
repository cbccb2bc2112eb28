"""`show --cluster`: a cluster's articles by language and outlet, and why each pair was joined."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from rich.console import Group
from rich.table import Table
from rich.text import Text

from coopwatch.store.base import ClusterMember, Store


def outlet(member: ClusterMember) -> str:
    """The site an article came from (its URL's host), else the folder it was read from."""
    if member.url:
        host = urlparse(member.url).netloc
        if host:
            return host.removeprefix("www.")
    return PurePath(member.source.split(":")[0]).parent.name or member.source


def _key_name(key: object) -> str:
    """The readable part of an evidence key: `e:person:emmanuel-macron` -> `emmanuel-macron`,
    `f:investment:USD:7600000000.0` -> `investment 7600000000 USD`, `n:250` -> `250`."""
    kind, _, rest = str(key).partition(":")
    if kind == "f":
        indicator, currency, value = [*rest.split(":"), "", ""][:3]
        value = value.removesuffix(".0")
        return " ".join(p for p in (indicator, value, "" if currency == "None" else currency) if p)
    return rest.rsplit(":", 1)[-1]


def _reason(rule: str, score: float, detail: dict[str, object]) -> str:
    """One line on why two articles were joined: the model's probability, what agreed, the keys."""
    if rule == "disagrees":
        return _disagreement(detail)
    parts = []
    if rule == "near-duplicate":
        parts.append(f"near-copy of the text (MinHash Jaccard {float(detail.get('jaccard', score)):.2f})")
    elif "probability" in detail:
        parts.append(
            f"same event p={float(detail['probability']):.2f}, cluster mean {float(detail.get('cluster_mean', 0)):.2f}"
        )  # type: ignore[arg-type]
    agreed = detail.get("agreed") or []
    if agreed:
        parts.append("agree on " + ", ".join(str(a) for a in agreed))  # type: ignore[union-attr]
    keys = detail.get("keys") or []
    if keys:
        parts.append("shared " + ", ".join(f"{_key_name(k)} ({float(w):.2f})" for k, w in keys))  # type: ignore[union-attr]
    shared = detail.get("shared") or []  # links stored before schema 4
    if shared and not keys:
        parts.append("shared " + ", ".join(_key_name(k) for k in shared))  # type: ignore[union-attr]
    if rule == "aligned":
        for a, b, cos in detail.get("sentences") or []:  # type: ignore[union-attr]
            parts.append(f"“{str(a)[:90]}” ≈ “{str(b)[:90]}” ({cos:.2f})")
    return "; ".join(parts) or rule


def _said(side: dict) -> str:  # type: ignore[type-arg]
    """One side of a disagreement: the words that state the value, and the article."""
    return f"“{side.get('text') or side.get('value')}” in {side.get('article')}"


def _disagreement(detail: dict[str, object]) -> str:
    """What two joined reports state differently: a figure for the same indicator and period, or a date."""
    a, b = detail.get("a") or {}, detail.get("b") or {}
    if detail.get("field") == "figure":
        return f"{detail.get('indicator')} {detail.get('period')}: {_said(a)} vs {_said(b)}"  # type: ignore[arg-type]
    return f"date: {_said(a)} vs {_said(b)}"  # type: ignore[arg-type]


def explained_links(links: list[tuple[str, str, str, float, str]]) -> dict[str, list[dict[str, Any]]]:
    """A cluster's links as plain records for the API and the cluster page: each join with its
    reason, and each disagreement between two joined reports with both sides' evidence.

    `links` holds (article id, the article it was joined to, rule, score, detail JSON)."""
    joins: list[dict[str, Any]] = []
    disagreements: list[dict[str, Any]] = []
    for article, other, rule, score, raw in links:
        detail = json.loads(raw) if raw else {}
        if rule == "disagrees":
            disagreements.append(
                {"article": article, "other": other, "field": detail.get("field"),
                 "what": _disagreement(detail), "a": detail.get("a"), "b": detail.get("b")}
            )  # fmt: skip
        else:
            joins.append(
                {"article": article, "joined_to": other, "rule": rule, "score": score,
                 "agreed": detail.get("agreed") or [], "keys": detail.get("keys") or [],
                 "reason": _reason(rule, score, detail)}
            )  # fmt: skip
    return {"joins": joins, "disagreements": disagreements}


def cluster_view(store: Store, cluster: str) -> Group | None:
    """A table of the cluster's articles and one of the joined pairs with their reasons; None if unknown."""
    members = store.cluster_members(cluster)
    if not members:
        return None
    articles = Table(title=f"cluster {cluster}: {len(members)} article(s)", expand=True)
    for column in ("lang", "outlet", "id", "date", "title"):
        articles.add_column(column, overflow="fold", no_wrap=column in ("lang", "id"))
    for m in members:
        articles.add_row(m.lang, outlet(m), m.id, m.date or "", m.title or "")
    ids = {m.key: m.id for m in members}
    explained = explained_links(
        [
            (ids.get(x.b, x.b[:10]), ids.get(x.a, x.a[:10]), x.rule, x.score, x.detail)
            for x in store.cluster_links(cluster)
        ]
    )
    if not explained["joins"]:
        return Group(articles, Text("a single article: nothing was joined"))
    links = Table(title="why they were joined", expand=True)
    for column in ("article", "joined to", "rule", "evidence"):
        links.add_column(column, overflow="fold", no_wrap=column == "rule")
    for j in explained["joins"]:
        links.add_row(j["article"], j["joined_to"], j["rule"], j["reason"])
    if not explained["disagreements"]:
        return Group(articles, links)
    differ = Table(title="where they disagree", expand=True)
    for column in ("article", "other", "what differs"):
        differ.add_column(column, overflow="fold")
    for d in explained["disagreements"]:
        differ.add_row(d["article"], d["other"], d["what"])
    return Group(articles, links, differ)
