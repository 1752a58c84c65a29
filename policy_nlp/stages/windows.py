"""Bounded windows over very long texts, so that a stage's cost stays linear.

Some stage logic looks at the whole document for each match (the slogans
stage resolves overlaps against every span taken, searches every quoted term
through the whole text, looks for the line break before a formulation). That
is harmless on a report of 50,000 characters and ruinous on a 3 MB book
scraped as one line. :func:`find_in_windows` runs such a function on windows
of at most about ``size`` characters, cut at sentence ends, each with
``overlap`` characters of context on both sides, and keeps from each window
the results that start in its own core; the cost is then linear in the
length of the text.

A text of at most ``size`` characters is one window: the function sees the
whole text and its output is exactly the function's own. On longer texts
what depends on the whole document is decided per window (for slogans: a
term quoted in one window and mentioned in another is not tagged as a
mention there).
"""

import bisect
import re

from policy_nlp.lang.chars import CLAUSE_ENDS

WINDOW = 100_000   # longer than any national report (57,590 characters)
OVERLAP = 2_000    # context on both sides, far more than any look-back or look-ahead
_SENTENCE_END = re.compile(f"[{CLAUSE_ENDS}\r\n]")


def windows(text, size=WINDOW, overlap=OVERLAP):
    """Windows of ``text`` as ``(start, end, core_start, core_end)``.

    The cores tile the text; each core ends at the first sentence end after
    ``size`` characters (or there, when none follows within ``overlap``). A
    window is its core with up to ``overlap`` characters on each side, cut to
    whole sentences where the text has sentence ends.

    Examples
    --------
    >>> windows("短文。")
    [(0, 3, 0, 3)]
    >>> text = "一二三。四五六。七八九。"
    >>> [(text[a:b], text[c:d]) for a, b, c, d in windows(text, size=4, overlap=4)]
    [('一二三。四五六。', '一二三。'), ('一二三。四五六。七八九。', '四五六。'), ('四五六。七八九。', '七八九。')]
    """
    if size < 1 or overlap < 0:
        raise ValueError(f"window size must be positive and overlap non-negative, not {size}, {overlap}")
    n = len(text)
    if n <= size:
        return [(0, n, 0, n)]
    cores, start = [], 0
    while start < n:
        end = start + size
        if end >= n:
            end = n
        else:
            stop = _SENTENCE_END.search(text, end - 1, min(n, end + overlap))
            end = stop.end() if stop else end
        cores.append((start, end))
        start = end
    result = []
    for core_start, core_end in cores:
        start, end = max(0, core_start - overlap), min(n, core_end + overlap)
        if start > 0:
            stop = _SENTENCE_END.search(text, start - 1, core_start)
            start = stop.end() if stop else start
        if end < n:
            last = None
            for last in _SENTENCE_END.finditer(text, core_end, end):
                pass
            end = last.end() if last else end
        result.append((start, end, core_start, core_end))
    return result


def _shift(value, offset):
    """A copy of a result with every ``start``/``end`` offset moved by ``offset``."""
    if isinstance(value, dict):
        return {key: (item + offset if key in ("start", "end") and isinstance(item, int)
                      else _shift(item, offset)) for key, item in value.items()}
    if isinstance(value, list):
        return [_shift(item, offset) for item in value]
    return value


def find_in_windows(find, text, tokens=None, *, size=WINDOW, overlap=OVERLAP):
    """Run ``find(window_text, tokens=window_tokens)`` window by window.

    Parameters
    ----------
    find : callable
        ``find(text, tokens=...) -> list of dict``; each dict has ``start``
        and ``end``, and may hold dicts or lists of dicts with their own
        ``start`` and ``end`` (members, items), all offsets into ``text``.
    text : str
    tokens : list of (int, int) or int array of shape (n, 2), optional
        Sorted token offsets into ``text``; each window gets those inside it
        (in the same form).
    size, overlap : int
        See :func:`windows`.

    Returns
    -------
    list of dict
        The results, offsets into ``text``, sorted by start and without
        overlaps: from each window, those starting in its core.

    Examples
    --------
    >>> def quotes(text, tokens=None):
    ...     return [{"start": m.start(), "end": m.end()} for m in re.finditer("“[^”]*”", text)]
    >>> text = "甲“乙”。丙“丁”。"
    >>> find_in_windows(quotes, text, size=4, overlap=2) == quotes(text)
    True
    """
    spans = windows(text, size, overlap)
    if len(spans) == 1:
        return find(text, tokens=tokens)
    is_array = hasattr(tokens, "shape")
    token_starts = tokens[:, 0] if is_array else [start for start, _ in tokens] if tokens is not None else None
    results, last_end = [], 0
    for start, end, core_start, core_end in spans:
        window_tokens = None
        if is_array:
            inside = tokens[int(token_starts.searchsorted(start)):int(token_starts.searchsorted(end))]
            window_tokens = inside[inside[:, 1] <= end] - start
        elif tokens is not None:
            first = bisect.bisect_left(token_starts, start)
            window_tokens = []
            for a, b in tokens[first:bisect.bisect_left(token_starts, end)]:
                if b <= end:
                    window_tokens.append((a - start, b - start))
        for record in find(text[start:end], tokens=window_tokens):
            record = _shift(record, start)
            # keep what starts in the core; never overlap what the previous window kept
            if core_start <= record["start"] < core_end and record["start"] >= last_end:
                results.append(record)
        if results:
            last_end = max(last_end, results[-1]["end"])
    return results
