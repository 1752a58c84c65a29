"""The tokenizer stage: text -> spaCy ``Doc`` of pkuseg words.

pkuseg cuts the text with its bundled default model and its own default
dictionary. Policy terms (the packaged lexicon plus a user's dictionary) are
then kept whole by merging the pkuseg words that make them up. Merging after
cutting, rather than handing pkuseg a user dictionary, is deliberate: pkuseg
force-splits the text around user words before cutting, which changes the
words next to them (and older releases drop the default dictionary when given
a user one, lancopku/pkuseg-python#84). So every token outside a policy term
is exactly pkuseg's.

Whitespace runs become tokens of their own (``token.is_space``), so that
``doc.text`` is the input text character for character.
"""

import itertools
import re
import warnings
from bisect import bisect_right

import srsly
from spacy.tokens import Doc
from spacy.util import ensure_path, registry

from policy_nlp.errors import DocumentError
from policy_nlp.lang.chars import CLAUSE_END_RE, LONE_SURROGATE_RE, is_ideograph
from policy_nlp.lang.encodings import read_decoded
from policy_nlp.lang.words import either, word_set
from policy_nlp.pipeline.document import remember_text, remember_words
from policy_nlp.segment.engines import DEFAULT_SEGMENTER, load_segmenter
from policy_nlp.segment.fastseg import substrings

# pkuseg cuts a whitespace-free run as one Viterbi sequence; a run longer than
# this (a whole book on one line) is cut at sentence ends, then hard, so that
# memory stays bounded. Normal paragraphs are far shorter.
MAX_RUN = 20_000
_WHITESPACE = re.compile(r"\s+")
# a line of jieba's dictionary format: the term, then its frequency, its tag or both (河长制 3 n);
# jieba's tags are lower case (n, nz, eng), as its reader takes them: 硅基 MEMS is a term with a space
_JIEBA_LINE = re.compile(r"(?P<term>\S+)\s+(?:\d+(?:\s+[a-z]+)?|[a-z]+)")
# locatives (方位词): pkuseg's word of one with a term's last character (三|农上, 六|保中) keeps the term
_LOCATIVES = word_set("locatives")
# Words whose spaCy ids (string hashes) the tokenizer keeps; past this many,
# it starts afresh (a corpus has far fewer distinct words).
MAX_CACHED_WORDS = 1_000_000


def check_text(text):
    """Refuse what is not text, at the call, with what to do about it.

    Raises
    ------
    TypeError
        ``text`` is not a ``str`` (bytes must be decoded first).
    ValueError
        ``text`` holds a lone surrogate (e.g. ``"\\ud800"``): not Unicode
        text; it cannot be segmented or written as UTF-8.
    """
    if not isinstance(text, str):
        hint = (": decode the bytes first, e.g. text.decode('utf-8') or policy_nlp.io.reading.decode(data)"
                if isinstance(text, (bytes, bytearray)) else "")
        raise TypeError(f"the text to annotate must be a str, not {type(text).__name__}{hint}")
    found = LONE_SURROGATE_RE.search(text)
    if found:
        raise ValueError(f"the text contains a lone surrogate U+{ord(found.group()):04X} at character "
                         f"{found.start()}: not valid Unicode (was it cut in the middle of a character?)")


def read_user_dict(path):
    """Read a user dictionary: one term per line; a tab and more columns may
    follow the term (pkuseg's format), or a space and a frequency, a tag or
    both (jieba's: ``河长制 3 n``; its tags are lower case); ``#`` starts a comment line. A lexicon
    TSV (``policy-nlp lexicon build``; header ``term<TAB>kind...``) works too.
    UTF-8, GBK/GB18030 and UTF-16 with a byte-order mark are read
    (:func:`policy_nlp.lang.encodings.decode`); other bytes are a DocumentError.
    A term holding a space otherwise is kept but can never be one token
    (whitespace is a token of its own): a ``UserWarning`` names its line.

    Examples
    --------
    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    >>> _ = f.write("# 我的词典\\n五心工程\\n两品一游\\tn\\n\\n"); f.close()
    >>> read_user_dict(f.name)
    ['五心工程', '两品一游']
    >>> os.unlink(f.name)
    """
    # GBK and UTF-16 dictionaries (Windows editors) read as well as UTF-8
    lines = read_decoded(path, "user dictionary").splitlines()
    words, spaced = [], []
    for number, line in enumerate(lines, start=1):
        term = line.split("\t")[0].strip()
        if not term or term.startswith("#") or number == 1 and line.startswith("term\t"):  # a lexicon TSV's header
            continue
        jieba = _JIEBA_LINE.fullmatch(term)
        if jieba:
            term = jieba["term"]
        elif _WHITESPACE.search(term):
            spaced.append((number, term))
        words.append(term)
    if spaced:
        number, term = spaced[0]
        warnings.warn(f"{path}:{number}: {term!r} holds a space: whitespace is a token of its own, so the "
                      f"term is never kept whole ({len(spaced)} such line(s); give the term alone, or "
                      "term<TAB>tag)", UserWarning, stacklevel=2)
    return words


def _runs(text):
    """(start, end) of the whitespace-free runs of ``text``, long ones cut."""
    start = 0
    for match in [*_WHITESPACE.finditer(text), None]:
        end = match.start() if match else len(text)
        while end - start > MAX_RUN:
            piece_end = start + MAX_RUN
            last_stop = None
            for stop in CLAUSE_END_RE.finditer(text, start, piece_end):
                last_stop = stop.end()
            piece_end = last_stop if last_stop and last_stop > start else piece_end
            yield start, piece_end
            start = piece_end
        if end > start:
            yield start, end
        if match:
            start = match.end()


class PolicyTokenizer:
    """Cut Chinese text into pkuseg words, keeping policy terms whole.

    Parameters
    ----------
    vocab : spacy.vocab.Vocab
    segmenter : str
        Engine name from :mod:`policy_nlp.segment.engines`: ``"fast"`` (ours,
        pkuseg's output; the default) or ``"pkuseg"`` (pkuseg itself).
    lexicon : bool
        Keep the terms of the packaged policy lexicon whole.
    user_dict : str or Path, optional
        A user dictionary file (see :func:`read_user_dict`); its terms are
        added to the lexicon's, and pkuseg's own dictionary stays in force.
    clean : bool
        Prepare raw text first as a corpus run does
        (:func:`policy_nlp.stages.normalize.prepare`: normalise, remove web
        page furniture, read the title block, date, place and level): the
        Doc's text is the cleaned text, and ``doc._.meta`` holds what was
        read and removed (``meta["removed"]`` offsets are into the input).
        A spaCy Doc's text cannot differ from its tokens, so cleaning has to
        happen here, before the Doc exists.

    Nothing is loaded at construction: the term list is read on first use
    (or restored by ``from_disk``) and the segmenter on the first call.

    Examples
    --------
    >>> import spacy
    >>> tokenizer = PolicyTokenizer(spacy.blank("zh").vocab, lexicon=False, words=["五心工程"])
    >>> [t.text for t in tokenizer("实施“五心工程”。")]
    ['实施', '“', '五心工程', '”', '。']
    """

    def __init__(self, vocab, segmenter=DEFAULT_SEGMENTER, lexicon=True, user_dict=None, words=None,
                 clean=False):
        self.vocab = vocab
        self.clean = bool(clean)
        self.segmenter = segmenter
        self.lexicon = lexicon
        self.user_dict = str(user_dict) if user_dict else None
        self._words = list(words) if words is not None else None
        self._pattern = None
        self._orths = (None, {})  # (vocab, word -> its id in vocab.strings)

    @property
    def words(self):
        """The policy terms kept whole (lexicon + user dictionary + extra words)."""
        if self._words is None:
            words = []
            if self.lexicon:
                from policy_nlp.stages.lexicon import default_lexicon
                words.extend(default_lexicon().words())
            if self.user_dict:
                words.extend(read_user_dict(self.user_dict))
            self._words = words
        return self._words

    def add_words(self, words):
        """Add terms to keep whole (e.g. a research team's own list)."""
        self._words = sorted(set(self.words) | set(words))
        self._pattern = None

    @property
    def pattern(self):
        if self._pattern is None:
            terms = sorted({w for w in self.words if len(w) > 1 and not _WHITESPACE.search(w)},
                           key=lambda w: (-len(w), w))
            self._pattern = re.compile(either(terms)) if terms else False
        return self._pattern

    def cut(self, text):
        """Word boundaries of ``text`` as ``[(start, end), ...]`` (no whitespace)."""
        bounds = self.boundaries(text)
        return [(a, b) for a, b in zip(bounds, bounds[1:]) if not text[a].isspace()]

    def boundaries(self, text):
        """Every token boundary of ``text``, from 0 to ``len(text)``: the
        segmenter's words with policy terms merged, and whitespace runs.

        One list of offsets rather than a tuple per word: on a long document
        the per-word Python work costs more than the segmenter itself. An
        engine that gives the boundaries itself (the fast engine's C core)
        is asked for them in one call; otherwise, or when a run is longer
        than ``MAX_RUN``, the text is cut run by run.
        """
        engine = load_segmenter(self.segmenter)
        whole = getattr(engine, "boundaries", None)
        bounds = whole(text, MAX_RUN) if whole is not None else None
        if bounds is None:
            bounds = self._run_boundaries(engine, text)
        if self.pattern:
            bounds = self._merge_terms(text, bounds)
        return bounds

    @staticmethod
    def _run_boundaries(engine, text):
        """The boundaries of ``engine``'s words and the whitespace runs,
        cutting each run (see :func:`_runs`) with ``engine.cut``."""
        bounds = [0]
        extend = bounds.extend
        for start, end in _runs(text):
            words = engine.cut(text[start:end])
            if "".join(words) != text[start:end]:  # pragma: no cover - pkuseg returns the run's characters
                raise AssertionError(f"segmenter output does not match the text at {start}:{end}")
            offsets = itertools.accumulate(map(len, words), initial=start)
            if bounds[-1] == start:  # no whitespace before this run
                next(offsets)
            extend(offsets)
        if bounds[-1] != len(text):  # trailing whitespace (or an empty text)
            bounds.append(len(text))
        return bounds

    def _merge_terms(self, text, bounds):
        """Keep each policy term whole: the boundaries strictly inside a term
        go, the term's own start and end come in (so a term boundary inside a
        pkuseg word splits that word; words outside terms are untouched).

        A term whose last Chinese character pkuseg reads as one word with the
        Chinese characters after it is no use of the term and stays cut as pkuseg cuts it
        (为今后三农村发展: 三|农村, not 三农|村), unless another term starts
        right there (河长制湖长制, pkuseg 河长|制湖|长制) or the word runs on by
        a locative only (在三农上下功夫, pkuseg 三|农上; 在六稳六保中, 六|保中)."""
        merged, kept = [], 0
        spans = [match.span() for match in self.pattern.finditer(text)]  # terms never contain whitespace
        term_starts = {a for a, _ in spans}
        for t_start, t_end in spans:
            if self._tail_runs_on(text, bounds, t_start, t_end, term_starts):
                continue
            first = bisect_right(bounds, t_start, kept)  # the first boundary after the term's start
            merged.extend(bounds[kept:first])
            if merged[-1] != t_start:
                merged.append(t_start)
            merged.append(t_end)
            kept = bisect_right(bounds, t_end, first)
        if not merged:
            return bounds
        merged.extend(bounds[kept:])
        return merged

    @staticmethod
    def _tail_runs_on(text, bounds, t_start, t_end, term_starts):
        """Whether pkuseg's word at the end of the term [t_start, t_end) starts
        inside the term and runs on from its last Chinese character into one
        after it (三|农村 for the term 三农; not 人工智能+ in 人工|智能|+物|联网),
        no other term starting there and the word going on by more than a
        locative (三|农上 is the term 三农 and 上)."""
        k = bisect_right(bounds, t_end) - 1           # the last boundary at or before t_end
        if bounds[k] == t_end or bounds[k] <= t_start or t_end in term_starts:
            return False
        if k + 1 < len(bounds) and bounds[k + 1] == t_end + 1 and text[t_end] in _LOCATIVES:
            return False
        return all(is_ideograph(c) for c in text[t_end - 1:t_end + 1])

    def __call__(self, text):
        """The Doc of ``text`` (cleaned first when ``self.clean``)."""
        check_text(text)
        if not self.clean:
            return self.tokenize(text)
        from policy_nlp.stages.normalize import prepare
        text, meta = prepare(text, clean=True)
        doc = self.tokenize(text)
        doc._.id = meta["sha1"][:12]  # as policy_nlp.annotate() derives it
        doc._.meta = meta
        return doc

    def tokenize(self, text):
        """The Doc of ``text`` as it is (never cleaned)."""
        bounds = self.boundaries(text)
        words = substrings(text, bounds)
        doc = self._make_doc(words)
        remember_text(doc, text)
        remember_words(doc, bounds, words)
        return doc

    def _make_doc(self, words):
        """``Doc(vocab, words=words)`` (no trailing spaces), built from the
        words' ids: spaCy then skips hashing each word's UTF-8 to find its
        lexeme, most of the cost of building a Doc. The ids come from a
        cache; a word met for the first time is added to the vocabulary's
        strings first, as spaCy would. The lexemes, hence the Doc, are the
        same. An id whose string the vocabulary has dropped since (the end of
        a ``memory_zone``) makes spaCy raise KeyError: the cache is emptied
        and the Doc built from the strings.
        """
        spaces = [False] * len(words)
        vocab, cache = self._orths
        if vocab is not self.vocab or len(cache) > MAX_CACHED_WORDS:
            cache = {}
            self._orths = (self.vocab, cache)
        orths = list(map(cache.get, words))
        miss = -1
        try:
            while True:  # words met for the first time (few, after the first documents)
                miss = orths.index(None, miss + 1)
                orths[miss] = self._add_orth(words[miss])
        except ValueError:  # no more
            pass
        try:
            return Doc(self.vocab, words=orths, spaces=spaces)
        except KeyError:
            cache.clear()
            return Doc(self.vocab, words=words, spaces=spaces)

    def _add_orth(self, word):
        orth = self._orths[1][word] = self.vocab.strings.add(word)
        return orth

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    # spaCy serialisation: the term list travels with a saved pipeline, the
    # segmenter's model does not (it is pkuseg's installed model).
    def to_bytes(self, *, exclude=tuple()):
        return srsly.msgpack_dumps({"segmenter": self.segmenter, "words": self.words, "clean": self.clean})

    def from_bytes(self, data, *, exclude=tuple()):
        config = srsly.msgpack_loads(data)
        self.segmenter = config["segmenter"]
        self.clean = config.get("clean", self.clean)  # absent in pipelines saved before it existed
        self._words = list(config["words"])
        self._pattern = None
        return self

    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "tokenizer.json", {"segmenter": self.segmenter, "clean": self.clean})
        (path / "words.txt").write_text("\n".join(self.words) + "\n", encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        settings = srsly.read_json(path / "tokenizer.json")
        self.segmenter = settings["segmenter"]
        self.clean = settings.get("clean", self.clean)
        self._words = [w for w in (path / "words.txt").read_text(encoding="utf-8").split("\n") if w]
        self._pattern = None
        return self


@registry.tokenizers("policy_nlp.PolicyTokenizer.v1")
def create_policy_tokenizer(segmenter: str = DEFAULT_SEGMENTER, lexicon: bool = True, user_dict: str = "",
                            clean: bool = False):
    def create(nlp):
        return PolicyTokenizer(nlp.vocab, segmenter=segmenter, lexicon=lexicon,
                               user_dict=user_dict or None, clean=clean)
    return create


def make_plain_doc(nlp, text: str) -> Doc:
    """``nlp.make_doc(text)`` without the tokenizer's own cleaning: for text a
    corpus run has prepared already (cleaning twice could cut more)."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, PolicyTokenizer) and tokenizer.clean:
        if len(text) > nlp.max_length:
            return nlp.make_doc(text)  # spaCy's own error for an over-long text
        return tokenizer.tokenize(text)
    return nlp.make_doc(text)
