"""Shared fixtures. Every test runs against a temporary database: never the user's own."""
from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path_factory, monkeypatch):
    """Point NEWSCLI_DB and the app folder at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSCLI_DB", str(home / "default-db.json"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "news.json"


STORY = """World News

Port strike talks stall as deadline nears

By Jane Doe and Omar Haddad, Example Wire

ROTTERDAM (AP) — Talks to end a week-long strike at Europe's largest port stalled on Monday, union leaders said.

“We are not going back to work for promises,” said Marta Visser, the head of the dockworkers' union. “We need it in writing.”

The port authority said it expected cargo to be diverted to Antwerp if the strike lasts another week.

“Every day costs us money,” Visser told reporters. She added that members had voted to continue.
"""


@pytest.fixture
def story(tmp_path) -> Path:
    p = tmp_path / "port strike.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def write_story(folder: Path, name: str, headline: str, speaker: str = "Marta Visser",
                said: str = "We will not give up") -> Path:
    """A small distinct story, for tests that need many."""
    p = folder / name
    p.write_text(f"{headline}\n\nBy Jane Doe\n\nLONDON (Reuters) - Something happened on Monday.\n\n"
                 f"“{said},” {speaker} said on Monday.\n", encoding="utf-8")
    return p


def run_on_pty(args, env=None, timeout=60) -> tuple[int, str]:
    """Run newscli with stdout and stderr on a pseudo-terminal; return (status, all output)."""
    master, slave = pty.openpty()
    extra = env or {}
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm-256color", **extra}
    if "NO_COLOR" not in extra:
        env.pop("NO_COLOR", None)
    p = subprocess.Popen([sys.executable, "-m", "newscli", *map(str, args)], stdin=subprocess.DEVNULL,
                         stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        r, _, _ = select.select([master], [], [], timeout)
        if not r:
            p.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return p.wait(), b"".join(chunks).decode("utf-8", "replace")
