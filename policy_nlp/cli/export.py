"""``policy-nlp export``: tidy tables and a DuckDB file (:mod:`policy_nlp.apps.tables`)."""

from pathlib import Path

from policy_nlp.cli.options import add_annotated_inputs, add_drop_duplicates_option


def _export(args):
    from policy_nlp.apps.tables import export
    counts = export(args.inputs, args.output, partition=None if args.no_partition else "year",
                    database=None if args.no_duckdb else "corpus.duckdb", drop_duplicates=args.drop_duplicates,
                    csv=args.csv)
    print(", ".join(f"{name} {n}" for name, n in counts.items()) + f" rows -> {args.output}"
          + ("" if args.no_duckdb else f" (and {Path(args.output) / 'corpus.duckdb'})")
          + (f"; CSV for spreadsheets: {Path(args.output) / 'documents.csv'} ..." if args.csv else ""))
    return 0


def add_export_command(commands):
    """Add ``policy-nlp export`` to an argparse subparsers object."""
    p = commands.add_parser(
        "export", help="tidy tables (Parquet, DuckDB, CSV) from annotated documents",
        description="Turn annotated JSONL into tidy tables — documents, paragraphs, formulations "
                    "(one row per mention, with paragraph, sentence, canonical form and topic), lists, "
                    "list_items — written as Parquet datasets partitioned by year (read them with "
                    "Spark, or pandas and dask.dataframe.read_parquet given "
                    "policy_nlp.apps.tables.year_partitioning()) and a DuckDB file corpus.duckdb. "
                    "A document read twice (the same text under another id, or one id in two overlapping "
                    "inputs) is kept once per copy, its later copies' rows flagged duplicate = true in every "
                    "table (count with 'where not duplicate'), and export says how many; --drop-duplicates "
                    "leaves them out. Columns: docs/schema.md.",
        epilog="examples:\n  policy-nlp export out/annotations.jsonl -o out/tables/\n"
               "  policy-nlp export out/ -o out/tables/ --csv   # also documents.csv ... for Excel\n"
               "  policy-nlp export out/national/ out/local/ -o out/tables/ --drop-duplicates"
               "   # each document once, however often it was read\n"
               "  python -c \"import duckdb; print(duckdb.connect('out/tables/corpus.duckdb')"
               ".sql('select year, count(*) from formulations where not duplicate group by year'))\"\n"
               "  duckdb out/tables/corpus.duckdb \"select year, count(*) from formulations where not duplicate"
               " group by year\""
               "   # the duckdb command-line tool, installed apart")
    add_annotated_inputs(p)
    p.add_argument("-o", "--output", required=True, help="folder for the tables and corpus.duckdb")
    p.add_argument("--no-partition", action="store_true", help="one Parquet file per table, not partitioned by year")
    p.add_argument("--no-duckdb", action="store_true", help="do not build corpus.duckdb")
    p.add_argument("--csv", action="store_true",
                   help="also write NAME.csv per table for Excel and other spreadsheets: UTF-8 with a BOM, "
                        "CRLF, a null as an empty cell, members as a JSON array")
    add_drop_duplicates_option(p)
    p.set_defaults(func=_export)
