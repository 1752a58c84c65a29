"""``policy-nlp trace``: one formulation's spread (:mod:`policy_nlp.apps.trace`)."""

from policy_nlp.cli.options import add_annotated_inputs


def _unknown(national_first):
    return "unknown (no national or no local use, or both first in one year without both dates)" \
        if national_first is None else national_first


def _hint(closest):
    """What to try when a formulation has no mention: the lines after "0 mentions"."""
    found = [row for row in closest if "in_text" in row]
    near = [row for row in closest if "in_text" not in row]
    lines = [f"{row['in_text']} occurs {row['mentions']} times in the text of {row['documents']} documents, "
             "but in no formulation of that form (part of a longer one, or not taken for a formulation)"
             for row in found]
    if near:
        lines.append("closest formulations these documents hold (trace one of them):")
        lines += [f"  {row['canonical']}: {row['mentions']} mentions in {row['documents']} documents"
                  f" (similarity {row['similarity']:.2f})" for row in near]
    return lines or ["no formulation of these documents comes close; 'policy-nlp report' lists the "
                     "most frequent ones"]


def _trace(args):
    from policy_nlp.apps.trace import trace, write_trace
    result = trace(args.formulation, args.inputs)
    s = result.summary
    first = s["first_use"]
    print(f"{s['canonical']}: {s['mentions']} mentions in {s['documents']} documents"
          + (f" ({s['duplicate_mentions_left_out']} in exact duplicates left out)" if s["duplicate_mentions_left_out"] else ""))
    if not s["mentions"]:
        print("\n".join(_hint(s["closest"])))
    if first:
        print(f"first use: {first['doc_id']} {first['date'] or first['year'] or 'undated'}"
              f" {first['level'] or ''} {first['place'] or ''}".rstrip())
    print(f"first national year {s['first_national_year']}, first local year {s['first_local_year']}, "
          f"in the national lexicon: {'yes' if s['in_national_lexicon'] else 'no'}; national first: {_unknown(s['national_first'])}")
    if not result.first_use.empty:
        print(result.first_use.to_string(index=False))
    if args.output:
        write_trace(result, args.output)
        plot = ", adoption.png/.svg" if len(result.adoption) else ""  # no dated mention: no curve to draw
        print(f"-> {args.output} (mentions.csv, first_use.csv, adoption.csv, summary.json{plot})")
    return 0


def add_trace_command(commands):
    """Add ``policy-nlp trace`` to an argparse subparsers object."""
    p = commands.add_parser(
        "trace", help="trace one formulation: mentions, first use, adoption curve",
        description="Find every mention of a formulation (any variant: quotes, spaces, full-width, "
                    "traditional characters) in annotated documents, with date, place, level and context; "
                    "its first use overall, per level and per place; the adoption curve (cumulative "
                    "documents and places by year); and whether national text used it first. "
                    "Exact duplicate documents count once. A formulation with no mention gets the "
                    "closest ones the documents hold (5个坚持: 五个坚持) and how often its text occurs "
                    "outside any formulation.",
        epilog="examples:\n  policy-nlp trace 河长制 out/national/ out/local/ -o out/trace_hezhang/\n"
               "  policy-nlp trace “十三五” out/annotations.jsonl\n"
               "  policy-nlp trace 5心工程 out/annotations.jsonl   # 0 mentions: lists 五心工程 and other close ones")
    p.add_argument("formulation", help="the formulation, in any variant")
    add_annotated_inputs(p)
    p.add_argument("-o", "--output", help="folder for mentions.csv, first_use.csv, adoption.csv, summary.json and the plot adoption.png/.svg")
    p.set_defaults(func=_trace)
