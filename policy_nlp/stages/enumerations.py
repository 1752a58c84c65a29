"""Numbered lists of Chinese policy text as an outline, with count claims.

Policy text is organised by ordinal markers. :func:`find_lists` finds them,
groups them into lists, nests the lists into a tree and links each list to
the sentence that announces how many items it has (我讲三点意见).

Marker families
---------------
``family`` is the literal style of a list's first marker:

==========  ==============================================================
family      markers (the half-width and circled variants it also covers)
==========  ==============================================================
一、        一、 二、 … (paragraph-initial also 一， 一． 一.)
（一）      （一） (一) ㈠
1.          1. 1． ⒈
1、         1、
（1）       （1） (1) ⑴
①           ① ② … ⑳
一是        一是 二是 …
一要        一要 二要 …
第一        第一， 第二、 …, 第一个问题： 第二个问题： … (a run of one noun) and
            第一项： 第一阶段， (also 第N步 第N条 第N天; a run of one unit)
首先        首先 其次 再次 最后, continued by 第三 第四 …
其一        其一， 其二， 其三， … (a word-like marker followed by ， ： or 、)
——          paragraphs that open with —— (also ──, －－, --)
==========  ==============================================================

How markers are recognised
--------------------------
A marker is *paragraph-initial* when only blanks precede it in its paragraph,
*inline* otherwise. Word-like markers (一是, 一要, 第一, 首先, 其一, 一、 inline,
and Arabic ones) must not follow a Chinese character, so 统一是, 之一是, 第一要务,
世界第一， 及其一小撮, 择其一 and 附件1. are not markers (nor 其一生, 其一贯:
其一 needs a comma, colon or 、 after it); the one exception is a photo credit
(``新华社记者 X/摄第一，``), which web copies of speeches glue to the next
sentence. 第一次, 第一批, 一是一 and 一、二季度 are not markers; ``1.`` is
never followed by a digit, so decimals (6.5%, PM2.5) and dates are not
markers. A list needs two items: a lone 首先 or 一是 is not a list, and 最后
only ends a 首先 … 其次 … list (not 第一 … 第三 …, where it is the closing
remark); 最后 needs a comma or colon after it (最后一公里, 最后阶段) unless it
opens a sentence (…其次希望…。最后在春节来临之际,…), and no numeral follows it
nor a word that makes it "the last" (最后的胜利, 最后阶段: ``lang/data/last_as_modifier.txt``).
The one exception is an outline heading numbered one that holds a
list of its own (一、… ¶（一）… ¶（二）…, in a text cut before 二、): it is a
list of one item, the parent of the lists under it. On a page whose line
breaks were lost, such a heading is an inline 一、 right after a sentence end
or colon, over an inline list later in its paragraph (…三点意见。一、统一思想…
（一）…（二）…); its section is the rest of the paragraph.

Grouping and nesting
--------------------
*Inline lists* are runs of markers of one family inside one paragraph (the
first may open the paragraph): 一是…二是…三是. *Block lists* are runs of
paragraph-initial markers across paragraphs; paragraphs between two items
belong to the first (a heading's section), and a —— run must be consecutive
paragraphs. A list may start inline and go on at the start of the next
paragraphs (``…困难和挑战。一是…`` ¶ ``二是…``), or go on inline after a
paragraph-initial item (¶ ``三是…。四是…`` ¶ ``五是…``). A continuation
without a gap is preferred to one with a gap. Block lists nest by a stack in
the usual hierarchy 一、 > （一） > 1./1、 > （1） > ① > 第一/首先/其一 >
一是/一要/——, and a chapter heading (第一章, 第二部分) closes every list, as
does a preview's notice of hidden text (此处隐藏6492个字, 省略264字);
an inline list belongs to the innermost item that contains it (一是 lists
under the paragraph item they are written in), and no item contains what
follows such a chapter heading or notice.

Items and their spans
---------------------
Every item starts at its marker. A paragraph-initial item ends with its
paragraph (for a heading, the heading line); fragments that web copies cut
off a paragraph (``PM`` / ``2.5`` / ``）浓度…``) are glued back first. An
inline item ends where the next item starts; the last one runs for about as
many sentences as its siblings, never past its paragraph and never into a
sentence that announces something new (以下几个方面, a closing colon).

Gaps and restarts
-----------------
``gaps`` lists each break in the numbering as
``{"after": i, "expected": n, "found": m}``: after item ``i`` (None: before
the first item) number ``n`` was expected and ``m`` found (missing numbers
when ``m > n``, a repeated number when ``m < n``). ``restart`` is True when
an earlier list of the same family already ran in the same container (the
same parent item, or the top level): the numbering started over.

Count claims
------------
A count phrase (numeral or 几, a measure word such as 点 个方面 项 件 条 大,
and a short head: 三点意见, 以下八个方面的特点, 四件大事) in the sentence
right before the first item is the list's claim; a sentence up to three
back counts only when it points forward (以下, 如下, 这样, 几个方面); and
``以上十四条`` right after the list counts for it. A count far from the end
of its clause or after 等 is weak evidence and is kept only when the list
agrees with it (see ``_count_in``). A quoted formulation ending the sentence
right before the list (提出了“五个强化”。¶一是强化…¶二是强化…) is its claim when
every item opens with the formulation's head, whatever the count. ``claim`` is
``{"start", "end", "text", "number"}`` where ``text`` is the clause of the
count phrase, from 我/我们 when the clause has them, and ``number`` is None
for 几. ``count_matches`` compares ``number`` with the items found (None
when there is no claim or no number).
"""

import bisect
import heapq
import re

from policy_nlp.lang.notices import HIDDEN_TEXT
from policy_nlp.lang.numerals import number as chinese_number
from policy_nlp.lang.words import words
from policy_nlp.stages.paragraphs import physical_paragraphs
from policy_nlp.stages.slogans import parse_numbered
from policy_nlp.stages.slogans.counting import MEASURES, NUM_CHARS

__all__ = ["find_lists", "FAMILIES", "chinese_number"]

FAMILIES = ("一、", "（一）", "一是", "一要", "第一", "首先",
            "1.", "1、", "（1）", "①", "——", "其一")

# Outline rank: a new block list nests under open lists of lower rank.
_RANK = {"一、": 0, "（一）": 1, "1.": 2, "1、": 2, "（1）": 3, "①": 4,
         "第一": 5, "首先": 5, "其一": 5, "一是": 6, "一要": 6, "——": 6}
_LEAF_RANK = 6          # lists of these families never contain block lists
_MAX_SKIP = 3           # a jump of up to this many numbers is a gap, not a new list
_OPEN_RUNS = 4          # inline runs of one numbering a marker may continue (nesting depth)

_CN = "一二三四五六七八九十"
_HAN = re.compile(r"[\u3400-\u9fff]")


_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}          # ① … ⑳
_PAREN_DIGIT = {chr(0x2474 + i): i + 1 for i in range(20)}      # ⑴ … ⒇
_DOT_DIGIT = {chr(0x2488 + i): i + 1 for i in range(20)}        # ⒈ … ⒛
_PAREN_HAN = {chr(0x3220 + i): i + 1 for i in range(10)}        # ㈠ … ㈩
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": None}

_MARKER = re.compile(
    rf"(?=[（(第{_CN}首其再最0-9０-９\u2460-\u249b\u3220-\u3229—─－-])"
    rf"(?:(?P<pcn>[（(][ \u3000]?(?P<pcn_n>[{_CN}]{{1,3}})[ \u3000]?[）)])"
    r"|(?P<pd>[（(][ \u3000]?(?P<pd_n>[0-9０-９]{1,2})[ \u3000]?[）)])"
    rf"|(?P<dige>第(?P<dige_n>[{_CN}]{{1,3}})(?:个(?P<dige_noun>[\u4e00-\u9fff]{{1,4}}?)|(?P<dige_unit>项|阶段|步|条|天))(?=[：:，,]))"
    rf"|(?P<di>第(?P<di_n>[{_CN}]{{1,3}})(?=[，,、：:．.]))"
    rf"|(?P<shi>(?P<shi_n>[{_CN}]{{1,3}})\n?(?P<shi_v>[是要]))"   # 一⏎是: a hard wrap
    rf"|(?P<dun>(?P<dun_n>[{_CN}]{{1,3}})[、，,．.])"
    r"|(?P<seq>首先|其次|再次|最后)"
    rf"|(?P<qi>其(?P<qi_n>[{_CN}]{{1,3}})(?=[，,：:、]))"
    r"|(?P<adot>(?P<adot_n>[0-9０-９]{1,2})[.．](?![0-9０-９]))"
    r"|(?P<adun>(?P<adun_n>[0-9０-９]{1,2})、(?![0-9０-９]))"
    r"|(?P<sym>[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u3220-\u3229])"
    r"|(?P<dash>——|──|－－|--))"
)
_PUNCT_AFTER_SEQ = "，,：:、"
_SENTENCE_OPENING = "。！？；;!?\n \u3000"     # 最后 opening a sentence needs no comma after it
_LAST_AS_MODIFIER = words("last_as_modifier")      # unless it is "the last": 最后的胜利, 最后阶段
_NUMERAL_CHARS = set(_CN + "两〇零0123456789０１２３４５６７８９")


class _Marker:
    """One marker candidate."""

    __slots__ = ("start", "end", "family", "group", "number", "marker", "block", "initial",
                 "followers")

    def __init__(self, start, end, family, group, number, marker):
        self.start, self.end = start, end
        self.family, self.group, self.number, self.marker = family, group, number, marker
        self.block = None
        self.initial = False
        self.followers = ()


def _after_caption(text, start):
    """True when ``start`` follows a photo credit such as ``记者 鞠鹏/摄``."""
    return text[start - 1] == "摄" and start >= 2 and text[start - 2] in "/／"


def _candidates(text):
    """Every marker candidate in ``text``, with family, group and number."""
    found = []
    for m in _MARKER.finditer(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else ""
        word_like = kind in ("dige", "di", "shi", "dun", "seq", "qi", "adot", "adun")
        if word_like and _HAN.match(before) and not _after_caption(text, start):
            continue
        if kind in ("adot", "adun") and (before.isascii() and before.isalnum() or before in ".．"
                                         or before in "０１２３４５６７８９"):
            continue
        if kind == "pcn":
            number, family, group = chinese_number(m.group("pcn_n")), "（一）", "（一）"
        elif kind == "pd":
            number, family, group = chinese_number(m.group("pd_n")), "（1）", "（1）"
        elif kind == "dige":
            number, family = chinese_number(m.group("dige_n")), "第一"
            group = "第个" + m.group("dige_noun") if m.group("dige_noun") else "第" + m.group("dige_unit")
        elif kind == "di":
            if after in _NUMERAL_CHARS and text[end - 1] == "、" and after in _CN + "两":
                continue                                    # 第一、二季度
            number, family, group = chinese_number(m.group("di_n")), "第一", "第一"
        elif kind == "shi":
            if text.startswith(m.group("shi_n"), end):
                continue                                    # 一是一，二是二
            family = "一是" if m.group("shi_v") == "是" else "一要"
            number, group = chinese_number(m.group("shi_n")), family
        elif kind == "dun":
            if (after in "是要" and before not in "\n \u3000") or (
                    after in _CN + "两" and text[end + 1:end + 2] in "、等季月级"):
                continue                                    # 一、二等奖, 一、二季度; ¶一、要… is a heading
            number, family, group = chinese_number(m.group("dun_n")), "一、", "一、"
        elif kind == "seq":
            word = m.group("seq")
            if word in ("再次", "最后") and after not in _PUNCT_AFTER_SEQ and not (
                    word == "最后" and before in _SENTENCE_OPENING and after not in _NUMERAL_CHARS
                    and not text.startswith(_LAST_AS_MODIFIER, end)):
                continue                                    # 再次证明, 最后一公里
            number, family, group = _SEQUENCE_WORDS[word], "首先", "首先"
        elif kind == "qi":
            number, family, group = chinese_number(m.group("qi_n")), "其一", "其一"
        elif kind == "adot":
            number, family, group = chinese_number(m.group("adot_n")), "1.", "1."
        elif kind == "adun":
            number, family, group = chinese_number(m.group("adun_n")), "1、", "1、"
        elif kind == "sym":
            ch = m.group("sym")
            for table, family in ((_CIRCLED, "①"), (_PAREN_DIGIT, "（1）"),
                                  (_DOT_DIGIT, "1."), (_PAREN_HAN, "（一）")):
                if ch in table:
                    number, group = table[ch], family
                    break
        else:
            number, family, group = None, "——", "——"
        if number is not None and not 1 <= number <= 60:
            continue
        found.append(_Marker(start, end, family, group, number, m.group()))
    return found


def _initial_only(marker):
    """Markers that count only when they open a paragraph (一， 一. ——)."""
    return marker.group == "——" or (marker.family == "一、" and not marker.marker.endswith("、"))


# ---------------------------------------------------------------------------
# Paragraph blocks

_CLOSING = "）)，,。、；;：:！？!?”’》」』"
_TERMINAL = "。！？；：!?;:…”’」』）)"


_HEADING_FAMILIES = ("一、", "（一）", "1.", "1、", "（1）", "①")
_HEADING_AFTER = "。！？!?：:；;"   # what an inline heading follows


def _blocks(text, paragraphs, markers_at=None):
    """Merge the pieces of paragraphs that web copies cut apart into blocks.

    A paragraph is glued to the block before it when it starts with closing
    punctuation (``）浓度…``), or when the block before stops without ending a
    sentence (``…生态屏障建`` / ``设，…``; ``PM`` / ``2.5``; ``——`` /
    ``改革开放`` / ``深入推进。``) and the paragraph does not open with a list
    marker — unless that block is a heading (it opens with 一、 （一） 1.
    （1） or ①), whose line ends without punctuation by design.
    """
    markers_at = markers_at or {}
    blocks = []
    for start, end in paragraphs:
        first = _effective_start(text, start, end)
        if blocks:
            b_start, b_end = blocks[-1]
            opening = markers_at.get(_effective_start(text, b_start, b_end))
            heading = (opening is not None and opening.family in _HEADING_FAMILIES
                       and opening.end < b_end)
            if text[first] in _CLOSING or (
                    text[b_end - 1] not in _TERMINAL and first not in markers_at and not heading):
                blocks[-1] = (b_start, end)
                continue
        blocks.append((start, end))
    return blocks


_SENTENCE_END = re.compile(r"[。！？!?]")
_PAGE_HEADING = 100     # a heading line is at most this long (a page of run-on text is longer)


def _without_page_numbers(text, paragraphs, candidates):
    """Drop the page numbers of flattened PDF or document previews.

    Such pages print ``2、`` at the start of each page, so the marker opens a
    line in the middle of a sentence (``…市政府表`` ¶ ``2、彰先进的决定``). An
    Arabic marker that opens a paragraph is a page number when the paragraph
    before it is body text (at least 15 characters, not a heading: a line of
    at most ``_PAGE_HEADING`` characters opened by a marker with no sentence
    end in it) that stops without ending a sentence.
    """
    at = {m.start: m for m in candidates}
    dropped = set()
    previous = None
    for start, end in paragraphs:
        first = _effective_start(text, start, end)
        marker = at.get(first)
        if marker is not None and marker.family in ("1、", "1.") and previous is not None:
            p_start, p_end = previous
            p_first = _effective_start(text, p_start, p_end)
            p_last = _trim_end(text, p_first, p_end)
            heading = (p_first in at and p_last - p_first <= _PAGE_HEADING
                       and not _SENTENCE_END.search(text, p_first, p_last))
            if p_last - p_first >= 15 and text[p_last - 1] not in _TERMINAL and not heading:
                dropped.add(first)
        if first < end:
            previous = (start, end)
    return [m for m in candidates if m.start not in dropped]


_GLUED_AFTER = "。；;！!？?"
_HEADING_LINE = 40


def _unglued_headings(text, paragraphs, candidates):
    """Paragraphs split before the headings that PDF and web copies glue to
    the end of the paragraph above (…系统的兼容性。（二）装备与系统标准（CIB）⏎).

    Such a heading is a 一、 or （一） marker numbered two or more right after
    a sentence end, on a line of at most ``_HEADING_LINE`` characters with no
    sentence end in it, and the number before it is a marker of the same
    numbering earlier in the text.
    """
    seen, cuts = set(), []
    for marker in candidates:
        if (marker.family in ("一、", "（一）") and (marker.number or 0) >= 2
                and (marker.group, marker.number - 1) in seen):
            before = marker.start
            while before > 0 and text[before - 1] in " \u3000":
                before -= 1
            # the line break is looked for within the heading's reach only (linear on one-line texts)
            line_end = text.find("\n", marker.end, marker.end + _HEADING_LINE + 8)
            if line_end == -1 and len(text) <= marker.end + _HEADING_LINE + 8:
                line_end = len(text)                        # the text's last line
            line = text[marker.end:line_end] if line_end != -1 else ""
            if (before > 0 and text[before - 1] in _GLUED_AFTER and 0 < len(line.strip()) <= _HEADING_LINE
                    and not _SENTENCE_END.search(line)):
                cuts.append(marker.start)
        seen.add((marker.group, marker.number))
    if not cuts:
        return paragraphs
    result = []
    for start, end in paragraphs:
        index = bisect.bisect_right(cuts, start)
        while index < len(cuts) and cuts[index] < end:
            result.append((start, cuts[index]))
            start = cuts[index]
            index += 1
        result.append((start, end))
    return result


def _effective_start(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    return start


# ---------------------------------------------------------------------------
# Lists under construction

class _List:
    __slots__ = ("family", "group", "items", "inline", "parent", "parent_item",
                 "spans", "scopes", "claim", "index", "consumed", "chapter", "heading")

    def __init__(self, first, inline):
        self.family, self.group = first.family, first.group
        self.items = [first]
        self.inline = inline
        self.parent = None
        self.parent_item = None
        self.spans = self.scopes = None
        self.claim = None
        self.consumed = False
        self.chapter = 0
        self.heading = False            # an inline outline heading (its scope: the rest of its block)

    @property
    def last_number(self):
        for item in reversed(self.items):
            if item.number is not None:
                return item.number
        return 0

    @property
    def rank(self):
        return _RANK[self.family]

    @property
    def closed(self):
        return self.items[-1].number is None and self.family != "——"

    def accepts(self, marker):
        """Whether ``marker`` continues this list's numbering.

        首先 … 其次 … 第三 and 第一 … 第二 … 最后 mix families, but only
        without a gap. A repeated number is a gap (二是 … 二是), but for a
        repeated 其次, which opens another sequence (首先…；其次… 。…其次我想讲…).
        """
        if self.closed:
            return False
        if self.group == "——":
            return marker.group == "——" and marker.block == self.items[-1].block + 1
        if marker.number is None:                           # 最后 ends 首先 … 其次 …
            return len(self.items) >= 2 and self.group == "首先"
        last = self.last_number
        if marker.group != self.group:
            return (self.group == "首先" and marker.group == "第一"
                    and marker.number == last + 1)
        return last < marker.number <= last + _MAX_SKIP or (
            marker.number == last > 1 and self.group != "首先")


def _inline_runs(markers):
    """Runs of same-group markers inside one block. A run that starts over
    inside an item leaves the outer run open: 二是细化责任…（一是…；…六是…）；
    三是加强领导 goes on with the outer run's 三是 (a continuation without a gap
    is preferred, as in the outline)."""
    runs, recent = [], {}               # recent: group -> its last _OPEN_RUNS runs
    for marker in markers:
        if marker.group == "——":
            continue
        groups = (marker.group, "首先") if marker.group == "第一" else (marker.group,)   # see _List.accepts
        accepting = [run for group in groups for run in recent.get(group, ()) if run.accepts(marker)]
        if accepting:
            exact = [run for run in accepting if _exact(run, marker)]
            max(exact or accepting, key=lambda run: run.items[-1].start).items.append(marker)
            continue
        run = _List(marker, inline=True)
        runs.append(run)
        group_runs = recent.setdefault(marker.group, [])
        group_runs.append(run)
        del group_runs[:-_OPEN_RUNS]
    return runs


def _exact(lst, marker):
    """``marker`` continues ``lst`` without a gap."""
    return lst.accepts(marker) and (marker.number is None or marker.number == lst.last_number + 1)


_CHAPTER = re.compile(rf"第[{_CN}]{{1,3}}(?:章|部分|篇|编)")
_HIDDEN = re.compile(HIDDEN_TEXT)


def _build(text, blocks, markers, chapters=()):
    """Group markers into inline and block lists, with block-list parents.

    ``chapters`` are the starts of 第一章 / 第二部分 headings: each closes
    every open list (lists do not run across chapters). Two passes
    (:class:`_Builder`): runs of markers inside each block first, then the
    block markers into an outline; lists of one item are dropped last.
    """
    builder = _Builder(markers, text)
    block_markers = builder.inline_pass()
    builder.block_pass(block_markers, chapters)
    return builder.result()


class _Builder:
    """The state of :func:`_build`: pending inline runs, inline lists, the
    stack of open block lists and the block lists made so far."""

    def __init__(self, markers, text=""):
        self.text = text
        self.by_block, self.by_group = {}, {}
        self.numbers_by_group = {}      # the numbers of by_group's markers, in the same order
        for marker in markers:
            self.by_block.setdefault(marker.block, []).append(marker)
            self.by_group.setdefault(marker.group, []).append(marker.start)
            self.numbers_by_group.setdefault(marker.group, []).append(marker.number)
        self.initial_starts = sorted(m.start for m in markers if m.initial)
        self.pending = {}      # group -> [(last item's start, id, run)] sorted: runs a later marker may continue
        self.inline_lists = []
        self.block_lists, self.stack = [], []
        self.chapter = 0
        self.inline_headings = []      # one-item inline runs that may be outline headings

    def nothing_between(self, run, marker, groups):
        last = run.items[-1].start
        for group in groups:
            positions = self.by_group[group]
            index = bisect.bisect_right(positions, last)
            if index < len(positions) and positions[index] < marker.start:
                return False
        return True

    def add_pending(self, run):
        """Record ``run`` (again, once its last item changed) as pending."""
        bisect.insort(self.pending.setdefault(run.group, []), (run.items[-1].start, id(run), run))

    def latest_pending(self, group, before):
        """The pending run of ``group`` whose last item is the latest before
        ``before``, not consumed; entries left behind by a consumed run or by
        one that went on since are dropped on the way (each once)."""
        entries = self.pending.get(group, [])
        index = bisect.bisect_left(entries, (before,)) - 1
        while index >= 0:
            last, _, run = entries[index]
            if not run.consumed and run.items[-1].start == last:
                return run
            del entries[index]
            index -= 1
        return None

    def continued_run(self, marker, container_start, exact):
        """The latest pending run that ``marker`` continues (一是… ¶ 二是…), or None."""
        if marker.number is None or marker.number < 2:
            return None
        groups = (marker.group, "首先") if marker.group == "第一" else (marker.group,)
        latest = [run for run in map(self.latest_pending, groups, (marker.start,) * 2) if run is not None]
        if not latest:
            return None
        run = max(latest, key=lambda run: run.items[-1].start)
        if (run.items[0].start > container_start
                and self.nothing_between(run, marker, {run.group, marker.group})
                and (_exact(run, marker) if exact else run.accepts(marker))):
            return run
        return None

    # --- pass 1: runs inside blocks ---------------------------------------

    def inline_pass(self):
        """Make the inline lists; return the markers that start block items."""
        block_markers = []
        for block in sorted(self.by_block):
            block_markers.extend(m for m in self.by_block[block] if m.group == "——")
            last_of_group = {m.group: m for m in self.by_block[block]}
            for run in _inline_runs(self.by_block[block]):
                self._inline_run(run, block, last_of_group, block_markers)
        block_markers.sort(key=lambda m: m.start)
        return block_markers

    def _inline_run(self, run, block, last_of_group, block_markers):
        first = run.items[0]
        if first.initial and not (len(run.items) >= 2 and (first.number or 1) <= 2):
            # ¶三是 … 四是 … ¶五是: one block item, then inline ones
            block_markers.append(first)
            first.followers = run.items[1:]
            return
        if not first.initial:
            # an inline run going on from an earlier paragraph, with no heading between
            position = bisect.bisect_right(self.initial_starts, run.items[0].start - 1)
            heading = self.initial_starts[position - 1] if position else -1
            previous = self.continued_run(first, heading, exact=False)
            if previous is not None and previous.items[-1].block >= block - 3:
                previous.items.extend(run.items)
                self.add_pending(previous)
                if previous not in self.inline_lists:
                    self.inline_lists.append(previous)
                return
        if len(run.items) >= 2 and (first.number or 1) <= 2:
            self.inline_lists.append(run)
        elif self.after_sentence(first):
            self.inline_headings.append(run)
        if run.items[-1] is last_of_group[run.group]:
            self.add_pending(run)

    def after_sentence(self, marker):
        """Whether ``marker`` is an inline 一、 numbered one right after a
        sentence end, a colon or a semicolon (blanks between): a heading on a page whose
        line breaks were lost (…我讲三点意见。一、统一思想…)."""
        if marker.family != "一、" or marker.number != 1 or not marker.marker.endswith("、"):
            return False
        before = marker.start
        while before > 0 and self.text[before - 1] in " \u3000\u00a0":
            before -= 1
        return before > 0 and self.text[before - 1] in _HEADING_AFTER

    # --- pass 2: the outline of block lists --------------------------------

    def new_list(self, marker, run):
        stack = self.stack
        for position, open_list in enumerate(stack):
            if open_list.group == marker.group:
                del stack[position:]                        # numbering starts over
                break
        if run is not None:
            run.consumed = True
            if run in self.inline_lists:
                self.inline_lists.remove(run)
            new = _List(run.items[0], inline=False)
            new.items = run.items + [marker]
        else:
            new = _List(marker, inline=False)
        new.chapter = self.chapter
        new.items.extend(marker.followers)
        if stack:
            new.parent, new.parent_item = stack[-1], len(stack[-1].items) - 1
        stack.append(new)
        self.block_lists.append(new)

    def popped(self, marker):
        """The stack depth once lists that cannot contain ``marker``'s list are closed."""
        stack = self.stack
        rank = _RANK[marker.family]
        depth = len(stack)
        for position, open_list in enumerate(stack):
            if open_list.group == marker.group:
                depth = position
                break
        while depth and (stack[depth - 1].rank >= rank or stack[depth - 1].rank == _LEAF_RANK):
            depth -= 1
        return depth

    def block_pass(self, block_markers, chapters):
        chapters = list(chapters)
        for marker in block_markers:
            while self.chapter < len(chapters) and chapters[self.chapter] < marker.start:
                self.chapter += 1
                self.stack.clear()
            self._place(marker)

    def _place(self, marker):
        """Add ``marker`` to an open list it continues, or start a list with it."""
        stack = self.stack
        target = next((l for l in reversed(stack) if _exact(l, marker)), None)
        if target is None:
            depth = self.popped(marker)
            container_start = stack[depth - 1].items[-1].start if depth else -1
            run = self.continued_run(marker, container_start, exact=True)
            if run is not None:
                del stack[depth:]
                self.new_list(marker, run)
                return
            target = next((l for l in reversed(stack) if l.accepts(marker)), None)
        if target is not None:
            del stack[stack.index(target) + 1:]
            target.items.append(marker)
            target.items.extend(marker.followers)
            return
        depth = self.popped(marker)
        container_start = stack[depth - 1].items[-1].start if depth else -1
        run = self.continued_run(marker, container_start, exact=False)
        del stack[depth:]
        self.new_list(marker, run)

    def lone_heading(self, lst, child_start):
        """Whether the one-item list ``lst`` is an outline heading (一、 （一）
        1. 1、 （1） ①) numbered one over a list starting afresh at
        ``child_start``, with no second marker of its numbering before that
        list (a （二） glued to the end of a paragraph would be its parent)."""
        first = lst.items[0]
        if child_start is None or first.number != 1 or lst.family not in _HEADING_FAMILIES:
            return False
        starts = self.by_group[lst.group]
        low = bisect.bisect_right(starts, first.start)
        high = bisect.bisect_left(starts, child_start)
        return 2 not in self.numbers_by_group[lst.group][low:high]

    def result(self):
        """``(block lists, inline lists)``: a list needs two items, but for an
        outline heading that holds a list (一、 … （一）…（二）… in an excerpt
        cut before 二、); children of a dropped list move up."""
        inline_lists = [lst for lst in self.inline_lists if len(lst.items) >= 2]
        # an inline heading numbered one over an inline list later in its block, on a
        # page whose line breaks were lost (…三点意见。一、统一思想…。一是…二是…): a
        # one-item list, the parent of the lists after it in its block
        below = sorted((lst.items[0].start, lst.items[0].block) for lst in inline_lists if lst.rank > 0)
        for run in self.inline_headings:
            first = run.items[0]
            if run.consumed or len(run.items) != 1:
                continue
            index = bisect.bisect_right(below, (first.start, float("inf")))
            if index == len(below) or below[index][1] != first.block:
                continue                # no list after it in its block
            if self.lone_heading(run, below[index][0]):
                run.heading = True
                inline_lists.append(run)
        first_child = {}                # a list -> the start of the first fresh list it holds

        def holds(owner, lst):
            if (lst.items[0].number or 1) == 1:
                start = lst.items[0].start
                first_child[owner] = min(first_child.get(owner, start), start)

        # an inline list in the section of the last block item before it (一、… ¶ 一是…二是…)
        block_items = sorted((m.start, id(lst)) for lst in self.block_lists for m in lst.items)
        for lst in inline_lists:
            index = bisect.bisect_left(block_items, (lst.items[0].start, -1)) - 1
            if index >= 0:
                holds(block_items[index][1], lst)
        # children before parents, so that a kept lone heading holds its own
        # parent (一、 ¶ （一） ¶ 1. 2.: both headings stay)
        dropped = set()
        for lst in reversed(self.block_lists):
            if len(lst.items) >= 2 or self.lone_heading(lst, first_child.get(id(lst))):
                if lst.parent is not None:
                    holds(id(lst.parent), lst)
            else:
                dropped.add(id(lst))
        kept = [lst for lst in self.block_lists if id(lst) not in dropped]
        for lst in kept:
            while lst.parent is not None and id(lst.parent) in dropped:
                lst.parent, lst.parent_item = lst.parent.parent, lst.parent.parent_item
        return kept, inline_lists


# ---------------------------------------------------------------------------
# Spans, scopes and parents

_NEW_UNIT = re.compile(r"以下|如下|下列|这样几|这么几|几个方面|几点|总之|总的看|总的来说|综上")


def _sentence_index(sentence_starts, position):
    return bisect.bisect_right(sentence_starts, position) - 1


def _trim_end(text, start, end):
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _item_spans(text, lst, block_ends, sentences, sentence_starts):
    """Item spans (see the module notes).

    An item ends where the next one starts in its paragraph, or else with
    its paragraph; the last item of an inline list runs for about as many
    sentences as its siblings in the paragraph.
    """
    items = lst.items
    spans, lengths = [], []
    for item, following in zip(items, items[1:]):
        if following.block == item.block:
            end = _trim_end(text, item.start, following.start)
            first = _sentence_index(sentence_starts, item.start)
            last = _sentence_index(sentence_starts, max(item.start, end - 1))
            lengths.append(last - first + 1)
        else:
            end = block_ends[item.block]
        spans.append((item.start, end))
    last_item = items[-1]
    block_end = block_ends[last_item.block]
    if not lst.inline or (len(items) > 1 and items[-2].block != last_item.block):
        spans.append((last_item.start, block_end))
        return spans
    wanted = -(-sum(lengths) // len(lengths)) if lengths else 1
    index = _sentence_index(sentence_starts, last_item.start)
    end = block_end
    taken = 0
    while 0 <= index < len(sentences) and sentences[index][0] < block_end:
        s_start, s_end = sentences[index]
        if taken and (taken >= wanted or _NEW_UNIT.search(text, s_start, s_end)
                      or text[s_end - 1] in "：:"):
            break
        end = min(s_end, block_end)
        taken += 1
        index += 1
    # an item runs on to the end of the sentence that closes the brackets it left
    # open (三是加强领导（一是…；二是…；…四是…），…。), when they close within reach
    close = _bracket_close(text, last_item.start, end, min(block_end, last_item.start + _BRACKET_REACH))
    if close is not None and close >= end:
        end = min(sentences[_sentence_index(sentence_starts, close)][1], block_end)
    if items[0].start > 0 and text[items[0].start - 1] in "（(":
        end = _outer_close(text, last_item.start, end)      # （一是…；二是…）, then the item's text goes on
    spans.append((last_item.start, max(end, last_item.end)))
    return spans


_BRACKET_REACH = 600    # how far an item's bracket may run before its close is not looked for


def _bracket_close(text, start, end, limit):
    """The position of the bracket that closes the brackets ``text[start:end]``
    leaves open, looked for up to ``limit``; None when none is left open or
    it does not close by then."""
    depth = 0
    for position in range(start, limit):
        char = text[position]
        if position >= end and depth == 0:
            return None
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
            if depth == 0 and position >= end:
                return position
    return None


def _outer_close(text, start, end):
    """The position of the first closing bracket in ``text[start:end]`` that
    closes a bracket opened before ``start``, else ``end``."""
    depth = 0
    for position in range(start, end):
        char = text[position]
        if char in "（(":
            depth += 1
        elif char in "）)":
            if depth == 0:
                return _trim_end(text, start, position)
            depth -= 1
    return end


def _assign(text, blocks, sentences, block_lists, inline_lists, chapters=()):
    """Compute item spans and scopes, and parents of inline lists (no scope
    runs past the next of ``chapters``)."""
    sentence_starts = [s for s, _ in sentences]
    block_ends = [end for _, end in blocks]

    def cut_after(position):
        index = bisect.bisect_right(chapters, position)
        return chapters[index] if index < len(chapters) else len(text)

    for lst in block_lists + inline_lists:
        lst.spans = _item_spans(text, lst, block_ends, sentences, sentence_starts)
        lst.scopes = list(lst.spans)
        if lst.heading:                 # an inline heading's section: the rest of its block
            start = lst.spans[-1][0]
            end = max(min(block_ends[lst.items[-1].block], cut_after(start)), lst.spans[-1][1])
            lst.scopes[-1] = (start, end)

    # Scopes of block items: up to the next item; the last one up to the end
    # of the parent's scope (headings) or of its own paragraph (leaf families).
    for lst in sorted(block_lists, key=lambda l: l.items[0].start):
        if lst.parent is not None:
            outer = lst.parent.scopes[lst.parent_item][1]
        else:
            outer = cut_after(lst.items[-1].start)
        scopes = []
        for i, (start, end) in enumerate(lst.spans):
            if i + 1 < len(lst.items):
                scopes.append((start, lst.items[i + 1].start))
            elif lst.rank == _LEAF_RANK:
                scopes.append((start, end))
            else:
                scopes.append((start, max(end, outer)))
        lst.scopes = scopes

    # Inline lists go under the innermost item that contains them: the
    # smallest scope with start < position < end (the first such in list
    # order on a tie). One sweep over the scopes in order of their starts,
    # keeping those still open, so that a document of many lists is linear.
    everything = block_lists + inline_lists
    entries = sorted((lst.scopes[i][0], order, i) for order, lst in enumerate(everything)
                     for i in range(len(lst.scopes)))
    pointer, open_scopes = 0, []        # a heap of (size, order, item) of the scopes started
    for lst in sorted(inline_lists, key=lambda l: l.items[0].start):
        position = lst.items[0].start
        while pointer < len(entries) and entries[pointer][0] < position:
            start, order, i = entries[pointer]
            heapq.heappush(open_scopes, (everything[order].scopes[i][1] - start, order, i))
            pointer += 1
        # a scope ending at or before this position ends before every later one
        while open_scopes and everything[open_scopes[0][1]].scopes[open_scopes[0][2]][1] <= position:
            heapq.heappop(open_scopes)
        best = open_scopes[0] if open_scopes else None
        if best is not None:
            _, order, i = best
            lst.parent, lst.parent_item = everything[order], i
            limit = everything[order].scopes[i][1]
            start, end = lst.spans[-1]
            if end > limit:
                lst.spans[-1] = (start, _trim_end(text, start, max(limit, lst.items[-1].end)))
                lst.scopes[-1] = lst.spans[-1]


# ---------------------------------------------------------------------------
# Count claims

_NUM = r"(?:[二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[两二三四五六七八九]|[1-9][0-9]?|[１-９][０-９]?|几)"
_MEASURE = r"(?:个方面|个|点|项|件|条|种|类|大|句话|层|招|步|方面|部分|句)"
_COUNT = re.compile(
    rf"(?<![第\d０-９{_CN}两几])(?P<num>{_NUM})(?P<measure>{_MEASURE})"
    r"(?=(?P<head>[\u4e00-\u9fff]{0,12}))")
_FORWARD = re.compile(r"以下|如下|下列|下面|这样|这么|这几|几|如次")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
_RETRO = re.compile(rf"\s*(?:以上|上述)(?P<num>{_NUM})(?P<measure>{_MEASURE})")
_PRONOUN = re.compile(r"我们|我")
_BAD_HEAD = re.compile(r"^(?:多|余|以上|左右|年|月|日|万|亿|元|倍|次|位|名|人)")


_QUOTED_LABEL = re.compile(r"(?:^|[。；;！？!?\s])\s*(“([^“”]{2,12})”)$")


def _count_in(text, start, end, forward_only):
    """The last count phrase of ``text[start:end]`` with its clause, or None.

    Returns ``(start, end, number, firm)``. The count phrase must end its
    clause but for a short head (三点意见, 以下八个方面的特点): a *firm*
    claim has at most 10 characters after the measure word when the
    sentence ends with a colon or points forward (以下, 如下, 这样, 几),
    else 5. A count after 等 (包括A、B等五个部分) or with a head of up to 12
    characters is a *weak* claim, kept only when the list agrees with it.
    Counts inside quotes (“三个代表”), congresses (十九大) and numbers
    outside 2–20 are not claims.
    """
    segment = text[start:end].rstrip()
    if not segment:
        return None
    colon = segment[-1] in "：:"
    stripped = segment.rstrip("：:。！!；;？?")
    label = _QUOTED_LABEL.search(stripped) if colon else None
    if label:
        # “两增”：一是…二是…, “三突破”：一是…: a quoted formulation as the label
        ok, number = parse_numbered(label.group(2))
        if ok and number is not None and 2 <= number <= 20:
            return start + label.start(1), start + label.end(1), number, True
    best = None
    for m in _COUNT.finditer(stripped):
        measure, head, numeral = m.group("measure"), m.group("head"), m.group("num")
        before = stripped[:m.start()]
        quoted = before.count("“") > before.count("”")
        if quoted:
            # a quoted formulation that ends the sentence before its colon
            # announces the list (有“三个多”：一是…), any other quoted count
            # is a name (“三个代表”)
            if not (colon and segment.rstrip()[:-1].rstrip().endswith("”")
                    and stripped.endswith(stripped[m.start():m.end()] + head + "”")):
                continue
        elif measure in ("个", "大") and not head or _BAD_HEAD.match(head):
            continue
        number = chinese_number(numeral) if numeral != "几" else None
        if number is not None and not (2 <= number <= 20 and (measure != "大" or number <= 10)):
            continue
        left = max((c.end() for c in _CLAUSE_END.finditer(stripped, 0, m.start())), default=0)
        right_match = _CLAUSE_END.search(stripped, m.end())
        right = right_match.start() if right_match else len(stripped)
        if len(_CLAUSE_END.findall(stripped, right)) > 1:
            continue                                        # only the last two clauses
        clause = stripped[left:right]
        offset = m.start() - left
        if right < len(stripped):
            tail = stripped[right + 1:]
            if _FORWARD.search(tail) and not _COUNT.search(tail):
                continue                                    # …两步进行，具体流程如下：
        forward = bool(_FORWARD.search(clause)) or numeral == "几"
        if right - m.end() > 12 or (forward_only and not forward):
            continue
        firm = right - m.end() <= (10 if colon or forward else 5) and not before.endswith("等")
        if not firm and number is None:
            continue
        pronoun = _PRONOUN.search(clause, 0, offset)
        if pronoun:
            left += pronoun.start()
        while left < right and stripped[left].isspace():
            left += 1
        best = (start + left, start + right, number, firm)
    return best


def _claims(text, blocks, sentences, lists):
    """Link count claims to lists (see the module notes)."""
    sentence_starts = [s for s, _ in sentences]
    item_starts = sorted(m.start for lst in lists for m in lst.items)
    used = set()
    for lst in sorted(lists, key=lambda l: l.items[0].start):
        first = lst.items[0].start
        windows = []
        index = _sentence_index(sentence_starts, first)
        if index >= 0 and sentences[index][0] < first <= sentences[index][1]:
            if text[sentences[index][0]:first].strip():
                windows.append((sentences[index][0], first))
            index -= 1
        elif index >= 0 and sentences[index][0] >= first:
            index -= 1
        while index >= 0 and len(windows) < 4:
            s_start, s_end = sentences[index]
            position = bisect.bisect_left(item_starts, s_start)
            inside = position < len(item_starts) and item_starts[position] < s_end
            if inside and windows:
                break                                       # another list's item
            windows.append((s_start, s_end))
            if inside:
                break
            index -= 1
        found = None
        for depth, (start, end) in enumerate(windows):
            if (start, end) in used:
                break
            last_char = text[_trim_end(text, start, end) - 1]
            if end != first and last_char not in _TERMINAL:
                break                                       # a heading announces nothing here
            found = _count_in(text, start, end, forward_only=depth > 0)
            if not found and depth == 0:
                found = _headed_formulation(text, start, end, lst)
            if found and not found[3] and found[2] != len(lst.items):
                found = None                                # a weak claim the list contradicts
            if found:
                used.add((start, end))
                break
        if found is None:
            found = _retro_claim(text, sentences, sentence_starts, lst, used)
        if found:
            start, end, number = found[:3]
            lst.claim = {"start": start, "end": end, "text": text[start:end], "number": number}


_FORMULATION_AT_END = re.compile(r"“([^“”]{2,12})”$")
_COUNTED_HEAD = re.compile(f"[{NUM_CHARS}]+(?:{'|'.join(MEASURES)})?([\u4e00-\u9fff]{{2,4}})$")


def _headed_formulation(text, start, end, lst):
    """A quoted formulation ending the sentence right before the list whose
    items all open with its head: 提出了“五个强化”。¶一是强化思想意识。¶二是强化
    责任落实。 It is the list's claim whatever the count (a page cut after two
    items is a mismatch to flag). Returns ``(start, end, number, True)`` or None."""
    stripped = text[start:end].rstrip().rstrip("。！!；;")
    label = _FORMULATION_AT_END.search(stripped)
    if not label:
        return None
    ok, number = parse_numbered(label.group(1))
    head = _COUNTED_HEAD.match(label.group(1))
    if not (ok and number is not None and 2 <= number <= 20 and head):
        return None
    head = head.group(1)
    for item in lst.items:
        body = text[item.end:item.end + len(head) + 2].lstrip("，,：:、 \u3000")
        if not body.startswith(head):
            return None
    left = max((c.end() for c in _CLAUSE_END.finditer(stripped, 0, label.start())), default=0)
    while left < label.start() and stripped[left].isspace():
        left += 1
    return start + left, start + label.end(), number, True


def _retro_claim(text, sentences, sentence_starts, lst, used):
    """``以上十四条`` in the sentence right after the list."""
    end = lst.spans[-1][1]
    index = _sentence_index(sentence_starts, end)
    if index < 0 or sentences[index][1] <= end:
        index += 1
    if index >= len(sentences):
        return None
    s_start, s_end = sentences[index]
    m = _RETRO.match(text, s_start, s_end)
    if not m or (s_start, s_end) in used:
        return None
    number = chinese_number(m.group("num")) if m.group("num") != "几" else None
    right = _CLAUSE_END.search(text, m.end(), s_end)
    right = right.start() if right and right.start() - m.end() <= 12 else m.end()
    used.add((s_start, s_end))
    left = _effective_start(text, s_start, right)
    return left, right, number


# ---------------------------------------------------------------------------
# Entry point

def find_lists(text, paragraphs, sentences):
    """Numbered lists of ``text`` as an outline, with their count claims.

    Parameters
    ----------
    text : str
    paragraphs : list of (int, int)
        Paragraph offsets, from :func:`policy_nlp.stages.paragraphs.find_paragraphs`.
    sentences : list of (int, int)
        Sentence offsets, from :func:`policy_nlp.stages.paragraphs.find_sentences`.

    Returns
    -------
    list of dict
        One dict per list, sorted by the start of its first item:

        - ``family``: the marker style of the first item (see the module notes),
        - ``level``: depth in the outline, 0 at the top,
        - ``items``: ``[{"start", "end", "marker"}]``; ``text[start:end]``
          begins with ``marker``,
        - ``parent``, ``parent_item``: index of the enclosing list in the
          returned list and of its item containing this list, or None,
        - ``claim``: ``{"start", "end", "text", "number"}`` of the phrase
          announcing the count, or None,
        - ``count_matches``: ``claim["number"] == len(items)``, or None,
        - ``gaps``: ``[{"after", "expected", "found"}]`` numbering breaks,
        - ``restart``: an earlier list of this family ran in the same container.

    Examples
    --------
    >>> from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences
    >>> text = ("我讲两点意见：\\n一、提高认识\\n要看到成绩。可以概括为三个方面："
    ...         "一是农业增产。二是工业增效。三是服务业增长。\\n二、狠抓落实\\n首先要抓好项目。")
    >>> paragraphs = find_paragraphs(text)
    >>> lists = find_lists(text, paragraphs, find_sentences(text, paragraphs))
    >>> [(l["family"], l["level"], len(l["items"]), l["parent"], l["parent_item"]) for l in lists]
    [('一、', 0, 2, None, None), ('一是', 1, 3, 0, 0)]
    >>> [text[i["start"]:i["end"]] for i in lists[1]["items"]]
    ['一是农业增产。', '二是工业增效。', '三是服务业增长。']
    >>> lists[0]["claim"]["text"], lists[0]["count_matches"]
    ('我讲两点意见', True)
    >>> lists[1]["claim"]["text"], lists[1]["claim"]["number"]
    ('可以概括为三个方面', 3)

    Decimals, dates, 第一次 and a lone 首先 are not lists:

    >>> text = "增长6.5%，2019.5.24召开第一次会议。首先要抓落实。"
    >>> find_lists(text, find_paragraphs(text), find_sentences(text))
    []
    """
    # Units cut from one long line are one paragraph to the outline: an
    # inline item runs on past a unit's end.
    paragraphs = physical_paragraphs(text, paragraphs)
    paragraphs = [tuple(p) for p in paragraphs]
    sentences = [tuple(s) for s in sentences]
    if not paragraphs or not text:
        return []
    candidates = _without_page_numbers(text, paragraphs, _candidates(text))
    paragraphs = _unglued_headings(text, paragraphs, candidates)
    blocks = _blocks(text, paragraphs, {m.start: m for m in candidates})
    effective = [_effective_start(text, s, e) for s, e in blocks]
    markers = _placed_markers(blocks, effective, candidates)
    chapters = [effective[i] for i in range(len(blocks))
                if _CHAPTER.match(text, effective[i])]
    # a preview's notice of hidden text (……此处隐藏6492个字……) cuts the outline as a chapter does
    chapters = sorted(chapters + [m.start() for m in _HIDDEN.finditer(text)])
    block_lists, inline_lists = _build(text, blocks, markers, chapters)
    _assign(text, blocks, sentences, block_lists, inline_lists, chapters)
    # an inline heading whose list went to a smaller item (…二是…一、…（一）…（二）) holds nothing
    held = {id(lst.parent) for lst in block_lists + inline_lists if lst.parent is not None}
    inline_lists = [lst for lst in inline_lists if not lst.heading or id(lst) in held]
    lists = sorted(block_lists + inline_lists, key=lambda l: l.items[0].start)
    _claims(text, blocks, sentences, lists)
    return _records(lists, chapters)


def _placed_markers(blocks, effective, candidates):
    """The candidates that fall inside a block, with their block and whether
    they open it; a marker that only counts at a block's start is dropped
    elsewhere."""
    block_starts = [s for s, _ in blocks]
    markers = []
    for marker in candidates:
        block = bisect.bisect_right(block_starts, marker.start) - 1
        if block < 0 or marker.start >= blocks[block][1]:
            continue
        marker.block = block
        marker.initial = marker.start == effective[block]
        if not marker.initial and _initial_only(marker):
            continue
        markers.append(marker)
    return markers


def _gaps(lst):
    """Breaks in a list's numbering: ``[{"after", "expected", "found"}]``."""
    gaps, expected = [], 1
    for i, item in enumerate(lst.items):
        if item.number is not None:
            if item.number != expected:
                gaps.append({"after": i - 1 if i else None,
                             "expected": expected, "found": item.number})
            expected = item.number + 1
        else:
            expected += 1
    return gaps


def _records(lists, chapters):
    """The output dicts of :func:`find_lists` (sorted ``lists``), with levels,
    parents, claims, gaps and restarts."""
    for index, lst in enumerate(lists):
        lst.index = index
    results, containers = [], set()
    for lst in lists:
        parent = lst.parent.index if lst.parent is not None else None
        parent_item = lst.parent_item if lst.parent is not None else None
        level = results[parent]["level"] + 1 if parent is not None else 0
        key = (lst.family, parent, parent_item,
               bisect.bisect_right(chapters, lst.items[0].start) if parent is None else None)
        claim = lst.claim
        number = claim["number"] if claim else None
        results.append({
            "family": lst.family,
            "level": level,
            "items": [{"start": s, "end": e, "marker": m.marker}
                      for (s, e), m in zip(lst.spans, lst.items)],
            "parent": parent,
            "parent_item": parent_item,
            "claim": claim,
            "count_matches": (number == len(lst.items)) if number is not None else None,
            "gaps": _gaps(lst) if lst.family != "——" else [],
            "restart": key in containers,
        })
        containers.add(key)
    return results
