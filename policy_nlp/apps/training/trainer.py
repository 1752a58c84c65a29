"""The train entry point: read, cross-validate, fit the final model, save it with its reports."""

import json
import re
import time
import unicodedata
from pathlib import Path

from policy_nlp.errors import TrainingDataError
from policy_nlp.stages.topics import save_model, tokenize
from policy_nlp.stages.topics.multilabel import crosswalk_name, read_crosswalk
from policy_nlp.apps.training.data import LabelledData, read_labelled
from policy_nlp.apps.training.crossval import (cross_validate, crosswalk_scores, fit_learnable, held_out_report,
                                               make_estimator, predicted_labels)
from policy_nlp.apps.training.reports import format_report, write_model_card

RARE = 10  # labels with fewer examples get unreliable scores: the report says so
STRAY = 2  # a label given this few times is named with its rows (a typo makes a label of its own)


def train(data, output_dir, *, text_column="text", label_column="label", group_column=None,
          label_sep=None, test=None, folds=5, min_per_label=0, threshold=0.5, crosswalk=None,
          weight_column=None, catch_all=None, random_state=0, verbose=True, **params):
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
    catch_all : str, optional
        The codebook's catch-all label (其他), saved with the model and treated as the default
        codebook's ``general`` (:func:`~policy_nlp.stages.topics.classify.catch_all_label`).
    weight_column : str, optional
        Row weights (:func:`read_labelled`): each fold's fit and the final fit get them as
        ``sample_weight``; scores stay unweighted; report and model card give column and sum.
    verbose : bool
        Log each cross-validation fold (``logging``, level INFO, logger
        ``policy_nlp``); nothing is printed.
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
        Unreadable or empty input, unknown column, a label without text, a bad weight.
    TrainingDataError
        ``folds`` of 1, too few documents or rows for the folds, fewer than
        two labels, a label with a single example (advice in the message), a
        ``catch_all`` none of the labels.

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
    # long: its numpydoc docstring is 58 of its 85 lines; the body is the run's steps
    started = time.time()
    if not isinstance(data, LabelledData):
        data = read_labelled(data, text_column, label_column, group_column, label_sep, min_per_label, test,
                             weight_column)
    mapping = read_crosswalk(crosswalk) if crosswalk else None
    report = _data_report(data, folds, catch_all)
    tokens = [tokenize(t) for t in data.texts]
    if folds:
        cv = cross_validate(data, folds, random_state, verbose, tokens=tokens, threshold=threshold, **params)
        predictions = cv.pop("predictions")
        report["cross_validation"] = _beaten_advice(report, cv)
        if mapping:
            report["crosswalk"] = crosswalk_scores(data.labels, predictions, mapping, data.multi_label)
    model = _fit_final(data, tokens, report, threshold, random_state, **params)
    if data.test is not None:
        report["test"] = _test_report(model, data, tokens, mapping)
    output_dir = Path(output_dir)
    report["training_seconds"] = round(time.time() - started, 1)
    metadata = _model_metadata(output_dir, data, report, folds, crosswalk, mapping, catch_all)
    _save_trained(output_dir, model, report, metadata)
    return report  # where and how fast it was saved is the caller's to say (the train command prints it)


def _data_report(data, folds, catch_all=None):
    """The report's opening: what was read, and advice about rare labels and grouping;
    a ``catch_all`` none of the labels is refused here, before the cross-validation."""
    counts = data.label_counts()
    if catch_all is not None and catch_all not in counts:
        raise TrainingDataError(f"{data.source}: the catch-all label {catch_all!r} is none of the labels "
                                f"({', '.join(sorted(counts))})")
    report = {"source": data.source, "task": "multi-label" if data.multi_label else "single-label",
              "text_column": data.text_column, "label_column": data.label_column,
              "n": len(data.texts), "labels": sorted(counts), "label_counts": counts,
              "skipped_blank_labels": data.skipped_blank, "dropped_labels": data.dropped,
              "documents": len(set(data.groups)) if data.groups else None, "advice": []}
    if data.weights is not None:
        report["weights"] = {"column": data.weight_column, "sum": round(sum(data.weights), 6),
                             "zero": sum(1 for w in data.weights if w == 0)}
    rare = {label: n for label, n in counts.items() if n < RARE}
    report["rare_labels"] = rare
    if rare:
        report["advice"].append(
            f"labels with fewer than {RARE} examples ({', '.join(f'{k}: {v}' for k, v in rare.items())}) "
            "get unreliable scores: label more of them (policy-nlp suggest finds candidates), merge them "
            f"into a related label, or drop them with --min-per-label {RARE}")
    report["advice"] += [_stray_label_advice(data, label, counts) for label, n in rare.items() if n <= STRAY]
    report["advice"] += _variant_label_advice(counts)
    report["advice"] += data.notes
    if data.groups is None and folds:
        report["advice"].append("no document column: paragraphs of one document can fall on both sides "
                                "of a split, which makes the scores optimistic; give --group-column")
    return report


def _stray_label_advice(data, label, counts):
    """Where a label of one or two rows is, and the common label it may be a typo of
    (三衣 for 三农, Econmy for Economy): a coder's slip trains a label of its own."""
    from difflib import get_close_matches
    rows = [row for row, target in zip(data.rows or [], data.labels)
            if target == label or (data.multi_label and label in target)]
    common = [other for other, n in counts.items() if n > STRAY]
    close = get_close_matches(label, common, n=1, cutoff=0.5)
    return (f"label {label!r} is given {counts[label]} time{'s' * (counts[label] > 1)}"
            + (f" ({', '.join(rows)})" if rows else "")
            + (f": a typo of {close[0]!r}? correct the cell" if close else ": check the cell") + " and train again")


def _variant_label_advice(counts):
    """Labels written in several ways (Economy and economy, social welfare and social_welfare,
    Ｅconomy in full width): each trains a label of its own, whatever their counts."""
    spellings = {}
    for label in sorted(counts):
        spellings.setdefault(re.sub(r"[\s_\-]+", "", unicodedata.normalize("NFKC", label).casefold()), []).append(label)
    return [f"labels {', '.join(f'{label!r} ({counts[label]})' for label in same)} differ only in case, width, "
            f"blanks or hyphens: the model learns them as {len(same)} labels; write them alike (unless they are "
            "codes apart) and train again" for same in spellings.values() if len(same) > 1]


# headline scores of which less is better (a multi-label model's share of wrong label decisions)
_LOSSES = frozenset(("hamming_loss",))


def _beaten_advice(report, cv):
    """Advice when the model does not beat a baseline on every headline score: a
    reader of its topic shares would otherwise learn it only from the table.
    Returns ``cv``."""
    mean = cv["mean"]
    beaten = [f"{metric} {mean['model'][metric]:.3f} vs {name} {mean[name][metric]:.3f}"
              for metric in mean["model"] for name in ("majority", "keyword")
              if (mean["model"][metric] >= mean[name][metric] if metric in _LOSSES
                  else mean["model"][metric] <= mean[name][metric])]
    if beaten:
        report["advice"].append(
            f"the model does no better than a baseline in cross-validation ({'; '.join(beaten)}): "
            "its labels are little more than a guess; code more paragraphs (policy-nlp suggest picks "
            "the most useful), or merge labels, before counting topic shares")
    return cv


def _test_report(model, data, tokens, mapping):
    """Scores on the held-out test set, repeated in crosswalk codes when there is a mapping."""
    report = held_out_report(model, data, tokens, data.labels)
    if mapping:
        test_tokens = [tokenize(t) for t in data.test.texts]
        report["crosswalk"] = crosswalk_scores(
            data.test.labels, predicted_labels(model, test_tokens, data.multi_label), mapping, data.multi_label)
    return report


def _fit_final(data, tokens, report, threshold, random_state, **params):
    """The saved model, fit on every training row; labels it had to leave out go into the advice."""
    model = make_estimator(data.multi_label, threshold, random_state, **params)
    try:
        left_out = fit_learnable(model, tokens, data.labels, data.multi_label, data.weights)
    except TrainingDataError as error:
        raise TrainingDataError(f"{data.source}: {error}") from None
    if left_out:
        report["advice"].append(f"labels left out of the model (fewer than 2 examples): {left_out}; "
                                "use --min-per-label 2 to drop them explicitly")
    report["model_labels"] = [str(c) for c in model.classes_]
    return model


def _model_metadata(output_dir, data, report, folds, crosswalk, mapping, catch_all=None):
    """``model.json``'s description of the training run (also the model card's source)."""
    metadata = {"name": output_dir.name, "source_file": data.source, "text_column": data.text_column,
                "label_column": data.label_column, "task": report["task"],
                "training_seconds": report["training_seconds"],
                "training": {"examples": len(data.texts), "by_label": report["label_counts"]}}
    if "weights" in report:
        metadata["training"]["weights"] = report["weights"]
    if "cross_validation" in report:
        metadata["cross_validation"] = {"folds": folds, "grouped": report["cross_validation"]["grouped"],
                                        "mean": report["cross_validation"]["mean"]["model"]}
    if mapping:
        # the topics stage adds these codes to every paragraph topic, under this name
        metadata["crosswalk"] = {"name": crosswalk_name(crosswalk), "file": str(crosswalk), "mapping": mapping}
    if catch_all is not None:  # the topics stage treats it as general (classify.catch_all_label)
        metadata["catch_all"] = catch_all
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
