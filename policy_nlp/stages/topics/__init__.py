"""Paragraph topics: the default codebook and a calibrated linear classifier.

The codebook (``policy_nlp/data/codebook.json``, documented in
``docs/topics.md``) has eleven labels, each with a Chinese name and a
crosswalk to the gov.cn 主题分类 (level 1) and to the Comparative Agendas
Project (CAP) major topics:

>>> labels()[:3]
['economy', 'industry', 'science_education']
>>> crosswalk("agriculture_rural")["cap"]
[4]

:class:`TopicClassifier` (in :mod:`policy_nlp.stages.topics.estimators`,
importable from here) is a scikit-learn estimator over pkuseg tokens and
character n-grams (TF-IDF), with a linear SVM whose scores are calibrated
into probabilities (Platt scaling on cross-validated decision values). It
accepts any label set, so a researcher's own coding scheme trains the same
way (see :mod:`policy_nlp.apps.training`).

Model files are a plain format: ``model.json`` (parameters, labels,
vocabularies, library versions, metadata) and ``model.npz`` (numeric arrays,
read with ``allow_pickle=False``). Loading a model never executes code from
the file; :func:`load_model` gives a :class:`TopicModel`, which scores
paragraphs as the saved estimator does (bit-identical probabilities) with
numpy alone, so annotating imports neither scikit-learn nor scipy.

The package, each module importing only those before it: ``codebook`` (labels,
crosswalks, seed terms), ``kinds`` (boilerplate and headings), ``context``
(title, document and neighbours), ``features`` (tokens, TF-IDF counted in
bulk), ``calibration`` (scores -> probabilities, one function for training and
annotating), ``estimators`` (the scikit-learn estimators, training only),
``multilabel`` (one-vs-rest, crosswalks to other codebooks), ``scoring``
(:class:`TopicModel`, numpy only), ``classify`` (paragraph results, heading
inheritance), ``files`` (save, check, load; the default model).
"""

from policy_nlp.stages.topics.codebook import (cap_codes, chinese_name, crosswalk, govcn_classes, is_codebook,
                                               keyword_label, keyword_scores, labels, load_codebook,
                                               seed_terms)
from policy_nlp.stages.topics.kinds import HEADING_MAX_CHARS, heading_level, is_boilerplate
from policy_nlp.stages.topics.features import tokenize
from policy_nlp.stages.topics.scoring import ESTIMATOR_PARAMS, TopicModel
from policy_nlp.stages.topics.classify import classify_paragraphs, document_scores, inherit_heading_topics, main_area
from policy_nlp.stages.topics.files import (DEFAULT_MODEL, FORMAT, FORMAT_VERSION, MAX_NGRAM, default_model,
                                            load_model, model_metadata, save_model)


__all__ = ["TopicClassifier", "TopicModel", "labels", "load_codebook", "chinese_name", "crosswalk",
           "cap_codes", "govcn_classes", "is_codebook", "seed_terms", "keyword_scores", "keyword_label",
           "is_boilerplate", "heading_level", "HEADING_MAX_CHARS", "tokenize", "ESTIMATOR_PARAMS",
           "classify_paragraphs", "document_scores", "inherit_heading_topics", "main_area", "DEFAULT_MODEL",
           "FORMAT", "FORMAT_VERSION", "MAX_NGRAM", "save_model", "load_model", "model_metadata",
           "default_model"]


def __getattr__(name):
    # The scikit-learn estimators (training) live in topics.estimators, so that
    # annotating with a saved model does not import scikit-learn.
    if name in ("TopicClassifier", "_word_vectorizer", "_char_vectorizer"):
        from policy_nlp.stages.topics import estimators as topic_estimators
        return getattr(topic_estimators, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
