import pytest
from spacy.language import Language

import policy_nlp
from policy_nlp.output import doc_to_dict

TEXT = "同志们：\n在这里我讲三点意见：\n一、提高思想认识。\n二、凝心聚力，实施“五心工程”。\n三、健全机制。"


def test_stages_are_named_listed_removed_replaced(tokenizer_nlp):
    nlp = policy_nlp.load(stages=["paragraphs"], lexicon=False)
    assert nlp.pipe_names == ["paragraphs"]
    nlp.remove_pipe("paragraphs")
    assert nlp.pipe_names == []
    nlp.add_pipe("paragraphs")
    nlp.replace_pipe("paragraphs", "paragraphs")
    assert nlp.pipe_names == ["paragraphs"]
    assert policy_nlp.load(exclude=["topics"], stages=["paragraphs", "topics"]).pipe_names == ["paragraphs"]


def test_bad_settings_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown segmenter"):
        policy_nlp.load(segmenter="jieba")
    with pytest.raises(FileNotFoundError, match="user dictionary"):
        policy_nlp.load(user_dict=tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError, match="not a saved policy_nlp pipeline"):
        policy_nlp.load(tmp_path)
    with pytest.raises(ValueError, match="config for stages"):
        policy_nlp.load(stages=["paragraphs"], config={"nonsense": {}})


def test_a_user_registers_a_stage_by_name():
    @Language.component("test_count_chars")
    def count_chars(doc):
        doc._.meta = {**(doc._.meta or {}), "chars": len(doc.text)}
        return doc

    nlp = policy_nlp.load(stages=["paragraphs", "test_count_chars"], lexicon=False)
    assert nlp(TEXT)._.meta == {"chars": len(TEXT)}


def test_saved_pipeline_loads_back_identically_without_the_pkuseg_model(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("凝心聚力\n五心工程\n", encoding="utf-8")
    nlp = policy_nlp.load(stages=["paragraphs"], lexicon=False, user_dict=terms)
    nlp.to_disk(tmp_path / "saved")
    terms.unlink()  # the saved pipeline carries its own term list
    restored = policy_nlp.load(tmp_path / "saved")
    assert restored.pipe_names == nlp.pipe_names
    assert restored.tokenizer.words == nlp.tokenizer.words == ["凝心聚力", "五心工程"]
    assert doc_to_dict(restored(TEXT)) == doc_to_dict(nlp(TEXT))
    size = sum(p.stat().st_size for p in (tmp_path / "saved").rglob("*") if p.is_file())
    assert size < 2_000_000  # pkuseg's model (180 MB) is not copied


def test_pipe_batches_and_processes_give_the_same_documents(tokenizer_nlp):
    texts = [TEXT, "各位代表：\n现在，我代表国务院。", TEXT[::-1]]
    one_by_one = [doc_to_dict(tokenizer_nlp(t)) for t in texts]
    assert [doc_to_dict(d) for d in tokenizer_nlp.pipe(texts, batch_size=2)] == one_by_one
    assert [doc_to_dict(d) for d in tokenizer_nlp.pipe(texts, batch_size=1, n_process=2)] == one_by_one
