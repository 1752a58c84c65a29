"""Not a benchmark: one benchmark script run in two checkouts alternately, for the ``--against
TREE`` of ``pipeline.py``, ``corpus_stages.py`` and ``xlsx_read.py`` (speed as a ratio against a
baseline measured in the same run, on the same loaded machine)."""

import argparse
import os
import subprocess
import sys


def alternately(script, arguments, trees, pairs, parse, seconds):
    """``{name: [parse(stdout) of each run]}``: ``script`` with ``arguments`` run ``pairs`` times
    in each checkout of ``trees`` (``{name: folder}``, put first on ``PYTHONPATH``, the working
    folder), each run a fresh process, the checkouts taking turns to go first (so that neither
    always runs after the other has warmed the disk cache). A line per pair gives each run's
    ``seconds(result)`` and the load average; a failed run ends the benchmark, naming its checkout."""
    runs = {name: [] for name in trees}
    for pair in range(pairs):
        for name, tree in (reversed(trees.items()) if pair % 2 else trees.items()):
            done = subprocess.run([sys.executable, script, *arguments], env={**os.environ, "PYTHONPATH": tree},
                                  cwd=tree, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"{name}: {done.stderr}")
            runs[name].append(parse(done.stdout))
        print(f"pair {pair + 1}: " + ", ".join(f"{name} {seconds(r[-1]):.2f} s" for name, r in runs.items())
              + f"; load average {os.getloadavg()[0]:.1f}", flush=True)
    return runs


def add_against_options(parser, pairs=4):
    """The options of a script that :func:`alternately` runs: ``--against TREE``, ``--pairs`` and
    the hidden ``--one-run`` (one measurement in this process, what each run of a pair does)."""
    parser.add_argument("--against", metavar="TREE", help="another checkout to measure against, alternately")
    parser.add_argument("--pairs", type=int, default=pairs, help="--against: runs of each checkout")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
