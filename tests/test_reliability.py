"""Real processes against one database: concurrency, SIGKILL mid-ingest, Ctrl-C (SIGINT).

Every test runs `python -m newscli` in subprocesses on a database under tmp_path (never the
user's own), then checks the file with a plain JSON parser. No timing assertions: the tests
wait for what they need to see (a commit landing) and then act.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newscli.parser import content_id
from newscli.store import ARTICLES, META, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

NEWSCLI = [sys.executable, "-m", "newscli"]
# The same CLI with a small commit batch, so a process commits many times and every write
# races the others (COMMIT_EVERY is 1000 in the real CLI).
def newscli_committing_every(n: int) -> list[str]:
    return [sys.executable, "-c", f"import sys; import newscli.cli as c; c.COMMIT_EVERY = {n}; "
            "sys.argv[0] = 'newscli'; c.main()"]


def story_text(tag: str, i: int) -> str:
    return (f"Story {tag}-{i} makes the news\n\nBy Jane Doe\n\n"
            f"LONDON (Reuters) - Something numbered {tag}-{i} happened on Monday.\n\n"
            f"“We will see about {tag}-{i},” Marta Visser said on Monday. “Not today.”\n\n"
            f"Officials said the matter {tag}-{i} was closed.\n")


def make_stories(folder: Path, tag: str, n: int) -> list[str]:
    """n distinct story files, named so that ingest (sorted walk) takes them in order;
    returns their ids in that order."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(n):
        text = story_text(tag, i)
        (folder / f"{tag}-{i:06d}.txt").write_text(text, encoding="utf-8")
        ids.append(content_id(text))
    return ids


def db_ids(db: Path) -> list[str]:
    """The article ids in the file, read with the plain json module (must be valid JSON)."""
    data = json.loads(db.read_bytes().decode("utf-8"))
    assert data[META]["1"]["app"] == "newscli"
    return [doc["id"] for doc in data[ARTICLES].values()]


def assert_old_or_newer(db: Path, old: list[str], new_in_order: list[str]) -> int:
    """The database holds the old set plus a prefix of the new stories (what was committed
    before the process died): never a mix, never a partial write. Returns the prefix length."""
    ids = db_ids(db)
    assert len(ids) == len(set(ids)), "duplicate records"
    got = set(ids)
    assert set(old) <= got, "committed records were lost"
    added = got - set(old)
    k = len(added)
    assert added == set(new_in_order[:k]), "the records added are not what was committed in order"
    return k


def seed(db: Path, tmp_path: Path, n: int = 100) -> list[str]:
    ids = make_stories(tmp_path / "old", "old", n)
    r = subprocess.run(NEWSCLI + ["ingest", str(tmp_path / "old"), "--db", str(db), "-q"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert sorted(db_ids(db)) == sorted(ids)
    return ids


def seed_big(db: Path, n: int) -> list[str]:
    """A large database quickly: n stored records (not parsed stories; only their ids matter)."""
    recs = [{"id": f"0ld{i:09d}", "text": f"old record {i} " + "filler text " * 80,
             "source": {"path": f"old/{i}.txt"}, "quotes": [], "paragraphs": []} for i in range(n)]
    s = Store(db)
    with s.transaction():
        s.upsert(recs)
    return [r["id"] for r in recs]


def wait_for_commit(db: Path, proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Wait until the database file changes (a commit landed); False if proc ended first."""
    def sig():
        st = db.stat()
        return st.st_ino, st.st_mtime_ns, st.st_size

    before = sig()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if sig() != before:
                return True
        except FileNotFoundError:
            pass
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    raise AssertionError("no commit seen")


def children(pid: int) -> list[int]:
    """Process ids whose parent is pid (Linux /proc; [] elsewhere)."""
    out = []
    for d in Path("/proc").glob("[0-9]*"):
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(d.name))
    return out


def left_running(pids: list[int], wait: float = 10) -> list[int]:
    """The pids still alive after up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        alive = [p for p in pids if Path(f"/proc/{p}").exists()
                 and "Z" not in (Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split() or ["Z"])[0]]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def no_temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------ concurrency

@pytest.mark.parametrize("commit_every", [None, 1], ids=["one-commit-each", "commit-per-article"])
def test_four_processes_ingest_into_one_database(tmp_path, commit_every):
    """4 processes x 50 different stories at the same time -> exactly 200 articles, each
    readable. With a commit per article, 200 read-modify-writes race for the lock."""
    db = tmp_path / "shared db.json"
    cmd = NEWSCLI if commit_every is None else newscli_committing_every(commit_every)
    expected = {}
    for w in range(4):
        for i, ident in enumerate(make_stories(tmp_path / f"w{w}", f"w{w}", 50)):
            expected[ident] = f"w{w}-{i}"
    procs = [subprocess.Popen(cmd + ["ingest", str(tmp_path / f"w{w}"), "--db", str(db), "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(4)]
    for p in procs:
        out, errs = p.communicate(timeout=300)
        assert p.returncode == 0, errs
        assert "Traceback" not in errs
    ids = db_ids(db)
    assert len(ids) == 200
    assert set(ids) == set(expected)
    store = Store(db)
    for ident, tag in expected.items():
        rec = store.get(ident)
        assert f"about {tag}," in rec["text"]
    r = subprocess.run(NEWSCLI + ["export", "--format", "jsonl", "--db", str(db)],
                       capture_output=True, timeout=120)
    assert r.returncode == 0
    assert len([json.loads(line) for line in r.stdout.decode("utf-8").splitlines()]) == 200
    assert no_temp_files(tmp_path) == []


# ------------------------------------------------------------------ SIGKILL

def test_sigkill_mid_ingest_leaves_old_or_new_database(tmp_path):
    """A database with known content; a large ingest killed with SIGKILL after its first
    commit: the file is valid JSON and holds the old set plus what was committed."""
    db = tmp_path / "news.json"
    old = seed(db, tmp_path)
    new = make_stories(tmp_path / "big", "big", 2000)
    proc = subprocess.Popen(NEWSCLI + ["ingest", str(tmp_path / "big"), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mid = wait_for_commit(db, proc)  # the first 1000 (COMMIT_EVERY) are being written
    workers = children(proc.pid)  # the parse pool (--jobs defaults to one per core)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    stray = left_running(workers)
    for pid in stray:  # do not leave them behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert stray == [], "pool workers outlived the killed newscli"
    if mid:
        assert proc.returncode == -signal.SIGKILL
    k = assert_old_or_newer(db, old, new)
    assert k in (0, 1000, 2000) if mid else k == 2000  # killed before, after or during the rename
    # the next run cleans up after the killed one and goes on
    more = make_stories(tmp_path / "more", "more", 3)
    r = subprocess.run(NEWSCLI + ["ingest", str(tmp_path / "more"), "--db", str(db), "-q"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert set(db_ids(db)) == set(old) | set(new[:k]) | set(more)
    assert no_temp_files(tmp_path) == []


def test_sigkill_at_random_moments_never_mixes(tmp_path):
    """A big database and a commit every 10 articles, so most of the time goes into writing
    it; killed at scattered moments (most land inside a write or a rename): every time the
    file is valid JSON holding the old set plus a committed prefix. (Writing in place instead
    of temp file + rename fails this test.)"""
    db = tmp_path / "news.json"
    old = seed_big(db, 2000)  # ~2 MB: each commit rewrites it all
    new = make_stories(tmp_path / "big", "big", 1000)
    cmd = newscli_committing_every(10) + ["ingest", str(tmp_path / "big"), "--db", str(db), "-q"]
    rng = random.Random(6)
    committed = 0
    for attempt in range(8):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if wait_for_commit(db, proc):
            time.sleep(rng.uniform(0, 0.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        k = assert_old_or_newer(db, old, new)
        assert k >= committed  # what was committed stays
        committed = k
    r = subprocess.run(NEWSCLI + ["articles", "--json", "--db", str(db)], capture_output=True, timeout=120)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == len(old) + committed


# ------------------------------------------------------------------ SIGINT (Ctrl-C)

@pytest.mark.parametrize("jobs,target", [(1, "group"), (2, "group"), (2, "parent")])
def test_ctrl_c_mid_ingest_stops_cleanly_with_130(tmp_path, jobs, target):
    """SIGINT to the whole process group (as Ctrl-C does), or to newscli alone (kill -INT),
    after the first commit: exit 130, one line on stderr, no traceback, the committed
    records stay, the file is valid, no pool worker is left behind."""
    db = tmp_path / "news.json"
    old = seed(db, tmp_path, 20)
    new = make_stories(tmp_path / "big", "big", 3000)
    proc = subprocess.Popen(NEWSCLI + ["ingest", str(tmp_path / "big"), "--db", str(db), "-q",
                                       "--jobs", str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    mid = wait_for_commit(db, proc)
    workers = children(proc.pid)
    if mid:
        if target == "group":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
    out, errs = proc.communicate(timeout=120)
    assert left_running(workers) == []
    k = assert_old_or_newer(db, old, new)
    if not mid:
        pytest.skip("the ingest finished before the first commit could be seen")
    assert proc.returncode == 130, errs
    assert "Traceback" not in errs, errs
    assert "interrupted" in errs
    assert k >= 1000
    assert no_temp_files(tmp_path) == []


# ------------------------------------------------------------------ exit codes

def test_exit_codes_live_in_one_place_and_match_the_readme():
    from newscli.status import ExitStatus

    assert {s.name: int(s) for s in ExitStatus} == {"OK": 0, "INPUT_FAILED": 1, "USAGE_OR_DB": 2,
                                                    "INTERRUPTED": 130}
    readme = (Path(__file__).resolve().parents[1] / "README.md")
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        section = text[text.index("## Exit codes"):]
        for code in ExitStatus:
            assert f"| {int(code)} |" in section


def test_exit_codes_for_success_failure_usage_and_database(tmp_path):
    from typer.testing import CliRunner

    from newscli.cli import app

    run = CliRunner().invoke
    good = tmp_path / "good.txt"
    good.write_text(story_text("x", 1), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = str(tmp_path / "db.json")
    assert run(app, ["ingest", str(good), "--db", db]).exit_code == 0
    assert run(app, ["ingest", str(good), str(empty), "--db", db]).exit_code == 1
    assert run(app, ["ingest"]).exit_code == 2  # usage: no paths
    assert run(app, ["articles", "--no-such-option"]).exit_code == 2
    assert run(app, ["articles", "--limit", "0"]).exit_code == 2
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert run(app, ["articles", "--db", str(tmp_path / "bad.json")]).exit_code == 2


def test_interrupt_in_process_keeps_what_was_committed(tmp_path, monkeypatch):
    """Ctrl-C during the 4th file with a commit every 2 files: exit 130, the first 2 stay,
    the 3rd (parsed, not yet committed) is not stored, the file is valid."""
    from typer.testing import CliRunner

    import newscli.cli as cli
    import newscli.parser

    ids = make_stories(tmp_path / "in", "k", 6)
    real = newscli.parser.parse
    calls = []

    def parse_then_interrupt(text, path=None):
        calls.append(path)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(text, path=path)

    monkeypatch.setattr(newscli.parser, "parse", parse_then_interrupt)
    monkeypatch.setattr(cli, "COMMIT_EVERY", 2)
    db = tmp_path / "db.json"
    r = CliRunner().invoke(cli.app, ["ingest", str(tmp_path / "in"), "--db", str(db), "-q"])
    assert r.exit_code == 130
    assert r.stderr.strip().splitlines()[-1] == "newscli: interrupted"
    assert sorted(db_ids(db)) == sorted(ids[:2])
    assert no_temp_files(tmp_path) == []


def test_ctrl_c_at_scattered_moments_with_a_pool(tmp_path):
    """Ctrl-C (SIGINT to the process group) at scattered moments while a pool parses:
    every time exit 130 promptly, no traceback from newscli or its workers, no worker left,
    the database valid. (Workers that took SIGINT themselves printed tracebacks and could
    deadlock the pool's shutdown.)"""
    db = tmp_path / "news.json"
    old = seed(db, tmp_path, 5)
    new = make_stories(tmp_path / "big", "big", 1000)
    cmd = newscli_committing_every(50) + ["ingest", str(tmp_path / "big"), "--db", str(db), "-q", "--jobs", "2"]
    rng = random.Random(130)
    for attempt in range(5):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        if not wait_for_commit(db, proc):
            proc.communicate(timeout=60)
            continue
        time.sleep(rng.uniform(0, 0.4))
        workers = children(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, errs = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise AssertionError("newscli hung after Ctrl-C")
        assert "Traceback" not in errs, errs
        # 0: it had just finished; -SIGINT: the signal came during the interpreter's own exit,
        # after Python stops handling it (the shell shows 130 for both 130 and -SIGINT)
        assert proc.returncode in (130, 0, -signal.SIGINT), errs
        assert left_running(workers) == []
        assert_old_or_newer(db, old, new)
