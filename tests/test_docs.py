"""Every command teaches by example, and the README documents every command."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coopwatch.cli import app
from tests.conftest import REPO

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: coopwatch " + command in " ".join(result.output.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_the_command(command: str) -> None:
    assert f"coopwatch {command}" in (REPO / "README.md").read_text(encoding="utf-8")
