"""Agreement of two hand labellings of the same local training units.

The 20 excerpts of ``tests/fixtures/gold_local/dev_patterns/`` were labelled
twice by different people on different days: unit by unit for training
(``corpora/topic_labels/local_hand_labels.jsonl``) and paragraph by paragraph
in the gold (``topics_in_training``). Each training unit is compared with the
gold paragraph that contains its opening words.

Usage::

    python benchmarks/local_label_agreement.py [--shared ../shared]
"""

import argparse
import glob
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python benchmarks/local_label_agreement.py")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    corpus = Path(args.shared) / "corpora" / "local_speeches" / "excerpts.jsonl"
    texts = {r["id"]: r["text"] for r in map(json.loads, corpus.open(encoding="utf-8"))}
    hand = {}
    for line in (ROOT / "corpora" / "topic_labels" / "local_hand_labels.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        hand.setdefault(row["id"], []).append(row)
    pairs = []
    for path in sorted(glob.glob(str(ROOT / "tests/fixtures/gold_local/dev_patterns/*.json"))):
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        excerpt = gold["source"]["match"]["id"]
        text = texts[excerpt]
        starts = sorted((text.find(k), label) for k, label in gold["topics_in_training"].items())
        for unit in hand.get(excerpt, []):
            at = text.find(unit["opening"])
            containing = [label for start, label in starts if 0 <= start <= at]
            if at >= 0 and containing:
                pairs.append((unit["label"], containing[-1]))
    agree = sum(a == b for a, b in pairs)
    print(f"units compared: {len(pairs)}; same label: {agree} ({agree / len(pairs):.2f})")
    for (a, b), n in Counter((a, b) for a, b in pairs if a != b).most_common(10):
        print(f"  training {a:<24} gold {b:<24} {n}")


if __name__ == "__main__":
    main()
