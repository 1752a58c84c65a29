"""Numbering that runs on across sections: policy documents number their items 1.–14. straight on
across the （一）（二）… sub-headings of one section (三、…（一）…1. 2. 3.（二）…4. 5. 6.…), and a
reader counts one list of 14 whose parent is the section holding them all, not one list per
sub-section with a gap. Numbering that restarts at 1. in each sub-section stays one list each. A
sub-section holding one numbered item alone (…21. ¶ （七）农机装备产业链。 ¶ 22.智能农机。… ¶ （八）… 23.),
which is no list of its own, is the item that bridges the two around it."""

import bisect

from policy_nlp.lang.chars import before_spaces
from policy_nlp.stages.enumerations.scopes import _prepend_paragraph_item


def _join_across_sections(lists, text="", blocks=(), markers=()):
    """Join the lists whose numbering runs on from a list under an earlier item of the same parent list.

    A list of one numbering (its ``group``) under item ``j`` of a list P whose first number ``k > 1``
    follows the last number ``k - 1`` of the latest list of that numbering under an item up to
    ``j`` of P goes on that list: its items are appended, the lists under them re-pointed, and the
    joined list's parent becomes P's own parent (the section holding all the sub-sections). The
    sub-headings (P) stay their own list. Spans and scopes are kept as computed. Repeated until
    nothing joins: a joined list so lifted may go on with one under the section it now sits in
    (三、 ¶ 1. 2. 3. ¶ （二）4. 5. ¶ （三）6. …, whose （一） lost its marker).

    A list numbered one more on (``k = last + 2``) joins too when the marker numbered ``last + 1`` of
    its numbering, opening its paragraph for a block list, stands alone between the two (a
    sub-section of one item: no list holds it); it is appended before the list's items, its span its
    paragraph. So is such a marker numbered on from a joined list's last item, the next of its
    numbering, inside the section now holding the list (…28. ¶ （十一）纺织服装产业链。 ¶ 29.…).

    Parameters
    ----------
    lists : list of _List
        Every list of a text, spans and parents assigned (:func:`scopes._assign`).
    text : str
    blocks : list of (int, int)
        The paragraph blocks the markers were placed in.
    markers : list of _Marker
        Every marker candidate placed in a block, in order of their starts.

    Returns
    -------
    list of _List
        ``lists`` without those joined into an earlier one, in their order.
    """
    lifted = set()              # ids of the joined lists now under their sections' section
    held = {m.start for lst in lists for m in lst.items}
    lone = [m for m in markers if m.start not in held and m.group in {lst.group for lst in lists}]
    while True:
        bridges = _Bridges(text, blocks, lone)
        kept = _joined_once(lists, lifted, bridges)
        if len(kept) == len(lists):
            for lst in (lst for lst in kept if id(lst) in lifted):
                bridges.append_last(lst)
            return kept
        lists = kept


def _joined_once(lists, lifted, bridges):
    """One pass of :func:`_join_across_sections` over ``lists`` in the order of their starts;
    ``lifted`` (ids of the lists joined and lifted so far) is updated; ``bridges``: :class:`_Bridges`."""
    latest = {}                 # (id(parent), group) -> [list so far, its first and last parent item]
    holders = {}                # id(joined list) -> the list whose items it ran across
    absorbed = set()
    for lst in sorted(lists, key=lambda l: l.items[0].start):
        if lst.parent is None or lst.family == "——":
            continue
        key = (id(lst.parent), lst.group)
        entry = latest.get(key)
        bridge = entry and bridges.between(entry[0], lst)
        if entry is not None and _runs_on(entry[0], entry[2], lst, id(lst) in lifted, bridge is not None):
            if bridge is not None:
                bridges.prepend(bridge, lst)
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


def _runs_on(earlier, last_parent_item, lst, lifted, bridged=False):
    """Whether ``lst`` goes on with the numbering of ``earlier``, which last ran under the item
    ``last_parent_item`` of ``lst``'s parent list: under a later item (or the same one when ``lst``
    was ``lifted`` there by a join), one number on (two when ``bridged`` by a lone item between), not
    from one. Two lists under one item that the outline kept apart stay apart (（一）（二） ¶ （三）（四）
    after a count claim: …由两部分组成)."""
    first = lst.items[0].number
    later = lst.parent_item > last_parent_item or (lifted and lst.parent_item == last_parent_item)
    return (later and lst.inline == earlier.inline and not earlier.closed
            and first is not None and first > 1 and first == earlier.last_number + 1 + bridged)


class _Bridges:
    """The markers no list holds (``lone``, in order of their starts) that may bridge two lists of one
    numbering: the item of a sub-section of one item."""

    def __init__(self, text, blocks, lone):
        self.text, self.blocks, self.lone = text, blocks, lone
        self.starts = [m.start for m in lone]

    def between(self, earlier, lst):
        """The lone marker numbered between ``earlier``'s last number and ``lst``'s first, one apart
        from each, of their numbering and opening its paragraph when ``lst`` is a block list; or None."""
        first, last = lst.items[0], earlier.items[-1]
        if first.number is None or earlier.last_number + 2 != first.number:
            return None
        low, high = bisect.bisect_right(self.starts, last.start), bisect.bisect_left(self.starts, first.start)
        found = [m for m in self.lone[low:high] if m.group == lst.group and (m.initial or lst.inline)]
        return found[0] if len(found) == 1 and found[0].number == first.number - 1 else None

    def append_last(self, lst):
        """Append to the joined ``lst`` the lone marker that goes on with its numbering, when it is
        the next marker of that numbering and stands inside the scope of ``lst``'s parent item."""
        last = lst.items[-1]
        if lst.parent is None or lst.inline or last.number is None:
            return
        index = bisect.bisect_right(self.starts, last.start)
        marker = self.lone[index] if index < len(self.lone) else None
        limit = lst.parent.scopes[lst.parent_item][1]
        if marker is None or marker.start >= limit or not marker.initial or marker.number != last.number + 1:
            return
        end = before_spaces(self.text, self.blocks[marker.block][1], marker.start)
        lst.spans[-1] = (lst.spans[-1][0], min(lst.spans[-1][1], marker.start))
        lst.scopes[-1] = (lst.scopes[-1][0], marker.start)
        lst.items.append(marker)
        lst.spans.append((marker.start, end))
        lst.scopes.append((marker.start, max(end, limit)))

    def prepend(self, marker, lst):
        """``marker`` as ``lst``'s first item (:func:`scopes._prepend_paragraph_item`), no longer lone."""
        _prepend_paragraph_item(self.text, self.blocks, lst, marker)
        index = self.starts.index(marker.start)
        del self.starts[index], self.lone[index]


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
