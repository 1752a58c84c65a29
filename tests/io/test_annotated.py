"""The one reader of annotated output (policy_nlp.io.annotated): which files a
path or an output folder holds, records named by file and line, the structural
check of a record."""

import copy
import json
import os

import pytest

from policy_nlp.io.annotated import (annotated_records, check_annotated, find_annotated, read_annotated,
                                     read_documents, read_errors)

TEXT = "我讲三点意见。一是抓落实。二是“五心工程”。三是守底线。"
DOC = {"id": "d1", "text": TEXT, "meta": {},
       "paragraphs": [{"start": 0, "end": len(TEXT), "topic": {"label": "general", "score": 0.5}}],
       "sentences": [{"start": 0, "end": 7}], "tokens": [],
       "slogans": [{"start": 16, "end": 20, "text": "五心工程", "kind": "quoted", "number": 5,
                    "members": [{"start": 16, "end": 18}], "count_matches": None, "source": "quotes"}],
       "lists": [{"family": "yi_shi", "level": 0, "start": 7, "end": len(TEXT), "parent": None,
                  "parent_item": None, "claim": {"start": 2, "end": 4, "number": 3, "text": "三点"},
                  "count_matches": True, "gaps": [], "restart": False,
                  "items": [{"start": 7, "end": 13, "marker": "一是"}]}]}
RAW = {"id": "r1", "content": "今天开会。"}


def _jsonl(path, *records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_document_is_well_formed():
    assert TEXT[16:20] == "五心工程" and TEXT[2:4] == "三点" and TEXT[7:9] == "一是"
    assert check_annotated(DOC) is None


@pytest.mark.parametrize("mutate, problem", [
    (lambda d: d["paragraphs"][0].update(start="0"), "paragraphs[0]: offsets '0'"),
    (lambda d: d["slogans"][0].update(end=10**9), "outside the text"),
    (lambda d: d["slogans"][0].update(members=[{"start": 1}]), "slogans[0].members[0]: offsets 1, None"),
    (lambda d: d["lists"][0]["items"][0].update(marker=None), "marker None is not a string"),
    (lambda d: d["lists"][0].update(claim="三点"), "lists[0].claim is not an object"),
    (lambda d: d.update(text=None), "text is NoneType"),
    (lambda d: d.update(meta=[1]), "meta is not an object"),
    (lambda d: d.update(slogans={"a": 1}), "slogans is not a list"),
    (lambda d: d["slogans"][0].update(members="五心"), "slogans[0].members is not a list"),
    (lambda d: d["lists"][0].update(items={"a": 1}), "lists[0].items is not a list"),
    (lambda d: d["lists"][0]["items"].append("二是"), "lists[0].items[1] is not an object"),
])
def test_check_annotated_names_the_problem(mutate, problem):
    doc = copy.deepcopy(DOC)
    mutate(doc)
    assert problem in check_annotated(doc)


def test_an_output_folder_gives_its_annotations_and_errors_file(tmp_path):
    # policy-nlp annotate -o DIR (jsonl) and -o DIR --format json
    for name in ("annotations.jsonl", "annotations.json"):
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        (folder / name).write_text(json.dumps([DOC] if name.endswith(".json") else DOC), encoding="utf-8")
        _jsonl(folder / "errors.jsonl", {"id": "x", "source": "a.txt", "reason": "empty"})
        assert find_annotated(folder) == [(folder / name, folder / "errors.jsonl")]
        assert [d["id"] for d in read_documents([folder])] == ["d1"]


def test_a_folder_written_in_both_formats_gives_the_newer(tmp_path):
    _jsonl(tmp_path / "annotations.jsonl", DOC)
    (tmp_path / "annotations.json").write_text(json.dumps([DOC]), encoding="utf-8")
    os.utime(tmp_path / "annotations.jsonl", (1, 1))
    assert find_annotated(tmp_path) == [(tmp_path / "annotations.json", None)]


def test_named_outputs_in_a_folder_and_their_errors_files(tmp_path):
    # policy-nlp annotate -o DIR/a.jsonl, -o DIR/b.jsonl; a raw input and a lock beside them
    _jsonl(tmp_path / "a.jsonl", DOC)
    _jsonl(tmp_path / "a.errors.jsonl", {"id": "x", "source": "a.txt", "reason": "empty"})
    _jsonl(tmp_path / "b.jsonl", DOC)
    _jsonl(tmp_path / "raw.jsonl", RAW)
    (tmp_path / "b.jsonl.lock").write_text("123", encoding="utf-8")
    assert find_annotated(tmp_path) == [(tmp_path / "a.jsonl", tmp_path / "a.errors.jsonl"),
                                        (tmp_path / "b.jsonl", None)]


def test_raw_inputs_are_no_annotated_output(tmp_path):
    raw = _jsonl(tmp_path / "raw.jsonl", RAW)
    assert find_annotated(raw, raw=True) == [] and find_annotated(tmp_path, raw=True) == []
    assert find_annotated(raw) == [(raw, None)]  # given by name: read, its records reported
    with pytest.raises(FileNotFoundError, match="no annotations.jsonl"):
        find_annotated(tmp_path)
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        find_annotated(tmp_path / "missing")


def test_records_are_named_by_file_and_line(tmp_path):
    path = tmp_path / "annotations.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(DOC).encode() + b"\n\n{\"id\": \"torn\n\xff\xfe{}\n"
                     + json.dumps(RAW).encode() + b"\n")
    errors = []
    assert [source for source, _ in annotated_records(path, errors)] == [f"{path}:1", f"{path}:5"]
    assert [(e["source"], e["reason"].split(" (")[0]) for e in errors] == [
        (f"{path}:3", "invalid JSON"), (f"{path}:4", "not UTF-8")]
    with pytest.raises(ValueError, match=r"annotations\.jsonl:3: invalid JSON"):
        list(read_annotated(path))
    with pytest.raises(ValueError, match=r"annotations\.jsonl:3: invalid JSON"):
        list(read_documents([path]))
    good = _jsonl(tmp_path / "good.jsonl", DOC, RAW)
    with pytest.raises(ValueError, match=r"good\.jsonl:2: not an annotated document"):
        list(read_documents([good]))


def test_a_json_file_names_its_bad_line(tmp_path):
    path = tmp_path / "out.json"
    path.write_text('[\n{"id": 1},\n{"id": 2,,}\n]', encoding="utf-8")
    errors = []
    assert list(annotated_records(path, errors)) == []
    assert errors == [{"id": None, "source": f"{path}:3", "reason": "invalid JSON (Expecting property name "
                                                                     "enclosed in double quotes)"}]
    with pytest.raises(ValueError, match=r"out\.json:3: invalid JSON"):
        list(read_annotated(path))
    path.write_text(json.dumps([DOC, DOC]), encoding="utf-8")
    assert [s for s, _ in annotated_records(path)] == [f"{path} (document 1)", f"{path} (document 2)"]


def test_read_errors_keeps_id_source_reason(tmp_path):
    path = tmp_path / "errors.jsonl"
    path.write_text('{"id": "a", "source": "a.txt", "reason": "empty", "extra": 1}\nnot json\n', encoding="utf-8")
    assert read_errors(path) == [{"id": "a", "source": "a.txt", "reason": "empty"},
                                 {"id": None, "source": f"{path}:2", "reason": "unreadable line in the errors file"}]


def test_old_import_paths_still_work():
    from policy_nlp.apps import tables, view
    assert view.read_annotated is read_annotated and view.check_annotated is check_annotated
    assert tables.read_documents is read_documents


def test_a_title_s_slogan_is_checked_against_the_title_not_the_text():
    """meta.title_slogans index meta.title (policy documents shandong-18's title);
    their offsets may lie past the end of a short text, never past the title's."""
    from policy_nlp.io.annotated import check_annotated
    title = "山东省“十四五”教育事业发展规划"
    slogan = {"start": 4, "end": 7, "text": "十四五", "kind": "numbered", "number": None, "members": [],
              "count_matches": None, "source": "lexicon"}
    data = {"text": "各市", "meta": {"title": title, "title_slogans": [slogan]},
            "paragraphs": [], "sentences": [], "slogans": [], "lists": []}
    assert check_annotated(data) is None
    data["meta"]["title_slogans"] = [{**slogan, "end": 40}]
    assert check_annotated(data) == "meta.title_slogans[0]: offsets 4-40 outside the title (16 characters)"


def test_a_docbin_output_is_read_as_its_json(tmp_path):
    """review18: 'annotate -o out.spacy' (or -o DIR --format spacy) writes a DocBin, which report,
    export, trace and evaluate read line by line as JSONL: export and trace stopped at
    "out.spacy:1: not UTF-8", and report wrote an empty report with a row of binary garbage per
    "line". The one reader reads a DocBin as the JSON its Docs give, and names a damaged one."""
    import policy_nlp
    from policy_nlp.io.output import DocumentWriter, doc_to_dict
    from conftest import local_excerpt
    nlp = policy_nlp.load(stages=["paragraphs", "slogans", "enumerations"])
    docs = [policy_nlp.annotate(local_excerpt(name), nlp, id=name) for name in ("dev-0001", "dev-0002")]
    expected = [json.loads(json.dumps(doc_to_dict(doc), ensure_ascii=False)) for doc in docs]
    for path in (tmp_path / "out.spacy", tmp_path / "run" / "annotations.spacy"):
        with DocumentWriter(path) as writer:
            for doc in docs:
                writer.write(doc)
    assert find_annotated(tmp_path / "out.spacy") == [(tmp_path / "out.spacy", None)]
    assert find_annotated(tmp_path / "run") == [(tmp_path / "run" / "annotations.spacy", None)]
    assert find_annotated(tmp_path / "out.spacy", raw=True) == [(tmp_path / "out.spacy", None)]  # view
    assert list(read_documents([tmp_path / "out.spacy"])) == expected
    out = tmp_path / "out.spacy"
    assert [source for source, _ in annotated_records(out)] == [f"{out} (document 1)", f"{out} (document 2)"]
    assert all(check_annotated(data) is None for data in read_documents([tmp_path / "run"]))
    torn = tmp_path / "torn.spacy"
    torn.write_bytes((tmp_path / "out.spacy").read_bytes()[:300])
    with pytest.raises(ValueError, match=r"torn\.spacy: not a DocBin"):
        list(read_documents([torn]))
    errors = []
    assert list(annotated_records(torn, errors)) == [] and errors[0]["source"] == str(torn)


def test_a_spacy_file_that_is_no_docbin_is_named_with_why(tmp_path):
    """leftovers24: a .spacy file that is compressed data but no DocBin (zlib over another msgpack
    map, as another tool may write) raised a bare KeyError 'attrs' from spaCy, a traceback and no
    file name; a list instead of the map a TypeError. Now a DocumentError (a ValueError) names the
    file, as a cut or empty file already did: report lists it as failed and reads the other files,
    export, trace and evaluate stop at it (as at a line that is not JSON)."""
    import csv
    import re
    import zlib
    import srsly
    import policy_nlp
    from policy_nlp.apps.report import build_report
    from policy_nlp.errors import DocumentError
    from policy_nlp.io.output import DocumentWriter
    from conftest import local_excerpt
    nlp = policy_nlp.load(stages=["paragraphs", "slogans", "enumerations"])
    good = tmp_path / "good.spacy"
    with DocumentWriter(good) as writer:
        writer.write(policy_nlp.annotate(local_excerpt("dev-0015"), nlp, id="dev-0015", meta={"year": 2016}))
    whole = good.read_bytes()
    bad = {"other.spacy": zlib.compress(srsly.msgpack_dumps({"texts": ["十三五"]})),
           "list.spacy": zlib.compress(srsly.msgpack_dumps(["十三五"])),
           "cut.spacy": whole[:len(whole) // 2], "empty.spacy": b""}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        path = tmp_path / name
        with pytest.raises(DocumentError, match=rf"^{re.escape(str(path))}: not a DocBin") as caught:
            list(read_documents([path]))
        assert caught.value.source == str(path)
        errors = []
        assert list(annotated_records(path, errors)) == []
        assert errors == [{"id": None, "source": str(path), "reason": caught.value.reason}]
    with pytest.raises(DocumentError, match="an empty file"):
        list(read_documents([tmp_path / "empty.spacy"]))
    pytest.importorskip("pyarrow")
    build_report([tmp_path / "other.spacy", good, tmp_path / "empty.spacy"], tmp_path / "report")
    with open(tmp_path / "report" / "documents.csv", encoding="utf-8-sig") as f:
        assert [row["id"] for row in csv.DictReader(f)] == ["dev-0015"]
    with open(tmp_path / "report" / "failed.csv", encoding="utf-8-sig") as f:
        assert [row["source"] for row in csv.DictReader(f)] == [str(tmp_path / "other.spacy"),
                                                                  str(tmp_path / "empty.spacy")]
