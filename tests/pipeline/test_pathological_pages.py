"""Pathological pages of a batch: a development sentence repeated into a page of a shape that
once stalled or crashed a stage (benchmarks/pathological.py times them). Each page is annotated
whole, its output is the one the shape calls for, and the invariants hold: every span's text is
``text[start:end]``, and the removed records with the kept text give the input back. No time is
asserted: before the fixes these pages took minutes or raised, now they pass."""

import pytest

import policy_nlp
from policy_nlp.io.output import doc_to_dict
from policy_nlp.stages.normalize import normalize
from conftest import local_excerpt

# a sentence of the 1993-2003 reports (national corpus), quotations parted by 、
_QUOTED = "我们坚决反对任何人制造所谓“两个中国”、“一中一台”、“一个中国两个政府”、“台湾独立”的阴谋。"
_PAIR = "“两个中国”、“一中一台”、"


@pytest.fixture(scope="module")
def nlp():
    return policy_nlp.load()


def _checked(nlp, raw):
    """The annotation of ``raw`` as a dict, once its invariants hold."""
    out = doc_to_dict(policy_nlp.annotate(raw, nlp))
    text, normalized = out["text"], normalize(raw)[0]
    for slogan in out["slogans"]:
        assert text[slogan["start"]:slogan["end"]] == slogan["text"]
        for member in slogan["members"] or []:
            assert text[member["start"]:member["end"]] == member["text"]
    for item in (item for found in out["lists"] for item in found["items"]):
        assert text[item["start"]:item["end"]] == item["text"]
    removed = out["meta"].get("removed", [])
    for record in removed:  # nothing lost: each removal is the input's, and with the body they are all of it
        assert normalized[record["start"]:record["end"]] == record["text"]
    assert len(text) + sum(len(r["text"]) for r in removed) == len(normalized)
    return out


def test_a_line_of_salutations_before_a_meeting_opening(nlp):
    # dev-0183's opening after 3,000 salutations on the same line (exponential before: the
    # meeting-opening pattern tried every way of cutting them into pieces)
    opening = next(line for line in local_excerpt("dev-0183").split("\n") if line.startswith("同志们:今天"))
    out = _checked(nlp, "同志们：" * 3000 + opening)
    assert out["text"].endswith(opening) and out["meta"]["salutation"] == "同志们"


def test_a_speech_title_printed_two_thousand_times_on_one_line(nlp):
    # dev-0170's glossed title (在全區(qū)重點(diǎn)…講話) glued to itself 2,000 times before the body: a
    # RecursionError before (a call per copy), now one title block, glosses and all
    title = local_excerpt("dev-0170").split("\n")[0].replace(".docx", "")
    out = _checked(nlp, title * 2000 + "\n同志們：\n今天開會。")
    assert out["meta"]["title"] == "在全区重点项目推进会上的讲话"
    assert [r["reason"] for r in out["meta"]["removed"]] == ["title block"]
    assert out["text"] == "同志们：\n今天开会。"


def test_a_page_of_glossed_lines(nlp):
    # the same title on 2,000 lines: the head's copies go as the title block, the five glosses
    # of each line kept go as records of their own (quadratic before: 16 s for 7,500 glosses)
    title = local_excerpt("dev-0170").split("\n")[0].replace(".docx", "")
    out = _checked(nlp, "\n".join([title] * 2000) + "\n同志們：\n今天開會。")
    reasons = [r["reason"] for r in out["meta"]["removed"]]
    kept = out["text"].count("在全区重点项目推进会上的讲话\n")
    assert set(reasons) == {"title block", "pinyin gloss"} and kept > 1000
    assert reasons.count("pinyin gloss") == 5 * kept and "(" not in out["text"]


def test_a_run_of_two_thousand_quotations(nlp):
    # a run of quotations far longer than _RUN_MAX: each quotation still a formulation
    out = _checked(nlp, _QUOTED.replace(_PAIR, _PAIR * 1000))
    found = [s["text"] for s in out["slogans"]]
    assert found.count("两个中国") == found.count("一中一台") == 1000
    assert "一个中国两个政府" in found and "台湾独立" in found


@pytest.mark.parametrize("quoted", [True, False])
def test_a_page_of_numbered_formulations(nlp, quoted):
    # a clause of the 2025 report 2,000 times on one line (a formulation every 9 characters), quoted
    # and as a copy without its quote marks gives: each found as in the clause alone
    clause = "增强“四个意识”、坚定“四个自信”、做到“两个维护”，"
    clause = clause if quoted else clause.replace("“", "").replace("”", "")
    out = _checked(nlp, clause * 2000)
    found = [(s["text"], s["number"]) for s in out["slogans"]]
    assert len(found) == 6000
    assert found.count(("四个意识", 4)) == found.count(("四个自信", 4)) == found.count(("两个维护", 2)) == 2000
