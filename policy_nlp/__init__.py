"""policy_nlp: annotate Chinese policy text — tokens, slogans, numbered lists, topics.

>>> import policy_nlp
>>> nlp = policy_nlp.load(stages=["paragraphs"])
>>> doc = nlp("一、提高思想认识\\n同志们：今天开会。")
>>> len(doc.spans["paragraphs"])
2
"""

__version__ = "0.1.0"

from .document import register_extensions
from .pipeline import load
from .batch import annotate
from .hf import annotate_dataset

register_extensions()

__all__ = ["load", "annotate", "annotate_dataset", "__version__"]
