"""Paragraph topics: the default codebook and a calibrated linear classifier.

The codebook (``policy_nlp/data/codebook.json``, documented in
``docs/topics.md``) has eleven labels, each with a Chinese name and a
crosswalk to the gov.cn 主题分类 (level 1) and to the Comparative Agendas
Project (CAP) major topics:

>>> labels()[:3]
['economy', 'industry', 'science_education']
>>> crosswalk("agriculture_rural")["cap"]
[4]

:class:`TopicClassifier` (in :mod:`policy_nlp.stages.topic_estimators`,
importable from here) is a scikit-learn estimator over pkuseg tokens and
character n-grams (TF-IDF), with a linear SVM whose scores are calibrated
into probabilities (Platt scaling on cross-validated decision values). It
accepts any label set, so a researcher's own coding scheme trains the same
way (see :mod:`policy_nlp.apps.training`).

Model files are a plain format: ``model.json`` (parameters, labels,
vocabularies, library versions, metadata) and ``model.npz`` (numeric arrays,
read with ``allow_pickle=False``). Loading a model never executes code from
the file; :func:`load_model` gives a :class:`TopicModel`, which scores
paragraphs as the saved estimator does (bit-identical probabilities) with
numpy alone, so annotating imports neither scikit-learn nor scipy.
"""

import functools
import hashlib
import itertools
import json
import math
import os
import platform
import re
import warnings
import weakref
import zipfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policy_nlp.stages.topic_estimators import TopicClassifier

import numpy as np

from policy_nlp._startup import built_once
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
# Two patterns rather than one with a ``^`` branch: that branch keeps ``re``
# from skipping to the characters the others begin with, so that every branch
# was tried at every character.
_BOILERPLATE_START = re.compile(r"本作品是中华人民共和国|Public domain|false|true|注：中文维基文库")
_BOILERPLATE = re.compile(
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
    return bool(_BOILERPLATE_START.match(text) or _BOILERPLATE.search(text))


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
            tokens = list(filter(None, tokens))
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
_DENSE = 1 << 18  # single characters and tokens with a code below this are looked up by index
_LOOKUPS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _stored_lookup(features, word, ngram_range):
    """``_Lookup.build`` of a vocabulary in column order; a large one is built
    once per machine and read back by the next processes (~0.1 s of every
    start-up with the default model), keyed by the vocabulary and this file."""
    build = functools.partial(_Lookup.build, features, range(len(features)), word, ngram_range, len(features))
    if len(features) < 20_000:  # built in a few milliseconds
        return build()
    joined = "\0".join(features)
    digest = hashlib.sha256(Path(__file__).read_bytes())  # the code that builds it
    digest.update(f"{word}|{tuple(ngram_range)}|{len(features)}|{np.__version__}|".encode())
    if joined.count("\0") != len(features) - 1:  # a feature with a NUL: the lengths say where each ends
        digest.update(np.fromiter(map(len, features), dtype=np.int64, count=len(features)).tobytes())
    digest.update(joined.encode("utf-8", "surrogatepass"))
    return built_once("topics", digest.hexdigest()[:32], _Lookup, build)


class _Lookup:
    """A fitted vocabulary (of one analyzer) as integer codes in an
    open-addressing hash table (linear probing).

    Built by :meth:`build` (None when the codes would not fit in 64 bits);
    ``unique`` is False when the vocabulary repeats a feature.
    """

    @classmethod
    def build(cls, features, columns, word, ngram_range, n_features):
        """The lookup of ``features`` (str) at ``columns``, or None when this
        counting cannot reproduce the analyzer (codes wider than 64 bits)."""
        self = cls()
        self.min_n, self.max_n = ngram_range
        self.n_features = n_features
        self.word = word
        columns = np.asarray(columns, dtype=np.int64)
        if word:
            digits, lengths, kept = self._word_digits(features)
        else:
            self.base = 1 << _CHAR_BITS
            digits = self.char_digits(features)
            lengths = np.fromiter(map(len, features), dtype=np.int64, count=len(features))
            kept = (lengths >= self.min_n) & (lengths <= self.max_n)  # others are never made
            kept = None if kept.all() else kept
            if kept is not None:
                digits, lengths = digits[np.repeat(kept, lengths)], lengths[kept]
        if self.base ** self.max_n > 2 ** 63:  # codes (< base ** max_n) must fit in int64
            return None
        self.dropped = [] if kept is None else [features[i] for i in np.flatnonzero(~kept)]
        # each feature's code: its digits in base ``base`` (2**21 for characters)
        ends = np.cumsum(lengths)
        place = np.repeat(ends, lengths) - 1 - np.arange(len(digits))  # digits after this one
        keys = np.add.reduceat(digits * self.base ** place, ends - lengths) if len(lengths) \
            else np.zeros(0, np.int64)
        keys, columns = keys.astype(np.int64), columns if kept is None else columns[kept]
        unique = self._build_table(keys, columns)
        self.unique = unique and len(set(self.dropped)) == len(self.dropped)
        # single characters or tokens (codes below _DENSE): their columns in an array indexed by code
        single = (lengths == 1) & (keys < _DENSE)
        self.single_columns = np.full(int(keys[single].max(initial=0)) + 1, -1, dtype=np.int32)
        self.single_columns[keys[single]] = columns[single]
        return self

    def _word_digits(self, features):
        """Token ids (digits) and token counts of word features, and which are kept
        (None: all). Every fitted feature is min_n..max_n tokens joined by single
        spaces; anything else (never made by the analyzer, never matched) is left out."""
        lengths = np.fromiter(map(str.count, features, itertools.repeat(" ")), dtype=np.int64,
                              count=len(features)) + 1
        parts = " ".join(features).split(" ")
        tokens = dict.fromkeys(parts)  # the few distinct tokens are checked, not every part
        kept = None
        if "" in tokens or _SPACE.search("".join(tokens)) \
                or not self.min_n <= lengths.min(initial=1) <= lengths.max(initial=1) <= self.max_n:
            kept = np.array([self.min_n <= lengths[i] <= self.max_n and "" not in feature.split(" ")
                             and not _SPACE.search(feature.replace(" ", ""))
                             for i, feature in enumerate(features)], dtype=bool)
            lengths = lengths[kept]
            parts = " ".join(features[i] for i in np.flatnonzero(kept)).split(" ") if kept.any() else []
            tokens = dict.fromkeys(parts)
        # token -> id + 1 (0 stands for a token outside the vocabulary)
        self.token_ids = dict(zip(tokens, itertools.count(1)))
        self.base = len(self.token_ids) + 1
        digits = np.fromiter(map(self.token_ids.__getitem__, parts), dtype=np.int64, count=len(parts))
        return digits, lengths, kept

    @staticmethod
    def char_digits(texts):
        """Code point + 1 of every character of ``texts``, concatenated."""
        data = "".join(texts).encode("utf-32-le", "surrogatepass")
        return np.frombuffer(data, dtype="<u4").astype(np.int64) + 1

    def _slot(self, codes):
        slots = codes.view(np.uint64) * _HASH  # codes are >= 0: the same bits as uint64
        slots >>= np.uint64(64 - self.bits)
        return slots.view(np.int64)

    def _build_table(self, keys, columns):
        """Put ``keys`` (at ``columns``) in the table; False when a key repeats."""
        self.bits = max(4, int(len(keys) * 3).bit_length())  # load factor below 1/3
        size = 1 << self.bits
        self.table = np.full(size, _EMPTY, dtype=np.int64)
        self.table_columns = np.zeros(size, dtype=np.int64)
        # Multiplying by an odd number is one-to-one on 64 bits: sorting the
        # products orders the keys by slot (their top bits) and puts repeats side by side.
        hashed = keys.view(np.uint64) * _HASH
        order = np.argsort(hashed)
        hashed = hashed[order]
        unique = not bool(np.any(hashed[1:] == hashed[:-1]))
        slots = (hashed >> np.uint64(64 - self.bits)).view(np.int64)
        # Inserted in the order of their slots, each key takes the first position
        # at or after its slot that the keys before it left free: one running maximum.
        rank = np.arange(len(keys))
        position = np.maximum.accumulate(slots - rank) + rank if len(keys) else rank
        inside = position < size
        self.table[position[inside]] = keys[order[inside]]
        self.table_columns[position[inside]] = columns[order[inside]]
        # the few pushed past the end wrap around to the first free positions, which a
        # probe reaches after the full run at the end and the full positions before them
        wrapped = order[~inside]
        free = np.flatnonzero(self.table == _EMPTY)[:len(wrapped)]
        self.table[free] = keys[wrapped]
        self.table_columns[free] = columns[wrapped]
        return unique

    def single_columns_of(self, codes):
        """:meth:`columns_of` for codes of one character or token (n = 1):
        most are read from ``single_columns``, a small array that stays in
        the cache, instead of two reads at random places of the hash table."""
        dense = codes < len(self.single_columns)
        if dense.all():
            return self.single_columns[codes].astype(np.int64)
        result = np.full(len(codes), -1, dtype=np.int64)
        result[dense] = self.single_columns[codes[dense]]
        result[~dense] = self.columns_of(codes[~dense])
        return result

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
        """The lookup of a scikit-learn vectorizer, or None when its analyzer is
        not one this counting reproduces (then scikit-learn counts)."""
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
        if plain and (vectorizer.analyzer == "char"
                      or (vectorizer.analyzer == "word" and vectorizer.token_pattern == r"\S+")):
            vocabulary = vectorizer.vocabulary_
            lookup = cls.build(list(vocabulary), list(vocabulary.values()), vectorizer.analyzer == "word",
                               (min_n, max_n), len(vocabulary))
        _LOOKUPS[vectorizer] = (vectorizer.vocabulary_, lookup)
        return lookup

    def digits(self, token_lists):
        """``(digits, lengths)``: the digits of ``token_lists`` (token ids + 1,
        0 for a token outside the vocabulary; or code points + 1), one
        paragraph after another, and how many each paragraph has."""
        n_rows = len(token_lists)
        if self.word:
            lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n_rows)
            flat = map(self.token_ids.get, itertools.chain.from_iterable(token_lists), itertools.repeat(0))
            return np.fromiter(flat, dtype=np.int64, count=int(lengths.sum())), lengths
        texts = ["".join(tokens) for tokens in token_lists]
        return self.char_digits(texts), np.fromiter(map(len, texts), dtype=np.int64, count=n_rows)

    def hits(self, token_lists):
        """(paragraph, column) of every n-gram of ``token_lists`` in the vocabulary."""
        return self.digit_hits(*self.digits(token_lists))

    def digit_hits(self, digits, lengths):
        """:meth:`hits` of paragraphs given by their :meth:`digits`."""
        groups = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
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
            found = self.single_columns_of(code[keep]) if n == 1 else self.columns_of(code[keep])
            rows.append(groups[:size][keep][found >= 0])
            columns.append(found[found >= 0])
        rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        columns = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
        return rows, columns

    def counts(self, token_lists, dtype):
        """The count matrix of ``token_lists`` (one row per paragraph), as
        ``CountVectorizer.transform`` makes it."""
        import scipy.sparse as sp
        rows, columns = self.hits(token_lists)
        # duplicates summed, indices sorted within each row: CSR's canonical form
        # (two counting sorts: by column, then stably by row)
        counts = sp.coo_matrix((np.ones(len(rows), dtype=np.intc), (rows, columns)),
                               shape=(len(token_lists), self.n_features)).tocsc().tocsr()
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
# Scoring a saved model with numpy alone
#
# A saved model is two TF-IDF vectorizers (sublinear tf, l2 norm, fixed
# vocabularies and idf), a linear score and a sigmoid per label. The functions
# below do scikit-learn's and scipy's floating-point operations in the same
# order, so probabilities are bit-identical to the estimator's
# (tests/stages/test_topics.py compares them on national report paragraphs):
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
    :class:`~policy_nlp.stages.topic_estimators.TopicClassifier` (or
    :class:`~policy_nlp.stages.topic_estimators.MultiLabelTopicClassifier`)
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
            from policy_nlp.stages.topic_estimators import (MultiLabelTopicClassifier, TopicClassifier,
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
        token_lists = _feature_tokens(X)
        data, columns, indptr = self._tfidf_rows(self._word.digits(token_lists), self._char.digits(token_lists))
        return sp.csr_matrix((data, columns.astype(np.int32), indptr), shape=(len(indptr) - 1, self.n_features_))

    def _scores(self, X):
        """Linear scores, shape (n, n_scores), float64."""
        if self._word is None or self._char is None:  # analyzers the bulk count does not cover
            model = self.to_estimator()
            return np.asarray(model._features(X) @ model.coef_.T, dtype=np.float64) + self.intercept_
        token_lists = _feature_tokens(X)
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
        a, b = self.calibration_[:, 0], self.calibration_[:, 1]
        with np.errstate(over="ignore"):
            proba = 1.0 / (1.0 + np.exp(scores * a + b))
        if self.threshold is not None:
            return proba
        if len(self.classes_) == 2:
            return np.column_stack([1.0 - proba[:, 0], proba[:, 0]])
        total = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1.0 / proba.shape[1])
        return np.divide(proba, total, out=uniform, where=total != 0)

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
        out = []
        for row in self.predict_proba(X):
            order = np.argsort(-row, kind="stable")
            out.append([str(self.classes_[i]) for i in order if row[i] >= self.threshold])
        return out


def __getattr__(name):
    # The scikit-learn estimators (training) live in topic_estimators, so that
    # annotating with a saved model does not import scikit-learn.
    if name in ("TopicClassifier", "_word_vectorizer", "_char_vectorizer"):
        from policy_nlp.stages import topic_estimators
        return getattr(topic_estimators, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# Paragraph results


def classify_paragraphs(model, paragraphs, headings="inherit", title=None, context=True, predict_proba=None):
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
    predict_proba : callable, optional
        ``predict_proba(indices)``: the model's probabilities of the
        paragraphs at ``indices`` (increasing), for a caller that computes
        them faster; by default ``model.predict_proba`` of those paragraphs.

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
    texts = ["".join(p) if not isinstance(p, str) else p for p in paragraphs]
    keep = [i for i, text in enumerate(texts) if not is_boilerplate(text)]
    if keep:
        proba = predict_proba(keep) if predict_proba else model.predict_proba([paragraphs[i] for i in keep])
        classes = [str(c) for c in model.classes_]  # distinct (checked when the model is made)
        threshold = getattr(model, "threshold", None)  # only multi-label models have one
        fours = itertools.repeat(4)
        for i, row in zip(keep, proba.tolist()):  # Python floats: the same values, rounded faster
            best = classes[row.index(max(row))]  # the first maximum, as np.argmax
            scores = dict(zip(classes, map(round, row, fours)))
            results[i] = {"label": best, "score": scores[best], "scores": scores}
            if threshold is not None:
                results[i]["labels"] = _above(scores, threshold)
                results[i]["threshold"] = threshold
    if context:
        from policy_nlp.stages import topic_context
        document = document_scores(model, paragraphs) if topic_context.DOCUMENT_WEIGHT else None
        results = topic_context.contextualize(results, texts, title=title, document=document)
    if headings == "inherit":
        results = inherit_heading_topics(texts, results)
    elif headings != "own":
        raise ValueError(f"headings must be 'inherit' or 'own', not {headings!r}")
    return results


def document_scores(model, paragraphs):
    """The model's probabilities of a whole document classified as one text
    (its paragraphs but the boilerplate ones, joined): what the document is
    about, for :func:`policy_nlp.stages.topic_context.contextualize`.

    Returns
    -------
    dict or None
        ``{label: probability}``; None for a document with no classified paragraph.

    Examples
    --------
    >>> scores = document_scores(load_model(DEFAULT_MODEL), ["稳定粮食播种面积。", "提高种粮农民收益。"])
    >>> max(scores, key=scores.get)
    'agriculture_rural'
    """
    kept = [p for p in paragraphs if not is_boilerplate(p)]
    if not kept:
        return None
    joined = "".join(kept) if all(isinstance(p, str) for p in kept) else [t for p in kept for t in tokenize(p)]
    return dict(zip((str(c) for c in model.classes_), model.predict_proba([joined])[0].tolist()))


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
    from importlib.metadata import PackageNotFoundError, version
    versions = {"python": platform.python_version(), "numpy": np.__version__}
    for name in ("scipy", "scikit-learn", "pkuseg", "policy_nlp"):  # without importing them
        try:
            versions[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - metadata missing
            versions[name] = None
    return versions


def save_model(model: "TopicClassifier | TopicModel", path: "str | os.PathLike[str]",
               metadata: "dict[str, Any] | None" = None) -> None:
    """Save a fitted :class:`TopicClassifier` (or a loaded :class:`TopicModel`)
    as ``model.json`` + ``model.npz``.

    Parameters
    ----------
    model : TopicClassifier or TopicModel
        Fitted, with ``calibration="sigmoid"``.
    path : str or Path
        A directory (created if needed).
    metadata : dict, optional
        JSON-serialisable facts to keep with the model (training data,
        metrics ...); returned by :func:`model_metadata`.

    Notes
    -----
    ``model.npz`` is not compressed: it loads in a tenth of the time
    (start-up of every annotation run) for 1.6 times the size.

    Examples
    --------
    >>> import tempfile
    >>> from policy_nlp.stages.topic_estimators import TopicClassifier
    >>> X = ["粮食生产", "种粮农民", "大气污染", "水污染"] * 2
    >>> m = TopicClassifier(cv=2).fit(X, ["agriculture_rural"] * 2 + ["environment"] * 2 + ["agriculture_rural"] * 2 + ["environment"] * 2)
    >>> d = tempfile.mkdtemp()
    >>> save_model(m, d, {"note": "doctest"})
    >>> load_model(d).predict(["治理大气污染"])[0]
    'environment'
    """
    calibration = model.calibration_
    if isinstance(model, TopicModel):
        estimator, word_vocabulary, char_vocabulary = model.estimator, model.word_vocabulary, model.char_vocabulary
        word_idf, char_idf = model.word_idf, model.char_idf
    else:
        if not hasattr(model, "coef_"):
            raise ModelError(f"this {type(model).__name__} is not fitted yet: call fit before save_model")
        if calibration is None:
            raise ModelError("only models calibrated with calibration='sigmoid' can be saved")
        estimator = type(model).__name__
        word_vocabulary, char_vocabulary = _vocab_list(model.word_vectorizer_), _vocab_list(model.char_vectorizer_)
        word_idf, char_idf = model.word_vectorizer_.idf_, model.char_vectorizer_.idf_
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    params = model.get_params()
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "estimator": estimator,
        "params": params,
        "classes": [str(c) for c in model.classes_],
        "word_vocabulary": word_vocabulary,
        "char_vocabulary": char_vocabulary,
        "versions": _versions(),
        "metadata": metadata or {},
    }
    with open(path / "model.json", "w", encoding="utf-8") as f:
        json.dump(header, f, ensure_ascii=False, separators=(",", ":"))
    np.savez(path / "model.npz",
             word_idf=word_idf.astype(np.float32),
             char_idf=char_idf.astype(np.float32),
             coef=model.coef_.astype(np.float32),
             intercept=model.intercept_.astype(np.float64),
             calibration=np.asarray(calibration, dtype=np.float64))


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
    estimator = header.get("estimator", "TopicClassifier")
    if estimator not in ESTIMATOR_PARAMS:
        raise ModelError(f"unknown estimator {estimator!r} in the model file (known: {sorted(ESTIMATOR_PARAMS)})")
    unknown = set(params) - set(ESTIMATOR_PARAMS[estimator])
    if unknown:
        bad(f"unknown parameters {sorted(unknown)}")
    for key in ("word_ngram_range", "char_ngram_range"):
        value = params.get(key)
        if not (isinstance(value, (list, tuple)) and len(value) == 2
                and all(type(v) is int for v in value) and 1 <= value[0] <= value[1] <= MAX_NGRAM):
            bad(f"{key} must be two integers 1 <= low <= high <= {MAX_NGRAM}, not {value!r}")
    for key in ("classes", "word_vocabulary", "char_vocabulary"):
        value = header[key]
        strings = isinstance(value, list)
        try:  # str.join refuses anything but strings, in C: fast on 250,000 features
            "".join(value if strings else ())
        except TypeError:
            strings = False
        if not strings:
            bad(f"{key!r} is not a list of strings")
        # vocabularies: checked for repeats by TopicModel, from their codes
        if key == "classes" and len(set(value)) != len(value):
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


def load_model(path: "str | os.PathLike[str]", on_version_mismatch: str = "warn") -> TopicModel:
    """Load a model saved by :func:`save_model`; never executes code from the file.

    ``model.json`` is parsed as JSON and ``model.npz`` is read with
    ``allow_pickle=False``; both are checked (keys, n-gram ranges, array
    shapes, finite weights, repeated features) and a :class:`TopicModel`
    is built from those values: it scores paragraphs with numpy, without
    importing scikit-learn (:meth:`TopicModel.to_estimator` gives the
    scikit-learn estimator).

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
    differences = _version_differences(saved, _running_versions())
    if differences and on_version_mismatch != "ignore":
        message = (f"{path}: topic model made with library versions that can change its scores: "
                   + "; ".join(differences) + ". Retrain the model with these versions to be sure.")
        if on_version_mismatch == "error":
            raise ModelError(message)
        warnings.warn(message, UserWarning, stacklevel=2)
    arrays = _read_arrays(path, header)
    return TopicModel(header["params"], header["classes"], header["word_vocabulary"], header["char_vocabulary"],
                      arrays, estimator=header.get("estimator", "TopicClassifier"),
                      metadata=header.get("metadata", {}), source=f"{path}/model.json")


@functools.lru_cache(maxsize=1)
def _running_versions():
    return _versions()


@functools.lru_cache(maxsize=4)
def _cached_default(key):
    return load_model(DEFAULT_MODEL)


def default_model() -> TopicModel:
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
