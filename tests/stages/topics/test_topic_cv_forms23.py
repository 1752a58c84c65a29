"""``benchmarks/topic_cv.py --forms nb:C,lsa:N:W,gbias``: NB-SVM, latent features, a bias on general.

Measured and not used (docs/history/topic_experiments.md): these tests keep the benchmark's forms
honest on a few national work-report sentences and toy probabilities.
"""

import numpy as np
import pytest

from policy_nlp.stages.topics.estimators import TopicClassifier

X = ["稳定粮食播种面积，提高种粮农民收益。", "加强高标准农田建设，发展现代种业。",
     "持续打好蓝天保卫战，加强大气污染治理。", "推进重点流域水污染防治和土壤修复。",
     "推进义务教育优质均衡发展。", "建设高质量教育体系，加强基础研究。"] * 3
Y = ["agriculture_rural"] * 2 + ["environment"] * 2 + ["science_education"] * 2
NEW = ["加大大气污染防治力度。", "扩大粮食播种面积。", "发展职业教育。"]


def test_nb_svm_is_a_linear_model_of_the_recipes_features(topic_cv):
    model = topic_cv.NBTopicClassifier(cv=3).fit(X, Y * 3, sample_weight=[1.0] * len(X))
    assert list(model.predict(NEW)) == ["environment", "agriculture_rural", "science_education"]
    # the NB ratios are folded into coef_: the saved model's scoring applies unchanged
    scores = np.asarray(model._features(NEW) @ model.coef_.T) + model.intercept_
    assert scores == pytest.approx(model.decision_function(NEW), abs=1e-5)


def test_nb_ratios_favour_the_features_of_each_label(topic_cv):
    model = topic_cv.NBTopicClassifier(cv=3).fit(X, Y * 3)
    vocabulary = model.word_vectorizer_.vocabulary_
    k = list(model.classes_).index("environment")
    assert model.coef_[k, vocabulary["污染"]] > 0 > model.coef_[k, vocabulary["粮食"]]


def test_latent_features_of_weight_zero_leave_the_recipes_model(topic_cv):
    plain = TopicClassifier(cv=3).fit(X, Y * 3)
    unlabelled = X + ["发展教育事业，治理水污染。", "保障粮食安全。"]
    latent = topic_cv.LsaTopicClassifier(lsa_components=4, lsa_weight=0.0, cv=3).fit(X, Y * 3, unlabelled=unlabelled)
    assert latent.predict_proba(NEW) == pytest.approx(plain.predict_proba(NEW), abs=1e-6)
    weighted = topic_cv.LsaTopicClassifier(lsa_components=4, lsa_weight=3.0, cv=3).fit(X, Y * 3,
                                                                                        unlabelled=unlabelled)
    assert weighted.coef_.shape == plain.coef_.shape  # folded back onto the sparse features
    assert not np.allclose(weighted.coef_, plain.coef_)


def test_the_general_bias_scales_general_and_renormalises(topic_cv):
    own = {"d": [{"label": "economy", "score": 0.5, "scores": {"economy": 0.5, "general": 0.25, "industry": 0.25}},
                 None]}
    classes = ["economy", "general", "industry"]
    assert topic_cv.general_bias(own, classes, 0.0) == own
    biased, boilerplate = topic_cv.general_bias(own, classes, np.log(2.0))["d"]
    assert boilerplate is None
    # general 0.25 * 2 = 0.5 ties economy; the first of the tie wins, as argmax does
    assert biased["scores"] == pytest.approx({"economy": 0.4, "general": 0.4, "industry": 0.2})
    assert topic_cv.general_bias(own, classes, np.log(3.0))["d"][0]["label"] == "general"


def test_the_older_forms_take_the_recipes_sample_weights(topic_cv):
    # the fold models pass sample_weight since the weighted training set: the title, domain and
    # logistic forms refused it (TypeError); a paragraph of weight 0 leaves its side out too
    weights = [1.0] * (len(X) - 1) + [0.0]
    titled = topic_cv.TitledTopicClassifier(cv=3).fit([(x, ["农业"]) for x in X], Y * 3, sample_weight=weights)
    assert titled.predict_proba([(x, ["农业"]) for x in NEW]).shape == (3, 3)
    domain = topic_cv.DomainTopicClassifier(cv=3).fit([(x, 1) for x in X], Y * 3, sample_weight=weights)
    assert list(domain.predict([(x, 1) for x in NEW])) == ["environment", "agriculture_rural", "science_education"]
    logistic = topic_cv.LogisticTopicClassifier(cv=3).fit(X, Y * 3, sample_weight=weights)
    assert list(logistic.classes_) == sorted(set(Y))
