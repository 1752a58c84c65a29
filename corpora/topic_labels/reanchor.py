"""Move the hand labels of ``local_hand_labels.jsonl`` onto the units the current code cuts.

A hand label belongs to the text of a unit (``policy_nlp.apps.local_training.kept_units``
of the cleaned excerpt). When cleaning changes (a title glued to the body now removed, a page
number dropped), the units of some excerpts are cut differently and their ``index`` and
``opening`` no longer find them. This tool reads the labelled units as the code of an older
checkout cut them (``OLD_TREE``, e.g. a ``git worktree`` of the commit before the change), and
gives each unit the current code cuts the label of the old labelled unit of its excerpt that
shares the most characters with it (difflib's matching blocks), when they cover at least half
of the new unit. The labels are the coders'; only their anchors move. It prints what moved, the
labels left without a unit and the units left without a label, and rewrites the file with
``--write``.

    PYTHONPATH=$PWD .venv/bin/python corpora/topic_labels/reanchor.py /tmp/old_checkout [--write]

Example: ``git worktree add /tmp/old_checkout baedfc0`` (and copy its compiled
``policy_nlp/segment/fastseg/*.so``), then the command above; ``make model`` retrains the
default model on the moved labels.
"""

import argparse
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
HAND = REPO / "corpora" / "topic_labels" / "local_hand_labels.jsonl"
CORPUS = REPO.parent / "shared" / "corpora" / "local_speeches" / "excerpts.jsonl"
MIN_COVER = 0.5

_DUMP = """
import json, sys
from pathlib import Path
from policy_nlp.apps.local_training import local_examples, read_hand_labels
examples = local_examples(Path(sys.argv[1]), hand_labels=read_hand_labels(Path(sys.argv[2])))
print(json.dumps([[e["doc"], e["index"], e["text"], e["label"]] for e in examples if e["source"] == "hand"],
                 ensure_ascii=False))
"""


def old_labelled_units(tree):
    """``{id: [(index, text, label)]}``: the hand-labelled units as the code of ``tree`` cuts them."""
    done = subprocess.run([sys.executable, "-c", _DUMP, str(CORPUS), str(HAND)], cwd=tree, check=True,
                          env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True, text=True)
    out = {}
    for doc, index, text, label in json.loads(done.stdout):
        out.setdefault(doc, []).append((index, text, label))
    return out


def shared_chars(a, b):
    return sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def reanchor(old):
    """``(rows, report)``: the new rows and the lines saying what moved."""
    from policy_nlp.apps.local_training import _excerpts, kept_units
    rows, report = [], []
    for record, text in _excerpts(CORPUS, None):
        labelled = old.get(record["id"], [])
        if not labelled:
            continue
        used = set()
        for index, unit in enumerate(kept_units(text)):
            best = max(labelled, key=lambda item: shared_chars(item[1], unit))
            if shared_chars(best[1], unit) < MIN_COVER * len(unit):
                report.append(f"{record['id']} #{index} no label: {unit[:30]}")
                continue
            used.add(best[0])
            rows.append({"id": record["id"], "index": index, "opening": unit[:12], "label": best[2]})
            if (best[0], best[1][:12]) != (index, unit[:12]):
                report.append(f"{record['id']} #{best[0]} -> #{index} {best[2]}: {best[1][:20]} -> {unit[:20]}")
        for index, text_, label in labelled:
            if index not in used:
                report.append(f"{record['id']} #{index} dropped ({label}): {text_[:30]}")
    return rows, report


def main(argv=None):
    parser = argparse.ArgumentParser(description="Move the local hand labels onto the units the current code cuts.",
                                     epilog="example: PYTHONPATH=$PWD .venv/bin/python corpora/topic_labels/reanchor.py "
                                            "/tmp/old_checkout --write")
    parser.add_argument("old_tree", help="a checkout of the code the labels were anchored with")
    parser.add_argument("--write", action="store_true", help=f"rewrite {HAND.name}")
    args = parser.parse_args(argv)
    rows, report = reanchor(old_labelled_units(args.old_tree))
    print("\n".join(report))
    print(f"{len(rows)} labelled units", file=sys.stderr)
    if args.write:
        HAND.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
