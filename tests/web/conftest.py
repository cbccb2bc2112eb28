"""A knowledge base for the web tests: the shipped samples plus three articles written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SAMPLES

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from coopwatch.pipeline import Pipeline

# Our own short texts (not from any corpus): Tokayev in Russian, and markup that must stay text.
EXTRA = {
    "tokayev-ru.txt": " date 2025-11-10 Токаев провёл переговоры с президентом Франции\n\n"
    "Президент Казахстана Касым-Жомарт Токаев встретился в Астане с президентом Франции. "
    "Стороны обсудили сотрудничество в атомной энергетике и поставки урана.\n",
    "script-en.txt": " date 2025-11-11 Kazakhstan and Germany <script>alert(1)</script> talk trade\n\n"
    "Kazakhstan and Germany discussed trade in Astana. <script>alert(1)</script> "
    'The <b onmouseover="alert(2)">turnover</b> reached 3.1 billion US dollars in 2024.\n',
}


@pytest.fixture(scope="session")
def web_db(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from coopwatch.store import SQLiteStore

    extra = tmp_path_factory.mktemp("extra")
    for name, text in EXTRA.items():
        (extra / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("web") / "kb.db"
    docs = pipeline.run([SAMPLES, extra])
    assert not [d.error for d in docs if d.error]
    with SQLiteStore(path) as store:
        for doc in docs:
            assert store.add(doc).stored
    return path


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    from fastapi.testclient import TestClient

    from coopwatch.web import create_app

    with TestClient(create_app(web_db)) as c:
        yield c
