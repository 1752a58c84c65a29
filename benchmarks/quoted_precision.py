"""Precision of the quoted policy terms on gold files (the evaluation reports
their recall only).

A gold lists every quoted policy term of its excerpt under ``quoted``: a
slogan of kind ``quoted`` found in quotes (source ``quotes``) whose text is neither there nor a gold numbered
formulation is counted as extra. Each extra is printed with its context, for
reading.

Usage::

    python benchmarks/quoted_precision.py tests/fixtures/gold_local/dev*/*.json [--quiet]
"""

import argparse

from policy_nlp.apps.evaluation import comparable_text, evaluation_pairs, load_gold, simplified_gold


def extras(gold, annotated):
    """The quoted tags of one document that its gold does not list.

    Parameters
    ----------
    gold : dict
        A gold file (``load_gold``).
    annotated : dict
        The pipeline's JSON for the same document.

    Returns
    -------
    int
        The number of quoted tags of the quotes.
    list of (str, str)
        Those not in the gold, each with its context.
    """
    if (annotated.get("meta") or {}).get("converted"):
        gold = simplified_gold(gold)
    wanted = {comparable_text(t) for t in gold.get("quoted") or []}
    wanted |= {comparable_text(e["text"]) for e in gold.get("numbered") or []}
    text = annotated.get("text", "")
    # the decision of the quotes (not the lexicon's terms, nor later mentions)
    tags = [s for s in annotated.get("slogans") or []
            if s.get("kind") == "quoted" and s.get("source") == "quotes"]
    wrong = [(s["text"], text[max(0, s["start"] - 12):s["end"] + 10].replace("\n", " "))
             for s in tags if comparable_text(s["text"]) not in wanted]
    return len(tags), wrong


def main():
    """Print each extra tag and the totals of the gold files given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python benchmarks/quoted_precision.py "
                                            "tests/fixtures/gold_local/dev*/*.json")
    parser.add_argument("golds", nargs="+")
    parser.add_argument("--quiet", action="store_true", help="the totals only")
    args = parser.parse_args()
    pairs = evaluation_pairs([load_gold(p) for p in args.golds])
    tagged = extra = 0
    for gold, annotated in pairs:
        n, wrong = extras(gold, annotated)
        tagged, extra = tagged + n, extra + len(wrong)
        for tag, context in [] if args.quiet else wrong:
            print(f"{gold['document']}: {tag}    …{context}…")
    print(f"quoted tags: {tagged}; not in the gold: {extra}; "
          f"precision {(tagged - extra) / tagged if tagged else 0:.3f}")


if __name__ == "__main__":
    main()
