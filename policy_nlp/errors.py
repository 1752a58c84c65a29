"""Errors raised by policy_nlp.

Every error about an input names the input (a file path, a dataset row, a
record id) and the reason, so a corpus run can report it and go on.
"""


class PolicyNLPError(Exception):
    """Base class of policy_nlp's errors."""


class DocumentError(PolicyNLPError):
    """An input document cannot be read or annotated.

    Parameters
    ----------
    source : str
        Where the document came from: a path, ``path:line`` or a record id.
    reason : str
        What is wrong with it, in words a user can act on.
    """

    def __init__(self, source, reason):
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class ModelError(PolicyNLPError):
    """A model file is missing, unsafe, or made by incompatible library versions."""


class TrainingDataError(PolicyNLPError, ValueError):
    """Labelled data cannot train or evaluate a model as asked (too few
    examples, documents or labels); the message says what to change."""
