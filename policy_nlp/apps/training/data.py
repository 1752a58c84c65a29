"""Reading labelled paragraphs: files, data frames and datasets into :class:`LabelledData`.

CSV/TSV, JSONL, Parquet, Excel .xlsx (files read by :func:`~policy_nlp.io.rows.read_table`,
as ``annotate`` reads them), a folder saved by ``datasets``' ``save_to_disk``, a
``datasets.Dataset``/``DatasetDict`` or a pandas ``DataFrame``; labels joined with a
separator or given as lists make multi-label data.
"""

import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from policy_nlp.errors import DocumentError
from policy_nlp.io.rows import KINDS, OTHER_WORKBOOKS, read_table

GROUP_COLUMNS = ("doc_id", "document_id", "document", "doc", "source")
SUFFIXES = (*KINDS, ".json")  # .json: one object a line too

log = logging.getLogger(__name__)


@dataclass
class LabelledData:
    """Labelled paragraphs ready to train on.

    ``labels`` holds a str per row, or a tuple of str per row when
    ``multi_label``; ``groups`` the document of each row (None: no grouping);
    ``weights`` how much each row counts in training (None: every row once);
    ``rows`` where each row was read (``coded.csv:8``, as errors name rows);
    ``notes`` what reading found worth a reader's look (repeated paragraphs),
    logged as warnings and repeated in the training report's advice.
    """
    texts: list
    labels: list
    groups: list = None
    multi_label: bool = False
    source: str = ""
    text_column: str = "text"
    label_column: str = "label"
    group_column: str = None
    skipped_blank: int = 0
    dropped: dict = field(default_factory=dict)
    test: "LabelledData" = None
    weights: list = None
    weight_column: str = None
    rows: list = None
    notes: list = field(default_factory=list)

    def label_counts(self):
        if self.multi_label:
            return dict(sorted(Counter(label for s in self.labels for label in s).items()))
        return dict(sorted(Counter(self.labels).items()))


def read_labelled(source, text_column="text", label_column="label", group_column=None,
                  label_sep=None, min_per_label=0, test=None, weight_column=None):
    """Labelled paragraphs from a file, a folder or an in-memory table.

    Parameters
    ----------
    source : str, Path, datasets.Dataset, datasets.DatasetDict, pandas.DataFrame, or a list of them
        A ``.csv``/``.tsv`` (header row), ``.jsonl`` (one object a line),
        ``.parquet``, ``.xlsx`` (first sheet, header row), a folder written by
        ``save_to_disk`` (every split is training data except ``test``,
        which becomes the held-out set), or the table itself. A list trains on
        all of them (a first coded sheet and the ``policy-nlp suggest`` sheet
        coded after it): each is read with the same columns, in its own
        encoding and format.
    text_column, label_column : str
        Names joined by commas (``"code,label"``): the first of them each
        file has (a first sheet coded in ``code`` and the ``label`` column of
        a ``policy-nlp suggest`` sheet).
    group_column : str, optional
        The document of each row, for grouped cross-validation. None: the
        first of ``doc_id, document_id, document, doc, source`` present;
        ``""``: no grouping; names joined by commas (``"id,doc_id"``): the
        first of them present in each file.
    label_sep : str, optional
        Split label cells on it (``"economy;industry"``); list-valued label
        fields are always several labels. Any row with several labels makes
        the data multi-label.
    min_per_label : int
        Drop labels with fewer examples (rows left without a label are dropped).
    test : same kinds as ``source``, optional
        A held-out test set (read with the same columns; overrides a ``test`` split).
    weight_column : str, optional
        A numeric column: how much each row counts in training (``0.5`` a
        doubtful row, ``2`` a trusted source, ``0`` as if absent). Read for
        the training rows only; a test set is scored unweighted and needs
        no such column.

    Returns
    -------
    LabelledData
        Rows with a blank label are skipped and counted (``skipped_blank``):
        a half-coded sheet from ``policy-nlp suggest`` trains as it is.

    Raises
    ------
    DocumentError
        Missing, empty, damaged or unsupported file; a row that cannot be
        read (:func:`~policy_nlp.io.rows.read_table`: the file and row, and
        why); unknown column (the message lists the columns found); a row
        with a label but no text; a labelled row whose
        weight is empty, not a number, negative or not finite (the message
        names the file and the row as read_table numbers it: a CSV/TSV or
        .xlsx row as a spreadsheet shows it, header = row 1; a DataFrame,
        Dataset or Parquet row by its position from 0).
    """
    if isinstance(source, (list, tuple)) and len(source) == 1:
        source = source[0]
    if isinstance(source, (list, tuple)):
        parts = [read_labelled(part, text_column, label_column, group_column, label_sep, 0, None, weight_column)
                 for part in source]
        data, test_rows, columns, name = _concat(parts), None, None, _data_name(parts)
        tests = [part.test for part in parts if part.test is not None]
        data.test = _concat(tests) if tests else None
    else:
        rows, columns, name, test_rows = _read_rows(source)
        data = _to_data(rows, columns, name, text_column, label_column, group_column, label_sep, weight_column)
    if test is not None:
        test_rows, test_columns, test_name, _ = _read_rows(test)
        data.test = _to_data(test_rows, test_columns, test_name, text_column, label_column,
                             group_column if group_column is not None else "", label_sep)
    elif test_rows is not None:
        data.test = _to_data(test_rows, columns, f"{name}[test]", text_column, label_column, "", label_sep)
    if data.test is not None and data.test.multi_label != data.multi_label:
        data.test.multi_label = data.multi_label = True
        for d in (data, data.test):
            d.labels = [(x,) if isinstance(x, str) else x for x in d.labels]
    _note_repeated_texts(data)
    if min_per_label > 1:
        _drop_rare(data, min_per_label)
    return data


def _data_name(parts):
    """The sources of several :class:`LabelledData`, as the report names them."""
    return " + ".join(part.source for part in parts)


def _concat(parts):
    """Several sources' :class:`LabelledData` as one: rows in order, each file's groups kept
    (a file without a document column while another has one is an error: its rows would
    count as ungrouped and the scores would be optimistic without saying so)."""
    grouped = [part for part in parts if part.groups is not None]
    if grouped and len(grouped) < len(parts):
        lacking = next(part for part in parts if part.groups is None)
        raise DocumentError(lacking.source, f"no document column ({', '.join(GROUP_COLUMNS)}) while "
                            f"{grouped[0].source} has {grouped[0].group_column!r}: add one to every file "
                            "(or --group-column '' for none)")
    multi = any(part.multi_label for part in parts)
    labels = [(x,) if multi and isinstance(x, str) else x for part in parts for x in part.labels]
    weighted = all(part.weights is not None for part in parts)
    columns = dict.fromkeys(part.group_column for part in grouped)
    return LabelledData([t for part in parts for t in part.texts], labels,
                        [g for part in grouped for g in part.groups] if grouped else None, multi,
                        _data_name(parts), parts[0].text_column, parts[0].label_column,
                        "/".join(columns) or None, sum(part.skipped_blank for part in parts),
                        weights=[w for part in parts for w in part.weights] if weighted else None,
                        weight_column=parts[0].weight_column if weighted else None,
                        rows=[r for part in parts for r in part.rows])


def _note_repeated_texts(data):
    """Note paragraphs that several rows give (``data.notes``, and a warning): each copy counts
    in training and may be tested in cross-validation on a copy of itself; two copies with
    different labels (two coders of one paragraph) teach the model both. Copies in several
    files (a sheet and a longer copy of it, one file given twice) are counted apart. One line
    opening several documents (同志们：in 55 local speeches) is no copy: a row is a copy of
    another in the same document (named alike in any file: cross-validation groups them so),
    or when neither names one; the same sheet split into two files says the same."""
    def file(row):
        return row.rpartition(":")[0]
    where = {}
    groups = data.groups or [None] * len(data.texts)
    for text, label, row, group in zip(data.texts, data.labels, data.rows, groups):
        # a row without a document is its own group, named by the row: none to compare
        where.setdefault(str(text).strip(), []).append((row, label, None if group == row else group))
    copies = [[(row, label) for row, label, _ in rows] for rows in where.values()
              if len({document for *_, document in rows}) < len(rows)]
    if not copies:
        return
    across = sum(1 for rows in copies if len({file(r) for r, _ in rows}) > 1)
    conflicting = [rows for rows in copies if len({str(label) for _, label in rows}) > 1]
    example = conflicting[0] if conflicting else copies[0]
    shown = " = ".join(f"{row} {label}" if conflicting else row for row, label in example[:3])
    note = (f"{data.source}: {len(copies)} paragraph{'s' * (len(copies) > 1)} given by more than one row"
            + (f" ({across} of them by more than one file)" if across else "")
            + (f", {len(conflicting)} with different labels" if conflicting else "") + f" ({shown}"
            + (" …" if len(copies) > 1 or len(example) > 3 else "") + "): each copy counts in training and "
            "cross-validation; keep one row per paragraph (with the label the coders agree on), or count "
            "doubtful rows less with --weight-column")
    data.notes.append(note)
    log.warning("%s", note)


def _read_rows(source):
    """``(rows, columns, name, test_rows or None)`` of any supported source.

    Rows are ``(where, fields)``, ``where`` naming the row in an error: a file's
    row as :func:`~policy_nlp.io.rows.read_table` numbers it (CSV/TSV and .xlsx
    ``coded.csv:8`` as a spreadsheet shows it, the header being row 1; JSONL
    the line; Parquet from 0); a DataFrame or Dataset ``name:N`` by position
    from 0, as ``df.iloc[N]`` and ``dataset[N]`` reach it (a saved DatasetDict
    ``folder/split:N``, as ``annotate`` ids its rows). A row without a document
    is its own group, named so (unique across several files).
    """
    kind = type(source).__module__.split(".")[0]
    if kind == "pandas":
        return _frame_rows(source, "DataFrame"), set(map(str, source.columns)), "DataFrame", None
    if kind == "datasets":
        return _dataset_rows(source, "Dataset")
    path = Path(source)
    if not path.exists():
        raise DocumentError(path, "no such file or directory")
    suffix = path.suffix.lower()
    if path.is_dir():
        import datasets
        try:
            dataset = datasets.load_from_disk(str(path))
        except Exception as error:  # datasets raises FileNotFoundError and others
            raise DocumentError(path, f"not a dataset saved with save_to_disk: {error}") from None
        rows, columns, _, test_rows = _dataset_rows(dataset, str(path))
    elif suffix in SUFFIXES or suffix in OTHER_WORKBOOKS:  # an .xls or .ods: read_table says what to save it as
        rows, columns, test_rows = *_read_table(path, "jsonl" if suffix == ".json" else None), None
    else:
        raise DocumentError(path, f"unsupported file type {path.suffix!r}: use one of "
                            f"{', '.join(SUFFIXES)} or a folder saved by datasets' save_to_disk")
    if not rows:
        raise DocumentError(path, "the file has no data rows")
    return rows, columns, str(path), test_rows


def _frame_rows(frame, name):
    rows = frame.to_dict(orient="records")
    return _numbered([{str(k): (None if _is_nan(v) else v) for k, v in row.items()} for row in rows], name)


def _numbered(rows, name):
    """Rows of a table without lines as ``(where, fields)``: ``name:N``, N from 0."""
    return [(f"{name}:{index}", row) for index, row in enumerate(rows)]


def _is_nan(value):
    return isinstance(value, float) and math.isnan(value)


def _dataset_rows(dataset, name):
    """Rows of a Dataset, or of a DatasetDict's training splits plus its ``test`` split."""
    if hasattr(dataset, "keys") and not hasattr(dataset, "features"):  # a DatasetDict
        train_splits = [s for s in dataset if s != "test"]
        if not train_splits:
            raise DocumentError(name, f"no training split (splits: {list(dataset)})")
        rows = [r for s in train_splits for r in _dataset_rows(dataset[s], f"{name}/{s}")[0]]
        test_rows = _dataset_rows(dataset["test"], f"{name}/test")[0] if "test" in dataset else None
        return rows, set(dataset[train_splits[0]].column_names), name, test_rows
    rows = dataset.to_list()
    for column, feature in dataset.features.items():  # ClassLabel ids -> names
        names = getattr(feature, "int2str", None) or getattr(getattr(feature, "feature", None), "int2str", None)
        if names is None:
            continue
        for row in rows:
            value = row[column]
            row[column] = [names(v) for v in value] if isinstance(value, list) else names(value)
    return _numbered(rows, name), set(dataset.column_names), name, None


def _read_table(path, kind):
    """``(rows, columns)`` of a table file (:func:`~policy_nlp.io.rows.read_table`: the kinds and
    encodings ``annotate`` reads; a broken row is an error naming the file and the row), each row
    named by read_table's number (``coded.csv:8``: the header is row 1; ``coded.parquet:7`` from 0)."""
    names, rows = read_table(path, kind, strict=True)
    rows = [(f"{path}:{number}", row) for number, row in rows]
    return rows, set(names) if names is not None else set().union(*(row for _, row in rows))


def _cell_labels(value, label_sep):
    """A label cell as ``(labels, was_list)``."""
    if value is None or _is_nan(value):
        return [], False
    if hasattr(value, "tolist"):  # numpy arrays from Parquet or pandas
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [s for s in (_label_text(v) for v in value) if s], True
    text = _label_text(value)
    if label_sep and label_sep in text:
        return [s.strip() for s in text.split(label_sep) if s.strip()], False
    return ([text] if text else []), False


def _label_text(value):
    if isinstance(value, float) and value.is_integer():  # Excel and pandas give codes as 4.0
        value = int(value)
    return "" if value is None else str(value).strip()


def _first_present(column, columns):
    """``column``, or of names joined by commas (``"code,label"``: files naming a column apart,
    a first sheet's ``code`` and a ``policy-nlp suggest`` sheet's ``label``) the first in ``columns``
    (the first name when none is)."""
    if not column or "," not in column:
        return column
    names = [c.strip() for c in column.split(",")]
    return next((c for c in names if c in columns), names[0])


def _to_data(rows, columns, name, text_column, label_column, group_column, label_sep, weight_column=None):
    if group_column is None:
        group_column = next((c for c in GROUP_COLUMNS if c in columns), "")
    text_column, label_column, group_column = (_first_present(c, columns)
                                               for c in (text_column, label_column, group_column))
    for column in (text_column, label_column, group_column, weight_column):
        if column and column not in columns:
            raise DocumentError(name, f"no column {column!r}; columns found: {sorted(columns)}")
    texts, targets, groups, weights, wheres, blank, multi = [], [], [], [], [], 0, False
    for where, row in rows:
        text = row.get(text_column)
        found, was_list = _cell_labels(row.get(label_column), label_sep)
        text_blank = text is None or _is_nan(text) or (isinstance(text, str) and not text.strip())
        if not found:
            blank += 1
            continue
        if text_blank:
            raise DocumentError(where, f"empty {text_column!r} for label {', '.join(map(repr, found))}")
        multi = multi or was_list or len(found) > 1
        texts.append(text if isinstance(text, list) else str(text))
        targets.append(found)
        wheres.append(where)
        if weight_column:
            weights.append(_cell_weight(row.get(weight_column), where, weight_column))
        if group_column:
            group = row.get(group_column)
            groups.append(where if group is None or str(group).strip() == "" else str(group))
    if not texts:
        raise DocumentError(name, f"no row has a label in {label_column!r} ({blank} blank)")
    labels = [tuple(sorted(set(t))) for t in targets] if multi else [t[0] for t in targets]
    return LabelledData(texts, labels, groups if group_column else None, multi, name, text_column,
                        label_column, group_column or None, blank, weights=weights if weight_column else None,
                        weight_column=weight_column or None, rows=wheres)


def _cell_weight(value, where, column):
    """A weight cell as a float, or a :class:`DocumentError` at ``where`` (file and row).

    Examples
    --------
    >>> _cell_weight(" 0.5 ", "d.csv:2", "w"), _cell_weight(2, "d.csv:2", "w")
    (0.5, 2.0)
    >>> _cell_weight("half", "d.csv:4", "w")
    Traceback (most recent call last):
    ...
    policy_nlp.errors.DocumentError: d.csv:4: weight 'w' is not a number: 'half'
    """
    if value is None or _is_nan(value) or (isinstance(value, str) and not value.strip()):
        raise DocumentError(where, f"empty weight {column!r}: give every labelled row a weight (0 leaves it out)")
    try:
        if isinstance(value, bool):  # True is not a weight, though float(True) is 1.0
            raise TypeError
        weight = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise DocumentError(where, f"weight {column!r} is not a number: {value!r}") from None
    if not math.isfinite(weight) or weight < 0:
        raise DocumentError(where, f"weight {column!r} must be a finite number of 0 or more, got {value!r}")
    return weight


def _drop_rare(data, minimum):
    counts = data.label_counts()
    rare = {label: n for label, n in counts.items() if n < minimum}
    if not rare:
        return
    keep = []
    for i, target in enumerate(data.labels):
        if data.multi_label:
            target = tuple(label for label in target if label not in rare)
            data.labels[i] = target
            keep.append(bool(target))
        else:
            keep.append(target not in rare)
    data.texts = [t for t, k in zip(data.texts, keep) if k]
    data.labels = [t for t, k in zip(data.labels, keep) if k]
    if data.groups is not None:
        data.groups = [g for g, k in zip(data.groups, keep) if k]
    if data.weights is not None:
        data.weights = [w for w, k in zip(data.weights, keep) if k]
    if data.rows is not None:
        data.rows = [r for r, k in zip(data.rows, keep) if k]
    data.dropped = rare
