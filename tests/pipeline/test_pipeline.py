import pytest
from spacy.language import Language

import policy_nlp
from policy_nlp.io.output import doc_to_dict

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
    with pytest.raises(IsADirectoryError, match="a folder, not a user dictionary file"):  # polish22: it said "not found"
        policy_nlp.load(user_dict=tmp_path)
    with pytest.raises(FileNotFoundError, match="user dictionary not found"):  # review17: "" is no folder (Path: .)
        policy_nlp.load(user_dict="")
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


def test_analyze_pipes_reports_a_missing_paragraphs_stage():
    nlp = policy_nlp.load(exclude=["paragraphs"])
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems == {"slogans": [], "enumerations": ["token.is_sent_start"], "topics": ["token.is_sent_start"]}
    assert not any(policy_nlp.load().analyze_pipes(pretty=False)["problems"].values())


def test_each_stage_declares_the_attributes_it_sets(seed_text):
    """The assigns of a factory cover every span extension its stage fills in on real text."""
    from spacy.tokens import Span
    from policy_nlp.pipeline.document import SPAN_EXTENSIONS
    nlp = policy_nlp.load()
    doc = nlp(seed_text)
    stage_of_group = {"paragraphs": "topics", "slogans": "slogans", "lists": "enumerations",
                      "list_items": "enumerations"}
    # span extensions are stored by offsets: a paragraph that is also a list
    # item shows the item's attributes, so only spans of one group are read
    offsets = {g: {(s.start_char, s.end_char) for s in doc.spans[g]} for g in stage_of_group}
    for group, stage in stage_of_group.items():
        assigned = set(nlp.get_pipe_meta(stage).assigns)
        others = set().union(*(offsets[g] for g in offsets if g != group))
        used = {f"span._.{name}" for span in doc.spans[group] for name in SPAN_EXTENSIONS
                if (span.start_char, span.end_char) not in others and getattr(span._, name) is not None}
        assert used, group
        assert used <= assigned, (stage, used - assigned)
    assert Span.has_extension("topic")


# ---------------------------------------------------------------- properties
from hypothesis import given, settings, strategies as st  # noqa: E402

_MEMBERS = st.lists(st.sampled_from(["清垃圾", "清河道", "清路障", "人才", "企业", "外部环境", "學黨章黨規"]),
                    min_size=2, max_size=4, unique=True).map("、".join)
_SENTENCE = st.one_of(
    st.sampled_from(["加强组织领导。", "稳定粮食生产，", "坚持“四个全面”。", "三個代表要落实。", "我讲3点意见：",
                     "一是抓项目，二是抓资金。", "做到两个维护。", "增长6.5%。"]),
    st.builds("开展“{}{}”（{}）行动。".format, st.sampled_from(["两", "三", "3"]), st.sampled_from(["清", "工程"]),
              _MEMBERS),
    st.builds("做到{}个{}，即{}。".format, st.sampled_from(["两", "三", "4"]), st.sampled_from(["要素", "不足"]),
              _MEMBERS))
_LINE = st.builds(str.__add__, st.sampled_from(["", "", "一、", "二、", "（一）", "（二）", "1.", "2.", "\u3000\u3000"]),
                  st.lists(_SENTENCE, min_size=1, max_size=3).map("".join))
# blanks, hard wraps, page furniture, pinyin glosses, CRLF, ASCII punctuation: what web and PDF copies do
_MANGLES = st.sampled_from(["\n", "\n", " ", "\r\n", "\n\n", ",", "(", ")", "會(huì)議", "当前位置：首页 > 正文\n",
                            "责任编辑：王某\n", "【打印本页】", "\u00a0", "\u200b"])


@pytest.fixture(scope="module")
def full_nlp():
    return policy_nlp.load(clean=True)


def _restored(data):
    """The input (normalised) from the JSON alone: the kept text with the
    removed pieces put back and the converted characters restored."""
    text, parts, kept, at = data["text"], [], 0, 0
    for piece in data["meta"].get("removed", []):
        assert piece["start"] >= at and len(piece["text"]) == piece["end"] - piece["start"], piece
        parts += [text[kept:kept + piece["start"] - at], piece["text"]]
        kept, at = kept + piece["start"] - at, piece["end"]
    chars = list("".join(parts) + text[kept:])
    for offset, char in data["meta"].get("converted", {}).get("chars", []):
        chars[offset] = char
    return "".join(chars)


def _check_document(data, given_text):
    from policy_nlp.io.output import validate
    from policy_nlp.stages.normalize import normalize
    validate(data)
    text = data["text"]
    assert _restored(data) == normalize(given_text)[0]
    assert all(text[t["start"]:t["end"]].strip() for t in data["tokens"])
    for s in data["sentences"]:
        assert any(p["start"] <= s["start"] and s["end"] <= p["end"] for p in data["paragraphs"]), s
    for slogan in data["slogans"]:
        for m in slogan["members"]:   # non-empty, inside the document, without blank ends
            assert 0 <= m["start"] < m["end"] <= len(text) and m["text"].strip() == m["text"], m
    for lst in data["lists"]:
        items = lst["items"]
        assert all(a["end"] <= b["start"] for a, b in zip(items, items[1:]))
        assert (lst["start"], lst["end"]) == (items[0]["start"], items[-1]["end"])
        if lst["parent"] is not None:   # a nested list lies in its parent item's section
            siblings = data["lists"][lst["parent"]]["items"][lst["parent_item"]:]
            assert siblings[0]["start"] < lst["start"]
            assert len(siblings) == 1 or lst["end"] <= siblings[1]["start"]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.one_of(_LINE, _MANGLES), min_size=1, max_size=8).map("".join), min_size=1, max_size=2))
def test_json_of_mangled_texts_keeps_its_invariants(full_nlp, texts):
    """The whole pipeline, cleaning included, on short mangled speeches: the JSON
    validates, the input comes back from it, spans nest as documented, and a
    document comes out the same alone and in a batch."""
    alone = []
    for text in texts:
        doc = full_nlp(text)
        doc._.id = "d"
        alone.append(doc_to_dict(doc))
        _check_document(alone[-1], text)
    batch = list(full_nlp.pipe(reversed(texts)))
    for doc in batch:
        doc._.id = "d"
    assert [doc_to_dict(doc) for doc in reversed(batch)] == alone
