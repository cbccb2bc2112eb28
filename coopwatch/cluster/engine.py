"""Assign each arriving article to the event it reports, against everything already indexed.

Per article: cheap keys find a bounded list of candidate articles (inverted index, capped
postings), and so the clusters they belong to. Each such cluster is judged as a whole:

1. the event signatures (date, partner pair) of the article and of every member must be
   compatible, or the cluster is vetoed;
2. a small model (`pairs.py`) gives the probability that the article and each member tell one
   event, from evidence weighted by how specific it is in the knowledge base;
3. the article joins the cluster whose mean probability over its members is highest, if that
   mean reaches the model's threshold. One similar member is not enough, so stories do not
   chain; a second cluster that passes the same test against the article merges into it only
   when all their members are compatible and the two clusters, as wholes, pass it too.

Candidates whose signature conflicts with the article are dropped before they are ranked, so
reports of other meetings of the same leaders cannot crowd the right cluster out. An undated
article is never joined on the model alone (nothing tells two meetings of the same people
apart): only a near-copy, or sentence alignment with a report in another language, joins it.
Sentence embeddings serve only there, and for a dated cluster just under the threshold: aligned
lead sentences that carry a name or a number decide. The cost of one article does not depend
on how many are stored.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from coopwatch.cluster import pairs
from coopwatch.cluster.embeddings import MARGIN, MARGIN_SAME_LANGUAGE, Embedder, SentenceVectors, alignment
from coopwatch.cluster.evidence import Record, record_of
from coopwatch.cluster.index import POSTING_CAP, ClusterIndex, Link
from coopwatch.cluster.signature import StatedDate, agreed, conflict, date_gap
from coopwatch.model import Document
from coopwatch.store.base import DF_TOTAL

MAX_CANDIDATES = 24  # candidate articles per new article, best blocking weight first
MAX_CLUSTERS = 8  # of their clusters, how many are judged
MAX_MEMBERS = 16  # members of a cluster read to judge it (the latest ones)
MIN_CANDIDATE_WEIGHT = 1.0
UNDECIDED = 0.35  # a cluster's mean probability from which alignment may still decide
# An undated article joins only on strong evidence, a near-copy or an aligned translation (the
# model alone joined different undated NTREX stories, B-cubed precision 0.89): alignment is asked
# of every compatible candidate cluster, best first.
UNDECIDED_UNDATED = 0.0
MAX_EMBEDDED = 8  # clusters per article that may be decided by alignment
# Alignment decides when enough of the shorter article's informative sentences find a match: two
# thirds of them (a translation), or half of them and at least three (a rewrite of one release).
ALIGN_RULES = ((0.66, 2), (0.5, 3))
MIN_ALIGNED = 2
MAX_KEYS_SHOWN = 8
FIGURES_DIFFER = 0.01  # two values of one measure disagree when more than 1% apart (not rounding)
# How much one shared blocking key says when looking for candidates: entities and figures are
# specific, text numbers and name skeletons less so.
WEIGHTS = {"e": 3.0, "f": 3.0, "g": 1.5, "b": 1.0, "n": 1.0, "w": 1.0, "v": 1.0, "p": 0.5}


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


@dataclass(slots=True)
class Verdict:
    """How one candidate cluster was judged against the new article."""

    cluster: str
    members: list[Record]
    scores: list[pairs.PairScore]
    mean: float
    veto: str | None = None
    rule: str = "signature"
    sentences: list[list[object]] | None = None  # aligned sentence pairs, when alignment decided


def _measure(figure: dict) -> tuple[object, object, object]:  # type: ignore[type-arg]
    """What a figure measures: two values of one measure are comparable."""
    return figure["indicator"], figure["period"], figure["currency"]


def _said(stated: StatedDate, article: str) -> dict[str, object]:
    """One side of a date disagreement: the day, the words that state it, and where."""
    return {
        "value": stated.iso,
        "text": stated.text,
        "start": stated.start,
        "end": stated.end,
        "article": article,
    }


def _undecided(record: Record, verdict: Verdict) -> float:
    """The mean probability from which alignment is asked: any, when the dates cannot be compared."""
    return UNDECIDED if _dated(record, verdict) else UNDECIDED_UNDATED


def _dated(record: Record, verdict: Verdict) -> bool:
    """Whether the article's date can be compared with every member's (a full date, or a stated day
    and month against one), so that the model's verdict can stand."""
    return all(date_gap(record.event, m.event) is not None for m in verdict.members)


def _decided(record: Record, verdict: Verdict) -> bool:
    """The model may join dated reports; undated ones only a near-copy (or, later, an alignment)."""
    return verdict.rule == "near-duplicate" or _dated(record, verdict)


class Clusterer:
    """Decides, one article at a time, which cluster it joins; remembers why in the index."""

    def __init__(
        self,
        index: ClusterIndex,
        embedder: Embedder | None = None,
        *,
        dedupe: bool = True,
        model: pairs.PairModel | None = None,
    ) -> None:
        self.index = index
        self.dedupe = dedupe  # the store keeps one copy of a text; a batch keeps every line
        self.vectors = SentenceVectors(embedder) if embedder is not None else None
        self.model = model or pairs.default_model()
        self.stats: Counter[str] = Counter()
        self._seen: dict[str, list[Document]] = {}
        self._prepared: dict[int, Record] = {}
        self._pending: Counter[str] = Counter()  # key frequencies of prepared articles not yet filed
        self._weights: dict[str, float] = {}

    # Document frequencies: the knowledge base's, plus the batch being prepared.

    def prepare(self, docs: Sequence[Document]) -> None:
        """Count a whole batch's keys before deciding any article, so that order matters less."""
        for doc in docs:
            if doc.error or id(doc) in self._prepared:
                continue
            record = record_of(doc)
            self._prepared[id(doc)] = record
            self._pending.update(record.terms())
            self._pending[DF_TOTAL] += 1

    def _load_weights(self, keys: Iterable[str]) -> None:
        wanted = set(keys) | {DF_TOTAL}
        counts = self.index.frequencies(wanted)
        total = counts.get(DF_TOTAL, 0) + self._pending[DF_TOTAL]
        self._weights = {
            k: pairs.specificity(counts.get(k, 0) + self._pending[k], total) for k in wanted if k != DF_TOTAL
        }

    def weigh(self, key: str) -> float:
        """How specific a key is now: 1 for a key no other article has, near 0 for one that all have."""
        return self._weights.get(key, 1.0)

    # Deciding one article.

    def add(self, doc: Document) -> str | None:
        """Put one analysed article in a cluster (new or existing) and return its id."""
        if doc.error:
            return None
        record = self._prepared.pop(id(doc), None)
        if record is None:
            record = record_of(doc)
        else:
            self._pending.subtract(record.terms())
            self._pending[DF_TOTAL] -= 1
        if not self.dedupe and record.key in self._seen:
            record.key = f"{record.key}#{len(self._seen)}"
        self._seen.setdefault(record.key, []).append(doc)
        known = self.index.record(record.key)
        if known is not None:  # the same text again: it stays where it is
            doc.cluster = known.cluster
            return known.cluster
        keys = record.blocking_keys() | set(self._lead_keys(record))
        verdicts = self._judge(record, self._candidates(record, keys))
        joined = [
            v for v in verdicts if v.veto is None and v.mean >= self.model.threshold and _decided(record, v)
        ]
        if not joined:
            tie = self._tie_break(
                record, [v for v in verdicts if v.veto is None and v.mean >= _undecided(record, v)]
            )
            joined = [tie] if tie else []
        joined.sort(key=lambda v: (-v.mean, -len(v.members), v.cluster))
        merged = [v for v in joined[1:] if self._mergeable(record, joined[0], v)]
        self.stats["merges_refused"] += max(0, len(joined) - 1 - len(merged))
        self.stats["vetoed"] += sum(1 for v in verdicts if v.veto)
        record.cluster = joined[0].cluster if joined else self.index.new_cluster_id(record)
        links = [link for v in joined[:1] + merged for link in self._links(record, v)]
        if joined:
            links += self._disagreements(record, joined[0].members)
        self.index.add(record, keys, links, [v.cluster for v in merged])
        self.stats["articles"] += 1
        self.stats["joined" if joined else "new"] += 1
        doc.cluster = record.cluster
        return record.cluster

    def finish(self) -> None:
        """Give every article of this run its final cluster (a later article may have merged two)."""
        for key, docs in self._seen.items():
            record = self.index.record(key)
            for doc in docs:
                doc.cluster = record.cluster if record else doc.cluster

    def _candidates(self, record: Record, keys: Iterable[str]) -> list[Record]:
        """The best-supported articles filed under the new article's keys (common keys skipped) whose
        signatures do not forbid the same event: a dozen reports of other meetings of the same
        leaders must not crowd out the one report of this meeting."""
        weight: Counter[str] = Counter()
        for key, members in self.index.postings(keys, POSTING_CAP).items():
            w = WEIGHTS.get(_kind(key), 1.0)
            for member in members:
                weight[member] += w
        ranked = [k for k, w in weight.most_common(MAX_CANDIDATES * 4) if w >= MIN_CANDIDATE_WEIGHT]
        found = [r for r in (self.index.record(k) for k in ranked) if r is not None]
        compatible = [r for r in found if conflict(record.event, r.event) is None][:MAX_CANDIDATES]
        self.stats["candidates"] += len(compatible)
        self.stats["candidates_vetoed"] += len(found) - len(compatible)
        return compatible

    def _judge(self, record: Record, candidates: list[Record]) -> list[Verdict]:
        """Each candidate cluster against the new article: vetoed, or the mean probability over its members."""
        clusters = list(dict.fromkeys(c.cluster for c in candidates))[:MAX_CLUSTERS]
        fetched = {c.key: c for c in candidates}  # read from the index already
        members = {c: self._members(c, fetched) for c in clusters}
        self._load_weights(record.terms().union(*(m.terms() for ms in members.values() for m in ms)))
        verdicts = []
        for cluster in clusters:
            ms = members[cluster]
            veto = next((why for m in ms if (why := conflict(record.event, m.event))), None)
            if veto or not ms:
                verdicts.append(Verdict(cluster, ms, [], 0.0, veto or "empty"))
                continue
            scores = [pairs.score(record, m, self.weigh, self.model) for m in ms]
            mean = sum(s.probability for s in scores) / len(scores)
            rule = "near-duplicate" if any(s.jaccard >= pairs.NEAR_DUPLICATE for s in scores) else "signature"
            verdicts.append(Verdict(cluster, ms, scores, mean, None, rule))
        return verdicts

    def _members(self, cluster: str, fetched: dict[str, Record]) -> list[Record]:
        keys = self.index.members(cluster, MAX_MEMBERS)
        return [r for r in (fetched.get(k) or self.index.record(k) for k in keys) if r]

    def _mergeable(self, record: Record, into: Verdict, other: Verdict) -> bool:
        """A second cluster the article also fits merges into the first only on the rule an article
        joins by: no member of one conflicts with a member of the other, and the other's members,
        against the first's and the article, reach the threshold on average. An article that names
        two stories does not make them one."""
        if any(conflict(x.event, y.event) for x in into.members for y in other.members):
            return False
        probabilities = [s.probability for s in other.scores]
        for x in into.members:
            probabilities += [pairs.score(x, y, self.weigh, self.model).probability for y in other.members]
        return sum(probabilities) / len(probabilities) >= self.model.threshold

    def _links(self, record: Record, verdict: Verdict) -> list[Link]:
        """One link per member the article was judged against, with what agreed and the weighted keys."""
        out = []
        for member, s in zip(verdict.members, verdict.scores, strict=False):
            detail = {
                "probability": round(s.probability, 3),
                "cluster_mean": round(verdict.mean, 3),
                "agreed": agreed(record.event, member.event),
                "keys": [[k, round(w, 2)] for k, w in s.keys[:MAX_KEYS_SHOWN]],
                "jaccard": round(s.jaccard, 3),
            }
            if verdict.rule == "aligned" and member is verdict.members[0]:
                detail["sentences"] = verdict.sentences
            rule = "near-duplicate" if s.jaccard >= pairs.NEAR_DUPLICATE else verdict.rule
            out.append(Link(member.key, record.key, rule, round(s.probability, 3), detail))
        return out

    @staticmethod
    def _disagreements(record: Record, members: list[Record]) -> list[Link]:
        """Figures (same indicator and period) and event dates on which the article and a member differ:
        the days their leads state (`on 5 November`), not the days they were published."""
        out = []
        for m in members:
            for fa, fb in itertools.product(record.figures, m.figures):
                if fa["period"] is None or _measure(fa) != _measure(fb):
                    continue
                big = max(abs(fa["value"]), abs(fb["value"])) or 1.0
                if abs(fa["value"] - fb["value"]) / big > FIGURES_DIFFER:
                    detail = {"field": "figure", "indicator": fa["indicator"], "period": fa["period"],
                              "a": {**fb, "article": m.doc_id}, "b": {**fa, "article": record.doc_id}}  # fmt: skip
                    out.append(Link(m.key, record.key, "disagrees", 0.0, detail))
            sa, sb = m.event.stated, record.event.stated
            if sa and sb and sa.month_day != sb.month_day:
                detail = {"field": "date", "a": _said(sa, m.doc_id), "b": _said(sb, record.doc_id)}
                out.append(Link(m.key, record.key, "disagrees", 0.0, detail))
        return out

    # Embeddings, only for a cluster the model leaves undecided.

    def _tie_break(self, record: Record, undecided: list[Verdict]) -> Verdict | None:
        if self.vectors is None or not undecided:
            return None
        for verdict in sorted(undecided, key=lambda v: -v.mean)[:MAX_EMBEDDED]:
            others = [i for i, m in enumerate(verdict.members) if m.lang != record.lang]
            if not others or any(m.event.remote != record.event.remote for m in verdict.members):
                # A report in the same language is joined by a near-copy, not by alignment; a phone
                # call and a visit share background sentences, not the event.
                continue
            best = max(others, key=lambda i: verdict.scores[i].probability)
            member = verdict.members[best]
            self.stats["tie_breaks"] += 1
            share, pairs_found = self._alignment(record, member)
            if any(share >= need and len(pairs_found) >= n for need, n in ALIGN_RULES):
                verdict.rule = "aligned"
                top = sorted(pairs_found, key=lambda p: -p[2])[:3]
                verdict.sentences = [
                    [member.sentences[j], record.sentences[i], round(c, 3)] for i, j, c in top
                ]
                verdict.members = [member, *verdict.members[:best], *verdict.members[best + 1 :]]
                verdict.scores = [verdict.scores[best], *verdict.scores[:best], *verdict.scores[best + 1 :]]
                self.stats["aligned"] += 1
                return verdict
        return None

    def _lead_keys(self, record: Record) -> list[str]:
        """Approximate-index keys of an undated article's lead sentence, so that its translations
        become candidates without a shared name or number. Dated articles get none: they are found
        by their keys, and embedding every lead would cost most of the clustering time."""
        if self.vectors is None or not record.sentences or record.event.day or record.event.month_day:
            return []
        return self.vectors.lead_keys(self._sentence_vectors(record)[0])

    def _sentence_vectors(self, record: Record) -> np.ndarray:
        assert self.vectors is not None
        stored = self.index.vectors(record.key)
        vectors = self.vectors.of(record.key, record.sentences, stored)
        if stored is None:
            self.index.save_vectors(record.key, vectors)
            self.stats["sentences_embedded"] += len(record.sentences)
        return vectors

    def _alignment(self, a: Record, b: Record) -> tuple[float, list[tuple[int, int, float]]]:
        if len(a.sentences) < MIN_ALIGNED or len(b.sentences) < MIN_ALIGNED:
            return 0.0, []
        margin = MARGIN_SAME_LANGUAGE if a.lang == b.lang else MARGIN
        return alignment(self._sentence_vectors(a), self._sentence_vectors(b), margin)
