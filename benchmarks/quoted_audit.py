"""A recall audit of quoted policy terms outside the gold, for reading.

Reads the ``annotations.jsonl`` of a ``benchmarks/annotate_corpora.sh`` output (``national``, ``xi``, ``pd``, ``local``).
The blind documents (the 16 blind local excerpts, shandong-6, the 2023 national work report and its
resolution) are dropped as each line is read, before anything else looks at them.

The pool is every quotation of 2–15 characters with an ideograph in it (“…”, ‘…’, 「…」 or an ASCII
"…" pair on its line) that no slogan of the run overlaps (no quoted term, no formulation); those a
development gold lists as quoted terms are known misses (``evaluate --errors``) and left out. The
default prints a fixed-seed sample of 150 (national 40, Xi 30, policy documents 45, local 35; at most
two per document) with its sentence, so that a reader can judge each: a policy term missed (a
programme, campaign, slogan, policy label) or rightly untagged (speech, a title, a figure, an
emphasised word, a name). ``--counts`` prints the size of each corpus's pool.

The hand verdicts of 2026-12-05 (output of main 1a94935, ``/work/wt/ref_1a94935``) are in
``benchmarks/results/quoted_audit_2026-12-05.tsv``, one row per sampled quotation, in the order
printed (verdict ``miss``, ``right`` or ``doubtful``, with the class of a miss or the reason it is
rightly untagged): 11 misses, 127 right, 12 doubtful (docs/evaluation.md, "quotedaudit"). On a later
output the pool, and so the sample, differs: rerun on ``ref_1a94935`` to re-judge the same 150.

Usage (from the checkout)::

    PYTHONPATH=$PWD python benchmarks/quoted_audit.py OUT [--counts] [--seed N]
"""

import argparse
import collections
import glob
import json
import random
import re
import sys
from pathlib import Path

from policy_nlp.apps.evaluation import comparable_text
from policy_nlp.stages.script import to_simplified

sys.path.insert(0, str(Path(__file__).resolve().parent))
from recall_audit import BLIND, documents  # noqa: E402  (the blind ids, dropped as each line is read)

CORPORA = (("national", 40), ("xi", 30), ("pd", 45), ("local", 35))
SEED = 20261205
QUOTE = re.compile(r"“([^“”\n]{2,15})”|‘([^‘’\n]{2,15})’|「([^「」\n]{2,15})」|\"([^\"\n]{2,15})\"")
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
# the development gold of the corpora outside local (document key -> run id)
GOLD_IDS = {"national_gwr_2019": "government_work_reports:12", "cpc_congress_19": "cpc_congress_reports:15",
            "shandong-15": "shandong-15", "shandong-19": "shandong-19", "shandong-30": "shandong-30"}
GOLD_FILES = ("tests/fixtures/gold_local/dev*/*.json", "tests/fixtures/gold/[!b]*.json",
              "tests/fixtures/gold_provincial/dev/*.json")


def gold_quoted():
    """``{run id: set of quoted terms}`` of the development gold (blind folders never globbed)."""
    out = collections.defaultdict(set)
    for pattern in GOLD_FILES:
        for path in glob.glob(pattern):
            gold = json.loads(Path(path).read_text(encoding="utf-8"))
            key = gold["document"]
            match = gold.get("source", {}).get("match", {})
            rid = key[len("local_"):] if key.startswith("local_dev-") else GOLD_IDS.get(key)
            if rid is None and "Date" in match:
                rid = "Date:" + match["Date"]
            if rid is None or rid in BLIND:
                continue
            out[rid] |= {_comparable(q) for q in gold.get("quoted", [])}
    return out


def _comparable(text):
    """``text`` as :func:`comparable_text` reads it, in Simplified characters (a gold written on a
    Traditional page, the run on its Simplified copy)."""
    return comparable_text(to_simplified(text)[0])


def untagged(doc):
    """``[(start, end)]`` of the quotations of ``doc`` that no slogan overlaps."""
    text = doc["text"]
    tagged = [(s["start"], s["end"]) for s in doc["slogans"]]
    out = []
    for m in QUOTE.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        s, e = m.span(g)
        if not IDEOGRAPH.search(m.group(g)):
            continue
        if not any(a < e and s < b for a, b in tagged):
            out.append((s, e))
    return out


def sentence(doc, s, e, width=70):
    """The sentence around ``text[s:e]``, the quotation in 【】, cut to ``width`` on each side."""
    text = doc["text"]
    a, b = 0, len(text)
    for sent in doc["sentences"]:
        if sent["start"] <= s < sent["end"]:
            a, b = sent["start"], max(sent["end"], e + 1)
            break
    a, b = max(a, s - width), min(b, e + width)
    return f"{text[a:s - 1]}【{text[s - 1:e + 1]}】{text[e + 1:b]}".replace("\n", "⏎")


def pools(docs):
    """``{corpus: [(doc, start, end, known)]}``: the untagged quotations, ``known`` where a
    development gold lists the quotation as a quoted term of its document (a miss it counts)."""
    gold = gold_quoted()
    pool = collections.defaultdict(list)
    for corpus, doc in docs:
        known = gold.get(doc["id"], set()) | gold.get("Date:" + str(doc["meta"].get("date")), set()) \
            if corpus == "xi" else gold.get(doc["id"], set())
        for s, e in untagged(doc):
            pool[corpus].append((doc, s, e, _comparable(doc["text"][s:e]) in known))
    return pool


def sample(pool, seed, per_doc=2):
    """``[(corpus, doc, start, end)]``: the quota of each corpus, drawn at random, ``per_doc`` at most,
    the misses a gold knows skipped."""
    rng = random.Random(seed)
    out = []
    for corpus, quota in CORPORA:
        items = list(pool[corpus])
        rng.shuffle(items)
        taken = collections.Counter()
        for doc, s, e, known in items:
            if len([x for x in out if x[0] == corpus]) >= quota:
                break
            if not known and taken[doc["id"]] < per_doc:
                taken[doc["id"]] += 1
                out.append((corpus, doc, s, e))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="an output folder of benchmarks/annotate_corpora.sh")
    ap.add_argument("--counts", action="store_true", help="the size of each corpus's pool")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    pool = pools(documents(args.out))
    if args.counts:
        for corpus, _ in CORPORA:
            items = pool[corpus]
            print(corpus, len(items), "untagged quotations in", len({d["id"] for d, *_ in items}), "documents;",
                  sum(k for *_, k in items), "listed by a gold as quoted terms")
        return
    for k, (corpus, doc, s, e) in enumerate(sample(pool, args.seed), 1):
        print(f"{k}\t{corpus}\t{doc['id']}\t{doc['text'][s:e]}\t{sentence(doc, s, e)}")


if __name__ == "__main__":
    main()
