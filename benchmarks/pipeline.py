"""Benchmark: policy_nlp's tokenizer and full pipeline vs raw pkuseg, same text, same run.

Input: the national government work reports (../shared/corpora/national/
government_work_reports.jsonl, 72 records, 1.12 M chars), each record one text.

1. Load time and peak memory: each configuration in a fresh subprocess
   (load the pipeline and its models, annotate one sentence; report wall time
   and ru_maxrss).
2. Speed: one process, every configuration run over the whole input in turn,
   ROUNDS times, interleaved so that a busy spell of the machine does not fall
   on one configuration only; the best round of each counts. Ratios are to raw
   pkuseg (``pkuseg.pkuseg().cut``) in the same process.

"tokenizer" is ``policy_nlp.load(stages=[])`` (pkuseg words, policy terms
merged, a spaCy Doc); "full pipeline" adds paragraphs, slogans, enumerations
and topics. Each runs with pkuseg itself as the engine and with the fast
engine (same output).

    .venv/bin/python benchmarks/pipeline.py [--limit CHARS] [--rounds 2]

3. ``--stages`` (issue 14): instead of 1 and 2, where the time of the full
   pipeline (fast engine) goes, stage by stage, with the JSON line a corpus
   run writes, against raw pkuseg and against the fast segmenter alone
   (``load_segmenter("fast").cut`` on each whole text), all in one process,
   interleaved over ROUNDS rounds (best round of each row). Times are CPU
   time of this process (``time.process_time``), so that other jobs on a
   shared machine weigh less; wall time is recorded beside it. Cleaning
   (``clean_text`` and the metadata a corpus run adds) is timed as its own
   row, outside the pipeline's total, as in the issue's figures.

    .venv/bin/python benchmarks/pipeline.py --stages [--rounds 3] [--output FILE]

4. ``--against TREE`` (issue 14's "three times the throughput"): the full
   pipeline's CPU time (as in 3, cleaning excluded) of this checkout and of
   another one (a folder put first on ``PYTHONPATH``: e.g. ``git archive
   3a97d2f`` unpacked, its extension built with ``python setup.py build_ext
   --inplace``), each in a fresh process, alternately, PAIRS times; each run
   takes its best of ROUNDS passes. On a shared machine one run can be 15%
   off the next: the ratio is reported best-to-best and median-to-median.

    .venv/bin/python benchmarks/pipeline.py --against /tmp/base3a --pairs 5 [--rounds 2]
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkouts import alternately  # noqa: E402  (beside this script)

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpora" / "national" / "government_work_reports.jsonl"
FULL = ["paragraphs", "slogans", "enumerations", "topics"]
CONFIGS = {  # name: (segmenter or None for raw pkuseg, stages)
    "raw pkuseg": (None, None),
    "tokenizer, pkuseg engine": ("pkuseg", []),
    "full pipeline, pkuseg engine": ("pkuseg", FULL),
    "tokenizer, fast engine": ("fast", []),
    "full pipeline, fast engine": ("fast", FULL),
}

LOAD_CHILD = r"""
import json, resource, sys, time
segmenter, stages = json.loads(sys.argv[1])
t0 = time.perf_counter()
if segmenter is None:
    import pkuseg
    pkuseg.pkuseg().cut("预热。")
else:
    import policy_nlp
    nlp = policy_nlp.load(stages=stages, segmenter=segmenter)
    nlp("各位代表：现在，我代表国务院，向大会报告政府工作。")
print(json.dumps({"load_s": time.perf_counter() - t0,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def load_and_memory(segmenter, stages):
    out = subprocess.run([sys.executable, "-c", LOAD_CHILD, json.dumps([segmenter, stages])],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def runner(segmenter, stages):
    if segmenter is None:
        import pkuseg
        seg = pkuseg.pkuseg()
        return seg.cut
    import policy_nlp
    nlp = policy_nlp.load(stages=stages, segmenter=segmenter)
    nlp("各位代表：现在，我代表国务院，向大会报告政府工作。")  # load models before timing
    return nlp


STAGE_ROWS = ("tokenizer", "paragraphs", "slogans", "enumerations", "topics", "json")


def stage_round(nlp, texts, clean):
    """One pass of the full pipeline over ``texts``: CPU and wall seconds per
    stage (tokenizer = ``nlp.make_doc``, json = the line a corpus run writes)."""
    from policy_nlp.io.output import doc_to_dict, dumps
    try:
        from policy_nlp.io.output import doc_to_json
    except ImportError:  # a checkout from before issue 14 (for the "before" figures)
        def doc_to_json(doc):
            return dumps(doc_to_dict(doc))
    from policy_nlp.stages.cleaning import clean_text
    from policy_nlp.stages.places import enrich_meta
    cpu = dict.fromkeys(("cleaning", *STAGE_ROWS), 0.0)
    wall = dict(cpu)

    def timed(row, function, *args):
        c0, w0 = time.process_time(), time.perf_counter()
        result = function(*args)
        cpu[row] += time.process_time() - c0
        wall[row] += time.perf_counter() - w0
        return result

    for text in texts:
        if clean:  # what annotate_record does before the pipeline (not in the total)
            timed("cleaning", lambda t: enrich_meta(dict(clean_text(t).meta), t), text)
        doc = timed("tokenizer", nlp.make_doc, text)
        for name, component in nlp.pipeline:
            doc = timed(name, component, doc)
        timed("json", doc_to_json, doc)
    return cpu, wall


def stages_main(args, texts, chars):
    """The per-stage table (``--stages``)."""
    from policy_nlp.segment.engines import load_segmenter
    nlp = runner("fast", FULL)
    if [name for name, _ in nlp.pipeline] != list(STAGE_ROWS[1:-1]):
        sys.exit(f"unexpected pipeline {nlp.pipe_names}")
    segment = load_segmenter("fast").cut
    pkuseg_cut = runner(None, None)
    rows = {name: {"cpu_s": [], "wall_s": []} for name in
            ("raw pkuseg", "segmenter alone (fast)", "cleaning", *STAGE_ROWS, "full pipeline")}

    def whole(function):
        c0, w0 = time.process_time(), time.perf_counter()
        for text in texts:
            function(text)
        return time.process_time() - c0, time.perf_counter() - w0

    for _ in range(args.rounds):
        for name, function in (("raw pkuseg", pkuseg_cut), ("segmenter alone (fast)", segment)):
            c, w = whole(function)
            rows[name]["cpu_s"].append(c)
            rows[name]["wall_s"].append(w)
        cpu, wall = stage_round(nlp, texts, clean=True)
        for name in cpu:
            rows[name]["cpu_s"].append(cpu[name])
            rows[name]["wall_s"].append(wall[name])
        rows["full pipeline"]["cpu_s"].append(sum(cpu[name] for name in STAGE_ROWS))
        rows["full pipeline"]["wall_s"].append(sum(wall[name] for name in STAGE_ROWS))
    pkuseg_s = min(rows["raw pkuseg"]["cpu_s"])
    segmenter_s = min(rows["segmenter alone (fast)"]["cpu_s"])
    print(f"{'':26} {'CPU s':>7} {'wall s':>7} {'chars/s':>11} {'/ raw pkuseg':>13} {'/ segmenter':>12}")
    for name, row in rows.items():
        row["cpu"] = min(row["cpu_s"])
        row["wall"] = min(row["wall_s"])
        row["chars_per_s"] = chars / row["cpu"] if row["cpu"] else None
        row["ratio_to_raw_pkuseg"] = row["cpu"] / pkuseg_s
        row["ratio_to_segmenter"] = row["cpu"] / segmenter_s
        label = name if name != "cleaning" else "(cleaning, not in total)"
        print(f"{label:26} {row['cpu']:7.2f} {row['wall']:7.2f} {row['chars_per_s']:11,.0f} "
              f"{row['ratio_to_raw_pkuseg']:12.3f}x {row['ratio_to_segmenter']:11.2f}x")
    print("(each row: its best round of CPU time; the full pipeline's rows sum to its total "
          "round by round, so the best rows need not add up exactly)")
    return {"mode": "stages", "rows": rows}


def pipeline_seconds(rounds, texts):
    """The full pipeline's best CPU seconds over ``rounds`` passes (``--full-only``)."""
    nlp = runner("fast", FULL)
    best = float("inf")
    for _ in range(rounds):  # one pass per round (the stage rows of that pass summed)
        cpu = stage_round(nlp, texts, clean=False)[0]
        best = min(best, sum(cpu[name] for name in STAGE_ROWS))
    return best


def against_main(args, chars):
    """``--against``: this checkout and ``args.against``, alternately, in fresh processes."""
    import statistics
    trees = {"this checkout": str(ROOT), args.against: str(Path(args.against).resolve())}
    runs = alternately(__file__, ["--full-only", "--rounds", str(args.rounds), "--limit", str(args.limit)],
                       trees, args.pairs, parse=lambda out: float(out.split()[-1]), seconds=lambda run: run)
    this, other = runs.values()
    best, median = min(other) / min(this), statistics.median(other) / statistics.median(this)
    print(f"full pipeline, CPU s best (median): this checkout {min(this):.2f} ({statistics.median(this):.2f}), "
          f"{args.against} {min(other):.2f} ({statistics.median(other):.2f}); this checkout's characters "
          f"per second: {best:.2f}x best to best, {median:.2f}x median to median "
          f"({chars / min(this):,.0f} against {chars / min(other):,.0f})")
    return {"mode": "against", "against": args.against, "cpu_s": runs, "ratio_best": best,
            "ratio_median": median}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="use only the first CHARS characters")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results" / "pipeline.json"))
    parser.add_argument("--stages", action="store_true",
                        help="per-stage table of the full pipeline (fast engine) instead")
    parser.add_argument("--against", metavar="TREE",
                        help="the full pipeline's time against another checkout's (see 4. above)")
    parser.add_argument("--pairs", type=int, default=5, help="--against: runs of each checkout")
    parser.add_argument("--full-only", action="store_true", help=argparse.SUPPRESS)  # one run of --against
    args = parser.parse_args()
    if not NATIONAL.exists():
        sys.exit(f"{NATIONAL} not found: this benchmark needs ../shared beside the repo")
    texts = [json.loads(line)["content"] for line in NATIONAL.open(encoding="utf-8")]
    if args.limit:
        kept, total = [], 0
        for text in texts:
            if total >= args.limit:
                break
            kept.append(text)
            total += len(text)
        texts = kept
    chars = sum(len(t) for t in texts)
    if args.full_only:
        print(pipeline_seconds(args.rounds, texts))
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}; "
          f"input: {len(texts)} national reports, {chars:,} chars; load average at start "
          f"{os.getloadavg()[0]:.2f}", flush=True)

    if args.against:
        out = against_main(args, chars)
        out.update(chars=chars, documents=len(texts), load_average_end=os.getloadavg())
        output = args.output if args.output != parser.get_default("output") else \
            str(ROOT / "benchmarks" / "results" / "pipeline_against.json")
        Path(output).write_text(json.dumps(out, indent=1))
        return
    if args.stages:
        out = stages_main(args, texts, chars)
        out.update(chars=chars, documents=len(texts), load_average_end=os.getloadavg())
        output = args.output if args.output != parser.get_default("output") else \
            str(ROOT / "benchmarks" / "results" / "pipeline_stages.json")
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(json.dumps(out, indent=1))
        return

    results = {name: load_and_memory(*config) for name, config in CONFIGS.items()}
    runners = {name: runner(*config) for name, config in CONFIGS.items()}
    for name in CONFIGS:
        results[name]["rounds_s"] = []
    for _ in range(args.rounds):
        for name, run in runners.items():
            t0 = time.perf_counter()
            for text in texts:
                run(text)
            results[name]["rounds_s"].append(time.perf_counter() - t0)
    base = min(results["raw pkuseg"]["rounds_s"])
    print(f"{'configuration':30} {'load s':>7} {'peak MB':>8} {'chars/s':>10} {'time / raw pkuseg':>18}")
    for name, r in results.items():
        r["seconds"] = min(r["rounds_s"])
        r["chars_per_s"] = chars / r["seconds"]
        r["ratio_to_raw_pkuseg"] = r["seconds"] / base
        print(f"{name:30} {r['load_s']:7.2f} {r['peak_rss_mb']:8.0f} {r['chars_per_s']:10,.0f} "
              f"{r['ratio_to_raw_pkuseg']:17.2f}x")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"chars": chars, "documents": len(texts), "results": results,
                                             "load_average_end": os.getloadavg()}, indent=1))


if __name__ == "__main__":
    main()
