"""Canonical forms of formulations, so that spelling variants count as one.

A formulation is written many ways in real text: “十三五”, 十三五, ＂十三五＂,
十 三 五 (spaces from web copies), 放、管、服, full-width ｀１+Ｎ｀ and half-width
``1+N``, traditional 兩學一做 and simplified 两学一做. :func:`canonical` maps
them to one key; :func:`canonical_members` does the same for the members a
text spells out, so that 经济建设，政治建设 and 经济建设、政治建设 agree;
:func:`link_expansions` links each mention of an abbreviation (三清) to the
members its document spells out once (“三清”(清垃圾、清河道、清路障)).

Traditional characters are converted by :func:`policy_nlp.stages.script.simplified`
(OpenCC's ``t2s``; ``opencc`` is a dependency).
"""

import unicodedata
import warnings
from functools import lru_cache

from policy_nlp.stages.script import simplified

__all__ = ["canonical", "canonical_members", "link_expansions"]

# Characters kept although Unicode files them as punctuation or symbols:
# they are part of formulations such as 1+N, 1＋30＋N and 5G.
_KEEP = set("+")


def _has_opencc():
    """True: traditional characters are always converted (``opencc`` is a dependency)."""
    return True


def __getattr__(name):  # old names, with a DeprecationWarning
    if name == "to_simplified":
        # script.to_simplified keeps a text's length: two public to_simplified meant two things
        warnings.warn(f"{__name__}.to_simplified is now policy_nlp.stages.script.simplified; "
                      "policy_nlp.stages.script.to_simplified keeps a text's length; the old name will go",
                      DeprecationWarning, stacklevel=2)
        return simplified
    if name == "has_opencc":  # for code written when opencc was optional
        warnings.warn(f"{__name__}.has_opencc is always true (opencc is a dependency); the old name will go",
                      DeprecationWarning, stacklevel=2)
        return _has_opencc
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=65536)
def canonical(text):
    """The canonical form of a formulation's text.

    NFKC (full-width → half-width), no whitespace, no punctuation (quotes,
    、·—《》 …) but ``+``, Latin letters upper-cased, traditional → simplified
    characters.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The key under which variants are counted; the text itself (NFKC) if
        it is made of punctuation only.

    Examples
    --------
    >>> canonical("“十三五”"), canonical("十 三 五"), canonical("＂十三五＂")
    ('十三五', '十三五', '十三五')
    >>> canonical("放、管、服"), canonical("１＋Ｎ"), canonical("1+n")
    ('放管服', '1+N', '1+N')
    >>> canonical("「兩學一做」") == canonical("两学一做")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"canonical takes str, not {type(text).__name__}")
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(c for c in normal if c in _KEEP or not (
        c.isspace() or unicodedata.category(c)[0] in "PZC"))
    if not kept:
        return normal.strip()
    return simplified(kept).upper()


def canonical_members(members):
    """The members of a formulation as one canonical string, joined by 、.

    Parameters
    ----------
    members : iterable of str or of dict with ``"text"``

    Examples
    --------
    >>> canonical_members(["“经济建设”", "政治 建设"])
    '经济建设、政治建设'
    >>> canonical_members([{"text": "清垃圾"}, {"text": "清河道"}])
    '清垃圾、清河道'
    """
    texts = [m["text"] if isinstance(m, dict) else m for m in members or []]
    return "、".join(canonical(t) for t in texts)


def link_expansions(slogans):
    """Link each mention of an abbreviation to the expansion its document gives.

    A text spells out an abbreviation once — “三清”(清垃圾、清河道、清路障) —
    and then uses it alone (抓好三清工作). Each mention gets the members
    spelled out at the nearest mention of the same canonical form that has
    them: its own, else the closest one before it, else the first one after
    it (a summary sentence may come before the expansion).

    Parameters
    ----------
    slogans : sequence of dict
        One document's slogan records (``text``, ``start``, ``members`` as
        in the JSON output), in any order.

    Returns
    -------
    list of (str or None, int or None)
        Per slogan, in the given order: the canonical members of the
        expansion joined by 、 (:func:`canonical_members`) and the offset
        where the text spells them out (the first member's ``start``; the
        mention's own ``start`` for members given without offsets);
        ``(None, None)`` when the document never spells it out.

    Examples
    --------
    >>> text = "抓好三清工作。全面开展“三清”(清垃圾、清河道、清路障)行动，三清要落实。"
    >>> spelled = [{"text": m, "start": text.index(m), "end": text.index(m) + 3} for m in ("清垃圾", "清河道", "清路障")]
    >>> slogans = [{"text": "三清", "start": 2, "members": []},
    ...            {"text": "三清", "start": 12, "members": spelled},
    ...            {"text": "三清", "start": 31, "members": []}]
    >>> link_expansions(slogans)  # doctest: +NORMALIZE_WHITESPACE
    [('清垃圾、清河道、清路障', 16), ('清垃圾、清河道、清路障', 16), ('清垃圾、清河道、清路障', 16)]
    """
    spelled = {}  # canonical form -> [(where the members are written, canonical members)]
    for s in slogans:
        if s.get("members"):
            starts = [m["start"] for m in s["members"] if isinstance(m, dict) and "start" in m]
            spelled.setdefault(canonical(s.get("text") or ""), []).append(
                (min(starts) if starts else s["start"], canonical_members(s["members"])))
    out = []
    for s in slogans:
        if s.get("members"):  # its own (the slogans stage may share one spelling between mentions)
            starts = [m["start"] for m in s["members"] if isinstance(m, dict) and "start" in m]
            out.append((canonical_members(s["members"]), min(starts) if starts else s["start"]))
            continue
        found = sorted(spelled.get(canonical(s.get("text") or ""), []))
        if not found:
            out.append((None, None))
            continue
        before = [f for f in found if f[0] <= s["start"]]
        start, members = before[-1] if before else found[0]
        out.append((members, start))
    return out
