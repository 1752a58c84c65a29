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


# Openings of local speeches (local_speeches development corpus, not the gold).
OPENINGS = [
    "今天,我们召开这次大会,主要任务是深入学习贯彻总书记视察我省时的重要讲话精神,全面落实党中央和省委的决策部署,"
    "动员全市上下以更高站位、更大力度、更实举措,全面优化营商环境。",
    "大家好!今天,我们在这里召开某某县森林草原防灭火工作会议,主要任务是深入贯彻习近平总书记关于森林草原防灭火工作的"
    "重要论述精神,分析当前我县森林草原防灭火面临的形势,指出存在的问题。",
    "同志们:这次创建省级文明城市动员大会,是市委、市政府在充分酝酿的基础上召开的一次十分重要的会议。会议的主要任务是,"
    "对照明年建成省级文明城市的创建目标,动员全市上下进一步统一思想,明确任务,落实责任。",
]


@pytest.mark.parametrize("text", OPENINGS)
def test_a_meeting_opening_is_a_bridge_that_keeps_its_own_label(text):
    from policy_nlp.stages.topic_context import is_meeting_opening
    assert is_meeting_opening(text)
    results = [_result(general=0.55, governance_security=0.25, economy=0.1, culture=0.1)]
    out = contextualize(results, [text], title="在全县安全生产工作会议上的讲话",
                        document={"governance_security": 0.9, "general": 0.1}, document_weight=1.0)
    assert out[0] is results[0]     # neither the title, the document nor the penalty moved it


def test_a_campaign_meeting_is_a_meeting_word():
    from policy_nlp.stages.topic_context import is_meeting_opening
    assert is_meeting_opening("同志们：今天，我们召集大家在这里开个全县招商引资推进会。")
    assert is_meeting_opening("这次秋防动员大会，主要任务是部署今冬明春的森林防火工作。")


def test_a_substantive_paragraph_is_not_a_meeting_opening():
    from policy_nlp.stages.topic_context import is_meeting_opening
    body = ("今年以来,全县森林草原防灭火形势总体平稳,但火险等级高、野外用火管控难,"
            "各乡镇要落实网格化管护责任,严防死守,坚决遏制重特大森林火灾发生。")
    assert not is_meeting_opening(body)
    assert not is_meeting_opening(EXHORTATION)


def test_the_document_prior_pulls_an_undecided_paragraph_to_what_the_document_is_about():
    scores = dict(general=0.4, agriculture_rural=0.35, economy=0.15, culture=0.1)
    text = EXHORTATION * 2
    alone = contextualize([_result(**scores)], [text], general_penalty=0, neighbour_weight=0)
    assert alone[0]["label"] == "general"
    farm = {"agriculture_rural": 0.8, "general": 0.1, "economy": 0.05, "culture": 0.05}
    out = contextualize([_result(**scores)], [text], general_penalty=0, neighbour_weight=0,
                        document=farm, document_weight=0.5)
    assert out[0]["label"] == "agriculture_rural"
    assert out[0]["own"] == scores


def test_classify_paragraphs_weighs_the_whole_document(monkeypatch):
    """The pipeline's path: with a document weight, the whole document's scores reach the context."""
    from policy_nlp.stages import topic_context
    from policy_nlp.stages.topics import classify_paragraphs, default_model, document_scores
    model = default_model()
    paragraphs = ["同志们:", OPENINGS[1], "要严格野外火源管控,加强重点时段巡山护林,落实森林防火责任,确保不发生重特大森林火灾。"]
    seen = {}
    real = topic_context.contextualize

    def spy(results, texts, **kwargs):
        seen.update(kwargs)
        return real(results, texts, **kwargs)
    monkeypatch.setattr(topic_context, "contextualize", spy)
    monkeypatch.setattr(topic_context, "DOCUMENT_WEIGHT", 0.25)
    classify_paragraphs(model, paragraphs)
    expected = document_scores(model, paragraphs)
    assert seen["document"] == expected and abs(sum(expected.values()) - 1) < 1e-6
    monkeypatch.setattr(topic_context, "DOCUMENT_WEIGHT", 0.0)
    classify_paragraphs(model, paragraphs)
    assert seen["document"] is None


def test_a_notices_transmittal_is_a_bridge_that_keeps_its_own_label():
    from policy_nlp.stages.topic_context import is_transmittal
    # local dev-0152: the city's notice forwarding its employment measures
    text = ("《关于进一步做好新形势下创业就业工作的实施意见》已经市政府第43次常务会议讨论通过,"
            "现印发给你们,请结合实际,认真贯彻落实。")
    assert is_transmittal(text)
    results = [_result(general=0.55, social_welfare=0.45)]
    out = contextualize(results, [text], title="苏州市政府印发关于进一步做好新形势下创业就业工作的实施意见的通知")
    assert out[0]["label"] == "general"
    # the same evidence in another paragraph is pulled to the area the title names
    other = contextualize(results, [EXHORTATION], title="苏州市政府印发关于进一步做好新形势下创业就业工作的实施意见的通知")
    assert other[0]["label"] == "social_welfare"
    # a paragraph that only mentions issuing something later on is no transmittal
    assert not is_transmittal("要抓好就业政策落实。各地要结合实际制定办法，按程序印发给你们所属单位执行。")
