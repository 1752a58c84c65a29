"""Corpus runs: order, resume, crash safety, bad inputs, progress, Dask, datasets.

The batch machinery is under test, not the annotation stages, so the pipeline
is the tokenizer plus paragraphs, without the lexicon and without cleaning.
"""

import contextlib
import functools
import io
import json
import logging
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policy_nlp.run import batch, worker
from policy_nlp import cli
from policy_nlp.errors import ConfigError, Interrupted
from policy_nlp.run.batch import annotate_corpus

FAST = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "quiet": True}
CLI_FAST = ["--stages", "paragraphs", "--no-lexicon", "--no-clean"]
SENTENCES = ["坚持农业农村优先发展。", "一、提高思想认识\n", "同志们：今天开会，我讲三点意见。",
             "全面推进乡村振兴，加快建设农业强国。\n", "（一）深化改革开放。", "二是要狠抓落实。\n",
             "过去一年，我国发展历程很不平凡。", "各位代表：\n"]


def make_docs(n, sentences=40, seed=0):
    rng = random.Random(seed)
    return [{"id": f"doc{i:03d}", "text": "".join(rng.choice(SENTENCES) for _ in range(sentences)),
             "year": 2000 + i} for i in range(n)]


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def ids(path):
    return [json.loads(line)["id"] for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "docs.jsonl", make_docs(40))


# --- order and resume --------------------------------------------------------

def test_one_and_two_workers_give_byte_identical_output(corpus, tmp_path):
    one = annotate_corpus([corpus], tmp_path / "one.jsonl", workers=1, batch_chars=1500, **FAST)
    two = annotate_corpus([corpus], tmp_path / "two.jsonl", workers=2, batch_chars=1500, **FAST)
    assert one.done == two.done == 40 and one.failed == two.failed == 0
    data = (tmp_path / "one.jsonl").read_bytes()
    assert data == (tmp_path / "two.jsonl").read_bytes()
    assert ids(tmp_path / "one.jsonl") == [f"doc{i:03d}" for i in range(40)]


def test_rerun_skips_documents_already_done(tmp_path):
    docs = make_docs(8, sentences=10)
    source = write_jsonl(tmp_path / "in.jsonl", docs[:5])
    out = tmp_path / "out.jsonl"
    assert annotate_corpus([source], out, **FAST).done == 5
    write_jsonl(source, docs)  # three more documents
    again = annotate_corpus([source], out, **FAST)
    assert (again.done, again.skipped, again.failed) == (3, 5, 0)
    assert ids(out) == [d["id"] for d in docs]
    assert annotate_corpus([source], out, **FAST).skipped == 8


def test_an_output_file_named_json_or_spacy_gets_that_format_from_python_as_from_the_cli(tmp_path):
    """annotate_corpus(..., "out.json") wrote a folder out.json/ holding annotations.jsonl, where
    `annotate -o out.json` and DocumentWriter("out.json") write a JSON array: one rule, format_of."""
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(2, sentences=5))
    assert annotate_corpus([source], tmp_path / "out.json", **FAST).done == 2
    assert [d["id"] for d in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))] == ["doc000", "doc001"]
    assert annotate_corpus([source], tmp_path / "out.spacy", **FAST).done == 2
    assert (tmp_path / "out.spacy").is_file() and (tmp_path / "out.errors.jsonl").is_file()


def test_a_changed_document_replaces_its_old_line(tmp_path):
    docs = make_docs(4, sentences=10)
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    annotate_corpus([source], out, **FAST)
    docs[1]["text"] += "新增一句。"
    write_jsonl(source, docs)
    again = annotate_corpus([source], out, **FAST)
    assert (again.done, again.skipped) == (1, 3)
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["id"] for d in lines) == [d["id"] for d in docs]  # no id twice
    assert next(d for d in lines if d["id"] == "doc001")["text"].endswith("新增一句。")


def test_bad_settings_fail_once_before_any_worker_starts(corpus, tmp_path):
    with pytest.raises(ValueError):
        annotate_corpus([corpus], tmp_path / "out.jsonl", workers=2,
                        **{**FAST, "stages": ["paragraphs", "no_such_stage"]})


def test_a_rerun_with_another_metadata_sheet_is_refused(tmp_path):
    """review11: resume keys on the text's hash, so a corrected sheet left the documents
    done with the old sheet's year and level; it is refused as another topic model is."""
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(3, sentences=5))
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("id,level\ndoc000,county\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert annotate_corpus([source], out, read_options={"meta_file": sheet}, **FAST).done == 3
    sheet.write_bytes("id,level\ndoc000,county\n".encode("gbk"))  # the same rows, saved anew: resumed
    assert annotate_corpus([source], out, read_options={"meta_file": sheet}, **FAST).skipped == 3
    for options in ({"meta_file": sheet}, {}):  # a corrected row; no sheet at all
        sheet.write_text("id,level\ndoc000,city\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="the --meta-file sheet's rows changed|no --meta-file sheet given"):
            annotate_corpus([source], out, read_options=options, **FAST)
    again = annotate_corpus([source], out, resume=False, read_options={"meta_file": sheet}, **FAST)
    assert again.done == 3 and json.loads(out.read_text(encoding="utf-8").splitlines()[0])["meta"]["level"] == "city"
    annotate_corpus([source], tmp_path / "plain.jsonl", **FAST)  # made without a sheet, resumed with one
    with pytest.raises(ConfigError, match="a --meta-file sheet given"):
        annotate_corpus([source], tmp_path / "plain.jsonl", read_options={"meta_file": sheet}, **FAST)


def test_a_rerun_with_other_meta_options_is_refused_naming_the_option(tmp_path, capsys):
    """A rerun with another --meta or --meta-columns resumed, mixing documents with the old
    and the new meta: every read option that shapes a document's id, text or meta is
    compared, in one form however given, and a refusal names the option."""
    docs = [{**d, "place": "某县", "occasion": "全县工作会议"} for d in make_docs(3, sentences=5)]
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    given = {"meta": ["level=county"], "meta_columns": "year,place"}
    assert annotate_corpus([source], out, read_options=given, **FAST).done == 3
    same = {"meta": {"level": "county"}, "meta_columns": ["year", " place"], "text_column": "text"}
    assert annotate_corpus([source], out, read_options=same, **FAST).skipped == 3
    for options, option in (({**given, "meta": ["level=city"]}, "--meta"), ({"meta_columns": "year,place"}, "--meta"),
                            ({**given, "meta_columns": "year"}, "--meta-columns"),
                            ({**given, "date_column": "year"}, "--date-column"),
                            ({**given, "id_column": "place"}, "--id-column")):
        with pytest.raises(ConfigError, match=f"made with other settings \\({option}: .*--no-resume"):
            annotate_corpus([source], out, read_options=options, **FAST)
    again = annotate_corpus([source], out, resume=False, read_options={**given, "meta": ["level=city"]}, **FAST)
    assert again.done == 3 and {json.loads(l)["meta"]["level"] for l in out.read_text(encoding="utf-8").splitlines()} == {"city"}
    # an output noted before the read options were compared resumes with the defaults
    plain = tmp_path / "plain.jsonl"
    annotate_corpus([source], plain, **FAST)
    sidecar = tmp_path / ".plain.jsonl.settings.json"
    assert not set(json.loads(sidecar.read_text(encoding="utf-8"))) & set(batch._READ_OPTIONS)
    assert annotate_corpus([source], plain, read_options={"text_column": "text", "id_column": "id"}, **FAST).skipped == 3
    # load()'s other options too, as given from Python (a tuple is noted as the list it reads back as)
    annotate_corpus([source], tmp_path / "excluded.jsonl", exclude=("topics",), **FAST)
    assert annotate_corpus([source], tmp_path / "excluded.jsonl", exclude=("topics",), **FAST).skipped == 3
    with pytest.raises(ConfigError, match="exclude: \\['topics'\\] -> None"):
        annotate_corpus([source], tmp_path / "excluded.jsonl", **FAST)
    # the command line says which option to give again, or --no-resume
    command = ["annotate", str(source), "-o", str(tmp_path / "cli"), *CLI_FAST, "-q"]
    assert cli.main(command) == 0
    with pytest.raises(SystemExit) as refused:
        cli.main([*command, "--meta", "level=county"])
    assert refused.value.code == 2 and "(--meta: None -> {'level': 'county'}); rerun with --no-resume" in capsys.readouterr().err
    # a column left at its default is named by its default, not as None
    with pytest.raises(SystemExit):
        cli.main([*command, "--text-column", "body"])
    assert "(--text-column: 'text' -> 'body')" in capsys.readouterr().err


def test_a_python_run_and_the_command_line_note_the_same_defaults(tmp_path, capsys):
    """A Python run that leaves the segmenter and the lexicon out noted None where the command
    line notes its defaults ("fast", True), so the CLI refused to resume it with the same
    settings; both note load()'s defaults now, and an output noted with None still resumes."""
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(3, sentences=5))
    out = tmp_path / "out.jsonl"
    assert annotate_corpus([source], out, stages=("paragraphs",), clean=False, quiet=True).done == 3
    noted = json.loads((tmp_path / ".out.jsonl.settings.json").read_text(encoding="utf-8"))
    assert (noted["segmenter"], noted["lexicon"], noted["stages"]) == ("fast", True, ["paragraphs"])
    command = ["annotate", str(source), "-o", str(out), "--stages", "paragraphs", "--no-clean", "-q"]
    assert cli.main(command) == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 3
    # an output noted before: None for each default, as a Python run left them
    sidecar = tmp_path / ".out.jsonl.settings.json"
    sidecar.write_text(json.dumps({**noted, "segmenter": None, "lexicon": None, "stages": None,
                                   "topic_model": None}), encoding="utf-8")
    assert annotate_corpus([source], out, clean=False, quiet=True).skipped == 3  # every setting at its default
    sidecar.write_text(json.dumps({**noted, "segmenter": None}), encoding="utf-8")
    assert cli.main(command) == 0
    with pytest.raises(SystemExit) as refused:  # another segmenter is still refused, named by the default
        cli.main([*command, "--segmenter", "pkuseg"])
    assert refused.value.code == 2 and "(--segmenter: 'fast' -> 'pkuseg')" in capsys.readouterr().err


def test_a_run_reads_its_metadata_sheet_once(tmp_path, monkeypatch):
    """The sheet was read twice a run: for the documents' fields and for the resume check's digest."""
    from policy_nlp.io import corpus
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(2, sentences=3))
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text("id\tlevel\ndoc000\tcounty\n", encoding="utf-8")
    calls = []
    read = corpus.read_meta_sheet
    monkeypatch.setattr(corpus, "read_meta_sheet", lambda path: calls.append(path) or read(path))
    out = tmp_path / "out.jsonl"
    assert annotate_corpus([source], out, read_options={"meta_file": sheet}, **FAST).done == 2
    assert calls == [sheet]
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["meta"]["level"] == "county"


def test_a_run_keeps_the_callers_signal_handlers(corpus, tmp_path):
    """review11: after a run, after a failed one, from another thread, with a handler of the
    caller's own (Jupyter's), the handlers are those the caller had."""
    def handlers():
        return {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    before = handlers()
    with pytest.raises(ValueError):
        annotate_corpus([corpus], tmp_path / "bad.jsonl", **{**FAST, "stages": ["no_such_stage"]})
    assert handlers() == before
    done = []
    thread = threading.Thread(target=lambda: done.append(annotate_corpus([corpus], tmp_path / "t.jsonl", **FAST)))
    thread.start()
    thread.join()
    assert done[0].done == 40 and handlers() == before

    def own(signum, frame):
        pass

    previous = signal.signal(signal.SIGINT, own)
    try:
        annotate_corpus([corpus], tmp_path / "own.jsonl", **FAST)
        assert signal.getsignal(signal.SIGINT) is own
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_stop_while_a_batch_is_written_and_the_write_fails_is_raised(tmp_path):
    """leftovers23: a Ctrl-C held while a batch's lines were written, whose write then raised
    (a full disk), was dropped and the next ones ignored: a caller handling the OSError went on.
    Now it is raised with the write's error as its context."""
    from policy_nlp.run.batch import _Stopper
    with _Stopper().installed() as stopper, pytest.raises(Interrupted) as stop:
        with stopper.held():
            signal.raise_signal(signal.SIGINT)
            raise OSError(28, "No space left on device")
    assert stop.value.signum == signal.SIGINT and stop.value.__context__.errno == 28
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_interrupt_survives_pickling_with_its_signal():
    """review11: a process pool or Dask sends a task's exception back pickled; rebuilt from
    its message alone, Interrupted raised ValueError ('… is not a valid Signals')."""
    import pickle
    stop = pickle.loads(pickle.dumps(Interrupted(signal.SIGTERM, "interrupted (SIGTERM) after 3 of 5 documents")))
    assert isinstance(stop, KeyboardInterrupt) and stop.signum == signal.SIGTERM
    assert str(stop) == "interrupted (SIGTERM) after 3 of 5 documents"


def test_torn_last_line_is_cut_and_the_document_redone(tmp_path):
    docs = make_docs(4, sentences=10)
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    annotate_corpus([source], out, **FAST)
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:3]) + lines[3][:57])  # killed while writing line 4
    summary = annotate_corpus([source], out, **FAST)
    assert (summary.done, summary.skipped) == (1, 3)
    assert out.read_bytes() == whole


@pytest.mark.slow
def test_sigkill_halfway_then_rerun_loses_and_duplicates_nothing(tmp_path):
    docs = make_docs(40, sentences=1500, seed=1)  # ~25,000 chars each: seconds to annotate
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "policy_nlp.cli", "annotate", str(source), "-o", str(out),
               "--workers", "2", "--batch-chars", "8000", "-q", *CLI_FAST]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True)  # its own group: the pool workers die too
    deadline = time.time() + 120
    while time.time() < deadline and run.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    assert run.poll() is None, "the run finished before it could be killed: " + run.stderr.read().decode()
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL
    before = out.read_bytes().count(b"\n")
    assert 8 <= before < 40, before
    print(f"killed with {before} of 40 documents written")

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    done = ids(out)
    assert sorted(done) == sorted(d["id"] for d in docs)  # none missing, none twice
    assert len(done) == len(set(done)) == 40
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)  # every line whole


@pytest.mark.slow
def test_ctrl_c_halfway_stops_the_run_and_the_rerun_finishes_it(tmp_path):
    # Ctrl-C reaches the process group: workers that took it hung the pool's terminate() for good
    docs = make_docs(40, sentences=1500, seed=2)
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "policy_nlp.cli", "annotate", str(source), "-o", str(out),
               "--workers", "2", "--batch-chars", "8000", *CLI_FAST]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and run.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    assert run.poll() is None, "the run finished before it could be interrupted: " + run.stderr.read()
    os.killpg(run.pid, signal.SIGINT)
    try:
        _, err = run.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("the run hung after Ctrl-C")
    assert run.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert not (tmp_path / "out.jsonl.lock").exists()
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(ids(out)) == sorted(d["id"] for d in docs)


def _children(pid):
    """The processes whose parent is ``pid`` (from Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _running(pid):
    """Whether process ``pid`` exists and is no zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory):
    """40 documents of ~25,000 characters (seconds to annotate) and their uninterrupted output."""
    folder = tmp_path_factory.mktemp("long")
    source = write_jsonl(folder / "in.jsonl", make_docs(40, sentences=1500, seed=3))
    annotate_corpus([source], folder / "whole.jsonl", **FAST)
    return source, (folder / "whole.jsonl").read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers in /proc")
@pytest.mark.parametrize("options, to_group", [
    (["--workers", "2"], False),  # kill PID, timeout, a scheduler: the parent alone
    (["--workers", "2"], True),  # a scheduler that signals every process of the job (Slurm)
    (["--workers", "1"], False),
    (["--workers", "2", "--backend", "dask"], False)], ids=["pool", "pool-group", "one-process", "dask"])
def test_sigterm_halfway_ends_the_workers_and_the_rerun_gives_the_whole_output(tmp_path, long_corpus, options,
                                                                              to_group):
    # The parent alone used to die at once: its pool workers, orphaned, finished their batch
    # and died printing BrokenPipe tracebacks; the lock and temporary errors file stayed.
    if "dask" in options:
        pytest.importorskip("distributed")
    source, whole = long_corpus
    out = tmp_path / "out" / "annotations.jsonl"
    command = [sys.executable, "-m", "policy_nlp.cli", "annotate", str(source), "-o", str(out.parent),
               "--batch-chars", "8000", *options, *CLI_FAST]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    workers, deadline = set(), time.time() + 120
    while time.time() < deadline and run.poll() is None:
        workers.update(_children(run.pid))
        if out.exists() and out.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    assert run.poll() is None, "the run finished before SIGTERM: " + run.stderr.read()
    assert len(workers) >= (2 if "2" in options else 0), workers
    (os.killpg if to_group else os.kill)(run.pid, signal.SIGTERM)
    try:
        _, err = run.communicate(timeout=120)  # also waits for an orphan that holds stderr
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("the run hung after SIGTERM")
    deadline = time.time() + 5  # orphans lived on for their batch (seconds)
    while time.time() < deadline and any(_running(pid) for pid in workers):
        time.sleep(0.1)
    orphans = [pid for pid in workers if _running(pid)]
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    assert not orphans, f"workers left running: {orphans}; stderr: {err}"
    assert run.returncode == 143 and "Traceback" not in err, err
    last = err.strip().splitlines()[-1]
    written = out.read_bytes().count(b"\n")
    assert last.startswith(f"policy-nlp: interrupted (SIGTERM) after {written} of 40 documents"), last
    assert "rerun the same command to resume" in last and 8 <= written < 40, last
    assert sorted(p.name for p in out.parent.iterdir()) == [".annotations.jsonl.settings.json",
                                                            "annotations.jsonl"]  # no lock, no .tmp
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert out.read_bytes() == whole


# --- a pool worker killed outright (kill -9, the out-of-memory killer) -------------

_KILLS = {}  # set by the test before the run; the forked workers inherit it


def _kill_on_marker(doc):
    """A stage for the tests: in a pool worker (not the run's own process), a document
    with KILL_ALWAYS kills its worker every time, one with KILL_ONCE the first time."""
    if os.getpid() != _KILLS.get("parent"):
        if "KILL_ALWAYS" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "KILL_ONCE" in doc.text and not _KILLS["once"].exists():
            _KILLS["once"].touch()
            os._exit(3)
    return doc


def test_a_killed_worker_costs_one_document_not_the_run(tmp_path, monkeypatch, caplog):
    # multiprocessing.Pool replaced the dead worker and imap waited for its batch for good
    from spacy.language import Language
    if "kill_on_marker" not in Language.factories:
        Language.component("kill_on_marker", func=_kill_on_marker)
    docs = make_docs(12, sentences=40)  # ~500 characters each: batches of 3 or 4 (doc004 to doc007)
    docs[5]["text"] += "KILL_ALWAYS"  # the second of its batch
    docs[6]["text"] += "KILL_ONCE"  # the third: not reached by the first worker killed
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    monkeypatch.setitem(_KILLS, "parent", os.getpid())
    monkeypatch.setitem(_KILLS, "once", tmp_path / "killed-once")
    options = {**FAST, "stages": ["paragraphs", "kill_on_marker"], "batch_chars": 1500}
    annotate_corpus([source], tmp_path / "one.jsonl", **options)  # one process: nothing killed

    def hung(signum, frame):
        raise TimeoutError("the run hung after its worker was killed")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        with caplog.at_level(logging.WARNING, logger="policy_nlp"):
            summary = annotate_corpus([source], tmp_path / "out", workers=2, **options)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert (summary.done, summary.failed) == (11, 1)
    lines = (tmp_path / "one.jsonl").read_bytes().splitlines(keepends=True)
    assert (tmp_path / "out" / "annotations.jsonl").read_bytes() == b"".join(lines[:5] + lines[6:])
    [error] = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error["id"] == "doc005" and error["source"].endswith("in.jsonl:6")
    assert error["reason"].startswith("worker process died (killed by signal 9, SIGKILL: out of memory?)")
    messages = [r.getMessage() for r in caplog.records]
    deaths = sorted(m for m in messages if "worker process died" in m and not m.startswith("failed: "))
    assert len(deaths) == 2  # the second death on doc005 is its failure, reported as any document's (quiet too):
    assert [m for m in messages if m.startswith("failed: ")] == [f"failed: {error['source']}: {error['reason']}"]
    assert "(exited with status 3) while annotating" in deaths[0] and "in.jsonl:7: trying again" in deaths[0]
    assert "(killed by signal 9, SIGKILL" in deaths[1] and "in.jsonl:6: trying again" in deaths[1]
    rerun = annotate_corpus([source], tmp_path / "out", workers=2, **options)  # resumes: the failed one only
    assert (rerun.skipped, rerun.done, rerun.failed) == (11, 0, 1)
    assert (tmp_path / "out" / "annotations.jsonl").read_bytes() == b"".join(lines[:5] + lines[6:])


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run(corpus, tmp_path):
    # SIGTERM to the parent leaves its .errors.jsonl.PID.tmp (and, without resume, its output's)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = [out / f".errors.jsonl.{dead}.tmp", out / f".annotations.jsonl.{dead}.tmp"]
    kept = [out / f".notes.txt.{dead}.tmp",  # not this output's
            out / f".errors.jsonl.{os.getppid()}.tmp"]  # a live run's (another format, same folder)
    for path in stale + kept:
        path.write_text("{}\n", encoding="utf-8")
    annotate_corpus([corpus], out, **FAST)
    assert not any(path.exists() for path in stale) and all(path.exists() for path in kept)
    assert len(ids(out / "annotations.jsonl")) == 40


# --- bad inputs --------------------------------------------------------------

@pytest.mark.parametrize("options", [[], ["--workers", "2"], ["--workers", "2", "--backend", "dask"]],
                         ids=["one-process", "pool", "dask"])
def test_broken_files_are_reported_and_the_rest_annotated(tmp_path, capsys, monkeypatch, options):
    # the files are read by the run's own process whatever the backend: the same report from each
    if "dask" in options:
        pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("同志们：\n今天开会。", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "secret.txt").write_text("同志们：\n今天开会。", encoding="utf-8")
    open_fd = os.open

    def refuse_secret(path, *args, **kwargs):  # chmod 000 does not stop root, who may run the tests
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return open_fd(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_secret)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "bad_gbk.txt").write_bytes("政府工作报告".encode("gbk")[:-1] + b"\xff\xff\x80")
    (folder / "rows.jsonl").write_text('{"id": "r1", "text": "一、提高思想认识"}\n{"id": "r2", "text": \n'
                                       '{"id": "r3", "text": "二是要狠抓落实。"}\n', encoding="utf-8")
    (folder / "table.csv").write_text("title,body\n报告,各位代表：\n", encoding="utf-8")
    out = tmp_path / "out"
    status = cli.main(["annotate", str(folder), "-o", str(out), "-q", *options, *CLI_FAST])
    assert status == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    reasons = {Path(e["source"]).name: e["reason"] for e in errors}
    assert set(reasons) == {"empty.txt", "secret.txt", "binary.txt", "bad_gbk.txt", "rows.jsonl:2",
                            "table.csv"}
    assert reasons["empty.txt"] == "empty document (no text)"
    assert reasons["secret.txt"] == "cannot be read: Permission denied"
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["bad_gbk.txt"] and "GB18030" in reasons["bad_gbk.txt"]
    assert "invalid JSON" in reasons["rows.jsonl:2"]
    assert "no column 'text'" in reasons["table.csv"] and "--text-column" in reasons["table.csv"]
    assert sorted(ids(out / "annotations.jsonl")) == ["good", "r1", "r3"]
    assert "failed 6" in capsys.readouterr().err


# --- progress ----------------------------------------------------------------

@pytest.mark.parametrize("quiet", [False, True])
def test_progress_lines_when_not_a_terminal_and_silence_when_quiet(corpus, tmp_path, monkeypatch, quiet,
                                                                   caplog):
    stream = io.StringIO()  # not a TTY: no bar, progress is logged
    monkeypatch.setattr(batch, "Progress", functools.partial(batch.Progress, stream=stream, every=0.0))
    with caplog.at_level(logging.INFO, logger="policy_nlp"):
        annotate_corpus([corpus], tmp_path / "out.jsonl", batch_chars=5000,
                        **{**FAST, "quiet": quiet})
    lines = [r.getMessage() for r in caplog.records if "docs/s" in r.getMessage()]
    assert stream.getvalue() == ""  # logged, not printed
    if quiet:
        assert lines == []
    else:
        assert lines and all(r.levelno == logging.INFO for r in caplog.records if "docs/s" in r.getMessage())
        assert "docs/s" in lines[-1] and "chars/s" in lines[-1] and "\r" not in lines[-1]
        assert lines[-1].startswith("so far ") and " of " in lines[-1]  # not mistaken for the summary


def test_the_cli_shows_the_logged_progress_and_failures(tmp_path, capsys):
    docs = make_docs(3, sentences=5)
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = cli.main(["annotate", str(source), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"),
                       *CLI_FAST])
    err = capsys.readouterr().err
    assert status == 1
    assert "policy-nlp: failed: " in err and "empty.txt: empty document" in err


def test_cli_quiet_prints_only_the_summary(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(3, sentences=5))
    assert cli.main(["annotate", str(source), "-o", str(tmp_path / "out"), "-q", *CLI_FAST]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("done 3, skipped 0") and captured.err.count("\n") == 1


def test_cli_quiet_still_reports_a_failed_document_and_repeated_ids(tmp_path, capsys):
    """polish22: -q hid the "failed:" lines and the repeated-ids warning, though its
    help says warnings are still shown; only the progress is quiet."""
    docs = make_docs(3, sentences=5)
    docs[2]["id"] = docs[0]["id"]
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = cli.main(["annotate", str(source), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"),
                       "-q", *CLI_FAST])
    captured = capsys.readouterr()
    assert status == 1 and captured.out == ""
    assert "policy-nlp: failed: " in captured.err and "empty.txt: empty document" in captured.err
    assert "ids occur more than once" in captured.err


# --- Dask --------------------------------------------------------------------

def test_dask_local_cluster_gives_the_process_pool_output(corpus, tmp_path):
    pytest.importorskip("distributed")
    pool = annotate_corpus([corpus], tmp_path / "pool.jsonl", workers=2, batch_chars=1500, **FAST)
    dask = annotate_corpus([corpus], tmp_path / "dask.jsonl", workers=2, batch_chars=1500,
                           backend="dask", **FAST)
    assert (dask.done, dask.failed) == (pool.done, pool.failed) == (40, 0)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "pool.jsonl").read_bytes()
    # resume semantics are the same: a rerun on Dask skips everything
    again = annotate_corpus([corpus], tmp_path / "dask.jsonl", workers=2, backend="dask", **FAST)
    assert (again.done, again.skipped) == (0, 40)


def test_an_interrupted_dask_run_leaves_dasks_logging_as_it_was():
    """review11: an interrupted run silences Dask while its local cluster closes (a late
    heartbeat's traceback); the silence outlived the run, hiding a notebook's later Dask errors."""
    pytest.importorskip("distributed")
    from policy_nlp.run import dask_backend
    logger = logging.getLogger("distributed")
    before = {item: item.level for item in (logger, *logger.handlers)}
    asyncio_level = logging.getLogger("asyncio").level  # silenced with it while the cluster closes
    settings = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "format": "jsonl"}
    with pytest.raises(KeyboardInterrupt):
        with dask_backend._cluster(settings, 1, None):
            raise KeyboardInterrupt
    assert {item: item.level for item in (logger, *logger.handlers)} == before
    assert logger.getEffectiveLevel() < logging.CRITICAL
    assert logging.getLogger("asyncio").level == asyncio_level


def _worker_state(key):
    """On a Dask worker: (its pid, pipeline of ``key`` held, pipelines it loaded itself)."""
    from policy_nlp.run import dask_backend
    return os.getpid(), key in dask_backend._PIPELINES, dask_backend.LOADS


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_a_local_clusters_workers_each_load_the_pipeline_once_and_never_fork_from_here(method, monkeypatch):
    """Started from the fork server (where the system has one) or spawned, never forked
    from this process (a fork from it hung): each worker loads the pipeline once, on
    warm-up, frozen there. Same results as the pool's."""
    pytest.importorskip("distributed")
    import gc
    import multiprocessing
    from policy_nlp.io.corpus import Record
    from policy_nlp.run import dask_backend
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this system")
    if method == "forkserver":
        assert dask_backend.local_start_method() == "forkserver"
    monkeypatch.setattr(dask_backend, "local_start_method", lambda: method)
    settings = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "format": "jsonl"}
    records = [Record(d["id"], d["text"], {}) for d in make_docs(6, sentences=5)]
    frozen = gc.get_freeze_count()
    with dask_backend.checked_cluster(settings, workers=2) as client:
        got = list(dask_backend.run_on_dask([records[:3], records[3:]], settings, client=client))
        state = client.run(_worker_state, dask_backend._key(settings))
        parents = client.run(os.getppid)
        frozen_there = client.run(gc.get_freeze_count)
    assert gc.get_freeze_count() == frozen  # nothing frozen here
    assert len(state) == 2 and os.getpid() not in {pid for pid, _, _ in state.values()}
    assert {(held, loads) for _, held, loads in state.values()} == {(True, 1)}
    assert all(count > 0 for count in frozen_there.values())  # frozen on warm-up
    # a fork server's child, not this process's: its parent is the fork server
    assert (os.getpid() in parents.values()) == (method == "spawn")
    worker.load_pipeline(settings)
    assert got == [worker.annotate_batch(records[:3]), worker.annotate_batch(records[3:])]


def test_a_local_cluster_leaves_port_8787_to_whoever_has_it():
    """Another cluster (another run) on Dask's default HTTP port: no warning, another port."""
    pytest.importorskip("distributed")
    import socket
    import warnings
    from policy_nlp.run import dask_backend
    settings = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "format": "jsonl"}
    with socket.socket() as taken:
        with contextlib.suppress(OSError):  # already taken by something else: as good
            taken.bind(("127.0.0.1", 8787))
            taken.listen()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with dask_backend.checked_cluster(settings, workers=1) as client:
                port = client.scheduler_info()["services"]["dashboard"]
    assert port != 8787
    assert not [w for w in caught if "already in use" in str(w.message)]


def test_dask_on_a_scheduler_address_uses_that_clusters_workers(corpus, tmp_path):
    """--scheduler: nothing is forked from here; the cluster's workers load the pipeline."""
    distributed = pytest.importorskip("distributed")
    pool = annotate_corpus([corpus], tmp_path / "pool.jsonl", workers=2, batch_chars=1500, **FAST)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50) as cluster:
        remote = annotate_corpus([corpus], tmp_path / "remote.jsonl", workers=2, batch_chars=1500,
                                 backend="dask", scheduler=cluster.scheduler_address, **FAST)
        with distributed.Client(cluster) as client:
            state = client.run(_worker_state, '"spawned workers load their own"')
    assert (remote.done, remote.failed) == (pool.done, pool.failed) == (40, 0)
    assert (tmp_path / "remote.jsonl").read_bytes() == (tmp_path / "pool.jsonl").read_bytes()
    assert [loads for _, _, loads in state.values()] == [1]


@pytest.mark.slow
def test_dask_worker_crash_reports_its_batch_and_keeps_the_rest(tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask
    from policy_nlp.io.corpus import read_inputs
    from policy_nlp.run.dask_backend import run_on_dask

    class CrashStage(distributed.WorkerPlugin):
        """On every worker (restarted ones too): a stage that kills the process on CRASH."""
        def setup(self, worker):
            from spacy.language import Language

            def crash_on_marker(doc):
                if "CRASH" in doc.text:
                    os._exit(13)
                return doc
            if "crash_on_marker" not in Language.factories:
                Language.component("crash_on_marker", func=crash_on_marker)

    docs = make_docs(6, sentences=5)
    docs[2]["text"] += "CRASH"
    records = list(read_inputs([write_jsonl(tmp_path / "in.jsonl", docs)]))
    batches = [records[:2], records[2:4], records[4:]]
    settings = {"stages": ["paragraphs", "crash_on_marker"], "lexicon": False, "clean": False,
                "format": "jsonl"}
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                      dashboard_address=None, silence_logs=50) as cluster, \
                distributed.Client(cluster) as client:
            client.register_plugin(CrashStage())
            results = list(run_on_dask(batches, settings, client=client))
    flat = [(id, reason) for batch_results in results for id, _, _, _, reason in batch_results]
    assert [id for id, _ in flat] == [d["id"] for d in docs]  # every document, in order
    failed = {id: reason for id, reason in flat if reason}
    assert set(failed) == {"doc002", "doc003"}  # the crashed batch, reported per document
    assert "worker process died" in failed["doc002"]


# --- Hugging Face datasets ---------------------------------------------------

def test_annotate_dataset_with_two_processes_matches_the_jsonl_output(tmp_path):
    from datasets import Dataset
    import policy_nlp
    docs = make_docs(6, sentences=8)
    docs[4]["text"] = "   "
    ds = Dataset.from_list(docs)
    settings = {"stages": ["paragraphs"], "lexicon": False, "clean": False}
    out = policy_nlp.annotate_dataset(ds, num_proc=2, batch_size=2, **settings)
    assert len(out) == 6 and out["id"] == [d["id"] for d in docs]  # the 'id' column is used
    assert out[4]["error"] and out[4]["tokens"] == []
    write_jsonl(tmp_path / "in.jsonl", [d for i, d in enumerate(docs) if i != 4])
    annotate_corpus([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", **FAST)
    expected = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [row for row in out if not row["error"]]
    for row, data in zip(rows, expected, strict=True):
        assert row["annotated_text"] == data["text"] and row["tokens"] == data["tokens"]
        assert row["sentences"] == data["sentences"]
        assert row["paragraphs"] == data["paragraphs"]
        assert row["meta"]["sha1"] == data["meta"]["sha1"]
        assert row["year"] == data["meta"]["year"]  # input columns are kept


@pytest.mark.parametrize("kwargs, message", [
    ({"text_column": "body"}, "no text column 'body'"),
    ({"id_column": "key"}, "no id column 'key'"),
    ({"num_proc": 0}, "num_proc must be"),
    ({"batch_size": "8"}, "batch_size must be"),
])
def test_annotate_dataset_checks_its_arguments(kwargs, message):
    from datasets import Dataset
    import policy_nlp
    with pytest.raises(ValueError, match=message):
        policy_nlp.annotate_dataset(Dataset.from_dict({"text": ["同志们："]}), **kwargs)


def test_annotate_dataset_rejects_other_types_and_clashing_columns():
    from datasets import Dataset, DatasetDict
    import policy_nlp
    ds = Dataset.from_dict({"text": ["同志们："], "tokens": [1]})
    with pytest.raises(TypeError, match="not a DatasetDict"):
        policy_nlp.annotate_dataset(DatasetDict({"train": ds}))
    with pytest.raises(TypeError, match="datasets.Dataset"):
        policy_nlp.annotate_dataset([{"text": "同志们："}])
    with pytest.raises(ValueError, match=r"already has column\(s\) \['tokens'\]"):
        policy_nlp.annotate_dataset(ds)


def test_cli_reads_a_dataset_saved_with_save_to_disk(tmp_path):
    from datasets import Dataset, DatasetDict
    docs = make_docs(3, sentences=5)
    rows = [{"title": d["id"], "content": d["text"], "year": d["year"]} for d in docs]
    Dataset.from_list(rows).save_to_disk(tmp_path / "reports")
    DatasetDict({"train": Dataset.from_list(rows[:2] + [{"title": None, "content": "各位代表：", "year": 1}]),
                 "test": Dataset.from_list([{"title": "x", "content": "", "year": 2}])}
                ).save_to_disk(tmp_path / "split")
    out = tmp_path / "out"
    status = cli.main(["annotate", str(tmp_path / "reports"), str(tmp_path / "split"), "-o", str(out),
                       "--text-column", "content", "--id-column", "title", "-q", *CLI_FAST])
    assert status == 1  # the empty row of 'test'
    lines = [json.loads(line) for line in (out / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    # the same titles in a second input: unique ids, the given one kept
    assert [d["id"] for d in lines] == ["doc000", "doc001", "doc002", "doc000#2", "doc001#2", "split/train:2"]
    assert lines[3]["meta"]["given_id"] == "doc000"
    assert lines[0]["text"] == docs[0]["text"] and lines[0]["meta"]["year"] == 2000
    assert lines[0]["meta"]["source"].endswith("reports:0")
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(e["source"]).as_posix().split("/")[-2:], "empty" in e["reason"]) for e in errors] == \
        [(["split", "test:0"], True)]


def test_repeated_ids_are_warned_about(tmp_path, caplog):
    docs = make_docs(3, sentences=5)
    docs[2]["id"] = docs[0]["id"]
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    with caplog.at_level(logging.WARNING, logger="policy_nlp"):
        summary = annotate_corpus([source], tmp_path / "out.jsonl", **{**FAST, "quiet": False})
    assert summary.done == 3 and summary.repeated_ids == ["doc000"]
    assert any(r.levelno == logging.WARNING and "occur more than once" in r.getMessage()
               for r in caplog.records)
    ids = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == ["doc000", "doc000#2", "doc001"]


def test_a_load_that_failed_is_not_taken_for_the_pipeline_of_its_settings(monkeypatch, tmp_path):
    """load_pipeline noted the settings before loading: after a load that raised (a missing topic
    model, a Ctrl-C), a second call with those settings returned the pipeline loaded before."""
    from policy_nlp.errors import ModelError
    monkeypatch.setattr(worker, "_NLP", None)
    monkeypatch.setattr(worker, "_SETTINGS", None)
    first = worker.load_pipeline({"stages": ["paragraphs"], "lexicon": False, "clean": False, "format": "jsonl"})
    missing = {"topic_model": str(tmp_path / "no-model"), "clean": False, "format": "jsonl"}
    for _ in range(2):
        with pytest.raises(ModelError, match="topic model folder not found"):
            worker.load_pipeline(missing)
    assert worker._NLP is first and worker._SETTINGS["stages"] == ["paragraphs"]


def test_a_batch_runs_on_the_pipeline_loaded_here_or_given(monkeypatch):
    """The pool's workers use what load_pipeline loaded before the fork; with none, a clear error."""
    monkeypatch.setattr(worker, "_NLP", None)
    with pytest.raises(RuntimeError, match="load_pipeline"):
        worker.annotate_batch([])
