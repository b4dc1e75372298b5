#!/usr/bin/env python
"""Parsing time stays linear on adversarial input: each input doubled, time x ~2 (<= 2.2).

Run by hand (it is a benchmark, not a test: CI machines are too noisy to assert on time):

    python benchmarks/bench_linear.py                 # every family, 5 sizes, best of 3
    python benchmarks/bench_linear.py --only said-words --sizes 6 --repeat 5
    python benchmarks/bench_linear.py --list

Each family is a generator f(n) of adversarial text of about n units (quotation marks, cue
verbs, nesting levels, ...): the shapes that make naive quote pairing, speaker search or
backtracking regexes go quadratic or exponential. For sizes n, 2n, 4n, ... it times parse()
in this process (best of --repeat, after one warm-up run at the smallest size) and prints the
ratio to the previous size; on the last row, the growth per doubling over all sizes above
5 ms ((t_last / t_first) ** (1 / doublings), steadier than any single noisy step). Linear
is ~2x, quadratic ~4x; the verdict flags growth above --limit (2.2). Exit status 1 if any
family is flagged.

Measured on the development machine (2 vCPU, Python 3.11.7, shared and noisy), 2026-11-27
03:50 UTC, with `python benchmarks/bench_linear.py` (5 sizes, best of 3):

    | family | largest input (chars) | seconds | growth per doubling | verdict |
    |---|---:|---:|---:|---|
    | straight-quotes | 320,000 | 0.4229 | 1.85x | ok |
    | curly-openers-only | 320,000 | 0.2352 | 2.00x | ok |
    | mixed-marks | 480,000 | 0.8885 | 1.72x | ok |
    | apostrophes | 1,840,000 | 0.2397 | 2.01x | ok |
    | quoted-words | 320,000 | 0.5862 | 2.06x | ok |
    | said-words | 160,000 | 0.2683 | 1.99x | ok |
    | said-sentences | 576,000 | 0.8839 | 2.14x | ok |
    | said-quotes | 256,000 | 0.6397 | 2.03x | ok |
    | deep-nesting | 128,004 | 0.0893 | 1.96x | ok |
    | unbalanced-openers | 240,000 | 0.2269 | 2.01x | ok |
    | unbalanced-closers | 288,000 | 0.1852 | 2.02x | ok |
    | quote-paragraphs | 160,000 | 0.3787 | 2.01x | ok |
    | open-quote-paragraphs | 152,000 | 0.1234 | 2.02x | ok |
    | crlf-paragraphs | 176,000 | 0.4305 | 2.09x | ok |
    | names-no-verb | 5,120,000 | 0.2299 | 2.00x | ok |
    | titles-and-names | 3,520,000 | 0.1685 | 2.02x | ok |
    | according-to | 384,000 | 0.2822 | 2.07x | ok |
    | long-line | 4,000,018 | 0.2913 | 1.99x | ok |
    | blank-lines | 1,600,015 | 0.3366 | 1.99x | ok |
    | dashes-commas | 5,760,000 | 0.1554 | 1.98x | ok |
    | datelines | 2,880,000 | 0.0916 | 1.98x | ok |
    | bylines | 2,560,000 | 0.1135 | 2.00x | ok |
    | html-paragraphs | 88,026 | 0.0788 | 1.94x | ok |
    | html-nesting | 44,027 | 0.0355 | 1.87x | ok |  (04:16, after html.MAX_DEPTH; was 0.58 s, 2.84x)
    | html-unclosed | 30,012 | 0.0722 | 2.14x | ok |  (04:16, after html.MAX_DEPTH; was 7.43 s, 3.84x)

    html-nesting and html-unclosed were quadratic in nesting depth until html._limit_depth
    flattened markup nested deeper than 80 tags (fixed 04:10): html._blocks calls Tag.find() at every level (bs4 walks to the last descendant
    first), and html._score_candidates / _link_density call get_text() on every candidate <p>,
    each holding the rest of the page when tags are left open: "<p><b><i>“open " x 5,000
    (75 KB) takes ~48 s, 8,000 nested <div> ~5 s. An earlier run (03:20
    UTC) also flagged quote-paragraphs / open-quote-paragraphs / crlf-paragraphs (7x on the
    last doubling: reported.find_indirect filtered every quote region for every paragraph)
    and unbalanced-closers (a slice from the sentence start for every cue); both were fixed
    in reported.py (bisect on the regions, bounded windows) and now show ~2.0x. Single steps
    of 2.2-2.4x on this shared machine are scheduler noise; rerun with --repeat 5 to check.
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newscli.parser import parse  # noqa: E402

# name -> (base n, generator). Base sizes keep the largest run of each family near a second.
FAMILIES = {
    "straight-quotes": (20_000, lambda n: '"' * n),
    "curly-openers-only": (20_000, lambda n: "“" * n),
    "mixed-marks": (2_000, lambda n: "“‘\"'«»”’‹›„``''" * n),
    "apostrophes": (20_000, lambda n: "don't it's '90s Hamas' " * (n // 4)),
    "quoted-words": (5_000, lambda n: '"a" ' * n),
    "said-words": (2_000, lambda n: "said " * n),
    "said-sentences": (4_000, lambda n: "He said. " * n),
    "said-quotes": (1_000, lambda n: "“Yes,” he said. " * n),
    "deep-nesting": (2_000, lambda n: "“‘" * n + "deep" + "’”" * n),
    "unbalanced-openers": (1_000, lambda n: "“open said Ann " * n),
    "unbalanced-closers": (1_000, lambda n: "closed” said Ann. " * n),
    "quote-paragraphs": (500, lambda n: "“Words,” Ann said.\n\n" * n),
    "open-quote-paragraphs": (500, lambda n: "“Start of a quote\n\n" * n),
    "crlf-paragraphs": (500, lambda n: "“Words,” Ann said.\r\n\r\n" * n),
    "names-no-verb": (20_000, lambda n: "Ann Lee Bob Ray " * n),
    "titles-and-names": (10_000, lambda n: "Mr. Sen. Dr. Gen. Ann " * n),
    "according-to": (1_000, lambda n: "according to officials, " * n),
    "long-line": (50_000, lambda n: "“Quote,” he said. " + "word " * n),
    "blank-lines": (100_000, lambda n: "\n" * n + "“Hi,” Ann said."),
    "dashes-commas": (40_000, lambda n: "—, -, –, " * n),
    "datelines": (10_000, lambda n: "WASHINGTON (AP) — " * n),
    "bylines": (10_000, lambda n: "By Jane Doe and " * n),
    "html-paragraphs": (250, lambda n: "<html><body>" + "<p>“Hi,” Ann said.</p>" * n + "</body></html>"),
    "html-nesting": (250, lambda n: "<html><body>" + "<div>" * n + "“Hi,” Ann said." + "</div>" * n),
    "html-unclosed": (125, lambda n: "<html><body>" + "<p><b><i>“open " * n),
}
NOISE = 0.005  # seconds: shorter runs are timer and scheduler noise, not judged


def best_time(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, default=5, help="number of sizes (doublings + 1)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs per size")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    ap.add_argument("--limit", type=float, default=2.2, help="largest acceptable ratio per doubling")
    ap.add_argument("--only", action="append", help="only these families (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the families and exit")
    args = ap.parse_args(argv)
    if args.list:
        for name, (base, gen) in FAMILIES.items():
            print(f"{name:24} base n={base:>6}  sample: {gen(3)[:60]!r}")
        return 0
    names = args.only or list(FAMILIES)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        ap.error(f"unknown families: {', '.join(unknown)} (see --list)")

    print(f"# bench_linear: parse() time per doubling of adversarial input")
    print(f"# {platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs; best of {args.repeat}")
    print()
    print("| family | chars | seconds | ratio | growth per doubling | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    flagged = []
    for name in names:
        base, gen = FAMILIES[name]
        base = max(1, int(base * args.scale))
        parse(gen(base))  # warm-up: imports, regex compilation, caches
        times = []
        for k in range(args.sizes):
            text = gen(base * 2 ** k)
            secs = best_time(text, args.repeat)
            ratio = f"{secs / times[-1]:.2f}x" if times and times[-1] > 0 else ""
            times.append(secs)
            last = k == args.sizes - 1
            growth, verdict = "", ""
            if last:
                # the slope over all the doublings above the noise floor: one noisy step
                # does not decide, a quadratic (4x per step) or worse always shows
                judged = [t for t in times if t >= NOISE]
                if len(judged) >= 2:
                    g = (judged[-1] / judged[0]) ** (1 / (len(judged) - 1))
                    growth = f"{g:.2f}x"
                    verdict = "ok" if g <= args.limit else "SUPERLINEAR"
                    if g > args.limit:
                        flagged.append(f"{name} ({g:.2f}x)")
                else:
                    verdict = "too fast to judge"
            print(f"| {name} | {len(text):,} | {secs:.4f} | {ratio} | {growth} | {verdict} |", flush=True)
    print()
    print("flagged: " + (", ".join(flagged) if flagged else "none"))
    print("reproduce: python benchmarks/bench_linear.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:])))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
