"""Training data and training for paragraph topics.

Two jobs:

1. **The default model's training set**, built reproducibly from the real
   corpora in ``../shared/corpora`` (never its held-out split) by weak
   labelling — no paragraph of it was labelled by hand:

   - ``heading``: the topical subsection headings of national work reports
     and CPC congress reports (（三）坚持农业农村优先发展 …) label the
     paragraphs under them, through the codebook's seed terms;
   - ``lead``: the lead sentence that opens most paragraphs of these reports
     (推动乡村全面振兴。…) labels its paragraph, through the seed terms;
   - ``seed``: seed terms over the whole paragraph, when one label dominates;
   - ``general``: rules for the codebook's ``general`` label — salutations,
     section titles, openings and closings without policy terms, paragraphs
     about defence, foreign affairs, Hong Kong/Macao/Taiwan, and paragraphs
     spread over three or more areas.

   The hand labels (``corpora/topic_labels/hand_labels.jsonl``: every
   paragraph of the 2014, 2021 and 2025 work reports) are the evaluation set;
   those documents and the documents with gold topic maps (2019 work report,
   19th CPC congress report, two Xi speeches of 2020, the seed speech) are
   excluded from training. :func:`source_agreement` measures each source
   against the hand labels.

2. **Training on users' labels**: :func:`train_from_file` reads CSV, JSONL or
   a saved Hugging Face dataset, runs a stratified cross-validation, prints
   and saves its report beside the model.

Command line::

    python -m policy_nlp.apps.training build-default [-o models/topics-default]
    python -m policy_nlp.apps.training train DATA --text-column T --label-column L -o DIR
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

from policy_nlp.apps.local_training import LOCAL_CORPUS, local_examples
from policy_nlp.errors import DocumentError
from policy_nlp.stages.topics import (DEFAULT_MODEL, TopicClassifier, heading_level, is_boilerplate,
                     keyword_scores, labels, save_model, seed_terms)

REPO = Path(__file__).resolve().parents[2]
SHARED_CORPORA = Path(os.environ.get("POLICY_NLP_SHARED", REPO.parent / "shared")) / "corpora"
HAND_LABELS = REPO / "corpora" / "topic_labels" / "hand_labels.jsonl"
HELD_OUT = "heldout_provincial_2026"
HELD_OUT_SPLITS = (HELD_OUT, "heldout_local_speeches")

# Documents kept out of training: the hand-labelled evaluation reports and
# the documents that have gold topic maps (tests/fixtures/gold, shared/gold).
EVAL_WORK_REPORTS = ("2014", "2021", "2025")
GOLD_WORK_REPORTS = ("2019",)
GOLD_CONGRESSES = (19,)
GOLD_XI_DATES = ("2020-03-07", "2020-04-30")
# Work reports used for training: the reform era, whose vocabulary matches
# today's reports (1950s-80s reports speak of plans, communes and quotas).
FIRST_TRAINING_YEAR = 1992
FIRST_TRAINING_CONGRESS = 14
POLICY_DOCS_PER_LABEL = 300
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
    from policy_nlp.stages.topics import keyword_label
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


def build_training_set(root=None, policy_docs_per_label=POLICY_DOCS_PER_LABEL, seed=0):
    """The weakly labelled training set of the default model.

    Returns
    -------
    list of dict
        ``{"text", "label", "source", "corpus", "doc", "index"}``, in a fixed
        order (the build is deterministic).
    """
    examples = []

    def add(corpus, doc, paragraphs, keep_sources=None):
        for index, (text, weak) in enumerate(zip(paragraphs, weak_labels(paragraphs))):
            if weak["label"] is None or (keep_sources and weak["source"] not in keep_sources):
                continue
            examples.append({"text": text, "label": weak["label"], "source": weak["source"],
                             "corpus": corpus, "doc": str(doc), "index": index})

    excluded = set(EVAL_WORK_REPORTS) | set(GOLD_WORK_REPORTS)
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
        # Few against thousands of national paragraphs: each local unit
        # counts LOCAL_WEIGHT times, so the model learns the local register.
        for example in local_examples(local):
            examples.extend(dict(example, copy=k) for k in range(LOCAL_WEIGHT))
    # The policy documents are narrow (AI, digital economy, manufacturing):
    # take at most ``policy_docs_per_label`` paragraphs of each label, by a
    # seeded shuffle, so they add industry and science examples without
    # drowning the rest.
    pool = []
    for doc_id, paragraphs in policy_documents(root):
        for index, (text, weak) in enumerate(zip(paragraphs, weak_labels(paragraphs))):
            if weak["label"] and weak["source"] in ("lead", "seed") and len(text) >= 20:
                pool.append({"text": text, "label": weak["label"], "source": weak["source"],
                             "corpus": "policy_docs/policy_documents.jsonl", "doc": doc_id,
                             "index": index})
    order = np.random.default_rng(seed).permutation(len(pool))
    taken = Counter()
    for i in order:
        example = pool[i]
        if taken[example["label"]] < policy_docs_per_label:
            taken[example["label"]] += 1
            examples.append(example)
    return examples


def training_summary(examples):
    """Counts of a training set by label, by source and by corpus."""
    return {"examples": len(examples),
            "by_label": dict(sorted(Counter(e["label"] for e in examples).items())),
            "by_source": dict(sorted(Counter(e["source"] for e in examples).items())),
            "by_corpus": dict(sorted(Counter(e["corpus"] for e in examples).items()))}


def evaluate(model, rows):
    """Accuracy, macro-F1 and per-label scores of a model on hand-labelled rows.

    Headings take the label of their body, as :func:`classify_paragraphs` does.
    """
    from policy_nlp.stages.topics import classify_paragraphs
    by_doc = {}
    for row in rows:
        by_doc.setdefault(row["doc"], row["paragraphs"])
    predicted = {}
    for doc, paragraphs in by_doc.items():
        results = classify_paragraphs(model, paragraphs)
        for index, result in enumerate(results):
            predicted[(doc, index)] = result["label"] if result else "general"
    y_true = [r["label"] for r in rows]
    y_pred = [predicted[(r["doc"], r["index"])] for r in rows]
    return score_predictions(y_true, y_pred)


def score_predictions(y_true, y_pred, label_set=None):
    """``{"accuracy", "macro_f1", "per_label", "confusion"}`` of predictions."""
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
    label_set = list(label_set) if label_set else sorted(set(y_true) | set(y_pred))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=label_set, zero_division=0)
    present = [i for i, label in enumerate(label_set) if label in set(y_true)]
    return {
        "n": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(np.mean([f[i] for i in present])), 4),
        "per_label": {label: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                              "f1": round(float(f[i]), 4), "support": int(s[i])}
                      for i, label in enumerate(label_set)},
        "labels": label_set,
        "confusion": confusion_matrix(y_true, y_pred, labels=label_set).tolist(),
    }


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
    model.fit([e["text"] for e in examples], [e["label"] for e in examples])
    seconds = round(time.time() - started, 1)
    log(f"trained in {seconds} s")
    metadata = {"name": "topics-default", "codebook": "policy_nlp/data/codebook.json (version 1)",
                "training": summary, "training_seconds": seconds,
                "built_by": "python -m policy_nlp.apps.training build-default"}
    if Path(HAND_LABELS).is_file():
        rows = hand_labelled(root=root)
        metadata["evaluation"] = {k: v for k, v in evaluate(model, rows).items()}
        metadata["evaluation"]["set"] = ("hand labels: national work reports 2014, 2021, 2025, "
                                         f"{len(rows)} substantive paragraphs")
        log(f"hand-label evaluation: accuracy {metadata['evaluation']['accuracy']}, "
            f"macro-F1 {metadata['evaluation']['macro_f1']}")
    save_model(model, output, metadata)
    write_model_card(output, model, metadata)
    return metadata


def write_model_card(output, model, metadata):
    """Write ``MODEL_CARD.md`` beside a saved model."""
    from policy_nlp.stages.topics import _versions, chinese_name
    output = Path(output)
    lines = [f"# Topic model `{metadata.get('name', output.name)}`", ""]
    lines += ["Paragraph topic classifier of policy_nlp (`policy_nlp.stages.topics.TopicClassifier`): "
              "TF-IDF over pkuseg token 1-2-grams and character 1-3-grams, a linear SVM, "
              "Platt-calibrated probabilities. Plain model files (`model.json`, `model.npz`): "
              "loading executes no code from them.", ""]
    lines += ["## Labels", "", "| label | 中文 | training paragraphs |", "|---|---|---|"]
    counts = metadata.get("training", {}).get("by_label", {})
    for label in model.classes_:
        try:
            zh = chinese_name(label)
        except ValueError:
            zh = ""
        lines.append(f"| {label} | {zh} | {counts.get(label, '')} |")
    training = metadata.get("training", {})
    lines += ["", "## Training data", ""]
    if "source_file" in metadata:
        lines.append(f"User data: `{metadata['source_file']}` ({training.get('examples')} rows).")
    else:
        lines += ["Weak labels built from real corpora by `python -m policy_nlp.apps.training "
                  "build-default` (see docs/topics.md): no paragraph of the training set was "
                  "labelled by hand, and the hand-labelled evaluation reports and every document "
                  "with gold topics are excluded.", "",
                  f"- paragraphs: {training.get('examples')}",
                  f"- by source: {training.get('by_source')}",
                  f"- by corpus: {training.get('by_corpus')}"]
    lines += ["", "## Metrics", ""]
    evaluation = metadata.get("evaluation")
    if evaluation:
        lines += [f"On {evaluation.get('set', 'the evaluation set')}: accuracy "
                  f"**{evaluation['accuracy']}**, macro-F1 **{evaluation['macro_f1']}** "
                  "(macro over the labels present).", "",
                  "| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for label, m in evaluation["per_label"].items():
            lines.append(f"| {label} | {m['precision']} | {m['recall']} | {m['f1']} | {m['support']} |")
    if evaluation and "source_file" not in metadata:
        lines += ["", "Caveats: these hand labels are in-genre (national reports, like most training "
                  "data) and served as the development set of the weak-label rules, so the numbers "
                  "are optimistic for other genres such as provincial reports; one annotator, no "
                  "inter-annotator agreement. Out-of-genre gold sets, learning curve and baselines: "
                  "docs/topics.md (`benchmarks/topic_eval.py`)."]
    cv = metadata.get("cross_validation")
    if cv:
        lines += ["", f"Stratified {cv.get('folds')}-fold cross-validation on the training data: "
                  f"accuracy **{cv['accuracy']}**, macro-F1 **{cv['macro_f1']}** "
                  "(report: `cv_report.json`, `cv_report.txt`)."]
    lines += ["", "## Library versions", ""]
    for name, version in _versions().items():
        lines.append(f"- {name}: {version}")
    lines += ["", f"Building took {metadata.get('training_seconds')} s wall time (segmentation "
              "included) on a shared 2-core machine.", ""]
    (output / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------
# Training on users' labels


def read_labelled(path, text_column, label_column):
    """Texts and labels from a CSV, JSONL/JSON-lines or saved Hugging Face dataset.

    Raises
    ------
    DocumentError
        Missing or empty file, unknown column (the message lists the columns
        found), a row without text or label.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "no such file or directory")
    if path.is_dir():
        rows, columns = _read_hf_dataset(path)
    elif path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows, columns = _read_jsonl(path)
    elif path.suffix.lower() in (".csv", ".tsv"):
        rows, columns = _read_csv(path)
    else:
        raise DocumentError(path, f"unsupported file type {path.suffix!r}: use .csv, .tsv, "
                            ".jsonl or a directory saved by datasets' save_to_disk")
    if not rows:
        raise DocumentError(path, "the file has no data rows")
    for column in (text_column, label_column):
        if column not in columns:
            raise DocumentError(path, f"no column {column!r}; columns found: {sorted(columns)}")
    texts, targets = [], []
    for number, row in enumerate(rows, 1):
        text, label = row.get(text_column), row.get(label_column)
        if text is None or (isinstance(text, str) and not text.strip()):
            raise DocumentError(f"{path}:row {number}", f"empty {text_column!r}")
        if label is None or str(label).strip() == "":
            raise DocumentError(f"{path}:row {number}", f"empty {label_column!r}")
        texts.append(text if isinstance(text, list) else str(text))
        targets.append(str(label).strip())
    return texts, targets


def _read_csv(path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            sample = f.read(65536)
            f.seek(0)
            delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
            reader = csv.DictReader(f, delimiter=delimiter)
            rows = list(reader)
            columns = set(reader.fieldnames or [])
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    except csv.Error as error:
        raise DocumentError(path, f"not valid CSV: {error}") from None
    if not sample.strip():
        raise DocumentError(path, "the file is empty")
    return rows, columns


def _read_jsonl(path):
    rows, columns = [], set()
    try:
        with open(path, encoding="utf-8-sig") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as error:
                    raise DocumentError(f"{path}:{number}", f"not a JSON object: {error}") from None
                if not isinstance(row, dict):
                    raise DocumentError(f"{path}:{number}", "each line must be a JSON object")
                rows.append(row)
                columns |= set(row)
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    if not rows:
        raise DocumentError(path, "the file is empty")
    return rows, columns


def _read_hf_dataset(path):
    import datasets
    try:
        dataset = datasets.load_from_disk(str(path))
    except Exception as error:  # datasets raises FileNotFoundError and others
        raise DocumentError(path, f"not a dataset saved with save_to_disk: {error}") from None
    if isinstance(dataset, datasets.DatasetDict):
        if "train" not in dataset:
            raise DocumentError(path, f"a DatasetDict without a 'train' split (splits: {list(dataset)})")
        dataset = dataset["train"]
    columns = set(dataset.column_names)
    rows = dataset.to_list()
    features = dataset.features
    for name, feature in features.items():  # ClassLabel ids -> names
        if hasattr(feature, "int2str"):
            for row in rows:
                row[name] = feature.int2str(row[name])
    return rows, columns


def cross_validate(texts, targets, folds=5, random_state=0, verbose=False, **params):
    """Stratified k-fold predictions and their scores.

    Raises
    ------
    ValueError
        A label with fewer examples than folds (naming it), or one label only.
    """
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedKFold
    counts = Counter(targets)
    if len(counts) < 2:
        raise ValueError(f"need at least two different labels, found {sorted(counts)}")
    rare = {label: n for label, n in counts.items() if n < folds}
    if rare:
        raise ValueError(f"too few examples for {folds}-fold cross-validation: "
                         + ", ".join(f"{label!r} has {n}" for label, n in sorted(rare.items()))
                         + f" (need at least {folds} of each label)")
    estimator = TopicClassifier(random_state=random_state, **params)
    y = np.asarray(targets, dtype=object)
    predicted = np.empty(len(y), dtype=object)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    started = time.time()
    for fold, (train, test) in enumerate(splitter.split(np.zeros(len(y)), y), start=1):
        model = clone(estimator).fit([texts[i] for i in train], y[train])
        predicted[test] = model.predict([texts[i] for i in test])
        if verbose:  # long work shows progress
            print(f"[policy-nlp] cross-validation fold {fold}/{folds} done ({time.time() - started:.0f} s)",
                  file=sys.stderr, flush=True)
    report = score_predictions(list(y), list(predicted), sorted(counts))
    report["folds"] = folds
    return report


def format_report(report):
    """A plain-text table of a cross-validation or evaluation report."""
    width = max(12, *(len(label) for label in report["labels"]))
    lines = [f"{'label':<{width}} precision  recall      f1  support"]
    for label in report["labels"]:
        m = report["per_label"][label]
        lines.append(f"{label:<{width}} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:7.3f} "
                     f"{m['support']:8d}")
    lines.append("")
    lines.append(f"accuracy {report['accuracy']:.3f}   macro-F1 {report['macro_f1']:.3f}   "
                 f"n = {report['n']}" + (f"   folds = {report['folds']}" if "folds" in report else ""))
    lines.append("")
    lines.append("confusion matrix (rows: true, columns: predicted)")
    short = [label[:8] for label in report["labels"]]
    lines.append(" " * width + " " + " ".join(f"{s:>8}" for s in short))
    for label, row in zip(report["labels"], report["confusion"]):
        lines.append(f"{label:<{width}} " + " ".join(f"{v:8d}" for v in row))
    return "\n".join(lines)


def train_from_file(path, text_column, label_column, output_dir, folds=5, random_state=0,
                    verbose=True, **params):
    """Train a topic model on a user's labelled data, with a CV report.

    Parameters
    ----------
    path : str or Path
        A ``.csv``/``.tsv`` (header row), a ``.jsonl`` (one object a line), or
        a directory written by ``datasets.Dataset.save_to_disk`` (its
        ``train`` split when it is a DatasetDict; ClassLabel ids become names).
    text_column, label_column : str
        Columns holding the paragraph text and its label (any label set).
    output_dir : str or Path
        Where the model, ``cv_report.json``, ``cv_report.txt`` and
        ``MODEL_CARD.md`` are written.
    folds : int
        Stratified cross-validation folds (each label needs >= folds examples).
    **params
        :class:`~policy_nlp.stages.topics.TopicClassifier` parameters.

    Returns
    -------
    dict
        The cross-validation report (per-label precision, recall, F1,
        support; accuracy; macro-F1; confusion matrix).

    Raises
    ------
    DocumentError
        Unreadable or empty file, unknown column, empty text or label.
    ValueError
        Too few examples of a label (naming it and the file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> rows = [("稳定粮食播种面积，提高农民收益。", "farm"), ("治理大气污染，改善空气质量。", "env")] * 5
    >>> _ = (d / "data.csv").write_text("text,code\\n" + "\\n".join(f"{t},{c}" for t, c in rows))
    >>> report = train_from_file(d / "data.csv", "text", "code", d / "model", folds=2, verbose=False)
    >>> report["labels"], sorted(p.name for p in (d / "model").iterdir())
    (['env', 'farm'], ['MODEL_CARD.md', 'cv_report.json', 'cv_report.txt', 'model.json', 'model.npz'])
    """
    started = time.time()
    texts, targets = read_labelled(path, text_column, label_column)
    try:
        report = cross_validate(texts, targets, folds=folds, random_state=random_state,
                                verbose=verbose, **params)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
    model = TopicClassifier(random_state=random_state, **params).fit(texts, targets)
    output_dir = Path(output_dir)
    seconds = round(time.time() - started, 1)
    metadata = {"name": output_dir.name, "source_file": str(path), "text_column": text_column,
                "label_column": label_column, "training_seconds": seconds,
                "training": {"examples": len(texts), "by_label": dict(sorted(Counter(targets).items()))},
                "cross_validation": {k: report[k] for k in ("accuracy", "macro_f1", "folds", "n")}}
    save_model(model, output_dir, metadata)
    (output_dir / "cv_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    text = format_report(report)
    (output_dir / "cv_report.txt").write_text(text + "\n", encoding="utf-8")
    write_model_card(output_dir, model, metadata)
    if verbose:
        print(text)
        print(f"\nmodel saved to {output_dir} ({seconds} s)")
    return report


# ---------------------------------------------------------------------------
# Command line


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m policy_nlp.apps.training",
                                     description="Build the default topic model or train one on your labels.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build-default", help="build models/topics-default from ../shared/corpora")
    build.add_argument("-o", "--output", default=str(DEFAULT_MODEL))
    build.add_argument("--corpora", default=None, help="the shared corpora folder")
    agree = sub.add_parser("agreement", help="agreement of each weak-label source with the hand labels")
    agree.add_argument("--corpora", default=None)
    train = sub.add_parser("train", help="train on a labelled CSV, JSONL or saved HF dataset")
    train.add_argument("data")
    train.add_argument("--text-column", required=True)
    train.add_argument("--label-column", required=True)
    train.add_argument("-o", "--output", required=True)
    train.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        if args.command == "build-default":
            build_default(args.output, root=args.corpora)
        elif args.command == "agreement":
            print(json.dumps(source_agreement(hand_labelled(root=args.corpora)), indent=1))
        else:
            train_from_file(args.data, args.text_column, args.label_column, args.output,
                            folds=args.folds)
    except (DocumentError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
