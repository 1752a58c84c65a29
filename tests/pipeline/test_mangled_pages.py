"""Mangled copies of the local development excerpts annotate like the clean ones.

The copies are made by ``benchmarks/mangling.py`` (Traditional characters,
pinyin glosses, ASCII punctuation, indentation, template-site furniture,
hard wraps, blanks inside words, pages without line breaks) from the 231
excerpts of the local development gold; the blind part is never read. Where
the library reads a mangling through, the test wants every document the
same as the clean copy; where it does not yet, a floor keeps what was
reached (docs/history/evaluation_sessions.md, *Mangled web text*, gives the
figures).
"""

import importlib.util
from pathlib import Path

import pytest

from conftest import shared_path

REPO = Path(__file__).resolve().parents[2]

# documents (of 231) whose body / formulations / lists are those of the clean copy
# (the bodies of one-line and furniture copies: 7 fewer and 2 fewer since quoted9, whose clean copies lose the
# later pages' numbers ⏎2、, ⏎3、 of a document-sharing copy; a one-line copy has no line break to find them
# by, and a site's header before a text's opening 1、 (dev-0006, dev-0235) hides the first page; both keep
# them as before; 12 fewer since review20, 2026-12-05, whose clean copies lose what is found by its lines: a
# news page's headline over its information line, a site's advertisement above the title, an upload line
# (e.g. dev-0014, dev-0061, dev-0091, dev-0100, dev-0117, dev-0126, dev-0186, dev-0189, dev-0195, dev-0213,
# dev-0224, dev-0237, dev-0247; and dev-0195's 三秋 of its headline, a title's slogan in the clean copy, is the
# body's on one line); a hard-wrapped copy cuts dev-0189's information line, 来源:⏎金锁关镇); 6 fewer since
# clean24 (one-line copies; 5 for title_one_line), whose clean copies lose more site-template lines found by
# their lines (dev-0029, dev-0127, dev-0140, dev-0144, dev-0168, dev-0177, dev-0190); spaced: a blank inside
# dev-0050's glued download notice (此资料由网络收集而来…) hides it from its inline row; lists: one fewer, dev-0050's
# download help 1、…2、…3、, a list the clean copy no longer has (its lines are furniture), kept on one line
EXACT = ("traditional", "ascii_punct", "glossed")
FLOORS = {
    "indented": (231, 230, 231),
    "furniture": (225, 230, 231),
    # spaced: 五 保户 (dev-0190) splits the two-character lexicon term 五保 off its tokens
    "spaced": (227, 230, 231),
    # hard_wrapped: one-line pages wrapped (dev-0007, -0104, -0175) lose the paragraph their
    # inline 一、 heading and its list shared
    "hard_wrapped": (230, 231, 228),
    "one_line": (184, 230, 229),
    # no body to compare: the digits are the mangling; 5个阶段、7个重点 (dev-0233): a pair of digit
    # counts is no evidence (a series of digit counts is most often quantities), 七个重点 is
    "arabic_digits": (None, 228, 231),
    # combinations real pages show (benchmarks/mangling.py's docstring); masked: the copy leaves
    # dev-0130's 副縣長(zhǎng)譚煥英同志 unmasked (a gloss after the title), its clean body is masked
    "masked": (230, 231, 231),
    "title_one_line": (193, 230, 228),
    "furniture_one_line": (184, 230, 229),
    "glossed_one_line": (184, 230, 229),
    "masked_furniture": (224, 230, 231),
    "wrapped_furniture": (224, 230, 228),
}


@pytest.fixture(scope="module")
def mangling():
    shared_path("corpora", "local_speeches", "excerpts.jsonl")   # skips without ../shared
    spec = importlib.util.spec_from_file_location("mangling", REPO / "benchmarks" / "mangling.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def compared(mangling):
    return mangling.compare(list(EXACT) + list(FLOORS))


@pytest.mark.parametrize("name", EXACT)
def test_a_mangling_read_through_gives_the_clean_annotation(compared, name):
    results, details = compared
    assert len(details[name]) == 231
    for document, clean, now in details[name]:
        assert now["body"] == now["body_expected"], (name, document)
        assert (now["slogans"], now["lists"]) == (clean["slogans"], clean["lists"]), (name, document)
    for metric in ("numbered_recall", "members_exact", "quoted_recall", "list_match", "claim_number"):
        assert results[name]["metrics"][metric] == results["clean"]["metrics"][metric], (name, metric)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_other_manglings_keep_their_floors(compared, name):
    same = compared[0][name]["same_as_clean"]
    for key, floor in zip(("body", "slogans", "lists"), FLOORS[name]):
        assert floor is None or same[key] >= floor, (name, key, same)


def test_counts_written_with_digits_are_read_as_formulations_not_quantities(compared):
    # 三个代表 -> 3个代表, 十大工程 -> 10大工程 in the copy and its gold: a count
    # with a digit is a formulation where the lexicon, a quotation, a defining
    # list, an abstract head or a series says so, and no more plain quantities
    # are tagged than in the clean copy; 第1项： is a list marker
    metrics = compared[0]["arabic_digits"]["metrics"]
    clean = compared[0]["clean"]["metrics"]
    assert metrics["numbered_recall"]["score"] >= 0.93 and metrics["members_exact"]["score"] >= 0.9
    assert metrics["not_slogans_tagged"]["correct"] <= clean["not_slogans_tagged"]["correct"]
    assert metrics["list_match"] == clean["list_match"]


def test_the_gold_metrics_of_the_clean_copy(compared):
    # the same pipeline run as `policy-nlp evaluate` on the development gold
    metrics = compared[0]["clean"]["metrics"]
    assert metrics["numbered_recall"]["total"] == 208 and metrics["numbered_recall"]["score"] >= 0.91
    assert metrics["list_match"]["score"] >= 0.90


def test_a_body_that_lost_its_line_breaks_gets_the_topics_of_a_one_line_page(compared):
    # a title line kept above the body (title_one_line) and pinyin glosses (glossed_one_line) left
    # the body one unit with one topic (106/139 each, against 110/139 for the one-line copy). A
    # one-line body is one paragraph of mixed topics, so a model's draw moves it either way: with
    # the model of topics8 the title line changes 4 documents, +1 -2 +1 -1 (title_one_line 109/139
    # against 110/139), hence one paragraph of slack
    results = compared[0]
    for name in ("title_one_line", "glossed_one_line", "furniture_one_line"):
        assert results[name]["metrics"]["topic_accuracy"]["correct"] >= results["one_line"]["metrics"]["topic_accuracy"]["correct"] - 1, name
