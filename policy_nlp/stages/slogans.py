"""Numbered formulations (数字式提法) and quoted policy terms.

Chinese policy text names its programmes by counting them: 四个全面, 三大攻坚战,
两学一做, “双联”, “十四五”. :func:`find_slogans` finds them with a small
grammar, finds quoted policy terms (“效能风暴”, “一键申报”), tags later
unquoted mentions of what a document introduced in quotes, tags the terms of
a :class:`~policy_nlp.stages.lexicon.Lexicon`, and links each formulation to the
members the text spells out.

The grammar
-----------
Numerals are ``一``…``十`` with ``百 千 万`` and ``〇 零``, ``两`` and ``双``
(both 2); a run of them must parse as a number (``十四``, ``二十``; ``四两`` and
``九二`` do not), except a repeated digit (``八八`` = 8, as in 八八战略) and an
ascending run of digits (``一二三`` = 3, as in 一二三产业), which claim the
count of what they enumerate.

``counted``  ``NUM MEASURE HEAD``: a numeral, a measure word (``大项 个 项 大
条 种 类 场 座 步 点 件 篇 字 套``: 十件实事, 四篇文章, 二十四字方针, 四套班子), and a
head. Where the head ends is decided by cues: it stops
at punctuation, quotes, brackets, another numeral and the function words
``的 和 与 及 等 是``; within what is left the longest prefix ending in a
*policy head* word (工程, 战略, 行动, 纪律, 制度, 改革, 意识, 自信, 攻坚战,
规定, 重点工作, 原则, 机制 … and verbal heads such as 坚持, 确保, 维护, 不摘,
which cannot follow a numeral of a plain quantity) is the head, and it must
end on a word boundary of the segmenter's tokens when they are given. With
the measure ``大``/``大项`` (十大工程, 六大项目标责任书) any short noun phrase is
a head, cut at a token boundary. The number is the numeral (十大项重点工作 =
10).

``composite``  two or more units ``NUM X`` where ``X`` is one to three
non-numeral characters (两品一游, 三会一课, 一委一会一中心, 七地一屏一通道,
两不愁三保障), parts may be joined by 、 (双随机、一公开; 一核三带、多点支撑, where
``多`` is an uncounted unit). The claimed number is the sum of the units (两品一游
= 3, 三会一课 = 4, 七地一屏一通道 = 9), with two fixed constructions: ``N X N促``
counts N pairs (三抓三促 = 3, 抓X促Y three times), and a trailing ``一体`` or
``合一`` fuses the parts instead of adding one (五位一体 = 5, 三证合一 = 3).
Units of ``百 千 万`` or ``多`` make the number null (千万工程, 百县万村), but
``双`` before one counts the pair: “双百”方针 (百花齐放、百家争鸣) = 2, 双百双千 = 4.
A trailing ``合一`` fuses the parts (三证合一 = 3).

``single``  one unit ``NUM X…`` without a measure word (“双联” = 2, “三农” = 3,
四风, 八八战略 = 8); the numeral 一 alone (“一键申报”, “一网通办”) is an adverb of
manner, not a count, and gives a quoted term instead.

``plan``  a bare numeral ending in 五 whose prefix is 1…15: a five-year plan
ordinal (“十四五”, “十五五”, “九五”), number null.

``code``  inside quotes, digits and letters joined by ``+``: “1+N+X” is an
opaque code, number null; when every part is a digit string the number is
their sum, as the text reckons it (“7+3” = 10, “14+1” = 15). A quoted string
of three to six digits before a policy head (“8810”工程, “1255”发展思路) is a
programme code, number null (not a year: “2020”). Inside quotes, a composite
written with single Arabic digits for its numerals is read as the Chinese one
(“4 市 1 区” = 四市一区 = 5); a single unit (“3年”, “2号楼”) is not.

``confirmed``  ``NUM [MEASURE] X`` with a short head that is no policy head
word, taken unquoted only because the list right before it has exactly NUM
members: 国庆、中秋两节 (two-character members, no measure), 党建、发展、民生、
稳定、作风五个关键 (at least three short members with 个/项…), “红橙黄蓝”四色预警
(a quoted run of NUM single-character abbreviations), “组织领导、…、人员力量”六落实
(a quoted list of NUM items), a 即-list of exactly NUM members right after 双
or a quoted count with a measure word (双重组织生活会,即A和B; “六个导向”即…; not
an unquoted count, most often plain: 全县共有五个乡镇,即…; nor a head that makes a
quantity: 两个方面,即…), 双 + a short head after a pair as long as each
other (发展速度和发展质量的双提高; not 双重, dual), and 两化(标准化、数字化) (a bracketed expansion of
NUM items right after; one item, as in 七年(公元1512年), confirms nothing). Named instances of a
plain count (全国、全省两个现场会) and one-character places (东、西两侧) fail
these tests.

Never formulations: announcements of the speaker's own points (三句话, 两点希望,
三条建议, and any count right after a verb of speaking: 我讲三个问题, 提出两点要求;
the enumerations stage reads them as list claims), zero targets (“零上访” is
a quoted term with no count), ordinals (二号工程; “一号工程” is a quoted term).
Inside quotes a measure with a one-character head is a name (“三个多”, “三个年”)
unless the head is a unit of time or measure (“三个月”).

Unquoted, only ``counted`` formulations (with a numeral of at least 2: 一个,
一项 are indefinite articles), composites followed by a policy head (一委一会
一中心运行模式, 三会一课制度) and repeated-digit singles (八八战略) are taken;
everything else is taken only inside quotes, from the lexicon, or as a mention
of a term the document quoted. Never slogans: Arabic quantities outside
quotes, ordinals (第十二次, 十九大, 十八届), dates (5月24日, “七一”), streaks
(十连丰), durations and other numeral + unit expressions (两年, 三个月, 54个月,
三年行动), approximate counts (一千五百多项), and demonstrative or anaphoric
counts (这两个目标, 以上十四条).

Quoted policy terms
-------------------
A quoted string (“…”, 「…」, ‘…’; also quote marks a web copy mangled:
'一个引领、三区带动“ with an apostrophe opening and an opening quote closing,
“保二争一〞 with the double prime closing, “六五’ with a single quote closing,
”六个关系” with a closing quote opening) is a policy term when it is short, has no
sentence punctuation, is not introduced by a verb of saying (说, 讲, 指出 …),
is not a member list that a formulation names, and has a cue that it names
something: a head word right after it (“效能风暴”行动, “星级社区”创建) or after
等 (“我和百姓聊聊法”等专项活动), a policy
verb before it (实施, 推进, 开展 …), a second occurrence in the document, a
name of a programme or honour (“一号改革工程”, 被评为“全国民主法治示范村”), or a
frame that makes it the content of a named goal or principle (“安全生产重于
泰山”的使命, “保 5 争 3”的目标, 以“…”为主题) or the campaign of a mobilisation
meeting (“…”秋防动员大会, “…”誓师大会); with such a frame a longer
string and a two-clause slogan are terms (“建设大城北，实现新跨越”这一发展主题).
A quoted list of phrases of three or more characters is a slogan (“不改变、
不撤退、不脱贫、不脱钩”); a list of one- or two-character words only names an
attitude (“等、靠、拖”现象), not objects (保障“住、医、教”).

Members
-------
A formulation is linked to the members spelled out (1) in brackets right
after it: 五项改革（…、…）; (2) in a quoted list right before it:
“A、B、C”的“五心工程”, “巩固、增强、提升、畅通”八个字; (3) in the list before ``等``:
A、B…等十项制度; (4) in a list that follows: ``，即`` / ``：`` A、B、C, or
一是…二是…; and (5) in an unquoted list right before it whose item count
equals the claimed number: 精品、珍品和旅游观光“两品一游”, 中央和地方两个积极性
(a leading item of digits, a page number such as ``2、``, is dropped; the first
member is cut after its last leading verb: …的方针强化畜牧 -> 畜牧); (6) a quoted
run of single characters right before (“红橙黄蓝”四色预警); and (7) quoted names
followed by the formulation's head later in the paragraph (三大工程 … “连心”工程
…“强基”工程…“模范”工程). After 即 the separator (；、，) that splits the list
into the claimed number of items wins, and 即A和B gives two members; a
一是… list stops where its numbering restarts (“两增”：一是…二是…。“三突破”：
一是…). Local speech adds: (8) a 一是… list opening the next sentence or
paragraph after a formulation that ends its sentence, when it has exactly
the claimed number of items (提出了“五个强化”。¶一是强化…); (9) ——-items opening
the paragraphs after it, as many as claimed (五个坚持：¶——坚持…); (10) a
bracketed list right before it ((烟果、商贸、民生)三大经济); (11) N items
ending with its head elsewhere in the paragraph, as long as each other
(物质文明、政治文明、精神文明 … 三个文明). Members found by a definition (brackets,
即/：/一是 lists, dash items, quoted lists and names) with the claimed count
hold for every mention of the formulation in the text. A list right before
a formulation is no member list when its first item is still a clause
(了, a quotation inside it, three times longer than the others: …完成了××个
村、社区“两委”), an item opens with a list marker (二是…), or its parts are verb
+ result compounds (打赢打好“两防”); 我代表 is trimmed like a leading verb.
A pair right before a count of two may be split by a comma when both clauses
are as long as each other (three to six characters) once leading verbs are cut
(围绕农业发展,农民增收两大目标; not 去年,全县两项工作); 这 may stand between a list
and a count taken on other grounds (…这六个方面突出问题), but does not confirm
one (北京、上海、广州这三个城市 is a reference back). A pair whose first item carries a qualifier both share starts where
the second item's opening recurs (经济社会发展速度和发展质量 -> 发展速度). A
masked place name opening a member (XX市委, ××县, 某某乡) is left out of it.
A 、-list of three or more items may be the subject of the formulation's
clause, which is a copula (是, 就是 …) or opens with one and ends in 的 within
fourteen characters before the count (我们抓招商引资、抓投资环境、抓工业园区,就是实施这一战略
部署的三个篇章; the subject 我们 is left out): it gives the members and, with
exactly the claimed number of items, confirms the count.
即 may follow the formulation's closing quote marks directly, and one 即-list
may define two formulations named together (正确处理“六个关系”、牢固树立“六个
导向”即要正确处理A的关系,牢固树立B的导向;…): each takes the comma-part of every
item that ends with its head. Words of four characters or more that led into
the formulation and open an item again are left out of it (要参加双重组织
生活会,即…要参加班子民主生活会 -> 班子民主生活会).
Leading verbs and prepositions of the first member (拿出, 以发展, 加强 …) are
trimmed. ``count_matches`` is ``number == len(members)`` when members were
found and the number is known, else None.
"""

import functools
import os
import re
from bisect import bisect_right
from operator import itemgetter

import numpy

from policy_nlp.lang.masks import MASK
from policy_nlp.lang.numerals import DIGITS as _DIGIT, UNITS as _UNIT
from policy_nlp.lang.numerals import YEAR_DIGIT_CHARS, chinese_int as _parse_int
from policy_nlp.lang.words import alternation, word_set, words

__all__ = ["find_slogans", "parse_numbered"]

# ----------------------------------------------------------------- numerals
NUM_CHARS = "〇零一二两三四五六七八九十百千万双"
_NUM_RE = re.compile(f"[{NUM_CHARS}]+")
_MAGNITUDE = "百千万"

# measure words, longest first
MEASURES = ("大项", "个", "项", "大", "条", "种", "类", "场", "座", "步", "点", "件", "篇", "字", "套")
# a count of the speaker's own points is an announcement, not a formulation
# (三句话, 两点希望, 三条建议): the enumerations stage reads it as a list's claim
_ANNOUNCEMENT = re.compile(
    f"[{NUM_CHARS}]+(?:(?:点|条|个|项|句)?(?:意见|希望|建议|体会|感受|想法|考虑|看法|思考|打算)|句话?|点要求)")
# after a verb of speaking, a count announces what follows (我讲三个问题, 提出两点要求)
_ANNOUNCE_BEFORE = re.compile(r"(?:讲|谈|提|提出|强调|说|交流|汇报|讲讲|谈谈)(?:了|一下)?$")
# heads that make a one-character quoted head a duration, not a name (“三个月”)
_TIME_UNITS = frozenset("月日天周时分秒岁人名元米亩吨斤次倍")
# what right after a numeral makes it a quantity, time, rank or ordinal
_QUANTITY_AFTER = words("quantity_after")
# a preceding character or word making the count anaphoric, ordinal or
# approximate: 第十二次, 这两个目标, 以上十四条, 前三个月
_BAD_BEFORE = words("count_before")
# heads that show an abstract, named formulation (not a countable object)
HEADS = tuple(sorted(set(words("slogan_heads")), key=len, reverse=True))
# heads that never make a formulation on their own (十八大精神, 两个阶段)
_WEAK_HEADS = {"精神", "以来", "阶段", "方面", "基本情况", "月", "年", "者"}
# stop words ending a head
_HEAD_STOP = re.compile(r"[，。；：、！？,.;:!?（）()“”‘’「」『』《》〈〉【】\s…—\-/的和与及等是为在了对把将从向于又也都就]"
                        f"|[{NUM_CHARS}0-9０-９]")
# composite units followed by one of these keep them out of the span
_COMPOSITE_HEADS = tuple(sorted(set(words("composite_heads")), key=len, reverse=True))

_PLAN_MAX = 15
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_PAIRED_MAGNITUDES = re.compile("(?:双[百千万])+")


def _numeral_value(run):
    """(value, kind) of a numeral run: kind 'int', 'redup', 'seq' or None."""
    if run.startswith("双") and len(run) == 1:
        return 2, "int"
    if "双" in run:
        return None, None
    v = _parse_int(run)
    if v is not None:
        return v, "int"
    if len(run) >= 2 and len(set(run)) == 1 and run[0] in _DIGIT:
        return _DIGIT[run[0]], "redup"                   # 八八
    vals = [_DIGIT.get(c) for c in run]
    if (len(run) >= 2 and None not in vals and vals[0] >= 1
            and all(b == a + 1 for a, b in zip(vals, vals[1:]))):
        return len(run), "seq"                          # 一二三
    return None, None


_YEAR_DIGITS = re.compile(f"[{YEAR_DIGIT_CHARS}]{{4}}")


def _is_plan(s):
    """A five-year plan ordinal: 十四五, 九五, 十五."""
    if len(s) < 2 or not s.endswith("五") or _NUM_RE.fullmatch(s) is None:
        return False
    v = _parse_int(s[:-1])
    return v is not None and 1 <= v <= _PLAN_MAX


def _starts_quantity(rest):
    return rest.startswith(_QUANTITY_AFTER)


def _units(s):
    """Split ``s`` into (numeral, chars) units; None when it does not start
    with a numeral or has a non-numeral prefix."""
    units = []
    i = 0
    while i < len(s):
        m = _NUM_RE.match(s, i)
        if m is None:
            if s[i] == "多" and i + 1 < len(s):          # 多点支撑: uncounted unit
                m_end = i + 1
                run = "多"
            else:
                return None
        else:
            m_end, run = m.end(), m.group()
        j = m_end
        while j < len(s) and s[j] not in NUM_CHARS and not (s[j] == "多" and m_end < j < len(s) - 1):
            j += 1
        if _PAIRED_MAGNITUDES.fullmatch(run) and not s[m_end:j].startswith(_QUANTITY_AFTER):
            # 双百 (百花齐放、百家争鸣), 双百双千: 双 counts the magnitude after it
            units.extend(("双", run[k + 1]) for k in range(0, len(run) - 2, 2))
            units.append(("双", run[-1] + s[m_end:j]))
        else:
            units.append((run, s[m_end:j]))
        i = j
    return units


def parse_numbered(s, quoted=True, _part=False):
    """The number a formulation claims, by the module's grammar.

    Parameters
    ----------
    s : str
        The candidate formulation, without quote marks.
    quoted : bool
        Whether ``s`` stood in quotes (codes and 一-singles need them).

    Returns
    -------
    (bool, int or None)
        Whether ``s`` is a numbered formulation, and the number it claims
        (None for plan ordinals, codes and magnitudes).

    Examples
    --------
    >>> [parse_numbered(s)[1] for s in ["两品一游", "三会一课", "七地一屏一通道", "三抓三促"]]
    [3, 4, 9, 3]
    >>> parse_numbered("十四五"), parse_numbered("七一"), parse_numbered("十连丰")
    ((True, None), (False, None), (False, None))
    >>> parse_numbered("五位一体"), parse_numbered("一国两制"), parse_numbered("一键申报")
    ((True, 5), (True, 3), (False, None))
    """
    s = s.strip()
    if not s:
        return False, None
    if quoted and re.fullmatch(r"[0-9A-Za-z０-９]+(?:[+＋][0-9A-Za-z０-９]+)+[+＋]?", s) \
            and re.search(r"[0-9０-９]", s):
        return _plus_code(s)
    if _is_plan(s):
        return True, None
    if quoted and _PAIRED_MAGNITUDES.fullmatch(s):
        return True, len(s)                               # “双百”(方针) = 2, “双百双千” = 4
    if _NUM_RE.fullmatch(s):
        return False, None                                # “七一”, “五四”: dates
    parts = [p for p in re.split(r"[、，,]", s) if p]
    if len(parts) > 1:
        return _series(parts, quoted)
    if _ANNOUNCEMENT.fullmatch(s):
        return False, None                                # “三句话”, 两点希望: the speech's own points
    units = _units(s)
    if not units:
        return False, None
    if len(units) >= 2 and units[-1] == ("一", "") and units[-2][1].endswith("合"):
        return parse_numbered(s[:-2], quoted, _part=True)  # 三证合一: the parts fuse, = 3
    run, rest = units[0]
    if run[0] in "〇零":
        return False, None                                # 零上访: a zero target, no count
    value, vkind = (None, "uncounted") if run == "多" else _numeral_value(run)
    if (vkind is None and len(units) == 1 and len(run) >= 2 and "双" not in run
            and not any(c in _UNIT or c in "〇零" for c in run) and rest.endswith(HEADS)):
        return True, None                                 # 八七扶贫攻坚计划: an opaque code
    if vkind is None or not rest or (_starts_quantity(rest) and not rest.startswith(MEASURES)):
        return False, None
    if run[-1] in _MAGNITUDE and vkind == "int" and not any(rest.startswith(m) for m in MEASURES):
        value = None                                      # 千万工程, 百县万村
    counted = _measured(s, units, value, quoted)
    if counted is not None:
        return counted
    if len(units) == 1:
        if value == 1 and vkind == "int" and run == "一" and not _part:
            return False, None                            # 一键申报: manner, not a count
        return True, value
    return _composite(units)


def _plus_code(s):
    """(is numbered, number) of a quoted digits-and-plus code: “7+3” adds up, “1+N+X” is opaque."""
    parts = re.split(r"[+＋]", s.translate(_FULLWIDTH))
    if all(p.isdigit() for p in parts):
        return True, sum(int(p) for p in parts)           # “7+3”: arithmetic, 10
    return True, None                                     # “1+N+X”: an opaque code


def _series(parts, quoted):
    """(is numbered, number) of formulations listed with 、/，: numbered when every part is;
    the number is their sum (None when any part has none)."""
    total = 0
    for p in parts:
        good, n = parse_numbered(p, quoted, _part=True)
        if not good:
            return False, None
        total = None if (n is None or total is None) else total + n
    return True, total


def _measured(s, units, value, quoted):
    """NUM MEASURE HEAD (the head may hold numerals: 两个一百年): (is numbered, number), or
    None when no measure follows the numeral or the units read better as a composite."""
    run, rest = units[0]
    for meas in MEASURES:
        if rest.startswith(meas):
            head = s[len(run) + len(meas):]
            if quoted and meas == "字" and not head:
                return True, value                        # “二十字”(方针)
            if quoted and len(head) == 1 and head not in _TIME_UNITS:
                return True, value                        # “三个多”, “三个年”: a one-word head
            if not head or _starts_quantity(head) or head in _WEAK_HEADS:
                return False, None
            hm = _NUM_RE.match(head)
            if hm and not quoted and _starts_quantity(head[hm.end():]):
                return False, None                        # 三个五年: durations
            if meas == "点" and head[0] in NUM_CHARS:
                return False, None                        # 十二点一 (a decimal)
            if len(units) > 1 and all(_units_ok(u) for u in units[1:]) and meas != "个":
                return None                               # 一大一小 ... treat as composite
            return True, value
    return None


def _composite(units):
    """(is numbered, number) of several numeral units (一带一路, 五位一体, 三抓三促)."""
    if not all(_units_ok(u) for u in units[:-1]) or not units[-1][1]:
        return False, None
    nums = []
    for r, x in units:
        if r == "多":
            nums.append(None)
            continue
        v, k = _numeral_value(r)
        if k is None or (k == "int" and r[-1] in _MAGNITUDE):
            nums.append(None)
        else:
            nums.append(v)
        if _starts_quantity(x):
            return False, None
    if None in nums:
        return True, None
    last = units[-1][1]
    if len(units) == 2 and nums[1] == 1 and last in ("体", "体化") or last.startswith("合一"):
        return True, nums[0]                              # 五位一体
    if units[-1][0] == "一" and last == "" :
        return True, nums[0]
    if len(units) == 2 and nums[0] == nums[1] and last == "促":
        return True, nums[0]                              # 三抓三促
    return True, sum(nums)


def _units_ok(unit):
    run, x = unit
    return 1 <= len(x) <= 3


# ------------------------------------------------------------------ quotes
_OPEN_CLOSE = {"“": "”", "「": "」", "‘": "’", "『": "』"}
# Chinese quotation marks, and ASCII double quotes around Chinese text (web copies that lost
# the curly ones: 实施"三大战略"); never after a letter, digit or = (HTML, code)
# (The lookbehind comes after the quote mark, here and in _MANGLED_QUOTE_RE: when
# every branch opens with a character, ``re`` skips straight to the next quote
# mark instead of trying each branch at each character.)
_QUOTE_RE = re.compile(r"“([^“”\n]{1,60})”|「([^「」\n]{1,60})」|‘([^‘’\n]{1,40})’|『([^『』\n]{1,40})』"
                       r'|"(?<![A-Za-z0-9=]")([^"“”\n]*+)"')       # possessive: linear without a closing quote
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_SAY_BEFORE = re.compile(r"(?:说|讲|指出|强调|认为|提出|所说|所谓|叫做|称为|叫|号召|表示|写道|曰|常说|俗话说|古人云|有言)[：:，,]?$")
_POLICY_VERB_BEFORE = re.compile(f"(?:{alternation('policy_verbs_before')})$")
_TERM_HEAD_AFTER = re.compile(f"^(?:{alternation('term_heads')})")
_SENTENCE_PUNCT = re.compile(r"[。！？!?；;：:]")


# a quotation broken by a hard wrap (PDF copies): 阔步迈入“十⏎五五”新征程,
# “全区动⏎员、全区参与、全区投入”; short on both sides of the one break, so
# that stray quote marks at the ends of two paragraphs do not pair
_WRAPPED_QUOTE_RE = re.compile("“([^“”\n]{1,15}\n[^“”\n]{1,15})”")


# quote marks mangled by a web copy: an apostrophe opening and an opening
# curly quote closing ('工业强县“战略, '一个引领、三区带动“的工作), the
# double prime 〞 closing (“龙头〞工程, “保二争一〞目标) or 〝 opening, a single
# quote closing a double one (“六五’时期, “385’行动计划) and a closing quote
# opening (正确处理”六个关系”); short, with Han characters, no mark of a real
# pair, and the closing “ or ’ followed by no ” on its line
_MANGLED_QUOTE_RE = re.compile(r"'(?<![A-Za-z0-9=]')([^'\"“”‘’\n]{2,16})“(?![^“”\n]{0,200}”)"
                               r"|“([^“”〝〞\n]{1,40})〞|〝([^“”〝〞\n]{1,40})[〞”]"
                               r"|“([^“”‘’'\n]{1,12})’(?![^“”\n]{0,200}”)"
                               r"|”([^“”‘’'\n]{1,12})”")


def _quotes(text):
    """(content_start, content_end) of quoted strings, those broken by one
    hard wrap or written with mangled quote marks included."""
    out = []
    for m in _QUOTE_RE.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        if g < 5 or (m.end(g) - m.start(g) <= 40 and _HAN_CHAR.search(m.group(g))):
            out.append((m.start(g), m.end(g)))
    extra = []
    if "\n" in text:
        extra += [(m.start(1), m.end(1)) for m in _WRAPPED_QUOTE_RE.finditer(text)]
    if "'" in text or "〞" in text or "’" in text or "”" in text:
        # the real pairs (marks included), sorted and disjoint: one lookup per match
        taken_starts = [a - 1 for a, _ in out]
        for m in _MANGLED_QUOTE_RE.finditer(text):
            g = next(i for i in range(1, 6) if m.group(i) is not None)
            k = bisect_right(taken_starts, m.end() - 1) - 1  # the last real pair starting inside or before
            overlaps = k >= 0 and out[k][1] + 1 > m.start()
            if _HAN_CHAR.search(m.group(g)) and not overlaps:
                extra.append((m.start(g), m.end(g)))
    if extra:
        out = sorted(out + extra)
    return out


def _unwrapped(q):
    """A quotation's text without the line break a hard wrap put in it."""
    return q.replace("\n", "")


_NEGATIVE_BEFORE = re.compile(r"(?:不搞|不能搞|避免|防止|杜绝|克服|反对|遏制|不是|像|如同|好比|比作|形容|"
                              r"用|当|打破|摒弃|告别|所谓|什么|被称为)$")


# what after a quoted string shows that it is the content of a named
# programme, goal or principle: “安全生产重于泰山”的使命, “全心全意为人民服务”的
# 宗旨, “保 5 争 3”的目标, “建设大城北，实现新跨越”这一发展主题, 以“…”为主题
_FRAME_AFTER = re.compile(r"(?:的|这一|这个|为)[\u4e00-\u9fff]{0,4}?(?:目标|要求|原则|宗旨|使命|思路|"
                          r"方针|理念|战略|构想|主题|路子|定位|口号|精神|指导思想|内容|斗志|机制)")
# a campaign named by the mobilisation meeting it opens: 红石林区“决战决胜吉林省
# 连续40年无重大森林火灾”秋防动员大会 (a frame for a long string, as above)
_MEETING_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:动员大会|誓师大会|动员会|推进大会|推进会)")
# a programme named as one of a kind: 通过“我和百姓聊聊法”等专项活动
_DENG_HEAD_AFTER = re.compile(r"等[\u4e00-\u9fff]{0,4}?(?:活动|行动|工程|机制|模式|品牌|平台|载体|计划)")
# attitudes and states named by a list of one-character words: “等、靠、要”思想,
# “稳、进、好、安”的态势
_ATTITUDE_AFTER = re.compile(r"(?:的)?(?:思想|现象|心态|作风|习气|倾向|态势|局面|格局|势头)")
# verbs before an honour or a title conferred: 被评为“…”, 荣获“…”
_HONOUR_BEFORE = re.compile(r"(?:荣获|获评|被评为|评为|授予|命名为|申报|创成|入选|获得)"
                            r"(?:[\u4e00-\u9fff]{0,4}[省市县区镇乡国级])?$")   # 被评为珠海市“十佳…”
# a phenomenon named by where it happens, a coinage of campaigns: “舌尖上的安全”,
# “车轮上的腐败”, “指尖上的形式主义”, “会所里的歪风”
_PLACE_OF_PHENOMENON = re.compile(r"[\u4e00-\u9fff]{1,3}[上里中]的[\u4e00-\u9fff]{2,5}")
_TERM_MAX, _SLOGAN_MAX = 16, 30
# heads that end the name of a programme or honour (“一号改革工程”); broader
# heads such as 工作 or 安全 also end metaphors (“送上门来的群众工作”)
_PROGRAMME_HEADS = ("工程", "行动", "计划", "活动", "战略", "攻坚战", "示范区", "示范村", "试点",
                    "单位", "先进集体", "品牌")


_MASKED_ONLY = re.compile(f"(?:{MASK}|[\\s\\W_])+")


def _is_policy_term(text, s, e, repeats):
    """Whether the quoted string ``text[s:e]`` names a policy term."""
    q = text[s:e]
    if len(q) < 2 or len(q) > _SLOGAN_MAX * 2 or _SENTENCE_PUNCT.search(q):
        return False
    if re.fullmatch(r"[\s\W_]*[0-9A-Za-z.]*[\s\W_]*", q) and not re.search(r"[+＋]", q):
        return False
    if text[s - 2:s - 1] in ("《", "〈"):
        return False
    if _MASKED_ONLY.fullmatch(q):
        return False                                      # masked away: “XXX、XXX”的工作思路
    before = text[max(0, s - 12):s - 1]
    parts = q.split("、")
    # a named attitude stays a term when it is rejected (摒弃“等、靠、要”思想)
    attitude = len(parts) > 1 and bool(_ATTITUDE_AFTER.match(text, e + 1))
    if _SAY_BEFORE.search(before) or (_NEGATIVE_BEFORE.search(before) and not attitude):
        return False
    frame = bool(_FRAME_AFTER.match(text, e + 1) or _MEETING_AFTER.match(text, e + 1))
    halves = re.split(r"[，,]", q)
    if len(halves) > 1:
        # a two-clause slogan only as a named goal or theme:
        # “建设大城北，实现新跨越”这一发展主题; not speech (团结出干部，团结出战斗力)
        return frame and len(halves) == 2 and len(q) <= _SLOGAN_MAX and all(3 <= len(h) <= 12 for h in halves)
    if len(parts) > 1:
        # a quoted list of phrases is a slogan (“一窗受理、限时办结”, “不改变、
        # 不撤退、不脱贫、不脱钩”); member lists a formulation names are dropped
        # later; short words only as a named attitude (“等、靠、要”思想) or, three
        # at least, the content of a named mechanism or principle (“比、学、赶、超、
        # 帮”的长效机制), not as objects (保障“住、医、教”) or a pair (以“惠民、为民”为宗旨)
        if len(parts) > 8 or max(len(p.strip()) for p in parts) > 12:
            return False
        if all(len(p.strip()) >= 3 for p in parts):
            return True
        return attitude or (frame and len(parts) >= 3) or bool(_TERM_HEAD_AFTER.match(text, e + 1))
    if len(q) > _TERM_MAX:
        return frame and len(q) <= _SLOGAN_MAX
    after = text[e + 1:e + 8]
    series = (text[e + 1:e + 2] in "“「、" and text[e + 1:e + 3] not in ("、", "")) \
        or text[s - 2:s - 1] in "”」" or text[s - 3:s - 1] in ("”、", "」、")
    cue = (bool(_TERM_HEAD_AFTER.match(after)) or bool(_POLICY_VERB_BEFORE.search(before))
           or bool(_DENG_HEAD_AFTER.match(text, e + 1))
           or repeats >= 2 or "+" in q or "＋" in q or series or frame
           or (len(q) >= 4 and q.endswith(_PROGRAMME_HEADS))  # “一号改革工程”
           or bool(_HONOUR_BEFORE.search(before))           # 成功申报“…试点单位”
           or bool(_PLACE_OF_PHENOMENON.fullmatch(q)))      # “舌尖上的安全”
    if 4 <= len(q) <= 5:
        return True
    return cue


# ------------------------------------------------------------ the grammar
def _bad_before(text, i):
    if text[max(0, i - 2):i].endswith(_BAD_BEFORE):
        return True
    if i > 0 and (text[i - 1].isdigit() or text[i - 1] in NUM_CHARS or text[i - 1] in ".．"):
        return True
    return False


_first, _second = itemgetter(0), itemgetter(1)


class _Marks:
    """The set of the offsets in an int array (``in``, and iteration in
    increasing order), kept as one byte per offset: made in two array
    operations, where a set of every token's offset costs far more than the
    few thousand questions a document asks."""

    def __init__(self, offsets):
        marks = numpy.zeros(int(offsets.max()) + 1 if len(offsets) else 0, dtype=numpy.uint8)
        marks[offsets] = 1
        self._marks = marks.tobytes()

    def __contains__(self, offset):
        return 0 <= offset < len(self._marks) and self._marks[offset] == 1

    def __iter__(self):
        return iter(numpy.flatnonzero(numpy.frombuffer(self._marks, dtype=numpy.uint8)).tolist())


class _Bounds:
    """Token boundaries from pre-computed tokens, or none (cue-based)."""

    def __init__(self, tokens):
        self.starts = self.ends = None
        self.terms = frozenset()          # the lexicon's terms, set by find_slogans
        self._sorted_ends = None
        if tokens is not None:
            if hasattr(tokens, "shape"):  # an (n, 2) array: read by column, no tuple per token
                self.starts, self.ends = _Marks(tokens[:, 0]), _Marks(tokens[:, 1])
            else:
                self.starts, self.ends = set(map(_first, tokens)), set(map(_second, tokens))

    def ends_in(self, low, high):
        """The token ends ``e`` with ``low < e <= high``, in order (sorted
        once per document, not once per candidate)."""
        if self._sorted_ends is None:
            self._sorted_ends = sorted(self.ends)
        ends = self._sorted_ends
        return ends[bisect_right(ends, low):bisect_right(ends, high)]

    def is_end(self, i):
        return self.ends is None or i in self.ends

    def is_start(self, i):
        return self.starts is None or i in self.starts


# heads that are verbs: they end a head, never extend one (三个领域 | 明确)
_VERB_HEADS = word_set("verb_heads")
_VERB_BEFORE_HEAD = re.compile("实现|推进|进行|开展|加强|采取|组成|发布|提出|加快|推动|实施|落实|作为|"
                               "构建|形成|打造|完善|建立|提高|覆盖|包括|涉及|成为|得到|取得|获得|是")


def _heads_by_first_char():
    index = {}
    for h in HEADS:                       # longest first, kept within each list
        index.setdefault(h[0], []).append(h)
    return index


_HEADS_BY_FIRST = _heads_by_first_char()


def _longest_head_at(region, p):
    for h in _HEADS_BY_FIRST.get(region[p:p + 1], ()):
        if region.startswith(h, p):
            return h
    return None


def _head_end(region, bounds, offset, max_start=4):
    """End (in ``region``) of a head: the first policy-head word starting
    within ``max_start`` characters, extended over directly following head
    words (目标 + 责任书); None when there is none."""
    for p in range(0, min(max_start + 1, len(region))):
        h = _longest_head_at(region, p)
        if h is None:
            continue
        if _VERB_BEFORE_HEAD.search(region[:p]):
            return None                                   # 三个维度实现安全
        end = p + len(h)
        while True:
            h2 = _longest_head_at(region, end)
            if h2 is None or h2 in _VERB_HEADS:
                break
            end += len(h2)
        # prefer a token boundary when tokens are known
        if not bounds.is_end(offset + end):
            for e2 in range(end + 1, len(region) + 1):
                if bounds.is_end(offset + e2):
                    end = e2
                    break
            else:
                continue
        if region[:end] in _WEAK_HEADS:
            return None
        return end
    return None


def _head_region(text, i, limit=10):
    m = _HEAD_STOP.search(text, i, min(len(text), i + limit))
    return text[i:m.start()] if m else text[i:i + limit]


def _counted(text, i, run, value, bounds):
    """Unquoted NUM MEASURE HEAD starting at ``i``; (end, number) or None."""
    j = i + len(run)
    meas = next((m for m in MEASURES if text.startswith(m, j)), None)
    if meas is None:
        return None
    k = j + len(meas)
    if meas == "点" and (k < len(text) and (text[k] in NUM_CHARS or text[k].isdigit())):
        return None
    if meas == "步":
        return (k + 1, value) if text.startswith("走", k) else None   # 三步走
    if value > 20 and meas != "字":
        return None                                       # 四十项…: a quantity (not 二十四字方针)
    region = _head_region(text, k)
    if not region or _starts_quantity(region) or region in _WEAK_HEADS:
        return None
    if meas == "大" and value is not None and value > 10:
        return None                                       # 十八大, 二十大: congresses
    if region.startswith(("精神", "以来", "召开", "胜利", "报告", "确立", "提出", "作出",
                          "代表大会", "期间", "至今", "制定", "科学", "无疑", "开幕", "闭幕")):
        return None
    best = _head_end(region, bounds, k)
    if best is None and meas in ("大", "大项"):
        if bounds.ends is not None:
            ends = [e - k for e in bounds.ends_in(k, k + len(region))]
            if not ends:
                return None
            best = ends[0] if ends[0] >= 2 or len(ends) == 1 else ends[1]
        else:
            v = _VERB_BEFORE_HEAD.search(region)
            cut = region[:v.start()] if v else region
            best = len(cut) if len(cut) <= 6 else 4
        if best < 2 or best > 6:
            return None
    if best is None:
        return None
    return k + best, value


# words in which 一 is not a count (一体化, 一致, 一流)
_YI_WORDS = set(words("yi_words"))


# four-character idioms built like composites; never formulations
IDIOMS = word_set("idioms")


def _composite_unquoted(text, i, bounds):
    """Unquoted composite (一委一会一中心) followed by a policy head."""
    best = None
    # the candidate may not reach the first stop character (numerals do not stop it)
    limit = next((k for k, c in enumerate(text[i:i + 11]) if c not in NUM_CHARS and _HEAD_STOP.match(c)),
                 11)
    for L in range(4, 12):
        if i + L > len(text) or L > limit:
            break
        s = text[i:i + L]
        units = _units(s)
        if not units or len(units) < 2 or not all(1 <= len(x) <= 3 for _, x in units):
            continue
        if any(r == "一" and x[:1] and ("一" + x[:1]) in _YI_WORDS for r, x in units):
            continue
        if s[:4] in IDIOMS:
            return None
        after = text[i + L:i + L + 6]
        if after.startswith(_COMPOSITE_HEADS) and bounds.is_end(i + L):
            ok, n = parse_numbered(s, quoted=False)
            if ok:
                best = (i + L, n)
    return best


_LIST_MEASURES = ("个", "项", "大", "种", "类", "条")


def _list_confirmed(text, i, run, value, bounds):
    """A count whose members stand right before it (党建、发展、民生、稳定、
    作风五个关键; 国庆、中秋两节; “红橙黄蓝”四色预警): ``NUM [MEASURE] HEAD`` with
    a short head that is no policy head word, taken because the list before
    it has exactly ``value`` members. (end, number) or None."""
    k = i + len(run)
    meas = next((m for m in _LIST_MEASURES if text.startswith(m, k)), "")
    k += len(meas)
    region = _head_region(text, k, 6)
    if not region or region.startswith(tuple(_WEAK_HEADS)) or _starts_quantity(region):
        return None
    end = _head_end(region, bounds, k)
    if end is None:
        if bounds.ends is not None:
            ends = [e - k for e in bounds.ends_in(k, k + min(len(region), 4))]
            end = ends[0] if ends else None
        elif len(region) <= 4:
            end = len(region)
    if end is None or (not meas and end > 4):
        return None
    if text[i - 1:i] == "等":
        return None
    if _quoted_run_before(text, i, value, bounds.terms) or _quoted_list_size_before(text, i) == value:
        return k + end, value
    # Unquoted members must look like the parts of a named set, not like
    # named instances of a plain count (全国、全省两个现场会; 新华和安远沟两个
    # 试点社区): two-character words without a measure (国庆、中秋两节),
    # at least three short ones with 个/项… (党建、发展、民生、稳定、作风五个关键),
    # any with 大. One character is a direction or a place (东、西两侧).
    found = [m["text"] for m in _list_before(text, i, value) or _subject_list_before(text, i, value)]
    lengths = [len(m) for m in found]
    if not lengths or min(lengths) < 2:
        return None
    if run == "双":
        # 双 + a short head (双提高, 双丰收): the pair right before, as long as
        # each other (经济社会发展速度和发展质量的双提高); not 双重 (dual: 总量和
        # 结构双重调节, 双重压力)
        return (k + end, value) if (end <= 3 and not text.startswith("重", k) and len(set(lengths)) == 1
                                    and lengths[0] <= 6) else None
    # members that each repeat the head's character name its parts (战疫、战贫、
    # 战复工三战告捷), whatever their length
    repeats_head = not meas and max(lengths) <= 6 and all(text[k] in m for m in found)
    if not repeats_head and ((not meas and max(lengths) != 2)
                             or (meas not in ("", "大") and (value < 3 or max(lengths) > 8))):
        return None
    return k + end, value


def _quoted_list_size_before(text, i):
    """Items of a quoted 、-list that ends right at ``i`` (“组织领导、工作任务、
    …、人员力量”六落实), else 0."""
    if text[i - 1:i] not in ("”", "」"):
        return 0
    o = text.rfind("“" if text[i - 1] == "”" else "「", max(0, i - 120), i - 1)
    if o == -1:
        return 0
    items = _split_items(text, o + 1, i - 1, "、")
    return len(items) if len(items) >= 2 and all(len(text[a:z].strip()) >= 2 for a, z in items) else 0


_BRACKET_AFTER = re.compile(r"[\u4e00-\u9fff]{1,3}(?=[（(])")


def _bracket_confirmed(text, i, run, value):
    """``NUM [MEASURE] X（A、B…）``: a short unquoted count whose bracketed
    expansion right after has exactly NUM items (两化（标准化、数字化）体系).
    (end, number) or None."""
    k = i + len(run)
    meas = next((m for m in _LIST_MEASURES if text.startswith(m, k)), "")
    k += len(meas)
    m = _BRACKET_AFTER.match(text, k)
    if not m or _starts_quantity(m.group()) or m.group() in _WEAK_HEADS:
        return None
    p = m.end()
    close = text.find("）" if text[p] == "（" else ")", p + 1, p + 120)
    if close == -1:
        return None
    items = _split_items(text, p + 1, close, "、，,")
    if len(items) != value or not all(1 <= len(text[a:z].strip()) <= 12 for a, z in items):
        return None
    return m.end(), value


def _quoted_run_before(text, i, number, terms=frozenset()):
    """``text[:i]`` ends with a quoted run of ``number`` single characters
    that is no known term (“红橙黄蓝”四色预警, not “证照分离”四项改革)."""
    o = i - 2 - number
    return (2 <= number <= 10 and o >= 0 and text[o] in "“「" and text[i - 1] in "”」"
            and bool(_HAN_RUN.fullmatch(text, o + 1, i - 1)) and text[o + 1:i - 1] not in terms)


_WORDS_ENDING_YI = word_set("words_ending_yi")


def _grammar(text, bounds, quoted_ranges):
    """Unquoted numbered formulations: (start, end, number, "grammar").

    Each numeral run outside quotes is first placed (:func:`_numeral_start`:
    runs inside words, lists of ordinals and anaphoric counts are skipped),
    then read by the rule of its kind (:func:`_read_numeral`); announcements
    of the speaker's own points are dropped at the end."""
    out = []
    inside = _RangeSet(quoted_ranges)
    for m in _NUM_RE.finditer(text):
        if inside.covers(m.start()):
            continue
        placed = _numeral_start(text, m, bounds)
        if placed is None:
            continue
        got = _read_numeral(text, m, *placed, bounds)
        if got:
            out.append((placed[0], got[0], got[1], "grammar"))
    return [(s, e, n, src) for s, e, n, src in out
            if not (_ANNOUNCE_BEFORE.search(text, max(0, s - 4), s)
                    or _ANNOUNCEMENT.fullmatch(text, s, e))]


# one-character conjunctions the segmenter glues to a following numeral (暨两化 is
# one pkuseg token in 安全生产暨两化（标准化、数字化）体系建设督办会)
_JOINING = frozenset("暨及和与并或同")


def _names_quoted_list(text, i):
    """“A、B、C”这三件大事: 这 points back to the quoted list right before, which
    the count names, so the count is no anaphor. (An unquoted list before 这
    is most often a plain reference back: 北京、上海、广州这三个城市.)"""
    return text[i - 1:i] == "这" and _quoted_list_size_before(text, i - 1) >= 2


# a head right before 即 (its quote marks and a comma between): 重组织生活会,即 / 导向”即
# 即 "that is", not the first character of 即将, 即使, 即便, 即可, 即时, 即日, 即刻
_JI = "即(?![将使便可时日刻])"
_HEAD_BEFORE_JI = re.compile(f"([\u4e00-\u9fff]{{2,6}}?)[”」\"']*[，,]?{_JI}")


def _list_after_confirmed(text, i, run, value, bounds):
    """``NUM [MEASURE] HEAD，即 A、B…``: a count that no head word or list
    before confirms, defined right after by a 即-list of exactly NUM members
    (:func:`_following_list`): 双重组织生活会,即…参加班子民主生活会和所在支部的
    组织生活会; “六个导向”即…. Only 双 or a quoted count: an unquoted count
    with a measure word is most often plain (全县共有五个乡镇,即甲镇、…; 设立两个
    小组,即…), and a head that makes a quantity (两个方面，即…) is none. (end,
    number) or None."""
    if value is None or not 2 <= value <= 10:
        return None
    k = i + len(run)
    meas = next((m for m in _LIST_MEASURES if text.startswith(m, k)), "")
    if run != "双" and not (meas and text[i - 1:i] in "“「"):
        return None                                       # 简化为两道手续,即…: a plain count
    k += len(meas)
    h = _HEAD_BEFORE_JI.match(text, k)
    if not h:
        return None
    head, e = h.group(1), h.end(1)
    if (_starts_quantity(head) or head.startswith(tuple(_WEAK_HEADS)) or not bounds.is_end(e)
            or any(c in "的和与及等是了" for c in head)):
        return None
    quoted = text[i - 1:i] in "“「" and text[e:e + 1] in "”」"
    got = _following_list(_Target(text, i, e, value, quoted))
    if got and len(got) == value and all(2 <= len(g["text"]) <= 20 for g in got):
        return e, value
    return None


def _numeral_start(text, m, bounds):
    """(start, run) of the numeral run ``m`` as a possible formulation, or
    None: 统一五项标准 starts at 五 (统一 | 五项); 第十七、十八条, 这两个 and
    runs that do not start a token are no counts."""
    i, run = m.start(), m.group()
    shifted = run[0] == "一" and len(run) > 1 and text[i - 1:i + 1] in _WORDS_ENDING_YI
    if shifted:
        i, run = i + 1, run[1:]
    if text[i - 1:i] == "、" and text[i - 2:i - 1] and (text[i - 2] in NUM_CHARS or text[i - 2].isdigit()):
        return None                                      # 第十七、十八、十九条
    # the numeral may begin mid-run only at 双: keep whole runs
    if not shifted and _bad_before(text, i) and not _names_quoted_list(text, i):
        return None
    if not bounds.is_start(i) and not (text[i - 1:i] in _JOINING and bounds.is_start(i - 1)):
        return None
    return i, run


def _read_numeral(text, m, i, run, bounds):
    """(end, number) of the formulation that the numeral ``run`` at ``i``
    begins, by the grammar rule of its kind, or None."""
    value, vkind = _numeral_value(run)
    if vkind is None:
        return _opaque_code(text, m, run)
    if run == "双":
        region = _head_region(text, m.end(), 6)
        end = _head_end(region, bounds, m.end(), max_start=0)
        if end is not None and end <= 3:
            return m.end() + end, 2
        return (_list_confirmed(text, i, run, 2, bounds)     # 发展速度和发展质量的双提高
                or _list_after_confirmed(text, i, run, 2, bounds))
    after = text[m.end():m.end() + 4]
    if _starts_quantity(after) and not after.startswith(MEASURES):
        return None
    if vkind == "int" and run[-1] in _MAGNITUDE:
        return None                                      # 一千五百, 百年
    if vkind == "redup":                                 # 八八战略
        region = _head_region(text, m.end(), 6)
        if region.endswith(HEADS) or region.startswith(_COMPOSITE_HEADS):
            return m.end() + len(region), value
        return None
    if vkind == "seq":                                   # 一二三产业
        region = _head_region(text, m.end(), 4)
        if region and region.endswith(("产业", "产业融合")):
            return m.end() + len(region) - (2 if region.endswith("融合") else 0), value
        return None
    if value is None or value < 2:                       # 一个, 一项: articles
        return _composite_unquoted(text, i, bounds) if run == "一" else None
    return (_counted(text, i, run, value, bounds) or _composite_unquoted(text, i, bounds)
            or _list_confirmed(text, i, run, value, bounds) or _bracket_confirmed(text, i, run, value)
            or _list_after_confirmed(text, i, run, value, bounds))


def _opaque_code(text, m, run):
    """A numeral run that parses as no number: an opaque code before a head
    (八七扶贫攻坚计划: (end, None)); a year (一九五九年计划) or anything else: None."""
    if _YEAR_DIGITS.fullmatch(run) and text.startswith("年", m.end()):
        return None
    region = _head_region(text, m.end(), 8)
    if len(run) >= 2 and "双" not in run and region and region.endswith(HEADS) \
            and not any(c in _UNIT or c in "〇零" for c in run):
        return m.end() + len(region), None
    return None


class _RangeSet:
    def __init__(self, ranges):
        self.ranges = sorted(ranges)

    def covers(self, i):
        import bisect
        k = bisect.bisect_right(self.ranges, (i, float("inf"))) - 1
        return k >= 0 and self.ranges[k][0] <= i < self.ranges[k][1]


# ---------------------------------------------------------------- members
_TRIM_LEAD = tuple(sorted(set(words("member_leading_words")), key=len, reverse=True))
_LEAD_MAX = 4  # the longest lead-in (verbs, adverbs) cut from a first member
_ITEM_SPLIT = re.compile(r"[、，,；;]")


def _trim_first(item, tokens_words=None):
    changed = True
    while changed and item:
        changed = False
        for w in _TRIM_LEAD:
            if item.startswith(w) and len(item) > len(w):
                item = item[len(w):]
                changed = True
                break
    return item


def _mk(text, s, e):
    while s < e and text[s] in " \u3000\u00a0\t":
        s += 1
    while e > s and text[e - 1] in " \u3000\u00a0\t":
        e -= 1
    return {"start": s, "end": e, "text": text[s:e]}


def _split_items(text, s, e, seps="、，,；;"):
    items, cur = [], s
    depth = 0
    for p in range(s, e):
        c = text[p]
        if c in "（(“‘「":
            depth += 1
        elif c in "）)”’」":
            depth = max(0, depth - 1)
        elif c in seps and depth == 0:
            items.append((cur, p))
            cur = p + 1
    items.append((cur, e))
    return [(a, b) for a, b in items if b > a]


def _split_last_conj(text, items):
    """Split the last item at 和/与/及/以及 (A、B和C)."""
    if not items:
        return items
    a, b = items[-1]
    seg = text[a:b]
    m = None
    for mm in re.finditer(r"以及|和|与|及", seg):
        m = mm
    if m is None or m.start() == 0 or m.end() == len(seg):
        return items
    return items[:-1] + [(a, a + m.start()), (a + m.end(), b)]


# An unquoted list right before a formulation is often the verbs that govern
# it (全面准确、坚定不移贯彻“一国两制”) or an event that precedes it (第三届…),
# not its members: such items end in a governing verb or start with an
# ordinal or a subject.
_GOVERNING_END = words("governing_verbs")
_NOT_MEMBER_START = ("第", "我们", "各级", "要", "其", "成功", "并")


# adverbs and verbs that lead into a list after 即 (即进一步解决A、B): not
# part of the first member; prepositions stay (对A的认识问题)
_LEAD_IN = ("进一步", "解决好", "解决", "重点", "着力", "切实", "要")


def _skip_lead_in(text, a, z):
    changed = True
    while changed:
        changed = False
        for w in _LEAD_IN:
            if text.startswith(w, a) and z - a - len(w) >= 2:
                a += len(w)
                changed = True
    return a


_LIST_MARKER_START = re.compile("[一二三四五六七八九十](?:是|要)")


def _not_a_member(item):
    """Items that govern the formulation or belong to the text around it:
    ending in a governing verb, opening with an ordinal or subject, or with
    a list marker (二是农村以魔芋、畜牧为主的两大特色)."""
    return (item.endswith(_GOVERNING_END) or item.startswith(_NOT_MEMBER_START)
            or bool(_LIST_MARKER_START.match(item)))


def _trimmed_items(text, items):
    """Member dicts; the first item loses the verbs and prepositions that
    lead into the list (尽快拿出岗位责任制 -> 岗位责任制), but never becomes
    shorter than the shortest other item."""
    out = [_mk(text, a, b) for a, b in items]
    out = [m for m in out if m["text"]]
    if len(out) < 2:
        return out
    others = [len(m["text"]) for m in out[1:]]
    lo, hi = min(others), max(others)
    first = out[0]
    a, seg = first["start"], first["text"]
    # a pair whose first item carries a qualifier both share (经济社会发展速度和
    # 发展质量的双提高): the first starts where the second's opening recurs, as
    # long as the second
    second = out[1]["text"] if len(out) == 2 else ""
    if len(second) >= 2 and len(seg) > len(second) and seg[-len(second):].startswith(second[:2]):
        a += len(seg) - len(second)
        seg = seg[-len(second):]
    if len(seg) > hi + 2 and "的" in seg:
        cut = seg.rfind("的") + 1
        if len(seg) - cut >= lo:
            a += cut
            seg = seg[cut:]
    # …的方针强化畜牧、蔬菜、果品: cut after the last leading verb in the first item
    if len(seg) > hi + 2:
        cuts = [seg.rfind(w) + len(w) for w in _TRIM_LEAD if len(w) >= 2 and w in seg]
        cuts = [c for c in cuts if lo <= len(seg) - c <= hi + 2]
        if cuts:
            a += max(cuts)
            seg = seg[max(cuts):]
    # items that all open with the same words (守住不发生A、不发生B、不发生C
    # “三个不发生”): the first starts where its shared opening does (two other
    # items at least: one item alone shares all of itself)
    shared = os.path.commonprefix([m["text"] for m in out[1:]]) if len(out) >= 3 else ""
    cut = seg.find(shared) if len(shared) >= 2 else -1
    if 0 < cut <= _LEAD_MAX:
        a += cut
        seg = seg[cut:]
    # parallel lists of verb phrases (推进…、完成…、维护…) keep their verbs
    parallel = sum(1 for m in out[1:] if m["text"].startswith(_TRIM_LEAD)) * 2 > len(out) - 1
    if parallel:                          # keep the last verb: 为实现推进… -> 推进…
        changed = True
        while changed:
            changed = False
            for w in _TRIM_LEAD:
                if seg.startswith(w) and seg[len(w):].startswith(_TRIM_LEAD):
                    a += len(w)
                    seg = seg[len(w):]
                    changed = True
                    break
    changed = not parallel
    while changed:
        changed = False
        for w in _TRIM_LEAD:
            if seg.startswith(w) and len(seg) - len(w) >= min(lo, 2):
                a += len(w)
                seg = seg[len(w):]
                changed = True
                break
    out[0] = _mk(text, a, first["end"])
    return out


_CLAUSE_REACH = 300   # no clause is read further back (linear on texts without punctuation)


def _clause_start(text, i, stops="，。；：！？,;:!?\n"):
    j = i
    depth = 0
    low = max(0, i - _CLAUSE_REACH)
    while j > low:
        c = text[j - 1]
        if c in "）)”’」":
            depth += 1
        elif c in "（(“‘「":
            if depth == 0:
                break
            depth -= 1
        elif c in stops and depth == 0:
            break
        j -= 1
    return j


_MARKERS = "一二三四五六七八九十"


# how far from a formulation its members may be spelled out
_PARAGRAPH_REACH = 600


class _Target:
    """The formulation whose members are sought: ``text[s:e]``, the number
    it claims, and ``qs``/``qe``, its bounds with the quote marks (the same
    as ``s``/``e`` when it is not quoted)."""

    __slots__ = ("text", "s", "e", "number", "quoted", "qs", "qe", "terms")

    def __init__(self, text, s, e, number, quoted, terms=frozenset()):
        self.text, self.s, self.e, self.number, self.quoted = text, s, e, number, quoted
        self.qs, self.qe = (s - 1, e + 1) if quoted else (s, e)
        self.terms = terms                # known terms: never read as abbreviations

    def head_chars(self):
        return set(self.text[self.s:self.e]) - set(NUM_CHARS)

    def head(self):
        """What the numeral counts, without its measure word: 确保 in
        四个确保, 战役 in 三大战役; None for composites and codes."""
        m = _COUNTED_HEAD.match(self.text, self.s, self.e)
        return m.group(1) if m and m.end() == self.e else None

    def near(self):
        """(lo, hi): :data:`_PARAGRAPH_REACH` characters either side, line
        breaks included (hard-wrapped copies break paragraphs into lines)."""
        return max(0, self.qs - _PARAGRAPH_REACH), min(len(self.text), self.qe + _PARAGRAPH_REACH)

    def in_its_line(self):
        """(lo, hi): as :meth:`near`, but within the formulation's line."""
        lo, hi = self.near()
        end = self.text.find("\n", self.qe)
        return max(lo, self.text.rfind("\n", 0, self.qs) + 1), hi if end == -1 else min(hi, end)


_COUNTED_HEAD = re.compile(f"[{NUM_CHARS}]+(?:{'|'.join(MEASURES)})?([\u4e00-\u9fff]{{1,4}})")


def _members(text, s, e, number, quoted):
    """Members of the formulation at [s, e): list of member dicts.

    Each step below reads one way of spelling members out; the first that
    finds at least two wins (their order is the module docstring's)."""
    return _members_and_step(text, s, e, number, quoted)[0]


def _members_and_step(text, s, e, number, quoted, known=(), terms=frozenset()):
    """(members, the step that found them or None); ``known``: the members a
    lexicon gives the formulation, taken last, where the text writes them
    all out near it (:func:`_known_members_nearby`)."""
    target = _Target(text, s, e, number, quoted, terms)
    for step in _MEMBER_STEPS:
        got = step(target)
        if got:
            return _unmasked(text, got), step
    got = _known_members_nearby(target, known)
    return (_unmasked(text, got), _known_members_nearby) if got else ([], None)


# a masked name opening a member in template copies (XX市委, ××县委, **镇, 某某乡):
# the placeholder stands for the place, which the gold leaves out of the member
# (XX市委、市人大、市政府、市政协四大家 -> 市委, as the other members name it)
_MASK_OPENING = re.compile(f"(?:{MASK})+(?=[\u4e00-\u9fff])")


def _unmasked(text, members):
    """``members`` without a leading mask, where two characters or more remain."""
    out = []
    for m in members:
        mask = _MASK_OPENING.match(text, m["start"], m["end"])
        out.append(_mk(text, mask.end(), m["end"]) if mask and m["end"] - mask.end() >= 2 else m)
    return out


def _known_members_nearby(t, known):
    """(12) the lexicon's members of the formulation (three characters or
    more each), when every one of them
    is written out within :data:`_PARAGRAPH_REACH` characters of it and
    before the next mention of it: ——三大攻坚战开局良好。防范化解重大风险，…
    精准脱贫有力推进，…污染防治得到加强. Each member is its nearest
    occurrence; they are returned in text order."""
    if not known or len(known) != t.number or min(map(len, known)) < 3:
        return None                                       # 农业 (三农) is inside too many words
    text = t.text
    name = text[t.s:t.e]
    lo, hi = t.near()
    before, after = text.rfind(name, lo, t.s), text.find(name, t.e, hi)
    lo = before + len(name) if before != -1 else lo           # up to the neighbouring mentions
    hi = after if after != -1 else hi
    found = []
    for member in known:
        spots = [m.start() for m in re.finditer(re.escape(member), text[lo:hi])]
        if not spots:
            return None
        at = lo + min(spots, key=lambda p: abs(lo + p - t.s))
        found.append(_mk(text, at, at + len(member)))
    found.sort(key=lambda m: m["start"])
    if any(a["end"] > b["start"] for a, b in zip(found, found[1:])):
        return None                                       # overlapping members
    return found


def _in_brackets_after(t):
    """(1) 五项改革（甲改革、乙改革）: brackets right after."""
    text, p = t.text, t.qe
    if not (p < len(text) and text[p] in "（("):
        return None
    close = text.find("）" if text[p] == "（" else ")", p + 1)
    if close == -1:
        close = min([x for x in (text.find("）", p + 1), text.find(")", p + 1)) if x != -1],
                    default=-1)
    if close == -1 or close - p >= 300:
        return None
    body = p + 1
    if text.startswith(("即", "包括"), body):
        body += 1 if text[body] == "即" else 2
    items = _split_items(text, body, close)
    return [_mk(text, a, b) for a, b in items] if len(items) >= 2 else None


def _quoted_list_before(t):
    """(2) “A、B、C”的“X” / “A、B、C”X / “A、B、C”这三件大事: a quoted list right before; and
    (2b) “红橙黄蓝”四色预警: a quoted run of N single characters, each one a
    member's abbreviation."""
    text, b = t.text, t.qs
    if text[b - 1:b] in ("的", "这"):
        b -= 1
    if text[b - 1:b] in ("”", "」") and b - 1 >= 0:
        op = "“" if text[b - 1] == "”" else "「"
        o = text.rfind(op, max(0, b - 200), b - 1)
        if o != -1:
            items = _split_items(text, o + 1, b - 1, "、，,；;")
            if len(items) >= 2:
                return [_mk(text, a, z) for a, z in items]
    if t.number and _quoted_run_before(text, b, t.number, t.terms):
        o = b - 2 - t.number
        return [_mk(text, o + 1 + k, o + 2 + k) for k in range(t.number)]
    return None


def _list_before_deng(t):
    """(3) A、B…等十项制度: the list before 等."""
    text, b = t.text, t.qs
    if text[b - 1:b] != "等":
        return None
    cs = _clause_start(text, b - 1)
    items = _split_items(text, cs, b - 1, "、")
    if len(items) < 2:
        return None
    if t.number is not None and len(items) == t.number - 1:
        items = _split_last_conj(text, items)
    return _trimmed_items(text, items)


_FOLLOWING_LIST = re.compile(r"[^，。；：:,;（(“”]{0,8}?(?:，|,)?(?:即|包括|分别是|就是)?[：:]"
                             r"|[^，。；：:,;（(“”]{0,8}?[，,](?:即|包括|分别是|就是)[：:]?")


# 即 right after a formulation or its closing quote marks (“六个导向”即…), not 即将, 即使…
_JI_RIGHT_AFTER = re.compile(f"[”」\"']*{_JI}[：:]?")
# a sibling formulation between this one and the 即-list that defines both:
# 正确处理“六个关系”、牢固树立“六个导向”即要正确处理A的关系,牢固树立B的导向;…
_SIBLING_THEN_JI = re.compile(f"[”」\"']*[、和与及][^，。；：:,;、]{{0,6}}?[“「\"']?[{NUM_CHARS}]+"
                              f"(?:{'|'.join(_LIST_MEASURES)})?[\u4e00-\u9fff]{{1,6}}?[”」\"']*[，,]?"
                              f"{_JI}[：:]?")


def _frame_before(text, qs):
    """The words that lead into the formulation at ``qs`` within its clause
    (党员领导干部要参加 in 党员领导干部要参加双重组织生活会), past its opening
    quote marks; a 、 ends the clause too (…、牢固树立“六个导向”). At most
    ``_CLAUSE_REACH`` characters, as :func:`_clause_start` reads."""
    j = qs
    while j > 0 and text[j - 1] in "“「\"'”」":
        j -= 1
    i, low = j, max(0, j - _CLAUSE_REACH)
    while i > low and text[i - 1] not in "，,。；;：:、！？!?\n“”「」\"'（()）":
        i -= 1
    return text[i:j]


def _without_frame(text, items, frame):
    """``items`` without the end of ``frame`` (four characters or more) that
    the first repeats at its start, and any other that repeats it too:
    即党员领导干部要参加班子民主生活会 after 党员领导干部要参加双重组织生活会 ->
    班子民主生活会. (Two-character verbs are left: 坚持四项基本原则,即坚持…,
    推进四项工作,包括…,推进教师大数据建设 repeat them by chance or keep them
    in the national gold.)"""
    a, z = items[0]
    for n in range(len(frame), 3, -1):
        lead = frame[-n:]
        if text.startswith(lead, a) and z - a - n >= 2:
            return [(x + n, y) if text.startswith(lead, x) and y - x - n >= 2 else (x, y)
                    for x, y in items]
    return items


def _parts_with_head(text, items, head):
    """Items whose clauses pair two formulations (要正确处理A和B的关系,牢固树立
    C的导向): in each, the one comma-part that ends with ``head``; None unless
    some item has two parts or more and every item has exactly one such part."""
    out, split = [], False
    for a, z in items:
        parts = _split_items(text, a, z, "，,")
        split = split or len(parts) > 1
        ending = [(x, y) for x, y in parts if text[x:y].rstrip().endswith(head)]
        if len(ending) != 1:
            return None
        out.append(ending[0])
    return out if split else None


def _following_list(t):
    """(4) a list that follows: ，即 / ： / 即： A、B、C, or 一是…二是…; also 即
    right after the formulation's closing quote marks, and a 即-list after a
    sibling formulation (“六个关系”、牢固树立“六个导向”即…), from whose items
    the parts that end with the formulation's head are taken. Words that led
    into the formulation and open an item again are left out of it
    (参加双重组织生活会,即…参加班子民主生活会和… -> 班子民主生活会)."""
    text, qe, number = t.text, t.qe, t.number
    sibling = False
    m = _FOLLOWING_LIST.match(text[qe:qe + 12])
    if not m or (t.quoted and m.group().startswith("”")):
        m, sibling = _JI_RIGHT_AFTER.match(text[qe:qe + 12]), True
        if not m:
            m, sibling = _SIBLING_THEN_JI.match(text[qe:qe + 40]), True
            if not m:
                return None
    body = qe + m.end()
    end = min(len(text), body + _PARAGRAPH_REACH)   # bounded: linear on one-line texts
    for stop in ("。", "\n"):
        x = text.find(stop, body, end)
        if x != -1:
            end = min(end, x)
    marked = _marked_items(text, body)
    if marked:
        return marked
    # the separator that splits the list into as many items as claimed
    # wins (A，B、C，D: commas between items that hold 、); else ； over 、
    seg = text[body:end]
    splits = []
    for seps in ("；;", "、", "，,"):
        if any(c in seg for c in seps):
            items = _split_items(text, body, end, seps)
            if number and len(items) == number - 1:
                items = _split_last_conj(text, items)
            splits.append(items)
    if not splits and number == 2:
        splits.append(_split_last_conj(text, [(body, end)]))   # 即A和B
    items = next((x for x in splits if number and len(x) == number),
                 splits[0] if splits and not (number == 2 and not ("、" in seg or "；" in seg))
                 else [])
    if number == 1 and body < end and text[body - 1] in "：:":
        return [_mk(text, body, end)]                    # “一好”：农业形势好。
    if len(items) < 2:
        return None
    head = t.head()
    picked = _parts_with_head(text, items, head) if head else None
    if picked:
        items = picked
    elif sibling:   # only the parts that end with the head (not “两个维护”即A、B,C: split wrong)
        return None
    frame = _frame_before(text, t.qs)
    first = items[0]
    items = _without_frame(text, items, frame)
    if items[0] == first:
        items[0] = (_skip_lead_in(text, *items[0]), items[0][1])
    items += _head_initial_clauses_after(t, items, end)
    return [_mk(text, a, z) for a, z in items]


def _head_initial_clauses_after(t, items, end):
    """Items of a 即-list that goes on past a full stop: 目标是“四个确保”，
    即：确保A，确保B，确保C。确保D…  When every item so far opens with the
    formulation's head and fewer than claimed were found, the clauses right
    after ``end`` that open with the head are the rest (never more than
    claimed)."""
    head, text = t.head(), t.text
    if not (t.number and head and len(items) < t.number
            and all(text.startswith(head, a) for a, _ in items)):
        return []
    more, p = [], end + 1
    while len(items) + len(more) < t.number and text.startswith(head, p):
        z = p
        while z < len(text) and text[z] not in "，。；,;\n":
            z += 1
        more.append((p, z))
        p = z + 1
    return more if len(items) + len(more) == t.number else []


def _marked_items(text, body):
    """Items of a 一是…二是… list starting within three characters of
    ``body``: each from after its marker to the end of its clause."""
    marks = list(re.finditer(f"(?:^|[。；;，,：:\\s])([{_MARKERS}])(是|要|)", text[body:body + 600]))
    marks = [mm for mm in marks if mm.group(2)]
    if not (marks and marks[0].group(1) == "一" and marks[0].start() < 3):
        return None
    out = []
    expect = 1
    for mm in marks:
        if out and mm.group(1) == "一":
            break                                        # a new list starts: “三突破”：一是…
        if _DIGIT.get(mm.group(1)) != expect and not (expect == 10 and mm.group(1) == "十"):
            continue
        a = body + mm.end()
        while a < len(text) and text[a] in " \u3000\u00a0\t\n":
            a += 1                                       # 一是 ¶ 遵循…: a marker on its own line
        z = a
        while z < len(text) and text[z] not in "，。；：,;:!?！？\n":
            z += 1
        out.append(_mk(text, a, z))
        expect += 1
    return out if len(out) >= 2 else None


def _unquoted_list_before(t):
    """(5) an unquoted list right before whose count equals the number (a
    pair may be split by a comma: 围绕农业发展,农民增收两大目标)."""
    return _list_before(t.text, t.qs, t.number, commas=not t.quoted)


def _parallel_compound_before(t):
    """(6) a parallel compound right before, written without separators:
    国际国内两个市场, 国内国际两个大局. Its N two-character parts must share
    their first character (国际/国内), which verb phrases (切实落实) do not."""
    text, number = t.text, t.number
    if not (number and 2 <= number <= 4):
        return None
    a = t.qs - 2 * number
    if a < 0:
        return None
    parts = [text[a + 2 * k:a + 2 * k + 2] for k in range(number)]
    if (all(_HAN.fullmatch(part) for part in parts) and len(set(parts)) == number
            and len({part[0] for part in parts}) == 1
            and not any(part[1] in _RESULT_COMPLEMENTS for part in parts)):
        return [_mk(text, a + 2 * k, a + 2 * k + 2) for k in range(number)]
    return None


# second characters of verb + result compounds (打赢打好“两防”, 抓实抓好):
# verbs governing the formulation, not its parts
_RESULT_COMPLEMENTS = frozenset("好赢实牢细严紧准透住")


def _written_together_earlier(t):
    """(8) earlier in the same sentence, N two-character words written
    together that begin with the formulation's head character:
    农业农村农民问题…“三农”."""
    text, number, qs = t.text, t.number, t.qs
    if not (number and 2 <= number <= 4):
        return None
    head = t.head_chars()
    low = max(0, qs - _PARAGRAPH_REACH)   # bounded: linear on one-line texts
    start = max(low, max(text.rfind(mark, low, qs) for mark in "。；;！？\n") + 1)
    window = text[start:qs]
    for k in range(len(window) - 2 * number + 1):
        parts = [window[k + 2 * j:k + 2 * j + 2] for j in range(number)]
        if (parts[0][0] in head and len({p[0] for p in parts}) == 1
                and len(set(parts)) == number and all(_HAN.fullmatch(p) for p in parts)
                and window[k + 2 * number:k + 2 * number + 1] != parts[0][0]
                # not the other reading of an alternation: 强农、惠农、富农政策
                and not (k and len({window[k - 1 + 2 * j + 1] for j in range(number)}) == 1)):
            a = start + k
            return [_mk(text, a + 2 * j, a + 2 * j + 2) for j in range(number)]
    return None


def _head_initial_list_later(t):
    """(7) a list later in the same sentence whose N items all begin with
    the formulation's head character: “六保”工作，强化保居民就业、…、保基层运转."""
    text, number, qe = t.text, t.number, t.qe
    if not (number and number >= 2):
        return None
    stop = min(len(text), qe + _PARAGRAPH_REACH)   # bounded: linear on one-line texts
    for mark in "。；;\n":
        x = text.find(mark, qe, stop)
        if x != -1:
            stop = min(stop, x)
    head = t.head_chars()
    for m in re.finditer(r"[^，,：:（）()“”]+", text[qe:stop]):
        items = _split_items(text, qe + m.start(), qe + m.end(), "、")
        if len(items) != number:
            continue
        firsts = {text[a] for a, _ in items[1:]}
        if len(firsts) != 1 or not firsts <= head:
            continue
        lead = text.find(firsts.pop(), items[0][0], items[0][1])
        if lead != -1:
            items[0] = (lead, items[0][1])
            return [_mk(text, a, z) for a, z in items]
    return None


def _quoted_names_with_head_later(t):
    """(9) the members named one by one later in the paragraph, each a
    quoted name followed by the formulation's head: 三大工程，“连心”工程方面…；
    “强基”工程方面…；“模范”工程…"""
    text, number, qe = t.text, t.number, t.qe
    if not (number and 2 <= number <= 12):
        return None
    head = t.head()
    if not head or len(head) < 2:
        return None
    stop = text.find("\n", qe)
    stop = len(text) if stop == -1 else stop
    found, seen = [], set()
    for q in re.finditer(f"“([^“”]{{1,10}})”{re.escape(head)}", text[qe:min(stop, qe + 600)]):
        if q.group(1) not in seen:
            seen.add(q.group(1))
            found.append(_mk(text, qe + q.start(), qe + q.end()))
    return found if len(found) == number else None


_SENTENCE_END_AFTER = re.compile(r"[”」]?[^，。；：:,;！？!?\n“”]{0,6}?[。：:；;！!][\s\u3000]*")


def _marked_list_next_sentence(t):
    """(4b) a 一是…二是… list opening the next sentence or paragraph,
    after a formulation that ends its sentence: 提出了“五个强化”。¶ 一是强化
    思想意识。… 二是强化责任落实。… Taken only when the list has exactly the
    claimed number of items (a list after a sentence end may be the speech's
    next point, not the formulation's members)."""
    if not t.number:
        return None
    m = _SENTENCE_END_AFTER.match(t.text, t.qe)
    if not m:
        return None
    items = _marked_items(t.text, m.end())
    return items if items and len(items) == t.number else None


def _in_brackets_before(t):
    """(5a) （烟果、商贸、民生）三大经济: a bracketed list right before whose
    count equals the number."""
    text, b = t.text, t.qs
    if not t.number or text[b - 1:b] not in ("）", ")"):
        return None
    o = max(text.rfind("（", max(0, b - 200), b - 1), text.rfind("(", max(0, b - 200), b - 1))
    if o == -1:
        return None
    items = _split_items(text, o + 1, b - 1, "、，,")
    if len(items) != t.number:
        return None
    got = [_mk(text, a, z) for a, z in items]
    return got if all(1 <= len(g["text"]) <= 20 for g in got) else None



def _room_for_head_list(text, lo, hi, head, number, head_first):
    """Whether ``text[lo:hi]`` holds ``number`` items joined by 、/和 that each
    end with ``head`` (or, ``head_first``, begin with it): the head ``number``
    times, ``number - 1`` of them next to a joint. A cheap test before the
    caller compiles its item pattern (~4 ms, once per head)."""
    joined = [joint + head if head_first else head + joint for joint in "、和与及"]
    return (text.count(head, lo, hi) >= number
            and sum(text.count(j, lo, hi) for j in joined) >= number - 1)


def _head_final_list_nearby(t):
    """(10) N items that all end with the formulation's head, listed
    elsewhere in its paragraph: 文明城市是物质文明、政治文明、精神文明的和谐
    统一体。……三个文明建设. The items before the head must be as long as
    each other (物质/政治/精神), which cuts the first and last items out of
    their clauses; the count must equal the number."""
    text, number = t.text, t.number
    if not (number and 2 <= number <= 10):
        return None
    head = t.head()
    if not head or len(head) > 3:
        return None
    lo, hi = t.in_its_line()
    if not _room_for_head_list(text, lo, hi, head, number, head_first=False):
        return None
    h = re.escape(head)
    pattern = re.compile(f"(?:[\u4e00-\u9fff]{{1,4}}{h}、)(?:[\u4e00-\u9fff]{{1,4}}{h}、)*"
                         f"(?:[\u4e00-\u9fff]{{1,4}}{h}[和与及])?[\u4e00-\u9fff]{{1,4}}{h}")
    for found in pattern.finditer(text, lo, hi):
        if t.qs <= found.start() < t.qe or text[found.end():found.end() + 1] in ("、", "和", "与", "及"):
            continue                                     # the list goes on: …、政治文明和社会文明
        parts = re.split("[、和与及]", found.group())
        # every part but the first is delimited on both sides: they set the
        # width, and the first part is cut to it (市是物质文明 -> 物质文明)
        width = len(parts[-1])
        if (len(parts) != number or any(len(p) != width for p in parts[1:])
                or len(parts[0]) < width or text[found.end():found.end() + 1] in _HAN_CHARS_AFTER_BLOCK):
            continue
        items, z = [], found.end()
        for part in reversed(parts):
            items.append(_mk(text, z - width, z))
            z -= width + 1
        return items[::-1]
    return None


def _quoted_head_final_list_nearby(t):
    """(10b) a quoted list elsewhere in the paragraph whose N items all end
    with the formulation's head: “三大战役”总指挥长…回顾了“重点项目建设战役、
    新农村建设战役、城市和社区建设战役”. The quote marks bound the first and
    last items, so they need not be as long as each other."""
    text, number, head = t.text, t.number, t.head()
    if not (number and 2 <= number <= 12 and head):
        return None
    lo, hi = t.in_its_line()
    for q in re.finditer("“([^“”]{4,200})”", text[lo:hi]):
        a = lo + q.start(1)
        items = _split_items(text, a, a + len(q.group(1)), "、，,；;")
        if (len(items) == number and all(text[x:z].endswith(head) and z - x > len(head)
                                          and z - x <= 20 for x, z in items)):
            return [_mk(text, x, z) for x, z in items]
    return None


def _head_initial_words_nearby(t):
    """(10c) N two-character words that all begin with a one-character head,
    listed with 、/和 near the formulation: 农业、农村和农民问题，始终是…
    “三农”工作, or after it (…系统有效解决农业、农村、农民问题). Within
    :data:`_PARAGRAPH_REACH` characters either side, line breaks included
    (hard-wrapped copies break paragraphs into lines); the nearest wins."""
    text, number, head = t.text, t.number, t.head()
    if not (number and 2 <= number <= 4 and head and len(head) == 1):
        return None
    lo, hi = t.near()
    if not _room_for_head_list(text, lo, hi, head, number, head_first=True):
        return None
    h = re.escape(head)
    pattern = re.compile(f"(?<!{h})(?<!{h}[\u4e00-\u9fff][、和与及]){h}[\u4e00-\u9fff](?:[、和与及]{h}[\u4e00-\u9fff])"
                         f"{{{number - 1}}}(?![、和与及]{h})")
    best = None
    for found in pattern.finditer(text, lo, hi):
        parts = re.split("[、和与及]", found.group())
        if len(set(parts)) != number:
            continue
        distance = abs(found.start() - t.qs)
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is None:
        return None
    items, z = [], best[1].start()
    for part in re.split("([、和与及])", best[1].group()):
        if len(part) == 2:
            items.append(_mk(text, z, z + 2))
        z += len(part)
    return items


# a head-final item followed by one of these is the start of a longer word
# (政治文明建设 is fine: 建 is not here); kept small on purpose
_HAN_CHARS_AFTER_BLOCK = frozenset("化性")


def _dash_items_after(t):
    """(11) ——-items opening the paragraphs after a formulation that ends
    its paragraph (五个坚持：¶——坚持…¶——坚持…): each member runs from the dash
    to the end of its first clause. Taken only when the number of dash
    paragraphs equals the number claimed."""
    text, number = t.text, t.number
    if not number:
        return None
    m = re.compile(r"[”」]?[^，。；\n“”]{0,6}?[：:。]?[ \u3000]*\n").match(text, t.qe)
    if not m:
        return None
    items, p = [], m.end()
    while True:
        line = re.compile(r"[\s\u3000]*(?:——|──|－－|--)[ \u3000]*").match(text, p)
        if not line:
            break
        a = z = line.end()
        while z < len(text) and text[z] not in "，。；：,;:!?！？\n":
            z += 1
        items.append(_mk(text, a, z))
        nl = text.find("\n", z)
        if nl == -1:
            break
        p = nl + 1
    return items if len(items) == number else None


# a copula opening the formulation's clause after a list: A、B、C,就是…的三个篇章
_COPULA = ("也就是", "就是", "正是", "即是", "是")
# subjects that open a list before a copula (我们抓招商引资、抓投资环境…), no part of its first item
_SUBJECTS = ("我们", "我市", "我县", "我区", "我省", "我镇", "我乡")


def _subject_list_before(text, qs, number):
    """Members from a 、-list of exactly ``number`` items (three or more) that
    is the subject of the formulation's clause: that clause is a copula
    alone, or opens with one and ends in 的 within fourteen characters before
    the formulation (我们抓招商引资、抓投资环境、抓工业园区,就是实施这一战略部署的
    三个篇章). A subject opening the list (我们) is left out; [] otherwise."""
    if not number or number < 3:
        return []
    b = qs
    cs = _clause_start(text, b)
    clause = text[cs:b]
    if (text[cs - 1:cs] not in ("，", ",") or not clause.startswith(_COPULA)
            or not (clause in _COPULA or (clause.endswith("的") and len(clause) <= 14))):
        return []
    ps = _clause_start(text, cs - 1)
    items = _split_items(text, ps, cs - 1, "、")
    if len(items) == number - 1:
        items = _split_last_conj(text, items)
    if len(items) != number:
        return []
    a, z = items[0]
    subject = next((w for w in _SUBJECTS if text.startswith(w, a)), "")
    items[0] = (a + len(subject), z)
    got = _trimmed_items(text, items)
    if (len(got) == number and all(2 <= len(g["text"]) <= 20 for g in got)
            and len(got[0]["text"]) <= max(len(g["text"]) for g in got[1:])
            and not any(_not_a_member(g["text"]) for g in got)):
        return got
    return []


def _subject_list(t):
    """(5b) a 、-list that is the subject of the formulation's clause
    (:func:`_subject_list_before`)."""
    return _subject_list_before(t.text, t.qs, t.number)


# steps that read a definition (brackets, 即/：/一是 lists, dash items, named
# parts): their members hold for every mention of the formulation; a list
# right before one mention may be that mention's modifiers (村、社区“两委”)
_DEFINING_STEPS = frozenset((_in_brackets_after, _quoted_list_before, _following_list,
                             _marked_list_next_sentence, _dash_items_after,
                             _quoted_names_with_head_later, _quoted_head_final_list_nearby))

_MEMBER_STEPS = (_in_brackets_after, _quoted_list_before, _list_before_deng, _following_list,
                 _marked_list_next_sentence, _dash_items_after, _in_brackets_before,
                 _unquoted_list_before, _subject_list, _parallel_compound_before, _written_together_earlier,
                 _head_initial_list_later, _quoted_names_with_head_later,
                 _quoted_head_final_list_nearby, _head_final_list_nearby, _head_initial_words_nearby)


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


_YI_WEI_FRAME = re.compile("以([^以，。；：,;:]{3,60}?)为(?:主|重点|核心|主体|代表|龙头|主导)$")


# A list separator right before a formulation, or a conjunction or preposition right
# before its opening quote, makes it one item of the list before (村级换届、茶山整治、
# “两违”等) or the object of a clause (区委、区政府对“两委”换届的要求), not the head of
# that list. (Before an unquoted count these characters end words: 区域协同两大任务.)
_SEPARATORS = frozenset("、，,；;")
_SIBLING_BEFORE = frozenset("和与及同对向把被将给从")


def _list_before(text, qs, number, commas=False):
    """Members from an unquoted list right before ``qs`` (``A、B和C`` +
    formulation, or ``A、B、C这`` + formulation) whose item count equals
    ``number``; [] otherwise. A leading item of digits only (a page or list
    marker: ``2、``) is not a member. With ``commas``, a pair may be split by
    a comma (:func:`_comma_pair_before`)."""
    if not number:
        return []
    before = text[qs - 1:qs]
    if before in _SEPARATORS or (before in _SIBLING_BEFORE and text[qs:qs + 1] in "“「"):
        return []                       # 茶山整治、“两违”等: the formulation is an item itself
    b = qs
    if text[b - 1:b] in ("的", "这"):
        b -= 1
    cs = _clause_start(text, b)
    # 以魔芋、畜牧为主的两大特色: the list between 以 and 为主/为重点…
    frame = _YI_WEI_FRAME.search(text, cs, b)
    if frame:
        cs, b = frame.start(1), frame.end(1)
    if b - cs < 2:
        return []
    items = _split_items(text, cs, b, "、")
    if len(items) > 1 and text[items[0][0]:items[0][1]].strip().isdigit():
        items = items[1:]
    if len(items) == number - 1 or (len(items) == 1 and number == 2):
        items = _split_last_conj(text, items)
    if commas and number == 2 and len(items) == 1:
        return _comma_pair_before(text, cs, items[0])
    if len(items) == number and len(items) >= 2:
        got = _trimmed_items(text, items)
        if len(got) != number:
            return []                                    # blank items dropped
        others = max(len(g["text"]) for g in got[1:])
        # a first item that is still a clause after trimming (a completed
        # verb 了, a quotation inside it, or far longer than the others) ends
        # in a modifier of the formulation (…完成了××个村、社区“两委”), not a
        # member; a quoted name opening it is fine (“一带一路”建设、…三大战略)
        first = got[0]["text"]
        if (len(got) == number and all(len(g["text"]) <= 20 for g in got)
                and len(first) <= 3 * others + 2 and "了" not in first and "“" not in first[1:]
                and not any(_not_a_member(g["text"]) for g in got)):
            return got
    return []


def _only_lead_words(s):
    """Whether ``s`` is empty or only words that lead into a member (围绕, 实现了)."""
    return _trim_first(s + "\0") == "\0"


def _comma_pair_before(text, cs, item):
    """A pair split by a comma right before a count of two (围绕农业发展,农民增收
    两大目标): the clause ``item`` and the clause before it, when the two are
    as long as each other (three to six characters: 去年,全县两项工作 and 同时,各地
    两大工程 are a time, a connective and a place) once the clause before has
    lost its leading verbs, and nothing else stands in either: the clause
    right before the count opens with no verb or adverb (严密防范应对,坚决打赢
    打好“两防”: verbs that govern the formulation). Unquoted counts only."""
    if text[cs - 1:cs] not in ("，", ",") or _trim_first(text[item[0]:item[1]]) != text[item[0]:item[1]]:
        return []
    ps = _clause_start(text, cs - 1)
    got = _trimmed_items(text, [(ps, cs - 1), item])
    if (len(got) == 2 and 3 <= len(got[0]["text"]) == len(got[1]["text"]) <= 6
            and got[1]["start"] == item[0] and _only_lead_words(text[ps:got[0]["start"]])
            and not any(_not_a_member(g["text"]) for g in got)):
        return got
    return []


# ------------------------------------------------------------ find_slogans
# A quotation that quotes inside it (「坚持“一个中国原则”」) is neither a term nor
# a formulation itself: the inner quotation is. (Single quotes ‘’ inside a
# formulation, “两个‘毫不动摇’”, are part of it.)
_QUOTE_MARKS = re.compile("[“”「」『』]")


def find_slogans(text, lexicon=None, *, tokens=None):
    """Numbered formulations and quoted policy terms in ``text``.

    Parameters
    ----------
    text : str
        The document (or any part of it).
    lexicon : Lexicon, optional
        Terms tagged wherever they occur (source ``"lexicon"``); their kind and
        number come from the lexicon.
    tokens : list of (int, int) or int array of shape (n, 2), optional
        Character offsets (start, end) of the segmenter's words. When given,
        heads end on word boundaries; without them the grammar's lexical cues
        decide.

    Returns
    -------
    list of dict
        ``start``, ``end``, ``text`` (``text[start:end]``, quote marks
        excluded), ``kind`` (``"numbered"`` or ``"quoted"``), ``number``,
        ``members`` (dicts with ``start``, ``end``, ``text``),
        ``count_matches`` and ``source`` (``"grammar"``, ``"quotes"``,
        ``"mention"`` or ``"lexicon"``), sorted by ``start``.

    Examples
    --------
    >>> t = "以发展精品、珍品和旅游观光“两品一游”农业为重点，推进五项改革（甲改革、乙改革）。"
    >>> [(s["text"], s["number"], [m["text"] for m in s["members"]], s["count_matches"])
    ...  for s in find_slogans(t)]
    [('两品一游', 3, ['精品', '珍品', '旅游观光'], True), ('五项改革', 5, ['甲改革', '乙改革'], False)]
    >>> [s["text"] for s in find_slogans("新建移动大棚236座，完成投资835万元，增长18%。")]
    []
    >>> [(s["text"], s["kind"], s["source"]) for s in find_slogans("开展“效能风暴”行动。效能风暴行动见实效。")]
    [('效能风暴', 'quoted', 'quotes'), ('效能风暴', 'quoted', 'mention')]
    """
    bounds = _Bounds(tokens)
    if lexicon is not None:
        bounds.terms = frozenset(lexicon.words())
    quote_ranges = _quotes(text)
    # candidates [start, end, kind, number, source, priority], in this order
    cands, quoted_terms, member_texts = _quoted_candidates(text, quote_ranges)
    for s, e, n, src in _grammar(text, bounds, [(a - 1, z + 1) for a, z in quote_ranges]):
        cands.append([s, e, "numbered", n, src, 3])
    if lexicon is not None:
        cands += _lexicon_candidates(text, lexicon, bounds)
    cands += _mention_candidates(text, quote_ranges, quoted_terms, member_texts)
    spans = _resolve(text, _trim_blanks(text, cands))
    out = _with_members(text, spans, lexicon, member_texts, bounds.terms)
    # quoted terms that are members of a formulation are not terms themselves
    # (a lexicon term stays one: “不忘初心、牢记使命”二点 names no members)
    out = [sp for sp in out if not (sp["kind"] == "quoted" and sp["text"] in member_texts
                                    and sp["source"] != "lexicon")]
    _share_members(out)
    return out


def _quoted_candidates(text, quote_ranges):
    """Candidates from the quotations: numbered formulations and policy terms.

    Returns the candidates, the quoted terms ({text: (kind, number)}, first
    reading wins) and the texts of items of quoted lists (“甲、乙”), which
    are members rather than terms.
    """
    counts = {}
    for s, e in quote_ranges:
        counts[text[s:e]] = counts.get(text[s:e], 0) + 1
    cands, member_texts, quoted_terms = [], set(), {}
    ones = _ones_of_count_series(text) if "“一" in text else set()
    for s, e in quote_ranges:
        q = text[s:e]
        if _QUOTE_MARKS.search(q):
            continue
        ok, n = parse_numbered(_unwrapped(q), quoted=True)
        if not ok and q in ones:
            ok, n = True, 1                               # “一好”、“两增”、“三突破”
        if not ok:
            ok, n = _arabic_composite(q)                  # “4 市 1 区” = 四市一区
        if not ok and _is_code(text, s, e):
            ok, n = True, None                            # “8810”工程
        if ok and len(q) <= 16 and not _SENTENCE_PUNCT.search(q) and text[s - 2:s - 1] != "《":
            cands.append([s, e, "numbered", n, "quotes", 3])
            quoted_terms.setdefault(q, ("numbered", n))
        elif _is_policy_term(text, s, e, counts[q]):
            cands.append([s, e, "quoted", None, "quotes", 2])
            quoted_terms.setdefault(q, ("quoted", None))
        elif "、" in q:
            for a, z in _split_items(text, s, e, "、"):
                member_texts.add(text[a:z])
    return cands, quoted_terms, member_texts


_COUNT_SERIES = re.compile("“(一[\u4e00-\u9fff]{1,2})”[、，,]?“([两二][\u4e00-\u9fff]{1,2})”[、，,]?“(三[\u4e00-\u9fff]{1,2})”")


def _ones_of_count_series(text):
    """Quoted 一X that open a series of counts (呈现出“一好”、“两增”、“三突破”
    的局面): each counts one thing, here and wherever else it is quoted.
    Elsewhere a quoted 一X is an adverb of manner (“一键申报”)."""
    ones = set()
    for m in _COUNT_SERIES.finditer(text):
        if all(parse_numbered(m.group(k))[1] == k for k in (2, 3)):
            ones.add(m.group(1))
    return ones


@functools.lru_cache(maxsize=4)
def _term_finder(terms):
    """For a tuple of ``terms``: a regex whose match at a position is the
    longest term there, and a function giving the terms that one starts with
    (itself included), which are all the terms at that position (worked out
    for the terms found, not for every pair of a large lexicon)."""
    ordered = sorted(set(terms), key=lambda term: (-len(term), term))

    @functools.lru_cache(maxsize=None)
    def prefixes(term):
        return [p for p in ordered if term.startswith(p)]
    return re.compile("|".join(map(re.escape, ordered))), prefixes


def _lexicon_candidates(text, lexicon, bounds):
    """Every occurrence of a lexicon term that sits on word boundaries, term
    by term in lexicon order.

    One regex search per position where some term starts (a few per
    document), not one scan of the whole text per term."""
    terms = lexicon.words()
    if not terms:
        return []
    pattern, prefixes = _term_finder(tuple(terms))
    found = {}  # term -> its starts, increasing
    match = pattern.search(text)
    while match:
        i = match.start()
        for term in prefixes(match.group()):
            found.setdefault(term, []).append(i)
        match = pattern.search(text, i + 1)
    cands = []
    for term in terms:
        entry = lexicon[term]
        for i in found.get(term, ()):
            if _lexicon_hit_ok(text, i, i + len(term), bounds):
                cands.append([i, i + len(term), entry["kind"], entry["number"], "lexicon", 4])
    return cands


def _mention_candidates(text, quote_ranges, quoted_terms, member_texts):
    """Unquoted mentions of what the document quoted, after its first quoted use."""
    cands = []
    first = {}
    for s, e in quote_ranges:
        first.setdefault(text[s:e], s)
    for q, (kind, n) in quoted_terms.items():
        if len(q) < 2 or q in member_texts:
            continue
        i = text.find(q, first[q])
        while i != -1:
            if not (text[i - 1:i] in "“「‘『" and text[i + len(q):i + len(q) + 1] in "”」’』"):
                cands.append([i, i + len(q), kind, n, "mention", 1])
            i = text.find(q, i + 1)
    return cands


def _trim_blanks(text, cands):
    """The candidates without leading and trailing blanks (“ 九五 ” is 九五); empty ones dropped."""
    for c in cands:
        while c[0] < c[1] and text[c[0]].isspace():
            c[0] += 1
        while c[1] > c[0] and text[c[1] - 1].isspace():
            c[1] -= 1
    return [c for c in cands if c[0] < c[1]]


def _with_members(text, spans, lexicon, member_texts, terms=frozenset()):
    """The resolved spans as records, with the members of each numbered formulation.

    The lexicon's kind and number win for a span that is a lexicon term.
    Members' texts (and a quoted run of members, “红橙黄蓝”) are added to
    ``member_texts``. ``terms``: the lexicon's terms, never read as one-character
    abbreviations.
    """
    out = []
    for s, e, kind, n, src in spans:
        if lexicon is not None and text[s:e] in lexicon:      # curated kind and number win
            entry = lexicon[text[s:e]]
            kind, n, src = entry["kind"], entry["number"], "lexicon"
        quoted = text[s - 1:s] in "“「‘『" and text[e:e + 1] in "”」’』"
        known = lexicon[text[s:e]]["members"] if lexicon is not None and text[s:e] in lexicon else ()
        members, step = (_members_and_step(text, s, e, n, quoted, known, terms) if kind == "numbered"
                         else ([], None))
        if kind == "numbered":
            for mbr in members:
                member_texts.add(mbr["text"])
            if members and text[members[0]["start"] - 1:members[0]["start"]] in "“「" \
                    and text[members[-1]["end"]:members[-1]["end"] + 1] in "”」":
                member_texts.add(text[members[0]["start"]:members[-1]["end"]])   # “红橙黄蓝”
        out.append({"start": s, "end": e, "text": text[s:e], "kind": kind, "number": n,
                    "members": members,
                    "count_matches": (n == len(members)) if (members and n is not None) else None,
                    "source": src, "_step": step})
    return out


def _share_members(spans):
    """A formulation's members, spelled out at one mention (“两增”：一是…二是…),
    hold for its other mentions in the same text (呈现出“一好”、“两增”、“三突破”
    的局面): mentions without members get those of the first mention where a
    definition (see ``_DEFINING_STEPS``) gave exactly the number claimed."""
    best = {}
    for sp in spans:
        if (sp["kind"] == "numbered" and sp["count_matches"]
                and sp.get("_step") in _DEFINING_STEPS):
            best.setdefault((sp["text"], sp["number"]), sp)
    for sp in spans:
        source = best.get((sp["text"], sp["number"]))
        if source is not None and not sp["members"]:
            sp["members"] = [dict(m) for m in source["members"]]
            sp["count_matches"] = source["count_matches"]
    for sp in spans:
        sp.pop("_step", None)


_ARABIC_UNITS = re.compile(r"(?:[1-9][\u4e00-\u9fff]{1,3}){2,}")
_CN_DIGITS = str.maketrans("123456789", "一二三四五六七八九")


def _arabic_composite(q):
    """A quoted composite written with Arabic digits for its numerals, as
    web copies do (“4 市 1 区” for 四市一区): single digits 1-9 each before one
    to three characters, blanks ignored, read as the Chinese composite.
    Only composites (two units or more) are read: a single unit (“3年”,
    “2号楼”) is too often a quantity or an ordinal."""
    compact = re.sub(r"[\s\u3000]+", "", q.translate(_FULLWIDTH))
    if not _ARABIC_UNITS.fullmatch(compact):
        return False, None
    return parse_numbered(compact.translate(_CN_DIGITS), quoted=True)


_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")


def _is_code(text, s, e):
    """A quoted digit string naming a programme: three to six digits (not a
    year) right before a policy head (“1255”发展思路, “150”工程)."""
    q = text[s:e]
    if not (q.isascii() and q.isdigit() and 3 <= len(q) <= 6) or _YEAR.fullmatch(q):
        return False
    after = text[e + 1:e + 7]
    return after.startswith(HEADS) or bool(_TERM_HEAD_AFTER.match(after))


def _lexicon_hit_ok(text, s, e, bounds):
    """A lexicon term found at [s, e) is a use of it, not part of a longer
    word: on token boundaries when tokens are known; short terms outside
    quotes otherwise need a following boundary cue (三公 in 三公里 is not)."""
    if bounds.ends is not None:
        return bounds.is_start(s) and bounds.is_end(e)
    if s > 0 and (text[s - 1] in NUM_CHARS or text[s - 1] in "第0123456789") \
            and text[s] in NUM_CHARS:
        return False
    if e - s > 2 or (text[s - 1:s] in "“「‘『" and text[e:e + 1] in "”」’』"):
        return True
    nxt = text[e:e + 6]
    return (not nxt or not ("\u4e00" <= nxt[0] <= "\u9fff") or nxt[0] in "的和与及等"
            or nxt.startswith(HEADS) or bool(_TERM_HEAD_AFTER.match(nxt)))


def _resolve(text, cands):
    """Non-overlapping spans: numeral-initial, higher priority, longer first."""
    def key(c):
        s, e, kind, n, src, pri = c
        numeral_initial = kind == "numbered" and (text[s] in NUM_CHARS or text[s].isdigit())
        whole_quote = src == "quotes"
        return (-whole_quote, -numeral_initial, -pri, -(e - s), s)
    taken = []
    starts, ends = [], []   # the spans taken: disjoint, sorted by start (so by end too)
    for c in sorted(cands, key=key):
        s, e = c[0], c[1]
        k = bisect_right(starts, e - 1)   # spans starting before e; only the last can reach past s
        if k and ends[k - 1] > s:
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return [(s, e, kind, n, src) for s, e, kind, n, src, _ in taken]
