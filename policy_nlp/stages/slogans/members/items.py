"""The clause and item grammar every member step shares: a member dict
(:func:`_member`), items split at 、/，/；(outside brackets) and at a last 和/与/及,
lead-in verbs trimmed from a first item, the items that are no members (a
governing verb, a subject, a list marker), the start of a clause, and the
formulation sought (:class:`_Target`, with its reach). Lowest of the members
modules: it imports none of them."""

import os
import re

from policy_nlp.lang.chars import IDEOGRAPH, STOPS, after_spaces, before_spaces
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.lang.words import alternation, words
from policy_nlp.segment.engines import dictionary_words
from policy_nlp.stages.slogans.counting import COUNT_PREFIX, NUM_CHARS


# file order within a length (a set's order changes from run to run with the hash seed); the
# verbs of existence lead into a list as the other verbs do (存在思想不够解放、作风不够扎实两个不足)
_TRIM_LEAD = tuple(sorted(dict.fromkeys(words("member_leading_words") + words("existence_verbs")),
                          key=len, reverse=True))


_LEAD_MAX = 4  # the longest lead-in (verbs, adverbs) cut from a first member
# what ends a clause that opens with the formulation's head, one item of the list the
# clauses after it write out (确保A，确保B，确保C。): a comma, a semicolon, a full stop, a line break
_ITEM_END = "，,；;。\n"


_TRIM_LEAD_VERBS = tuple(w for w in _TRIM_LEAD if len(w) >= 2)   # 推进, 加强: no 以, 和, 要


# the conjunctions that join a list's last item (A、B和C, A、B以及C); the one-character ones
# (和与及), and what stands between two items: 、 or one of them
_CONJUNCTIONS = alternation("list_conjunctions")
_AND_CHARS = "".join(word for word in words("list_conjunctions") if len(word) == 1)
_ITEM_JOINTS = "、" + _AND_CHARS


def _trim_first(item):
    changed = True
    while changed and item:
        changed = False
        for w in _TRIM_LEAD:
            if item.startswith(w) and len(item) > len(w):
                item = item[len(w):]
                changed = True
                break
    return item


def _member(text, s, e):
    """A member ``text[s:e]`` without the whitespace at its ends: a line break
    too, as a hard wrap or a bracket opened at a line's end leaves one
    (（清垃圾、⏎清河道）); one inside a member stays (在⏎线调解)."""
    s = after_spaces(text, s, e)
    e = before_spaces(text, e, s)
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
    """Split the last item at 和/与/及/以及 (A、B和C): at the last of them, or,
    in a list of verb phrases (most items between the first and the last open
    with a leading verb),
    at the last that a leading verb follows (…、优化产业发展环境、健全人才培养
    体系和推进国际及港澳台交流合作: the 及 joins two words of an item)."""
    if not items:
        return items
    a, b = items[-1]
    seg = text[a:b]
    joints = [j for j in re.finditer(_CONJUNCTIONS, seg) if not _joins_nothing(seg, j.start())]
    middle = items[1:-1]                  # the first item holds the lead-in (提出了包括加强…)
    verbs = sum(text.startswith(_TRIM_LEAD_VERBS, x) for x, _ in middle)
    before_verb = [j for j in joints if seg.startswith(_TRIM_LEAD_VERBS, j.end())] if verbs * 2 > len(middle) else []
    m = (before_verb or joints or [None])[-1]
    if m is None or m.start() == 0 or m.end() == len(seg):
        return items
    at = m.start()
    if at > 1 and seg[at - 1] == seg[at]:
        at -= 1                 # 平等互利和和平共处: the first 和 joins, the second opens 和平
    return items[:-1] + [(a, a + at), (a + at + len(m.group()), b)]


# An unquoted list right before a formulation is often the verbs that govern
# it (全面准确、坚定不移贯彻“一国两制”) or an event that precedes it (第三届…),
# not its members: such items end in a governing verb or start with an
# ordinal or a subject.
_GOVERNING_END = words("governing_verbs")


_JOINT_WORDS = words("joint_word_parts")


def _in_word(text, p, vocabulary, lo=0):
    """Whether the character ``text[p]`` is inside a word of ``vocabulary``
    written in ``text`` from ``lo`` on: a function word that is part of a word
    (the 与 of 参与, the 以 of 可以, the 在 of 存在), not a word of its own."""
    return any(text.startswith(w, p - k) for w in vocabulary
               for k in range(min(p - lo, len(w) - 1) + 1) if w[k] == text[p])


def _joins_nothing(seg, at):
    """Whether the 和, 与 or 及 at ``seg[at]`` is inside a word of
    ``joint_word_parts`` (参与, 普及, 和平): it joins no two items."""
    return _in_word(seg, at, _JOINT_WORDS)


# ... and a determiner opening a relative clause around the list (determiner_openings.txt)
_NOT_MEMBER_START = ("第", "我们", "各级", "要", "其", "成功", "并") + words("determiner_openings")


_LIST_MARKER_START = re.compile(f"[{ITEM_NUMERALS}](?:是|要)")


def _past_marker(text, a, z, marker):
    """Where the item ``text[a:z]`` starts after the ``marker`` (a compiled
    pattern: 一是, 二要, 第三，) opening it, when two characters or more
    remain; else ``a``."""
    m = marker.match(text, a, z)
    return m.end() if m and z - m.end() >= 2 else a


# a verb alone as an item: verbs joined by 和 that govern the formulation
# (倡导和推动共建“一带一路”, 解决…问题和改善两国关系), never a member
_PAIR_VERBS = frozenset(words("pair_verbs"))


def _not_a_member(item, governs=True):
    """Items that govern the formulation or belong to the text around it:
    ending in a governing verb (where the item may ``governs`` it), a verb
    alone, opening with an ordinal, subject or determiner (那些重犯行贿), or
    with a list marker (二是农村以魔芋、畜牧为主的两大特色)."""
    return ((governs and item.endswith(_GOVERNING_END)) or item.startswith(_NOT_MEMBER_START)
            or item in _PAIR_VERBS or bool(_LIST_MARKER_START.match(item)))


def _trimmed_items(text, items):
    """Member dicts; the first item loses the verbs and prepositions that
    lead into the list (尽快拿出岗位责任制 -> 岗位责任制), but never becomes
    shorter than the shortest other item."""
    out = [_member(text, a, b) for a, b in items]
    out = [m for m in out if m["text"]]
    if len(out) < 2:
        return out
    others = [m["text"] for m in out[1:]]   # the items the first is measured against
    lo, hi = min(map(len, others)), max(map(len, others))
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
        if len(seg) - cut >= (lo if any("的" in o for o in others) else min(lo, 2)):
            a += cut
            seg = seg[cut:]
    if len(seg) > hi + 2:
        cut = _kept_verb(seg, _after_last_verb(seg, lo, hi), hi, others)
        a, seg = a + cut, seg[cut:]
    cut = _after_preposition(seg, hi, others)
    a, seg = a + cut, seg[cut:]
    cut = _after_aspect_verb(seg)
    a, seg = a + cut, seg[cut:]
    # items that all open with the same words (守住不发生A、不发生B、不发生C
    # “三个不发生”): the first starts where its shared opening does (two other
    # items at least: one item alone shares all of itself)
    shared = os.path.commonprefix(others) if len(out) >= 3 else ""
    cut = seg.find(shared) if len(shared) >= 2 else -1
    if 0 < cut <= _LEAD_MAX:
        a += cut
        seg = seg[cut:]
    # parallel lists of verb phrases (推进…、完成…、维护…) keep their verbs
    parallel = sum(1 for o in others if o.startswith(_TRIM_LEAD)) * 2 >= len(out) - 1
    if parallel:                          # keep the last verb: 为实现推进… -> 推进…
        changed = True
        while changed:
            changed = False
            for w in _TRIM_LEAD:
                if seg.startswith(w) and seg[len(w):].startswith(_TRIM_LEAD) and not _verb_noun_rest(seg, w):
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
    known = dictionary_words() if a > first["start"] and seg.startswith("好") and len(seg) >= 3 else ()
    if known and seg[:2] not in known:
        a, seg = a + 1, seg[1:]           # 统筹好发展和安全两件大事: 好 completes the verb cut (not 好人好事)
    if len(last) >= 2 and _verb_with_object(len(last), len(seg), others):
        a -= len(last)        # 坚持发展经济、保障和改善民生两手抓: a verb and its object, 经济 no member
    a += _before_parallel_rest(seg, others)
    a += _after_collective(text[a:first["end"]])
    out[0] = _member(text, a, first["end"])
    return out


_PARALLEL_OPENING_VERBS = words("parallel_opening_verbs")
_QUALIFIED_MAX = 3   # the widest members (创新链) whose longer first one holds a qualifier of them all


def _before_parallel_rest(seg, others):
    """Where a first member ``seg`` starts when two ``others`` or more are
    parallel to it: after a verb of ``parallel_opening_verbs`` whose rest is
    as wide as they are (建设庭审公开、文书公开、执行公开; 创新教、科、研;
    whitespace aside) while no more than half of them open with a verb; or,
    four others or more as wide as each other (``w``, three characters at
    most) and ending as ``seg`` does, ``w`` from its end when it is more than
    two characters wider (大中小企业创新链、产业链、供应链…: a qualifier of them
    all; wider members are whole names, 社会主义核心价值观教育、理想教育、
    法治教育…); 0 otherwise."""
    bare = ["".join(o.split()) for o in others]
    if len(bare) < 2 or "".join(seg.split()) != seg:
        return 0                                  # a line break inside seg: widths are not comparable
    widths = sorted(len(o) for o in bare)
    verb = next((v for v in _PARALLEL_OPENING_VERBS if seg.startswith(v)), "")
    if (verb and widths[0] <= len(seg) - len(verb) <= widths[-1]
            and sum(o.startswith(_TRIM_LEAD + _PARALLEL_OPENING_VERBS) for o in bare) * 2 <= len(bare)):
        return len(verb)
    w = widths[0]
    if (len(bare) >= 4 and w == widths[-1] <= _QUALIFIED_MAX
            and len({o[-1] for o in bare} | {seg[-1]}) == 1 and len(seg) > w + 2):
        return len(seg) - w
    return 0


def _verb_noun_rest(seg, w):
    """Whether the verb ``w`` (two characters or more) opening ``seg`` governs
    a rest whose own leading word leaves two characters or fewer: a noun
    rather than a verb phrase (加强组织领导: 组织领导), kept with its verb."""
    rest = seg[len(w):]
    v = next((v for v in _TRIM_LEAD_VERBS if rest.startswith(v)), "")
    return len(w) >= 2 and len(v) >= 2 and len(rest) - len(v) <= 2


# a verb with the aspect particle 着 (结合着, 围绕着, 随着) is the clause's verb governing the
# list, not a part of its first member, wherever the member's words before it start (国务院结合着…)
# and when an earlier cut took the verb and left 着 alone; 着 opening a word of the dictionary
# (着力, 着眼, 着装) is none, nor one ending a word of zhe_words (执着, 衣着)
_ASPECT = re.compile(f"(?:^|(?<=[{IDEOGRAPH}]))着")
_NOT_ASPECT = tuple(words("zhe_words"))


def _after_aspect_verb(seg):
    """Where a first member ``seg`` starts after the last aspect particle 着
    in it (结合着积累与消费和农轻重这两大比例关系 -> 积累与消费; 要围绕着改革、
    发展、稳定三件大事 -> 改革, the verb cut before), when two characters or
    more remain; 0 when there is none."""
    known = dictionary_words()
    cuts = [m.end() for m in _ASPECT.finditer(seg)
            if len(seg) - m.end() >= 2 and seg[m.start():m.end() + 1] not in known
            and not seg.endswith(_NOT_ASPECT, 0, m.end())]
    return cuts[-1] if cuts else 0


_COLLECTIVE_WORDS = tuple(words("collective_quantifiers"))
_COLLECTIVES = re.compile("|".join(_COLLECTIVE_WORDS))
_WORDS_ENDING_YI = tuple(words("words_ending_yi"))


def _after_collective(seg):
    """Where a first member ``seg`` starts after the last quantifier of a
    collective in it (一批研发投入占比高 -> 研发投入占比高), when two characters
    or more remain; 0 when there is none. A 一 that ends a word of
    ``words_ending_yi`` opens none (统一支撑平台, 第一批试点)."""
    cut = max((m.end() for m in _COLLECTIVES.finditer(seg)
               if not seg.endswith(_WORDS_ENDING_YI, 0, m.start() + 1)), default=0)
    return cut if len(seg) - cut >= 2 else 0


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


def _kept_verb(seg, cut, hi, others):
    """``cut`` (where a long first member starts after its last leading verb)
    moved back before that verb when every other member opens with a leading
    verb and the verb fits within their width: parallel verb phrases keep
    their verbs (把实行科学民主决策、推进依法行政、加强行政监督作为…三项基本准则,
    gwr 2007)."""
    verb = next((w for w in _TRIM_LEAD_VERBS if cut >= len(w) and seg.endswith(w, 0, cut)), "")
    if verb and all(o.startswith(_TRIM_LEAD_VERBS) for o in others) and len(seg) - cut + len(verb) <= hi + 2:
        return cut - len(verb)
    return cut


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


def _clause_start(text, i, stops=STOPS + "\n"):
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


_COUNTED_HEAD = re.compile(COUNT_PREFIX + f"([{IDEOGRAPH}]{{1,4}})")


# a place or level word opening only the first member qualifies the whole list
# (我代表特区党委、人大、政府、政协四大班子 -> 党委, as the others name it);
# a list whose other members open with one too (全省、全市, 我市A、我县B) keeps it,
# and so does a first member no longer than another, where the word is part
# of the item's name (新区建设、老城改造两大任务; 全国文明城市、国家卫生城市)
_LIST_QUALIFIERS = tuple(sorted(words("list_qualifiers"), key=len, reverse=True))


# verbs of two characters or more that open a verb-object member (扩大开放)
_OPENING_VERBS = tuple(sorted({w for w in (*_PAIR_VERBS, *_TRIM_LEAD_VERBS) if len(w) >= 2}, key=len, reverse=True))


def _verb_with_object(verb, rest, others):
    """Whether a leading verb of ``verb`` characters and the ``rest`` it
    leads into are one member beside the ``others``: the rest far shorter
    than they are (发展经济、保障和改善民生: 经济 no member), or two characters
    or fewer while each other member is as wide as verb and rest and opens
    with a verb too (深化改革、扩大开放“两大任务”; not 发展塑料、合成纤维、合成橡胶)."""
    return _far_shorter(rest, min(len(o) for o in others)) or (
        rest <= 2 and all(len(o) == verb + rest and o.startswith(_OPENING_VERBS) for o in others))


def _far_shorter(length, shortest):
    """Whether a part of ``length`` characters is far shorter than the others
    (``shortest``: the shortest of them): two characters or fewer, the others
    three times as long or more. Such a part is no member of its own: the
    object left by a leading verb (发展经济 -> 经济), a last item qualifying the
    formulation (…和工业“三废”)."""
    return length <= 2 and shortest >= 3 * length
