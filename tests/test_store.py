"""The database file (store.py): atomic batched writes, refusing files it cannot read,
schema version and migrations. In-process; the multi-process tests are in test_reliability.py."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscli import store as store_mod
from newscli.cli import app
from newscli.models import SCHEMA_VERSION
from newscli.parser import parse
from newscli.status import ExitStatus
from newscli.store import ARTICLES, META, DatabaseError, Store, atomic_write, load

from conftest import write_story

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def record(i: int, path: str | None = None) -> dict:
    return parse(f"Headline {i}\n\n“Quote number {i},” Ann Lee said.\n", path=path or f"s{i}.txt").to_dict()


def fill(db: Path, n: int) -> list[str]:
    s = Store(db)
    recs = [record(i) for i in range(n)]
    with s.transaction():
        s.upsert(recs)
    return [r["id"] for r in recs]


def snapshot(p: Path):
    """Everything that shows a file was touched: bytes, mode, inode, mtime."""
    if p.is_dir():
        st = p.stat()
        return ("dir", sorted(os.listdir(p)), st.st_ino, st.st_mtime_ns)
    st = p.stat()
    return (p.read_bytes(), st.st_mode, st.st_ino, st.st_mtime_ns)


# ------------------------------------------------------------ atomic, batched writes

def test_database_is_plain_json_with_schema_version(db):
    fill(db, 3)
    data = json.loads(db.read_text(encoding="utf-8"))
    assert data[META]["1"] == {"app": "newscli", "schema_version": SCHEMA_VERSION}
    assert len(data[ARTICLES]) == 3


def test_one_write_per_transaction_not_per_record(db, monkeypatch):
    calls = []
    real = store_mod.atomic_write
    monkeypatch.setattr(store_mod, "atomic_write", lambda p, b: (calls.append(p), real(p, b)))
    s = Store(db)
    with s.transaction():
        s.upsert([record(i) for i in range(50)])
        s.upsert([record(i) for i in range(50, 60)])
    assert calls == [db]
    with s.transaction():  # nothing changed: nothing written
        assert s.upsert([record(1)]) == ["unchanged"]
    assert calls == [db]


def write_stories(folder, numbers) -> None:
    for i in numbers:
        write_story(folder, f"s{i:02d}.txt", f"Story {i}", said=f"Words {i}")


def count_writes(monkeypatch) -> list:
    """The database paths written, one entry per atomic write, from now on."""
    calls = []
    real = store_mod.atomic_write
    monkeypatch.setattr(store_mod, "atomic_write", lambda p, b: (calls.append(p), real(p, b)))
    return calls


def test_ingest_writes_once_per_batch(tmp_path, db, monkeypatch):
    import newscli.cli as cli

    write_stories(tmp_path, range(25))
    calls = count_writes(monkeypatch)
    assert run("ingest", tmp_path, "--db", db, "-q").exit_code == 0
    assert calls == [db]  # 25 articles, dozens of quotes: one write
    monkeypatch.setattr(cli, "COMMIT_EVERY", 10)
    monkeypatch.setattr(cli, "WRITE_SHARE", 0)  # every batch writes, however long writing takes
    write_stories(tmp_path, range(25, 50))
    calls.clear()
    assert run("ingest", tmp_path, "--db", db, "-q").exit_code == 0
    # 50 files in batches of 10: the first two batches are all unchanged and write nothing
    assert len(calls) == 3
    assert len(Store(db).articles()) == 50


def test_ingest_spaces_writes_by_their_cost(tmp_path, db, monkeypatch):
    # each write re-encodes the whole file: after a write, the next waits WRITE_SHARE times as
    # long as that one took, so a big archive is not rewritten every COMMIT_EVERY articles
    import newscli.cli as cli

    write_stories(tmp_path, range(50))
    calls = count_writes(monkeypatch)
    monkeypatch.setattr(cli, "COMMIT_EVERY", 10)
    monkeypatch.setattr(cli, "WRITE_SHARE", 10**6)
    assert run("ingest", tmp_path, "--db", db, "-q").exit_code == 0
    assert len(calls) == 2  # the first batch of 10, then the other 40 at the end
    assert len(Store(db).articles()) == 50


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    p = tmp_path / "f.json"
    p.write_bytes(b'{"old": {}}')

    def boom(*a):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(p, b'{"new": {}}')
    assert p.read_bytes() == b'{"old": {}}'
    assert sorted(os.listdir(tmp_path)) == ["f.json"]  # the temporary file is gone


def test_failed_commit_keeps_the_database_and_says_so(db, monkeypatch):
    fill(db, 2)
    before = db.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    s = Store(db)
    with pytest.raises(DatabaseError, match="No space left"):
        with s.transaction():
            s.upsert([record(9)])
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temporary_files_are_removed_under_the_lock(db):
    fill(db, 1)
    stale = db.parent / f".{db.name}.abc123.tmp"
    stale.write_bytes(b'{"half": ')
    other = db.parent / ".other.json.abc.tmp"
    other.write_bytes(b"x")
    s = Store(db)
    with s.transaction():
        s.upsert([record(5)])
    assert not stale.exists()
    assert other.exists()  # not ours


def test_exception_inside_transaction_writes_nothing(db):
    fill(db, 2)
    before = db.read_bytes()
    s = Store(db)
    with pytest.raises(RuntimeError):
        with s.transaction():
            s.upsert([record(7)])
            raise RuntimeError("stop")
    assert db.read_bytes() == before


def test_transaction_rereads_the_file_under_the_lock(db):
    a, b = Store(db), Store(db)
    fill(db, 1)
    assert len(a.articles()) == 1
    with b.transaction():
        b.upsert([record(1)])
    with a.transaction():  # a's earlier view is stale; it must not drop b's record
        a.upsert([record(2)])
    assert len(Store(db).articles()) == 3


def test_lone_surrogates_are_stored_as_replacement_characters(tmp_path, db):
    """Non-UTF-8 file names (os.fsdecode) and imported "\\ud800" carry lone surrogates,
    which cannot be written as UTF-8; the record is stored, one character for one."""
    rec = record(1, path=os.fsdecode(b"caf\xe9.txt"))
    rec["text"] = rec["text"] + "\ud800"
    s = Store(db)
    with s.transaction():
        s.upsert([rec])
    got = json.loads(db.read_bytes().decode("utf-8"))
    doc = next(iter(got[ARTICLES].values()))
    assert doc["source"]["path"] == "caf\ufffd.txt"
    assert doc["text"].endswith("\ufffd") and len(doc["text"]) == len(rec["text"])


def test_non_utf8_file_name_does_not_sink_the_batch(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("“Fine,” Ann said.", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
            f.write("“Hi,” Bob said.".encode())
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    r = run("ingest", folder, "--db", db, "-q")
    assert r.exit_code == 0, r.output
    assert len(Store(db).articles()) == 2


# ------------------------------------------------------------ the JSON codec (orjson)

def _varied_records() -> list[dict]:
    """Every sample story and page as parsed, and text that tests a JSON writer: accents,
    CJK, emoji, control characters, U+2028, quotes and backslashes."""
    from conftest import SAMPLES

    recs = [parse(p.read_text(encoding="utf-8"), path=p.name).to_dict()
            for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    odd = record(99)
    odd["text"] += "Zoë Müller, 東京, 😀, \x00\x01\x1f\x7f, \u2028\u2029, \"q\" \\ /, \ufeff, \t\r\n"
    odd["headline"] = "« Ça va » — 1/2"
    return recs + [odd]


def test_database_bytes_are_what_plain_json_writes(db):
    """orjson writes the file byte for byte as json.dumps(ensure_ascii=False, compact) does,
    and plain json reads it to the same values as the store."""
    recs = _varied_records()
    s = Store(db)
    with s.transaction():
        s.upsert(recs)
    raw = db.read_bytes()
    data = json.loads(raw.decode("utf-8"))
    assert raw == store_mod._json_dumps(data)
    assert data == load(db)
    assert [a["text"] for a in Store(db).articles()] == [r["text"] for r in recs]


def test_nan_and_infinity_from_plain_json_are_read_and_written_as_null(db, story):
    """An older newscli without orjson wrote NaN for an imported NaN confidence: JSON
    readers differ on it (orjson refuses it), so it is read by json, then written as null."""
    data = json.loads(json.dumps({META: {"1": {"app": "newscli", "schema_version": SCHEMA_VERSION}},
                                  ARTICLES: {"1": record(1)}}))
    data[ARTICLES]["1"]["quotes"][0]["confidence"] = float("nan")
    data[ARTICLES]["1"]["quotes"][0]["verb_start"] = float("inf")
    db.write_text(json.dumps(data))
    assert b"NaN" in db.read_bytes() and b"Infinity" in db.read_bytes()
    (a,) = Store(db).articles()
    assert a["quotes"][0]["confidence"] != a["quotes"][0]["confidence"]  # NaN
    assert run("ingest", story, "--db", db).exit_code == 0
    import orjson

    written = orjson.loads(db.read_bytes())  # strict JSON again
    quote = written[ARTICLES]["1"]["quotes"][0]
    assert (quote["confidence"], quote["verb_start"]) == (None, None)
    assert len(written[ARTICLES]) == 2


def test_integers_past_64_bits_do_not_sink_a_commit(db):
    """orjson refuses them; json writes them, and both read the file."""
    rec = record(1)
    rec["quotes"][0]["confidence"] = 10 ** 30
    big = record(2)
    big["quotes"][0]["confidence"] = 10 ** 400  # past a double: orjson refuses to read it
    with Store(db).transaction() as s:
        s.upsert([rec, big])
    on_disk = json.loads(db.read_bytes())
    assert [d["quotes"][0]["confidence"] for d in on_disk[ARTICLES].values()] == [10 ** 30, 10 ** 400]
    assert len(Store(db).articles()) == 2


def test_decoded_database_is_frozen_out_of_the_collector(db):
    """The decoded tree goes to the permanent generation (no collection walks it again);
    the collector is left as it was found."""
    import gc

    fill(db, 3)
    try:
        recs = Store(db).articles()
        assert gc.isenabled()
        assert gc.is_tracked(recs[0])
        assert not any(o is recs[0] for o in gc.get_objects())  # generations 0-2 only
        gc.disable()
        Store(db).articles()
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


# ------------------------------------------------------------ databases we cannot read

BAD_DATABASES = {
    "truncated": lambda good: good[: len(good) // 2],
    "not_json": lambda good: b"hello, this is not JSON\n",
    "binary": lambda good: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "json_array": lambda good: b"[1, 2, 3]",
    "json_string": lambda good: b'"newscli"',
    "wrong_shape_tables": lambda good: b'{"articles": [1, 2]}',
    "other_programs_json": lambda good: json.dumps({"name": "left-pad", "version": "1.0.0",
                                                    "scripts": {"test": "x"}}).encode(),
    "other_tinydb_file": lambda good: b'{"_default": {"1": {"user": "bob"}}}',
    "bad_meta": lambda good: b'{"_meta": {"1": "newscli"}, "articles": {}}',
    "meta_of_other_app": lambda good: b'{"_meta": {"1": {"app": "other", "schema_version": 1}}}',
    "bool_version": lambda good: b'{"_meta": {"1": {"app": "newscli", "schema_version": true}}}',
    "zero_version": lambda good: b'{"_meta": {"1": {"app": "newscli", "schema_version": 0}}}',
    "article_without_id": lambda good: b'{"_meta": {"1": {"app": "newscli", "schema_version": 1}},'
                                       b' "articles": {"1": {"text": "x"}}}',
    "non_numeric_doc_id": lambda good: b'{"_meta": {"1": {"app": "newscli", "schema_version": 1}},'
                                       b' "articles": {"abc": {"id": "x", "text": "x"}}}',
    "record_not_object": lambda good: b'{"_meta": {"1": {"app": "newscli", "schema_version": 1}},'
                                      b' "articles": {"1": [1]}}',
    "invalid_utf8": lambda good: good.replace(b"Quote", b"Qu\xffte", 1),
    # orjson stops at 1,024 levels, json (the second try) with RecursionError: both refused
    "nested_too_deeply": lambda good: b"[" * 100_000 + b"]" * 100_000,
}


@pytest.fixture
def good_bytes(tmp_path) -> bytes:
    p = tmp_path / "good.json"
    fill(p, 2)
    return p.read_bytes()


@pytest.mark.parametrize("case", sorted(BAD_DATABASES))
def test_unreadable_database_is_refused_never_touched(case, db, good_bytes, story):
    db.write_bytes(BAD_DATABASES[case](good_bytes))
    before = snapshot(db)
    with pytest.raises(DatabaseError) as e:
        load(db)
    assert str(db) in str(e.value)
    for args in (["ingest", story], ["articles"], ["quotes"], ["speakers"], ["export"],
                 ["show", "abc"], ["delete", "abc"], ["articles", "--json"]):
        r = run(*args, "--db", db)
        assert r.exit_code == ExitStatus.USAGE_OR_DB == 2, (args, r.output)
        assert str(db) in r.stderr
        assert "Traceback" not in r.output
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert snapshot(db) == before, args
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(("news", ".news"))) == \
        ["news.json", "news.json.lock"]


def test_database_that_is_a_folder(tmp_path, story):
    folder = tmp_path / "dbdir"
    (folder / "inside").mkdir(parents=True)
    before = snapshot(folder)
    for args in (["ingest", story], ["articles"], ["export"]):
        r = run(*args, "--db", folder)
        assert r.exit_code == 2, r.output
        assert str(folder) in r.stderr and "folder" in r.stderr
    assert snapshot(folder) == before


def test_database_without_permission(db, good_bytes, story, monkeypatch):
    """Simulated (tests often run as root, who may read anything); see the real one below."""
    db.write_bytes(good_bytes)
    before = snapshot(db)
    real = Path.read_bytes

    def denied(self):
        if self == db:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    for args in (["ingest", story], ["articles"]):
        r = run(*args, "--db", db)
        assert r.exit_code == 2
        assert str(db) in r.stderr and "permission denied" in r.stderr
    monkeypatch.undo()
    assert snapshot(db) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_database_without_permission_for_real(db, good_bytes, story):
    db.write_bytes(good_bytes)
    db.chmod(0)
    try:
        r = run("ingest", story, "--db", db)
        assert r.exit_code == 2 and str(db) in r.stderr
        db.chmod(0o600)
        assert db.read_bytes() == good_bytes
    finally:
        db.chmod(0o600)


def test_read_only_folder_cannot_be_written(tmp_path, story, monkeypatch):
    db = tmp_path / "news.json"
    fill(db, 1)
    before = snapshot(db)

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_mod.tempfile, "mkstemp", refuse)
    r = run("ingest", story, "--db", db)
    assert r.exit_code == 2
    assert str(db) in r.stderr and "cannot write" in r.stderr
    assert snapshot(db) == before


def test_empty_file_is_a_new_database(db, story):
    db.write_bytes(b"")
    assert run("ingest", story, "--db", db).exit_code == 0
    assert len(Store(db).articles()) == 1


# ------------------------------------------------------------ schema version, migrations

def test_newer_schema_is_refused(db, good_bytes, story):
    data = json.loads(good_bytes)
    data[META]["1"]["schema_version"] = SCHEMA_VERSION + 1
    db.write_text(json.dumps(data))
    before = snapshot(db)
    r = run("ingest", story, "--db", db)
    assert r.exit_code == 2
    assert "newer newscli" in r.stderr and str(db) in r.stderr
    assert snapshot(db) == before


def test_migration_path_to_the_next_schema(db, good_bytes, story, monkeypatch):
    """The next schema: add MIGRATIONS[N] and bump SCHEMA_VERSION. Old files are migrated
    on open, written in the new schema at the next commit, the old file kept as a backup."""
    db.write_bytes(good_bytes)
    old = SCHEMA_VERSION

    def v_next(data: dict) -> dict:
        for doc in data[ARTICLES].values():
            doc["tags"] = []
        return data

    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", old + 1)
    monkeypatch.setitem(store_mod.MIGRATIONS, old, v_next)
    # reading migrates in memory and writes nothing
    before = snapshot(db)
    assert all(a["tags"] == [] for a in Store(db).articles())
    assert snapshot(db) == before
    # the next write stores the new schema and keeps the old file
    assert run("ingest", story, "--db", db).exit_code == 0
    data = json.loads(db.read_text(encoding="utf-8"))
    assert data[META]["1"]["schema_version"] == old + 1
    assert len(data[ARTICLES]) == 3
    backup = db.with_name(f"{db.name}.schema{old}.bak")
    assert backup.read_bytes() == good_bytes


def test_missing_migration_is_a_clear_error(db, good_bytes, monkeypatch):
    db.write_bytes(good_bytes)
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(DatabaseError, match="no migration"):
        load(db)


# ------------------------------------------------------------ upsert

def test_upsert_statuses(db):
    s = Store(db)
    with s.transaction():
        assert s.upsert([record(1), record(2), record(1)]) == ["added", "added", "unchanged"]
    changed = parse("Headline 1\n\n“Changed,” Ann Lee said.\n", path="s1.txt").to_dict()
    with s.transaction():
        assert s.upsert([record(2), changed]) == ["unchanged", "updated"]
    assert len(s.articles()) == 2


# ------------------------------------------------------------ file details

def test_symlinked_database_stays_a_symlink(tmp_path, story):
    real = tmp_path / "real" / "news.json"
    real.parent.mkdir()
    fill(real, 1)
    link = tmp_path / "link.json"
    try:
        link.symlink_to(real)
    except (OSError, NotImplementedError):
        pytest.skip("no symlinks here")
    assert run("ingest", story, "--db", link).exit_code == 0
    assert link.is_symlink()
    assert len(Store(real).articles()) == 2
    assert (real.parent / "news.json.lock").exists()  # one lock for every path to the file


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permission_bits_are_kept(db, story):
    fill(db, 1)
    db.chmod(0o640)
    assert run("ingest", story, "--db", db).exit_code == 0
    assert (db.stat().st_mode & 0o777) == 0o640


def _hold_lock(db: Path, seconds: float):
    """Another process in a transaction on db: it holds the lock for `seconds`, then adds
    a record of its own and commits."""
    import subprocess
    import sys

    code = ("import sys, time\n"
            "from newscli.store import Store\n"
            "from newscli.parser import parse\n"
            "s = Store(sys.argv[1])\n"
            "with s.transaction():\n"
            "    print('held', flush=True)\n"
            "    time.sleep(float(sys.argv[2]))\n"
            "    s.upsert([parse('Holder\\n\\n“Mine,” said Ann Lee.', path='holder.txt').to_dict()])\n")
    p = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "held"
    return p


def test_a_writer_waits_for_the_lock_and_loses_nothing(db, story):
    fill(db, 1)
    holder = _hold_lock(db, 1.0)
    try:
        r = run("ingest", story, "--db", db)  # queues behind the holder, then re-reads and writes
        assert r.exit_code == 0, r.output
        assert holder.wait(timeout=60) == 0
        paths = sorted(a["source"]["path"] for a in Store(db).articles())
        assert paths == sorted(["s0.txt", "holder.txt", str(story)])  # no lost update
    finally:
        holder.kill()
        holder.wait()


def test_lock_held_too_long_is_a_clear_error(db, story, monkeypatch):
    fill(db, 1)
    before = snapshot(db)
    monkeypatch.setattr(store_mod, "LOCK_TIMEOUT", 0.3)
    holder = _hold_lock(db, 30)
    try:
        r = run("ingest", story, "--db", db)
        assert r.exit_code == 2
        assert str(db) in r.stderr and "held the lock" in r.stderr
        assert snapshot(db) == before
    finally:
        holder.kill()
        holder.wait()
