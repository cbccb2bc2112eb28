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


def test_three_ingests_of_dev_end_where_one_analyze_ends(
    shared: Path, dev_scores: dict[str, float], tmp_path: Path
) -> None:
    """Kazakh, then Russian, then English articles into one knowledge base, then `export`: the
    clusters score within 0.02 B-cubed of one `analyze` of the whole set (issue 12), and one name
    per person across languages within 0.02 (issue 13: the entity registry)."""
    import shutil

    from typer.testing import CliRunner

    from coopwatch.cli import app

    corpus, gold = shared / "corpus" / "dev", shared / "gold" / "dev.jsonl"
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        (tmp_path / row["lang"]).mkdir(exist_ok=True)
        shutil.copy(corpus / f"{row['id']}.txt", tmp_path / row["lang"])
    db, exported = tmp_path / "kb.db", tmp_path / "export.jsonl"
    runner = CliRunner()
    for lang in ("kk", "ru", "en"):
        assert runner.invoke(app, ["ingest", str(tmp_path / lang), "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", str(db), "-o", str(exported)]).exit_code == 0
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold),
         "--pred", str(exported), "--corpus", str(corpus), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    incremental = json.loads(result.stdout)
    for metric in ("cluster_bcubed_f1", "xling_name_consistency"):
        assert abs(incremental[metric] - dev_scores[metric]) <= 0.02, (
            metric,
            incremental[metric],
            dev_scores[metric],
        )
