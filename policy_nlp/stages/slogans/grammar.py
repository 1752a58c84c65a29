"""The grammar of unquoted formulations in running text: ``counted``
(NUM MEASURE HEAD), ``composite`` (两品一游) and ``confirmed`` counts, with the
token boundaries (:class:`_Bounds`) and the context that bars quantities,
ordinals and announcements."""

import re
from bisect import bisect_right
from operator import itemgetter

import numpy

from policy_nlp.lang.chars import IDEOGRAPH, STOPS
from policy_nlp.lang.numerals import UNITS as _UNIT
from policy_nlp.lang.words import alternation, word_set, words
from policy_nlp.stages.slogans.counting import (_ANNOUNCE_BEFORE, _ANNOUNCEMENT, _BAD_BEFORE,
    _COMPOSITE_HEADS, _HEAD_STOP, HEADS, TEAM_SUFFIXES, _LIST_MEASURES, _MAGNITUDE, MEASURES, NUM_CHARS, _NUM_RE,
    _numeral_value, parse_numbered, _starts_quantity, _units, _WEAK_HEADS, _YEAR_DIGITS)
from policy_nlp.stages.slogans.quotes import _PROGRAMME_HEADS     # 工程, 行动, 计划, 战略
from policy_nlp.stages.slogans.members import (_following_list, _JI, _list_before, _quoted_run_before,
    _spelled_out_members, _split_items, _subject_list_before, _Target)


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
# a verb between a count and a head word: the count is no formulation's (三个维度实现安全)
_VERB_BEFORE_HEAD = re.compile(alternation("verbs_before_head"))


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


# nouns that close a name after its head (三大数据产业|聚集区, 三大革命|运动) but head none alone
_CLOSING_NOUNS = tuple(sorted(word_set("name_closing_nouns"), key=lambda w: (-len(w), w)))


def _closed(region, end, bounds, offset):
    """``end`` moved over a closing noun (:data:`_CLOSING_NOUNS`) that starts
    right there and ends a token: 三大数据产业 | 聚集区 is one name."""
    noun = next((w for w in _CLOSING_NOUNS if region.startswith(w, end)), None)
    return end + len(noun) if noun and bounds.is_end(offset + end + len(noun)) else end


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
        end = _closed(region, end, bounds, offset)
        # prefer a token boundary when tokens are known; not a team the head word names (工作组, 工作队)
        if not bounds.is_end(offset + end):
            for e2 in range(end + 1, len(region) + 1):
                if bounds.is_end(offset + e2):
                    end = e2
                    break
            else:
                continue
            if region[end - 1] in TEAM_SUFFIXES:
                return None
        if region[:end] in _WEAK_HEADS:
            return None
        return end
    return None


# nouns of countable things (places, organisations, documents, products)
_UNIT_HEADS = tuple(sorted(word_set("unit_heads"), key=len, reverse=True))
# longest first, in a fixed order (a set's order changes with the hash seed)
_VERB_HEAD_ENDS = tuple(sorted(_VERB_HEADS, key=lambda w: (-len(w), w)))


def _counts_things(region, end, bounds, offset):
    """Whether the head ``region[:end]`` ends in a noun of countable things
    (:data:`_UNIT_HEADS`) or runs straight into one: 十一个建设|项目, 四个|
    自治区, 三大电信|运营商 count things, not a formulation. A head word that
    starts there and is longer (市场 over 市) is no such noun; a one-character
    noun must follow the measure (两国, 两省; not 区 in 两大片区). A noun that
    only qualifies the head (三大区域发展战略, 四大区域板块) or follows a programme
    head (十大工程|项目: the projects of the programme) counts no things."""
    programme = region[:end].endswith(_PROGRAMME_HEADS)
    verbal = region[:end].endswith(_VERB_HEAD_ENDS)       # 十五个港口|建设: the verb's object counted
    for p in range(0, min(end, len(region) - 1) + 1):
        u = next((u for u in _UNIT_HEADS if region.startswith(u, p)), None)
        h = _longest_head_at(region, p) if u else None
        if u is None or (h and len(h) > len(u)) or (p + len(u) < end and not verbal):
            continue
        if (len(u) == 1 and p) or (p == end and programme):
            continue
        if bounds.is_end(offset + p + len(u)):
            return True
    return False


def _head_region(text, i, limit=10):
    m = _HEAD_STOP.search(text, i, min(len(text), i + limit))
    return text[i:m.start()] if m else text[i:i + limit]


# what after N大 shows a party congress (九大以后, 十大路线)
_CONGRESS_AFTER = tuple(words("congress_after"))
# what after any count shows a congress or a session named, not a set of things (十八大精神, 十九大以来)
_NOT_HEADS_AFTER_COUNT = words("count_after_not_heads")
# the measure word of a classification: 三类标准, 两大类, 四大类行业 sort things into kinds
_CLASS = "类"
# ... but a doctrine's kinds make a formulation (两类矛盾, 两类不同性质的矛盾, 两类性质不同的矛盾)
_NAMED_CLASS = re.compile(f"(?:不同性质的?|性质不同的?)?(?:{alternation('class_heads')})")


def _measure_at(text, k, measures=_LIST_MEASURES):
    """The first of ``measures`` at ``k`` (by default those of a list count:
    个, 项, 大, 种, 类, 条), or "".

    >>> _measure_at("两个不足", 1), _measure_at("三要素", 1), _measure_at("十件实事", 1, MEASURES)
    ('个', '', '件')
    """
    return next((m for m in measures if text.startswith(m, k)), "")


def _named_class(text, k, value, bounds):
    """(end, number) of ``NUM 类 HEAD`` at ``k`` (after 类) when the head is a
    noun of doctrine (:data:`_NAMED_CLASS`); None for a classification."""
    m = _NAMED_CLASS.match(text, k)
    return (m.end(), value) if m and bounds.is_end(m.end()) else None


def _great_head_end(region, bounds, k):
    """End of the head after N大 (at ``k``) when no policy head starts in its
    first four characters: a noun head starting by the seventh (两大区域科技创新中心,
    not 两大区域), else the first word (三大革命), run on over a closing noun;
    None for a word shorter than two or longer than six characters."""
    far = _head_end(region, bounds, k, max_start=6)
    if far is not None and not region[:far].endswith(_VERB_HEAD_ENDS):   # not 两大国家级新区|建设
        return far
    if bounds.ends is not None:
        ends = [e - k for e in bounds.ends_in(k, k + len(region))]
        if not ends:
            return None
        best = ends[0] if ends[0] >= 2 or len(ends) == 1 else ends[1]
    else:
        v = _VERB_BEFORE_HEAD.search(region)
        cut = region[:v.start()] if v else region
        best = len(cut) if len(cut) <= 6 else 4
    return None if best < 2 or best > 6 else _closed(region, best, bounds, k)


def _counted(text, i, run, value, bounds):
    """Unquoted NUM MEASURE HEAD starting at ``i``; (end, number) or None."""
    j = i + len(run)
    meas = _measure_at(text, j, MEASURES)
    if not meas:
        return None
    k = j + len(meas)
    if meas == "点" and (k < len(text) and (text[k] in NUM_CHARS or text[k].isdigit())):
        return None
    if meas == "步":
        return (k + 1, value) if text.startswith("走", k) else None   # 三步走
    if value > 20 and meas != "字":
        return None                                       # 四十项…: a quantity (not 二十四字方针)
    if meas == _CLASS:
        return _named_class(text, k, value, bounds)       # 三类标准: a classification; 两类矛盾
    region = _head_region(text, k)
    if not region or _starts_quantity(region) or region in _WEAK_HEADS:
        return None
    if meas == "大" and ((value is not None and value > 10) or region.startswith(_CONGRESS_AFTER)):
        return None                                       # 十八大, 二十大, 九大以后: congresses
    if region.lstrip("大").startswith(_CLASS):
        return None                                       # 两大类, 四大类行业: a classification
    if region.startswith(_NOT_HEADS_AFTER_COUNT):
        return None                                       # 十八大精神, 十九大以来, 十八大确立: a congress
    best = _head_end(region, bounds, k)
    if best is None and meas in ("大", "大项"):
        best = _great_head_end(region, bounds, k)
    if best is None or _counts_things(region, best, bounds, k):
        return None
    return k + best, value


# words in which 一 is not a count (一体化, 一致, 一流)
_YI_WORDS = set(words("yi_words"))


# four-character idioms built like composites; never formulations
IDIOMS = word_set("idioms")


# A composite of 双-units only (双招双引, 双创双服: pairs of campaigns) names a
# campaign without a head after it, as an item of a list or the end of a clause;
# a noun after it makes it a thing (双轮双铧犁, a plough), and so does a
# common word of 双 (实现双方双赢, 推行双休双薪).
_ITEM_END = "、，,。；;：:）)"
_SHUANG_WORDS = word_set("shuang_words")


def _paired_campaign(units):
    return all(run == "双" and len(x) == 1 and "双" + x not in _SHUANG_WORDS for run, x in units)


def _composite_unquoted(text, i, bounds):
    """Unquoted composite (一委一会一中心) followed by a policy head, or made of
    双-units only (双招双引) and followed by the end of a list item or clause."""
    # the candidate may not reach the first stop character (numerals do not stop it)
    limit = next((k for k, c in enumerate(text[i:i + 11]) if c not in NUM_CHARS and _HEAD_STOP.match(c)),
                 11)
    if text[i:i + 4] in IDIOMS:     # whatever its length, an idiom opens it
        return None
    for L in range(4, 12):
        if i + L > len(text) or L > limit:
            break
        after = text[i + L:i + L + 6]
        if not (after.startswith(_COMPOSITE_HEADS) or after[:1] in _ITEM_END):
            continue                # no head or item end after it: the units are not read (a page of
                                    # numerals and measure words reads each numeral 8 times)
        s = text[i:i + L]
        units = _units(s)
        if not units or len(units) < 2 or not all(1 <= len(x) <= 3 for _, x in units):
            continue
        if any(r == "一" and x[:1] and ("一" + x[:1]) in _YI_WORDS for r, x in units):
            continue
        if _VERB_BEFORE_HEAD.search(units[-1][1], 1):
            continue                # 一校一案|推进 教育: a unit never takes in the verb after it
        if (after.startswith(_COMPOSITE_HEADS) or (_paired_campaign(units) and after[:1] in _ITEM_END)) \
                and bounds.is_end(i + L):
            ok, n = parse_numbered(s, quoted=False)
            if ok:
                return i + L, n     # the shortest: a head word never ends a unit (一办十三组|工作要求)
    return None


# A count fused into one (三证合一, 三位一体, 三军一体) closes itself: unquoted it needs
# no head after it, unlike other composites (recall audit, twenty-second session: the 2016
# work report, the 16th congress report, shandong-18); 长三角一体化 is a place and a process,
# 二者合一 an anaphor.
_FUSED = re.compile(f"[{IDEOGRAPH}](?:合一|一体)(?!化)")


def _fused(text, i, run, value, bounds):
    """(end, number) of an unquoted fused count NUM X 合一/一体 at ``i`` that ends a token, or None."""
    m = _FUSED.match(text, i + len(run))
    if m and text[m.start()] != "者" and bounds.is_end(m.end()):
        return m.end(), value
    return None


# measure words of single objects (面 of 两面红旗): a head of one of them goes on to its noun
_OBJECT_CLASSIFIERS = word_set("object_classifiers")


def _list_confirmed(text, i, run, value, bounds):
    """A count whose members stand right before it (党建、发展、民生、稳定、
    作风五个关键; 国庆、中秋两节; “红橙黄蓝”四色预警): ``NUM [MEASURE] HEAD`` with
    a short head that is no policy head word, taken because the list before
    it has exactly ``value`` members. (end, number) or None."""
    k = i + len(run)
    meas = _measure_at(text, k)
    k += len(meas)
    region = _head_region(text, k, 6)
    if (not region or region.startswith(tuple(_WEAK_HEADS)) or _starts_quantity(region)
            or _CLASS in (meas, region[:1])):
        return None
    set_end = _set_head_end(text, k, bounds)            # 三要素缺一不可: not 三要素缺
    end = set_end - k if set_end is not None else _head_end(region, bounds, k)
    if end is None:
        if bounds.ends is not None:
            ends = [e - k for e in bounds.ends_in(k, k + min(len(region), 4))]
            end = ends[0] if ends else None
        elif len(region) <= 4:
            end = len(region)
    if end == 1 and not meas and text[k] in _OBJECT_CLASSIFIERS and bounds.ends is not None:
        end = next((e - k for e in bounds.ends_in(k + 1, k + min(len(region), 4))), end)   # 两面|红旗
    if end is None or (not meas and end > 4) or _counts_things(_head_region(text, k), end, bounds, k):
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


_BRACKET_AFTER = re.compile(rf"[{IDEOGRAPH}]{{1,3}}(?=[（(])")


def _bracket_confirmed(text, i, run, value):
    """``NUM [MEASURE] X（A、B…）``: a short unquoted count whose bracketed
    expansion right after has exactly NUM items (两化（标准化、数字化）体系).
    (end, number) or None."""
    k = i + len(run)
    meas = _measure_at(text, k)
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
_HEAD_BEFORE_JI = re.compile(f"([{IDEOGRAPH}]{{2,6}}?)[”」\"']*[，,]?{_JI}")


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
    meas = _measure_at(text, k)
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
    if not shifted and _bad_before(text, i) and not (_names_quoted_list(text, i)
                                                     or _names_set(text, i, run, bounds)
                                                     or _names_listed_great(text, i, run)):
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
        paired = _composite_unquoted(text, i, bounds)        # 双招双引
        if paired:
            return paired
        region = _head_region(text, m.end(), 6)
        end = _head_end(region, bounds, m.end(), max_start=0)
        if end is not None and end <= 3:
            return m.end() + end, 2
        return (_list_confirmed(text, i, run, 2, bounds)     # 发展速度和发展质量的双提高
                or _list_after_confirmed(text, i, run, 2, bounds) or _joint_action(text, i, run, 2, bounds))
    after = text[m.end():m.end() + 4]
    if _starts_quantity(after) and not after.startswith(MEASURES):
        return _joint_action(text, i, run, value, bounds)   # 两轮 is a quantity, 四轮驱动 is not
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
            or _fused(text, i, run, value, bounds) or _list_confirmed(text, i, run, value, bounds) or _bracket_confirmed(text, i, run, value)
            or _list_after_confirmed(text, i, run, value, bounds) or _quoted_head(text, i, run, value, bounds)
            or _set_confirmed(text, i, run, value, bounds) or _pair_confirmed(text, i, run, value, bounds)
            or _joint_action(text, i, run, value, bounds) or _doctrine_subject(text, i, run, value, bounds))


# the measures of a coordinated count (个, 项, 大, 种, 条: not 类, a classification)
_PAIR_MEASURES = tuple(m for m in _LIST_MEASURES if m != _CLASS)
# a count right before 、 that another count may pair with (五个阶段、七个重点)
_COUNT_BEFORE = re.compile(f"[{NUM_CHARS}]+[{''.join(_PAIR_MEASURES)}][{IDEOGRAPH}]{{2,4}}$")


def _short_count_head(text, i, run, bounds):
    """End of the short head (two to four characters, one token) of a count
    ``NUM MEASURE HEAD`` at ``i`` with a numeral of 2…10, or None: no
    quantity, time, classification or noun of countable things, and nothing
    before it that makes it anaphoric or a partition (这, 分为: 分为五个阶段、
    七个环节 counts parts)."""
    value = _numeral_value(run)[0]
    k = i + len(run)
    meas = _measure_at(text, k, _PAIR_MEASURES)
    if value is None or not 2 <= value <= 10 or not meas or _bad_before(text, i):
        return None
    k += len(meas)
    region = _head_region(text, k, 6)
    if len(region) < 2 or _starts_quantity(region):
        return None
    if bounds.ends is None:
        end = 2
    else:
        end = next((e - k for e in bounds.ends_in(k, k + min(len(region), 4))), 0)
    if end < 2 or _counts_things(region, end, bounds, k):
        return None
    return k + end


def _pair_confirmed(text, i, run, value, bounds):
    """``NUM MEASURE HEAD、NUM MEASURE HEAD``: two counts of short abstract
    heads joined by 、 name the parts of one plan (征兵工作的五个阶段、七个重点;
    两个阶级、两条道路), where one alone is most often a plain count; each count
    with a head that is no weak head (:data:`_WEAK_HEADS`: 阶段, 方面) is
    taken. Counts of things (两个中心、三个基地), numerals of 一 (一个国家、一个
    民族: articles) and Arabic digits (read only on other evidence) are not.
    (end, number) or None."""
    e = _short_count_head(text, i, run, bounds)
    if e is None or text[i + len(run) + 1:e] in _WEAK_HEADS:
        return None
    if text[e:e + 1] == "、":
        m = _NUM_RE.match(text, e + 1)
        if m and _short_count_head(text, m.start(), m.group(), bounds) is not None:
            return e, value
    before = _COUNT_BEFORE.search(text, max(0, i - 12), i - 1) if text[i - 1:i] == "、" else None
    if before is None:
        return None
    m = _NUM_RE.match(text, before.start())
    return (e, value) if m and _short_count_head(text, m.start(), m.group(), bounds) == i - 1 else None


# a verb of parts moving together after NUM + one character (两翼|齐飞, 双轮|驱动, 四化|同步)
# (an adverb between them reads through: 两化|深度|融合, joint_action_adverbs.txt)
_JOINT_ACTION = re.compile(f"[{IDEOGRAPH}](?:{alternation('joint_action_adverbs')})?"
                           f"(?:{alternation('joint_action_verbs')})")
# places and sides counted before such a verb (两岸融合, 两地同步): no strategy
_JOINT_SIDES = word_set("joint_action_sides")


def _joint_action(text, i, run, value, bounds):
    """``NUM X VERB``: a numeral, one character naming the parts and a verb of
    parts moving together (``joint_action_verbs.txt``) make a metaphor
    compound naming a strategy, counted by its numeral: 两翼齐飞, 双轮驱动,
    四化同步, 三网融合, 两化深度融合 (an adverb of ``joint_action_adverbs.txt``
    before the verb). Not a quantity or people (三者同步), a place or side
    (两省同步, 两岸融合: ``joint_action_sides.txt``), a measure word (两类融合,
    two kinds of merging), a common word of 双
    (双向同步); 轮, a round elsewhere (分两轮取消), is a wheel before these
    verbs (双轮驱动). (end, number) or None."""
    k = i + len(run)
    m = _JOINT_ACTION.match(text, k)
    if value is None or not 2 <= value <= 10 or m is None or not bounds.is_end(m.end()):
        return None
    part = text[k]
    if (_starts_quantity(part) and part != "轮") or part in _UNIT_HEADS \
            or part in _JOINT_SIDES or part in MEASURES \
            or (run == "双" and "双" + part in _SHUANG_WORDS):
        return None
    return m.end(), value


# abstract heads naming the parts of a set (两个不足, 三要素, 两个闸门), longest first
_SET_HEADS = tuple(sorted(word_set("set_heads"), key=lambda w: (-len(w), w)))
# a classifier before a set head: the count counts kinds of it (六个方面突出问题)
_SET_CLASSIFIER = "方面"
# how the parts of a set stand together, right after its head (三要素缺一不可)
_SET_HEAD_PREDICATE = re.compile(alternation("set_head_predicates"))


def _set_head_end(text, k, bounds):
    """End of a set head (:data:`_SET_HEADS`) right at ``k``, or right after
    the classifier 方面 there (六个方面突出问题); None when there is none, or
    when it ends inside a word (三要素市场) or goes on into a longer head
    (两个关键环节, 三个关键岗位: the head is the whole phrase). A predicate of
    ``set_head_predicates.txt`` right after it ends it, tokens or none (三要素
    缺一不可; the segmenter may cut 三要|素互为补充)."""
    p = k + len(_SET_CLASSIFIER) if text.startswith(_SET_CLASSIFIER, k) else k
    h = next((w for w in _SET_HEADS if text.startswith(w, p)), None)
    e = p + len(h) if h else None
    if e is not None and _SET_HEAD_PREDICATE.match(text, e):
        return e
    if e is None or not bounds.is_end(e) or not (e == len(text) or _HEAD_STOP.match(text, e)):
        return None
    return e


# a verb of existence right before a count (还存在两个不足; 主要有三个不足)
_EXISTENCE_BEFORE = re.compile(f"(?:{alternation('existence_verbs')})$")


def _set_confirmed(text, i, run, value, bounds):
    """``NUM [MEASURE] HEAD`` with a set head (:func:`_set_head_end`) whose
    ``value`` members the text spells out right before or after it
    (:func:`~.members._spelled_out_members`): 经济主体资本原始积累和政府财力两个不足;
    创新主要包含三要素。人才、企业、外部环境。 A count of the parts of a
    report or a change (三个方面, 三个变化) has no set head and stays plain;
    after a verb of existence (``existence_verbs.txt``: 还存在两个不足：一是…)
    only members before it confirm the count. (end, number) or None."""
    k = i + len(run)
    if value is None or not 2 <= value <= 10 or text.startswith(_CLASS, k):
        return None                                       # 两类矛盾: a classification
    e = _set_head_end(text, k + len(_measure_at(text, k)), bounds)
    if e is None:
        return None
    # 还存在两个不足：一是…: after a verb of existence, members after it are the speaker's points
    before_only = bool(_EXISTENCE_BEFORE.search(text, max(0, i - 3), i))
    return (e, value) if len(_spelled_out_members(text, i, e, value, bounds.terms, before_only)) == value else None


def _names_set(text, i, run, bounds):
    """A、B、C这六个方面突出问题: 这 points back to the list of exactly NUM
    items right before it, which a set head's count names; 这四大矛盾 alone is
    a reference back."""
    if text[i - 1:i] != "这":
        return False
    k = i + len(run)
    return _set_head_end(text, k + len(_measure_at(text, k)), bounds) is not None and bool(_list_before(text, i, _numeral_value(run)[0]))


def _names_listed_great(text, i, run):
    """A、B与C这三大历史任务: 这 before a count with 大 (which makes any short
    noun phrase a head) names the list of exactly NUM items right before it
    (:func:`_list_before`), so the count is no anaphor. With 个 it stays one
    (北京、上海、广州这三个城市), as does 这 with no such list (在这两大类之间)."""
    if text[i - 1:i] != "这" or _measure_at(text, i + len(run)) != "大":
        return False
    return bool(_list_before(text, i, _numeral_value(run)[0]))


# 关于 + a count + 的 + a doctrine's noun within six characters (关于三个世界的伟大理论)
_DOCTRINE_AFTER = re.compile(f"的[^、{STOPS}]{{0,6}}?(?:{alternation('doctrine_words')})")


def _doctrine_subject(text, i, run, value, bounds):
    """``关于 NUM 个 HEAD …的 DOCTRINE``: a count that a theory or thesis is
    about names a formulation (毛主席关于三个世界的理论, 关于三个世界划分的理论:
    三个世界); the head is its first word (two to four characters), no noun
    of countable things (:func:`_counts_things`). (end, number) or None."""
    k = i + len(run)
    if text[i - 2:i] != "关于" or not text.startswith("个", k):
        return None
    region = _head_region(text, k + 1, 6)
    if not region or not _DOCTRINE_AFTER.match(text, k + 1 + len(region)) or region in _WEAK_HEADS:
        return None
    if bounds.ends is None:
        end = len(region) if len(region) <= 4 else None
    else:
        end = next((e - k - 1 for e in bounds.ends_in(k + 1, k + 1 + min(len(region), 4))), None)
    if not end or end < 2 or _counts_things(region, end, bounds, k + 1):
        return None                                       # 关于两个国家的理论: countries counted
    return k + 1 + end, value


# a short quoted head right after NUM MEASURE, with a character of its own (not “100%”)
_QUOTED_HEAD = re.compile(f"[“「]([^”」“「]{{0,5}}[{IDEOGRAPH}][^”」“「]{{0,5}})[”」]")


def _quoted_head(text, i, run, value, bounds):
    """``NUM MEASURE “HEAD”``: a count of at most 20 whose short head the text
    quotes as a name (产业和就业两个“牛鼻子”; 大气、水、土壤污染防治三个“十条”);
    the span takes the quote marks. A head that is a lexicon term is that term,
    counted, not a new formulation (两个“九二共识”). (end, number) or None."""
    k = i + len(run)
    meas = _measure_at(text, k, MEASURES)
    m = _QUOTED_HEAD.match(text, k + len(meas)) if meas and value <= 20 else None
    if (m is None or len(m.group(1)) > 6 or _starts_quantity(m.group(1)) or m.group(1) in _WEAK_HEADS
            or m.group(1).startswith(_BAD_BEFORE) or m.group(1).endswith(_UNIT_HEADS)
            or m.group(1) in bounds.terms):
        return None                                       # 三个“第一”: ordinals; 三个“示范村”: things
    return m.end(), value


# zeros the numeral pattern does not read: 一九八○年 (a white circle), digits
_ZERO_LIKE = frozenset("○0０")


def _opaque_code(text, m, run):
    """A numeral run that parses as no number: an opaque code before a head
    (八七扶贫攻坚计划: (end, None)); a year (一九五九年计划) or anything else: None."""
    if _YEAR_DIGITS.fullmatch(run) and text.startswith("年", m.end()):
        return None
    if text[m.end():m.end() + 1] in _ZERO_LIKE:
        return None                                      # 一九八○年: a year with a circle for zero
    region = _head_region(text, m.end(), 8)
    if region.startswith(MEASURES) or _starts_quantity(region):
        return None                                      # 一九八二两个年度计划: years, then a count
    if len(run) >= 2 and "双" not in run and region and region.endswith(HEADS) \
            and not any(c in _UNIT or c in "〇零" for c in run):
        return m.end() + len(_without_verb_heads(region)), None
    return None


def _without_verb_heads(region):
    """``region`` without the verb heads that end it after another head
    (六五计划|要求: a verb head never extends a head)."""
    while True:
        v = next((w for w in _VERB_HEAD_ENDS if region.endswith(w) and region[:-len(w)].endswith(HEADS)), None)
        if v is None:
            return region
        region = region[:-len(v)]


class _RangeSet:
    def __init__(self, ranges):
        self.ranges = sorted(ranges)

    def covers(self, i):
        import bisect
        k = bisect.bisect_right(self.ranges, (i, float("inf"))) - 1
        return k >= 0 and self.ranges[k][0] <= i < self.ranges[k][1]
