"""Old module paths (the flat layout of policy_nlp 0.1, later moves), still importable.

``import policy_nlp.output`` gives the module now at ``policy_nlp.io.output``
(the same module object) with a ``DeprecationWarning``. Declared here once,
for every module that moved.
"""

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

MOVED = {
    "policy_nlp.segmenter": "policy_nlp.segment.engines",
    "policy_nlp.fastseg": "policy_nlp.segment.fastseg",
    "policy_nlp.paragraphs": "policy_nlp.stages.paragraphs",
    "policy_nlp.cleaning": "policy_nlp.stages.cleaning",
    "policy_nlp.slogans": "policy_nlp.stages.slogans",
    "policy_nlp.enumerations": "policy_nlp.stages.enumerations",
    "policy_nlp.topics": "policy_nlp.stages.topics",
    "policy_nlp.lexicon": "policy_nlp.stages.lexicon",
    "policy_nlp.document": "policy_nlp.pipeline.document",
    "policy_nlp.tokenizer": "policy_nlp.pipeline.tokenizer",
    "policy_nlp.factories": "policy_nlp.pipeline.factories",
    "policy_nlp.reading": "policy_nlp.io.reading",
    "policy_nlp.corpus": "policy_nlp.io.corpus",
    "policy_nlp.output": "policy_nlp.io.output",
    "policy_nlp.batch": "policy_nlp.run.batch",
    "policy_nlp.distributed": "policy_nlp.run.dask_backend",
    "policy_nlp.hf": "policy_nlp.run.hf",
    "policy_nlp.view": "policy_nlp.apps.view",
    "policy_nlp.report": "policy_nlp.apps.report",
    "policy_nlp.evaluation": "policy_nlp.apps.evaluation",
    # the default model's recipe (build_default, weak_labels ...) did not move with it: it is the
    # script models/topics-default/recipe.py, and asking for it raises an ImportError saying so
    "policy_nlp.topic_training": "policy_nlp.apps.training",
    # the topic stage's modules that stood beside its package, now inside it
    "policy_nlp.stages.topic_context": "policy_nlp.stages.topics.context",
    "policy_nlp.stages.topic_estimators": "policy_nlp.stages.topics.estimators",
    "policy_nlp.stages.multilabel": "policy_nlp.stages.topics.multilabel",
    # what policy-nlp suggest reads (active learning), named for what it gives
    "policy_nlp.apps.active": "policy_nlp.apps.suggestions",
}


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Resolves an old path to the module at its new path."""

    def __init__(self):
        self._own_specs = {}

    def find_spec(self, name, path=None, target=None):
        if name in MOVED:
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        warnings.warn(f"{spec.name} moved to {MOVED[spec.name]}; the old path will go",
                      DeprecationWarning, stacklevel=3)
        module = importlib.import_module(MOVED[spec.name])
        self._own_specs[module.__name__] = module.__spec__
        return module

    def exec_module(self, module):
        # Already executed at its new path; importlib has just stamped the old
        # path's spec on it, so give it back its own.
        module.__spec__ = self._own_specs.pop(module.__name__)


def install():
    if not any(isinstance(finder, _MovedModuleFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedModuleFinder())
