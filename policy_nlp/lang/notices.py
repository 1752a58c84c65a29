"""The notice a document-sharing site puts where its preview hides text.

Preview copies of speeches cut the middle out and say how much: 此处隐藏6492个字,
此处隐藏：2305字, (…网 省略264字,正式会员可完整阅读). The cleaning stage
removes a line that opens with the notice (``data/template_furniture.tsv``);
where one is left in the text (……此处隐藏6492个字…… inside a line), the
enumerations stage cuts the outline there, as the hidden part may hold the
items in between.

>>> import re
>>> [m.group() for m in re.finditer(HIDDEN_TEXT, "……此处隐藏6492个字……此处隐藏：2305字 省略264字")]
['此处隐藏6492个字', '此处隐藏：2305字', '省略264字']
"""

__all__ = ["HIDDEN_TEXT"]

# the forms seen in the local speeches: 此处隐藏4810个字, 省略244字; and with a colon
HIDDEN_TEXT = r"(?:此处隐藏|省略)\s*[:：]?\s*\d+\s*个?字"
