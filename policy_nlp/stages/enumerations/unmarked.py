"""A section's first sub-heading printed without its marker: 三、重点任务 ¶ 实施重点企业链式培育工程。… ¶
（二）实施场景赋能千企千景工程。… (policy_docs shandong-15). A reader counts the unmarked paragraph as
item one of the （二）（三）… list, whose section it opens."""

from policy_nlp.lang.chars import SENTENCE_END_RE, after_spaces, before_spaces
from policy_nlp.lang.outline import is_heading_title
from policy_nlp.stages.enumerations.markers import _HEADING_FAMILIES, _Marker
from policy_nlp.stages.enumerations.scopes import _prepend_paragraph_item

_HEADLINE = 20          # a headline sentence (实施重点企业链式培育工程。) is at most this long


def _headline(text, start, end):
    """The shape of the block ``text[start:end]`` read from ``start`` (after its marker):
    ``"sentence"`` when it opens with a headline sentence of at most ``_HEADLINE`` characters that
    more text follows, ``"line"`` when it is a heading line (at most ``_HEADLINE`` characters, no
    sentence end), else None."""
    end = before_spaces(text, end, start)
    found = SENTENCE_END_RE.search(text, start, min(end, start + _HEADLINE + 1))
    if found is not None:
        stop = found.start()
        return "sentence" if stop > start and stop + 1 < end else None
    return "line" if 0 < end - start <= _HEADLINE else None


def _unmarked_first(text, blocks, lst, starts):
    """The block that is the unmarked item one of ``lst``, or None.

    ``lst`` is a list of outline headings, each opening its paragraph, numbered from two and placed
    under an item that is a heading line of its own; the block right after that heading opens no
    marker (``starts``: the starts of every marker candidate) and is shaped as every item of ``lst`` is (a
    headline sentence, or a heading line), and ``lst``'s first item comes after it."""
    first = lst.items[0]
    if (lst.inline or lst.family not in _HEADING_FAMILIES or first.number != 2 or lst.parent is None
            or lst.parent.inline):
        return None
    heading = lst.parent.items[lst.parent_item]
    block = heading.block + 1
    start = after_spaces(text, blocks[block][0], blocks[block][1]) if block < len(blocks) else None
    line = before_spaces(text, blocks[heading.block][1], heading.end)
    if block >= first.block or start in starts or not heading.initial or not is_heading_title(text, heading.end, line):
        return None
    shapes = {_headline(text, item.end, blocks[item.block][1]) for item in lst.items}
    shape = _headline(text, start, blocks[block][1])
    return block if shape is not None and shapes == {shape} else None


def _add_unmarked_first_items(text, blocks, lists, markers):
    """Give each list numbered from two whose section's unmarked first paragraph is its item one
    (:func:`_unmarked_first`) that item: marker ``""``, number one, its span the paragraph, its
    scope up to the list's first item; the lists written in that scope under the heading go under it.
    ``markers``: every marker candidate placed in a block."""
    starts = {marker.start for marker in markers}
    for lst in lists:
        block = _unmarked_first(text, blocks, lst, starts)
        if block is None:
            continue
        start = after_spaces(text, blocks[block][0], blocks[block][1])
        starts.add(start)
        item = _Marker(start, start, lst.family, lst.group, 1, "")
        item.block, item.initial, item.order = block, True, lst.items[0].order
        holder, index = lst.parent, lst.parent_item
        for other in lists:
            if other.parent is lst:
                other.parent_item += 1
            elif other.parent is holder and other.parent_item == index and (
                    start <= other.items[0].start < lst.items[0].start):
                other.parent, other.parent_item = lst, 0
        _prepend_paragraph_item(text, blocks, lst, item)
    return lists
