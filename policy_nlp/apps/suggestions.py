"""Which paragraphs to code next: uncertainty sampling spread over documents and labels.

:func:`suggest` reads an unlabelled corpus, scores every substantive paragraph
with a topic model and picks the ``n`` the model is least sure of — smallest
margin between its two best labels (multi-label: a label probability closest
to the threshold) — while spreading them over documents and predicted labels
and skipping near-duplicates (cosine similarity of the model's own TF-IDF
features). It writes a CSV a coder fills in (``label`` column) and that
``policy-nlp train`` reads back (blank labels are skipped, ``doc_id`` groups
the cross-validation).

:func:`select` is the selection step alone, reused by
``benchmarks/active_learning.py``.
"""

import csv
import math
from collections import Counter
from pathlib import Path

import numpy as np

from policy_nlp.errors import DocumentError
from policy_nlp.stages.paragraphs import find_paragraphs
from policy_nlp.stages.topics import heading_level, is_boilerplate, load_model, tokenize

COLUMNS = ("doc_id", "paragraph", "text", "predicted", "score", "label")
MIN_CHARS = 15  # shorter lines (headings, salutations) teach the model little
DUPLICATE = 0.8  # cosine similarity above which a candidate repeats one already chosen


def uncertainty(proba, threshold=None):
    """How unsure the model is of each row, in [0, 1] (1: most unsure).

    Single-label: one minus the margin between the two most probable labels.
    Multi-label (``threshold`` given): one minus twice the smallest distance
    of a label's probability to the threshold.

    Examples
    --------
    >>> uncertainty(np.array([[0.5, 0.4, 0.1], [0.9, 0.05, 0.05]])).round(2).tolist()
    [0.9, 0.15]
    >>> uncertainty(np.array([[0.55, 0.1]]), threshold=0.5).round(2).tolist()
    [0.9]
    """
    proba = np.asarray(proba, dtype=float)
    if threshold is not None:
        return 1.0 - 2.0 * np.abs(proba - threshold).min(axis=1)
    top = np.sort(proba, axis=1)[:, ::-1]
    return 1.0 - (top[:, 0] - top[:, 1])


def select(scores, predicted, groups, n, features=None, duplicate=DUPLICATE):
    """Indices of ``n`` rows: most uncertain first, spread over groups and labels.

    Each document and each predicted label gets at most its fair share
    (``n`` divided by the number of documents, resp. labels, rounded up); the
    caps are doubled, then lifted, when too few rows pass them. A row whose
    features are more similar than ``duplicate`` to a chosen row is skipped
    (unless nothing else is left: ``n`` rows are always returned when there are).

    Parameters
    ----------
    scores : array of float
        Uncertainty per row (higher: pick first).
    predicted, groups : sequence
        Predicted label and document of each row.
    features : sparse or dense matrix, optional
        L2-normalised rows (the model's TF-IDF) for the duplicate check.

    Examples
    --------
    >>> select([0.9, 0.8, 0.7, 0.1], ["a", "a", "b", "b"], ["d1", "d1", "d1", "d2"], 2)
    [0, 3]
    """
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    n = min(n, len(order))
    doc_cap = math.ceil(n / max(1, len(set(groups))))
    label_cap = math.ceil(n / max(1, len(set(predicted))))
    chosen, per_doc, per_label = [], Counter(), Counter()
    norms = None
    if features is not None:
        norms = np.sqrt(np.asarray(features.multiply(features).sum(axis=1)).ravel()
                        if hasattr(features, "multiply") else (np.asarray(features) ** 2).sum(axis=1))
    for relax in (1, 2, None):
        for i in order:
            if len(chosen) >= n:
                return chosen
            if i in chosen:
                continue
            if relax and (per_doc[groups[i]] >= relax * doc_cap or per_label[predicted[i]] >= relax * label_cap):
                continue
            if (relax and features is not None and chosen
                    and _too_similar(features, norms, i, chosen, duplicate)):
                continue
            chosen.append(int(i))
            per_doc[groups[i]] += 1
            per_label[predicted[i]] += 1
    return chosen


def _too_similar(features, norms, i, chosen, duplicate):
    row = features[i]
    similarity = np.asarray((features[chosen] @ row.T).todense() if hasattr(row, "todense")
                            else features[chosen] @ row).ravel()
    similarity = similarity / np.maximum(norms[chosen] * norms[i], 1e-12)
    return bool((similarity > duplicate).any())


def corpus_paragraphs(inputs, text_column="text", id_column="id", pattern=None, min_chars=MIN_CHARS,
                      exclude=()):
    """``(doc_id, paragraph index, text)`` of every codable paragraph of a corpus.

    Skips boilerplate, headings and paragraphs shorter than ``min_chars``
    (their topic comes from the body they head), and texts in ``exclude``
    (already coded). Paragraph indices count every paragraph of the document
    (:func:`~policy_nlp.stages.paragraphs.find_paragraphs`).

    Raises
    ------
    DocumentError
        No readable document.
    """
    from policy_nlp.io.corpus import read_inputs
    exclude = set(exclude)
    out, failed = [], []
    for record in read_inputs(inputs, pattern=pattern, text_column=text_column, id_column=id_column):
        if isinstance(record, DocumentError):
            failed.append(record)
            continue
        for index, (start, end) in enumerate(find_paragraphs(record.text)):
            text = record.text[start:end]
            if (len(text) < min_chars or is_boilerplate(text) or heading_level(text) is not None
                    or text in exclude):
                continue
            out.append((record.id, index, text))
    if not out:
        reasons = "; ".join(str(e) for e in failed[:3])
        raise DocumentError(", ".join(map(str, inputs)), "no paragraph to suggest"
                            + (f" ({reasons})" if reasons else ""))
    return out


def rank(model, paragraphs, n, tokens=None):
    """The rows of ``paragraphs`` to code next, with the model's guess.

    Returns
    -------
    list of dict
        ``{"doc_id", "paragraph", "text", "predicted", "score", "uncertainty"}``
        in the order chosen (most useful first).
    """
    tokens = tokens if tokens is not None else [tokenize(text) for _, _, text in paragraphs]
    proba = model.predict_proba(tokens)
    classes = [str(c) for c in model.classes_]
    threshold = getattr(model, "threshold", None)
    unsure = uncertainty(proba, threshold)
    best = np.argmax(proba, axis=1)
    if threshold is not None:
        guesses = [";".join(c for c, p in sorted(zip(classes, row), key=lambda cp: -cp[1]) if p >= threshold)
                   for row in proba]
    else:
        guesses = [classes[b] for b in best]
    groups = [doc for doc, _, _ in paragraphs]
    chosen = select(unsure, [classes[b] for b in best], groups, n, features=model._features(tokens))
    return [{"doc_id": paragraphs[i][0], "paragraph": paragraphs[i][1], "text": paragraphs[i][2],
             "predicted": guesses[i], "score": round(float(proba[i, best[i]]), 4),
             "uncertainty": round(float(unsure[i]), 4)} for i in chosen]


def coded_columns(metadata):
    """The ``(text_column, label_column)`` a sheet coded for a model is read
    with: the columns it was trained on (its ``metadata_``) and a suggest
    sheet's ``text`` and ``label``, joined by commas where they differ
    (``"code,label"``: the first of them each file has, as ``policy-nlp train``
    reads them); the suggest sheet's first when the model's is another of its
    columns (texts trained from ``paragraph``, which a suggest sheet numbers).

    Examples
    --------
    >>> coded_columns({"text_column": "paragraph", "label_column": "code"}), coded_columns(None)
    (('text,paragraph', 'code,label'), ('text', 'label'))
    """
    metadata = metadata or {}
    found = []
    for key, column in (("text_column", "text"), ("label_column", "label")):
        own = str(metadata.get(key) or column)
        found.append(",".join(dict.fromkeys([column, own] if own in COLUMNS else [own, column])))
    return tuple(found)


def suggest(model, inputs, n=50, output=None, text_column="text", id_column="id", pattern=None,
            exclude=None):
    """Write the ``n`` paragraphs of a corpus most worth coding to a CSV.

    Parameters
    ----------
    model : str, Path or fitted classifier
        A model folder (``policy-nlp train`` output, or the default model).
    inputs : list of str or Path
        Files and folders, as ``policy-nlp annotate`` reads them.
    output : str or Path, optional
        The CSV (columns ``doc_id, paragraph, text, predicted, score, label``;
        ``label`` empty for the coder).
    exclude : str or Path, optional
        A file already coded (the columns the model was trained on, or
        ``text`` and ``label``, e.g. an earlier suggestion filled in:
        :func:`coded_columns`): its labelled paragraphs are not suggested again.

    Returns
    -------
    list of dict
        The rows written.
    """
    if isinstance(model, (str, Path)):
        model = load_model(model)
    done = ()
    if exclude:
        from policy_nlp.apps.training import read_labelled
        # the rows already given a label, in the columns the model was trained on (code, not label)
        done = read_labelled(exclude, *coded_columns(getattr(model, "metadata_", None))).texts
    paragraphs = corpus_paragraphs(list(inputs), text_column, id_column, pattern, exclude=done)
    rows = rank(model, paragraphs, n)
    if output:
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel opens it as UTF-8
            writer = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({**row, "label": ""})
    return rows
