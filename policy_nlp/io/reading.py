"""Decode policy text from bytes, detecting the encoding, and normalise it.

Chinese government text reaches researchers as UTF-8 (with or without a BOM),
GB18030/GBK from older sites and Windows tools, and UTF-16 exported from Word.
The encoding is detected, never guessed silently: a file that is none of these
is a :class:`~policy_nlp.errors.DocumentError` naming the file
(:func:`~policy_nlp.lang.encodings.decode`, re-exported here).

Normalisation (:func:`policy_nlp.stages.normalize.normalize`, re-exported
here) keeps the text a user sees, so that offsets stay meaningful: line
endings become ``\\n``; zero-width and stray control characters are removed;
U+00A0 becomes an ordinary space. What was changed is counted in the returned
record, never dropped unseen.
"""

import os
import stat
from pathlib import Path

from policy_nlp.errors import DocumentError
# The decoder is shared with the readers of user dictionaries and crosswalks, below io.
from policy_nlp.lang.encodings import BOMS, decode  # noqa: F401  (re-exported)
# The normalisation is text logic shared with the pipeline's cleaning tokenizer.
from policy_nlp.stages.normalize import CONTROL, ZERO_WIDTH, normalize  # noqa: F401  (re-exported)


def read_bytes(path):
    """The bytes of a regular file; anything else is a DocumentError.

    A FIFO, a terminal or a device would block or never end, so the file is
    opened without blocking and checked before it is read.

    Examples
    --------
    >>> read_bytes("/dev/null")
    Traceback (most recent call last):
    ...
    policy_nlp.errors.DocumentError: /dev/null: not a regular file (a character device); give a file or a folder
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise DocumentError(path, f"cannot be read: {error.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        # told before open(fd): given a folder's descriptor, open() raised IsADirectoryError
        # naming the descriptor ('4: Is a directory') and left it open
        os.close(fd)
        raise DocumentError(path, f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'not a file')}); "
                            "give a file or a folder")
    with open(fd, "rb") as f:
        try:
            return f.read()
        except OSError as error:
            raise DocumentError(path, f"cannot be read: {error.strerror}") from None


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def path_text(path):
    r"""``path`` as text that every output can hold: the bytes of a file name that are no
    UTF-8 (a GBK name from a zip made on Chinese Windows, which Python reads as lone
    surrogates) written as ``\xNN`` escapes.

    >>> path_text(os.fsdecode("讲话".encode("gbk") + b".txt"))
    '\\xbd\\xb2\\xbb\\xb0.txt'
    """
    text = str(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name's byte gives
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read_text(path):
    """Read a text file, detecting its encoding, and normalise it.

    Returns
    -------
    text : str
    meta : dict
        ``{"source": path, "encoding": ..., "normalized": changes}``.

    Examples
    --------
    >>> text, meta = read_text("corpora/000_49f5c10d9eda79ac.txt")
    >>> meta["encoding"], text.count("\\r")
    ('utf-8', 0)
    """
    path = Path(path)
    data = read_bytes(path)
    text, encoding = decode(data, source=str(path))
    text, changes = normalize(text)
    return text, {"source": path_text(path), "encoding": encoding, "normalized": changes}
