"""Numbering that runs on across sections: policy documents number their items 1.–14. straight on
across the （一）（二）… sub-headings of one section (三、…（一）…1. 2. 3.（二）…4. 5. 6.…), and a
reader counts one list of 14 whose parent is the section holding them all, not one list per
sub-section with a gap. Numbering that restarts at 1. in each sub-section stays one list each."""


def _join_across_sections(lists):
    """Join the lists whose numbering runs on from a list under an earlier item of the same parent list.

    A list of one numbering (its ``group``) under item ``j`` of a list P whose first number ``k > 1``
    follows the last number ``k - 1`` of the latest list of that numbering under an item up to
    ``j`` of P goes on that list: its items are appended, the lists under them re-pointed, and the
    joined list's parent becomes P's own parent (the section holding all the sub-sections). The
    sub-headings (P) stay their own list. Spans and scopes are kept as computed. Repeated until
    nothing joins: a joined list so lifted may go on with one under the section it now sits in
    (三、 ¶ 1. 2. 3. ¶ （二）4. 5. ¶ （三）6. …, whose （一） lost its marker).

    Parameters
    ----------
    lists : list of _List
        Every list of a text, spans and parents assigned (:func:`scopes._assign`).

    Returns
    -------
    list of _List
        ``lists`` without those joined into an earlier one, in their order.
    """
    lifted = set()              # ids of the joined lists now under their sections' section
    while True:
        kept = _joined_once(lists, lifted)
        if len(kept) == len(lists):
            return kept
        lists = kept


def _joined_once(lists, lifted):
    """One pass of :func:`_join_across_sections` over ``lists`` in the order of their starts;
    ``lifted`` (ids of the lists joined and lifted so far) is updated."""
    latest = {}                 # (id(parent), group) -> [list so far, its first and last parent item]
    holders = {}                # id(joined list) -> the list whose items it ran across
    absorbed = set()
    for lst in sorted(lists, key=lambda l: l.items[0].start):
        if lst.parent is None or lst.family == "——":
            continue
        key = (id(lst.parent), lst.group)
        entry = latest.get(key)
        if entry is not None and _runs_on(entry[0], entry[2], lst, id(lst) in lifted):
            _append(entry[0], lst, lists)
            if lst.parent_item > entry[1]:
                holders[id(entry[0])] = lst.parent
            absorbed.add(id(lst))
            entry[2] = lst.parent_item
        else:
            latest[key] = [lst, lst.parent_item, lst.parent_item]
    kept = [lst for lst in lists if id(lst) not in absorbed]
    # in order of their starts, so that a holder joined itself has its final parent first
    for lst in sorted(kept, key=lambda l: l.items[0].start):
        holder = holders.get(id(lst))
        if holder is not None:
            lst.parent, lst.parent_item = holder.parent, holder.parent_item
            lifted.add(id(lst))
    return kept


def _runs_on(earlier, last_parent_item, lst, lifted):
    """Whether ``lst`` goes on with the numbering of ``earlier``, which last ran under the item
    ``last_parent_item`` of ``lst``'s parent list: under a later item (or the same one when ``lst``
    was ``lifted`` there by a join), one number on, not from one. Two lists under one item that the
    outline kept apart stay apart (（一）（二） ¶ （三）（四） after a count claim: …由两部分组成)."""
    first = lst.items[0].number
    later = lst.parent_item > last_parent_item or (lifted and lst.parent_item == last_parent_item)
    return (later and lst.inline == earlier.inline and not earlier.closed
            and first is not None and first > 1 and first == earlier.last_number + 1)


def _append(earlier, lst, lists):
    """Append ``lst``'s items, spans and scopes to ``earlier``; the lists under ``lst`` go under
    ``earlier``'s items."""
    offset = len(earlier.items)
    for other in lists:
        if other.parent is lst:
            other.parent, other.parent_item = earlier, other.parent_item + offset
    earlier.items = earlier.items + lst.items
    earlier.spans = earlier.spans + lst.spans
    earlier.scopes = earlier.scopes + lst.scopes
