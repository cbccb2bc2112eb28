"""Shared fixtures: models are built once per test session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
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
