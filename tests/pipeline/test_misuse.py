"""Library misuse gives one clear error at the call (issue 14), not a failure
deep inside spaCy, msgpack or the UTF-8 codec later on."""

import pytest

import policy_nlp
from policy_nlp.errors import ConfigError, ModelError


@pytest.fixture(scope="module")
def nlp():
    return policy_nlp.load(stages=["paragraphs"], lexicon=False)


def test_load_refuses_a_string_of_stages_and_a_missing_model_at_once():
    with pytest.raises(ConfigError, match="lists of stage names"):
        policy_nlp.load(stages="paragraphs")
    with pytest.raises(ModelError, match="/nonexistent: topic model folder not found"):
        policy_nlp.load(topic_model="/nonexistent")


@pytest.mark.parametrize("value, kind, message", [
    (b"\xe4\xbb\x8a\xe5\xa4\xa9", TypeError, "must be a str, not bytes: decode the bytes first"),
    (None, TypeError, "must be a str, not NoneType"),
    (12, TypeError, "must be a str, not int"),
    ("今天\ud800开会", ValueError, "lone surrogate U\\+D800 at character 2"),
])
def test_nlp_make_doc_pipe_and_annotate_refuse_non_text(nlp, value, kind, message):
    for call in (nlp, lambda v: list(nlp.pipe([v])), policy_nlp.annotate):
        with pytest.raises(kind, match=message):
            call(value) if call is not policy_nlp.annotate else call(value, nlp)
    if isinstance(value, str):
        with pytest.raises(kind, match=message):
            nlp.make_doc(value)


def test_serialised_docs_still_go_through_nlp(nlp):
    doc = nlp("一、提高思想认识\n同志们：今天开会。")
    again = nlp(doc.to_bytes())
    assert again.text == doc.text and type(nlp).__name__ == "PolicyLanguage"
    assert nlp(doc).text == doc.text


def test_annotate_none_fails_before_loading_anything(monkeypatch):
    from policy_nlp.pipeline import loading
    monkeypatch.setattr(loading, "load", lambda **_: pytest.fail("annotate(None) loaded a pipeline"))
    with pytest.raises(TypeError, match="must be a str, not NoneType"):
        policy_nlp.annotate(None)


def test_a_saved_pipeline_checks_its_input_too(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    loaded = policy_nlp.load(tmp_path / "saved")
    with pytest.raises(TypeError, match="not bytes"):
        loaded(b"abc")


def test_a_topic_model_given_as_none_is_a_model_error_before_anything_is_built():
    """review19: the up-front model check (leftovers23) took ``topic_model=None`` (or a stage
    setting ``{"topics": {"model": None}}``) for a path and raised AttributeError ('NoneType' has
    no 'is_dir') from deep inside; the topics stage reads the setting as text, so it was, and is
    again, a ModelError naming it, also from a corpus run's settings check."""
    from policy_nlp.pipeline.loading import check_settings
    for settings in ({"topic_model": None}, {"config": {"topics": {"model": None}}}):
        with pytest.raises(ModelError, match="None: topic model folder not found"):
            policy_nlp.load(**settings)
        with pytest.raises(ModelError, match="None: topic model folder not found"):
            check_settings(settings, "annotate_corpus")
