"""Build, save and load policy_nlp pipelines.

A pipeline is a spaCy ``Language``: the policy tokenizer, then the stages
declared in :mod:`policy_nlp.pipeline.factories`. It saves with ``nlp.to_disk`` and
loads back identically with :func:`load`; pkuseg's 180 MB model is not copied
into a saved pipeline, only the tokenizer's settings and term list.
"""

from pathlib import Path

import spacy

from policy_nlp.pipeline import factories  # noqa: F401  (declares the stages)
from policy_nlp.pipeline import tokenizer  # noqa: F401  (declares the tokenizer)
from policy_nlp.segment.engines import DEFAULT_SEGMENTER, SEGMENTERS

DEFAULT_STAGES = ("paragraphs", "slogans", "enumerations", "topics")
# spaCy refuses texts over 1 M characters to protect its parser; our stages are
# linear in memory (the tokenizer cuts pkuseg's input into bounded runs), so a
# whole yearbook on one line is fine.
MAX_LENGTH = 100_000_000


def load(path=None, *, segmenter=DEFAULT_SEGMENTER, lexicon=True, user_dict=None,
         topic_model="default", stages=DEFAULT_STAGES, exclude=(), config=None):
    """The policy_nlp pipeline: a spaCy ``Language``.

    Parameters
    ----------
    path : str or Path, optional
        A pipeline saved with ``nlp.to_disk``; when given, the other settings
        are the saved ones.
    segmenter : {"fast", "pkuseg"}
        The word segmentation engine: ``"fast"`` (default) gives pkuseg's
        output token for token, many times faster; ``"pkuseg"`` runs pkuseg
        itself, the reference.
    lexicon : bool
        Use the packaged policy lexicon (terms kept whole, tagged as slogans).
    user_dict : str or Path, optional
        A file of your own terms (one a line) to keep whole, in addition to
        the lexicon and pkuseg's own dictionary.
    topic_model : str or Path
        ``"default"`` for the packaged codebook model, or the folder of a
        model made with ``policy-nlp train``.
    stages : sequence of str
        The stages to run, in order.
    exclude : sequence of str
        Stages to leave out.
    config : dict, optional
        Per-stage settings, e.g. ``{"slogans": {"lexicon": False}}``.

    Examples
    --------
    >>> import policy_nlp
    >>> nlp = policy_nlp.load(stages=["paragraphs"])
    >>> nlp.pipe_names
    ['paragraphs']
    >>> doc = nlp("同志们：\\n今天开会。我讲三点意见。")
    >>> [s.text for s in doc.spans["sentences"]]
    ['同志们：', '今天开会。', '我讲三点意见。']
    """
    if path is not None:
        path = Path(path)
        if not (path / "config.cfg").exists():
            raise FileNotFoundError(f"{path}: not a saved policy_nlp pipeline (no config.cfg)")
        nlp = spacy.load(path, exclude=list(exclude))
        nlp.max_length = MAX_LENGTH
        return nlp
    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {sorted(SEGMENTERS)}")
    if user_dict is not None and not Path(user_dict).is_file():
        raise FileNotFoundError(f"{user_dict}: user dictionary not found")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "policy_nlp.PolicyTokenizer.v1",
        "segmenter": segmenter, "lexicon": lexicon,
        "user_dict": str(Path(user_dict).resolve()) if user_dict else ""}}})
    nlp.max_length = MAX_LENGTH
    config = dict(config or {})
    config.setdefault("slogans", {}).setdefault("lexicon", lexicon)
    config.setdefault("topics", {}).setdefault("model", str(topic_model))
    unknown = set(config) - set(stages) - {"slogans", "topics"}
    if unknown:
        raise ValueError(f"config for stages not in the pipeline: {sorted(unknown)}")
    for name in stages:
        if name in exclude:
            continue
        # Stages declared with @Language.component take no settings.
        settings = config.get(name, {}) if nlp.get_factory_meta(name).default_config else {}
        nlp.add_pipe(name, config=settings)
    return nlp
