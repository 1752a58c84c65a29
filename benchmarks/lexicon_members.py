"""The member links of lexicon formulations whose members differ from the
lexicon's, by the member step that read them, on the development corpora.

Annotates the corpora that ``benchmarks/annotate_corpora.sh`` annotates, in-process
(the output is the same), and records every call of the member entry for a
formulation whose members the lexicon gives. A link "differs" when its
members are not the lexicon's as a set; it is "the lexicon's wording" when
each member is part of a different lexicon member (国内, 国际 for 两个市场:
国内市场, 国际市场, as the golds record them). The others are printed with
their context, for reading. The blind documents are left out.

Usage (from the checkout, about two minutes)::

    PYTHONPATH=$PWD python benchmarks/lexicon_members.py /tmp/lexicon_members [local national xi pd seed]
"""

import collections
import json
import os
import sys

import policy_nlp.stages.slogans.find as find
from policy_nlp.apps.local_training import gold_excerpt_ids
from policy_nlp.cli import main
from policy_nlp.stages.slogans.members import link

CORPORA = "../shared/corpora"
ARGS = {"local": [f"{CORPORA}/local_speeches/excerpts.jsonl"],
        "national": [f"{CORPORA}/national/government_work_reports.jsonl",
                     f"{CORPORA}/national/cpc_congress_reports.jsonl", "--text-column", "content"],
        "xi": [f"{CORPORA}/xi_speeches_2020/all_data.csv", "--text-column", "Text", "--date-column", "Date"],
        "pd": [f"{CORPORA}/policy_docs/policy_documents.jsonl", "--text-column", "content_zh"],
        "seed": [f"{CORPORA}/seed/000_49f5c10d9eda79ac.txt"]}
# the blind local excerpts, the 2023 national work report and shandong-6
BLIND = gold_excerpt_ids(parts=("blind",)) | {"government_work_reports:5", "shandong-6"}


def record(log):
    """Wrap the member entry of the slogan finder so that each link of a
    formulation with lexicon members is appended to ``log``."""
    entry = find._members_and_step

    def wrapped(text, s, e, number, quoted, known=(), terms=frozenset()):
        got, step = entry(text, s, e, number, quoted, known, terms)
        if known:
            log.append({"text": text, "s": s, "e": e, "known": list(known), "got": [m["text"] for m in got],
                        "step": step.__name__ if step else None})
        return got, step
    find._members_and_step = wrapped


def wording(got, known):
    """Whether each member is part of a different lexicon member."""
    left = list(known)
    for g in got:
        k = next((k for k in left if g in k), None)
        if k is None:
            return False
        left.remove(k)
    return len(got) == len(known)


def main_(out, names):
    log = []
    record(log)
    rows = []
    for name in names:
        del log[:]
        path = f"{out}/{name}.jsonl"
        main(["annotate", "-q", *ARGS[name], "-o", path, "--no-resume"])
        docs = [json.loads(line) for line in open(path, encoding="utf-8")]
        for r in log:
            # the finder reads a document's text in parts, some normalised: the document
            # holding the context, else the one sharing most of its pieces
            ctx = r["text"][max(0, r["s"] - 60):r["e"] + 60]
            doc = next((d for d in docs if ctx in d["text"]), None) or max(
                docs, key=lambda d: sum(ctx[i:i + 10] in d["text"] for i in range(0, len(ctx) - 10, 10)))
            if doc["id"] in BLIND:
                continue
            rows.append(dict(r, corpus=name, id=doc["id"], ctx=ctx))
    differ = [r for r in rows if r["got"] and set(r["got"]) != set(r["known"])]
    print(f"links with lexicon members {len(rows)}, with members {sum(1 for r in rows if r['got'])}, "
          f"differing {len(differ)}")
    for (step, same), n in sorted(collections.Counter((r["step"], wording(r["got"], r["known"]))
                                                      for r in differ).items()):
        print(f"  {step:32s} {'its wording' if same else 'other':12s} {n}")
    for r in differ:
        if not wording(r["got"], r["known"]):
            print(f"\n{r['corpus']} {r['id']} {r['text'][r['s']:r['e']]} {r['step']}: {'|'.join(r['got'])}"
                  f"  (lexicon {'|'.join(r['known'])})")
            print("   ", r["ctx"].replace("\n", "⏎"))


if __name__ == "__main__":
    os.makedirs(sys.argv[1], exist_ok=True)
    main_(sys.argv[1], sys.argv[2:] or list(ARGS))
