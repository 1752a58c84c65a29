"""Plots shared by the report and trace (policy_nlp/apps/plots.py), and how both write CSV, on real text."""

import json

import pytest

import policy_nlp
from policy_nlp.apps.plots import chinese_pyplot, cumulative_steps
from policy_nlp.apps.trace import trace, write_trace
from policy_nlp.io.output import doc_to_dict

from conftest import local_excerpt, national_report


@pytest.fixture(scope="module")
def traced():
    """十四五 in the 2024 and 2025 work reports, a dated city speech (dev-0179, 2021) and an undated one
    (dev-0025)."""
    pytest.importorskip("matplotlib")
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    docs = [doc_to_dict(policy_nlp.annotate(national_report(year), nlp, id=f"gwr-{year}",
                                            meta={"year": year, "level": "national"})) for year in (2024, 2025)]
    docs += [doc_to_dict(policy_nlp.annotate(local_excerpt(i), nlp, id=i, meta={"level": "city", "year": year}))
             for i, year in (("dev-0179", 2021), ("dev-0025", None))]
    return trace("十四五", docs)


def test_the_last_year_of_a_cumulative_curve_has_its_own_step(traced):
    frame = traced.adoption
    assert frame["year"].tolist() == [2021, 2024, 2025] and frame["cumulative_documents"].tolist() == [1, 2, 3]
    plt = chinese_pyplot()
    fig, ax = plt.subplots()
    steps = cumulative_steps(ax, frame["year"], frame["cumulative_documents"])
    # each year's count levels across that year; the last (3 in 2025) is a step of a year's width,
    # not the bare vertical rise ax.step(where="post") ended on
    assert steps.get_data().edges.tolist() == [2020.5, 2023.5, 2024.5, 2025.5]
    assert steps.get_data().values.tolist() == [1, 2, 3]
    plt.close(fig)


def test_the_adoption_plot_says_what_it_leaves_out(traced, tmp_path):
    assert traced.summary["documents"] == 4   # dev-0025 has no year: the curve stops at 3
    write_trace(traced, tmp_path)
    svg = (tmp_path / "adoption.svg").read_text(encoding="utf-8")
    assert "(1 undated document not shown)" in svg


def test_trace_and_report_write_their_csv_alike(traced, tmp_path):
    """UTF-8 with a BOM and CRLF, as the report's and suggest's CSVs: Excel shows the Chinese, and
    pandas reads the first column's name without the BOM (docs/view_report.md)."""
    import pandas as pd
    from policy_nlp.apps.report import build_report
    write_trace(traced, tmp_path / "trace")
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    doc = doc_to_dict(policy_nlp.annotate(local_excerpt("dev-0179"), nlp, id="dev-0179"))
    (tmp_path / "annotations.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    build_report([tmp_path / "annotations.jsonl"], tmp_path / "report")
    for path in [*(tmp_path / "trace").glob("*.csv"), *(tmp_path / "report").glob("*.csv")]:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n"), path.name
    mentions = pd.read_csv(tmp_path / "trace" / "mentions.csv")
    assert mentions.columns[0] == "doc_id" and (mentions["canonical"] == "十四五").all()


def test_trace_csv_cells_are_not_read_as_formulas(tmp_path):
    """A context cell opening with ``+`` (30 characters before 艺术教育特色学校 in Shandong's
    education plan) is a formula to Excel: the report's CSVs quote such cells, and trace's too."""
    import csv
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    text = ("逐步完善“艺术基础知识基本技能+艺术审美体验+艺术专项特长”的教学模式。"
            "实施“美育浸润行动计划”，评选“艺术教育特色学校”。")
    doc = doc_to_dict(policy_nlp.annotate(text, nlp, id="shandong-18", meta={"year": 2021}))
    write_trace(trace("艺术教育特色学校", [doc]), tmp_path)
    with open(tmp_path / "mentions.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["context"] == "'+艺术专项特长”的教学模式。实施“美育浸润行动计划”，评选“艺术教育特色学校”。"
    assert row["year"] == "2021"
