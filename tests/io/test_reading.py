import codecs

import pytest

from policy_nlp.errors import DocumentError
from policy_nlp.io.reading import decode, normalize, read_text

TEXT = "各位代表：\n现在，我代表国务院，向大会报告政府工作。“十四五”规划全面启动。"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),                 # with BOM, little-endian
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_decode_detects_each_supported_encoding(data, encoding):
    assert decode(data, "x.txt") == (TEXT, encoding)


def test_binary_file_is_an_error_naming_the_file():
    with pytest.raises(DocumentError) as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "figure.png")
    assert info.value.source == "figure.png" and "binary" in info.value.reason


def test_undecodable_bytes_are_an_error_not_a_guess():
    latin1 = "Politique économique générale, réforme très ambitieuse".encode("latin-1")
    with pytest.raises(DocumentError) as info:
        decode(latin1, "french.txt")
    assert "french.txt" in str(info.value) and "UTF-8" in info.value.reason


def test_utf16_without_valid_body_is_an_error():
    with pytest.raises(DocumentError):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "broken.txt")  # lone surrogate


def test_normalize_line_endings_zero_width_controls_nbsp():
    text, changes = normalize("同志们：\r\n\u200b今天\u00a0开会\x07。\r第二行\u3000\u3000缩进")
    assert text == "同志们：\n今天 开会。\n第二行\u3000\u3000缩进"  # U+3000 kept: it marks paragraphs
    assert changes == {"line_endings": 2, "zero_width": 1, "control": 1, "nbsp": 1}


def test_read_text_records_encoding_and_changes(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("政府工作报告\r\n一、工作回顾".encode("gbk"))
    text, meta = read_text(path)
    assert text == "政府工作报告\n一、工作回顾"
    assert meta["encoding"] == "gb18030" and meta["normalized"]["line_endings"] == 1


def test_missing_file_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="cannot be read"):
        read_text(tmp_path / "nope.txt")
