"""Hostile conditions for corpus runs (issue 14): repeated ids changed between
runs, rows that are not Unicode, damaged output lines, two runs into one
output, errors.jsonl across reruns, a FIFO among the inputs. Each gives a
clear per-document error or a correct result, never a lost document."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from policy_nlp.errors import ConfigError
from policy_nlp.run.batch import annotate_corpus, completed, output_lock

FAST = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "quiet": True}
ROOT = Path(__file__).resolve().parents[2]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def lines(path):
    return [json.loads(line) for line in Path(path).read_bytes().splitlines()]


def errors(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


ROWS = [{"id": "A", "text": "同志们：今天开会。"}, {"id": "A", "text": "坚持农业农村优先发展。"},
        {"id": "B", "text": "二是要狠抓落实。"}]


@pytest.mark.parametrize("changed", [0, 1])
def test_two_rows_with_one_id_one_changed_rerun_loses_nothing(tmp_path, changed):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, ROWS)
    assert annotate_corpus([source], out, **FAST).done == 3
    rows = [dict(r) for r in ROWS]
    rows[changed]["text"] += "新增一句。"
    write_jsonl(source, rows)
    summary = annotate_corpus([source], out, **FAST)
    assert (summary.done, summary.skipped, summary.failed) == (1, 2, 0)
    assert summary.repeated_ids == ["A"]  # reported even when the repeated row was skipped
    by_id = {d["id"]: d for d in lines(out)}
    assert sorted(by_id) == ["A", "A#2", "B"] and len(lines(out)) == 3
    assert [by_id[i]["text"] for i in ("A", "A#2", "B")] == [r["text"] for r in rows]
    assert by_id["A#2"]["meta"]["given_id"] == "A"
    assert annotate_corpus([source], out, **FAST).skipped == 3


def test_lone_surrogates_fail_their_rows_and_every_rerun_goes_past_them(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out"
    source.write_text('{"id": "a", "text": "同志们：今天开会。"}\n'
                      '{"id": "b\\ud800", "text": "坚持发展。"}\n'
                      '{"id": "c", "text": "坚持\\ud800发展。"}\n'
                      '{"id": "d", "text": "二是要狠抓落实。"}\n', encoding="utf-8")
    for run in range(2):
        summary = annotate_corpus([source], out, **FAST)
        assert (summary.done, summary.skipped, summary.failed) == ((2, 0, 2) if run == 0 else (0, 2, 2))
        assert [d["id"] for d in lines(out / "annotations.jsonl")] == ["a", "d"]
        failures = errors(out / "errors.jsonl")
        assert [f["source"].rsplit(":", 1)[1] for f in failures] == ["2", "3"]
        assert all("lone surrogate" in f["reason"] for f in failures)


def test_errors_jsonl_gives_the_id_of_a_row_that_has_one(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out"
    source.write_text('{"id": "a", "text": "今天开会。"}\n{"id": "b"}\n{"id": 7, "text": " "}\n[1]\n'
                      '{"text": ""}\n', encoding="utf-8")
    annotate_corpus([source], out, **FAST)
    failures = errors(out / "errors.jsonl")
    assert [(f["id"], f["source"].rsplit(":", 1)[1]) for f in failures] == [
        ("b", "2"), ("7", "3"), (None, "4"), (None, "5")]


def test_library_annotate_refuses_a_surrogate_id_as_a_document_error():
    from policy_nlp import annotate
    from policy_nlp.errors import DocumentError
    from policy_nlp.pipeline.loading import load
    with pytest.raises(DocumentError, match="the id contains a lone surrogate"):
        annotate("今天开会。", load(stages=[], lexicon=False), id="x\ud800")


@pytest.mark.parametrize("text, reason", [("", "empty document (no text)"), (" \n\u3000", "empty document (no text)"),
                                          ("分享到:\n打印本页", "no text left to annotate after removing page furniture")])
def test_library_annotate_of_an_empty_text_says_it_is_empty(text, reason):
    from policy_nlp import annotate
    from policy_nlp.errors import DocumentError
    from policy_nlp.pipeline.loading import load
    with pytest.raises(DocumentError) as raised:
        annotate(text, load(stages=[], lexicon=False), id="x")
    assert raised.value.source == "x" and raised.value.reason == reason


def test_the_cli_exits_1_not_2_on_a_surrogate_row(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "今天开会。"}\n{"id": "b", "text": "\\ud800"}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "policy_nlp.cli", "annotate", str(source), "-o",
                           str(tmp_path / "out"), "--stages", "paragraphs", "--no-lexicon", "-q"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(errors(tmp_path / "out" / "errors.jsonl")) == 1


# --- damaged output lines ----------------------------------------------------------

def annotated(tmp_path, n=6):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": f"d{i}", "text": f"第{i}段。今天开会。\n二是要狠抓落实。"} for i in range(n)])
    annotate_corpus([source], out, **FAST)
    return source, out, out.read_bytes().splitlines(keepends=True)


@pytest.mark.parametrize("damage", [
    lambda line: line[:30] + b"\xff\xfe" + line[32:],                     # invalid UTF-8
    lambda line: line[:30] + b"\x00" * (len(line) - 31) + b"\n",          # NUL-corrupted
    lambda line: json.dumps({"id": "d2", "text": "x"}).encode() + b"\n",  # no meta
    lambda line: b"[1, 2]\n",                                             # not an object
])
def test_a_damaged_middle_line_redoes_only_its_document(tmp_path, damage):
    source, out, good = annotated(tmp_path)
    out.write_bytes(b"".join(good[:2]) + damage(good[2]) + b"".join(good[3:]))
    summary = annotate_corpus([source], out, **FAST)
    assert (summary.done, summary.skipped, summary.failed) == (1, 5, 0)
    assert sorted(out.read_bytes().splitlines(keepends=True)) == sorted(good)


def test_repeated_lines_in_an_output_are_removed_on_resume(tmp_path):
    source, out, good = annotated(tmp_path, n=3)
    out.write_bytes(b"".join(good + good))  # what two unlocked runs used to leave
    assert completed(out) == {(d["id"], d["meta"]["sha1"]) for d in lines(out)}
    assert out.read_bytes() == b"".join(good)


def test_a_text_with_line_separators_survives_a_changed_rerun(tmp_path):
    # U+2028 is written raw by json.dumps(ensure_ascii=False): str.splitlines would cut the line there
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": "a", "text": "同志们：\u2028今天开会。"}, {"id": "b", "text": "坚持发展。"}]
    write_jsonl(source, rows)
    annotate_corpus([source], out, **FAST)
    rows[1]["text"] += "新增。"
    write_jsonl(source, rows)
    summary = annotate_corpus([source], out, **FAST)
    assert (summary.done, summary.skipped) == (1, 1)
    assert sorted(d["text"] for d in lines(out)) == sorted(r["text"] for r in rows)


# --- two runs into one output ----------------------------------------------------------

def test_a_second_run_into_the_same_output_is_refused(tmp_path):
    source, out, good = annotated(tmp_path, n=2)
    with output_lock(out):  # a run in progress
        with pytest.raises(ConfigError, match=f"being written by another policy-nlp run \\(process {os.getpid()}\\)"):
            annotate_corpus([source], out, **FAST)
        assert out.read_bytes() == b"".join(good)
    assert not out.with_name(out.name + ".lock").exists()  # removed when the run ends
    assert annotate_corpus([source], out, **FAST).skipped == 2


def test_the_cli_refuses_an_output_another_process_writes_with_one_line(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "今天开会。"} for i in range(3)])
    out = tmp_path / "out"
    command = [sys.executable, "-m", "policy_nlp.cli", "annotate", str(source), "-o", str(out),
               "--stages", "paragraphs", "--no-lexicon", "--no-clean", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out.mkdir()
    with output_lock(out / "annotations.jsonl"):  # this test process is the run in progress
        second = subprocess.run(command, capture_output=True, text=True, env=env)
    assert second.returncode == 2 and second.stderr.count("\n") == 1
    assert second.stderr.startswith("policy-nlp: error: ") and "being written by another" in second.stderr
    assert list(out.iterdir()) == []  # nothing written, nothing wiped
    assert subprocess.run(command, capture_output=True, env=env).returncode == 0
    assert [d["id"] for d in lines(out / "annotations.jsonl")] == ["d0", "d1", "d2"]


# --- errors.jsonl ------------------------------------------------------------------------

def test_errors_file_lists_the_current_failures_and_survives_a_failed_start(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out"
    write_jsonl(source, [{"id": "a", "text": "今天开会。"}, {"id": "b", "text": ""}, {"id": "c", "text": " "}])
    for _ in range(3):
        summary = annotate_corpus([source], out, **FAST)
        assert summary.failed == 2 and len(errors(out / "errors.jsonl")) == 2
    before = (out / "errors.jsonl").read_bytes()
    with pytest.raises(ValueError):  # a broken setting: the run fails at its start
        annotate_corpus([source], out, **{**FAST, "stages": ["no_such_stage"]}, resume=False)
    assert (out / "errors.jsonl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [".annotations.jsonl.settings.json", "annotations.jsonl", "errors.jsonl"]  # no temporaries
    write_jsonl(source, [{"id": "a", "text": "今天开会。"}, {"id": "b", "text": "坚持发展。"}])
    assert annotate_corpus([source], out, **FAST).failed == 0
    assert errors(out / "errors.jsonl") == []  # nothing fails any more


def test_a_fifo_among_the_inputs_is_a_failure_not_a_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("同志们：今天开会。", encoding="utf-8")
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)
    result = {}
    run = threading.Thread(target=lambda: result.update(
        summary=annotate_corpus([folder, fifo], tmp_path / "out", **FAST)), daemon=True)
    run.start()
    run.join(timeout=60)
    assert not run.is_alive(), "the run blocked on a FIFO"
    summary = result["summary"]
    assert (summary.done, summary.failed) == (1, 1)
    assert "not a regular file (a FIFO)" in summary.failures[0]["reason"]


# --- scaling ------------------------------------------------------------------------

def test_several_workers_get_shrinking_batches_and_the_same_output(tmp_path):
    from policy_nlp.io.corpus import Record
    from policy_nlp.run.batch import worker_batches

    def sizes(records, batch_chars, workers):
        return [sum(len(r.text) for r in batch) for batch in worker_batches(records, batch_chars, workers)]

    records = [Record(str(i), "字" * 5_000, {}) for i in range(224)]  # 1,120,000 characters
    assert sizes(records, 200_000, 1) == [200_000] * 5 + [120_000]
    two = sizes(records, 200_000, 2)
    assert two[0] == 140_000 and two == sorted(two, reverse=True) and two[-4:] == [10_000] * 4
    assert max(sizes(records, 20_000, 2)) == 20_000          # --batch-chars stays an upper bound
    assert sizes(records[:6], 200_000, 2) == [10_000] * 3    # not below 10,000 characters
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "同志们：今天开会。\n" * (300 + 40 * i)}
                                                 for i in range(12)])
    one = annotate_corpus([source], tmp_path / "one.jsonl", workers=1, **FAST)
    two = annotate_corpus([source], tmp_path / "two.jsonl", workers=2, **FAST)
    assert one.done == two.done == 12
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_a_dask_worker_loads_the_pipeline_once_for_many_batches_and_runs(tmp_path):
    distributed = pytest.importorskip("distributed")
    from policy_nlp.io.corpus import read_inputs
    from policy_nlp.run import dask_backend
    from policy_nlp.run.batch import batches
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": "同志们：今天开会。" * 20}
                                                 for i in range(24)])
    records = list(read_inputs([source]))
    settings = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "format": "jsonl"}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50) as cluster, \
            distributed.Client(cluster) as client:
        for _ in range(2):  # two runs of 12 batches each on the same workers
            results = list(dask_backend.run_on_dask(list(batches(records, 400)), settings, client=client))
            assert sum(len(r) for r in results) == 24 and not any(r[4] for b in results for r in b)
        loads = client.run(lambda: __import__("policy_nlp.run.dask_backend", fromlist=["LOADS"]).LOADS)
    assert sorted(loads.values()) == [1, 1]  # each worker: one load, kept for 24 batches


def test_resume_with_other_settings_is_refused_not_silently_mixed(tmp_path):
    from policy_nlp.errors import ConfigError
    from policy_nlp.run.batch import annotate_corpus
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("同志们：今天开会。\n一是抓好安全生产。二是抓好防汛。", encoding="utf-8")
    out = tmp_path / "out"
    first = annotate_corpus([source], out, stages=["paragraphs"], lexicon=False, quiet=True)
    assert first.done == 1
    again = annotate_corpus([source], out, stages=["paragraphs"], lexicon=False, quiet=True)
    assert again.skipped == 1                                  # same settings: resumed
    with pytest.raises(ConfigError, match="stages"):
        annotate_corpus([source], out, stages=["paragraphs", "enumerations"], lexicon=False, quiet=True)
    redone = annotate_corpus([source], out, stages=["paragraphs", "enumerations"], lexicon=False,
                             quiet=True, resume=False)
    assert redone.done == 1
    assert annotate_corpus([source], out, stages=["paragraphs", "enumerations"], lexicon=False,
                           quiet=True).skipped == 1
