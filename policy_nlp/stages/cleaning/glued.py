"""What pages that lost their line breaks glue together: a page header glued to the title and
the salutation (学习啦>实用范文>致辞讲话>区长在…的讲话时间:2018-06-10 同志们:…), a title glued
to the body's first words (…工作会议上的讲话一是国家…), a page footer glued to the body's last
words (…参加会议。编辑:靳丽楠审核:侯雯): the furniture shapes read at a position inside a line,
and where the body starts or ends after or before them."""

import re
from bisect import bisect_left, bisect_right, insort

from policy_nlp.lang.chars import CLAUSE_ENDS, IDEOGRAPH, IDEOGRAPH_RE, INNER_BLANK, SENTENCE_END_RE, SENTENCE_ENDS, STOPS
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.lang.words import alternation, words

from policy_nlp.stages.cleaning.pieces import _BLANK, _skip_blank
from policy_nlp.stages.cleaning.furniture import (_DATETIME, _FIELD_KEYS, _GLOSS_RE, _INLINE, _NAV_KEY, _TEMPLATE,
                                                  _UNKNOWN_VALUES,
                                                  _tools_reason, _TOOLS_RE, without_glosses)
from policy_nlp.lang.masks import MASK
from policy_nlp.stages.cleaning.title import _DOC_TYPES, _NAME, _POSITION_RE, _opens_with_salutation

# How far into a piece a glued salutation is looked for: a header is shorter.
_GLUED_HEAD_MAX = 400
# What a salutation is read in (from where it would open), and the marks one of them ends with:
# the colon of 同志们：, or the ！/， of a short one (title._SALUTATION_HEAD_RE, _SHORT_SALUTATION_RE).
_SALUTATION_REACH = 320
_SALUTATION_MARK = re.compile("[：:！!，,]")
# A clause or sentence end: the text before it is prose, not a header.
_CLAUSE_END = re.compile(f"[{CLAUSE_ENDS}，,]")
# How a title glued to the salutation ends: its genre (…的讲话, …致辞范文), a
# date or part in brackets, a part number (篇1); not 讲话稿件 (it ran on).
_TITLE_END_RE = re.compile(rf"(?:(?:{_DOC_TYPES})(?:范文稿|范文|范本)?|[)）】〗」`'\"”])\s*"
                           rf"(?:篇[{ITEM_NUMERALS}\d]{{1,3}}[:：]?)?\s*$")

# A breadcrumb and its separator (首页 > , 77范文网 >>): the last crumb, glued
# to the title, has no separator to end it and stays unless it is 正文.
_CRUMB = r"[^\s>›»＞。，,：:|｜]{1,15}?\s*[>›»＞]+\s*"
_NAVIGATION_RE = re.compile(rf"{_NAV_KEY}\s*(?:{_CRUMB})*(?:正文)?|(?:{_CRUMB}){{2,}}(?:正文)?")
# A field of the page-info line with a value that ends by its shape (the
# template's unknown 未知, a date, a count), at a blank or after a site's name
# (来源:桃源县政府网); an empty value (浏览: 作者:) when none is seen.
_FIELD_RE = re.compile(
    rf"[【\[（(]?(?:{_FIELD_KEYS})[】\]]?\s*[:：]\s*"
    rf"(?P<value>{'|'.join(v for v in _UNKNOWN_VALUES if len(v) > 1)}"   # not 无: 无锡
    rf"|(?:{_DATETIME}|\d+\s*次?)(?![\d.年月日号])|[^\s:：|｜\[\]【】<>]{{1,20}}?(?=[\s|｜]|$)"
    rf"|[^\s:：|｜\[\]【】<>]{{1,12}}?(?:网|日报|电视台|融媒体中心))?[】\]）)]?")
_SHAPED_VALUE_RE = re.compile(rf"{_DATETIME}|\d+\s*次?")
# A site's column name right before the breadcrumbs' key, as a piece of its own
# before a navigation line is (headtail._head_without_salutation): 12 characters at most.
_COLUMN_NAME_RE = re.compile(rf"[^\s。，,：:>›»＞|｜]{{1,12}}?(?={_NAV_KEY})")
_ISO_DATETIME_RE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# Template shapes without a wildcard (购物车, 我的足迹, 侵权投诉, VIP专免): a
# wildcard would run on into the title.
_EXACT_TEMPLATE = [(pattern, reason) for reason, pattern, _ in _TEMPLATE
                   if not re.search(r"(?<!\\)\.", pattern.pattern)]


def _furniture_at(text, q, end, sure=False):
    """``(end, reason)`` of the furniture shape starting at ``text[q]``
    (ending by ``end``), or None. ``sure``: only a shape whose end is
    certain (not a field with an empty value glued to text)."""
    match = _NAVIGATION_RE.match(text, q, end)
    if match and match.end() > q:
        return match.end(), "navigation"
    match = _FIELD_RE.match(text, q, end) or _ISO_DATETIME_RE.match(text, q, end)
    if match and not (sure and match.re is _FIELD_RE and not match["value"]
                      and match.end() < end and text[match.end()] not in _BLANK):
        return match.end(), "page info"
    match = _TOOLS_RE.match(text, q, end)
    reason = match and _tools_reason(match.group().strip(_BLANK), strict=True)
    if reason:
        return match.end(), reason
    for pattern, reason in _EXACT_TEMPLATE:
        match = pattern.match(text, q, end)
        if match and match.end() > q:
            return match.end(), reason
    return None


def peel_header(text, a, b, items):
    """Peel the furniture glued to the start of piece ``text[a:b]``
    (breadcrumbs, page-info fields, page tools, template words), each an
    item ``(start, end, reason)`` in ``items``; return where the rest starts."""
    p = a
    while p < b:
        found = _furniture_at(text, p, b, sure=True) or (p == a and _column_name_at(text, p, b))
        if not found:
            break
        items.append((p, found[0], found[1]))
        p = _skip_blank(text, found[0], b)
    return p


def glued_furniture(text, a, b):
    """The reason of the furniture shape that piece ``text[a:b]`` opens with
    when its end is certain (您现在的位置:首页>… glued to a title), or None."""
    found = _furniture_at(text, a, b, sure=True)
    return found[1] if found else None


def _column_name_at(text, p, b):
    """``(end, "navigation")`` of the site's column name glued before its
    breadcrumbs at the top of a page (政策法规您现在的位置:首页 > …), or None."""
    match = _COLUMN_NAME_RE.match(text, p, b)
    return (match.end(), "navigation") if match else None


def glued_salutation(text, a, b, furnished=False):
    """Where a salutation starts in piece ``text[a:b]`` after a header glued
    to it (title, page furniture), or None: within ``_GLUED_HEAD_MAX``
    characters, with no clause end before it (a template notice glued there
    aside: 下面是小编…供大家参考。), with furniture in the header or right
    after a title's end; ``furnished``: furniture or a title was read right
    before ``a`` (…的讲话2026-03-18 10.00元 免费试读Shape2同志们:, …的讲话(2021
    年2月2日)项 雪 龙同志们:), so the header is the head's however it reads
    when a salutation word opens the salutation (not …校区的毕业生们: a word's end)."""
    end = min(b, a + _GLUED_HEAD_MAX)
    if not _SALUTATION_MARK.search(text, a, end + _SALUTATION_REACH):
        return None   # no salutation can open before ``end`` (a page printing its title a thousand times)
    notices = {m.start(): m.end() for pattern, _ in _INLINE for m in pattern.finditer(text, a, end)}
    q = a
    while q < end:
        if q in notices:
            q = notices[q]
            continue
        if _CLAUSE_END.match(text, q):
            return None
        if text[q] not in _BLANK and _opens_with_salutation(text[q:q + _SALUTATION_REACH]):
            if q == a:   # the body opens right there (not at 同志们 of 各位乡亲、同志们)
                if furnished:
                    return None
                q += 1
                continue
            items = header_items(text, a, q)
            if furnished and _opens_with_salutation(text[q:q + 320], words_only=True) \
                    or any(reason != "title block" for _, _, reason in items) \
                    or _TITLE_END_RE.search(without_glosses(text[items[-1][0]:q])):
                return q
        q += 1
    return None


# A speaker's byline glued to the salutation, as pages that lost their line
# breaks print the title block (…的讲话陕西省铜川市印台区委常委、副区长王九鸣同志们:,
# …的讲话县委副书记、县政府县长XX同志们:): a position, a name or a mask.
_BYLINE_RE = re.compile(rf"(?P<position>{_POSITION_RE.pattern})[ \t\u3000\u00a0]*(?P<speaker>{_NAME}|(?:{MASK})+)")
_BYLINE_MAX = 50
_DOC_TYPE_RE = re.compile(_DOC_TYPES)


def glued_byline(text, a, b):
    """``(end, groups)`` of a byline that runs from ``text[a]`` into a
    salutation within piece ``text[a:b]`` (read through pinyin glosses and
    blanks between ideographs), or None.

    >>> end, groups = glued_byline("县委副书记、县政府县长XX同志们:昨天中午,我召集有关部门开会。", 0, 30)
    >>> end, groups["position"], groups["speaker"]
    (13, '县委副书记、县政府县长', 'XX')
    >>> glued_byline("县长在会上指出同志们要抓落实。", 0, 15) is None
    True
    """
    head, offsets = _read_through(text, a, min(b, a + 3 * _BYLINE_MAX))
    for end in range(3, min(len(head), _BYLINE_MAX)):
        if _opens_with_salutation(head[end:end + 320]):
            match = _BYLINE_RE.fullmatch(head, 0, end)
            # (a title before it is read first: …会议上的讲话 is no position)
            if match and not _DOC_TYPE_RE.search(match["position"]):
                return _after_title(text, offsets, end, b), match.groupdict()
    return None


def header_items(text, a, s):
    """``[(start, end, reason)]`` of the header ``text[a:s]``: its furniture
    shapes and glued template notices, and the runs between them (title block)."""
    notices = {m.start(): (m.end(), reason) for pattern, reason in _INLINE for m in pattern.finditer(text, a, s)}
    items, q, title_at = [], a, None
    while q < s:
        found = notices.get(q) or _furniture_at(text, q, s)
        if not found:
            title_at = q if title_at is None else title_at
            q += 1
            continue
        if title_at is not None:
            items.append((title_at, q, "title block"))
            title_at = None
        items.append((q, min(found[0], s), found[1]))
        q = _skip_blank(text, found[0], s)
    if title_at is not None:
        items.append((title_at, s, "title block"))
    return items


# A character inside a title: no stop (，：；。) or line break.
_IN_TITLE = f"[^{STOPS}\n]"
# The name of a speech: its genre word follows the name of a meeting or
# occasion (会议上的, 仪式上, …时的): …总书记的重要讲话 is a mention.
SPEECH_NAME = (rf"{_IN_TITLE}{{2,60}}?(?:(?:会议?|培训班|开班式|仪式|典礼|论坛)上?|时)的?"
               r"(?:讲话稿|讲话|致辞|发言稿|发言|主持词)")
# A speech's title glued to the body's first words, as pages that lost their
# line breaks print it (县委书记在全县农村工作会议上的讲话一是国家…): the name
# of a speech, a template site's suffix (范本, 三则, (精品)), and no punctuation or
# word that goes on with a sentence (…会议上的讲话中指出, …的讲话精神).
_SPEECH_TITLE_RE = re.compile(rf"{SPEECH_NAME}(?:范文稿|范文|范本)?(?:[{ITEM_NUMERALS}\d]{{1,3}}[篇则])?"
                              rf"(?:[（(][^（）()。，,]{{1,12}}[)）])?")
# Or any title with its genre word right before the first item of the outline
# (2018抓基层党建工作述职报告一、履职情况和工作亮点…) or the document's number
# (…的实施意见的通知苏府[2015]139号): a sentence does not go on so.
_DOC_NUMBER = rf"[{IDEOGRAPH}]{{1,6}}[〔\[［]\d{{4}}[〕\]］]\d{{1,4}}号(?!文)"   # not …号文印发: a citation
_PAIRS = ("（）", "()", "《》", "“”", "【】", "〔〕", "[]")
# (the last genre word before it: …实施意见的通知苏府[2015]139号 is one title)
_TITLE_BEFORE_OUTLINE_RE = re.compile(rf"{_IN_TITLE}{{2,60}}(?:{_DOC_TYPES})(?=一、|[（(]一[)）]|{_DOC_NUMBER})")
# A title printed twice, as a page's title and its heading (乡镇政府换届工作报告乡镇政府换届工作报告):
# both are head, whatever follows.
_REPEATED_TITLE_RE = re.compile(rf"(?P<title>{_IN_TITLE}{{4,60}}?(?:{_DOC_TYPES}))[ \u3000]*(?P=title)")
_CLAUSE_MAX = 80   # a clause of a speech is shorter
_READ_THROUGH_RE = re.compile(f"{_GLOSS_RE.pattern}|{INNER_BLANK.pattern}|\n")
_BODY_OPENING_RE = re.compile(rf"[{IDEOGRAPH}\dXx×*＊…—“]")
_SENTENCE_GOES_ON = re.compile(rf"[、{STOPS})）」”》]|{alternation('after_speech_names')}")


def glued_speech_title(text, a, b):
    """Where the body starts after a speech's title glued to the start of
    piece ``text[a:b]`` with no salutation, blank or date between them (read
    through pinyin glosses, blanks between ideographs and line breaks), or
    None.

    >>> text = "区长在全区优化营商环境工作推进会上的讲话今天我们召开全区优化营商环境工作推进会。"
    >>> text[:glued_speech_title(text, 0, len(text))]
    '区长在全区优化营商环境工作推进会上的讲话'
    >>> glued_speech_title("县委书记在全县经济工作会议上的讲话精神,要认真学习。", 0, 25) is None
    True
    >>> glued_speech_title("2018抓基层党建工作述职报告一、履职情况和工作亮点1.落实党建责任,认真履职尽责。", 0, 40)
    15
    """
    # read on past the piece: a hard-wrapped page goes on on the next lines (…的讲话精⏎神)
    head, offsets = _read_through(text, a, min(len(text), a + _GLUED_HEAD_MAX))
    repeated = _REPEATED_TITLE_RE.match(head)
    if repeated and offsets[repeated.end() - 1] < b:
        return _after_title(text, offsets, repeated.end(), b)   # what follows may be furniture
    match = _SPEECH_TITLE_RE.match(head)
    if match and _SENTENCE_GOES_ON.match(head, match.end()):
        match = None
    match = match or _TITLE_BEFORE_OUTLINE_RE.match(head)
    if not match or match.end() == len(head) or offsets[match.end() - 1] >= b or not _closed(match.group()):
        return None
    end = _after_title(text, offsets, match.end(), b)
    # the body opens with a word in this piece (not .docx: a file name) and
    # reaches a clause end soon
    start = _skip_blank(text, end, b)
    if start < b and _BODY_OPENING_RE.match(text, start) \
            and _CLAUSE_END.search(head, match.end(), match.end() + _CLAUSE_MAX):
        return end
    return None


def _after_title(text, offsets, i, b):
    """The offset in ``text`` after a title ending at ``i`` in the read-through
    copy (with offsets ``offsets``): after the gloss of its last character."""
    end = offsets[i - 1] + 1
    gloss = _GLOSS_RE.match(text, end, b)
    return gloss.end() if gloss else end


def _closed(title):
    """Whether ``title`` closes every bracket and quote it opens (…发展规划》（交规划
    is a sentence cut inside its parenthesis)."""
    return all(title.count(left) == title.count(right) for left, right in _PAIRS)


def _read_through(text, a, b):
    """``(s, offsets)``: ``text[a:b]`` without its pinyin glosses, blanks
    between ideographs and line breaks, and the offset in ``text`` of each
    character of ``s``."""
    kept, offsets, p = [], [], a
    for match in _READ_THROUGH_RE.finditer(text, a, b):
        kept.append(text[p:match.start()])
        offsets.extend(range(p, match.start()))
        p = match.end()
    kept.append(text[p:b])
    offsets.extend(range(p, b))
    return "".join(kept), offsets


# How far before the end of the last piece a glued footer is looked for: a footer is shorter.
_GLUED_TAIL_MAX = 250
# What stands between the shapes of a footer glued together (请先登录 > 相关推荐, 打印 | 关闭).
_FOOTER_SEP = _BLANK + ">›»＞|｜/／·•丨_-"
# A field's key, read through blanks between its characters (编 审:, as justified text leaves them).
_SPACED_KEYS = "|".join("[ \u3000]?".join(key) for key in words("page_field_keys"))
_FIELD_KEY_RE = re.compile(rf"[【\[（(]?(?:{_SPACED_KEYS})[】\]]?\s*[:：]")
# A field's value glued to the next shape (编辑:靳丽楠审核:侯雯): a name, a
# date, a count; no clause end, no colon.
_GLUED_VALUE_RE = re.compile(rf"[^{STOPS}、\[\]【】<>|｜]{{0,20}}")
# A template shape that opens with a wildcard (.{0,80}?版权所有…) says where it
# starts only at the words after the wildcard: they are looked for.
_LEADING_WILDCARD_RE = re.compile(r"\.\{\d*,\d+\}\??")


def _alternatives(pattern):
    """The top-level alternatives of the regular expression ``pattern``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


def _start_pattern(pattern):
    """``pattern`` without the wildcard that opens any of its alternatives.

    >>> _start_pattern(r"试读结束.{0,40}|.{0,20}全部预览完了.{0,30}")
    '试读结束.{0,40}|全部预览完了.{0,30}'
    """
    return "|".join(_LEADING_WILDCARD_RE.sub("", alternative, count=1) if _LEADING_WILDCARD_RE.match(alternative)
                    else alternative for alternative in _alternatives(pattern))


# Where each shape may start (one pass over the end of a piece, not a call at
# each position); page tools at a word of two characters or more (打印 关闭,
# not 大: a footer's tools hold two such words). The template shapes come
# last, in the order of _TEMPLATE: a template is tried only where its own
# start is, so that a window dense with starts (来源：来源：…, 打印 关闭 打印 关闭 …)
# costs its starts times their ends, not times every template.
_FOOTER_STARTS = [re.compile(f"(?=(?:{pattern}))") for pattern in (
    _FIELD_KEY_RE.pattern, _ISO_DATETIME_RE.pattern, "|".join(w for w in words("page_tool_words") if len(w) > 1),
    *(_start_pattern(p.pattern) for _, p, _ in _TEMPLATE))]
_TEMPLATE_STARTS = len(_FOOTER_STARTS) - len(_TEMPLATE)
# The longest value a field glued to the next shape has (_GLUED_VALUE_RE).
_GLUED_VALUE_MAX = 20


def glued_footer(text, a, b):
    """``[(start, end, reason)]`` of the page footer glued to the end of piece
    ``text[a:b]``, as pages that lost their line breaks print it (…越级上访、
    重复浏览次数:更新时间:2014-05-14 15:38上一篇:…, …参加会议。编辑:靳丽楠审核:
    侯雯): from the earliest position within ``_GLUED_TAIL_MAX`` characters
    of the end from which the rest reads as furniture shapes only, each
    starting where its shape says (a shape that reads as well one character
    later, 版权所有 after any words, does not say where it starts); empty
    when there is none. The piece keeps at least its first character.

    >>> text = "今年以来狠抓落实。编辑:靳丽楠审核:侯雯"
    >>> [(text[x:y], reason) for x, y, reason in glued_footer(text, 0, len(text))]
    [('编辑:靳丽楠', 'page info'), ('审核:侯雯', 'page info')]
    >>> glued_footer("要把好稿件的编辑:一是", 0, 10)   # one field with free text is no footer
    []
    """
    links, ends = {b: None}, [_before_separators(text, a, b)]   # start: (shape, where the rest starts)
    for q, templates in _footer_starts(text, max(a + 1, b - _GLUED_TAIL_MAX + 1), b):
        for end, reason in _footer_shapes(text, q, b, ends, templates):
            following = _after_separators(text, end, b)
            if following in links:
                links[q] = ((q, end, reason), following)
                insort(ends, _before_separators(text, a, q))
                break
    footer, link = [], links[min(links)]
    while link:
        footer.append(link[0])
        link = links[link[1]]
    if len(footer) == 1 and (_free_field(text, *footer[0][:2]) or _key_in_a_word(text, a, footer[0][0])):
        return []   # 来源:税收收入 may end a sentence cut short; 报送时间:2024年3月15日 is the body's
    return footer


def _key_in_a_word(text, a, x):
    """Whether the page-info field at ``text[x]`` has its key glued after an
    ideograph of the piece starting at ``a``: the end of a longer name (报送时间,
    会议时间), a field of the body."""
    return x > a and bool(_FIELD_KEY_RE.match(text, x)) and bool(IDEOGRAPH_RE.match(text, x - 1))


def _free_field(text, x, y):
    """Whether ``text[x:y]`` is a page-info field whose value is free text
    (a name, a place; or none), not a date or a count."""
    key = _FIELD_KEY_RE.match(text, x, y)
    return bool(key) and not _SHAPED_VALUE_RE.fullmatch(text[key.end():y].strip(_BLANK))


def _footer_starts(text, a, b):
    """``[(q, templates)]``: the positions in ``text[a:b]`` where a furniture
    shape may start, last first, each with the indices in ``_TEMPLATE`` of the
    template shapes whose start is there."""
    starts = {}
    for i, start in enumerate(_FOOTER_STARTS):
        for match in start.finditer(text, a, b):
            starts.setdefault(match.start(), []).extend([i - _TEMPLATE_STARTS] if i >= _TEMPLATE_STARTS else [])
    return sorted(((q, templates) for q, templates in starts.items() if text[q] not in _FOOTER_SEP), reverse=True)


def _footer_shapes(text, q, b, ends, templates):
    """``(end, reason)`` of the furniture shapes that start at ``text[q]`` and
    end at one of ``ends`` (ascending: where the rest of a footer starts),
    or run on by their own shape; of the template shapes, those numbered
    ``templates``."""
    found = _furniture_at(text, q, b, sure=True)
    if found:
        yield found
    ends = ends[bisect_right(ends, q):]
    key = _FIELD_KEY_RE.match(text, q, b)
    if key:
        for end in ends[bisect_left(ends, key.end()):bisect_right(ends, key.end() + _GLUED_VALUE_MAX)]:
            if _GLUED_VALUE_RE.fullmatch(text, key.end(), end):
                yield end, "page info"
    for i in templates:
        reason, pattern, _ = _TEMPLATE[i]
        for end in ends:
            if pattern.fullmatch(text, q, end) and not pattern.fullmatch(text, q + 1, end) \
                    and not _holds_a_sentence_after(text, q, end):
                yield end, reason


def _holds_a_sentence_after(text, q, end):
    """Whether ``text[q:end]`` ends a sentence after one of its own: a shape's
    wildcard would run over the body's last sentence (…此处隐藏4810个字。四要强化
    激励奖惩。), where a footer's notice is cut short (…仅代表作者本人。本站仅提供…)."""
    inner = SENTENCE_END_RE.search(text, q, end - 1)
    return inner is not None and text[end - 1] in SENTENCE_ENDS


def _before_separators(text, a, i):
    """The position before the footer separators that precede ``i`` (not before ``a``)."""
    while i > a and text[i - 1] in _FOOTER_SEP:
        i -= 1
    return i


def _after_separators(text, i, b):
    """The first position from ``i`` (before ``b``) that is no footer separator."""
    while i < b and text[i] in _FOOTER_SEP:
        i += 1
    return i
