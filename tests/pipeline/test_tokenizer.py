import codecs

import pytest
import spacy

from policy_nlp.errors import DocumentError
from policy_nlp.lang.chars import is_ideograph
from policy_nlp.segment.engines import load_segmenter
from policy_nlp.pipeline.tokenizer import MAX_RUN, PolicyTokenizer, _runs, read_user_dict

from conftest import national_report


@pytest.fixture(scope="module")
def pkuseg_cut():
    return load_segmenter("pkuseg").cut


def make(words=(), **kwargs):
    return PolicyTokenizer(spacy.blank("zh").vocab, lexicon=False, words=list(words), **kwargs)


def test_the_default_engine_is_the_fast_one():
    assert make().segmenter == "fast"


def words_of(doc):
    return [t.text for t in doc if not t.is_space]


ENGINES = pytest.mark.parametrize("segmenter", ["pkuseg", "fast"])


@ENGINES
def test_tokens_equal_pkuseg_on_the_seed(seed_text, pkuseg_cut, segmenter):
    doc = make(segmenter=segmenter)(seed_text)
    assert doc.text == seed_text
    assert words_of(doc) == pkuseg_cut(seed_text)


@ENGINES
def test_tokens_equal_pkuseg_on_a_national_report(pkuseg_cut, segmenter):
    text = national_report(2019)
    doc = make(segmenter=segmenter)(text)
    assert doc.text == text
    assert words_of(doc) == pkuseg_cut(text)


@ENGINES
def test_policy_terms_kept_whole_and_everything_else_is_pkuseg(seed_text, pkuseg_cut, segmenter):
    terms = ["五心工程", "两品一游", "十大项重点工作", "效能风暴"]
    doc = make(terms, segmenter=segmenter)(seed_text)
    tokens = [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
    reference = []
    position = 0
    for word in pkuseg_cut(seed_text):
        start = seed_text.index(word, position)
        reference.append((start, start + len(word)))
        position = start + len(word)
    term_spans = {(t.idx, t.idx + len(t)) for t in doc if t.text in terms}
    assert {seed_text[s:e] for s, e in term_spans} == set(terms)
    inside = lambda span: any(s <= span[0] and span[1] <= e for s, e in term_spans)
    overlaps = lambda span: any(span[0] < e and s < span[1] for s, e in term_spans)
    # Outside the terms, the tokens are exactly pkuseg's.
    assert [t for t in tokens if not inside(t)] == [t for t in reference if not overlaps(t)]


@ENGINES
def test_user_dictionary_adds_to_pkusegs_own_dictionary(pkuseg_cut, segmenter):
    # pkuseg's default dictionary merges 这是 and keeps 第一 次 as its model
    # cuts them; without it (user_dict=None) 这是 falls apart. A user
    # dictionary must add terms, never drop pkuseg's own dictionary
    # (lancopku/pkuseg-python#84).
    import pkuseg
    text = "这是第一次把“五心工程”写进报告，这是第一次提出两品一游。"
    without_dictionary = pkuseg.pkuseg(user_dict=None).cut(text)
    assert "这是" in pkuseg_cut(text) and "这是" not in without_dictionary
    tokens = words_of(make(["五心工程", "两品一游"], segmenter=segmenter)(text))
    assert tokens.count("这是") == 2
    assert [t for t in tokens if t not in ("五心工程", "两品一游")] == \
        [t for t in pkuseg_cut(text) if t not in "五心工程两品一游"]


def test_term_boundary_inside_a_pkuseg_word_splits_only_that_word(pkuseg_cut):
    text = "推进社会管理创新工作"
    reference = pkuseg_cut(text)
    tokens = words_of(make(["管理创新"])(text))
    assert "管理创新" in tokens and "".join(tokens) == text
    assert tokens[0] == reference[0]


def test_whitespace_is_kept_as_space_tokens():
    text = "  同志们：\n\n　　今天开会。 AB 岗位制\t"
    doc = make()(text)
    assert doc.text == text
    assert all(t.is_space for t in doc if not t.text.strip())
    assert "".join(words_of(doc)) == "".join(text.split())


def test_read_user_dict(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("\ufeff# comment\n五心工程\n两品一游\tnz\n\n", encoding="utf-8")
    assert read_user_dict(path) == ["五心工程", "两品一游"]
    tokenizer = make(user_dict=str(path))
    tokenizer._words = None
    tokenizer.lexicon = False
    assert tokenizer.words == ["五心工程", "两品一游"]


@pytest.mark.parametrize("encoding, bom", [("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                           ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", codecs.BOM_UTF8)])
def test_read_user_dict_in_the_encodings_of_windows_editors(tmp_path, encoding, bom):
    # Notepad and Excel save GBK (ANSI) or UTF-16 with a byte-order mark
    path = tmp_path / "terms.txt"
    path.write_bytes(bom + "# 我的词典\r\n五心工程\r\n河长制\tn\r\n两学一做\r\n".encode(encoding))
    assert read_user_dict(path) == ["五心工程", "河长制", "两学一做"]


def test_an_undecodable_user_dict_names_the_file_and_why(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # a picture given by mistake
    with pytest.raises(DocumentError, match=r"terms\.txt: cannot read user dictionary: binary file"):
        read_user_dict(path)
    with pytest.raises(DocumentError, match=r"missing\.txt: cannot read user dictionary"):
        read_user_dict(tmp_path / "missing.txt")


def test_a_jieba_dictionary_gives_its_terms_and_a_term_with_a_space_is_named(tmp_path):
    """review18: a line of jieba's dictionary format (词 词频 词性, spaces between) was taken whole
    as one term holding spaces, which the tokenizer can never keep whole (whitespace is a token
    of its own), so a jieba user dictionary was silently no dictionary at all. Its frequency and
    tag are read as pkuseg's tab-separated tag is; a term with a space of its own is named."""
    path = tmp_path / "jieba_dict.txt"
    path.write_text("河长制 3 n\n湖长制 5\n两品一游 nz\n一带 一路\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"jieba_dict\.txt:4: '一带 一路' holds a space"):
        assert read_user_dict(path) == ["河长制", "湖长制", "两品一游", "一带 一路"]
    path.write_text("河长制 3 n\n湖长制 5\n", encoding="utf-8")
    tokenizer = PolicyTokenizer(spacy.blank("zh").vocab, lexicon=False, user_dict=str(path))
    text = "省委十一届三次全会、市委七届五次全会也都对全面落实河长制湖长制提出了明确要求。"  # dev-0089
    assert words_of(tokenizer(text))[-8:-5] == ["落实", "河长制", "湖长制"]  # pkuseg: 河长|制湖|长制


def test_a_term_and_an_acronym_is_no_jieba_line(tmp_path):
    """review19: jieba's dictionary lines end in a frequency and a part-of-speech tag written in
    lower case (n, nz, eng); a term written with a space before an acronym in capitals, as the
    policy documents write 硅基 MEMS (central-84: 研究硅基 MEMS 厚金属膜工艺兼容性技术), was read
    as the term 硅基 tagged MEMS: the acronym silently dropped and 硅基 added as a term of its own.
    It is a term holding a space, kept and named, as jieba reads it."""
    path = tmp_path / "terms.txt"
    path.write_text("硅基 MEMS\n河长制 3 n\n两品一游 nz\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"terms\.txt:1: '硅基 MEMS' holds a space"):
        assert read_user_dict(path) == ["硅基 MEMS", "河长制", "两品一游"]


def test_long_runs_are_cut_at_sentence_ends_to_bound_memory():
    text = ("推进社会管理创新。" * 5000) + "加快城乡一体化" * 4000
    runs = list(_runs(text))
    assert all(e - s <= MAX_RUN for s, e in runs)
    assert "".join(text[s:e] for s, e in runs) == text
    assert all(text[e - 1] == "。" for s, e in runs[:2])


def test_serialisation_keeps_terms_not_the_model(tmp_path):
    tokenizer = make(["五心工程"])
    tokenizer.to_disk(tmp_path / "tok")
    restored = make().from_disk(tmp_path / "tok")
    assert restored.words == ["五心工程"] and restored.segmenter == "fast"
    assert sum(p.stat().st_size for p in (tmp_path / "tok").iterdir()) < 10_000
    assert make().from_bytes(tokenizer.to_bytes()).words == ["五心工程"]


def _merge_word_by_word(words, matches):
    """Term merging as first written (issue 2): word by word, each word that
    overlaps terms emitted as its parts outside them and each term once.
    The reference the one-pass boundary merge is checked against."""
    merged, m = [], 0
    for start, end in words:
        while m < len(matches) and matches[m][1] <= start:
            m += 1
        if m == len(matches) or matches[m][0] >= end:
            merged.append((start, end))
            continue
        position = start
        while m < len(matches) and matches[m][0] < end:
            t_start, t_end = matches[m]
            if position < t_start:
                merged.append((position, t_start))
            if not merged or merged[-1] != (t_start, t_end):
                merged.append((t_start, t_end))
            position = max(position, t_end)
            if t_end > end:
                break
            m += 1
        if position < end:
            merged.append((position, end))
    return merged


def _kept_whole(text, words, matches):
    """The matches kept whole: not those whose last pkuseg word starts inside
    the term and runs on from a Chinese character into one, no other term starting there,
    by more than a locative."""
    from policy_nlp.lang.words import word_set
    starts, locatives = {a for a, _ in matches}, word_set("locatives")

    def runs_on(t_start, t_end):
        word = next(((a, b) for a, b in words if a < t_end < b), None)
        return (word is not None and word[0] > t_start and t_end not in starts
                and not (word[1] == t_end + 1 and text[t_end] in locatives)
                and all(is_ideograph(c) for c in text[t_end - 1:t_end + 1]))
    return [m for m in matches if not runs_on(*m)]


def test_a_term_whose_tail_runs_on_into_a_pkuseg_word_is_not_kept(pkuseg_cut):
    # local_speeches dev-0181: 三农 (a lexicon term) is no word in 今后三农村发展
    # (三年 with 年 dropped): pkuseg reads 三|农村, which stays
    text = "产生了新一届村委会班子,为今后三农村发展打下了良好的组织基础。"
    assert words_of(make(["三农"])(text)) == pkuseg_cut(text)
    assert "三农" in words_of(make(["三农"])("做好三农工作"))
    # another term starting where pkuseg's word runs on keeps both whole
    # (dev-0089: pkuseg 河长|制湖|长制)
    tokens = words_of(make(["河长制", "湖长制"])("全面落实河长制湖长制,进一步加强"))
    assert tokens[2:4] == ["河长制", "湖长制"]
    # a tail running on into punctuation is still cut (“三公”经费 with mangled quotes, dev-0056)
    assert "三公" in words_of(make(["三公"])("压缩?三公?经费"))
    # nor a term ending in a symbol (policy_docs shandong-15: pkuseg 人工|智能|+物|联网)
    assert "人工智能+" in words_of(make(["人工智能+"])("推进人工智能+物联网医械融合解决方案"))
    # a word running on by a locative only is the term and the locative (pkuseg 三|农上,
    # 六|保中, 一带|一路上)
    for term, text in [("三农", "在三农上下功夫，在产业上做文章。"), ("六保", "在六稳六保中体现担当作为。"),
                       ("一带一路", "我们要在一带一路上走深走实。")]:
        assert term in words_of(make(["六稳", term])(text)), text


def test_term_merge_equals_the_word_by_word_definition():
    """Terms (random substrings of the report, so they start and end inside
    words, span several words, touch each other) merged in one pass over the
    boundaries give the same tokens as the word-by-word merge."""
    import random
    import re
    text = national_report(2019)[:20_000] + "\n\n  结尾 "
    plain = make()
    words = plain.cut(text)
    rng = random.Random(14)
    for _ in range(20):
        terms = set()
        for _ in range(rng.randint(1, 300)):
            a = rng.randrange(len(text) - 8)
            term = text[a:a + rng.randint(2, 8)]
            if not re.search(r"\s", term):
                terms.add(term)
        tokenizer = make(terms)
        matches = [m.span() for m in tokenizer.pattern.finditer(text)]
        assert matches
        assert tokenizer.cut(text) == _merge_word_by_word(words, _kept_whole(text, words, matches))
        doc = tokenizer(text)
        assert doc.text == text
        assert [(t.idx, t.idx + len(t)) for t in doc if not t.is_space] == tokenizer.cut(text)


def test_whole_text_boundaries_equal_the_run_by_run_cut():
    """The C engine's boundaries in one call (the default path) equal the
    words cut whitespace run by whitespace run (the path for other engines
    and over-long runs), on a report with its line breaks and on odd
    whitespace; a run over MAX_RUN takes the run-by-run path."""
    engine = load_segmenter("fast")
    tokenizer = make()
    texts = [national_report(2019), "", " ", "\u3000\u3000一、总体要求\n\n\t（一）\xa0坚持 ", "结尾"]
    for text in texts:
        whole = engine.boundaries(text, MAX_RUN) if hasattr(engine, "boundaries") else None
        if whole is None:
            pytest.skip("the fast engine's C core is not built")
        assert whole == tokenizer._run_boundaries(engine, text) == tokenizer.boundaries(text)
    long_run = "推进社会管理创新。" * 3000
    assert engine.boundaries(long_run, MAX_RUN) is None
    assert tokenizer.boundaries(long_run) == tokenizer._run_boundaries(engine, long_run)


def test_docs_from_word_ids_equal_docs_from_words():
    """The tokenizer builds Docs from cached word ids: same tokens, same
    lexemes as spaCy's own Doc(vocab, words), also after a memory zone has
    dropped the words it added (the cache is then refreshed)."""
    from spacy.tokens import Doc
    nlp = spacy.blank("zh")
    tokenizer = PolicyTokenizer(nlp.vocab, lexicon=False, words=["五心工程"])
    nlp.tokenizer = tokenizer
    text = national_report(2019)[:3000] + " 五心工程"
    for _ in range(2):  # the second time, every id comes from the cache
        doc = tokenizer(text)
        words = [t.text for t in doc]
        plain = Doc(spacy.blank("zh").vocab, words=words, spaces=[False] * len(words))
        assert doc.text == text == plain.text
        assert [t.orth for t in doc] == [t.orth for t in plain]
        assert [t.orth_ for t in doc] == words
    with nlp.memory_zone():
        assert [t.text for t in nlp("新词汇甲乙丙丁")] == [t.text for t in nlp("新词汇甲乙丙丁")]
    doc = nlp("新词汇甲乙丙丁")  # cached ids whose strings the zone dropped
    assert doc.text == "新词汇甲乙丙丁" and [t.orth_ for t in doc] == [t.text for t in doc]
