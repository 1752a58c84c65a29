"""Spans, scopes and parents: each item's text, the section it heads, the list and item an
inline list belongs to."""

import bisect
import heapq
import re

from policy_nlp.lang.words import alternation
from policy_nlp.lang.chars import IDEOGRAPH, SENTENCE_END_RE, SENTENCE_ENDS, STOPS, before_blanks, before_spaces
from policy_nlp.lang.speech import NAMED_SPEAKER
from policy_nlp.stages.enumerations.markers import _HEADING_FAMILIES, _LEAF_RANK, _RANK
from policy_nlp.stages.enumerations.blocks import _TERMINAL
from policy_nlp.stages.enumerations.building import _ADDRESS


# a sentence that gives an example of the one before it or narrows it (…目标设定上。如，《规划》把…;
# …环境压力加大。特别是制约…问题仍很突出。) goes on with it
_ELABORATION = re.compile(rf"[ \u3000]*(?:{alternation('item_elaborations')})")
_NEW_UNIT = re.compile(r"以下|如下|下列|这样几|这么几|几个方面|几点|总之|总的看|总的来说|综上")
# a closing remark after a sentence end (…。以上我重点讲了几个问题，…; …。最后，我要强调的是，…);
# 以上率下 is an idiom, 以上海… is 以 before 上海 (cpc 14: 以上海浦东开发开放为龙头), and 最后 without
# a comma, a colon or 我 is "the last" (最后一公里)
_CLOSING_REMARK = re.compile(
    rf"[ \u3000]*(?:(?!最后|以上率下|以上海)(?:{alternation('closing_remark_openers')})|最后(?=[，,：:我]))")

# a new speaker of a news report of a meeting (…做好隔离治疗准备。王细妹要求,各单位…; …作总结讲话。宋镇长在
# 讲话中指出,…), which a page without line breaks runs into the last item of the speaker before; a person
# the report named after a title (副市长王细妹, 镇长宋捷), not a title alone: a speech cites its authority so
# (…。总书记强调，…; 总书记在…座谈会上强调, dev-0091, dev-0089)
_TITLES = alternation("official_titles")
_SPEAKER = re.compile(r"[ \u3000]*" + NAMED_SPEAKER)
_SURNAME_TITLED = re.compile(rf"(?P<surname>[{IDEOGRAPH}])(?:{_TITLES})")


def _new_speaker(text, start, end):
    """Whether the sentence ``text[start:end]`` opens with a new speaker of a news report: a
    subject and a reporting verb (``reporting_verbs.txt``), maybe where he speaks (在讲话中), the
    subject a person named after an official title earlier in the text (…副市长王细妹出席调度会并
    讲话。… 王细妹要求,…; ``official_titles.txt``) or titled by the surname so named (镇长宋捷 … 宋镇长
    在讲话中指出,…); not a title alone (总书记强调，…), nor 我多次强调，…, 有篇报道说，…, 中央提出，…
    inside an item."""
    m = _SPEAKER.match(text, start, end)
    if m is None:
        return False
    titled = _SURNAME_TITLED.fullmatch(m.group("who"))
    name = titled.group("surname") if titled else m.group("who")
    return re.compile(rf"(?:{_TITLES}){re.escape(name)}").search(text, 0, start) is not None   # no copy of the text


def _sentence_index(sentence_starts, position):
    return bisect.bisect_right(sentence_starts, position) - 1


def _item_spans(text, lst, block_ends, sentences, sentence_starts, announced=(), others=(), sections=()):
    """Item spans (see the module notes).

    An item ends where the next one starts in its paragraph, or else with
    its paragraph; the last item of an inline list runs for about as many
    sentences as its siblings in the paragraph (and through a sentence that gives an example of
    the one before it or narrows it: :func:`_elaborates`), and not into a sentence
    that announces another list after a colon (``announced``: the sorted
    starts of lists right after a colon); one that stops at a semicolon runs
    on to its sentence's end (:func:`_through_semicolon`; ``others``: the
    sorted starts of every item), and never past the next heading of an
    enclosing section (``sections``: :func:`_next_section`).
    """
    items = lst.items
    spans, lengths = [], []
    for item, following in zip(items, items[1:]):
        if following.block == item.block:
            end = before_spaces(text, following.start, item.start)
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
    # a photo credit glued to one sibling (…默哀。 新华社记者 申宏/摄) hides its exclamation
    exclaiming = sum(_exclaims(text, start, stop) for start, stop in spans)
    exclaimed = exclaiming >= 2 and exclaiming >= len(spans) - (len(spans) >= 3)
    while 0 <= index < len(sentences) and sentences[index][0] < block_end:
        s_start, s_end = sentences[index]
        if taken and (taken >= wanted and not _elaborates(text, s_start, s_end)
                      or _ends_list(text, lst, s_start, s_end, announced)):
            break
        end = min(s_end, block_end)
        taken += not _cut_sentence(text, s_start, end, block_end)
        index += 1
        if exclaimed and _exclaims(text, lst.items[-1].start, end):
            break
    if not any(text[before_spaces(text, b.start, a.start) - 1] in "，,、" for a, b in zip(items, items[1:])):
        end = _through_semicolon(text, last_item.start, end, block_end, others)   # not clause-level items
    # an item runs on to the end of the sentence that closes the brackets it left
    # open (三是加强领导（一是…；二是…；…四是…），…。), when they close within reach
    close = _bracket_close(text, last_item.start, end, min(block_end, last_item.start + _BRACKET_REACH))
    if close is not None and close >= end:
        end = min(sentences[_sentence_index(sentence_starts, close)][1], block_end)
    if items[0].start > 0 and text[items[0].start - 1] in "（(":
        end = _outer_close(text, last_item.start, end)      # （一是…；二是…）, then the item's text goes on
    end = _next_section(text, lst, last_item, end, sections)
    spans.append((last_item.start, max(end, last_item.end)))
    return spans


_CUT_LINE = 20          # a line of prose cut by a page break is at least this long (not a table cell)


def _cut_sentence(text, start, end, block_end):
    """Whether the sentence ``text[start:end]`` of a last inline item is prose that a paragraph
    break inside its block cut (…男女比例严重失调、人口 ¶ 1 ¶ 老龄化凸现,…: a page break), so
    that it goes on in the next sentence: it ends before ``block_end`` without punctuation and
    is at least ``_CUT_LINE`` characters long (a table cell, 7、维护APP实时查询, is shorter)."""
    last = before_spaces(text, end, start)
    return end < block_end and text[last - 1] not in _TERMINAL and last - start >= _CUT_LINE


def _next_section(text, lst, last_item, end, sections):
    """``end``, or the end of the text before the next outline heading that
    falls inside ``text[last_item.end:end]``: ``sections`` are the sorted
    ``(start, start of its list)`` of the 一、 and （一） items after the first
    of their list; one of a list that began before ``last_item`` closes the
    section ``last_item`` is in and every list in it (a page without line
    breaks: …——产业公共服务能力显著增强。二、强化信息技术支撑…), one of a list
    that began inside it is its own (三是…：（一）…；（二）…). A list of such
    headings keeps its own."""
    if lst.rank <= _RANK["（一）"]:
        return end
    index = bisect.bisect_right(sections, (last_item.end, -1))
    while index < len(sections) and sections[index][0] < end:
        start, first = sections[index]
        if first < last_item.start:
            return before_spaces(text, start, last_item.start)
        index += 1
    return end


def _exclaims(text, start, end):
    """Whether ``text[start:end]`` ends with an exclamation (…中流砥柱！, …是不好办的”！):
    when the siblings do (all, or all but one of three or more), the items are a parallel series
    of cheers (——中国人民抗日战争胜利是…的伟大胜利。…！), and the last one ends with its first
    exclamation too."""
    end = before_spaces(text, end, start)
    while end > start and text[end - 1] in "”’\"）)":
        end -= 1
    return end > start and text[end - 1] in "！!"


# a colon after a clause of its sentence announces what follows it (…我们也要清醒看到存在的问题，主要是：有的…；),
# not one opening its sentence (…依然存在。主要是：就业压力巨大；…, the item's own detail) nor one before a quotation
_COLON_AHEAD = re.compile(rf"[，,][^{STOPS}]*：(?![“‘「\"])")


def _elaborates(text, start, end):
    """Whether the sentence ``text[start:end]``, after a sentence end, gives an example of the one
    before it or narrows it (如，…; 特别是…: ``item_elaborations.txt``): the last inline item
    takes it though its siblings are shorter."""
    return text[before_blanks(text, start) - 1] in SENTENCE_ENDS and _ELABORATION.match(text, start, end) is not None


def _ends_list(text, lst, start, end, announced):
    """Whether the sentence ``text[start:end]`` after the first one of a last
    inline item ends ``lst``: it announces something new (以下, a colon closing it or
    after a clause of it, not before a quotation: …问题，主要是：有的…；, a list after a colon: ``announced``), opens with a form of address
    (同志们！) or, for a list that is no outline heading, with a closing remark
    or a new speaker of a news report after a sentence end (…。以上我重点讲了几个问题，…;
    …。王细妹要求,…: :func:`_new_speaker`): an outline heading's section holds its own
    closing sentences (四、…。总体看，…)."""
    if (_NEW_UNIT.search(text, start, end) or text[end - 1] in "：:" or _ADDRESS.match(text, start, end)
            or _announces(announced, start, end) or _COLON_AHEAD.search(text, start, end)):
        return True
    return (lst.family not in _HEADING_FAMILIES and text[before_blanks(text, start) - 1] in SENTENCE_ENDS
            and (_CLOSING_REMARK.match(text, start, end) is not None or _new_speaker(text, start, end)))


def _through_semicolon(text, start, end, block_end, others):
    """The end of the last inline item that stops at a semicolon, run on to
    the end of its sentence (…将由去年的1076亿元增加到1562亿元；地方财政也都要增加投入。):
    a semicolon parts the clauses of one sentence (一方面…；另一方面…。), unless
    a colon in the item or the rest of the sentence announces more (主要是：…；…)
    or the rest holds an item of another list (``others``: the sorted starts of
    every item: …其次是国际资源；开拓两个市场，首先是…)."""
    if end >= block_end or text[end - 1] not in "；;":
        return end
    stop = SENTENCE_END_RE.search(text, end, block_end)
    stop = stop.end() if stop else block_end
    if re.search("[：:]", text[start:stop]) or _announces(others, end, stop):
        return end
    return stop


def _announces(announced, start, end):
    """Whether a list announced by a colon starts inside ``(start, end)``
    (…普通高校招生增量继续向中西部地区倾斜。办好各级各类教育，必须抓好三项工作：一要…:
    the sentence opens a new list, no more of the item before it)."""
    index = bisect.bisect_right(announced, start)
    return index < len(announced) and announced[index] < end


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
                return before_spaces(text, position, start)
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

    others = sorted(m.start for l in block_lists + inline_lists for m in l.items)
    sections = sorted((m.start, l.items[0].start) for l in block_lists + inline_lists
                      if l.rank <= _RANK["（一）"] for m in l.items[1:])
    announced = sorted(l.items[0].start for l in inline_lists
                       if l.items[0].start and text[l.items[0].start - 1] in "：:")
    for lst in block_lists + inline_lists:
        lst.spans = _item_spans(text, lst, block_ends, sentences, sentence_starts, announced, others, sections)
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
        best = _holding(everything, open_scopes, position, lst.items[-1].start)
        if best is not None:
            _, order, i = best
            lst.parent, lst.parent_item = everything[order], i
            limit = everything[order].scopes[i][1]
            start, end = lst.spans[-1]
            if end > limit and limit <= lst.items[-1].end:
                limit = _widened(everything[order], i, lst, block_ends)
            if end > limit:
                lst.spans[-1] = (start, before_spaces(text, max(limit, lst.items[-1].end), start))
                lst.scopes[-1] = lst.spans[-1]


def _widened(holder, index, lst, block_ends):
    """The end of the section of ``holder``'s item ``index`` once it holds all
    of ``lst``, which it would cut to its last marker (…抓好两件事：一要明确责任。
    二要加强督查。: 二要 lies past the sentences 三是 took): the last item of an
    inline list, whose end was only an estimate, runs on to the end of ``lst``
    in its paragraph. Any other item keeps its end."""
    start, end = holder.spans[index]
    last = lst.items[-1]
    if not holder.inline or index + 1 < len(holder.items) or holder.items[index].block != last.block:
        return holder.scopes[index][1]
    end = max(end, min(lst.spans[-1][1], block_ends[last.block]))
    holder.spans[index] = holder.scopes[index] = (start, end)
    return end


def _holding(everything, open_scopes, position, last_start):
    """The smallest of the ``open_scopes`` (a heap of ``(size, order, item)``)
    that holds ``position`` (a list's first item) and whose item's list has no
    next item before ``last_start`` (its last item), or None: an item's next
    item ends it, so a list running past it is no child of that item
    (（一）…一、…(二)…二、 goes under the item around both)."""
    def holds(entry):
        lst, i = everything[entry[1]], entry[2]
        return lst.scopes[i][1] > position and (i + 1 == len(lst.items) or lst.items[i + 1].start > last_start)
    if not open_scopes or holds(open_scopes[0]):      # the innermost one, nearly always
        return open_scopes[0] if open_scopes else None
    return next(filter(holds, sorted(open_scopes)), None)


def _prepend_paragraph_item(text, blocks, lst, marker):
    """``marker`` (placed in its block) as ``lst``'s first item, its span its paragraph, its scope up
    to the list's next item: an item one printed without its marker (``unmarked``) or a lone item
    bridging two lists of one numbering (``across``)."""
    end = before_spaces(text, blocks[marker.block][1], marker.start)
    lst.items = [marker] + lst.items
    lst.spans = [(marker.start, end)] + lst.spans
    lst.scopes = [(marker.start, lst.items[1].start)] + lst.scopes
