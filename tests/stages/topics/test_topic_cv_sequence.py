"""``benchmarks/topic_cv.py --sequence``: topics smoothed along the paragraph sequence.

Measured and not used (docs/history/topic_experiments.md): these tests keep the benchmark's chain
honest on the seed speech's paragraphs with the default model and fold 0's
transitions as the benchmark estimated them from its training units.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from policy_nlp.stages.paragraphs import find_paragraphs
from policy_nlp.stages.topics import classify_paragraphs, default_model
from policy_nlp.stages.topics.context import LOG_FLOOR, context_scores, contextualize

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"
TITLE = "在全区社会管理创新暨城乡一体化建设工作推进会议上的讲话"


@pytest.fixture(scope="module")
def matrix():
    results = json.loads((BENCHMARKS / "results" / "topic_cv_sequence.json").read_text(encoding="utf-8"))
    return results["transitions"]["fold0-skip1"]


@pytest.fixture(scope="module")
def speech(seed_text):
    """The seed speech's paragraphs from 同志们 to its last (the forum page around it left out)
    and their own results."""
    texts = [seed_text[a:b] for a, b in find_paragraphs(seed_text)]
    salutations = [i for i, t in enumerate(texts) if t.startswith("同志们")]   # 同志们: and 同志们,当前…
    texts = texts[salutations[0]:salutations[-1] + 1]
    return texts, classify_paragraphs(default_model(), texts, headings="own", context=False)


def _labels(results):
    return [r["label"] if r else None for r in results]


def test_the_transitions_are_distributions(matrix):
    T, prior = np.array(matrix["transitions"]), np.array(matrix["prior"])
    assert T.shape == (11, 11) and np.allclose(T.sum(axis=1), 1, atol=1e-3) and abs(prior.sum() - 1) < 1e-3
    general = matrix["labels"].index("general")
    assert prior.argmax() == general          # general is the most frequent hand label
    assert (np.diag(T) > prior).all()          # every area is more likely after itself than anywhere


def test_forward_backward_gives_a_distribution_per_paragraph(topic_cv, matrix, speech):
    texts, own = speech
    scores = context_scores(own, texts, title=TITLE)
    emissions = np.log(np.clip(scores["posterior"], LOG_FLOOR, 1.0))
    posterior = topic_cv.forward_backward(emissions, topic_cv.transition_scores(matrix, scores["labels"], 1.0))
    assert posterior.shape == (len(scores["moved"]), 11) == emissions.shape
    assert np.allclose(posterior.sum(axis=1), 1.0)
    assert len(topic_cv.viterbi(emissions, topic_cv.transition_scores(matrix, scores["labels"], 1.0))) == \
        len(scores["moved"])


@pytest.mark.parametrize("decode", ["viterbi", "posterior"])
@pytest.mark.parametrize("skip", [True, False])
def test_weight_zero_gives_the_shipped_labels(topic_cv, matrix, speech, decode, skip):
    texts, own = speech
    shipped = _labels(contextualize(own, texts, title=TITLE))
    for temperature in (0.5, 1.0, 2.0):
        out = topic_cv.sequence_topics(own, texts, matrix, weight=0.0, temperature=temperature, decode=decode,
                                       skip=skip, title=TITLE)
        assert _labels(out) == shipped


def test_a_bridge_keeps_its_own_result_under_the_strongest_chain(topic_cv, matrix, speech):
    texts, own = speech
    # 今天的会议，是在全区上下认真学习贯彻省第十二次党代会精神…: a meeting opening of 542 characters
    opening = next(i for i, t in enumerate(texts) if t.startswith("今天的会议"))
    for setting in ({"weight": 1.0, "decode": "posterior", "skip": False},
                    {"weight": 0.75, "stay": True, "decode": "viterbi", "skip": False}):
        out = topic_cv.sequence_topics(own, texts, matrix, title=TITLE, **setting)
        assert out[opening] is own[opening] and out[0] is own[0]   # and 同志们：
        assert sum(a != b for a, b in zip(_labels(out), _labels(contextualize(own, texts, title=TITLE)))) >= 1


def test_estimated_transitions_skip_bridges(topic_cv, speech):
    texts, _ = speech
    units = [("general", t) for t in texts[:3]] + [("party_government", t) for t in texts[-2:]]
    kept = topic_cv.estimate_transitions([units], ["general", "party_government"], k=1.0, skip=True)
    every = topic_cv.estimate_transitions([units], ["general", "party_government"], k=1.0, skip=False)
    # 同志们：, the meeting opening and a heading are out of the chain: only party_government -> itself
    assert kept["transitions"] == [[0.5, 0.5], [0.3333, 0.6667]] and kept["prior"] == [0.25, 0.75]
    assert every["transitions"] == [[0.6, 0.4], [0.3333, 0.6667]] and every["prior"] == [0.5714, 0.4286]
