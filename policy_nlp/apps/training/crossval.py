"""Cross-validation grouped by document, and the scores of a held-out test split.

Paragraphs of one document never sit on both sides of a split; the classifier is
scored beside the baselines of :mod:`policy_nlp.apps.training.scores`.
"""

import logging
import time
import warnings
from collections import Counter

import numpy as np

from policy_nlp.errors import TrainingDataError
from policy_nlp.stages.topics import TopicClassifier, tokenize
from policy_nlp.stages.topics.multilabel import MultiLabelTopicClassifier
from policy_nlp.apps.training.scores import (KeywordBaseline, headline_scores, majority_label, score_multilabel,
                                             score_predictions)

log = logging.getLogger("policy_nlp")


def make_estimator(multi_label=False, threshold=0.5, random_state=0, **params):
    """A fresh (multi-label) topic classifier."""
    if multi_label:
        return MultiLabelTopicClassifier(random_state=random_state, threshold=threshold, **params)
    return TopicClassifier(random_state=random_state, **params)


def fit_learnable(estimator, tokens, labels, multi_label, weights=None):
    """Fit on the labels that have enough examples; returns the labels left out.

    A label with fewer than 2 training examples (multi-label: fewer than 2
    with or 2 without it) cannot be calibrated: its rows are left out
    (multi-label: the label is removed from them) and it is never predicted.
    ``weights`` (one per row, or None) go to the estimator as
    ``sample_weight``; a row of weight 0 counts as no example, so a label
    whose rows all weigh 0 is left out (and returned) too.
    """
    counted = [s for i, s in enumerate(labels) if weights is None or weights[i] > 0]
    counts = Counter(x for s in counted for x in s) if multi_label else Counter(counted)
    present = set(x for s in labels for x in s) if multi_label else set(labels)
    # a label whose every row weighs 0 has no example: left out and reported, not dropped unsaid
    unlearnable = {label for label in present
                   if counts[label] < 2 or (multi_label and len(counted) - counts[label] < 2)}
    if multi_label:
        keep = range(len(labels))
        y = [tuple(x for x in s if x not in unlearnable) for s in labels]
    else:
        keep = [i for i, label in enumerate(labels) if label not in unlearnable]
        y = [labels[i] for i in keep]
    if len(set(x for s in y for x in s) if multi_label else set(y)) < 2:
        raise TrainingDataError(f"fewer than two labels with at least 2 examples (counts: {dict(counts)})")
    weight = None if weights is None else [weights[i] for i in keep]
    estimator.fit([tokens[i] for i in keep], y, sample_weight=weight)
    return sorted(unlearnable)


def _splitter(data, folds, random_state):
    from sklearn.model_selection import GroupKFold, KFold, StratifiedGroupKFold, StratifiedKFold
    y = [s[0] if data.multi_label and s else s for s in data.labels]  # stratify on the first label
    smallest = min(Counter(y).values())
    if data.groups is not None:
        n_groups = len(set(data.groups))
        if n_groups < folds:
            raise TrainingDataError(
                f"{data.source}: only {n_groups} documents in {data.group_column!r}, and cross-validation "
                f"grouped by document needs at least {folds} (--folds {folds}); use --folds {max(2, n_groups)} "
                "if there are 2 or more, --group-column '' to split paragraphs regardless of documents "
                "(optimistic), or --folds 0 to train without cross-validation")
        if data.multi_label:
            return GroupKFold(n_splits=folds).split(data.texts, y, data.groups)
        with warnings.catch_warnings():  # a label rarer than the folds: the report's advice names it
            warnings.filterwarnings("ignore", "The least populated class", UserWarning)
            return list(StratifiedGroupKFold(n_splits=folds, shuffle=True,
                                             random_state=random_state).split(data.texts, y, data.groups))
    if len(data.texts) < 2 * folds:
        raise TrainingDataError(f"{data.source}: {len(data.texts)} rows are too few for {folds}-fold "
                                "cross-validation; use fewer --folds or --folds 0 to train without it")
    if smallest >= folds and not data.multi_label:
        return StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state).split(data.texts, y)
    return KFold(n_splits=folds, shuffle=True, random_state=random_state).split(data.texts)


def cross_validate(data, folds=5, random_state=0, verbose=False, tokens=None, threshold=0.5, **params):
    """Cross-validated scores of the model and of two baselines, per fold and pooled.

    Parameters
    ----------
    data : LabelledData
    folds : int
        At least 2. Folds are grouped by ``data.groups`` when given.
    tokens : list of list of str, optional
        The paragraphs already segmented (segmented here otherwise, once).

    Each fold's model is fit with the weights of its training rows
    (``data.weights``); the held-out fold is scored unweighted, every row
    once, and the baselines ignore the weights.

    Returns
    -------
    dict
        ``folds``, ``grouped``, ``per_fold`` (each method's headline scores
        per fold), ``mean`` and ``std`` over folds, ``pooled`` (the model's
        out-of-fold predictions scored together: per label, confusion) and
        ``unlearnable`` (labels some training fold had too few of).

    Raises
    ------
    TrainingDataError
        ``folds`` below 2, fewer documents or rows than folds, fewer than two labels.
    """
    if folds < 2:
        raise TrainingDataError(f"{data.source}: {folds} fold is not cross-validation: use --folds 2 "
                                "or more, or --folds 0 to train without cross-validation")
    labels = data.labels
    distinct = {x for s in labels for x in s} if data.multi_label else set(labels)
    if len(distinct) < 2:
        raise TrainingDataError(f"{data.source}: need at least two different labels, found {sorted(distinct)}")
    tokens = tokens if tokens is not None else [tokenize(t) for t in data.texts]
    score = score_multilabel if data.multi_label else score_predictions
    label_set = sorted(distinct)
    predicted = [None] * len(labels)
    per_fold, unlearnable = [], set()
    started = time.time()
    for fold, (train, test) in enumerate(_splitter(data, folds, random_state), start=1):
        train_tokens, train_labels = [tokens[i] for i in train], [labels[i] for i in train]
        test_tokens, test_labels = [tokens[i] for i in test], [labels[i] for i in test]
        model = make_estimator(data.multi_label, threshold, random_state, **params)
        weights = None if data.weights is None else [data.weights[i] for i in train]
        unlearnable |= set(fit_learnable(model, train_tokens, train_labels, data.multi_label, weights))
        guesses = predicted_labels(model, test_tokens, data.multi_label)
        for i, guess in zip(test, guesses):
            predicted[i] = guess
        keyword, baselines = _baselines(train_tokens, train_labels, test_tokens, test_labels, label_set,
                                        data.multi_label)
        per_fold.append({
            "fold": fold, "n": len(test),
            "documents": len(set(data.groups[i] for i in test)) if data.groups else None,
            "model": headline_scores(score(test_labels, guesses, label_set), data.multi_label), **baselines})
        if verbose:  # long work shows progress
            log.info("cross-validation fold %d/%d done (%.0f s)", fold, folds, time.time() - started)
    methods = ("model", "majority", "keyword")
    metrics = list(per_fold[0]["model"])
    return {
        "folds": folds, "grouped": data.groups is not None, "group_column": data.group_column,
        "keyword_baseline": keyword.describe(),
        "per_fold": per_fold,
        "mean": {m: {k: round(float(np.mean([f[m][k] for f in per_fold])), 4) for k in metrics} for m in methods},
        "std": {m: {k: round(float(np.std([f[m][k] for f in per_fold])), 4) for k in metrics} for m in methods},
        "pooled": score(labels, predicted, label_set),
        "unlearnable": sorted(unlearnable),
        "predictions": predicted,
    }


def predicted_labels(model, tokens, multi_label):
    """The model's labels of tokenized paragraphs: a string each, or a sorted tuple (multi-label)."""
    if multi_label:
        return [tuple(sorted(s)) for s in model.predict_labels(tokens)]
    return [str(p) for p in model.predict(tokens)]


def held_out_report(model, data, train_tokens, train_labels):
    """Scores on the held-out test set: the model and both baselines fit on all training rows."""
    test = data.test
    tokens = [tokenize(t) for t in test.texts]
    score = score_multilabel if data.multi_label else score_predictions
    label_set = sorted(set(data.label_counts()) | set(test.label_counts()))
    _, baselines = _baselines(train_tokens, train_labels, tokens, test.labels, label_set, data.multi_label)
    return {"source": test.source, "n": len(test.texts), "skipped_blank": test.skipped_blank,
            "model": score(test.labels, predicted_labels(model, tokens, data.multi_label), label_set), **baselines}


def _baselines(train_tokens, train_labels, test_tokens, test_labels, label_set, multi_label):
    """The keyword baseline fit on the training rows, and the headline scores of it and of
    the majority baseline on the test rows (a fold's, or the held-out split's)."""
    score = score_multilabel if multi_label else score_predictions
    majority = majority_label(train_labels)
    keyword = KeywordBaseline().fit(train_tokens, train_labels)
    keyword_guesses = keyword.predict(test_tokens)
    if multi_label:
        keyword_guesses = [(g,) for g in keyword_guesses]
    return keyword, {
        "majority": headline_scores(score(test_labels, [majority] * len(test_labels), label_set), multi_label),
        "keyword": headline_scores(score(test_labels, keyword_guesses, label_set), multi_label)}


def crosswalk_scores(y_true, y_pred, mapping, multi_label):
    """Predictions and gold labels translated into crosswalk codes, scored as code sets."""
    def codes(target):
        target = (target,) if not multi_label else target
        return tuple(sorted({c for label in target for c in mapping.get(label, [])}))
    report = score_multilabel([codes(t) for t in y_true], [codes(p) for p in y_pred])
    unmapped = sorted({x for t in y_true for x in ((t,) if not multi_label else t)} - set(mapping))
    return {**report, "unmapped_labels": unmapped}
