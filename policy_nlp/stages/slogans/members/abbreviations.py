"""The member steps that read an abbreviation (简称) from its head: words
written together earlier in the sentence (8: 农业农村农民…“三农”), a list of
items beginning (7, 10c) or ending (10, 10b) with the formulation's head, or
words ending with it written apart before it (10d),
quoted names followed by the head (9), the lexicon's members written out
nearby, in full, with their shared ending once (12: 社会主义同资本主义两条道路)
or together as one list (12b: 王洪文、张春桥、江青、姚文元“四人帮”),
and the suffix unit every member holds (化 of 两化融合)."""

import functools
import os
import re

from policy_nlp.lang.chars import IDEOGRAPH, is_ideograph, line_end
from policy_nlp.lang.words import word_set, words
from policy_nlp.segment.engines import dictionary_words
from policy_nlp.stages.slogans.counting import NUM_CHARS
from policy_nlp.stages.slogans.members.items import _AND_CHARS, _ITEM_JOINTS, _member, _PARAGRAPH_REACH, _split_items


_SUFFIX_UNITS = word_set("suffix_unit_chars")


def _suffix_unit(target):
    """The suffix character a formulation abbreviates as its unit (化 of
    两化融合, 四化同步: ``suffix_unit_chars.txt``), which each of its members
    holds (信息化、工业化), or None."""
    rest = target.text[target.s:target.e].lstrip(NUM_CHARS)
    return rest[0] if rest and rest[0] in _SUFFIX_UNITS else None


def _known_members_nearby(t, known):
    """(12) the lexicon's members of the formulation, written out within
    :data:`_PARAGRAPH_REACH` characters of it and before the next mention of
    it (:func:`_between_mentions`): each in full (:func:`_known_members_in_full`),
    with the ending they share written once (:func:`_known_members_sharing_ending`)
    or all together as one list (:func:`_known_members_as_list`)."""
    if not known or len(known) != t.number:
        return None
    lo, hi = _between_mentions(t)
    return (_known_members_in_full(t, known, lo, hi) or _known_members_sharing_ending(t, known, lo, hi)
            or _known_members_as_list(t, known, lo, hi))


_JOINT = re.compile(f"[{re.escape(_ITEM_JOINTS)}]")


@functools.lru_cache(maxsize=256)
def _known_list_pattern(known):
    """A list of exactly the ``known`` members (any order, one joint of
    :data:`_ITEM_JOINTS` between them, none before or after), compiled once per
    formulation: a document names the same few formulations many times."""
    joint = _JOINT.pattern
    name = "|".join(re.escape(m) for m in sorted(known, key=len, reverse=True))
    return re.compile(f"(?<!{joint})(?:{name})(?:{joint}(?:{name})){{{len(known) - 1}}}(?!{joint})")


def _known_members_as_list(t, known, lo, hi):
    """The lexicon's members written together as one whole list in
    ``text[lo:hi]``: each in full, once, in any order, joined by 、/和/与/及,
    with no list joint before or after it (粉碎了王洪文、张春桥、江青、姚文元
    “四人帮”, gwr 1978; 坚持创新、协调、绿色、开放、共享的发展理念。这五大发展
    理念, a Xi speech of 2020). Members shorter than three characters, which
    :func:`_known_members_in_full` leaves alone as too common one by one, name
    the formulation when the text lists them all together. The nearest such
    list wins; None when there is none."""
    if t.number < 2 or len(set(known)) != len(known):
        return None
    text = t.text
    series = _known_list_pattern(tuple(known))
    best = None
    for found in series.finditer(text, lo, hi):
        written = _JOINT.split(found.group())
        distance = abs(found.start() - t.s)
        if sorted(written) == sorted(known) and (best is None or distance < best[0]):
            best = (distance, found.start(), written)
    if best is None:
        return None
    out, at = [], best[1]
    for w in best[2]:
        out.append(_member(text, at, at + len(w)))
        at += len(w) + 1
    return out


def _known_members_in_full(t, known, lo, hi):
    """The lexicon's members (three characters or more each) when every one
    of them is written out in ``text[lo:hi]``: ——三大攻坚战开局良好。防范化解重大风险，…
    精准脱贫有力推进，…污染防治得到加强. Each member is its nearest
    occurrence; they are returned in text order."""
    if min(map(len, known)) < 3:
        return None                                       # 农业 (三农) is inside too many words
    text = t.text
    found = []
    for member in known:
        spots = _spots(text[lo:hi], member)
        if not spots:
            return None
        at, length = min(spots, key=lambda x: abs(lo + x[0] - t.s))
        found.append(_member(text, lo + at, lo + at + length))
    found.sort(key=lambda m: m["start"])
    if any(a["end"] > b["start"] for a, b in zip(found, found[1:])):
        return None                                       # overlapping members
    return found


def _between_mentions(t):
    """(lo, hi): :meth:`_Target.near`, cut at the neighbouring mentions of the formulation."""
    text, name = t.text, t.text[t.s:t.e]
    lo, hi = t.near()
    before, after = text.rfind(name, lo, t.s), text.find(name, t.e, hi)
    return (before + len(name) if before != -1 else lo), (after if after != -1 else hi)


# what joins the parts of the lexicon's members written with their ending once: the list joints
# and 同, which the lexicon's members make a list's joint here (社会主义同资本主义两条道路)
_SHARED_JOINTS = _ITEM_JOINTS + "同"


def _known_members_sharing_ending(t, known, lo, hi):
    """The lexicon's members written with the ending they share once, in
    ``text[lo:hi]``: their other parts, each once, joined by
    、/和/与/及/同, then that ending (…实现农业、工业、国防和科学技术现代化的宏伟目标…
    四个现代化, gwr 1978; …农业、工业、国防、科学技术的现代化, gwr 1979) or, right
    before the formulation, the formulation's own text ending with it (社会主义同
    资本主义两条道路: members 社会主义道路, 资本主义道路). The parts are the
    members, as for the text's own shared heads (国内国际两个大局 -> 国内, 国际).
    Tried from the longest shared ending of two characters or more that cuts
    no member inside a word of the dictionary (:func:`_cuts_word`: not 主义道路
    of 社会主义道路, 资本主义道路, which would read 社会、资本主义道路 as 社会,
    资本); the parts keep two characters or more. The nearest such list wins."""
    if t.number < 2:
        return None
    text, name = t.text, t.text[t.s:t.e]
    common = os.path.commonprefix([m[::-1] for m in known])[::-1]
    joint = f"[{re.escape(_SHARED_JOINTS)}]"
    for cut in range(len(common), 1, -1):
        ending = common[-cut:]
        parts = [m[:-cut] for m in known]
        if min(map(len, parts)) < 2 or len(set(parts)) != len(parts) \
                or any(_cuts_word(m, len(m) - cut) for m in known):
            continue
        part = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
        series = f"(?<!{joint})(?:{part})(?:{joint}(?:{part})){{{len(parts) - 1}}}"
        shapes = [f"{series}(?=的?{re.escape(ending)})"]
        if name.endswith(ending):
            shapes.append(f"{series}(?=[的这]?[“「]?{re.escape(name)})")
        best = None
        for found in re.finditer("|".join(f"(?:{s})" for s in shapes), text[lo:hi]):
            written = re.split(joint, found.group())
            if sorted(written) == sorted(parts):
                distance = abs(lo + found.start() - t.s)
                if best is None or distance < best[0]:
                    best = (distance, lo + found.start(), written)
        if best is not None:
            out, at = [], best[1]
            for w in best[2]:
                out.append(_member(text, at, at + len(w)))
                at += len(w) + 1
            return out
    return None


def _cuts_word(member, at):
    """Whether cutting ``member`` before ``member[at]`` splits a word of the
    dictionary written across the cut (资本|主义道路: 资本主义)."""
    vocabulary = dictionary_words()
    return any(member[i:j] in vocabulary for i in range(at) for j in range(at + 1, len(member) + 1))


_ADVERBS = tuple(w for w in words("predicate_adverbs") if len(w) >= 2)


def _spots(window, member):
    """(start, length) of each occurrence of a lexicon ``member`` in ``window``;
    where it has none, of the member without an adverb opening it, which the
    text writes once for the whole list (始终代表中国先进生产力的发展要求，代表中国
    先进文化的前进方向，…: 三个代表, cpc 16)."""
    for form in (member, member[len(next((a for a in _ADVERBS if member.startswith(a)), "")):]):
        spots = [(m.start(), len(form)) for m in re.finditer(re.escape(form), window)] if len(form) >= 3 else []
        if spots:
            return spots
    return []


def _head_word_runs(window, head, number):
    """Where ``number`` two-character words written together in ``window``
    begin with one character of ``head`` (农业农村农民 for 三农): found by one
    regular expression, so a window of counts (提出“两个两个”… repeated) costs
    no Python step per character."""
    if not head:
        return []
    # Each head makes a new pattern, and one holding the ideograph class takes
    # 2.4 ms to compile (re expands the range): the pattern finds the runs of
    # the head's characters, and the ideographs between them are checked after.
    first = "".join(sorted(re.escape(c) for c in head))
    pattern = f"(?=([{first}]).(?:\\1.){{{number - 1}}})"
    return [m.start() for m in re.finditer(pattern, window)
            if all(is_ideograph(window[m.start() + 2 * j + 1]) for j in range(number))]


def _written_together_earlier(t):
    """(8) earlier in the same sentence, N two-character words written
    together that begin with the formulation's head character:
    农业农村农民问题…“三农”."""
    text, number, qs = t.text, t.number, t.qs
    if not (number and 2 <= number <= 4):
        return None
    low = max(0, qs - _PARAGRAPH_REACH)   # bounded: linear on one-line texts
    start = max(low, max(text.rfind(mark, low, qs) for mark in "。；;！？\r\n") + 1)
    window = text[start:qs]
    for k in _head_word_runs(window, t.head_chars(), number):
        parts = [window[k + 2 * j:k + 2 * j + 2] for j in range(number)]
        if (len(set(parts)) == number
                and window[k + 2 * number:k + 2 * number + 1] != parts[0][0]
                # not the other reading of an alternation: 强农、惠农、富农政策
                and not (k and len({window[k - 1 + 2 * j + 1] for j in range(number)}) == 1)):
            a = start + k
            return [_member(text, a + 2 * j, a + 2 * j + 2) for j in range(number)]
    return None


def _head_initial_list_later(t):
    """(7) a list later in the same sentence whose N items all begin with
    the formulation's head character: “六保”工作，强化保居民就业、…、保基层运转."""
    text, number, qe = t.text, t.number, t.qe
    if not (number and number >= 2):
        return None
    stop = min(len(text), qe + _PARAGRAPH_REACH)   # bounded: linear on one-line texts
    for mark in "。；;\r\n":
        x = text.find(mark, qe, stop)
        if x != -1:
            stop = min(stop, x)
    head = t.head_chars()
    for m in re.finditer(r"[^，,：:（）()“”]+", text[qe:stop]):
        if m.group().count("、") < number - 1:  # too few separators for N items: skip the split
            continue
        items = _split_items(text, qe + m.start(), qe + m.end(), "、")
        if len(items) != number:
            continue
        firsts = {text[a] for a, _ in items[1:]}
        if len(firsts) != 1 or not firsts <= head:
            continue
        lead = text.find(firsts.pop(), items[0][0], items[0][1])
        if lead != -1:
            items[0] = (lead, items[0][1])
            return [_member(text, a, z) for a, z in items]
    return None


def _quoted_names_with_head_later(t):
    """(9) the members named one by one later in the paragraph, each a
    quoted name followed by the formulation's head: 三大工程，“连心”工程方面…；
    “强基”工程方面…；“模范”工程…"""
    text, number, qe = t.text, t.number, t.qe
    if not (number and 2 <= number <= 12):
        return None
    head = t.head()
    if not head or len(head) < 2:
        return None
    stop = line_end(text, qe, qe + 600)
    stop = len(text) if stop == -1 else stop
    found, seen = [], set()
    for q in re.finditer(f"“([^“”]{{1,10}})”{re.escape(head)}", text[qe:min(stop, qe + 600)]):
        if q.group(1) not in seen:
            seen.add(q.group(1))
            found.append(_member(text, qe + q.start(), qe + q.end()))
    return found if len(found) == number else None


# one joint between the items of a head list (物质文明、政治文明和精神文明)
_JOINT = re.compile(f"[{_ITEM_JOINTS}]")


def _room_for_head_list(text, lo, hi, head, number, head_first):
    """Whether ``text[lo:hi]`` holds ``number`` items joined by 、/和 that each
    end with ``head`` (or, ``head_first``, begin with it): the head ``number``
    times, ``number - 1`` of them next to a joint. A cheap test before the
    caller compiles its item pattern (~4 ms, once per head)."""
    joined = [joint + head if head_first else head + joint for joint in _ITEM_JOINTS]
    return (text.count(head, lo, hi) >= number
            and sum(text.count(j, lo, hi) for j in joined) >= number - 1)


def _head_final_list_nearby(t):
    """(10) N items that all end with the formulation's head, listed
    elsewhere in its paragraph: 文明城市是物质文明、政治文明、精神文明的和谐
    统一体。……三个文明建设. The items before the head must be as long as
    each other (物质/政治/精神), which cuts the first and last items out of
    their clauses; the count must equal the number."""
    text, number = t.text, t.number
    if not (number and 2 <= number <= 10):
        return None
    head = t.head()
    if not head or len(head) > 3:
        return None
    lo, hi = t.in_its_line()
    if not _room_for_head_list(text, lo, hi, head, number, head_first=False):
        return None
    item = f"[{IDEOGRAPH}]{{1,4}}{re.escape(head)}"
    pattern = re.compile(f"(?:{item}、)+(?:{item}[{_AND_CHARS}])?{item}")
    for found in pattern.finditer(text, lo, hi):
        if t.qs <= found.start() < t.qe or text.startswith(tuple(_ITEM_JOINTS), found.end()):
            continue                                     # the list goes on: …、政治文明和社会文明
        parts = _JOINT.split(found.group())
        # every part but the first is delimited on both sides: they set the
        # width, and the first part is cut to it (市是物质文明 -> 物质文明)
        width = len(parts[-1])
        if (len(parts) != number or any(len(p) != width for p in parts[1:])
                or len(parts[0]) < width or text[found.end():found.end() + 1] in _HAN_CHARS_AFTER_BLOCK):
            continue
        items, z = [], found.end()
        for part in reversed(parts):
            items.append(_member(text, z - width, z))
            z -= width + 1
        return items[::-1]
    return None


def _quoted_head_final_list_nearby(t):
    """(10b) a quoted list elsewhere in the paragraph whose N items all end
    with the formulation's head: “三大战役”总指挥长…回顾了“重点项目建设战役、
    新农村建设战役、城市和社区建设战役”. The quote marks bound the first and
    last items, so they need not be as long as each other."""
    text, number, head = t.text, t.number, t.head()
    if not (number and 2 <= number <= 12 and head):
        return None
    lo, hi = t.in_its_line()
    for q in re.finditer("“([^“”]{4,200})”", text[lo:hi]):
        if q.group(1).count(head) < number:  # N items end with it: cheap, as a page may quote on every line
            continue
        a = lo + q.start(1)
        items = _split_items(text, a, a + len(q.group(1)), "、，,；;")
        if (len(items) == number and all(text[x:z].endswith(head) and z - x > len(head)
                                          and z - x <= 20 for x, z in items)):
            return [_member(text, x, z) for x, z in items]
    return None


_PAIR_RELATIONS = tuple(words("pair_relation_words"))


def _head_initial_words_nearby(t):
    """(10c) N two-character words that all begin with a one-character head,
    listed with 、/和 near the formulation: 农业、农村和农民问题，始终是…
    “三农”工作, or after it (…系统有效解决农业、农村、农民问题). Within
    :data:`_PARAGRAPH_REACH` characters either side, line breaks included
    (hard-wrapped copies break paragraphs into lines); the nearest wins."""
    text, number, head = t.text, t.number, t.head()
    if not (number and 2 <= number <= 4 and head and len(head) == 1):
        return None
    lo, hi = t.near()
    if not _room_for_head_list(text, lo, hi, head, number, head_first=True):
        return None
    h = re.escape(head)
    item, joint = f"{h}[{IDEOGRAPH}]", _JOINT.pattern
    pattern = re.compile(f"(?<!{h})(?<!{item}{joint}){item}(?:{joint}{item}){{{number - 1}}}(?!{joint}{h})")
    best = None
    for found in pattern.finditer(text, lo, hi):
        parts = _JOINT.split(found.group())
        if len(set(parts)) != number or text.startswith(_PAIR_RELATIONS, found.end()):
            continue                    # 创新与创业结合、孵化与投资结合: a pair of a list of pairs
        distance = abs(found.start() - t.qs)
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is None:
        return None
    items, z = [], best[1].start()
    for part in re.split(f"({_JOINT.pattern})", best[1].group()):
        if len(part) == 2:
            items.append(_member(text, z, z + 2))
        z += len(part)
    return items


def _head_final_words_before(t):
    """(10d) N words of the dictionary that end with the formulation's head
    (of two characters or more), written apart earlier in its line, after
    any earlier mention of it: 把精神文明建设列入…，贯穿于物质文明建设之中，
    使两个文明建设协调发展 (gwr 1995); 无产阶级同资产阶级…两个阶级 (cpc 9). Exactly
    N such words, each taken where it is written last; a word outside the
    dictionary (社会主义精神文明 reads 精神文明) is not counted, so a word the
    dictionary lacks (政治文明) leaves the count unmatched and no members."""
    text, number, head = t.text, t.number, t.head()
    if not (number and 2 <= number <= 4 and head and len(head) >= 2):
        return None
    lo = t.in_its_line()[0]
    earlier = text.rfind(text[t.s:t.e], lo, t.qs)
    lo = earlier + t.e - t.s if earlier != -1 else lo
    known, found = dictionary_words(), {}
    for m in re.compile(re.escape(head)).finditer(text, lo, t.qs):
        # the longest word of two to four characters before the head, no numeral among them
        a = next((a for a in range(max(lo, m.start() - 4), m.start() - 1)
                  if text[a:m.end()] in known and not any(c in NUM_CHARS for c in text[a:m.start()])), None)
        if a is not None:
            found[text[a:m.end()]] = m.end()                # the last place each word is written
    if len(found) != number:
        return None
    return sorted((_member(text, z - len(w), z) for w, z in found.items()), key=lambda x: x["start"])


# a head-final item followed by one of these is the start of a longer word
# (政治文明建设 is fine: 建 is not here); kept small on purpose
_HAN_CHARS_AFTER_BLOCK = frozenset("化性")
