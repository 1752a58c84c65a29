"""A paper's numbers from the export tables: attention to agriculture and the environment and the
density of numbered formulations in the national work reports by decade, and in the local
speeches by level of government and by decade (docs/evaluation.md, *paper23*).

Shares are of characters: a topic's paragraph characters over the characters of the paragraphs
that have a topic (as the report's ``topic_shares.csv``); the paragraph-count share is printed
beside it. Density is numbered-formulation mentions in the text (not the title's own terms) per
10,000 characters of the documents' text. The NPC resolutions on the reports (titles with 决议)
are left out of the national figures, the blind local excerpts out of the local ones; nothing is
printed per document.

Usage (from the checkout)::

    policy-nlp annotate ../shared/corpora/national/government_work_reports.jsonl \\
        --text-column content --id-column title -o out/national/
    policy-nlp annotate ../shared/corpora/local_speeches/excerpts.jsonl -o out/local/
    policy-nlp export out/national/ out/local/ -o out/tables/
    PYTHONPATH=$PWD python benchmarks/study_agri_env.py out/tables
"""

import argparse

import pandas as pd

from policy_nlp.apps.local_training import gold_excerpt_ids
from policy_nlp.apps.tables import year_partitioning

AREAS = ["agriculture_rural", "environment"]


def read(tables, name):
    """One export table, nullable integers kept (an undated document's year is <NA>)."""
    return pd.read_parquet(f"{tables}/{name}", partitioning=year_partitioning(), dtype_backend="numpy_nullable")


def shares(paragraphs, by):
    """Share of characters and of paragraphs of each area among the classified paragraphs."""
    p = paragraphs[paragraphs["topic"].notna()].assign(chars=lambda f: f["end"] - f["start"])
    chars = p.groupby([by, "topic"], dropna=False)["chars"].sum().unstack(fill_value=0)
    count = p.groupby([by, "topic"], dropna=False).size().unstack(fill_value=0)
    out = pd.DataFrame(index=chars.index)
    for area in AREAS:
        out[f"{area}_chars"] = (chars.get(area, 0) / chars.sum(axis=1)).round(3)
        out[f"{area}_paras"] = (count.get(area, 0) / count.sum(axis=1)).round(3)
    return out


def density(documents, formulations, by):
    """Documents, characters, numbered mentions in the text and mentions per 10,000 characters."""
    numbered = formulations[(formulations["kind"] == "numbered") & ~formulations["in_title"]]
    docs = documents.assign(mentions=documents["doc_id"].map(numbered.groupby("doc_id").size()).fillna(0))
    out = docs.groupby(by, dropna=False).agg(documents=("doc_id", "size"), chars=("chars", "sum"),
                                             mentions=("mentions", "sum"))
    out["per_10k"] = (out["mentions"] / out["chars"] * 10_000).round(1)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tables", help="folder written by policy-nlp export")
    tables = parser.parse_args().tables
    docs, paras, forms = (read(tables, name) for name in ("documents", "paragraphs", "formulations"))
    blind = gold_excerpt_ids(parts=("blind",))
    docs = docs[~docs["doc_id"].isin(blind)].assign(decade=lambda d: d["year"] // 10 * 10)
    national = docs[(docs["level"] == "national") & ~docs["title"].str.contains("决议", na=False)
                    & docs["source"].str.contains("government_work_reports", na=False)]
    local = docs[docs["source"].str.contains("local_speeches", na=False)]
    pd.set_option("display.width", 160)
    for name, corpus, groups in (("national work reports", national, ["decade"]),
                                 ("local speeches", local, ["level", "decade"])):
        decade = corpus.set_index("doc_id")["decade"]
        p = paras[paras["doc_id"].isin(corpus["doc_id"])].assign(decade=lambda f: f["doc_id"].map(decade))
        f = forms[forms["doc_id"].isin(corpus["doc_id"])].assign(decade=lambda f: f["doc_id"].map(decade))
        print(f"== {name}: {len(corpus)} documents, {int(corpus['chars'].sum()):,} characters")
        for by in groups:
            print(density(corpus, f, by).join(shares(p, by)).to_string(), "\n")
        top = (f[f["kind"] == "numbered"].groupby(["decade", "canonical"], dropna=False).size()
               .rename("mentions").reset_index().sort_values(["decade", "mentions"], ascending=[True, False]))
        for dec, rows in top.groupby("decade", dropna=False):
            print(dec, " ".join(f"{r.canonical} {r.mentions}" for r in rows.head(5).itertuples()))
        print()


if __name__ == "__main__":
    main()
