"""Benchmark: policy_nlp's tokenizer and full pipeline vs raw pkuseg, same text, same run.

Each engine runs in a fresh subprocess (so load time and peak memory are its
own) on the paragraphs of the national government work reports
(../shared/corpora/national/government_work_reports.jsonl, over 1 M chars).
Reports load time, peak RSS and chars/s, and each as a ratio to raw pkuseg.

    .venv/bin/python benchmarks/pipeline.py [--limit CHARS] [--stages ...]
"""

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpora" / "national" / "government_work_reports.jsonl"

CHILD = r"""
import json, resource, sys, time
texts = json.load(open(sys.argv[1], encoding="utf-8"))
mode = sys.argv[2]
t0 = time.perf_counter()
if mode == "pkuseg":
    import pkuseg
    seg = pkuseg.pkuseg()
    run = lambda t: seg.cut(t)
else:
    import policy_nlp
    stages = json.loads(mode)
    nlp = policy_nlp.load(stages=stages, segmenter=sys.argv[3])
    nlp.tokenizer.words; nlp("预热。")   # load the segmenter and terms
    for name, stage in nlp.pipeline:  # load stage models (topic model) before timing
        if hasattr(stage, "model"):
            stage.model
    run = nlp
load = time.perf_counter() - t0
t1 = time.perf_counter()
for text in texts:
    run(text)
seconds = time.perf_counter() - t1
print(json.dumps({"load_s": load, "seconds": seconds,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(texts_path, mode, segmenter="pkuseg"):
    out = subprocess.run([sys.executable, "-c", CHILD, str(texts_path), mode, segmenter],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="use only the first CHARS characters")
    parser.add_argument("--segmenter", default="pkuseg")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results_pipeline.json"))
    args = parser.parse_args()
    if not NATIONAL.exists():
        sys.exit(f"{NATIONAL} not found: this benchmark needs ../shared beside the repo")
    texts = [json.loads(l)["content"] for l in NATIONAL.open(encoding="utf-8")]
    if args.limit:
        kept, total = [], 0
        for t in texts:
            if total >= args.limit:
                break
            kept.append(t)
            total += len(t)
        texts = kept
    chars = sum(len(t) for t in texts)
    tmp = Path("/tmp/policy_nlp_bench_texts.json")
    tmp.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    runs = {
        "raw pkuseg": measure(tmp, "pkuseg"),
        "tokenizer (policy terms)": measure(tmp, json.dumps([]), args.segmenter),
        "tokenizer + paragraphs": measure(tmp, json.dumps(["paragraphs"]), args.segmenter),
        "full pipeline": measure(tmp, json.dumps(["paragraphs", "slogans", "enumerations", "topics"]), args.segmenter),
    }
    base = runs["raw pkuseg"]["seconds"]
    print(f"machine: {platform.processor() or platform.machine()}, {__import__('os').cpu_count()} cores, "
          f"python {platform.python_version()}; input: {len(texts)} national reports, {chars:,} chars")
    print(f"{'engine':28} {'load s':>7} {'peak MB':>8} {'chars/s':>9} {'time vs raw pkuseg':>19}")
    for name, r in runs.items():
        r["chars_per_s"] = chars / r["seconds"]
        r["ratio"] = r["seconds"] / base
        print(f"{name:28} {r['load_s']:7.2f} {r['peak_rss_mb']:8.0f} {r['chars_per_s']:9,.0f} {r['ratio']:18.2f}x")
    Path(args.output).write_text(json.dumps({"chars": chars, "documents": len(texts), "runs": runs}, indent=1))


if __name__ == "__main__":
    main()
