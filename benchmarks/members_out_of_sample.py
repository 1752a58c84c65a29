"""Member linking on the out-of-sample member gold (tests/fixtures/members_out_of_sample/).

Each gold formulation is looked up in the annotated output by its offsets: the
slogan at its place (same start and text) is ``exact`` when its members are
the gold's, in order (``lib``: a formulation first seen in main's output,
``raw``: one found by reading or searching the raw text); ``partial`` when
some of its members overlap gold members; ``wrong`` when none does; ``no members`` when it has none; ``missed``
when no slogan has the formulation's text and place (not found, or found with
other bounds). ``policy-nlp evaluate`` scores the same files by text
(members exact counts any mention: the ``any mention`` line); this script
says where each one stands.

Usage (from the checkout, with ``../shared`` beside it)::

    bash benchmarks/annotate_corpora.sh OUT
    python benchmarks/members_out_of_sample.py OUT [--list]
"""

import collections
import glob
import json
import os
import sys

GOLD = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "members_out_of_sample")
CORPUS_DIRS = {"national": "national", "xi_speeches_2020": "xi", "policy_docs": "pd"}


def _annotated(out):
    """{(corpus folder, document id): document} of the annotated output in ``out``."""
    docs = {}
    for folder in ("national", "xi", "pd"):
        with open(os.path.join(out, folder, "annotations.jsonl"), encoding="utf-8") as handle:
            for line in handle:
                doc = json.loads(line)
                docs[(folder, doc["id"])] = doc
    return docs


def _document(gold, docs):
    """The annotated document of the gold's corpus row (``source.row``, as ``meta.source`` numbers it)."""
    corpus = gold["source"]["corpus"]
    folder = CORPUS_DIRS[corpus.split("/")[0]]
    stem = os.path.splitext(os.path.basename(corpus))[0]
    return docs[(folder, f"{stem}:{gold['source']['row']}" if folder != "pd" else gold["source"]["match"]["id"])]


def classify(entry, doc):
    """One of exact / partial / wrong / no members / missed, and the members found."""
    slogan = next((s for s in doc["slogans"] if s["start"] == entry["start"] and s["end"] == entry["end"]), None)
    if slogan is None:
        return "missed", None
    found = slogan.get("members") or []
    if not found:
        return "no members", []
    texts = [m["text"] for m in found]
    if texts == entry["members"]:
        return "exact", texts
    overlap = any(m["start"] < g["end"] and g["start"] < m["end"] for m in found for g in entry["member_spans"])
    return ("partial" if overlap else "wrong"), texts


def _any_mention_exact(entry, doc):
    """Whether some mention of the formulation's text has the gold members, in
    order: ``policy-nlp evaluate``'s members exact (its text comparison aside)."""
    return any(s["text"] == entry["text"] and [m["text"] for m in s.get("members") or []] == entry["members"]
               for s in doc["slogans"])


def main(argv):
    out = argv[0]
    docs = _annotated(out)
    counts = {"all": collections.Counter(), "lib": collections.Counter(), "raw": collections.Counter(),
              "any mention": collections.Counter()}
    lines = []
    for path in sorted(glob.glob(os.path.join(GOLD, "*.json"))):
        gold = json.load(open(path, encoding="utf-8"))
        doc = _document(gold, docs)
        for entry in gold["numbered"]:
            verdict, texts = classify(entry, doc)
            counts["all"][verdict] += 1
            counts[entry["found_by"]][verdict] += 1
            counts["any mention"]["exact" if _any_mention_exact(entry, doc) else "not exact"] += 1
            lines.append(f"{verdict:10} {gold['document']} {entry['text']} gold={entry['members']} found={texts}")
    for name, counter in counts.items():
        print(name, sum(counter.values()), dict(sorted(counter.items())))
    if "--list" in argv:
        print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
