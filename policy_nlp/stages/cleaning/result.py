"""The result of cleaning: :class:`CleanedText`, the kept text, every removal and the metadata."""

import bisect
from dataclasses import dataclass, field




@dataclass
class CleanedText:
    """The body of a text, what was removed from it, and its metadata.

    Attributes
    ----------
    text : str
        The body: what gets annotated.
    removed : list of dict
        ``{"start", "end", "text", "reason"}`` for each removed span, with
        offsets into the original text, in order.
    meta : dict
        Of ``"title"``, ``"speaker"``, ``"position"``, ``"date"`` (ISO),
        ``"occasion"``, ``"venue"``, ``"salutation"``, ``"dateline"``,
        ``"publication"``, ``"published"`` (ISO): those that were found.
    offset_map : list of [int, int, int]
        ``[clean_start, original_start, length]`` of each kept segment.
    converted : list of [int, str]
        ``[original_offset, original_character]`` of each body character
        that was converted from Traditional script (``meta["script"] ==
        "traditional"``); the body has the Simplified character there.

    Examples
    --------
    >>> from policy_nlp.stages.cleaning import clean_text
    >>> cleaned = clean_text("分享到：\\n同志们：\\n今天开会。\\n点评 回复 举报")
    >>> cleaned.text
    '同志们：\\n今天开会。'
    >>> i = cleaned.text.index("今天")
    >>> cleaned.original_offset(i)
    10
    >>> cleaned.original_span(i, i + 4)
    (10, 14)
    """

    text: str
    removed: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    offset_map: list = field(default_factory=list)
    converted: list = field(default_factory=list)

    def original_offset(self, i):
        """The offset in the original text of cleaned-text offset ``i``.

        ``i == len(text)`` maps to the end of the last kept character.
        """
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside the cleaned text (length {len(self.text)})")
        if not self.offset_map:
            return 0
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.offset_map):
            starts = self.__dict__["_starts"] = [seg[0] for seg in self.offset_map]
        k = bisect.bisect_right(starts, i) - 1
        clean_start, original_start, _ = self.offset_map[max(k, 0)]
        return original_start + (i - clean_start)

    def original_span(self, start, end):
        """``(start, end)`` in the original text of a cleaned-text span.

        The end maps through the span's last character, so a span that ends
        just before a removed part does not grow over it.
        """
        if end <= start:
            position = self.original_offset(start)
            return position, position
        return self.original_offset(start), self.original_offset(end - 1) + 1

    def restore(self):
        """The original text, from ``text`` and the ``removed`` records."""
        parts = []
        for clean_start, original_start, length in self.offset_map:
            parts.append((original_start, self.text[clean_start:clean_start + length]))
        parts.extend((r["start"], r["text"]) for r in self.removed)
        parts.sort(key=lambda part: part[0])
        restored = "".join(text for _, text in parts)
        if self.converted:
            chars = list(restored)
            for offset, char in self.converted:
                chars[offset] = char
            restored = "".join(chars)
        return restored
