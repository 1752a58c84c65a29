"""Training paragraph-topic classifiers on your own labels, evaluated honestly.

:func:`train` reads labelled paragraphs (CSV/TSV, JSONL, Parquet, Excel, a
folder saved by ``datasets``' ``save_to_disk``, or in Python a
``datasets.Dataset``/``DatasetDict`` or a pandas ``DataFrame``), evaluates a
classifier by cross-validation **grouped by document** (paragraphs of one
document never sit on both sides of a split) beside a majority and a keyword
baseline, scores a held-out test split when there is one, and saves the model
with ``evaluation.json``, ``evaluation.md`` and ``MODEL_CARD.md``.

Labels joined with a separator (``label_sep=";"``) or given as lists train a
one-vs-rest multi-label model
(:class:`~policy_nlp.stages.topics.multilabel.MultiLabelTopicClassifier`), scored
with multi-label metrics.

The default model's repository-bound recipe is ``models/topics-default/recipe.py``.

Command line: ``policy-nlp train DATA -o DIR`` (see ``policy-nlp train --help``).
"""

import csv
import json
import logging
import math
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from policy_nlp.errors import DocumentError, TrainingDataError
from policy_nlp.io.reading import decode, read_bytes
from policy_nlp.stages.topics.multilabel import MultiLabelTopicClassifier, crosswalk_name, read_crosswalk
from policy_nlp.stages.topics import TopicClassifier, labels as codebook_labels, save_model, tokenize

log = logging.getLogger("policy_nlp")

GROUP_COLUMNS = ("doc_id", "document_id", "document", "doc", "source")
RARE = 10  # labels with fewer examples get unreliable scores: the report says so
SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".xlsx")


# ---------------------------------------------------------------------------
# Reading labelled data


@dataclass
class LabelledData:
    """Labelled paragraphs ready to train on.

    ``labels`` holds a str per row, or a tuple of str per row when
    ``multi_label``; ``groups`` the document of each row (None: no grouping).
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

    def label_counts(self):
        if self.multi_label:
            return dict(sorted(Counter(label for s in self.labels for label in s).items()))
        return dict(sorted(Counter(self.labels).items()))


def read_labelled(source, text_column="text", label_column="label", group_column=None,
                  label_sep=None, min_per_label=0, test=None):
    """Labelled paragraphs from a file, a folder or an in-memory table.

    Parameters
    ----------
    source : str, Path, datasets.Dataset, datasets.DatasetDict or pandas.DataFrame
        A ``.csv``/``.tsv`` (header row), ``.jsonl`` (one object a line),
        ``.parquet``, ``.xlsx`` (first sheet, header row), a folder written by
        ``save_to_disk`` (every split is training data except ``test``,
        which becomes the held-out set), or the table itself.
    text_column, label_column : str
    group_column : str, optional
        The document of each row, for grouped cross-validation. None: the
        first of ``doc_id, document_id, document, doc, source`` present;
        ``""``: no grouping.
    label_sep : str, optional
        Split label cells on it (``"economy;industry"``); list-valued label
        fields are always several labels. Any row with several labels makes
        the data multi-label.
    min_per_label : int
        Drop labels with fewer examples (rows left without a label are dropped).
    test : same kinds as ``source``, optional
        A held-out test set (read with the same columns; overrides a ``test`` split).

    Returns
    -------
    LabelledData
        Rows with a blank label are skipped and counted (``skipped_blank``):
        a half-coded sheet from ``policy-nlp suggest`` trains as it is.

    Raises
    ------
    DocumentError
        Missing, empty or unsupported file; unknown column (the message lists
        the columns found); a row with a label but no text.
    """
    rows, columns, name, test_rows = _read_rows(source)
    data = _to_data(rows, columns, name, text_column, label_column, group_column, label_sep)
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
    if min_per_label > 1:
        _drop_rare(data, min_per_label)
    return data


def _read_rows(source):
    """``(rows, columns, name, test_rows or None)`` of any supported source."""
    kind = type(source).__module__.split(".")[0]
    if kind == "pandas":
        return _frame_rows(source), set(map(str, source.columns)), "DataFrame", None
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
    elif suffix in (".jsonl", ".ndjson", ".json"):
        rows, columns, test_rows = *_read_jsonl(path), None
    elif suffix in (".csv", ".tsv"):
        rows, columns, test_rows = *_read_csv(path), None
    elif suffix == ".parquet":
        import pyarrow.parquet as pq
        try:
            table = pq.read_table(path)
        except Exception as error:  # pyarrow's errors vary by damage
            raise DocumentError(path, f"not a Parquet file: {error}") from None
        rows, columns, test_rows = table.to_pylist(), set(table.column_names), None
    elif suffix == ".xlsx":
        rows, columns, test_rows = *_read_xlsx(path), None
    else:
        raise DocumentError(path, f"unsupported file type {path.suffix!r}: use one of "
                            f"{', '.join(SUFFIXES)} or a folder saved by datasets' save_to_disk")
    if not rows:
        raise DocumentError(path, "the file has no data rows")
    return rows, columns, str(path), test_rows


def _frame_rows(frame):
    rows = frame.to_dict(orient="records")
    return [{str(k): (None if _is_nan(v) else v) for k, v in row.items()} for row in rows]


def _is_nan(value):
    return isinstance(value, float) and math.isnan(value)


def _dataset_rows(dataset, name):
    """Rows of a Dataset, or of a DatasetDict's training splits plus its ``test`` split."""
    if hasattr(dataset, "keys") and not hasattr(dataset, "features"):  # a DatasetDict
        train_splits = [s for s in dataset if s != "test"]
        if not train_splits:
            raise DocumentError(name, f"no training split (splits: {list(dataset)})")
        rows = [r for s in train_splits for r in _dataset_rows(dataset[s], name)[0]]
        test_rows = _dataset_rows(dataset["test"], name)[0] if "test" in dataset else None
        return rows, set(dataset[train_splits[0]].column_names), name, test_rows
    rows = dataset.to_list()
    for column, feature in dataset.features.items():  # ClassLabel ids -> names
        names = getattr(feature, "int2str", None) or getattr(getattr(feature, "feature", None), "int2str", None)
        if names is None:
            continue
        for row in rows:
            value = row[column]
            row[column] = [names(v) for v in value] if isinstance(value, list) else names(value)
    return rows, set(dataset.column_names), name, None


def _file_text(path):
    """A sheet's text in the encodings ``annotate`` reads (UTF-8 with or without
    a BOM, GB18030/GBK as Excel saves CSV on Chinese Windows, UTF-16)."""
    return decode(read_bytes(path), source=str(path))[0]


def _read_csv(path):
    csv.field_size_limit(sys.maxsize)  # long paragraphs in one cell
    text = _file_text(path)
    if not text.strip():
        raise DocumentError(path, "the file is empty")
    try:
        reader = csv.DictReader(text.splitlines(keepends=True),
                                delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        rows = list(reader)
    except csv.Error as error:
        raise DocumentError(path, f"not valid CSV: {error}") from None
    return rows, set(reader.fieldnames or [])


def _read_jsonl(path):
    rows, columns = [], set()
    for number, line in enumerate(_file_text(path).split("\n"), 1):  # not splitlines: U+2028 is text
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise DocumentError(f"{path}:{number}", f"not a JSON object: {error}") from None
        if not isinstance(row, dict):
            raise DocumentError(f"{path}:{number}", "each line must be a JSON object")
        rows.append(row)
        columns |= set(row)
    if not rows:
        raise DocumentError(path, "the file is empty")
    return rows, columns


def _read_xlsx(path):
    import openpyxl
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # zipfile.BadZipFile, KeyError ... on a damaged file
        raise DocumentError(path, f"not an Excel .xlsx workbook: {error}") from None
    try:
        values = book.worksheets[0].iter_rows(values_only=True)
        header = next(values, None)
        if not header or not any(header):
            raise DocumentError(path, "the first sheet is empty (it needs a header row)")
        names = [str(h).strip() if h is not None else f"column {i + 1}" for i, h in enumerate(header)]
        rows = [dict(zip(names, row)) for row in values if any(v is not None for v in row)]
    finally:
        book.close()
    return rows, set(names)


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


def _to_data(rows, columns, name, text_column, label_column, group_column, label_sep):
    if group_column is None:
        group_column = next((c for c in GROUP_COLUMNS if c in columns), "")
    for column in (text_column, label_column, group_column):
        if column and column not in columns:
            raise DocumentError(name, f"no column {column!r}; columns found: {sorted(columns)}")
    texts, targets, groups, blank, multi = [], [], [], 0, False
    for number, row in enumerate(rows, 1):
        text = row.get(text_column)
        found, was_list = _cell_labels(row.get(label_column), label_sep)
        text_blank = text is None or _is_nan(text) or (isinstance(text, str) and not text.strip())
        if not found:
            blank += 1
            continue
        if text_blank:
            raise DocumentError(f"{name}:row {number}", f"empty {text_column!r} for label {found}")
        multi = multi or was_list or len(found) > 1
        texts.append(text if isinstance(text, list) else str(text))
        targets.append(found)
        if group_column:
            group = row.get(group_column)
            groups.append(f"row {number}" if group is None or str(group).strip() == "" else str(group))
    if not texts:
        raise DocumentError(name, f"no row has a label in {label_column!r} ({blank} blank)")
    labels = [tuple(sorted(set(t))) for t in targets] if multi else [t[0] for t in targets]
    return LabelledData(texts, labels, groups if group_column else None, multi, name, text_column,
                        label_column, group_column or None, blank)


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
    data.dropped = rare


# ---------------------------------------------------------------------------
# Baselines


class KeywordBaseline:
    """Label by keywords: the codebook's seed terms when every label is a
    codebook label, else the 20 tokens most typical of each label in the
    training data (smoothed document-frequency ratio, tokens of 2+ characters).

    Predicts the label with the most keyword hits; the training set's most
    common label when nothing matches.
    """

    def __init__(self, top=20):
        self.top = top

    def fit(self, tokens, labels):
        single = [t if isinstance(t, str) else (t[0] if t else None) for t in labels]
        counts = Counter(s for s in single if s is not None)
        self.majority_ = counts.most_common(1)[0][0]
        self.classes_ = sorted(counts)
        self.seed_ = set(self.classes_) <= set(codebook_labels())
        if self.seed_:
            return self
        docs = [set(t) for t in tokens]
        self.keywords_ = {}
        for label in self.classes_:
            inside = Counter(w for d, s in zip(docs, single) if s == label for w in d if len(w) >= 2)
            outside = Counter(w for d, s in zip(docs, single) if s != label for w in d if len(w) >= 2)
            n_in, n_out = counts[label], len(docs) - counts[label]
            ratio = {w: (c + 0.5) / (n_in + 1) / ((outside[w] + 0.5) / (n_out + 1))
                     for w, c in inside.items() if c >= 2}
            best = sorted(ratio, key=lambda w: (-ratio[w], w))[:self.top]
            self.keywords_[label] = {w for w in best if ratio[w] > 1.0}
        return self

    def predict(self, tokens):
        from policy_nlp.stages.topics import keyword_scores
        out = []
        for paragraph in tokens:
            if self.seed_:
                scores = keyword_scores("".join(paragraph))
                scores = {k: v for k, v in scores.items() if k in self.classes_}
            else:
                words = set(paragraph)
                scores = {label: len(words & kw) for label, kw in self.keywords_.items()}
            best = max(scores, key=lambda k: (scores[k], k == self.majority_)) if scores else None
            out.append(best if best is not None and scores[best] > 0 else self.majority_)
        return out

    def describe(self):
        return ("keyword (codebook seed terms)" if self.seed_ else
                f"keyword (top {self.top} terms per label, learned on the training part)")


def _majority(labels):
    """The most common label (single-label) or label set (multi-label)."""
    return Counter(labels).most_common(1)[0][0]


# ---------------------------------------------------------------------------
# Scores


def _per_label(label_set, precision, recall, f1, support):
    """``{label: {"precision", "recall", "f1", "support"}}`` from sklearn's per-label arrays."""
    return {label: {"precision": round(float(precision[i]), 4), "recall": round(float(recall[i]), 4),
                    "f1": round(float(f1[i]), 4), "support": int(support[i])}
            for i, label in enumerate(label_set)}


def score_predictions(y_true, y_pred, label_set=None):
    """Single-label scores: accuracy, macro- and weighted-F1, per label, confusion.

    Macro-F1 averages over the labels present in ``y_true``.

    Examples
    --------
    >>> r = score_predictions(["a", "a", "b"], ["a", "b", "b"])
    >>> r["accuracy"], r["macro_f1"], r["confusion"]
    (0.6667, 0.6667, [[1, 1], [0, 1]])
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
    label_set = list(label_set) if label_set else sorted(set(y_true) | set(y_pred))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=label_set, zero_division=0)
    present = [i for i, label in enumerate(label_set) if label in set(y_true)]
    weights = np.array([s[i] for i in present], dtype=float)
    return {
        "n": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(np.mean([f[i] for i in present])), 4),
        "weighted_f1": round(float(np.dot([f[i] for i in present], weights) / weights.sum()), 4),
        "per_label": _per_label(label_set, p, r, f, s),
        "labels": label_set,
        "confusion": confusion_matrix(y_true, y_pred, labels=label_set).tolist(),
    }


def score_multilabel(y_true, y_pred, label_set=None):
    """Multi-label scores: micro/macro/weighted F1, subset accuracy, Hamming loss, per label.

    Examples
    --------
    >>> r = score_multilabel([("a", "b"), ("a",)], [("a",), ("a",)])
    >>> r["subset_accuracy"], r["hamming_loss"], r["micro_f1"]
    (0.5, 0.25, 0.8)
    """
    from sklearn.metrics import accuracy_score, f1_score, hamming_loss, precision_recall_fscore_support
    label_set = list(label_set) if label_set else sorted({x for s in list(y_true) + list(y_pred) for x in s})
    T = np.array([[label in s for label in label_set] for s in y_true], dtype=int)
    P = np.array([[label in s for label in label_set] for s in y_pred], dtype=int)
    present = [i for i in range(len(label_set)) if T[:, i].any()]
    p, r, f, s = precision_recall_fscore_support(T, P, zero_division=0)
    return {
        "n": len(y_true),
        "subset_accuracy": round(float(accuracy_score(T, P)), 4),
        "hamming_loss": round(float(hamming_loss(T, P)), 4),
        "micro_f1": round(float(f1_score(T, P, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(np.mean([f[i] for i in present])), 4) if present else 0.0,
        "weighted_f1": round(float(f1_score(T[:, present], P[:, present], average="weighted",
                                            zero_division=0)), 4) if present else 0.0,
        "per_label": _per_label(label_set, p, r, f, s),
        "labels": label_set,
    }


def _headline(report, multi_label):
    keys = (("micro_f1", "macro_f1", "weighted_f1", "subset_accuracy", "hamming_loss") if multi_label
            else ("accuracy", "macro_f1", "weighted_f1"))
    return {k: report[k] for k in keys}


def evaluate(model, rows):
    """Single-label scores of a model on hand-labelled paragraphs in their documents.

    ``rows`` are ``{"doc", "index", "label", "paragraphs"}`` (``paragraphs``:
    the whole document, so headings take the label of their body, as
    :func:`~policy_nlp.stages.topics.classify_paragraphs` does).
    """
    from policy_nlp.stages.topics import classify_paragraphs
    by_doc = {}
    for row in rows:
        by_doc.setdefault(row["doc"], row["paragraphs"])
    predicted = {}
    for doc, paragraphs in by_doc.items():
        for index, result in enumerate(classify_paragraphs(model, paragraphs)):
            predicted[(doc, index)] = result["label"] if result else "general"
    return score_predictions([r["label"] for r in rows], [predicted[(r["doc"], r["index"])] for r in rows])


# ---------------------------------------------------------------------------
# Cross-validation


def make_estimator(multi_label=False, threshold=0.5, random_state=0, **params):
    """A fresh (multi-label) topic classifier."""
    if multi_label:
        return MultiLabelTopicClassifier(random_state=random_state, threshold=threshold, **params)
    return TopicClassifier(random_state=random_state, **params)


def fit_learnable(estimator, tokens, labels, multi_label):
    """Fit on the labels that have enough examples; returns the labels left out.

    A label with fewer than 2 training examples (multi-label: fewer than 2
    with or 2 without it) cannot be calibrated: its rows are left out
    (multi-label: the label is removed from them) and it is never predicted.
    """
    counts = Counter(x for s in labels for x in s) if multi_label else Counter(labels)
    unlearnable = {label for label, n in counts.items() if n < 2 or (multi_label and len(labels) - n < 2)}
    if multi_label:
        y = [tuple(x for x in s if x not in unlearnable) for s in labels]
        X = tokens
    else:
        keep = [i for i, label in enumerate(labels) if label not in unlearnable]
        X, y = [tokens[i] for i in keep], [labels[i] for i in keep]
    if len(set(x for s in y for x in s) if multi_label else set(y)) < 2:
        raise TrainingDataError(f"fewer than two labels with at least 2 examples (counts: {dict(counts)})")
    estimator.fit(X, y)
    return sorted(unlearnable)


def _splitter(data, folds, random_state):
    from sklearn.model_selection import GroupKFold, KFold, StratifiedGroupKFold, StratifiedKFold
    y = [s[0] if data.multi_label and s else s for s in data.labels]  # stratify on the first label
    smallest = min(Counter(y).values())
    if data.groups is not None:
        n_groups = len(set(data.groups))
        if n_groups < folds:
            raise TrainingDataError(
                f"{data.source}: only {n_groups} documents in {data.group_column!r}, and cross-validation "
                f"grouped by document needs at least {folds} (--folds {folds}); use --folds {max(2, n_groups)} "
                "if there are 2 or more, --group-column '' to split paragraphs regardless of documents "
                "(optimistic), or --folds 0 to train without cross-validation")
        if data.multi_label:
            return GroupKFold(n_splits=folds).split(data.texts, y, data.groups)
        return StratifiedGroupKFold(n_splits=folds, shuffle=True,
                                    random_state=random_state).split(data.texts, y, data.groups)
    if len(data.texts) < 2 * folds:
        raise TrainingDataError(f"{data.source}: {len(data.texts)} rows are too few for {folds}-fold "
                                "cross-validation; use fewer --folds or --folds 0 to train without it")
    if smallest >= folds and not data.multi_label:
        return StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state).split(data.texts, y)
    return KFold(n_splits=folds, shuffle=True, random_state=random_state).split(data.texts)


def cross_validate(data, folds=5, random_state=0, verbose=False, tokens=None, threshold=0.5, **params):
    """Cross-validated scores of the model and of two baselines, per fold and pooled.

    Parameters
    ----------
    data : LabelledData
    folds : int
        At least 2. Folds are grouped by ``data.groups`` when given.
    tokens : list of list of str, optional
        The paragraphs already segmented (segmented here otherwise, once).

    Returns
    -------
    dict
        ``folds``, ``grouped``, ``per_fold`` (each method's headline scores
        per fold), ``mean`` and ``std`` over folds, ``pooled`` (the model's
        out-of-fold predictions scored together: per label, confusion) and
        ``unlearnable`` (labels some training fold had too few of).

    Raises
    ------
    TrainingDataError
        ``folds`` below 2, fewer documents or rows than folds, fewer than two labels.
    """
    if folds < 2:
        raise TrainingDataError(f"{data.source}: {folds} fold is not cross-validation: use --folds 2 "
                                "or more, or --folds 0 to train without cross-validation")
    labels = data.labels
    distinct = {x for s in labels for x in s} if data.multi_label else set(labels)
    if len(distinct) < 2:
        raise TrainingDataError(f"{data.source}: need at least two different labels, found {sorted(distinct)}")
    tokens = tokens if tokens is not None else [tokenize(t) for t in data.texts]
    score = score_multilabel if data.multi_label else score_predictions
    label_set = sorted(distinct)
    predicted = [None] * len(labels)
    per_fold, unlearnable = [], set()
    started = time.time()
    for fold, (train, test) in enumerate(_splitter(data, folds, random_state), start=1):
        train_tokens, train_labels = [tokens[i] for i in train], [labels[i] for i in train]
        test_tokens, test_labels = [tokens[i] for i in test], [labels[i] for i in test]
        model = make_estimator(data.multi_label, threshold, random_state, **params)
        unlearnable |= set(fit_learnable(model, train_tokens, train_labels, data.multi_label))
        guesses = _predict(model, test_tokens, data.multi_label)
        for i, guess in zip(test, guesses):
            predicted[i] = guess
        majority = _majority(train_labels)
        keyword = KeywordBaseline().fit(train_tokens, train_labels)
        keyword_guesses = keyword.predict(test_tokens)
        if data.multi_label:
            keyword_guesses = [(g,) for g in keyword_guesses]
        per_fold.append({
            "fold": fold, "n": len(test),
            "documents": len(set(data.groups[i] for i in test)) if data.groups else None,
            "model": _headline(score(test_labels, guesses, label_set), data.multi_label),
            "majority": _headline(score(test_labels, [majority] * len(test), label_set), data.multi_label),
            "keyword": _headline(score(test_labels, keyword_guesses, label_set), data.multi_label)})
        if verbose:  # long work shows progress
            log.info("cross-validation fold %d/%d done (%.0f s)", fold, folds, time.time() - started)
    methods = ("model", "majority", "keyword")
    metrics = list(per_fold[0]["model"])
    return {
        "folds": folds, "grouped": data.groups is not None, "group_column": data.group_column,
        "keyword_baseline": keyword.describe(),
        "per_fold": per_fold,
        "mean": {m: {k: round(float(np.mean([f[m][k] for f in per_fold])), 4) for k in metrics} for m in methods},
        "std": {m: {k: round(float(np.std([f[m][k] for f in per_fold])), 4) for k in metrics} for m in methods},
        "pooled": score(labels, predicted, label_set),
        "unlearnable": sorted(unlearnable),
        "predictions": predicted,
    }


def _predict(model, tokens, multi_label):
    if multi_label:
        return [tuple(sorted(s)) for s in model.predict_labels(tokens)]
    return [str(p) for p in model.predict(tokens)]


def _test_report(model, data, train_tokens, train_labels):
    """Scores on the held-out test set: the model and both baselines fit on all training rows."""
    test = data.test
    tokens = [tokenize(t) for t in test.texts]
    score = score_multilabel if data.multi_label else score_predictions
    label_set = sorted(set(data.label_counts()) | set(test.label_counts()))
    keyword = KeywordBaseline().fit(train_tokens, train_labels)
    keyword_guesses = keyword.predict(tokens)
    if data.multi_label:
        keyword_guesses = [(g,) for g in keyword_guesses]
    majority = _majority(train_labels)
    return {"source": test.source, "n": len(test.texts), "skipped_blank": test.skipped_blank,
            "model": score(test.labels, _predict(model, tokens, data.multi_label), label_set),
            "majority": _headline(score(test.labels, [majority] * len(tokens), label_set), data.multi_label),
            "keyword": _headline(score(test.labels, keyword_guesses, label_set), data.multi_label)}


def crosswalk_scores(y_true, y_pred, mapping, multi_label):
    """Predictions and gold labels translated into crosswalk codes, scored as code sets."""
    def codes(target):
        target = (target,) if not multi_label else target
        return tuple(sorted({c for label in target for c in mapping.get(label, [])}))
    report = score_multilabel([codes(t) for t in y_true], [codes(p) for p in y_pred])
    unmapped = sorted({x for t in y_true for x in ((t,) if not multi_label else t)} - set(mapping))
    return {**report, "unmapped_labels": unmapped}


# ---------------------------------------------------------------------------
# Training


def train(data, output_dir, *, text_column="text", label_column="label", group_column=None,
          label_sep=None, test=None, folds=5, min_per_label=0, threshold=0.5, crosswalk=None,
          random_state=0, verbose=True, **params):
    """Evaluate and train a topic model on labelled paragraphs; save model and reports.

    Parameters
    ----------
    data : str, Path, datasets.Dataset, datasets.DatasetDict, pandas.DataFrame or LabelledData
        See :func:`read_labelled` (and for ``text_column`` … ``test``).
    output_dir : str or Path
        Receives ``model.json``, ``model.npz``, ``evaluation.json``,
        ``evaluation.md`` and ``MODEL_CARD.md``.
    folds : int
        Cross-validation folds, grouped by document when there is a group
        column; 0 trains without cross-validation.
    min_per_label : int
        Drop labels with fewer examples before anything else.
    threshold : float
        Multi-label models: a label is given when its probability reaches it.
    crosswalk : str or Path, optional
        A crosswalk file (:func:`~policy_nlp.stages.topics.multilabel.read_crosswalk`):
        saved with the model (the topics stage then adds the label's codes
        to every paragraph topic, under the file's name: ``codes: {"cap":
        [...]}`` for ``cap.csv``), and the evaluation is repeated in its codes.
    verbose : bool
        Log each cross-validation fold and the saved model (``logging``,
        level INFO, logger ``policy_nlp``); nothing is printed.
    **params
        :class:`~policy_nlp.stages.topics.TopicClassifier` parameters.

    Returns
    -------
    dict
        The evaluation report saved as ``evaluation.json``
        (:func:`format_report` gives its Markdown, saved as ``evaluation.md``).

    Raises
    ------
    DocumentError
        Unreadable or empty input, unknown column, a label without text.
    TrainingDataError
        ``folds`` of 1, too few documents or rows for the folds, fewer than
        two labels, a label with a single example (advice in the message).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> rows = [("稳定粮食播种面积，提高农民收益。", "farm"), ("治理大气污染，改善空气质量。", "env")] * 5
    >>> _ = (d / "data.csv").write_text("text,code\\n" + "\\n".join(f"{t},{c}" for t, c in rows))
    >>> report = train(d / "data.csv", d / "model", label_column="code", folds=2, verbose=False)
    >>> report["labels"], sorted(p.name for p in (d / "model").iterdir())
    (['env', 'farm'], ['MODEL_CARD.md', 'evaluation.json', 'evaluation.md', 'model.json', 'model.npz'])
    """
    started = time.time()
    if not isinstance(data, LabelledData):
        data = read_labelled(data, text_column, label_column, group_column, label_sep, min_per_label, test)
    mapping = read_crosswalk(crosswalk) if crosswalk else None
    report = _data_report(data, folds)
    tokens = [tokenize(t) for t in data.texts]
    if folds:
        cv = cross_validate(data, folds, random_state, verbose, tokens=tokens, threshold=threshold, **params)
        predictions = cv.pop("predictions")
        report["cross_validation"] = cv
        if mapping:
            report["crosswalk"] = crosswalk_scores(data.labels, predictions, mapping, data.multi_label)
    model = _fit_final(data, tokens, report, threshold, random_state, **params)
    if data.test is not None:
        report["test"] = _test_report(model, data, tokens, data.labels)
        if mapping:
            test_tokens = [tokenize(t) for t in data.test.texts]
            report["test"]["crosswalk"] = crosswalk_scores(
                data.test.labels, _predict(model, test_tokens, data.multi_label), mapping, data.multi_label)
    output_dir = Path(output_dir)
    report["training_seconds"] = round(time.time() - started, 1)
    metadata = _model_metadata(output_dir, data, report, folds, crosswalk, mapping)
    _save_trained(output_dir, model, report, metadata)
    if verbose:
        log.info("model saved to %s (%s s)", output_dir, report["training_seconds"])
    return report


def _data_report(data, folds):
    """The report's opening: what was read, and advice about rare labels and grouping."""
    counts = data.label_counts()
    report = {"source": data.source, "task": "multi-label" if data.multi_label else "single-label",
              "text_column": data.text_column, "label_column": data.label_column,
              "n": len(data.texts), "labels": sorted(counts), "label_counts": counts,
              "skipped_blank_labels": data.skipped_blank, "dropped_labels": data.dropped,
              "documents": len(set(data.groups)) if data.groups else None, "advice": []}
    rare = {label: n for label, n in counts.items() if n < RARE}
    report["rare_labels"] = rare
    if rare:
        report["advice"].append(
            f"labels with fewer than {RARE} examples ({', '.join(f'{k}: {v}' for k, v in rare.items())}) "
            "get unreliable scores: label more of them (policy-nlp suggest finds candidates), merge them "
            f"into a related label, or drop them with --min-per-label {RARE}")
    if data.groups is None and folds:
        report["advice"].append("no document column: paragraphs of one document can fall on both sides "
                                "of a split, which makes the scores optimistic; give --group-column")
    return report


def _fit_final(data, tokens, report, threshold, random_state, **params):
    """The saved model, fit on every training row; labels it had to leave out go into the advice."""
    model = make_estimator(data.multi_label, threshold, random_state, **params)
    try:
        left_out = fit_learnable(model, tokens, data.labels, data.multi_label)
    except TrainingDataError as error:
        raise TrainingDataError(f"{data.source}: {error}") from None
    if left_out:
        report["advice"].append(f"labels left out of the model (fewer than 2 examples): {left_out}; "
                                "use --min-per-label 2 to drop them explicitly")
    report["model_labels"] = [str(c) for c in model.classes_]
    return model


def _model_metadata(output_dir, data, report, folds, crosswalk, mapping):
    """``model.json``'s description of the training run (also the model card's source)."""
    metadata = {"name": output_dir.name, "source_file": data.source, "text_column": data.text_column,
                "label_column": data.label_column, "task": report["task"],
                "training_seconds": report["training_seconds"],
                "training": {"examples": len(data.texts), "by_label": report["label_counts"]}}
    if "cross_validation" in report:
        metadata["cross_validation"] = {"folds": folds, "grouped": report["cross_validation"]["grouped"],
                                        "mean": report["cross_validation"]["mean"]["model"]}
    if mapping:
        # the topics stage adds these codes to every paragraph topic, under this name
        metadata["crosswalk"] = {"name": crosswalk_name(crosswalk), "file": str(crosswalk), "mapping": mapping}
    return metadata


def _save_trained(output_dir, model, report, metadata):
    """The model, ``evaluation.json``/``.md`` and ``MODEL_CARD.md`` in ``output_dir``."""
    save_model(model, output_dir, metadata)
    (output_dir / "evaluation.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                                encoding="utf-8")
    markdown = format_report(report)
    (output_dir / "evaluation.md").write_text(markdown + "\n", encoding="utf-8")
    write_model_card(output_dir, model, metadata)


def train_from_file(path, text_column, label_column, output_dir, **options):
    """:func:`train` with the columns given positionally (the older signature)."""
    return train(path, output_dir, text_column=text_column, label_column=label_column, **options)


# The default model's recipe lived here (and at the old path policy_nlp.topic_training) until it
# became a repository script: it reads the shared corpora and the repository's hand labels, which
# an installed package does not have. Old code asking for its names gets told where they went.
RECIPE = "models/topics-default/recipe.py"
MOVED_TO_RECIPE = frozenset({
    "build_default", "build_training_set", "training_summary", "weak_labels", "general_rule",
    "lead_sentence", "split_lines", "hand_labelled", "source_agreement", "work_reports",
    "congress_reports", "xi_speeches", "policy_documents", "main", "REPO", "SHARED_CORPORA",
    "HAND_LABELS", "HELD_OUT", "EVAL_WORK_REPORTS", "GOLD_WORK_REPORTS", "GOLD_CONGRESSES",
    "GOLD_XI_DATES", "FIRST_TRAINING_YEAR", "FIRST_TRAINING_CONGRESS", "POLICY_DOCS_PER_LABEL",
    "GENERAL_TERMS", "WIKISOURCE_NOTICE"})


def __getattr__(name):
    """Point old callers of the default model's recipe to the script it moved to.

    An ``ImportError`` (not ``AttributeError``), so that ``from
    policy_nlp.topic_training import build_default`` shows this message
    rather than Python's generic "cannot import name".
    """
    if name in MOVED_TO_RECIPE:
        raise ImportError(
            f"{name} moved out of policy_nlp.apps.training (formerly policy_nlp.topic_training): "
            f"the default topic model's recipe is the repository script {RECIPE}. Rebuild the model "
            f"with 'make model' or 'python {RECIPE} build'; from Python, load the script with "
            "importlib.util.spec_from_file_location (as benchmarks/topic_eval.py does). To train on "
            "your own labels use policy_nlp.apps.training.train or 'policy-nlp train'.",
            name=__name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# Reports


def display_width(text):
    """Columns ``text`` takes in a terminal: wide (CJK) characters count 2.

    Examples
    --------
    >>> display_width("农业"), display_width("env")
    (4, 3)
    """
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in str(text))


def pad(text, width, right=False):
    """``text`` padded with spaces to ``width`` display columns."""
    space = " " * max(0, width - display_width(text))
    return space + str(text) if right else str(text) + space


def format_confusion(labels, matrix):
    """A confusion matrix aligned for Chinese and Latin labels (rows: true, columns: predicted).

    Examples
    --------
    >>> print(format_confusion(["农业", "env"], [[3, 1], [0, 2]]))
    true \\ predicted  农业  env
    农业                 3    1
    env                  0    2
    """
    corner = "true \\ predicted"
    first = max(display_width(corner), *(display_width(label) for label in labels))
    widths = [max(display_width(label), *(len(str(row[j])) for row in matrix)) for j, label in enumerate(labels)]
    lines = [pad(corner, first) + "".join("  " + pad(label, w, right=True) for label, w in zip(labels, widths))]
    for label, row in zip(labels, matrix):
        lines.append(pad(label, first) + "".join("  " + pad(v, w, right=True) for v, w in zip(row, widths)))
    return "\n".join(line.rstrip() for line in lines)


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _per_label_table(report):
    return _table(["label", "precision", "recall", "F1", "support"],
                  [[label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", m["support"]]
                   for label, m in report["per_label"].items()])


def format_report(report):
    """The evaluation report as Markdown (readable as plain text too)."""
    multi = report["task"] == "multi-label"
    lines = [f"# Evaluation of a {report['task']} topic model", "",
             f"Data: `{report['source']}`: {report['n']} labelled paragraphs"
             + (f" in {report['documents']} documents" if report.get("documents") else "")
             + f", {len(report['labels'])} labels"
             + (f"; {report['skipped_blank_labels']} rows with a blank label skipped"
                if report["skipped_blank_labels"] else "")
             + (f"; dropped (--min-per-label): {report['dropped_labels']}" if report["dropped_labels"] else "")
             + ".", ""]
    lines += _table(["label", "paragraphs"], list(report["label_counts"].items())) + [""]
    cv = report.get("cross_validation")
    if cv:
        how = (f"grouped by `{cv['group_column']}` (no document on both sides of a split)"
               if cv["grouped"] else "not grouped by document")
        lines += ["## Cross-validation", "", f"{cv['folds']} folds, {how}. Keyword baseline: "
                  f"{cv['keyword_baseline']}; majority baseline: the training part's most common "
                  f"{'label set' if multi else 'label'}.", ""]
        metrics = list(cv["mean"]["model"])
        lines += _table(["method"] + [f"{m} (mean ± std)" for m in metrics],
                        [[method] + [f"{cv['mean'][method][m]:.3f} ± {cv['std'][method][m]:.3f}" for m in metrics]
                         for method in ("model", "majority", "keyword")])
        lines += ["", "Per fold (model):", ""]
        lines += _table(["fold", "paragraphs", "documents"] + metrics,
                        [[f["fold"], f["n"], f["documents"] if f["documents"] is not None else "–"]
                         + [f"{f['model'][m]:.3f}" for m in metrics] for f in cv["per_fold"]])
        pooled = cv["pooled"]
        lines += ["", "Out-of-fold predictions pooled, per label:", ""] + _per_label_table(pooled)
        if not multi:
            lines += ["", "Confusion matrix (pooled; rows: true, columns: predicted):", "", "```",
                      format_confusion(pooled["labels"], pooled["confusion"]), "```"]
        if cv["unlearnable"]:
            lines += ["", f"Labels some training fold had fewer than 2 of (never predicted there): "
                      f"{cv['unlearnable']}"]
        lines.append("")
    test = report.get("test")
    if test:
        model = test["model"]
        metrics = list(_headline(model, multi))
        lines += ["## Held-out test set", "", f"`{test['source']}`: {test['n']} paragraphs.", ""]
        lines += _table(["method"] + metrics,
                        [["model"] + [f"{model[m]:.3f}" for m in metrics]]
                        + [[name] + [f"{test[name][m]:.3f}" for m in metrics] for name in ("majority", "keyword")])
        lines += ["", "Per label (model):", ""] + _per_label_table(model)
        if not multi:
            lines += ["", "```", format_confusion(model["labels"], model["confusion"]), "```"]
        lines.append("")
    for name, block in (("cross-validation", report.get("crosswalk")),
                        ("test set", (test or {}).get("crosswalk"))):
        if block:
            lines += [f"## In crosswalk codes ({name})", "",
                      f"Gold and predicted labels translated into codes: micro-F1 {block['micro_f1']:.3f}, "
                      f"macro-F1 {block['macro_f1']:.3f}, subset accuracy {block['subset_accuracy']:.3f}"
                      + (f"; labels without codes: {block['unmapped_labels']}" if block["unmapped_labels"] else "")
                      + ".", ""]
    if report["advice"]:
        lines += ["## Advice", ""] + [f"- {a}" for a in report["advice"]] + [""]
    return "\n".join(lines).rstrip()


def write_model_card(output, model, metadata, data_lines=None):
    """Write ``MODEL_CARD.md`` beside a saved model.

    ``data_lines`` describe the training data (default: the user's file and
    row count); the metrics come from ``metadata``.
    """
    from policy_nlp.stages.topics import chinese_name
    from policy_nlp.stages.topics.files import _versions
    output = Path(output)
    multi = isinstance(model, MultiLabelTopicClassifier)
    lines = [f"# Topic model `{metadata.get('name', output.name)}`", ""]
    lines += ["Paragraph topic classifier of policy_nlp "
              + ("(`policy_nlp.stages.topics.multilabel.MultiLabelTopicClassifier`, one-vs-rest, threshold "
                 f"{model.threshold}): " if multi else "(`policy_nlp.stages.topics.TopicClassifier`): ")
              + "TF-IDF over pkuseg token 1-2-grams and character 1-3-grams, a linear SVM, "
              "Platt-calibrated probabilities. Plain model files (`model.json`, `model.npz`): "
              "loading executes no code from them.", ""]
    lines += ["## Labels", "", "| label | 中文 | training paragraphs |", "|---|---|---|"]
    counts = metadata.get("training", {}).get("by_label", {})
    for label in model.classes_:
        try:
            zh = chinese_name(label)
        except ValueError:
            zh = ""
        lines.append(f"| {label} | {zh} | {counts.get(label, '')} |")
    lines += ["", "## Training data", ""]
    lines += data_lines or [f"User data: `{metadata.get('source_file')}` "
                            f"({metadata.get('training', {}).get('examples')} labelled rows)."]
    lines += ["", "## Metrics", ""]
    evaluation = metadata.get("evaluation")
    if evaluation:
        lines += [f"On {evaluation.get('set', 'the evaluation set')}: accuracy "
                  f"**{evaluation['accuracy']}**, macro-F1 **{evaluation['macro_f1']}** "
                  "(macro over the labels present).", ""]
        lines += _per_label_table(evaluation)
    cv = metadata.get("cross_validation")
    if cv:
        lines += ["", f"{cv['folds']}-fold cross-validation"
                  + (" grouped by document" if cv.get("grouped") else "") + ", mean over folds: "
                  + ", ".join(f"{k} **{v}**" for k, v in cv["mean"].items())
                  + " (baselines, per-fold scores, confusion: `evaluation.md`, `evaluation.json`)."]
    if metadata.get("crosswalk"):
        lines += ["", f"Crosswalk: `{metadata['crosswalk']['file']}` (saved in `model.json`)."]
    lines += ["", "## Library versions", ""]
    lines += [f"- {name}: {version}" for name, version in _versions().items()]
    lines += ["", f"Building took {metadata.get('training_seconds')} s wall time (segmentation "
              "included).", ""]
    (output / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
