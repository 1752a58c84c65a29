"""Scoring annotated documents against gold (issue 3, point 7)."""

import json

import pytest

from policy_nlp.apps.evaluation import (METRICS, error_lines, evaluate, evaluate_many, evaluation_pairs,
                                        format_report, gold_text, load_gold, pair_documents)
from policy_nlp.stages.enumerations import find_lists
from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences

from conftest import ROOT, shared_path

# A small hand-made document, its gold and an annotation with known errors.
TEXT = ("我讲三点意见：\n"                                   # 0-7
        "一、抓项目\n"                                       # 8-13
        "推进“两品一游”和三会一课，新建大棚236座。一是抓招商。二是抓建设。\n"
        "二、抓落实\n"
        "落实五项改革（审批改革、执法改革）和“效能风暴”。\n")


def span(text, part, start=0):
    index = TEXT.index(part, start)
    return {"start": index, "end": index + len(part), "text": part}


GOLD = {
    "document": "handmade",
    "numbered": [
        {"text": "两品一游", "number": 3, "members": None},
        {"text": "三会一课", "number": 4, "members": None},
        {"text": "五项改革", "number": 5, "members": ["审批改革", "执法改革"]},
    ],
    "quoted": ["效能风暴", "星级社区"],
    "not_slogans": ["236座"],
    "lists": [
        {"family": "一、", "items": 3, "first_prefix": "一、抓项目", "parent_prefix": None,
         "claim_text": "我讲三点意见", "claim_number": 3, "count_matches": True},
        {"family": "一是", "items": 2, "first_prefix": "一是抓招商。二是抓", "parent_prefix": "一、抓项目",
         "claim_text": None, "claim_number": None, "count_matches": None},
        {"family": "（一）", "items": 2, "first_prefix": "（一）不存在", "parent_prefix": None,
         "claim_text": None, "claim_number": None, "count_matches": None},
    ],
    "topics": {"一、抓项目": "economy", "推进": "agriculture_rural", "二、抓落实": "general"},
}


def annotation():
    slogans = [
        {**span(TEXT, "“两品一游”"), "kind": "numbered", "number": 3, "members": []},   # quotes ignored
        {**span(TEXT, "三会一课"), "kind": "numbered", "number": 3, "members": []},     # wrong number
        {**span(TEXT, "236座"), "kind": "numbered", "number": 236, "members": []},     # not a slogan
        {**span(TEXT, "五项改革"), "kind": "numbered", "number": 5,
         "members": [span(TEXT, "审批改革"), span(TEXT, "执法改革")]},
        {**span(TEXT, "效能风暴"), "kind": "quoted", "number": None, "members": []},
    ]
    paragraphs = find_paragraphs(TEXT)
    lists = find_lists(TEXT, paragraphs, find_sentences(TEXT, paragraphs))
    labels = ["general", "economy", "general", "economy", "general"]
    return {"id": "handmade", "text": TEXT, "meta": {},
            "paragraphs": [{"start": s, "end": e, "topic": {"label": label, "score": 0.9}}
                           for (s, e), label in zip(paragraphs, labels)],
            "sentences": [], "tokens": [], "slogans": slogans, "lists": lists}


def scores(report):
    return {name: (value["correct"], value["total"]) for name, value in report["metrics"].items()}


def test_evaluation_pairs_read_annotated_files_and_folders(tmp_path):
    doc = annotation()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "annotations.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps([doc], ensure_ascii=False), encoding="utf-8")
    for source in (tmp_path / "out", tmp_path / "a.json"):
        ((gold, found),) = evaluation_pairs([GOLD], [source])
        assert gold is GOLD and found == doc
    report = evaluate_many(evaluation_pairs([GOLD], [tmp_path / "a.json"]))
    lines = list(error_lines(report))
    assert "handmade: numbered_number: " in "\n".join(lines) or any("三会一课" in l for l in lines)
    assert all(line.startswith("handmade: ") for line in lines) and len(lines) >= 2


def test_known_scores():
    report = evaluate(GOLD, annotation())
    got = scores(report)
    assert got["numbered_recall"] == (3, 3)
    assert got["numbered_precision"] == (3, 4)        # 236座 counts against precision
    assert got["not_slogans_tagged"] == (1, 1)
    assert got["number_accuracy"] == (2, 3)           # 三会一课 tagged with 3
    assert got["members_exact"] == (1, 1)
    assert got["quoted_recall"] == (1, 2)             # 星级社区 missed
    assert got["lists_found"] == (2, 3)               # the （一） list does not exist
    assert got["list_match"] == (1, 3)                # 一、 has 2 items, not 3
    assert got["list_family"] == (2, 2)
    assert got["list_items"] == (1, 2)
    assert got["list_precision"] == (2, 2)
    assert got["list_parent"] == (2, 2)
    assert got["claim_number"] == (2, 2)
    assert got["claim_count_matches"] == (1, 2)       # 三点 vs 2 items: found False, gold True
    assert got["claim_text"] == (1, 1)
    assert got["mismatch_flagged"] == (0, 0)
    assert got["topic_accuracy"] == (1, 3)            # paragraphs 2 and 3 are wrong
    assert got["topic_main_area"] == (1, 1)           # economy ties agriculture_rural in the gold
    assert report["metrics"]["numbered_precision"]["score"] == 0.75
    errors = report["errors"]
    assert errors["not_slogans_tagged"] == ["236座"]
    assert errors["wrong_number"] == [("三会一课", 4, 3)]
    assert errors["quoted_missed"] == ["星级社区"]
    assert errors["lists_missed"] == ["（一）不存在"]
    assert errors["lists_wrong"] == [{"first_prefix": "一、抓项目", "gold": ["一、", 3],
                                      "found": ["一、", 2]}]


def test_mismatch_flagged_and_members_wrong():
    gold = {**GOLD, "lists": [{**GOLD["lists"][0], "items": 2, "claim_number": 3,
                               "count_matches": False}]}
    annotated = annotation()
    annotated["slogans"][3]["members"] = annotated["slogans"][3]["members"][:1]
    got = scores(evaluate(gold, annotated))
    assert got["mismatch_flagged"] == (1, 1)
    assert got["list_match"] == (1, 1)
    assert got["members_exact"] == (0, 1)


def test_main_area_is_the_area_of_most_paragraphs_against_most_characters():
    # gold: two agriculture paragraphs, one economy; found: economy holds the most characters
    gold = {**GOLD, "topics": {"一、抓项目": "agriculture_rural", "推进": "agriculture_rural",
                               "二、抓落实": "economy", "落实五项": "general"}}
    report = evaluate(gold, annotation())
    assert scores(report)["topic_main_area"] == (0, 1)
    assert report["errors"]["main_area_wrong"] == [(["agriculture_rural"], "economy")]
    # a gold of general paragraphs only has no main area to score
    only_general = {**GOLD, "topics": {"一、抓项目": "general", "二、抓落实": "general"}}
    assert scores(evaluate(only_general, annotation()))["topic_main_area"] == (0, 0)


def test_no_topics_means_not_scored():
    annotated = annotation()
    for paragraph in annotated["paragraphs"]:
        paragraph["topic"] = None
    report = evaluate(GOLD, annotated)
    assert report["metrics"]["topic_accuracy"] == {"correct": 0, "total": 0, "score": None}
    assert report["metrics"]["topic_main_area"] == {"correct": 0, "total": 0, "score": None}


def test_evaluate_many_micro_averages():
    one = evaluate(GOLD, annotation())
    report = evaluate_many([(GOLD, annotation()), (GOLD, annotation()), (GOLD, None)])
    assert len(report["documents"]) == 3
    assert report["metrics"]["numbered_recall"] == {"correct": 6, "total": 9, "score": 6 / 9}
    assert report["metrics"]["list_match"]["correct"] == 2 * one["metrics"]["list_match"]["correct"]
    assert set(report["metrics"]) == set(METRICS)


def test_format_report_is_a_table():
    table = format_report(evaluate_many([(GOLD, annotation()), (GOLD, annotation())]))
    lines = table.splitlines()
    assert lines[0].split() == ["metric", "handmade", "handmade", "all"]
    assert len(lines) == 2 + len(METRICS) + 1   # + the topics' macro-F1
    assert lines[-1].startswith("paragraph topics: macro-F1")
    row = next(line for line in lines if line.startswith("numbered formulations: precision"))
    assert row.split()[-2:] == ["6/8", "0.75"]
    assert "-" in next(line for line in lines if line.startswith("count mismatches"))
    single = format_report(evaluate(GOLD, annotation()))
    assert single.splitlines()[0].split() == ["metric", "handmade"]


def test_gold_text_from_repository_and_corpora(tmp_path):
    seed = gold_text({"document": "000_49f5c10d9eda79ac.txt"}, shared_root=tmp_path)
    assert "我提出五点具体意见" in seed and "\r" not in seed and "\u00a0" not in seed
    corpora = tmp_path / "corpora" / "set"
    corpora.mkdir(parents=True)
    (corpora / "reports.jsonl").write_text(
        json.dumps({"year": "2018", "content": "旧"}, ensure_ascii=False) + "\n"
        + json.dumps({"year": "2019", "content": "一、回顾\u00a0\r\n二、任务"}, ensure_ascii=False)
        + "\n", encoding="utf-8")
    (corpora / "speeches.csv").write_text("Date,Text\n2020-03-07,同志们：　　第一，脱贫。\n",
                                          encoding="utf-8-sig")
    jsonl = {"document": "r", "source": {"corpus": "set/reports.jsonl", "field": "content",
                                         "match": {"year": "2019"}}}
    assert gold_text(jsonl, shared_root=tmp_path) == "一、回顾 \n二、任务"
    csv_gold = {"document": "s", "source": {"corpus": "set/speeches.csv", "field": "Text",
                                            "match": {"Date": "2020-03-07"}}}
    assert gold_text(csv_gold, shared_root=tmp_path) == "同志们：　　第一，脱贫。"
    with pytest.raises(LookupError):
        gold_text({**jsonl, "source": {**jsonl["source"], "match": {"year": "1990"}}},
                  shared_root=tmp_path)
    with pytest.raises(FileNotFoundError):
        gold_text({"document": "missing.txt"}, shared_root=tmp_path)


def test_shared_root_of_an_installed_package_is_beside_the_current_folder(tmp_path, monkeypatch):
    from policy_nlp.apps import evaluation
    monkeypatch.delenv("POLICY_NLP_SHARED", raising=False)
    (tmp_path / "shared").mkdir()
    (tmp_path / "checkout").mkdir()
    monkeypatch.chdir(tmp_path / "checkout")
    site = tmp_path / "venv" / "lib"   # the package's folder: no shared/ beside it
    monkeypatch.setattr(evaluation, "REPO_ROOT", site / "site-packages")
    assert evaluation.default_shared_root() == tmp_path / "shared"
    (site / "shared").mkdir(parents=True)   # a checkout's own ../shared comes first
    assert evaluation.default_shared_root() == site / "shared"
    monkeypatch.setenv("POLICY_NLP_SHARED", str(tmp_path / "elsewhere"))
    assert evaluation.default_shared_root() == tmp_path / "elsewhere"


def test_pair_documents_by_name_and_by_text(tmp_path):
    gold_by_name = {"document": "000_49f5c10d9eda79ac.txt"}
    gold_by_text = {"document": "r", "source": {"corpus": "r.jsonl", "field": "content",
                                                "match": {"id": 1}}}
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "r.jsonl").write_text('{"id": 1, "content": "一是甲。二是乙。"}\n',
                                                  encoding="utf-8")
    docs = [{"id": "doc-7", "text": "一是甲。 二是乙。"},
            {"id": "x", "meta": {"source": "corpora/000_49f5c10d9eda79ac.txt"}, "text": "…"}]
    pairs = pair_documents([gold_by_name, gold_by_text, {"document": "none.txt"}], docs,
                           shared_root=tmp_path)
    assert [doc and doc["id"] for _, doc in pairs] == ["x", "doc-7", None]


def test_a_gold_without_its_annotated_document_is_named(tmp_path, caplog):
    annotated = tmp_path / "annotations.jsonl"
    annotated.write_text(json.dumps({"id": "other", "text": "一是甲。二是乙。"}) + "\n", encoding="utf-8")
    gold = load_gold(ROOT / "tests" / "fixtures" / "gold" / "national_gwr_2019.json")
    with caplog.at_level("WARNING", logger="policy_nlp"):
        pairs = evaluation_pairs([gold], [annotated], shared_root=tmp_path)
    assert pairs == [(gold, None)]
    assert "national_gwr_2019.json: no annotated document matches this gold" in caplog.text
    # the record the gold names, its text changed by cleaning: paired by meta.source and the match
    cleaned = {"id": "2019年政府工作报告", "text": "（cleaned）",
               "meta": {"source": "../shared/corpora/national/government_work_reports.jsonl:12", "year": "2019"}}
    other_year = {**cleaned, "meta": {**cleaned["meta"], "year": "2018"}}
    other_corpus = {**cleaned, "meta": {**cleaned["meta"], "source": "x/cpc_congress_reports.jsonl:3"}}
    assert pair_documents([gold], [other_year, other_corpus, cleaned], shared_root=tmp_path) == [(gold, cleaned)]
    xi = {"document": "xi", "source": {"corpus": "xi_speeches_2020/all_data.csv", "match": {"Date": "2020-03-07"}}}
    by_id = {"id": "2020-03-07", "text": "…", "meta": {"source": "speeches/xi_speeches_2020/all_data.csv:9"}}
    assert pair_documents([xi], [by_id], shared_root=tmp_path) == [(xi, by_id)]


def test_a_gold_is_paired_with_its_record_when_the_match_field_was_renamed(tmp_path):
    """``annotate --date-column Date`` (how the Xi speeches are annotated) moves the Date
    field into meta.date, and cleaning drops the dateline and the source credit: neither the
    match field nor the text can pair the gold, but meta.source names the corpus row, and
    that row is the gold's."""
    xi, (row_2, row_3) = _xi_gold(tmp_path, "2020-03-07"), _xi_rows(tmp_path)
    assert pair_documents([xi], [row_2, row_3], shared_root=tmp_path) == [(xi, row_3)]


def test_pairing_reads_a_corpus_once_for_all_its_golds(tmp_path, monkeypatch):
    """Golds paired by their corpus row, and one whose document was not annotated (looked
    for by its text then): the corpus file is read once, not once for each of them."""
    from policy_nlp.apps import evaluation
    real, reads = evaluation.read_table, []

    def read_table(path, *args, **kwargs):
        reads.append(path)
        return real(path, *args, **kwargs)

    rows = _xi_rows(tmp_path)
    golds = [_xi_gold(tmp_path, date) for date in ("2020-03-07", "2020-03-17", "2020-03-24")]
    monkeypatch.setattr(evaluation, "read_table", read_table)
    assert pair_documents(golds, rows, shared_root=tmp_path) == [(golds[0], rows[1]), (golds[1], rows[0]),
                                                                 (golds[2], None)]
    assert reads == [tmp_path / "corpora" / "xi_speeches_2020" / "all_data.csv"]


XI_LETTER = "\u3000\u3000回信北京大学援鄂医疗队全体“90后”党员：\u3000\u3000来信收悉。"
XI_SPEECH = ("同志们：\u3000\u3000这次会议的主要任务是，分析当前形势，克服新冠肺炎疫情影响，凝心聚力打赢脱贫攻坚战，"
             "确保如期完成脱贫攻坚目标任务，确保全面建成小康社会。")


def _xi_gold(tmp_path, date):
    """A gold of the Xi speech of ``date`` in a corpus written under ``tmp_path`` (its rows:
    a letter, a speech followed by its source credit, a row not annotated)."""
    corpus = tmp_path / "corpora" / "xi_speeches_2020"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "all_data.csv").write_text(
        f"Date,Text\n2020-03-17,{XI_LETTER}\n"
        f"2020-03-07,{XI_SPEECH}\u3000\u3000（新华社北京3月6日电）\u3000\u3000《 人民日报 》（ 2020年03月07日 02 版）\n"
        "2020-03-24,全面推进乡村振兴，加快建设农业强国。\n", encoding="utf-8")
    return {"document": f"xi_{date.replace('-', '_')}", "source": {"corpus": "xi_speeches_2020/all_data.csv",
                                                                   "field": "Text", "match": {"Date": date}}}


def _xi_rows(tmp_path):
    """The annotated letter and speech of :func:`_xi_gold`'s corpus (as ``--date-column Date``
    and cleaning leave them: the date in meta.date, the credit gone)."""
    return [{"id": "all_data:2", "text": XI_LETTER.strip("\u3000"),
             "meta": {"source": "/data/corpora/xi_speeches_2020/all_data.csv:2", "date": "2020-03-17"}},
            {"id": "all_data:3", "text": XI_SPEECH,
             "meta": {"source": "/data/corpora/xi_speeches_2020/all_data.csv:3", "date": "2020-03-07"}}]


def test_load_gold_fixtures():
    for path in sorted((ROOT / "tests" / "fixtures" / "gold").glob("*.json")):
        gold = load_gold(path)
        assert {"numbered", "lists"} <= set(gold)
        assert gold["path"] == str(path)
    with pytest.raises(ValueError):
        load_gold(ROOT / "policy_nlp" / "data" / "document.schema.json")


@pytest.mark.parametrize("content, reason", [
    (b'{"document": "a.txt"}\n{"document": "b.txt"}\n', "not a gold file: invalid JSON (Extra data at line 2)"),
    ("同志们：今天开会。".encode(), "not a gold file: invalid JSON (Expecting value at line 1)"),
    ("同志们".encode("gbk"), "not a gold file: not UTF-8 (invalid continuation byte)"),
    (b"[]", "not a gold file (no 'document' or 'source')")])
def test_a_file_that_is_not_gold_is_named_with_the_reason(tmp_path, capsys, content, reason):
    from policy_nlp.cli import main
    path = tmp_path / "annotations.jsonl"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as exited:
        main(["evaluate", str(path)])
    assert exited.value.code == 2
    assert capsys.readouterr().err == f"policy-nlp: error: {path}: {reason}\n"


def test_seed_gold_lists_score_perfectly():
    gold = load_gold(shared_path("gold", "seed_gold.json"))
    text = gold_text(gold)
    paragraphs = find_paragraphs(text)
    annotated = {"text": text, "paragraphs": [], "slogans": [],
                 "lists": find_lists(text, paragraphs, find_sentences(text, paragraphs))}
    metrics = evaluate(gold, annotated)["metrics"]
    for name in ("lists_found", "list_match", "list_parent", "list_precision",
                 "claim_number", "claim_count_matches", "claim_text", "mismatch_flagged"):
        assert metrics[name]["score"] == 1.0, name


def test_topic_found_inside_a_paragraph_cut_differently():
    # The gold names a reader's paragraph; the pipeline cut the text into one
    # unit: the unit that contains the gold opening is scored.
    text = "同志们：今天开会。一、抓好安全生产，开展隐患排查。二、做好防汛工作。"
    annotated = {"text": text, "slogans": [], "lists": [],
                 "paragraphs": [{"start": 0, "end": len(text), "topic": {"label": "governance_security"}}]}
    gold = {"document": "x", "topics": {"一、抓好安全生产": "governance_security",
                                        "二、做好防汛": "governance_security",
                                        "不在文中": "general"}}
    report = evaluate(gold, annotated)
    assert report["metrics"]["topic_accuracy"]["correct"] == 2
    assert report["metrics"]["topic_accuracy"]["total"] == 2
    assert report["errors"]["topics_not_found"] == [("不在文中", "general")]


def test_macro_f1_and_many_documents_show_the_average_only():
    from policy_nlp.apps.evaluation import macro_f1
    assert macro_f1([("a", "a"), ("b", "a")]) == (2 / 3 + 0) / 2
    assert macro_f1([]) is None
    table = format_report(evaluate_many([(GOLD, annotation())] * 9))
    assert table.splitlines()[0].split() == ["metric", "all"]


# The development parts of the local gold (never the blind one): every annotation is a string of
# its excerpt, and the pipeline keeps the pattern figures reached on them (a floor a little under
# today's, so that a rule that breaks local speech fails here rather than in a user's table).
LOCAL_DEV_PARTS = ("dev", "dev_patterns", "dev_patterns2", "dev_patterns3", "dev_patterns4", "dev_patterns5")
LOCAL_FLOORS = {"numbered_recall": 0.91, "numbered_precision": 0.95, "members_exact": 0.87,
                "quoted_recall": 0.80, "list_match": 0.90, "list_parent": 0.97, "claim_number": 0.97}
# The provincial-style development gold (three Shandong policy documents, gold_provincial/dev/README.md):
# the figures measured as floors; first on 2026-12-03 (8/11 formulations, 8/9 tagged, 40/42 quoted,
# 27/31 lists, 29/29 claims; topics 83/143, floored a little under), then after the seventeenth
# session: 9/11, 9/9 (recall7), members 3/5 (members7, recall7, members8), quoted 42/42 (quoted7),
# lists, parents and claims 31/31 (lists9); topics 92/143 with the policy-document prior (topics7),
# floored at 0.60: the seed of the training sample alone moves it between 76 and 92.
PROVINCIAL_FLOORS = {"numbered_recall": 0.81, "numbered_precision": 1.0, "members_exact": 0.6, "quoted_recall": 1.0,
                     "list_match": 1.0, "list_precision": 1.0, "list_parent": 1.0, "claim_number": 1.0,
                     "topic_accuracy": 0.60}


def _local_dev_golds():
    shared_path("corpora", "local_speeches", "excerpts.jsonl")         # skips without ../shared
    folder = ROOT / "tests" / "fixtures" / "gold_local"
    return [load_gold(path) for part in LOCAL_DEV_PARTS for path in sorted((folder / part).glob("*.json"))]


def _provincial_dev_golds():
    shared_path("corpora", "policy_docs", "policy_documents.jsonl")    # skips without ../shared
    folder = ROOT / "tests" / "fixtures" / "gold_provincial" / "dev"
    return [load_gold(path) for path in sorted(folder.glob("*.json"))]


@pytest.mark.parametrize("golds", [_local_dev_golds, _provincial_dev_golds])
def test_development_gold_strings_occur_in_their_documents(golds):
    from policy_nlp.stages.cleaning import clean_text
    for gold in golds():
        raw = gold_text(gold)
        text = raw + "\n" + clean_text(raw).text       # a few are written as they read once cleaned
        strings = [n["text"] for n in gold["numbered"]] + [m for n in gold["numbered"]
                                                          for m in n.get("members") or []]
        strings += list(gold.get("quoted", [])) + [l["first_prefix"] for l in gold["lists"]]
        missing = [s for s in strings if s.replace("“", "").replace("”", "") not in
                   text.replace("“", "").replace("”", "")]
        assert not missing, (gold["path"], missing)


def test_local_development_gold_figures_hold():
    report = evaluate_many(evaluation_pairs(_local_dev_golds()))
    names = {name: report["metrics"][name] for name in LOCAL_FLOORS}
    assert report["metrics"]["numbered_recall"]["total"] >= 200
    for name, floor in LOCAL_FLOORS.items():
        assert names[name]["score"] >= floor, (name, names[name])


def test_provincial_development_gold_figures_hold():
    report = evaluate_many(evaluation_pairs(_provincial_dev_golds()))
    assert len(report["documents"]) == 3
    assert report["metrics"]["numbered_recall"]["total"] == 11
    for name, floor in PROVINCIAL_FLOORS.items():
        assert report["metrics"][name]["score"] >= floor, (name, report["metrics"][name])


def test_a_gold_term_printed_only_in_the_title_is_found():
    """local dev-0216: the programme “民意快線” is named only in the title, which
    cleaning moves out of the text; its gold (Traditional, as written) is found
    among meta.title_slogans, through the Simplified copies of both."""
    title = "區群眾工作“民意快線”工程第二批民生問題集中調度會主持詞"
    gold = {"document": "dev-0216", "numbered": [], "quoted": ["民意快線"], "not_slogans": [], "lists": []}
    annotated = {"text": "今天会议议程共有三项。", "slogans": [], "lists": [], "paragraphs": [],
                 "meta": {"title": title, "converted": {"from": "traditional", "changed": 1, "chars": [[0, "會"]]},
                          "title_slogans": [{"start": 6, "end": 10, "text": "民意快線", "kind": "quoted",
                                             "number": None, "members": [], "count_matches": None,
                                             "source": "quotes"}]}}
    assert evaluate(gold, annotated)["metrics"]["quoted_recall"]["correct"] == 1
    annotated["meta"].pop("title_slogans")
    assert evaluate(gold, annotated)["errors"]["quoted_missed"] == ["民意快线"]
