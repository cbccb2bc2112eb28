"""`show --cluster`: a cluster's articles by language and outlet, and why each pair was joined."""

from __future__ import annotations

import json
from pathlib import PurePath
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


def _reason(rule: str, score: float, detail: dict[str, object]) -> str:
    if rule == "near-duplicate":
        return f"near-copy of the text (MinHash Jaccard {score:.2f})"
    parts = []
    shared = detail.get("shared") or []
    if shared:
        parts.append("shared " + ", ".join(str(k).split(":", 1)[1] for k in shared))  # type: ignore[union-attr]
    if rule == "aligned":
        parts.insert(0, f"{score:.0%} of sentences aligned")
        for a, b, cos in detail.get("sentences", []):  # type: ignore[union-attr]
            parts.append(f"“{str(a)[:90]}” ≈ “{str(b)[:90]}” ({cos:.2f})")
    return "; ".join(parts) or rule


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
    links = Table(title="why they were joined", expand=True)
    for column in ("article", "joined to", "rule", "evidence"):
        links.add_column(column, overflow="fold", no_wrap=column == "rule")
    for link in store.cluster_links(cluster):
        detail = json.loads(link.detail)
        links.add_row(
            ids.get(link.b, link.b[:10]), ids.get(link.a, link.a[:10]), link.rule,
            _reason(link.rule, link.score, detail),
        )  # fmt: skip
    if not links.row_count:
        return Group(articles, Text("a single article: nothing was joined"))
    return Group(articles, links)
