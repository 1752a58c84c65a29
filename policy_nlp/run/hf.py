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

=================  ================================================  =============
column             type (Arrow features)                             JSONL output
=================  ================================================  =============
``id``             string                                            ``id``
``annotated_text`` string                                            ``text``
``tokens``         list of ``{start, end}``                          ``tokens``
``sentences``      list of ``{start, end}``                          ``sentences``
``paragraphs``     list of :class:`~policy_nlp.schema.Paragraph`     ``paragraphs``
``slogans``        list of :class:`~policy_nlp.schema.Slogan`        ``slogans``
``lists``          list of :class:`~policy_nlp.schema.NumberedList`  ``lists``
``meta``           :class:`~policy_nlp.schema.Meta`                  ``meta``
``error``          string or None                                    (errors file)
=================  ================================================  =============

Every column is a typed Arrow feature derived from the record types of
:mod:`policy_nlp.schema` (:func:`features`), so they can be queried directly
(``ds["slogans"]``, ``ds.to_pandas()``, ``ds.filter(lambda r: r["meta"]["year"] == 2019)``).
Each nested value is a JSONL output value with three differences Arrow needs:
a field that is absent in JSONL (``topic.labels``, ``meta.place`` ...) is
present and None; a mapping from labels to scores (``topic.scores``,
``topic.own``) is a list of ``{label, score}``; a converted character of
``meta.converted.chars`` is ``{"0": offset, "1": character}``. A row's other
columns are read as its document's meta, as ``annotate`` reads a table's row
(:func:`policy_nlp.io.corpus.row_meta`: a given year, level or title informs
the stages); the ``meta`` column holds the fields declared in
:class:`~policy_nlp.schema.Meta`, and the row's columns stay the dataset's own.

A document that cannot be annotated (empty text, no text left after cleaning),
or that takes longer than ``doc_timeout`` seconds (default 300, as ``annotate
--doc-timeout``: :mod:`policy_nlp.run.timelimit`), does not stop the map: its
``error`` says why and its annotation columns are empty.
"""

from typing import TYPE_CHECKING, Any, get_type_hints

from policy_nlp.io.corpus import make_record, row_meta
from policy_nlp.run.dask_backend import worker_pipeline
from policy_nlp.errors import DocumentError
from policy_nlp.schema import Document, arrow_type, to_arrow

if TYPE_CHECKING:
    from datasets import Dataset

OUTPUT_COLUMNS = ("id", "annotated_text", "tokens", "sentences", "paragraphs",
                  "slogans", "lists", "meta", "error")
# The annotation columns whose values are records of policy_nlp.schema.Document.
_RECORD_COLUMNS = {"tokens": "tokens", "sentences": "sentences", "paragraphs": "paragraphs",
                   "slogans": "slogans", "lists": "lists", "meta": "meta"}


def features():
    """The ``datasets`` features of the columns :func:`annotate_dataset` adds.

    Derived from :class:`policy_nlp.schema.Document` by
    :func:`policy_nlp.schema.arrow_type`.
    """
    from datasets import Features, List, Value
    hints = get_type_hints(Document)
    columns = {"id": Value("string"), "annotated_text": Value("string")}
    for column, field in _RECORD_COLUMNS.items():
        columns[column] = arrow_type(hints[field], Value, List, dict)
    columns["error"] = Value("string")
    return Features(columns)


def _annotate_rows(rows, indices, *, text_column, id_column, clean, settings, doc_timeout=0):
    """The ``Dataset.map`` function: a batch of rows -> the annotation columns."""
    from policy_nlp.run.worker import annotate_within, failure_reason
    from policy_nlp.io.output import doc_to_dict
    nlp = worker_pipeline(settings)
    hints = get_type_hints(Document)
    out = {name: [] for name in OUTPUT_COLUMNS}
    for position, index in enumerate(indices):
        text = rows[text_column][position]
        given = rows[id_column][position] if id_column else None
        id = str(given) if given not in (None, "") else str(index)
        data, error = None, None
        try:
            if not isinstance(text, str) or not text.strip():
                raise DocumentError(f"row {index}", f"empty or non-text {text_column!r} value")
            # the row's other columns are its meta, as annotate reads a table's or a saved dataset's
            # row: a given year, level, title or occasion informs the stages (dates, places, topics)
            fields = {column: values[position] for column, values in rows.items()}
            record = make_record(id, text, {**row_meta(fields, text_column, id_column),
                                            "source": f"row {index}"})
        except Exception as exc:  # one document never stops the map
            error = failure_reason(exc)
        else:  # within the time limit, in this process's main thread (Dataset.map's workers': theirs)
            data, error = annotate_within(nlp, record, clean, doc_timeout, doc_to_dict)
        data = data or {"id": id, "text": "", "meta": {"source": f"row {index}"}, "paragraphs": [],
                        "sentences": [], "tokens": [], "slogans": [], "lists": []}
        out["id"].append(id)
        out["annotated_text"].append(data["text"])
        for column, field in _RECORD_COLUMNS.items():
            out[column].append(to_arrow(hints[field], data[field]))
        out["error"].append(error)
    return out


def _checked_columns(ds, text_column, id_column, num_proc, batch_size):
    """Check :func:`annotate_dataset`'s arguments; return the id column to use."""
    from datasets import Dataset, DatasetDict
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
    return id_column


def annotate_dataset(ds: "Dataset", text_column: str = "text", id_column: "str | None" = None,
                     num_proc: "int | None" = None, batch_size: int = 32, *, clean: bool = True,
                     doc_timeout: "float | None" = None, **settings: Any) -> "Dataset":
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
    doc_timeout : float, optional
        Seconds a row's document may take, or its ``error`` says so and the
        map goes on (300; 0: none), as ``annotate --doc-timeout``
        (:mod:`policy_nlp.run.timelimit`). It is part of the map's arguments:
        a cached map made with another limit is not reused.
    **settings
        Passed to :func:`policy_nlp.load` (``stages``, ``segmenter``,
        ``lexicon``, ``user_dict``, ``topic_model`` ...); any other keyword
        is a TypeError. The rows are always mapped in batches of
        ``batch_size`` (``Dataset.map``'s ``batched=True``; it is not given).

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
    >>> out[0]["paragraphs"][1]
    {'start': 9, 'end': 18, 'topic': None}
    >>> out[1]["error"]
    "empty or non-text 'text' value"
    """
    try:
        from datasets import Features
    except ImportError:  # pragma: no cover - datasets is a dependency
        raise ImportError("annotate_dataset needs the 'datasets' package") from None
    from policy_nlp.pipeline.loading import check_settings
    from policy_nlp.run.timelimit import run_limit
    from policy_nlp.run.worker import warm_up
    check_settings(settings, "annotate_dataset")  # map's own batched=, say, is no setting of load()
    id_column = _checked_columns(ds, text_column, id_column, num_proc, batch_size)
    # the rows are annotated in this thread without num_proc, else in the main thread of each
    # of Dataset.map's worker processes (a multiprocess pool), where the limit applies
    doc_timeout = run_limit(doc_timeout, here=num_proc is None, instead="num_proc=1 or more")
    settings = {**settings, "clean": clean}
    # Load here, before Dataset.map forks its workers: they inherit the loaded pipeline and
    # share pkuseg's pages copy-on-write instead of each loading it; and warm it up, so that a
    # first row's limit does not pay for the lazy loads (the segmenter, pkuseg's dictionary).
    warm_up(worker_pipeline(settings), clean=clean)
    if num_proc is not None:
        num_proc = min(num_proc, max(1, len(ds)))
    return ds.map(
        _annotate_rows, batched=True, batch_size=batch_size, with_indices=True,
        num_proc=num_proc, writer_batch_size=batch_size, features=Features({**ds.features, **features()}),
        fn_kwargs={"text_column": text_column, "id_column": id_column, "clean": clean,
                   "settings": settings, "doc_timeout": doc_timeout},
        desc="policy_nlp annotate")
