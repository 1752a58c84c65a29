"""Cleaning a glossed Traditional page: its Simplified copy made once, not twice.

A page with pinyin glosses (會(huì)議) is cleaned on its text without them
(``stages.cleaning.clean._unglossed_removals``). Its Simplified copy was made
for ``wrap_breaks`` and then again for the text without glosses; it is now
made once, the view's copy taken from it (``clean._view_copy``: the copy
skips the glosses, so the two are the same characters). This benchmark cleans
the ``glossed`` and ``glossed_one_line`` copies of ``benchmarks/mangling.py``
(the 231 non-blind development excerpts) both ways in one process, rounds
interleaved, and reports CPU seconds and the ratio (best and median round),
after checking that both give the same results.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/glossed_cleaning.py [--rounds 5] [-o benchmarks/results/glossed_cleaning.json]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.mangling import dev_golds, gloss_readings, manglings  # noqa: E402
from policy_nlp.apps.evaluation import default_shared_root, gold_text  # noqa: E402
from policy_nlp.io.reading import normalize  # noqa: E402
from policy_nlp.stages.cleaning import clean, clean_text  # noqa: E402


def glossed_copies():
    """The ``glossed`` and ``glossed_one_line`` copies of the development excerpts, normalised."""
    table = manglings(gloss_readings(default_shared_root() / "corpora" / "local_speeches" / "excerpts.jsonl"))
    texts = [gold_text(gold) for gold in dev_golds()]
    return [normalize(table[name][0](text))[0] for name in ("glossed", "glossed_one_line") for text in texts]


def _converted_again(copy, positions):
    """The view's copy left to ``_removals`` to make again, as before."""
    return None


def compare(copies, rounds):
    """``{"once", "twice"}`` CPU seconds per round, and whether both ways give the same results."""
    ways = {"once": clean._view_copy, "twice": _converted_again}
    seconds, outputs = {name: [] for name in ways}, {}
    try:
        for _ in range(rounds):
            for name, view_copy in ways.items():
                clean._view_copy = view_copy
                started = time.process_time()
                results = [clean_text(text) for text in copies]
                seconds[name].append(time.process_time() - started)
                outputs[name] = results
    finally:
        clean._view_copy = ways["once"]
    return seconds, outputs["once"] == outputs["twice"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("-o", "--output")
    args = parser.parse_args(argv)
    copies = glossed_copies()
    seconds, same = compare(copies, args.rounds)
    result = {"texts": len(copies), "rounds": args.rounds, "same_results": same,
              "cpu_s": {name: [round(s, 3) for s in runs] for name, runs in seconds.items()},
              "ratio_best": round(min(seconds["once"]) / min(seconds["twice"]), 3),
              "ratio_median": round(statistics.median(seconds["once"]) / statistics.median(seconds["twice"]), 3)}
    print(json.dumps(result, indent=1))
    if args.output:
        Path(args.output).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
