"""The one numeral parser (policy_nlp.lang.numerals)."""

import json
import re

import pytest

from conftest import shared_path
from policy_nlp.lang.numerals import chinese_int, digit_string, document_year, number, parse_year
from policy_nlp.stages.cleaning import parse_date

_DIGIT_NAMES = "零一二三四五六七八九"


def _written(n):
    """``n`` (1–99,999) as a Chinese numeral, the way policy text writes it (一万零五百, 十四)."""
    parts, zero = [], False
    for unit, name in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(("" if unit == 10 and not parts and digit == 1 else _DIGIT_NAMES[digit]) + name)
            zero = False
        else:
            zero = True
    return "".join(parts)


def test_every_number_up_to_a_hundred_thousand_reads_back():
    assert _written(14) == "十四" and _written(10_500) == "一万零五百"
    for n in range(1, 100_000):
        assert chinese_int(_written(n)) == n, _written(n)


@pytest.mark.parametrize("numeral, value", [
    ("十四", 14), ("二十一", 21), ("一千五百", 1500), ("两万", 20000), ("一百零五", 105), ("一万零五百", 10500),
    ("两", 2), ("〇", 0), ("12", 12), ("１２", 12), ("九十九", 99),
])
def test_numbers_in_policy_text(numeral, value):
    assert number(numeral) == value


@pytest.mark.parametrize("run", ["九二", "四两", "十十", "百千", "", "几", "双", "十二点"])
def test_runs_that_are_not_one_number(run):
    assert number(run) is None


def test_years_written_digit_by_digit():
    assert [digit_string(s) for s in ("二〇二六", "二○一九", "二ＯＯ八", "一九四九")] == [2026, 2019, 2008, 1949]
    assert digit_string("两〇二〇") is None and digit_string("二十") is None and digit_string("") is None


def test_year_of_metadata_values():
    assert [parse_year(v) for v in ("2019", " 2012-06-15", 2020, "2012年6月")] == [2019, 2012, 2020, 2012]
    assert [parse_year(v) for v in ("20190", "0999", "unknown", None, True)] == [None] * 5
    assert document_year({"year": None, "date": "2012-06-15"}) == 2012
    assert document_year({"year": "unknown"}) is None and document_year(None) is None


def test_datelines_of_the_party_congress_reports():
    """Every date the congress reports write in Chinese numerals reads as an ISO date."""
    path = shared_path("corpora", "national", "cpc_congress_reports.jsonl")
    date = re.compile(r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
    checked = 0
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        for match in date.finditer(record["content"]):
            iso = parse_date(match.group())
            assert iso is not None, match.group()
            assert iso[:4] == str(digit_string(match.group()[:4])) and 1900 < int(iso[:4]) < 2030
            checked += 1
    assert checked >= 15


def test_news_date_is_a_lead_date_in_digits():
    from policy_nlp.lang.numerals import NEWS_DATE
    lead = re.compile(NEWS_DATE)
    # real leads of local news reports (dev-0015, dev-0140) and a dated one
    assert [lead.match(s).group() for s in ("3月16日,城东区召开区委农村工作会议。",
                                            "3月14日下午,罗塘街道(科技园区)召开2019年度总结表彰暨机关作风建设大会",
                                            "2019年7月30日上午,丰溪街道召开会议。")] == ["3月16日", "3月14日", "2019年7月30日"]
    # no day, or a date in Chinese numerals (a dateline of a speech): no news lead date
    assert not lead.match("3月份,城东区召开区委农村工作会议。") and not lead.match("二〇一九年三月十六日")
