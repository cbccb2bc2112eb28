"""The document model: one article, its original text, and what the stages found in it.

Every span (`start`, `end`) is a character offset into `Document.text`, the article
as decoded from its input before any cleaning, so that `text[start:end]` is the
evidence a person can check.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SegmentKind = Literal["header", "title", "body", "boilerplate"]


@dataclass(slots=True)
class Segment:
    """A stretch of the original text and what it is: article body, title, or site boilerplate."""

    start: int
    end: int
    kind: SegmentKind = "body"


@dataclass(slots=True)
class Mention:
    """One place in the text where an entity is named."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A person, organisation or place under its canonical identity, with every mention."""

    id: str
    type: str  # PER, ORG, GPE, LOC
    name: str  # canonical Latin name, the same in every language
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2, for countries

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        if self.country:
            out["country"] = self.country
        out["mentions"] = [asdict(m) for m in self.mentions]
        return out


@dataclass(slots=True)
class Figure:
    """An amount the article states, normalised to a plain number, with its evidence."""

    indicator: str
    value: float
    currency: str | None
    period: str | None
    text: str
    start: int
    end: int
    country: str | None = None
    change_pct: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if float(self.value).is_integer():
            out["value"] = int(self.value)
        return {k: v for k, v in out.items() if v is not None or k in ("currency", "period")}


@dataclass(slots=True)
class Event:
    """Something that happened (a meeting, a visit, an agreement...), with its sentence as evidence."""

    type: str
    text: str
    start: int
    end: int
    date: str | None = None
    participants: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # participant id -> role stated in the text
    location: str | None = None  # entity id of the place where it happened, when stated

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """One article on its way through the pipeline; each stage fills some of its fields."""

    id: str
    text: str
    source: str = ""  # the file (and line) it was read from
    url: str | None = None
    title: str | None = None
    meta_date: str | None = None  # a date given by the input's metadata (header, HTML, JSONL)
    segments: list[Segment] = field(default_factory=list)
    lang: str = "und"
    date: str | None = None
    entities: list[Entity] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    partners: list[tuple[str, str]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    cluster: str | None = None
    error: str | None = None  # why the input could not be analysed; the batch goes on
    warnings: list[str] = field(default_factory=list)  # problems that did not stop the analysis

    def body(self) -> list[Segment]:
        """The segments that later stages read: the title and the article body, never boilerplate."""
        return [s for s in self.segments if s.kind in ("title", "body")]

    def body_text(self, sep: str = "\n") -> str:
        """The article's readable text (title and body), for stages that need one string."""
        return sep.join(self.text[s.start : s.end] for s in self.body())

    def as_dict(self) -> dict[str, Any]:
        """The contract's output line (see ../shared/CONTRACT.md)."""
        if self.error:
            return {"id": self.id, "source": self.source, "error": self.error}
        return {
            "id": self.id,
            "lang": self.lang,
            "date": self.date,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "entities": [e.as_dict() for e in self.entities],
            "countries": list(self.countries),
            "partners": [list(p) for p in self.partners],
            "sectors": list(self.sectors),
            "figures": [f.as_dict() for f in self.figures],
            "events": [e.as_dict() for e in self.events],
            "cluster": self.cluster,
            **({"warnings": list(self.warnings)} if self.warnings else {}),
        }

    def relabel_entities(self, moved: dict[str, str], names: dict[str, str] | None = None) -> bool:
        """Give entities (and the events naming them) new ids from `moved` and new names from `names`;
        two entities that come to share an id become one. Returns whether anything changed."""
        names = names or {}
        changed = False
        by_id: dict[str, Entity] = {}
        for e in self.entities:
            new_id = moved.get(e.id, e.id)
            new_name = names.get(new_id, e.name)
            changed |= new_id != e.id or new_name != e.name
            e.id, e.name = new_id, new_name
            if e.id in by_id:
                by_id[e.id].mentions = sorted([*by_id[e.id].mentions, *e.mentions], key=lambda m: m.start)
            else:
                by_id[e.id] = e
        self.entities = list(by_id.values())
        for event in self.events:
            if any(p in moved for p in event.participants) or event.location in moved:
                changed = True
                event.participants = list(dict.fromkeys(moved.get(p, p) for p in event.participants))
                event.roles = {moved.get(p, p): role for p, role in event.roles.items()}
                event.location = moved.get(event.location, event.location) if event.location else None
        return changed

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Document:
        """Rebuild an analysed document from its contract line (and its text, when stored apart)."""
        names = {f.name for f in fields(cls)}
        doc = cls(id=str(data["id"]), text=data.get("text", text))
        for key, value in data.items():
            if key not in names or key in ("id", "text"):
                continue
            if key == "entities":
                value = [
                    Entity(
                        id=e["id"],
                        type=e["type"],
                        name=e["name"],
                        country=e.get("country"),
                        mentions=[Mention(**m) for m in e.get("mentions", [])],
                    )
                    for e in value
                ]
            elif key == "figures":
                value = [Figure(**f) for f in value]
            elif key == "events":
                value = [Event(**e) for e in value]
            elif key == "partners":
                value = [(p[0], p[1]) for p in value]
            elif key == "segments":
                value = [Segment(**s) for s in value]
            setattr(doc, key, value)
        return doc
