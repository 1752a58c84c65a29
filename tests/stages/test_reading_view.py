"""The reading view: hard wraps and blanks inside words read through, offsets mapped back.

The sentences are from the local speeches development corpus (ids given);
each is mangled as ``benchmarks/mangling.py`` mangles pages (a line break
after every 28 characters; a blank between two ideographs), and what the
slogan and list finders find must be what they find on the clean text, at
offsets where ``text[start:end]`` is the span's text.
"""

import re

import numpy
from hypothesis import given, strategies as st

from policy_nlp.stages.enumerations import find_lists
from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences
from policy_nlp.stages.reading_view import ReadingView
from policy_nlp.stages.slogans import find_slogans

# dev-0006 (五个典范 and its members), dev-0044 (三个篇章, a copula's subject list)
SLOGANS = ("以讲政治、勤学习、抓落实、勇创新、争一流为工作要求,以美丽、文化、幸福、开放、平安五个典范为具体路径,"
           "以建设生态文明、乡村振兴、文旅融合发展、基层治理示范县创建为基本支撑,奋力建设美丽幸福家园为战略部署。"
           "市委、市政府提出深化开放兴区、借力加快发展,这是工作主线,是带有战略性的部署。我们抓招商引资、抓投资环境、"
           "抓工业园区,就是实施这一战略部署的三个篇章,三者是一个有机整体。在省“三个一批”活动的整体推动下,"
           "这次的观摩多是新项目,对中央八项规定精神的漠视,制定出台县“十四五”老龄事业发展和养老服务体系建设重点任务清单。")
# dev-0168: a 一是 list of three items after 三点突出感受
LIST = ("对于这次项目观摩,我有三点突出感受,也是观摩的欣慰之处。一是各县(市、区)凝心聚力、竞相发展的态势已非常鲜明非常坚定和坚决。"
        "二是在市委市政府和各县(市、区)党委政府高度重视下、在省“三个一批”活动的整体推动下,这次的观摩多是新项目,"
        "并且项目整体品质有了明显提升,与去年4月份观摩项目情况形成了鲜明对比。"
        "三是主导产业更加鲜明,特色产业迅速壮大,围绕现代产业体系构建未来产业体系的理念正在深入人心。")


def hard_wrapped(text, width=28):
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def wrapped_copies(text):
    """``(width, copy)`` hard-wrapped at the widths of PDF lines where the
    paragraphs join every wrap back (their own decisions, tested in
    test_paragraphs: a line that ends at a sentence end or a closing bracket
    ends a paragraph)."""
    for width in range(16, 48):
        copy = hard_wrapped(text, width)
        if len(find_paragraphs(copy)) == 1:
            yield width, copy


def spaced(text, words):
    """A blank inside each of ``words`` (after its first character), as pages leave them."""
    for word in words:
        text = text.replace(word, word[0] + " " + word[1:])
    return text


def _plain(text):
    return re.sub(r"\s", "", text)


def slogan_signature(text):
    found = find_slogans(text)
    for span in found:
        assert text[span["start"]:span["end"]] == span["text"]
        for member in span["members"]:
            assert text[member["start"]:member["end"]] == member["text"]
    return [(_plain(s["text"]), s["kind"], s["number"], [_plain(m["text"]) for m in s["members"]]) for s in found]


def list_signature(text):
    paragraphs = find_paragraphs(text)
    found = find_lists(text, paragraphs, find_sentences(text, paragraphs))
    for lst in found:
        for item in lst["items"]:
            assert text[item["start"]:item["end"]].startswith(item["marker"])
        if lst["claim"]:
            assert text[lst["claim"]["start"]:lst["claim"]["end"]] == lst["claim"]["text"]
    return [(lst["family"], [_plain(text[i["start"]:i["end"]]) for i in lst["items"]],
             lst["claim"] and _plain(lst["claim"]["text"])) for lst in found]


def test_formulations_and_members_survive_hard_wraps():
    clean = slogan_signature(SLOGANS)
    assert ("五个典范", "numbered", 5, ["美丽", "文化", "幸福", "开放", "平安"]) in clean
    assert ("三个篇章", "numbered", 3, ["抓招商引资", "抓投资环境", "抓工业园区"]) in clean
    words = {"五个典范", "三个篇章", "八项规定", "三个一批", "平安"}
    cut = set()
    for width, wrapped in wrapped_copies(SLOGANS):     # at some widths, a wrap falls inside each word
        cut |= {word for word in words if word not in wrapped}
        assert slogan_signature(wrapped) == clean, width
    assert cut == words


def test_formulations_and_members_survive_blanks_between_ideographs():
    clean = slogan_signature(SLOGANS)
    assert slogan_signature(spaced(SLOGANS, ["五个典范", "三个篇章", "十四五", "八项规定", "三个一批", "美丽"])) == clean


def test_lists_survive_hard_wraps_and_blanks():
    clean = list_signature(LIST)
    assert clean == [("一是", clean[0][1], "我有三点突出感受")] and len(clean[0][1]) == 3
    markers_cut = 0
    for width, wrapped in wrapped_copies(LIST):
        markers_cut += "二\n是" in wrapped or "三\n是" in wrapped
        assert list_signature(wrapped) == clean, width
    assert markers_cut
    assert list_signature(spaced(LIST, ["二是", "三是", "突出感受"])) == clean


def test_a_clean_text_is_its_own_view():
    view = ReadingView(SLOGANS)
    assert view.is_identity and view.text is SLOGANS
    records = [{"start": 0, "end": 2, "text": SLOGANS[:2]}]
    assert view.back(records) is records


def test_breaks_between_paragraphs_and_blanks_before_items_stay():
    # dev-0104: the blank before 一是 ends a heading, as a line break would
    text = "一、高度重视,切实增强扫黑除恶专项斗争的紧迫感 一是要进一步提高政治站位。\n二是压实责任 坚决斗争。"
    view = ReadingView(text)
    assert view.text == "一、高度重视,切实增强扫黑除恶专项斗争的紧迫感 一是要进一步提高政治站位。\n二是压实责任坚决斗争。"


@given(st.lists(st.sampled_from(["甲", "乙", " ", "\n", "，", "。", "a"]), max_size=80))
def test_every_character_of_the_view_maps_back_to_itself(chars):
    text = "".join(chars)
    view = ReadingView(text)
    for i, char in enumerate(view.text):
        assert text[view.start_in_text(i)] == char
        assert view.to_view(view.start_in_text(i)) == i
        assert view.end_in_text(i + 1) == view.start_in_text(i) + 1


def _tokens(words):
    """(start, end) of ``words`` laid end to end."""
    offsets, start = [], 0
    for word in words:
        offsets.append((start, start + len(word)))
        start += len(word)
    return offsets


def test_a_word_the_segmenter_cut_at_a_blank_is_one_token_in_the_view():
    # dev-0029: 三个重点 confirmed by the three items before it; the segmenter
    # cuts 重 点 of the spaced copy in two, which would end the head at 重
    words = ["突出", "抓好", "水库", "安全", "度汛", "、", "山洪", "灾害", "防御", "和", "中小", "河流", "防洪",
             "安全", "三", "个", "重点", ",", "确保"]
    clean = "".join(words)
    cut = words[:16] + ["重", " ", "点"] + words[17:]
    mangled = "".join(cut)
    view = ReadingView(mangled)
    assert view.tokens(_tokens(cut)) == _tokens(words)
    assert view.tokens(numpy.array(_tokens(cut))).tolist() == [list(pair) for pair in _tokens(words)]
    found = [(_plain(s["text"]), s["number"]) for s in find_slogans(mangled, tokens=_tokens(cut))]
    assert found == [(s["text"], s["number"]) for s in find_slogans(clean, tokens=_tokens(words))] == [("三个重点", 3)]


def test_a_blank_before_separating_punctuation_is_read_through():
    # dev-0002: the agenda of a meeting; a blank between 一 and 、 hid the first item
    clean = ("今天的会议主要有三项议程。\n一、请安监局 *局长宣读《关于全县安全事故情况的通报》;\n"
             "二、请 *同志讲话\n三、请 *县长讲话\n会议的主要议程就进行到这里。")
    assert [(family, len(items)) for family, items, _ in list_signature(clean)] == [("一、", 3)]
    assert list_signature(clean.replace("一、", "一 、")) == list_signature(clean)
    # a blank before a closing quote stays (the finders trim a quotation's blanks)
    assert ReadingView("说什么是“可怕的威胁 ”。").text == "说什么是“可怕的威胁 ”。"
