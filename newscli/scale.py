"""Parse a corpus on Dask: ``newscli.parse`` mapped over a bag of stories.

``parse(text, path)`` is pure, so parsing past one machine needs no code of ours beyond
reading the inputs and writing the records: an existing engine (here a Dask bag, on a
laptop's processes or on a cluster) runs it. The output is JSON Lines, one record a line,
exactly as ``newscli parse --format jsonl`` prints them, so ``newscli import`` and any
other JSON Lines tool reads it. See docs/scale.md.

Library use::

    from dask.distributed import Client
    from newscli.scale import parse_bag, write_jsonl

    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    bag = parse_bag(["stories/"])                     # folders, files, globs
    bag = parse_bag("raw.jsonl", text_field="text")   # or a JSON Lines file of raw stories
    write_jsonl(bag, "records.jsonl")                 # one file, in input order
    write_jsonl(bag, "records/")                      # or one file per partition

Command line::

    python -m newscli.scale stories/ -o records.jsonl [--scheduler tcp://host:8786 | --workers 2]

Dask is imported only here (``pip install 'newscli[dask]'``); nothing else in newscli needs it.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Iterable, Iterator, Sequence

from .read import DEFAULT_MAX_SIZE, InputError, expand, read_input

try:
    import dask.bag as db
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("newscli.scale needs Dask: pip install 'newscli[dask]'") from e

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_FIELDS = ("text", "raw")  # where a JSON Lines input keeps the story, first found wins
PATH_FIELDS = ("path", "id")  # what becomes source.path for a JSON Lines input
FILES_PER_PARTITION = 256  # a partition is a task: big enough to amortise scheduling
JSONL_BLOCKSIZE = "2MiB"  # a JSON Lines input is split into blocks of about this size (a few seconds of parsing each)


# ----------------------------------------------------------------------------- pure pieces
# These run on the workers: plain functions of their arguments, picklable, no global state.

def parse_file(path: str, max_size: int = DEFAULT_MAX_SIZE) -> dict:
    """Read and parse one story file, as ``newscli parse`` does: the record, or
    ``{"error": "path: problem", "source": {"path": path}}`` for a file that cannot be used."""
    from .parser import parse

    try:
        inp = read_input(path, max_size)
        return parse(inp.text, path=path).to_dict()
    except InputError as e:
        return _error(path, str(e))
    except Exception as e:  # a parser bug on one story must not stop the batch
        return _error(path, f"{path}: could not be parsed ({type(e).__name__}: {e})")


def parse_line(line: str, text_field: str | None = None, path_field: str | None = None,
               where: str = "") -> dict:
    """Parse one JSON Lines record holding a raw story (in ``text_field``, else "text" or
    "raw"); its ``path_field`` (else "path" or "id") becomes ``source.path``."""
    from .parser import parse

    try:
        obj = json.loads(line)
    except ValueError as e:
        return _error(where, f"{where}: not JSON ({e})")
    if not isinstance(obj, dict):
        return _error(where, f"{where}: not a JSON object")
    path = _first(obj, (path_field,) if path_field else PATH_FIELDS)
    path = str(path) if path is not None else None
    text = _first(obj, (text_field,) if text_field else TEXT_FIELDS)
    label = path or where
    if not isinstance(text, str) or not text.strip():
        return _error(label, f"{label}: no story text (field {text_field or ' or '.join(TEXT_FIELDS)})")
    try:
        return parse(text, path=path).to_dict()
    except Exception as e:
        return _error(label, f"{label}: could not be parsed ({type(e).__name__}: {e})")


def _first(obj: dict, names: Iterable[str]):
    for n in names:
        if obj.get(n) is not None:
            return obj[n]
    return None


def _error(path, problem: str) -> dict:
    return {"error": problem, "source": {"path": path}}


def is_error(rec: dict) -> bool:
    return "error" in rec and "id" not in rec


def dumps(rec: dict) -> str:
    """One record as the line ``newscli parse --format jsonl`` prints for it."""
    from .export import dumps as _dumps

    return _dumps(rec)


# ----------------------------------------------------------------------------- bags

def story_paths(sources: Sequence[str]) -> list[str]:
    """Folders (recursive), files and globs -> story files, in the order `newscli parse` uses."""
    paths = []
    for item in expand(list(sources)):
        if isinstance(item, InputError):
            raise FileNotFoundError(str(item))
        paths.append(item)
    return paths


def _is_jsonl(source: str) -> bool:
    return source.lower().endswith(JSONL_SUFFIXES) and not os.path.isdir(source)


def parse_bag(sources: str | Sequence[str], *, text_field: str | None = None,
              path_field: str | None = None, max_size: int = DEFAULT_MAX_SIZE,
              files_per_partition: int = FILES_PER_PARTITION,
              blocksize: str | int | None = JSONL_BLOCKSIZE) -> "db.Bag":
    """A Dask bag of parse records, in input order, from story files or JSON Lines files.

    ``sources``: folders, files or globs of stories (read on the workers, so they must see
    the same paths: a shared or object-store file system), or ``.jsonl`` files with one raw
    story a line. Inputs that cannot be used come out as ``{"error": ...}`` items: see
    ``records`` and ``errors``. Nothing runs until the bag is computed or written."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [os.fspath(sources)]
    sources = [os.fspath(s) for s in sources]
    jsonl = [s for s in sources if _is_jsonl(s)]
    files = [s for s in sources if not _is_jsonl(s)]
    if jsonl and files:
        raise ValueError("give either story files/folders or JSON Lines files, not both")
    if jsonl:
        compressed = any(s.lower().endswith(".gz") for s in jsonl)
        lines = db.read_text(jsonl, blocksize=None if compressed else blocksize, include_path=True)
        return lines.filter(lambda lp: lp[0].strip() != "").map(
            lambda lp: parse_line(lp[0], text_field=text_field, path_field=path_field, where=lp[1]))
    paths = story_paths(files)
    if not paths:
        return db.from_sequence([], npartitions=1)
    nparts = max(1, -(-len(paths) // max(1, files_per_partition)))
    return db.from_sequence(paths, npartitions=nparts).map(parse_file, max_size=max_size)


def records(bag: "db.Bag") -> "db.Bag":
    return bag.filter(lambda r: not is_error(r))


def errors(bag: "db.Bag") -> "db.Bag":
    return bag.filter(is_error)


# ----------------------------------------------------------------------------- output

def _lines(part: list[dict]) -> tuple[list[str], list[str]]:
    """One partition -> (JSON lines of its records, its error messages), order kept."""
    out, bad = [], []
    for rec in part:
        if is_error(rec):
            bad.append(rec["error"])
        else:
            out.append(dumps(rec) + "\n")
    return out, bad


def write_jsonl(bag: "db.Bag", out: str, *, on_error=None) -> tuple[int, int]:
    """Write the bag's records as JSON Lines; return (records written, inputs failed).

    ``out`` ending in a path separator or naming an existing folder gets one file per
    partition (``part-00000.jsonl``, ... in input order: ``cat`` them for one stream);
    otherwise one file, written partition by partition in input order while the cluster
    works on the next ones, so neither side holds the whole corpus. ``on_error(message)``
    is called for each input that failed (default: a line on stderr)."""
    on_error = on_error or (lambda msg: sys.stderr.write(f"newscli: {msg}\n"))
    to_folder = out.endswith(("/", os.sep)) or os.path.isdir(out)
    os.makedirs(out if to_folder else os.path.dirname(os.path.abspath(out)), exist_ok=True)
    n_ok = n_bad = 0
    f = None if to_folder else open(out + ".part", "w", encoding="utf-8", newline="\n")
    try:
        for i, (lines, bad) in enumerate(_partitions_in_order(bag.map_partitions(_lines_partition))):
            for msg in bad:
                on_error(msg)
            n_bad += len(bad)
            n_ok += len(lines)
            if f is None:
                with open(os.path.join(out, f"part-{i:05d}.jsonl"), "w", encoding="utf-8", newline="\n") as pf:
                    pf.writelines(lines)
            else:
                f.writelines(lines)
        if f is not None:
            f.close()
            os.replace(out + ".part", out)
    except BaseException:
        if f is not None:
            f.close()
            try:
                os.unlink(out + ".part")
            except OSError:
                pass
        raise
    return n_ok, n_bad


def _lines_partition(part) -> list:
    return [_lines(list(part))]


def _partitions_in_order(bag: "db.Bag") -> Iterator:
    """Each partition's single item, in order, computed in parallel but never all held at once:
    on a distributed client every partition is submitted and each result is released once read;
    on the local schedulers partitions are computed a few at a time."""
    import dask

    parts = bag.to_delayed()
    client = _client()
    if client is not None:
        futures = client.compute(parts)
        for i in range(len(futures)):
            fut, futures[i] = futures[i], None
            yield fut.result()[0]
        return
    step = max(1, os.cpu_count() or 1) * 2
    for i in range(0, len(parts), step):
        for result in dask.compute(*parts[i:i + step]):
            yield result[0]


def _client():
    try:
        from distributed import default_client
    except ImportError:
        return None
    try:
        return default_client()
    except ValueError:
        return None


def iter_records(bag: "db.Bag") -> Iterator[dict]:
    """The bag's records (errors left out) in input order, a few partitions in memory at a time."""
    for part in _partitions_in_order(bag.map_partitions(lambda p: [list(p)])):
        for rec in part:
            if not is_error(rec):
                yield rec


# ----------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(
        prog="python -m newscli.scale",
        description="Parse stories on Dask and write JSON Lines records, the same as "
                    "`newscli parse --format jsonl` prints (read them with `newscli import`).")
    ap.add_argument("sources", nargs="+", help="Story folders/files/globs, or .jsonl files with one raw story a line.")
    ap.add_argument("-o", "--output", required=True,
                    help="A .jsonl file (one stream, input order), or a folder ending in / (one file per partition).")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
    where.add_argument("--workers", type=int, default=None,
                       help="Start a local cluster of N worker processes (default: all cores).")
    ap.add_argument("--text-field", help="JSON Lines input: field holding the story (default: text, else raw).")
    ap.add_argument("--path-field", help="JSON Lines input: field used as source.path (default: path, else id).")
    ap.add_argument("--files-per-partition", type=int, default=FILES_PER_PARTITION)
    ap.add_argument("--blocksize", default=JSONL_BLOCKSIZE, help="JSON Lines input: bytes per partition.")
    ap.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, help="Largest story file accepted, in bytes.")
    args = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        bag = parse_bag(args.sources, text_field=args.text_field, path_field=args.path_field,
                        max_size=args.max_size, files_per_partition=args.files_per_partition,
                        blocksize=args.blocksize)
        n_ok, n_bad = write_jsonl(bag, args.output)
    except (FileNotFoundError, ValueError) as e:
        sys.stderr.write(f"newscli: {e}\n")
        return 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stderr.write(f"newscli: wrote {n_ok} record(s) to {args.output}"
                     + (f"; {n_bad} input(s) failed" if n_bad else "") + "\n")
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
