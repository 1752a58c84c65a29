"""Paragraph-topic evaluation: baselines, the model, a learning curve.

Scores, in one run and on the same paragraphs:

- the majority label of the training set,
- the keyword baseline (codebook seed terms, ``general`` when none match),
- the weak labeller that built the training set (its rules applied to the
  evaluation documents; ``general`` where it abstains),
- the default model (``models/topics-default``), headings inheriting the
  topic of their body, as the pipeline does,

on the hand-labelled evaluation set (national work reports 2014, 2021, 2025:
every substantive paragraph, see corpora/topic_labels/README.md), and on two
small out-of-genre gold sets with topic maps (19th CPC congress report; the
seed speech). A learning curve retrains the model on growing stratified
shares of the training set. Also reports each weak-label source's agreement
with the hand labels.

Results go to ``docs/topic_eval.json`` and into ``docs/topics.md`` between
the ``<!-- topic-eval -->`` markers.

Run::

    .venv/bin/python benchmarks/topic_eval.py            # about 3 minutes on 2 cores
    .venv/bin/python benchmarks/topic_eval.py --no-curve # baselines and model only

Needs ../shared/corpora (never reads its held-out split).
"""

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import importlib.util  # noqa: E402

from policy_nlp.apps import training  # noqa: E402

# The default model's recipe (weak labels, corpora, hand labels) is a script, not a module.
_spec = importlib.util.spec_from_file_location("recipe", REPO / "models" / "topics-default" / "recipe.py")
tt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tt)
from policy_nlp.stages.topics import (DEFAULT_MODEL, TopicClassifier, classify_paragraphs,  # noqa: E402
                               keyword_label, load_model, tokenize)

START, END = "<!-- topic-eval:start -->", "<!-- topic-eval:end -->"
CURVE_SHARES = (0.05, 0.1, 0.25, 0.5, 1.0)


def model_predictions(model, docs, tokens):
    """{(doc, index): label} with heading inheritance; boilerplate -> general."""
    out = {}
    for doc, paragraphs in docs.items():
        results = classify_paragraphs(model, [tokens.get(p, p) for p in paragraphs])
        for index, result in enumerate(results):
            out[(doc, index)] = result["label"] if result else "general"
    return out


def weak_predictions(docs):
    out = {}
    for doc, paragraphs in docs.items():
        for index, weak in enumerate(tt.weak_labels(paragraphs)):
            out[(doc, index)] = weak["label"] or "general"
    return out


def gold_sets():
    """Out-of-genre gold topic maps: {name: [(doc, paragraphs, {index: label})]}."""
    sets = {}
    congress = REPO / "tests" / "fixtures" / "gold" / "cpc_congress_19.json"
    if congress.is_file():
        topics = json.loads(congress.read_text(encoding="utf-8"))["topics"]
        paragraphs = tt.congress_reports()[19]
        sets["cpc_congress_19"] = [("cpc19", paragraphs, _match(paragraphs, topics))]
    seed = tt.SHARED_CORPORA.parent / "gold" / "seed_gold.json"
    if seed.is_file():
        from policy_nlp.stages.paragraphs import find_paragraphs
        from policy_nlp.io.reading import read_text
        text, _ = read_text(REPO / "corpora" / "000_49f5c10d9eda79ac.txt")
        paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
        topics = json.loads(seed.read_text(encoding="utf-8"))["topics"]
        sets["seed_speech"] = [("seed", paragraphs, _match(paragraphs, topics))]
    return sets


def _match(paragraphs, topics):
    out = {}
    for prefix, label in topics.items():
        for index, paragraph in enumerate(paragraphs):
            if paragraph.startswith(prefix) and index not in out:
                out[index] = label
                break
    return out


def score(rows_true, predicted):
    return training.score_predictions([label for _, label in rows_true],
                                [predicted[key] for key, _ in rows_true])


def summary(report):
    return {"n": report["n"], "accuracy": report["accuracy"], "macro_f1": report["macro_f1"]}


def run(curve=True, model_path=DEFAULT_MODEL):
    started = time.time()
    results = {"evaluation_set": "hand labels, national Government Work Reports 2014/2021/2025, "
                                 "substantive paragraphs (licence notice, zero-width lines and "
                                 "fragments without Chinese text removed)"}
    rows = tt.hand_labelled()
    docs = {}
    for row in rows:
        docs.setdefault(row["doc"], row["paragraphs"])
    truth = [((row["doc"], row["index"]), row["label"]) for row in rows]
    results["hand_label_counts"] = dict(sorted(Counter(row["label"] for row in rows).items()))

    examples = tt.build_training_set()
    results["training_set"] = tt.training_summary(examples)
    majority = Counter(e["label"] for e in examples).most_common(1)[0][0]
    print(f"training set {len(examples)} paragraphs, built in {time.time() - started:.0f} s", flush=True)

    tokens = {}
    for paragraphs in docs.values():
        for paragraph in paragraphs:
            tokens[paragraph] = tokenize(paragraph)
    model = load_model(model_path)
    predictions = {
        "majority (training set: %s)" % majority: {key: majority for key, _ in truth},
        "keyword (seed terms)": {(r["doc"], r["index"]): keyword_label(r["text"], tt._topic_terms())
                                 for r in rows},
        "weak labeller (training rules)": weak_predictions(docs),
        # named after its folder: --model scores any model the same way
        f"model ({'models/topics-default' if str(model_path) == str(DEFAULT_MODEL) else model_path})":
            model_predictions(model, docs, tokens),
    }
    results["hand_labels"] = {}
    for name, predicted in predictions.items():
        report = score(truth, predicted)
        results["hand_labels"][name] = summary(report)
        if name.startswith("model"):
            results["model_per_label"] = report["per_label"]
            results["model_confusion"] = {"labels": report["labels"], "matrix": report["confusion"]}
        print(f"{name:36s} accuracy {report['accuracy']:.3f}  macro-F1 {report['macro_f1']:.3f}", flush=True)

    results["weak_label_agreement"] = tt.source_agreement(rows)

    results["gold_sets"] = {}
    for name, entries in gold_sets().items():
        for doc, paragraphs, labelled in entries:
            gold_docs = {doc: paragraphs}
            gtruth = [((doc, index), label) for index, label in sorted(labelled.items())]
            gtokens = {p: tokenize(p) for p in paragraphs}
            entry = {}
            for label, predicted in (
                    ("majority", {key: majority for key, _ in gtruth}),
                    ("keyword", {(doc, i): keyword_label(paragraphs[i], tt._topic_terms())
                                 for i in labelled}),
                    ("weak labeller", weak_predictions(gold_docs)),
                    ("model", model_predictions(model, gold_docs, gtokens))):
                entry[label] = summary(score(gtruth, predicted))
            results["gold_sets"][name] = entry
            print(f"gold {name}: {entry}", flush=True)

    if curve:
        texts = [e["text"] for e in examples]
        for text in texts:
            if text not in tokens:
                tokens[text] = tokenize(text)
        labels_ = np.array([e["label"] for e in examples], dtype=object)
        weights = np.array([e["weight"] for e in examples])
        rng = np.random.default_rng(0)
        points = []
        for share in CURVE_SHARES:
            chosen = []
            for label in sorted(set(labels_)):  # stratified subsample
                idx = np.flatnonzero(labels_ == label)
                k = max(3, int(round(share * len(idx))))
                chosen.extend(rng.permutation(idx)[:k])
            chosen = sorted(chosen)
            t0 = time.time()
            m = TopicClassifier().fit([tokens[texts[i]] for i in chosen], labels_[chosen],
                                      sample_weight=weights[chosen])
            report = score(truth, model_predictions(m, docs, tokens))
            points.append({"share": share, "paragraphs": len(chosen), "accuracy": report["accuracy"],
                           "macro_f1": report["macro_f1"], "fit_seconds": round(time.time() - t0, 1)})
            print(f"curve {points[-1]}", flush=True)
        results["learning_curve"] = points
    results["seconds"] = round(time.time() - started, 1)
    return results


def to_markdown(results):
    lines = [START, "", f"_Written by `benchmarks/topic_eval.py` (run time {results['seconds']} s); "
             "raw numbers in `docs/topic_eval.json`._", "",
             f"Evaluation set: {results['evaluation_set']}; "
             f"{sum(results['hand_label_counts'].values())} paragraphs: "
             + ", ".join(f"{k} {v}" for k, v in results["hand_label_counts"].items()) + ".", "",
             "| method | accuracy | macro-F1 |", "|---|---|---|"]
    training = results["training_set"]
    head = ["", f"Training set (weak labels and the local hand labels, source `hand`, each local unit "
            f"counted three times; `build_training_set()`): {training['examples']} paragraphs, "
            f"weighing {training['weighted_examples']} (each label's policy-document paragraphs count "
            "at most 300 in all).", "",
            "| label | paragraphs | weighted |", "|---|---|---|"]
    head += [f"| {k} | {v} | {training['weighted_by_label'][k]} |" for k, v in training["by_label"].items()]
    head += ["", "| source | paragraphs |", "|---|---|"]
    head += [f"| {k} | {v} |" for k, v in training["by_source"].items()]
    head += ["", "| corpus | paragraphs |", "|---|---|"]
    head += [f"| {k} | {v} |" for k, v in training["by_corpus"].items()]
    head += ["", "Scores on the evaluation set:", ""]
    lines[-2:-2] = head
    for name, m in results["hand_labels"].items():
        lines.append(f"| {name} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |")
    lines += ["", "Model, per label (hand labels):", "",
              "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label, m in results["model_per_label"].items():
        lines.append(f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    lines += ["", "Weak-label sources against the hand labels (coverage = paragraphs the source "
              "labels; the combined label is what the training set uses):", "",
              "| source | covers | of | agrees | accuracy where it answers |", "|---|---|---|---|---|"]
    for name, m in results["weak_label_agreement"].items():
        lines.append(f"| {name} | {m['covered']} | {m['of']} | {m['agree']} | {m['accuracy']} |")
    if results.get("gold_sets"):
        lines += ["", "Out-of-genre gold sets (topic maps in the gold files; not used for training):", "",
                  "| set | n | majority acc. | keyword acc. / F1 | weak labeller acc. / F1 | model acc. / F1 |",
                  "|---|---|---|---|---|---|"]
        for name, entry in results["gold_sets"].items():
            cells = [f"{entry[k]['accuracy']:.3f} / {entry[k]['macro_f1']:.3f}"
                     for k in ("keyword", "weak labeller", "model")]
            lines.append(f"| {name} | {entry['model']['n']} | {entry['majority']['accuracy']:.3f} | "
                         + " | ".join(cells) + " |")
    if results.get("learning_curve"):
        lines += ["", "Learning curve (stratified shares of the training set, scored on the hand labels):",
                  "", "| share | paragraphs | accuracy | macro-F1 | fit s |", "|---|---|---|---|---|"]
        for p in results["learning_curve"]:
            lines.append(f"| {p['share']} | {p['paragraphs']} | {p['accuracy']:.3f} | "
                         f"{p['macro_f1']:.3f} | {p['fit_seconds']} |")
    lines += ["", END]
    return "\n".join(lines)


def write_docs(results, docs_dir=REPO / "docs"):
    docs_dir = Path(docs_dir)
    (docs_dir / "topic_eval.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                              encoding="utf-8")
    page = docs_dir / "topics.md"
    block = to_markdown(results)
    text = page.read_text(encoding="utf-8") if page.is_file() else ""
    if START in text and END in text:
        text = text[:text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    page.write_text(text, encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-curve", action="store_true", help="skip the learning curve")
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if not tt.SHARED_CORPORA.is_dir() or not tt.HAND_LABELS.is_file():
        print("needs ../shared/corpora and corpora/topic_labels/hand_labels.jsonl", file=sys.stderr)
        return 2
    results = run(curve=not args.no_curve, model_path=args.model)
    if not args.no_write:
        write_docs(results)
        print("wrote docs/topic_eval.json and docs/topics.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
