"""What an article states that does not depend on its language, as keys for blocking and scoring.

Strong keys come from the analysis (canonical people and organisations, stated figures);
weak keys from the text itself (numbers, names reduced to a script-free consonant skeleton,
partner pairs, event types), so that stories with no gazetteer entity still meet candidates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np

from coopwatch.cluster import minhash
from coopwatch.cluster.signature import Signature, signature_of
from coopwatch.model import Document, Entity
from coopwatch.sentences import split_sentences
from coopwatch.translit import name_key

MAX_SENTENCES = 6  # lead + first five: what sentence alignment reads of an article
MAX_SENTENCE_CHARS = 400
MIN_SENTENCE_WORDS = 4
MAX_NAMES = 40
MAX_NUMBERS = 40
TERM_KINDS = frozenset("efgnw")  # entity, figure, place, number, name skeleton

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0.,]\d+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[ \u00a0.,]\d{3})+$")
_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]{2,}")
_ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}$")
_VOWELS = set("aeiouy")
_NON_DIGIT = re.compile(r"\D")
_DOMAIN = re.compile(r"\w\.(?:kz|ru|uz|kg|az|com|net|org|info|news|tv|media)\b", re.IGNORECASE)


@dataclass(slots=True)
class Record:
    """One article as clustering remembers it: enough to score new articles against it later."""

    key: str  # SHA-256 of the text, the store's content hash
    doc_id: str
    lang: str
    strong: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    signature: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    sentences: list[str] = field(default_factory=list)
    cluster: str = ""
    event: Signature = field(default_factory=Signature)
    figures: list[dict] = field(default_factory=list)  # stated figures with their spans, for disagreements

    def blocking_keys(self) -> set[str]:
        """Keys under which the index files this article (MinHash bands included)."""
        return self.strong | self.weak | set(minhash.band_keys(self.signature))

    def terms(self) -> set[str]:
        """The keys whose specificity is weighed: names, places, figures, numbers (not pairs or types)."""
        return {k for k in self.strong | self.weak if k[0] in TERM_KINDS}


def content_key(text: str) -> str:
    """The store's content hash, so an article clustered once is recognised when it comes again."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _number_keys(raw: str) -> list[str]:
    """A number written in any of the three languages' styles (4,2 / 4.2 / 1 000 / 1,000) as keys."""
    raw = raw.strip(" \u00a0.,")
    if re.match(r"^\d{1,3}[.,]\d{3}$", raw):  # 1,000 in English, 1,000 (one) in Russian: both
        return [f"n:{int(re.sub(r'[.,]', '', raw))}", f"n:{float(raw.replace(',', '.')):g}"]
    if _THOUSANDS.match(raw):
        return [f"n:{int(_NON_DIGIT.sub('', raw))}"]
    if re.match(r"^\d+[.,]\d+$", raw):
        return [f"n:{float(raw.replace(',', '.')):g}"]
    digits = re.sub(r"[ \u00a0]", "", raw)
    if not digits.isdigit() or len(digits) < 2:
        return []  # single digits are everywhere; odd groupings say nothing
    return [f"n:{int(digits)}"]


def numbers(text: str) -> set[str]:
    """Number keys of the text (two digits or more, or with decimals)."""
    keys: set[str] = set()
    for m in _NUMBER.finditer(text):
        keys.update(_number_keys(m.group()))
        if len(keys) >= MAX_NUMBERS:
            break
    return keys


def skeleton(word: str) -> str:
    """A name's first letter and next consonants in Latin: Trump, Трамп and Трамптың give `trmp`."""
    key = name_key(word).replace(" ", "")
    if not key:
        return ""
    return (key[0] + "".join(c for c in key[1:] if c not in _VOWELS and c.isalpha()))[:4]


def names(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """Skeletons of capitalised words that do not open a sentence (names, in any script)."""
    keys: set[str] = set()
    for start, end in spans:
        sentence = text[start:end]
        for m in _CAPITALISED.finditer(sentence):
            word = m.group()
            if m.start() == 0 and not _ACRONYM.match(word):
                continue
            sk = skeleton(word)
            if len(sk) >= 3:
                keys.add(f"w:{sk}")
            if len(keys) >= MAX_NAMES:
                return keys
    return keys


def _informative(sentence: str) -> bool:
    """A sentence with a name or a number: one with neither ("the leaders discussed the current
    state of relations") is said of every meeting and is no evidence of the same story."""
    if any(ch.isdigit() for ch in sentence):
        return True
    return any(m.start() > 0 for m in _CAPITALISED.finditer(sentence))


def lead_sentences(doc: Document, spans: list[tuple[int, int]]) -> list[str]:
    """The article's first informative sentences: what alignment compares across languages."""
    out: list[str] = []
    for start, end in spans:
        sentence = " ".join(doc.text[start:end].split())
        if len(sentence.split()) < MIN_SENTENCE_WORDS or not _informative(sentence):
            continue
        out.append(sentence[:MAX_SENTENCE_CHARS])
        if len(out) >= MAX_SENTENCES:
            break
    return out


def _outlet(entity: Entity, text: str) -> bool:
    """A news site named as the messenger (BAQ.KZ, Tengrinews.kz): two reports from one outlet
    share it whatever events they tell."""
    return entity.type == "ORG" and all(_DOMAIN.match(text, m.end - 1) for m in entity.mentions)


def record_of(doc: Document) -> Record:
    """The language-independent evidence of an analysed article."""
    strong = {f"e:{e.id}" for e in doc.entities if e.type in ("PER", "ORG") and not _outlet(e, doc.text)}
    strong |= {f"g:{e.id}" for e in doc.entities if e.type in ("GPE", "LOC") and not e.country}
    strong |= {
        f"f:{f.indicator}:{f.currency}:{round(float(f.value), -3 if f.value > 10_000 else 0)}"
        for f in doc.figures
    }
    body = doc.body_text(" ") or doc.text
    spans = split_sentences(doc) if doc.body() else [(0, len(doc.text))]
    weak = numbers(body) | names(doc.text, spans)
    weak |= {f"p:{a}-{b}" for a, b in (sorted(p) for p in doc.partners)}
    weak |= {f"v:{e.type}:{e.date}" for e in doc.events if e.date}
    return Record(
        key=content_key(doc.text),
        doc_id=doc.id,
        lang=doc.lang,
        strong=strong,
        weak=weak,
        signature=minhash.signature(body),
        sentences=lead_sentences(doc, spans),
        event=signature_of(doc),
        figures=[
            {
                "indicator": f.indicator,
                "period": f.period,
                "value": f.value,
                "currency": f.currency,
                "text": f.text,
                "start": f.start,
                "end": f.end,
            }
            for f in doc.figures
            if f.indicator != "other"
        ],
    )
