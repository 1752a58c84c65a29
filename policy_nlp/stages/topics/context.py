"""Paragraph topics in the context of their document.

A paragraph of a speech is about what the speech is about unless it says
otherwise. The classifier sees one paragraph at a time; this module combines
its probabilities with two kinds of context, in log space:

* the **document prior**: the length-weighted mean of the document's
  paragraph probabilities, the whole document classified as one text
  (:func:`policy_nlp.stages.topics.document_scores`), and the area its
  **title** names (在全县安全生产工作会议上的讲话 -> governance_security, from
  ``data/title_topics.tsv``);
* the **neighbours**: the probabilities of the paragraphs before and after;
* a **penalty on general** for long paragraphs (the classifier learnt
  ``general`` from many short bridges and over-uses it on long exhortative
  paragraphs).

``log p'(i) = log p(i) + a·log prior + d·log document + t·log title + b·mean(log p(i-1), log p(i+1)) - g·[general, long]``

The weights were chosen by grouped cross-validation over the local speech
units and the local development gold (``benchmarks/topic_cv.py``, every fold
retraining the default model), under the constraint that the national gold
and hand-label figures do not drop (docs/topics.md, *Local speeches: grouped
cross-validation*). With the current model the title and the general penalty
are on; the whole-document prior (``d``) gains on local speeches but costs
national reports a few paragraphs, and the neighbours gain on the local units
and national reports but lose on the local gold, so they and the mean prior
are off (weight 0), kept as parameters.

Speech bridges keep their own result, so they stay ``general``: short
paragraphs (同志们, 下面我讲三点意见) and **meeting openings**, whose first
sentence speaks of the meeting itself (今天，我们召开……会议，主要任务是……;
:func:`is_meeting_opening`), and a notice's **transmittal** (现印发给你们，请认真贯彻执行;
:func:`is_transmittal`) — the title and the document would otherwise
pull them to the meeting's or the document's area. Headings are left to
:func:`policy_nlp.stages.topics.inherit_heading_topics`.

A **news report** of a meeting (:func:`is_news_report`: 3月16日，城东区召开……会议。
会议强调，……; 刘波指出，……) takes a larger penalty on ``general``
(:func:`news_weights`), since every paragraph reports what the meeting was
about; its lead (3月16日，城东区召开……会议。……出席会议) is a bridge, like a
speech's meeting opening; and it has no title among its paragraphs
(:func:`find_title`): its first lines are reported paragraphs
(会上，……传达……讲话精神), not a speech's title.

A **policy document** (:func:`is_policy_document`: an addressee line
各省、自治区、直辖市……主管部门： or a preamble ending 制定本方案 among its first
paragraphs) is about one area, which its frame and safeguard paragraphs
(加强组织协调, 加大政策支持) share: it takes the whole-document prior
(:func:`policy_weights`, ``POLICY_DOCUMENT_WEIGHT``), which speeches and
national reports, whose paragraphs range over every area, do not; and the
area its title and its preamble's purpose name (为……推动我省大模型产业高质量发展，
制定本指导意见; :func:`policy_area`, by the codebook's seed terms) stands for a
speech's title area, at a smaller weight (``POLICY_TITLE_WEIGHT``), unless the
title table reads its title. A speech is never one (:func:`is_speech`): a
salutation, a meeting opening, a speech's title or byline, or a news report
closes the gate, whatever else opens it (a speech's outline opens 一、总体要求 too).

:func:`document_context` gives a whole document's title and weights (what
:func:`policy_nlp.stages.topics.classify_paragraphs` and the pipeline read), telling once
whether it is a news report; the functions above, each called alone, tell it themselves.

The title's and the policy document's area and the penalty on ``general``
name the default codebook's labels and were weighed for its model: they apply
to a model of that codebook (:func:`~policy_nlp.stages.topics.codebook.is_codebook`),
not to a codebook of one's own, even one with a label ``economy`` or ``general``
(the model's own ``general`` need not be the codebook's catch-all, nor be
over-used). Such a model keeps the parts that read no label: bridges keep their
own result, and a policy document takes the whole-document prior.
"""

import re
from functools import lru_cache
from importlib import resources

import numpy as np

from policy_nlp.lang.chars import IDEOGRAPH, SENTENCE_ENDS
from policy_nlp.lang.numerals import NEWS_DATE
from policy_nlp.lang.speech import CLAUSE_CHAR, NAMED_SPEAKER, REPORTING_VERB, SPEAKING_AT
from policy_nlp.lang.words import alternation, word_set
from policy_nlp.stages.script import simplified
from policy_nlp.stages.cleaning.title import is_byline
from policy_nlp.stages.topics.codebook import is_codebook, keyword_scores
from policy_nlp.stages.topics.kinds import SALUTATION_PIECE

__all__ = ["title_topic", "find_title", "is_meeting_opening", "is_transmittal", "is_news_lead", "is_news_report",
           "news_weights", "is_speech", "is_policy_document", "policy_weights", "document_purpose", "policy_area",
           "document_context",
           "context_scores", "is_reweighed", "relabel", "contextualize",
           # the constants the context scores with (weights, penalties, the log floor)
           "PRIOR_WEIGHT", "NEIGHBOUR_WEIGHT", "TITLE_WEIGHT", "DOCUMENT_WEIGHT", "GENERAL_PENALTY",
           "NEWS_GENERAL_PENALTY", "POLICY_DOCUMENT_WEIGHT", "POLICY_TITLE_WEIGHT", "POLICY_AREA_MIN_SCORE",
           "LOG_FLOOR"]

PRIOR_WEIGHT = 0.0
NEIGHBOUR_WEIGHT = 0.0
TITLE_WEIGHT = 1.5
# The weight of the whole document classified as one text
# (:func:`policy_nlp.stages.topics.document_scores`).
DOCUMENT_WEIGHT = 0.0
# Its weight in a policy document (:func:`is_policy_document`; measured on the
# provincial development gold, docs/history/evaluation_sessions.md, seventeenth
# session).
POLICY_DOCUMENT_WEIGHT = 0.25
# The weight of the area a policy document names (:func:`policy_area`), in
# place of TITLE_WEIGHT: a plan's sections reach beyond its area (the finance
# and culture items of a services plan), which a speech's title weight of 1.5
# pulls into it (provincial development gold, docs/history/evaluation_sessions.md, eighteenth
# session: 0.25 / 0.5 / 0.75 / 1.0 / 1.5 give 102 / 106 / 111 / 108 / 110 of 143,
# macro-F1 0.69 / 0.68 / 0.69 / 0.65 / 0.47, against 97 and 0.66 without it).
POLICY_TITLE_WEIGHT = 0.5
# The least seed-term score of a policy document's title and purpose that
# names its area (:func:`policy_area`): one specific term (服务业 2, 数字经济 3),
# not a passing 经济 (0.5) or 改革 (0.3).
POLICY_AREA_MIN_SCORE = 2.0
# A long paragraph of a speech is rarely only mobilisation: the classifier,
# trained on many short bridges labelled general, over-predicts general for
# long exhortative paragraphs; this much is taken off general's log score for
# paragraphs of SUBSTANTIVE_CHARS or more.
GENERAL_PENALTY = 0.5
SUBSTANTIVE_CHARS = 80
# The long paragraphs of a news report of a meeting (:func:`is_news_report`)
# report what the meeting was about: general is penalised more there
# (measured with benchmarks/topic_cv.py --gated --gates news,
# docs/history/topic_experiments.md).
NEWS_GENERAL_PENALTY = 1.5
# Below this many characters a paragraph is a bridge or a line of agenda: its
# own words decide.
MIN_CHARS = 40
# The share of the title vector given to the area the title names.
_TITLE_MASS = 0.6
# The least probability whose log is taken (an area a vector gives 0 costs log(1e-4), not -inf).
LOG_FLOOR = 1e-4

# A title or occasion line: 在全县……会议上的讲话, ……工作会议主持词, 政府工作报告.
_TITLE = re.compile(
    r"(在.{0,50}?(会议?|大会|座谈会|推进会|培训班|开班式|典礼|仪式|论坛|评议会)(上|时)?的?"
    r"(讲话|發言|发言|致辞|主持词|报告|講話|會議))|讲话稿|主持词|工作报告|講話|讲话$")


# A salutation and its mark (同志们：, 各位代表，): the meeting opening below and
# the news detector (_SALUTATION) read it.
_SALUTATION_PIECE = SALUTATION_PIECE
# The first sentence of a paragraph that speaks of the meeting itself: after a
# salutation, a word pointing at this meeting (今天, 这次 …) and, in the same
# sentence, a meeting word. The salutations are read atomically (a lookahead and its
# backreference: Python 3.10 has no possessive *+), each piece the shortest: tried every way
# of cutting them into pieces, a line of 同志们：同志们：… took exponential time (32 pieces:
# minutes) when no meeting word followed.
_MEETING_OPENING = re.compile(
    rf"^(?=(?P<salutations>(?:{_SALUTATION_PIECE}\s*)*))(?P=salutations)"
    rf"(?:{alternation('meeting_deictics')})[^{SENTENCE_ENDS}]{{0,60}}?"
    rf"(?:{alternation('meeting_words')}|{alternation('campaign_meetings')})")


@lru_cache(maxsize=1)
def _title_keywords():
    text = resources.files("policy_nlp").joinpath("data/title_topics.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line and not line.startswith("#") and not line.startswith("keyword\t")]
    return tuple((keyword, label) for keyword, label in rows)


def title_topic(title):
    """The policy area a meeting or document title names, or None; a
    defence meeting names ``general``, where the codebook files defence.

    Examples
    --------
    >>> title_topic("在全县安全生产工作会议上的讲话")
    'governance_security'
    >>> title_topic("在全县征兵工作会议上的讲话")
    'general'
    >>> title_topic("在党的群众路线教育实践活动动员大会上的讲话")
    'party_government'
    >>> title_topic("在全县干部大会上的讲话") is None
    True
    """
    if not title:
        return None
    for keyword, label in _title_keywords():
        if keyword in title:
            return label
    return None


def find_title(paragraph_texts, meta=None):
    """The document's title: ``meta["title"]`` or ``meta["occasion"]`` when
    given, else a title line among its first three paragraphs, unless the
    document is a news report (:func:`is_news_report`), whose first lines are
    reported paragraphs (会上，……传达……讲话精神).

    Examples
    --------
    >>> find_title(["县长在全县秋种工作会讲话", "同志们：", "今天召开会议。"])
    '县长在全县秋种工作会讲话'
    >>> find_title(["同志们：今天开会。"], {"title": "在全县防汛工作会议上的讲话"})
    '在全县防汛工作会议上的讲话'
    """
    return _title(paragraph_texts, meta, is_news_report(paragraph_texts))


def _title(paragraph_texts, meta, news):
    """:func:`find_title`, told whether the document is a news report (``news``)."""
    return _meta_title(meta) or (None if news else _title_line(paragraph_texts))


def _meta_title(meta):
    """``meta["title"]`` or ``meta["occasion"]``, stripped, when given; else None."""
    meta = meta or {}
    for key in ("title", "occasion"):
        if isinstance(meta.get(key), str) and meta[key].strip():
            return meta[key].strip()
    return None


def _title_line(paragraph_texts):
    """A speech's title or occasion line among the first three paragraphs, or None."""
    for text in paragraph_texts[:3]:
        line = text.strip()
        if 0 < len(line) <= 60 and _is_speech_title(line):
            return line
    return None


def _is_speech_title(line):
    """True for a speech's title or occasion line (在全县……会议上的讲话; 县长在秋种工作会讲话)."""
    return bool(_TITLE.search(line)) or ("会" in line and ("讲话" in line or "發言" in line or "发言" in line))


# A notice's transmittal: its first sentence hands the document on (现印发给你们).
_TRANSMITTAL = re.compile(rf"^[^{SENTENCE_ENDS}]{{0,160}}?(?:{alternation('transmittal_phrases')})")


def is_transmittal(text):
    """True for a paragraph whose first sentence hands the document it
    carries to its readers (《…》已经……通过，现印发给你们，请认真贯彻执行。): the
    notice's procedure, a bridge like a meeting opening, whatever the
    document is about.

    >>> is_transmittal("《中小企业数字化转型指南》已经审定，现印发给你们，请结合实际认真贯彻执行。")
    True
    >>> is_transmittal("加快中小企业数字化转型，培育一批专精特新企业。")
    False
    """
    return bool(_TRANSMITTAL.match(text.strip()))


def is_meeting_opening(text):
    """True for a paragraph that opens by speaking of the meeting itself
    (今天，我们召开……会议，主要任务是……): a speech bridge, whatever the meeting
    is about, so the title and the document do not pull it to their area.

    Examples
    --------
    >>> is_meeting_opening("同志们：今天，我们在这里召开全县防汛工作会议，主要任务是部署今年的防汛工作。")
    True
    >>> is_meeting_opening("今年以来，全县防汛工作扎实推进，汛前检查全面完成。")
    False
    """
    return bool(_MEETING_OPENING.match(text.strip()))


# A news report of a meeting speaks of it in the third person: a lead with the
# date (3月16日，城东区召开……会议) or a headline (我县召开……会议), the meeting as
# subject (会议强调，…; 会上，…), a speaker's words reported (县委书记刘波强调，…),
# the attendance (……出席会议), a dateline or a reporter's credit.
_NEWS_SUBJECT = re.compile(rf"^(?:{alternation('news_report_subjects')})[，,]?\s*(?:{REPORTING_VERB}|[，,])")
_TITLED_SPEAKER = re.compile(rf"^({CLAUSE_CHAR}{{0,40}}?(?:{alternation('official_titles')}))[{IDEOGRAPH}]{{2,3}}"
                             rf"{SPEAKING_AT}{REPORTING_VERB}[了，,：:]")
_NAMED_SPEAKER = re.compile("^" + NAMED_SPEAKER)
_ATTENDANCE = re.compile(r"(?:出席|参加)了?(?:会议|大会|座谈会|活动)[。.]?$")
_CREDIT = re.compile(r"^[^，。]{0,16}讯\s*[（(]|^[（(]\s*(?:记者|通讯员)[^（）()]{1,20}[)）]$|(?:供稿|报道)[)）]$|^本报记者")
# a lead may follow a dateline (……网讯（记者……）) or a byline (吴双凤报道：)
_LEAD_CREDIT = rf"(?:[^，。：:]{{0,16}}讯\s*[（(][^（）()]{{0,30}}[)）]\s*|[{IDEOGRAPH}]{{2,4}}报道[:：]\s*)?"
_LEAD = re.compile(rf"^{_LEAD_CREDIT}(?:{NEWS_DATE}(?:{alternation('news_openings')})?|"
                   rf"(?:{alternation('news_openings')})+)[，,\s]?[^。]{{0,60}}?(?P<verb>召开|举行|举办|召集)")
_HEADLINE = re.compile(r"^[^。，,：:！？]{2,40}?(?P<verb>召开|举行)[^。，,：:！？]{0,30}$")
# a speaker recounting meetings (我们…召开; 省委、省政府先后召开了…), not a reporter's lead
_RECOUNT = re.compile(alternation("meeting_recount_words"))
_SALUTATION = re.compile(rf"^{_SALUTATION_PIECE}")
_FIRST_PERSON = re.compile(r"我|你|咱")
_SPEAKER_GOES_ON = re.compile(rf"\s*(?:{alternation('first_person_plural')})")
_LEADERS = re.compile(rf"{alternation('leaders')}|总书记")


def is_news_lead(text, headline=True):
    """True for a paragraph that opens with a news report's lead (3月16日，城东区召开……;
    本网讯（记者…）5月27日，我区召开……) or, with ``headline``, is a headline of one
    (我县召开“三秋”生产工作会议); not a speaker recounting meetings before the verb
    (``meeting_recount_words.txt``: 9月8日，我们在北京隆重召开表彰大会; 近期，省委、省政府先后召开了…).

    Examples
    --------
    >>> is_news_lead("3月16日，城东区召开区委农村工作会议。区委书记刘波出席会议并讲话。")
    True
    >>> is_news_lead("我县召开“三秋”生产工作会议"), is_news_lead("我县召开“三秋”生产工作会议", headline=False)
    (True, False)
    >>> is_news_lead("近期，省委、省政府先后召开了省委全会和省政府全会，对下半年工作作了部署安排。")
    False
    """
    text = text.strip()
    match = _LEAD.match(text) or (_HEADLINE.match(text) if headline else None)
    return bool(match) and not _RECOUNT.search(text, 0, match.start("verb"))


def _reported_speech(text):
    """True for a paragraph that opens with a person's words reported (刘波强调，…)."""
    match = _TITLED_SPEAKER.match(text)
    if match and not _LEADERS.search(match.group(1)):
        return True
    match = _NAMED_SPEAKER.match(text)
    return bool(match) and match.group(1) not in word_set("non_person_subjects") \
        and not _LEADERS.search(match.group(1)) and not _FIRST_PERSON.search(match.group(1))


def _meeting_voice(text):
    """True for a paragraph that reports the meeting itself: the meeting as
    subject (会议强调，…; 会上，…) or the attendance (……出席会议。); not the
    speaker going on in the first person (会上，我们印发了…, a speech, dev-0025)."""
    match = _NEWS_SUBJECT.match(text)
    return bool((match and not _SPEAKER_GOES_ON.match(text, match.end())) or _ATTENDANCE.search(text))


def _reporter_voice(text):
    """True for a paragraph in a reporter's voice: the meeting's, reported
    speech (刘波指出，…), a dateline or credit."""
    return _meeting_voice(text) or _reported_speech(text) or bool(_CREDIT.search(text))


def is_news_report(paragraph_texts, min_paragraphs=2):
    """True for a news report of a meeting (or of an event): no paragraph
    opens with a salutation (同志们：, a speaker's own voice), and a lead
    (3月16日，城东区召开……) or headline (我县召开……会议) is among the first three
    paragraphs, or at least ``min_paragraphs`` paragraphs speak in a
    reporter's voice (刘波指出，…; 本报讯（记者…）), one of them of the meeting
    itself (会议强调，…; 会上，…; ……出席会议。) — reported speech alone is also a
    summary of a report (周总理说，…).

    Examples
    --------
    >>> is_news_report(["3月16日，城东区召开区委农村工作会议。区委书记刘波出席会议并讲话。",
    ...                 "刘波强调，要全面推进乡村振兴。"])
    True
    >>> is_news_report(["会议指出，今年以来全区宣传思想工作成效明显。", "陈林要求，要从严细管意识形态工作。"])
    True
    >>> is_news_report(["同志们：", "3月16日，市委召开农村工作会议，对今年工作作出部署。"])
    False
    >>> is_news_report(["党的二十大报告指出，全面推进乡村振兴。", "我们要求，各地抓好春耕生产。"])
    False
    """
    texts = [t.strip() for t in paragraph_texts]
    if any(_SALUTATION.match(t) for t in texts):
        return False
    if any(map(is_news_lead, texts[:3])):
        return True
    return any(map(_meeting_voice, texts)) and sum(map(_reporter_voice, texts)) >= min_paragraphs


_NEWS_WEIGHTS = {"general_penalty": NEWS_GENERAL_PENALTY, "news": True}


def news_weights(paragraph_texts):
    """The :func:`contextualize` arguments that differ for a news report
    (:func:`is_news_report`): ``{"general_penalty": NEWS_GENERAL_PENALTY,
    "news": True}``, else ``{}``."""
    return dict(_NEWS_WEIGHTS) if is_news_report(paragraph_texts) else {}


# What cleaning reads in a speech's title block (policy_nlp.stages.cleaning.title): its salutation and
# its speaker's byline; not an occasion, which a corpus may describe a document by (the local excerpts'
# 市政府规范性文件(创业就业实施意见), dev-0152, a 实施意见).
_SPEECH_META = ("salutation", "speaker")


def is_speech(paragraph_texts, meta=None):
    """True for a speech, remarks or a news report of a meeting: cleaning
    read a salutation or a speaker's byline in its title block (``meta``),
    its title is a speech's (:func:`find_title`: 在全县……会议上的讲话),
    one of its first paragraphs opens with a salutation (同志们：), speaks
    of the meeting itself (:func:`is_meeting_opening`: 今天我们召开……会议) or
    is a byline cleaning left in the text (县委书记 张三), or it
    is a news report (:func:`is_news_report`). Such a document is no policy document
    whatever its first lines look like (:func:`is_policy_document`).

    Examples
    --------
    >>> is_speech(["一、总体要求", "今年全县经济工作的总体要求是……"], {"title": "在全县经济工作会议上的讲话"})
    True
    >>> is_speech(["各县区人民政府：", "为加快数字经济发展，制定本方案。"])
    False
    """
    return _is_speech_not_news(paragraph_texts, meta) or is_news_report(paragraph_texts)


def _is_speech_not_news(paragraph_texts, meta):
    """:func:`is_speech` but for its news-report arm: the title read is the one :func:`find_title`
    finds where the document is no news report, and a news report is a speech anyway."""
    meta = meta or {}
    if any(isinstance(meta.get(key), str) and meta[key].strip() for key in _SPEECH_META):
        return True
    # a title in meta is as given, a Traditional page's paragraphs are read in a Simplified copy:
    # the title is read so too (區……調度會主持詞 is a speech's title as ……调度会主持词 is)
    title = simplified(_meta_title(meta)) or _title_line(paragraph_texts)
    if title and _is_speech_title(title):
        return True
    first = [text.strip() for text in paragraph_texts[:_PREAMBLE_PARAGRAPHS]]
    return any(_SALUTATION.match(text) or is_meeting_opening(text) or is_byline(text) for text in first)


# A policy document's addressee line (各省、自治区、直辖市……科技厅（委、局）：; 上海市人民政府：;
# not 各位领导：), alone or with the preamble after it on the same line (……医疗保障局:为贯彻落实……),
# its preamble's announcement of itself (……，制定本方案。; 现提出如下意见; 现将有关事项通知如下),
# its first article (第一条　为规范……) and the frame it opens with (一、总体要求; （一）指导思想);
# a preamble or an article states its purpose or basis first (为……; 根据……).
_PURPOSE_OPENING = "为|根据|依据|按照"
_ADDRESSEE = re.compile(rf"^(?!各位)[^{SENTENCE_ENDS}：:]{{2,120}}(?:{alternation('addressee_heads')})[）)]?[：:]"
                        rf"(?:$|(?={_PURPOSE_OPENING}))")
_ISSUING = re.compile(rf"(?:{alternation('issuing_verbs')})本(?:{alternation('document_type_modifiers')})?"
                      rf"(?:{alternation('document_types')}|{alternation('policy_document_types')})"
                      rf"[{SENTENCE_ENDS}，,；;]|{alternation('issuing_phrases')}")
# an article's text follows its number after a blank or at once (第一条　为规范……; 第一条工业和信息化部……
# is read by its preamble's 制定本规定); a speaker's first point takes a comma or a verb (第一条，反对;
# 第一条是……), and 第一条高速公路 is an ordinal with its noun
_FIRST_ARTICLE = re.compile(rf"^第一条(?:\s|{_PURPOSE_OPENING}|本)")
_FRAME_HEADING = re.compile(rf"^(?:[一1][、.．]|[（(][一1][)）])?\s*(?:{alternation('plan_frame_headings')})[。.]?$")
# the preamble and addressee come before the first section (一、总体要求)
_PREAMBLE_PARAGRAPHS = 6


def is_policy_document(paragraph_texts, meta=None):
    """True for a policy document: among its first paragraphs an addressee
    line (各省、自治区、直辖市……科技厅（委、局）：; 上海市人民政府：), a preamble that
    announces the document (为……，制定本方案。; 现提出如下意见：; 现将有关事项通知如下：),
    a first article (第一条　为……) or the heading of a plan's frame (一、总体要求;
    （一）指导思想); and no evidence of a speech (:func:`is_speech`, with the
    cleaning ``meta``): a speech's outline opens 一、总体要求 too, and a wrong opening
    costs a speech its topics (docs/history/evaluation_sessions.md, review9).

    Examples
    --------
    >>> is_policy_document(["为贯彻落实党中央、国务院关于推动人工智能发展的决策部署，制定本指导意见。", "一、总体要求"])
    True
    >>> is_policy_document(["一、总体要求", "（一）指导思想"]), is_policy_document(["第一条　为规范数据管理，制定本规范。"])
    (True, True)
    >>> is_policy_document(["各位领导、同志们：", "今天召开全县工业经济工作会议。"])
    False
    >>> is_policy_document(["一、总体要求", "（一）指导思想"], {"title": "在全县经济工作会议上的讲话"})
    False
    """
    return _is_policy_document_not_news(paragraph_texts, meta) and not is_news_report(paragraph_texts)


def _is_policy_document_not_news(paragraph_texts, meta):
    """:func:`is_policy_document` but for the news-report arm of its speech veto."""
    return any(_ADDRESSEE.match(text) or _ISSUING.search(text) or _FIRST_ARTICLE.match(text)
               or _FRAME_HEADING.match(text)
               for text in map(str.strip, paragraph_texts[:_PREAMBLE_PARAGRAPHS])) \
        and not _is_speech_not_news(paragraph_texts, meta)


def document_purpose(paragraph_texts):
    """The purpose a policy document's preamble states: the preamble (among
    the first paragraphs) up to its announcement of the document
    (为……，推动我省大模型产业高质量发展，|制定本指导意见。), or None.

    >>> document_purpose(["各市工业和信息化局：", "为推动我省大模型产业高质量发展，制定本指导意见。"])
    '为推动我省大模型产业高质量发展，'
    """
    for text in paragraph_texts[:_PREAMBLE_PARAGRAPHS]:
        text = text.strip()
        match = _ISSUING.search(text)
        if match:
            return text[:match.start()]
    return None


def policy_area(paragraph_texts, title=None):
    """The area a policy document names in its title and its preamble's
    purpose (:func:`document_purpose`): the label with the largest
    seed-term score of the codebook (:func:`~policy_nlp.stages.topics.codebook.keyword_scores`)
    when it reaches ``POLICY_AREA_MIN_SCORE``, else None.

    A purpose is a sentence, not a meeting's title: every term in it counts
    (科技竞争 once, 产业 and 新型工业化 several times), where the title table
    (:func:`title_topic`) takes the first keyword it lists.

    Examples
    --------
    >>> policy_area(["为抢抓大模型产业发展战略机遇，加快培育新质生产力，赋能新型工业化，推动我省大模型产业高质量发展，制定本指导意见。"])
    'industry'
    >>> policy_area(["为贯彻落实党的十八大精神，现提出如下意见："]) is None
    True
    """
    text = "".join(t for t in (title, document_purpose(paragraph_texts)) if t)
    scores = keyword_scores(text)
    best = max(scores, key=scores.get)
    return best if scores[best] >= POLICY_AREA_MIN_SCORE and best != "general" else None


def policy_weights(paragraph_texts, title=None, meta=None):
    """The :func:`contextualize` arguments that differ for a policy document
    (:func:`is_policy_document`, with the cleaning ``meta``), else ``{}``: ``document_weight``
    ``POLICY_DOCUMENT_WEIGHT``, and unless its title names an area through the
    title table (:func:`title_topic`, weighed as a speech's title), the area
    of its title and purpose (:func:`policy_area`) as ``area``, with
    ``title_weight`` ``POLICY_TITLE_WEIGHT``.

    >>> policy_weights(["各市工业和信息化局：", "为推动我省大模型产业高质量发展，赋能新型工业化，制定本指导意见。"])
    {'document_weight': 0.25, 'area': 'industry', 'title_weight': 0.5}
    >>> policy_weights(["为加快创新型省份建设，制定本规划。"], title="山东省“十三五”科技创新规划")
    {'document_weight': 0.25}
    >>> policy_weights(["一、总体要求", "（一）指导思想"], title="在全县经济工作会议上的讲话")
    {}
    """
    weights = _policy_weights_not_news(paragraph_texts, title, meta)
    return {} if weights and is_news_report(paragraph_texts) else weights


def _policy_weights_not_news(paragraph_texts, title, meta):
    """:func:`policy_weights` of a document that is no news report."""
    # the title given stands for the one cleaning read (a caller with no meta): a speech's closes the gate
    if not _is_policy_document_not_news(paragraph_texts, {**(meta or {}), "title": title} if title else meta):
        return {}
    weights = {"document_weight": POLICY_DOCUMENT_WEIGHT}
    area = None if title_topic(title) else policy_area(paragraph_texts, title)
    if area:
        weights.update(area=area, title_weight=POLICY_TITLE_WEIGHT)
    return weights


def document_context(paragraph_texts, meta=None, title=None, read_title=False):
    """The document's title and the :func:`contextualize` arguments that
    differ for it, reading once whether it is a news report
    (:func:`is_news_report`): what :func:`news_weights` gives a news report,
    else what :func:`policy_weights` gives it (``{}`` for neither).

    Parameters
    ----------
    paragraph_texts : list of str
    meta : dict, optional
        The document's meta from cleaning.
    title : str, optional
        The document's title, given.
    read_title : bool
        With no ``title`` given, take the one :func:`find_title` finds in
        ``meta`` and the first paragraphs (what the pipeline does).

    Returns
    -------
    tuple of (str or None, dict)

    Examples
    --------
    >>> document_context(["县长在全县秋种工作会讲话", "同志们：", "今天召开会议。"], read_title=True)
    ('县长在全县秋种工作会讲话', {})
    >>> document_context(["3月16日，城东区召开区委农村工作会议。区委书记刘波出席会议并讲话。",
    ...                   "刘波强调，要全面推进乡村振兴。"])
    (None, {'general_penalty': 1.5, 'news': True})
    """
    news = is_news_report(paragraph_texts)
    if title is None and read_title:
        title = _title(paragraph_texts, meta, news)
    title = simplified(title)  # as the paragraphs are read (最新社區換屆選舉演講稿 names 换届)
    if news:
        return title, dict(_NEWS_WEIGHTS)
    return title, _policy_weights_not_news(paragraph_texts, title, meta)


def _is_bridge(text, news=False):
    """True for a paragraph that keeps its own result: a meeting opening, a
    transmittal, and in a news report its lead."""
    return is_meeting_opening(text) or is_transmittal(text) or (news and is_news_lead(text, headline=False))


def _document_bias(labels, title, title_weight, document, document_weight, area=None):
    """The log-space bias of the area the title names (or ``area``) and of the whole document's scores."""
    bias = np.zeros(len(labels))
    if document and document_weight:
        vector = np.array([document.get(label, 0.0) for label in labels])
        bias += document_weight * np.log(np.clip(vector, LOG_FLOOR, 1.0))
    area = area or title_topic(title)
    if area in labels:
        vector = np.full(len(labels), (1 - _TITLE_MASS) / max(len(labels) - 1, 1))
        vector[labels.index(area)] = _TITLE_MASS
        bias += title_weight * np.log(vector)
    return bias


def _posteriors(logp, rows, bias, neighbour_weight, long_rows, general, penalty):
    """The re-weighed probabilities of the paragraphs at ``rows`` of ``logp``
    (the classified paragraphs' log probabilities, in order): bias, the
    neighbours' mean, the penalty on ``general`` for ``long_rows`` (indices
    into ``rows``). All rows at once, with the same float operations row by
    row as one paragraph at a time."""
    score = logp[rows] + bias
    if len(logp) > 1:  # each paragraph's mean over the one or two classified ones beside it
        before, after = logp[:-1], logp[1:]
        mean = np.concatenate([after[:1], (before[:-1] + after[1:]) / 2, before[-1:]])
        score = score + neighbour_weight * mean[rows]
    if long_rows:
        score[long_rows, general] -= penalty
    posterior = np.exp(score - score.max(axis=1, keepdims=True))
    posterior /= posterior.sum(axis=1, keepdims=True)
    return posterior


def context_scores(results, paragraph_texts, title=None, prior_weight=PRIOR_WEIGHT,
                   neighbour_weight=NEIGHBOUR_WEIGHT, title_weight=TITLE_WEIGHT,
                   general_penalty=None, document=None, document_weight=DOCUMENT_WEIGHT, news=False, area=None):
    """The context's probabilities, before any label is chosen (what
    :func:`contextualize` and the sequence benchmark (``benchmarks/topic_cv.py --sequence``)
    decide on); the parameters are :func:`contextualize`'s.

    Returns
    -------
    dict or None
        ``labels`` (sorted), ``keep`` (the classified paragraphs' indices),
        ``probs`` (their own probabilities, one row each), ``moved``
        (positions in ``keep`` of the paragraphs re-weighed: not bridges or
        short lines) and ``posterior`` (their re-weighed probabilities, one
        row each); None when no paragraph is classified.
    """
    keep = [i for i, r in enumerate(results) if r is not None]
    if not keep:
        return None
    labels = sorted({k for i in keep for k in results[i]["scores"]})
    probs = np.zeros((len(results), len(labels)))
    probs[keep] = np.nan_to_num([[results[i]["scores"].get(label, np.nan) for label in labels] for i in keep],
                                nan=0.0)
    logp = np.log(np.clip(probs, LOG_FLOOR, 1.0))
    weights = np.array([len(paragraph_texts[i]) for i in keep], dtype=float)
    prior = weights @ probs[keep] / max(weights.sum(), 1.0)
    # the title table, the policy area and the penalty on general name the default codebook's
    # labels and were weighed for its model: a codebook of one's own that shares a name
    # (economy, general) does not take them
    codebook = is_codebook(labels)
    bias = prior_weight * np.log(np.clip(prior, LOG_FLOOR, 1.0)) + _document_bias(
        labels, title if codebook else None, title_weight, document, document_weight, area if codebook else None)
    penalty = GENERAL_PENALTY if general_penalty is None else general_penalty
    general = labels.index("general") if codebook and "general" in labels else None
    lengths = [len(paragraph_texts[i].strip()) for i in keep]
    moved = [position for position, i in enumerate(keep) if is_reweighed(paragraph_texts[i], news)]
    long_rows = [] if general is None else \
        [row for row, position in enumerate(moved) if lengths[position] >= SUBSTANTIVE_CHARS]
    posterior = _posteriors(logp[keep], moved, bias, neighbour_weight, long_rows, general, penalty) \
        if moved else np.zeros((0, len(labels)))
    return {"labels": labels, "keep": keep, "probs": probs[keep], "moved": moved, "posterior": posterior}


def is_reweighed(text, news=False):
    """True for a paragraph the context re-weighs; bridges (:func:`_is_bridge`)
    and lines shorter than :data:`MIN_CHARS` keep their own result."""
    return len(text.strip()) >= MIN_CHARS and not _is_bridge(text, news)


def relabel(results, scores, rows, best=None):
    """``results`` with the re-weighed paragraphs of ``scores`` (a
    :func:`context_scores` value) given the probability ``rows`` (one per
    ``scores["moved"]``) and the label index ``best`` of each (default: the
    first maximum of its row, as np.argmax); a changed result keeps its own
    scores in ``"own"``."""
    out = list(results)
    labels, keep = scores["labels"], scores["keep"]
    for n, (position, row) in enumerate(zip(scores["moved"], rows.tolist())):
        i = keep[position]
        top = row.index(max(row)) if best is None else int(best[n])
        if labels[top] != results[i]["label"]:
            out[i] = {"label": labels[top], "score": round(row[top], 4),
                      "scores": {k: round(p, 4) for k, p in zip(labels, row)},
                      "own": results[i]["scores"]}
    return out


def contextualize(results, paragraph_texts, title=None, prior_weight=PRIOR_WEIGHT,
                  neighbour_weight=NEIGHBOUR_WEIGHT, title_weight=TITLE_WEIGHT,
                  general_penalty=None, document=None, document_weight=DOCUMENT_WEIGHT, news=False, area=None):
    """Re-weigh paragraph topics by their document and neighbours.

    Parameters
    ----------
    results : list of dict or None
        One per paragraph, from :func:`policy_nlp.stages.topics.classify_paragraphs`
        with ``headings="own"`` (``{"label", "score", "scores"}``; None = no topic).
    paragraph_texts : list of str
    title : str, optional
        The document's title or occasion (:func:`find_title`).
    prior_weight, neighbour_weight, title_weight : float
        The weights of the document prior, the neighbours and the title.
    general_penalty : float, optional
        Taken off ``general``'s log score for long paragraphs
        (default :data:`GENERAL_PENALTY`).
    document : dict, optional
        ``{label: probability}`` of the whole document classified as one
        text (all its paragraphs' tokens together).
    document_weight : float
        Its weight.
    news : bool
        The document is a news report (:func:`is_news_report`): its leads
        (3月16日，城东区召开……会议。……出席会议) are bridges, like a speech's
        meeting opening.
    area : str, optional
        The document's area, given (a policy document's, :func:`policy_area`),
        in place of the one its title names (:func:`title_topic`).

    Returns
    -------
    list of dict or None
        New results; a changed one keeps its own scores in ``"own"``.

    Examples
    --------
    >>> r = lambda **s: {"label": max(s, key=s.get), "score": max(s.values()), "scores": s}
    >>> texts = ["今天召开全县安全生产工作会议，部署隐患排查治理工作，确保全县安全生产形势稳定。",
    ...          "各单位要切实提高认识，把思想统一到县委县政府的决策部署上来，以更加扎实的作风抓好落实。"]
    >>> out = contextualize([r(governance_security=0.8, general=0.1, economy=0.05, culture=0.05),
    ...                      r(governance_security=0.3, general=0.6, economy=0.05, culture=0.05)],
    ...                     texts, title="在全县安全生产工作会议上的讲话")
    >>> [o["label"] for o in out]
    ['governance_security', 'governance_security']
    """
    scores = context_scores(results, paragraph_texts, title, prior_weight, neighbour_weight, title_weight,
                            general_penalty, document, document_weight, news, area)
    if scores is None or not scores["moved"]:
        return list(results)
    return relabel(results, scores, scores["posterior"])
