"""Head, tail and body: where the body starts (the salutation or the first prose) and ends, and
what the head and tail hold."""

import re

from policy_nlp.stages.cleaning.pieces import _BLANK, _skip_blank
from policy_nlp.stages.cleaning.dates import date_field, file_stamps, parse_date
from policy_nlp.stages.cleaning.furniture import (_CREDIT_RE, _DATELINE_PAREN_RE, _DATELINE_RE,
                                                  _EDITOR_NOTE_RE, _FIELD_VALUE_RE, _FIELDS_RE, _furniture,
                                                  _LICENCE_MARK_RE, _LICENCE_START_RE, _PAGE_TITLE_RE, _SITE_ADDRESS_RE,
                                                  _AUTHOR_CREDIT_RE, _DATETIME,
                                                  _SENT_END, _SOURCE_PAREN_RE, _USERNAME_RE, page_publication,
                                                  without_glosses)
from policy_nlp.lang.chars import IDEOGRAPH, SENTENCE_ENDS, before_blanks, is_ideograph
from policy_nlp.stages.cleaning.glued import (glued_byline, glued_footer, glued_furniture, glued_salutation,
                                              glued_speech_title, header_items, peel_header, SPEECH_NAME)
from policy_nlp.stages.cleaning.title import (_ENUM_RE, _GLUED_BYLINE_RE, _GLUED_CAPTION_RE,
                                              _GLUED_HEAD_RE, _glued_meta, _is_prose, _LABEL_RE, _OFFICE,
                                              _opens_with_salutation, _parse_title_block, _salutation,
                                              _title_kind, _TITLE_RE)


_HEAD_PIECES = 80
_HEAD_CHARS = 6000
_TAIL_PIECES = 80


def _scan_head(text, pieces, meta):
    """``(body_piece, body_start, items)``: where the body starts, and the head
    items ``(start, end, reason)`` before it (piece extents, blanks apart).

    A salutation near the top (同志们：) starts the body, and everything
    before it is head (:func:`_head_before_salutation`); without one, the
    head is what is positively furniture or title block
    (:func:`_head_without_salutation`).
    """
    salutation_at, prose = _find_salutation(text, pieces)
    if salutation_at is not None:
        return _head_before_salutation(text, pieces, meta, salutation_at, prose)
    return _head_without_salutation(text, pieces, meta)


def _find_salutation(text, pieces):
    """``(piece index or None, [indexes of prose pieces before it])``: a
    salutation near the top with only short non-prose lines before it."""
    n = len(pieces)
    salutation_at = None
    prose = []
    for k in range(min(n, _HEAD_PIECES)):
        a, b = pieces[k]
        if a > _HEAD_CHARS:
            break
        s = text[a:b]
        if _salutation(s):
            salutation_at = k
            break
        if _furniture(s, "head"):
            continue
        if _is_prose(s):
            if len(s) > 300 or len(prose) >= 3:
                break
            prose.append(k)
    if salutation_at is not None and prose:
        # Prose before the salutation (a news lead-in, an uncredited photo
        # caption) is head only when a clear title block stands between them.
        kinds = []
        for k in range(prose[-1] + 1, salutation_at):
            a, b = pieces[k]
            if not _furniture(text[a:b], "head"):
                kinds.append(_title_kind(text[a:b], kinds) or "?")
        if "?" in kinds or len(set(kinds)) < 2:
            salutation_at = None
    return salutation_at, prose


def _head_before_salutation(text, pieces, meta, salutation_at, prose):
    """The head items before the salutation at piece ``salutation_at``: the
    title block right before it, furniture, lead-ins, page titles."""
    items = []
    kinds = []
    for k in range(salutation_at):
        a, b = pieces[k]
        kinds.append(_furniture(text[a:b], "head"))
    # the run of non-furniture pieces right before the salutation
    first = salutation_at
    while first > 0 and kinds[first - 1] is None and first - 1 not in prose:
        first -= 1
    for k in range(salutation_at):
        a, b = pieces[k]
        s = text[a:b]
        if k >= first:
            reason = "title block"
        elif kinds[k]:
            reason = kinds[k]
        elif k in prose:
            reason = "photo caption" if re.search(r"摄|图", s) else "lead-in"
        elif _TITLE_RE.fullmatch(plain := without_glosses(s)) or _PAGE_TITLE_RE.fullmatch(plain):
            reason = "page title"
            match = _PAGE_TITLE_RE.fullmatch(plain)
            meta.setdefault("_page_title", match["title"] if match else plain)
        elif _USERNAME_RE.fullmatch(s):
            reason = "user profile"
        else:
            reason = None
        items.append([a, b, reason])
    _inherit(items, "page header")
    _parse_title_block([text[a:b] for a, b, _ in items[first:]], meta)
    body_piece = salutation_at
    return body_piece, pieces[body_piece][0], [tuple(i) for i in items]


def _head_without_salutation(text, pieces, meta):
    """The head when no salutation opens the body: the leading pieces that
    are furniture or title block (or a title glued to the body's start)."""
    n = len(pieces)
    items = []
    kinds = []
    k = 0
    body_start = None
    while k < n and k < _HEAD_PIECES:
        a, b = pieces[k]
        s = text[a:b]
        reason = _furniture(s, "head")
        if reason:
            items.append((a, b, reason))
            k += 1
            continue
        kind = _title_kind(s, kinds)
        if kind:
            kinds.append(kind)
            items.append((a, b, "title block"))
            k += 1
            continue
        headline = _headline(text, pieces, k, meta)
        if headline:
            items.extend(headline)
            k += len(headline)
            continue
        consumed = _glued_head(text, a, b, items, meta)
        if consumed == b:
            kinds.append("title")
            k += 1
            continue
        if consumed > a:
            body_start = consumed
            break
        # a short unknown line between two pieces of furniture, or a page's first line above its header
        if _short_line(s, 30) and k + 1 < n and not (items and items[-1][2] == "title block"):
            na, nb = pieces[k + 1]
            following = _furniture(text[na:nb], "head")
            if items and following:
                items.append((a, b, items[-1][2]))
                k += 1
                continue
            opening = _opening_line(text, s, na, nb, following, first=not items)
            if opening:
                items.append((a, b, opening))
                k += 1
                continue
        break
    title_strings = [text[a:b] for a, b, reason in items if reason == "title block"]
    if title_strings:
        _parse_title_block(title_strings, meta)
    if body_start is None:
        body_start = pieces[k][0] if k < n else len(text)
    return k, body_start, items


def _headline(text, pieces, k, meta):
    """The head items of a page's headline at piece ``k`` (a news report's, 2023年全县卫生健康工作会召开,
    which no speech-title shape reads) and of the short lines above it (the site's name or column,
    新闻内容; the headline printed twice), or None: a run of at most three short lines whose last is
    followed by the page's information line (发布日期:2021-05-28 08:51 来源:射阳日报…) or its date
    (2010年07月22日). The last line, with the line before it when it is a subtitle
    (脱贫攻坚 砥砺奋进⏎——金锁关镇召开…), is the page's title (``meta["_page_title"]``)."""
    run = []
    for j in range(k, min(k + 4, len(pieces))):
        a, b = pieces[j]
        s = text[a:b]
        furniture, kind = _furniture(s, "head"), _title_kind(s, [])
        if run and (furniture == "page info" or kind == "date"):
            break
        if len(run) == 3 or not _short_line(s, 40) or furniture or kind:
            return None
        run.append(without_glosses(s).strip(_BLANK))
    else:
        return None
    title = run[-1]
    if title.startswith("——") and len(run) > 1:
        title = run[-2] + title
    if sum(map(is_ideograph, title)) < 6 or any(len(line) > 30 for line in run[:-1]):
        return None
    meta.setdefault("_page_title", title.lstrip("—"))
    return [(*pieces[j], "page title" if line in title else "page header") for j, line in enumerate(run, k)]


def _opening_line(text, s, na, nb, following, first):
    """The reason a short line ``s`` of the head (the page's ``first``, or one
    after furniture) is head, given the next piece ``text[na:nb]`` (its reason
    as furniture ``following``), or None: the site's column name above its
    breadcrumbs on the first line (政策法规⏎您现在的位置:…), also glued to a page
    that lost its other breaks (手机版⏎您的当前位置:…>讲话稿>…); or any short line
    (the site's name, 返回, Skip to main content, a title) above a header glued to
    the salutation, as the page without breaks reads it
    (德育素材网 首页⏎某县委书记在…的讲话2024-10-28 06:06:17 德育素材网同志们:)."""
    if first and _short_line(s, 12) and (following or glued_furniture(text, na, nb)) == "navigation":
        return "navigation"
    if glued_salutation(text, na, nb) is not None:
        return "page header"
    return None


def _short_line(s, limit):
    """A short line that is no sentence: at most ``limit`` characters (its
    pinyin glosses not counted, as a Simplified copy has none), no sentence
    end, no list marker."""
    s = without_glosses(s)
    return len(s) <= limit and not _SENT_END.search(s) and not _ENUM_RE.match(s)


def _inherit(items, default):
    """Give unknown items the reason of the item before them (or after)."""
    for i, item in enumerate(items):
        if item[2] is None:
            before = next((it[2] for it in reversed(items[:i]) if it[2]), None)
            after = next((it[2] for it in items[i + 1:] if it[2]), None)
            item[2] = before or after or default


def _glued_head(text, a, b, items, meta):
    """Parse the furniture glued to the start of piece ``text[a:b]``.

    Appends head items and returns the offset where the rest of the piece
    starts (``a`` when nothing was found).
    """
    while True:  # a loop, not a recursion per title: a page may print its title a thousand times
        p = peel_header(text, a, b, items)
        # a header that the shapes above do not read through, glued to the salutation
        # (after a title they read: the page repeats it, …会议上讲话 在…会议上的讲话 同志们:)
        p = _glued_title(text, p, b, items, meta)
        byline = glued_byline(text, p, b)
        if byline:
            items.append((p, byline[0], "title block"))
            _glued_meta(byline[1], meta)
            return byline[0]
        salutation = glued_salutation(text, p, b, furnished=p > a)
        if salutation is not None:
            break
        a = _glued_speech_title(text, p, b, items, meta)
        if a is None:
            return p
    header = header_items(text, p, salutation)
    items.extend(header)
    titles = [(x, y) for x, y, reason in header if reason == "title block"]
    if titles:
        # the last title run, up to its genre word when more follows (…的讲话红石林业局局长孙某)
        match = _GLUED_HEAD_RE.fullmatch(text, *titles[-1]) or _GLUED_HEAD_RE.match(text, *titles[-1])
        _glued_meta(match.groupdict() if match else {"title": text[slice(*titles[-1])]}, meta)
    return salutation


def _glued_speech_title(text, a, b, items, meta):
    """A speech's title glued to the body's first words at ``text[a]``
    (:func:`glued.glued_speech_title`): appends it as a title block and
    returns where the head reads on (a date, the title printed again), or
    None when there is none."""
    end = glued_speech_title(text, a, b)
    if end is None:
        return None
    _glued_meta({"title": text[a:end]}, meta)
    items.append((a, end, "title block"))
    return _skip_blank(text, end, b)


def _glued_title(text, a, b, items, meta):
    """The title block (and dateline, photo caption) glued to the start of
    piece ``text[a:b]``: appends its items and returns where the rest starts."""
    p = a
    match = _DATELINE_RE.match(text, p, b)
    if match:
        meta.setdefault("dateline", match.group().strip())
        items.append((p, match.end(), "dateline"))
        p = _skip_blank(text, match.end(), b)
    for pattern in (_GLUED_HEAD_RE, _GLUED_BYLINE_RE):
        match = pattern.match(text, p, b)
        if not match:
            continue
        groups = match.groupdict()
        end = match.end()
        # a title glued to the salutation, as pages that lost their line
        # breaks print it (在全镇…推进会上的讲话同志们:今天,…), or a speech's
        # title and a blank before the body (…大会讲话 今天召开…: the title only)
        if pattern is _GLUED_HEAD_RE and not (groups["speaker"] or groups["date"]
                                              or _opens_with_salutation(text[end:b])):
            blank_title = _SPEECH_TITLE_THEN_BLANK.match(text, p, b)
            if not blank_title:
                continue
            groups, end = {"title": groups["title"]}, blank_title.end()
        if pattern is _GLUED_BYLINE_RE:
            title = groups["title"]
            if not groups["star"] and not re.search(r"[ \u3000\u00a0]", title.strip()):
                continue
            if re.search(rf"{_OFFICE}$", title.strip()):
                continue
        _glued_meta(groups, meta)
        items.append((p, end, "title block"))
        p = _skip_blank(text, end, b)
        caption = _GLUED_CAPTION_RE.match(text, p, b)
        if caption and _salutation(text[caption.end():b]):
            items.append((p, caption.end(), "photo caption"))
            p = _skip_blank(text, caption.end(), b)
        break
    else:
        match = _LABEL_RE.match(text, p, b)
        if match and (text.startswith("值此", match.end()) or _salutation(text[match.end():b])):
            meta.setdefault("title", match["label"])
            items.append((p, match.end(), "title block"))
            p = match.end()
    return p


# A speech's title and a blank before the body on the first line, as pages
# that lost their line breaks keep them: 党委书记在镇村干部大会讲话 今天召开…
# (glued.SPEECH_NAME: …总书记的重要讲话 推动… is a sentence).
_SPEECH_TITLE_THEN_BLANK = re.compile(SPEECH_NAME + rf"[ \u3000\u00a0]+(?=[{IDEOGRAPH}])")


def _peel_end(text, a, b, items, meta):
    """Strip shapes glued to the end of piece ``text[a:b]``; return the new end."""
    while b > a:
        s = text[a:b]
        found = None
        for pattern, reason in ((_CREDIT_RE, "source credit"), (_DATELINE_PAREN_RE, "dateline"),
                                (_SOURCE_PAREN_RE, "source credit")):
            for match in pattern.finditer(s):
                if not s[match.end():].strip(_BLANK):
                    found = (match, reason)
            if found:
                break
        credit = None if found else _GLUED_CREDIT_RE.search(s)
        if credit:  # a news report's credit after its last sentence: …攻坚战。(陈宝刚 杨扬) |, …工作。 ■段汉玥
            found, start = (credit, "source credit"), a + credit.start("credit")
        elif not found:
            # an editor's note: ※这是…的讲话。 at the end, after a sentence end
            star = s.rfind("※")
            if star >= 0 and _EDITOR_NOTE_RE.fullmatch(s[star:].rstrip(_BLANK)) \
                    and (star == 0 or s[:star].rstrip(_BLANK)[-1:] in SENTENCE_ENDS + "）)”"):
                found = (_EDITOR_NOTE_RE.fullmatch(s[star:].rstrip(_BLANK)), "editor note")
                start = a + star
            else:
                return b
        else:
            start = a + found[0].start()
        match, reason = found
        if not credit:
            _note_meta(match, reason, meta)
        items.append((start, b, reason))
        b = start
        while b > a and text[b - 1] in _BLANK:
            b -= 1
    return b


def _note_meta(match, reason, meta):
    groups = match.groupdict()
    if reason == "source credit" and groups.get("publication"):
        meta.setdefault("publication", groups["publication"].strip())
        meta.setdefault("published", parse_date(groups["published"]))
    elif reason == "dateline" and groups.get("dateline"):
        meta.setdefault("dateline", groups["dateline"].strip())
    elif reason == "editor note":
        note = match.group()
        date = parse_date(note)
        if date:
            meta.setdefault("date", date)
        occasion = re.search(r"在(.{2,60}?)(?:上|时)的(?:讲话|致辞|发言)", note)
        if occasion:
            meta.setdefault("occasion", occasion.group(1))


def _scan_tail(text, pieces, first_body, meta):
    """``(body_end, items)``: where the body ends and the tail items after it."""
    items = []
    n = len(pieces)
    k = n - 1
    # The Wikisource licence: from a 本作品…/这部作品… line to the end.
    for j in range(n - 1, max(first_body - 1, n - 1 - _TAIL_PIECES), -1):
        a, b = pieces[j]
        if _LICENCE_START_RE.match(text, a, b) and _LICENCE_MARK_RE.search(text, a) \
                and len(text) - a <= 5000:
            items.append((a, len(text), "licence footer"))
            k = j - 1
            break
    pending = []
    have_furniture = bool(items)
    while k >= first_body and k >= n - 1 - _TAIL_PIECES:
        a, b = pieces[k]
        s = text[a:b]
        reason = _furniture(s, "tail")
        if reason:
            for pa, pb in pending:
                items.append((pa, pb, reason))
            pending = []
            items.append((a, b, reason))
            _piece_meta(s, reason, meta, text[b:b + 100])
            have_furniture = True
            k -= 1
            continue
        if have_furniture and _short_line(s, 12):
            pending.append((a, b))
            k -= 1
            continue
        break
    # pending pieces were not sandwiched: they stay in the body
    k += len(pending)
    if k < first_body:
        return pieces[first_body][0], items
    a, b = pieces[k]
    return _peel_glued_tail(text, a, b, items, meta), items


_GLUED_CREDIT_RE = re.compile(rf"(?<=[{SENTENCE_ENDS}])[{_BLANK}]*(?P<credit>{_AUTHOR_CREDIT_RE.pattern})[{_BLANK}]*$")


def _peel_glued_tail(text, a, b, items, meta):
    """Strip what is glued to the end of the body's last piece ``text[a:b]``
    (a page footer, a credit, an editor's note), in turn until none is left;
    return the new end."""
    while True:
        footer = glued_footer(text, a, b)
        for x, y, reason in footer:
            items.append((x, y, reason))
            _piece_meta(text[x:y], reason, meta)
        end = _peel_end(text, a, before_blanks(text, footer[0][0]) if footer else b, items, meta)
        if end == b:
            return b
        b = end


# the newspaper or site a portal's information line names after its date, at the line's end
_SOURCE_AFTER_DATE_RE = re.compile(rf"(?:{_DATETIME}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:\s*\d{{1,2}}:\d{{2}})?)"
                                   rf"\s+(?P<paper>[{IDEOGRAPH}]{{2,12}}(?:报|网|台))\s*$")


def _page_info_meta(s, meta, after="", posted=False):
    """The publication and dates of a page-information piece: a date under a key by the key
    (:func:`date_field`: a bare 时间: is a copy's posting time unless the piece names a
    publication); a date without a key is the page's when the piece names its publication
    (2011-01-11 16:43:28 来源:川汇视窗) or holds no field at all (2022.10.28 under a report),
    unless a sharing site printed it beside the file's size or pages, on its line or the next
    (``after``: the text after the piece; :func:`_file_stamp_meta`). ``posted``: the piece
    lies between the page's title and the document's own title block (:func:`between_titles`),
    where a piece naming no publication is a model-essay site's posting stamp: an upload."""
    if _file_stamp_meta(s, meta, after):
        return
    publication = page_publication(s)
    if not publication and _SITE_ADDRESS_RE.match(s):   # a portal's line: its address, the date, the source paper
        paper = _SOURCE_AFTER_DATE_RE.search(s)   # (http://www.sina.com.cn 2003年05月13日10:42 石家庄日报: dev-0144)
        publication = paper and paper["paper"]
    if publication:
        meta.setdefault("publication", publication)
    published = "uploaded" if posted and not publication else "published"
    keyed = False
    for match in _FIELD_VALUE_RE.finditer(s):
        if field := date_field(match["key"], named=bool(publication)):
            keyed = True
            date = parse_date(match["value"])
            if date:  # the copy's upload or update (更新时间) is no publication
                meta.setdefault(published if field == "published" else field, date)
    # a line of fields, or one that opens with the site's address (http://www.ljxww.com  2013-05-08 16:31:58 来源:…)
    if not keyed and (_FIELDS_RE.fullmatch(s) or _SITE_ADDRESS_RE.match(s)) \
            and (publication or not _FIELD_VALUE_RE.search(s)):
        date = parse_date(s)
        if date:
            meta.setdefault(published, date)


_TITLE_PIECES = frozenset(("page title", "title block"))


def between_titles(text, items, i):
    """Whether head item ``items[i]`` (``(start, end, reason)``) lies between a title and the
    same title again (在…的讲话⏎发布时间:2025-10-16 浏览次数:7⏎…的讲话, dev-0036;
    在全县征兵工作会议上的讲话⏎2020-07-13⏎在全县征兵工作会议上的讲话, dev-0233): a model-essay
    or sharing site's page header over the document's own title block, as its stamp glued
    between them is (公文搜 2022-08-29 12:36:23, dev-0025; 2023-09-23 383, dev-0089)."""
    before, after = i - 1, i + 1
    while before >= 0 and items[before][2] == "page info":  # 发布时间:…⏎浏览次数:7 are two pieces
        before -= 1
    while after < len(items) and items[after][2] == "page info":
        after += 1
    if before < 0 or after == len(items) or items[before][2] not in _TITLE_PIECES \
            or items[after][2] != "title block":
        return False
    first, again = ("".join(text[a:b].split()) for a, b, _ in (items[before], items[after]))
    return min(len(first), len(again)) >= 6 and (first in again or again in first)


# The title a model-essay site's notice names (下面是小编为大家整理的在工业强县暨投资促进大会上讲话(范文推荐),供大家
#参考。dev-0164; 下面就是学习啦小编给大家整理的镇长安全生产讲话稿,仅供参考。dev-0112), without the site's label
# after it (【优秀范文】, (全文完整))
_NOTICE_TITLE_RE = re.compile(r"下面就?是.{0,8}小编.{0,4}?整理的(?P<title>[^，,。]{4,80}?)"
                              r"(?:[【(（][^】)）]{1,10}[】)）])?[，,]\s*(?:仅|以)?供")


def _file_stamp_meta(s, meta, after=""):
    """Whether piece ``s`` holds a document-sharing site's upload date (:func:`file_stamps`:
    the file's size or pages on its line or the next, maybe the first line of ``after``),
    kept as ``uploaded``."""
    stamps = [stamp for stamp in file_stamps(s + after) if stamp[0] < len(s)]
    if stamps:
        meta.setdefault("uploaded", stamps[0][2])
    return bool(stamps)


def _piece_meta(s, reason, meta, after="", posted=False):
    """Metadata of furniture piece ``s`` removed for ``reason``; ``after``: the text after it;
    ``posted``: a page-information piece between two titles (:func:`between_titles`)."""
    if reason == "page info":
        _page_info_meta(s, meta, after, posted)
    elif reason in ("template notice", "file info"):
        _file_stamp_meta(s, meta, after)  # VIP专免⏎2024-05-13 999+ 21.09KB 29 页 海报
        named = _NOTICE_TITLE_RE.search(without_glosses(s))
        if named:  # the page's title as a last resort (:func:`clean._final_meta`), as a page title's
            meta.setdefault("_page_title", named["title"])
    elif reason == "dateline":
        match = _DATELINE_RE.search(s)
        if match:
            meta.setdefault("dateline", match.group())
    elif reason in ("source credit", "editor note"):
        for pattern in (_CREDIT_RE, _EDITOR_NOTE_RE):
            match = pattern.search(s)
            if match:
                _note_meta(match, reason, meta)
                break
    elif reason == "page title":
        match = _PAGE_TITLE_RE.fullmatch(without_glosses(s))
        if match:
            meta.setdefault("_page_title", match["title"])
