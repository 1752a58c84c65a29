"""The codebook: labels, Chinese names, crosswalks (CAP, gov.cn) and seed terms."""

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=None)
def load_codebook():
    """The default codebook as a dict (read once from ``data/codebook.json``).

    Examples
    --------
    >>> cb = load_codebook()
    >>> len(cb["labels"]), cb["labels"][0]["zh"]
    (11, '经济运行与改革开放')
    """
    text = resources.files("policy_nlp").joinpath("data/codebook.json").read_text(encoding="utf-8")
    return json.loads(text)


def labels():
    """The eleven default labels, in codebook order.

    Examples
    --------
    >>> labels()[-1]
    'general'
    """
    return [entry["label"] for entry in load_codebook()["labels"]]


def is_codebook(names):
    """True when every label in ``names`` is one of the default codebook's: a
    model of the codebook (the packaged one, or one trained on its labels),
    whose labels mean what the codebook says, so that its crosswalks, seed
    terms and the context's priors (the title table, the penalty on
    ``general``) apply. A codebook of one's own is not one, even when some of
    its labels share a name with it (``economy``, ``general``).

    Examples
    --------
    >>> is_codebook(["economy", "general"]), is_codebook(["economy", "welfare", "general"])
    (True, False)
    """
    return set(map(str, names)) <= set(labels())


def _entry(label):
    for entry in load_codebook()["labels"]:
        if entry["label"] == label:
            return entry
    raise ValueError(f"unknown topic label {label!r}; the default codebook has {labels()}")


def chinese_name(label):
    """The Chinese name of a default label.

    Examples
    --------
    >>> chinese_name("environment")
    '生态环境'
    """
    return _entry(label)["zh"]


def crosswalk(label):
    """Where a default label sits in the gov.cn and CAP classifications.

    Returns
    -------
    dict
        ``{"label", "zh", "govcn": [level-1 class, ...], "govcn_parts":
        [{"level1", "part"}, ...], "cap": [code, ...], "cap_names": [...]}``.
        ``part`` says which part of a gov.cn class the label covers (None:
        all of it), e.g. only the transport part of 工业、交通.

    Examples
    --------
    >>> c = crosswalk("urban_rural_development")
    >>> c["govcn"]
    ['城乡建设、环境保护', '工业、交通']
    >>> c["cap"], c["cap_names"]
    ([10, 14], ['Transportation', 'Housing'])
    """
    entry = _entry(label)
    names = load_codebook()["cap_major_topics"]
    return {
        "label": label,
        "zh": entry["zh"],
        "govcn": [g["level1"] for g in entry["govcn"]],
        "govcn_parts": [dict(g) for g in entry["govcn"]],
        "cap": list(entry["cap"]),
        "cap_names": [names[str(code)] for code in entry["cap"]],
    }


def cap_codes(topic):
    """CAP major topic codes of a label or of a :func:`classify_paragraphs` result.

    Examples
    --------
    >>> cap_codes("economy")
    [1, 15, 18]
    >>> cap_codes({"label": "culture", "score": 0.9, "scores": {}})
    [23]
    >>> cap_codes(None)
    []
    """
    label = topic.get("label") if isinstance(topic, dict) else topic
    return crosswalk(label)["cap"] if label else []


def govcn_classes(topic):
    """gov.cn 主题分类 level-1 classes of a label or a classification result.

    Examples
    --------
    >>> govcn_classes("science_education")
    ['科技、教育']
    """
    label = topic.get("label") if isinstance(topic, dict) else topic
    return crosswalk(label)["govcn"] if label else []


def seed_terms(label=None):
    """Seed terms (term -> weight) of one label, or of all labels as a dict.

    These drive the keyword baseline and the weak labels of the training set
    (:mod:`policy_nlp.apps.training`); the classifier does not use them.

    Examples
    --------
    >>> seed_terms("agriculture_rural")["乡村振兴"]
    3
    """
    if label is None:
        return {e["label"]: dict(e["seed_terms"]) for e in load_codebook()["labels"]}
    return dict(_entry(label)["seed_terms"])


def keyword_scores(text, terms=None):
    """Weighted seed-term counts of ``text`` per label (the keyword baseline).

    A term found inside a longer matched term of the same label still counts:
    the weights were set with that in mind (乡村振兴 also counts 乡村).

    Examples
    --------
    >>> s = keyword_scores("稳定粮食播种面积，提高农民种粮收益。")
    >>> max(s, key=s.get)
    'agriculture_rural'
    """
    terms = seed_terms() if terms is None else terms
    return {label: float(sum(w * text.count(t) for t, w in words.items()))
            for label, words in terms.items()}


def keyword_label(text, terms=None, default="general"):
    """The label with the highest keyword score; ``default`` when none matches.

    Examples
    --------
    >>> keyword_label("深入打好污染防治攻坚战。")
    'environment'
    >>> keyword_label("各位代表：")
    'general'
    """
    scores = keyword_scores(text, terms)
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default
