"""A section's first sub-heading printed without its marker (``enumerations.unmarked``)."""

from conftest import lists_of, lists_outline as outline


# policy_docs shandong-15 (the provincial development gold: 加强组织协调 is item one of （二）（三）（四)),
# items shortened
SHANDONG_15 = ("    三、重点任务\n"
               "    实施重点企业链式培育工程。围绕人工智能基础层、技术层和应用层，聚焦完善产业重点领域。\n"
               "    1.培育人工智能领军企业。支持企业建设人工智能制造业创新中心。\n"
               "    2.引进孵化人工智能创新型企业。积极引进国内外研究机构。\n"
               "    （二）实施场景赋能千企千景工程。以人工智能赋能制造业。\n"
               "    3.推动人工智能产业链发展。发挥龙头企业示范带动作用。\n"
               "    4.加快重点产品研发及规模化发展。以市场需求为牵引。\n"
               "    （三）实施公共平台创建提升工程。推动搭建开源开放平台。\n"
               "    四、保障措施\n"
               "    加强组织协调。在工信部和省人工智能先导区工作专班的指导下，充分发挥市人工智能工作专班的作用。\n"
               "    （二）加大政策支持。引导企业加大重点领域关键共性技术研发。\n"
               "    （三）搭建赋能平台。开展“千企千景”对接活动。\n"
               "    （四）广泛宣传引导。总结梳理各行业人工智能的先进理念。\n")


def test_a_section_whose_first_sub_heading_lost_its_marker():
    text = SHANDONG_15
    lists = lists_of(text)
    assert outline(text, lists) == [
        ("一、", 2, "三、重点任务", None, None, [{"after": None, "expected": 1, "found": 3}]),
        ("（一）", 3, "实施重点企业", 0, 0, []),
        ("1.", 4, "1.培育人工", 0, 0, []),          # runs on across the sub-sections: under 三、
        ("（一）", 4, "加强组织协调", 0, 1, []),
    ]
    first = lists[3]["items"][0]
    assert first["marker"] == ""
    assert text[first["start"]:first["end"]] == (
        "加强组织协调。在工信部和省人工智能先导区工作专班的指导下，充分发挥市人工智能工作专班的作用。")


def test_a_first_paragraph_unlike_the_sub_headings_is_no_item():
    # the section opens with prose (a first sentence longer than a headline): the list keeps its gap
    text = SHANDONG_15.replace("加强组织协调。在工信部", "加强组织协调，在工信部")
    lists = lists_of(text)
    assert outline(text, lists)[3] == ("（一）", 3, "（二）加大政", 0, 1, [{"after": None, "expected": 1, "found": 2}])


def test_a_list_written_in_the_unmarked_section_goes_under_it():
    text = SHANDONG_15.replace("在工信部和省人工智能先导区工作专班的指导下，充分发挥市人工智能工作专班的作用。",
                               "一是建立协同推进机制。二是组建人工智能产业创新联盟。")
    lists = lists_of(text)
    inline = next(l for l in lists if l["family"] == "一是")
    assert (inline["parent"], inline["parent_item"]) == (3, 0)       # 加强组织协调。, not 四、
    assert outline(text, lists)[3][:3] == ("（一）", 4, "加强组织协调")
