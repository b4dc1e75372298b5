"""Docs that cannot drift: the command reference is the real --help; the README quick start."""
import re
import subprocess
import sys

from conftest import ROOT


def test_cli_reference_matches_the_real_help():
    r = subprocess.run([sys.executable, str(ROOT / "docs" / "gen_cli_reference.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_reference_covers_every_command():
    from newscli.cli import app

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for c in app.registered_commands:
        name = c.name or c.callback.__name__
        assert f"## newscli {name}\n" in doc


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```\n(.*?)```", readme, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "samples/" in commands[0] and "newscli" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_cmd = re.search(r"## Quick start.*?```\n.*?\n(.*?)\n```", readme, re.S).group(1).strip()
    assert test_cmd in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_has_help_text_and_an_example():
    from typer.testing import CliRunner

    from newscli.cli import app

    for c in app.registered_commands:
        name = c.name or c.callback.__name__
        assert (c.callback.__doc__ or "").strip(), f"{name} has no help text"
        out = CliRunner().invoke(app, [name, "--help"]).stdout
        assert f"Example: newscli {name}" in out, f"{name} --help shows no example"
