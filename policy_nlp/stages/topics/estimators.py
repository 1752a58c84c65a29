"""The scikit-learn estimators that train paragraph-topic models.

:class:`TopicClassifier` (one label per paragraph) and
:class:`MultiLabelTopicClassifier` (one-vs-rest) are scikit-learn estimators:
``fit`` learns TF-IDF vocabularies, linear SVMs and their Platt calibration,
and :func:`~policy_nlp.stages.topics.save_model` writes them as plain model
files. Applying a saved model needs none of this:
:func:`~policy_nlp.stages.topics.load_model` gives a
:class:`~policy_nlp.stages.topics.TopicModel` that scores paragraphs with
numpy and scipy.sparse alone, so annotating does not import scikit-learn
(about a second of start-up). Both classes are also importable from their
historical modules (``policy_nlp.stages.topics.TopicClassifier``,
``policy_nlp.stages.topics.multilabel.MultiLabelTopicClassifier``).
"""

from typing import Any, Iterable

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from policy_nlp.stages.topics.calibration import calibrated, labels_at_or_above
from policy_nlp.stages.topics.features import _as_documents, _tfidf, feature_tokens


def label_sets(y):
    """Each target as a tuple of labels: a str is one label, a list/tuple/set several.

    Examples
    --------
    >>> label_sets(["a", ["b", "a"], ()])
    [('a',), ('a', 'b'), ()]
    """
    out = []
    for value in y:
        if isinstance(value, str):
            out.append((value,))
        else:
            out.append(tuple(sorted({str(v) for v in value})))
    return out


def checked_weights(sample_weight, n):
    """``sample_weight`` as a float array of length ``n`` (None stays None).

    Raises
    ------
    ValueError
        Weights of another length, negative, not finite, or all zero.

    Examples
    --------
    >>> checked_weights([1, 0.5], 2)
    array([1. , 0.5])
    >>> checked_weights([1, -1], 2)
    Traceback (most recent call last):
    ...
    ValueError: sample_weight must be non-negative; paragraph 1 has -1.0
    """
    if sample_weight is None:
        return None
    weight = np.asarray(sample_weight, dtype=np.float64)
    if weight.ndim != 1 or len(weight) != n:
        raise ValueError(f"sample_weight has shape {weight.shape} but there are {n} paragraphs")
    if not np.isfinite(weight).all():
        bad = int(np.flatnonzero(~np.isfinite(weight))[0])
        raise ValueError(f"sample_weight must be finite; paragraph {bad} has {weight[bad]}")
    if (weight < 0).any():
        bad = int(np.flatnonzero(weight < 0)[0])
        raise ValueError(f"sample_weight must be non-negative; paragraph {bad} has {weight[bad]}")
    if not (weight > 0).any():
        raise ValueError("sample_weight is zero for every paragraph")
    return weight


def _weighted_documents(X, labels, sample_weight, what):
    """``(labels, space-joined tokens, characters, weights)`` of training data, one label
    entry (``what``: labels, label sets) per paragraph; paragraphs of weight 0 are dropped.

    Raises
    ------
    ValueError
        ``X`` and ``labels`` of different lengths; bad weights (:func:`checked_weights`).
    """
    words, chars = _as_documents(X)
    if len(words) != len(labels):
        raise ValueError(f"X has {len(words)} paragraphs but y has {len(labels)} {what}")
    weight = checked_weights(sample_weight, len(labels))
    if weight is not None:
        keep = np.flatnonzero(weight > 0)
        labels, weight = [labels[i] for i in keep], weight[keep]
        words, chars = [words[i] for i in keep], [chars[i] for i in keep]
    return labels, words, chars, weight


def _word_vectorizer(ngram_range, min_df, max_features, vocabulary=None):
    return TfidfVectorizer(analyzer="word", token_pattern=r"\S+", lowercase=False,
                           ngram_range=tuple(ngram_range), min_df=min_df,
                           max_features=max_features, sublinear_tf=True,
                           vocabulary=vocabulary, dtype=np.float32)


def _char_vectorizer(ngram_range, min_df, max_features, vocabulary=None):
    return TfidfVectorizer(analyzer="char", lowercase=False, ngram_range=tuple(ngram_range),
                           min_df=min_df, max_features=max_features, sublinear_tf=True,
                           vocabulary=vocabulary, dtype=np.float32)


class TopicClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated linear classifier of paragraphs over tokens and character n-grams.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the linear SVM.
    word_ngram_range : tuple of int
        n-grams of pkuseg tokens used as features.
    char_ngram_range : tuple of int
        Character n-grams used as features.
    min_df : int
        Drop features found in fewer training paragraphs.
    max_features : int or None
        Keep at most this many features of each kind (most frequent first);
        bounds the model file's size.
    class_weight : {"balanced", None}
        Passed to the SVM; "balanced" helps rare labels.
    calibration : {"sigmoid", "isotonic"}
        How decision values become probabilities; only ``"sigmoid"`` (Platt
        scaling per label, then normalised) can be saved.
    cv : int
        Folds for the cross-validated decision values the calibration is fit
        on (lowered to the size of the rarest label when that is smaller).
    random_state : int
        Seed of the folds and of the order in which liblinear visits the
        examples (unseeded, two fits of the same data differ around the fifth
        decimal of their probabilities; seeded, they are identical).

    Attributes
    ----------
    classes_ : ndarray of str
    word_vectorizer_, char_vectorizer_ : TfidfVectorizer
    coef_ : ndarray of shape (n_scores, n_features)
        The SVM's weights (one row for two labels, one per label otherwise).
    intercept_ : ndarray of shape (n_scores,)
    calibration_ : ndarray of shape (n_scores, 2)
        Platt parameters (a, b): p = 1 / (1 + exp(a * score + b)).

    Notes
    -----
    ``X`` is a sequence of paragraphs, each a str (segmented with pkuseg,
    loaded once per process) or a list of tokens the caller already has.

    Examples
    --------
    >>> X = ["稳定粮食播种面积，提高种粮农民收益。", "加强高标准农田建设，发展现代种业。",
    ...      "持续打好蓝天保卫战，加强大气污染治理。", "推进重点流域水污染防治和土壤修复。"] * 3
    >>> y = ["agriculture_rural"] * 2 + ["environment"] * 2
    >>> model = TopicClassifier(cv=3).fit(X, y * 3)
    >>> model.predict(["加大大气污染防治力度。"])[0]
    'environment'
    >>> model.predict_proba([["扩大", "粮食", "播种", "面积"]]).shape
    (1, 2)
    """

    def __init__(self, C=0.5, word_ngram_range=(1, 2), char_ngram_range=(1, 3), min_df=2,
                 max_features=150_000, class_weight="balanced", calibration="sigmoid", cv=3,
                 random_state=0):
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.class_weight = class_weight
        self.calibration = calibration
        self.cv = cv
        self.random_state = random_state

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    # -- features
    def _features(self, X):
        tokens = feature_tokens(X)
        return sp.hstack([_tfidf(self.word_vectorizer_, tokens),
                          _tfidf(self.char_vectorizer_, tokens)], format="csr")

    def fit(self, X: Iterable[str], y: Iterable[str],
            sample_weight: "Iterable[float] | None" = None) -> "TopicClassifier":
        """Fit the vectorizers, the SVM and the calibration.

        Parameters
        ----------
        X : sequence of str or of token lists
            The training paragraphs.
        y : sequence of str
            Their labels.
        sample_weight : array-like of shape (n_paragraphs,), optional
            How much each paragraph counts, as in scikit-learn: the SVM's loss
            (and its ``"balanced"`` class weights, computed from the weighted
            label counts) and the calibration are weighted. A paragraph of
            weight 0 is left out altogether; the others count once each in
            the TF-IDF vocabularies and document frequencies.

        Raises
        ------
        ValueError
            For fewer than two labels, a label with fewer than two examples of
            positive weight, or weights of the wrong length, negative or not finite.
        """
        y, words, chars, counts, weight = self._checked(X, y, sample_weight)
        return self._fit_model(self._fit_vectorizers(words, chars), y, counts, weight)

    def _checked(self, X, y, sample_weight=None):
        """(labels, space-joined tokens, characters, label counts, weights) of valid
        training data; paragraphs of weight 0 are dropped."""
        y, words, chars, weight = _weighted_documents(X, [str(label) for label in y], sample_weight, "labels")
        y = np.asarray(y, dtype=object)
        classes, counts = np.unique(y, return_counts=True)
        if len(classes) < 2:
            raise ValueError(f"need at least two labels to train, got {list(classes)}")
        if counts.min() < 2:
            rare = [str(c) for c, n in zip(classes, counts) if n < 2]
            raise ValueError(f"need at least 2 examples of every label for calibration; "
                             f"labels with fewer: {rare}")
        return y, words, chars, counts, weight

    def _fit_vectorizers(self, words, chars):
        """Fit the two TF-IDF vectorizers; the training features."""
        min_df = self.min_df if len(words) >= 10 * max(1, self.min_df) else 1
        self.word_vectorizer_ = _word_vectorizer(self.word_ngram_range, min_df, self.max_features)
        self.char_vectorizer_ = _char_vectorizer(self.char_ngram_range, min_df, self.max_features)
        return sp.hstack([self.word_vectorizer_.fit_transform(words),
                          self.char_vectorizer_.fit_transform(chars)], format="csr")

    def _linear_model(self):
        """The unfitted linear model that :meth:`_fit_model` calibrates: any
        estimator with ``coef_`` and ``intercept_`` over the features (the
        benchmarks' model forms replace it)."""
        return LinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)

    def _fit_model(self, features, y, counts, weight=None):
        """Fit the SVM and its calibration on the training features (weighted by ``weight``)."""
        if self.calibration not in ("sigmoid", "isotonic"):
            raise ValueError(f"calibration must be 'sigmoid' or 'isotonic', not {self.calibration!r}")
        folds = StratifiedKFold(n_splits=int(min(self.cv, counts.min())), shuffle=True,
                                random_state=self.random_state)
        calibrated = CalibratedClassifierCV(self._linear_model(), method=self.calibration, cv=folds,
                                            ensemble=False)
        calibrated.fit(features, y, sample_weight=weight)
        self.classes_ = np.asarray(calibrated.classes_, dtype=object)
        inner = calibrated.calibrated_classifiers_[0]
        self.coef_ = np.asarray(inner.estimator.coef_, dtype=np.float32)
        self.intercept_ = np.asarray(inner.estimator.intercept_, dtype=np.float64)
        if self.calibration == "sigmoid":
            self.calibration_: "np.ndarray | None" = np.array([[c.a_, c.b_] for c in inner.calibrators],
                                                             dtype=np.float64)
            self._calibrated: Any = None  # the sklearn calibrator, kept for isotonic only
        else:
            self.calibration_ = None
            self._calibrated = calibrated
        self.n_features_ = features.shape[1]
        return self

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Uncalibrated SVM scores, shape (n, n_labels) (n, for two labels)."""
        check_is_fitted(self, "coef_")
        scores = np.asarray(self._features(X) @ self.coef_.T, dtype=np.float64) + self.intercept_
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Calibrated probabilities, shape (n, n_labels), columns in ``classes_`` order."""
        check_is_fitted(self, "coef_")
        if self.calibration_ is None:
            return self._calibrated.predict_proba(self._features(X))
        scores = np.asarray(self._features(X) @ self.coef_.T, dtype=np.float64) + self.intercept_
        return calibrated(scores, self.calibration_, len(self.classes_))

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """The most probable label of each paragraph."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


class MultiLabelTopicClassifier(TopicClassifier):
    """One-vs-rest calibrated linear classifier: any number of labels per paragraph.

    Parameters
    ----------
    threshold : float
        A label is predicted when its probability is at least this.
    **others
        As :class:`~policy_nlp.stages.topics.TopicClassifier` (only
        ``calibration="sigmoid"``: each label's scores are Platt-scaled).

    Attributes
    ----------
    classes_ : ndarray of str
    coef_ : ndarray of shape (n_labels, n_features)
        One binary SVM per label.
    intercept_ : ndarray of shape (n_labels,)
    calibration_ : ndarray of shape (n_labels, 2)
        Platt parameters (a, b) of each label.

    Examples
    --------
    >>> X = ["稳定粮食生产，治理农村污水。", "稳定粮食播种面积。", "治理大气污染。", "加强农田建设。",
    ...      "改善水环境。", "农业面源污染治理，建设美丽乡村。"] * 2
    >>> y = [["farm", "env"], ["farm"], ["env"], ["farm"], ["env"], ["farm", "env"]] * 2
    >>> model = MultiLabelTopicClassifier(cv=2).fit(X, y)
    >>> list(model.classes_), model.predict_proba(["治理污染"]).shape
    (['env', 'farm'], (1, 2))
    >>> model.predict_labels(["治理大气污染。"])
    [['env']]
    """

    def __init__(self, C=0.5, word_ngram_range=(1, 2), char_ngram_range=(1, 3), min_df=2,
                 max_features=150_000, class_weight="balanced", calibration="sigmoid", cv=3,
                 random_state=0, threshold=0.5):
        # scikit-learn reads the parameters from this signature, so it is spelled out again
        super().__init__(C, word_ngram_range, char_ngram_range, min_df, max_features, class_weight,
                         calibration, cv, random_state)
        self.threshold = threshold

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_label = True
        return tags

    def fit(self, X, y, sample_weight=None):
        """Fit the vectorizers and one calibrated SVM per label.

        ``y`` holds one label collection per paragraph (a str counts as one
        label). ``sample_weight`` weights the paragraphs as in
        :meth:`TopicClassifier.fit` (weight 0: left out).

        Raises
        ------
        ValueError
            Fewer than two labels; a label on fewer than 2 paragraphs or on
            all but one (its probability cannot be calibrated); bad weights.
        """
        if self.calibration != "sigmoid":
            raise ValueError("a multi-label model is calibrated with calibration='sigmoid' only")
        sets, words, chars, weight = _weighted_documents(X, label_sets(y), sample_weight, "label sets")
        classes = sorted(set().union(*sets))
        if len(classes) < 2:
            raise ValueError(f"need at least two labels to train, got {classes}")
        Y = np.array([[label in s for label in classes] for s in sets], dtype=bool)
        positives = Y.sum(axis=0)
        bad = [f"{c} ({p} of {len(sets)})" for c, p in zip(classes, positives)
               if p < 2 or len(sets) - p < 2]
        if bad:
            raise ValueError("each label needs at least 2 paragraphs with it and 2 without it "
                             f"for calibration; labels that do not: {bad}")
        self._fit_labels(self._fit_vectorizers(words, chars), Y, weight)
        self.classes_ = np.asarray(classes, dtype=object)
        return self

    def _fit_labels(self, features, Y, weight):
        """One calibrated binary SVM per column of the indicator matrix ``Y``."""
        coef, intercept, calibration = [], [], []
        for k in range(Y.shape[1]):
            target = Y[:, k].astype(int)
            smaller = int(min(target.sum(), len(target) - target.sum()))
            folds = StratifiedKFold(n_splits=int(min(self.cv, smaller)), shuffle=True,
                                    random_state=self.random_state)
            svm = LinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)
            calibrated = CalibratedClassifierCV(svm, method="sigmoid", cv=folds, ensemble=False)
            calibrated.fit(features, target, sample_weight=weight)
            inner = calibrated.calibrated_classifiers_[0]
            coef.append(inner.estimator.coef_[0])
            intercept.append(inner.estimator.intercept_[0])
            calibration.append([inner.calibrators[0].a_, inner.calibrators[0].b_])
        self.coef_ = np.asarray(coef, dtype=np.float32)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.calibration_ = np.asarray(calibration, dtype=np.float64)
        self._calibrated = None
        self.n_features_ = features.shape[1]

    def decision_function(self, X):
        """Uncalibrated SVM scores, shape (n, n_labels)."""
        check_is_fitted(self, "coef_")
        return np.asarray(self._features(X) @ self.coef_.T, dtype=np.float64) + self.intercept_

    def predict_proba(self, X):
        """Each label's own probability, shape (n, n_labels); rows need not sum to 1."""
        return calibrated(self.decision_function(X), self.calibration_, len(self.classes_), one_vs_rest=True)

    def predict(self, X):
        """Label indicator matrix (n, n_labels): 1 where the probability >= ``threshold``."""
        return (self.predict_proba(X) >= self.threshold).astype(int)

    def predict_labels(self, X):
        """The labels at or above ``threshold`` of each paragraph, most probable first."""
        return labels_at_or_above(self.predict_proba(X), self.classes_, self.threshold)
