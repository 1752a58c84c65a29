"""One-vs-rest multi-label paragraph topics, and crosswalks to other codebooks.

:class:`MultiLabelTopicClassifier` is :class:`~policy_nlp.stages.topics.TopicClassifier`
with one calibrated linear SVM per label: each label gets its own
probability (they do not sum to 1) and a paragraph carries every label whose
probability reaches ``threshold``. It saves to the same pickle-free files
(``model.json`` + ``model.npz``) and :func:`~policy_nlp.stages.topics.load_model`
rebuilds it from them.

A crosswalk maps the labels of one codebook to the codes of another (many to
many): :func:`read_crosswalk` reads it from JSON or CSV, :func:`to_codes`
turns a paragraph topic into codes with scores, :func:`model_crosswalks`
gives the crosswalks a model reports in (the one it was trained with, the
default codebook's CAP and gov.cn ones) and :func:`topic_codes` the codes the
topics stage adds to every paragraph topic.
"""

import csv
import json
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from policy_nlp.errors import DocumentError
from policy_nlp.stages.topics import (TopicClassifier, _as_documents, _char_vectorizer, _word_vectorizer,
                                      cap_codes, govcn_classes, labels as codebook_labels)


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
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.class_weight = class_weight
        self.calibration = calibration
        self.cv = cv
        self.random_state = random_state
        self.threshold = threshold

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_label = True
        return tags

    def fit(self, X, y):
        """Fit the vectorizers and one calibrated SVM per label.

        ``y`` holds one label collection per paragraph (a str counts as one label).

        Raises
        ------
        ValueError
            Fewer than two labels; a label on fewer than 2 paragraphs or on
            all but one (its probability cannot be calibrated).
        """
        if self.calibration != "sigmoid":
            raise ValueError("a multi-label model is calibrated with calibration='sigmoid' only")
        sets = label_sets(y)
        words, chars = _as_documents(X)
        if len(words) != len(sets):
            raise ValueError(f"X has {len(words)} paragraphs but y has {len(sets)} label sets")
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
        min_df = self.min_df if len(words) >= 10 * max(1, self.min_df) else 1
        self.word_vectorizer_ = _word_vectorizer(self.word_ngram_range, min_df, self.max_features)
        self.char_vectorizer_ = _char_vectorizer(self.char_ngram_range, min_df, self.max_features)
        features = sp.hstack([self.word_vectorizer_.fit_transform(words),
                              self.char_vectorizer_.fit_transform(chars)], format="csr")
        coef, intercept, calibration = [], [], []
        for k in range(len(classes)):
            target = Y[:, k].astype(int)
            smaller = int(min(target.sum(), len(target) - target.sum()))
            folds = StratifiedKFold(n_splits=int(min(self.cv, smaller)), shuffle=True,
                                    random_state=self.random_state)
            calibrated = CalibratedClassifierCV(LinearSVC(C=self.C, class_weight=self.class_weight),
                                                method="sigmoid", cv=folds, ensemble=False)
            calibrated.fit(features, target)
            inner = calibrated.calibrated_classifiers_[0]
            coef.append(inner.estimator.coef_[0])
            intercept.append(inner.estimator.intercept_[0])
            calibration.append([inner.calibrators[0].a_, inner.calibrators[0].b_])
        self.classes_ = np.asarray(classes, dtype=object)
        self.coef_ = np.asarray(coef, dtype=np.float32)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.calibration_ = np.asarray(calibration, dtype=np.float64)
        self._calibrated = None
        self.n_features_ = features.shape[1]
        return self

    def decision_function(self, X):
        """Uncalibrated SVM scores, shape (n, n_labels)."""
        check_is_fitted(self, "coef_")
        return np.asarray(self._features(X) @ self.coef_.T, dtype=np.float64) + self.intercept_

    def predict_proba(self, X):
        """Each label's own probability, shape (n, n_labels); rows need not sum to 1."""
        scores = self.decision_function(X)
        a, b = self.calibration_[:, 0], self.calibration_[:, 1]
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(scores * a + b))

    def predict(self, X):
        """Label indicator matrix (n, n_labels): 1 where the probability >= ``threshold``."""
        return (self.predict_proba(X) >= self.threshold).astype(int)

    def predict_labels(self, X):
        """The labels at or above ``threshold`` of each paragraph, most probable first."""
        out = []
        for row in self.predict_proba(X):
            order = np.argsort(-row, kind="stable")
            out.append([str(self.classes_[i]) for i in order if row[i] >= self.threshold])
        return out


# ---------------------------------------------------------------------------
# Crosswalks


def read_crosswalk(path):
    """A crosswalk file as ``{label: [code, ...]}``.

    JSON: an object ``{"label": ["code", ...]}`` (a single code may be a
    string). CSV/TSV: a header with columns ``label`` and ``code``, one row
    per pair (a label may have several rows; codes may also be joined with ``;``).

    Raises
    ------
    DocumentError
        Missing file, wrong shape, missing columns.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "cw.csv"
    >>> _ = p.write_text("label,code\\nfarm,4\\nfarm,13\\nenv,7\\n", encoding="utf-8")
    >>> read_crosswalk(p)
    {'farm': ['4', '13'], 'env': ['7']}
    """
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such crosswalk file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"not UTF-8 text ({error.reason})") from None
    mapping = {}
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise DocumentError(path, f"not JSON: {error}") from None
        if not isinstance(data, dict):
            raise DocumentError(path, 'a JSON crosswalk is an object {"label": ["code", ...]}')
        for label, codes in data.items():
            codes = [codes] if isinstance(codes, (str, int)) else codes
            if not isinstance(codes, list):
                raise DocumentError(path, f"codes of {label!r} must be a list or a string")
            mapping[str(label)] = [str(c) for c in codes]
        return mapping
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    if not {"label", "code"} <= set(reader.fieldnames or []):
        raise DocumentError(path, f"a CSV crosswalk needs columns 'label' and 'code'; found {reader.fieldnames}")
    for row in reader:
        label = (row["label"] or "").strip()
        for code in (row["code"] or "").split(";"):
            if label and code.strip() and code.strip() not in mapping.setdefault(label, []):
                mapping[label].append(code.strip())
    if not mapping:
        raise DocumentError(path, "the crosswalk has no label-code pairs")
    return mapping


def to_codes(topic, mapping):
    """A paragraph topic in the codes of a crosswalk.

    Parameters
    ----------
    topic : dict or None
        ``{"label", "score", "scores", ...}`` as the topics stage gives it.
    mapping : dict
        ``{label: [code, ...]}`` (:func:`read_crosswalk`).

    Returns
    -------
    dict or None
        ``{"codes": [...], "code_scores": {code: score}}``: ``codes`` are the
        codes of the topic's label (of every label in ``labels`` for a
        multi-label topic); a code's score is the largest probability of a
        label that maps to it. Labels without codes contribute nothing.

    Examples
    --------
    >>> to_codes({"label": "farm", "score": 0.8, "scores": {"farm": 0.8, "env": 0.2}},
    ...          {"farm": ["4", "13"], "env": ["7"]})
    {'codes': ['4', '13'], 'code_scores': {'4': 0.8, '13': 0.8, '7': 0.2}}
    """
    if topic is None:
        return None
    code_scores = {}
    for label, score in sorted(topic.get("scores", {}).items(), key=lambda kv: -kv[1]):
        for code in mapping.get(label, []):
            code_scores[code] = max(code_scores.get(code, 0.0), score)
    codes = []
    for label in topic.get("labels") or [topic["label"]]:
        codes.extend(c for c in mapping.get(label, []) if c not in codes)
    return {"codes": codes, "code_scores": code_scores}


def crosswalk_name(path):
    """The name a crosswalk file reports under: its file name without suffix.

    Examples
    --------
    >>> crosswalk_name("coding/cap.csv")
    'cap'
    """
    return Path(path).stem or "codes"


def codebook_crosswalks():
    """The default codebook's crosswalks as ``{"cap": mapping, "govcn": mapping}``.

    CAP major topic codes (as strings, like every crosswalk code) from
    :func:`~policy_nlp.stages.topics.cap_codes`, gov.cn 主题分类 level-1
    classes from :func:`~policy_nlp.stages.topics.govcn_classes`.

    Examples
    --------
    >>> cw = codebook_crosswalks()
    >>> cw["cap"]["agriculture_rural"], cw["govcn"]["culture"]
    (['4'], ['文化、广电、新闻出版'])
    """
    return {"cap": {label: [str(code) for code in cap_codes(label)] for label in codebook_labels()},
            "govcn": {label: govcn_classes(label) for label in codebook_labels()}}


def model_crosswalks(model):
    """The crosswalks a topic model reports in: ``{name: {label: [code, ...]}}``.

    A model whose labels are all default-codebook labels (the packaged model,
    or one trained on the codebook) reports the codebook's ``cap`` and
    ``govcn`` crosswalks; a model trained with ``--crosswalk FILE`` reports
    the mapping saved in its metadata, under the file's name
    (:func:`crosswalk_name`). Empty for any other model.

    Examples
    --------
    >>> from policy_nlp.stages.topics import default_model
    >>> sorted(model_crosswalks(default_model()))
    ['cap', 'govcn']
    """
    crosswalks = {}
    if {str(label) for label in model.classes_} <= set(codebook_labels()):
        crosswalks.update(codebook_crosswalks())
    saved = (getattr(model, "metadata_", None) or {}).get("crosswalk")
    if isinstance(saved, dict) and isinstance(saved.get("mapping"), dict):
        crosswalks[saved.get("name") or crosswalk_name(saved.get("file") or "codes")] = saved["mapping"]
    return crosswalks


def topic_codes(topic, crosswalks):
    """The codes of a paragraph topic in each crosswalk: ``{name: [code, ...]}``.

    The codes of the topic's label (of every label in ``labels`` for a
    multi-label topic), in the order of the mapping; :func:`to_codes` gives
    them with scores.

    Examples
    --------
    >>> topic_codes({"label": "social_welfare", "score": 0.9, "scores": {}}, codebook_crosswalks())["cap"]
    ['3', '5', '13']
    >>> topic_codes(None, codebook_crosswalks()) is None
    True
    """
    if topic is None:
        return None
    return {name: to_codes({**topic, "scores": {}}, mapping)["codes"] for name, mapping in crosswalks.items()}
