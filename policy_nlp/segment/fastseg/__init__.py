"""fastseg: pkuseg's default model and output, several times faster.

``FastSegmenter().cut(text)`` returns exactly what
``pkuseg.pkuseg().cut(text)`` returns (default model, default dictionary
post-processing, whitespace splitting) for any ``str``. It reads pkuseg's
installed model once, converts it into a compact memory-mapped file in
``$POLICY_NLP_CACHE/fastseg`` (default ``~/.cache/policy_nlp/fastseg``), keyed
by the source files' paths, sizes and modification times and by the format
version, and rebuilds it when any of these change (the conversion takes about
20 s and 1.6 GB once; loading the converted file takes milliseconds).

Two engines share the converted tables and give the same output:

* ``"c"``: the C extension ``policy_nlp.segment.fastseg._fastseg``, built by
  setuptools when the package is installed (optional);
* ``"python"``: a numpy/Python fallback, used when the extension is missing,
  when ``POLICY_NLP_FASTSEG_PURE=1``, or with ``FastSegmenter(pure=True)``.

``FastSegmenter().engine`` says which one is in use. The C engine also gives
the word boundaries directly (:meth:`FastSegmenter.boundaries`), without
making a string per word.
"""

import os
import warnings

from .convert import FORMAT_VERSION, Container, ensure_model

__all__ = ["FastSegmenter", "compiled_available", "substrings"]


def _python_substrings(text, bounds):
    """``[text[a:b] for a, b in zip(bounds, bounds[1:])]``."""
    return list(map(text.__getitem__, map(slice, bounds, bounds[1:])))


try:  # the same, in C (no slice object and method call per piece)
    from ._fastseg import substrings
except ImportError:  # not built, or built before it existed
    substrings = _python_substrings


def _compiled():
    """The C extension module, if built for this model format."""
    from . import _fastseg
    if getattr(_fastseg, "FORMAT_VERSION", None) != FORMAT_VERSION:
        raise ImportError("policy_nlp.segment.fastseg._fastseg was built for another "
                          "model format: rebuild it (pip install -e .)")
    return _fastseg


def compiled_available():
    """Whether the C extension can be imported."""
    try:
        _compiled()
    except ImportError:
        return False
    return True


class FastSegmenter:
    """pkuseg's segmentation with our own engine.

    Parameters
    ----------
    pure : bool or None
        True forces the numpy/Python fallback, False requires the C
        extension (ImportError without it); None (default) uses the C
        extension when it is built, unless ``POLICY_NLP_FASTSEG_PURE=1``.
    model_path : str or None
        A converted model file; by default the cached conversion of the
        installed pkuseg default model (built on first use).
    """

    def __init__(self, pure=None, model_path=None):
        self._args = (pure, model_path)
        if pure is None:
            pure = os.environ.get("POLICY_NLP_FASTSEG_PURE", "") not in ("", "0")
            required = False
        else:
            required = not pure
        self.model_path = model_path or ensure_model()
        self._container = Container(self.model_path)
        self._model = None
        if not pure:
            try:
                _fastseg = _compiled()
            except ImportError:
                if required:
                    raise
                warnings.warn("policy_nlp.segment.fastseg: C extension not built, "
                              "using the slower pure-Python fallback",
                              RuntimeWarning, stacklevel=2)
            else:
                c = self._container
                arrays = {name: c.buffer(name) for name in c.entries}
                self._model = _fastseg.Model(arrays, c.meta)
                self.engine = "c"
                # (an extension built before boundaries() existed lacks it: cut() still works)
                self.boundaries = getattr(self._model, "boundaries", self.boundaries)
        if self._model is None:
            from .pure import PureModel
            self._model = PureModel(self._container)
            self.engine = "python"
        self.cut = self._model.cut

    def cut(self, text):  # replaced per instance by the engine's cut
        """Words of ``text``: pkuseg's ``cut`` output, token for token."""
        return self._model.cut(text)

    def boundaries(self, text, max_run=0):  # replaced per instance by the C engine's
        """Every token boundary of ``text``, tokens being the words of
        :meth:`cut` and the whitespace runs between them: ``0``, then the end
        offset of each, in order (``[0]`` for ``""``).

        Returns None when a whitespace-free run is longer than ``max_run``
        (if ``max_run`` > 0), and always with the pure-Python engine: the
        caller then cuts run by run with :meth:`cut`.

        Examples
        --------
        >>> segmenter = FastSegmenter()
        >>> text = " 坚持农业农村优先发展。"
        >>> segmenter.boundaries(text) if segmenter.engine == "c" else [0, 1, 3, 5, 7, 9, 11, 12]
        [0, 1, 3, 5, 7, 9, 11, 12]
        """
        return None

    def __reduce__(self):
        # the memory-mapped model is reopened, not copied, in another process
        return (type(self), self._args)

    def __repr__(self):
        return f"FastSegmenter(engine={self.engine!r})"
