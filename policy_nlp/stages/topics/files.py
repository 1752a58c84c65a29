"""Model files: save, check and load a model (plain JSON + npz, no pickle); the default model."""

import functools
import json
import os
import platform
import re
import warnings
import zipfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policy_nlp.stages.topics.estimators import TopicClassifier

import numpy as np

from policy_nlp.errors import ModelError
from policy_nlp.stages.topics.scoring import ESTIMATOR_PARAMS, TopicModel


FORMAT = "policy_nlp-topic-model"

FORMAT_VERSION = 1

# The default model is package data (pyproject: package-data), so an installed
# policy_nlp has it without the repository; its card and recipe are in the
# repository's models/topics-default/MODEL_CARD.md.
DEFAULT_MODEL = resources.files("policy_nlp") / "models" / "topics-default"


def library_versions():
    """The versions of Python and the libraries a model file records (and the
    model card lists): a model saved under others is loaded with a warning."""
    from importlib.metadata import PackageNotFoundError, version
    versions = {"python": platform.python_version(), "numpy": np.__version__}
    for name in ("scipy", "scikit-learn", "pkuseg", "policy_nlp"):  # without importing them
        try:
            versions[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - metadata missing
            versions[name] = None
    return versions


def save_model(model: "TopicClassifier | TopicModel", path: "str | os.PathLike[str]",
               metadata: "dict[str, Any] | None" = None) -> None:
    """Save a fitted :class:`TopicClassifier` (or a loaded :class:`TopicModel`)
    as ``model.json`` + ``model.npz``.

    Parameters
    ----------
    model : TopicClassifier or TopicModel
        Fitted, with ``calibration="sigmoid"``.
    path : str or Path
        A directory (created if needed).
    metadata : dict, optional
        JSON-serialisable facts to keep with the model (training data,
        metrics ...); returned by :func:`model_metadata`.

    Notes
    -----
    ``model.npz`` is not compressed: it loads in a tenth of the time
    (start-up of every annotation run) for 1.6 times the size.

    Examples
    --------
    >>> import tempfile
    >>> from policy_nlp.stages.topics.estimators import TopicClassifier
    >>> X = ["粮食生产", "种粮农民", "大气污染", "水污染"] * 2
    >>> m = TopicClassifier(cv=2).fit(X, ["agriculture_rural"] * 2 + ["environment"] * 2 + ["agriculture_rural"] * 2 + ["environment"] * 2)
    >>> d = tempfile.mkdtemp()
    >>> save_model(m, d, {"note": "doctest"})
    >>> load_model(d).predict(["治理大气污染"])[0]
    'environment'
    """
    calibration = model.calibration_
    if isinstance(model, TopicModel):
        estimator, word_vocabulary, char_vocabulary = model.estimator, model.word_vocabulary, model.char_vocabulary
        word_idf, char_idf = model.word_idf, model.char_idf
    else:
        if not hasattr(model, "coef_"):
            raise ModelError(f"this {type(model).__name__} is not fitted yet: call fit before save_model")
        if calibration is None:
            raise ModelError("only models calibrated with calibration='sigmoid' can be saved")
        estimator = type(model).__name__
        word_vocabulary, char_vocabulary = _vocab_list(model.word_vectorizer_), _vocab_list(model.char_vectorizer_)
        word_idf, char_idf = model.word_vectorizer_.idf_, model.char_vectorizer_.idf_
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    params = model.get_params()
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "estimator": estimator,
        "params": params,
        "classes": [str(c) for c in model.classes_],
        "word_vocabulary": word_vocabulary,
        "char_vocabulary": char_vocabulary,
        "versions": library_versions(),
        "metadata": metadata or {},
    }
    with open(path / "model.json", "w", encoding="utf-8") as f:
        json.dump(header, f, ensure_ascii=False, separators=(",", ":"))
    np.savez(path / "model.npz",
             word_idf=word_idf.astype(np.float32),
             char_idf=char_idf.astype(np.float32),
             coef=model.coef_.astype(np.float32),
             intercept=model.intercept_.astype(np.float64),
             calibration=np.asarray(calibration, dtype=np.float64))


def _vocab_list(vectorizer):
    vocab = vectorizer.vocabulary_
    terms = [None] * len(vocab)
    for term, index in vocab.items():
        terms[index] = term
    return terms


# Versions that can change a loaded model's output. The model files are plain
# JSON and float arrays, and prediction is our own arithmetic on them plus
# scikit-learn's TfidfVectorizer.transform with a fixed vocabulary and idf, so
# numpy, scipy and Python versions cannot change the scores. What can: the
# word features come from pkuseg's segmentation (another pkuseg version or
# model cuts words differently), and a new major version of scikit-learn may
# change TfidfVectorizer's analyzers.
_RESULT_VERSIONS = {"pkuseg": "pkuseg cuts the words the features are made of",
                    "scikit-learn": "TfidfVectorizer makes the features"}
# Larger n-gram ranges make every paragraph cost O(length * n) features; no
# useful model needs more, and a tampered header could ask for 100 000.
MAX_NGRAM = 10
_ARRAYS = ("word_idf", "char_idf", "coef", "intercept", "calibration")


def _version_differences(saved, running):
    """The differences between saved and running versions that can change scores."""
    differences = []
    for name, why in _RESULT_VERSIONS.items():
        was, now = saved.get(name), running.get(name)
        if name == "scikit-learn":  # within a major version the transform is stable
            was, now = (v.split(".")[0] if v else v for v in (was, now))
        if was != now:
            differences.append(f"{name} {saved.get(name)} (model) vs {running.get(name)} "
                               f"(running): {why}")
    return differences


def _model_dir(path):
    """A model folder as a Path, or a Traversable from ``importlib.resources``."""
    if isinstance(path, (str, os.PathLike)):
        path = Path(path)
        if path.is_file() and path.name in ("model.json", "model.npz"):
            path = path.parent
    return path


def _model_folder(path):
    """The model folder of ``path``, refused (naming it and why) when it is
    none: missing, a file, or without ``model.json`` and ``model.npz``."""
    path = _model_dir(path)
    if not path.is_dir():
        what = "a file, not a topic model folder" if path.is_file() else "topic model folder not found"
        raise ModelError(f"{path}: {what}; give the folder written by "
                         "'policy-nlp train' (or 'default' for the packaged model)")
    if not (path / "model.json").is_file() or not (path / "model.npz").is_file():
        raise ModelError(f"{path}: not a topic model folder (needs model.json and model.npz, "
                         "as written by 'policy-nlp train')")
    return path


def _check_format(header_path, found, version):
    """Refuse a header of another format, or of a format version this policy_nlp does not read."""
    if found != FORMAT:
        raise ModelError(f"{header_path}: not a policy_nlp topic model (format {found!r})")
    if version != FORMAT_VERSION:
        raise ModelError(f"{header_path}: model format version {version} "
                         f"is not supported by this policy_nlp (it reads version {FORMAT_VERSION}); "
                         "retrain the model with this version")


def _read_header(path):
    path = _model_folder(path)
    header_path = path / "model.json"
    try:
        header = json.loads(header_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{header_path}: cannot be read as JSON: {error}") from None
    if not isinstance(header, dict):
        _check_format(header_path, type(header).__name__, None)
    _check_format(header_path, header.get("format"), header.get("format_version"))
    _check_header(header_path, header)
    return path, header


# How save_model's model.json begins: its format and version, read without the vocabularies.
_OPENING = re.compile(r'\{\s*"format"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"format_version"\s*:\s*(\d+)\s*[,}]')


def check_model(path: "str | os.PathLike[str]") -> None:
    """Refuse, naming the path and the reason, what :func:`load_model` would
    refuse before reading a weight: no folder, a folder without the model
    files, a file of another format or format version.

    Cheap, for checking a run's settings before it reads its inputs: the
    first bytes of ``model.json`` as :func:`save_model` writes them (a header
    written otherwise is read whole); ``"default"`` is the packaged model.
    :func:`load_model` still checks the whole header and the arrays.

    Raises
    ------
    ModelError

    Examples
    --------
    >>> check_model("default")
    >>> check_model("/nonexistent")
    Traceback (most recent call last):
    ...
    policy_nlp.errors.ModelError: /nonexistent: topic model folder not found; give the folder written by 'policy-nlp train' (or 'default' for the packaged model)
    """
    if str(path) == "default":
        return
    folder = _model_folder(path)
    header_path = folder / "model.json"
    try:
        with header_path.open("rb") as f:
            opening = _OPENING.match(f.read(4096).decode("utf-8", errors="replace"))
    except OSError as error:
        raise ModelError(f"{header_path}: cannot be read: {error}") from None
    try:
        found = json.loads(opening[1]) if opening else None
    except ValueError:  # a bad escape in the format's string
        opening = None
    if opening is None:  # not as save_model writes it (a tool rewrote it, or no JSON at all)
        _read_header(folder)
        return
    _check_format(header_path, found, int(opening[2]))


def _check_header(header_path, header):
    """Raise ModelError naming the file when the header is not a sane model."""
    def bad(reason):
        raise ModelError(f"{header_path}: damaged topic model: {reason}; "
                         "retrain it or restore the file")

    missing = [k for k in ("params", "classes", "word_vocabulary", "char_vocabulary") if k not in header]
    if missing:
        bad(f"missing keys {missing}")
    params = header["params"]
    if not isinstance(params, dict):
        bad("'params' is not an object")
    if not isinstance(header.get("estimator", "TopicClassifier"), str):
        bad("'estimator' is not a string")
    estimator = header.get("estimator", "TopicClassifier")
    if estimator not in ESTIMATOR_PARAMS:
        raise ModelError(f"unknown estimator {estimator!r} in the model file (known: {sorted(ESTIMATOR_PARAMS)})")
    unknown = set(params) - set(ESTIMATOR_PARAMS[estimator])
    if unknown:
        bad(f"unknown parameters {sorted(unknown)}")
    for key in ("word_ngram_range", "char_ngram_range"):
        value = params.get(key)
        if not (isinstance(value, (list, tuple)) and len(value) == 2
                and all(type(v) is int for v in value) and 1 <= value[0] <= value[1] <= MAX_NGRAM):
            bad(f"{key} must be two integers 1 <= low <= high <= {MAX_NGRAM}, not {value!r}")
    for key in ("classes", "word_vocabulary", "char_vocabulary"):
        value = header[key]
        strings = isinstance(value, list)
        try:  # str.join refuses anything but strings, in C: fast on 250,000 features
            "".join(value if strings else ())
        except TypeError:
            strings = False
        if not strings:
            bad(f"{key!r} is not a list of strings")
        # vocabularies: checked for repeats by TopicModel, from their codes
        if key == "classes" and len(set(value)) != len(value):
            bad(f"{key!r} has repeated entries")
    if len(header["classes"]) < 2:
        bad(f"needs at least two classes, has {header['classes']}")


def _read_arrays(path, header):
    """The arrays of ``model.npz``, checked against the header."""
    npz = path / "model.npz"
    try:
        with npz.open("rb") as f, np.load(f, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as error:
        raise ModelError(f"{npz}: cannot be read: {error}") from None
    missing = [k for k in _ARRAYS if k not in arrays]
    if missing:
        raise ModelError(f"{npz}: damaged topic model: missing arrays {missing}")
    n_classes = len(header["classes"])
    # A two-label single-label SVM has one score column; a multi-label model one per label.
    single = header.get("estimator", "TopicClassifier") == "TopicClassifier"
    n_scores = 1 if n_classes == 2 and single else n_classes
    n_word, n_char = len(header["word_vocabulary"]), len(header["char_vocabulary"])
    expected = {"word_idf": (n_word,), "char_idf": (n_char,), "coef": (n_scores, n_word + n_char),
                "intercept": (n_scores,), "calibration": (n_scores, 2)}
    for name, shape in expected.items():
        array = arrays[name]
        if array.dtype.kind not in "fiu":
            raise ModelError(f"{npz}: damaged topic model: {name} has dtype {array.dtype}")
        if array.shape != shape:
            raise ModelError(f"{npz}: damaged topic model: {name} has shape {array.shape}, "
                             f"expected {shape} for {n_classes} labels, {n_word} word and "
                             f"{n_char} character features")
        if not np.isfinite(array).all():
            raise ModelError(f"{npz}: damaged topic model: {name} holds NaN or infinite values")
    return arrays


def model_metadata(path):
    """The metadata and library versions saved with a model (without loading it).

    Examples
    --------
    >>> sorted(model_metadata(DEFAULT_MODEL))
    ['classes', 'metadata', 'params', 'versions']
    """
    _, header = _read_header(path)
    return {k: header.get(k, {}) for k in ("classes", "params", "versions", "metadata")}


def load_model(path: "str | os.PathLike[str]", on_version_mismatch: str = "warn") -> TopicModel:
    """Load a model saved by :func:`save_model`; never executes code from the file.

    ``model.json`` is parsed as JSON and ``model.npz`` is read with
    ``allow_pickle=False``; both are checked (keys, n-gram ranges, array
    shapes, finite weights, repeated features) and a :class:`TopicModel`
    is built from those values: it scores paragraphs with numpy, without
    importing scikit-learn (:meth:`TopicModel.to_estimator` gives the
    scikit-learn estimator).

    Parameters
    ----------
    path : str or Path
        The model directory (or its model.json), or an
        ``importlib.resources`` Traversable of one.
    on_version_mismatch : {"warn", "error", "ignore"}
        What to do when the model was made with a version of a library that
        can change its scores: another pkuseg (the word features come from
        its segmentation) or another major version of scikit-learn. numpy,
        scipy and Python versions do not matter: the files are plain arrays.
        By default a ``UserWarning`` names the versions; ``"error"`` raises
        :class:`ModelError` instead.

    Raises
    ------
    ModelError
        Missing, damaged or tampered files (naming the file), another format
        version, a version mismatch with ``on_version_mismatch="error"``.

    Examples
    --------
    >>> model = load_model(DEFAULT_MODEL)
    >>> len(model.classes_)
    11
    """
    if on_version_mismatch not in ("warn", "error", "ignore"):
        raise ValueError("on_version_mismatch must be 'warn', 'error' or 'ignore'")
    path, header = _read_header(path)
    saved = header.get("versions") if isinstance(header.get("versions"), dict) else {}
    differences = _version_differences(saved, _running_versions())
    if differences and on_version_mismatch != "ignore":
        message = (f"{path}: topic model made with library versions that can change its scores: "
                   + "; ".join(differences) + ". Retrain the model with these versions to be sure.")
        if on_version_mismatch == "error":
            raise ModelError(message)
        warnings.warn(message, UserWarning, stacklevel=2)
    arrays = _read_arrays(path, header)
    return TopicModel(header["params"], header["classes"], header["word_vocabulary"], header["char_vocabulary"],
                      arrays, estimator=header.get("estimator", "TopicClassifier"),
                      metadata=header.get("metadata", {}), source=f"{path}/model.json")


@functools.lru_cache(maxsize=1)
def _running_versions():
    return library_versions()


@functools.lru_cache(maxsize=4)
def _cached_default(key):
    return load_model(DEFAULT_MODEL)


def default_model() -> TopicModel:
    """The default codebook model shipped inside the package (cached).

    It is read with ``importlib.resources`` from
    ``policy_nlp/models/topics-default`` (``model.json``, ``model.npz``); its
    card and recipe are in the repository's ``models/topics-default``.

    Examples
    --------
    >>> default_model().classes_[0]
    'agriculture_rural'
    """
    return _cached_default(str(DEFAULT_MODEL))
