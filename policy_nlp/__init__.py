"""policy_nlp: annotate Chinese policy text — tokens, slogans, numbered lists, topics.

>>> import policy_nlp
>>> nlp = policy_nlp.load(stages=["paragraphs"])
>>> doc = nlp("一、提高思想认识\\n同志们：今天开会。")
>>> len(doc.spans["paragraphs"])
2
"""

__version__ = "0.1.0"

from policy_nlp import _startup

with _startup.collector_paused():  # spaCy's import: long-lived objects only
    from policy_nlp.pipeline.document import register_extensions
    from policy_nlp.pipeline.loading import load
    from policy_nlp.run.worker import annotate
    from policy_nlp.run.hf import annotate_dataset

from policy_nlp import _moved

register_extensions()
_moved.install()

__all__ = ["load", "annotate", "annotate_dataset", "__version__"]
