"""An HTML view of an annotated document: one self-contained page.

:func:`render_document` turns one annotated document (the JSON form of
:func:`policy_nlp.io.output.doc_to_dict`) into a single HTML page that needs no
network: CSS and JavaScript are inline. The page shows

* the metadata on top (title, speaker, date, source …) and, collapsed, the
  page furniture that cleaning removed;
* the text, paragraph by paragraph, each paragraph with its topic as a badge
  (label and score; the other scores on hover);
* slogans highlighted by kind (numbered formulations and quoted terms); the
  hover text gives the claimed number and the members, and hovering or
  clicking a formulation outlines its members in the text;
* count mismatches (a formulation or a list whose announced count differs from
  what the text spells out) marked in red, in the text and in the side panel;
* a side panel with the outline of the numbered lists (nested as in the
  document) that jumps to each item, and the formulations of the document;
  the title's own (``meta.title_slogans``, offsets into the title) are marked
  in the heading, underlined dashed, and listed apart, "In the title".

The page is built in one pass over the sorted span boundaries: spans that
overlap without nesting (a member that contains another slogan, a slogan that
crosses a paragraph end) are closed and reopened so that the HTML always nests,
and every piece of text goes through :func:`html.escape`. A 30,000-character
report renders in a fraction of a second.

:func:`write_views` writes one page per document of annotated JSONL/JSON files,
or of raw inputs (text files, tables, folders), which it annotates first.
"""

import html
import json
import logging
import re
from collections import defaultdict
from pathlib import Path

# read_annotated, is_annotated and check_annotated live in io.annotated; kept importable from here
from policy_nlp.io.annotated import (ANNOTATED_KEYS, OUTPUT_FILES, annotated_records,  # noqa: F401
                                     check_annotated, find_annotated, is_annotated, read_annotated)
from policy_nlp.lang.chars import IDEOGRAPH
from policy_nlp.lang.numerals import document_year as _year

log = logging.getLogger("policy_nlp")

__all__ = ["render_document", "write_views", "read_annotated", "is_annotated", "check_annotated"]

# Nesting ranks: lower ranks are outer elements.
_PARAGRAPH, _MARKER, _CLAIM, _SLOGAN, _MEMBER = range(5)

TOPIC_COLOURS = {
    "economy": "#1f77b4", "industry": "#8c564b", "science_education": "#9467bd",
    "agriculture_rural": "#2ca02c", "urban_rural_development": "#bcbd22",
    "environment": "#17becf", "social_welfare": "#e377c2", "culture": "#ff7f0e",
    "governance_security": "#d62728", "party_government": "#7f0000", "general": "#7f7f7f",
}
# Other labels' colours, darkest first (a codebook of one's own, the CAP's 21 major topics):
# none of the default codebook's, so that every label of a model has a colour of its own.
_FALLBACK_COLOURS = ("#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#31a354",
                     "#6b6ecf", "#b5cf6b", "#e7ba52", "#d6616b", "#ce6dbd", "#9c9ede", "#cedb9c",
                     "#e7cb94", "#e7969c", "#de9ed6", "#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194")

META_ORDER = ("title", "speaker", "position", "date", "occasion", "salutation", "year", "source",
              "url", "encoding")


def escape(value):
    """``value`` as HTML text or an attribute's value (quotes escaped too); None, a field
    the record lacks, as nothing (view's and report's pages alike).

    Examples
    --------
    >>> escape('"两个维护"<b>'), escape(None), escape(0)
    ('&quot;两个维护&quot;&lt;b&gt;', '', '0')
    """
    return html.escape("" if value is None else str(value), quote=True)


def topic_colour(label, labels=()):
    """A stable colour for a topic label: the default codebook's own, else the
    colour of its rank among the other labels of its model (``labels``: every
    label a topic scores), so that no two of them share one (up to 22); a
    label not among ``labels`` takes one by its characters.

    Examples
    --------
    >>> topic_colour("general"), topic_colour("social welfare", ["Economy", "party-building", "social welfare"])
    ('#7f7f7f', '#8c6d31')
    >>> len({topic_colour(label, ["Economy", "party-building", "social welfare"])
    ...      for label in ["Economy", "party-building", "social welfare"]})
    3
    """
    if label in TOPIC_COLOURS:
        return TOPIC_COLOURS[label]
    others = sorted({str(other) for other in labels if other not in TOPIC_COLOURS})
    if label in others:
        return _FALLBACK_COLOURS[others.index(label) % len(_FALLBACK_COLOURS)]
    return _FALLBACK_COLOURS[sum(map(ord, str(label))) % len(_FALLBACK_COLOURS)]


def topic_labels(topics):
    """Every label the paragraph ``topics`` (dicts or None) score or give: the
    labels of the model that wrote them (:func:`topic_colour`, :func:`topic_names`).

    >>> sorted(topic_labels([None, {"label": "维稳", "scores": {"维稳": 0.6, "other": 0.4}}]))
    ['other', '维稳']
    """
    found = set()
    for topic in topics:
        if topic:
            found.update(map(str, topic.get("scores") or ()))
            found.update(str(label) for label in [topic.get("label"), *(topic.get("labels") or ())] if label)
    return found


def topic_names(labels=None):
    """``{label: Chinese name}`` of the packaged codebook ({} when it cannot be
    read), or {} for ``labels`` of a codebook of one's own, whose ``economy``
    or ``general`` is not the default codebook's (:func:`~policy_nlp.stages.topics.codebook.is_codebook`).

    >>> topic_names(["economy", "general"])["general"], topic_names(["economy", "welfare", "general"])
    ('综述与动员', {})
    """
    from policy_nlp.stages.topics.codebook import is_codebook, load_codebook
    try:
        names = {entry["label"]: entry.get("zh", "") for entry in load_codebook().get("labels", [])}
    except Exception:  # a missing or changed codebook only loses the Chinese names
        return {}
    return {} if labels is not None and not is_codebook(labels) else names


# --- the one-pass renderer ----------------------------------------------

class _Element:
    """An inline or block element over ``[start, end)`` of the text."""
    __slots__ = ("start", "end", "rank", "tag", "first_attrs", "more_attrs", "order")

    def __init__(self, start, end, rank, tag, first_attrs, more_attrs=None, order=0):
        self.start, self.end, self.rank, self.tag = start, end, rank, tag
        self.first_attrs = first_attrs
        # A reopened piece carries no id (ids must stay unique).
        self.more_attrs = more_attrs if more_attrs is not None else re.sub(r'\s*\bid="[^"]*"', "", first_attrs)
        self.order = order

    def key(self):
        # Outer first: lower rank, then the longer span, then input order.
        return (self.rank, -self.end, self.order)


def render_spans(text, elements, prefix_at=None):
    """HTML of ``text`` with ``elements`` (possibly overlapping) as nested tags.

    One pass over the sorted boundaries. At each boundary the open elements
    that end there are closed — with the elements opened inside them, which are
    reopened right after (a continuation without the id) — and the elements
    that start there are opened, outer ones first. ``prefix_at`` maps an
    element to HTML put right after its opening tag (the paragraph badges).
    """
    n = len(text)
    starts, ends = defaultdict(list), defaultdict(list)
    points = {0, n}
    for el in elements:
        el.start, el.end = max(0, min(el.start, n)), max(0, min(el.end, n))
        if el.end <= el.start:
            continue
        starts[el.start].append(el)
        ends[el.end].append(el)
        points.add(el.start)
        points.add(el.end)
    out, stack, prev = [], [], 0
    for pos in sorted(points):
        if pos > prev:
            out.append(html.escape(text[prev:pos], quote=False))
            prev = pos
        ending = ends.get(pos, ())
        opening = sorted(starts.get(pos, ()), key=_Element.key)
        cut = len(stack)
        if ending:
            ending_ids = {id(el) for el in ending}
            for i, el in enumerate(stack):
                if id(el) in ending_ids:
                    cut = min(cut, i)
                    break
        if opening:
            # A new outer element (a paragraph) must not open inside an inner one.
            lowest = opening[0].rank
            for i, el in enumerate(stack):
                if el.rank > lowest:
                    cut = min(cut, i)
                    break
        reopen = []
        if cut < len(stack):
            ending_ids = {id(el) for el in ending}
            for el in reversed(stack[cut:]):
                out.append(f"</{el.tag}>")
            reopen = [el for el in stack[cut:] if id(el) not in ending_ids]
            del stack[cut:]
        for el in sorted(reopen + opening, key=_Element.key):
            first = el.start == pos
            out.append(f"<{el.tag}{el.first_attrs if first else el.more_attrs}>")
            if first and prefix_at is not None and id(el) in prefix_at:
                out.append(prefix_at[id(el)])
            stack.append(el)
    for el in reversed(stack):
        out.append(f"</{el.tag}>")
    return "".join(out)


# --- what goes into the page ----------------------------------------------

def _slogan_title(slogan):
    kind = slogan.get("kind", "")
    lines = [f"{'numbered formulation' if kind == 'numbered' else 'quoted term'}: {slogan.get('text', '')}"]
    if slogan.get("number") is not None:
        lines.append(f"number: {slogan['number']}")
    members = slogan.get("members") or []
    if members:
        lines.append(f"members ({len(members)}): " + "、".join(m.get("text", "") for m in members))
    if slogan.get("count_matches") is False:
        lines.append(f"COUNT MISMATCH: claims {slogan.get('number')}, {len(members)} spelled out")
    if slogan.get("source"):
        lines.append(f"found by: {slogan['source']}")
    return "\n".join(lines)


def _snippet(text, start, end, limit=28):
    piece = text[start:min(end, start + limit * 3)]
    piece = re.split(r"[\n。；;！？]", piece, maxsplit=1)[0].strip()
    return piece[:limit] + ("…" if len(piece) > limit else "")


def _list_elements(data):
    """Markers and claims of the numbered lists, and the outline (side panel) HTML."""
    text, lists = data["text"], data.get("lists") or []
    elements, anchors = [], {}
    children = defaultdict(list)  # (parent list, parent item) -> [child list]
    roots = []
    for li, lst in enumerate(lists):
        parent = lst.get("parent")
        if isinstance(parent, int) and 0 <= parent < len(lists) and parent != li:
            children[(parent, lst.get("parent_item"))].append(li)
        else:
            roots.append(li)
        bad = lst.get("count_matches") is False
        for ii, item in enumerate(lst.get("items") or []):
            anchor = f"L{li}-{ii}"
            anchors[(li, ii)] = anchor
            start = item.get("start", 0)
            marker = item.get("marker") or ""
            end = start + max(1, len(marker))
            elements.append(_Element(
                start, end, _MARKER, "span",
                f' id="{anchor}" class="marker lv{min(int(lst.get("level") or 0), 5)}'
                f'{" bad" if bad else ""}" data-list="{li}" title="{escape(lst.get("family", ""))} list {li}, '
                f'item {ii + 1} of {len(lst.get("items") or [])}"', order=li))
        claim = lst.get("claim")
        if claim and claim.get("end", 0) > claim.get("start", 0):
            found = len(lst.get("items") or [])
            title = f"announced count: {claim.get('number')}; items found: {found}"
            if bad:
                title = "COUNT MISMATCH: " + title
            elements.append(_Element(
                claim["start"], claim["end"], _CLAIM, "span",
                f' id="claim{li}" class="claim{" bad" if bad else ""}" title="{escape(title)}"', order=li))

    def render_list(li, depth):
        lst = lists[li]
        items = lst.get("items") or []
        claim = lst.get("claim")
        flags = []
        if lst.get("count_matches") is False:
            flags.append(f'<span class="flag bad" title="announced {escape(claim.get("number") if claim else "?")}, '
                         f'found {len(items)}">≠ {escape(claim.get("number") if claim else "?")}</span>')
        elif lst.get("count_matches") is True:
            flags.append('<span class="flag ok" title="announced count matches">✓</span>')
        if lst.get("gaps"):
            flags.append(f'<span class="flag warn" title="numbering gaps: {escape(lst.get("gaps"))}">gap</span>')
        if lst.get("restart"):
            flags.append('<span class="flag warn" title="numbering restarts">restart</span>')
        head = (f'<div class="lhead"><a href="#{anchors.get((li, 0), "")}">{escape(lst.get("family", ""))}</a> '
                f'<span class="muted">{len(items)} items</span> {"".join(flags)}</div>') if depth == 0 or flags else ""
        rows = []
        for ii, item in enumerate(items):
            sub = "".join(render_list(c, depth + 1) for c in children.get((li, ii), ()))
            rows.append(f'<li><a href="#{anchors[(li, ii)]}" data-target="{anchors[(li, ii)]}">'
                        f'<b>{escape(item.get("marker", ""))}</b> {escape(_snippet(text, item.get("start", 0) + len(item.get("marker", "")), item.get("end", 0)))}</a>'
                        f'{sub}</li>')
        # children attached to no item of this list
        loose = [c for (p, pi), cs in children.items() if p == li and not (isinstance(pi, int) and 0 <= pi < len(items)) for c in cs]
        rows.extend(f"<li>{render_list(c, depth + 1)}</li>" for c in loose)
        return f'<div class="olist{" bad" if lst.get("count_matches") is False else ""}" data-list="{li}">{head}<ul>{"".join(rows)}</ul></div>'

    outline = "".join(render_list(li, 0) for li in roots) or '<p class="muted">No numbered lists.</p>'
    return elements, outline


def _title_html(title, slogans):
    """The title, its own slogans marked (class ``ts``, not ``s``: their offsets
    are into the title, and the text's spans and the side panel's links are the
    text's; :func:`policy_nlp.stages.slogans.find_title_slogans`)."""
    pieces, at = [], 0
    for slogan in sorted(slogans, key=lambda s: s.get("start", 0)):
        start, end = slogan.get("start", 0), slogan.get("end", 0)
        if not at <= start < end <= len(title):
            continue   # overlapping or out of range: a record edited by hand
        kind = slogan.get("kind") if slogan.get("kind") in ("numbered", "quoted") else "other"
        pieces += [escape(title[at:start]), f'<span class="ts {kind}" title="{escape("in the title, " + _slogan_title(slogan))}">'
                   f'{escape(title[start:end])}</span>']
        at = end
    return "".join(pieces) + escape(title[at:])


def _slogan_elements(data):
    elements, members_of = [], []
    for si, slogan in enumerate(data.get("slogans") or []):
        kind = slogan.get("kind") if slogan.get("kind") in ("numbered", "quoted") else "other"
        bad = slogan.get("count_matches") is False
        classes = f"s {kind}" + (" bad" if bad else "") + (" hasm" if slogan.get("members") else "")
        elements.append(_Element(
            slogan.get("start", 0), slogan.get("end", 0), _SLOGAN, "span",
            f' id="s{si}" class="{classes}" data-s="{si}" title="{escape(_slogan_title(slogan))}"', order=si))
        for member in slogan.get("members") or []:
            elements.append(_Element(member.get("start", 0), member.get("end", 0), _MEMBER, "span",
                                     f' class="m m{si}" data-of="{si}"', order=si))
    return elements


def _paragraph_elements(data, names, labels=()):
    elements, prefixes = [], {}
    for pi, para in enumerate(data.get("paragraphs") or []):
        topic = para.get("topic")
        el = _Element(para.get("start", 0), para.get("end", 0), _PARAGRAPH, "div",
                      f' id="p{pi}" class="para"' + (f' data-topic="{escape(topic.get("label"))}"' if topic else ""),
                      order=pi)
        if topic:
            label = topic.get("label", "")
            score = topic.get("score")
            scores = topic.get("scores") or {}
            detail = "\n".join(f"{k}: {v:.2f}" if isinstance(v, (int, float)) else f"{k}: {v}"
                               for k, v in sorted(scores.items(), key=lambda kv: -kv[1]
                                                  if isinstance(kv[1], (int, float)) else 0)[:6])
            title = f"{label} {names.get(label, '')}".strip() + (f"\n{detail}" if detail else "")
            score_text = f" {score:.2f}" if isinstance(score, (int, float)) else ""
            prefixes[id(el)] = (f'<span class="badge" style="--c:{topic_colour(label, labels)}" contenteditable="false" '
                                f'title="{escape(title)}">{escape(label)}{score_text}</span>')
        elements.append(el)
    return elements, prefixes


def _meta_html(data, names):
    meta = data.get("meta") or {}
    rows = [("id", data.get("id"))]
    rows += [(k, meta[k]) for k in META_ORDER if meta.get(k) not in (None, "", [], {})]
    skip = set(META_ORDER) | {"removed", "sha1", "normalized", "title_slogans"}   # title_slogans: marked in the title
    rows += [(k, v) for k, v in meta.items() if k not in skip and v not in (None, "", [], {})]
    cells = []
    for key, value in rows:
        if key == "converted" and isinstance(value, dict):  # not its list of every changed character
            value = (f"{value.get('from', 'traditional')} → simplified, {value.get('changed', 0)} characters "
                     "(the text below is the Simplified copy; meta.converted keeps the originals)")
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)
        value = str(value)
        if key == "url" and re.match(r"https?://", value):
            cell = f'<a href="{escape(value)}" rel="noreferrer">{escape(value)}</a>'
        else:
            cell = escape(value if len(value) <= 300 else value[:300] + "…")
        cells.append(f'<div><span class="k">{escape(key)}</span> {cell}</div>')
    removed = meta.get("removed") or []
    removed_html = ""
    if removed:
        items = "".join(
            f'<li><span class="muted">[{escape(r.get("start"))}:{escape(r.get("end"))}] {escape(r.get("reason", ""))}</span>'
            f'<pre>{escape(r.get("text", ""))}</pre></li>' for r in removed)
        removed_html = (f'<details id="removed"><summary>Removed page furniture ({len(removed)} pieces, '
                        f'{sum(len(r.get("text", "")) for r in removed):,} chars)</summary><ol>{items}</ol></details>')
    return f'<div class="meta" id="meta">{"".join(cells)}</div>{removed_html}'


def _stats(data):
    slogans = data.get("slogans") or []
    lists = data.get("lists") or []
    paragraphs = data.get("paragraphs") or []
    return {
        "chars": len(data.get("text") or ""),
        "paragraphs": len(paragraphs),
        "numbered": sum(1 for s in slogans if s.get("kind") == "numbered"),
        "quoted": sum(1 for s in slogans if s.get("kind") == "quoted"),
        "lists": len(lists),
        "mismatches": sum(1 for s in slogans if s.get("count_matches") is False)
                      + sum(1 for l in lists if l.get("count_matches") is False),
    }


def _formulations_html(data):
    """The document's numbered formulations and quoted terms, most frequent first."""
    groups = {}
    for si, slogan in enumerate(data.get("slogans") or []):
        key = (slogan.get("kind"), slogan.get("text"))
        group = groups.setdefault(key, {"first": si, "count": 0, "number": slogan.get("number"), "bad": False})
        group["count"] += 1
        group["bad"] |= slogan.get("count_matches") is False
    rows = []
    for (kind, text), g in sorted(groups.items(), key=lambda kv: (kv[0][0] != "numbered", -kv[1]["count"], kv[1]["first"])):
        number = "" if g["number"] is None else f' <span class="muted">={escape(g["number"])}</span>'
        bad = ' <span class="flag bad">≠</span>' if g["bad"] else ""
        rows.append(f'<li class="{escape(kind)}"><a href="#s{g["first"]}" data-target="s{g["first"]}">'
                    f'{escape(text)}</a>{number} <span class="muted">×{g["count"]}</span>{bad}</li>')
    titled = "".join(f'<li class="{escape(t.get("kind"))}">{escape(t.get("text"))}'
                     + ("" if t.get("number") is None else f' <span class="muted">={escape(t["number"])}</span>') + "</li>"
                     for t in (data.get("meta") or {}).get("title_slogans") or [])
    titled = f'<p class="muted">In the title:</p><ul class="flist tlist">{titled}</ul>' if titled else ""
    return (f'<ul class="flist">{"".join(rows)}</ul>' if rows else '<p class="muted">None.</p>') + titled


CSS = """
*{box-sizing:border-box}
html,body{height:100%}
body{margin:0;display:flex;flex-direction:column;font:15px/1.7 "Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#fafafa}
header{flex:none;max-height:45vh;overflow:auto;padding:10px 20px;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:20px;margin:0 0 6px}
.meta{display:flex;flex-wrap:wrap;gap:0 22px;font-size:13px;overflow-wrap:anywhere;min-width:0}
.meta .k{color:#777}
#removed{margin-top:6px;font-size:13px}
#removed pre{white-space:pre-wrap;background:#f3f3f3;margin:2px 0 6px;padding:4px;max-height:12em;overflow:auto}
.stats{font-size:13px;color:#444;margin-top:6px}
.stats span{margin-right:14px}
.controls{font-size:13px;margin-top:4px}
.controls label{margin-right:12px;cursor:pointer}
main{flex:1;min-height:0;display:flex}
#text{flex:1;min-width:0;overflow:auto;padding:10px 24px 40vh;background:#fff}
nav{width:360px;flex:none;overflow:auto;padding:10px 14px;font-size:13px;border-left:1px solid #ddd;background:#fcfcfc}
nav h2{font-size:14px;margin:12px 0 4px}
nav ul{list-style:none;margin:0;padding-left:14px}
nav>div>ul,.olist>ul{padding-left:4px}
nav a{color:#124;text-decoration:none}
nav a:hover{text-decoration:underline}
.lhead{margin-top:6px}
.olist .olist{margin-left:8px;padding-left:4px;border-left:1px solid #e3e3e3}
.para{white-space:pre-wrap;margin:0 0 .55em;padding:2px 4px;border-left:3px solid transparent}
.para[data-topic]{border-left-color:#eee}
.badge{display:inline-block;font-size:11px;line-height:1.5;padding:0 6px;margin-right:6px;border-radius:8px;color:#fff;background:var(--c,#777);vertical-align:1px;white-space:nowrap;user-select:none;cursor:help}
.s{border-radius:3px;cursor:pointer}
.s.numbered{background:#ffe7a3;box-shadow:inset 0 -2px #e0a800}
.s.quoted{background:#d6ecff;box-shadow:inset 0 -2px #5b9bd5}
.s.other{background:#eee}
.s .s{box-shadow:inset 0 -2px #888}
.bad{color:#b00000}
.s.bad{background:#ffd6d6;box-shadow:inset 0 -2px #d00;text-decoration:underline wavy #d00}
.s.bad::after{content:"≠";font-size:10px;vertical-align:super;color:#d00}
.m.on{outline:2px solid #e08a00;background:#fff3d6;border-radius:2px}
.s.on{outline:2px solid #e08a00}
.marker{font-weight:bold;color:#0b4f8a}
.marker.bad{color:#b00000}
.claim{border-bottom:2px dotted #0b4f8a}
.claim.bad{border-bottom:2px solid #d00;background:#ffe3e3}
:target,.flash{background:#fff59d!important;transition:background 1s}
.flag{font-size:11px;padding:0 4px;border-radius:6px;margin-left:3px}
.flag.bad{background:#d00;color:#fff}.flag.ok{color:#2a7}.flag.warn{background:#f3c623}
.olist.bad>.lhead a{color:#b00000}
.muted{color:#888}
.flist li.quoted a{color:#1f5d99}
.ts{border-radius:3px;border-bottom:2px dashed #888}.ts.numbered{background:#ffe7a3}.ts.quoted{background:#d6ecff}
.tlist li.quoted{color:#1f5d99}
body.no-s .s{background:none;box-shadow:none;text-decoration:none}
body.no-s .s.bad::after{content:none}
body.no-b .badge{display:none}
#info{position:fixed;left:20px;bottom:12px;max-width:640px;background:#fffbe6;border:1px solid #e0c060;padding:6px 10px;font-size:13px;white-space:pre-wrap;display:none;z-index:5;box-shadow:0 2px 6px rgba(0,0,0,.15)}
#info.show{display:block}
#js-errors:empty{display:none}
#js-errors{position:fixed;top:0;right:0;background:#d00;color:#fff;padding:4px 8px;font-size:12px;white-space:pre-wrap}
@media (max-width:900px){html,body{height:auto}body{display:block}header{max-height:none}main{flex-direction:column}#text,nav{overflow:visible}nav{width:auto;border-left:0}}
"""

JS = r"""
(function(){
  var errs=document.getElementById('js-errors');
  function report(msg){errs.textContent+=(errs.textContent?'\n':'')+msg;}
  window.addEventListener('error',function(e){report('error: '+e.message);});
  try{
    var info=document.getElementById('info'), lit=[];
    function clear(){lit.forEach(function(n){n.classList.remove('on');});lit=[];}
    function show(el){
      clear();
      var i=el.getAttribute('data-s');
      el.classList.add('on');lit.push(el);
      var ms=document.querySelectorAll('.m'+i);
      for(var k=0;k<ms.length;k++){ms[k].classList.add('on');lit.push(ms[k]);}
      info.textContent=el.getAttribute('title')||'';
      info.classList.add('show');
    }
    var text=document.getElementById('text');
    text.addEventListener('mouseover',function(ev){
      var s=ev.target.closest('.s');
      if(s){show(s);}
    });
    text.addEventListener('mouseleave',function(){clear();info.classList.remove('show');});
    text.addEventListener('click',function(ev){
      var s=ev.target.closest('.s');
      if(s){show(s);}else{clear();info.classList.remove('show');}
    });
    function flash(id){
      var t=document.getElementById(id);
      if(!t)return;
      var p=t.closest('.para')||t;
      p.classList.add('flash');
      setTimeout(function(){p.classList.remove('flash');},1200);
    }
    document.querySelector('nav').addEventListener('click',function(ev){
      var a=ev.target.closest('a[data-target]');
      if(!a)return;
      var id=a.getAttribute('data-target'), t=document.getElementById(id);
      if(!t)return;
      ev.preventDefault();
      t.scrollIntoView({block:'center'});
      if(history.replaceState){history.replaceState(null,'','#'+id);}
      if(t.classList.contains('s')){show(t);}
      flash(id);
    });
    document.getElementById('show-s').addEventListener('change',function(ev){
      document.body.classList.toggle('no-s',!ev.target.checked);});
    document.getElementById('show-b').addEventListener('change',function(ev){
      document.body.classList.toggle('no-b',!ev.target.checked);});
    var bad=document.querySelectorAll('#text .bad[id]'), bi=-1;
    var next=document.getElementById('next-bad');
    if(next){next.addEventListener('click',function(){
      if(!bad.length)return;
      bi=(bi+1)%bad.length;
      bad[bi].scrollIntoView({block:'center'});flash(bad[bi].id);
    });}
    var h=location.hash.slice(1), target=h&&document.getElementById(h);
    if(target){
      if(target.classList.contains('s')){show(target);}
      target.scrollIntoView({block:'center'});
    }
    document.body.setAttribute('data-ready','1');
    document.getElementById('status').textContent='ready: '+document.querySelectorAll('#text .s').length+
      ' slogan elements, '+document.querySelectorAll('#text .marker').length+' list markers, '+
      document.querySelectorAll('#text .badge').length+' topic badges';
  }catch(e){report('exception: '+e.message);}
})();
"""


def render_document(data):
    """One self-contained HTML page (a str) of an annotated document.

    Parameters
    ----------
    data : dict
        An annotated document as written by ``policy-nlp annotate`` (see
        ``policy_nlp/data/document.schema.json``). Stages that did not run may
        leave their lists empty; offsets out of range are clipped.

    Examples
    --------
    >>> data = {"id": "d<1>", "text": "我讲“两点”意见。", "meta": {},
    ...         "paragraphs": [{"start": 0, "end": 9, "topic": None}],
    ...         "sentences": [], "tokens": [], "lists": [],
    ...         "slogans": [{"start": 3, "end": 5, "text": "两点", "kind": "quoted",
    ...                      "number": None, "members": [], "count_matches": None}]}
    >>> page = render_document(data)
    >>> '<span id="s0" class="s quoted"' in page, "d&lt;1&gt;" in page, "http" in page.split("<body")[0]
    (True, True, False)
    """
    text = data.get("text") or ""
    labels = topic_labels(para.get("topic") for para in data.get("paragraphs") or [])
    names = topic_names(labels)
    para_elements, prefixes = _paragraph_elements(data, names, labels)
    list_elements, outline = _list_elements(data)
    elements = para_elements + list_elements + _slogan_elements(data)
    body = render_spans(text, elements, prefixes)
    meta = data.get("meta") or {}
    title = meta.get("title") or data.get("id") or "document"
    stats = _stats(data)
    year = _year(meta)
    stat_html = "".join(f'<span>{escape(k)}: <b>{v:,}</b></span>' for k, v in stats.items())
    used = []
    for para in data.get("paragraphs") or []:
        label = (para.get("topic") or {}).get("label")
        if label and label not in used:
            used.append(label)
    legend = " ".join(f'<span class="badge" style="--c:{topic_colour(l, labels)}" title="{escape(names.get(l, ""))}">{escape(l)}</span>'
                      for l in used)
    next_bad = '<button id="next-bad" type="button">next mismatch ↓</button>' if stats["mismatches"] else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policy_nlp view">
<title>{escape(title)}</title>
<style>{CSS}</style></head>
<body>
<div id="js-errors"></div>
<header>
<h1>{_title_html(str(title), meta.get("title_slogans") or [] if meta.get("title") else [])}{f' <span class="muted">({year})</span>' if year and str(year) not in str(title) else ''}</h1>
{_meta_html(data, names)}
<div class="stats">{stat_html}</div>
<div class="controls">
<label><input type="checkbox" id="show-s" checked> highlight slogans
(<span class="s numbered">numbered</span> <span class="s quoted">quoted</span> <span class="s bad">count mismatch</span>)</label>
<label><input type="checkbox" id="show-b" checked> topic badges</label>{next_bad}
<div>{legend}</div>
<span id="status" class="muted"></span>
</div>
</header>
<main>
<article id="text" lang="zh-CN">{body}</article>
<nav>
<h2>Outline of numbered lists</h2>
<div id="outline">{outline}</div>
<h2>Formulations and quoted terms</h2>
<div id="formulations">{_formulations_html(data)}</div>
</nav>
</main>
<div id="info"></div>
<script>{JS}</script>
</body></html>
"""


# --- reading and writing ----------------------------------------------------

def _file_name(id, used):
    base = re.sub(rf"[^\w{IDEOGRAPH}.-]+", "_", str(id or "document")).strip("._")[:80] or "document"
    name, n = base, 1
    while name.lower() in used:
        n += 1
        name = f"{base}_{n}"
    used.add(name.lower())
    return name + ".html"


def _index_html(pages):
    rows = "".join(f'<tr><td><a href="{escape(p.name)}">{escape(title)}</a></td><td>{escape(year or "")}</td>'
                   f'<td>{stats["chars"]:,}</td><td>{stats["numbered"]}</td><td>{stats["quoted"]}</td>'
                   f'<td>{stats["lists"]}</td><td>{stats["mismatches"]}</td></tr>'
                   for p, title, year, stats in pages)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>policy_nlp views</title>
<style>body{{font:14px/1.6 sans-serif;margin:20px}}td,th{{padding:2px 10px;text-align:left}}</style></head>
<body><h1>Annotated documents ({len(pages)})</h1><table><tr><th>document</th><th>year</th><th>chars</th>
<th>numbered</th><th>quoted</th><th>lists</th><th>count mismatches</th></tr>{rows}</table></body></html>
"""


def _raw_documents(paths, read_options, clean, settings, errors):
    from policy_nlp.run.worker import annotate_within
    from policy_nlp.io.corpus import read_inputs
    from policy_nlp.errors import DocumentError
    from policy_nlp.io.output import doc_to_dict
    from policy_nlp.pipeline.loading import load
    nlp = None
    for item in read_inputs(paths, **(read_options or {})):
        if isinstance(item, DocumentError):
            errors.append({"id": item.id, "source": str(item.source), "reason": item.reason})
            continue
        if nlp is None:
            nlp = load(**(settings or {}))
        # one bad document never stops the others; no time limit here (docs/scaling.md)
        data, reason = annotate_within(nlp, item, clean, 0, doc_to_dict)
        if reason is None:
            yield data
        else:
            errors.append({"id": item.id, "source": item.meta.get("source", item.id), "reason": reason})


def write_views(inputs, out_dir, *, read_options=None, clean=True, settings=None, limit=None, index=True):
    """Write one HTML page per document into ``out_dir``.

    Parameters
    ----------
    inputs : list of str or Path
        Annotated JSONL/JSON files (or folders holding ``annotations.jsonl``),
        or raw inputs (text files, tables, folders) that are annotated
        first with :func:`policy_nlp.load` (``settings``) and, when ``clean``,
        cleaned of page furniture.
    out_dir : str or Path
        Folder for the pages (created); an ``index.html`` links them when
        ``index`` is true.
    read_options : dict, optional
        ``pattern``, ``text_column``, ``id_column`` for raw inputs.
    limit : int, optional
        Write at most this many pages (a positive number).

    Returns
    -------
    list of Path
        The pages written, one per document, in input order (the index is
        not in the list). Raw documents that could not be annotated, lines
        that are not JSON and malformed records (:func:`check_annotated`)
        are reported on stderr and skipped; the others are written.
    """
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit must be a positive integer (pages to write), not {limit!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    annotated, raw = [], []
    for item in map(Path, inputs):
        if not item.exists():
            raise FileNotFoundError(f"{item}: no such file or folder")
        found = [file for file, _ in find_annotated(item, raw=True)]
        if found:
            annotated.extend(found)
        else:
            raw.append(item)

    def documents():
        for path in annotated:
            for source, data in annotated_records(path, errors):
                yield data, source
        if raw:
            for data in _raw_documents(raw, read_options, clean, settings, errors):
                yield data, ""

    errors, written, used, pages = [], [], {"index"}, []
    # the limit is checked after each page, not before reading the next document: a raw one is
    # annotated as it is read (document N+1 was, and warned of when it failed)
    for data, source in documents():
        id = data.get("id") if isinstance(data, dict) else None
        problem = "not an annotated document" if not is_annotated(data) else check_annotated(data)
        if problem is None:
            try:
                page = render_document(data)
            except Exception as error:  # a record no check foresaw: skip it, render the others
                problem = f"cannot be rendered: {type(error).__name__}: {error}"
        if problem is not None:
            errors.append({"id": id, "source": source, "reason": problem})
            continue
        path = out_dir / _file_name(id, used)
        path.write_text(page, encoding="utf-8")
        written.append(path)
        meta = data.get("meta") or {}
        pages.append((path, meta.get("title") or data.get("id"), _year(meta), _stats(data)))
        if limit is not None and len(written) >= limit:
            break
    for failure in errors:
        where = ", ".join(str(x) for x in (failure["source"], failure["id"] and f"id {failure['id']}") if x)
        log.warning("not viewed: %s: %s", where, failure["reason"])
    if index and written:
        (out_dir / "index.html").write_text(_index_html(pages), encoding="utf-8")
    return written
