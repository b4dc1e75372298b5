#!/usr/bin/env python
"""Archive scale: parse, ingest, 2k vs 20k stories, queries, start-up and memory.

Run by hand; each part prints a Markdown table and the command that reproduces it:

    python benchmarks/bench_scale.py all                # everything (~10 min at --repeat 3)
    python benchmarks/bench_scale.py parse ingest       # some parts
    python benchmarks/bench_scale.py query --profile    # + where the time goes, per query
    python benchmarks/bench_scale.py codec              # json vs orjson on the database file

Parts: parse, ingest, scale (2,000 vs 20,000 stories), query, codec (json vs orjson on the
database file), startup, memory, dask.

Corpus: the Reuters-21578 stories (``raw`` of ../shared/eval/dev/structure_reuters.jsonl,
about 14,000) and the PolNeAR articles (``text`` of quotes_polnear.jsonl), written one story a
file into a temporary folder (never into the repo; --workdir to choose it, --keep to keep it).
The 20,000-story set repeats Reuters stories with a unique last line so every hash differs.

Every command is a fresh process (stdout to /dev/null, so Rich renders as for a pipe) timed
by wall clock; its peak RSS comes from wait4(). Machines here are noisy, so figures that
matter are ratios between commands measured in the same run, interleaved, each the best
(minimum) of --repeat runs after a warm-up.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
REUTERS = DEV / "structure_reuters.jsonl"
POLNEAR = DEV / "quotes_polnear.jsonl"
PARTS = ("parse", "ingest", "scale", "query", "codec", "startup", "memory", "dask")
BIG, SMALL = 20_000, 2_000

# Goals from the issue.
INGEST_OVER_PARSE = 1.3
GROWTH_2K_20K = 11.0
QUERY_OVER_LOAD = 2.0
STARTUP_OVER_TYPER = 1.5
INGEST_SECONDS = 60.0
QUERY_SECONDS = 1.0


# --------------------------------------------------------------------------- running things

@dataclass
class Run:
    seconds: float
    rss: int  # peak resident set of the largest process in the tree, bytes
    rc: int


@dataclass
class Timing:
    label: str
    cmd: list[str]
    shown: str | None = None  # how the table shows the command, when not the command itself
    runs: list[Run] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def rss(self) -> int:
        return max(r.rss for r in self.runs)


def newscli_cmd() -> list[str]:
    """The installed console script run by this Python (not a shell shim), else -m."""
    script = Path(sysconfig.get_path("scripts")) / "newscli"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "newscli"]


NEWSCLI = newscli_cmd()


def show(cmd: list[str]) -> str:
    """A command as a person would type it: `newscli ...`, `python ...`."""
    if cmd[: len(NEWSCLI)] == NEWSCLI:
        cmd = ["newscli"] + cmd[len(NEWSCLI):]
    elif cmd and cmd[0] == sys.executable:
        cmd = ["python"] + cmd[1:]
    return " ".join(shlex.quote(c) for c in cmd)


# A small launcher (python -S, a few MB) forks and execs the command and reports its wall
# time and peak RSS from wait4(). Launched straight from this (large) process, a child's
# ru_maxrss would start at this process's size: Linux keeps the high-water mark across exec.
_LAUNCHER = """import os, sys, time
out = sys.argv[1]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - t0
with open(out, "w") as f:
    f.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run(cmd: list[str], env: dict, stdout=None, before=None) -> Run:
    """Run one command: wall time and peak RSS, stdout to /dev/null unless given."""
    if before:
        before()
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".run") as res:
        subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, res.name] + cmd, env=env,
                       stdout=stdout or subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        seconds, rss_kb, rc = res.read().split()
        if int(rc) != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            print(f"  ! exit {rc}: {show(cmd)}\n    " + "\n    ".join(tail), file=sys.stderr)
    return Run(float(seconds), int(rss_kb) * 1024, int(rc))


MEASURED: dict[tuple, Timing] = {}  # every timed command of this invocation, for the memory table


def measure(timings: list[Timing], env: dict, repeat: int, warmup: bool = True, before=None) -> None:
    """Run the commands round-robin (drift hits them alike), after one warm-up each."""
    for t in timings:
        MEASURED[tuple(t.cmd)] = t
    if warmup:
        for t in timings:
            run(t.cmd, env, before=before)
    for _ in range(repeat):
        for t in timings:
            t.runs.append(run(t.cmd, env, before=before))
            print(f"  {t.runs[-1].seconds:8.3f} s  {show(t.cmd)}", file=sys.stderr)


# --------------------------------------------------------------------------- corpora

class Corpus:
    """Story files, written once per work folder."""

    def __init__(self, work: Path, limit: int | None):
        self.work = work
        self.limit = limit
        self._reuters: list[str] | None = None

    def reuters_texts(self) -> list[str]:
        if self._reuters is None:
            with REUTERS.open(encoding="utf-8") as f:
                self._reuters = [json.loads(line)["raw"] for line in f][: self.limit]
        return self._reuters

    def polnear_texts(self) -> list[str]:
        with POLNEAR.open(encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f][: self.limit]

    def _write(self, name: str, texts) -> Path:
        folder = self.work / name
        done = folder / ".complete"
        if done.exists():
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        n = 0
        for n, text in enumerate(texts, 1):
            # newline="" keeps the text's own line ends, so offsets match the in-process parse
            with open(folder / f"{name}-{n:05d}.txt", "w", encoding="utf-8", newline="") as f:
                f.write(text)
        done.write_text(str(n))
        return folder

    def reuters(self) -> Path:
        return self._write("reuters", self.reuters_texts())

    def polnear(self) -> Path:
        return self._write("polnear", self.polnear_texts())

    def big_texts(self) -> list[str]:
        base = self.reuters_texts()
        total = BIG if not self.limit else min(BIG, 2 * len(base))
        out = []
        for i in range(total):
            text = base[i % len(base)]
            if i >= len(base):  # a repeat: one unique line at the end, so its hash differs
                text = text.rstrip("\n") + f"\n\n(benchmark copy {i // len(base)} of story {i % len(base) + 1})\n"
            out.append(text)
        return out

    def big(self) -> Path:
        return self._write("big", self.big_texts())

    def small(self) -> Path:
        texts = self.big_texts()
        step = max(1, len(texts) // SMALL)  # every 10th: the same mix of originals and copies
        return self._write("small", texts[::step][:SMALL] if not self.limit else texts[::step])

    @staticmethod
    def count(folder: Path) -> int:
        return int((folder / ".complete").read_text())


# --------------------------------------------------------------------------- tables

def table(title: str, command: str, header: list[str], rows: list[list], notes: list[str] = ()) -> str:
    lines = [f"### {title}", "", f"`{command}`", "", "| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in r) + " |")
    if notes:
        lines.append("")
        lines.extend(notes)
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    return text


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f}"


# --------------------------------------------------------------------------- parts

class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="newscli-bench-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.corpus = Corpus(self.work, args.limit)
        self.env = dict(os.environ, NEWSCLI_DB=str(self.work / "default-db.json"), PYTHONHASHSEED="0")
        self.env.pop("NO_COLOR", None)
        self.jobs = [int(j) for j in args.jobs.split(",")]
        self.out: list[str] = []

    def command(self, part: str) -> str:
        opts = [f"--repeat {self.args.repeat}"]
        if part in ("query", "codec", "startup", "memory") and self.args.quick_repeat != 5:
            opts.append(f"--quick-repeat {self.args.quick_repeat}")
        if self.args.jobs != "1,2":
            opts.append(f"--jobs {self.args.jobs}")
        if self.args.limit:
            opts.append(f"--limit {self.args.limit}")
        if part == "query":
            opts.append(f"--search {shlex.quote(self.args.search)}")
            if self.args.speaker:
                opts.append(f"--speaker {shlex.quote(self.args.speaker)}")
        return f"python benchmarks/bench_scale.py {part} " + " ".join(opts)

    def shown(self, t: Timing) -> str:
        """The command as the table shows it: paths in the work folder made relative to it."""
        return t.shown or show(t.cmd).replace(str(self.work) + os.sep, "")

    @staticmethod
    def load_baselines(db: Path) -> tuple[Timing, Timing]:
        name = db.name
        return (Timing("json.load", [sys.executable, "-c", f"import json; json.load(open({str(db)!r}))"],
                       f'python -c "import json; json.load(open(\'{name}\'))"'),
                Timing("orjson", [sys.executable, "-c", f"import orjson; orjson.loads(open({str(db)!r}, 'rb').read())"],
                       f'python -c "import orjson; orjson.loads(open(\'{name}\', \'rb\').read())"'))

    def parse_cmd(self, folder: Path, jobs: int) -> list[str]:
        return NEWSCLI + ["parse", str(folder), "--format", "jsonl", "--jobs", str(jobs)]

    def ingest_cmd(self, folder: Path, db: Path, jobs: int, quiet: bool = True) -> list[str]:
        return NEWSCLI + ["ingest", str(folder), "--db", str(db), "--jobs", str(jobs)] + (["-q"] if quiet else [])

    @staticmethod
    def fresh(db: Path):
        def remove():
            for p in (db, Path(str(db) + ".lock")):
                try:
                    p.unlink()
                except FileNotFoundError:
                    pass
        return remove

    # ------------------------------------------------------------------ parse
    def parse(self) -> None:
        from newscli.export import dumps
        from newscli.parser import parse

        rows = []
        notes = []
        for name, texts_of, folder_of in (("Reuters", self.corpus.reuters_texts, self.corpus.reuters),
                                          ("PolNeAR", self.corpus.polnear_texts, self.corpus.polnear)):
            texts = texts_of()
            n, size = len(texts), sum(len(t) for t in texts)
            for t in texts[:50]:  # warm up (rule tables, regex caches)
                parse(t)
            folder = folder_of()
            timings = [Timing(f"jobs {j}", self.parse_cmd(folder, j)) for j in self.jobs]
            for t in timings:  # warm up (file cache, bytecode)
                run(t.cmd, self.env)
            best_parse = best_full = float("inf")
            for _ in range(self.args.repeat):  # in-process and CLI interleaved: drift hits all alike
                t0 = time.perf_counter()
                for t in texts:
                    parse(t)
                best_parse = min(best_parse, time.perf_counter() - t0)
                t0 = time.perf_counter()
                for t in texts:
                    dumps(parse(t, path="x.txt").to_dict())
                best_full = min(best_full, time.perf_counter() - t0)
                print(f"  {best_parse:8.3f} s  in-process parse() x {n} {name}", file=sys.stderr)
                measure(timings, self.env, 1, warmup=False)
            rows.append([name, n, "in-process `parse(text)`", f"{best_parse:.2f}", f"{n / best_parse:,.0f}",
                         f"{size / best_parse / 1e6:.2f}", "1.00"])
            rows.append([name, n, "in-process `parse(text).to_dict()` + JSON", f"{best_full:.2f}",
                         f"{n / best_full:,.0f}", f"{size / best_full / 1e6:.2f}", f"{best_full / best_parse:.2f}"])
            for t in timings:
                rows.append([name, n, f"`{self.shown(t)}`",
                             f"{t.best:.2f}", f"{n / t.best:,.0f}", f"{size / t.best / 1e6:.2f}",
                             f"{t.best / best_parse:.2f}"])
            if len(timings) > 1:
                notes.append(f"- {name}: `--jobs {self.jobs[-1]}` vs `--jobs {self.jobs[0]}` speed-up "
                             f"**{timings[0].best / timings[-1].best:.2f}x** on {os.cpu_count()} cores.")
        notes.append("- last column: time relative to in-process `parse(text)` of the same stories "
                     "(the CLI adds start-up, file reading, to_dict and JSON output).")
        self.out.append(table("Parse speed", self.command("parse"),
                              ["corpus", "stories", "how", "seconds (best)", "stories/s", "MB/s", "x in-process"],
                              rows, notes))

    # ------------------------------------------------------------------ ingest
    def ingest(self) -> None:
        folder = self.corpus.reuters()
        n = self.corpus.count(folder)
        rows, notes = [], []
        for j in self.jobs:
            db = self.work / f"ingest-j{j}.json"
            p = Timing("parse", self.parse_cmd(folder, j))
            i = Timing("ingest", self.ingest_cmd(folder, db, j))
            run(p.cmd, self.env)  # warm-up: file cache, bytecode
            measure([p, i], self.env, self.args.repeat, warmup=False, before=self.fresh(db))
            size = db.stat().st_size
            ratio = i.best / p.best
            for t in (p, i):
                rows.append([f"`{self.shown(t)}`",
                             n, f"{t.best:.2f}", f"{n / t.best:,.0f}", f"{mb(t.rss)}"])
            rows.append([f"ingest / parse, jobs {j}", "", f"**{ratio:.2f}x**", "",
                         f"goal <= {INGEST_OVER_PARSE}x: {verdict(ratio <= INGEST_OVER_PARSE)}"])
            notes.append(f"- jobs {j}: all {n:,} Reuters stories ingested in {i.best:.1f} s "
                         f"(goal under {INGEST_SECONDS:.0f} s: {verdict(i.best < INGEST_SECONDS)}); "
                         f"database {mb(size)} MB.")
        # the summary table a person sees without -q (one row per story, to a pipe here)
        j = self.jobs[-1]
        db = self.work / "ingest-table.json"
        t = Timing("ingest (table)", self.ingest_cmd(folder, db, j, quiet=False))
        measure([t], self.env, 1, warmup=False, before=self.fresh(db))
        rows.append([f"`{self.shown(t)}` (prints the summary table)",
                     n, f"{t.best:.2f}", f"{n / t.best:,.0f}", f"{mb(t.rss)}"])
        self.out.append(table("Ingest: all Reuters stories into a fresh database, one call", self.command("ingest"),
                              ["command", "stories", "seconds (best)", "stories/s", "peak RSS MB"], rows, notes))

    # ------------------------------------------------------------------ 2k vs 20k
    def scale(self) -> None:
        small, big = self.corpus.small(), self.corpus.big()
        j = self.jobs[0]
        rows = []
        res = {}
        for name, folder in (("2k", small), ("20k", big)):
            n = self.corpus.count(folder)
            db = self.work / f"scale-{name}.json"
            p = Timing("parse", self.parse_cmd(folder, j))
            i = Timing("ingest", self.ingest_cmd(folder, db, j))
            run(p.cmd, self.env)  # warm-up: file cache, bytecode
            measure([p, i], self.env, self.args.repeat, warmup=False, before=self.fresh(db))
            res[name] = (n, p.best, i.best)
            rows.append([f"{n:,}", f"{p.best:.2f}", f"{i.best:.2f}", f"{i.best - p.best:.2f}",
                         f"{i.best / p.best:.2f}", mb(db.stat().st_size), mb(i.rss)])
        (n1, p1, i1), (n2, p2, i2) = res["2k"], res["20k"]
        growth = i2 / i1
        rows.append([f"20k / 2k ({n2 / n1:.0f}x the stories)", f"{p2 / p1:.2f}x", f"**{growth:.2f}x**",
                     f"{(i2 - p2) / (i1 - p1):.1f}x" if i1 - p1 > 0.05 else "n/a", "", "", ""])
        notes = [f"- ingest growth 20k/2k **{growth:.2f}x** (goal <= {GROWTH_2K_20K:.0f}x: "
                 f"{verdict(growth <= GROWTH_2K_20K)}); `newscli ingest DIR --db fresh.json -q --jobs {j}` "
                 f"vs `newscli parse DIR --format jsonl --jobs {j}`.",
                 "- the 20k set is the Reuters stories, then repeats with a unique last line; "
                 "the 2k set is every 10th story of it (the same mix)."]
        self.out.append(table("Ingest growth: 2,000 vs 20,000 stories", self.command("scale"),
                              ["stories", "parse s", "ingest s", "ingest - parse s", "ingest / parse",
                               "DB MB", "ingest peak RSS MB"], rows, notes))

    # ------------------------------------------------------------------ queries
    def query_db(self) -> Path:
        db = self.work / "query-db.json"
        if not db.exists():
            folder = self.corpus.reuters()
            print("  building the query database ...", file=sys.stderr)
            r = run(self.ingest_cmd(folder, db, max(self.jobs)), self.env)
            if r.rc not in (0, 1):
                raise SystemExit("could not build the query database")
        return db

    def query_args(self, db: Path) -> list[tuple[str, list[str]]]:
        data = json.loads(db.read_bytes())
        docs = list(data.get("articles", {}).values())
        speaker = self.args.speaker
        if not speaker:  # the most quoted person (not a group, an organisation or "the company")
            names = Counter(sp.get("name") for d in docs for q in d.get("quotes") or []
                            for sp in [q.get("speaker") or {}]
                            if sp.get("name") and not (sp.get("group") or sp.get("organization") or sp.get("anonymous")))
            forms = Counter(n.lower() for n in names)  # "Analysts" and "analysts": a common noun
            people = [nm for nm, _ in names.most_common(200)
                      if nm.istitle() and not nm.isupper() and forms[nm.lower()] == 1
                      and not nm.lower().startswith("the ")]
            speaker = people[0].split()[-1] if people else "smith"
        ident = docs[len(docs) // 2]["id"][:8] if docs else "0"
        return [("quotes", ["quotes", "--speaker", speaker]),
                ("articles", ["articles", "--search", self.args.search]),
                ("speakers", ["speakers"]),
                ("show", ["show", ident])]

    def query(self) -> None:
        db = self.query_db()
        size = db.stat().st_size
        n = len(json.loads(db.read_bytes()).get("articles", {}))
        base, base_or = self.load_baselines(db)
        qs = [Timing(name, NEWSCLI + args + ["--db", str(db)]) for name, args in self.query_args(db)]
        # the same listings cut to 50 rows: how much of the time is drawing a long Rich table
        qs += [Timing(name + " (50 rows)", NEWSCLI + args + ["--limit", "50", "--db", str(db)])
               for name, args in self.query_args(db) if name in ("quotes", "speakers")]
        have_orjson = _has("orjson")
        measure([base] + ([base_or] if have_orjson else []) + qs, self.env, self.args.quick_repeat)
        rows = []
        counts = {t.label: _count_rows(t.cmd, self.env) for t in qs}
        for t in [base] + ([base_or] if have_orjson else []):
            rows.append([f"`{self.shown(t)}`", f"{t.best:.3f}", f"{t.best / base.best:.2f}",
                         "", mb(t.rss), f"{t.rss / size:.1f}"])
        for t in qs:
            ratio = t.best / base.best
            rows.append([f"`{self.shown(t)}` ({counts[t.label]} row{'' if counts[t.label] == '1' else 's'})", f"{t.best:.3f}", f"**{ratio:.2f}**",
                         f"{verdict(ratio <= QUERY_OVER_LOAD)} / {verdict(t.best < QUERY_SECONDS)}",
                         mb(t.rss), f"{t.rss / size:.1f}"])
        notes = [f"- database: {n:,} Reuters stories, {mb(size)} MB; each command a fresh process, "
                 f"stdout to /dev/null; best of {self.args.quick_repeat}.",
                 f"- goals: within {QUERY_OVER_LOAD:.0f}x of `json.load` on the same file / "
                 f"under {QUERY_SECONDS:.0f} s cold."]
        self.out.append(table("Queries on the Reuters database", self.command("query"),
                              ["command", "seconds (best)", "x json.load", "goal 2x / 1 s", "peak RSS MB",
                               "RSS / DB size"], rows, notes))
        # where the time goes: each phase timed inside one fresh process per query
        prow = []
        for name, args in self.query_args(db):
            cmd = [sys.executable, str(Path(__file__).resolve()), "_phases", str(db), *args]
            best = None
            for _ in range(max(1, min(3, self.args.quick_repeat))):
                p = subprocess.run(cmd, capture_output=True, text=True, env=self.env)
                try:
                    ph = json.loads(p.stdout.strip().splitlines()[-1])
                except (ValueError, IndexError):
                    ph = {"error": (p.stderr.strip().splitlines() or ["?"])[-1]}
                if "error" in ph:
                    best = ph
                    break
                if best is None or ph["total"] < best["total"]:
                    best = ph
            if "error" in best:
                prow.append([" ".join(args), f"n/a ({best['error'][:80]})"] + [""] * (len(PHASES) + 1))
                continue
            top = max(PHASES, key=lambda k: best[k])
            prow.append([" ".join(args)] + [f"{best[k]:.3f}" for k in PHASES] + [f"{best['total']:.3f}", top])
        self.out.append(table("Where a query's time goes (seconds, one fresh process each)", self.command("query"),
                              ["query"] + list(PHASES) + ["total", "dominant"], prow,
                              ["- import: newscli.cli and what the command imports (store, tinydb, query, render/rich); "
                               "json: the JSON decode inside the store (`store._loads`); records: the rest of "
                               "`Store.articles()` / `Store.get()` (file read, checks); "
                               "query: the query function (`speaker_rows`, ...); render: building the Rich table "
                               "(the first 200 rows, as the command does without --limit) and printing it to "
                               "/dev/null; free: dropping the records and a collection (the command pays it when it "
                               "returns).",
                               "- the wall time in the table above also holds interpreter start-up (`python -c pass`), "
                               "Typer building the command (it imports pydantic for subcommands) and interpreter exit."]))
        if self.args.profile:
            for name, args in self.query_args(db):
                self.profile(NEWSCLI[1:] if len(NEWSCLI) == 2 else ["-m", "newscli"], args + ["--db", str(db)], name)

    # ------------------------------------------------------------------ codec
    def codec(self) -> None:
        """json vs orjson on the query database: decode and encode, each in a fresh process
        (the store's way: bytes in and out, the collector paused while decoding)."""
        if not _has("orjson"):
            print("(codec part skipped: orjson is not installed)\n")
            return
        db = self.query_db()
        size = db.stat().st_size
        load = {"json": "json.loads(raw)", "orjson": "orjson.loads(raw)"}
        dump = {"json": "json.dumps(d, ensure_ascii=False, separators=(',', ':')).encode('utf-8')",
                "orjson": "orjson.dumps(d)"}
        head = (f"import gc, json, sys, time, orjson; raw = open({str(db)!r}, 'rb').read(); "
                "gc.disable(); ")
        snippets = {f"decode, {lib}": head + f"t = time.perf_counter(); d = {load[lib]}; "
                                             "print(time.perf_counter() - t)" for lib in load}
        snippets.update({f"encode, {lib}": head + "d = orjson.loads(raw); del raw; "
                                                  f"t = time.perf_counter(); b = {dump[lib]}; "
                                                  "print(time.perf_counter() - t)" for lib in dump})
        best: dict[str, float] = {}
        rss: dict[str, int] = {}
        for _ in range(max(1, self.args.quick_repeat)):
            for label, code in snippets.items():  # round-robin: drift hits both alike
                with tempfile.TemporaryFile("w+") as out:
                    r = run([sys.executable, "-c", code], self.env, stdout=out)
                    out.seek(0)
                    seconds = float(out.read().strip() or "nan")
                best[label] = min(best.get(label, float("inf")), seconds)
                rss[label] = max(rss.get(label, 0), r.rss)
        import orjson

        data = orjson.loads(db.read_bytes())
        same = orjson.dumps(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        del data
        rows = []
        for op in ("decode", "encode"):
            j, o = best[f"{op}, json"], best[f"{op}, orjson"]
            for lib, t in (("json", j), ("orjson", o)):
                rows.append([op, lib, f"{t:.3f}", f"{size / t / 1e6:,.0f}", f"{j / t:.2f}", mb(rss[f"{op}, {lib}"])])
        # the whole commands, with the store's orjson calls served by json (a stand-in module
        # first on PYTHONPATH) and with orjson itself
        shim = self.work / "orjson-as-json"
        shim.mkdir(exist_ok=True)
        (shim / "orjson.py").write_text(ORJSON_AS_JSON, encoding="utf-8")
        env_json = dict(self.env, PYTHONPATH=os.pathsep.join(
            [str(shim)] + ([self.env["PYTHONPATH"]] if self.env.get("PYTHONPATH") else [])))
        folder = self.corpus.reuters()
        j = max(self.jobs)
        ab = []
        for name, args in self.query_args(db):
            if name in ("speakers", "quotes"):
                ab.append((f"`newscli {' '.join(args)}`", NEWSCLI + args + ["--db", str(db)], None))
        ing = self.work / "codec-ingest.json"
        ab.append((f"`newscli ingest reuters --db codec-ingest.json --jobs {j} -q`",
                   self.ingest_cmd(folder, ing, j), self.fresh(ing)))
        for label, cmd, before in ab:
            tj, to = Timing(label + " json", cmd), Timing(label + " orjson", cmd)
            reps = self.args.quick_repeat if before is None else self.args.repeat
            for _ in range(reps):  # round-robin
                tj.runs.append(run(cmd, env_json, before=before))
                to.runs.append(run(cmd, self.env, before=before))
                print(f"  {tj.runs[-1].seconds:8.3f} s json / {to.runs[-1].seconds:.3f} s orjson  {show(cmd)}",
                      file=sys.stderr)
            rows.append([label, "json", f"{tj.best:.3f}", "", "1.00", mb(tj.rss)])
            rows.append([label, "orjson", f"{to.best:.3f}", "", f"{tj.best / to.best:.2f}", mb(to.rss)])
        notes = [f"- the query database ({mb(size)} MB, {'ASCII' if db.read_bytes().isascii() else 'UTF-8'}); "
                 f"best of {self.args.quick_repeat}; time inside the process, file already read; peak RSS of the "
                 "whole process (an encode row holds the decoded database too).",
                 f"- the two encodings are {'byte for byte the same' if same else 'DIFFERENT'} on this database.",
                 "- ingest encodes the whole database at each commit (every 1,000 stories or 5 s), queries "
                 "decode it once.",
                 "- command rows: a fresh process each, round-robin, best of --quick-repeat (queries) or "
                 "--repeat (ingest); `json`: the store's orjson calls served by the standard json module "
                 "(a stand-in `orjson` module first on PYTHONPATH)."]
        self.out.append(table("JSON codec on the database file: json vs orjson", self.command("codec"),
                              ["operation or command", "library", "seconds (best)", "MB/s", "x json", "peak RSS MB"],
                              rows, notes))

    def profile(self, entry: list[str], args: list[str], name: str) -> None:
        import pstats

        out = self.work / f"profile-{name}.prof"
        cmd = [sys.executable, "-m", "cProfile", "-o", str(out)] + entry + args
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self.env)
        print(f"#### cProfile: `newscli {' '.join(args).replace(str(self.work), 'WORK')}` (top 15 by own time)\n")
        print("```")
        st = pstats.Stats(str(out), stream=sys.stdout)
        st.sort_stats("tottime").print_stats(15)
        print("```")

    # ------------------------------------------------------------------ dask
    def dask(self) -> None:
        if not _has("dask") or not _has("distributed"):
            print("(dask part skipped: pip install 'newscli[dask]')\n")
            return
        folder = self.corpus.reuters()
        n = self.corpus.count(folder)
        out = self.work / "dask-out.jsonl"
        j = max(self.jobs)
        ts = [Timing("parse", self.parse_cmd(folder, j)),
              Timing("dask", [sys.executable, "-m", "newscli.scale", str(folder), "-o", str(out), "--workers", str(j)])]
        measure(ts, self.env, self.args.repeat)
        same = subprocess.run(ts[0].cmd, capture_output=True, env=self.env).stdout == out.read_bytes()
        rows = [[f"`{self.shown(t)}`", n, f"{t.best:.2f}", f"{n / t.best:,.0f}", f"{t.best / ts[0].best:.2f}", mb(t.rss)]
                for t in ts]
        notes = [f"- the Dask run starts its own local cluster ({j} worker processes) and writes one JSON Lines "
                 f"file; its output is {'identical to' if same else 'DIFFERENT from'} `newscli parse`'s.",
                 "- on one machine Dask adds its start-up and scheduling; it pays when the cluster has more cores "
                 "than one machine."]
        self.out.append(table("Parse on a local Dask cluster vs `newscli parse --jobs`", self.command("dask"),
                              ["command", "stories", "seconds (best)", "stories/s", "x newscli parse", "peak RSS MB"],
                              rows, notes))

    # ------------------------------------------------------------------ start-up
    def startup(self) -> None:
        reps = max(10, self.args.quick_repeat * 2)
        ts = [Timing("python", [sys.executable, "-c", "pass"]),
              Timing("typer", [sys.executable, "-c", "import typer"]),
              Timing("version", NEWSCLI + ["--version"]),
              Timing("help", NEWSCLI + ["--help"]),
              Timing("parse help", NEWSCLI + ["parse", "--help"])]
        measure(ts, self.env, reps)
        typer = ts[1].best
        rows = []
        for t in ts:
            ratio = t.best / typer
            goal = verdict(ratio <= STARTUP_OVER_TYPER) if t.label in ("version", "help") else ""
            rows.append([f"`{show(t.cmd)}`", f"{t.best * 1000:.0f}", f"{t.median * 1000:.0f}", f"**{ratio:.2f}**"
                         if goal else f"{ratio:.2f}", goal, mb(t.rss)])
        notes = []
        base = imported_modules(["-c", "import typer"], [], self.env)
        entry = NEWSCLI[1:] if len(NEWSCLI) == 2 else ["-m", "newscli"]
        for label, args in (("--help", ["--help"]), ("--version", ["--version"]), ("parse --help", ["parse", "--help"])):
            mods = imported_modules(entry, args, self.env)
            extra = {m: us for m, us in mods.items() if m not in base}
            heavy = [m for m in ("bs4", "dateutil", "tinydb", "rich", "orjson", "filelock") if m in extra]
            top = sorted(((us, m) for m, us in extra.items()), reverse=True)[:4]
            notes.append(f"- `newscli {label}` imports {len(extra)} modules beyond `import typer` "
                         f"({sum(extra.values()) / 1000:.0f} ms of import time); "
                         f"heavy ones: {', '.join(heavy) or 'none of bs4, dateutil, tinydb, rich, orjson'}; "
                         "largest: " + ", ".join(f"{m} {us / 1000:.0f} ms" for us, m in top) + ".")
        self.out.append(table("Start-up", self.command("startup"),
                              ["command", "ms (best)", "ms (median)", "x `import typer`", f"goal <= {STARTUP_OVER_TYPER}x",
                               "peak RSS MB"], rows, notes))

    # ------------------------------------------------------------------ memory
    def memory(self) -> None:
        folder = self.corpus.reuters()
        bare = min(run([sys.executable, "-c", "pass"], self.env).rss for _ in range(3))
        rows = []

        def row(t: Timing, size: int) -> list:
            return [f"`{self.shown(t)}`", mb(t.rss), mb(size), f"{t.rss / size:.1f}", f"{(t.rss - bare) / size:.1f}"]

        for j in self.jobs:
            db = self.work / f"ingest-j{j}.json"
            t = MEASURED.get(tuple(self.ingest_cmd(folder, db, j))) or Timing("ingest", self.ingest_cmd(folder, db, j))
            if not t.runs:  # not measured yet in this run
                measure([t], self.env, 1, warmup=False, before=self.fresh(db))
            rows.append(row(t, db.stat().st_size))
        db = self.query_db()
        size = db.stat().st_size
        ts = [self.load_baselines(db)[0]]
        ts += [Timing(name, NEWSCLI + args + ["--db", str(db)]) for name, args in self.query_args(db)]
        ts = [MEASURED.get(tuple(t.cmd), t) for t in ts]
        todo = [t for t in ts if not t.runs]
        if todo:
            measure(todo, self.env, 1)
        rows += [row(t, size) for t in ts]
        notes = ["- peak RSS of the largest process (wait4 ru_maxrss; with --jobs 2 the parent or a worker), "
                 "over the runs of this invocation.",
                 f"- last column: RSS above a bare `python -c pass` ({mb(bare)} MB), per byte of database file."]
        self.out.append(table("Memory: peak RSS against the database file", self.command("memory"),
                              ["process", "peak RSS MB", "DB file MB", "RSS / DB size", "(RSS - bare Python) / DB size"],
                              rows, notes))


# A stand-in for orjson that serves its calls with the standard json module, for the codec
# part's A/B of whole commands (the store imports orjson).
ORJSON_AS_JSON = """import json
JSONDecodeError = json.JSONDecodeError
JSONEncodeError = TypeError
__version__ = "json stand-in"
def loads(data):
    return json.loads(data)
def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
"""


def _count_rows(cmd: list[str], env: dict) -> str:
    """How many rows a listing command finds (its --json output), for the table."""
    if "show" in cmd:
        return "1"
    args = list(cmd)
    if "--limit" in args:
        return args[args.index("--limit") + 1]
    p = subprocess.run(args + ["--json"], capture_output=True, text=True, env=env)
    try:
        return f"{len(json.loads(p.stdout)):,}"
    except ValueError:
        return "?"


def _has(mod: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(mod) is not None


def imported_modules(entry: list[str], args: list[str], env: dict) -> dict[str, int]:
    """Modules a command imports, with their own import time (without nested imports), in microseconds."""
    p = subprocess.run([sys.executable, "-X", "importtime"] + entry + args, capture_output=True,
                       text=True, env=env)
    mods = {}
    for line in p.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = line.split("|")
            try:
                mods[parts[2].strip()] = int(parts[0].split(":")[1])  # self time, nested imports apart
            except (ValueError, IndexError):
                continue
    return mods


# --------------------------------------------------------------------------- phase probe
PHASES = ("import", "json", "records", "query", "render", "free")


def phases(db: str, args: list[str]) -> dict:
    """Time each phase of one query, as the CLI runs it, inside this (fresh) process."""
    import gc

    t0 = time.perf_counter()
    from newscli import cli  # noqa: F401  typer, click, the app
    from newscli import query, render, store  # what every query command imports
    t1 = time.perf_counter()
    spent = {"json": 0.0}
    real_loads = store._loads  # the store's JSON decoder

    def timed_loads(*a, **k):
        t = time.perf_counter()
        try:
            return real_loads(*a, **k)
        finally:
            spent["json"] += time.perf_counter() - t

    store._loads = timed_loads
    s = store.Store(Path(db))
    recs = [s.get(args[1])] if args[0] == "show" else s.articles()
    t2 = time.perf_counter()
    if args[0] == "quotes":
        rows = query.quote_rows(recs, args[2])
        table = "quotes_table"
    elif args[0] == "articles":
        rows = query.article_rows(recs, args[2] if len(args) > 2 else None)
        table = "articles_table"
    elif args[0] == "speakers":
        rows = query.speaker_rows(recs)
        table = "speakers_table"
    elif args[0] == "show":
        rows = recs
    else:
        raise SystemExit(f"unknown query {args[0]}")
    t3 = time.perf_counter()
    sys.stdout.flush()
    real = sys.stdout
    sys.stdout = open(os.devnull, "w")
    try:
        if args[0] == "show":
            cli._out_console().print(render.article_view(recs[0]))
        else:  # as the command prints it: the first TABLE_ROWS rows, without --limit
            cli._print_listing(rows, False, table, None)
        sys.stdout.flush()
    finally:
        sys.stdout = real
    t4 = time.perf_counter()
    n = len(rows)
    del recs, rows, s  # what the command frees when it returns (the decoded database)
    gc.collect()
    t5 = time.perf_counter()
    return {"import": t1 - t0, "json": spent["json"], "records": (t2 - t1) - spent["json"],
            "query": t3 - t2, "render": t4 - t3, "free": t5 - t4, "total": t5 - t0, "rows": n}


# --------------------------------------------------------------------------- main

def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_phases":
        try:
            print(json.dumps(phases(sys.argv[2], sys.argv[3:])))
        except Exception as e:  # an internal API changed: say so instead of a number
            print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("parts", nargs="*", default=["all"], help=f"all, or some of: {', '.join(PARTS)}")
    ap.add_argument("--repeat", type=int, default=3,
                    help="Timed runs of each parse / ingest / Dask command (the best is reported).")
    ap.add_argument("--quick-repeat", type=int, default=5,
                    help="Timed runs of each query and start-up command (the best is reported).")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for parse and ingest (comma-separated).")
    ap.add_argument("--limit", type=int, help="Use only the first N stories of each corpus (a quick try).")
    ap.add_argument("--search", default="cocoa", help="Word for `articles --search` (default cocoa).")
    ap.add_argument("--speaker", help="Name for `quotes --speaker` (default: the most quoted in the database).")
    ap.add_argument("--profile", action="store_true", help="Also print a cProfile of each query.")
    ap.add_argument("--workdir", help="Folder for the generated stories and databases (default: a temp folder).")
    ap.add_argument("--keep", action="store_true", help="Keep the work folder.")
    ap.add_argument("--output", help="Also write the tables (Markdown) to this file.")
    ap.add_argument("--src", help="Benchmark the newscli package in this source tree instead of the installed "
                                  "one (e.g. a clean `git archive HEAD | tar -x -C DIR`), through PYTHONPATH.")
    ap.add_argument("--data", default=str(DEV), help="Folder of the eval corpora (default ../shared/eval/dev).")
    args = ap.parse_args()
    global REUTERS, POLNEAR
    REUTERS, POLNEAR = Path(args.data) / REUTERS.name, Path(args.data) / POLNEAR.name
    if args.src:
        src = str(Path(args.src).resolve())
        sys.path.insert(0, src)
        os.environ["PYTHONPATH"] = src + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    parts = list(PARTS) if "all" in args.parts else args.parts
    for p in parts:
        if p not in PARTS:
            ap.error(f"unknown part {p!r}; choose from {', '.join(PARTS)} or all")
    if not REUTERS.exists():
        raise SystemExit(f"{REUTERS} not found: the benchmarks need ../shared/eval/dev beside the repo")

    import newscli

    if args.output:
        args.output = str(Path(args.output).resolve())
    bench = Bench(args)
    # run everything from the work folder: `python -m newscli...` puts the current folder first
    # on sys.path, and from the repo that would pick up its work tree instead of --src
    os.chdir(bench.work)
    where = Path(newscli.__file__).resolve().parent.parent
    head = (f"newscli {newscli.__version__} ({_git_rev(where)}, from {where}), Python {platform.python_version()}, "
            f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"orjson {'yes' if _has('orjson') else 'no'}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"load average {os.getloadavg()[0]:.1f} at start")
    print(head + "\n", flush=True)
    bench.out.append(head + "\n")
    try:
        for p in parts:
            getattr(bench, p)()
    finally:
        if args.output:
            Path(args.output).write_text("\n".join(bench.out), encoding="utf-8")
        if args.keep or args.workdir:
            print(f"(work folder kept: {bench.work})", file=sys.stderr)
        else:
            shutil.rmtree(bench.work, ignore_errors=True)


def _git_rev(where: Path) -> str:
    """The commit benchmarked, "+ changes" when the work tree differs from it."""
    try:
        rev = subprocess.run(["git", "-C", str(where), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        if not rev:
            return "not a git work tree"
        dirty = subprocess.run(["git", "-C", str(where), "status", "--porcelain", "--untracked-files=no",
                                "--", "newscli"], capture_output=True, text=True, timeout=30).stdout.strip()
        return rev + (" + uncommitted changes in newscli/" if dirty else "")
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
