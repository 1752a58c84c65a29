"""Placeholders of masked names in template and anonymised copies of speeches.

Document-sharing sites and templates replace names and places by XX, xx, ××,
**, ___ or 某某 (XX市委, 20xx年, 王某某). They stay in the text; the cleaning
stage counts them and never takes one for a speaker or a venue, and the
slogans stage leaves one that opens a member out of it (XX市委 -> 市委).

>>> import re
>>> [m.group() for m in re.finditer(MASK, "XX市委、××县、Xi、某某乡")]
['XX', '××', '某某']
"""

__all__ = ["MASK"]

# Two or more of one kind (a single X is a letter); Latin x's only outside a
# Latin word. The lookahead of every first character lets the regex engine
# skip to candidate positions (5x faster on long texts).
MASK = r"(?=[Xx×✕*＊_＿某])(?:(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[×✕]{2,}|[*＊]{2,}|[_＿]{2,}|某某)"
