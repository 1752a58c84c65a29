"""``policy-nlp suggest``: the paragraphs most worth coding next (:mod:`policy_nlp.apps.suggestions`)."""

import shlex

from policy_nlp.cli.options import RAW_INPUTS, add_input_options, add_quiet_option


def _suggest(args):
    from policy_nlp.apps.suggestions import coded_columns, suggest
    from policy_nlp.apps.training import read_labelled
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
    # the sheet coded before trains too; quoted, so that the command copies as it is (a path with blanks)
    earlier = f"{shlex.quote(args.exclude)} " if args.exclude else ""
    # the model's own columns (a sheet coded in 'code') beside this sheet's text and label
    from policy_nlp.stages.topics import model_metadata
    metadata = model_metadata(model)["metadata"]
    columns = coded_columns(metadata)
    if args.exclude and read_labelled(args.exclude, *columns).groups is None:
        # a coded sheet of text and label alone: train refuses it beside this sheet's doc_id
        # (its rows would be ungrouped unsaid), so the command says it trains ungrouped
        earlier = f"--group-column {shlex.quote('')} {earlier}"
    options = "".join(f"--{name}-column {shlex.quote(column)} "
                      for name, column, plain in zip(("text", "label"), columns, ("text", "label")) if column != plain)
    # what the model was trained with that the sheets do not say: its catch-all, its crosswalk
    crosswalk = (metadata.get("crosswalk") or {}).get("file")
    options += "".join(f"--{name} {shlex.quote(str(value))} " for name, value in
                       (("catch-all", metadata.get("catch_all")), ("crosswalk", crosswalk)) if value)
    print(f"{len(rows)} paragraphs from {documents} documents -> {args.output}; fill in the 'label' "
          f"column, then: policy-nlp train {options}{earlier}{shlex.quote(args.output)} -o models/NAME")
    return 0


def add_suggest_command(commands):
    """Add ``policy-nlp suggest`` to an argparse subparsers object."""
    p = commands.add_parser(
        "suggest", help="pick the unlabelled paragraphs most worth coding next",
        description="Score every paragraph of an unlabelled corpus with a topic model and write the N "
                    "the model is least sure of (smallest margin between its two best labels), spread over "
                    "documents and predicted labels, near-duplicates skipped, to a CSV with columns "
                    "doc_id, paragraph, text, predicted, score, label (empty). Fill in 'label' and train "
                    "on the file; blank rows are skipped.",
        epilog="examples:\n  policy-nlp suggest default ../shared/corpora/national/government_work_reports.jsonl "
               "--text-column content -n 100 -o out/to_code.csv\n"
               "  policy-nlp suggest models/mine speeches/ -n 50 -o to_code.csv\n"
               "  policy-nlp suggest default reports.jsonl --text-column content -n 100 -o to_code.csv "
               "--exclude coded.csv")
    p.add_argument("model", help="a model folder, or 'default'")
    p.add_argument("corpus", nargs="+", help=RAW_INPUTS)
    p.add_argument("-n", type=int, default=50, help="paragraphs to suggest (default 50)")
    p.add_argument("-o", "--output", required=True, help="the CSV to write")
    p.add_argument("--exclude", help="a coded file (the columns the model was trained on, or text and label): "
                        "its labelled paragraphs are skipped")
    add_input_options(p)
    add_quiet_option(p)
    p.set_defaults(func=_suggest)
