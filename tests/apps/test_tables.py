"""Tidy tables, Parquet/DuckDB export and trace (the stages they read: tests/stages/test_places.py,
test_canonical.py)."""

import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import policy_nlp
from policy_nlp.apps.tables import TABLES, build_tables, duplicates_note, export, schemas, year_partitioning
from policy_nlp.apps.trace import trace, write_trace
from policy_nlp.io.output import doc_to_dict

from conftest import ROOT, local_excerpt, national_report

SAMPLE = ROOT / "corpora" / "000_49f5c10d9eda79ac.txt"


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """The bundled sample speech annotated twice (an exact duplicate) and two short documents."""
    nlp = policy_nlp.load(stages=["paragraphs", "slogans", "enumerations"])
    sample = SAMPLE.read_text(encoding="utf-8")
    docs = [doc_to_dict(policy_nlp.annotate(sample, nlp, id="seed")),
            doc_to_dict(policy_nlp.annotate(sample, nlp, id="seed-copy")),
            doc_to_dict(policy_nlp.annotate("各位代表：\n我讲三点意见。一是抓好“十三五”规划收官，二是落实四个全面。",
                                            nlp, id="n1", meta={"date": "2019年3月5日", "level": "national"})),
            doc_to_dict(policy_nlp.annotate("同志们：\n全县要落实“十 三 五”规划。", nlp, id="c1",
                                            meta={"position": "县委书记", "year": "2020"}))]
    path = tmp_path_factory.mktemp("ann") / "annotations.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path, docs


def test_each_table_has_its_documented_schema(annotated):
    path, _ = annotated
    arrow = build_tables([path], kind="arrow")
    assert tuple(arrow) == TABLES
    for name in TABLES:
        expected = schemas()[name]
        assert arrow[name].schema.names[:len(expected.names)] == expected.names, name
        for column in expected:
            assert arrow[name].schema.field(column.name).type == column.type, (name, column.name)
    documented = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for name in TABLES:
        assert f"`{name}`" in documented
        for column in schemas()[name].names:
            assert f"`{column}`" in documented, (name, column)


def test_counts_and_values_agree_with_the_jsonl(annotated):
    path, docs = annotated
    t = build_tables([path])
    assert len(t["documents"]) == len(docs)
    assert len(t["paragraphs"]) == sum(len(d["paragraphs"]) for d in docs)
    assert len(t["formulations"]) == sum(len(d["slogans"]) for d in docs)
    assert len(t["lists"]) == sum(len(d["lists"]) for d in docs)
    assert len(t["list_items"]) == sum(len(l["items"]) for d in docs for l in d["lists"])
    texts = {d["id"]: d["text"] for d in docs}
    f = t["formulations"]
    for row in f.itertuples():
        text = texts[row.doc_id]
        assert text[row.start:row.end] == row.text
        para = next(p for p in docs if p["id"] == row.doc_id)["paragraphs"][row.paragraph]
        assert para["start"] <= row.start < para["end"]
    for row in t["paragraphs"].itertuples():  # the paragraph's own text and its document's level
        assert row.text == texts[row.doc_id][row.start:row.end] and row.text
    assert set(t["paragraphs"].loc[t["paragraphs"]["doc_id"] == "n1", "level"]) == {"national"}
    # no topics stage in this fixture: no main topic
    assert t["documents"]["main_topic"].isna().all() and t["documents"]["main_topic_share"].isna().all()
    # the exact duplicate is flagged, pointing at the first copy
    d = t["documents"].set_index("id")
    assert d.loc["seed-copy", "duplicate_of"] == "seed" and pd.isna(d.loc["seed", "duplicate_of"])
    # dates and levels: ISO date and year from the given 2019年3月5日, level given / inferred
    assert d.loc["n1", "date"] == "2019-03-05" and d.loc["n1", "year"] == 2019 and d.loc["n1", "level"] == "national"
    assert d.loc["c1", "level"] == "county" and d.loc["c1", "level_evidence"] == "position:县委"
    assert d.loc["seed", "year"] == 2012  # from the date in the scraped speech's text
    # variants of one formulation share their canonical form
    assert set(f[f["doc_id"].isin(["n1", "c1"]) & f["text"].str.contains("十")]["canonical"]) == {"十三五"}


@pytest.fixture(scope="module")
def real_tables(tmp_path_factory):
    """The opening of the 2025 work report and a local speech (dev-0002), exported."""
    nlp = policy_nlp.load(stages=["paragraphs", "slogans", "enumerations"])
    docs = [doc_to_dict(policy_nlp.annotate(national_report(2025)[:6000], nlp, id="gwr-2025",
                                            meta={"year": 2025, "level": "national"})),
            doc_to_dict(policy_nlp.annotate(local_excerpt("dev-0002"), nlp, id="dev-0002"))]
    out = tmp_path_factory.mktemp("real") / "tables"
    export(docs, out)
    return docs, out


def test_every_table_joins_the_documents_on_doc_id(real_tables):
    docs, out = real_tables
    duckdb = pytest.importorskip("duckdb")
    # dtype_backend="numpy_nullable": year stays an integer in a table with an undated row (dev-0002)
    t = {name: pd.read_parquet(out / name, partitioning=year_partitioning(), dtype_backend="numpy_nullable")
         for name in TABLES}
    documents = t["documents"]
    assert documents["doc_id"].tolist() == documents["id"].tolist() == [d["id"] for d in docs]
    for name in TABLES[1:]:
        assert len(t[name]), name   # both documents have paragraphs, formulations and lists
        joined = t[name].merge(documents[["doc_id", "year", "title"]], on="doc_id", how="left",
                               validate="many_to_one", suffixes=("", "_doc"), indicator=True)
        assert (joined["_merge"] == "both").all(), name
        assert joined["year"].equals(joined["year_doc"]), name
    built = build_tables(docs)   # the same join on build_tables' frames, their year a nullable integer
    assert {str(built[name]["year"].dtype) for name in TABLES} == {"Int32"}
    for name in TABLES[1:]:
        joined = built[name].merge(built["documents"][["doc_id", "year"]], on="doc_id", validate="many_to_one")
        assert len(joined) == len(built[name]) and joined["year_x"].equals(joined["year_y"]), name
    with duckdb.connect(str(out / "corpus.duckdb"), read_only=True) as con:
        for name in TABLES[1:]:
            rows, matched = con.execute(f"select count(*), count(d.doc_id) from {name} t "
                                        "left join documents d using (doc_id)").fetchone()
            assert rows == matched == len(t[name]), name


def test_documents_main_topic_from_the_paragraph_topics(tmp_path):
    doc = {"id": "d", "text": "同志们：\n全县要抓好农业生产，稳定粮食面积。\n要加强安全生产。", "meta": {},
           "paragraphs": [{"start": 0, "end": 4, "topic": {"label": "general", "score": 0.9}},
                          {"start": 5, "end": 21, "topic": {"label": "agriculture_rural", "score": 0.8}},
                          {"start": 22, "end": 30, "topic": {"label": "governance_security", "score": 0.7}}],
           "slogans": [], "lists": [], "sentences": [], "tokens": []}
    row = build_tables([doc])["documents"].iloc[0]
    assert row["main_topic"] == "agriculture_rural" and row["main_topic_share"] == round(16 / 28, 4)


def test_a_meta_field_named_like_a_computed_column_is_named_not_dropped_silently(caplog):
    # a corpus with its own "duplicate" and "main_topic" fields: the documents table computes both
    doc = {"id": "d", "text": "同志们：\n全县要抓好农业生产。", "slogans": [], "lists": [], "sentences": [],
           "tokens": [], "meta": {"duplicate": "否", "main_topic": "农业", "chars": 15},
           "paragraphs": [{"start": 0, "end": 4, "topic": {"label": "general", "score": 0.9}},
                          {"start": 5, "end": 15, "topic": {"label": "agriculture_rural", "score": 0.8}}]}
    with caplog.at_level("WARNING", logger="policy_nlp"):
        row = build_tables([doc])["documents"].iloc[0]
    assert not row["duplicate"] and row["main_topic"] == "agriculture_rural" and row["chars"] == 15
    assert ("meta fields 'duplicate' (first in d), 'main_topic' (first in d) of the input share a name with a "
            "column the documents table computes and are not in the tables") in caplog.text
    assert "chars" not in caplog.text   # the same value as the computed one: nothing is lost


def test_export_parquet_duckdb_and_dask_agree(annotated, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd
    path, docs = annotated
    counts = export([path], tmp_path / "tables")
    assert counts["formulations"] == sum(len(d["slogans"]) for d in docs)
    assert sorted(p.name for p in (tmp_path / "tables" / "formulations").iterdir()) == \
        ["year=2012", "year=2019", "year=2020"]
    with duckdb.connect(str(tmp_path / "tables" / "corpus.duckdb"), read_only=True) as con:
        for name, n in counts.items():
            assert con.execute(f"select count(*) from {name}").fetchone()[0] == n
        by_year = dict(con.execute("select year, count(*) from formulations group by year").fetchall())
    assert by_year == dict(Counter(y for d in docs for y in [int(d["meta"]["year"])] for _ in d["slogans"]))
    frame = dd.read_parquet(str(tmp_path / "tables" / "formulations")).compute()
    assert len(frame) == counts["formulations"]
    assert sorted(frame["canonical"]) == sorted(pd.read_parquet(tmp_path / "tables" / "formulations")["canonical"])


def test_pandas_and_dask_read_an_export_with_undated_rows(annotated, tmp_path, caplog):
    dd = pytest.importorskip("dask.dataframe")
    path, docs = annotated
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    undated = doc_to_dict(policy_nlp.annotate("同志们：\n要落实“双联”行动和五项改革。", nlp, id="u1"))
    assert undated["meta"].get("year") is None and undated["slogans"]
    both = tmp_path / "both.jsonl"
    both.write_text(path.read_text(encoding="utf-8") + json.dumps(undated, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with caplog.at_level("INFO", logger="policy_nlp"):
        counts = export([both], tmp_path / "tables")
    folder = tmp_path / "tables" / "formulations"
    assert (folder / "year=__HIVE_DEFAULT_PARTITION__").is_dir()
    # a plain pd.read_parquet(folder) fails ('Cannot yet unify dictionaries with nulls'): export says how
    assert "1 of " in caplog.text and "documents have no year" in caplog.text
    assert "partitioning=year_partitioning()" in caplog.text and "--no-partition" in caplog.text
    caplog.clear()
    with caplog.at_level("INFO", logger="policy_nlp"):
        export([path], tmp_path / "dated")
    assert "no year" not in caplog.text  # every document dated: nothing to say
    frame = pd.read_parquet(folder, partitioning=year_partitioning())
    lazy = dd.read_parquet(str(folder), dataset={"partitioning": year_partitioning()}).compute()
    for table in (frame, lazy):  # docs/schema.md, docs/scaling.md
        assert len(table) == counts["formulations"]
        assert table["year"].isna().sum() == len(undated["slogans"])


def test_spark_reads_an_export_with_undated_rows(annotated, tmp_path):
    """docs/scaling.md: Spark reads the year folders as they are (skipped without pyspark and java)."""
    import shutil
    pyspark_sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("pyspark needs java")
    path, docs = annotated
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    undated = doc_to_dict(policy_nlp.annotate("同志们：\n要落实“双联”行动和五项改革。", nlp, id="u1"))
    both = tmp_path / "both.jsonl"
    both.write_text(path.read_text(encoding="utf-8") + json.dumps(undated, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    counts = export([both], tmp_path / "tables")
    spark = (pyspark_sql.SparkSession.builder.master("local[1]").appName("policy_nlp-test")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        frame = spark.read.parquet(str(tmp_path / "tables" / "formulations"))
        by_year = {row["year"]: row["count"] for row in frame.groupBy("year").count().collect()}
        members = frame.filter(frame.doc_id == "seed").select("members").collect()
    finally:
        spark.stop()
    expected = Counter(int(d["meta"]["year"]) for d in docs for _ in d["slogans"])
    expected[None] = len(undated["slogans"])
    assert by_year == dict(expected) and sum(by_year.values()) == counts["formulations"]
    assert any(row["members"] for row in members)  # a list column, not a string


def test_trace_first_use_and_duplicates_counted_once(annotated, tmp_path):
    path, docs = annotated
    result = trace("“十三五”", [path])
    assert result.summary["canonical"] == "十三五"
    assert result.mentions["doc_id"].tolist()[:2] == ["n1", "c1"]
    assert result.summary["first_use"]["doc_id"] == "n1"
    assert result.summary["first_national_year"] == 2019 and result.summary["first_local_year"] == 2020
    assert result.summary["national_first"] is True
    assert result.adoption["cumulative_documents"].tolist() == [1, 2]
    seed = trace("五心工程", [path])  # the sample speech and its exact copy: counted once
    assert seed.summary["documents"] == 1 and seed.summary["duplicate_mentions_left_out"] > 0
    write_trace(result, tmp_path / "trace")
    assert (tmp_path / "trace" / "adoption.png").stat().st_size > 1000
    assert (tmp_path / "trace" / "adoption.svg").is_file()  # as trace --help and its last line say


def test_national_first_is_unknown_within_a_year_without_both_dates():
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"], lexicon=False)

    def docs(national_meta):
        return [doc_to_dict(policy_nlp.annotate("各位代表：\n开展“效能风暴”行动。", nlp, id="n",
                                                meta={**national_meta, "level": "national"})),
                doc_to_dict(policy_nlp.annotate("同志们：\n全县开展“效能风暴”行动。", nlp, id="c",
                                                meta={"date": "2021-02-02", "position": "县委书记"}))]
    # a report dated only by its year and a speech of 2 February 2021: the order is not known
    assert trace("效能风暴", docs({"year": 2021})).summary["national_first"] is None
    # with both dates the earlier one decides, within the year too
    assert trace("效能风暴", docs({"date": "2021-03-05"})).summary["national_first"] is False
    assert trace("效能风暴", docs({"date": "2021-01-20"})).summary["national_first"] is True
    assert trace("效能风暴", docs({"year": 2022})).summary["national_first"] is False


def test_export_and_trace_commands(annotated, tmp_path, capsys):
    from policy_nlp.cli import main
    path, _ = annotated
    assert main(["export", str(path), "-o", str(tmp_path / "t")]) == 0
    assert (tmp_path / "t" / "corpus.duckdb").is_file()
    assert main(["trace", "十三五", str(path), "-o", str(tmp_path / "tr")]) == 0
    assert "first use: n1 2019-03-05 national" in capsys.readouterr().out



@pytest.fixture
def overlapping(annotated, tmp_path):
    """The fixture's file and a second one holding its first two documents again (a subset
    annotated twice, as two overlapping output folders)."""
    path, _ = annotated
    subset = tmp_path / "subset.jsonl"
    subset.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    return path, subset


def test_a_document_read_twice_is_flagged_in_every_table_and_can_be_dropped(overlapping):
    path, subset = overlapping
    alone = build_tables([path])
    both = build_tables([path, subset])
    d = both["documents"]
    assert d["id"].tolist() == ["seed", "seed-copy", "n1", "c1", "seed", "seed-copy"]
    # the later copies, whatever their id, point at the first one
    assert d["duplicate_of"].fillna("").tolist() == ["", "seed", "", "", "seed", "seed"]
    assert d["duplicate"].tolist() == [False, True, False, False, True, True]
    for name in TABLES:  # counted where not duplicate: each document once, as in the file alone
        assert both[name]["duplicate"].dtype == bool, name
        assert (~both[name]["duplicate"]).sum() == (~alone[name]["duplicate"]).sum() > 0, name
    dropped = build_tables([path, subset], drop_duplicates=True)
    assert dropped["documents"]["id"].tolist() == ["seed", "n1", "c1"]
    for name in TABLES:
        assert len(dropped[name]) == (~both[name]["duplicate"]).sum(), name
        assert not dropped[name]["duplicate"].any(), name
    assert duplicates_note(alone["documents"]).startswith("1 of 4 documents are exact duplicates of one read before;")
    note = duplicates_note(both["documents"])
    assert note.startswith("3 of 6 documents are exact duplicates of one read before (2 of them an id read "
                           "before: overlapping inputs?); their rows are kept") and "--drop-duplicates" in note
    assert duplicates_note(dropped["documents"]) is None


def test_one_id_naming_two_texts_is_kept_and_said(annotated):
    _, docs = annotated
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"], lexicon=False)
    other = doc_to_dict(policy_nlp.annotate("同志们：\n全镇要抓好“三清”。", nlp, id="n1"))
    t = build_tables([*docs, other])
    assert t["documents"]["id"].tolist().count("n1") == 2 and not t["documents"]["duplicate"].iloc[-1]
    assert duplicates_note(t["documents"]).endswith(
        "1 ids name two different texts (n1): both are kept, the later one's doc_id made unique as ID#2 … "
        "(id keeps the id as read); give the inputs distinct ids")
    assert t["documents"]["doc_id"].iloc[-1] == "n1#2"
    assert trace("三清", [*docs, other]).summary["documents"] == 1


def test_export_of_overlapping_inputs_warns_and_drops(overlapping, tmp_path, capsys):
    duckdb = pytest.importorskip("duckdb")
    from policy_nlp.cli import main
    path, subset = overlapping
    assert main(["export", str(path), str(subset), "-o", str(tmp_path / "all"), "--no-partition"]) == 0
    err = capsys.readouterr().err
    assert "3 of 6 documents are exact duplicates" in err and "where not duplicate" in err
    assert main(["export", str(path), str(subset), "-o", str(tmp_path / "once"), "--drop-duplicates"]) == 0
    assert "left out of every table (--drop-duplicates)" in capsys.readouterr().err
    with duckdb.connect(str(tmp_path / "all" / "corpus.duckdb")) as con:
        ((distinct,),) = con.sql("select count(*) from formulations where not duplicate").fetchall()
        assert con.sql("select count(*) from formulations").fetchall()[0][0] > distinct
    with duckdb.connect(str(tmp_path / "once" / "corpus.duckdb")) as con:
        assert con.sql("select count(*) from formulations").fetchall() == [(distinct,)]
        assert con.sql("select count(*), count(distinct id) from documents").fetchall() == [(3, 3)]
    assert main(["export", str(path), "-o", str(tmp_path / "one")]) == 0
    assert "exact duplicates" in capsys.readouterr().err  # seed-copy: one exact duplicate under another id


def test_trace_reads_one_document_in_two_inputs_once(overlapping):
    path, subset = overlapping
    alone, both = trace("五心工程", [path]), trace("五心工程", [path, subset])
    assert both.summary["mentions"] == alone.summary["mentions"] > 0
    assert both.summary["documents"] == alone.summary["documents"] == 1
    assert both.summary["duplicate_mentions_left_out"] == 3 * alone.summary["mentions"]
    assert set(both.mentions["duplicate_of"].dropna()) == {"seed"}
    assert both.mentions["duplicate_of"].isna().sum() == alone.summary["mentions"]


def test_trace_of_a_formulation_without_mentions_names_the_closest(annotated, capsys):
    from policy_nlp.cli import main
    path, _ = annotated
    # the same number written in digits, with a space: the table's 四个全面 comes first
    result = trace("4个 全面", [path])
    assert result.summary["mentions"] == 0
    assert result.summary["closest"][0] == {"canonical": "四个全面", "similarity": 1.0, "documents": 1, "mentions": 1}
    # a part of a formulation: its occurrences in the text first, then the formulation holding it
    closest = trace("五心", [path]).summary["closest"]
    assert closest[0]["in_text"] == "五心" and closest[0]["documents"] == 1  # seed-copy counted once
    assert closest[1]["canonical"] == "五心工程"
    assert trace("十三五", [path]).summary["closest"] == []  # found: no hint
    assert main(["trace", "4个 全面", str(path)]) == 0
    out = capsys.readouterr().out
    assert "4个全面: 0 mentions" in out and "closest formulations these documents hold" in out
    assert "  四个全面: 1 mentions in 1 documents (similarity 1.00)" in out
    assert main(["trace", "ＸＹＺ", str(path)]) == 0
    assert "no formulation of these documents comes close" in capsys.readouterr().out


def test_trace_of_nothing_and_of_numerals_alone(annotated, capsys):
    from policy_nlp.apps.trace import closest_formulations
    from policy_nlp.cli import main
    path, _ = annotated
    # a blank formulation is an error (it was "0 mentions" and a list of every numeral-only form)
    with pytest.raises(ValueError, match="blank"):
        trace(" \u3000", [path])
    with pytest.raises(SystemExit) as exited:
        main(["trace", "", str(path)])
    assert exited.value.code == 2
    assert "nothing to trace" in capsys.readouterr().err
    # numerals alone have no words to agree on: 十五 is not half-similar to 123 for that
    t = {"documents": pd.DataFrame({"doc_id": ["a"], "duplicate": [False]}),
         "formulations": pd.DataFrame({"doc_id": ["a", "a"], "canonical": ["十五", "1234"], "duplicate": [False, False]})}
    assert [row["canonical"] for row in closest_formulations("123", t, {"a": ""})] == ["1234"]


# ---------------------------------------------------------------- properties
from hypothesis import given, settings, strategies as st  # noqa: E402

_MEMBERS = st.lists(st.sampled_from(["清垃圾", "清河道", "清路障", "人才", "企业", "學黨章黨規", "稳增长"]),
                    min_size=2, max_size=4, unique=True).map("、".join)
_SENTENCE = st.one_of(
    st.sampled_from(["加强组织领导。", "坚持“四个全面”。", "三個代表要落实。", "我讲3点意见：", "做到两个维护。",
                     "一是抓项目，二是抓资金，三是抓落实。", "第一，稳定粮食生产；第二，抓好“十 三 五”规划。",
                     "落实“放管服”改革。", "會(huì)議强调，"]),
    st.builds("开展“{}{}”（{}）行动。".format, st.sampled_from(["两", "三", "3"]), st.sampled_from(["清", "工程"]),
              _MEMBERS),
    st.builds("做到{}个{}，即{}。".format, st.sampled_from(["两", "三", "4"]), st.sampled_from(["要素", "不足"]),
              _MEMBERS))
_LINE = st.builds(str.__add__, st.sampled_from(["", "", "一、", "二、", "三、", "（一）", "（二）", "1.", "2.", "\u3000\u3000"]),
                  st.lists(_SENTENCE, min_size=1, max_size=3).map("".join))
_PIECES = st.lists(st.one_of(_LINE, st.sampled_from(["\n", "\n", " ", "\n\n", "同志们：\n", "责任编辑：王某\n"])),
                   max_size=8).map("".join)
_TEXT = st.tuples(_PIECES, _LINE, _PIECES).map("".join)   # some body: a text of furniture alone is refused
_META = st.sampled_from([{}, {"year": "2019"}, {"date": "2020年3月5日", "level": "national"},
                         {"position": "县委书记", "place": "某县"}])


@pytest.fixture(scope="module")
def full_nlp():
    return policy_nlp.load()


def _check_rows(table, records, texts, fields):
    """One row per JSON record, in order, its text the document's at its offsets."""
    assert len(table) == len(records)
    for row, (doc_id, record) in zip(table.to_dict("records"), records):
        assert row["doc_id"] == doc_id
        assert {f: row[f] for f in fields} == {f: record[f] for f in fields}
        assert row["text"] == texts[doc_id][row["start"]:row["end"]]


def _containing(spans, offset):
    return next(i for i, s in enumerate(spans) if s["start"] <= offset < s["end"])


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(_TEXT, _META), min_size=1, max_size=3))
def test_tables_agree_with_the_json(full_nlp, inputs):
    """Every table row is one record of the JSON, in order: row counts equal the
    JSON's, texts are the document's at the row's offsets, and a formulation's or
    list's paragraph and sentence are the ones that hold its start."""
    docs = [doc_to_dict(policy_nlp.annotate(text, full_nlp, id=f"d{i}", meta=meta))
            for i, (text, meta) in enumerate(inputs)]
    t = build_tables(docs)
    texts = {d["id"]: d["text"] for d in docs}
    assert t["documents"]["id"].tolist() == list(texts)
    assert t["documents"]["chars"].tolist() == [len(text) for text in texts.values()]
    _check_rows(t["paragraphs"], [(d["id"], p) for d in docs for p in d["paragraphs"]], texts, ("start", "end"))
    slogans = [(d["id"], s) for d in docs for s in d["slogans"]]
    _check_rows(t["formulations"], slogans, texts, ("start", "end", "text"))
    items = [(d["id"], item) for d in docs for lst in d["lists"] for item in lst["items"]]
    _check_rows(t["list_items"], items, texts, ("start", "end", "marker"))
    by_id = {d["id"]: d for d in docs}
    for row, (doc_id, s) in zip(t["formulations"].to_dict("records"), slogans):
        doc = by_id[doc_id]
        assert row["paragraph"] == _containing(doc["paragraphs"], s["start"])
        assert row["sentence"] == _containing(doc["sentences"], s["start"])
        assert list(row["members"]) == [m["text"] for m in s["members"]]
    lists = [(d["id"], lst) for d in docs for lst in d["lists"]]
    assert len(t["lists"]) == len(lists)
    for row, (doc_id, lst) in zip(t["lists"].to_dict("records"), lists):
        assert (row["doc_id"], row["items"], row["start"], row["end"]) == \
            (doc_id, len(lst["items"]), lst["start"], lst["end"])
        assert row["paragraph"] == _containing(by_id[doc_id]["paragraphs"], lst["start"])


def test_a_title_s_term_counts_once_and_in_its_title():
    """local dev-0216 names “民意快線” only in its title; dev-0195 names “三秋” in
    its title and its text. The title-only term gets one row, in_title, offsets
    into the title; the other counts only by its rows of the text. trace reads
    the title's row in its title."""
    from conftest import local_excerpt
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    # dev-0195's title is the corpus's (cleaning finds none in its text), Traditional as given
    docs = [doc_to_dict(policy_nlp.annotate(local_excerpt(i), nlp, id=i, meta=meta)) for i, meta in
            (("dev-0216", {}), ("dev-0195", {"title": "我縣召開“三秋”生產工作會議"}))]
    rows = build_tables(docs)["formulations"]
    titled = rows[rows["in_title"]]
    assert titled[["doc_id", "canonical"]].values.tolist() == [["dev-0216", "民意快线"]]
    row, title = titled.iloc[0], docs[0]["meta"]["title"]
    assert title[row["start"]:row["end"]] == row["text"] and pd.isna(row["paragraph"]) and pd.isna(row["topic"])
    assert [s["text"] for s in docs[1]["meta"]["title_slogans"]] == ["三秋"]
    assert (rows[rows["doc_id"] == "dev-0195"]["canonical"] == "三秋").sum() \
        == sum(s["text"] == "三秋" for s in docs[1]["slogans"]) > 0
    (mention,) = trace("民意快线", docs).mentions.itertuples()
    assert mention.in_title and mention.context == title


@pytest.fixture(scope="module")
def one_id_twice(tmp_path_factory):
    """Two local speeches that both name “十三五”, each the first row of its own input and so both
    id'd "1" (two CSVs each numbering its rows), in two annotated files."""
    nlp = policy_nlp.load(stages=["paragraphs", "slogans"])
    folder = tmp_path_factory.mktemp("one_id")
    docs = []
    for name, excerpt, year in (("a", "dev-0015", 2016), ("b", "dev-0019", 2017)):
        doc = doc_to_dict(policy_nlp.annotate(local_excerpt(excerpt), nlp, id="1", meta={"year": year}))
        (folder / f"{name}.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
        docs.append(doc)
    return [folder / "a.jsonl", folder / "b.jsonl"], docs


def test_one_id_in_two_inputs_gets_two_doc_ids_and_trace_reads_each_text(one_id_twice):
    paths, (first, second) = one_id_twice
    t = build_tables(paths)
    documents = t["documents"]
    # doc_id is unique (the later "1" is 1#2, as the readers make an id repeated in one input);
    # id keeps the id as given
    assert documents["doc_id"].tolist() == ["1", "1#2"] and documents["id"].tolist() == ["1", "1"]
    assert set(t["formulations"]["doc_id"]) == {"1", "1#2"}
    result = trace("十三五", paths)
    assert result.summary["documents"] == 2 and result.summary["mentions"] == 3
    mentions = result.mentions
    assert mentions["doc_id"].tolist() == ["1", "1", "1#2"] and mentions["id"].tolist() == ["1", "1", "1"]
    texts = {"1": first["text"], "1#2": second["text"]}
    for row in mentions.itertuples():   # each context is read from its own document's text
        text = texts[row.doc_id]
        assert text[row.start:row.end] == "十三五"
        assert row.context == text[max(0, row.start - 30):row.end + 30].replace("\n", " ")


def test_a_meta_field_named_like_a_column_but_for_case_is_prefixed_in_parquet_and_duckdb(tmp_path, caplog):
    """The Xi speeches' CSV annotated without --date-column: its Date column stays in meta beside
    the computed date. DuckDB ignores case in column names and made it Date_1 in corpus.duckdb
    while Parquet kept Date: the two exports of one table disagreed, and silently."""
    duckdb = pytest.importorskip("duckdb")
    from itertools import islice
    from conftest import shared_path
    from policy_nlp.io.corpus import read_inputs
    from policy_nlp.run.worker import annotate_record
    nlp = policy_nlp.load(stages=["paragraphs"], lexicon=False)
    records = islice(read_inputs([shared_path("corpora", "xi_speeches_2020", "all_data.csv")], text_column="Text"), 2)
    docs = [doc_to_dict(annotate_record(nlp, record)) for record in records]
    assert [d["meta"]["Date"] for d in docs] == ["2020-05-19", "2020-04-30"]
    with caplog.at_level("WARNING", logger="policy_nlp"):
        export(docs, tmp_path, partition=None)
    parquet = pd.read_parquet(tmp_path / "documents")
    with duckdb.connect(str(tmp_path / "corpus.duckdb"), read_only=True) as con:
        in_duckdb = con.sql("select * from documents").df()
    for table in (parquet, in_duckdb):
        assert list(table.columns) == list(parquet.columns)
        assert "Date" not in table and "Date_1" not in table
        assert table["meta_Date"].tolist() == ["2020-05-19", "2020-04-30"]
        assert table["date"].tolist() == [d["meta"]["date"] for d in docs]
    assert caplog.text.count("'Date' is the documents column 'meta_Date'") == 1


def test_export_csv_for_spreadsheets(annotated, tmp_path, capsys):
    # paper23: a spreadsheet user got no CSV from export (Parquet and DuckDB only), and a table
    # saved with pandas' to_csv has no BOM, so Excel shows its Chinese as mojibake. --csv writes
    # one CSV per table as the report's and trace's: UTF-8 with a BOM, CRLF, null as an empty cell
    from policy_nlp.cli import main
    path, docs = annotated
    assert main(["export", str(path), "-o", str(tmp_path / "t"), "--csv", "--no-duckdb"]) == 0
    assert "documents.csv" in capsys.readouterr().out
    arrow = build_tables([path], kind="arrow")
    for name in TABLES:
        raw = (tmp_path / "t" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"<NA>" not in raw and b",nan," not in raw
        frame = pd.read_csv(tmp_path / "t" / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False)
        assert list(frame.columns) == arrow[name].schema.names and len(frame) == arrow[name].num_rows, name
    f = pd.read_csv(tmp_path / "t" / "formulations.csv", encoding="utf-8-sig", keep_default_na=False)
    row = f[(f["doc_id"] == "n1") & (f["canonical"] == "四个全面")].iloc[0]
    assert row["text"] == "四个全面" and row["year"] == 2019
    # the quoted 十三五 has no number: an empty cell, not None or <NA>; members a JSON list
    assert f.loc[f["canonical"] == "十三五", "number"].eq("").all()
    assert all(isinstance(json.loads(m), list) for m in f["members"])
    texts = {d["id"]: d["text"] for d in docs}
    items = pd.read_csv(tmp_path / "t" / "list_items.csv", encoding="utf-8-sig", keep_default_na=False)
    assert all(texts[r.doc_id][r.start:r.end] == r.text for r in items.itertuples())


def test_paragraphs_carry_the_crosswalk_codes_of_their_topic(tmp_path):
    """leftovers24: the topics stage writes each paragraph topic's codes in every crosswalk its
    model reports in (the default model: the codebook's cap and govcn; a model trained with
    --crosswalk NAME.csv: NAME), and the export left them out. The paragraphs table has them as
    NAME_codes columns (a list of codes; [] for a label the crosswalk gives no code, null for a
    paragraph without a topic or a document whose model has no such crosswalk)."""
    from policy_nlp.apps import training
    from policy_nlp.stages.topics import cap_codes, govcn_classes
    from test_training import DOC_ROWS, write_csv
    default = policy_nlp.load()
    docs = [doc_to_dict(policy_nlp.annotate(local_excerpt(name), default, id=name)) for name in ("dev-0052", "dev-0212")]
    crosswalk = write_csv(tmp_path / "cap_major.csv", [("农业", "4")], ("label", "code"))   # 环境: no code
    data = write_csv(tmp_path / "d.csv", DOC_ROWS, ("doc_id", "text", "label"))
    training.train(data, tmp_path / "own", folds=0, crosswalk=crosswalk, verbose=False)
    own = policy_nlp.load(topic_model=str(tmp_path / "own"))
    docs.append(doc_to_dict(policy_nlp.annotate(local_excerpt("dev-0052"), own, id="own-0052")))
    table = build_tables(docs, kind="arrow")["paragraphs"]
    assert table.schema.names[len(schemas()["paragraphs"].names):] == ["cap_codes", "govcn_codes", "cap_major_codes"]
    rows = table.to_pylist()
    assert {r["topic"] for r in rows} >= {"agriculture_rural", "environment", None, "农业", "环境"}
    for row in rows:
        label = row["topic"]
        if row["doc_id"] == "own-0052":
            assert (row["cap_codes"], row["govcn_codes"]) == (None, None)
            assert row["cap_major_codes"] == {"农业": ["4"], "环境": []}[label]
        else:
            assert row["cap_major_codes"] is None
            assert row["cap_codes"] == ([str(code) for code in cap_codes(label)] if label else None)
            assert row["govcn_codes"] == (govcn_classes(label) if label else None)
    export(docs, tmp_path / "tables", csv=True)
    frame = pd.read_csv(tmp_path / "tables" / "paragraphs.csv", encoding="utf-8-sig")   # a list as a JSON array
    for column in ("cap_codes", "govcn_codes", "cap_major_codes"):
        assert [json.loads(c) if isinstance(c, str) else None for c in frame[column]] == [r[column] for r in rows]
