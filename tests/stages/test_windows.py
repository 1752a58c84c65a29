import re

import pytest

from policy_nlp.stages.lexicon import default_lexicon
from policy_nlp.stages.slogans import find_slogans
from policy_nlp.stages.windows import find_in_windows, windows


def test_windows_tile_the_text_with_cores_at_sentence_ends(seed_text):
    text = seed_text.replace("\n", "")
    spans = windows(text, size=1000, overlap=200)
    assert len(spans) > 3
    assert spans[0][2] == 0 and spans[-1][3] == len(text)
    for (_, _, _, core_end), (_, _, next_core, _) in zip(spans, spans[1:]):
        assert core_end == next_core                       # the cores tile the text
        assert re.match(r"[。！？；!?;\n]", text[core_end - 1])  # each cut after a sentence end
    for start, end, core_start, core_end in spans:
        assert start <= core_start < core_end <= end and end - start <= 1000 + 3 * 200


def test_a_text_within_the_window_size_is_one_window():
    assert windows("同志们：今天开会。", size=9) == [(0, 9, 0, 9)]
    with pytest.raises(ValueError, match="window size"):
        windows("同志们", size=0)


def test_slogans_in_small_windows_equal_slogans_of_the_whole_text(seed_text, tokenizer_nlp):
    # The seed speech on one line (6,000 characters) in windows of 1,500:
    # every formulation, member and quoted term is found as on the whole text.
    text = seed_text.replace("\n", "")
    doc = tokenizer_nlp.make_doc(text)
    tokens = [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
    lexicon = default_lexicon()
    whole = find_slogans(text, lexicon, tokens=tokens)
    windowed = find_in_windows(lambda t, tokens: find_slogans(t, lexicon, tokens=tokens), text, tokens,
                               size=1500, overlap=300)
    assert len(whole) > 20
    assert windowed == whole
    for record in windowed:
        assert text[record["start"]:record["end"]] == record["text"]
        assert all(text[m["start"]:m["end"]] == m["text"] for m in record["members"])


def test_token_offsets_as_an_array_give_the_same_slogans_as_pairs(seed_text, tokenizer_nlp):
    # The pipeline passes the tokens as an (n, 2) array (no tuple per token):
    # whole text and windows alike, the same records as with (start, end) pairs.
    import numpy

    text = seed_text.replace("\n", "")
    doc = tokenizer_nlp.make_doc(text)
    pairs = [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
    array = numpy.array(pairs, dtype="int64")
    lexicon = default_lexicon()

    def find(t, tokens):
        return find_slogans(t, lexicon, tokens=tokens)
    assert find(text, array) == find(text, pairs)
    windowed = find_in_windows(find, text, array, size=1500, overlap=300)
    assert len(windowed) > 20
    assert windowed == find_in_windows(find, text, pairs, size=1500, overlap=300)
