"""Reports of a training run: the evaluation tables (``evaluation.md``) and ``MODEL_CARD.md``."""

import unicodedata
from pathlib import Path

from policy_nlp.stages.topics.multilabel import MultiLabelTopicClassifier
from policy_nlp.apps.training.scores import headline_scores


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


# What the headline scores mean, under the cross-validation table: a reader new to them
# otherwise cannot tell a good model from a guess.
# how the cross-validation figures are read, whatever they are (the last sentence of either legend)
_FOLDS_LEGEND = ("Each is the mean over the folds ± its standard deviation; a model worth using scores "
                 "above both baselines.")
SCORES_LEGEND = (
    "accuracy: the share of paragraphs given their label. F1 of a label: the harmonic mean of its "
    "precision (of the paragraphs given the label, the share that have it) and recall (of the paragraphs "
    "that have it, the share given it). macro_f1: the mean of the labels' F1, each label counting alike, "
    "so a rare label the model misses costs as much as a common one; weighted_f1: the same mean weighted "
    "by each label's paragraphs. " + _FOLDS_LEGEND)
SCORES_LEGEND_MULTI = (
    "F1 of a label: the harmonic mean of its precision and recall over the paragraphs; micro_f1 pools every "
    "label decision, macro_f1 is the mean of the labels' F1 (each label counting alike), weighted_f1 that mean "
    "weighted by each label's paragraphs, subset_accuracy the share of paragraphs given exactly their label "
    "set, hamming_loss the share of wrong label decisions (lower is better). " + _FOLDS_LEGEND)


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _per_label_table(report):
    return _table(["label", "precision", "recall", "F1", "support"],
                  [[label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", m["support"]]
                   for label, m in report["per_label"].items()])


def _weights_line(weights):
    """How the rows were weighted, for the report and the model card."""
    return (f"Rows weighted by column `{weights['column']}` (sum of weights {weights['sum']:g}"
            + (f"; {weights['zero']} rows of weight 0 left out of training" if weights["zero"] else "")
            + "): the model's fits use the weights; the scores count every held-out row once.")


def format_report(report):
    """The evaluation report as Markdown (readable as plain text too)."""
    multi = report["task"] == "multi-label"
    lines = [f"# Evaluation of a {report['task']} topic model", "",
             f"Data: `{report['source']}`: {report['n']} labelled paragraphs"
             + (f" in {report['documents']} documents" if report.get("documents") else "")
             + f", {len(report['labels'])} labels"
             + (f"; {report['skipped_blank_labels']} row{'s' * (report['skipped_blank_labels'] > 1)} with a "
                "blank label skipped" if report["skipped_blank_labels"] else "")
             + (f"; dropped (--min-per-label): {report['dropped_labels']}" if report["dropped_labels"] else "")
             + ".", ""]
    weights = report.get("weights")
    if weights:
        lines += [_weights_line(weights), ""]
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
        lines += ["", SCORES_LEGEND_MULTI if multi else SCORES_LEGEND]
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
        metrics = list(headline_scores(model, multi))
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
    from policy_nlp.stages.topics import chinese_name, is_codebook
    from policy_nlp.stages.topics.files import library_versions
    output = Path(output)
    multi = isinstance(model, MultiLabelTopicClassifier)
    lines = [f"# Topic model `{metadata.get('name', output.name)}`", ""]
    lines += ["Paragraph topic classifier of policy_nlp "
              + ("(`policy_nlp.stages.topics.multilabel.MultiLabelTopicClassifier`, one-vs-rest, threshold "
                 f"{model.threshold}): " if multi else "(`policy_nlp.stages.topics.TopicClassifier`): ")
              + "TF-IDF over pkuseg token 1-2-grams and character 1-3-grams, a linear SVM, "
              "Platt-calibrated probabilities. Plain model files (`model.json`, `model.npz`): "
              "loading executes no code from them.", ""]
    counts = metadata.get("training", {}).get("by_label", {})
    # a codebook of your own has no 中文 names (no empty column), nor the codebook's for its
    # labels named alike: its economy or general is not the codebook's
    codebook = is_codebook(model.classes_)
    names = {label: chinese_name(label) if codebook else "" for label in model.classes_}
    chinese = codebook
    header = ["label", "中文", "training paragraphs"] if chinese else ["label", "training paragraphs"]
    lines += ["## Labels", ""] + _table(header, [])
    for label in model.classes_:
        lines.append(f"| {label} | {names[label]} | {counts.get(label, '')} |" if chinese
                     else f"| {label} | {counts.get(label, '')} |")
    lines += ["", "## Training data", ""]
    lines += data_lines or [f"User data: `{metadata.get('source_file')}` "
                            f"({metadata.get('training', {}).get('examples')} labelled rows)."]
    if metadata.get("training", {}).get("weights"):
        lines += ["", _weights_line(metadata["training"]["weights"])]
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
    if metadata.get("catch_all"):
        lines += ["", f"Catch-all label: `{metadata['catch_all']}` (headings over mixed sections take it; "
                      "a document's main topic sets it aside)."]
    lines += ["", "Annotating with it (`annotate --topic-model`) weighs each paragraph by its document, "
              "which the scores above do not: " + (
                  "the labels are the default codebook's, so the area a title names (在全县安全生产工作会议上的讲话) "
                  "and the penalty on `general` for long paragraphs apply, as to the default model."
                  if codebook else "the labels are not the default codebook's, so only the parts that read no "
                  "label apply (a policy document's whole-document prior; meeting openings keep their own "
                  "result), not its title areas nor its penalty on `general`.")
              + " Headings take the topic of the body they head (docs/topics.md)."]
    lines += ["", "## Library versions", ""]
    lines += [f"- {name}: {version}" for name, version in library_versions().items()]
    lines += ["", f"Building took {metadata.get('training_seconds')} s wall time (segmentation "
              "included).", ""]
    (output / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
