"""The entry that links a formulation to its members: the member steps in
the order they are tried (the first that finds members wins), which of them
define a formulation or spell its members out at a count, and the trims of
the list found (a leading place word, a masked name)."""

import re

from policy_nlp.lang.chars import IDEOGRAPH
from policy_nlp.lang.masks import MASK
from policy_nlp.stages.slogans.members.items import _LIST_QUALIFIERS, _member, _Target
from policy_nlp.stages.slogans.members.before import (_in_brackets_before, _list_before_deng, _list_named_in_brackets,
    _parallel_compound_before, _quoted_list_before, _sibling_count_before, _subject_list, _unquoted_list_before)
from policy_nlp.stages.slogans.members.following import _following_list, _garbled_first_marker, _in_brackets_after
from policy_nlp.stages.slogans.members.headings import _headings_named_before, _headings_naming_head_later
from policy_nlp.stages.slogans.members.later import (_bare_list_next_sentence, _dash_items_after,
    _head_clauses_after, _marked_list_next_sentence, _ordinal_list_after_restatement, _ordinal_list_next_paragraph,
    _ordinal_list_next_sentence, _period_halves_after)
from policy_nlp.stages.slogans.members.abbreviations import (_head_final_list_nearby, _head_initial_list_later,
    _head_final_words_before, _head_initial_words_nearby, _known_members_nearby, _quoted_head_final_list_nearby,
    _quoted_names_with_head_later, _suffix_unit, _written_together_earlier)


def _members_and_step(text, s, e, number, quoted, known=(), terms=frozenset()):
    """(members, the step that found them or None); ``known``: the members a
    lexicon gives the formulation, taken last, where the text writes them
    all out near it (:func:`_known_members_nearby`).

    A step of :data:`_FAR_STEPS` whose list is not the lexicon's gives way
    to the later steps unless its items open or end with the lexicon's
    members (:func:`_known_parts`); the other steps read the text right at
    the formulation and hold against the lexicon, whose wording a text may
    vary or date (统筹国内国际两个大局; 坚持无产阶级专政, gwr 1979)."""
    target = _Target(text, s, e, number, quoted, terms)
    got, step = _first_found(target, _MEMBER_STEPS)
    while step in _FAR_STEPS and known and {m["text"] for m in got} != set(known):
        parts = _known_parts(text, got, known, opening=True)
        if parts:
            return parts, step
        # words that merely share the head are not the members the lexicon gives
        # (农贸市场和钢铁市场……用好两个市场: 国内市场, 国际市场): the later steps read on
        got, step = _first_found(target, _MEMBER_STEPS[_MEMBER_STEPS.index(step) + 1:])
    if got:
        return _known_parts(text, got, known) or got, step
    got = _known_members_nearby(target, known)
    return (_unqualified(text, _unmasked(text, got)), _known_members_nearby) if got else ([], None)


def _known_parts(text, members, known, opening=False):
    """``members`` cut to the lexicon's ``known`` members, one each, when
    every member ends with a different one of them (懂农业、爱农村、爱农民的
    “三农”工作队伍 -> 农业, 农村, 农民: the verbs describe those who serve
    them) or, with ``opening``, opens with it (农村有新变化、农业有大发展、农民
    有好生活: clauses of which they are the subjects); else None."""
    if len(known) != len(members) or len(members) < 2:
        return None
    out = []
    for m in members:
        ends = {k for k in known if m["text"].endswith(k)}
        opens = {k for k in known if opening and m["text"].startswith(k)} - ends
        if len(ends) + len(opens) != 1:
            return None                   # none, or two that the member could be
        (k,) = ends or opens
        out.append(_member(text, m["end"] - len(k), m["end"]) if ends
                   else _member(text, m["start"], m["start"] + len(k)))
    return out if len({m["text"] for m in out}) == len(out) else None


def _first_found(target, steps):
    """(members, step) of the first of ``steps`` that finds members of
    ``target``, else ([], None); an item that is only blanks is no member
    (即A、B、 ⏎: a list cut at a line break)."""
    unit = _suffix_unit(target)
    for step in steps:
        got = [m for m in step(target) or () if m["text"]]
        if got and not (unit and any(unit not in m["text"] for m in got)):
            return _unqualified(target.text, _unmasked(target.text, got)), step
    return [], None


def _unqualified(text, members):
    """``members`` with a place or level word left out of the first one when
    it opens only that one, the first is longer than every other and two
    characters or more remain."""
    if len(members) < 2 or any(m["text"].startswith(_LIST_QUALIFIERS) for m in members[1:]):
        return members
    if len(members[0]["text"]) <= max(len(m["text"]) for m in members[1:]):
        return members
    first = members[0]
    q = next((w for w in _LIST_QUALIFIERS if first["text"].startswith(w)), None)
    if q is None or len(first["text"]) - len(q) < 2:
        return members
    return [_member(text, first["start"] + len(q), first["end"])] + members[1:]


# a masked name opening a member in template copies (XX市委, ××县委, **镇, 某某乡):
# the placeholder stands for the place, which the gold leaves out of the member
# (XX市委、市人大、市政府、市政协四大家 -> 市委, as the other members name it)
_MASK_OPENING = re.compile(f"(?:{MASK})+(?=[{IDEOGRAPH}])")


def _unmasked(text, members):
    """``members`` without a leading mask, where two characters or more remain."""
    out = []
    for m in members:
        mask = _MASK_OPENING.match(text, m["start"], m["end"])
        out.append(_member(text, mask.end(), m["end"]) if mask and m["end"] - mask.end() >= 2 else m)
    return out


# steps that read a definition (brackets, 即/：/一是 lists, dash items, named
# parts): their members hold for every mention of the formulation; a list
# right before one mention may be that mention's modifiers (村、社区“两委”)
_DEFINING_STEPS = frozenset((_in_brackets_after, _quoted_list_before, _following_list, _list_named_in_brackets,
                             _marked_list_next_sentence, _bare_list_next_sentence, _ordinal_list_next_sentence,
                             _head_clauses_after, _period_halves_after, _ordinal_list_after_restatement,
                             _garbled_first_marker, _dash_items_after, _quoted_names_with_head_later,
                             _quoted_head_final_list_nearby, _headings_naming_head_later,
                             _headings_named_before))


# the lists that define a formulation rather than enumerate a quantity: 即/：-lists,
# 一是… and ——-items after it, a quoted or bracketed list before it (a bracket
# after a count most often lists what it counts: 其它3个领域（BA、BB、BC）)
_DEFINING_LISTS = frozenset((_following_list, _marked_list_next_sentence, _bare_list_next_sentence,
                             _dash_items_after,
                             _quoted_list_before, _in_brackets_before, _list_named_in_brackets))


_MEMBER_STEPS = (_in_brackets_after, _quoted_list_before, _list_before_deng, _following_list,
                 _marked_list_next_sentence, _bare_list_next_sentence, _ordinal_list_next_sentence, _head_clauses_after,
                 _period_halves_after, _garbled_first_marker, _dash_items_after,
                 _in_brackets_before,
                 _unquoted_list_before, _subject_list, _parallel_compound_before, _sibling_count_before,
                 _ordinal_list_next_paragraph, _ordinal_list_after_restatement,
                 _written_together_earlier,
                 _head_initial_list_later, _quoted_names_with_head_later,
                 _quoted_head_final_list_nearby, _head_final_list_nearby, _head_initial_words_nearby,
                 _head_final_words_before,
                 _headings_naming_head_later,   # far: after every step that reads the text near the count
                 _headings_named_before,
                 _list_named_in_brackets)   # last: a shared head of its items reads them better (知识库、规则库)


# the steps that read a list away from the formulation (all the text before
# it, the paragraph after it, section headings) or words that merely share its
# head: for a formulation the lexicon defines, their list gives way to the later
# steps when it is not the lexicon's (:func:`_members_and_step`)
_FAR_STEPS = frozenset((_written_together_earlier, _head_initial_list_later, _quoted_names_with_head_later,
                        _quoted_head_final_list_nearby, _head_final_list_nearby, _head_initial_words_nearby,
                        _head_final_words_before, _headings_naming_head_later, _headings_named_before))


# the steps that read members the text spells out right at a count, before it
# (A、B两个X, A和B这两个X) or after it (X：A、B; X，即A、B; X（A、B）; X。A、B。;
# X：一是…二是…): what confirms a count of a set head (grammar._set_confirmed)
_SPELLED_OUT = frozenset((_in_brackets_after, _following_list, _marked_list_next_sentence,
                          _bare_list_next_sentence, _unquoted_list_before, _subject_list))


# the member steps up to the last of those: a later step's list is no spelled-out one
_SPELLED_OUT_STEPS = _MEMBER_STEPS[:max(map(_MEMBER_STEPS.index, _SPELLED_OUT)) + 1]


# ... of those, the lists before the count (A、B两个X; A和B这两个X)
_SPELLED_OUT_BEFORE = frozenset((_unquoted_list_before, _subject_list))


def _spelled_out_members(text, s, e, number, terms=frozenset(), before_only=False):
    """The members of the formulation at [s, e) when the first member step
    that finds any reads them spelled out right at it (:data:`_SPELLED_OUT`;
    with ``before_only``, right before it: :data:`_SPELLED_OUT_BEFORE`),
    else []: as :func:`_members_and_step`, without running the later steps
    (:func:`_written_together_earlier` reads all the text before the count,
    which made every unconfirmed count of a set head cost a pass over a long
    line)."""
    got, step = _first_found(_Target(text, s, e, number, False, terms), _SPELLED_OUT_STEPS)
    return got if step in (_SPELLED_OUT_BEFORE if before_only else _SPELLED_OUT) else []
