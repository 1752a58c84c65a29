"""Precision and recall of quoted policy terms on a hand-labelled random sample of quotations
outside the gold (Xi's 2020 speeches, the policy documents, the national reports).

``draw`` prints the sample, unlabelled, as JSON lines: every quotation of 1–60 characters with an
ideograph in it (“…”, 「…」, ‘…’, 『…』, or an ASCII "…" pair of at most 40 on its line) of the
annotated output's ``national``, ``xi`` and ``pd`` documents (``bash benchmarks/annotate_corpora.sh OUT``), the blind documents (the 2023
national work report and its resolution, shandong-6) dropped as each line is read and the development
gold documents (national 2019 work report, 19th congress report, Xi 2020-03-07 and 2020-04-30,
shandong-15, -19, -30) left out; shuffled with ``random.Random(SEED)``, taken in that order up to
each corpus's quota (national 100, Xi 80, policy documents 120), at most three per document (two for
policy documents); then a third of the sample, drawn with the same generator before any label was
written, is set aside (``"part": "aside"``) and the rest is ``"developed"``.

``score`` reads the labelled fixture (``tests/fixtures/quoted_out_of_sample.json``) and a
annotated output and prints precision and recall of the tagging on each part: a quotation is
tagged when a slogan (quoted or numbered, any source) spans exactly its text, blanks aside.
``--errors`` lists the developed part's errors; the set-aside part is printed as totals only, unless
``--errors-aside`` is given.

Scores (docs/evaluation.md, "quoted24"): main c96ab8d, developed precision 121/136, recall 121/126;
set aside 57/68, 57/62. After quoted24: developed 124/138, 124/126; set aside unchanged.
After quoted24b (runs that describe; main a0c2953 was 124/138): developed 124/136, 124/126; set aside
unchanged.

Usage (from the checkout)::

    PYTHONPATH=$PWD python benchmarks/quoted_out_of_sample.py draw OUT > sample.jsonl
    PYTHONPATH=$PWD python benchmarks/quoted_out_of_sample.py score OUT [--errors]
"""

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from recall_audit import BLIND  # noqa: E402  (the blind ids, dropped as each line is read)

SEED = 24120501
QUOTAS = (("national", 100), ("xi", 80), ("pd", 120))
PER_DOC = {"national": 3, "xi": 3, "pd": 2}
ASIDE_SHARE = 3                    # one in three set aside
QUOTE = re.compile(r"“([^“”\n]{1,60})”|「([^「」\n]{1,60})」|‘([^‘’\n]{1,40})’|『([^『』\n]{1,40})』"
                   r"|\"([^\"“”\n]{1,40})\"")
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "quoted_out_of_sample.json"


def _gold_document(corpus, doc):
    """Whether ``doc`` is one of the development gold documents (left out of the pool)."""
    meta = doc["meta"]
    if corpus == "xi":
        return str(meta.get("date")) in ("2020-03-07", "2020-04-30")
    if corpus == "pd":
        return doc["id"] in ("shandong-15", "shandong-19", "shandong-30")
    return doc["id"] == "government_work_reports:12" or str(meta.get("congress")) == "19"


def documents(out):
    """``{corpus: [document]}`` of the run at ``out``, blind and gold documents dropped."""
    docs = collections.defaultdict(list)
    for corpus, _ in QUOTAS:
        with open(Path(out) / corpus / "annotations.jsonl", encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                if doc["id"] not in BLIND and not _gold_document(corpus, doc):
                    docs[corpus].append(doc)
    return docs


def quotations(text):
    """``[(start, end)]`` of the quotations of ``text`` with an ideograph in them."""
    out = []
    for m in QUOTE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        if IDEOGRAPH.search(m.group(g)):
            out.append(m.span(g))
    return out


def context(text, s, e, width=60):
    """The quotation with ``width`` characters either side, the quotation in 【】, lines joined by ⏎."""
    return f"{text[max(0, s - 1 - width):s - 1]}【{text[s - 1:e + 1]}】{text[e + 1:e + 1 + width]}".replace("\n", "⏎")


def draw(out):
    """The sample: ``[{corpus, id, start, end, quotation, context, part}]``."""
    rng = random.Random(SEED)
    docs = documents(out)
    sample = []
    for corpus, quota in QUOTAS:
        pool = [(doc, s, e) for doc in docs[corpus] for s, e in quotations(doc["text"])]
        rng.shuffle(pool)
        taken = collections.Counter()
        for doc, s, e in pool:
            if sum(taken.values()) >= quota:
                break
            if taken[doc["id"]] < PER_DOC[corpus]:
                taken[doc["id"]] += 1
                sample.append({"corpus": corpus, "id": doc["id"], "start": s, "end": e,
                               "quotation": doc["text"][s:e], "context": context(doc["text"], s, e)})
    aside = set(rng.sample(range(len(sample)), len(sample) // ASIDE_SHARE))
    for k, item in enumerate(sample):
        item["part"] = "aside" if k in aside else "developed"
    return sample


def _blankless(text):
    return re.sub(r"\s", "", text)


def tagged(doc, item):
    """Whether a slogan of ``doc`` spans the quotation ``item`` exactly (blanks aside); the
    quotation is looked up near its offset if the text moved."""
    text = doc["text"]
    s = item["start"]
    if text[s:item["end"]] != item["quotation"]:
        k = text.find(item["quotation"], max(0, s - 200))
        if k < 0:
            k = text.find(item["quotation"])
        s = k
    e = s + len(item["quotation"])
    want = _blankless(item["quotation"])
    return any(sl["start"] >= s and sl["end"] <= e and _blankless(sl["text"]) == want
               for sl in doc["slogans"])


def score(out, fixture, errors=False, errors_aside=False):
    """Print precision and recall of each part and, if asked, the errors."""
    labelled = json.loads(Path(fixture).read_text(encoding="utf-8"))["items"]
    docs = {doc["id"]: doc for corpus_docs in documents(out).values() for doc in corpus_docs}
    for part in ("developed", "aside", None):
        items = [i for i in labelled if part is None or i["part"] == part]
        tp = fp = fn = tn = 0
        wrong = []
        for item in items:
            got, want = tagged(docs[item["id"]], item), item["term"]
            tp, fp = tp + (got and want), fp + (got and not want)
            fn, tn = fn + (want and not got), tn + (not got and not want)
            if got != want:
                wrong.append(("extra" if got else "missed", item))
        name = part or "all"
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        print(f"{name}: {len(items)} quotations, {tp + fn} terms; precision {tp}/{tp + fp} {p:.2f}, "
              f"recall {tp}/{tp + fn} {r:.2f}")
        if (errors and part == "developed") or (errors_aside and part == "aside"):
            for kind, item in wrong:
                print(f"  {kind}\t{item['corpus']}\t{item['id']}\t{item['quotation']}\t"
                      f"{item.get('class', '')}\t{item['context']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("draw", "score"))
    ap.add_argument("out", help="an output folder of benchmarks/annotate_corpora.sh")
    ap.add_argument("--fixture", default=str(FIXTURE))
    ap.add_argument("--errors", action="store_true", help="list the developed part's errors")
    ap.add_argument("--errors-aside", action="store_true", help="list the set-aside part's errors too")
    args = ap.parse_args()
    if args.command == "draw":
        for item in draw(args.out):
            print(json.dumps(item, ensure_ascii=False))
    else:
        score(args.out, args.fixture, args.errors, args.errors_aside)


if __name__ == "__main__":
    main()
