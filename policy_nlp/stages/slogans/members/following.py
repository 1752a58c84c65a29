"""The member steps that read members written right after the formulation:
brackets (1), the list that follows (4: ，即 / ： / 即： A、B、C, or 一是…二是…)
with its frames, head-initial items and clauses, and the 一是… list after a
formulation that ends its sentence when its first marker is garbled (4e); the
clause and frame tests that the steps of the next sentences share."""

import re

from policy_nlp.lang.chars import IDEOGRAPH, NEWLINES, STOPS, before_spaces
from policy_nlp.lang import numerals
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.lang.words import words
from policy_nlp.stages.slogans.counting import _LIST_MEASURES, NUM_CHARS
from policy_nlp.stages.slogans.members.items import (_AND_CHARS, _CLAUSE_REACH, _ITEM_END, _ITEM_JOINTS, _member,
    _PARAGRAPH_REACH, _split_items, _past_marker, _split_last_conj)


# 即 "that is", not the first character of 即将, 即使, 即便, 即可, 即时, 即日, 即刻
# (the 即-lists of members, and of the counts the grammar confirms by them)
_JI = "即(?![将使便可时日刻])"


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


_MARKERS = ITEM_NUMERALS   # the numerals of item markers (一是, 第三，), declared in lang.numerals


# a head word between a quoted formulation and the bracket that lists its members
# (“三优两重”项目（优秀产品、…、重点大数据企业和重点大数据资源）, shandong-9)
_HEAD_BEFORE_BRACKET = re.compile(f"[{IDEOGRAPH}]{{1,4}}(?=[（(])")


def _in_brackets_after(t):
    """(1) 五项改革（甲改革、乙改革）: brackets right after; after a quoted
    formulation, maybe past a head word of up to four characters, when the
    bracket lists exactly the number claimed (“三优两重”项目（…）)."""
    text, p = t.text, t.qe
    head = _HEAD_BEFORE_BRACKET.match(text, p) if t.quoted and t.number else None
    items = _bracket_items(t, head.end()) if head else None
    return items if items and len(items) == t.number else _bracket_items(t, p)


def _bracket_items(t, p):
    """Members listed in the bracket opening at ``p``, or None."""
    text = t.text
    if not (p < len(text) and text[p] in "（("):
        return None
    close = text.find("）" if text[p] == "（" else ")", p + 1)
    if close == -1:
        close = min([x for x in (text.find("）", p + 1), text.find(")", p + 1)) if x != -1],
                    default=-1)
    if close == -1 or close - p >= 300:
        return None
    body = _BRACKET_OPENER.match(text, p + 1).end()   # “三河三湖”（即：淮河海河辽河、太湖巢湖滇池）
    items = _split_items(text, body, close)
    if t.number and len(items) == t.number - 1 and (body > p + 1 or len(items) >= 2):
        items = _split_last_conj(text, items)          # “两头在外”（即原材料来源在外和产品销售市场在外）
    if t.number and len(items) < t.number:
        items = _glued_names(text, items, t.head_chars(), t.number) or items
    return [_member(text, a, b) for a, b in items] if len(items) >= 2 else None


# what opens a bracket of members: 即, 包括, 指 (“三自一包”（指多留自留地、…）; not 指标, 指导…) or 指的是,
# a colon
_BRACKET_OPENER = re.compile(f"(?:{_JI}|包括|指(?:的?是|(?![标导挥数南引令示出定针向])))?[：:]?")


def _glued_names(text, items, head, number):
    """The items split after each character of the formulation's ``head`` in
    them, when that gives ``number`` names of two to four characters in all:
    a composite's names written without separators (“三河三湖”（淮河海河辽河、
    太湖巢湖滇池） -> 淮河, 海河, 辽河, 太湖, 巢湖, 滇池); None otherwise."""
    out = []
    for a, z in items:
        cuts = [p + 1 for p in range(a, z - 1) if text[p] in head]
        out += [(x, y) for x, y in zip([a] + cuts, cuts + [z])]
    if len(out) != number or not all(2 <= y - x <= 4 and text[x] not in _AND_CHARS for x, y in out):
        return None                     # (a name cut off a 和 before it: 高新区和东园 is no 高新区, 和东园)
    return out


# the openers of a list after a formulation: after a comma (a line break may
# follow it: “五定”，¶即定建设规模…) or before a colon; and, right after the
# formulation, those no copula (三大产业分别为A、B、C; not “再出发”就是要…)
_OPENERS = words("member_openers")


_OPENER = "|".join(_OPENERS).replace("即", _JI)


_DIRECT_OPENER = "|".join(w for w in _OPENERS if w not in words("copulas") and w != "即")


_FOLLOWING_LIST = re.compile(f"[^，。；：:,;（(“”]{{0,8}}?(?:，|,)?(?:{_OPENER})?[：:]"
                             f"|[^，。；：:,;（(“”]{{0,8}}?[，,][ \u3000\r\n]*(?:{_OPENER})[：:]?"
                             f"|[”」]?(?:{_DIRECT_OPENER})[：:]?")


# 即 right after a formulation or its closing quote marks (“六个导向”即…), not 即将, 即使…
_JI_RIGHT_AFTER = re.compile(f"[”」\"']*{_JI}[：:]?")


# a sibling formulation between this one and the 即-list that defines both:
# 正确处理“六个关系”、牢固树立“六个导向”即要正确处理A的关系,牢固树立B的导向;…
_SIBLING_THEN_JI = re.compile(f"[”」\"']*[{_ITEM_JOINTS}][^，。；：:,;、]{{0,6}}?[“「\"']?[{NUM_CHARS}]+"
                              f"(?:{'|'.join(_LIST_MEASURES)})?[{IDEOGRAPH}]{{1,6}}?[”」\"']*[，,]?"
                              f"{_JI}[：:]?")

# what ends the words before a formulation: a stop, a 、, a line break, a quote mark or bracket
_QUOTED_CLAUSE_STOPS = STOPS + "、\n“”「」\"'（()）"


def _frame_before(text, qs):
    """The words that lead into the formulation at ``qs`` within its clause
    (党员领导干部要参加 in 党员领导干部要参加双重组织生活会), past its opening
    quote marks; a 、 ends the clause too (…、牢固树立“六个导向”). At most
    ``_CLAUSE_REACH`` characters, as :func:`_clause_start` reads."""
    j = qs
    while j > 0 and text[j - 1] in "“「\"'”」":
        j -= 1
    i, low = j, max(0, j - _CLAUSE_REACH)
    while i > low and text[i - 1] not in _QUOTED_CLAUSE_STOPS:
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


def _without_summary(text, items, number):
    """``items`` without those after the first ``number`` when the next one
    opens with 这, a summary of the list (即坚持社会主义道路，坚持无产阶级专政，
    坚持共产党的领导，即坚持马克思列宁主义毛泽东思想，这四项原则都不能离开…)."""
    if number and len(items) > number and text[items[number][0]:items[number][0] + 1] == "这":
        return items[:number]
    return items


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
    for stop in ("。", "\r", "\n"):
        x = text.find(stop, body, end)
        if x != -1:
            end = min(end, x)
    marked = _marked_items(text, body)
    if marked:
        return marked
    # the separator that splits the list into as many items as claimed
    # wins (A，B、C，D: commas between items that hold 、; 保A，压B；保C，压D: pairs
    # of members between semicolons); else ； over 、
    seg = text[body:end]
    splits = []
    for seps in ("；;", "、", "，,", "；;，,"):
        if all(any(c in seg for c in kind) for kind in (seps[:2], seps[2:]) if kind):
            items = _split_items(text, body, end, seps)
            if number and len(items) == number - 1:
                items = _split_last_conj(text, items)
            splits.append(_without_summary(text, items, number))
    if not splits and number == 2:
        splits.append(_split_last_conj(text, [(body, end)]))   # 即A和B
    items = next((x for x in splits if number and len(x) == number),
                 _head_opening_items(text, splits, number, t.head())
                 or _last_item_split(text, splits[0] if splits else [], number)
                 or (splits[0] if splits and not (number == 2 and not ("、" in seg or "；" in seg))
                     and not _across_clauses(text, splits[0]) else []))
    if number == 1 and body < end and text[body - 1] in "：:":
        return [_member(text, body, end)]                    # “一好”：农业形势好。
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
    items[-1] = (items[-1][0], _before_deng(text, *items[-1]))
    items[1:] = [(_after_ji(text, a, z), z) for a, z in items[1:]]
    return [_member(text, _after_marker(text, a, z), z) for a, z in _without_some(text, items)]


# "some (of them)" opening each item of a list of attitudes (三种误区:有的认为…;有的觉得…;还有的习惯…)
_SOME = re.compile("(?:还|也)?有(?:的|些)(?:人|同志|干部)?")


def _without_some(text, items):
    """``items`` without the 有的/还有的/有些 that opens every one of them (the
    subjects of a list of attitudes, not part of each), where two characters
    or more remain; ``items`` unchanged unless all open so."""
    cut = [_SOME.match(text, a, z) for a, z in items]
    if not all(m and z - m.end() >= 2 for m, (a, z) in zip(cut, items)):
        return items
    return [(m.end(), z) for m, (a, z) in zip(cut, items)]


def _after_ji(text, a, z):
    """Where a later item ``text[a:z]`` starts after a 即 that repeats the
    list's opener (即坚持社会主义道路，…，即坚持马克思列宁主义毛泽东思想, gwr 1979),
    when two characters or more remain; else ``a``."""
    return a + 1 if re.match(_JI, text[a:a + 2]) and z - a - 1 >= 2 else a


_DENG_WORDS = words("deng_word_ends")


def _before_deng(text, a, z):
    """Where the last item ``text[a:z]`` ends before a 等 (等等) closing the
    list (包括A，B，服务地方教育教学改革与创新等), when two characters or more
    remain and the 等 ends no word of ``deng_word_ends`` (男女平等); else ``z``."""
    z = before_spaces(text, z, a)
    n = 2 if text.endswith("等等", a, z) else 1
    if text.endswith("等", a, z) and z - n - a >= 2 and not text.endswith(_DENG_WORDS, a, z):
        return z - n
    return z


# an ordinal marker opening an item that the list's separators split off
# (两大历史任务：一个是…；一个是…; 两个重要问题：第一，…；第二，…; 一是…；一是…)
_ITEM_MARKER = re.compile(f"(?:另一个是|一个是|第[{_MARKERS}]+(?:是|[，,、])|[{_MARKERS}]是)")   # 第一产业 is no marker


def _after_marker(text, a, z):
    """Where the item ``text[a:z]`` starts after an ordinal marker opening it
    (:data:`_ITEM_MARKER`), when two characters or more remain; else ``a``."""
    return _past_marker(text, a, z, _ITEM_MARKER)


def _across_clauses(text, items):
    """Whether ``items``, split at 、, run across commas (坚持A，坚持B，坚持马克思列宁主义、
    毛泽东思想，…: the 、 is inside the last clause, the commas split the list)."""
    return bool(items) and "；" not in text[items[0][0]:items[-1][1]] and any(
        c in text[a:z] for a, z in items for c in "，,")


def _last_item_split(text, items, number):
    """A 、-list whose last item goes on after commas with the rest of the
    members, as many as claimed in all (“三项政策、一项改革”，即A、B、C，加快D):
    the items before the last and the comma-parts of the last; None otherwise."""
    if not (number and len(items) >= 2 and _across_clauses(text, items)) or _across_clauses(text, items[:-1]):
        return None
    last = _split_items(text, *items[-1], "，,")
    return items[:-1] + last if len(items) - 1 + len(last) == number else None


def _head_opening_items(text, splits, number, head):
    """The first ``number`` items of a split whose first ``number`` items, and
    not the next, open with the formulation's head: “五定”，即定A，定B，定C，定D，
    定E，并且实行… -> 定A … 定E; or, all of them, with the same word of two
    characters (坚持四项基本原则，即坚持A，坚持B，坚持C，坚持D，是…的共同政治基础:
    the clause that opens otherwise says something of the list); None otherwise."""
    if not number or number < 2:
        return None
    for items in splits:
        for opening in (head, text[items[0][0]:items[0][0] + 2] if len(items) > number else ""):
            if (opening and len(items) > number and all(text.startswith(opening, a) for a, _ in items[:number])
                    and not text.startswith(opening, items[number][0])):
                return items[:number]
    return None


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
        while z < len(text) and text[z] not in _ITEM_END:
            z += 1
        more.append((p, z))
        p = z + 1
    return more if len(items) + len(more) == t.number else []


def _marked_items(text, body, first=1):
    """Items of a 一是…二是… list starting within three characters of
    ``body``: each from after its marker to the end of its clause. With
    ``first`` > 1, the list from its marker ``first`` on, anywhere within
    600 characters (二是…三是… after a first item whose marker is garbled)."""
    # 十一是 is read too: an eleventh item makes a list of eleven no list of ten
    marks = list(re.finditer(f"(?:^|[。；;，,：:\\s])(十[{_MARKERS}]|[{_MARKERS}])(是|要|)", text[body:body + 600]))
    marks = [mm for mm in marks if mm.group(2)]
    if first > 1:
        marks = marks[next((k for k, mm in enumerate(marks) if numerals.number(mm.group(1)) == first), len(marks)):]
    if not (marks and numerals.number(marks[0].group(1)) == first and (first > 1 or marks[0].start() < 3)):
        return None
    out = []
    expect = first
    for mm in marks:
        if out and mm.group(1) == "一":
            break                                        # a new list starts: “三突破”：一是…
        if numerals.number(mm.group(1)) != expect:
            continue
        a, z = _first_clause(text, body + mm.end())     # 一是 ¶ 遵循…: a marker on its own line
        if _is_frame(text[a:z]) and text[z:z + 1] in "，,":
            a, z = _first_clause(text, z + 1)           # 一是从今年新学年开始，在…实行…
        out.append(_member(text, a, z))
        expect += 1
    return out if len(out) >= 2 or (out and first > 1) else None


def _garbled_first_marker(t):
    """(4e) a 一是…二是… list after a formulation that ends its sentence,
    whose first marker the page garbled into another character before 是
    (“三不”；车是不迟顿。…二是不慌乱。…三是不失职。): the first item is the
    clause after it, the others follow their markers 二是…; exactly as many
    items as claimed."""
    m = _SENTENCE_END_AFTER.match(t.text, t.qe) if t.number and 2 <= t.number <= 10 else None
    garbled = m and re.compile(f"[{IDEOGRAPH}](?<![{_MARKERS}])是").match(t.text, m.end())
    if not garbled:
        return None
    a, z = _first_clause(t.text, garbled.end())
    rest = _marked_items(t.text, z, first=2)
    return [_member(t.text, a, z)] + rest if rest and len(rest) + 1 == t.number and z > a else None


_SENTENCE_END_AFTER = re.compile(rf"[”」]?[^{STOPS}\r\n“”]{{0,6}}?[。：:；;！!][\s\u3000]*")


_FRAME_ENDS = words("frame_clause_ends")


def _is_frame(clause):
    """Whether ``clause`` only frames the next one (…的基础上, 随着…)."""
    return clause.endswith(_FRAME_ENDS) or clause.startswith("随着")


def _first_clause(text, a):
    """(start, end) of the clause at ``a``, blanks skipped."""
    while a < len(text) and text[a] in " \u3000\u00a0\t\r\n":
        a += 1
    z = a
    while z < len(text) and text[z] not in STOPS + NEWLINES:
        z += 1
    return a, z
