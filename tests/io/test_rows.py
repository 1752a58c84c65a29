"""io.rows: the one reader of CSV, TSV and JSONL rows (documents, metadata sheets, training data)."""

import json

import pytest

from policy_nlp.errors import DocumentError
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
