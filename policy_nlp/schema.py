"""The record types of an annotated document, declared once.

Every record policy_nlp writes — a formulation (slogan) and its members, a
numbered list and its items, a paragraph and its topic, a sentence, a token,
the document's metadata and the document itself — is a ``TypedDict`` here,
its keys in the order the JSON output writes them. The other places that
name these fields are derived from these declarations or tested against
them (``tests/test_schema.py``):

* the spaCy span extensions (:data:`policy_nlp.pipeline.document.SPAN_EXTENSIONS`)
  come from :data:`SPAN_GROUPS` by :func:`span_extensions`;
* the Hugging Face ``datasets`` features of
  :func:`policy_nlp.annotate_dataset` come from :func:`arrow_type`;
* the JSON output (:func:`policy_nlp.io.output.doc_to_dict`) and the JSON
  Schema (``policy_nlp/data/document.schema.json``) are checked field by
  field against these types.

A field in ``NotRequired`` may be absent; ``Optional`` means it may be null.
This module is the base layer: it imports nothing of policy_nlp.
"""

from typing import Literal, NewType, NotRequired, Optional, TypedDict, get_args, get_origin, get_type_hints

import typing

# --- spans ---------------------------------------------------------------------------------

# A character offset into the document's text (an int; int32 in Arrow, as
# documents stay far below 2**31 characters and tokens are the largest column).
Offset = NewType("Offset", int)


class Span(TypedDict):
    """Character offsets into the document's ``text``: ``text[start:end]``."""
    start: Offset
    end: Offset


class TextSpan(TypedDict):
    """A span with its text (``text[start:end] == span["text"]``)."""
    start: Offset
    end: Offset
    text: str


Sentence = Span
Token = Span   # a word; whitespace is not a token
Member = TextSpan  # a member of a numbered formulation, spelled out in the text


# --- formulations --------------------------------------------------------------------------

class Slogan(TypedDict):
    """A numbered formulation (五心工程, 十四五) or a quoted policy term."""
    start: Offset
    end: Offset
    text: str
    kind: Literal["numbered", "quoted"]
    number: Optional[int]            # the count claimed; null for plan ordinals and quoted terms
    members: list[Member]
    count_matches: Optional[bool]    # number == len(members) (or their characters, 八个字) when found
    source: Optional[str]            # grammar, quotes, mention, lexicon


# --- numbered lists ------------------------------------------------------------------------

Family = Literal["一、", "（一）", "一是", "一要", "第一", "首先", "1.", "1、", "（1）", "①", "——", "其一", "一"]
FAMILIES = get_args(Family)


class ListItem(TypedDict):
    """One item of a numbered list, starting at its marker."""
    start: Offset
    end: Offset
    marker: str


class Claim(TypedDict):
    """The phrase announcing a list's count (我讲三点意见)."""
    start: Offset
    end: Offset
    text: str
    number: Optional[int]


class Gap(TypedDict):
    """A break in a list's numbering."""
    after: Optional[int]
    expected: int
    found: int


class NumberedList(TypedDict):
    """A numbered list, a node of the document's outline."""
    family: Family  # the marker style of the first item
    level: int
    items: list[ListItem]
    parent: Optional[int]        # index in ``lists`` of the enclosing list
    parent_item: Optional[int]   # index of its item that contains this list
    claim: Optional[Claim]
    count_matches: Optional[bool]
    gaps: list[Gap]
    restart: bool
    start: Offset
    end: Offset


# --- paragraphs and topics -----------------------------------------------------------------

class Topic(TypedDict):
    """A paragraph's topic, as the ``topics`` stage gives it."""
    label: str
    score: float
    scores: dict[str, float]                 # every label of the model
    labels: NotRequired[list[str]]           # multi-label models: the labels above threshold
    threshold: NotRequired[float]            # multi-label models
    inherited: NotRequired[bool]             # a heading that took its body's topic
    own: NotRequired[dict[str, float]]       # a result changed by its context keeps its own scores
    codes: NotRequired[dict[str, list[str]]]  # crosswalk name -> codes of the label(s) (cap, govcn ...)
    catch_all: NotRequired[str]              # a model trained with --catch-all: its catch-all label


class Paragraph(TypedDict):
    start: Offset
    end: Offset
    topic: Optional[Topic]   # null: empty or boilerplate paragraph, or topics not run


# --- document metadata ---------------------------------------------------------------------

class Removed(TypedDict):
    """A piece removed by cleaning; offsets into the original text."""
    start: Offset
    end: Offset
    text: str
    reason: str


class Normalized(TypedDict):
    """Counts of characters changed by normalisation."""
    line_endings: NotRequired[int]
    zero_width: NotRequired[int]
    control: NotRequired[int]
    nbsp: NotRequired[int]


# A Traditional-script document annotated in a Simplified copy: ``chars`` lists
# [offset into the original, original character] per converted character.
# (Functional form: ``from`` is a Python keyword.)
Converted = TypedDict("Converted", {"from": Literal["traditional"], "changed": int,
                                   "chars": list[tuple[int, str]]})


class Meta(TypedDict):
    """``meta``: what the readers, cleaning and metadata inference found.

    A JSONL/CSV input row's other fields are kept in ``meta`` too; they are
    the input's, so they are not declared here. A row's null ``title``,
    ``source``, ``speaker``, ``position``, ``occasion`` or ``venue`` is kept
    null when cleaning reads none (hence Optional).
    """
    source: NotRequired[Optional[str]]
    encoding: NotRequired[str]
    sha1: NotRequired[str]
    normalized: NotRequired[Normalized]
    title: NotRequired[Optional[str]]
    speaker: NotRequired[Optional[str]]
    position: NotRequired[Optional[str]]
    occasion: NotRequired[Optional[str]]
    venue: NotRequired[Optional[str]]
    salutation: NotRequired[str]
    dateline: NotRequired[str]
    publication: NotRequired[str]
    published: NotRequired[Optional[str]]
    uploaded: NotRequired[str]                # ISO: a sharing site's upload time, never the date
    date: NotRequired[Optional[str]]          # ISO
    given_date: NotRequired[str]              # the date as given, when not ISO
    year: NotRequired[Optional[int]]
    given_year: NotRequired[str]              # the year as given, when it reads as no year (不详)
    date_source: NotRequired[str]             # meta (given), title, text (read from it), published
    place: NotRequired[Optional[str]]
    level: NotRequired[Optional[str]]
    given_level: NotRequired[str]             # the level as given, when written otherwise (central, County) or none
    level_evidence: NotRequired[Optional[str]]
    given_id: NotRequired[str]                # the id as given when it occurred more than once
    script: NotRequired[str]                  # "traditional" when converted
    converted: NotRequired[Converted]
    masked: NotRequired[int]                  # masked names (XX, 某某) left in the text
    removed: NotRequired[list[Removed]]
    # the slogans stage's finds in ``title`` (offsets into the title, not the text); absent when none
    title_slogans: NotRequired[list[Slogan]]


class Document(TypedDict):
    """One annotated document, as one line of JSONL output."""
    id: Optional[str]
    text: str
    meta: Meta
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    tokens: list[Token]
    slogans: list[Slogan]
    lists: list[NumberedList]


# --- storage on a spaCy Doc ----------------------------------------------------------------

class ListItemSpan(ListItem):
    """A list item as stored in the ``list_items`` span group: its list's index too."""
    list_index: int


# Span group -> (record type, the field stored as the span label). Offsets are
# the span's own, ``text`` is its text; every other field is a span extension.
# A list's ``items`` are stored once, as spans of ``list_items``: the lists'
# ``span._.items`` is computed from them (DERIVED_EXTENSIONS).
SPAN_GROUPS = {
    "paragraphs": (Paragraph, None),
    "sentences": (Sentence, None),
    "slogans": (Slogan, "kind"),
    "lists": (NumberedList, "family"),
    "list_items": (ListItemSpan, None),
}
DERIVED_EXTENSIONS = ("items",)


def fields(record_type):
    """The field names of a record type, in output order."""
    return tuple(get_type_hints(record_type))


def text_fields(record_type):
    """The fields of a record type that hold text (``str``, or ``str`` or null)."""
    return tuple(k for k, t in get_type_hints(record_type).items() if t is str or t == Optional[str])


def required(record_type):
    """The fields a record of this type always has."""
    return frozenset(record_type.__required_keys__)


def span_extensions():
    """The ``Span._`` extensions that hold the stored fields of :data:`SPAN_GROUPS`."""
    names = []
    for record_type, label in SPAN_GROUPS.values():
        for name in fields(record_type):
            if name not in ("start", "end", "text", label, *DERIVED_EXTENSIONS) and name not in names:
                names.append(name)
    return tuple(names)


# --- Arrow / datasets types ----------------------------------------------------------------

def _unwrap(annotation):
    """``Optional[X]``, ``NotRequired[X]`` -> ``X`` (Arrow values are all nullable)."""
    while True:
        origin = get_origin(annotation)
        if origin is NotRequired:
            annotation = get_args(annotation)[0]
        elif origin is typing.Union:
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"no Arrow type for {annotation}")
            annotation = args[0]
        else:
            return annotation


def arrow_type(annotation, value, sequence, struct):
    """The ``datasets`` feature of a declared type, built with the given constructors.

    ``value(dtype)``, ``sequence(feature)`` and ``struct(dict)`` make the
    features (``datasets.Value``, ``datasets.List``, a dict). Arrow has no
    open-ended objects or mixed lists, so two shapes change: a mapping
    ``dict[str, X]`` (topic scores) becomes a list of ``{label: str, score: X}``
    and a pair ``tuple[int, str]`` (converted characters) a struct
    ``{"0": int, "1": str}``; :func:`to_arrow` converts values the same way.
    """
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if annotation is Offset:
        return value("int32")
    if annotation is int:
        return value("int64")
    if annotation is float:
        return value("float64")
    if annotation is bool:
        return value("bool")
    if annotation is str or origin is Literal:
        return value("string")
    if origin is list:
        return sequence(arrow_type(get_args(annotation)[0], value, sequence, struct))
    if origin is dict:
        item = arrow_type(get_args(annotation)[1], value, sequence, struct)
        return sequence(struct({"label": value("string"), "score": item}))
    if origin is tuple:
        return struct({str(i): arrow_type(a, value, sequence, struct) for i, a in enumerate(get_args(annotation))})
    if isinstance(annotation, type) and issubclass(annotation, dict):  # a TypedDict
        hints = get_type_hints(annotation, include_extras=True)
        return struct({name: arrow_type(t, value, sequence, struct) for name, t in hints.items()})
    raise TypeError(f"no Arrow type for {annotation!r}")


def to_arrow(annotation, data):
    """``data`` of a declared type in the shape of :func:`arrow_type`.

    Fields that are not declared are dropped: only :class:`Meta` has any
    (a JSONL/CSV row's own fields), and ``annotate_dataset`` keeps those as
    the dataset's own columns.
    """
    if data is None:
        return None
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if origin is list:
        (inner,) = get_args(annotation)
        return [to_arrow(inner, x) for x in data]
    if origin is dict:
        inner = get_args(annotation)[1]
        return [{"label": k, "score": to_arrow(inner, v)} for k, v in data.items()]
    if origin is tuple:
        return {str(i): to_arrow(a, x) for i, (a, x) in enumerate(zip(get_args(annotation), data))}
    if isinstance(annotation, type) and issubclass(annotation, dict):
        hints = get_type_hints(annotation, include_extras=True)
        return {name: to_arrow(t, data.get(name)) for name, t in hints.items()}
    return data

