"""Tests of policy_nlp.stages.slogans.members: the members a text spells out
for a numbered formulation (real sentences from the development corpora, and
counter-examples)."""

from policy_nlp.stages.lexicon import default_lexicon
from policy_nlp.stages.slogans import find_slogans
from policy_nlp.stages.slogans.members.list_before import _clause_in_item


def members_of(text, name):
    """The member texts of the first formulation ``name`` found in ``text``."""
    for s in find_slogans(text):
        if s["text"] == name:
            for m in s["members"]:
                assert text[m["start"]:m["end"]] == m["text"]
            return [m["text"] for m in s["members"]]
    raise AssertionError(f"{name} not found")


# policy document shandong-11 (2021), its three aims spelled out as 1. paragraphs
_SHANDONG_11 = ("着力实现“三个一批”：\n1.形成一批具有引领性的人工智能融合应用场景和解决方案。部分关键技术达到国内领先水平。\n"
                "2.培育一批人工智能创新公共服务平台。建设全省人工智能应用场景测评公共服务平台。\n"
                "3.打造一批人工智能与产业融合的新模式。基于人工智能与产业融合的新业态、新模式加快发展。\n三、实施路径\n")


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


def test_a_completed_verb_leading_into_a_list_before_is_no_part_of_its_first_member():
    # gwr 1964, 1957: 展开了 / 先后进行了 lead into the list (member_leading_words); the span runs on to 运动 (recall7)
    text = "在全国范围内展开了阶级斗争、生产斗争、科学实验三大革命运动，在国际上同帝国主义进行了斗争。"
    assert members_of(text, "三大革命运动") == ["阶级斗争", "生产斗争", "科学实验"]
    text = "接着，我們先后进行了土地改革、抗美援朝、肃淸反革命、三反五反和思想改造的五大运动。"
    assert members_of(text, "五大运动") == ["土地改革", "抗美援朝", "肃淸反革命", "三反五反", "思想改造"]
    # counter-examples (local dev-0208, with 进行了): the list qualifies the formulation
    text = "6月份我区已依法顺利进行了××个村、社区“两委”换届选举试点工作。"
    assert members_of(text, "两委") == []
    assert members_of("今年全县进行了村、社区“两委”换届选举。", "两委") == []


def test_verbs_alone_and_alternatives_before_a_formulation_are_no_members():
    # gwr 1964: 制造 governs “两个中国”, and 或 makes “一个中国、一个台湾” the second of two alternatives
    text = "力图阻挠恢复中国在联合国的合法权利和制造“两个中国”或“一个中国、一个台湾”的阴谋。"
    assert members_of(text, "两个中国") == []
    assert members_of(text, "一个中国、一个台湾") == []
    # policy document central-60: 制定、发布 are the verbs of the clause
    assert members_of("组织制定、发布“两库”框架体系，并进行动态调整。", "两库") == []
    # counter-example (central-166): nouns of the same shape stay members
    text = "组建应用研发与示范、成果转化与服务“两大中心”促进人工智能与智慧港口深度融合。"
    assert members_of(text, "两大中心") == ["应用研发与示范", "成果转化与服务"]


def test_a_list_ending_in_a_governing_verb_names_no_members():
    # policy document shandong-27: 采取 governs “一事一议” (governing_verbs)
    text = "对新建的国家一流学科、高水平大学采取“一事一议”方式给予专项资金支持。"
    assert members_of(text, "一事一议") == []
    # counter-example (local dev-0152): the items end in nouns
    text = "积极推行工商营业执照、组织机构代码证、税务登记证“三证合一”,实行“一照一码”。"
    assert members_of(text, "三证合一") == ["工商营业执照", "组织机构代码证", "税务登记证"]


def test_leading_verbs_before_a_list_are_trimmed():
    # gwr 2005, 2012; policy document central-31 (调动, 更好地, 助力: member_leading_words)
    assert members_of("充分发挥各个地区的优势，调动中央和地方两个积极性。", "两个积极性") == ["中央", "地方"]
    assert members_of("更好地调动中央和地方两个积极性；深化土地改革。", "两个积极性") == ["中央", "地方"]
    text = "助力燃煤机组节能降碳改造、灵活性改造、供热改造“三改联动”，促进抽水蓄能发展。"
    assert members_of(text, "三改联动") == ["燃煤机组节能降碳改造", "灵活性改造", "供热改造"]


def test_a_parallel_compound_after_a_conjunction_is_the_members():
    # Xi 2020-11-12: 国内国际 after 和 is the compound of 双循环, not the second item of a pair
    text = "浦东要努力成为国内大循环的中心节点和国内国际双循环的战略链接，在长三角一体化发展中更好发挥龙头辐射作用。"
    assert members_of(text, "双循环") == ["国内", "国际"]
    # counter-example (gwr 2019): the last item after 和 is no compound, the pair is the members
    assert members_of("我们要统筹国内和国际两个大局。", "两个大局") == ["国内", "国际"]
    assert members_of("推动发展速度和发展质量的双提高。", "双提高") == ["发展速度", "发展质量"]


def test_the_predicate_after_a_subject_list_is_no_part_of_its_last_member():
    # gwr 1992, 2008: a copula before 的, a verb of result right before the formulation
    text = "和平与发展仍然是当今世界面临的两大主题，还需要各国人民继续努力。"
    assert members_of(text, "两大主题") == ["和平", "发展"]
    text = "化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14％和4.66％。"
    assert members_of(text, "双下降") == ["化学需氧量", "二氧化硫排放总量"]
    # cpc 14th congress report: a copula and a short complement without 的; 指出 leads in
    text = "经济环境更加恶化，南北差距进一步扩大。和平与发展仍然是当今世界两大主题。发展需要和平。"
    assert members_of(text, "两大主题") == ["和平", "发展"]
    text = "在社会主义建设的外部条件问题上，指出和平与发展是当代世界两大主题，必须坚持独立自主的和平外交政策。"
    assert members_of(text, "两大主题") == ["和平", "发展"]
    # a complement of more than six characters without 的 is not read as one
    text = "和平与发展仍然是当今世界各国人民共同面临两大主题。"
    assert members_of(text, "两大主题") != ["和平", "发展"]
    # counter-examples: an adverb that ends a word of the last member (可持续, 成都) is no predicate
    text = "坚持开放包容、合作共赢、绿色可持续三大原则。"
    assert members_of(text, "三大原则") == ["开放包容", "合作共赢", "绿色可持续"]


def test_members_in_an_ordinal_list_after_the_sentence():
    # policy document shandong-11: 1. paragraphs after the formulation; each member is the first clause
    assert members_of(_SHANDONG_11, "三个一批") == ["形成一批具有引领性的人工智能融合应用场景和解决方案",
                                              "培育一批人工智能创新公共服务平台", "打造一批人工智能与产业融合的新模式"]
    # a count of the text's own points that follow is no formulation, so it takes no list (gwr 1999)
    text = ("今年要着重抓好以下三项工作。\n\n　　第一，依法整顿经济秩序，严厉打击经济违法犯罪活动。\n\n"
            "　　第二，搞好社会治安综合治理，保持社会稳定。\n\n　　第三，从严治政，加强廉政建设。\n")
    assert "三项工作" not in [sp["text"] for sp in find_slogans(text)]
    # a clause that only frames the next one is left out (gwr 1982)
    text = "对国营大中型企业，要分两步走。第一步，实行税利并存。第二步，在价格体系基本趋于合理的基础上，再根据盈利多少征收累进所得税。"
    assert members_of(text, "两步走") == ["实行税利并存", "再根据盈利多少征收累进所得税"]


# the rest of shandong-11, shortened: the outline goes on (三、 …（二）…), and
# （二）'s own list runs 1. to 4.
_SHANDONG_11_REST = ("以先导区创建为落脚点。\n（一）龙头企业建链。支持人工智能龙头企业做大做强。\n"
                     "（二）重点产品延链。突破一批重点人工智能产品，打造具有山东特色的优势产品及产业集群。\n"
                     "1.智能计算设备。面向人工智能训练。\n2.智能机器人。围绕机械。\n3.智能装备。开展集计算。\n"
                     "4.视频图像识别系统。推进生物特征识别。\n")


def test_an_ordinal_list_ends_at_a_heading_of_the_enclosing_outline():
    # shandong-11 as printed: a 4. after the next section heading (三、) is no fourth item
    assert members_of(_SHANDONG_11 + _SHANDONG_11_REST, "三个一批") == [
        "形成一批具有引领性的人工智能融合应用场景和解决方案", "培育一批人工智能创新公共服务平台",
        "打造一批人工智能与产业融合的新模式"]
    # without the heading the 4. goes on the list: more items than claimed
    text = _SHANDONG_11.replace("三、实施路径\n", "") + "4.视频图像识别系统。推进生物特征识别。\n"
    assert members_of(text, "三个一批") == []
    # a list of the last item (（一）…（二）…) holds no heading of the enclosing outline:
    # a 4. after it is still a fourth item
    text = _SHANDONG_11.replace("三、实施路径\n", "") + _SHANDONG_11_REST[12:]
    assert members_of(text, "三个一批") == []


def test_an_ordinal_list_of_another_length_gives_no_members():
    # a list that stops short of the number (shandong-11 cut before its third item)
    assert members_of(_SHANDONG_11[:_SHANDONG_11.index("3.")], "三个一批") == []
    # a formulation inside its sentence takes no list from the next one
    text = "不断增强贯彻“三个代表”重要思想的自觉性和坚定性。\n\n（一）贯彻“三个代表”重要思想，必须使全党始终保持与时俱进。\n\n（二）贯彻。\n\n（三）贯彻。"
    assert members_of(text, "三个代表") == []


def test_members_written_as_clauses_that_open_with_the_head():
    # verb-phrase members after the formulation (两个维护: 维护… 维护…)
    text = ("全县上下要增强“四个意识”，坚决做到“两个维护”，坚决维护习近平总书记党中央的核心、"
            "全党的核心地位，坚决维护党中央权威和集中统一领导。")
    assert members_of(text, "两个维护") == ["坚决维护习近平总书记党中央的核心、全党的核心地位",
                                          "坚决维护党中央权威和集中统一领导"]
    text = "确保实现“三个不发生”：不发生重特大森林火灾；不发生群死群伤事件；不发生烧毁林场现象。"
    assert members_of(text, "三个不发生") == ["不发生重特大森林火灾", "不发生群死群伤事件", "不发生烧毁林场现象"]
    # more clauses than claimed: no members
    text = "实现“四个确保”，确保安全，确保稳定，确保增收，确保发展，确保和谐。"
    assert members_of(text, "四个确保") == []


def test_members_after_an_opener():
    # gwr 1982: a line break between the comma and 即; the list stops where
    # the items stop opening with the head
    text = ("所有确定进行建设的项目，一律实行“五定”，\n即定建设规模，定投资总额，定建设工期，"
            "定投资效果，定外部协作条件，并且实行严格的责任制度。")
    assert members_of(text, "五定") == ["定建设规模", "定投资总额", "定建设工期", "定投资效果", "定外部协作条件"]
    # 分别为 right after the formulation
    assert members_of("我县三大产业分别为畜牧、蔬菜和果品。", "三大产业") == ["畜牧", "蔬菜", "果品"]


def test_a_following_list_ends_where_its_items_stop_opening_with_the_same_word():
    # gwr 1987: four clauses opening with 坚持, then one that says something of them
    text = ("坚持四项基本原则，即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义、"
            "毛泽东思想，是载入我国宪法的全国各族人民团结奋斗的共同政治基础，是我们立国治国的根本。")
    assert members_of(text, "四项基本原则") == ["坚持社会主义道路", "坚持人民民主专政", "坚持共产党的领导",
                                              "坚持马克思列宁主义、毛泽东思想"]
    # counter-example: a fifth clause opening with 坚持 goes on the list, so the first four
    # are not taken, and the 、 inside the last clause splits no list across the commas
    text = text.replace("，是载入", "，坚持改革开放，是载入")
    assert members_of(text, "四项基本原则") == []


def test_the_last_item_of_a_following_list_goes_on_after_a_comma():
    # gwr 2003: three policies joined by 、, then the reform after a comma: four in all
    text = ("1998年进一步提出“三项政策、一项改革”，即按保护价敞开收购农民余粮、国有粮食购销企业顺价销售、"
            "粮食收购资金实行封闭运行，加快国有粮食企业改革。")
    assert members_of(text, "三项政策、一项改革") == ["按保护价敞开收购农民余粮", "国有粮食购销企业顺价销售",
                                                 "粮食收购资金实行封闭运行", "加快国有粮食企业改革"]
    # counter-example: with one more clause after the comma the count is not met, and the
    # 、-list is not split across the commas
    text = text.replace("企业改革。", "企业改革，搞活粮食流通。")
    assert members_of(text, "三项政策、一项改革") == []


def test_members_paired_between_semicolons():
    # gwr 1987: 三保三压 counts six, written as three pairs 保…，压…；
    text = ("对基本建设坚决实行“三保三压”的方针，即保计划内建设，压计划外建设；保生产性建设，压非生产性建设；"
            "保重点建设，压非重点建设。目前各地正在认真贯彻落实这一方针。")
    assert members_of(text, "三保三压") == ["保计划内建设", "压计划外建设", "保生产性建设", "压非生产性建设",
                                          "保重点建设", "压非重点建设"]
    # counter-example: a count of three takes the pairs whole
    assert members_of(text.replace("三保三压", "三个坚持"), "三个坚持") == [
        "保计划内建设，压计划外建设", "保生产性建设，压非生产性建设", "保重点建设，压非重点建设"]


def test_a_first_member_starts_after_its_preposition():
    # gwr 1954, 1958, 1957: the verb's object starts after 从 / 把 / 对于
    text = "如果从生产总值、成本、利润、劳动生产率四种指标来看，都有提高。"
    assert members_of(text, "四种指标来看")[0] == "生产总值"
    assert members_of("我们已经把京汉、粤汉两大铁路连接起来。", "两大铁路连接起来") == ["京汉", "粤汉"]
    text = "下面我想对于教育改革和向科学进军两个问题讲一点意见。"
    assert members_of(text, "两个问题") == ["教育改革", "向科学进军"]
    # 对 of 对外 or 反对 is no preposition
    assert members_of("坚持对外开放、改革两大方针。", "两大方针") == ["对外开放", "改革"]
    assert members_of("我们坚决反对“台独”和以任何形式制造“两个中国”。", "两个中国") == []
    # a preposition that opens the other members too opens the first (parallel 从…到… phrases)
    assert members_of("实现从无到有、从有到优两大跨越。", "两大跨越") == ["从无到有", "从有到优"]


def test_a_short_last_item_qualifies_the_formulation():
    # gwr 2011: 工业 qualifies 三废, it is no third member
    assert members_of("加强重点流域水污染防治、大气污染防治和工业“三废”治理。", "三废") == []


def test_a_marked_item_opening_with_a_time_frame_is_the_clause_after_it():
    # gwr 2007
    text = ("我们将采取两项重大措施：一是从今年新学年开始，在普通本科高校建立健全国家奖学金制度。"
            "二是进一步完善国家助学制度。")
    assert members_of(text, "两项重大措施") == ["在普通本科高校建立健全国家奖学金制度", "进一步完善国家助学制度"]


def test_a_list_whose_first_marker_the_page_garbled():
    # local dev-0247: 一是 scanned as 车是
    text = ("各单位、各部门要做到“三不”;车是不迟顿。现在适逢夏秋季节交替,防控工作要当机立断。"
            "二是不慌乱。各部门要通过宣传让群众知道。三是不失职。各单位要严防死守。")
    assert members_of(text, "三不") == ["不迟顿", "不慌乱", "不失职"]
    # a marker of its own (一是) is read as before; a list short of the number gives none
    text = "要做到“三不”。这是底线。二是不慌乱。"
    assert members_of(text, "三不") == []


def test_a_sibling_count_right_before_shares_its_members():
    # gwr 2019: 国际国内两个市场两种资源; also written with 、
    text = "我们要保持战略定力，更好利用国际国内两个市场两种资源，敢于应对挑战。"
    assert members_of(text, "两种资源") == ["国际", "国内"]
    assert members_of("统筹用好国内国际两个市场、两种资源。", "两种资源") == ["国内", "国际"]
    # a count of another number is no sibling
    assert members_of("利用国内国外三个市场两种资源。", "两种资源") == []
    # an item ending with a sibling count is no member (gwr 1986)
    text = "在利用国内国外两种资源、开拓国内国外两个市场两方面，取得了显著成绩。"
    assert members_of(text, "两个市场") == ["国内", "国外"]


def test_a_parallel_compound_that_is_the_last_item_gives_the_members():
    # xi 2020, cpc 20: 以国内大循环为主体、国内国际双循环
    text = "积极融入以国内大循环为主体、国内国际双循环相互促进的新发展格局。"
    assert members_of(text, "双循环") == ["国内", "国际"]
    # a leading word that opens a word is kept (有色, 对外)
    assert members_of("坚持对外开放、改革两大方针。", "两大方针") == ["对外开放", "改革"]
    text = "对有色金属采选、冶炼和加工等三个领域提出要求。"
    assert members_of(text, "三个领域") == ["有色金属采选", "冶炼", "加工"]


def test_a_first_item_that_is_still_a_clause_gives_no_members():
    # local dev-0208: 村、社区 qualify “两委”; 开展村 is no member
    text = "为今年我区全面开展村、社区“两委”换届提供很好的经验和借鉴。"
    assert members_of(text, "两委") == []


def test_serving_leads_into_the_first_member():
    # gwr 1988: 都服务于 is no part of 和平
    text = "我们的全部外交工作，都服务于和平与发展两大目标。"
    assert members_of(text, "两大目标") == ["和平", "发展"]


def test_a_pair_before_a_quoted_head_loses_the_verb_that_seizes_it():
    # dev-0018: 扭住 (like 抓住, 牵住) leads into the pair, it is no part of the first member
    text = "必须紧紧扭住产业和就业两个“牛鼻子”,依托某某生态优势、"
    assert members_of(text, "两个“牛鼻子”") == ["产业", "就业"]


def test_a_quotation_of_speech_before_a_formulation_is_no_list_of_its_members():
    # cpc 11 (1977): Mao's words quoted right before the next “四人帮” (a lexicon term, 4)
    from policy_nlp.stages.lexicon import default_lexicon
    text = ("毛主席又针对“四人帮”的专横跋扈，尖锐地指出：“\n有些同志专批人家，人家批他一句都不行，"
            "象挖了他三代的祖坟呢！动不动就说人家是‘三反分子’、‘五一六’。\n”“四人帮”反对毛主席的指示")
    spans = [s for s in find_slogans(text, default_lexicon()) if s["text"] == "四人帮"]
    assert [(s["kind"], s["number"], s["members"]) for s in spans] == [("numbered", 4, [])] * 2
    # counter-example: a quoted list of names right before keeps its members (三心工程)
    assert members_of("提出了“强化党建凝心、服务居民贴心、管理社区用心”的“三心工程”。", "三心工程") == \
        ["强化党建凝心", "服务居民贴心", "管理社区用心"]


def test_a_pair_as_the_last_item_before_a_two_count_is_its_members():
    # policy documents central-56: the 、-list before 双轮驱动 holds two clauses, the last of them the
    # pair; counter-example: a verb sharing its object with the next (保障和改善民生) is no pair
    from policy_nlp.stages.lexicon import default_lexicon
    text = "注重顶层设计和基层探索有机结合、技术创新和制度创新双轮驱动，以数字化改革助力政府职能转变。"
    [found] = find_slogans(text, default_lexicon())
    assert [m["text"] for m in found["members"]] == ["技术创新", "制度创新"]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in found["members"])
    [found] = find_slogans("坚持发展经济、保障和改善民生两手抓。", default_lexicon())
    assert [m["text"] for m in found["members"]] == ["发展经济", "保障和改善民生"]


def test_a_verb_with_a_short_object_beside_long_members_is_one_member():
    # a verb-object member is not cut to its object (发展经济 -> 经济); counter-examples: a verb
    # governing the list loses it (government work report 2019), and so does one before a first
    # item too short to be a member beside others as short (开展村 stays no member)
    from policy_nlp.stages.lexicon import default_lexicon
    text = "持续开展京津冀及周边、长三角、汾渭平原大气污染治理攻坚，加强工业、燃煤、机动车三大污染源治理。"
    assert members_of(text, "三大污染源") == ["工业", "燃煤", "机动车"]
    [found] = find_slogans("全面开展村、社区“两委”换届选举。", default_lexicon())
    assert found["members"] == []


def test_a_list_that_is_the_subject_of_a_clause_names_no_members():
    # policy documents central-60 and central-21: a preposition inside a later item (向, 在) or a
    # list closed by 等 with its head noun (central-62) make the items a clause's subject and the
    # formulation its verb's object; counter-examples: 迈向 is no preposition (government work
    # report 2015), and 等 inside an earlier item is a frame (借…等名义)
    from policy_nlp.stages.lexicon import default_lexicon
    lexicon = default_lexicon()
    for text in ("国家鼓励省级、地市级医疗保障部门探索向社会公开“两库”监控要点、标准等，强化社会监督。",
                 "省级、地市级医保部门在国家“两库”框架体系之下推进“两库”同步更新和本地化应用。",
                 "支持各类企业孵化器、众创空间等载体打造数字文化“双创”服务体系。"):
        assert all(s["members"] == [] for s in find_slogans(text, lexicon)), text
    text = "我们要把握好总体要求，着眼于保持中高速增长和迈向中高端水平“双目标”，坚持稳政策稳预期。"
    assert members_of(text, "双目标") == ["中高速增长", "迈向中高端水平"]
    assert _clause_in_item("借调研培训等名义公款旅游", last=False) is False
    # 在内 closing 包括…在内 (policy documents central-115) and 等所谓 closing a list (government
    # work report 1955) are no clause: the list keeps its members
    # (list_closing_words.txt, cut off the last member)
    # (the 1955 list without its relative clause 那些重犯…: see the test of determiners)
    text = "必须对行贿、偷工减料、盗窃国家资财、偷税漏税、盗窃国家经济情报等所谓“五毒”行为的不法资本家"
    assert members_of(text, "五毒") == ["行贿", "偷工减料", "盗窃国家资财", "偷税漏税", "盗窃国家经济情报"]
    text = ("《行动计划》提出了包括加强组织领导、加大政策支持力度、构建产业生态体系、优化产业发展环境、"
            "健全人才培养体系和推进国际及港澳台交流合作在内的六项保障措施，充分发挥")
    assert members_of(text, "六项保障措施")[-1] == "推进国际及港澳台交流合作"
    # policy documents central-25: a last item ending with a preposition governing the
    # formulation (…技术委员会在两化融合…) is a clause; counter-example: 正在 is no preposition
    lexicon = default_lexicon()
    text = ("基础软硬件、大数据、云计算、人工智能、物联网、智能\n制造、智慧城市等方面。全国信息化和工业化融合管理标准化\n"
            "技术委员会在两化融合管理体系、数字化供应链、工业互联网\n平台、制造业数字化转型等领域开展标准研制。")
    assert all(s["members"] == [] for s in find_slogans(text, lexicon) if s["text"] == "两化融合")
    assert _clause_in_item("工业化融合管理标准化\n技术委员会在", last=True) is True
    assert _clause_in_item("技术委员会正在", last=True) is False
    # 为 of the frame 以…为… is no preposition (a constructed counter-example; no corpus instance)
    assert members_of("坚持以企业为主体、以市场为导向两大原则。", "两大原则") == ["以企业为主体", "以市场为导向"]


def test_a_pair_of_a_list_of_pairs_is_no_head_initial_members():
    # policy documents central-62 and central-81: 创新与创业结合 is one of three pairs, not the
    # members of 双创; counter-example: 农业、农村和农民问题 before “三农” (government work report 2007)
    from policy_nlp.stages.lexicon import default_lexicon
    text = ("建设创新与创业结合、孵化与投资结合、线上与线下结合的数字文化双创服务平台，"
            "支持各类企业孵化器、众创空间等载体打造数字文化“双创”服务体系。")
    assert all(s["members"] == [] for s in find_slogans(text, default_lexicon()))
    text = "农业、农村和农民问题，是关系全面建设小康社会和现代化事业全局的重大问题。今年的“三农”工作，要以加快发展现代农业为重点。"
    assert members_of(text, "三农") == ["农业", "农村", "农民"]


def test_a_formulation_of_one_units_takes_no_list_before_it():
    # Xi 2020-11-28 and policy documents shandong-10, shandong-7: 一带一路, 一事一议 name their
    # parts themselves; the items before them are what the clause says of them (the gold gives
    # 一带一路 and 一照一码 no members); counter-example: a count of another numeral keeps them
    from policy_nlp.stages.lexicon import default_lexicon
    lexicon = default_lexicon()
    for text in ("鼓励省内技术成熟、产能充裕企业向境外转移产能，参与共建“一带一路”，开展国际产能合作。",
                 "新形势下，中方视东盟为周边外交优先方向和高质量共建“一带一路”重点地区。"):
        assert all(s["members"] == [] for s in find_slogans(text, lexicon)), text
    assert members_of("加强工业、燃煤、机动车三大污染源治理。", "三大污染源") == ["工业", "燃煤", "机动车"]


def test_dividing_and_taking_lead_into_the_first_member():
    # policy documents central-88 (分为) and government work report 1983 (分别采取)
    text = "物流信息云平台是综合性物流信息服务平台，分为仓储管理平台、运输管理平台、订单管理平台三大模块，可将多家中小企业产品接入。"
    assert members_of(text, "三大模块") == ["仓储管理平台", "运输管理平台", "订单管理平台"]
    text = "要根据计划经济为主、市场调节为辅的原则，按照企业、产品和任务的不同，分别采取指令性计划、指导性计划和市场调节三种管理办法。"
    assert members_of(text, "三种管理办法") == ["指令性计划", "指导性计划", "市场调节"]


def test_the_members_at_a_name_hold_for_the_other_mentions():
    # policy documents central-60 and central-21: 知识库、规则库（以下简称“两库”）names the
    # formulation, so its later mentions share those members; counter-example: members found
    # by the same step at a mention no 简称 introduces stay at that mention
    from policy_nlp.stages.lexicon import default_lexicon
    lexicon = default_lexicon()
    text = ("为进一步健全医疗保障基金监管体系，加强医疗保障基金智能审核和监控知识库、规则库（以下简称“两库”）管理，"
            "提升监管效能。第二条　本办法适用于医疗保障基金“两库”的建设和管理。")
    assert [[m["text"] for m in s["members"]] for s in find_slogans(text, lexicon)] == [["知识库", "规则库"]] * 2
    text = ("文明城市是物质文明、政治文明、精神文明的和谐统一体，三个文明建设协调进展。" + "其他工作。" * 200
            + "推动三个文明建设。")
    assert [len(s["members"]) for s in find_slogans(text, lexicon) if s["text"] == "三个文明"] == [3, 0]


def test_a_long_first_member_is_cut_after_its_last_de_even_when_the_rest_is_short():
    # policy documents central-108 and central-15: the modifier before 的 qualifies the list;
    # counter-example (congress report 15): parallel phrases that all hold a 的 keep theirs
    text = "业务应用水平进一步提升。建立协同高效的药品、医疗器械、化妆品三大业务应用平台，实现重要监管业务在线办理。"
    assert members_of(text, "三大业务应用平台") == ["药品", "医疗器械", "化妆品"]
    text = "建立数据和模型有机融合的机器学习框架；发展替代大模型训练普遍采用的先处理数据、再做模型训练的两步走模式的有效方法。"
    assert members_of(text, "两步走") == ["先处理数据", "再做模型训练"]
    text = ("邓小平理论要求我们增强和提高解放思想、实事求是的坚定性和自觉性，一切以是否有利于发展社会主义社会的生产力、"
            "有利于增强社会主义国家的综合国力、有利于提高人民的生活水平这“三个有利于”为根本判断标准，不断开拓前进。")
    assert members_of(text, "三个有利于")[0].endswith("发展社会主义社会的生产力")


def test_members_of_a_suffix_unit_hold_the_suffix():
    # 两化 abbreviates 信息化、工业化: a list whose items lack 化 is not its members
    # (policy documents central-153 and central-1); metaphor units (双轮驱动) keep theirs
    assert members_of("给未来云计算、大数据发展和传统产业两化融合，带来了很多新的机遇", "两化融合") == []
    assert members_of("培育发展林业新兴产业、提升林企两化融合水平", "两化融合") == []
    assert members_of("推动信息化和工业化两化融合", "两化融合") == ["信息化", "工业化"]
    assert members_of("推进工业化、信息化、城镇化、农业现代化四化同步", "四化同步") == ["工业化", "信息化", "城镇化", "农业现代化"]
    assert members_of("坚持科技创新和制度创新双轮驱动", "双轮驱动") == ["科技创新", "制度创新"]


def test_promote_and_grow_lead_into_a_list_before():
    # policy document central-34: 促进 leads into the seven chains (member_leading_words; its
    # qualifier 大中小企业 is cut too: see the next tests)
    text = "支持大中小企业融通发展，促进大中小企业创新链、产业链、供应链、数据链、资金链、服务链、人才链“七链”全面融通。"
    assert members_of(text, "七链")[:2] == ["创新链", "产业链"]
    # 发展壮大 as 做强做大 (the brief's sentence of the three industries)
    assert members_of("要发展壮大钢铁、有色、化工这三大产业。", "三大产业") == ["钢铁", "有色", "化工"]
    # counter-example (gwr 2008's 三项基本准则, reordered to open with 促进): a list whose
    # items all open with a verb keeps them
    assert members_of("坚持推进依法行政、加强行政监督、促进科学民主决策三项基本准则。", "三项基本准则") == [
        "推进依法行政", "加强行政监督", "促进科学民主决策"]


def test_a_verb_opening_a_first_member_as_wide_as_the_others_is_cut():
    # policy documents central-120, shandong-46, shandong-16, shandong-27: 建设 and 创新 lead
    # into the list when the rest is as wide as the other members (parallel_opening_verbs)
    assert members_of("4.司法公开类。建设庭审公开、文书公开、执行公开三大平台，推进信息化在方便群众参与和了解诉讼方面的应用。",
                      "三大平台") == ["庭审公开", "文书公开", "执行公开"]
    assert members_of("持续创新产业互联网、消费互联网、金融互联网“三网融合”模式，深化大数据在工业、农业、服务业等领域的融合应用。",
                      "三网融合") == ["产业互联网", "消费互联网", "金融互联网"]
    assert members_of("建立专兼职教研员队伍，创新教、科、研“三位一体”活动机制，依托名师工作室开展工作。",
                      "三位一体") == ["教", "科", "研"]
    text = ("围绕加快建设山东产业技术研究院、中科院济南科创城、国家超级计算济南中心、山东大学龙山创新港"
            "“四大创新圈”核心板块，打造形成创新一体化的综合性科学中心核心承载区。")
    assert members_of(text, "四大创新圈")[0] == "山东产业技术研究院"
    # counter-examples: a rest narrower than the others is the verb's own word (建设用地), and
    # a first member two characters wider than its equal siblings keeps its qualifier
    # (central-1's 五位一体, written as a list)
    assert members_of("统筹建设用地、工业生产用地、农业生产用地三大需求。", "三大需求")[0] == "建设用地"
    text = "把生态文明建设、经济建设、政治建设、文化建设、社会建设“五位一体”总体布局落到实处。"
    assert members_of(text, "五位一体") == ["生态文明建设", "经济建设", "政治建设", "文化建设", "社会建设"]


def test_a_qualifier_of_many_equal_members_is_left_out_of_the_first():
    # policy document central-34 (hard-wrapped: 供应⏎链 is one member, read through the wrap)
    text = ("实施产业生态优化工程，从优质企业培育、急需标准研\n制、服务平台建设、数据安全共享、人才队伍建设等五个方\n"
            "面着手，加大力度完善智能检测装备发展生态，营造产业良\n好发展环境，保障智能检测装备产业健康可持续发展。\n"
            "1.培育优质企业。引导智能检测装备企业专业化、差异\n化发展，培育一批专精特新企业和系统解决方案供应商。培\n"
            "育具有生态主导力的链主企业，联合上下游企业、科研院所，\n共同开展检测技术研究、装备开发和集成应用服务。支持大\n"
            "中小企业融通发展，促进大中小企业创新链、产业链、供应\n链、数据链、资金链、服务链、人才链“七链”全面融通。")
    assert members_of(text, "七链") == ["创新链", "产业链", "供应\n链", "数据链", "资金链", "服务链", "人才链"]
    # counter-example: members four characters wide or more are whole names, the longer
    # first one too (the qualifier cut left 值观教育)
    text = "深入开展社会主义核心价值观教育、理想教育、法治教育、国防教育、诚信教育“五个教育”。"
    assert members_of(text, "五个教育")[0] == "社会主义核心价值观教育"


def test_a_list_of_verb_phrases_splits_its_last_item_before_a_verb():
    # policy document central-115: the six measures are verb phrases; 及 joins 国际 and
    # 港澳台 inside the last, and 组织领导 is the object of 加强, no verb phrase of its own
    text = ("为确保重点任务落实，《行动计划》提出了包括加强组织领导、加大政策支持力度、构建产业生态体系、优化产业发展环境、"
            "健全人才培养体系和推进国际及港澳台交流合作在内的六项保障措施，充分发挥机制的作用。")
    assert members_of(text, "六项保障措施") == ["加强组织领导", "加大政策支持力度", "构建产业生态体系", "优化产业发展环境",
                                              "健全人才培养体系", "推进国际及港澳台交流合作"]
    # counter-examples: a single item splits at its last 和 (gwr 2008: 和发展 is no verb phrase
    # of a list), and a lead-in before a noun stays cut (cpc 13: 围绕和平)
    text = "加大源头治理力度，遏制重特大安全事故发生。巩固和发展煤矿瓦斯治理和整顿关闭两个攻坚战成果。"
    assert members_of(text, "两个攻坚战成果") == ["煤矿瓦斯治理", "整顿关闭"]
    text = "根据国际形势和我国现代化建设的需要，围绕和平和发展两大主题，调整外交格局和党的对外关系。"
    assert members_of(text, "两大主题") == ["和平", "发展"]
    # a 与 or 及 inside a word joins nothing (joint_word_parts.txt): 参与, 普及
    text = "推进依法行政、加强行政监督、深化体制改革、完善政策体系和鼓励群众参与推动社会治理五项任务。"
    assert members_of(text, "五项任务")[-2:] == ["完善政策体系", "鼓励群众参与推动社会治理"]
    text = "推进依法行政、加强行政监督、深化体制改革、完善政策体系和加快普及推广新技术五项任务。"
    assert members_of(text, "五项任务")[-2:] == ["完善政策体系", "加快普及推广新技术"]


def test_a_list_inside_a_relative_clause_of_a_determiner_names_no_members():
    # gwr 1955: 那些 opens a relative clause whose verb (重犯) governs every item; 所谓 names
    # the list as the formulation, so the items are its members without the determiner and verb
    text = ("但同时必须对那些重犯行贿、偷工减料、盗窃国家资财、偷税漏税、盗窃国家经济情报等所谓“五毒”行为的不法资本家，"
            "对那些抗拒国家领导、破坏工人阶级团结、破坏企业的不法资本家，给以必要的打击。")
    assert members_of(text, "五毒") == ["行贿", "偷工减料", "盗窃国家资财", "偷税漏税", "盗窃国家经济情报"]
    # without 所谓 a relative clause of 那些 still names none (the attributes of 资本家)
    text = "必须对那些重犯行贿、偷工减料、盗窃国家资财、偷税漏税、盗窃国家经济情报的“五毒”资本家给以处分。"
    assert members_of(text, "五毒") == []
    # counter-example (cpc 10): a determiner before a 的 is cut with the qualifier it opens
    text = "生产关系同生产力之间的矛盾，仍然存在。反映这些矛盾的先进和落后、正确和错误两条路线的斗争，仍然会存在。"
    assert members_of(text, "两条路线") == ["先进和落后", "正确和错误"]


def test_attributes_joined_by_de_are_no_members():
    # policy document central-68: 人人协同、人机协同 say how the classroom of two teachers
    # works; they end with one word that the formulation does not hold
    text = "要着力依托智能教育平台系统，探索推进人人协同、人机协同的“双师课堂”，解决区域、学校、城乡教育不均衡难题。"
    assert members_of(text, "双师课堂") == []
    # counter-examples: a shared ending that the formulation holds (两个责任), members with no
    # shared ending (local dev-0232: 无违纪、无告状、无退兵的“三无”)
    assert members_of("要落实党委的主体责任和纪委的监督责任“两个责任”。", "两个责任") == ["党委的主体责任", "纪委的监督责任"]
    text = "努力实现省政府和 省军区提出的无违纪、无告状、无退兵的“三无”目标,下面,我代表县委讲几点意见。"
    assert members_of(text, "三无") == ["无违纪", "无告状", "无退兵"]
    # nor members that each hold a character of the formulation: its parts named (线 in 双线)
    assert members_of("推动线上服务、线下服务的“双线”融合。", "双线") == ["线上服务", "线下服务"]


def test_a_quoted_list_before_holds_no_quote_mark():
    # gwr 1982: the ” before 五讲四美三热爱 is a misturned opening; the quotation it seemed to
    # close ran from the opening of “五讲四美” before it, across its close
    text = ("在党的十二大以后，许多地方开展了热爱祖国、热爱社会主义、热爱党的“三热爱”活动。它与原来的“五讲四美”活动，"
            "正在汇合成一个”五讲四美三热爱”的统一的活动。")
    spans = [s for s in find_slogans(text) if s["text"] == "五讲四美"]
    assert spans and all(s["members"] == [] for s in spans)
    # counter-example (gwr 2019): a quoted list right before still gives members
    text = "要继续坚持以供给侧结构性改革为主线，在“巩固、增强、提升、畅通”八个字上下功夫。"
    assert members_of(text, "八个字") == ["巩固", "增强", "提升", "畅通"]


def test_an_ordinal_marker_is_no_part_of_a_member_after_a_colon():
    # cpc 15 (一个是…；一个是…), cpc 1 (第一，…；第二，…) and gwr 1987 (一是…；一是…, its second
    # marker misprinted): the markers open the items, the members follow them
    text = ("鸦片战争后，中国成为半殖民地半封建国家。中华民族面对着两大历史任务：一个是求得民族独立和人民解放；"
            "一个是实现国家繁荣富强和人民共同富裕。")
    assert members_of(text, "两大历史任务") == ["求得民族独立和人民解放", "实现国家繁荣富强和人民共同富裕"]
    text = ("必须着重研究两个重要问题：第一，怎样使工人和贫民阶级对政治感兴趣，怎样组织他们从事革命工作；"
            "第二，怎样促使他们参加无产阶级的革命运动。")
    assert members_of(text, "两个重要问题") == ["怎样使工人和贫民阶级对政治感兴趣，怎样组织他们从事革命工作",
                                              "怎样促使他们参加无产阶级的革命运动"]
    # counter-example (constructed): 第一 without a comma or 是 after it opens a word
    assert members_of("优化三大产业：第一产业、第二产业、第三产业。", "三大产业") == ["第一产业", "第二产业", "第三产业"]


def test_deng_closing_a_list_after_a_formulation_is_no_part_of_its_last_member():
    # policy document central-68: 包括A，B，C，D等 (the 等 closes the list)
    text = ("高等学校要重点推进四项工作，包括创建智能化教育环境，提升教师技术素养与应用能力，推进教师大数据建设与应用，"
            "服务地方教育教学改革与创新等。")
    assert members_of(text, "四项工作")[-1] == "服务地方教育教学改革与创新"
    # counter-example (constructed): a word ending in 等 keeps it (deng_word_ends.txt)
    assert members_of("坚持两项原则，即自愿参加和男女平等。", "两项原则") == ["自愿参加", "男女平等"]
    # 不等 (varying: 补助标准从一千元到五千元不等) is such a word too
    from policy_nlp.stages.slogans.members.following import _before_deng
    assert _before_deng("补助标准不等", 0, 6) == 6 and _before_deng("改革与创新等", 0, 6) == 5


def test_a_parallel_compound_ending_the_last_item_before_is_the_members():
    # Xi speech of 2020-10-15: 联通 governs the compound 国内国际 that counts the two circulations;
    # the list before (畅通国内大循环和联通…) is two verb phrases, no members
    text = "深化对内经济联系、增加经济纵深，增强畅通国内大循环和联通国内国际双循环的功能，加快推进规则标准等制度型开放。"
    assert members_of(text, "双循环") == ["国内", "国际"]
    # counter-example (gwr 2019): a list of two nouns before the count stays the members
    assert members_of("更好利用国际国内两个市场，我们要统筹国内和国际两个大局。", "两个大局") == ["国内", "国际"]


def test_a_formulation_inside_a_list_has_no_members_among_its_siblings():
    # local dev-0123: 区法检“两长” is one item of the list of those attending, 、 before and after
    # (quoted; an unquoted count heads the items before it: see the test of 三大热工控制)
    text = "5月27日,我区召开全区领导干部电视电话会议。区四套班子领导、区法检“两长”、各处级单位主要领导及班子成员分别在主、分会场参加会议。"
    assert members_of(text, "两长") == []
    # counter-examples (gwr 2011, cpc 15): a parallel compound before a 、 (两个市场、两种资源),
    # and a list joined by 和 before a 、 (物质文明和精神文明两手抓、两手都要硬)
    assert members_of("利用好国内国际两个市场、两种资源，统筹处理好国内发展和对外开放。", "两个市场") == ["国内", "国际"]
    from policy_nlp.stages.lexicon import default_lexicon
    text = "坚持物质文明和精神文明两手抓、两手都要硬的方针，排除各种干扰。"
    (s,) = [s for s in find_slogans(text, default_lexicon()) if s["text"] == "两手抓"]
    assert [m["text"] for m in s["members"]] == ["物质文明", "精神文明"]


def test_a_quantifier_of_a_collective_is_no_part_of_the_first_member():
    # policy document shandong-49: 支持一批 opens the noun phrase the list qualifies
    # (collective_quantifiers.txt)
    text = ("实施科技型中小企业创新能力提升工程，每年支持一批研发投入占比高、复合增长率高、市场占有率高、拥有核心硬科技的"
            "“三高一核心”中小企业，联合高校、院所开展技术攻关和成果转化。")
    assert members_of(text, "三高一核心") == ["研发投入占比高", "复合增长率高", "市场占有率高", "拥有核心硬科技"]
    # counter-examples: 一个 is no such quantifier (一个中心 names a member), and a quantifier
    # that leaves fewer than two characters is kept
    from policy_nlp.stages.slogans.members.items import _after_collective
    assert _after_collective("一个中心") == 0 and _after_collective("第一批") == 0
    assert _after_collective("培养造就一支懂农业") == 6
    # nor is a 一 that ends a word (words_ending_yi.txt): policy document central-1 writes
    # 统一支撑平台, which a list of platforms before a count opens
    assert _after_collective("统一支撑平台") == 0 and _after_collective("第一批国家公园") == 0
    text = "要建设统一支撑平台、数据共享平台、业务应用平台三大平台。"
    assert members_of(text, "三大平台") == ["统一支撑平台", "数据共享平台", "业务应用平台"]


def test_members_ending_with_the_lexicons_members_are_cut_to_them():
    # cpc 19: 懂/爱 describe the workers, 农业、农村、农民 are the 三农; gwr 1986: 中国信守
    # leads into the five principles (the lexicon's members end each item)
    from policy_nlp.stages.lexicon import default_lexicon
    lexicon = default_lexicon()

    def lexicon_members(text, name):
        (s,) = [s for s in find_slogans(text, lexicon) if s["text"] == name]
        assert all(text[m["start"]:m["end"]] == m["text"] for m in s["members"])
        return [m["text"] for m in s["members"]]
    text = "健全自治、法治、德治相结合的乡村治理体系。培养造就一支懂农业、爱农村、爱农民的“三农”工作队伍。"
    assert lexicon_members(text, "三农") == ["农业", "农村", "农民"]
    text = "第五、\n中国信守互相尊重主权和领土完整、互不侵犯、互不干涉内政、平等互利、和平共处五项原则，并努力在这个基础上发展关系。"
    assert lexicon_members(text, "五项原则")[0] == "互相尊重主权和领土完整"
    # counter-examples: members that do not all end with the lexicon's, in its order, keep
    # their words (农民问题 is no 农民)
    from policy_nlp.stages.slogans.members.link import _known_parts
    got = [{"start": 0, "end": 3, "text": "懂农业"}, {"start": 4, "end": 8, "text": "农民问题"}]
    assert _known_parts("懂农业、农民问题", got, ["农业", "农民"]) is None
    assert _known_parts("懂农业、农民问题", got[:1], ["农业"]) is None


def test_a_colon_opening_brackets_after_a_formulation_is_no_part_of_a_member():
    # gwr 2006: （即：淮河海河辽河、太湖巢湖滇池）
    text = "重点搞好“三河三湖”（即：淮河海河辽河、太湖巢湖滇池）、南水北调水源及沿线的水污染防治。"
    assert members_of(text, "三河三湖") == ["淮河", "海河", "辽河", "太湖", "巢湖", "滇池"]
    # counter-example (the package docstring's): brackets without 即 or a colon
    assert members_of("推进五项改革（甲改革、乙改革）。", "五项改革") == ["甲改革", "乙改革"]


def test_a_list_that_is_the_object_of_yi_starts_after_it():
    # policy document central-159 and cpc 15: 以 takes the list as its object (以…为支撑,
    # 一切以是否…为根本判断标准), no part of the first member
    text = "总体框架 \n智慧社区总体框架以政策标准和制度安全两大保障体系为支撑，以设施\n层、网络层、感知层等基础设施为基础。"
    assert members_of(text, "两大保障体系") == ["政策标准", "制度安全"]
    text = ("一切以是否有利于发展社会主义社会的生产力、有利于增强社会主义国家的综合国力、有利于提高人民的生活水平"
            "这“三个有利于”为根本判断标准，不断开拓我们事业的新局面。")
    assert members_of(text, "三个有利于")[0] == "有利于发展社会主义社会的生产力"
    # counter-example (local dev-0044): 可以 is no preposition (yi_preposition_words.txt)
    text = "这样做可以有效解决我市经济主体资本原始积累和政府财力两个不足。"
    assert members_of(text, "两个不足") == ["经济主体资本原始积累", "政府财力"]
    # counter-example: a 以 that the next item opens with too frames each item (gwr 2016 推进以电代煤、
    # 以气代煤; cpc 17 建立以工促农、以城带乡长效机制)
    text = "推进以电代煤、以气代煤两项工程。"
    assert members_of(text, "两项工程") == ["以电代煤", "以气代煤"]
    text = "坚持以工促农、以城带乡“两个趋向”。"
    assert members_of(text, "两个趋向") == ["以工促农", "以城带乡"]


def test_verb_phrases_keep_their_verbs_when_half_the_others_open_with_a_lead_word():
    # constructed in the shape of local work plans (a review of the thirteenth session): 发展 is a
    # lead word and 改善 is not, so only half of the other items open with one; the list is still
    # one of verb phrases and 壮大 stays on the first member
    text = "要推进壮大村集体经济、发展特色产业、改善人居环境三项工作。"
    assert members_of(text, "三项工作") == ["壮大村集体经济", "发展特色产业", "改善人居环境"]
    # counter-example: nouns after lead verbs lose them (发展壮大 is a lead-in, not a member's verb)
    assert members_of("要发展壮大钢铁、建材、化工这三大产业。", "三大产业") == ["钢铁", "建材", "化工"]


def test_a_demonstrative_before_a_list_of_nouns_is_cut():
    # 这些 points back to the nouns it opens (gwr: 这些制度、标准和手续向群众广为宣传; 这些条例、
    # 决定、指示): a leading word of the first member, unlike 那些, which opens a relative clause;
    # the sentence is the report's with a count added
    text = "要把这些制度、标准和手续三项规定向群众广为宣传。"
    assert members_of(text, "三项规定") == ["制度", "标准", "手续"]


def test_a_verb_with_the_aspect_particle_leads_into_the_list():
    # gwr 1983: 结合着 governs the pair, it is no part of the first member
    text = ("轻工业所占比重由百分之三十一点一提高到百分之三十三点四。结合着积累与消费和农轻重这两大比例关系的调整，"
            "国务院还采取果断措施，解决了曾经出现的较大财政赤字问题。")
    assert members_of(text, "两大比例关系") == ["积累与消费", "农轻重"]


def test_review6_the_particle_alone_is_cut_when_the_verb_before_it_was():
    # gwr 1983's sentence with a subject before the verb (constructed): the verb is cut before the
    # items are trimmed, so 着 alone opened the first member (着积累与消费); 着装 is a word and stays
    text = "国务院结合着积累与消费和农轻重这两大比例关系的调整，采取果断措施，解决了曾经出现的较大财政赤字问题。"
    assert members_of(text, "两大比例关系") == ["积累与消费", "农轻重"]
    assert members_of("要围绕着改革、发展、稳定三件大事开展工作。", "三件大事") == ["改革", "发展", "稳定"]


def test_a_middle_item_ending_with_a_governing_verb_is_a_name():
    # Xi 2020-11-05: 投资促进 is the name of a platform, not a verb governing the formulation;
    # 成为 leads into the list it completes
    text = "交流创意和理念，联通中国和世界，成为国际采购、投资促进、人文交流、开放合作的四大平台，成为全球共享的国际公共产品。"
    assert members_of(text, "四大平台") == ["国际采购", "投资促进", "人文交流", "开放合作"]
    # Xi 2020-01-09: the list is the object of 把, so its last item does not govern the count
    text = "就是不划阶段、不分环节，把学习教育、调查研究、检视问题、整改落实四项重点举措贯穿全过程，有机融合、一体推进。"
    assert members_of(text, "四项重点举措") == ["学习教育", "调查研究", "检视问题", "整改落实"]


def test_a_result_complement_goes_with_the_verb_cut():
    # Xi 2020-10-15: 统筹好 leads into the pair; 好 is no part of 发展
    text = "越是开放越要重视安全，统筹好发展和安全两件大事，增强自身竞争能力、开放监管能力、风险防控能力。"
    assert members_of(text, "两件大事") == ["发展", "安全"]


def test_headings_naming_the_head_in_the_next_paragraph_are_members():
    # policy document shandong-46: the paragraph ends one clause after the formulation,
    # and the next paragraphs are （一）…（十）, each naming an 工程
    names = ["集成电路“强芯”", "高端软件“铸魂”", "先进计算“固链”", "数字终端“扩量”", "人工智能“赋智”",
             "虚拟现实“提质”", "空天信息“跃升”", "云服务大数据“融通”", "能源电子“聚能”", "新型电子材料“融链”"]
    numerals = "一二三四五六七八九十"
    body = "".join(f"（{numerals[k]}）实施{n}工程。支持龙头企业发展。\n" for k, n in enumerate(names))
    text = "坚持基础领域补短板、优势领域锻长板、新兴领域抢布局的原则，聚焦实体、做强实业，加快实施“十大工程”，塑造产业发展新优势。\n" + body
    assert members_of(text, "十大工程") == [f"{n}工程" for n in names]   # 实施 opens every heading (members7)
    # ten headings are no list of nine: （十） after （九） is the next item (it read as a heading
    # of the enclosing outline, members7)
    assert members_of(text.replace("“十大工程”", "“九大工程”"), "九大工程") == []
    # headings that do not name the head are the text's next points
    text = text.replace("工程。支持", "。支持")
    assert members_of(text, "十大工程") == []


def test_a_list_before_deng_across_a_hard_wrap():
    # policy document central-159: the line breaks before 等; 涉及 leads into the list
    text = ("智慧社区指标体系涉及保障体系、基础设施与建筑环境、社区治理与公共服务、小区管理、便民服务和主题社区\n"
            "等六个领域，包括6个一级指标，23个二级指标，87个三级指标。")
    assert members_of(text, "六个领域") == ["保障体系", "基础设施与建筑环境", "社区治理与公共服务", "小区管理",
                                          "便民服务", "主题社区"]


def test_a_following_list_stops_at_its_summary():
    # gwr 1979: 这四项原则… sums the list up and is no fifth member (the report's own 即 stays)
    text = ("中共中央号召全国人民在实现现代化的事业中要坚持四项基本原则，即坚持社会主义道路，坚持无产阶级专政，"
            "坚持共产党的领导，即坚持马克思列宁主义毛泽东思想，这四项原则都不能离开社会主义民主。")
    assert members_of(text, "四项基本原则") == ["坚持社会主义道路", "坚持无产阶级专政", "坚持共产党的领导",
                                            "坚持马克思列宁主义毛泽东思想"]   # members5: the repeated 即 is cut


def _lexicon_members(text, name):
    """As :func:`members_of`, with the default lexicon (formulations it holds)."""
    from policy_nlp.stages.lexicon import default_lexicon
    for s in find_slogans(text, default_lexicon()):
        if s["text"] == name:
            return [m["text"] for m in s["members"]]
    raise AssertionError(f"{name} not found")


def test_members5_a_list_named_by_a_bracket_after_it():
    # policy document shandong-18: the pair before （即“双减”）; 关于 and 减轻 lead into it
    text = ("全面落实党中央、国务院关于减轻义务教育阶段学生作业负担和校外培训负担（即“双减”）工作的决策部署，"
            "立足建设高质量教育体系。")
    assert members_of(text, "双减") == ["义务教育阶段学生作业负担", "校外培训负担"]
    # policy document shandong-23: （以下简称“三个创新中心”）, a quotation inside a name
    text = ("确保财政资金投入成效，规范济南“鲲鹏+昇腾”生态创新中心、华为（济南）软件开发云创新中心、华为（济南）"
            "人工智能创新中心（以下简称“三个创新中心”）运营，促进我市软件和信息技术服务业高质量发展。")
    assert members_of(text, "三个创新中心") == ["济南“鲲鹏+昇腾”生态创新中心", "华为（济南）软件开发云创新中心",
                                            "华为（济南）人工智能创新中心"]
    # counter-example: a bracket that names one thing is no list (one item for three)
    text = "确保财政资金投入成效，规范华为（济南）人工智能创新中心（以下简称“三个创新中心”）运营。"
    assert members_of(text, "三个创新中心") == []


def test_members5_a_pair_in_brackets_after_it_and_glued_names():
    # gwr 1988: （即A和B） after the formulation
    text = "沿海经济比较发达的省市要进一步扩大开放地区，实行“两头在外”（即原材料来源在外和产品销售市场在外），积极扩大加工出口。"
    assert _lexicon_members(text, "两头在外") == ["原材料来源在外", "产品销售市场在外"]
    # gwr 2007: the names of a composite glued by its heads, without 即
    text = "继续搞好“三河三湖”（淮河海河辽河、太湖巢湖滇池）、渤海、松花江等重点流域和区域污染治理。"
    assert members_of(text, "三河三湖") == ["淮河", "海河", "辽河", "太湖", "巢湖", "滇池"]
    # gwr 1964: 指 opens the bracket's list, no part of its first member
    text = ("当时，有不少的人在国内问题上积极鼓吹什么“三自一包”（指多留自留地、多搞自由市场、多搞自负盈亏企业，包产到户）、"
            "“单干风”（指恢复个体经济）。")
    assert members_of(text, "三自一包") == ["多留自留地", "多搞自由市场", "多搞自负盈亏企业", "包产到户"]


def test_members5_the_list_before_a_count_without_what_leads_into_it():
    # policy document central-131: the point's marker 五是 opens the first item
    text = ("一是建设跨行业跨领域和企业级两类工业互联网平台，五是完善标准、监测分析、新型服务、安全保障四大支撑服务体系，"
            "着力打造基于工业互联网平台的制造业新生态。")
    assert members_of(text, "四大支撑服务体系") == ["标准", "监测分析", "新型服务", "安全保障"]
    # cpc 15 and 17: 把A同B、C这两个基本点 — 把 pairs A with the list after 同
    text = ("全党要毫不动摇地坚持党在社会主义初级阶段的基本路线，把以经济建设为中心同四项基本原则、改革开放这两个基本点"
            "统一于建设有中国特色社会主义的伟大实践。")
    assert _lexicon_members(text, "两个基本点") == ["四项基本原则", "改革开放"]


def test_members5_a_chain_of_pairs_and_counts():
    # gwr 1975: each pair belongs to the count right after it
    text = ("无产阶级和资产阶级两个阶级、社会主义和资本主义两条道路、马克思主义和修正主义两条路线的斗争，"
            "是长期的，曲折的。")
    assert members_of(text, "两条路线") == ["马克思主义", "修正主义"]


def test_members5_two_groups_joined_for_a_count_of_two():
    # gwr 2015: 大众创业、万众创新 and 增加公共产品、公共服务 are the two engines
    text = ("坚持稳政策稳预期和促改革调结构“双结合”，打造大众创业、万众创新和增加公共产品、公共服务“双引擎”，"
            "推动发展调速不减势、量增质更优。")
    assert members_of(text, "双引擎") == ["大众创业、万众创新", "增加公共产品、公共服务"]
    assert members_of(text, "双结合") == ["稳政策稳预期", "促改革调结构"]


def test_members5_some_opening_every_item_is_no_part_of_them():
    # local dev-0059: 有的认为…;有的觉得…;还有的习惯… (the excerpt ends inside the third)
    text = ("但对照前期调研,部分干部 仍存在“三种误区”:有的认为“乡村振兴是‘软任务’,只要不 出事就行”,"
            "把常规工作当“标准线”;有的觉得“村里底子薄, 干多干少差不多”,存在“躺平”“守摊”心态;还有的习惯“等 靠要”,等政策。")
    assert [m[:4] for m in members_of(text, "三种误区")] == ["认为“乡", "觉得“村", "习惯“等"]


def test_members5_the_relative_verb_before_a_so_called_list():
    # gwr 1955, and the same list with a one-character verb or none (constructed)
    text = ("但同时必须对那些重犯行贿、偷工减料、盗窃国家资财、偷税漏税、盗窃国家经济情报等所谓“五毒”行为的不法资本家，"
            "给以应得的处分。")
    five = ["行贿", "偷工减料", "盗窃国家资财", "偷税漏税", "盗窃国家经济情报"]
    assert members_of(text, "五毒") == five
    assert members_of(text.replace("那些重犯", "那些搞"), "五毒") == five
    assert members_of(text.replace("那些重犯", "某些"), "五毒") == five


def test_members5_a_lexicon_member_whose_adverb_the_text_writes_once():
    # cpc 16: 始终 opens the first of the three only; the heading names them
    text = ("我们党必须始终代表中国先进生产力的发展要求，代表中国先进文化的前进方向，代表中国最广大人民的根本利益。"
            "这是坚持和发展社会主义的必然要求。\n二、全面贯彻“三个代表”重要思想\n")
    assert _lexicon_members(text, "三个代表") == ["始终代表中国先进生产力的发展要求", "代表中国先进文化的前进方向",
                                                "代表中国最广大人民的根本利益"]
    # counter-example: one member missing, none read
    text = text.replace("，代表中国先进文化的前进方向", "")
    assert _lexicon_members(text, "三个代表") == []


def test_review7_a_bracket_list_joined_by_he_before_its_last_name():
    # a 、-list whose last two names 和 joins is split at it, as a pair after 即 was (gwr 1988's
    # “两头在外”), with or without 即 (constructed: the corpora have no such bracket), and a glued name
    # is never cut off the 和 before it (高新区和东园, not 高新区 + 和东园)
    assert members_of("加快建设“一区两园”（即高新区、东园和西园）。", "一区两园") == ["高新区", "东园", "西园"]
    assert members_of("建设“三园”（高新园、东园和西园）。", "三园") == ["高新园", "东园", "西园"]
    assert "和东园" not in (members_of("加快建设“一区两园”（即高新区和东园、西园）。", "一区两园") or [])
    # gwr 2006's glued names stay split
    assert members_of("重点搞好“三河三湖”（即：淮河海河辽河、太湖巢湖滇池）的污染治理。", "三河三湖") == [
        "淮河", "海河", "辽河", "太湖", "巢湖", "滇池"]


def test_review7_the_paired_tong_before_a_word_that_tong_would_open():
    # 同 before 乡村振兴 pairs too though 同乡 is a word of the dictionary, as 乡村 is (constructed:
    # the corpora's only 把A同B、C这两个 are the cpc reports' 两个基本点, tested above, unchanged)
    assert members_of("要把共同富裕同乡村振兴、城乡融合这两大战略结合起来。", "两大战略") == ["乡村振兴", "城乡融合"]


def test_review7_zhi_de_shi_opens_a_bracket_of_members():
    # gwr 1964's 指 as before; 指的是 opens the list too (constructed: 落实“两个责任”（指的是…）)
    assert members_of("落实“两个责任”（指的是党委主体责任、纪委监督责任）。", "两个责任") == ["党委主体责任", "纪委监督责任"]
    assert members_of("推行“三自一包”（指多留自留地、多搞自由市场、多搞自负盈亏企业、包产到户）。", "三自一包") == [
        "多留自留地", "多搞自由市场", "多搞自负盈亏企业", "包产到户"]


def test_members6_two_steps_spelled_by_the_halves_of_the_period():
    # cpc 12 (1982) and the 1983 work report: the steps are the two decades
    text = ("为了实现二十年的奋斗目标，在战略部署上要分两步走：前十年主要是打好基础，积蓄力量，创造条件，"
            "后十年要进入一个新的经济振兴时期。这是党中央全面分析了我国经济情况和发展趋势之后作出的重要决策。")
    assert members_of(text, "两步走") == ["前十年主要是打好基础，积蓄力量，创造条件", "后十年要进入一个新的经济振兴时期"]
    text = ("党的十二大确定，到本世纪末实现工农业年总产值翻两番的战略目标必须分两步走。从一九八一年到一九九○年的"
            "前十年，主要是打好基础；从一九九一年到二○○○年的后十年，争取进入一个新的经济振兴时期。")
    assert members_of(text, "两步走") == ["从一九八一年到一九九○年的前十年，主要是打好基础",
                                        "从一九九一年到二○○○年的后十年，争取进入一个新的经济振兴时期"]


def test_members6_a_definition_far_after_a_mention_is_not_its_members():
    # gwr 1982: 二十年分两步走 on its first page; the tax reform's two steps are
    # spelled 23,000 characters later (here a real sentence of the report repeated
    # between them); the 两步走 of the tax reform keeps its own steps
    first = "我们就能够按照党的十二大所确定的二十年分两步走的战略部署，到本世纪末争取实现工农业年总产值翻两番的宏伟目标。\n"
    filler = "第六个五年计划期间，全国基本建设投资和更新改造投资都要有所增加。\n" * 120
    tax = ("对国营大中型企业，要分两步走。第一步，实行税利并存，即在企业实现的利润中，先征收一定比例的所得税和地方税。"
           "这一步在六五计划期间就开始实施。第二步，在价格体系基本趋于合理的基础上，再根据盈利多少征收累进所得税。\n")
    text = first + filler + tax
    mentions = [s for s in find_slogans(text) if s["text"] == "两步走"]
    assert [[m["text"] for m in s["members"]] for s in mentions] == [[], ["实行税利并存", "再根据盈利多少征收累进所得税"]]
    # a mention a few sentences before its definition takes it (dev-0007's 两增 shape)
    assert members_of(first + tax, "两步走") == ["实行税利并存", "再根据盈利多少征收累进所得税"]


def test_members6_a_doctrine_the_lexicon_knows_takes_its_definition_at_any_distance():
    # gwr 1987: 坚持四项基本原则 in the overview, spelled out 13,000 characters later
    first = "必须坚持四项基本原则，坚持改革开放。\n"
    filler = "第六个五年计划期间，全国基本建设投资和更新改造投资都要有所增加。\n" * 120
    later = "四项基本原则，即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义、毛泽东思想。\n"
    mentions = [s for s in find_slogans(first + filler + later, default_lexicon()) if s["text"] == "四项基本原则"]
    assert len(mentions) == 2 and all(len(s["members"]) == 4 for s in mentions)


def test_members6_parallel_verb_phrases_keep_the_first_verb():
    # gwr 2007: the first member had lost 实行 (cut as a long item's last leading verb)
    text = "几年来，我们把实行科学民主决策、推进依法行政、加强行政监督作为政府工作的三项基本准则，注重全面履行政府职能。"
    assert members_of(text, "三项基本准则") == ["实行科学民主决策", "推进依法行政", "加强行政监督"]
    # gwr 1980: nouns after a verb stay cut (发展塑料、合成纤维、合成橡胶 are no verb phrases)
    text = "要大力发展塑料、合成纤维、合成橡胶三大化工，增加轻纺工业的原料。"
    assert members_of(text, "三大化工") == ["塑料", "合成纤维", "合成橡胶"]


def test_members6_verb_object_members_side_by_side_keep_their_verbs():
    # review7's note: 深化改革、扩大开放“两大任务” gave 改革 | 扩大开放; every other
    # member opens with a verb and is as wide as the first with its verb
    # (the shape of gwr 1992's 通过深化改革、扩大开放和加快经济的发展)
    text = "要坚持深化改革、扩大开放“两大任务”，推动经济发展。"
    assert members_of(text, "两大任务") == ["深化改革", "扩大开放"]
    # central-131: nouns beside the first (监测分析, 新型服务) leave its verb cut
    text = "五是完善标准、监测分析、新型服务、安全保障四大支撑服务体系。"
    assert members_of(text, "四大支撑服务体系") == ["标准", "监测分析", "新型服务", "安全保障"]


def test_members6_an_adverb_before_the_verb_of_a_relative_clause():
    # gwr 1955's sentence with an adverb before the verb (members5 left 从事行贿)
    text = "必须对那些长期从事行贿、偷工减料、盗窃国家资财、偷税漏税、盗窃国家经济情报等所谓“五毒”行为的不法资本家进行斗争。"
    assert members_of(text, "五毒") == ["行贿", "偷工减料", "盗窃国家资财", "偷税漏税", "盗窃国家经济情报"]
    # and without one, as in the report
    assert members_of(text.replace("长期从事", "重犯"), "五毒")[0] == "行贿"


def test_members6_a_bracket_after_the_head_word_of_a_quoted_formulation():
    # policy document shandong-9
    text = ("定期开展工业大数据领军人物、智慧工匠以及“三优两重”项目（优秀产品、优秀解决方案、优秀应用案例、"
            "重点大数据企业和重点大数据资源）等评选活动。")
    assert members_of(text, "三优两重") == ["优秀产品", "优秀解决方案", "优秀应用案例", "重点大数据企业", "重点大数据资源"]
    # a bracket after the head that is no list of the number claimed names none
    assert members_of("支持高校强化“双一流”建设（2017—2020年），力争达到世界一流水平。", "双一流") == []


def test_members6_a_composite_spelled_by_headings_after_a_sentence_announcing_them():
    # policy document central-158 (members4 and members5 left it)
    text = ("城市公共交通智能化应用示范工程初步建成“一套体系、一个中心、三大平台”。具体建设任务如下：\n"
            "　　（一）建设城市公共交通运行状态成套监测体系。充分发挥现有公共汽电车车载终端的监控能力。\n"
            "　　（二）建设城市公共交通数据资源中心。完善建设城市公共交通企业数据资源。\n"
            "　　（三）建设城市公共交通企业运营智能调度平台。充分利用现有基础条件。\n"
            "　　（四）建设乘客出行信息服务平台。充分发挥现有各类信息发布终端的信息服务能力。\n"
            "　　（五）建设城市公共交通行业监管平台。实现基础业务管理、安全应急管理。\n"
            "　　八、建设内容\n")
    assert members_of(text, "一套体系、一个中心、三大平台") == [
        "建设城市公共交通运行状态成套监测体系", "建设城市公共交通数据资源中心", "建设城市公共交通企业运营智能调度平台",
        "建设乘客出行信息服务平台", "建设城市公共交通行业监管平台"]
    # headings that do not end with the parts' heads are the text's next points
    other = text.replace("监测体系。", "监测。").replace("资源中心。", "资源。")
    assert members_of(other, "一套体系、一个中心、三大平台") == []


# policy document shandong-15 (Qingdao, 2020): the aims name “四项工程”; the four
# 工程 are the sections of 三、 1,300 characters later, the first of which lost its
# （一） (here the paragraphs between them shortened to one sentence each)
_SHANDONG_15 = ("（二）工作目标\n    通过实施“四项工程”，推动人工智能创新应用先导区在综合支撑力、产业聚集力、创新创业活力、"
                "融合创新应用等方面水平和能力大幅提升。\n    二、先导领域和方向\n    （一）工业互联网。落实《青岛市工业互联网"
                "三年攻坚实施方案（2020-2022年）》。\n    （二）智能轨道交通。推动人工智能在轨道交通全生命周期的运用。\n"
                "    三、重点任务\n    实施重点企业链式培育工程。围绕人工智能基础层、技术层和应用层，聚焦完善产业重点领域。\n"
                "    1.培育人工智能领军企业。支持企业建设人工智能制造业创新中心。\n"
                "    2.引进孵化人工智能创新型企业。积极引进国内外研究机构和国际一流人才团队落户。\n"
                "    （二）实施场景赋能千企千景工程。以人工智能赋能制造业为重点，突破一批重点人工智能产品。\n"
                "    3.加快重点产品研发及规模化发展。以市场需求为牵引。\n"
                "    （三）实施公共平台创建提升工程。推动搭建开源开放、数据中心、评估测试、产学研协同等平台。\n"
                "    4.加强产学研协同创新。支持龙头企业与高校、科研院所、开放实验室等机构。\n"
                "    （四）实施创新生态营造优化工程。加大人工智能人才引进培养力度。\n"
                "    5.充分运用社会资本。\n    四、保障措施\n    加强组织协调。在工信部指导下。\n"
                "    （二）加大政策支持。\n")


def test_members7_headings_sections_after_name_the_members():
    assert members_of(_SHANDONG_15, "四项工程") == ["重点企业链式培育工程", "场景赋能千企千景工程",
                                                  "公共平台创建提升工程", "创新生态营造优化工程"]
    # a section that names no 工程 makes the list the text's next points
    other = _SHANDONG_15.replace("（三）实施公共平台创建提升工程。", "（三）搭建公共平台。")
    assert members_of(other, "四项工程") == []
    # a count the headings do not reach is no match either
    assert members_of(_SHANDONG_15.replace("“四项工程”", "“五项工程”"), "五项工程") == []


def test_members7_items_naming_the_head_after_a_heading_of_the_count():
    # policy document shandong-20: 建设 opens each item and is cut; the names end with the head
    text = ("2.打造三大经济圈协同创新共同体。立足省会、胶东和鲁南发展需求，打造协同创新共同体。\n\n"
            "（1）建设省会经济圈协同创新共同体。推进中科院济南科创城建设，加快中科院优质创新资源集聚。\n\n"
            "（2）建设胶东经济圈协同创新共同体。发挥青岛辐射带动作用。\n\n"
            "（3）建设鲁南经济圈协同创新共同体。依托鲁南科创联盟，整合四市科创资源。\n\n"
            "3.加快县域创新驱动发展。\n")
    assert members_of(text, "三大经济圈") == ["省会经济圈", "胶东经济圈", "鲁南经济圈"]
    # an item with no verb before its name: the verbs are the names' own, none is cut
    mixed = text.replace("（2）建设胶东", "（2）胶东")
    assert members_of(mixed, "三大经济圈") == ["建设省会经济圈", "胶东经济圈", "建设鲁南经济圈"]


def test_members7_headings_that_apply_the_formulation_are_not_its_members():
    # 十六大 report: four （一）…（四） paragraphs each open with 贯彻“三个代表”重要思想 (shortened);
    # as three of them they would match the count
    text = ("全面贯彻“三个代表”重要思想，继往开来，与时俱进。\n二、全面贯彻“三个代表”重要思想\n"
            "（一）贯彻“三个代表”重要思想，必须使全党始终保持与时俱进的精神状态。\n"
            "（二）贯彻“三个代表”重要思想，必须把发展作为党执政兴国的第一要务。\n"
            "（三）贯彻“三个代表”重要思想，必须最广泛最充分地调动一切积极因素。\n三、经济建设和经济体制改革\n")
    assert members_of(text, "三个代表") == []



# the cpc 11 report (1977): the eight requirements, restated (这八条) before the list, which opens with 首先
_CPC_11 = ("在今年三月中央工作会议上，我代表党中央提出达到天下大治的八项要求，得到了全党全军全国各族人民的热烈赞同。"
           "中央认为，这八条，就是我们党在当前和今后一个时期内，抓纲治国的主要的战斗任务。\n\n\n\n"
           "首先，一定要把揭批“四人帮”的伟大斗争进行到底。\n\n\n在当前和今后一个时期内，揭批“四人帮”的斗争，"
           "仍然是两个阶级、两条道路斗争的中心。\n"
           "第二，一定要搞好整党整风，加强党的建设。\n第三，一定要把党的各级领导班子整顿好、建设好。\n"
           "第四，一定要抓革命促生产，把国民经济搞上去。\n"
           "第五，一定要搞好文化教育领域的革命，大力发展社会主义的文化教育事业。\n第六，一定要强化人民的国家机器。\n"
           "第七，一定要发扬民主，健全民主集中制。\n第八，一定要贯彻执行统筹兼顾、全面安排的方针。\n")


def test_members8_a_list_after_a_sentence_that_restates_the_count():
    assert members_of(_CPC_11, "八项要求") == [
        "一定要把揭批“四人帮”的伟大斗争进行到底", "一定要搞好整党整风", "一定要把党的各级领导班子整顿好、建设好",
        "一定要抓革命促生产", "一定要搞好文化教育领域的革命", "一定要强化人民的国家机器", "一定要发扬民主",
        "一定要贯彻执行统筹兼顾、全面安排的方针"]
    # without the sentence pointing back, the paragraph after it is the text's next point
    assert members_of(_CPC_11.replace("这八条，就是", "这就是"), "八项要求") == []
    # a list of another count is no match
    assert members_of(_CPC_11.replace("第八，", "又，"), "八项要求") == []


# the 1981 government work report: 这些方针 restates the count; the ten sections (一、…十、) follow,
# each heading cut here to its line (the report's paragraphs under them left out)
_GWR_1981 = ("围绕着提高经济效益，走出一条经济建设的新路子，必须认真贯彻执行下列十条方针。这些方针，是调整、改革、"
             "整顿、提高方针的具体体现，是建国三十二年来的经验积累，特别是近三年来的经验积累。\n\n\n\n"
             "一、依靠政策和科学，加快农业的发展\n\n\n\u3000\u3000农业是国民经济的基础。\n\n\n\n"
             "二、把消费品工业的发展放到重要地位，进一步调整重工业的服务方向\n\n\n\n"
             "三、提高能源的利用效率，加强能源工业和交通运输业的建设\n\n\n\n"
             "四、有重点有步骤地进行技术改造，充分发挥现有企业的作用\n\n\n\n"
             "五、分批进行企业的全面整顿和必要改组\n\n\n\n六、讲究生财、聚财、用财之道，增加和节省建设资金\n\n\n\n"
             "七、坚持对外开放政策，增强我国自力更生的能力\n\n\n\n"
             "八、积极稳妥地改革经济体制，充分有效地调动各方面的积极性\n\n\n\n"
             "九、提高全体劳动者的科学文化水平，大力组织科研攻关\n\n\n\n"
             "十、从一切为人民的思想出发，统筹安排生产建设和人民生活\n\n\n\n")


def test_members8_sections_after_a_restated_count_of_ten():
    assert members_of(_GWR_1981, "十条方针") == [
        "依靠政策和科学", "把消费品工业的发展放到重要地位", "提高能源的利用效率", "有重点有步骤地进行技术改造",
        "分批进行企业的全面整顿和必要改组", "讲究生财、聚财、用财之道", "坚持对外开放政策", "积极稳妥地改革经济体制",
        "提高全体劳动者的科学文化水平", "从一切为人民的思想出发"]
    # an eleventh section makes the list no list of ten (十一、 was not read as a marker)
    longer = _GWR_1981 + "十一、加强社会主义民主和法制建设\n"
    assert members_of(longer, "十条方针") == []


def test_members8_a_list_of_eleven_marked_items_is_no_list_of_ten():
    from policy_nlp.stages.slogans.members.following import _marked_items
    # gwr 2008's ten 一是…十是 measures of 节能减排 (each cut to its first sentence): 十是 is the tenth
    text = ("一是落实电力、钢铁、水泥、煤炭、造纸等行业淘汰落后生产能力计划。二是抓好重点企业节能和重点工程建设。"
            "三是开发和推广节约、替代、循环利用资源和治理污染的先进适用技术。四是做好“三河三湖”重点流域污染防治工作。"
            "五是加强农村饮用水水源地保护。六是鼓励和支持发展循环经济，促进再生资源回收利用。"
            "七是加强土地、水、草原、森林、矿产等资源的保护和节约集约利用。八是实施应对气候变化国家方案。"
            "九是完善能源资源节约和环境保护奖惩机制。十是增强全社会生态文明观念。")
    items = _marked_items(text, 0)
    assert len(items) == 10 and items[-1]["text"] == "增强全社会生态文明观念"
    # 十一是 is read as the eleventh item (it was passed by, and a list of eleven read as one of ten)
    assert len(_marked_items(text + "十一是加快产品质量安全标准制定和修订。", 0)) == 11


def test_members8_a_formulation_naming_its_parts_takes_no_list_before_it():
    # gwr 2002: the pair before 收支两条线 is what the rule applies to; 收 and 支 are its two lines
    text = "进一步采取有力措施，认真落实行政性收费和罚没收入“收支两条线”的规定。实行综合财政预算和部门预算。"
    assert members_of(text, "收支两条线") == []
    # a count opening the formulation is not such a name (dev-0152's 三证合一 keeps its list)
    text = "积极推行工商营业执照、组织机构代码证、税务登记证“三证合一”,实行“一照一码”。"
    assert members_of(text, "三证合一") == ["工商营业执照", "组织机构代码证", "税务登记证"]


# policy document shandong-15 (2020): the 1+4 parts are named in the dash lines, then headed (一)…(五)
# (each section cut to its heading and first sentence)
_SHANDONG_15_1_4 = ("    二、先导领域和方向\n    以“1+4”领域为先导，推动人工智能与制造业深度融合，寻找突破口、探索新路径。\n"
                    "    --“1”个核心平台：大力推动工业互联网创新发展，构建全要素、全生产链、全价值链全面连接的新型工业生产"
                    "制造和服务体系，打造世界工业互联网之都。\n"
                    "    --“4”个重点产业：智能轨道交通，探索推动人工智能在轨道交通全生命周期的运用；智能家居，探索构建以"
                    "孵化平台为核心的创新生态圈；超高清视频，探索推动产业链、技术链、创新链、资金链和政策链深度融合；"
                    "智慧医疗，探索推广应用人工智能治疗新模式新手段。\n"
                    "    （一）工业互联网。落实《青岛市工业互联网三年攻坚实施方案（2020-2022年）》。\n"
                    "    （二）智能轨道交通。推动人工智能在轨道交通全生命周期的运用，提高产业技术协同研发能力和增值服务。\n"
                    "    （三）智能家居。依托山东省高端智能家电制造业创新中心，开发高端智能家电产品。\n"
                    "    （四）超高清视频。加快超高清视频产业发展。\n"
                    "    （五）智慧医疗。加快布局精准医疗产业。\n"
                    "    三、重点任务\n")


def test_members8_headings_that_the_text_named_before_them():
    assert members_of(_SHANDONG_15_1_4, "1+4") == ["工业互联网", "智能轨道交通", "智能家居", "超高清视频", "智慧医疗"]
    # a heading not named between the formulation and the list: the list is the text's next points
    assert members_of(_SHANDONG_15_1_4.replace("（四）超高清视频。", "（四）加快发展。"), "1+4") == []
    # policy document central-1: 四横即…，两纵即…, then the six layers as headings
    text = ("智慧林业总体架构主要包括“四横两纵”，四横即设施层、数据层、支撑层、应用层，两纵即标准规范体系、安全与综合"
            "管理体系（图4），其相互联系、相互支撑，形成一个闭环的运营体系。\n"
            "    \u3000\u3000（一）设施层。设施层是智慧林业的基础。\n    \u3000\u3000（二）数据层。\n"
            "    \u3000\u3000（三）支撑层。\n    \u3000\u3000（四）应用层。\n"
            "    \u3000\u3000（五）标准规范体系。\n    \u3000\u3000（六）安全与综合管理体系。\n")
    assert members_of(text, "四横两纵") == ["设施层", "数据层", "支撑层", "应用层", "标准规范体系", "安全与综合管理体系"]


def test_members8_a_tail_the_members_share_is_cut_from_the_last():
    # gwr 2018: 污染防治 qualifies each of the three 十条 (as gwr 2019's gold reads 化肥农药使用量…双下降)
    assert members_of("五年来，生态环境状况逐步好转。制定实施大气、水、土壤污染防治三个“十条”并取得扎实成效。",
                      "三个“十条”") == ["大气", "水", "土壤"]
    # gwr 2025: 荒漠化 and 沙化 土地面积
    assert members_of("深入实施重要生态系统保护和修复重大工程，荒漠化、沙化土地面积持续“双缩减”。生物多样性保护取得积极成效。",
                      "双缩减") == ["荒漠化", "沙化"]
    # policy document central-25 (read across its hard wraps): two 国家级试验区
    assert members_of("重庆市坚持以数字化改革引领系统性变革，加快推进数字经济、人工智能国家级试验区“双区”建设，依托汽车制造、"
                      "医疗产业等工业基础。", "双区") == ["数字经济", "人工智能"]


def test_members8_no_shared_tail_in_clauses_or_in_members_of_one_ending():
    # cpc 13: items that share their opening verb are clauses; 毛泽东思想 is the last one's own
    assert _lexicon_members("坚持社会主义道路、坚持人民民主专政、坚持中国共产党的领导、坚持马克思列宁主义毛泽东思想这四项"
                            "基本原则，是我们的立国之本。", "四项基本原则")[-1] == "坚持马克思列宁主义毛泽东思想"
    # central-115: measures opening with verbs
    assert members_of("为确保重点任务落实，《行动计划》提出了包括加强组织领导、加大政策支持力度、构建产业生态体系、优化产业发展"
                      "环境、健全人才培养体系和推进国际及港澳台交流合作在内的六项保障措施，充分发挥国家制造强国建设领导小组"
                      "的作用。", "六项保障措施")[-1] == "推进国际及港澳台交流合作"
    # gwr 1957: 農業、手工業、工商業 end alike; 工商業 is the last one's own
    assert members_of("我国农業、手工業和資本主义工商業的三大社会主义改造能够同时基本上完成，幷不是偶然的。",
                      "三大社会主义")[-1] == "資本主义工商業"


def test_review8_an_unquoted_count_keeps_its_last_member_whole():
    # the 2018 and 2025 work reports, central-25: a quoted coinage leaves the shared words out
    assert members_of("制定实施大气、水、土壤污染防治三个“十条”并取得扎实成效。", "三个“十条”") == ["大气", "水", "土壤"]
    assert members_of("深入实施重要生态系统保护和修复重大工程，荒漠化、沙化土地面积持续“双缩减”。", "双缩减") == ["荒漠化", "沙化"]
    # constructed, of the same shape unquoted: a count with its own head names each member whole
    assert members_of("统筹人才、资金、科技创新平台三大要素。", "三大要素") == ["人才", "资金", "科技创新平台"]
    assert members_of("聚焦钢铁、化工、新能源汽车产业三大领域。", "三大领域") == ["钢铁", "化工", "新能源汽车产业"]


def test_dictionary_words_ending_with_the_head_written_apart_before_it_are_the_members():
    # gwr 1995 and the ninth congress report (1969): the words that end with the head, each
    # written in its own clause before the count, are what it counts; counter-examples: a word
    # the dictionary lacks (政治文明) leaves three unmatched, and an earlier mention bounds the search
    text = "各级政府都要把精神文明建设列入社会经济发展总体规划，贯穿于物质文明建设之中，使两个文明建设协调发展，相互促进。"
    assert members_of(text, "两个文明") == ["精神文明", "物质文明"]
    text = ("无产阶级同资产阶级之间夺权和反夺权的斗争，是生死存亡的斗争。从一九六七年上海一月革命风暴到一九六八年九月西藏、"
            "新疆成立革命委员会，其间有一年零九个月的时间，两个阶级、两条路线进行了反复的政治较量。")
    assert members_of(text, "两个阶级") == ["无产阶级", "资产阶级"]
    text = "在建设物质文明的同时，推进政治文明，不断把社会主义精神文明建设推向前进，使三个文明协调发展。"
    assert members_of(text, "三个文明") == []
    text = "在建设物质文明的同时，不断把社会主义精神文明建设推向前进。两个文明都要抓。各地要使两个文明建设协调发展。"
    assert [[m["text"] for m in s["members"]] for s in find_slogans(text) if s["text"] == "两个文明"] == [
        ["物质文明", "精神文明"], []]


def test_words_sharing_the_head_are_not_the_members_the_lexicon_gives():
    # review9: (10d) reads any N dictionary words ending with the head; for a formulation the
    # lexicon defines (两个市场: 国内市场, 国际市场) other words are not its members
    def members(text, name):
        return [[m["text"] for m in s["members"]] for s in find_slogans(text, default_lexicon()) if s["text"] == name]
    assert members("要整顿规范农贸市场和钢铁市场秩序，用好两个市场、两种资源，推动开放型经济发展。", "两个市场") == [[]]
    assert members("要开拓国际市场，稳定国内市场，用好两个市场、两种资源。", "两个市场") == [["国际市场", "国内市场"]]
    # a formulation outside the lexicon keeps what (10d) reads
    assert members("各级政府都要把精神文明建设列入社会经济发展总体规划，贯穿于物质文明建设之中，使两个文明建设协调发展。",
                   "两个文明") == [["精神文明", "物质文明"]]


def test_a_far_list_that_is_not_the_lexicons_gives_its_members_where_its_items_open_with_them():
    # members9: a step reading away from the formulation (here the head-initial list later in
    # the paragraph) that finds other members than the lexicon's gives the lexicon's where each
    # item opens or ends with one of them (local dev-0016; gwr 2015: clauses whose subjects they are)
    def members(text, name):
        return [[m["text"] for m in s["members"]] for s in find_slogans(text, default_lexicon()) if s["text"] == name]
    text = ("从我个人来讲,作为一个农民的儿子,我对“三农”有一种说不尽的缘分、道不尽的情感,总不愿看到农村衰败,"
            "总希望农村有新变化、农业有大发展、农民有好生活。")
    assert members(text, "三农") == [["农村", "农业", "农民"]]
    text = "加快推进农业现代化。坚持“三农”重中之重地位不动摇，加快转变农业发展方式，让农业更强、农民更富、农村更美。"
    assert members(text, "三农") == [["农业", "农民", "农村"]]
    # counter-examples: the steps that read the text right at the formulation hold against the
    # lexicon, whose wording a text may date or vary (gwr 1979: 无产阶级专政; gwr 2010: the older
    # 两个大局, the golds' 国内, 国际; local dev-0241: the city's 市委 for the lexicon's 党委)
    text = ("中共中央号召全国人民在实现现代化的事业中要坚持四项基本原则，即坚持社会主义道路，坚持无产阶级专政，"
            "坚持共产党的领导，即坚持马克思列宁主义毛泽东思想，这四项原则都不能离开社会主义民主。")
    assert members(text, "四项基本原则")[0][1] == "坚持无产阶级专政"
    text = "必须坚持统筹国内国际两个大局，把扩大内需作为长期战略方针，坚定不移地实行互利共赢的开放战略。"
    assert members(text, "两个大局") == [["国内", "国际"]]
    text = "这次XX市委、市人大、市政府、市政协四大家的主要负责同志,以及市直机关有关部门的负责同志,带着 XX730万人民对湘西各族人民深厚的感情来到湘西学习考察。"
    assert members(text, "四大家") == [["市委", "市人大", "市政府", "市政协"]]
    # an item holding two of the lexicon's members (dev-0016: XX的农业农村发展) is cut to neither
    from policy_nlp.stages.slogans.members.link import _known_parts
    got = [{"start": 0, "end": 4, "text": "农业农村"}, {"start": 5, "end": 9, "text": "农民增收"}]
    assert _known_parts("农业农村、农民增收", got, ["农业", "农村"], opening=True) is None


def test_a_last_item_ending_with_a_preposition_after_a_word_is_a_clause():
    # government work report 2008: the banks are the subject of 为“三农”服务, not its members (银行为:
    # 银行 takes the 行 of 行为); the 2007 report's 增强中国邮政储蓄银行为“三农”服务的功能 has no list
    lexicon = default_lexicon()
    text = ("加快农村金融改革，强化中国农业银行、中国农业发展银行和中国邮政储蓄银行为“三农”服务的功能，"
            "继续深化农村信用社改革。")
    assert [s["members"] for s in find_slogans(text, lexicon) if s["text"] == "三农"] == [[]]
    assert _clause_in_item("中国邮政储蓄银行为", last=True) is True
    # the word 行为 at an item's end, and 作为 (a verb: the list may be what it counts), stay words
    assert _clause_in_item("规范政府行为", last=True) is False
    assert _clause_in_item("调结构作为", last=True) is False


def test_members22_the_lexicons_members_written_with_their_shared_ending_once():
    # gwr 1979 (the ending after the series, 的 between) and gwr 1978 (the series two paragraphs
    # before the mention, shortened here): the lexicon's 农业现代化 … 科学技术现代化
    text = ("我们把四个现代化叫做社会主义现代化，这就是说，我们是在社会主义制度下而不是在资本主义制度下"
            "实行农业、工业、国防、科学技术的现代化的，因而我们的现代化，作为一种社会过程，它的目标、道路、"
            "步骤和方法，将必然具有社会主义的特点。")
    assert _lexicon_members(text, "四个现代化") == ["农业", "工业", "国防", "科学技术"]
    text = ("深入开展阶级斗争、生产斗争和科学实验三大革命运动，在本世纪内把我国建设成为农业、工业、国防和科学技术"
            "现代化的伟大的社会主义强国。\n\n　　早在一九六三年，毛主席就尖锐地指出：“我国从十九世纪四十年代起，"
            "到二十世纪四十年代中期，共计一百零五年时间，全世界几乎一切大中小帝国主义国家都侵略过我国，都打过我们。”"
            "\n\n　　毛主席在这里总结了一百多年来帝国主义侵略我国和我国人民反侵略斗争的历史。重温毛主席的教导，"
            "我们大家可以更加清楚地认识到，实现社会主义的四个现代化，这不仅是重大的经济任务，首先是十分紧迫的政治任务。")
    assert _lexicon_members(text, "四个现代化") == ["农业", "工业", "国防", "科学技术"]
    # congress reports 9 and 10, gwr 1978: right before the formulation, which ends with the
    # ending (道路 of 社会主义道路, 资本主义道路); 同 joins the two
    text = "在社会主义这个历史阶段中，还存在着阶级、阶级矛盾和阶级斗争，存在着社会主义同资本主义两条道路的斗争。"
    assert _lexicon_members(text, "两条道路") == ["社会主义", "资本主义"]
    # counter-examples (constructed): a part missing or a longer list (交通、农业…: the series is
    # another one) reads nothing
    text = "我们要实现四个现代化，首先要搞好农业、工业和科学技术现代化。"
    assert _lexicon_members(text, "四个现代化") == []
    text = "我们要实现四个现代化，就要搞好交通、农业、工业、国防和科学技术现代化。"
    assert _lexicon_members(text, "四个现代化") == []


def test_the_lexicons_shared_ending_is_cut_at_a_word_boundary():
    """leftovers22b (review17's doubt, constructed: no case in the corpora): the longest ending
    社会主义道路 and 资本主义道路 share, 主义道路, cut 资本主义 inside; 社会、资本主义道路 read
    社会, 资本. The ending is now the longest that splits no word of the dictionary (道路)."""
    text = "存在着两条道路的斗争，有人主张社会、资本主义道路并存。"
    assert _lexicon_members(text, "两条道路") == []
    text = "存在着两条道路的斗争，有人主张社会主义、资本主义道路并存。"
    assert _lexicon_members(text, "两条道路") == ["社会主义", "资本主义"]


def test_the_lexicons_short_members_written_together_as_one_list():
    """members24 (out-of-sample member gold): the lexicon's members of two characters, too common
    to be read one by one (江青, 创新), name the formulation when the text lists them all together
    near it, in any order, with no joint before or after the list."""
    # gwr 1978: the four names right before the quoted name
    text = ("我国人民在中国共产党领导下，经过激烈的反复较量，终于粉碎了王洪文、张春桥、江青、姚文元“四人帮”反党集团。"
            "这个伟大胜利，标志着我国第一次无产阶级文化大革命胜利结束。")
    assert _lexicon_members(text, "四人帮") == ["王洪文", "张春桥", "江青", "姚文元"]
    # Xi, 2020-07-31 (the economists' forum): the list in the sentence before 这五大发展理念
    text = ("党的十八届五中全会提出要树立和坚持创新、协调、绿色、开放、共享的发展理念。这五大发展理念，"
            "是在深刻总结国内外发展经验教训、深入分析国内外发展大势的基础上提出来的。")
    assert _lexicon_members(text, "五大发展理念") == ["创新", "协调", "绿色", "开放", "共享"]
    # counter-examples (the two sentences varied): the members inside a longer list are another
    # list's items, and three of the four names are not the formulation's members
    assert _lexicon_members(text.replace("创新、", "改革、创新、"), "五大发展理念") == []
    text = "终于粉碎了王洪文、张春桥、江青“四人帮”反党集团。"
    assert _lexicon_members(text, "四人帮") == []


def test_members_equal_to_the_lexicons_hold_for_its_other_mentions():
    """members24: a lexicon formulation names one thing throughout a text, so the members one
    mention reads, when they are the lexicon's own, hold for its mentions that read none (cpc 1987:
    the list before 这四项基本原则, then 它赋予四项基本原则…; the golds record them per document)."""
    text = ("坚持社会主义道路、坚持人民民主专政、坚持中国共产党的领导、坚持马克思列宁主义毛泽东思想这四项基本原则，"
            "是我们的立国之本。坚持改革开放的总方针，是十一届三中全会以来党的路线的新发展，它赋予四项基本原则以新的时代内容。")
    from policy_nlp.stages.lexicon import default_lexicon
    spans = [s for s in find_slogans(text, default_lexicon()) if s["text"] == "四项基本原则"]
    assert len(spans) == 2
    assert [[m["text"] for m in s["members"]] for s in spans] == [
        ["坚持社会主义道路", "坚持人民民主专政", "坚持中国共产党的领导", "坚持马克思列宁主义毛泽东思想"]] * 2
    # counter-example (local dev-0208): members that are no lexicon's (村, 社区 of “两委”, not even
    # read) give the later mention nothing
    spans = [s for s in find_slogans("6月份我区已依法顺利完成了××个村、社区“两委”换届工作。今天召开“两委”干部培训会。",
                                     default_lexicon()) if s["text"] == "两委"]
    assert all(s["members"] == [] for s in spans)
