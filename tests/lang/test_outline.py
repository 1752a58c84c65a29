"""Heading lines of an outline (policy_nlp.lang.outline), read by the enumerations stage and the
members step of headings."""

import re

import pytest

from policy_nlp.lang.outline import HEADING_LINE, is_heading_title, section_heading_above

_NO_COMMA = re.compile("[。，]")     # the members step's section titles (slogans.members.headings)


def _below(line, after="实施重点企业链式培育工程。"):
    """A text whose second line follows ``line``, and where that second line starts."""
    return line + "\n" + after, len(line) + 1


@pytest.mark.parametrize("line, heading", [
    ("三、重点任务", True),
    ("\u3000\u3000三、重点任务\u3000 ", True),            # indented, trailing blanks aside
    ("十一、" + "主" * 20, True),                          # a title of the most characters
    ("三、" + "主" * 21, False),                          # longer: a paragraph
    ("三、重点任务，分工如下", False),                     # a comma: no title
    ("三、重点任务。", False),
    ("三、", False),                                      # a marker with no title
    ("（三）重点任务", False),                             # only 一、 numbers sections here
])
def test_a_section_heading_is_a_marker_and_a_short_title_on_a_line_of_its_own(line, heading):
    text, a = _below(line)
    assert section_heading_above(text, a, 20, _NO_COMMA) is heading


def test_only_the_line_right_above_is_read():
    text = "三、重点任务\n实施重点企业链式培育工程。\n（二）实施场景赋能千企千景工程。"
    assert section_heading_above(text, text.index("（二）"), 20, _NO_COMMA) is False
    assert section_heading_above(text, text.index("实施"), 20, _NO_COMMA) is True
    assert section_heading_above(text, text.index("实施") + 1, 20, _NO_COMMA) is False   # not a line's start


def test_a_heading_title_is_short_and_ends_no_sentence():
    text = "一、总体要求"
    assert is_heading_title(text, 2, len(text))
    assert not is_heading_title("一、" + "要" * (HEADING_LINE + 1), 2, HEADING_LINE + 3)
    # the enumerations stage allows a comma in a heading's title, not a sentence end
    assert is_heading_title("一、加强学习，提高素质", 2, 11)
    assert not is_heading_title("一、加强学习。提高素质", 2, 11)
