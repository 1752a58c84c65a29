"""``policy-nlp annotate``: documents in, annotated JSONL/JSON/DocBin out (:mod:`policy_nlp.run.batch`)."""

import sys

from policy_nlp.cli.options import (RAW_INPUTS, add_drop_duplicates_option, add_input_options, add_quiet_option,
                                    add_segmenter_option)


ANNOTATE_EPILOG = """examples:
  policy-nlp annotate corpora/ --glob "*.txt" -o out/
  policy-nlp annotate reports.jsonl --text-column content --meta level=national -o out/national/ --workers 2
  policy-nlp annotate speeches.csv --text-column Text --id-column Date --date-column Date -o out/xi/
  policy-nlp annotate excerpts.jsonl --meta-columns title,occasion,level,year -o out/local/
  policy-nlp annotate my_speeches/ --meta-file my_speeches.csv -o out/mine/   # columns file,year,level,...
  policy-nlp annotate big_corpus/ -o out/big/ --backend dask --scheduler tcp://10.0.0.5:8786 --tables out/big/tables
  policy-nlp annotate scraped_pages/ -o out/pages/ --workers 2 --doc-timeout 60   # a page over 60 s fails alone
"""


def _annotate(args):
    from policy_nlp.run.batch import annotate_corpus
    if args.drop_duplicates and not args.tables:  # checked before the run, not ignored after it
        raise ValueError("--drop-duplicates applies to the tables: give --tables DIR with it")
    settings = {"segmenter": args.segmenter, "user_dict": args.user_dict, "lexicon": not args.no_lexicon}
    if args.topic_model:
        settings["topic_model"] = args.topic_model
    if args.stages:
        settings["stages"] = [s.strip() for s in args.stages.split(",") if s.strip()]
    summary = annotate_corpus(
        args.inputs, args.output, format=args.format, workers=args.workers,
        backend=args.backend, scheduler=args.scheduler, resume=not args.no_resume, clean=not args.no_clean,
        batch_chars=args.batch_chars, quiet=args.quiet, doc_timeout=args.doc_timeout,
        read_options={"pattern": args.glob, "text_column": args.text_column, "id_column": args.id_column,
                      "date_column": args.date_column, "meta_columns": args.meta_columns,
                      "meta": args.meta, "meta_file": args.meta_file},
        **settings)
    print(summary, file=sys.stderr if args.quiet else sys.stdout)
    if args.tables:
        # The tables are built once over the whole output (duplicates are flagged
        # against the first copy in the corpus), whichever backend annotated it.
        from policy_nlp.apps.tables import export
        counts = export([args.output], args.tables, drop_duplicates=args.drop_duplicates)
        print("tables: " + ", ".join(f"{name} {n:,}" for name, n in counts.items())
              + f" -> {args.tables}", file=sys.stderr if args.quiet else sys.stdout)
    return 1 if summary.failed else 0


def add_annotate_command(commands):
    """Add ``policy-nlp annotate`` to an argparse subparsers object."""
    p = commands.add_parser(
        "annotate", help="annotate documents into JSONL/JSON/spaCy files",
        description="Annotate text files, folders and tables (JSONL, CSV, TSV, Excel .xlsx, Parquet): paragraphs, sentences, tokens, "
                    "slogans, numbered lists and topics. Bad inputs are reported (in the errors file "
                    "and on stderr) and the rest are still annotated; the exit status is 1 when any "
                    "document failed. Rerunning the same command resumes a JSONL output.",
        epilog=ANNOTATE_EPILOG)
    p.add_argument("inputs", nargs="+",
                   help=RAW_INPUTS)
    p.add_argument("-o", "--output", required=True,
                   help="output file (ending in .jsonl/.json/.spacy) or folder (gets annotations.* and errors.jsonl)")
    p.add_argument("--format", choices=("jsonl", "json", "spacy"),
                   help="jsonl (default; resumable), json (one array) or spacy (a DocBin with user data); "
                        "default: as the -o file's suffix says (.json, .spacy), else jsonl")
    p.add_argument("--tables", metavar="DIR",
                   help="when the run ends, also write the Parquet tables and corpus.duckdb there "
                        "(as 'policy-nlp export'; any backend, JSONL/JSON output)")
    add_drop_duplicates_option(p, "with --tables: ")
    add_input_options(p)
    p.add_argument("--date-column", help="date field of table inputs, into meta.date (ISO) and meta.year")
    p.add_argument("--meta-columns", help="comma-separated fields of table inputs to keep in meta (default: all); "
                   "COLUMN=FIELD renames, e.g. Place=place,Level=level to override the inferred ones")
    p.add_argument("--meta", action="append", metavar="FIELD=VALUE",
                   help="a meta field for every document of these inputs, e.g. --meta level=national "
                        "(repeatable; a value the document gives wins)")
    p.add_argument("--meta-file", metavar="SHEET",
                   help="your metadata sheet (CSV/TSV/JSONL in any encoding, Excel .xlsx or Parquet), one row per document: a 'file' "
                        "column (file name or path) or an 'id' column (a file's id is its path below the input "
                        "folder without the suffix: 2019/speech for 2019/speech.txt), and fields such as year, level, place "
                        "that go into meta and win over what is read or inferred from the text (a level: national, "
                        "province, city, district, county, township, street or village)")
    add_segmenter_option(p, "word segmenter: fast (default; pkuseg's output, faster) or pkuseg (the reference)")
    p.add_argument("--user-dict", help="file of your own terms to keep whole, one per line")
    p.add_argument("--no-lexicon", action="store_true", help="do not use the packaged policy lexicon")
    p.add_argument("--topic-model", help="folder of a topic model made with 'policy-nlp train' (default: packaged)")
    p.add_argument("--stages", help="comma-separated stages to run, of paragraphs,slogans,enumerations,topics "
                   "(default: all)")
    p.add_argument("--no-clean", action="store_true", help="annotate the text as given: keep web page furniture (navigation, share widgets "
                        "...), no Simplified copy of a Traditional page (its slogans and topics suffer)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--backend", choices=("processes", "dask"), default="processes",
                   help="processes (default: a process pool on this machine) or dask (a Dask cluster)")
    p.add_argument("--scheduler", help="Dask scheduler address tcp://HOST:PORT (default: a local cluster)")
    p.add_argument("--batch-chars", type=int, default=200_000, help="characters per batch sent to a worker")
    p.add_argument("--doc-timeout", type=float, metavar="SECONDS",
                   help="seconds a document may take: one that takes longer is stopped and reported failed "
                        "(errors file: 'took longer than N s ...'), the others are annotated, and a rerun tries it "
                        "again; so one pathological page cannot hold a run (default 300: ~650x the slowest "
                        "development document, 0.46 s; 0: no limit; e.g. --doc-timeout 60). Process pool and one "
                        "process only: not with --backend dask, whose worker threads no signal can stop")
    p.add_argument("--no-resume", action="store_true", help="start over instead of skipping documents already done "
                        "(a rerun with other settings, e.g. another --topic-model or --meta, is refused without it)")
    add_quiet_option(p)
    p.set_defaults(func=_annotate)
