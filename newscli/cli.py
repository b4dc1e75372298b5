"""The newscli command line: thin wrappers over parse(), the store and the renderers.

Machine output (--json, jsonl, export) is written plainly to stdout; tables go to stdout
through Rich; human messages (errors, summaries, progress) go to stderr.
"""
from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, List, NoReturn, Optional

import typer

from . import __version__
from .read import DEFAULT_MAX_SIZE, InputError, expand, read_input
from .status import ExitStatus

app = typer.Typer(add_completion=True, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})

DB_HELP = "Database file (default: $NEWSCLI_DB, else newscli.json in the user's app folder)."
DbOption = typer.Option(None, "--db", envvar="NEWSCLI_DB", help=DB_HELP, show_default=False)
JsonOption = typer.Option(False, "--json", help="Print one JSON array of the records, no colour.")
LimitOption = typer.Option(None, "--limit", "-n", min=1, help="Show at most N rows.")
COMMIT_EVERY = 1000  # articles per database write during ingest (also on a 5 s clock)
# Each write re-encodes the whole file, so writes are spaced to cost at most about a tenth of
# the time between them: a growing archive gets fewer writes (linear in total, not quadratic).
WRITE_SHARE = 10  # wait at least this many times the last write's duration before the next


class ParseFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Kind(str, Enum):
    direct = "direct"
    partial = "partial"
    mixed = "mixed"
    indirect = "indirect"


# --------------------------------------------------------------------------- plumbing

def err(msg: str) -> None:
    """One human line on stderr, control characters neutralised (paths can hold anything)."""
    from .render import clean

    sys.stderr.write(f"newscli: {clean(msg)}\n")
    sys.stderr.flush()


# The global options of this run (set by the root callback): one place, like httpie's
# Environment, so helpers do not need the click context (typer may vendor its own click).
OPTIONS: dict = {}


def _debug() -> bool:
    return bool(OPTIONS.get("debug"))


# Set by main(): this process is newscli itself, not a test's CliRunner inside pytest.
_OWN_PROCESS = False


def _exit_now(code: int) -> NoReturn:
    """End a command whose output is all written. In newscli's own process the interpreter's
    teardown is skipped (freeing every module takes ~8 ms with the parser loaded, a fortieth
    of a 200-file parse batch): nothing is left to close or flush but stdout and stderr."""
    if _OWN_PROCESS:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            pass  # (a closed pipe: the usual exit path reports it as before)
        else:
            os._exit(code)
    raise typer.Exit(code)


@contextmanager
def guard() -> Iterator[None]:
    """Map failures to the exit statuses in status.py: one line, no traceback unless --debug."""
    try:
        yield
    except KeyboardInterrupt:
        err("interrupted")
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    except BrokenPipeError:  # `newscli ... | head`: the reader left, nothing more to say
        _silence_stdout()
        raise typer.Exit(ExitStatus.OK) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as e:
        # only a command that opened the store can have raised its error: parse never imports it
        store = sys.modules.get(f"{__package__}.store")
        if store is not None and isinstance(e, store.DatabaseError):
            err(str(e))
            raise typer.Exit(ExitStatus.USAGE_OR_DB) from None
        if _debug():
            raise
        err(f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)")
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _store(db: Optional[Path]):
    from .store import Store

    return Store(db)


def _out_console():
    from .render import console

    return console(no_color=OPTIONS.get("no_color", False))


def info(msg: str) -> None:
    """A human status line on stderr, unless --quiet."""
    if not OPTIONS.get("quiet"):
        err(msg)


def log(msg: str) -> None:
    """A log line on stderr with --verbose."""
    if OPTIONS.get("verbose"):
        err(msg)


TABLE_ROWS = 200  # a table shows this many rows unless --limit says otherwise


def _print_listing(rows: list, as_json: bool, table: str, limit: Optional[int]) -> None:
    """A listing as JSON (every row), or as the named render table: without --limit, the
    first TABLE_ROWS rows and a note of the rest (thousands of rows help nobody on a
    terminal, and drawing them takes seconds)."""
    if as_json:
        _print_json(rows)
        return
    from . import render

    shown = rows if limit else rows[:TABLE_ROWS]
    table = getattr(render, table)(shown)
    if len(rows) > len(shown):
        table.caption = f"… {len(rows) - len(shown)} more: --limit N to see more, --json for all"
    _out_console().print(table)


def _print_json(rows) -> None:
    from .export import write_json

    write_json(rows, sys.stdout)


def _inputs(paths: list[str]) -> list:
    items = list(expand(paths))
    if not items:
        items.append(InputError("(arguments)", "no input files"))
    return items


def _parse_one(item, max_size: int, encode: Callable | None = None):
    """One input -> (record dict, or ``encode(article)`` when given, None) or (None, problem line)."""
    from .parser import parse

    if isinstance(item, InputError):
        return None, str(item)
    try:
        inp = read_input(item, max_size)
        article = parse(inp.text, path=item)
        article.source.encoding = inp.encoding  # parse() sees text; the bytes' encoding is known here
        return (encode(article) if encode else article.to_dict()), None
    except InputError as e:
        return None, str(e)
    except KeyboardInterrupt:
        raise
    except Exception as e:  # a parser bug on one file must not stop the batch
        if _debug():
            raise
        return None, f"{item}: could not be parsed ({type(e).__name__}: {e})"


FILES_PER_WORKER = 50  # below this a second process costs more than it saves


def workers(jobs: int, n_items: int) -> int:
    """--jobs 0 (the default) means: one process per core, when there are files enough."""
    if jobs > 0:
        return jobs
    return max(1, min(os.cpu_count() or 1, n_items // FILES_PER_WORKER))


def _die_with_parent(parent: int) -> None:
    """In each worker of the spawning pool (platforms without a safe fork). Ctrl-C is
    newscli's to handle: a worker interrupted too prints its own traceback and can deadlock
    the pool's shutdown, so workers ignore SIGINT and newscli cancels what is left. A worker
    started after newscli died ends at once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.getppid() != parent:
        os._exit(1)


def _parse_many(items: list, max_size: int, jobs: int = 0, encode: Callable | None = None) -> Iterator[tuple]:
    """Yield (item, record, problem) in input order, in worker processes when it pays.
    ``encode`` (a module-level function, so a worker can run it) turns each Article into
    what the caller writes: in a pool the workers then do that work, in parallel, and send
    back a string, which pickles several times faster than the nested record."""
    n = workers(jobs, len(items))
    if n > 1 and len(items) > 1 and "-" not in items:
        from functools import partial

        one = partial(_parse_one, max_size=max_size, encode=encode)
        # chunks of a few files: both workers finish a batch nearly together
        chunk = max(1, min(CHUNK, len(items) // (8 * n)))
        if hasattr(os, "fork") and sys.platform.startswith("linux"):
            from .pool import ordered_map  # forked workers inherit the compiled rules

            results = ordered_map(one, items, n, chunk)
        else:  # no fork (Windows), or fork is unsafe (macOS): a spawning pool
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(max_workers=n, initializer=_die_with_parent, initargs=(os.getpid(),))
            results = _pool_map(pool, one, items, chunk)
        for item, (rec, problem) in zip(items, results):
            yield item, rec, problem
        return
    for item in items:
        rec, problem = _parse_one(item, max_size, encode)
        yield item, rec, problem


CHUNK = 4  # most files a worker takes at a time (4 to 16: within noise; 4 ends batches evenest)


def _pool_map(pool, func: Callable, items: list, chunk: int) -> Iterator:
    with pool:
        yield from pool.map(func, items, chunksize=chunk)


@contextmanager
def _progress(total: int, label: str):
    """A progress bar on stderr when many files go in and stderr is a terminal."""
    if total < 20 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    from .render import console

    with Progress(console=console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _complete_ids(ctx: typer.Context, incomplete: str) -> list:
    """Shell completion: article ids from the database (with headlines as help)."""
    try:
        from .store import Store

        from .render import short

        # the help text reaches the terminal through the shell: no control sequences, one line
        return [(a["id"], short(a.get("headline") or "", 60)) for a in Store(ctx.params.get("db")).articles()
                if a["id"].startswith(incomplete.lower())][:50]
    except Exception:  # completion must never print a traceback into the shell
        return []


def _complete_speakers(ctx: typer.Context, incomplete: str) -> list:
    """Shell completion: speaker names from the database."""
    try:
        from .query import fold, speaker_rows
        from .store import Store

        needle = fold(incomplete)
        from .render import clean

        # a name with control characters would be typed into the shell line: not offered
        return [s["speaker"] for s in speaker_rows(Store(ctx.params.get("db")).articles())
                if (fold(s["speaker"]).startswith(needle) or needle in fold(s["speaker"]))
                and clean(s["speaker"]) == s["speaker"] and "\n" not in s["speaker"]][:50]
    except Exception:
        return []


# --------------------------------------------------------------------------- commands

@app.command("parse")
def parse_cmd(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files, folders (recursive), globs, or - for stdin."),
    format: ParseFormat = typer.Option(ParseFormat.table, "--format", "-f", help="Output format."),
    explain: bool = typer.Option(False, "--explain", help="Show which rule found each quote."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0,
                             help="Parse in N processes (0: one per core when there are many files)."),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file accepted, in bytes."),
) -> None:
    """Parse stories and print the records, without storing them.

    Example: newscli parse story.txt --format jsonl
    """
    from .export import dumps, utf8

    with guard():
        failed = False
        records = []
        items = _inputs(paths)
        jsonl = format is ParseFormat.jsonl
        out = utf8(sys.stdout) if jsonl else sys.stdout
        for item, rec, problem in _parse_many(items, max_size, jobs, encode=dumps if jsonl else None):
            if problem:
                err(problem)
                failed = True
                continue
            if jsonl:
                out.write(rec + "\n")
            else:
                records.append(rec)
        if format is ParseFormat.json:
            _print_json(records)
        elif format is ParseFormat.table:
            from .render import parse_view

            con = _out_console()
            for rec in records:
                con.print(parse_view(rec, explain=explain))
        sys.stdout.flush()
    _exit_now(ExitStatus.INPUT_FAILED if failed else ExitStatus.OK)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files, folders (recursive), globs, or - for stdin."),
    db: Optional[Path] = DbOption,
    dry_run: bool = typer.Option(False, "--dry-run", help="Parse and report, store nothing."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0,
                             help="Parse in N processes (0: one per core when there are many files)."),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file accepted, in bytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary table, errors only."),
) -> None:
    """Parse stories and store them in the database.

    The same content again adds nothing; a changed file or a newer parser updates its
    record. Writes are batched and atomic: Ctrl-C keeps what was committed.

    Example: newscli ingest samples/ stories/*.txt
    """
    from .render import ingest_table

    rows: list[dict] = []
    failed = False
    with guard():
        store = _store(db)
        store.check()  # an unreadable database fails now, not after parsing everything
        items = _inputs(paths)
        pending: list[tuple[dict, dict]] = []
        last = time.monotonic()
        cost = 0.0  # seconds the last write took

        def due() -> bool:
            waited = time.monotonic() - last
            return (len(pending) >= COMMIT_EVERY and waited >= WRITE_SHARE * cost) \
                or waited > max(5.0, WRITE_SHARE * cost)

        def commit() -> None:
            nonlocal last, cost
            if not pending:
                return
            started = time.monotonic()
            recs = [rec for _, rec in pending]
            if dry_run:
                statuses = store.preview(recs)
            else:
                with store.transaction():
                    statuses = store.upsert(recs)
            for (row, _), status in zip(pending, statuses):
                row["status"] = status
            pending.clear()
            last = time.monotonic()
            cost = last - started

        try:
            with _progress(len(items), "ingesting") as advance:
                for item, rec, problem in _parse_many(items, max_size, jobs):
                    advance()
                    log(f"{getattr(item, 'path', item)}: {problem or 'parsed, %d quote(s)' % len(rec['quotes'])}")
                    if problem:
                        err(problem)
                        failed = True
                        rows.append({"file": str(getattr(item, "path", item)), "status": "error",
                                     "problem": problem.split(": ", 1)[-1]})
                        continue
                    row = {"file": item, "headline": rec.get("headline"), "quotes": len(rec["quotes"]),
                           "status": "pending"}
                    rows.append(row)
                    pending.append((row, rec))
                    if due():
                        commit()
                commit()
        finally:
            if not (quiet or OPTIONS.get("quiet")) and rows:
                _out_console().print(ingest_table(rows))
        counts = {s: sum(r["status"] == s for r in rows) for s in ("added", "updated", "unchanged", "error")}
        verb = "would store" if dry_run else "stored"
        info(f"{verb} {len(rows) - counts['error']} of {len(rows)} file(s) in {store.path}: "
            + ", ".join(f"{n} {s}" for s, n in counts.items() if n))
    raise typer.Exit(ExitStatus.INPUT_FAILED if failed else ExitStatus.OK)


@app.command()
def articles(
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Only articles whose headline, byline or text contain this."),
    limit: Optional[int] = LimitOption,
    as_json: bool = JsonOption,
    db: Optional[Path] = DbOption,
) -> None:
    """List stored articles, newest first: id, date, headline, byline, quotes.

    Example: newscli articles --search ceasefire --limit 20
    """
    from .query import article_rows

    with guard():
        rows = article_rows(_store(db).articles(), search, limit)
        _print_listing(rows, as_json, "articles_table", limit)


@app.command()
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="Article id (a unique prefix is enough).",
                                     autocompletion=_complete_ids),
    as_json: bool = JsonOption,
    pager: bool = typer.Option(True, "--pager/--no-pager", help="Page long articles on a terminal."),
    db: Optional[Path] = DbOption,
) -> None:
    """Show one article: its metadata, then the body with every quote highlighted.

    Example: newscli show 84f53c6c
    """
    with guard():
        try:
            rec = _store(db).get(article_id)
        except LookupError as e:
            err(str(e.args[0]))
            raise typer.Exit(ExitStatus.INPUT_FAILED) from None
        if as_json:
            _print_json([rec])
            return
        from .render import article_view

        con = _out_console()
        view = article_view(rec)
        if pager and con.is_terminal and len(rec.get("text") or "") > 2000:
            with con.pager(styles=not OPTIONS.get("no_color")):
                con.print(view)
        else:
            con.print(view)


@app.command()
def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-p", help="Part of the speaker's name (case and accents ignored).",
                                          autocompletion=_complete_speakers),
    article: Optional[str] = typer.Option(None, "--article", "-a", help="Only quotes from this article id (prefix).",
                                          autocompletion=_complete_ids),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Only quotes containing this text."),
    kind: Optional[Kind] = typer.Option(None, "--kind", "-k", help="Only quotes of this kind."),
    limit: Optional[int] = LimitOption,
    as_json: bool = JsonOption,
    db: Optional[Path] = DbOption,
) -> None:
    """List quotes with speaker, title, cue verb and article.

    Example: newscli quotes --speaker kirby --kind direct
    """
    from .query import quote_rows

    with guard():
        rows = quote_rows(_store(db).articles(), speaker, article, search,
                          kind.value if kind else None, limit)
        _print_listing(rows, as_json, "quotes_table", limit)


@app.command()
def speakers(
    limit: Optional[int] = LimitOption,
    as_json: bool = JsonOption,
    db: Optional[Path] = DbOption,
) -> None:
    """List speakers with their number of quotes and articles (name variants merged).

    Example: newscli speakers --limit 10
    """
    from .query import speaker_rows

    with guard():
        rows = speaker_rows(_store(db).articles(), limit)
        _print_listing(rows, as_json, "speakers_table", limit)


@app.command()
def stats(
    top: int = typer.Option(10, "--top", min=1, help="How many top speakers to chart."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as one JSON object."),
    db: Optional[Path] = DbOption,
) -> None:
    """The database at a glance: counts, date range, outlets, and charts of top speakers,
    quotes per month, anonymous sources and quotes per outlet.

    Example: newscli stats --top 5
    """
    from . import stats as st

    with guard():
        numbers = st.compute(_store(db).articles(), top)
        if as_json:
            from .export import dumps, utf8

            utf8(sys.stdout).write(dumps(numbers) + "\n")
            return
        _out_console().print(st.render(numbers))


@app.command()
def export(
    format: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json and jsonl keep every field; csv has one row per quote."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (default: stdout)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export every stored record.

    Example: newscli export --format json -o records.json
    """
    from .export import WRITERS

    with guard():
        records = _store(db).articles()
        write = WRITERS[format.value]
        if output is None:
            write(records, sys.stdout)
            sys.stdout.flush()
        else:
            from .store import atomic_write
            import io

            buf = io.StringIO()
            write(records, buf)
            try:
                atomic_write(output, buf.getvalue().encode("utf-8"))
            except OSError as e:
                err(f"{output}: cannot write ({e.strerror or e})")
                raise typer.Exit(ExitStatus.USAGE_OR_DB) from None
            info(f"exported {len(records)} record(s) to {output}")


@app.command("import")
def import_cmd(
    file: str = typer.Argument(..., metavar="FILE", help="A JSON or JSON Lines file written by `newscli export` (- for stdin)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Import records exported by `newscli export` (JSON or JSON Lines).

    Example: newscli import records.json --db other.json
    """
    from .export import RecordError, read_records
    from .read import read_bytes

    failed = False
    with guard():
        try:
            text = read_bytes(file, max_size=1 << 40).decode("utf-8-sig")
        except InputError as e:
            err(str(e))
            raise typer.Exit(ExitStatus.INPUT_FAILED) from None
        except UnicodeDecodeError as e:
            err(f"{file}: invalid UTF-8 at offset {e.start}")
            raise typer.Exit(ExitStatus.INPUT_FAILED) from None
        good = []
        for where, rec in read_records(text):
            if isinstance(rec, RecordError):
                err(f"{file}: {where}: {rec}")
                failed = True
            else:
                good.append(rec)
        store = _store(db)
        statuses = []
        if good:
            with store.transaction():
                statuses = store.upsert(good)
        counts = {s: statuses.count(s) for s in ("added", "updated", "unchanged")}
        info(f"imported {len(good)} record(s) into {store.path}: "
            + ", ".join(f"{n} {s}" for s, n in counts.items() if n))
    raise typer.Exit(ExitStatus.INPUT_FAILED if failed else ExitStatus.OK)


@app.command()
def delete(
    article_id: str = typer.Argument(..., metavar="ID", help="Article id (a unique prefix is enough).",
                                     autocompletion=_complete_ids),
    db: Optional[Path] = DbOption,
) -> None:
    """Delete one article and its quotes from the database.

    Example: newscli delete 84f53c6c
    """
    with guard():
        store = _store(db)
        with store.transaction():
            try:
                rec = store.delete(article_id)
            except LookupError as e:
                err(str(e.args[0]))
                raise typer.Exit(ExitStatus.INPUT_FAILED) from None
        info(f"deleted {rec['id']} ({rec.get('headline') or 'no headline'})")


# --------------------------------------------------------------------------- root

def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"newscli {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks on errors."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also when NO_COLOR is set)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Errors only on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each file on stderr."),
) -> None:
    """Turn raw news copy into data: who said what, where and when.

    Example: newscli ingest samples/ && newscli quotes --speaker kirby
    """
    OPTIONS.clear()
    OPTIONS.update(debug=debug, no_color=no_color or bool(os.environ.get("NO_COLOR")),
                   quiet=quiet, verbose=verbose)


def main() -> None:
    global _OWN_PROCESS
    _OWN_PROCESS = True
    try:
        app(prog_name="newscli")
    except KeyboardInterrupt:  # outside a command's guard(): while typer builds the command
        sys.stderr.write("newscli: interrupted\n")
        sys.exit(ExitStatus.INTERRUPTED)
