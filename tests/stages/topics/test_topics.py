"""Tests of policy_nlp.stages.topics: codebook, classifier conformance, model files, results."""

import json
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import estimator_checks

from policy_nlp.stages import topics
from policy_nlp.errors import ModelError
from policy_nlp.stages.paragraphs import find_paragraphs
from policy_nlp.io.reading import read_text
from policy_nlp.stages.topics import (TopicClassifier, classify_paragraphs, heading_level,
                               inherit_heading_topics, is_boilerplate, load_model, save_model)

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
CODEBOOK_MD = SHARED / "topics" / "CODEBOOK.md"
SEED = REPO / "corpora" / "000_49f5c10d9eda79ac.txt"

# Short policy sentences in the style of work reports (written for the tests).
TRAIN = {
    "agriculture_rural": ["稳定粮食播种面积，提高种粮农民收益。", "加强高标准农田建设，推进种业振兴。",
                          "巩固拓展脱贫攻坚成果，防止规模性返贫。", "发展乡村特色产业，增加农民收入。",
                          "深化农村土地制度改革，保障农民权益。", "扎实推进乡村振兴，建设宜居宜业和美乡村。"],
    "environment": ["持续打好蓝天保卫战，加强大气污染防治。", "推进重点流域水污染治理和土壤修复。",
                    "积极稳妥推进碳达峰碳中和。", "加强生态保护修复，建设美丽中国。",
                    "推进节能减排，发展绿色低碳产业。", "实施河湖长制，改善水生态环境。"],
    "science_education": ["加强基础研究，攻克关键核心技术。", "推动义务教育优质均衡发展。",
                          "大力发展职业教育，培养技能人才。", "建设国家实验室，提升科技创新能力。",
                          "促进科技成果转化，支持高校科研。", "实施人才强国战略，引进高层次人才。"],
}
X_TRAIN = [text for texts in TRAIN.values() for text in texts]
Y_TRAIN = [label for label, texts in TRAIN.items() for _ in texts]


@pytest.fixture(scope="module")
def small_model():
    return TopicClassifier(cv=3).fit(X_TRAIN, Y_TRAIN)


# ---------------------------------------------------------------- codebook

def test_codebook_has_eleven_labels_with_crosswalks():
    assert len(topics.labels()) == 11
    for label in topics.labels():
        c = topics.crosswalk(label)
        assert c["zh"] and c["govcn"] and c["cap"]
        assert len(c["cap"]) == len(c["cap_names"])
        assert topics.seed_terms(label)


@pytest.mark.skipif(not CODEBOOK_MD.is_file(), reason="../shared/topics/CODEBOOK.md absent")
def test_codebook_matches_shared_codebook():
    rows = [line.split("|")[1:-1] for line in CODEBOOK_MD.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| label") and "---" not in line]
    assert [r[0].strip() for r in rows] == topics.labels()
    for label, zh, _, govcn, cap in rows:
        c = topics.crosswalk(label.strip())
        assert c["zh"] == zh.strip()
        assert c["cap"] == [int(x) for x in re.findall(r"\d+", cap)]
        for level1 in c["govcn"]:
            assert level1.split("、")[0] in govcn  # CODEBOOK.md abbreviates 市场监管、安全生产监管


def test_cap_and_govcn_of_a_result():
    result = {"label": "social_welfare", "score": 0.8, "scores": {}}
    assert topics.cap_codes(result) == [3, 5, 13]
    assert "卫生、体育" in topics.govcn_classes(result)
    assert topics.cap_codes(None) == [] and topics.govcn_classes(None) == []
    with pytest.raises(ValueError, match="unknown topic label"):
        topics.crosswalk("sports")


def test_keyword_baseline_on_real_phrases():
    assert topics.keyword_label("坚持不懈抓好“三农”工作，扎实推进乡村全面振兴") == "agriculture_rural"
    assert topics.keyword_label("全面从严治党，加强党风廉政建设") == "party_government"
    assert topics.keyword_label("同志们：") == "general"


# ---------------------------------------------------------------- paragraph kinds

@pytest.mark.parametrize("text, expected", [
    ("一、2013年工作回顾", 1), ("（三）坚持农业农村优先发展", 2), ("第二章　总体要求", 0),
    ("1.加快数字政府建设", 3), ("（2）强化安全保障", 4), ("（九）努力建设生态文明的美好家园。", 2),
    ("（一）大力提振消费。全方位扩大国内需求，提高投资效益。", None),
    ("一是加深理解，提高认识。", None), ("稳定粮食播种面积。", None),
    ("一、" + "很长的标题" * 10, None),
])
def test_heading_level(text, expected):
    assert heading_level(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("", True), ("\u200b", True), ("\u3000\u3000", True), ("Public domain", True), ("2", True),
    ("本作品是中华人民共和国的", True), ("版权所有：某某市人民政府", True),
    ("各位代表：", False), ("稳定粮食播种面积。", False),
])
def test_is_boilerplate(text, expected):
    assert is_boilerplate(text) is expected


def test_inherit_heading_topics_mixed_body_is_general():
    def r(label):
        return {"label": label, "score": 0.9, "scores": {label: 0.9}}
    texts = ["一、工作回顾", "粮食增产。", "大气质量改善。", "科技创新成果丰硕。", "二、今年任务", "推进乡村振兴。"]
    results = [r("economy"), r("agriculture_rural"), r("environment"), r("science_education"),
               r("economy"), r("agriculture_rural")]
    out = inherit_heading_topics(texts, results)
    assert out[0]["label"] == "general" and out[0]["inherited"]
    assert out[4]["label"] == "agriculture_rural"
    assert out[1] is results[1]  # body untouched
    assert results[0]["label"] == "economy"  # input not modified


def test_inherit_stops_at_salutation():
    def r(label):
        return {"label": label, "score": 0.9, "scores": {label: 0.9}}
    texts = ["（九）建设生态文明", "加强污染治理。", "各位代表！", "一国两制方针。", "外交政策。"]
    out = inherit_heading_topics(texts, [r("general"), r("environment"), r("general"),
                                         r("general"), r("general")])
    assert out[0]["label"] == "environment"


@pytest.mark.parametrize("salutation, ends", [
    # any salutation of lang/data/salutations.txt with its mark (Xi, 2020), not only 各位代表 and 同志们
    ("女士们，先生们，同志们：今天，我们在这里隆重集会，庆祝深圳等经济特区建立40周年。", True),
    ("同胞们，同志们，朋友们：今天，我们在这里隆重集会，纪念中国人民抗日战争暨世界反法西斯战争胜利75周年。", True),
    ("各位代表！", True),
    # a sentence about the deputies, not addressed to them (no mark after the address)
    ("各位代表认真审议了报告。", False),
    ("大家知道，中苏两国曾经在革命和建设中长期合作。", False)])
def test_inherit_stops_at_any_salutation_with_its_mark(salutation, ends):
    def r(label):
        return {"label": label, "score": 0.9, "scores": {label: 0.9}}
    texts = ["（九）建设生态文明", "加强污染治理。", salutation, "推进外交工作。", "深化对外交流。"]
    out = inherit_heading_topics(texts, [r("general"), r("environment"), r("general"),
                                         r("international"), r("international")])
    assert (out[0]["label"] == "environment") is ends


# ---------------------------------------------------------------- classifier

def test_fit_predict_on_strings_and_tokens(small_model):
    assert list(small_model.classes_) == sorted(TRAIN)
    assert small_model.predict(["深入打好污染防治攻坚战，改善大气环境。"])[0] == "environment"
    proba = small_model.predict_proba(["提高农民收入，稳定粮食生产。"])
    assert proba.shape == (1, 3) and np.isclose(proba.sum(), 1)
    from policy_nlp.segment.engines import load_segmenter
    text = "加快建设教育强国，办好人民满意的教育。"
    tokens = load_segmenter("pkuseg").cut(text)
    np.testing.assert_allclose(small_model.predict_proba([text]), small_model.predict_proba([tokens]))


def test_probabilities_are_calibrated_not_raw(small_model):
    proba = small_model.predict_proba(X_TRAIN)
    assert np.all((proba >= 0) & (proba <= 1))
    np.testing.assert_allclose(proba.sum(axis=1), 1, atol=1e-9)
    # predict is the argmax of predict_proba
    assert list(small_model.predict(X_TRAIN)) == list(small_model.classes_[proba.argmax(axis=1)])


def test_matches_sklearn_calibrated_classifier():
    """The plain-array predict_proba equals CalibratedClassifierCV's."""
    import scipy.sparse as sp
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.model_selection import StratifiedKFold
    from sklearn.svm import LinearSVC
    model = TopicClassifier(cv=3).fit(X_TRAIN, Y_TRAIN)
    words, chars = topics.features._as_documents(X_TRAIN)
    features = sp.hstack([model.word_vectorizer_.transform(words),
                          model.char_vectorizer_.transform(chars)], format="csr")
    reference = CalibratedClassifierCV(LinearSVC(C=model.C, class_weight="balanced", random_state=0),
                                       method="sigmoid",
                                       cv=StratifiedKFold(3, shuffle=True, random_state=0),
                                       ensemble=False).fit(features, Y_TRAIN)
    np.testing.assert_allclose(model.predict_proba(X_TRAIN), reference.predict_proba(features), atol=1e-8)


def test_two_fits_are_identical():
    """``random_state`` also seeds liblinear's order of examples: a rebuild gives the same weights."""
    first, second = (TopicClassifier(cv=3).fit(X_2022, Y_2022) for _ in range(2))
    np.testing.assert_array_equal(first.coef_, second.coef_)
    np.testing.assert_array_equal(first.calibration_, second.calibration_)


def test_two_labels():
    y = ["agriculture_rural"] * 6 + ["environment"] * 6
    model = TopicClassifier(cv=3).fit(X_TRAIN[:12], y)
    proba = model.predict_proba(["稳定粮食播种面积。", "治理大气污染。"])
    assert proba.shape == (2, 2)
    assert list(model.predict(["稳定粮食播种面积。", "治理大气污染。"])) == ["agriculture_rural", "environment"]


def test_fit_errors():
    with pytest.raises(ValueError, match="at least two labels"):
        TopicClassifier().fit(["粮食生产", "农民收入"], ["a", "a"])
    with pytest.raises(ValueError, match="labels with fewer: \\['b'\\]"):
        TopicClassifier().fit(["粮食生产", "农民收入", "污染"], ["a", "a", "b"])
    with pytest.raises(ValueError, match="3 paragraphs but y has 2"):
        TopicClassifier().fit(["粮食生产", "农民收入", "污染"], ["a", "b"])
    with pytest.raises(TypeError, match="not one str"):
        TopicClassifier().fit("粮食生产", ["a"])


# ---------------------------------------------------------------- sample weights

# Sentences of the 2022 national government work report, by the area their paragraph is about.
REPORT_2022 = {
    "agriculture_rural": ["加强粮食等重要农产品稳产保供。", "适当提高稻谷、小麦最低收购价。",
                          "加大黑土地保护和盐碱地综合利用力度。", "支持黄河流域发展节水农业、旱作农业。",
                          "完善和强化农业支持政策，接续推进脱贫地区发展，促进农业丰收、农民增收。",
                          "加强中低产田改造，新建1亿亩高标准农田，新建改造一批大中型灌区。"],
    "environment": ["巩固蓝天、碧水、净土保卫战成果。", "推动化肥农药减量增效和畜禽养殖废弃物资源化利用。",
                    "持续推进生态保护修复重大工程，全面实施长江十年禁渔。", "可再生能源发电装机规模突破10亿千瓦。",
                    "加强污染治理和生态保护修复，处理好发展和减排关系，促进人与自然和谐共生。",
                    "六是加强生态环境保护，促进可持续发展。"],
    "science_education": ["加强国家实验室建设，推进重大科技项目实施。", "企业研发经费增长15.5%。",
                          "改革完善中央财政科研经费管理，提高间接费用比例，扩大科研自主权。",
                          "减轻义务教育阶段学生作业负担和校外培训负担。", "超额完成高职扩招三年行动目标。",
                          "数字技术与实体经济加速融合。"],
}
X_2022 = [text for texts in REPORT_2022.values() for text in texts]
Y_2022 = [label for label, texts in REPORT_2022.items() for _ in texts]
PROBES_2022 = X_2022 + X_TRAIN


def test_weights_of_one_are_no_weights():
    plain = TopicClassifier(cv=3).fit(X_2022, Y_2022)
    ones = TopicClassifier(cv=3).fit(X_2022, Y_2022, sample_weight=np.ones(len(X_2022)))
    assert list(ones.predict(PROBES_2022)) == list(plain.predict(PROBES_2022))
    np.testing.assert_allclose(ones.predict_proba(PROBES_2022), plain.predict_proba(PROBES_2022),
                               atol=1e-9)


def test_a_zero_weight_leaves_the_paragraph_out():
    """Weight 0 is the paragraph left out: of the vocabularies too, so the model is the same."""
    weight = np.ones(len(X_2022))
    weight[3] = 0.0  # 支持黄河流域发展节水农业、旱作农业。
    zero = TopicClassifier(cv=3).fit(X_2022, Y_2022, sample_weight=weight)
    keep = [i for i in range(len(X_2022)) if i != 3]
    without = TopicClassifier(cv=3).fit([X_2022[i] for i in keep], [Y_2022[i] for i in keep])
    assert list(zero.predict(PROBES_2022)) == list(without.predict(PROBES_2022))
    np.testing.assert_allclose(zero.predict_proba(PROBES_2022), without.predict_proba(PROBES_2022),
                               atol=1e-9)
    assert zero.n_features_ == without.n_features_


def test_weights_change_the_model():
    """Heavier environment paragraphs move the probabilities towards environment."""
    plain = TopicClassifier(cv=3).fit(X_2022, Y_2022)
    weight = [3.0 if label == "environment" else 1.0 for label in Y_2022]
    heavy = TopicClassifier(cv=3, class_weight=None).fit(X_2022, Y_2022, sample_weight=weight)
    light = TopicClassifier(cv=3, class_weight=None).fit(X_2022, Y_2022)
    column = list(plain.classes_).index("environment")
    assert heavy.predict_proba(X_TRAIN)[:, column].mean() > light.predict_proba(X_TRAIN)[:, column].mean()


@pytest.mark.parametrize("weight, message", [
    ([1.0] * 5, "shape \\(5,\\) but there are 18 paragraphs"),
    ([1.0] * 17 + [-1.0], "non-negative; paragraph 17 has -1.0"),
    ([1.0] * 17 + [float("nan")], "finite; paragraph 17 has nan"),
    ([0.0] * 18, "zero for every paragraph"),
    ([[1.0]] * 18, "shape \\(18, 1\\)"),
])
def test_bad_weights_raise(weight, message):
    with pytest.raises(ValueError, match=message):
        TopicClassifier(cv=3).fit(X_2022, Y_2022, sample_weight=weight)


def test_zero_weights_count_for_the_label_minimum():
    """A label whose paragraphs all weigh 0 but one cannot be calibrated."""
    weight = [0.0 if label == "environment" else 1.0 for label in Y_2022]
    weight[Y_2022.index("environment")] = 1.0
    with pytest.raises(ValueError, match="labels with fewer: \\['environment'\\]"):
        TopicClassifier(cv=3).fit(X_2022, Y_2022, sample_weight=weight)


def test_multilabel_sample_weight():
    from policy_nlp.stages.topics.multilabel import MultiLabelTopicClassifier
    sets = [[label] for label in Y_2022]
    plain = MultiLabelTopicClassifier(cv=3).fit(X_2022, sets)
    ones = MultiLabelTopicClassifier(cv=3).fit(X_2022, sets, sample_weight=[1.0] * len(sets))
    np.testing.assert_allclose(ones.predict_proba(PROBES_2022), plain.predict_proba(PROBES_2022), atol=1e-9)
    weight = np.ones(len(sets))
    weight[3] = 0.0
    keep = [i for i in range(len(sets)) if i != 3]
    zero = MultiLabelTopicClassifier(cv=3).fit(X_2022, sets, sample_weight=weight)
    without = MultiLabelTopicClassifier(cv=3).fit([X_2022[i] for i in keep], [sets[i] for i in keep])
    np.testing.assert_allclose(zero.predict_proba(PROBES_2022), without.predict_proba(PROBES_2022), atol=1e-9)
    with pytest.raises(ValueError, match="non-negative"):
        MultiLabelTopicClassifier(cv=3).fit(X_2022, sets, sample_weight=[-1.0] * len(sets))


def test_sample_weight_in_grid_search():
    """scikit-learn passes fit parameters through: cross-validation with weights works."""
    from sklearn.model_selection import cross_validate
    scores = cross_validate(TopicClassifier(cv=2), np.asarray(X_2022, dtype=object), Y_2022, cv=3,
                            params={"sample_weight": np.ones(len(X_2022))})
    assert len(scores["test_score"]) == 3


# ---------------------------------------------------------------- sklearn conformance

@pytest.mark.parametrize("check", [
    estimator_checks.check_no_attributes_set_in_init,
    estimator_checks.check_get_params_invariance,
    estimator_checks.check_set_params,
    estimator_checks.check_parameters_default_constructible,
    estimator_checks.check_estimator_repr,
    estimator_checks.check_estimator_cloneable,
    estimator_checks.check_estimators_unfitted,
    estimator_checks.check_do_not_raise_errors_in_init_or_set_params,
    estimator_checks.check_mixin_order,
    estimator_checks.check_valid_tag_types,
    estimator_checks.check_estimator_tags_renamed,
], ids=lambda check: check.__name__)
def test_sklearn_estimator_checks(check):
    """The checks of sklearn.utils.estimator_checks that do not feed numeric arrays.

    The others (check_fit2d_*, check_n_features_in, ...) pass numeric 2-D
    arrays, which are not paragraphs; the estimator declares string input in
    its tags.
    """
    check("TopicClassifier", TopicClassifier())


def test_tags_declare_text_input():
    tags = TopicClassifier().__sklearn_tags__()
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    assert tags.estimator_type == "classifier"


def test_clone_get_set_params():
    model = TopicClassifier(C=0.3, char_ngram_range=(1, 2))
    params = model.get_params()
    assert params["C"] == 0.3 and params["char_ngram_range"] == (1, 2)
    twin = clone(model)
    assert twin.get_params() == params and twin is not model
    assert model.set_params(C=2.0) is model and model.C == 2.0
    with pytest.raises(ValueError):
        model.set_params(no_such_param=1)
    fitted = TopicClassifier(cv=3).fit(X_TRAIN, Y_TRAIN)
    unfitted = clone(fitted)
    assert not hasattr(unfitted, "coef_")


def test_in_pipeline_and_grid_search():
    strip = FunctionTransformer(lambda X: [x.strip() for x in X])
    pipe = Pipeline([("strip", strip), ("topics", TopicClassifier(cv=2))])
    pipe.fit([" " + x for x in X_TRAIN], Y_TRAIN)
    assert pipe.predict(["治理大气污染，改善空气质量。"])[0] == "environment"
    grid = GridSearchCV(TopicClassifier(cv=2), {"C": [0.1, 1.0], "char_ngram_range": [(1, 2), (1, 3)]},
                        cv=2, scoring="f1_macro")
    grid.fit(X_TRAIN, Y_TRAIN)
    assert set(grid.best_params_) == {"C", "char_ngram_range"}
    assert len(grid.cv_results_["mean_test_score"]) == 4
    scores = cross_val_score(TopicClassifier(cv=2), X_TRAIN, Y_TRAIN, cv=3)
    assert scores.shape == (3,)


# ---------------------------------------------------------------- model files

def test_save_load_round_trip(small_model, tmp_path):
    save_model(small_model, tmp_path / "m", {"note": "test"})
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["model.json", "model.npz"]
    loaded = load_model(tmp_path / "m")
    np.testing.assert_allclose(loaded.predict_proba(X_TRAIN), small_model.predict_proba(X_TRAIN), atol=1e-6)
    assert loaded.get_params() == small_model.get_params()
    assert loaded.metadata_ == {"note": "test"}
    assert topics.model_metadata(tmp_path / "m")["metadata"] == {"note": "test"}
    assert load_model(tmp_path / "m" / "model.json").classes_.tolist() == small_model.classes_.tolist()


def test_model_file_is_plain_data(small_model, tmp_path):
    save_model(small_model, tmp_path)
    header = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert header["format"] == "policy_nlp-topic-model" and header["format_version"] == 1
    assert {"scikit-learn", "numpy", "pkuseg"} <= set(header["versions"])
    with np.load(tmp_path / "model.npz", allow_pickle=False) as arrays:
        assert all(arrays[k].dtype != object for k in arrays.files)


def test_load_refuses_pickled_arrays(small_model, tmp_path):
    save_model(small_model, tmp_path)
    arrays = dict(np.load(tmp_path / "model.npz"))
    arrays["coef"] = np.array([{"evil": "payload"}], dtype=object)
    np.savez(tmp_path / "model.npz", **arrays)  # an object array is pickled inside
    with pytest.raises(ModelError, match="cannot be read"):
        load_model(tmp_path)


def test_load_errors(small_model, tmp_path):
    with pytest.raises(ModelError, match="missing: topic model folder not found"):
        load_model(tmp_path / "missing")
    with pytest.raises(ModelError, match="needs model.json and model.npz"):
        load_model(tmp_path)
    save_model(small_model, tmp_path)
    header = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    header["format_version"] = 99
    (tmp_path / "model.json").write_text(json.dumps(header), encoding="utf-8")
    with pytest.raises(ModelError, match="format version 99"):
        load_model(tmp_path)
    (tmp_path / "model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be read as JSON"):
        load_model(tmp_path)


def test_version_mismatch_warns_or_refuses(small_model, tmp_path):
    save_model(small_model, tmp_path)
    header = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    header["versions"]["scikit-learn"] = "0.24.2"
    (tmp_path / "model.json").write_text(json.dumps(header, ensure_ascii=False), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"scikit-learn 0\.24\.2 \(model\)"):
        load_model(tmp_path)
    with pytest.raises(ModelError, match="library versions that can change its scores"):
        load_model(tmp_path, on_version_mismatch="error")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_model(tmp_path, on_version_mismatch="ignore")


def test_damaged_weights(small_model, tmp_path):
    save_model(small_model, tmp_path)
    arrays = dict(np.load(tmp_path / "model.npz"))
    arrays["coef"] = arrays["coef"][:, :10]
    np.savez(tmp_path / "model.npz", **arrays)
    with pytest.raises(ModelError, match="damaged"):
        load_model(tmp_path)


def _rewrite(tmp_path, header=None, **arrays):
    """Change a saved model's header keys and arrays in place."""
    if header:
        data = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
        for key, value in header.items():
            if value is None:
                data.pop(key)
            else:
                data[key] = value
        (tmp_path / "model.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if arrays:
        saved = dict(np.load(tmp_path / "model.npz"))
        for key, change in arrays.items():
            if change is None:
                saved.pop(key)
            else:
                saved[key] = change(saved[key])
        np.savez(tmp_path / "model.npz", **saved)


def _with_nan(a):
    a = a.copy()
    a.flat[3] = np.nan
    return a


@pytest.mark.parametrize("header, arrays, message", [
    (None, {"coef": _with_nan}, r"model\.npz: damaged topic model: coef holds NaN or infinite"),
    (None, {"char_idf": lambda a: a * np.inf}, r"model\.npz: damaged topic model: char_idf holds NaN"),
    (None, {"calibration": None}, r"model\.npz: damaged topic model: missing arrays \['calibration'\]"),
    (None, {"intercept": lambda a: a.astype(str)}, r"intercept has dtype"),
    ({"params": {"char_ngram_range": [1, 100000]}}, {}, r"model\.json: damaged topic model: char_ngram_range"),
    ({"params": {"word_ngram_range": [2, 1]}}, {}, r"word_ngram_range must be two integers"),
    ({"params": {"C": 0.5, "evil": 1}}, {}, r"unknown parameters \['evil'\]"),
    ({"classes": None}, {}, r"model\.json: damaged topic model: missing keys \['classes'\]"),
    ({"classes": ["only"]}, {}, r"needs at least two classes"),
    ({"word_vocabulary": [1, 2]}, {}, r"'word_vocabulary' is not a list of strings"),
], ids=["nan", "inf", "missing-array", "string-array", "huge-ngrams", "reversed-ngrams",
        "unknown-param", "missing-key", "one-class", "bad-vocabulary"])
def test_tampered_model_files_are_refused_naming_the_file(small_model, tmp_path, header, arrays, message):
    save_model(small_model, tmp_path)
    if header and "params" in header:  # change only the given parameters
        params = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))["params"]
        header = {"params": {**params, **header["params"]}}
    _rewrite(tmp_path, header, **arrays)
    with pytest.raises(ModelError, match=message):
        load_model(tmp_path)


def test_a_model_npz_that_is_not_a_zip_is_refused(small_model, tmp_path):
    save_model(small_model, tmp_path)
    data = (tmp_path / "model.npz").read_bytes()
    (tmp_path / "model.npz").write_bytes(data[: len(data) // 2])  # a truncated download
    with pytest.raises(ModelError, match=r"model\.npz: cannot be read"):
        load_model(tmp_path)
    (tmp_path / "model.npz").write_bytes(b"not a zip file at all")
    with pytest.raises(ModelError, match=r"model\.npz: cannot be read"):
        load_model(tmp_path)


def test_only_versions_that_change_scores_warn(small_model, tmp_path):
    """numpy, scipy, Python and scikit-learn minor versions cannot change a loaded
    model's scores (plain arrays, our own arithmetic); pkuseg's version can."""
    save_model(small_model, tmp_path)
    header = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    expected = load_model(tmp_path).predict_proba(X_TRAIN)
    header["versions"].update({"numpy": "1.26.4", "scipy": "1.11.4", "python": "3.10.13",
                               "scikit-learn": "1.4.2"})
    _rewrite(tmp_path, {"versions": header["versions"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(load_model(tmp_path).predict_proba(X_TRAIN), expected)
    header["versions"]["pkuseg"] = "0.0.22"
    _rewrite(tmp_path, {"versions": header["versions"]})
    with pytest.warns(UserWarning, match=r"pkuseg 0\.0\.22 \(model\) vs .*cuts the words"):
        load_model(tmp_path)


def test_the_default_model_loads_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        topics.load_model(topics.DEFAULT_MODEL)


# ---------------------------------------------------------------- the default model

def test_default_model_is_small_and_documented():
    files = list(topics.DEFAULT_MODEL.iterdir())
    assert sorted(f.name for f in files) == ["model.json", "model.npz"]
    assert sum(f.stat().st_size for f in files) < 20 * 2 ** 20
    # The files are package data; the card and recipe stay in the repository.
    assert Path(str(topics.DEFAULT_MODEL)).is_relative_to(Path(topics.__file__).parents[2])
    card = (REPO / "models" / "topics-default" / "MODEL_CARD.md").read_text(encoding="utf-8")
    for word in ("Labels", "Training data", "Metrics", "Library versions", "scikit-learn"):
        assert word in card
    assert sorted(topics.default_model().classes_) == sorted(topics.labels())


def test_default_model_on_the_seed_speech():
    text, _ = read_text(SEED)
    paragraphs = [text[s:e] for s, e in find_paragraphs(text)]
    results = classify_paragraphs(topics.default_model(), paragraphs)
    assert len(results) == len(paragraphs)
    for paragraph, result in zip(paragraphs, results):
        if result is None:
            assert is_boilerplate(paragraph)
            continue
        assert set(result["scores"]) == set(topics.labels())
        assert result["score"] == max(result["scores"].values()) or result.get("inherited")
        assert abs(sum(result["scores"].values()) - 1) < 1e-3
    labelled = [r["label"] for r in results if r]
    assert len(set(labelled)) >= 3  # a real speech touches several areas


@pytest.mark.parametrize("text, label", [
    ("稳定粮食播种面积，加强高标准农田建设，提高种粮农民收益，确保粮食产量保持在1.3万亿斤以上。", "agriculture_rural"),
    ("持续深入打好蓝天、碧水、净土保卫战，加强细颗粒物和臭氧协同控制，推进重点流域生态保护修复。", "environment"),
    ("城乡居民基础养老金最低标准再提高20元，适当提高退休人员基本养老金，扩大医保覆盖面。", "social_welfare"),
    ("实施制造业重点产业链高质量发展行动，培育壮大先进制造业集群，推进传统产业技术改造。", "industry"),
    ("积极的财政政策要更加积极，赤字率拟按4%安排，发行超长期特别国债，扩大地方政府专项债券规模。", "economy"),
    ("坚持全面从严治党，驰而不息纠治“四风”，严格落实中央八项规定精神，深化廉洁政府建设。", "party_government"),
    ("各位代表！", "general"),
])
def test_default_model_on_typical_paragraphs(text, label):
    assert classify_paragraphs(topics.default_model(), [text])[0]["label"] == label


def test_classify_paragraphs_headings_and_boilerplate():
    model = topics.default_model()
    paragraphs = ["（七）坚持不懈抓好“三农”工作", "稳定粮食播种面积，提高种粮农民收益。",
                  "推进乡村全面振兴，发展乡村特色产业。", "", "Public domain"]
    results = classify_paragraphs(model, paragraphs)
    assert results[0]["label"] == "agriculture_rural" and results[0]["inherited"]
    assert results[3] is None and results[4] is None
    own = classify_paragraphs(model, paragraphs, headings="own")
    assert "inherited" not in own[0]
    with pytest.raises(ValueError):
        classify_paragraphs(model, paragraphs, headings="maybe")
    tokens = [["稳定", "粮食", "播种", "面积"], []]
    results = classify_paragraphs(model, tokens)
    assert results[0]["label"] == "agriculture_rural" and results[1] is None


# ---------------------------------------------------------------- properties

from hypothesis import given, settings, HealthCheck, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["稳定粮食生产", "。", "（一）", "一、", "各位代表！", "Public domain", " ", "\u3000",
                           "加强污染治理", "推进依法行政", "2025年", "\u200b", "abc", "，", "同志们："])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=8))
def test_classify_paragraphs_invariants(paragraphs):
    results = classify_paragraphs(topics.default_model(), paragraphs)
    assert len(results) == len(paragraphs)
    for paragraph, result in zip(paragraphs, results):
        assert (result is None) == is_boilerplate(paragraph)
        if result is not None:
            assert result["label"] in topics.labels()
            assert abs(sum(result["scores"].values()) - 1) < 1e-3
            assert 0 <= result["score"] <= 1


def test_boilerplate_is_decided_without_the_blanks():
    # found by the topics stage's property test (tests/pipeline/test_topics_component.py):
    # the stage reads a paragraph as its tokens, without whitespace, so "Public domain…"
    # was boilerplate as text and classified as tokens
    for text in ("Public domain稳定粮食生产", "来源：县政府Public domain", "来源：县政府 办公室"):
        assert is_boilerplate(text) and is_boilerplate(text.split(" "))
    padded = "版权所有" + "加强管理" * 36 + "    "      # 148 characters without the blanks
    assert is_boilerplate(padded) and is_boilerplate(padded.strip())
    assert not is_boilerplate("各位 代表：") and not is_boilerplate("稳定 粮食 生产")


def test_a_heading_over_a_mixed_body_is_general_with_the_mixture_as_score():
    from policy_nlp.stages.topics import inherit_heading_topics
    r = lambda label: {"label": label, "score": 0.9, "scores": {label: 0.9, "general": 0.02}}
    out = inherit_heading_topics(["三、今年政府工作任务", "稳定粮食生产。", "治理大气污染。", "发展职业教育。"],
                                 [r("economy"), r("agriculture_rural"), r("environment"), r("science_education")])
    assert out[0]["label"] == "general" and out[0]["inherited"]
    assert abs(out[0]["score"] - 2 / 3) < 0.01


# -- features counted in bulk (issue 14): exactly scikit-learn's ---------------

# Token lists the bulk counting must treat as the vectorizers do: whitespace
# inside and around tokens, empty tokens, characters outside the BMP, a
# paragraph shorter than the longest n-gram, an empty paragraph, unknown words.
AWKWARD = [["推进", "乡村 振兴", " ", "\u3000", "", "农民\t收入"], ["𠀀", "𠀀𠀁"], ["粮"], [],
           ["Public", "domain"], ["完全", "未见", "之词", "zzqx"]]


def _assert_sklearn_features(model, paragraphs):
    import scipy.sparse as sp
    words, chars = topics.features._as_documents(paragraphs)
    reference = sp.hstack([model.word_vectorizer_.transform(words),
                           model.char_vectorizer_.transform(chars)], format="csr")
    features = model._features(paragraphs)
    assert features.shape == reference.shape and features.dtype == reference.dtype
    assert np.array_equal(features.indptr, reference.indptr)
    assert np.array_equal(features.indices, reference.indices)
    assert features.data.tobytes() == reference.data.tobytes()  # bit for bit


def test_bulk_features_are_sklearns_with_the_default_model(seed_text):
    model = topics.default_model().to_estimator()
    paragraphs = [topics.tokenize(seed_text[a:b]) for a, b in find_paragraphs(seed_text)] + AWKWARD
    assert topics.features._Lookup.of(model.word_vectorizer_) is not None  # the bulk path is the one tested
    assert topics.features._Lookup.of(model.char_vectorizer_) is not None
    _assert_sklearn_features(model, paragraphs)


def test_bulk_features_on_a_national_report():
    from conftest import national_report
    text = national_report(2024)
    model = topics.default_model().to_estimator()
    paragraphs = [topics.tokenize(text[a:b]) for a, b in find_paragraphs(text)]
    _assert_sklearn_features(model, paragraphs)
    words, chars = topics.features._as_documents(paragraphs)
    import scipy.sparse as sp
    reference = sp.hstack([model.word_vectorizer_.transform(words),
                           model.char_vectorizer_.transform(chars)], format="csr")
    scores = np.asarray(reference @ model.coef_.T, dtype=np.float64) + model.intercept_
    assert np.array_equal(model.decision_function(paragraphs), scores)


def test_bulk_features_of_a_refitted_model_and_of_other_ranges():
    model = TopicClassifier(cv=3).fit(X_TRAIN, Y_TRAIN)
    _assert_sklearn_features(model, [topics.tokenize(x) for x in X_TRAIN] + AWKWARD)
    model.fit(X_TRAIN[::-1], Y_TRAIN[::-1])  # a new vocabulary: no stale lookup
    _assert_sklearn_features(model, [topics.tokenize(x) for x in X_TRAIN] + AWKWARD)
    # codes of 4 characters do not fit in 64 bits: scikit-learn counts those
    wide = TopicClassifier(cv=3, word_ngram_range=(2, 3), char_ngram_range=(2, 4)).fit(X_TRAIN, Y_TRAIN)
    assert topics.features._Lookup.of(wide.char_vectorizer_) is None
    assert topics.features._Lookup.of(wide.word_vectorizer_) is not None
    _assert_sklearn_features(wide, [topics.tokenize(x) for x in X_TRAIN] + AWKWARD)


# -- the saved model applied with numpy alone (issue 14): exactly the estimator --

def _assert_same_as_estimator(model, paragraphs):
    """TopicModel (numpy only) vs the scikit-learn estimator it was saved from: bit for bit."""
    estimator = model.to_estimator()
    features, reference = model._features(paragraphs), estimator._features(paragraphs)
    assert np.array_equal(features.indptr, reference.indptr)
    assert np.array_equal(features.indices, reference.indices)
    assert features.data.tobytes() == reference.data.tobytes()
    assert model.decision_function(paragraphs).tobytes() == estimator.decision_function(paragraphs).tobytes()
    assert model.predict_proba(paragraphs).tobytes() == estimator.predict_proba(paragraphs).tobytes()
    assert list(model.predict(paragraphs).ravel()) == list(estimator.predict(paragraphs).ravel())


@pytest.mark.parametrize("sparse_after", [10 ** 12, 0], ids=["numpy-sums", "scipy-product"])
def test_the_loaded_model_scores_national_reports_exactly_as_the_estimator(monkeypatch, sparse_after):
    """Every paragraph of four national reports (about 400), and the odd token lists;
    with the scores summed by numpy (short runs) and by scipy (after the first characters)."""
    from conftest import national_report
    monkeypatch.setattr(topics.scoring, "_SPARSE_AFTER_CHARS", sparse_after)
    paragraphs = []
    for year in (2014, 2018, 2021, 2024):
        text = national_report(year)
        paragraphs += [topics.tokenize(text[a:b]) for a, b in find_paragraphs(text)]
    assert len(paragraphs) > 300
    model = topics.default_model()
    assert isinstance(model, topics.TopicModel)
    _assert_same_as_estimator(model, paragraphs + AWKWARD)
    # paragraphs scored in several chunks give the same rows as one by one
    np.testing.assert_array_equal(model.predict_proba(paragraphs[:40]),
                                  np.vstack([model.predict_proba([p]) for p in paragraphs[:40]]))


def test_loaded_models_of_other_kinds_score_as_their_estimators(small_model, tmp_path):
    from policy_nlp.stages.topics.multilabel import MultiLabelTopicClassifier
    paragraphs = [topics.tokenize(x) for x in X_TRAIN] + AWKWARD
    save_model(small_model, tmp_path / "single")
    _assert_same_as_estimator(load_model(tmp_path / "single"), paragraphs)
    two = TopicClassifier(cv=3).fit(X_TRAIN[:12], Y_TRAIN[:12])  # one score column
    save_model(two, tmp_path / "two")
    _assert_same_as_estimator(load_model(tmp_path / "two"), paragraphs)
    multi = MultiLabelTopicClassifier(cv=2).fit(X_TRAIN, [[y, "any"] if i % 2 else [y] for i, y in enumerate(Y_TRAIN)])
    save_model(multi, tmp_path / "multi")
    loaded = load_model(tmp_path / "multi")
    assert loaded.threshold == 0.5 and loaded.predict_labels(X_TRAIN) == multi.predict_labels(X_TRAIN)
    _assert_same_as_estimator(loaded, paragraphs)
    # character 4-grams do not fit the bulk codes: the loaded model falls back on scikit-learn
    wide = TopicClassifier(cv=3, char_ngram_range=(2, 4)).fit(X_TRAIN, Y_TRAIN)
    save_model(wide, tmp_path / "wide")
    _assert_same_as_estimator(load_model(tmp_path / "wide"), paragraphs)


def test_estimator_params_are_the_estimators_own():
    from policy_nlp.stages.topics.multilabel import MultiLabelTopicClassifier
    assert set(topics.ESTIMATOR_PARAMS["TopicClassifier"]) == set(TopicClassifier().get_params())
    assert set(topics.ESTIMATOR_PARAMS["MultiLabelTopicClassifier"]) == set(MultiLabelTopicClassifier().get_params())


def test_sums_in_order_add_left_to_right():
    """The l2 norms and scores need C's left-to-right sums, not numpy's pairwise ones."""
    rng = np.random.default_rng(0)
    lengths = rng.integers(0, 300, size=60)
    lengths[5] = 1025  # a long segment of its own size class
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    for values in (rng.random(indptr[-1]) * 10.0 ** rng.integers(-8, 8, indptr[-1]),
                   rng.standard_normal((indptr[-1], 3)).astype(np.float32)):
        sums = topics.scoring._sums_in_order(values, indptr)
        for i in range(len(lengths)):
            expected = np.zeros(values.shape[1:], dtype=values.dtype)
            for value in values[indptr[i]:indptr[i + 1]]:
                expected = expected + value  # rounded to the dtype after each addition
            assert sums[i].tobytes() == np.asarray(expected, dtype=values.dtype).tobytes()


@pytest.mark.parametrize("scale", [1.0, 1e-30], ids=["tfidf-like", "wide-range"])
def test_squared_norms_are_the_cython_loops(scale):
    """Sums of float32 squares added in a double left to right: the fast order-free
    sum when it is exact (TF-IDF values), the in-order one when it is not."""
    rng = np.random.default_rng(1)
    lengths = rng.integers(0, 400, size=40)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    data = (1 + 30 * rng.random(indptr[-1])).astype(np.float32)
    data[::7] *= np.float32(scale)  # scale 1e-30: squares too far apart for an exact double sum
    sums = topics.scoring._squares_summed(data, indptr)
    for i in range(len(lengths)):
        expected = 0.0
        for value in data[indptr[i]:indptr[i + 1]]:
            expected += float(value * value)  # the float32 square, added in a double
        assert sums[i] == expected


def test_scores_are_scipys_sparse_product():
    import scipy.sparse as sp
    rng = np.random.default_rng(2)
    lengths = rng.integers(0, 600, size=30)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    columns = np.concatenate([np.sort(rng.choice(5000, n, replace=False)) for n in lengths]).astype(np.int64)
    data = rng.random(indptr[-1]).astype(np.float32)
    coef = rng.standard_normal((7, 5000)).astype(np.float32)
    expected = sp.csr_matrix((data, columns, indptr), shape=(30, 5000)) @ coef.T
    assert topics.scoring._scores_in_order(data, columns, indptr, coef).tobytes() == np.asarray(expected).tobytes()


def test_every_vocabulary_feature_is_found_at_its_column():
    """Each of the default model's 250,000 features, as a paragraph, hits its own column
    (every code is reachable in the hash table, wrapped-around ones included)."""
    model = topics.default_model()
    for lookup, vocabulary in ((model._char, model.char_vocabulary), (model._word, model.word_vocabulary)):
        rows, columns = lookup.hits([feature.split(" ") if lookup.word else [feature] for feature in vocabulary])
        own = np.arange(len(vocabulary))
        assert np.isin(own * len(vocabulary) + own, rows * len(vocabulary) + columns).all()


def test_repeated_features_are_refused(small_model, tmp_path):
    save_model(small_model, tmp_path)
    header = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    vocabulary = header["char_vocabulary"]
    _rewrite(tmp_path, {"char_vocabulary": vocabulary[:-1] + [vocabulary[0]]})
    with pytest.raises(ModelError, match=r"model\.json: damaged topic model: 'char_vocabulary' has repeated"):
        load_model(tmp_path)


def test_annotating_imports_neither_scikit_learn_nor_scipy():
    import subprocess
    import sys
    code = ("import sys, policy_nlp; nlp = policy_nlp.load(); doc = nlp('一、稳定粮食生产\\n稳定粮食播种面积。');"
            "assert doc.spans['paragraphs'][1]._.topic['label'] == 'agriculture_rural';"
            "print(sorted(m for m in ('sklearn', 'scipy', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    assert out.stdout.strip() == "[]"


def test_a_mixed_body_without_a_mixed_label_gives_its_most_common_label():
    from policy_nlp.stages.topics.classify import catch_all_label
    r = lambda label: {"label": label, "score": 0.9, "scores": {label: 0.9}}
    texts = ["三、今年政府工作任务", "稳定粮食生产。", "治理大气污染。", "推进重点流域水污染治理和土壤修复。"]
    out = inherit_heading_topics(texts, [r("经济"), r("农业"), r("环境"), r("环境")], mixed_label=None)
    assert out[0]["label"] == "环境" and out[0]["inherited"]
    # the default codebook's general is its catch-all, which such a heading takes
    # (tests/apps/test_training.py: a catch-all named in training)
    assert catch_all_label(topics.default_model()) == "general"
