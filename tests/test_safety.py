"""Output safety: article text is data, never markup or terminal commands; machine output
is valid JSON (and UTF-8) whatever the input held; CSV cells never run as formulas."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newscli import render
from newscli.cli import app
from newscli.export import dumps, neutralise_cell, write_csv, write_json, write_jsonl
from newscli.parser import parse
from newscli.query import article_rows, quote_rows, speaker_rows
from newscli.render import clean, safe
from newscli.store import Store

from conftest import STORY, run_on_pty

runner = CliRunner()
WIDE = {"COLUMNS": "1000", "LINES": "500"}

MARKUP = ["[bold red]", "[link=https://evil]click[/link]", "[/]"]
# name -> (the sequence in the input, what must never reach the terminal)
CONTROLS = {
    "clear-screen": ("\x1b[2J", "\x1b[2J"),
    "osc8-hyperlink": ("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "\x1b]8;"),
    "osc52-clipboard": ("\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b]52"),
    "bel": ("ding\x07", "\x07"),
    "backspaces": ("good\x08\x08\x08\x08evil", "\x08"),
    "bidi-override": ("\u202eevil.exe\u202c", "\u202e"),
    "bidi-isolate": ("\u2067evil\u2069", "\u2067"),
    "c1-csi": ("\x9b2J", "\x9b"),
    "carriage-return-overwrite": ("innocent\revil", "\r"),
    "title-set": ("\x1b]0;pwned\x07", "\x1b]0;"),
}
PAYLOAD = " ".join(MARKUP) + " " + " ".join(seq for seq, _ in CONTROLS.values())


def hostile_record(tag: str = "") -> dict:
    """A record with markup and control sequences in every text field a view shows."""
    p = PAYLOAD + tag
    text = f"{p}\n\n“{p} quote,” said {p}.\n\nA plain paragraph.\n"
    rec = parse(text, path="story.txt").to_dict()
    text = rec["text"]  # parse() turns the lone CR into LF (same length)
    qs = text.index("“") + 1
    qe = text.index(" quote,”") + len(" quote,")
    speaker = {"name": p, "mention": p, "title": p, "mention_start": None, "mention_end": None,
               "anonymous": False, "group": False, "organization": False}
    rec.update(
        headline=p, section=p, teaser=p, published="2024-01\x1b]52;c;eA==\x07-01[bold red]", site=p, trailer=[p],
        byline={"authors": [p], "organization": p, "raw": p, "contributors": [p]},
        dateline={"place": p, "agency": p, "date": None, "raw": p, "start": None, "end": None},
        paragraphs=[{"start": 0, "end": len(p), "kind": "subheading"},
                    {"start": len(p) + 2, "end": text.index("\n\nA plain"), "kind": "body"},
                    {"start": text.index("A plain"), "end": len(text) - 1, "kind": "body"}],
        quotes=[{"text": text[qs:qe], "start": qs, "end": qe, "kind": "direct", "speaker": speaker,
                 "verb": p, "verb_start": None, "rule": p, "confidence": 0.9}],
    )
    rec["source"]["path"] = p
    return rec


@pytest.fixture
def hostile_db(tmp_path) -> Path:
    db = tmp_path / "news.json"
    src = tmp_path / "records.json"
    src.write_text(json.dumps([hostile_record()]), encoding="utf-8")
    r = runner.invoke(app, ["import", str(src), "--db", str(db)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return db


def article_id(db: Path) -> str:
    return Store(db).articles()[0]["id"]


def view_commands(db: Path) -> dict[str, list[str]]:
    return {
        "articles": ["articles"],
        "show": ["show", article_id(db), "--no-pager"],
        "quotes": ["quotes"],
        "speakers": ["speakers"],
        "stats": ["stats"],
    }


def assert_terminal_safe(out: str) -> None:
    for name, (_, bad) in CONTROLS.items():
        assert bad not in out, f"{name} reached the terminal"
    assert "\x1b]" not in out  # no OSC at all (links, titles, clipboard)


# ------------------------------------------------------------------ clean / safe

@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_clean_neutralises_each_control_sequence(name):
    seq, bad = CONTROLS[name]
    out = clean(f"a{seq}b")
    assert bad not in out
    assert "\x1b" not in out
    assert len(out) == len(seq) + 2  # one character for one: quote offsets still line up


def test_clean_keeps_text_and_line_ends_readable():
    assert clean("Tab\tand\nnewline, “quotes”, émoji 😀, 東京") == "Tab\tand\nnewline, “quotes”, émoji 😀, 東京"
    assert clean("CRLF\r\nline") == "CRLF \nline"  # not U+FFFD at every line end
    assert clean("lone\rCR") == "lone\nCR"
    assert clean("bad \udce9 name") == "bad \ufffd name"  # lone surrogate: unprintable
    assert clean(None) == ""


@pytest.mark.parametrize("markup", MARKUP)
def test_safe_text_is_never_parsed_as_markup(markup):
    con = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=200)
    con.print(safe(f"before {markup} after"))
    out = con.file.getvalue()
    assert f"before {markup} after" in out
    assert "\x1b]8;" not in out


# ------------------------------------------------------------------ every table and view

def renderables(rec: dict):
    recs = [rec]
    yield "articles_table", render.articles_table(article_rows(recs, None, None))
    yield "quotes_table", render.quotes_table(quote_rows(recs, None, None, None, None, None))
    yield "speakers_table", render.speakers_table(speaker_rows(recs, None))
    yield "article_view", render.article_view(rec)
    yield "parse_view", render.parse_view(rec, explain=True)
    yield "ingest_table", render.ingest_table([{"file": PAYLOAD, "headline": PAYLOAD, "quotes": 1,
                                                "status": "added"},
                                               {"file": PAYLOAD, "problem": PAYLOAD, "status": "error"}])
    from newscli import stats

    yield "stats", stats.render(stats.compute(recs, 10))


@pytest.mark.parametrize("name", ["articles_table", "quotes_table", "speakers_table", "article_view",
                                  "parse_view", "ingest_table", "stats"])
@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "pipe"])
def test_every_view_prints_markup_literally_and_no_control_sequence(name, terminal):
    thing = dict(renderables(hostile_record()))[name]
    con = Console(file=io.StringIO(), force_terminal=terminal, color_system="truecolor" if terminal else None,
                  width=1000, highlight=False)
    con.print(thing)
    out = con.file.getvalue()
    assert_terminal_safe(out)
    if not terminal:
        assert "\x1b" not in out
    assert "[bold red]" in out
    if name != "stats":  # stats shortens names to 28 characters
        assert "[link=https://evil]click[/link]" in out


@pytest.mark.parametrize("command", ["articles", "show", "quotes", "speakers", "stats"])
def test_every_command_prints_article_text_literally(hostile_db, command):
    args = view_commands(hostile_db)[command]
    r = runner.invoke(app, args + ["--db", str(hostile_db)], env=WIDE, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert_terminal_safe(r.stdout)
    assert "\x1b" not in r.stdout
    assert "[bold red]" in r.stdout
    if command != "stats":
        assert "[link=https://evil]click[/link]" in r.stdout
    if command in ("show", "articles"):
        assert "[/]" in r.stdout


def test_parse_and_ingest_tables_and_errors_are_safe(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    name = "[bold red]x [link=evil]click \x1b[2J\x07\u202e\x1b]52;c;eA==\x07.txt"  # no "/" in names
    (folder / name).write_text(STORY.replace("Port strike", PAYLOAD), encoding="utf-8")
    (folder / ("empty " + name)).write_text("", encoding="utf-8")
    for args in (["parse", str(folder), "--explain"], ["ingest", str(folder), "--db", str(db)]):
        r = runner.invoke(app, args, env=WIDE, catch_exceptions=False)
        assert r.exit_code == 1  # the empty file
        assert_terminal_safe(r.stdout)
        assert_terminal_safe(r.stderr)
        assert "[bold red]x [link=evil]click" in r.stdout
        assert "empty file" in r.stderr and "[bold red]x" in r.stderr


def test_real_terminal_output_has_no_injected_sequences(hostile_db, tmp_path):
    """Through a pseudo-terminal, colours on: Rich styles, but nothing from the article."""
    for args in view_commands(hostile_db).values():
        _, out = run_on_pty([*args, "--db", hostile_db], env={"COLUMNS": "300", "LINES": "200"})
        out = out.replace("\r\n", "\n")  # the tty's own CRs
        assert_terminal_safe(out)
        assert "[bold red]" in out


# ------------------------------------------------------------------ machine output

def run_piped(args, env_extra=None) -> bytes:
    env = {**os.environ, "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "20",
           "TTY_COMPATIBLE": "1", **(env_extra or {})}
    r = subprocess.run([sys.executable, "-m", "newscli", *args], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    r.stdout.decode("utf-8")  # strict: valid UTF-8
    return r.stdout


@pytest.mark.parametrize("encoding", [None, "ascii", "latin-1"], ids=["utf8", "ascii-locale", "latin1-locale"])
def test_json_output_is_valid_when_piped(hostile_db, tmp_path, encoding):
    """--json, parse json/jsonl and export json/jsonl: plain writes, valid JSON, valid UTF-8,
    the text kept exactly (control characters as JSON escapes), whatever the locale."""
    env = {"PYTHONIOENCODING": encoding} if encoding else {}
    ident = article_id(hostile_db)
    story = tmp_path / "s.txt"
    story.write_text(STORY.replace("Port strike", PAYLOAD), encoding="utf-8")
    db = ["--db", str(hostile_db)]
    every = [["articles", "--json"], ["quotes", "--json"], ["speakers", "--json"], ["stats", "--json"],
             ["export"], ["export", "--format", "json"]]
    for args in every if encoding is None else every[:1]:  # the locale matters to the write, not the command
        data = json.loads(run_piped(args + db, env))
        assert data
    for args in (["export", "--format", "jsonl"] + db, ["parse", str(story), "--format", "jsonl"]):
        lines = run_piped(args, env).decode("utf-8").splitlines()
        assert [json.loads(line) for line in lines]
    [rec] = json.loads(run_piped(["show", ident, "--json"] + db, env))
    assert rec["headline"] == PAYLOAD  # data, kept verbatim
    [parsed] = json.loads(run_piped(["parse", str(story), "--format", "json"], env))
    assert PAYLOAD.replace("\r", "\n") in parsed["text"]  # read.py: a lone CR is a line end


def test_csv_output_is_valid_utf8_when_piped(hostile_db):
    for encoding in (None, "ascii"):
        out = run_piped(["export", "--format", "csv", "--db", str(hostile_db)],
                        {"PYTHONIOENCODING": encoding} if encoding else {})
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
        assert rows and rows[0]["headline"] == PAYLOAD


def test_lone_surrogates_give_valid_utf8_json():
    obj = {"path": "caf\udce9.txt", "text": "half an emoji \ud83d"}
    s = dumps(obj)
    s.encode("utf-8")  # strict
    assert json.loads(s) == obj  # the escape reads back as the same string
    for writer in (write_json, write_jsonl):
        buf = io.StringIO()
        writer([obj], buf)
        buf.getvalue().encode("utf-8")
    buf = io.StringIO()
    write_csv([{"id": "x", "headline": "caf\udce9"}], buf)
    assert "caf\ufffd" in buf.getvalue()


def test_imported_lone_surrogates_are_stored_and_exported_as_utf8(tmp_path, db):
    rec = parse(STORY, path="s.txt").to_dict()
    rec["headline"] = "bad \ud800 half"
    src = tmp_path / "r.json"
    src.write_text(json.dumps([rec]), encoding="ascii")  # "\ud800" as a JSON escape
    r = runner.invoke(app, ["import", str(src), "--db", str(db)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = run_piped(["export", "--db", str(db)])
    assert json.loads(out)[0]["headline"] == "bad \ufffd half"


# ------------------------------------------------------------------ CSV formula injection

FORMULAS = ["=HYPERLINK(\"https://evil\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1",
            "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("value", FORMULAS)
def test_neutralise_cell(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "", None, 12, "a=b", "“=quoted”", " =spaced"])
def test_harmless_cells_are_kept(value):
    assert neutralise_cell(value) == ("" if value is None else str(value))


def test_csv_export_neutralises_every_formula_cell(tmp_path, db):
    recs = []
    for i, f in enumerate(FORMULAS):
        text = f"{f} headline {i}\n\n“{f} quote {i},” said Ann Lee.\n"
        rec = parse(text, path=f"{f}.txt").to_dict()
        rec.update(headline=f, section=f)
        rec["byline"]["authors"] = [f]
        rec["byline"]["organization"] = f
        for q in rec["quotes"]:
            q["verb"] = f
            q["speaker"] = {**(q["speaker"] or {}), "name": f, "title": f}
        recs.append(rec)
    buf = io.StringIO()
    write_csv(recs, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert len(rows) > len(FORMULAS)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert sum(cell.startswith("'=HYPERLINK") for row in rows for cell in row) >= 3


def test_csv_line_breaks_inside_cells_cannot_start_a_row():
    """A CR or LF inside a cell is quoted, so no reader starts a new row (and a new formula
    cell) there. (Python's csv does not quote a CR when the line end is a bare LF.)"""
    rec = parse("Headline\n\n“Words,” said Ann Lee.\n", path="x.txt").to_dict()
    rec["headline"] = "harmless\r=HYPERLINK(\"https://evil\")\nmore"
    buf = io.StringIO()
    write_csv([rec], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert len(rows) == len(rec["quotes"]) or len(rows) == 1
    assert rows[0]["headline"] == rec["headline"]


def test_shell_completion_offers_no_control_sequences(hostile_db):
    """Completion help and values reach the shell line and the terminal."""
    from types import SimpleNamespace

    from newscli import cli

    ctx = SimpleNamespace(params={"db": str(hostile_db)})
    ids = cli._complete_ids(ctx, "")
    assert ids
    for value, help_text in ids:
        assert_terminal_safe(help_text)
        assert "\n" not in help_text
    for name in cli._complete_speakers(ctx, ""):
        assert_terminal_safe(name)
        assert "\n" not in name


def test_tables_on_a_terminal_that_is_not_utf8(hostile_db):
    """LANG=C or latin-1: tables show "?" for what cannot be encoded, never crash."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "200"}
    for args in (["articles"], ["quotes"], ["show", article_id(hostile_db), "--no-pager"]):
        r = subprocess.run([sys.executable, "-m", "newscli", *args, "--db", str(hostile_db)],
                           capture_output=True, env=env, timeout=120)
        assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
        assert b"internal error" not in r.stderr
        assert b"[bold red]" in r.stdout
