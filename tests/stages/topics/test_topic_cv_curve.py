"""``benchmarks/topic_cv.py --local-fractions``: the excerpts a local learning curve keeps.

The curve's models must differ from the full model only by the local excerpts left out, whole:
these tests draw them from the real hand labels' excerpts (corpora/topic_labels/local_hand_labels.jsonl)
dealt into the benchmark's folds.
"""

import json
from pathlib import Path

import pytest

HAND_LABELS = Path(__file__).resolve().parents[3] / "corpora" / "topic_labels" / "local_hand_labels.jsonl"


@pytest.fixture(scope="module")
def units():
    """One ``{"doc", "label"}`` per hand-labelled unit, as the benchmark's local examples carry them."""
    with open(HAND_LABELS, encoding="utf-8") as handle:
        return [{"doc": row["id"], "label": row["label"]} for row in map(json.loads, filter(str.strip, handle))]


def test_fractions_keep_whole_training_excerpts_nested(topic_cv, units):
    docs = sorted({u["doc"] for u in units})
    fold = topic_cv.folds_of(docs, [], 5, 0)
    for k in range(5):
        groups = topic_cv.training_excerpts(units, [], fold, k)
        training = set(sum(groups, []))
        assert training == {d for d in docs if fold[d] != k}  # never a held-out excerpt
        assert topic_cv.kept_excerpts(groups, 1.0, 2, k) == training  # fraction 1: the full model's rows
        assert topic_cv.kept_excerpts(groups, 0.0, 2, k) == set()
        previous = set()
        for fraction in (0.125, 0.25, 0.5, 0.75):
            kept = topic_cv.kept_excerpts(groups, fraction, 2, k)
            assert len(kept) == round(fraction * len(training))
            assert previous <= kept  # one seed's draws are nested
            previous = kept
        # another seed draws other excerpts; the same seed the same ones
        assert topic_cv.kept_excerpts(groups, 0.5, 2, k) == topic_cv.kept_excerpts(groups, 0.5, 2, k)
        assert topic_cv.kept_excerpts(groups, 0.5, 3, k) != topic_cv.kept_excerpts(groups, 0.5, 2, k)


def test_gold_excerpts_are_drawn_apart(topic_cv, units):
    # with --train-gold the gold excerpts (here four real development ids) form a group of their own
    gold = [{"doc": d, "label": "general"} for d in ("dev-0015", "dev-0025", "dev-0027", "dev-0031")]
    docs = sorted({u["doc"] for u in units})
    fold = topic_cv.folds_of(docs + [g["doc"] for g in gold], [g["doc"] for g in gold], 2, 0)
    groups = topic_cv.training_excerpts(units, gold, fold, 0)
    assert len(groups[2]) == 2 and set(groups[2]) <= {g["doc"] for g in gold}
    assert len(topic_cv.kept_excerpts(groups, 0.5, 0, 0) & set(groups[2])) == 1
