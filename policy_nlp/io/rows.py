"""Rows of a CSV, TSV, JSONL, Excel .xlsx or Parquet file: the one reader of the tables a user gives.

Documents (:mod:`policy_nlp.io.corpus`), the ``--meta-file`` sheet, the
labelled paragraphs of ``policy-nlp train`` (:mod:`policy_nlp.apps.training`)
and ``evaluate``'s gold sources are read here, so that every table is decoded
alike (text tables in UTF-8 with or without a BOM, GB18030/GBK as Excel saves
CSV on Chinese Windows, UTF-16: the encodings
:func:`~policy_nlp.lang.encodings.decode` reads), numbered alike and a broken
row is told alike: its file and row, and why. A corpus run reports the row and
goes on; a sheet or training file is refused with the same message (``strict``).

Rows are numbered where a user finds them in the tool that shows the file: a
CSV/TSV or .xlsx row by the row number a spreadsheet shows (the header is row
1 when it is the first; empty rows, blank lines and rows of empty cells alike,
count, as the spreadsheet shows them, but are no rows), a JSONL line by its line number (from 1), a Parquet row by its
position from 0, as ``pandas.read_parquet(...).iloc[N]``, ``dataset[N]`` of
the Hugging Face dataset it was exported from and DuckDB's ``rowid`` reach it
(no tool shows a Parquet file with a header row; a folder saved by
``save_to_disk`` numbers its rows from 0 too).
"""

import csv
import datetime
import io
import json
import re

from policy_nlp.errors import ConfigError, DocumentError
from policy_nlp.io.reading import decode, read_bytes

# work reports and long paragraphs are single cells; 2**31 - 1, not sys.maxsize, which overflows the
# C long of Windows builds (an OverflowError at import)
csv.field_size_limit(2**31 - 1)

# what a file holds, by its suffix (anything else given as a table is read as CSV)
KINDS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx",
         ".parquet": "parquet"}
# workbooks no reader here opens, refused with what to save them as (read as text, one was a "binary file")
OTHER_WORKBOOKS = {".xls": "an Excel 97-2003 .xls workbook", ".xlsb": "an Excel binary .xlsb workbook",
                   ".ods": "an OpenDocument .ods spreadsheet", ".et": "a WPS Spreadsheets .et workbook",
                   ".numbers": "an Apple Numbers spreadsheet"}
_DELIMITERS = {"csv": ",", "tsv": "\t"}
# how a message names a table of each kind ("empty Excel sheet")
NAMES = {"csv": "CSV file", "tsv": "TSV file", "jsonl": "JSONL file", "xlsx": "Excel sheet",
         "parquet": "Parquet file"}


def table_kind(path):
    """The kind of table at ``path`` by its suffix: a value of :data:`KINDS` (CSV for any other suffix).

    Raises
    ------
    DocumentError
        A workbook of :data:`OTHER_WORKBOOKS` (.xls, .ods ...): the message says to save it as .xlsx or CSV.
    """
    suffix = path.suffix.lower()
    if suffix in OTHER_WORKBOOKS:
        raise DocumentError(path, f"{OTHER_WORKBOOKS[suffix]}: save it as .xlsx or as CSV (File > Save As; "
                            "Excel: 'CSV UTF-8') and give that file")
    return KINDS.get(suffix, "csv")


def read_table(path, kind=None, strict=False):
    """The header and the rows of a CSV, TSV, JSONL, Excel .xlsx or Parquet file.

    Parameters
    ----------
    path : Path
    kind : {"csv", "tsv", "jsonl", "xlsx", "parquet"}, optional
        Default: :func:`table_kind` of ``path``.
    strict : bool
        Raise the first row's :class:`~policy_nlp.errors.DocumentError`
        instead of yielding it (a sheet or a training file with a broken row
        is an error; a corpus run goes on).

    Returns
    -------
    columns : list of str or None
        The header's names (None for JSONL, whose lines name their own
        fields; a Parquet file's column names).
    rows : iterator of (int, dict or DocumentError)
        Each row's number (the module's numbering: a CSV/TSV or .xlsx row as
        a spreadsheet shows it, a JSONL line from 1, a Parquet row from 0)
        and its fields. Empty rows (a blank line, a CSV row of empty cells
        ``,,`` as Excel saves an empty row, an empty sheet row) are skipped,
        their numbers kept. A CSV cell a row does not reach is None; an empty
        .xlsx cell is ``""`` as in a CSV saved from the sheet, and its cells
        are the text the CSV would hold (numbers as written, ``4`` not
        ``4.0``, an id shown ``0042`` by a number format ``0000`` with its
        zeros; dates in ISO form, ``2020-01-02``, a Chinese Excel's
        2012年3月5日 too; TRUE and FALSE). Parquet
        cells keep their types (lists, numbers, None), dates in ISO form too.
        A row that cannot be read is a DocumentError ``path:number`` saying
        why: a line that is not UTF-8 (in a file most of whose lines are), a
        row with more cells than the header has (unless the extra ones are
        empty: a trailing comma), invalid JSON, a JSONL line that is no
        object.

    Raises
    ------
    DocumentError
        The file cannot be read or decoded; a CSV or sheet without a header,
        or whose header names a column twice (which of the two is meant is a
        guess); a damaged workbook or one of :data:`OTHER_WORKBOOKS`; a file
        that is not Parquet.
    ConfigError
        A Parquet file without pyarrow installed (the message names the
        file and the extra to install).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> _ = path.write_bytes("地区,year\\n广东,2019,,\\n\\n重庆\\n".encode("gbk"))
    >>> columns, rows = read_table(path)
    >>> columns, list(rows)
    (['地区', 'year'], [(2, {'地区': '广东', 'year': '2019'}), (4, {'地区': '重庆', 'year': None})])
    """
    kind = kind or table_kind(path)
    if kind in _BINARY:
        columns, rows = _BINARY[kind](path)
    else:
        text, damaged = _decoded(path)
        if kind == "jsonl":
            columns, rows = None, _jsonl_rows(path, text, damaged)
        else:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=_DELIMITERS[kind])
            columns, number = _header(path, kind, reader, damaged)
            rows = _csv_rows(path, kind, reader, columns, number, damaged)
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
    """``(names, row)`` of the first row that is not empty (csv.DictReader's header) and its number."""
    try:
        rows = 0
        for names in reader:
            rows += 1
            if not _empty(names):
                break
        else:
            names = None
    except csv.Error as error:
        raise DocumentError(f"{path}:{reader.line_num}", f"not valid {kind.upper()}: {error}") from None
    if names is None:
        raise DocumentError(path, f"empty {NAMES[kind]} (no header)")
    broken = next((damaged[n] for n in range(1, reader.line_num + 1) if n in damaged), None)
    if broken:
        raise DocumentError(path, f"the header: {broken}")
    return _checked_names(path, names), rows


def _checked_names(path, names):
    """The header's ``names``, or a DocumentError when one is given twice (which is meant is a guess)."""
    repeated = sorted({name for name in names if name.strip() and names.count(name) > 1}, key=names.index)
    if repeated:
        where = ", ".join(f"{name!r} (columns {', '.join(str(i + 1) for i, n in enumerate(names) if n == name)})"
                          for name in repeated)
        raise DocumentError(path, f"the header names a column more than once: {where}; rename the copies")
    return names


def _csv_rows(path, kind, reader, names, number, damaged):
    """The rows below the header (row ``number``), numbered as a spreadsheet shows them."""
    while True:
        first = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as error:
            raise DocumentError(f"{path}:{number + 1}", f"not valid {kind.upper()}: {error}") from None
        if cells is None:
            return
        number += 1  # a blank line, or a row of empty cells (Excel saves an empty row as ",,"), is a
        if _empty(cells):  # spreadsheet's empty row: counted, but no row
            continue
        broken = next((damaged[n] for n in range(first, reader.line_num + 1) if n in damaged), None) \
            if damaged else None
        yield number, (DocumentError(f"{path}:{number}", broken) if broken
                       else _fields(path, number, names, cells, None))


def _empty(cells):
    """Whether a row has no cell with text (a blank line, ``,,``, an empty sheet row)."""
    return not any(str(cell).strip() for cell in cells)


def _fields(path, number, names, cells, missing):
    """A row's ``cells`` under the header's ``names`` (``missing`` for those it does not reach),
    or a DocumentError when it has more cells than the header (unless the extra ones are empty)."""
    if len(cells) > len(names) and any(str(cell).strip() for cell in cells[len(names):]):
        return DocumentError(f"{path}:{number}", f"{len(cells)} cells but the header has {len(names)} "
                             "columns (an unquoted comma or a missing quote?)")
    return dict(zip(names, list(cells) + [missing] * (len(names) - len(cells))))


# --- workbooks and Parquet ------------------------------------------------------------

def _xlsx_table(path):
    """``(names, rows)`` of the first sheet of an Excel .xlsx workbook (openpyxl, read-only).

    The header is the first row with a cell; the rows are numbered as Excel
    shows them; empty rows are skipped. The workbook is read from its bytes
    (:func:`read_bytes`: a FIFO or a folder is told as for a text table)
    and closed when the rows are done.
    """
    import openpyxl
    data = read_bytes(path)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # zipfile.BadZipFile, KeyError, InvalidFileException ... by damage
        raise DocumentError(path, f"not an Excel .xlsx workbook, or a damaged one ({_reason(error)})") from None
    try:
        if not book.worksheets:
            raise DocumentError(path, "the workbook has no worksheet")
        sheet = book.worksheets[0]
        # the used range the file declares: each row is padded to its width, as Excel saves a CSV;
        # but not trusted to end the sheet (WPS and Apache POI's streaming writer declare A1 for
        # any sheet: read-only openpyxl read one cell of it)
        width = sheet.max_column or 0
        sheet.reset_dimensions()
        values = _sheet_values(path, sheet.iter_rows(), width, book.epoch)
        for number, cells in values:
            if not _empty(cells):
                names = _checked_names(path, cells)
                break
        else:
            raise DocumentError(path, "the first sheet is empty (it needs a header row)")
    except BaseException:
        book.close()
        raise
    return names, _xlsx_rows(path, book, values, names)


def _xlsx_rows(path, book, values, names):
    try:
        for number, cells in values:
            if not _empty(cells):
                yield number, _fields(path, number, names, cells, "")
    finally:
        book.close()


def _sheet_values(path, rows, width, epoch):
    """``(number, cells as text)`` of a sheet's rows of cells (from 1), each at least ``width``
    cells long (``""`` after its last); a part of the workbook that cannot be read is a
    DocumentError of the file. ``epoch`` is the workbook's (1900 or 1904) its date serials count from."""
    number, styles = 0, {}
    while True:
        try:
            cells = next(rows, None)
        except Exception as error:  # a damaged sheet part: zlib, XML or zip errors
            raise DocumentError(path, f"a damaged workbook: row {number + 1} of the first sheet cannot be read "
                                f"({_reason(error)})") from None
        if cells is None:
            return
        number += 1
        yield number, [_cell_text(*_shown(cell, epoch, styles)) for cell in cells] + [""] * (width - len(cells))


# The built-in number formats an East Asian Excel gives a date or a time (ECMA-376 Part 1, 18.8.30:
# 27-36 and 50-58, in Chinese yyyy"年"m"月"d"日", yyyy"年"m"月", m"月"d"日", h"时"mm"分" ...): a
# workbook names them by number only, and openpyxl (3.1), which knows the codes of 0-49 only, reads
# such a cell as its serial number (40973 for 2012年3月5日).
_EAST_ASIAN_DATE_FORMATS = frozenset(range(27, 37)) | frozenset(range(50, 59))
# ... those of them that show a date only in every East Asian locale: 32 and 33 are times in all,
# 34, 35, 55 and 56 times in Chinese and dates in Japanese and Korean
_EAST_ASIAN_DATE_ONLY = _EAST_ASIAN_DATE_FORMATS - {32, 33, 34, 35, 55, 56}
_NUMBERS = (int, float, datetime.datetime)


def _shown(cell, epoch, styles):
    """``(value, number format)`` of a sheet's cell (openpyxl's read-only cell) as Excel shows
    it: a number in a date format openpyxl does not know (:data:`_EAST_ASIAN_DATE_FORMATS`) as
    its date or time, and a date and time in a format that shows the date only as the date.
    ``styles`` caches :func:`_number_style` by the cell's style (a dict per sheet)."""
    value = cell.value
    if type(value) not in _NUMBERS:  # text, a time openpyxl read, TRUE/FALSE, an empty cell
        return value, None
    # a style's number format read once: read for each cell it cost a fifth of the reading time
    style = styles.get(cell._style_id)
    if style is None:
        style = styles[cell._style_id] = _number_style(cell)
    number_format, east_asian_date, date_only = style
    if east_asian_date and type(value) is not datetime.datetime:
        from openpyxl.utils.datetime import from_excel
        try:
            value = from_excel(value, epoch)
        except (OverflowError, ValueError):  # no date (openpyxl reads one in a format it knows #VALUE!)
            return value, number_format
    if type(value) is datetime.datetime:
        return (value.date() if date_only else value), None
    return value, number_format


def _number_style(cell):
    """``(number format, whether it is an East Asian date format openpyxl does not know, whether
    it shows a date only)`` of a cell's style."""
    from openpyxl.styles.numbers import is_datetime
    number_format, code = cell.number_format, cell.style_array.numFmtId
    date_only = code in _EAST_ASIAN_DATE_ONLY or is_datetime(number_format) == "date"
    return number_format, code in _EAST_ASIAN_DATE_FORMATS, date_only


# A number format of zeros only (0000, 000000): an id or a code shown with its leading zeros.
_ZERO_PADDED = re.compile(r"0{2,}")


def _cell_text(value, number_format=None):
    """A sheet's cell as the text a CSV saved from it holds: ``""`` when empty, numbers as
    written (``4``, not ``4.0``; a whole number in a number format of zeros, ``0000``, with its
    zeros, as an id is shown), dates in ISO form, TRUE and FALSE.

    >>> _cell_text(None), _cell_text(4.0), _cell_text(0.5), _cell_text(True), _cell_text("十四五")
    ('', '4', '0.5', 'TRUE', '十四五')
    >>> _cell_text(datetime.datetime(2020, 1, 2)), _cell_text(datetime.datetime(2020, 1, 2, 8, 30))
    ('2020-01-02', '2020-01-02 08:30:00')
    >>> _cell_text(42, "0000"), _cell_text(42.0, "000000"), _cell_text(42, "0"), _cell_text(4.5, "0000")
    ('0042', '000042', '42', '4.5')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and value >= 0 and number_format and _ZERO_PADDED.fullmatch(number_format):
        return str(value).zfill(len(number_format))
    return str(_iso(value))


def _iso(value):
    """A date or time as ISO text (a midnight datetime as its date); anything else as it is."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _parquet_table(path):
    """``(names, rows)`` of a Parquet file, read a row group at a time (pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pyproject's extra that brings it (the CLI names the same for a missing module)
        raise ConfigError(f"{path}: reading Parquet needs pyarrow, which is not installed: "
                          "pip install 'policy_nlp[tables]'") from None
    data = read_bytes(path)
    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
    except Exception as error:  # pyarrow's ArrowInvalid and others, by damage
        raise DocumentError(path, f"not a Parquet file, or a damaged one ({_reason(error)})") from None
    return _checked_names(path, parquet.schema_arrow.names), _parquet_rows(path, parquet)


def _parquet_rows(path, parquet):
    number, batches = 0, parquet.iter_batches()
    while True:
        try:
            batch = next(batches, None)
            rows = [] if batch is None else batch.to_pylist()
        except Exception as error:  # a damaged row group
            raise DocumentError(f"{path}:{number}", f"a damaged Parquet file: the rows from here cannot be "
                                f"read ({_reason(error)})") from None
        if batch is None:
            return
        for row in rows:
            yield number, {name: _iso(value) for name, value in row.items()}
            number += 1


def _reason(error):
    """An exception of a reader below as a reason: its message, or its type when it has none."""
    return " ".join(str(error).split()) or type(error).__name__


_BINARY = {"xlsx": _xlsx_table, "parquet": _parquet_table}
