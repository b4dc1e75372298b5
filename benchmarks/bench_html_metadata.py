"""Page metadata: newscli against trafilatura's ``extract_metadata``, same pages, one run.

    python benchmarks/bench_html_metadata.py [--venv DIR] [--eval-dir ../shared/eval] [--limit N]

Creates (once) a virtual environment with trafilatura==2.3.1 (default under /tmp), runs its
``extract_metadata`` and ``newscli parse --format jsonl`` over the same saved pages (the gold
corpora ``structure_html`` and ``structure_trafilatura``), writes each system's predictions as
JSON Lines (one record per page, keyed by the gold ``id``), scores both with the project's
``score.py structure --pred`` and prints one table per corpus. Both systems get the page's
HTML only (no URL). docs/s is each system's whole run over the corpus, process start-up
included, like score.py's; trafilatura runs in one process, newscli in batches of 200 files
per process, as score.py runs it.

Measured on the development machine (2026-11-27 06:02 UTC, a shared 2-core box under load, load
average about 4: docs/s moved by up to 2x between runs, the accuracies not at all; bs4 is parsed
with the stdlib html.parser), `python benchmarks/bench_html_metadata.py`:

    structure_html (24 pages)
    | system | headline | authors | organization | published.date | docs/s |
    |---|---|---|---|---|---|
    | trafilatura 2.3.1 | 0.88 | 0.65 | 0.85 | 1.00 | 54.7 |
    | newscli | 0.96 | 0.90 | 1.00 | 1.00 | 17.7 |
    (newscli docs/s is the whole `parse` run: page metadata, body, quotes and speakers; its page step alone, newscli.html.extract in one process: 18.4 docs/s)

    structure_trafilatura (74 pages)
    | system | headline | authors | organization | published.date | docs/s |
    |---|---|---|---|---|---|
    | trafilatura 2.3.1 | 0.62 | 0.64 | 1.00 | 0.78 | 49.6 |
    | newscli | 0.89 | 0.84 | 1.00 | 0.89 | 14.7 |
    (newscli docs/s is the whole `parse` run: page metadata, body, quotes and speakers; its page step alone, newscli.html.extract in one process: 27.3 docs/s)

    reproduce: python benchmarks/bench_html_metadata.py
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRAFILATURA = "trafilatura==2.3.1"
# trafilatura 2.3.1 imports justext, which needs lxml.html.clean (a separate package since lxml 5.2)
EXTRA = ["lxml_html_clean"]
CORPORA = ("structure_html", "structure_trafilatura")
FIELDS = ("headline", "authors", "organization", "published.date")
BATCH = 200
REPO = Path(__file__).resolve().parent.parent

# Runs inside the trafilatura venv: argv[1] = a JSON list of [id, path]; prints JSON Lines.
WORKER = r'''
import json, sys
from trafilatura.metadata import extract_metadata
for doc_id, path in json.load(open(sys.argv[1])):
    with open(path, encoding="utf-8") as f:
        html = f.read()
    try:
        m = extract_metadata(html)
    except Exception as e:  # a page it cannot handle counts as an empty record
        m = None
    d = m.as_dict() if m is not None else {}
    authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
    print(json.dumps({"id": doc_id, "source": {"path": path}, "headline": d.get("title"),
                      "byline": {"authors": authors, "organization": d.get("sitename")},
                      "published": d.get("date")}, ensure_ascii=False))
'''


def ensure_venv(venv: Path) -> Path:
    py = venv / "bin" / "python"
    ok = py.exists() and subprocess.run(
        [str(py), "-c", "import trafilatura, sys; sys.exit(trafilatura.__version__ != '2.3.1')"],
        capture_output=True).returncode == 0
    if not ok:
        print(f"creating {venv} with {TRAFILATURA} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", TRAFILATURA, *EXTRA], check=True)
    return py


def load(path: Path, limit: int) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return docs[:limit] if limit else docs


def write_pages(docs: list[dict], tmp: Path) -> list[tuple[str, str]]:
    out = []
    for i, d in enumerate(docs):
        p = tmp / f"{i:06d}.html"
        p.write_text(d["raw"], encoding="utf-8", newline="")
        out.append((d["id"], str(p)))
    return out


def run_newscli(pages, pred: Path) -> float:
    by_path = {}
    t0 = time.perf_counter()
    for k in range(0, len(pages), BATCH):
        chunk = [p for _, p in pages[k:k + BATCH]]
        r = subprocess.run([sys.executable, "-m", "newscli", "parse", "--format", "jsonl", *chunk],
                           capture_output=True, text=True, encoding="utf-8", cwd=REPO)
        for line in r.stdout.splitlines():
            if line.strip():
                rec = json.loads(line)
                by_path[os.path.realpath(rec["source"]["path"])] = rec
    secs = time.perf_counter() - t0
    with open(pred, "w", encoding="utf-8") as f:
        for doc_id, p in pages:
            rec = by_path.get(os.path.realpath(p), {"source": {"path": p}})
            rec["id"] = doc_id  # score.py --pred matches records to gold documents by id
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return secs


def run_trafilatura(py: Path, pages, pred: Path, tmp: Path) -> float:
    listing = tmp / "pages.json"
    listing.write_text(json.dumps(pages), encoding="utf-8")
    worker = tmp / "worker.py"
    worker.write_text(WORKER, encoding="utf-8")
    t0 = time.perf_counter()
    r = subprocess.run([str(py), str(worker), str(listing)], capture_output=True, text=True, encoding="utf-8")
    secs = time.perf_counter() - t0
    if r.returncode:
        sys.exit(f"trafilatura worker failed: {r.stderr[-500:]}")
    pred.write_text(r.stdout, encoding="utf-8")
    return secs


def score(eval_dir: Path, gold: Path, pred: Path) -> dict:
    r = subprocess.run([sys.executable, str(eval_dir / "score.py"), "structure", str(gold), "--pred", str(pred),
                        "--json"], capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(r.stdout)


def extract_only(pages) -> float:
    """newscli's page step alone (newscli.html.extract: metadata and body), in this process."""
    sys.path.insert(0, str(REPO))
    from newscli import html as H

    texts = [Path(p).read_text(encoding="utf-8") for _, p in pages]
    t0 = time.perf_counter()
    for t in texts:
        H.extract(t)
    return time.perf_counter() - t0


def table(name: str, n: int, rows: list[tuple[str, dict, float]]) -> str:
    head = f"{name} ({n} pages)"
    cols = ["system", *FIELDS, "docs/s"]
    lines = [head, "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for system, rep, secs in rows:
        acc = rep["accuracy"]
        cells = [system] + [f"{acc[f]:.2f}" if f in acc else "-" for f in FIELDS] + [f"{n / secs:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--venv", default=os.path.join(tempfile.gettempdir(), "newscli-bench-trafilatura-2.3.1"),
                    help="virtual environment for trafilatura (created if missing; default: %(default)s)")
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"),
                    help="folder holding score.py and dev/ (default: %(default)s)")
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="only this corpus (repeatable)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages of each corpus")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    py = ensure_venv(Path(args.venv))
    out = []
    for name in args.corpus or CORPORA:
        gold = eval_dir / "dev" / f"{name}.jsonl"
        docs = load(gold, args.limit)
        with tempfile.TemporaryDirectory(prefix="newscli-bench-") as t:
            tmp = Path(t)
            if args.limit:  # score.py reads the whole gold file: hand it the same subset
                sub = tmp / f"{name}.jsonl"
                sub.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
                gold = sub
            pages = write_pages(docs, tmp)
            rows = []
            for system, run in (("trafilatura 2.3.1", lambda p: run_trafilatura(py, pages, p, tmp)),
                                ("newscli", lambda p: run_newscli(pages, p))):
                pred = tmp / f"{system.split()[0]}.jsonl"
                secs = run(pred)
                rows.append((system, score(eval_dir, gold, pred), secs))
            alone = extract_only(pages)
        out.append(table(name, len(docs), rows)
                   + f"\n(newscli docs/s is the whole `parse` run: page metadata, body, quotes and speakers;"
                   f" its page step alone, newscli.html.extract in one process: {len(docs) / alone:.1f} docs/s)")
    print("\n\n".join(out))
    cmd = "python benchmarks/bench_html_metadata.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    print(f"\nreproduce: {cmd}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
