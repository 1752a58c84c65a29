"""Start-up and scaling of the ``policy-nlp`` command, measured as a user sees it.

Two measurements, each command a fresh process, repeated round robin so that
the load of a shared machine falls on all of them alike:

* ``--startup``: the fixed cost of ``policy-nlp annotate`` on one short
  document (default pipeline, and without the topics stage) against
  ``python -c "import spacy; spacy.blank('zh')"`` and against importing
  scikit-learn alone (what the topics stage imports);
* ``--scaling``: the whole command on the national work reports (1.1 M
  characters) with ``--workers 1`` and ``--workers 2``, wall clock from start
  to exit, output compared byte for byte; with ``--dask`` also ``--backend dask`` and a
  bare 2-worker Dask ``LocalCluster`` started and closed (``python -c``);
* ``--ceiling``: what two processes can gain on this machine at all, as baselines
  for ``--workers 2``: a pure-Python loop run once in one process and as two
  halves in two processes at the same time; and the whole command with
  ``--workers 1`` on all the reports against two such commands started together,
  each on one half (half the characters): a split with no pool, no messages and
  no imbalance, whose start-up runs in parallel.

For every run: wall seconds, CPU seconds (user + system of the process and its
children) and the 1-minute load average just before it. The table gives the
best run and the median; best is the least disturbed by other jobs.

Usage::

    .venv/bin/python benchmarks/startup.py --startup --repeat 7 [--other ../main]
    .venv/bin/python benchmarks/startup.py --scaling --repeat 3 [--other ../main] [--dask]
    .venv/bin/python benchmarks/startup.py --scaling --ceiling --repeat 5
"""

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = "/work/shared/corpora/national/government_work_reports.jsonl"
SHORT = {"id": "one", "text": "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"}


def run(command, env=None):
    """(wall s, cpu s, load average before) of one command, which must succeed."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # From a neutral folder: ``python -m`` puts the current folder first on sys.path, so run
    # from a checkout it would import that checkout's policy_nlp whatever PYTHONPATH says.
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, load


def table(results, baseline, speedup=False):
    """Markdown: wall time as a multiple of the baseline's, or (``speedup``) the baseline's
    wall time divided by each command's."""
    best_base = min(w for w, _, _ in results[baseline])
    med_base = statistics.median(w for w, _, _ in results[baseline])
    cpu_base = min(c for _, c, _ in results[baseline])
    ratio = "speed-up vs first row" if speedup else "× the first row's time"
    rows = [f"| command | wall s: best (median) | {ratio}: best (median) | CPU s: best | load avg before runs |",
            "|---|---|---|---|---|"]
    for name, runs in results.items():
        walls, cpus = [w for w, _, _ in runs], [c for _, c, _ in runs]
        best, median = min(walls) / best_base, statistics.median(walls) / med_base
        if speedup:
            best, median = 1 / best, 1 / median
        rows.append(f"| {name} | {min(walls):.2f} ({statistics.median(walls):.2f}) | "
                    f"{best:.2f}× ({median:.2f}×) | "
                    f"{min(cpus):.2f} ({min(cpus) / cpu_base:.2f}×) | "
                    f"{min(l for _, _, l in runs):.1f}–{max(l for _, _, l in runs):.1f} |")
    return "\n".join(rows)


def startup(repeat, python, env, other=None):
    """Runs with this checkout and, when ``other`` is a checkout, its commands with that one too."""
    folder = Path(tempfile.mkdtemp(prefix="policy_nlp_startup_"))
    source = folder / "one.jsonl"
    source.write_text(json.dumps(SHORT, ensure_ascii=False) + "\n", encoding="utf-8")
    cli = [python, "-m", "policy_nlp.cli", "annotate", str(source), "-q", "--no-resume"]
    commands = {
        "python -c \"import spacy; spacy.blank('zh')\"": ([python, "-c", "import spacy; spacy.blank('zh')"], env),
        "python -c \"import sklearn.base\"": ([python, "-c", "import sklearn.base"], env),
    }
    checkouts = [("", env)] + ([(f" [{other}]", {**env, "PYTHONPATH": other})] if other else [])
    for label, checkout_env in checkouts:
        commands[f"policy-nlp annotate one.jsonl (default pipeline){label}"] = (
            cli + ["-o", str(folder / f"all{len(commands)}")], checkout_env)
        commands[f"policy-nlp annotate one.jsonl --stages paragraphs,slogans,enumerations{label}"] = (
            cli + ["-o", str(folder / f"no_topics{len(commands)}"), "--stages", "paragraphs,slogans,enumerations"],
            checkout_env)
    results = {name: [] for name in commands}
    for name, (command, command_env) in commands.items():  # a first run (page cache, bytecode), not counted
        run(command, command_env)
    for _ in range(repeat):
        for name, (command, command_env) in commands.items():
            results[name].append(run(command, command_env))
    shutil.rmtree(folder)
    return results, next(iter(commands))


CLUSTER = ("import dask\n"
           "from distributed import Client, LocalCluster\n"
           "with dask.config.set({'distributed.worker.multiprocessing-method': '%s'}):\n"
           "    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host='127.0.0.1',"
           " dashboard_address=None, silence_logs=40)\n"
           "Client(cluster).close(); cluster.close()\n")


def scaling(repeat, python, env, source, other=None, dask=False):
    """Runs with this checkout and, when ``other`` is a checkout, with that one too; with
    ``dask``, also the Dask backend on a 2-worker local cluster and the start-up of such a
    cluster alone (started and closed, nothing loaded on it), its workers spawned (Dask's
    default) and forked (what the backend does on a system that forks)."""
    folder = Path(tempfile.mkdtemp(prefix="policy_nlp_scaling_"))
    results, hashes = {}, set()
    checkouts = [("", env)] + ([(f" [{other}]", {**env, "PYTHONPATH": other})] if other else [])
    source_one = folder / "one.jsonl"
    source_one.write_text(json.dumps(SHORT, ensure_ascii=False) + "\n", encoding="utf-8")
    for _, checkout_env in checkouts:  # a first run to compile the bytecode, not counted
        run([python, "-m", "policy_nlp.cli", "annotate", str(source_one), "-q", "--no-resume",
             "-o", str(folder / "warm")], checkout_env)
    variants = [("--workers 1", ["--workers", "1"]), ("--workers 2", ["--workers", "2"])]
    if dask:
        variants.append(("--workers 2 --backend dask", ["--workers", "2", "--backend", "dask"]))
    for _ in range(repeat):
        for label, checkout_env in checkouts:
            for name, options in variants:
                out = folder / "out"
                command = [python, "-m", "policy_nlp.cli", "annotate", source, "--text-column", "content",
                           "--id-column", "title", "-o", str(out), "--no-resume", "-q", *options]
                results.setdefault(f"policy-nlp annotate national reports {name}{label}", []).append(
                    run(command, checkout_env))
                hashes.add((label, hashlib.sha1((out / "annotations.jsonl").read_bytes()).hexdigest()))
        if dask:  # Dask's default start method, and the one the backend uses where it can
            for method in ("spawn", "fork"):
                results.setdefault(f"a 2-worker Dask LocalCluster ({method}): start and close", []).append(
                    run([python, "-c", CLUSTER % method], env))
    shutil.rmtree(folder)
    return results, next(iter(results)), hashes


SPIN = "s = 0\nfor i in range(%d):\n    s += i * i\n"
SPIN_STEPS = 40_000_000


def run_together(commands, env):
    """(wall s until the last one ends, cpu s of all, load average before) of commands started at once."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    running = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                cwd=tempfile.gettempdir()) for c in commands]
    for command, process in zip(commands, running):
        if process.wait() != 0:
            raise SystemExit(f"{command} failed ({process.returncode}):\n{process.stderr.read()}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), load


def halves(source, folder):
    """The input's rows in two files of about half the characters each (largest first, each
    to the lighter half): the best static split two workers could be given."""
    rows = [line for line in Path(source).read_text(encoding="utf-8").splitlines() if line.strip()]
    parts, sizes = ([], []), [0, 0]
    for line in sorted(rows, key=len, reverse=True):
        lighter = sizes.index(min(sizes))
        parts[lighter].append(line)
        sizes[lighter] += len(line)
    paths = []
    for k, part in enumerate(parts):
        paths.append(folder / f"half{k}.jsonl")
        paths[-1].write_text("\n".join(part) + "\n", encoding="utf-8")
    return paths


def ceiling(repeat, python, env, source):
    """The machine's own two-process speed-ups (see the module's docstring)."""
    folder = Path(tempfile.mkdtemp(prefix="policy_nlp_ceiling_"))
    halves_ = halves(source, folder)

    def annotate(path, out):
        return [python, "-m", "policy_nlp.cli", "annotate", str(path), "--text-column", "content",
                "--id-column", "title", "-o", str(folder / out), "--no-resume", "-q", "--workers", "1"]
    variants = {
        "pure-Python loop, one process": [[python, "-c", SPIN % SPIN_STEPS]],
        "the same loop as two halves, two processes at once": [[python, "-c", SPIN % (SPIN_STEPS // 2)]] * 2,
        "policy-nlp annotate national reports --workers 1": [annotate(source, "all")],
        "two policy-nlp annotate --workers 1 at once, each on one half": [
            annotate(halves_[0], "a"), annotate(halves_[1], "b")],
    }
    run_together(variants["policy-nlp annotate national reports --workers 1"], env)  # bytecode, page cache
    results = {name: [] for name in variants}
    for _ in range(repeat):
        for name, commands in variants.items():
            results[name].append(run_together(commands, env))
    shutil.rmtree(folder)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--startup", action="store_true")
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--ceiling", action="store_true",
                        help="the machine's own two-process speed-ups, as baselines for --workers 2")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--input", default=REPORTS)
    parser.add_argument("--other", help="also run the policy-nlp commands with this checkout (a folder put "
                                        "on PYTHONPATH), in the same round robin")
    parser.add_argument("--dask", action="store_true",
                        help="--scaling: also the Dask backend (2-worker LocalCluster) and the cluster's start-up")
    parser.add_argument("--json", help="save the raw runs here")
    args = parser.parse_args()
    # Compiled bytecode, as an installed package has it: with PYTHONDONTWRITEBYTECODE (set in
    # some sandboxes) every run would compile policy_nlp's sources again (~0.1 s). The .pyc
    # files go to a folder of their own (for every command alike), not into the checkouts.
    cache = tempfile.mkdtemp(prefix="policy_nlp_pycache_")
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": cache}
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; "
          f"python {sys.version.split()[0]}")
    raw = {}
    if args.startup:
        results, baseline = startup(args.repeat, sys.executable, env, args.other)
        raw["startup"] = results
        print(table(results, baseline))
    if args.scaling:
        results, baseline, hashes = scaling(args.repeat, sys.executable, env, args.input, args.other, args.dask)
        raw["scaling"] = results
        print(table(results, baseline, speedup=True))
        print("outputs byte-identical across runs and workers"
              + (" (of each checkout)" if args.other else "") + f": {len(hashes) == len({l for l, _ in hashes})}")
    if args.ceiling:
        results = ceiling(args.repeat, sys.executable, env, args.input)
        raw["ceiling"] = results
        names = list(results)
        print(table({k: results[k] for k in names[:2]}, names[0], speedup=True))
        print(table({k: results[k] for k in names[2:]}, names[2], speedup=True))
    if args.json:
        Path(args.json).write_text(json.dumps(raw, indent=1), encoding="utf-8")
    shutil.rmtree(cache)


if __name__ == "__main__":
    main()
