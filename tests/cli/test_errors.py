"""The CLI's error boundary: a user's mistake is one line on stderr and exit 2,
never a traceback, and a failed start leaves no output file behind."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from policy_nlp.cli import main

from conftest import ROOT, SEED


def _fails(argv, capsys):
    """Run the CLI; return its one stderr line after checking exit status 2."""
    with pytest.raises(SystemExit) as info:
        main([str(a) for a in argv])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("policy-nlp: error: "), err
    assert "Traceback" not in err
    return err


def _files(folder):
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_missing_topic_model_is_one_line_and_no_output(tmp_path, capsys):
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--topic-model", "/nonexistent"], capsys)
    assert "/nonexistent: topic model folder not found" in err and "policy-nlp train" in err
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--topic-model", SEED], capsys)
    assert f"{SEED}: a file, not a topic model folder" in err  # it exists: 'not found' misled
    assert _files(tmp_path / "out") == []
    err = _fails(["annotate", SEED, "-o", tmp_path / "one.jsonl", "--topic-model", tmp_path], capsys)
    assert "needs model.json and model.npz" in err
    assert not (tmp_path / "one.jsonl").exists() and not (tmp_path / "one.errors.jsonl").exists()


def _bad_models(tmp_path):
    """A missing folder, a folder that is no model, and the packaged model as format version 2,
    each with what the one error line says of it."""
    import shutil
    from policy_nlp.stages.topics import DEFAULT_MODEL
    newer = tmp_path / "newer"
    newer.mkdir()
    header = (DEFAULT_MODEL / "model.json").read_text(encoding="utf-8")
    (newer / "model.json").write_text(header.replace('"format_version":1', '"format_version":2', 1), encoding="utf-8")
    shutil.copy(DEFAULT_MODEL / "model.npz", newer / "model.npz")
    (tmp_path / "empty").mkdir()
    return [(tmp_path / "missing", "missing: topic model folder not found"),
            (tmp_path / "empty", "empty: not a topic model folder (needs model.json and model.npz"),
            (newer, f"{newer / 'model.json'}: model format version 2 is not supported")]


def test_a_bad_topic_model_is_refused_before_any_input_is_read(tmp_path, capsys, monkeypatch):
    """leftovers23: a bad --topic-model was found when the pipeline loaded, after every input
    was read (minutes for a large corpus) and the output folder made; now it is one line first."""
    import policy_nlp.apps.evaluation
    import policy_nlp.run.batch

    def read(*args, **kwargs):
        raise AssertionError("an input was read before the topic model was checked")
    monkeypatch.setattr(policy_nlp.run.batch, "read_inputs", read)
    monkeypatch.setattr(policy_nlp.apps.evaluation, "load_gold", read)
    gold = ROOT / "tests" / "fixtures" / "gold" / "national_gwr_2019.json"
    for model, reason in _bad_models(tmp_path):
        for argv in (["annotate", SEED, "-o", tmp_path / "out", "--topic-model", model],
                     ["annotate", SEED, "-o", tmp_path / "out.jsonl", "--workers", "2", "--topic-model", model],
                     ["evaluate", gold, "--topic-model", model]):
            assert reason in _fails(argv, capsys)
        assert not (tmp_path / "out").exists() and not (tmp_path / "out.jsonl").exists()


def test_evaluate_refuses_a_topic_model_with_annotations_it_would_not_score(tmp_path, capsys):
    """--annotated scores the annotations' own topics: a --topic-model beside it was ignored."""
    err = _fails(["evaluate", ROOT / "tests" / "fixtures" / "gold" / "national_gwr_2019.json",
                  "--annotated", tmp_path / "a.jsonl", "--topic-model", tmp_path], capsys)
    assert "with --annotated the annotations' own topics are scored" in err


def test_a_user_dict_that_is_a_folder_says_so(tmp_path, capsys):
    """polish22: a folder given to --user-dict was "not found"; it exists, and is not a file."""
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--user-dict", tmp_path], capsys)
    assert f"{tmp_path}: a folder, not a user dictionary file" in err and "not found" not in err
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--user-dict", tmp_path / "terms.txt"], capsys)
    assert "terms.txt: user dictionary not found" in err
    assert _files(tmp_path / "out") == []


@pytest.mark.parametrize("name", ["results.csv", "results.TXT", "results.parquet", "results.xlsx"])
def test_an_output_annotate_does_not_write_is_one_line_not_a_folder(tmp_path, capsys, name):
    """polish22: -o results.csv made a folder results.csv/ and wrote annotations.jsonl in it."""
    err = _fails(["annotate", SEED, "-o", tmp_path / name, "--stages", "paragraphs"], capsys)
    assert f"{name}: annotate writes a folder, X.jsonl, X.json or X.spacy" in err and "policy-nlp export" in err
    assert not (tmp_path / name).exists()


def test_an_output_file_name_is_read_in_any_case_and_must_agree_with_the_format(tmp_path, capsys):
    """-o out.JSONL made a folder out.JSONL/ (format_of read it as JSONL, the file test did not),
    and so did -o out.jsonl --format json."""
    assert main(["annotate", str(SEED), "-o", str(tmp_path / "out.JSONL"), "--stages", "paragraphs", "-q"]) == 0
    assert (tmp_path / "out.JSONL").is_file() and (tmp_path / "out.errors.jsonl").is_file()
    capsys.readouterr()  # the run's summary line
    err = _fails(["annotate", SEED, "-o", tmp_path / "two.jsonl", "--format", "json", "--stages", "paragraphs"], capsys)
    assert "two.jsonl: the name asks for a .jsonl file but the format is json: name it X.json" in err
    assert not (tmp_path / "two.jsonl").exists()


@pytest.mark.parametrize("name, format, written", [("run.json", "jsonl", "annotations.jsonl"),
                                                    ("run.jsonl", "json", "annotations.json"),
                                                    ("results.csv", None, "annotations.jsonl"),
                                                    ("run.json", None, "annotations.jsonl")])
def test_an_output_name_ending_in_a_slash_is_a_folder_whatever_its_suffix(tmp_path, capsys, name, format, written):
    """review17: -o run.json/ --format jsonl (and -o results.csv/) asked for a folder and were refused
    as files since the suffix checks (the slash is lost in Path); -o run.json/ alone wrote a file run.json."""
    argv = ["annotate", str(SEED), "-o", str(tmp_path / name) + os.sep, "--stages", "paragraphs", "-q"]
    assert main(argv + (["--format", format] if format else [])) == 0
    assert (tmp_path / name).is_dir() and {written, "errors.jsonl"} <= set(_files(tmp_path / name))


def test_an_existing_folder_named_like_a_file_is_still_an_output_folder(tmp_path, capsys):
    (tmp_path / "results.csv").mkdir()
    assert main(["annotate", str(SEED), "-o", str(tmp_path / "results.csv"), "--stages", "paragraphs", "-q"]) == 0
    assert {"annotations.jsonl", "errors.jsonl"} <= set(_files(tmp_path / "results.csv"))
    assert main(["annotate", str(SEED), "-o", str(tmp_path / "run.2026"), "--stages", "paragraphs", "-q"]) == 0
    assert {"annotations.jsonl", "errors.jsonl"} <= set(_files(tmp_path / "run.2026"))  # not a file suffix: a folder


def test_the_dask_backend_checks_the_pipeline_before_opening_output(tmp_path, capsys):
    pytest.importorskip("distributed")
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--backend", "dask",
                  "--topic-model", "/nonexistent"], capsys)
    assert "/nonexistent: topic model folder not found" in err
    assert _files(tmp_path / "out") == []
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--backend", "dask",
                  "--stages", "paragraphs,topix"], capsys)
    assert "unknown stage" in err and _files(tmp_path / "out") == []


def test_a_tampered_topic_model_is_one_line_naming_the_file(tmp_path, capsys):
    from policy_nlp.stages.topics import DEFAULT_MODEL
    model = tmp_path / "model"
    model.mkdir()
    (model / "model.json").write_bytes((DEFAULT_MODEL / "model.json").read_bytes())
    arrays = dict(np.load(DEFAULT_MODEL / "model.npz"))
    arrays["coef"][0, 0] = np.nan
    np.savez(model / "model.npz", **arrays)
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--topic-model", model], capsys)
    assert f"{model / 'model.npz'}: damaged topic model: coef holds NaN" in err
    assert _files(tmp_path / "out") == []


def test_bad_stage_and_train_folds_are_one_line(tmp_path, capsys):
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--stages", "paragraphs,topix"], capsys)
    assert "unknown stage(s) ['topix']" in err
    assert _files(tmp_path / "out") == []
    data = tmp_path / "labels.csv"
    rows = [f"{farm},farm\n{env},env" for farm, env in zip(["粮食生产", "农田建设", "种业振兴", "农民增收"],
                                                             ["大气污染", "水污染防治", "土壤修复", "碳达峰"])]
    data.write_text("text,code\n" + "\n".join(rows), encoding="utf-8")  # distinct: a repeated row is warned of
    err = _fails(["train", data, "--text-column", "text", "--label-column", "code",
                  "--folds", "1", "-o", tmp_path / "model"], capsys)
    assert "1 fold is not cross-validation" in err and "--folds 2 or more" in err
    assert not (tmp_path / "model").exists()
    err = _fails(["train", tmp_path / "missing.csv", "--text-column", "text", "--label-column", "code",
                  "-o", tmp_path / "model"], capsys)
    assert "missing.csv" in err


def _empty_annotated(tmp_path):
    """An annotated JSONL file of one empty document."""
    annotated = tmp_path / "a.jsonl"
    annotated.write_text(json.dumps({"id": "x", "text": "", "meta": {}, "paragraphs": [],
                                     "sentences": [], "tokens": [], "slogans": [], "lists": []}) + "\n")
    return annotated


@pytest.mark.parametrize("command, module, extra", [("report", "matplotlib", "report"),
                                                     ("export", "duckdb", "tables")])
def test_a_command_without_its_extra_is_one_line(tmp_path, capsys, monkeypatch, command, module, extra):
    annotated = _empty_annotated(tmp_path)
    monkeypatch.setitem(sys.modules, module, None)  # import of the module now fails
    err = _fails([command, annotated, "-o", tmp_path / command], capsys)
    assert module in err and f"pip install 'policy_nlp[{extra}]'" in err
    assert not (tmp_path / command).exists()


def test_a_real_process_prints_no_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-m", "policy_nlp.cli", "annotate", str(SEED), "-o",
                             str(tmp_path / "out"), "--topic-model", "/nonexistent"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "policy-nlp: error: /nonexistent: topic model folder not found; give the folder written by "
        "'policy-nlp train' (or 'default' for the packaged model)"]
    assert _files(tmp_path / "out") == []


def test_dask_without_its_extra_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    err = _fails(["annotate", SEED, "-o", tmp_path / "out", "--backend", "dask"], capsys)
    assert "distributed" in err and "pip install 'policy_nlp[dask]'" in err
    assert _files(tmp_path / "out") == []


@pytest.mark.parametrize("command", ["export", "report", "view", "trace", "train"])
def test_an_output_folder_given_as_a_file_names_it(tmp_path, capsys, command):
    """`-o coded.csv` (a file) said only '[Errno 17] File exists: ...'; train said so
    after its whole cross-validation."""
    annotated = _empty_annotated(tmp_path)
    there = tmp_path / "coded.csv"
    there.write_text("doc_id,text,label\n", encoding="utf-8")
    inputs = {"trace": ["三农", annotated], "train": [there]}.get(command, [annotated])
    err = _fails([command, *inputs, "-o", there], capsys)
    assert f"{there}: a file is in the way of an output folder" in err and "give a folder" in err
    if command == "train":
        return  # its data (this empty sheet) is read before the folder is made
    err = _fails([command, *inputs, "-o", there / "sub"], capsys)
    assert f"{there / 'sub'}: a file is in the way of an output folder (Not a directory)" in err


def test_ctrl_c_outside_a_corpus_run_says_interrupted(capsys, monkeypatch):
    """review13: a bare Ctrl-C (a KeyboardInterrupt without message: evaluate, train, view) printed
    'policy-nlp: ' and nothing else, an exception being always true in ``stop or 'interrupted'``."""
    import policy_nlp.apps.evaluation as evaluation

    def pressed(path):
        raise KeyboardInterrupt  # what a terminal's Ctrl-C raises while the gold is read
    monkeypatch.setattr(evaluation, "load_gold", pressed)
    with pytest.raises(SystemExit) as info:
        main(["evaluate", str(ROOT / "tests/fixtures/gold_local/dev/dev-0015.json")])
    assert info.value.code == 130
    assert capsys.readouterr().err == "policy-nlp: interrupted\n"


@pytest.mark.parametrize("argv, names", [
    (["annotate", SEED, "--backend", "daskk", "-o", "out"], ["'daskk'", "'policy-nlp annotate --help'"]),
    (["annotate", SEED, "--format", "jsonll", "-o", "out"], ["'jsonll'", "'policy-nlp annotate --help'"]),
    (["view", SEED, "--topic-model", "m", "-o", "v"], ["--topic-model m", "'policy-nlp view --help'"]),
    (["lexicon", "build", SEED, "-o", "c.tsv", "--bad"], ["--bad", "'policy-nlp lexicon build --help'"]),
    (["anotate", SEED], ["'anotate'", "'policy-nlp --help'"]),
])
def test_an_unknown_option_or_value_is_one_line_naming_the_commands_help(argv, names, tmp_path, capsys,
                                                                          monkeypatch):
    """newuser22: argparse printed its usage block (14 lines for annotate) above the error."""
    monkeypatch.chdir(tmp_path)
    err = _fails(argv, capsys)
    assert all(name in err for name in names) and not list(tmp_path.iterdir()), err


@pytest.mark.parametrize("user_dict", ["folder", "missing.txt"])
def test_a_bad_user_dict_is_refused_before_the_inputs_are_read_or_the_output_made(tmp_path, capsys, user_dict):
    """leftovers22b: the user dictionary was checked when the pipeline loaded, after the output folder
    was made and the inputs read (their repeated-ids warning came first); an empty folder stayed."""
    (tmp_path / "folder").mkdir()
    inputs = tmp_path / "in.jsonl"
    inputs.write_text('{"id": "a", "text": "今天开会。"}\n{"id": "a", "text": "明天开会。"}\n', encoding="utf-8")
    err = _fails(["annotate", inputs, "-o", tmp_path / "out", "--user-dict", tmp_path / user_dict], capsys)
    assert "user dictionary" in err and "repeated" not in err  # one line: no warning before it
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name, format, written", [("d.jsonl", None, "annotations.jsonl"),
                                                    ("d.json", None, "annotations.jsonl"),
                                                    ("d.json", "json", "annotations.json"),
                                                    ("d.spacy", "spacy", "annotations.spacy")])
def test_an_existing_folder_named_like_an_output_file_is_written_into(tmp_path, capsys, name, format, written):
    """leftovers22b: -o d.jsonl, d.jsonl an existing folder, failed with a bare "Is a directory";
    an existing folder is a folder whatever its suffix, as one named results.csv already was."""
    (tmp_path / name).mkdir()
    argv = ["annotate", str(SEED), "-o", str(tmp_path / name), "--stages", "paragraphs", "-q"]
    assert main(argv + (["--format", format] if format else [])) == 0
    assert {written, "errors.jsonl"} <= set(_files(tmp_path / name))
