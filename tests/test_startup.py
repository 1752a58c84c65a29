"""Start-up helpers: the paused and frozen collector, results built once per machine."""

import gc
import json

import numpy as np

from policy_nlp import _startup


class Table:
    def __init__(self, n):
        self.n, self.names, self.ids = n, ["a", "b"], {"x": 1}
        self.table = np.arange(n, dtype=np.int64)


def test_collector_paused_restores_the_collector():
    assert gc.isenabled()
    with _startup.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_loaded_objects_frozen_for_the_block_only():
    assert gc.get_freeze_count() == 0
    with _startup.loaded_objects_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_built_once_stores_then_reads_back_an_equal_object(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return Table(5)

    first = _startup.built_once("tables", "k1", Table, build)
    second = _startup.built_once("tables", "k1", Table, build)
    assert len(builds) == 1 and type(second) is Table and second is not first
    assert vars(second).keys() == vars(first).keys()
    assert (second.n, second.names, second.ids) == (5, ["a", "b"], {"x": 1})
    assert second.table.dtype == np.int64 and second.table.tolist() == list(range(5))
    assert second.table.flags.writeable
    assert sorted(p.name for p in (tmp_path / "tables" / "k1").iterdir()) == ["table.npy", "values.json"]


def test_built_once_rebuilds_what_it_cannot_read_or_store(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path))
    _startup.built_once("tables", "k", Table, lambda: Table(3))
    (tmp_path / "tables" / "k" / "values.json").write_text("{not json", encoding="utf-8")
    assert _startup.built_once("tables", "k", Table, lambda: Table(4)).n == 4   # damaged: built again

    odd = Table(2)
    odd.pair = (1, 2)  # a tuple comes back from JSON as a list: not stored
    assert _startup.built_once("tables", "odd", Table, lambda: odd) is odd
    assert not (tmp_path / "tables" / "odd").exists()
    assert _startup.built_once("tables", "none", Table, lambda: None) is None


def test_built_once_keeps_the_newest(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path))
    for i in range(5):
        _startup.built_once("tables", f"k{i}", Table, lambda: Table(1), keep=3)
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["k2", "k3", "k4"]
    assert json.loads((tmp_path / "tables" / "k4" / "values.json").read_text(encoding="utf-8"))["arrays"] == ["table"]


def test_the_default_topic_model_read_back_has_the_lookups_it_builds(tmp_path, monkeypatch):
    from policy_nlp.stages import topics
    monkeypatch.setenv("POLICY_NLP_CACHE", str(tmp_path))
    built = topics.load_model(topics.DEFAULT_MODEL)   # builds and stores its two lookups
    assert len(list((tmp_path / "topics").iterdir())) == 2
    read = topics.load_model(topics.DEFAULT_MODEL)    # reads them back
    for a, b in ((built._word, read._word), (built._char, read._char)):
        assert vars(a).keys() == vars(b).keys()
        for name, value in vars(a).items():
            other = getattr(b, name)
            assert type(value) is type(other)
            assert np.array_equal(value, other) and value.dtype == other.dtype \
                if isinstance(value, np.ndarray) else value == other
    paragraphs = [["稳定", "粮食", "播种", "面积"], ["加强", "国防", "和", "军队", "建设"]]
    assert np.array_equal(built.predict_proba(paragraphs), read.predict_proba(paragraphs))
