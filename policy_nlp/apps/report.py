"""A corpus report of annotated documents: tables, plots and an ``index.html``.

:func:`build_report` reads annotated JSONL/JSON files (the output of
``policy-nlp annotate``) and writes into a folder

* ``index.html`` tying everything together;
* ``formulations.png/.svg`` and ``formulations.csv``: the numbered formulations
  (四个全面, 三大攻坚战, 十四五 …) most frequent by *document frequency*, with
  their total mentions and the first and last year they appear (a term of the
  title that the text does not name counts, as in the tables and ``trace``);
* ``numbered_by_year.png/.svg`` and ``documents.csv``: how many numbered
  formulations the documents of each year use (per 10,000 characters and
  distinct per document);
* ``topics_by_year.png/.svg`` and ``topic_shares.csv``: the share of each
  paragraph topic by year, weighted by paragraph length (a stacked chart);
* ``diffusion.png/.svg`` and ``diffusion.csv``: for the top formulations, their
  first use, first national and local year, the levels and places they
  reached (:func:`diffusion`, through :mod:`policy_nlp.apps.trace`);
* ``mismatches.csv``: every count mismatch in the corpus — a formulation whose
  number differs from the members spelled out, a list whose announced count
  (我讲三点意见) differs from the items found;
* ``failed.csv``: the documents that could not be annotated, read from the
  errors file beside the annotations (``errors.jsonl`` or
  ``NAME.errors.jsonl``) when there is one.

The year of a document is ``meta.year`` or the year of ``meta.date``.
Plots are made with matplotlib (Agg backend) in a font that has Chinese
characters when the machine has one (WenQuanYi Micro Hei, Noto Sans CJK …);
without one, Chinese labels are replaced by numbers keyed to the tables.
"""

import csv
import json
import math
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

from policy_nlp.apps.plots import chinese_font, chinese_pyplot, cumulative_steps, save_figure, spreadsheet_cell
from policy_nlp.apps.view import escape, topic_colour, topic_labels, topic_names
from policy_nlp.errors import ConfigError
from policy_nlp.io.annotated import annotated_records, check_annotated, find_annotated, read_errors
from policy_nlp.io.corpus import UniqueIds
from policy_nlp.lang.numerals import document_year
from policy_nlp.stages.canonical import canonical
from policy_nlp.stages.slogans import title_only

__all__ = ["build_report", "collect", "document_year", "chinese_font", "chinese_pyplot", "save_figure"]


# --- reading -----------------------------------------------------------------

def _resolve(paths):
    """``[(annotations file, errors file or None)]`` of files and output folders
    (:func:`~policy_nlp.io.annotated.find_annotated`)."""
    return [found for path in paths for found in find_annotated(path)]


def _documents(path, failed):
    """The well-formed annotated documents of ``path``; unreadable lines and
    malformed records (:func:`~policy_nlp.io.annotated.check_annotated`) go to
    ``failed`` and are left out of every table."""
    errors = []
    for source, data in annotated_records(path, errors):
        failed.extend({**error, "errors_file": ""} for error in errors)
        errors.clear()
        # a raw input given by mistake, or a hand-edited line: listed, as view lists it, not left out unseen
        problem = "not an annotated document (no 'text')" if not isinstance(data, dict) or "text" not in data \
            else check_annotated(data)
        if problem:
            failed.append({"id": data.get("id") if isinstance(data, dict) else None,
                           "source": source,
                           "reason": f"malformed annotated record: {problem}", "errors_file": ""})
            continue
        yield data
    failed.extend({**error, "errors_file": ""} for error in errors)


def _context(text, start, end, width=24):
    before = text[max(0, start - width):start].replace("\n", " ")
    after = text[end:end + width].replace("\n", " ")
    return before, text[start:end].replace("\n", " "), after


def collect(paths, dated_only=False):
    """Gather the corpus statistics of annotated files (see :func:`build_report`).

    Returns
    -------
    dict
        ``documents`` (one row per document), ``formulations`` (text ->
        stats), ``topics`` ({year: {label: chars}}), ``topic_labels`` (every
        label the topics score: the model's), ``mismatches`` (rows),
        ``checked`` (how many counts could be checked), ``failed`` (rows),
        ``sources`` (the files read).
    """
    documents, mismatches, failed, sources = [], [], [], []
    formulations = {}
    topics = defaultdict(Counter)
    labels = set()  # every label the model scores: its colours and names
    checked = Counter()
    seen_errors = set()
    left_out = 0
    first_of, duplicates = {}, []   # sha1 -> first id; exact duplicates are counted once
    keys = UniqueIds()  # the tables' doc_id (one id in two inputs: ID, ID#2), given in their order
    for file, errors in _resolve(paths):
        sources.append(str(file))
        if errors is not None and errors not in seen_errors:
            seen_errors.add(errors)
            failed.extend({**row, "errors_file": str(errors)} for row in read_errors(errors))
        for data in _documents(file, failed):
            text = data.get("text") or ""
            meta = data.get("meta") or {}
            year = document_year(meta)
            if dated_only and year is None:
                left_out += 1
                continue
            doc_id = data.get("id")
            ids = {"doc_id": keys(str(doc_id)), "id": doc_id}
            sha1 = meta.get("sha1")
            if sha1 and sha1 in first_of:
                duplicates.append({"id": doc_id, "duplicate_of": first_of[sha1]})
                continue
            if sha1:
                first_of[sha1] = doc_id
            slogans = data.get("slogans") or []
            # the terms of the title that the text does not name count too, as in the tables and trace
            used = slogans + title_only(meta.get("title_slogans"), {canonical(s.get("text") or "") for s in slogans})
            numbered = [s for s in used if s.get("kind") == "numbered"]
            _count_formulations(formulations, text, numbered, ids["doc_id"], year)
            mismatches += _mismatches(text, slogans, _slogan_fields, "slogans", ids, year, checked)
            mismatches += _mismatches(text, data.get("lists") or [], _list_fields, "lists", ids, year, checked)
            labels |= topic_labels(para.get("topic") for para in data.get("paragraphs") or [])
            if year is not None:
                topics[year].update(_topic_chars(data.get("paragraphs") or []))
            documents.append(_document_row(data, text, meta, ids, year, used))
    mismatches.sort(key=lambda r: (r["year"] is None, r["year"] or 0, str(r["doc_id"]), r["start"] or 0))
    return {"documents": documents, "formulations": formulations, "topics": dict(topics), "topic_labels": labels,
            "mismatches": mismatches, "checked": dict(checked), "failed": failed, "sources": sources,
            "left_out_undated": left_out, "duplicates": duplicates}


def _count_formulations(formulations, text, numbered, doc_id, year):
    """Add a document's numbered formulations to the corpus stats ({canonical text: stats})."""
    for slogan in numbered:
        # variants (“十三五”, 十 三 五) are counted under their canonical form
        key = canonical(slogan.get("text") or text[slogan.get("start", 0):slogan.get("end", 0)])
        stats = formulations.setdefault(key, {"text": key, "numbers": Counter(), "docs": set(),
                                              "mentions": 0, "years": set()})
        stats["numbers"][slogan.get("number")] += 1
        stats["docs"].add(doc_id)
        stats["mentions"] += 1
        if year is not None:
            stats["years"].add(year)


def _slogan_fields(slogan):
    """A formulation's mismatch: what, its span, the text shown (its span), the number, the members found."""
    members = slogan.get("members") or []
    return (f"{slogan.get('kind')} formulation", slogan.get("start", 0), slogan.get("end", 0), None,
            slogan.get("number"), len(members), "、".join(m.get("text", "") for m in members), slogan.get("start"))


def _list_fields(lst):
    """A list's mismatch: what, its claim's span and text, the announced count, the items found."""
    claim = lst.get("claim") or {}
    items = lst.get("items") or []
    start = claim.get("start", lst.get("start", 0))
    return (f"list {lst.get('family', '')}", start, claim.get("end", start), claim.get("text"),
            claim.get("number"), len(items), " ".join(item.get("marker", "") for item in items), start)


def _mismatches(text, records, fields, kind, ids, year, checked):
    """Rows for the ``records`` (formulations or lists) whose number differs from the members or
    items found, their fields read by ``fields``; counts the checked ones in ``checked[kind]``.
    ``ids``: the document's ``doc_id`` and ``id``."""
    rows = []
    for record in records:
        if record.get("count_matches") is not None:
            checked[kind] += 1
        if record.get("count_matches") is False:
            what, a, z, shown, claimed, found, detail, start = fields(record)
            before, span, after = _context(text, a, z)
            rows.append({**ids, "year": year, "what": what, "text": shown or span, "claimed": claimed,
                         "found": found, "detail": detail, "before": before, "after": after, "start": start})
    return rows


def _topic_chars(paragraphs):
    """Characters of paragraph text per topic label (paragraphs without a topic left out)."""
    topic_chars = Counter()
    for para in paragraphs:
        topic = para.get("topic")
        if topic and topic.get("label"):
            topic_chars[topic["label"]] += max(0, para.get("end", 0) - para.get("start", 0))
    return topic_chars


def _document_row(data, text, meta, ids, year, used):
    """A document's row of ``documents.csv`` (``ids``: its ``doc_id`` and ``id``; ``used``: the
    text's slogans and the title's own)."""
    slogans = data.get("slogans") or []
    numbered = [s for s in used if s.get("kind") == "numbered"]
    distinct = {canonical(s.get("text") or "") for s in numbered}
    return {
        **ids, "title": meta.get("title"), "year": year, "chars": len(text),
        "paragraphs": len(data.get("paragraphs") or []), "numbered": len(numbered),
        "distinct_numbered": len(distinct),
        "quoted": sum(1 for s in used if s.get("kind") == "quoted"),
        "lists": len(data.get("lists") or []),
        "mismatches": sum(1 for s in slogans if s.get("count_matches") is False)
                      + sum(1 for l in data.get("lists") or [] if l.get("count_matches") is False),
        "numbered_per_10k": round(len(numbered) / len(text) * 10_000, 2) if text else 0.0,
    }


def top_formulations(formulations, n=30):
    """The ``n`` numbered formulations used by the most documents (ties: more
    mentions, then earlier first year, then the text)."""
    rows = []
    for stats in formulations.values():
        years = sorted(stats["years"])
        number = stats["numbers"].most_common(1)[0][0] if stats["numbers"] else None
        rows.append({"text": stats["text"], "number": number, "documents": len(stats["docs"]),
                     "mentions": stats["mentions"], "first_year": years[0] if years else None,
                     "last_year": years[-1] if years else None, "years": len(years)})
    rows.sort(key=lambda r: (-r["documents"], -r["mentions"],
                             r["first_year"] if r["first_year"] is not None else 9999, r["text"]))
    return rows[:n] if n else rows


DIFFUSION_FIELDS = ["text", "documents", "mentions", "first_date", "first_doc", "first_level", "first_place",
                    "first_national_year", "first_local_year", "national_first", "levels", "places",
                    "expansions"]


def diffusion(annotated_paths, formulations, dated_only=False):
    """The spread of each formulation: one row each, from :func:`policy_nlp.apps.trace.trace_tables`.

    The corpus is read once into the tables of
    :func:`~policy_nlp.apps.tables.build_tables`; each formulation is traced
    there (exact duplicate documents counted once, as in ``policy-nlp trace``).

    Returns
    -------
    rows : list of dict or None
        ``DIFFUSION_FIELDS`` per formulation (``levels``: the levels in the
        order they first used it, with the year), or None when pandas and
        pyarrow (``pip install 'policy_nlp[tables]'``) are not installed.
    adoption : dict
        ``{formulation: adoption DataFrame}`` (cumulative documents and places by year).
    """
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        return None, {}
    from policy_nlp.apps.tables import build_tables, document_texts
    from policy_nlp.apps.trace import trace_tables
    # The well-formed documents only, as in the rest of the report (the
    # malformed ones are already listed in failed.csv).
    documents = [d for file, _ in _resolve(annotated_paths) for d in _documents(file, [])
                 if not dated_only or document_year(d.get("meta") or {}) is not None]
    tables = build_tables(documents)
    texts = document_texts(documents)  # keyed as the tables are: one id in two inputs is two texts
    rows, adoption = [], {}
    for text in formulations:
        result = trace_tables(text, tables, texts)
        summary, first = result.summary, result.summary["first_use"] or {}
        by_level = result.first_use[result.first_use["by"] == "level"]
        rows.append({
            "text": text, "documents": summary["documents"], "mentions": summary["mentions"],
            "first_date": first.get("date") or first.get("year"), "first_doc": first.get("doc_id"),
            "first_level": first.get("level"), "first_place": first.get("place"),
            "first_national_year": summary["first_national_year"],
            "first_local_year": summary["first_local_year"], "national_first": summary["national_first"],
            "levels": " → ".join(f"{row.value} {'' if pandas.isna(row.year) else int(row.year)}".strip()
                                 for row in by_level.itertuples()),
            "places": int(result.mentions.loc[result.mentions["duplicate_of"].isna(), "place"].nunique()),
            "expansions": "; ".join(summary["expansions"])})
        adoption[text] = result.adoption
    return rows, adoption


# --- plotting (the helpers are in policy_nlp.apps.plots) ---------------------


def _plot_formulations(rows, out_dir, font):
    plt = chinese_pyplot()
    rows = rows[:20]
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.36 * len(rows) + 1.2)))
    labels = [r["text"] if font else f"F{i + 1}" for i, r in enumerate(rows)]
    y = list(range(len(rows)))[::-1]
    ax.barh(y, [r["documents"] for r in rows], color="#e0a800")
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    span = max([r["documents"] for r in rows] + [1])
    for yi, r in zip(y, rows):
        years = f"{r['first_year']}–{r['last_year']}" if r["first_year"] is not None else "year unknown"
        ax.text(r["documents"] + span * 0.01, yi, f"{r['documents']} docs, {r['mentions']}×, {years}",
                va="center", fontsize=8, color="#333")
    ax.set_xlim(0, span * 1.45)
    ax.set_xlabel("documents that use it (document frequency)")
    ax.set_title("Most frequent numbered formulations" + ("" if font else " (F1… keyed to the table)"))
    return save_figure(fig, out_dir, "formulations")


def _by_year(documents):
    years = defaultdict(list)
    for doc in documents:
        if doc["year"] is not None:
            years[doc["year"]].append(doc)
    return dict(sorted(years.items()))


def _plot_numbered(documents, out_dir):
    plt = chinese_pyplot()
    years = _by_year(documents)
    xs = list(years)
    per10k = [sum(d["numbered"] for d in ds) / max(1, sum(d["chars"] for d in ds)) * 10_000 for ds in years.values()]
    distinct = [sum(d["distinct_numbered"] for d in ds) / len(ds) for ds in years.values()]
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.bar(xs, per10k, color="#e0a800", label="numbered formulations per 10,000 chars")
    ax.set_ylabel("mentions per 10,000 characters")
    ax.set_xlabel("year")
    ax2 = ax.twinx()
    # Break the line where years are missing rather than bridge the gap.
    line_x, line_y = [], []
    for x, d in zip(xs, distinct):
        if line_x and x - line_x[-1] > 1:
            line_x.append(x - 0.5)
            line_y.append(math.nan)
        line_x.append(x)
        line_y.append(d)
    ax2.plot(line_x, line_y, color="#1f3b73", marker="o", markersize=3, linewidth=1.2,
             label="distinct formulations per document")
    ax2.set_ylabel("distinct per document")
    ax2.set_ylim(bottom=0)
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    # below the axes: inside, any corner hides a bar of some corpus (the tallest year may come first)
    ax.legend(handles, [h.get_label() for h in handles], loc="upper center", bbox_to_anchor=(0.5, -0.16),
              ncol=2, fontsize=8, frameon=False)
    ax.set_title("Numbered formulations by year")
    return save_figure(fig, out_dir, "numbered_by_year")


def _plot_diffusion(adoption, out_dir, font):
    """Cumulative documents using each formulation, by year (one step line each)."""
    plt = chinese_pyplot()
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for i, (text, frame) in enumerate(adoption.items()):
        if len(frame):
            cumulative_steps(ax, frame["year"], frame["cumulative_documents"], label=text if font else f"F{i + 1}")
    ax.set_xlabel("year")
    ax.set_ylabel("documents that have used it (cumulative)")
    ax.set_title("Diffusion of the most frequent formulations")
    ax.legend(loc="upper left", fontsize=8)
    return save_figure(fig, out_dir, "diffusion")


def topic_shares(topics):
    """``(years, labels, {label: [share per year]})`` from ``{year: {label: chars}}``;
    labels in codebook order when they are the default ones."""
    years = sorted(topics)
    try:
        from policy_nlp.apps.view import TOPIC_COLOURS
        order = list(TOPIC_COLOURS)
    except ImportError:  # pragma: no cover
        order = []
    present = {label for counts in topics.values() for label in counts}
    labels = [l for l in order if l in present] + sorted(present - set(order))
    shares = {label: [] for label in labels}
    for year in years:
        total = sum(topics[year].values())
        for label in labels:
            shares[label].append(topics[year].get(label, 0) / total if total else 0.0)
    return years, labels, shares


def _plot_topics(topics, out_dir, font, model_labels=()):
    plt = chinese_pyplot()
    years, labels, shares = topic_shares(topics)
    names = topic_names(set(model_labels) | set(labels)) if font else {}
    fig, ax = plt.subplots(figsize=(11, 5))
    bottom = [0.0] * len(years)
    for label in labels:
        ax.bar(years, shares[label], bottom=bottom, width=0.9, color=topic_colour(label, set(model_labels) | set(labels)),
               label=f"{label} {names.get(label, '')}".strip(), linewidth=0)
        bottom = [b + s for b, s in zip(bottom, shares[label])]
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of paragraph text")
    ax.set_xlabel("year")
    ax.set_title("Paragraph topics by year (share of characters)")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    return save_figure(fig, out_dir, "topics_by_year")


# --- writing ----------------------------------------------------------------------

def _write_csv(path, rows, fields):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: spreadsheet_cell(value) for key, value in row.items()})


def _table(rows, fields, headers=None, limit=None, empty="None."):
    if not rows:
        return f'<p class="muted">{escape(empty)}</p>'
    shown = rows[:limit] if limit else rows
    head = "".join(f"<th>{escape(h)}</th>" for h in (headers or fields))
    body = "".join("<tr>" + "".join(f"<td>{cell if field.startswith('_') else escape(row.get(field))}</td>"
                                    for field, cell in ((f, row.get(f)) for f in fields)) + "</tr>"
                   for row in shown)
    more = (f'<p class="muted">Showing {len(shown)} of {len(rows)}; all rows in the CSV file.</p>'
            if len(shown) < len(rows) else "")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


REPORT_CSS = """
body{margin:0 auto;max-width:1200px;padding:16px 24px 60px;font:14px/1.6 "Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:8px 0;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:3px 10px;text-align:left;vertical-align:top}
th{background:#f6f6f6}
td.num,th.num{text-align:right}
figure{margin:10px 0}figure img{max-width:100%;border:1px solid #eee}
figcaption{font-size:12px;color:#666}
.muted{color:#888}.bad{color:#b00000}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{border:1px solid #ddd;border-radius:6px;padding:6px 12px;min-width:130px}
.card b{display:block;font-size:20px}
mark{background:#ffd6d6}
nav a{margin-right:14px}
#js-errors{color:#b00000;white-space:pre-wrap}#js-errors:empty{display:none}
"""


# Marks the page once the plots have loaded (data-images="loaded/total"), and
# writes any script error into #js-errors: what a headless browser test reads.
REPORT_JS = """
(function(){
  var errs=document.getElementById('js-errors');
  window.addEventListener('error',function(e){errs.textContent+='error: '+(e.message||e.type)+'\\n';},true);
  window.addEventListener('load',function(){
    var imgs=document.images, ok=0;
    for(var i=0;i<imgs.length;i++){if(imgs[i].complete&&imgs[i].naturalWidth>0){ok++;}}
    document.body.setAttribute('data-images',ok+'/'+imgs.length);
  });
})();
"""


def build_report(annotated_paths, out_dir, *, top=30, title="policy_nlp corpus report", dated_only=False,
                 diffusion_top=10):
    """Write a corpus report of annotated documents into ``out_dir``.

    Parameters
    ----------
    annotated_paths : list of str or Path
        Annotated JSONL/JSON files, or output folders of ``policy-nlp
        annotate`` (their ``annotations.jsonl`` is read). An errors file
        beside each (``errors.jsonl``, or ``NAME.errors.jsonl`` for
        ``NAME.jsonl``) gives the documents that failed.
    out_dir : str or Path
        Folder for ``index.html``, the plots (PNG and SVG) and the CSV tables.
    top : int
        How many formulations the table and the chart show.
    dated_only : bool
        Leave out documents without a year (meta.year or meta.date).
    diffusion_top : int
        How many of the top formulations the diffusion section traces
        (:func:`diffusion`; needs pandas and pyarrow, else it is left out).

    Returns
    -------
    Path
        The ``index.html`` written.
    """
    try:
        import matplotlib  # noqa: F401  (checked before any file is written)
    except ImportError:
        raise ConfigError("the report's plots need matplotlib, which is not installed: "
                          "pip install 'policy_nlp[report]'") from None
    if isinstance(annotated_paths, (str, Path)):
        annotated_paths = [annotated_paths]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = collect(annotated_paths, dated_only=dated_only)
    rows = top_formulations(data["formulations"], n=0)
    top_rows = rows[:top]
    font = chinese_font()
    figures = _plots(data, top_rows, out_dir, font)
    spread, adoption = diffusion(annotated_paths, [r["text"] for r in rows[:diffusion_top]], dated_only)
    if spread is not None:
        _write_csv(out_dir / "diffusion.csv", spread, DIFFUSION_FIELDS)
        if any(len(frame) for frame in adoption.values()):
            figures["diffusion"] = _plot_diffusion(adoption, out_dir, font)
    data["diffusion"] = spread
    _write_tables(out_dir, data, rows)
    summary = _summary(data, rows, font)
    (out_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_text(_index(title, summary, top_rows, figures, data, font), encoding="utf-8")
    return index


def _plots(data, top_rows, out_dir, font):
    """The charts there is data for: {name: (png, svg)}."""
    figures = {}
    if top_rows:
        figures["formulations"] = _plot_formulations(top_rows, out_dir, font)
    if any(doc["year"] is not None for doc in data["documents"]):
        figures["numbered"] = _plot_numbered(data["documents"], out_dir)
    if any(data["topics"].values()):  # years whose paragraphs have no topic draw no chart
        figures["topics"] = _plot_topics(data["topics"], out_dir, font, data.get("topic_labels", ()))
    return figures


def _write_tables(out_dir, data, rows):
    """The CSV tables: formulations (ranked), documents, topic shares, mismatches, failed."""
    for i, row in enumerate(rows):
        row["rank"] = i + 1
    _write_csv(out_dir / "formulations.csv", rows,
               ["rank", "text", "number", "documents", "mentions", "first_year", "last_year", "years"])
    _write_csv(out_dir / "documents.csv", data["documents"],
               ["doc_id", "id", "title", "year", "chars", "paragraphs", "numbered", "distinct_numbered",
                "numbered_per_10k", "quoted", "lists", "mismatches"])
    years, labels, shares = topic_shares(data["topics"])
    _write_csv(out_dir / "topic_shares.csv",
               [{"year": y, **{l: round(shares[l][i], 4) for l in labels}} for i, y in enumerate(years)],
               ["year"] + labels)
    _write_csv(out_dir / "mismatches.csv", data["mismatches"],
               ["doc_id", "id", "year", "what", "text", "claimed", "found", "detail", "before", "after", "start"])
    _write_csv(out_dir / "failed.csv", _keyed(data["failed"]), ["doc_id", "id", "source", "reason", "errors_file"])


def _keyed(rows):
    """The failed documents' ``rows`` with their id as ``doc_id`` too, as the other CSVs
    have the key the export tables join on (:mod:`policy_nlp.apps.tables`; a document
    that failed has no row there)."""
    return [{"doc_id": row.get("id"), **row} for row in rows]


def _summary(data, rows, font):
    """``summary.json``: the corpus in numbers (also the report's cards)."""
    documents = data["documents"]
    known_years = sorted({d["year"] for d in documents if d["year"] is not None})
    return {
        "documents": len(documents), "failed": len(data["failed"]),
        "characters": sum(d["chars"] for d in documents),
        "years": [known_years[0], known_years[-1]] if known_years else None,
        "documents_without_year": sum(1 for d in documents if d["year"] is None),
        "left_out_undated": data["left_out_undated"],
        "exact_duplicates_left_out": len(data.get("duplicates", [])),
        "numbered_mentions": sum(d["numbered"] for d in documents),
        "distinct_formulations": len(rows),
        "quoted_mentions": sum(d["quoted"] for d in documents),
        "lists": sum(d["lists"] for d in documents),
        "checked": data["checked"], "mismatches": len(data["mismatches"]),
        "sources": data["sources"], "font": font,
        "made": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _figure(files, caption, alt):
    png, svg = files
    return (f'<figure><a href="{svg}"><img src="{png}" alt="{escape(alt)}"></a>'
            f'<figcaption>{escape(caption)} (<a href="{png}">PNG</a>, <a href="{svg}">SVG</a>)</figcaption></figure>')


def _index(title, summary, top_rows, figures, data, font):
    """The report's ``index.html``: the summary cards, then a section per chart and table."""
    tables = _index_tables(top_rows, data, font)
    fig = _figures_html(figures)
    checked = summary["checked"]
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policy_nlp report"><title>{escape(title)}</title><style>{REPORT_CSS}</style></head>
<body>
<h1>{escape(title)}</h1>
<p class="muted">Made {escape(summary["made"])} from {", ".join(escape(s) for s in summary["sources"])}.</p>
<nav><a href="#formulations">Formulations</a><a href="#by-year">By year</a><a href="#topics">Topics</a>
<a href="#diffusion">Diffusion</a><a href="#mismatches">Count mismatches</a><a href="#failed">Failed documents</a><a href="#documents">Documents</a></nav>
<div class="cards" id="summary">{_cards_html(summary)}</div>
{_notes_html(summary, font)}
<h2 id="formulations">Most frequent numbered formulations</h2>
<p>By document frequency: in how many documents a formulation appears; first and last year it appears.
All formulations: <a href="formulations.csv">formulations.csv</a>.</p>
{fig.get("formulations", "")}
{tables["formulations"]}
<h2 id="by-year">Numbered formulations by year</h2>
{fig.get("numbered", '<p class="muted">No document has a year.</p>')}
<p>Per document: <a href="documents.csv">documents.csv</a>.</p>
<h2 id="topics">Topic shares by year</h2>
{fig.get("topics", '<p class="muted">No paragraph topics with a year.</p>')}
<p>Shares: <a href="topic_shares.csv">topic_shares.csv</a>.</p>
<h2 id="diffusion">Diffusion of the top formulations</h2>
<p>Where and when each of the most frequent formulations was first used, and how it spread across levels
of government and places (exact duplicate documents counted once). Trace one formulation in full with
<code>policy-nlp trace FORMULATION ANNOTATED -o DIR</code>. Table: <a href="diffusion.csv">diffusion.csv</a>.</p>
{_diffusion_html(data, fig, font)}
<h2 id="mismatches">Count mismatches</h2>
<p>{summary["mismatches"]} mismatch(es) among {checked.get("slogans", 0)} formulation counts and
{checked.get("lists", 0)} list counts that could be checked. All: <a href="mismatches.csv">mismatches.csv</a>.</p>
{tables["mismatches"]}
<h2 id="failed">Documents that failed</h2>
{tables["failed"]}
<h2 id="documents">Documents</h2>
{tables["documents"]}
<div id="js-errors"></div>
<script>{REPORT_JS}</script>
</body></html>
"""


def _cards_html(summary):
    cards = [("documents", summary["documents"]), ("failed", summary["failed"]),
             ("characters", f"{summary['characters']:,}"),
             ("years", "–".join(map(str, summary["years"])) if summary["years"] else "unknown"),
             ("numbered mentions", summary["numbered_mentions"]),
             ("distinct formulations", summary["distinct_formulations"]),
             ("quoted terms", summary["quoted_mentions"]), ("lists", summary["lists"]),
             ("count mismatches", summary["mismatches"])]
    return "".join(f'<div class="card"><b>{escape(v)}</b>{escape(k)}</div>' for k, v in cards)


def _labelled(rows, font):
    """The rows with a ``label``: the formulation, keyed F1, F2 … as in the charts when there is no Chinese font."""
    return [{**r, "label": r["text"] if font else f"F{i + 1} {r['text']}"} for i, r in enumerate(rows)]


def _index_tables(top_rows, data, font):
    """The HTML tables of formulations, mismatches, failed documents and documents."""
    form_table = _table(_labelled(top_rows, font), ["rank", "label", "number", "documents", "mentions", "first_year", "last_year"],
                        ["#", "formulation", "number", "documents", "mentions", "first year", "last year"],
                        empty="No numbered formulations in these documents.")
    mism_rows = [{**m, "_context": f'{escape(m["before"])}<mark>{escape(m["text"])}</mark>{escape(m["after"])}'}
                 for m in data["mismatches"]]
    mism_table = _table(mism_rows, ["id", "year", "what", "claimed", "found", "_context", "detail"],
                        ["document", "year", "what", "claimed", "found", "context", "members / items found"],
                        limit=300, empty="No count mismatches.")
    failed_table = _table(data["failed"], ["id", "source", "reason"], ["id", "source", "reason"],
                          empty="No failed documents" + ("" if data["failed"] else
                                                         " (or no errors file beside the annotations)") + ".")
    # a document without a title is shown by its id; documents.csv leaves its title empty, as the
    # export tables do (the id is a column of its own)
    named = [{**d, "name": d["title"] or d["id"]} for d in data["documents"]]
    doc_table = _table(sorted(named, key=lambda d: (d["year"] is None, d["year"] or 0, str(d["id"]))),
                       ["year", "name", "chars", "numbered", "distinct_numbered", "numbered_per_10k", "quoted",
                        "lists", "mismatches"],
                       ["year", "document", "chars", "numbered", "distinct", "per 10k chars", "quoted", "lists",
                        "mismatches"], limit=500)
    return {"formulations": form_table, "mismatches": mism_table, "failed": failed_table,
            "documents": doc_table}


def _figures_html(figures):
    """Each chart as an HTML figure with its caption: {name: html}."""
    return {k: _figure(v, *caps) for k, v, caps in (
        (k, v, {"formulations": ("The most frequent numbered formulations by document frequency",
                                 "bar chart of formulations"),
                "numbered": ("Numbered formulations per 10,000 characters (bars) and distinct formulations "
                             "per document (line), by year", "numbered formulations by year"),
                "topics": ("Share of paragraph characters by topic and year (paragraphs without a topic "
                           "left out)", "stacked chart of topic shares by year"),
                "diffusion": ("Documents that have used each formulation, cumulative by year",
                              "adoption curves of the top formulations")}[k])
        for k, v in figures.items())}


def _notes_html(summary, font):
    """Notes on documents without a year, duplicates and a missing Chinese font."""
    no_year = (f'<p class="muted">{summary["documents_without_year"]} document(s) have no year '
               f'(meta.year or meta.date) and are left out of the charts by year.</p>'
               if summary["documents_without_year"] else "")
    if summary["left_out_undated"]:
        no_year += (f'<p class="muted">{summary["left_out_undated"]} document(s) without a year were '
                    f'left out (--dated-only).</p>')
    if summary["exact_duplicates_left_out"]:
        no_year += (f'<p class="muted">{summary["exact_duplicates_left_out"]} exact duplicate document(s) '
                    f'(same text as one before them, meta.sha1) were counted once.</p>')
    font_note = ("" if font else '<p class="muted">No font with Chinese characters was found, so the '
                 'charts label formulations F1, F2 … as in the table.</p>')
    return no_year + font_note


def _diffusion_html(data, fig, font):
    """The diffusion section's chart and table, or how to get them."""
    if data.get("diffusion") is None:
        diffusion_html = ('<p class="muted">Install pandas and pyarrow (pip install '
                          "'policy_nlp[tables]') for this section.</p>")
    else:
        diffusion_html = fig.get("diffusion", "") + _table(
            _labelled(data["diffusion"], font),
            ["label", "documents", "first_date", "first_doc", "first_level", "first_place", "first_national_year",
             "first_local_year", "national_first", "levels", "places", "expansions"],
            ["formulation", "documents", "first use", "in document", "level", "place", "first national year",
             "first local year", "national first", "levels reached (first year)", "places", "expansions"],
            empty="No numbered formulations to trace.")
    return diffusion_html
