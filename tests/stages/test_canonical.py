"""One canonical form per formulation (:mod:`policy_nlp.stages.canonical`)."""

import pytest

from policy_nlp.stages.canonical import canonical, canonical_members


def test_canonical_groups_variants():
    assert len({canonical(v) for v in ["十三五", "“十三五”", "‘十三五’", "＂十三五＂", "十 三 五", "「十三五」"]}) == 1
    assert canonical("放、管、服") == canonical("放管服")
    assert canonical("１＋Ｎ") == canonical("1+N") == "1+N"
    assert canonical_members(["经济建设", "政治建设"]) == canonical_members(["“经济建设”", "政治 建设"])
    assert canonical("兩學一做") == canonical("两学一做")


def test_the_old_to_simplified_of_canonical_is_script_simplified():
    # a phrase conversion whose length may change; script.to_simplified keeps the length
    from policy_nlp.stages import canonical as module
    from policy_nlp.stages.script import simplified, to_simplified
    assert simplified("在全縣安監站長會議上的講話") == "在全县安监站长会议上的讲话"
    assert to_simplified("會(huì)議", skip=[(1, 6)])[0] == "会(huì)议"
    with pytest.warns(DeprecationWarning, match="script.simplified"):
        assert module.to_simplified is simplified
    with pytest.raises(AttributeError):
        module.no_such_name


def test_the_old_has_opencc_warns_and_is_true():
    # polish22: kept for code written when opencc was optional; used by nothing, documented nowhere
    from policy_nlp.stages import canonical as module
    with pytest.warns(DeprecationWarning, match="opencc is a dependency"):
        assert module.has_opencc() is True
    assert "has_opencc" not in module.__all__
