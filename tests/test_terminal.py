"""Terminal manners, through a real pseudo-terminal as well as through pipes."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.console import Console

from newscli.render import articles_table, quotes_table

from conftest import run_on_pty, write_story

ESC = "\x1b["
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(25):
        write_story(d, f"s{i:02d}.txt", f"Story number {i}")
    return d


def test_colour_and_progress_on_a_terminal(folder, tmp_path):
    status, out = run_on_pty(["ingest", folder, "--db", tmp_path / "db.json"])
    assert status == 0
    assert ESC in out  # colour codes
    assert "ingesting" in out  # the progress bar's label


def test_no_colour_and_no_progress_on_a_pipe(folder, tmp_path):
    r = subprocess.run([sys.executable, "-m", "newscli", "ingest", str(folder), "--db", str(tmp_path / "db.json")],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert ESC not in r.stdout and ESC not in r.stderr
    assert "ingesting" not in r.stderr


@pytest.mark.parametrize("how", ["env", "flag"])
def test_no_color_on_a_terminal(folder, tmp_path, how):
    db = tmp_path / "db.json"
    subprocess.run([sys.executable, "-m", "newscli", "ingest", str(folder), "--db", str(db)], capture_output=True)
    if how == "env":
        status, out = run_on_pty(["articles", "--db", db], env={"NO_COLOR": "1"})
    else:
        status, out = run_on_pty(["--no-color", "articles", "--db", db])
    assert status == 0
    assert "Story number" in out
    assert not COLOUR.search(out)  # NO_COLOR: no colour (bold and italics may stay)


def test_tables_stay_readable_at_60_columns():
    records = [{"id": "abcdef123456", "headline": "A very long headline " * 6, "published": "2024-03-05",
                "byline": {"authors": ["Jane Doe", "John Roe"], "organization": "Example Wire"},
                "dateline": {}, "quotes": [{}] * 3}]
    con = Console(width=60, record=True, color_system=None)
    con.print(articles_table(records))
    con.print(quotes_table([{"speaker": "Marta Visser", "title": "head of the dockworkers' union",
                             "text": "We are not going back to work for promises " * 3, "verb": "said",
                             "article_id": "abcdef123456"}]))
    out = con.export_text()
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "abcdef12" in out and "Marta" in out and "Visser" in out and "promises" in out
    assert "Jane Doe, John Roe /" in out and "Example Wire" in out
    assert "head of" in out


def test_tables_use_the_full_width_when_there_is_one():
    rows = [{"speaker": "Marta Visser", "title": "", "text": "word " * 80, "verb": "said",
             "article_id": "abcdef123456"}]
    con = Console(width=160, record=True, color_system=None)
    con.print(quotes_table(rows))
    assert max(len(line) for line in con.export_text().splitlines()) > 120
