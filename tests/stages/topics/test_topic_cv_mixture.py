"""``benchmarks/topic_cv.py --forms mix:A,gmix:A``: the recipe's model mixed with a local expert.

Measured and not used (docs/history/topic_experiments.md): these tests keep the benchmark's
mixture honest on toy probabilities.
"""

import pytest

RECIPE = {"economy": 0.6, "general": 0.3, "industry": 0.1}
LOCAL = {"economy": 0.2, "general": 0.8}  # the local expert never saw industry


def test_the_form_parser_reads_the_weight_and_the_kind(topic_cv):
    assert topic_cv.mix_of("mix:0.35") == (0.35, False)
    assert topic_cv.mix_of("gmix:0.2") == (0.2, True)
    assert topic_cv.mix_of("svm") is None and topic_cv.mix_of("title:0.25") is None


def test_the_linear_mix_weighs_the_local_expert_by_a(topic_cv):
    mixed = topic_cv.mix_scores(RECIPE, LOCAL, 0.5)
    assert list(mixed) == list(RECIPE)  # the recipe's labels, in its order
    assert mixed == pytest.approx({"economy": 0.4, "general": 0.55, "industry": 0.05})
    assert topic_cv.mix_scores(RECIPE, LOCAL, 0.0) == pytest.approx(RECIPE)
    assert topic_cv.mix_scores(None, LOCAL, 0.5) is None


def test_the_geometric_mix_is_normalised_and_floors_a_missing_label(topic_cv):
    mixed = topic_cv.mix_scores(RECIPE, LOCAL, 0.5, geometric=True)
    assert sum(mixed.values()) == pytest.approx(1.0)
    # sqrt(0.6 * 0.2) = 0.346 < sqrt(0.3 * 0.8) = 0.490: general wins, as in the linear mix
    assert max(mixed, key=mixed.get) == "general"
    assert 0 < mixed["industry"] < 0.01  # 0.1 ** 0.5 * LOG_FLOOR ** 0.5, not 0


def test_paragraph_results_keep_boilerplate_and_take_the_mixtures_label(topic_cv):
    recipe = [{"label": "economy", "score": 0.6, "scores": RECIPE}, None]
    local = [{"label": "general", "score": 0.8, "scores": LOCAL}, None]
    assert topic_cv.mix_results(recipe, local, 0.2)[0]["label"] == "economy"  # 0.52 against 0.40
    mixed, boilerplate = topic_cv.mix_results(recipe, local, 0.5)
    assert mixed == {"label": "general", "score": 0.55, "scores": {"economy": 0.4, "general": 0.55, "industry": 0.05}}
    assert boilerplate is None
