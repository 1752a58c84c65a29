"""Build, save and load policy_nlp pipelines.

A pipeline is a spaCy ``Language``: the policy tokenizer, then the stages
declared in :mod:`policy_nlp.pipeline.factories`. It saves with ``nlp.to_disk`` and
loads back identically with :func:`load`; pkuseg's 180 MB model is not copied
into a saved pipeline, only the tokenizer's settings and term list.
"""

import inspect
import os
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Sequence

import spacy
from spacy.lang.zh import Chinese
from spacy.language import Language
from spacy.tokens import Doc

from policy_nlp._startup import collector_paused
from policy_nlp.pipeline import factories  # noqa: F401  (declares the stages)
from policy_nlp.pipeline import tokenizer  # (declares the tokenizer)
from policy_nlp.errors import ConfigError
from policy_nlp.segment.engines import DEFAULT_SEGMENTER, SEGMENTERS

DEFAULT_STAGES = ("paragraphs", "slogans", "enumerations", "topics")
# spaCy refuses texts over 1 M characters to protect its parser; our stages are
# linear in memory (the tokenizer cuts pkuseg's input into bounded runs), so a
# whole yearbook on one line is fine.
MAX_LENGTH = 100_000_000


def load(path: "str | os.PathLike[str] | None" = None, *, segmenter: str = DEFAULT_SEGMENTER,
         lexicon: bool = True, user_dict: "str | os.PathLike[str] | None" = None,
         topic_model: "str | os.PathLike[str]" = "default", stages: Sequence[str] = DEFAULT_STAGES,
         exclude: Sequence[str] = (), config: "dict[str, dict[str, Any]] | None" = None,
         clean: bool = False) -> Language:
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
    clean : bool
        Clean raw text in ``nlp(text)`` as ``policy-nlp annotate`` does:
        normalise it, remove web page furniture, read title, speaker, date,
        place and level. The Doc's text is then the *cleaned* text (span
        offsets are into it); ``doc._.meta`` holds what was read and
        ``meta["removed"]`` what was cut, with offsets into the input. Saved
        with the pipeline (``nlp.to_disk``). Default ``False``: ``nlp(text)``
        annotates the text exactly as given.

    Raises
    ------
    ConfigError
        An unknown segmenter or stage, or settings for a stage not in the
        pipeline (also a ``ValueError``).
    ModelError
        The topic model cannot be loaded: it is read here, not at the first
        ``nlp(text)`` (also a ``ValueError``); a missing folder, or a file of
        another format or format version, is refused before anything is built.
    FileNotFoundError
        ``path`` is not a saved pipeline, or ``user_dict`` is missing.
    IsADirectoryError
        ``user_dict`` is a folder.

    Examples
    --------
    >>> import policy_nlp
    >>> nlp = policy_nlp.load(stages=["paragraphs"])
    >>> nlp.pipe_names
    ['paragraphs']
    >>> doc = nlp("同志们：\\n今天开会。我讲三点意见。")
    >>> [s.text for s in doc.spans["sentences"]]
    ['同志们：', '今天开会。', '我讲三点意见。']
    >>> nlp = policy_nlp.load(stages=["paragraphs"], clean=True)
    >>> doc = nlp("分享到:\\n\\n同志们：\\n今天开会。")
    >>> doc.text, doc._.meta["removed"][0]["text"]
    ('同志们：\\n今天开会。', '分享到:\\n\\n')
    """
    with collector_paused():  # builds long-lived objects only
        if path is not None:
            return _load_saved(Path(path), exclude)
        _check_settings(segmenter, user_dict, stages, exclude, topic_model, config)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
            "@tokenizers": "policy_nlp.PolicyTokenizer.v1",
            "segmenter": segmenter, "lexicon": lexicon,
            "user_dict": str(Path(user_dict).resolve()) if user_dict else "", "clean": bool(clean)}}})
        nlp = _checked(nlp)
        nlp.max_length = MAX_LENGTH
        _add_stages(nlp, stages, exclude, config, lexicon, topic_model)
        _load_models(nlp)
        return nlp


def _load_saved(path, exclude):
    """A pipeline saved with ``nlp.to_disk``, its models loaded."""
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"{path}: not a saved policy_nlp pipeline (no config.cfg)")
    nlp = _checked(spacy.load(path, exclude=list(exclude)))
    nlp.max_length = MAX_LENGTH
    _load_models(nlp)
    return nlp


def _check_settings(segmenter, user_dict, stages, exclude, topic_model="default", config=None):
    """Refuse an unknown segmenter or stage, a missing user dictionary (or a
    folder), or a topic model that cannot be one (when the topics stage runs;
    ``config["topics"]["model"]`` wins, as in :func:`_add_stages`), before building."""
    if isinstance(stages, str) or isinstance(exclude, str):
        raise ConfigError("stages and exclude are lists of stage names, e.g. stages=['paragraphs']")
    if segmenter not in SEGMENTERS:
        raise ConfigError(f"unknown segmenter {segmenter!r}; choose one of {sorted(SEGMENTERS)}")
    if user_dict not in (None, "") and Path(user_dict).is_dir():   # Path("") is the working folder
        raise IsADirectoryError(f"{user_dict}: a folder, not a user dictionary file "
                                "(a file of terms, one per line; user_dict setting)")
    if user_dict is not None and not Path(user_dict).is_file():
        raise FileNotFoundError(f"{user_dict}: user dictionary not found (user_dict setting)")
    unknown_stages = [name for name in [*stages, *exclude] if not Language.has_factory(name)]
    if unknown_stages:
        raise ConfigError(f"unknown stage(s) {unknown_stages}; the policy_nlp stages are "
                          f"{list(DEFAULT_STAGES)} (or a component you declared with @Language.component)")
    if "topics" in stages and "topics" not in exclude:
        from policy_nlp.stages.topics.files import check_model
        # as text, as the stage reads it: a model given as None is a folder not found, not an AttributeError
        check_model(str((config or {}).get("topics", {}).get("model", topic_model)))


def _add_stages(nlp, stages, exclude, config, lexicon, topic_model):
    """The stages, in order, with their settings (``lexicon`` and ``topic_model`` as defaults)."""
    config = dict(config or {})
    config.setdefault("slogans", {}).setdefault("lexicon", lexicon)
    config.setdefault("topics", {}).setdefault("model", str(topic_model))
    unknown = set(config) - set(stages) - {"slogans", "topics"}
    if unknown:
        raise ConfigError(f"config for stages not in the pipeline: {sorted(unknown)}")
    for name in stages:
        if name in exclude:
            continue
        # Stages declared with @Language.component take no settings.
        settings = config.get(name, {}) if nlp.get_factory_meta(name).default_config else {}
        nlp.add_pipe(name, config=settings)


class PolicyLanguage(Chinese):
    """spaCy's Chinese ``Language`` whose ``nlp(x)`` refuses what is not text.

    spaCy reads ``bytes`` given to ``nlp()`` as a serialised ``Doc``; raw text
    bytes then fail deep in msgpack ("unpack(b) received extra data"). Here
    such bytes, and any other non-text, are a ``TypeError`` saying what to do.
    """

    def _ensure_doc(self, doc_like):
        if isinstance(doc_like, (bytes, bytearray)):
            try:
                return super()._ensure_doc(bytes(doc_like))
            except Exception:  # not Doc.to_bytes() data: text bytes, most likely
                pass
        elif isinstance(doc_like, (str, Doc)):
            return super()._ensure_doc(doc_like)
        tokenizer.check_text(doc_like)  # raises the TypeError naming the type


def _checked(nlp):
    """``nlp`` as a :class:`PolicyLanguage` (same object, same pipeline)."""
    if type(nlp) is Chinese:
        nlp.__class__ = PolicyLanguage
    return nlp


def _load_models(nlp):
    """Read the stages' models now, so that a bad one fails in load()."""
    if "topics" in nlp.pipe_names:
        nlp.get_pipe("topics").classifier


@lru_cache(maxsize=1)
def load_defaults() -> "MappingProxyType[str, Any]":
    """The settings :func:`load` takes, each with its default (read-only):
    what :func:`check_settings` accepts and what a corpus run notes for a
    setting it was not given.

    >>> load_defaults()["segmenter"], load_defaults()["stages"]
    ('fast', ('paragraphs', 'slogans', 'enumerations', 'topics'))
    """
    return MappingProxyType({name: parameter.default
                             for name, parameter in inspect.signature(load).parameters.items()})


def check_settings(settings: "dict[str, Any]", caller: str) -> None:
    """Refuse a keyword that ``caller`` would pass on to :func:`load` and that
    :func:`load` does not take, naming both and the settings there are; then
    the values :func:`load` checks before building (segmenter, stages, the
    user dictionary file, the topic model's folder and format version), so
    that a run refuses them before it makes its output or reads its inputs,
    without loading anything.

    A corpus run or a dataset map passes its extra keywords to :func:`load`:
    ``Dataset.map``'s ``batched=True`` given to ``annotate_dataset`` was
    "load() got an unexpected keyword argument 'batched'", raised from inside.

    >>> check_settings({"stages": ["paragraphs"], "lexicon": False}, "annotate_dataset")
    >>> check_settings({"batched": True}, "annotate_dataset")
    Traceback (most recent call last):
    ...
    TypeError: annotate_dataset() got an unexpected keyword argument 'batched': neither one of its own nor a setting of policy_nlp.load (clean, config, exclude, lexicon, path, segmenter, stages, topic_model, user_dict)
    """
    known = load_defaults()
    unknown = [key for key in settings if key not in known]
    if unknown:
        raise TypeError(f"{caller}() got an unexpected keyword argument {unknown[0]!r}: neither one of its own "
                        f"nor a setting of policy_nlp.load ({', '.join(sorted(known))})")
    if settings.get("path") is None:  # a saved pipeline's settings are its own
        values = {**known, **settings}
        _check_settings(values["segmenter"], values["user_dict"], values["stages"], values["exclude"],
                        values["topic_model"], values["config"])
