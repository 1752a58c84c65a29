"""Paragraphs and sentences of Chinese policy text, as character offsets.

Paragraphs end at line breaks and at runs of two or more U+3000 (the
``　　`` indent that web copies of speeches keep as their only paragraph
mark). A page that lost its line breaks but kept the indent as spaces (a
sentence end followed by two or more ASCII or no-break spaces: ……落实。  2009年
是……) also ends paragraphs at such runs after a sentence end or a colon
(同志们:  今天……) and before an outline marker (……活跃  ——农业……).
Elsewhere, and in other documents, such runs are layout inside a line
(第一章    总 则, a form's 名称：   □是, a two-part heading 誓师动员  决战决胜)
and do not end a paragraph.

Sentences end at 。！？； and their half-width forms ! ? ; (a half-width full
stop is not an end: it is a decimal point or a list marker such as ``1.``),
at an ellipsis ……, and keep closing quotes and brackets with the sentence
they close.

Hard-wrapped text (a PDF copied line by line: every physical line of a
paragraph ends at the same width, mid-sentence) is the exception to "a line
break ends a paragraph": :func:`join_hard_wrapped` joins such lines, so a
paragraph's span may then cross the line breaks. The text is never changed.
"""

import re

from policy_nlp.lang.chars import (BLANK, CLAUSE_ENDS, IDEOGRAPH, LINE_BREAK as _LINE_BREAK, ONE_LINE_BREAK,
                                   SENTENCE_ENDS, STOPS, is_ideograph, trimmed)
from policy_nlp.lang.numerals import ITEM_NUMERALS as _N
from policy_nlp.lang.words import alternation

_SPACES_AS_BREAKS = re.compile(f"[{SENTENCE_ENDS}][ \u00a0]{{2,}}(?=\\S)")
_PARAGRAPH_BREAK = re.compile(_LINE_BREAK.pattern
                              + rf"|(?<=[{CLAUSE_ENDS}：:])[ \u00a0]{{2,}}(?=\S)"
                              + rf"|(?<=[^\s])[ \u00a0]{{2,}}(?=——|[{_N}]+[、是要]|[（(][{_N}]+[)）])")
_LOOKAHEAD = 6  # the longest marker a break looks ahead to: （十二）


def _breaks(text, space_runs=True):
    """The paragraph breaks of ``text``: with runs of spaces when the text uses
    them for lost line breaks (see the module's docstring)."""
    return _PARAGRAPH_BREAK if space_runs and _SPACES_AS_BREAKS.search(text) else _LINE_BREAK


_SENTENCE_END = re.compile(rf"(?:[{CLAUSE_ENDS}]+|…{{2,}}|\.{{6}})[”’」』）)》〉\"']*")
_LEADING_BLANK = re.compile(f"[{BLANK}]*")


def find_paragraphs(text, space_runs=True, headings=True):
    """Character offsets of the paragraphs of ``text``.

    Parameters
    ----------
    text : str
    space_runs : bool, default True
        In a text whose runs of spaces stand for lost line breaks, also end
        paragraphs at them (see the module's docstring); False: only at line
        breaks and U+3000 runs.
    headings : bool, default True
        Cut a line that lost its line breaks before its outline headings
        (:func:`split_long_paragraphs`); False: only the sentence-end cuts of
        lines over ``LONG_PARAGRAPH`` (the cut the hand-labelled training
        units of the local corpus were coded on). With headings, the lines
        longer than ``ONE_LINE`` of a text of at most ``ONE_LINE_LINES``
        lines are cut too (``one_line``).

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each non-blank paragraph, blanks trimmed.

    Examples
    --------
    >>> text = "同志们：\\n\\n　　今天开会。　　我讲三点意见："
    >>> [text[s:e] for s, e in find_paragraphs(text)]
    ['同志们：', '今天开会。', '我讲三点意见：']
    >>> text = "同志们:  今天开会。  一、经济发展  ——农业稳步提升"
    >>> [text[s:e] for s, e in find_paragraphs(text)]
    ['同志们:', '今天开会。', '一、经济发展', '——农业稳步提升']
    >>> text = "承诺时间：   年   月  日"  # no sentence end before spaces: layout
    >>> [text[s:e] for s, e in find_paragraphs(text)]
    ['承诺时间：   年   月  日']
    """
    paragraphs = []
    start = 0
    for match in _breaks(text, space_runs).finditer(text):
        span = trimmed(text, start, match.start())
        if span:
            paragraphs.append(span)
        start = match.end()
    span = trimmed(text, start, len(text))
    if span:
        paragraphs.append(span)
    return split_long_paragraphs(text, join_hard_wrapped(text, paragraphs), headings=headings,
                                 one_line=headings and len(paragraphs) <= ONE_LINE_LINES)


# A "paragraph" longer than LONG_PARAGRAPH characters is a text that lost its
# line breaks (scraped speeches, 48 of 58 Xi speeches of 2020): it is cut at
# sentence ends into units of about UNIT_TARGET characters, so that topics
# work on paragraph-sized units. National reports never reach it (longest 1,253).
LONG_PARAGRAPH = 1500
_ANY_MARKER = re.compile(rf"[{_N}]+(?:是|要|、|个)|[（(][{_N}\d]+[)）]"
                         rf"|第[{_N}]+|\d+[、.．]|其[次三]|再次|最后|首先|——")
UNIT_TARGET = 500
# A whole text of one line longer than ONE_LINE characters is a page that lost
# its line breaks (one-line excerpts of the local corpus run 300 to 900): it is
# cut into units of about ONE_LINE_TARGET characters even when shorter than
# LONG_PARAGRAPH, or its paragraphs would all share one topic (local speech
# paragraphs: median 151 characters, three in four under 250).
ONE_LINE = 300
ONE_LINE_TARGET = UNIT_TARGET // 2
# So is the long line of a text of ONE_LINE_LINES lines: a page title, headline
# or source line that stayed on a line of its own above or below a body that
# lost its breaks (three lines cut a real paragraph too: dev-0205's report).
ONE_LINE_LINES = 2
# Such a unit ends earlier (past a third of the target) before a sentence that
# opens a paragraph of a speech or of a news report of a meeting: the speaker
# pointing at the meeting (今天，我们召开…), 会上，…, 大家好, a speaker's words
# reported (刘波强调，…; 孙卫国在讲话中强调，…; 会议要求，…). On the local corpus's
# lines, such sentences open a line 55-70% of the time (一是 17%, 下面 27%).
_SPEAKER_VERBS = "强调|指出|要求"   # of the reporting verbs, those whose sentence opens a line most (说: 22%)
_PARAGRAPH_CUE = re.compile(rf"(?:{alternation('paragraph_openers')})[，,]|大家好"
                            rf"|[{IDEOGRAPH}]{{2,8}}?(?:在讲话中)?(?:{_SPEAKER_VERBS})[，,：:]")


# A line longer than HEADED_LINE that holds a chapter heading (一、) after a sentence
# end or a colon lost its line breaks: the heading starts a unit, and so do its
# section headings (（一）) in such a line or in one longer than ``longest``.
HEADED_LINE = 300
_AFTER_STOP = rf"(?<=[{SENTENCE_ENDS}：:])[" + BLANK + r"]*"
# not a run of numerals (一、二、三产业, 一、二季度)
_CHAPTER_MARK = rf"[{_N}]+、(?![{_N}两])"
_SECTION_MARK = rf"[（(][{_N}]+[)）]"
_CHAPTER_HEADING = re.compile(f"{_AFTER_STOP}(?={_CHAPTER_MARK})")
_ANY_HEADING = re.compile(f"{_AFTER_STOP}(?={_CHAPTER_MARK}|{_SECTION_MARK})")
_HEADING_MARK = re.compile(f"{_CHAPTER_MARK}|{_SECTION_MARK}")
# a marker whose sentence goes on to the next item after a semicolon or comma
# opens a list written inline (…主要抓了四项工作：一、抓项目建设…；二、抓产业发展…), no heading
_INLINE_ITEMS = re.compile(f"[^{SENTENCE_ENDS}]*?[；;，,][{BLANK}]*(?:{_CHAPTER_MARK}|{_SECTION_MARK})")


def split_long_paragraphs(text, paragraphs, longest=LONG_PARAGRAPH, target=UNIT_TARGET, headings=True,
                          one_line=False):
    """Cut over-long paragraphs into paragraph-sized units.

    A line longer than ``HEADED_LINE`` is first cut before each outline
    heading that follows a sentence end or a colon, where a page that lost
    its line breaks had started a paragraph (…再讲三点意见。一、明确目标任务…):
    before 一、 headings, and before （一） headings too when the line holds a
    一、 heading or is longer than ``longest`` (elsewhere （一）…。（二）… is a
    list written inline; so is a marker whose sentence goes on to the next
    item after a semicolon or comma: …四项工作：一、抓项目建设…；二、…, and 一、二、三产业
    is no heading). A line longer than ``longest`` is then cut at the
    first sentence end past ``target`` characters of each unit that is not
    followed by an item or section marker (二是, 三、, （一）, 第二, 其次): an
    item written inline stays inline. A tail shorter than a third of
    ``target`` stays with the unit before it. When ``one_line`` (the
    ``paragraphs`` are the few lines of a text that lost its line breaks), a
    line longer than ``ONE_LINE`` is cut so too, at ``ONE_LINE_TARGET``, and
    past a third of it already before a sentence that opens a paragraph of a
    speech or a news report (今天，…; 会上，…; 刘波强调，…).

    Examples
    --------
    >>> text = "抓好安全生产。" * 300
    >>> units = split_long_paragraphs(text, [(0, len(text))])
    >>> len(units) > 1 and all(400 <= e - s <= 700 for s, e in units)
    True
    >>> "".join(text[s:e] for s, e in units) == text
    True
    >>> text = "我讲三点意见。一、统一思想" + "抓好安全生产。" * 50 + "（一）提高认识。" + "要抓落实。" * 30
    >>> [text[s:s + 6] for s, e in split_long_paragraphs(text, [(0, len(text))])]
    ['我讲三点意见', '一、统一思想', '（一）提高认']
    """
    out = []
    for start, end in paragraphs:
        for unit_start, unit_end in _headed_units(text, start, end, longest) if headings else [(start, end)]:
            if end - start > longest:
                out.extend(_sized_units(text, unit_start, unit_end, target))
            elif one_line and end - start > ONE_LINE:
                out.extend(_sized_units(text, unit_start, unit_end, ONE_LINE_TARGET, _PARAGRAPH_CUE))
            else:
                out.append((unit_start, unit_end))
    return out


def _headed_units(text, start, end, longest):
    """``[start, end)`` cut before its outline headings (see :func:`split_long_paragraphs`)."""
    if end - start <= HEADED_LINE:
        return [(start, end)]
    chapter = next(_headings(_CHAPTER_HEADING, text, start, end), None)
    if chapter is None and end - start <= longest:
        return [(start, end)]
    headings = _ANY_HEADING if chapter is not None or end - start > longest else _CHAPTER_HEADING
    units = []
    for match in _headings(headings, text, start, end):
        if match.start() > start:
            units.append((start, match.start()))
            start = match.end()
    units.append((start, end))
    return units


def _headings(headings, text, start, end):
    """The matches of ``headings`` in ``[start, end)`` that open no list written inline."""
    for match in headings.finditer(text, start, end):
        marker = _HEADING_MARK.match(text, match.end())
        if not _INLINE_ITEMS.match(text, marker.end(), end):
            yield match


def _sized_units(text, start, end, target, cues=None):
    """``[start, end)`` cut at sentence ends into units of about ``target``
    characters; past a third of it already before a sentence that ``cues`` match."""
    units, unit_start = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        rest = _LEADING_BLANK.match(text, cut, end).end()
        cued = cues is not None and cues.match(text, rest)
        if cut - unit_start < (target // 3 if cued else target) or end - cut < target // 3:
            continue
        if not _ANY_MARKER.match(text, rest):
            units.append((unit_start, cut))
            unit_start = rest
    units.append((unit_start, end))
    return units


# Hard wraps: at least _WRAP_LINES lines of _WRAP_MIN..WRAP_MAX characters,
# most of them within _WRAP_TOLERANCE of the typical length.
_WRAP_LINES = 6
_WRAP_MIN, WRAP_MAX = 12, 60
_WRAP_TOLERANCE = 0.15
_PARAGRAPH_END = f"{CLAUSE_ENDS}:：…”’」』）)"
_CLOSERS = "”’」』）)"
# closing quotes and brackets end a paragraph after a sentence end (…。”), not inside
# one (实施工业“150”⏎工程, 各县(市、区)⏎党委)
_ENDS_SENTENCE = re.compile(f"[{_PARAGRAPH_END.strip(_CLOSERS)}][{_CLOSERS}]*$")
# A wrapped line of prose has punctuation in it, or the wrap cuts a word between two
# ideographs (_cuts_a_word); date and banner lines of the same width have neither.
_PUNCTUATION = f"、{STOPS}"
_IN_SENTENCE = re.compile(f"[{_PUNCTUATION}]")
# A line that starts an item starts a paragraph: 二是, 三、, （一）, 第二, 2. (the reading view keeps
# the blank before one)
ITEM_START = re.compile(rf"[{_N}]+(?:是|、)|[（(][{_N}\d]+[)）]|第[{_N}]+|\d+[、.．]")
# A line that ends with a heading glued after a sentence end (…增长5.3%。（三）数字技术与媒体融合深入推进,
# …促进周转。6.智能运维标准（CICF）)
# ends its paragraph: the heading is short and unpunctuated, as a wrapped sentence is not.
_GLUED_HEADING = re.compile(rf"[{CLAUSE_ENDS}][ \u3000]*(?:[（(][{_N}]+[)）]|[{_N}]+、"
                            r"|\d{1,2}[.．、](?!\d))" + f"[^{_PUNCTUATION}]{{1,40}}$")


def wrap_width(text, paragraphs, length=None):
    r"""The line width of a hard-wrapped ``text``, or None when it is not hard-wrapped.

    ``paragraphs`` are the line-break paragraphs of ``text``; ``length``
    measures one (``length(start, end)``; default ``end - start``). The text is
    hard-wrapped when at least half of its lines of 12 or more characters
    have about the same length (within 15% of their median, at most 60
    characters), at least six do, and most of those end mid-sentence.

    Examples
    --------
    >>> text = ("今天我们召开街道党工委扩大会议,主要任务是深入传达学\n"
    ...         "习中央经济工作会议精神,以及省委、市委和区党工委的\n" * 3 + "要求。")
    >>> wrap_width(text, [(0, 26), (27, 51)] * 3 + [(len(text) - 3, len(text))])
    25.0
    """
    length = length or _span_length
    lengths = sorted(n for n in (length(s, e) for s, e in paragraphs) if n >= _WRAP_MIN)
    if len(lengths) < _WRAP_LINES:
        return None
    middle = len(lengths) // 2
    median = lengths[middle] if len(lengths) % 2 else (lengths[middle - 1] + lengths[middle]) / 2
    if median > WRAP_MAX:
        return None
    low, high = median * (1 - _WRAP_TOLERANCE), median * (1 + _WRAP_TOLERANCE)
    regular = [(s, e) for s, e in paragraphs if low <= length(s, e) <= high]
    if len(regular) < _WRAP_LINES or 2 * len(regular) < len(lengths):
        return None
    open_ended = sum(1 for s, e in regular if not _ENDS_SENTENCE.search(text, s, e))
    if 2 * open_ended <= len(regular):
        return None
    return float(median)


def join_hard_wrapped(text, paragraphs):
    r"""Join the physical lines of hard-wrapped paragraphs.

    A line joins the next one when the text is hard-wrapped
    (:func:`wrap_width`), the line fills the width (within 15%), does not end
    a sentence (a closing quote or bracket ends one only after a sentence end:
    实施工业“150”⏎工程 is joined, …。”⏎ is not), and the next line follows a single line break with no indent
    (an indent or a blank line starts a new paragraph). The line must have
    punctuation in it, or the wrap must fall between two ideographs after a
    line that ends with no genre word (…信息技术深度⏎融合, a long name or
    quotation: :func:`_cuts_a_word`; date and banner lines of the same width
    have neither, nor has a title ending …的讲话, a table's column names
    序号一级分类…, or a caption above a line opening 图 12), and the next line
    must not start an item (二是, 三、, （一）, 第二);
    a line ending with a heading glued after a sentence end (…。（三）数字技术
    与媒体融合深入推进) ends the paragraph.
    Headings wrapped onto a second line are joined the same way.

    Examples
    --------
    >>> lines = ["同志们:", "今天我们召开街道党工委扩大会议,主要任务是深入传达学",
    ...          "习中央经济工作会议精神,以及省委、市委和区党工委的相关",
    ...          "会议的要求,全面分析当前我们街道面临的经济形势,研究",
    ...          "部署明年经济工作的总体思路和重点任务。刚才,有同志已",
    ...          "经将中央和省、市、区各级会议的核心精神向大家作了传达,希",
    ...          "望同志们认真领会,深刻把握。",
    ...          "这次中央经济工作会议,是在全面完成“十四五”规划目标",
    ...          "任务、开启“十五五”新征程的关键历史节点上召开的。"]
    >>> text = "\n".join(lines)
    >>> [len(text[s:e].split("\n")) for s, e in find_paragraphs(text)]
    [1, 6, 2]
    """
    wraps = set(wrapped_lines(text, paragraphs))
    if not wraps:
        return paragraphs
    joined = [paragraphs[0]]
    for i, (start, end) in enumerate(paragraphs[1:]):
        if i in wraps:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def wrapped_lines(text, lines, length=None, titles=False):
    r"""The indexes ``i`` of the ``lines`` of a hard-wrapped ``text`` that wrap
    onto ``lines[i + 1]`` (see :func:`join_hard_wrapped`).

    Parameters
    ----------
    text : str
    lines : list of (int, int)
        The line-break paragraphs of ``text``.
    length : callable, optional
        ``length(start, end)`` of a line (default ``end - start``).
    titles : bool, default False
        Also wrap a line without punctuation that fills the width (a title
        or a site notice cut by the wrap), and a line break with ASCII spaces
        around it, and a line that ends with a heading glued after a
        sentence end (…新的台阶。  一、经济发展空前活跃  ——农业经济稳步提⏎升,
        whose wrap may cut the next page's number from the sentence it
        cuts), in a text whose lines of about the width hold more of it
        than longer lines (:func:`_overlong`); a line fills the width when it
        is no shorter than nine in ten of the lines that end mid-sentence
        (not 15% shorter than the width: a page header of a shorter line,
        公文搜 2022-08-29 12:36:23 营商, ends there). The cleaning reads the
        head of a page so; the paragraphs of the body keep date, banner and
        whole title lines apart (a title cut between two ideographs is joined:
        :func:`_cuts_a_word`).

    Returns
    -------
    list of int

    Examples
    --------
    >>> lines = ["筑牢安全防线守护万家灯火乡镇在安全生产月启动仪式上", "的讲话"] + [
    ...          "今天我们召开街道党工委扩大会议,主要任务是深入传达学", "习中央经济工作会议精神,以及省委、市委的要求。"] * 3
    >>> text = "\n".join(lines)
    >>> spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    >>> wrapped_lines(text, spans), wrapped_lines(text, spans, titles=True)
    ([0, 2, 4, 6], [0, 2, 4, 6])
    """
    if len(lines) < _WRAP_LINES:
        return []
    length = length or _span_length
    width = wrap_width(text, lines, length)
    if width is None:
        return []
    if titles and _overlong(lines, length, width):
        return []
    low = _filled(text, lines, length, width) if titles else width * (1 - _WRAP_TOLERANCE)
    return [i for i, (line, following) in enumerate(zip(lines, lines[1:]))
            if _wraps(text, line, following, length(*line), (low, width), titles)]


def _span_length(start, end):
    return end - start


def _overlong(lines, length, width):
    """Whether the lines longer than the ``width`` (and 15%) hold more text than
    those of about the width: a short page with a few lines of the same length
    (a site's header and footer) is not hard-wrapped."""
    sizes = [length(*line) for line in lines]
    high = width * (1 + _WRAP_TOLERANCE)
    return sum(n for n in sizes if n > high) > sum(n for n in sizes if width * (1 - _WRAP_TOLERANCE) <= n <= high)


def _filled(text, lines, length, width):
    """The length from which a line fills the ``width``: that of nine in ten
    of the lines within 15% of it that end mid-sentence (the wrapped lines)."""
    sizes = sorted(n for n, (s, e) in ((length(*line), line) for line in lines)
                   if width * (1 - _WRAP_TOLERANCE) <= n <= width * (1 + _WRAP_TOLERANCE)
                   and not _ENDS_SENTENCE.search(text, s, e))
    return sizes[len(sizes) // 10]


def _wraps(text, line, following, size, bounds, titles):
    """Whether ``line`` (of ``size`` characters) wraps onto the ``following``
    line, in a text hard-wrapped at ``width`` of which a line of ``low``
    characters or more fills the width (``bounds == (low, width)``; see
    :func:`wrapped_lines`)."""
    (line_start, line_end), (start, end) = line, following
    low, width = bounds
    gap = text[line_end:start]
    if not (ONE_LINE_BREAK.fullmatch(gap) or titles and ONE_LINE_BREAK.fullmatch(gap.strip(" "))):
        return False
    if not low <= size <= width * (1 + _WRAP_TOLERANCE) \
            or _ENDS_SENTENCE.search(text, line_start, line_end) \
            or not titles and _GLUED_HEADING.search(text, line_start, line_end) or ITEM_START.match(text, start, end):
        return False
    return (bool(_IN_SENTENCE.search(text, line_start, line_end)) or titles and size >= width
            or not titles and _cuts_a_word(text, line_start, line_end, start))


# a line of a document's genre (…会议上的讲话) ends a title, not a word the wrap cut
_GENRE_END = re.compile(f"(?:{alternation('document_types')})$")
# a table's line of column names (序号一级分类二级分类标准名称…标准号/计划号) is no prose either,
# and a line opening with a figure's number (图 12 通过…展示了, 图3 基础共性标准子体系) starts a
# paragraph: a caption, or text on the figure (of 78 such lines in 10 policy documents none goes on a line)
_COLUMN_NAMES = re.compile(f"(?:{alternation('table_column_heads')})")
_FIGURE_START = re.compile(r"图[ \u3000]*\d")


def _cuts_a_word(text, line_start, line_end, start):
    """Whether the wrap between the line ``text[line_start:line_end]`` and the next one
    starting at ``start`` cuts prose without punctuation (…深度⏎融合, a long quotation or
    name): an ideograph on both sides, the line ends with no genre word, as a title does,
    and opens with no column name, as a table's header does, and the next line opens with
    no figure's number, as a caption or a paragraph on the figure does."""
    return (is_ideograph(text[line_end - 1]) and is_ideograph(text[start])
            and not _GENRE_END.search(text, line_start, line_end)
            and not _COLUMN_NAMES.match(text, line_start, line_end) and not _FIGURE_START.match(text, start))


def physical_paragraphs(text, paragraphs):
    """Join the units :func:`split_long_paragraphs` cut from one line back
    into that line: the outline reads items in the paragraph they are
    written in (an inline 第一个问题 runs on past a unit's end).

    Examples
    --------
    >>> text = "甲。乙。\\n丙。"
    >>> physical_paragraphs(text, [(0, 2), (2, 4), (5, 7)])
    [(0, 4), (5, 7)]
    """
    breaks = _breaks(text)
    out = []
    for start, end in paragraphs:
        # a break starts in the gap; it may look a few characters past it (——)
        found = out and breaks.search(text, out[-1][1], start + _LOOKAHEAD)
        if out and not (found and found.start() < start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def find_sentences(text, paragraphs=None):
    """Character offsets of the sentences of ``text``, within paragraphs.

    Parameters
    ----------
    text : str
    paragraphs : list of (int, int), optional
        Paragraph offsets; found with :func:`find_paragraphs` when omitted.

    Examples
    --------
    >>> text = "他说：“要抓落实。”我们同意!增长6.5%。"
    >>> [text[s:e] for s, e in find_sentences(text)]
    ['他说：“要抓落实。”', '我们同意!', '增长6.5%。']
    """
    if paragraphs is None:
        paragraphs = find_paragraphs(text)
    sentences = []
    for p_start, p_end in paragraphs:
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            span = trimmed(text, start, match.end())
            if span:
                sentences.append(span)
            start = match.end()
        span = trimmed(text, start, p_end)
        if span:
            sentences.append(span)
    return sentences
