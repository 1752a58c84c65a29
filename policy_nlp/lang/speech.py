"""Reported speech in news reports of meetings (县委书记刘波强调，…; 宋镇长在讲话中指出，…).

The topics stage reads a paragraph that opens so as the reporter's voice
(:mod:`~policy_nlp.stages.topics.context`); the enumerations stage ends the
last item of a list before a new speaker of such a report
(:mod:`~policy_nlp.stages.enumerations.scopes`). Both match the same shape.

>>> import re
>>> re.match(NAMED_SPEAKER, "刘波在讲话中强调，要抓好落实。").group("who")
'刘波'
>>> re.match(NAMED_SPEAKER, "要加强组织领导，压实各方责任。") is None
True
"""

from policy_nlp.lang.chars import IDEOGRAPH, STOPS
from policy_nlp.lang.words import alternation

__all__ = ["CLAUSE_CHAR", "NAMED_SPEAKER", "REPORTING_VERB", "SPEAKING_AT"]

# a clause's characters: no stop or comma, full-width or ASCII (the local excerpts write both)
CLAUSE_CHAR = f"[^{STOPS}]"
# where the speaker speaks, optional: 在讲话中, 在会上, 在调研时
SPEAKING_AT = rf"(?:在{CLAUSE_CHAR}{{0,30}}?(?:中|时|上))?"
REPORTING_VERB = f"(?:{alternation('reporting_verbs')})"
# a subject of two to four characters (a name, 宋镇长), where it speaks, a reporting verb and the
# comma or colon before the words reported; the subject is the group ``who``
NAMED_SPEAKER = rf"(?P<who>[{IDEOGRAPH}]{{2,4}}?){SPEAKING_AT}{REPORTING_VERB}[，,：:]"
