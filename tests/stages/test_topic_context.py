"""Topics in context: the document prior, the title, the neighbours, bridges."""

import pytest

from policy_nlp.stages.topic_context import contextualize, find_title, title_topic


def _result(**scores):
    best = max(scores, key=scores.get)
    return {"label": best, "score": scores[best], "scores": scores}


EXHORTATION = ("各单位要切实提高认识，把思想统一到县委县政府的决策部署上来，"
               "以更加扎实的作风、更加有力的措施抓好各项工作落实。")


def test_title_names_the_area_of_an_exhortative_paragraph():
    results = [_result(governance_security=0.3, general=0.6, economy=0.05, culture=0.05)]
    out = contextualize(results, [EXHORTATION], title="在全县防汛抗旱工作会议上的讲话")
    assert out[0]["label"] == "governance_security"
    assert out[0]["own"] == results[0]["scores"]       # the paragraph's own evidence is kept
    alone = contextualize(results, [EXHORTATION], title=None, neighbour_weight=0, prior_weight=0)
    assert alone[0]["label"] == "general"


def test_bridges_and_short_lines_keep_their_own_label():
    results = [_result(general=0.6, governance_security=0.4), _result(governance_security=0.9, general=0.1)]
    texts = ["同志们：下面我讲三点意见。", "要全面开展安全隐患排查整治，层层压实安全生产责任，对重点企业和重点部位逐一检查，坚决遏制重特大事故发生。"]
    out = contextualize(results, texts, title="在全县安全生产工作会议上的讲话")
    assert out[0]["label"] == "general" and out[1]["label"] == "governance_security"


def test_strong_paragraph_evidence_beats_the_title():
    results = [_result(agriculture_rural=0.95, governance_security=0.05)]
    text = "今年全县粮食播种面积稳定在八十万亩以上，要抓好春耕备耕，落实种粮补贴，确保农民持续增收。"
    out = contextualize(results, [text], title="在全县安全生产工作会议上的讲话")
    assert out[0]["label"] == "agriculture_rural"


@pytest.mark.parametrize("title, label", [
    ("在全县卫生工作会议上的讲话", "social_welfare"),
    ("在全县科技工作会议上的讲话", "science_education"),
    ("在党的群众路线教育实践活动总结大会上的讲话", "party_government"),   # a false friend of 教育
    ("在全县招商引资工作推进会上的讲话", "economy"),
    ("在全县干部大会上的讲话", None),
])
def test_title_topic(title, label):
    assert title_topic(title) == label


def test_find_title_prefers_metadata_then_a_title_line():
    assert find_title(["同志们："], {"occasion": "防汛工作会议"}) == "防汛工作会议"
    assert find_title(["镇长在镇经济工作会议上的讲话", "同志们："]) == "镇长在镇经济工作会议上的讲话"
    assert find_title(["今年以来，全县经济运行平稳。"]) is None


def test_long_paragraphs_pay_a_penalty_on_general_short_ones_do_not():
    scores = dict(general=0.5, agriculture_rural=0.35, economy=0.1, culture=0.05)
    long_text = ("要持续抓好高标准农田建设，加快发展特色种养业，完善联农带农机制，"
                 "让更多农民分享产业增值收益，推动村集体经济不断发展壮大，确保脱贫群众收入稳定增长。")
    assert len(long_text) >= 80 or len(long_text * 2) >= 80
    long_text = long_text * 2
    out = contextualize([_result(**scores)], [long_text], general_penalty=0.5, prior_weight=0,
                        neighbour_weight=0)
    assert out[0]["label"] == "agriculture_rural"
    short = contextualize([_result(**scores)], ["要加快发展特色种养业，完善联农带农机制，促进农民增收。"],
                          general_penalty=0.5, prior_weight=0, neighbour_weight=0)
    assert short[0]["label"] == "general"
