"""Grouped cross-validation of the default topic model on local speeches.

The measurement behind the choices in ``policy_nlp/stages/topics/context.py``
and ``models/topics-default/recipe.py`` (docs/topics.md, *Local speeches:
grouped cross-validation*). Groups are excerpts: the 199 hand-labelled
excerpts of the local development corpus (804 units,
``corpora/topic_labels/local_hand_labels.jsonl``) and the 32 excerpts of the
original local development gold (``tests/fixtures/gold_local/dev``, 131
scored paragraphs). Each fold

1. retrains the recipe's model: the national weak labels (fixed) plus the
   local units of the other folds' excerpts, each ``LOCAL_WEIGHT`` times
   (and, with ``--train-gold``, the dev gold paragraphs of the other folds'
   gold excerpts, as the recipe's ``TRAIN_ON_DEV_GOLD`` does);
2. runs the held-out excerpts through the pipeline as ``policy-nlp
   evaluate`` does (raw text, cleaning, paragraphs, pipeline tokens, the title
   found in the text) and classifies every paragraph with the fold's model;
3. applies the context (:func:`~policy_nlp.stages.topics.context.contextualize`)
   and heading inheritance offline for each setting of a grid, and scores
   the hand-labelled units (each on the pipeline paragraph holding its
   opening) and the gold paragraphs (:func:`policy_nlp.apps.evaluation.score_topics`).

The blind local gold and the held-out splits are never read. The pipeline
runs and the tokens are cached in ``--cache`` (default
``/tmp/policy_nlp_topic_cv``).

``--gated`` scores the whole-document prior (and the title weight and the
general penalty) **gated by genre**: a setting with a ``gate`` (one of
:data:`GATES`) applies to the documents the gate lets through; the others
keep the shipped context. Its rows also give each fold's accuracy and
macro-F1 (``per_fold``), to compare settings fold by fold
(``benchmarks/topic_context.py --gated`` scores the same settings on the
local development gold and the national gold with the shipped model).
``--gates news`` scores the gate of news reports of meetings
(:func:`policy_nlp.stages.topics.context.is_news_report`) instead, also with a
document weight of 1 and with the lead's meeting as the title; its rows start
with the shipped context, none, and the context before news reports had
their own (``shipped_setting(news=False)``; results in
``benchmarks/results/topic_cv_news.json``).

``--seed-evidence`` scores the codebook's seed terms as evidence against
``general``: a paragraph of 80 characters or more that the fold's model
calls ``general`` while its seed terms (:func:`policy_nlp.stages.topics.codebook.keyword_scores`)
point to one area (at least ``min_hits`` weighted hits and ``ratio`` times
the runner-up) has its ``general`` probability multiplied by ``factor``
before the shipped context (results in
``benchmarks/results/topic_cv_seed_evidence.json``).

``--label-shift`` scores a label-shift correction (Saerens, Latinne &
Decaestecker 2002): each paragraph's probabilities re-weighed by
``(pi_t / pi_s) ** alpha`` before the shipped context, ``pi_s`` the fold
model's training prior (its label frequencies or its mean in-sample
probability), ``pi_t`` estimated by EM on the held-out fold's own paragraphs
(transductive), by EM on the other folds' excerpts (unlabelled), or as the
other folds' hand-label frequencies; optionally on the areas only (general
kept at ``pi_s``) and gated (``meta_level``). Results with each fold's units
and gold scores and deltas against the shipped setting
(``benchmarks/results/topic_cv_label_shift.json``). Its fold models are
cached apart (``*-shift.pkl``: they also hold the training prior and the
model's results on the other folds' excerpts).

``--relabel-titled-general CHARS`` trains on the gold annotators' reading of
topical meetings: the hand units labelled ``general`` of CHARS characters or
more, in excerpts whose title names an area, take that area (meeting openings
and transmittals stay ``general``); units are still scored on their own labels.

``--reread FILE`` trains on a re-reading of hand units (rows ``id, index,
opening, label, reread``, e.g. ``corpora/topic_labels/local_general_reread.jsonl``):
each matched hand unit takes its ``reread`` label, and the shipped context
and none are scored with the units on both the coders' labels (``units``,
``all``) and the reread ones (``units_reread``, ``all_reread``), the gold part
the neutral judge, pooled and per fold; ``--reread-score-only`` keeps the
coders' labels in training (the shipped fold models) and scores the same way
(results in ``benchmarks/results/topic_cv_reread.json``).

``--forms svm,title:0.25,lr:10:balanced`` retrains each fold with each
model form and scores it under the shipped context and with the context's
title weight set to each of ``--context-title-weights`` (default 1.0, 0.5,
0), every row with its per-fold difference from the first form's shipped
row: ``svm`` is the recipe's LinearSVC + Platt; ``title:W`` joins the
paragraph's features to W times the TF-IDF of its document's title (token
1-2-grams in a block of their own; the excerpts' titles as the pipeline
finds them, the national work and congress reports' own titles, the title
:func:`topic_context.find_title` finds for the Xi speeches and policy
documents); ``lr:C:balanced`` / ``lr:C:none`` is a multinomial logistic
regression (lbfgs) on the recipe's features (results in
``benchmarks/results/topic_cv_title_features.json`` and ``topic_cv_logistic.json``);
``svm:none`` is the recipe's SVM without its balanced class weights;
``domain:W`` augments the features by domain (Daume III 2007: a shared copy,
and a national or a local copy times W; every test paragraph local; results
in ``benchmarks/results/topic_cv_domain.json``); ``mix:A`` / ``gmix:A`` mix
the recipe's fold model with a local expert (the recipe's classifier fit on
the other folds' hand units alone, each once), per paragraph and for the
whole document, before the context: ``(1 - A) p_recipe + A p_local``
(``mix``) or the normalised ``p_recipe ** (1 - A) * p_local ** A``
(``gmix``) (:func:`mix_results`; results in
``benchmarks/results/topic_cv_mixture.json``; not used,
docs/history/topic_experiments.md).

Three more forms (twenty-third session, topics23; results in
``benchmarks/results/topic_cv_forms23.json``; not used,
docs/history/topic_experiments.md): ``nb:C[:BETA]`` is NB-SVM (Wang &
Manning 2012, :class:`NBTopicClassifier`: each label's SVM on the features
scaled by their naive-Bayes log-count ratios, SVM cost C, interpolation
BETA); ``lsa:N:W`` appends N latent features times W
(:class:`LsaTopicClassifier`: a truncated SVD of the recipe's TF-IDF of every
paragraph of the training set's national and policy documents, labelled or
not, and of the training folds' local excerpts, :func:`unlabelled_paragraphs`);
``gbias`` multiplies each paragraph's ``general`` probability by
``exp(B)`` before the shipped context, B chosen for each fold on the other
folds' results (:func:`general_bias_outputs`; ``gbias:B`` a fixed B), on the
recipe's cached fold models; ``avg:A:FORM`` averages the recipe's fold
model with FORM's, ``(1 - A) p_recipe + A p_form``.

``--spread`` scores the codebook's spanning review (``general``: "overall
reviews or plans that span many areas without one dominant area") on the
shipped fold models, retrained in the same run (the run prints how many own
labels differ from the cached models': none on this machine): each
paragraph's parts (:func:`paragraph_parts`: its inline list's items, else its
sentences) are classified alone, and a paragraph whose parts spread over
several areas (:func:`is_spread`) has its ``general`` raised
(:func:`toward_general`) before the shipped context, over a grid
(:func:`spread_settings`); rows pooled and per fold, units and gold parts,
with each fold's difference from the shipped row (results in
``benchmarks/results/topic_cv_spread.json``; not used,
docs/history/topic_experiments.md).

``--sequence`` scores topics smoothed along the paragraph sequence on the
shipped fold models: a hidden Markov chain whose emissions are the shipped
context's probabilities and whose transitions are estimated inside each fold
from its training excerpts' hand units in order (add-1), decoded by Viterbi
or the forward-backward posteriors, over a grid (:func:`sequence_settings`:
the chain with or without bridges and short lines, the estimated transitions
or the identity, their weight, the emissions' temperature); rows pooled and
per fold, units and gold parts, with each fold's difference from the shipped
row, and each fold's matrices (results in
``benchmarks/results/topic_cv_sequence.json``; not used,
docs/history/topic_experiments.md).

``--local-fractions 0,0.125,0.25,0.5,0.75,1 --curve-seeds 3`` draws a local
learning curve (twenty-fourth session, topics24; results in
``benchmarks/results/topic_cv_local_curve.json``): each fold keeps a random
fraction of its local training excerpts, whole (:func:`kept_excerpts`: all
their units, and with ``--train-gold`` their gold paragraphs; nested within a
seed), the national and policy-document rows unchanged, and is scored on the
same held-out paragraphs under the shipped context; per fraction the mean
local training paragraphs, pooled accuracy and macro-F1 over the seeds and the
fold spread, and a line of each against log2(local paragraphs)
(:func:`curve_summary`). Fraction 1 is the full model (its cache file).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/topic_cv.py [--folds 5] [--C 0.5] [--local-weight 3]
        [--train-gold] [--relabel-titled-general 80] [--reread FILE [--reread-score-only]]
        [--grid | --gated [--gates news] | --seed-evidence | --label-shift | --spread | --sequence
         | --forms FORM,... | --local-fractions F,... [--curve-seeds 3]]
        [-o benchmarks/results/topic_cv.json]
"""

import argparse
import hashlib
import importlib.util
import itertools
import json
import pickle
import re
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

from policy_nlp.apps import evaluation as ev  # noqa: E402
from policy_nlp.apps.local_training import (LOCAL_CORPUS, gold_examples, gold_excerpt_ids, local_examples,  # noqa: E402
                                            read_hand_labels)
from policy_nlp.io.corpus import Record  # noqa: E402
from policy_nlp.io.output import doc_to_dict  # noqa: E402
from policy_nlp.stages.topics import context as topic_context  # noqa: E402
from policy_nlp.stages.topics.context import LOG_FLOOR, context_scores, is_reweighed, relabel  # noqa: E402
from policy_nlp.stages.places import LEVELS, infer_place  # noqa: E402
from policy_nlp.stages.topics.estimators import TopicClassifier  # noqa: E402
from policy_nlp.stages.topics import classify_paragraphs, document_scores, inherit_heading_topics  # noqa: E402
from policy_nlp.stages.topics.features import feature_tokens  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.base import BaseEstimator, ClassifierMixin  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402
from sklearn.utils.class_weight import compute_class_weight  # noqa: E402

DEV_GOLD = [ROOT / "tests/fixtures/gold_local/dev" / f"dev-{n:04d}.json" for n in (
    15, 25, 27, 31, 32, 37, 43, 62, 71, 91, 105, 109, 114, 115, 124, 134, 136, 139, 141, 143, 152,
    160, 170, 186, 191, 193, 202, 205, 208, 219, 235, 247)]


# Gates of the document prior (``--gated``). Each takes a document's title
# (:func:`~policy_nlp.stages.topics.context.find_title`), paragraph texts and
# ``meta`` and says whether the gated setting applies to it.
LOCAL_LEVELS = frozenset(LEVELS[LEVELS.index("city"):])  # city, district, county, township, street, village
# A title that names a speech or a meeting (a leader's words, not a report).
_SPEECH_TITLE = re.compile(r"讲话|講話|发言|發言|致辞|主持词|会议|大会|座谈会")


def document_level(title, texts):
    """The level of government the title, else the text, names
    (:func:`policy_nlp.stages.places.infer_place`): what the topics stage
    sees (a title and paragraphs, no ``meta``)."""
    return infer_place(title=title, text="\n".join(texts))["level"]


def news_title(texts):
    """The first sentence of a news report's lead or headline among its first
    three paragraphs (3月16日，城东区召开区委农村工作会议。…): the meeting it
    names stands for the title a news report does not have."""
    for text in texts[:3]:
        text = text.strip()
        if topic_context.is_news_lead(text):
            return re.split(r"[。！？]", text, maxsplit=1)[0]
    return None


GATES = {
    # every document: the ungated prior
    "all": lambda title, texts, meta: True,
    # the title or the text names a level from city down
    "local": lambda title, texts, meta: document_level(title, texts) in LOCAL_LEVELS,
    # that, or no level named and a speech or meeting title
    "local_or_speech": lambda title, texts, meta: (
        document_level(title, texts) in LOCAL_LEVELS
        or (document_level(title, texts) is None and bool(title and _SPEECH_TITLE.search(title)))),
    # the cleaning stage's level (meta["level"], from the position, title or text) from city down
    "meta_level": lambda title, texts, meta: (meta or {}).get("level") in LOCAL_LEVELS,
    # a speech or meeting title, whatever the level (national speeches and congress reports too)
    "speech": lambda title, texts, meta: bool(title and _SPEECH_TITLE.search(title)),
    # a news report of a meeting (topic_context.is_news_report)
    "news": lambda title, texts, meta: topic_context.is_news_report(texts),
}


def gate_open(name, title, texts, meta, memo=None):
    """Whether gate ``name`` lets a document through (memoised in ``memo``, a dict)."""
    if memo is not None and name in memo:
        return memo[name]
    value = GATES[name](title, texts, meta)
    if memo is not None:
        memo[name] = value
    return value


def shipped_setting(news=True):
    """The context weights the package ships (topic_context's constants);
    with ``news``, a news report takes :func:`topic_context.news_weights`
    and no title from its own lines (:func:`topic_context.find_title`), as
    the package does (``news=False``: the context before it did)."""
    return {"prior_weight": topic_context.PRIOR_WEIGHT, "neighbour_weight": topic_context.NEIGHBOUR_WEIGHT,
            "title_weight": topic_context.TITLE_WEIGHT, "general_penalty": topic_context.GENERAL_PENALTY,
            "document_weight": topic_context.DOCUMENT_WEIGHT, "news": news}


def gated_kwargs(setting, title, texts, meta, memo=None):
    """The contextualize weights of one document under ``setting``: the
    setting's own when it has no ``gate`` or its gate lets the document
    through, else the shipped ones. ``untitled_only`` keeps the document
    prior off where the title names an area; ``lead_title`` gives a document
    without a title its news lead (:func:`news_title`) as ``title``; ``news``
    gives a news report the package's news weights and title (:func:`shipped_setting`)."""
    kwargs = dict(setting)
    gate = kwargs.pop("gate", None)
    if gate and not gate_open(gate, title, texts, meta, memo):
        kwargs = shipped_setting()
    untitled_only = kwargs.pop("untitled_only", False)
    lead_title = kwargs.pop("lead_title", False)
    if kwargs.pop("news", False) and gate_open("news", title, texts, meta, memo):
        # the package's news weights, and no title from the report's own lines
        kwargs.update(topic_context.news_weights(texts), title=topic_context.find_title(texts, meta))
    if untitled_only and topic_context.title_topic(title) is not None:
        kwargs["document_weight"] = 0.0
    if lead_title and not title:
        kwargs["title"] = news_title(texts)
    return kwargs


OLD_GATES = ["local", "local_or_speech", "meta_level", "speech", "all"]


def gated_grid(gates=None):
    """The settings of ``--gated``: every gate (default :data:`OLD_GATES`,
    the 420 settings of the first measurement) with document weight, title
    weight and penalty; the ``news`` gate also with a document weight of 1
    and with its lead as the title (``lead_title``)."""
    settings = []
    for gate in gates or OLD_GATES:
        news = gate == "news"
        for untitled_only, lead, d, t, g in itertools.product(
                [False, True], [False, True] if news else [False], [0.0, 0.1, 0.25, 0.5] + [1.0] * news,
                [0.0, 1.0, 1.5, 2.0], [0.5, 1.0, 1.5]):
            if (untitled_only and not d) or (lead and not t):
                continue
            setting = {"gate": gate, "untitled_only": untitled_only, "prior_weight": 0.0,
                       "neighbour_weight": 0.0, "title_weight": t, "general_penalty": g, "document_weight": d}
            if lead:
                setting["lead_title"] = True
            settings.append(setting)
    return settings


def _recipe():
    spec = importlib.util.spec_from_file_location("recipe", ROOT / "models/topics-default/recipe.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cached(path, build):
    if path.is_file():
        return pickle.loads(path.read_bytes())
    value = build()
    path.write_bytes(pickle.dumps(value))
    return value


def _run(nlp, doc_id, text):
    """The pipeline's paragraphs of one text: texts, tokens, title, annotated dict."""
    from policy_nlp.pipeline.document import words_within
    from policy_nlp.run.worker import annotate_record
    doc = annotate_record(nlp, Record(doc_id, text))
    paragraphs = list(doc.spans["paragraphs"])
    texts = [doc.text[s.start_char:s.end_char] for s in paragraphs]
    tokens = words_within(doc, [(s.start_char, s.end_char) for s in paragraphs])
    annotated = doc_to_dict(doc)
    for p in annotated["paragraphs"]:
        p.pop("topic", None)
    return {"texts": texts, "tokens": tokens, "title": topic_context.find_title(texts, doc._.meta),
            "annotated": annotated}


def _unit_paragraphs(annotated, unit_texts):
    """Index of the pipeline paragraph that holds each unit's opening (None when not found)."""
    normalised, offsets = ev.normalised_index(annotated["text"])
    if (annotated.get("meta") or {}).get("converted"):
        from policy_nlp.stages.script import to_simplified
        unit_texts = [to_simplified(u)[0] for u in unit_texts]
    out, start = [], 0
    for unit in unit_texts:
        key = ev.comparable_text(unit)[:12]
        at = normalised.find(key, start) if key else -1
        if at < 0:
            at = normalised.find(key) if key else -1
        if at < 0:
            out.append(None)
            continue
        start = at + 1
        position = offsets[at]
        out.append(next((i for i, p in enumerate(annotated["paragraphs"])
                         if p["start"] <= position < p["end"]), None))
    return out


def prepare(cache):
    """National examples with tokens, local units with tokens, test documents."""
    cache.mkdir(parents=True, exist_ok=True)
    recipe = _recipe()
    local_path = recipe._corpus_path(*LOCAL_CORPUS)

    def national():
        examples = [e for e in recipe.build_training_set() if e["corpus"] != "/".join(LOCAL_CORPUS)]
        return examples, feature_tokens([e["text"] for e in examples])

    def local():
        examples = local_examples(local_path, hand_labels=read_hand_labels(recipe.LOCAL_HAND_LABELS))
        gold = gold_examples(local_path, DEV_GOLD)
        return examples, feature_tokens([e["text"] for e in examples]), gold, \
            feature_tokens([e["text"] for e in gold])

    def documents():
        from policy_nlp.pipeline.loading import load
        nlp = load()
        docs = {}
        records = {}
        with open(local_path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    r = json.loads(line)
                    records[r["id"]] = r
        examples = local_examples(local_path, hand_labels=read_hand_labels(recipe.LOCAL_HAND_LABELS))
        by_doc = {}
        for e in examples:
            if e["source"] == "hand":
                by_doc.setdefault(e["doc"], []).append(e)
        for doc_id, units in sorted(by_doc.items()):
            run = _run(nlp, doc_id, records[doc_id]["text"])
            run["units"] = [(u["label"], i) for u, i in
                            zip(units, _unit_paragraphs(run["annotated"], [u["text"] for u in units]))]
            docs[doc_id] = run
        for path in DEV_GOLD:
            gold = ev.load_gold(path)
            run = _run(nlp, str(gold.get("document")), ev.gold_text(gold))
            run["gold"] = gold
            docs[gold["source"]["match"]["id"]] = run
        return docs

    return (_cached(cache / "national.pkl", national), _cached(cache / "local.pkl", local),
            _cached(cache / "documents.pkl", documents))


def folds_of(doc_ids, gold_ids, k, seed=0):
    """Fold of each excerpt: hand-labelled and gold excerpts dealt out separately."""
    rng = np.random.default_rng(seed)
    fold = {}
    for group in (sorted(set(doc_ids) - set(gold_ids)), sorted(gold_ids)):
        for n, i in enumerate(rng.permutation(len(group))):
            fold[group[i]] = n % k
    return fold


def own_results(model, docs):
    """Each document's context-free paragraph results under one model."""
    return {doc_id: classify_paragraphs(model, d["tokens"], headings="own", context=False)
            for doc_id, d in docs.items()}


def doc_probabilities(model, docs):
    """The model's probabilities of each document's whole text (one vector)."""
    return {i: document_scores(model, d["tokens"]) for i, d in docs.items()}


def context_results(docs, own, setting, doc_probs=None, kept=None, decide=None):
    """Each document's results under one context setting, headings inheriting;
    ``kept(own results, results)`` may give back a document's results before
    the headings inherit (``--spread``'s bridges); ``decide`` takes the place
    of :func:`topic_context.contextualize` (``--sequence``)."""
    out = {}
    for doc_id, d in docs.items():
        kwargs = gated_kwargs(setting, d["title"], d["texts"], (d.get("annotated") or {}).get("meta"),
                              d.setdefault("gates", {}))
        if doc_probs is not None and kwargs.get("document_weight"):
            kwargs["document"] = doc_probs[doc_id]
        else:
            kwargs.pop("document_weight", None)
        title = kwargs.pop("title", d["title"])
        results = (decide or topic_context.contextualize)(own[doc_id], d["texts"], title=title, **kwargs)
        if kept is not None:
            results = kept(own[doc_id], results)
        out[doc_id] = inherit_heading_topics(d["texts"], results)
    return out


def score_results(docs, results_of):
    """(unit pairs, gold pairs) of each document's final results."""
    unit_pairs, gold_pairs = [], []
    for doc_id, d in docs.items():
        results = results_of[doc_id]
        if "gold" in d:
            gold = d["gold"]
            annotated = dict(d["annotated"], paragraphs=[dict(p, topic=r) for p, r in
                                                         zip(d["annotated"]["paragraphs"], results)])
            if (annotated.get("meta") or {}).get("converted"):
                gold = ev.simplified_gold(gold)
            metrics, errors = {}, {}
            ev.score_topics(gold, annotated, metrics, errors)
            gold_pairs += errors["topic_pairs"]
        for label, index in d.get("units", ()):
            found = results[index]["label"] if index is not None and results[index] else None
            unit_pairs.append((label, found))
    return unit_pairs, gold_pairs


def score(docs, own, setting, doc_probs=None):
    """(unit pairs, gold pairs) of one context setting."""
    return score_results(docs, context_results(docs, own, setting, doc_probs))


def _summary(pairs):
    if not pairs:
        return {"n": 0}
    return {"n": len(pairs), "accuracy": round(sum(g == f for g, f in pairs) / len(pairs), 4),
            "macro_f1": round(ev.macro_f1(pairs), 4)}


def summarize(folds, units, golds, per_fold=False):
    """Pooled scores of the unit and gold pairs, and the folds' mean and
    standard deviation (and, with ``per_fold``, each fold's)."""
    accs = [f["accuracy"] for f in folds]
    f1s = [f["macro_f1"] for f in folds]
    out = {"units": _summary(units), "gold": _summary(golds), "all": _summary(units + golds),
           "folds": {"accuracy": [round(float(np.mean(accs)), 4), round(float(np.std(accs)), 4)],
                     "macro_f1": [round(float(np.mean(f1s)), 4), round(float(np.std(f1s)), 4)]}}
    if per_fold:
        out["per_fold"] = {"accuracy": accs, "macro_f1": f1s}
    return out


def grid_settings(full, gated=False, gates=None):
    base = shipped_setting()
    settings = [base, dict(base, prior_weight=0.0, neighbour_weight=0.0, title_weight=0.0,
                           general_penalty=0.0, document_weight=0.0, news=False)]
    if gates and "news" in gates:  # the context before news reports had their own weights
        settings.append(shipped_setting(news=False))
    if full:
        for p, n, t, g, d in itertools.product([0.0, 0.25], [0.0, 0.25], [0.0, 1.0, 1.5],
                                               [0.5, 1.0, 1.5], [0.0, 0.1, 0.25, 0.5]):
            settings.append({"prior_weight": p, "neighbour_weight": n, "title_weight": t,
                             "general_penalty": g, "document_weight": d})
    if gated:
        settings += gated_grid(gates)
    return settings


# --- Seed terms against general (``--seed-evidence``) --------------------------

def seed_evidence(own_of, docs, factor, min_hits, ratio, min_chars=80):
    """Each document's own results with ``general`` scaled by ``factor`` in
    long paragraphs called ``general`` whose seed terms point to one area."""
    from policy_nlp.stages.topics.codebook import keyword_scores
    out = {}
    for doc_id, results in own_of.items():
        new = []
        for r, text in zip(results, docs[doc_id]["texts"]):
            hits = sorted(((v, k) for k, v in keyword_scores(text).items() if k != "general"), reverse=True)
            if (r is None or r["label"] != "general" or len(text) < min_chars
                    or hits[0][0] < min_hits or hits[0][0] < ratio * max(hits[1][0], 0.5)):
                new.append(r)
                continue
            scores = dict(r["scores"], general=r["scores"]["general"] * factor)
            total = sum(scores.values())
            scores = {c: v / total for c, v in scores.items()}
            best = max(scores, key=scores.get)
            new.append(dict(r, label=best, score=scores[best], scores=scores))
        out[doc_id] = new
    return out


def run_seed_evidence(outputs):
    """Rows of the shipped context after :func:`seed_evidence`, over a grid."""
    rows = []
    for factor, min_hits, ratio in [(None, 0, 0)] + list(itertools.product([0.3, 0.1, 0.05], [3, 4, 6], [2, 3])):
        per_fold, units, golds = [], [], []
        for test, own, _ in outputs:
            if factor is not None:
                own = seed_evidence(own, test, factor, min_hits, ratio)
            u, g = score(test, own, shipped_setting())
            per_fold.append(_summary(u + g))
            units += u
            golds += g
        rows.append({"setting": {"factor": factor, "min_hits": min_hits, "ratio": ratio},
                     **summarize(per_fold, units, golds, per_fold=True)})
    return rows


# --- Label shift (``--label-shift``) ------------------------------------------
# Saerens, Latinne & Decaestecker (2002): the target prior pi_t is re-estimated
# by EM from unlabelled target paragraphs, and each paragraph's probabilities
# are re-weighed p'(y|x) ~ p(y|x) * (pi_t(y) / pi_s(y)) ** alpha before the
# shipped context.

def shift_statistics(model, X, y, seen):
    """What a fold's model knows of its training prior, and its own results on
    the excerpts the fold may see (the other folds', unlabelled):
    ``classes``, ``train_freq`` (label frequencies of the training rows, local
    units counted as often as they are trained), ``train_mean`` (the mean
    calibrated probability over the training rows, in-sample) and ``seen_own``."""
    classes = [str(c) for c in model.classes_]
    counts = np.array([sum(1 for label in y if label == c) for c in classes], dtype=float)
    mean = np.zeros(len(classes))
    for start in range(0, len(X), 2000):
        mean += model.predict_proba(X[start:start + 2000]).sum(axis=0)
    return {"classes": classes, "train_freq": counts / counts.sum(), "train_mean": mean / len(X),
            "seen_own": own_results(model, seen)}


def probability_rows(own_of, classes):
    """The probability rows of every classified paragraph of the documents in ``own_of``."""
    rows = [[r["scores"].get(c, 0.0) for c in classes]
            for results in own_of.values() for r in results if r is not None]
    return np.array(rows, dtype=float).reshape(-1, len(classes))


def em_prior(P, pi_s, iterations=1000, tol=1e-8):
    """Saerens et al.'s EM: the prior pi_t under which the re-weighed posteriors
    of the rows ``P`` (probabilities under the training prior ``pi_s``) average to pi_t."""
    pi_s = np.clip(np.asarray(pi_s, dtype=float), 1e-6, None)
    pi = pi_s.copy()
    for _ in range(iterations):
        Q = P * (pi / pi_s)
        Q /= np.clip(Q.sum(axis=1, keepdims=True), 1e-12, None)
        new = Q.mean(axis=0)
        if np.abs(new - pi).max() < tol:
            pi = new
            break
        pi = new
    return pi


def reweigh(own_of, classes, weights):
    """Each paragraph's result with its probabilities multiplied by ``weights`` and renormalised."""
    out = {}
    for doc_id, results in own_of.items():
        new = []
        for r in results:
            if r is None:
                new.append(None)
                continue
            row = np.array([r["scores"].get(c, 0.0) for c in classes]) * weights
            total = row.sum()
            row = row / total if total > 0 else np.full(len(classes), 1.0 / len(classes))
            row = row.tolist()
            best = row.index(max(row))
            scores = {c: round(p, 4) for c, p in zip(classes, row)}
            new.append({"label": classes[best], "score": scores[classes[best]], "scores": scores})
        out[doc_id] = new
    return out


def shift_priors(test, own, stats, docs, fold_index, fold):
    """The target priors of one fold by each estimate: ``transductive`` (EM on
    the held-out fold's own paragraphs, no labels), ``seen`` (EM on the other
    folds' excerpts, unlabelled, classified by the fold's model — in-sample
    for their hand units), ``seen_labels`` (the other folds' hand-unit labels).
    Returns ``{(source, pi_s name): (pi_s, pi_t)}``."""
    classes = stats["classes"]
    out = {}
    labels = [label for i, d in docs.items() if fold[i] != fold_index for label, _ in d.get("units", ())]
    counts = np.array([labels.count(c) for c in classes], dtype=float)
    for name in ("train_freq", "train_mean"):
        pi_s = np.asarray(stats[name], dtype=float)
        out[("transductive", name)] = (pi_s, em_prior(probability_rows(own, classes), pi_s))
        out[("seen", name)] = (pi_s, em_prior(probability_rows(stats["seen_own"], classes), pi_s))
        out[("seen_labels", name)] = (pi_s, counts / counts.sum())
    return out


def shift_settings():
    """(source, pi_s name, alpha, gate) of the corrections scored; None = the shipped setting."""
    settings = [None]
    for source, name, alpha, gate in itertools.product(
            ["transductive", "seen", "seen_labels"], ["train_freq", "train_mean"], [0.25, 0.5, 1.0],
            [None, "meta_level"]):
        settings.append((source, name, alpha, gate))
    # the mix among the areas only: general's share kept at the training prior's
    for source, alpha in itertools.product(["transductive", "seen", "seen_labels"], [0.25, 0.5, 1.0]):
        settings.append((source + "+areas", "train_freq", alpha, None))
    return settings


def areas_only(pi_s, pi_t, classes):
    """pi_t with general's share set back to pi_s's, the areas rescaled to the rest."""
    if "general" not in classes:
        return pi_t
    g = classes.index("general")
    out = np.asarray(pi_t, dtype=float) * (1 - pi_s[g]) / max(1 - pi_t[g], 1e-9)
    out[g] = pi_s[g]
    return out


def run_label_shift(args, docs, fold, outputs):
    """Score every correction of :func:`shift_settings` fold by fold (shipped context after)."""
    settings = shift_settings()
    shipped = shipped_setting()
    rows = {s: {"per_fold": [], "units": [], "gold": []} for s in settings}
    priors = []
    for k, (test, own, doc_probs, stats) in enumerate(outputs):
        classes = stats["classes"]
        estimates = shift_priors(test, own, stats, docs, k, fold)
        priors.append({"classes": classes, **{f"{src}|{name}": [round(float(v), 4) for v in pi_t]
                                              for (src, name), (pi_s, pi_t) in estimates.items()},
                       "train_freq": [round(float(v), 4) for v in stats["train_freq"]],
                       "train_mean": [round(float(v), 4) for v in stats["train_mean"]]})
        for s in settings:
            if s is None:
                corrected = own
            else:
                source, name, alpha, gate = s
                if source.endswith("+areas"):
                    pi_s, pi_t = estimates[(source[:-len("+areas")], name)]
                    pi_t = areas_only(pi_s, pi_t, classes)
                else:
                    pi_s, pi_t = estimates[(source, name)]
                weights = (np.clip(pi_t, 1e-6, None) / np.clip(pi_s, 1e-6, None)) ** alpha
                corrected = {}
                for doc_id, results in own.items():
                    d = test[doc_id]
                    if gate and not gate_open(gate, d["title"], d["texts"],
                                              (d.get("annotated") or {}).get("meta"), d.setdefault("gates", {})):
                        corrected[doc_id] = results
                    else:
                        corrected[doc_id] = reweigh({doc_id: results}, classes, weights)[doc_id]
            units, golds = score(test, corrected, shipped, doc_probs)
            rows[s]["per_fold"].append({"units": _summary(units), "gold": _summary(golds),
                                        "all": _summary(units + golds)})
            rows[s]["units"] += units
            rows[s]["gold"] += golds
    out = []
    for s in settings:
        r = rows[s]
        setting = {"correction": None} if s is None else dict(zip(("source", "pi_s", "alpha", "gate"), s))
        out.append({"setting": setting, "units": _summary(r["units"]), "gold": _summary(r["gold"]),
                    "all": _summary(r["units"] + r["gold"]), "per_fold": r["per_fold"]})
    base = out[0]["per_fold"]
    for row in out:
        for part in ("units", "gold", "all"):
            deltas = [f[part]["accuracy"] - b[part]["accuracy"] for f, b in zip(row["per_fold"], base)]
            f1 = [f[part]["macro_f1"] - b[part]["macro_f1"] for f, b in zip(row["per_fold"], base)]
            row.setdefault("delta_vs_shipped", {})[part] = {
                "accuracy_per_fold": [round(x, 4) for x in deltas], "macro_f1_per_fold": [round(x, 4) for x in f1],
                "accuracy_mean_sd": [round(float(np.mean(deltas)), 4), round(float(np.std(deltas)), 4)],
                "macro_f1_mean_sd": [round(float(np.mean(f1)), 4), round(float(np.std(f1)), 4)]}
    return out, priors


# --- Paragraphs spanning many areas (``--spread``) -----------------------------
# The codebook labels general "overall reviews or plans that span many areas
# without one dominant area"; the classifier reads a paragraph as one bag of
# words, so a review of eight areas (可以概括为以下八个方面的特点：一是农业……) takes
# the area of its strongest item. Each long paragraph's parts — the items of
# its top-level inline lists (enumerations.find.find_lists), else its sentences
# (paragraphs.find_sentences) — are classified by the fold's model, and a
# paragraph whose parts are won by several areas with none holding most of
# them moves to general before the shipped context. Measured and not used
# (docs/history/topic_experiments.md), so it lives here and not in the package.

# Parts are found for paragraphs from this length; each setting keeps its own minimum.
SPREAD_PART_CHARS = 60
SPREAD_MIN_PARTS = 3


def paragraph_parts(text, min_chars=SPREAD_PART_CHARS, min_parts=SPREAD_MIN_PARTS):
    """Character offsets of the parts of a paragraph read one by one: the
    items of its top-level inline lists of ``min_parts`` items or more (the
    lead before them is the review's frame), else its sentences; ``[]`` for a
    paragraph shorter than ``min_chars`` or of fewer parts.

    >>> text = ("上半年各项工作取得新成绩，可以概括为三个方面：一是粮食生产再获丰收，夏粮增产一成。"
    ...         "二是工业经济稳中有进，规上工业增加值增长百分之八。三是社会大局和谐稳定，信访总量下降。")
    >>> [text[s:e][:6] for s, e in paragraph_parts(text, min_chars=50)]
    ['一是粮食生产', '二是工业经济', '三是社会大局']
    """
    from policy_nlp.stages.enumerations.find import find_lists
    from policy_nlp.stages.paragraphs import find_sentences
    if len(text.strip()) < min_chars:
        return []
    whole = [(0, len(text))]
    sentences = find_sentences(text, whole)
    items = [(item["start"], item["end"]) for lst in find_lists(text, whole, sentences)
             if lst["parent"] is None and len(lst["items"]) >= min_parts for item in lst["items"]]
    parts = items or sentences
    return parts if len(parts) >= min_parts else []


def part_tokens(tokens, parts):
    """The tokens of a paragraph that start inside each part (the pipeline's tokens kept).

    >>> part_tokens(["一是", "增产", "。", "二是", "增效", "。"], [(0, 5), (5, 10)])
    [['一是', '增产', '。'], ['二是', '增效', '。']]
    """
    starts = np.cumsum([0] + [len(t) for t in tokens[:-1]])
    return [[t for t, at in zip(tokens, starts) if start <= at < end] for start, end in parts]


def spread_parts(tokens, results, predict_proba):
    """``{paragraph index: (part lengths, part probabilities)}`` of a
    document's classified paragraphs that have parts, in one call of the model."""
    found, inputs = {}, []
    for i, (paragraph, result) in enumerate(zip(tokens, results)):
        parts = paragraph_parts("".join(paragraph)) if result is not None else []
        if parts:
            found[i] = [end - start for start, end in parts]
            inputs += part_tokens(paragraph, parts)
    if not inputs:
        return {}
    probabilities, out, at = np.asarray(predict_proba(inputs), dtype=float), {}, 0
    for i, lengths in found.items():
        out[i] = (lengths, probabilities[at:at + len(lengths)])
        at += len(lengths)
    return out


def is_spread(probabilities, lengths, classes, min_areas, max_share, by="mass"):
    """Whether a paragraph's parts span many areas: at least ``min_areas``
    areas (not ``general``) are each the best label of a part, and none holds
    more than ``max_share`` of the parts' area probability, each part weighted
    by its length (``by="mass"``), or of all parts' characters (``"chars"``:
    the parts it is the best label of).

    >>> classes = ["agriculture_rural", "economy", "general", "governance_security"]
    >>> parts = [[0.7, 0.1, 0.1, 0.1], [0.1, 0.6, 0.2, 0.1], [0.1, 0.1, 0.2, 0.6]]
    >>> is_spread(parts, [40, 40, 40], classes, 3, 0.5), is_spread(parts[:2] * 2, [40] * 4, classes, 3, 0.5)
    (True, False)
    """
    probabilities, lengths = np.asarray(probabilities, dtype=float), np.asarray(lengths, dtype=float)
    areas = [i for i, label in enumerate(classes) if label != "general"]
    best = probabilities.argmax(axis=1)
    winners = set(best.tolist()).intersection(areas)
    if len(winners) < min_areas:
        return False
    if by == "chars":
        return bool(max(lengths[best == i].sum() for i in winners) <= max_share * lengths.sum())
    mass = lengths @ probabilities[:, areas]
    return float(mass.max()) <= max_share * float(mass.sum())


def toward_general(result, factor):
    """A result whose ``general`` probability is raised to at least ``factor``
    times its best area's, all renormalised (``"spread"``: True).

    >>> out = toward_general({"label": "economy", "score": 0.6,
    ...                       "scores": {"economy": 0.6, "general": 0.3, "culture": 0.1}}, 2.0)
    >>> out["label"], out["scores"]["general"]
    ('general', 0.6316)
    """
    scores = dict(result["scores"])
    scores["general"] = max(scores["general"], factor * max(p for k, p in scores.items() if k != "general"))
    total = sum(scores.values())
    scores = {label: round(p / total, 4) for label, p in scores.items()}
    best = max(scores, key=scores.get)
    return {"label": best, "score": scores[best], "scores": scores, "spread": True}


def spread_settings():
    """None (the shipped context) and the grid: areas winning a part (3, 4),
    the largest area's share (0.4, 0.5) of the parts' area probability or of
    their characters (``by``), the way to general (``raise``: its probability
    at least ``factor`` times the best area's, then the context; ``bridge``:
    that, and the paragraph keeps it as a meeting opening does), the
    paragraph's minimum length (120, 200)."""
    return [None] + [{"min_areas": k, "max_share": s, "by": by, "way": way, "factor": f, "min_chars": c}
                     for k, s, by, (way, f), c in itertools.product(
                         (3, 4), (0.4, 0.5), ("mass", "chars"), (("raise", 2.0), ("raise", 5.0), ("bridge", 2.0)),
                         (120, 200))]


def spread_of(model, test):
    """:func:`spread_parts` of each test document under ``model``."""
    own = own_results(model, test)
    return {doc_id: spread_parts(d["tokens"], own[doc_id], model.predict_proba) for doc_id, d in test.items()}


def own_changes(before, after):
    """How many paragraphs have another own label in ``after`` than in ``before``."""
    return sum((a or {}).get("label") != (b or {}).get("label")
               for doc_id in before for a, b in zip(before[doc_id], after[doc_id]))


def spread_results(test, own, parts, classes, setting, doc_probs):
    """Each document's final results under one :func:`spread_settings`
    setting, and how many paragraphs spread."""
    shipped = shipped_setting()
    if setting is None:
        return context_results(test, own, shipped, doc_probs), 0
    moved, count = {}, 0
    for doc_id, results in own.items():
        moved[doc_id] = list(results)
        for i, (lengths, probabilities) in parts[doc_id].items():
            if len(test[doc_id]["texts"][i].strip()) >= setting["min_chars"] and is_spread(
                    probabilities, lengths, classes, setting["min_areas"], setting["max_share"], setting["by"]):
                moved[doc_id][i] = toward_general(results[i], setting["factor"])
                count += 1

    def bridges(own_results, results):  # with no neighbours or mean prior, as if the context skipped them
        return [m if m is not None and m.get("spread") else r for m, r in zip(own_results, results)]
    kept = bridges if setting["way"] == "bridge" else None
    return context_results(test, moved, shipped, doc_probs, kept), count


def _deltas(rows):
    """Each row's per-fold difference from the first (the shipped context)."""
    for row in rows:
        row["delta_per_fold"] = {
            part: {m: [round(f[part][m] - b[part][m], 4) for f, b in zip(row["per_fold"], rows[0]["per_fold"])]
                   for m in ("accuracy", "macro_f1")} for part in ("all", "units", "gold")}
    return rows


def run_spread(outputs):
    """Score every :func:`spread_settings` setting on the same fold models,
    pooled and per fold, units and gold parts, with the paragraphs moved."""
    rows = []
    for setting in spread_settings():
        units, golds, per_fold, moved = [], [], [], 0
        for test, own, doc_probs, (parts, classes) in outputs:
            results, count = spread_results(test, own, parts, classes, setting, doc_probs)
            u, g = score_results(test, results)
            per_fold.append({"all": _summary(u + g), "units": _summary(u), "gold": _summary(g)})
            units, golds, moved = units + u, golds + g, moved + count
        rows.append({"setting": setting, "moved": moved, "units": _summary(units), "gold": _summary(golds),
                     "all": _summary(units + golds), "per_fold": per_fold})
    return _deltas(rows)


# --- Smoothing along the sequence (``--sequence``) ------------------------------
# A hidden Markov chain over a document's paragraphs: the emissions are the
# context's probabilities (topic_context.context_scores: the title, the penalty
# on general; bridges and short lines keep their own result), the transitions a
# label-to-label matrix estimated from the training folds' hand units in order
# (estimate_transitions), decoded by Viterbi or by the argmax of the
# forward-backward posteriors (sequence_topics). The transition score of i -> j
# is log A(i, j) - log prior(j) with A = (1 - weight) * prior + weight * T: the
# emissions are posteriors that already hold the label's frequency, so the
# chain adds only how much more (or less) likely j is after i than anywhere; at
# weight 0 it adds nothing and every paragraph keeps the context's label. T is
# the estimated matrix or, for a chain that only prefers to stay, the identity.
# Measured and not used (docs/history/topic_experiments.md);
# tests/stages/topics/test_topic_cv_sequence.py.


def _chain(texts, skip, news):
    """Positions of ``texts`` in the chain: every one, or with ``skip`` only
    those the context re-weighs (bridges and short lines jumped over)."""
    return [n for n, text in enumerate(texts) if not skip or is_reweighed(text, news)]


def estimate_transitions(documents, labels, k=1.0, skip=True):
    """The label-to-label transition matrix and the label prior of labelled
    documents in order, add-``k`` smoothed.

    Parameters
    ----------
    documents : iterable of list of (str, str)
        Each document's ``(label, text)`` units in order.
    labels : list of str
    k : float
        Added to every count.
    skip : bool
        Leave out the units the context does not re-weigh (bridges, short
        lines; a news report's lead, :func:`topic_context.is_news_report`), as
        :func:`sequence_topics` does.

    Returns
    -------
    dict
        ``{"labels", "transitions" (rows sum to 1), "prior", "k", "skip"}``, lists of floats.

    Examples
    --------
    >>> long = "要全面开展安全隐患排查整治，层层压实安全生产责任，对重点企业和重点部位逐一检查，坚决遏制事故发生。"
    >>> m = estimate_transitions([[("a", long), ("a", long), ("a", long), ("b", long)]], ["a", "b"], k=1.0)
    >>> m["transitions"], m["prior"]
    ([[0.6, 0.4], [0.5, 0.5]], [0.6667, 0.3333])
    """
    index = {label: n for n, label in enumerate(labels)}
    counts = np.full((len(labels), len(labels)), float(k))
    prior = np.full(len(labels), float(k))
    for units in documents:
        texts = [text for _, text in units]
        news = skip and topic_context.is_news_report(texts)
        chain = [index[units[n][0]] for n in _chain(texts, skip, news) if units[n][0] in index]
        np.add.at(prior, chain, 1.0)
        np.add.at(counts, (chain[:-1], chain[1:]), 1.0)
    return {"labels": list(labels), "transitions": np.round(counts / counts.sum(axis=1, keepdims=True), 4).tolist(),
            "prior": np.round(prior / prior.sum(), 4).tolist(), "k": k, "skip": skip}


def transition_scores(matrix, labels, weight, stay=False):
    """The log transition scores ``log A - log prior`` (rows: from, columns:
    to) in the order of ``labels``, with ``A = (1 - weight) * prior + weight *
    T``; ``T`` the matrix's transitions, or with ``stay`` the identity.

    >>> m = {"labels": ["a", "b"], "transitions": [[0.8, 0.2], [0.4, 0.6]], "prior": [0.6, 0.4]}
    >>> transition_scores(m, ["a", "b"], 0.0).tolist()
    [[0.0, 0.0], [0.0, 0.0]]
    """
    order = [matrix["labels"].index(label) for label in labels]
    prior = np.array(matrix["prior"], dtype=float)[order]
    T = np.eye(len(labels)) if stay else np.array(matrix["transitions"], dtype=float)[np.ix_(order, order)]
    A = (1 - weight) * prior[None, :] + weight * T
    return np.log(np.clip(A, LOG_FLOOR, None)) - np.log(prior)[None, :]


def viterbi(log_emissions, log_transitions):
    """The label index of each position on the best path (rows: positions)."""
    score = log_emissions[0].copy()
    back = np.zeros(log_emissions.shape, dtype=int)
    for t in range(1, len(log_emissions)):
        step = score[:, None] + log_transitions
        back[t] = step.argmax(axis=0)
        score = step.max(axis=0) + log_emissions[t]
    path = [int(score.argmax())]
    for t in range(len(log_emissions) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return np.array(path[::-1])


def forward_backward(log_emissions, log_transitions):
    """The posterior of each label at each position (rows sum to 1), in
    scaled probability space."""
    emit = np.exp(log_emissions - log_emissions.max(axis=1, keepdims=True))
    trans = np.exp(log_transitions)
    n = len(emit)
    alpha, beta = np.zeros(emit.shape), np.ones(emit.shape)
    alpha[0] = emit[0] / emit[0].sum()
    for t in range(1, n):
        alpha[t] = emit[t] * (alpha[t - 1] @ trans)
        alpha[t] /= alpha[t].sum()
    for t in range(n - 2, -1, -1):
        beta[t] = trans @ (emit[t + 1] * beta[t + 1])
        beta[t] /= beta[t].sum()
    posterior = alpha * beta
    return posterior / posterior.sum(axis=1, keepdims=True)


def sequence_topics(results, paragraph_texts, matrix, weight=0.0, temperature=1.0, decode="viterbi",
                    skip=True, stay=False, **context):
    """Paragraph topics decoded along the document.

    Parameters
    ----------
    results : list of dict or None
        Own results, as :func:`policy_nlp.stages.topics.context.contextualize` takes them.
    paragraph_texts : list of str
    matrix : dict
        :func:`estimate_transitions`'s value.
    weight : float
        ``weight`` of :func:`transition_scores` (0: the context's labels).
    temperature : float
        The emissions' log probabilities are divided by it.
    decode : {"viterbi", "posterior"}
        The best path, or each paragraph's most probable label under the
        forward-backward posteriors.
    skip : bool
        The chain holds only the re-weighed paragraphs; else bridges and
        short lines are in it with their own probabilities (they still keep
        their own result).
    stay : bool
        The identity in place of the estimated transitions.
    **context
        :func:`contextualize`'s keyword arguments (``title``, ``news`` ...).

    Returns
    -------
    list of dict or None
        As :func:`contextualize`'s; a changed paragraph's ``scores`` are its
        posterior (``decode="posterior"``) or the context's.
    """
    scores = context_scores(results, paragraph_texts, **context)
    if scores is None or not scores["moved"]:
        return list(results)
    emissions = scores["probs"].copy()
    emissions[scores["moved"]] = scores["posterior"]
    texts = [paragraph_texts[i] for i in scores["keep"]]
    chain = _chain(texts, skip, context.get("news", False))
    log_emissions = np.log(np.clip(emissions[chain], LOG_FLOOR, 1.0)) / temperature
    log_transitions = transition_scores(matrix, scores["labels"], weight, stay)
    rows = scores["posterior"]
    if decode == "viterbi":
        path = dict(zip(chain, viterbi(log_emissions, log_transitions)))
        return relabel(results, scores, rows, [path[position] for position in scores["moved"]])
    posterior = dict(zip(chain, forward_backward(log_emissions, log_transitions)))
    return relabel(results, scores, np.array([posterior[position] for position in scores["moved"]]))


# The blind excerpts of the local corpus: never trained or scored on (they are
# not in the hand labels or the dev gold; filtered again here all the same).
BLIND = frozenset(gold_excerpt_ids(parts=("blind",)))


def hand_sequences(local, fold, k):
    """Each training excerpt's hand units ``(label, text)`` in order: the
    excerpts outside fold ``k`` (and those without a fold, which always train)."""
    by_doc = {}
    for e in local:
        if e["source"] == "hand" and e["doc"] not in BLIND and fold.get(e["doc"], -1) != k:
            by_doc.setdefault(e["doc"], []).append((e["index"], e["label"], e["text"]))
    return [[(label, text) for _, label, text in sorted(units)] for _, units in sorted(by_doc.items())]


def sequence_settings():
    """None (the shipped context) and the grid: the chain with or without
    bridges and short lines (``skip``), the estimated transitions or the
    identity (``stay``), their weight, the emissions' temperature, Viterbi or
    the posteriors' argmax."""
    return [None] + [{"skip": skip, "stay": stay, "weight": w, "temperature": t, "decode": decode}
                     for skip, stay, w, t, decode in itertools.product(
                         (True, False), (False, True), (0.1, 0.25, 0.5, 0.75, 1.0), (0.5, 1.0, 2.0),
                         ("viterbi", "posterior")) if not (stay and w == 1.0)]


def run_sequence(docs, fold, outputs, local, k_smooth=1.0):
    """Score every :func:`sequence_settings` setting on the same fold models
    as the shipped context, transitions estimated inside each fold from its
    training excerpts' hand units only; pooled and per fold, units and gold
    parts, with each fold's difference from the shipped row."""
    labels = sorted({e["label"] for e in local})
    matrices = {(k, skip): estimate_transitions(hand_sequences(local, fold, k), labels, k_smooth, skip)
                for k in range(len(outputs)) for skip in (True, False)}
    rows = []
    for setting in sequence_settings():
        units, golds, per_fold, changed = [], [], [], 0
        for k, (test, own, doc_probs) in enumerate(outputs):
            shipped = context_results(test, own, shipped_setting(), doc_probs)
            results = shipped
            if setting is not None:
                decide = partial(sequence_topics, matrix=matrices[k, setting["skip"]], **setting)
                results = context_results(test, own, shipped_setting(), doc_probs, decide=decide)
                changed += own_changes(shipped, results)
            u, g = score_results(test, results)
            per_fold.append({"all": _summary(u + g), "units": _summary(u), "gold": _summary(g)})
            units, golds = units + u, golds + g
        rows.append({"setting": setting, "changed": changed, "units": _summary(units), "gold": _summary(golds),
                     "all": _summary(units + golds), "per_fold": per_fold})
    return _deltas(rows), {f"fold{k}-skip{int(skip)}": m for (k, skip), m in matrices.items()}


# --- Model forms (``--forms``) -------------------------------------------------
# Forms of the classifier measured against the recipe's (LinearSVC + Platt):
# the paragraph's features joined to a down-weighted TF-IDF of its document's
# title (issue 10), a multinomial logistic regression in place of the SVM,
# domain-augmented features, NB-SVM, latent features of unlabelled text.

class LogisticTopicClassifier(TopicClassifier):
    """The recipe's features with a multinomial logistic regression (lbfgs)
    in place of the calibrated SVM: its probabilities are its own (``C`` is
    the regression's, ``class_weight`` as given)."""

    def _fit_model(self, features, y, counts, weight=None):
        from sklearn.linear_model import LogisticRegression
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        model.fit(features, y, sample_weight=weight)
        self.classes_ = np.asarray(model.classes_, dtype=object)
        self.coef_ = np.asarray(model.coef_, dtype=np.float32)
        self.intercept_ = np.asarray(model.intercept_, dtype=np.float64)
        self.calibration_, self._calibrated = None, model
        self.n_features_ = features.shape[1]
        return self


class _PairedTopicClassifier(TopicClassifier):
    """A recipe's classifier over (paragraph, side) pairs: the paragraph's
    features and what :meth:`_joined` makes of them with its side (the
    document's title, the domain); a subclass keeps its own ``__init__``, as
    scikit-learn reads an estimator's parameters from its signature."""

    def _fit_sides(self, sides):
        """Fit what :meth:`_joined` needs of the training sides (nothing here)."""

    def _joined(self, features, sides):
        raise NotImplementedError

    def fit(self, X, y, sample_weight=None):
        X = list(X)
        y, words, chars, counts, weight = self._checked([x for x, _ in X], y, sample_weight)
        # the sides of the paragraphs _checked keeps (a paragraph of weight 0 is left out)
        kept = [True] * len(X) if sample_weight is None else [w > 0 for w in np.asarray(sample_weight, float)]
        sides = [side for (_, side), keep in zip(X, kept) if keep]
        self._fit_sides(sides)
        return self._fit_model(self._joined(self._fit_vectorizers(words, chars), sides), y, counts, weight)

    def _features(self, X):
        X = list(X)
        return self._joined(super()._features([x for x, _ in X]), [side for _, side in X])


class TitledTopicClassifier(_PairedTopicClassifier):
    """The recipe's classifier over (paragraph, title tokens) pairs: the
    paragraph's features joined to the TF-IDF of its document's title (token
    1-2-grams, a block of its own, so a title word is another feature than
    the same word in the text) times ``title_features``."""

    def __init__(self, title_features=0.3, C=0.5, word_ngram_range=(1, 2), char_ngram_range=(1, 3),
                 min_df=2, max_features=150_000, class_weight="balanced", calibration="sigmoid", cv=3,
                 random_state=0):
        super().__init__(C=C, word_ngram_range=word_ngram_range, char_ngram_range=char_ngram_range,
                         min_df=min_df, max_features=max_features, class_weight=class_weight,
                         calibration=calibration, cv=cv, random_state=random_state)
        self.title_features = title_features

    def _fit_sides(self, titles):
        self.title_vectorizer_ = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", lowercase=False,
                                                 ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
        self.title_vectorizer_.fit([" ".join(t or ()) for t in titles])

    def _joined(self, features, titles):
        tfidf = self.title_vectorizer_.transform([" ".join(t or ()) for t in titles])
        return sp.hstack([features, tfidf * self.title_features], format="csr")


class WithTitle:
    """A fitted :class:`TitledTopicClassifier` as a paragraph model of one
    document: every paragraph is classified with the document's title."""

    def __init__(self, model, title_tokens):
        self.model, self.title_tokens, self.classes_ = model, title_tokens, model.classes_

    def predict_proba(self, X):
        return self.model.predict_proba([(x, self.title_tokens) for x in X])


class DomainTopicClassifier(_PairedTopicClassifier):
    """The recipe's classifier over (paragraph, is_local) pairs, its features
    augmented by domain (Daume III 2007, *Frustratingly easy domain
    adaptation*): each paragraph's features once shared and once in a block of
    its own domain (national or local) times ``domain_features``, so the SVM
    can give the local register weights of its own that the national
    paragraphs do not outvote (a test paragraph is local: :class:`AsLocal`)."""

    def __init__(self, domain_features=1.0, C=0.5, word_ngram_range=(1, 2), char_ngram_range=(1, 3),
                 min_df=2, max_features=150_000, class_weight="balanced", calibration="sigmoid", cv=3,
                 random_state=0):
        super().__init__(C=C, word_ngram_range=word_ngram_range, char_ngram_range=char_ngram_range,
                         min_df=min_df, max_features=max_features, class_weight=class_weight,
                         calibration=calibration, cv=cv, random_state=random_state)
        self.domain_features = domain_features

    def _joined(self, features, local):
        local = np.asarray(local, dtype=np.float32) * self.domain_features
        national = self.domain_features - local
        return sp.hstack([features, sp.diags(local) @ features, sp.diags(national) @ features], format="csr")


class AsLocal:
    """A fitted :class:`DomainTopicClassifier` as a paragraph model of local text."""

    def __init__(self, model):
        self.model, self.classes_ = model, model.classes_

    def predict_proba(self, X):
        return self.model.predict_proba([(x, 1) for x in X])


class NBLinearSVC(ClassifierMixin, BaseEstimator):
    """One-vs-rest linear SVMs on features scaled by their naive-Bayes
    log-count ratios (NB-SVM, Wang & Manning 2012, *Baselines and bigrams*):
    label k's SVM reads ``x * r_k``, ``r_k`` the log ratio of the (weighted,
    ``alpha``-smoothed) share of label k's paragraphs and of the others' that
    have each feature. Its weights are folded back onto the features
    (``coef_ = r_k * w_k``, with Wang & Manning's interpolation
    ``w_k = (1 - beta) mean|w_k| + beta w_k``), so the calibrated model is an
    ordinary linear one. Each binary SVM weighs label k's paragraphs by its
    balanced class weight and the others by 1, as liblinear's one-vs-rest does.
    """

    def __init__(self, C=0.5, class_weight="balanced", alpha=1.0, beta=1.0, random_state=0):
        self.C, self.class_weight, self.alpha, self.beta = C, class_weight, alpha, beta
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None):
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        class_weight = (compute_class_weight(self.class_weight, classes=self.classes_, y=y, sample_weight=weight)
                        if self.class_weight else np.ones(len(self.classes_)))
        present = sp.csr_matrix(X, copy=True)
        present.data = (present.data > 0).astype(np.float64)
        coef, intercept = [], []
        for k, label in enumerate(self.classes_):
            positive = y == label
            p = self.alpha + present.T @ (weight * positive)
            q = self.alpha + present.T @ (weight * ~positive)
            r = np.log(p / p.sum()) - np.log(q / q.sum())
            svm = LinearSVC(C=self.C, class_weight={1: class_weight[k]}, random_state=self.random_state)
            svm.fit(X @ sp.diags(r), positive.astype(int), sample_weight=weight)
            w = svm.coef_[0]
            w = (1 - self.beta) * np.abs(w).mean() + self.beta * w
            coef.append(r * w)
            intercept.append(svm.intercept_[0])
        self.coef_, self.intercept_ = np.asarray(coef), np.asarray(intercept)
        return self

    def decision_function(self, X):
        scores = np.asarray(X @ self.coef_.T) + self.intercept_
        return scores[:, 1] - scores[:, 0] if len(self.classes_) == 2 else scores

    def predict(self, X):
        scores = self.decision_function(X)
        return self.classes_[(scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)]


class NBTopicClassifier(TopicClassifier):
    """The recipe's features and calibration with :class:`NBLinearSVC` in place of its SVM."""

    def __init__(self, nb_beta=1.0, C=0.5, word_ngram_range=(1, 2), char_ngram_range=(1, 3), min_df=2,
                 max_features=150_000, class_weight="balanced", calibration="sigmoid", cv=3, random_state=0):
        super().__init__(C=C, word_ngram_range=word_ngram_range, char_ngram_range=char_ngram_range,
                         min_df=min_df, max_features=max_features, class_weight=class_weight,
                         calibration=calibration, cv=cv, random_state=random_state)
        self.nb_beta = nb_beta

    def _linear_model(self):
        return NBLinearSVC(C=self.C, class_weight=self.class_weight, beta=self.nb_beta,
                           random_state=self.random_state)


class LsaTopicClassifier(TopicClassifier):
    """The recipe's classifier with latent semantic features learnt from
    unlabelled text: a truncated SVD (``lsa_components``) of the recipe's
    TF-IDF features of the ``unlabelled`` paragraphs given to ``fit``, each
    training paragraph's projection times ``lsa_weight`` appended to its
    sparse features. The SVD is not centred and the projection not
    normalised, so the SVM's weights on it fold back onto the sparse features
    (``coef_ + lsa_weight * coef_lsa @ components``): the model stays linear
    in the recipe's features, and what changes is the regulariser, which
    costs less along the directions the unlabelled text varies in."""

    def __init__(self, lsa_components=256, lsa_weight=1.0, C=0.5, word_ngram_range=(1, 2),
                 char_ngram_range=(1, 3), min_df=2, max_features=150_000, class_weight="balanced",
                 calibration="sigmoid", cv=3, random_state=0):
        super().__init__(C=C, word_ngram_range=word_ngram_range, char_ngram_range=char_ngram_range,
                         min_df=min_df, max_features=max_features, class_weight=class_weight,
                         calibration=calibration, cv=cv, random_state=random_state)
        self.lsa_components, self.lsa_weight = lsa_components, lsa_weight

    def fit(self, X, y, sample_weight=None, unlabelled=()):
        from sklearn.decomposition import TruncatedSVD
        y, words, chars, counts, weight = self._checked(X, y, sample_weight)
        features = self._fit_vectorizers(words, chars)
        pool = self._features(list(unlabelled)) if len(unlabelled) else features
        svd = TruncatedSVD(self.lsa_components, n_iter=5, random_state=self.random_state).fit(pool)
        self.lsa_explained_ = float(svd.explained_variance_ratio_.sum())
        latent = np.asarray(features @ svd.components_.T) * self.lsa_weight
        self._fit_model(sp.hstack([features, sp.csr_matrix(latent)], format="csr"), y, counts, weight)
        n = features.shape[1]
        self.coef_ = (self.coef_[:, :n] + self.lsa_weight * (self.coef_[:, n:] @ svd.components_)).astype(np.float32)
        self.n_features_ = n
        return self


def unlabelled_paragraphs(cache):
    """Tokens of every paragraph of the documents the recipe's national and
    policy-document examples are drawn from, labelled or not (the training
    set's exclusions: the evaluation, gold and blind work reports, the gold
    congress report and Xi speeches, the gold and blind policy documents)."""
    def build():
        recipe = _recipe()
        excluded = set(recipe.EVAL_WORK_REPORTS) | set(recipe.GOLD_WORK_REPORTS) | set(recipe.BLIND_WORK_REPORTS)
        texts = [p for year, ps in sorted(recipe.work_reports().items())
                 if int(year) >= recipe.FIRST_TRAINING_YEAR and year not in excluded for p in ps]
        texts += [p for congress, ps in sorted(recipe.congress_reports().items())
                  if congress >= recipe.FIRST_TRAINING_CONGRESS and congress not in recipe.GOLD_CONGRESSES
                  for p in ps]
        texts += [p for date, ps in recipe.xi_speeches() if date not in recipe.GOLD_XI_DATES for p in ps]
        gold = recipe.gold_policy_docs()
        texts += [p for doc, ps in recipe.policy_documents() if doc not in gold for p in ps]
        return feature_tokens(texts)
    return _cached(Path(cache) / "unlabelled.pkl", build)


def general_bias(own_of, classes, bias):
    """:func:`reweigh` with ``general``'s probability times ``exp(bias)``."""
    return reweigh(own_of, classes, np.exp(bias * (np.asarray(classes) == "general")))


GENERAL_BIASES = [round(float(b), 2) for b in np.arange(-1.0, 1.01, 0.1)]


def general_bias_outputs(outputs, fixed=None):
    """Per fold ``(test, own, doc_probs)`` with a bias on ``general`` (log
    scale) before the context, and the bias of each fold: ``fixed``, else the
    one of :data:`GENERAL_BIASES` that scores best (accuracy, then macro-F1,
    then the smallest) on the other folds' excerpts (their own held-out
    results under the shipped context), so the held-out fold never chooses
    its own bias."""
    classes = sorted({c for _, own, _ in outputs for rs in own.values() for r in rs if r for c in r["scores"]})

    def biased(output, b):
        test, own, doc_probs = output
        probs = general_bias({i: [{"label": None, "scores": p}] for i, p in doc_probs.items() if p}, classes, b)
        return test, general_bias(own, classes, b), {i: probs[i][0]["scores"] if i in probs else None
                                                    for i in doc_probs}

    if fixed is not None:
        return [biased(o, fixed) for o in outputs], [fixed] * len(outputs)
    def pairs_of(test, own, doc_probs):
        units, golds = score(test, own, shipped_setting(), doc_probs)
        return units + golds

    pairs = {b: [pairs_of(*biased(o, b)) for o in outputs] for b in GENERAL_BIASES}
    chosen = []
    for k in range(len(outputs)):
        def merit(b):
            pooled = [p for j, ps in enumerate(pairs[b]) if j != k for p in ps]
            s = _summary(pooled)
            return s["accuracy"], s["macro_f1"], -abs(b)
        chosen.append(max(GENERAL_BIASES, key=merit))
    return [biased(o, b) for o, b in zip(outputs, chosen)], chosen


def mix_of(spec):
    """``(a, geometric)`` of a ``mix:A`` or ``gmix:A`` form, else None."""
    kind, _, a = spec.partition(":")
    return (float(a), kind == "gmix") if kind in ("mix", "gmix") else None


def mix_scores(recipe, local, a, geometric=False):
    """The mixture of two ``{label: probability}`` dicts over the recipe's
    labels (a label the local expert never saw has 0 from it):
    ``(1 - a) * recipe + a * local``, or with ``geometric`` the normalised
    ``recipe ** (1 - a) * local ** a`` (each floored at
    :data:`~policy_nlp.stages.topics.context.LOG_FLOOR`, so one model's 0
    does not veto a label). None when either is None."""
    if recipe is None or local is None:
        return None
    labels = list(recipe)
    p = np.array([recipe[k] for k in labels], dtype=float)
    q = np.array([local.get(k, 0.0) for k in labels], dtype=float)
    if geometric:
        mixed = np.exp((1 - a) * np.log(np.clip(p, LOG_FLOOR, 1.0)) + a * np.log(np.clip(q, LOG_FLOOR, 1.0)))
        mixed /= mixed.sum()
    else:
        mixed = (1 - a) * p + a * q
    return dict(zip(labels, mixed.tolist()))


def mix_results(recipe, local, a, geometric=False):
    """Paragraph results (:func:`own_results` of one document) of the mixture
    of the recipe's and the local expert's (:func:`mix_scores`), each
    ``{"label", "score", "scores"}`` as :func:`classify_paragraphs` gives."""
    out = []
    for r, q in zip(recipe, local):
        scores = mix_scores(r and r["scores"], q and q["scores"], a, geometric)
        if scores is None:
            out.append(None)
            continue
        best = max(scores, key=scores.get)
        scores = {k: round(v, 4) for k, v in scores.items()}
        out.append({"label": best, "score": scores[best], "scores": scores})
    return out


def mixed_outputs(recipe_outputs, local_outputs, a, geometric=False):
    """Per fold ``(test, own, doc_probs)`` of the mixture of the recipe's fold
    models and the local experts (:func:`fold_outputs` with ``local_only``)."""
    return [(test, {i: mix_results(own[i], own_l[i], a, geometric) for i in test},
             {i: mix_scores(probs[i], probs_l[i], a, geometric) for i in test})
            for (test, own, probs), (_, own_l, probs_l) in zip(recipe_outputs, local_outputs)]


def parse_form(spec):
    """A ``--forms`` item: ``svm`` (the recipe's), ``svm:balanced`` or
    ``svm:none`` (its class weights), ``title:W`` (title block weight W),
    ``lr:C:balanced`` or ``lr:C:none``, ``domain:W`` (domain-augmented
    features, each domain's block times W), ``nb:C[:BETA]`` (NB-SVM,
    :class:`NBTopicClassifier`), ``lsa:N:W`` (N latent features from the
    unlabelled paragraphs times W, :class:`LsaTopicClassifier`). Returns (name, factory, pairs)
    where ``factory(args, extra)`` makes the estimator and ``pairs`` says what
    each training example's tokens are paired with (None, ``"title"``, ``"domain"``;
    ``"unlabelled"``: ``fit`` also takes the unlabelled paragraphs)."""
    parts = spec.split(":")
    if parts[0] == "svm":
        weight = {"balanced": "balanced", "none": None}[parts[1]] if len(parts) > 1 else None
        return spec, lambda a, extra: TopicClassifier(
            C=a.C, class_weight=weight if len(parts) > 1 else a.class_weight or None, **extra), None
    if parts[0] == "title":
        weight = float(parts[1])
        return spec, lambda a, extra: TitledTopicClassifier(
            title_features=weight, C=a.C, class_weight=a.class_weight or None, **extra), "title"
    if parts[0] == "lr":
        C, balanced = float(parts[1]), parts[2] == "balanced"
        return spec, lambda a, extra: LogisticTopicClassifier(
            C=C, class_weight="balanced" if balanced else None, **extra), None
    if parts[0] == "domain":
        weight = float(parts[1])
        return spec, lambda a, extra: DomainTopicClassifier(
            domain_features=weight, C=a.C, class_weight=a.class_weight or None, **extra), "domain"
    if parts[0] == "nb":
        C, beta = float(parts[1]), float(parts[2]) if len(parts) > 2 else 1.0
        return spec, lambda a, extra: NBTopicClassifier(
            nb_beta=beta, C=C, class_weight=a.class_weight or None, **extra), None
    if parts[0] == "lsa":
        n, weight = int(parts[1]), float(parts[2])
        return spec, lambda a, extra: LsaTopicClassifier(
            lsa_components=n, lsa_weight=weight, C=a.C, class_weight=a.class_weight or None, **extra), "unlabelled"
    raise ValueError(f"unknown form {spec!r}: svm[:balanced|none], title:W, lr:C:balanced|none, domain:W, "
                     "nb:C[:BETA], lsa:N:W, gbias, gbias:B or avg:A:FORM")


def national_titles(recipe):
    """``{(corpus, doc): title}`` of the national training documents: the
    work and congress reports' own titles (which name no area), else the
    title the pipeline would find in the first lines (:func:`topic_context.find_title`;
    none for the policy documents, one of the Xi speeches)."""
    out = {}
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        with open(recipe._corpus_path("national", name), encoding="utf-8") as handle:
            for record in map(json.loads, filter(str.strip, handle)):
                doc = str(record.get("year") or record.get("congress"))
                out[("national/" + name, doc)] = record.get("title")
    for date, paragraphs in recipe.xi_speeches():
        out.setdefault(("xi_speeches_2020/all_data.csv", date), topic_context.find_title(paragraphs))
    for doc, paragraphs in recipe.policy_documents():
        out[("policy_docs/policy_documents.jsonl", doc)] = topic_context.find_title(paragraphs)
    return out


def title_tokens(cache, national, local, docs):
    """Title tokens of every national and local training example and of every test excerpt."""
    def build():
        titles = national_titles(_recipe())
        nat = [titles.get((e["corpus"], e["doc"])) for e in national]
        loc = [docs[e["doc"]]["title"] if e["doc"] in docs else None for e in local]
        test = {i: d["title"] for i, d in docs.items()}
        distinct = sorted({t for t in nat + loc + list(test.values()) if t})
        tokens = dict(zip(distinct, feature_tokens(distinct)))
        return ([tokens.get(t) for t in nat], [tokens.get(t) for t in loc],
                {i: tokens.get(t) for i, t in test.items()})
    return _cached(Path(cache) / "titles.pkl", build)


def run_forms(args, started):
    """Score each form of ``--forms`` under the shipped context and with the
    context's title weight set to each of ``--context-title-weights``; every
    row with each fold's scores and its per-fold difference from the first
    form's shipped row (the reference: list ``svm`` first), for the units,
    the gold and both."""
    rows = []
    for spec in args.forms.split(","):
        mix = mix_of(spec)
        if spec.split(":")[0] == "gbias":  # the recipe's fold models (cached), general biased
            outputs, biases = general_bias_outputs(fold_outputs(args, started)[3],
                                                   float(spec.split(":")[1]) if ":" in spec else None)
            print(f"{spec}: bias of each fold {biases}", flush=True)
        elif spec.startswith("avg:"):  # the recipe's fold models averaged with another form's
            _, a, inner = spec.split(":", 2)
            outputs = mixed_outputs(fold_outputs(args, started)[3],
                                    fold_outputs(args, started, parse_form(inner))[3], float(a))
        elif mix:  # the recipe's fold models (cached) mixed with the local experts'
            outputs = mixed_outputs(fold_outputs(args, started)[3], fold_outputs(args, started, local_only=True)[3],
                                    *mix)
        else:
            outputs = fold_outputs(args, started, parse_form(spec))[3]
        for t in [None] + [float(w) for w in args.context_title_weights.split(",") if w]:
            setting = shipped_setting() if t is None else dict(shipped_setting(), title_weight=t)
            rows.append({"form": spec, "setting": setting, **score_outputs(outputs, setting)})
    return _deltas(rows)


def run_reread(outputs):
    """The shipped context and none, each scored on the hand units' coders'
    labels (``units``) and reread labels (``units_reread``), the gold part,
    pooled and per fold (``--reread``)."""
    rows = []
    for setting in grid_settings(False):
        units, reread, golds, per_fold = [], [], [], []
        for test, own, doc_probs in outputs:
            results = context_results(test, own, setting, doc_probs)
            u, g = score_results(test, results)
            r = [(label, results[doc_id][index]["label"] if index is not None and results[doc_id][index] else None)
                 for doc_id, d in test.items() for label, index in d.get("units_reread", ())]
            per_fold.append({"units": _summary(u), "units_reread": _summary(r), "gold": _summary(g),
                             "all": _summary(u + g), "all_reread": _summary(r + g)})
            units, reread, golds = units + u, reread + r, golds + g
        rows.append({"setting": setting, "units": _summary(units), "units_reread": _summary(reread),
                     "gold": _summary(golds), "all": _summary(units + golds),
                     "all_reread": _summary(reread + golds), "per_fold": per_fold})
    return rows


def make_parser():
    """The options that choose the fold models (and so their cache files)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--class-weight", default="balanced")
    parser.add_argument("--local-weight", type=int, default=None)
    parser.add_argument("--train-gold", action="store_true")
    parser.add_argument("--cache", default="/tmp/policy_nlp_topic_cv")
    parser.add_argument("--char-ngrams", default=None, help="e.g. 1,4")
    parser.add_argument("--word-ngrams", default=None, help="e.g. 1,3")
    parser.add_argument("--drop-national", default=None,
                        help="comma-separated weak-label sources of national rows left out of training, "
                             "e.g. no_terms,general")
    parser.add_argument("--relabel-titled-general", type=int, default=None, metavar="CHARS",
                        help="train with the hand units labelled general of CHARS characters or more, in "
                             "excerpts whose title names an area, relabelled to that area (meeting openings "
                             "and transmittals kept); the units are still scored on their own labels")
    parser.add_argument("--reread", default=None, metavar="FILE",
                        help="a re-reading of hand units (jsonl: id, index, opening, label, reread): train "
                             "on the reread labels and score the units on both the coders' and the reread "
                             "labels (corpora/topic_labels/local_general_reread.jsonl)")
    parser.add_argument("--reread-score-only", action="store_true",
                        help="with --reread: train on the coders' labels (the shipped fold models), score "
                             "on both")
    parser.add_argument("-o", "--output", default=None)
    return parser


def relabel_titled_general(local, docs, min_chars):
    """The local training examples with the gold annotators' reading of a
    topical meeting: a hand unit labelled ``general`` of ``min_chars`` or more
    in an excerpt whose title names an area takes that area, unless it is a
    meeting opening or a transmittal (the bridges both readings keep
    ``general``). Returns (examples, how many were relabelled)."""
    out, changed = [], 0
    for e in local:
        d = docs.get(e["doc"])
        area = topic_context.title_topic(d["title"]) if d else None
        text = e["text"].strip()
        # a defence title names general (data/title_topics.tsv): nothing to relabel
        if e["source"] == "hand" and e["label"] == "general" and area not in (None, "general") \
                and len(text) >= min_chars \
                and not topic_context.is_meeting_opening(text) and not topic_context.is_transmittal(text):
            e, changed = dict(e, label=area), changed + 1
        out.append(e)
    return out, changed


def reread_labels(local, path):
    """The local training examples with the labels of a re-reading
    (``--reread``): a hand unit takes the ``reread`` label of the row of its
    excerpt whose ``opening`` is its first 12 characters (the nearest
    ``index`` when the opening repeats, as :func:`local_examples` matches
    hand labels). Returns (examples, how many rows matched, how many changed)."""
    rows = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.setdefault((row["id"], row["opening"]), []).append((int(row["index"]), row["reread"]))
    out, matched, changed = [], 0, 0
    for e in local:
        found = rows.get((e["doc"], e["text"][:12])) if e["source"] == "hand" else None
        if found:
            nearest = min(found, key=lambda item: abs(item[0] - e["index"]))
            found.remove(nearest)
            matched, changed = matched + 1, changed + (nearest[1] != e["label"])
            e = dict(e, label=nearest[1])
        out.append(e)
    return out, matched, changed


def attach_reread(docs, local):
    """Give each test excerpt's scored units (``units``: one per hand unit,
    in order) their reread labels as ``units_reread``."""
    by_doc = {}
    for e in local:
        if e["source"] == "hand":
            by_doc.setdefault(e["doc"], []).append(e["label"])
    for doc_id, d in docs.items():
        if "units" in d:
            labels = by_doc.get(doc_id, [])
            assert len(labels) == len(d["units"]), doc_id
            d["units_reread"] = [(label, index) for label, (_, index) in zip(labels, d["units"])]


# --- A local learning curve (``--local-fractions``) ----------------------------
# How fast does local accuracy grow with the local labelled text? Each fold
# keeps a random fraction of its local training excerpts, whole (all their
# units, and with --train-gold their gold paragraphs), the national and
# policy-document rows unchanged, and is scored on the same held-out
# paragraphs under the shipped context.

def training_excerpts(local, gold, fold, k):
    """The local excerpts fold ``k`` trains on, in three groups drawn apart:
    the training folds' hand-labelled excerpts, the excerpts without a fold
    (no hand unit, weak labels only) and the training folds' gold excerpts
    (of ``gold``: empty unless ``--train-gold``)."""
    return [sorted({e["doc"] for e in local if e["doc"] in fold and fold[e["doc"]] != k}),
            sorted({e["doc"] for e in local if e["doc"] not in fold}),
            sorted({e["doc"] for e in gold if fold[e["doc"]] != k})]


def kept_excerpts(groups, fraction, seed, k):
    """The excerpts a learning-curve model of fold ``k`` keeps: of each group,
    ``round(fraction * n)`` drawn at random by ``seed``; one seed's draws are
    nested (a larger fraction keeps every excerpt of a smaller one).

    >>> groups = [["a", "b", "c", "d"], [], ["g1", "g2"]]
    >>> half = kept_excerpts(groups, 0.5, 0, 0)
    >>> len(half), half <= kept_excerpts(groups, 0.75, 0, 0), kept_excerpts(groups, 1.0, 7, 3) == set(sum(groups, []))
    (3, True, True)
    """
    rng = np.random.default_rng([seed, k])
    kept = set()
    for group in groups:
        order = rng.permutation(len(group))
        kept.update(group[i] for i in order[:int(round(fraction * len(group)))])
    return kept


def score_outputs(outputs, setting):
    """Pooled and per-fold scores (units, gold parts, both) of fold outputs under one context setting."""
    units, golds, per_fold = [], [], []
    for test, own, doc_probs in outputs:
        u, g = score(test, own, setting, doc_probs)
        per_fold.append({"all": _summary(u + g), "units": _summary(u), "gold": _summary(g)})
        units, golds = units + u, golds + g
    return {"units": _summary(units), "gold": _summary(golds), "all": _summary(units + golds), "per_fold": per_fold}


def run_curve(args, started):
    """One row per fraction of ``--local-fractions`` and curve seed (one for
    fractions 0 and 1, which draw nothing): the shipped context's scores and
    each fold's number of local training paragraphs."""
    rows = []
    for fraction in [float(f) for f in args.local_fractions.split(",")]:
        for seed in range(args.curve_seeds) if 0 < fraction < 1 else [0]:
            args.curve, sizes = (fraction, seed), []
            outputs = fold_outputs(args, started, sizes=sizes)[3]
            rows.append({"fraction": fraction, "seed": seed, "local_paragraphs": sizes,
                         **score_outputs(outputs, shipped_setting())})
            print(json.dumps({k: rows[-1][k] for k in ("fraction", "seed", "local_paragraphs", "all")}), flush=True)
    args.curve = None
    return rows


def curve_summary(rows, targets=(("accuracy", 0.85), ("macro_f1", 0.75))):
    """Per fraction: the mean local training paragraphs, the pooled accuracy
    and macro-F1 (mean, min, max over seeds), the folds' accuracy (mean of
    the seeds' standard deviations, lowest and highest fold); and a
    least-squares line of each pooled score against log2(local paragraphs)
    over the fractions above 0, with the paragraphs it would need for each target."""
    table = []
    for fraction in sorted({r["fraction"] for r in rows}):
        runs = [r for r in rows if r["fraction"] == fraction]
        folds = [[f["all"]["accuracy"] for f in r["per_fold"]] for r in runs]
        entry = {"fraction": fraction, "seeds": len(runs),
                 "local_paragraphs": round(float(np.mean([np.mean(r["local_paragraphs"]) for r in runs])), 1),
                 "fold_accuracy_sd": round(float(np.mean([np.std(f) for f in folds])), 4),
                 "fold_accuracy_range": [min(map(min, folds)), max(map(max, folds))]}
        for metric, _ in targets:
            values = [r["all"][metric] for r in runs]
            entry[metric] = [round(float(np.mean(values)), 4), min(values), max(values)]
        table.append(entry)
    points = [e for e in table if e["fraction"] > 0]
    trend = {}
    if len(points) >= 2:
        x = np.log2([e["local_paragraphs"] for e in points])
        for metric, target in targets:
            slope, intercept = np.polyfit(x, [e[metric][0] for e in points], 1)
            trend[metric] = {"slope_per_doubling": round(float(slope), 4), "intercept": round(float(intercept), 4),
                             "target": target, "paragraphs_needed":
                             round(float(2 ** ((target - intercept) / slope))) if slope > 0 else None}
    return table, trend


def fold_outputs(args, started, form=None, local_only=False, sizes=None):
    """The test excerpts, each excerpt's fold, the local weight and, per fold,
    ``(test documents, own results, whole-document probabilities)`` of the
    fold's model (retrained, or read from the cache); ``form`` is a
    :func:`parse_form` result (default: the recipe's classifier);
    ``local_only`` trains on the local units alone, each once (the local
    expert of ``mix:A``). With ``args.curve = (fraction, seed)`` each fold
    keeps only :func:`kept_excerpts` of its local training excerpts (the
    national and policy-document rows unchanged); ``sizes``, a list, gets
    each fold's number of local training paragraphs (each counted once)."""
    name, factory, pairs = form or parse_form("svm")
    extra = {}
    if args.char_ngrams:
        extra["char_ngram_range"] = tuple(int(n) for n in args.char_ngrams.split(","))
    if args.word_ngrams:
        extra["word_ngram_range"] = tuple(int(n) for n in args.word_ngrams.split(","))
    args.tag = "".join(f"-{k}{v[0]}{v[1]}" for k, v in sorted(extra.items()))
    (national, national_tokens), (local, local_tokens, gold, gold_tokens), docs = prepare(Path(args.cache))
    if name != "svm":
        args.tag += "-" + name.replace(":", "")
    if pairs == "title":  # each example a (tokens, title tokens) pair; the test documents' titles kept apart
        national_titles_, local_titles, test_titles = title_tokens(args.cache, national, local, docs)
        national_tokens = list(zip(national_tokens, national_titles_))
        local_tokens = list(zip(local_tokens, local_titles))
    elif pairs == "domain":  # each example a (tokens, is_local) pair
        national_tokens = [(tokens, 0) for tokens in national_tokens]
        local_tokens = [(tokens, 1) for tokens in local_tokens]
    if getattr(args, "drop_national", None):
        dropped = set(args.drop_national.split(","))
        keep = [i for i, e in enumerate(national) if e["source"] not in dropped]
        national, national_tokens = [national[i] for i in keep], [national_tokens[i] for i in keep]
        args.tag += "-drop" + "+".join(sorted(dropped))
    if getattr(args, "relabel_titled_general", None) is not None:
        local, changed = relabel_titled_general(local, docs, args.relabel_titled_general)
        args.tag += f"-relabel{args.relabel_titled_general}"
        print(f"{changed} hand units labelled general relabelled to their title's area", flush=True)
    if getattr(args, "reread", None):
        reread, matched, changed = reread_labels(local, args.reread)
        attach_reread(docs, reread)
        print(f"{args.reread}: {matched} hand units matched, {changed} labels changed", flush=True)
        if not args.reread_score_only:
            local = reread
            args.tag += "-reread" + hashlib.sha1(Path(args.reread).read_bytes()).hexdigest()[:8]
    recipe = _recipe()
    weight = recipe.LOCAL_WEIGHT if args.local_weight is None else args.local_weight
    if local_only:
        national, national_tokens, weight = [], [], 1
        args.tag += "-localonly"
    gold_ids = [d["gold"]["source"]["match"]["id"] for d in docs.values() if "gold" in d]
    fold = folds_of(list(docs), gold_ids, args.folds, args.seed)
    fraction, curve_seed = getattr(args, "curve", None) or (1.0, 0)
    if fraction < 1:  # fraction 1 keeps every excerpt: the full model's rows and cache file
        args.tag += f"-curve{fraction:g}" + (f"s{curve_seed}" if fraction > 0 else "")
    print(f"prepared in {time.time() - started:.0f} s: {len(national)} national, {len(local)} local "
          f"units, {len(gold)} gold paragraphs, {len(docs)} test excerpts", flush=True)
    outputs = []
    for k in range(args.folds):
        X = list(national_tokens)
        y = [e["label"] for e in national]
        # the recipe's weights (its policy-document pool); local units weigh 1 a copy
        w = [e.get("weight", 1.0) for e in national]
        kept = kept_excerpts(training_excerpts(local, gold if args.train_gold else [], fold, k),
                             fraction, curve_seed, k)
        n_local = 0
        for e, tokens in zip(local, local_tokens):
            # excerpts without a fold (no hand unit) always train, unless the curve leaves them out
            if fold.get(e["doc"], -1) != k and e["doc"] in kept:
                X += [tokens] * weight
                y += [e["label"]] * weight
                w += [1.0] * weight
                n_local += 1
        if args.train_gold:
            for e, tokens in zip(gold, gold_tokens):
                if fold[e["doc"]] != k and e["doc"] in kept:
                    X += [tokens] * weight
                    y += [e["label"]] * weight
                    w += [1.0] * weight
                    n_local += 1
        if sizes is not None:
            sizes.append(n_local)
        weighted = {"sample_weight": w} if any(v != 1.0 for v in w) else {}
        test = {i: d for i, d in docs.items() if fold[i] == k}
        key = Path(args.cache) / (f"fold{k}of{args.folds}-s{args.seed}-C{args.C}-{args.class_weight}"
                                  f"-w{weight}-g{int(args.train_gold)}{args.tag}"
                                  f"{'-sw' if weighted else ''}.pkl")

        if pairs == "unlabelled":  # the national pool and the training folds' excerpts, every paragraph
            weighted["unlabelled"] = unlabelled_paragraphs(args.cache) + [
                tokens for i, d in docs.items() if fold[i] != k for tokens in d["tokens"]]

        def fit():
            model = factory(args, extra).fit(X, y, **weighted)
            if pairs == "domain":
                model = AsLocal(model)
            if pairs == "title":
                models = {i: WithTitle(model, test_titles[i]) for i in test}
                return ({i: own_results(models[i], {i: d})[i] for i, d in test.items()},
                        {i: doc_probabilities(models[i], {i: d})[i] for i, d in test.items()})
            return own_results(model, test), doc_probabilities(model, test)

        if getattr(args, "spread", False):  # the same model as the shipped row's, and its parts
            spread_key = key.with_name(key.stem + f"-spread{SPREAD_PART_CHARS}.pkl")

            def fit_spread():
                model = factory(args, extra).fit(X, y)
                value = (own_results(model, test), doc_probabilities(model, test))
                if key.is_file():  # how far retraining is from the cached fold model (the rows use this one)
                    print(f"fold {k}: {own_changes(pickle.loads(key.read_bytes())[0], value[0])} paragraphs "
                          "of another label than the cached fold model's", flush=True)
                else:
                    key.write_bytes(pickle.dumps(value))
                return value + ((spread_of(model, test), [str(c) for c in model.classes_]),)
            own, doc_probs, spread_info = _cached(spread_key, fit_spread)
            outputs.append((test, own, doc_probs, spread_info))
        elif getattr(args, "label_shift", False):
            shift_key = key.with_name(key.stem + "-shift.pkl")

            def fit_shift():
                model = TopicClassifier(C=args.C, class_weight=args.class_weight or None, **extra).fit(X, y)
                value = (own_results(model, test), doc_probabilities(model, test))
                if not key.is_file():
                    key.write_bytes(pickle.dumps(value))
                seen = {i: d for i, d in docs.items() if fold[i] != k}
                return value + (shift_statistics(model, X, y, seen),)
            own, doc_probs, stats = _cached(shift_key, fit_shift)
            outputs.append((test, own, doc_probs, stats))
        else:
            own, doc_probs = _cached(key, fit)
            outputs.append((test, own, doc_probs))
        print(f"fold {k}: {len(X)} training paragraphs ({time.time() - started:.0f} s)", flush=True)
    return docs, fold, weight, outputs


def main(argv=None):
    parser = make_parser()
    parser.add_argument("--grid", action="store_true", help="score a grid of context weights")
    parser.add_argument("--gated", action="store_true",
                        help="score the document prior gated by genre (GATES), with each fold's scores")
    parser.add_argument("--gates", default=None,
                        help="with --gated: comma-separated gates to score (default: all but news), e.g. news")
    parser.add_argument("--seed-evidence", action="store_true",
                        help="score the codebook's seed terms as evidence against general (run_seed_evidence)")
    parser.add_argument("--label-shift", action="store_true",
                        help="score a label-shift correction (Saerens et al. 2002) before the shipped context")
    parser.add_argument("--spread", action="store_true",
                        help="score paragraphs whose parts span many areas moved to general (run_spread)")
    parser.add_argument("--sequence", action="store_true",
                        help="score topics smoothed along the paragraph sequence (run_sequence)")
    parser.add_argument("--forms", default=None, metavar="FORM[,FORM...]",
                        help="score these model forms, each retrained per fold, against the first: svm (the "
                             "recipe's LinearSVC + Platt), title:W (the paragraph's features joined to its "
                             "document's title TF-IDF times W: excerpt titles as the pipeline finds them, "
                             "national report titles), lr:C:balanced or lr:C:none (multinomial logistic "
                             "regression), svm:none (unweighted classes), domain:W (features augmented by "
                             "domain, national and local blocks times W), mix:A or gmix:A (the recipe's model "
                             "mixed, linearly or geometrically, with a local expert fit on the local units "
                             "alone, weight A), nb:C[:BETA] (NB-SVM), lsa:N:W (N latent features of the "
                             "unlabelled development paragraphs times W), gbias[:B] (a bias on general, chosen "
                             "on the other folds or B), avg:A:FORM (the recipe's model averaged with FORM's, "
                             "weight A); e.g. svm,title:0.3,lr:10:balanced,mix:0.35,nb:0.1,lsa:256:1,gbias")
    parser.add_argument("--context-title-weights", default="1.0,0.5,0",
                        help="with --forms: also score each form with the context's title weight set to these")
    parser.add_argument("--local-fractions", default=None, metavar="F[,F...]",
                        help="a local learning curve: each fold keeps these fractions of its local training "
                             "excerpts, whole, drawn at random (national rows unchanged), shipped context; "
                             "e.g. 0,0.125,0.25,0.5,0.75,1")
    parser.add_argument("--curve-seeds", type=int, default=3,
                        help="with --local-fractions: draws of each fraction between 0 and 1")
    args = parser.parse_args(argv)
    started = time.time()
    if args.local_fractions:
        rows = run_curve(args, started)
        table, trend = curve_summary(rows)
        for entry in table:
            print(json.dumps(entry))
        print(json.dumps({"trend": trend}))
        if args.output:
            Path(args.output).write_text(json.dumps(
                {"args": vars(args), "seconds": round(time.time() - started), "table": table, "trend": trend,
                 "rows": rows}, indent=1) + "\n", encoding="utf-8")
        return
    if args.forms:
        if args.train_gold or args.label_shift:
            parser.error("--forms takes neither --train-gold nor --label-shift")
        rows = run_forms(args, started)
        for row in rows:
            print(json.dumps({k: row[k] for k in ("form", "units", "gold", "all", "delta_per_fold")}
                             | {"title_weight": row["setting"]["title_weight"]}))
        if args.output:
            Path(args.output).write_text(json.dumps({"args": vars(args), "seconds": round(time.time() - started),
                                                     "rows": rows}, indent=1) + "\n", encoding="utf-8")
        return
    docs, fold, weight, outputs = fold_outputs(args, started)
    if args.reread:
        rows = run_reread(outputs)
        for row in rows:
            print(json.dumps({k: row[k] for k in ("setting", "units", "units_reread", "gold", "all", "all_reread")}))
        if args.output:
            Path(args.output).write_text(json.dumps(
                {"args": vars(args), "local_weight": weight, "seconds": round(time.time() - started),
                 "rows": rows}, indent=1) + "\n", encoding="utf-8")
        return
    if args.sequence:
        local = prepare(Path(args.cache))[1][0]
        rows, matrices = run_sequence(docs, fold, outputs, local)
        for row in rows[:1] + sorted(rows[1:], key=lambda r: -(r["all"]["accuracy"] + r["all"]["macro_f1"]))[:15]:
            print(json.dumps({k: row[k] for k in ("setting", "changed", "units", "gold", "all")}
                             | {"delta_all": row["delta_per_fold"]["all"]}))
        if args.output:
            Path(args.output).write_text(json.dumps(
                {"args": vars(args), "local_weight": weight, "seconds": round(time.time() - started),
                 "transitions": matrices, "rows": rows}, indent=1) + "\n", encoding="utf-8")
        return
    if args.spread:
        rows = run_spread(outputs)
        for row in rows:
            print(json.dumps({k: row[k] for k in ("setting", "moved", "units", "gold", "all")}
                             | {"delta_all": row["delta_per_fold"]["all"]}))
        if args.output:
            Path(args.output).write_text(json.dumps(
                {"args": vars(args), "local_weight": weight, "seconds": round(time.time() - started),
                 "rows": rows}, indent=1) + "\n", encoding="utf-8")
        return
    if args.seed_evidence:
        rows = run_seed_evidence(outputs)
        for row in rows:
            print(json.dumps({k: row[k] for k in ("setting", "units", "gold", "all")}))
        if args.output:
            Path(args.output).write_text(json.dumps({"args": vars(args), "local_weight": weight, "rows": rows},
                                                    indent=1) + "\n", encoding="utf-8")
        return
    if args.label_shift:
        rows, priors = run_label_shift(args, docs, fold, outputs)
        for row in rows:
            print(json.dumps({k: row[k] for k in ("setting", "units", "gold", "all")}))
        if args.output:
            Path(args.output).write_text(json.dumps(
                {"args": vars(args), "local_weight": weight, "seconds": round(time.time() - started),
                 "priors": priors, "rows": rows}, indent=1) + "\n", encoding="utf-8")
        return
    settings = grid_settings(args.grid, args.gated, args.gates.split(",") if args.gates else None)
    per_fold = [[] for _ in settings]
    pooled = [([], []) for _ in settings]
    for test, own, doc_probs in outputs:
        for s, setting in enumerate(settings):
            units, golds = score(test, own, setting, doc_probs)
            per_fold[s].append(_summary(units + golds))
            pooled[s][0].extend(units)
            pooled[s][1].extend(golds)
    rows = [{"setting": setting, **summarize(per_fold[s], *pooled[s], per_fold=args.gated)}
            for s, setting in enumerate(settings)]
    order = sorted(range(len(rows)), key=lambda r: -(rows[r]["all"]["accuracy"] + rows[r]["all"]["macro_f1"]))
    for r in [0, 1] + [r for r in order[:10] if r > 1]:
        print(json.dumps(rows[r]))
    if args.output:
        result = {"args": vars(args), "local_weight": weight, "seconds": round(time.time() - started),
                  "rows": rows}
        # a grid of hundreds of settings is written on one line
        compact = {"separators": (",", ":")} if len(rows) > 100 else {"indent": 1}
        Path(args.output).write_text(json.dumps(result, **compact) + ("\n" if compact.get("separators") else ""), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
