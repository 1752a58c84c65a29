"""fastseg cuts exactly as pkuseg does, with either engine.

The reference is pkuseg itself (default model, default dictionary), loaded
once per session. Every equality check runs on both engines: the C extension
("c", skipped when it is not built) and the numpy/Python fallback ("python").
"""

import glob
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED, shared_path

from policy_nlp.segment import fastseg
from policy_nlp.segment.fastseg import FastSegmenter, convert

pkuseg = pytest.importorskip("pkuseg")

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference():
    return pkuseg.pkuseg()


@pytest.fixture(scope="session")
def segmenters():
    return {}


@pytest.fixture(params=["c", "python"])
def fast(request, segmenters):
    engine = request.param
    if engine == "c" and not fastseg.compiled_available():
        pytest.skip("fastseg C extension not built (pip install -e . builds it)")
    if engine not in segmenters:
        segmenters[engine] = FastSegmenter(pure=(engine == "python"))
    assert segmenters[engine].engine == engine
    return segmenters[engine]


@pytest.mark.slow
def test_seed_identical(reference, fast):
    assert fast.cut(SEED_TEXT) == reference.cut(SEED_TEXT)
    for line in SEED_TEXT.splitlines():
        assert fast.cut(line) == reference.cut(line), line


EDGE_CASES = [
    "", " ", "\u3000\xa0\n\t", "中", "a", "1", ".", "*", "**Num", "**noWord",
    "&&", "-._,|/*:", "2012年12月31日", "３．５％", "ＡＢＣ－ｊ／・", "GDP增长6.5%",
    "坚持农业农村优先发展", "中华人民共和国国务院政府工作报告",
    "同志们：\n\n　　今天开会。", "a\x1cb\x1dc\x1ed\x1ff\x85g\u2028h\u200bi",
    "\ud800中\udfff", "😀中国🇨🇳", "中" * 500, "的" * 3 + "了" * 3,
    "市government", "十三五规划纲要", "一九四九年十月一日",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases(reference, fast, text):
    assert fast.cut(text) == reference.cut(text)


_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),   # CJK
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),       # ASCII
    st.sampled_from(list("0123456789几二三四五六七八九十千万亿兆零"
                         "１２３４５６７８９０％。，、；：？！“”（）《》—…·"
                         "ＡＢＣＧＩＪａｂｇｉｊｚ／・－&*")),
    st.sampled_from([" ", "\t", "\n", "\r", "\u3000", "\xa0", "\x1c",
                     "\x85", "\u2028", "\u200b", "\ufeff"]),      # (non-)spaces
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),    # full-width
    st.sampled_from(["\ud800", "\udfff"]),                        # surrogates
)
_SEED_SLICE = st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(1, 80)).map(
    lambda t: SEED_TEXT[t[0]: t[0] + t[1]])
TEXTS = st.lists(st.one_of(st.text(_ALPHABET, max_size=25), _SEED_SLICE),
                 max_size=8).map("".join)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_generated_identical(reference, fast, text):
    assert fast.cut(text) == reference.cut(text)


def boundaries_of(text, words):
    """The token boundaries of ``text`` cut into ``words`` (whitespace runs
    between them are tokens too): what ``FastSegmenter.boundaries`` gives."""
    bounds, i = [0], 0
    for word in words:
        start = text.index(word, i)  # only whitespace lies between words
        if start > i:
            bounds.append(start)
        i = start + len(word)
        bounds.append(i)
    if i < len(text):
        bounds.append(len(text))
    return bounds


@pytest.fixture
def c_engine(fast):
    if fast.engine != "c":
        assert fast.boundaries("中 文") is None  # the pure engine leaves it to cut()
        pytest.skip("boundaries() is the C engine's")
    return fast


@pytest.mark.parametrize("text", EDGE_CASES + ["  两端 空白\n", "\n\n"])
def test_boundaries_are_pkusegs_words_and_the_whitespace(reference, c_engine, text):
    assert c_engine.boundaries(text) == boundaries_of(text, reference.cut(text))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_generated_boundaries(reference, c_engine, text):
    assert c_engine.boundaries(text) == boundaries_of(text, reference.cut(text))


def test_boundaries_refuse_runs_longer_than_max_run(c_engine):
    text = "中" * 10 + " " + "国" * 5
    assert c_engine.boundaries(text, 10) == c_engine.boundaries(text) == boundaries_of(text, c_engine.cut(text))
    assert c_engine.boundaries(text, 9) is None
    with pytest.raises(TypeError):
        c_engine.boundaries(b"bytes")


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, cuts=st.lists(st.integers(0, 200), max_size=30))
def test_substrings_are_slices(text, cuts):
    from policy_nlp.segment.fastseg import _python_substrings, substrings
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    expected = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    assert substrings(text, bounds) == _python_substrings(text, bounds) == expected
    if fastseg.compiled_available():
        from policy_nlp.segment.fastseg import _fastseg
        assert substrings is _fastseg.substrings
        with pytest.raises(ValueError):
            substrings(text, [0, len(text) + 1])


def test_engine_choice(monkeypatch):
    monkeypatch.setenv("POLICY_NLP_FASTSEG_PURE", "1")
    assert FastSegmenter().engine == "python"
    if fastseg.compiled_available():
        monkeypatch.delenv("POLICY_NLP_FASTSEG_PURE")
        assert FastSegmenter().engine == "c"
        assert FastSegmenter(pure=False).engine == "c"


def test_registered():
    from policy_nlp.segment.engines import SEGMENTERS
    assert SEGMENTERS["fast"]().cut("坚持农业农村优先发展") == [
        "坚持", "农业", "农村", "优先", "发展"]


def test_type_error(fast):
    with pytest.raises(TypeError):
        fast.cut(b"bytes")


# -- cache ----------------------------------------------------------------

def test_cache_rebuilt_when_source_changes(tmp_path, monkeypatch):
    """Converted once, reused, rebuilt (and the stale file removed) when a
    source file's size or mtime changes or the cached file is unreadable.
    The conversion itself is replaced by a stub: its output is what every
    equality test checks."""
    sources = []
    for name in ("features.pkl", "weights.npz", "default.pkl"):
        p = tmp_path / "src" / name
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(b"x")
        sources.append(str(p))
    calls = []

    def fake_convert(paths, out_path, log=None):
        calls.append(out_path)
        convert.write_container(out_path, {"a": __import__("numpy").zeros(3)},
                                {"format_version": convert.FORMAT_VERSION,
                                 "source_key": convert.source_key(paths)})
        return out_path

    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(convert, "pkuseg_paths", lambda: tuple(sources))
    monkeypatch.setattr(convert, "convert", fake_convert)

    first = convert.ensure_model()
    assert calls == [first] and first.startswith(str(tmp_path / "cache"))
    assert convert.ensure_model() == first and len(calls) == 1

    st_ = os.stat(sources[1])
    os.utime(sources[1], ns=(st_.st_atime_ns, st_.st_mtime_ns + 10**9))
    second = convert.ensure_model()
    assert second != first and len(calls) == 2
    assert not os.path.exists(first)          # stale conversion removed

    with open(sources[2], "ab") as f:         # size change
        f.write(b"y")
    third = convert.ensure_model()
    assert third not in (first, second) and len(calls) == 3

    with open(third, "r+b") as f:             # damaged file: rebuilt
        f.write(b"garbage!")
    assert convert.ensure_model() == third and len(calls) == 4
    assert convert.Container(third).meta["source_key"] == convert.source_key(sources)


def test_cache_location(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path))
    assert convert.cache_dir() == str(tmp_path / "fastseg")
    monkeypatch.delenv("POLICY_NLP_CACHE")
    assert convert.cache_dir() == os.path.expanduser("~/.cache/policy_nlp/fastseg")


# -- whole corpus -----------------------------------------------------------

@pytest.fixture(scope="module")
def national(reference):
    folder = shared_path("corpora", "national")
    docs = []
    for path in sorted(glob.glob(str(folder / "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            docs += [json.loads(line)["content"] for line in f if line.strip()]
    return docs, [reference.cut(d) for d in docs]


@pytest.mark.slow
def test_national_corpus_identical(national, fast):
    """Every "content" of ../shared/corpora/national/*.jsonl, token for token
    (88 documents, 1.48 M characters, 830 k tokens)."""
    docs, expected = national
    for i, (doc, ref) in enumerate(zip(docs, expected)):
        assert fast.cut(doc) == ref, f"document {i} differs"


def test_pickle_reopens(fast):
    import pickle
    again = pickle.loads(pickle.dumps(fast))
    assert again.engine == fast.engine
    assert again.cut("坚持农业农村优先发展") == fast.cut("坚持农业农村优先发展")


def test_truncated_cache_rebuilt(tmp_path, monkeypatch):
    path = str(tmp_path / "m.bin")
    convert.write_container(path, {"a": __import__("numpy").arange(1000)},
                            {"format_version": convert.FORMAT_VERSION})
    convert.Container(path)
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) - 100)
    with pytest.raises(ValueError, match="truncated"):
        convert.Container(path)


def test_a_write_stopped_midway_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A conversion stopped as it writes (Ctrl-C, a document's --doc-timeout when the first document
    loads the segmenter) removes its temporary file (1.6 GB for pkuseg's model), keeps the old one."""
    from policy_nlp.run.timelimit import TimeLimitExceeded
    path = str(tmp_path / "m.bin")
    convert.write_container(path, {"a": __import__("numpy").arange(10)}, {"format_version": convert.FORMAT_VERSION})
    before = open(path, "rb").read()

    def stopped(*args):
        raise TimeLimitExceeded(0.05)
    monkeypatch.setattr(convert.os, "replace", stopped)
    with pytest.raises(TimeLimitExceeded):
        convert.write_container(path, {"a": __import__("numpy").arange(1000)},
                                {"format_version": convert.FORMAT_VERSION})
    assert os.listdir(tmp_path) == ["m.bin"] and open(path, "rb").read() == before


def test_first_build_says_what_it_is_doing(tmp_path, monkeypatch, caplog):
    """The 20-60 s conversion on a new machine logs one WARNING line (shown
    even when logging is not configured); reusing the cache logs nothing.
    The conversion itself is a stub, as above."""
    source = tmp_path / "features.pkl"
    source.write_bytes(b"x")

    def fake_convert(paths, out_path, log=None):
        convert.write_container(out_path, {"a": __import__("numpy").zeros(3)},
                                {"format_version": convert.FORMAT_VERSION,
                                 "source_key": convert.source_key(paths)})

    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(convert, "pkuseg_paths", lambda: (str(source),))
    monkeypatch.setattr(convert, "convert", fake_convert)
    with caplog.at_level("INFO", logger="policy_nlp"):
        path = convert.ensure_model()
        convert.ensure_model()
    (record,) = caplog.records
    assert record.levelname == "WARNING" and record.name == "policy_nlp.segment.fastseg.convert"
    assert "fast segmenter, first use on this machine" in record.getMessage() and path in record.getMessage()
