"""``find_slogans``: the candidates of the grammar, the quotations, the
lexicon and the later mentions of quoted terms, resolved into one
non-overlapping list of spans, each linked to its members."""

import functools
import re
from bisect import bisect_right

from policy_nlp.lang.chars import IDEOGRAPH, STOPS, after_spaces, before_spaces, is_ideograph
from policy_nlp.lang.numerals import ITEM_NUMERALS, TO_ASCII_DIGITS
from policy_nlp.lang.words import alternation, either, word_set, words
from policy_nlp.segment.engines import dictionary_words
from policy_nlp.stages.reading_view import ReadingView
from policy_nlp.stages.slogans.counting import (ARABIC_COUNT, digits_as_numeral, HEADS, MEASURES,
    NUM_CHARS, _NUM_RE, parse_numbered)
from policy_nlp.stages.slogans.quotes import (_is_policy_term, _quotes, _SENTENCE_PUNCT, _TERM_HEAD_AFTER,
    _unwrapped)
from policy_nlp.stages.slogans.members import (_DEFINING_STEPS, _DEFINING_LISTS, _members_and_step,
    _split_items)
from policy_nlp.stages.slogans.grammar import _bad_before, _Bounds, _grammar, _measure_at, _set_confirmed, _VERB_HEAD_ENDS


# verbs of parts moving together (两翼齐飞, 四化同步): grammar.py's joint formulations
_JOINT_VERBS = word_set("joint_action_verbs")

# A quotation that quotes inside it (「坚持“一个中国原则”」) is neither a term nor
# a formulation itself: the inner quotation is. (Single quotes ‘’ inside a
# formulation, “两个‘毫不动摇’”, are part of it.)
_QUOTE_MARKS = re.compile("[“”「」『』]")


def find_slogans(text, lexicon=None, *, tokens=None):
    """Numbered formulations and quoted policy terms in ``text``.

    Parameters
    ----------
    text : str
        The document (or any part of it).
    lexicon : Lexicon, optional
        Terms tagged wherever they occur (source ``"lexicon"``); their kind and
        number come from the lexicon.
    tokens : list of (int, int) or int array of shape (n, 2), optional
        Character offsets (start, end) of the segmenter's words. When given,
        heads end on word boundaries; without them the grammar's lexical cues
        decide.

    Returns
    -------
    list of dict
        ``start``, ``end``, ``text`` (``text[start:end]``, quote marks
        excluded), ``kind`` (``"numbered"`` or ``"quoted"``), ``number``,
        ``members`` (dicts with ``start``, ``end``, ``text``),
        ``count_matches`` and ``source`` (``"grammar"``, ``"quotes"``,
        ``"mention"`` or ``"lexicon"``), sorted by ``start``.

    Examples
    --------
    >>> t = "以发展精品、珍品和旅游观光“两品一游”农业为重点，推进五项改革（甲改革、乙改革）。"
    >>> [(s["text"], s["number"], [m["text"] for m in s["members"]], s["count_matches"])
    ...  for s in find_slogans(t)]
    [('两品一游', 3, ['精品', '珍品', '旅游观光'], True), ('五项改革', 5, ['甲改革', '乙改革'], False)]
    >>> [s["text"] for s in find_slogans("新建移动大棚236座，完成投资835万元，增长18%。")]
    []
    >>> [(s["text"], s["kind"], s["source"]) for s in find_slogans("开展“效能风暴”行动。效能风暴行动见实效。")]
    [('效能风暴', 'quoted', 'quotes'), ('效能风暴', 'quoted', 'mention')]
    """
    # read through hard wraps and blanks inside words (五个典⏎范, 十四 五); offsets mapped back
    view = ReadingView(text)
    return view.back(_find_slogans(view.text, lexicon, view.tokens(tokens)))


def _find_slogans(text, lexicon, tokens):
    """:func:`find_slogans` on a text read as it is, its counts written with
    Arabic digits read as Chinese numerals (:class:`_DigitView`)."""
    digits = _DigitView(text, _arabic_counts(tuple(lexicon.words()) if lexicon is not None else ()))
    if digits.is_identity:
        return _find_in(text, lexicon, tokens)
    return digits.back(_find_in(digits.text, lexicon, digits.tokens(tokens), digits.converted))


def _find_in(text, lexicon, tokens, converted=frozenset()):
    """:func:`find_slogans` on ``text``, where the Chinese numerals at the
    offsets ``converted`` stand for Arabic digits (:func:`_digit_count_ok`)."""
    bounds = _Bounds(tokens)
    if lexicon is not None:
        bounds.terms = frozenset(lexicon.words())
    quote_ranges = _quotes(text)
    # candidates [start, end, kind, number, source, priority], in this order
    cands, quoted_terms, member_texts = _quoted_candidates(text, quote_ranges, bounds.terms)
    for s, e, n, src in _grammar(text, bounds, [(a - 1, z + 1) for a, z in quote_ranges]):
        cands.append([s, e, "numbered", n, src, 3])
    if lexicon is not None:
        lexical = _lexicon_candidates(text, lexicon, bounds)
        _composites_over_terms(text, cands, lexical)
        cands += lexical
    cands += _mention_candidates(text, quote_ranges, quoted_terms, member_texts)
    if converted:
        cands = _digit_counts_confirmed(text, cands, converted, bounds)
    cands += _grammar_mentions(text, cands, bounds, converted)
    spans = _resolve(text, _trim_blanks(text, cands))
    out = _with_members(text, spans, lexicon, member_texts, bounds.terms)
    # quoted terms that are members of a formulation are not terms themselves
    # (a lexicon term stays one: “不忘初心、牢记使命”二点 names no members)
    out = [sp for sp in out if not (sp["kind"] == "quoted" and sp["text"] in member_texts
                                    and sp["source"] != "lexicon")]
    _share_members(out)
    return out


def _composites_over_terms(text, cands, lexical):
    """A formulation of the grammar that ends with a lexicon term and adds
    units before it (双争双创 over the term 双创), or that is a term and a verb
    of its parts moving together (四化同步 over the term 四化), is read whole:
    it takes the lexicon's priority, so the longer span wins."""
    ends, starts = {}, {}
    for s, e, kind, *_ in lexical:
        if kind == "numbered":
            ends.setdefault(e, []).append(s)
            starts.setdefault(s, []).append(e)
    for c in cands:
        if c[4] == "grammar" and (any(c[0] < s for s in ends.get(c[1], ()))
                                  or any(text[e:c[1]] in _JOINT_VERBS for e in starts.get(c[0], ()))):
            c[5] = 4


def _quoted_candidates(text, quote_ranges, terms=frozenset()):
    """Candidates from the quotations: numbered formulations and policy terms
    (``terms``: the lexicon's, see :func:`_qualified_count`).

    Returns the candidates, the quoted terms ({text: (kind, number)}, first
    reading wins) and the texts of items of quoted lists (“甲、乙”), which
    are members rather than terms.
    """
    counts = {}
    for s, e in quote_ranges:
        counts[text[s:e]] = counts.get(text[s:e], 0) + 1
    cands, member_texts, quoted_terms = [], set(), {}
    ones = _ones_of_count_series(text) if "“一" in text else set()
    for s, e in quote_ranges:
        q = text[s:e]
        if _QUOTE_MARKS.search(q):
            continue
        ok, n = parse_numbered(_unwrapped(q), quoted=True)
        if not ok and q in ones:
            ok, n = True, 1                               # “一好”、“两增”、“三突破”
        if not ok:
            ok, n = _arabic_composite(q)                  # “4 市 1 区” = 四市一区
        if not ok:
            ok, n = _renewed_count(q)                     # “新三样” = 3
        if not ok:
            ok, n = _qualified_count(q, terms)            # “碳达峰十大行动” = 10
        if not ok and _is_code(text, s, e):
            ok, n = True, None                            # “8810”工程
        if ok and len(q) <= 16 and not _SENTENCE_PUNCT.search(q) and text[s - 2:s - 1] != "《":
            cands.append([s, e, "numbered", n, "quotes", 3])
            quoted_terms.setdefault(q, ("numbered", n))
        elif _is_policy_term(text, s, e, counts[q]):
            cands.append([s, e, "quoted", None, "quotes", 2])
            quoted_terms.setdefault(q, ("quoted", None))
        elif "、" in q:
            for a, z in _split_items(text, s, e, "、"):
                member_texts.add(text[a:z])
    return cands, quoted_terms, member_texts


_COUNT_SERIES = re.compile(f"“(一[{IDEOGRAPH}]{{1,2}})”[、，,]?“([两二][{IDEOGRAPH}]{{1,2}})”[、，,]?“(三[{IDEOGRAPH}]{{1,2}})”")


def _ones_of_count_series(text):
    """Quoted 一X that open a series of counts (呈现出“一好”、“两增”、“三突破”
    的局面): each counts one thing, here and wherever else it is quoted.
    Elsewhere a quoted 一X is an adverb of manner (“一键申报”)."""
    ones = set()
    for m in _COUNT_SERIES.finditer(text):
        if all(parse_numbered(m.group(k))[1] == k for k in (2, 3)):
            ones.add(m.group(1))
    return ones


@functools.lru_cache(maxsize=4)
def _term_finder(terms):
    """For a tuple of ``terms``: a regex whose match at a position is the
    longest term there, a function giving the terms that one starts with
    (itself included), which are all the terms at that position (worked out
    for the terms found, not for every pair of a large lexicon), and each
    term's place in ``terms``."""
    ordered = sorted(set(terms), key=lambda term: (-len(term), term))

    @functools.lru_cache(maxsize=None)
    def prefixes(term):
        return [p for p in ordered if term.startswith(p)]
    rank = {term: place for place, term in enumerate(terms)}  # a lexicon's terms are distinct
    return re.compile(either(ordered)), prefixes, rank


def _lexicon_candidates(text, lexicon, bounds):
    """Every occurrence of a lexicon term that sits on word boundaries, term
    by term in lexicon order.

    One regex search per position where some term starts (a few per
    document), not one scan of the whole text per term."""
    terms = lexicon.words()
    if not terms:
        return []
    pattern, prefixes, rank = _term_finder(tuple(terms))
    found = {}  # term -> its starts, increasing
    match = pattern.search(text)
    while match:
        i = match.start()
        for term in prefixes(match.group()):
            found.setdefault(term, []).append(i)
        match = pattern.search(text, i + 1)
    cands = []
    # the terms found, in lexicon order (not a loop over the whole lexicon: a
    # title or a short window finds a term or none)
    for term in sorted(found, key=rank.__getitem__):
        entry = lexicon[term]
        for i in found[term]:
            if _lexicon_hit_ok(text, i, i + len(term), bounds):
                cands.append([i, i + len(term), entry["kind"], entry["number"], "lexicon", 4])
    return cands


# A count of 1–20 in Arabic digits (full-width or not), not part of a longer
# number, a decimal or an ordinal (2021年, 3.5万, 第3个).
_ARABIC_COUNT = rf"(?<![0-9０-９.．第]){ARABIC_COUNT}"


@functools.lru_cache(maxsize=4)
def _arabic_counts(terms):
    """A regex of the counts in digits (:data:`_ARABIC_COUNT`) before what
    makes them counts: a measure word (3个, 10大) or what follows the numeral
    of a lexicon term opening with one (农 of 三农: 3农)."""
    followers = {m[0] for m in MEASURES} | {term[1] for term in terms
                                             if len(term) > 1 and term[0] in ITEM_NUMERALS + "两"}
    return re.compile(f"{_ARABIC_COUNT}(?=[{re.escape(''.join(sorted(followers)))}])")


class _DigitView(ReadingView):
    """``text`` with each count of 1–20 that a web copy wrote in Arabic digits
    (a match of ``counts``: :func:`_arabic_counts`) written as a Chinese
    numeral (3个代表 -> 三个代表, 10大工程 -> 十大工程, 2个确保 -> 两个确保), so that
    the lexicon and the grammar read it as they read the Chinese form;
    ``converted`` holds the view offsets of those numerals. Spans map back as
    from a :class:`~policy_nlp.stages.reading_view.ReadingView` (their text as
    written: 3个代表). Dates (3月) and other units make no change.

    >>> view = _DigitView("抓好3农工作，3月开工，实施10大工程", _arabic_counts(("三农",)))
    >>> view.text, sorted(view.converted)
    ('抓好三农工作，3月开工，实施十大工程', [2, 14])
    """

    def __init__(self, text, counts):
        self.original = text
        counts = list(counts.finditer(text))
        numerals = [digits_as_numeral(m.group()) for m in counts]
        # a numeral shorter than its digits (10 -> 十) drops the digits it does not replace
        self._drop([m.start() + k for m, cn in zip(counts, numerals) for k in range(len(cn), len(m.group()))])
        self.converted = {self.to_view(m.start()) for m in counts}
        pieces, last = [], 0
        for m, cn in zip(counts, numerals):
            pieces += [text[last:m.start()], cn]
            last = m.end()
        self.text = "".join(pieces) + text[last:]

    @property
    def is_identity(self):
        """True when no digit was written as a numeral."""
        return not self.converted


def _digit_counts_confirmed(text, cands, converted, bounds):
    """``cands`` without the counts of the grammar whose numeral a web copy
    wrote in Arabic digits (at an offset of ``converted``) and that nothing
    but the numeral makes a formulation (:func:`_digit_count_ok`): in real
    text a digit count is most often a quantity (3个项目, 5个乡镇). The
    lexicon's terms, quotations and mentions of them need no such check."""
    def has_digit(c):
        return any(c[0] <= i < c[1] for i in converted)
    quoted = {text[c[0]:c[1]] for c in cands if c[2] == "numbered" and c[4] == "quotes"}
    return [c for c in cands
            if c[4] != "grammar" or not has_digit(c) or _digit_count_ok(text, c, quoted, bounds)]


# the head of a government's pledge of N works for the year (十件实事, 八件民生实事)
_PLEDGE = "实事"
# heads that name no thing a count could tally: abstract nouns, which may end
# a longer head (基本原则), and stances, only as the whole head (坚持, 确保)
_ABSTRACT_HEADS = tuple(word_set("abstract_count_heads"))
_STANCE_HEADS = word_set("stance_count_heads")
# those of them that also modify a noun after them (重点工作|会议, 全面|覆盖)
_ATTRIBUTIVE_HEADS = word_set("attributive_count_heads")


def _digit_count_ok(text, cand, quoted, bounds):
    """A count of the grammar written with a digit is a formulation when the
    document quotes it too (``quoted``: “四个最严”, with either numeral), when
    its head names no thing a count could tally (ends with an abstract noun
    of :data:`_ABSTRACT_HEADS`: 城乡3个文明建设, 3项基本原则; or is a stance of
    :data:`_STANCE_HEADS`: 5个坚持), when it is NUM 大 + a policy head (3大攻坚战,
    10大工程) or NUM 件 + 实事 (10件实事: a pledge), or when a list of exactly
    NUM members, or of members of NUM characters for a count of characters,
    defines it (:data:`~.members._DEFINING_LISTS`: 5个坚持：¶——坚持…;
    “领航、护航、启航”3大行动; “巩固、增强、提升、畅通”8个字), or when it is a
    set head's count, which its spelled-out members confirm already
    (:func:`~.grammar._set_confirmed`: A、B…这6个方面突出问题)."""
    s, e, _, n, _, _ = cand
    if text[s:e] in quoted:
        return True
    run = _NUM_RE.match(text, s)
    if run and _set_confirmed(text, s, run.group(), n, bounds) == (e, n):
        return True
    head = _count_head(text, run.end(), e) if run else ""
    if ((head in _STANCE_HEADS or head.endswith(_ABSTRACT_HEADS))
            and (head not in _ATTRIBUTIVE_HEADS or _ends_noun(text, e))):
        return True                             # 5个坚持, 3项基本原则: no quantity of things
    if run and text.startswith("大", run.end()) and text[run.end() + 1:e].endswith(HEADS):
        return True
    if run and text.startswith("件", run.end()) and text[run.end() + 1:e].endswith(_PLEDGE):
        return True                                       # 10件实事: a pledge, never a quantity
    members, step = _members_and_step(text, s, e, n, False, (), bounds.terms)
    return step in _DEFINING_LISTS and bool(_count_matches(text[s:e], n, members))   # “巩固、增强、提升、畅通”8个字


# what may follow a head that ends its noun phrase: function words (在3个重点上, 3个坚持的)
_AFTER_NOUN = frozenset("的和与及为是上中之也都要等")


def _ends_noun(text, e):
    """Whether the head ending at ``e`` ends its noun phrase: no ideograph
    follows, or a function word (:data:`_AFTER_NOUN`), or a verb the grammar
    knows as a head (城乡3个文明|建设). After an attributive head
    (:data:`_ATTRIBUTIVE_HEADS`) a noun makes the head its modifier, and the
    count one of things (3个全面|覆盖, 2个重点工作|会议, 3个意识|形态阵地)."""
    nxt = text[e:e + 1]
    return not is_ideograph(nxt) or nxt in _AFTER_NOUN or text.startswith(_VERB_HEAD_ENDS, e)


def _count_head(text, after_numeral, e):
    """The head of a count, what follows its measure word up to ``e``
    (三个|重点 -> 重点, 八项|重点工作 -> 重点工作)."""
    return text[after_numeral + len(_measure_at(text, after_numeral, MEASURES)):e]


def _mention_candidates(text, quote_ranges, quoted_terms, member_texts):
    """Unquoted mentions of what the document quoted, after its first quoted
    use; none of a quoted term that is a word of two characters in the
    language's dictionary, whose uses are the word's (民主 of “自由”、“民主”
    in 社会主义民主, 数据 in 大数据; a count such as 两化 keeps them)."""
    cands = []
    first = {}
    for s, e in quote_ranges:
        first.setdefault(text[s:e], s)
    for q, (kind, n) in quoted_terms.items():
        if len(q) < 2 or q in member_texts or (kind == "quoted" and len(q) == 2 and q in dictionary_words()):
            continue
        i = text.find(q, first[q])
        while i != -1:
            if not (text[i - 1:i] in "“「‘『" and text[i + len(q):i + len(q) + 1] in "”」’』"):
                cands.append([i, i + len(q), kind, n, "mention", 1])
            i = text.find(q, i + 1)
    return cands


def _grammar_mentions(text, cands, bounds, converted=frozenset()):
    """Other uses in the text of a count the grammar took where its evidence
    stands (两化（标准化、数字化）体系 … 开展两化体系建设; 社会主义同资本主义两条道路):
    on token boundaries (not 两面 in 两面派), not anaphoric or ordinal (这两个
    基本点, 上述五大运动), and written with a digit (3个维度) only where the
    count the grammar took is too (its evidence held for the digit: a digit
    count needs evidence of its own, which the Chinese form elsewhere is not)."""
    def has_digit(s, e):
        return any(k in converted for k in range(s, e))
    taken = {}
    for c in cands:
        if c[4] == "grammar" and c[2] == "numbered":
            taken.setdefault(text[c[0]:c[1]], (c[3], has_digit(c[0], c[1])))
    out = []
    for term, (n, digit_seed) in taken.items():
        i = text.find(term)
        while i != -1:
            e = i + len(term)
            if (bounds.is_start(i) and bounds.is_end(e) and not _bad_before(text, i)
                    and (digit_seed or not has_digit(i, e))):
                out.append([i, e, "numbered", n, "mention", 1])
            i = text.find(term, i + 1)
    return out


def _trim_blanks(text, cands):
    """The candidates without leading and trailing blanks (“ 九五 ” is 九五); empty ones dropped."""
    for c in cands:
        c[0] = after_spaces(text, c[0], c[1])
        c[1] = before_spaces(text, c[1], c[0])
    return [c for c in cands if c[0] < c[1]]


def _with_members(text, spans, lexicon, member_texts, terms=frozenset()):
    """The resolved spans as records, with the members of each numbered formulation.

    The lexicon's kind and number win for a span that is a lexicon term.
    Members' texts (and a quoted run of members, “红橙黄蓝”) are added to
    ``member_texts``. ``terms``: the lexicon's terms, never read as one-character
    abbreviations.
    """
    out = []
    for s, e, kind, n, src in spans:
        if lexicon is not None and text[s:e] in lexicon:      # curated kind and number win
            entry = lexicon[text[s:e]]
            kind, n, src = entry["kind"], entry["number"], "lexicon"
        quoted = text[s - 1:s] in "“「‘『" and text[e:e + 1] in "”」’』"
        known = lexicon[text[s:e]]["members"] if lexicon is not None and text[s:e] in lexicon else ()
        members, step = (_members_and_step(text, s, e, n, quoted, known, terms) if kind == "numbered"
                         else ([], None))
        if kind == "numbered":
            for mbr in members:
                member_texts.add(mbr["text"])
            if members and text[members[0]["start"] - 1:members[0]["start"]] in "“「" \
                    and text[members[-1]["end"]:members[-1]["end"] + 1] in "”」":
                member_texts.add(text[members[0]["start"]:members[-1]["end"]])   # “红橙黄蓝”
        out.append({"start": s, "end": e, "text": text[s:e], "kind": kind, "number": n,
                    "members": members,
                    "count_matches": _count_matches(text[s:e], n, members),
                    "source": src, "_step": step, "_named": _named_here(text, s, quoted), "_fixed": bool(known),
                    "_as_known": bool(known) and sorted(m["text"] for m in members) == sorted(known)})
    return out


# 知识库、规则库（以下简称“两库”）: the members at the mention that names the
# formulation hold for its other mentions, as a definition's do
_NAMED_BY = re.compile("(?:简称|统称|合称)为?$")


def _named_here(text, s, quoted):
    """Whether the formulation at ``s`` is the name a 简称/统称/合称 gives."""
    return bool(_NAMED_BY.search(text, max(0, s - 4), s - 1 if quoted else s))


# A formulation counting characters (八个字, 二十四字方针) names words whose
# characters make up its number: 巩固、增强、提升、畅通 are the 八个字.
_CHARACTER_COUNT = re.compile(f"[{NUM_CHARS}]+个?字")


def _count_matches(span_text, n, members):
    """Whether the members make up the number claimed; None without both.

    >>> _count_matches("八个字", 8, [{"text": t} for t in ["巩固", "增强", "提升", "畅通"]])
    True
    >>> _count_matches("三个代表", 3, [{"text": "代表"}])
    False
    """
    if not members or n is None:
        return None
    if n == len(members):
        return True
    return bool(_CHARACTER_COUNT.search(span_text)) and n == sum(len(m["text"]) for m in members)


# how far before the mention that spells a formulation out another mention
# takes its members: a formulation is announced a few sentences before its
# definition (呈现出“一好”、“两增”… then “两增”：一是…), while a mention pages
# earlier may name another thing of the same count (gwr 1982: 二十年分两步走
# on page one, the tax reform's 要分两步走。第一步，… 23,000 characters later);
# one whose members the lexicon knows (四项基本原则) names one thing throughout
_ANNOUNCED_REACH = 3000


def _share_members(spans):
    """A formulation's members, spelled out at one mention (“两增”：一是…二是…),
    hold for its other mentions in the same text (呈现出“一好”、“两增”、“三突破”
    的局面), as the golds record one formulation per document with the members
    the document spells out: mentions without members get those of the
    nearest defining mention before them (a document that defines it twice
    holds the later definition from there on), else of the first after them
    within :data:`_ANNOUNCED_REACH` characters (at any distance when the
    lexicon knows its members: the same doctrine). A defining mention is one
    where a definition (see ``_DEFINING_STEPS``) gave exactly the number
    claimed, or that a 简称 names (知识库、规则库（以下简称“两库”）), or whose
    members are the lexicon's own (坚持社会主义道路、…这四项基本原则 holds for
    the 四项基本原则 of the next sentences, cpc 1987: the lexicon's formulation
    names one thing throughout)."""
    sources = {}
    for sp in spans:
        if (sp["kind"] == "numbered" and sp["count_matches"]
                and (sp.get("_step") in _DEFINING_STEPS or sp.get("_named") or sp.get("_as_known"))):
            sources.setdefault((sp["text"], sp["number"]), []).append(sp)
    for sp in spans:
        source = _defining_mention(sp, sources.get((sp["text"], sp["number"]), ()))
        if source is not None and not sp["members"]:
            sp["members"] = [dict(m) for m in source["members"]]
            sp["count_matches"] = source["count_matches"]
    for sp in spans:
        sp.pop("_step", None)
        sp.pop("_named", None)
        sp.pop("_fixed", None)
        sp.pop("_as_known", None)


def _defining_mention(sp, sources):
    """The mention of ``sources`` whose members ``sp`` takes: the nearest
    before it, else the first after it within reach, else None."""
    before = [x for x in sources if x["start"] < sp["start"]]
    if before:
        return max(before, key=lambda x: x["start"])
    after = min((x for x in sources if x["start"] > sp["start"]), key=lambda x: x["start"], default=None)
    if after is None or after["start"] - sp["end"] > _ANNOUNCED_REACH and not sp.get("_fixed"):
        return None
    return after


_ARABIC_UNITS = re.compile(rf"(?:[1-9][{IDEOGRAPH}]{{1,3}}){{2,}}")
# the digits 1-9 as numerals, one for one (2 -> 二; digits_as_numeral reads a whole count)
_CN_DIGITS = str.maketrans("123456789", ITEM_NUMERALS[:9])


def _arabic_composite(q):
    """A quoted composite written with Arabic digits for its numerals, as
    web copies do (“4 市 1 区” for 四市一区): single digits 1-9 each before one
    to three characters, blanks ignored, read as the Chinese composite.
    Only composites (two units or more) are read: a single unit (“3年”,
    “2号楼”) is too often a quantity or an ordinal."""
    compact = re.sub(r"[\s\u3000]+", "", q.translate(TO_ASCII_DIGITS))
    if not _ARABIC_UNITS.fullmatch(compact):
        return False, None
    return parse_numbered(compact.translate(_CN_DIGITS), quoted=True)


_RENEWED = "新老"
# the measure words of a renewed count: the grammar's and 样 (kinds: “新三样”)
_RENEWED_MEASURES = (*MEASURES, "样")


def _renewed_count(q):
    """A quoted count marked new or old (“新三样” of 电动汽车、锂电池、光伏产品,
    “新三大院”, “老三样”) counts as the count itself, when a measure word
    follows its numeral (not “新四军”, an army, nor “老两口”, a couple) and it
    is no word of its own in the language's dictionary (“新八股”, “新三板”,
    “新四化”: the quoted-term rules read them)."""
    run = _NUM_RE.match(q, 1) if q[:1] in _RENEWED else None
    if (run is None or len(q) < 3 or q[1:] in dictionary_words()
            or not q.startswith(_RENEWED_MEASURES, run.end())):
        return False, None
    return parse_numbered(q[1:], quoted=True)


# a quoted count after what qualifies it (“碳达峰十大行动”, “收支两条线”, “农业八字宪法”): two
# to four ideographs, then NUM + measure word + head
_QUALIFIED = re.compile(f"([{IDEOGRAPH}]{{2,4}}?)([{NUM_CHARS}]+(?:{'|'.join(MEASURES)}).+)")
# verbs whose object the count is (“增强四个意识”, “做到两个维护”, “牢记两个务必”): the
# governing, policy and clause verbs and those of count_object_verbs; a verb with its result
# (讲好, 守住, 树牢, 杀出) by its last character too
_COUNT_VERBS = tuple(word_set("governing_verbs") | word_set("policy_verbs_before") | word_set("clause_verbs")
                     | word_set("count_object_verbs"))
_RESULT_ENDS = tuple("好牢住到出起")


def _qualified_count(q, terms=frozenset()):
    """A quoted count of two or more after a qualifier of two to four
    ideographs (“碳达峰十大行动” = 10, “收支两条线” = 2, “农业八字宪法” = 8):
    the count's number, when it is a counted formulation of the grammar
    (NUM + measure word + head) and the words before it hold no numeral and
    are no verb it is the object of (“增强四个意识”, “讲好三个故事” stay out).
    A count that is a term of the lexicon (``terms``: 四个意识, 两个务必) keeps
    whatever precedes it out: a verb more often than not."""
    m = _QUALIFIED.fullmatch(q)
    if m is None or _NUM_RE.search(m.group(1)) or m.group(2) in terms:
        return False, None
    qualifier = m.group(1)
    if qualifier.endswith(_COUNT_VERBS) or qualifier.endswith(_RESULT_ENDS):
        return False, None
    ok, n = parse_numbered(m.group(2), quoted=True)
    return (True, n) if ok and n is not None and n >= 2 else (False, None)


_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
# the name a programme code stands before: 的 and up to eight characters that hold a head
# of two characters or more (“2522”的整体框架, “5150”引才倍增计划, “6997”现代化工业体系)
_CODE_NAME = re.compile(f"的?([{IDEOGRAPH}]{{2,8}})")
_CODE_HEADS = tuple(h for h in (*HEADS, *words("term_heads")) if len(h) >= 2)
# a telephone line named after a quoted number (“12345”政务服务便民热线): the number is no code
_PHONE_LINE = re.compile(f"[^{STOPS}]{{0,8}}?(?:{alternation('phone_line_words')})")


def _is_code(text, s, e):
    """A quoted digit string naming a programme: three to six digits (not a
    year) right before a policy head (“1255”发展思路, “150”工程), or before the
    name of one (“2522”的整体框架; in the development corpora every quoted
    string of three to six digits but a year is such a code), unless a
    telephone line follows (“12345”政务服务便民热线, “12368”服务热线)."""
    q = text[s:e]
    if not (q.isascii() and q.isdigit() and 3 <= len(q) <= 6) or _YEAR.fullmatch(q):
        return False
    if _PHONE_LINE.match(text, e + 1):
        return False                                  # “12368”服务热线: a telephone number
    after = text[e + 1:e + 7]
    if after.startswith(HEADS) or _TERM_HEAD_AFTER.match(after):
        return True
    name = _CODE_NAME.match(text, e + 1)
    return bool(name) and any(name.group(1).startswith(_CODE_HEADS, p) for p in range(len(name.group(1))))


def _lexicon_hit_ok(text, s, e, bounds):
    """A lexicon term found at [s, e) is a use of it, not part of a longer
    word: on token boundaries when tokens are known; short terms outside
    quotes otherwise need a following boundary cue (三公 in 三公里 is not)."""
    if bounds.ends is not None:
        return bounds.is_start(s) and bounds.is_end(e)
    if s > 0 and (text[s - 1] in NUM_CHARS or text[s - 1] in "第0123456789") \
            and text[s] in NUM_CHARS:
        return False
    if e - s > 2 or (text[s - 1:s] in "“「‘『" and text[e:e + 1] in "”」’』"):
        return True
    nxt = text[e:e + 6]
    return (not nxt or not is_ideograph(nxt[0]) or nxt[0] in "的和与及等"
            or nxt.startswith(HEADS) or bool(_TERM_HEAD_AFTER.match(nxt)))


def _resolve(text, cands):
    """Non-overlapping spans: numeral-initial, higher priority, longer first."""
    def key(c):
        s, e, kind, n, src, pri = c
        numeral_initial = kind == "numbered" and (text[s] in NUM_CHARS or text[s].isdigit())
        whole_quote = src == "quotes"
        return (-whole_quote, -numeral_initial, -pri, -(e - s), s)
    taken = []
    starts, ends = [], []   # the spans taken: disjoint, sorted by start (so by end too)
    for c in sorted(cands, key=key):
        s, e = c[0], c[1]
        k = bisect_right(starts, e - 1)   # spans starting before e; only the last can reach past s
        if k and ends[k - 1] > s:
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return [(s, e, kind, n, src) for s, e, kind, n, src, _ in taken]
