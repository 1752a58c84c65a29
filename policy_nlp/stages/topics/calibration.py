"""Calibrated probabilities of linear scores, and the labels a threshold reads from them,
numpy only: declared once, so that the scikit-learn estimators
(:mod:`~policy_nlp.stages.topics.estimators`, training) and the saved model that annotates
(:mod:`~policy_nlp.stages.topics.scoring`) give bit-identical probabilities and the same labels."""

import numpy as np


def calibrated(scores, calibration, n_classes, one_vs_rest=False):
    """The probabilities of SVM ``scores`` (n, n_labels), Platt-scaled by ``calibration``
    (one row ``[a, b]`` per label: ``1 / (1 + exp(a * score + b))``).

    A single-label model's rows are normalised to sum to 1 (two labels: the second
    label's probability and its complement; a row of zeros: uniform); a one-vs-rest
    model (``one_vs_rest``) gives each label its own probability.

    Examples
    --------
    >>> calibrated(np.array([[0.0], [2.0]]), np.array([[-1.0, 0.0]]), 2).round(3).tolist()
    [[0.5, 0.5], [0.119, 0.881]]
    >>> calibration = np.array([[-1.0, 0.0], [-1.0, 0.0]])
    >>> calibrated(np.array([[0.0, 2.0]]), calibration, 2, one_vs_rest=True).round(3).tolist()
    [[0.5, 0.881]]
    """
    a, b = calibration[:, 0], calibration[:, 1]
    with np.errstate(over="ignore"):
        proba = 1.0 / (1.0 + np.exp(scores * a + b))
    if one_vs_rest:
        return proba
    if n_classes == 2:
        return np.column_stack([1.0 - proba[:, 0], proba[:, 0]])
    total = proba.sum(axis=1, keepdims=True)
    uniform = np.full_like(proba, 1.0 / proba.shape[1])
    return np.divide(proba, total, out=uniform, where=total != 0)


def labels_at_or_above(proba, classes, threshold):
    """The labels of each row of ``proba`` whose probability is at or above ``threshold``,
    most probable first (ties in ``classes``' order): a multi-label model's reading.

    Examples
    --------
    >>> labels_at_or_above(np.array([[0.2, 0.7, 0.5], [0.1, 0.0, 0.3]]), np.array(["a", "b", "c"]), 0.5)
    [['b', 'c'], []]
    """
    out = []
    for row in proba:
        order = np.argsort(-row, kind="stable")
        out.append([str(classes[i]) for i in order if row[i] >= threshold])
    return out
