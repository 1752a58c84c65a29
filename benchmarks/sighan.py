"""SIGHAN 2005 (icwb2) PKU and MSR scores for pkuseg, fastseg and jieba.

    .venv/bin/python benchmarks/sighan.py
    .venv/bin/python benchmarks/sighan.py --engines pkuseg,fast --out /tmp/sighan

Reads ../shared/corpora/sighan2005/ (never copied into the repository):
``{pku,msr}_test.utf8`` (raw), ``{pku,msr}_test_gold.utf8`` and
``{pku,msr}_training_words.utf8`` (the in-vocabulary list for OOV).

Scoring follows the bakeoff's ``score`` script: per line, both sides are
stripped and split on ASCII whitespace (CRLF files; the script read bytes, so
U+3000 is not a separator), the word sequences are aligned as ``diff``
aligns them (a longest common subsequence of words), and

    recall    = matched words / gold words
    precision = matched words / test words
    F1        = 2PR / (P + R)
    OOV rate  = gold words not in the training word list / gold words
    OOV recall = matched OOV gold words / OOV gold words   (IV likewise)

Full-width digits and letters are kept as they are (the gold uses them).
MSR quirk: in 16 lines (8 pairs) text moved across a line break between the
raw and the gold file; each such run of consecutive lines is scored as one
line (their concatenations agree), which the script checks. Every engine cuts
each raw line on its own. ``--out DIR`` writes the segmented files (CRLF, two
spaces between words, like the gold) for the official Perl scorer.

Caveat: pkuseg's default model was trained on mixed-domain data that may
include PKU/MSRA-style People's Daily text, so these test sets may not be
fully held out for it.
"""

import argparse
import os
import re
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICY_NLP_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "corpora" / "sighan2005"
ASCII_WS = re.compile(r"[ \t\n\r\f\v]+")
ALL_WS = re.compile(r"\s+")


def read_lines(path):
    text = path.read_bytes().decode("utf-8")
    lines = re.split(r"\r?\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def words(line):
    return [w for w in ASCII_WS.split(line.strip()) if w]


def lcs_matches(gold, test):
    """Indices of the gold words in a longest common subsequence with test."""
    # trim the common prefix and suffix (most of a line, usually)
    lo = 0
    while lo < len(gold) and lo < len(test) and gold[lo] == test[lo]:
        lo += 1
    hg, ht = len(gold), len(test)
    while hg > lo and ht > lo and gold[hg - 1] == test[ht - 1]:
        hg -= 1
        ht -= 1
    matched = list(range(lo)) + list(range(hg, len(gold)))
    g, t = gold[lo:hg], test[lo:ht]
    if g and t:
        n, m = len(g), len(t)
        L = [[0] * (m + 1) for _ in range(n + 1)]
        for i in range(n - 1, -1, -1):
            Li, Li1, gi = L[i], L[i + 1], g[i]
            for j in range(m - 1, -1, -1):
                Li[j] = Li1[j + 1] + 1 if gi == t[j] else max(Li1[j], Li[j + 1])
        i = j = 0
        while i < n and j < m:
            if g[i] == t[j]:
                matched.append(lo + i)
                i += 1
                j += 1
            elif L[i + 1][j] >= L[i][j + 1]:
                i += 1
            else:
                j += 1
    return matched


def aligned_units(raw, gold):
    """(raw text, gold line) units; runs of misaligned lines are merged."""
    if len(raw) != len(gold):
        raise ValueError(f"{len(raw)} raw lines vs {len(gold)} gold lines")

    def bare(s):
        return ALL_WS.sub("", s)

    units, merged, i = [], 0, 0
    while i < len(raw):
        if bare(raw[i]) == bare(gold[i]):
            units.append(([raw[i]], gold[i]))
            i += 1
            continue
        j = i + 1
        while j < len(raw) and bare("".join(raw[i:j])) != bare("".join(gold[i:j])):
            j += 1
        if j > len(raw) or bare("".join(raw[i:j])) != bare("".join(gold[i:j])):
            raise ValueError(f"cannot realign line {i + 1}")
        units.append((raw[i:j], "  ".join(gold[i:j])))
        merged += j - i
        i = j
    return units, merged


def score(units, segmented, vocab):
    gold_n = test_n = match = oov_n = oov_match = 0
    for (_, gold_line), test_line in zip(units, segmented):
        g, t = words(gold_line), words(test_line)
        gold_n += len(g)
        test_n += len(t)
        oov = [w not in vocab for w in g]
        oov_n += sum(oov)
        m = lcs_matches(g, t)
        match += len(m)
        oov_match += sum(oov[i] for i in m)
    r, p = match / gold_n, match / test_n
    iv_n = gold_n - oov_n
    return {"gold_words": gold_n, "test_words": test_n, "matched": match,
            "recall": r, "precision": p, "f1": 2 * p * r / (p + r),
            "oov_rate": oov_n / gold_n, "oov_recall": oov_match / oov_n if oov_n else 0.0,
            "iv_recall": (match - oov_match) / iv_n if iv_n else 0.0}


def load_engine(name):
    if name == "pkuseg":
        import pkuseg
        return pkuseg.pkuseg().cut
    if name in ("fast", "fast-python"):
        if "policy_nlp" not in sys.modules:  # skip the package's spaCy import
            pkg = types.ModuleType("policy_nlp")
            pkg.__path__ = [str(ROOT / "policy_nlp")]
            sys.modules["policy_nlp"] = pkg
        from policy_nlp.segment.fastseg import FastSegmenter
        return FastSegmenter(pure=(name == "fast-python")).cut
    if name == "jieba":
        import jieba
        jieba.setLogLevel(60)
        return jieba.lcut
    raise ValueError(name)


NAMES = {"pkuseg": "pkuseg 0.0.25", "fast": "fastseg (C)",
         "fast-python": "fastseg (pure Python)", "jieba": "jieba 0.42 (HMM)"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engines", default="pkuseg,fast,jieba")
    ap.add_argument("--corpora", default="pku,msr")
    ap.add_argument("--out", help="directory for the segmented test files")
    a = ap.parse_args(argv)
    if not DATA.exists():
        print(f"{DATA} absent: nothing to score")
        return
    engines = {e: load_engine(e) for e in a.engines.split(",")}
    print("| corpus | engine | precision | recall | F1 | OOV rate | OOV recall | IV recall "
          "| identical to pkuseg | time (s) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for corpus in a.corpora.split(","):
        raw = read_lines(DATA / f"{corpus}_test.utf8")
        gold = read_lines(DATA / f"{corpus}_test_gold.utf8")
        vocab = set(w.strip() for w in read_lines(DATA / f"{corpus}_training_words.utf8"))
        units, merged = aligned_units(raw, gold)
        outputs = {}
        for name, cut in engines.items():
            t0 = time.perf_counter()
            per_line = ["  ".join(w for w in cut(line) if w.strip()) for line in raw]
            dt = time.perf_counter() - t0
            outputs[name] = per_line
            if a.out:
                os.makedirs(a.out, exist_ok=True)
                with open(os.path.join(a.out, f"{corpus}_{name}.utf8"), "w",
                          encoding="utf-8", newline="") as f:
                    f.write("".join(line + "\r\n" for line in per_line))
            seg, k = [], 0
            for lines, _ in units:
                seg.append("  ".join(per_line[k:k + len(lines)]))
                k += len(lines)
            s = score(units, seg, vocab)
            ident = ""
            if "pkuseg" in outputs and name != "pkuseg":
                same = sum(x == y for x, y in zip(per_line, outputs["pkuseg"]))
                ident = f"{same}/{len(raw)} lines"
            print(f"| {corpus.upper()} | {NAMES[name]} | {s['precision']:.4f} | "
                  f"{s['recall']:.4f} | {s['f1']:.4f} | {s['oov_rate']:.4f} | "
                  f"{s['oov_recall']:.4f} | {s['iv_recall']:.4f} | {ident} | {dt:.1f} |")
        note = (f"; {merged} misaligned lines scored as {len(units) - (len(raw) - merged)}"
                f" merged units" if merged else "")
        print(f"<!-- {corpus}: {len(raw)} lines, {s['gold_words']} gold words{note} -->")


if __name__ == "__main__":
    main()
