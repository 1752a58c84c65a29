"""Pieces: the lines and U+3000-marked paragraphs of a text, the units whose shape decides what
is furniture."""

from policy_nlp.lang.chars import LINE_BREAK, trimmed

_BLANK = " \t\r\u3000\u00a0\u2002\u2003\u200b\u200c\u200d\ufeff"


def _pieces(text):
    """``[(start, end)]`` of the non-blank lines/paragraphs, blanks trimmed."""
    pieces = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        _add_piece(pieces, text, start, match.start())
        start = match.end()
    _add_piece(pieces, text, start, len(text))
    return pieces


def _add_piece(pieces, text, start, end):
    span = trimmed(text, start, end, _BLANK)
    if span:
        pieces.append(span)


def _skip_blank(text, i, end):
    """The first position from ``i`` (before ``end``) that is not blank."""
    while i < end and text[i] in _BLANK:
        i += 1
    return i
