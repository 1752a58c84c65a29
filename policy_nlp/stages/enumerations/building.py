"""Lists under construction: markers grouped into block and inline lists, continued, nested and
closed by chapter headings and hidden-text notices."""

import bisect
import re

from policy_nlp.lang.chars import (CLAUSE_ENDS, NEWLINES, SENTENCE_ENDS, SENTENCE_END_RE, STOPS, before_blanks,
                                   before_spaces)
from policy_nlp.lang.words import alternation
from policy_nlp.lang.notices import HIDDEN_TEXT
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.stages.enumerations.markers import (_HEADING_AFTER, _HEADING_FAMILIES, _LEAF_RANK,
                                                    _MAX_SKIP, _WORD_RANK, _OPEN_RUNS, _RANK, _after_title)


class _List:
    __slots__ = ("family", "group", "items", "inline", "parent", "parent_item",
                 "spans", "scopes", "claim", "index", "consumed", "chapter", "heading", "ended", "follows")

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
        self.ended = False              # closed by the next item of the run it opened in (_close_inner)
        self.follows = False            # goes on with the numbering of a run so closed (_inline_runs)

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
            return marker.group == "——" and marker.order == self.items[-1].order + 1
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
    is preferred, as in the outline). A run that goes on with the numbering
    of the run the item before closed (…（一）…1.…2.…（二）…3.…4.: the
    numbering runs on across sections) ``follows`` it; not for circled
    numerals, which number notes too (②…⑥ … ⑦⑧)."""
    runs, recent = [], {}               # recent: group -> its last _OPEN_RUNS runs
    closed = {}                         # group -> (last start, last number) of its latest closed run
    for marker in markers:
        if marker.group == "——":
            continue
        groups = (marker.group, "首先") if marker.group == "第一" else (marker.group,)   # see _List.accepts
        accepting = [run for group in groups for run in recent.get(group, ()) if run.accepts(marker)]
        if accepting:
            exact = [run for run in accepting if _exact(run, marker)]
            run = max(exact or accepting, key=lambda run: run.items[-1].start)
            _close_inner(recent, run.items[-1].start, closed)
            run.items.append(marker)
            continue
        run = _List(marker, inline=True)
        last = closed.pop(marker.group, None)
        run.follows = (last is not None and marker.number is not None and last[1] == marker.number - 1
                       and marker.family != "①")
        runs.append(run)
        group_runs = recent.setdefault(marker.group, [])
        group_runs.append(run)
        del group_runs[:-_OPEN_RUNS]
    return runs


def _close_inner(recent, item_start, closed):
    """Close the runs opened inside the item at ``item_start``, which the next
    item of its run ends: 一、…第一，…二、…第二 is no 第一 list across 二、.
    ``closed``: group -> ``(last item's start, last number)`` of the latest
    run so closed, updated."""
    for group, group_runs in recent.items():
        for run in group_runs:
            if not run.ended and run.items[0].start > item_start:
                run.ended = True
                last = (run.items[-1].start, run.last_number)
                closed[group] = max(closed.get(group, last), last)
        recent[group] = [run for run in group_runs if not run.ended]


_MIN_DASHES = 3          # an inline run of —— items is a list from this many items
_SHORT_ITEM = 3          # sentence ends in an item short enough to run on with any other
_CLAUSE = re.compile(f"[^{STOPS}\r\n]{{0,40}}")
_SENTENCE_ENDS = re.compile(f"[{CLAUSE_ENDS}]+")
# a headline sentence of one or two short clauses opening an item (——经济总体回升向好。国内生产总值…;
# ——经济运行缓中趋稳、稳中向好。…): the work reports' —— items, long and unlike, that a page without
# line breaks runs together
_HEADLINE_CLAUSE = f"[^{STOPS}\r\n]{{2,20}}"
_HEADLINE = re.compile(f"{_HEADLINE_CLAUSE}(?:[，,]{_HEADLINE_CLAUSE})?。")


# a sentence opening with a form of address starts the next part of a speech
# (…充分涌流。女士们、先生们、朋友们！…, …被压垮过。同志们，…)
_ADDRESS = re.compile(rf"[ \u3000]*(?:{alternation('salutations')})[^{STOPS}]{{0,4}}?[，,：:！!、]")
_ADDRESS_AFTER_END = re.compile(f"(?<=[{SENTENCE_ENDS}])" + _ADDRESS.pattern)


def _dash_runs(text, dashes, headings=()):
    """Runs of the —— markers of one block: a dash goes on with the run of
    the one before it when the two items are alike (:func:`_alike`) and neither a
    form of address (…。同志们、朋友们！…) nor an
    outline heading stands between them (``headings``: the sorted starts of
    the block's 一、 （一） 1. … markers: 2. 基本原则。——企业主导。… 3. 发展目标。…——重大应用场景加速涌现。…
    on a page without line breaks)."""
    runs = []
    for marker in dashes:
        previous = runs[-1].items[-1] if runs else None
        if (previous is not None and not marker.initial and _alike(text, previous, marker)
                and bisect.bisect_left(headings, previous.start) == bisect.bisect_left(headings, marker.start)
                and not _ADDRESS_AFTER_END.search(text, previous.end, marker.start)):
            runs[-1].items.append(marker)
        else:
            runs.append(_List(marker, inline=True))
    return runs


def _alike(text, dash, following):
    """Whether the —— items at ``dash`` and ``following`` belong to one run:
    they open alike (the same two characters, or first clauses of one length:
    ——面对疫情，… ——面对疫情，…; ——生命至上，… ——举国同心，…), stand after an
    indentation alike (。\u3000\u3000——…), both open with a headline sentence
    of one or two short clauses (``_HEADLINE``: ——经济总体回升向好。… ——坚持创新驱动发展，加快发展现代产业体系。…),
    or the first is short (at most ``_SHORT_ITEM`` sentences: ——突破一批关键技术。…。——形成一批…). A
    speech without line breaks holds several runs in one paragraph; one
    that a colon announces starts a run (…我宣布：——中国将…)."""
    if text[before_blanks(text, following.start) - 1] in "：:":
        return False
    if text[dash.end:dash.end + 2] == text[following.end:following.end + 2]:
        return True
    if len(_CLAUSE.match(text, dash.end).group()) == len(_CLAUSE.match(text, following.end).group()):
        return True
    if text[dash.start - 2:dash.start].isspace() and text[following.start - 2:following.start].isspace():
        return True
    if _HEADLINE.match(text, dash.end) and _HEADLINE.match(text, following.end):
        return True
    return len(_SENTENCE_ENDS.findall(text, dash.start, following.start)) <= _SHORT_ITEM


_FORMULA = 30           # a quoted formula's items end this close to its last marker
_QUOTED_FORMULA_END = re.compile(rf"[^{SENTENCE_ENDS}”\"’」]{{0,{_FORMULA}}}[”\"’」]")


def _quoted_formula(text, run):
    """Whether ``run`` numbers the parts of a quoted formula, not a list: its first marker opens
    the quotation and the quotation closes right after its last marker, within one sentence
    (必须坚持“一要吃饭，二要建设”的原则, four national reports; “第一条，反对；第二条，不怕”。, 1978)."""
    first, last = run.items[0], run.items[-1]
    opening = before_spaces(text, first.start)              # “⏎第一条，反对；… (a wiki page's link breaks)
    return (opening > 0 and text[opening - 1] in "“\"‘「"
            and not SENTENCE_END_RE.search(text, first.start, last.start)
            and _QUOTED_FORMULA_END.match(text, last.end) is not None)


def _exact(lst, marker):
    """``marker`` continues ``lst`` without a gap."""
    return lst.accepts(marker) and (marker.number is None or marker.number == lst.last_number + 1)


_CHAPTER = re.compile(rf"第[{ITEM_NUMERALS}]{{1,3}}(?:章|部分|篇|编)")
_HIDDEN = re.compile(HIDDEN_TEXT)
_AFTER_HIDDEN = re.compile(HIDDEN_TEXT + r"[)）…]*$")    # the end of a notice, as search(text, pos, endpos)


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
        self.at = {m.start: m for m in markers}
        self.pending = {}      # group -> [(last item's start, id, run)] sorted: runs a later marker may continue
        self.inline_lists = []
        self.block_lists, self.stack = [], []
        self.chapter = 0
        self.inline_headings = []      # one-item inline runs that may be outline headings
        self.dash_pending = {}         # block order -> the run of —— items that ends that block

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
        if marker.group == "——":            # the dashes at the end of the block before
            run = self.dash_pending.get(marker.order - 1)
            return run if run is not None and not run.consumed and run.items[0].start > container_start else None
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
            dashes = [m for m in self.by_block[block] if m.group == "——"]
            headings = [m.start for m in self.by_block[block] if m.family in _HEADING_FAMILIES]
            for run in _dash_runs(self.text, dashes, headings):
                self._dash_run(run, block, dashes[-1], block_markers)
            last_of_group = {m.group: m for m in self.by_block[block]}
            for run in _inline_runs(self.by_block[block]):
                self._inline_run(run, block, last_of_group, block_markers)
        block_markers.sort(key=lambda m: m.start)
        return block_markers

    def _dash_run(self, run, block, last, block_markers):
        """A run of —— items in one block: a block item (a paragraph-initial
        dash with less than ``_MIN_DASHES`` in its run), an inline list of at
        least ``_MIN_DASHES`` items (its last item runs for about as many
        sentences as the others), or the start of the list of —— paragraphs
        right after it (…取得显著成就。——经济平稳较快发展。… ¶——改革开放…)."""
        if run.items[0].initial and len(run.items) < _MIN_DASHES:
            block_markers.append(run.items[0])
            return
        if run.items[-1] is last:
            self.dash_pending[last.order] = run
        if len(run.items) >= _MIN_DASHES:
            self.inline_lists.append(run)

    def _inline_run(self, run, block, last_of_group, block_markers):
        if _quoted_formula(self.text, run):
            return
        first = run.items[0]
        if first.initial and not (len(run.items) >= 2 and (first.number or 1) <= 2 and not self.after_block_one(first)
                                  and self.continued_run(first, self.heading_before(first), exact=True) is None):
            # ¶三是 … 四是 … ¶五是: one block item, then inline ones; so is ¶二是…三是… that goes
            # on with an inline 一是 (主要是：一是… ¶二是…三是…, a wrap or a page break before 二是)
            block_markers.append(first)
            first.followers = run.items[1:]
            return
        if not first.initial:
            # an inline run going on from an earlier paragraph, with no heading between
            previous = self.continued_run(first, self.heading_before(first), exact=False)
            if previous is not None and previous.items[-1].block >= block - 3:
                previous.items.extend(run.items)
                self.add_pending(previous)
                if previous not in self.inline_lists:
                    self.inline_lists.append(previous)
                return
        if not first.initial and self.continues_heading(first):
            block_markers.append(first)
            first.followers = run.items[1:]
            return
        if len(run.items) >= 2 and ((first.number or 1) <= 2 or run.follows):
            self.inline_lists.append(run)
        elif self.after_sentence(first):
            self.inline_headings.append(run)
        if run.items[-1] is last_of_group[run.group] and not run.ended:   # nor in a later paragraph
            self.add_pending(run)

    def heading_before(self, marker):
        """The start of the last paragraph-initial marker before ``marker``, or -1."""
        position = bisect.bisect_right(self.initial_starts, marker.start - 1)
        return self.initial_starts[position - 1] if position else -1

    def after_block_one(self, marker):
        """Whether the paragraph-initial ``marker`` numbered two follows a paragraph-initial
        marker of its group numbered one, the last before it, so that it is the next block item,
        not an inline run starting over (¶(一)… ¶(二)…考核。(三)一般应具有… ¶(四)…, policy_docs
        central-5; but 主要是：一是… ¶二是…三是… goes on with the inline 一是)."""
        position = bisect.bisect_left(self.initial_starts, marker.start) - 1
        before = self.at[self.initial_starts[position]] if position >= 0 else None
        return marker.number == 2 and before is not None and before.group == marker.group and before.number == 1

    def continues_heading(self, marker):
        """Whether the inline 一、 or （一） ``marker``, right after a sentence
        end or a colon, goes on with the numbering of a heading that opens one
        of the three paragraphs before and was cut off the paragraph above
        (a page whose line breaks were lost: …作用。二、申报流程　　… ¶
        …发送至指定邮箱。 三、联系方式…): a block item, as that heading is.
        Not after a heading that opens a line (¶一、抓项目 ¶要抓好项目。二、抓落实的关键在于…)."""
        if marker.family not in ("一、", "（一）") or not marker.number:
            return False
        before = before_blanks(self.text, marker.start)
        if not (before > 0 and self.text[before - 1] in _HEADING_AFTER):
            return False
        starts = self.by_group[marker.group]
        index = bisect.bisect_left(starts, marker.start) - 1
        previous = self.at[starts[index]] if index >= 0 else None
        if previous is None or not previous.initial or previous.number != marker.number - 1:
            return False
        cut = before_blanks(self.text, previous.start)          # the heading was glued to what ends there
        return previous.block >= marker.block - 3 and cut > 0 and self.text[cut - 1] not in NEWLINES

    def after_sentence(self, marker):
        """Whether ``marker`` is an inline 一、 numbered one right after a
        sentence end, a colon or a semicolon (blanks between), the text's
        title or a notice of hidden text: a heading on a page whose line
        breaks were lost (…我讲三点意见。一、统一思想…, …述职报告一、履职情况…,
        (开头部分已省略221字)一、认清形势…)."""
        if marker.family != "一、" or marker.number != 1 or not marker.marker.endswith("、"):
            return False
        before = before_blanks(self.text, marker.start)
        return (before > 0 and self.text[before - 1] in _HEADING_AFTER or _after_title(self.text, before)
                or _AFTER_HIDDEN.search(self.text, max(0, before - 30), before) is not None)

    # --- pass 2: the outline of block lists --------------------------------

    def new_list(self, marker, run):
        stack = self.stack
        for position in range(self.under_word(marker) or 0, len(stack)):
            if stack[position].group == marker.group:
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
        return self.under_word(marker) or depth

    def under_word(self, marker):
        """The stack depth that keeps an outline under an item of the innermost
        open 第一 list (:meth:`inverted`), though its numbering runs above it too; else None."""
        words = [position for position, open_list in enumerate(self.stack) if open_list.rank == _WORD_RANK]
        if words and self.inverted(self.stack[words[-1]], marker):
            return words[-1] + 1
        return None

    def inverted(self, open_list, marker):
        """Whether ``marker``, numbered one, opens an outline under an item of
        the open 第一 (首先, 其一) list ``open_list`` though it outranks it: that
        list's next number follows the outline before its numbering starts over
        (the 1955 work report: 第二，关于农业的增产措施… ¶ 一、开垦… ¶ … ¶ 五、使用新式步犁… ¶
        第三，对农业生产的领导问题。)."""
        if marker.number != 1 or open_list.rank != _WORD_RANK or open_list.inline:
            return False
        going_on = self.next_in_group(open_list.group, marker.start)
        if going_on is None or going_on.number != open_list.last_number + 1:
            return False
        again = self.next_in_group(marker.group, marker.start, number=1)
        return again is None or going_on.start < again.start

    def next_in_group(self, group, after, number=None):
        """The first marker of ``group`` after ``after`` (numbered ``number`` if given), or None."""
        starts, numbers = self.by_group.get(group, []), self.numbers_by_group.get(group, [])
        for index in range(bisect.bisect_right(starts, after), len(starts)):
            if number is None or numbers[index] == number:
                return self.at[starts[index]]
        return None

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
