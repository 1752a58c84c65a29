"""Language knowledge shared by the stages: Chinese numerals (:mod:`~policy_nlp.lang.numerals`),
word lists (:mod:`~policy_nlp.lang.words`), character classes (:mod:`~policy_nlp.lang.chars`),
masked names, preview notices, photo captions, reported speech in news reports
(:mod:`~policy_nlp.lang.speech`), the heading lines of an outline (:mod:`~policy_nlp.lang.outline`),
and the decoding of text files (:mod:`~policy_nlp.lang.encodings`).

The lowest layer above the base modules (_startup, errors, schema, _moved): plain Python, no spaCy, no
pkuseg. Word lists live as text files in ``policy_nlp/lang/data/``.
"""
