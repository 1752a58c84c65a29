"""Stacking: a learned topic context for local speech paragraphs, measured.

The shipped context (``policy_nlp/stages/topics/context.py``) combines the
classifier's paragraph probabilities with a title prior, a general penalty and
speech bridges by hand-set weights. This benchmark replaces that combination by
a small learned model on top of the classifier — a multinomial logistic
regression with strong L2 on standardised features (``C`` = 0.1), or a
*tied* conditional logit (:class:`TiedStacker`: the hand-set form with its
weights learnt) — and measures it in the grouped 5-fold cross-validation of
``benchmarks/topic_cv.py`` (same folds, same fold models, same cache, same
scoring of the 813 hand-labelled units and the 131 local dev gold paragraphs).

Features of a classified paragraph (blocks; a feature set is a choice of blocks):

- ``own``: its log probabilities;
- ``document``: the log probabilities of the whole document classified as one
  text (:func:`policy_nlp.stages.topics.document_scores`);
- ``title``: the area the title names (:func:`topic_context.title_topic` of
  :func:`topic_context.find_title`), one-hot;
- ``neighbours``: the mean log probabilities of the classified paragraphs
  before and after (as :func:`topic_context.contextualize` computes them);
- ``shape``: log characters, relative position in the document, meeting
  opening, short bridge (< ``MIN_CHARS``), long (>= ``SUBSTANTIVE_CHARS``),
  a title found, heading level (one-hot; headings still inherit their body's topic after).

Held-out throughout: for outer fold k the stacker is trained only on the
out-of-fold outputs of the other folds' documents (each paragraph classified by
the fold model that did not see its excerpt) and scored on fold k. The fold
models of folds j != k did see fold k's units in training, so the stacker's
training features depend on fold k's labels at second hand (the usual
stacking shortcut; a fully nested run would retrain 20 inner models).

The national check: a stacker trained on all local out-of-fold rows is applied
to the default model's outputs on the national gold (``../shared/gold/seed_gold.json``
and ``tests/fixtures/gold/*.json``, run as ``policy-nlp evaluate`` runs them) and
on the national hand-labelled reports (as ``models/topics-default/recipe.py``
evaluates them: stripped lines, no title), with and without a gate that
applies the stacker only to documents whose inferred level of government is a
city or below (``meta.level``; the hand-labelled reports' level is read by the
same cleaning and places stages). The gated stacker is scored in the local
cross-validation too (ungated documents keep the shipped context).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/topic_stack.py -o benchmarks/results/topic_stack.json
        [the fold-model options of topic_cv.py: --C, --local-weight, --cache ...]

The fold models come from ``topic_cv.py``'s cache (about 6 minutes to build
them when absent); the national runs are cached beside them. A cache holds the
pipeline runs of the code that built it: after a change to cleaning or
paragraphs, point ``--cache`` at a new folder (``benchmarks/results/topic_stack.json``
was made with a cache built from scratch at the commit that added this file).
Eight stackers were measured, each with and without the gate: the logistic
regression on three feature sets, each unweighted and with balanced class
weights, and the tied model on two; ``STACK_C`` was fixed beforehand, not
tuned. The blind local gold and the held-out splits are never read.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import topic_cv as cv  # noqa: E402

from policy_nlp.apps import evaluation as ev  # noqa: E402
from policy_nlp.apps.training import score_predictions  # noqa: E402
from policy_nlp.stages.topics import context as tc  # noqa: E402
from policy_nlp.stages.normalize import prepare  # noqa: E402
from policy_nlp.stages.places import LEVELS  # noqa: E402
from policy_nlp.stages.topics import (classify_paragraphs, default_model, document_scores,  # noqa: E402
                                      heading_level, inherit_heading_topics)

FEATURE_SETS = {
    "own+shape": ("own", "shape"),
    "no-document": ("own", "title", "neighbours", "shape"),
    "full": ("own", "document", "title", "neighbours", "shape"),
}
CLASS_WEIGHTS = (None, "balanced")
# Feature sets of the tied stacker (:class:`TiedStacker`).
TIED_SETS = ("no-document", "full")
STACK_C = 0.1
SHIPPED = {"prior_weight": tc.PRIOR_WEIGHT, "neighbour_weight": tc.NEIGHBOUR_WEIGHT,
           "title_weight": tc.TITLE_WEIGHT, "general_penalty": tc.GENERAL_PENALTY,
           "document_weight": tc.DOCUMENT_WEIGHT}
# The best hand-set row of topic_cv.py's grid (docs/topics.md).
BEST_LOCAL = {"prior_weight": 0.0, "neighbour_weight": 0.0, "title_weight": 0.0, "general_penalty": 1.0,
              "document_weight": 0.25}
# Levels of government whose documents the gate lets the stacker re-weigh.
LOCAL_LEVELS = frozenset(LEVELS[LEVELS.index("city"):])
NATIONAL_GOLD = [ROOT.parent / "shared/gold/seed_gold.json"] + sorted((ROOT / "tests/fixtures/gold").glob("*.json"))


def features(own, texts, title, document, labels):
    """The feature blocks of a document's classified paragraphs.

    Returns
    -------
    keep : list of int
        The indices of the classified paragraphs (the rows).
    blocks : dict of str to ndarray
    """
    keep = [i for i, r in enumerate(own) if r is not None]
    if not keep:
        return keep, {}
    logp = np.log(np.clip([[own[i]["scores"].get(label, 0.0) for label in labels] for i in keep],
                          tc.LOG_FLOOR, 1.0))
    if len(keep) > 1:
        before, after = logp[:-1], logp[1:]
        neighbours = np.concatenate([after[:1], (before[:-1] + after[1:]) / 2, before[-1:]])
    else:
        neighbours = logp.copy()
    whole = [document.get(label, 0.0) for label in labels] if document else [1 / len(labels)] * len(labels)
    area = tc.title_topic(title)
    title_row = [float(area == label) for label in labels]
    shape = []
    for i in keep:
        text = texts[i].strip()
        level = heading_level(texts[i])
        shape.append([np.log1p(len(text)), i / max(len(texts) - 1, 1), float(tc.is_meeting_opening(texts[i])),
                      float(len(text) < tc.MIN_CHARS), float(len(text) >= tc.SUBSTANTIVE_CHARS),
                      float(title is not None)]
                     + [float(level == n) for n in (None, 0, 1, 2, 3, 4)])
    rows = len(keep)
    return keep, {"own": logp, "neighbours": neighbours, "shape": np.array(shape),
                  "document": np.tile(np.log(np.clip(whole, tc.LOG_FLOOR, 1.0)), (rows, 1)),
                  "title": np.tile(title_row, (rows, 1))}


def _gold_paragraphs(d):
    """(paragraph index, label) of each gold topic found in the pipeline's
    paragraphs, located as :func:`policy_nlp.apps.evaluation.score_topics` does."""
    gold, annotated = d["gold"], d["annotated"]
    if (annotated.get("meta") or {}).get("converted"):
        gold = ev.simplified_gold(gold)
    normalised, offsets = ev.normalised_index(annotated["text"])
    out = []
    for opening, label in (gold.get("topics") or {}).items():
        at = normalised.find(ev.comparable_text(opening)) if ev.comparable_text(opening) else -1
        if at >= 0:
            index = next((i for i, p in enumerate(annotated["paragraphs"])
                          if p["start"] <= offsets[at] < p["end"]), None)
            if index is not None:
                out.append((index, label))
    return out


def document_rows(d, own, document, labels):
    """Features of every classified paragraph and the labelled rows
    ((row, label): hand units and gold paragraphs) of one local document."""
    keep, blocks = features(own, d["texts"], d["title"], document, labels)
    row_of = {i: row for row, i in enumerate(keep)}
    labelled = [(index, label) for label, index in d.get("units", ())] + (
        _gold_paragraphs(d) if "gold" in d else [])
    return keep, blocks, [(row_of[i], label) for i, label in labelled if i in row_of]


def _matrix(blocks, names):
    return np.hstack([blocks[name] for name in names])


def fit_stacker(rows, names, class_weight, tied=False, labels=None):
    """A logistic regression (or, ``tied``, a :class:`TiedStacker`) on the
    labelled rows ([(blocks, [(row, label)])])."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    X, y = [], []
    for blocks, labelled in rows:
        if labelled:
            matrix = _matrix(blocks, names)
            X += [matrix[row] for row, _ in labelled]
            y += [label for _, label in labelled]
    if tied:
        widths = {name: block.shape[1] for name, block in next(b for b, _ in rows if b).items()}
        return TiedStacker(names, labels, class_weight).fit(np.array(X), y, widths)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=STACK_C, class_weight=class_weight,
                                                               max_iter=5000))
    return model.fit(np.array(X), y)


class TiedStacker:
    """A conditional logit: the score of label c is ``w · (own_c, document_c,
    title_c, neighbours_c)`` with one weight per block shared by all labels
    (the hand-set context's form, its weights learnt), plus a bias and a
    linear term in the standardised ``shape`` features for each label (L2,
    ``1 / (2 C)`` per row); the shared weights are not penalised.

    Parameters
    ----------
    names : tuple of str
        The blocks; every one but ``shape`` must have one column per label.
    labels : list of str
    class_weight : None or "balanced"
    """

    def __init__(self, names, labels, class_weight=None, C=STACK_C):
        self.names, self.labels, self.class_weight, self.C = names, list(labels), class_weight, C
        self.classes_ = np.array(self.labels)

    def _split(self, X):
        n, k = len(X), len(self.labels)
        tied, column = [], 0
        shape = np.zeros((n, 0))
        for name in self.names:
            width = self._widths[name]
            if name == "shape":
                shape = (X[:, column:column + width] - self._mean) / self._scale
            else:
                tied.append(X[:, column:column + k])
            column += width
        return np.stack(tied, axis=2), np.hstack([np.ones((n, 1)), shape])

    def _scores(self, params, tied, shape):
        m = tied.shape[2]
        w, V = params[:m], params[m:].reshape(shape.shape[1], len(self.labels))
        return tied @ w + shape @ V

    def fit(self, X, y, widths):
        from scipy.optimize import minimize
        self._widths = widths
        if "shape" in self.names:
            start = sum(widths[name] for name in self.names[:self.names.index("shape")])
            block = X[:, start:start + widths["shape"]]
            self._mean, self._scale = block.mean(axis=0), block.std(axis=0) + 1e-9
        tied, shape = self._split(X)
        target = np.array([self.labels.index(label) for label in y])
        counts = np.bincount(target, minlength=len(self.labels))
        row_weight = (len(y) / (np.count_nonzero(counts) * counts[target]) if self.class_weight == "balanced"
                      else np.ones(len(y)))
        m = tied.shape[2]
        onehot = np.eye(len(self.labels))[target]

        def loss(params):
            scores = self._scores(params, tied, shape)
            scores -= scores.max(axis=1, keepdims=True)
            logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
            residual = (np.exp(logp) - onehot) * row_weight[:, None]
            V = params[m:]
            value = -(row_weight * logp[np.arange(len(y)), target]).sum() + V @ V / (2 * self.C)
            grad_w = np.einsum("nk,nkm->m", residual, tied)
            grad_V = (shape.T @ residual).ravel() + V / self.C
            return value, np.concatenate([grad_w, grad_V])

        start = np.zeros(m + shape.shape[1] * len(self.labels))
        start[0] = 1.0  # the paragraph's own probabilities, as with no context
        self.params_ = minimize(loss, start, jac=True, method="L-BFGS-B").x
        return self

    def predict_proba(self, X):
        scores = self._scores(self.params_, *self._split(X))
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)


def stacked_results(stacker, names, own, texts, keep, blocks, labels):
    """A document's results re-weighed by the stacker, headings inheriting."""
    out = list(own)
    if keep:
        proba = stacker.predict_proba(_matrix(blocks, names))
        classes = [str(c) for c in stacker.classes_]
        for i, row in zip(keep, proba.tolist()):
            scores = {label: 0.0 for label in labels}
            scores.update({c: round(p, 4) for c, p in zip(classes, row)})
            best = classes[row.index(max(row))]
            out[i] = {"label": best, "score": scores[best], "scores": scores}
    return inherit_heading_topics(texts, out)


def _gated(d):
    return (d["annotated"].get("meta") or {}).get("level") in LOCAL_LEVELS


def _variants():
    """(name, feature blocks, class weight, tied) of each stacker measured."""
    return [(f"stack {name}, {weight or 'unweighted'}", names, weight, False)
            for name, names in FEATURE_SETS.items() for weight in CLASS_WEIGHTS] + [
        (f"tied {name}, unweighted", FEATURE_SETS[name], None, True) for name in TIED_SETS]


def cross_validate(outputs, labels):
    """Rows of the local cross-validation: shipped, best hand-set, each stacker, gated stackers."""
    prepared = []  # per fold: {doc: (keep, blocks, labelled)}
    for test, own, doc_probs in outputs:
        prepared.append({i: document_rows(d, own[i], doc_probs[i], labels) for i, d in test.items()})
    names = ["shipped context", "best hand-set (document 0.25, penalty 1.0, no title)"]
    variants = _variants()
    names += [v[0] for v in variants] + [v[0] + ", gated" for v in variants]
    per_fold = {name: [] for name in names}
    pooled = {name: ([], []) for name in names}

    def add(name, test, results_of):
        units, golds = cv.score_results(test, results_of)
        per_fold[name].append(cv._summary(units + golds))
        pooled[name][0].extend(units)
        pooled[name][1].extend(golds)

    for k, (test, own, doc_probs) in enumerate(outputs):
        shipped = cv.context_results(test, own, SHIPPED, doc_probs)
        add(names[0], test, shipped)
        add(names[1], test, cv.context_results(test, own, BEST_LOCAL, doc_probs))
        train = [(blocks, labelled) for j, fold in enumerate(prepared) if j != k
                 for _, blocks, labelled in fold.values()]
        for name, feature_names, weight, tied in variants:
            stacker = fit_stacker(train, feature_names, weight, tied, labels)
            stacked = {i: stacked_results(stacker, feature_names, own[i], d["texts"], *prepared[k][i][:2], labels)
                       for i, d in test.items()}
            add(name, test, stacked)
            add(name + ", gated", test, {i: stacked[i] if _gated(d) else shipped[i] for i, d in test.items()})
    return [{"setting": name, **cv.summarize(per_fold[name], *pooled[name])} for name in names], prepared


def national_documents(cache):
    """The national gold documents run through the pipeline as ``policy-nlp evaluate`` does."""
    def build():
        from policy_nlp.pipeline.loading import load
        nlp = load()
        docs = {}
        for path in NATIONAL_GOLD:
            gold = ev.load_gold(path)
            run = cv._run(nlp, str(gold.get("document")), ev.gold_text(gold))
            run["gold"] = gold
            docs[path.stem] = run
        return docs
    return cv._cached(Path(cache) / "stack_national_gold.pkl", build)


def _gold_counts(docs, results_of):
    """Right / scored of each gold document and in all."""
    out = {}
    for i in docs:
        _, golds = cv.score_results({i: docs[i]}, results_of)
        out[i] = [sum(g == f for g, f in golds), len(golds)]
    out["all"] = [sum(v[0] for v in out.values()), sum(v[1] for v in out.values())]
    _, golds = cv.score_results(docs, results_of)
    out["macro_f1"] = round(ev.macro_f1(golds), 4)
    return out


def national_check(stackers, labels, cache):
    """The default model on the national gold and the national hand labels:
    shipped context, best hand-set, each stacker with and without the gate."""
    import importlib.util
    model = default_model()
    docs = national_documents(cache)
    own = cv.own_results(model, docs)
    doc_probs = cv.doc_probabilities(model, docs)
    gold = {"levels": {i: (d["annotated"].get("meta") or {}).get("level") for i, d in docs.items()},
            "shipped context": _gold_counts(docs, cv.context_results(docs, own, SHIPPED, doc_probs)),
            "best hand-set": _gold_counts(docs, cv.context_results(docs, own, BEST_LOCAL, doc_probs))}
    spec = importlib.util.spec_from_file_location("recipe", ROOT / "models/topics-default/recipe.py")
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    rows = recipe.hand_labelled()
    reports = {}
    for row in rows:
        reports.setdefault(row["doc"], row["paragraphs"])
    hand_own = {i: classify_paragraphs(model, p, headings="own", context=False) for i, p in reports.items()}
    hand_docs = {i: document_scores(model, p) for i, p in reports.items()}
    levels = {i: prepare("\n".join(p))[1].get("level") for i, p in reports.items()}

    def hand_score(results_of):
        predicted = [results_of[r["doc"]][r["index"]] for r in rows]
        scores = score_predictions([r["label"] for r in rows], [p["label"] if p else "general" for p in predicted])
        return {k: scores[k] for k in ("n", "accuracy", "macro_f1")}

    hand = {"levels": levels,
            "shipped context": hand_score({i: classify_paragraphs(model, p) for i, p in reports.items()})}
    for name, (stacker, feature_names) in stackers.items():
        stacked = {i: stacked_results(stacker, feature_names, own[i], d["texts"],
                                      *features(own[i], d["texts"], d["title"], doc_probs[i], labels), labels)
                   for i, d in docs.items()}
        gold[name] = _gold_counts(docs, stacked)
        gold[name + ", gated"] = _gold_counts(docs, {i: stacked[i] if _gated(d) else
                                                     cv.context_results({i: d}, own, SHIPPED, doc_probs)[i]
                                                     for i, d in docs.items()})
        hand_stacked = {i: stacked_results(stacker, feature_names, hand_own[i], p,
                                           *features(hand_own[i], p, None, hand_docs[i], labels), labels)
                        for i, p in reports.items()}
        hand[name] = hand_score(hand_stacked)
        hand[name + ", gated"] = hand_score({i: hand_stacked[i] if levels[i] in LOCAL_LEVELS else
                                             classify_paragraphs(model, p) for i, p in reports.items()})
    return {"national_gold": gold, "national_hand_labels": hand}


def main(argv=None):
    parser = cv.make_parser()
    args = parser.parse_args(argv)
    started = time.time()
    docs, fold, weight, outputs = cv.fold_outputs(args, started)
    labels = sorted({label for _, own, _ in outputs for results in own.values()
                     for r in results if r for label in r["scores"]})
    rows, prepared = cross_validate(outputs, labels)
    for row in rows:
        print(json.dumps(row, ensure_ascii=False), flush=True)
    every = [(blocks, labelled) for fold_rows in prepared for _, blocks, labelled in fold_rows.values()]
    stackers = {name: (fit_stacker(every, names, weight, tied, labels), names)
                for name, names, weight, tied in _variants()}
    national = national_check(stackers, labels, args.cache)
    print(json.dumps(national, ensure_ascii=False, indent=1))
    if args.output:
        result = {"args": vars(args), "local_weight": weight, "stack_C": STACK_C,
                  "feature_sets": {k: list(v) for k, v in FEATURE_SETS.items()},
                  "seconds": round(time.time() - started), "rows": rows, **national}
        Path(args.output).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
