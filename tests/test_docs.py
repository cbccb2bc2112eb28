"""Every command teaches by example, and the README documents every command."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coopwatch.cli import app
from tests.conftest import REPO

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)
GROUPS = {g.name: g.typer_instance for g in app.registered_groups if g.name and g.typer_instance}
SUBCOMMANDS = sorted(
    f"{name} {c.name or c.callback.__name__}"
    for name, group in GROUPS.items()
    for c in group.registered_commands
    if c.callback
)


@pytest.mark.parametrize("command", COMMANDS + SUBCOMMANDS)
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example: coopwatch " + command in " ".join(result.output.split())


@pytest.mark.parametrize("command", COMMANDS + SUBCOMMANDS)
def test_readme_documents_the_command(command: str) -> None:
    assert f"coopwatch {command}" in (REPO / "README.md").read_text(encoding="utf-8")
