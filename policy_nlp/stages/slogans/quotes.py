"""Quotations: the quote marks a page uses (also mangled or hard-wrapped
ones) and the cues that make a quoted string a policy term (“效能风暴”行动,
实施“一网通办”, a second occurrence, a frame such as “…”的目标)."""

import re
from bisect import bisect_right

from policy_nlp.lang.chars import (BLANK, CLAUSE_ENDS, IDEOGRAPH, IDEOGRAPH_RE, NEWLINES, ONE_LINE_BREAK, STOPS,
                                   before_blanks, line_end)
from policy_nlp.lang.masks import MASK
from policy_nlp.lang.numerals import DIGITS, UNITS
from policy_nlp.lang.words import alternation, word_set, words
from policy_nlp.segment.engines import dictionary_words
from policy_nlp.stages.slogans.counting import TEAM_SUFFIXES


# Chinese quotation marks, and ASCII double quotes around Chinese text (web copies that lost
# the curly ones: 实施"三大战略"); never after a letter, digit or = (HTML, code)
# (The lookbehind comes after the quote mark, here and in _MANGLED_QUOTE_RE: when
# every branch opens with a character, ``re`` skips straight to the next quote
# mark instead of trying each branch at each character.)
_QUOTE_RE = re.compile(r"“([^“”\r\n]{1,60})”|「([^「」\r\n]{1,60})」|‘([^‘’\r\n]{1,40})’|『([^『』\r\n]{1,40})』"
                       r'|"(?<![A-Za-z0-9=]")(?=([^"“”\r\n]*))\5"')  # atomic (Python 3.10 has no *+): linear without a closing quote
_SAY_BEFORE = re.compile(r"(?:说|讲|指出|强调|(?<!确)认为|提出|所说|所谓|叫做|称为|叫|号召|表示|写道|曰|常说|俗话说|古人云|有言)[：:，,]?$")
_POLICY_VERB_BEFORE = re.compile(f"(?:{alternation('policy_verbs_before')})$")
# a policy verb whose object, up to 24 characters with its lists, the quotation ends: 整治群众身边的“蚁贪蝇腐”,
# 培育一批细分领域的“瞪羚企业”, 遴选一批模型赋能、数据驱动、算力支撑的“晨星工厂”
_POLICY_VERB_OBJECT = re.compile(f"(?:{alternation('policy_verbs_before')})[^{STOPS}“”‘’「」]{{0,24}}的$")
_TERM_HEAD_AFTER = re.compile(f"^(?:{alternation('term_heads')})")
_SENTENCE_PUNCT = re.compile(f"[{CLAUSE_ENDS}：:]")


# a quotation broken by a line break that is no hard wrap to the paragraphs (the
# wraps are read through: stages/reading_view), a page break or a short line:
# 让“安全⏎2、即效益”理念, 遵循“ ⏎客观科学、实事求是”原则; short on both sides
# of the one break, so that stray quote marks at the ends of two paragraphs do not pair
_WRAPPED_QUOTE_RE = re.compile("“([^“”\r\n]{1,15}(?:\r\n?|\n)[^“”\r\n]{1,15})”")


# quote marks mangled by a web copy: an apostrophe opening and an opening
# curly quote closing ('工业强县“战略, '一个引领、三区带动“的工作), the
# double prime 〞 closing (“龙头〞工程, “保二争一〞目标) or 〝 opening, a single
# quote closing a double one (“六五’时期, “385’行动计划) and a closing quote
# opening (正确处理”六个关系”); short, with Han characters, no mark of a real
# pair, and the closing “ or ’ followed by no ” on its line; or an ASCII double quote
# closing a curly one (开展“策源"行动, 提供“一站式"“生态化"服务), within one clause
_MANGLED_QUOTE_RE = re.compile(r"'(?<![A-Za-z0-9=]')([^'\"“”‘’\r\n]{2,16})“(?![^“”\r\n]{0,200}”)"
                               r"|“([^“”〝〞\r\n]{1,40})〞|〝([^“”〝〞\r\n]{1,40})[〞”]"
                               r"|“([^“”‘’'\r\n]{1,12})’(?![^“”\r\n]{0,200}”)"
                               r"|”([^“”‘’'\r\n]{1,12})”"
                               rf'|“([^“”"\r\n{STOPS}]{{1,24}})"')


# a programme's code of digits in a curly-open, ASCII-close pair (打造“5351"数字经济创新平台体系,
# shandong-52): the only mangled pair taken without an ideograph inside
_CODE_DIGITS = re.compile("[0-9]{3,6}")


# quote marks a web copy lost to ASCII question marks (以?沉浸式?动员, 从?舌尖上的浪费?到?车轮
# 上的腐败?): Han words between two of them, none a question (…需不需要抓农业?XX的农业怎么抓?),
# taken only on a page with several such pairs
_LOST_QUOTE_RE = re.compile(rf"(?<=[{IDEOGRAPH}])\?([{IDEOGRAPH}、]{{2,16}})\?")
_QUESTION = re.compile(alternation("question_words"))
_LOST_QUOTES_MIN = 4


def _lost_quotes(text):
    """(content_start, content_end) of the words between question marks
    standing for lost quote marks, on a page that lost its quote marks."""
    pairs = [m.span(1) for m in _LOST_QUOTE_RE.finditer(text) if not _QUESTION.search(m.group(1))]
    return pairs if len(pairs) >= _LOST_QUOTES_MIN else []


# a web copy that lost one of its ASCII double quotes pairs the marks of neighbouring quotations
# (贯彻"一国两制、"港人治港"、"澳人治澳" reads 一国两制、 and 、; 落实"两个确保和"三条保障线" reads
# 两个确保和, 由"生产型制造向"服务型制造" reads 生产型制造向): on a line with an odd number of
# them, a pair is taken only within a term's length, holding no clause or list mark, neither
# opening nor ending with a word that joins two items
_PAIRED_ACROSS = re.compile(f"[、{STOPS}]")
_JOINING = "和与及或到向"


_LINE = re.compile(f"[^{NEWLINES}]+")


def _odd_ascii_lines(text):
    """(start, end) of the lines with an odd number of ASCII double quotes, in order."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().count('"') % 2]


def _doubtful_pair(odd_lines, text, s, e):
    """Whether the ASCII-quoted ``text[s:e]`` may pair the marks of two
    quotations on a line that lost one: on an odd line, longer than a term
    (:data:`_TERM_MAX`) or holding a clause mark (:data:`_PAIRED_ACROSS`) or
    opening or ending with a joining word."""
    k = bisect_right(odd_lines, (s, len(text))) - 1
    on_odd = k >= 0 and odd_lines[k][0] <= s <= odd_lines[k][1]
    return on_odd and (e - s > _TERM_MAX or bool(_PAIRED_ACROSS.search(text, s, e))
                       or text[s] in _JOINING or text[e - 1] in _JOINING)


# a web copy that lost two of its ASCII double quotes (an even number left on the line) pairs
# the marks of neighbouring quotations too, with no odd line to tell: 把"引进来和"走出去更好结合起来
# reads 引进来和, 贯彻"一国两制、"港人治港、"澳人治澳" reads 一国两制、; a pair is no quotation where
# it ends with 和 or a list or clause mark or opens with one, as the text between two quotations
# does and a term does not (a word ending in 和 aside: "碳中和", "政通人和": he_word_ends.txt)
_MISPAIRED = re.compile(r"[、，,；;。].*|.*[、，,；;]|.*"
                        + "".join(f"(?<!{re.escape(w[:-1])})" for w in words("he_word_ends")) + "和", re.S)


def _quotes(text):
    """(content_start, content_end) of quoted strings, those broken by one
    hard wrap or written with mangled quote marks included (ASCII pairs on
    a line that lost a mark only as :func:`_doubtful_pair` allows)."""
    out = []
    odd = _odd_ascii_lines(text) if '"' in text else []
    for m in _QUOTE_RE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        if g < 5 or (m.end(g) - m.start(g) <= 40 and IDEOGRAPH_RE.search(m.group(g))
                     and not (odd and _doubtful_pair(odd, text, m.start(g), m.end(g)))
                     and not _MISPAIRED.fullmatch(m.group(g))):
            out.append((m.start(g), m.end(g)))
    extra = []
    if line_end(text, 0) != -1:
        extra += [(m.start(1), m.end(1)) for m in _WRAPPED_QUOTE_RE.finditer(text)]
    if "'" in text or "〞" in text or "’" in text or "”" in text or '"' in text:
        # the real pairs (marks included), sorted and disjoint: one lookup per match
        taken_starts = [a - 1 for a, _ in out]
        for m in _MANGLED_QUOTE_RE.finditer(text):
            g = next(i for i in range(1, 7) if m.group(i) is not None)
            k = bisect_right(taken_starts, m.end() - 1) - 1  # the last real pair starting inside or before
            overlaps = k >= 0 and out[k][1] + 1 > m.start()
            if (IDEOGRAPH_RE.search(m.group(g)) or (g == 6 and _CODE_DIGITS.fullmatch(m.group(g)))) \
                    and not overlaps:
                extra.append((m.start(g), m.end(g)))      # “5351"数字经济创新平台体系: a code
    if "?" in text:
        extra += _lost_quotes(text)
    if extra:
        out = sorted(out + extra)
    return out


def _unwrapped(q):
    """A quotation's text without the line break a hard wrap put in it."""
    return ONE_LINE_BREAK.sub("", q)


# what is rejected, not done, compared or named by others rather than a term of the speaker's
# (also what is opposed in any form: 坚决反对任何形式的“台独”分裂活动, “两个中国”; not done:
# 不摆“花架子”、不练“假把式”, but not after an adverb: 坚定不移“打虎”; compared: 看似是“联络感情”的
# 小事, 可谓是“雪中送炭”; 用“…”来形容, but not 使用/运用“…”: 开展项目经费使用“包干制”改革试点, nor a word of
# credit or hiring ending in 用: 信用“黑名单”记录, 自主聘用“柔性流动”人员 (quoted24);
# fought off or swept away: 扫除“政治病毒”, 粉碎了“阶级斗争熄灭论”: rejection_verbs.txt; kept from
# happening: 切实防止出现“半拉子”工程, 严防“钓鱼”项目; whatever words come between: 遏制耕地“非农化”;
# what something is regarded as: 把浪费当作“小事情”, 列宁把
# 政治经济学视为马克思主义理论“最深刻、最全面、最详尽的证明和运用”)
_REGARDED_AS = r"(?:视为|视作|看作|看做|看成|当作|当做|当成)[^，,。；;：:“”]{0,8}"
# the verbs of rejection (what is kept from happening among them), declared once for both patterns
_KEEP_FROM = "避免|防止|严防|谨防|杜绝"
_REJECTING = f"不搞|不能搞|{_KEEP_FROM}|克服|反对|遏制|打破|摒弃|{alternation('rejection_verbs')}"
# a verb of rejection, then the words saying whose or what kind the rejected thing is: 遏制耕地“非农化”,
# 防止政策执行“一刀切”, 不搞劳民伤财的“形象工程”, 反对任何旨在制造“台湾独立”, 打破高校“被动选才”; not
# where they open with a preposition or a verb of carrying out, whose object the quotation is and
# not the rejection's (避免在推进“放管服”改革中走过场, 防止落实“河长制”走过场)
_REJECTED_OWNED = (rf"(?:{_REJECTING})(?!{alternation('scope_prepositions')}|"
                   rf"{alternation('policy_verbs_before')})[^{STOPS}“”‘’「」\s]{{1,8}}")
_NEGATIVE_BEFORE = re.compile(rf"(?:{_REJECTING}|(?:{_KEEP_FROM})(?:出现|发生|形成)|(?:{alternation('rejection_verbs')})了|"
                              rf"(?<![{IDEOGRAPH}])不[{IDEOGRAPH}]|[要能再绝决]不[{IDEOGRAPH}]|"
                              r"不是|像|如同|好比|比作|形容|(?<![使利运采应适启信聘录任雇选])用|当|(?:可谓|堪称|看似|犹如|宛如|仿佛|俨然)是?|"
                              r"告别|所谓的?|什么|被称为|"
                              rf"{_REGARDED_AS}|{_REJECTED_OWNED})$")
# ... but a programme's name stays a term whatever it is taken as: 把民生实事当作“民心工程”来抓
# (constructed), as with 作为: 把招商引资作为“一号工程” (local dev-0043)
_REGARDED_BEFORE = re.compile(f"{_REGARDED_AS}$")


# a body that issues a policy, or a policy named, right before it: 严格执行国务院“约法三章”,
# 我们的一贯政策是“爱国一家”, 领导方针是「百家争鸣」
_ISSUED_BEFORE = re.compile(r"(?:国务院|党中央|中央|省委|市委|县委|区委|"
                            r"(?:政策|方针|原则|口号|战略|思路)(?:就是|是|为))$")


# what after a quoted string shows that it is the content of a named
# programme, goal or principle: “安全生产重于泰山”的使命, “全心全意为人民服务”的
# 宗旨, “保 5 争 3”的目标, “建设大城北，实现新跨越”这一发展主题, 以“…”为主题
# (and a leader's dictum, named so with or without 的: “作风建设永远在路上”重要论断, “多、快、好、省”的指示;
# a proposal: 提出“搁置争议，共同开发”的主张)
_FRAME_AFTER = re.compile(rf"(?:(?:的|这一|这个|为)[{IDEOGRAPH}]{{0,4}}?|重要)(?:{alternation('frame_heads')})")
# ... or the policy, method or path it is, right after 的: 采取了「包下来」的政策 (method_heads.txt)
_METHOD_AFTER = re.compile(f"的(?:发展)?(?:{alternation('method_heads')})")
# a mode of working, named by a quotation of parts (通过“免见面，全在线”的灵活用工模式, 以“技术、式、产品+
# 产业化”的方式); one part is a figure for a way of acting (采取“一刀切”的方式, “蜻蜓点水”的方式)
_MODE_AFTER = re.compile(rf"(?:的|这一|这个|为)[{IDEOGRAPH}]{{0,4}}?(?:模式|方式)")
_PARTS = re.compile(r"[，,、+＋]")
# the principle or arrangement a two-clause slogan names, right after it: “稳定东部，发展西部”方针,
# “政府引导，市场运营”模式, “企业需求，部门报到”工作机制; or the programme it names: “一市一品牌，一县一特色”
# 建设行动, “跨境滇商，网上启航”培训
_ARRANGEMENT_AFTER = re.compile(rf"[{IDEOGRAPH}]{{0,2}}?(?:目标|要求|原则|方针|理念|战略|思路|模式|机制|体制|制度|培训|"
                                rf"{alternation('programme_heads')})")
# a campaign named by the mobilisation meeting it opens: 红石林区“决战决胜吉林省
# 连续40年无重大森林火灾”秋防动员大会 (a frame for a long string, as above)
_MEETING_AFTER = re.compile(rf"[{IDEOGRAPH}]{{0,4}}?(?:{alternation('campaign_meetings')})")
# the spirit in which to work, a saying rather than a term: 以“时时放心不下”的责任感,
# 以“不破楼兰终不还”的决心, 拿出“脱几层皮、掉几斤肉”的劲头
_RESOLVE_AFTER = re.compile(rf"的[{IDEOGRAPH}]{{0,2}}?(?:{alternation('resolve_words')})")
# the manner of acting, right after 以 and before the verb it qualifies, a figure as the spirit above:
# 以“思想破冰”引领“行动突围” (local dev-0059), 以“动真格”举措纠治 (dev-0058), 以“鼎新”带动“革故”
# (central-61); not in the frame 以…为 (以“问海”大模型和港口大模型为代表, shandong-48)
_CLAUSE_REST_TEXT = re.compile(rf"[^{STOPS}\r\n]*")
_WAY_OF_WORKING = words("way_of_working_ends")


def _manner(text, s, e, before):
    """Whether the quotation ``text[s:e]``, one word or phrase, stands between
    以 and a verb as the manner of acting (:data:`_CLAUSE_REST_TEXT`), with
    no frame or head after it and not named a term by its own words (a way of
    working: 以“绣花功夫”推进…, :data:`_WAY_OF_WORKING`) or elsewhere in the
    text (:func:`_named_in_document`: 以“放管服”推动… where the text writes
    放管服改革)."""
    if not before.endswith("以") or not IDEOGRAPH_RE.match(text, e + 1) or _PARTS.search(text, s, e):
        return False
    after = text[e + 1:e + 8]
    if "为" in _CLAUSE_REST_TEXT.match(text, e + 1).group() or _TERM_HEAD_AFTER.match(after) \
            or _MODIFIED_HEAD_AFTER.match(after) or _DENG_HEAD_AFTER.match(text, e + 1):
        return False
    return not _its_own_name(text, s, e)


# the stages of a shift, from one state to another (推动人工智能培育从“给政策”“给项目”到“给机会”转变,
# central-47 48 49 50; 实现从“跟跑”、“并跑”到“领跑”的有效路径, central-142; 数字鸿沟从“接入鸿沟”转向
# “能力鸿沟”, central-25; 促进政策从“最初一公里”到“最后一公里”衔接畅通, national 2025): states
# described, no terms, unless a head names one or it is a name (由“山东制造”向“山东智造”…的转变,
# shandong-2, where the text writes “山东制造”品牌: :func:`_its_own_name`) (quoted24)
_SHIFT_RUN = r"(?:[“「][^“”「」\r\n]{1,16}[”」][、和与及]?)+"
_SHIFT_GAP = rf"[^{STOPS}“”「」\r\n]"
_SHIFT = re.compile(rf"(?:从|由){_SHIFT_GAP}{{0,10}}?{_SHIFT_RUN}{_SHIFT_GAP}{{0,10}}?(?:到|向|转向)"
                    rf"{_SHIFT_GAP}{{0,6}}?{_SHIFT_RUN}")
# ... or with no 从 (“事后管理”“多头管理”还未向“过程治理”“协同治理”转变, central-25), or what a thing
# becomes and what it was (将原来需要“窗口办”“交原件”的…过程，变成“线上办”“远程办”“链上存”, shandong-28;
# 防止硬约束变成“橡皮筋”, xi all_data:12 32) (quoted24b)
_CHANGE = re.compile(rf"{_SHIFT_RUN}{_SHIFT_GAP}{{0,4}}?(?:向|转向){_SHIFT_GAP}{{0,6}}?{_SHIFT_RUN}(?:转变|转型|转化)"
                     rf"|(?:原来|原先|过去|以往){_SHIFT_GAP}{{0,6}}?{_SHIFT_RUN}[^。；;！!？?\r\n“”「」]{{0,24}}?"
                     rf"(?=(?:变成|变为|转变为|转为)[“「])"
                     rf"|(?:变成|变为|转变为|转为){_SHIFT_RUN}")
# the turn every match of them holds (到/向/转向, 向, 变成…转为): a window without one holds no match,
# and their runs of quotations are slow to fail on a long run of quotations (“加强建设”、…: bench24)
_SHIFT_TURN = re.compile(r"[到向变转]")


def _shift_stage(text, s, e):
    """Whether the quotation ``text[s:e]`` is a stage of a shift (:data:`_SHIFT`,
    :data:`_CHANGE`) that no head after it names and that is no name of its own."""
    start, end = max(0, s - 60), e + 60
    if not _SHIFT_TURN.search(text, start, end) or not any(
            m.start() < s < m.end() for shift in (_SHIFT, _CHANGE) for m in shift.finditer(text, start, end)):
        return False
    after = text[e + 1:e + 8]
    return not (_TERM_HEAD_AFTER.match(after) or _MODIFIED_HEAD_AFTER.match(after) or _its_own_name(text, s, e))


# what a place or platform unites (打造集“技术研发、测试试验、成果转化、产品孵化”于一体的…平台): its
# functions listed, no term
_UNITED_AFTER = re.compile(r"于一[体身]")


def _united(text, s, e):
    """Whether the quotation ``text[s:e]`` lists what something unites (集“…”于一体)."""
    return s >= 2 and text[s - 2] in "集融" and bool(_UNITED_AFTER.match(text, e + 1))


# attitudes and states named by a list of one-character words: “等、靠、要”思想,
# “稳、进、好、安”的态势
_ATTITUDE_AFTER = re.compile(r"(?:的)?(?:思想|现象|心态|作风|习气|倾向|态势|局面|格局|势头)")
# verbs before an honour or a title conferred: 被评为“…”, 荣获“…”, 评选“艺术教育特色学校”
_HONOUR_BEFORE = re.compile(rf"(?:{alternation('honour_verbs')})"
                            rf"(?:[{IDEOGRAPH}]{{0,4}}[省市县区镇乡国级批])?$")   # 被评为珠海市“十佳…”, 全国首批“…”
# a phenomenon named by where it happens, a coinage of campaigns: “舌尖上的安全”,
# “车轮上的腐败”, “指尖上的形式主义”, “会所里的歪风”
_PLACE_OF_PHENOMENON = re.compile(rf"[{IDEOGRAPH}]{{1,3}}[上里中]的[{IDEOGRAPH}]{{2,5}}")
# the shapes of a coined name: a count or rank opening it (“三级包保”, “一票否决”, “十里棚菜”,
# “第一责任人”; not a span of time: “十年磨一剑”), a place made to thrive by a trade (“以工兴县”,
# “文旅兴县”), the period of a campaign (“安全生产月”, “招商引资年”; not a year so called:
# “收官之年”, nor a saying: “无灾不成年”), a team or post set up (“安全特勤队”, “为民服务站”) and a
# masked place's own (“XX担当”)
_CAMPAIGN_PERIOD = rf"(?![^不]*不)[{IDEOGRAPH}]{{2,}}(?<!之)[年月周]"
_COINAGE = re.compile(rf"(?:[一二两三四五六七八九十百千万双]|第一)(?![年月日天周岁])[{IDEOGRAPH}]{{2,}}"
                      rf"|以?[{IDEOGRAPH}]{{1,3}}[兴强立富][国省市县区镇乡村]"
                      rf"|{_CAMPAIGN_PERIOD}"
                      rf"|[{IDEOGRAPH}]{{2,}}[队站]"
                      rf"|{MASK}[{IDEOGRAPH}]{{2,}}")


# the period of a campaign by its longer name too (举办“全民数字素养与技能提升月”, central-25), where
# :data:`_COINAGE` is read for four or five characters only
_CAMPAIGN_PERIOD_RE = re.compile(_CAMPAIGN_PERIOD)


def _campaign_period(text, s, e):
    """Whether the quotation ``text[s:e]`` names a campaign's period
    (:data:`_CAMPAIGN_PERIOD_RE`) bound in a noun phrase (开展“项目年”活动, 全国“敬老月”,
    举办“全民数字素养与技能提升月”): not a year so called (迎来了“丰收年”, 明年是“收官年”),
    nor a phrase (在“激情燃烧的岁月”里)."""
    q = text[s:e]
    return bool(_CAMPAIGN_PERIOD_RE.fullmatch(q)) and "的" not in q and _bound(text, s, e)


# parts written in parallel, each of two to four characters and three at least, all sharing their
# first or their last character: a coined slogan (打好“建链、强链、延链、补链”组合拳, 实行“定产、定购、
# 定销”的政策, 商品“同标、同质、同价”; unparted, in pairs of characters: 扩大产品“同线同标同质”实施范围)
_PARALLEL_PARTS = re.compile(rf"[{IDEOGRAPH}]{{2,4}}(?:、[{IDEOGRAPH}]{{2,4}}){{2,}}")
_PAIRED_CHARACTERS = re.compile(rf"(?:[{IDEOGRAPH}]{{2}}){{3,4}}")


def _parallel_parts(q):
    """Whether the quotation ``q`` lists parts in parallel that share their first
    or last character (:data:`_PARALLEL_PARTS`, or pairs of characters written
    without 、: :data:`_PAIRED_CHARACTERS`)."""
    if _PARALLEL_PARTS.fullmatch(q):
        parts = q.split("、")
    elif _PAIRED_CHARACTERS.fullmatch(q):
        parts = [q[i:i + 2] for i in range(0, len(q), 2)]
    else:
        return False
    return len({p[0] for p in parts}) == 1 or len({p[-1] for p in parts}) == 1


# the role or effect a quotation is likened to, a figure: 发挥“桥梁”和“枢纽”作用, 放大人工智能新技术的
# “赋能”效应, 加剧“信息茧房”效应风险; an effect named so too: 龙头企业发挥“磁吸效应”
_ROLE_AFTER = re.compile(r"(?:作用|效应)")


def _likened_role(text, s, e):
    """Whether the quotation ``text[s:e]``, alone or in a run, is the role or
    effect something is likened to (:data:`_ROLE_AFTER`, or an effect so
    named), not the role of a programme, a coinage, a system or a body named
    (:func:`_named_kind`: 充分发挥“河长制”作用, 发挥“乡贤理事会”作用, constructed;
    the corpora's roles are all figures: “头雁”效应)."""
    q = text[s:e]
    if _named_kind(q):
        return False
    # each of a run: 发挥“桥梁”和“枢纽”作用 (central-108)
    return bool(_ROLE_AFTER.match(text, _after_run(text, e))) or q.endswith("效应")


# the words a quotation is next to when it is no name inside a noun phrase: after it 的, a
# preposition or a conjunction (“联络感情”的小事, 从“徙木立信”到…); before it these, a copula
# or a one-character verb (要“斤斤计较”, 有“铁军作风”, 作“关系纽带”)
_NOT_BOUND_AFTER = re.compile(r"[的地得之到和与及或也都就]")
_NOT_BOUND_BEFORE = re.compile(r"[的地得之是有要在从到以作了把将被让使成为当对向与和及或也都就又还更最很]")


# the last of a run of qualities each naming the honour after it, its honour unquoted:
# “治理有效”的“全国民主法治示范村”,“生活富裕”的龙岩第一村
_QUALITY_RUN_BEFORE = re.compile(r"[”」]的[“「][^“”「」\r\n]{1,20}[”」][，,]$")


def _bound(text, s, e):
    """Whether the quotation ``text[s:e]`` is bound in a noun phrase without
    的: a word after it (“揭榜竞优”承诺书) or before it (人工智能“监管沙盒”)."""
    return bool(IDEOGRAPH_RE.match(text, e + 1) and not _NOT_BOUND_AFTER.match(text, e + 1)) \
        or bool(s >= 2 and IDEOGRAPH_RE.match(text, s - 2) and not _NOT_BOUND_BEFORE.match(text, s - 2))


def _compact_name(text, s, e):
    """Whether the quotation ``text[s:e]`` of four or five characters has the
    shape of a coined name (:data:`_COINAGE`) or is bound in a noun phrase
    without 的: the words after it (“揭榜竞优”承诺书, 创卫“巡回看变化”现场督查,
    农村“打工经济”现象), a word before it (人工智能“监管沙盒”, 惠企政策“应知尽知”)
    or a quoted name it qualifies (“党建领航”的“全国先进基层党组织”); or it is
    the object of a policy verb (整治群众身边的“蚁贪蝇腐”). A figure of speech
    seldom is any of these (是…的“金色名片”, 有“铁军作风”)."""
    q = text[s:e]
    if _COINAGE.fullmatch(q):
        return True
    if re.search(r"[0-9０-９的]", q) or _QUESTION.search(q):
        return False                    # a date, a phrase or a question: “2.9事故”, “天大的小事”, “为什么学”
    if text[e + 1:e + 3] in ("的“", "的「") or (text[e + 1:e + 2] == "的"
                                              and _QUALITY_RUN_BEFORE.search(text, max(0, s - 30), s - 1)):
        return True                     # the quality of a quoted name: “党建领航”的“全国先进基层党组织”
    if _POLICY_VERB_OBJECT.search(text, max(0, s - 32), s - 1):
        return True
    return _bound(text, s, e)


# a name coined from 一 or 双 and two characters, bound in a noun phrase: 实施…“一把手”负责制,
# 居民服务“一卡通”应用, 全市算力“一张网” (not a figure: 切忌搞“一刀切”)
_ONE_COINAGE = re.compile(rf"[一双][{IDEOGRAPH}]{{2}}")
_ONE_FIGURES = word_set("one_figures")


def _one_coinage(text, s, e):
    """Whether the three-character quotation ``text[s:e]`` is a 一X or 双X name bound in a noun phrase."""
    q = text[s:e]
    return bool(_ONE_COINAGE.fullmatch(q)) and q not in _ONE_FIGURES and _bound(text, s, e)


def _ordinary_word(q):
    """Whether ``q`` is a word of four characters or more in the language's
    dictionary (pkuseg's): an idiom or a figure (斤斤计较, 金字招牌, 十年磨一剑),
    no coinage of policy."""
    return len(q) >= 4 and q in dictionary_words()


# the name of a type, before what it classifies: "实体型"居委会, “双师型”师资, “雁阵型”集群
_TYPE_NAME = re.compile(rf"[{IDEOGRAPH}]{{2,5}}型")
# an honour named with its scope and rank: 成为“党建领航”的“全国先进基层党组织”,
# 确认为“全国示范智慧商店” (not any quotation that opens with 全省: “全省人民…”)
_SCOPED_HONOUR = re.compile(rf"(?:全国|全省|国家级|省级)(?:先进|文明|示范|优秀|百强|模范|十佳)[{IDEOGRAPH}]{{1,10}}")
# a thing counted as one, a figure of speech unless a term head follows: 全国文明城市是一块“金字
# 招牌”, 这是一场“攻坚战”, 放开市场这只“看不见的手” (not 这个“总开关”问题)
_FIGURE_BEFORE = re.compile(r"[一这那](?:块|场|只|把|面|剂|颗|盏|张|个)$")
# people counted, named in quotes as they are called: 500多位“村长”, 34名“90后”党员 (not a count
# of things, often of a programme's instances: 打造20个“5G+工业互联网”应用示范场景)
_COUNTED_BEFORE = re.compile(r"(?<![第0-9零〇一二两三四五六七八九十百千万])"
                             r"(?:[0-9]+[十百千万亿]*|[两二三四五六七八九十百千万数几][零〇一二三四五六七八九十百千万]*)[多余]?[位名]$")
# an army or a unit before the honorific name of a unit or of its heroes, a label of people:
# 八路军“狼牙山五壮士”、新四军“刘老庄连”, 给74集团军某旅“硬骨头六连”全体官兵回信
# (not a spirit named after an army: 弘扬八路军“太行精神”, constructed)
_UNIT_BEFORE = re.compile(f"(?:{alternation('armed_units')})$")
# what a thing is called, a figure unless a head follows: 是党的政策落地的“最后一公里”, 是…作风建设
# 的“金色名片”, 成为阻碍发展的“拦路虎”, 今年是5年过渡期的“收官之年”
_CALLED_BEFORE = re.compile(rf"(?:是|成为|成了|变成)[^{STOPS}“”‘’「」〝〞]{{0,14}}的$")
# what someone is or acts as, a short quotation right after the copula, a label or a figure unless
# a head follows: 有近一半是“90后”、“00后”, 有的做“老好人”、“太平官”、“墙头草” (not the content of a
# policy or of the work: 政策是“…”, 重点是“放管服”, 一是“…”: copula_topics.txt; not a name's shape:
# 关键是“一把手”; not a longer name: 成为“全国文明城市”; not the quality of a name: 成为“党建领航”的“…”)
_COPULA_BEFORE = re.compile("".join(f"(?<!{w})" for w in words("copula_topics")) + "(?:是|成为|成了|做)$")
_LABEL_MAX = 3
# what an adversary schemes, spreads or slanders in the clause: 陈水扁当局图谋通过“入联公投”、“宪政改造”等
# 方式推进台湾“法理独立”, 鼓吹…“…”, 散布“阶级斗争熄灭论”, 造谣污蔑党中央“…”, 恶毒攻击执行这些政策是“…”
_SCHEME_BEFORE = re.compile(r"(?:图谋|企图|妄图|鼓吹|煽动|炮制|兜售|污蔑|诬蔑|造谣|散布|叫嚣|策动|攻击(?!者))" + f"[^{STOPS}]*$")
# unless the quotation is what the scheme would harm: 企图干扰“爱国者治港”原则, 妄图阻挡“中国式现代化”进程
_HARMED_BEFORE = re.compile(rf"(?:{alternation('harm_verbs')})[^{STOPS}“”]{{0,6}}$")
_TERM_MAX, _SLOGAN_MAX = 16, 30
# heads that end the name of a programme or honour (“一号改革工程”)
_PROGRAMME_HEADS = words("programme_heads")
_PROGRAMME_HEAD_AFTER = re.compile(f"(?:{alternation('programme_heads')})")
# the heads of a named programme or arrangement
_NAMED_HEADS = rf"(?:{alternation('programme_heads')}|机制|模式|平台|载体|体系|制度)"
# a programme or an arrangement named as one of a kind: 通过“我和百姓聊聊法”等专项活动;
# key words of the work named as its areas: 恢复和开挖“田头窖”等方面; a method: 通过“创新券”等形式,
# 采取“共建、调整、合作、合并”等形式 (an adversary's means is schemed: 图谋通过“…”等方式)
_DENG_HEAD_AFTER = re.compile(rf"等[{IDEOGRAPH}]{{0,4}}?(?:{_NAMED_HEADS}|方面|方式|形式)")
# the kinds of business a trade named in one coinage runs (引导“吃住行游购娱”等传统商贸企业, shandong-19);
# not a quoted list of plain words (协调解决“水、电、气”等涉及企业的问题)
_DENG_TRADE_AFTER = re.compile(rf"等[{IDEOGRAPH}]{{0,4}}?(?:企业|行业|产业|业态)")
# such a head after a word or two that says what kind it is: 现代农业“大园区”生产模式,
# “两基”攻坚计划, “一国两制”制度体系 (not a phrase after 的, 和, 这: “…”的工作机制 is a
# frame; not a team: “金秋”文体活动队)
_MODIFIED_HEAD_AFTER = re.compile(rf"(?![的和与及等这])[{IDEOGRAPH}]{{1,2}}{_NAMED_HEADS}(?![{TEAM_SUFFIXES}])")
# the goal a work serves: 为我县“进入全省县域第一集团”做出积极贡献, 为“建设滨沾经济带，
# 扮靓沾化南大门”创造良好的人口环境 (as a frame; 为 right before the quote, or a place's name)
_GOAL_BEFORE = re.compile(r"为(?:我|全)?[省市县区镇乡村]?$")
_GOAL_AFTER = re.compile(r"(?:[做作]出|创造|营造|提供|奠定)")
# a quoted list the subject of a verb of carrying it out (服务业企业“上云、用数、赋智”加快推进, shandong-19)
_CARRIED_OUT_AFTER = re.compile(rf"(?:{alternation('carrying_out_adverbs')})?(?:{alternation('carrying_out_verbs')})")


# an abbreviation spelled out right after it, its characters opening the items in turn:
# “等靠要”,等政策、靠上级、要…
_SPELLED_OUT_AFTER = re.compile(rf"[，,：:]?([{IDEOGRAPH}])[^、，,。；;：:]{{1,6}}、([{IDEOGRAPH}])")


def _spelled_out_after(text, s, e):
    m = _SPELLED_OUT_AFTER.match(text, e + 1)
    return bool(m) and 2 <= e - s <= 4 and (m.group(1), m.group(2)) == (text[s], text[s + 1])


# key words in a run of one-character quotations: 重点在“查”、“控”、“治”等三个方面
# (a pair is not enough: 片面地追求“多”和“快”)
_ONE_CHAR_SERIES = re.compile(rf"(?:“[{IDEOGRAPH}]”、?){{3,}}|(?:「[{IDEOGRAPH}]」、?){{3,}}")


def _in_one_char_series(text, s):
    """Whether the one-character quotation at ``s`` is one of a run of three or more."""
    return any(m.start() < s < m.end() for m in _ONE_CHAR_SERIES.finditer(text, max(0, s - 9), s + 12))


# a work named in quotes instead of book title marks: 毛泽东主席在一九四五年“论联合政府”一书中
# 所说的, 毛主席在“关于正确处理人民内部矛盾的问题”中说 (not 做好“土特产”文章)
_TITLE_AFTER = re.compile(r"(?:一书|一文|这篇文章|这本书|一诗)")
_SPOKEN_IN_AFTER = re.compile(r"中(?:说|写道|所说|曾说|指出)")


def _title_quoted(text, s, e):
    """Whether the quotation ``text[s:e]`` is the title of a written work:
    followed by 一书, 一文 …, or read from (在“…”中说). (One right after a
    title, 《…指南》“申请规定”, names a part of that work.)"""
    return bool(_TITLE_AFTER.match(text, e + 1)
                or (text[s - 2:s - 1] == "在" and _SPOKEN_IN_AFTER.match(text, e + 1)))


# the end of a run of quotations (“A基础共性”、“B关键技术”和“C行业应用”) from the closing mark of one,
# and what the run is after it: the parts of a document or a framework (…等三个部分, “基础共性”部分,
# 申请书正文的“研究基础与工作条件”部分) or words cited as words (不得使用“中国”“国家”等字样, 不得以
# “合作”“联合”等名义), a pretext or a label pinned on people (打着“社会主义”、“支持民族解放”、“和平合作”的旗号,
# 给扣上“走资派”的帽子): labels, no terms (not 方面: 恢复和开挖“田头窖”等方面 names an area of work)
# Quotations walked over to a run's first or last: a longer run is no list that one verb
# governs, and an unbounded walk from each of n quotations costs n² on a page that quotes
# line after line side by side.
_RUN_MAX = 30
# (an item may be broken by one hard wrap, as on the pages of standards: “CIC智能工厂”、“CID⏎评价”等4个部分,
# central-33 37 63, shandong-33; quoted24)
_RUN_REST = re.compile(rf"(?:[”」][、和与及或]?[“「](?:[^“”「」\r\n]|(?:\r\n?|\n)(?![\r\n])){{1,40}}){{0,{_RUN_MAX}}}[”」]")


def _after_run(text, e):
    """The position after the run of quotations side by side (:data:`_RUN_REST`) that the
    quotation closing at ``e`` is part of: past its last closing mark (``e + 1`` alone)."""
    run = _RUN_REST.match(text, e)
    return run.end() if run else e + 1


_PART_OR_WORDING = re.compile(r"(?:等|或)?\s*(?:[一二两三四五六七八九十0-9]+\s*个)?(?:部分|字样|名义)")
_PINNED_AFTER = re.compile(r"[的等](?:旗号|幌子|帽子|标签|罪名)")
# a bare 部分 before a noun is "some of" (支持“专精特新”部分企业上市, 推动“一网通办”部分高频事项跨省通办)
# unless the run stands where a part of a document is named (…》中“基础共性”部分建设内容, 正文的“…”部分论述)
_SOME_OF = re.compile(rf"部分[{IDEOGRAPH}]")
_PART_PLACE_BEFORE = ("中", "的", "在")


def _part_or_wording(text, s, e, listed):
    """Whether the run of quotations the quotation ``text[s:e]`` is part of
    (its first quotation starting at ``listed``) ends before the name of a
    part of a document, before 字样 or 名义 (:data:`_PART_OR_WORDING`; not
    a bare 部分 meaning "some of" the noun after it, :data:`_SOME_OF`) or
    before a pretext or a label pinned (的旗号, 的帽子: :data:`_PINNED_AFTER`),
    unless the quotation is a policy of the document's own, as a misuse of it
    is pinned (打着“乡村振兴”的旗号 where the text also writes 乡村振兴战略:
    :func:`_named_in_document`)."""
    m = _RUN_REST.match(text, e)
    if m and _PINNED_AFTER.match(text, m.end()):
        return not _its_own_name(text, s, e)
    if not (m and _PART_OR_WORDING.match(text, m.end())):
        return False
    return not (_SOME_OF.match(text, m.end()) and text[listed - 2:listed - 1] not in _PART_PLACE_BEFORE)


def _in_title(text, s, e):
    """Whether the quotation ``text[s:e]`` is a title in title marks or a part of a titled
    work: the whole title (《“…”》), its opening with no words of the title after it, or
    right after a title (《…指南》“申请规定”). A quotation opening a title that goes on
    names the programme the document is of (《“健康中国2030”规划纲要》, 《“宽带中国”
    战略及实施方案》, 《“互联网＋”行动计划》: xi all_data:15, central-159, central-155,
    central-25) and is read as any other."""
    mark = text[s - 2:s - 1]
    return mark == "》" or (mark in ("《", "〈") and not IDEOGRAPH_RE.match(text, e + 1))


# uses of a quotation elsewhere in its text read to tell whether the text names it a term
_USES_MAX = 50


def _its_own_name(text, s, e):
    """Whether the quotation ``text[s:e]`` is a name however its words are used: a
    way of working (“绣花功夫”: :data:`_WAY_OF_WORKING`) or a term the text names
    (:func:`_named_in_document`)."""
    return text[s:e].endswith(_WAY_OF_WORKING) or _named_in_document(text, s, e)


def _named_in_document(text, s, e):
    """Whether the quotation ``text[s:e]`` names a programme or a body by its
    own words (:func:`_named_kind`) or is named a term by the text elsewhere,
    quoted or not: a term head after it or a policy verb before it (实施乡村振兴
    战略, 推进“僵尸企业”出清; at most :data:`_USES_MAX` uses read)."""
    q = text[s:e]
    if _named_kind(q):
        return True
    i = text.find(q)
    for _ in range(_USES_MAX):
        if i == -1:
            return False
        j, k = i + len(q), i - (text[i - 1:i] in "“「")
        j += text[j:j + 1] in "”」"
        if i != s and (_TERM_HEAD_AFTER.match(text, j) or _POLICY_VERB_BEFORE.search(text, max(0, k - 12), k)):
            return True
        i = text.find(q, i + 1)
    return False


# the label of a part of a web page or form (在“申请与受理”菜单下, 选择“项目负责人”用户组), of what
# is clicked (点击“在线申请”进入申请界面) or of what is chosen, entered or marked, no word bound after it
# (亚类说明选择“培育项目”或…, 手机可方便选择“老人模式”、…, 有的图纸注明“仅供参考”，): an application guide's
# steps and words cited as written, no terms
_PAGE_CONTROL_AFTER = re.compile(f"(?:{alternation('page_controls')})")
_CLICKED_BEFORE = re.compile(r"(?:点击|单击|双击|勾选|点选)$")
_ENTERED_BEFORE = re.compile(r"(?:选择|填写|输入|注明|标明|写明)$")


def _page_label(text, s, e):
    """Whether the quotation ``text[s:e]`` labels a part of a web page or form
    (:data:`_PAGE_CONTROL_AFTER`), what is clicked (:data:`_CLICKED_BEFORE`)
    or what is chosen, entered or marked with no word bound after it, unless
    a programme, a body or a coinage is chosen (:data:`_ENTERED_BEFORE`,
    :func:`_named_kind`: 资助类别选择“重大研究计划” names the programme the guide
    is of, 群众选择“一网通办”，办事更便捷 the service people choose)."""
    end = before_blanks(text, s - 1)
    return bool(_PAGE_CONTROL_AFTER.match(text, e + 1) or _CLICKED_BEFORE.search(text, max(0, s - 4), end)
                or (_ENTERED_BEFORE.search(text, max(0, s - 4), end) and not _named_kind(text[s:e])
                    and not (IDEOGRAPH_RE.match(text, e + 1) and text[e + 1] not in "或和与及")))


# a shorthand a document defines for itself (…的组织协调工作（以下简称“专业机构”）, …申请书》（以下简称
# “中文申请书”）): a label of that text, unless it names a programme or is a coined name (国家司法审判信息
# 系统工程（简称“天平工程”）, （以下简称“两库”) is a count)
_SHORTHAND_BEFORE = re.compile(r"简称[为是]?[：:]?$")


def _own_shorthand(text, s, e):
    """Whether the quotation ``text[s:e]`` is a shorthand its text defines
    (:data:`_SHORTHAND_BEFORE`) that names no programme and is no coinage."""
    q = text[s:e]
    return bool(_SHORTHAND_BEFORE.search(text, max(0, s - 6), before_blanks(text, s - 1))) \
        and not (_programme_name(q) or _COINAGE.fullmatch(q))


_MASKED_ONLY = re.compile(f"(?:{MASK}|[\\s\\W_])+")
# words quoted for emphasis, never a term alone: “忠诚”, “非典” (plain_quoted_words.txt); people
# born in a decade, a label: 全体“90后”党员, “95后”甚至“00后”
_PLAIN_WORDS = word_set("plain_quoted_words")
_COHORT = re.compile(r"[0-9０-９〇零一二三四五六七八九]{2}后")


def _is_policy_term(text, s, e, repeats):
    """Whether the quoted string ``text[s:e]`` names a policy term."""
    q = text[s:e]
    if (len(q) < 2 and not _in_one_char_series(text, s)) or len(q) > _SLOGAN_MAX * 2 \
            or _SENTENCE_PUNCT.search(q):
        return False
    if re.fullmatch(r"[\s\W_]*[0-9A-Za-z.]*[\s\W_]*", q) and not re.search(r"[+＋]", q):
        return False
    listed = _run_start(text, s, parted="、")     # the first of the list of quotations it ends
    if _in_title(text, s, e) or _title_quoted(text, s, e) or _part_or_wording(text, s, e, listed) \
            or _page_label(text, s, e) or _own_shorthand(text, s, e):
        return False
    if _MASKED_ONLY.fullmatch(q) or q in _PLAIN_WORDS or _COHORT.fullmatch(q):
        return False                                      # masked away (“XXX、XXX”), a virtue, a disease, “90后”
    before = text[max(0, s - 12):s - 1].rstrip(BLANK)     # 反对任何人制造所谓 “两个中国”
    parts = q.split("、")
    # a named attitude stays a term when it is rejected (摒弃“等、靠、要”思想)
    attitude = len(parts) > 1 and bool(_ATTITUDE_AFTER.match(text, e + 1))
    frame = bool(_FRAME_AFTER.match(text, e + 1) or _METHOD_AFTER.match(text, e + 1)
                 or _MEETING_AFTER.match(text, e + 1) or (_MODE_AFTER.match(text, e + 1) and _PARTS.search(q))
                 or (_GOAL_BEFORE.search(before) and _GOAL_AFTER.match(text, e + 1)))
    # what is proposed or stressed is a term when the words after it name it: 提出“…”的总要求,
    # 提出“构建网络空间命运共同体”理念, 指出,“创国卫”工作…; else it is speech reported
    proposed = _proposal(q, before)
    said = _SAY_BEFORE.search(before) and not (frame or proposed or _TERM_HEAD_AFTER.match(text[e + 1:e + 8]))
    # a rejection reaches the quotations joined to its object by 和/与/及 too (防止出现“带病下乡”和“带病回城”)
    rejected = _rejected(text, s, e, _run_start(text, s, parted="、和与及", headed=True), before)
    if said or ((rejected or _RESOLVE_AFTER.match(text, e + 1)) and not attitude) or _united(text, s, e) \
            or _shift_stage(text, s, e) or _likened_role(text, s, e) or (not frame and _manner(text, s, e, before)):
        return False
    halves = re.split(r"[，,]", q)
    if len(halves) > 1:
        # a two-clause slogan only as a named goal, theme or arrangement: “建设大城北，实现新跨越”
        # 这一发展主题, “政府引导，市场运营”模式; not speech (团结出干部，团结出战斗力)
        # up to five clauses as the content of a named frame: “抓住机遇，深化改革，扩大开放，促进发展，
        # 保持稳定”的方针 (not a saying: “发展是目的,改革是动力,稳定是前提”的道理)
        # (a clause may list targets: “工业总产值超100亿、财政收入达1亿,两年创建成为全国文明镇”的目标)
        named = frame if len(halves) > 2 else frame or bool(_ARRANGEMENT_AFTER.match(text, e + 1))
        return named and len(halves) <= 5 and len(q) <= _SLOGAN_MAX \
            and all(3 <= len(p) <= 12 for h in halves for p in h.split("、"))
    if len(parts) > 1:
        # a quoted list of phrases is a slogan (“一窗受理、限时办结”, “不改变、
        # 不撤退、不脱贫、不脱钩”) or of parts sharing a character (“建链、强链、延链、
        # 补链”); member lists a formulation names are dropped later; short words
        # only as a named attitude (“等、靠、要”思想), before a term head (“专、精、特、
        # 新”中小企业, “智慧城区、社区”试点; not 为: 以“…”为重点) or, three at least, the
        # content of a named mechanism or principle (“比、学、赶、超、帮”的长效机制) or
        # before a verb carrying it out (“上云、用数、赋智”加快推进; not a pair: 各地
        # “线上、线下”推进招聘), not as objects (保障“住、医、教”) or a pair (以“惠民、
        # 为民”为宗旨)
        if len(parts) > 8 or max(len(p.strip()) for p in parts) > 12:
            return False
        if all(len(p.strip()) >= 3 for p in parts) or _parallel_parts(q):
            return True
        head = text[e + 1:e + 2] != "为" and (_TERM_HEAD_AFTER.match(text[e + 1:e + 8])
                                              or _DENG_HEAD_AFTER.match(text, e + 1))
        carried_out = _CARRIED_OUT_AFTER.match(text, e + 1)
        return attitude or (len(parts) >= 3 and bool(frame or carried_out)) or bool(head)
    if len(q) > _TERM_MAX:
        # the long name of a title conferred (成功申报“…深度融合试点单位”) or of the programme
        # its head names (“现代服务业共性关键技术研发及应用示范”重点专项) is a term too
        honour = bool(_HONOUR_BEFORE.search(before)) and q.endswith(_PROGRAMME_HEADS)
        return (frame or honour or bool(_PROGRAMME_HEAD_AFTER.match(text, e + 1))) and len(q) <= _SLOGAN_MAX
    after = text[e + 1:e + 8]
    if _schemed(text, s, listed) and not _HARMED_BEFORE.search(before):
        return False
    if _figure_before(text, s, e, listed):
        return bool(_TERM_HEAD_AFTER.match(after) or frame or _programme_name(q))
    named = frame or proposed or _named_around(text, s, e, before)
    if _ordinary_word(q):
        return named    # a word of the language only when the words around name it: 继续实施“希望工程”
    if named or _term_shape(text, s, e, repeats, listed):
        return True
    return (4 <= len(q) <= 5 and _compact_name(text, s, e)) or (len(q) == 3 and _one_coinage(text, s, e)) \
        or _campaign_period(text, s, e) or _parallel_parts(q) or _system_name(q)


def _figure_before(text, s, e, listed):
    """Whether the words before the quotation ``text[s:e]``, or before the first
    of the run of quotations it ends, make it a figure or a label: a thing
    counted as one, people counted, what a thing is called, a unit's name (:data:`_FIGURE_BEFORE`,
    :data:`_COUNTED_BEFORE`, :data:`_CALLED_BEFORE`, :data:`_UNIT_BEFORE`) or what someone is or acts as
    (:data:`_COPULA_BEFORE`, a short quotation, over a run parted by 、 too, whose
    first quotation starts at ``listed``)."""
    r = _run_start(text, s)             # figures in a run share the words before its first
    if _FIGURE_BEFORE.search(text, max(0, r - 12), r - 1) or _COUNTED_BEFORE.search(text, max(0, r - 12), r - 1) \
            or _CALLED_BEFORE.search(text, max(0, r - 18), r - 1) \
            or (_UNIT_BEFORE.search(text, max(0, r - 6), r - 1) and not text[s:e].endswith("精神")):
        return True
    if e - s > _LABEL_MAX or _COINAGE.fullmatch(text, s, e) or text[e + 1:e + 2] == "的":
        return False
    return bool(_COPULA_BEFORE.search(text, max(0, listed - 6), listed - 1))


def _schemed(text, s, listed):
    """Whether the clause before the quotation at ``s``, or before the first of
    the list of quotations it ends (at ``listed``), tells what an adversary
    schemes or spreads (:data:`_SCHEME_BEFORE`: 刘少奇还继续散布“阶级斗争熄灭论”、
    “驯服工具论”、…、“公私溶化论”)."""
    return any(_SCHEME_BEFORE.search(text, max(0, k - 30), k - 1) for k in {s, listed})


# a short name proposed, right after 提出 (党的十八大明确提出“新四化”, 适时提出“中国倡议”和“中国
# 标准”): a term; a longer quotation, one after 提出：, or a question (提出“怎么办”) is speech
# reported; one opening with a numeral is a date or a count, not taken so (提出“七一”是党的诞生纪念日,
# 1915年提出“二十一条”)
_PROPOSED_BEFORE = re.compile(r"提出$")
_PROPOSAL_MAX = 8
_NUMERAL_FIRST = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}0-9]")


# or a list of short phrases proposed as a principle: 研究提出“以人为本、智能向善”
_PROPOSED_LIST = re.compile(rf"[{IDEOGRAPH}]{{2,6}}(?:、[{IDEOGRAPH}]{{2,6}}){{1,3}}")


# a complaint: each item ends with a word of hardship (群众提出“看病难、看病贵”)
_COMPLAINT = re.compile(rf"(?:[{IDEOGRAPH}]{{1,4}}[{''.join(words('hardship_ends'))}](?:、|$))+")


def _proposal(q, before):
    """Whether the quotation ``q`` right after 提出 is short, of one clause
    (or a list of short phrases, :data:`_PROPOSED_LIST`), opens with no
    numeral, asks nothing (提出“为什么”, 提出“怎么办”: a question
    reported, :data:`_QUESTION`) and complains of nothing (提出“看病难、
    看病贵”, :data:`_COMPLAINT`): a proposal's name."""
    short = len(q) <= _PROPOSAL_MAX and not _PAIRED_ACROSS.search(q)
    return (short or bool(_PROPOSED_LIST.fullmatch(q))) and bool(_PROPOSED_BEFORE.search(before)) \
        and not _NUMERAL_FIRST.match(q) and not _QUESTION.search(q) and not _COMPLAINT.fullmatch(q)


def _rejected(text, s, e, listed, before):
    """Whether the words before the quotation ``text[s:e]``, or before the first
    of the list of quotations it ends (at ``listed``), reject it
    (:data:`_NEGATIVE_BEFORE`: 打着所谓“民主”、“自由”、“人权”等幌子, 反对“筑墙设垒”、“脱钩断链”),
    unless they only say what a programme's name is taken as (:data:`_REGARDED_BEFORE`)."""
    if _NEGATIVE_BEFORE.search(before):
        return not (_REGARDED_BEFORE.search(before) and _programme_name(text[s:e]))
    return listed != s and bool(_NEGATIVE_BEFORE.search(text, max(0, listed - 12), before_blanks(text, listed - 1)))


# a quotation and its head joined to the next (严防“钓鱼”项目和“胡子”工程): what rejects the first
# rejects the second, which names the same kind of thing
_HEAD_JOINED = re.compile(f"[”」](?:{alternation('term_heads')})[和与及、]$")
# ... or each with the words saying what kind it is (绝不能搞劳民伤财的“形象工程”和脱离实际的“政绩工程”):
# the second's words open with no preposition or policy verb, which would make it another verb's object
_KIND_JOINED = re.compile(rf"[”」][和与及、](?!{alternation('scope_prepositions')}|{alternation('policy_verbs_before')})"
                          rf"[^{STOPS}“”‘’「」\s]{{1,8}}的$")


def _run_start(text, s, parted="", headed=False):
    """The start of the first quotation of the run of quotations written
    side by side (“贴心人”“暖心人”“放心人”), or also parted by one of the
    characters ``parted`` (、: “返工”、“补课”) or, ``headed``, by the head
    both name and such a character (“钓鱼”项目和“胡子”工程) or by such a
    character and the words saying what kind the next is (“形象工程”和脱离
    实际的“政绩工程”), that the quotation at ``s`` ends, or ``s`` itself; at
    most :data:`_RUN_MAX` quotations back."""
    for _ in range(_RUN_MAX):
        if s >= 2 and text[s - 2] in "”」":
            c = s - 2
        elif s >= 3 and text[s - 2] in parted and text[s - 3] in "”」":
            c = s - 3
        elif headed and (h := _HEAD_JOINED.search(text, max(0, s - 12), s - 1)
                         or _KIND_JOINED.search(text, max(0, s - 12), s - 1)):
            c = h.start()
        else:
            break
        k = max(text.rfind("“", max(0, c - 20), c), text.rfind("「", max(0, c - 20), c))
        if k < 0 or "”" in text[k:c] or "」" in text[k:c]:
            break
        s = k + 1
    return s


def _programme_name(q):
    """Whether the quotation ``q`` ends with a programme's head (“一号改革工程”): a name
    even where the words before it would make it a figure (这是…实施的“一号改革工程”)."""
    return len(q) >= 4 and q.endswith(_PROGRAMME_HEADS)


# the heads that end the name of a body, a system or an arrangement (“乡贤理事会”, “…”机制)
_BODY_HEADS = words("named_body_heads")


def _named_kind(q):
    """Whether the quotation ``q`` names a programme (:func:`_programme_name`), a
    system (“河长制”), a body or an arrangement (:data:`_BODY_HEADS`: “乡贤理事会”)
    or is a coinage (:data:`_COINAGE`: “一网通办”): a name whatever role, choice
    or pretext the words around give it."""
    return _programme_name(q) or bool(_COINAGE.fullmatch(q)) or q.endswith("制") \
        or (len(q) >= 4 and q.endswith(_BODY_HEADS))


# the name of a system or rule of working, a word ending in 制 (“包干制”, “赛马制”, “链长制”), or of a
# scheme or a service that connects or serves in one pass, ending in 通 (“深港通”, “村村通”, “万村通”,
# “济企通”, “青岛政策通”: national reports 16 18 20 32 39, central-25 40, shandong-19 22 25 35 45)
_SYSTEM_NAME = re.compile(rf"[{IDEOGRAPH}]{{2,5}}[制通]")


def _system_name(q):
    """Whether the quotation ``q`` names a system or a scheme by its shape (:data:`_SYSTEM_NAME`):
    落实科研经费“包干制” (shandong-18), 以“揭榜挂帅"“赛马制"等新型科研组织模式 (shandong-39,
    52), “深港通”开启 (national 16); not a phrase ending in a word of the dictionary (“…体制”,
    “…控制”, “…复制”, “互联互通”). A system the words before reject (废除领导干部职务“终身制”)
    is no term: :func:`_rejected` has refused it before."""
    return bool(_SYSTEM_NAME.fullmatch(q)) and "的" not in q and q[-2:] not in dictionary_words()


def _named_around(text, s, e, before):
    """Whether the words around the quotation ``text[s:e]`` name it a term:
    a head after it (“效能风暴”行动, “田头窖”等方面, “大园区”生产模式), a
    policy verb, an honour conferred, a body that issues it or the policy it
    is before it (实施“…”, 被评为“…”, 国务院“约法三章”, 方针是“…”), a
    programme head ending it (“一号改革工程”) or its letters spelled out."""
    q, after = text[s:e], text[e + 1:e + 8]
    return bool(_TERM_HEAD_AFTER.match(after) or _POLICY_VERB_BEFORE.search(before)
                or _DENG_HEAD_AFTER.match(text, e + 1) or _DENG_TRADE_AFTER.match(text, e + 1)
                or _MODIFIED_HEAD_AFTER.match(after)
                or _programme_name(q)
                or _HONOUR_BEFORE.search(before) or _ISSUED_BEFORE.search(before)
                or _spelled_out_after(text, s, e) or _clause_object(text, s, e))


# a clause whose verb takes a programme or a campaign as object, and the end of that object
_CLAUSE_VERB = re.compile(f"(?:{alternation('clause_verbs')})")
_CLAUSE_START = re.compile(rf"[^{STOPS}\r\n]{{0,80}}$")
_CLAUSE_REST = re.compile(rf"[^{STOPS}\r\n“”]{{0,24}}?(?:{alternation('clause_heads')})(?=[{STOPS}\r\n]|$)")


def _clause_object(text, s, e):
    """Whether the quotation ``text[s:e]`` is part of the object of a clause
    opened by a verb of programmes and ended by a programme's head: 开展对…、
    矿产资源领域“风腐责”这六个方面突出问题的重拳整治, 统筹推进…和“小而美”
    民生项目建设 (the frame 开展“…”活动 across the clause)."""
    start = _CLAUSE_START.search(text, max(0, s - 81), s - 1)
    return bool(_CLAUSE_REST.match(text, e + 1)) and bool(_CLAUSE_VERB.search(start.group()))


def _term_shape(text, s, e, repeats, listed):
    """Whether the quotation ``text[s:e]`` is a term by its own shape or
    use: quoted again, a code (“党建+网格”), one of a series of quotations
    (“查”、“控”、“治”) that names rather than describes (:func:`_described_run`),
    a phenomenon named by where it happens (“舌尖上的安全”), a type
    (“实体型”居委会) or a scoped honour (“全国文明村”)."""
    q = text[s:e]
    series = ((text[e + 1:e + 2] in "“「、" and text[e + 1:e + 3] not in ("、", ""))
              or (s >= 2 and text[s - 2] in "”」") or text[s - 3:s - 1] in ("”、", "」、")) \
        and not _figure_words_run(text, s, listed) and not _described_run(text, e, listed)
    return bool(repeats >= 2 or "+" in q or "＋" in q or series
                or _PLACE_OF_PHENOMENON.fullmatch(q)
                or (_TYPE_NAME.fullmatch(q) and IDEOGRAPH_RE.match(text, e + 1))
                or _SCOPED_HONOUR.fullmatch(q))


# a run of quotations that describes, no series of terms: what it is is named after it (“不愿”“不敢”“不会”
# 的困境, …的观点, 存在“躺平”“守摊”心态: described_run_heads.txt), or it lists what a thing includes,
# its parts or fields (性能指标应包括“所分析的数据类型”、“分析速度”、…, central-27 102; every run
# after 包括/包含 in the corpora is one: central-22 122 129 154)
_DESCRIBED_AFTER = re.compile(rf"(?:的|等等?)?[{IDEOGRAPH}]{{0,4}}?(?:{alternation('described_run_heads')})")
_CONTENTS_BEFORE = re.compile(r"(?:包括|包含)[：:]?$")


def _described_run(text, e, listed):
    """Whether the run of quotations side by side that the quotation ending
    at ``e`` is part of (its first starting at ``listed``) describes rather
    than names: the words after it name a plight, a view or a state of mind
    (:data:`_DESCRIBED_AFTER`), or it lists what a thing includes
    (:data:`_CONTENTS_BEFORE`)."""
    return bool(_DESCRIBED_AFTER.match(text, _after_run(text, e))
                or _CONTENTS_BEFORE.search(text, max(0, listed - 5), before_blanks(text, listed - 1)))


# a run of quoted two-character words of the language side by side (“返工”、“补课”)
_WORD_PAIR_RUN = re.compile(rf"(?:“[{IDEOGRAPH}]{{2}}”、?){{2,}}")
_RUN_ITEM = re.compile(rf"“([{IDEOGRAPH}]{{2}})”")
# a run of coined colours standing for the people who wear them (“天使白”、“橄榄绿”、“守护蓝”)
_COLOUR_RUN = re.compile(rf"(?:“[{IDEOGRAPH}]{{1,3}}[{''.join(words('colour_words'))}]”、?){{2,}}")


def _figure_words_run(text, s, listed):
    """Whether the quotation at ``s`` is one of a run of figures that nothing
    names, no policy verb before the run: two-character words of the
    language's dictionary with no word bound after them (对群众不满意的及时
    “返工”、“补课”。, 可能存在“时差”“错位”。), or coined colours with no term
    head after them (“天使白”、“橄榄绿”、“守护蓝”、“志愿红”迅速集结). Such
    words side by side are no series of terms (坚持不懈地进行“扫黄”“打非”
    斗争, 推进“双拥”、“共建”工作 stay terms); ``listed`` is where the first
    quotation of the run starts."""
    r = listed - 1
    m = _WORD_PAIR_RUN.match(text, r)
    words_run = bool(m) and all(w in dictionary_words() for w in _RUN_ITEM.findall(m.group()))
    if not words_run:
        m = _COLOUR_RUN.match(text, r)
    if not m or m.end() <= s or text[m.end():m.end() + 1] in ("“", "「"):
        return False                    # (the whole run, not the words opening a longer one)
    end = m.end() - (m.group().endswith("、"))
    if words_run:
        named_after = IDEOGRAPH_RE.match(text, end) and not _NOT_BOUND_AFTER.match(text, end)
    else:
        named_after = _TERM_HEAD_AFTER.match(text[end:end + 7])
    return not (named_after or _POLICY_VERB_BEFORE.search(text, max(0, r - 12), r))
