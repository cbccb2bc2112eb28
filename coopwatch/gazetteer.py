"""The multilingual gazetteer: known people, organisations and places with their kk/ru/en names.

Records live in `coopwatch/data/gazetteer/*.jsonl`, one JSON object a line. Records that share an
`id` are merged (their names united), so a user file passed to `Gazetteer.load` can both add new
entries and give known ones more names.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from coopwatch.translit import name_key

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
LANGS = ("kk", "ru", "en")
SurfaceKind = Literal["name", "adjective", "demonym", "surname"]
Names = dict[str, list[str]]


class GazetteerError(ValueError):
    """A gazetteer file has a record the loader cannot use; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held: president of Uzbekistan since 2016-12-14 (dates as YYYY[-MM[-DD]])."""

    role: str  # president, prime_minister, foreign_minister, minister, king, emir, ambassador, akim, ...
    country: str | None = None  # the country the office belongs to (an ambassador's own country)
    start: str | None = None
    end: str | None = None  # None: still in office when the gazetteer was compiled
    org: str | None = None  # an organisation's office (UN Secretary-General): its record id

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Role:
        return cls(data["role"], data.get("country"), data.get("from"), data.get("to"), data.get("org"))

    def held_on(self, day: str | None) -> bool:
        """Whether the office was held on that day (YYYY-MM-DD); an unknown day means now."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start[: len(day)] <= day) and (
            self.end is None or day[: len(self.end)] <= self.end
        )


@dataclass(slots=True)
class Record:
    """One real-world entity and the ways each language names it."""

    id: str
    type: str  # PER, ORG, GPE, LOC
    name: str  # canonical Latin name
    country: str | None = None  # ISO alpha-2 of a country itself
    region: str | None = None  # ISO alpha-2 of the country a region, city or body belongs to
    aliases: Names = field(default_factory=dict)
    adjectives: Names = field(default_factory=dict)
    demonyms: Names = field(default_factory=dict)
    surnames: Names | None = None  # None: derived from the last word of each full name
    roles: list[Role] = field(default_factory=list)  # a person's offices with their dates

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            id=data["id"],
            type=data["type"],
            name=data["name"],
            country=data.get("country"),
            region=data.get("region"),
            aliases={k: list(v) for k, v in data.get("aliases", {}).items()},
            adjectives={k: list(v) for k, v in data.get("adjectives", {}).items()},
            demonyms={k: list(v) for k, v in data.get("demonyms", {}).items()},
            surnames=None
            if data.get("surnames") is None
            else {k: list(v) for k, v in data["surnames"].items()},
            roles=[Role.from_dict(r) for r in data.get("roles", ())],
        )

    def merge(self, other: Record) -> None:
        """Add another record's names to this one (same id, e.g. from a user file)."""
        for mine, theirs in ((self.aliases, other.aliases), (self.adjectives, other.adjectives),
                             (self.demonyms, other.demonyms)):  # fmt: skip
            for lang, names in theirs.items():
                known = mine.setdefault(lang, [])
                known.extend(n for n in names if n not in known)
        if other.surnames is not None:
            self.surnames = {**(self.surnames or {}), **other.surnames}
        self.roles.extend(r for r in other.roles if r not in self.roles)
        self.country = self.country or other.country
        self.region = self.region or other.region

    def offices_on(self, day: str | None) -> list[Role]:
        """The offices held on that day (YYYY-MM-DD), or now when the day is unknown."""
        return [r for r in self.roles if r.held_on(day)]

    @property
    def adds_country(self) -> str | None:
        """The country this record puts in `Document.countries`: a country, or a Kazakh region named as such."""
        if self.country:
            return self.country
        return self.region if self.id.startswith("region:") else None


@dataclass(frozen=True, slots=True)
class Surface:
    """One written form of a record in one language."""

    text: str
    lang: str
    kind: SurfaceKind
    record_id: str


class Gazetteer:
    """All records, indexed by id and by cross-script name key."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.records: dict[str, Record] = {}
        for rec in records:
            if rec.id in self.records:
                self.records[rec.id].merge(rec)
            else:
                self.records[rec.id] = rec
        self._by_key: dict[str, set[str]] = defaultdict(set)
        for rec in self.records.values():
            for lang_names in (rec.aliases, {"_": [rec.name]}):
                for names in lang_names.values():
                    for n in names:
                        self._by_key[name_key(n)].add(rec.id)
        self._surnames = self._unique_surnames()

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Gazetteer:
        """The shipped gazetteer plus the user's files; loaded once per distinct set of files."""
        return _load(tuple(Path(p) for p in extra))

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, record_id: str) -> Record:
        return self.records[record_id]

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def lookup(self, text: str, type_: str | None = None) -> Record | None:
        """The one record whose name (in any script) is `text`, or None when unknown or ambiguous."""
        ids = [
            i for i in self._by_key.get(name_key(text), ()) if type_ is None or self.records[i].type == type_
        ]
        return self.records[ids[0]] if len(ids) == 1 else None

    def surfaces(self, langs: Sequence[str] = LANGS) -> Iterator[Surface]:
        """Every name, adjective, demonym and lone surname written in one of `langs`."""
        for rec in self.records.values():
            for kind, table in (
                ("name", rec.aliases),
                ("adjective", rec.adjectives),
                ("demonym", rec.demonyms),
            ):
                for lang in langs:
                    for text in table.get(lang, ()):
                        yield Surface(text, lang, kind, rec.id)  # type: ignore[arg-type]
            for lang in langs:
                for text in self._surnames.get(rec.id, {}).get(lang, ()):
                    yield Surface(text, lang, "surname", rec.id)

    def _unique_surnames(self) -> dict[str, Names]:
        """Lone surnames of people, minus those that two people share or that name something else."""
        found: dict[str, Names] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for rec in self.records.values():
            if rec.type != "PER":
                continue
            if rec.surnames is not None:
                table = rec.surnames
            else:
                table = {
                    lang: sorted(
                        {n.split()[-1] for n in names if len(n.split()) > 1 and len(n.split()[-1]) >= 4}
                    )
                    for lang, names in rec.aliases.items()
                }
            found[rec.id] = table
            for names in table.values():
                for n in names:
                    owners[name_key(n)].add(rec.id)
        for key, ids in owners.items():
            others = {i for i in self._by_key.get(key, ()) if i not in ids}
            if len(ids) > 1 or others:
                for rec_id in ids:
                    found[rec_id] = {
                        lang: [n for n in names if name_key(n) != key]
                        for lang, names in found[rec_id].items()
                    }
        return found


def read_records(path: Path) -> list[Record]:
    """The records of one JSON Lines file."""
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(Record.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
                raise GazetteerError(f"{path}:{n}: not a gazetteer record ({e}); need id, type, name") from e
    return out


@lru_cache(maxsize=4)
def _load(extra: tuple[Path, ...]) -> Gazetteer:
    paths = [*sorted(DATA_DIR.glob("*.jsonl")), *extra]
    return Gazetteer([rec for p in paths for rec in read_records(p)])
