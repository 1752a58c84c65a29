"""``find_title_slogans``: the formulations and quoted terms of a document's
title (``meta.title``), which cleaning moves out of the text the stages read.

A title names what a speech or a document is about, so its terms are often
the most salient ones (关于深入开展“效能风暴”行动的讲话, “十四五”智能制造发展规划,
区群众工作“民意快线”工程…主持词). They are found by :func:`find_slogans` on the
title alone, and their offsets are into the title string: they are a
document's ``meta.title_slogans``, never mixed with the spans of ``text``.
:func:`title_only` gives those the text does not name, what the title adds to
the formulations a document uses (the tables and the report count them).
"""

from policy_nlp.stages.canonical import canonical
from policy_nlp.stages.script import to_simplified
from policy_nlp.stages.slogans.find import find_slogans


def find_title_slogans(title, lexicon=None, *, cut=None, traditional=False):
    """Numbered formulations and quoted policy terms in a document's title.

    Parameters
    ----------
    title : str
        The title as the document's ``meta`` keeps it.
    lexicon : Lexicon, optional
        As for :func:`find_slogans`.
    cut : callable, optional
        A string's words as ``[(start, end), ...]`` (the pipeline's tokenizer's
        ``cut``): heads then end on word boundaries, as in the text.
    traditional : bool
        The document was read in a Simplified copy (``meta.script ==
        "traditional"``): the title is read in its own Simplified copy, of the
        same length, as the text was, but the records keep the title's own
        characters, so that ``title[start:end] == record["text"]``.

    Returns
    -------
    list of dict
        The records of :func:`find_slogans` (members too), offsets into ``title``.

    Examples
    --------
    >>> [(s["text"], s["kind"]) for s in find_title_slogans("我县召开“三秋”生产工作会议")]
    [('三秋', 'numbered')]
    >>> title = "區群眾工作“民意快線”工程第二批民生問題集中調度會主持詞"
    >>> [(s["text"], title[s["start"]:s["end"]]) for s in find_title_slogans(title, traditional=True)]
    [('民意快線', '民意快線')]
    """
    if not isinstance(title, str) or not title.strip():   # none, or a given value that is no text
        return []
    read = to_simplified(title)[0] if traditional else title
    found = find_slogans(read, lexicon, tokens=cut(read) if cut else None)
    if read == title:
        return found
    # the same offsets in the title as written (the copy has its length)
    return [{**s, "text": title[s["start"]:s["end"]],
             "members": [{**m, "text": title[m["start"]:m["end"]]} for m in s["members"]]} for s in found]


def title_only(title_slogans, in_text):
    """The title's slogans whose canonical form is not among ``in_text``.

    A term in both the title and the text counts once, in the text; a term
    of the title alone is a mention of the document too.

    Parameters
    ----------
    title_slogans : list of dict or None
        A document's ``meta.title_slogans``.
    in_text : set of str
        The canonical forms (:func:`~policy_nlp.stages.canonical.canonical`)
        of the text's slogans.

    Examples
    --------
    >>> [s["text"] for s in title_only(find_title_slogans("山东省“十四五”科技创新规划"), set())]
    ['十四五']
    >>> title_only(find_title_slogans("山东省“十四五”科技创新规划"), {"十四五"})
    []
    """
    return [s for s in title_slogans or [] if canonical(s.get("text") or "") not in in_text]
