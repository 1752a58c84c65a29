"""Benchmark corpus runs: the process pool vs Dask, 1 vs 2 workers, memory per worker.

Each configuration runs in a fresh Python process (nothing cached between
them) that

1. reads the corpus (``policy_nlp.io.corpus.read_inputs``);
2. loads the model: for the process pool, the pipeline in the parent before the
   pool forks (what ``policy_nlp.run.batch`` does); for Dask, a ``LocalCluster``
   of single-threaded worker processes on loopback, started as a run starts it
   (``dask_backend.checked_cluster``: the pipeline checked here while the workers
   start from a fork server and load it) — timed separately as "load";
3. annotates the corpus with ``annotate_corpus`` into a JSONL file (the same
   code path as ``policy-nlp annotate``) — timed as "annotate";

while a sampler thread reads ``/proc/PID/smaps_rollup`` and ``/proc/PID/status``
of every worker process every 0.2 s: peak RSS (VmHWM), and the peak PSS and
USS (private clean + private dirty) seen. USS is what a worker costs on its
own; with copy-on-write sharing of pkuseg's model after fork it stays far below
RSS. The outputs of all configurations are compared (sha1) to check that they
are byte-identical.

Usage::

    .venv/bin/python benchmarks/batch.py                    # all configurations
    .venv/bin/python benchmarks/batch.py --configs processes:2,dask:2 --limit 10

Results are printed as a Markdown table and saved as JSON (``--json``).
"""

import argparse
import contextlib
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

START = time.time()
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = "/work/shared/corpora/national/government_work_reports.jsonl"
CONFIGS = ("processes:1,processes:2,dask:1,dask:2,"
           "processes:1:pkuseg,processes:2:pkuseg,processes:2:pkuseg:freeze,dask:2:pkuseg")


# --- memory of the worker processes -----------------------------------------

def _smaps(pid):
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[-1] == "kB":
                values[parts[0].rstrip(":")] = int(parts[1]) * 1024
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                values["VmHWM"] = int(line.split()[1]) * 1024
    return values


class MemorySampler(threading.Thread):
    """Peak RSS/PSS/USS of every descendant process (and of this one)."""

    def __init__(self, every=0.2):
        super().__init__(daemon=True)
        self.every, self.peaks, self.stopped = every, {}, threading.Event()

    def sample(self):
        import psutil
        me = psutil.Process()
        for proc in [me, *me.children(recursive=True)]:
            try:
                values = _smaps(proc.pid)
                name = " ".join(proc.cmdline()[:3])[-60:]
                cpu = proc.cpu_times()
            except (OSError, psutil.Error):
                continue
            peak = self.peaks.setdefault(proc.pid, {"name": name, "main": proc.pid == me.pid})
            peak["cpu_s"] = cpu.user + cpu.system  # the last value seen
            peak["rss"] = max(peak.get("rss", 0), values.get("VmHWM", values.get("Rss", 0)))
            peak["pss"] = max(peak.get("pss", 0), values.get("Pss", 0))
            peak["uss"] = max(peak.get("uss", 0),
                              values.get("Private_Clean", 0) + values.get("Private_Dirty", 0))

    def run(self):
        while not self.stopped.is_set():
            self.sample()
            time.sleep(self.every)

    def stop(self):
        self.stopped.set()
        self.join()
        self.sample()
        return self.peaks


# --- one configuration, in this process ---------------------------------------

def run_one(args):
    backend, workers, *flags = args.one.split(":")
    workers = int(workers)
    import policy_nlp  # noqa: F401
    from policy_nlp.run import batch, worker
    from policy_nlp.run import dask_backend as distributed
    from policy_nlp.io.corpus import read_inputs

    from policy_nlp.segment.engines import DEFAULT_SEGMENTER
    settings = {"lexicon": not args.no_lexicon, "clean": not args.no_clean,
                "segmenter": "pkuseg" if "pkuseg" in flags else DEFAULT_SEGMENTER}
    if args.stages:
        settings["stages"] = args.stages.split(",")
    read_options = {"text_column": args.text_column, "id_column": args.id_column}
    t = time.time()
    records = [r for r in read_inputs([args.input], **read_options) if hasattr(r, "text")]
    if args.limit:
        records = records[:args.limit]
    chars = sum(len(r.text) for r in records)
    source = Path(args.workdir) / f"input-{args.limit or 'all'}.jsonl"
    if not source.exists():
        source.write_text("".join(json.dumps({"id": r.id, "text": r.text}, ensure_ascii=False) + "\n"
                                  for r in records), encoding="utf-8")
    read_seconds = time.time() - t

    sampler = MemorySampler()
    sampler.start()
    t = time.time()
    cluster = None
    if backend == "processes":
        # As annotate_corpus does before forking (it then finds it loaded).
        worker.load_pipeline({**settings, "format": "jsonl"})
        if "freeze" in flags:
            import gc
            gc.freeze()  # keep the cyclic GC from writing to inherited pages
    else:
        # Started as annotate_corpus starts it (workers forked once this process has loaded
        # the pipeline, where the system forks); the run below uses it instead of starting one.
        cluster = distributed.checked_cluster({**settings, "format": "jsonl"}, workers)
        client = cluster.__enter__()
        distributed.checked_cluster = lambda *args, **kwargs: contextlib.nullcontext(client)
    load_seconds = time.time() - t

    output = Path(args.workdir) / f"{args.one.replace(':', '-')}-{args.round}.jsonl"
    import psutil
    cpu0 = sum(psutil.Process().cpu_times()[:2])
    t = time.time()
    summary = batch.annotate_corpus(
        [source], output, workers=workers, backend=backend, resume=False,
        batch_chars=args.batch_chars, quiet=True, read_options={"text_column": "text", "id_column": "id"},
        **settings)
    annotate_seconds = time.time() - t
    main_cpu = sum(psutil.Process().cpu_times()[:2]) - cpu0
    peaks = sampler.stop()
    if cluster is not None:
        cluster.__exit__(None, None, None)
    main_pid = os.getpid()
    worker_peaks = [p for pid, p in peaks.items() if pid != main_pid and p.get("rss", 0) > 200 * 2**20]
    return {
        "config": args.one, "backend": backend, "workers": workers, "flags": flags,
        "documents": len(records), "chars": chars, "done": summary.done, "failed": summary.failed,
        "read_s": read_seconds, "load_s": load_seconds, "annotate_s": annotate_seconds,
        "chars_per_s": chars / annotate_seconds, "total_s": time.time() - START,
        "main": peaks[main_pid], "main_annotate_cpu_s": main_cpu, "workers_mem": worker_peaks,
        "sha1": hashlib.sha1(output.read_bytes()).hexdigest(),
        "first_failure": summary.failures[0] if summary.failures else None,
        "loadavg_before": args.loadavg,
    }


# --- all configurations ----------------------------------------------------------

def forwarded(argv):
    """The options a child gets: all but --configs, --repeat and --json."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        name = arg.split("=")[0]
        if name in ("--configs", "--repeat", "--json"):
            skip = "=" not in arg
            continue
        out.append(arg)
    return out


def summarise(config, runs):
    """The best run of a configuration (its memory too), with the median annotation time."""
    import statistics
    best = min(runs, key=lambda r: r["annotate_s"])
    result = dict(best)
    result["annotate_median_s"] = statistics.median(r["annotate_s"] for r in runs)
    result["chars_per_s_median"] = best["chars"] / result["annotate_median_s"]
    result["runs"] = len(runs)
    result["loadavg_before"] = ", ".join(r["loadavg_before"].split()[0] for r in runs)
    return result


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem / 2**20, 1),
            "python": platform.python_version(), "platform": platform.platform()}


def mb(n):
    return f"{n / 2**20:,.0f}"


def table(results):
    def base_key(r):
        return (r["backend"], "pkuseg" in r["flags"])
    base = {base_key(r): r for r in results if r["workers"] == 1}
    rows = ["| config | segmenter | load s | annotate s: best (median) | chars/s: best (median) "
            "| speed-up vs 1 worker: best (median) | main peak RSS MB "
            "| per worker: peak RSS / PSS / USS MB | CPU s of the annotating processes | 1-min load avg before each run |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        one = base.get(base_key(r))
        if one:
            speedup = (f"{one['annotate_s'] / r['annotate_s']:.2f}× "
                       f"({one['annotate_median_s'] / r['annotate_median_s']:.2f}×)")
        else:
            speedup = "–"
        workers = "; ".join(f"{mb(w['rss'])} / {mb(w['pss'])} / {mb(w['uss'])}" for w in r["workers_mem"])
        cpu = sum(w.get("cpu_s", 0) for w in r["workers_mem"]) or r["main_annotate_cpu_s"]
        rows.append(f"| {r['backend']}:{r['workers']}{' (gc.freeze)' if 'freeze' in r['flags'] else ''} "
                    f"| {'pkuseg' if 'pkuseg' in r['flags'] else 'fast'} | {r['load_s']:.1f} "
                    f"| {r['annotate_s']:.1f} ({r['annotate_median_s']:.1f}) "
                    f"| {r['chars_per_s']:,.0f} ({r['chars_per_s_median']:,.0f}) | {speedup} "
                    f"| {mb(r['main']['rss'])} | {workers or '(work done in the main process)'} "
                    f"| {cpu:.1f} | {r['loadavg_before']} |")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", default=DEFAULT_INPUT)
    parser.add_argument("--text-column", default="content")
    parser.add_argument("--id-column", default="title")
    parser.add_argument("--configs", default=CONFIGS,
                        help=f"comma-separated backend:workers[:pkuseg][:freeze] (default {CONFIGS})")
    parser.add_argument("--batch-chars", type=int, default=50_000)
    parser.add_argument("--stages", help="comma-separated stages (default: all)")
    parser.add_argument("--no-lexicon", action="store_true")
    parser.add_argument("--no-clean", action="store_true")
    parser.add_argument("--limit", type=int, help="only the first N documents (smoke test)")
    parser.add_argument("--json", default=None, help="save the results here")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    parser.add_argument("--loadavg", help=argparse.SUPPRESS)
    parser.add_argument("--round", default="0", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every configuration N times (round robin) and report the best and "
                             "the median: on a shared machine the best is the least disturbed run")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args)))
        return 0

    runs = {}
    with tempfile.TemporaryDirectory(prefix="policy-nlp-bench-") as workdir:
        for round in range(args.repeat):
            for config in args.configs.split(","):
                loadavg = " ".join(f"{x:.1f}" for x in os.getloadavg())
                child = [sys.executable, __file__, "--one", config, "--workdir", workdir, "--loadavg", loadavg,
                         "--round", str(round), *forwarded(sys.argv[1:])]
                t = time.time()
                done = subprocess.run(child, capture_output=True, text=True)
                if done.returncode:
                    print(done.stderr, file=sys.stderr)
                    return 1
                result = json.loads(done.stdout.strip().splitlines()[-1])
                result["process_wall_s"] = time.time() - t
                if result["failed"]:
                    print(f"{config}: {result['failed']} documents failed: {result['first_failure']}",
                          file=sys.stderr)
                    return 1
                runs.setdefault(config, []).append(result)
                print(f"round {round} {config}: {result['annotate_s']:.1f} s annotating, "
                      f"{result['chars_per_s']:,.0f} chars/s, load {result['load_s']:.1f} s, "
                      f"process {result['process_wall_s']:.1f} s, load avg {loadavg}", file=sys.stderr)
    results = [summarise(config, rs) for config, rs in runs.items()]
    same = len({r["sha1"] for rs in runs.values() for r in rs}) == 1
    report = {"machine": machine(), "command": " ".join([Path(sys.executable).name, *sys.argv]),
              "batch_chars": args.batch_chars, "repeat": args.repeat, "identical_outputs": same,
              "results": results, "runs": runs}
    print(f"machine: {report['machine']}")
    print(f"input: {args.input}: {results[0]['documents']} documents, {results[0]['chars']:,} characters")
    print(f"outputs byte-identical across configurations: {same}")
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
