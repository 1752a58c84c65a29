"""Tokens and TF-IDF features of paragraphs, counted in bulk for a fitted model."""

import functools
import hashlib
import itertools
import re
import weakref
from pathlib import Path

import numpy as np

from policy_nlp._startup import built_once


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


def feature_tokens(X):
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
    lists = feature_tokens(X)
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
# are bit-identical (tests/stages/topics/test_topics.py checks them against
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
