"""``benchmarks/topic_cv.py --spread``: a paragraph's parts and whether they span many areas.

Measured and not used (docs/history/topic_experiments.md): these tests keep the benchmark's parts
and its test honest on real paragraphs with the default model.
"""

import pytest

from policy_nlp.stages.paragraphs import find_paragraphs
from policy_nlp.stages.topics import default_model


def _paragraph(text, opening):
    return next(text[a:b] for a, b in find_paragraphs(text) if text[a:b].startswith(opening))


def _spread(topic_cv, text, max_share, by):
    model = default_model()
    parts = topic_cv.paragraph_parts(text)
    probabilities = model.predict_proba([text[start:end] for start, end in parts])
    return topic_cv.is_spread(probabilities, [end - start for start, end in parts],
                              [str(c) for c in model.classes_], 3, max_share, by)


def test_the_seed_speechs_review_is_read_by_its_items(topic_cv, seed_text):
    # gold general: 可以概括为以下八个方面的特点：一是农业种植……八是党建……; the default model alone
    # says agriculture_rural, its first four items' area
    review = _paragraph(seed_text, "今年上半年")
    parts = topic_cv.paragraph_parts(review)
    assert [review[start:start + 2] for start, _ in parts] == ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"]
    assert _spread(topic_cv, review, 0.5, "mass") and _spread(topic_cv, review, 0.5, "chars")
    assert not _spread(topic_cv, review, 0.4, "mass")  # agriculture holds 0.42 of the items' area probability


def test_a_national_review_of_problems_spreads(topic_cv):
    # the 2019 work report's problems (思危方能居安……), gold general: finance, innovation, poverty,
    # pollution, education and health, safety, government work each a sentence
    from conftest import national_report
    review = _paragraph(national_report(2019), "思危方能居安")
    assert len(topic_cv.paragraph_parts(review)) >= 10
    assert _spread(topic_cv, review, 0.4, "mass") and _spread(topic_cv, review, 0.4, "chars")


def test_one_dominant_area_does_not_spread_but_three_short_sentences_may(topic_cv, seed_text):
    # 二是拓展渠道，在促农增收上求突破 (gold agriculture_rural): four of its five sentences are agriculture's
    farm = _paragraph(seed_text, "二是拓展渠道")
    assert not any(_spread(topic_cv, farm, share, by) for share in (0.4, 0.5) for by in ("mass", "chars"))
    # 四是精心组织，在“双联”行动上有新进展 (gold party_government, a campaign of cadres): its three
    # sentences go to three areas alone, the false alarm that keeps the idea out of the package
    campaign = _paragraph(seed_text, "四是精心组织")
    assert len(topic_cv.paragraph_parts(campaign)) == 3 and _spread(topic_cv, campaign, 0.4, "mass")
