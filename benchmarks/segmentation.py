"""Segmentation speed, load time and memory: pkuseg vs fastseg (vs jieba).

Each engine runs in a fresh subprocess per corpus, so load time and peak
resident memory are its own. The parent checks fastseg's output against
pkuseg's, unit for unit (a hash of each unit's token list).

    .venv/bin/python benchmarks/segmentation.py                    # all
    .venv/bin/python benchmarks/segmentation.py --corpora seed --passes 5
    .venv/bin/python benchmarks/segmentation.py --conversion       # + one-off model conversion cost

Corpora (cut paragraph by paragraph, as the tokenizer stage does):
  seed      the seed speech's paragraphs (corpora/000_49f5c10d9eda79ac.txt),
            repeated --seed-repeat times (default 120)
  national  every paragraph of ../shared/corpora/national/*.jsonl "content"
            (skipped when ../shared is absent)

Speed is characters (whitespace included) per second of wall-clock time,
the best of --passes passes (pkuseg: --pkuseg-passes, default 1, because a
pass over the national reports takes a minute); the CPU-time rate is given
too, since the machine may be shared. Load is the time from before the
engine's import to a ready segmenter (fastseg with its converted model
already cached; --conversion measures the one-off conversion in a fresh
cache directory). Memory is the process's peak resident set (ru_maxrss)
after loading and the timed passes (whose outputs are dropped as they come;
an untimed pass afterwards hashes every unit's tokens for the equality
check); fastseg's model file is memory-mapped and its pages count once
touched.
"""

import argparse
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "000_49f5c10d9eda79ac.txt"
SHARED = Path(os.environ.get("POLICY_NLP_SHARED", ROOT.parent / "shared"))
NATIONAL = SHARED / "corpora" / "national"

ENGINES = {
    "pkuseg": "pkuseg 0.0.25 (default model + dictionary)",
    "fast": "fastseg, C extension",
    "fast-python": "fastseg, pure-Python fallback",
    "jieba": "jieba (default, HMM on)",
}


# ------------------------------------------------------------------ worker --

def _load(engine):
    if engine == "pkuseg":
        import pkuseg
        return pkuseg.pkuseg().cut
    if engine in ("fast", "fast-python"):
        # Import the subpackage alone: policy_nlp/__init__ loads spaCy and
        # the pipeline (about 2 s and 110 MB), which is not the segmenter's.
        if "policy_nlp" not in sys.modules:
            import types
            pkg = types.ModuleType("policy_nlp")
            pkg.__path__ = [str(ROOT / "policy_nlp")]
            sys.modules["policy_nlp"] = pkg
        from policy_nlp.segment.fastseg import FastSegmenter
        seg = FastSegmenter(pure=(engine == "fast-python"))
        return seg.cut
    if engine == "jieba":
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()
        return jieba.lcut
    raise ValueError(engine)


def _rss_now_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _unit_hash(tokens):
    return hashlib.blake2b("\x00".join(tokens).encode("utf-8", "surrogatepass"),
                           digest_size=8).hexdigest()


def worker(engine, units_path, passes):
    with open(units_path, encoding="utf-8") as f:
        units = json.load(f)
    chars = sum(map(len, units))
    t0 = time.perf_counter()
    cut = _load(engine)
    load = time.perf_counter() - t0
    rss_loaded = _rss_now_kb()
    walls, cpus = [], []
    for _ in range(passes):         # outputs are dropped as they come
        w0, c0 = time.perf_counter(), time.process_time()
        for u in units:
            cut(u)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hashes, tokens = [], 0          # untimed pass for the equality check
    for u in units:
        t = cut(u)
        tokens += len(t)
        hashes.append(_unit_hash(t))
    json.dump({
        "engine": engine, "units": len(units), "chars": chars,
        "tokens": tokens, "load_s": load,
        "rss_loaded_mb": rss_loaded / 1024,
        "peak_rss_mb": peak / 1024,
        "wall_s": walls, "cpu_s": cpus,
        "chars_per_s": chars / min(walls),
        "chars_per_s_median": chars / statistics.median(walls),
        "chars_per_cpu_s": chars / min(cpus),
        "hashes": hashes,
    }, sys.stdout)


def conversion_worker():
    """Convert the installed pkuseg model into an empty cache directory."""
    with tempfile.TemporaryDirectory() as d:
        os.environ["POLICY_NLP_CACHE"] = d
        t0 = time.perf_counter()
        from policy_nlp.segment.fastseg.convert import ensure_model
        path = ensure_model()
        dt = time.perf_counter() - t0
        size = os.path.getsize(path)
    json.dump({"conversion_s": dt, "file_mb": size / 1e6,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024},
              sys.stdout)


# ------------------------------------------------------------------ parent --

def paragraphs(text):
    """The paragraphs of policy_nlp.stages.paragraphs.find_paragraphs (same rule,
    inlined so that the parent does not import the whole package)."""
    import re
    out = []
    for part in re.split(r"\n+|\u3000{2,}", text):
        part = part.strip(" \t\u3000\u00a0")
        if part:
            out.append(part)
    return out


def corpus_units(name, seed_repeat):
    if name == "seed":
        return paragraphs(SEED.read_text(encoding="utf-8")) * seed_repeat
    if name == "national":
        if not NATIONAL.exists():
            return None
        units = []
        for path in sorted(NATIONAL.glob("*.jsonl")):
            with path.open(encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        units += paragraphs(json.loads(line)["content"])
        return units
    raise ValueError(name)


def run_child(args):
    cmd = [sys.executable, str(Path(__file__).resolve())] + args
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if res.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{res.stderr}")
    return json.loads(res.stdout)


def machine():
    lines = [f"- nproc: {os.cpu_count()}; Python {platform.python_version()}; "
             f"{platform.platform()}"]
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in lscpu.splitlines():
            if line.split(":")[0].strip() in ("Model name", "CPU(s)", "Thread(s) per core",
                                              "L2 cache", "L3 cache"):
                lines.append(f"- {' '.join(line.split())}")
    except OSError:
        pass
    try:
        load = os.getloadavg()
        lines.append(f"- load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    except OSError:
        pass
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--units", help=argparse.SUPPRESS)
    ap.add_argument("--engines", default="pkuseg,fast,fast-python,jieba")
    ap.add_argument("--corpora", default="seed,national")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--pkuseg-passes", type=int, default=1)
    ap.add_argument("--seed-repeat", type=int, default=120)
    ap.add_argument("--conversion", action="store_true",
                    help="also measure the one-off model conversion")
    ap.add_argument("--json", help="write all results to this file")
    a = ap.parse_args(argv)
    if a.worker == "convert":
        return conversion_worker()
    if a.worker:
        return worker(a.worker, a.units, a.passes)

    print("## Machine\n")
    print(machine())
    # Make sure fastseg's conversion is cached before timing its load.
    warm = _write_units(["热身"])
    try:
        run_child(["--worker", "fast", "--units", warm, "--passes", "1"])
    finally:
        os.unlink(warm)
    results = {"machine": machine(), "corpora": {}}
    if a.conversion:
        conv = run_child(["--worker", "convert"])
        results["conversion"] = conv
        print(f"\nOne-off conversion of pkuseg's model: {conv['conversion_s']:.1f} s, "
              f"peak RSS {conv['peak_rss_mb']:.0f} MB, cache file {conv['file_mb']:.0f} MB")
    engines = a.engines.split(",")
    for corpus in a.corpora.split(","):
        units = corpus_units(corpus, a.seed_repeat)
        if units is None:
            print(f"\n{corpus}: skipped ({NATIONAL} absent)")
            continue
        path = _write_units(units)
        rows = {}
        try:
            for engine in engines:
                passes = a.pkuseg_passes if engine == "pkuseg" else a.passes
                rows[engine] = run_child(["--worker", engine, "--units", path,
                                          "--passes", str(passes)])
        finally:
            os.unlink(path)
        chars = sum(map(len, units))
        desc = (f"the seed's {len(units) // a.seed_repeat} paragraphs x {a.seed_repeat}"
                if corpus == "seed" else f"{len(units)} paragraphs of the national reports")
        print(f"\n## {corpus}: {desc}, {chars:,} characters\n")
        print("| engine | load (s) | peak RSS (MB) | RSS after load (MB) | chars/s (wall, best) "
              "| chars/s (CPU) | x pkuseg | tokens | identical to pkuseg |")
        print("|---|---|---|---|---|---|---|---|---|")
        ref = rows.get("pkuseg")
        for engine, r in rows.items():
            ratio = (f"{r['chars_per_s'] / ref['chars_per_s']:.1f}" if ref else "")
            if ref and engine != "pkuseg":
                same = sum(x == y for x, y in zip(r["hashes"], ref["hashes"]))
                ident = f"{same}/{len(units)} units"
            else:
                ident = "(reference)" if engine == "pkuseg" else ""
            print(f"| {ENGINES[engine]} | {r['load_s']:.2f} | {r['peak_rss_mb']:.0f} | "
                  f"{r['rss_loaded_mb']:.0f} | {r['chars_per_s'] / 1e3:,.0f} k | "
                  f"{r['chars_per_cpu_s'] / 1e3:,.0f} k | {ratio} | {r['tokens']:,} | {ident} |")
        for r in rows.values():
            r.pop("hashes")
        results["corpora"][corpus] = {"units": len(units), "chars": chars, "engines": rows}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


def _write_units(units):
    fd, path = tempfile.mkstemp(suffix=".json", prefix="segbench-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(units, f, ensure_ascii=False)
    return path


if __name__ == "__main__":
    main()
