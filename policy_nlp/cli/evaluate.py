"""``policy-nlp evaluate``: scores against hand gold (:mod:`policy_nlp.apps.evaluation`)."""

from policy_nlp.cli.options import add_segmenter_option


def _evaluate(args):
    import json
    from pathlib import Path
    from policy_nlp.apps.evaluation import (error_lines, evaluate_many, evaluation_pairs, format_report,
                                            load_gold)
    from policy_nlp.pipeline.loading import check_settings
    if args.annotated and args.topic_model:  # it would score the annotations' topics, not the model's
        raise ValueError("--topic-model scores a model by running the pipeline on the gold texts; "
                         "with --annotated the annotations' own topics are scored: give one of them")
    topic_model = args.topic_model or "default"
    if not args.annotated:  # before the gold is read: a bad model is not found after a long read
        check_settings({"segmenter": args.segmenter, "topic_model": topic_model}, "evaluate")
    golds = [load_gold(path) for path in args.gold]
    pairs = evaluation_pairs(golds, args.annotated, args.shared, segmenter=args.segmenter,
                             clean=not args.no_clean, topic_model=topic_model)
    report = evaluate_many(pairs)
    print(format_report(report))
    _warn_other_codebook(pairs)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.errors:
        for line in error_lines(report):
            print(line)
    return 0


def _warn_other_codebook(pairs):
    """Say so when the annotations' topic labels are not the gold's codebook's: a model trained
    on a codebook of one's own (三农, 党建 ...) scores 0 against the default codebook's gold,
    which says nothing of the model; one whose labels share a few names with it (economy,
    general beside welfare, control) scores a few paragraphs, which says no more."""
    import sys
    from policy_nlp.stages.topics.codebook import is_codebook, labels
    gold = {label for g, _ in pairs for label in (g.get("topics") or {}).values() if isinstance(label, str)}
    found = {p["topic"]["label"] for _, doc in pairs if doc for p in doc.get("paragraphs") or ()
             if isinstance(p.get("topic"), dict) and p["topic"].get("label")}
    # labels all the codebook's against a gold of the codebook (or sharing some): one codebook, even
    # when the model's labels on these documents miss the gold's
    if not gold or not found or is_codebook(found) and (gold & found or is_codebook(gold)):
        return
    other = sorted(found - set(labels())) if gold & found else sorted(found)
    shown = ", ".join(other[:5]) + (" …" if len(other) > 5 else "")
    what = (f"the topics' labels ({shown}) are none of the gold's ({', '.join(sorted(gold)[:5])})"
            if not gold & found else f"some of the topics' labels ({shown}) are not the gold's codebook's")
    print(f"policy-nlp: {what}: the topic scores above compare two codebooks, not a model "
          "with the truth. Score a model of your own codebook on paragraphs coded in it: "
          "'policy-nlp train' (cross-validation) or 'policy-nlp train ... --test CODED.csv'",
          file=sys.stderr)


def add_evaluate_command(commands):
    """Add ``policy-nlp evaluate`` to an argparse subparsers object."""
    p = commands.add_parser(
        "evaluate", help="score annotations against hand gold (slogans, lists, claims, topics)",
        description="Score annotated documents against gold files in the format of "
                    "shared/gold/seed_gold.json: numbered-formulation recall and precision, number "
                    "accuracy, member exact match, quoted terms, lists (family, item count, first item), "
                    "count claims and paragraph topics. Without --annotated the pipeline is run on each "
                    "gold document's text (found through its 'source' under --shared).",
        epilog="examples:\n  policy-nlp evaluate ../shared/gold/seed_gold.json tests/fixtures/gold/*.json\n"
               "  policy-nlp evaluate tests/fixtures/gold_local/dev/*.json --errors     # local speeches\n"
               "  policy-nlp evaluate tests/fixtures/gold_local/dev/*.json --topic-model models/mine"
               "   # a model on the default codebook's labels\n"
               "  policy-nlp evaluate tests/fixtures/gold/national_gwr_2019.json --annotated out/national/")
    p.add_argument("gold", nargs="+", help="gold JSON files")
    p.add_argument("--annotated", nargs="+", help="annotated JSONL/JSON files (default: run the pipeline)")
    p.add_argument("--shared", help="the shared/ folder with corpora/ (default: $POLICY_NLP_SHARED, or "
                        "../shared beside the repository, or else beside the current folder)")
    add_segmenter_option(p, "word segmenter when the pipeline is run (default fast)")
    p.add_argument("--topic-model",
                   help="folder of a topic model made with 'policy-nlp train' to score (default: packaged; not with "
                        "--annotated, whose own topics are scored); the gold "
                        "is coded in the default codebook, so a model of your own codebook is scored by "
                        "'policy-nlp train' (cross-validation, --test)")
    p.add_argument("--no-clean", action="store_true", help="do not remove page furniture before annotating")
    p.add_argument("--json", help="also write the full report as JSON here")
    p.add_argument("--errors", action="store_true", help="list every miss and wrong answer")
    p.set_defaults(func=_evaluate)
