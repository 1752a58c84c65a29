"""Traditional-script documents: detect them and convert them for analysis.

Local speeches reach users through sites that convert pages to Traditional
characters (會議, 經濟). The stages read Simplified text (the lexicon, the
slogan grammar and the topic model were built on it), so a Traditional
document is analysed in a Simplified copy. The copy has the *same length* as
the original, character for character, so every offset found in it is an
offset into the original too, and the original is recoverable from the list
of changed characters.

Decisions
---------
* Conversion uses OpenCC's ``t2s`` (phrases first, then characters). A run
  of ideographs is converted whole when the result has the run's length;
  otherwise (a phrase conversion that changes the length) each character of
  the run is converted alone.
* Only documents in Traditional script are converted: a Simplified text
  keeps a stray Traditional character (乾隆, a name), because converting
  single characters out of context is where conversions go wrong.
* A document is Traditional when at least :data:`MIN_TRADITIONAL`
  ideographs are Traditional-only and they outnumber the Simplified-only
  ones :data:`RATIO` to one (mangled pages mix a few Simplified forms in).

Examples
--------
>>> text = "在全縣安監站長會議上的講話"
>>> is_traditional(text + "。同志們，今年即將過去，新的一年又將開始。")
True
>>> simplified, changed = to_simplified(text)
>>> simplified
'在全县安监站长会议上的讲话'
>>> changed[:2]
[(2, '縣'), (4, '監')]
>>> len(simplified) == len(text)
True
"""

import re
from collections import Counter
from functools import lru_cache

from policy_nlp.lang.chars import IDEOGRAPH

__all__ = ["MIN_TRADITIONAL", "RATIO", "is_traditional", "opencc_converter", "script_counts", "script_vote",
           "simplified", "to_simplified", "traditional_wins"]

MIN_TRADITIONAL = 10
RATIO = 3
_IDEOGRAPHS = re.compile(f"[{IDEOGRAPH}\uf900-\ufaff]+")


@lru_cache(maxsize=2)
def opencc_converter(config):
    """OpenCC's converter ``config`` (``"t2s"``, ``"s2t"``), loaded once."""
    import opencc  # only documents that need it pay for loading the dictionaries
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def _simplified_char(ch):
    """``ch`` in Simplified script, or ``ch`` when it has no one-character form."""
    converted = opencc_converter("t2s").convert(ch)
    return converted if len(converted) == 1 else ch


@lru_cache(maxsize=65536)
def _simplified_only(ch):
    """True for a character that Traditional script writes differently (发, 会)."""
    return _simplified_char(ch) == ch and opencc_converter("s2t").convert(ch) != ch


def script_counts(text):
    """``(traditional, simplified)``: how many ideographs of ``text`` exist only
    in that script.

    >>> script_counts("會议")
    (1, 1)
    """
    traditional = simplified = 0
    for run in _IDEOGRAPHS.findall(text):
        for ch in run:
            if _simplified_char(ch) != ch:
                traditional += 1
            elif _simplified_only(ch):
                simplified += 1
    return traditional, simplified


def is_traditional(text):
    """True when ``text`` is written in Traditional characters (see the module's decisions).

    The same answer as :func:`script_counts`'s rule, but the Simplified-only
    characters are counted only when there are enough Traditional ones to
    matter: a Simplified text never loads OpenCC's ``s2t`` dictionaries (~0.1 s).
    """
    return traditional_wins(script_vote(text))


def traditional_wins(vote):
    """Whether a :func:`script_vote` makes the text Traditional."""
    traditional, simplified = vote
    return simplified is not None and traditional >= RATIO * simplified


def script_vote(text):
    """``(traditional, simplified)``: the counts of :func:`script_counts`, but
    ``simplified`` is None (not counted) when there are fewer than
    :data:`MIN_TRADITIONAL` Traditional-only ideographs: then no part of the
    text can be Traditional either.

    >>> script_vote("今天开会。")
    (0, None)
    """
    # each distinct character looked up once (a report has ~3,000 in 1 M
    # characters); a Simplified text has few distinct Traditional ones, each
    # counted by one scan; with more, one count of every character is cheaper
    ideographs = [ch for ch in set(text) if _IDEOGRAPHS.match(ch)]
    traditional_chars = [ch for ch in ideographs if _simplified_char(ch) != ch]
    counts = Counter(text) if len(traditional_chars) > 8 else None
    traditional = sum(counts[ch] for ch in traditional_chars) if counts else sum(map(text.count, traditional_chars))
    if traditional < MIN_TRADITIONAL:
        return traditional, None
    counts = counts or Counter(text)
    return traditional, sum(counts[ch] for ch in ideographs if _simplified_only(ch))


def to_simplified(text, skip=()):
    """Convert ``text`` to Simplified characters, keeping its length.

    Parameters
    ----------
    text : str
    skip : iterable of (int, int)
        Spans left out of the conversion and out of the phrases around them
        (pinyin glosses inserted between the characters of a word: the
        phrase 會議 of ``會(huì)議`` is converted as one).

    Returns
    -------
    converted : str
        ``len(converted) == len(text)``; characters outside ``skip`` may differ.
    changed : list of (int, str)
        ``(offset, original character)`` of each changed character.

    Examples
    --------
    >>> to_simplified("會(huì)議", skip=[(1, 6)])
    ('会(huì)议', [(0, '會'), (6, '議')])
    """
    skip = sorted(skip)
    positions = []   # offsets in ``text`` of the characters that are converted
    previous = 0
    for start, end in skip:
        positions.extend(range(previous, max(previous, start)))
        previous = max(previous, end)
    positions.extend(range(previous, len(text)))
    joined = "".join(text[i] for i in positions)
    chars = list(text)
    changed = []
    t2s = opencc_converter("t2s")
    for match in _IDEOGRAPHS.finditer(joined):
        run = match.group()
        converted = t2s.convert(run)
        if len(converted) != len(run):
            converted = "".join(_simplified_char(ch) for ch in run)
        for k, (old, new) in enumerate(zip(run, converted)):
            if old != new:
                i = positions[match.start() + k]
                chars[i] = new
                changed.append((i, old))
    return "".join(chars), changed


def simplified(text):
    """``text`` in Simplified characters, for keys and word matching (OpenCC ``t2s``:
    phrases first, so the length may change; :func:`to_simplified` keeps it and lists the
    changes, for text whose offsets count).

    Examples
    --------
    >>> simplified("縣委書記")
    '县委书记'
    """
    return opencc_converter("t2s").convert(text) if text else text
