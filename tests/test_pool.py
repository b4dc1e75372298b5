"""The forked ordered map behind `parse` and `ingest` in parallel (Linux)."""
import os
import signal
import sys

import pytest

from newscli.pool import ordered_map

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork pool is Linux's")


def square(x):
    return x * x


def test_results_come_in_input_order_whatever_the_chunking():
    items = list(range(103))
    for processes, chunk in ((2, 1), (2, 7), (3, 4), (1, 200)):
        assert list(ordered_map(square, items, processes, chunk)) == [x * x for x in items]


def test_more_chunks_than_the_task_pipe_holds(monkeypatch):
    import newscli.pool as pool

    monkeypatch.setattr(pool, "QUEUED", 3)  # the parent tops the queue up as results come
    assert list(ordered_map(square, list(range(50)), 2, 1)) == [x * x for x in range(50)]


def kill_self_on_7(x):
    if x == 7 and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return -x


PARENT = os.getpid()


def test_a_killed_worker_leaves_its_chunks_to_the_parent():
    assert list(ordered_map(kill_self_on_7, list(range(40)), 2, 2)) == [-x for x in range(40)]


def test_an_abandoned_map_leaves_no_worker_behind():
    it = ordered_map(square, list(range(1000)), 2, 1)
    assert next(it) == 0
    assert len(children()) == 2
    it.close()
    assert children() == []  # killed and reaped


def children() -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        try:
            with open(f"/proc/{d}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == os.getpid():
                    out.append(int(d))
        except (OSError, ValueError, IndexError):
            continue
    return out


def test_parse_many_gives_the_same_records_in_the_fork_pool_the_spawning_pool_and_alone(monkeypatch):
    """Linux takes the fork pool; other platforms the spawning ProcessPoolExecutor (here
    exercised by pretending to be macOS): the same records, in input order, either way."""
    import types
    from pathlib import Path

    import newscli.cli as cli
    from newscli.export import dumps

    paths = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))
    paths.append(paths[0] + ".missing")
    alone = list(cli._parse_many(paths, 1 << 20, jobs=1, encode=dumps))
    assert list(cli._parse_many(paths, 1 << 20, jobs=2, encode=dumps)) == alone
    monkeypatch.setattr(cli, "sys", types.SimpleNamespace(platform="darwin"))
    assert list(cli._parse_many(paths, 1 << 20, jobs=2, encode=dumps)) == alone
    assert [p for _, rec, p in alone if p] == [f"{paths[-1]}: no such file (it may have been moved or deleted)"]
