"""Chinese and Arabic numerals: the one parser every stage uses.

Three readings occur in policy text:

* a number written with units, :func:`chinese_int` (十四, 二十一, 一千五百, 两万);
  :func:`number` also takes Arabic digits, full-width or not (12, １２);
* a year written digit by digit, :func:`digit_string` (二〇二六 = 2026);
* the year of a metadata value, :func:`parse_year` ("2019", "2012-06-15").

Examples
--------
>>> [number(s) for s in ["三", "十", "十四", "二十一", "两", "12", "１２", "一千五百", "四两"]]
[3, 10, 14, 21, 2, 12, 12, 1500, None]
>>> digit_string("二〇二六"), parse_year("2012-06-15")
(2026, 2012)
"""

import re

__all__ = ["DIGITS", "FULLWIDTH_DIGITS", "TO_ASCII_DIGITS", "UNITS", "YEAR_DIGIT_CHARS", "ITEM_NUMERALS", "NEWS_DATE", "chinese_int",
           "chinese_numeral", "chinese_count", "number", "digit_string", "parse_year", "document_year"]

# 〇 and 零 are the zeros of running text; ○ (a circle) and Ｏ (full-width O)
# stand for 〇 in typed-up dates (二ＯＯ八年). 两 is 2 before a measure word.
DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# the characters of a year written digit by digit (no 两: 两〇二〇 is not a year)
YEAR_DIGIT_CHARS = "〇○零Ｏ一二三四五六七八九"
# The numerals that number outline items and headings (一、 … 十、, （一）, 一是, 第一),
# and, one to three of them, a month or a day (十二月二十七日: cleaning.dates.MONTH_DAY).
ITEM_NUMERALS = "一二三四五六七八九十"
# The date a news report's lead opens with, in digits (3月16日，城东区召开…; 2019年7月30日上午，…):
# read by stages.places (the place of the event) and stages.topics.context (a news report's lead).
NEWS_DATE = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日"
_YEAR_START = re.compile(r"\s*(\d{4})(?!\d)")
# the full-width digits of Chinese pages (１０大工程), and the table that reads them as ASCII ones
FULLWIDTH_DIGITS = "０１２３４５６７８９"
TO_ASCII_DIGITS = str.maketrans(FULLWIDTH_DIGITS, "0123456789")


def chinese_int(run):
    """The value of a Chinese numeral with units, or None when ``run`` is not one number.

    Digits and the units 十 百 千 万, with 零 holding an empty place (一百零五);
    two digits in a row (九二, 四两) or units out of order (十十, 百千) are not
    one number.

    Examples
    --------
    >>> [chinese_int(s) for s in ["十", "十四", "二十", "一百零五", "两万", "九二", "十十", "", "x"]]
    [10, 14, 20, 105, 20000, None, None, None, None]
    """
    if not run or any(c not in DIGITS and c not in UNITS for c in run):
        return None
    if len(run) == 1:
        return DIGITS.get(run, UNITS.get(run))
    total, section, digit, last_unit = 0, 0, None, None
    for c in run:
        if c in DIGITS:
            if DIGITS[c] == 0 and digit is None and (last_unit or total):
                continue                   # 一百零五, 一万零五百: a zero holds a place
            if digit is not None:          # two digits in a row: 九二, 四两
                return None
            digit = DIGITS[c]
        else:
            unit = UNITS[c]
            if last_unit is not None and unit >= last_unit and unit != 10000:
                return None
            if unit == 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section, digit, last_unit = 0, None, None
                continue
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit is not None:
        section += digit
    return total + section


def number(numeral):
    """The value of an Arabic (ASCII or full-width) or Chinese numeral, or None.

    Examples
    --------
    >>> [number(s) for s in ["7", "０８", "十二", "九十九", "一百", "几"]]
    [7, 8, 12, 99, 100, None]
    """
    numeral = numeral.translate(TO_ASCII_DIGITS)
    if numeral.isdigit():
        return int(numeral)
    return chinese_int(numeral)


def chinese_numeral(value):
    """The Chinese numeral of a number 1–99 (the inverse of :func:`chinese_int`
    there), or None for any other value.

    Examples
    --------
    >>> [chinese_numeral(n) for n in [2, 10, 12, 20, 24, 99, 100, 0]]
    ['二', '十', '十二', '二十', '二十四', '九十九', None, None]
    """
    if not 1 <= value <= 99:
        return None
    tens, ones = divmod(value, 10)
    return ((ITEM_NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
            + (ITEM_NUMERALS[ones - 1] if ones else ""))


def chinese_count(value):
    """A count of 1–20 as a Chinese numeral before a measure word (两 for 2:
    两个, 两大), or None for any other value.

    Examples
    --------
    >>> [chinese_count(n) for n in [1, 2, 5, 10, 12, 20, 21, 0]]
    ['一', '两', '五', '十', '十二', '二十', None, None]
    """
    if not 1 <= value <= 20:
        return None
    return "两" if value == 2 else chinese_numeral(value)


def digit_string(digits):
    """The value of a number written digit by digit (二〇二六 = 2026), or None.

    Examples
    --------
    >>> digit_string("二〇二六"), digit_string("一九四九"), digit_string("二十")
    (2026, 1949, None)
    """
    if not digits or any(c not in YEAR_DIGIT_CHARS for c in digits):
        return None
    return int("".join(str(DIGITS[c]) for c in digits))


def parse_year(value):
    """The year (1000–2999) a metadata value starts with, or None.

    Reads ``2019``, ``"2019"``, ``"2012-06-15"`` and ``"2012年6月"``; a longer
    run of digits (``"20190"``), a boolean or None is no year.

    Examples
    --------
    >>> parse_year("2019"), parse_year(" 2012-06-15"), parse_year(2020), parse_year("20190")
    (2019, 2012, 2020, None)
    >>> parse_year(True) is None and parse_year(None) is None
    True
    """
    if value is None or isinstance(value, bool):
        return None
    match = _YEAR_START.match(str(value))
    if match and 1000 <= int(match.group(1)) <= 2999:
        return int(match.group(1))
    return None


def document_year(meta):
    """The year of a document: ``meta["year"]`` or the year of ``meta["date"]``.

    Examples
    --------
    >>> document_year({"year": "2019"}), document_year({"date": "2012-06-15"}), document_year({"year": None})
    (2019, 2012, None)
    """
    for key in ("year", "date"):
        year = parse_year((meta or {}).get(key))
        if year is not None:
            return year
    return None
