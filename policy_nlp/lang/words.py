"""Word lists as data: the files of ``policy_nlp/lang/data/``.

A list file is UTF-8 text. Its first line is a ``#`` comment saying what the
list is and where it came from; the rest holds the words, separated by spaces
or line breaks, in the order the stages use them (it matters where a list
becomes a regular expression: a longer word before its prefix). Lines starting
with ``#`` are comments. A word listed twice is an error: it is always a slip.

Examples
--------
>>> words("leaders")[:3]
('习近平', '李强', '李克强')
>>> "一心一意" in word_set("idioms")
True
>>> import re
>>> bool(re.fullmatch(alternation("share_words"), "朋友圈"))
True
>>> either(["乡", "乡镇", "街道"], longest_first=True)
'乡镇|街道|乡'
"""

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["DATA", "words", "word_set", "alternation", "either"]

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def words(name):
    """The words of ``data/NAME.txt`` in file order (read once per process).

    Raises
    ------
    FileNotFoundError
        When there is no such list.
    ValueError
        When the file does not start with its ``#`` source line, is empty or
        lists a word twice (the message names the file).
    """
    path = DATA / f"{name}.txt"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in DATA.glob("*.txt")))
        raise FileNotFoundError(f"{path}: no word list {name!r} (known: {known})")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise ValueError(f"{path}: the first line must be a '#' line saying where the list comes from")
    result, seen = [], set()
    for number, line in enumerate(lines[1:], start=2):
        if line.lstrip().startswith("#"):
            continue
        for word in line.split():
            if word in seen:
                raise ValueError(f"{path}:{number}: {word!r} is listed twice")
            seen.add(word)
            result.append(word)
    if not result:
        raise ValueError(f"{path}: no words")
    return tuple(result)


@lru_cache(maxsize=None)
def word_set(name):
    """The words of ``data/NAME.txt`` as a frozenset (for membership tests)."""
    return frozenset(words(name))


@lru_cache(maxsize=None)
def alternation(name):
    """The words of ``data/NAME.txt`` as a regular-expression alternation, in file order."""
    return either(words(name))


def either(terms, longest_first=False):
    """A regular-expression alternation of ``terms`` (any strings, escaped): in their order, or
    longest first where a term is the prefix of another (乡镇 before 乡); terms of one length keep
    their order either way."""
    return "|".join(map(re.escape, sorted(terms, key=len, reverse=True) if longest_first else terms))
