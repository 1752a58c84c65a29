"""Paragraph blocks: paragraphs that web copies cut apart merged again, page numbers and
headings glued to the paragraph above told from list markers."""

import bisect
import re

from policy_nlp.lang.chars import (CLAUSE_ENDS, IDEOGRAPH_RE, NEWLINES, ONE_LINE_BREAK, SENTENCE_ENDS,
                                   SENTENCE_END_RE, STOPS, after_spaces, before_blanks, before_spaces,
                                   line_end as find_line_end)
from policy_nlp.lang.words import words
from policy_nlp.lang.outline import HEADING_LINE, is_heading_title
from policy_nlp.stages.enumerations.markers import _HEADING_FAMILIES


_CLOSING = f"）)、{STOPS}”’》」』"
_WRAPPED = "，,、和与及或并"     # a line stopping on these goes on in the next one
# unless the word ends there (（三）数字技术促进绿色低碳生活方式普及 ⏎ 数字技术助力…: a heading)
_JOINT_WORDS = tuple(w for w in words("joint_word_parts") if w[-1] in _WRAPPED)
_TERMINAL = f"{CLAUSE_ENDS}：:…”’」』）)"



def _blocks(text, paragraphs, markers_at=None):
    """Merge the pieces of paragraphs that web copies cut apart into blocks.

    A paragraph is glued to the block before it when it starts with closing
    punctuation (``）浓度…``), or when the block before stops without ending a
    sentence (``…生态屏障建`` / ``设，…``; ``PM`` / ``2.5``; ``——`` /
    ``改革开放`` / ``深入推进。``) and the paragraph does not open with a list
    marker — unless that block is a heading (it opens with 一、 （一） 1.
    （1） or ①), whose line ends without punctuation by design. A marker
    alone on its line (``（一）`` / ``进一步为经济体制改革创造…``) takes the
    paragraph after it, though its bracket ends like a sentence.
    """
    markers_at = markers_at or {}
    blocks = []
    for start, end in paragraphs:
        first = after_spaces(text, start, end)
        if blocks:
            b_start, b_end = blocks[-1]
            opening = markers_at.get(after_spaces(text, b_start, b_end))
            heading = (opening is not None and opening.family in _HEADING_FAMILIES
                       and opening.end < b_end and not _cut_by_wrap(text, opening.end, b_end, start, end))
            bare = opening is not None and before_spaces(text, b_end, opening.start) <= opening.end   # （一）⏎text
            if text[first] in _CLOSING or (
                    (text[b_end - 1] not in _TERMINAL or bare) and first not in markers_at and not heading):
                blocks[-1] = (b_start, end)
                continue
        blocks.append((start, end))
    return blocks


_CLAUSE_STOP = re.compile(f"[{CLAUSE_ENDS}，,]")
_TITLE_STOP = re.compile(f"[{CLAUSE_ENDS}，,、]")


def _cut_by_wrap(text, line_start, line_end, next_start, next_end):
    """Whether a marker line ``text[line_start:line_end]`` that stops without
    punctuation is a sentence a hard wrap cut, not a heading.

    It is when it stops on a comma or a joining word (…资源要素和 ⏎ 数字空间…; not
    a word such as 普及 or 参与 that ends with one: ``joint_word_parts``),
    when it holds a sentence end already (（三）项目审核。运营公司…按程 ⏎ 序进行…:
    a headline and the start of its text), or when it holds a clause stop and
    the next paragraph, one line no longer than it, ends the sentence
    (1.对上一年度营业收入 50 亿元以上的企业，补贴上限为每年 ⏎ 200 万元；, a PDF's
    hard wraps), and no blank line parts the two; a heading stops without
    punctuation and the text under it is a paragraph of its own.
    """
    last = before_spaces(text, line_end, line_start)
    if text[last - 1] in _WRAPPED and not text.endswith(_JOINT_WORDS, line_start, last):
        return True
    # a wrap breaks a line, it leaves no blank line (…重要保证 ⏎⏎ 我国的经济体制改革…: a paragraph of its own)
    if len(ONE_LINE_BREAK.findall(text, last, next_start)) != 1:
        return False
    if SENTENCE_END_RE.search(text, line_start, last):
        return True
    first, tail = after_spaces(text, next_start, next_end), before_spaces(text, next_end, next_start)
    return (bool(_CLAUSE_STOP.search(text, line_start, last)) and first < tail
            and text[tail - 1] in _TERMINAL and not ONE_LINE_BREAK.search(text, first, tail)
            and tail - first <= last - line_start)


_PAGE_HEADING = 100     # a heading line is at most this long (a page of run-on text is longer)
_TITLE_LINE = 40        # a line without a clause stop this short is a title, not a page of text
_ITEM_HEADLINE = re.compile(r"[ \u3000]*[^，,、。；;：:\s]{2,30}。")   # 2.生产制造数字化。…


def _without_page_numbers(text, paragraphs, candidates):
    """Drop the page numbers of flattened PDF or document previews.

    Such pages print ``2、`` at the start of each page, so the marker opens a
    line in the middle of a sentence (``…市政府表`` ¶ ``2、彰先进的决定``). An
    Arabic marker that opens a paragraph is a page number when the paragraph
    before it is body text (at least 15 characters, not a heading: a line of
    at most ``_PAGE_HEADING`` characters opened by a marker with no sentence
    end in it) that stops without ending a sentence, unless that paragraph
    holds the item before it (…持续发展1.加强工作统筹谋划。…助力数字经济发展 ¶
    2.强化政策支持保障: the list goes on) — or opens with it, when both markers
    open a headline sentence as items do (1.研发设计数字化。…设计中的应用 ¶
    2.生产制造数字化。…缩短装配流程和周期、 ¶ 3.质量管理数字化。…, policy_docs
    central-10; a page goes on mid-sentence: 2、到底,团结带领…). Nor is a marker that opens a
    headline numbered on from the last kept marker of its numbering, itself opening a headline, or
    numbered one (:func:`_numbered_headline`): a title line and its description, whose last
    sentence lost its 。 (10.人机协同作业 ¶ 面向…人机高效协同 ¶ 11.工艺动态优化 ¶ 面向…).
    """
    at = {m.start: m for m in candidates}
    starts = [m.start for m in candidates]
    dropped = set()
    previous = None
    for start, end in paragraphs:
        first = after_spaces(text, start, end)
        marker = at.get(first)
        if marker is not None and marker.family in ("1、", "1.") and previous is not None:
            p_start, p_end = previous
            p_first = after_spaces(text, p_start, p_end)
            p_last = before_spaces(text, p_end, p_first)
            heading = p_first in at and is_heading_title(text, p_first, p_last, _PAGE_HEADING)
            own = (bisect.bisect_left if p_first in at and _ITEM_HEADLINE.match(text, at[p_first].end)
                   and _ITEM_HEADLINE.match(text, marker.end) else bisect.bisect_right)
            # a title line (专栏1：目标导向的基础前沿研究 ¶ 1.海洋科学。…) is no page's body text
            title = is_heading_title(text, p_first, p_last, _TITLE_LINE, _TITLE_STOP)
            if p_last - p_first >= 15 and text[p_last - 1] not in _TERMINAL and not (heading or title) and not any(
                    m.group == marker.group and m.number == marker.number - 1
                    for m in candidates[own(starts, p_first):bisect.bisect_left(starts, p_last)]) and not (
                    _numbered_headline(text, marker, candidates[:bisect.bisect_left(starts, first)], dropped)):
                dropped.add(first)
        if first < end:
            previous = (start, end)
    return [m for m in candidates if m.start not in dropped]


def _opens_headline(text, marker):
    """Whether ``marker`` opens a headline: a title line (at most ``_TITLE_LINE`` characters without
    a clause stop or comma: 11.工艺动态优化 ¶ 面向…; 4.涂料、油墨、颜料及类似产品制造标准 ¶ …) or a
    short sentence (1.术语标准（AA）。对…)."""
    return _headline_kind(text, marker) in ("title", "sentence")


def _numbered_headline(text, marker, earlier, dropped):
    """Whether ``marker``, which opens a paragraph after text stopping mid-sentence, is an item, not
    a page number: it opens a headline (:func:`_opens_headline`) and is numbered one, or one on from
    the last marker of its numbering in ``earlier`` (the candidates before it) not ``dropped``, which
    opens a headline too. A page number goes on with a sentence (2、彰先进的决定。, after a page
    numbered by no 1、 of its own)."""
    if not _opens_headline(text, marker):
        return False
    if marker.number == 1:
        return True
    before = next((m for m in reversed(earlier) if m.group == marker.group and m.start not in dropped), None)
    return before is not None and before.number == marker.number - 1 and _opens_headline(text, before)


_GLUED_AFTER = CLAUSE_ENDS
# a heading line without a sentence end that an indent ends may be this long (…十项主要任务。六、进一步加强
# 社会主义民主和法制建设，维护民族平等和民族团结，巩固和发展全国安定团结的政治局面　　…: 46 characters, 1988)
_INDENTED_HEADING = 2 * HEADING_LINE


def _unglued_headings(text, paragraphs, candidates):
    """Paragraphs split before the headings that PDF and web copies glue to
    the end of the paragraph above (…系统的兼容性。（二）装备与系统标准（CIB）⏎).

    Such a heading is a 一、, （一） or （1） marker numbered two or more right after
    a sentence end (…决策控制等功能。(5)电磁兼容⏎, under (4)地图与定位⏎ opening its paragraph) (a 一、 marker also after a word: …数字机关品牌五、加速数字社会建设⏎,
    see ``markers._goes_on_chapters``), the number before it a marker of the same numbering
    earlier in the text, on a line (up to a line break or its paragraph's
    end) of at most ``HEADING_LINE`` characters (``_INDENTED_HEADING`` where an indent
    ends it, not closed by punctuation): with no sentence end in it,
    or, on a page that lost its line breaks but kept the indent that ends its
    paragraphs (…工作回顾　　第十一届…), one sentence that ends the paragraph
    (…提出以下建议。（一）加快转变经济发展方式，促进经济持续健康发展。　　…)
    when the number before it stands in an earlier paragraph. Such a heading
    numbered one (after a sentence end or a colon) is cut too when its
    number two is.
    """
    seen, cuts = {}, []              # seen: (group, number) -> its latest marker
    firsts = {}                      # group -> its last heading numbered one, when glued
    starts = [start for start, _ in paragraphs]
    for marker in candidates:
        if marker.family in _GLUED_FAMILIES and marker.number:
            previous = seen.get((marker.group, marker.number - 1))
            index = bisect.bisect_right(starts, marker.start) - 1
            glued = index >= 0 and (
                marker.family in ("一、", "（一）", "（1）") and (previous is not None or marker.number == 1)
                and _glued_heading(text, marker, previous.start if previous else -1, paragraphs, index)
                or previous is not None and _glued_headline(text, marker, previous, paragraphs[index][1],
                                                            previous.start in cuts))
            if marker.number == 1:
                firsts[marker.group] = marker.start if glued else None
            elif glued:
                if marker.number == 2 and firsts.get(marker.group) is not None:
                    cuts.append(firsts.pop(marker.group))
                cuts.append(marker.start)
        seen[(marker.group, marker.number)] = marker
    cuts.sort()
    if not cuts:
        return paragraphs
    result = []
    for start, end in paragraphs:
        index = bisect.bisect_right(cuts, start)
        while index < len(cuts) and cuts[index] < end:
            result.append((start, before_blanks(text, cuts[index])))   # not the blanks before the heading
            start = cuts[index]
            index += 1
        result.append((start, end))
    return result


_GLUED_FAMILIES = ("一、", "（一）", "（1）", "1.", "1、")


def _headline_kind(text, marker):
    """``"title"`` when ``marker`` opens a title line (at most ``_TITLE_LINE`` characters to its
    line's end without a clause stop or comma: 3.数字化平台标准（CICC）⏎), ``"sentence"`` when it
    opens a short headline sentence (（二）关键技术应用标准。包括…), ``"line"`` when it opens a line
    of one sentence of that length (（二）深化推广应用，开拓转型升级新路径。⏎), else None."""
    line_end = find_line_end(text, marker.end)
    last = before_spaces(text, len(text) if line_end < 0 else line_end, marker.end)
    if last - marker.end >= 2 and is_heading_title(text, marker.end, last, _TITLE_LINE, _CLAUSE_STOP):
        return "title"
    if _ITEM_HEADLINE.match(text, marker.end):
        return "sentence"
    # one sentence of clauses filling its line (（一）加快系统创新，增强融合发展新动能。⏎, central-61)
    if (last - marker.end <= _TITLE_LINE and text[last - 1] in SENTENCE_ENDS
            and not SENTENCE_END_RE.search(text, marker.end, last - 1)):
        return "line"
    return None


def _glued_headline(text, marker, previous, paragraph_end, previous_cut=False):
    """Whether ``marker`` (numbered two or more, in a paragraph ending at ``paragraph_end``) is an
    item heading that a PDF or web copy glued after the sentence end of the text above, on the
    same line: the marker of its numbering numbered one less (``previous``) opens a line after a
    line break (or was so glued: ``previous_cut``), and
    both open a headline of one kind (:func:`_headline_kind`), a title line (…管理协同化。3.数字化
    平台标准（CICC）⏎, policy_docs central-33; …编码等基础性规则标准。2.通用规范标准⏎, central-35)
    or a headline sentence with its text after it (…事后处置等标准。 （二）关键技术应用标准。包括…,
    central-76; …氛围更加浓厚。　(五)总体部署。未来五年，…, shandong-2) or a line of one sentence
    (…优化技术。 （二）深化推广应用，开拓转型升级新路径。⏎, central-61). Items of an inline list
    (…发展。2.加快…。3.培育…) follow a marker that does not open a line, and on a page without line
    breaks (一、关于疫情防控工作。…二、关于经济工作。…) none opens a line after a line break."""
    before = before_blanks(text, marker.start)
    if marker.start >= paragraph_end or before == 0 or text[before - 1] not in SENTENCE_ENDS:
        return False
    opening = before_blanks(text, previous.start)
    if not previous_cut and (opening == 0 or text[opening - 1] not in NEWLINES):
        return False
    kind = _headline_kind(text, marker)
    return kind is not None and kind == _headline_kind(text, previous)


def _glued_heading(text, marker, previous, paragraphs, index):
    """Whether ``marker`` (in ``paragraphs[index]``, the same numbering's
    number before it at ``previous``) is a heading glued to the paragraph
    above (see :func:`_unglued_headings`)."""
    before = before_blanks(text, marker.start)
    start, end = paragraphs[index]
    # a heading numbered one may follow a colon (…做了以下工作：（一）加强和改善宏观调控…), a 一、
    # heading a word when it is a marker there (…打造成全国引领性的数字机关品牌五、加速数字社会建设⏎)
    after = _GLUED_AFTER + ("：:" if marker.number == 1 else "")
    if marker.start >= end or before == 0 or not (
            text[before - 1] in after or marker.family == "一、" and IDEOGRAPH_RE.match(text, before - 1)):
        return False
    # the line ends at a line break or with the paragraph, looked for within the heading's reach only
    # (linear on one-line texts)
    reach = marker.end + _INDENTED_HEADING + 8
    line_end = find_line_end(text, marker.end, min(end, reach))
    line_end = end if line_end == -1 else line_end
    line = text[marker.end:line_end].strip() if line_end <= reach else ""
    following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
    # the line ends a paragraph that an indent, not a line break, ends
    indented = line_end == end and following is not None and not ONE_LINE_BREAK.search(text, end, following)
    if not 0 < len(line) <= (_INDENTED_HEADING if indented else HEADING_LINE):
        return False
    if not SENTENCE_END_RE.search(line):
        return len(line) <= HEADING_LINE or line[-1] not in _CLOSING
    # one sentence ending such a paragraph
    return (len(line) <= HEADING_LINE and indented and previous < start
            and line[-1] in SENTENCE_ENDS and not SENTENCE_END_RE.search(line, 0, len(line) - 1))
