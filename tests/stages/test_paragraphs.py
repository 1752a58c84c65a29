from hypothesis import given, strategies as st

from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences, join_hard_wrapped, wrap_width

from conftest import local_excerpt, shared_path


def test_seed_paragraphs_and_sentences(seed_text):
    paragraphs = find_paragraphs(seed_text)
    sentences = find_sentences(seed_text, paragraphs)
    # Checked by hand: 43 non-blank lines (22 of forum furniture, 21 of the
    # speech from its title to its last paragraph) and 147 sentences = the
    # 115 that end in 。 plus the 32 lines that end without a sentence mark.
    assert len(paragraphs) == 43
    assert len(sentences) == 147
    texts = [seed_text[s:e] for s, e in paragraphs]
    assert "同志们:" in texts                                  # half-width colon
    assert texts.index("二、凝心聚力,真抓实干,确保年度工作目标顺利完成") > texts.index("同志们:")
    sentence_texts = [seed_text[s:e] for s, e in sentences]
    assert "针对下半点的几项重点工作,我提出五点具体意见:" in sentence_texts
    assert any(s.endswith("成为制约一体化进程的“短板”。") for s in sentence_texts)


def test_u3000_runs_split_paragraphs_without_line_breaks():
    # The Xi speeches of 2020 keep paragraph breaks only as U+3000 runs.
    text = "同志们：　　这次会议的主要任务是，分析当前形势。　　第一，脱贫攻坚。构建新发展格局　实现互利共赢"
    assert [text[s:e] for s, e in find_paragraphs(text)] == [
        "同志们：", "这次会议的主要任务是，分析当前形势。", "第一，脱贫攻坚。构建新发展格局　实现互利共赢"]


def test_space_runs_split_paragraphs_of_pages_that_lost_their_line_breaks():
    # Local speeches as document-sharing sites publish them (dev-0175, dev-0096):
    # the paragraph indent survives as ASCII spaces; a run after a sentence end,
    # after a colon or before an outline marker ends a paragraph.
    text = ("各位代表:  现在,我受镇人民政府委托,向大会作政府工作报告,请予审议。  一、经济发展空前活跃"
            "  ——农业经济稳步提升五年来,我们不断增加农业投入。  ——工业经济迅猛增长")
    assert [text[s:e] for s, e in find_paragraphs(text)] == [
        "各位代表:", "现在,我受镇人民政府委托,向大会作政府工作报告,请予审议。", "一、经济发展空前活跃",
        "——农业经济稳步提升五年来,我们不断增加农业投入。", "——工业经济迅猛增长"]
    # A text that never puts spaces after a sentence end keeps them as layout:
    # a form's blanks, a chapter heading, a two-part slogan (dev-0191).
    for text in ["承诺时间：   年   月  日", "第一章    总 则\n第一条 为贯彻落实", "西平县宋集镇:誓师动员  决战决胜"]:
        assert len(find_paragraphs(text)) == text.count("\n") + 1
    # The hand-labelled training units were cut on line breaks only.
    assert len(find_paragraphs("同志们:  今天开会。  散会。", space_runs=False)) == 1


def test_xi_speeches_have_paragraphs():
    import csv
    path = shared_path("corpora", "xi_speeches_2020", "all_data.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    text = next(r["Text"] for r in rows if r["Date"] == "2020-03-07")
    assert "\n" not in text
    assert len(find_paragraphs(text)) > 30


def test_sentences_keep_closing_quotes_and_split_half_width_marks():
    text = "他强调：“要抓落实。”我们同意!你们呢?增长6.5%；利润1.5万元……然后（一）继续"
    assert [text[s:e] for s, e in find_sentences(text)] == [
        "他强调：“要抓落实。”", "我们同意!", "你们呢?", "增长6.5%；", "利润1.5万元……", "然后（一）继续"]


def test_list_markers_with_half_width_dot_do_not_end_sentences():
    text = "1.加强组织领导。2.完善工作机制"
    assert [text[s:e] for s, e in find_sentences(text)] == ["1.加强组织领导。", "2.完善工作机制"]


@given(st.text(alphabet=st.sampled_from("政府工作。！？；!?;”）\n\u3000 \tab1.…"), max_size=80))
def test_offsets_are_trimmed_ordered_and_within_paragraphs(text):
    paragraphs = find_paragraphs(text)
    sentences = find_sentences(text, paragraphs)
    for spans in (paragraphs, sentences):
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
        assert all(text[s:e] == text[s:e].strip(" \t\u3000\u00a0") for s, e in spans)
        if wrap_width(text, find_paragraphs_by_line(text)) is None:
            assert all("\n" not in text[s:e] for s, e in spans)
    for s, e in sentences:
        assert any(ps <= s and e <= pe for ps, pe in paragraphs)
    # Every non-blank character is in exactly one sentence.
    covered = sum(e - s for s, e in sentences)
    assert covered <= len(text)
    assert all(any(s <= i < e for s, e in sentences) for i, ch in enumerate(text)
               if not ch.isspace())


def find_paragraphs_by_line(text):
    """The paragraphs before hard-wrapped lines are joined."""
    import policy_nlp.stages.paragraphs as paragraphs
    original = paragraphs.join_hard_wrapped
    paragraphs.join_hard_wrapped = lambda text, spans: spans
    try:
        return paragraphs.find_paragraphs(text)
    finally:
        paragraphs.join_hard_wrapped = original


def test_hard_wrapped_pdf_lines_join_into_paragraphs():
    # dev-0021: a PDF copy broken every ~28 characters, mid-word (…深入传达学\n习中央…)
    text = local_excerpt("dev-0021")
    paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
    first = next(p for p in paragraphs if p.startswith("今天我们召开街道党工委扩大会议"))
    assert first.endswith("希\n望同志们认真领会,深刻把握。")
    assert "一、提高站位,深刻领会,准确把握新时代经济工作的方向\n指引" in paragraphs
    assert paragraphs[:2] == ["在 2026 年街道党工委扩大会议上的讲话", "同志们:"]
    # the text is not changed: every span is a slice of it
    assert "".join(paragraphs).replace("\n", "") in text.replace("\n", "")


def test_a_heading_glued_after_a_sentence_end_ends_its_wrapped_paragraph():
    # policy_docs central-25: a PDF copy whose heading (二) follows the sentence end on its line
    text = ("剧目展演、新时代舞台艺术优秀剧目展演等各类展演展示活\n动，均采用线上线下同步方式打造“第二剧场”，让舞台艺术“破\n"
            "屏穿云”，进一步扩大传播力影响力。2022年全国“村晚”示范\n展示活动以网络直录播、短视频等形式呈现，线上线下参与约\n"
            "1.18 亿人次。（二）网络文化创作活力进一步激发\n网络文化正能量更加充沛，“中国这十年”“沿着总书记的\n"
            "足迹”等网上重大主题宣传，聚焦宣传阐释习近平新时代中国\n特色社会主义思想、展示新时代伟大成就，为党的二十大胜利\n")
    paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
    heading = next(i for i, p in enumerate(paragraphs) if "（二）" in p)
    assert paragraphs[heading].endswith("。（二）网络文化创作活力进一步激发")
    assert paragraphs[heading + 1].startswith("网络文化正能量更加充沛，“中国这十年”“沿着总书记的\n足迹”")


def test_a_closing_quote_or_bracket_inside_a_sentence_does_not_end_a_wrapped_line():
    # local_speeches dev-0201 and dev-0239, wrapped after a quoted code; dev-0168 after (市、区)
    lines = ["今年,我们要全力冲刺百亿投资计划,大力实施工业“150”", "工程,确保财政收入达到7.5亿,力争8个亿;大力实施现代",
             "农业“418”工程和城乡靓化工程,落实好十八项民生工程,加", "快新农村建设。八届区委区政府坚持一张蓝图绘到底,乘势",
             "而进,接续奋斗,提出了“1234”思路,推动各县(市、区)", "党委政府高度重视,基础设施大幅改善、城乡环境显著提升。",
             "同志们要认真领会,深刻把握。他说:“要抓落实。”"]
    assert _wraps_per_paragraph(lines) == [5, 0]


def _wraps_per_paragraph(lines):
    """The line breaks inside each paragraph of ``lines`` joined by line breaks."""
    text = "\n".join(lines)
    return [text[s:e].count("\n") for s, e in find_paragraphs(text)]


def test_a_wrap_that_cuts_a_word_of_a_line_without_punctuation_is_joined():
    # dev-0037 as the hard_wrapped copy of benchmarks/mangling.py leaves it: a line of a long quotation
    # has no comma (…“决战决胜吉林省连续40年无重大森林火⏎灾”秋防…): the wrap cuts the word 火灾
    lines = ["日)同志们:一年一度的秋季森林防火期如约而至。今天,我们", "在这里召开红石林区“决战决胜吉林省连续40年无重大森林火",
             "灾”秋防动员大会,主要任务是贯彻落实省、市2020年秋季", "森林防火工作会议精神,分析研判今秋森林防火工作面临的形势",
             ",全面安排部署秋季森林防火工作,为决战决胜吉林省连续40", "年无重大森林火灾夯实基础。请大家深刻理解、准确把握,在做",
             "好疫情防控工作的基础上,结合实际认真抓好贯彻落实。"]
    assert _wraps_per_paragraph(lines) == [6]
    # a title cut so is one line too; one that ends with its genre stays apart (test below)
    assert _wraps_per_paragraph(["筑牢安全防线守护万家灯火乡镇在安全生产月启动仪式上", "的讲话"] + lines[:6]) == [1, 5]


def test_a_table_header_and_a_figure_caption_are_not_word_cuts():
    # policy_docs central-37 (and its copy shandong-33): a table's line of column names, repeated on every
    # page, fills the width and ends between two ideographs; the cell fragment under it (规范, of row 49)
    # is no word it cut. The body lines are the document's own (its 边缘计算标准 and 工业云标准 items).
    body = ["主要包括国家相关基础通用标准在石化行业的实施指", "南或具体应用的技术要求标准。主要用于在敏捷连接、实时",
            "业务、数据优化、应用智能、安全与隐私保护等方面的关键", "需求。", "（5）工业云标准",
            "主要包括石化工业云微服务、服务组件、应用开发环境、", "平台互通适配等平台服务标准。主要用于指导工业云平台的",
            "设计和建设，规范不同工业云服务的业务能力，提升工业云", "服务的设计、实现、部署、供应和运营管理水平。"]
    header = "序号一级分类二级分类标准名称标准层级状态标准号/计划号"
    assert _wraps_per_paragraph(body + [header, "规范", "50 A基础共性AG智能装备工业机器人与生产环境通信架构"]) \
        == [3, 0, 3, 0, 0, 0]
    # policy_docs central-63: a figure's caption that fills the width stays apart from the paragraph on the
    # figure under it (图 12 通过…), whose own wrap between two ideographs (…系统架构⏎三个维度) still joins
    lines = ["附件 2", "智能制造系统架构映射", "图12 智能制造系统架构各维度与智能制造标准体系结构映射",
             "图 12 通过具体的映射图展示了智能制造系统架构", "三个维度与智能制造标准体系的映射关系。由于智能制造",
             "标准体系结构中 A 基础共性及 C 行业应用涉及到整个智", "能制造系统架构，映射图中对 B 关键技术进行了分别映",
             "射。", "B 关键技术中包括 BA 智能装备、BB 智能工厂、BC", "智慧供应链、BD 智能服务、BE 智能赋能技术、BF 工业",
             "网络等六大类标准。其中 BA 智能装备主要对应生命周", "期维度的设计、生产和物流，系统层级维度的设备和单元，"]
    assert _wraps_per_paragraph(lines) == [0, 0, 0, 4, 3]


def test_indented_lines_and_items_start_paragraphs():
    # dev-0046: lines indented by two spaces start paragraphs
    text = local_excerpt("dev-0046")
    paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
    assert any(p.startswith("下面,就加速推进招商引资工作") for p in paragraphs)
    assert any(p.startswith("今天,区委、区政府") and p.endswith("工\n作的家人表示衷心的感谢!")
               for p in paragraphs)
    # dev-0196: 二是/三是 items stay paragraphs of their own
    text = local_excerpt("dev-0196")
    assert all(not text[s:e].startswith("一是") or "二是" not in text[s:e]
               for s, e in find_paragraphs(text))


def test_line_broken_titles_and_banners_are_not_joined():
    for key in ("dev-0169", "dev-0160", "dev-0175"):
        text = local_excerpt(key)
        for s, e in find_paragraphs(text):
            if "\n" in text[s:e]:
                assert any(ch in text[s:e] for ch in "，,、。"), (key, text[s:e])


def test_national_reports_are_not_hard_wrapped():
    import json
    path = shared_path("corpora", "national", "government_work_reports.jsonl")
    for record in map(json.loads, path.open(encoding="utf-8")):
        text = record["content"]
        assert find_paragraphs(text) == find_paragraphs_by_line(text), record["title"]


def test_a_long_line_is_cut_into_paragraph_sized_units_but_the_outline_is_unchanged():
    from policy_nlp.stages.enumerations import find_lists
    from policy_nlp.stages.paragraphs import LONG_PARAGRAPH, physical_paragraphs
    body = ("今年以来，全县上下认真贯彻落实上级决策部署，经济社会发展保持良好态势。" * 20
            + "我讲三点意见。一是抓好安全生产，层层压实责任。二是抓好防汛工作，确保安全度汛。三是抓好项目建设。"
            + "各级各部门要切实增强责任感和紧迫感，以更加扎实的作风推动各项工作落实。" * 30)
    assert len(body) > LONG_PARAGRAPH
    units = find_paragraphs(body)
    assert len(units) > 2 and max(e - s for s, e in units) < 900
    assert "".join(body[s:e] for s, e in units) == body            # nothing lost
    # inline items are never cut apart from each other's line
    assert physical_paragraphs(body, units) == [(0, len(body))]
    lists = find_lists(body, units, find_sentences(body, units))
    assert [(l["family"], len(l["items"]), l["claim"]["number"] if l.get("claim") else None)
            for l in lists] == [("一是", 3, 3)]


def test_a_line_that_lost_its_breaks_is_cut_before_its_headings():
    from policy_nlp.stages.enumerations import find_lists
    from policy_nlp.stages.paragraphs import physical_paragraphs
    # dev-0228 (one line in the corpus): the heading 一、 and its sections （一） （二） start units
    text = ("在全县2007年征兵工作会议上的讲话同志们:刚才,xx同志传达了上级征兵工作会议精神,并对去年征兵工作进行了总结,"
            "部署了今年冬季征兵工作任务,我都同意,希望大家认真抓好落实。下面,我就做好今年冬季征兵工作再强调三点意见。"
            "一、统一思想,充分认识做好征兵工作的重要性征兵工作是国防和军队建设的一项基础性工作。征集高素质的兵员,"
            "是抓好国防建设和军队建设的前提,是实现国防现代化、确保国家安全和社会安定的基础。"
            "(一)做好征兵工作是保障国家长治久安的需要。一个国家,如果没有强大的国防和军队,就没有安定和谐的国内环境"
            "和安全稳定的国际环境。从国际形势看,我国安全面临着多方面的威胁和挑战。"
            "(二)做好征兵工作是建立强大国防和军队现代化建设的需要。要建设一支强大的军队,除了先进的技术装备外,"
            "人员素质是决定性因素,而做好征兵工作是提高兵员素质、建设一支高素质军队的根本前提。")
    units = find_paragraphs(text)
    assert [text[s:s + 6] for s, e in units] == ["在全县200", "一、统一思想", "(一)做好征", "(二)做好征"]
    assert all(s < e and e <= s2 for (s, e), (s2, _) in zip(units, units[1:]))
    assert "".join(text[s:e] for s, e in units) == text            # nothing lost
    # the outline reads the line as one paragraph, as before
    assert physical_paragraphs(text, units) == [(0, len(text))]
    lists = find_lists(text, units, find_sentences(text, units))
    assert [(l["family"], len(l["items"]), l["parent"]) for l in lists] == [("一、", 1, None), ("（一）", 2, 0)]
    # a list of sections written inline in a paragraph with line breaks around it stays one
    # paragraph (gwr 1956: 本年各类收入的情况如下：（一）各项税收共收到…。（二）…)
    para = "本年各类收入的情况如下：" + "".join(f"（{n}）各项收入共收到{n}亿元，完成预算数的百分之百。" * 4 for n in "一二三四")
    text = "预算执行情况。\n" + para + "\n各位代表！"
    assert len(para) > 300 and [text[s:e] for s, e in find_paragraphs(text)][1] == para


def test_a_long_paragraph_with_a_list_written_inline_is_not_cut_before_it():
    # 一、…；二、…: items written inline after a colon, no headings
    para = ("过去一年，全县上下认真贯彻落实县委、县政府的决策部署，围绕年初确定的目标任务，主要抓了以下几个方面的工作："
            "一、抓项目建设，全年实施重点项目56个，完成投资38.6亿元；二、抓产业发展，新增规上企业12家，工业总产值增长10.2%；"
            "三、抓民生改善，新增城镇就业2300人，城乡居民收入分别增长7.8%和8.5%；四、抓社会治理，信访总量下降15%，"
            "群众安全感持续提升。成绩的取得，是县委正确领导的结果，是全县干部群众共同奋斗的结果。我们也要清醒看到，"
            "当前经济下行压力依然较大，项目储备不足，产业结构不优，民生领域还有不少短板，干部作风还有待进一步转变，"
            "这些问题必须引起我们的高度重视，在今后的工作中认真加以解决。")
    text = "同志们：\n" + para
    assert len(para) > 300 and [text[s:e] for s, e in find_paragraphs(text)] == ["同志们：", para]
    # 一、二、三产业 after a sentence end is no heading; the heading after it still starts a unit
    text = ("今年全县经济社会发展取得了新的成效。一、二、三产业协调发展，一产增加值增长3.5%，二产增加值增长8.2%，"
            "三产增加值增长7.6%。" * 3 + "我们要保持清醒头脑，看到困难和挑战。一、要充分认识当前形势的复杂性和严峻性，"
            "增强做好工作的责任感和紧迫感。" + "全县上下要统一思想，凝聚共识，攻坚克难。" * 6)
    assert len(text) > 300 and [text[s:s + 6] for s, e in find_paragraphs(text)] == ["今年全县经济", "一、要充分认"]


def test_national_paragraphs_are_never_cut():
    from policy_nlp.stages.paragraphs import LONG_PARAGRAPH
    # a 1,200-character paragraph; a report has more than ONE_LINE_LINES lines (two lines, one
    # long, are a page that lost its breaks; the six two-line NPC resolutions have none over 300)
    text = "\n".join(["政府工作报告", "推进高质量发展。" * 150, "各位代表！"])
    assert len(text.split("\n")[1]) < LONG_PARAGRAPH
    assert len(find_paragraphs(text)) == 3


def test_a_short_text_that_lost_its_line_breaks_is_cut_into_paragraph_sized_units():
    import csv
    from policy_nlp.stages.paragraphs import LONG_PARAGRAPH, ONE_LINE, ONE_LINE_TARGET
    # dev-0235 with its line breaks removed (the one_line copy of benchmarks/mangling.py):
    # 707 characters, shorter than LONG_PARAGRAPH, used to be one unit with one topic
    clean = local_excerpt("dev-0235")
    text = clean.replace("\n", "")
    assert ONE_LINE < len(text) < LONG_PARAGRAPH
    units = find_paragraphs(text)
    assert [text[s:s + 8] for s, e in units] == ["1、2018 年", "虽然大家离开了工", "一般公共预算收入"]
    assert "".join(text[s:e] for s, e in units) == text            # nothing lost, cut at sentence ends
    assert all(text[e - 1] in "。;" for s, e in units[:-1]) and all(e - s >= ONE_LINE_TARGET for s, e in units[:-1])
    # the speech's report on the economy no longer shares the greeting's unit
    opening = text.index("今年以来,在区委的领导下")
    assert not units[0][0] <= opening < units[0][1]
    # the clean copy keeps its lines, and the training units (headings=False) are not cut
    assert len(find_paragraphs(clean)) == 3
    assert find_paragraphs(text, headings=False) == [(0, len(text))]
    # an Xi speech of 854 characters on one line (Climate Ambition Summit, 2020-12-13): three units
    path = shared_path("corpora", "xi_speeches_2020", "all_data.csv")
    text = next(r["Text"] for r in csv.DictReader(path.open(encoding="utf-8-sig")) if r["Date"] == "2020-12-13")
    assert "\n" not in text and len(text) < LONG_PARAGRAPH
    assert [text[s:s + 6] for s, e in find_paragraphs(text)] == ["尊敬的古特雷", "各国应该遵循", "中国历来重信"]


def test_a_body_that_lost_its_line_breaks_under_a_line_of_its_own_is_cut_too():
    from policy_nlp.stages.paragraphs import ONE_LINE
    # dev-0136 as the title_one_line copy of benchmarks/mangling.py: its news lead stays on a
    # line of its own and the rest runs on one line of 488 characters (under LONG_PARAGRAPH),
    # which was one unit with one topic; it is cut at its sentence openers (会上, 宋镇长在讲话中指出)
    clean = local_excerpt("dev-0136")
    lead, _, body = clean.partition("\n")
    text = lead + "\n" + body.replace("\n", "")
    units = find_paragraphs(text)
    assert [text[s:s + 8] for s, e in units] == ["8月29日上午,", "会议分两个阶段进", "会上,所有与会党", "宋镇长在讲话中指"]
    assert units[0] == (0, len(lead)) and units[-1][1] == len(text)
    assert "".join(text[s:e] for s, e in units[1:]) == text[len(lead) + 1:]    # nothing lost
    assert len(text) - len(lead) - 1 > ONE_LINE
    # the clean copy keeps its three lines, and a text of three lines is no page that lost its
    # breaks (dev-0205's report on the creation campaign kept its paragraph of 526 characters)
    assert [clean[s:s + 8] for s, e in find_paragraphs(clean)] == ["8月29日上午,", "会议分两个阶段进", "宋镇长在讲话中指"]
    three = "标题\n" + "要抓好安全生产,层层压实责任。" * 30 + "\n责任编辑:王某"
    assert len(find_paragraphs(three)) == 3
    assert find_paragraphs(text, headings=False) == [(0, len(lead)), (len(lead) + 1, len(text))]


def test_a_one_line_unit_ends_early_before_a_sentence_that_opens_a_paragraph():
    # dev-0072 (one line in the corpus, 348 characters): a news report's lead, then the speaker's words
    text = local_excerpt("dev-0072")
    assert "\n" not in text
    units = find_paragraphs(text)
    assert [text[s:s + 6] for s, e in units] == ["1月8日上午", "张伯松强调,"]
    assert text[units[0][1] - 1] == "。" and units[0][1] - units[0][0] == 110
    # one item written inline is no cue: 一是…。二是… stays in its unit (the marker guard)
    text = "同志们:今天开会。" + "要抓好安全生产,层层压实责任。" * 8 + "一是抓项目。二是抓民生。" + "要抓落实。" * 30
    assert all(not text[s:e].startswith("二是") for s, e in find_paragraphs(text))


def test_a_line_of_unicode_spaces_is_blank():
    # a line of one em space (U+2003) between two paragraphs of the 2024 work report, and the em
    # and en space indents of the policy documents (central-62, shandong-43): no paragraph, no indent
    text = ("协同推进降碳、减污、扩绿、增长，建设人与自然和谐共生的美丽中国。\n\n\u2003\n"
            "推动生态环境综合治理。深入实施空气质量持续改善行动计划。")
    assert [text[s:e] for s, e in find_paragraphs(text)] == [
        "协同推进降碳、减污、扩绿、增长，建设人与自然和谐共生的美丽中国。", "推动生态环境综合治理。深入实施空气质量持续改善行动计划。"]
    text = "提出以下意见。\n\u2003\u2003一、总体要求\n\u3000\u3000第一条\u2002\u3000\u2002为加快青岛市人工智能产业发展。\n\u2002\u200a\u202f\n"
    assert [text[s:e] for s, e in find_paragraphs(text)] == [
        "提出以下意见。", "一、总体要求", "第一条\u2002\u3000\u2002为加快青岛市人工智能产业发展。"]


def test_windows_and_old_mac_line_breaks_end_lines_as_a_newline_does():
    # A text not cleaned keeps its \r\n or lone \r (policy_nlp.load() without clean=True):
    # the same paragraphs and sentences as with \n, offsets into the text as given, no \r
    # left at an end and no sentence of a \r alone. dev-0021 is hard-wrapped (its lines are
    # joined), dev-0046 has indented lines and items.
    for key in ("dev-0021", "dev-0046"):
        text = local_excerpt(key)
        paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
        sentences = [text[s:e] for s, e in find_sentences(text)]
        for newline in ("\r\n", "\r"):
            given = text.replace("\n", newline)
            spans = find_paragraphs(given)
            assert [given[s:e].replace(newline, "\n") for s, e in spans] == paragraphs
            assert [given[s:e].replace(newline, "\n") for s, e in find_sentences(given, spans)] == sentences
            assert not any(given[s] in "\r\n" or given[e - 1] in "\r\n" for s, e in find_sentences(given, spans))
