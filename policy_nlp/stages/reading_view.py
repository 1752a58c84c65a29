"""The reading view of a text: the text as a reader reads it, with the offsets back.

Web and PDF copies cut words that a reader reads whole: a hard wrap breaks
a paragraph on every physical line (五个典⏎范, 二⏎是), and justified or
copied text leaves a blank between two ideographs (十四 五, 增 长). The view
drops

- the line breaks inside a paragraph: the hard wraps, as
  :func:`~policy_nlp.stages.paragraphs.join_hard_wrapped` decides them (a
  line break between paragraphs stays: lists find markers at line starts);
- a single blank between two ideographs, unless an item starts after it
  (…紧迫感 一是要…: the blank separates as a line break would), and one
  between an ideograph and the punctuation after it (一 、, 现在 ,).

The slogan and list finders read the view, and every span they find is
mapped back, so that ``text[start:end] == span["text"]`` still holds (the
span then holds the break or the blank). The text is never changed; a text
with nothing to drop is its own view.
"""

from bisect import bisect_left, bisect_right

import numpy

from policy_nlp.lang.chars import INNER_BLANK
from policy_nlp.stages.paragraphs import ITEM_START, find_paragraphs


class ReadingView:
    """The reading view of ``text`` (see the module's docstring).

    Parameters
    ----------
    text : str
    paragraphs : list of (int, int), optional
        The paragraphs of ``text`` (:func:`~policy_nlp.stages.paragraphs.find_paragraphs`,
        found when omitted); a line break inside one is a hard wrap.

    Examples
    --------
    >>> lines = ["今天我们召开街道党工委扩大会议,主要任务是深入传达学"] * 6 + ["习近平同志提出的“十四 五”规划。"]
    >>> view = ReadingView("\\n".join(lines))
    >>> "\\n" in view.text, "十四五" in view.text
    (False, True)
    >>> start = view.text.index("十四五")
    >>> span = view.back([{"start": start, "end": start + 3, "text": "十四五"}])[0]
    >>> span["text"], view.original[span["start"]:span["end"]] == span["text"]
    ('十四 五', True)
    """

    def __init__(self, text, paragraphs=None):
        self.original = text
        if paragraphs is None:
            paragraphs = find_paragraphs(text)
        dropped = []
        if "\n" in text:
            for start, end in paragraphs:
                i = text.find("\n", start, end)
                while i != -1:
                    dropped.append(i)
                    i = text.find("\n", i + 1, end)
        dropped += [m.start() for m in INNER_BLANK.finditer(text) if not ITEM_START.match(text, m.end())]
        self._drop(sorted(dropped))

    def _drop(self, dropped):
        """Make the view of ``self.original`` without the characters at the
        sorted offsets ``dropped``."""
        text = self.original
        self._dropped = dropped
        # where each dropped character falls in the view: before the view's character there
        self._in_view = [i - k for k, i in enumerate(self._dropped)]
        self._dropped_array = numpy.array(self._dropped, dtype=numpy.int64)
        kept, start = [], 0
        for i in self._dropped:
            kept.append(text[start:i])
            start = i + 1
        self.text = "".join(kept) + text[start:] if self._dropped else text

    @property
    def is_identity(self):
        """True when the view is the text itself."""
        return not self._dropped

    def to_view(self, offset):
        """The view offset of the text's ``offset`` (a dropped character's is the next kept one's)."""
        return offset - bisect_left(self._dropped, offset)

    def start_in_text(self, offset):
        """The text offset of the view's character at ``offset``."""
        return offset + bisect_right(self._in_view, offset)

    def end_in_text(self, offset):
        """The text offset just after the view's character before ``offset``."""
        return self.start_in_text(offset - 1) + 1 if offset > 0 else 0

    def spans(self, spans):
        """``(start, end)`` spans of the text as spans of the view."""
        if self.is_identity:
            return spans
        return [tuple(pair) for pair in self._to_view_array(spans).tolist()]

    def _to_view_array(self, pairs):
        """:meth:`to_view` of every offset of ``pairs``, as an (n, 2) array."""
        pairs = numpy.asarray(pairs, dtype=numpy.int64).reshape(-1, 2)
        return pairs - numpy.searchsorted(self._dropped_array, pairs, side="left")

    def tokens(self, tokens):
        """Token offsets of the text (a list of pairs or an (n, 2) int array)
        as offsets in the view, those of dropped characters left out. Where
        the segmenter was left one character on each side of a dropped one
        (重 点, 典⏎范: a word cut in two), the two are one token."""
        if tokens is None or self.is_identity:
            return tokens
        is_array = hasattr(tokens, "shape")
        mapped = self._to_view_array(tokens)
        mapped = mapped[mapped[:, 1] > mapped[:, 0]]
        single = mapped[:, 1] - mapped[:, 0] == 1
        # a one-character token right after another, across a dropped character
        glued = numpy.flatnonzero(single[1:] & single[:-1] & (mapped[1:, 0] == mapped[:-1, 1])
                                  & numpy.isin(mapped[1:, 0], self._in_view))
        merged_into = set()
        for i in glued.tolist():
            if i not in merged_into and i - 1 not in merged_into:   # a merged pair is two characters
                merged_into.add(i)
        if merged_into:
            first = sorted(merged_into)
            mapped[first, 1] = mapped[[i + 1 for i in first], 1]
            mapped = numpy.delete(mapped, [i + 1 for i in first], axis=0)
        if is_array:
            return mapped.astype(tokens.dtype)
        return [tuple(pair) for pair in mapped.tolist()]

    def back(self, records):
        """Records found in the view (dicts, lists of them, nested) with their
        offsets in the text: a dict's ``start`` and ``end`` are mapped, its
        ``text`` becomes ``text[start:end]`` and its ``marker`` the text of
        the same characters at ``start`` (both then hold what the view
        dropped inside them)."""
        if self.is_identity:
            return records
        if isinstance(records, list):
            return [self.back(record) for record in records]
        if not isinstance(records, dict):
            return records
        out = {key: self.back(value) for key, value in records.items()}
        start, end = records.get("start"), records.get("end")
        if isinstance(start, int) and isinstance(end, int):
            out["start"] = self.start_in_text(start)
            out["end"] = self.end_in_text(end) if end > start else out["start"]
            if isinstance(records.get("text"), str):
                out["text"] = self.original[out["start"]:out["end"]]
            if isinstance(records.get("marker"), str):
                out["marker"] = self.original[out["start"]:self.end_in_text(start + len(records["marker"]))]
        return out
