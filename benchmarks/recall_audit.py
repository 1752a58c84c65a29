"""A recall audit of numbered formulations and their members outside the gold, for reading.

Reads the ``annotations.jsonl`` of a ``benchmarks/annotate_corpora.sh`` output (``national``, ``xi``, ``pd``, ``local``).
The blind documents (the 16 blind local excerpts, shandong-6, the 2023 national work report and its
resolution) are dropped as each line is read, before anything else looks at them.

``candidates`` finds the spans a formulation could start with that the run did not tag (no overlap
with any numbered or quoted slogan): a Chinese numeral run or an Arabic 1–99 count before a measure
or head character (三个代表, 五大理念, 8项规定), a bare 两–九 before an ideograph (三农, 六稳), two
numeral words in a row (两学一做, 三去一降一补), 双X双Y, N+N sums and numerals inside short quotations.
A transparent pre-filter drops what is never a formulation: units and times right after the numeral
(三年, 五万, 十多), ordinals (第三, 初二, 十九大, 四中全会) and a lone 一 or 十 outside the pair shapes.
The default prints a fixed-seed sample spread over documents (at most two per document) with its
sentence, so that a reader can judge each: a missed formulation or rightly untagged.

``--members`` prints a fixed-seed sample of the tagged numbered formulations whose members are empty
or not as many as their number and whose next 160 characters hold an enumeration (、-separated
items, 一是/二是, (一)/(二), ——), so that a reader can judge whether the text spells out members
the output lacks.

``--members-wide`` prints two wider fixed-seed samples of the tagged numbered formulations whose
members are empty or fewer than their number, with no condition on what follows: W, 120 (national 45,
pd 30, Xi 25, local 20) and V, 60 of the rarer ones (a text lacking members in at most two documents);
at most two per document, each with 200 characters before and 400 after, so that a reader can judge
whether the text spells out the members: before, right after, in later sentences, as a shared-head
series or as abbreviations expanded elsewhere.

``--member-shapes`` prints, for reading, the places of four shapes of members the output may lack
around the formulations lacking members: a list right before (the clause before it split at 、/和/与/及/同
into as many items of 1–16 characters as its number), the lexicon's members written with their shared
ending once (农业、工业、国防和科学技术现代化; 社会主义同资本主义两条道路; within 600 characters), two
bare two-character dictionary words right before an unquoted count of two (发展安全两件大事), and a sibling of the
same number and ending in the document that has its members (十条方针 … 十条经济建设方针).

``--supplement`` prints two samples of the likelier shapes (60 NUM + measure candidates with a policy
head of ``slogan_heads.txt`` in their tail, 40 pair-shaped ones; seed 1205), ``--linked`` 20 formulations
with as many members as their number (to check the members given), ``--elsewhere`` every numbered
formulation of three characters or more that the run tags somewhere and leaves untagged elsewhere.

The hand verdicts of 2026-12-05 (output of main 2efe8c4, ``/work/wt/ref_2efe8c4``; samples R, H, P, M,
L and E, one row each) are in ``benchmarks/results/recall_audit_2026-12-05.tsv``; those of
``--members-wide`` (main f7d54fe, ``/work/wt/ref_f7d54fe``; samples W and V) in
``benchmarks/results/member_audit_2026-12-05.tsv``.

Usage (from the checkout)::

    PYTHONPATH=$PWD python benchmarks/recall_audit.py OUT [--members|--members-wide|--member-shapes|--supplement|--linked|--elsewhere|--counts]
"""

import argparse
import collections
import json
import os
import random
import re
from pathlib import Path

from policy_nlp.apps.local_training import gold_excerpt_ids
from policy_nlp.lang.words import words
from policy_nlp.segment.engines import dictionary_words
from policy_nlp.stages.lexicon import default_lexicon

# the blind documents (helper rules: never read, never printed)
BLIND = gold_excerpt_ids(parts=("blind",)) | {"shandong-6", "government_work_reports:5", "government_work_reports:6"}
CORPORA = (("national", 45), ("xi", 40), ("pd", 45), ("local", 20))
NUM = "一二两三四五六七八九十"
MEASURE = "个项大点条件篇字化城型类种支位张"
# units, times and quantifiers right after a numeral: a quantity, never a formulation
# an ideograph that is no numeral
WORD = rf"[^\W\d{NUM}〇零百千万a-zA-Z_]"
UNIT = "年月日天周时分秒岁号人元角亿万千百多余几来次倍成届名家户亩吨米克批份层遍轮期%％·"
SHAPES = (
    ("measure", re.compile(rf"(?:[{NUM}]{{1,3}}|(?<![\d.])\d{{1,2}})[{MEASURE}][\u4e00-\u9fff]{{1,6}}")),
    ("pair", re.compile(rf"[{NUM}]{WORD}{{1,3}}?[{NUM}]{WORD}{{1,3}}")),
    ("shuang", re.compile(r"双[\u4e00-\u9fff]{1,3}双[\u4e00-\u9fff]{1,3}")),
    ("sum", re.compile(rf"[\d{NUM}Nn]\s*[+＋]\s*[\d{NUM}Nn][\u4e00-\u9fff]{{0,4}}")),
    ("quoted", re.compile(rf"“[^”\n]{{0,8}}[\d{NUM}][^”\n]{{0,8}}”")),
    ("bare", re.compile(r"[两三四五六七八九][\u4e00-\u9fff]{1,5}")),
)
ORDINAL_BEFORE = re.compile(rf"[第初周星礼\d{NUM}百千万零〇.]$")
ORDINAL_AFTER = re.compile(rf"^[{NUM}]*(?:中全会|大(?:以来|精神|报告|代表|召开|胜利|提出|强调|作出|部署|和|的|上|闭幕))")
CLAUSE_END = re.compile(r"[。！？；;\n]")
ENUMERATION = re.compile(r"、[^、。；]{1,14}、|[一二三四五六]是|[（(][一二三四五][)）]|——")


def documents(out):
    """``[(corpus, document)]`` of the run at ``out``, blind documents dropped first."""
    docs = []
    for corpus, _ in CORPORA:
        with open(Path(out) / corpus / "annotations.jsonl", encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                if doc["id"] not in BLIND:
                    docs.append((corpus, doc))
    return docs


def _trap(shape, text, start, span):
    """Why ``span`` at ``start`` is never a formulation, or ``None``."""
    if ORDINAL_BEFORE.search(text[max(0, start - 1):start]):
        return "ordinal or inside a number"
    if ORDINAL_AFTER.match(span):
        return "congress or plenum ordinal"
    if shape in ("measure", "bare"):
        digits = re.match(rf"[\d{NUM}]+", span).group()
        rest = span[len(digits):]
        if rest[:1] in UNIT:
            return "unit or time"
        if shape == "measure" and digits in ("一", "十") and rest[:1] != "大":
            return "lone 一 or 十"
    return None


def candidates(corpus, doc):
    """The untagged candidate spans of ``doc``: ``[(shape, start, end)]``, one per start."""
    text = doc["text"]
    tagged = [(s["start"], s["end"]) for s in doc["slogans"]]
    found = {}
    for shape, pattern in SHAPES:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            cut = CLAUSE_END.search(text, start, end)
            end = cut.start() if cut else end
            if start in found or any(s < end and start < e for s, e in tagged):
                continue
            if _trap(shape, text, start, text[start:end]) is None:
                found[start] = (shape, start, end)
    return sorted(found.values(), key=lambda c: c[1])


def context(text, start, end, before=45, after=45):
    return f"{text[max(0, start - before):start]}【{text[start:end]}】{text[end:end + after]}".replace("\n", "⏎")


def _members(slogan):
    return "、".join(m["text"] for m in slogan["members"]).replace("\n", "⏎")


def sample(docs, seed, per_doc=2):
    """``[(corpus, doc, shape, start, end)]``: the quota of each corpus, drawn at random."""
    rng = random.Random(seed)
    drawn = []
    for corpus, size in CORPORA:
        pool = [(c, d, *cand) for c, d in docs if c == corpus for cand in candidates(c, d)]
        rng.shuffle(pool)
        taken = collections.Counter()
        for item in pool:
            if taken[item[1]["id"]] < per_doc:
                taken[item[1]["id"]] += 1
                drawn.append(item)
            if sum(taken.values()) == size:
                break
    return drawn


def member_sample(docs, seed, size=40):
    """Tagged numbered formulations lacking members with an enumeration in the next 160 characters."""
    pool = []
    for corpus, doc in docs:
        text = doc["text"]
        for s in doc["slogans"]:
            n = s.get("number")
            if s["kind"] != "numbered" or not n or n < 2 or len(s["members"]) == n:
                continue
            if ENUMERATION.search(text, s["end"], s["end"] + 160):
                pool.append((corpus, doc, s))
    return random.Random(seed).sample(pool, min(size, len(pool))), len(pool)


WIDE = (("national", 45), ("pd", 30), ("xi", 25), ("local", 20))


def _lacking(docs):
    """``[(corpus, doc, slogan)]``: tagged numbered formulations with fewer members than their number."""
    return [(c, d, s) for c, d in docs for s in d["slogans"]
            if s["kind"] == "numbered" and s.get("number") and s["number"] >= 2 and len(s["members"]) < s["number"]]


def _draw(pool, rng, size, per_doc):
    """``size`` items of ``pool`` shuffled by ``rng``, at most ``per_doc`` per document."""
    rng.shuffle(pool)
    drawn, taken = [], collections.Counter()
    for item in pool:
        if taken[item[1]["id"]] < per_doc:
            taken[item[1]["id"]] += 1
            drawn.append(item)
            if len(drawn) == size:
                break
    return drawn


def member_wide_sample(docs, seed, per_doc=2, rare_size=60):
    """Two samples of the formulations lacking members (``_lacking``), from one generator: W, drawn
    per corpus (quotas ``WIDE``), and V, ``rare_size`` of the rarer ones (a text lacking members in
    at most two documents: the household names 一带一路, 三农, 四人帮 fill W and are never spelled
    out). At most ``per_doc`` per document in each. Returns ``(W, V, pool sizes)``."""
    rng = random.Random(seed)
    lacking = _lacking(docs)
    sizes, wide = {}, []
    for corpus, size in WIDE:
        pool = [item for item in lacking if item[0] == corpus]
        sizes[corpus] = (len(pool), len({d["id"] for _, d, _ in pool}))
        wide += _draw(pool, rng, size, per_doc)
    places = collections.defaultdict(set)
    for _, d, s in lacking:
        places[s["text"]].add(d["id"])
    rare = [item for item in lacking if len(places[item[2]["text"]]) <= 2 and item not in wide]
    sizes["rare"] = (len(rare), len({d["id"] for _, d, _ in rare}))
    return wide, _draw(rare, rng, rare_size, per_doc), sizes


def _lacking_places(docs):
    """``[(doc, slogan)]`` of ``_lacking`` without the corpus."""
    return [(d, s) for _, d, s in _lacking(docs)]


def _shared_ending_shapes(members, name):
    """Regular expressions of ``members`` written with an ending they share once: the other parts joined
    by 、/和/与/及/同, then the ending or (when ``name`` ends with it) ``name``; two characters or more
    each. One per ending, longest first."""
    common = os.path.commonprefix([m[::-1] for m in members])[::-1]
    for cut in range(len(common), 1, -1):
        parts = [m[:-cut] for m in members]
        if min(map(len, parts)) >= 2 and len(set(parts)) == len(parts):
            part = "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
            series = f"(?:{part})(?:[、和与及同](?:{part})){{{len(parts) - 1}}}"
            ending = re.escape(common[-cut:])
            after = f"{ending}|[的这]?[“「]?{re.escape(name)}" if name.endswith(common[-cut:]) else ending
            yield parts, re.compile(f"{series}(?=的?(?:{after}))")


def member_shapes(docs):
    """``{shape: [(doc id, formulation, context)]}`` for ``--member-shapes`` (see the module docstring)."""
    lexicon, known = default_lexicon(), dictionary_words()
    found = collections.defaultdict(list)
    for doc, s in _lacking_places(docs):
        text, n = doc["text"], s["number"]
        qs = s["start"] - 1 if text[s["start"] - 1:s["start"]] == "“" else s["start"]
        clause = re.split(r"[。！？；;\n：:，,]", text[max(0, qs - 120):qs])[-1]
        items = [x for x in re.split("、|和|与|及|同", re.sub("(的|等|这|这些|共|是|上述)$", "", clause)) if x]
        if len(items) == n and all(1 <= len(x) <= 16 for x in items):
            found["list right before"].append((doc["id"], s["text"], clause))
        pair = text[qs - 4:qs]
        if n == 2 and qs == s["start"] and pair[:2] in known and pair[2:] in known and pair[0] != pair[2] \
                and re.fullmatch(r"[\u4e00-\u9fff]{4}", pair):
            found["bare pair before a count of two"].append((doc["id"], s["text"], text[qs - 20:s["end"]]))
        entry = lexicon[s["text"]] if s["text"] in lexicon else None
        if entry and len(entry["members"]) == n:
            for parts, shape in _shared_ending_shapes(entry["members"], s["text"]):
                hit = next((m for m in shape.finditer(text, max(0, qs - 600), s["end"] + 600)
                            if sorted(re.split("[、和与及同]", m.group())) == sorted(parts)), None)
                if hit:
                    found["lexicon members with a shared ending"].append(
                        (doc["id"], s["text"], text[hit.start() - 10:hit.end() + 10]))
                    break
        head = re.sub(rf"^[{NUM}\d]+(?:方面|[个项大点条件类种字])?", "", s["text"])
        sibling = next((x for x in doc["slogans"] if x["kind"] == "numbered" and x.get("number") == n
                        and len(x["members"]) == n and x["text"] != s["text"] and len(head) >= 2
                        and re.sub(rf"^[{NUM}\d]+(?:方面|[个项大点条件类种字])?", "", x["text"])[-2:] == head[-2:]), None)
        if sibling:
            found["sibling with members"].append((doc["id"], s["text"], sibling["text"]))
    return found


def supplement(docs, seed=1205):
    """Two samples of the likelier shapes: 60 NUM + measure candidates with a policy head in their
    tail (H) and 40 pair-shaped candidates (P), drawn in that order from one generator."""
    heads = words("slogan_heads")
    measured, pairs = [], []
    for corpus, doc in docs:
        for shape, start, end in candidates(corpus, doc):
            if shape == "measure" and any(h in doc["text"][start + 2:end] for h in heads):
                measured.append((corpus, doc, start, end))
            elif shape == "pair":
                pairs.append((corpus, doc, start, end))
    rng = random.Random(seed)
    return rng.sample(measured, 60), rng.sample(pairs, 40)


def linked_sample(docs, seed, size=20):
    """Tagged numbered formulations with as many members as their number."""
    pool = [(corpus, doc, s) for corpus, doc in docs for s in doc["slogans"]
            if s["kind"] == "numbered" and s["number"] and s["number"] >= 2 and len(s["members"]) == s["number"]]
    return random.Random(seed).sample(pool, size)


def elsewhere(docs):
    """``{text: [(id, start, end)]}``: numbered formulations of three characters or more (no digit,
    space or quote) tagged somewhere and left untagged at another occurrence."""
    terms = {s["text"] for _, doc in docs for s in doc["slogans"]
             if s["kind"] == "numbered" and len(s["text"]) >= 3 and not re.search(r"[\d\s“”]", s["text"])}
    found = collections.defaultdict(list)
    for _, doc in docs:
        spans = [(s["start"], s["end"]) for s in doc["slogans"]]
        for term in terms:
            for m in re.finditer(re.escape(term), doc["text"]):
                if not any(s < m.end() and m.start() < e for s, e in spans):
                    found[term].append((doc, m.start(), m.end()))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="a benchmarks/annotate_corpora.sh output directory")
    parser.add_argument("--members", action="store_true", help="the member sample instead")
    parser.add_argument("--members-wide", action="store_true",
                        help="a wider member sample (no condition on what follows), with more context")
    parser.add_argument("--member-shapes", action="store_true",
                        help="places of four shapes of members around formulations lacking them")
    parser.add_argument("--counts", action="store_true", help="only count candidates by corpus and shape")
    parser.add_argument("--supplement", action="store_true", help="the H and P samples of likelier shapes")
    parser.add_argument("--linked", action="store_true", help="formulations with all their members")
    parser.add_argument("--elsewhere", action="store_true",
                        help="formulations tagged somewhere and untagged at another occurrence")
    parser.add_argument("--seed", type=int, default=20261205)
    args = parser.parse_args()
    docs = documents(args.out)
    if args.counts:
        counts = collections.Counter((c, shape) for c, d in docs for shape, _, _ in candidates(c, d))
        for key, value in sorted(counts.items()):
            print(*key, value, sep="\t")
        return
    if args.supplement:
        for tag, drawn in zip("HP", supplement(docs)):
            for n, (corpus, doc, start, end) in enumerate(drawn, 1):
                print(f"{tag}{n:02d}\t{corpus}\t{doc['id']}\t{start}\t{doc['text'][start:end]}\t"
                      f"{context(doc['text'], start, end, 35, 35)}")
        return
    if args.linked:
        for n, (corpus, doc, s) in enumerate(linked_sample(docs, args.seed), 1):
            spans = [s] + s["members"]
            lo, hi = min(x["start"] for x in spans), max(x["end"] for x in spans)
            print(f"L{n:02d}\t{corpus}\t{doc['id']}\t{s['start']}\t{s['text']}\t"
                  f"{_members(s)}\t{context(doc['text'], lo, hi, 15, 15)}")
        return
    if args.elsewhere:
        for term, places in sorted(elsewhere(docs).items(), key=lambda kv: (-len({d["id"] for d, _, _ in kv[1]}), kv[0])):
            print(f"## {term}: untagged {len(places)} times in {len({d['id'] for d, _, _ in places})} documents")
            for doc, start, end in places:
                print(f"   {doc['id']}\t{context(doc['text'], start, end, 20, 12)}")
        return
    if args.member_shapes:
        for shape, places in member_shapes(docs).items():
            print(f"## {shape}: {len(places)} places in {len({p[0] for p in places})} documents")
            for place in places:
                print("  ", *(str(x).replace("\n", "⏎") for x in place), sep="\t")
        return
    if args.members_wide:
        wide, rare, sizes = member_wide_sample(docs, args.seed)
        print("# formulations with fewer members than their number (formulations, documents): " +
              ", ".join(f"{c} {n} in {k}" for c, (n, k) in sizes.items()))
        for n, (tag, (corpus, doc, s)) in enumerate([("W", x) for x in wide] + [("V", x) for x in rare]):
            n = n + 1 if tag == "W" else n + 1 - len(wide)
            print(f"{tag}{n:03d}\t{corpus}\t{doc['id']}\t{s['start']}\t{s['text']}\t{s['number']}\t{_members(s) or '-'}\t"
                  f"{context(doc['text'], s['start'], s['end'], 200, 400)}")
        return
    if args.members:
        drawn, pool = member_sample(docs, args.seed)
        print(f"# {pool} numbered formulations without all their members and an enumeration after them")
        for n, (corpus, doc, s) in enumerate(drawn, 1):
            print(f"M{n:02d}\t{corpus}\t{doc['id']}\t{s['start']}\t{s['text']}\t{s['number']}\t{_members(s) or '-'}\t"
                  f"{context(doc['text'], s['start'], s['end'], 60, 160)}")
        return
    for n, (corpus, doc, shape, start, end) in enumerate(sample(docs, args.seed), 1):
        print(f"R{n:03d}\t{corpus}\t{doc['id']}\t{shape}\t{start}\t{doc['text'][start:end]}\t"
              f"{context(doc['text'], start, end)}")


if __name__ == "__main__":
    main()
