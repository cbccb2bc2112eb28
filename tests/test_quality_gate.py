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


@pytest.fixture(scope="module")
def seed_scores(
    pipeline: Pipeline, shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, float]:
    corpus = shared / "corpus" / "seeds"
    docs = pipeline.analyze_all(pipeline.read([corpus]))  # as `coopwatch analyze` does
    predictions = tmp_path_factory.mktemp("gate") / "seeds.jsonl"
    predictions.write_text("".join(json.dumps(d.as_dict(), ensure_ascii=False) + "\n" for d in docs), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(shared / "gold" / "seeds.jsonl"),
         "--pred", str(predictions), "--corpus", str(corpus), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS["seeds"].items()))
def test_seed_metric_stays_above_its_floor(seed_scores: dict[str, float], metric: str, floor: float) -> None:
    assert seed_scores[metric] >= floor, f"{metric} fell to {seed_scores[metric]:.3f} (floor {floor})"
