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
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="use only the first CHARS characters")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results" / "pipeline.json"))
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
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}; "
          f"input: {len(texts)} national reports, {chars:,} chars; load average at start "
          f"{os.getloadavg()[0]:.2f}", flush=True)

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
