"""Everything done to a raw text before the pipeline's stages run.

Plain functions on strings (no spaCy), shared by the corpus readers
(:mod:`policy_nlp.io.corpus`), a corpus run (:mod:`policy_nlp.run.batch`) and
the cleaning tokenizer of ``policy_nlp.load(clean=True)``, so that ``nlp(text)``
and ``policy-nlp annotate`` give the same text and ``meta``:

1. :func:`normalize` — line endings, zero-width and control characters,
   U+00A0 (counted in ``meta["normalized"]``); the text a user sees is kept,
   so offsets stay meaningful;
2. :func:`content_hash` — ``meta["sha1"]`` of the normalised text (resume and
   duplicate detection);
3. :func:`~policy_nlp.stages.cleaning.clean_text` — page furniture out (kept
   in ``meta["removed"]`` with offsets into the normalised text), title,
   speaker, date … into ``meta``;
4. :func:`~policy_nlp.stages.places.enrich_meta` — ISO date, year, place and
   level.

:func:`prepare` runs them in this order.
"""

import hashlib
import re

from policy_nlp.lang.chars import ONE_LINE_BREAK

__all__ = ["normalize", "content_hash", "prepare", "ZERO_WIDTH", "CONTROL"]

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# C0 controls except tab and newline, DEL and the C1 block.
CONTROL = "".join(chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)])
_REMOVE = re.compile(f"[{re.escape(ZERO_WIDTH + CONTROL)}]")


def normalize(text: str) -> "tuple[str, dict[str, int]]":
    """Normalise line endings, zero-width and control characters.

    Line endings become ``\\n``; zero-width characters and stray control
    characters are removed; U+00A0 becomes an ordinary space. U+3000 (the
    ideographic space used to indent and separate paragraphs) and half-width
    punctuation are kept.

    Returns
    -------
    text : str
        The normalised text.
    changes : dict
        How many characters of each kind were changed:
        ``{"line_endings", "zero_width", "control", "nbsp"}``.

    Examples
    --------
    >>> normalize("同志们：\\r\\n\\u200b今天\\u00a0开会")
    ('同志们：\\n今天 开会', {'line_endings': 1, 'zero_width': 1, 'control': 0, 'nbsp': 1})
    """
    changes = {"line_endings": text.count("\r")}
    text = ONE_LINE_BREAK.sub("\n", text)
    changes["zero_width"] = sum(text.count(ch) for ch in ZERO_WIDTH)
    changes["control"] = len(_REMOVE.findall(text)) - changes["zero_width"]
    text = _REMOVE.sub("", text)
    changes["nbsp"] = text.count("\u00a0")
    return text.replace("\u00a0", " "), changes


def content_hash(text: str) -> str:
    """The SHA-1 of ``text`` in UTF-8 (``meta["sha1"]``).

    Examples
    --------
    >>> content_hash("双联")[:12]
    'b34c08e800d0'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def prepare(text: str, meta: "dict | None" = None, *, clean: bool = True,
            normalized: bool = False) -> "tuple[str, dict]":
    """The text the stages annotate, and the document's ``meta``.

    Parameters
    ----------
    text : str
        The raw text.
    meta : dict, optional
        Metadata given with the input; its fields win over those read from
        the text.
    clean : bool
        Remove web page furniture and read the title block (``meta``
        ``removed``, ``converted``, ``title``, ``speaker``, ``date`` …).
    normalized : bool
        ``text`` is already normalised and ``meta`` holds its ``sha1`` (a
        :class:`~policy_nlp.io.corpus.Record` from the readers); otherwise
        both are done here.

    Returns
    -------
    text : str
        The text to annotate (the cleaned text when ``clean``): span offsets
        are offsets into it, while ``meta["removed"]`` offsets are into the
        normalised input.
    meta : dict

    Examples
    --------
    >>> text, meta = prepare("分享到:\\r\\n\\r\\n同志们：\\r\\n今天开会。")
    >>> text, meta["salutation"], meta["removed"][0]["reason"], meta["normalized"]["line_endings"]
    ('同志们：\\n今天开会。', '同志们', 'share widget', 3)
    """
    from policy_nlp.stages.cleaning import clean_text
    from policy_nlp.stages.places import enrich_meta
    meta = dict(meta or {})
    if _empty(meta.get("date")):  # an empty date cell gives no date: the text's may be read
        meta.pop("date", None)
    # what cleaning adds below was read from the text; a field given empty ("title": null) gives nothing
    given = {key for key, value in meta.items() if not _empty(value)} - {"sha1", "normalized"}
    if not normalized:
        text, changes = normalize(text)
        meta["sha1"] = content_hash(text)
        if any(changes.values()):
            meta["normalized"] = changes
    if clean:
        cleaned = clean_text(text)
        text = cleaned.text
        for key, value in cleaned.meta.items():  # fields given with the input win, unless empty
            if _empty(meta.get(key)):
                meta[key] = value
        if cleaned.removed:
            meta["removed"] = cleaned.removed
        if cleaned.converted:  # the text is the Simplified copy; these give the original back
            meta["converted"] = {"from": "traditional", "changed": len(cleaned.converted),
                                 "chars": cleaned.converted}
    return text, enrich_meta(meta, text, given)  # ISO date, year, place, level (given values win)


def _empty(value):
    """A meta field given without a value (None, a blank cell), which gives way to the text's."""
    return not str(value or "").strip()
