"""How a formulation counts: numerals, measure words, heads, units.

:func:`parse_numbered` reads a string such as 两品一游, 三会一课, “7+3”, 十四五 or
十件实事 as a numbered formulation and gives its kind and claimed number; the
word lists here (measure words, policy heads, what makes a numeral a
quantity, an ordinal or an announcement) are shared by the grammar, the
member search and the finder. See the package docstring for the grammar.
"""

import re

from policy_nlp.lang.chars import IDEOGRAPH, STOPS
from policy_nlp.lang.numerals import DIGITS as _DIGIT, UNITS as _UNIT
from policy_nlp.lang.numerals import TO_ASCII_DIGITS, YEAR_DIGIT_CHARS, chinese_count, chinese_int
from policy_nlp.lang.words import word_set, words


NUM_CHARS = "〇零一二两三四五六七八九十百千万双"
_NUM_RE = re.compile(f"[{NUM_CHARS}]+")
_MAGNITUDE = "百千万"

# the measure words of a formulation's count (a word before any word it opens with: 大项 before 大)
MEASURES = words("formulation_measures")
# a count of the speaker's own points is an announcement, not a formulation
# (三句话, 两点希望, 三条建议): the enumerations stage reads it as a list's claim
_ANNOUNCEMENT = re.compile(
    f"[{NUM_CHARS}]+(?:(?:点|条|个|项|句)?(?:意见|希望|建议|体会|感受|想法|考虑|看法|思考|打算)|句话?|点要求)")
# after a verb of speaking, a count announces what follows (我讲三个问题, 提出两点要求);
# after 取得, it counts results the speech goes on to list (取得了三大历史性突破：一是…)
_ANNOUNCE_BEFORE = re.compile(r"(?:讲|谈|提|提出|强调|说|交流|汇报|讲讲|谈谈|取得)(?:了|一下)?$")
# heads that make a one-character quoted head a duration, not a name (“三个月”)
_TIME_UNITS = frozenset("月日天周时分秒岁人名元米亩吨斤次倍")
# what right after a numeral makes it a quantity, time, rank or ordinal
_QUANTITY_AFTER = words("quantity_after")
# a preceding character or word making the count anaphoric, cataphoric, ordinal
# or approximate: 第十二次, 这两个目标, 以上十四条, 以下三项工作, 前三个月
_BAD_BEFORE = words("count_before")
# heads that show an abstract, named formulation (not a countable object)
HEADS = tuple(sorted(set(words("slogan_heads")), key=len, reverse=True))
# the last characters of a team or its members, named by a head word (工作组, 工作队, 活动队, 宣传员):
# people counted, not a formulation (三个工作组; quoted: “金秋”文体活动队)
TEAM_SUFFIXES = "队组员"
# titles of people: NUM + one of them counts people (“八百壮士”, 三进士)
_PERSON_HEADS = word_set("person_count_heads")
# heads that never make a formulation on their own (十八大精神, 两个阶段)
_WEAK_HEADS = {"精神", "以来", "阶段", "方面", "基本情况", "月", "年", "者"}
# stop words ending a head
_HEAD_STOP = re.compile(f"[、.{STOPS}" r"（）()“”‘’「」『』《》〈〉【】\s…—\-/的和与及等是为在了对把将从向于又也都就]"
                        f"|[{NUM_CHARS}0-9０-９]")
# composite units followed by one of these keep them out of the span
_COMPOSITE_HEADS = tuple(sorted(set(words("composite_heads")), key=len, reverse=True))

# words ending in 一 that may close a formulation's last unit (“五统一”, 三统一); 合一 fuses
# the parts instead (三证合一: parse_numbered)
_HEAD_ENDING_YI = word_set("words_ending_yi") - {"合一"}

_PLAN_MAX = 15
# a count of 1–20 in Arabic digits, full-width or not (3个代表, １０大工程, 20字)
ARABIC_COUNT = "(?:[1１][0-9０-９]|[2２][0０]|[1-9１-９])"


def digits_as_numeral(digits):
    """A count written in digits as the Chinese numeral of the grammar (3 -> 三,
    １０ -> 十, 2 -> 两 before a measure: :func:`~policy_nlp.lang.numerals.chinese_count`).

    >>> digits_as_numeral("3"), digits_as_numeral("１０")
    ('三', '十')
    """
    return chinese_count(int(digits.translate(TO_ASCII_DIGITS)))


_HAN = re.compile(rf"[{IDEOGRAPH}]{{2}}")
# a part added with + whose count is a letter (“一个平台+N个智能应用”, “1+N”): the sum is open
_OPEN_PART = re.compile(r"\s*[+＋]\s*[A-Za-zＡ-Ｚａ-ｚ]")
_PAIRED_MAGNITUDES = re.compile("(?:双[百千万])+")


def _numeral_value(run):
    """(value, kind) of a numeral run: kind 'int', 'redup', 'seq' or None."""
    if run.startswith("双") and len(run) == 1:
        return 2, "int"
    if "双" in run:
        return None, None
    v = chinese_int(run)
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
    v = chinese_int(s[:-1])
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
        if j == len(s) - 1 and s[j - 1:] in _HEAD_ENDING_YI:
            j += 1                                        # 五统一: the 一 of 统一 counts nothing
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
    open_part = _OPEN_PART.search(s) if quoted else None
    if open_part and parse_numbered(s[:open_part.start()], quoted, _part)[0]:
        return True, None                                 # “一个平台+N个智能应用”: N is no number
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
    if not units or any(rest in _PERSON_HEADS for _, rest in units):
        return False, None                                # “八百壮士”, 一门三进士: people counted
    if len(units) >= 2 and units[-1] == ("一", "") and units[-2][1].endswith("合"):
        return parse_numbered(s[:-2], quoted, _part=True)  # 三证合一: the parts fuse, = 3
    run, rest = units[0]
    if run[0] in "〇零":
        return False, None                                # 零上访: a zero target, no count
    if (len(units) == 1 and not _part and run in ("多", *_MAGNITUDE)
            and not rest.startswith(MEASURES)):
        # “千兆城市”, “万宝山”, “百废俱兴”, “多支柱法”: a lone 多/百/千/万 opens a word and
        # counts nothing; in a series or beside another count it does (多点支撑, 百县万村)
        return False, None
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
    parts = re.split(r"[+＋]", s.translate(TO_ASCII_DIGITS))
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
            if len(units) > 1 and all(_units_ok(u) for u in units[1:]) and (
                    meas != "个" or all(_counted_unit(x) for _, x in units[1:])):
                return None                               # 一大一小, 一个国家两种制度: a composite
            return True, value
    return None


def _counted_unit(x):
    """Whether a unit after a numeral is a measure word and a head (两|种制度),
    not a quantity nor a bare measure (三个|十大: three of the 十大)."""
    meas = next((m for m in MEASURES if x.startswith(m)), None)
    return meas is not None and len(x) > len(meas) and not _starts_quantity(x)


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


# a numeral and its measure word, before what it counts (四个|确保, 三大|战役): the head
# of a counted formulation is what follows (members, enumerations' claims)
COUNT_PREFIX = f"[{NUM_CHARS}]+(?:{'|'.join(MEASURES)})?"

# measure words of a count that a list before or after it confirms
_LIST_MEASURES = ("个", "项", "大", "种", "类", "条")
