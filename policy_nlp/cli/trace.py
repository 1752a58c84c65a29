"""``policy-nlp trace``: one formulation's spread (:mod:`policy_nlp.apps.trace`)."""

import argparse

from policy_nlp.cli.options import add_annotated_inputs


def _unknown(national_first):
    return "unknown (no national or no local use, or both first in one year without both dates)" \
        if national_first is None else national_first


def _trace(args):
    from policy_nlp.apps.trace import trace, write_trace
    result = trace(args.formulation, args.inputs)
    s = result.summary
    first = s["first_use"]
    print(f"{s['canonical']}: {s['mentions']} mentions in {s['documents']} documents"
          + (f" ({s['duplicate_mentions_left_out']} in exact duplicates left out)" if s["duplicate_mentions_left_out"] else ""))
    if first:
        print(f"first use: {first['doc_id']} {first['date'] or first['year'] or 'undated'}"
              f" {first['level'] or ''} {first['place'] or ''}".rstrip())
    print(f"first national year {s['first_national_year']}, first local year {s['first_local_year']}, "
          f"in the national lexicon: {'yes' if s['in_national_lexicon'] else 'no'}; national first: {_unknown(s['national_first'])}")
    if not result.first_use.empty:
        print(result.first_use.to_string(index=False))
    if args.output:
        write_trace(result, args.output)
        print(f"-> {args.output} (mentions.csv, first_use.csv, adoption.csv, summary.json, adoption.png)")
    return 0


def add_trace_command(commands):
    """Add ``policy-nlp trace`` to an argparse subparsers object."""
    p = commands.add_parser(
        "trace", help="trace one formulation: mentions, first use, adoption curve",
        description="Find every mention of a formulation (any variant: quotes, spaces, full-width, "
                    "traditional characters) in annotated documents, with date, place, level and context; "
                    "its first use overall, per level and per place; the adoption curve (cumulative "
                    "documents and places by year); and whether national text used it first.",
        epilog="examples:\n  policy-nlp trace 河长制 out/national/ out/local/ -o out/trace_hezhang/\n"
               "  policy-nlp trace “十三五” out/annotations.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("formulation", help="the formulation, in any variant")
    add_annotated_inputs(p)
    p.add_argument("-o", "--output", help="folder for mentions.csv, first_use.csv, adoption.csv/.png, summary.json")
    p.set_defaults(func=_trace)
    return p
