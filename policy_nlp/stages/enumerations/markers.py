"""Marker candidates: the families of ordinal markers (一、 （一） 一是 第一 首先 其一 1. ① ——), their
outline rank, and where a marker may stand."""

import re
from bisect import bisect_left

from policy_nlp.lang.captions import CAPTION_END_RE
from policy_nlp.lang.chars import CLAUSE_ENDS, IDEOGRAPH, IDEOGRAPH_RE, NEWLINES, ONE_LINE_BREAK, STOPS, before_blanks
from policy_nlp.lang import numerals
from policy_nlp.lang.numerals import FULLWIDTH_DIGITS, ITEM_NUMERALS
from policy_nlp.lang.outline import is_heading_title
from policy_nlp.lang.words import alternation, words


# Outline rank: a new block list nests under open lists of lower rank.
_RANK = {"一、": 0, "（一）": 1, "1.": 2, "1、": 2, "（1）": 3, "①": 4,
         "第一": 5, "首先": 5, "其一": 5, "一是": 6, "一要": 6, "——": 6, "一": 6}
_LEAF_RANK = 6          # lists of these families never contain block lists
_WORD_RANK = 5          # 第一 首先 其一: an outline numbered one may stand under one of their items
_MAX_SKIP = 3           # a jump of up to this many numbers is a gap, not a new list
_OPEN_RUNS = 4          # inline runs of one numbering a marker may continue (nesting depth)

_CN = ITEM_NUMERALS      # short, for the marker grammar below
_CREDIT_REACH = 40      # a photo credit glued to a marker is at most this long

_HEADING_FAMILIES = ("一、", "（一）", "1.", "1、", "（1）", "①")     # families that number outline headings
_HEADING_AFTER = CLAUSE_ENDS + "：:"   # what an inline heading follows
_HEADING_STOP = re.compile(f"[{_HEADING_AFTER}{NEWLINES}]")     # what ends a heading line
_DOCUMENT_TITLE_STOP = re.compile(f"[、{STOPS}“”\"（）()《》{NEWLINES}]")   # what a text's title line holds none of


_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}          # ① … ⑳
_PAREN_DIGIT = {chr(0x2474 + i): i + 1 for i in range(20)}      # ⑴ … ⒇
_DOT_DIGIT = {chr(0x2488 + i): i + 1 for i in range(20)}        # ⒈ … ⒛
_PAREN_HAN = {chr(0x3220 + i): i + 1 for i in range(10)}        # ㈠ … ㈩
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": None}
# the rest of a line of a table of contents: a title, a dot leader and a page number
# (一、总体要求 .......... 3): such a line repeats a heading of the body, so it numbers no item
_TOC_ENTRY = re.compile(rf"[^{NEWLINES}。；;]{{0,80}}?(?:[.．·…][ \t\u3000]*){{4,}}[0-9]{{1,3}}[ \t\u3000]*(?=[{NEWLINES}]|$)")

_MARKER = re.compile(
    rf"(?=[（(【\[第{_CN}首其再最0-9０-９\u2460-\u249b\u3220-\u3229—─－-])"
    rf"(?:(?P<pcn>[（(][ \u3000]?(?P<pcn_n>[{_CN}]{{1,3}})[ \u3000]?[）)])"
    r"|(?P<pd>[（(][ \u3000]?(?P<pd_n>[0-9０-９]{1,2})[ \u3000]?[）)])"
    # （一） that lost its opening bracket or took a wrong one (…以下程序组织申报和遴选:⏎一)工程指导…;
    # 【一)): kept only where its numbering runs on (_half_brackets)
    rf"|(?P<half>(?:(?<=[{NEWLINES}：:。；;！!？?])|[【\[])(?P<half_n>[{_CN}]{{1,3}})[）)])"
    # 第一项： and 第1项： (a web copy's digits), 第二个方面，
    rf"|(?P<dige>第(?P<dige_n>[{_CN}]{{1,3}}|[0-9０-９]{{1,2}})(?:个(?P<dige_noun>[{IDEOGRAPH}]{{1,4}}?)|(?P<dige_unit>项|阶段|步|条|天))(?=[：:，,]))"
    # 第一是…；第二是… (1954, 1955 national reports) spells 第一，…；第二，…
    rf"|(?P<di>第(?P<di_n>[{_CN}]{{1,3}})(?=[，,、：:．.是]))"
    # 一⏎是, 一⏎　　是: a wrap that the paragraphs took for a paragraph end (short or indented lines), which the reading view keeps
    rf"|(?P<shi>(?P<shi_n>[{_CN}]{{1,3}})(?:(?:{ONE_LINE_BREAK.pattern})[ \u3000]*)?(?P<shi_v>[是要]))"
    rf"|(?P<dun>(?P<dun_n>[{_CN}]{{1,3}})[、，,．.])"
    r"|(?P<seq>首先|其次|再次|最后)"
    rf"|(?P<qi>其(?P<qi_n>[{_CN}]{{1,3}})(?=[，,：:、]))"
    # 1. before a digit is a decimal (1.5, 4.1), unless a year follows (1.2021年底前完成…, policy_docs shandong-19)
    r"|(?P<adot>(?P<adot_n>[0-9０-９]{1,2})[.．](?![0-9０-９](?![0-9０-９]{3}年)))"
    r"|(?P<adun>(?P<adun_n>[0-9０-９]{1,2})、(?![0-9０-９]))"
    r"|(?P<sym>[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u3220-\u3229])"
    r"|(?P<dash>——|──|－－|--)"
    # a bare numeral opening a sentence (要求:一思想态度要端正。二对照检查…): kept only in a run (_bare_runs)
    rf"|(?<=[{CLAUSE_ENDS}：:{NEWLINES}])(?P<bare>(?P<bare_n>十?[{_CN}])(?=[{IDEOGRAPH}])(?![{_CN}是要])))"
)
_PUNCT_AFTER_SEQ = "，,：:、"
_SENTENCE_OPENING = CLAUSE_ENDS + NEWLINES + " \u3000"     # 最后 opening a sentence or a line needs no comma after it
_LAST_AS_MODIFIER = words("last_as_modifier")      # unless it is "the last": 最后的胜利, 最后阶段
_WORDS_ENDING_YI = tuple(words("words_ending_yi"))   # 统一, 之一: their 一 numbers nothing
_NUMERAL_CHARS = set(_CN + "两〇零0123456789" + FULLWIDTH_DIGITS)


class _Marker:
    """One marker candidate."""

    __slots__ = ("start", "end", "family", "group", "number", "marker", "block", "initial",
                 "followers", "order")

    def __init__(self, start, end, family, group, number, marker):
        self.start, self.end = start, end
        self.family, self.group, self.number, self.marker = family, group, number, marker
        self.block = None
        self.initial = False
        self.followers = ()
        self.order = None       # its block's place among blocks that are not photo captions


def _after_caption(text, start):
    """True when ``start`` follows a photo credit such as ``记者 鞠鹏/摄`` or
    ``（记者 鞠鹏 摄）`` (:mod:`policy_nlp.lang.captions`)."""
    return (start > 0 and text[start - 1] in "摄影）)/"
            and CAPTION_END_RE.search(text, max(0, start - _CREDIT_REACH), start) is not None)


def _candidates(text):
    """Every marker candidate in ``text``, with family, group and number."""
    found, heading = [], None        # heading: the last outline heading marker
    last_numbers = {}                # group -> the number of its last marker
    notes = None                     # the notes headings, searched at the first circled numeral
    cited = -1                       # the end of the last bracketed numeral that cites a clause
    for m in _MARKER.finditer(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else ""
        word_like = kind in ("dige", "di", "shi", "dun", "seq", "qi", "adot", "adun")
        glued = word_like and IDEOGRAPH_RE.match(before) and not _after_caption(text, start)
        if kind in ("adot", "adun") and (before.isascii() and before.isalnum() or before in ".．"
                                         or before in FULLWIDTH_DIGITS):
            continue
        if kind in ("pcn", "pd") and _cited(text, start, cited):
            cited = end
            continue
        if kind in ("pcn", "half"):
            number, family, group = numerals.number(m.group(kind + "_n")), "（一）", "（一）"
        elif kind == "pd":
            number, family, group = numerals.number(m.group("pd_n")), "（1）", "（1）"
        elif kind == "dige":
            number, family = numerals.number(m.group("dige_n")), "第一"
            group = "第个" + m.group("dige_noun") if m.group("dige_noun") else "第" + m.group("dige_unit")
        elif kind == "di":
            following = text[end + 1:end + 3]              # after the 、
            if after == "、" and len(following) == 2 and (
                    following[0] in _CN + "两" and following[1] in "、等季月级" or following[0] == "第" and following[1] in _CN):
                continue                                    # 第一、二季度, 第一、第二、第三产业 (not 第二、一定要…)
            number, family, group = numerals.number(m.group("di_n")), "第一", "第一"
        elif kind == "shi":
            if text.startswith(m.group("shi_n"), end):
                continue                                    # 一是一，二是二
            family = "一是" if m.group("shi_v") == "是" else "一要"
            number, group = numerals.number(m.group("shi_n")), family
        elif kind == "dun":
            if (after in "是要" and not _opens_line(text, start)) or (
                    after in _CN + "两" and text[end + 1:end + 2] in "、等季月级"):
                continue                                    # 一、二等奖, 一、二季度; ¶一、要… is a heading
            number, family, group = numerals.number(m.group("dun_n")), "一、", "一、"
        elif kind == "seq":
            word = m.group("seq")
            if word in ("再次", "最后") and after not in _PUNCT_AFTER_SEQ and not (
                    word == "最后" and before in _SENTENCE_OPENING and after not in _NUMERAL_CHARS
                    and not text.startswith(_LAST_AS_MODIFIER, end)):
                continue                                    # 再次证明, 最后一公里
            number, family, group = _SEQUENCE_WORDS[word], "首先", "首先"
        elif kind == "qi":
            number, family, group = numerals.number(m.group("qi_n")), "其一", "其一"
        elif kind == "adot":
            number, family, group = numerals.number(m.group("adot_n")), "1.", "1."
        elif kind == "adun":
            number, family, group = numerals.number(m.group("adun_n")), "1、", "1、"
        elif kind == "bare":
            number, family, group = numerals.number(m.group("bare_n")), "一", "一"
        elif kind == "sym":
            ch = m.group("sym")
            notes = _notes_headings(text) if notes is None else notes
            if _note_mark(text, start, end, notes):
                continue
            for table, family in ((_CIRCLED, "①"), (_PAREN_DIGIT, "（1）"),
                                  (_DOT_DIGIT, "1."), (_PAREN_HAN, "（一）")):
                if ch in table:
                    number, group = table[ch], family
                    break
        else:
            number, family, group = None, "——", "——"
        if number is not None and not 1 <= number <= 60 or _TOC_ENTRY.match(text, end):
            continue
        if glued and not (_goes_on_chapters(text, end, family, number, last_numbers.get(group))
                          or _glued_to_heading(text, start, family, group, number, heading, last_numbers.get(group))):
            continue
        marker = _Marker(start, end, family, group, number, m.group())
        found.append(marker)
        last_numbers[group] = number
        if family in _HEADING_FAMILIES:
            heading = marker
    return _half_brackets(text, _bare_runs(text, _glued_first_heading(text, found)))


def _half_brackets(text, found):
    """``found`` without the half-bracketed numerals (一), 【一)) whose number the （一）
    markers next to them do not run on from or into (policy_docs central-5: ¶一)…¶(二)…;
    central-21: …(二)…。三)…(四)…)."""
    brackets = [m for m in found if m.group == "（一）"]
    dropped = set()
    for index, marker in enumerate(brackets):
        if text[marker.start] in "（(":
            continue
        before = brackets[index - 1].number if index else None
        after = brackets[index + 1].number if index + 1 < len(brackets) else None
        if before != marker.number - 1 and after != marker.number + 1:
            dropped.add(marker.start)
    return [m for m in found if m.start not in dropped] if dropped else found


# a 一、 glued to the word before it, not a numeral range (一、二等奖) nor a list of numerals
_GLUED_ONE = re.compile(rf"(?<=[{IDEOGRAPH}])一、(?![{_CN}两])")


def _glued_first_heading(text, found):
    """``found`` with the headings numbered one that a page without line breaks glued to the
    word before them (…请全国政协委员提出意见一、2011年工作回顾　　…。二、2012年工作总体部署;
    …最值得认真吸取的有以下几点一、牢固树立…　　…。二、无论建设还是改革…, the 1988 report after
    an earlier run 一、…五、): a 一、 marker numbered two that opens a line or follows a
    sentence end, with no 一、 marker numbered one since the run before it, takes the last
    一、 after a Chinese character before it (not the 一 of a word: 统一、) as its heading
    numbered one."""
    added, previous = [], None
    for two in (m for m in found if m.group == "一、"):
        if two.number == 2 and (previous is None or previous.number != 1) and _opens_line(text, two.start):
            one = None
            for m in _GLUED_ONE.finditer(text, previous.end if previous else 0, two.start):
                if not text.endswith(_WORDS_ENDING_YI, 0, m.start() + 1):
                    one = m
            if one is not None:
                added.append(_Marker(one.start(), one.end(), "一、", "一、", 1, one.group()))
        previous = two
    return sorted(found + added, key=lambda m: m.start) if added else found


_BARE_RUN = 3           # bare numerals number items from this many in a row
_BARE_ITEM = 300        # and each item is at most this long


def _bare_runs(text, found):
    """``found`` without the bare numerals (family 一) that number no items.

    A page that lost the 、 or 是 of its markers numbers its items with bare
    numerals opening sentences (提出要求:一思想态度要端正。二对照检查认识要深刻。三相互批评…):
    they count in a run of at least ``_BARE_RUN`` numbered one, two, three … in
    one line, each item at most ``_BARE_ITEM`` characters, the items opening
    with different characters (not 一级指标…。二级指标…。三级指标…, a rank)."""
    bare = [m for m in found if m.family == "一"]
    kept, index = set(), 0
    while index < len(bare):
        run = [bare[index]]
        for marker in bare[index + 1:]:
            last = run[-1]
            if (marker.number != last.number + 1 or marker.start - last.start > _BARE_ITEM
                    or ONE_LINE_BREAK.search(text, last.start, marker.start)):
                break
            run.append(marker)
        if (run[0].number == 1 and len(run) >= _BARE_RUN
                and len({text[m.end] for m in run}) > 1):
            kept.update(id(m) for m in run)
        index += len(run)
    return [m for m in found if m.family != "一" or id(m) in kept]


_CITE_JOINS = " \u3000" + NEWLINES + "、和或至"


def _cited(text, start, cited):
    """Whether the bracketed numeral at ``start`` cites a clause rather than
    numbering an item: it follows 第 or 至 (其中第（一）至（四）项为必选任务),
    or comes right after one that does (本规范第十条第（四）（六）（十）项规定,
    附件2中第（五）⏎（十二）项; ``cited``: the end of that one, or -1)."""
    return text[start - 1:start] in ("第", "至") or (cited >= 0 and not text[cited:start].strip(_CITE_JOINS))


_SYMBOLS = "\u2460-\u249b\u3220-\u3229"
_SYMBOL = re.compile(f"[{_SYMBOLS}]")
_PLACEHOLDER = "＠@"     # ＠① stands for a character the page could not show (未存字注释: ＠①原字…)
# a line of its own, whatever ends the lines ((?m)^ and $ know only \n)
_NOTES_HEADING = re.compile(
    rf"(?:^|(?<=[{NEWLINES}]))[ \u3000]*[{IDEOGRAPH}]{{0,6}}(?:{alternation('note_headings')})[ \u3000]*[：:][ \u3000]*"
    rf"(?=[{NEWLINES}]|$)")


def _note_mark(text, start, end, notes):
    """Whether the circled or bracketed numeral at ``start`` marks a note, not
    an item: one of a run of such numerals (（⑵⑶）, the garbled footnote
    marks of scanned reports), a placeholder for a missing character (硫＠①),
    or a numeral set inline above a notes heading (注：, 注释：) that numbers a
    note below it (…新的语言”。②毛泽东同志… ¶注： ¶② 马克思：…). ``notes``:
    :func:`_notes_headings` of ``text``."""
    if _SYMBOL.match(text, end) or start and (text[start - 1] in _PLACEHOLDER or _SYMBOL.match(text, start - 1)):
        return True
    starts, ends = notes
    k = bisect_left(starts, end)                          # the first heading after the numeral
    heading_end = ends[k] if k < len(starts) else None
    before = before_blanks(text, start)
    return (heading_end is not None and before > 0 and text[before - 1] not in NEWLINES
            and text.find(text[start], heading_end) != -1)


def _notes_headings(text):
    """The starts and the ends of the notes headings of ``text``, in order
    (one search per text, not one per numeral: a long text holds thousands of ①)."""
    found = [m.span() for m in _NOTES_HEADING.finditer(text)]
    return [a for a, _ in found], [z for _, z in found]


def _opens_line(text, start):
    """Whether only blanks stand between ``start`` and the start of its line
    or what an inline heading follows (a page whose line breaks were lost:
    同志们:一、要认清形势…)."""
    before = before_blanks(text, start)
    return before == 0 or text[before - 1] in NEWLINES or text[before - 1] in _HEADING_AFTER


def _after_title(text, start):
    """Whether ``text[:start]`` is a title whose line break was lost: one
    line of a heading's length (:func:`~policy_nlp.lang.outline.is_heading_title`) without punctuation."""
    return 0 < start and is_heading_title(text, 0, start, stops=_DOCUMENT_TITLE_STOP)


def _goes_on_chapters(text, end, family, number, last_number):
    """Whether an inline 一、 right after a Chinese character (ending at
    ``end``) is a heading glued to the last word of the paragraph above, on
    a page whose line breaks were lost (…提升整体运营效率六、质量管控…,
    …数字机关品牌五、加速数字社会建设…): it goes on with the numbering of the
    一、 marker before it (``last_number``), and no numeral follows it (a
    range: …产量要多五、六倍)."""
    return (family == "一、" and (number or 0) >= 2 and last_number == number - 1 and text[end - 1] == "、"
            and text[end:end + 1] not in _NUMERAL_CHARS)


def _glued_to_heading(text, start, family, group, number, heading, last_number=None):
    """Whether a marker right after a Chinese character opens the line after a
    heading whose line break was lost: the text between ``heading`` (the
    last outline heading marker before it) and the marker is a heading line
    (:func:`~policy_nlp.lang.outline.is_heading_title`: no sentence end, colon or
    semicolon), and the marker goes on with its numbering (二、请…讲话三、请…)
    or opens a list under it in a lower family, numbered one
    (一、履职情况和工作亮点1.落实…, 一、加强学习,提高班子的整体素质一是…) or
    going on with the numbering of its family's marker before
    (``last_number``; 二、产品设计3.产品数字化研发设计…: the numbering runs on across sections). With
    no heading before it, a list numbered one may follow the text's title,
    a first line without punctuation (…在全县农村工作会议上的讲话一是…).
    A 一 that ends a word (一、坚持思想统一是前提) is none."""
    if text.endswith(_WORDS_ENDING_YI, 0, start + 1):
        return False
    if heading is None:
        return number == 1 and _after_title(text, start)
    if not is_heading_title(text, heading.end, start, stops=_HEADING_STOP):
        return False
    if group == heading.group:
        return number == heading.number + 1
    return number in (1, (last_number or 0) + 1) and _RANK[family] > _RANK[heading.family]


def _initial_only(marker, text):
    """Markers that count only when they open a paragraph (一， 一.), or for
    ——, a line or a sentence (not 改革——这是…), or follow a photo credit."""
    if marker.group == "——":
        return not (_opens_line(text, marker.start) or _after_caption(text, marker.start))
    return marker.family == "一、" and not marker.marker.endswith("、")
