"""Tests of policy_nlp.stages.lexicon: load/save, the packaged lexicon, mining."""

import pytest

from policy_nlp.stages.lexicon import Lexicon, default_lexicon, mine_lexicon


def test_roundtrip(tmp_path):
    lex = Lexicon()
    lex.add("四个全面", number=4, members=["全面深化改革", "全面依法治国"], doc_freq=20, note="布局")
    lex.add("十四五", number=None)
    lex.add("枫桥经验", kind="quoted")
    lex.add("两个毫不动摇", number=2, members=["毫不动摇鼓励、支持、引导非公有制经济发展"])
    path = tmp_path / "lex.tsv"
    lex.save(path)
    back = Lexicon.load(path)
    assert list(back) == list(lex)
    for term in lex:
        assert back[term] == lex[term]
    assert back.words() == ["四个全面", "十四五", "枫桥经验", "两个毫不动摇"]


def test_load_skips_comments_and_reports_bad_lines(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("# a comment\nterm\tkind\tnumber\n三农\tnumbered\t3\n", encoding="utf-8")
    assert Lexicon.load(path)["三农"]["number"] == 3
    path.write_text("term\tkind\tnumber\n三农\tnumbered\tthree\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lex.tsv:2"):
        Lexicon.load(path)


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig"])
def test_load_reads_a_lexicon_saved_by_windows_tools(tmp_path, encoding):
    path = tmp_path / "lex.tsv"
    path.write_bytes("term\tkind\tnumber\tmembers\n五心工程\tnumbered\t5\t\n两品一游\tnumbered\t3\t\n".encode(encoding))
    lex = Lexicon.load(path)
    assert lex.words() == ["五心工程", "两品一游"]
    assert lex["两品一游"]["number"] == 3


def test_load_names_an_undecodable_file(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValueError, match=r"lex.tsv"):
        Lexicon.load(path)


def test_bad_kind():
    with pytest.raises(ValueError):
        Lexicon().add("三农", kind="slogan")


def test_default_lexicon():
    lex = default_lexicon()
    assert lex is default_lexicon()                      # cached
    assert len(lex) >= 50
    for term, number in [("四个全面", 4), ("两个维护", 2), ("一带一路", 2), ("五位一体", 5),
                         ("三去一降一补", 5), ("八项规定", 8), ("十四五", None)]:
        assert term in lex and lex[term]["number"] == number, term
    assert "四个全面" in lex.words()
    for term in lex:
        entry = lex[term]
        assert entry["kind"] in ("numbered", "quoted")
        assert entry["number"] is None or entry["number"] >= 1


def test_mine_lexicon_ranks_by_document_frequency():
    docs = [
        ("d1", "坚持“四个全面”战略布局，实施“双联”行动，打好三大攻坚战。新建236座大棚。"),
        ("d2", "协调推进“四个全面”。打好三大攻坚战，开展“双联”工作和“双联”行动。"),
        ("d3", "推进“四个全面”战略布局。"),
        ("d4", "“开心农场”建设。"),
    ]
    got = mine_lexicon(docs, min_docs=2)
    assert [c["term"] for c in got] == ["四个全面", "双联", "三大攻坚战"]
    first = got[0]
    assert (first["kind"], first["number"], first["doc_freq"], first["count"]) == ("numbered", 4, 3, 3)
    assert got[1]["count"] == 3 and got[1]["doc_freq"] == 2
    ex = first["examples"][0]
    assert ex["doc_id"] == "d1" and "四个全面" in ex["context"]
    assert len(first["examples"]) <= 3
    assert all(c["doc_freq"] >= 2 for c in got)
    assert [c["term"] for c in mine_lexicon(docs, min_docs=1)][-1] in ("开心农场",)
