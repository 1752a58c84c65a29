"""One-vs-rest multi-label paragraph topics, and crosswalks to other codebooks.

:class:`MultiLabelTopicClassifier` is :class:`~policy_nlp.stages.topics.TopicClassifier`
with one calibrated linear SVM per label: each label gets its own
probability (they do not sum to 1) and a paragraph carries every label whose
probability reaches ``threshold``. It saves to the same pickle-free files
(``model.json`` + ``model.npz``) and :func:`~policy_nlp.stages.topics.load_model`
applies them. The class is defined in :mod:`policy_nlp.stages.topics.estimators`
(it imports scikit-learn; the crosswalks here, used by every annotation run, do not).

A crosswalk maps the labels of one codebook to the codes of another (many to
many): :func:`read_crosswalk` reads it from JSON or CSV, :func:`to_codes`
turns a paragraph topic into codes with scores, :func:`model_crosswalks`
gives the crosswalks a model reports in (the one it was trained with, the
default codebook's CAP and gov.cn ones) and :func:`topic_codes` the codes the
topics stage adds to every paragraph topic.
"""

import csv
import json
from pathlib import Path

from policy_nlp.errors import DocumentError
from policy_nlp.lang.encodings import read_decoded
from policy_nlp.stages.topics.codebook import cap_codes, govcn_classes, is_codebook, labels as codebook_labels


def __getattr__(name):
    # The estimator imports scikit-learn; it lives in estimators so that the
    # crosswalks below (used by every annotation run) do not.
    if name == "MultiLabelTopicClassifier":
        from policy_nlp.stages.topics.estimators import MultiLabelTopicClassifier
        return MultiLabelTopicClassifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# Crosswalks


def read_crosswalk(path):
    """A crosswalk file as ``{label: [code, ...]}``.

    JSON: an object ``{"label": ["code", ...]}`` (a single code may be a
    string). CSV/TSV: a header with columns ``label`` and ``code``, one row
    per pair (a label may have several rows; codes may also be joined with ``;``).
    UTF-8, GBK/GB18030 and UTF-16 with a byte-order mark are read.

    Raises
    ------
    DocumentError
        Missing file, wrong shape, missing columns.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "cw.csv"
    >>> _ = p.write_text("label,code\\nfarm,4\\nfarm,13\\nenv,7\\n", encoding="utf-8")
    >>> read_crosswalk(p)
    {'farm': ['4', '13'], 'env': ['7']}
    """
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such crosswalk file")
    text = read_decoded(path, "crosswalk")  # UTF-8, GBK or UTF-16 (spreadsheets save all three)
    mapping = {}
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise DocumentError(path, f"not JSON: {error}") from None
        if not isinstance(data, dict):
            raise DocumentError(path, 'a JSON crosswalk is an object {"label": ["code", ...]}')
        for label, codes in data.items():
            codes = [codes] if isinstance(codes, (str, int)) else codes
            if not isinstance(codes, list):
                raise DocumentError(path, f"codes of {label!r} must be a list or a string")
            mapping[str(label)] = [str(c) for c in codes]
        return mapping
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    if not {"label", "code"} <= set(reader.fieldnames or []):
        raise DocumentError(path, f"a CSV crosswalk needs columns 'label' and 'code'; found {reader.fieldnames}")
    for row in reader:
        label = (row["label"] or "").strip()
        for code in (row["code"] or "").split(";"):
            if label and code.strip() and code.strip() not in mapping.setdefault(label, []):
                mapping[label].append(code.strip())
    if not mapping:
        raise DocumentError(path, "the crosswalk has no label-code pairs")
    return mapping


def to_codes(topic, mapping):
    """A paragraph topic in the codes of a crosswalk.

    Parameters
    ----------
    topic : dict or None
        ``{"label", "score", "scores", ...}`` as the topics stage gives it.
    mapping : dict
        ``{label: [code, ...]}`` (:func:`read_crosswalk`).

    Returns
    -------
    dict or None
        ``{"codes": [...], "code_scores": {code: score}}``: ``codes`` are the
        codes of the topic's label (of every label in ``labels`` for a
        multi-label topic); a code's score is the largest probability of a
        label that maps to it. Labels without codes contribute nothing.

    Examples
    --------
    >>> to_codes({"label": "farm", "score": 0.8, "scores": {"farm": 0.8, "env": 0.2}},
    ...          {"farm": ["4", "13"], "env": ["7"]})
    {'codes': ['4', '13'], 'code_scores': {'4': 0.8, '13': 0.8, '7': 0.2}}
    """
    if topic is None:
        return None
    code_scores = {}
    for label, score in sorted(topic.get("scores", {}).items(), key=lambda kv: -kv[1]):
        for code in mapping.get(label, []):
            code_scores[code] = max(code_scores.get(code, 0.0), score)
    codes = []
    for label in topic.get("labels") or [topic["label"]]:
        codes.extend(c for c in mapping.get(label, []) if c not in codes)
    return {"codes": codes, "code_scores": code_scores}


def crosswalk_name(path):
    """The name a crosswalk file reports under: its file name without suffix.

    Examples
    --------
    >>> crosswalk_name("coding/cap.csv")
    'cap'
    """
    return Path(path).stem or "codes"


def codebook_crosswalks():
    """The default codebook's crosswalks as ``{"cap": mapping, "govcn": mapping}``.

    CAP major topic codes (as strings, like every crosswalk code) from
    :func:`~policy_nlp.stages.topics.cap_codes`, gov.cn 主题分类 level-1
    classes from :func:`~policy_nlp.stages.topics.govcn_classes`.

    Examples
    --------
    >>> cw = codebook_crosswalks()
    >>> cw["cap"]["agriculture_rural"], cw["govcn"]["culture"]
    (['4'], ['文化、广电、新闻出版'])
    """
    return {"cap": {label: [str(code) for code in cap_codes(label)] for label in codebook_labels()},
            "govcn": {label: govcn_classes(label) for label in codebook_labels()}}


def model_crosswalks(model):
    """The crosswalks a topic model reports in: ``{name: {label: [code, ...]}}``.

    A model whose labels are all default-codebook labels (the packaged model,
    or one trained on the codebook) reports the codebook's ``cap`` and
    ``govcn`` crosswalks; a model trained with ``--crosswalk FILE`` reports
    the mapping saved in its metadata, under the file's name
    (:func:`crosswalk_name`). Empty for any other model.

    Examples
    --------
    >>> from policy_nlp.stages.topics import default_model
    >>> sorted(model_crosswalks(default_model()))
    ['cap', 'govcn']
    """
    crosswalks = {}
    if is_codebook(model.classes_):
        crosswalks.update(codebook_crosswalks())
    saved = (getattr(model, "metadata_", None) or {}).get("crosswalk")
    if isinstance(saved, dict) and isinstance(saved.get("mapping"), dict):
        crosswalks[saved.get("name") or crosswalk_name(saved.get("file") or "codes")] = saved["mapping"]
    return crosswalks


def topic_codes(topic, crosswalks):
    """The codes of a paragraph topic in each crosswalk: ``{name: [code, ...]}``.

    The codes of the topic's label (of every label in ``labels`` for a
    multi-label topic), in the order of the mapping; :func:`to_codes` gives
    them with scores.

    Examples
    --------
    >>> topic_codes({"label": "social_welfare", "score": 0.9, "scores": {}}, codebook_crosswalks())["cap"]
    ['3', '5', '13']
    >>> topic_codes(None, codebook_crosswalks()) is None
    True
    """
    if topic is None:
        return None
    return {name: to_codes({**topic, "scores": {}}, mapping)["codes"] for name, mapping in crosswalks.items()}
