"""Tests of policy_nlp.apps.suggestions: uncertainty, spread selection, the suggest -> code -> train loop."""

import csv
import shlex

import numpy as np

from policy_nlp.apps import suggestions
from policy_nlp.apps.training import read_labelled, train
from test_training import DOC_ROWS, write_csv


def test_select_prefers_uncertain_rows_but_spreads_documents_and_labels():
    unsure = [0.99, 0.98, 0.97, 0.96, 0.5, 0.4]
    predicted = ["a", "a", "a", "a", "b", "a"]
    groups = ["d1", "d1", "d1", "d1", "d2", "d3"]
    # pure uncertainty would take rows 0-2 (all d1, all 'a')
    assert suggestions.select(unsure, predicted, groups, 3) == [0, 4, 5]


def test_select_skips_near_duplicates():
    features = np.array([[1.0, 0.0], [0.99, 0.14], [0.0, 1.0]])
    assert suggestions.select([0.9, 0.8, 0.1], ["a", "a", "a"], ["d"] * 3, 2, features=features) == [0, 2]


def test_suggest_writes_a_sheet_that_train_reads_back(tmp_path, capsys):
    model_dir = tmp_path / "m"
    train(write_csv(tmp_path / "seed.csv", DOC_ROWS, ("doc_id", "text", "label")), model_dir,
          folds=0, verbose=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("一、总体要求\n推进农业面源污染治理，改善农村生态环境。\n"
                                  "稳定粮食生产，保障国家粮食安全，提高农民收入。\n"
                                  "各位代表：\n加强大气污染防治，持续改善空气质量。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("建设美丽乡村，保护农村河湖水系和生态环境。\n"
                                  "发展现代种业，推进高标准农田建设和农业机械化。\n", encoding="utf-8")
    from policy_nlp.cli import main
    sheet = tmp_path / "to_code.csv"
    assert main(["suggest", str(model_dir), str(corpus), "-n", "3", "-o", str(sheet)]) == 0
    with open(sheet, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["doc_id", "paragraph", "text", "predicted", "score", "label"]
    assert len(rows) == 3 and len({r["doc_id"] for r in rows}) == 2  # both documents
    assert all(r["label"] == "" and r["predicted"] in ("农业", "环境") for r in rows)
    assert not any(r["text"] in ("一、总体要求", "各位代表：") for r in rows)  # headings, salutations
    # the most uncertain paragraph mixes both topics
    texts = [r["text"] for r in rows]
    assert any("污染" in t and ("农" in t or "乡村" in t) for t in texts)
    rows[0]["label"] = "环境"  # a coder fills in one row
    with open(sheet, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    data = read_labelled(sheet)
    assert data.texts == [rows[0]["text"]] and data.skipped_blank == 2 and data.group_column == "doc_id"
    again = suggestions.suggest(model_dir, [corpus], n=10, exclude=sheet)
    assert rows[0]["text"] not in [r["text"] for r in again]
    # the next round: what it prints trains on the sheet coded before and the new one
    capsys.readouterr()
    assert main(["suggest", str(model_dir), str(corpus), "-n", "2", "-o", str(tmp_path / "next.csv"),
                 "--exclude", str(sheet)]) == 0
    assert f"then: policy-nlp train {sheet} {tmp_path / 'next.csv'} -o models/NAME" in capsys.readouterr().out
    # -q, as the other long commands: nothing on stderr, the sheet and its closing line as before
    assert main(["suggest", str(model_dir), str(corpus), "-n", "2", "-o", str(tmp_path / "quiet.csv"), "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "2 paragraphs from" in captured.out and (tmp_path / "quiet.csv").is_file()
    # a path with a blank is quoted in the printed command, which then copies into a shell as it is
    spaced = tmp_path / "round two.csv"
    assert main(["suggest", str(model_dir), str(corpus), "-n", "2", "-o", str(spaced), "-q"]) == 0
    assert f"policy-nlp train '{spaced}' -o models/NAME" in capsys.readouterr().out
    # review13: an --exclude sheet of text and label alone (as its help describes it) has no document
    # column, and the printed command failed ("no document column … while next.csv has 'doc_id'")
    coded = write_csv(tmp_path / "coded.csv", [(text, label) for _, text, label in DOC_ROWS], ("text", "label"))
    assert main(["suggest", str(model_dir), str(corpus), "-n", "2", "-o", str(tmp_path / "third.csv"),
                 "--exclude", str(coded), "-q"]) == 0
    command = shlex.split(capsys.readouterr().out.split("then: ")[1])
    rows = list(csv.DictReader(open(tmp_path / "third.csv", encoding="utf-8-sig", newline="")))
    for row in rows:
        row["label"] = row["predicted"]  # the coder agrees
    write_csv(tmp_path / "third.csv", [list(row.values()) for row in rows], list(rows[0]))
    assert main([*command[1:-2], "-o", str(tmp_path / "m3"), "--folds", "0", "-q"]) == 0


def test_the_old_module_path_is_the_same_module(monkeypatch):
    # apps.active was renamed apps.suggestions; scripts that import the old path keep working
    import importlib
    import sys
    import warnings
    monkeypatch.delitem(sys.modules, "policy_nlp.apps.active", raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = importlib.import_module("policy_nlp.apps.active")
    assert old is suggestions and old.select is suggestions.select
    assert any(issubclass(w.category, DeprecationWarning) and "policy_nlp.apps.suggestions" in str(w.message)
               for w in caught)


def test_a_sheet_coded_in_its_own_columns_is_excluded_and_retrained_as_the_model_was(tmp_path, capsys):
    """codebook23: a model trained with --label-column code --catch-all 其他 --crosswalk: `suggest
    --exclude coded.csv` failed (no column 'label'), and the command it prints trained on 'label'
    (coded.csv has 'code') and dropped the catch-all and the crosswalk without a word."""
    from test_training import OTHER
    from policy_nlp.cli import main
    from policy_nlp.stages.topics import load_model
    rows = [(f"d{i}", text, code) for i, (_, text, code) in enumerate(DOC_ROWS)]
    rows += [(f"o{i}", text, "其他") for i, text in enumerate(OTHER)]
    coded = write_csv(tmp_path / "coded.csv", rows, ("doc_id", "text", "code"))
    crosswalk = write_csv(tmp_path / "cap.csv", [("农业", "4"), ("环境", "7")], ("label", "code"))
    assert main(["train", str(coded), "--label-column", "code", "--catch-all", "其他", "--crosswalk",
                 str(crosswalk), "--folds", "0", "-o", str(tmp_path / "m"), "-q"]) == 0
    corpus = tmp_path / "speech.txt"
    corpus.write_text("\n".join([DOC_ROWS[0][1], DOC_ROWS[1][1], "建设美丽乡村，保护农村河湖水系和生态环境。",
                                 "发展现代种业，推进高标准农田建设和农业机械化。"]), encoding="utf-8")
    capsys.readouterr()
    sheet = tmp_path / "to_code.csv"
    assert main(["suggest", str(tmp_path / "m"), str(corpus), "-n", "3", "-o", str(sheet),
                 "--exclude", str(coded), "-q"]) == 0
    out = capsys.readouterr().out
    suggested = list(csv.DictReader(open(sheet, encoding="utf-8-sig", newline="")))
    assert suggested and not {DOC_ROWS[0][1], DOC_ROWS[1][1]} & {row["text"] for row in suggested}
    command = shlex.split(out.split("then: ")[1])
    assert command[:8] == ["policy-nlp", "train", "--label-column", "code,label", "--catch-all", "其他",
                           "--crosswalk", str(crosswalk)]
    for row in suggested:
        row["label"] = row["predicted"]  # the coder agrees
    write_csv(sheet, [list(row.values()) for row in suggested], list(suggested[0]))
    assert main([*command[1:-2], "-o", str(tmp_path / "m2"), "--folds", "0", "-q"]) == 0
    again = load_model(tmp_path / "m2")
    assert again.metadata_["catch_all"] == "其他" and again.metadata_["crosswalk"]["mapping"]["农业"] == ["4"]
    assert again.metadata_["training"]["examples"] == len(rows) + len(suggested)
