"""Benchmark: a corpus run's CPU time stage by stage, this checkout against another.

What ``policy-nlp annotate`` does per document, timed in one process with
``time.process_time`` (other jobs on a shared machine weigh less than on wall
time): ``read`` (``read_inputs``: rows parsed, texts normalised and hashed),
``cleaning`` (``stages.normalize.prepare``: page furniture, title block,
metadata), ``tokenizer`` (``make_plain_doc``), each pipeline component (the
slogans component also reads the title), and ``json`` (``doc_to_json``).
Unlike ``pipeline.py --stages``, the Doc carries the document's metadata, so
what the stages read from its title is in the figures. Each run takes each
row's best of ROUNDS passes; with ``--against TREE`` this checkout and TREE
(a folder put first on ``PYTHONPATH``) alternate in fresh processes, PAIRS
times, and the table gives each row's best and median run for both.

    .venv/bin/python benchmarks/corpus_stages.py INPUT [--text-column text] \\
        [--against TREE --pairs 4] [--rounds 3] [--output FILE]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkouts import add_against_options, alternately  # noqa: E402  (beside this script)

ROOT = Path(__file__).resolve().parent.parent


def one_run(inputs, text_column, rounds):
    """Best CPU seconds per row over ``rounds`` passes, in this process."""
    import policy_nlp
    from policy_nlp.io.corpus import read_inputs
    from policy_nlp.io.output import doc_to_json
    from policy_nlp.pipeline.tokenizer import make_plain_doc
    from policy_nlp.stages.normalize import prepare
    nlp = policy_nlp.load()
    best = {}
    for _ in range(rounds):
        cpu = {}

        def timed(row, function, *args, **kwargs):
            start = time.process_time()
            result = function(*args, **kwargs)
            cpu[row] = cpu.get(row, 0.0) + time.process_time() - start
            return result

        records = timed("read", lambda: [r for r in read_inputs(inputs, text_column=text_column)
                                         if not isinstance(r, Exception)])
        for record in records:
            text, meta = timed("cleaning", prepare, record.text, record.meta, clean=True, normalized=True)
            if not text.strip():
                continue
            doc = timed("tokenizer", make_plain_doc, nlp, text)
            doc._.id, doc._.meta = record.id, meta
            for name, component in nlp.pipeline:
                doc = timed(name, component, doc)
            timed("json", doc_to_json, doc)
        cpu["total"] = sum(cpu.values())
        for row, seconds in cpu.items():
            best[row] = min(best.get(row, float("inf")), seconds)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output")
    add_against_options(parser)
    args = parser.parse_args()
    inputs = [str(Path(p).resolve()) for p in args.inputs]
    if args.one_run or not args.against:
        best = one_run(inputs, args.text_column, args.rounds)
        print(json.dumps(best))
        return
    trees = {"this checkout": str(ROOT), args.against: str(Path(args.against).resolve())}
    runs = alternately(__file__, [*inputs, "--text-column", args.text_column, "--rounds", str(args.rounds), "--one-run"],
                       trees, args.pairs, parse=lambda out: json.loads(out.splitlines()[-1]),
                       seconds=lambda run: run["total"])
    this, other = runs.values()
    rows = list(dict.fromkeys([*this[0], *other[0]]))
    table = {}
    print(f"{'CPU s':14} {'this best':>10} {'other best':>11} {'ratio':>6}   {'this med':>9} {'other med':>10} {'ratio':>6}")
    for row in rows:
        a = [run.get(row, 0.0) for run in this]
        b = [run.get(row, 0.0) for run in other]
        table[row] = {"this": a, "other": b}
        ratio_best = min(a) / min(b) if min(b) else float("nan")
        ratio_median = statistics.median(a) / statistics.median(b) if statistics.median(b) else float("nan")
        print(f"{row:14} {min(a):10.3f} {min(b):11.3f} {ratio_best:5.2f}x   {statistics.median(a):9.3f} "
              f"{statistics.median(b):10.3f} {ratio_median:5.2f}x")
    print("(ratio: this checkout's time over the other's; above 1 is slower)")
    if args.output:
        Path(args.output).write_text(json.dumps({"mode": "corpus stages against", "inputs": inputs,
                                                 "against": args.against, "rounds": args.rounds,
                                                 "cpu_s": table}, indent=1) + "\n")


if __name__ == "__main__":
    main()
