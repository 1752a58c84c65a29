"""The member steps that read members written before the formulation: a
quoted list right before (2), the list before 等 (3), a bracketed list (5a),
the unquoted list (5) or the parallel compound that ends it (6), the list
of a sibling count (6b), a 、-list that is the subject of the
formulation's clause (5b), and the list a bracket after it names (5c)."""

import itertools
import os
import re

from policy_nlp.lang.chars import IDEOGRAPH, SENTENCE_ENDS, before_spaces
from policy_nlp.lang.words import words
from policy_nlp.segment.engines import load_segmenter
from policy_nlp.stages.slogans.counting import _HAN, NUM_CHARS
from policy_nlp.stages.slogans.members.items import (_AND_CHARS, _clause_start, _member, _not_a_member, _OPENING_VERBS,
    _split_items, _split_last_conj, _Target, _trimmed_items)
from policy_nlp.stages.slogans.members.list_before import _count_of, _list_before, _noun_pair, _SIBLING_COUNT


_SPEECH_END = re.compile(f"[{SENTENCE_ENDS}\r\n]")


_QUOTE_MARKS = re.compile("[“”「」]")


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
        # a quotation of speech (sentence ends, line breaks) is no list of names: 指出：“…一句都不行，
        # …‘五一六’。”“四人帮”反对… (cpc 11)
        # nor is a span holding a quote mark: the close of another quotation opened it, and the
        # mark before the formulation is a misturned opening (“五讲四美”活动，正在汇合成一个”五讲四美…)
        if o != -1 and not _SPEECH_END.search(text, o + 1, b - 1) and not _QUOTE_MARKS.search(text, o + 1, b - 1):
            items = _split_items(text, o + 1, b - 1, "、，,；;")
            if len(items) >= 2:
                return [_member(text, a, z) for a, z in items]
    if t.number and _quoted_run_before(text, b, t.number, t.terms):
        o = b - 2 - t.number
        return [_member(text, o + 1 + k, o + 2 + k) for k in range(t.number)]
    return None


def _list_before_deng(t):
    """(3) A、B…等十项制度: the list before 等."""
    text, b = t.text, t.qs
    if text[b - 1:b] != "等":
        return None
    z = before_spaces(text, b - 1)          # …和主题社区⏎等六个领域: a hard wrap before 等
    cs = _clause_start(text, z)
    items = _split_items(text, cs, z, "、")
    if len(items) < 2:
        return None
    if t.number is not None and len(items) == t.number - 1:
        items = _split_last_conj(text, items)
    return _trimmed_items(text, items)


# a formulation of units that each count one (一带一路, 一事一议, 一企一技术)
_ONE_UNITS = re.compile("(?:一[^一、，。\\s]{1,3}){2,}")


def _unquoted_list_before(t):
    """(5) an unquoted list right before whose count equals the number (a
    pair may be split by a comma: 围绕农业发展,农民增收两大目标); a parallel
    compound that is the whole last item is the members (6). Items of which
    one, a word, opens another are a qualifier that a list repeats, the
    formulation inside one of its items (智慧林业产业、智慧林业两化融合、…),
    and no members (东、中、西、东北地区四大板块 are)."""
    if _ONE_UNITS.fullmatch(t.text, t.s, t.e) or _names_its_parts(t):
        return None                 # 参与共建“一带一路”, 研发和产业化方面一事一议: the units name its parts
    compound = _parallel_compound_before(t)
    if compound and t.text[compound[0]["start"] - 1:compound[0]["start"]] in f"、，,；;{_AND_CHARS}":
        return compound             # 以国内大循环为主体、国内国际双循环, …中心节点和国内国际双循环: the last item is the compound
    got = _list_before(t.text, t.qs, t.number, commas=not t.quoted)
    if compound and got and got[-1]["end"] == compound[-1]["end"] and got[-1]["start"] < compound[0]["start"]:
        return compound             # 畅通国内大循环和联通国内国际双循环: the last item's verb governs the compound
    if any(m is not n and len(m["text"]) > 1 and n["text"].startswith(m["text"]) for m in got for n in got):
        return None                 # 智慧林业产业、智慧林业两化融合: a qualifier repeated, not members
    if got and t.quoted and t.text[t.qe:t.qe + 1] == "、" and "、" in t.text[got[0]["start"]:got[-1]["end"]]:
        return None                 # 区四套班子领导、区法检“两长”、各处级单位…: its siblings in one list
    # (an unquoted count heads the items before it: 玻璃熔窑、锡槽、退火窑三大热工控制、冷端优化控制…)
    if _describes_it(t, got):
        return None                 # 人人协同、人机协同的“双师课堂”: how it works, not what it counts
    return _without_shared_tail(t, got)


def _clause_items(items):
    """Whether ``items`` are clauses, not names: the last opens with a verb,
    or all share an opening of two characters or more (坚持…、坚持…、坚持马克思
    列宁主义毛泽东思想: 毛泽东思想 is the last one's own)."""
    return items[-1].startswith(_OPENING_VERBS) or len(os.path.commonprefix(items)) >= 2


_TAIL_MIN = 3   # characters of a shared tail (东、中、西、东北地区: 地区 is the region's own name)


def _without_shared_tail(t, got):
    """``got`` with the last member cut to its first words when the words
    after them qualify every member of the formulation ``t``, quoted (all or
    its head) as a coined name that leaves them out (大气、水、土壤污染防治
    三个“十条” -> 大气 | 水 | 土壤; 荒漠化、沙化土地面积“双缩减” -> 荒漠化 |
    沙化, as the 2019 report's gold reads 化肥农药使用量…双下降 -> 化肥 |
    农药): a last member
    :data:`_TAIL_MIN` characters or more longer than every other, cut at the
    word end nearest the others' mean length, when that leaves a tail of
    :data:`_TAIL_MIN` or more, in a member with no conjunction (…维护世界和平
    与促进共同发展 is one task; 保障和改善民生), the members share no ending
    (帝国主义、封建主义、官僚资本主义; 农業、手工業、資本主义工商業; 化学需氧量、
    二氧化硫排放总量) and are no clauses (:func:`_clause_items`); the cut
    member keeps two characters at least (新能源汽车产业 is no 新). An unquoted
    count names its members whole (人才、资金、科技创新平台三大要素)."""
    last, others = got[-1]["text"] if got else "", [m["text"] for m in got[:-1]]
    quoted = t.quoted or "“" in t.text[t.s:t.e]        # “双缩减”, 三个“十条”
    if not (quoted and others) or len(last) < max(map(len, others)) + _TAIL_MIN:
        return got
    if os.path.commonprefix([w[::-1] for w in others + [last]]) or _clause_items(others + [last]):
        return got
    mean = sum(map(len, others)) / len(others)
    ends = [z for z in itertools.accumulate(len(w) for w in load_segmenter().cut(last)) if z >= 2][:-1]
    cut = min(ends, key=lambda z: (abs(z - mean), z), default=len(last))
    if len(last) - cut < _TAIL_MIN or re.search("[与和及并、，,]", last):
        return got
    return got[:-1] + [_member(t.text, got[-1]["start"], got[-1]["start"] + cut)]


def _names_its_parts(t):
    """Whether the formulation opens with one character for each of its
    ``number`` parts before the count (收支两条线: 收, 支): it names its parts
    itself, and a list before it is what it applies to (行政性收费和罚没收入
    “收支两条线”, the 2002 report)."""
    m = _LEADING_CHARS.match(t.text, t.s, t.e)
    return bool(m and t.number and m.end() - t.s == t.number)


# the ideographs that open a formulation before its numeral (收支 in 收支两条线)
_LEADING_CHARS = re.compile(f"(?:(?![{NUM_CHARS}])[{IDEOGRAPH}])+(?=[{NUM_CHARS}])")


def _describes_it(t, got):
    """Whether the members ``got``, joined to the formulation by 的, all end
    with one word (two characters or more) that the formulation does not
    hold, and not each a character of it: attributes of it (人人协同、人机协同的
    “双师课堂”), not its parts (党委的主体责任和纪委的监督责任“两个责任” hold
    责任, 线上服务、线下服务的“双线” each a 线)."""
    if len(got) < 2 or t.text[got[-1]["end"]:t.qs] != "的":
        return False
    ending = os.path.commonprefix([m["text"][::-1] for m in got])[::-1]
    head = t.head_chars()
    return (len(ending) >= 2 and ending not in t.text[t.s:t.e]
            and not all(head & set(m["text"][:-len(ending)]) for m in got))


def _sibling_count_before(t):
    """(6b) the members of a sibling count right before the formulation,
    read as a list or parallel compound right before that count: 更好利用
    国际国内两个市场两种资源 -> 国际, 国内."""
    text = t.text
    if not t.number or t.quoted:
        return None
    sib = _SIBLING_COUNT.search(text, max(0, t.qs - 6), t.qs)
    if not sib or _count_of(text[sib.start()]) != t.number:
        return None
    twin = _Target(text, sib.start(), sib.end(), t.number, False, t.terms)
    return _list_before(text, twin.qs, t.number) or _parallel_compound_before(twin)


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
        return [_member(text, a + 2 * k, a + 2 * k + 2) for k in range(number)]
    return None


# second characters of verb + result compounds (打赢打好“两防”, 抓实抓好):
# verbs governing the formulation, not its parts
_RESULT_COMPLEMENTS = frozenset("好赢实牢细严紧准透住")


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
    got = [_member(text, a, z) for a, z in items]
    return got if all(1 <= len(g["text"]) <= 20 for g in got) else None


# a bracket after a list that names it: …作业负担和校外培训负担（即“双减”）, …生态创新中心、…人工智能
# 创新中心（以下简称“三个创新中心”）; the formulation and its quote marks close the bracket
_NAMING_BRACKET = re.compile(r"[（(]\s*(?:即|以下\s*简\s*称|以下称|简称|下称)[：:]?\s*[“「\"']?$")


_NAMED_MAX = 30   # the longest member of a named list (a clause is no name)


def _list_named_in_brackets(t):
    """(5c) the list right before a bracket that names it by the formulation:
    A和B（即“双X”）, A、B、C（以下简称“三个X”）. The list is the bracket's
    antecedent, its items all the formulation counts (a quotation inside one
    is part of a name: 济南“鲲鹏+昇腾”生态创新中心); a pair is the last
    item's 和-parts where they are both three characters or more (国务院关于
    减轻…作业负担和校外培训负担)."""
    text = t.text
    m = _NAMING_BRACKET.search(text, max(0, t.s - 12), t.s) if t.number and t.number >= 2 else None
    if m is None or text[t.qe:t.qe + 1] not in ("）", ")"):
        return None
    cs = _clause_start(text, m.start())
    items = _split_items(text, cs, m.start(), "、")
    if len(items) == t.number - 1 or (len(items) == 1 and t.number == 2):
        items = _split_last_conj(text, items)
    elif t.number == 2 and len(items) == 2 and _noun_pair(text, items[1]):
        items = _noun_pair(text, items[1])
    got = _trimmed_items(text, items) if len(items) == t.number else []
    return got if len(got) == t.number and all(len(g["text"]) <= _NAMED_MAX for g in got) else None


# a copula opening the formulation's clause after a list: A、B、C,就是…的三个篇章
_COPULA = words("copulas")


# subjects that open a list before a copula (我们抓招商引资、抓投资环境…), no part of its first item
_SUBJECTS = words("list_subjects")


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


_HAN_RUN = re.compile(rf"[{IDEOGRAPH}]+")


def _quoted_run_before(text, i, number, terms=frozenset()):
    """``text[:i]`` ends with a quoted run of ``number`` single characters
    that is no known term (“红橙黄蓝”四色预警, not “证照分离”四项改革)."""
    o = i - 2 - number
    return (2 <= number <= 10 and o >= 0 and text[o] in "“「" and text[i - 1] in "”」"
            and bool(_HAN_RUN.fullmatch(text, o + 1, i - 1)) and text[o + 1:i - 1] not in terms
            and not any(c in NUM_CHARS for c in text[o + 1:i - 1]))   # “两筛”“两癌”: a sibling
