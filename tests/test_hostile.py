"""Hostile and broken input: each file gives a record or one line naming it, never a
traceback, and the rest of the batch goes on."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newscli.cli as cli
import newscli.read as read_mod
from newscli.cli import app
from newscli.read import DEFAULT_MAX_SIZE, InputError, decode, expand
from newscli.store import Store

from conftest import STORY

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def check_record(rec: dict) -> None:
    text = rec["text"]
    for p in rec["paragraphs"]:
        assert 0 <= p["start"] <= p["end"] <= len(text)
    for q in rec["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)
        assert text[q["start"]:q["end"]] == q["text"]


def outcome(path: Path | str, *extra) -> tuple[str, object]:
    """("record", rec) or ("error", line) for one file through `newscli parse`; fails the
    test on anything else (a traceback, a parser crash, two lines, an unnamed file)."""
    r = run("parse", path, "--format", "jsonl", *extra)
    assert "Traceback" not in r.output
    assert "could not be parsed" not in r.stderr, r.stderr  # a parser bug, not a bad input
    assert "internal error" not in r.stderr, r.stderr
    if r.exit_code == 0:
        lines = r.stdout.splitlines()
        assert len(lines) == 1 and r.stderr == ""
        rec = json.loads(lines[0])
        check_record(rec)
        return "record", rec
    assert r.exit_code == 1, r.output
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"newscli: {path}: "), lines[0]
    return "error", lines[0]


def png_bytes() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(range(16)) * 3 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("story.txt", STORY)
    return buf.getvalue()


# name -> (bytes, expected outcome, what the record or the error must show)
CASES = {
    "empty.txt": (b"", "error", "empty file"),
    "whitespace.txt": (b"  \n\t\r\n   \n", "error", "only whitespace"),
    "nul.txt": (b"Some words\x00\x00\x00 and more", "error", "binary data"),
    "image.txt": (png_bytes(), "error", "binary data"),
    "archive.txt": (zip_bytes(), "error", "binary data"),
    "invalid-utf8.txt": (b"He said \xff\xfe hello \xc3(", "error", "invalid UTF-8"),
    "damaged-utf8.txt": ("“Fine,” said Ann. Café.".encode() + b" \xff", "error", "invalid UTF-8"),
    "truncated-utf8.txt": ("“Fine,” said Ann. Café".encode()[:-1], "error", "invalid UTF-8"),
    "utf8-bom.txt": (b"\xef\xbb\xbf" + "“Fine,” said Ann Lee.\n".encode(), "record", "“Fine,” said Ann Lee."),
    "utf16le-bom.txt": (b"\xff\xfe" + "“Fine,” said Ann Lee.\n".encode("utf-16-le"), "record", "“Fine,” said Ann Lee."),
    "utf16be-bom.txt": (b"\xfe\xff" + "“Fine,” said Ann Lee.\n".encode("utf-16-be"), "record", "“Fine,” said Ann Lee."),
    "utf16-odd-length.txt": (b"\xff\xfe" + "“Fine,”".encode("utf-16-le") + b"x", "error", "invalid UTF-16"),
    "cp1252.txt": (b"\x93We will not go back,\x94 said Ann Lee, the union\x92s head. Caf\xe9.\n", "record",
                   "“We will not go back,” said Ann Lee, the union’s head. Café."),
    "crlf.txt": (STORY.replace("\n", "\r\n").encode(), "record", "\r\n"),
    "cr.txt": (STORY.replace("\n", "\r").encode(), "record", "\n\nPort strike"),  # lone CR -> LF
    "controls.txt": (bytes(range(1, 32)) * 20, "error", "binary data"),
}


@pytest.fixture
def hostile(tmp_path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, (data, _, _) in CASES.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_file_gives_a_record_or_one_line(hostile, name):
    data, expected, shows = CASES[name]
    kind, got = outcome(hostile / name)
    assert kind == expected, got
    if kind == "error":
        assert shows in got
    else:
        assert shows in got["text"]


def test_bom_is_dropped_and_offsets_are_into_the_text(hostile):
    for name in ("utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt"):
        _, rec = outcome(hostile / name)
        assert not rec["text"].startswith("\ufeff")
        assert rec["quotes"] and rec["quotes"][0]["text"].startswith("Fine")


def test_encoding_is_recorded(hostile):
    assert outcome(hostile / "cp1252.txt")[1]["source"]["encoding"] == "cp1252"
    assert outcome(hostile / "utf16le-bom.txt")[1]["source"]["encoding"] == "utf-16-le"


def test_windows_1252_curly_quotes_become_a_quote(hostile):
    _, rec = outcome(hostile / "cp1252.txt")
    assert [q["text"] for q in rec["quotes"]][:1] == ["We will not go back,"]


@pytest.mark.parametrize("name", ["crlf.txt", "cr.txt"])
def test_crlf_and_lone_cr_keep_paragraphs_and_quotes(hostile, name):
    _, rec = outcome(hostile / name)
    assert len(rec["paragraphs"]) >= 5
    assert {q["text"] for q in rec["quotes"]} >= {"We are not going back to work for promises,",
                                                 "Every day costs us money,"}


def test_damaged_utf8_is_not_taken_for_windows_1252():
    """UTF-8 curly quotes hold bytes 0x80-0x9F: one bad byte must not turn “ into â€œ."""
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode("“Fine,” — ‘no’".encode() + b"\xff")
    assert decode(b"\x93Fine,\x94 \x97 caf\xe9") == ("“Fine,” — café", "cp1252")


def test_the_batch_goes_on(hostile, tmp_path, db):
    good = tmp_path / "good story.txt"
    good.write_text(STORY, encoding="utf-8")
    r = run("ingest", hostile, good, "--db", db, "-q")
    assert r.exit_code == 1  # some inputs failed
    assert "Traceback" not in r.output
    errors = [line for line in r.stderr.splitlines() if line.startswith(f"newscli: {hostile}")]
    expected_errors = [n for n, (_, kind, _) in CASES.items() if kind == "error"]
    assert len(errors) == len(expected_errors)
    stored = Store(db).articles()
    from newscli.parser import content_id

    assert content_id(STORY) in {a["id"] for a in stored}  # the good story (cr.txt is the same text)
    records = [n for n, (_, kind, _) in CASES.items() if kind == "record"]
    assert len(stored) == len({a["id"] for a in stored})
    # the three BOM files hold the same text, cr.txt is the good story once its CRs are LFs
    assert len(stored) == len(records) - 2 - 1 + 1


def test_the_batch_goes_on_in_a_real_process(hostile, tmp_path):
    """The same, through a real process: stderr holds one line per bad file, nothing else."""
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "newscli", "ingest", str(hostile), str(good), "-q",
                        "--db", str(tmp_path / "db.json")], capture_output=True, timeout=120)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith("newscli: ") for line in lines)
    assert len(lines) == sum(kind == "error" for _, kind, _ in CASES.values()) + 1  # + summary


def test_parser_crash_is_one_line_unless_debug(story, monkeypatch):
    import newscli.parser

    def boom(text, path=None):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(newscli.parser, "parse", boom)
    r = run("parse", story)
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [f"newscli: {story}: could not be parsed (RuntimeError: parser bug)"]
    with pytest.raises(RuntimeError):
        runner.invoke(app, ["--debug", "parse", str(story)], catch_exceptions=False)


# ------------------------------------------------------------------ size

def test_100_mb_file_is_refused_by_the_default_max_size(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 1024 * 1024)
    kind, line = outcome(big)
    assert kind == "error"
    assert "too large" in line and "--max-size" in line and f"{DEFAULT_MAX_SIZE:,}" in line


def test_max_size_option_and_stdin(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text(STORY, encoding="utf-8")
    kind, line = outcome(p, "--max-size", "100")
    assert kind == "error" and "too large" in line
    r = run("parse", "-", "--format", "jsonl", "--max-size", "100", input=STORY * 10)
    assert r.exit_code == 1 and r.stderr.startswith("newscli: -: too large")
    assert outcome(p, "--max-size", str(len(STORY.encode()) + 1))[0] == "record"


def test_one_5_mb_line(tmp_path):
    p = tmp_path / "line.txt"
    words = "“Quote,” he said. " + "word " * (5 * 1024 * 1024 // 5)
    p.write_text(words, encoding="utf-8")
    kind, rec = outcome(p)
    assert kind == "record" and len(rec["text"]) >= 5 * 1024 * 1024


# ------------------------------------------------------------------ adversarial text

ADVERSARIAL = {
    "100k-straight-quotes": '"' * 100_000,
    "100k-curly-quotes": "“" * 50_000 + "”" * 50_000,
    "100k-single-quotes": "'" * 100_000,
    "100k-mixed-marks": "“‘\"'«»”’" * 12_500,
    "100k-quoted-words": '"a" ' * 25_000,
    "said-100k": "said " * 100_000,
    "Said-sentences": "He said. " * 20_000,
    "said-quotes": "“Yes,” he said. " * 10_000,
    "deep-nesting": "“‘“‘" * 5_000 + "deep" + "’”’”" * 5_000,
    "unbalanced-openers": "“open said Ann " * 10_000,
    "unbalanced-closers": "closed” said Ann. " * 10_000,
    "quote-per-paragraph": "“Start of a quote\n\n" * 10_000,
    "html-deep-nesting": "<html><body>" + "<div><blockquote>" * 1_500 + "“Hi,” Ann said." + "</blockquote></div>" * 1_500,
    # quadratic in html.py for now (get_text per nested candidate): kept small, see bench_linear
    "html-unclosed": "<html><body>" + "<p><b><i>“open " * 1_000,
    "html-entities": "<html><body><p>" + "&ldquo;&#x201c;&rdquo;&amp;&#0;&#xD800;" * 5_000 + "</p>",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_gives_a_record(tmp_path, name):
    p = tmp_path / f"{name}.txt"
    p.write_text(ADVERSARIAL[name], encoding="utf-8")
    kind, rec = outcome(p)
    assert kind == "record"


# ------------------------------------------------------------------ folders and paths

def symlink_or_skip(target, link):
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):
        pytest.skip("no symlinks here")


def test_folder_with_symlink_loops(tmp_path, db):
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    (top / "a.txt").write_text("“One,” said Ann Lee.", encoding="utf-8")
    (top / "sub" / "b.txt").write_text("“Two,” said Bob Ray.", encoding="utf-8")
    symlink_or_skip("..", top / "sub" / "up")  # a folder loop
    symlink_or_skip(".", top / "self")  # another
    symlink_or_skip("loop2.txt", top / "loop1.txt")  # a file loop
    symlink_or_skip("loop1.txt", top / "loop2.txt")
    symlink_or_skip("nowhere.txt", top / "dangling.txt")
    found = [x for x in expand([str(top)])]
    files = sorted(os.path.relpath(f, top) for f in found if isinstance(f, str))
    assert files.count("a.txt") == 1 and files.count(os.path.join("sub", "b.txt")) == 1
    r = run("ingest", top, "--db", db, "-q")
    assert r.exit_code == 1  # the loops and the dangling link fail, one line each
    assert "Traceback" not in r.output
    bad = r.stderr.splitlines()[:-1]
    assert sorted(line.split(": ")[1].rsplit("/", 1)[-1] for line in bad) == \
        ["dangling.txt", "loop1.txt", "loop2.txt"]
    assert len(Store(db).articles()) == 2


def test_unreadable_file_in_a_folder(tmp_path, db, monkeypatch):
    """Simulated (tests may run as root, who reads anything)."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("“One,” said Ann Lee.", encoding="utf-8")
    locked = folder / "locked.txt"
    locked.write_text("“Two,” said Bob Ray.", encoding="utf-8")
    real_open = open

    def guarded_open(path, *a, **k):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(read_mod, "open", guarded_open, raising=False)
    r = run("ingest", folder, "--db", db, "-q")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == f"newscli: {locked}: permission denied"
    assert len(Store(db).articles()) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path, db):
    (tmp_path / "a.txt").write_text("“One,” said Ann Lee.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        r = run("ingest", tmp_path, "--db", db, "-q")
        assert r.exit_code == 1 and f"newscli: {locked}: permission denied" in r.stderr
    finally:
        locked.chmod(0o600)


def test_files_that_vanish_mid_run(tmp_path, db, monkeypatch):
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"“Quote {i},” said Ann Lee.", encoding="utf-8")
    real = cli.read_input

    def read_and_delete_the_next(path, max_size):
        got = real(path, max_size)
        nxt = folder / f"{int(Path(path).stem) + 1}.txt"
        if Path(path).name in ("0.txt", "2.txt"):
            nxt.unlink()
        return got

    monkeypatch.setattr(cli, "read_input", read_and_delete_the_next)
    r = run("ingest", folder, "--db", db, "-q")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [
        f"newscli: {folder / '1.txt'}: no such file (it may have been moved or deleted)",
        f"newscli: {folder / '3.txt'}: no such file (it may have been moved or deleted)"]
    assert len(Store(db).articles()) == 3


@pytest.mark.parametrize("name", ["with spaces in it.txt", "Zürich — café 東京.txt", "-leading-dash.txt",
                                  "quote\"and'apostrophe.txt", "[brackets] (parens).txt"])
def test_paths_with_spaces_and_non_ascii_names(tmp_path, db, name):
    folder = tmp_path / "dir with spaces ñ"
    folder.mkdir()
    p = folder / name
    p.write_text(STORY, encoding="utf-8")
    kind, rec = outcome(p)
    assert kind == "record" and rec["source"]["path"] == str(p)
    r = run("ingest", folder, "--db", db, "-q")
    assert r.exit_code == 0, r.output
    assert Store(db).articles()[0]["source"]["path"] == str(p)


def test_non_utf8_file_name(tmp_path, db):
    folder = tmp_path / "f"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9 \x1b[2J.txt"), "wb") as f:
            f.write(STORY.encode())
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    r = run("ingest", folder, "--db", db)
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.output
    [rec] = Store(db).articles()
    assert rec["source"]["path"].endswith("caf\ufffd \x1b[2J.txt")  # stored as text; shown cleaned


def test_stdin_as_input(db):
    r = run("ingest", "-", "--db", db, "-q", input=STORY.encode("utf-16"))
    assert r.exit_code == 0, r.output
    assert Store(db).articles()[0]["source"]["encoding"] == "utf-16-le"


# ------------------------------------------------------------------ hostile imports

def test_import_refuses_records_that_would_break_a_view(tmp_path, db):
    from newscli.parser import parse

    good = parse(STORY, path="good.txt").to_dict()
    q0 = good["quotes"][0]
    bad = {
        "offset-not-int": dict(good, id="b1", paragraphs=[{"start": "x", "end": 5, "kind": "body"}]),
        "span-outside-text": dict(good, id="b2", quotes=[dict(q0, end=10 ** 9)]),
        "quote-text-elsewhere": dict(good, id="b3", quotes=[dict(q0, text="not there")]),
        "headline-object": dict(good, id="b4", headline={"evil": 1}),
        "authors-not-list": dict(good, id="b5", byline=dict(good["byline"], authors="Ann")),
        "bool-offset": dict(good, id="b6", paragraphs=[{"start": True, "end": 3, "kind": "body"}]),
    }
    src = tmp_path / "records.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [good, *bad.values()]) + "\n" + "[" * 100_000 + "\n",
                   encoding="utf-8")
    r = run("import", src, "--db", db)
    assert r.exit_code == 1
    assert "Traceback" not in r.output and "internal error" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith(f"newscli: {src}: line ")]
    assert len(errors) == len(bad) + 1, r.stderr  # + the deeply nested line
    assert "nested too deeply" in errors[-1]
    assert [a["id"] for a in Store(db).articles()] == [good["id"]]
    for args in (["articles"], ["quotes"], ["show", good["id"][:8], "--no-pager"], ["export", "--format", "csv"]):
        assert run(*args, "--db", db).exit_code == 0


def test_import_of_deeply_nested_json_array(tmp_path, db):
    src = tmp_path / "deep.json"
    src.write_text("[" * 100_000, encoding="utf-8")
    r = run("import", src, "--db", db)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == f"newscli: {src}: file: not valid JSON (nested too deeply)"


def test_export_then_import_keeps_every_sample(tmp_path, db):
    """The import checks never refuse what newscli itself wrote."""
    from conftest import SAMPLES

    if not SAMPLES.exists():
        pytest.skip("no samples")
    assert run("ingest", SAMPLES, "--db", db, "-q").exit_code in (0, 1)
    out = tmp_path / "all.json"
    assert run("export", "-o", out, "--db", db).exit_code == 0
    other = tmp_path / "other.json"
    r = run("import", out, "--db", other)
    assert r.exit_code == 0, r.stderr
    assert len(Store(other).articles()) == len(Store(db).articles()) > 0


def test_unreadable_subfolder_is_named_not_skipped(tmp_path, db, monkeypatch):
    """Simulated (root lists any folder): os.walk alone skips it without a word."""
    top = tmp_path / "top"
    (top / "locked").mkdir(parents=True)
    (top / "a.txt").write_text("“One,” said Ann Lee.", encoding="utf-8")
    (top / "locked" / "b.txt").write_text("“Two,” said Bob Ray.", encoding="utf-8")
    real = os.scandir

    def guarded(path="."):
        if os.fspath(path) == str(top / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", guarded)
    r = run("ingest", top, "--db", db, "-q")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == \
        f"newscli: {top / 'locked'}: cannot read this folder (Permission denied)"
    assert len(Store(db).articles()) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root lists any folder")
def test_unreadable_subfolder_for_real(tmp_path, db):
    (tmp_path / "a.txt").write_text("“One,” said Ann Lee.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        r = run("ingest", tmp_path, "--db", db, "-q")
        assert r.exit_code == 1 and f"newscli: {locked}: cannot read this folder" in r.stderr
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_folder_does_not_hang_the_batch(tmp_path, db):
    """Opening a FIFO nobody writes to blocks forever; found in a folder, it is named and
    skipped. (Named on the command line it is read: `newscli parse <(curl ...)` is a pipe.)"""
    (tmp_path / "a.txt").write_text("“One,” said Ann Lee.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    r = run("ingest", tmp_path, "--db", db, "-q")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == \
        f"newscli: {tmp_path / 'pipe.txt'}: not a regular file (a FIFO, socket or device)"
    assert len(Store(db).articles()) == 1


def test_parse_itself_reads_lone_cr_line_ends():
    from newscli import parse

    text = "Port talks stall\r\rROTTERDAM (AP) — Talks stalled.\r\r“We wait,” said Ann Lee.\r"
    art = parse(text)
    assert art.headline == "Port talks stall" and art.dateline.place == "ROTTERDAM"
    assert len(art.text) == len(text)
    assert [q.text for q in art.quotes] == ["We wait,"]
