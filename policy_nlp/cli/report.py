"""``policy-nlp report``: a corpus report (:mod:`policy_nlp.apps.report`)."""

from policy_nlp.cli.options import add_annotated_inputs


REPORT_EPILOG = """examples:
  policy-nlp report out/annotations.jsonl -o report/
  policy-nlp report out/ -o report/ --top 50          # a folder from 'policy-nlp annotate -o out/'
then open report/index.html; the plots are PNG and SVG, the tables CSV.
"""


def _report(args):
    from policy_nlp.apps.report import build_report
    index = build_report(args.inputs, args.output, top=args.top, title=args.title, dated_only=args.dated_only)
    print(f"report: {index}")
    return 0


def add_report_command(commands):
    """Add ``policy-nlp report`` to an argparse subparsers object."""
    p = commands.add_parser(
        "report", help="corpus report of annotated documents (plots and tables in index.html)",
        description="Make a corpus report from annotated documents: the most frequent numbered "
                    "formulations by document frequency with their first and last year, numbered "
                    "formulations and topic shares by year (stacked chart), count mismatches across "
                    "the corpus, and the documents that failed (from the errors file beside the "
                    "annotations). Plots are PNG and SVG, tables CSV, tied together by index.html.",
        epilog=REPORT_EPILOG)
    add_annotated_inputs(p)
    p.add_argument("-o", "--output", required=True, help="folder for the report (index.html, PNG, SVG, CSV)")
    p.add_argument("--top", type=int, default=30, help="formulations in the table (default 30; the chart shows the first 20 of them)")
    p.add_argument("--title", default="policy_nlp corpus report", help="title of the report")
    p.add_argument("--dated-only", action="store_true",
                   help="leave out documents without a year (meta.year or meta.date)")
    p.set_defaults(func=_report)
