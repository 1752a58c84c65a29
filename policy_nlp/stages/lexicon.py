"""The policy lexicon: named formulations with their kind, number and members.

A :class:`Lexicon` maps a term (四个全面, 一带一路, 放管服) to an entry
``{"term", "kind", "number", "members", "doc_freq", "note"}``. Its terms are
tagged wherever they occur by :func:`policy_nlp.stages.slogans.find_slogans` (source
``"lexicon"``) and feed the tokenizer's user dictionary through
:meth:`Lexicon.words`.

The file format is UTF-8 TSV with a header line; lines starting with ``#``
are comments. Columns: ``term``, ``kind`` (``numbered`` or ``quoted``),
``number`` (empty for null), ``members`` (joined by `` | ``), ``doc_freq``
(documents of the mining corpus it occurred in; empty when added by hand)
and ``note``.

:func:`default_lexicon` is the packaged lexicon (``data/policy_lexicon.tsv``,
provenance in ``data/LEXICON.md``); :func:`mine_lexicon` ranks the candidates
of a corpus by document frequency, for a person to curate.
"""

import collections
import functools
from collections.abc import Mapping
from pathlib import Path

from policy_nlp.lang.encodings import read_decoded

__all__ = ["Lexicon", "default_lexicon", "mine_lexicon"]

FIELDS = ("term", "kind", "number", "members", "doc_freq", "note")
MEMBER_SEP = " | "
KINDS = ("numbered", "quoted")


class Lexicon(Mapping):
    """Policy terms, each with kind, number and members.

    Iterating yields the terms; ``lexicon[term]`` is the entry dict.

    Examples
    --------
    >>> lex = Lexicon()
    >>> lex.add("四个全面", number=4)
    >>> lex.add("放管服", number=3, members=["简政放权", "放管结合", "优化服务"])
    >>> "四个全面" in lex, len(lex), lex["放管服"]["number"]
    (True, 2, 3)
    >>> lex.words()
    ['四个全面', '放管服']
    """

    def __init__(self, entries=()):
        self._entries = {}
        for entry in entries:
            entry = dict(entry)
            self.add(entry.pop("term"), **entry)

    def add(self, term, kind="numbered", number=None, members=(), doc_freq=None, note=""):
        """Add or replace ``term``."""
        term = term.strip()
        if not term:
            raise ValueError("empty term")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        self._entries[term] = {"term": term, "kind": kind,
                               "number": None if number in (None, "") else int(number),
                               "members": list(members or ()),
                               "doc_freq": None if doc_freq in (None, "") else int(doc_freq),
                               "note": note or ""}

    def __getitem__(self, term):
        return self._entries[term]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self):
        return len(self._entries)

    def __repr__(self):
        return f"Lexicon({len(self)} terms)"

    def words(self):
        """The terms, for the tokenizer's user dictionary (in file order)."""
        return list(self._entries)

    @classmethod
    def load(cls, path):
        """Read a lexicon TSV.

        The file may be UTF-8, GBK/GB18030 or UTF-16 with a BOM (as Excel and
        Windows editors save it): it is read like a user dictionary.

        Raises
        ------
        ValueError
            On a malformed line, naming the file and line number; a file that
            cannot be read or decoded is a ``DocumentError`` (a ValueError)
            naming the file and why.
        """
        path = Path(path)
        lex = cls()
        header = None
        for lineno, line in enumerate(read_decoded(path, "lexicon").split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header[0] != "term":
                    raise ValueError(f"{path}:{lineno}: header must start with 'term'")
                continue
            row = dict(zip(header, cells))
            try:
                lex.add(row["term"], kind=row.get("kind") or "numbered",
                        number=row.get("number") or None,
                        members=[m.strip() for m in (row.get("members") or "").split("|")
                                 if m.strip()],
                        doc_freq=row.get("doc_freq") or None, note=row.get("note", ""))
            except (KeyError, ValueError) as e:
                raise ValueError(f"{path}:{lineno}: {e}") from None
        return lex

    def save(self, path):
        """Write the lexicon as TSV (round-trips with :meth:`load`)."""
        path = Path(path)
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.write("\t".join(FIELDS) + "\n")
            for e in self._entries.values():
                cells = [e["term"], e["kind"], "" if e["number"] is None else str(e["number"]),
                         MEMBER_SEP.join(e["members"]),
                         "" if e["doc_freq"] is None else str(e["doc_freq"]),
                         e["note"].replace("\t", " ").replace("\n", " ")]
                f.write("\t".join(cells) + "\n")


@functools.lru_cache(maxsize=None)
def default_lexicon():
    """The packaged lexicon of national formulations (loaded once).

    Examples
    --------
    >>> lex = default_lexicon()
    >>> lex["四个全面"]["number"], lex["一带一路"]["kind"]
    (4, 'numbered')
    """
    return Lexicon.load(Path(__file__).resolve().parents[1] / "data" / "policy_lexicon.tsv")


def mine_lexicon(documents, min_docs=2, examples=3, context=15):
    """Candidate formulations and quoted terms of a corpus, by document frequency.

    Parameters
    ----------
    documents : iterable of (str, str)
        ``(doc_id, text)`` pairs.
    min_docs : int
        Keep candidates found in at least this many documents.
    examples : int
        How many example occurrences to keep (from different documents).
    context : int
        Characters of context on each side of an example.

    Returns
    -------
    list of dict
        ``term``, ``kind``, ``number`` (the most frequent one), ``doc_freq``,
        ``count`` (occurrences) and ``examples`` (dicts ``doc_id``,
        ``context``), ranked by ``doc_freq`` then ``count``.

    Examples
    --------
    >>> docs = [("a", "坚持“四个全面”战略布局，实施“双联”行动。"),
    ...         ("b", "协调推进“四个全面”。"), ("c", "“双联”工作。")]
    >>> [(c["term"], c["number"], c["doc_freq"]) for c in mine_lexicon(docs)]
    [('双联', 2, 2), ('四个全面', 4, 2)]
    """
    from policy_nlp.stages.slogans import find_slogans

    stats = {}
    for doc_id, text in documents:
        seen = set()
        for span in find_slogans(text):
            term = span["text"]
            st = stats.setdefault(term, {"kinds": collections.Counter(),
                                         "numbers": collections.Counter(),
                                         "docs": 0, "count": 0, "examples": []})
            st["count"] += 1
            st["kinds"][span["kind"]] += 1
            st["numbers"][span["number"]] += 1
            if term not in seen:
                seen.add(term)
                st["docs"] += 1
                if len(st["examples"]) < examples:
                    a = max(0, span["start"] - context)
                    z = min(len(text), span["end"] + context)
                    st["examples"].append({"doc_id": doc_id,
                                           "context": " ".join(text[a:z].split())})
    out = []
    for term, st in stats.items():
        if st["docs"] < min_docs:
            continue
        kind = st["kinds"].most_common(1)[0][0]
        number = st["numbers"].most_common(1)[0][0] if kind == "numbered" else None
        out.append({"term": term, "kind": kind, "number": number, "doc_freq": st["docs"],
                    "count": st["count"], "examples": st["examples"]})
    out.sort(key=lambda c: (-c["doc_freq"], -c["count"], c["term"]))
    return out
