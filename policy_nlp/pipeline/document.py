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
``lists``           the family (一是)   ``level``, ``items``, ``parent``,
                                       ``parent_item``, ``claim``,
                                       ``count_matches``, ``gaps``, ``restart``
``list_items``      ``item``           ``marker``, ``list_index``
==================  =================  ==========================================

Document-level data: ``doc._.id``, ``doc._.meta`` (source, encoding, title,
speaker, date ... and what cleaning removed).

Spans in spaCy are made of whole tokens, but a list marker or a member can
begin inside a pkuseg word (一是农业 …). :func:`add_spans` therefore splits a
token where an annotation boundary falls inside it, and rebuilds the existing
span groups, so that ``doc.text[span.start_char:span.end_char] == span.text``
holds for every annotation, always.
"""

import bisect

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

GROUPS = ("paragraphs", "sentences", "slogans", "lists", "list_items")

DOC_EXTENSIONS = {"id": None, "meta": None}
SPAN_EXTENSIONS = (
    "topic",                                                  # paragraphs
    "number", "members", "count_matches", "source",           # slogans (+ lists)
    "level", "items", "parent", "parent_item", "claim", "gaps", "restart",  # lists
    "marker", "list_index",                                   # list items
)


def register_extensions():
    """Declare policy_nlp's ``Doc._`` and ``Span._`` attributes (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


def _inner_cuts(doc, offsets):
    """Map token index -> sorted offsets that fall strictly inside that token."""
    starts = [token.idx for token in doc]
    cuts = {}
    for offset in set(offsets):
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and starts[index] < offset < starts[index] + len(doc[index]):
            cuts.setdefault(index, []).append(offset)
    return {index: sorted(positions) for index, positions in cuts.items()}


def ensure_boundaries(doc, offsets):
    """Split tokens so that every offset in ``offsets`` is a token boundary.

    Existing span groups are rebuilt from their character offsets (spaCy's
    retokenizer does not update them), and sentence starts are kept.

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
    sentence_starts = [t.idx for t in doc if t.is_sent_start] if doc.has_annotation("SENT_START") else None
    with doc.retokenize() as retokenizer:
        for index, positions in cuts.items():
            token = doc[index]
            bounds = [token.idx, *positions, token.idx + len(token)]
            orths = [doc.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
    for name, spans in saved.items():
        doc.spans[name] = [doc.char_span(a, b, label=label) for a, b, label in spans]
    if sentence_starts is not None:
        set_sentence_starts(doc, sentence_starts)
    return len(cuts)


def set_sentence_starts(doc, starts):
    """Mark the tokens at character offsets ``starts`` as sentence starts.

    One array write: setting ``token.is_sent_start`` token by token is
    quadratic in spaCy (each write checks the whole document's annotation).
    """
    starts = set(starts)
    values = numpy.array([[1 if token.i == 0 or token.idx in starts else -1] for token in doc],
                         dtype="int64")
    doc.from_array([SENT_START], values.astype("uint64"))  # spaCy's array type; -1 wraps back


def add_spans(doc, group, records, label):
    """Add annotations, given as character offsets, to a span group.

    Parameters
    ----------
    doc : Doc
    group : str
        Span group name (see the module docstring).
    records : list of dict
        Each has ``start`` and ``end``; other keys are stored as span
        extensions of the same name.
    label : str or callable
        The span label, or a function ``record -> label``.

    Returns
    -------
    list of Span
        The spans added, in the order of ``records``.
    """
    ensure_boundaries(doc, [r[k] for r in records for k in ("start", "end")])
    spans = []
    for record in records:
        span_label = label(record) if callable(label) else label
        span = doc.char_span(record["start"], record["end"], label=span_label)
        if span is None:  # pragma: no cover - ensure_boundaries makes this impossible
            raise AssertionError(f"span {record['start']}:{record['end']} not aligned")
        for key, value in record.items():
            if key not in ("start", "end", "text") and Span.has_extension(key):
                setattr(span._, key, value)
        spans.append(span)
    existing = list(doc.spans[group]) if group in doc.spans else []
    doc.spans[group] = existing + spans
    return spans
