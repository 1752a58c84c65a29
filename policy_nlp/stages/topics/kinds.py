"""Paragraph kinds that get no topic or inherit one: boilerplate and headings."""

import re

from policy_nlp.lang.chars import CLAUSE_END_RE, IDEOGRAPH_RE
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.lang.words import alternation

# Two patterns rather than one with a ``^`` branch: that branch keeps ``re``
# from skipping to the characters the others begin with, so that every branch
# was tried at every character.
_BOILERPLATE_START = re.compile(r"本作品是中华人民共和国|Publicdomain|false|true|注：中文维基文库")
_BOILERPLATE = re.compile(
    r"版权所有|责任编辑|打印本页|关闭窗口|【字体|字号[:：]|浏览次数|扫一扫|分享到|当前位置[:：]|"
    r"网站地图|联系我们|ICP备|公网安备|来源[:：]\S{0,20}$|发布时间[:：]")
_HEADING_MARK = re.compile(
    r"^\s*(?:(?P<l0>第[一二三四五六七八九十百零〇\d]+[章部篇编节])|"
    rf"(?P<l1>[{ITEM_NUMERALS}]+[、．.])|"
    rf"(?P<l2>[（(][{ITEM_NUMERALS}]+[）)])|"
    r"(?P<l3>\d{1,2}[、．.](?!\d))|"
    r"(?P<l4>[（(]\d{1,2}[）)]))")
_BLANKS = re.compile(r"\s+")
HEADING_MAX_CHARS = 40
FURNITURE_MAX_CHARS = 150   # a paragraph of web-page furniture is a line or two
# A salutation and its mark (同志们：, 各位代表，, 尊敬的各位领导、各位来宾：) opening a paragraph:
# the speaker turns to the audience, which ends a heading's section (classify) and marks a
# meeting opening or a speech quoted in a news report (context).
SALUTATION_PIECE = rf"(?:{alternation('salutations')})[^。！!]{{0,12}}?[：:，,！!]"
SALUTATION_RE = re.compile(rf"\s*{SALUTATION_PIECE}")


def is_boilerplate(text):
    """True for a paragraph that carries no policy content.

    The rule (documented in docs/topics.md): empty or blank text; text with
    no Chinese character (page numbers, ``Public domain``, URLs, stray
    digits); and web-page furniture (版权所有, 责任编辑, 打印本页, the
    Wikisource licence notice ...) in a paragraph of at most
    ``FURNITURE_MAX_CHARS`` characters. Such paragraphs get no topic (None).
    The patterns are matched without the blanks, as the topics stage reads
    a paragraph as its tokens, without its whitespace (Public domain,
    来源：县政府 办公室); the length is the text's as given (a paragraph's
    coded units, ``apps.local_training.kept_units``, are counted so).

    Examples
    --------
    >>> is_boilerplate("\\u200b"), is_boilerplate("Public domain"), is_boilerplate("各位代表：")
    (True, True, False)
    >>> is_boilerplate("Public domain本作品"), is_boilerplate(["Public", "domain", "本作品"])
    (True, True)
    """
    if isinstance(text, (list, tuple)):
        text = "".join(text)
    text = text.strip().strip("\u3000\u200b\ufeff")
    bare = _BLANKS.sub("", text).strip("\u200b\ufeff")
    if not bare or not IDEOGRAPH_RE.search(bare):
        return True
    # a furniture word in a long paragraph is furniture glued to prose (a
    # page that lost its line breaks): the prose keeps its topic
    return bool(_BOILERPLATE_START.match(bare) or len(text) <= FURNITURE_MAX_CHARS and _BOILERPLATE.search(bare))


def heading_level(text):
    """The level of a heading line, or None for a paragraph that is not one.

    A heading is a short line (at most 40 characters) that opens with a
    section mark — 第一章 (0), 一、(1), （一）(2), 1. (3), （1）(4) — and has
    no sentence end (。！？；) inside it: ``（一）大力提振消费。全方位扩大…`` is a
    body paragraph whose first sentence is a lead, not a heading.

    Examples
    --------
    >>> heading_level("一、2013年工作回顾"), heading_level("（三）坚持农业农村优先发展")
    (1, 2)
    >>> heading_level("（一）大力提振消费。全方位扩大国内需求。") is None
    True
    """
    if isinstance(text, (list, tuple)):
        text = "".join(text)
    text = text.strip().strip("\u3000")
    inner = text[:-1] if text.endswith(("。", "；")) else text
    if len(text) > HEADING_MAX_CHARS or CLAUSE_END_RE.search(inner):
        return None
    match = _HEADING_MARK.match(text)
    if not match:
        return None
    for level in range(5):
        if match.group(f"l{level}"):
            return level
    return None  # pragma: no cover
