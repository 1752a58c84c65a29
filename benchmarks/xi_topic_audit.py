"""A topic audit on Xi speech paragraphs outside the gold: draw a sample, label it, score a run.

Reads the ``annotations.jsonl`` of a ``benchmarks/annotate_corpora.sh`` output's ``xi`` directory (Xi's 2020 speeches,
``../shared/corpora/xi_speeches_2020``). The two documents with gold topic maps
(``tests/fixtures/gold/xi_2020_03_07.json``, ``xi_2020_04_30.json``: dates 2020-03-07 and 2020-04-30)
are dropped as each line is read.

``draw`` takes the pipeline's own paragraph spans of at least 20 Chinese characters, drops a
paragraph whose text repeats one drawn earlier (the corpus holds some speeches twice, under two
dates), and draws 120 with a fixed seed, at most 4 per document. It writes a TSV *without* the
pipeline's topics (``doc``, ``start``, ``end``, ``excerpt``, ``label``, ``reason`` with the last two
empty) and, with ``--context``, a reading file with each paragraph's title, its text and its
neighbours, so that a reader labels each paragraph before seeing any prediction.

``score`` joins a labelled TSV with the topics of an ``annotations.jsonl`` (the same or a later
run; a paragraph is matched by document and span, or by its text where the spans moved) and prints
accuracy with a Wilson 95% interval, macro-F1 over the labels present, the confusion split into
(a) ``general`` against an area and (b) one area against another, and every disagreement.
``--write`` adds a ``prediction`` column to the TSV.

    python benchmarks/xi_topic_audit.py draw /work/wt/ref_1a94935/xi/annotations.jsonl OUT.tsv --context OUT.txt
    python benchmarks/xi_topic_audit.py score benchmarks/results/xi_topic_audit_2026-12-05.tsv RUN/xi/annotations.jsonl

The hand labels of 2026-12-05 (on main 1a94935) are in
``benchmarks/results/xi_topic_audit_2026-12-05.tsv``; docs/evaluation.md, twenty-second session,
*xitopics*, has the figures.
"""

import argparse
import collections
import csv
import json
import math
import random
import re
import sys

GOLD_DATES = {"2020-03-07", "2020-04-30"}
SEED = 1205
N = 120
PER_DOC = 4
MIN_HAN = 20
HAN = re.compile(r"[\u4e00-\u9fff]")
FIELDS = ["doc", "start", "end", "excerpt", "label", "reason"]


def read_docs(path):
    """Yield the records of ``path`` except the two gold documents (dropped on reading)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("meta", {}).get("date") in GOLD_DATES:
                continue
            yield rec


def candidates(path):
    """Every paragraph of at least ``MIN_HAN`` Chinese characters, first copy of a repeated text."""
    seen, out = set(), []
    for rec in read_docs(path):
        paras = rec["paragraphs"]
        for i, p in enumerate(paras):
            text = rec["text"][p["start"]:p["end"]]
            key = re.sub(r"\s", "", text)
            if len(HAN.findall(text)) < MIN_HAN or key in seen:
                continue
            seen.add(key)
            out.append((rec, i))
    return out


def draw(path, seed=SEED, n=N, per_doc=PER_DOC):
    """Draw ``n`` candidates with ``seed``, at most ``per_doc`` per document, in corpus order."""
    cands = candidates(path)
    random.Random(seed).shuffle(cands)
    taken, counts = [], collections.Counter()
    for rec, i in cands:
        if counts[rec["id"]] >= per_doc:
            continue
        counts[rec["id"]] += 1
        taken.append((rec, i))
        if len(taken) == n:
            break
    order = {rec["id"]: k for k, rec in enumerate(read_docs(path))}
    return sorted(taken, key=lambda t: (order[t[0]["id"]], t[1]))


def _clean(text, limit=None):
    text = re.sub(r"\s+", " ", text).strip()
    return text[:limit] if limit else text


def write_draw(path, out, context=None):
    rows = draw(path)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(FIELDS)
        for rec, i in rows:
            p = rec["paragraphs"][i]
            w.writerow([rec["id"], p["start"], p["end"], _clean(rec["text"][p["start"]:p["end"]], 60), "", ""])
    if context:
        with open(context, "w", encoding="utf-8") as fh:
            for k, (rec, i) in enumerate(rows):
                paras, text = rec["paragraphs"], rec["text"]
                fh.write(f"=== #{k} {rec['id']} {rec['meta'].get('date')} 《{rec['meta'].get('title', '')}》 "
                         f"para {i}/{len(paras)} [{paras[i]['start']}:{paras[i]['end']}]\n")
                if i > 0:
                    fh.write("  before: " + _clean(text[paras[i - 1]["start"]:paras[i - 1]["end"]])[-200:] + "\n")
                fh.write("  >>> " + _clean(text[paras[i]["start"]:paras[i]["end"]]) + "\n")
                if i + 1 < len(paras):
                    fh.write("  after: " + _clean(text[paras[i + 1]["start"]:paras[i + 1]["end"]])[:200] + "\n")
    print(f"{len(rows)} paragraphs from {len({r['id'] for r, _ in rows})} documents -> {out}")


def predictions(path):
    """``{(doc, start, end): label}`` and ``{(doc, text): label}`` of a run (``None`` for no topic)."""
    by_span, by_text = {}, {}
    for rec in read_docs(path):
        for p in rec["paragraphs"]:
            label = (p.get("topic") or {}).get("label")
            by_span[(rec["id"], p["start"], p["end"])] = label
            by_text[(rec["id"], _clean(rec["text"][p["start"]:p["end"]], 60))] = label
    return by_span, by_text


def wilson(k, n, z=1.96):
    """The Wilson score interval of ``k`` successes in ``n``."""
    if not n:
        return (0.0, 0.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def macro_f1(pairs):
    """Macro-F1 over the labels present in gold or prediction."""
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s), dict(zip(labels, f1s))


def score(labels_path, ann_path, write=False):
    by_span, by_text = predictions(ann_path)
    with open(labels_path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pairs = []
    for r in rows:
        key = (r["doc"], int(r["start"]), int(r["end"]))
        pred = by_span[key] if key in by_span else by_text.get((r["doc"], r["excerpt"]), "?")
        r["prediction"] = pred or "none"
        pairs.append((r["label"], r["prediction"]))
    n = len(pairs)
    k = sum(g == p for g, p in pairs)
    lo, hi = wilson(k, n)
    mf1, per = macro_f1(pairs)
    print(f"accuracy {k}/{n} = {k / n:.3f} (Wilson 95% {lo:.3f}-{hi:.3f}); macro-F1 {mf1:.3f}")
    print("per-label F1: " + ", ".join(f"{lab} {f:.2f}" for lab, f in per.items()))
    print("gold label counts: " + ", ".join(f"{lab} {c}" for lab, c in collections.Counter(g for g, _ in pairs).most_common()))
    errs = collections.Counter((g, p) for g, p in pairs if g != p)
    gen = {e: c for e, c in errs.items() if "general" in e}
    area = {e: c for e, c in errs.items() if "general" not in e}
    print(f"(a) general vs an area: {sum(gen.values())}")
    for (g, p), c in sorted(gen.items(), key=lambda t: -t[1]):
        print(f"    hand {g:24s} pipeline {p:24s} {c}")
    print(f"(b) one area vs another: {sum(area.values())}")
    for (g, p), c in sorted(area.items(), key=lambda t: -t[1]):
        print(f"    hand {g:24s} pipeline {p:24s} {c}")
    verdicts = collections.Counter(r.get("verdict", "").split(":")[0] for r in rows if r["label"] != r["prediction"])
    if any(verdicts):
        lenient = k + verdicts.get("ambiguous", 0)
        lo2, hi2 = wilson(lenient, n)
        print(f"verdicts of the disagreements (column verdict): {dict(verdicts)}; "
              f"counting the ambiguous as right {lenient}/{n} = {lenient / n:.3f} (Wilson 95% {lo2:.3f}-{hi2:.3f})")
    print("disagreements:")
    for r in rows:
        if r["label"] != r["prediction"]:
            print(f"  {r['doc']} [{r['start']}:{r['end']}] hand {r['label']} / pipeline {r['prediction']}: "
                  f"{r['excerpt'][:40]} -- {r['reason']}" + (f" [{r['verdict']}]" if r.get("verdict") else ""))
    if write:
        fields = FIELDS + ["prediction"] + [f for f in rows[0] if f not in FIELDS + ["prediction"]]
        with open(labels_path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, delimiter="\t", lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow({f: r.get(f, "") for f in fields})
    return k, n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("annotations")
    d.add_argument("out")
    d.add_argument("--context")
    s = sub.add_parser("score")
    s.add_argument("labels")
    s.add_argument("annotations")
    s.add_argument("--write", action="store_true")
    a = ap.parse_args(argv)
    if a.cmd == "draw":
        write_draw(a.annotations, a.out, a.context)
    else:
        score(a.labels, a.annotations, a.write)


if __name__ == "__main__":
    sys.exit(main())
