"""The public API is typed: annotations on every public function, ``py.typed``,
and mypy accepts the typed modules (when mypy is installed: ``pip install
'policy_nlp[test]'``)."""

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import policy_nlp
from policy_nlp.apps import evaluation, tables, trace
from policy_nlp.io import output
from policy_nlp.stages import normalize, topics

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = [
    policy_nlp.load, policy_nlp.annotate, policy_nlp.annotate_dataset,
    output.doc_to_dict, output.read_docbin, output.validate,
    topics.TopicClassifier.fit, topics.TopicClassifier.predict, topics.TopicClassifier.predict_proba,
    topics.TopicClassifier.decision_function, topics.load_model, topics.save_model, topics.default_model,
    evaluation.load_gold, evaluation.evaluate, evaluation.evaluate_many, evaluation.pair_documents,
    evaluation.format_report, tables.build_tables, tables.export, tables.read_documents, tables.year_partitioning,
    tables.duplicates_note, trace.trace, trace.write_trace, trace.plot_adoption, trace.closest_formulations,
    normalize.normalize, normalize.prepare, normalize.content_hash,
]
# the modules mypy checks (their annotated functions' bodies included)
TYPED = ["policy_nlp/__init__.py", "policy_nlp/io/output.py", "policy_nlp/io/annotated.py", "policy_nlp/run/batch.py",
         "policy_nlp/run/worker.py",
         "policy_nlp/run/hf.py", "policy_nlp/apps/tables.py", "policy_nlp/apps/trace.py",
         "policy_nlp/apps/evaluation.py", "policy_nlp/stages/topics",
         "policy_nlp/stages/normalize.py", "policy_nlp/pipeline/loading.py"]


@pytest.mark.parametrize("function", PUBLIC, ids=lambda f: f.__qualname__)
def test_public_functions_are_annotated(function):
    signature = inspect.signature(function)
    missing = [name for name, p in signature.parameters.items()
               if name != "self" and p.annotation is inspect.Parameter.empty]
    assert not missing, f"{function.__qualname__}: parameters without a type: {missing}"
    assert signature.return_annotation is not inspect.Signature.empty, function.__qualname__
    assert function.__doc__  # the numpydoc docstrings are kept


def test_the_package_says_it_is_typed():
    assert (ROOT / "policy_nlp" / "py.typed").is_file()
    assert '"py.typed"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_mypy_accepts_the_typed_modules(request, tmp_path_factory):
    pytest.importorskip("mypy", reason="mypy is not installed (pip install 'policy_nlp[test]')")
    # pytest's cache keeps mypy's between runs; under -p no:cacheprovider there is none
    cache = request.config.cache.mkdir("mypy") if getattr(request.config, "cache", None) \
        else tmp_path_factory.mktemp("mypy")
    result = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--cache-dir",
                             str(cache), *TYPED], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
