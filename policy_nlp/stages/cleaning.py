"""Cleaning stage: find the body of web-scraped policy text and its metadata.

:func:`clean_text` removes page furniture (forum navigation, counters, user
profiles, share and reply widgets, 下载/打印/全屏/【字号】 page tools, 来源/时间
lines, photo captions, news datelines and newspaper credits, the Wikisource
licence footer) and the title block before the body, and reads the
metadata of the speech or report: title, speaker, position, date (ISO),
occasion, venue, salutation.

Nothing is silently lost: every character of the input is either in
``CleanedText.text`` or in exactly one ``CleanedText.removed`` record, whose
``start``/``end`` are offsets into the input, and
:meth:`CleanedText.restore` gives the input back.

Decisions
---------
* The body keeps the salutation (同志们：, 各位代表：, 尊敬的…：) and everything
  after it. The title block before the body (title, subtitle ——…在…会议上,
  date line, position and speaker) is removed with reason ``"title block"``
  and parsed into ``meta``.
* Furniture is recognised by the shape of a whole line (a paragraph of the
  text: lines, and runs of two or more U+3000 as in the web copies of
  speeches), and by a few shapes glued to the start or end of the text
  (``新华社北京1月19日电``, ``（新华社北京3月26日电）《 人民日报 》（…02 版）``,
  ``在…上的讲话（2018年2月12日）习近平``).
* Most rules apply only to the *head* (before the body) and the *tail*
  (after it). Inside the body only shapes that are never policy text are
  removed: photo captions (图为…, …记者 XX 摄), whole lines of page-tool words
  and forum post headers (发表于 2019-01-29 15:57). A false removal of policy
  text is worse than a leftover widget, so unknown lines stay, except short
  ones sandwiched between two pieces of furniture in the head or tail.
* A text with no furniture comes back unchanged, with ``removed == []``.
* Datelines (新华社北京1月19日电) are removed (reason ``"dateline"``) and kept
  in ``meta["dateline"]``; newspaper credits in ``meta["publication"]`` and
  ``meta["published"]``. ``meta`` never has a ``"source"`` key (the readers'
  meta uses it for the input's path).
* Line-break artefacts inside the body (Wikisource's ``《\\n告台湾同胞书\\n》``)
  are not touched, except the page numbers that document-sharing sites put
  at each page break of a copied document (……围绕“农民增收⏎⏎2、、企业增税”):
  a ``⏎⏎N、`` run numbered 1, 2, 3 … in order, one of them in the middle
  of a sentence, is removed with its line break (reason ``"page number"``),
  so that the sentence is whole again. The first page's ``1、`` on the line
  right after the site's header (……请在装配图网上搜索。⏎1、县长在…的主持讲话),
  or opening a text cut below it, is removed too when no line opens with
  ``2、`` within a page's length.

Examples
--------
>>> page = ("下载 打印 全屏 收藏 【字号 大 中 小】\\n来源：某某日报  时间：2026-01-28\\n"
...         "政府工作报告\\n——二〇二六年一月二十七日在某某省第十四届人民代表大会第五次会议上\\n"
...         "某某省省长　王某某\\n各位代表：\\n现在，我代表省人民政府作报告。")
>>> cleaned = clean_text(page)
>>> cleaned.text
'各位代表：\\n现在，我代表省人民政府作报告。'
>>> cleaned.meta["date"], cleaned.meta["speaker"], cleaned.meta["position"]
('2026-01-27', '王某某', '某某省省长')
>>> cleaned.meta["occasion"]
'某某省第十四届人民代表大会第五次会议'
>>> [r["reason"] for r in cleaned.removed]
['page tools', 'page info', 'title block']
>>> cleaned.restore() == page
True
"""

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from policy_nlp.stages.script import is_traditional, to_simplified

from policy_nlp.lang.masks import MASK
from policy_nlp.lang.notices import HIDDEN_TEXT
from policy_nlp.lang.numerals import YEAR_DIGIT_CHARS, digit_string, number
from policy_nlp.lang.words import alternation, words

__all__ = ["CleanedText", "clean_text", "parse_date", "without_glosses"]

# ---------------------------------------------------------------------------
# Pieces: the lines and U+3000-marked paragraphs of the text
# ---------------------------------------------------------------------------

_BLANK = " \t\r\u3000\u00a0\u2002\u2003\u200b\u200c\u200d\ufeff"
_BREAK = re.compile(r"\n+|\u3000{2,}")


def _pieces(text):
    """``[(start, end)]`` of the non-blank lines/paragraphs, blanks trimmed."""
    pieces = []
    start = 0
    for match in _BREAK.finditer(text):
        _add_piece(pieces, text, start, match.start())
        start = match.end()
    _add_piece(pieces, text, start, len(text))
    return pieces


def _add_piece(pieces, text, start, end):
    while start < end and text[start] in _BLANK:
        start += 1
    while end > start and text[end - 1] in _BLANK:
        end -= 1
    if start < end:
        pieces.append((start, end))


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = rf"(?:\d{{4}}|[{YEAR_DIGIT_CHARS}]{{4}})"
DATE = rf"{_YEAR}\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日"
_DATE_RE = re.compile(rf"(?P<y>{_YEAR})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日")
_ISO_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def parse_date(text):
    """The first date of ``text`` in ISO form, or None.

    Reads 2012年6月15日, 二〇二六年一月二十七日 (〇 or ○ for zero) and 2026-01-28.

    Examples
    --------
    >>> parse_date("(2012年6月15日)")
    '2012-06-15'
    >>> parse_date("——二〇二六年一月二十七日在全省经济工作会议上")
    '2026-01-27'
    >>> parse_date("发布时间：2026-01-28 09:30")
    '2026-01-28'
    >>> parse_date("今年上半年") is None
    True
    """
    match = _DATE_RE.search(text)
    if match:
        year = _year_value(match["y"])
        month, day = number(match["m"]), number(match["d"])
        if month is None or day is None:
            return None
    else:
        match = _ISO_RE.search(text)
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_YEAR_RE = re.compile(rf"(?<![\d〇○零Ｏ一二三四五六七八九])(?P<y>{_YEAR})\s*年")


def parse_year(text):
    """The first year written as a year (2019年, 二〇一二年, 公元2012年) in ``text``, or None.

    Examples
    --------
    >>> parse_year("书记2017年全镇经济工作会议讲话"), parse_year("公元二〇一二年"), parse_year("20xx年")
    (2017, 2012, None)
    """
    match = _YEAR_RE.search(text)
    return _year_value(match["y"]) if match else None


def _year_value(y):
    """The value of a year matched by ``_YEAR``: 2019 or 二〇一九."""
    return int(y) if y.isdigit() else digit_string(y)


# ---------------------------------------------------------------------------
# Furniture: shapes of whole pieces
# ---------------------------------------------------------------------------

_SENT_END = re.compile(r"[。！？!?；]")
# A pinyin gloss that conversion sites insert after a character: 會(huì)議.
# One syllable with a tone mark, right after an ideograph (組織(who) is not one).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS_RE = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}[)）]")
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
_NAV_RE = re.compile(r"(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]"
                     r"|(?:首页|主页|网站首页)\s*[>›»＞]")
_PAGE_TITLE_RE = re.compile(
    r"(?P<title>.{4,100}?)\s+[-–—_|｜]\s+(?P<site>.{2,40})")
_SITE_RE = re.compile(r"论坛|网|站|频道|社区|门户|政府|日报|报|书院|平台|中心|新闻|首页|官网|BBS|bbs")

_FIELD_KEYS = alternation("page_field_keys")
_DATETIME = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_FIELDS_RE = re.compile(
    rf"(?:{_DATETIME}\s*)?(?:[【\[（(]?(?:{_FIELD_KEYS})[】\]]?\s*[:：](?:[^:：]|(?<=\d)[:：](?=\d)){{0,60}}?[）)]?\s*)+"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_FIELD_VALUE_RE = re.compile(rf"(?P<key>{_FIELD_KEYS})\s*[:：]\s*(?P<value>[^\s:：|｜]+(?:\s[^\s:：|｜]+)?)")

_CREDIT_INNER = r"[\u4e00-\u9fffA-Za-z·、 ]{0,20}?"
_CAPTION_END_RE = re.compile(
    rf"(?:[（(][^（）()]{{0,12}}(?:记者|通讯员|摄影)?{_CREDIT_INNER}\s*/?\s*摄(?:影)?\s*[)）]"
    rf"|(?:记者|通讯员|摄影)\s*{_CREDIT_INNER}\s*/?\s*摄(?:影)?"
    rf"|/\s*摄)\s*$")
_CAPTION_START_RE = re.compile(r"(?:图为|图片为|上图为|下图为|▲|■\s*图|图片来源\s*[:：]|图\s*[:：])")

_DATELINE = (r"(?:据)?(?:新华社|中新社|人民网|新华网|央视网|中国新闻网|中新网|本报|本刊|本台)"
             r"[\u4e00-\u9fff]{0,8}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
             r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)"
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


def _load_template_furniture(path=Path(__file__).resolve().parents[1] / "data" / "template_furniture.tsv"):
    """``[(reason, pattern)]`` of ``data/template_furniture.tsv`` (``{HIDDEN_TEXT}`` in a
    pattern is :data:`policy_nlp.lang.notices.HIDDEN_TEXT`)."""
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        reason, sep, pattern = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{number}: expected reason<TAB>pattern")
        try:
            patterns.append((reason, re.compile(pattern.replace("{HIDDEN_TEXT}", f"(?:{HIDDEN_TEXT})"))))
        except re.error as error:
            raise ValueError(f"{path}:{number}: bad pattern: {error}") from None
    return patterns


_TEMPLATE = _load_template_furniture()

# Document-sharing sites (天天文库, 金锄头文库 …) number the pages of a copied
# document with "N、" on a line of its own after a blank line, even in the
# middle of a sentence.
_PAGE_MARK_RE = re.compile(r"\n[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*(\d{1,3})、")
_PAGE_LINE_MIN = 20  # a heading is shorter: its line break is not a page break
_PAGE_MIN = 150  # a page is longer: 1、…⏎⏎2、… items are a list
_PAGE_MAX = 600  # the second page's number is looked for this far: a page is about 300 characters


def _cuts_sentence(text, mark):
    """Whether the line before a page mark starting at ``mark`` (its line
    break) is long and ends without a sentence end or a colon."""
    line = text[text.rfind("\n", 0, mark) + 1:mark].strip(_BLANK)
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


_FIRST_PAGE_RE = re.compile(r"[ \t\u3000\u00a0\n]*(1、)")
_NEXT_PAGE_RE = re.compile(r"\n[ \t\u3000\u00a0]*\n?[ \t\u3000\u00a0]*2、")


def _first_page_mark(text, spans):
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
        if not match or not (b == 0 or text[b - 1] == "\n" or "\n" in match.group()):
            continue
        if _NEXT_PAGE_RE.search(text, match.end(1), match.end(1) + _PAGE_MIN) is not None:
            continue
        if b == 0:
            second = _NEXT_PAGE_RE.search(text, match.end(1), match.end(1) + _PAGE_MAX)
            if second is None or not _cuts_sentence(text, second.start()):
                continue
        return [(match.start(1), match.end(1), "page number")]
    return []

# Template shapes glued inside a line, removed wherever they stand:
# 下面是小编为大家整理的…，供大家参考。 before the salutation, and the page
# markers of PDF copies (…与上级 第1 页共 10 页).
_INLINE = [
    (re.compile(r"下面是.{0,8}小编.{0,120}?供.{0,4}参考[。.！!]?"), "template notice"),
    (re.compile(r"第\s*\d{1,3}\s*[页頁]\s*[/／]?\s*共\s*\d{1,3}\s*[页頁]"), "page number"),
]


def _template(s):
    """The reason ``s`` (a whole piece) is template-site furniture or a page number, or None."""
    s = without_glosses(s)   # 會(huì)員 reads 會員
    if len(s) <= 400:
        for reason, pattern in _TEMPLATE:
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


def _caption(s):
    if len(s) > 200:
        return False
    return bool(_CAPTION_START_RE.match(s) or _CAPTION_END_RE.search(s))


def _furniture(s, zone):
    """The reason ``s`` (a whole piece) is page furniture, or None.

    ``zone`` is ``"head"``, ``"tail"`` or ``"body"``; the body gets only the
    strict shapes.
    """
    if _caption(s):
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
    if _CREDIT_RE.fullmatch(s) or _SOURCE_PAREN_RE.fullmatch(s):
        return "source credit"
    if _EDITOR_NOTE_RE.fullmatch(s):
        return "editor note"
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
    return None


# ---------------------------------------------------------------------------
# Title block: title, subtitle, date, position and speaker
# ---------------------------------------------------------------------------

_DOC_TYPES = alternation("document_types")
_TITLE_RE = re.compile(rf"[^。！？!?；：:]{{1,70}}?(?:{_DOC_TYPES})(?:[（(][^（）()]{{1,20}}[)）])?")
_ENUM_RE = re.compile(r"(?:第[一二三四五六七八九十百\d]+[章节条部分编]|[一二三四五六七八九十]+[、.．]|"
                      r"[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[①-⑳])")
_OFFICE = (r"(?:书记|主席|总理|委员长|长|主任|委员|常委|政委|司令员|负责人|经理|代表|总干事)")
_NAME = r"[\u4e00-\u9fff](?:[ \u3000\u00a0]?[\u4e00-\u9fff]){1,3}"
# Masked names and places (policy_nlp.lang.masks): counted (meta["masked"])
# and never taken for a speaker or a venue.
_MASK_RE = re.compile(MASK)
_MASK_ONLY_RE = re.compile(rf"[\u4e00-\u9fff]?(?:{MASK})+")
_SPEAKER_LINE_RE = re.compile(
    rf"(?P<position>[\u4e00-\u9fff、（）()·]{{1,40}}?{_OFFICE})[ \t\u3000\u00a0]+"
    rf"(?P<speaker>{_NAME}|[Xx×✕*＊]{{2,4}})")
_POSITION_RE = re.compile(rf"[\u4e00-\u9fff、（）()·]{{1,40}}?{_OFFICE}")
_NAME_RE = re.compile(_NAME)
_DATE_LINE_RE = re.compile(
    rf"[（(]?\s*(?:——|--|—)?\s*(?P<date>{DATE})\s*(?:[，,]\s*(?P<venue>[^（）()，,在]{{1,20}}))?"
    rf"\s*(?:在(?P<occasion>.{{2,80}}?)(?:上|时)(?:的[\u4e00-\u9fff]{{0,6}})?)?\s*[)）]?")
_SUBTITLE_RE = re.compile(r"(?:——|--|—)\s*(?P<rest>.{2,100})")
_OCCASION_RE = re.compile(
    rf"在(?P<occasion>[^，。；]{{2,80}}?)(?:上|时)?的(?:重要|书面|主旨)?(?:讲话|致辞|发言|报告|演讲|贺词|工作报告)"
    rf"|在(?P<occasion2>[^，。；]{{2,80}}?)(?:上|时)$")
_PAREN_RE = re.compile(r"[（(][^（）()]{1,30}[)）]")

# Leaders whose byline is glued to the title in web copies of speeches
# ("…的讲话（2018年2月12日）习近平同志们：…"). A byline name elsewhere needs a
# separator (position, space or ※) to be found.
_LEADERS = alternation("leaders")
_NOT_BYLINE = r"(?!总书记|同志(?!们)|新时代|主席|思想|的|在|关于|对|强调|指出|重要|讲话|给|等)"
_GLUED_HEAD_RE = re.compile(
    rf"(?P<title>[^。！？!?；\n]{{2,120}}?(?:{_DOC_TYPES}))"
    rf"\s*(?:[（(]\s*(?P<date>{DATE})\s*(?:[，,]\s*(?P<venue>[^（）()]{{1,20}}?))?\s*[)）])?"
    rf"\s*(?:※\s*)?(?:(?P<position>[\u4e00-\u9fff、]{{2,30}}?{_OFFICE})[ \u3000\u00a0]*)?"
    rf"(?P<speaker>{_LEADERS}|(?<=[ \u3000\u00a0])[\u4e00-\u9fff]{{2,3}}(?=[ \u3000\u00a0]))?{_NOT_BYLINE}")
_GLUED_BYLINE_RE = re.compile(
    rf"(?P<title>[^。！？!?；，,：:\n※]{{4,80}}?)\s*(?P<star>※)?\s*(?P<speaker>{_LEADERS}){_NOT_BYLINE}")
_GLUED_CAPTION_RE = re.compile(
    r"[^：:]{10,200}?(?:(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff·]{2,4}\s*/?\s*摄|/\s*摄)")
_LABEL_RE = re.compile(r"(?P<label>回信|贺信|贺电|贺词|唁电|复信)")

_NOT_PUNCT = r"[^，,、：:。！？!?；;\n]"
_ADDRESSEE = (rf"(?:尊敬的{_NOT_PUNCT}{{1,30}}|{_NOT_PUNCT}{{0,30}}?(?:们|各位[^\s，,、：:。！？!?]{{0,8}}?|"
              r"先生|女士|阁下|总统|国王|王储|主席|总理|首相|秘书长|总干事|团长|负责人|首脑|元首|同事|"
              r"来宾|嘉宾|官兵|留学生|师生|校友|党员|队员|毕业生|委员|代表)"
              rf"|{_NOT_PUNCT}{{0,30}}?全体{_NOT_PUNCT}{{1,20}}?)")
_ADDRESSEE_RE = re.compile(_ADDRESSEE)
_SALUTATION_HEAD_RE = re.compile(r"[^：:。！？!?；;\n]{1,300}?[：:]")
_SHORT_SALUTATION_RE = re.compile(r"(同志们|各位代表|代表们|朋友们|同胞们|女士们，先生们)\s*[！!，,]")


def _salutation(s):
    """The salutation that ``s`` starts with, or None.

    Examples
    --------
    >>> _salutation("尊敬的萨勒曼国王，各位同事：大家好！")
    '尊敬的萨勒曼国王，各位同事'
    >>> _salutation("各省、自治区、直辖市人民政府：") is None
    True
    """
    match = _SALUTATION_HEAD_RE.match(s)
    if match:
        candidate = match.group()[:-1].strip(_BLANK)
        terms = re.split(r"\s*[，,、]\s*", candidate)
        if len(terms) <= 13 and all(_ADDRESSEE_RE.fullmatch(term) for term in terms):
            return candidate
    match = _SHORT_SALUTATION_RE.match(s)
    return match.group(1) if match else None


def _clean_name(name):
    return re.sub(r"[ \t\u3000\u00a0]", "", name)


def _title_kind(s, previous_kinds):
    """What a title-block piece is: "date", "subtitle", "speaker", "position",
    "name", "paren", "title", or None for a shape that is not a title line."""
    if len(s) > 120 or _ENUM_RE.match(s):
        return None
    if _DATE_LINE_RE.fullmatch(s):
        return "date"
    if _SUBTITLE_RE.fullmatch(s) and "在" in s and not _SENT_END.search(s):
        return "subtitle"
    if _SPEAKER_LINE_RE.fullmatch(s):
        return "speaker"
    if _SENT_END.search(s):
        return None
    if previous_kinds and previous_kinds[-1] in ("subtitle", "date", "position") \
            and _NAME_RE.fullmatch(s) and not _TITLE_RE.fullmatch(s):
        return "name"
    if len(s) <= 30 and _POSITION_RE.fullmatch(s) and not _TITLE_RE.fullmatch(s):
        return "position"
    if previous_kinds and previous_kinds[-1] == "title" and _PAREN_RE.fullmatch(s):
        return "paren"
    if _TITLE_RE.fullmatch(s) or _GLUED_HEAD_RE.fullmatch(s):
        return "title"
    return None


def _parse_title_block(strings, meta):
    """Fill ``meta`` from the pieces of a title block."""
    titles = []
    previous = None
    for s in strings:
        kind = _title_kind(s, [previous] if previous else [])
        glued = _GLUED_HEAD_RE.fullmatch(s) or _GLUED_BYLINE_RE.fullmatch(s)
        if kind == "date":
            match = _DATE_LINE_RE.fullmatch(s)
            meta.setdefault("date", parse_date(match["date"]))
            if match["venue"]:
                meta.setdefault("venue", match["venue"].strip())
            if match["occasion"]:
                meta.setdefault("occasion", match["occasion"].strip())
        elif kind == "subtitle":
            rest = _SUBTITLE_RE.fullmatch(s)["rest"]
            date = parse_date(rest)
            if date:
                meta.setdefault("date", date)
            occasion = _occasion(rest)
            if occasion:
                meta.setdefault("occasion", occasion)
            if not date:
                titles.append(s)
        elif kind == "speaker":
            match = _SPEAKER_LINE_RE.fullmatch(s)
            meta.setdefault("position", match["position"].strip())
            meta.setdefault("speaker", _clean_name(match["speaker"]))
        elif kind == "position":
            meta.setdefault("position", s.strip())
        elif kind == "name":
            meta.setdefault("speaker", _clean_name(s))
        elif glued and glued.group("speaker"):
            _glued_meta(glued, meta)
            previous = "title"
            continue
        elif kind in ("title", "paren", None):
            titles.append(s)
        previous = kind or "title"
    if titles:
        meta.setdefault("title", _join_title(titles))
        occasion = _occasion(meta["title"])
        if occasion:
            meta.setdefault("occasion", occasion)


def _join_title(parts):
    """Join title lines: without a space where a line was broken mid-phrase."""
    title = parts[0].strip()
    for part in parts[1:]:
        part = part.strip()
        broken = (len(part) <= 2 or len(title) <= 2 or part.startswith(("（", "("))
                  or (title.startswith("在") and "上" not in title) or part.startswith("——"))
        title = title + ("" if broken else " ") + part
    return title


def _occasion(s):
    match = _OCCASION_RE.search(s)
    if not match:
        return None
    return (match["occasion"] or match["occasion2"]).strip()


def _glued_meta(match, meta):
    groups = match.groupdict()
    if groups.get("title"):
        title = groups["title"].strip()
        meta.setdefault("title", title)
        occasion = _occasion(title)
        if occasion:
            meta.setdefault("occasion", occasion)
    if groups.get("date"):
        meta.setdefault("date", parse_date(groups["date"]))
    if groups.get("venue"):
        meta.setdefault("venue", groups["venue"].strip())
    if groups.get("position"):
        meta.setdefault("position", groups["position"].strip())
    if groups.get("speaker"):
        meta.setdefault("speaker", groups["speaker"])


def _is_prose(s):
    return len(s) > 150 or (len(s) >= 8 and bool(_SENT_END.search(s)))


# ---------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------


@dataclass
class CleanedText:
    """The body of a text, what was removed from it, and its metadata.

    Attributes
    ----------
    text : str
        The body: what gets annotated.
    removed : list of dict
        ``{"start", "end", "text", "reason"}`` for each removed span, with
        offsets into the original text, in order.
    meta : dict
        Of ``"title"``, ``"speaker"``, ``"position"``, ``"date"`` (ISO),
        ``"occasion"``, ``"venue"``, ``"salutation"``, ``"dateline"``,
        ``"publication"``, ``"published"`` (ISO): those that were found.
    offset_map : list of [int, int, int]
        ``[clean_start, original_start, length]`` of each kept segment.
    converted : list of [int, str]
        ``[original_offset, original_character]`` of each body character
        that was converted from Traditional script (``meta["script"] ==
        "traditional"``); the body has the Simplified character there.

    Examples
    --------
    >>> cleaned = clean_text("分享到：\\n同志们：\\n今天开会。\\n点评 回复 举报")
    >>> cleaned.text
    '同志们：\\n今天开会。'
    >>> i = cleaned.text.index("今天")
    >>> cleaned.original_offset(i)
    10
    >>> cleaned.original_span(i, i + 4)
    (10, 14)
    """

    text: str
    removed: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    offset_map: list = field(default_factory=list)
    converted: list = field(default_factory=list)

    def original_offset(self, i):
        """The offset in the original text of cleaned-text offset ``i``.

        ``i == len(text)`` maps to the end of the last kept character.
        """
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside the cleaned text (length {len(self.text)})")
        if not self.offset_map:
            return 0
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.offset_map):
            starts = self.__dict__["_starts"] = [seg[0] for seg in self.offset_map]
        k = bisect.bisect_right(starts, i) - 1
        clean_start, original_start, _ = self.offset_map[max(k, 0)]
        return original_start + (i - clean_start)

    def original_span(self, start, end):
        """``(start, end)`` in the original text of a cleaned-text span.

        The end maps through the span's last character, so a span that ends
        just before a removed part does not grow over it.
        """
        if end <= start:
            position = self.original_offset(start)
            return position, position
        return self.original_offset(start), self.original_offset(end - 1) + 1

    def restore(self):
        """The original text, from ``text`` and the ``removed`` records."""
        parts = []
        for clean_start, original_start, length in self.offset_map:
            parts.append((original_start, self.text[clean_start:clean_start + length]))
        parts.extend((r["start"], r["text"]) for r in self.removed)
        parts.sort(key=lambda part: part[0])
        restored = "".join(text for _, text in parts)
        if self.converted:
            chars = list(restored)
            for offset, char in self.converted:
                chars[offset] = char
            restored = "".join(chars)
        return restored


# ---------------------------------------------------------------------------
# Head, tail, body
# ---------------------------------------------------------------------------

_HEAD_PIECES = 80
_HEAD_CHARS = 6000
_TAIL_PIECES = 80


def _scan_head(text, pieces, meta):
    """``(body_piece, body_start, items)``: where the body starts, and the head
    items ``(start, end, reason)`` before it (piece extents, blanks apart).

    A salutation near the top (同志们：) starts the body, and everything
    before it is head (:func:`_head_before_salutation`); without one, the
    head is what is positively furniture or title block
    (:func:`_head_without_salutation`).
    """
    salutation_at, prose = _find_salutation(text, pieces)
    if salutation_at is not None:
        return _head_before_salutation(text, pieces, meta, salutation_at, prose)
    return _head_without_salutation(text, pieces, meta)


def _find_salutation(text, pieces):
    """``(piece index or None, [indexes of prose pieces before it])``: a
    salutation near the top with only short non-prose lines before it."""
    n = len(pieces)
    salutation_at = None
    prose = []
    for k in range(min(n, _HEAD_PIECES)):
        a, b = pieces[k]
        if a > _HEAD_CHARS:
            break
        s = text[a:b]
        if _salutation(s):
            salutation_at = k
            break
        if _furniture(s, "head"):
            continue
        if _is_prose(s):
            if len(s) > 300 or len(prose) >= 3:
                break
            prose.append(k)
    if salutation_at is not None and prose:
        # Prose before the salutation (a news lead-in, an uncredited photo
        # caption) is head only when a clear title block stands between them.
        kinds = []
        for k in range(prose[-1] + 1, salutation_at):
            a, b = pieces[k]
            if not _furniture(text[a:b], "head"):
                kinds.append(_title_kind(text[a:b], kinds) or "?")
        if "?" in kinds or len(set(kinds)) < 2:
            salutation_at = None
    return salutation_at, prose


def _head_before_salutation(text, pieces, meta, salutation_at, prose):
    """The head items before the salutation at piece ``salutation_at``: the
    title block right before it, furniture, lead-ins, page titles."""
    items = []
    kinds = []
    for k in range(salutation_at):
        a, b = pieces[k]
        kinds.append(_furniture(text[a:b], "head"))
    # the run of non-furniture pieces right before the salutation
    first = salutation_at
    while first > 0 and kinds[first - 1] is None and first - 1 not in prose:
        first -= 1
    for k in range(salutation_at):
        a, b = pieces[k]
        s = text[a:b]
        if k >= first:
            reason = "title block"
        elif kinds[k]:
            reason = kinds[k]
        elif k in prose:
            reason = "photo caption" if re.search(r"摄|图", s) else "lead-in"
        elif _TITLE_RE.fullmatch(s) or _PAGE_TITLE_RE.fullmatch(s):
            reason = "page title"
            match = _PAGE_TITLE_RE.fullmatch(s)
            meta.setdefault("_page_title", match["title"] if match else s)
        elif _USERNAME_RE.fullmatch(s):
            reason = "user profile"
        else:
            reason = None
        items.append([a, b, reason])
    _inherit(items, "page header")
    _parse_title_block([text[a:b] for a, b, _ in items[first:]], meta)
    body_piece = salutation_at
    return body_piece, pieces[body_piece][0], [tuple(i) for i in items]


def _head_without_salutation(text, pieces, meta):
    """The head when no salutation opens the body: the leading pieces that
    are furniture or title block (or a title glued to the body's start)."""
    n = len(pieces)
    items = []
    kinds = []
    k = 0
    body_start = None
    while k < n and k < _HEAD_PIECES:
        a, b = pieces[k]
        s = text[a:b]
        reason = _furniture(s, "head")
        if reason:
            items.append((a, b, reason))
            k += 1
            continue
        kind = _title_kind(s, kinds)
        if kind:
            kinds.append(kind)
            items.append((a, b, "title block"))
            k += 1
            continue
        consumed = _glued_head(text, a, b, items, meta)
        if consumed == b:
            kinds.append("title")
            k += 1
            continue
        if consumed > a:
            body_start = consumed
            break
        # a short unknown line between two pieces of furniture
        if items and items[-1][2] != "title block" and len(s) <= 30 and not _SENT_END.search(s) \
                and not _ENUM_RE.match(s) and k + 1 < n:
            na, nb = pieces[k + 1]
            if _furniture(text[na:nb], "head"):
                items.append((a, b, items[-1][2]))
                k += 1
                continue
        break
    title_strings = [text[a:b] for a, b, reason in items if reason == "title block"]
    if title_strings:
        _parse_title_block(title_strings, meta)
    if body_start is None:
        body_start = pieces[k][0] if k < n else len(text)
    return k, body_start, items


def _inherit(items, default):
    """Give unknown items the reason of the item before them (or after)."""
    for i, item in enumerate(items):
        if item[2] is None:
            before = next((it[2] for it in reversed(items[:i]) if it[2]), None)
            after = next((it[2] for it in items[i + 1:] if it[2]), None)
            item[2] = before or after or default


def _glued_head(text, a, b, items, meta):
    """Parse the furniture glued to the start of piece ``text[a:b]``.

    Appends head items and returns the offset where the rest of the piece
    starts (``a`` when nothing was found).
    """
    p = a
    match = _DATELINE_RE.match(text, p, b)
    if match:
        meta.setdefault("dateline", match.group().strip())
        items.append((p, match.end(), "dateline"))
        p = _skip_blank(text, match.end(), b)
    for pattern in (_GLUED_HEAD_RE, _GLUED_BYLINE_RE):
        match = pattern.match(text, p, b)
        if not match:
            continue
        groups = match.groupdict()
        if pattern is _GLUED_HEAD_RE and not (groups["speaker"] or groups["date"]):
            continue
        if pattern is _GLUED_BYLINE_RE:
            title = groups["title"]
            if not groups["star"] and not re.search(r"[ \u3000\u00a0]", title.strip()):
                continue
            if re.search(rf"{_OFFICE}$", title.strip()):
                continue
        _glued_meta(match, meta)
        end = match.end()
        items.append((p, end, "title block"))
        p = _skip_blank(text, end, b)
        caption = _GLUED_CAPTION_RE.match(text, p, b)
        if caption and _salutation(text[caption.end():b]):
            items.append((p, caption.end(), "photo caption"))
            p = _skip_blank(text, caption.end(), b)
        break
    else:
        match = _LABEL_RE.match(text, p, b)
        if match and (text.startswith("值此", match.end()) or _salutation(text[match.end():b])):
            meta.setdefault("title", match["label"])
            items.append((p, match.end(), "title block"))
            p = match.end()
    return p


def _skip_blank(text, i, end):
    while i < end and text[i] in _BLANK:
        i += 1
    return i


def _peel_end(text, a, b, items, meta):
    """Strip shapes glued to the end of piece ``text[a:b]``; return the new end."""
    while b > a:
        s = text[a:b]
        found = None
        for pattern, reason in ((_CREDIT_RE, "source credit"), (_DATELINE_PAREN_RE, "dateline"),
                                (_SOURCE_PAREN_RE, "source credit")):
            for match in pattern.finditer(s):
                if not s[match.end():].strip(_BLANK):
                    found = (match, reason)
            if found:
                break
        if not found:
            # an editor's note: ※这是…的讲话。 at the end, after a sentence end
            star = s.rfind("※")
            if star >= 0 and _EDITOR_NOTE_RE.fullmatch(s[star:].rstrip(_BLANK)) \
                    and (star == 0 or s[:star].rstrip(_BLANK)[-1:] in "。！？!?）)”"):
                found = (_EDITOR_NOTE_RE.fullmatch(s[star:].rstrip(_BLANK)), "editor note")
                start = a + star
            else:
                return b
        else:
            start = a + found[0].start()
        match, reason = found
        _note_meta(match, reason, meta)
        items.append((start, b, reason))
        b = start
        while b > a and text[b - 1] in _BLANK:
            b -= 1
    return b


def _note_meta(match, reason, meta):
    groups = match.groupdict()
    if reason == "source credit" and groups.get("publication"):
        meta.setdefault("publication", groups["publication"].strip())
        meta.setdefault("published", parse_date(groups["published"]))
    elif reason == "dateline" and groups.get("dateline"):
        meta.setdefault("dateline", groups["dateline"].strip())
    elif reason == "editor note":
        note = match.group()
        date = parse_date(note)
        if date:
            meta.setdefault("date", date)
        occasion = re.search(r"在(.{2,60}?)(?:上|时)的(?:讲话|致辞|发言)", note)
        if occasion:
            meta.setdefault("occasion", occasion.group(1))


def _scan_tail(text, pieces, first_body, meta):
    """``(body_end, items)``: where the body ends and the tail items after it."""
    items = []
    n = len(pieces)
    k = n - 1
    # The Wikisource licence: from a 本作品…/这部作品… line to the end.
    for j in range(n - 1, max(first_body - 1, n - 1 - _TAIL_PIECES), -1):
        a, b = pieces[j]
        if _LICENCE_START_RE.match(text, a, b) and _LICENCE_MARK_RE.search(text, a) \
                and len(text) - a <= 5000:
            items.append((a, len(text), "licence footer"))
            k = j - 1
            break
    pending = []
    have_furniture = bool(items)
    while k >= first_body and k >= n - 1 - _TAIL_PIECES:
        a, b = pieces[k]
        s = text[a:b]
        reason = _furniture(s, "tail")
        if reason:
            for pa, pb in pending:
                items.append((pa, pb, reason))
            pending = []
            items.append((a, b, reason))
            _piece_meta(s, reason, meta)
            have_furniture = True
            k -= 1
            continue
        if have_furniture and len(s) <= 12 and not _SENT_END.search(s) and not _ENUM_RE.match(s):
            pending.append((a, b))
            k -= 1
            continue
        break
    # pending pieces were not sandwiched: they stay in the body
    k += len(pending)
    if k < first_body:
        return pieces[first_body][0], items
    a, b = pieces[k]
    end = _peel_end(text, a, b, items, meta)
    return end, items


def _piece_meta(s, reason, meta):
    if reason == "page info":
        for match in _FIELD_VALUE_RE.finditer(s):
            key, value = match["key"], match["value"]
            if key in ("来源", "稿源", "信息来源", "文章来源", "新闻来源"):
                meta.setdefault("publication", value)
            elif "时间" in key or "日期" in key:
                date = parse_date(value)
                if date:
                    meta.setdefault("published", date)
        if "published" not in meta and _FIELDS_RE.fullmatch(s):
            date = parse_date(s)
            if date and not _FIELD_VALUE_RE.search(s):
                meta.setdefault("published", date)
    elif reason == "dateline":
        match = _DATELINE_RE.search(s)
        if match:
            meta.setdefault("dateline", match.group())
    elif reason in ("source credit", "editor note"):
        for pattern in (_CREDIT_RE, _EDITOR_NOTE_RE):
            match = pattern.search(s)
            if match:
                _note_meta(match, reason, meta)
                break
    elif reason == "page title":
        match = _PAGE_TITLE_RE.fullmatch(s)
        if match:
            meta.setdefault("_page_title", match["title"])


# ---------------------------------------------------------------------------
# clean_text
# ---------------------------------------------------------------------------


def clean_text(text):
    """Find the body of ``text``; keep what was removed and the metadata.

    Parameters
    ----------
    text : str
        A speech, report or policy document, possibly scraped from the web.

    Returns
    -------
    CleanedText
        ``text`` (the body), ``removed`` (records with offsets into the
        input), ``meta``, and the offset map back to the input.

    Examples
    --------
    >>> raw = "在全市工作会议上的讲话（2018年2月12日）习近平同志们：今天开会。（新华社北京2月12日电）"
    >>> cleaned = clean_text(raw)
    >>> cleaned.text
    '同志们：今天开会。'
    >>> sorted(cleaned.meta.items())  # doctest: +NORMALIZE_WHITESPACE
    [('date', '2018-02-12'), ('dateline', '新华社北京2月12日电'), ('occasion', '全市工作会议'),
     ('salutation', '同志们'), ('speaker', '习近平'), ('title', '在全市工作会议上的讲话')]
    >>> [(r["text"], r["reason"]) for r in cleaned.removed]
    [('在全市工作会议上的讲话（2018年2月12日）习近平', 'title block'), ('（新华社北京2月12日电）', 'dateline')]
    >>> clean_text("各位代表：\\n现在，我代表国务院作报告。").removed
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text takes str, not {type(text).__name__}")
    original = text
    glosses = [match.span() for match in _GLOSS_RE.finditer(text)]
    changed = []
    meta = {}
    if is_traditional(text):
        # Everything below reads the Simplified copy: same length, same offsets.
        text, changed = to_simplified(text, skip=glosses)
        meta["script"] = "traditional"
    pieces = _pieces(text)
    if not pieces:
        return CleanedText(text, [], {}, [[0, 0, len(text)]] if text else [])
    body_piece, body_start, head_items = _scan_head(text, pieces, meta)
    for a, b, reason in head_items:
        _piece_meta(text[a:b], reason, meta)
    if body_piece < len(pieces) and body_start == pieces[body_piece][0]:
        a, b = pieces[body_piece]
        body_start = _glued_head(text, a, b, head_items, meta)
    body_end, tail_items = _scan_tail(text, pieces, body_piece, meta) \
        if body_piece < len(pieces) else (len(text), [])
    if body_end < body_start:          # everything was furniture
        body_end = body_start

    spans = _removed_spans(text, pieces, head_items, body_start, body_end, tail_items, meta)
    spans.extend((a, b, "pinyin gloss") for a, b in glosses)
    for pattern, reason in _INLINE:
        spans.extend((*match.span(), reason) for match in pattern.finditer(text))
    spans.extend(_page_marks(text))
    spans.extend(_first_page_mark(text, spans))

    spans = _merge(sorted(s for s in spans if s[1] > s[0]))
    removed = [{"start": a, "end": b, "text": original[a:b], "reason": r} for a, b, r in spans]
    body, offset_map = _kept_text(text, spans)
    meta = _final_meta(body, meta)
    converted = _kept_changes(changed, offset_map)
    return CleanedText(body, removed, meta, offset_map, converted)


def _removed_spans(text, pieces, head_items, body_start, body_end, tail_items, meta):
    """``(start, end, reason)`` of the head and tail items, extended over the
    blanks between them, and of the furniture inside the body."""
    spans = []
    # head: each item runs to the start of the next one; the first from 0
    head_items = sorted(head_items)
    for i, (a, b, reason) in enumerate(head_items):
        start = 0 if i == 0 else a
        end = head_items[i + 1][0] if i + 1 < len(head_items) else body_start
        spans.append((start, end, reason))
    # tail: each item runs from the end of the one before; the first from body_end
    tail_items = sorted(tail_items)
    for i, (a, b, reason) in enumerate(tail_items):
        start = body_end if i == 0 else tail_items[i - 1][1]
        end = len(text) if i + 1 == len(tail_items) else b
        spans.append((start, end, reason))
    # body: only the strict shapes, each with the blanks after it
    body_pieces = [(a, b) for a, b in pieces if a >= body_start and b <= body_end]
    for i, (a, b) in enumerate(body_pieces):
        reason = _furniture(text[a:b], "body")
        if reason and 0 < i < len(body_pieces) - 1:
            spans.append((a, body_pieces[i + 1][0], reason))
            _piece_meta(text[a:b], reason, meta)
    return spans


def _kept_text(text, spans):
    """``(body, offset_map)``: ``text`` without the merged ``spans``, and
    ``[clean_start, original_start, length]`` of each kept run."""
    kept, offset_map, position = [], [], 0
    for a, b, _ in spans + [(len(text), len(text), None)]:
        if a > position:
            offset_map.append([sum(len(k) for k in kept), position, a - position])
            kept.append(text[position:a])
        position = max(position, b)
    return "".join(kept), offset_map


def _final_meta(body, meta):
    """The metadata of the cleaned ``body``: its salutation, masked names
    counted (and not taken as speaker or venue), the page title as a last
    resort for the title, pinyin glosses dropped, empty values left out."""
    salutation = _salutation(body.lstrip(_BLANK + "\n"))
    if salutation:
        meta["salutation"] = salutation
    for key in ("speaker", "venue"):
        if key in meta and _MASK_ONLY_RE.fullmatch(meta[key]) and not re.fullmatch(
                r"[\u4e00-\u9fff]某某", meta[key]):   # 王某某 keeps the surname: a name
            del meta[key]
    masked = len(_MASK_RE.findall(body))
    if masked:
        meta["masked"] = masked
    page_title = meta.pop("_page_title", None)
    if page_title and "title" not in meta:
        meta["title"] = page_title.strip()
    return {key: without_glosses(value) if isinstance(value, str) else value
            for key, value in meta.items() if value}


def _kept_changes(changed, offset_map):
    """``[offset, character]`` of the converted characters that the body kept."""
    if not changed:
        return []
    starts = [segment[1] for segment in offset_map]
    kept = []
    for offset, char in changed:
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < offset_map[k][1] + offset_map[k][2]:
            kept.append([offset, char])
    return kept


def _merge(spans):
    """Merge touching spans of the same reason."""
    merged = []
    for a, b, reason in spans:
        if merged and merged[-1][2] == reason and merged[-1][1] >= a:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]), reason)
        elif merged and merged[-1][1] > a:   # overlap of different reasons: clip
            if b > merged[-1][1]:
                merged.append((merged[-1][1], b, reason))
        else:
            merged.append((a, b, reason))
    return merged
