"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

import json
import os
import signal
from pathlib import Path

import pytest
from hypothesis import settings

import policy_nlp

# The property tests draw the same examples on every run (derandomize), so a red
# CI run means the code changed, not the draw. `HYPOTHESIS_PROFILE=explore` draws
# fresh random examples: run it now and then to look for new failures, and add
# any that it finds as plain tests.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# A suite started in the background by a non-interactive shell (`make test &` in a script, a CI
# runner's `cmd &`) inherits SIGINT ignored, and Python then never turns Ctrl-C into
# KeyboardInterrupt: the tests of Ctrl-C (tests/run) would test the shell, not the code. They
# get SIGINT as a terminal gives it; the processes they start inherit it through exec.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "000_49f5c10d9eda79ac.txt"
SHARED = Path(os.environ.get("POLICY_NLP_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"


def shared_path(*parts):
    """A path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is not beside the repo)")
    return path


def national_report(year):
    """The text of a national government work report (skips without ../shared)."""
    path = shared_path("corpora", "national", "government_work_reports.jsonl")
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        if record.get("year") == str(year):
            return record["content"]
    raise LookupError(year)


@pytest.fixture(scope="session")
def seed_text():
    from policy_nlp.io.reading import read_text
    return read_text(SEED)[0]


@pytest.fixture(scope="session")
def topic_cv():
    """``benchmarks/topic_cv.py`` as a module (a script, not a package module)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("topic_cv", ROOT / "benchmarks" / "topic_cv.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tokenizer_nlp():
    """Tokenizer (default engine) and paragraphs only, no lexicon."""
    return policy_nlp.load(stages=["paragraphs"], lexicon=False)


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace):
    doctest_namespace["policy_nlp"] = policy_nlp


def local_record(excerpt_id):
    """One record (id, title, text, level, year …) of the local speech
    development corpus (``dev-0001`` …; skips without ../shared). The corpus
    may not be copied into the repository, so tests name excerpts by id."""
    path = shared_path("corpora", "local_speeches", "excerpts.jsonl")
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        if record["id"] == excerpt_id:
            return record
    raise LookupError(excerpt_id)


def local_excerpt(excerpt_id):
    """The text of :func:`local_record`."""
    return local_record(excerpt_id)["text"]


def development_excerpts():
    """The local speech corpus's records but those of the blind gold, which stay unread."""
    from policy_nlp.apps.local_training import gold_excerpt_ids
    blind = gold_excerpt_ids(parts=("blind",))
    path = shared_path("corpora", "local_speeches", "excerpts.jsonl")
    return [r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"] not in blind]


def lists_of(text):
    """The lists :func:`find_lists` gives for ``text``, on the pipeline's
    paragraphs and sentences (the enumeration tests' entry)."""
    from policy_nlp.stages.enumerations import find_lists
    from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences
    paragraphs = find_paragraphs(text)
    return find_lists(text, paragraphs, find_sentences(text, paragraphs))


def lists_outline(text, lists):
    """(family, item count, first 6 characters of the first item, parent, parent item, gaps) per list."""
    return [(l["family"], len(l["items"]), text[l["items"][0]["start"]:][:6], l["parent"], l["parent_item"],
             l["gaps"]) for l in lists]
