"""Calibrated probabilities of linear scores, numpy only: one function, so that the
scikit-learn estimators (:mod:`~policy_nlp.stages.topics.estimators`, training) and the
saved model that annotates (:mod:`~policy_nlp.stages.topics.scoring`) give bit-identical
probabilities."""

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
