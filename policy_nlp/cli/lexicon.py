"""``policy-nlp lexicon build``: candidate formulations of a corpus (:mod:`policy_nlp.apps.lexicon_mining`)."""

import sys

from policy_nlp.cli.options import RAW_INPUTS, add_input_options, add_quiet_option


def _lexicon_build(args):
    from policy_nlp.apps.lexicon_mining import build_lexicon
    counts = build_lexicon(args.corpus, args.output, min_docs=args.min_docs, examples=args.examples,
                           pattern=args.glob, text_column=args.text_column, id_column=args.id_column,
                           quiet=args.quiet,
                           on_skip=lambda error: print(f"policy-nlp: skipped {error}", file=sys.stderr))
    print(f"{counts['candidates']} candidates from {counts['documents']} documents -> {args.output}"
          + (f" ({counts['failed']} inputs could not be read)" if counts["failed"] else ""))
    return 1 if counts["failed"] else 0


def add_lexicon_command(commands):
    """Add ``policy-nlp lexicon`` to an argparse subparsers object."""
    p = commands.add_parser(
        "lexicon", help="mine candidate formulations and quoted terms from a corpus",
        description="Mine numbered formulations and quoted policy terms from a corpus, ranked by "
                    "document frequency, with example contexts, into a lexicon TSV to curate by hand "
                    "(delete lines, fix numbers, add members). A curated file can be passed to "
                    "'annotate --user-dict' to keep its terms whole.",
        epilog="examples:\n  policy-nlp lexicon build ../shared/corpora/national/government_work_reports.jsonl "
               "--text-column content --id-column title -o candidates.tsv\n"
               "  policy-nlp lexicon build speeches/ --min-docs 3 -o candidates.tsv")
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    b = sub.add_parser("build", help="mine a corpus into a candidate lexicon TSV", epilog=p.epilog)
    b.add_argument("corpus", nargs="+", help=RAW_INPUTS)
    b.add_argument("-o", "--output", required=True, help="the lexicon TSV to write")
    b.add_argument("--min-docs", type=int, default=2, help="keep terms found in at least N documents (default 2)")
    b.add_argument("--examples", type=int, default=3, help="example contexts per term (default 3)")
    add_input_options(b)
    add_quiet_option(b)
    b.set_defaults(func=_lexicon_build)
