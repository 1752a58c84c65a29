"""Character classes of Chinese web text, declared once for the stages.

>>> import re
>>> [m.start() for m in INNER_BLANK.finditer("十四 五，增 长 、现在 “好”")]
[2, 6, 8]
>>> before_blanks("一、\u3000\u3000二", 4)
2
>>> before_spaces("和主题社区\\n等", 6), before_spaces("和主题社区\\n等", 6, low=6)
(5, 6)
>>> after_spaces("\u3000 （一）总体要求", 0), after_spaces("\u3000 （一）", 0, high=1)
(2, 1)
>>> [is_ideograph(c) for c in ("农", "\u3400", "、", "")]
[True, True, False, False]
>>> trimmed("\u3000\u3000一、总体要求 ", 0, 9), trimmed(" \t", 0, 2)
((2, 8), None)
"""

import re

__all__ = ["BLANK", "CLAUSE_END_RE", "CLAUSE_ENDS", "IDEOGRAPH", "IDEOGRAPH_RE", "INNER_BLANK", "LINE_BREAK",
           "LONE_SURROGATE_RE", "NEWLINES", "ONE_LINE_BREAK", "SENTENCE_END_RE", "SENTENCE_ENDS", "STOPS",
           "after_spaces", "before_blanks", "before_spaces", "is_ideograph", "line_end", "trimmed"]

# What separates words on a page and is no text: space, tab, ideographic space, no-break space and
# the other spaces of Unicode (Zs: en and em spaces U+2002, U+2003 indent the policy documents of
# central-62, central-77, shandong-5, shandong-35, shandong-43; a line of one U+2003 in the 2024 work
# report), so that a line of them is blank and no paragraph.
BLANK = " \t\u3000\u00a0" + "".join(map(chr, range(0x2000, 0x200b))) + "\u202f\u205f"
# The CJK ideographs (unified and extension A), as a regular-expression range:
# every stage's ideograph class is this one ([{IDEOGRAPH}]), none spells it again.
_FIRST, _LAST = "\u3400", "\u9fff"
IDEOGRAPH = f"{_FIRST}-{_LAST}"
IDEOGRAPH_RE = re.compile(f"[{IDEOGRAPH}]")   # one ideograph (search, match at a position)
# The marks that end a sentence (full and ASCII full stop, exclamation, question mark);
# a semicolon or a colon ends a clause, not a sentence.
SENTENCE_ENDS = "。！？!?"
SENTENCE_END_RE = re.compile(f"[{SENTENCE_ENDS}]")   # one sentence end (search, match at a position)
# A sentence end or a semicolon (full and half-width): where a clause of a list ends.
CLAUSE_ENDS = SENTENCE_ENDS + "；;"
CLAUSE_END_RE = re.compile(f"[{CLAUSE_ENDS}]")   # one clause end (search, match at a position)
# Every mark a clause stops at: a comma, a colon, a semicolon, a sentence end.
STOPS = "，," + CLAUSE_ENDS + "：:"
# The characters that end a line: \n, and \r of a text not cleaned (\r\n of Windows, a lone \r
# of old Mac files; the cleaning makes both \n). ONE_LINE_BREAK is one line's end.
NEWLINES = "\r\n"
ONE_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A break between lines or paragraphs: line breaks, or a run of ideographic spaces (an indent
# that stands for a lost line break).
LINE_BREAK = re.compile(f"[{NEWLINES}]+|\u3000{{2,}}")
# Half of a UTF-16 pair standing alone (a text cut in the middle of a character): no Unicode
# text, it can be neither segmented nor written as UTF-8, so readers and the tokenizer refuse it.
LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# A blank that a reader reads through: between two ideographs, or between an
# ideograph and the punctuation that separates (一 、充分, 现在 ,我代表), as
# justified or PDF-extracted text leaves them; not before a closing quote
# (“四人帮 ”: a quotation's blanks are trimmed, not read through).
INNER_BLANK = re.compile(f"(?<=[{IDEOGRAPH}])[{BLANK}](?=[{IDEOGRAPH}、，,。；;：:！!？?])")


def is_ideograph(ch):
    """Whether the character ``ch`` is in :data:`IDEOGRAPH` (False for "")."""
    return _FIRST <= ch <= _LAST


def line_end(text, start, end=None):
    """The position of the first line break (\\n or \\r) in ``text[start:end]``, or -1:
    ``text.find("\\n", start, end)`` for a text not cleaned too.

    >>> line_end("甲\\r\\n乙", 0), line_end("甲\\r乙", 0), line_end("甲乙", 0)
    (1, 1, -1)
    """
    # str.find, not a regex search: callers look for the line's end from many positions of a
    # long line, and find's scan (memchr) is what keeps that cheap
    end = len(text) if end is None else end
    n, r = text.find("\n", start, end), text.find("\r", start, end)
    return n if r < 0 else r if n < 0 else min(n, r)


def before_blanks(text, i):
    """The position before the blanks that precede ``i`` in ``text``."""
    while i > 0 and text[i - 1] in BLANK:
        i -= 1
    return i


def trimmed(text, start, end, blanks=BLANK):
    """``(start, end)`` moved past the ``blanks`` at both ends, or None when nothing else is
    left: a line or paragraph without its indent and trailing blanks."""
    while start < end and text[start] in blanks:
        start += 1
    while end > start and text[end - 1] in blanks:
        end -= 1
    return (start, end) if start < end else None


def after_spaces(text, i, high=None):
    """The position after the whitespace (line breaks too) that follows ``i``
    in ``text``, not past ``high`` (the text's end if None)."""
    high = len(text) if high is None else high
    while i < high and text[i].isspace():
        i += 1
    return i


def before_spaces(text, i, low=0):
    """The position before the whitespace (line breaks too) that precedes ``i``
    in ``text``, not below ``low``."""
    while i > low and text[i - 1].isspace():
        i -= 1
    return i
