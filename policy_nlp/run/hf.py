"""Annotate a Hugging Face ``datasets.Dataset``: :func:`annotate_dataset`.

The annotations are added as columns through ``Dataset.map(batched=True,
num_proc=...)``; every process loads the pipeline once (with ``num_proc`` the
pipeline is loaded before the worker processes are forked, so they start with
it — and pkuseg's model pages — already in memory).

Output columns
--------------
Offsets index into ``annotated_text``: the text that was annotated, i.e. the
input text after normalisation (line endings, zero-width characters, see
:func:`policy_nlp.io.reading.normalize`) and, with ``clean=True``, after the page
furniture was removed. ``annotated_text[start:end]`` is a span's text.

==================  =======================================  ==================
column              type                                     as in JSONL output
==================  =======================================  ==================
``id``              string                                   ``id``
``annotated_text``  string                                   ``text``
``tokens``          list of ``{start: int32, end: int32}``   ``tokens``
``sentences``       list of ``{start: int32, end: int32}``   ``sentences``
``paragraphs``      string: JSON list                        ``paragraphs``
``slogans``         string: JSON list                        ``slogans``
``lists``           string: JSON list                        ``lists``
``meta``            string: JSON object                      ``meta``
``error``           string or None                           (errors file)
==================  =======================================  ==================

Tokens and sentences have a fixed shape and are the large columns, so they are
Arrow features you can query directly. Paragraphs (with their topic scores),
slogans, lists and meta have open-ended or optional fields (``topic`` is None
or a dict of per-label scores; ``claim`` is None or an object; ``meta`` holds
whatever the input and the cleaning stage put there); as Arrow structs their
type would be inferred batch by batch and differ between batches, which makes
``Dataset.map`` fail. They are JSON strings instead: ``json.loads(row["lists"])``
gives exactly the JSONL output's ``lists``.

A document that cannot be annotated (empty text, no text left after cleaning)
does not stop the map: its ``error`` says why and its annotation columns are
empty.
"""

import json
from typing import TYPE_CHECKING, Any

from policy_nlp.io.corpus import _record
from policy_nlp.run.dask_backend import worker_pipeline
from policy_nlp.errors import DocumentError

if TYPE_CHECKING:
    from datasets import Dataset, DatasetDict

OUTPUT_COLUMNS = ("id", "annotated_text", "tokens", "sentences", "paragraphs",
                  "slogans", "lists", "meta", "error")
_JSON_COLUMNS = ("paragraphs", "slogans", "lists", "meta")


def _features(input_features):
    from datasets import Features, List, Value
    span = {"start": Value("int32"), "end": Value("int32")}
    added = {"id": Value("string"), "annotated_text": Value("string"),
             "tokens": List(span), "sentences": List(span),
             **{name: Value("string") for name in _JSON_COLUMNS}, "error": Value("string")}
    return Features({**input_features, **added})


def _annotate_rows(rows, indices, *, text_column, id_column, clean, settings):
    """The ``Dataset.map`` function: a batch of rows -> the annotation columns."""
    from policy_nlp.run.batch import annotate_record
    from policy_nlp.io.output import doc_to_dict
    nlp = worker_pipeline(settings)
    out = {name: [] for name in OUTPUT_COLUMNS}
    for position, index in enumerate(indices):
        text = rows[text_column][position]
        given = rows[id_column][position] if id_column else None
        id = str(given) if given not in (None, "") else str(index)
        data, error = None, None
        try:
            if not isinstance(text, str) or not text.strip():
                raise DocumentError(f"row {index}", f"empty or non-text {text_column!r} value")
            record = _record(id, text, {"source": f"row {index}"})
            data = doc_to_dict(annotate_record(nlp, record, clean=clean))
        except Exception as exc:  # one document never stops the map
            error = getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}"
        data = data or {"id": id, "text": "", "meta": {"source": f"row {index}"}, "paragraphs": [],
                        "sentences": [], "tokens": [], "slogans": [], "lists": []}
        out["id"].append(id)
        out["annotated_text"].append(data["text"])
        out["tokens"].append(data["tokens"])
        out["sentences"].append(data["sentences"])
        for name in _JSON_COLUMNS:
            out[name].append(json.dumps(data[name], ensure_ascii=False))
        out["error"].append(error)
    return out


def annotate_dataset(ds: "Dataset | DatasetDict", text_column: str = "text", id_column: "str | None" = None,
                     num_proc: "int | None" = None, batch_size: int = 32, *, clean: bool = True,
                     **settings: Any) -> "Dataset | DatasetDict":
    """Annotate every row of a Hugging Face ``Dataset``.

    Parameters
    ----------
    ds : datasets.Dataset
        The documents, one a row (a ``DatasetDict``: annotate each split).
    text_column : str
        Column holding the text.
    id_column : str, optional
        Column holding a document id. Default: the ``id`` column if there is
        one, else the row index (``"0"``, ``"1"`` ...).
    num_proc : int, optional
        Processes for ``Dataset.map`` (default: this process only).
    batch_size : int
        Rows per ``Dataset.map`` batch (also the rows buffered before writing).
    clean : bool
        Remove web page furniture before annotating (kept in ``meta``).
    **settings
        Passed to :func:`policy_nlp.load` (``stages``, ``segmenter``,
        ``lexicon``, ``user_dict``, ``topic_model`` ...).

    Returns
    -------
    datasets.Dataset
        ``ds`` with the columns described in :mod:`policy_nlp.run.hf` added.

    Examples
    --------
    >>> import policy_nlp
    >>> from datasets import Dataset
    >>> ds = Dataset.from_dict({"text": ["一、提高思想认识\\n同志们：今天开会。", ""]})
    >>> out = policy_nlp.annotate_dataset(ds, stages=["paragraphs"], lexicon=False, clean=False)
    >>> out[0]["id"], out[0]["sentences"]
    ('0', [{'start': 0, 'end': 8}, {'start': 9, 'end': 18}])
    >>> import json; json.loads(out[0]["paragraphs"])[1]
    {'start': 9, 'end': 18, 'topic': None}
    >>> out[1]["error"]
    "empty or non-text 'text' value"
    """
    try:
        from datasets import Dataset, DatasetDict
    except ImportError:  # pragma: no cover - datasets is a dependency
        raise ImportError("annotate_dataset needs the 'datasets' package") from None
    if isinstance(ds, DatasetDict):
        raise TypeError("annotate_dataset takes a Dataset, not a DatasetDict: annotate each split, "
                        "e.g. DatasetDict({k: annotate_dataset(v) for k, v in dd.items()})")
    if not isinstance(ds, Dataset):
        raise TypeError(f"annotate_dataset takes a datasets.Dataset, not {type(ds).__name__} "
                        "(an IterableDataset? load it without streaming=True)")
    if not isinstance(text_column, str) or text_column not in ds.column_names:
        raise ValueError(f"no text column {text_column!r} (columns: {', '.join(ds.column_names)}); "
                         "name it with text_column=")
    if id_column is None and "id" in ds.column_names and text_column != "id":
        id_column = "id"
    if id_column is not None and id_column not in ds.column_names:
        raise ValueError(f"no id column {id_column!r} (columns: {', '.join(ds.column_names)})")
    if num_proc is not None and (not isinstance(num_proc, int) or isinstance(num_proc, bool)
                                 or num_proc < 1):
        raise ValueError(f"num_proc must be None or a positive integer, not {num_proc!r}")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    clashes = [c for c in OUTPUT_COLUMNS if c in ds.column_names and c not in (text_column, id_column)]
    if clashes:
        raise ValueError(f"the dataset already has column(s) {clashes} that annotate_dataset adds; "
                         "rename them first (ds.rename_column(old, new))")
    if text_column in OUTPUT_COLUMNS or (id_column in OUTPUT_COLUMNS and id_column != "id"):
        raise ValueError(f"text_column/id_column may not be one of the output columns {OUTPUT_COLUMNS} "
                         "other than 'id'; rename the column first")
    settings = {**settings, "clean": clean}
    # Load here, before Dataset.map forks its workers: they inherit the loaded
    # pipeline and share pkuseg's pages copy-on-write instead of each loading it.
    worker_pipeline(settings)
    if num_proc is not None:
        num_proc = min(num_proc, max(1, len(ds)))
    return ds.map(
        _annotate_rows, batched=True, batch_size=batch_size, with_indices=True,
        num_proc=num_proc, writer_batch_size=batch_size, features=_features(ds.features),
        fn_kwargs={"text_column": text_column, "id_column": id_column, "clean": clean,
                   "settings": settings},
        desc="policy_nlp annotate")
