"""NER evaluation on public sets: per-type precision, recall and F1 with exact span matching.

Datasets (under `../shared/data` by default, or `$COOPWATCH_DATA`), each with a test and a dev split:
`kaznerd` (KazNERD, our Kazakh recogniser), `factru` (factRuEval-2016, natasha), `conll` (CoNLL++ test
and CoNLL-2003 dev, spaCy). Types compared: PER, ORG, LOC (our GPE counts as LOC); gold types outside
these are ignored and so are predictions of other types and of adjectives (French, Kazakh: kind
`adjective` or `demonym`, which we keep as country mentions, the datasets as no names or MISC).
factRuEval people span from their first to last part, organisations and places are their name parts
(`org_name`, `loc_name`: Газпром in ОАО «Газпром», as natasha's own evaluation reads them); only the
outermost spans count (our output is flat); its LocOrg counts as LOC.
Usage: `evaluate_ner("conll", split="dev", limit=50)` then `format_report`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coopwatch.entities.base import Recognizer

DATA_DIR = Path(os.environ.get("COOPWATCH_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
TYPES = ("PER", "ORG", "LOC")
DATASETS = ("kaznerd", "factru", "conll")
SPLITS = ("test", "dev")
Span = tuple[int, int, str]
_FACTRU_NAME = {"ORG": "org_name", "LOC": "loc_name"}  # the span kind that names an organisation, a place


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class NerReport:
    """What one evaluation run measured, or why it was skipped."""

    dataset: str
    split: str = "test"
    recognizer: str = ""
    docs: int = 0
    seconds: float = 0.0
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    skipped: str | None = None

    @property
    def micro(self) -> Counts:
        return Counts(*(sum(getattr(c, k) for c in self.counts.values()) for k in ("tp", "fp", "fn")))


@dataclass(slots=True)
class Example:
    """One evaluation text and its gold spans."""

    text: str
    gold: set[Span]


def _label(type_: str) -> str | None:
    """Our type, or a dataset's, folded into the compared types."""
    t = {"GPE": "LOC", "PERSON": "PER", "ORGANISATION": "ORG", "LOCATION": "LOC", "LocOrg": "LOC",
         "Location": "LOC", "Person": "PER", "Org": "ORG"}.get(type_, type_)  # fmt: skip
    return t if t in TYPES else None


def iob_sentences(lines: Iterable[str]) -> Iterator[list[tuple[str, str]] | None]:
    """(token, tag) sentences of an IOB2 file; None where a `-DOCSTART-` line starts a new document."""
    cur: list[tuple[str, str]] = []
    for raw in lines:
        cols = raw.split()
        if not cols or cols[0] == "-DOCSTART-":
            if cur:
                yield cur
                cur = []
            if cols:
                yield None
            continue
        cur.append((cols[0], cols[-1]))
    if cur:
        yield cur


def join_sentences(sentences: Sequence[list[tuple[str, str]]]) -> Example:
    """One text from sentences (tokens joined by spaces, sentences by line breaks) with its gold spans."""
    text_parts: list[str] = []
    gold: set[Span] = set()
    pos = 0
    for sent in sentences:
        starts = []
        for tok, _ in sent:
            starts.append(pos)
            pos += len(tok) + 1
        open_: tuple[int, str] | None = None
        for i, (_tok, tag) in enumerate([*sent, ("", "O")]):
            if open_ is not None and not tag.startswith("I-"):
                t = _label(open_[1])
                if t:
                    gold.add((starts[open_[0]], starts[i - 1] + len(sent[i - 1][0]), t))
                open_ = None
            if tag.startswith("B-") or (tag.startswith("I-") and open_ is None):
                open_ = (i, tag[2:])
        text_parts.append(" ".join(tok for tok, _ in sent))
    return Example("\n".join(text_parts), gold)


def read_conll(path: Path) -> Iterator[Example]:
    """CoNLL-2003 documents (split at `-DOCSTART-`)."""
    doc: list[list[tuple[str, str]]] = []
    with path.open(encoding="utf-8") as f:
        for sent in iob_sentences(f):
            if sent is None:
                if doc:
                    yield join_sentences(doc)
                doc = []
            else:
                doc.append(sent)
    if doc:
        yield join_sentences(doc)


def read_kaznerd(path: Path, sentences_per_doc: int = 20) -> Iterator[Example]:
    """KazNERD has no documents: its sentences go in blocks of `sentences_per_doc`."""
    doc: list[list[tuple[str, str]]] = []
    with path.open(encoding="utf-8") as f:
        for sent in iob_sentences(f):
            if sent is not None:
                doc.append(sent)
            if len(doc) == sentences_per_doc:
                yield join_sentences(doc)
                doc = []
    if doc:
        yield join_sentences(doc)


def read_factru(folder: Path) -> Iterator[Example]:
    """factRuEval-2016 standoff: a person from its first to last span; an organisation or place by its
    name spans only (`org_name`, `loc_name`), without descriptors (the company, the city of) or quotes."""
    if not folder.is_dir():
        raise FileNotFoundError(2, "no such folder", str(folder))
    for txt in sorted(folder.glob("*.txt"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0)):
        if not txt.with_suffix(".objects").is_file():
            continue
        with txt.open(encoding="utf-8", newline="") as f:  # offsets count \r\n as two characters
            text = f.read()
        spans: dict[str, tuple[int, int, str]] = {}
        for line in txt.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            cols = line.split("#")[0].split()
            if len(cols) >= 4:
                spans[cols[0]] = (int(cols[2]), int(cols[2]) + int(cols[3]), cols[1])
        objects: set[Span] = set()
        for line in txt.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            cols = line.split("#")[0].split()
            t = _label(cols[1]) if len(cols) >= 3 else None
            parts = [spans[s] for s in cols[2:] if s in spans]
            if t == "PER" and parts:
                objects.add((min(a for a, *_ in parts), max(b for _, b, _ in parts), t))
            elif t:
                objects.update((a, b, t) for a, b, kind in parts if kind == _FACTRU_NAME[t])
        outer = {o for o in objects if not any(p != o and p[0] <= o[0] and o[1] <= p[1] for p in objects)}
        yield Example(text, outer)


def _recognizer(dataset: str) -> Recognizer:
    from coopwatch.gazetteer import Gazetteer

    if dataset == "factru":
        from coopwatch.ner.ru import RussianRecognizer

        return RussianRecognizer(Gazetteer.load())
    if dataset == "conll":
        from coopwatch.ner.en import EnglishRecognizer

        return EnglishRecognizer(Gazetteer.load())
    from coopwatch.ner.kk import KazakhRecognizer

    rec: Recognizer = KazakhRecognizer()
    return rec


def _examples(dataset: str, data_dir: Path, split: str = "test") -> Iterator[Example]:
    if dataset == "factru":
        return read_factru(data_dir / "factrueval2016" / f"{split}set")
    if dataset == "conll":
        return read_conll(data_dir / "conllpp_en" / f"conllpp_{split}.txt")
    return read_kaznerd(data_dir / "kaznerd" / f"IOB2_{'valid' if split == 'dev' else split}.txt")


def evaluate_ner(
    dataset: str, limit: int | None = None, data_dir: Path | None = None, split: str = "test"
) -> NerReport:
    """Score one language's recogniser on a public set (`split`: test or dev; `limit`: the first N documents)."""
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    report = NerReport(dataset, split)
    data_dir = data_dir or DATA_DIR
    try:
        rec = _recognizer(dataset)
    except (ImportError, OSError) as exc:
        report.skipped = f"no recogniser for {dataset}: {exc}"
        return report
    report.recognizer = type(rec).__name__
    try:
        examples = _examples(dataset, data_dir, split)
        t0 = time.perf_counter()
        for ex in examples:
            if limit is not None and report.docs >= limit:
                break
            pred = {
                (s.start, s.end, t)
                for s in rec.recognize(ex.text)
                if s.kind == "name" and (t := _label(s.type))
            }
            for t in TYPES:
                g = {x for x in ex.gold if x[2] == t}
                p = {x for x in pred if x[2] == t}
                c = report.counts[t]
                c.tp += len(g & p)
                c.fp += len(p - g)
                c.fn += len(g - p)
            report.docs += 1
        report.seconds = time.perf_counter() - t0
    except FileNotFoundError as exc:
        report.skipped = f"dataset {dataset} not found: {exc.filename}"
    return report


def format_report(report: NerReport) -> str:
    """A plain-text table: one row per type and a micro average."""
    if report.skipped:
        return f"{report.dataset}: skipped ({report.skipped})"
    ms = 1000 * report.seconds / report.docs if report.docs else 0.0
    rows = [
        f"{report.dataset} {report.split}: {report.recognizer}, {report.docs} documents, "
        f"{report.seconds:.1f} s ({ms:.0f} ms/doc)",
        f"{'type':<6}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}",
    ]
    for name, c in [*report.counts.items(), ("micro", report.micro)]:
        rows.append(
            f"{name:<6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}{c.tp + c.fn:>8}{c.tp + c.fp:>8}"
        )
    return "\n".join(rows)
