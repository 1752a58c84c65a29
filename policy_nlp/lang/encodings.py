"""Decode the bytes of a text file, detecting the encoding.

Chinese government text reaches researchers as UTF-8 (with or without a BOM),
GB18030/GBK from older sites and Windows tools, and UTF-16 exported from Word.
The encoding is detected, never guessed silently: bytes that are none of these
are a :class:`~policy_nlp.errors.DocumentError` naming the source. Documents
(:mod:`policy_nlp.io.reading`), user dictionaries and crosswalks
(:func:`read_decoded`) all read through :func:`decode`.
"""

import codecs
import re
from pathlib import Path

from policy_nlp.errors import DocumentError
from policy_nlp.lang.chars import IDEOGRAPH, IDEOGRAPH_RE


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
        ``utf-32``, ``utf-16-le``/``utf-16-be`` (no byte-order mark, see below)
        or ``gb18030``.

    Raises
    ------
    DocumentError
        If the bytes are binary or in no supported encoding.

    Notes
    -----
    UTF-16 without a byte-order mark (some Windows exports) is accepted only
    when it is plausible: the bytes decode as UTF-16 into readable text whose
    ideographs are mostly common Chinese ones (:func:`_utf16_without_bom`).
    Other bytes with NULs are binary.

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
        found = _utf16_without_bom(data, nul_evidence=True)
        if found:
            return found
        raise DocumentError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        position = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or not _reads_as_chinese(text):
        found = _utf16_without_bom(data, nul_evidence=False)  # all-Chinese UTF-16 has no NULs
        if found:
            return found
    if text is None:
        raise DocumentError(source, f"not UTF-8 (invalid byte at {position}), "
                            "UTF-16/32 with a byte-order mark, or GB18030/GBK") from None
    if not _reads_as_chinese(text):
        raise DocumentError(source, f"not UTF-8 (invalid byte at {position}) and its "
                            "GB18030 reading is not Chinese text; convert it to UTF-8")
    return text, "gb18030"


def _reads_as_chinese(text):
    """Whether decoded text has ideographs and they are mostly common ones.

    GB18030 (and UTF-16) map most byte strings to *some* characters: Latin-1
    bytes pair up with ASCII into rare ideographs, random code units land all
    over the BMP. Real Chinese text uses mostly the 6,763 ideographs of GB2312.
    """
    ideographs = IDEOGRAPH_RE.findall(text)
    common = sum(1 for ch in ideographs if _in_gb2312(ch))
    return bool(ideographs) and common / len(ideographs) >= 0.8


# Characters of plain text: ASCII printable and whitespace, CJK punctuation,
# ideographs, full-width forms, general punctuation (quotes, dashes).
_PLAUSIBLE = re.compile(rf"[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f{IDEOGRAPH}\uff00-\uffef]")


def _utf16_without_bom(data, nul_evidence):
    """``(text, "utf-16-le" | "utf-16-be")`` when ``data`` is plausibly
    UTF-16 without a byte-order mark, else None.

    Both byte orders are tried. A reading must be at least 95% plain-text
    characters, its ideographs (if any) mostly common ones; without NUL bytes
    (``nul_evidence`` false: all-Chinese text, no ASCII) it must also be at
    least half ideographs. Bytes of other encodings read as UTF-16 scatter
    over Hangul, private-use and rare ideographs, and fail. When both orders
    pass (byte-swapped ideographs are often ideographs too), the one with more
    common ideographs wins.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # a lone surrogate: not this byte order
            continue
        if "\x00" in text:  # NUL characters (NULs at both byte positions): binary
            continue
        head = text[:32768]
        if len(_PLAUSIBLE.findall(head)) < 0.95 * len(head):
            continue
        ideographs = IDEOGRAPH_RE.findall(head)
        common = sum(1 for ch in ideographs if _in_gb2312(ch))
        if ideographs and common < 0.8 * len(ideographs):
            continue
        if not nul_evidence and len(ideographs) < 0.5 * len("".join(head.split())):
            continue
        if best is None or common > best[0]:
            best = (common, text, encoding)
    return best[1:] if best else None


def read_decoded(path, what):
    """The text of a small file a user gives (a user dictionary, a crosswalk)
    in any encoding :func:`decode` accepts.

    Parameters
    ----------
    path : str or Path
    what : str
        What the file is, for the error message (``"user dictionary"``).

    Raises
    ------
    DocumentError
        The file cannot be read or decoded; the message names the file and why.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "words.txt"
    >>> _ = p.write_bytes("五心工程\\n".encode("gbk"))
    >>> read_decoded(p, "user dictionary")
    '五心工程\\n'
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot read {what}: {error.strerror or error}") from None
    try:
        return decode(data, path)[0]
    except DocumentError as error:
        raise DocumentError(path, f"cannot read {what}: {error.reason}") from None
