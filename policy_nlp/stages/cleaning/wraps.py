"""Hard wraps: the line breaks of a page copied from a PDF line by line, read through.

A title, a site notice or a page header cut by the wrap (在2025年全镇安全生产、消防
安全和生态环境保护工作动员⏎会上的讲话.docx) has no shape of its own on either line.
The cleaning decides the head, the tail and the furniture on the page with its wraps
joined (:func:`unwrapped`) and maps what it removes back to the page
(:func:`rewrapped`): the body keeps its line breaks. The PDF's page numbers, on lines of
their own in the middle of a sentence, go with the line break before them
(:func:`page_numbers`).
"""

import re

from policy_nlp.lang.chars import STOPS
from policy_nlp.stages.paragraphs import WRAP_MAX, wrapped_lines
from policy_nlp.stages.cleaning.pieces import _add_piece
from policy_nlp.stages.cleaning.furniture import WORD_REASONS, _furniture, _GLOSS_RE, without_glosses
from policy_nlp.stages.cleaning.title import _TITLE_RE


def wrap_breaks(text):
    r"""The offsets of the line breaks of ``text`` that are hard wraps (a line
    that fills the width, titles and notices too: :func:`wrapped_lines`),
    lines measured without their pinyin glosses; not after a line that is
    whole though it fills the width (:func:`_whole`), unless the next line
    opens with clause punctuation (、副区长王九鸣同志们:).

    Examples
    --------
    >>> text = "\n".join(["更新时间:2018-06-10 19:16作者:才子老师",
    ...     "筑牢安全防线守护万家灯火--乡镇在安全生产月启动仪式上的", "讲话同志们,市民朋友们,大家好:今年以来,在市委、市政府",
    ...     "的正确领导下,在市应急管理局的精心指导下,一手抓经济发展", "一手抓安全生产,强化督促检查,狠抓隐患整改,有力保障了经",
    ...     "济社会持续健康发展。今年6月是全国第18个、我市第26个", "“安全生产月”,我们将以活动启动仪式为契机,时刻牢记“安",
    ...     "全生产重于泰山”的使命。"])
    >>> [text[i - 2:i + 3] for i in wrap_breaks(text)]   # the page-info line is whole
    ['上的\n讲话', '政府\n的正', '发展\n一手', '了经\n济社', '6个\n“安', '“安\n全生']
    """
    if not _may_be_wrapped(text):
        return []
    lines = []
    start = 0
    for match in re.finditer("\n", text):
        _add_piece(lines, text, start, match.start())
        start = match.end()
    _add_piece(lines, text, start, len(text))
    length = (lambda s, e: len(without_glosses(text[s:e]))) if _GLOSS_RE.search(text) else None
    wraps = wrapped_lines(text, lines, length, titles=True)
    whole = _whole(text, lines, wraps)
    return [text.index("\n", lines[i][1]) for i in wraps
            if i not in whole or _CONTINUED.match(text, lines[i + 1][0])]


def _may_be_wrapped(text):
    """False for a text that :func:`wrapped_lines` cannot find hard-wrapped,
    told cheaply: fewer than six lines of 12 characters, or most such lines
    longer than any wrap width (blanks and glosses allowed for)."""
    sizes = sorted(n for n in map(len, text.split("\n")) if n >= 12)
    return len(sizes) >= 6 and (sizes[len(sizes) // 2] <= 2 * WRAP_MAX or _GLOSS_RE.search(text) is not None)


# A line that opens with clause punctuation (or a file name's .docx) continues the line before it.
_CONTINUED = re.compile(f"[、{STOPS}）)》”.]")


def _whole(text, lines, wraps):
    """The indexes of the ``wraps`` (lines that fill the width) that are whole
    lines: a title that ends with its genre (…电视电话会议上的讲话, read without
    its pinyin glosses), and a line
    of furniture and the line before it in a paragraph that is not furniture
    as a whole (更新时间:2018-06-10 19:16作者:才子老师⏎中国共产党…,
    …实现新突破⏎此处隐藏4810个字。VIP会员可见); not furniture found by a
    word only (:data:`~.furniture.WORD_REASONS`: …旨在指导注册申请人对…⏎…)."""
    whole = {i for i in wraps if _TITLE_RE.fullmatch(without_glosses(text[slice(*lines[i])]))}
    for run in _runs(wraps):
        members = range(run[0], run[-1] + 2)
        alone = {i for i in members if _furniture(text[slice(*lines[i])], "head") not in (None, *WORD_REASONS)}
        if alone and not _furniture("".join(text[slice(*lines[i])] for i in members), "head"):
            whole.update(i for i in run if i in alone or i + 1 in alone)
    return whole


def _runs(indexes):
    """The runs of consecutive ``indexes``: ``[[3, 4, 5], [9]]``."""
    runs = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def unwrapped(text, breaks):
    """``(joined, positions)``: ``text`` without the line breaks at ``breaks``,
    and the offset in ``text`` of each character of ``joined``.

    >>> unwrapped("甲乙\\n丙\\n丁", [2])
    ('甲乙丙\\n丁', [0, 1, 3, 4, 5])
    """
    dropped = set(breaks)
    positions = [i for i in range(len(text)) if i not in dropped]
    return "".join(text[i] for i in positions), positions


def rewrapped(spans, positions, breaks):
    """The ``(start, end, reason)`` spans of the joined text as spans of the
    page: each over the wraps inside it and those right before and after it
    (a wrap between a removal and the body goes with the removal).

    >>> rewrapped([(0, 2, "title block")], [0, 1, 3, 4, 5], [2])
    [(0, 3, 'title block')]
    """
    dropped = set(breaks)
    mapped = []
    for a, b, reason in spans:
        start, end = positions[a], positions[b - 1] + 1
        if start - 1 in dropped:
            start -= 1
        if end in dropped:
            end += 1
        mapped.append((start, end, reason))
    return mapped


# A PDF's page number on a line of its own (…研发设计⏎1⏎工具普及率…).
_PAGE_NUMBER_LINE = re.compile(r"\n[ \t\u3000]*(\d{1,3})[ \t\u3000]*(?=\n|$)")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_BRACKET_LINE = re.compile(r"\n[ \t\u3000]*[\]］】]")
_PAGE_STEP = 3   # a page of figures or a blank page leaves a gap: 3⏎…⏎5
_PAGES_MIN = 3
_PAGE_CHARS = 150   # a page is longer: numbers closer than that are a table's


def page_numbers(text):
    r"""``(start, end, "page number")`` of the page numbers of a hard-wrapped
    ``text``: lines holding only a number, at least three of them rising by
    one to three, about a page apart (the middle gap at least ``_PAGE_CHARS``
    characters); each with the line break before it, so that the sentence it
    cut reads on.

    Examples
    --------
    >>> page = "轻工重点企业数字化研发设计工具普及率达到90%，关键工序数控化率达到75%。" * 5
    >>> text = page + "\n1\n" + page + "\n2\n3\n" + page + "\n4\n" + page
    >>> [text[a:b] for a, b, _ in page_numbers(text)]
    ['\n1', '\n2', '\n3', '\n4']
    >>> page_numbers("一、总体要求\n1\n2\n3\n二、重点任务")   # a column of a table
    []
    >>> page_numbers(text.replace("\n1\n", "\n\n1\n\n").replace("\n2\n3\n", "\n\n2\n\n3\n\n"))   # cells
    []
    """
    best = _longest_rising_run([match for match in _PAGE_NUMBER_LINE.finditer(text)
                                if not _framed(text, match)])
    gaps = sorted(b.start() - a.start() for a, b in zip(best, best[1:]))
    if len(best) < _PAGES_MIN or gaps[len(gaps) // 2] < _PAGE_CHARS:
        return []
    return [(match.start(), match.end(), "page number") for match in best]


def _framed(text, match):
    """Whether the number line ``match`` stands between blank lines (a table's
    cell: 序号⏎⏎1⏎⏎GB/T 40647-2021) or brackets (a footnote's mark a wiki
    copy split: 上屆代表會議⏎[⏎1⏎]⏎以來), not a page's number cutting a sentence."""
    previous = text.rfind("\n", 0, match.start())
    before = text[previous + 1:match.start()].strip() if previous >= 0 else None
    return (before == "" and bool(_BLANK_LINE.match(text, match.end()))) \
        or (bool(before) and before[-1] in "[［【" and bool(_BRACKET_LINE.match(text, match.end())))


def _longest_rising_run(candidates):
    r"""The longest run of ``candidates`` (the first of the longest) from one of
    them on, each followed by the first later one whose number is one to
    ``_PAGE_STEP`` higher; linear in their count (a table's column of numbers
    holds thousands of them).

    >>> numbers = list(_PAGE_NUMBER_LINE.finditer("\n5\n1\n9\n2\n4\n3"))
    >>> [match.group(1) for match in _longest_rising_run(numbers)]
    ['1', '2', '4']
    """
    numbers = [int(match.group(1)) for match in candidates]
    following, lengths, nearest = [None] * len(numbers), [0] * len(numbers), {}
    for i in reversed(range(len(numbers))):
        later = [nearest[n] for n in range(numbers[i] + 1, numbers[i] + _PAGE_STEP + 1) if n in nearest]
        following[i] = min(later, default=None)
        lengths[i] = 1 + (lengths[following[i]] if later else 0)
        nearest[numbers[i]] = i
    run, i = [], lengths.index(max(lengths)) if lengths else None
    while i is not None:
        run.append(candidates[i])
        i = following[i]
    return run
