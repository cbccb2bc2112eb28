"""Readable views of analysed articles for people at a terminal (`--format table`, `show`, `search`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coopwatch.model import Document
from coopwatch.sectors import sector_sentences
from coopwatch.store.base import RegistryEntry, SearchHit

EVIDENCE_WIDTH = 160


def _short(text: str, width: int = EVIDENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def batch_table(docs: Sequence[Document]) -> Table:
    """One row per article: what a reader wants to know before opening it."""
    table = Table(title=f"{len(docs)} article(s)", show_lines=False, expand=True)
    for column in (
        "id",
        "lang",
        "date",
        "countries",
        "partners",
        "sectors",
        "people / orgs",
        "figures",
        "cluster",
    ):
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "lang", "date", "cluster"))
    for doc in docs:
        if doc.error:
            table.add_row(doc.id, "", "", Text(f"error: {doc.error}", style="red"), "", "", "", "", "")
            continue
        people = [e.name for e in doc.entities if e.type in ("PER", "ORG")]
        table.add_row(
            doc.id,
            doc.lang,
            doc.date or "—",
            " ".join(doc.countries),
            " ".join("–".join(p) for p in doc.partners),
            ", ".join(doc.sectors),
            _short(", ".join(people), 80),
            str(len(doc.figures)),
            doc.cluster or "",
        )
    return table


def sector_evidence(doc: Document) -> dict[str, str]:
    """The first sentence that names each sector, as the reason it was tagged."""
    first: dict[str, str] = {}
    for start, end, sectors in sector_sentences(doc):
        for sector in sectors:
            first.setdefault(sector, doc.text[start:end])
    return first


def events_table(docs: Sequence[Document]) -> Table:
    """Every event of a batch with the sentence that states it."""
    table = Table(title="Events", expand=True)
    for column in ("article", "type", "countries", "sectors", "evidence"):
        table.add_column(column, overflow="fold", no_wrap=column in ("article", "type"))
    for doc in docs:
        for ev in doc.events:
            table.add_row(doc.id, ev.type, " ".join(ev.countries), ", ".join(ev.sectors), _short(ev.text))
    return table


def article_view(doc: Document) -> Group:
    """Everything understood about one article, each fact with the words that support it."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    for label, value in (
        ("id", doc.id),
        ("title", doc.title or "—"),
        ("language", doc.lang),
        ("date", doc.date or "unknown"),
        ("source", doc.url or doc.source or "—"),
        ("countries", ", ".join(doc.countries) or "—"),
        ("partners", ", ".join("–".join(p) for p in doc.partners) or "—"),
        ("sectors", ", ".join(doc.sectors) or "—"),
        ("cluster", doc.cluster or "—"),
    ):
        head.add_row(label, value)
    parts: list[Table | Panel] = [head]

    if doc.entities:
        entities = Table(title="Entities", expand=True)
        for column in ("type", "name", "id", "mentions (offsets)"):
            entities.add_column(column, overflow="fold")
        for e in doc.entities:
            mentions = "; ".join(f"{m.text} [{m.start}:{m.end}]" for m in e.mentions[:5])
            if len(e.mentions) > 5:
                mentions += f"; … {len(e.mentions) - 5} more"
            entities.add_row(e.type, e.name, e.id, mentions)
        parts.append(entities)

    if doc.figures:
        figures = Table(title="Figures", expand=True)
        for column in ("indicator", "value", "currency", "period", "evidence"):
            figures.add_column(column, overflow="fold")
        for f in doc.figures:
            figures.add_row(
                f.indicator,
                f"{f.value:,.0f}",
                f.currency or "",
                f.period or "",
                f"{f.text} [{f.start}:{f.end}]",
            )
        parts.append(figures)

    if doc.sectors:
        evidence = sector_evidence(doc)
        sectors = Table(title="Sectors", expand=True)
        sectors.add_column("sector", no_wrap=True)
        sectors.add_column("evidence", overflow="fold")
        for sector in doc.sectors:
            sectors.add_row(sector, _short(evidence.get(sector, "")))
        parts.append(sectors)

    if doc.events:
        names = {e.id: e.name for e in doc.entities}
        events = Table(title="Events", expand=True)
        for column in ("type", "who (role)", "where", "countries", "sectors", "evidence"):
            events.add_column(column, overflow="fold")
        for ev in doc.events:
            who = ", ".join(
                f"{names.get(p, p)} ({ev.roles[p]})" if p in ev.roles else names.get(p, p)
                for p in ev.participants
            )
            where = names.get(ev.location, ev.location) if ev.location else ""
            events.add_row(
                ev.type, who, where, " ".join(ev.countries), ", ".join(ev.sectors), _short(ev.text)
            )
        parts.append(events)

    return Group(*parts)


def registry_table(entries: Sequence[RegistryEntry]) -> Table:
    """The registered entities, one row each: what `entities merge` and `rename` take."""
    table = Table(title=f"{len(entries)} entit{'y' if len(entries) == 1 else 'ies'}", expand=True)
    for column in ("id", "type", "name", "from", "articles", "seen", "forms"):
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "type", "articles"))
    for e in entries:
        forms = ", ".join(f"{lang}: {' / '.join(texts[:3])}" for lang, texts in e.aliases.items())
        seen = " – ".join(dict.fromkeys(filter(None, [e.first_seen, e.last_seen])))
        table.add_row(e.id, e.type, e.name, e.name_source, str(e.articles), seen, _short(forms, 90))
    return table


def registry_view(entry: RegistryEntry, articles: Sequence[SearchHit]) -> Group:
    """One registered entity: where its name comes from, how each language writes it, the articles."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("id", entry.id)
    head.add_row("type", entry.type)
    head.add_row("name", f"{entry.name}  (from: {entry.name_source})")
    head.add_row("articles", str(entry.articles))
    head.add_row("seen", " – ".join(dict.fromkeys(filter(None, [entry.first_seen, entry.last_seen]))) or "—")
    for lang, texts in entry.aliases.items():
        head.add_row(f"forms ({lang})", ", ".join(texts))
    table = Table(title="latest articles", expand=True)
    for column in ("article", "lang", "date", "named as", "title"):
        table.add_column(column, overflow="fold")
    for hit in articles:
        table.add_row(hit.id, hit.lang, hit.date or "—", hit.snippet, _short(hit.title or "", 70))
    return Group(Panel(head, title=entry.name), table)
