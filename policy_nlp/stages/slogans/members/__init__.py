"""The members a text spells out for a formulation: brackets, 即 and colon
lists, 一是… lists, dash items, quoted lists and names, lists before it or
elsewhere in the paragraph (numbered (1)–(11) in the package docstring).
Every search is bounded (a clause, a paragraph's reach) so a page without
punctuation costs linear time.

The modules, by where the members are written relative to the formulation,
each importing only those before it:

``items``          the clause and item grammar the steps share (member dicts,
                   item splits, lead-in trims, clause starts, :class:`_Target`)
``list_before``    the unquoted list right before it (5): :func:`_list_before`
``before``         the other steps before it: a quoted (2), 等 (3), bracketed
                   (5a) or subject (5b) list, a list that a bracket after it
                   names (5c: A和B（即“双X”）), a parallel compound (6), a
                   sibling count (6b)
``following``      right after it: brackets (1), 即/：-lists and 一是… (4, 4e)
``later``          the sentences and paragraphs after it: 一是…, bare and
                   ordinal lists (4b, 4c; also after a sentence restating the
                   count: 这些方针，…), head clauses (4d), ——-items (11)
``headings``       a later list (of section headings) whose items each name
                   its head, however far (13): 四项工程 -> 实施…工程 headings;
                   or whose short names the text wrote between (13b: 1+4)
``abbreviations``  members read from an abbreviation's head, wherever written
                   (7, 8, 9, 10, 10b, 10c, 12), and its suffix unit (化)
``link``           the entry: the steps in order, the first that finds
                   members wins (:func:`_members_and_step`)

The package re-exports the names that the slogan grammar and finder (and
the tests) import from it.
"""

from policy_nlp.stages.slogans.members.items import _PARAGRAPH_REACH, _split_items, _Target
from policy_nlp.stages.slogans.members.list_before import _clause_in_item, _list_before
from policy_nlp.stages.slogans.members.before import _quoted_run_before, _subject_list_before
from policy_nlp.stages.slogans.members.following import _following_list, _JI
from policy_nlp.stages.slogans.members.abbreviations import _written_together_earlier
from policy_nlp.stages.slogans.members.link import (_DEFINING_LISTS, _DEFINING_STEPS, _members_and_step,
    _SPELLED_OUT, _SPELLED_OUT_STEPS, _spelled_out_members)

__all__ = ["_clause_in_item", "_DEFINING_LISTS", "_DEFINING_STEPS", "_following_list", "_JI", "_list_before",
           "_members_and_step", "_PARAGRAPH_REACH", "_quoted_run_before", "_SPELLED_OUT", "_SPELLED_OUT_STEPS",
           "_spelled_out_members", "_split_items", "_subject_list_before", "_Target", "_written_together_earlier"]
