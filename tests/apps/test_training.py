"""Tests of policy_nlp.apps.training: weak labels, the training set, training on users' data."""

import json
from pathlib import Path

import pytest

from policy_nlp.apps import training as tt
from policy_nlp.apps.local_training import gold_excerpt_ids
from policy_nlp.errors import DocumentError
from policy_nlp.stages.topics import load_model

REPO = Path(__file__).resolve().parents[2]
HAS_SHARED = (tt.SHARED_CORPORA / "national" / "government_work_reports.jsonl").is_file()
needs_shared = pytest.mark.skipif(not HAS_SHARED, reason="../shared/corpora absent")

ROWS = [
    ("稳定粮食播种面积，提高种粮农民收益。", "农业"), ("加强高标准农田建设，推进种业振兴。", "农业"),
    ("巩固拓展脱贫攻坚成果，防止规模性返贫。", "农业"), ("发展乡村特色产业，增加农民收入。", "农业"),
    ("深化农村土地制度改革，保障农民权益。", "农业"), ("扎实推进乡村振兴，建设和美乡村。", "农业"),
    ("持续打好蓝天保卫战，加强大气污染防治。", "环境"), ("推进重点流域水污染治理和土壤修复。", "环境"),
    ("积极稳妥推进碳达峰碳中和。", "环境"), ("加强生态保护修复，建设美丽中国。", "环境"),
    ("推进节能减排，发展绿色低碳产业。", "环境"), ("实施河湖长制，改善水生态环境。", "环境"),
]


def write_csv(path, rows, header=("text", "code")):
    import csv
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# ---------------------------------------------------------------- weak labels

def test_lead_sentence_and_general_rule():
    assert tt.lead_sentence("（二）推动乡村全面振兴。稳定粮食播种面积。") == "推动乡村全面振兴"
    assert tt.lead_sentence("一是加深理解，提高认识：要把会议精神传达到每个村。") == "加深理解，提高认识"
    assert tt.lead_sentence("这是一个没有句号的很长的段落" * 6) is None
    assert tt.general_rule("同志们！") == "general"
    assert tt.general_rule("二、2025年经济社会发展总体要求和政策取向") == "general"
    assert tt.general_rule("坚持一个中国原则和“九二共识”，推动两岸关系和平发展。") == "general"
    assert tt.general_rule("加强粮食生产，提高农民收入。") is None


def test_weak_labels_heading_lead_and_general():
    paragraphs = ["各位代表：", "（七）坚持不懈抓好“三农”工作",
                  "加强粮食和重要农产品稳产保供。稳定播种面积，提高单产。",
                  "毫不放松巩固拓展脱贫攻坚成果。加强防止返贫监测和帮扶。",
                  "要坚持问题导向，狠抓工作推进，确保各项任务完成。",
                  "各位代表！", "我们要坚持独立自主的和平外交政策，推动构建人类命运共同体。", "Public domain"]
    weak = tt.weak_labels(paragraphs)
    assert [w["label"] for w in weak] == [
        "general", None, "agriculture_rural", "agriculture_rural", "agriculture_rural",
        "general", "general", None]
    assert weak[2]["source"] == "lead" and weak[4]["source"] == "heading"
    assert weak[5]["heading"] is None  # the salutation closed the section


def test_split_lines():
    assert tt.split_lines("\u3000\u3000一、总体要求\n\n\n 稳中求进。 \n") == ["一、总体要求", "稳中求进。"]


# ---------------------------------------------------------------- the default training set

@pytest.fixture(scope="module")
def built():
    """The default training set, built once, with every file it opened."""
    if not HAS_SHARED:
        pytest.skip("../shared/corpora absent")
    import builtins
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)
    builtins.open = spy
    try:
        examples = tt.build_training_set()
    finally:
        builtins.open = real_open
    return examples, opened


def test_training_set_excludes_evaluation_and_gold_documents(built):
    examples, _ = built
    assert len(examples) > 4000
    docs = {(e["corpus"], e["doc"]) for e in examples}
    work = {d for c, d in docs if c.endswith("government_work_reports.jsonl")}
    assert work and not work & {"2014", "2019", "2021", "2025"}
    assert all(int(year) >= tt.FIRST_TRAINING_YEAR for year in work)
    congress = {d for c, d in docs if c.endswith("cpc_congress_reports.jsonl")}
    assert congress and "19" not in congress
    xi = {d for c, d in docs if c.startswith("xi_speeches")}
    assert xi and not xi & {"2020-03-07", "2020-04-30"}
    assert set(e["label"] for e in examples) == set(tt.labels())
    assert {e["source"] for e in examples} <= {"heading", "lead", "seed", "general", "no_terms",
                                               "title", "local_terms"}
    local = {d for c, d in docs if c.startswith("local_speeches")}
    assert local and not local & gold_excerpt_ids()   # the local gold is never trained on


def test_training_set_never_opens_held_out_split(built):
    _, opened = built
    assert any("government_work_reports" in path for path in opened)
    assert any("local_speeches" in path for path in opened)
    assert not any(split in path for path in opened for split in tt.HELD_OUT_SPLITS)


def test_training_set_is_reproducible(built):
    examples, _ = built
    again = tt.build_training_set(policy_docs_per_label=tt.POLICY_DOCS_PER_LABEL)
    assert [(e["doc"], e["index"], e["label"]) for e in again] == \
        [(e["doc"], e["index"], e["label"]) for e in examples]


@needs_shared
def test_hand_labels_align_with_corpus():
    rows = tt.hand_labelled()
    assert len(rows) >= 300
    assert {r["doc"] for r in rows} == {"2014", "2021", "2025"}
    assert all(r["text"] and r["label"] in tt.labels() for r in rows)


@needs_shared
def test_weak_sources_agree_with_hand_labels():
    report = tt.source_agreement()
    assert report["combined"]["accuracy"] >= 0.85
    assert report["combined"]["covered"] >= 0.8 * report["combined"]["of"]
    assert report["lead"]["accuracy"] >= 0.85


@needs_shared
def test_default_model_on_hand_labels():
    metrics = tt.evaluate(load_model(tt.DEFAULT_MODEL), tt.hand_labelled())
    assert metrics["accuracy"] >= 0.85 and metrics["macro_f1"] >= 0.85


# ---------------------------------------------------------------- training on users' labels

def test_train_from_csv_writes_model_and_report(tmp_path, capsys):
    data = write_csv(tmp_path / "labels.csv", ROWS)
    report = tt.train_from_file(data, "text", "code", tmp_path / "models" / "mine", folds=3)
    out = capsys.readouterr().out
    assert "macro-F1" in out and "confusion matrix" in out
    assert report["labels"] == ["农业", "环境"] and report["folds"] == 3
    assert set(report["per_label"]["农业"]) == {"precision", "recall", "f1", "support"}
    assert len(report["confusion"]) == 2 and sum(map(sum, report["confusion"])) == len(ROWS)
    model_dir = tmp_path / "models" / "mine"
    saved = json.loads((model_dir / "cv_report.json").read_text(encoding="utf-8"))
    assert saved["macro_f1"] == report["macro_f1"]
    assert "macro-F1" in (model_dir / "cv_report.txt").read_text(encoding="utf-8")
    card = (model_dir / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "labels.csv" in card and "cross-validation" in card
    model = load_model(model_dir)
    assert model.predict(["治理大气污染，改善空气质量。"])[0] == "环境"
    assert model.metadata_["label_column"] == "code"


def test_train_from_jsonl(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps({"para": t, "topic": c}, ensure_ascii=False) for t, c in ROWS) + "\n",
                    encoding="utf-8")
    report = tt.train_from_file(path, "para", "topic", tmp_path / "m", folds=2, verbose=False)
    assert report["n"] == len(ROWS)


def test_train_from_hugging_face_dataset(tmp_path):
    datasets = pytest.importorskip("datasets")
    names = ["农业", "环境"]
    dataset = datasets.Dataset.from_dict(
        {"text": [t for t, _ in ROWS], "label": [names.index(c) for _, c in ROWS]},
        features=datasets.Features({"text": datasets.Value("string"),
                                    "label": datasets.ClassLabel(names=names)}))
    datasets.DatasetDict({"train": dataset}).save_to_disk(str(tmp_path / "ds"))
    report = tt.train_from_file(tmp_path / "ds", "text", "label", tmp_path / "m", folds=2, verbose=False)
    assert report["labels"] == names  # ClassLabel ids became names


def test_error_too_few_examples_of_a_label(tmp_path):
    data = write_csv(tmp_path / "few.csv", ROWS + [("加强社区治理。", "治理"), ("推进平安建设。", "治理")])
    with pytest.raises(ValueError, match=r"few\.csv: too few examples .*'治理' has 2"):
        tt.train_from_file(data, "text", "code", tmp_path / "m", folds=3, verbose=False)


def test_error_unknown_column(tmp_path):
    data = write_csv(tmp_path / "d.csv", ROWS)
    with pytest.raises(DocumentError, match=r"d\.csv: no column 'label'; columns found: \['code', 'text'\]"):
        tt.train_from_file(data, "text", "label", tmp_path / "m", verbose=False)


@pytest.mark.parametrize("name, content", [("empty.csv", ""), ("header.csv", "text,code\n"),
                                           ("empty.jsonl", "\n\n")])
def test_error_empty_file(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=name.replace(".", r"\.") + ": .*(empty|no data rows)"):
        tt.train_from_file(tmp_path / name, "text", "code", tmp_path / "m", verbose=False)


def test_error_missing_and_unsupported_files(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        tt.train_from_file(tmp_path / "nope.csv", "text", "code", tmp_path / "m")
    (tmp_path / "data.xlsx").write_bytes(b"PK")
    with pytest.raises(DocumentError, match="unsupported file type"):
        tt.train_from_file(tmp_path / "data.xlsx", "text", "code", tmp_path / "m")
    (tmp_path / "bad.jsonl").write_text('{"text": "a", "code": "b"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(DocumentError, match=r"bad\.jsonl:2"):
        tt.train_from_file(tmp_path / "bad.jsonl", "text", "code", tmp_path / "m")
    write_csv(tmp_path / "blank.csv", ROWS + [("", "农业")])
    with pytest.raises(DocumentError, match=r"row 13.*empty 'text'"):
        tt.train_from_file(tmp_path / "blank.csv", "text", "code", tmp_path / "m")
    write_csv(tmp_path / "one.csv", [(t, "农业") for t, _ in ROWS])
    with pytest.raises(ValueError, match="at least two different labels"):
        tt.train_from_file(tmp_path / "one.csv", "text", "code", tmp_path / "m")


def test_command_line(tmp_path, capsys):
    data = write_csv(tmp_path / "d.csv", ROWS)
    assert tt.main(["train", str(data), "--text-column", "text", "--label-column", "code",
                    "-o", str(tmp_path / "m"), "--folds", "2"]) == 0
    assert (tmp_path / "m" / "model.json").is_file()
    assert tt.main(["train", str(data), "--text-column", "x", "--label-column", "code",
                    "-o", str(tmp_path / "m2")]) == 2
    assert "no column 'x'" in capsys.readouterr().err
