"""The corpus report (policy_nlp.apps.report), on a small corpus made from the seed
speech (see tests/apps/test_view.py), and in headless Chromium."""

import copy
import csv
import json
import re

import pytest

from policy_nlp.apps.report import build_report, chinese_font, collect, document_year, top_formulations
from test_view import chromium, console_errors, seed_document


def _corpus():
    """Four documents of three years and one without a year; 两品一游 in all,
    五心工程 only in 2012 and 2015, a mismatch in each document."""
    base = seed_document(hostile=False)
    docs = []
    for n, meta in enumerate(({"year": "2012"}, {"date": "2015-03-05"}, {"year": 2019}, {"year": None})):
        doc = copy.deepcopy(base)
        doc["id"] = f"doc{n}"
        doc["meta"] = {**{k: v for k, v in doc["meta"].items() if k not in ("date", "year")}, **meta}
        if n >= 2:
            doc["slogans"] = [s for s in doc["slogans"] if s["text"] != "五心工程"]
        if n == 2:
            for para in doc["paragraphs"]:
                if para["topic"]:
                    para["topic"] = {"label": "economy", "score": 0.9, "scores": {"economy": 0.9}}
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annotated")
    with open(folder / "annotations.jsonl", "w", encoding="utf-8") as f:
        for doc in _corpus():
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    (folder / "errors.jsonl").write_text(
        json.dumps({"id": "broken<1>", "source": "reports.jsonl:7", "reason": "empty or non-text 'content' field"},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    index = build_report([corpus_dir], out, top=10)
    return out, index


def _csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_document_year():
    assert document_year({"year": "1954"}) == 1954
    assert document_year({"year": None, "date": "2012-06-15"}) == 2012
    assert document_year({"year": "unknown"}) is None
    assert document_year({}) is None


def test_collect_counts(corpus_dir):
    data = collect([corpus_dir])
    assert len(data["documents"]) == 4
    assert data["failed"] == [{"id": "broken<1>", "source": "reports.jsonl:7",
                               "reason": "empty or non-text 'content' field",
                               "errors_file": str(corpus_dir / "errors.jsonl")}]
    rows = {r["text"]: r for r in top_formulations(data["formulations"], n=0)}
    assert rows["两品一游"]["documents"] == 4 and rows["两品一游"]["number"] == 3
    assert (rows["两品一游"]["first_year"], rows["两品一游"]["last_year"]) == (2012, 2019)
    assert rows["五心工程"]["documents"] == 2 and rows["五心工程"]["last_year"] == 2015
    assert rows["双联"]["mentions"] == 8  # twice in each of four documents
    # per document: the 八个发展取向 formulation and the 五点 list
    assert len(data["mismatches"]) == 8
    assert {m["what"] for m in data["mismatches"]} == {"numbered formulation", "list 一是"}
    assert data["topics"][2019] and set(data["topics"][2019]) == {"economy"}
    assert None not in data["topics"]
    assert len(collect([corpus_dir], dated_only=True)["documents"]) == 3


def test_report_files(report):
    out, index = report
    assert index == out / "index.html"
    for name in ("formulations", "numbered_by_year", "topics_by_year"):
        assert (out / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (out / f"{name}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    formulations = _csv(out / "formulations.csv")
    # ranked by documents, then mentions: 双联 (4 documents, 8 mentions) before 两品一游 (4, 4)
    assert [row["text"] for row in formulations[:2]] == ["双联", "两品一游"]
    assert formulations[1]["documents"] == "4" and formulations[1]["mentions"] == "4"
    assert formulations[1]["first_year"] == "2012" and formulations[1]["last_year"] == "2019"
    assert formulations[-1]["documents"] == "2"  # 五心工程
    shares = _csv(out / "topic_shares.csv")
    assert [row["year"] for row in shares] == ["2012", "2015", "2019"]
    for row in shares:
        assert abs(sum(float(v) for k, v in row.items() if k != "year") - 1) < 1e-3
    assert len(_csv(out / "mismatches.csv")) == 8
    assert _csv(out / "failed.csv")[0]["source"] == "reports.jsonl:7"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 4 and summary["failed"] == 1 and summary["years"] == [2012, 2019]


def test_report_csvs_join_the_tables_on_doc_id(report, corpus_dir):
    # the report's CSVs key documents by doc_id as the export tables do (id kept beside it, the
    # old name), so a user joins documents.csv or mismatches.csv to the documents table directly
    from policy_nlp.apps.tables import build_tables
    out, _ = report
    documents = build_tables([corpus_dir])["documents"]
    rows = _csv(out / "documents.csv")
    assert list(rows[0])[:2] == ["doc_id", "id"] and all(r["doc_id"] == r["id"] for r in rows)
    assert sorted(r["doc_id"] for r in rows) == sorted(documents["doc_id"])
    mismatches = _csv(out / "mismatches.csv")
    assert list(mismatches[0])[:2] == ["doc_id", "id"]
    assert {r["doc_id"] for r in mismatches} == set(documents["doc_id"])
    failed = _csv(out / "failed.csv")
    assert (failed[0]["doc_id"], failed[0]["id"]) == ("broken<1>", "broken<1>")


def test_report_page(report):
    out, index = report
    page = index.read_text(encoding="utf-8")
    for name in ("formulations", "numbered_by_year", "topics_by_year"):
        assert f'src="{name}.png"' in page and f'href="{name}.svg"' in page
    assert "broken&lt;1&gt;" in page and "<1>" not in page
    assert "<mark>八个发展取向</mark>" in page
    assert "两品一游" in page and "1 document(s) have no year" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_chinese_font_or_fallback(report):
    out, _ = report
    font = chinese_font()
    page = (out / "index.html").read_text(encoding="utf-8")
    if font:
        assert "F1 两品一游" not in page
    else:
        assert "F1 两品一游" in page


def test_report_without_topics_years_or_errors(tmp_path):
    doc = seed_document(hostile=False)
    doc["meta"] = {}
    for para in doc["paragraphs"]:
        para["topic"] = None
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    index = build_report(path, tmp_path / "out")
    page = index.read_text(encoding="utf-8")
    assert "No document has a year." in page and "No failed documents" in page
    assert (tmp_path / "out" / "formulations.png").exists()
    assert not (tmp_path / "out" / "topics_by_year.png").exists()


def test_report_missing_input(tmp_path):
    with pytest.raises(FileNotFoundError):
        build_report([tmp_path / "nothing.jsonl"], tmp_path / "out")


def test_cli_report(corpus_dir, tmp_path):
    from policy_nlp.cli import main
    assert main(["report", str(corpus_dir / "annotations.jsonl"), "-o", str(tmp_path / "r"), "--top", "5"]) == 0
    assert (tmp_path / "r" / "index.html").exists()


def test_report_in_chromium(report):
    out, index = report
    dom, stderr = chromium(index.as_uri(), "--dump-dom")
    assert console_errors(stderr) == []
    assert '<div id="js-errors"></div>' in dom
    match = re.search(r'data-images="(\d+)/(\d+)"', dom)
    assert match, "the page's script did not run"
    assert match.group(1) == match.group(2) == "4"  # every plot loaded (diffusion included)
    assert dom.count("<mark>") == 8
    assert 'id="summary"' in dom and 'id="failed"' in dom


def test_report_screenshot(report, tmp_path):
    out, index = report
    shot = tmp_path / "report.png"
    chromium(index.as_uri(), f"--screenshot={shot}", "--window-size=1200,900", "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000


def test_exact_duplicates_are_counted_once_and_variants_together(tmp_path):
    import json as _json
    from policy_nlp.apps.report import collect
    base = {"text": "要抓好“十三五”规划，落实十三五。", "meta": {"sha1": "a" * 40, "year": 2016},
            "paragraphs": [], "sentences": [], "tokens": [], "lists": [],
            "slogans": [{"start": 3, "end": 8, "text": "“十三五”", "kind": "numbered", "number": None,
                         "members": [], "count_matches": None, "source": "grammar"},
                        {"start": 13, "end": 16, "text": "十三五", "kind": "numbered", "number": None,
                         "members": [], "count_matches": None, "source": "grammar"}]}
    path = tmp_path / "a.jsonl"
    path.write_text("".join(_json.dumps({**base, "id": i}, ensure_ascii=False) + "\n" for i in ("x", "x-copy")),
                    encoding="utf-8")
    data = collect([path])
    assert [d["id"] for d in data["documents"]] == ["x"]
    assert data["duplicates"] == [{"id": "x-copy", "duplicate_of": "x"}]
    assert data["formulations"]["十三五"]["mentions"] == 2 and len(data["formulations"]) == 1


# --- diffusion (through apps.trace) and abbreviations linked to their expansion ----------

SPREAD = [  # id, text, meta: a national report first, then a county and a district speech
    ("n2016", "各位代表：\n全面开展“三清”(清垃圾、清河道、清路障)行动。", {"year": 2016, "level": "national"}),
    ("c2017", "同志们：\n全县要抓好“三清”工作。今年开展“三清”（清垃圾、清河道、清路障）行动。",
     {"date": "2017-05-04", "position": "县委书记"}),
    ("d2018", "同志们：\n全区要落实“三清”，河道要常年保洁。", {"date": "2018年4月2日", "position": "区长"}),
]


@pytest.fixture(scope="module")
def spread_dir(tmp_path_factory):
    import policy_nlp
    from policy_nlp.io.output import doc_to_dict
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    folder = tmp_path_factory.mktemp("spread")
    with open(folder / "annotations.jsonl", "w", encoding="utf-8") as f:
        for id, text, meta in SPREAD:
            f.write(json.dumps(doc_to_dict(policy_nlp.annotate(text, nlp, id=id, meta=meta)),
                               ensure_ascii=False) + "\n")
    return folder


def test_a_bare_abbreviation_gets_the_expansion_its_document_gives(spread_dir):
    pytest.importorskip("pyarrow")
    from policy_nlp.apps.tables import build_tables
    f = build_tables([spread_dir])["formulations"]
    f = f[f["canonical"] == "三清"]
    assert len(f) == 4
    assert set(f["expansion"].dropna()) == {"清垃圾、清河道、清路障"}
    county = f[f["doc_id"] == "c2017"].sort_values("start")
    alone, spelled = county.itertuples()  # 抓好“三清”工作 … 开展“三清”（清垃圾、清河道、清路障）
    text = SPREAD[1][1]
    # the first mention is linked forward, to where the text spells the members out
    assert alone.expansion == spelled.expansion == "清垃圾、清河道、清路障"
    assert alone.expansion_start == spelled.expansion_start == text.index("清垃圾") > spelled.start
    # the district speech never spells it out: no expansion of its own
    district = f[f["doc_id"] == "d2018"]
    assert district["expansion"].isna().all()


def test_report_has_a_diffusion_section_from_trace(spread_dir, tmp_path):
    pytest.importorskip("pyarrow")
    from policy_nlp.apps.trace import trace
    index = build_report([spread_dir], tmp_path)
    (row,) = [r for r in _csv(tmp_path / "diffusion.csv") if r["text"] == "三清"]
    summary = trace("三清", [spread_dir]).summary  # the same numbers as 'policy-nlp trace'
    assert row["documents"] == str(summary["documents"]) == "3"
    assert row["first_doc"] == "n2016" and row["first_level"] == "national"
    assert (row["first_national_year"], row["first_local_year"], row["national_first"]) == ("2016", "2017", "True")
    assert row["levels"] == "national 2016 → county 2017 → district 2018"
    assert row["expansions"] == "清垃圾、清河道、清路障" and summary["expansions"] == {"清垃圾、清河道、清路障": 2}
    page = index.read_text(encoding="utf-8")
    assert 'id="diffusion"' in page and "national 2016 → county 2017 → district 2018" in page
    assert (tmp_path / "diffusion.png").stat().st_size > 1000


def test_a_term_of_the_title_only_counts_as_in_the_tables_and_trace(tmp_path):
    """Two Shandong plans titled “十四五”: the first names it in its text too, the second only in
    its title (which cleaning moves to meta.title). The tables and trace count both documents
    (``in_title``); the report counted the first only, so formulations.csv and diffusion.csv,
    and the report's quoted and numbered totals and the tables', disagreed."""
    pytest.importorskip("pyarrow")
    import policy_nlp
    from policy_nlp.apps.tables import build_tables
    from policy_nlp.apps.trace import trace
    from policy_nlp.io.output import doc_to_dict
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    plans = [("shandong-18", "山东省“十四五”教育事业发展规划\n\n“十四五”时期是山东开启新时代现代化强省建设新征程的关键时期，"
                             "教育是实现现代化的基础，强省必先强教。"),
             ("shandong-20", "山东省“十四五”科技创新规划\n\n一、总体要求\n\n（一）指导思想。高举中国特色社会主义伟大旗帜，"
                             "以习近平新时代中国特色社会主义思想为指导。")]
    path = tmp_path / "annotations.jsonl"
    path.write_text("".join(json.dumps(doc_to_dict(policy_nlp.annotate(text, nlp, id=id, meta={"year": 2021})),
                                       ensure_ascii=False) + "\n" for id, text in plans), encoding="utf-8")
    data = collect([path])
    assert data["formulations"]["十四五"]["docs"] == {"shandong-18", "shandong-20"}
    assert data["formulations"]["十四五"]["mentions"] == 2
    assert trace("十四五", [path]).summary["documents"] == 2
    rows = build_tables([path])["formulations"]
    assert sum(d["numbered"] for d in data["documents"]) == (rows["kind"] == "numbered").sum() == 2
    assert [d["distinct_numbered"] for d in data["documents"]] == [1, 1]


def test_one_id_in_two_inputs_is_two_documents_in_the_report(tmp_path):
    """dev-0015 and dev-0019 both name 十三五 and are both id'd "1" (each the first row of its own
    input): the report counted them as one document, keyed by id, as its diffusion section did."""
    pytest.importorskip("pyarrow")
    import policy_nlp
    from policy_nlp.io.output import doc_to_dict
    from conftest import local_excerpt
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    paths = []
    for name, excerpt, year in (("a", "dev-0015", 2016), ("b", "dev-0019", 2017)):
        doc = doc_to_dict(policy_nlp.annotate(local_excerpt(excerpt), nlp, id="1", meta={"year": year}))
        paths.append(tmp_path / f"{name}.jsonl")
        paths[-1].write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    build_report(paths, tmp_path / "report")
    (row,) = [r for r in _csv(tmp_path / "report" / "formulations.csv") if r["text"] == "十三五"]
    assert (row["documents"], row["mentions"], row["first_year"], row["last_year"]) == ("2", "3", "2016", "2017")
    (spread,) = [r for r in _csv(tmp_path / "report" / "diffusion.csv") if r["text"] == "十三五"]
    assert (spread["documents"], spread["mentions"], spread["first_doc"]) == ("2", "3", "1")
    documents = _csv(tmp_path / "report" / "documents.csv")
    assert [(r["doc_id"], r["id"]) for r in documents] == [("1", "1"), ("1#2", "1")]


def test_topic_chart_of_a_codebook_of_ones_own(tmp_path):
    """codebook23: the stacked bars of Economy, party-building and social welfare took one colour,
    and a 'general' of one's own was named 综述与动员 in the legend."""
    from test_view import _own_codebook
    from policy_nlp.apps.view import topic_colour
    docs = []
    for year in (2019, 2020):
        doc, labels = _own_codebook(seed_document(hostile=False))
        doc["id"], doc["meta"] = f"own{year}", {"year": year}
        docs.append(doc)
    path = tmp_path / "own.jsonl"
    path.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs), encoding="utf-8")
    assert collect([path])["topic_labels"] == set(labels)
    build_report(path, tmp_path / "out")
    svg = (tmp_path / "out" / "topics_by_year.svg").read_text(encoding="utf-8")
    colours = {topic_colour(label, labels) for label in labels}
    assert len(colours) == len(labels) and all(f"fill: {colour}" in svg for colour in colours)
    assert "综述与动员" not in svg


def test_the_legend_of_numbered_by_year_covers_no_bar(corpus_dir, tmp_path, monkeypatch):
    # paper23: the legend sat in the upper left corner inside the axes, over the tallest bar
    # when an early year had it (the local speeches' 2006 bar, 94 per 10,000 characters, was
    # hidden under it); here 2012's bar is the tallest and the first
    import policy_nlp.apps.report as report
    figures = []
    monkeypatch.setattr(report, "save_figure", lambda fig, out_dir, name: figures.append(fig) or [])
    report._plot_numbered(collect([corpus_dir])["documents"], tmp_path)
    fig = figures[0]
    fig.tight_layout()
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    bars = [patch.get_window_extent() for patch in ax.patches]
    assert bars and not any(legend.overlaps(bar) for bar in bars)
    line = fig.axes[1].lines[0]  # the line of distinct formulations stays clear of it too
    xy = fig.axes[1].transData.transform(list(zip(*line.get_data())))
    assert not any(legend.contains(x, y) for x, y in xy if x == x and y == y)


def test_documents_csv_gives_the_title_of_the_export_tables(tmp_path):
    """leftovers24: documents.csv filled a missing title with the document's id, the export's
    documents table left it empty: joined on doc_id, the two tables disagreed on title. dev-0015
    has no title (as many local excerpts and most policy documents), dev-0001 has one:
    both tables give the same title, empty for dev-0015; the page's table shows its id."""
    pytest.importorskip("pyarrow")
    import policy_nlp
    from policy_nlp.apps.tables import build_tables
    from policy_nlp.io.output import doc_to_dict
    from conftest import local_record
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    path = tmp_path / "annotated.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for name in ("dev-0001", "dev-0015"):
            record = local_record(name)
            doc = policy_nlp.annotate(record["text"], nlp, id=name, meta={"title": record.get("title"), "year": 2016})
            f.write(json.dumps(doc_to_dict(doc), ensure_ascii=False) + "\n")
    index = build_report(path, tmp_path / "report")
    report = {r["doc_id"]: r["title"] for r in _csv(tmp_path / "report" / "documents.csv")}
    documents = build_tables([path])["documents"]
    export = dict(zip(documents["doc_id"], documents["title"].fillna("")))   # null: an empty cell
    assert report == export and report["dev-0015"] == "" and report["dev-0001"]
    assert "<td>dev-0015</td>" in index.read_text(encoding="utf-8")
