"""Numbered lists of Chinese policy text as an outline, with count claims.

Policy text is organised by ordinal markers. :func:`find_lists` finds them,
groups them into lists, nests the lists into a tree and links each list to
the sentence that announces how many items it has (我讲三点意见).

Marker families
---------------
``family`` is the literal style of a list's first marker:

==========  ==============================================================
family      markers (the half-width and circled variants it also covers)
==========  ==============================================================
一、        一、 二、 … (paragraph-initial also 一， 一． 一.)
（一）      （一） (一) ㈠
1.          1. 1． ⒈
1、         1、
（1）       （1） (1) ⑴
①           ① ② … ⑳
一是        一是 二是 …
一要        一要 二要 …
第一        第一， 第二、 …, 第一个问题： 第二个问题： … (a run of one noun) and
            第一项： 第一阶段， (also 第N步 第N条 第N天; a run of one unit)
首先        首先 其次 再次 最后, continued by 第三 第四 …
其一        其一， 其二， 其三， … (a word-like marker followed by ， ： or 、)
一          bare numerals opening sentences, a run of at least three numbered
            from one in one line, items opening unlike (要求:一思想态度要端正。
            二对照检查认识要深刻。三…: a page that lost the 、 or 是)
——          paragraphs that open with —— (also ──, －－, --)
            and runs of at least three after a sentence end inside one
            paragraph (…。——坚持…；——坚持…；——坚持…)
==========  ==============================================================

How markers are recognised
--------------------------
A marker is *paragraph-initial* when only blanks precede it in its paragraph,
*inline* otherwise. Word-like markers (一是, 一要, 第一, 首先, 其一, 一、 inline,
and Arabic ones) must not follow a Chinese character, so 统一是, 之一是, 第一要务,
世界第一， 及其一小撮, 择其一 and 附件1. are not markers (nor 其一生, 其一贯:
其一 needs a comma, colon or 、 after it); the exceptions are a photo credit
(``新华社记者 X/摄第一，``, ``（记者 X 摄）第一，``, ``…/摄——面对…``:
``lang/captions.py``), which web copies of speeches glue to the next
sentence, and the line after a heading or title on a page whose line breaks
were lost: a marker glued to a heading line (at most 40 characters after an
outline heading marker, no sentence end, colon or line break between) that
goes on with the heading's numbering (二、请…讲话三、请…) or opens a list under
it (一、履职情况和工作亮点1.落实…), and a list numbered one glued to the text's
title (…工作会议上的讲话一是…). An inline 一、 followed by 是 or 要 is a marker
only after a sentence end or colon (同志们:一、要认清形势…). 第一次, 第一批, 一是一, 一、二季度, 第一、二季度 and 第一、第二、第三产业 are not markers; ``1.`` is
never followed by a digit, so decimals (6.5%, PM2.5) and dates are not
markers, nor are circled or bracketed numerals that mark notes: a run of
them (（⑵⑶）, garbled footnote marks), one after ＠ (a placeholder for a
missing character) and one set inline above a notes heading (注：,
``lang/data/note_headings.txt``) whose notes it numbers, nor a marker on a line of a table of contents (一、总体要求 ……… 3:
a dot leader and a page number end the line), which repeats the body's headings, nor a
bracketed numeral that cites a clause (其中第（一）至（四）项为必选任务, 按第十条第（四）（六）（十）项规定:
after 第 or 至, or right after such a one). A list needs two items: a lone 首先 or 一是 is not a list, and 最后
only ends a 首先 … 其次 … list (not 第一 … 第三 …, where it is the closing
remark); 最后 needs a comma or colon after it (最后一公里, 最后阶段) unless it
opens a sentence (…其次希望…。最后在春节来临之际,…), and no numeral follows it
nor a word that makes it "the last" (最后的胜利, 最后阶段: ``lang/data/last_as_modifier.txt``).
The one exception is an outline heading numbered one that holds a
list of its own (一、… ¶（一）… ¶（二）…, in a text cut before 二、): it is a
list of one item, the parent of the lists under it. On a page whose line
breaks were lost, such a heading is an inline 一、 right after a sentence end
or colon, after the text's title or after a notice of hidden text
((开头部分已省略221字)一、…), over an inline list later in its paragraph
(…三点意见。一、统一思想…（一）…（二）…); its section is the rest of the paragraph.
An outline heading glued to the end of the paragraph above (…系统的兼容性。（二）装备与系统标准⏎)
opens a paragraph of its own, and so does one on a page that kept only the indents ending its
paragraphs (…提出意见。一、过去五年工作回顾　　…, or one sentence: …建议。（一）加快转变经济发展方式，
促进经济持续健康发展。　　…): ``blocks._unglued_headings``. So does an item heading of any of
these families or 1. 1、 glued after a sentence end on its line when the one numbered one less
opens a line after a line break and both open a headline of one kind: a title line (…管理协同化。3.数字化
平台标准（CICC）⏎), a short headline sentence and its text (…等标准。 （二）关键技术应用标准。包括…) or a
line of one sentence (（二）深化推广应用，开拓转型升级新路径。⏎) (``blocks._glued_headline``).
A 一、 glued to the last word of the paragraph above is a heading when it goes on with the
numbering of the 一、 before it (…数字机关品牌五、加速数字社会建设…; not a range: 五、六倍), the
last such 一、 before the text's first 一、 marker is its heading numbered one when that marker
is a 二、 after a sentence end (…提出意见一、2011年工作回顾　　…。二、2012年工作总体部署), and
a marker glued to a heading line may go on with its family's numbering across sections
(二、产品设计3.产品数字化研发设计…, as an inline run after its section's heading may:
…（二）聚力突破核心关键技术。4.持续加大研发投入…).

Grouping and nesting
--------------------
*Inline lists* are runs of markers of one family inside one paragraph (the
first may open the paragraph): 一是…二是…三是. *Block lists* are runs of
paragraph-initial markers across paragraphs; paragraphs between two items
belong to the first (a heading's section), and a —— run must be consecutive
paragraphs (a photo caption line between them does not count). Inside one paragraph a —— item (after a sentence end, a
semicolon or a colon) goes on with the one before it when the two open
alike (the same two characters, or first clauses of one length), stand
after an indentation alike, both open with a headline sentence of one or
two short clauses (——经济总体回升向好。…, the work reports' long items run together on a
page without line breaks) or the first is short (at most three
sentences), and no outline heading (一、 （一） 1. …) stands between them;
one announced by a colon starts a run. A speech without
line breaks so holds several runs in one paragraph. A run that ends its
paragraph goes on in the —— paragraphs right after it
(…取得显著成就。——经济平稳较快发展。… ¶ ——改革开放…). A list may start inline and go on at the start of the next
paragraphs (``…困难和挑战。一是…`` ¶ ``二是…``), or go on inline after a
paragraph-initial item (¶ ``三是…。四是…`` ¶ ``五是…``). A continuation
without a gap is preferred to one with a gap. Block lists nest by a stack in
the usual hierarchy 一、 > （一） > 1./1、 > （1） > ① > 第一/首先/其一 >
一是/一要/——, but for an outline numbered one under an item of a 第一 (首先, 其一)
list whose next number follows it (第一、… ¶ 一、…五、 ¶ 第二、…, older work reports: it stays
under that item), and a chapter heading (第一章, 第二部分) closes every list, as
does a preview's notice of hidden text (此处隐藏6492个字, 省略264字);
an inline list belongs to the innermost item that contains it (一是 lists
under the paragraph item they are written in), and no item contains what
follows such a chapter heading or notice.

Numbering that runs on across the sections of a list (三、…（一）…1. 2. 3.（二）…4. 5. 6.…, or
（一）–（十九） straight across 一、…六、) is one list, as a reader counts it: a list whose first number
goes on from the last of the latest list of its numbering under an earlier item of the same parent
list is appended to that list, whose parent becomes the section holding all those items (三、, or
the top level); the headings stay their own list (``across``). Numbering that restarts at 1. in
each section stays one list per section.

A section whose first sub-heading was printed without its marker (三、重点任务 ¶ 实施重点企业链式培育工程。… ¶
（二）实施场景赋能千企千景工程。…) has that paragraph as item one of the list numbered from two, marker
``""``: the block right after a heading line, opening with a headline sentence (at most 20 characters) or
being a heading line as every item of the list does, before the list's first item (``unmarked``).

Items and their spans
---------------------
Every item starts at its marker. A paragraph-initial item ends with its
paragraph (for a heading, the heading line); fragments that web copies cut
off a paragraph (``PM`` / ``2.5`` / ``）浓度…``) are glued back first. An
inline item ends where the next item starts; the last one runs for about as
many sentences as its siblings (a line of prose that a page break inside its
block cut, …男女比例严重失调、人口 ¶ 1 ¶ 老龄化凸现,…, is no sentence of its own; a sentence giving
an example of the one before it or narrowing it, …目标设定上。如，《规划》把…, …。特别是…, is taken
too: ``lang/data/item_elaborations.txt``), never past its paragraph and never into a
sentence that announces something new (以下几个方面, a closing colon, a colon after a clause
of the sentence: …存在的问题，主要是：有的…；,
a colon before another list: …必须抓好三项工作：一要…) or opens with a form of address that starts the next part of a speech
(同志们！, 女士们、先生们、朋友们！: ``lang/data/salutations.txt``) or, for a
list that numbers no outline headings, a closing remark after a sentence end
(…。以上我重点讲了几个问题，…, …。最后，我要强调的是，…:
``lang/data/closing_remark_openers.txt``; not 以上率下 or 以上海…, nor 最后 without a
comma, colon or 我 after it, nor one after a semicolon: …；最后,镇长作总结讲话。).
When its siblings end with an exclamation (all of them, or all but one of
three or more: a photo credit may hide one), the items are a parallel
series of cheers and the last one ends with its first exclamation too
(——…伟大胜利。…永远铭记在中国人民心中！ ¶ 中国人民在抗日战争的壮阔进程中…).
Nor does it run past the next 一、 or （一） heading of a list that began
before it, which closes the section it is in (a page whose line breaks were
lost: …——产业公共服务能力显著增强。二、强化信息技术支撑…); a list of headings
that begins inside it is its own (三是…。（一）…（二）…).
A last item that so stops at a semicolon runs on to its sentence's end
(…增加到1562亿元；地方财政也都要增加投入。), unless the items are clauses
parted by commas (首先是国内资源，其次是国际资源；开拓…), a colon announces
more (主要是：…；…) or another list's item comes first. An item is never cut
to its marker alone: a last inline item that announces a list in its own
sentences (三是…，必须抓好三项工作：一要…二要…三要…) runs on to that list's end.

Gaps and restarts
-----------------
``gaps`` lists each break in the numbering as
``{"after": i, "expected": n, "found": m}``: after item ``i`` (None: before
the first item) number ``n`` was expected and ``m`` found (missing numbers
when ``m > n``, a repeated number when ``m < n``). ``restart`` is True when
an earlier list of the same family already ran in the same container (the
same parent item, or the top level): the numbering started over.

Count claims
------------
A count phrase (numeral or 几, a measure word such as 点 个方面 项 件 条 大,
and a short head: 三点意见, 以下八个方面的特点, 四件大事) in the sentence
right before the first item is the list's claim; a sentence up to three
back counts only when it points forward (以下, 如下, 这样, 几个方面); and
``以上十四条`` right after the list counts for it. A forward clause after the
count with a head of its own announces something else (…两步进行，具体工作流程如下：),
a bare one does not (今天会议共有五项议程,下面进行:). A count far from the end
of its clause or after 等 is weak evidence and is kept only when the list
agrees with it (see ``_count_in``); of two counts in a row (3方面11项重点任务) the
first is the claim, the second counts its parts. A quoted formulation ending the sentence
right before the list (提出了“五个强化”。¶一是强化…¶二是强化…) is its claim when
every item opens with the formulation's head, whatever the count. ``claim`` is
``{"start", "end", "text", "number"}`` where ``text`` is the clause of the
count phrase, from 我/我们 when the clause has them, and ``number`` is None
for 几. ``count_matches`` compares ``number`` with the items found (None
when there is no claim or no number).

Modules, each importing only those before it: ``markers`` (families, ranks,
candidates), ``blocks`` (paragraph blocks, page numbers, glued headings),
``building`` (lists under construction), ``scopes`` (item spans, parents),
``unmarked`` (a section's first sub-heading without its marker), ``across`` (numbering run on
across sections), ``claims`` (count claims), ``find`` (:func:`find_lists`).
"""

import warnings

from policy_nlp.schema import FAMILIES     # declared once, with the record types
from policy_nlp.stages.enumerations.find import find_lists

__all__ = ["find_lists", "FAMILIES"]


def __getattr__(name):  # chinese_number, the old name of lang.numerals.number, with a DeprecationWarning
    if name != "chinese_number":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(f"{__name__}.chinese_number is now policy_nlp.lang.numerals.number; the old name will go",
                  DeprecationWarning, stacklevel=2)
    from policy_nlp.lang.numerals import number
    return number
