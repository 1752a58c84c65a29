"""Active-learning simulation on the bundled hand labels: which paragraphs to code first?

The hand labels (corpora/topic_labels/hand_labels.jsonl: the 2014, 2021 and
2025 national work reports, 324 substantive paragraphs) play a coder whose
labels are held back: each strategy starts from the same 20 random
paragraphs, asks for 20 more labels at a time, retrains
:class:`~policy_nlp.stages.topics.TopicClassifier` and is scored (macro-F1
over the labels present) on a report it never sees. Each report is the test
set once (the other two are the pool), with 3 seeds.

- ``random``: the next paragraphs at random;
- ``uncertainty+diversity``: :func:`policy_nlp.apps.suggestions.select` — the
  ``policy-nlp suggest`` ranking (smallest margin, spread over documents and
  predicted labels, near-duplicates skipped).

Writes ``docs/results/active_learning.json`` and ``docs/img/active_learning.png``.

Run::

    .venv/bin/python benchmarks/active_learning.py      # about 3 minutes on 2 cores

Needs ../shared/corpora (the hand labels store prefixes; the text is read from
the work reports; the held-out split is never read).
"""

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policy_nlp.apps.suggestions import select, uncertainty  # noqa: E402
from policy_nlp.apps.training import fit_learnable, score_predictions  # noqa: E402
from policy_nlp.errors import TrainingDataError  # noqa: E402
from policy_nlp.stages.topics import TopicClassifier, tokenize  # noqa: E402

_spec = importlib.util.spec_from_file_location("recipe", REPO / "models" / "topics-default" / "recipe.py")
recipe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recipe)

START, STEP, STOP, SEEDS = 20, 20, 200, (0, 1, 2)


def simulate(tokens, labels, docs, test_docs, strategy, seed, start=START, step=STEP, stop=STOP):
    """macro-F1 on the documents ``test_docs`` after each batch of labels from the others.

    Also used by ``benchmarks/train_local_example.py`` (test: a fold of local excerpts).
    """
    test_docs = {test_docs} if isinstance(test_docs, str) else set(test_docs)
    pool = [i for i, d in enumerate(docs) if d not in test_docs]
    test = [i for i, d in enumerate(docs) if d in test_docs]
    rng = np.random.default_rng(seed)
    labelled = list(rng.choice(pool, start, replace=False))
    curve = []
    while True:
        model = TopicClassifier(random_state=seed)
        try:
            fit_learnable(model, [tokens[i] for i in labelled], [labels[i] for i in labelled], False)
            predicted = [str(p) for p in model.predict([tokens[i] for i in test])]
        except TrainingDataError:  # a start with one learnable label: predict the commonest
            common = max(set(labels[i] for i in labelled), key=[labels[i] for i in labelled].count)
            predicted, model = [common] * len(test), None
        report = score_predictions([labels[i] for i in test], predicted)
        curve.append({"labels": len(labelled), "macro_f1": report["macro_f1"], "accuracy": report["accuracy"]})
        if len(labelled) >= min(stop, len(pool)):
            return curve
        rest = [i for i in pool if i not in set(labelled)]
        if strategy == "random" or model is None:
            batch = list(rng.choice(rest, min(step, len(rest)), replace=False))
        else:
            rest_tokens = [tokens[i] for i in rest]
            proba = model.predict_proba(rest_tokens)
            guesses = [str(model.classes_[k]) for k in np.argmax(proba, axis=1)]
            chosen = select(uncertainty(proba), guesses, [docs[i] for i in rest], step,
                            features=model._features(rest_tokens))
            batch = [rest[k] for k in chosen]
        labelled += batch


def run():
    started = time.time()
    rows = recipe.hand_labelled()
    tokens = [tokenize(r["text"]) for r in rows]
    labels = [r["label"] for r in rows]
    docs = [r["doc"] for r in rows]
    results = {"paragraphs": len(rows), "documents": sorted(set(docs)), "start": START, "step": STEP,
               "seeds": list(SEEDS), "runs": []}
    for test_doc in sorted(set(docs)):
        for seed in SEEDS:
            for strategy in ("random", "uncertainty+diversity"):
                curve = simulate(tokens, labels, docs, test_doc, strategy, seed)
                results["runs"].append({"test_document": test_doc, "seed": seed, "strategy": strategy,
                                        "curve": curve})
                print(f"{test_doc} seed {seed} {strategy:22s} "
                      + " ".join(f"{p['macro_f1']:.2f}" for p in curve), flush=True)
    summary = {}
    for strategy in ("random", "uncertainty+diversity"):
        curves = [r["curve"] for r in results["runs"] if r["strategy"] == strategy]
        summary[strategy] = [{"labels": p["labels"],
                              "macro_f1": round(float(np.mean([c[k]["macro_f1"] for c in curves])), 4),
                              "std": round(float(np.std([c[k]["macro_f1"] for c in curves])), 4)}
                             for k, p in enumerate(curves[0])]
    results["mean"] = summary
    results["seconds"] = round(time.time() - started, 1)
    return results


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(6, 3.6))
    for strategy, points in results["mean"].items():
        x = [p["labels"] for p in points]
        y = np.array([p["macro_f1"] for p in points])
        s = np.array([p["std"] for p in points])
        ax.plot(x, y, marker="o", label=strategy)
        ax.fill_between(x, y - s, y + s, alpha=0.15)
    ax.set_xlabel("hand labels used")
    ax.set_ylabel("macro-F1 on the unseen report")
    ax.set_title("Which paragraphs to code first (hand labels, 3 reports x 3 seeds)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if not (recipe.SHARED_CORPORA / "national" / "government_work_reports.jsonl").is_file():
        print("needs ../shared/corpora (or POLICY_NLP_SHARED)", file=sys.stderr)
        return 2
    results = run()
    for strategy, points in results["mean"].items():
        print(f"{strategy:22s} " + " ".join(f"{p['labels']}:{p['macro_f1']:.3f}" for p in points))
    if not args.no_write:
        (REPO / "docs" / "results").mkdir(parents=True, exist_ok=True)
        (REPO / "docs" / "results" / "active_learning.json").write_text(json.dumps(results, indent=1),
                                                                         encoding="utf-8")
        plot(results, REPO / "docs" / "img" / "active_learning.png")
        print("wrote docs/results/active_learning.json and docs/img/active_learning.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
