"""The heading lines of a text's outline, read as strings: a heading is an outline marker
and a short title with no sentence end on a line of its own (三、重点任务 ⏎ 实施重点企业链式
培育工程。… ⏎ （二）…: a list's items under it).

Two stages read these lines: the enumerations stage (a marker glued to a heading line, and a
section's first sub-heading printed without its marker, :mod:`~policy_nlp.stages.enumerations.unmarked`),
and the members step that reads a formulation's members from the headings of a later list
(:mod:`~policy_nlp.stages.slogans.members.headings`), which runs before the enumerations stage
and cannot import it. Each passes its own title length and stops (a heading the members step
takes is shorter and has no comma).

>>> is_heading_title("三、重点任务", 2, 6)
True
>>> is_heading_title("一、实施重点企业链式培育工程。", 2, 16)
False
>>> text = "三、重点任务\\n实施重点企业链式培育工程。"
>>> section_heading_above(text, text.index("\\n") + 1, 20), section_heading_above(text, 0, 20)
(True, False)
"""

import re

from policy_nlp.lang.chars import BLANK, SENTENCE_END_RE, before_blanks
from policy_nlp.lang.numerals import ITEM_NUMERALS

__all__ = ["HEADING_LINE", "SECTION_MARKER", "is_heading_title", "section_heading_above"]

HEADING_LINE = 40      # characters of a heading's title at most (a longer line is a paragraph)

# a section heading's marker opening its line, maybe indented (三、, 十一、)
SECTION_MARKER = re.compile(f"[{BLANK}]*[{ITEM_NUMERALS}]{{1,2}}、")


def is_heading_title(text, start, end, most=HEADING_LINE, stops=SENTENCE_END_RE):
    """Whether ``text[start:end]``, what follows a heading's marker to its line's end, is a title.

    Parameters
    ----------
    text : str
    start, end : int
        The title's span (after the marker; to the line's end, or to the next marker where a
        page lost the line break).
    most : int
        The most characters a title holds.
    stops : re.Pattern
        The marks no title holds: a line that ends a sentence is a paragraph opening with a
        marker, not a heading.

    Returns
    -------
    bool
    """
    return end - start <= most and not stops.search(text, start, end)


def section_heading_above(text, a, most, stops=SENTENCE_END_RE):
    """Whether the line above the line that starts at ``a`` is a section heading: a
    :data:`SECTION_MARKER` and a title of at least one character (:func:`is_heading_title`,
    its trailing blanks aside)."""
    if text[a - 1:a] != "\n":
        return False
    marker = SECTION_MARKER.match(text, text.rfind("\n", 0, a - 1) + 1, a - 1)
    if marker is None:
        return False
    end = before_blanks(text, a - 1)        # 、 is no blank: the title ends at the marker at the earliest
    # a marker and blanks only (三、　⏎重点任务): the title is the next line, no first item
    return end > marker.end() and is_heading_title(text, marker.end(), end, most, stops)
