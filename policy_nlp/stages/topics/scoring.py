"""Scoring a saved model with numpy alone (:class:`TopicModel`)."""

import itertools
import math

import numpy as np

from policy_nlp.errors import ModelError
from policy_nlp.stages.topics.calibration import calibrated, labels_at_or_above
from policy_nlp.stages.topics.features import _SPACE, _stored_lookup, feature_tokens


# Scoring a saved model with numpy alone
#
# A saved model is two TF-IDF vectorizers (sublinear tf, l2 norm, fixed
# vocabularies and idf), a linear score and a sigmoid per label. The functions
# below do scikit-learn's and scipy's floating-point operations in the same
# order, so probabilities are bit-identical to the estimator's
# (tests/stages/topics/test_topics.py compares them on national report paragraphs):
# ``TfidfTransformer.transform`` takes log(count) + 1 and multiplies by idf in
# float32 (numpy ufuncs), then its Cython l2 normalisation adds each row's
# float32 squares left to right in a double and divides; scipy's sparse
# product adds each row's float32 products left to right in float32. numpy's
# own sums pair terms up (another rounding), hence :func:`_sums_in_order`.


def _padded_segments(indptr):
    """Segments ``indptr[i]:indptr[i + 1]`` grouped by length, as padded index matrices.

    Yields ``(segments, index)`` per group: ``index[k]`` lists the positions
    of segment ``segments[k]``'s terms after a leading ``-1`` column, padded
    with ``-1`` to the group's longest; groups span a quarter of an octave of
    lengths, so the padding adds at most a fifth. Gathering with ``-1``
    reads the last element: callers append a zero.
    """
    lengths = np.diff(indptr)
    size_class = np.floor(4 * np.log2(np.maximum(lengths, 1))).astype(np.int64)
    for c in np.unique(size_class[lengths > 0]):
        segments = np.flatnonzero((size_class == c) & (lengths > 0))
        counts = lengths[segments]
        index = np.full((len(segments), int(counts.max()) + 1), -1, dtype=np.int64)
        row = np.repeat(np.arange(len(segments)), counts)
        offset = np.arange(len(row)) - np.repeat(np.cumsum(counts) - counts, counts)
        index[row, offset + 1] = np.repeat(indptr[segments], counts) + offset
        yield segments, index


def _sums_in_order(values, indptr):
    """Each segment ``values[indptr[i]:indptr[i + 1]]`` summed left to right from 0.

    ``values`` is 1-D or 2-D (summed along the first axis); the sums keep its
    dtype, rounding after every addition as a C loop does (numpy's own sums
    pair terms up and round differently). Segments are padded with zeros to
    the longest of their length group (:func:`_padded_segments`) and summed
    with ``np.add.accumulate``, which adds in order by definition.

    Examples
    --------
    >>> _sums_in_order(np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 3, 3, 4])).tolist()
    [6.0, 0.0, 4.0]
    """
    out = np.zeros((len(indptr) - 1,) + values.shape[1:], dtype=values.dtype)
    values = np.concatenate([values, np.zeros((1,) + values.shape[1:], dtype=values.dtype)])
    for segments, index in _padded_segments(indptr):
        padded = values[index]  # a leading zero column: C loops start from +0.0
        np.add.accumulate(padded, axis=1, out=padded)
        out[segments] = padded[:, -1]
    return out


def _squares_summed(data, indptr):
    """Each segment's sum of float32 squares of ``data``, added in a double from
    0 left to right (``inplace_csr_row_normalize_l2``), as float64.

    When every sum is exact, any order gives it: then numpy's ``reduceat``
    (pairwise, fast) is used. Each square is a float32, so a multiple of its
    last place, which is at least ``q``, the last place of the smallest
    square; every partial sum is a multiple of ``q`` no larger than the
    longest segment times the largest square, and is exact in a double when
    that is below ``2**53 * q``. TF-IDF values (at least 1 for fitted
    models) always pass; other data falls back on :func:`_sums_in_order`.
    """
    squares = (data * data).astype(np.float64)  # float32 products, as the Cython loop
    lengths = np.diff(indptr)
    positive = squares[squares > 0]
    if len(positive):
        q = math.ldexp(1.0, math.frexp(float(positive.min()))[1] - 1 - 23)
        exact = float(lengths.max()) * float(positive.max()) < math.ldexp(q, 53)
    else:
        exact = True
    if not exact:
        return _sums_in_order(squares, indptr)
    sums = np.zeros(len(lengths))
    filled = lengths > 0  # reduceat's segments run from one start to the next
    if filled.any():
        sums[filled] = np.add.reduceat(squares, indptr[:-1][filled])
    return sums


def _sublinear_tfidf(data, columns, idf, segments):
    """``TfidfTransformer(sublinear_tf=True, norm="l2").transform`` of count
    data (float32, in place) whose l2 norms run over ``segments`` (an indptr)."""
    np.log(data, data)
    data += 1.0
    data *= idf[columns]
    norms = np.sqrt(_squares_summed(data, segments))
    norms[norms == 0.0] = 1.0  # a row without features stays as it is
    np.divide(data, np.repeat(norms, np.diff(segments)), out=data, casting="same_kind")
    return data


def _scores_in_order(data, columns, indptr, coef):
    """``csr_matrix((data, columns, indptr)) @ coef.T`` as scipy computes it:
    each row's float32 products added left to right in float32."""
    out = np.zeros((len(indptr) - 1, coef.shape[0]), dtype=np.float32)
    data = np.append(data, np.float32(0))
    columns = np.append(columns, 0)
    for segments, index in _padded_segments(indptr):
        products = coef[:, columns[index]] * data[index]  # (labels, segments, terms), float32
        products[:, :, 0] = 0.0  # the sums start from +0.0
        np.add.accumulate(products, axis=2, out=products)
        out[segments] = products[:, :, -1].T
    return out


_PARAMS = ("C", "word_ngram_range", "char_ngram_range", "min_df", "max_features", "class_weight",
           "calibration", "cv", "random_state")
# Every constructor parameter of each estimator (tests check these against get_params).
ESTIMATOR_PARAMS = {"TopicClassifier": _PARAMS, "MultiLabelTopicClassifier": _PARAMS + ("threshold",)}
# Paragraphs scored at once: bounds the work arrays on a long document.
_CHUNK_CHARS = 100_000
# Scores: numpy's in-order sums (:func:`_scores_in_order`) until a process has
# scored this many characters, then scipy's sparse product (the same floats,
# six times faster), whose import (0.1-0.2 s) a short run would not repay.
_SPARSE_AFTER_CHARS = 300_000


class TopicModel:
    """A saved topic model, applied with numpy alone: what :func:`load_model` gives.

    It scores paragraphs exactly as the
    :class:`~policy_nlp.stages.topics.estimators.TopicClassifier` (or
    :class:`~policy_nlp.stages.topics.estimators.MultiLabelTopicClassifier`)
    that was saved — bit-identical probabilities — without importing
    scikit-learn or scipy (a second of start-up). :meth:`to_estimator` gives
    that estimator, for scikit-learn tools.

    Attributes
    ----------
    estimator : str
        ``"TopicClassifier"`` or ``"MultiLabelTopicClassifier"``.
    classes_ : ndarray of str
    coef_, intercept_, calibration_ : ndarray
        As the estimator's.
    threshold : float or None
        A multi-label model's threshold (None for a single-label one).
    metadata_ : dict
        Saved with the model (:func:`save_model`).
    word_vocabulary, char_vocabulary : list of str
        The features, in column order.

    Examples
    --------
    >>> from policy_nlp.stages.topics import default_model
    >>> model = default_model()
    >>> model.predict([["稳定", "粮食", "播种", "面积"]])[0]
    'agriculture_rural'
    """

    def __init__(self, params, classes, word_vocabulary, char_vocabulary, arrays,
                 estimator="TopicClassifier", metadata=None, source="topic model"):
        self.estimator = estimator
        self.params = dict(params)
        for key in ("word_ngram_range", "char_ngram_range"):
            self.params[key] = tuple(self.params[key])
        self.threshold = self.params.get("threshold") if estimator == "MultiLabelTopicClassifier" else None
        self.classes_ = np.asarray(classes, dtype=object)
        self.word_vocabulary, self.char_vocabulary = word_vocabulary, char_vocabulary
        self.word_idf = np.asarray(arrays["word_idf"], dtype=np.float64)  # as the estimator holds them
        self.char_idf = np.asarray(arrays["char_idf"], dtype=np.float64)
        self.coef_ = np.asarray(arrays["coef"], dtype=np.float32)
        self.intercept_ = np.asarray(arrays["intercept"], dtype=np.float64)
        self.calibration_ = np.asarray(arrays["calibration"], dtype=np.float64)
        self.n_features_ = self.coef_.shape[1]
        self.metadata_ = metadata or {}
        self._estimator = None
        self._scored_chars = 0  # characters scored so far (see _SPARSE_AFTER_CHARS)
        self._coef_rows = None  # coef_.T contiguous, for scipy's product
        self._idf = np.concatenate([self.word_idf, self.char_idf])
        self._word = _stored_lookup(word_vocabulary, True, self.params["word_ngram_range"])
        self._char = _stored_lookup(char_vocabulary, False, self.params["char_ngram_range"])
        for name, lookup, vocabulary in (("word_vocabulary", self._word, word_vocabulary),
                                         ("char_vocabulary", self._char, char_vocabulary)):
            if not (lookup.unique if lookup is not None else len(set(vocabulary)) == len(vocabulary)):
                raise ModelError(f"{source}: damaged topic model: {name!r} has repeated entries; "
                                 "retrain it or restore the file")

    def get_params(self, deep=True):
        """The estimator's parameters (``TopicClassifier(**params)`` makes an unfitted copy)."""
        return dict(self.params)

    def to_estimator(self):
        """The fitted scikit-learn estimator this model was saved from (imports scikit-learn)."""
        if self._estimator is None:
            from policy_nlp.stages.topics.estimators import (MultiLabelTopicClassifier, TopicClassifier,
                                                            _char_vectorizer, _word_vectorizer)
            classes = {"TopicClassifier": TopicClassifier, "MultiLabelTopicClassifier": MultiLabelTopicClassifier}
            model = classes[self.estimator](**self.params)
            word_vocab = dict(zip(self.word_vocabulary, itertools.count()))
            char_vocab = dict(zip(self.char_vocabulary, itertools.count()))
            model.word_vectorizer_ = _word_vectorizer(self.params["word_ngram_range"], 1, None, word_vocab)
            model.char_vectorizer_ = _char_vectorizer(self.params["char_ngram_range"], 1, None, char_vocab)
            model.word_vectorizer_.idf_ = self.word_idf
            model.char_vectorizer_.idf_ = self.char_idf
            model.classes_ = self.classes_
            model.coef_, model.intercept_, model.calibration_ = self.coef_, self.intercept_, self.calibration_
            model._calibrated = None
            model.n_features_ = self.n_features_
            model.metadata_ = self.metadata_
            self._estimator = model
        return self._estimator

    def _tfidf_rows(self, words, chars):
        """The TF-IDF features of paragraphs given by their word and character
        digits (``(digits, lengths)`` of :meth:`_Lookup.digits`) as CSR arrays
        (data, columns, indptr): each paragraph's word features, then its
        character features."""
        n_rows, n_word = len(words[1]), len(self.word_vocabulary)
        total = n_word + len(self.char_vocabulary)
        word_rows, word_columns = self._word.digit_hits(*words)
        char_rows, char_columns = self._char.digit_hits(*chars)
        keys = np.concatenate([word_rows * total + word_columns, char_rows * total + char_columns + n_word])
        if n_rows * total < 2 ** 31:  # 32-bit keys sort faster (the same keys, the same order)
            keys = keys.astype(np.int32)
        keys, counts = np.unique(keys, return_counts=True)  # sorted: by paragraph, then column
        keys = keys.astype(np.int64, copy=False)
        rows = keys // total
        columns = keys - rows * total
        segments = np.zeros(2 * n_rows + 1, dtype=np.int64)  # each paragraph's word, then char block
        np.cumsum(np.bincount(2 * rows + (columns >= n_word), minlength=2 * n_rows), out=segments[1:])
        data = _sublinear_tfidf(counts.astype(np.float32), columns, self._idf, segments)
        return data, columns, segments[::2]

    def _features(self, X):
        """The TF-IDF features of the paragraphs ``X`` (a scipy CSR matrix)."""
        if self._word is None or self._char is None:
            return self.to_estimator()._features(X)
        import scipy.sparse as sp
        token_lists = feature_tokens(X)
        data, columns, indptr = self._tfidf_rows(self._word.digits(token_lists), self._char.digits(token_lists))
        return sp.csr_matrix((data, columns.astype(np.int32), indptr), shape=(len(indptr) - 1, self.n_features_))

    def _scores(self, X):
        """Linear scores, shape (n, n_scores), float64."""
        if self._word is None or self._char is None:  # analyzers the bulk count does not cover
            model = self.to_estimator()
            return np.asarray(model._features(X) @ model.coef_.T, dtype=np.float64) + self.intercept_
        token_lists = feature_tokens(X)
        return self._digit_scores(self._word.digits(token_lists), self._char.digits(token_lists))

    def _digit_scores(self, words, chars):
        """:meth:`_scores` of paragraphs given by their word and character
        digits (``(digits, lengths)``), a chunk of paragraphs at a time."""
        (word_digits, word_lengths), (char_digits, char_lengths) = words, chars
        word_ends, char_ends = np.cumsum(word_lengths).tolist(), np.cumsum(char_lengths).tolist()
        char_lengths = char_lengths.tolist()
        scores = [np.zeros((0, self.coef_.shape[0]))]
        start = 0
        while start < len(char_lengths):  # chunks of paragraphs: bounded work arrays
            end, chars = start + 1, char_lengths[start]
            while end < len(char_lengths) and chars < _CHUNK_CHARS:
                chars += char_lengths[end]
                end += 1
            word_from, char_from = (word_ends[start - 1], char_ends[start - 1]) if start else (0, 0)
            data, columns, indptr = self._tfidf_rows(
                (word_digits[word_from:word_ends[end - 1]], word_lengths[start:end]),
                (char_digits[char_from:char_ends[end - 1]], np.asarray(char_lengths[start:end], dtype=np.int64)))
            scores.append(np.asarray(self._products(data, columns, indptr), dtype=np.float64) + self.intercept_)
            self._scored_chars += chars
            start = end
        return np.concatenate(scores)

    def _products(self, data, columns, indptr):
        """The TF-IDF rows times the weights, float32, exactly as scipy's sparse product."""
        if self._scored_chars < _SPARSE_AFTER_CHARS:
            return _scores_in_order(data, columns, indptr, self.coef_)
        import scipy.sparse as sp
        if self._coef_rows is None:
            self._coef_rows = np.ascontiguousarray(self.coef_.T)
        features = sp.csr_matrix((data, columns.astype(np.int32), indptr),
                                 shape=(len(indptr) - 1, self.n_features_))
        return features @ self._coef_rows

    def decision_function(self, X):
        """Uncalibrated SVM scores, shape (n, n_scores) (n, for a two-label single-label model)."""
        scores = self._scores(X)
        return scores.ravel() if scores.shape[1] == 1 and self.threshold is None else scores

    def predict_proba(self, X):
        """Calibrated probabilities, shape (n, n_labels), columns in ``classes_`` order.

        A single-label model's rows sum to 1; a multi-label model gives each
        label its own probability.
        """
        return self._probabilities(self._scores(X))

    @property
    def word_ids(self):
        """``{token: id}`` of the tokens of the word features (ids from 1), or
        None when this model's features are not counted in bulk: the ids
        :meth:`predict_proba_ids` takes."""
        return self._word.token_ids if self._word is not None and self._char is not None else None

    def predict_proba_ids(self, ids, counts, texts):
        """:meth:`predict_proba` of paragraphs given by the ids of their tokens.

        For a caller that has the tokens' ids already (a spaCy Doc's): no
        string per token is looked up. Needs :attr:`word_ids`.

        Parameters
        ----------
        ids : ndarray of int
            The :attr:`word_ids` of every token of the paragraphs, one
            paragraph after another (0 for a token that is not there).
        counts : ndarray of int
            How many tokens each paragraph has.
        texts : list of str
            Each paragraph's tokens joined. No token may be empty.

        Returns
        -------
        ndarray or None
            As :meth:`predict_proba`; None when a text holds whitespace (the
            features of such tokens are made from the tokens themselves:
            use :meth:`predict_proba`).

        Examples
        --------
        >>> from policy_nlp.stages.topics import default_model
        >>> model = default_model()
        >>> tokens = ["稳定", "粮食", "播种", "面积"]
        >>> ids = np.array([model.word_ids.get(t, 0) for t in tokens])
        >>> p = model.predict_proba_ids(ids, np.array([4]), ["".join(tokens)])
        >>> bool((p == model.predict_proba([tokens])).all())
        True
        """
        if _SPACE.search("".join(texts)):
            return None
        chars = (self._char.char_digits(texts), np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)))
        return self._probabilities(self._digit_scores((np.asarray(ids, dtype=np.int64),
                                                       np.asarray(counts, dtype=np.int64)), chars))

    def _probabilities(self, scores):
        """Calibrated probabilities of linear scores (see :meth:`predict_proba`)."""
        return calibrated(scores, self.calibration_, len(self.classes_), one_vs_rest=self.threshold is not None)

    def predict(self, X):
        """The most probable label of each paragraph; for a multi-label model the
        indicator matrix (1 where the probability >= ``threshold``)."""
        proba = self.predict_proba(X)
        if self.threshold is not None:
            return (proba >= self.threshold).astype(int)
        return self.classes_[np.argmax(proba, axis=1)]

    def predict_labels(self, X):
        """The labels at or above ``threshold`` of each paragraph, most probable first (multi-label)."""
        if self.threshold is None:
            raise ValueError("predict_labels needs a multi-label model; use predict")
        return labels_at_or_above(self.predict_proba(X), self.classes_, self.threshold)
