"""Sectors of cooperation, per sentence and per article, from kk/ru/en stem lexicons."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import ClassVar

from coopwatch.model import Document
from coopwatch.sectors import en, kk, ru
from coopwatch.sentences import split_sentences

SECTORS: tuple[str, ...] = (
    "trade", "investment_finance", "oil_gas", "power_energy", "nuclear", "renewables_climate",
    "mining_metals", "industry", "transport_logistics", "aviation_space", "agriculture_food", "water",
    "healthcare", "education_science", "culture_sport", "tourism", "digital_it", "security_defense",
)  # fmt: skip

SentenceSectors = tuple[int, int, list[str]]


def _term(entry: str) -> str:
    """Turn a lexicon entry into a regex: `*` is any word ending, a space any run of spaces or dashes."""
    body = entry.replace("*", r"\w*").replace(" ", r"[\s\-–]+")
    return rf"\b(?:{body})\b"


@dataclass(slots=True, frozen=True)
class Lexicon:
    """One language's sector terms: one fast alternation to find them, the entries in order to name them."""

    terms: re.Pattern[str]
    entries: tuple[tuple[re.Pattern[str], str | None], ...]  # in priority order; None blocks a look-alike
    cues: re.Pattern[str]
    known: dict[str, str | None] = field(default_factory=dict)  # matched text -> sector, filled lazily

    @classmethod
    def from_module(cls, module: ModuleType) -> Lexicon:
        """Compile a language module's PHRASES, STEMS and CUES; longer entries first at each position."""
        alternatives: list[tuple[str, str | None]] = []
        for table in (module.PHRASES, module.STEMS):
            group = [(entry, sector) for sector, entries in table.items() for entry in entries]
            group.sort(key=lambda pair: -len(pair[0]))
            alternatives.extend(group)
        for sector in {s for _, s in alternatives} - {None}:
            assert sector in SECTORS, f"unknown sector {sector!r} in {module.__name__}"
        # No capture groups: they would stop `re` from scanning the alternation quickly.
        return cls(
            terms=re.compile(r"\b(?:" + "|".join(_term(e) for e, _ in alternatives) + ")", re.IGNORECASE),
            entries=tuple((re.compile(_term(e), re.IGNORECASE), s) for e, s in alternatives),
            cues=re.compile(r"\b(?:" + "|".join(_term(e) for e in module.CUES) + ")", re.IGNORECASE),
        )

    def sector_of(self, term: str) -> str | None:
        """The sector of a matched term: the first entry that matches it, as the alternation chose."""
        if term not in self.known:
            self.known[term] = next((s for p, s in self.entries if p.fullmatch(term)), None)
        return self.known[term]

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every sector term in text[start:end] as (start, end, sector), blocked look-alikes left out."""
        out = []
        for m in self.terms.finditer(text, start, len(text) if end is None else end):
            sector = self.sector_of(m.group())
            if sector is not None:
                out.append((m.start(), m.end(), sector))
        return out


LEXICONS: dict[str, Lexicon] = {
    lang: Lexicon.from_module(mod) for lang, mod in (("kk", kk), ("ru", ru), ("en", en))
}


def lexicons_for(lang: str) -> list[Lexicon]:
    """The lexicon of the article's language; all three when the language is unknown."""
    return [LEXICONS[lang]] if lang in LEXICONS else list(LEXICONS.values())


def has_cue(text: str, lang: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] speaks of cooperation, talks, plans or projects."""
    stop = len(text) if end is None else end
    return any(lex.cues.search(text, start, stop) for lex in lexicons_for(lang))


def _org_spans(doc: Document) -> list[tuple[int, int]]:
    """Organisation names: a sector word inside one ("Medical University") is a name, not evidence."""
    return [(m.start, m.end) for e in doc.entities if e.type == "ORG" for m in e.mentions]


def sector_sentences(doc: Document) -> list[SentenceSectors]:
    """Every body sentence with the sectors it names (sorted ids, possibly none)."""
    orgs = _org_spans(doc)
    lexicons = lexicons_for(doc.lang)
    out: list[SentenceSectors] = []
    for start, end in split_sentences(doc):
        found = set()
        for lex in lexicons:
            for a, b, sector in lex.hits(doc.text, start, end):
                if not any(oa <= a and b <= ob for oa, ob in orgs):
                    found.add(sector)
        out.append((start, end, sorted(found)))
    return out


def document_sectors(doc: Document, sentences: list[SentenceSectors] | None = None) -> list[str]:
    """Sectors with evidence: named beside a cooperation cue, in an enumeration of 3+, or in 2+ sentences."""
    sentences = sector_sentences(doc) if sentences is None else sentences
    counts: Counter[str] = Counter()
    strong: set[str] = set()
    for start, end, sectors in sentences:
        counts.update(sectors)
        if sectors and (len(sectors) >= 3 or has_cue(doc.text, doc.lang, start, end)):
            strong.update(sectors)
    return sorted(strong | {s for s, n in counts.items() if n >= 2})


# A stated figure is reported cooperation in its field (CONTRACT: "... talks or figures").
SECTOR_OF_INDICATOR = {
    "trade_turnover": "trade",
    "exports": "trade",
    "imports": "trade",
    "investment": "investment_finance",
}


class SectorTagger:
    """Stage: the fields of cooperation that the article reports, by sector id (run after the figures)."""

    assigns: ClassVar[tuple[str, ...]] = ("sectors",)

    def __call__(self, doc: Document) -> Document:
        from_figures = {
            SECTOR_OF_INDICATOR[f.indicator] for f in doc.figures if f.indicator in SECTOR_OF_INDICATOR
        }
        doc.sectors = sorted(set(document_sectors(doc)) | from_figures)
        return doc
