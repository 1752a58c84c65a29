"""Read documents from files, folders, tables (JSONL, CSV, TSV, .xlsx, Parquet) and Hugging Face datasets.

Every input becomes :class:`Record` ``(id, text, meta)`` — or, when it cannot
be read, a :class:`~policy_nlp.errors.DocumentError` *yielded in its place*
so that one broken file never stops a corpus run and is never lost.

Ids are stable: the id given in the input (a JSONL ``id`` field, a CSV id
column), else derived from the path (``speeches/2020/a.txt`` → ``speeches/2020/a``)
or the path and row (``reports.jsonl:17``). ``meta["sha1"]`` is the text's
content hash, used to skip documents already done when a run is resumed.
"""

import fnmatch
import json
import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from policy_nlp.errors import DocumentError
from policy_nlp.io.reading import path_text, read_text
from policy_nlp.io.rows import KINDS, NAMES, OTHER_WORKBOOKS, read_table, table_kind
from policy_nlp.lang.chars import LONE_SURROGATE_RE
from policy_nlp.schema import Meta, text_fields
from policy_nlp.stages.normalize import content_hash, normalize

log = logging.getLogger(__name__)

DEFAULT_GLOB = ("*.txt", "*.jsonl", "*.csv")


@dataclass
class Record:
    """One document to annotate."""
    id: str
    text: str
    meta: dict = field(default_factory=dict)


class UniqueIds:
    """Ids made unique in the order they come: one seen before becomes ``ID#2``,
    ``ID#3`` … (the first free one: an input may also hold ``ID#2`` itself).

    The rule of :func:`read_inputs` for an id repeated in one input, and of
    the tables' ``doc_id`` (:func:`policy_nlp.apps.tables.build_tables`) for
    one id in two annotated inputs.

    Examples
    --------
    >>> ids = UniqueIds()
    >>> [ids(i) for i in ("1", "2", "1", "1#2", "1")]
    ['1', '2', '1#2', '1#2#2', '1#3']
    """

    def __init__(self):
        self.used, self.next = set(), {}   # the ids given out; {id: the number to try next}

    def __call__(self, given: str) -> str:
        key = given
        if given in self.used:
            count = self.next.get(given, 2)
            while f"{given}#{count}" in self.used:
                count += 1
            key, self.next[given] = f"{given}#{count}", count + 1
        self.used.add(key)
        return key


def make_record(id, text, meta, source=None):
    """A normalised Record; raises DocumentError for what cannot be written out.

    A lone surrogate (``"\\ud800"`` in JSON) is not Unicode text: it cannot be
    hashed, annotated or written as UTF-8, so the document is refused with
    the field it is in. Ids that are objects or lists become their JSON text;
    NaN and infinities in ``meta`` become None (JSON has no such numbers), and
    a number in a field the schema declares text becomes its text
    (:func:`declared_text`).
    """
    source = source if source is not None else meta.get("source", id)
    if not isinstance(text, str):
        raise DocumentError(source, f"the text must be a str, not {type(text).__name__}")
    id = _id_text(id)
    for field_name, value in (("id", id), ("text", text)):
        _check_surrogates(source, field_name, value)
    meta = declared_text(_json_value(meta, source, "meta"))
    text, changes = normalize(text)
    meta = {**meta, "sha1": content_hash(text)}
    if any(changes.values()):
        meta["normalized"] = changes
    return Record(id, text, meta)


# The meta fields the output's schema declares text (title, speaker, place, level …); ``date`` is
# not among them here: the date inference reads a number there as a year (1954, 2019.0).
_TEXT_META = frozenset(text_fields(Meta)) - {"date"}


def declared_text(meta):
    """``meta`` with a number given in a field the schema declares text (``title: 2019``,
    ``place: 12``) as its text, ``"2019"``, as a datasets ``Dataset`` gives a column of
    titles: where the inputs' rows become meta (:func:`make_record`, then
    :func:`read_inputs` after ``--meta-columns``, ``--meta-file`` and ``--meta``), so
    that JSON, table and Dataset inputs give the same output and it keeps the JSON Schema.

    >>> declared_text({"title": 2019, "place": 12.5, "year": 2019, "rank": 3, "speaker": None})
    {'title': '2019', 'place': '12.5', 'year': 2019, 'rank': 3, 'speaker': None}
    """
    return {key: str(value) if key in _TEXT_META and isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) else value for key, value in meta.items()}


def _id_text(id):
    """An id as text: strings as they are, numbers as written, objects and lists as JSON."""
    if not isinstance(id, (dict, list, tuple)):
        return str(id)
    return json.dumps(_json_value(id), ensure_ascii=False, sort_keys=True)


def _check_surrogates(source, field_name, value):
    found = LONE_SURROGATE_RE.search(value)
    if found:
        raise DocumentError(source, f"the {field_name} contains a lone surrogate "
                            f"U+{ord(found.group()):04X} at character {found.start()} "
                            "(not valid Unicode; the input was probably cut in the middle of a character)")


def read_inputs(paths, *, pattern=None, text_column="text", id_column="id", date_column=None,
                meta_columns=None, meta=None, meta_file=None):
    """Yield a Record (or a DocumentError) for every document in ``paths``.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (``.txt`` in any supported encoding; tables, a row a document:
        ``.jsonl``/``.ndjson``, ``.csv``, ``.tsv``, Excel ``.xlsx`` (its
        first sheet) and ``.parquet``, read by
        :func:`~policy_nlp.io.rows.read_table`, a row without an id named
        ``name:N`` by its row as read_table numbers it), folders (searched
        recursively), and folders of a Hugging Face dataset saved with
        ``save_to_disk`` (a ``Dataset`` or a ``DatasetDict``; row ids
        default to ``folder:ROW`` or ``folder/split:ROW``, counted from 0).
    pattern : str or sequence of str, optional
        Glob patterns for files inside folders (default: text, JSONL and CSV;
        ``*.tsv``, ``*.xlsx``, ``*.parquet`` read those tables).
    text_column, id_column : str
        Field names of the text and the id in table inputs; other fields go
        into ``meta``.
    date_column : str, optional
        Field of table inputs holding the document's date (any form
        :func:`~policy_nlp.stages.cleaning.parse_date` reads); it goes into
        ``meta["date"]``.
    meta_columns : sequence of str, optional
        Keep only these fields of JSONL and CSV rows in ``meta`` (default:
        all); ``COLUMN=FIELD`` renames (``Place=place`` overrides the
        inferred place).
    meta : dict, optional
        Fields set on every document of these inputs, e.g. ``{"level":
        "national"}`` for a national corpus (``--meta level=national``); a
        value the document itself gives (a JSONL/CSV field, not empty) wins.
        Set before dates, places and levels are inferred, so a given
        ``level`` is kept.
    meta_file : str, Path or MetaSheet, optional
        A researcher's metadata sheet (:func:`read_meta_sheet`), one row per
        document: its fields win over the document's own and are set before
        the inference too. The sheet itself is not read as a document when it
        lies in an input folder; rows matching no document, and documents
        without a row, are named in a warning.

    Ids repeated in the input are made unique by appending ``#2``, ``#3`` …;
    the id as given is kept in ``meta["given_id"]``.

    Examples
    --------
    >>> records = list(read_inputs(["corpora/000_49f5c10d9eda79ac.txt"]))
    >>> records[0].id, len(records[0].text) > 5000
    ('000_49f5c10d9eda79ac', True)
    """
    columns = _column_map(meta_columns, date_column)
    constant = parse_meta(meta)
    sheet = _SheetMatcher(MetaSheet.read(meta_file)) if meta_file else None
    ids, fields = UniqueIds(), set()
    for item in _read_all(paths, pattern, text_column, id_column):
        if sheet and sheet.is_the_sheet(item):
            continue  # a sheet kept beside the texts it describes is no document
        if isinstance(item, Record):
            fields.update(item.meta)  # a table row's fields, the id column's among them
            if columns:
                item.meta = _select(item.meta, columns)
            if sheet:
                item.meta.update(sheet.fields(item))
            for key, value in constant.items():
                if item.meta.get(key) in (None, ""):
                    item.meta[key] = value
            item.meta = declared_text(item.meta)  # a number renamed or added into a text field too
            given, item.id = item.id, ids(item.id)
            if item.id != given:  # repeated ids (--id-column Date): unique, the given value kept
                item.meta["given_id"] = given
        yield item
    _warn_unknown_columns([*(columns or ()), *([id_column] if id_column != "id" else [])],
                          fields - set(_RECORD_KEYS))
    if sheet:
        sheet.warn_unmatched()


def _warn_unknown_columns(columns, fields):
    """Name the ``--meta-columns``/``--date-column``/``--id-column`` fields that no row of a table
    has (a typo: ``--id-column Dat`` named every row ``all_data:N`` without a word)."""
    unknown = list(dict.fromkeys(c for c in columns if c != "*" and c not in fields))
    if unknown and fields:  # plain text files have no fields to choose from
        log.warning("no input row has the field%s %s (fields found: %s)", "s" * (len(unknown) > 1),
                    ", ".join(map(repr, unknown)), ", ".join(sorted(fields)))


def parse_meta(meta):
    """``--meta`` options as a dict: ``["level=national", "source=国务院"]`` →
    ``{"level": "national", "source": "国务院"}`` (a dict is returned as it is).

    Raises
    ------
    ValueError
        An option without ``=``, an empty name, or a field the readers set
        themselves (``sha1``, ``source``).

    Examples
    --------
    >>> parse_meta(["level=national", "corpus = 政府工作报告"])
    {'level': 'national', 'corpus': '政府工作报告'}
    """
    if not meta:
        return {}
    items = meta.items() if isinstance(meta, dict) else []
    if not isinstance(meta, dict):
        for option in ([meta] if isinstance(meta, str) else meta):
            name, equals, value = str(option).partition("=")
            if not equals or not name.strip():
                raise ValueError(f"--meta {option!r}: give FIELD=VALUE, e.g. --meta level=national")
            items.append((name.strip(), value.strip()))
    out = dict(items)
    reserved = sorted(set(out) & {"sha1", "source"})
    if reserved:
        raise ValueError(f"--meta cannot set {', '.join(reserved)}: the readers set it from the input")
    return out


SHEET_KEYS = ("id", "file")


def read_meta_sheet(path):
    """A metadata sheet: CSV/TSV (header row) or JSONL in any encoding ``annotate`` reads,
    an Excel .xlsx workbook (its first sheet, header row) or a Parquet file.

    One row per document, keyed by an ``id`` column (the document's id:
    ``local/city_2021`` for ``local/city_2021.txt`` below an input folder) or
    else a ``file`` column (the file's name, or its path below any folder,
    with or without the suffix). Empty cells are left out. A key stored as an
    integral float (``1.0``: pandas makes an id column float when one id is
    missing) is read as its integer (``"1"``).

    Returns
    -------
    key : {"id", "file"}
    rows : dict
        ``{key value: {field: value}}``.

    Raises
    ------
    DocumentError
        A missing file, no key column, a key given twice, a field the readers
        set (``sha1``, ``source``), a row that cannot be read (its file and
        row, and why: :func:`~policy_nlp.io.rows.read_table`), a workbook
        read_table does not open (.xls, .ods: save it as .xlsx or CSV).
    """
    path = Path(path)
    columns, rows = read_table(path, strict=True)
    rows = list(rows)
    names = set(columns or ()).union(*(row for _, row in rows))
    key = next((k for k in SHEET_KEYS if k in names), None)
    if key is None:
        columns = f"columns: {', '.join(sorted(names))}" if names else "an empty sheet"
        raise DocumentError(path, f"no column 'id' or 'file' ({columns}): name each row's document by its id "
                            "or its file")
    reserved = sorted(names & {"sha1", "source"})
    if reserved:
        raise DocumentError(path, f"cannot set {', '.join(reserved)}: the readers set it from the input")
    out = {}
    for number, row in rows:
        given = row.get(key)  # a JSONL or Parquet id may be a number: 0 is an id, not none
        if isinstance(given, float) and given.is_integer():
            given = int(given)  # pandas' float id column (one id missing): 1.0 names document "1"
        value = ("" if given is None else str(given)).strip().replace("\\", "/").removeprefix("./")
        if not value:
            continue
        if value in out:
            raise DocumentError(f"{path}:{number}", f"{key} {value!r} has a row already")
        out[value] = {k: v for k, v in row.items() if k != key and v not in (None, "")}
    return key, out


@dataclass(frozen=True)
class MetaSheet:
    """A metadata sheet read once (:func:`read_meta_sheet`): what :func:`read_inputs`
    gives the documents and what a resumed run compares (:attr:`digest`)."""
    path: Path
    key: str
    rows: dict

    @classmethod
    def read(cls, sheet):
        """The sheet at the path ``sheet`` (a MetaSheet already read is returned as it is)."""
        if isinstance(sheet, cls):
            return sheet
        return cls(Path(sheet), *read_meta_sheet(sheet))

    @property
    def digest(self):
        """A hash of what the sheet gives, not of its bytes: the same rows saved
        in another encoding hash alike (the resume key, ``sha1``, is the text's)."""
        # default=str: a Parquet sheet's cells may be numbers JSON has no form for (Decimal)
        return content_hash(json.dumps((self.key, self.rows), ensure_ascii=False, sort_keys=True, default=str))


class _SheetMatcher:
    """A metadata sheet's rows matched to the documents read (:func:`read_inputs`)."""

    def __init__(self, sheet):
        self.path, self.key, self.rows = sheet.path, sheet.key, sheet.rows
        self.used, self.missing, self.documents = {}, [], 0  # used: {row's key: ids of its documents}
        self._warn_replaced()

    def _warn_replaced(self):
        """Name the sheet's ``level`` and ``year`` values that the metadata
        inference (:func:`policy_nlp.stages.places.enrich_meta`) does not keep:
        a level that names none of its ``LEVELS`` (:func:`~policy_nlp.stages.places.given_level`)
        gives way to the inferred one, and a year it cannot read is kept as
        ``given_year``, not as the year; both are kept as written."""
        from policy_nlp.stages.places import LEVELS, given_level, given_year
        levels = sorted({str(row["level"]) for row in self.rows.values()
                         if str(row.get("level") or "").strip() and given_level(row["level"]) is None})
        if levels:
            log.warning("%s: level %s is none of %s: kept as written in meta.given_level, the level is inferred "
                        "from the text", self.path, ", ".join(map(repr, levels[:3])), ", ".join(LEVELS))
        years = sorted({row["year"] for row in self.rows.values()
                        if row.get("year") and given_year(row["year"]) is None})
        if years:
            log.warning("%s: year %s is no year (e.g. 2019, 二〇一九年): kept as written in meta.given_year",
                        self.path, ", ".join(map(repr, years[:3])))

    def is_the_sheet(self, item):
        source = item.source if isinstance(item, DocumentError) else item.meta.get("source", "")
        name, colon, row = str(source).rpartition(":")
        path = Path(name if colon and row.isdigit() else str(source))
        return path.is_file() and path.resolve() == self.path.resolve()

    def fields(self, record):
        """The sheet's fields for ``record`` (``{}`` when it has no row)."""
        self.documents += 1
        for candidate in self._candidates(record):
            if candidate in self.rows:
                self.used.setdefault(candidate, []).append(record.id)
                return self.rows[candidate]
        self.missing.append(record.id)
        return {}

    def _candidates(self, record):
        if self.key == "id":
            return [record.id]
        path = Path(str(record.meta.get("source", "")))
        parts = path.parts
        # the whole path as given (an absolute one too: its root is no part), then the shorter tails
        tails = [path.as_posix()] + ["/".join(parts[i:]) for i in range(1, len(parts))]
        return tails + [str(Path(tail).with_suffix("").as_posix()) for tail in tails]

    def _id_hint(self, unused):
        """What to write when the sheet's ids are the files' names (dev-0105) but the documents
        are files in subfolders, whose ids are their paths (东平县/2003/dev-0105)."""
        if self.key != "id":
            return ""
        tails = {doc_id.rpartition("/")[2]: doc_id for doc_id in self.missing if "/" in doc_id}
        named = next((key for key in unused if key in tails), None)
        if named is None:
            return ""
        return (f": the id of a file below a folder is its path there without the suffix ({tails[named]!r}, "
                f"not {named!r}); give those ids, or name the column 'file' to match the files by name")

    def warn_unmatched(self):
        unused = [k for k in self.rows if k not in self.used]
        if unused:
            log.warning("%s: %d row%s match%s no document read (%s%s): a file that failed, or check the %r "
                        "column%s", self.path, len(unused),
                        "s" * (len(unused) > 1), "" if len(unused) > 1 else "es", ", ".join(unused[:3]),
                        " …" if len(unused) > 3 else "", self.key, self._id_hint(unused))
        if self.missing:
            log.warning("%s: %d of %d documents have no row (%s%s)", self.path, len(self.missing),
                        self.documents, ", ".join(self.missing[:3]), " …" if len(self.missing) > 3 else "")
        shared = {k: ids for k, ids in self.used.items() if len(ids) > 1 and self.key == "file"}
        if shared:  # a bare name (report.txt) in a sheet of a corpus with 2019/report.txt, 2020/report.txt
            key, ids = next(iter(shared.items()))
            log.warning("%s: %d row%s give%s several documents their fields (%r: %s%s): give the path "
                        "below the folder (2019/report.txt) to tell them apart", self.path, len(shared),
                        "s" * (len(shared) > 1), "" if len(shared) > 1 else "s", key, ", ".join(ids[:3]),
                        " …" if len(ids) > 3 else "")


def _column_map(meta_columns, date_column):
    """``{column: meta field}`` from ``--meta-columns`` and ``--date-column``, or None for all."""
    if isinstance(meta_columns, str):
        meta_columns = [c for c in meta_columns.split(",") if c.strip()]
    if not meta_columns and not date_column:
        return None
    columns = {}
    for spec in meta_columns or ():
        column, _, name = spec.partition("=")
        columns[column.strip()] = name.strip() or column.strip()
    if date_column:
        columns[date_column] = "date"
    return columns if meta_columns else {"*": None, **columns}


_RECORD_KEYS = ("source", "sha1", "normalized", "encoding")


def _select(meta, columns):
    keep_all = "*" in columns
    out = {k: v for k, v in meta.items() if k in _RECORD_KEYS or (keep_all and k not in columns)}
    for column, name in columns.items():
        if column != "*" and column in meta:
            out[name] = meta[column]
    return out


def _read_all(paths, pattern, text_column, id_column):
    patterns = (pattern,) if isinstance(pattern, str) else tuple(pattern or DEFAULT_GLOB)
    for path in map(Path, paths):
        if path.is_dir() and _is_saved_dataset(path):
            yield from _read_dataset(path, text_column, id_column)
        elif path.is_dir():
            files, unreadable = _folder_files(path, patterns)
            yield from unreadable
            if not files and not unreadable:
                yield DocumentError(path, f"folder has no files matching {', '.join(patterns)}")
            for file in files:
                yield from _read_file(file, path_text(file.relative_to(path).with_suffix("").as_posix()),
                                      text_column, id_column)
        elif path.exists():
            yield from _read_file(path, path_text(path.with_suffix("").name), text_column, id_column)
        else:
            yield DocumentError(path, "no such file or folder")


def _folder_files(folder, patterns):
    """``(files, errors)``: the sorted paths under ``folder`` whose names match
    ``patterns``, and a DocumentError for each subfolder that cannot be listed.

    Every matching name that is not a folder is kept, a broken link or a FIFO
    too, so that reading it reports it instead of leaving it out unseen.
    """
    errors = []

    def unreadable(error):
        errors.append(DocumentError(error.filename, f"folder cannot be read: {error.strerror}"))

    files = [Path(root, name) for root, _, names in os.walk(folder, onerror=unreadable)
             for name in names if any(fnmatch.fnmatch(name, pat) for pat in patterns)]
    return sorted(files), errors


def _read_file(path, default_id, text_column, id_column):
    suffix = path.suffix.lower()
    kind = KINDS.get(suffix)  # the tables a sheet may be too
    try:
        if kind or suffix in OTHER_WORKBOOKS:  # an .xls or .ods: read_table says to save it as .xlsx or CSV
            rows = 0
            for rows, item in enumerate(_read_table(path, kind, text_column, id_column), start=1):
                yield item
            if not rows:  # an empty .txt is an error; an empty table is one too, not nothing
                raise DocumentError(path, "empty JSONL file (no line with a document)" if kind == "jsonl"
                                    else f"empty {NAMES[kind]} ({'no rows' if kind == 'parquet' else 'a header but no rows'})")
        else:
            text, meta = read_text(path)
            if not text.strip():
                raise DocumentError(path, "empty document (no text)")
            yield Record(default_id, text, {**meta, "sha1": content_hash(text)})
    except DocumentError as error:
        yield error


def _read_table(path, kind, text_column, id_column):
    """A Record (or a DocumentError) for each row of a table (:func:`read_table`).

    A table without the text column is an error of the file, and so is a
    JSONL none of whose (several) lines has the field: one line, not one per
    row (a national corpus read without ``--text-column content`` said so 72
    times); a CSV row that ends before that column, or a JSONL line without
    the field among lines with it, is an error of its own.
    """
    names, rows = read_table(path, kind)
    kind = kind or table_kind(path)
    if names is not None and text_column not in names:
        raise DocumentError(path, f"no column {text_column!r} (columns: {', '.join(names)}); "
                            "name it with --text-column")
    # a JSONL's lines without the field while none had it: their numbers, ids and field names (each
    # set of names kept once), not their errors (~0.7 kB a line: 1 GB for a million short lines)
    held: "list[tuple[int, str | None, tuple[str, ...]]] | None" = [] if names is None else None
    shapes: dict[tuple[str, ...], tuple[str, ...]] = {}
    for number, row in rows:
        if held is not None:
            if isinstance(row, dict) and text_column not in row:
                keys = tuple(map(str, row))
                held.append((number, _given_id(row, id_column), shapes.setdefault(keys, keys)))
                continue
            yield from (_no_field(path, *line, text_column) for line in held)
            held = None
        if isinstance(row, DocumentError):
            yield row
        elif kind in ("csv", "tsv") and row[text_column] is None:  # a cell the row does not reach
            cells = sum(value is not None for value in row.values())
            yield DocumentError(f"{path}:{number}", f"{cells} cells but the header has {len(names)} "
                                f"columns: the row ends before the {text_column!r} column",
                                id=row.get(id_column) or None)
        else:
            yield _from_row(path, number, row, text_column, id_column)
    if held and len(held) > 1:
        fields = dict.fromkeys(name for keys in shapes for name in keys)
        raise DocumentError(path, f"no {text_column!r} field in any of its {len(held)} lines (fields: "
                            f"{', '.join(fields)}); name the text field with --text-column")
    yield from (_no_field(path, *line, text_column) for line in held or ())


def row_meta(row, text_column, id_column):
    """The fields of a table's row that are its document's meta: all but the text.

    A field chosen as the id stays in meta under its own name (``--id-column
    title`` keeps the title, ``--id-column year`` the year) unless it is the
    plain ``id``. The rows of a file, of a saved dataset and of
    :func:`policy_nlp.annotate_dataset` read so.

    >>> row_meta({"id": "d1", "text": "今天开会。", "year": 2011, "level": "county"}, "text", "id")
    {'year': 2011, 'level': 'county'}
    """
    return {k: v for k, v in row.items() if k != text_column and not k == id_column == "id"}


def _given_id(row, id_column):
    """The id a row gives, as an error names it (None: none, or not one to print)."""
    given = row.get(id_column)
    return _id_text(given) if given not in (None, "") and not LONE_SURROGATE_RE.search(str(given)) else None


def _no_field(path, number, known, fields, text_column):
    """The error of a row (line ``number``, id ``known``) without the text field, naming its ``fields``."""
    return DocumentError(f"{path_text(path)}:{number}", f"no {text_column!r} field (fields: {', '.join(fields)}); "
                         "name the text field with --text-column", id=known)


def _from_row(path, number, row, text_column, id_column):
    source = f"{path_text(path)}:{number}"
    given = row.get(id_column)
    known = _given_id(row, id_column)
    if text_column not in row:
        return _no_field(path, number, known, map(str, row), text_column)
    text = row[text_column]
    if not isinstance(text, str) or not text.strip():
        return DocumentError(source, f"empty or non-text {text_column!r} field", id=known)
    meta = {**row_meta(row, text_column, id_column), "source": source}
    try:
        return make_record(given if given not in (None, "") else f"{path_text(path.with_suffix('').name)}:{number}",
                           text, meta, source=source)
    except DocumentError as error:
        return error



# --- Hugging Face datasets saved with save_to_disk ---------------------------

DATASET_MARKERS = ("dataset_info.json", "state.json", "dataset_dict.json")


def _is_saved_dataset(path):
    return any((path / name).is_file() for name in DATASET_MARKERS)


def _json_value(value, source=None, where="meta"):
    """``value`` as valid JSON data: NaN and infinities become None, keys
    strings, tuples lists, other objects their ``str``; a lone surrogate in a
    string is a DocumentError naming ``where`` (it cannot be written as UTF-8).
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        if source is not None:
            _check_surrogates(source, where, value)
        return value
    if value is None or isinstance(value, (int, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _json_value(v, source, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v, source, where) for v in value]
    return str(value)


def _read_dataset(path, text_column, id_column):
    """Rows of a dataset saved with ``save_to_disk``, one Record each."""
    try:
        from datasets import Dataset, load_from_disk
        loaded = load_from_disk(str(path))
    except Exception as error:  # corrupt or from an incompatible datasets version
        yield DocumentError(path, f"cannot load the saved dataset: {type(error).__name__}: {error}")
        return
    splits = [(None, loaded)] if isinstance(loaded, Dataset) else list(loaded.items())
    for split, ds in splits:
        where = path / split if split else path
        if text_column not in ds.column_names:
            yield DocumentError(where, f"no column {text_column!r} (columns: "
                                f"{', '.join(ds.column_names)}); name it with --text-column")
            continue
        name = f"{path.name}/{split}" if split else path.name
        for index, row in enumerate(ds):
            row = _json_value(row)
            if row.get(id_column) in (None, ""):
                row[id_column] = f"{name}:{index}"  # stable: folder (and split) and row
            yield _from_row(where, index, row, text_column, id_column)
