"""Benchmark: pathological pages at growing sizes, stage by stage (robustness at scale).

Users batch-annotate scraped pages, and one bad page must not stall a corpus run: a regex
that backtracks catastrophically or a loop that is quadratic over a line without breaks shows
here as a time that grows faster than the text. Each FAMILY below makes a synthetic page of a
realistic shape at each SIZE (characters); the page goes through what ``annotate`` does to a
document, timed in CPU seconds per row: ``cleaning`` (``stages.normalize.prepare``: the page
furniture, Traditional script, title block, date and place), ``tokenizer``, each pipeline
component, ``json``. "x prev" is the time's growth over the size before (4x the text: about 4
when linear, 16 when quadratic). A page that takes more than ``--timeout`` seconds is stopped
(SIGALRM: regexes and Python loops both give way to it) and its larger sizes are not run.

With ``--against TREE`` the same runs are made in TREE (a folder put first on ``PYTHONPATH``:
``git archive COMMIT | tar -x -C /tmp/base`` and the compiled segmenter
``policy_nlp/segment/fastseg/_fastseg*.so`` copied in), each checkout in a fresh process, and
the table gives both totals and their ratio (``--pairs N``: N runs of each, the checkouts
taking turns to go first, the best of them per page).

Example (about 90 s alone; with ``--against`` 5-6 minutes, a baseline's stopped pages waiting out their timeout)::

    .venv/bin/python benchmarks/pathological.py
    .venv/bin/python benchmarks/pathological.py --families glosses salutations_one_line --sizes 10000 40000
    .venv/bin/python benchmarks/pathological.py --against /tmp/base --output benchmarks/results/pathological.json
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkouts import add_against_options  # noqa: E402  (beside this script)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICY_NLP_SHARED", ROOT.parent / "shared"))
NATIONAL = SHARED / "corpora" / "national" / "government_work_reports.jsonl"
SIZES = (10_000, 40_000, 160_000)
# the one family also run at 1 MB: real text, which every page is mostly
EXTRA_SIZES = {"real_lines": (1_000_000,)}
_DIGITS = "零一二三四五六七八九"


def chinese(k):
    """The Chinese numeral of 1 <= ``k`` < 10,000 as outlines print it (十二, 一百零五)."""
    text, digits = "", str(k)
    for j, d in enumerate(digits):
        place = len(digits) - j - 1
        if d != "0":
            text += _DIGITS[int(d)] + ("", "十", "百", "千")[place]
        elif text and not text.endswith("零"):
            text += "零"
    text = text.rstrip("零")
    return text[1:] if text.startswith("一十") else text


def _repeated(parts, n):
    """``parts`` (a list, cycled) joined until ``n`` characters."""
    out, total = [], 0
    for part in cycle(parts):
        if total >= n:
            break
        out.append(part)
        total += len(part)
    return "".join(out)[:n]


def _numbered(template, n):
    return _repeated([template.format(chinese(i)) for i in range(1, 10_000)], n)


def _real():
    """A development text: the 2025 government work report (never the blind 2023 one)."""
    for line in NATIONAL.open(encoding="utf-8"):
        record = json.loads(line)
        if record.get("year") == "2025":
            return record["content"]
    raise SystemExit(f"no 2025 report in {NATIONAL}")


# family -> (what the page is, its text at n characters); lambdas for the one-liners
FAMILIES = {
    "one_line": ("real text, its line breaks removed", lambda n: _repeated([_real().replace("\n", "")], n)),
    "real_lines": ("real text with its lines, repeated (to 1 MB too)", lambda n: _repeated([_real() + "\n"], n)),
    "markers_cn": ("一、… 二、… heading lines", lambda n: _numbered("{}、加强基础设施建设。\n", n)),
    "markers_paren": ("（一）… lines", lambda n: _numbered("（{}）推进改革开放。\n", n)),
    "markers_arabic": ("1. 2. … on one line", lambda n: _repeated([f"{i}.完善制度体系；" for i in range(1, 10_000)], n)),
    "markers_dash": ("——items on one line", lambda n: _repeated(["——坚持稳中求进，"], n)),
    "markers_yishi": ("一是… 二是… on one line", lambda n: _numbered("{}是强化保障，", n)),
    "digits": ("one run of digits", lambda n: _repeated(["0123456789"], n)),
    "dun": ("one run of 、", lambda n: "、" * n),
    "open_quotes": ("“ with no closing ”", lambda n: "“" * n),
    "brackets": ("（（（ nested, never closed", lambda n: "（" * n),
    "measure": ("a numeral, then thousands of measure words", lambda n: "五" + "个" * (n - 1)),
    "numeral_measure": ("numerals and measure words (三个五项四条)", lambda n: _repeated(["三个五项四条"], n)),
    "measure_words": ("numerals and measure-word runs (五个项条方面)", lambda n: _repeated(["五个项条方面"], n)),
    "salutations": ("同志们： lines", lambda n: _repeated(["同志们：\n"], n)),
    "salutations_one_line": ("同志们：同志们：… on one line", lambda n: _repeated(["同志们："], n)),
    "ideographic_spaces": ("a line of U+3000", lambda n: "开会。\n" + "\u3000" * n + "\n今天开会。"),
    "zero_width": ("a run of zero-width spaces", lambda n: "开会。" + "\u200b" * n + "今天开会。"),
    "glosses": ("pinyin glosses 經(jīng)濟(jì)", lambda n: _repeated(["經(jīng)濟(jì)發(fā)展"], n)),
    "long_title": ("a title line of n characters, then a body", lambda n: "关于" + _repeated(["加强和改进"], n)
                   + "工作的通知\n" + _real()[:2000]),
    "glued_titles": ("a speech's title printed again and again on one line, then the body",
                     lambda n: _repeated(["在全区重点项目推进会上的讲话"], n) + "\n同志们：\n今天开会。"),
    "punctuation": ("only punctuation", lambda n: _repeated(["，。；：！？、“”（）《》——……"], n)),
    "short_lines": ("two-character lines", lambda n: _repeated(["加强\n"], n)),
    "formulations": ("quoted numbered formulations side by side", lambda n: _repeated(["“四个全面”“五位一体”"], n)),
    "quoted_list": ("a run of quotations parted by 、", lambda n: _repeated(["“加强建设”、"], n)),
}


class _Stopped(Exception):
    pass


def _alarm(signum, frame):
    raise _Stopped


def one_run(families, sizes, timeout):
    """``{family: [row per size]}`` in this process: CPU seconds per stage, a row
    ``{"n": size, "stopped": timeout}`` for a page stopped after ``timeout`` seconds (no larger
    size run after it), ``"error"`` for a page that raised."""
    import policy_nlp
    from policy_nlp.io.output import doc_to_json
    from policy_nlp.pipeline.tokenizer import make_plain_doc
    from policy_nlp.stages.normalize import prepare
    nlp = policy_nlp.load()
    policy_nlp.annotate("各位代表：\n现在，我代表国务院，向大会报告政府工作。一是加强建设，二是推进改革。", nlp)
    signal.signal(signal.SIGALRM, _alarm)
    results = {}
    for family in families:
        rows = results[family] = []
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:  # untimed: what the family's shape loads on first use (word lists, compiled patterns)
            policy_nlp.annotate(FAMILIES[family][1](1000), nlp)
        except (_Stopped, Exception):  # noqa: BLE001  (timed below)
            pass
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        for n in sorted({*sizes, *EXTRA_SIZES.get(family, ())}):
            text = FAMILIES[family][1](n)
            cpu = {}

            def timed(row, function, *args, **kwargs):
                start = time.process_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    cpu[row] = time.process_time() - start

            row = {"n": len(text)}
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                body, meta = timed("cleaning", prepare, text, {}, clean=True)
                if body.strip():
                    doc = timed("tokenizer", make_plain_doc, nlp, body)
                    doc._.id, doc._.meta = family, meta
                    for name, component in nlp.pipeline:
                        doc = timed(name, component, doc)
                    timed("json", doc_to_json, doc)
            except _Stopped:
                row["stopped"] = timeout
            except Exception as error:  # noqa: BLE001  (reported, the next page runs)
                row["error"] = f"{type(error).__name__}: {error}"[:200]
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            rows.append({**row, "cpu": cpu, "total": sum(cpu.values())})
            if "stopped" in row:
                break
    return results


def _run_tree(tree, args):
    """:func:`one_run` in a fresh process with ``tree`` first on ``PYTHONPATH``."""
    command = [sys.executable, __file__, "--one-run", "--timeout", str(args.timeout),
               "--families", *args.families, "--sizes", *map(str, args.sizes)]
    done = subprocess.run(command, env={**os.environ, "PYTHONPATH": tree}, cwd=tree, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{tree}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def _best(results):
    """Per family and size, the row of the fastest of several runs (a stopped page is the slowest)."""
    def seconds(row):
        return float("inf") if "stopped" in row else row["total"]
    best = {}
    for result in results:
        for family, rows in result.items():
            kept = best.setdefault(family, {})
            for row in rows:
                if row["n"] not in kept or seconds(row) < seconds(kept[row["n"]]):
                    kept[row["n"]] = row
    return {family: [kept[n] for n in sorted(kept)] for family, kept in best.items()}


def _cell(row):
    if "stopped" in row:
        return f">{row['stopped']:.0f} stop"
    return f"{row['total']:.2f}" + (" ERR" if "error" in row else "")


def table(this, other=None):
    """The lines of the table: per family and size, the total, its growth, the slowest stage."""
    lines = [f"{'family':22} {'chars':>9} {'total s':>9} {'x prev':>7}  {'slowest stage':22}"
             + (f" {'base s':>9} {'x prev':>7} {'this/base':>9}" if other else "")]
    for family, rows in this.items():
        base = {row["n"]: row for row in (other or {}).get(family, [])}
        previous = previous_base = None
        for row in rows:
            growth = f"{row['total'] / previous:.1f}" if previous and "stopped" not in row else ""
            slow = max(row["cpu"].items(), key=lambda kv: kv[1]) if row["cpu"] else ("", 0.0)
            line = f"{family:22} {row['n']:9,} {_cell(row):>9} {growth:>7}  {slow[0] + f' {slow[1]:.2f}':22}"
            if other:
                b = base.get(row["n"])
                if b:
                    growth_b = f"{b['total'] / previous_base:.1f}" if previous_base and "stopped" not in b else ""
                    ratio = f"{row['total'] / b['total']:.2f}" if "stopped" not in b and b["total"] else ""
                    line += f" {_cell(b):>9} {growth_b:>7} {ratio:>9}"
                    previous_base = b["total"] if "stopped" not in b else None
                else:
                    line += f" {'(not run)':>9}"
            lines.append(line)
            previous = row["total"]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--families", nargs="+", default=list(FAMILIES), choices=list(FAMILIES), metavar="FAMILY",
                        help="the pages to make (default: all): " + ", ".join(FAMILIES))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES), help="characters per page")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a page is stopped")
    parser.add_argument("--output", help="a JSON file for the figures")
    add_against_options(parser, pairs=1)
    args = parser.parse_args()
    if args.one_run:
        print(json.dumps(one_run(args.families, args.sizes, args.timeout)))
        return
    load = os.getloadavg()[0]
    trees = [str(ROOT)] + ([str(Path(args.against).resolve())] if args.against else [])
    runs = {tree: [] for tree in trees}
    for pair in range(args.pairs if args.against else 1):  # the checkouts take turns to go first
        for tree in (trees[::-1] if pair % 2 else trees):
            runs[tree].append(_run_tree(tree, args))
    this, other = (_best(runs[tree]) for tree in trees) if args.against else (runs[trees[0]][0], None)
    print(f"CPU seconds per page; {os.cpu_count()} cores, load average {load:.1f} at the start"
          + (f"; base = {args.against}" if other else ""))
    print("\n".join(table(this, other)))
    if args.output:
        Path(args.output).write_text(json.dumps({"mode": "pathological pages", "sizes": args.sizes,
                                                 "timeout": args.timeout, "against": args.against,
                                                 "this": this, "base": other}, indent=1) + "\n")


if __name__ == "__main__":
    main()
