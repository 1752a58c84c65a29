"""The ``policy-nlp`` command."""

import argparse
import sys

EPILOG = """examples:
  policy-nlp annotate corpora/ --glob "*.txt" -o out/
  policy-nlp annotate reports.jsonl -o out/reports.jsonl --workers 2
  policy-nlp annotate speeches.csv --text-column Text --id-column Date -o out/ --format spacy
"""


def _annotate(args):
    from .batch import annotate_corpus
    settings = {"segmenter": args.segmenter, "user_dict": args.user_dict, "lexicon": not args.no_lexicon}
    if args.topic_model:
        settings["topic_model"] = args.topic_model
    if args.stages:
        settings["stages"] = [s.strip() for s in args.stages.split(",") if s.strip()]
    summary = annotate_corpus(
        args.inputs, args.output, format=args.format, workers=args.workers, backend=args.backend,
        scheduler=args.scheduler, resume=not args.no_resume, clean=not args.no_clean,
        batch_chars=args.batch_chars, quiet=args.quiet,
        read_options={"pattern": args.glob, "text_column": args.text_column, "id_column": args.id_column},
        **settings)
    print(summary, file=sys.stderr if args.quiet else sys.stdout)
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
    p.add_argument("--format", choices=("jsonl", "json", "spacy"), default="jsonl")
    p.add_argument("--glob", action="append", help="file pattern inside folders (repeatable; default *.txt *.jsonl *.csv)")
    p.add_argument("--text-column", default="text", help="text field of JSONL/CSV inputs (default: text)")
    p.add_argument("--id-column", default="id", help="id field of JSONL/CSV inputs (default: id)")
    p.add_argument("--segmenter", default="pkuseg", help="word segmenter: pkuseg (reference) or fast (same output)")
    p.add_argument("--user-dict", help="file of your own terms to keep whole, one per line")
    p.add_argument("--no-lexicon", action="store_true", help="do not use the packaged policy lexicon")
    p.add_argument("--topic-model", help="folder of a topic model made with 'policy-nlp train' (default: packaged)")
    p.add_argument("--stages", help="comma-separated stages to run (default: all)")
    p.add_argument("--no-clean", action="store_true", help="keep web page furniture (navigation, share widgets ...)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--backend", choices=("processes", "dask"), default="processes")
    p.add_argument("--scheduler", help="Dask scheduler address tcp://HOST:PORT (default: a local cluster)")
    p.add_argument("--batch-chars", type=int, default=200_000, help="characters per batch sent to a worker")
    p.add_argument("--no-resume", action="store_true", help="start over instead of skipping documents already done")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=_annotate)


def build_parser():
    parser = argparse.ArgumentParser(
        prog="policy-nlp",
        description="Annotate Chinese policy text: pkuseg tokens, numbered formulations and quoted "
                    "policy terms, numbered lists with count checks, paragraph topics.",
        epilog=EPILOG + "\nrun 'policy-nlp COMMAND --help' for a command's options and examples.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    from . import __version__
    parser.add_argument("--version", action="version", version=f"policy_nlp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for add in COMMANDS:
        add(commands)
    return parser


COMMANDS = [_add_annotate]


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as error:
        parser.exit(2, f"policy-nlp: error: {error}\n")


if __name__ == "__main__":
    sys.exit(main())
