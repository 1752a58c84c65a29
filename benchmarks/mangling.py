"""Mangled web text: the local development gold scored on mangled copies.

Local speeches reach users as the web publishes them: Traditional
characters, pinyin glosses after characters, hard-wrapped PDF lines, ASCII
punctuation, stray spaces, template-site furniture, no line breaks at all.
This benchmark takes every excerpt of the six local development gold parts
(``tests/fixtures/gold_local/dev*``; the blind part is never read), makes one
copy per mangling below, runs each copy through the pipeline as ``policy-nlp
evaluate`` does, and scores it against the same gold (its strings mangled the
same way where a mangling substitutes characters). Two tables: the gold
metrics per mangling, and how many documents give the same formulations and
lists as the clean copy (compared after undoing the mangling's substitutions).

==============  ==============================================================
mangling        what it does to the raw text
==============  ==============================================================
clean           nothing (the baseline of the same run)
traditional     Simplified -> Traditional (OpenCC ``s2t``)
glossed         Traditional, and a pinyin gloss after every character that the
                glossed pages of the development corpus gloss (經(jīng)濟(jì));
                the readings are harvested from those pages
hard_wrapped    a line break after every 28 characters of a line, as PDF
                copies break paragraphs on every physical line
ascii_punct     full-width punctuation as ASCII (，：；（）！？ -> ,:;()!?)
indented        two ideographic spaces (U+3000) opening each line
spaced          a blank between two ideographs, at one ideograph in 30
                (seeded), as justified or PDF text leaves them
furniture       a template site's header (breadcrumbs, font size, date and
                source) and footer (editor, print/close, previous/next)
one_line        every line break replaced by nothing, as scraped pages that
                lose their paragraphs
arabic_digits   a Chinese numeral before a measure word as Arabic digits
                (五个坚持 -> 5个坚持, 第二批 -> 第2批, 十四五 kept), in the
                gold too: the formulation is then expected as written
masked          what template sites mask, in the gold too: a year
                (2018年 -> 20XX年), a figure before %/亿/万 (XX%), a name
                before 同志 after a title (副县长XX同志); on the normalised
                text (full-width digits read as ASCII ones); 100 of the 231
                non-blind development pages mask something
==============  ==============================================================

Combinations, each a shape of real pages of the local development corpus
(counts of its 231 non-blind pages, ``clean_text`` and ``wrap_breaks`` as
judges; a combination no page shows, such as hard wraps with pinyin
glosses, is left out: glossed pages are HTML sites converting to
Traditional, hard wraps come from PDF and Word copies):

==================  ==========================================================
title_one_line      the first line kept, the other line breaks removed: a
                    page title, headline or header line above a body that lost
                    its breaks (21 pages: a body of at most three lines, one
                    over 300 characters; dev-0004, dev-0013, dev-0027)
furniture_one_line  ``furniture`` around a ``one_line`` body (9 pages:
                    dev-0059, dev-0078, dev-0096)
glossed_one_line    ``glossed`` without line breaks (dev-0207)
masked_furniture    ``masked`` inside ``furniture`` (26 pages: dev-0016,
                    dev-0025, dev-0036)
wrapped_furniture   ``hard_wrapped`` inside ``furniture`` (4 pages: dev-0046,
                    dev-0160, dev-0162, dev-0179)
==================  ==========================================================

    PYTHONPATH=$PWD .venv/bin/python benchmarks/mangling.py [--only traditional,one_line] [--diffs]
        [-o benchmarks/results/mangling.json]

About a second per mangling once the pipeline is loaded (231 excerpts; 15 s for the 16).
"""

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from policy_nlp.apps.evaluation import (comparable_text, default_shared_root, evaluate_many, gold_text,  # noqa: E402
                                        load_gold)
from policy_nlp.apps.local_training import GOLD_LOCAL, gold_excerpt_ids  # noqa: E402
from policy_nlp.io.reading import normalize  # noqa: E402
from policy_nlp.lang.chars import IDEOGRAPH  # noqa: E402
from policy_nlp.lang.numerals import chinese_int, chinese_numeral  # noqa: E402
from policy_nlp.stages.script import opencc_converter  # noqa: E402

WRAP = 28
_IDEOGRAPH = re.compile(f"[{IDEOGRAPH}]{{2}}")
_NUMERAL_BEFORE_MEASURE = re.compile(r"(?<![一二三四五六七八九十百千万两])[一二三四五六七八九十]{1,3}(?=[个项条件点批次大])")
_DIGITS_BEFORE_MEASURE = re.compile(r"(?<![0-9])[1-9][0-9]?(?![0-9])(?=[个项条件点批次大])")
ASCII_PUNCT = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
_GLOSSED = re.compile(rf"([{IDEOGRAPH}])[（(]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)[)）]")
HEADER = ("当前位置：首页 > 领导讲话 > 正文\n【字体：大 中 小】 【打印本页】 【关闭窗口】\n"
          "发布时间：2015-03-12 09:30  来源：县政府办公室  浏览次数：1024\n")
FOOTER = ("\n责任编辑：王某\n【打印本页】【关闭窗口】\n上一篇：县长在全县春季农业生产工作会议上的讲话\n"
          "下一篇：在全县教育工作会议上的讲话\n版权所有：某县人民政府 ICP备05001234号\n")
# what template sites mask (lang.masks.MASK reads them): years, figures, a
# titled name before 同志 (a place's name is left: no rule tells it from 统一到 in 统一到区委)
_MASKABLE = re.compile(r"(?<=[12１２][09０９])[0-9０-９]{2}(?=年)|[0-9０-９]+(?:[.．][0-9０-９]+)?(?=[%％亿万億萬])"
                       rf"|(?<=[书记长任記長])[{IDEOGRAPH}]{{2,3}}(?=同志)")
_TITLED_NAME_END = re.compile(f"(?<=[书记长任記長])[{IDEOGRAPH}]{{1,3}}$")
METRICS = ("numbered_recall", "numbered_precision", "not_slogans_tagged", "members_exact",
           "quoted_recall", "list_match", "list_parent", "claim_number", "topic_accuracy")


def gloss_readings(corpus):
    """``{character: pinyin}`` harvested from the glossed pages of ``corpus``
    (the Simplified form of each glossed character too); the blind gold's
    excerpts are skipped, as everywhere outside the blind scoring."""
    to_simplified = opencc_converter("t2s")
    blind = gold_excerpt_ids(parts=("blind",))
    readings = {}
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if str(record.get("id")) in blind:
                continue
            for char, reading in _GLOSSED.findall(record["text"]):
                readings.setdefault(char, reading)
                readings.setdefault(to_simplified.convert(char), reading)
    return readings


def manglings(readings):
    """``{name: (mangle text, mangle a gold string)}``."""
    to_traditional = opencc_converter("s2t")

    def traditional(text):
        return to_traditional.convert(text)

    def glossed(text):
        text = traditional(text)   # a page glossed already keeps its glosses, not doubled
        return "".join(ch + f"({readings[ch]})" if ch in readings and text[i + 1:i + 2] not in "(（" else ch
                       for i, ch in enumerate(text))

    def hard_wrapped(text):
        def wrap(line):   # a character and its pinyin gloss stay on one line (a bracket of words does not)
            units = [m.group() for m in re.finditer(f"{_GLOSSED.pattern}|.", line)]
            return "\n".join("".join(units[i:i + WRAP]) for i in range(0, len(units), WRAP))
        return "\n".join(wrap(line) for line in text.split("\n"))

    def ascii_punct(text):
        return text.translate(ASCII_PUNCT)

    def indented(text):
        return "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n"))

    def spaced(text):
        rng = random.Random(len(text))
        return "".join(ch + " " if _IDEOGRAPH.fullmatch(text[i:i + 2]) and rng.random() < 1 / 30 else ch
                       for i, ch in enumerate(text))

    def furniture(text):
        return HEADER + text + FOOTER

    def one_line(text):
        return text.replace("\n", "")

    def arabic_digits(text):
        return _NUMERAL_BEFORE_MEASURE.sub(lambda m: str(chinese_int(m.group())), text)

    def masked(text):
        return _MASKABLE.sub("XX", normalize(text)[0])

    def title_one_line(text):
        title, _, body = text.strip("\n").partition("\n")
        return title + "\n" + one_line(body) if body else title

    same = str
    combined = {"furniture_one_line": (lambda text: furniture(one_line(text)), same),
                "glossed_one_line": (lambda text: one_line(glossed(text)), traditional),
                "masked_furniture": (lambda text: furniture(masked(text)), masked),
                "wrapped_furniture": (lambda text: furniture(hard_wrapped(text)), same)}
    return {"clean": (same, same), "traditional": (traditional, traditional),
            "glossed": (glossed, traditional), "hard_wrapped": (hard_wrapped, same),
            "ascii_punct": (ascii_punct, ascii_punct), "indented": (indented, same), "spaced": (spaced, same),
            "furniture": (furniture, same), "one_line": (one_line, same),
            "arabic_digits": (arabic_digits, arabic_digits), "masked": (masked, masked),
            "title_one_line": (title_one_line, same), **combined}


# a list's first characters in the gold, cut from the text (10 characters)
_PREFIXES = ("first_prefix", "parent_prefix")


def mangled_gold(gold, mangle):
    """The gold with its strings passed through ``mangle`` (keys of topics too;
    not a list's ``family``, a name the pipeline writes in one form). A list's
    prefix may cut a numeral from its measure word (一是,扛牢“护航二十|大”):
    where the mangling writes numerals as digits, that numeral is left out of
    the prefix, which the text's mangled copy then still starts with; so is
    a name after a title that the mangling masks (一是镇X委书记|胡凤洲同志)."""
    digits = mangle("三个") != "三个"
    masks = mangle("书记胡凤洲同志") != "书记胡凤洲同志"

    def convert(value, key=None):
        if isinstance(value, str) and key in _PREFIXES:
            value = value.rstrip("一二三四五六七八九十") if digits else value
            value = _TITLED_NAME_END.sub("", value) if masks else value
        if isinstance(value, str):
            return mangle(value)
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {convert(k): v if k == "family" else convert(v, k) for k, v in value.items()}
        return value
    fields = ("numbered", "quoted", "not_slogans", "lists", "topics")
    return {**gold, **{key: convert(gold[key]) for key in fields if key in gold}}


def signature(doc, undo, body=None):
    """What a document's annotation says, comparable across manglings: its
    body after cleaning (``body``, or the document's text; normalised), its
    formulations (normalised text, number) and its lists (family, items)."""
    text = doc["text"]
    slogans = sorted((undo(comparable_text(text[s["start"]:s["end"]])), s.get("number"))
                     for s in doc.get("slogans") or [] if s.get("kind") != "quoted")
    lists = sorted((lst["family"].translate(ASCII_PUNCT), len(lst["items"])) for lst in doc.get("lists") or [])
    return {"body": undo(comparable_text(text if body is None else body)), "slogans": slogans, "lists": lists}


def dev_golds():
    blind = gold_excerpt_ids(parts=("blind",))
    golds = []
    for path in sorted(GOLD_LOCAL.glob("dev*/*.json")):
        gold = load_gold(path)
        if str(((gold.get("source") or {}).get("match") or {}).get("id")) not in blind:
            golds.append(gold)
    return golds


def compare(names, golds=None, nlp=None):
    """Run the pipeline on the clean and mangled copies of the ``golds``
    (default: :func:`dev_golds`) and score them.

    Returns
    -------
    results : dict
        ``{name: {"metrics", "topic_macro_f1", "same_as_clean", "seconds"}}``.
    signatures : dict
        ``{name: [(document, clean signature, signature)]}``; a signature
        also holds ``body_expected``, the clean body mangled (None for
        ``arabic_digits``: a Traditional page's 三個 is 三个 only in the clean
        copy's Simplified text).
    """
    from policy_nlp.io.corpus import Record
    from policy_nlp.io.output import doc_to_dict
    from policy_nlp.pipeline.loading import load
    from policy_nlp.run.worker import annotate_record

    table = manglings(gloss_readings(default_shared_root() / "corpora" / "local_speeches" / "excerpts.jsonl"))
    unknown = [n for n in names if n not in table]
    if unknown:
        raise ValueError(f"unknown mangling(s) {unknown}; known: {', '.join(table)}")
    golds = dev_golds() if golds is None else golds
    texts = [gold_text(gold) for gold in golds]
    nlp = nlp or load()
    to_simplified = opencc_converter("t2s")

    def undo(text):   # arabic_digits: 3个代表 is the clean copy's 三个代表
        text = to_simplified.convert(text).translate(ASCII_PUNCT)
        return _DIGITS_BEFORE_MEASURE.sub(lambda m: chinese_numeral(int(m.group())), text)
    results, details, clean_docs = {}, {}, None
    for name in ["clean"] + [n for n in names if n != "clean"]:
        mangle, mangle_gold = table[name]
        started = time.perf_counter()
        docs = [doc_to_dict(annotate_record(nlp, Record(str(gold["document"]), normalize(mangle(text))[0])))
                for gold, text in zip(golds, texts)]
        report = evaluate_many((mangled_gold(gold, mangle_gold), doc) for gold, doc in zip(golds, docs))
        clean_docs = clean_docs or docs
        signatures = [signature(doc, undo) for doc in docs]
        clean_signatures = [signature(doc, undo) for doc in clean_docs]
        for now, clean_doc in zip(signatures, clean_docs):
            now["body_expected"] = (None if name == "arabic_digits"
                                    else signature(clean_doc, undo, mangle_gold(clean_doc["text"]))["body"])
        details[name] = [(gold["document"], clean, now) for gold, clean, now in zip(golds, clean_signatures, signatures)]
        results[name] = {
            "metrics": {m: report["metrics"][m] for m in METRICS},
            "topic_macro_f1": report["topic_macro_f1"],
            "same_as_clean": {"body": None if name == "arabic_digits" else
                              sum(s["body"] == s["body_expected"] for s in signatures),
                              "slogans": sum(c["slogans"] == s["slogans"] for c, s in zip(clean_signatures, signatures)),
                              "lists": sum(c["lists"] == s["lists"] for c, s in zip(clean_signatures, signatures)),
                              "documents": len(golds)},
            "seconds": round(time.perf_counter() - started, 1)}
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return results, details


def print_diffs(name, details):
    """One line per document whose body, formulations or lists differ from the clean copy's."""
    for document, clean, now in details:
        if now["body_expected"] is not None and now["body"] != now["body_expected"]:
            at = next((i for i, (a, b) in enumerate(zip(now["body"], now["body_expected"])) if a != b),
                      min(len(now["body"]), len(now["body_expected"])))
            print(f"  {name} {document} body: …{now['body_expected'][max(0, at - 15):at + 25]}… "
                  f"-> …{now['body'][max(0, at - 15):at + 25]}…")
        for key in ("slogans", "lists"):
            if clean[key] != now[key]:
                print(f"  {name} {document} {key}: -{sorted(set(map(tuple, clean[key])) - set(map(tuple, now[key])))} "
                      f"+{sorted(set(map(tuple, now[key])) - set(map(tuple, clean[key])))}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Score the local development gold on mangled copies of its excerpts.",
        epilog="example: PYTHONPATH=$PWD .venv/bin/python benchmarks/mangling.py --only clean,one_line --diffs")
    parser.add_argument("--only", help="comma-separated manglings (default: all)")
    parser.add_argument("--diffs", action="store_true", help="print the documents that differ from the clean copy")
    parser.add_argument("-o", "--output", help="write the results as JSON")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(manglings({}))
    try:
        results, details = compare(names)
    except ValueError as error:
        parser.error(str(error))
    if args.diffs:
        for name in results:
            print_diffs(name, details[name])
    documents = len(next(iter(details.values())))
    print(format_table(results, documents))
    if args.output:
        Path(args.output).write_text(json.dumps({"documents": documents, "wrap": WRAP, "results": results},
                                                ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def format_table(results, documents):
    names = list(results)
    head = "| metric | " + " | ".join(names) + " |"
    lines = [head, "|---" * (len(names) + 1) + "|"]

    def cell(value):
        return "-" if not value["total"] else f"{value['correct']}/{value['total']} {value['score']:.2f}"
    for metric in METRICS:
        lines.append(f"| {metric} | " + " | ".join(cell(results[n]["metrics"][metric]) for n in names) + " |")
    lines.append("| topic macro-F1 | " + " | ".join(f"{results[n]['topic_macro_f1']:.2f}" for n in names) + " |")
    for key in ("body", "slogans", "lists"):
        lines.append(f"| same {key} as clean (of {documents}) | "
                     + " | ".join(str(results[n]["same_as_clean"][key] if results[n]["same_as_clean"][key] is not None
                                      else "-") for n in names) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
