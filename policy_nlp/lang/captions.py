"""Photo captions and credits of web copies (图为…, （新华社记者 鞠鹏 摄）, 新华社记者 鞠鹏/摄).

The cleaning stage removes a line that is a caption; the enumerations stage
reads a list through a caption left between its items (a caption line, or a
credit glued to the next item: …亲切交谈。 新华社记者 鞠鹏/摄第一，…).

>>> is_caption("图为2019年4月15日，习近平在华溪村看望贫困户。（新华社记者 鞠鹏 摄）")
True
>>> bool(CAPTION_END_RE.search("同村民亲切交谈。 新华社记者 鞠鹏/摄"))
True
>>> is_caption("要加强组织领导，压实各方责任。")
False
"""

import re

from policy_nlp.lang.chars import IDEOGRAPH

__all__ = ["CAPTION_START_RE", "CAPTION_END_RE", "CAPTION_MAX", "CREDIT_ROLES", "is_caption"]

# who a credit names before the photographer: 记者 张三 摄, 通讯员 李四 摄, 摄影 王五
CREDIT_ROLES = "记者|通讯员|摄影"
_CREDIT_INNER = rf"[{IDEOGRAPH}A-Za-z·、 ]{{0,20}}?"
# a credit ending a caption: （记者 张三 摄）, 记者 张三 摄影, 新华社记者 鞠鹏/摄
CAPTION_END_RE = re.compile(
    rf"(?:[（(][^（）()]{{0,12}}(?:{CREDIT_ROLES})?{_CREDIT_INNER}\s*/?\s*摄(?:影)?\s*[)）]"
    rf"|(?:{CREDIT_ROLES})\s*{_CREDIT_INNER}\s*/?\s*摄(?:影)?"
    rf"|/\s*摄)\s*$")
# what opens a caption: 图为…, 图片来源：…, ▲…
CAPTION_START_RE = re.compile(r"(?:图为|图片为|上图为|下图为|▲|■\s*图|图片来源\s*[:：]|图\s*[:：])")
CAPTION_MAX = 200       # a caption is at most this long


def is_caption(line):
    """Whether ``line`` (a whole line, stripped) is a photo caption or credit."""
    if len(line) > CAPTION_MAX:
        return False
    return bool(CAPTION_START_RE.match(line) or CAPTION_END_RE.search(line))
