"""Baselines and scores of paragraph-topic predictions.

A majority and a keyword baseline (:class:`KeywordBaseline`) beside the classifier;
single-label (:func:`score_predictions`) and multi-label (:func:`score_multilabel`)
metrics; :func:`evaluate` scores a model on labelled rows.
"""

from collections import Counter

import numpy as np

from policy_nlp.stages.topics.codebook import is_codebook


class KeywordBaseline:
    """Label by keywords: the codebook's seed terms when every label is a
    codebook label, else the 20 tokens most typical of each label in the
    training data (smoothed document-frequency ratio, tokens of 2+ characters).

    Predicts the label with the most keyword hits; the training set's most
    common label when nothing matches.
    """

    def __init__(self, top=20):
        self.top = top

    def fit(self, tokens, labels):
        single = [t if isinstance(t, str) else (t[0] if t else None) for t in labels]
        counts = Counter(s for s in single if s is not None)
        self.majority_ = counts.most_common(1)[0][0]
        self.classes_ = sorted(counts)
        self.seed_ = is_codebook(self.classes_)
        if self.seed_:
            return self
        docs = [set(t) for t in tokens]
        self.keywords_ = {}
        for label in self.classes_:
            inside = Counter(w for d, s in zip(docs, single) if s == label for w in d if len(w) >= 2)
            outside = Counter(w for d, s in zip(docs, single) if s != label for w in d if len(w) >= 2)
            n_in, n_out = counts[label], len(docs) - counts[label]
            ratio = {w: (c + 0.5) / (n_in + 1) / ((outside[w] + 0.5) / (n_out + 1))
                     for w, c in inside.items() if c >= 2}
            best = sorted(ratio, key=lambda w: (-ratio[w], w))[:self.top]
            self.keywords_[label] = {w for w in best if ratio[w] > 1.0}
        return self

    def predict(self, tokens):
        from policy_nlp.stages.topics import keyword_scores
        out = []
        for paragraph in tokens:
            if self.seed_:
                scores = keyword_scores("".join(paragraph))
                scores = {k: v for k, v in scores.items() if k in self.classes_}
            else:
                words = set(paragraph)
                scores = {label: len(words & kw) for label, kw in self.keywords_.items()}
            best = max(scores, key=lambda k: (scores[k], k == self.majority_)) if scores else None
            out.append(best if best is not None and scores[best] > 0 else self.majority_)
        return out

    def describe(self):
        return ("keyword (codebook seed terms)" if self.seed_ else
                f"keyword (top {self.top} terms per label, learned on the training part)")


def majority_label(labels):
    """The most common label (single-label) or label set (multi-label)."""
    return Counter(labels).most_common(1)[0][0]


# ---------------------------------------------------------------------------
# Scores


def _per_label(label_set, precision, recall, f1, support):
    """``{label: {"precision", "recall", "f1", "support"}}`` from sklearn's per-label arrays."""
    return {label: {"precision": round(float(precision[i]), 4), "recall": round(float(recall[i]), 4),
                    "f1": round(float(f1[i]), 4), "support": int(support[i])}
            for i, label in enumerate(label_set)}


def score_predictions(y_true, y_pred, label_set=None):
    """Single-label scores: accuracy, macro- and weighted-F1, per label, confusion.

    Macro-F1 averages over the labels present in ``y_true``.

    Examples
    --------
    >>> r = score_predictions(["a", "a", "b"], ["a", "b", "b"])
    >>> r["accuracy"], r["macro_f1"], r["confusion"]
    (0.6667, 0.6667, [[1, 1], [0, 1]])
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
    label_set = list(label_set) if label_set else sorted(set(y_true) | set(y_pred))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=label_set, zero_division=0)
    present = [i for i, label in enumerate(label_set) if label in set(y_true)]
    weights = np.array([s[i] for i in present], dtype=float)
    return {
        "n": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(np.mean([f[i] for i in present])), 4),
        "weighted_f1": round(float(np.dot([f[i] for i in present], weights) / weights.sum()), 4),
        "per_label": _per_label(label_set, p, r, f, s),
        "labels": label_set,
        "confusion": confusion_matrix(y_true, y_pred, labels=label_set).tolist(),
    }


def score_multilabel(y_true, y_pred, label_set=None):
    """Multi-label scores: micro/macro/weighted F1, subset accuracy, Hamming loss, per label.

    Examples
    --------
    >>> r = score_multilabel([("a", "b"), ("a",)], [("a",), ("a",)])
    >>> r["subset_accuracy"], r["hamming_loss"], r["micro_f1"]
    (0.5, 0.25, 0.8)
    """
    from sklearn.metrics import accuracy_score, f1_score, hamming_loss, precision_recall_fscore_support
    label_set = list(label_set) if label_set else sorted({x for s in list(y_true) + list(y_pred) for x in s})
    T = np.array([[label in s for label in label_set] for s in y_true], dtype=int)
    P = np.array([[label in s for label in label_set] for s in y_pred], dtype=int)
    present = [i for i in range(len(label_set)) if T[:, i].any()]
    p, r, f, s = precision_recall_fscore_support(T, P, zero_division=0)
    return {
        "n": len(y_true),
        "subset_accuracy": round(float(accuracy_score(T, P)), 4),
        "hamming_loss": round(float(hamming_loss(T, P)), 4),
        "micro_f1": round(float(f1_score(T, P, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(np.mean([f[i] for i in present])), 4) if present else 0.0,
        "weighted_f1": round(float(f1_score(T[:, present], P[:, present], average="weighted",
                                            zero_division=0)), 4) if present else 0.0,
        "per_label": _per_label(label_set, p, r, f, s),
        "labels": label_set,
    }


def headline_scores(report, multi_label):
    """The few scores a fold, a baseline or a table shows, out of a full score report."""
    keys = (("micro_f1", "macro_f1", "weighted_f1", "subset_accuracy", "hamming_loss") if multi_label
            else ("accuracy", "macro_f1", "weighted_f1"))
    return {k: report[k] for k in keys}


def evaluate(model, rows):
    """Single-label scores of a model on hand-labelled paragraphs in their documents.

    ``rows`` are ``{"doc", "index", "label", "paragraphs"}`` (``paragraphs``:
    the whole document, so headings take the label of their body, as
    :func:`~policy_nlp.stages.topics.classify_paragraphs` does).
    """
    from policy_nlp.stages.topics import classify_paragraphs
    by_doc = {}
    for row in rows:
        by_doc.setdefault(row["doc"], row["paragraphs"])
    predicted = {}
    for doc, paragraphs in by_doc.items():
        for index, result in enumerate(classify_paragraphs(model, paragraphs)):
            predicted[(doc, index)] = result["label"] if result else "general"
    return score_predictions([r["label"] for r in rows], [predicted[(r["doc"], r["index"])] for r in rows])
