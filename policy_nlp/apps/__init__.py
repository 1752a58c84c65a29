"""What users run on annotated documents and corpora: the commands' work, apart from the parser.

``plots`` (a Chinese font for matplotlib, PNG and SVG figures), ``view`` (one document as an
HTML page), ``tables`` (tidy tables, Parquet, DuckDB), ``trace`` (one formulation through a
corpus), ``report`` (tables, plots and an ``index.html``), ``evaluation`` (scores against hand
gold), ``local_training`` (weak labels of local speeches for the default model's recipe),
``training/`` (topic classifiers on your own labels), ``suggestions`` (which paragraphs to code
next), ``lexicon_mining`` (a candidate lexicon from a corpus); each imports only those before
it. See ``docs/architecture.md``.
"""
