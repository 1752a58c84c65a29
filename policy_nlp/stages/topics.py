"""Paragraph topics: the default codebook and a calibrated linear classifier.

The codebook (``policy_nlp/data/codebook.json``, documented in
``docs/topics.md``) has eleven labels, each with a Chinese name and a
crosswalk to the gov.cn 主题分类 (level 1) and to the Comparative Agendas
Project (CAP) major topics:

>>> labels()[:3]
['economy', 'industry', 'science_education']
>>> crosswalk("agriculture_rural")["cap"]
[4]

:class:`TopicClassifier` is a scikit-learn estimator over pkuseg tokens and
character n-grams (TF-IDF), with a linear SVM whose scores are calibrated
into probabilities (Platt scaling on cross-validated decision values). It
accepts any label set, so a researcher's own coding scheme trains the same
way (see :mod:`policy_nlp.apps.training`).

Model files are a plain format: ``model.json`` (parameters, labels,
vocabularies, library versions, metadata) and ``model.npz`` (numeric arrays,
read with ``allow_pickle=False``). Loading a model never executes code from
the file.
"""

import functools
import itertools
import json
import os
import platform
import re
import warnings
import weakref
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from policy_nlp.errors import ModelError

FORMAT = "policy_nlp-topic-model"
FORMAT_VERSION = 1
# The default model is package data (pyproject: package-data), so an installed
# policy_nlp has it without the repository; its card and recipe are in the
# repository's models/topics-default/MODEL_CARD.md.
DEFAULT_MODEL = resources.files("policy_nlp") / "models" / "topics-default"

# ---------------------------------------------------------------------------
# Codebook


@functools.lru_cache(maxsize=None)
def load_codebook():
    """The default codebook as a dict (read once from ``data/codebook.json``).

    Examples
    --------
    >>> cb = load_codebook()
    >>> len(cb["labels"]), cb["labels"][0]["zh"]
    (11, '经济运行与改革开放')
    """
    text = resources.files("policy_nlp").joinpath("data/codebook.json").read_text(encoding="utf-8")
    return json.loads(text)


def labels():
    """The eleven default labels, in codebook order.

    Examples
    --------
    >>> labels()[-1]
    'general'
    """
    return [entry["label"] for entry in load_codebook()["labels"]]


def _entry(label):
    for entry in load_codebook()["labels"]:
        if entry["label"] == label:
            return entry
    raise ValueError(f"unknown topic label {label!r}; the default codebook has {labels()}")


def chinese_name(label):
    """The Chinese name of a default label.

    Examples
    --------
    >>> chinese_name("environment")
    '生态环境'
    """
    return _entry(label)["zh"]


def crosswalk(label):
    """Where a default label sits in the gov.cn and CAP classifications.

    Returns
    -------
    dict
        ``{"label", "zh", "govcn": [level-1 class, ...], "govcn_parts":
        [{"level1", "part"}, ...], "cap": [code, ...], "cap_names": [...]}``.
        ``part`` says which part of a gov.cn class the label covers (None:
        all of it), e.g. only the transport part of 工业、交通.

    Examples
    --------
    >>> c = crosswalk("urban_rural_development")
    >>> c["govcn"]
    ['城乡建设、环境保护', '工业、交通']
    >>> c["cap"], c["cap_names"]
    ([10, 14], ['Transportation', 'Housing'])
    """
    entry = _entry(label)
    names = load_codebook()["cap_major_topics"]
    return {
        "label": label,
        "zh": entry["zh"],
        "govcn": [g["level1"] for g in entry["govcn"]],
        "govcn_parts": [dict(g) for g in entry["govcn"]],
        "cap": list(entry["cap"]),
        "cap_names": [names[str(code)] for code in entry["cap"]],
    }


def cap_codes(topic):
    """CAP major topic codes of a label or of a :func:`classify_paragraphs` result.

    Examples
    --------
    >>> cap_codes("economy")
    [1, 15, 18]
    >>> cap_codes({"label": "culture", "score": 0.9, "scores": {}})
    [23]
    >>> cap_codes(None)
    []
    """
    label = topic.get("label") if isinstance(topic, dict) else topic
    return crosswalk(label)["cap"] if label else []


def govcn_classes(topic):
    """gov.cn 主题分类 level-1 classes of a label or a classification result.

    Examples
    --------
    >>> govcn_classes("science_education")
    ['科技、教育']
    """
    label = topic.get("label") if isinstance(topic, dict) else topic
    return crosswalk(label)["govcn"] if label else []


def seed_terms(label=None):
    """Seed terms (term -> weight) of one label, or of all labels as a dict.

    These drive the keyword baseline and the weak labels of the training set
    (:mod:`policy_nlp.apps.training`); the classifier does not use them.

    Examples
    --------
    >>> seed_terms("agriculture_rural")["乡村振兴"]
    3
    """
    if label is None:
        return {e["label"]: dict(e["seed_terms"]) for e in load_codebook()["labels"]}
    return dict(_entry(label)["seed_terms"])


def keyword_scores(text, terms=None):
    """Weighted seed-term counts of ``text`` per label (the keyword baseline).

    A term found inside a longer matched term of the same label still counts:
    the weights were set with that in mind (乡村振兴 also counts 乡村).

    Examples
    --------
    >>> s = keyword_scores("稳定粮食播种面积，提高农民种粮收益。")
    >>> max(s, key=s.get)
    'agriculture_rural'
    """
    terms = seed_terms() if terms is None else terms
    return {label: float(sum(w * text.count(t) for t, w in words.items()))
            for label, words in terms.items()}


def keyword_label(text, terms=None, default="general"):
    """The label with the highest keyword score; ``default`` when none matches.

    Examples
    --------
    >>> keyword_label("深入打好污染防治攻坚战。")
    'environment'
    >>> keyword_label("各位代表：")
    'general'
    """
    scores = keyword_scores(text, terms)
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default


# ---------------------------------------------------------------------------
# Paragraph kinds: boilerplate and headings

_CJK = re.compile(r"[\u3400-\u9fff]")
_BOILERPLATE = re.compile(
    r"^(?:本作品是中华人民共和国|Public domain|false|true|注：中文维基文库)|"
    r"版权所有|责任编辑|打印本页|关闭窗口|【字体|字号[:：]|浏览次数|扫一扫|分享到|当前位置[:：]|"
    r"网站地图|联系我们|ICP备|公网安备|来源[:：]\S{0,20}$|发布时间[:：]")
_HEADING_MARK = re.compile(
    r"^\s*(?:(?P<l0>第[一二三四五六七八九十百零〇\d]+[章部篇编节])|"
    r"(?P<l1>[一二三四五六七八九十]+[、．.])|"
    r"(?P<l2>[（(][一二三四五六七八九十]+[）)])|"
    r"(?P<l3>\d{1,2}[、．.](?!\d))|"
    r"(?P<l4>[（(]\d{1,2}[）)]))")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
HEADING_MAX_CHARS = 40
_CLOSERS = ("各位代表", "同志们")


def is_boilerplate(text):
    """True for a paragraph that carries no policy content.

    The rule (documented in docs/topics.md): empty or blank text; text with
    no Chinese character (page numbers, ``Public domain``, URLs, stray
    digits); and web-page furniture (版权所有, 责任编辑, 打印本页, the
    Wikisource licence notice ...). Such paragraphs get no topic (None).

    Examples
    --------
    >>> is_boilerplate("\\u200b"), is_boilerplate("Public domain"), is_boilerplate("各位代表：")
    (True, True, False)
    """
    if isinstance(text, (list, tuple)):
        text = "".join(text)
    text = text.strip().strip("\u3000\u200b\ufeff")
    if not text or not _CJK.search(text):
        return True
    return bool(_BOILERPLATE.search(text))


def heading_level(text):
    """The level of a heading line, or None for a paragraph that is not one.

    A heading is a short line (at most 40 characters) that opens with a
    section mark — 第一章 (0), 一、(1), （一）(2), 1. (3), （1）(4) — and has
    no sentence end (。！？；) inside it: ``（一）大力提振消费。全方位扩大…`` is a
    body paragraph whose first sentence is a lead, not a heading.

    Examples
    --------
    >>> heading_level("一、2013年工作回顾"), heading_level("（三）坚持农业农村优先发展")
    (1, 2)
    >>> heading_level("（一）大力提振消费。全方位扩大国内需求。") is None
    True
    """
    if isinstance(text, (list, tuple)):
        text = "".join(text)
    text = text.strip().strip("\u3000")
    inner = text[:-1] if text.endswith(("。", "；")) else text
    if len(text) > HEADING_MAX_CHARS or _SENTENCE_END.search(inner):
        return None
    match = _HEADING_MARK.match(text)
    if not match:
        return None
    for level in range(5):
        if match.group(f"l{level}"):
            return level
    return None  # pragma: no cover


# ---------------------------------------------------------------------------
# Tokens


def _segment(text):
    from policy_nlp.segment.engines import load_segmenter
    return load_segmenter().cut(text)  # pkuseg's words (the fast engine gives the same)


def tokenize(paragraph):
    """pkuseg tokens of a paragraph given as str, or the list given.

    Examples
    --------
    >>> tokenize(["已", "分", "好"])
    ['已', '分', '好']
    >>> tokenize("推进乡村全面振兴")
    ['推进', '乡村', '全面', '振兴']
    """
    if isinstance(paragraph, str):
        return _segment(paragraph)
    if isinstance(paragraph, (list, tuple)):
        return list(map(str, paragraph))
    raise TypeError(f"a paragraph is a str or a list of tokens, not {type(paragraph).__name__}")


_SPACE = re.compile(r"\s")


def _feature_tokens(X):
    """The tokens the features are made of, per paragraph: whitespace-only
    tokens dropped, whitespace inside a token replaced by ``_`` (so that the
    space-joined tokens split back into the same tokens)."""
    if isinstance(X, str):
        raise TypeError("X is a sequence of paragraphs, not one str")
    lists = []
    for paragraph in X:
        tokens = tokenize(paragraph)
        if _SPACE.search("".join(tokens)):
            tokens = [re.sub(r"\s+", "_", t) for t in tokens if t.strip()]
        else:  # the usual case: one search instead of a substitution per token
            tokens = [t for t in tokens if t]
        lists.append(tokens)
    return lists


def _as_documents(X):
    """(space-joined tokens, concatenated characters) per paragraph."""
    lists = _feature_tokens(X)
    return [" ".join(tokens) for tokens in lists], ["".join(tokens) for tokens in lists]


# ---------------------------------------------------------------------------
# Features of a fitted model, counted in bulk
#
# scikit-learn's vectorizers make a Python string per n-gram and look each
# up in a dict: most of the pipeline's time on a long document. The counts
# below are the same numbers made with array operations: every n-gram is an
# integer code (its characters' code points, or its tokens' ids, as digits),
# looked up in a hash table of the fitted vocabulary's codes. The count
# matrix is exactly the one ``CountVectorizer._count_vocab`` builds (same
# entries, sorted indices, same dtypes), and scikit-learn's own
# ``TfidfTransformer`` turns it into TF-IDF, so features and probabilities
# are bit-identical (tests/stages/test_topics.py checks them against
# ``vectorizer.transform``).

_CHAR_BITS = 21  # code points are < 0x110000 < 2**21; +1 keeps every digit non-zero
_HASH = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: multiply, keep the top bits
_EMPTY = -1  # no code is negative
_LOOKUPS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class _Lookup:
    """The fitted vocabulary of one vectorizer as integer codes in an
    open-addressing hash table (linear probing)."""

    def __init__(self, vectorizer):
        vocabulary = vectorizer.vocabulary_
        self.min_n, self.max_n = vectorizer.ngram_range
        self.n_features = len(vocabulary)
        self.word = vectorizer.analyzer == "word"
        features, columns = list(vocabulary), list(vocabulary.values())
        if self.word:
            # every fitted feature is min_n..max_n tokens joined by single spaces;
            # anything else (never made by the analyzer, never matched) is left out
            lengths = [feature.count(" ") + 1 for feature in features]
            parts = " ".join(features).split(" ")
            if "" in parts or _SPACE.search("".join(parts)) \
                    or not self.min_n <= min(lengths, default=1) <= max(lengths, default=1) <= self.max_n:
                kept = [i for i, feature in enumerate(features) if self.min_n <= lengths[i] <= self.max_n
                        and "" not in feature.split(" ") and not _SPACE.search(feature.replace(" ", ""))]
                features, columns = [features[i] for i in kept], [columns[i] for i in kept]
                lengths = [lengths[i] for i in kept]
                parts = " ".join(features).split(" ") if features else []
            # token -> id + 1 (0 stands for a token outside the vocabulary)
            self.token_ids = dict(zip(dict.fromkeys(parts), itertools.count(1)))
            self.base = len(self.token_ids) + 1
            digits = np.fromiter(map(self.token_ids.__getitem__, parts), dtype=np.int64, count=len(parts))
            lengths = np.asarray(lengths, dtype=np.int64)
        else:
            kept = [i for i, f in enumerate(features) if self.min_n <= len(f) <= self.max_n]
            if len(kept) < len(features):
                features, columns = [features[i] for i in kept], [columns[i] for i in kept]
            self.base = 1 << _CHAR_BITS
            digits = self.char_digits(features)
            lengths = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
        # each feature's code: its digits in base ``base`` (2**21 for characters)
        ends = np.cumsum(lengths)
        place = np.repeat(ends, lengths) - 1 - np.arange(len(digits))  # digits after this one
        scale = self.base ** place
        keys = np.add.reduceat(digits * scale, ends - lengths) if len(lengths) else np.zeros(0, np.int64)
        self._build_table(keys.astype(np.int64), np.asarray(columns, dtype=np.int64))

    @staticmethod
    def char_digits(texts):
        """Code point + 1 of every character of ``texts``, concatenated."""
        return np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4").astype(np.int64) + 1

    def _slot(self, codes):
        slots = codes.view(np.uint64) * _HASH  # codes are >= 0: the same bits as uint64
        slots >>= np.uint64(64 - self.bits)
        return slots.view(np.int64)

    def _build_table(self, keys, columns):
        self.bits = max(4, int(len(keys) * 3).bit_length())  # load factor below 1/3
        size = 1 << self.bits
        self.table = np.full(size, _EMPTY, dtype=np.int64)
        self.table_columns = np.zeros(size, dtype=np.int64)
        slots, pending = self._slot(keys), np.arange(len(keys))
        while len(pending):
            free = self.table[slots] == _EMPTY
            # one key per free slot goes in; the rest probe the next slot
            taken, first = np.unique(slots[free], return_index=True)
            placed = pending[free][first]
            self.table[taken] = keys[placed]
            self.table_columns[taken] = columns[placed]
            left = np.ones(len(pending), dtype=bool)
            left[np.flatnonzero(free)[first]] = False
            pending, slots = pending[left], (slots[left] + 1) & (size - 1)

    def columns_of(self, codes):
        """The vocabulary column of each code; -1 for codes not in it."""
        slots = self._slot(codes)
        found = self.table[slots]  # the first probe, for every code at once
        hit = found == codes
        result = np.where(hit, self.table_columns[slots], -1)
        pending = np.flatnonzero(~hit & (found != _EMPTY))
        slots, mask = slots[pending], len(self.table) - 1
        while len(pending):  # the few that collided: probe on
            slots = (slots + 1) & mask
            found = self.table[slots]
            hit = found == codes[pending]
            result[pending[hit]] = self.table_columns[slots[hit]]
            left = ~hit & (found != _EMPTY)
            pending, slots = pending[left], slots[left]
        return result

    @classmethod
    def of(cls, vectorizer):
        """The lookup of ``vectorizer``, or None when its analyzer is not one
        this counting reproduces (then scikit-learn counts)."""
        if not hasattr(vectorizer, "vocabulary_"):
            return None
        cached = _LOOKUPS.get(vectorizer)
        if cached is not None and cached[0] is vectorizer.vocabulary_:
            return cached[1]
        lookup = None
        min_n, max_n = vectorizer.ngram_range
        plain = (not vectorizer.lowercase and vectorizer.preprocessor is None and vectorizer.tokenizer is None
                 and vectorizer.strip_accents is None and vectorizer.stop_words is None
                 and vectorizer.input == "content" and not vectorizer.binary and 1 <= min_n <= max_n)
        if plain and vectorizer.analyzer == "char" and max_n * _CHAR_BITS <= 63:
            lookup = cls(vectorizer)
        elif plain and vectorizer.analyzer == "word" and vectorizer.token_pattern == r"\S+" \
                and (len(vectorizer.vocabulary_) + 2) ** max_n < 2 ** 63:  # codes fit in int64
            lookup = cls(vectorizer)
        _LOOKUPS[vectorizer] = (vectorizer.vocabulary_, lookup)
        return lookup

    def counts(self, token_lists, dtype):
        """The count matrix of ``token_lists`` (one row per paragraph), as
        ``CountVectorizer.transform`` makes it."""
        n_rows = len(token_lists)
        if self.word:
            flat = list(map(self.token_ids.get, itertools.chain.from_iterable(token_lists), itertools.repeat(0)))
            digits = np.asarray(flat, dtype=np.int64)
            lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n_rows)
        else:
            texts = ["".join(tokens) for tokens in token_lists]
            digits = self.char_digits(texts)
            lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n_rows)
        groups = np.repeat(np.arange(n_rows, dtype=np.int64), lengths)
        rows, columns = [], []
        for n in range(self.min_n, self.max_n + 1):  # the n-grams of each length, as codes
            size = len(digits) - n + 1
            if size <= 0:
                break
            code = digits[:size].copy()
            known = code != 0
            for k in range(1, n):
                code *= self.base
                code += digits[k:k + size]
                known &= digits[k:k + size] != 0
            keep = known & (groups[:size] == groups[n - 1:n - 1 + size])  # within one paragraph
            found = self.columns_of(code[keep])
            rows.append(groups[:size][keep][found >= 0])
            columns.append(found[found >= 0])
        rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        columns = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
        # duplicates summed, indices sorted within each row: CSR's canonical form
        # (two counting sorts: by column, then stably by row)
        counts = sp.coo_matrix((np.ones(len(rows), dtype=np.intc), (rows, columns)),
                               shape=(n_rows, self.n_features)).tocsc().tocsr()
        counts.sum_duplicates()
        return sp.csr_matrix((counts.data.astype(dtype), counts.indices, counts.indptr),
                             shape=counts.shape)


def _tfidf(vectorizer, token_lists):
    """``vectorizer.transform`` of the paragraphs given as feature tokens."""
    lookup = _Lookup.of(vectorizer)
    transformer = getattr(vectorizer, "_tfidf", None)  # TfidfVectorizer.transform's second step
    if lookup is None or transformer is None:  # set up otherwise: scikit-learn's own path
        joiner = " " if vectorizer.analyzer == "word" else ""
        return vectorizer.transform([joiner.join(tokens) for tokens in token_lists])
    return transformer.transform(lookup.counts(token_lists, vectorizer.dtype), copy=False)


# ---------------------------------------------------------------------------
# The classifier


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
        Seed of the folds.

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
        tokens = _feature_tokens(X)
        return sp.hstack([_tfidf(self.word_vectorizer_, tokens),
                          _tfidf(self.char_vectorizer_, tokens)], format="csr")

    def fit(self, X: Iterable[str], y: Iterable[str]) -> "TopicClassifier":
        """Fit the vectorizers, the SVM and the calibration.

        Raises
        ------
        ValueError
            For fewer than two labels, or a label with fewer than two examples.
        """
        y = np.asarray([str(label) for label in y], dtype=object)
        words, chars = _as_documents(X)
        if len(words) != len(y):
            raise ValueError(f"X has {len(words)} paragraphs but y has {len(y)} labels")
        classes, counts = np.unique(y, return_counts=True)
        if len(classes) < 2:
            raise ValueError(f"need at least two labels to train, got {list(classes)}")
        if counts.min() < 2:
            rare = [str(c) for c, n in zip(classes, counts) if n < 2]
            raise ValueError(f"need at least 2 examples of every label for calibration; "
                             f"labels with fewer: {rare}")
        min_df = self.min_df if len(words) >= 10 * max(1, self.min_df) else 1
        self.word_vectorizer_ = _word_vectorizer(self.word_ngram_range, min_df, self.max_features)
        self.char_vectorizer_ = _char_vectorizer(self.char_ngram_range, min_df, self.max_features)
        features = sp.hstack([self.word_vectorizer_.fit_transform(words),
                              self.char_vectorizer_.fit_transform(chars)], format="csr")
        if self.calibration not in ("sigmoid", "isotonic"):
            raise ValueError(f"calibration must be 'sigmoid' or 'isotonic', not {self.calibration!r}")
        folds = StratifiedKFold(n_splits=int(min(self.cv, counts.min())), shuffle=True,
                                random_state=self.random_state)
        svm = LinearSVC(C=self.C, class_weight=self.class_weight)
        calibrated = CalibratedClassifierCV(svm, method=self.calibration, cv=folds, ensemble=False)
        calibrated.fit(features, y)
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
        a, b = self.calibration_[:, 0], self.calibration_[:, 1]
        with np.errstate(over="ignore"):
            proba = 1.0 / (1.0 + np.exp(scores * a + b))
        if len(self.classes_) == 2:
            return np.column_stack([1.0 - proba[:, 0], proba[:, 0]])
        total = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1.0 / proba.shape[1])
        return np.divide(proba, total, out=uniform, where=total != 0)

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """The most probable label of each paragraph."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


# ---------------------------------------------------------------------------
# Paragraph results


def classify_paragraphs(model, paragraphs, headings="inherit", title=None, context=True):
    """Topic of each paragraph: ``{"label", "score", "scores"}`` or None.

    Parameters
    ----------
    model : TopicClassifier
    paragraphs : list of (str or list of str)
        The paragraphs of one document, in order (token lists are used as
        given; their concatenation is the text).
    headings : {"inherit", "own"}
        ``"inherit"`` (default) gives each heading (see :func:`heading_level`)
        the topic of the body it heads (:func:`inherit_heading_topics`);
        ``"own"`` classifies headings like any paragraph.
    title : str, optional
        The document's title or occasion: the area it names is part of the
        document prior (:mod:`policy_nlp.stages.topic_context`).
    context : bool
        Weigh each paragraph's probabilities by its document and neighbours
        (:func:`policy_nlp.stages.topic_context.contextualize`); False
        classifies every paragraph alone.

    Returns
    -------
    list of dict or None
        None for an empty or boilerplate paragraph (:func:`is_boilerplate`).
        ``score`` is the calibrated probability of ``label``; ``scores``
        has every label's probability, rounded to 4 decimals. A multi-label
        model (:class:`~policy_nlp.stages.multilabel.MultiLabelTopicClassifier`)
        adds ``labels`` (every label at or above its ``threshold``, most
        probable first; ``label`` is still the top one) and ``threshold``.

    Examples
    --------
    >>> model = load_model(DEFAULT_MODEL)
    >>> result = classify_paragraphs(model, ["（一）推进乡村全面振兴", "稳定粮食播种面积，提高种粮农民收益。", "Public domain"])
    >>> [r["label"] if r else None for r in result]
    ['agriculture_rural', 'agriculture_rural', None]
    """
    paragraphs = list(paragraphs)
    results = [None] * len(paragraphs)
    keep = [i for i, p in enumerate(paragraphs) if not is_boilerplate(p)]
    if keep:
        proba = model.predict_proba([paragraphs[i] for i in keep])
        classes = [str(c) for c in model.classes_]
        threshold = getattr(model, "threshold", None)  # only multi-label models have one
        for i, row in zip(keep, proba):
            best = int(np.argmax(row))
            results[i] = {"label": classes[best], "score": round(float(row[best]), 4),
                          "scores": {c: round(float(p), 4) for c, p in zip(classes, row)}}
            if threshold is not None:
                results[i]["labels"] = _above(results[i]["scores"], threshold)
                results[i]["threshold"] = threshold
    texts = ["".join(p) if not isinstance(p, str) else p for p in paragraphs]
    if context:
        from policy_nlp.stages.topic_context import contextualize
        results = contextualize(results, texts, title=title)
    if headings == "inherit":
        results = inherit_heading_topics(texts, results)
    elif headings != "own":
        raise ValueError(f"headings must be 'inherit' or 'own', not {headings!r}")
    return results


def inherit_heading_topics(paragraph_texts, results, mixed_label="general", dominance=0.5):
    """Give each heading the topic of the body it heads.

    The body of a heading of level L is every following paragraph up to the
    next heading of level <= L (so 一、 heads its （一） subsections too). The
    body's scores are averaged, weighted by paragraph length; the heading
    takes the best label when that label holds at least ``dominance`` of the
    body's text (by the body paragraphs' own labels), otherwise
    ``mixed_label`` (the codebook's rule for a heading over a mixed section),
    whose score is then the share of the body outside its most common label.
    A heading with no classified body keeps its own result.

    Parameters
    ----------
    paragraph_texts : list of str
    results : list of dict or None
        From the classifier, one per paragraph.

    Returns
    -------
    list of dict or None
        A new list; inherited results carry ``"inherited": True``.

    Examples
    --------
    >>> r = lambda label: {"label": label, "score": 0.9, "scores": {label: 0.9, "general": 0.1}}
    >>> out = inherit_heading_topics(["（一）推进乡村振兴", "稳定粮食生产。", "发展乡村产业。"],
    ...                              [r("economy"), r("agriculture_rural"), r("agriculture_rural")])
    >>> out[0]["label"], out[0]["inherited"]
    ('agriculture_rural', True)
    """
    levels = [heading_level(t) for t in paragraph_texts]
    out = list(results)
    for i, level in enumerate(levels):
        if level is None or results[i] is None:
            continue
        body = []
        for j in range(i + 1, len(paragraph_texts)):
            if levels[j] is not None and levels[j] <= level:
                break
            if paragraph_texts[j].lstrip().startswith(_CLOSERS):
                break  # a salutation (各位代表！) ends the section
            if levels[j] is None and results[j] is not None:
                body.append(j)
        if not body:
            continue
        weights = np.array([max(len(paragraph_texts[j]), 1) for j in body], dtype=float)
        names = sorted({k for j in body for k in results[j]["scores"]})
        matrix = np.array([[results[j]["scores"].get(k, 0.0) for k in names] for j in body])
        mean = weights @ matrix / weights.sum()
        share = {}
        for j, w in zip(body, weights):
            share[results[j]["label"]] = share.get(results[j]["label"], 0.0) + w / weights.sum()
        top = max(share, key=share.get)
        label = top if share[top] >= dominance or mixed_label is None else mixed_label
        scores = {k: round(float(p), 4) for k, p in zip(names, mean)}
        if label == top:
            score = scores.get(label, round(float(share[top]), 4))
        else:  # mixed: the evidence is how much of the body lies outside its top label
            score = round(1.0 - float(share[top]), 4)
        out[i] = {"label": label, "score": score, "scores": scores, "inherited": True}
        threshold = results[body[0]].get("threshold")
        if threshold is not None:  # multi-label: the labels of the body's mean scores
            out[i]["labels"] = _above(scores, threshold)
            out[i]["threshold"] = threshold
    return out


def _above(scores, threshold):
    """Labels scoring at least ``threshold``, most probable first."""
    return [k for k, p in sorted(scores.items(), key=lambda kv: -kv[1]) if p >= threshold]


# ---------------------------------------------------------------------------
# Model files


def _versions():
    import sklearn
    versions = {"python": platform.python_version(), "numpy": np.__version__,
                "scipy": __import__("scipy").__version__, "scikit-learn": sklearn.__version__}
    try:
        from importlib.metadata import version
        versions["pkuseg"] = version("pkuseg")
    except Exception:  # pragma: no cover - pkuseg metadata missing
        versions["pkuseg"] = None
    try:
        from importlib.metadata import version
        versions["policy_nlp"] = version("policy_nlp")
    except Exception:
        versions["policy_nlp"] = None
    return versions


def save_model(model: "TopicClassifier", path: "str | os.PathLike[str]",
               metadata: "dict[str, Any] | None" = None) -> None:
    """Save a fitted :class:`TopicClassifier` as ``model.json`` + ``model.npz``.

    Parameters
    ----------
    model : TopicClassifier
        Fitted, with ``calibration="sigmoid"``.
    path : str or Path
        A directory (created if needed).
    metadata : dict, optional
        JSON-serialisable facts to keep with the model (training data,
        metrics ...); returned by :func:`model_metadata`.

    Examples
    --------
    >>> import tempfile
    >>> X = ["粮食生产", "种粮农民", "大气污染", "水污染"] * 2
    >>> m = TopicClassifier(cv=2).fit(X, ["agriculture_rural"] * 2 + ["environment"] * 2 + ["agriculture_rural"] * 2 + ["environment"] * 2)
    >>> d = tempfile.mkdtemp()
    >>> save_model(m, d, {"note": "doctest"})
    >>> load_model(d).predict(["治理大气污染"])[0]
    'environment'
    """
    check_is_fitted(model, "coef_")
    if model.calibration_ is None:
        raise ModelError("only models calibrated with calibration='sigmoid' can be saved")
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    params = model.get_params()
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "estimator": type(model).__name__,
        "params": params,
        "classes": [str(c) for c in model.classes_],
        "word_vocabulary": _vocab_list(model.word_vectorizer_),
        "char_vocabulary": _vocab_list(model.char_vectorizer_),
        "versions": _versions(),
        "metadata": metadata or {},
    }
    with open(path / "model.json", "w", encoding="utf-8") as f:
        json.dump(header, f, ensure_ascii=False, separators=(",", ":"))
    np.savez_compressed(path / "model.npz",
                        word_idf=model.word_vectorizer_.idf_.astype(np.float32),
                        char_idf=model.char_vectorizer_.idf_.astype(np.float32),
                        coef=model.coef_.astype(np.float32),
                        intercept=model.intercept_.astype(np.float64),
                        calibration=model.calibration_.astype(np.float64))


def _vocab_list(vectorizer):
    vocab = vectorizer.vocabulary_
    terms = [None] * len(vocab)
    for term, index in vocab.items():
        terms[index] = term
    return terms


# Versions that can change a loaded model's output. The model files are plain
# JSON and float arrays, and prediction is our own arithmetic on them plus
# scikit-learn's TfidfVectorizer.transform with a fixed vocabulary and idf, so
# numpy, scipy and Python versions cannot change the scores. What can: the
# word features come from pkuseg's segmentation (another pkuseg version or
# model cuts words differently), and a new major version of scikit-learn may
# change TfidfVectorizer's analyzers.
_RESULT_VERSIONS = {"pkuseg": "pkuseg cuts the words the features are made of",
                    "scikit-learn": "TfidfVectorizer makes the features"}
# Larger n-gram ranges make every paragraph cost O(length * n) features; no
# useful model needs more, and a tampered header could ask for 100 000.
MAX_NGRAM = 10
_ARRAYS = ("word_idf", "char_idf", "coef", "intercept", "calibration")


def _version_differences(saved, running):
    """The differences between saved and running versions that can change scores."""
    differences = []
    for name, why in _RESULT_VERSIONS.items():
        was, now = saved.get(name), running.get(name)
        if name == "scikit-learn":  # within a major version the transform is stable
            was, now = (v.split(".")[0] if v else v for v in (was, now))
        if was != now:
            differences.append(f"{name} {saved.get(name)} (model) vs {running.get(name)} "
                               f"(running): {why}")
    return differences


def _model_dir(path):
    """A model folder as a Path, or a Traversable from ``importlib.resources``."""
    if isinstance(path, (str, os.PathLike)):
        path = Path(path)
        if path.is_file() and path.name in ("model.json", "model.npz"):
            path = path.parent
    return path


def _read_header(path):
    path = _model_dir(path)
    header_path = path / "model.json"
    if not path.is_dir():
        raise ModelError(f"{path}: topic model folder not found; give the folder written by "
                         "'policy-nlp train' (or 'default' for the packaged model)")
    if not header_path.is_file() or not (path / "model.npz").is_file():
        raise ModelError(f"{path}: not a topic model folder (needs model.json and model.npz, "
                         "as written by 'policy-nlp train')")
    try:
        header = json.loads(header_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{header_path}: cannot be read as JSON: {error}") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        found = header.get("format") if isinstance(header, dict) else type(header).__name__
        raise ModelError(f"{header_path}: not a policy_nlp topic model (format {found!r})")
    if header.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{header_path}: model format version {header.get('format_version')} "
                         f"is not supported by this policy_nlp (it reads version {FORMAT_VERSION}); "
                         "retrain the model with this version")
    _check_header(header_path, header)
    return path, header


def _check_header(header_path, header):
    """Raise ModelError naming the file when the header is not a sane model."""
    def bad(reason):
        raise ModelError(f"{header_path}: damaged topic model: {reason}; "
                         "retrain it or restore the file")

    missing = [k for k in ("params", "classes", "word_vocabulary", "char_vocabulary") if k not in header]
    if missing:
        bad(f"missing keys {missing}")
    params = header["params"]
    if not isinstance(params, dict):
        bad("'params' is not an object")
    if not isinstance(header.get("estimator", "TopicClassifier"), str):
        bad("'estimator' is not a string")
    unknown = set(params) - set(_estimator_class(header.get("estimator", "TopicClassifier"))().get_params())
    if unknown:
        bad(f"unknown parameters {sorted(unknown)}")
    for key in ("word_ngram_range", "char_ngram_range"):
        value = params.get(key)
        if not (isinstance(value, (list, tuple)) and len(value) == 2
                and all(type(v) is int for v in value) and 1 <= value[0] <= value[1] <= MAX_NGRAM):
            bad(f"{key} must be two integers 1 <= low <= high <= {MAX_NGRAM}, not {value!r}")
    for key in ("classes", "word_vocabulary", "char_vocabulary"):
        value = header[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad(f"{key!r} is not a list of strings")
        if len(set(value)) != len(value):
            bad(f"{key!r} has repeated entries")
    if len(header["classes"]) < 2:
        bad(f"needs at least two classes, has {header['classes']}")


def _read_arrays(path, header):
    """The arrays of ``model.npz``, checked against the header."""
    npz = path / "model.npz"
    try:
        with npz.open("rb") as f, np.load(f, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as error:
        raise ModelError(f"{npz}: cannot be read: {error}") from None
    missing = [k for k in _ARRAYS if k not in arrays]
    if missing:
        raise ModelError(f"{npz}: damaged topic model: missing arrays {missing}")
    n_classes = len(header["classes"])
    # A two-label single-label SVM has one score column; a multi-label model one per label.
    single = header.get("estimator", "TopicClassifier") == "TopicClassifier"
    n_scores = 1 if n_classes == 2 and single else n_classes
    n_word, n_char = len(header["word_vocabulary"]), len(header["char_vocabulary"])
    expected = {"word_idf": (n_word,), "char_idf": (n_char,), "coef": (n_scores, n_word + n_char),
                "intercept": (n_scores,), "calibration": (n_scores, 2)}
    for name, shape in expected.items():
        array = arrays[name]
        if array.dtype.kind not in "fiu":
            raise ModelError(f"{npz}: damaged topic model: {name} has dtype {array.dtype}")
        if array.shape != shape:
            raise ModelError(f"{npz}: damaged topic model: {name} has shape {array.shape}, "
                             f"expected {shape} for {n_classes} labels, {n_word} word and "
                             f"{n_char} character features")
        if not np.isfinite(array).all():
            raise ModelError(f"{npz}: damaged topic model: {name} holds NaN or infinite values")
    return arrays


def model_metadata(path):
    """The metadata and library versions saved with a model (without loading it).

    Examples
    --------
    >>> sorted(model_metadata(DEFAULT_MODEL))
    ['classes', 'metadata', 'params', 'versions']
    """
    _, header = _read_header(path)
    return {k: header.get(k, {}) for k in ("classes", "params", "versions", "metadata")}


def load_model(path: "str | os.PathLike[str]", on_version_mismatch: str = "warn") -> TopicClassifier:
    """Load a model saved by :func:`save_model`; never executes code from the file.

    ``model.json`` is parsed as JSON and ``model.npz`` is read with
    ``allow_pickle=False``; both are checked (keys, n-gram ranges, array
    shapes, finite weights) and the estimator is rebuilt from those values.

    Parameters
    ----------
    path : str or Path
        The model directory (or its model.json), or an
        ``importlib.resources`` Traversable of one.
    on_version_mismatch : {"warn", "error", "ignore"}
        What to do when the model was made with a version of a library that
        can change its scores: another pkuseg (the word features come from
        its segmentation) or another major version of scikit-learn. numpy,
        scipy and Python versions do not matter: the files are plain arrays.
        By default a ``UserWarning`` names the versions; ``"error"`` raises
        :class:`ModelError` instead.

    Raises
    ------
    ModelError
        Missing, damaged or tampered files (naming the file), another format
        version, a version mismatch with ``on_version_mismatch="error"``.

    Examples
    --------
    >>> model = load_model(DEFAULT_MODEL)
    >>> len(model.classes_)
    11
    """
    if on_version_mismatch not in ("warn", "error", "ignore"):
        raise ValueError("on_version_mismatch must be 'warn', 'error' or 'ignore'")
    path, header = _read_header(path)
    saved = header.get("versions") if isinstance(header.get("versions"), dict) else {}
    differences = _version_differences(saved, _versions())
    if differences and on_version_mismatch != "ignore":
        message = (f"{path}: topic model made with library versions that can change its scores: "
                   + "; ".join(differences) + ". Retrain the model with these versions to be sure.")
        if on_version_mismatch == "error":
            raise ModelError(message)
        warnings.warn(message, UserWarning, stacklevel=2)
    arrays = _read_arrays(path, header)
    params = dict(header["params"])
    for key in ("word_ngram_range", "char_ngram_range"):
        params[key] = tuple(params[key])
    model = _estimator_class(header.get("estimator", "TopicClassifier"))(**params)
    word_vocab = {t: i for i, t in enumerate(header["word_vocabulary"])}
    char_vocab = {t: i for i, t in enumerate(header["char_vocabulary"])}
    model.word_vectorizer_ = _word_vectorizer(params["word_ngram_range"], 1, None, word_vocab)
    model.char_vectorizer_ = _char_vectorizer(params["char_ngram_range"], 1, None, char_vocab)
    model.word_vectorizer_.idf_ = arrays["word_idf"].astype(np.float64)
    model.char_vectorizer_.idf_ = arrays["char_idf"].astype(np.float64)
    model.classes_ = np.asarray(header["classes"], dtype=object)
    model.coef_ = arrays["coef"].astype(np.float32)
    model.intercept_ = arrays["intercept"].astype(np.float64)
    model.calibration_ = arrays["calibration"].astype(np.float64)
    model._calibrated = None
    model.n_features_ = model.coef_.shape[1]
    model.metadata_ = header.get("metadata", {})
    return model


def _estimator_class(name):
    from policy_nlp.stages.multilabel import MultiLabelTopicClassifier  # it subclasses ours
    classes = {"TopicClassifier": TopicClassifier, "MultiLabelTopicClassifier": MultiLabelTopicClassifier}
    if name not in classes:
        raise ModelError(f"unknown estimator {name!r} in the model file (known: {sorted(classes)})")
    return classes[name]


@functools.lru_cache(maxsize=4)
def _cached_default(key):
    return load_model(DEFAULT_MODEL)


def default_model() -> TopicClassifier:
    """The default codebook model shipped inside the package (cached).

    It is read with ``importlib.resources`` from
    ``policy_nlp/models/topics-default`` (``model.json``, ``model.npz``); its
    card and recipe are in the repository's ``models/topics-default``.

    Examples
    --------
    >>> default_model().classes_[0]
    'agriculture_rural'
    """
    return _cached_default(str(DEFAULT_MODEL))
