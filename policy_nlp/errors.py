"""Errors raised by policy_nlp.

Every error derives from :class:`PolicyNLPError`, so one ``except
PolicyNLPError`` catches them all, and also from the built-in exception a
Python user would catch for the same mistake (``ValueError``), so code
written against the standard library keeps working. Every error about an
input names the input (a file path, a dataset row, a record id, a setting)
and the reason, so a corpus run can report it and go on. :class:`Interrupted`
is no error but a stop (Ctrl-C, SIGTERM): a ``KeyboardInterrupt``.

>>> issubclass(ModelError, ValueError) and issubclass(ModelError, PolicyNLPError)
True
>>> str(DocumentError("a.txt", "empty file"))
'a.txt: empty file'
"""

import signal


class PolicyNLPError(Exception):
    """Base class of policy_nlp's errors."""


class DocumentError(PolicyNLPError, ValueError):
    """An input document cannot be read or annotated.

    Parameters
    ----------
    source : str
        Where the document came from: a path, ``path:line`` or a record id.
    reason : str
        What is wrong with it, in words a user can act on.
    id : str, optional
        The document's id when the input gives one (a JSONL/CSV row's id
        field): ``errors.jsonl`` reports it beside the source.
    """

    def __init__(self, source: object, reason: str, id: "str | None" = None) -> None:
        self.source = str(source)
        self.reason = reason
        self.id = id
        super().__init__(f"{self.source}: {reason}")

    def __reduce__(self):
        # pickled with its fields (a process pool sends errors back): the default
        # would call DocumentError(message) and fail in the parent with a TypeError
        return type(self), (self.source, self.reason, self.id)


class ModelError(PolicyNLPError, ValueError):
    """A model file is missing, damaged, unsafe, or made by incompatible library versions."""


class ConfigError(PolicyNLPError, ValueError):
    """A setting is invalid: an unknown stage or segmenter, a bad option value,
    a missing optional dependency; the message names the setting and the fix."""


class TrainingDataError(PolicyNLPError, ValueError):
    """Labelled data cannot train or evaluate a model as asked (too few
    examples, documents or labels); the message says what to change."""


class ClusterError(PolicyNLPError, RuntimeError):
    """A Dask cluster a corpus run started cannot run it: a worker did not
    start, or none is left; the message says which and after how long."""


class Interrupted(KeyboardInterrupt):
    """A corpus run stopped by Ctrl-C (SIGINT) or SIGTERM (``kill PID``,
    ``timeout``, a cluster scheduler ending the job).

    A ``KeyboardInterrupt``, so that code which handles Ctrl-C handles both.
    ``signum`` is the signal's number (the CLI exits with 128 + it); the
    message says how far the run got and whether rerunning resumes it.

    >>> stop = Interrupted(signal.SIGTERM)
    >>> isinstance(stop, KeyboardInterrupt), stop.signum == signal.SIGTERM, str(stop)
    (True, True, 'interrupted (SIGTERM)')
    """

    def __init__(self, signum: int, message: str = "") -> None:
        self.signum = signum
        super().__init__(message or f"interrupted ({signal.Signals(signum).name})")

    def __reduce__(self):
        # pickled with its signal (a process pool or Dask sends exceptions back so):
        # the default rebuilds it from ``args``, the message alone
        return type(self), (self.signum, str(self))
