"""Numbered formulations (数字式提法) and quoted policy terms.

Chinese policy text names its programmes by counting them: 四个全面, 三大攻坚战,
两学一做, “双联”, “十四五”. :func:`find_slogans` finds them with a small
grammar, finds quoted policy terms (“效能风暴”, “一键申报”), tags later
unquoted mentions of what a document introduced in quotes, tags the terms of
a :class:`~policy_nlp.stages.lexicon.Lexicon`, and links each formulation to the
members the text spells out.

The grammar
-----------
Numerals are ``一``…``十`` with ``百 千 万`` and ``〇 零``, ``两`` and ``双``
(both 2); a run of them must parse as a number (``十四``, ``二十``; ``四两`` and
``九二`` do not), except a repeated digit (``八八`` = 8, as in 八八战略) and an
ascending run of digits (``一二三`` = 3, as in 一二三产业), which claim the
count of what they enumerate.

``counted``  ``NUM MEASURE HEAD``: a numeral, a measure word (``大项 个 项 大
条 种 类 场 座 步 点 件 篇 字 套``: 十件实事, 四篇文章, 二十四字方针, 四套班子), and a
head. Where the head ends is decided by cues: it stops
at punctuation, quotes, brackets, another numeral and the function words
``的 和 与 及 等 是``; within what is left the longest prefix ending in a
*policy head* word (工程, 战略, 行动, 纪律, 制度, 改革, 意识, 自信, 攻坚战,
规定, 重点工作, 原则, 机制 … and verbal heads such as 坚持, 确保, 维护, 不摘,
which cannot follow a numeral of a plain quantity) is the head, and it must
end on a word boundary of the segmenter's tokens when they are given. With
the measure ``大``/``大项`` (十大工程, 六大项目标责任书) any short noun phrase is
a head, cut at a token boundary. The number is the numeral (十大项重点工作 =
10).

``composite``  two or more units ``NUM X`` where ``X`` is one to three
non-numeral characters (两品一游, 三会一课, 一委一会一中心, 七地一屏一通道,
两不愁三保障), parts may be joined by 、 (双随机、一公开; 一核三带、多点支撑, where
``多`` is an uncounted unit). The claimed number is the sum of the units (两品一游
= 3, 三会一课 = 4, 七地一屏一通道 = 9), with two fixed constructions: ``N X N促``
counts N pairs (三抓三促 = 3, 抓X促Y three times), and a trailing ``一体`` or
``合一`` fuses the parts instead of adding one (五位一体 = 5, 三证合一 = 3).
Units of ``百 千 万`` or ``多`` make the number null (千万工程, 百县万村), but
``双`` before one counts the pair: “双百”方针 (百花齐放、百家争鸣) = 2, 双百双千 = 4.
Unquoted, a composite of 双-units only (双招双引, 双创双服 = 4) is taken as an item of a
list or at the end of a clause without a head after it; a noun after it makes
it a thing (双轮双铧犁). Other unquoted composites need a policy head after them
(一委一会一中心工作机制), except a count fused into one (三证合一, 三位一体, 三军一体), which
closes itself (not 长三角一体化, nor the anaphor 二者合一).

``single``  one unit ``NUM X…`` without a measure word (“双联” = 2, “三农” = 3,
四风, 八八战略 = 8; a last unit may close with a word ending in 一: “五统一” = 5);
a quoted count marked new or old counts as the count (“新三样” = 3), unless
the count is a word of its own (“新八股”, “新四化”); the numeral 一 alone
(“一键申报”, “一网通办”) is an adverb of manner, not a count, and gives a
quoted term instead. A lone 多, 百, 千 or 万 without a measure word opens a word, not
a count (“千兆城市”, “万宝山”, “多支柱法”, “百废俱兴”): the quoted-term rules read it.

``plan``  a bare numeral ending in 五 whose prefix is 1…15: a five-year plan
ordinal (“十四五”, “十五五”, “九五”), number null.

``code``  inside quotes, digits and letters joined by ``+``: “1+N+X” is an
opaque code, number null; when every part is a digit string the number is
their sum, as the text reckons it (“7+3” = 10, “14+1” = 15); a formulation
with a part added by ``+`` and counted by a letter has no number either
(“一个平台+N个智能应用”, “1＋2＋ N”). A quoted string
of three to six digits before a policy head (“8810”工程, “1255”发展思路) is a
programme code, number null (not a year: “2020”); so is one before the name of
a programme, 的 and a few characters that hold such a head (“2522”的整体框架,
“5150”引才倍增计划). Inside quotes, a composite
written with single Arabic digits for its numerals is read as the Chinese one
(“4 市 1 区” = 四市一区 = 5); a single unit (“3年”, “2号楼”) is not.

``confirmed``  ``NUM [MEASURE] X`` with a short head that is no policy head
word, taken unquoted only because the list right before it has exactly NUM
members: 国庆、中秋两节 (two-character members, no measure), 党建、发展、民生、
稳定、作风五个关键 (at least three short members with 个/项…), “红橙黄蓝”四色预警
(a quoted run of NUM single-character abbreviations; a head that is a measure
word of objects goes on to its noun: 大庆、大寨两面红旗), “组织领导、…、人员力量”六落实
(a quoted list of NUM items), a 即-list of exactly NUM members right after 双
or a quoted count with a measure word (双重组织生活会,即A和B; “六个导向”即…; not
an unquoted count, most often plain: 全县共有五个乡镇,即…; nor a head that makes a
quantity: 两个方面,即…), 双 + a short head after a pair as long as each
other (发展速度和发展质量的双提高; not 双重, dual), and 两化(标准化、数字化) (a bracketed expansion of
NUM items right after; one item, as in 七年(公元1512年), confirms nothing). Named instances of a
plain count (全国、全省两个现场会) and one-character places (东、西两侧) fail
these tests. A count of a set head (``set_heads.txt``: 两个不足, 三要素, 两个闸门;
after 方面, kinds of it: 六个方面突出问题) is taken, with any measure but 类, when
exactly NUM members are spelled out right before it (also before 这) or right
after it (brackets, 即/：/分别是-lists, 一是…, or a bare 、-list as the next
sentence: 三要素。人才、企业、外部环境。); counts of parts (三个方面, 三个变化) stay plain. A
predicate of the parts right after a set head ends the head (``set_head_predicates.txt``:
三要素缺一不可, 相辅相成), with or without tokens.
Two counts of short abstract heads joined by 、 confirm each other (征兵工作的五个阶段、七个重点;
两个阶级、两条道路), each taken unless its head is weak (阶段, 方面); articles (一个国家、一个民族),
counts of things and partitions (分为五个阶段、七个步骤) do not.

``joint``  ``NUM X VERB``: one character naming the parts and a verb of parts
moving together (``joint_action_verbs.txt``: 齐飞, 驱动, 同步, 融合) name a strategy,
counted by the numeral (两翼齐飞 = 2, 双轮驱动 = 2, 四化同步 = 4, 三网融合 = 3); not people,
places, sides or rounds (三者同步, 两省同步, 两岸融合: ``joint_action_sides.txt``; 分两轮取消).

``doctrine``  ``关于 NUM 个 HEAD …的 DOCTRINE``: a count a theory or thesis is
about (毛主席关于三个世界的理论, 关于三个世界划分的理论: 三个世界 = 3).

Never formulations: announcements of the speaker's own points (三句话, 两点希望,
三条建议, and any count right after a verb of speaking: 我讲三个问题, 提出两点要求;
the enumerations stage reads them as list claims), zero targets (“零上访” is
a quoted term with no count), ordinals (二号工程; “一号工程” is a quoted term), and
people counted by a title (``person_count_heads.txt``: “八百壮士”, 一门三进士).
Inside quotes a measure with a one-character head is a name (“三个多”, “三个年”)
unless the head is a unit of time or measure (“三个月”).

Unquoted, only ``counted`` formulations (with a numeral of at least 2: 一个,
一项 are indefinite articles), composites followed by a policy head (一委一会
一中心运行模式, 三会一课制度) and repeated-digit singles (八八战略) are taken;
everything else is taken only inside quotes, from the lexicon, or as a mention
of a term the document quoted. A count the grammar took where its evidence stands
is also taken at its other uses in the text (source ``mention``: 两化（标准化、数字化）
体系 … 开展两化体系建设), on token boundaries and not after 这, 上述, 第 …. Never slogans: Arabic quantities outside
quotes (see *Arabic digits*), ordinals (第十二次, 十九大, 十八届), dates (5月24日, “七一”), streaks
(十连丰), durations and other numeral + unit expressions (两年, 三个月, 54个月,
三年行动), approximate counts (一千五百多项), and demonstrative or anaphoric
counts (这两个目标, 以上十四条).

Arabic digits
-------------
Web copies write a formulation's numeral as a digit (3个代表, 10大工程, 2个确保,
3农). A count of 1–20 in digits before a measure word or before what follows a
lexicon term's numeral is read as the Chinese numeral (3个代表 = 三个代表, 2 = 两),
so the lexicon, the quotations and the grammar find it with the same number and
members, and the span keeps the digits. In real text a digit count is nearly
always a quantity (3个重点项目, 5个乡镇), so a formulation of the grammar so
written is kept only on evidence besides the numeral: the document quotes it;
it is NUM 大 + a policy head (3大攻坚战, 10大工程); or a list of exactly NUM
members defines it (即/：-lists, 一是… or ——-items after it, a quoted or bracketed
list before it). A bracket after a digit count (其它3个领域（BA、BB、BC）), an
unquoted list before it (…16项国家标准以及2项行业标准) and the grammar's reading of
its Chinese form elsewhere are no such evidence.

Quoted policy terms
-------------------
A quoted string (“…”, 「…」, ‘…’; also quote marks a web copy mangled:
'一个引领、三区带动“ with an apostrophe opening and an opening quote closing,
“保二争一〞 with the double prime closing, “六五’ with a single quote closing,
”六个关系” with a closing quote opening) is a policy term when it is short, has no
sentence punctuation, is not introduced by a verb of saying (说, 讲, 指出 …),
is not a member list that a formulation names, and has a cue that it names
something: a head word right after it (“效能风暴”行动, “星级社区”创建), after
a word or two (现代农业“大园区”生产模式) or after 等 (“我和百姓聊聊法”等专项活动,
“田头窖”等方面), a policy verb before it (实施, 推进, 开展 …), a second
occurrence in the document, a run of three one-character quotations (“查”、
“控”、“治”), a type name (“实体型”居委会), a name of a programme or honour
(“一号改革工程”, “全国先进基层党组织”, 被评为“全国民主法治示范村”; up to thirty
characters: 成功申报“江苏省先进制造业和现代服务业深度融合试点单位”), or a
frame that makes it the content of a named goal or principle (“安全生产重于
泰山”的使命, “保 5 争 3”的目标, 以“…”为主题, 为我县“…”做出积极贡献) or the
campaign of a mobilisation meeting (“…”秋防动员大会, “…”誓师大会); with such a
frame a longer string and a two-clause slogan are terms (“建设大城北，实现新跨越”
这一发展主题). A quotation of four or five characters is also a term by the
shape of a coined name: a count or rank opening it (“三级包保”, “一票否决”,
“第一责任人”; not a span of time: “十年磨一剑”), a place made to thrive (“以工兴县”),
the period of a campaign (“安全生产月”; not “收官之年”, “无灾不成年”), a team or
post set up (“安全特勤队”), a masked place's own (“XX担当”); or when it is bound in a noun phrase without 的: a word
right after it (“揭榜竞优”承诺书, 农村“打工经济”现象) or right before it that is no
function word, copula or one-character verb (人工智能“监管沙盒”; not 要“斤斤计较”,
有“铁军作风”), or a quoted name it qualifies (“党建领航”的“全国先进基层党组织”),
or the object of a policy verb, after 的 (整治群众身边的“蚁贪蝇腐”).
A word of pkuseg's dictionary (idioms and set phrases: 斤斤计较, 柳暗花明, and also
社会主义) is a term only when the words around name it: a head after, a policy
verb, the body that issues it or the policy it is before it, a frame
(继续实施“希望工程”, 国务院“约法三章”, 一贯政策是“爱国一家”). Not terms: what is
opposed (坚决反对任何形式的“台独”), not done (不摆“花架子”), compared (可谓是
“雪中送炭”) or schemed or slandered by an adversary in the clause (图谋通过
“入联公投”, 污蔑党中央“…”), the spirit in which to work (以“时时放心不下”的
责任感) or the image to show (彰显“小巷总理”的良好形象), and, unless a head follows, a thing counted as one (一块“金字招牌”,
这是一场“攻坚战”), people counted (500多位“村长”; not things: 打造20个“5G+
工业互联网”应用示范场景) and what a thing is called (是党的政策落地的
“最后一公里”, 今年是…的“收官之年”).
A quoted list of phrases of three or more characters is a slogan (“不改变、
不撤退、不脱贫、不脱钩”); a list of one- or two-character words only names an
attitude (“等、靠、拖”现象), not objects (保障“住、医、教”).

Members
-------
A formulation is linked to the members spelled out (1) in brackets right
after it: 五项改革（…、…）; (2) in a quoted list right before it:
“A、B、C”的“五心工程”, “巩固、增强、提升、畅通”八个字; (3) in the list before ``等``:
A、B…等十项制度; (4) in a list that follows: ``，即`` / ``：`` A、B、C, or
一是…二是…; and (5) in an unquoted list right before it whose item count
equals the claimed number: 精品、珍品和旅游观光“两品一游”, 中央和地方两个积极性
(a leading item of digits, a page number such as ``2、``, is dropped; the first
member is cut after its last leading verb: …的方针强化畜牧 -> 畜牧); (6) a quoted
run of single characters right before (“红橙黄蓝”四色预警); and (7) quoted names
followed by the formulation's head later in the paragraph (三大工程 … “连心”工程
…“强基”工程…“模范”工程). After 即 the separator (；、，) that splits the list
into the claimed number of items wins, and 即A和B gives two members; a
一是… list stops where its numbering restarts (“两增”：一是…二是…。“三突破”：
一是…). Local speech adds: (8) a 一是… list opening the next sentence or
paragraph after a formulation that ends its sentence, when it has exactly
the claimed number of items (提出了“五个强化”。¶一是强化…); (9) ——-items opening
the paragraphs after it, as many as claimed (五个坚持：¶——坚持…); (10) a
bracketed list right before it ((烟果、商贸、民生)三大经济); (11) N items
ending with its head elsewhere in the paragraph, as long as each other
(物质文明、政治文明、精神文明 … 三个文明). Members found by a definition (brackets,
即/：/一是 lists, dash items, quoted lists and names) with the claimed count
hold for every mention of the formulation in the text. A list right before
a formulation is no member list when its first item is still a clause
(了, a quotation inside it, three times longer than the others: …完成了××个
村、社区“两委”), an item opens with a list marker (二是…), or its parts are verb
+ result compounds (打赢打好“两防”); 我代表 is trimmed like a leading verb.
A pair right before a count of two may be split by a comma when both clauses
are as long as each other (three to six characters) once leading verbs are cut
(围绕农业发展,农民增收两大目标; not 去年,全县两项工作); 这 may stand between a list
and a count taken on other grounds (…这四项基本原则), but confirms only a count of
a set head (…这六个方面突出问题; 北京、上海、广州这三个城市 is a reference back) or a
count with 大 (推进现代化建设、完成祖国统一、维护世界和平与促进共同发展这三大历史任务).
A long first member loses its leading verb even when the rest is up to three
times as long as the others, unless 了 remains in it (可以有效解决我市经济主体资本
原始积累和政府财力两个不足 -> 经济主体资本原始积累). A pair whose first item carries a qualifier both share starts where
the second item's opening recurs (经济社会发展速度和发展质量 -> 发展速度). A
masked place name opening a member (XX市委, ××县, 某某乡) is left out of it,
and so is a place or level word (特区, 我市, 全县 …) opening only the first
member (我代表特区党委、人大、政府、政协四大班子 -> 党委).
A 、-list of three or more items may be the subject of the formulation's
clause, which is a copula (是, 就是 …) or opens with one and ends in 的 within
fourteen characters before the count (我们抓招商引资、抓投资环境、抓工业园区,就是实施这一战略
部署的三个篇章; the subject 我们 is left out): it gives the members and, with
exactly the claimed number of items, confirms the count.
即 may follow the formulation's closing quote marks directly, and one 即-list
may define two formulations named together (正确处理“六个关系”、牢固树立“六个
导向”即要正确处理A的关系,牢固树立B的导向;…): each takes the comma-part of every
item that ends with its head. Words of four characters or more that led into
the formulation and open an item again are left out of it (要参加双重组织
生活会,即…要参加班子民主生活会 -> 班子民主生活会). A following list of comma
clauses ends where they stop opening with the same word (即坚持A，坚持B，坚持C，坚持D，
是…的共同政治基础); a 、-list whose last item goes on after commas takes the comma-parts
of that item when that makes the number (即A、B、C，加快D for “三项政策、一项改革”), and
otherwise gives no members (a 、 inside the last clause splits no list across commas).
More ways of spelling members out: a list of ordinals of another style after
a formulation that ends its sentence (第一，… / （一）… / 1. … / 一、 on its own
line; exactly as many as claimed, counted up to the next heading of the enclosing
outline, 三、 or （二）, after which a 4. belongs to another list; members only, no
count is confirmed by it);
clauses right after it that each open with its head (坚决做到“两个维护”，坚决
维护…，坚决维护…); openers of a following list from ``member_openers`` (分别是,
分别为, 包括 … also right after it; a line break may follow the comma); a 一是
list whose first marker the page garbled (“三不”;车是不迟顿。…二是不慌乱。); the
members of a sibling count right before it (国际国内两个市场两种资源). A member
item that opens with a frame (在…的基础上, 从…开始) is the clause after it. A
list right before a formulation ends before its predicate (和平与发展仍然是…的
两大主题, or without 的 a complement of six characters at most: …仍然是当今世界两大主题;
…首次出现双下降) and gives none when an item is a verb alone (倡导和推动
共建“一带一路”), ends with a count of the same number (sibling clauses), or is a
short qualifier after much longer items (…大气污染防治和工业“三废”); a quoted
run holding a numeral is a sibling formulation, no abbreviations (“两筛”“两癌”).
Leading verbs and prepositions of the first member (拿出, 以发展, 加强 …) are
trimmed, and so is a frame up to its last preposition (如果从生产总值 -> 生产总值),
but not a verb whose object is all that would remain beside far longer members
(坚持发展经济、保障和改善民生两手抓 keeps 发展经济). A list right before a formulation
is a clause's subject, naming no members, when a later item holds a preposition
(…地市级医疗保障部门探索向社会公开“两库”) or its last goes on after 等 (众创空间等载体打造
数字文化“双创”); a formulation of units that each count one (一带一路, 一事一议) takes
no list before it; two words joined as one relation (创新与创业结合) are no members
of the formulation counting their opening character. Members found at the
mention a 简称 names (知识库、规则库（以下简称“两库”）) hold for its other mentions,
and so do members that are the lexicon's own (the 四项基本原则 after 坚持…这四项基本原则);
the lexicon's members of two characters (江青, 创新) are read when the text lists them all
together near a mention (王洪文、张春桥、江青、姚文元“四人帮”).
``count_matches`` is ``number == len(members)`` when members were found and
the number is known (a count of characters, 八个字, also matches when the
members' characters make up the number), else None.

Modules, each importing only those before it: ``counting`` (numerals, measure
words, heads: :func:`parse_numbered`), ``quotes`` (quote marks and the cues of
a quoted term), ``members`` (the member searches: a package of modules by
where the members are written), ``grammar`` (unquoted formulations in running
text), ``find`` (:func:`find_slogans`: candidates resolved into spans with
members), ``title`` (:func:`find_title_slogans`: the same on a document's
title, offsets into the title).
"""

from policy_nlp.stages.slogans.counting import parse_numbered
from policy_nlp.stages.slogans.find import find_slogans
from policy_nlp.stages.slogans.title import find_title_slogans, title_only

__all__ = ["find_slogans", "find_title_slogans", "parse_numbered", "title_only"]
