"""Paragraphs and sentences of Chinese policy text, as character offsets.

Paragraphs end at line breaks and at runs of two or more U+3000 (the
``　　`` indent that web copies of speeches keep as their only paragraph
mark). Sentences end at 。！？； and their half-width forms ! ? ; (a
half-width full stop is not an end: it is a decimal point or a list marker
such as ``1.``), at an ellipsis ……, and keep closing quotes and brackets with
the sentence they close.
"""

import re

# What may surround a paragraph's text and is not part of it.
BLANK = " \t\u3000\u00a0"
_PARAGRAPH_BREAK = re.compile(r"\n+|\u3000{2,}")
_SENTENCE_END = re.compile(r"(?:[。！？；!?;]+|…{2,}|\.{6})[”’」』）)》〉\"']*")
_LEADING_BLANK = re.compile(f"[{BLANK}]*")


def _trimmed(text, start, end):
    """Shrink ``[start, end)`` past blanks on both sides; None when empty."""
    while start < end and text[start] in BLANK:
        start += 1
    while end > start and text[end - 1] in BLANK:
        end -= 1
    return (start, end) if start < end else None


def find_paragraphs(text):
    """Character offsets of the paragraphs of ``text``.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each non-blank paragraph, blanks trimmed.

    Examples
    --------
    >>> text = "同志们：\\n\\n　　今天开会。　　我讲三点意见："
    >>> [text[s:e] for s, e in find_paragraphs(text)]
    ['同志们：', '今天开会。', '我讲三点意见：']
    """
    paragraphs = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        span = _trimmed(text, start, match.start())
        if span:
            paragraphs.append(span)
        start = match.end()
    span = _trimmed(text, start, len(text))
    if span:
        paragraphs.append(span)
    return paragraphs


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
            span = _trimmed(text, start, match.end())
            if span:
                sentences.append(span)
            start = match.end()
        span = _trimmed(text, start, p_end)
        if span:
            sentences.append(span)
    return sentences
