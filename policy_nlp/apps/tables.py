"""Tidy tables of annotated documents: pandas, Arrow, Parquet and DuckDB.

:func:`build_tables` turns annotated JSONL/JSON (the output of
``policy-nlp annotate``) into five tables with stable names and columns
(``docs/schema.md``, *Tables*):

* ``documents`` — one row per document, its ``meta`` flattened and its main
  topic (:func:`~policy_nlp.stages.topics.classify.main_area`);
* ``paragraphs`` — one row per paragraph, with its text, topic, score, the
  document's level and the topic's codes in each crosswalk (``cap_codes`` …);
* ``formulations`` — one row per slogan mention, with the paragraph and
  sentence it sits in (a term of the title that the text does not name:
  ``in_title``, offsets into the title), its canonical form
  (:func:`~policy_nlp.stages.canonical.canonical`), the expansion its
  document spells out (:func:`~policy_nlp.stages.canonical.link_expansions`:
  a bare 三清 gets 清垃圾、清河道、清路障) and the paragraph's topic;
* ``lists`` and ``list_items`` — the numbered lists and their items.

Every table carries ``doc_id``, the document's key, and ``year`` (the
Parquet partition key), copied into every row so that counting per year needs
no join. ``doc_id`` is the document's id, made unique as the readers make an
id repeated in one input (:class:`~policy_nlp.io.corpus.UniqueIds`): one id
in two inputs (two CSVs each numbering its rows from 1) is ``1`` and ``1#2``;
``documents.id`` keeps the id as read. :func:`document_texts` keys the texts
alike (``trace`` and ``report`` read the mentions' context there). :func:`export` writes the tables as Parquet datasets
partitioned by ``year`` (``DIR/formulations/year=2019/part-0.parquet``; an
undated document's rows go to ``year=__HIVE_DEFAULT_PARTITION__`` and read
back as null) that DuckDB and Spark read as they are, and
``pandas.read_parquet`` and ``dask.dataframe.read_parquet`` with
:func:`year_partitioning` once an undated row is there; plus one DuckDB file
``corpus.duckdb`` holding the same tables.

A document read twice — the same text under another id, or the same id in
two overlapping inputs — is kept and flagged: ``documents.duplicate_of``
names the first copy and every table's ``duplicate`` column is true for the
rows of the later copies, so ``where not duplicate`` counts each document
once; ``drop_duplicates=True`` (``export --drop-duplicates``) leaves them out.
:func:`export` warns when there are any, and when one id names two texts.
"""

import bisect
import json
import logging
import os
import shutil

from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_nlp.io.annotated import read_documents  # one reader of annotated output; importable here
from policy_nlp.io.corpus import UniqueIds
from policy_nlp.lang.numerals import document_year
from policy_nlp.stages.canonical import canonical, canonical_members, link_expansions
from policy_nlp.stages.slogans import title_only
from policy_nlp.stages.topics.classify import document_catch_all, main_area

log = logging.getLogger("policy_nlp")

if TYPE_CHECKING:
    import pyarrow
    import pyarrow.dataset

__all__ = ["TABLES", "SCHEMAS", "build_tables", "document_texts", "duplicates_note", "export", "read_documents",
           "year_partitioning"]

TABLES = ("documents", "paragraphs", "formulations", "lists", "list_items")

# Fixed document columns, from meta (the rest of meta follows as text columns).
_DOC_FIELDS = (("title", "string"), ("date", "string"), ("year", "int32"), ("speaker", "string"),
               ("position", "string"), ("occasion", "string"), ("place", "string"), ("level", "string"),
               ("level_evidence", "string"), ("date_source", "string"), ("given_id", "string"),
               ("source", "string"), ("sha1", "string"))
# meta fields left out of the documents table: nested records, not facts about the document
# (the title's slogans are rows of formulations)
_SKIP_META = {"removed", "normalized", "title_slogans"}
# the documents columns read from meta; its other fixed columns (chars, duplicate_of, main_topic …)
# are computed, and a meta field of the same name cannot fill them
_FROM_META = frozenset(name for name, _ in _DOC_FIELDS)
# the prefix of a meta field's column when a documents column has its name but for case (the Xi
# CSV's Date beside the computed date): DuckDB, as SQL does, ignores case in column names and
# renamed it Date_1 in corpus.duckdb alone, while Parquet kept Date
META_PREFIX = "meta_"
# the suffix of a paragraphs column of crosswalk codes: cap_codes, govcn_codes, NAME_codes of a
# model trained with --crosswalk NAME.csv (policy_nlp.stages.topics.multilabel.model_crosswalks)
CODES_SUFFIX = "_codes"


def _schemas():
    import pyarrow as pa
    t = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64(),
         "bool": pa.bool_()}
    common = [("doc_id", "string"), ("year", "int32")]
    spec = {
        # doc_id is the key every table shares (unique); id the id as read (doc_id's old name: older
        # queries run, and the same value unless one id came twice)
        "documents": [("doc_id", "string"), ("id", "string"), *_DOC_FIELDS, ("chars", "int64"),
                      ("duplicate_of", "string"), ("main_topic", "string"), ("main_topic_share", "float64"),
                      ("duplicate", "bool")],
        "paragraphs": [*common, ("paragraph", "int32"), ("start", "int64"), ("end", "int64"), ("text", "string"),
                       ("topic", "string"), ("score", "float64"), ("level", "string"), ("duplicate", "bool")],
        "formulations": [*common, ("paragraph", "int32"), ("sentence", "int32"), ("start", "int64"),
                         ("end", "int64"), ("text", "string"), ("canonical", "string"), ("kind", "string"),
                         ("number", "int32"), ("members", pa.list_(pa.string())),
                         ("members_canonical", "string"), ("expansion", "string"), ("expansion_start", "int64"),
                         ("count_matches", "bool"), ("source", "string"),
                         ("topic", "string"), ("date", "string"), ("place", "string"), ("level", "string"),
                         ("in_title", "bool"), ("duplicate", "bool")],
        "lists": [*common, ("list", "int32"), ("paragraph", "int32"), ("family", "string"), ("level", "int32"),
                  ("parent", "int32"), ("parent_item", "int32"), ("items", "int32"), ("claim", "string"),
                  ("claim_number", "int32"), ("count_matches", "bool"), ("start", "int64"), ("end", "int64"),
                  ("duplicate", "bool")],
        "list_items": [*common, ("list", "int32"), ("item", "int32"), ("marker", "string"), ("start", "int64"),
                       ("end", "int64"), ("text", "string"), ("duplicate", "bool")],
    }
    return {name: pa.schema([(col, t[typ] if isinstance(typ, str) else typ) for col, typ in cols])
            for name, cols in spec.items()}


SCHEMAS = None  # filled on first use (pyarrow is imported lazily)


def schemas() -> "dict[str, pyarrow.Schema]":
    """``{table: pyarrow.Schema}`` of the fixed columns of each table."""
    global SCHEMAS
    if SCHEMAS is None:
        SCHEMAS = _schemas()
    return SCHEMAS


def year_partitioning() -> "pyarrow.dataset.Partitioning":
    """The Parquet tables' partitioning, ``year`` an int32 (null: undated).

    pandas and Dask infer it from the folder names, which fails once an
    undated document put a ``year=__HIVE_DEFAULT_PARTITION__`` folder there
    (pyarrow cannot turn its null into pandas' categories; Dask reads that
    folder alone and finds no year to type): give it to them.

    Examples
    --------
    >>> year_partitioning().schema
    year: int32

    ``pandas.read_parquet("DIR/formulations", partitioning=year_partitioning())``,
    ``dask.dataframe.read_parquet("DIR/formulations", dataset={"partitioning":
    year_partitioning()})``.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds
    return ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value):
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)


def _index(starts, offset):
    """The index of the span (by its start) that contains ``offset``, or None."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def _rows(documents):
    """The rows of the five tables, and the extra columns seen: ``{"documents": meta columns,
    "paragraphs": crosswalk columns}``."""
    rows = {name: [] for name in TABLES}
    extra = []
    crosswalks = {}   # the crosswalk columns of paragraphs, in the order seen (a dict as an ordered set)
    columns = {}   # a meta field -> its column of the documents table (_meta_column)
    fixed = taken = None   # the fixed documents columns; every column's name in lower case
    first_of = {}
    shadowed = {}   # a meta field the table computes itself -> the first document that gave another value
    keys = UniqueIds()  # doc_id: one id in two inputs (two CSVs numbered from 1) is two keys, as document_texts
    for data in documents:
        given, text, meta = str(data["id"]), data.get("text") or "", data.get("meta") or {}
        doc_id = keys(given)
        year = document_year(meta)
        sha1 = meta.get("sha1")
        duplicate_of = first_of.get(sha1) if sha1 else None
        if sha1 and duplicate_of is None:
            first_of[sha1] = doc_id
        paragraphs = data.get("paragraphs") or []
        results = [p.get("topic") for p in paragraphs]
        topics = [(t or {}).get("label") for t in results]
        main_topic, main_share = main_area(topics, [p["end"] - p["start"] for p in paragraphs],
                                           document_catch_all(results))
        doc = {"doc_id": doc_id, "id": given, **{k: _text(meta.get(k)) for k, _ in _DOC_FIELDS}, "year": year,
               "chars": len(text), "duplicate_of": duplicate_of, "main_topic": main_topic,
               "main_topic_share": main_share if main_topic else None, "duplicate": duplicate_of is not None}
        if fixed is None:
            fixed = frozenset(doc)
            taken = {name.lower() for name in fixed}
        for key, value in meta.items():
            if key in _SKIP_META:
                continue
            if key not in fixed:
                if key not in columns:
                    columns[key] = _meta_column(key, taken)
                    extra.append(columns[key])
                doc[columns[key]] = _text(value)
            elif key not in _FROM_META and value not in (None, "") and _text(value) != _text(doc[key]):
                shadowed.setdefault(key, doc_id)
        rows["documents"].append(doc)
        # every table's rows of a later copy are flagged, so that no count needs a join
        common = {"doc_id": doc_id, "year": year, "duplicate": duplicate_of is not None}

        p_starts = [p["start"] for p in paragraphs]
        s_starts = [s["start"] for s in data.get("sentences") or []]
        rows["paragraphs"] += _paragraph_rows(paragraphs, text, common, meta, crosswalks)
        slogans = data.get("slogans") or []
        text_rows = _formulation_rows(slogans, common, meta, topics, p_starts, s_starts)
        rows["formulations"] += text_rows
        # the title's terms that the text does not name (a term in both counts once, in the text)
        rows["formulations"] += _formulation_rows(
            title_only(meta.get("title_slogans"), {row["canonical"] for row in text_rows}), common, meta, topics)
        for i, lst in enumerate(data.get("lists") or []):
            claim = lst.get("claim") or {}
            items = lst.get("items") or []
            rows["lists"].append({
                **common, "list": i, "paragraph": _index(p_starts, lst.get("start", 0)), "family": lst.get("family"),
                "level": _int(lst.get("level")), "parent": _int(lst.get("parent")),
                "parent_item": _int(lst.get("parent_item")), "items": len(items), "claim": claim.get("text"),
                "claim_number": _int(claim.get("number")), "count_matches": lst.get("count_matches"),
                "start": lst.get("start"), "end": lst.get("end")})
            for j, item in enumerate(items):
                rows["list_items"].append({**common, "list": i, "item": j, "marker": item.get("marker"),
                                           "start": item["start"], "end": item["end"],
                                           "text": text[item["start"]:item["end"]]})
    if shadowed:   # nothing is dropped silently: the annotations keep the field, the table cannot
        named = ", ".join(f"{key!r} (first in {doc_id})" for key, doc_id in shadowed.items())
        log.warning("meta field%s %s of the input share%s a name with a column the documents table computes "
                    "and %s not in the tables; rename %s when annotating (annotate --meta-columns FIELD=NEW)",
                    "s" * (len(shadowed) > 1), named, "" if len(shadowed) > 1 else "s",
                    "are" if len(shadowed) > 1 else "is", "them" if len(shadowed) > 1 else "it")
    renamed = {key: column for key, column in columns.items() if column != key}
    if renamed:
        log.warning("meta field%s %s (in Parquet and DuckDB): a documents column of the same name but for "
                    "case is there, and DuckDB ignores case in column names", "s" * (len(renamed) > 1),
                    ", ".join(f"{key!r} is the documents column {column!r}" for key, column in renamed.items()))
    return rows, {"documents": extra, "paragraphs": list(crosswalks)}


def _paragraph_rows(paragraphs, text, common, meta, crosswalks):
    """The ``paragraphs`` rows of one document, with the codes of each topic in every crosswalk
    its model reports in (``topic["codes"]``: ``cap``, ``govcn`` of the codebook's model, a
    ``--crosswalk`` file's name) as ``NAME_codes`` columns, added to ``crosswalks``."""
    rows = []
    for i, p in enumerate(paragraphs):
        topic = p.get("topic") or {}
        codes = topic.get("codes") if isinstance(topic.get("codes"), dict) else {}
        columns = {f"{name}{CODES_SUFFIX}": [str(code) for code in found or ()] for name, found in codes.items()}
        crosswalks.update(dict.fromkeys(columns))
        rows.append({**common, "paragraph": i, "start": p["start"], "end": p["end"],
                     "text": text[p["start"]:p["end"]], "topic": topic.get("label"),
                     "score": topic.get("score"), "level": _text(meta.get("level")), **columns})
    return rows


def _meta_column(key, taken):
    """The documents column of the meta field ``key``: ``key``, or with
    :data:`META_PREFIX` (again, until free) when a column of that name but for
    case is there (a fixed one, or another meta field's); added to ``taken``
    (the names in lower case)."""
    name = key
    while name.lower() in taken:
        name = META_PREFIX + name
    taken.add(name.lower())
    return name


def _formulation_rows(slogans, common, meta, topics, p_starts=None, s_starts=None):
    """The ``formulations`` rows of one document's slogans: of its text, or of
    its title (no ``p_starts``: ``in_title``, offsets into the title, no
    paragraph, sentence or topic)."""
    rows = []
    in_title = p_starts is None
    for s, (expansion, expansion_start) in zip(slogans, link_expansions(slogans)):
        p = None if in_title else _index(p_starts, s["start"])
        members = [m.get("text", "") for m in s.get("members") or []]
        rows.append({
            **common, "paragraph": p, "sentence": None if in_title else _index(s_starts, s["start"]),
            "start": s["start"], "end": s["end"], "text": s.get("text"), "canonical": canonical(s.get("text") or ""),
            "kind": s.get("kind"), "number": _int(s.get("number")), "members": members,
            "members_canonical": canonical_members(members) or None,
            "expansion": expansion, "expansion_start": expansion_start,
            "count_matches": s.get("count_matches"), "source": s.get("source"),
            "topic": topics[p] if p is not None else None, "date": _text(meta.get("date")),
            "place": _text(meta.get("place")), "level": _text(meta.get("level")), "in_title": in_title})
    return rows


def _without_duplicates(tables):
    """The arrow tables without the rows of exact duplicate documents."""
    import pyarrow.compute as pc
    return {name: table.filter(pc.invert(table["duplicate"])) for name, table in tables.items()}


def duplicates_note(documents: Any, dropped: bool = False) -> "str | None":
    """What a reader of the tables must know about documents read twice, or None.

    Parameters
    ----------
    documents : pyarrow.Table or pandas.DataFrame
        The ``documents`` table of :func:`build_tables` (duplicates kept).
    dropped : bool
        The duplicates' rows were left out (``drop_duplicates=True``).

    Returns
    -------
    str or None
        How many documents are exact duplicates (and how many of them repeat
        an id, as two overlapping inputs do) and how to count each once; and
        the ids that name two different texts (the later one's ``doc_id``
        is ``ID#2`` …). None when neither occurs.

    Examples
    --------
    >>> import pandas as pd
    >>> print(duplicates_note(pd.DataFrame({"id": ["a", "b", "a"], "sha1": ["1", "2", "1"],
    ...                                     "duplicate_of": [None, None, "a"], "duplicate": [False, False, True]})))
    1 of 3 documents are exact duplicates of one read before (1 of them an id read before: overlapping inputs?); their rows are kept, with duplicate = true in every table: count each document once with `where not duplicate`, or export with --drop-duplicates (build_tables(..., drop_duplicates=True))
    """
    if not isinstance(documents, dict):
        documents = documents.to_pydict() if hasattr(documents, "to_pydict") else documents.to_dict("list")
    ids, duplicate = documents["id"], documents["duplicate"]
    seen, same_id = set(), 0
    clashes: dict[str, None] = {}  # the ids of a second, different text, in order
    for doc_id, dup in zip(ids, duplicate):
        if dup:
            same_id += doc_id in seen
        elif doc_id in seen:
            clashes[doc_id] = None
        seen.add(doc_id)
    copies = sum(duplicate)
    notes = []
    if copies:
        what = (f"{copies} of {len(ids)} documents are exact duplicates of one read before"
                + (f" ({same_id} of them an id read before: overlapping inputs?)" if same_id else ""))
        notes.append(f"{what}; left out of every table (--drop-duplicates)" if dropped else
                     f"{what}; their rows are kept, with duplicate = true in every table: count each document "
                     "once with `where not duplicate`, or export with --drop-duplicates "
                     "(build_tables(..., drop_duplicates=True))")
    if clashes:
        notes.append(f"{len(clashes)} ids name two different texts ({', '.join(list(clashes)[:5])}"
                     f"{' …' if len(clashes) > 5 else ''}): both are kept, the later one's doc_id made "
                     "unique as ID#2 … (id keeps the id as read); give the inputs distinct ids")
    return "; ".join(notes) or None


def document_texts(documents: Any) -> dict[str, str]:
    """``{doc_id: text}`` of annotated document dicts, keyed as :func:`build_tables` keys them.

    Parameters
    ----------
    documents : list of dict
        The documents given to :func:`build_tables`, in the same order.

    Examples
    --------
    >>> document_texts([{"id": 1, "text": "甲"}, {"id": "1", "text": "乙"}])
    {'1': '甲', '1#2': '乙'}
    """
    keys = UniqueIds()
    return {keys(str(d["id"])): d.get("text") or "" for d in documents}


def build_tables(inputs: Any, kind: str = "pandas", drop_duplicates: bool = False) -> dict[str, Any]:
    """The five tables of annotated documents, in one call.

    Parameters
    ----------
    inputs : iterable
        Annotated files, ``annotate`` output folders, or document dicts
        (see :func:`read_documents`).
    kind : {"pandas", "arrow"}
        pandas ``DataFrame`` s or ``pyarrow.Table`` s.
    drop_duplicates : bool
        Leave out the rows of exact duplicate documents (same ``meta.sha1``
        as one read before, whatever their id): each document counts once.
        By default they are kept with ``duplicate`` true.

    Returns
    -------
    dict
        ``{"documents", "paragraphs", "formulations", "lists", "list_items"}``
        → table (columns in ``docs/schema.md``). In pandas the integer
        columns are nullable (``Int32``, ``Int64``): an undated document's
        ``year`` is ``<NA>`` and the others stay 2019, not 2019.0.

    Examples
    --------
    >>> import policy_nlp
    >>> from policy_nlp.io.output import doc_to_dict
    >>> nlp = policy_nlp.load(stages=["paragraphs", "slogans"], lexicon=False)
    >>> data = doc_to_dict(policy_nlp.annotate("同志们：\\n要抓好“三清”和四个全面。", nlp, id="a"))
    >>> t = build_tables([data])
    >>> t["formulations"][["doc_id", "paragraph", "sentence", "canonical", "kind"]].values.tolist()
    [['a', 1, 1, '三清', 'numbered'], ['a', 1, 1, '四个全面', 'numbered']]
    """
    import pyarrow as pa
    if kind not in ("pandas", "arrow"):
        raise ValueError(f"kind must be 'pandas' or 'arrow', not {kind!r}")
    if isinstance(inputs, (str, Path, dict)):
        inputs = [inputs]
    rows, extra = _rows(read_documents(inputs))
    out = {}
    kinds = {"documents": pa.string(), "paragraphs": pa.list_(pa.string())}   # meta fields, crosswalk codes
    for name in TABLES:
        schema = schemas()[name]
        if name in extra:
            schema = pa.schema([*schema, *[pa.field(k, kinds[name]) for k in extra[name] if k not in schema.names]])
        out[name] = pa.Table.from_pylist(rows[name], schema=schema)
    if drop_duplicates:
        out = _without_duplicates(out)
    if kind == "arrow":
        return out
    return {name: _to_pandas(table) for name, table in out.items()}


def _to_pandas(table):
    """A ``pyarrow.Table`` as a DataFrame with nullable integers: a plain ``to_pandas()`` turns an
    int column with a null into float64, so one undated document made ``year`` (and ``number``,
    ``parent`` ...) 2019.0 in that table and 2019 in another."""
    import pandas as pd
    import pyarrow as pa
    ints = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}
    return table.to_pandas(types_mapper=ints.get)


def _write_csv(table, path):
    """``table`` as a CSV for spreadsheets (:func:`~policy_nlp.apps.plots.write_spreadsheet_csv`);
    a list cell (``members``) as a JSON array, as the documents table holds nested ``meta``."""
    import pyarrow.types
    from policy_nlp.apps.plots import write_spreadsheet_csv
    frame = _to_pandas(table)
    for column in table.schema.names:
        if pyarrow.types.is_list(table.schema.field(column).type):
            frame[column] = [None if v is None else json.dumps(list(v), ensure_ascii=False)
                             for v in frame[column]]
    write_spreadsheet_csv(frame, path)


def export(inputs: Any, output: "str | os.PathLike[str]", *, partition: "str | None" = "year",
           database: "str | None" = "corpus.duckdb", drop_duplicates: bool = False,
           csv: bool = False) -> dict[str, int]:
    """Write the tables as Parquet datasets and a DuckDB file into ``output``.

    Parameters
    ----------
    inputs : iterable
        As for :func:`build_tables`.
    output : str or Path
        Folder; gets ``documents/``, ``paragraphs/``, ``formulations/``,
        ``lists/``, ``list_items/`` (Parquet, hive-partitioned by
        ``partition``) and ``corpus.duckdb``. Existing tables there are replaced.
    partition : str or None
        Column to partition by (default ``year``); None writes one file per table.
    database : str or None
        File name of the DuckDB database inside ``output`` (None: none).
    drop_duplicates : bool
        As for :func:`build_tables`. Either way, exact duplicates and ids
        naming two texts are logged as a warning (:func:`duplicates_note`).
    csv : bool
        Also write ``NAME.csv`` per table for spreadsheets: UTF-8 with a
        byte-order mark (Excel reads the Chinese), CRLF, a null as an empty
        cell, ``members`` as a JSON array, all years in one file.

    Returns
    -------
    dict
        ``{table: number of rows}``.
    """
    import pyarrow.parquet as pq
    if database:
        import duckdb  # before any output: without the extra nothing is half written
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    tables = build_tables(inputs, kind="arrow")
    note = duplicates_note(tables["documents"], dropped=drop_duplicates)
    if note:
        log.warning("%s", note)
    if drop_duplicates:
        tables = _without_duplicates(tables)
    counts = {}
    for name, table in tables.items():
        target = output / name
        if target.exists():
            shutil.rmtree(target)
        target.mkdir()
        if partition and table.num_rows:
            pq.write_to_dataset(table, target, partition_cols=[partition],
                                basename_template="part-{i}.parquet")
        else:
            pq.write_table(table, target / "part-0.parquet")
        counts[name] = table.num_rows
        if csv:
            _write_csv(table, output / f"{name}.csv")
    undated = tables["documents"]["year"].null_count if partition == "year" else 0
    if undated:  # pandas' plain read_parquet fails on these folders with an error that says nothing of it
        log.info("%d of %d documents have no year (folders year=__HIVE_DEFAULT_PARTITION__): read the "
                 "tables into pandas with pd.read_parquet('%s', partitioning=year_partitioning(), "
                 "dtype_backend='numpy_nullable') "
                 "(from policy_nlp.apps.tables import year_partitioning), or export with --no-partition",
                 undated, tables["documents"].num_rows, output / "paragraphs")
    if database:
        path = output / database
        if path.exists():
            path.unlink()
        with duckdb.connect(str(path)) as con:
            for name, table in tables.items():
                con.register("incoming", table)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                con.unregister("incoming")
    return counts
