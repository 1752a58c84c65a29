"""Cleaning stage: find the body of web-scraped policy text and its metadata.

:func:`clean_text` removes page furniture (forum navigation, counters, user
profiles, share and reply widgets, 下载/打印/全屏/【字号】 page tools, 来源/时间
lines, photo captions, news datelines and newspaper credits, the Wikisource
licence footer, template-site notices, 上一篇/下一篇 links and copyright/ICP lines) and the title block before the body, and reads the
metadata of the speech or report: title, speaker, position, date (ISO),
occasion, venue, salutation.

Nothing is silently lost: every character of the input is either in
``CleanedText.text`` or in exactly one ``CleanedText.removed`` record, whose
``start``/``end`` are offsets into the input, and
:meth:`CleanedText.restore` gives the input back.

Decisions
---------
* The body keeps the salutation (同志们：, 各位代表：, 尊敬的…：) and everything
  after it. The title block before the body (title, subtitle ——…在…会议上,
  date line, position and speaker) is removed with reason ``"title block"``
  and parsed into ``meta``.
* Furniture is recognised by the shape of a whole line (a paragraph of the
  text: lines, and runs of two or more U+3000 as in the web copies of
  speeches), and by a few shapes glued to the start or end of the text
  (``新华社北京1月19日电``, ``（新华社北京3月26日电）《 人民日报 》（…02 版）``,
  ``在…上的讲话（2018年2月12日）习近平``). A page that lost its line breaks
  glues its header to the title and the salutation (学习啦>实用范文>区长在…的讲话
  时间:2018-06-10 同志们:…): breadcrumbs, page-info fields, page tools and
  template words are peeled from the start of the first line while their end
  is certain, and a salutation within 400 characters, with no clause end
  before it and furniture or a title's end right before it, starts the body.
* The script is decided twice when needed: a Traditional body inside a
  Simplified site template is converted, though the template's characters
  outvote it on the whole page.
* Most rules apply only to the *head* (before the body) and the *tail*
  (after it). Inside the body only shapes that are never policy text are
  removed: photo captions (图为…, …记者 XX 摄), whole lines of page-tool words
  and forum post headers (发表于 2019-01-29 15:57). A false removal of policy
  text is worse than a leftover widget, so unknown lines stay, except short
  ones sandwiched between two pieces of furniture in the head or tail.
* A text with no furniture comes back unchanged, with ``removed == []``.
* Datelines (新华社北京1月19日电) are removed (reason ``"dateline"``) and kept
  in ``meta["dateline"]``; newspaper credits in ``meta["publication"]`` and
  ``meta["published"]``. ``meta`` never has a ``"source"`` key (the readers'
  meta uses it for the input's path).
* A hard-wrapped page (a PDF copied line by line: a title or a site notice cut
  by the wrap, 下面是小编为大家整理的在全县…会议上讲⏎话【优秀范文】,供大家参考。) is read with
  its wraps joined: the head, tail and furniture are decided on the joined lines
  and removed from the page (``wraps``); the body keeps its line breaks. The
  PDF's page numbers on lines of their own (……研发设计⏎1⏎工具普及率) are removed
  with the line break before them (reason ``"page number"``).
* Line-break artefacts inside the body (Wikisource's ``《\\n告台湾同胞书\\n》``)
  are not touched, except the page numbers that document-sharing sites put
  at each page break of a copied document (……围绕“农民增收⏎⏎2、、企业增税”):
  a ``⏎⏎N、`` run numbered 1, 2, 3 … in order, one of them in the middle
  of a sentence, is removed with its line break (reason ``"page number"``),
  so that the sentence is whole again. The first page's ``1、`` on the line
  right after the site's header (……请在装配图网上搜索。⏎1、县长在…的主持讲话),
  or opening a text cut below it, is removed too when no line opens with
  ``2、`` within a page's length; so are the later pages' ``⏎2、``, ``⏎3、`` …
  after it, in order a page's length apart, one line break before them or
  two (……市委、市政府表⏎2、彰先进的决定), with the break when they cut a sentence.

Examples
--------
>>> page = ("下载 打印 全屏 收藏 【字号 大 中 小】\\n来源：某某日报  时间：2026-01-28\\n"
...         "政府工作报告\\n——二〇二六年一月二十七日在某某省第十四届人民代表大会第五次会议上\\n"
...         "某某省省长　王某某\\n各位代表：\\n现在，我代表省人民政府作报告。")
>>> cleaned = clean_text(page)
>>> cleaned.text
'各位代表：\\n现在，我代表省人民政府作报告。'
>>> cleaned.meta["date"], cleaned.meta["speaker"], cleaned.meta["position"]
('2026-01-27', '王某某', '某某省省长')
>>> cleaned.meta["occasion"]
'某某省第十四届人民代表大会第五次会议'
>>> [r["reason"] for r in cleaned.removed]
['page tools', 'page info', 'title block']
>>> cleaned.restore() == page
True

Modules, each importing only those before it: ``pieces`` (lines and paragraphs),
``dates``, ``furniture`` (shapes of page furniture, glosses, page numbers), ``title``
(the title block and salutation), ``wraps`` (the hard wraps of a PDF copied line by line,
read through), ``result`` (:class:`CleanedText`), ``glued`` (furniture
shapes inside a line, a salutation glued to the header), ``headtail``
(where the body starts and ends), ``clean`` (:func:`clean_text`).
"""

from policy_nlp.stages.cleaning.dates import date_field, file_stamps, _old_name, parse_date, title_date, year_in_text
from policy_nlp.stages.cleaning.furniture import page_publication, without_glosses
from policy_nlp.stages.cleaning.result import CleanedText
from policy_nlp.stages.cleaning.clean import clean_text

__all__ = ["CleanedText", "clean_text", "date_field", "file_stamps", "page_publication", "parse_date",
           "title_date", "without_glosses", "year_in_text"]


def __getattr__(name):  # parse_year, the old name of year_in_text, with a DeprecationWarning
    return _old_name(__name__, name)
