"""One canonical form per formulation (:mod:`policy_nlp.stages.canonical`)."""

from policy_nlp.stages.canonical import canonical, canonical_members


def test_canonical_groups_variants():
    assert len({canonical(v) for v in ["十三五", "“十三五”", "‘十三五’", "＂十三五＂", "十 三 五", "「十三五」"]}) == 1
    assert canonical("放、管、服") == canonical("放管服")
    assert canonical("１＋Ｎ") == canonical("1+N") == "1+N"
    assert canonical_members(["经济建设", "政治建设"]) == canonical_members(["“经济建设”", "政治 建设"])
    assert canonical("兩學一做") == canonical("两学一做")
