"""Trace one formulation through a corpus: where and when it was used, and how it spread.

:func:`trace` finds every mention of a formulation (by its canonical form,
so “十三五” and 十三五 are one) in annotated documents and gives

* ``mentions`` — one row per mention with the document's ``doc_id`` (its key
  in the tables: one id read in two inputs is ``ID`` and ``ID#2``) and ``id``
  (as read), date, year, place, level and the context around it;
* ``first_use`` — the first use overall, per level and per place;
* ``adoption`` — by year, the cumulative number of documents and of distinct
  places (and levels) that have used it: the adoption curve;
* ``summary`` — counts, the first use, and whether national text used it
  first: the first year of a ``level == "national"`` document (mark a
  national corpus with ``--meta-columns`` or ``meta.level``; reports of the
  State Council are inferred as national from their text) against the first
  local year, and whether the packaged national lexicon lists it (with its
  ``first_year`` when the lexicon has that column); and, when it has no
  mention, ``closest``: the formulations the documents do hold that come
  nearest (:func:`closest_formulations`: 5个坚持 finds 五个坚持).

``policy-nlp trace FORMULATION ANNOTATED... -o DIR`` writes them as CSV,
``summary.json`` and the plot ``adoption.png``/``.svg``.
"""

import difflib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policy_nlp.apps.tables import build_tables, document_texts
from policy_nlp.io.annotated import read_documents
from policy_nlp.lang.numerals import DIGITS, UNITS, number
from policy_nlp.stages.canonical import canonical

__all__ = ["trace", "trace_tables", "closest_formulations", "Trace"]

CONTEXT = 30
# closest_formulations: how many, and the least similarity (difflib's ratio) of one
CLOSEST, MIN_SIMILARITY = 5, 0.5
_NUMERAL = re.compile(f"[0-9{''.join(DIGITS)}{''.join(UNITS)}]+")


@dataclass
class Trace:
    """The result of :func:`trace` (pandas DataFrames and a summary dict)."""
    formulation: str
    mentions: Any     # pandas.DataFrame
    first_use: Any    # pandas.DataFrame
    adoption: Any     # pandas.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)


def _sort_key(frame):
    # dated mentions by date; a mention with a year only sorts after that year's dated ones
    return frame.assign(_when=frame["date"].fillna("").where(frame["date"].notna(),
                                                             frame["year"].astype("string").fillna("9999") + "-99"))


def _lexicon_entry(key):
    """The row of the packaged national lexicon whose term has canonical form ``key``, or None.

    The row is read as a dict of the TSV's columns, so a ``first_year``
    column, when the lexicon has one, comes with it.
    """
    import csv
    path = Path(__file__).resolve().parents[1] / "data" / "policy_lexicon.tsv"  # as default_lexicon()
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return next((row for row in rows if canonical(row.get("term") or "") == key), None)


def trace(formulation: str, inputs: Any) -> Trace:
    """Every mention of ``formulation`` in ``inputs``, its first use and its spread.

    Parameters
    ----------
    formulation : str
        The formulation, in any variant (“十三五”, 十 三 五 …).
    inputs : iterable
        Annotated files, ``annotate`` output folders or document dicts.

    Returns
    -------
    Trace
        ``mentions``, ``first_use``, ``adoption`` (DataFrames) and ``summary``.

    Examples
    --------
    >>> import policy_nlp
    >>> from policy_nlp.io.output import doc_to_dict
    >>> nlp = policy_nlp.load(stages=["paragraphs", "slogans"], lexicon=False)
    >>> docs = [doc_to_dict(policy_nlp.annotate(t, nlp, id=i, meta=m)) for i, t, m in [
    ...     ("a", "同志们：\\n全县要落实“河长制”。", {"date": "2017-03-01", "position": "县委书记"}),
    ...     ("b", "各位代表：\\n全面推行“河长制”。", {"year": 2016, "level": "national"})]]
    >>> result = trace("河长制", docs)
    >>> result.summary["first_use"]["doc_id"], result.summary["national_first"]
    ('b', True)
    >>> result.mentions[["doc_id", "level", "year"]].values.tolist()
    [['b', 'national', 2016], ['a', 'county', 2017]]
    """
    documents = list(read_documents([inputs] if isinstance(inputs, (str, Path, dict)) else inputs))
    return trace_tables(formulation, build_tables(documents), document_texts(documents))


def _mentions(key, tables, texts):
    """The rows of ``formulations`` whose canonical form is ``key``, in the order of their
    date, with the document's id as read, title, the document they copy and their context."""
    docs = tables["documents"].set_index("doc_id")  # doc_id is unique: one id read twice is ID, ID#2
    rows = tables["formulations"]
    rows = rows[rows["canonical"] == key].copy()
    rows["id"] = rows["doc_id"].map(docs["id"])
    rows["title"] = rows["doc_id"].map(docs["title"])
    rows["duplicate_of"] = rows["doc_id"].map(docs["duplicate_of"]).where(rows["duplicate"], None)
    # a term of the title only (``in_title``: offsets into the title) is read in its title
    rows["context"] = [(title if in_title else texts[d][max(0, s - CONTEXT):e + CONTEXT]).replace("\n", " ")
                       for d, s, e, title, in_title in zip(rows["doc_id"], rows["start"], rows["end"],
                                                           rows["title"], rows["in_title"])]
    rows = _sort_key(rows).sort_values(["_when", "doc_id", "start"], kind="stable")
    mentions = rows.drop(columns="_when")[["doc_id", "id", "date", "year", "place", "level", "title", "text",
                                           "canonical", "number", "expansion", "topic", "paragraph", "start",
                                           "end", "in_title", "context", "duplicate_of"]].reset_index(drop=True)
    mentions["year"] = mentions["year"].astype("Int64")
    return mentions


def trace_tables(formulation: str, tables: dict[str, Any], texts: dict[str, str]) -> Trace:
    """:func:`trace` on tables already built: one corpus read for many formulations.

    Parameters
    ----------
    formulation : str
        The formulation, in any variant.
    tables : dict
        pandas tables of :func:`~policy_nlp.apps.tables.build_tables`.
    texts : dict
        ``{doc_id: text}`` of the documents (for the mentions' context), keyed
        as the tables are: :func:`~policy_nlp.apps.tables.document_texts`.
    """
    import pandas as pd
    key = canonical(formulation)
    if not key:  # every document would "hold" it, and every numeral-only form would come close
        raise ValueError(f"nothing to trace: {formulation!r} is blank")
    mentions = _mentions(key, tables, texts)
    counted = mentions[mentions["duplicate_of"].isna()]  # an exact duplicate document counts once

    def first(frame, by):
        if frame.empty:
            return pd.DataFrame(columns=["by", "value", "doc_id", "date", "year", "documents"])
        group = frame.groupby(by, dropna=True, sort=False)
        out = group.head(1)[[by, "doc_id", "date", "year"]].rename(columns={by: "value"})
        out["documents"] = out["value"].map(group["doc_id"].nunique())
        out.insert(0, "by", by)
        return out

    overall = counted.head(1).assign(by="overall", value="")[["by", "value", "doc_id", "date", "year"]]
    overall["documents"] = counted["doc_id"].nunique()
    first_use = pd.concat([overall, first(counted, "level"), first(counted, "place")],
                          ignore_index=True)
    first_use["year"] = first_use["year"].astype("Int64")

    dated = counted.dropna(subset=["year"])
    adoption = []
    seen_docs, seen_places, seen_levels = set(), set(), set()
    for year, group in dated.groupby("year", sort=True):
        seen_docs.update(group["doc_id"])
        seen_places.update(group["place"].dropna())
        seen_levels.update(group["level"].dropna())
        adoption.append({"year": int(year), "mentions": len(group), "documents": group["doc_id"].nunique(),
                         "cumulative_documents": len(seen_docs), "cumulative_places": len(seen_places),
                         "cumulative_levels": len(seen_levels)})
    adoption = pd.DataFrame(adoption, columns=["year", "mentions", "documents", "cumulative_documents",
                                               "cumulative_places", "cumulative_levels"])

    national = dated[dated["level"] == "national"]
    local = dated[dated["level"].notna() & (dated["level"] != "national")]
    entry = _lexicon_entry(key)
    lexicon_year = entry.get("first_year") if entry else None
    summary = {
        "formulation": formulation, "canonical": key, "mentions": int(len(counted)),
        "documents": int(counted["doc_id"].nunique()),
        "duplicate_mentions_left_out": int(len(mentions) - len(counted)),
        "variants": sorted(counted["text"].unique().tolist()),
        # the member lists documents spell out for it (two spellings of a list group as one)
        "expansions": {str(k): int(v) for k, v in
                       counted.dropna(subset=["expansion"]).groupby("expansion")["doc_id"].nunique().items()},
        "first_use": None if counted.empty else
        {k: (None if pd.isna(v) else (int(v) if k == "year" else v))
         for k, v in counted.iloc[0][["doc_id", "date", "year", "place", "level", "title"]].items()},
        "first_national_year": int(national["year"].min()) if len(national) else None,
        "first_local_year": int(local["year"].min()) if len(local) else None,
        "in_national_lexicon": entry is not None,
        "lexicon_first_year": int(lexicon_year) if lexicon_year else None,
        "closest": [] if len(counted) else closest_formulations(formulation, tables, texts),
    }
    summary["national_first"] = _national_first(summary, national, local)
    return Trace(formulation, mentions, first_use, adoption, summary)


def _numbers_as_values(key):
    """``key`` with each numeral read as its value, so that 5个坚持 and 五个坚持 agree."""
    return _NUMERAL.sub(lambda m: str(value) if (value := number(m.group())) is not None else m.group(), key)


def _similarity(a, b):
    """How close two canonical forms are (0–1): the mean of difflib's ratio of the
    whole forms, numerals read as values, and of the words beside the numerals
    alone, so that 四个坚持 comes nearer to 5个坚持 than 五个关键 does."""
    def ratio(x, y):
        return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()
    a, b = _numbers_as_values(a), _numbers_as_values(b)
    words_a, words_b = _NUMERAL.sub("", a), _NUMERAL.sub("", b)
    if not (words_a or words_b):  # numerals alone (十四五, 123): difflib calls two empty strings equal
        return ratio(a, b)
    return (ratio(a, b) + ratio(words_a, words_b)) / 2


def closest_formulations(formulation: str, tables: dict[str, Any], texts: dict[str, str]) -> list[dict[str, Any]]:
    """The formulations of the tables nearest to ``formulation``: what to trace instead of nothing.

    Canonical forms are compared with their numerals read as values (5个坚持
    is 五个坚持) by :class:`difflib.SequenceMatcher`, on the whole form and on
    its words beside the numerals; the :data:`CLOSEST` nearest are given
    (those holding the formulation or held by it first — 河长制 for 河长 —
    then those of similarity at least :data:`MIN_SIMILARITY`, then those of
    the same number — 五个关键 for 5个坚持; within each, the more similar and
    then the more documents first), each with its number of documents and
    mentions, exact duplicate documents counted once.

    Parameters
    ----------
    formulation : str
    tables, texts
        As for :func:`trace_tables`.

    Returns
    -------
    list of dict
        ``{"canonical", "similarity", "documents", "mentions"}``; first, when
        the texts hold the formulation's canonical form although no mention
        has it (河长 inside 河长制, or words the slogan stage does not take for
        a formulation), ``{"in_text": key, "documents", "mentions"}``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = {"documents": pd.DataFrame({"doc_id": ["a", "b"], "duplicate": [False, False]}),
    ...      "formulations": pd.DataFrame({"doc_id": ["a", "a", "b"], "canonical": ["五个坚持", "四个全面", "五个坚持"],
    ...                                    "duplicate": [False, False, False]})}
    >>> closest_formulations("5个坚持", t, {"a": "", "b": ""})
    [{'canonical': '五个坚持', 'similarity': 1.0, 'documents': 2, 'mentions': 2}]
    """
    key = canonical(formulation)
    rows = tables["formulations"]
    counts = rows[~rows["duplicate"]].groupby("canonical")["doc_id"].agg(["nunique", "size"])
    want = _numbers_as_values(key)
    numeral = _NUMERAL.search(want)
    scored: list[tuple[int, dict[str, Any]]] = []
    for form, (documents, mentions) in counts.iterrows():
        similarity, value = _similarity(key, form), _numbers_as_values(form)
        # 0: holds it or is held by it, 1: similar, 2: the same number, None: not close
        rank = 0 if len(value) > 1 and (want in value or value in want) else \
            1 if similarity >= MIN_SIMILARITY else \
            2 if numeral and (match := _NUMERAL.search(value)) and match.group() == numeral.group() else None
        if rank is not None and form != key:
            scored.append((rank, {"canonical": form, "similarity": round(similarity, 2),
                                  "documents": int(documents), "mentions": int(mentions)}))
    nearest = [row for _, row in sorted(scored, key=lambda s: (s[0], -s[1]["similarity"], -s[1]["documents"],
                                                               s[1]["canonical"]))]
    docs = tables["documents"]
    in_text = [texts[doc_id].count(key) for doc_id in docs.loc[~docs["duplicate"], "doc_id"]
               if key and key in texts.get(doc_id, "")]
    found = [{"in_text": key, "documents": len(in_text), "mentions": sum(in_text)}] if in_text else []
    return found + nearest[:CLOSEST]


def _national_first(summary, national, local):
    """True when national text used the formulation before local text, False
    when after, None when unknown: no national or no local use, or both first
    in the same year without full dates on both sides to order them (a
    report dated only by its year and a speech of 2 February)."""
    years = [y for y in (summary["first_national_year"], summary["lexicon_first_year"]) if y is not None]
    local_year = summary["first_local_year"]
    if not years or local_year is None:
        return None
    if min(years) != local_year:
        return min(years) < local_year
    if summary["lexicon_first_year"] == local_year:
        return None  # the lexicon knows only the year
    def first_date(rows):
        dates = rows.loc[rows["year"] == local_year, "date"].dropna()
        dates = dates[dates.astype(str).str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
        return dates.min() if len(dates) else None
    national_date, local_date = first_date(national), first_date(local)
    if national_date is None or local_date is None:
        return None
    return national_date <= local_date


def plot_adoption(result: Trace, out_dir: "str | os.PathLike[str]") -> Any:
    """The adoption curve of a :class:`Trace` as ``adoption.png`` and ``.svg`` in ``out_dir``
    (dated documents; the title says how many undated ones it leaves out)."""
    from policy_nlp.apps.plots import chinese_font, chinese_pyplot, cumulative_steps, save_figure
    plt = chinese_pyplot()
    frame = result.adoption
    fig, ax = plt.subplots(figsize=(8, 4))
    cumulative_steps(ax, frame["year"], frame["cumulative_documents"], label="documents (cumulative)",
                     color="#c0392b")
    cumulative_steps(ax, frame["year"], frame["cumulative_places"], label="named places (cumulative)",
                     color="#2471a3")
    cumulative_steps(ax, frame["year"], frame["cumulative_levels"], label="levels (cumulative)",
                     color="#27ae60", linestyle="--")
    ax.bar(frame["year"], frame["documents"], color="#e0a800", alpha=0.5, label="documents that year")
    name = result.summary["canonical"] if chinese_font() else "the formulation"
    # the curve counts dated documents only; say so when the total on the summary is larger
    undated = result.summary["documents"] - int(frame["cumulative_documents"].iloc[-1])
    ax.set_title(f"Adoption of {name}" + (f" ({undated} undated document{'s' * (undated > 1)} not shown)"
                                          if undated > 0 else ""))
    ax.set_xlabel("year")
    ax.set_ylabel("count")
    ax.legend(loc="upper left")
    return save_figure(fig, Path(out_dir), "adoption")


def write_trace(result: Trace, out_dir: "str | os.PathLike[str]") -> None:
    """Write ``mentions.csv``, ``first_use.csv``, ``adoption.csv``, ``summary.json`` and the plot."""
    from policy_nlp.apps.plots import write_spreadsheet_csv
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("mentions", "first_use", "adoption"):  # as the report's CSVs
        write_spreadsheet_csv(getattr(result, name), out_dir / f"{name}.csv")
    (out_dir / "summary.json").write_text(json.dumps(result.summary, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    if len(result.adoption):
        plot_adoption(result, out_dir)
