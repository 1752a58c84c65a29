"""The time limit per document (policy_nlp.run.timelimit, annotate --doc-timeout).

No test times the code: a slow document is the salutation regex of topics/context
before robust23 made it atomic (exponential on a line of 同志们：…; 27 pieces take
~15 s, far over the limits used here), or a stub that sleeps; a document stopped
by the limit fails, whatever the machine's speed. Were the limit broken, each
test would wait out its slow document (seconds) and fail, not hang.
"""

import json
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from policy_nlp.errors import Interrupted
from policy_nlp.lang.chars import SENTENCE_ENDS
from policy_nlp.lang.words import alternation
from policy_nlp.run import timelimit, worker
from policy_nlp.run.batch import annotate_corpus
from policy_nlp.run.timelimit import TimeLimitExceeded, time_limit
from policy_nlp.stages.topics import context

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no setitimer (Windows)")

FAST = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "quiet": True}
# the meeting-opening regex before 47dad56 (robust23), salutations not atomic: exponential
OLD_MEETING_OPENING = re.compile(
    rf"^(?:{context._SALUTATION_PIECE}\s*)*(?:{alternation('meeting_deictics')})[^{SENTENCE_ENDS}]{{0,60}}?"
    rf"(?:{alternation('meeting_words')}|{alternation('campaign_meetings')})")
SALUTATIONS = "同志们：" * 27 + "我讲三点意见。"  # the line of 同志们：同志们：… that tripped it
SENTENCES = ["坚持农业农村优先发展。", "全面推进乡村振兴，加快建设农业强国。", "过去一年，我国发展历程很不平凡。",
             "同志们：今天，我们在这里召开全县防汛工作会议。"]


def _no_timer():
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# --- the limit --------------------------------------------------------------------

def test_a_regex_that_backtracks_exponentially_is_stopped_where_it_runs():
    with pytest.raises(TimeLimitExceeded) as stop:
        with time_limit(0.2):
            OLD_MEETING_OPENING.match(SALUTATIONS)
    assert stop.value.reason.startswith("took longer than 0.2 s, the time limit per document (--doc-timeout)")
    assert "; stopped in test_a_regex_that_backtracks" in stop.value.reason  # the Python function that called re
    assert _no_timer() and signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_the_timer_is_cleared_after_a_block_however_it_ends():
    previous = signal.getsignal(signal.SIGALRM)
    with time_limit(0.3):
        pass
    with pytest.raises(ValueError):
        with time_limit(0.3):
            raise ValueError("a document's own failure")
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.05):
            while True:
                pass
    assert _no_timer() and signal.getsignal(signal.SIGALRM) is previous
    time.sleep(0.4)  # past every limit above: no stray alarm (its default action would end the process)


@pytest.mark.parametrize("seconds", [timelimit.SLACK, timelimit.SLACK / 10])
def test_a_limit_of_a_millisecond_or_less_stops_at_it_not_a_second_later(seconds):
    # a limit no longer than SLACK was past when the timer was first armed, and was armed as if it
    # had fired already: AGAIN (1 s) on; annotate_dataset(doc_timeout=0.001) stopped nothing (review21)
    start = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(seconds):
            OLD_MEETING_OPENING.match(SALUTATIONS)
    assert time.monotonic() - start < timelimit.AGAIN / 2
    assert _no_timer()


def test_a_limit_of_zero_or_outside_the_main_thread_does_nothing():
    with time_limit(0):
        assert _no_timer()
    seen = []

    def in_a_thread():
        with time_limit(0.05):
            time.sleep(0.2)
            seen.append(_no_timer())
    thread = threading.Thread(target=in_a_thread)
    thread.start()
    thread.join()
    assert seen == [True]


def test_a_callers_timer_due_during_the_block_runs_its_handler_and_the_limit_goes_on():
    hits = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: hits.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        with pytest.raises(TimeLimitExceeded):
            with time_limit(0.4):
                while True:
                    time.sleep(0.01)
        assert hits == [signal.SIGALRM] and _no_timer()  # the caller's one-shot timer came once, is over
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_callers_timer_due_after_the_block_keeps_its_time_and_handler():
    hits = []

    def own(signum, frame):
        hits.append(signum)
    previous = signal.signal(signal.SIGALRM, own)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30, 5)
        with time_limit(0.3):
            pass
        left, interval = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30 and interval == 5 and hits == []
        assert signal.getsignal(signal.SIGALRM) is own
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), "60", True, None])
def test_a_bad_limit_is_refused(bad):
    with pytest.raises(ValueError, match="must be a number of seconds >= 0"):
        timelimit.check_seconds(bad)


def test_a_bad_limit_or_one_on_dask_is_refused_before_the_output_is_made(tmp_path):
    source = _corpus(tmp_path, 2)
    with pytest.raises(ValueError, match="doc_timeout must be a number of seconds"):
        annotate_corpus([source], tmp_path / "out" / "a.jsonl", doc_timeout=-5, **FAST)
    with pytest.raises(ValueError, match="does not apply to the Dask backend"):
        annotate_corpus([source], tmp_path / "out" / "a.jsonl", backend="dask", doc_timeout=60, **FAST)
    assert not (tmp_path / "out").exists()


# --- a run ----------------------------------------------------------------------------

def _corpus(tmp_path, n, slow=()):
    docs = [{"id": f"doc{i:02d}", "text": SALUTATIONS if i in slow else SENTENCES[i % len(SENTENCES)] * 20}
            for i in range(n)]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture
def old_salutations(monkeypatch):
    """annotate_record reads a document's first line with the regex before robust23's fix
    (in forked pool workers too: they inherit the monkeypatch)."""
    annotate_record = worker.annotate_record

    def slow_on_salutations(nlp, record, clean=True):
        OLD_MEETING_OPENING.match(record.text.split("\n")[0])
        return annotate_record(nlp, record, clean)
    monkeypatch.setattr(worker, "annotate_record", slow_on_salutations)


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "process pool"])
def test_a_slow_document_fails_alone_and_a_rerun_tries_it_again(tmp_path, old_salutations, monkeypatch, workers):
    source = _corpus(tmp_path, 8, slow={3})
    out = tmp_path / "out"
    summary = annotate_corpus([source], out, workers=workers, batch_chars=500, doc_timeout=0.3, **FAST)
    assert (summary.done, summary.failed) == (7, 1)
    lines = (out / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"doc{i:02d}" for i in range(8) if i != 3]
    [error] = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["id"] == "doc03" and error["source"].endswith("docs.jsonl:4")
    # where: the innermost function of policy_nlp on the stack (the stub that ran the regex is the test's)
    assert error["reason"].startswith("took longer than 0.3 s, the time limit per document (--doc-timeout); "
                                      "stopped in annotate_within (policy_nlp/run/worker.py:")
    assert _no_timer() and signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    # a rerun (here without a limit, the page fixed) annotates it alone, in its place in the run
    monkeypatch.undo()
    again = annotate_corpus([source], out, workers=workers, doc_timeout=0, **FAST)
    assert (again.done, again.skipped, again.failed) == (1, 7, 0)
    reference = annotate_corpus([source], tmp_path / "ref", workers=1, resume=False, **FAST)
    assert reference.done == 8
    assert sorted((out / "annotations.jsonl").read_bytes().splitlines()) == \
        sorted((tmp_path / "ref" / "annotations.jsonl").read_bytes().splitlines())


def test_the_default_limit_leaves_a_run_as_it_was(tmp_path):
    source = _corpus(tmp_path, 4)
    default = annotate_corpus([source], tmp_path / "default.jsonl", **FAST)
    none = annotate_corpus([source], tmp_path / "none.jsonl", doc_timeout=0, **FAST)
    assert default.done == none.done == 4
    assert (tmp_path / "default.jsonl").read_bytes() == (tmp_path / "none.jsonl").read_bytes()
    assert _no_timer()


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "process pool"])
def test_ctrl_c_during_a_limited_document_stops_the_run(tmp_path, monkeypatch, workers):
    annotate_record = worker.annotate_record

    def sleeps_on_doc01(nlp, record, clean=True):
        if record.id == "doc01":
            time.sleep(20)  # within the limit: only the Ctrl-C can end it
        return annotate_record(nlp, record, clean)
    monkeypatch.setattr(worker, "annotate_record", sleeps_on_doc01)
    source = _corpus(tmp_path, 3)
    ctrl_c = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT))  # the parent only, as `kill -INT`
    ctrl_c.start()
    started = time.monotonic()
    try:
        with pytest.raises(Interrupted) as stop:
            annotate_corpus([source], tmp_path / "out.jsonl", workers=workers, batch_chars=100, doc_timeout=60,
                            **FAST)
    finally:
        ctrl_c.cancel()
    assert stop.value.signum == signal.SIGINT and time.monotonic() - started < 15
    assert _no_timer() and signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert not list(Path(tmp_path).glob("*.lock"))


# --- annotate_dataset ---------------------------------------------------------------------

@pytest.mark.parametrize("num_proc", [None, 2], ids=["this process", "map's worker processes"])
def test_a_row_over_the_limit_of_annotate_dataset_is_an_error_row_and_the_map_goes_on(old_salutations, num_proc):
    datasets = pytest.importorskip("datasets")
    import policy_nlp
    from conftest import local_excerpt
    rows = {"text": [local_excerpt("dev-0014"), SALUTATIONS, local_excerpt("dev-0015")]}
    settings = {"stages": ["paragraphs", "slogans"], "lexicon": False, "batch_size": 1, "num_proc": num_proc}
    out = policy_nlp.annotate_dataset(datasets.Dataset.from_dict(rows), doc_timeout=0.3, **settings)
    assert out["error"][0] is None and out["error"][2] is None
    assert out["error"][1].startswith("took longer than 0.3 s, the time limit per document (--doc-timeout); "
                                      "stopped in annotate_within (policy_nlp/run/worker.py:")
    assert out[1]["annotated_text"] == "" and out[1]["sentences"] == [] and out[1]["meta"]["source"] == "row 1"
    assert _no_timer() and signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    # the other rows as without a limit
    unlimited = policy_nlp.annotate_dataset(datasets.Dataset.from_dict(rows), doc_timeout=0,
                                            **settings)
    assert [out[i] for i in (0, 2)] == [unlimited[i] for i in (0, 2)] and unlimited["error"][1] is None


def test_a_real_text_over_a_tiny_limit_of_annotate_dataset_fails_alone():
    """A national report (~0.3 s warm) over 0.01 s; the empty row fails as before, on its own reason."""
    datasets = pytest.importorskip("datasets")
    import policy_nlp
    from conftest import national_report
    ds = datasets.Dataset.from_dict({"text": [national_report(2019), ""]})
    out = policy_nlp.annotate_dataset(ds, doc_timeout=0.01)
    assert out["error"][0].startswith("took longer than 0.01 s, the time limit per document (--doc-timeout); "
                                      "stopped in ")
    assert out["error"][1] == "empty or non-text 'text' value" and out["slogans"] == [[], []]
    with pytest.raises(ValueError, match="doc_timeout must be a number of seconds >= 0"):
        policy_nlp.annotate_dataset(ds, doc_timeout=-1)


# --- the lazy state a stop leaves -----------------------------------------------------

# In a fresh process (the pipeline loaded, no document annotated yet: nothing lazily built), a
# national report is stopped by a tiny limit; then a local excerpt is stopped again and again, at
# the start of each function of policy_nlp it enters for the first time in this process (a trace
# function raises there, as the timer's handler raises at a function's start), each attempt going
# on from the lazy state the last one left: stage modules half imported, word lists, pkuseg's
# dictionary, compiled lexicon patterns, the tokenizer's terms. The next documents must then be
# annotated exactly as in a fresh process. (A lazy table filled in place and then stopped, e.g.
# Tokenizer.words setting self._words = [] before extending it, fails this.)
_STOPPED_THEN = r"""
import json, sys
from policy_nlp.io.corpus import make_record
from policy_nlp.pipeline.loading import load
from policy_nlp.run import worker
from policy_nlp.run.timelimit import TimeLimitExceeded

entered = set()

def trace(frame, event, arg):  # stops at the start of a function of policy_nlp entered for the first time
    code = frame.f_code
    if event == "call" and code not in entered and "/policy_nlp/" in code.co_filename.replace("\\", "/") \
            and "/policy_nlp/run/" not in code.co_filename.replace("\\", "/"):
        entered.add(code)
        sys.settrace(None)
        raise TimeLimitExceeded(0, frame)

report, excerpt, texts, stopping = json.loads(sys.stdin.read())
nlp, settings = load(), {"clean": True}
where = []
if stopping:
    where += [r[4] for r in worker.annotate_batch([make_record("report", report, {})], nlp, settings, 0.01)]
    while where[-1] is not None and len(where) < 5000:  # until the excerpt is annotated whole
        records = [make_record("excerpt", excerpt, {})]
        sys.settrace(trace)
        try:
            where += [r[4] for r in worker.annotate_batch(records, nlp, settings)]
        finally:
            sys.settrace(None)
results = worker.annotate_batch([make_record(f"doc{i}", t, {}) for i, t in enumerate(texts)], nlp, settings)
print(json.dumps({"where": where, "results": [r[3] or r[4] for r in results]}, ensure_ascii=False))
"""


@pytest.mark.slow
def test_documents_after_a_stopped_one_are_annotated_as_in_a_fresh_process():
    import subprocess
    import sys
    from conftest import ROOT, local_excerpt, national_report
    given = [national_report(2019), local_excerpt("dev-0014"),
             [national_report(2015), local_excerpt("dev-0015"), local_excerpt("dev-0021")]]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    runs = [subprocess.Popen([sys.executable, "-c", _STOPPED_THEN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, encoding="utf-8", env=env) for _ in range(2)]
    stopped, fresh = [json.loads(run.communicate(json.dumps([*given, stopping]), timeout=600)[0])
                      for run, stopping in zip(runs, (True, False))]
    *stops, last = stopped["where"]
    assert stops[0].startswith("took longer than 0.01 s, the time limit per document (--doc-timeout); stopped in ")
    assert last is None and all(where.startswith("took longer than 0 s") for where in stops[1:])
    # stopped in hundreds of functions, in every stage (their modules' imports and lazy loads among them)
    places = {where.split(" (")[-1].split(":")[0] for where in stops}
    assert len(stops) > 300 and {"policy_nlp/stages/slogans/quotes.py", "policy_nlp/stages/lexicon.py",
                                 "policy_nlp/pipeline/tokenizer.py", "policy_nlp/segment/engines.py",
                                 "policy_nlp/stages/enumerations/find.py", "policy_nlp/stages/topics/context.py"} <= places
    assert stopped["results"] == fresh["results"] and all(r.startswith("{") for r in fresh["results"])
