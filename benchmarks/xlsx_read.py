"""Benchmark: reading an .xlsx metadata sheet (``io.rows.read_table``), this checkout against another.

A sheet of ROWS rows (an id, a date cell, a title, a level, a number, a short text) is written
once with openpyxl to FILE if absent; each run reads all of its rows in a fresh process and takes
the best CPU seconds (``time.process_time``) of ROUNDS passes. With ``--against TREE`` this
checkout and TREE (put first on ``PYTHONPATH``) alternate, PAIRS times each.

    .venv/bin/python benchmarks/xlsx_read.py FILE [--rows 20000] [--against TREE --pairs 4] [--rounds 3]
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkouts import add_against_options, alternately  # noqa: E402  (beside this script)

ROOT = Path(__file__).resolve().parent.parent


def write_sheet(path, rows):
    """A metadata sheet of ``rows`` rows, as a user's would be."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "date", "title", "level", "score", "text"])
    start = datetime.datetime(2012, 3, 5)
    for number in range(rows):
        sheet.append([number, start + datetime.timedelta(days=number % 4000), f"关于推进第{number}项工作的通知",
                      ("central", "provincial", "county")[number % 3], number / 7,
                      "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。" * 2])
    book.save(path)


def one_run(path, rounds):
    """Best CPU seconds of reading every row of ``path``, and the row count."""
    from policy_nlp.io.rows import read_table
    best, count = None, 0
    for _ in range(rounds):
        start = time.process_time()
        _, rows = read_table(Path(path))
        count = sum(1 for _ in rows)
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return {"cpu": best, "rows": count}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output")
    add_against_options(parser)
    args = parser.parse_args()
    if args.one_run:
        print(json.dumps(one_run(args.file, args.rounds)))
        return
    if not os.path.exists(args.file):
        write_sheet(args.file, args.rows)
    trees = {"this": str(ROOT)}
    if args.against:
        trees["against"] = str(Path(args.against).resolve())
    runs = alternately(__file__, [args.file, "--rounds", str(args.rounds), "--one-run"], trees, args.pairs,
                       parse=lambda out: json.loads(out.splitlines()[-1]), seconds=lambda run: run["cpu"])
    summary = {name: {"best": min(r["cpu"] for r in rs), "median": statistics.median(r["cpu"] for r in rs),
                      "rows": rs[0]["rows"], "runs": [r["cpu"] for r in rs]} for name, rs in runs.items()}
    if args.against:
        this, other = summary["this"], summary["against"]
        summary["speed best to best"] = other["best"] / this["best"]
        summary["speed median to median"] = other["median"] / this["median"]
    print(json.dumps(summary, indent=1))
    if args.output:
        Path(args.output).write_text(json.dumps(summary, indent=1) + "\n")


if __name__ == "__main__":
    main()
