"""One malformed annotated record (hand-edited offsets, a null marker, a line
that is not JSON) is reported and skipped by ``view`` and ``report``; the
other documents are rendered. Report CSV cells cannot start a spreadsheet
formula (issue 14)."""

import copy
import csv
import json

import pytest

from policy_nlp.apps.view import check_annotated, write_views
from test_view import seed_document


def _documents():
    base = seed_document(hostile=False)
    assert check_annotated(base) is None
    docs = []
    for n in range(4):
        doc = copy.deepcopy(base)
        doc["id"] = f"doc{n}"
        docs.append(doc)
    docs[1]["paragraphs"][0]["start"] = str(docs[1]["paragraphs"][0]["start"])  # string offsets
    item = next(lst for lst in docs[2]["lists"] if lst["items"])["items"][0]
    item["marker"] = None                                                     # null marker
    return docs


def _write(path, docs, extra_lines=()):
    lines = [json.dumps(d, ensure_ascii=False).encode() for d in docs]
    lines[2:2] = extra_lines
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_view_skips_malformed_records_and_renders_the_others(tmp_path, caplog):
    source = _write(tmp_path / "annotations.jsonl", _documents(), [b'{"id": "torn', b"\xff\xfe{}"])
    pages = write_views([source], tmp_path / "views")
    assert [p.name for p in pages] == ["doc0.html", "doc3.html"]
    assert (tmp_path / "views" / "index.html").exists()
    err = caplog.text  # the library logs; stderr shows it only once the CLI has set up logging
    assert "id doc1: paragraphs[0]: offsets" in err and "id doc2: lists[" in err
    assert "annotations.jsonl:3: invalid JSON" in err and "annotations.jsonl:4: not UTF-8" in err


def test_report_skips_malformed_records_and_lists_them_as_failed(tmp_path):
    pytest.importorskip("matplotlib")
    from policy_nlp.apps.report import build_report, collect
    folder = tmp_path / "annotated"
    folder.mkdir()
    _write(folder / "annotations.jsonl", _documents(), [b"not json"])
    data = collect([folder])
    assert [d["id"] for d in data["documents"]] == ["doc0", "doc3"]
    reasons = {(f["id"], f["reason"].split(":")[0]) for f in data["failed"]}
    assert reasons == {("doc1", "malformed annotated record"), ("doc2", "malformed annotated record"),
                       (None, "invalid JSON (Expecting value)")}
    index = build_report([folder], tmp_path / "report")
    assert index.exists()
    with open(tmp_path / "report" / "failed.csv", encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.DictReader(f))) == 3


def test_report_and_export_name_a_line_that_is_not_an_annotated_document(tmp_path):
    from policy_nlp.apps.report import collect
    from policy_nlp.apps.tables import read_documents
    source = _write(tmp_path / "annotations.jsonl", _documents()[:1], [b"[1, 2]", b'{"id": "raw"}'])
    data = collect([source])
    assert [d["id"] for d in data["documents"]] == ["doc0"]
    assert [(f["id"], f["source"], f["reason"]) for f in data["failed"]] == [
        (None, f"{source}:2", "malformed annotated record: not an annotated document (no 'text')"),
        ("raw", f"{source}:3", "malformed annotated record: not an annotated document (no 'text')")]
    with pytest.raises(ValueError, match=r"annotations\.jsonl:2: not an annotated document"):
        list(read_documents([source]))


def test_report_csv_cells_cannot_start_a_formula(tmp_path):
    pytest.importorskip("matplotlib")
    from policy_nlp.apps.report import build_report
    docs = _documents()[:1] + [copy.deepcopy(_documents()[0]) for _ in range(3)]
    for doc, id, title in zip(docs, ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"],
                              ["=HYPERLINK(\"http://evil\")", "普通标题", "-", "@x"]):
        doc["id"], doc["meta"]["title"] = id, title
        doc["meta"]["sha1"] = id  # distinct documents, not duplicates
    folder = tmp_path / "annotated"
    folder.mkdir()
    _write(folder / "annotations.jsonl", docs)
    build_report([folder], tmp_path / "report")
    with open(tmp_path / "report" / "documents.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    cells = [c for row in rows for c in row.values()]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert {row["id"] for row in rows} == {"'=1+1", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1:A9)"}
    assert "普通标题" in {row["title"] for row in rows}
