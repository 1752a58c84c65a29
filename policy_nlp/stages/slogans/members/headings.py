"""The member step that reads members written as the headings of a list
far after the formulation (13): a count of a head of two characters or more
(四项工程, 三大经济圈) whose members are the first list after it of exactly
that many items each naming the head, near or sections later (通过实施
“四项工程”，… ⏎ 三、重点任务 ⏎ 实施重点企业链式培育工程。… （二）实施场景赋能千企
千景工程。… （四）实施创新生态营造优化工程。…, policy document shandong-15)."""

import re

from policy_nlp.lang.chars import BLANK, NEWLINES, line_end
from policy_nlp.lang.outline import section_heading_above
from policy_nlp.stages.slogans.members.following import _first_clause
from policy_nlp.stages.slogans.members.items import _member
from policy_nlp.stages.slogans.members.later import (_names_with_head, _ordinal_re, _ORDINAL_REACH, _ORDINAL_STYLES,
    _ordinal_items)


_HEADING_REACH = 6000   # characters to the list's first line: the farthest found is 1,743 (shandong-15); no other at 100,000


# a section heading on its own line (三、重点任务): a first item right after it
# with no marker, followed by （二）…, lost its （一） (shandong-15's 三、 and 四、);
# its title is short and has no comma (:func:`~policy_nlp.lang.outline.section_heading_above`)
_SECTION_TITLE = 20
_SECTION_TITLE_STOPS = re.compile("[。，]")


def _headings_naming_head_later(t):
    """(13) the first list of headings or items after the formulation's
    line, within :data:`_HEADING_REACH` characters, of exactly the number
    claimed, each item's first clause naming the head: the members are
    those names (:func:`_names_with_head`: 实施场景赋能千企千景工程 -> 场景赋能
    千企千景工程). A list with an item that does not name the head is passed by
    (a list of the text's next points, which may share a word with it), and
    one whose items name the formulation itself (十六大's four 贯彻“三个代表”
    重要思想，… paragraphs: they apply it, they are not its parts)."""
    head, text = t.head(), t.text
    if not (head and len(head) >= 2 and t.number and 2 <= t.number <= 10):
        return None
    for _, items in _heading_lists_after(t, _HEADING_REACH):
        named = _names_with_head(text, items, head)
        if named and not any(text[t.s:t.e] in x["text"] for x in items):
            return named
    return None


def _headings_named_before(t):
    """(13b) the first list of headings after the formulation's line, within
    :data:`_NAMED_REACH` characters, of exactly the number claimed, each a
    short name standing as its own sentence or line (（一）工业互联网。) that
    the text between the formulation and the list writes out already: the
    list spells out the parts just named (以“1+4”领域为先导 ⏎ --“1”个核心平台：
    …工业互联网… ⏎ --“4”个重点产业：智能轨道交通，…；智能家居，…；超高清视频，…；
    智慧医疗，… ⏎ （一）工业互联网。…（五）智慧医疗。, policy document
    shandong-15). A composite has no head, so :func:`_headings_naming_head_later`
    cannot read it; a list whose names are new is the text's next points."""
    if not (t.number and 2 <= t.number <= 10):
        return None
    for line, items in _heading_lists_after(t, _NAMED_REACH):
        if all(_named_between(t.text, t.qe, line, x) for x in items):
            return items
    return None


_NAMED_REACH = 2000   # characters to the list's first line: shandong-15's 1+4 is 240 before its （一）
_NAME_MAX = 10        # characters of a heading that is only a name


def _named_between(text, a, z, item):
    """Whether ``item`` is a short name ending its sentence or line whose
    words stand in ``text[a:z]``."""
    name = item["text"]
    return (2 <= len(name) <= _NAME_MAX and text[item["end"]:item["end"] + 1] in "。\r\n"
            and name in text[a:z])


def _heading_lists_after(t, reach):
    """Each list of ``t.number`` items opening a line after the formulation's,
    the line break before it within ``reach`` characters of the formulation:
    ``(that line break, the items)``, nearest first (:func:`_heading_list_at`)."""
    text = t.text
    stop, line = min(len(text), t.qe + reach), line_end(text, t.qe)
    while line != -1 and line < stop:
        items = _heading_list_at(text, line + 1, t.number)
        if items:
            yield line, items
        line = line_end(text, line + 1)


def _heading_list_at(text, a, number):
    """The items of a list of ``number`` opening at the line ``a``, or None;
    a line with no marker right after a section heading is the first item
    when the list of （二）… after it counts the rest (:data:`_SECTION_TITLE`)."""
    items = _ordinal_items(text, a, number)
    if items or not section_heading_above(text, a, _SECTION_TITLE, _SECTION_TITLE_STOPS):
        return items
    first = _member(text, *_first_clause(text, a))
    second = _second_ordinal_line(text, first["end"])
    rest = _ordinal_items(text, second, number, first=2) if second is not None else None
    return [first] + rest if first["text"] and rest else None


def _second_ordinal_line(text, p):
    """Where the nearest line after ``p`` opening with ordinal 2 of a style
    starts, when no ordinal 1 of that style comes before it, or None."""
    best, end = None, min(len(text), p + _ORDINAL_REACH)
    for style in _ORDINAL_STYLES:
        two, one = (_ordinal_re(f"[{NEWLINES}][{BLANK}]*", style, k).search(text, p, end) for k in (2, 1))
        if two and not (one and one.start() < two.start()) and (best is None or two.start() < best):
            best = two.start() + 1
    return best
