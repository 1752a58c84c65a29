"""``policy_nlp.load(clean=True)``: ``nlp(raw text)`` cleans like ``policy-nlp annotate``."""

import shutil

import pytest

import policy_nlp
from policy_nlp.io.corpus import make_record
from policy_nlp.io.output import doc_to_dict
from policy_nlp.run.worker import annotate_record

from conftest import SEED, local_excerpt

STAGES = ["paragraphs", "slogans", "enumerations"]


@pytest.fixture(scope="module")
def clean_nlp():
    return policy_nlp.load(stages=STAGES, clean=True)


@pytest.fixture(scope="module")
def plain_nlp():
    return policy_nlp.load(stages=STAGES)


def _raw_seed():
    # as scraped: U+00A0 spaces and forum furniture, not normalised by a reader
    return SEED.read_bytes().decode("utf-8")


def _same_as_the_cli(raw, clean_nlp, plain_nlp):
    doc = clean_nlp(raw)
    record = make_record("doc", raw, {})
    cli = annotate_record(plain_nlp, record)
    assert doc.text == cli.text
    assert doc._.meta == cli._.meta
    expected = doc_to_dict(cli)
    expected["id"] = record.meta["sha1"][:12]  # nlp(text) names the doc as policy_nlp.annotate does
    assert doc_to_dict(doc) == expected
    return doc, record


def test_nlp_cleans_the_seed_like_the_cli(clean_nlp, plain_nlp):
    raw = _raw_seed()
    doc, record = _same_as_the_cli(raw, clean_nlp, plain_nlp)
    meta = doc._.meta
    assert meta["removed"] and meta["title"] and meta["year"] == 2012
    assert meta["normalized"]["nbsp"] > 0          # the U+00A0 spaces of the web copy
    assert "\u00a0" not in doc.text and len(doc.text) < len(raw)
    # offsets: spans into the cleaned text, meta.removed into the (normalised) input
    for group in ("paragraphs", "slogans", "lists"):
        for span in doc.spans[group]:
            assert doc.text[span.start_char:span.end_char] == span.text
    normalized = record.text
    for removed in meta["removed"]:
        assert normalized[removed["start"]:removed["end"]] == removed["text"]
    # the public one-call function gives the same Doc
    assert doc_to_dict(policy_nlp.annotate(raw, plain_nlp)) == doc_to_dict(doc)


def test_a_cleaning_pipeline_given_to_annotate_cleans_once(clean_nlp, plain_nlp):
    # dev-0073: cleaning its cleaned text again would cut a further line
    raw = local_excerpt("dev-0073")
    _same_as_the_cli(raw, clean_nlp, plain_nlp)
    record = make_record("dev-0073", raw, {})
    assert doc_to_dict(annotate_record(clean_nlp, record)) == doc_to_dict(annotate_record(plain_nlp, record))


def test_without_clean_nlp_keeps_the_text_as_given(plain_nlp):
    raw = "分享到:\n\n同志们：\n今天开会。"
    doc = plain_nlp(raw)
    assert doc.text == raw and doc._.meta is None


def test_without_clean_windows_and_old_mac_line_breaks_give_what_newlines_give(plain_nlp):
    # The same paragraphs, sentences, slogans and lists (text with \r\n or a lone \r read as
    # \n), offsets into the text as given: a wrapped 一⏎是 (dev-0179), a quotation wrapped
    # across a line (十⏎五五, dev-0137), quote marks of two lines that do not pair
    # (dev-0006, dev-0175), a list's heading line (dev-0227), a numbered title line (dev-0027).
    groups = ("paragraphs", "sentences", "slogans", "lists", "list_items")
    for key in ("dev-0006", "dev-0027", "dev-0137", "dev-0175", "dev-0179", "dev-0227"):
        text = local_excerpt(key)
        doc = plain_nlp(text)
        expected = {group: [(s.text, s.label_) for s in doc.spans[group]] for group in groups}
        for newline in ("\r\n", "\r"):
            doc = plain_nlp(text.replace("\n", newline))
            assert doc.text == text.replace("\n", newline)
            got = {group: [(s.text.replace(newline, "\n"), s.label_) for s in doc.spans[group]] for group in groups}
            assert got == expected, (key, repr(newline))


def test_clean_survives_to_disk_and_a_move(clean_nlp, tmp_path):
    clean_nlp.to_disk(tmp_path / "saved")
    shutil.move(tmp_path / "saved", tmp_path / "moved")
    loaded = policy_nlp.load(tmp_path / "moved")
    assert loaded.tokenizer.clean is True
    raw = _raw_seed()
    assert doc_to_dict(loaded(raw)) == doc_to_dict(clean_nlp(raw))
    assert loaded.tokenizer.from_bytes(clean_nlp.tokenizer.to_bytes()).clean is True
