"""newscli.parse on an existing distributed engine: a Dask bag on a LocalCluster (2 workers)
gives the same records as `newscli parse --format jsonl` (docs/scale.md)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from typer.testing import CliRunner  # noqa: E402

from newscli.cli import app  # noqa: E402
from newscli.read import STORY_SUFFIXES  # noqa: E402

from conftest import SAMPLES, STORY, write_story  # noqa: E402

PAGE = """<!doctype html><html><head><title>Dock strike spreads | Example News</title>
<meta property="og:title" content="Dock strike spreads to Antwerp">
<meta name="author" content="Jane Doe"></head><body><article>
<h1>Dock strike spreads to Antwerp</h1><p>By Jane Doe</p>
<p>ANTWERP (AP) — Dockworkers in Antwerp joined the strike on Tuesday.</p>
<p>“We stand with Rotterdam,” said Piet Janssens, a union organiser.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as lc, Client(lc) as client:
        yield client


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The samples (whatever is there) plus stories of each kind, one bad file among them."""
    folder = tmp_path / "stories"
    folder.mkdir()
    for f in sorted(SAMPLES.glob("**/*")) if SAMPLES.is_dir() else []:
        if f.is_file() and f.name.lower().endswith(STORY_SUFFIXES):
            target = folder / "samples" / f.relative_to(SAMPLES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    (folder / "port strike.txt").write_text(STORY, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # an error, not a record
    for i in range(12):
        write_story(folder, f"story{i:02d}.txt", f"Headline number {i}", said=f"Point {i} stands")
    return folder


def cli_jsonl(*paths) -> tuple[list[str], str]:
    r = CliRunner().invoke(app, ["parse", *map(str, paths), "--format", "jsonl"])
    return r.stdout.splitlines(), r.stderr


def test_folder_on_local_cluster_equals_newscli_parse(cluster, corpus, tmp_path):
    from newscli.scale import parse_bag, write_jsonl

    expected, cli_err = cli_jsonl(corpus)
    assert len(expected) >= 14 and "empty.txt" in cli_err

    bag = parse_bag([str(corpus)], files_per_partition=3)  # several partitions over 2 workers
    assert bag.npartitions >= 4
    problems: list[str] = []
    out = tmp_path / "records.jsonl"
    n_ok, n_bad = write_jsonl(bag, str(out), on_error=problems.append)
    assert (n_ok, n_bad) == (len(expected), 1)
    assert problems and "empty.txt" in problems[0]
    assert out.read_text(encoding="utf-8").splitlines() == expected  # byte for byte, in order

    # one file per partition: concatenated in name order they are the same stream
    parts = tmp_path / "parts"
    write_jsonl(bag, str(parts) + "/", on_error=lambda m: None)
    lines = [ln for p in sorted(parts.glob("part-*.jsonl")) for ln in p.read_text("utf-8").splitlines()]
    assert lines == expected


def test_jsonl_input_on_local_cluster(cluster, corpus, tmp_path):
    """A JSON Lines file of raw stories: each becomes the record `newscli parse` gives the file
    it came from (source.path taken from the record's "path")."""
    from newscli.scale import iter_records, parse_bag

    stories = sorted(p for p in corpus.rglob("*") if p.is_file() and p.stat().st_size)
    raw = tmp_path / "raw.jsonl"
    with raw.open("w", encoding="utf-8") as f:
        for p in stories:
            f.write(json.dumps({"path": str(p), "text": p.read_text(encoding="utf-8")}) + "\n")
        f.write(json.dumps({"path": "nothing", "text": "  "}) + "\n")
    expected = [json.loads(ln) for ln in cli_jsonl(*stories)[0]]

    bag = parse_bag(str(raw), blocksize=2048)  # a few blocks of lines
    assert bag.npartitions > 1
    got = list(iter_records(bag))
    assert got == expected
    errors = [r for r in bag.compute() if "error" in r]
    assert len(errors) == 1 and "nothing" in errors[0]["error"]


def test_output_imports_into_the_database(cluster, corpus, tmp_path):
    from newscli.scale import parse_bag, write_jsonl

    out = tmp_path / "records.jsonl"
    n_ok, _ = write_jsonl(parse_bag(str(corpus)), str(out), on_error=lambda m: None)
    db = tmp_path / "news.json"
    r = CliRunner().invoke(app, ["import", str(out), "--db", str(db)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["articles", "--json", "--db", str(db)])
    assert len(json.loads(r.stdout)) == n_ok


def test_command_line(corpus, tmp_path):
    """python -m newscli.scale starts its own local cluster (2 workers) and writes the file."""
    out = tmp_path / "cmd.jsonl"
    p = subprocess.run([sys.executable, "-m", "newscli.scale", str(corpus), "-o", str(out),
                        "--workers", "2", "--files-per-partition", "4"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 1, p.stderr  # empty.txt failed, the rest was written
    assert "empty.txt" in p.stderr and "wrote" in p.stderr
    assert out.read_text(encoding="utf-8").splitlines() == cli_jsonl(corpus)[0]


def test_newscli_does_not_import_dask():
    code = ("import sys, newscli, newscli.cli, newscli.parser; "
            "print(any(m == 'dask' or m.startswith('dask.') for m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.stdout.strip() == "False", p.stderr
