"""Documents in and out: the layer between the pipeline and the corpus runs.

``reading`` (bytes -> normalised ``str``; the decoder is :mod:`policy_nlp.lang.encodings`),
``rows`` (the rows of a CSV, TSV, JSONL, Excel .xlsx or Parquet file, for the corpus, metadata sheets and
training data), ``corpus`` (files, folders, tables and saved datasets -> :class:`~policy_nlp.io.corpus.Record`;
reads through ``reading``), ``output`` (an annotated ``Doc`` -> JSON, JSONL, ``DocBin``) and
``annotated`` (the one reader of that output, for every app). See ``docs/architecture.md``.
"""
