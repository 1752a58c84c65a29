"""Count claims: the sentence that announces a list's count (我讲三点意见, 以下三个方面, “五个强化”) and
whether the items match it."""

import bisect
import re

from policy_nlp.lang.chars import CLAUSE_ENDS, IDEOGRAPH, STOPS, after_spaces, before_spaces
from policy_nlp.lang import numerals
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.lang.words import alternation
from policy_nlp.stages.slogans import parse_numbered
from policy_nlp.stages.slogans.counting import ARABIC_COUNT, COUNT_PREFIX, digits_as_numeral
from policy_nlp.stages.enumerations.blocks import _TERMINAL
from policy_nlp.stages.enumerations.scopes import _sentence_index


# a count (二 to 九十九, digits 1 to 99 full-width or not, or 几) and its measure word: 三个方面, 两点, 10项
_NUM = r"(?:[二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[两二三四五六七八九]|[1-9][0-9]?|[１-９][０-９]?|几)"
_MEASURE = f"(?:{alternation('claim_measures')})"
_COUNT = re.compile(
    rf"(?<![第\d０-９{ITEM_NUMERALS}两几])(?P<num>{_NUM})(?P<measure>{_MEASURE})"
    rf"(?=(?P<head>[{IDEOGRAPH}]{{0,12}}))")
_FORWARD = re.compile(r"以下|如下|下列|下面|这样|这么|这几|几|如次")
_CLAUSE_END = re.compile(f"[{STOPS}\r\n]")
_RETRO = re.compile(rf"\s*(?:以上|上述)(?P<num>{_NUM})(?P<measure>{_MEASURE})")
_PRONOUN = re.compile(r"我们|我")
_BAD_HEAD = re.compile(r"^(?:多|余|以上|左右|年|月|日|万|亿|元|倍|次|位|名|人)")


_QUOTED_LABEL = re.compile(rf"(?:^|[{CLAUSE_ENDS}\s])\s*(“([^“”]{{2,12}})”)$")
# a count of 1–20 in digits opening a quoted label (“5个强化”, as web copies write it)
_DIGIT_COUNT = re.compile(rf"^{ARABIC_COUNT}(?=[个项条点大])")


def _label(label):
    """A quoted label with a count in digits opening it written as the
    Chinese numeral (5个强化 -> 五个强化), as the formulation grammar reads it."""
    return _DIGIT_COUNT.sub(lambda m: digits_as_numeral(m.group()), label)


def _count_in(text, start, end, forward_only, size=None):
    """The last count phrase of ``text[start:end]`` with its clause, or None.

    Returns ``(start, end, number, firm)``. The count phrase must end its
    clause but for a short head (三点意见, 以下八个方面的特点): a *firm*
    claim has at most 10 characters after the measure word when the
    sentence ends with a colon or points forward (以下, 如下, 这样, 几),
    else 5. A count after 等 (包括A、B等五个部分) or with a head of up to 12
    characters is a *weak* claim, kept only when the list agrees with it.
    Counts inside quotes (“三个代表”), congresses (十九大), numbers
    outside 2–20 and a count of the parts of the count right before it
    (3方面11项重点任务, 8个方面16个风险: the list numbers the 方面) are not claims,
    unless the list of ``size`` items numbers those parts (共4个方面12条措施：1.…12.).
    """
    segment = text[start:end].rstrip()
    if not segment:
        return None
    colon = segment[-1] in "：:"
    stripped = segment.rstrip(CLAUSE_ENDS + "：:")
    label = _QUOTED_LABEL.search(stripped) if colon else None
    if label:
        # “两增”：一是…二是…, “三突破”：一是…: a quoted formulation as the label
        ok, number = parse_numbered(_label(label.group(2)))
        if ok and number is not None and 2 <= number <= 20:
            return start + label.start(1), start + label.end(1), number, True
    best, previous = None, -1
    for m in _COUNT.finditer(stripped):
        measure, head, numeral = m.group("measure"), m.group("head"), m.group("num")
        chained, previous = m.start() == previous, m.end()
        if chained and numerals.number(numeral) != size:
            continue                    # 3方面11项重点任务: the list numbers the 3 方面, not the 11 项 in them
        before = stripped[:m.start()]
        quoted = before.count("“") > before.count("”")
        if quoted:
            # a quoted formulation that ends the sentence before its colon
            # announces the list (有“三个多”：一是…), any other quoted count
            # is a name (“三个代表”)
            if not (colon and segment.rstrip()[:-1].rstrip().endswith("”")
                    and stripped.endswith(stripped[m.start():m.end()] + head + "”")):
                continue
        elif measure in ("个", "大") and not head or _BAD_HEAD.match(head):
            continue
        number = numerals.number(numeral) if numeral != "几" else None
        if number is not None and not (2 <= number <= 20 and (measure != "大" or number <= 10)):
            continue
        left = max((c.end() for c in _CLAUSE_END.finditer(stripped, 0, m.start())), default=0)
        right_match = _CLAUSE_END.search(stripped, m.end())
        right = right_match.start() if right_match else len(stripped)
        if len(_CLAUSE_END.findall(stripped, right)) > 1:
            continue                                        # only the last two clauses
        clause = stripped[left:right]
        offset = m.start() - left
        if right < len(stripped):
            tail = stripped[right + 1:].lstrip()
            ahead = _FORWARD.search(tail)
            if ahead and ahead.start() > 0 and not _COUNT.search(tail):
                continue                                    # …两步进行，具体流程如下： (not …五项议程，下面进行：)
        forward = bool(_FORWARD.search(clause)) or numeral == "几"
        if right - m.end() > 12 or (forward_only and not forward):
            continue
        firm = right - m.end() <= (10 if colon or forward else 5) and not before.endswith("等")
        if not firm and number is None:
            continue
        pronoun = _PRONOUN.search(clause, 0, offset)
        if pronoun:
            left += pronoun.start()
        left = after_spaces(stripped, left, right)
        best = (start + left, start + right, number, firm)
    return best


def _claims(text, blocks, sentences, lists):
    """Link count claims to lists (see the module notes)."""
    sentence_starts = [s for s, _ in sentences]
    item_starts = sorted(m.start for lst in lists for m in lst.items)
    used = set()
    for lst in sorted(lists, key=lambda l: l.items[0].start):
        first = lst.items[0].start
        windows = []
        index = _sentence_index(sentence_starts, first)
        if index >= 0 and sentences[index][0] < first <= sentences[index][1]:
            if text[sentences[index][0]:first].strip():
                windows.append((sentences[index][0], first))
            index -= 1
        elif index >= 0 and sentences[index][0] >= first:
            index -= 1
        while index >= 0 and len(windows) < 4:
            s_start, s_end = sentences[index]
            position = bisect.bisect_left(item_starts, s_start)
            inside = position < len(item_starts) and item_starts[position] < s_end
            if inside and windows:
                break                                       # another list's item
            windows.append((s_start, s_end))
            if inside:
                break
            index -= 1
        found = None
        for depth, (start, end) in enumerate(windows):
            if (start, end) in used:
                break
            last_char = text[before_spaces(text, end, start) - 1]
            if end != first and last_char not in _TERMINAL:
                break                                       # a heading announces nothing here
            found = _count_in(text, start, end, forward_only=depth > 0, size=len(lst.items))
            if not found and depth == 0:
                found = _headed_formulation(text, start, end, lst)
            if found and not found[3] and found[2] != len(lst.items):
                found = None                                # a weak claim the list contradicts
            if found:
                used.add((start, end))
                break
        if found is None:
            found = _retro_claim(text, sentences, sentence_starts, lst, used)
        if found:
            start, end, number = found[:3]
            lst.claim = {"start": start, "end": end, "text": text[start:end], "number": number}


_FORMULATION_AT_END = re.compile(r"“([^“”]{2,12})”$")
_COUNTED_HEAD = re.compile(COUNT_PREFIX + f"([{IDEOGRAPH}]{{2,4}})$")


def _headed_formulation(text, start, end, lst):
    """A quoted formulation ending the sentence right before the list whose
    items all open with its head: 提出了“五个强化”。¶一是强化思想意识。¶二是强化
    责任落实。 It is the list's claim whatever the count (a page cut after two
    items is a mismatch to flag). Returns ``(start, end, number, True)`` or None."""
    stripped = text[start:end].rstrip().rstrip("。！!；;")
    label = _FORMULATION_AT_END.search(stripped)
    if not label:
        return None
    ok, number = parse_numbered(_label(label.group(1)))
    head = _COUNTED_HEAD.match(_label(label.group(1)))
    if not (ok and number is not None and 2 <= number <= 20 and head):
        return None
    head = head.group(1)
    for item in lst.items:
        body = text[item.end:item.end + len(head) + 2].lstrip("，,：:、 \u3000")
        if not body.startswith(head):
            return None
    left = max((c.end() for c in _CLAUSE_END.finditer(stripped, 0, label.start())), default=0)
    left = after_spaces(stripped, left, label.start())
    return start + left, start + label.end(), number, True


def _retro_claim(text, sentences, sentence_starts, lst, used):
    """``以上十四条`` in the sentence right after the list."""
    end = lst.spans[-1][1]
    index = _sentence_index(sentence_starts, end)
    if index < 0 or sentences[index][1] <= end:
        index += 1
    if index >= len(sentences):
        return None
    s_start, s_end = sentences[index]
    m = _RETRO.match(text, s_start, s_end)
    if not m or (s_start, s_end) in used:
        return None
    number = numerals.number(m.group("num")) if m.group("num") != "几" else None
    right = _CLAUSE_END.search(text, m.end(), s_end)
    right = right.start() if right and right.start() - m.end() <= 12 else m.end()
    used.add((s_start, s_end))
    left = after_spaces(text, s_start, right)
    return left, right, number
