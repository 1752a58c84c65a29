"""The export tables and the corpus report checked against plain Python on the raw corpora.

A researcher's check of the numbers that go into papers: for some formulations it counts
their string in each raw document with ``str.count`` and compares the count with the rows of
the ``formulations`` table (per document and per year) and with the report's
``formulations.csv`` (documents, mentions, first and last year); it recomputes topic shares by
year, each document's main topic and the report's per-document counts from the annotated JSON;
and it checks that the tables agree with each other (every table joins ``documents`` on
``doc_id`` with the same year and level, list items add up to ``lists.items``).

Documented conventions are applied, not counted as disagreements: a Traditional or
pinyin-glossed page is counted in its annotated (Simplified, unglossed) text (docs/schema.md,
*Mangled web text*); a mention inside a longer formulation (“和平统一、一国两制”) is that
formulation's row, so a document whose count matches ``canonical LIKE '%X%'`` is "nested"
(docs/schema.md, *formulations*). What is left is printed with its context, for reading.
The blind local excerpts, the 2023 national work report (and its resolution) and
shandong-6 are left out.

Usage (from the checkout; ids as ``annotate`` gives them without ``--id-column``)::

    policy-nlp annotate ../shared/corpora/national/government_work_reports.jsonl \\
        --text-column content -o out/national/
    policy-nlp annotate ../shared/corpora/local_speeches/excerpts.jsonl -o out/local/
    PYTHONPATH=$PWD python benchmarks/table_check.py out/national out/local [--work /tmp/table_check]
"""

import argparse
import collections
import csv
import json
import re
import tempfile
from pathlib import Path

import duckdb

from policy_nlp.apps.local_training import gold_excerpt_ids
from policy_nlp.apps.report import build_report
from policy_nlp.apps.tables import export
from policy_nlp.io.annotated import read_documents
from policy_nlp.stages.canonical import canonical

CORPORA = Path("../shared/corpora")
RAW = {"government_work_reports": (CORPORA / "national" / "government_work_reports.jsonl", "content"),
       "excerpts": (CORPORA / "local_speeches" / "excerpts.jsonl", "text")}
LEFT_OUT = gold_excerpt_ids(parts=("blind",)) | {"government_work_reports:5", "government_work_reports:6",
                                                 "shandong-6"}
SLOGANS = ("十四五", "十三五", "两个维护", "四个全面", "四个意识", "三农", "放管服", "三个代表", "一国两制",
           "八项规定")


def raw_texts():
    """``{id: raw text}`` of the corpora, ids as annotate gives them (JSONL ``id``, else FILE:LINE)."""
    texts = {}
    for stem, (path, column) in RAW.items():
        for number, line in enumerate(path.open(encoding="utf-8"), 1):
            record = json.loads(line)
            texts[str(record.get("id") or f"{stem}:{number}")] = record[column]
    return texts


def counted_text(doc, raw):
    """The text a formulation's string is counted in, and why when it is not the raw text."""
    meta = doc.get("meta") or {}
    if meta.get("script") == "traditional":
        return doc["text"], "traditional"
    if any(r.get("reason") == "pinyin gloss" for r in meta.get("removed") or []):
        return doc["text"], "pinyin gloss"
    return raw, None


class Tally:
    """Agreements and disagreements, by check."""

    def __init__(self):
        self.counts = collections.defaultdict(collections.Counter)

    def __call__(self, check, mine, theirs, what=""):
        same = mine == theirs
        self.counts[check]["agree" if same else "disagree"] += 1
        if not same:
            print(f"  {check}: {what} mine {mine!r}, tables {theirs!r}")
        return same


def check_formulations(con, docs, raws, tally):
    """Per document and per year: str.count against the formulations table."""
    year = dict(con.execute("select doc_id, year from documents").fetchall())
    conventions, nested = collections.Counter(), collections.Counter()
    for slogan in SLOGANS:
        rows = dict(con.execute("select doc_id, count(*) from formulations where canonical = ? group by 1",
                                [slogan]).fetchall())
        holding = dict(con.execute("select doc_id, count(*) from formulations where canonical like ? group by 1",
                                   [f"%{slogan}%"]).fetchall())
        per_year, table_year = collections.Counter(), collections.Counter()
        for doc in docs:
            text, why = counted_text(doc, raws.get(doc["id"], doc["text"]))
            mine = text.count(slogan)
            if why and mine:
                conventions[why] += 1
            theirs = rows.get(doc["id"], 0)
            if mine != theirs and mine == holding.get(doc["id"], 0):
                nested[slogan] += mine - theirs
                mine = theirs   # explained: the per-year count takes the table's
            elif not tally("per document", mine, theirs, f"{slogan} in {doc['id']}") and mine:
                at = text.find(slogan)
                print(f"    {text[max(0, at - 15):at + len(slogan) + 15]!r}")
            per_year[year[doc["id"]]] += mine
            table_year[year[doc["id"]]] += theirs
        for y in set(per_year) | set(table_year):
            tally("per year", per_year[y], table_year[y], f"{slogan} in {y}")
    print(f"  documented conventions: counted in the annotated text {dict(conventions)}; "
          f"mentions nested in a longer formulation {dict(nested)}")


def check_report(con, docs, report, tally):
    """The report's CSVs against the tables and the annotated JSON."""
    def rows(name):
        return list(csv.DictReader((report / name).open(encoding="utf-8-sig")))
    formulations = {r["text"]: r for r in rows("formulations.csv")}
    for slogan in SLOGANS:
        got = con.execute("select count(distinct doc_id), count(*), min(year), max(year), count(distinct year) "
                          "from formulations where canonical = ?", [slogan]).fetchone()
        r = formulations.get(slogan)
        tally("formulations.csv", [str(v) for v in got], r and [r["documents"], r["mentions"], r["first_year"],
                                                              r["last_year"], r["years"]], slogan)
    shares = {r["year"]: r for r in rows("topic_shares.csv")}
    chars = collections.defaultdict(collections.Counter)
    year = dict(con.execute("select doc_id, year from documents").fetchall())
    for doc in docs:
        for p in doc["paragraphs"]:
            if year[doc["id"]] is not None and p.get("topic"):
                chars[year[doc["id"]]][p["topic"]["label"]] += p["end"] - p["start"]
    for y, counts in chars.items():
        total = sum(counts.values())
        for label, n in counts.items():
            tally("topic_shares.csv", round(n / total, 4), float(shares[str(y)][label]), f"{y} {label}")
    per_doc = {r["id"]: r for r in rows("documents.csv")}
    main = {d: (t, s) for d, t, s in
            con.execute("select doc_id, main_topic, main_topic_share from documents").fetchall()}
    for doc in docs:
        numbered = [canonical(s["text"]) for s in doc["slogans"] if s["kind"] == "numbered"]
        r = per_doc[doc["id"]]
        tally("documents.csv", [len(numbered), len(set(numbered)), len(doc["slogans"]) - len(numbered),
                                len(doc["lists"]), round(len(numbered) / max(len(doc["text"]), 1) * 1e4, 2)],
              [int(r["numbered"]), int(r["distinct_numbered"]), int(r["quoted"]), int(r["lists"]),
               float(r["numbered_per_10k"])], doc["id"])
        by_area = collections.Counter()
        for p in doc["paragraphs"]:
            if p.get("topic"):
                by_area[p["topic"]["label"]] += p["end"] - p["start"]
        areas = {k: v for k, v in by_area.items() if k != "general"}
        top = max(areas, key=areas.get) if areas else None
        tally("main topic", (top, round(areas[top] / sum(by_area.values()), 4) if top else None),
              main[doc["id"]], doc["id"])


def check_joins(con, tally):
    """Every table joins documents on doc_id, with the document's year (and level where it has one)."""
    for name in ("paragraphs", "formulations", "lists", "list_items"):
        level = "or t.level is distinct from d.level" if name in ("paragraphs", "formulations") else ""
        bad = con.execute(f"select count(*) from {name} t left join documents d using (doc_id) "
                          f"where d.doc_id is null or t.year is distinct from d.year {level}").fetchone()[0]
        tally("joins on doc_id", bad, 0, name)
    bad = con.execute("select count(*) from lists l where items <> (select count(*) from list_items i "
                      "where i.doc_id = l.doc_id and i.list = l.list)").fetchone()[0]
    tally("lists.items = list_items", bad, 0)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotated", nargs="+", help="annotate output folders or files")
    parser.add_argument("--work", default=None,
                        help="folder for the tables and the report (default: a temporary one)")
    args = parser.parse_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="table_check_"))
    docs = [d for d in read_documents(args.annotated) if str(d["id"]) not in LEFT_OUT]
    kept = work / "annotations.jsonl"   # the documents checked, as one input of export and report
    work.mkdir(parents=True, exist_ok=True)
    kept.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    export([kept], work / "tables")
    build_report([kept], work / "report")
    raws = raw_texts()
    tally = Tally()
    with duckdb.connect(str(work / "tables" / "corpus.duckdb"), read_only=True) as con:
        check_formulations(con, docs, raws, tally)
        check_report(con, docs, work / "report", tally)
        check_joins(con, tally)
    for check, counts in tally.counts.items():
        print(f"{check}: {counts['agree']} agree, {counts['disagree']} disagree")
    print(f"{len(docs)} documents; tables and report in {work}")


if __name__ == "__main__":
    main()
