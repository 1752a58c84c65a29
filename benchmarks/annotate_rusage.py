"""One ``policy-nlp annotate`` run of a checkout: CPU, wall and memory of the whole process tree.

    python benchmarks/annotate_rusage.py TREE RESULT.json -- INPUT -q --workers 2 --no-resume -o OUT.jsonl

TREE is put first on ``PYTHONPATH`` (this checkout, or another one with its compiled segmenter
copied in) and the command runs from it under ``/usr/bin/time -v``: CPU (user + system) of the
process and the children it reaped, wall time, and the peak RSS of the largest single process
(not a sum). Meanwhile psutil (installed with Dask) samples the process tree every 0.25 s and keeps the peak sums of
RSS and of PSS over all its processes (PSS counts pages shared copy-on-write once; RSS counts them
in every process). A local Dask cluster's workers are not reaped by the command: their CPU is
missing from the CPU figure, their memory is in the sums. The result (also the load average
before and after, and a hash of the sorted output lines) is printed and written to RESULT.json.
Run two checkouts alternately, several rounds, and compare best and median
(docs/benchmarks.md, "The twenty-second session: main against 2efe8c4").
"""

import hashlib
import json
import os
import subprocess
import sys
import time

import psutil


def tree_memory(root, skip):
    """Sums of RSS and PSS (bytes) and the count of ``root``'s processes, ``skip`` left out."""
    rss = pss = count = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:  # the command has just ended
        return 0, 0, 0
    for proc in procs:
        if proc.pid == skip:
            continue
        try:
            memory = proc.memory_full_info()
        except psutil.Error:  # ended between listing and reading
            continue
        rss, pss, count = rss + memory.rss, pss + memory.pss, count + 1
    return rss, pss, count


def main():
    tree, result_path = sys.argv[1], sys.argv[2]
    args = sys.argv[sys.argv.index("--") + 1:]
    time_file = result_path + ".time"
    load_before = os.getloadavg()
    proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", time_file, sys.executable, "-m", "policy_nlp.cli",
                             "annotate", *args], cwd=tree, env=dict(os.environ, PYTHONPATH=tree))
    root = psutil.Process(proc.pid)
    peak_rss = peak_pss = peak_count = 0
    while proc.poll() is None:
        rss, pss, count = tree_memory(root, skip=proc.pid)  # /usr/bin/time itself left out
        peak_rss, peak_pss, peak_count = max(peak_rss, rss), max(peak_pss, pss), max(peak_count, count)
        time.sleep(0.25)
    fields = dict(line.strip().rpartition(": ")[::2] for line in open(time_file))
    wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    result = {"rc": proc.returncode, "user_s": float(fields["User time (seconds)"]),
              "sys_s": float(fields["System time (seconds)"]),
              "wall_s": sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall))),
              "maxrss_mb": int(fields["Maximum resident set size (kbytes)"]) / 1024,
              "tree_rss_sum_peak_mb": peak_rss / 2**20, "tree_pss_sum_peak_mb": peak_pss / 2**20,
              "max_processes": peak_count, "load_before": load_before, "load_after": os.getloadavg()}
    result["cpu_s"] = result["user_s"] + result["sys_s"]
    output = args[args.index("-o") + 1]
    if os.path.isfile(output):
        lines = sorted(open(output, encoding="utf-8").read().splitlines())
        result["docs"] = len(lines)
        result["sha1_sorted"] = hashlib.sha1("\n".join(lines).encode()).hexdigest()[:12]
    with open(result_path, "w") as handle:
        json.dump(result, handle)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
