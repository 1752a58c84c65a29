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

The package, by concern (each module importing only those before it): ``data``
(reading labelled data), ``scores`` (baselines and metrics), ``crossval``
(grouped cross-validation, the test split), ``reports`` (``evaluation.md``,
``MODEL_CARD.md``), ``trainer`` (:func:`train`). Every name is importable from
here.
"""

from policy_nlp.apps.training.data import GROUP_COLUMNS, SUFFIXES, LabelledData, read_labelled
from policy_nlp.apps.training.scores import KeywordBaseline, evaluate, score_multilabel, score_predictions
from policy_nlp.apps.training.crossval import cross_validate, crosswalk_scores, fit_learnable, make_estimator
from policy_nlp.apps.training.reports import display_width, format_confusion, format_report, pad, write_model_card
from policy_nlp.apps.training.trainer import RARE, train, train_from_file

__all__ = ["GROUP_COLUMNS", "SUFFIXES", "LabelledData", "read_labelled", "KeywordBaseline", "evaluate",
           "score_multilabel", "score_predictions", "cross_validate", "crosswalk_scores", "fit_learnable",
           "make_estimator", "display_width", "format_confusion", "format_report", "pad", "write_model_card",
           "RARE", "train", "train_from_file", "RECIPE", "MOVED_TO_RECIPE"]


# The default model's recipe lived here (and at the old path policy_nlp.topic_training) until it
# became a repository script: it reads the shared corpora and the repository's hand labels, which
# an installed package does not have. Old code asking for its names gets told where they went.
RECIPE = "models/topics-default/recipe.py"
MOVED_TO_RECIPE = frozenset({
    "build_default", "build_training_set", "training_summary", "weak_labels", "general_rule",
    "lead_sentence", "split_lines", "hand_labelled", "source_agreement", "work_reports",
    "congress_reports", "xi_speeches", "policy_documents", "main", "REPO", "SHARED_CORPORA",
    "HAND_LABELS", "HELD_OUT", "EVAL_WORK_REPORTS", "GOLD_WORK_REPORTS", "BLIND_WORK_REPORTS", "GOLD_CONGRESSES",
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

