"""The topics component keeps spaCy's conventions: its model travels with a
saved pipeline, a bad model fails in load(), and its results are where spaCy
users look (span labels, doc.cats) as well as in ``span._.topic``."""

import json
import re
import shutil

import pytest
from spacy.tokens import DocBin

import policy_nlp
from policy_nlp.errors import ModelError, PolicyNLPError
from policy_nlp.io.output import doc_to_dict

TEXT = "加快建设农业强国，提高粮食产量和农民收入。\n治理大气和水污染，保护生态环境。\nPublic domain"


@pytest.fixture(scope="module")
def user_model(tmp_path_factory):
    from policy_nlp.apps.training import train_from_file
    folder = tmp_path_factory.mktemp("user_model")
    rows = [("稳定粮食播种面积，提高农民种粮收益，推进高标准农田建设。", "farm"),
            ("深入打好蓝天保卫战，治理大气污染，改善空气质量。", "env"),
            ("加强耕地保护，发展现代种业，促进农民增收。", "farm"),
            ("推进重点流域水污染治理，加强生态保护修复。", "env")] * 3
    data = folder / "labels.csv"
    data.write_text("text,code\n" + "\n".join(f"{t},{c}" for t, c in rows), encoding="utf-8")
    train_from_file(data, "text", "code", folder / "model", folds=2, verbose=False)
    return folder / "model"


def test_load_uses_a_topic_model_trained_on_users_labels(user_model):
    nlp = policy_nlp.load(stages=["paragraphs", "topics"], topic_model=user_model, lexicon=False)
    doc = nlp("加快建设农业强国，提高粮食产量和农民收入。\n治理大气和水污染，保护生态环境。")
    labels = [span._.topic["label"] for span in doc.spans["paragraphs"]]
    assert labels == ["farm", "env"]


def test_a_saved_pipeline_with_a_user_model_loads_after_being_moved(user_model, tmp_path):
    source = tmp_path / "my-model"
    shutil.copytree(user_model, source)
    nlp = policy_nlp.load(stages=["paragraphs", "topics"], topic_model=source, lexicon=False)
    expected = doc_to_dict(nlp(TEXT))
    assert [p["topic"]["label"] for p in expected["paragraphs"][:2]] == ["farm", "env"]
    nlp.to_disk(tmp_path / "saved")
    assert sorted(p.name for p in (tmp_path / "saved" / "topics").iterdir()) == [
        "model.json", "model.npz", "topics.json"]
    assert (tmp_path / "saved" / "topics" / "model.npz").read_bytes() == (source / "model.npz").read_bytes()
    shutil.rmtree(source)  # the model's first home is gone ...
    shutil.move(tmp_path / "saved", tmp_path / "elsewhere")  # ... and the pipeline moved
    restored = policy_nlp.load(tmp_path / "elsewhere")
    assert doc_to_dict(restored(TEXT)) == expected
    restored.to_disk(tmp_path / "again")  # and saves again from its new home
    assert doc_to_dict(policy_nlp.load(tmp_path / "again")(TEXT)) == expected


def test_a_saved_pipeline_with_the_default_model_stays_small(tmp_path):
    nlp = policy_nlp.load(stages=["paragraphs", "topics"], lexicon=False)
    nlp.to_disk(tmp_path / "saved")
    assert sorted(p.name for p in (tmp_path / "saved" / "topics").iterdir()) == ["topics.json"]
    restored = policy_nlp.load(tmp_path / "saved")
    assert doc_to_dict(restored(TEXT)) == doc_to_dict(nlp(TEXT))


def test_a_bad_topic_model_fails_in_load_not_at_first_use(tmp_path):
    with pytest.raises(ModelError, match="/nonexistent: topic model folder not found"):
        policy_nlp.load(topic_model="/nonexistent")
    with pytest.raises(ValueError):  # what a Python user would catch
        policy_nlp.load(topic_model=tmp_path)
    with pytest.raises(PolicyNLPError, match="unknown stage"):
        policy_nlp.load(stages=["paragraphs", "topic"])


def test_topics_are_span_labels_and_cats(user_model):
    nlp = policy_nlp.load(stages=["paragraphs", "topics"], topic_model=user_model, lexicon=False)
    doc = nlp(TEXT)
    paragraphs = list(doc.spans["paragraphs"])
    assert [(s.text, s.label_) for s in doc.spans["topics"]] == [
        (paragraphs[0].text, "farm"), (paragraphs[1].text, "env")]  # boilerplate: no topic
    farm, env = len(paragraphs[0].text), len(paragraphs[1].text)
    assert doc.cats == {"env": round(env / (farm + env), 4), "farm": round(farm / (farm + env), 4)}


def test_docbin_keeps_the_annotations_with_user_data(user_model):
    """The documented way: DocBin(store_user_data=True) keeps every extension;
    a plain DocBin() keeps the span groups, their labels and doc.cats (topic
    labels included) but drops the span extensions (topic scores, slogan
    numbers ...)."""
    nlp = policy_nlp.load(stages=["paragraphs", "slogans", "topics"], topic_model=user_model, lexicon=False)
    doc = nlp(TEXT + "\n实施“五心工程”。")
    full = DocBin(store_user_data=True, docs=[doc])
    (back,) = DocBin().from_bytes(full.to_bytes()).get_docs(nlp.vocab)
    assert doc_to_dict(back) == doc_to_dict(doc)
    plain = DocBin(docs=[doc])
    (bare,) = DocBin().from_bytes(plain.to_bytes()).get_docs(nlp.vocab)
    assert [s.label_ for s in bare.spans["topics"]] == [s.label_ for s in doc.spans["topics"]]
    assert bare.cats == doc.cats
    assert bare.spans["paragraphs"][0]._.topic is None  # the scores need store_user_data=True


def test_evaluate_scores_a_user_model_on_gold(user_model, tmp_path, capsys):
    """`policy-nlp evaluate --topic-model` runs the pipeline with that model: its
    labels (farm/env) are what the seed's codebook gold is compared with."""
    from policy_nlp.apps.evaluation import evaluate_many, evaluation_pairs
    gold = {"document": "000_49f5c10d9eda79ac.txt", "numbered": [], "quoted": [], "not_slogans": [],
            "lists": [], "topics": {"今天的会议": "general"}}
    (pair,) = evaluation_pairs([gold], topic_model=str(user_model))
    labels = {p["topic"]["label"] for p in pair[1]["paragraphs"] if p["topic"]}
    assert labels and labels <= {"farm", "env"}
    assert evaluate_many([pair])["metrics"]["topic_accuracy"]["correct"] == 0


def test_topics_from_token_ids_are_those_from_token_strings():
    """The component reads the tokens' ids from the Doc (predict_proba_ids):
    the same probabilities, bit for bit, as the token strings give."""
    import numpy
    nlp = policy_nlp.load(stages=["paragraphs", "topics"])
    doc = nlp("稳定粮食播种面积，提高农民种粮收益。\n治理大气 和水污染，保护生态环境。\n推进“五心工程”。")
    stage = nlp.get_pipe("topics")
    offsets = [(s.start_char, s.end_char) for s in doc.spans["paragraphs"]]
    words = [[t.text for t in s if not t.is_space] for s in doc.spans["paragraphs"]]
    by_ids = stage._predict_by_ids(doc, offsets, words)([0, 1, 2])
    by_strings = stage.classifier.predict_proba(words)
    assert by_ids.tobytes() == by_strings.tobytes()
    assert numpy.array_equal(by_ids, by_strings)


# ---------------------------------------------------------------- properties
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["稳定粮食生产", "。", "（一）", "一、", "1.", "各位代表！", "同志们：", "谢谢大家！",
                           "Public domain", " ", "\u3000", "\t", "加强污染治理", "治理大气 和水污染", "推进依法行政",
                           "发展乡村产业", "医疗卫生", "招商引资", "“五心工程”", "在全县安全生产工作会议上的讲话",
                           "来源：县政府", "版权所有", "2025年", "12.5%", "abc", "，", "！", "😀"])


@pytest.fixture(scope="module")
def topics_nlp():
    return policy_nlp.load(stages=["paragraphs", "topics"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=8))
def test_topics_of_any_paragraphs(topics_nlp, paragraphs):
    """Every paragraph: no topic exactly when it is boilerplate (as its text says,
    blanks and all); else the result of ``classify_paragraphs`` on its token
    strings with the document's headings inheriting, as the documentation says;
    ``doc.spans["topics"]`` and ``doc.cats`` agree with the paragraphs."""
    from policy_nlp.stages.topics.context import find_title
    from policy_nlp.stages.topics import classify_paragraphs, inherit_heading_topics, is_boilerplate, labels
    doc = topics_nlp("\n".join(paragraphs))
    spans = list(doc.spans["paragraphs"])
    texts = [span.text for span in spans]
    words = [[t.text for t in span if not t.is_space] for span in spans]
    expected = classify_paragraphs(topics_nlp.get_pipe("topics").classifier, words, headings="own",
                                   title=find_title(texts, doc._.meta), meta=doc._.meta)
    for span, result in zip(spans, inherit_heading_topics(texts, expected)):
        topic = span._.topic
        assert (topic is None) == is_boilerplate(span.text), span.text
        if topic is not None:
            assert {k: v for k, v in topic.items() if k != "codes"} == result, span.text
            assert topic["label"] in labels() and set(topic["scores"]) == set(labels())
            assert 0 <= topic["score"] <= 1
    topical = [(s.start_char, s.end_char, s._.topic["label"]) for s in spans if s._.topic]
    assert topical == [(s.start_char, s.end_char, s.label_) for s in doc.spans["topics"]]
    assert set(doc.cats) == set(labels())
    assert abs(sum(doc.cats.values()) - (1 if topical else 0)) < 1e-3, doc.cats


# Real sentences (local speeches dev-0023, dev-0044, dev-0058, dev-0150; Xi 2020-01-09, 2020-03-07)
# coded on a researcher's own four-label codebook, which has no `general` label.
OWN_CODEBOOK = [("我们抓招商引资、抓投资环境、抓工业园区,就是实施这一战略部署的三个篇章。", "经济"),
                ("全区上下始终把优化营商环境作为“一把手”工程来抓。", "经济"),
                ("建档立卡贫困人口中，90%以上得到了产业扶贫和就业扶贫支持。", "民生"),
                ("会议听取了县民政局有关工作情况汇报,就农村养老服务场所建设、服务人员配备进行了互动交流。", "民生"),
                ("全党要以这次主题教育为新的起点，不断深化党的自我革命。", "党建"),
                ("中央八项规定,是推进全面从严治党、从政治上建设党的有力抓手。", "党建")]


def test_a_heading_over_a_mixed_body_with_a_model_without_general(tmp_path):
    """A heading over a section of three areas took the codebook's `general`, a label a
    model on the researcher's own codebook does not have: the document failed (KeyError
    in the topics stage). Such a model gives the heading the body's most common label."""
    from policy_nlp.apps.training import train_from_file
    data = tmp_path / "coded.jsonl"
    data.write_text("".join(json.dumps({"text": t, "label": c}, ensure_ascii=False) + "\n"
                            for t, c in OWN_CODEBOOK * 3), encoding="utf-8")
    train_from_file(data, "text", "label", tmp_path / "model", folds=0, verbose=False)
    nlp = policy_nlp.load(stages=["paragraphs", "topics"], topic_model=tmp_path / "model", lexicon=False)
    body = [OWN_CODEBOOK[0][0], OWN_CODEBOOK[2][0], OWN_CODEBOOK[4][0]]
    doc = nlp("一、今年的重点工作\n" + "\n".join(body))
    topics = [span._.topic for span in doc.spans["paragraphs"]]
    assert [t["label"] for t in topics[1:]] == ["经济", "民生", "党建"]  # a mixed body
    assert topics[0]["inherited"] and topics[0]["label"] in {"经济", "民生", "党建"}
    assert set(doc.cats) == {"经济", "民生", "党建"} and abs(sum(doc.cats.values()) - 1) < 1e-3


def _newer_model(folder, user_model):
    """A copy of ``user_model`` whose model.json says format version 2 (a newer policy_nlp's)."""
    folder.mkdir()
    header = (user_model / "model.json").read_text(encoding="utf-8")
    assert header.startswith('{"format":"policy_nlp-topic-model","format_version":1,')
    (folder / "model.json").write_text(header.replace('"format_version":1', '"format_version":2', 1),
                                       encoding="utf-8")
    shutil.copy(user_model / "model.npz", folder / "model.npz")
    return folder


def test_a_bad_topic_model_is_refused_before_the_pipeline_is_built(tmp_path, user_model, monkeypatch):
    """leftovers23: a missing model folder, a folder without a model, and a model of another
    format version were found when the topics stage loaded its model, after the tokenizer
    (pkuseg, the lexicon) was built; they are now refused first, naming the path and why."""
    from policy_nlp.pipeline import loading

    def built(*args, **kwargs):
        raise AssertionError("the pipeline was built before the topic model was checked")
    monkeypatch.setattr(loading.spacy, "blank", built)
    newer = _newer_model(tmp_path / "newer", user_model)
    for model, reason in [(tmp_path / "missing", "missing: topic model folder not found"),
                          (tmp_path, f"{tmp_path}: not a topic model folder (needs model.json and model.npz"),
                          (newer, f"{newer / 'model.json'}: model format version 2 is not supported")]:
        with pytest.raises(ModelError, match=re.escape(reason)):
            policy_nlp.load(stages=["paragraphs", "topics"], topic_model=model)
        with pytest.raises(ModelError, match=re.escape(reason)):  # the stage's own setting wins
            policy_nlp.load(config={"topics": {"model": str(model)}})
    with pytest.raises(AssertionError, match="was built"):  # no topics stage: its model is not used
        policy_nlp.load(stages=["paragraphs"], topic_model=newer)


def test_the_up_front_check_does_not_read_the_model_twice(user_model, monkeypatch):
    """The check reads model.json's opening only: load() parses the header once, as before."""
    from policy_nlp.stages.topics import files
    reads = []
    monkeypatch.setattr(files, "_read_header", lambda path, read=files._read_header: reads.append(path) or read(path))
    policy_nlp.load(stages=["paragraphs", "topics"], topic_model=user_model, lexicon=False)
    assert len(reads) == 1
