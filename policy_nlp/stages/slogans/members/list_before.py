"""The member step that reads the unquoted list written right before a formulation (step
(5) of the docstring of stages.slogans: A、B和C + formulation, A、B、C这 + formulation):
:func:`_list_before` and the tests that keep out of it what governs or precedes the
formulation (a predicate, a clause inside an item, an item ending with a count of its own,
a comma pair). Its own module as the largest single reading, which the steps before a
formulation (``before``) and the grammar's confirmation of counts share."""

import re

from policy_nlp.lang.chars import IDEOGRAPH
from policy_nlp.lang.numerals import DIGITS as _DIGIT
from policy_nlp.lang.words import alternation, words
from policy_nlp.segment.engines import dictionary_words
from policy_nlp.stages.slogans.counting import _LIST_MEASURES, NUM_CHARS
from policy_nlp.stages.slogans.members.items import (_clause_start, _COLLECTIVE_WORDS, _CONJUNCTIONS, _far_shorter, _in_word,
    _ITEM_JOINTS, _LIST_MARKER_START, _LIST_QUALIFIERS, _past_marker,
    _not_a_member, _OPENING_NOT_LEAD, _split_items, _split_last_conj, _trim_first, _TRIM_LEAD, _trimmed_items,
    _verb_with_object)


def _noun_pair(text, item):
    """The two parts of ``item`` joined by 和/与/及, each of three characters or
    more (技术创新和制度创新), else None: a shorter first part is most often a
    verb sharing the object (保障和改善民生), and the item one member."""
    parts = _split_last_conj(text, [item])
    return parts if len(parts) == 2 and all(b - a >= 3 for a, b in parts) else None


# a sibling count right before a formulation, of the same number (国际国内
# 两个市场两种资源, 两个市场、两种资源): both count the same members
_SIBLING_COUNT = re.compile(f"[{NUM_CHARS}](?:{'|'.join(_LIST_MEASURES)})?[{IDEOGRAPH}]{{1,3}}[{_ITEM_JOINTS}]?$")


def _still_a_clause(first, others):
    """Whether a trimmed first member still opens with a leading verb of two
    characters or more (too short a rest to lose it: 开展村) while no other
    member opens with one (a parallel list of verb phrases keeps them); a
    verb with a short object beside far longer members is one member
    (发展经济、保障和改善民生: see :func:`_trimmed_items`)."""
    lead = next((w for w in _TRIM_LEAD if len(w) >= 2 and first.startswith(w) and len(first) > len(w)), None)
    if lead is not None and _verb_with_object(len(lead), len(first) - len(lead), [m["text"] for m in others]):
        return False
    return (lead is not None and not first.startswith(_OPENING_NOT_LEAD)
            and not any(m["text"].startswith(_TRIM_LEAD) for m in others))


def _ends_with_count(item, number):
    """Whether ``item`` ends with a count of ``number`` (…国内国外两种资源)."""
    found = _SIBLING_COUNT.search(item)
    return bool(found) and found.group()[-1] not in _ITEM_JOINTS and _count_of(found.group()[0]) == number


def _count_of(numeral):
    """The number a one-character numeral stands for (两, 双 -> 2)."""
    return 2 if numeral in "两双" else _DIGIT.get(numeral)


_YI_WEI_FRAME = re.compile("以([^以，。；：,;:]{3,60}?)为(?:主|重点|核心|主体|代表|龙头|主导)$")


# A list separator right before a formulation, or a conjunction or preposition right
# before its opening quote, makes it one item of the list before (村级换届、茶山整治、
# “两违”等) or the object of a clause (区委、区政府对“两委”换届的要求), not the head of
# that list. (Before an unquoted count these characters end words: 区域协同两大任务.)
_SEPARATORS = frozenset("、，,；;")


_SIBLING_BEFORE = frozenset("和与及或同对向把被将给从")


# an attributive phrase (two characters or more, 的, three or more) ending
# the second of two items qualifies what follows it (…、光荣当选的新一届村“两委”,
# 相互促进的国内国际双循环) unless the first item is one too (党委的主体责任和
# 纪委的监督责任“两个责任”: parallel members); longer lists are parallel enough to
# keep theirs (…、有利于提高人民的生活水平“三个有利于”), and 党的领导 is no such phrase
_MODIFIER_PHRASE = re.compile(rf"[{IDEOGRAPH}]{{2,}}的[{IDEOGRAPH}]{{3,}}")


# a list that is the subject of the formulation's clause ends before its
# predicate: adverbs, then a verb of result right before the formulation
# (…二氧化硫排放总量近年来首次出现双下降) or a copula and a short complement
# ending in 的 (和平与发展仍然是当今世界面临的两大主题); 是 not in 但是, 还是…
_ADVERBS = f"(?:{alternation('predicate_adverbs')})*"


_RESULT_PREDICATE = re.compile(f"{_ADVERBS}(?:{alternation('list_predicates')})?$")


_COPULA_PREDICATE = re.compile(f"{_ADVERBS}(?:{alternation('copulas')}|成为|作为)"
                               "(?<![但还于或凡若要求总]是)(?!否)[^、，,；;“”]{0,16}$")


# ... without 的, a copula and a complement of six characters at most (和平与发展仍然是
# 当今世界两大主题)
_COPULA_SHORT = re.compile(f"{_ADVERBS}(?:{alternation('copulas')})(?<![但还于或凡若要求总]是)(?!否)[^、，,；;“”的]{{0,6}}$")


def _predicate_start(text, cs, b, after_de):
    """Where the predicate of a subject list in ``text[cs:b]`` starts (the
    list ends there), or ``b``: a copula clause only before 的 (``after_de``),
    and never fewer than two characters left of the last item."""
    tail_start = max(cs, max(text.rfind(c, cs, b) for c in _ITEM_JOINTS) + 1)
    tail = text[tail_start:b]
    found = (_COPULA_PREDICATE if after_de else _RESULT_PREDICATE).search(tail)
    if found is None or found.start() == len(tail):
        found = None if after_de else _COPULA_SHORT.search(tail)
    if found is None or found.start() < 2 or found.start() == len(tail) or _cuts_a_word(tail, found.start()):
        return b
    return tail_start + found.start()


# words ending in an adverb of predicate_adverbs (可持续, 成都, 人均)
_ADVERB_WORD_ENDS = words("adverb_word_ends")


def _cuts_a_word(tail, cut):
    """Whether ``cut`` falls inside a word of :data:`_ADVERB_WORD_ENDS` in ``tail``."""
    return any(0 <= p < cut for w in _ADVERB_WORD_ENDS for p in [tail.rfind(w, 0, cut + len(w))]
               if p + len(w) > cut)


# words closing a list before its name (…在内的六项保障措施, …等所谓“五毒”): no part of its last member
_LIST_CLOSERS = tuple(words("list_closing_words"))


_YI_WORDS = words("yi_preposition_words")


def _after_yi(text, a, z):
    """Where the first item ``text[a:z]`` starts after its last 以, a
    preposition whose object the list is (框架以政策标准和制度安全两大保障体系为
    支撑; 一切以是否有利于…), when two characters or more remain and the 以 is
    in no word of ``yi_preposition_words`` (可以, 以及) nor a frame 以…为 inside
    the item (以企业为主体、以市场为导向) nor one that the next item opens with
    too (坚持以工促农、以城带乡; 以奖代补和以工代赈: a frame of each item); else ``a``."""
    for p in range(z - 3, a, -1):
        if text[p] == "以" and not _in_word(text, p, _YI_WORDS, a):
            parallel = text.startswith("以", z + 1) or _YI_AFTER_JOINT.search(text, p, z)
            return a if parallel or "为" in text[p:z] else p + 1     # 以企业为主体: the frame is the item
    return a


def _opens_word(text, p, known):
    """Whether a word of ``known`` (the dictionary: two to four characters) starts at ``text[p]``."""
    return any(text[p:p + n] in known for n in (4, 3, 2))


def _after_paired(text, a, z):
    """Where the first item ``text[a:z]`` starts after a 同 that 把 or 将 before it
    pairs with the list (把以经济建设为中心同四项基本原则、改革开放这两个基本点: 四项基本原则),
    when two characters or more remain and the 同 is in no word of the dictionary
    (共同, 同时, 同步), unless what follows it opens one (把城市发展同乡村振兴: 同乡
    is a word, 乡村 too); else ``a``."""
    p = text.rfind("同", a, z)
    if p == -1 or z - p - 1 < 2 or not any(v in text[a:p] for v in ("把", "将")):
        return a
    known = dictionary_words()
    opens_word = text[p:p + 2] in known and not _opens_word(text, p + 1, known)
    return a if text[p - 1:p + 1] in known or opens_word else p + 1


_DETERMINERS = tuple(words("determiner_openings"))
_RELATIVE_ADVERBS = tuple(words("relative_clause_adverbs"))


def _after_relative_verb(text, a, z):
    """Where the first item ``text[a:z]`` of a list the text names with 所谓
    starts after its last determiner and the verb that opens the relative
    clause (必须对那些重犯行贿、偷工减料…等所谓“五毒” -> 行贿: the verb governs
    every item, and 所谓 says the items are what the formulation counts): past
    the adverbs of ``relative_clause_adverbs`` (那些长期从事行贿 -> 行贿), a
    verb of two characters, or else one (那些搞行贿), or none (某些行贿), the first
    whose rest opens with a word of the dictionary and keeps two characters
    or more; else ``a`` (a determiner left in the item makes the list no
    members)."""
    start = max((text.rfind(d, a, z) + len(d) for d in _DETERMINERS if d in text[a:z]), default=a)
    if start == a:
        return a
    adverb = next((w for w in _RELATIVE_ADVERBS if text.startswith(w, start) and z - start - len(w) >= 2), "")
    start += len(adverb)
    known = dictionary_words()
    for verb in (2, 1, 0):
        rest = start + verb
        if z - rest >= 2 and _opens_word(text, rest, known) and text[rest - 1:rest + 1] not in known:
            return rest
    return a


_YI_AFTER_JOINT = re.compile(f"(?:{_CONJUNCTIONS})以")


def _list_before(text, qs, number, commas=False):
    """Members from an unquoted list right before ``qs`` (``A、B和C`` +
    formulation, or ``A、B、C这`` + formulation) whose item count equals
    ``number``; [] otherwise. A leading item of digits or numerals only (a
    page or list marker: ``2、``, ``三、``) is not a member. With ``commas``, a pair may be split by
    a comma (:func:`_comma_pair_before`)."""
    if not number:
        return []
    before = text[qs - 1:qs]
    if before in _SEPARATORS or (before in _SIBLING_BEFORE and text[qs:qs + 1] in "“「"):
        return []                       # 茶山整治、“两违”等: the formulation is an item itself
    b = qs
    after_de = text[b - 1:b] == "的"
    if text[b - 1:b] in ("的", "这"):
        b -= 1
    closer = next((w for w in _LIST_CLOSERS if b >= len(w) and text.startswith(w, b - len(w))), "")
    b -= len(closer)
    cs = _clause_start(text, b)
    # 以魔芋、畜牧为主的两大特色: the list between 以 and 为主/为重点…
    frame = _YI_WEI_FRAME.search(text, cs, b)
    if frame:
        cs, b = frame.start(1), frame.end(1)
    else:
        b = _predicate_start(text, cs, b, after_de)
    if b - cs < 2:
        return []
    items = _split_items(text, cs, b, "、")
    lead = text[items[0][0]:items[0][1]].strip() if items else ""
    if len(items) > 1 and lead and all(c.isdigit() or c in NUM_CHARS for c in lead):
        items = items[1:]                   # a list or page marker: 2、 or 三、
    # a chain of pair-and-count items (社会主义和资本主义两条道路、马克思主义和修正主义两条路线): the
    # items up to the last one ending with a count of the same number are its siblings' lists
    sibling = max((k for k, (a, z) in enumerate(items[:-1]) if _ends_with_count(text[a:z], number)), default=-1)
    items = items[sibling + 1:]
    if items:
        # a 一是/二要 marker opening the first item: the list is the point's object (五是完善标准、
        # 监测分析、新型服务、安全保障四大支撑服务体系)
        items[0] = (_past_marker(text, *items[0], _LIST_MARKER_START), items[0][1])
        items[0] = (_after_paired(text, *items[0]), items[0][1])
        items[0] = (_after_yi(text, *items[0]), items[0][1])
        if closer.endswith("所谓"):
            items[0] = (_after_relative_verb(text, *items[0]), items[0][1])
    if number == 2 and len(items) >= 3:
        items = _two_groups(text, items) or items
    if len(items) == number - 1 or (len(items) == 1 and number == 2):
        items = _split_last_conj(text, items)
    elif number == 2 and len(items) == 2 and _noun_pair(text, items[1]):
        items = _noun_pair(text, items[1])     # …有机结合、技术创新和制度创新双轮驱动: the last item is the pair
    if commas and number == 2 and len(items) == 1:
        return _comma_pair_before(text, cs, items[0])
    if len(items) == number and len(items) >= 2:
        got = _trimmed_items(text, items)
        if len(got) != number:
            return []                                    # blank items dropped
        others = max(len(g["text"]) for g in got[1:])
        # a first item that is still a clause after trimming (a completed
        # verb 了, a quotation inside it, or far longer than the others) ends
        # in a modifier of the formulation (…完成了××个村、社区“两委”), not a
        # member; a quoted name opening it is fine (“一带一路”建设、…三大战略)
        first = got[0]["text"]
        if got[-1]["text"] in _LIST_QUALIFIERS and first not in _LIST_QUALIFIERS:
            return []                   # 党的二十大和全国“两会”: 全国 is the formulation's scope
        if got[-1]["text"].endswith(_COLLECTIVE_WORDS):
            return []                   # …的方针和一系列两条腿走路的政策: 一系列 quantifies the formulation
        if number == 2 and _MODIFIER_PHRASE.search(got[-1]["text"]) and not _MODIFIER_PHRASE.search(first):
            return []                   # …、光荣当选的新一届村“两委”: the last item qualifies the formulation
        if _still_a_clause(first, got[1:]):
            return []                   # 全面开展村、社区“两委”: 开展村 is no member
        if any(_ends_with_count(g["text"], number) for g in got):
            return []                   # 利用国内国外两种资源、开拓国内国外两个市场: sibling clauses
        if _far_shorter(len(got[-1]["text"]), min(len(g["text"]) for g in got[:-1])):
            return []                   # …大气污染防治和工业“三废”治理: 工业 qualifies the formulation
        if any(_clause_in_item(g["text"], g is got[-1]) for g in got[1:]):
            return []                   # 省级、地市级医保部门在国家“两库”: the list is a clause's subject
        if (len(got) == number and all(len(g["text"]) <= 20 for g in got)
                and len(first) <= 3 * others + 2 and "了" not in first and "“" not in first[1:]
                and not any(_not_a_member(g["text"], _may_govern(text, items, got, g)) for g in got)):
            return got
    return []


def _two_groups(text, items):
    """Two 、-groups joined by 和/与/及 inside one middle item, for a count of
    two (打造大众创业、万众创新和增加公共产品、公共服务“双引擎”: the engines are
    大众创业、万众创新 and 增加公共产品、公共服务): the two spans, or None
    unless exactly one middle item holds such a joint."""
    joined = [(k, parts) for k, item in enumerate(items[1:-1], 1)
              for parts in [_split_last_conj(text, [item])] if len(parts) == 2]
    if len(joined) != 1:
        return None
    k, ((_, left), (right, _)) = joined[0]
    return [(items[0][0], left), (right, items[-1][1])]


def _may_govern(text, items, got, member):
    """Whether ``member`` of the list ``got`` may be a verb governing the
    formulation when it ends with one (全面准确、坚定不移贯彻“一国两制”): the
    first and the last item only, and the last not when the list is the
    object of 把 or 将 opening it (把学习教育、调查研究、检视问题、整改落实四项
    重点举措贯穿全过程: 落实 ends a noun); a middle item ending with such a
    verb is a name (国际采购、投资促进、人文交流、开放合作的四大平台)."""
    if member is got[0]:
        return True
    return member is got[-1] and not text[items[0][0]:got[0]["start"]].endswith(("把", "将"))


# a list closed by 等 with its head noun (众创空间等载体打造数字文化“双创”), or a
# preposition inside a later item (地市级医疗保障部门探索向社会公开“两库”): the
# items are a clause's subject, the formulation the object of its verb; so is one
# the last item ends with (技术委员会在两化融合管理体系…)
_CLAUSE_PART = re.compile(f"[在向为](?=[{IDEOGRAPH}])")


_CLAUSE_PART_LAST = re.compile(f"[等在向为](?=[{IDEOGRAPH}])|[在向为]$")


_CLAUSE_WORD_PARTS = tuple(words("clause_word_parts"))


def _clause_in_item(item, last):
    """Whether ``item`` (not a first item) holds 在, 向 or 为 after its first
    character and before another, outside a word of ``clause_word_parts``
    (存在, 方向, 行为); the ``last`` item 等 too (an earlier item may hold a
    frame: 借调研培训等名义公款旅游), or 在, 向 or 为 as its last character,
    a preposition whose object is the formulation, also after a word that takes the
    character before it (中国邮政储蓄银行为“三农”服务: 银行, not 行为). 为 after 以 is the frame
    以…为… (以企业为主体、以市场为导向), no clause."""
    for m in (_CLAUSE_PART_LAST if last else _CLAUSE_PART).finditer(item, 1):
        p = m.start()
        if item[p] == "为" and "以" in item[:p]:
            continue
        if not _in_word(item, p, _CLAUSE_WORD_PARTS) or p == len(item) - 1 and item[p - 2:p] in dictionary_words():
            return True
    return False


def _only_lead_words(s):
    """Whether ``s`` is empty or only words that lead into a member (围绕, 实现了)."""
    return _trim_first(s + "\0") == "\0"


def _comma_pair_before(text, cs, item):
    """A pair split by a comma right before a count of two (围绕农业发展,农民增收
    两大目标): the clause ``item`` and the clause before it, when the two are
    as long as each other (three to six characters: 去年,全县两项工作 and 同时,各地
    两大工程 are a time, a connective and a place) once the clause before has
    lost its leading verbs, and nothing else stands in either: the clause
    right before the count opens with no verb or adverb (严密防范应对,坚决打赢
    打好“两防”: verbs that govern the formulation). Unquoted counts only."""
    if text[cs - 1:cs] not in ("，", ",") or _trim_first(text[item[0]:item[1]]) != text[item[0]:item[1]]:
        return []
    ps = _clause_start(text, cs - 1)
    got = _trimmed_items(text, [(ps, cs - 1), item])
    if (len(got) == 2 and 3 <= len(got[0]["text"]) == len(got[1]["text"]) <= 6
            and got[1]["start"] == item[0] and _only_lead_words(text[ps:got[0]["start"]])
            and not any(_not_a_member(g["text"]) for g in got)):
        return got
    return []
