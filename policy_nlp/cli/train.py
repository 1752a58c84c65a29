"""``policy-nlp train``: a topic classifier on your own labels (:mod:`policy_nlp.apps.training`)."""

import errno
from pathlib import Path

from policy_nlp.cli.options import add_quiet_option


def _train(args):
    from policy_nlp.apps.training import format_report, train
    if Path(args.output).is_file():  # before the cross-validation, not after it
        raise FileExistsError(errno.EEXIST, "File exists", str(args.output))
    report = train(args.data, args.output, text_column=args.text_column, label_column=args.label_column,
                   group_column=args.group_column, label_sep=args.label_sep, test=args.test,
                   folds=args.folds, min_per_label=args.min_per_label, threshold=args.threshold,
                   crosswalk=args.crosswalk, weight_column=args.weight_column, catch_all=args.catch_all,
                   verbose=not args.quiet)
    print(format_report(report))
    print(f"\nmodel saved to {args.output} ({report['training_seconds']} s)")
    print(f"use it with: policy-nlp annotate ... --topic-model {args.output}   "
          f"or policy_nlp.load(topic_model={str(args.output)!r})")
    return 0


def add_train_command(commands):
    """Add ``policy-nlp train`` to an argparse subparsers object."""
    p = commands.add_parser(
        "train", help="train a paragraph topic classifier on your own labels",
        description="Train a topic classifier (pkuseg tokens + character n-grams, linear SVM, "
                    "calibrated probabilities) on labelled paragraphs with any label set. Reads CSV/TSV, "
                    "JSONL, Parquet, Excel .xlsx or a folder saved with save_to_disk (its 'test' split is "
                    "held out). Cross-validation is grouped by document (doc_id/document/source column "
                    "when present) and reports per-fold scores, majority and keyword baselines, per-label "
                    "scores and a confusion matrix; evaluation.json and evaluation.md are saved beside the "
                    "model. Rows with a blank label are skipped. Labels joined by --label-sep or given as "
                    "lists train a multi-label model.",
        epilog="examples:\n  policy-nlp train /tmp/local_example/local_units.csv --group-column id -o out/model-local"
               "   # the sheet 'python benchmarks/train_local_example.py --out /tmp/local_example' writes\n"
               "  policy-nlp train my_labels.csv --text-column paragraph --label-column code "
               "-o models/my-codes\n  policy-nlp train coded.xlsx --label-sep ';' --group-column report -o models/multi\n"
               "  policy-nlp train labelled_ds/ --folds 10 --min-per-label 5 -o models/cap\n"
               "  policy-nlp train to_code.csv -o models/mine --folds 0        # no cross-validation\n"
               "  policy-nlp train coded.csv to_code.csv -o models/mine2       # a first sheet + the coded 'suggest' sheet\n"
               "  policy-nlp train two_coders.csv --weight-column w -o models/weighted   # w: 0.5 doubtful, 2 trusted")
    p.add_argument("data", nargs="+",
                   help="labelled data: .csv, .tsv, .jsonl/.ndjson, .parquet, .xlsx or a save_to_disk folder; several "
                        "train on all their rows (same columns), e.g. a first sheet and a coded 'suggest' sheet")
    p.add_argument("--text-column", default="text", help="paragraph text column (default: text; 'paragraph,text': "
                        "the first of these each file has)")
    p.add_argument("--label-column", default="label", help="label column (default: label; 'code,label': the first "
                        "of these each file has, e.g. a sheet coded in 'code' and a 'suggest' sheet)")
    p.add_argument("--group-column", default=None,
                   help="document column for grouped cross-validation (default: doc_id, document_id, "
                        "document, doc or source when present; '' for none; 'id,doc_id': the first of "
                        "these each file has)")
    p.add_argument("--label-sep", help="separator of several labels in one cell, e.g. ';' (multi-label)")
    p.add_argument("--test", help="held-out test file, same columns (default: a 'test' split if any)")
    p.add_argument("-o", "--output", required=True, help="folder for the model, its card and the evaluation")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5; 0: none)")
    p.add_argument("--min-per-label", type=int, default=0, help="drop labels with fewer examples")
    p.add_argument("--threshold", type=float, default=0.5,
                   help="multi-label: give a label when its probability reaches this (default 0.5)")
    p.add_argument("--crosswalk", help="JSON/CSV file mapping labels to codes of another codebook")
    p.add_argument("--catch-all", metavar="LABEL",
                   help="your codebook's catch-all label (e.g. 其他): headings over mixed sections take it and a "
                        "document's main topic sets it aside, as the default codebook's general (default: the "
                        "label general if there is one, else none)")
    p.add_argument("--weight-column",
                   help="numeric column: how much each row counts in training (0.5 doubtful, 2 trusted, "
                        "0 left out); used by the final fit and each cross-validation fold's fit; the "
                        "scores stay unweighted (every held-out row counts once)")
    add_quiet_option(p)
    p.set_defaults(func=_train)
