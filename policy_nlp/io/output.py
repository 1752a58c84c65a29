"""Annotated documents out: JSON, JSONL and spaCy ``DocBin``.

One JSON object per document (see ``docs/schema.md`` and the JSON Schema in
``policy_nlp/data/document.schema.json``), a :class:`policy_nlp.schema.Document`:
its record types are declared there, and ``tests/test_schema.py`` checks
:func:`doc_to_dict` and the JSON Schema against them. Every span is a pair of character
offsets into ``text``; ``text[start:end]`` is the span's text. (In ``meta``, the title's
slogans are offsets into ``meta["title"]``, the removed pieces into the input.)
"""

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy
from spacy.tokens import Doc, DocBin

from policy_nlp.errors import DocumentError
from policy_nlp.pipeline.document import doc_text, item_record, word_offset_arrays, word_offsets

if TYPE_CHECKING:
    from spacy.language import Language

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "document.schema.json"
FORMATS = ("jsonl", "json", "spacy")


def names_folder(path):
    """Whether ``path`` names a folder whatever its suffix says: it ends with a path separator
    (``-o run.json/``; ``Path`` drops the separator, so it is read from the string) or is an
    existing folder (``-o d.jsonl`` where ``d.jsonl/`` exists)."""
    return (isinstance(path, str) and path.endswith(tuple(filter(None, ("/", os.sep, os.altsep))))
            or Path(path).is_dir())


def format_of(path):
    """The output format a file name asks for: ``.json`` a JSON array, ``.spacy`` a DocBin,
    anything else JSONL (``annotate -o out.spacy``, ``DocumentWriter("docs.spacy")``).

    Examples
    --------
    >>> format_of("out/mine.spacy"), format_of("out/mine.json"), format_of("out/"), format_of("a.JSONL")
    ('spacy', 'json', 'jsonl', 'jsonl')
    """
    return {".json": "json", ".spacy": "spacy"}.get(Path(path).suffix.lower(), "jsonl")


def _span(span):
    return {"start": span.start_char, "end": span.end_char}


def _group(doc, name):
    return list(doc.spans[name]) if name in doc.spans else []


def doc_to_dict(doc: Doc, tokens: bool = True, sentences: bool = True) -> dict[str, Any]:
    """The JSON form of an annotated ``Doc``: a :class:`policy_nlp.schema.Document`.

    Stages that did not run leave their fields as empty lists. ``tokens=False``
    and ``sentences=False`` leave those lists out (:func:`doc_to_json` writes
    them itself).

    Examples
    --------
    >>> import policy_nlp
    >>> nlp = policy_nlp.load(stages=["paragraphs"], lexicon=False)
    >>> data = doc_to_dict(nlp("同志们：\\n今天开会。"))
    >>> data["paragraphs"]
    [{'start': 0, 'end': 4, 'topic': None}, {'start': 5, 'end': 10, 'topic': None}]
    >>> data["slogans"], data["lists"]
    ([], [])
    """
    text = doc_text(doc)
    paragraphs = [{**_span(s), "topic": s._.topic} for s in _group(doc, "paragraphs")]
    slogans = [{**_span(s), "text": s.text, "kind": s.label_, "number": s._.number,
                "members": list(s._.members or []), "count_matches": s._.count_matches,
                "source": s._.source} for s in _group(doc, "slogans")]
    # A list's items are stored once, in list_items (see pipeline.document.list_items);
    # grouped here in one pass rather than through span._.items per list.
    items: dict[int, list[dict[str, Any]]] = {}
    for s in _group(doc, "list_items"):
        items.setdefault(s._.list_index, []).append(item_record(s))
    lists = [{"family": s.label_, "level": s._.level, "items": items.get(index, []),
              "parent": s._.parent, "parent_item": s._.parent_item, "claim": s._.claim,
              "count_matches": s._.count_matches, "gaps": s._.gaps, "restart": s._.restart,
              **_span(s)} for index, s in enumerate(_group(doc, "lists"))]
    return {
        "id": doc._.id,
        "text": text,
        "meta": dict(doc._.meta or {}),
        "paragraphs": paragraphs,
        **({"sentences": [_span(s) for s in _group(doc, "sentences")]} if sentences else {}),
        **({"tokens": [{"start": start, "end": end} for start, end in word_offsets(doc)]} if tokens else {}),
        "slogans": slogans,
        "lists": lists,
    }


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of an annotated document."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(data: dict[str, Any]) -> None:
    """Check a document dict against the schema and the offset invariant
    (the title's slogans: ``meta["title"][start:end]``).

    Raises
    ------
    jsonschema.ValidationError
        If the structure is wrong.
    ValueError
        If a span's offsets do not give its text.
    """
    import jsonschema
    jsonschema.validate(data, schema())
    text = data["text"]
    for name in ("paragraphs", "sentences", "tokens"):
        for span in data[name]:
            if not 0 <= span["start"] < span["end"] <= len(text):
                raise ValueError(f"{data['id']}: {name} span {span} outside the text")
    title = data["meta"].get("title")
    for slogans, where, frame in ((data["slogans"], "text", text),
                                  (data["meta"].get("title_slogans") or [], "title", title)):
        for slogan in slogans:
            for span in [slogan, *slogan["members"]]:
                if frame[span["start"]:span["end"]] != span["text"]:
                    raise ValueError(f"{data['id']}: slogan span {span} does not match the {where}")
    for lst in data["lists"]:
        for item in lst["items"]:
            if not text.startswith(item["marker"], item["start"]):
                raise ValueError(f"{data['id']}: list item {item} does not start at its marker")
        claim = lst["claim"]
        if claim and text[claim["start"]:claim["end"]] != claim["text"]:
            raise ValueError(f"{data['id']}: claim {claim} does not match the text")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


_SPAN_JSON = '{"start": %d, "end": %d}, '


def _spans_json(offsets):
    """The JSON list of ``[{"start", "end"}, ...]`` of the flat offsets
    ``[start, end, start, end, ...]``, as :func:`dumps` writes it: one ``%``
    format of a template repeated once per span (one call for the whole
    list instead of a dict and its encoding per span)."""
    return f"[{(_SPAN_JSON * (len(offsets) // 2))[:-2] % tuple(offsets)}]"


def doc_to_json(doc):
    """``dumps(doc_to_dict(doc))``, the same characters, made faster.

    The token and sentence lists are most of a document's JSON (a dict per
    word or sentence); they are written here straight from their offsets
    (:func:`_spans_json`). The fields before and after them are the dicts
    :func:`doc_to_dict` makes, each dumped as a JSON object and joined: a
    JSON object is its items joined by ``", "``.

    Examples
    --------
    >>> import policy_nlp
    >>> doc = policy_nlp.load(stages=["paragraphs"], lexicon=False)("同志们：\\n今天开会。")
    >>> doc_to_json(doc) == dumps(doc_to_dict(doc))
    True
    """
    data = doc_to_dict(doc, tokens=False, sentences=False)
    head = dumps({key: data[key] for key in ("id", "text", "meta", "paragraphs")})
    tail = dumps({key: data[key] for key in ("slogans", "lists")})
    sentences = [offset for span in _group(doc, "sentences") for offset in (span.start_char, span.end_char)]
    starts, ends = word_offset_arrays(doc)
    tokens = numpy.empty(2 * len(starts), dtype="int64")
    tokens[0::2], tokens[1::2] = starts, ends
    return (f'{head[:-1]}, "sentences": {_spans_json(sentences)}, "tokens": {_spans_json(tokens.tolist())}, '
            f'{tail[1:]}')


class DocumentWriter:
    """Write annotated documents to ``path`` in one of :data:`FORMATS` (default: the one its
    suffix names, :func:`format_of`).

    JSONL is written line by line and flushed, so a killed run leaves only
    whole lines; JSON and spaCy formats are written at :meth:`close`. Unless
    appending, everything goes to a temporary file beside ``path`` that
    replaces it only when the writer closes without an error: a run that
    fails or is interrupted leaves the previous output as it was.
    """

    def __init__(self, path, format=None, append=False):
        format = format or format_of(path)
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of {FORMATS}")
        self.path = Path(path)
        self.format = format
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._target = self.path if append and format == "jsonl" else \
            self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._items = []
        self._file = open(self._target, "a" if append else "w", encoding="utf-8") if format == "jsonl" else None
        self._docbin = DocBin(store_user_data=True) if format == "spacy" else None

    def write(self, doc, data=None):
        if self.format == "spacy":
            self._docbin.add(doc)
            return
        if self._file:
            self._file.write((dumps(data) if data is not None else doc_to_json(doc)) + "\n")
            self._file.flush()
        else:
            self._items.append(data if data is not None else doc_to_dict(doc))

    def write_line(self, line):
        """Write one document already serialised with :func:`dumps`."""
        if self._file:
            self._file.write(line + "\n")
            self._file.flush()
        else:
            self._items.append(json.loads(line))

    def close(self):
        """Finish the output: write it, and put it in place of ``path``."""
        if self._file:
            self._file.close()
        elif self.format == "json":
            self._target.write_text(json.dumps(self._items, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            self._docbin.to_disk(self._target)
        if self._target != self.path:
            os.replace(self._target, self.path)

    def abort(self):
        """Stop without touching ``path`` (a failed or interrupted run)."""
        if self._file:
            self._file.close()
        if self._target != self.path:
            self._target.unlink(missing_ok=True)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is None:
            self.close()
        else:
            self.abort()


def _as_lists(value):
    """``value`` with its tuples made lists again, at any depth."""
    if isinstance(value, (list, tuple)):
        return [_as_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    return value


def read_docbin(path: "str | os.PathLike[str]", nlp: "Language | None" = None) -> list[Doc]:
    """Load the Docs of a ``--format spacy`` output, span groups included.

    DocBin reads the extensions' values with msgpack's ``use_list=False``:
    the lists the stages stored (members, gaps, ``meta["title_slogans"]`` …)
    are made lists again, so that :func:`doc_to_dict` gives the JSON the
    Doc was written from, and :func:`validate` accepts it.

    Raises
    ------
    DocumentError
        ``path`` is not a DocBin, or a damaged one (named, with why; a ValueError).
    OSError
        ``path`` cannot be read.
    """
    import spacy
    from policy_nlp.pipeline.document import register_extensions
    register_extensions()
    vocab = (nlp or spacy.blank("zh")).vocab
    try:
        docs = list(DocBin().from_disk(Path(path)).get_docs(vocab))
    except OSError:
        raise
    except Exception:  # what spaCy raises on bytes that are no DocBin: ValueError E1014 (not
        # compressed), KeyError 'attrs' (compressed data of another kind), TypeError,
        # ZeroDivisionError …; none names the file or what wrote it
        what = "an empty file" if not os.path.getsize(path) else "or a damaged or cut one"
        raise DocumentError(path, f"not a DocBin (what 'policy-nlp annotate -o X.spacy' writes), {what}") from None
    for doc in docs:
        doc.user_data.update({key: _as_lists(value) for key, value in doc.user_data.items()})
    return docs
