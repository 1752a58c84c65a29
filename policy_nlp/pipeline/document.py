"""The document model: a spaCy ``Doc`` that every stage reads and writes.

Annotations live in span groups (``doc.spans[...]``), so they survive spaCy's
own serialisation (``DocBin``) and any spaCy tooling can read them:

==================  =================  ==========================================
group               span label         span extensions (``span._.NAME``)
==================  =================  ==========================================
``paragraphs``      ``paragraph``      ``topic``: {label, score, scores} or None
``sentences``       ``sentence``
``slogans``         kind: ``numbered``  ``number``, ``members``, ``count_matches``,
                    or ``quoted``      ``source``
``lists``           the family (一是)   ``level``, ``parent``, ``parent_item``,
                                       ``claim``, ``count_matches``, ``gaps``,
                                       ``restart``; ``items`` (read from
                                       ``list_items``, see :func:`list_items`)
``list_items``      ``item``           ``marker``, ``list_index``
==================  =================  ==========================================

The fields are declared once, in :mod:`policy_nlp.schema`.
Document-level data: ``doc._.id``, ``doc._.meta`` (source, encoding, title,
speaker, date ... and what cleaning removed; the title's slogans,
``title_slogans``, with offsets into the title: the Doc's text is the body, so
no span group can hold them).

Spans in spaCy are made of whole tokens, but a list marker or a member can
begin inside a pkuseg word (一是农业 …). :func:`add_spans` therefore splits a
token where an annotation boundary falls inside it, and rebuilds the existing
span groups, so that ``doc.text[span.start_char:span.end_char] == span.text``
holds for every annotation, always.
"""

import contextlib
import itertools
import weakref

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, MORPH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc, Span

from policy_nlp.schema import SPAN_GROUPS, span_extensions

GROUPS = tuple(SPAN_GROUPS)  # paragraphs, sentences, slogans, lists, list_items

DOC_EXTENSIONS = {"id": None, "meta": None}
# The fields of the records in SPAN_GROUPS that are neither offsets, text nor
# label: declared in policy_nlp.schema, not here.
SPAN_EXTENSIONS = span_extensions()


def item_record(span):
    """A ``list_items`` span as its record, a :class:`policy_nlp.schema.ListItem`
    (the lists' ``span._.items`` and the JSON output both give it)."""
    return {"start": span.start_char, "end": span.end_char, "marker": span._.marker}


def list_items(span):
    """The items of a ``lists`` span: ``[{"start", "end", "marker"}]``.

    Items are stored once, as the ``list_items`` spans whose
    ``span._.list_index`` is the list's index in ``doc.spans["lists"]``;
    this is the getter of the lists' ``span._.items``.
    """
    doc = span.doc
    if "lists" not in doc.spans or "list_items" not in doc.spans:
        return None
    index = next((i for i, s in enumerate(doc.spans["lists"]) if s == span), None)
    if index is None:
        return None
    return [item_record(s) for s in doc.spans["list_items"] if s._.list_index == index]


def register_extensions():
    """Declare policy_nlp's ``Doc._`` and ``Span._`` attributes (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Span.has_extension("items"):
        Span.set_extension("items", getter=list_items)


register_extensions()


# The text of each live Doc, read once: ``doc.text`` joins a new Python Token
# per word on every call, and every stage needs the text. A Doc's text never
# changes (splits and merges keep it), so the cache cannot go stale.
_TEXTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def remember_text(doc, text):
    """Record ``text`` as ``doc``'s text (the tokenizer knows it already)."""
    _TEXTS[doc] = text


def doc_text(doc):
    """``doc.text``, computed once per Doc."""
    text = _TEXTS.get(doc)
    if text is None or (len(doc) and len(text) != doc[-1].idx + len(doc[-1].text_with_ws)):
        text = _TEXTS[doc] = doc.text
    return text


# Token offsets of each live Doc, kept between reads: doc -> (starts, ends,
# is_space). Reading them walks every token's lexeme (0.5-1 ms for 10,000
# tokens); checking that the kept ones still hold reads only the tokens'
# start offsets, a few times cheaper. And the Docs inside a
# :func:`reading_offsets` block: doc -> whether the kept offsets were checked
# in this block (False again after a split).
_KEPT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_BLOCKS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@contextlib.contextmanager
def reading_offsets(doc):
    """Within this block, trust ``doc``'s token offsets once read or checked.

    A stage reads the token offsets several times (to align each span
    group, to set sentence starts, to slice words). Outside a block each
    read first checks that the tokens have not changed since the offsets
    were last read (a retokenizer may have run); inside, they are checked
    once and kept until a split (:func:`ensure_boundaries`) changes the
    tokens. Only policy_nlp's own stage code runs inside, so nothing else can
    retokenize meanwhile; the arrays returned are shared and must not be
    written to.
    """
    owner = doc not in _BLOCKS  # a nested block leaves the outer one's entry
    if owner:
        _BLOCKS[doc] = False
    try:
        yield
    finally:
        if owner:
            _BLOCKS.pop(doc, None)


def _offset_arrays(doc):
    """(starts, ends, is_space) of every token: the kept arrays if the tokens
    still start where they did, else read in one array operation."""
    kept = _KEPT.get(doc)
    if kept is not None and len(kept[0]) == len(doc):
        if _BLOCKS.get(doc):
            return kept
        # The same token starts mean the same tokens: a split adds a start, a
        # merge removes one, and the text (hence each token's end) never changes.
        if not len(doc) or numpy.array_equal(doc.to_array(IDX), kept[0]):
            if doc in _BLOCKS:
                _BLOCKS[doc] = True
            return kept
    if len(doc) == 0:
        empty = numpy.zeros(0, dtype="int64")
        arrays = (empty, empty, numpy.zeros(0, dtype=bool))
    else:
        array = doc.to_array([IDX, LENGTH, IS_SPACE]).astype("int64")
        arrays = (array[:, 0], array[:, 0] + array[:, 1], array[:, 2] != 0)
    _KEPT[doc] = arrays
    if doc in _BLOCKS:
        _BLOCKS[doc] = True
    return arrays


def token_offsets(doc):
    """``(starts, ends)``: the character offsets of every token, as int64 arrays.

    Read in one array operation: iterating over ``doc`` makes a Python
    ``Token`` per word, which dominates on long documents.
    """
    starts, ends, _ = _offset_arrays(doc)
    return starts, ends


def word_offset_arrays(doc):
    """``(starts, ends)`` of the tokens that are not whitespace, as int64 arrays."""
    starts, ends, space = _offset_arrays(doc)
    if space.any():
        words = ~space
        starts, ends = starts[words], ends[words]
    return starts, ends


# The token texts the tokenizer made for its last few Docs, with the token
# boundaries they belong to: [(weakref to doc, boundaries, texts)], newest
# last. Only a few, so that Docs kept by the caller do not keep a string per
# token; a Doc goes through the stages right after the tokenizer made it.
_WORDS: list = []
_WORDS_KEPT = 4


def remember_words(doc, bounds, words):
    """Record the texts of ``doc``'s tokens as the tokenizer cut them
    (``words``, whitespace tokens included, between ``bounds``): read by
    :func:`word_texts`, instead of slicing the text again."""
    _WORDS.append((weakref.ref(doc), bounds, words))
    del _WORDS[:-_WORDS_KEPT]


def _token_texts(doc):
    """The texts of all the tokens, whitespace ones included: the
    tokenizer's own strings when the tokens are still the ones it made (the
    same starts), else sliced from the text."""
    starts, ends, _ = _offset_arrays(doc)
    for ref, bounds, texts in _WORDS:
        if ref() is doc:
            if len(texts) == len(starts) and numpy.array_equal(
                    numpy.fromiter(bounds, dtype="int64", count=len(texts)), starts):
                return texts
            break
    text = doc_text(doc)
    return list(map(text.__getitem__, map(slice, starts.tolist(), ends.tolist())))


def word_texts(doc):
    """The texts of the tokens that are not whitespace, in order: those at
    :func:`word_offset_arrays` (the tokenizer's own strings, when the tokens
    are still the ones it made).
    """
    texts = _token_texts(doc)
    space = _offset_arrays(doc)[2]
    return list(itertools.compress(texts, (~space).tolist())) if space.any() else list(texts)


def _word_ranges(doc, offsets):
    """``(bounds, spaced)``: the token indices ``[first, last)`` of the tokens
    that start within each ``(start, end)`` of ``offsets``, and whether any of
    them is whitespace."""
    starts, _, space = _offset_arrays(doc)
    bounds = numpy.searchsorted(starts, numpy.asarray(offsets, dtype="int64").reshape(-1, 2))
    spaces_before = numpy.concatenate([[0], numpy.cumsum(space)])
    return bounds, spaces_before[bounds[:, 1]] > spaces_before[bounds[:, 0]]


def words_within(doc, offsets):
    """The texts of the non-space tokens that start within each ``(start,
    end)`` character range of ``offsets``, one list per range: as slicing
    :func:`word_texts` at :func:`word_offset_arrays`, without a list of every
    word of the document first (whitespace tokens are dropped only from the
    ranges that hold any)."""
    with reading_offsets(doc):  # the token offsets checked once for all the reads
        bounds, spaced = _word_ranges(doc, offsets)
        space = _offset_arrays(doc)[2]
        texts = _token_texts(doc)
    out = []
    for (first, last), any_space in zip(bounds.tolist(), spaced.tolist()):
        words = texts[first:last]
        out.append(list(itertools.compress(words, (~space[first:last]).tolist())) if any_space else words)
    return out


def word_attrs_within(doc, offsets, attr):
    """A token attribute (spaCy ``attr``, e.g. ``ORTH``) of the tokens of
    :func:`words_within`, as arrays: the values of every range's non-space
    tokens one range after another, how many each range has, and the
    tokens' lengths in characters."""
    with reading_offsets(doc):
        bounds, _ = _word_ranges(doc, offsets)
        starts, ends, space = _offset_arrays(doc)
    counts = bounds[:, 1] - bounds[:, 0]
    range_ends = numpy.cumsum(counts)
    # every range's token indices one after another: first, first + 1, ..., last - 1
    index = numpy.arange(int(range_ends[-1]) if len(counts) else 0) + numpy.repeat(bounds[:, 0] - (range_ends - counts),
                                                                                   counts)
    words = ~space[index]
    words_before = numpy.concatenate([[0], numpy.cumsum(words)])
    index = index[words]
    return (doc.to_array(attr)[index], words_before[range_ends] - words_before[range_ends - counts],
            ends[index] - starts[index])


def word_offsets(doc):
    """``[(start, end)]`` of the tokens that are not whitespace, in order."""
    starts, ends = word_offset_arrays(doc)
    return list(zip(starts.tolist(), ends.tolist()))


def _inner_cuts(doc, offsets):
    """Map token index -> sorted offsets that fall strictly inside that token."""
    starts, ends = token_offsets(doc)
    offsets = numpy.unique(numpy.fromiter(offsets, dtype="int64"))
    if not len(starts) or not len(offsets):
        return {}
    index = numpy.searchsorted(starts, offsets, side="right") - 1
    valid = index >= 0
    index, offsets = index[valid], offsets[valid]
    inside = (starts[index] < offsets) & (offsets < ends[index])
    cuts = {}
    for token, offset in zip(index[inside].tolist(), offsets[inside].tolist()):
        cuts.setdefault(token, []).append(offset)  # offsets are sorted already
    return cuts


def _span_list(doc, bounds, labels):
    """Spans of ``doc`` for character ``bounds`` [(start, end)] that fall on
    token boundaries, with their labels; None for any that do not."""
    if not bounds:
        return []
    starts, ends = token_offsets(doc)
    chars = numpy.asarray(bounds, dtype="int64").reshape(-1, 2)
    n = len(starts)
    first = numpy.searchsorted(starts, chars[:, 0])
    last = numpy.searchsorted(ends, chars[:, 1])  # the token that ends at the span's end
    aligned = ((first < n) & (last < n) & (first <= last)
               & (starts[numpy.minimum(first, n - 1)] == chars[:, 0])
               & (ends[numpy.minimum(last, n - 1)] == chars[:, 1]))
    # each distinct label hashed once: a Span given a str label hashes it every time
    labels = list(labels)
    ids = {label: doc.vocab.strings.add(label) if isinstance(label, str) else label for label in set(labels)}
    spans = []
    for (a, b), i, j, ok, label in zip(chars.tolist(), first.tolist(), last.tolist(),
                                       aligned.tolist(), map(ids.__getitem__, labels)):
        # Anything not plainly aligned (an empty span) gets spaCy's own answer.
        spans.append(Span(doc, i, j + 1, label=label) if ok else doc.char_span(a, b, label=label))
    return spans


def ensure_boundaries(doc, offsets):
    """Split tokens so that every offset in ``offsets`` is a token boundary.

    Existing span groups are rebuilt from their character offsets, and
    sentence starts are kept. Linear in the document's length however many
    tokens are split: a document that carries no token annotation but
    sentence starts (what policy_nlp's stages make) is rebuilt in place in
    one pass (:func:`_rebuild`); spaCy's retokenizer, used for any other
    document, moves the whole token array once per split. As with spaCy's
    retokenizer, ``Token`` objects taken before the split are invalid after
    it.

    Returns
    -------
    int
        The number of tokens split.
    """
    cuts = _inner_cuts(doc, offsets)
    if not cuts:
        return 0
    saved = {name: [(s.start_char, s.end_char, s.label_) for s in group]
             for name, group in doc.spans.items()}
    # (read before the tokens change: Span objects are made from token indices)
    sentence_starts = _sentence_starts(doc)
    if _only_sentence_starts(doc):
        _rebuild(doc, [offset for positions in cuts.values() for offset in positions])
    else:
        text = doc_text(doc)
        starts, ends = token_offsets(doc)
        with doc.retokenize() as retokenizer:
            for index, positions in cuts.items():
                bounds = [int(starts[index]), *positions, int(ends[index])]
                orths = [text[a:b] for a, b in zip(bounds, bounds[1:])]
                retokenizer.split(doc[index], orths, heads=[(doc[index], 0)] * len(orths))
    _KEPT.pop(doc, None)  # the tokens changed: read them again
    if doc in _BLOCKS:
        _BLOCKS[doc] = False
    with reading_offsets(doc):
        for name, spans in saved.items():
            doc.spans[name] = _span_list(doc, [(a, b) for a, b, _ in spans], [label for _, _, label in spans])
        if sentence_starts is not None:
            set_sentence_starts(doc, sentence_starts)
    return len(cuts)


# Token annotations that a rebuild would not carry over (sentence starts are
# carried over by the caller).
_TOKEN_ANNOTATIONS = (TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE)


def _only_sentence_starts(doc):
    """Whether ``doc`` carries nothing per token but text, whitespace and
    sentence starts (so that rebuilding it from its words loses nothing)."""
    if doc.tensor is not None and getattr(doc.tensor, "size", 0):
        return False
    return not doc.to_array(list(_TOKEN_ANNOTATIONS)).any()


def _rebuild(doc, cuts):
    """Re-create ``doc``'s tokens in place with the tokens cut at ``cuts``
    (offsets strictly inside tokens), in one pass over the document.

    ``Doc.__init__`` re-initialises the token array of an existing Doc; the
    Doc object, its user data (``doc._`` values), categories and hooks stay.
    Span groups and sentence starts are restored by the caller.
    """
    text = doc_text(doc)
    starts, ends = token_offsets(doc)
    trailing_space = doc.to_array([SPACY]).astype(bool)
    cuts = numpy.asarray(cuts, dtype="int64")
    # Cuts fall strictly inside disjoint tokens, so the sorted starts and the
    # sorted ends pair up into the new tokens.
    new_starts = numpy.sort(numpy.concatenate([starts, cuts]))
    new_ends = numpy.sort(numpy.concatenate([ends, cuts]))
    old = numpy.minimum(numpy.searchsorted(ends, new_ends), len(ends) - 1)
    spaces = (ends[old] == new_ends) & trailing_space[old]  # a piece before a cut has none
    words = [text[a:b] for a, b in zip(new_starts.tolist(), new_ends.tolist())]
    kept = {name: getattr(doc, name) for name in
            ("user_data", "cats", "user_hooks", "user_token_hooks", "user_span_hooks",
             "sentiment", "_context", "has_unknown_spaces")}
    doc.__init__(doc.vocab, words=words, spaces=spaces.tolist())
    for name, value in kept.items():
        setattr(doc, name, value)


def _sentence_starts(doc):
    """Character offsets of the tokens marked as sentence starts, or None
    when the document has no sentence boundaries."""
    if len(doc) < 2:
        return None
    values = doc.to_array([SENT_START]).astype("int64")
    if not values[1:].any():  # as doc.has_annotation("SENT_START"): unset everywhere
        return None
    starts, _ = token_offsets(doc)
    values[0] = 1  # the first token always starts a sentence
    return starts[values == 1].tolist()


def set_sentence_starts(doc, starts):
    """Mark the tokens at character offsets ``starts`` as sentence starts.

    One array write: setting ``token.is_sent_start`` token by token is
    quadratic in spaCy (each write checks the whole document's annotation).
    """
    if len(doc) == 0:
        return
    token_starts, _ = token_offsets(doc)
    values = numpy.where(numpy.isin(token_starts, numpy.fromiter(starts, dtype="int64")), 1, -1)
    values[0] = 1
    doc.from_array([SENT_START], values.astype("int64").reshape(-1, 1).astype("uint64"))  # -1 wraps back


def _is_stored_extension(key):
    """Whether ``span._.KEY`` is an extension that stores a value: not the
    offsets or text, and not derived (a getter without a setter, as a list's
    ``items``)."""
    if key in ("start", "end", "text") or not Span.has_extension(key):
        return False
    _, _, getter, setter = Span.get_extension(key)
    return getter is None or setter is not None


def add_spans(doc, group, records, label):
    """Add annotations, given as character offsets, to a span group.

    Parameters
    ----------
    doc : Doc
    group : str
        Span group name (see the module docstring).
    records : list of dict
        Each has ``start`` and ``end``; other keys are stored as span
        extensions of the same name (keys without one, and derived ones
        such as a list's ``items``, are not stored).
    label : str or callable
        The span label, or a function ``record -> label``.

    Returns
    -------
    list of Span
        The spans added, in the order of ``records``.
    """
    with reading_offsets(doc):  # one read of the token offsets for the split check and the spans
        bounds = [(r["start"], r["end"]) for r in records]
        ensure_boundaries(doc, [offset for pair in bounds for offset in pair])
        labels = [label(record) if callable(label) else label for record in records]
        spans = _span_list(doc, bounds, labels)
    stored = {}  # key -> whether it is a stored span extension
    for record, span in zip(records, spans):
        if span is None:  # pragma: no cover - ensure_boundaries makes this impossible
            raise AssertionError(f"span {record['start']}:{record['end']} not aligned")
        for key, value in record.items():
            if key not in stored:
                stored[key] = _is_stored_extension(key)
            if stored[key]:
                setattr(span._, key, value)
    existing = list(doc.spans[group]) if group in doc.spans else []
    doc.spans[group] = existing + spans
    return spans
