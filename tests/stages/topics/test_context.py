"""Topics in context: the document prior, the title, the neighbours, bridges."""

import pytest

from pathlib import Path

from policy_nlp.stages.topics.context import contextualize, find_title, is_meeting_opening, title_topic
from conftest import local_excerpt

SHARED = Path(__file__).resolve().parents[4] / "shared" / "corpora"


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


# Titles of the local speech development corpus (dev-0117, dev-0118, dev-0121,
# dev-0227, dev-0233, dev-0119): tourism is an industry in the
# codebook, defence is general (the coders label every unit of the
# conscription meetings general); a culture meeting without tourism stays culture.
@pytest.mark.parametrize("title, label", [
    ("在XX自治县2026年文化旅游发展大会上的讲话(精品)", "industry"),   # not culture for 文化
    ("县委书记在旅发会上的发言稿", "industry"),
    ("市长在乡村旅游发展会上的发言(通用4篇)", "industry"),
    ("在全镇征兵工作会议上的讲话", "general"),
    ("在全县征兵工作会议上的讲话", "general"),
    ("在首届杏花文化艺术节开幕式上的讲话", "culture"),
    ("在全县安全生产工作会议上的讲话", "governance_security"),
])
def test_title_topic_tourism_is_industry_defence_is_general(title, label):
    assert title_topic(title) == label


def test_a_defence_title_pulls_towards_general():
    results = [_result(governance_security=0.45, general=0.4, economy=0.1, culture=0.05)]
    text = ("一、要认清形势,增强抓好征兵工作的责任感和紧迫感。征兵工作是国防和军队建设中一项带有全局性、"
            "基础性的工作,是一项严肃的ZZ任务。")   # dev-0227
    out = contextualize(results, [text], title="在全镇征兵工作会议上的讲话")
    assert out[0]["label"] == "general"


# Titles of Xi's 2020 speeches (xi_speeches_2020: 2020-11-18, 11-13, 11-22, 11-11): a head-of-state
# summit is foreign affairs, general in the codebook, whatever its slogan names (共克疫情); a trade
# fair or a business dialogue (11-20, 11-28) names no area, and a domestic commendation meeting on
# the epidemic (10-15) keeps social_welfare.
@pytest.mark.parametrize("title, label", [
    ("守望相助共克疫情 携手同心推进合作——在金砖国家领导人第十二次会晤上的讲话", "general"),
    ("共抗疫情，共促复苏，共谋和平——在第三届巴黎和平论坛的致辞", "general"),
    ("勠力战疫 共创未来——在二十国集团领导人第十五次峰会第一阶段会议上的讲话", "general"),
    ("弘扬“上海精神” 深化团结协作 构建更加紧密的命运共同体——在上海合作组织成员国元首理事会第二十次会议上的讲话",
     "general"),
    ("构建新发展格局 实现互利共赢——在亚太经合组织工商领导人对话会上的主旨演讲", None),
    ("在第十七届中国—东盟博览会和中国—东盟商务与投资峰会开幕式上的致辞", None),
    ("在全国抗击新冠肺炎疫情表彰大会上的讲话", "social_welfare"),
])
def test_title_topic_a_summit_is_foreign_affairs(title, label):
    assert title_topic(title) == label


def test_a_summit_title_does_not_pull_its_paragraphs_to_the_epidemic():
    # xi 2020-11-18 (BRICS), its second paragraph: multilateralism, nothing on health
    text = ("面对多边和单边、公道和霸道之争，金砖国家要坚定维护国际公平正义，高举多边主义旗帜，捍卫联合国宪章"
            "宗旨和原则，维护以联合国为核心的国际体系，维护以国际法为基础的国际秩序。")
    results = [_result(social_welfare=0.4, general=0.45, economy=0.1, culture=0.05)]
    title = "守望相助共克疫情 携手同心推进合作——在金砖国家领导人第十二次会晤上的讲话"
    assert contextualize(results, [text], title=title)[0]["label"] == "general"


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
    from policy_nlp.stages.topics.context import is_meeting_opening
    assert is_meeting_opening(text)
    results = [_result(general=0.55, governance_security=0.25, economy=0.1, culture=0.1)]
    out = contextualize(results, [text], title="在全县安全生产工作会议上的讲话",
                        document={"governance_security": 0.9, "general": 0.1}, document_weight=1.0)
    assert out[0] is results[0]     # neither the title, the document nor the penalty moved it


def test_a_campaign_meeting_is_a_meeting_word():
    from policy_nlp.stages.topics.context import is_meeting_opening
    assert is_meeting_opening("同志们：今天，我们召集大家在这里开个全县招商引资推进会。")
    assert is_meeting_opening("这次秋防动员大会，主要任务是部署今冬明春的森林防火工作。")


def test_a_substantive_paragraph_is_not_a_meeting_opening():
    from policy_nlp.stages.topics.context import is_meeting_opening
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
    from policy_nlp.stages.topics import context as topic_context
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
    from policy_nlp.stages.topics.context import is_transmittal
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


# A news report of a meeting (local speech excerpts dev-0015, dev-0074, dev-0247).
NEWS_0015 = ["3月16日,城东区召开区委农村工作会议。区委书记刘波出席会议并讲话。会议强调,“三农”工作关系民生福祉,"
             "是全党工作的重中之重,关键之要。",
             "区委副书记、区政府区长韩俊良主持会议,区委副书记宋维民传达学习了中央和省市委农村工作会议精神。"
             "区四大班子相关领导,区委各部门、区直各单位及韵家口镇、各涉农街道办事处主要负责同志参加会议。"]
NEWS_0074_BODY = ["会议指出,近年来,全区上下突出抓重点、破难点、创亮点,宣传思想工作不断取得新进步。",
                  "会议强调,要坚持举旗帜、树导向,提升宣传思想工作定位追求。"]
NEWS_0247 = ["乐平市召开甲型H1N1流感疫情防控工作调度会",
             "9月16日,市召集各乡镇、教育、卫生等部门负责人召开防控调度会议、交流防控经验,对下阶段工作进行布置。"
             "市委常委、常务副市长孙艳峰,副市长王细妹出席调度会并讲话。",
             "孙艳峰就如何做好当前甲型H1N1流感防控工作要求,各单位、各部门要做到“三不”;车是不迟顿。现在适逢夏秋季节交替,"
             "国庆、中秋两节将要来临,疫情容易扩散,防控工作要当机立断,反应迅速,主动预防。"]


@pytest.mark.parametrize("texts", [NEWS_0015, NEWS_0074_BODY, NEWS_0247])
def test_news_reports_of_meetings_are_found(texts):
    from policy_nlp.stages.topics.context import is_news_report
    assert is_news_report(texts)


@pytest.mark.parametrize("texts", [
    # a speech (dev-0041) that recounts a meeting by its date: the salutation is the speaker's voice
    ["同志们:", "9月14日,我们收看收听了全省、x市秋季森林草原防灭火工作电视电话会议,对当前森林草原防灭火工作形势进行了深刻分析,"
                "并作出了工作部署。"],
    # Xi's speech (2020-09-23) in the first person
    ["我多次强调，要坚定文化自信，推动中华优秀传统文化创造性转化、创新性发展，继承革命文化，发展社会主义先进文化。"],
    # the 1964 work report's summary: reported speech alone, no meeting in the third person
    ["周恩来总理在报告中首先指出，从第二届全国人民代表大会第一次会议以来，我国各族人民，在中国共产党的英明领导下，高举毛泽东思想。",
     "周总理在讲到国民经济的成就的时候指出，我国的国民经济，经过一九五八年到一九六○年的大发展，从一九六一年起，进入一个调整时期。"],
])
def test_speeches_and_reports_are_not_news_reports(texts):
    from policy_nlp.stages.topics.context import is_news_report
    assert not is_news_report(texts)


def test_a_news_report_has_no_title_among_its_paragraphs_but_keeps_a_given_one():
    assert find_title(["会上,街道党工委书记陈晨传达区疫情防控小组会议精神,重点传达区领导讲话精神。"]) is not None
    assert find_title(NEWS_0247) is None
    assert find_title(NEWS_0247, {"occasion": "甲型H1N1流感疫情防控工作调度会"}) == "甲型H1N1流感疫情防控工作调度会"


def test_a_news_report_penalises_general_more_and_its_lead_is_a_bridge():
    from policy_nlp.stages.topics.context import NEWS_GENERAL_PENALTY, news_weights
    assert news_weights(NEWS_0247) == {"general_penalty": NEWS_GENERAL_PENALTY, "news": True}
    assert news_weights(["同志们:", EXHORTATION]) == {}
    results = [None, _result(general=0.6, social_welfare=0.35, economy=0.05),
               _result(general=0.6, social_welfare=0.35, economy=0.05)]
    out = contextualize(results, NEWS_0247, title=None, **news_weights(NEWS_0247))
    assert out[1]["label"] == "general"             # the lead keeps its own result
    assert out[2]["label"] == "social_welfare"      # a reported paragraph loses general's edge
    plain = contextualize(results, NEWS_0247, title=None)
    assert plain[2]["label"] == "general"


def test_classify_paragraphs_gives_a_news_report_its_weights(monkeypatch):
    """The pipeline's path: a news report reaches the context with the news weights, a speech without."""
    from policy_nlp.stages.topics import context as topic_context
    from policy_nlp.stages.topics import classify_paragraphs, default_model
    seen = []
    real = topic_context.contextualize

    def spy(results, texts, **kwargs):
        seen.append(kwargs)
        return real(results, texts, **kwargs)
    monkeypatch.setattr(topic_context, "contextualize", spy)
    classify_paragraphs(default_model(), NEWS_0247)
    classify_paragraphs(default_model(), ["同志们:", EXHORTATION])
    assert seen[0]["news"] and seen[0]["general_penalty"] == topic_context.NEWS_GENERAL_PENALTY
    assert "news" not in seen[1] and "general_penalty" not in seen[1]


def test_a_news_lead_is_read_through_the_public_function_by_the_benchmark():
    # benchmarks/topic_cv.py read topic_context's private _LEAD and _HEADLINE
    from pathlib import Path
    from policy_nlp.stages.topics.context import is_news_lead
    assert is_news_lead(NEWS_0015[0]) and is_news_lead(NEWS_0247[0])
    assert not is_news_lead(NEWS_0247[0], headline=False)
    assert not is_news_lead("同志们:")
    source = (Path(__file__).resolve().parents[3] / "benchmarks/topic_cv.py").read_text(encoding="utf-8")
    assert "topic_context._" not in source


@pytest.mark.parametrize("texts", [
    # local_speeches dev-0199 without its salutation line (excerpts often start after it): the
    # levels above held their meetings in turn
    ["近期,省委、省政府先后召开了省委xx届x次全会和省政府第x次全会暨上半年经济运行调度会议,对全省上半年工作作了全面总结,"
     "对下半年工作作了部署安排、提出明确要求。",
     "在省委xx届xx次全会上,xx书记对全省加快高质量发展作了系统阐述。",
     "下面,我就围绕加快高质量发展这个主题,讲三个方面意见:"],
    # Xi's speeches of 2020-09-20 and 2020-02-24, in the first person
    ["9月8日，我们在北京隆重召开表彰大会，颁授共和国勋章和国家荣誉称号奖章，表彰抗疫先进个人和先进集体。"],
    ["1月7日，我主持召开中央政治局常委会会议时，就对做好疫情防控工作提出了要求。"],
])
def test_a_speaker_recounting_meetings_is_no_news_lead(texts):
    from policy_nlp.stages.topics.context import is_news_lead, is_news_report
    assert not is_news_lead(texts[0]) and not is_news_report(texts)
    # counter-examples: a reporter's lead names the unit holding the meeting (dev-0071, dev-0136)
    assert is_news_lead("3月10日,我区召开宣传思想工作会议,学习贯彻全国和上海市宣传思想工作会议精神。")
    assert is_news_lead("8月29日上午,官桥镇魏楼村党支部召开专题组织生活会。")


def test_the_non_person_subjects_are_not_declared_twice():
    # 我们, 你们 (the first person), 总书记 and 习近平 (the leaders) were listed in non_person_subjects.txt
    # although _reported_speech tests them itself; 我 could never be a subject of two characters
    from policy_nlp.lang.words import words
    from policy_nlp.stages.topics import context as topic_context
    for word in words("non_person_subjects"):
        assert 2 <= len(word) <= 4, word
        assert not topic_context._FIRST_PERSON.search(word) and not topic_context._LEADERS.search(word), word
    assert not topic_context._reported_speech("我们要求，各地抓好春耕生产。")
    assert not topic_context._reported_speech("总书记强调，要坚持人民至上。")
    assert not topic_context._reported_speech("习近平指出，要坚持人民至上。")


def test_a_titled_speaker_stands_in_the_paragraphs_first_clause_whatever_its_commas():
    # local_speeches dev-0028 (a speech, ASCII commas): 待会,xx市长还要提要求 read as a mayor's reported
    # words, the title's prefix running over the ASCII comma; counter-example: a reported speaker in a
    # news report with ASCII commas (dev-0230)
    from policy_nlp.stages.topics.context import _reported_speech
    assert not _reported_speech("待会,xx市长还要提要求,大家要一并抓好落实。")
    assert _reported_speech("县委常委、县人武部部长、县征兵工作领导小组副组长王宏彬在安排工作中指出,全县度计划征集新兵50名。")


def test_a_speakers_discourse_marker_is_no_reported_speech():
    # local_speeches dev-0047 and dev-0084 (speeches): 可以说，… and 应该说，… are the speaker's own
    # words, not a person's reported; counter-example: a named speaker (dev-0202's 李文卿说)
    from policy_nlp.stages.topics.context import _reported_speech
    assert not _reported_speech("可以说,对招商引资工作的态度如何,直接决定着发展的快慢。")
    assert not _reported_speech("应该说,全国文明城市是目前各类城市评比中含金量最高的城市品牌。")
    assert not _reported_speech("总的来说,今年的工作成绩是主要的。")
    assert _reported_speech("李文卿说,既然在家种粮不能带给农民实惠,那镇里就千方百计鼓励农民走出去。")


def test_the_speaker_going_on_after_the_meeting_is_no_meeting_voice():
    # local_speeches dev-0025 (a speech): 会上,我们印发了… is the speaker's first person;
    # counter-example: a news report's 会上，… (dev-0237)
    from policy_nlp.stages.topics.context import _meeting_voice
    assert not _meeting_voice("会上,我们印发了《关于打造“真省心”政务服务品牌的实施意见》。")
    assert _meeting_voice("座谈会上,代区长郭志刚向出席座谈会的退休老干部通报了2010年全区经济社会发展情况。")
    assert _meeting_voice("会上,街道党工委书记陈晨传达区疫情防控小组会议精神。")


# Real leads of local news reports (dev-0015, dev-0067, dev-0140): the date both stages read
# (lang.numerals.NEWS_DATE), then the place of the event.
NEWS_LEADS = [("3月16日,城东区召开区委农村工作会议。", "城东区"),
              ("1月10日下午2点,城南街道召开疫情防控工作专题会议,传达贯彻落实海陵区疫情防控工作会议精神。", "城南街道"),
              ("3月14日下午,罗塘街道(科技园区)召开2019年度总结表彰暨机关作风建设大会,区委常委、宣传部部长、"
               "科技园区(罗塘街道)党工委书记薛金林出席并讲话。", "罗塘街道")]


@pytest.mark.parametrize("lead, place", NEWS_LEADS)
def test_one_news_date_for_the_lead_and_the_place_of_a_news_report(lead, place):
    from policy_nlp.lang.numerals import NEWS_DATE
    from policy_nlp.stages import places
    from policy_nlp.stages.topics import context as topic_context
    assert NEWS_DATE in topic_context._LEAD.pattern and NEWS_DATE in places._rules()["news"].pattern
    assert topic_context.is_news_lead(lead)
    assert places._news_place(lead)[1] == place


def test_a_speaker_recounting_a_dated_meeting_is_no_news_lead():
    from policy_nlp.stages import places
    from policy_nlp.stages.topics import context as topic_context
    recount = "9月8日，我们在北京隆重召开表彰大会"
    assert not topic_context.is_news_lead(recount) and places._news_place(recount) is None


# ---------------------------------------------------------------- policy documents

def test_a_policy_document_is_told_by_its_addressee_line_or_its_preamble():
    from policy_nlp.stages.topics.context import is_policy_document, policy_weights, POLICY_DOCUMENT_WEIGHT
    # policy_docs central-46: the addressee line of a Ministry of Science and Technology notice
    assert is_policy_document(["各省、自治区、直辖市及计划单列市科技厅（委、局），新疆生产建设兵团科技局：",
                               "为加快推动人工智能应用，助力稳经济，培育新的经济增长点，现启动支持建设新一代人工智能示范应用场景工作。"])
    # policy_docs central-48: the preamble announces the document
    preamble = ("为贯彻落实党中央、国务院关于推动人工智能发展的决策部署，统筹推进人工智能场景创新，"
                "着力解决人工智能重大应用和产业化问题，全面提升人工智能发展质量和水平，更好支撑高质量发展，"
                "按照《新一代人工智能发展规划》等要求，制定本指导意见。")
    assert is_policy_document([preamble, "一、总体要求"])
    assert policy_weights([preamble, "一、总体要求"])["document_weight"] == POLICY_DOCUMENT_WEIGHT
    # local dev-0152: a city's employment measures among the local speeches
    assert is_policy_document(["关于进一步做好新形势下创业就业工作的实施意见",
                               "各市、区人民政府,苏州工业园区、苏州高新区、太仓港口管委会;市各委办局,各直属单位:"])


def test_a_speech_is_no_policy_document():
    from policy_nlp.stages.topics.context import is_policy_document, policy_weights
    # a speech's salutation is no addressee line (各位 …), and a call to draw up local plans no preamble
    assert not is_policy_document(["各位领导、同志们：", "今天，我们召开全县工业经济工作会议。"])
    assert not is_policy_document(["同志们：", "各地要结合实际，制定本地区的实施方案，确保各项任务落到实处。"])
    # the preamble is looked for before the first sections only
    assert not is_policy_document(["二、重点任务"] * 6 + ["制定本方案。"])
    assert policy_weights(["同志们："]) == {}


@pytest.mark.skipif(not (SHARED / "policy_docs" / "policy_documents.jsonl").is_file(), reason="../shared absent")
def test_a_policy_document_takes_the_whole_document_prior():
    # policy_docs central-91 (digital empowerment of small firms): its measure （三）组织供需对接。建立中小企业
    # 数字化可信服务商… reads as culture alone, industry in its document (with the model of topics8; the
    # model before it read the safeguard （一）强化组织保障 as social_welfare alone, industry with the prior)
    import json
    from policy_nlp.stages.topics import classify_paragraphs, default_model
    from policy_nlp.stages.topics.context import is_policy_document
    with open(SHARED / "policy_docs" / "policy_documents.jsonl", encoding="utf-8") as f:
        record = next(r for r in map(json.loads, f) if r["id"] == "central-91")
    texts = [p.strip() for p in record["content_zh"].split("\n") if p.strip()]
    assert texts[18].startswith("（一）强化组织保障。各地中小企业主管部门") and texts[0].endswith("制定本方案。")
    in_document = classify_paragraphs(default_model(), texts)
    # the same paragraphs under a speech's salutation instead of the preamble: no document prior
    alone = classify_paragraphs(default_model(), ["同志们："] + texts[1:])
    assert is_policy_document(texts) and not is_policy_document(["同志们："] + texts[1:])
    assert texts[20].startswith("（三）组织供需对接。建立中小企业数字化可信服务商")
    assert (in_document[20]["label"], alone[20]["label"]) == ("industry", "culture")
    # (its safeguard （一）强化组织保障 went to industry with the prior alone; its purpose, 助力中小企业疫情防控、
    # 复工复产, now names social_welfare (policy_area), which takes it there: a miss of the purpose's area)


def test_a_policy_document_names_its_area_in_its_purpose():
    from policy_nlp.stages.topics.context import (document_purpose, policy_area, policy_weights,
                                                  POLICY_DOCUMENT_WEIGHT, POLICY_TITLE_WEIGHT)
    # policy_docs shandong-30 (provincial development gold): the preamble after the addressee line
    texts = ["各市工业和信息化局，各有关单位：",
             "大模型是全球科技竞争的新高地、未来产业的新赛道、经济发展的新引擎，为抢抓大模型产业发展战略机遇，"
             "加快培育新质生产力，赋能新型工业化，推动我省大模型产业高质量发展，制定本指导意见。", "一、总体要求"]
    assert document_purpose(texts).endswith("推动我省大模型产业高质量发展，")
    # the title table would take 科技 (科技竞争) first; the seed terms weigh every term
    assert policy_area(texts) == "industry"
    assert policy_weights(texts) == {"document_weight": POLICY_DOCUMENT_WEIGHT, "area": "industry",
                                     "title_weight": POLICY_TITLE_WEIGHT}
    # shandong-19: its title (found by cleaning) names 服务业, which the title table does not list
    title = "山东省服务业数字化转型行动方案（2021—2023）"
    purpose = ("为深入贯彻习近平新时代中国特色社会主义思想，全面落实习近平总书记关于网络强国、数字中国、智慧社会的重要论述，"
               "促进我省服务业数字化转型，加快推进服务业高质量发展，不断满足人民日益增长的美好生活需要，按照省委省政府部署安排，"
               "结合我省实际，制定本方案。")
    assert policy_area([purpose], title) == "industry"
    # a title the title table reads keeps its speech weight, and no purpose area (shandong-2)
    assert policy_weights([purpose], "山东省“十三五”科技创新规划") == {"document_weight": POLICY_DOCUMENT_WEIGHT}
    # a purpose with no specific term names nothing (shandong-1: 党的十八大 … 0.5)
    assert policy_area(["为贯彻落实党的十八大精神，根据省第十次党代会提出的建设“智慧山东”的战略部署，经省政府同意，"
                        "现就开展“智慧山东”试点工作提出如下意见："]) is None


@pytest.mark.skipif(not (SHARED / "policy_docs" / "policy_documents.jsonl").is_file(), reason="../shared absent")
def test_an_industry_plan_reads_its_tasks_as_industry():
    # policy_docs shandong-30 (gold: industry): 10.推动场景开放 and 11.加强供需对接 read as science_education
    # without the preamble that names the plan's area (the addressee line alone still opens the gate)
    import json
    from policy_nlp.stages.topics import classify_paragraphs, default_model
    with open(SHARED / "policy_docs" / "policy_documents.jsonl", encoding="utf-8") as f:
        record = next(r for r in map(json.loads, f) if r["id"] == "shandong-30")
    texts = [p.strip() for p in record["content_zh"].split("\n") if p.strip()]
    tasks = [i for i, t in enumerate(texts) if t.startswith(("10.推动场景开放", "11.加强供需对接"))]
    assert len(tasks) == 2 and texts[1].endswith("制定本指导意见。")
    with_purpose = classify_paragraphs(default_model(), texts)
    without = classify_paragraphs(default_model(), texts[:1] + texts[2:])
    assert [with_purpose[i]["label"] for i in tasks] == ["industry", "industry"]
    assert [without[i - 1]["label"] for i in tasks] == ["science_education", "science_education"]


def test_more_policy_document_openings_open_the_gate():
    from policy_nlp.stages.topics.context import is_policy_document
    # addressee lines: not only 各… (central-106), more heads (central-24: 总部), and glued to the preamble (central-21)
    assert is_policy_document(["上海市人民政府：", "《关于申请建设上海国家新一代人工智能创新发展试验区的函》收悉。"])
    assert is_policy_document(["各省、自治区、直辖市邮政管理局，中国邮政集团有限公司、各主要快递企业总部："])
    assert is_policy_document(["各省、自治区、直辖市及新疆生产建设兵团医疗保障局:为贯彻落实《医疗保障基金使用监督管理条例》"
                               "相关要求，全面建立智能监控制度。"])
    # the preamble announces the document in other words (central-55, shandong-14, shandong-52)
    assert is_policy_document(["为深入贯彻习近平总书记关于老龄工作的重要指示精神，深入开展“智慧助老”行动，"
                               "现就做好2022年“智慧助老”有关工作通知如下。"])
    assert is_policy_document(["为落实《济南国家新一代人工智能创新发展试验区建设方案》任务部署，以新一代人工智能发展赋能我市"
                               "新旧动能转换，打造人工智能科创高地，特制定本政策。"])
    assert is_policy_document(["为深入贯彻习近平总书记关于数字经济发展的重要论述，塑强数字经济高质量发展新优势，制定以下措施。"])
    # a regulation's first article (central-134) and a plan's frame heading (central-12)
    assert is_policy_document(["第一章 总 则", "第一条 为深入贯彻落实党的十九大精神，规范智能网联汽车道路测试管理，"
                               "依据《道路交通安全法》《公路法》等法律法规，制定本规范。"])
    assert is_policy_document(["一、总体要求", "坚持以习近平新时代中国特色社会主义思想为指导。"])


def test_speech_openings_keep_the_gate_shut():
    from policy_nlp.stages.topics.context import is_policy_document
    assert not is_policy_document(["同志们：", "今天召开全县工业经济工作会议。"])
    assert not is_policy_document(["尊敬的各位领导、各位来宾：", "大家上午好！"])
    # a speech's own first section: not the bare frame heading of a plan
    assert not is_policy_document(["一、总体要求和目标任务", "今年全县经济工作的总体要求是……"])
    # a speaker naming an article of a law, and a list of measures announced in a speech, are no first article
    assert not is_policy_document(["《安全生产法》第一条就明确了立法目的。", "下面，我讲三点意见。"])


def test_a_first_point_or_a_first_road_is_no_first_article():
    # review9: 第一条 opens the gate as an article (a blank, a purpose or 本 after it: all 18 first
    # articles of the policy documents), not as a speaker's first point (cpc 11, quoting Mao) or an ordinal
    from policy_nlp.stages.topics.context import is_policy_document
    assert not is_policy_document(["毛主席教导我们，对于世界大战，有两条，“", "第一条，反对；第二条，不怕", "”。"])
    assert not is_policy_document(["我讲三条意见。", "第一条是统一思想，提高认识。"])
    assert not is_policy_document(["第一条高速公路建成通车，我县进入了高速时代。"])
    assert is_policy_document(["第一条\u2002\u3000\u2002为加快青岛市人工智能产业园建设，提高专项资金的管理和使用效益，"])
    assert is_policy_document(["第一条\u3000本规范旨在将伦理道德融入人工智能全生命周期。"])
    # no blank: central-152's article, gated by its preamble's 制定本规定
    assert is_policy_document(["……等有关规定，制定本规定。", "第一条工业和信息化部大力推动移动智能终端应用软件发展。"])


def test_speech_evidence_closes_the_policy_document_gate():
    # review9's openings that open the gate, in speeches (sentences built from the local development corpus):
    # a salutation, a meeting opening, a speech's title or byline, a news report closes it (is_speech)
    from policy_nlp.stages.topics.context import is_policy_document, is_speech, policy_weights
    # a speech that opens with its outline (dev-0133 opens with its first section), under the title the
    # local excerpts carry in their meta, or as a title line
    outline = ["一、总体要求", "今年全镇农业工作的总体要求是：稳面积、提单产、增效益，确保粮食安全和农民持续增收。"]
    title = "镇长在农业工作总结会上的讲话"
    assert is_policy_document(outline) and not is_policy_document(outline, {"title": title})
    assert policy_weights(outline, title, {"title": title}) == {}
    # the title given alone (a library caller of classify_paragraphs(title=...) with no cleaning meta)
    assert policy_weights(outline, title) == {} and policy_weights(outline) != {}
    assert not is_policy_document([title] + outline)
    # a byline: read by cleaning (meta) or left in the text under a theme title
    assert not is_policy_document(outline, {"speaker": "张三"})
    assert not is_policy_document(["坚定信心 真抓实干 奋力开创全县经济发展新局面", "县委书记 张 三"] + outline)
    # 县委制定以下… after the meeting opening (dev-0120: 今天,我们举行全县旅游发展大会,主要就…)
    measures = "为做大做强旅游产业，县委制定以下几项重点措施："
    assert is_policy_document([measures])
    assert not is_policy_document(["今天，我们举行全县旅游发展大会，主要就如何做大做强旅游产业进行安排部署。", measures])
    assert not is_policy_document(["同志们：", measures])
    # 会议要求，各乡镇、各部门： in a news report of the meeting
    news = ["3月16日，城东区召开全区安全生产工作会议。区委书记刘波出席会议并讲话。", "会议要求，各乡镇、各部门：",
            "要切实加强组织领导，压实安全生产责任。"]
    assert is_policy_document(news[1:]) and is_speech(news) and not is_policy_document(news)


def test_documents_without_speech_evidence_keep_the_gate_open():
    from policy_nlp.stages.topics.context import is_policy_document, is_speech
    # a report to a superior and a meeting notice are documents: no speech evidence, the gate stays open
    assert is_policy_document(["县委、县政府：", "现将我镇2020年脱贫攻坚工作情况汇报如下："])
    assert is_policy_document(["各乡镇人民政府，县直各部门：", "经县政府研究，决定召开全县安全生产工作会议，现将有关事项通知如下："])
    # a corpus's occasion is no evidence: the local excerpts describe dev-0152, a 实施意见, by one
    implementation = ["关于进一步做好新形势下创业就业工作的实施意见",
                      "各市、区人民政府,苏州工业园区、苏州高新区、太仓港口管委会;市各委办局,各直属单位:"]
    meta = {"title": implementation[0], "occasion": "市政府规范性文件(创业就业实施意见)"}
    assert not is_speech(implementation, meta) and is_policy_document(implementation, meta)
    # a policy document's title is no speech's (policy_docs shandong-19)
    assert not is_speech(["为促进我省服务业数字化转型，制定本方案。"], {"title": "山东省服务业数字化转型行动方案（2021—2023）"})


def test_reports_and_summaries_of_the_local_corpus_keep_the_gate_shut():
    # The local development excerpts with no speech evidence that are reports or summaries, not speeches:
    # none opens the policy-document gate (no addressee line, preamble, first article or plan frame among
    # their paragraphs), so no veto of their genre is needed (docs/history/evaluation_sessions.md,
    # nineteenth session, policydocs). Their opening sentences and meta as cleaning reads them.
    from policy_nlp.stages.topics.context import is_policy_document, is_speech
    excerpts = {
        "dev-0109": ({"title": "2018抓基层党建工作述职报告", "occasion": "抓基层党建工作述职报告"},
                     ["一、履职情况和工作亮点", "1.落实党建责任,认真履职尽责。", "2.强化基层基础,激发党建活力。"]),
        "dev-0181": ({"occasion": "村两委干部大会"},
                     ["根据县委、县政府的总体要求,我镇全面部署开展了村委会换届选举工作,在上级有关部门、县指导组的正确领导"
                      "和全镇上下的同努力下,到月日我们已全部完成个村的换届选举,产生了新一届村委会班子。",
                      "一、对这次换届选举工作的简要回顾"]),
        "dev-0187": ({"title": "以项目建设为载体,增创市域经济发展新优势", "occasion": "项目建设情况汇报材料"},
                     ["以项目建设为载体,增创市域经济发展新优势",
                      "今年以来,我市在**市委、市政府的正确领导下,牢固坚持“工业立市、项目强市”发展战略,把招商引资和项目"
                      "建设作为促进投资增长和市域经济发展的重要突破口来抓,取得了显著成效。", "一、我市上半年项目建设基本特点"]),
        "dev-0243": ({"occasion": "村基层党建情况材料"}, ["一、基本情况", "二、村党员干部队伍情况", "三、基层党建活动开展情况"]),
        "dev-0244": ({"title": "***村党支部村委会工作总结", "occasion": "村党支部村委会工作总结"},
                     ["***村党支部村委会工作总结", "我村两委班子在街道党工委、办事处的正确领导下,在广大党员、干部的支持下,"
                      "坚持以邓小平理论、“三个代表”重要思想为指导,全面贯彻落实科学发展观。",
                      "一、加强学习,提高班子的整体素质"]),
        "dev-0246": ({"title": "防控甲型H1N1流感工作汇报材料", "occasion": "防控甲型H1N1流感工作汇报材料"},
                     ["防控甲型H1N1流感工作汇报材料", "2009年4月25日,世界卫生组织(who)通报了墨西哥和美国发生甲型h1n1流感"
                      "(原称人感染猪流感)疫情。"]),
    }
    for key, (meta, texts) in excerpts.items():
        assert not is_speech(texts, meta) and not is_policy_document(texts, meta), key


@pytest.mark.skipif(not (SHARED / "policy_docs" / "policy_documents.jsonl").is_file(), reason="../shared absent")
def test_a_document_is_tested_for_news_once(monkeypatch):
    # classify_paragraphs reads whether a document is a news report once (document_context): for the news
    # weights, the policy-document gate's speech veto and, on the pipeline's path (read_title), the title;
    # the topics are those of the title find_title finds apart (policy_docs central-91, a gated policy
    # document; central-149, a news report of a meeting in the policy documents, no title line)
    import json
    from policy_nlp.stages.topics import classify_paragraphs, context, default_model
    with open(SHARED / "policy_docs" / "policy_documents.jsonl", encoding="utf-8") as f:
        record = next(r for r in map(json.loads, f) if r["id"] == "central-91")
    gated = [p.strip() for p in record["content_zh"].split("\n") if p.strip()]
    news = ["2017年6月6日，新能源汽车国家大数据联盟筹备会在北京召开，汽车行业组织、汽车企业和科研院所等50余名代表参加了会议。",
            "工业和信息化部装备工业司汽车处参加了会议，通报了2016年新能源汽车产业的发展情况，对新能源汽车国家大数据联盟的"
            "筹备工作表示了肯定，并就联盟的后续工作提出了意见和建议。"]
    assert context.is_policy_document(gated) and context.is_speech(news) and context.find_title(news) is None
    calls = []
    original = context.is_news_report
    monkeypatch.setattr(context, "is_news_report", lambda *args, **kwargs: calls.append(1) or original(*args, **kwargs))
    for texts in (gated, news):
        expected = classify_paragraphs(default_model(), texts, headings="own", meta={},
                                       title=context.find_title(texts, {}))
        calls.clear()
        assert classify_paragraphs(default_model(), texts, headings="own", meta={}, read_title=True) == expected
        assert len(calls) == 1
    # the title line find_title reads (test_find_title_prefers_metadata_then_a_title_line), and the title
    # given or in meta before it
    speech = ["镇长在镇经济工作会议上的讲话", "同志们："]
    assert context.document_context(speech, read_title=True) == (context.find_title(speech), {})
    assert context.document_context(speech)[0] is None
    assert context.document_context(speech, {"occasion": "防汛工作会议"}, read_title=True)[0] == "防汛工作会议"
    assert context.document_context(speech, title="在全县防汛工作会议上的讲话", read_title=True)[0] == \
        "在全县防汛工作会议上的讲话"


@pytest.mark.parametrize("excerpt, area", [("dev-0208", "party_government"), ("dev-0127", "social_welfare"),
                                           ("dev-0201", "agriculture_rural")])
def test_a_title_given_in_traditional_script_names_its_area(excerpt, area):
    # three Traditional pages of the local corpus whose corpus title is Traditional too (最新社區換屆選舉
    # 演講稿【薦讀】, 2023年唐河縣衛生健康工作會議召開, 縣委書記在全縣農村工作會議上的講話): the text is
    # annotated in a Simplified copy and the title must be read so too, or it names no area and the
    # paragraphs lose their document's context (dev-0208's 换届选举 paragraphs went to governance_security)
    from conftest import local_record
    from policy_nlp.stages.topics import classify_paragraphs, context, default_model
    from policy_nlp.stages.script import to_simplified
    record = local_record(excerpt)
    texts = [p for p in to_simplified(record["text"])[0].split("\n") if p.strip()]
    simplified = to_simplified(record["title"])[0]
    assert context.title_topic(record["title"]) is None and context.title_topic(simplified) == area
    title, _ = context.document_context(texts, {"title": record["title"]}, read_title=True)
    assert title == simplified
    model = default_model()
    assert classify_paragraphs(model, texts, meta={"title": record["title"]}, read_title=True) == \
        classify_paragraphs(model, texts, meta={"title": simplified}, read_title=True)


@pytest.mark.parametrize("excerpt", ["dev-0105", "dev-0176", "dev-0216"])
def test_a_speech_title_given_in_traditional_script_closes_the_policy_document_gate(excerpt):
    # the Traditional corpus titles of three local pages (2004年法庫縣政府工作報告, 鄉鎮人代會換屆選舉
    # 工作報告, 區……集中調度會主持詞) are a speech's titles once read in Simplified, as document_context
    # reads them: the speech check reads them so too, and a speech's outline (一、总体要求) opens no
    # policy document's gate
    from conftest import local_record
    from policy_nlp.stages.topics import context
    title = local_record(excerpt)["title"]
    outline = ["一、总体要求", "（一）指导思想"]
    assert not context.is_speech(outline) and context.is_policy_document(outline)
    assert context.is_speech(outline, {"title": title}) and not context.is_policy_document(outline, {"title": title})


# A paragraph of a town's economic work meeting (local_speeches development corpus, dev-0009).
ECONOMY_MEETING = "镇党委书记在镇经济工作会议上的讲话"
ASSESSMENT = ("首先,必须对取得的成绩和今后的发展趋向有一个基本的估价。,全镇上下真抓实干,奋力拼搏,"
              "使我镇经济社会保持了平稳较快发展的良好势头,各项主要目标如期实现。这充分表明,面临严重困难和巨大挑")


def test_a_codebook_of_ones_own_takes_no_title_area_nor_penalty_on_its_general():
    """The title table and the penalty name the default codebook's labels: a model of another
    codebook whose labels share two names with it (economy, general) keeps its own result."""
    own = [_result(economy=0.344, general=0.6044, party=0.0046, welfare=0.0243, control=0.0227)]
    out = contextualize(own, [ASSESSMENT], title=ECONOMY_MEETING)
    assert out == own and "own" not in out[0]
    assert contextualize(own, [ASSESSMENT * 2], title=None) == own      # long: no penalty on its general
    assert contextualize(own, [ASSESSMENT], area="economy") == own      # nor a policy document's area
    # the same scores under the codebook's labels: the title's area wins
    codebook = [_result(economy=0.344, general=0.6044, party_government=0.0046, social_welfare=0.0243,
                        governance_security=0.0227)]
    assert title_topic(ECONOMY_MEETING) == "economy"
    assert contextualize(codebook, [ASSESSMENT], title=ECONOMY_MEETING)[0]["label"] == "economy"


def test_a_line_of_salutations_is_read_once_not_cut_every_way():
    # dev-0183's opening after 5,000 salutations is a meeting opening; the salutations alone are
    # none (an answer the pattern once took exponential time to give: it tried every cut)
    opening = next(line for line in local_excerpt("dev-0183").split("\n") if line.startswith("同志们:今天"))
    assert is_meeting_opening(opening) and is_meeting_opening("同志们：" * 5000 + opening)
    assert not is_meeting_opening("同志们：" * 5000) and not is_meeting_opening("各位代表，同志们：" * 5000 + "。")
