"""The article text as HTML with every entity, figure and event marked at its stored offsets.

Spans overlap (an entity inside an event's sentence, a currency inside a figure), and links cannot
nest, so the text is cut at every span boundary and each piece is wrapped on its own: in a `<mark>`
for each event covering it, then in one link to the innermost entity or figure. Every piece of text
goes through `markupsafe.escape`, so markup in an article is shown, never run.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from coopwatch.model import Document


@dataclass(slots=True, frozen=True)
class Span:
    """One highlighted stretch: its kind (entity, figure, event), where it links and its tooltip."""

    start: int
    end: int
    kind: str
    href: str
    label: str
    key: str  # a stable id for the element (`entity-3-0`), so tests and anchors can find it


def spans(doc: Document) -> list[Span]:
    """Every span of the analysis that lies inside the text, with its link."""
    out: list[Span] = []
    for i, ent in enumerate(doc.entities):
        href = f"/entities/{quote(ent.id, safe=':')}"
        for j, m in enumerate(ent.mentions):
            out.append(Span(m.start, m.end, "entity", href, f"{ent.type} {ent.name}", f"entity-{i}-{j}"))
    for i, fig in enumerate(doc.figures):
        href = "/figures?" + urlencode({"indicator": fig.indicator, "article": doc.id})
        value = f"{fig.value:,.0f}" if float(fig.value).is_integer() else f"{fig.value:,}"
        label = f"{fig.indicator} {value} {fig.currency or ''} {fig.period or ''}".strip()
        out.append(Span(fig.start, fig.end, "figure", href, label, f"figure-{i}"))
    for i, ev in enumerate(doc.events):
        href = "/events?" + urlencode({"article": doc.id})
        out.append(
            Span(ev.start, ev.end, "event", href, f"event {ev.type} {ev.date or ''}".strip(), f"event-{i}")
        )
    n = len(doc.text)
    return [s for s in out if 0 <= s.start < s.end <= n]


def highlight(doc: Document) -> Markup:
    """The whole text as safe HTML with its spans marked and linked."""
    marks = spans(doc)
    cuts = sorted({0, len(doc.text), *(s.start for s in marks), *(s.end for s in marks)})
    parts: list[str] = []
    for a, b in pairwise(cuts):
        piece = str(escape(doc.text[a:b]))
        active = [s for s in marks if s.start <= a and b <= s.end]
        links = sorted((s for s in active if s.kind != "event"), key=lambda s: (s.end - s.start, s.kind))
        if links:
            inner = links[0]
            kinds = " ".join(sorted({f"hl-{s.kind}" for s in links}))
            keys = " ".join(s.key for s in links)
            title = " | ".join(s.label for s in links)
            piece = (
                f'<a class="hl {kinds}" href="{escape(inner.href)}" data-span="{escape(keys)}"'
                f' title="{escape(title)}">{piece}</a>'
            )
        for ev in sorted((s for s in active if s.kind == "event"), key=lambda s: s.key):
            if ev.start == a:  # the event's link: an empty anchor that CSS draws, adding no text
                piece = (
                    f'<a class="ev-link" href="{escape(ev.href)}" aria-label="{escape(ev.label)}"></a>{piece}'
                )
            piece = (
                f'<mark class="hl hl-event" data-span="{ev.key}" title="{escape(ev.label)}">{piece}</mark>'
            )
        parts.append(piece)
    return Markup("".join(parts))
