"""Traditional-script detection: the counting rule, and the s2t dictionaries left unloaded."""

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_nlp.stages import script

MIXED = "在全縣安監站長會議上的講話同志們今年即將過去新的一年又將開始发会议经济乾隆abc，。"


def _rule(text):
    traditional, simplified = script.script_counts(text)
    return traditional >= script.MIN_TRADITIONAL and traditional >= script.RATIO * simplified


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MIXED, max_size=60))
def test_is_traditional_is_the_counting_rule(text):
    assert script.is_traditional(text) == _rule(text)


def test_a_simplified_text_does_not_load_s2t():
    for cached in (script.opencc_converter, script._simplified_char, script._simplified_only):
        cached.cache_clear()
    assert not script.is_traditional("同志们，今年即将过去，新的一年又将开始。乾隆")
    assert script.opencc_converter.cache_info().currsize == 1  # t2s only
    assert script.is_traditional("在全縣安監站長會議上的講話。同志們，今年即將過去。")
