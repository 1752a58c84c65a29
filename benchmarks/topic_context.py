"""Choose the weights of the topic context (policy_nlp.stages.topics.context).

Runs the pipeline once on each gold document with the context off, keeps each
paragraph's own probabilities, then scores a grid of (prior, neighbour,
title) weights offline: topic accuracy and macro-F1 on the local development
gold and on the national gold side by side (the blind local part is never
read here). Writes benchmarks/results/topic_context.json.

``--gated`` scores instead the whole-document prior gated by genre: the
settings of ``benchmarks/topic_cv.py --gated`` (a gate from its ``GATES``;
documents the gate keeps out get the shipped context), with each national
document's count of right paragraphs. Writes
benchmarks/results/topic_context_gated.json (with ``--gates news``, only the
news gate's settings, benchmarks/results/topic_context_news.json).

    .venv/bin/python benchmarks/topic_context.py [--gated [--gates news]]
"""

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import topic_cv  # noqa: E402

from policy_nlp.apps import evaluation as ev  # noqa: E402
from policy_nlp.io.corpus import Record  # noqa: E402
from policy_nlp.io.output import doc_to_dict  # noqa: E402
from policy_nlp.pipeline.document import words_within  # noqa: E402
from policy_nlp.pipeline.loading import load  # noqa: E402
from policy_nlp.run.worker import annotate_record  # noqa: E402
from policy_nlp.stages.topics.context import contextualize, find_title  # noqa: E402
from policy_nlp.stages.topics import default_model, document_scores, inherit_heading_topics  # noqa: E402

SETS = {
    "local_dev": sorted((ROOT / "tests/fixtures/gold_local/dev").glob("*.json")),
    "national": [ROOT.parent / "shared/gold/seed_gold.json"] + sorted((ROOT / "tests/fixtures/gold").glob("*.json")),
}


def raw_documents(nlp, paths):
    """``(gold, annotated, texts, own results, title, whole-document scores)`` of each gold document."""
    out = []
    model = default_model()
    for path in paths:
        gold = ev.load_gold(path)
        doc = annotate_record(nlp, Record(str(gold.get("document")), ev.gold_text(gold)))
        spans = list(doc.spans["paragraphs"])
        texts = [span.text for span in spans]
        own = [dict(span._.topic) if span._.topic else None for span in spans]
        words = words_within(doc, [(span.start_char, span.end_char) for span in spans])
        out.append((gold, doc_to_dict(doc), texts, own, find_title(texts, doc._.meta),
                    document_scores(model, words)))
    return out


def score(documents, weights, per_document=False):
    """Topic accuracy and macro-F1 of the documents under ``weights``: a
    (prior, neighbour, title, general penalty) tuple, or a setting of
    ``topic_cv.py`` (a dict, possibly gated)."""
    pairs, right, total, right_of = [], 0, 0, {}
    for gold, annotated, texts, own, title, document in documents:
        if isinstance(weights, dict):
            kwargs = topic_cv.gated_kwargs(weights, title, texts, annotated.get("meta"))
            if not kwargs.get("document_weight"):
                kwargs.pop("document_weight", None)
            else:
                kwargs["document"] = document
        else:
            kwargs = dict(prior_weight=weights[0], neighbour_weight=weights[1], title_weight=weights[2],
                          general_penalty=weights[3])
        results = contextualize(own, texts, title=kwargs.pop("title", title), **kwargs)
        results = inherit_heading_topics(texts, results)
        annotated = dict(annotated, paragraphs=[dict(p, topic=r) for p, r in
                                                zip(annotated["paragraphs"], results)])
        if (annotated.get("meta") or {}).get("converted"):
            gold = ev.simplified_gold(gold)
        metrics, errors = {}, {}
        ev.score_topics(gold, annotated, metrics, errors)
        right += metrics["topic_accuracy"]["correct"]
        total += metrics["topic_accuracy"]["total"]
        pairs += errors["topic_pairs"]
        right_of[str(gold.get("document"))] = metrics["topic_accuracy"]["correct"]
    out = {"accuracy": round(right / total, 4), "macro_f1": round(ev.macro_f1(pairs), 4), "n": total}
    if per_document:
        out["right"] = right
        out["documents"] = right_of
    return out


def gated(documents, gates=None):
    """Rows of the gated settings (topic_cv.gated_grid), the shipped context first."""
    rows = []
    before = [topic_cv.shipped_setting(news=False)] if gates and "news" in gates else []
    for setting in [topic_cv.shipped_setting()] + before + topic_cv.gated_grid(gates):
        row = {"setting": setting}
        for name, docs in documents.items():
            row[name] = score(docs, setting, per_document=True)
        rows.append(row)
    shipped = rows[0]  # printed, then every setting that gains on the local gold without losing national
    print(json.dumps(shipped))
    for row in rows[1:]:
        if row["national"]["right"] >= shipped["national"]["right"] and \
                row["local_dev"]["right"] > shipped["local_dev"]["right"]:
            print(json.dumps(row))
    out = ROOT / ("benchmarks/results/topic_context_gated.json" if not gates else
                  f"benchmarks/results/topic_context_{'_'.join(gates)}.json")
    # one line: 420 settings with per-document counts
    out.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--gated", action="store_true",
                        help="score the document prior gated by genre (topic_cv.GATES)")
    parser.add_argument("--gates", default=None,
                        help="with --gated: comma-separated gates (default: all but news), e.g. news; "
                             "writes benchmarks/results/topic_context_GATES.json")
    args = parser.parse_args(argv)
    nlp = load()
    # The stage's own context is switched off by passing context-free results:
    from policy_nlp.stages.topics import context as topic_context
    saved = topic_context.contextualize
    topic_context.contextualize = lambda results, texts, **kw: list(results)
    try:
        documents = {name: raw_documents(nlp, paths) for name, paths in SETS.items()}
    finally:
        topic_context.contextualize = saved
    if args.gated:
        return gated(documents, args.gates.split(",") if args.gates else None)
    grid = list(itertools.product([0.0, 0.25, 0.5], [0.0, 0.3, 0.5], [0.0, 0.5, 1.0, 1.5],
                                  [0.0, 0.5, 1.0, 1.5, 2.0]))
    rows = []
    for weights in grid:
        row = {"prior": weights[0], "neighbour": weights[1], "title": weights[2],
               "general_penalty": weights[3]}
        for name, docs in documents.items():
            row[name] = score(docs, weights)
        rows.append(row)
    # Local accuracy and macro-F1 count as much as national accuracy.
    rows.sort(key=lambda r: -(r["local_dev"]["accuracy"] + r["local_dev"]["macro_f1"]
                              + 2 * r["national"]["accuracy"]))
    for row in rows[:12] + [r for r in rows if r["prior"] == r["neighbour"] == r["title"] == r["general_penalty"] == 0.0]:
        print(row)
    out = ROOT / "benchmarks/results/topic_context.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
