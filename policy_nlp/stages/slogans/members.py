"""The members a text spells out for a formulation: brackets, 即 and colon
lists, 一是… lists, dash items, quoted lists and names, lists before it or
elsewhere in the paragraph (numbered (1)–(11) in the package docstring).
Every search is bounded (a clause, a paragraph's reach) so a page without
punctuation costs linear time."""

import os
import re

from policy_nlp.lang.masks import MASK
from policy_nlp.lang.numerals import DIGITS as _DIGIT
from policy_nlp.lang.words import alternation, word_set, words
from policy_nlp.stages.slogans.counting import _HAN, _LIST_MEASURES, COUNT_PREFIX, NUM_CHARS


# 即 "that is", not the first character of 即将, 即使, 即便, 即可, 即时, 即日, 即刻
# (the 即-lists of members, and of the counts the grammar confirms by them)
_JI = "即(?![将使便可时日刻])"

# file order within a length (a set's order changes from run to run with the hash seed); the
# verbs of existence lead into a list as the other verbs do (存在思想不够解放、作风不够扎实两个不足)
_TRIM_LEAD = tuple(sorted(dict.fromkeys(words("member_leading_words") + words("existence_verbs")),
                          key=len, reverse=True))
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
    """A member ``text[s:e]`` without the whitespace at its ends: a line break
    too, as a hard wrap or a bracket opened at a line's end leaves one
    (（清垃圾、⏎清河道）); one inside a member stays (在⏎线调解)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
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
    at = m.start()
    if at > 1 and seg[at - 1] == seg[at]:
        at -= 1                 # 平等互利和和平共处: the first 和 joins, the second opens 和平
    return items[:-1] + [(a, a + at), (a + at + len(m.group()), b)]


def _noun_pair(text, item):
    """The two parts of ``item`` joined by 和/与/及, each of three characters or
    more (技术创新和制度创新), else None: a shorter first part is most often a
    verb sharing the object (保障和改善民生), and the item one member."""
    parts = _split_last_conj(text, [item])
    return parts if len(parts) == 2 and all(b - a >= 3 for a, b in parts) else None


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
# a verb alone as an item: verbs joined by 和 that govern the formulation
# (倡导和推动共建“一带一路”, 解决…问题和改善两国关系), never a member
_PAIR_VERBS = frozenset(words("pair_verbs"))


def _not_a_member(item):
    """Items that govern the formulation or belong to the text around it:
    ending in a governing verb, a verb alone, opening with an ordinal or
    subject, or with a list marker (二是农村以魔芋、畜牧为主的两大特色)."""
    return (item.endswith(_GOVERNING_END) or item.startswith(_NOT_MEMBER_START)
            or item in _PAIR_VERBS or bool(_LIST_MARKER_START.match(item)))


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
        # a rest shorter than the others may remain (协同高效的药品 -> 药品) unless the
        # others hold a 的 too: parallel phrases (有利于发展…的生产力、有利于增强…的综合国力)
        cut = seg.rfind("的") + 1
        if len(seg) - cut >= (lo if any("的" in m["text"] for m in out[1:]) else min(lo, 2)):
            a += cut
            seg = seg[cut:]
    if len(seg) > hi + 2:
        cut = _after_last_verb(seg, lo, hi)
        a, seg = a + cut, seg[cut:]
    cut = _after_preposition(seg, hi, [m["text"] for m in out[1:]])
    a, seg = a + cut, seg[cut:]
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
    changed, last = not parallel, ""
    while changed and not seg.startswith(_OPENING_NOT_LEAD):    # 对外开放 keeps 对, 有色金属 有
        changed = False
        for w in _TRIM_LEAD:
            if seg.startswith(w) and len(seg) - len(w) >= min(lo, 2):
                a, seg, last = a + len(w), seg[len(w):], w
                changed = True
                break
    if len(last) >= 2 and _far_shorter(len(seg), lo):
        a -= len(last)        # 坚持发展经济、保障和改善民生两手抓: a verb and its object, 经济 no member
    out[0] = _mk(text, a, first["end"])
    return out


def _after_last_verb(seg, lo, hi):
    """Where a long first item starts after the last leading verb in it (…的方针
    强化畜牧、蔬菜、果品; 可以有效解决我市经济主体资本原始积累和政府财力): a rest
    about as long as the other items (``lo`` to ``hi`` characters), or up to
    three times as long with no completed verb in it (完成了××个村 is still a
    clause); 0 when there is none."""
    cuts = [seg.rfind(w) + len(w) for w in _TRIM_LEAD if len(w) >= 2 and w in seg]
    cuts = [c for c in cuts if lo <= len(seg) - c <= hi + 2
            or (lo <= len(seg) - c <= 3 * hi + 2 and "了" not in seg[c:])]
    return max(cuts, default=0)


# prepositions that open the object of the clause's verb inside a first
# member (如果从生产总值、成本…, 已经把京汉、粤汉…): the member starts after the
# last one; words that only open with one (把握, 对外) are no prepositions
_PREPOSITIONS = ("对于", "把", "从", "对", "将")
_NOT_PREPOSITIONS = words("preposition_words")
_OPENING_NOT_LEAD = tuple(w for w in _NOT_PREPOSITIONS if w.startswith(_TRIM_LEAD))   # 对外, 有色


def _after_preposition(seg, hi, others=()):
    """Where a first member ``seg`` starts after its last preposition (not at
    its start), leaving two characters or more and at most two more than the
    longest other member (``hi``); 0 when there is none. A preposition that
    opens one of the ``others`` too opens the member (实现从无到有、从有到优)."""
    best = 0
    for w in _PREPOSITIONS:
        keep = any(o.startswith(w) for o in others)
        for m in re.finditer(re.escape(w), seg):
            end, rest = m.start() if keep else m.end(), len(seg) - m.end()
            if (m.start() > 0 and 2 <= rest <= hi + 2 and not seg.startswith(_NOT_PREPOSITIONS, m.start())
                    and not seg.endswith(_NOT_PREPOSITIONS, 0, end)):
                best = max(best, end)
    return best


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
        lo, hi = self.near()                    # searched within the reach: a long text may hold no \n
        end = self.text.find("\n", self.qe, hi)
        return max(lo, self.text.rfind("\n", lo, self.qs) + 1), hi if end == -1 else end


_COUNTED_HEAD = re.compile(COUNT_PREFIX + "([\u4e00-\u9fff]{1,4})")


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
    got, step = _first_found(target, _MEMBER_STEPS)
    if got:
        return got, step
    got = _known_members_nearby(target, known)
    return (_unqualified(text, _unmasked(text, got)), _known_members_nearby) if got else ([], None)


def _first_found(target, steps):
    """(members, step) of the first of ``steps`` that finds members of
    ``target``, else ([], None); an item that is only blanks is no member
    (即A、B、 ⏎: a list cut at a line break)."""
    unit = _suffix_unit(target)
    for step in steps:
        got = [m for m in step(target) or () if m["text"]]
        if got and not (unit and any(unit not in m["text"] for m in got)):
            return _unqualified(target.text, _unmasked(target.text, got)), step
    return [], None


_SUFFIX_UNITS = word_set("suffix_unit_chars")


def _suffix_unit(target):
    """The suffix character a formulation abbreviates as its unit (化 of
    两化融合, 四化同步: ``suffix_unit_chars.txt``), which each of its members
    holds (信息化、工业化), or None."""
    rest = target.text[target.s:target.e].lstrip(NUM_CHARS)
    return rest[0] if rest and rest[0] in _SUFFIX_UNITS else None


# a place or level word opening only the first member qualifies the whole list
# (我代表特区党委、人大、政府、政协四大班子 -> 党委, as the others name it);
# a list whose other members open with one too (全省、全市, 我市A、我县B) keeps it,
# and so does a first member no longer than another, where the word is part
# of the item's name (新区建设、老城改造两大任务; 全国文明城市、国家卫生城市)
_LIST_QUALIFIERS = tuple(sorted(words("list_qualifiers"), key=len, reverse=True))


def _unqualified(text, members):
    """``members`` with a place or level word left out of the first one when
    it opens only that one, the first is longer than every other and two
    characters or more remain."""
    if len(members) < 2 or any(m["text"].startswith(_LIST_QUALIFIERS) for m in members[1:]):
        return members
    if len(members[0]["text"]) <= max(len(m["text"]) for m in members[1:]):
        return members
    first = members[0]
    q = next((w for w in _LIST_QUALIFIERS if first["text"].startswith(w)), None)
    if q is None or len(first["text"]) - len(q) < 2:
        return members
    return [_mk(text, first["start"] + len(q), first["end"])] + members[1:]


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


_SPEECH_END = re.compile(r"[。！？!?\n]")


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
        if o != -1 and not _SPEECH_END.search(text, o + 1, b - 1):
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


# the openers of a list after a formulation: after a comma (a line break may
# follow it: “五定”，¶即定建设规模…) or before a colon; and, right after the
# formulation, those no copula (三大产业分别为A、B、C; not “再出发”就是要…)
_OPENERS = words("member_openers")
_OPENER = "|".join(_OPENERS).replace("即", _JI)
_DIRECT_OPENER = "|".join(w for w in _OPENERS if w not in words("copulas") and w != "即")
_FOLLOWING_LIST = re.compile(f"[^，。；：:,;（(“”]{{0,8}}?(?:，|,)?(?:{_OPENER})?[：:]"
                             f"|[^，。；：:,;（(“”]{{0,8}}?[，,][ \u3000\n]*(?:{_OPENER})[：:]?"
                             f"|[”」]?(?:{_DIRECT_OPENER})[：:]?")


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
    # wins (A，B、C，D: commas between items that hold 、; 保A，压B；保C，压D: pairs
    # of members between semicolons); else ； over 、
    seg = text[body:end]
    splits = []
    for seps in ("；;", "、", "，,", "；;，,"):
        if all(any(c in seg for c in kind) for kind in (seps[:2], seps[2:]) if kind):
            items = _split_items(text, body, end, seps)
            if number and len(items) == number - 1:
                items = _split_last_conj(text, items)
            splits.append(items)
    if not splits and number == 2:
        splits.append(_split_last_conj(text, [(body, end)]))   # 即A和B
    items = next((x for x in splits if number and len(x) == number),
                 _head_opening_items(text, splits, number, t.head())
                 or _last_item_split(text, splits[0] if splits else [], number)
                 or (splits[0] if splits and not (number == 2 and not ("、" in seg or "；" in seg))
                     and not _across_clauses(text, splits[0]) else []))
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
        while z < len(text) and text[z] not in "，。；,;\n":
            z += 1
        more.append((p, z))
        p = z + 1
    return more if len(items) + len(more) == t.number else []


def _marked_items(text, body, first=1):
    """Items of a 一是…二是… list starting within three characters of
    ``body``: each from after its marker to the end of its clause. With
    ``first`` > 1, the list from its marker ``first`` on, anywhere within
    600 characters (二是…三是… after a first item whose marker is garbled)."""
    marks = list(re.finditer(f"(?:^|[。；;，,：:\\s])([{_MARKERS}])(是|要|)", text[body:body + 600]))
    marks = [mm for mm in marks if mm.group(2)]
    if first > 1:
        marks = marks[next((k for k, mm in enumerate(marks) if _DIGIT.get(mm.group(1)) == first), len(marks)):]
    if not (marks and _DIGIT.get(marks[0].group(1)) == first and (first > 1 or marks[0].start() < 3)):
        return None
    out = []
    expect = first
    for mm in marks:
        if out and mm.group(1) == "一":
            break                                        # a new list starts: “三突破”：一是…
        if _DIGIT.get(mm.group(1)) != expect and not (expect == 10 and mm.group(1) == "十"):
            continue
        a, z = _first_clause(text, body + mm.end())     # 一是 ¶ 遵循…: a marker on its own line
        if _is_frame(text[a:z]) and text[z:z + 1] in "，,":
            a, z = _first_clause(text, z + 1)           # 一是从今年新学年开始，在…实行…
        out.append(_mk(text, a, z))
        expect += 1
    return out if len(out) >= 2 or (out and first > 1) else None


def _garbled_first_marker(t):
    """(4e) a 一是…二是… list after a formulation that ends its sentence,
    whose first marker the page garbled into another character before 是
    (“三不”；车是不迟顿。…二是不慌乱。…三是不失职。): the first item is the
    clause after it, the others follow their markers 二是…; exactly as many
    items as claimed."""
    m = _SENTENCE_END_AFTER.match(t.text, t.qe) if t.number and 2 <= t.number <= 10 else None
    garbled = m and re.compile(f"[\u4e00-\u9fff](?<![{_MARKERS}])是").match(t.text, m.end())
    if not garbled:
        return None
    a, z = _first_clause(t.text, garbled.end())
    rest = _marked_items(t.text, z, first=2)
    return [_mk(t.text, a, z)] + rest if rest and len(rest) + 1 == t.number and z > a else None


# a formulation of units that each count one (一带一路, 一事一议, 一企一技术)
_ONE_UNITS = re.compile("(?:一[^一、，。\\s]{1,3}){2,}")


def _unquoted_list_before(t):
    """(5) an unquoted list right before whose count equals the number (a
    pair may be split by a comma: 围绕农业发展,农民增收两大目标); a parallel
    compound that is the whole last item is the members (6). Items of which
    one, a word, opens another are a qualifier that a list repeats, the
    formulation inside one of its items (智慧林业产业、智慧林业两化融合、…),
    and no members (东、中、西、东北地区四大板块 are)."""
    if _ONE_UNITS.fullmatch(t.text, t.s, t.e):
        return None                 # 参与共建“一带一路”, 研发和产业化方面一事一议: the units name its parts
    compound = _parallel_compound_before(t)
    if compound and t.text[compound[0]["start"] - 1:compound[0]["start"]] in "、，,；;和与及":
        return compound             # 以国内大循环为主体、国内国际双循环, …中心节点和国内国际双循环: the last item is the compound
    got = _list_before(t.text, t.qs, t.number, commas=not t.quoted)
    if any(m is not n and len(m["text"]) > 1 and n["text"].startswith(m["text"]) for m in got for n in got):
        return None                 # 智慧林业产业、智慧林业两化融合: a qualifier repeated, not members
    return got


# a sibling count right before a formulation, of the same number (国际国内
# 两个市场两种资源, 两个市场、两种资源): both count the same members
_SIBLING_COUNT = re.compile(f"[{NUM_CHARS}](?:{'|'.join(_LIST_MEASURES)})?[\u4e00-\u9fff]{{1,3}}[、和与及]?$")


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


def _still_a_clause(first, others):
    """Whether a trimmed first member still opens with a leading verb of two
    characters or more (too short a rest to lose it: 开展村) while no other
    member opens with one (a parallel list of verb phrases keeps them); a
    verb with a short object beside far longer members is one member
    (发展经济、保障和改善民生: see :func:`_trimmed_items`)."""
    lead = next((w for w in _TRIM_LEAD if len(w) >= 2 and first.startswith(w) and len(first) > len(w)), None)
    if lead is not None and _far_shorter(len(first) - len(lead), min(len(m["text"]) for m in others)):
        return False
    return (lead is not None and not first.startswith(_OPENING_NOT_LEAD)
            and not any(m["text"].startswith(_TRIM_LEAD) for m in others))


def _far_shorter(length, shortest):
    """Whether a part of ``length`` characters is far shorter than the others
    (``shortest``: the shortest of them): two characters or fewer, the others
    three times as long or more. Such a part is no member of its own: the
    object left by a leading verb (发展经济 -> 经济), a last item qualifying the
    formulation (…和工业“三废”)."""
    return length <= 2 and shortest >= 3 * length


def _ends_with_count(item, number):
    """Whether ``item`` ends with a count of ``number`` (…国内国外两种资源)."""
    found = _SIBLING_COUNT.search(item)
    return bool(found) and found.group()[-1] not in "、和与及" and _count_of(found.group()[0]) == number


def _count_of(numeral):
    """The number a one-character numeral stands for (两, 双 -> 2)."""
    return 2 if numeral in "两双" else _DIGIT.get(numeral)


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
    stop = text.find("\n", qe, qe + 600)
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


# a sentence that is nothing but a short 、-list (人才、企业、外部环境。), maybe the text's last
_BARE_LIST = re.compile(r"[ \u3000]*([\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+)(?:[。；;\n]|$)")


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
    return [_mk(t.text, a, z) for a, z in items]


def _ordinal_list_next_sentence(t):
    """(4c) as (4b), a list of ordinals of another style opening the next
    sentence or paragraph (:func:`_ordinal_items`): 着重抓好以下三项工作。¶
    第一，依法整顿经济秩序，… Members only: such a list confirms no count
    (我提出4点倡议。第一，… is the speaker's own points)."""
    m = _SENTENCE_END_AFTER.match(t.text, t.qe) if t.number else None
    return _ordinal_items(t.text, m.end(), t.number) if m else None


# ordinal markers of the items after a formulation ending its sentence, each
# style a pattern of the number k (a Chinese numeral or digits): 第一，/第一步，,
# （一）, 1. / 1、 / （1）, and 一、 at the start of a line (a section heading)
_ORDINAL_STYLES = ("第{k}步?[、，,：:]", "[（(]{k}[）)]", "{d}[.．、]", "[（(]{d}[）)]")
_ORDINAL_REACH = 3000   # characters from one marker to the next: items are paragraphs
# a heading of the enclosing outline (三、 or （二） opening a line, numbered two or
# more, with no 一、 or （一） of its style before it: a nested list of the last item
# starts at one): the list of the items before it has ended, and a marker after
# it that continues the numbering (4. in （二）'s own list) is no further item
_OUTLINE_HEADING = re.compile(f"\\n[ \\u3000\\u00a0\\t]*(?:([{_MARKERS}]{{1,2}})、|[（(]([{_MARKERS}]{{1,2}})[）)])")


def _ordinal_marker(text, p, style, k):
    """The end of ordinal ``k`` of ``style`` at ``p`` (blanks skipped), or None."""
    while p < len(text) and text[p] in " \u3000\u00a0\t\n":
        p += 1
    if k not in _NUMERALS:
        return None
    pattern = style.format(k=_NUMERALS[k], d=k)
    m = re.compile(pattern).match(text, p)
    return m.end() if m else None


def _ordinal_items(text, body, number):
    """Items of a list of ``number`` paragraphs or sentences opening with
    ordinals of one style (第一，…第二，…; （一）…（二）…; 1.…2.…; 一、… on its own
    line), the first at ``body``: each from after its marker to the end of its
    first clause. None when the list goes on past ``number``."""
    if not number or not 2 <= number <= 10:
        return None
    styles = _ORDINAL_STYLES + (("{k}、",) if "\n" in text[max(0, body - 6):body + 1] else ())
    style = next((x for x in styles if _ordinal_marker(text, body, x, 1)), None)
    if style is None:
        return None
    out, p = [], body
    for k in range(1, number + 2):
        end = _outline_heading(text, p, style) if k > number else len(text)
        a = _next_ordinal(text, p, style, k, end) if k > 1 else _ordinal_marker(text, body, style, 1)
        if a is None:
            break
        if k > number:
            return None                                  # more items than claimed
        a, z = _first_clause(text, a)
        if _is_frame(text[a:z]) and text[z:z + 1] in "，,":
            a, z = _first_clause(text, z + 1)       # 在发展生产的基础上，继续增加…
        out.append(_mk(text, a, z))
        p = z
    return out if len(out) == number and all(m["text"] for m in out) else None


# what may stand between a formulation and the clauses that spell it out
# (“两个维护”，坚决维护…，坚决维护…; “三个不发生”：不发生…；不发生…)
_CLAUSES_AFTER = re.compile(r"[”」]?(?:[，,：:；;。]|[，,]?即[：:]?)[ \u3000\n]*")
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
        while z < len(text) and text[z] not in "，。；,;\n" and z - a <= _HEAD_CLAUSE_MAX:
            z += 1
        if z - a > _HEAD_CLAUSE_MAX:
            return None
        out.append(_mk(text, a, z))
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


_FRAME_ENDS = words("frame_clause_ends")


def _is_frame(clause):
    """Whether ``clause`` only frames the next one (…的基础上, 随着…)."""
    return clause.endswith(_FRAME_ENDS) or clause.startswith("随着")


def _first_clause(text, a):
    """(start, end) of the clause at ``a``, blanks skipped."""
    while a < len(text) and text[a] in " \u3000\u00a0\t\n":
        a += 1
    z = a
    while z < len(text) and text[z] not in "，。；：,;:!?！？\n":
        z += 1
    return a, z


def _next_ordinal(text, p, style, k, end=None):
    """The end of ordinal ``k`` opening a sentence or line within
    :data:`_ORDINAL_REACH` characters after ``p`` and before ``end``, or None."""
    if k not in _NUMERALS:
        return None
    pattern = re.compile("[。；;！？!?\n][ \u3000\u00a0\t\n]*" + style.format(k=_NUMERALS[k], d=k))
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
        elif kind not in opened and not _ordinal_marker(text, m.start() + 1, style, _DIGIT.get(numeral[0])):
            return m.start()                         # (of the list's own style: its next item)
    return len(text)


_NUMERALS = dict([(v, k) for k, v in _DIGIT.items() if k in _MARKERS] + [(10, "十")])


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


_PAIR_RELATIONS = tuple(words("pair_relation_words"))


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
        if len(set(parts)) != number or text.startswith(_PAIR_RELATIONS, found.end()):
            continue                    # 创新与创业结合、孵化与投资结合: a pair of a list of pairs
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


# steps that read a definition (brackets, 即/：/一是 lists, dash items, named
# parts): their members hold for every mention of the formulation; a list
# right before one mention may be that mention's modifiers (村、社区“两委”)
_DEFINING_STEPS = frozenset((_in_brackets_after, _quoted_list_before, _following_list,
                             _marked_list_next_sentence, _bare_list_next_sentence, _ordinal_list_next_sentence,
                             _head_clauses_after,
                             _garbled_first_marker, _dash_items_after, _quoted_names_with_head_later,
                             _quoted_head_final_list_nearby))
# the lists that define a formulation rather than enumerate a quantity: 即/：-lists,
# 一是… and ——-items after it, a quoted or bracketed list before it (a bracket
# after a count most often lists what it counts: 其它3个领域（BA、BB、BC）)
_DEFINING_LISTS = frozenset((_following_list, _marked_list_next_sentence, _bare_list_next_sentence,
                             _dash_items_after,
                             _quoted_list_before, _in_brackets_before))

_MEMBER_STEPS = (_in_brackets_after, _quoted_list_before, _list_before_deng, _following_list,
                 _marked_list_next_sentence, _bare_list_next_sentence, _ordinal_list_next_sentence, _head_clauses_after,
                 _garbled_first_marker, _dash_items_after,
                 _in_brackets_before,
                 _unquoted_list_before, _subject_list, _parallel_compound_before, _sibling_count_before,
                 _written_together_earlier,
                 _head_initial_list_later, _quoted_names_with_head_later,
                 _quoted_head_final_list_nearby, _head_final_list_nearby, _head_initial_words_nearby)


# the steps that read members the text spells out right at a count, before it
# (A、B两个X, A和B这两个X) or after it (X：A、B; X，即A、B; X（A、B）; X。A、B。;
# X：一是…二是…): what confirms a count of a set head (grammar._set_confirmed)
_SPELLED_OUT = frozenset((_in_brackets_after, _following_list, _marked_list_next_sentence,
                          _bare_list_next_sentence, _unquoted_list_before, _subject_list))
# the member steps up to the last of those: a later step's list is no spelled-out one
_SPELLED_OUT_STEPS = _MEMBER_STEPS[:max(map(_MEMBER_STEPS.index, _SPELLED_OUT)) + 1]


# ... of those, the lists before the count (A、B两个X; A和B这两个X)
_SPELLED_OUT_BEFORE = frozenset((_unquoted_list_before, _subject_list))


def _spelled_out_members(text, s, e, number, terms=frozenset(), before_only=False):
    """The members of the formulation at [s, e) when the first member step
    that finds any reads them spelled out right at it (:data:`_SPELLED_OUT`;
    with ``before_only``, right before it: :data:`_SPELLED_OUT_BEFORE`),
    else []: as :func:`_members_and_step`, without running the later steps
    (:func:`_written_together_earlier` reads all the text before the count,
    which made every unconfirmed count of a set head cost a pass over a long
    line)."""
    got, step = _first_found(_Target(text, s, e, number, False, terms), _SPELLED_OUT_STEPS)
    return got if step in (_SPELLED_OUT_BEFORE if before_only else _SPELLED_OUT) else []


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


_YI_WEI_FRAME = re.compile("以([^以，。；：,;:]{3,60}?)为(?:主|重点|核心|主体|代表|龙头|主导)$")


# A list separator right before a formulation, or a conjunction or preposition right
# before its opening quote, makes it one item of the list before (村级换届、茶山整治、
# “两违”等) or the object of a clause (区委、区政府对“两委”换届的要求), not the head of
# that list. (Before an unquoted count these characters end words: 区域协同两大任务.)
_SEPARATORS = frozenset("、，,；;")
_SIBLING_BEFORE = frozenset("和与及或同对向把被将给从")


# an attributive phrase (two characters or more, 的, three or more) ending
# the second of two items qualifies what follows it (…、光荣当选的新一届村“两委”,
# 相互促进的国内国际双循环) unless the first item is one too (党委的主体责任和
# 纪委的监督责任“两个责任”: parallel members); longer lists are parallel enough to
# keep theirs (…、有利于提高人民的生活水平“三个有利于”), and 党的领导 is no such phrase
_MODIFIER_PHRASE = re.compile(r"[\u4e00-\u9fff]{2,}的[\u4e00-\u9fff]{3,}")


# a list that is the subject of the formulation's clause ends before its
# predicate: adverbs, then a verb of result right before the formulation
# (…二氧化硫排放总量近年来首次出现双下降) or a copula and a short complement
# ending in 的 (和平与发展仍然是当今世界面临的两大主题); 是 not in 但是, 还是…
_ADVERBS = f"(?:{alternation('predicate_adverbs')})*"
_RESULT_PREDICATE = re.compile(f"{_ADVERBS}(?:{alternation('list_predicates')})?$")
_COPULA_PREDICATE = re.compile(f"{_ADVERBS}(?:{alternation('copulas')}|成为|作为)"
                               "(?<![但还于或凡若要求总]是)(?!否)[^、，,；;“”]{0,16}$")
# ... without 的, a copula and a complement of six characters at most (和平与发展仍然是
# 当今世界两大主题)
_COPULA_SHORT = re.compile(f"{_ADVERBS}(?:{alternation('copulas')})(?<![但还于或凡若要求总]是)(?!否)[^、，,；;“”的]{{0,6}}$")


def _predicate_start(text, cs, b, after_de):
    """Where the predicate of a subject list in ``text[cs:b]`` starts (the
    list ends there), or ``b``: a copula clause only before 的 (``after_de``),
    and never fewer than two characters left of the last item."""
    tail_start = max(cs, max(text.rfind(c, cs, b) for c in "、和与及") + 1)
    tail = text[tail_start:b]
    found = (_COPULA_PREDICATE if after_de else _RESULT_PREDICATE).search(tail)
    if found is None or found.start() == len(tail):
        found = None if after_de else _COPULA_SHORT.search(tail)
    if found is None or found.start() < 2 or found.start() == len(tail) or _cuts_a_word(tail, found.start()):
        return b
    return tail_start + found.start()


# words ending in an adverb of predicate_adverbs (可持续, 成都, 人均)
_ADVERB_WORD_ENDS = words("adverb_word_ends")


def _cuts_a_word(tail, cut):
    """Whether ``cut`` falls inside a word of :data:`_ADVERB_WORD_ENDS` in ``tail``."""
    return any(0 <= p < cut for w in _ADVERB_WORD_ENDS for p in [tail.rfind(w, 0, cut + len(w))]
               if p + len(w) > cut)


# words closing a list before its name (…在内的六项保障措施, …等所谓“五毒”): no part of its last member
_LIST_CLOSERS = tuple(words("list_closing_words"))


def _list_before(text, qs, number, commas=False):
    """Members from an unquoted list right before ``qs`` (``A、B和C`` +
    formulation, or ``A、B、C这`` + formulation) whose item count equals
    ``number``; [] otherwise. A leading item of digits or numerals only (a
    page or list marker: ``2、``, ``三、``) is not a member. With ``commas``, a pair may be split by
    a comma (:func:`_comma_pair_before`)."""
    if not number:
        return []
    before = text[qs - 1:qs]
    if before in _SEPARATORS or (before in _SIBLING_BEFORE and text[qs:qs + 1] in "“「"):
        return []                       # 茶山整治、“两违”等: the formulation is an item itself
    b = qs
    after_de = text[b - 1:b] == "的"
    if text[b - 1:b] in ("的", "这"):
        b -= 1
    b -= len(next((w for w in _LIST_CLOSERS if b >= len(w) and text.startswith(w, b - len(w))), ""))
    cs = _clause_start(text, b)
    # 以魔芋、畜牧为主的两大特色: the list between 以 and 为主/为重点…
    frame = _YI_WEI_FRAME.search(text, cs, b)
    if frame:
        cs, b = frame.start(1), frame.end(1)
    else:
        b = _predicate_start(text, cs, b, after_de)
    if b - cs < 2:
        return []
    items = _split_items(text, cs, b, "、")
    lead = text[items[0][0]:items[0][1]].strip() if items else ""
    if len(items) > 1 and lead and all(c.isdigit() or c in NUM_CHARS for c in lead):
        items = items[1:]                   # a list or page marker: 2、 or 三、
    if len(items) == number - 1 or (len(items) == 1 and number == 2):
        items = _split_last_conj(text, items)
    elif number == 2 and len(items) == 2 and _noun_pair(text, items[1]):
        items = _noun_pair(text, items[1])     # …有机结合、技术创新和制度创新双轮驱动: the last item is the pair
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
        if got[-1]["text"] in _LIST_QUALIFIERS and first not in _LIST_QUALIFIERS:
            return []                   # 党的二十大和全国“两会”: 全国 is the formulation's scope
        if number == 2 and _MODIFIER_PHRASE.search(got[-1]["text"]) and not _MODIFIER_PHRASE.search(first):
            return []                   # …、光荣当选的新一届村“两委”: the last item qualifies the formulation
        if _still_a_clause(first, got[1:]):
            return []                   # 全面开展村、社区“两委”: 开展村 is no member
        if any(_ends_with_count(g["text"], number) for g in got):
            return []                   # 利用国内国外两种资源、开拓国内国外两个市场: sibling clauses
        if _far_shorter(len(got[-1]["text"]), min(len(g["text"]) for g in got[:-1])):
            return []                   # …大气污染防治和工业“三废”治理: 工业 qualifies the formulation
        if any(_clause_in_item(g["text"], g is got[-1]) for g in got[1:]):
            return []                   # 省级、地市级医保部门在国家“两库”: the list is a clause's subject
        if (len(got) == number and all(len(g["text"]) <= 20 for g in got)
                and len(first) <= 3 * others + 2 and "了" not in first and "“" not in first[1:]
                and not any(_not_a_member(g["text"]) for g in got)):
            return got
    return []


# a list closed by 等 with its head noun (众创空间等载体打造数字文化“双创”), or a
# preposition inside a later item (地市级医疗保障部门探索向社会公开“两库”): the
# items are a clause's subject, the formulation the object of its verb; so is one
# the last item ends with (技术委员会在两化融合管理体系…)
_CLAUSE_PART = re.compile("[在向为](?=[\u4e00-\u9fff])")
_CLAUSE_PART_LAST = re.compile("[等在向为](?=[\u4e00-\u9fff])|[在向为]$")
_CLAUSE_WORD_PARTS = tuple(words("clause_word_parts"))


def _clause_in_item(item, last):
    """Whether ``item`` (not a first item) holds 在, 向 or 为 after its first
    character and before another, outside a word of ``clause_word_parts``
    (存在, 方向, 行为); the ``last`` item 等 too (an earlier item may hold a
    frame: 借调研培训等名义公款旅游), or 在, 向 or 为 as its last character,
    a preposition whose object is the formulation. 为 after 以 is the frame
    以…为… (以企业为主体、以市场为导向), no clause."""
    for m in (_CLAUSE_PART_LAST if last else _CLAUSE_PART).finditer(item, 1):
        p = m.start()
        if item[p] == "为" and "以" in item[:p]:
            continue
        if not any(item.startswith(w, q) for w in _CLAUSE_WORD_PARTS
                   for q in range(max(0, p - len(w) + 1), p + 1) if w[p - q] == item[p]):
            return True
    return False


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


def _quoted_run_before(text, i, number, terms=frozenset()):
    """``text[:i]`` ends with a quoted run of ``number`` single characters
    that is no known term (“红橙黄蓝”四色预警, not “证照分离”四项改革)."""
    o = i - 2 - number
    return (2 <= number <= 10 and o >= 0 and text[o] in "“「" and text[i - 1] in "”」"
            and bool(_HAN_RUN.fullmatch(text, o + 1, i - 1)) and text[o + 1:i - 1] not in terms
            and not any(c in NUM_CHARS for c in text[o + 1:i - 1]))   # “两筛”“两癌”: a sibling
