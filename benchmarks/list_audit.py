"""A seeded sample of the numbered lists and count claims of an annotated run, for reading.

Reads the ``annotations.jsonl`` of a ``benchmarks/annotate_corpora.sh`` output (``xi``, ``pd``, ``national``) and
draws, with fixed seeds, 20 lists of the Xi speeches, 25 of the policy documents and 15 of the
national reports (the local excerpts all have gold), and 20 announced counts (讲三点, 抓好以下几项工作,
有以下几个方面: a verb, an optional 以下/如下, a count of 2–20 or 几 and a measure; not all of them
announce a numbered list) with the list each is the claim of, if any. Documents that have a gold file and the blind ones are left out, so
that the sample is text nobody has read for the rules. Each list is printed with the text before
its first item and after its end, each item's start and end; each announcement with its context.

The hand verdicts of the sample of 2026-12-04 (seeds 20261204 and 1204, output of main ef91e41)
are in ``benchmarks/results/list_audit_2026-12-04.tsv`` and ``list_audit_claims_2026-12-04.tsv``.
``--verdicts`` prints, for each list of that sheet, whether the run at ``OUT`` still has a list
with the same family, items and parent at the same offsets (its verdict holds) or not (re-read it).

``--last-items`` draws (seed 20261205) 10 inline lists of each of the Xi speeches, the policy documents,
the national reports and the local excerpts (every document but the blind ones: where a last item ends
was not what the gold files judged) and prints each one's items with their sentence counts, its last item
and the rest of its line, to judge whether the last item ends where it should (its end is an estimate:
about as many sentences as its siblings). Verdicts of 2026-12-05 (output of f7d54fe, and after):
``benchmarks/results/list_audit_lastitem_2026-12-05.tsv``.

Usage (from the checkout)::

    PYTHONPATH=$PWD python benchmarks/list_audit.py OUT [--claims | --last-items] [--verdicts SHEET]
"""

import argparse
import csv
import glob
import json
import random
import re
from pathlib import Path

from policy_nlp.apps.local_training import gold_excerpt_ids

ROOT = Path(__file__).resolve().parents[1]
# the blind gold's documents (helper rules: never read, never printed)
BLIND = gold_excerpt_ids(parts=("blind",)) | {"shandong-6", "government_work_reports:5", "government_work_reports:6"}
# gold files that name their document by its date or congress, not by its corpus id
GOLD_BY_MATCH = {"all_data:3", "all_data:6", "government_work_reports:12", "cpc_congress_reports:15"}
SAMPLE = (("xi", 20), ("pd", 25), ("national", 15))
ANNOUNCED = re.compile(r"(?:讲|谈|提|强调|说|提出|有|抓好|做好|包括|把握|注意|概括为|归纳为|体现在|表现在|围绕)"
                       r"(?:以下|如下|这样|这么)?[一二两三四五六七八九十几\d]+(?:点|个(?:方面|问题)|方面|项|条|个)"
                       r"[\u4e00-\u9fff]{0,6}(?=[：:。，,])")
# not a count of one (有一个过程), of 21 and more or in digits (有三十一个, 有18个建设项目)
NOT_ANNOUNCED = re.compile(r"一个|[十二三四五六七八九]十[一二三四五六七八九]?个(?!方面)|\d{2,}")


def gold_ids():
    """The ids of the documents with a development gold file (blind files are not opened)."""
    ids = set(GOLD_BY_MATCH)
    for path in glob.glob(str(ROOT / "tests/fixtures/gold*/**/*.json*"), recursive=True):
        if "blind" in path:
            continue
        text = Path(path).read_text(encoding="utf-8")
        records = [json.loads(line) for line in text.splitlines() if line.strip()] if path.endswith("l") \
            else [json.loads(text)]
        stack = records
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                ids.update(value[key] for key in ("document", "id") if isinstance(value.get(key), str))
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return ids


def documents(out):
    """``{(corpus, id): document}`` of the run at ``out``, without the gold and blind documents."""
    skip = gold_ids() | BLIND
    docs = {}
    for corpus, _ in SAMPLE:
        with open(Path(out) / corpus / "annotations.jsonl", encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                if doc["id"] not in skip:
                    docs[(corpus, doc["id"])] = doc
    return docs


def list_sample(docs, seed=20261204):
    """The sampled ``(corpus, id, list index)``, in the order they were drawn."""
    rng = random.Random(seed)
    drawn = []
    for corpus, size in SAMPLE:
        pool = [(c, i, k) for (c, i), doc in sorted(docs.items()) if c == corpus for k in range(len(doc["lists"]))]
        drawn += rng.sample(pool, size)
    return drawn


def claim_sample(docs, seed=1204, size=20):
    """The sampled announcements ``(corpus, id, start, end)``."""
    found = [(c, i, m.start(), m.end()) for (c, i), doc in sorted(docs.items())
             for m in ANNOUNCED.finditer(doc["text"]) if not NOT_ANNOUNCED.search(m.group())]
    return random.Random(seed).sample(found, size)


LAST_ITEM_SAMPLE = (("xi", 10), ("pd", 10), ("national", 10), ("local", 10))


def inline_lists(out):
    """``[(corpus, id, list index)]`` of the lists of the run at ``out`` whose last two items share
    a paragraph (units of one line joined) and whose last item does not open it: the inline lists
    (一是…二是…三是… in one paragraph), of every document but the blind ones (the local excerpts too)."""
    found, docs = [], {}
    for corpus, _ in LAST_ITEM_SAMPLE:
        with open(Path(out) / corpus / "annotations.jsonl", encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                if doc["id"] in BLIND:
                    continue
                docs[(corpus, doc["id"])] = doc
                text, paragraphs = doc["text"], doc["paragraphs"]
                for k, lst in enumerate(doc["lists"]):
                    if len(lst["items"]) < 2:
                        continue
                    a, b = lst["items"][-2]["start"], lst["items"][-1]["start"]
                    if "\n" in text[a:b] or text[:b].rstrip(" \u3000\t").endswith("\n") or not text[:b].strip():
                        continue
                    found.append((corpus, doc["id"], k))
    return found, docs


def paragraph_end(text, position):
    """The end of the line holding ``position`` (a paragraph of an inline list, wraps aside)."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def last_item_sample(out, seed=20261205):
    """The seeded sample of inline lists, ``LAST_ITEM_SAMPLE`` of each corpus, and the documents."""
    found, docs = inline_lists(out)
    rng = random.Random(seed)
    drawn = []
    for corpus, size in LAST_ITEM_SAMPLE:
        drawn += rng.sample([f for f in found if f[0] == corpus], size)
    return drawn, docs


def show_last_item(doc, index):
    """A sampled inline list's items (their sentence counts), its last item and the rest of its line."""
    text, lst = doc["text"], doc["lists"][index]
    for item in lst["items"]:
        span = text[item["start"]:item["end"]]
        print(f"  {item['start']}-{item['end']} ({len(re.findall('[。！？!?]', span))})",
              repr(span if len(span) <= 70 else span[:40] + " … " + span[-25:]))
    last = lst["items"][-1]
    print("  LAST:", repr(text[last["start"]:last["end"]]))
    print("  REST:", repr(text[last["end"]:paragraph_end(text, last["end"])][:400]))


def show_list(doc, index):
    text, lst = doc["text"], doc["lists"][index]
    first, claim = lst["items"][0]["start"], lst["claim"]
    print(f"  family={lst['family']} level={lst['level']} parent={lst['parent']}:{lst['parent_item']} "
          f"items={len(lst['items'])} claim={claim and (claim['text'], claim['number'])} "
          f"count_matches={lst['count_matches']} gaps={lst['gaps']}")
    print("  before:", repr(text[max(0, first - 120):first]))
    for item in lst["items"]:
        span = text[item["start"]:item["end"]]
        print(f"  {item['start']}-{item['end']}", repr(span if len(span) <= 90 else span[:60] + " … " + span[-25:]))
    print("  after:", repr(text[lst["end"]:lst["end"] + 100]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="a benchmarks/annotate_corpora.sh output directory")
    parser.add_argument("--claims", action="store_true", help="the announced counts instead of the lists")
    parser.add_argument("--verdicts", help="a verdict sheet: which sampled lists changed in OUT")
    parser.add_argument("--last-items", action="store_true", help="the sample of inline lists' last items")
    args = parser.parse_args()
    if args.last_items:
        drawn, docs = last_item_sample(args.out)
        for n, (corpus, doc_id, index) in enumerate(drawn, 1):
            print(f"L{n:02d} {corpus} {doc_id} list {index}")
            show_last_item(docs[(corpus, doc_id)], index)
        return
    docs = documents(args.out)
    if args.verdicts:
        with open(args.verdicts, encoding="utf-8") as sheet:
            for row in csv.DictReader(sheet, delimiter="\t"):
                doc = docs[(row["corpus"], row["doc_id"])]
                same = any(str(l["start"]) == row["start"] and str(l["end"]) == row["end"] and l["family"] == row["family"]
                           and len(l["items"]) == int(row["items"])
                           and ("" if l["parent"] is None else str(l["parent"])) == row["parent"]
                           for l in doc["lists"])
                print(row["sample"], row["doc_id"], row["verdict"], "same" if same else "CHANGED: re-read")
        return
    if args.claims:
        for n, (corpus, doc_id, start, end) in enumerate(claim_sample(docs), 1):
            doc = docs[(corpus, doc_id)]
            linked = [k for k, l in enumerate(doc["lists"]) if l["claim"] and l["claim"]["start"] < end
                      and l["claim"]["end"] > start]
            print(f"K{n:02d} {corpus} {doc_id} {start}-{end} {doc['text'][start:end]!r} list={linked}")
            print("  ", repr(doc["text"][max(0, start - 50):end + 160]))
        return
    for n, (corpus, doc_id, index) in enumerate(list_sample(docs), 1):
        print(f"S{n:02d} {corpus} {doc_id} list {index}")
        show_list(docs[(corpus, doc_id)], index)


if __name__ == "__main__":
    main()
