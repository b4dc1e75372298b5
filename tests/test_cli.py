"""The command line, through typer.testing.CliRunner, on temporary databases."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscli import __version__
from newscli.cli import app
from newscli.store import Store

from conftest import STORY, write_story

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def ingest(db, *paths):
    r = run("ingest", *paths, "--db", db)
    assert r.exit_code in (0, 1), r.output
    return r


# ---------------------------------------------------------------- basics

def test_version():
    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout.strip() == f"newscli {__version__}"


COMMANDS = ["parse", "ingest", "articles", "show", "quotes", "speakers", "export", "import", "delete"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_an_example(command):
    r = run(command, "--help")
    assert r.exit_code == 0
    assert "Example: newscli " + command in r.stdout


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "quotes", "speakers", "export",
                                     "import", "delete"])
def test_every_database_command_takes_db(command):
    assert "--db" in run(command, "--help").stdout


# ---------------------------------------------------------------- parse

def test_parse_jsonl_follows_the_contract(story):
    r = run("parse", story, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["source"]["path"] == str(story)
    for key in ("headline", "section", "subheadings", "byline", "dateline", "published", "quotes", "text"):
        assert key in rec
    assert rec["byline"]["authors"] == ["Jane Doe", "Omar Haddad"]
    assert rec["dateline"]["place"] == "ROTTERDAM"
    assert rec["dateline"]["agency"] == "AP"
    text = STORY
    assert rec["quotes"], "the story has quotes"
    for q in rec["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        assert q["kind"] in ("direct", "partial", "mixed", "indirect")


def test_parse_keeps_input_order_and_reports_bad_files(tmp_path, story):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    other = write_story(tmp_path, "b.txt", "Second story")
    r = run("parse", story, empty, tmp_path / "missing.txt", other, "--format", "jsonl")
    assert r.exit_code == 1
    paths = [json.loads(line)["source"]["path"] for line in r.stdout.splitlines()]
    assert paths == [str(story), str(other)]
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 2
    assert str(empty) in errors[0] and "empty" in errors[0]
    assert "missing.txt" in errors[1] and "no such file" in errors[1]
    assert "Traceback" not in r.output


def test_parse_json_is_one_array(story, tmp_path):
    other = write_story(tmp_path, "b.txt", "Second story")
    r = run("parse", story, other, "--format", "json")
    data = json.loads(r.stdout)
    assert [d["source"]["path"] for d in data] == [str(story), str(other)]


def test_parse_reads_stdin():
    r = run("parse", "-", "--format", "jsonl", input=STORY)
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert rec["source"]["path"] == "-"
    assert rec["headline"] == "Port strike talks stall as deadline nears"


def test_parse_table_and_explain(story):
    r = run("parse", story, "--explain")
    assert r.exit_code == 0
    assert "Port strike talks stall" in r.stdout
    assert "rule" in r.stdout


def test_parse_with_jobs_gives_the_same_records(tmp_path):
    paths = [write_story(tmp_path, f"s{i}.txt", f"Story number {i}") for i in range(6)]
    one = run("parse", *paths, "--format", "jsonl").stdout
    two = run("parse", *paths, "--format", "jsonl", "--jobs", "2").stdout
    assert one == two


# ---------------------------------------------------------------- ingest

def test_ingest_then_reingest_adds_nothing(db, story):
    r = ingest(db, story)
    assert r.exit_code == 0
    assert "added" in r.stdout and "Port strike talks stall" in r.stdout
    r = ingest(db, story)
    assert "unchanged" in r.stdout
    assert len(Store(db).articles()) == 1


def test_ingest_changed_file_updates_its_record(db, story):
    ingest(db, story)
    story.write_text(STORY.replace("Monday", "Tuesday"), encoding="utf-8")
    r = ingest(db, story)
    assert "updated" in r.stdout
    arts = Store(db).articles()
    assert len(arts) == 1
    assert "Tuesday" in arts[0]["text"]


def test_ingest_newer_parser_version_updates(db, story, monkeypatch):
    ingest(db, story)
    import newscli.models as models

    monkeypatch.setattr(models, "PARSER_VERSION", "999.0")
    import newscli.parser as parser_mod

    real = parser_mod.parse

    def newer(text, path=None):
        a = real(text, path)
        a.parser_version = "999.0"
        return a

    monkeypatch.setattr(parser_mod, "parse", newer)
    r = ingest(db, story)
    assert "updated" in r.stdout
    assert Store(db).articles()[0]["parser_version"] == "999.0"


def test_ingest_dry_run_stores_nothing(db, story):
    r = run("ingest", story, "--db", db, "--dry-run")
    assert r.exit_code == 0
    assert "added" in r.stdout
    assert not db.exists()


def test_ingest_folder_recursive_and_glob(db, tmp_path):
    folder = tmp_path / "stories"
    (folder / "2024" / "march").mkdir(parents=True)
    write_story(folder, "a.txt", "Story A")
    write_story(folder / "2024" / "march", "b.txt", "Story B")
    (folder / "notes.csv").write_text("not,a,story\n")
    ingest(db, folder)
    assert {a["headline"] for a in Store(db).articles()} == {"Story A", "Story B"}
    write_story(tmp_path, "c.txt", "Story C")
    ingest(db, str(tmp_path / "*.txt"))
    assert len(Store(db).articles()) == 3


def test_ingest_bad_inputs_do_not_stop_the_batch(db, tmp_path, story):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n  ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin.txt").write_bytes(b"Caf\xc3\x28 \xff\xfe broken")
    (tmp_path / "nostories").mkdir()
    r = run("ingest", tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "binary.txt",
            tmp_path / "latin.txt", tmp_path / "nostories", tmp_path / "nope.txt", story, "--db", db)
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    problems = [line for line in lines if not line.startswith("newscli: stored")]
    assert len(problems) == 6, r.stderr
    for line, needle in zip(problems, ["empty", "whitespace", "binary", "UTF-8", "no story files",
                                       "no such file"]):
        assert needle in line
    assert "Traceback" not in r.output
    assert [a["headline"] for a in Store(db).articles()] == ["Port strike talks stall as deadline nears"]


def test_ingest_from_stdin(db):
    r = run("ingest", "-", "--db", db, input=STORY)
    assert r.exit_code == 0
    assert Store(db).articles()[0]["source"]["path"] == "-"


def test_db_from_environment_variable(tmp_path, story, monkeypatch):
    target = tmp_path / "env-db.json"
    monkeypatch.setenv("NEWSCLI_DB", str(target))
    run("ingest", story)
    assert len(Store(target).articles()) == 1


def test_default_database_lives_in_the_app_folder(tmp_path, story, monkeypatch):
    monkeypatch.delenv("NEWSCLI_DB")
    from newscli.store import default_path

    path = default_path()
    assert str(path).startswith(str(tmp_path.parent)) or "newscli" in str(path)
    assert path.name == "newscli.json"
    run("ingest", story)
    assert path.exists()


# ---------------------------------------------------------------- queries

@pytest.fixture
def filled(db, tmp_path, story):
    ingest(db, story)
    write_story(tmp_path, "biden1.txt", "Talks resume", speaker="President Joe Biden", said="We are close")
    write_story(tmp_path, "biden2.txt", "Deal reached", speaker="Joe Biden", said="It is done")
    ingest(db, tmp_path / "biden1.txt", tmp_path / "biden2.txt")
    return db


def test_articles_table_and_json(filled):
    r = run("articles", "--db", filled)
    assert r.exit_code == 0
    assert "Port strike talks stall" in r.stdout and "Deal reached" in r.stdout
    data = json.loads(run("articles", "--db", filled, "--json").stdout)
    assert len(data) == 3
    assert {"id", "headline", "quotes", "byline"} <= set(data[0])


def test_articles_search_and_limit(filled):
    data = json.loads(run("articles", "--db", filled, "--search", "DEADLINE", "--json").stdout)
    assert [d["headline"] for d in data] == ["Port strike talks stall as deadline nears"]
    assert len(json.loads(run("articles", "--db", filled, "--limit", "1", "--json").stdout)) == 1


def test_quotes_by_speaker_is_case_and_accent_insensitive(filled):
    data = json.loads(run("quotes", "--db", filled, "--speaker", "VISSER", "--json").stdout)
    assert data and all("Visser" in q["speaker"] for q in data)
    data = json.loads(run("quotes", "--db", filled, "--speaker", "biden", "--json").stdout)
    assert {q["text"] for q in data} == {"We are close,", "It is done,"}


def test_quotes_filters(filled):
    art = json.loads(run("articles", "--db", filled, "--search", "deadline", "--json").stdout)[0]["id"]
    rows = json.loads(run("quotes", "--db", filled, "--article", art[:6], "--json").stdout)
    assert rows and {q["article_id"] for q in rows} == {art}
    rows = json.loads(run("quotes", "--db", filled, "--search", "in writing", "--json").stdout)
    assert [q["text"] for q in rows] == ["We need it in writing."]
    rows = json.loads(run("quotes", "--db", filled, "--kind", "direct", "--limit", "2", "--json").stdout)
    assert len(rows) == 2 and all(q["kind"] == "direct" for q in rows)
    table = run("quotes", "--db", filled, "--speaker", "visser")
    assert "Visser" in table.stdout and "said" in table.stdout


def test_speakers_merge_name_variants(filled):
    rows = json.loads(run("speakers", "--db", filled, "--json").stdout)
    biden = [r for r in rows if "Biden" in r["speaker"]]
    assert len(biden) == 1
    assert biden[0]["speaker"] == "Joe Biden" or biden[0]["speaker"] == "President Joe Biden"
    assert biden[0]["quotes"] == 2 and biden[0]["articles"] == 2
    assert "speaker" in run("speakers", "--db", filled).stdout


def test_show_by_id_prefix(filled):
    art = json.loads(run("articles", "--db", filled, "--search", "deadline", "--json").stdout)[0]
    r = run("show", art["id"][:8], "--db", filled)
    assert r.exit_code == 0
    assert "Port strike talks stall" in r.stdout and "Visser" in r.stdout
    assert json.loads(run("show", art["id"], "--db", filled, "--json").stdout)[0]["id"] == art["id"]
    r = run("show", "zzzz", "--db", filled)
    assert r.exit_code == 1 and "no article" in r.stderr


def test_delete(filled):
    art = json.loads(run("articles", "--db", filled, "--json").stdout)[0]
    r = run("delete", art["id"], "--db", filled)
    assert r.exit_code == 0
    assert len(Store(filled).articles()) == 2
    assert run("delete", art["id"], "--db", filled).exit_code == 1


def test_queries_on_a_missing_database_are_empty_and_create_nothing(tmp_path):
    db = tmp_path / "none.json"
    r = run("articles", "--db", db, "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    assert not db.exists()


# ---------------------------------------------------------------- export / import

@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_then_import_gives_the_same_records(filled, tmp_path, fmt):
    out = tmp_path / f"records.{fmt}"
    r = run("export", "--format", fmt, "-o", out, "--db", filled)
    assert r.exit_code == 0
    empty = tmp_path / "copy.json"
    r = run("import", out, "--db", empty)
    assert r.exit_code == 0, r.output
    key = lambda a: a["id"]  # noqa: E731
    assert sorted(Store(empty).articles(), key=key) == sorted(Store(filled).articles(), key=key)


def test_export_to_stdout_is_plain_json(filled):
    r = run("export", "--db", filled)
    data = json.loads(r.stdout)
    assert len(data) == 3
    assert "\x1b[" not in r.stdout


def test_export_csv_one_row_per_quote(filled):
    r = run("export", "--format", "csv", "--db", filled)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    n_quotes = sum(len(a["quotes"]) for a in Store(filled).articles())
    assert len(rows) == n_quotes
    assert {"article_id", "speaker", "quote", "kind", "verb"} <= set(rows[0])


def test_import_reports_bad_records_and_keeps_the_good(tmp_path, filled):
    good = Store(filled).articles()[0]
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": 3}) + "\n", encoding="utf-8")
    db2 = tmp_path / "db2.json"
    r = run("import", f, "--db", db2)
    assert r.exit_code == 1
    assert "line 2" in r.stderr and "line 3" in r.stderr
    assert len(Store(db2).articles()) == 1


def test_import_missing_file(tmp_path):
    r = run("import", tmp_path / "nope.json", "--db", tmp_path / "db.json")
    assert r.exit_code == 1 and "nope.json" in r.stderr


# ---------------------------------------------------------------- database errors

def test_unreadable_database_is_an_error_and_left_untouched(tmp_path, story):
    db = tmp_path / "bad.json"
    db.write_text('{"articles": {"1": {"id": "x"', encoding="utf-8")  # truncated
    before = db.read_bytes()
    for args in (("articles",), ("ingest", story), ("export",)):
        r = run(*args, "--db", db)
        assert r.exit_code == 2
        assert str(db) in r.stderr and "Traceback" not in r.output
    assert db.read_bytes() == before


def test_tables_show_the_first_rows_and_say_how_many_more(db, tmp_path, monkeypatch):
    import newscli.cli as cli

    monkeypatch.setattr(cli, "TABLE_ROWS", 2)
    for i in range(4):
        write_story(tmp_path, f"s{i}.txt", f"Story number {i}")
    ingest(db, *sorted(tmp_path.glob("s*.txt")))
    out = run("articles", "--db", db).stdout
    assert out.count("Story number") == 2 and "2 more" in out
    assert run("articles", "--db", db, "--limit", "3").stdout.count("Story number") == 3
    assert len(json.loads(run("articles", "--db", db, "--json").stdout)) == 4


def test_default_database_with_an_empty_xdg_config_home_is_not_relative(monkeypatch):
    from newscli.store import default_path

    monkeypatch.delenv("NEWSCLI_DB")
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    assert default_path().is_absolute()
