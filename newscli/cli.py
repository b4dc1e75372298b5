"""The newscli command line: thin wrappers over parse(), the store and the renderers."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import List, Optional

import typer

from . import __version__
from .read import DEFAULT_MAX_SIZE, InputError, expand, read_input

app = typer.Typer(add_completion=True, no_args_is_help=True, rich_markup_mode=None,
                  help="Turn raw news copy into data: who said what, where and when.")


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def err(msg: str) -> None:
    sys.stderr.write(f"newscli: {msg}\n")


@app.command("parse")
def parse_cmd(
    paths: List[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file accepted, in bytes."),
) -> None:
    """Parse stories without storing them.

    Example: newscli parse story.txt --format jsonl
    """
    from .parser import parse

    failed = False
    out = sys.stdout
    records = []
    for item in expand(paths):
        try:
            if isinstance(item, InputError):
                raise item
            inp = read_input(item, max_size)
            art = parse(inp.text, path=item)
        except InputError as e:
            err(str(e))
            failed = True
            continue
        rec = art.to_dict()
        if format is Format.jsonl:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            records.append(rec)
    if format is Format.json:
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(1 if failed else 0)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"newscli {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn raw news copy into data: who said what, where and when."""


def main() -> None:
    app()
