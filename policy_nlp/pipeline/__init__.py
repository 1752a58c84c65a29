"""The spaCy pipeline: the stages' plain records turned into spans of a ``Doc``.

``document`` (span groups and extensions, the record <-> span helpers), ``tokenizer``
(segmenter + lexicon -> ``Doc``), ``factories`` (the stages by name), ``loading``
(:func:`~policy_nlp.pipeline.loading.load`, save and load back); each imports only
those before it. See ``docs/architecture.md``.
"""
