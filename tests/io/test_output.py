import json

import pytest
from hypothesis import given, settings, strategies as st

import policy_nlp
from policy_nlp.io.output import DocumentWriter, doc_to_dict, doc_to_json, dumps, read_docbin, validate

from conftest import local_excerpt


def test_seed_document_validates_against_the_schema(tokenizer_nlp, seed_text):
    doc = tokenizer_nlp(seed_text)
    doc._.id, doc._.meta = "seed", {"source": "corpora/000_49f5c10d9eda79ac.txt"}
    data = doc_to_dict(doc)
    validate(data)
    assert data["text"] == seed_text
    assert data["slogans"] == [] and data["lists"] == []  # stages not run: empty, not missing
    assert all(data["text"][t["start"]:t["end"]].strip() for t in data["tokens"])


def test_validate_rejects_broken_offsets(tokenizer_nlp):
    data = doc_to_dict(tokenizer_nlp("实施五心工程。"))
    data["slogans"] = [{"start": 2, "end": 6, "text": "五心工程X", "kind": "numbered", "number": 5,
                        "members": [], "count_matches": None, "source": "grammar"}]
    with pytest.raises(ValueError, match="does not match"):
        validate(data)
    import jsonschema
    del data["tokens"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


@pytest.mark.parametrize("format", ["jsonl", "json"])
def test_writers(tmp_path, tokenizer_nlp, format):
    docs = [tokenizer_nlp(t) for t in ("同志们：今天开会。", "各位代表：\n现在开会。")]
    path = tmp_path / f"out.{format}"
    with DocumentWriter(path, format) as writer:
        for i, doc in enumerate(docs):
            doc._.id = f"d{i}"
            writer.write(doc)
    text = path.read_text(encoding="utf-8")
    items = [json.loads(l) for l in text.splitlines()] if format == "jsonl" else json.loads(text)
    assert [d["id"] for d in items] == ["d0", "d1"]
    for item in items:
        validate(item)


def test_a_writer_writes_the_format_its_file_name_asks_for(tmp_path, tokenizer_nlp):
    """newuser: DocumentWriter("mine.spacy") wrote JSONL lines into mine.spacy, which
    read_docbin then refused (spaCy's E1014)."""
    doc = tokenizer_nlp("同志们：今天开会。")
    doc._.id = "d0"
    for name in ("mine.spacy", "mine.json", "mine.jsonl"):
        with DocumentWriter(tmp_path / name) as writer:
            writer.write(doc)
    (loaded,) = read_docbin(tmp_path / "mine.spacy")
    assert loaded._.id == "d0" and loaded.text == doc.text
    assert json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))[0]["id"] == "d0"
    assert json.loads((tmp_path / "mine.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"] == "d0"


def test_docbin_loads_back_with_span_groups_and_extensions(tmp_path, tokenizer_nlp):
    from policy_nlp.pipeline.document import add_spans
    doc = tokenizer_nlp("一要加强组织领导。二要严格程序。")
    doc._.id, doc._.meta = "x", {"date": "2012-06-15"}
    add_spans(doc, "slogans", [{"start": 0, "end": 2, "kind": "numbered", "number": 1}], "numbered")
    with DocumentWriter(tmp_path / "out.spacy", "spacy") as writer:
        writer.write(doc)
    (loaded,) = read_docbin(tmp_path / "out.spacy")
    assert doc_to_dict(loaded) == doc_to_dict(doc)
    assert loaded.spans["slogans"][0]._.number == 1 and loaded._.meta["date"] == "2012-06-15"


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_offset_invariant_on_any_unicode(tokenizer_nlp, text):
    doc = tokenizer_nlp(text)
    assert doc.text == text
    data = doc_to_dict(doc)
    validate({**data, "id": "h"})
    words = "".join(text[t["start"]:t["end"]] for t in data["tokens"])
    assert words == "".join(text.split())


@pytest.mark.parametrize("format", ["json", "jsonl", "spacy"])
def test_a_failed_run_leaves_the_previous_output_as_it_was(tmp_path, tokenizer_nlp, format):
    from policy_nlp.io.output import DocumentWriter
    path = tmp_path / f"out.{format}"
    with DocumentWriter(path, format) as writer:
        writer.write(tokenizer_nlp("同志们：\n今天开会。"))
    before = path.read_bytes()
    assert before
    with pytest.raises(KeyboardInterrupt):
        with DocumentWriter(path, format) as writer:
            writer.write(tokenizer_nlp("另一篇。"))
            raise KeyboardInterrupt  # Ctrl-C in the middle of a run
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left


def test_doc_to_json_is_dumps_of_doc_to_dict(seed_text):
    """The fast JSON line is the dict's JSON character for character: a fully
    annotated real document, metadata with quotes, nested values and a key
    named like a field, an empty document, a document without stages."""
    import policy_nlp
    nlp = policy_nlp.load()
    doc = policy_nlp.annotate(seed_text, nlp, id="seed", meta={
        "title": '“五心”工程 "quoted" \\ \n', "nested": {"tokens": [], "slogans": [1.5, None]}})
    assert doc.spans["slogans"] and doc.spans["lists"] and doc.spans["topics"]
    assert doc_to_json(doc) == dumps(doc_to_dict(doc))
    assert json.loads(doc_to_json(doc)) == doc_to_dict(doc)
    for document in (nlp(""), nlp("  \n "), policy_nlp.load(stages=[])("同志们：\n今天开会。")):
        assert doc_to_json(document) == dumps(doc_to_dict(document))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_doc_to_json_on_any_unicode(tokenizer_nlp, text):
    doc = tokenizer_nlp(text)
    assert doc_to_json(doc) == dumps(doc_to_dict(doc))


def test_a_docbin_read_back_gives_the_json_it_was_written_from(tmp_path):
    """DocBin reads user data with msgpack's ``use_list=False``: every list stored in an
    extension (a slogan's members, a list's gaps, ``meta.title_slogans``, ``meta.removed``)
    came back a tuple, which the JSON Schema (``validate``) and ``check_annotated`` reject."""
    from policy_nlp.io.annotated import check_annotated
    nlp = policy_nlp.load(stages=["paragraphs", "slogans", "enumerations"])
    title = "在红石林区“决战决胜吉林省连续40年无重大森林火灾”秋防动员大会上的讲话"
    doc = policy_nlp.annotate(local_excerpt("dev-0037"), nlp, id="dev-0037", meta={"title": title})
    assert doc._.meta["title_slogans"] and doc._.meta["removed"]
    with DocumentWriter(tmp_path / "out.spacy", "spacy") as writer:
        writer.write(doc)
    (loaded,) = read_docbin(tmp_path / "out.spacy", nlp)
    data = doc_to_dict(loaded)
    assert data == doc_to_dict(doc)
    validate(data)
    assert check_annotated(data) is None
