"""How likely two reports with compatible signatures tell one event: a small logistic model.

Evidence is weighted by how specific it is: each key (a person, an organisation, a place, a
figure, a number, a name skeleton) by its inverse document frequency in the knowledge base, so
that Tokayev and Akorda, in half of all Kazakh news, say almost nothing and a rare name says a
lot. The model reads a handful of such features; its weights are fitted by
`scripts/fit_cluster_pairs.py` and shipped in `coopwatch/data/models/cluster_pairs.json`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from coopwatch.cluster import minhash
from coopwatch.cluster.evidence import Record, skeleton
from coopwatch.cluster.signature import date_gap

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "models" / "cluster_pairs.json"
FEATURES: tuple[str, ...] = (
    "cosine", "entities", "specific", "dated", "remote_differs", "place_differs", "pairs", "own_people",
)  # fmt: skip
NEAR_DUPLICATE = 0.7  # MinHash Jaccard of a republished text
# Until a knowledge base has seen this many articles, a key is not known to be common: a name in
# two of the first three articles is no more evidence of commonness than a name in one.
PRIOR_ARTICLES = 20

Weigher = Callable[[str], float]  # key -> specificity in [0, 1]


def specificity(df: int, total: int) -> float:
    """A key's inverse document frequency scaled to [0, 1] by the largest it could be at this size
    (counted as if `PRIOR_ARTICLES` more articles without the key had been seen)."""
    n = max(total, 0) + PRIOR_ARTICLES + 2
    return max(0.0, math.log(n / (df + 1)) / math.log(n))


@dataclass(slots=True)
class PairScore:
    """The model's verdict on one pair, with what it read, for the explanation of a join."""

    probability: float
    features: dict[str, float]
    keys: list[tuple[str, float]] = field(default_factory=list)  # shared keys, most specific first
    jaccard: float = 0.0


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic weights over FEATURES plus a bias."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5  # mean probability against a cluster's members needed to join it

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> PairModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=dict(data["weights"]), bias=float(data["bias"]), threshold=float(data["threshold"])
        )

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    return PairModel.load()


def features(a: Record, b: Record, weigh: Weigher) -> tuple[dict[str, float], list[tuple[str, float]]]:
    """The model's inputs for a pair whose signatures are compatible, and the shared keys with weights."""
    ta, tb = a.terms(), b.terms()
    wa = {k: weigh(k) for k in ta}
    wb = {k: wa[k] if k in wa else weigh(k) for k in tb}
    shared = sorted(((k, wa[k]) for k in ta & tb), key=lambda kw: (-kw[1], kw[0]))
    dot = sum(w * w for _, w in shared)
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(w * w for w in wb.values()))
    ea, eb = a.event, b.event
    out = {
        "cosine": dot / (na * nb) if na and nb else 0.0,
        "entities": math.log1p(sum(w for k, w in shared if k[0] in "efg")),
        "specific": math.log1p(sum(w for _, w in shared)),
        "dated": 1.0 if date_gap(ea, eb) is not None else 0.0,
        "remote_differs": 1.0 if ea.remote != eb.remote else 0.0,
        "place_differs": 1.0 if ea.place and eb.place and ea.place != eb.place else 0.0,
        "pairs": 1.0 if ea.pairs and ea.pairs == eb.pairs else 0.0,
        "own_people": min(_own(a, b, weigh), _own(b, a, weigh)),
    }
    return out, shared


def _own(a: Record, b: Record, weigh: Weigher) -> float:
    """How specific the participants are that one report has and the other never names: the other
    side of a meeting is who tells two signings at one forum apart. A name the other report writes
    differently (Тамим / Tamim bin Hamad Al Thani, Likhachyov / Likhachev) counts as named: any
    word of it whose skeleton the other text has."""
    named = b.event.participants | b.event.people
    out = 0.0
    for person in a.event.participants - named:
        words = [w for w in person.split(":", 1)[-1].split("-") if len(w) >= 4]
        if not any(f"w:{skeleton(w)}" in b.weak for w in words):
            out += weigh(f"e:{person}")
    return out


def score(a: Record, b: Record, weigh: Weigher, model: PairModel | None = None) -> PairScore:
    """The probability that two compatible reports tell one event; a near-copy is one outright."""
    model = model or default_model()
    jaccard = minhash.similarity(a.signature, b.signature)
    feats, shared = features(a, b, weigh)
    p = 1.0 if jaccard >= NEAR_DUPLICATE else model.probability(feats)
    return PairScore(p, feats, shared[:10], jaccard)
