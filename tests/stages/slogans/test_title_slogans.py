"""Tests of policy_nlp.stages.slogans.title: a document's title read for its
formulations and quoted terms (meta.title_slogans), on real titles of the
development corpora; the pipeline writes them beside the title."""

import pytest

import policy_nlp
from policy_nlp.io.output import doc_to_dict, validate
from policy_nlp.stages.lexicon import default_lexicon
from policy_nlp.stages.slogans import find_title_slogans

from conftest import local_excerpt


def found(title, **kwargs):
    return [(s["text"], s["kind"], s["number"]) for s in find_title_slogans(title, default_lexicon(), **kwargs)]


@pytest.mark.parametrize("title, expected", [
    # local speeches dev-0195 (Traditional: read in its Simplified copy), dev-0220, dev-0088
    ("我縣召開“三秋”生產工作會議", [("三秋", "numbered", 3)]),
    ("在全鎮第三季度食品安全“兩個責任”包保督導工作推進會上的講話", [("兩個責任", "numbered", 2)]),
    ("某县委书记在2024年全县河湖长制工作会议上的讲话", [("湖长制", "quoted", None)]),
    # policy documents central-61, shandong-2; Xi speeches all_data:32, all_data:49
    ("“十四五”智能制造发展规划", [("十四五", "numbered", None)]),
    ("山东省“十三五”科技创新规划", [("十三五", "numbered", None)]),
    ("在“不忘初心、牢记使命”主题教育总结大会上的讲话", [("不忘初心、牢记使命", "quoted", None)]),
    ("弘扬“上海精神” 深化团结协作 构建更加紧密的命运共同体——在上海合作组织成员国元首理事会第二十次会议上的讲话",
     [("上海精神", "quoted", None)]),
])
def test_the_terms_of_real_titles(title, expected):
    traditional = title.startswith(("我縣", "在全鎮"))
    assert found(title, traditional=traditional) == expected


@pytest.mark.parametrize("title", [
    "乡镇长在重点工作会上的讲话汇编-13篇(第3/4页)",            # dev-0190: a count of pages and speeches
    "鎮村民代表大會講話(精選5篇)",                              # dev-0182
    "关于《政府工作报告》的几点说明",                            # dev-0107: a title quoted, 几点
    "2004年法庫縣政府工作報告",                                  # dev-0105
    "第十四届全国人民代表大会第三次会议关于政府工作报告的决议",    # national, an ordinal of sessions
    "海安12屆縣委常委會第57次會議",                              # dev-0185
])
def test_titles_without_terms(title):
    assert found(title, traditional=any(c in title for c in "屆縣會講報")) == []


def test_a_traditional_title_keeps_its_own_characters():
    """dev-0216: the document is read in a Simplified copy, and so is its title,
    but the record's text is the title's own: title[start:end] == text."""
    title = "區群眾工作“民意快線”工程第二批民生問題集中調度會主持詞"
    (slogan,) = find_title_slogans(title, default_lexicon(), traditional=True)
    assert slogan["text"] == title[slogan["start"]:slogan["end"]] == "民意快線"
    assert find_title_slogans(None) == find_title_slogans("  ") == []


def test_the_pipeline_writes_the_title_s_slogans_beside_the_title():
    """dev-0216 through the pipeline: cleaning moves the title block out of the
    text, the slogans stage reads it, and the offsets index meta.title."""
    nlp = policy_nlp.load(segmenter="fast")
    data = doc_to_dict(policy_nlp.annotate(local_excerpt("dev-0216"), nlp, id="dev-0216"))
    meta = data["meta"]
    assert meta["script"] == "traditional" and "民意快" not in data["text"]
    # (cleaning reads the title in the Simplified copy; a title given with the input keeps its script)
    assert [(s["text"], meta["title"][s["start"]:s["end"]]) for s in meta["title_slogans"]] \
        == [("民意快线", "民意快线")]
    validate(data)
    bad = {**data, "meta": {**meta, "title_slogans": [{**meta["title_slogans"][0], "start": 0}]}}
    with pytest.raises(ValueError, match="does not match the title"):
        validate(bad)


def test_a_title_without_terms_adds_no_field():
    nlp = policy_nlp.load(segmenter="fast", stages=["paragraphs", "slogans"])
    doc = policy_nlp.annotate("在全县安全生产专项整治工作会议上讲话\n\n同志们：\n今天开会。", nlp, id="x")
    assert doc._.meta["title"] == "在全县安全生产专项整治工作会议上讲话" and "title_slogans" not in doc._.meta
