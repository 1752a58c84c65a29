from policy_nlp.pipeline.document import add_spans, ensure_boundaries


def test_add_spans_splits_tokens_and_rebuilds_existing_groups(tokenizer_nlp):
    doc = tokenizer_nlp("一是农业种植结构调整更趋理性。二是设施农业建设取得了新的进展。")
    before = {name: [(s.start_char, s.end_char, s.label_) for s in g] for name, g in doc.spans.items()}
    spans = add_spans(doc, "slogans", [{"start": 1, "end": 3, "number": 2, "kind": "numbered"}],
                      lambda r: r["kind"])
    assert spans[0].text == doc.text[1:3] and spans[0]._.number == 2 and spans[0].label_ == "numbered"
    after = {name: [(s.start_char, s.end_char, s.label_) for s in g]
             for name, g in doc.spans.items() if name != "slogans"}
    assert after == before
    assert [s.text for s in doc.sents] == [s.text for s in doc.spans["sentences"]]


def test_ensure_boundaries_is_a_no_op_on_aligned_offsets(tokenizer_nlp):
    doc = tokenizer_nlp("坚持农业农村优先发展")
    n = len(doc)
    assert ensure_boundaries(doc, [0, doc[1].idx, len(doc.text)]) == 0
    assert len(doc) == n
    assert ensure_boundaries(doc, [1]) == 1 and len(doc) == n + 1


def _state(doc):
    return ([t.text for t in doc], [t.whitespace_ for t in doc], [s.text for s in doc.sents],
            {name: [(s.start_char, s.end_char, s.label_) for s in g] for name, g in doc.spans.items()})


def test_rebuilding_in_one_pass_equals_spacys_retokenizer(tokenizer_nlp, seed_text):
    # Cut a real document at many offsets inside words: the one-pass rebuild
    # (policy_nlp's own documents) and spaCy's retokenizer (documents with
    # other token annotations, here a tag) must give the same document.
    rebuilt = tokenizer_nlp(seed_text)
    retokenized = tokenizer_nlp(seed_text)
    retokenized[0].tag_ = "X"
    rebuilt._.id = "kept"
    offsets = [t.idx + 1 for t in rebuilt if len(t) > 2][::3]
    assert len(offsets) > 50
    assert ensure_boundaries(rebuilt, offsets) == ensure_boundaries(retokenized, offsets) == len(offsets)
    assert _state(rebuilt) == _state(retokenized)
    assert rebuilt.text == seed_text and rebuilt._.id == "kept"
    assert set(offsets) <= {t.idx for t in rebuilt}


def test_spaces_survive_a_rebuild(tokenizer_nlp):
    from spacy.tokens import Doc
    doc = Doc(tokenizer_nlp.vocab, words=["一是农业", "发展", "二是"], spaces=[True, False, False])
    assert ensure_boundaries(doc, [2, 5]) == 1
    assert [t.text for t in doc] == ["一是", "农业", "发展", "二是"] and doc.text == "一是农业 发展二是"


def test_offsets_read_once_in_a_stage_follow_its_splits(tokenizer_nlp):
    """Inside reading_offsets the token offsets are read once, and again after a split
    (in one pass or by spaCy's retokenizer): spans added after a split stay aligned."""
    from policy_nlp.pipeline.document import reading_offsets, token_offsets, word_offset_arrays
    for annotated in (False, True):
        doc = tokenizer_nlp("一是农业种植结构调整更趋理性。二是设施农业建设取得了新的进展。")
        if annotated:  # a tag forces spaCy's retokenizer instead of the one-pass rebuild
            doc[0].tag_ = "X"
        with reading_offsets(doc):
            assert token_offsets(doc)[0] is token_offsets(doc)[0]  # read once
            add_spans(doc, "slogans", [{"start": 1, "end": 3}], "numbered")
            add_spans(doc, "lists", [{"start": 15, "end": 17}, {"start": 16, "end": 20}], "是")
            starts, ends = token_offsets(doc)
            fresh = doc.to_array(["IDX", "LENGTH"])
            assert starts.tolist() == fresh[:, 0].tolist() and ends.tolist() == (fresh[:, 0] + fresh[:, 1]).tolist()
            assert word_offset_arrays(doc)[0].tolist() == [t.idx for t in doc if not t.is_space]
        assert [s.text for s in doc.spans["lists"]] == [doc.text[15:17], doc.text[16:20]]
        assert doc.spans["slogans"][0].text == doc.text[1:3]


def test_kept_token_offsets_follow_a_retokenizer(tokenizer_nlp):
    """Token offsets are kept between stages and checked against the tokens'
    starts on each read outside a stage: a merge or a split made with
    spaCy's retokenizer in between is seen."""
    from policy_nlp.pipeline.document import token_offsets, word_offset_arrays

    def read(doc):
        return [(int(a), int(b)) for a, b in zip(*token_offsets(doc))]

    doc = tokenizer_nlp("坚持农业农村优先发展。 推进乡村振兴")
    expected = [(t.idx, t.idx + len(t)) for t in doc]
    assert read(doc) == expected
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert read(doc) == [(t.idx, t.idx + len(t)) for t in doc] != expected
    with doc.retokenize() as retokenizer:
        retokenizer.split(doc[0], ["坚", "持农业"], heads=[(doc[0], 0), (doc[0], 0)])
    assert read(doc) == [(t.idx, t.idx + len(t)) for t in doc]
    starts, ends = word_offset_arrays(doc)
    assert [(int(a), int(b)) for a, b in zip(starts, ends)] == \
        [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]


def test_word_texts_are_the_tokens_texts_also_after_splits(tokenizer_nlp):
    """word_texts gives the non-space tokens' texts: the tokenizer's own
    strings while the tokens are its own, sliced again after a split."""
    from policy_nlp.pipeline.document import word_texts
    doc = tokenizer_nlp("一是农业种植结构调整更趋理性。 二是设施农业建设取得了新的进展。")
    assert word_texts(doc) == [t.text for t in doc if not t.is_space]
    inside = [t.idx + 1 for t in doc if len(t) > 1][:2]  # two offsets inside words
    assert ensure_boundaries(doc, inside) == 2
    assert word_texts(doc) == [t.text for t in doc if not t.is_space]


def test_words_within_and_their_attrs_are_those_of_the_tokens_in_each_range(tokenizer_nlp):
    """words_within and word_attrs_within give the non-space tokens starting in
    each range (whitespace inside a range dropped, an empty range empty)."""
    from spacy.attrs import ORTH
    from policy_nlp.pipeline.document import word_attrs_within, words_within
    doc = tokenizer_nlp("一是农业种植结构调整更趋理性。 二是设施农业建设取得了新的进展。\n三是农民增收。")
    ranges = [(0, 15), (0, 33), (16, 16), (34, len(doc.text))]
    expected = [[t for t in doc if a <= t.idx < b and not t.is_space] for a, b in ranges]
    assert words_within(doc, ranges) == [[t.text for t in tokens] for tokens in expected]
    orths, counts, lengths = word_attrs_within(doc, ranges, ORTH)
    assert counts.tolist() == [len(tokens) for tokens in expected]
    assert orths.tolist() == [t.orth for tokens in expected for t in tokens]
    assert lengths.tolist() == [len(t) for tokens in expected for t in tokens]
