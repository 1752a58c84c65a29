"""Corpus runs: many documents annotated in parallel, resumably, never stopped by a bad file.

``worker`` (annotate a record, a batch: what every backend's workers run), ``dask_backend``
(the batches on a Dask cluster), ``batch`` (the process pool, resume, lock, ``errors.jsonl``;
hands a run to ``dask_backend`` when asked), ``hf`` (a ``datasets.Dataset`` through
``Dataset.map``); each imports only those before it. See ``docs/architecture.md``.
"""
