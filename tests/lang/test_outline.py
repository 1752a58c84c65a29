"""Heading lines of an outline (policy_nlp.lang.outline), read by the enumerations stage and the
members step of headings."""

import re

import pytest
from hypothesis import given, strategies as st

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


# review9: the members step's section line as a single pattern (its former _SECTION_LINE, whose title
# could be blanks only: now it holds a character other than a blank): the reading through
# lang.outline must agree with it on any text, blanks, \r and stray marks included
_SECTION_LINE = re.compile(r"[ \u3000\u00a0\t]*[一二三四五六七八九十]{1,2}、(?=[ \u3000\u00a0\t]*[^。，\n \u3000\u00a0\t])"
                           r"[^。，\n]{1,20}[ \u3000\u00a0\t]*\n")


@given(st.text(alphabet=st.sampled_from("三十一二、重点任务。，！：\n\n \u3000\u3000\t\u00a0\r（）1１"), max_size=60))
def test_section_heading_above_reads_the_section_line(text):
    for a in range(1, len(text) + 1):
        expected = _SECTION_LINE.fullmatch(text, text.rfind("\n", 0, a - 1) + 1, a) is not None
        assert section_heading_above(text, a, 20, _NO_COMMA) is expected


@pytest.mark.parametrize("line, heading", [
    ("十、重点任务", True),
    ("二十一、重点任务", False),     # three numerals: past the outlines read (二十一、 is rare)
    ("１、重点任务", False),         # digits number items, not sections
    ("（十）重点任务", False),
    ("三、\u3000", False),          # a marker and blanks: its title is on the next line (was True)
])
def test_section_markers_at_the_edges(line, heading):
    text, a = _below(line)
    assert section_heading_above(text, a, 20, _NO_COMMA) is heading
