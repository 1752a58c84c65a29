import codecs
import json

import pytest

from policy_nlp.io.corpus import MetaSheet, read_inputs
from policy_nlp.errors import DocumentError
from policy_nlp.stages.paragraphs import find_paragraphs, find_sentences
from policy_nlp.pipeline.tokenizer import MAX_RUN, _runs

from conftest import SEED as SEED_PATH, shared_path

BODY = "各位代表：\n现在，我代表国务院，向大会报告政府工作。"


def read(*paths, **kwargs):
    items = list(read_inputs([str(p) for p in paths], **kwargs))
    return ([i for i in items if not isinstance(i, DocumentError)],
            [i for i in items if isinstance(i, DocumentError)])


def test_folder_recursive_with_encodings_and_stable_ids(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "utf8.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a" / "gbk.txt").write_bytes(BODY.encode("gbk"))
    (tmp_path / "a" / "b" / "bom.txt").write_bytes(codecs.BOM_UTF8 + BODY.encode())
    (tmp_path / "a" / "b" / "utf16.txt").write_bytes(BODY.encode("utf-16"))
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    records, errors = read(tmp_path)
    assert errors == []
    assert sorted(r.id for r in records) == ["a/b/bom", "a/b/utf16", "a/gbk", "utf8"]
    assert {r.text for r in records} == {BODY}
    assert len({r.meta["sha1"] for r in records}) == 1
    assert {r.meta["encoding"] for r in records} == {"utf-8", "gb18030", "utf-8-sig", "utf-16"}
    assert [r.id for r in read(tmp_path, pattern="*.md")[0]] == ["notes"]


def test_bad_inputs_are_reported_with_reasons_and_the_rest_read(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("réforme économique très générale".encode("latin-1"))
    (tmp_path / "controls.txt").write_text("同志们\x00：", encoding="utf-8")
    records, errors = read(tmp_path)
    assert [r.id for r in records] == ["good"]
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert set(reasons) == {"empty.txt", "blank.txt", "binary.txt", "latin1.txt", "controls.txt"}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"] and "binary" in reasons["controls.txt"]
    assert "UTF-8" in reasons["latin1.txt"]


def test_control_characters_inside_text_are_removed_and_counted(tmp_path):
    (tmp_path / "c.txt").write_text("同志们\x07：\x1b今天\u200b开会。", encoding="utf-8")
    (record,), _ = read(tmp_path / "c.txt")
    assert record.text == "同志们：今天开会。"
    assert record.meta["normalized"]["control"] == 2 and record.meta["normalized"]["zero_width"] == 1


def test_jsonl_ids_kept_metadata_copied_and_bad_lines_reported(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "gwr-2019", "text": BODY, "year": "2019"}, ensure_ascii=False),
        json.dumps({"text": BODY + "。"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x", "body": BODY}, ensure_ascii=False),
        json.dumps({"id": "y", "text": ""}),
    ]), encoding="utf-8")
    records, errors = read(path)
    assert [r.id for r in records] == ["gwr-2019", "docs:2"]
    assert records[0].meta["year"] == "2019" and records[0].meta["source"].endswith("docs.jsonl:1")
    assert [e.source.rsplit(":", 1)[-1] for e in errors] == ["3", "4", "5"]
    assert "invalid JSON" in errors[0].reason and "'text'" in errors[1].reason


def test_a_jsonl_without_the_text_field_in_any_line_is_one_error_of_the_file(tmp_path):
    """newuser22: the national work reports read without --text-column content failed once per
    line, 72 lines of stderr saying the same; lines without it among lines with it stay their own."""
    reports = shared_path("corpora", "national", "government_work_reports.jsonl")
    records, errors = read(reports)
    assert records == [] and len(errors) == 1 and errors[0].source == str(reports)
    assert errors[0].reason == ("no 'text' field in any of its 72 lines (fields: title, url, content, year); "
                                "name the text field with --text-column")
    assert len(read(reports, text_column="content")[0]) == 72
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in [
        {"content": BODY}, {"content": BODY}, {"text": BODY}, {"content": BODY}]), encoding="utf-8")
    records, errors = read(mixed)
    assert len(records) == 1 and [e.source.rsplit(":", 1)[-1] for e in errors] == ["1", "2", "4"]


def test_a_jsonl_without_the_text_field_holds_no_error_per_line(tmp_path):
    """review16: the lines held while none has the field were held as errors, ~0.7 kB each (a million
    short lines took 1.1 GB, 0.3 GB before they were held): now their numbers, ids and field names."""
    import tracemalloc
    path = tmp_path / "short.jsonl"
    path.write_text("".join(json.dumps({"id": f"gwr-{i}", "content": "两个维护"}, ensure_ascii=False) + "\n"
                            for i in range(20_000)), encoding="utf-8")
    tracemalloc.start()
    try:
        records, errors = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert records == [] and len(errors) == 1 and "in any of its 20000 lines (fields: id, content)" in errors[0].reason
    assert peak < 20_000 * 500  # 19 MB when each line's error was held, 7.6 MB now (the file is 0.9 MB)
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in [
        {"id": "a", "content": BODY}, {"id": "b", "year": "2019"}, {"id": "c", "text": BODY}]), encoding="utf-8")
    records, errors = read(mixed)
    assert [r.id for r in records] == ["c"] and [(e.id, e.reason) for e in errors] == [
        ("a", "no 'text' field (fields: id, content); name the text field with --text-column"),
        ("b", "no 'text' field (fields: id, year); name the text field with --text-column")]


def test_a_jsonl_line_cut_inside_a_string_is_named_unterminated_once(tmp_path):
    # a line cut in its text field: json reports a control character (the line break) "at", twice "at"
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "a", "text": "同志们\n' + json.dumps({"id": "b", "text": BODY}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    records, errors = read(path)
    assert [r.id for r in records] == ["b"]
    assert errors[0].reason == "invalid JSON: Unterminated string starting at column 21"


def test_csv_with_named_columns(tmp_path):
    path = tmp_path / "speeches.csv"
    path.write_bytes(codecs.BOM_UTF8 + "Date,Text\n2020-03-07,\"同志们：　　这次会议\"\n".encode())
    records, errors = read(path, text_column="Text", id_column="Date")
    assert errors == [] and [(r.id, r.text) for r in records] == [("2020-03-07", "同志们：　　这次会议")]
    records, errors = read(path)
    assert records == [] and "no column 'text'" in errors[0].reason


def test_a_meta_column_no_row_has_is_named(tmp_path, caplog):
    path = tmp_path / "speeches.csv"
    path.write_text("Date,Text,title\n2020-03-07,同志们：今天开会。,讲话\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="policy_nlp"):
        records, _ = read(path, text_column="Text", meta_columns="title,titel", date_column="Dat")
    assert records[0].meta["title"] == "讲话" and "date" not in records[0].meta
    assert caplog.messages == ["no input row has the fields 'titel', 'Dat' (fields found: Date, title)"]
    caplog.clear()
    with caplog.at_level("WARNING", logger="policy_nlp"):
        read(path, text_column="Text", meta_columns="title", date_column="Date")
        read(SEED_PATH, meta_columns="title")  # a text file has no fields to choose from
    assert caplog.messages == []


def test_an_id_column_no_row_has_is_named(tmp_path, caplog):
    """newuser22: --id-column Dat (for Date) named every Xi speech all_data:N without a word,
    where --date-column Dat was named; the default id column of plain text files is no typo."""
    path = tmp_path / "speeches.csv"
    path.write_text("Date,Text\n2020-03-07,同志们：今天开会。\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="policy_nlp"):
        (record,), _ = read(path, text_column="Text", id_column="Dat")
        assert record.id == "speeches:2"
        read(path, text_column="Text", id_column="Date", date_column="Date")
        read(SEED_PATH, id_column="Date")
    assert caplog.messages == ["no input row has the field 'Dat' (fields found: Date)"]


def test_a_field_chosen_as_the_id_stays_in_meta(tmp_path):
    # --id-column title: the title is the id and still the document's title (tables, views)
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps({"title": "2019年政府工作报告", "year": "2019", "id": 7, "content": "各位代表："},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    (record,), _ = read(path, text_column="content", id_column="title")
    assert record.id == "2019年政府工作报告" and record.meta["title"] == "2019年政府工作报告"
    assert record.meta["id"] == 7  # the row's own id field is an ordinary field then
    (record,), _ = read(path, text_column="content")
    assert record.id == "7" and "id" not in record.meta  # the plain id is not repeated in meta


def test_five_megabyte_single_line(tmp_path):
    line = "推进社会管理创新，加快城乡一体化建设，实施“五心工程”；" * 65_000
    path = tmp_path / "huge.txt"
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    (record,), errors = read(path)
    assert errors == [] and record.text == line
    paragraphs = find_paragraphs(record.text)   # one line, cut into paragraph-sized units
    assert paragraphs[0][0] == 0 and paragraphs[-1][1] == len(line)
    assert all(a[1] <= b[0] for a, b in zip(paragraphs, paragraphs[1:]))
    assert max(e - s for s, e in paragraphs) < 1000
    assert len(find_sentences(record.text, paragraphs)) == 65_000
    runs = list(_runs(record.text))
    assert max(e - s for s, e in runs) <= MAX_RUN and sum(e - s for s, e in runs) == len(line)


def test_date_and_meta_columns_and_repeated_ids(tmp_path):
    path = tmp_path / "speeches.csv"
    path.write_text("Date,Text,Place,Junk\n2020-05-19,同志们：今天开会。,泾阳县,x\n"
                    "2020-05-19,同志们：明天开会。,泾阳县,y\n二〇一二年六月十五日,各位代表：现在报告。,,z\n",
                    encoding="utf-8")
    records = list(read_inputs([path], text_column="Text", id_column="Date", date_column="Date",
                               meta_columns="Place=place"))
    assert [r.id for r in records] == ["2020-05-19", "2020-05-19#2", "二〇一二年六月十五日"]
    assert records[1].meta["given_id"] == "2020-05-19" and records[1].meta["date"] == "2020-05-19"
    assert "Junk" not in records[0].meta and records[0].meta["place"] == "泾阳县"
    dated = list(read_inputs([path], text_column="Text", date_column="Date"))
    assert [r.meta["date"] for r in dated] == ["2020-05-19", "2020-05-19", "二〇一二年六月十五日"]
    assert dated[0].meta["Junk"] == "x"  # without --meta-columns every field is kept


def test_meta_option_sets_a_field_on_every_document_unless_it_gives_its_own(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text('{"id": "a", "text": "各位代表：现在，我代表国务院，向大会报告政府工作。"}\n'
                    '{"id": "b", "text": "同志们：全县要落实河长制。", "level": "county"}\n'
                    '{"id": "c", "text": "同志们：今天开会。", "level": ""}\n', encoding="utf-8")
    records = list(read_inputs([path], meta=["level=national", "corpus=gwr"]))
    assert [(r.meta["level"], r.meta["corpus"]) for r in records] == \
        [("national", "gwr"), ("county", "gwr"), ("national", "gwr")]
    # through the CLI: the given level is kept by the place/level inference, with its evidence
    from policy_nlp.cli import main
    assert main(["annotate", str(path), "-o", str(tmp_path / "out"), "--stages", "paragraphs",
                 "--no-lexicon", "--meta", "level=national", "-q"]) == 0
    lines = (tmp_path / "out" / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
    metas = {d["id"]: d["meta"] for d in map(json.loads, lines)}
    assert metas["a"]["level"] == "national" and metas["a"]["level_evidence"] == "meta"
    assert metas["b"]["level"] == "county"


@pytest.mark.parametrize("option, message", [("national", "give FIELD=VALUE"), ("=x", "give FIELD=VALUE"),
                                             ("sha1=0", "cannot set sha1")])
def test_bad_meta_options_are_clear_errors(option, message, tmp_path):
    with pytest.raises(ValueError, match=message):
        list(read_inputs([SEED_PATH], meta=[option]))


def _speeches(tmp_path):
    """A researcher's folder of .txt speeches (sentences of local speeches dev-0016 and dev-0044,
    and of Xi's letter of 2020-03-15) with the metadata sheet kept beside them."""
    folder = tmp_path / "speeches"
    (folder / "local").mkdir(parents=True)
    (folder / "xi").mkdir()
    (folder / "local" / "district_a.txt").write_text(
        "民为政首,农为邦本。区委、区政府每年年初都会召开区委农村工作会议,认真研究和部署“三农”工作。", encoding="utf-8")
    (folder / "local" / "city_b.txt").write_text(
        "市委、市政府提出深化开放兴区、借力加快发展,这是工作主线,是带有战略性的部署。", encoding="utf-8")
    (folder / "xi" / "letter.txt").write_text("来信收悉。在新冠肺炎疫情防控斗争中，你们青年人同在一线英勇奋战。",
                                              encoding="utf-8")
    return folder


def test_a_metadata_sheet_gives_each_text_file_its_fields(tmp_path, caplog):
    """Plain .txt files carry no year or level; a researcher keeps them in a sheet (Excel's
    CSV on Chinese Windows: GBK), by file name or by path, often in the corpus folder."""
    folder = _speeches(tmp_path)
    sheet = folder / "元数据.csv"
    sheet.write_bytes("file,year,level,地区\nlocal/district_a.txt,2020,district,\ncity_b,2011,city,广东\n"
                      "xi/letter.txt,2020,national,\nlocal/typo.txt,2019,county,\n".encode("gbk"))
    with caplog.at_level("WARNING", logger="policy_nlp"):
        records, errors = read(folder, meta_file=sheet)
    assert errors == []  # the sheet in the folder is not read as a document
    meta = {r.id: r.meta for r in records}
    assert meta["local/district_a"]["year"] == "2020" and meta["local/district_a"]["level"] == "district"
    assert "地区" not in meta["local/district_a"]  # an empty cell sets nothing
    assert meta["local/city_b"]["地区"] == "广东" and meta["xi/letter"]["level"] == "national"
    assert "1 row matches no document read (local/typo.txt)" in caplog.text
    # by id, overriding a field the document gives; a document without a row is named
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "text": "同志们：全县要落实河长制。", "level": "city"}\n'
                    '{"id": "b", "text": "同志们：今天开会。"}\n', encoding="utf-8")
    by_id = tmp_path / "by_id.tsv"
    by_id.write_text("id\tlevel\na\tcounty\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="policy_nlp"):
        records, _ = read(rows, meta_file=by_id)
    assert records[0].meta["level"] == "county" and "1 of 2 documents have no row (b)" in caplog.text


def test_a_metadata_sheet_with_absolute_paths_and_levels_it_does_not_keep(tmp_path, caplog):
    """review11: a sheet written by a script holds absolute paths (``str(path)`` of a glob),
    which matched no file (the root became ``//``); a level that is none of the inferred ones
    (provincial, 县级) or a year that is none gave way silently."""
    folder = _speeches(tmp_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"file,year,level\n{folder / 'local' / 'district_a.txt'},2020,县级市\n"
                     f"{(folder / 'xi' / 'letter.txt').as_posix()},不详,National\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="policy_nlp"):
        records, _ = read(folder, meta_file=sheet)
    meta = {r.id: r.meta for r in records}
    assert meta["local/district_a"]["level"] == "县级市" and meta["xi/letter"]["level"] == "National"
    assert "matches no document" not in caplog.text and "1 of 3 documents have no row (local/city_b)" in caplog.text
    # National is the level national (policy_nlp.stages.places.given_level); 县级市 names none
    assert "level '县级市' is none of national, province" in caplog.text and "National" not in caplog.text
    assert "year '不详' is no year" in caplog.text
    # a bare name that two files of the corpus have (2019/report.txt, 2020/report.txt) is named
    (folder / "xi" / "city_b.txt").write_text("同志们：今天开会。", encoding="utf-8")
    sheet.write_text("file,year\ncity_b.txt,2011\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level("WARNING", logger="policy_nlp"):
        records, _ = read(folder, meta_file=sheet)
    assert "1 row gives several documents their fields ('city_b.txt': local/city_b, xi/city_b)" in caplog.text


def test_annotate_meta_file_keeps_the_sheets_level_and_year(tmp_path):
    from policy_nlp.cli import main
    folder = _speeches(tmp_path)
    sheet = tmp_path / "meta.csv"
    sheet.write_text("file,year,level\nxi/letter.txt,2020,national\n", encoding="utf-8")
    assert main(["annotate", str(folder), "--meta-file", str(sheet), "-o", str(tmp_path / "out"),
                 "--stages", "paragraphs", "--no-lexicon", "-q"]) == 0
    docs = {d["id"]: d["meta"] for d in map(json.loads, (tmp_path / "out" / "annotations.jsonl")
                                          .read_text(encoding="utf-8").splitlines())}
    assert (docs["xi/letter"]["year"], docs["xi/letter"]["level"], docs["xi/letter"]["level_evidence"]) == \
        (2020, "national", "meta")


def test_a_sheet_of_file_names_in_its_id_column_is_told_what_the_ids_are(tmp_path, capsys):
    """newuser: a first user's .xlsx named her speeches by file name in an `id` column
    (district_a for local/district_a.txt); no row matched and, with -q, no warning said so:
    every year and level of the sheet was lost with exit status 0."""
    from policy_nlp.cli import main
    folder = _speeches(tmp_path)
    sheet = tmp_path / "meta.csv"
    sheet.write_text("id,year,level\ndistrict_a,2020,district\nletter,2020,national\n", encoding="utf-8")
    assert main(["annotate", str(folder), "--meta-file", str(sheet), "-o", str(tmp_path / "out"),
                 "--stages", "paragraphs", "--no-lexicon", "-q"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "2 rows match no document read (district_a, letter)" in err
    assert "the id of a file below a folder is its path there without the suffix ('local/district_a', " \
           "not 'district_a'); give those ids, or name the column 'file'" in err
    sheet.write_text("file,year,level\ndistrict_a,2020,district\nletter,2020,national\n", encoding="utf-8")
    assert main(["annotate", str(folder), "--meta-file", str(sheet), "-o", str(tmp_path / "out2"),
                 "--stages", "paragraphs", "--no-lexicon", "-q"]) == 0
    assert "no row" in capsys.readouterr().err  # city_b has none: named, -q or not
    docs = {d["id"]: d["meta"] for d in map(json.loads, (tmp_path / "out2" / "annotations.jsonl")
                                          .read_text(encoding="utf-8").splitlines())}
    assert docs["local/district_a"]["year"] == 2020 and docs["xi/letter"]["level"] == "national"


@pytest.mark.parametrize("content, message", [
    ("name,year\na.txt,2020\n", r"no column 'id' or 'file' \(columns: name, year\)"),
    ("file,source\na.txt,x\n", "cannot set source"),
    ("file,year\na.txt,2020\na.txt,2021\n", r"sheet\.csv:3: file 'a\.txt' has a row already"),
    ("", r"sheet\.csv: empty CSV file \(no header\)")])  # io.rows.read_table's message for every table
def test_a_bad_metadata_sheet_names_the_file_and_the_reason(tmp_path, content, message):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=message):
        read(SEED_PATH, meta_file=sheet)


def test_a_metadata_sheet_of_no_rows_yet_is_read_by_its_header(tmp_path, caplog):
    """review13: a sheet with its header row and no rows yet (file,year,level) was refused as
    having "no column 'id' or 'file' (columns: )": the names were read off the rows only."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("file,year,level\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="policy_nlp"):
        records, errors = read(_speeches(tmp_path), meta_file=sheet)
    assert len(records) == 3 and errors == [] and "3 of 3 documents have no row" in caplog.text


def test_a_metadata_sheet_kept_in_excel_or_parquet_gives_what_its_csv_gives(tmp_path, caplog):
    """review11 asked for the CSV of a ``--meta-file coded.xlsx``; the sheet is read as it is
    now, an .xlsx (a year typed as a number, a date cell) and a Parquet file as the CSV saved
    from them; an .xls or .ods is refused saying to save it as .xlsx or CSV."""
    import datetime
    import openpyxl
    folder = _speeches(tmp_path)
    rows = [["file", "year", "level", "date"], ["local/district_a.txt", 2020, "district", datetime.date(2020, 4, 2)],
            [None], ["xi/letter.txt", 2020, "national", datetime.date(2020, 3, 15)]]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "sheet.xlsx")
    (tmp_path / "sheet.csv").write_text("file,year,level,date\nlocal/district_a.txt,2020,district,2020-04-02\n\n"
                                        "xi/letter.txt,2020,national,2020-03-15\n", encoding="utf-8")
    by_csv = {r.id: r.meta for r in read(folder, meta_file=tmp_path / "sheet.csv")[0]}
    assert by_csv["local/district_a"]["level"] == "district" and by_csv["xi/letter"]["date"] == "2020-03-15"
    assert {r.id: r.meta for r in read(folder, meta_file=tmp_path / "sheet.xlsx")[0]} == by_csv
    assert MetaSheet.read(tmp_path / "sheet.xlsx").digest == MetaSheet.read(tmp_path / "sheet.csv").digest
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"file": ["local/district_a.txt", "xi/letter.txt"], "year": ["2020", "2020"],
                             "level": ["district", "national"], "date": ["2020-04-02", "2020-03-15"]}),
                   tmp_path / "sheet.parquet")
    assert {r.id: r.meta for r in read(folder, meta_file=tmp_path / "sheet.parquet")[0]} == by_csv
    (tmp_path / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(DocumentError, match=r"sheet\.xls: an Excel 97-2003 \.xls workbook: save it as \.xlsx or "
                                            r"as CSV"):
        read(folder, meta_file=tmp_path / "sheet.xls")


def test_a_metadata_sheet_whose_ids_are_numbers_gives_the_row_of_id_0_too(tmp_path):
    """A JSONL or Parquet sheet keeps its ids' type: pandas writes a range index 0, 1 … as numbers,
    and the row of id 0 was read as a row without an id (``0 or ""``) and left out unseen."""
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n"
                            for i, text in enumerate((BODY, "同志们：\n今天召开全县农村工作会议。"))), encoding="utf-8")
    sheet = tmp_path / "sheet.jsonl"
    sheet.write_text('{"id": 0, "year": 2019}\n{"id": 1, "year": 2020}\n', encoding="utf-8")
    sheets = [sheet]
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
        pq.write_table(pa.table({"id": [0, 1], "year": [2019, 2020]}), tmp_path / "sheet.parquet")
        sheets.append(tmp_path / "sheet.parquet")
    except ImportError:
        pass
    for path in sheets:
        records, errors = read(docs, meta_file=path)
        assert errors == [] and [(r.id, r.meta.get("year")) for r in records] == [("0", 2019), ("1", 2020)], path


def test_a_parquet_sheet_whose_ids_are_floats_gives_their_documents_their_rows(tmp_path):
    """pandas stores an id column with a missing value as floats (1.0, 2.0): such a sheet written
    by pyarrow matched no document (its keys were "1.0"); an integral float id is read as "1"."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n"
                            for i, text in enumerate((BODY, "同志们：\n今天召开全县农村工作会议。"), 1)),
                    encoding="utf-8")
    sheet = tmp_path / "sheet.parquet"
    pq.write_table(pa.table({"id": [1.0, 2.0, None, 2.5], "year": [2019, 2020, 2021, 2022]}), sheet)
    assert MetaSheet.read(sheet).rows == {"1": {"year": 2019}, "2": {"year": 2020}, "2.5": {"year": 2022}}
    records, errors = read(docs, meta_file=sheet)
    assert errors == [] and [(r.id, r.meta.get("year")) for r in records] == [("1", 2019), ("2", 2020)]


@pytest.mark.parametrize("name, data, message", [
    # a JSONL sheet's line that is no object, or cut; a TSV row with a cell beyond the header
    # (it was dropped unseen); a UTF-8 sheet with one damaged line (a whole-file "not UTF-8")
    ("sheet.jsonl", '{"id": "a", "year": 2020}\n["b", 2021]\n'.encode(),
     r"sheet\.jsonl:2: a JSONL line must be an object"),
    ("sheet.jsonl", '{"id": "a", "year": 2020}\n{"id": "b", "year\n'.encode(), r"sheet\.jsonl:2: invalid JSON"),
    ("sheet.tsv", "id\tlevel\na\tcounty\nb\tcity\t泾阳县\n".encode(), r"sheet\.tsv:3: 3 cells but the header has 2"),
    ("sheet.csv",
     "file,地区\nlocal/district_a.txt,广东\ncity_b.txt,广西\n".encode().replace("广西".encode(), b"\xb9\xe3"),
     r"sheet\.csv:3: invalid UTF-8: byte 0xb9")])
def test_a_metadata_sheet_with_a_broken_row_names_its_file_and_row(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(DocumentError, match=message):
        read(SEED_PATH, meta_file=tmp_path / name)


# --- documents in Excel sheets and Parquet files --------------------------------------------

# the sheets and Parquet files of the row reader's tests (tests/io/test_rows.py)
from test_rows import write_parquet as _parquet, write_xlsx as _xlsx  # noqa: E402


def test_documents_in_a_sheet_or_parquet_file_read_as_the_rows_of_their_csv(tmp_path):
    """``annotate speeches.xlsx --text-column 正文``: a row a document, ids ``name:N`` by the
    row a spreadsheet shows (an empty row counted, as the CSV's blank line), a Parquet row
    by its position from 0; an empty text is its row's error; the other options as for CSV."""
    folder = _speeches(tmp_path)
    texts = [(folder / name).read_text(encoding="utf-8") for name in ("local/district_a.txt", "local/city_b.txt",
                                                                       "xi/letter.txt")]
    header = ("正文", "日期", "地区")
    rows = [(texts[0], "2020-04-02", "重庆"), ("", "2021-01-05", ""), (texts[1], "2011-06-01", "广东"),
            (texts[2], "2020-03-15", "")]
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "speeches.csv").write_text(
        "\n".join([",".join(header), *(",".join(f'"{cell}"' for cell in row) for row in rows[:2]), "",
                   *(",".join(f'"{cell}"' for cell in row) for row in rows[2:])]) + "\n", encoding="utf-8")
    _xlsx(sheets / "speeches.xlsx", [header, *rows[:2], (), *rows[2:]])
    _parquet(sheets / "speeches.parquet", header, rows)
    options = dict(text_column="正文", date_column="日期", meta_columns=["地区=place"])
    found = {}
    for suffix in ("csv", "xlsx", "parquet"):
        records, errors = read(sheets / f"speeches.{suffix}", **options)
        found[suffix] = records
        first_row = 2 if suffix != "parquet" else 0
        assert [e.source for e in errors] == [f"{sheets / 'speeches'}.{suffix}:{first_row + 1}"], suffix
        assert "empty or non-text '正文' field" in errors[0].reason
    assert [r.id for r in found["xlsx"]] == [r.id for r in found["csv"]] == ["speeches:2", "speeches:5", "speeches:6"]
    assert [r.id for r in found["parquet"]] == ["speeches:0", "speeches:2", "speeches:3"]
    for records in found.values():
        assert [r.text for r in records] == texts
        assert [(r.meta["date"], r.meta.get("place")) for r in records] == \
            [("2020-04-02", "重庆"), ("2011-06-01", "广东"), ("2020-03-15", "")]
    assert [{k: v for k, v in r.meta.items() if k != "source"} for r in found["xlsx"]] == \
        [{k: v for k, v in r.meta.items() if k != "source"} for r in found["parquet"]]
    # an id column names the rows; a folder reads workbooks by --glob, an .xls among them is told
    _xlsx(sheets / "ids.xlsx", [("编号", "正文"), ("d-1", texts[0]), ("d-2", texts[1])])
    (sheets / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    records, errors = read(sheets, pattern=["ids.xlsx", "*.xls"], text_column="正文", id_column="编号")
    assert [(r.id, r.meta["source"]) for r in records] == [("d-1", f"{sheets / 'ids.xlsx'}:2"),
                                                          ("d-2", f"{sheets / 'ids.xlsx'}:3")]
    assert [e.reason for e in errors] == ["an Excel 97-2003 .xls workbook: save it as .xlsx or as CSV "
                                          "(File > Save As; Excel: 'CSV UTF-8') and give that file"]


@pytest.mark.parametrize("name, message", [
    ("header.xlsx", "empty Excel sheet (a header but no rows)"),
    ("header.parquet", "empty Parquet file (no rows)"),
    ("other.xlsx", "no column '正文' (columns: title, text); name it with --text-column")])
def test_a_sheet_or_parquet_file_without_documents_is_an_error_of_the_file(tmp_path, name, message):
    if name == "header.xlsx":
        _xlsx(tmp_path / name, [("正文", "日期")])
    elif name == "header.parquet":
        _parquet(tmp_path / name, ("正文", "日期"), [])
    else:
        _xlsx(tmp_path / name, [("title", "text"), ("回信", "来信收悉。")])
    records, errors = read(tmp_path / name, text_column="正文")
    assert records == [] and [(e.source, e.reason) for e in errors] == [(str(tmp_path / name), message)]


def test_annotate_reads_a_sheet_and_a_parquet_file_as_it_reads_their_csv(tmp_path):
    """Xi's 2020 speeches as a researcher keeps them: the CSV, the .xlsx saved from it and a
    Parquet export annotate alike (the text, every stage, meta but its source; Parquet ids from 0);
    a rerun of the .xlsx resumes (nothing annotated twice), with other read options it is refused."""
    import csv
    from policy_nlp.cli import main
    from conftest import shared_path
    with shared_path("corpora", "xi_speeches_2020", "all_data.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = [(row["Date"], row["Text"][:400]) for _, row in zip(range(3), csv.DictReader(f))]
    with open(tmp_path / "xi.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("Date", "Text"), *rows])
    _xlsx(tmp_path / "xi.xlsx", [("Date", "Text"), *rows])
    _parquet(tmp_path / "xi.parquet", ("Date", "Text"), rows)
    docs = {}
    for suffix in ("csv", "xlsx", "parquet"):
        out = tmp_path / f"out_{suffix}"
        assert main(["annotate", str(tmp_path / f"xi.{suffix}"), "--text-column", "Text", "--date-column", "Date",
                     "-o", str(out), "-q"]) == 0
        lines = (out / "annotations.jsonl").read_text(encoding="utf-8").splitlines()
        docs[suffix] = [json.loads(line) for line in lines]
        for doc in docs[suffix]:
            assert doc["meta"].pop("source").startswith(f"{tmp_path / 'xi'}.{suffix}:")
    assert [d["id"] for d in docs["csv"]] == ["xi:2", "xi:3", "xi:4"]
    assert docs["xlsx"] == docs["csv"] and len(docs["csv"]) == 3
    assert [d["id"] for d in docs["parquet"]] == ["xi:0", "xi:1", "xi:2"]
    assert [{**d, "id": None} for d in docs["parquet"]] == [{**d, "id": None} for d in docs["csv"]]
    before = (tmp_path / "out_xlsx" / "annotations.jsonl").read_bytes()
    assert main(["annotate", str(tmp_path / "xi.xlsx"), "--text-column", "Text", "--date-column", "Date",
                 "-o", str(tmp_path / "out_xlsx"), "-q"]) == 0
    assert (tmp_path / "out_xlsx" / "annotations.jsonl").read_bytes() == before
    with pytest.raises(SystemExit) as stop:
        main(["annotate", str(tmp_path / "xi.xlsx"), "--text-column", "Text", "-o", str(tmp_path / "out_xlsx"), "-q"])
    assert stop.value.code == 2


def test_a_number_in_a_text_field_is_read_as_text_from_json_and_a_dataset_alike(tmp_path):
    """A JSONL row giving ``title: 2019`` or ``place: 12`` (a column of codes) kept the number,
    which the JSON Schema refuses, while a datasets Dataset of the same rows may give "2019":
    the declared text fields are text wherever rows become meta (io.corpus.declared_text)."""
    import policy_nlp
    from datasets import Dataset
    from policy_nlp.io.output import doc_to_dict, validate
    from policy_nlp.run.worker import annotate_record
    from conftest import local_record
    rows = []
    for key, title, place in (("dev-0001", 2019, 12), ("dev-0002", "在全县会议上的讲话", "泾阳县")):
        record = local_record(key)
        rows.append({"id": key, "text": record["text"], "title": title, "place": place, "year": 2019})
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    Dataset.from_json(str(source), cache_dir=str(tmp_path / "cache")).save_to_disk(tmp_path / "dataset")
    from_json = read(source)[0]
    from_dataset = read(tmp_path / "dataset")[0]
    assert (from_json[0].meta["title"], from_json[0].meta["place"], from_json[0].meta["year"]) == ("2019", "12", 2019)
    drop = ("source",)
    assert [{k: v for k, v in r.meta.items() if k not in drop} for r in from_json] == \
        [{k: v for k, v in r.meta.items() if k not in drop} for r in from_dataset]
    nlp = policy_nlp.load(segmenter="fast", stages=["paragraphs"], lexicon=False)
    data = doc_to_dict(annotate_record(nlp, from_json[0]))
    assert data["meta"]["title"] == "2019" and data["meta"]["place"] == "12"
    validate(data)
