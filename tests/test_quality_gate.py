"""The quality gate: scores on the shared gold articles may only drop on purpose.

The floors live in `quality_floors.json` beside this file; raise them when the project
improves, lower them only with a reason in the commit message.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coopwatch.pipeline import Pipeline

FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))


def _score(pipeline: Pipeline, shared: Path, corpus_name: str, workdir: Path) -> dict[str, float]:
    """Analyze one shared corpus as `coopwatch analyze` does and score it against its gold."""
    corpus = shared / "corpus" / corpus_name
    gold = shared / "gold" / f"{corpus_name}.jsonl"
    if not corpus.is_dir() or not gold.is_file():
        pytest.skip(f"{corpus} or {gold} is not here")
    docs = pipeline.analyze_all(pipeline.read([corpus]))
    predictions = workdir / f"{corpus_name}.jsonl"
    predictions.write_text("".join(json.dumps(d.as_dict(), ensure_ascii=False) + "\n" for d in docs), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold),
         "--pred", str(predictions), "--corpus", str(corpus), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seed_scores(
    pipeline: Pipeline, shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, float]:
    return _score(pipeline, shared, "seeds", tmp_path_factory.mktemp("gate"))


@pytest.fixture(scope="module")
def dev_scores(
    pipeline: Pipeline, shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, float]:
    return _score(pipeline, shared, "dev", tmp_path_factory.mktemp("gate"))


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS["seeds"].items()))
def test_seed_metric_stays_above_its_floor(seed_scores: dict[str, float], metric: str, floor: float) -> None:
    assert seed_scores[metric] >= floor, f"{metric} fell to {seed_scores[metric]:.3f} (floor {floor})"


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS["dev"].items()))
def test_dev_metric_stays_above_its_floor(dev_scores: dict[str, float], metric: str, floor: float) -> None:
    """The 75 real articles of the development set, with their hard negatives."""
    assert dev_scores[metric] >= floor, f"{metric} fell to {dev_scores[metric]:.3f} (floor {floor})"
