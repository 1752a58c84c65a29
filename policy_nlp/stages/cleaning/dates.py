"""Dates and years of metadata lines (2026年1月27日, 二〇二六年一月二十七日, 2026-01-27)."""

import re
import warnings

from policy_nlp.lang.numerals import ITEM_NUMERALS, YEAR_DIGIT_CHARS, digit_string, number
from policy_nlp.lang.words import words

# a month or a day: 6, 27, 六, 二十七 (also the datelines of furniture: 新华社北京3月5日电)
MONTH_DAY = rf"(?:\d{{1,2}}|[{ITEM_NUMERALS}]{{1,3}})"
_YEAR = rf"(?:\d{{4}}|[{YEAR_DIGIT_CHARS}]{{4}})"
DATE = rf"{_YEAR}\s*年\s*{MONTH_DAY}\s*月\s*{MONTH_DAY}\s*日"
_DATE_RE = re.compile(rf"(?P<y>{_YEAR})\s*年\s*(?P<m>{MONTH_DAY})\s*月\s*(?P<d>{MONTH_DAY})\s*日")
_ISO_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def parse_date(text, iso=True):
    """The first date of ``text`` in ISO form, or None.

    Reads 2012年6月15日, 二〇二六年一月二十七日 (〇 or ○ for zero) and, unless ``iso`` is
    False, 2026-01-28 (the form of a web page's stamps, not of a speech's title).

    Examples
    --------
    >>> parse_date("(2012年6月15日)")
    '2012-06-15'
    >>> parse_date("——二〇二六年一月二十七日在全省经济工作会议上")
    '2026-01-27'
    >>> parse_date("发布时间：2026-01-28 09:30")
    '2026-01-28'
    >>> parse_date("今年上半年") is None, parse_date("公文搜 2022-08-29 12:36:23", iso=False) is None
    (True, True)
    """
    match = _DATE_RE.search(text)
    if match:
        year = _year_value(match["y"])
        month, day = number(match["m"]), number(match["d"])
        if month is None or day is None:
            return None
    else:
        match = _ISO_RE.search(text) if iso else None
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# a date in brackets closing a title, in any form: the document's own, as 在…的讲话（2018年2月12日）
_CLOSING_DATE_RE = re.compile(r"[（(]\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*[）)]\s*$")


def title_date(title):
    """The date a title cleaning read gives the document, in ISO form, or None: a date written
    as a title writes it (2018年2月12日) anywhere, or an ISO date in the brackets that close the
    title (关于…的通知（2019-05-01）, as （2018年2月12日） closes xi's speeches' titles). Any other
    ISO date in it is a page's stamp glued to the title block (公文搜 2022-08-29 12:36:23, dev-0025),
    or a list page's posting date before it, not the document's.

    Examples
    --------
    >>> title_date("在打好精准脱贫攻坚战座谈会上的讲话（2018-02-12）"), title_date("关于做好防汛工作的通知(2019.5.1)")
    ('2018-02-12', '2019-05-01')
    >>> title_date("市长在优化营商环境再出发动员大会上的讲话 公文搜 2022-08-29 12:36:23 营商") is None
    True
    """
    closing = _CLOSING_DATE_RE.search(title)
    return parse_date(title, iso=False) or (parse_date(closing.group(1)) if closing else None)


_YEAR_RE = re.compile(rf"(?<![\d{YEAR_DIGIT_CHARS}])(?P<y>{_YEAR})\s*年")


def year_in_text(text):
    """The first year written as a year (2019年, 二〇一二年, 公元2012年) in running ``text``, or None.

    Not :func:`policy_nlp.lang.numerals.parse_year`, which reads a metadata
    value ("2019", "2012-06-15") whole.

    Examples
    --------
    >>> year_in_text("书记2017年全镇经济工作会议讲话"), year_in_text("公元二〇一二年"), year_in_text("20xx年")
    (2017, 2012, None)
    """
    match = _YEAR_RE.search(text)
    return _year_value(match["y"]) if match else None


def _old_name(module, name, stacklevel=3):
    """``parse_year``, the old name of :func:`year_in_text` (with a DeprecationWarning), for
    the module ``__getattr__`` of this module and of the package."""
    if name != "parse_year":
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    # lang.numerals.parse_year reads a metadata value: two public parse_year meant two things
    warnings.warn(f"{module}.parse_year is now year_in_text (the first 2019年 of a text); "
                  "policy_nlp.lang.numerals.parse_year reads a metadata value; the old name will go",
                  DeprecationWarning, stacklevel=stacklevel)
    return year_in_text


def __getattr__(name):
    return _old_name(__name__, name)


def _year_value(y):
    """The value of a year matched by ``_YEAR``: 2019 or 二〇一九."""
    return int(y) if y.isdigit() else digit_string(y)


# fields of a page's information line giving when the web copy was uploaded or updated
_UPLOAD_KEYS = frozenset(words("upload_field_keys"))


# fields that say only 时间 or 日期: a copy's posting time unless the line names a publication
_BARE_KEYS = frozenset(words("bare_date_keys"))


def date_field(key, named=False):
    """The meta field a date under the page-information field ``key`` goes to:
    ``"uploaded"`` for a copy's upload or update (上传时间, 更新时间: never the
    document's date) and for a bare 时间/日期 on a line that names no publication
    (``named``: a sharing site's 时间:2017-12-23), ``"published"`` for any other
    time or date field, else None.

    Examples
    --------
    >>> date_field("上传时间"), date_field("发布时间"), date_field("来源")
    ('uploaded', 'published', None)
    >>> date_field("时间"), date_field("时间", named=True)
    ('uploaded', 'published')
    """
    if key in _UPLOAD_KEYS or (key in _BARE_KEYS and not named):
        return "uploaded"
    return "published" if "时间" in key or "日期" in key else None


# a document-sharing site's file information printed beside its upload date: the file's size
# (25.34KB, 25.64K), its pages (31 页, 页数:9页, 总页数 7 页; not 第1页 nor 第 1 页), its count
# capped at 999+ (only that: a news page's 浏览次数:1000+ and the 1+N, 5+2 of a text are no file's)
_FILE_INFO_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*[KkMm][Bb]?(?![A-Za-z])|(?<![第\d])(?<!第\s)\d+\s*页|页数"
                           r"|(?<![\d+])999\+")


def file_stamps(text):
    """The ISO dates of ``text`` that a document-sharing site printed beside the file's size,
    pages or capped downloads (999+), on the date's line or the next: when the copy was uploaded,
    never the document's date (VIP专免⏎2024-01-21⏎999+⏎25.34KB⏎31 页: dev-0179, dev-0046, dev-0160,
    dev-0162, dev-0125; 2023-12-27⏎9 页 999+ under a text: dev-0037).

    Returns
    -------
    list of (start, end, iso)

    Examples
    --------
    >>> file_stamps("VIP专免\\n2024-01-21\\n999+\\n25.34KB\\n31 页\\n在全市农村工作会议上的讲话\\n(2021年2月2日)")
    [(6, 16, '2024-01-21')]
    >>> file_stamps("阅读 111 下载 6 大小 25.64K 总页数 7 页 2023-11-16 分享")[0][2]
    '2023-11-16'
    >>> file_stamps("发布时间:2018-02-02 浏览量: 次 来源:")
    []
    """
    found = []
    for match in _ISO_RE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else text.find("\n", end + 1) % (len(text) + 1)
        around = text[start:match.start()] + " " + text[match.end():end]
        iso = parse_date(match.group())
        if iso and _FILE_INFO_RE.search(around):
            found.append((match.start(), match.end(), iso))
    return found
