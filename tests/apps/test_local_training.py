"""Local training units: weak labels from titles, hand labels where given, the gold kept out."""

import json
from pathlib import Path

import pytest

from policy_nlp.apps.local_training import (gold_examples, gold_excerpt_ids, label_unit, local_examples,
                                            local_lexicon_candidates, read_hand_labels, units)

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "local_speeches" / "excerpts.jsonl"
HAND = REPO / "corpora" / "topic_labels" / "local_hand_labels.jsonl"


def test_units_are_paragraph_sized_and_hard_wrapped_lines_are_joined():
    text = "同志们：\n今天我们召开全县安全生产工作会议，主要任务\n是部署今冬明春的隐患排查工作。\n" + "抓好落实。" * 120
    pieces = units(text)
    assert pieces[0] == "同志们："
    assert pieces[1] == "今天我们召开全县安全生产工作会议，主要任务是部署今冬明春的隐患排查工作。"
    assert all(len(p) <= UNIT_LIMIT for p in pieces)


UNIT_LIMIT = 410


def test_weak_label_of_a_unit():
    assert label_unit("同志们：", "economy") == "general"
    farm = "要稳定粮食播种面积，抓好春耕备耕，落实种粮农民补贴，促进农业增效农民增收，推进乡村振兴。"
    assert label_unit(farm, "governance_security") == "agriculture_rural"   # its own terms win


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpora/local_speeches")
def test_hand_labels_replace_weak_labels_and_the_gold_is_never_used():
    hand = read_hand_labels(HAND)
    examples = local_examples(CORPUS, hand_labels=hand)
    assert {e["doc"] for e in examples}.isdisjoint(gold_excerpt_ids())
    by_source = {e["source"] for e in examples}
    assert "hand" in by_source
    hand_rows = [json.loads(line) for line in HAND.read_text(encoding="utf-8").splitlines()]
    matched = sum(1 for e in examples if e["source"] == "hand")
    assert matched == len(hand_rows)      # the units the coders saw are still the units cut
    assert all(e["label"] == hand[(e["doc"], e["index"])][1] for e in examples if e["source"] == "hand")



@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpora/local_speeches")
def test_local_lexicon_mining_skips_the_gold_and_never_opens_held_out_splits(monkeypatch):
    import builtins
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", spy)
    candidates = local_lexicon_candidates(CORPUS)
    monkeypatch.setattr(builtins, "open", real_open)
    assert any("local_speeches" in path for path in opened)
    assert not any("heldout" in path for path in opened)
    terms = {c["term"]: c for c in candidates}
    assert terms["四大班子"]["number"] == 4 and terms["四大班子"]["doc_freq"] >= 2
    gold = gold_excerpt_ids()
    assert gold and not any(e["doc_id"] in gold for c in candidates for e in c["examples"])
    with pytest.raises(ValueError, match="held-out"):
        local_lexicon_candidates(CORPUS.parent.parent / "heldout_local_speeches" / "excerpts.jsonl")


DEV_GOLD = REPO / "tests" / "fixtures" / "gold_local" / "dev"


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpora/local_speeches")
def test_gold_examples_are_the_gold_paragraphs_with_their_labels():
    from policy_nlp.apps.evaluation import comparable_text
    from policy_nlp.stages.script import to_simplified
    paths = sorted(DEV_GOLD.glob("*.json"))[:8]
    golds = {json.loads(p.read_text(encoding="utf-8"))["source"]["match"]["id"]:
             json.loads(p.read_text(encoding="utf-8"))["topics"] for p in paths}
    examples = gold_examples(CORPUS, paths)
    assert {e["source"] for e in examples} == {"gold"} and {e["doc"] for e in examples} <= set(golds)
    for doc, topics in golds.items():
        mine = [e for e in examples if e["doc"] == doc]
        openings = [comparable_text(to_simplified(o)[0]) for o in topics]
        # every example opens with a gold opening (or continues the paragraph before it) and
        # carries the label of the last gold opening at or before it
        label = None
        for e in mine:
            text = comparable_text(e["text"])
            hit = next((o for o in openings if o and text.startswith(o[:8])), None)
            if hit is not None:
                label = topics[list(topics)[openings.index(hit)]]
            assert label is not None and e["label"] == label
    # an excerpt labelled by hand is left to its hand units
    assert not gold_examples(CORPUS, paths, skip_ids=set(golds))


def test_no_test_or_benchmark_names_a_blind_excerpt():
    # The blind part of the local gold is scored only at the end of a session:
    # a test or benchmark that reads one of its excerpts by id is development on it.
    import re
    blind = gold_excerpt_ids(parts=("blind",))
    assert blind
    named = []
    for path in sorted((REPO / "tests").rglob("*.py")) + sorted((REPO / "benchmarks").rglob("*.py")):
        for excerpt_id in set(re.findall(r"dev-\d{4}", path.read_text(encoding="utf-8"))) & blind:
            named.append((str(path.relative_to(REPO)), excerpt_id))
    assert named == [], "tests must not read blind excerpts (use made-up sentences of the same shape)"
