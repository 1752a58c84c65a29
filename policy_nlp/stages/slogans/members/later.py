"""The member steps that read members written after the formulation's own
sentence: a 一是… list (4b) or a bare 、-list (4c) opening the next sentence,
a list of ordinals of another style there, bounded by the outline (4c),
clauses right after it that each open with its head (4d), and ——-items
opening the paragraphs after it (11)."""

import functools
import re

from policy_nlp.lang.chars import CLAUSE_ENDS, IDEOGRAPH, NEWLINES, SENTENCE_END_RE, SENTENCE_ENDS, STOPS, line_end
from policy_nlp.lang.numerals import chinese_numeral
from policy_nlp.lang.words import words
from policy_nlp.stages.slogans.counting import COUNT_PREFIX, NUM_CHARS
from policy_nlp.stages.slogans.members.items import (_ITEM_END, _LEAD_MAX, _member, _split_items, _TRIM_LEAD,
    _TRIM_LEAD_VERBS)
from policy_nlp.stages.slogans.members.following import (_first_clause, _is_frame, _marked_items, _MARKERS,
    _SENTENCE_END_AFTER)


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


# the first half of a period a count of steps divides, in the first clause of
# the sentence after it, and the second, opening a later clause (分两步走：前十年
# 主要是打好基础，…，后十年要进入…; gwr 1983: 从…的前十年，…；从…的后十年，…)
_FIRST_HALF = re.compile(rf"[^{STOPS}]{{0,20}}?前[{NUM_CHARS}]+个?(年|月|阶段)")
_SENTENCE_MAX = 200   # characters of the sentence that holds both halves


def _period_halves_after(t):
    """(4e) a count of two steps (两步走) spelled out by the halves of a period
    in the sentence right after it: each member runs from its half's clause
    to the next half (cpc 12: 分两步走：前十年主要是打好基础，积蓄力量，创造
    条件，后十年要进入一个新的经济振兴时期。 -> 前十年主要是打好基础，积蓄力量，
    创造条件 | 后十年要进入一个新的经济振兴时期); the halves may differ in
    length (前两年…，后三年…), not in unit."""
    m = _SENTENCE_END_AFTER.match(t.text, t.qe) if t.number == 2 else None
    if not m or t.text[m.start():m.end()].strip("”」 \u3000\r\n") not in ("。", "：", ":"):
        return None
    text, a = t.text, m.end()
    end = next((i for i in range(a, min(len(text), a + _SENTENCE_MAX)) if text[i] in "。\r\n"), None)
    first = _FIRST_HALF.match(text, a, end or a)
    if end is None or not first:
        return None
    later = re.compile(f"后[{NUM_CHARS}]+个?{first.group(1)}").search(text, first.end(), end)
    second = later.start() if later else -1
    cut = max((text.rfind(c, first.end(), second) for c in "，,；;"), default=-1) if second != -1 else -1
    if cut == -1 or second - cut - 1 > 20:               # the half opens its clause (从…的后十年)
        return None
    return [_member(text, a, cut), _member(text, cut + 1, end)]


# a sentence that is nothing but a short 、-list (人才、企业、外部环境。), maybe the text's last
_BARE_LIST = re.compile(rf"[ \u3000]*([{IDEOGRAPH}]{{1,8}}(?:、[{IDEOGRAPH}]{{1,8}})+)(?:[。；;\r\n]|$)")


def _bare_list_next_sentence(t):
    """(4c) a sentence right after the formulation's own, made of nothing but
    a 、-list of exactly the claimed number of short items: 创新主要包含三要素。
    人才、企业、外部环境。 (a longer sentence after a full stop is the speech's
    next point, not the formulation's members). A last item more than two
    characters longer than every other holds the sentence's predicate
    (人才、企业、环境缺一不可。), so the sentence is no bare list."""
    m = _BARE_LIST.match(t.text, t.qe + 1) if t.number and t.text[t.qe:t.qe + 1] == "。" else None
    if not m:
        return None
    items = _split_items(t.text, m.start(1), m.end(1), "、")
    if len(items) != t.number or items[-1][1] - items[-1][0] > max(z - a for a, z in items[:-1]) + 2:
        return None
    return [_member(t.text, a, z) for a, z in items]


def _ordinal_list_next_sentence(t):
    """(4c) as (4b), a list of ordinals of another style opening the next
    sentence or paragraph (:func:`_ordinal_items`): 着重抓好以下三项工作。¶
    第一，依法整顿经济秩序，… Members only: such a list confirms no count
    (我提出4点倡议。第一，… is the speaker's own points)."""
    m = _SENTENCE_END_AFTER.match(t.text, t.qe) if t.number else None
    return _ordinal_items(t.text, m.end(), t.number) if m else None


# the rest of a formulation's paragraph after it: one short clause and the
# sentence end (加快实施“十大工程”，塑造产业发展新优势。⏎), or a short sentence
# announcing what follows (初步建成“一套体系、一个中心、三大平台”。具体建设任务如下：⏎)
_PARAGRAPH_REST = re.compile(rf"[”」]?(?:[，,][^{STOPS}\r\n“”]{{1,20}}[。：:]|。[^{STOPS}\r\n“”]{{0,12}}如下[：:])[ \u3000]*[\r\n]")


def _ordinal_list_next_paragraph(t):
    """(4c) as :func:`_ordinal_list_next_sentence` after a formulation that
    ends its paragraph but for one short clause, when each item names its
    head: 加快实施“十大工程”，塑造产业发展新优势。⏎（一）实施集成电路“强芯”工程。
    …（十）实施新型电子材料“融链”工程。 (policy document shandong-46), or
    after a sentence announcing them (如下：); a composite's items each end
    with the last character of one of its parts' heads (“一套体系、一个中心、
    三大平台”。具体建设任务如下：（一）…监测体系。…（五）…监管平台。, central-158);
    a head's items give their names (:func:`_names_with_head`). Without the
    head in every item, a list after such a clause is the text's next points."""
    head = t.head()
    ends = ({part[-1] for part in t.text[t.s:t.e].split("、")} if head is None
            and _COMPOSITE.fullmatch(t.text, t.s, t.e) else ())
    m = _PARAGRAPH_REST.match(t.text, t.qe) if t.number and (head or ends) else None
    items = _ordinal_items(t.text, m.end(), t.number) if m else None
    if not items or head:
        return _names_with_head(t.text, items or (), head)
    return items if all(x["text"][-1:] in ends for x in items) else None


def _ordinal_list_after_restatement(t):
    """(4c) as :func:`_ordinal_list_next_sentence`, the list opening the
    paragraph after the formulation's when a later sentence of that paragraph
    points back at it (:func:`_points_back`): 必须认真贯彻执行下列十条方针。这些
    方针，是…积累。⏎一、依靠政策和科学，加快农业的发展 … 十、… (the 1981 report);
    提出达到天下大治的八项要求，得到了…赞同。中央认为，这八条，就是…任务。⏎首先，
    一定要…⏎第二，… (cpc 11). Exactly as many items as claimed."""
    text = t.text
    numeral = _LEADING_NUMERAL.match(text, t.s, t.e)
    if not (t.number and numeral):
        return None
    end = line_end(text, t.qe, t.qe + _RESTATEMENT_REACH)
    stop = SENTENCE_END_RE.search(text, t.qe, max(end, t.qe))
    if end == -1 or not stop or not _points_back(t.head(), numeral.group(0)).search(text[stop.end():end]):
        return None
    return _ordinal_items(text, end + 1, t.number)


_RESTATEMENT_REACH = 200   # characters from the formulation to its paragraph's end


def _points_back(head, numeral):
    """The pattern of a sentence opening with 这些 and ``head``, or 这 and
    ``numeral`` (这些方针，; 这八条，), maybe after a short lead (中央认为，), as
    its subject: it says what the formulation is, and the list after it names
    it. A formulation with no head points back by its numeral only."""
    these = f"些{re.escape(head)}|" if head else ""
    return re.compile(rf"(?:^|[{SENTENCE_ENDS}])[^{STOPS}\r\n]{{0,6}}[，,]?这(?:{these}{numeral}[条项个点])[，,是就]")


# the numeral a formulation opens with (十 in 十条方针, 八 in 八项要求)
_LEADING_NUMERAL = re.compile(f"[{NUM_CHARS}]+")


# the verbs that open a heading naming what it sets up (实施…工程, 建设…经济圈)
_HEADING_VERBS = tuple(sorted(set(_TRIM_LEAD_VERBS + words("parallel_opening_verbs")), key=len, reverse=True))


def _names_with_head(text, items, head):
    """The names ``items`` (headings) give, each to the end of its last
    ``head``, or None unless every item names it with words before it. A
    verb opening every item is cut (实施重点企业链式培育工程 … 实施创新生态营造
    优化工程 -> 重点企业链式培育工程 …: the name is what is set up; only one
    word: 重点 is the name's own); items with no such verb in common stay whole."""
    ends = [x["text"].rfind(head) for x in items]
    if not items or min(ends) == -1:
        return None
    verbs = [next((w for w in _HEADING_VERBS if x["text"].startswith(w)), "") for x in items]
    cut = [len(v) for v in verbs] if all(verbs) else [0] * len(items)
    out = [_member(text, x["start"] + c, x["start"] + z + len(head)) for x, c, z in zip(items, cut, ends)]
    return out if all(len(m["text"]) >= len(head) + 2 for m in out) else None


# a composite of counted parts, each with a head of two characters (一套体系、一个中心、三大平台)
_COMPOSITE = re.compile(rf"{COUNT_PREFIX}[{IDEOGRAPH}]{{2}}(?:、{COUNT_PREFIX}[{IDEOGRAPH}]{{2}})+")


# ordinal markers of the items after a formulation ending its sentence, each
# style a pattern of the number k (a Chinese numeral or digits): 第一，/第一步，,
# （一）, 1. / 1、 / （1）, and 一、 at the start of a line (a section heading)
_ORDINAL_STYLES = ("第{k}步?[、，,：:]", "[（(]{k}[）)]", "{d}[.．、]", "[（(]{d}[）)]")


_ORDINAL_REACH = 3000   # characters from one marker to the next: items are paragraphs


# a heading of the enclosing outline (三、 or （二） opening a line, numbered two or
# more, with no 一、 or （一） of its style before it: a nested list of the last item
# starts at one): the list of the items before it has ended, and a marker after
# it that continues the numbering (4. in （二）'s own list) is no further item
_OUTLINE_HEADING = re.compile(f"[{NEWLINES}][ \\u3000\\u00a0\\t]*(?:([{_MARKERS}]{{1,2}})、|[（(]([{_MARKERS}]{{1,2}})[）)])")


def _ordinal(style, k):
    """The pattern of ordinal ``k`` (at most :data:`_NUMERALS`' last) of ``style``: 第三，, （三）, 3."""
    return style.format(k=_NUMERALS[k], d=k)


# Each pattern of an ordinal is compiled once: step 13 tries every style at every line within
# 6,000 characters after a formulation (58,000 lines in a pass over the work reports), and a
# pattern formatted and looked up in re's cache at each try was a sixth of the slogans stage.
@functools.lru_cache(maxsize=None)   # at most (3 contexts + 1) × 5 styles × 11 ordinals
def _ordinal_re(before, style, k):
    """The compiled pattern ``before`` followed by ordinal ``k`` of ``style``."""
    return re.compile(before + _ordinal(style, k))


@functools.lru_cache(maxsize=None)
def _marker_re(style, k):
    """The compiled pattern of :func:`_ordinal_marker`: blanks, then the
    marker (no marker opens with a blank, so the blanks are never given back)."""
    pattern = _ordinal(style, k)
    if k == 1 and style == _ORDINAL_STYLES[0]:
        pattern = f"(?:{pattern}|首先[，,])"     # 首先，…第二，…第八，… (cpc 11's eight requirements)
    return re.compile(f"[ \u3000\u00a0\t\r\n]*(?:{pattern})")


def _ordinal_marker(text, p, style, k):
    """The end of ordinal ``k`` of ``style`` at ``p`` (blanks skipped), or None."""
    if k not in _NUMERALS:
        return None
    m = _marker_re(style, k).match(text, p)
    return m.end() if m else None


def _ordinal_items(text, body, number, first=1):
    """Items of a list of ``number`` paragraphs or sentences opening with
    ordinals of one style (第一，…第二，…; （一）…（二）…; 1.…2.…; 一、… on its own
    line), ordinal ``first`` at ``body`` (2 after a first item that lost its
    marker): each from after its marker to the end of its first clause. None
    when the list goes on past ``number``."""
    if not number or not 2 <= number <= 10:
        return None
    styles = _ORDINAL_STYLES + (("{k}、",) if "\n" in text[max(0, body - 6):body + 1] else ())
    style = next((x for x in styles if _ordinal_marker(text, body, x, first)), None)
    if style is None:
        return None
    out, p = [], body
    for k in range(first, number + 2):
        end = _outline_heading(text, p, style) if k > number else len(text)
        a = _next_ordinal(text, p, style, k, end) if k > first else _ordinal_marker(text, body, style, first)
        if a is None:
            break
        if k > number:
            return None                                  # more items than claimed
        a, z = _first_clause(text, a)
        if _is_frame(text[a:z]) and text[z:z + 1] in "，,":
            a, z = _first_clause(text, z + 1)       # 在发展生产的基础上，继续增加…
        out.append(_member(text, a, z))
        p = z
    return out if len(out) == number - first + 1 and all(m["text"] for m in out) else None


# what may stand between a formulation and the clauses that spell it out
# (“两个维护”，坚决维护…，坚决维护…; “三个不发生”：不发生…；不发生…)
_CLAUSES_AFTER = re.compile(r"[”」]?(?:[，,：:；;。]|[，,]?即[：:]?)[ \u3000\r\n]*")


_HEAD_CLAUSE_MAX = 40   # characters of one member clause


def _head_clauses_after(t):
    """(4d) members written as clauses right after the formulation, each
    opening with its head (a verb of two characters or more), maybe after
    adverbs or leading verbs, which the member keeps: 坚决做到“两个维护”，
    坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和
    集中统一领导。 Exactly as
    many clauses as claimed (a list that goes on is something else)."""
    head, text = t.head(), t.text
    if not (t.number and 2 <= t.number <= 10 and head and len(head) >= 2):
        return None
    m = _CLAUSES_AFTER.match(text, t.qe)
    if not m:
        return None
    out, p = [], m.end()
    for _ in range(t.number + 1):
        while p < len(text) and text[p] in " \u3000\n":
            p += 1
        a = p                       # the member keeps its adverbs (坚决维护…), as a 即-list does
        if not _opens_with_head(text, p, head):
            break
        if len(out) == t.number:
            return None                                  # the list goes on
        z = a
        while z < len(text) and text[z] not in _ITEM_END and z - a <= _HEAD_CLAUSE_MAX:
            z += 1
        if z - a > _HEAD_CLAUSE_MAX:
            return None
        out.append(_member(text, a, z))
        p = z + 1
    return out if len(out) == t.number else None


def _opens_with_head(text, p, head):
    """Whether ``text[p:]`` opens with ``head``, maybe after at most
    :data:`_LEAD_MAX` characters of leading words (坚决维护; the head may be
    a leading word itself: 维护)."""
    q = p
    while not text.startswith(head, q):
        w = next((w for w in _TRIM_LEAD if text.startswith(w, q) and q + len(w) - p <= _LEAD_MAX), None)
        if w is None:
            return False
        q += len(w)
    return True


def _next_ordinal(text, p, style, k, end=None):
    """The end of ordinal ``k`` opening a sentence or line within
    :data:`_ORDINAL_REACH` characters after ``p`` and before ``end``, or None."""
    if k not in _NUMERALS:
        return None
    pattern = _ordinal_re(f"[{CLAUSE_ENDS}\r\n][ \u3000\u00a0\t\r\n]*", style, k)
    m = pattern.search(text, p, min(len(text) if end is None else end, p + _ORDINAL_REACH))
    return m.end() if m else None


def _outline_heading(text, p, style):
    """Where the first heading of the enclosing outline after ``p`` starts
    (:data:`_OUTLINE_HEADING`, of a style other than ``style``), or the end."""
    opened = set()                                   # the heading styles whose 一 came
    for m in _OUTLINE_HEADING.finditer(text, p, min(len(text), p + _ORDINAL_REACH)):
        kind, numeral = ("、", m.group(1)) if m.group(1) else ("（", m.group(2))
        if numeral == "一":
            opened.add(kind)
        elif kind not in opened and not _ordinal_marker(text, m.start() + 1, style, _ORDINAL_OF.get(numeral)):
            return m.start()                         # (of the list's own style: its next item)
    return len(text)


# 十一 too: a list of ten whose eleventh item follows goes on past a count of ten (a count that
# stopped at 十 took the first ten items of a longer list)
_NUMERALS = {k: chinese_numeral(k) for k in range(1, 12)}   # 1 -> 一 … 11 -> 十一
_ORDINAL_OF = {v: k for k, v in _NUMERALS.items()}   # 十 is 10: （十） after （九） is the next item, no heading


def _dash_items_after(t):
    """(11) ——-items opening the paragraphs after a formulation that ends
    its paragraph (五个坚持：¶——坚持…¶——坚持…): each member runs from the dash
    to the end of its first clause. Taken only when the number of dash
    paragraphs equals the number claimed."""
    text, number = t.text, t.number
    if not number:
        return None
    m = re.compile(r"[”」]?[^，。；\r\n“”]{0,6}?[：:。]?[ \u3000]*[\r\n]").match(text, t.qe)
    if not m:
        return None
    items, p = [], m.end()
    while True:
        line = re.compile(r"[\s\u3000]*(?:——|──|－－|--)[ \u3000]*").match(text, p)
        if not line:
            break
        a = z = line.end()
        while z < len(text) and text[z] not in STOPS + "\n":
            z += 1
        items.append(_member(text, a, z))
        nl = text.find("\n", z)
        if nl == -1:
            break
        p = nl + 1
    return items if len(items) == number else None
