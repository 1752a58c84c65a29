"""annotate_dataset's columns are typed Arrow features with the JSONL output's values."""

import json
from pathlib import Path
from typing import get_type_hints

import pytest

datasets = pytest.importorskip("datasets")

import policy_nlp
from policy_nlp.io.output import doc_to_dict
from policy_nlp.run.hf import features
from policy_nlp.schema import Document, to_arrow

SEED = Path(__file__).resolve().parents[2] / "corpora" / "000_49f5c10d9eda79ac.txt"


def _from_arrow(value):
    """Undo the two shape changes of to_arrow that matter here (label->score lists)."""
    if isinstance(value, list) and value and isinstance(value[0], dict) and set(value[0]) == {"label", "score"}:
        return {v["label"]: v["score"] for v in value}
    if isinstance(value, list):
        return [_from_arrow(v) for v in value]
    if isinstance(value, dict):
        return {k: _from_arrow(v) for k, v in value.items() if v is not None}
    return value


def _drop_none(value):
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    return value


def test_annotate_dataset_returns_typed_nested_features_with_the_pipeline_values():
    text = SEED.read_text(encoding="utf-8")
    # two batches of one row each: their nested types must agree (the reason
    # they once were JSON strings), and the second row's paragraphs differ
    ds = datasets.Dataset.from_dict({"text": [text, "一、提高思想认识\n同志们：今天开会，我讲“三个代表”。"]})
    out = policy_nlp.annotate_dataset(ds, batch_size=1, segmenter="fast")
    for name in ("paragraphs", "slogans", "lists", "meta"):
        assert out.features[name] == features()[name]
        assert not isinstance(out.features[name], datasets.Value)  # no JSON strings
    row = out[0]
    nlp = policy_nlp.load(segmenter="fast")
    from policy_nlp.run.worker import annotate_record
    from policy_nlp.io.corpus import make_record
    expected = doc_to_dict(annotate_record(nlp, make_record("0", text, {"source": "row 0"}), clean=True))
    hints = get_type_hints(Document)
    assert row["slogans"] and row["lists"] and any(p["topic"] for p in row["paragraphs"])
    for name in ("tokens", "sentences", "paragraphs", "slogans", "lists", "meta"):
        assert row[name] == to_arrow(hints[name], expected[name]), name
    # the typed values are the JSONL values (None for absent fields, scores as pairs)
    assert _from_arrow(row["slogans"]) == _drop_none(expected["slogans"])
    assert _from_arrow(row["lists"]) == _drop_none(expected["lists"])
    topic = next(p["topic"] for p in expected["paragraphs"] if p["topic"])
    got = next(p["topic"] for p in row["paragraphs"] if p["topic"])
    assert {s["label"]: s["score"] for s in got["scores"]} == topic["scores"]
    slogan = row["slogans"][0]
    assert row["annotated_text"][slogan["start"]:slogan["end"]] == slogan["text"]
    assert row["meta"]["sha1"] == expected["meta"]["sha1"] and row["meta"]["source"] == "row 0"
    assert [i["marker"] for i in row["lists"][0]["items"]] == [i["marker"] for i in expected["lists"][0]["items"]]
    json.dumps(out[1])  # plain Python values


def test_a_rows_other_columns_are_its_meta_as_annotate_reads_them(tmp_path):
    """A Dataset's year, level and title columns reach meta (they were dropped: dev-0014's row says
    2011, its meta.year was None), as in annotate's run over the same rows as JSONL."""
    from conftest import local_excerpt
    rows = {"id": ["dev-0014", "dev-0015"], "text": [local_excerpt("dev-0014"), local_excerpt("dev-0015")],
            "year": [2011, 2021], "level": ["county", "district"]}
    settings = {"stages": ["paragraphs", "slogans"], "segmenter": "fast"}
    out = policy_nlp.annotate_dataset(datasets.Dataset.from_dict(rows), **settings)
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps({k: v[i] for k, v in rows.items()}, ensure_ascii=False) + "\n"
                             for i in range(2)), encoding="utf-8")
    from policy_nlp.run.batch import annotate_corpus
    annotate_corpus([jsonl], tmp_path / "out.jsonl", quiet=True, **settings)
    expected = [json.loads(line) for line in (tmp_path / "out.jsonl").open(encoding="utf-8")]
    assert [r["meta"]["year"] for r in out] == [2011, 2021] == [d["meta"]["year"] for d in expected]
    assert [r["meta"]["level"] for r in out] == ["county", "district"] == [d["meta"]["level"] for d in expected]
    assert [r["meta"]["date_source"] for r in out] == [d["meta"]["date_source"] for d in expected]
    assert [r["slogans"] and r["slogans"][0]["text"] for r in out] == \
        [d["slogans"] and d["slogans"][0]["text"] for d in expected]
    assert out["year"] == [2011, 2021]  # the dataset's own column stays


def test_a_keyword_that_is_no_setting_is_refused_by_name():
    ds = datasets.Dataset.from_dict({"text": ["同志们：今天开会。"]})
    with pytest.raises(TypeError, match=r"annotate_dataset\(\) got an unexpected keyword argument 'batched'.*"
                                        r"setting of policy_nlp.load \(clean, config"):
        policy_nlp.annotate_dataset(ds, batched=True)
