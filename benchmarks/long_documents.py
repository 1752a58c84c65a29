"""Benchmark: one very long single-line document, stage by stage (issue 14).

The national government work reports (../shared/corpora/national/
government_work_reports.jsonl), line breaks removed and joined into one line,
repeated until the document has SIZE megabytes of UTF-8: a scraped book or a
concatenated corpus without a single line break, one paragraph for the
stages. Each size runs in a fresh subprocess: cleaning (``clean_text``), the
tokenizer (``nlp.make_doc``), then each stage of the default pipeline, timed
one by one; then the JSON line a corpus run writes. Peak memory is the
process's ru_maxrss (the loaded pipeline included), and "per MB" is the total
time divided by the size: it stays flat when time grows linearly.

    [POLICY_NLP_SHARED=../shared] .venv/bin/python benchmarks/long_documents.py [--sizes 1 3 30] [--out results/long_documents.json]
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
SHARED = Path(os.environ.get("POLICY_NLP_SHARED", ROOT.parent / "shared"))
NATIONAL = SHARED / "corpora" / "national" / "government_work_reports.jsonl"

CHILD = r"""
import json, resource, sys, time
megabytes, path = float(sys.argv[1]), sys.argv[2]
texts = [json.loads(line)["content"] for line in open(path, encoding="utf-8")]
one = "".join(t.replace("\n", "") for t in texts)
target = int(megabytes * 1_000_000)
per_char = len(one.encode("utf-8")) / len(one)
text = (one * (int(target / per_char / len(one)) + 1))[:int(target / per_char)]
import policy_nlp
from policy_nlp.io.output import doc_to_dict, dumps
from policy_nlp.stages.cleaning import clean_text
nlp = policy_nlp.load()
nlp("各位代表：现在，我代表国务院，向大会报告政府工作。")
times = {}
t = time.perf_counter(); text = clean_text(text).text; times["cleaning"] = time.perf_counter() - t
t = time.perf_counter(); doc = nlp.make_doc(text); times["tokenizer"] = time.perf_counter() - t
for name, stage in nlp.pipeline:
    t = time.perf_counter(); doc = stage(doc); times[name] = time.perf_counter() - t
t = time.perf_counter(); line = dumps(doc_to_dict(doc)); times["json"] = time.perf_counter() - t
print(json.dumps({"megabytes": len(text.encode("utf-8")) / 1e6, "chars": len(text), "tokens": len(doc),
                  "times": times, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(megabytes, env):
    out = subprocess.run([sys.executable, "-c", CHILD, str(megabytes), str(NATIONAL)],
                         capture_output=True, text=True, env=env)
    if out.returncode:
        raise RuntimeError(f"{megabytes} MB run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 3, 30], help="megabytes")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "long_documents.json"))
    args = parser.parse_args()
    if not NATIONAL.exists():
        sys.exit(f"{NATIONAL} not found (../shared is not beside the repo)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}; "
          f"load average at start {os.getloadavg()[0]:.2f}")
    results = []
    for megabytes in args.sizes:
        started = time.perf_counter()
        result = run(megabytes, env)
        result["wall_s"] = time.perf_counter() - started
        results.append(result)
        times = result["times"]
        total = sum(times.values())
        print(f"{result['megabytes']:6.1f} MB {result['chars']:>11,} chars {result['tokens']:>10,} tokens  "
              f"total {total:7.1f} s ({total / result['megabytes']:5.2f} s/MB)  "
              f"peak {result['peak_rss_mb']:6.0f} MB  | "
              + "  ".join(f"{name} {seconds:.1f}" for name, seconds in times.items()), flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"machine": platform.machine(), "cores": os.cpu_count(),
                                          "python": platform.python_version(), "results": results},
                                         indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
