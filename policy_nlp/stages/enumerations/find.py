""":func:`find_lists`: markers, blocks, lists, scopes and claims of one text, as records."""

import bisect

from policy_nlp.lang.captions import is_caption
from policy_nlp.lang.chars import after_spaces, before_spaces
from policy_nlp.stages.paragraphs import physical_paragraphs
from policy_nlp.stages.reading_view import ReadingView
from policy_nlp.stages.enumerations.markers import _candidates, _initial_only
from policy_nlp.stages.enumerations.blocks import (_blocks, _unglued_headings,
                                                   _without_page_numbers)
from policy_nlp.stages.enumerations.building import _build, _CHAPTER, _HIDDEN
from policy_nlp.stages.enumerations.scopes import _assign
from policy_nlp.stages.enumerations.unmarked import _add_unmarked_first_items
from policy_nlp.stages.enumerations.across import _join_across_sections
from policy_nlp.stages.enumerations.claims import _claims


def find_lists(text, paragraphs, sentences):
    """Numbered lists of ``text`` as an outline, with their count claims.

    Parameters
    ----------
    text : str
    paragraphs : list of (int, int)
        Paragraph offsets, from :func:`policy_nlp.stages.paragraphs.find_paragraphs`.
    sentences : list of (int, int)
        Sentence offsets, from :func:`policy_nlp.stages.paragraphs.find_sentences`.

    Returns
    -------
    list of dict
        One dict per list, sorted by the start of its first item:

        - ``family``: the marker style of the first item (see the module notes),
        - ``level``: depth in the outline, 0 at the top,
        - ``items``: ``[{"start", "end", "marker"}]``; ``text[start:end]``
          begins with ``marker``,
        - ``parent``, ``parent_item``: index of the enclosing list in the
          returned list and of its item containing this list, or None,
        - ``claim``: ``{"start", "end", "text", "number"}`` of the phrase
          announcing the count, or None,
        - ``count_matches``: ``claim["number"] == len(items)``, or None,
        - ``gaps``: ``[{"after", "expected", "found"}]`` numbering breaks,
        - ``restart``: an earlier list of this family ran in the same container.

    Examples
    --------
    >>> from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences
    >>> text = ("我讲两点意见：\\n一、提高认识\\n要看到成绩。可以概括为三个方面："
    ...         "一是农业增产。二是工业增效。三是服务业增长。\\n二、狠抓落实\\n首先要抓好项目。")
    >>> paragraphs = find_paragraphs(text)
    >>> lists = find_lists(text, paragraphs, find_sentences(text, paragraphs))
    >>> [(l["family"], l["level"], len(l["items"]), l["parent"], l["parent_item"]) for l in lists]
    [('一、', 0, 2, None, None), ('一是', 1, 3, 0, 0)]
    >>> [text[i["start"]:i["end"]] for i in lists[1]["items"]]
    ['一是农业增产。', '二是工业增效。', '三是服务业增长。']
    >>> lists[0]["claim"]["text"], lists[0]["count_matches"]
    ('我讲两点意见', True)
    >>> lists[1]["claim"]["text"], lists[1]["claim"]["number"]
    ('可以概括为三个方面', 3)

    Decimals, dates, 第一次 and a lone 首先 are not lists:

    >>> text = "增长6.5%，2019.5.24召开第一次会议。首先要抓落实。"
    >>> find_lists(text, find_paragraphs(text), find_sentences(text))
    []
    """
    # read through hard wraps and blanks inside words (二⏎是); offsets mapped back
    view = ReadingView(text, paragraphs)
    return view.back(_find_lists(view.text, view.spans(paragraphs), view.spans(sentences)))


def _find_lists(text, paragraphs, sentences):
    """:func:`find_lists` on a text read as it is."""
    # Units cut from one long line are one paragraph to the outline: an
    # inline item runs on past a unit's end.
    paragraphs = physical_paragraphs(text, paragraphs)
    paragraphs = [tuple(p) for p in paragraphs]
    sentences = [tuple(s) for s in sentences]
    if not paragraphs or not text:
        return []
    candidates = _candidates(text)
    # headings cut off first: the paragraph before a page number is no heading (…水平。二、…水平　　3.建设…)
    paragraphs = _unglued_headings(text, paragraphs, candidates)
    candidates = _without_page_numbers(text, paragraphs, candidates)
    blocks = _blocks(text, paragraphs, {m.start: m for m in candidates})
    effective = [after_spaces(text, s, e) for s, e in blocks]
    markers = _placed_markers(text, blocks, effective, candidates)
    chapters = [effective[i] for i in range(len(blocks))
                if _CHAPTER.match(text, effective[i])]
    # a preview's notice of hidden text (……此处隐藏6492个字……) cuts the outline as a chapter does
    chapters = sorted(chapters + [m.start() for m in _HIDDEN.finditer(text)])
    block_lists, inline_lists = _build(text, blocks, markers, chapters)
    _assign(text, blocks, sentences, block_lists, inline_lists, chapters)
    # an inline heading whose list went to a smaller item (…二是…一、…（一）…（二）) holds nothing
    held = {id(lst.parent) for lst in block_lists + inline_lists if lst.parent is not None}
    inline_lists = [lst for lst in inline_lists if not lst.heading or id(lst) in held]
    # 三、 ¶ 实施…工程。… ¶ （二）…: the section's first sub-heading lost its marker
    _add_unmarked_first_items(text, blocks, block_lists + inline_lists, markers)
    # 1. 2. 3. under （一）, 4. 5. under （二): one list under the section holding both
    lists = sorted(_join_across_sections(block_lists + inline_lists, text, blocks, markers),
                   key=lambda l: l.items[0].start)
    _claims(text, blocks, sentences, lists)
    return _records(lists, chapters)


def _placed_markers(text, blocks, effective, candidates):
    """The candidates that fall inside a block, with their block and whether
    they open it; a marker that only counts at a block's start is dropped
    elsewhere."""
    block_starts = [s for s, _ in blocks]
    order = _block_order(text, blocks, effective, {m.start for m in candidates})
    markers = []
    for marker in candidates:
        block = bisect.bisect_right(block_starts, marker.start) - 1
        if block < 0 or marker.start >= blocks[block][1]:
            continue
        marker.block = block
        marker.initial = marker.start == effective[block]
        marker.order = order[block]
        if not marker.initial and _initial_only(marker, text):
            continue
        markers.append(marker)
    return markers


def _block_order(text, blocks, effective, marker_starts):
    """The place of each block among the blocks that are not photo captions
    (图为…, …（记者 X 摄）: :mod:`policy_nlp.lang.captions`): a caption line
    between two —— paragraphs does not part their list."""
    order, count = [], 0
    for (start, end), first in zip(blocks, effective):
        count += first in marker_starts or not is_caption(text[first:before_spaces(text, end, first)])
        order.append(count)
    return order


def _gaps(lst):
    """Breaks in a list's numbering: ``[{"after", "expected", "found"}]``."""
    gaps, expected = [], 1
    for i, item in enumerate(lst.items):
        if item.number is not None:
            if item.number != expected:
                gaps.append({"after": i - 1 if i else None,
                             "expected": expected, "found": item.number})
            expected = item.number + 1
        else:
            expected += 1
    return gaps


def _records(lists, chapters):
    """The output dicts of :func:`find_lists` (sorted ``lists``), with levels,
    parents, claims, gaps and restarts."""
    for index, lst in enumerate(lists):
        lst.index = index
    results, containers = [], set()
    for lst in lists:
        parent = lst.parent.index if lst.parent is not None else None
        parent_item = lst.parent_item if lst.parent is not None else None
        level = results[parent]["level"] + 1 if parent is not None else 0
        key = (lst.family, parent, parent_item,
               bisect.bisect_right(chapters, lst.items[0].start) if parent is None else None)
        claim = lst.claim
        number = claim["number"] if claim else None
        results.append({
            "family": lst.family,
            "level": level,
            "items": [{"start": s, "end": e, "marker": m.marker}
                      for (s, e), m in zip(lst.spans, lst.items)],
            "parent": parent,
            "parent_item": parent_item,
            "claim": claim,
            "count_matches": (number == len(lst.items)) if number is not None else None,
            "gaps": _gaps(lst) if lst.family != "——" else [],
            "restart": key in containers,
        })
        containers.add(key)
    return results
