"""Hostile inputs to the readers: each gives a per-document error or a correct
record, never a hang, a traceback or a lost row (issue 14)."""

import codecs
import json
import math
import os
import threading

import pytest

from policy_nlp.errors import DocumentError
from policy_nlp.io.corpus import read_inputs
from policy_nlp.io.reading import decode, read_bytes
from conftest import shared_path

TEXT = "各位代表：\n现在，我代表国务院，向大会报告政府工作。“十四五”规划全面启动。\n"
ALL_CHINESE = "全面推进乡村振兴加快建设农业强国深化改革坚持农业农村优先发展"  # no byte of UTF-16 is NUL


def read(path, **options):
    items = list(read_inputs([path], **options))
    return ([i for i in items if not isinstance(i, DocumentError)],
            [i for i in items if isinstance(i, DocumentError)])


# --- non-regular files ---------------------------------------------------------

def test_a_fifo_is_refused_at_once_not_read(tmp_path):
    fifo = tmp_path / "speech.txt"
    os.mkfifo(fifo)
    result = {}
    reader = threading.Thread(target=lambda: result.update(items=list(read_inputs([fifo]))), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    (error,) = result["items"]
    assert isinstance(error, DocumentError) and error.source == str(fifo)
    assert "not a regular file (a FIFO)" in error.reason


def test_a_device_is_refused():
    with pytest.raises(DocumentError, match="character device"):
        read_bytes("/dev/zero")  # would never end if read


# --- UTF-16 without a byte-order mark ---------------------------------------------

@pytest.mark.parametrize("text", [TEXT, ALL_CHINESE, "Policy text in English.\n"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_when_plausible(text, encoding):
    assert decode(text.encode(encoding), "x.txt") == (text, encoding)


def test_utf16_without_bom_on_the_national_reports():
    with open(shared_path("corpora", "national", "government_work_reports.jsonl"), encoding="utf-8") as f:
        text = f.read(200_000)
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(encoding)) == (text, encoding)


def test_binary_and_other_encodings_are_not_taken_for_utf16():
    import random
    rng = random.Random(0)
    for _ in range(20):
        noise = bytes(rng.randrange(256) for _ in range(4000))
        with pytest.raises(DocumentError):
            decode(noise, "noise.bin")
    assert decode(TEXT.encode("gbk")) == (TEXT, "gb18030")
    with pytest.raises(DocumentError, match="binary"):  # NUL characters are not text in any byte order
        decode(b"\x00\x00\x00\x01" * 100, "ints.bin")


# --- JSONL: one bad line is one error --------------------------------------------

def test_an_invalid_byte_rejects_only_its_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [json.dumps({"id": f"d{i}", "text": TEXT}, ensure_ascii=False).encode() for i in range(4)]
    rows[2] = rows[2].replace("国务院".encode(), b"\xff\xfe")
    path.write_bytes(b"\n".join(rows) + b"\n")
    records, errors = read(path)
    assert [r.id for r in records] == ["d0", "d1", "d3"] and all(r.text == TEXT for r in records)
    (error,) = errors
    assert error.source == f"{path}:3" and "invalid UTF-8" in error.reason and "0xff" in error.reason


def test_a_nul_in_one_line_rejects_only_that_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [json.dumps({"id": f"d{i}", "text": TEXT}, ensure_ascii=False) for i in range(3)]
    rows[1] = rows[1][:20] + "\x00\x00" + rows[1][20:]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    records, errors = read(path)
    assert [r.id for r in records] == ["d0", "d2"]
    assert [e.source for e in errors] == [f"{path}:2"] and "invalid JSON" in errors[0].reason


def test_a_gb18030_jsonl_is_still_read_as_a_whole(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_bytes("".join(json.dumps({"id": f"d{i}", "text": TEXT}, ensure_ascii=False) + "\n"
                             for i in range(3)).encode("gb18030"))
    records, errors = read(path)
    assert errors == [] and [r.text for r in records] == [TEXT] * 3
    assert records[0].meta["source"].endswith("docs.jsonl:1")


def test_lone_surrogates_are_an_error_of_their_row(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "同志们：今天开会。"}\n'
                    '{"id": "b\\ud800", "text": "坚持发展。"}\n'
                    '{"id": "c", "text": "坚持\\udfff发展。"}\n'
                    '{"id": "d", "text": "二是要狠抓落实。", "title": "\\ud83d"}\n'
                    '{"id": "e", "text": "二是要狠抓落实。\\ud83d\\ude00"}\n', encoding="utf-8")
    records, errors = read(path)
    assert [r.id for r in records] == ["a", "e"] and records[1].text.endswith("😀")  # a valid pair
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["2", "3", "4"]
    assert [e.reason.split(" contains")[0] for e in errors] == ["the id", "the text", "the meta.title"]
    assert all("lone surrogate" in e.reason for e in errors)


def test_object_ids_are_json_and_nan_in_meta_is_null(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": {"b": 1, "a": [2, "x"]}, "text": "今天开会。", "score": NaN, '
                    '"range": [1, Infinity, -Infinity], "n": 3}\n'
                    '{"id": ["gwr", 2019], "text": "今天开会。"}\n', encoding="utf-8")
    records, errors = read(path)
    assert errors == []
    assert [r.id for r in records] == ['{"a": [2, "x"], "b": 1}', '["gwr", 2019]']
    assert records[0].meta["score"] is None and records[0].meta["range"] == [1, None, None]
    assert records[0].meta["n"] == 3
    json.dumps(records[0].meta, allow_nan=False)  # valid JSON
    assert not any(isinstance(v, float) and not math.isfinite(v) for v in records[0].meta.values())


# --- CSV -------------------------------------------------------------------------

def test_extra_csv_cells_are_an_error_of_their_row(tmp_path):
    path = tmp_path / "speeches.csv"
    path.write_text("id,text,place\n"
                    "a,同志们：今天开会。,泾阳县\n"
                    "b,坚持发展,全面推进,泾阳县\n"      # an unquoted comma in the text
                    "c,二是要狠抓落实。,泾阳县,,\n",     # trailing commas: empty cells, ignored
                    encoding="utf-8")
    records, errors = read(path)
    assert [r.id for r in records] == ["a", "c"]
    assert all(None not in r.meta and "null" not in r.meta for r in records)
    (error,) = errors
    assert error.source == f"{path}:3" and "4 cells but the header has 3 columns" in error.reason


def test_a_csv_row_that_ends_before_the_text_column_is_an_error_saying_so(tmp_path):
    path = tmp_path / "speeches.csv"
    path.write_text("id,date,text\na,2020,同志们：今天开会。\nb,2021\nc,2022,\n", encoding="utf-8")
    records, errors = read(path)
    assert [r.id for r in records] == ["a"]
    short, empty = errors
    assert short.source == f"{path}:3" and short.reason == ("2 cells but the header has 3 columns: "
                                                             "the row ends before the 'text' column")
    assert empty.source == f"{path}:4" and "empty" in empty.reason


def test_an_invalid_byte_rejects_only_its_csv_row_as_in_jsonl(tmp_path):
    # a CSV with one damaged line was a whole-file "not UTF-8" error: every row lost
    path = tmp_path / "speeches.csv"
    rows = [f'd{i},"{TEXT}"'.encode() for i in range(4)]
    rows[2] = rows[2].replace("国务院".encode(), b"\xff\xfe")
    path.write_bytes(b"id,text\n" + b"\n".join(rows) + b"\n")
    records, errors = read(path)
    assert [r.id for r in records] == ["d0", "d1", "d3"] and all(r.text == TEXT for r in records)
    (error,) = errors
    assert error.source == f"{path}:4" and "invalid UTF-8" in error.reason and "0xff" in error.reason


def test_tsv_and_ndjson_files_are_tables_as_the_metadata_sheet_and_train_read_them(tmp_path):
    # a .tsv given was read as one plain-text document, header and all
    (tmp_path / "speeches.tsv").write_text(f'id\ttext\tlevel\na\t"{TEXT}"\tcounty\n', encoding="utf-16")
    (tmp_path / "speeches.ndjson").write_text(json.dumps({"id": "b", "text": TEXT}, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    (tmp_path / "header.tsv").write_text("id\ttext\n", encoding="utf-8")
    records, errors = read(tmp_path, pattern=["*.tsv", "*.ndjson"])
    assert [(r.id, r.text, r.meta.get("level")) for r in records] == [("b", TEXT, None), ("a", TEXT, "county")]
    assert [(os.path.basename(e.source), e.reason) for e in errors] == \
        [("header.tsv", "empty TSV file (a header but no rows)")]


def test_a_table_without_rows_is_an_error_as_an_empty_text_file_is(tmp_path):
    (tmp_path / "header.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n \n", encoding="utf-8")
    (tmp_path / "none.jsonl").write_bytes(b"")
    (tmp_path / "good.jsonl").write_text('{"id": "a", "text": "今天开会。"}\n', encoding="utf-8")
    records, errors = read(tmp_path)
    assert [r.id for r in records] == ["a"]
    assert {os.path.basename(e.source): e.reason for e in errors} == {
        "header.csv": "empty CSV file (a header but no rows)",
        "blank.jsonl": "empty JSONL file (no line with a document)",
        "none.jsonl": "empty JSONL file (no line with a document)"}


def test_a_duplicated_csv_header_is_an_error_naming_the_column(tmp_path):
    path = tmp_path / "speeches.csv"
    path.write_text("id,text,date,text\na,同志们：今天开会。,2020,另一段\n", encoding="utf-8")
    records, errors = read(path)
    assert records == []
    (error,) = errors
    assert error.source == str(path) and "'text' (columns 2, 4)" in error.reason


# --- repeated ids ------------------------------------------------------------------

def test_repeated_ids_stay_unique_even_when_the_input_holds_id_hash_2(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": "今天开会。"}) + "\n"
                            for i in ["A", "A", "A#2", "A", "B"]), encoding="utf-8")
    records, _ = read(path)
    assert [r.id for r in records] == ["A", "A#2", "A#2#2", "A#3", "B"]
    assert [r.meta.get("given_id") for r in records] == [None, "A", "A#2", "A", None]


def test_utf16_bom_and_utf8_bom_jsonl(tmp_path):
    line = json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False) + "\n"
    for name, data in [("le.jsonl", line.encode("utf-16")), ("sig.jsonl", codecs.BOM_UTF8 + line.encode())]:
        (tmp_path / name).write_bytes(data)
        records, errors = read(tmp_path / name)
        assert errors == [] and [(r.id, r.text) for r in records] == [("a", TEXT)]


# --- folders ---------------------------------------------------------------------

def test_a_broken_link_a_fifo_an_unreadable_file_and_subfolder_in_a_folder_are_reported(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inside.txt").write_text(TEXT, encoding="utf-8")
    scandir = os.scandir

    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    scandir, open_fd = os.scandir, os.open

    def refuse_locked(path="."):  # chmod 000 does not stop root, who may run the tests
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    def refuse_secret(path, *args, **kwargs):
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return open_fd(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    monkeypatch.setattr(os, "open", refuse_secret)
    records, errors = read(tmp_path)
    assert [r.id for r in records] == ["good"]
    reasons = {os.path.basename(e.source): e.reason for e in errors}
    assert reasons == {"gone.txt": "cannot be read: No such file or directory",
                       "pipe.txt": "not a regular file (a FIFO); give a file or a folder",
                       "locked": "folder cannot be read: Permission denied",
                       "secret.txt": "cannot be read: Permission denied"}


def test_a_document_error_survives_pickling_as_a_process_pool_sends_it():
    import pickle
    error = pickle.loads(pickle.dumps(DocumentError("in.jsonl:4", "empty or non-text 'text' field", id="b")))
    assert isinstance(error, DocumentError) and str(error) == "in.jsonl:4: empty or non-text 'text' field"
    assert (error.source, error.reason, error.id) == ("in.jsonl:4", "empty or non-text 'text' field", "b")
