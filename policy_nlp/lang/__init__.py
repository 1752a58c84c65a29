"""Language knowledge shared by the stages: Chinese numerals and word lists.

The lowest layer above the errors: plain Python, no spaCy, no pkuseg. Word
lists live as text files in ``policy_nlp/lang/data/`` (see :mod:`policy_nlp.lang.words`).
"""
