""":func:`clean_text`: the pieces, head, tail and inline shapes of one text, removed as records."""

import bisect
import re

from policy_nlp.lang.chars import IDEOGRAPH, is_ideograph
from policy_nlp.stages.script import is_traditional, script_vote, to_simplified, traditional_wins
from policy_nlp.stages.cleaning.pieces import _BLANK, _pieces
from policy_nlp.stages.cleaning.furniture import (_first_page_mark, _furniture, _GLOSS_RE, _INLINE,
                                                  _page_marks, without_glosses)
from policy_nlp.stages.cleaning.title import _MASK_ONLY_RE, _MASK_RE, _salutation, headline_speaker, title_and_copy
from policy_nlp.stages.cleaning.result import CleanedText
from policy_nlp.stages.cleaning.headtail import _glued_head, _piece_meta, _scan_head, _scan_tail, between_titles
from policy_nlp.stages.cleaning.wraps import page_numbers, rewrapped, unwrapped, wrap_breaks


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
    vote = script_vote(text)
    cleaned = _clean(text, traditional_wins(vote))
    # (a page with too few Traditional characters to count has no Traditional body either)
    if "script" not in cleaned.meta and vote[1] is not None and cleaned.removed \
            and is_traditional(cleaned.text):
        # A Traditional body in a Simplified site template: the template's
        # characters outvoted the body's; the body decides.
        cleaned = _clean(text, True)
    return cleaned


def _clean(text, traditional):
    """:func:`clean_text`, the script decided (``traditional``: read a Simplified copy)."""
    if not text.strip(_BLANK + "\n"):     # no pieces
        return CleanedText(text, [], {}, [[0, 0, len(text)]] if text else [])
    # wraps are found on the text as read: its furniture and titles in Simplified script
    copy = _simplified_copy(text) if traditional else None
    breaks = wrap_breaks(copy[0] if copy else text)
    read, spans, meta, changed = _unwrapped_removals(text, breaks, traditional) if breaks \
        else _removals(text, traditional, copy)
    body, offset_map = _kept_text(read, spans)
    if not breaks:       # (the joined page's meta is final already)
        meta = _final_meta(body, meta, _title_lines(read, spans))
    removed = [{"start": a, "end": b, "text": text[a:b], "reason": r} for a, b, r in spans]
    return CleanedText(body, removed, meta, offset_map, _kept_changes(changed, offset_map))


def _simplified_copy(text):
    """``(copy, changed)``: the Simplified copy of a Traditional ``text`` that
    cleaning reads (same length, glosses kept) and its ``[offset, original
    character]`` changes."""
    return to_simplified(text, skip=[match.span() for match in _GLOSS_RE.finditer(text)])


def _unwrapped_removals(text, breaks, traditional):
    """:func:`_removals` of a hard-wrapped ``text``, decided on the text with
    its wraps (the line breaks at ``breaks``) joined, mapped back to ``text``;
    the metadata is final (read on the joined body)."""
    joined, positions = unwrapped(text, breaks)
    read, spans, meta, changed = _removals(joined, traditional, wrapped=True)
    meta = _final_meta(_kept_text(read, spans)[0], meta, _title_lines(read, spans))
    spans = _merge(sorted(rewrapped(spans, positions, breaks) + page_numbers(text)))
    read = _replaced(text, [(positions[offset], read[offset]) for offset, _ in changed])
    return read, spans, meta, [[positions[offset], char] for offset, char in changed]


def _removals(text, traditional, copy=None, wrapped=False):
    """``(read, spans, meta, changed)``: the text read (``text``, or its
    Simplified copy: ``copy`` when the caller made it already), the merged
    ``(start, end, reason)`` spans that cleaning removes from it, its metadata
    (not final), and the ``[offset, original character]`` of the characters
    converted from Traditional script. ``wrapped``: ``text`` is a hard-wrapped
    page with its wraps joined (:func:`~.furniture._later_page_marks`)."""
    glosses = [match.span() for match in _GLOSS_RE.finditer(text)]
    if glosses:
        return _unglossed_removals(text, glosses, traditional, copy, wrapped)
    changed = []
    meta = {}
    if traditional:
        # Everything below reads the Simplified copy: same length, same offsets.
        text, changed = copy or _simplified_copy(text)
        meta["script"] = "traditional"
    pieces = _pieces(text)
    body_piece, body_start, head_items = _scan_head(text, pieces, meta)
    for i, (a, b, reason) in enumerate(head_items):
        _piece_meta(text[a:b], reason, meta, text[b:b + 100], between_titles(text, head_items, i))
    if body_piece < len(pieces) and body_start == pieces[body_piece][0]:
        a, b = pieces[body_piece]
        # the title block's title printed again glued to the salutation is its copy (dev-0125)
        title = meta.pop("title", None)
        body_start = _glued_head(text, a, b, head_items, meta)
        if title is not None:
            meta["title"] = title_and_copy(title, meta.get("title"))
    body_end, tail_items = _scan_tail(text, pieces, body_piece, meta) \
        if body_piece < len(pieces) else (len(text), [])
    if body_end < body_start:          # everything was furniture
        body_end = body_start

    spans = _removed_spans(text, pieces, head_items, body_start, body_end, tail_items, meta)
    for pattern, reason in _INLINE:
        spans.extend((*match.span(), reason) for match in pattern.finditer(text))
    spans.extend(_page_marks(text))
    first_page = _first_page_mark(text, spans, wrapped)
    spans.extend(first_page)
    if first_page:
        _without_first_page_mark(meta, text[first_page[0][0]:first_page[0][1]])
    return text, _merge(sorted(s for s in spans if s[1] > s[0])), meta, changed


def _unglossed_removals(text, glosses, traditional, copy=None, wrapped=False):
    """:func:`_removals` of a ``text`` with pinyin glosses (會(huì)議) at
    ``glosses``, decided on the text without them, as its reader reads it (a
    notice or page header glued to a body that lost its line breaks is found
    only so: 當(dāng)前顯(xiǎn)示), and mapped back: a removal takes the gloss
    of its last character; every gloss is removed. ``copy``: the Simplified
    copy of ``text`` when the caller made it (its glosses skipped, so the
    view's copy is the same characters: not converted again)."""
    view, positions = unwrapped(text, [i for a, b in glosses for i in range(a, b)])
    read, spans, meta, changed = _removals(view, traditional, copy and _view_copy(copy, positions), wrapped)
    gloss_end = dict(glosses)
    spans = [(positions[a], gloss_end.get(positions[b - 1] + 1, positions[b - 1] + 1), reason)
             for a, b, reason in spans]
    spans = _merge(sorted(spans + [(a, b, "pinyin gloss") for a, b in glosses]))
    read = _replaced(text, [(positions[offset], read[offset]) for offset, _ in changed])
    return read, spans, meta, [[positions[offset], char] for offset, char in changed]


def _view_copy(copy, positions):
    """The ``(copy, changed)`` of :func:`_simplified_copy` for the view made of
    the characters at ``positions`` of the text: the same characters, the
    changed offsets as offsets of the view (every changed one is in it)."""
    copied, changed = copy
    at = {position: offset for offset, position in enumerate(positions)}
    return "".join(copied[i] for i in positions), [(at[i], char) for i, char in changed]


def _without_first_page_mark(meta, mark):
    """The title (and page title) read from the line that a document-sharing
    copy opens with its first page's ``mark`` (1、县长在…的讲话), without it."""
    for key in ("title", "_page_title"):
        if isinstance(meta.get(key), str) and meta[key].startswith(mark):
            meta[key] = meta[key][len(mark):].lstrip(_BLANK)


def _replaced(text, characters):
    """``text`` with the ``(offset, character)`` replacements."""
    if not characters:
        return text
    chars = list(text)
    for offset, char in characters:
        chars[offset] = char
    return "".join(chars)


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
    kept, offset_map, position, length = [], [], 0, 0
    for a, b, _ in spans + [(len(text), len(text), None)]:
        if a > position:  # the length kept so far, counted as it grows (re-summed per run: quadratic)
            offset_map.append([length, position, a - position])
            kept.append(text[position:a])
            length += a - position
        position = max(position, b)
    return "".join(kept), offset_map


_REPEATED_RE = re.compile(r"(.{4,60}?)(?:[ \u3000]*\1)+")


def _repeated_title(title):
    """The title that ``title`` ends by printing twice or thrice (乡镇政府换届工作报告乡镇政府换届工作报告),
    whole or after what a copy glues before it up to a character that is no ideograph: its file
    name and page marks (…动员会上的讲话 (2) —1—县委书记在…的讲话县委书记在…的讲话, dev-0056;
    1、…讲话 在…的讲话 在…的讲话), not inside a word (乡镇在…的讲话 镇在…的讲话: the first copy, by
    :func:`_glued_copy`, as a copy that left a character out); else ``title``."""
    for start in [0] + [i + 1 for i, char in enumerate(title[:-1]) if not is_ideograph(char)]:
        repeated = _REPEATED_RE.fullmatch(title, start)
        if repeated:
            return repeated.group(1).strip(_BLANK)
    return _glued_copy(title)


def _glued_copy(title):
    """The first copy of a title glued to its copy on one line, the copy with its number left
    out or a word more (市长在…的发言(通用4篇)市长在…的发言, dev-0121; 2018 年…的致辞在 2018 年…的致辞,
    dev-0235): two halves, blanks apart, the shorter opening or closing the longer and at least two
    thirds of it; else ``title``."""
    bare = re.sub(f"[{_BLANK}]", "", title)
    for i in range(8, len(bare) - 7):
        first, second = bare[:i], bare[i:]
        shorter, longer = sorted((first, second), key=len)
        if (longer.startswith(shorter) or longer.endswith(shorter)) and 3 * len(shorter) >= 2 * len(longer):
            kept = 0     # the first half's end in ``title``, blanks counted
            for _ in range(i):
                while title[kept] in _BLANK:
                    kept += 1
                kept += 1
            return title[:kept].strip(_BLANK)
    return title


def _title_lines(text, spans):
    """The lines of the title block and page title that ``spans`` remove from ``text``."""
    return [line for a, b, reason in spans if reason in ("title block", "page title")
            for line in text[a:b].splitlines() if line.strip()]   # \n, \r\n or a lone \r


def _final_meta(body, meta, title_lines=()):
    """The metadata of the cleaned ``body``: its salutation, masked names
    counted (and not taken as speaker or venue), the page title as a last
    resort for the title, a speaker a title line opens with (:func:`title.headline_speaker`),
    pinyin glosses dropped, empty values left out."""
    salutation = _salutation(body.lstrip(_BLANK + "\n"))
    if salutation:
        meta["salutation"] = salutation
    for key in ("speaker", "venue"):
        if key in meta and _MASK_ONLY_RE.fullmatch(meta[key]) and not re.fullmatch(
                rf"[{IDEOGRAPH}]某某", meta[key]):   # 王某某 keeps the surname: a name
            del meta[key]
    masked = len(_MASK_RE.findall(body))
    if masked:
        meta["masked"] = masked
    page_title = meta.pop("_page_title", None)
    if page_title and "title" not in meta:
        meta["title"] = page_title.strip()
    if "title" in meta:
        meta["title"] = _repeated_title(meta["title"])
    headline_speaker(title_lines, body, meta)
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
