"""Rows of a CSV, TSV or JSONL file: the one reader of the tables a user gives.

Documents (:mod:`policy_nlp.io.corpus`), the ``--meta-file`` sheet and the
labelled paragraphs of ``policy-nlp train`` (:mod:`policy_nlp.apps.training`)
are read here, so that every table is decoded alike (UTF-8 with or without a
BOM, GB18030/GBK as Excel saves CSV on Chinese Windows, UTF-16: the encodings
:func:`~policy_nlp.lang.encodings.decode` reads) and a broken row is told
alike: its file and row, and why. A corpus run reports the row and goes on;
a sheet or training file is refused with the same message (``strict``).
"""

import csv
import io
import json

from policy_nlp.errors import DocumentError
from policy_nlp.io.reading import decode, read_bytes

# work reports and long paragraphs are single cells; 2**31 - 1, not sys.maxsize, which overflows the
# C long of Windows builds (an OverflowError at import)
csv.field_size_limit(2**31 - 1)

# what a file holds, by its suffix (anything else given as a table is read as CSV)
KINDS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_DELIMITERS = {"csv": ",", "tsv": "\t"}


def table_kind(path):
    """``"csv"``, ``"tsv"`` or ``"jsonl"`` by the suffix of ``path`` (CSV for any other)."""
    return KINDS.get(path.suffix.lower(), "csv")


def read_table(path, kind=None, strict=False):
    """The header and the rows of a CSV, TSV or JSONL file.

    Parameters
    ----------
    path : Path
    kind : {"csv", "tsv", "jsonl"}, optional
        Default: :func:`table_kind` of ``path``.
    strict : bool
        Raise the first row's :class:`~policy_nlp.errors.DocumentError`
        instead of yielding it (a sheet or a training file with a broken row
        is an error; a corpus run goes on).

    Returns
    -------
    columns : list of str or None
        The header's names (None for JSONL, whose lines name their own fields).
    rows : iterator of (int, dict or DocumentError)
        Each row's number and fields: for JSONL the line (from 1; blank lines
        are skipped), for CSV the row (the header is row 1; blank lines are
        not counted), so a document read from a row keeps its id. A cell a
        CSV row does not reach is None. A row that cannot be read is a
        DocumentError ``path:number`` saying why: a line that is not UTF-8
        (in a file most of whose lines are), a row with more cells than the
        header has (unless the extra ones are empty: a trailing comma),
        invalid JSON, a JSONL line that is no object.

    Raises
    ------
    DocumentError
        The file cannot be read or decoded; a CSV without a header, or whose
        header names a column twice (which of the two is meant is a guess).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> _ = path.write_bytes("地区,year\\n广东,2019,,\\n\\n重庆\\n".encode("gbk"))
    >>> columns, rows = read_table(path)
    >>> columns, list(rows)
    (['地区', 'year'], [(2, {'地区': '广东', 'year': '2019'}), (3, {'地区': '重庆', 'year': None})])
    """
    kind = kind or table_kind(path)
    text, damaged = _decoded(path)
    if kind == "jsonl":
        columns, rows = None, _jsonl_rows(path, text, damaged)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_DELIMITERS[kind])
        columns = _header(path, kind, reader, damaged)
        rows = _csv_rows(path, kind, reader, columns, damaged)
    return columns, (_raising(rows) if strict else rows)


def _raising(rows):
    for number, row in rows:
        if isinstance(row, DocumentError):
            raise row
        yield number, row


def _decoded(path):
    """``(text, damaged)``: the text of the file at ``path`` and ``{line: reason}``
    of its lines that are not UTF-8 (read with U+FFFD in the text).

    The file is decoded as a whole like any text file (:func:`decode`). When
    that fails, or gives GB18030, but most of its non-ASCII lines are UTF-8,
    it is UTF-8 with damaged lines: the rows on them are errors of their own
    and the other rows are read.
    """
    data = read_bytes(path)
    try:
        text, encoding = decode(data, source=str(path))
    except DocumentError as error:
        text, encoding, failure = None, None, error
    if encoding not in (None, "gb18030"):
        return text, {}
    lines, damaged = [], {}
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError as error:
            damaged[number] = (f"invalid UTF-8: byte 0x{error.object[error.start]:02x} "
                               f"at byte {error.start} of line {number}")
            lines.append(line.decode("utf-8", errors="replace"))
    good = sum(1 for number, line in enumerate(lines, start=1) if number not in damaged and not line.isascii())
    if good > len(damaged):
        return "\n".join(lines).removeprefix("\ufeff"), damaged
    if text is None:
        raise failure
    return text, {}


def _jsonl_rows(path, text, damaged):
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 is text
        if number in damaged:
            yield number, DocumentError(f"{path}:{number}", damaged[number])
            continue
        if not line.strip():
            continue
        try:  # without its line break, a line cut inside a string reads "Unterminated string"
            row = json.loads(line.rstrip("\r"))
        except json.JSONDecodeError as error:  # json's messages may end in "at" ("... starting at")
            yield number, DocumentError(f"{path}:{number}",
                                        f"invalid JSON: {error.msg.removesuffix(' at')} at column {error.colno}")
            continue
        if not isinstance(row, dict):
            yield number, DocumentError(f"{path}:{number}", f"a JSONL line must be an object ({{...}}), "
                                        f"not {_JSON_KINDS.get(type(row), 'a value')}")
            continue
        yield number, row


_JSON_KINDS = {list: "a list", str: "a string", int: "a number", float: "a number", bool: "true or false",
               type(None): "null"}


def _header(path, kind, reader, damaged):
    """The names of the first row that is not blank (csv.DictReader's header)."""
    try:
        names = next((row for row in reader if row), None)
    except csv.Error as error:
        raise DocumentError(f"{path}:{reader.line_num}", f"not valid {kind.upper()}: {error}") from None
    if names is None:
        raise DocumentError(path, f"empty {kind.upper()} file (no header)")
    broken = next((damaged[n] for n in range(1, reader.line_num + 1) if n in damaged), None)
    if broken:
        raise DocumentError(path, f"the header: {broken}")
    repeated = sorted({name for name in names if name.strip() and names.count(name) > 1}, key=names.index)
    if repeated:
        where = ", ".join(f"{name!r} (columns {', '.join(str(i + 1) for i, n in enumerate(names) if n == name)})"
                          for name in repeated)
        raise DocumentError(path, f"the header names a column more than once: {where}; rename the copies")
    return names


def _csv_rows(path, kind, reader, names, damaged):
    number = 1  # the header
    while True:
        first = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as error:
            raise DocumentError(f"{path}:{number + 1}", f"not valid {kind.upper()}: {error}") from None
        if cells is None:
            return
        if not cells:  # a blank line is no row (as csv.DictReader reads it)
            continue
        number += 1
        broken = next((damaged[n] for n in range(first, reader.line_num + 1) if n in damaged), None) \
            if damaged else None
        if broken:
            yield number, DocumentError(f"{path}:{number}", broken)
        elif len(cells) > len(names) and any(cell.strip() for cell in cells[len(names):]):
            yield number, DocumentError(f"{path}:{number}", f"{len(cells)} cells but the header has {len(names)} "
                                        "columns (an unquoted comma or a missing quote?)")
        else:
            yield number, dict(zip(names, cells + [None] * (len(names) - len(cells))))
