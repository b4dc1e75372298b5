"""Parse throughput as the issue measures it: score.py's docs/s for the whole command.

score.py runs the command over the 928 PolNeAR files in batches of 200, so five process
starts are part of the figure. The machine is shared and noisy: the commands are run
interleaved (A, B, A, B, ...) and each one's best and median are reported, never one run.

By default the work tree is installed with pip into its own venv (bytecode compiled, no
editable-install shim), which is what a user's `newscli` is:

    python benchmarks/bench_parse_speed.py                     # 5 rounds, the installed work tree
    python benchmarks/bench_parse_speed.py --rounds 9 \\
        --cmd "base=/tmp/vbase/bin/newscli parse --format jsonl"  # against another install

Each --cmd is LABEL=COMMAND (score.py appends the file paths); the installed work tree is
always measured too, as "newscli".
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GOLD = "dev/quotes_polnear.jsonl"


def install(venv: Path) -> str:
    """The work tree installed into venv (created on first use); returns its newscli."""
    py = venv / "bin" / "python"
    again = py.exists()
    if not again:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # from outside the tree, so what runs is what pip built, not the source folder
    flags = ["--force-reinstall", "--no-deps"] if again else []
    subprocess.run([str(py), "-m", "pip", "install", "-q", *flags, str(ROOT)], check=True, cwd="/",
                   stdout=subprocess.DEVNULL)
    return str(venv / "bin" / "newscli")


def score(cmd: str) -> dict:
    out = subprocess.run([sys.executable, "score.py", "quotes", GOLD, "--cmd", cmd,
                          "--kinds", "direct,partial,mixed", "--json"],
                         cwd=EVAL, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cmd", action="append", default=[], help="LABEL=COMMAND, repeatable")
    ap.add_argument("--venv", default="/tmp/newscli-bench-speed", help="where the work tree is installed")
    args = ap.parse_args(argv)
    cmds = [("newscli", install(Path(args.venv)) + " parse --format jsonl")]
    cmds += [tuple(c.split("=", 1)) for c in args.cmd]
    runs: dict[str, list] = {label: [] for label, _ in cmds}
    quality: dict[str, tuple] = {}
    for _ in range(args.rounds):
        for label, cmd in cmds:
            r = score(cmd)
            runs[label].append(r["docs_per_second"])
            quality[label] = (r["quotes"]["f1"], r["speaker_accuracy"], r["end_to_end"]["f1"])
    print("| command | docs/s best | docs/s median | all runs | quote F1 | speaker | end-to-end |")
    print("|---|---|---|---|---|---|---|")
    for label, cmd in cmds:
        v = runs[label]
        f1, sp, e2e = quality[label]
        print(f"| {label}: `{cmd}` | {max(v):.1f} | {statistics.median(v):.1f} | "
              f"{', '.join(f'{x:.0f}' for x in v)} | {f1} | {sp} | {e2e} |")
    print(f"\n{args.rounds} interleaved rounds, load average at the end {os.getloadavg()[0]:.1f}. "
          f"Command: python benchmarks/bench_parse_speed.py --rounds {args.rounds}"
          + "".join(f' --cmd "{c}"' for c in args.cmd))
    return 0


if __name__ == "__main__":
    sys.exit(main())
