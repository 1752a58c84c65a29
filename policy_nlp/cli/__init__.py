"""The ``policy-nlp`` command: argument parsing and dispatch only.

Each command's work is a plain function of :mod:`policy_nlp.apps` or
:mod:`policy_nlp.run`; the subcommands with the longest option lists have
their own modules here (``view``, ``report``, ``export``, ``trace``).

The CLI is the error boundary: a user's mistake (a missing file, a bad
setting, a damaged model, a missing optional dependency) ends in one line
``policy-nlp: error: ...`` on stderr and exit status 2, never a traceback.
Library modules log through :mod:`logging`; the CLI shows their warnings on
stderr as ``policy-nlp: ...`` lines.
"""

import argparse
import atexit
import gc
import logging
import sys

from policy_nlp.errors import PolicyNLPError

from policy_nlp.cli.export import add_export_command
from policy_nlp.cli.options import add_input_options, add_segmenter_option
from policy_nlp.cli.report import add_report_command
from policy_nlp.cli.trace import add_trace_command
from policy_nlp.cli.view import add_view_command

EPILOG = """examples:
  policy-nlp annotate corpora/ --glob "*.txt" -o out/
  policy-nlp annotate reports.jsonl --text-column content --meta level=national -o out/national/ --workers 2
  policy-nlp annotate speeches.csv --text-column Text --id-column Date --date-column Date -o out/xi/
  policy-nlp annotate excerpts.jsonl --meta-columns title,occasion,level,year -o out/local/
  policy-nlp annotate big_corpus/ -o out/big/ --backend dask --scheduler tcp://10.0.0.5:8786 --tables out/big/tables
"""

# The top-level help: one line per step of a typical study.
OVERVIEW = """examples:
  policy-nlp annotate corpora/ --glob "*.txt" -o out/                # annotate (JSONL)
  policy-nlp export out/ -o out/tables/                              # Parquet tables + corpus.duckdb
  policy-nlp trace 河长制 out/ -o out/trace/                       # one formulation's spread
  policy-nlp report out/ -o out/report/                              # corpus report (index.html)
  policy-nlp view out/annotations.jsonl -o out/view/                 # one HTML page per document
  policy-nlp train my_labels.csv -o models/mine                      # topics on your own codebook
"""


def _annotate(args):
    from policy_nlp.run.batch import annotate_corpus
    settings = {"segmenter": args.segmenter, "user_dict": args.user_dict, "lexicon": not args.no_lexicon}
    if args.topic_model:
        settings["topic_model"] = args.topic_model
    if args.stages:
        settings["stages"] = [s.strip() for s in args.stages.split(",") if s.strip()]
    summary = annotate_corpus(
        args.inputs, args.output, format=args.format, workers=args.workers, backend=args.backend,
        scheduler=args.scheduler, resume=not args.no_resume, clean=not args.no_clean,
        batch_chars=args.batch_chars, quiet=args.quiet,
        read_options={"pattern": args.glob, "text_column": args.text_column, "id_column": args.id_column,
                      "date_column": args.date_column, "meta_columns": args.meta_columns,
                      "meta": args.meta},
        **settings)
    print(summary, file=sys.stderr if args.quiet else sys.stdout)
    if args.tables:
        # The tables are built once over the whole output (duplicates are flagged
        # against the first copy in the corpus), whichever backend annotated it.
        from policy_nlp.apps.tables import export
        counts = export([args.output], args.tables)
        print("tables: " + ", ".join(f"{name} {n:,}" for name, n in counts.items())
              + f" -> {args.tables}", file=sys.stderr if args.quiet else sys.stdout)
    return 1 if summary.failed else 0


def _add_annotate(commands):
    p = commands.add_parser(
        "annotate", help="annotate documents into JSONL/JSON/spaCy files",
        description="Annotate files, folders, JSONL and CSV inputs: paragraphs, sentences, tokens, "
                    "slogans, numbered lists and topics. Bad inputs are reported (in the errors file "
                    "and on stderr) and the rest are still annotated; the exit status is 1 when any "
                    "document failed. Rerunning the same command resumes a JSONL output.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", help="files (.txt any encoding, .jsonl, .csv) or folders (recursive)")
    p.add_argument("-o", "--output", required=True,
                   help="output file (ending in .jsonl/.json/.spacy) or folder (gets annotations.* and errors.jsonl)")
    p.add_argument("--format", choices=("jsonl", "json", "spacy"), default="jsonl",
                   help="jsonl (default; resumable), json (one array) or spacy (a DocBin with user data)")
    p.add_argument("--tables", metavar="DIR",
                   help="when the run ends, also write the Parquet tables and corpus.duckdb there "
                        "(as 'policy-nlp export'; any backend, JSONL/JSON output)")
    add_input_options(p)
    p.add_argument("--date-column", help="date field of JSONL/CSV inputs, into meta.date (ISO) and meta.year")
    p.add_argument("--meta-columns", help="comma-separated JSONL/CSV fields to keep in meta (default: all); "
                   "COLUMN=FIELD renames, e.g. Place=place,Level=level to override the inferred ones")
    p.add_argument("--meta", action="append", metavar="FIELD=VALUE",
                   help="a meta field for every document of these inputs, e.g. --meta level=national "
                        "(repeatable; a value the document gives wins)")
    add_segmenter_option(p, "word segmenter: fast (default; pkuseg's output, faster) or pkuseg (the reference)")
    p.add_argument("--user-dict", help="file of your own terms to keep whole, one per line")
    p.add_argument("--no-lexicon", action="store_true", help="do not use the packaged policy lexicon")
    p.add_argument("--topic-model", help="folder of a topic model made with 'policy-nlp train' (default: packaged)")
    p.add_argument("--stages", help="comma-separated stages to run, of paragraphs,slogans,enumerations,topics "
                   "(default: all)")
    p.add_argument("--no-clean", action="store_true", help="keep web page furniture (navigation, share widgets ...)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--backend", choices=("processes", "dask"), default="processes",
                   help="processes (default: a process pool on this machine) or dask (a Dask cluster)")
    p.add_argument("--scheduler", help="Dask scheduler address tcp://HOST:PORT (default: a local cluster)")
    p.add_argument("--batch-chars", type=int, default=200_000, help="characters per batch sent to a worker")
    p.add_argument("--no-resume", action="store_true", help="start over instead of skipping documents already done "
                        "(resume does not notice changed options such as --topic-model)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=_annotate)


def _lexicon_build(args):
    from policy_nlp.apps.lexicon_mining import build_lexicon
    counts = build_lexicon(args.corpus, args.output, min_docs=args.min_docs, examples=args.examples,
                           pattern=args.glob, text_column=args.text_column, id_column=args.id_column,
                           quiet=args.quiet,
                           on_skip=lambda error: print(f"policy-nlp: skipped {error}", file=sys.stderr))
    print(f"{counts['candidates']} candidates from {counts['documents']} documents -> {args.output}"
          + (f" ({counts['failed']} inputs could not be read)" if counts["failed"] else ""))
    return 1 if counts["failed"] else 0


def _add_lexicon(commands):
    p = commands.add_parser(
        "lexicon", help="mine candidate formulations and quoted terms from a corpus",
        description="Mine numbered formulations and quoted policy terms from a corpus, ranked by "
                    "document frequency, with example contexts, into a lexicon TSV to curate by hand "
                    "(delete lines, fix numbers, add members). A curated file can be passed to "
                    "'annotate --user-dict' to keep its terms whole.",
        epilog="examples:\n  policy-nlp lexicon build ../shared/corpora/national/government_work_reports.jsonl "
               "--text-column content --id-column title -o candidates.tsv\n"
               "  policy-nlp lexicon build speeches/ --min-docs 3 -o candidates.tsv",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    b = sub.add_parser("build", help="mine a corpus into a candidate lexicon TSV",
                       epilog=p.epilog, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("corpus", nargs="+", help="files or folders (.txt, .jsonl, .csv)")
    b.add_argument("-o", "--output", required=True, help="the lexicon TSV to write")
    b.add_argument("--min-docs", type=int, default=2, help="keep terms found in at least N documents (default 2)")
    b.add_argument("--examples", type=int, default=3, help="example contexts per term (default 3)")
    add_input_options(b)
    b.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    b.set_defaults(func=_lexicon_build)


def _evaluate(args):
    import json
    from pathlib import Path
    from policy_nlp.apps.evaluation import (error_lines, evaluate_many, evaluation_pairs, format_report,
                                            load_gold)
    golds = [load_gold(path) for path in args.gold]
    pairs = evaluation_pairs(golds, args.annotated, args.shared, segmenter=args.segmenter,
                             clean=not args.no_clean, topic_model=args.topic_model)
    report = evaluate_many(pairs)
    print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.errors:
        for line in error_lines(report):
            print(line)
    return 0


def _add_evaluate(commands):
    p = commands.add_parser(
        "evaluate", help="score annotations against hand gold (slogans, lists, claims, topics)",
        description="Score annotated documents against gold files in the format of "
                    "shared/gold/seed_gold.json: numbered-formulation recall and precision, number "
                    "accuracy, member exact match, quoted terms, lists (family, item count, first item), "
                    "count claims and paragraph topics. Without --annotated the pipeline is run on each "
                    "gold document's text (found through its 'source' under --shared).",
        epilog="examples:\n  policy-nlp evaluate ../shared/gold/seed_gold.json tests/fixtures/gold/*.json\n"
               "  policy-nlp evaluate tests/fixtures/gold_local/dev/*.json --errors     # local speeches\n"
               "  policy-nlp evaluate tests/fixtures/gold_local/dev/*.json --topic-model models/mine\n"
               "  policy-nlp evaluate tests/fixtures/gold/national_gwr_2019.json --annotated out/national/",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", nargs="+", help="gold JSON files")
    p.add_argument("--annotated", nargs="+", help="annotated JSONL/JSON files (default: run the pipeline)")
    p.add_argument("--shared", help="the shared/ folder with corpora/ (default: $POLICY_NLP_SHARED, or "
                        "../shared beside the repository, or else beside the current folder)")
    add_segmenter_option(p, "word segmenter when the pipeline is run (default fast)")
    p.add_argument("--topic-model", default="default",
                   help="folder of a topic model made with 'policy-nlp train' to score (default: packaged)")
    p.add_argument("--no-clean", action="store_true", help="do not remove page furniture before annotating")
    p.add_argument("--json", help="also write the full report as JSON here")
    p.add_argument("--errors", action="store_true", help="list every miss and wrong answer")
    p.set_defaults(func=_evaluate)


def _train(args):
    from policy_nlp.apps.training import format_report, train
    report = train(args.data, args.output, text_column=args.text_column, label_column=args.label_column,
                   group_column=args.group_column, label_sep=args.label_sep, test=args.test,
                   folds=args.folds, min_per_label=args.min_per_label, threshold=args.threshold,
                   crosswalk=args.crosswalk)
    print(format_report(report))
    print(f"\nmodel saved to {args.output} ({report['training_seconds']} s)")
    print(f"use it with: policy-nlp annotate ... --topic-model {args.output}   "
          f"or policy_nlp.load(topic_model={str(args.output)!r})")
    return 0


def _add_train(commands):
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
        epilog="examples:\n  policy-nlp train my_labels.csv --text-column paragraph --label-column code "
               "-o models/my-codes\n  policy-nlp train coded.xlsx --label-sep ';' --group-column report -o models/multi\n"
               "  policy-nlp train labelled_ds/ --folds 10 --min-per-label 5 -o models/cap\n"
               "  policy-nlp train to_code.csv -o models/mine --folds 0        # no cross-validation",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", help="labelled data: .csv, .tsv, .jsonl, .parquet, .xlsx or a save_to_disk folder")
    p.add_argument("--text-column", default="text", help="paragraph text column (default: text)")
    p.add_argument("--label-column", default="label", help="label column (default: label)")
    p.add_argument("--group-column", default=None,
                   help="document column for grouped cross-validation (default: doc_id, document_id, "
                        "document, doc or source when present; '' for none)")
    p.add_argument("--label-sep", help="separator of several labels in one cell, e.g. ';' (multi-label)")
    p.add_argument("--test", help="held-out test file, same columns (default: a 'test' split if any)")
    p.add_argument("-o", "--output", required=True, help="folder for the model, its card and the evaluation")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5; 0: none)")
    p.add_argument("--min-per-label", type=int, default=0, help="drop labels with fewer examples")
    p.add_argument("--threshold", type=float, default=0.5,
                   help="multi-label: give a label when its probability reaches this (default 0.5)")
    p.add_argument("--crosswalk", help="JSON/CSV file mapping labels to codes of another codebook")
    p.set_defaults(func=_train)


def _suggest(args):
    from policy_nlp.apps.active import suggest
    model = args.model
    if model == "default":
        from policy_nlp.stages.topics import DEFAULT_MODEL
        model = DEFAULT_MODEL
    from policy_nlp.errors import DocumentError, ModelError
    try:
        rows = suggest(model, args.corpus, n=args.n, output=args.output, text_column=args.text_column,
                       id_column=args.id_column, pattern=args.glob, exclude=args.exclude)
    except (DocumentError, ModelError) as error:
        raise ValueError(str(error)) from None
    documents = len({row["doc_id"] for row in rows})
    print(f"{len(rows)} paragraphs from {documents} documents -> {args.output}; fill in the 'label' "
          f"column, then: policy-nlp train {args.output} -o models/NAME")
    return 0


def _add_suggest(commands):
    p = commands.add_parser(
        "suggest", help="pick the unlabelled paragraphs most worth coding next",
        description="Score every paragraph of an unlabelled corpus with a topic model and write the N "
                    "the model is least sure of (smallest margin between its two best labels), spread over "
                    "documents and predicted labels, near-duplicates skipped, to a CSV with columns "
                    "doc_id, paragraph, text, predicted, score, label (empty). Fill in 'label' and train "
                    "on the file; blank rows are skipped.",
        epilog="examples:\n  policy-nlp suggest models/mine speeches/ -n 50 -o to_code.csv\n"
               "  policy-nlp suggest default reports.jsonl --text-column content -n 100 -o to_code.csv "
               "--exclude coded.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", help="a model folder, or 'default'")
    p.add_argument("corpus", nargs="+", help="files or folders (.txt, .jsonl, .csv, save_to_disk)")
    p.add_argument("-n", type=int, default=50, help="paragraphs to suggest (default 50)")
    p.add_argument("-o", "--output", required=True, help="the CSV to write")
    p.add_argument("--exclude", help="a coded file (text, label): its labelled paragraphs are skipped")
    add_input_options(p)
    p.set_defaults(func=_suggest)


def build_parser():
    parser = argparse.ArgumentParser(
        prog="policy-nlp",
        description="Annotate Chinese policy text: pkuseg tokens, numbered formulations and quoted "
                    "policy terms, numbered lists with count checks, paragraph topics, date, place and "
                    "level; then export tables, trace formulations, report, view, evaluate, train.",
        epilog=OVERVIEW + "\nrun 'policy-nlp COMMAND --help' for a command's options and examples.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    from policy_nlp import __version__
    parser.add_argument("--version", action="version", version=f"policy_nlp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for add in COMMANDS:
        add(commands)
    return parser


COMMANDS = [_add_annotate, _add_train, _add_suggest, _add_evaluate, _add_lexicon, add_view_command,
            add_report_command, add_export_command, add_trace_command]


# Optional dependencies (pyproject extras) a command may need.
OPTIONAL = {"matplotlib": "report", "dask": "dask", "distributed": "dask",
            "duckdb": "tables", "pandas": "tables", "pyarrow": "tables"}


class _StderrHandler(logging.Handler):
    """Write records to the current ``sys.stderr`` (looked up at each record)."""

    def emit(self, record):
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


def _configure_logging(quiet=False):
    """Show the library's log on stderr: progress and notices (INFO, e.g. the
    one-time segmenter cache build, a run's progress) and warnings (documents
    that failed); only errors with ``--quiet``."""
    logger = logging.getLogger("policy_nlp")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("policy-nlp: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.ERROR if quiet else logging.INFO)


def _one_line(error):
    text = " ".join(str(error).split())
    return text or type(error).__name__


def _own_the_collector():
    """The command's process: freeze what the imports made (spaCy's modules,
    which live until the exit) so that later collections skip it, and freeze
    everything again at the exit, before Python tears the modules down: the
    collector's last passes then skip the loaded pipeline's hundreds of
    thousands of objects, freed with the process anyway (~0.2-0.3 s of
    every command that loaded one)."""
    gc.freeze()
    atexit.register(gc.freeze)


def main(argv: "list[str] | None" = None) -> int:
    """Run the ``policy-nlp`` command; returns the exit status.

    User errors (:class:`~policy_nlp.errors.PolicyNLPError`, ``OSError``,
    ``ValueError``, a missing optional dependency) exit with status 2 and one
    line on stderr.
    """
    if argv is None:  # the policy-nlp command itself, not a call from Python
        _own_the_collector()
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(getattr(args, "quiet", False))
    try:
        return args.func(args)
    except (PolicyNLPError, OSError, ValueError) as error:
        parser.exit(2, f"policy-nlp: error: {_one_line(error)}\n")
    except ModuleNotFoundError as error:
        if error.name not in OPTIONAL:
            raise  # not a user's missing extra: a bug, keep its traceback
        parser.exit(2, f"policy-nlp: error: this command needs {error.name}, which is not installed: "
                       f"pip install 'policy_nlp[{OPTIONAL[error.name]}]'\n")
    except KeyboardInterrupt:
        parser.exit(130, "policy-nlp: interrupted\n")


if __name__ == "__main__":
    sys.exit(main())
