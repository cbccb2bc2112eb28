"""Shared fixtures: models are built once per test session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from coopwatch.entities.base import Recognizer
    from coopwatch.gazetteer import Gazetteer
    from coopwatch.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "coopwatch" / "samples"


def shared_dir() -> Path | None:
    """The read-only ../shared folder beside the checkout (or $COOPWATCH_SHARED), if present."""
    path = Path(os.environ.get("COOPWATCH_SHARED", REPO.parent / "shared"))
    return path if (path / "corpus").is_dir() else None


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from coopwatch.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: the real corpus and gold answers are not available here")
    return path


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    from coopwatch.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def recognizers(gaz: Gazetteer) -> dict[str, list[Recognizer]]:
    """The gazetteer-only recognisers per language (no statistical model)."""
    from coopwatch.entities import gazetteer_recognizers

    return gazetteer_recognizers(gaz)


def jsonl_rows(path: Path) -> list[dict]:
    """The records of a JSON Lines file."""
    import json

    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gazetteer_finds(
    recognizers: dict[str, list[Recognizer]], text: str, lang: str, entity_type: str
) -> dict[str, str]:
    """Mention text -> record id of the entities of one type the gazetteer recognisers find in `text`."""
    return {
        text[s.start : s.end]: s.id
        for r in recognizers[lang]
        for s in r.recognize(text)
        if s.type == entity_type
    }


def assert_names_in_every_language(row: dict, langs: tuple[str, ...]) -> None:
    """A gazetteer line names its record in every language: trimmed, non-empty, no repeats, and
    its canonical name among the English ones."""
    for lang in langs:
        names = row["aliases"].get(lang)
        assert names and all(isinstance(n, str) and n.strip() == n and n for n in names), (row["id"], lang)
        assert len(set(names)) == len(names), (row["id"], lang)
    assert row["name"] in row["aliases"]["en"], row
