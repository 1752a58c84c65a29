"""Decode policy text from bytes, detecting the encoding, and normalise it.

Chinese government text reaches researchers as UTF-8 (with or without a BOM),
GB18030/GBK from older sites and Windows tools, and UTF-16 exported from Word.
The encoding is detected, never guessed silently: a file that is none of these
is a :class:`~policy_nlp.errors.DocumentError` naming the file.

Normalisation (:func:`policy_nlp.stages.normalize.normalize`, re-exported
here) keeps the text a user sees, so that offsets stay meaningful: line
endings become ``\\n``; zero-width and stray control characters are removed;
U+00A0 becomes an ordinary space. What was changed is counted in the returned
record, never dropped unseen.
"""

import codecs
import re
from pathlib import Path

from policy_nlp.errors import DocumentError
# The normalisation is text logic shared with the pipeline's cleaning tokenizer.
from policy_nlp.stages.normalize import CONTROL, ZERO_WIDTH, normalize  # noqa: F401  (re-exported)

_HANZI = re.compile(r"[\u3400-\u9fff]")


def _in_gb2312(ch):
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data, source="<bytes>"):
    """Decode raw bytes of a text document.

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str
        Name of the input, used in error messages.

    Returns
    -------
    text : str
        The decoded text (not yet normalised).
    encoding : str
        The encoding detected: ``utf-8``, ``utf-8-sig``, ``utf-16``,
        ``utf-32`` or ``gb18030``.

    Raises
    ------
    DocumentError
        If the bytes are binary or in no supported encoding.

    Examples
    --------
    >>> decode("政府工作报告".encode("gbk"))
    ('政府工作报告', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "双联".encode())
    ('双联', 'utf-8-sig')
    """
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DocumentError(source, f"starts with a {encoding} byte-order mark "
                                    f"but is not valid {encoding}: {error.reason} "
                                    f"at byte {error.start}") from None
    if b"\x00" in data[:65536]:
        raise DocumentError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        position = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DocumentError(source, f"not UTF-8 (invalid byte at {position}), "
                            "UTF-16/32 with a byte-order mark, or GB18030/GBK") from None
    # GB18030 maps most byte strings to *some* characters (Latin-1 bytes pair
    # up with ASCII into rare ideographs). Accept it only when the result
    # reads as Chinese: its ideographs are mostly common ones (GB2312).
    ideographs = _HANZI.findall(text)
    common = sum(1 for ch in ideographs if _in_gb2312(ch))
    if not ideographs or common / len(ideographs) < 0.8:
        raise DocumentError(source, f"not UTF-8 (invalid byte at {position}) and its "
                            "GB18030 reading is not Chinese text; convert it to UTF-8")
    return text, "gb18030"


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
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot be read: {error.strerror}") from None
    text, encoding = decode(data, source=str(path))
    text, changes = normalize(text)
    return text, {"source": str(path), "encoding": encoding, "normalized": changes}
