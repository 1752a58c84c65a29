"""The worked example of docs/topics.md: a topic model trained on hand-coded local paragraphs.

The hand labels of the local speech units (``corpora/topic_labels/local_hand_labels.jsonl``:
804 units of the 199 local excerpts outside the local gold, each ``id, index, opening, label``)
hold no text; this script rebuilds it from ``../shared/corpora/local_speeches/excerpts.jsonl``
exactly as the labellers saw it (:func:`~policy_nlp.stages.cleaning.clean_text`, then
:func:`~policy_nlp.apps.local_training.units`), matching each row on (excerpt id, unit
index) and checking its first 12 characters (an opening alone is not unique: 11 excerpts
repeat one), and writes what a researcher would have coded: a CSV of ``id, index, level,
text, label``. The CSV goes to ``--out`` (a scratch folder), never into the repository: the
corpus text may not be copied there.

Steps (each prints what it did)::

    python benchmarks/train_local_example.py --out /tmp/local_example            # the CSV
    python benchmarks/train_local_example.py --out /tmp/local_example --curve    # + labels curve
    python benchmarks/train_local_example.py --out /tmp/local_example --govcn    # gov.cn sample
    python benchmarks/train_local_example.py --out /tmp/local_example --score /tmp/local_example/model-local

``--curve`` plays the coder as ``benchmarks/active_learning.py`` does: five grouped folds of
excerpts, each the test set once; the others are the pool, from 20 random units, 40 more at a
time, random or ``policy-nlp suggest``'s ranking; writes ``docs/results/local_active_learning.json``
(numbers only). ``--score MODEL`` scores a model on the national hand labels and the gold topic maps
(out of the local genre). ``--govcn`` checks the default model's gov.cn crosswalk on the 14 gov.cn policy
documents with an official 主题分类 (``govcn_taxonomy/govcn_labeled_sample.tsv``: titles only).

Never reads the held-out splits, nor the excerpts of the local gold.
"""

import argparse
import csv
import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policy_nlp.apps.local_training import LOCAL_CORPUS, gold_excerpt_ids, units  # noqa: E402
from policy_nlp.stages.cleaning import clean_text  # noqa: E402
from policy_nlp.stages.topics import is_boilerplate  # noqa: E402

SHARED = REPO.parent / "shared" / "corpora"
HAND_LABELS = REPO / "corpora" / "topic_labels" / "local_hand_labels.jsonl"
COLUMNS = ("id", "index", "level", "text", "label")
FOLDS, SEEDS, START, STEP, STOP = 5, (0,), 20, 40, 500


def coded_units(corpus=SHARED.joinpath(*LOCAL_CORPUS), labels=HAND_LABELS):
    """The hand-labelled units with their text: ``[{id, index, level, text, label}]``.

    Raises
    ------
    ValueError
        When a hand label finds no unit (the corpus or the unit cutting changed),
        or one of its excerpts is in the local gold.
    """
    wanted = {}
    with open(labels, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                wanted[(row["id"], row["index"])] = row
    gold = gold_excerpt_ids() & {key[0] for key in wanted}
    if gold:
        raise ValueError(f"{labels}: excerpts of the local gold must not be trained on: {sorted(gold)}")
    rows = []
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            kept = [u for u in units(clean_text(record["text"]).text) if not is_boilerplate(u)]
            for index, unit in enumerate(kept):  # the labellers' index: boilerplate units dropped
                row = wanted.pop((record["id"], index), None)
                if row is not None:
                    if unit[:12] != row["opening"]:  # the index alone could drift: check the text too
                        raise ValueError(f"{labels}: unit {index} of {record['id']} opens with "
                                         f"{unit[:12]!r}, the hand label says {row['opening']!r}")
                    rows.append({"id": row["id"], "index": row["index"], "level": record.get("level") or "",
                                 "text": unit, "label": row["label"]})
    if wanted:
        raise ValueError(f"{labels}: {len(wanted)} hand labels match no unit of {corpus}, e.g. "
                         f"{next(iter(wanted))}")
    return rows


def write_csv(rows, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def labels_curve(rows):
    """Random vs ``suggest``'s ranking, test set: one grouped fold of excerpts at a time."""
    from sklearn.model_selection import GroupKFold

    from policy_nlp.stages.topics import tokenize
    spec = importlib.util.spec_from_file_location("active_learning", REPO / "benchmarks" / "active_learning.py")
    active = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(active)
    started = time.time()
    tokens = [tokenize(r["text"]) for r in rows]
    labels = [r["label"] for r in rows]
    docs = [r["id"] for r in rows]
    runs = []
    for fold, (_, test) in enumerate(GroupKFold(FOLDS).split(tokens, labels, docs)):
        test_docs = {docs[i] for i in test}
        for seed in SEEDS:
            for strategy in ("random", "uncertainty+diversity"):
                curve = active.simulate(tokens, labels, docs, test_docs, strategy, seed,
                                        start=START, step=STEP, stop=STOP)
                runs.append({"fold": fold, "test_units": len(test), "seed": seed,
                             "strategy": strategy, "curve": curve})
                print(f"fold {fold} seed {seed} {strategy:22s} "
                      + " ".join(f"{p['macro_f1']:.2f}" for p in curve), flush=True)
    mean = {}
    for strategy in ("random", "uncertainty+diversity"):
        curves = [r["curve"] for r in runs if r["strategy"] == strategy]
        length = min(len(c) for c in curves)
        mean[strategy] = [{"labels": curves[0][k]["labels"],
                           **{m: round(float(np.mean([c[k][m] for c in curves])), 4)
                              for m in ("macro_f1", "accuracy")},
                           "std": round(float(np.std([c[k]["macro_f1"] for c in curves])), 4)}
                          for k in range(length)]
    return {"units": len(rows), "excerpts": len(set(docs)), "folds": FOLDS, "seeds": list(SEEDS),
            "start": START, "step": STEP, "stop": STOP, "mean": mean, "runs": runs,
            "seconds": round(time.time() - started, 1)}


def score_model(path):
    """A model's accuracy and macro-F1 on the national hand labels and on the seed speech's
    topic map, headings inheriting as in the pipeline (``benchmarks/topic_eval.py``'s scoring)."""
    from policy_nlp.stages.topics import load_model, tokenize
    spec = importlib.util.spec_from_file_location("topic_eval", REPO / "benchmarks" / "topic_eval.py")
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    model = load_model(path)
    rows = evaluation.tt.hand_labelled()
    docs = {}
    for row in rows:
        docs.setdefault(row["doc"], row["paragraphs"])
    sets = {"national hand labels": (docs, [((r["doc"], r["index"]), r["label"]) for r in rows])}
    for name, entries in evaluation.gold_sets().items():
        for doc, paragraphs, labelled in entries:
            sets[name] = ({doc: paragraphs}, [((doc, i), label) for i, label in sorted(labelled.items())])
    out = {}
    for name, (documents, truth) in sets.items():
        tokens = {p: tokenize(p) for paragraphs in documents.values() for p in paragraphs}
        out[name] = evaluation.summary(evaluation.score(truth, evaluation.model_predictions(model, documents, tokens)))
    return out


def govcn_check(path=SHARED / "govcn_taxonomy" / "govcn_labeled_sample.tsv"):
    """The default model's gov.cn classes against the official 主题分类 of the titles."""
    from policy_nlp.stages.topics import classify_paragraphs, default_model, govcn_classes
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    topics = classify_paragraphs(default_model(), [r["title"] for r in rows], headings="own")
    out = []
    for row, topic in zip(rows, topics):
        official = row["childtype"].split("\\")[0]
        out.append({"title": row["title"], "official": official, "label": topic["label"],
                    "govcn": govcn_classes(topic), "hit": official in govcn_classes(topic)})
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="scratch folder for the CSV (not the repository)")
    parser.add_argument("--curve", action="store_true", help="also run the labels curve (a few minutes)")
    parser.add_argument("--govcn", action="store_true", help="also check the gov.cn labelled sample")
    parser.add_argument("--score", metavar="MODEL", help="score MODEL on the national hand labels and gold topic maps")
    args = parser.parse_args(argv)
    if not SHARED.joinpath(*LOCAL_CORPUS).is_file():
        print(f"needs {SHARED.joinpath(*LOCAL_CORPUS)}", file=sys.stderr)
        return 2
    if args.out.resolve().is_relative_to(REPO.resolve()):
        print("--out must be outside the repository: the corpus text may not be copied into it",
              file=sys.stderr)
        return 2
    rows = coded_units()
    path = write_csv(rows, args.out / "local_units.csv")
    print(f"{len(rows)} coded units of {len({r['id'] for r in rows})} excerpts -> {path}")
    if args.curve:
        results = labels_curve(rows)
        for strategy, points in results["mean"].items():
            print(f"{strategy:22s} " + " ".join(f"{p['labels']}:{p['macro_f1']:.3f}" for p in points))
        target = REPO / "docs" / "results" / "local_active_learning.json"
        target.write_text(json.dumps(results, indent=1), encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)} ({results['seconds']} s)")
    if args.score:
        for name, result in score_model(args.score).items():
            print(f"{name:22s} n {result['n']:4d}  accuracy {result['accuracy']:.3f}  macro-F1 {result['macro_f1']:.3f}")
    if args.govcn:
        checked = govcn_check()
        for row in checked:
            print(f"{'hit ' if row['hit'] else 'miss'} {row['official']:<16} {row['label']:<24} {row['title']}")
        print(f"official class among the model's gov.cn classes: {sum(r['hit'] for r in checked)} of {len(checked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
