"""Word lists as data files (policy_nlp.lang.words)."""

import re

import pytest

from policy_nlp.lang import words as word_lists
from policy_nlp.lang.words import DATA, alternation, either, word_set, words
from policy_nlp.stages.cleaning import clean_text
from policy_nlp.stages.slogans import find_slogans

LISTS = sorted(path.stem for path in DATA.glob("*.txt"))


@pytest.mark.parametrize("name", LISTS)
def test_every_list_says_where_it_comes_from_and_loads(name):
    header = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# ") and len(header) > 40
    assert words(name) and len(set(words(name))) == len(words(name))


def test_lists_are_read_once():
    assert words("idioms") is words("idioms")


def test_bad_lists_are_named(tmp_path, monkeypatch):
    monkeypatch.setattr(word_lists, "DATA", tmp_path)
    for function in (words, word_set, alternation):
        function.cache_clear()
    try:
        (tmp_path / "twice.txt").write_text("# a list\n工程 战略\n工程\n", encoding="utf-8")
        with pytest.raises(ValueError, match=r"twice\.txt:3: '工程' is listed twice"):
            words("twice")
        (tmp_path / "bare.txt").write_text("工程\n", encoding="utf-8")
        with pytest.raises(ValueError, match=r"bare\.txt: the first line"):
            words("bare")
        with pytest.raises(FileNotFoundError, match="no word list 'absent'"):
            words("absent")
    finally:
        for function in (words, word_set, alternation):
            function.cache_clear()


def test_an_alternation_keeps_the_longer_word_first():
    """打印本页 must be tried before 打印, or a page-tool line is cut in the middle."""
    order = words("page_tool_words")
    assert order.index("打印本页") < order.index("打印")
    assert re.match(alternation("page_tool_words"), "打印本页").group() == "打印本页"


def test_either_tries_a_word_before_its_prefix_when_asked():
    """乡 tried before 乡镇 reads 各乡镇 as 各乡 (local excerpt dev-0183; places' units are alternated so)."""
    sentence = "请各乡镇、各部门抓好贯彻落实。"
    assert re.search(either(["乡", "乡镇"], longest_first=True), sentence).group() == "乡镇"
    assert re.search(either(["乡", "乡镇"]), sentence).group() == "乡"
    assert re.fullmatch(either(["1+N", "三农"]), "1+N")          # escaped: + is no quantifier


def test_the_lists_drive_the_stages():
    # an idiom is not a formulation, a head from the list makes one
    assert "一心一意" in word_set("idioms") and "攻坚战" in words("slogan_heads")
    found = [s["text"] for s in find_slogans("要推进三大攻坚战，一心一意谋发展。")]
    assert found == ["三大攻坚战"]
    # a leader glued to the title is read as the speaker
    cleaned = clean_text("在全国组织工作会议上的讲话（2018年7月3日）习近平同志们：今天开会。")
    assert cleaned.meta.get("speaker") == "习近平"
