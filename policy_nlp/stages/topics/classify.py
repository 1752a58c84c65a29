"""Paragraph results: classify paragraphs, the whole document, headings' inherited topics."""

import itertools

import numpy as np

from policy_nlp.stages.topics.kinds import SALUTATION_RE, heading_level, is_boilerplate
from policy_nlp.stages.topics.features import tokenize


def classify_paragraphs(model, paragraphs, headings="inherit", title=None, context=True, predict_proba=None,
                        meta=None, read_title=False):
    """Topic of each paragraph: ``{"label", "score", "scores"}`` or None.

    Parameters
    ----------
    model : TopicClassifier
    paragraphs : list of (str or list of str)
        The paragraphs of one document, in order (token lists are used as
        given; their concatenation is the text).
    headings : {"inherit", "own"}
        ``"inherit"`` (default) gives each heading (see :func:`heading_level`)
        the topic of the body it heads (:func:`inherit_heading_topics`);
        ``"own"`` classifies headings like any paragraph.
    title : str, optional
        The document's title or occasion: the area it names is part of the
        document prior (:mod:`policy_nlp.stages.topics.context`); a speech's
        (在……会议上的讲话) closes the policy-document gate, as in ``meta``.
    context : bool
        Weigh each paragraph's probabilities by its document and neighbours
        (:func:`policy_nlp.stages.topics.context.contextualize`, with the weights of a news report or
        a policy document, :func:`~policy_nlp.stages.topics.context.document_context`);
        False classifies every paragraph alone.
    predict_proba : callable, optional
        ``predict_proba(indices)``: the model's probabilities of the
        paragraphs at ``indices`` (increasing), for a caller that computes
        them faster; by default ``model.predict_proba`` of those paragraphs.
    meta : dict, optional
        The document's meta from cleaning: a salutation or speaker it read,
        or a speech's title or occasion, marks a speech, which is no policy
        document (:func:`~policy_nlp.stages.topics.context.is_speech`).
    read_title : bool
        With no ``title``, take :func:`~policy_nlp.stages.topics.context.find_title`'s, as the pipeline does.

    Returns
    -------
    list of dict or None
        None for an empty or boilerplate paragraph (:func:`is_boilerplate`).
        ``score`` is the calibrated probability of ``label``; ``scores``
        has every label's probability, rounded to 4 decimals. A multi-label
        model (:class:`~policy_nlp.stages.topics.multilabel.MultiLabelTopicClassifier`)
        adds ``labels`` (every label at or above its ``threshold``, most
        probable first; ``label`` is still the top one) and ``threshold``.

    Examples
    --------
    >>> from policy_nlp.stages.topics import DEFAULT_MODEL, load_model
    >>> model = load_model(DEFAULT_MODEL)
    >>> result = classify_paragraphs(model, ["（一）推进乡村全面振兴", "稳定粮食播种面积，提高种粮农民收益。", "Public domain"])
    >>> [r["label"] if r else None for r in result]
    ['agriculture_rural', 'agriculture_rural', None]
    """
    paragraphs = list(paragraphs)
    results = [None] * len(paragraphs)
    texts = ["".join(p) if not isinstance(p, str) else p for p in paragraphs]
    keep = [i for i, text in enumerate(texts) if not is_boilerplate(text)]
    if keep:
        proba = predict_proba(keep) if predict_proba else model.predict_proba([paragraphs[i] for i in keep])
        classes = [str(c) for c in model.classes_]  # distinct (checked when the model is made)
        threshold = getattr(model, "threshold", None)  # only multi-label models have one
        fours = itertools.repeat(4)
        for i, row in zip(keep, proba.tolist()):  # Python floats: the same values, rounded faster
            best = classes[row.index(max(row))]  # the first maximum, as np.argmax
            scores = dict(zip(classes, map(round, row, fours)))
            results[i] = {"label": best, "score": scores[best], "scores": scores}
            if threshold is not None:
                results[i]["labels"] = _above(scores, threshold)
                results[i]["threshold"] = threshold
    if context:
        from policy_nlp.stages.topics import context as topic_context
        # whether the document is a news report is read once, for its title, its weights and the gate's veto
        title, weights = topic_context.document_context(texts, meta, title, read_title)
        document = document_scores(model, paragraphs) \
            if weights.get("document_weight", topic_context.DOCUMENT_WEIGHT) else None
        results = topic_context.contextualize(results, texts, title=title, document=document, **weights)
    if headings == "inherit":
        results = inherit_heading_topics(texts, results, mixed_label=catch_all_label(model))
    elif headings != "own":
        raise ValueError(f"headings must be 'inherit' or 'own', not {headings!r}")
    return results


def document_scores(model, paragraphs):
    """The model's probabilities of a whole document classified as one text
    (its paragraphs but the boilerplate ones, joined): what the document is
    about, for :func:`policy_nlp.stages.topics.context.contextualize`.

    Returns
    -------
    dict or None
        ``{label: probability}``; None for a document with no classified paragraph.

    Examples
    --------
    >>> from policy_nlp.stages.topics import DEFAULT_MODEL, load_model
    >>> scores = document_scores(load_model(DEFAULT_MODEL), ["稳定粮食播种面积。", "提高种粮农民收益。"])
    >>> max(scores, key=scores.get)
    'agriculture_rural'
    """
    kept = [p for p in paragraphs if not is_boilerplate(p)]
    if not kept:
        return None
    joined = "".join(kept) if all(isinstance(p, str) for p in kept) else [t for p in kept for t in tokenize(p)]
    return dict(zip((str(c) for c in model.classes_), model.predict_proba([joined])[0].tolist()))


def main_area(labels, lengths, catch_all="general"):
    """The area a document is mostly about: the label other than the
    codebook's catch-all (``general``) holding the most characters of its
    classified paragraphs, and that label's share of all classified
    characters (the catch-all's included).

    Parameters
    ----------
    labels : list of str or None
        Each paragraph's topic label (None: not classified).
    lengths : list of int
        Each paragraph's length in characters.
    catch_all : str or None
        The label set aside (:func:`catch_all_label`; :func:`document_catch_all`
        of an annotated document); None counts every label.

    Returns
    -------
    (str or None, float)
        ``(None, 0.0)`` when no paragraph has an area.

    Examples
    --------
    >>> main_area(["general", "economy", "environment", None], [50, 120, 80, 10])
    ('economy', 0.48)
    >>> main_area(["general", None], [50, 10])
    (None, 0.0)
    >>> main_area(["其他", "经济", None], [150, 100, 10], catch_all="其他")
    ('经济', 0.4)
    """
    chars, classified = {}, 0
    for label, length in zip(labels, lengths):
        if label is None:
            continue
        classified += length
        if label != catch_all:
            chars[label] = chars.get(label, 0) + length
    if not chars:
        return None, 0.0
    best = max(sorted(chars), key=chars.get)  # the first label in order on a tie
    return best, round(chars[best] / classified, 4)


def catch_all_label(model):
    """A topic model's catch-all: the label of paragraphs with no one area,
    which a heading over a mixed section takes (:func:`inherit_heading_topics`)
    and a document's main area sets aside (:func:`main_area`). The label named
    when the model was trained (``policy-nlp train --catch-all 其他``, kept in
    its ``metadata_``), else the default codebook's ``general`` when the model
    has it, else None: the heading takes its body's most common label, and
    every label counts towards the main area.

    >>> from policy_nlp.stages.topics import default_model
    >>> catch_all_label(default_model())
    'general'
    """
    named = (getattr(model, "metadata_", None) or {}).get("catch_all")
    if named:
        return named
    return "general" if "general" in {str(c) for c in model.classes_} else None


def document_catch_all(topics):
    """The catch-all label of an annotated document's paragraph ``topics``
    (dicts or None): what their ``catch_all`` field names (a model trained
    with ``--catch-all``), else ``general``.

    >>> document_catch_all([None, {"label": "经济", "catch_all": "其他"}]), document_catch_all([{"label": "economy"}])
    ('其他', 'general')
    """
    return next((topic["catch_all"] for topic in topics if topic and "catch_all" in topic), "general")


def inherit_heading_topics(paragraph_texts, results, mixed_label="general", dominance=0.5):
    """Give each heading the topic of the body it heads.

    The body of a heading of level L is every following paragraph up to the
    next heading of level <= L (so 一、 heads its （一） subsections too). The
    body's scores are averaged, weighted by paragraph length; the heading
    takes the best label when that label holds at least ``dominance`` of the
    body's text (by the body paragraphs' own labels), otherwise
    ``mixed_label`` (the codebook's rule for a heading over a mixed section:
    its catch-all, :func:`catch_all_label`),
    whose score is then the share of the body outside its most common label.
    A heading with no classified body keeps its own result.

    Parameters
    ----------
    paragraph_texts : list of str
    results : list of dict or None
        From the classifier, one per paragraph.
    mixed_label : str or None
        None: the body's most common label however mixed the body
        (:func:`catch_all_label` of a model without a catch-all).

    Returns
    -------
    list of dict or None
        A new list; inherited results carry ``"inherited": True``.

    Examples
    --------
    >>> r = lambda label: {"label": label, "score": 0.9, "scores": {label: 0.9, "general": 0.1}}
    >>> out = inherit_heading_topics(["（一）推进乡村振兴", "稳定粮食生产。", "发展乡村产业。"],
    ...                              [r("economy"), r("agriculture_rural"), r("agriculture_rural")])
    >>> out[0]["label"], out[0]["inherited"]
    ('agriculture_rural', True)
    """
    levels = [heading_level(t) for t in paragraph_texts]
    out = list(results)
    for i, level in enumerate(levels):
        if level is None or results[i] is None:
            continue
        body = []
        for j in range(i + 1, len(paragraph_texts)):
            if levels[j] is not None and levels[j] <= level:
                break
            if SALUTATION_RE.match(paragraph_texts[j]):
                break  # a salutation (各位代表！) ends the section
            if levels[j] is None and results[j] is not None:
                body.append(j)
        if not body:
            continue
        weights = np.array([max(len(paragraph_texts[j]), 1) for j in body], dtype=float)
        names = sorted({k for j in body for k in results[j]["scores"]})
        matrix = np.array([[results[j]["scores"].get(k, 0.0) for k in names] for j in body])
        mean = weights @ matrix / weights.sum()
        share = {}
        for j, w in zip(body, weights):
            share[results[j]["label"]] = share.get(results[j]["label"], 0.0) + w / weights.sum()
        top = max(share, key=share.get)
        label = top if share[top] >= dominance or mixed_label is None else mixed_label
        scores = {k: round(float(p), 4) for k, p in zip(names, mean)}
        if label == top:
            score = scores.get(label, round(float(share[top]), 4))
        else:  # mixed: the evidence is how much of the body lies outside its top label
            score = round(1.0 - float(share[top]), 4)
        out[i] = {"label": label, "score": score, "scores": scores, "inherited": True}
        threshold = results[body[0]].get("threshold")
        if threshold is not None:  # multi-label: the labels of the body's mean scores
            out[i]["labels"] = _above(scores, threshold)
            out[i]["threshold"] = threshold
    return out


def _above(scores, threshold):
    """Labels scoring at least ``threshold``, most probable first."""
    return [k for k, p in sorted(scores.items(), key=lambda kv: -kv[1]) if p >= threshold]
