"""``policy-nlp view``: HTML pages of annotated documents (:mod:`policy_nlp.apps.view`)."""

import sys
from pathlib import Path

from policy_nlp.cli.options import RAW_INPUTS, add_annotated_inputs, add_input_options, add_segmenter_option


VIEW_EPILOG = """examples:
  policy-nlp view out/annotations.jsonl -o views/
  policy-nlp view corpora/000_49f5c10d9eda79ac.txt -o views/          # annotates first
  policy-nlp view reports.jsonl --text-column content --id-column title -o views/ --limit 5
then open views/index.html (or one page per document) in a browser; no network is needed.
"""


def _view(args):
    from policy_nlp.apps.view import write_views
    settings = {"segmenter": args.segmenter, "lexicon": not args.no_lexicon}
    if args.stages:
        settings["stages"] = [s.strip() for s in args.stages.split(",") if s.strip()]
    pages = write_views(args.inputs, args.output, clean=not args.no_clean, settings=settings,
                        limit=args.limit,
                        read_options={"pattern": args.glob, "text_column": args.text_column,
                                      "id_column": args.id_column})
    if not pages:  # the reasons were logged above, one line per input
        print(f"policy-nlp: no page written in {args.output}: view takes annotated JSONL/JSON "
              "(from 'policy-nlp annotate') or raw .txt files and tables (.jsonl, .csv, .tsv), which it "
              "annotates (name a table's text field with --text-column)", file=sys.stderr)
        return 1
    print(f"{len(pages)} page(s) in {args.output}; open {Path(args.output) / 'index.html'}")
    return 0


def add_view_command(commands):
    """Add ``policy-nlp view`` to an argparse subparsers object."""
    p = commands.add_parser(
        "view", help="HTML view of annotated documents (one self-contained page each)",
        description="Write one self-contained HTML page per document (no network needed): the "
                    "text with numbered formulations and quoted terms highlighted (hover for the "
                    "number and members), paragraph topic badges, count mismatches marked, the "
                    "outline of numbered lists in a side panel, and the metadata on top. Inputs are "
                    "annotated JSONL/JSON (from 'policy-nlp annotate') or raw inputs, which are "
                    "annotated first.",
        epilog=VIEW_EPILOG)
    add_annotated_inputs(p, also=f", or raw inputs: {RAW_INPUTS}")
    p.add_argument("-o", "--output", required=True, help="folder for the pages (gets index.html too)")
    p.add_argument("--limit", type=int, help="write at most this many pages")
    add_input_options(p, prefix="raw inputs: ")
    add_segmenter_option(p, "raw inputs: word segmenter, as for annotate (default fast: pkuseg's output, faster)")
    p.add_argument("--no-lexicon", action="store_true", help="raw inputs: do not use the packaged lexicon")
    p.add_argument("--stages", help="raw inputs: comma-separated stages to run (default: all)")
    p.add_argument("--no-clean", action="store_true", help="raw inputs: keep web page furniture")
    p.set_defaults(func=_view)
