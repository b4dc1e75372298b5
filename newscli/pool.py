"""An ordered map over forked worker processes: the parse pool of `parse` and `ingest`.

Why not concurrent.futures: a batch of a few hundred stories lasts a third of a second, and
its pool cost a good part of that (importing multiprocessing and concurrent.futures in the
parent, two threads in it to feed and collect, a pickled call per chunk). Here the parent
forks, hands out chunk numbers through one pipe that all workers read, and reads each
worker's pickled results from that worker's own pipe, in input order.

Workers end with newscli: they hold no write end of the task pipe, so they see its end
(EOF) once newscli closes it or dies, and a write to a dead newscli fails (EPIPE).
"""
from __future__ import annotations

import os
import pickle
import select
import signal
from typing import Callable, Iterator, Sequence

_TASK = 4  # bytes per chunk number in the task pipe
# Chunk numbers waiting in the task pipe: 1024 x 4 bytes fit any pipe (one page), so the
# parent never blocks writing them; each result received lets one more in.
QUEUED = 1024
RESULT_PIPE_SIZE = 1 << 20  # a worker can run ahead of a busy parent by this much output


def ordered_map(func: Callable, items: Sequence, processes: int, chunk: int) -> Iterator:
    """Yield func(item) for each item, in order, computed by `processes` forked workers
    taking `chunk` items at a time. A worker that dies (killed, out of memory) leaves its
    chunks to this process, which computes them itself."""
    n_chunks = -(-len(items) // chunk)
    task_r, task_w = os.pipe()
    sent = min(n_chunks, QUEUED)
    os.write(task_w, b"".join(k.to_bytes(_TASK, "big") for k in range(sent)))
    if sent == n_chunks:
        os.close(task_w)
        task_w = -1
    workers: dict[int, int] = {}  # result pipe (read end) -> pid
    try:
        for _ in range(processes):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                os.close(r)
                for fd in [task_w, *workers]:  # the parent's ends: EOF must reach every worker
                    if fd >= 0:
                        os.close(fd)
                _work(func, items, chunk, task_r, w)
            os.close(w)
            workers[r] = pid
            _grow(r)
        os.close(task_r)
        task_r = -1
        done: dict[int, list] = {}
        for k in range(n_chunks):
            while k not in done:
                if not workers:  # every worker is gone: what is missing is done here
                    done[k] = [func(x) for x in items[k * chunk:(k + 1) * chunk]]
                    break
                for fd in select.select(list(workers), [], [])[0]:
                    got = _receive(fd)
                    if got is None:
                        os.close(fd)
                        os.waitpid(workers.pop(fd), 0)
                        continue
                    done[got[0]] = got[1]
                    if sent < n_chunks:
                        os.write(task_w, sent.to_bytes(_TASK, "big"))
                        sent += 1
                        if sent == n_chunks:
                            os.close(task_w)
                            task_w = -1
            yield from done.pop(k)
        for fd, pid in list(workers.items()):  # they have seen the end of the tasks
            os.close(fd)
            os.waitpid(pid, 0)
            del workers[fd]
    finally:  # an error, Ctrl-C or a consumer that stopped early: no worker is left behind
        for fd in (task_r, task_w):
            if fd >= 0:
                os.close(fd)
        for fd, pid in workers.items():
            os.close(fd)
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def _work(func: Callable, items: Sequence, chunk: int, tasks: int, out: int) -> None:
    """A worker's life: take chunk numbers until the task pipe ends, send back
    (number, results) for each, then exit without running the parent's clean-up."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        while True:
            b = os.read(tasks, _TASK)
            if len(b) < _TASK:  # EOF: no more work, or the parent is gone
                break
            k = int.from_bytes(b, "big")
            data = pickle.dumps((k, [func(x) for x in items[k * chunk:(k + 1) * chunk]]),
                                pickle.HIGHEST_PROTOCOL)
            _write_all(out, len(data).to_bytes(8, "big") + data)
    except BaseException:  # the parent redoes what is missing (and shows any error itself)
        status = 1
    finally:
        os._exit(status)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, n: int) -> bytes | None:
    parts = []
    while n:
        b = os.read(fd, n)
        if not b:
            return None
        parts.append(b)
        n -= len(b)
    return b"".join(parts)


def _receive(fd: int) -> tuple[int, list] | None:
    """One (chunk number, results) message, or None at the end of the worker's pipe."""
    head = _read_exact(fd, 8)
    body = head and _read_exact(fd, int.from_bytes(head, "big"))
    return None if body is None else pickle.loads(body)


def _grow(fd: int) -> None:
    """A bigger result pipe (Linux), so a worker does not wait while the parent writes."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, RESULT_PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass
