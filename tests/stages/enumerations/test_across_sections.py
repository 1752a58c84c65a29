"""Numbering that runs on across sections (``enumerations.across``): one list, parent the section
holding the sub-sections; numbering that restarts in each sub-section stays one list each."""

from conftest import lists_of, lists_outline as outline


# policy_docs shandong-30 (the provincial development gold: one 1.–8. list here, parent 三、), items shortened
SHANDONG_30 = ("三、重点任务\n\n（一）增强技术创新能力\n\n"
               "1.强化关键技术攻关。推动高校院所、企业组建大模型协同创新联合体。\n\n"
               "2.搭建创新平台体系。研制大模型评测基准及评测方法。\n\n"
               "3.培强企业创新载体。鼓励企业与高校院所、产业园区共建联合实验室、创新中心。\n\n"
               "（二）提升产品供给水平\n\n"
               "4.加快大模型产品研发。支持大模型企业加强插件、软件、硬件研发。\n\n"
               "5.强化高质量数据供给。探索打造数据训练基地，持续扩展多模态数据来源。\n\n"
               "（三）塑强产业主体优势\n\n"
               "7.招引培育重点企业。支持大模型领域科研团队汇聚。\n\n"
               "8.推动产业融通发展。加强大模型产业上游核心要素供给企业同中游研发制造企业的交流合作。\n\n"
               "四、保障措施\n\n（一）加强组织领导。发挥省数字经济发展联席会议统筹协调作用。\n\n"
               "（二）强化行业指导。研究制定相关政策。\n")


def test_numbering_running_across_sub_sections_is_one_list_under_their_section():
    text = SHANDONG_30.replace("（三）塑强", "6.夯实智能算力基础。适度超前建设智能算力中心。\n\n（三）塑强")
    lists = lists_of(text)
    assert outline(text, lists) == [
        ("一、", 2, "三、重点任务", None, None, [{"after": None, "expected": 1, "found": 3}]),
        ("（一）", 3, "（一）增强技", 0, 0, []),
        ("1.", 8, "1.强化关键", 0, 0, []),          # the sub-headings' section, not （一）
        ("（一）", 2, "（一）加强组", 0, 1, []),
    ]
    items = lists[2]["items"]
    assert [text[i["start"]:i["end"]] for i in items[3:5]] == [
        "4.加快大模型产品研发。支持大模型企业加强插件、软件、硬件研发。",
        "5.强化高质量数据供给。探索打造数据训练基地，持续扩展多模态数据来源。"]
    assert [i["marker"] for i in items] == [f"{n}." for n in range(1, 9)]
    assert not lists[2]["restart"]


def test_a_number_missing_between_sub_sections_keeps_them_apart():
    # 5. then 7.: the list under （三） does not run on, keeps its parent and its gap
    lists = lists_of(SHANDONG_30)
    assert [(len(l["items"]), l["parent"], l["parent_item"], l["gaps"]) for l in lists if l["family"] == "1."] == [
        (5, 0, 0, []), (2, 1, 2, [{"after": None, "expected": 1, "found": 7}])]


def test_numbering_that_restarts_in_each_sub_section_stays_one_list_each():
    # policy_docs shandong-19: 1.–4. under （一）, 1.–2. again under （二）
    text = ("二、重点任务\n\n（一）医疗健康产业数字化转型\n\n"
            "1.推进全民健康信息平台建设。\n\n2.加快省市两级医疗保障数据中心建设。\n\n"
            "（二）电子商务产业数字化转型\n\n"
            "1.鼓励线上平台与实体商业深度合作，发展“云商场”“云展会”等线上运营模式。\n\n"
            "2.组织开展直播电商、“乐购促消周”等促消费活动，促进品牌消费、品质消费。\n\n"
            "三、保障措施\n\n加强组织领导。\n")
    assert [(l["family"], len(l["items"]), l["parent"], l["parent_item"]) for l in lists_of(text)] == [
        ("一、", 2, None, None), ("（一）", 2, 0, 0), ("1.", 2, 1, 0), ("1.", 2, 1, 1)]


def test_bracketed_numbers_running_across_outline_headings_are_one_top_level_list():
    # policy_docs central-38: （一）–（八） straight across 一、二、三、 (items shortened)
    text = ("一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n"
            "（二）基本原则。坚持政策引导，加强部门、地方、企业协调联动。\n"
            "（三）发展目标。绿色动力关键技术取得突破。\n"
            "二、优先发展绿色动力技术\n（四）积极稳妥发展LNG动力船舶。加快内河船用LNG发动机迭代升级。\n"
            "（五）加快发展电池动力船舶。加强船用动力电池、电池管理系统等技术集成和优化。\n"
            "（六）推动甲醇、氢等动力技术应用。加快船用甲醇发动机研发。\n"
            "三、加快推进智能技术研发应用\n（七）加快先进适用安全环保智能技术应用。降低船舶安全风险和船员劳动强度。\n"
            "（八）推动新一代智能航行船舶技术研发应用。加强新型数字化智能船用设备研发。\n")
    lists = lists_of(text)
    assert [(l["family"], len(l["items"]), l["level"], l["parent"], l["gaps"]) for l in lists] == [
        ("一、", 3, 0, None, []), ("（一）", 8, 0, None, [])]
    assert text[lists[1]["items"][7]["start"]:lists[1]["items"][7]["end"]] == \
        "（八）推动新一代智能航行船舶技术研发应用。加强新型数字化智能船用设备研发。"


# policy_docs shandong-50: 1.–29. straight on across （一）–（十一）; （七） and （九） hold one item each, （十一） the
# last one (items shortened)
SHANDONG_50 = ("三、产业链科技攻关方向\n\n（六）高端化工产业链。\n\n"
               "20.煤与石油清洁高效利用。发展绿色合成、二氧化碳规模化捕集封存和利用等绿色低碳技术。\n\n"
               "21.高端功能化学品。面向医药、电子、新能源等领域，大力发展精细化工。\n\n"
               "（七）农机装备产业链。\n\n"
               "22.智能农机。开展动力、传动、电液及智能控制系统等核心部件研究。\n\n"
               "（八）医药产业链。\n\n"
               "23.新药创制。突破新型疫苗、抗体药物、核酸药物等新型生物药物。\n\n"
               "24.医疗器械。聚焦精准医疗和个性化医疗需求，研究高端影像诊断技术。\n\n"
               "（九）工程机械产业链。\n\n"
               "25.工程机械。研发纯电动、静液压、油电混合动力推土机。\n\n"
               "（十）轻工产业链。\n\n"
               "26.现代食品。突破营养稳态化靶向递送、风味品质修饰等技术。\n\n"
               "27.智能家电。突破家庭智能感知、交互、控制等技术。\n\n"
               "（十一）纺织服装产业链。\n\n"
               "29.高端纺织材料与装备。突破功能纤维产品、产业用纺织品等技术。\n\n"
               "四、推进措施\n\n（一）强化关键核心技术攻坚。加强应用导向的基础研究。\n\n"
               "（二）推动创新平台提质增效。构建使命导向、应用牵引的实验室体系。\n")


def test_a_sub_section_of_one_item_bridges_the_numbering_around_it():
    text = SHANDONG_50.replace("29.高端纺织", "28.高端纺织")
    lists = lists_of(text)
    numbered = [l for l in lists if l["family"] == "1."]
    assert [(len(l["items"]), l["parent"], l["parent_item"]) for l in numbered] == [(9, 0, 0)]   # under 三、
    items = numbered[0]["items"]
    assert [i["marker"] for i in items] == [f"{n}." for n in range(20, 29)]
    assert text[items[2]["start"]:items[2]["end"]] == "22.智能农机。开展动力、传动、电液及智能控制系统等核心部件研究。"
    assert text[items[-1]["start"]:items[-1]["end"]] == "28.高端纺织材料与装备。突破功能纤维产品、产业用纺织品等技术。"
    assert numbered[0]["gaps"] == [{"after": None, "expected": 1, "found": 20}]


def test_a_lone_item_numbered_off_the_run_stays_apart():
    # 27. then 29.: the last sub-section's item does not go on with the numbering
    lists = lists_of(SHANDONG_50)
    numbered = [l for l in lists if l["family"] == "1."]
    assert [i["marker"] for i in numbered[0]["items"]][-1] == "27."
