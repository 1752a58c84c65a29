"""When and where a document was given: ISO date and year, place and level.

Plain functions on strings and the ``meta`` dict (no spaCy):

* :func:`infer_date` — the date from metadata (a ``--date-column`` value,
  ``date`` or ``year`` fields in any form :func:`~policy_nlp.stages.cleaning.parse_date`
  reads, 2020-05-19, 二〇一二年六月十五日, 公元2012年…), else from the title,
  else from the first or last lines of the text; the year alone from a title
  such as 2019年全县经济工作会议.
* :func:`infer_place` — the administrative level (national, province, city,
  district, county, township, street, village) and the named place, from the
  speaker's position (区长 → district, 县委书记 → county, 镇党委书记 →
  township, 省长 → province), else the title (在全县…, 市委…), else the
  scope words of the text (全县 and 我县 said most often), with the evidence.
* :func:`enrich_meta` — both, for a document's ``meta``: fields given with the
  input (``date``, ``year``, ``place``, ``level``) always win; a given level
  is read in any case and under its other names (:func:`given_level`).

The unit words, organs and national markers are data:
``policy_nlp/data/admin_levels.json``.
"""

import json
import logging
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from policy_nlp.lang.chars import IDEOGRAPH, SENTENCE_ENDS
from policy_nlp.lang.numerals import NEWS_DATE
from policy_nlp.lang.words import alternation, either
from policy_nlp.stages.cleaning import date_field, file_stamps, page_publication, parse_date, title_date, year_in_text
from policy_nlp.stages.script import simplified

__all__ = ["infer_date", "infer_place", "enrich_meta", "page_dates", "given_level", "given_year", "LEVELS"]

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "data" / "admin_levels.json"
LEVELS = ("national", "province", "city", "district", "county", "township", "street", "village")
_HEAD, _TAIL = 150, 150   # characters of the text searched for a date line
# a date in a page's information line (发布时间:2023-04-07, 上传时间:2023-11-02) is the web copy's
_FIELD_DATE_RE = re.compile(rf"(?P<key>{alternation('upload_field_keys')}|{alternation('page_field_keys')})\s*[:：]\s*"
                            r"(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)")


@lru_cache(maxsize=1)
def _rules():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    unit = either(data["units"], longest_first=True)
    organ = either(data["organs"], longest_first=True)
    prefix = either(data["scope_prefixes"])
    # A unit is a reference when an organ or office follows it (县委, 区长,
    # 镇党委, 街道办事处) or a scope word precedes it (全县, 我区, 在镇…).
    organ_re = re.compile(rf"(?P<unit>{unit})(?:副)?(?P<organ>{organ})")
    scope_re = re.compile(rf"(?P<prefix>{prefix})(?P<unit>{unit})")
    masks_alt = either(data["masks"], longest_first=True)
    verbs = either(data["event_verbs"])
    named_re = re.compile(rf"(?:^|(?<=[在—\s]))(?P<name>[{IDEOGRAPH}]{{2,5}}?)(?P<unit>{unit})(?={verbs})")
    mask_re = re.compile(rf"(?:{masks_alt})(?P<unit>{unit})")
    opening_re = re.compile(rf"^(?:\d{{4}}年)?(?P<unit>{unit})")
    # a ministry in 部门 is no ministry (各级商务部门)
    national_re = re.compile(f"(?:{either(data['national'], longest_first=True)})(?!门)")
    stop = re.compile(either(data["place_stop"]))
    masks = re.compile(masks_alt)
    # 全国 in an honour or a name (全国文明城市, 全国人大代表, 全国第18个…) is not the country's scope
    honour = either(data["national_not_before"], longest_first=True)
    after = "".join(data["national_not_after"])
    honour_re = re.compile(rf"(?<=[{after}])全国(?=[家有际])|全国\s*(?:{honour})")  # 确保全国粮食: 全国
    # a news report opens with its time and the place of its event: 吴双凤报道:7月30日上午,丰溪街道…
    lead = alternation("news_openings")
    news_re = re.compile(rf"(?:^|[，,]\s*)(?:[{IDEOGRAPH}]{{2,8}}报道\s*[:：]\s*)?"
                         rf"(?:{NEWS_DATE})?(?:{lead})?(?:\d{{1,2}}[点时](?:\d{{1,2}}分)?)?[，,]?\s*"
                         rf"(?=(?:{masks_alt}|[{IDEOGRAPH}]{{2,6}}?)(?:{unit}))")
    piece_re = re.compile(rf"(?P<name>{masks_alt}|[{IDEOGRAPH}]{{2,6}}?)(?P<unit>{unit})")
    verb_re = re.compile(verbs)
    # the speaker opens the meeting: 今天,我们召开泸县扫黑除恶…, 现在我们召开区疫情防控…会议
    openers = either(data["meeting_openers"])
    unit_chars = "".join(u for u in data["units"] if len(u) == 1)  # a name of one character: 泸县, 沛县
    meeting_re = re.compile(rf"(?:{openers})[^{SENTENCE_ENDS}\r\n]{{0,12}}?(?:召开|举行)(?:了|这次)?\s*(?:\d{{4}}年度?)?"
                            rf"(?P<ref>全?\s*(?P<name>(?:{masks_alt}|(?:(?![{unit_chars}])[{IDEOGRAPH}]){{1,4}}?)\s*)?"
                            rf"(?P<unit>{unit}))")
    return {"meeting": meeting_re, "news": news_re, "piece": piece_re, "verb": verb_re, "honour": honour_re,
            "units": data["units"], "rank": data["rank"], "organ": organ_re, "scope": scope_re,
            "national": national_re, "named": named_re,
            "mask": mask_re, "opening": opening_re, "not_after": data["not_after_unit"],
            "not_before": data["not_before_unit"], "stop": stop, "masks": masks}


def _place_before(s, start, end):
    """The named place ending at ``s[start:end]`` (a unit): 泾阳县, 铜川市印台区, or None."""
    rules = _rules()
    head = s[max(0, start - 12):start]
    match = re.search(rf"[{IDEOGRAPH}A-Za-z×*]{{1,12}}$", head)
    if not match:
        return None
    name = match.group()
    stops = list(rules["stop"].finditer(name))
    if stops:
        name = name[stops[-1].end():]
    if len(name) < 2 or rules["masks"].fullmatch(name):  # 全县, XX县: no name
        return None
    if rules["masks"].search(name):
        return None
    return name + s[start:end]


def _references(s):
    """``[(position, level, evidence, place)]``: the unit references of ``s`` in order."""
    rules = _rules()
    found = []
    for match in rules["organ"].finditer(s):
        unit = match["unit"]
        found.append((match.start(), rules["units"][unit], match.group(),
                      _place_before(s, match.start(), match.end("unit"))))
    for match in rules["scope"].finditer(s):
        unit, after = match["unit"], s[match.end():match.end() + 1]
        if after and after in rules["not_after"].get(unit, ()):
            continue  # 在市场, 全区域: a word, not a unit
        if match["prefix"] == "在" and any(p == match.start() + 1 for p, *_ in found):
            continue  # 在县委… is already an organ reference
        found.append((match.start(), rules["units"][unit], match.group(), None))
    taken = {p for p, *_ in found}
    for name in ("named", "mask", "opening"):
        for match in rules[name].finditer(s):
            unit, after = match["unit"], s[match.end():match.end() + 1]
            if after and after in rules["not_after"].get(unit, ()) or match.start("unit") - 1 in taken \
                    or match.start("unit") in taken:
                continue
            place = s[match.start():match.end()] if name == "named" else None
            found.append((match.start(), rules["units"][unit], match.group(), place))
            taken.add(match.start("unit"))
    if not found:  # the centre counts only where no local unit is named (创建全国文明城市)
        honours = {m.start() for m in rules["honour"].finditer(s)}
        for match in rules["national"].finditer(s):
            if match.start() in honours:
                continue
            found.append((match.start(), "national", match.group(), None))
    return sorted(found, key=lambda f: f[0])


def infer_place(position=None, title=None, text=None):
    """The administrative level and place of a document, with the evidence.

    Parameters
    ----------
    position : str, optional
        The speaker's position (``meta["position"]``: 县委书记, 某某省省长).
        Its most local office decides (市委常委、县委书记 → county).
    title : str, optional
        The title or occasion; its first unit reference decides (在全县…,
        区委农村工作会议).
    text : str, optional
        The body: the scope words said most often (全县, 我县 …, at least
        twice) decide when position and title say nothing.

    Returns
    -------
    dict
        ``level`` (one of :data:`LEVELS` or None), ``place`` (the named
        place, e.g. 泾阳县, or None when unnamed or masked as XX县) and
        ``level_evidence`` (``"position:县委书记"``, ``"title:全县"``,
        ``"text:全县×12"`` or None).

    Examples
    --------
    >>> infer_place(position="区长")["level"], infer_place(position="县委书记")["level"]
    ('district', 'county')
    >>> infer_place(position="镇党委书记")["level"], infer_place(position="某某省省长")["level"]
    ('township', 'province')
    >>> infer_place(position="陕西省铜川市印台区委常委、副区长")
    {'level': 'district', 'place': '陕西省铜川市印台区', 'level_evidence': 'position:区长'}
    >>> infer_place(title="在全县安全生产工作会议上的讲话")
    {'level': 'county', 'place': None, 'level_evidence': 'title:全县'}
    >>> infer_place(title="在2026年街道党工委扩大会议上的讲话")["level"]
    'street'
    >>> infer_place(title="关于城市管理的思考")["level"] is None
    True
    """
    rules = _rules()
    rank = rules["rank"]
    if position:
        refs = _references(simplified(position))
        if refs:
            _, level, evidence, place = max(refs, key=lambda r: (rank[r[1]], r[0]))
            return _result(level, place or _any_place(refs, level), f"position:{evidence}")
    news = _news_place(simplified(text)) if text else None
    if title:
        refs = _references(simplified(title))
        if refs:
            pos, level, evidence, place = refs[0]
            if not place and news and news[0] == level:
                place = news[1]  # 在全县…会议上的讲话 over 3月31日,巫溪县召开…: the news names it
            return _result(level, place, f"title:{evidence}")
    if text:
        return _news_or_votes(news, simplified(text))
    return _result(None, None, None)


def _news_or_votes(news, text):
    """The place a news opening names, unless the scope words of ``text`` vote for a
    more local level (a county speech that opens 近日，湖南省召开全省…会议 reports the
    province's meeting, then says 全县…); else the votes, else the meeting the speaker opens."""
    votes = _text_votes(text)
    rank = _rules()["rank"]
    if news and not (votes and rank[votes["level"]] > rank[news[0]]):
        return _result(*news)
    return votes or _meeting_place(text) or _result(None, None, None)


def _text_votes(text):
    """The level of the scope words ``text`` says most (全县, 我县, 全国 …, at least twice), or None."""
    votes = Counter()
    for _, level, evidence, _ in _references(text):
        if evidence[0] in "全我本":
            votes[(level, evidence)] += 1
    # 全国 is the country's scope word, as 全县 is the county's; it competes with them (each
    # 全国 once: those found as national markers are among them)
    votes[("national", "全国")] = _national_scope(text)
    by_level = Counter()
    for (level, _), n in votes.items():
        by_level[level] += n
    if by_level:
        level, n = by_level.most_common(1)[0]
        if n >= 2:
            word = max((e for (l, e) in votes if l == level), key=lambda e: votes[(level, e)])
            return _result(level, None, f"text:{word}×{n}")
    return None


def _meeting_place(text):
    """The level (and place) of the meeting the speaker opens in the first 300 characters
    (今天,我们召开泸县扫黑除恶专项斗争工作推进会 → county, 泸县), else None; not a meeting the
    sentence goes on reporting (:func:`_continues_a_report`), nor a unit without a place's
    name whose meeting goes unnamed (a fragment cut after it: 。今天我们召开县)."""
    rules = _rules()
    for match in rules["meeting"].finditer(text[:300]):
        unit, name = match["unit"], (match["name"] or "").strip()
        if (not _named_unit(name, unit, text[match.end():match.end() + 1])
                or _continues_a_report(text, match.start(), match.end())
                or not (name or _MEETING_NAME_START.match(text, match.end()))):
            continue
        place = name + unit if name and not rules["masks"].fullmatch(name) else None
        return _result(rules["units"][unit], place, f"meeting:{match['ref']}")
    return None


def _continues_a_report(text, start, end):
    """Whether the sentence before ``start`` (an opener ending at ``end``) has already reported a
    meeting, whose holder the opener's clause goes on with: 4月28日,市里召开全市…大会,今日又召开全市…大会
    (a district speech on the city's meetings, dev-0027) names no meeting of the speaker's. A meeting
    named only as the source of a spirit (为贯彻落实市委召开的…会议精神，今天召开全县…) is no report,
    and an opener in the first person (…前段时间市里举行了全市…大会，今天我们在这里召开全县…, as
    dev-0043) is the speaker's meeting."""
    begin = max(text.rfind(c, 0, start) for c in SENTENCE_ENDS + "\n") + 1
    return bool(_REPORTED_MEETING.search(text, begin, start)) and not _FIRST_PERSON.search(text, start, end)


# the start of the meeting's name after its unit (全县|工作会议, 县|委全会): two characters
_MEETING_NAME_START = re.compile(rf"\s*[{IDEOGRAPH}“\"][{IDEOGRAPH}]")
# a meeting reported as held (召开全市…, 举行了…), not one named by what it held (召开的…会议精神)
_REPORTED_MEETING = re.compile("(?:召开|举行)(?!的)")
_FIRST_PERSON = re.compile(alternation("first_person_plural"))


def _news_place(text):
    """``(level, place, evidence)`` from the opening sentence of a news report that names the
    place of its event before an event verb (7月30日上午,丰溪街道…召开; 3月18日北京市丰台区
    长辛店街道举办: the most local unit of the chain), else None."""
    rules = _rules()
    # the first sentences: a news page may keep its headline on the line above (操军镇…胜利召开⏎10月28日,…)
    for sentence in re.findall(f"[^{SENTENCE_ENDS}\r\n]{{1,150}}", text[:300])[:3]:
        for lead in rules["news"].finditer(sentence):
            if not re.sub(r"[，,\s]", "", lead.group()):
                continue  # only after a time or a lead (根据县委…, 为进一步增强村…: no news opening)
            chain, end = _chain(sentence, lead.end())
            if chain and rules["verb"].search(sentence, end):
                masked = any(rules["masks"].fullmatch(p["name"]) for p in chain)
                place = None if masked else sentence[chain[0].start():end]
                return rules["units"][chain[-1]["unit"]], place, f"news:{sentence[chain[-1].start():end]}"
    return None


def _chain(s, pos):
    """The named units from ``s[pos:]`` on, each more local than the one before (北京市丰台区
    长辛店街道), and the end of the last."""
    rules = _rules()
    chain, last = [], -1
    while piece := rules["piece"].match(s, pos):
        rank = rules["rank"][rules["units"][piece["unit"]]]
        if rank <= last or not _named_unit(piece["name"], piece["unit"], s[piece.end():piece.end() + 1]):
            break
        chain.append(piece)
        pos, last = piece.end(), rank
    return chain, pos


def _named_unit(name, unit, after):
    """Whether ``name`` + ``unit`` (the name may be empty), followed by the character
    ``after``, is a named unit: not a word with the unit (乡村, 红石林区, 工业园区) and no
    name holding a place stop word."""
    rules = _rules()
    if after in rules["not_after"].get(unit, ()):
        return False
    return not name or not (rules["stop"].search(name) or name[-1] in rules["not_before"].get(unit, ()))


def _national_scope(text):
    """How often ``text`` says 全国 as the country's scope (全国各族人民), not in an honour or a
    name (创建全国文明城市, 全国人大代表: ``national_not_before`` of the data)."""
    return text.count("全国") - len(_rules()["honour"].findall(text))


def _any_place(refs, level):
    return next((place for _, l, _, place in refs if l == level and place), None)


def _result(level, place, evidence):
    return {"level": level, "place": place, "level_evidence": evidence}


def infer_date(meta=None, text=None, given=None):
    """The ISO date and year of a document, and where they came from.

    Parameters
    ----------
    meta : dict, optional
        ``date`` (any form :func:`~policy_nlp.stages.cleaning.parse_date`
        reads), ``year`` (2019, "2019", "二〇一九年"), ``title``.
    text : str, optional
        Searched for a full date in its first and last 150 characters (a date
        line under the title, the date of a letter's signature).
    given : collection of str, optional
        The keys of ``meta`` given with the input (default: all). A ``date``
        that is not among them was read from the text (by cleaning, from the
        title block: (2021年2月2日) under the title) and is labelled ``"text"``;
        a ``title`` not among them gives no ISO-form date (a page's stamp).

    Returns
    -------
    dict
        ``date`` (ISO or None), ``year`` (int or None), ``date_source``
        (``"meta"``, ``"title"``, ``"text"``, ``"published"`` or None).

    Examples
    --------
    >>> infer_date({"date": "2020-05-19"})
    {'date': '2020-05-19', 'year': 2020, 'date_source': 'meta'}
    >>> infer_date({"date": "公元二〇一二年六月十五日"})["date"]
    '2012-06-15'
    >>> infer_date({"date": "2019"})
    {'date': None, 'year': 2019, 'date_source': 'meta'}
    >>> infer_date({"title": "书记2017年全镇经济工作会议讲话"})
    {'date': None, 'year': 2017, 'date_source': 'title'}
    >>> infer_date({}, "你们好！……\\n中华人民共和国主席习近平\\n2020年5月17日")["date"]
    '2020-05-17'
    >>> infer_date({"date": "2021-02-02", "title": "在全市农村工作会议上的讲话"}, given=("title",))
    {'date': '2021-02-02', 'year': 2021, 'date_source': 'text'}
    """
    meta = meta or {}
    given_keys = meta.keys() if given is None else given
    given = meta.get("date")
    date = parse_date(str(given)) if given not in (None, "") else None
    year = given_year(meta.get("year"))
    if date or year:
        source = "meta" if year or "date" in given_keys else "text"
        return {"date": date, "year": year or int(date[:4]), "date_source": source}
    if given not in (None, ""):
        year = given_year(given)  # a date column holding only the year: 2019, "2019", 二〇一九年
        if year:
            return {"date": None, "year": year, "date_source": "meta"}
    title = _given_text(meta, "title")
    if title:
        # a title writes its date 2012年6月15日 or closes with （2019-05-01）; another 2022-08-29 in a
        # title block cleaning read is a page's stamp (公文搜 2022-08-29 12:36:23: enrich_meta keeps
        # it as ``uploaded``)
        date = parse_date(title) if "title" in given_keys else title_date(title)
        year = int(date[:4]) if date else year_in_text(title)
        if year:
            return {"date": date, "year": year, "date_source": "title"}
    if text:
        date = parse_date(_page_stamps_blanked(text[:_HEAD])) or parse_date(_page_stamps_blanked(text[-_TAIL:]))
        if date:
            return {"date": date, "year": int(date[:4]), "date_source": "text"}
    # the last resort: the publication of a page that names its publication (来源:巫溪报, a
    # newspaper credit: a news report follows its event); a sharing site's bare 时间: is an upload
    published = parse_date(str(meta.get("published") or "")) if meta.get("publication") else None
    if published:
        return {"date": published, "year": int(published[:4]), "date_source": "published"}
    return {"date": None, "year": None, "date_source": None}


def _page_stamps_blanked(text):
    """``text`` with the dates of a page's information lines (发布时间:…, 上传时间:…) and a
    sharing site's file stamps (:func:`~policy_nlp.stages.cleaning.file_stamps`) blanked."""
    text = _FIELD_DATE_RE.sub(lambda match: " " * len(match.group()), text)
    for start, end, _ in file_stamps(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def page_dates(text):
    """``{"uploaded": ISO, "published": ISO}`` of the page information lines left in the first
    characters of ``text`` (a document-sharing site's 上传时间:2023-11-02 is when the copy was
    uploaded, ``lang/data/upload_field_keys.txt``, and so is a bare 时间:2020-11-17 on a line that
    names no publication; 发布时间:2023-04-07 when the page was published, with ``publication``
    when the line names it: 来源:巫溪报), the first of each; a date a sharing site printed beside
    the file's size or pages (:func:`~policy_nlp.stages.cleaning.file_stamps`), in the first or
    the last characters, is an upload too.

    >>> page_dates("发布时间:2023-04-07 来源:巫溪报 发布开发区:重庆巫溪工业园区\\n3月31日,我县召开…")
    {'published': '2023-04-07', 'publication': '巫溪报'}
    >>> page_dates("上传人:cl****1 文档编号:429882823 上传时间:2023-11-02 格式:DOCX 页数:9")
    {'uploaded': '2023-11-02'}
    >>> page_dates("…在做好疫情防控工作的基础上,结合实际认真抓好贯彻落实。\\n2023-12-27\\n9 页 999+")
    {'uploaded': '2023-12-27'}
    """
    found = {}
    for _, _, date in file_stamps(text[:_HEAD * 2]) + file_stamps(text[-_TAIL:]):
        found.setdefault("uploaded", date)
    for match in _FIELD_DATE_RE.finditer(text[:_HEAD * 2]):
        line = text[text.rfind("\n", 0, match.start()) + 1:text.find("\n", match.end()) % (len(text) + 1)]
        source = page_publication(line)
        key = date_field(match["key"], named=bool(source))
        if key:
            found.setdefault(key, parse_date(match["date"]))
            if key == "published" and source:
                found.setdefault("publication", source)
    return {k: v for k, v in found.items() if v}


def _read_given_level(meta):
    """The level ``meta``'s given ``level`` names (:func:`given_level`), or None; a
    value written otherwise is kept as ``given_level``, one that names no level is
    named in a warning."""
    value = meta.get("level")
    if value is None or str(value).strip() == "":
        return None
    level = given_level(value)
    if level != value:
        meta["given_level"] = str(value)
    if level is None:
        _warn_unread_level(str(value), meta.get("source") or meta.get("title") or "a document")
    return level


_UNREAD_LEVELS: set[str] = set()  # the given levels already named in a warning (in this process)


def _warn_unread_level(value, document):
    # once per value: a corpus column of them (the policy documents' 55 'shandong') is one
    # warning, not one a document; each document keeps its value in given_level. Said, then
    # noted: a document stopped between the two (--doc-timeout) says it again, never not at all
    if value in _UNREAD_LEVELS:
        return
    log.warning("%s: level %r is none of %s: kept as meta.given_level, the level is inferred from the text "
                "(said once for this value)", document, value, ", ".join(LEVELS))
    _UNREAD_LEVELS.add(value)


def _given_text(meta, key):
    """``meta[key]`` when it is text, else None: a number given as a title, position or occasion (a
    dataset's column of ranks named ``position``) is no text, as the slogans stage and the topics'
    context read it too."""
    value = meta.get(key)
    return value if isinstance(value, str) else None


def given_level(value):
    """The level of :data:`LEVELS` a given ``level`` value names, or None.

    Read in lower case and without blanks (``"County "``), and under the other
    names of a level in ``admin_levels.json``'s ``level_names`` (``central``,
    the policy documents' name of the centre; 县级, 乡镇). A given level it
    cannot read is kept as written in ``meta["given_level"]``, with a warning
    (:func:`enrich_meta`).

    Examples
    --------
    >>> given_level("County "), given_level("central"), given_level("县级"), given_level("shandong")
    ('county', 'national', 'county', None)
    """
    if value is None or isinstance(value, bool):
        return None
    key = "".join(str(value).split()).lower()
    return key if key in LEVELS else _level_names().get(key)


@lru_cache(maxsize=1)
def _level_names():
    names = json.loads(DATA.read_text(encoding="utf-8"))["level_names"]
    return {name.lower(): level for level, others in names.items() for name in others}


def given_year(value):
    """The year a given ``year`` value says, as :func:`infer_date` reads it, or None.

    Reads a number, ``"2019"`` and a year written as a year (``"2019年"``,
    ``"二〇一九年"``); unlike :func:`policy_nlp.lang.numerals.parse_year`, which
    reads the start of any meta value (``"2012-06-15"``), it reads the years
    a researcher's sheet writes in words. A given year it cannot read is
    kept as written in ``meta["given_year"]`` (:func:`enrich_meta`; ``io.corpus``
    names a sheet's in a warning).

    Examples
    --------
    >>> given_year(2019), given_year(" 2019 "), given_year("2019.0"), given_year("二〇一九年"), given_year("不详")
    (2019, 2019, 2019, 2019, None)
    >>> given_year(True), given_year("2019.5")
    (None, None)
    """
    if value is None or isinstance(value, bool) or value == "":
        return None
    if isinstance(value, (int, float)):
        return int(value) if 1000 <= value <= 2999 else None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(?:\.0+)?", text):  # 2019.0: a column of years with a gap, written by pandas
        return int(text[:4])
    return year_in_text(text)


def enrich_meta(meta, text=None, given=None):
    """``meta`` with ``date``, ``year``, ``place``, ``level`` and their evidence filled in.

    Values given with the input win: a ``level`` or ``place`` in ``meta``
    is kept (``level_evidence`` is then ``"meta"``; a level written otherwise,
    ``"County "`` or ``central``, is the level :func:`given_level` reads, and one
    it cannot read gives way to the inferred level, with a warning (once per value) naming the
    document; either is kept as written in ``given_level``), a given ``date`` in
    another form is kept as ``given_date`` beside the ISO ``date``, a given
    ``year`` that reads as no year (不详) as ``given_year``. ``given``
    names the keys of ``meta`` given with the input (default: all; the others
    were read from the text, see :func:`infer_date`). A page's stamp glued to
    the title block cleaning read (市长在…的讲话 公文搜 2022-08-29 12:36:23:
    model-essay and sharing sites) is kept as ``uploaded``, never taken as the date.

    Examples
    --------
    >>> enrich_meta({"position": "区长", "date": "2012年6月15日"})  # doctest: +NORMALIZE_WHITESPACE
    {'position': '区长', 'date': '2012-06-15', 'given_date': '2012年6月15日', 'year': 2012,
     'date_source': 'meta', 'level': 'district', 'place': None, 'level_evidence': 'position:区长'}
    >>> enrich_meta({"position": "区长", "level": "county"})["level"]
    'county'
    >>> {k: v for k, v in enrich_meta({"position": "区长", "level": "central"}).items() if "level" in k}
    {'level': 'national', 'given_level': 'central', 'level_evidence': 'meta'}
    >>> {k: v for k, v in enrich_meta({"date": "2019"}).items() if "date" in k or k == "year"}
    {'date': None, 'given_date': '2019', 'year': 2019, 'date_source': 'meta'}
    """
    meta = dict(meta)
    for key, value in page_dates(text or "").items():
        meta.setdefault(key, value)  # an information line cleaning left in the text
    title = _given_text(meta, "title")
    if title and "title" not in (meta.keys() if given is None else given) and title_date(title) is None:
        stamp = parse_date(title)  # a title block cleaning read, not one given
        if stamp:
            meta.setdefault("uploaded", stamp)
    when = infer_date(meta, text, given)
    given = meta.get("date")
    if given not in (None, "") and given != when["date"]:
        meta["given_date"] = str(given)  # as given (1954 of a column of numbers too); ``date`` is ISO or None
    if when["date"] or given not in (None, ""):
        meta["date"] = when["date"]
    year = meta.get("year")
    if str(year if year is not None else "").strip() and given_year(year) is None:
        meta["given_year"] = str(year)  # 不详: no year, kept as given; ``year`` is an integer or None
        meta["year"] = when["year"]
    elif when["year"] is not None:
        meta["year"] = when["year"]
    if when["date_source"]:
        meta["date_source"] = when["date_source"]
    level = _read_given_level(meta)
    where = infer_place(_given_text(meta, "position"), title or _given_text(meta, "occasion"), text)
    if level:
        meta["level"] = level
        meta["level_evidence"] = "meta"
    else:
        meta["level"] = where["level"]
        meta["place"] = meta.get("place") or where["place"]
        meta["level_evidence"] = where["level_evidence"]
    meta.setdefault("place", where["place"] if where["level"] == meta.get("level") else None)
    return meta
