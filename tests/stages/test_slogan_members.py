"""Tests of policy_nlp.stages.slogans.members: the members a text spells out
for a numbered formulation (real sentences from the development corpora, and
counter-examples)."""

from policy_nlp.stages.slogans import find_slogans


def members_of(text, name):
    """The member texts of the first formulation ``name`` found in ``text``."""
    for s in find_slogans(text):
        if s["text"] == name:
            for m in s["members"]:
                assert text[m["start"]:m["end"]] == m["text"]
            return [m["text"] for m in s["members"]]
    raise AssertionError(f"{name} not found")


def test_a_doubled_conjunction_splits_at_its_first_character():
    # gwr 1954: 平等互利和和平共处 (the second 和 opens 和平)
    text = "一致确认，互相尊重领土主权、互不侵犯、互不干涉内政、平等互利和和平共处的五项原则应当成为指导。"
    assert members_of(text, "五项原则") == ["互相尊重领土主权", "互不侵犯", "互不干涉内政",
                                          "平等互利", "和平共处"]


def test_a_quoted_sibling_formulation_is_no_run_of_abbreviations():
    # local dev-0127: “两筛”“两癌” are two formulations, not 两 and 筛
    text = "会议宣读了《关于表扬2022年度“两筛”“两癌”民生实事工作先进单位的通报》。"
    assert members_of(text, "两癌") == []
    # a run of single characters is still read (local dev-0115)
    text = "对某化工企业储罐区落地实施“红橙黄蓝”四色预警,建立镇企两级24小时值班响应机制。"
    assert members_of(text, "四色预警") == ["红", "橙", "黄", "蓝"]


def test_verbs_joined_before_a_formulation_are_no_members():
    # gwr 2018 and 2008: the verbs govern the formulation
    assert members_of("倡导和推动共建“一带一路”，发起创办亚投行。", "一带一路") == []
    text = "加强农村现代市场流通体系建设，壮大和提升农村二三产业，发展乡镇企业。"
    assert members_of(text, "二三产业") == []
    # nouns joined by 和 stay members (gwr 2019)
    text = "更好利用国际国内两个市场，我们要统筹国内和国际两个大局。"
    assert members_of(text, "两个大局") == ["国内", "国际"]


def test_the_predicate_after_a_subject_list_is_no_part_of_its_last_member():
    # gwr 1992, 2008: a copula before 的, a verb of result right before the formulation
    text = "和平与发展仍然是当今世界面临的两大主题，还需要各国人民继续努力。"
    assert members_of(text, "两大主题") == ["和平", "发展"]
    text = "化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14％和4.66％。"
    assert members_of(text, "双下降") == ["化学需氧量", "二氧化硫排放总量"]
    # 还是 is no copula; a name ending in 都 keeps it
    text = "南京、成都两大城市的发展"
    assert members_of(text, "两大城市") == ["南京", "成都"]
