"""Recipe of the default topic model (``models/topics-default``): ``make model`` runs it.

Repository-bound, so it lives beside the model and not in the library: it
reads the real corpora in ``../shared/corpora`` (never its held-out splits)
and builds the training set by weak labelling, except for the local speech
units that were coded by hand (``hand`` below); none of the national
evaluation paragraphs is in it:

- ``heading``: the topical subsection headings of national work reports
  and CPC congress reports (（三）坚持农业农村优先发展 …) label the
  paragraphs under them, through the codebook's seed terms;
- ``lead``: the lead sentence that opens most paragraphs of these reports
  (推动乡村全面振兴。…) labels its paragraph, through the seed terms;
- ``seed``: seed terms over the whole paragraph, when one label dominates;
- ``hand``/``title``/``local_terms``: paragraph-sized units of the local
  speech development corpus (each counted ``LOCAL_WEIGHT`` times): the 807
  units coded by hand (``corpora/topic_labels/local_hand_labels.jsonl``)
  take their hand label, the others the area their title or occasion names
  or their own terms (:mod:`policy_nlp.apps.local_training`; the local gold
  excerpts never);
- ``general``: rules for the codebook's ``general`` label — salutations,
  section titles, openings and closings without policy terms, paragraphs
  about defence, foreign affairs, Hong Kong/Macao/Taiwan, and paragraphs
  spread over three or more areas.

The hand labels (``corpora/topic_labels/hand_labels.jsonl``: every
paragraph of the 2014, 2021 and 2025 work reports) are the evaluation set;
those documents and the documents with gold topic maps (2019 work report,
the blind 2023 work report, 19th CPC congress report, two Xi speeches of
2020, the seed speech, the Shandong policy documents of the provincial gold)
are excluded from training. :func:`source_agreement` measures each source
against the hand labels.

The generic trainer (any labels, any data) is :mod:`policy_nlp.apps.training`.

Command line::

    python models/topics-default/recipe.py build [-o models/topics-default] [--corpora DIR]
    python models/topics-default/recipe.py agreement
"""

import argparse
import csv
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from policy_nlp.apps.local_training import LOCAL_CORPUS, local_examples, read_hand_labels
from policy_nlp.apps.training import evaluate, write_model_card
from policy_nlp.errors import DocumentError
from policy_nlp.stages.topics import (DEFAULT_MODEL, TopicClassifier, heading_level, is_boilerplate,
                                      keyword_label, keyword_scores, save_model, seed_terms)

REPO = Path(__file__).resolve().parents[2]  # models/topics-default/recipe.py -> repository
SHARED_CORPORA = Path(os.environ.get("POLICY_NLP_SHARED", REPO.parent / "shared")) / "corpora"
HAND_LABELS = REPO / "corpora" / "topic_labels" / "hand_labels.jsonl"
LOCAL_HAND_LABELS = REPO / "corpora" / "topic_labels" / "local_hand_labels.jsonl"
HELD_OUT = "heldout_provincial_2026"
HELD_OUT_SPLITS = (HELD_OUT, "heldout_local_speeches")

# Documents kept out of training: the hand-labelled evaluation reports and
# the documents that have gold topic maps (tests/fixtures/gold, shared/gold).
EVAL_WORK_REPORTS = ("2014", "2021", "2025")
GOLD_WORK_REPORTS = ("2019",)
# the blind national gold (tests/fixtures/gold/blind_national_gwr_2023.json), never opened here
BLIND_WORK_REPORTS = ("2023",)
GOLD_CONGRESSES = (19,)
GOLD_XI_DATES = ("2020-03-07", "2020-04-30")
# Policy documents with gold topic maps: the provincial development gold
# (its ids read from its files) and the Shandong blind gold, named here so
# that its file is never opened.
PROVINCIAL_DEV_GOLD = REPO / "tests" / "fixtures" / "gold_provincial" / "dev"
BLIND_POLICY_DOCS = ("shandong-6",)
# Work reports used for training: the reform era, whose vocabulary matches
# today's reports (1950s-80s reports speak of plans, communes and quotas).
FIRST_TRAINING_YEAR = 1992
FIRST_TRAINING_CONGRESS = 14
# The policy documents are narrow (AI, digital economy, manufacturing): each
# label's policy-document paragraphs count as at most POLICY_DOCS_PER_LABEL in
# all (weight min(1, 300 / n_label)), so they add industry and science
# examples without drowning the rest. The whole pool is used, weighted, rather
# than a seeded sample of it: which 300 of 1,914 industry paragraphs a sample
# took moved the provincial gold between 76 and 92/143 (topics7, topics8).
POLICY_DOCS_PER_LABEL = 300
# Local units are few against thousands of national paragraphs: each counts
# LOCAL_WEIGHT times, so the model learns the local register.
LOCAL_WEIGHT = 3

_SPACES = "\u3000\u200b\u200d\ufeff \t\xa0"
# Wikisource appends a licence notice, split over ~18 lines, to every report.
WIKISOURCE_NOTICE = "本作品是中华人民共和国"


# ---------------------------------------------------------------------------
# Reading the corpora


def _corpus_path(*parts, root=None):
    root = Path(root) if root else SHARED_CORPORA
    path = root.joinpath(*parts)
    if set(HELD_OUT_SPLITS) & set(path.parts):  # pragma: no cover - guard
        raise ValueError(f"{path}: the held-out splits are never read for training")
    return path


def split_lines(text):
    """Paragraphs as the hand labels count them: stripped non-empty lines.

    Examples
    --------
    >>> split_lines("各位代表：\\n\\n\\u3000\\u3000现在，我代表国务院。\\n")
    ['各位代表：', '现在，我代表国务院。']
    """
    out = []
    for line in text.split("\n"):
        line = line.strip().strip("\u3000")
        if line:
            out.append(line)
    return out


def _national_paragraphs(name, key, root=None):
    """``{key(record): [paragraph, ...]}`` of a national JSONL corpus (records
    whose key is None are skipped)."""
    path = _corpus_path("national", name, root=root)
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return {key(r): split_lines(r["content"]) for r in records if key(r) is not None}


def work_reports(root=None):
    """``{year: [paragraph, ...]}`` of the national Government Work Reports."""
    return _national_paragraphs("government_work_reports.jsonl",
                                lambda r: str(r["year"]) if r.get("year") else None, root)


def congress_reports(root=None):
    """``{congress number: [paragraph, ...]}`` of the CPC congress reports."""
    return _national_paragraphs("cpc_congress_reports.jsonl", lambda r: int(r["congress"]), root)


def xi_speeches(root=None):
    """``[(date, [paragraph, ...]), ...]`` of the 2020 Xi speeches (U+3000 runs split)."""
    path = _corpus_path("xi_speeches_2020", "all_data.csv", root=root)
    out = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            text = row["Text"]
            paragraphs = [p.strip(_SPACES) for p in re.split(r"\u3000{2,}|\n+", text)]
            out.append((row["Date"].strip(), [p for p in paragraphs if p]))
    return out


def policy_documents(root=None):
    """``[(id, [paragraph, ...]), ...]`` of the AI / digital-economy policy documents."""
    path = _corpus_path("policy_docs", "policy_documents.jsonl", root=root)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            out.append((record["id"], split_lines(record["content_zh"])))
    return out


def gold_policy_docs(folder=PROVINCIAL_DEV_GOLD):
    """Ids of the policy documents with gold topic maps (never trained on).

    The ids of the provincial development gold's policy documents (read from
    ``folder``) and :data:`BLIND_POLICY_DOCS`.
    """
    ids = set(BLIND_POLICY_DOCS)
    for path in sorted(Path(folder).glob("*.json")):
        with open(path, encoding="utf-8") as f:
            source = json.load(f).get("source") or {}
        if str(source.get("corpus", "")).startswith("policy_docs/") and "id" in source.get("match", {}):
            ids.add(str(source["match"]["id"]))
    return frozenset(ids)


# ---------------------------------------------------------------------------
# Weak labels

_LEAD = re.compile(r"^(.{2,60}?)[。：:；！]")
_MARK = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|[一二三四五六七八九十]+是|"
                   r"第[一二三四五六七八九十]+[，、]|首先|其次|再次|最后)")
_SALUTATION = re.compile(r"^(?:各位代表|同志们|各位委员|女士们|先生们|朋友们)[：:！!,，]?$")
_TITLE_WORDS = ("工作回顾", "总体要求", "政策取向", "工作任务", "主要任务", "政府工作报告", "政府自身建设",
                "总体部署", "主要预期目标", "指导思想")
GENERAL_TERMS = ("国防", "军队", "强军", "军事", "港澳", "香港", "澳门", "一国两制", "台湾", "两岸", "祖国统一",
                 "外交", "人类命运共同体", "民族团结", "宗教", "侨务", "华侨")
_TOPIC_LABELS = None


def _topic_terms():
    """Seed terms without ``general`` (which the rules handle)."""
    global _TOPIC_LABELS
    if _TOPIC_LABELS is None:
        _TOPIC_LABELS = {k: v for k, v in seed_terms().items() if k != "general"}
    return _TOPIC_LABELS


def _confident(scores, minimum, ratio):
    """The top label when it scores >= minimum and >= ratio x the runner-up."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= minimum and top >= ratio * second:
        return best
    return None


def lead_sentence(text):
    """The paragraph's opening sentence when it is short (a lead), else None.

    Examples
    --------
    >>> lead_sentence("推动乡村全面振兴。稳定粮食播种面积。")
    '推动乡村全面振兴'
    """
    text = _MARK.sub("", text)
    match = _LEAD.match(text)
    return match.group(1) if match else None


def general_rule(text):
    """The ``general`` label by rule, or None.

    Salutations; section titles (工作回顾, 总体要求 …) without policy terms;
    paragraphs mainly about defence, foreign affairs, Hong Kong, Macao,
    Taiwan, ethnic and religious affairs; paragraphs whose policy terms are
    spread over three or more labels with none holding 40 %.

    Examples
    --------
    >>> general_rule("各位代表：")
    'general'
    >>> general_rule("深入贯彻习近平强军思想，加强国防和军队建设。")
    'general'
    >>> general_rule("稳定粮食生产。") is None
    True
    """
    plain = text.strip()
    if _SALUTATION.match(plain):
        return "general"
    scores = keyword_scores(plain, _topic_terms())
    total = sum(scores.values())
    if heading_level(plain) is not None and any(w in plain for w in _TITLE_WORDS) and total < 4:
        return "general"
    general_hits = sum(3 * plain.count(t) for t in GENERAL_TERMS)
    if general_hits >= 3 and general_hits > max(scores.values()):
        return "general"
    if total >= 12:
        shares = sorted((s / total for s in scores.values()), reverse=True)
        if shares[0] < 0.4 and sum(1 for s in shares if s >= 0.12) >= 3:
            return "general"
    return None


def weak_labels(paragraphs):
    """Weak labels of one document's paragraphs, by each source and combined.

    Returns
    -------
    list of dict
        Per paragraph ``{"heading", "lead", "seed", "general", "no_terms",
        "label", "source"}``: each source's label or None (``no_terms``:
        ``general`` for a paragraph with no policy term outside a topical
        section); ``label`` is the combined label (None when the sources say
        nothing or conflict) and ``source`` the source that decided it.

    Examples
    --------
    >>> w = weak_labels(["（七）坚持不懈抓好“三农”工作", "加强粮食和重要农产品稳产保供。稳定播种面积。"])
    >>> w[1]["heading"], w[1]["lead"], w[1]["label"]
    ('agriculture_rural', 'agriculture_rural', 'agriculture_rural')
    """
    terms = _topic_terms()
    out = []
    section = {}  # heading level -> label of the open section at that level
    notice = False
    for text in paragraphs:
        record = {"heading": None, "lead": None, "seed": None, "general": None,
                  "no_terms": None, "label": None, "source": None}
        if is_boilerplate(text) or text.startswith(WIKISOURCE_NOTICE):
            notice = notice or text.startswith(WIKISOURCE_NOTICE)
            out.append(record)
            continue
        if notice:  # the licence notice runs to the end of the document
            out.append(record)
            continue
        if text.startswith(("各位代表", "同志们")):
            section.clear()  # a salutation closes the open sections
        level = heading_level(text)
        # A paragraph opening with （三）/ 三、 opens a section whose title is
        # the heading line or the paragraph's lead sentence.
        opener = re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)", text)
        if opener:
            mark_level = 2 if text[0] in "（(" else 1
            title = text if level is not None else (lead_sentence(text) or "")
            title_label = _confident(keyword_scores(title, terms), 2, 2.0) if title else None
            section[mark_level] = title_label
            for deeper in [k for k in section if k > mark_level]:
                del section[deeper]
        open_label = section.get(2) if section.get(2) is not None else section.get(1)
        if level is None and open_label:
            record["heading"] = open_label
        lead = lead_sentence(text)
        if lead:
            record["lead"] = _confident(keyword_scores(lead, terms), 2, 2.0)
        scores = keyword_scores(text, terms)
        total = sum(scores.values())
        best = max(scores, key=scores.get)
        if total and scores[best] >= 4 and scores[best] >= 0.5 * total:
            record["seed"] = best
        record["general"] = general_rule(text)
        if total < 2 and not record["heading"]:
            # No policy terms and no topical section: openings, transitions,
            # rallying calls (the codebook's general).
            record["no_terms"] = "general"
        record["label"], record["source"] = _combine(record, scores, level)
        out.append(record)
    return out


def _combine(record, scores, level):
    heading, lead, seed, general = (record[k] for k in ("heading", "lead", "seed", "general"))
    total = sum(scores.values()) or 1.0
    if general and not lead:
        return general, "general"
    if lead and (heading in (None, lead) or scores[lead] >= 0.25 * total):
        return lead, "lead"
    if heading and level is None and (scores[heading] >= 0.3 * total or total < 4):
        if seed in (None, heading):
            return heading, "heading"
    if seed and not heading:
        return seed, "seed"
    if general:
        return general, "general"
    if record["no_terms"]:
        return "general", "no_terms"
    return None, None


# ---------------------------------------------------------------------------
# Hand labels (evaluation) and agreement


def hand_labelled(path=HAND_LABELS, root=None, substantive=True):
    """The hand-labelled paragraphs with their text.

    Parameters
    ----------
    substantive : bool
        Drop the scraping artefacts the labeller flagged (licence notice,
        zero-width lines, fragments without Chinese text), as
        ``corpora/topic_labels/README.md`` asks.

    Returns
    -------
    list of dict
        ``{"doc", "index", "text", "label", "paragraphs"}``, where
        ``paragraphs`` is the whole document (for heading context).
    """
    reports = work_reports(root)
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    out = []
    for row in rows:
        paragraphs = reports[str(row["doc"])]
        text = paragraphs[row["index"]]
        if not text.startswith(row["prefix"][:8]):
            raise DocumentError(f"{path}:{row['doc']}:{row['index']}",
                                f"prefix {row['prefix']!r} does not match the corpus text {text[:16]!r}")
        notice = next((i for i, p in enumerate(paragraphs) if p.startswith(WIKISOURCE_NOTICE)),
                      len(paragraphs))
        if substantive and (is_boilerplate(text) or row["index"] >= notice):
            continue
        out.append({"doc": str(row["doc"]), "index": row["index"], "text": text,
                    "label": row["label"], "paragraphs": paragraphs})
    return out


def source_agreement(rows=None):
    """Agreement of each weak-label source with the hand labels.

    Returns
    -------
    dict
        ``{source: {"covered", "of", "agree", "accuracy"}}`` for the sources
        heading, lead, seed, general, the combined label and the keyword
        baseline (which always answers).
    """
    rows = hand_labelled() if rows is None else rows
    by_doc = {}
    for row in rows:
        by_doc.setdefault(row["doc"], row["paragraphs"])
    weak = {doc: weak_labels(paragraphs) for doc, paragraphs in by_doc.items()}
    report = {}
    for source in ("heading", "lead", "seed", "general", "no_terms", "label"):
        pairs = [(weak[r["doc"]][r["index"]][source], r["label"]) for r in rows]
        covered = [(a, b) for a, b in pairs if a is not None]
        agree = sum(a == b for a, b in covered)
        report["combined" if source == "label" else source] = {
            "covered": len(covered), "of": len(rows), "agree": agree,
            "accuracy": round(agree / len(covered), 3) if covered else None}
    agree = sum(keyword_label(r["text"], _topic_terms()) == r["label"] for r in rows)
    report["keyword"] = {"covered": len(rows), "of": len(rows), "agree": agree,
                         "accuracy": round(agree / len(rows), 3)}
    return report


# ---------------------------------------------------------------------------
# The default training set


def build_training_set(root=None, policy_docs_per_label=POLICY_DOCS_PER_LABEL, seed=0, sample=False):
    """The weakly labelled training set of the default model.

    Parameters
    ----------
    policy_docs_per_label : int
        How much each label's policy-document paragraphs count in all
        (:func:`policy_doc_examples`).
    seed, sample : int, bool
        ``sample=True`` takes a seeded sample of the policy-document pool
        instead of weighting all of it (the recipe before topics8).

    Returns
    -------
    list of dict
        ``{"text", "label", "source", "corpus", "doc", "index", "weight"}``,
        in a fixed order (the build is deterministic); pass the weights to
        ``fit`` as ``sample_weight``.
    """
    examples = []

    def add(corpus, doc, paragraphs, keep_sources=None):
        for index, (text, weak) in enumerate(zip(paragraphs, weak_labels(paragraphs))):
            if weak["label"] is None or (keep_sources and weak["source"] not in keep_sources):
                continue
            examples.append({"text": text, "label": weak["label"], "source": weak["source"],
                             "corpus": corpus, "doc": str(doc), "index": index, "weight": 1.0})

    excluded = set(EVAL_WORK_REPORTS) | set(GOLD_WORK_REPORTS) | set(BLIND_WORK_REPORTS)
    for year, paragraphs in sorted(work_reports(root).items()):
        if int(year) >= FIRST_TRAINING_YEAR and year not in excluded:
            add("national/government_work_reports.jsonl", year, paragraphs)
    for congress, paragraphs in sorted(congress_reports(root).items()):
        if congress >= FIRST_TRAINING_CONGRESS and congress not in GOLD_CONGRESSES:
            add("national/cpc_congress_reports.jsonl", congress, paragraphs)
    for date, paragraphs in xi_speeches(root):
        if date not in GOLD_XI_DATES:
            add("xi_speeches_2020/all_data.csv", date, paragraphs)
    # Local speeches: weak labels from their titles and occasions.
    local = _corpus_path(*LOCAL_CORPUS, root=root)
    if local.is_file():
        hand = read_hand_labels(LOCAL_HAND_LABELS) if LOCAL_HAND_LABELS.is_file() else None
        for example in local_examples(local, hand_labels=hand):
            examples.extend(dict(example, copy=k, weight=1.0) for k in range(LOCAL_WEIGHT))
    examples.extend(policy_doc_examples(root, policy_docs_per_label, seed if sample else None))
    return examples


def policy_doc_examples(root=None, per_label=POLICY_DOCS_PER_LABEL, seed=None):
    """The policy-document paragraphs of the training set, each label's counting ``per_label``.

    The pool: paragraphs of 20 characters or more labelled by their lead
    sentence or seed terms, the documents with gold topics kept out. With
    ``seed`` None (the default model) the whole pool, each paragraph of a
    label with n paragraphs weighted min(1, per_label / n); with a ``seed``,
    the former recipe: at most ``per_label`` of each label by a seeded
    permutation, each of weight 1 (kept to measure against).
    """
    pool = []
    gold = gold_policy_docs()
    for doc_id, paragraphs in policy_documents(root):
        if doc_id in gold:
            continue
        for index, (text, weak) in enumerate(zip(paragraphs, weak_labels(paragraphs))):
            if weak["label"] and weak["source"] in ("lead", "seed") and len(text) >= 20:
                pool.append({"text": text, "label": weak["label"], "source": weak["source"],
                             "corpus": "policy_docs/policy_documents.jsonl", "doc": doc_id,
                             "index": index, "weight": 1.0})
    if seed is None:
        sizes = Counter(e["label"] for e in pool)
        return [dict(e, weight=min(1.0, per_label / sizes[e["label"]])) for e in pool]
    taken, out = Counter(), []
    for i in np.random.default_rng(seed).permutation(len(pool)):
        if taken[pool[i]["label"]] < per_label:
            taken[pool[i]["label"]] += 1
            out.append(pool[i])
    return out


def training_summary(examples):
    """Counts of a training set by label, by source and by corpus, and the
    weighted counts (the sum of the examples' weights) by label and corpus."""

    def weighted(key):
        totals = Counter()
        for e in examples:
            totals[e[key]] += e.get("weight", 1.0)
        return {k: round(v, 1) for k, v in sorted(totals.items())}

    return {"examples": len(examples),
            "weighted_examples": round(sum(e.get("weight", 1.0) for e in examples), 1),
            "by_label": dict(sorted(Counter(e["label"] for e in examples).items())),
            "by_source": dict(sorted(Counter(e["source"] for e in examples).items())),
            "by_corpus": dict(sorted(Counter(e["corpus"] for e in examples).items())),
            "weighted_by_label": weighted("label"), "weighted_by_corpus": weighted("corpus")}



def build_default(output=DEFAULT_MODEL, root=None, verbose=True):
    """Build the default model from the corpora, evaluate it, save it with its card.

    Returns
    -------
    dict
        The metadata saved with the model.
    """
    started = time.time()
    log = print if verbose else (lambda *a, **k: None)
    examples = build_training_set(root)
    summary = training_summary(examples)
    log(f"training set: {summary['examples']} paragraphs; by label {summary['by_label']}")
    model = TopicClassifier()
    model.fit([e["text"] for e in examples], [e["label"] for e in examples],
              sample_weight=[e["weight"] for e in examples])
    seconds = round(time.time() - started, 1)
    log(f"trained in {seconds} s")
    metadata = {"name": "topics-default", "codebook": "policy_nlp/data/codebook.json (version 1)",
                "training": summary, "training_seconds": seconds,
                "built_by": "make model (models/topics-default/recipe.py)"}
    if Path(HAND_LABELS).is_file():
        rows = hand_labelled(root=root)
        metadata["evaluation"] = {k: v for k, v in evaluate(model, rows).items()}
        metadata["evaluation"]["set"] = ("hand labels: national work reports 2014, 2021, 2025, "
                                         f"{len(rows)} substantive paragraphs")
        log(f"hand-label evaluation: accuracy {metadata['evaluation']['accuracy']}, "
            f"macro-F1 {metadata['evaluation']['macro_f1']}")
    save_model(model, output, metadata)
    write_model_card(output, model, metadata, data_lines=_card_lines(metadata))
    return metadata



def _card_lines(metadata):
    """The model card's training-data and caveat paragraphs for the default model."""
    training = metadata["training"]
    lines = ["Built from real corpora by `make model` (`models/topics-default/recipe.py`, see "
             "docs/topics.md): national and policy-document paragraphs with weak labels (section "
             f"headings, lead sentences, seed terms, rules), and the {training['by_source'].get('hand', 0) // LOCAL_WEIGHT} units of the local speech "
             "development corpus labelled by hand (`corpora/topic_labels/local_hand_labels.jsonl`, "
             "source `hand`, each counted 3 times). The hand-labelled national evaluation reports, "
             "the local gold excerpts and every document with gold topics are excluded. The "
             "policy-document paragraphs are all used, weighted so that each label's paragraphs "
             f"count at most {POLICY_DOCS_PER_LABEL} in all (weight min(1, {POLICY_DOCS_PER_LABEL} / n); "
             "`sample_weight` of `TopicClassifier.fit`), not sampled. The build is deterministic: "
             "`random_state` seeds the folds and liblinear, and two rebuilds give the same "
             "`model.npz`, byte for byte.", "",
             f"- paragraphs: {training.get('examples')} (weighing {training.get('weighted_examples')})",
             f"- weighted by label: {training.get('weighted_by_label')}",
             f"- by source: {training.get('by_source')}",
             f"- by corpus: {training.get('by_corpus')}"]
    if metadata.get("evaluation"):
        lines += ["", "Caveats: the hand labels are in-genre (national reports, like most training "
                  "data) and served as the development set of the weak-label rules, so the numbers "
                  "are optimistic for other genres such as provincial reports; one annotator, no "
                  "inter-annotator agreement. Out-of-genre gold sets, learning curve and baselines: "
                  "docs/topics.md (`benchmarks/topic_eval.py`)."]
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(prog="models/topics-default/recipe.py",
                                     description="Build the default topic model from ../shared/corpora.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build models/topics-default")
    build.add_argument("-o", "--output", default=str(DEFAULT_MODEL))
    build.add_argument("--corpora", default=None, help="the shared corpora folder")
    agree = sub.add_parser("agreement", help="agreement of each weak-label source with the hand labels")
    agree.add_argument("--corpora", default=None)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            build_default(args.output, root=args.corpora)
        else:
            print(json.dumps(source_agreement(hand_labelled(root=args.corpora)), indent=1))
    except (DocumentError, ValueError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
