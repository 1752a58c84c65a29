"""The title block before the body: title, subtitle, date, position and speaker, the
salutation, masked names."""

import re
from difflib import SequenceMatcher

from policy_nlp.lang.captions import CREDIT_ROLES
from policy_nlp.lang.chars import CLAUSE_ENDS, IDEOGRAPH, IDEOGRAPH_RE, INNER_BLANK, SENTENCE_ENDS, STOPS, is_ideograph
from policy_nlp.lang.masks import MASK
from policy_nlp.lang.numerals import ITEM_NUMERALS
from policy_nlp.lang.words import alternation, words
from policy_nlp.stages.cleaning.pieces import _BLANK
from policy_nlp.stages.cleaning.dates import DATE, MONTH_DAY, parse_date
from policy_nlp.stages.cleaning.furniture import _FIELD_KEYS, _SENT_END, without_glosses



_DOC_TYPES = alternation("document_types")
_TITLE_RE = re.compile(rf"[^{SENTENCE_ENDS}；：:]{{1,70}}?(?:{_DOC_TYPES})(?:[（(][^（）()]{{1,20}}[)）])?")
_ENUM_RE = re.compile(rf"(?:第[{ITEM_NUMERALS}百\d]+[章节条部分编]|[{ITEM_NUMERALS}]+[、.．]|"
                      rf"[（(][{ITEM_NUMERALS}\d]+[)）]|\d+[、.．]|[①-⑳])")
_OFFICE = (r"(?:书记|主席|总理|委员长|长|主任|委员|常委|政委|司令员|负责人|经理|代表|总干事)")
_NAME = rf"[{IDEOGRAPH}](?:[ \u3000\u00a0]?[{IDEOGRAPH}]){{1,3}}"
# Masked names and places (policy_nlp.lang.masks): counted (meta["masked"])
# and never taken for a speaker or a venue.
_MASK_RE = re.compile(MASK)
_MASK_ONLY_RE = re.compile(rf"[{IDEOGRAPH}]?(?:{MASK})+")
_SPEAKER_LINE_RE = re.compile(
    rf"(?P<position>[{IDEOGRAPH}、（）()·]{{1,40}}?{_OFFICE})[ \t\u3000\u00a0]+"
    rf"(?P<speaker>{_NAME}|[Xx×✕*＊]{{2,4}})")
_POSITION_RE = re.compile(rf"[{IDEOGRAPH}、（）()·]{{1,40}}?{_OFFICE}")
_NAME_RE = re.compile(_NAME)
_DATE_LINE_RE = re.compile(
    rf"[（(]?\s*(?:——|--|—)?\s*(?P<date>{DATE})\s*(?:[，,]\s*(?P<venue>[^（）()，,在]{{1,20}}))?"
    rf"\s*(?:在(?P<occasion>.{{2,80}}?)(?:上|时)(?:的[{IDEOGRAPH}]{{0,6}})?)?\s*[)）]?")
# an adoption line under a congress's or committee's document: （2021年3月11日第十三届全国人民代表
# 大会第四次会议通过）, its date the one before the first adoption verb (…部分修改，2017年10月24日通过）
_ADOPTION_VERBS = alternation("adoption_verbs")
_ADOPTION_LINE_RE = re.compile(
    rf"[（(]\s*{DATE}[^（）()\n]{{0,80}}?(?:{_ADOPTION_VERBS})[^（）()\n]{{0,80}}[)）]")
_DATE_RE = re.compile(DATE)
# a template's date with its figures masked under a title: (X年X月X日) (dev-0070; dev-0241 prints one
# glued to its body, 20XX年X月XX日 in dev-0077's): a date line that gives no date. Not one with its year
# (2014年 月 日, dev-0172): the title keeps that, for the year it gives the document.
_MASKED = r"[Xx×✕*＊]{1,4}"
_MASKED_DATE_LINE_RE = re.compile(
    rf"[（(]?\s*(?:\d{{2}}[Xx×]{{2}}|{_MASKED})?\s*年\s*(?:{MONTH_DAY}|{_MASKED})?\s*月"
    rf"\s*(?:{MONTH_DAY}|{_MASKED})?\s*日\s*[)）]?")
_SUBTITLE_RE = re.compile(r"(?:——|--|—)\s*(?P<rest>.{2,100})")
_OCCASION_RE = re.compile(
    rf"在(?P<occasion>[^，。；]{{2,80}}?)(?:上|时)?的(?:重要|书面|主旨)?(?:讲话|致辞|发言|报告|演讲|贺词|工作报告)"
    rf"|在(?P<occasion2>[^，。；]{{2,80}}?)(?:上|时)$")
_PAREN_RE = re.compile(r"[（(][^（）()]{1,30}[)）]")

# Leaders whose byline is glued to the title in web copies of speeches
# ("…的讲话（2018年2月12日）习近平同志们：…"). A byline name elsewhere needs a
# separator (position, space or ※) to be found.
_LEADERS = alternation("leaders")
_NOT_BYLINE = r"(?!总书记|同志(?!们)|新时代|主席|思想|的|在|关于|对|强调|指出|重要|讲话|给|等)"
# A salutation's first word cut by a blank (同志 们:, as justified or PDF text leaves it) is no
# speaker's name between blanks: the two characters that open each salutation word.
_SALUTATION_OPENINGS = "|".join(sorted({word[:2] for word in words("salutations")}))
_GLUED_HEAD_RE = re.compile(
    rf"(?P<title>[^{SENTENCE_ENDS}；\n]{{2,120}}?(?:{_DOC_TYPES}))"
    rf"\s*(?:[（(]\s*(?P<date>{DATE})\s*(?:[，,]\s*(?P<venue>[^（）()]{{1,20}}?))?\s*[)）])?"
    rf"\s*(?:※\s*)?(?:(?P<position>[{IDEOGRAPH}、]{{2,30}}?{_OFFICE})[ \u3000\u00a0]*)?"
    rf"(?P<speaker>{_LEADERS}|(?<=[ \u3000\u00a0])(?!{_SALUTATION_OPENINGS})[{IDEOGRAPH}]{{2,3}}(?=[ \u3000\u00a0]))?"
    rf"{_NOT_BYLINE}")
_GLUED_BYLINE_RE = re.compile(
    rf"(?P<title>[^{SENTENCE_ENDS}；，,：:\n※]{{4,80}}?)\s*(?P<star>※)?\s*(?P<speaker>{_LEADERS}){_NOT_BYLINE}")
_GLUED_CAPTION_RE = re.compile(
    rf"[^：:]{{10,200}}?(?:(?:{CREDIT_ROLES})\s*[{IDEOGRAPH}·]{{2,4}}\s*/?\s*摄|/\s*摄)")
_LABEL_RE = re.compile(r"(?P<label>回信|贺信|贺电|贺词|唁电|复信)")

_NOT_PUNCT = f"[^、{STOPS}\n]"
_ADDRESSEE = (rf"(?:尊敬的{_NOT_PUNCT}{{1,30}}|{_NOT_PUNCT}{{0,30}}?(?:们|各位[^\s，,、：:{SENTENCE_ENDS}]{{0,8}}?|"
              r"先生|女士|阁下|总统|国王|王储|主席|总理|首相|秘书长|总干事|团长|负责人|首脑|元首|同事|"
              r"来宾|嘉宾|官兵|留学生|师生|校友|党员|队员|毕业生|委员|代表|老同志|老领导|老干部)"
              rf"|{_NOT_PUNCT}{{0,30}}?全体{_NOT_PUNCT}{{1,20}}?)")
_ADDRESSEE_RE = re.compile(_ADDRESSEE)
_SALUTATION_HEAD_RE = re.compile(f"[^{CLAUSE_ENDS}：:\n]{{1,300}}?[：:]")
_SHORT_SALUTATION_RE = re.compile(r"(同志们|各位代表|代表们|朋友们|同胞们|女士们，先生们)\s*[！!，,]")


def is_byline(s):
    """True for a speaker's byline line: a position, a blank and a name
    (县委书记 张三), as the title block reads it.

    >>> is_byline("县委书记 张 三"), is_byline("县委书记张三强调，要抓好落实。")
    (True, False)
    """
    return bool(_SPEAKER_LINE_RE.fullmatch(without_glosses(s)))


def _salutation(s):
    """The salutation that ``s`` starts with, or None.

    Examples
    --------
    >>> _salutation("尊敬的萨勒曼国王，各位同事：大家好！")
    '尊敬的萨勒曼国王，各位同事'
    >>> _salutation("各省、自治区、直辖市人民政府：") is None
    True
    """
    s = without_glosses(s)
    match = _SALUTATION_HEAD_RE.match(s)
    if match:
        # read through a blank between ideographs (各位 乡亲、同志们:, a justified copy's)
        candidate = INNER_BLANK.sub("", match.group()[:-1].strip(_BLANK))
        terms = re.split(r"\s*[，,、]\s*", candidate)
        if len(terms) <= 13 and all(_ADDRESSEE_RE.fullmatch(term) for term in terms):
            return candidate
    match = _SHORT_SALUTATION_RE.match(s)
    return match.group(1) if match else None


_SALUTATION_WORDS = tuple(words("salutations"))


def _opens_with_salutation(s, words_only=False):
    """Whether ``s`` opens with a salutation whose first addressee is a
    salutation word or a short 们 (同志们, 各位领导、同志们, 尊敬的…): what
    ends a title glued to it (not 稿同志们: the title ran on); ``words_only``:
    a salutation word (not 业生们 of …校区的毕业生们, nor 志们 of 同志们)."""
    salutation = _salutation(s)
    if not salutation:
        return False
    first = re.split(r"[，,、]", salutation, maxsplit=1)[0].strip(_BLANK)
    return first.startswith(_SALUTATION_WORDS) or (not words_only and first.endswith("们") and len(first) <= 3)


def _clean_name(name):
    return re.sub(r"[ \t\u3000\u00a0]", "", name)


def _title_kind(s, previous_kinds):
    """What a title-block piece is: "date", "subtitle", "speaker", "position",
    "name", "paren", "title", or None for a shape that is not a title line
    (read without pinyin glosses)."""
    s = without_glosses(s)
    if len(s) > 120 or _ENUM_RE.match(s):
        return None
    if _DATE_LINE_RE.fullmatch(s) or _ADOPTION_LINE_RE.fullmatch(s) or _MASKED_DATE_LINE_RE.fullmatch(s):
        return "date"
    if _SUBTITLE_RE.fullmatch(s) and "在" in s and not _SENT_END.search(s):
        return "subtitle"
    if is_byline(s):
        return "speaker"
    if _SENT_END.search(s):
        return None
    if previous_kinds and previous_kinds[-1] in ("subtitle", "date", "position") \
            and _NAME_RE.fullmatch(s) and not _TITLE_RE.fullmatch(s):
        return "name"
    if len(s) <= 30 and _POSITION_RE.fullmatch(s) and not _TITLE_RE.fullmatch(s):
        return "position"
    if previous_kinds and previous_kinds[-1] == "title" and _PAREN_RE.fullmatch(s):
        return "paren"
    if _TITLE_RE.fullmatch(s) or _GLUED_HEAD_RE.fullmatch(s) or _TITLE_RE.fullmatch(INNER_BLANK.sub("", s)):
        return "title"      # read through a blank between ideographs too (…会议上的讲 话, a justified copy's)
    return None


def _adoption_date(line):
    """The ISO date of an adoption ``line`` (:data:`_ADOPTION_LINE_RE`): the last date before
    its first adoption verb, the day the document was adopted.

    Examples
    --------
    >>> _adoption_date("（2021年3月11日第十三届全国人民代表大会第四次会议通过）")
    '2021-03-11'
    >>> _adoption_date("（2017年10月24日中国共产党第十九次全国代表大会部分修改，2017年10月25日通过）")
    '2017-10-25'
    """
    before = line[:re.search(_ADOPTION_VERBS, line).start()]
    return parse_date(_DATE_RE.findall(before)[-1])


def _parse_title_block(strings, meta):
    """Fill ``meta`` from the pieces of a title block."""
    titles = []
    previous = None
    strings = [without_glosses(s) for s in strings]
    for i, s in enumerate(strings):
        kind = _title_kind(s, [previous] if previous else [])
        if kind is None and _byline_name_before_date(s, strings[i + 1:i + 2]):
            kind = "name"   # 赵立平⏎(2022年9月28日)⏎尊敬的…: the speaker over the date (dev-0236)
        glued = _GLUED_HEAD_RE.fullmatch(s) or _GLUED_BYLINE_RE.fullmatch(s)
        if kind == "date" and not _DATE_LINE_RE.fullmatch(s):
            if _ADOPTION_LINE_RE.fullmatch(s):      # (else a masked date: none to read)
                meta.setdefault("date", _adoption_date(s))
        elif kind == "date":
            match = _DATE_LINE_RE.fullmatch(s)
            meta.setdefault("date", parse_date(match["date"]))
            if match["venue"]:
                meta.setdefault("venue", match["venue"].strip())
            if match["occasion"]:
                meta.setdefault("occasion", match["occasion"].strip())
        elif kind == "subtitle":
            rest = _SUBTITLE_RE.fullmatch(s)["rest"]
            date = parse_date(rest)
            if date:
                meta.setdefault("date", date)
            occasion = _occasion(rest)
            if occasion:
                meta.setdefault("occasion", occasion)
            if not date:
                titles.append((kind, s))
        elif kind == "speaker":
            match = _SPEAKER_LINE_RE.fullmatch(s)
            meta.setdefault("position", match["position"].strip())
            meta.setdefault("speaker", _clean_name(match["speaker"]))
        elif kind == "position":
            meta.setdefault("position", s.strip())
        elif kind == "name":
            meta.setdefault("speaker", _clean_name(s))
        elif glued and glued.group("speaker"):
            _glued_meta(glued.groupdict(), meta)
            previous = "title"
            continue
        elif kind in ("title", "paren", None):
            titles.append((kind, s))
        previous = kind or "title"
    titles = _title_lines(titles, meta)
    if titles:
        meta.setdefault("title", _join_title(titles))
        occasion = _occasion(meta["title"])
        if occasion:
            meta.setdefault("occasion", occasion)


def _byline_name_before_date(s, after):
    """Whether ``s`` is a speaker's name of two or three characters (赵立平, 项 雪 龙) on its own
    line over the date line ``after[0]`` of a title block: the byline printed name first, as the
    date-first one (⏎(2021 年2月2日)⏎项 雪 龙) is read by :func:`_title_kind`; not a genre word
    (…座谈会上的⏎讲话⏎(2022年9月28日): a title wrapped before its last word)."""
    return bool(after) and _title_kind(after[0], []) == "date" and bool(
        re.fullmatch(rf"[{IDEOGRAPH}](?:[ \u3000\u00a0]?[{IDEOGRAPH}]){{1,2}}", s.strip(_BLANK))) \
        and not re.search(_DOC_TYPES, s)


# What a site prints among the lines of a title block (under the title, or between it and the
# title printed again): a numeric date stamp (2023-09-23 383, 公文搜 2022-08-29 12:36:23 营商), a
# page field (|来源:新高考网, 发表时间:2025/10/30 19:16:00), its page tools and share links (打印本文
# - 下载本文, 佩珊分享, 阅读 111 下载 6 … 分享), its home link (德育素材网 首页); tool words of two
# characters or more (大, 中, 小 are words of titles); a web address (【www.guakaob.com--报告】).
_PAGE_MARK_RE = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|"
    rf"(?:{_FIELD_KEYS})\s*[:：]|"
    + "|".join(sorted((word for word in words("page_tool_words") if len(word) >= 2), key=len, reverse=True))
    + r"|首页|www\.|https?://")


def _title_lines(pieces, meta):
    """The lines of a title block's ``(kind, string)`` pieces that its title is read from:
    the title lines and what is neither another kind nor page furniture (a title broken over
    two lines; not a line without ideographs, as Shape2, DOCX, ``), printed once
    (:func:`_one_copy`). A furniture line's date stamp is the page's, kept in ``meta`` as
    ``uploaded`` (never the date). Furniture is a line with a page mark, a line that opens
    with a site's name (:func:`_names_site`), and a line that only names what a furniture
    line of the block names (:func:`_named_by`)."""
    furniture = {s for kind, s in pieces if kind is None and _PAGE_MARK_RE.search(s)}
    named = _ideograph_runs(furniture)
    lines = []
    for kind, s in pieces:
        if kind in ("title", "paren", "subtitle") or kind is None and IDEOGRAPH_RE.search(s) \
                and s not in furniture and not _names_site(s) and not _named_by(s, named):
            lines.append(s)
        elif kind is None and (stamp := parse_date(s)):
            meta.setdefault("uploaded", stamp)
    return _one_copy(lines)


# A site's name opening a line, alone or before its column and the page's title (思而思学网;
# 美章网 资料文库 镇政府报告范文: a crumb trail without its marks): a word ending in 网 up to a
# blank or the line's end, not a network's (电网, 互联网: ``lang/data/network_words.txt``).
_SITE_NAME_RE = re.compile(rf"[{IDEOGRAPH}A-Za-z0-9]{{1,10}}网(?=[{_BLANK}]|$)")
_NETWORK_END_RE = re.compile(rf"(?:{alternation('network_words')})$")


def _names_site(s):
    """Whether the title-block line ``s`` opens with a site's name (:data:`_SITE_NAME_RE`).

    >>> _names_site("思而思学网"), _names_site("美章网 资料文库 镇政府报告范文"), _names_site("智能电网")
    (True, True, False)
    """
    match = _SITE_NAME_RE.match(s.strip(_BLANK))
    return bool(match) and not _NETWORK_END_RE.search(match.group())


_IDEOGRAPH_RUN_RE = re.compile(f"[{IDEOGRAPH}]+")


def _ideograph_runs(lines):
    """The runs of ideographs of ``lines`` (a set)."""
    return {run for line in lines for run in _IDEOGRAPH_RUN_RE.findall(line)}


def _named_by(s, named):
    """Whether every run of ideographs of the line ``s`` is one of ``named``, the runs of the
    furniture lines of its title block (:func:`_ideograph_runs`), as a column's or site's name is
    that its stamp line names again (营商⏎…的讲话⏎公文搜 2022-08-29 12:36:23 营商; | 报告 |⏎
    【www.guakaob.com--报告】).

    >>> named = _ideograph_runs(["公文搜 2022-08-29 12:36:23 营商"])
    >>> _named_by("营商", named), _named_by("营商环境", named)
    (True, False)
    """
    runs = _ideograph_runs([s])
    return bool(runs) and runs <= named


# the tag a site closes a title with: 最新社区换届选举演讲稿【荐读】, 社区换届选举演讲稿【一】 (dev-0208)
_CLOSING_TAG_RE = re.compile(r"【[^【】]{1,6}】$")


def _same_title(a, b):
    """Whether ``a`` and ``b`` (blanks removed) are one title printed twice: equal, or a copy
    with a character or two left out or changed (…投资说明会上的讲话 / …投资说明上的讲话), a
    site's closing tag (:data:`_CLOSING_TAG_RE`) apart."""
    a, b = _CLOSING_TAG_RE.sub("", a), _CLOSING_TAG_RE.sub("", b)
    return a == b or min(len(a), len(b)) >= 6 and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _one_copy(lines):
    """``lines`` of a title block without the title's second copy, as sharing sites print
    the title again above the body (X⏎X, X⏎2023-09-23 383⏎X, X(通用4篇)⏎X(通用4篇)X篇1, X
    ⏎目录/提纲:……⏎一是…⏎……⏎X): the first copy, or the second when the first is the second
    with more before it (a column's name on its own line, 营商⏎X⏎X; a file name's prefix
    up to a character that is no ideograph, 免费2024X(24年12月)⏎X), the lines between the
    copies left out; ``lines`` when no split into a title and its copy is found."""
    bare = [re.sub(rf"[{_BLANK}]", "", line) for line in lines]
    for j in range(1, len(lines)):
        head, rest = "".join(bare[:j]), "".join(bare[j:])
        if len(head) < 4 or len(rest) < 4:
            continue
        if rest.startswith(head):
            return _one_copy(lines[:j])
        if head.startswith(rest):       # the title, what the site prints under it, the title again
            return lines[j:]
        at = head.find(rest)
        if at > 0:
            before = head[:at]
            if before in ("".join(bare[:i]) for i in range(1, j)) or not is_ideograph(before[-1]):
                return lines[j:]
            return _one_copy(lines[:j])  # not inside a word: 乡镇在…的讲话⏎镇在…的讲话
        if _same_title(head, rest):
            return _one_copy(lines[:j])
    return lines


def title_and_copy(title, copy):
    """The title of a title block whose ``title`` the page prints again, ``copy``, glued to
    the body's salutation (…总页数 7 页 2023-11-16 分享⏎市长在…的讲话 同志们:): the one that
    :func:`_one_copy` keeps of the two, or ``title`` when ``copy`` is None or no copy.

    >>> title_and_copy("市长在2022年全市城市管理工作会议上的讲话稿范文稿", "市长在2022年全市城市管理工作会议上的讲话")
    '市长在2022年全市城市管理工作会议上的讲话'
    >>> title_and_copy("在全市工作会议上的讲话", "同志们好")
    '在全市工作会议上的讲话'
    """
    if copy is None:
        return title
    kept = _one_copy([title, copy])
    return kept[0] if len(kept) == 1 else title


def _join_title(parts):
    """Join title lines: without a space where a line was broken mid-phrase."""
    title = parts[0].strip()
    for part in parts[1:]:
        part = part.strip()
        broken = (len(part) <= 2 or len(title) <= 2 or part.startswith(("（", "("))
                  or (title.startswith("在") and "上" not in title) or part.startswith("——"))
        title = title + ("" if broken else " ") + part
    return title


def _occasion(s):
    match = _OCCASION_RE.search(s)
    if not match:
        return None
    return (match["occasion"] or match["occasion2"]).strip()


def _glued_meta(groups, meta):
    """Fill ``meta`` from the groups of a glued title block (title, date, venue, position, speaker)."""
    if groups.get("title"):
        title = groups["title"].strip()
        meta.setdefault("title", title)
        occasion = _occasion(title)
        if occasion:
            meta.setdefault("occasion", occasion)
    if groups.get("date"):
        meta.setdefault("date", parse_date(groups["date"]))
    if groups.get("venue"):
        meta.setdefault("venue", groups["venue"].strip())
    if groups.get("position"):
        meta.setdefault("position", groups["position"].strip())
    if groups.get("speaker"):
        meta.setdefault("speaker", groups["speaker"])


def _is_prose(s):
    s = without_glosses(s)
    return len(s) > 150 or (len(s) >= 8 and bool(_SENT_END.search(s)))


# A news headline or title that opens with its speaker and a colon (红石林业局局长孙颖奇:在…的讲话,
# 吴振华:坚决打好非典防治第二战役), and a byline subtitle of positions and a name alone
# (——全国“村长”论坛执委会主任、华西村党委书记吴协恩).
# what follows a position before a headline's colon and is no name (县长讲话:…, 书记寄语:…)
_HEADLINE_VERBS = r"讲话|致辞|发言|强调|指出|要求|表示|寄语|批示|答问|访谈|专访|署名|谈"
_BYLINE_POSITION = rf"[{IDEOGRAPH}、“”‘’·]{{1,40}}?{_OFFICE}"
_HEADLINE_SPEAKER_RE = re.compile(
    rf"(?:(?P<position>{_BYLINE_POSITION}))?(?!{_HEADLINE_VERBS})(?P<speaker>[{IDEOGRAPH}]{{2,3}})[:：](?=[^\s:：])")
_BYLINE_SUBTITLE_RE = re.compile(
    rf"(?P<title>.{{4,100}}?)\s*(?:——|--|—)\s*(?P<position>{_BYLINE_POSITION})(?P<speaker>[{IDEOGRAPH}]{{2,3}})")


def headline_speaker(lines, body, meta):
    """Fill ``meta``'s speaker (and position) from a title line that opens with them and a colon
    (``lines``: the pieces of the title block and page title), or from a byline subtitle glued to
    the title; a name without a position only when ``body`` names it after an office (市委书记吴振华):
    a place or an organ opens a headline the same way (西平县宋集镇:誓师动员)."""
    if meta.get("speaker"):
        return
    title = meta.get("title", "")
    match = _BYLINE_SUBTITLE_RE.fullmatch(title)
    if match:
        meta.update(title=match["title"], position=match["position"], speaker=match["speaker"])
        return
    for line in lines:
        match = _HEADLINE_SPEAKER_RE.match(without_glosses(line).strip())
        if not match or _MASK_RE.search(match["speaker"]):
            continue
        speaker = match["speaker"]
        if match["position"] or re.search(rf"{_OFFICE}{speaker}", body):
            meta["speaker"] = speaker
            if match["position"]:
                meta.setdefault("position", match["position"])
            return
