"""The dashboard in a real browser (Debian's Chromium driven by Playwright): search, open, see highlights."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("COOPWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def ensure_chromium() -> str:
    """The Chromium binary, installed with apt when missing and we are root; else the test skips."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"Chromium missing at {CHROMIUM} and cannot be installed (need root and apt-get)")
    try:
        done = subprocess.run(
            ["apt-get", "install", "-y", "chromium"], capture_output=True, text=True, timeout=600, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium missing and `apt-get install -y chromium` timed out")
    if done.returncode != 0 or not Path(CHROMIUM).exists():
        pytest.skip(
            f"Chromium missing and `apt-get install -y chromium` failed: {done.stderr.strip()[-200:]}"
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    import uvicorn

    from coopwatch.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    executable = ensure_chromium()
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        pg.set_default_timeout(15_000)
        yield pg
        browser.close()


def test_search_open_and_highlights(server: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "What arrived lately"
    page.fill("#search-box", "Tokayev")
    page.press("#search-box", "Enter")
    page.wait_for_url("**/articles?q=Tokayev")
    langs = set(page.locator(".article-item .lang").all_inner_texts())
    assert {"KK", "RU", "EN"} <= {lang.upper() for lang in langs}
    page.locator('.article-item[data-id="kz-de-hydrogen-kk"] a.article-link').click()
    page.wait_for_url("**/articles/kz-de-hydrogen-kk")
    text = page.request.get(server + "/api/articles/kz-de-hydrogen-kk").json()["text"]
    assert page.locator("#article-text").text_content() == text  # highlights add markup, never text
    tokayev = page.locator('#article-text a.hl-entity[href="/entities/person:kassym-jomart-tokayev"]')
    assert "Тоқаев" in tokayev.first.inner_text()
    assert page.locator("#article-text mark.hl-event").count() > 0
    assert page.locator("#article-text a.hl-figure").count() > 0
    tokayev.first.click()
    page.wait_for_url("**/entities/person:kassym-jomart-tokayev")
    assert "Kassym-Jomart Tokayev" in page.locator("h1").inner_text()
    assert dialogs == []


def test_script_in_an_article_does_not_run(server: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/articles?q=alert")
    page.locator(".article-item a.article-link").first.click()
    page.wait_for_selector("#article-text")
    assert "<script>alert(1)</script>" in page.locator("#article-text").inner_text()
    page.goto(server + "/partners/DE-KZ")
    page.wait_for_selector("#figures-chart .main-svg")  # the chart is drawn by the bundled Plotly
    assert dialogs == []
