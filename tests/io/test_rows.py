"""io.rows: the one reader of CSV, TSV, JSONL, .xlsx and Parquet rows (documents, metadata sheets,
training data, gold sources)."""

import datetime
import json
import sys

import pytest

from policy_nlp.errors import ConfigError, DocumentError
from policy_nlp.io.rows import read_table

# sentences of local speeches dev-0016 and dev-0044
FIRST = "民为政首,农为邦本。区委、区政府每年年初都会召开区委农村工作会议,认真研究和部署“三农”工作。"
SECOND = "市委、市政府提出深化开放兴区、借力加快发展,这是工作主线,是带有战略性的部署。"


def test_a_quoted_cell_over_several_lines_is_one_row_and_u2028_breaks_no_line(tmp_path):
    # training split the text with str.splitlines, which breaks at U+2028 (a web page's line
    # separator left in a cell); a cell's own line breaks keep its row one row
    path = tmp_path / "units.csv"
    path.write_text(f'id,text\na,"{FIRST}\n{SECOND}"\nb,"{SECOND}\u2028{FIRST}"\n', encoding="utf-8")
    names, rows = read_table(path)
    assert names == ["id", "text"]
    assert list(rows) == [(2, {"id": "a", "text": f"{FIRST}\n{SECOND}"}),
                          (3, {"id": "b", "text": f"{SECOND}\u2028{FIRST}"})]


def test_an_invalid_utf8_line_is_an_error_of_its_row_only(tmp_path):
    # the row's quoted cell runs over two lines, the second damaged: the row is the error,
    # named by its row (3), the line (4) in the reason
    path = tmp_path / "units.csv"
    damaged = f'b,"{FIRST}\n{SECOND}"'.encode().replace("借力".encode(), b"\xe5\x80")
    path.write_bytes(f'id,text\na,"{SECOND}"\n'.encode() + damaged + f'\nc,"{FIRST}"\n'.encode())
    names, rows = read_table(path)
    (_, a), (number, error), (_, c) = rows
    assert a["text"] == SECOND and c["text"] == FIRST
    assert number == 3 and error.source == f"{path}:3"
    assert error.reason.startswith("invalid UTF-8: byte 0xe5") and error.reason.endswith("of line 4")
    with pytest.raises(DocumentError, match=r"units\.csv:3: invalid UTF-8"):
        list(read_table(path, strict=True)[1])


@pytest.mark.parametrize("kind, data", [
    ("csv", 'id,text,year\na,"{}",2020\n'),
    ("tsv", "id\ttext\tyear\na\t{}\t2020\n"),
    ("jsonl", '{{"id": "a", "text": "{}", "year": "2020"}}\n')])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_every_kind_in_every_encoding_reads_the_same_row(tmp_path, kind, data, encoding):
    path = tmp_path / f"d.{kind}"
    path.write_bytes(data.format(FIRST).encode(encoding))
    _, rows = read_table(path)
    assert list(rows) == [(2 if kind != "jsonl" else 1, {"id": "a", "text": FIRST, "year": "2020"})]


def test_jsonl_lines_that_are_no_object_say_what_they_are(tmp_path):
    path = tmp_path / "d.ndjson"
    path.write_text("\n".join([json.dumps({"text": FIRST}, ensure_ascii=False), "[1, 2]", "null", "",
                               '"' + SECOND + '"', "{bad"]) + "\n", encoding="utf-8")
    _, rows = read_table(path)
    rows = list(rows)
    assert rows[0] == (1, {"text": FIRST})
    assert [(n, e.reason) for n, e in rows[1:]] == [
        (2, "a JSONL line must be an object ({...}), not a list"),
        (3, "a JSONL line must be an object ({...}), not null"),
        (5, "a JSONL line must be an object ({...}), not a string"),
        (6, "invalid JSON: Expecting property name enclosed in double quotes at column 2")]


@pytest.mark.parametrize("content, message", [
    ("", r"empty CSV file \(no header\)"),
    ("\n\n", r"empty CSV file \(no header\)"),
    ("id,text,text\n", r"the header names a column more than once: 'text' \(columns 2, 3\)")])
def test_a_file_without_a_usable_header_is_an_error_of_the_file(tmp_path, content, message):
    path = tmp_path / "d.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=rf"d\.csv: {message}"):
        read_table(path)


def test_columns_without_a_name_may_repeat(tmp_path):
    # a sheet saved with empty columns at its right (id,text,,): no name is chosen twice
    path = tmp_path / "d.csv"
    path.write_text(f'id,text,,\na,"{FIRST}",,\n', encoding="utf-8")
    names, rows = read_table(path)
    assert names == ["id", "text", "", ""] and list(rows)[0][1]["text"] == FIRST


# --- Excel .xlsx and Parquet -------------------------------------------------------------

def write_xlsx(path, rows):
    """A workbook whose first sheet holds ``rows`` from A1 (None: an empty cell or row)."""
    import openpyxl
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row) if row else [])
    book.save(path)
    return path


def write_parquet(path, columns, rows):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    pq.write_table(pa.table({name: [row[i] for row in rows] for i, name in enumerate(columns)}), path)
    return path


def test_a_sheet_reads_as_the_csv_saved_from_it_and_numbers_its_rows_alike(tmp_path):
    """The same rows as an .xlsx and as the CSV Excel saves of it: the same fields (numbers as
    written, a date in ISO form, an empty cell ""), the same row numbers, an empty row (",,,," in
    the CSV) counted but no row; empty rows above the header too (a blank line in the CSV)."""
    rows = [None, ["id", "text", "year", "date", "note"],
            ["a", FIRST, 2019, datetime.datetime(2019, 3, 5), None], None,
            ["b", SECOND, 2020.0, datetime.date(2020, 5, 21), 0.5]]
    sheet = write_xlsx(tmp_path / "d.xlsx", rows)
    (tmp_path / "d.csv").write_text(f'\nid,text,year,date,note\na,"{FIRST}",2019,2019-03-05,\n,,,,\n'
                                    f'b,"{SECOND}",2020,2020-05-21,0.5\n', encoding="utf-8")
    names, read = read_table(sheet)
    read = list(read)
    assert names == ["id", "text", "year", "date", "note"]
    assert read == [(3, {"id": "a", "text": FIRST, "year": "2019", "date": "2019-03-05", "note": ""}),
                    (5, {"id": "b", "text": SECOND, "year": "2020", "date": "2020-05-21", "note": "0.5"})]
    csv_names, csv_rows = read_table(tmp_path / "d.csv")
    assert (csv_names, list(csv_rows)) == (names, read)


def write_formatted_xlsx(path, rows, formats, builtin=None, epoch=None):
    """``write_xlsx`` with a number format per column (``formats``: column letter -> format code)
    on the rows below the header; ``builtin`` maps a format code to the built-in format id an
    East Asian Excel saves in its place (by number, with no code in the file)."""
    import re
    import zipfile
    import openpyxl
    book = openpyxl.Workbook()
    if epoch:
        book.epoch = epoch
    for row in rows:
        book.active.append(row)
    for column, code in formats.items():
        for cell in book.active[column][1:]:
            cell.number_format = code
    book.save(path)
    if builtin:
        with zipfile.ZipFile(path) as source:
            parts = {info: source.read(info.filename) for info in source.infolist()}
        with zipfile.ZipFile(path, "w") as target:
            for info, data in parts.items():
                if info.filename == "xl/styles.xml":
                    for code, number in builtin.items():
                        escaped = code.replace('"', "&quot;").encode()
                        custom = re.search(rb'<numFmt numFmtId="(\d+)" formatCode="' + re.escape(escaped) + b'"',
                                           data).group(1)
                        data, n = re.subn(rb'<xf numFmtId="' + custom + b'"', b'<xf numFmtId="%d"' % number, data)
                        assert n == 1
                target.writestr(info, data)
    return path


@pytest.mark.parametrize("epoch", ["1900", "1904"])
def test_a_date_in_an_east_asian_builtin_format_is_read_as_a_date(tmp_path, epoch):
    """A Chinese Excel saves 2012年3月5日 and 3月5日 as built-in formats 31 and 58, named by number
    only; openpyxl knows no code for them and read the cells as their serial numbers (40973).
    They are dates, counted from the workbook's epoch (a Mac workbook's 1904 too)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    long_date, month_day = 'yyyy"年"m"月"d"日"', 'm"月"d"日"'
    rows = [["id", "text", "date", "day"], ["a", FIRST, datetime.datetime(2012, 3, 5), datetime.date(2019, 12, 31)]]
    sheet = write_formatted_xlsx(tmp_path / "d.xlsx", rows, {"C": long_date, "D": month_day},
                                 builtin={long_date: 31, month_day: 58},
                                 epoch=CALENDAR_MAC_1904 if epoch == "1904" else None)
    _, read = read_table(sheet)
    assert list(read) == [(2, {"id": "a", "text": FIRST, "date": "2012-03-05", "day": "2019-12-31"})]


def test_a_date_time_in_a_date_only_format_is_its_date(tmp_path):
    """leftovers23: a cell holding a date and a time shown in a date-only format (yyyy-mm-dd, the
    built-in 14, an East Asian 2012年3月5日) read as 2012-03-05 08:30:00, which neither Excel nor
    the CSV saved from it shows; it is the date. A format that shows the time keeps it, and
    an East Asian time format (32: 8时30分) is read as before."""
    stamp = datetime.datetime(2012, 3, 5, 8, 30)
    long_date, time_of_day = 'yyyy"年"m"月"d"日"', 'h"时"mm"分"'
    rows = [["id", "iso", "builtin", "chinese", "stamp", "clock"], ["a", stamp, stamp, stamp, stamp, stamp],
            ["b", stamp.date(), 40973.75, 40973.25, 40973.5, 40973.5]]
    sheet = write_formatted_xlsx(tmp_path / "d.xlsx", rows,
                                 {"B": "yyyy-mm-dd", "C": "mm-dd-yy", "D": long_date, "E": "yyyy-mm-dd h:mm",
                                  "F": time_of_day}, builtin={long_date: 31, time_of_day: 32})
    _, read = read_table(sheet)
    assert list(read) == [
        (2, {"id": "a", "iso": "2012-03-05", "builtin": "2012-03-05", "chinese": "2012-03-05",
             "stamp": "2012-03-05 08:30:00", "clock": "2012-03-05 08:30:00"}),
        (3, {"id": "b", "iso": "2012-03-05", "builtin": "2012-03-05", "chinese": "2012-03-05",
             "stamp": "2012-03-05 12:00:00", "clock": "2012-03-05 12:00:00"})]


def test_an_id_in_a_number_format_of_zeros_keeps_its_leading_zeros(tmp_path):
    """A metadata sheet's ids typed as numbers and shown 0042 through the number format 0000 are
    the ids 0042 of the files they describe (0042.txt), not 42; a number in another format, or
    not whole, is read as written."""
    rows = [["id", "code", "year", "share"], [42, 110105, 2012, 4.5], [7, 3101, 2013.0, 12.0]]
    sheet = write_formatted_xlsx(tmp_path / "d.xlsx", rows, {"A": "0000", "B": "000000", "C": "0", "D": "0000"})
    _, read = read_table(sheet)
    assert list(read) == [(2, {"id": "0042", "code": "110105", "year": "2012", "share": "4.5"}),
                          (3, {"id": "0007", "code": "003101", "year": "2013", "share": "0012"})]


def test_a_parquet_file_keeps_its_types_and_numbers_its_rows_from_0(tmp_path):
    """A Hugging Face dataset's Parquet export: row N is dataset[N], df.iloc[N]; list and number
    cells keep their types (a multi-label cell), a null is None, a timestamp is ISO text."""
    path = write_parquet(tmp_path / "d.parquet", ["text", "labels", "year", "date"],
                         [(FIRST, ["agriculture_rural"], 2019, datetime.datetime(2019, 3, 5)),
                          (SECOND, [], None, datetime.datetime(2020, 5, 21, 9, 30))])
    names, rows = read_table(path)
    assert names == ["text", "labels", "year", "date"]
    assert list(rows) == [(0, {"text": FIRST, "labels": ["agriculture_rural"], "year": 2019, "date": "2019-03-05"}),
                          (1, {"text": SECOND, "labels": [], "year": None, "date": "2020-05-21 09:30:00"})]


def test_a_sheets_cell_right_of_its_header_is_read_as_the_csv_saved_from_it_reads_it(tmp_path):
    """A note typed right of the header: Excel saves the sheet's used range, a header cell
    without a name (id,text,), and read_table reads the column without a name from both."""
    sheet = write_xlsx(tmp_path / "d.xlsx", [["id", "text"], ["a", FIRST, "待核"], ["b", SECOND]])
    (tmp_path / "d.csv").write_text(f'id,text,\na,"{FIRST}",待核\nb,"{SECOND}",\n', encoding="utf-8")
    names, rows = read_table(sheet)
    rows = list(rows)
    assert rows == [(2, {"id": "a", "text": FIRST, "": "待核"}), (3, {"id": "b", "text": SECOND, "": ""})]
    csv_names, csv_rows = read_table(tmp_path / "d.csv")
    assert (csv_names, list(csv_rows)) == (names, rows)


def test_a_sheet_whose_file_declares_too_small_a_range_is_read_whole(tmp_path):
    """WPS Spreadsheets and Apache POI's streaming writer save ``<dimension ref="A1"/>`` whatever
    the sheet holds; openpyxl's read-only mode trusted it and read the header's first cell and no
    row. The rows and cells past the declared range are read, as Excel opens the file."""
    import re
    import zipfile
    good = write_xlsx(tmp_path / "good.xlsx", [["id", "text", "year"], ["a", FIRST, 2019], None, ["b", SECOND]])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "a1.xlsx", "w") as a1:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data)
                assert n == 1
            a1.writestr(info, data)
    names, rows = read_table(good)
    expected = (names, list(rows))
    assert expected == (["id", "text", "year"], [(2, {"id": "a", "text": FIRST, "year": "2019"}),
                                                (4, {"id": "b", "text": SECOND, "year": ""})])
    names, rows = read_table(tmp_path / "a1.xlsx")
    assert (names, list(rows)) == expected


def test_bad_workbooks_and_parquet_files_name_the_file_and_the_reason(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["id", "text"], ["a", FIRST]]).read_bytes()
    cases = {"zip.xlsx": (b"PK\x03\x04 not a zip", r"not an Excel \.xlsx workbook, or a damaged one"),
             "cut.xlsx": (good[:len(good) // 2], r"not an Excel \.xlsx workbook, or a damaged one"),
             "csv.parquet": (f"id,text\na,{FIRST}\n".encode(), r"not a Parquet file, or a damaged one"),
             "old.xls": (b"\xd0\xcf\x11\xe0", r"an Excel 97-2003 \.xls workbook: save it as \.xlsx or as CSV"),
             "sheet.ods": (b"PK", r"an OpenDocument \.ods spreadsheet: save it as \.xlsx or as CSV")}
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        if name.endswith(".parquet"):
            pytest.importorskip("pyarrow")
        with pytest.raises(DocumentError, match=rf"{name}: {message}"):
            read_table(tmp_path / name)
    with pytest.raises(DocumentError, match=r"empty\.xlsx: the first sheet is empty \(it needs a header row\)"):
        read_table(write_xlsx(tmp_path / "empty.xlsx", [None, None]))
    with pytest.raises(DocumentError, match=r"twice\.xlsx: the header names a column more than once: 'text'"):
        read_table(write_xlsx(tmp_path / "twice.xlsx", [["text", "text"], [FIRST, SECOND]]))
    with pytest.raises(DocumentError, match=r"folder\.xlsx: not a regular file \(a folder\)"):
        (tmp_path / "folder.xlsx").mkdir()
        read_table(tmp_path / "folder.xlsx")
    # a sheet whose XML is cut halfway (a copy broken off): the rows before the damage are read
    import zipfile
    write_xlsx(tmp_path / "long.xlsx", [["id", "text"], *[(f"r{n}", FIRST) for n in range(60)]])
    with zipfile.ZipFile(tmp_path / "long.xlsx") as source, zipfile.ZipFile(tmp_path / "cut_sheet.xlsx", "w") as cut:
        for info in source.infolist():
            data = source.read(info.filename)
            cut.writestr(info, data[:len(data) // 2] if info.filename == "xl/worksheets/sheet1.xml" else data)
    _, rows = read_table(tmp_path / "cut_sheet.xlsx")
    read = []
    with pytest.raises(DocumentError, match=r"cut_sheet\.xlsx: a damaged workbook: row \d+ of the first sheet "
                                            r"cannot be read \("):
        for number, row in rows:
            read.append(number)
    assert read[:2] == [2, 3] and 10 < len(read) < 60
    # a header and no rows yet is a table (a sheet to be filled in), as a CSV of its header is
    names, rows = read_table(write_xlsx(tmp_path / "header.xlsx", [["file", "year"]]))
    assert (names, list(rows)) == (["file", "year"], [])
    names, rows = read_table(write_parquet(tmp_path / "header.parquet", ["file", "year"], []))
    assert (names, list(rows)) == (["file", "year"], [])


def test_a_parquet_file_without_pyarrow_names_the_extra_to_install(tmp_path, monkeypatch):
    path = write_parquet(tmp_path / "d.parquet", ["text"], [(FIRST,)])
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    with pytest.raises(ConfigError, match=r"d\.parquet: reading Parquet needs pyarrow, which is not installed: "
                                          r"pip install 'policy_nlp\[tables\]'"):
        read_table(path)
