"""Furniture: the shapes of whole pieces that are page furniture (page tools, counters,
template notices, captions), pinyin glosses, and the page numbers of document-sharing
copies."""

import re
from pathlib import Path

from policy_nlp.lang.chars import (BLANK, IDEOGRAPH, INNER_BLANK, NEWLINES, ONE_LINE_BREAK, SENTENCE_ENDS,
                                   before_blanks)
from policy_nlp.lang.captions import is_caption
from policy_nlp.lang.notices import HIDDEN_TEXT
from policy_nlp.lang.words import alternation, words
from policy_nlp.stages.cleaning.dates import MONTH_DAY
from policy_nlp.stages.cleaning.pieces import _BLANK



_SENT_END = re.compile(f"[{SENTENCE_ENDS}；]")
# A pinyin gloss that conversion sites insert after a character: 會(huì)議.
# One syllable with a tone mark, right after an ideograph (組織(who) is not one).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS_RE = re.compile(rf"(?<=[{IDEOGRAPH}])[(（][a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}[)）]")
_SEP = r"[\s|｜/／·•丨,，、:：\[\]【】()（）<>_\-]"




def without_glosses(text):
    """``text`` without the pinyin glosses of conversion sites (what cleaning
    removes), to compare strings written on a glossed page with the body.

    >>> without_glosses("八項(xiàng)規(guī)定")
    '八項規定'
    """
    return _GLOSS_RE.sub("", text)


_TOOL_WORDS = alternation("page_tool_words")
_TOOLS_RE = re.compile(rf"(?:{_SEP}*(?:{_TOOL_WORDS}))+{_SEP}*")
_TOOL_TOKEN = re.compile(_TOOL_WORDS)
_SHARE_WORDS = set(words("share_words"))

_FORUM_WORDS = alternation("forum_words")
_FORUM_RE = re.compile(rf"(?:{_SEP}*(?:{_FORUM_WORDS}))+{_SEP}*")
_POST_WORDS = set(words("forum_post_words"))
_COUNTERS_RE = re.compile(
    r"(?:[^\s|｜:：]{1,8}\s*[:：]\s*[\w.]+\s*[|｜]\s*)+[^\s|｜:：]{1,8}\s*[:：]\s*[\w.]+"
    r"|\d{1,9}|回复|查看|浏览|阅读|人气|评论")
_POST_INFO_RE = re.compile(r"发表于\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}|本帖最后由.{1,40}编辑|#?\d{1,5}\s*[#楼]")
_PROFILE_RE = re.compile(r"积分|在线时间|注册时间|最后登录|阅读权限|用户组|UID|威望|金币|距离下一等级|"
                         r"\d+\s*(?:主题|帖子|精华|听众|收听|粉丝)")
_USERNAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{2,30}")
_FORUM_MISC = [
    (re.compile(r"扫一扫|分享到"), "share widget"),
    (re.compile(r"快速回帖|回帖|发帖|快速回复|批量传图|插入视频|高级模式"), "reply widget"),
    (re.compile(r"立即注册|找回密码|用户名|登录|注册"), "forum navigation"),
]
# The reasons found by a word anywhere in a short line (注册, 分享到, 积分), not by the line's
# shape: a piece of a sentence can hold the word (…旨在指导注册申请人对…).
WORD_REASONS = frozenset(reason for _, reason in _FORUM_MISC) | {"user profile"}
# 当前位置:, 您的位置:, 您现在的位置是:, 您所在的位置:, 您的当前位置:
_NAV_KEY = r"(?:[您你]的?(?:现在的?|当前的?|所在的?)?|当前|所在)位置是?\s*[:：]"
_NAV_RE = re.compile(rf"{_NAV_KEY}|(?:首页|主页|网站首页)\s*[>›»＞]")
_PAGE_TITLE_RE = re.compile(
    r"(?P<title>.{4,100}?)\s+[-–—_|｜]\s+(?P<site>.{2,40})")
# A document-sharing site heads its page with the file's name (在…会上的讲话.docx); the
# head only: a policy document's attachments are files too (附件：1.…申报书.doc).
_FILE_NAME_RE = re.compile(r"(?!附件|\d{1,2}\s*[、.．])[^:：\s][^:：]{1,100}?\s*\.(?:docx?|pdf|pptx?|wps|txt)",
                           re.IGNORECASE)
# what the site name of a page title contains (…的讲话 - 某某论坛, … | 某某县人民政府)
_SITE_RE = re.compile(alternation("site_name_words"))

_FIELD_KEYS = alternation("page_field_keys")
_DATETIME = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_FIELDS_RE = re.compile(
    rf"(?:{_DATETIME}\s*)?(?:[【\[（(]?(?:{_FIELD_KEYS})[】\]]?\s*[:：](?:[^:：]|(?<=\d)[:：](?=\d)){{0,60}}?[）)]?\s*)+"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# A line of the head that advertises the site or gives its address (老金范文,…下载网址:www.laojin123.com,
# 润笔请加微:…; SUCAI198.COM —— 专注党建行政公文写作范文; …会员如需下载请看会员QQ群公告。): a site's, above the title.
# An address alone makes no sentence the site's: a notice's item names where to file or write to
# (…发送至wangqi@mot.gov.cn），逾期不予受理。 central-71; 登录…系统（https：//isd.3incloud.com）填报… central-44)
_SITE_ADDRESS_RE = re.compile(r"www\.|https?://|[A-Za-z0-9-]+\.(?:com|cn|net|org)\b", re.IGNORECASE)
_SITE_AD_WORDS_RE = re.compile(alternation("site_ad_words"), re.IGNORECASE)
# A news report's closing credit on a line of its own: its reporters' names in brackets (（李晓月）, (记者 罗跃),
# (通讯员 孙功健), (陈宝刚 杨扬) |), after a ■ (■段汉玥), or the unit that supplied it ((庆阳市委政法委供稿));
# not a note of the same shape ((掌声), (曲毕), (全文完), (图略), (待续): stage_notes.txt; nor a numeral, (十一)
# of a list cut after its marker): the tail only
_STAGE_NOTE = rf"(?:{alternation('stage_notes')}|[{IDEOGRAPH}]{{1,2}}[完毕略]|[一二三四五六七八九十]{{2,3}})[）)]"
_CREDIT_NAME = rf"(?:(?:本报|特约)?(?:记者|通讯员|实习生)\s*)?(?!{_STAGE_NOTE})[{IDEOGRAPH}]{{2,3}}"
_AUTHOR_CREDIT_RE = re.compile(
    rf"(?:[（(]\s*{_CREDIT_NAME}(?:[\s、，,]+{_CREDIT_NAME}){{0,3}}\s*[)）]|[（(][^（）()]{{2,20}}供稿[)）]"
    rf"|[■□]\s*{_CREDIT_NAME})\s*[|｜]?")
# The value a site's template prints for a field it has no value for (来源:未知).
_UNKNOWN_VALUES = words("unknown_field_values")
# a value may hold one blank (川汇 视窗), not the next field's key (来源:川汇视窗 浏览:2012)
_FIELD_VALUE_RE = re.compile(rf"(?P<key>{_FIELD_KEYS})\s*[:：]\s*"
                             rf"(?P<value>[^\s:：|｜]+(?:\s(?!(?:{_FIELD_KEYS})\s*[:：])[^\s:：|｜]+)?)")
# The publication a page's information line names: a run of characters up to a blank, a bar,
# a colon or a field key glued to it (来源:射阳日报作者:…), then maybe one more run after a
# blank (川汇 视窗) that is no field's key (来源:巫溪报 发布开发区:…: a word before a colon is one)
_PUBLICATION_RUN = rf"(?:(?!(?:{_FIELD_KEYS})\s*[:：])[^\s:：|｜])+"
_PUBLICATION_RE = re.compile(rf"(?:{alternation('source_field_keys')})\s*[:：]\s*"
                             rf"(?P<value>{_PUBLICATION_RUN}(?:\s{_PUBLICATION_RUN}(?=[\s|｜]|$))?)")


def page_publication(line):
    """The publication a page's information line names (来源:巫溪报 → 巫溪报), or None:
    the first source field (``lang/data/source_field_keys.txt``) whose value is no
    template's unknown value (来源:未知, ``unknown_field_values.txt``) and 2-20 characters long.

    >>> page_publication("发布时间:2023-04-07 来源:巫溪报 发布开发区:重庆巫溪工业园区")
    '巫溪报'
    >>> page_publication("发布日期:2021-05-28 08:51 来源:射阳日报作者:记者 王鹏"), page_publication("来源:未知")
    ('射阳日报', None)
    """
    for match in _PUBLICATION_RE.finditer(line):
        value = match["value"]
        if value not in _UNKNOWN_VALUES and 2 <= len(value) <= 20:
            return value
    return None


_DATELINE = (rf"(?:据)?(?:{alternation('dateline_sources')})"
             rf"[{IDEOGRAPH}]{{0,8}}?{MONTH_DAY}月{MONTH_DAY}日(?:电|讯)"
             r"(?:\s*[（(]\s*记者[^（）()]{1,30}[)）])?|本报讯(?:\s*[（(]\s*记者[^（）()]{1,30}[)）])?")
_DATELINE_RE = re.compile(_DATELINE)
_DATELINE_PAREN = rf"[（(]\s*(?P<dateline>{_DATELINE})\s*[)）]"
_DATELINE_PAREN_RE = re.compile(_DATELINE_PAREN)
_CREDIT = (r"《\s*(?P<publication>[^《》\n]{2,20}?)\s*》\s*[（(]\s*(?P<published>\d{4}\s*年\s*\d{1,2}\s*月"
           r"\s*\d{1,2}\s*日)\s*(?:第?\s*\d{1,3}\s*版)?\s*[)）]")
_CREDIT_RE = re.compile(_CREDIT)
_SOURCE_PAREN_RE = re.compile(r"[（(]\s*(?:来源|责任编辑|编辑)\s*[:：][^（）()]{1,30}[)）]")
_EDITOR_NOTE_RE = re.compile(r"※\s*(?:这是|本文|编者|注)[^※]{0,200}")
_LICENCE_START_RE = re.compile(r"本作品|这部作品|此作品|這部作品")
_LICENCE_MARK_RE = re.compile(r"公有领域|公有領域|Public domain")


def _load_template_furniture(path=Path(__file__).resolve().parents[2] / "data" / "template_furniture.tsv"):
    """``[(reason, pattern, inline)]`` of ``data/template_furniture.tsv``: a
    reason written ``inline:REASON`` marks a shape removed inside a line too
    (``{HIDDEN_TEXT}`` in a pattern is :data:`policy_nlp.lang.notices.HIDDEN_TEXT`)."""
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        reason, sep, pattern = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{number}: expected reason<TAB>pattern")
        inline = reason.startswith("inline:")
        try:
            patterns.append((reason.removeprefix("inline:"),
                             re.compile(pattern.replace("{HIDDEN_TEXT}", f"(?:{HIDDEN_TEXT})")), inline))
        except re.error as error:
            raise ValueError(f"{path}:{number}: bad pattern: {error}") from None
    return patterns


_TEMPLATE = _load_template_furniture()

# Document-sharing sites (天天文库, 金锄头文库 …) number the pages of a copied
# document with "N、" on a line of its own after a blank line, even in the
# middle of a sentence.
# (a line break of any kind: \n, \r\n, a lone \r)
_BREAK = f"(?:{ONE_LINE_BREAK.pattern})"
_PAGE_MARK_RE = re.compile(rf"{_BREAK}[ \t\u3000\u00a0]*{_BREAK}[ \t\u3000\u00a0]*(\d{{1,3}})、")
_PAGE_LINE_MIN = 20  # a heading is shorter: its line break is not a page break
_PAGE_MIN = 150  # a page is longer: 1、…⏎⏎2、… items are a list
_PAGE_MAX = 600  # the second page's number is looked for this far: a page is about 300 characters


def _cuts_sentence(text, mark):
    """Whether the line before a page mark starting at ``mark`` (its line
    break) is long and ends without a sentence end or a colon."""
    line = text[max(text.rfind(c, 0, mark) for c in NEWLINES) + 1:mark].strip(_BLANK)
    return len(line) >= _PAGE_LINE_MIN and not _SENT_END.search(line[-1]) and line[-1] not in "：:"


def _page_marks(text):
    r"""``(start, end, "page number")`` of the page numbers a document-sharing
    site put into ``text``: the run of ``⏎⏎1、``, ``⏎⏎2、`` … in order, when one
    of them cuts a sentence (it ends a page of at least ``_PAGE_MIN``
    characters, and the line before it is long and ends without a sentence
    end or a colon). A mark that cuts a sentence goes with its line break;
    another keeps it (the page break fell between paragraphs).

    >>> text = ("资源描述\n\n1、在全县会议上的讲话\n同志们：" + "今年以来，全县上下狠抓落实。" * 10
    ...         + "\n我们要以发展特色产业为抓手，紧紧围绕“农民增收\n\n2、、企业增税”的目标，狠抓落实。")
    >>> [text[a:b] for a, b, _ in _page_marks(text)]
    ['1、', '\n\n2、']
    >>> _page_marks("说明:\n\n1、部分资料下载需要金币,请确保您的账户上有足够的金币\n\n2、已购买过的文档")  # a list
    []
    """
    run = []
    for match in _PAGE_MARK_RE.finditer(text):
        if int(match.group(1)) == len(run) + 1:
            run.append(match)
    spans, cuts = [], False
    for before, match in zip([None] + run, run):
        cut = before is not None and match.start() - before.end() >= _PAGE_MIN and _cuts_sentence(text, match.start())
        cuts = cuts or cut
        spans.append((match.start() if cut else match.start(1), match.end(), "page number"))
    return spans if cuts else []


_FIRST_PAGE_RE = re.compile(rf"[ \t\u3000\u00a0{NEWLINES}]*(1、)")
_NEXT_PAGE_RE = re.compile(rf"{_BREAK}[ \t\u3000\u00a0]*{_BREAK}?[ \t\u3000\u00a0]*2、")


def _first_page_mark(text, spans, wrapped=False):
    r"""``(start, end, "page number")`` of the first page's number: the ``1、``
    a document-sharing site prints at the start of the first page, on the
    line right after its header (a line removed as ``"template notice"``:
    ……请在装配图网上搜索。⏎1、县长在…会上的主持讲话同志们:) or at the start
    of a text cut below that header, when no line opens with ``2、`` within
    ``_PAGE_MIN`` characters (then it is a list's first item). At the start
    of a text, with no header, the second page's number must be seen too: a
    line opening with ``2、`` within ``_PAGE_MAX`` characters, right after a
    line cut in the middle of a sentence (……一张蓝图绘⏎2、到底); a 1、 with
    no such line after it is a list's first item (1、加强组织领导。……2、强化督查).
    The later pages' numbers follow it (:func:`_later_page_marks`; ``wrapped``: a
    hard-wrapped page with its wraps joined).

    >>> text = "《讲话》由会员分享,可在线阅读。\n1、县长在全县会议上的讲话同志们:" + "今年以来，全县上下狠抓落实。" * 12
    >>> [text[a:b] for a, b, _ in _first_page_mark(text, [(0, 17, "template notice")])]
    ['1、']
    >>> _first_page_mark("1、加强领导。\n2、强化措施。", [])
    []
    >>> _first_page_mark("1、加强组织领导。" + "各乡镇要把禁烧工作摆上重要议事日程，层层落实责任。" * 8 + "2、强化督查。", [])
    []
    """
    for _, b, _ in [(0, 0, "")] + [s for s in spans if s[2] == "template notice"]:
        match = _FIRST_PAGE_RE.match(text, b)
        line_start = before_blanks(text, b)   # an indented line
        if not match or not (line_start == 0 or text[line_start - 1] in NEWLINES
                                      or any(c in match.group() for c in NEWLINES)):
            continue
        if _NEXT_PAGE_RE.search(text, match.end(1), match.end(1) + _PAGE_MIN) is not None:
            continue
        if b == 0:
            second = _NEXT_PAGE_RE.search(text, match.end(1), match.end(1) + _PAGE_MAX)
            if second is None or not _cuts_sentence(text, second.start()):
                continue
        return [(match.start(1), match.end(1), "page number")] + _later_page_marks(text, match.end(1), wrapped)
    return []


# the later pages' numbers of a copy whose first page's 1、 was found: on a line of their own or
# opening a line, the break before them single as often as not (……坚持一张蓝图绘⏎2、到底, dev-0006)
_LATER_PAGE_RE = re.compile(rf"{_BREAK}[ \t\u3000\u00a0]*{_BREAK}?[ \t\u3000\u00a0]*(\d{{1,3}})、")
# a list's own first item inside a line (主要抓好三项工作:1、加强组织领导…), not 第1、2批 nor 2021、
_INLINE_ONE_RE = re.compile(r"(?<![\d.第])1、(?!\d)")


def _later_page_marks(text, start, wrapped=False):
    r"""``(start, end, "page number")`` of the page numbers after the first
    page's ``1、`` (ending at ``start``) of a document-sharing copy: the
    ``⏎2、``, ``⏎3、`` … in order, each a page's length after the one before
    (``_PAGE_MIN`` to ``_PAGE_MAX`` characters), after one line break or a
    blank line; one that cuts a sentence goes with its line break
    (……市委、市政府表⏎2、彰先进的决定, dev-0141), another keeps it, as does
    any on a hard-wrapped page (``wrapped``): its physical lines are read
    through later, by their width, which a line joined across the break would
    exceed. A ``1、`` after the first page opens a list of the text's own and
    ends the run, at a line's start or inside a line (……三项工作:1、加强组织领导。…⏎2、…).

    >>> page = "今年以来，全县上下狠抓落实，各项工作取得了新的进展和成效。" * 6
    >>> text = "1、" + page + "坚持一张蓝图绘\n2、到底。" + page + "发展要安全\n3、”重要指示精神。"
    >>> [text[a:b] for a, b, _ in _later_page_marks(text, 2)]
    ['\n2、', '\n3、']
    >>> _later_page_marks("1、" + page + "\n1、加强领导。" + page + "持续\n2、强化督查。", 2)
    []
    """
    spans, last = [], start
    for match in _LATER_PAGE_RE.finditer(text, start):
        number = int(match.group(1))
        if number == 1 or match.start() - last > _PAGE_MAX or _INLINE_ONE_RE.search(text, last, match.start()):
            break
        if number != len(spans) + 2 or match.start() - last < _PAGE_MIN:
            continue
        cut = not wrapped and _cuts_sentence(text, match.start())
        spans.append((match.start() if cut else match.start(1), match.end(), "page number"))
        last = match.end()
    return spans

# Template shapes glued inside a line, removed wherever they stand (the
# ``inline:`` lines of data/template_furniture.tsv).
_INLINE = [(pattern, reason) for reason, pattern, inline in _TEMPLATE if inline]


def _template(s):
    """The reason ``s`` (a whole piece, without glosses) is template-site furniture or a page number, or None."""
    if len(s) <= 400:
        for reason, pattern, _ in _TEMPLATE:
            if pattern.fullmatch(s):
                return reason
    return None


def _tools_reason(s, strict):
    """"page tools"/"share widget" when ``s`` is made only of page-tool words."""
    if len(s) > 80 or not _TOOLS_RE.fullmatch(s):
        return None
    words = _TOOL_TOKEN.findall(s)
    long_words = [w for w in words if len(w) > 1]
    if not long_words:
        return None
    if strict and len(long_words) < 2 and not re.fullmatch(r"[【\[]\s*\S+\s*[】\]]", s):
        return None
    return "share widget" if set(long_words) <= _SHARE_WORDS else "page tools"


def _furniture(s, zone):
    """The reason ``s`` (a whole piece) is page furniture, or None.

    ``zone`` is ``"head"``, ``"tail"`` or ``"body"``; the body gets only the
    strict shapes. Pinyin glosses and blanks between ideographs are read
    through (當(dāng)前位置 and 发布 时间 are 當前位置 and 发布时间).
    """
    # every piece of every page passes here: search only where a gloss or blank can be
    if "(" in s or "（" in s:
        s = without_glosses(s)
    if any(blank in s for blank in BLANK):
        s = INNER_BLANK.sub("", s)
    if is_caption(s):
        return "photo caption"
    reason = _template(s)
    if reason:
        return reason
    if len(s) <= 120 and _POST_INFO_RE.match(s) and not _SENT_END.search(s):
        return "post info"
    reason = _tools_reason(s, strict=(zone == "body"))
    if reason:
        return reason
    if zone == "body":
        return None
    if len(s) > 150:
        return None
    if _LICENCE_START_RE.match(s) and _LICENCE_MARK_RE.search(s):
        return "licence footer"
    if _DATELINE_RE.fullmatch(s) or _DATELINE_PAREN_RE.fullmatch(s):
        return "dateline"
    if _CREDIT_RE.fullmatch(s) or _SOURCE_PAREN_RE.fullmatch(s) or zone == "tail" and _AUTHOR_CREDIT_RE.fullmatch(s):
        return "source credit"
    if _EDITOR_NOTE_RE.fullmatch(s):
        return "editor note"
    if zone == "head" and len(s) <= 100 and (_SITE_AD_WORDS_RE.search(s)
                                             or _SITE_ADDRESS_RE.search(s) and not _SENT_END.search(s)):
        # with a date, the site's address opens the page's information line (http://www.… 2013-05-08 16:31:58 来源:…)
        return "page info" if re.search(_DATETIME, s) else "template notice"
    if _SENT_END.search(s):
        return None
    if _COUNTERS_RE.fullmatch(s):
        return "forum counters"
    if len(s) <= 60 and _FORUM_RE.fullmatch(s):
        words = set(re.findall(_FORUM_WORDS, s))
        return "post info" if words <= _POST_WORDS else "reply widget"
    if _NAV_RE.match(s) or (len(s) <= 80 and len(re.findall(r"[>›»＞]", s)) >= 2):
        return "navigation"
    if _FIELDS_RE.fullmatch(s):
        return "page info"
    if len(s) <= 40:
        for pattern, reason in _FORUM_MISC:
            if pattern.search(s):
                return reason
    if len(s) <= 60 and _PROFILE_RE.search(s):
        return "user profile"
    if zone == "head":
        match = _PAGE_TITLE_RE.fullmatch(s)
        if match and _SITE_RE.search(match["site"]):
            return "page title"
        if _FILE_NAME_RE.fullmatch(s):
            return "page title"
    return None
