"""Tests of policy_nlp.segment.engines: the dictionary's documented fallback."""

import pytest

from policy_nlp.segment import engines
from policy_nlp.segment.fastseg import convert


def test_without_pkuseg_the_dictionary_is_empty_and_says_so(monkeypatch):
    def missing():
        raise ImportError("pkuseg is not installed: fastseg converts its model")
    monkeypatch.setattr(convert, "pkuseg_paths", missing)
    engines.dictionary_words.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="pkuseg is not installed"):
            assert engines.dictionary_words() == frozenset()
        from policy_nlp.stages.slogans.quotes import _ordinary_word
        assert not _ordinary_word("斤斤计较")          # an idiom is no longer known as one
    finally:
        monkeypatch.undo()
        engines.dictionary_words.cache_clear()
    # with pkuseg installed, the words are there again and nothing is said
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "斤斤计较" in engines.dictionary_words()
