"""The titles that cleaning reads from a local speech's text alone, compared with the corpus's.

Each development excerpt's ``text`` goes through :func:`~policy_nlp.stages.cleaning.clean_text`
alone (as ``evaluate`` reads a gold's source: no ``title`` column given), and the title read
(``meta["title"]``) is compared with the excerpt's ``title`` field, both in Simplified script
and without blanks. A difference is not always ours: the corpus's title may be the page's (a
model-essay site's 讲话稿范文, a title without its 在), not the speech's. The blind excerpts
are left out (never read).

Usage (from the checkout)::

    PYTHONPATH=$PWD python benchmarks/title_audit.py [--corpus PATH] [--ids] [--before FILE] [--save FILE]

Example: the differing ids with both titles, then saved to compare with a later run::

    PYTHONPATH=$PWD python benchmarks/title_audit.py --save /tmp/titles_before.json
    PYTHONPATH=$PWD python benchmarks/title_audit.py --before /tmp/titles_before.json

``--before`` prints, for every title that changed since the saved run, whether it is now
right (equal to the corpus's), better (closer to it by :class:`difflib.SequenceMatcher`),
worse, or neither.
"""

import argparse
import json
import re
from difflib import SequenceMatcher
from pathlib import Path

from policy_nlp.apps.local_training import gold_excerpt_ids
from policy_nlp.stages.cleaning import clean_text
from policy_nlp.stages.script import to_simplified

CORPUS = Path(__file__).resolve().parents[1] / "../shared/corpora/local_speeches/excerpts.jsonl"


def bare(title):
    """``title`` in Simplified script without blanks, as the two titles are compared."""
    return re.sub(r"\s", "", to_simplified(title or "")[0])


def read_titles(corpus):
    """``{id: (title read, corpus title)}`` of the excerpts outside the blind gold."""
    blind = gold_excerpt_ids(parts=("blind",))  # the blind local gold's excerpts: never read, never printed
    titles = {}
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in blind:
                continue
            titles[record["id"]] = (clean_text(record["text"]).meta.get("title"), record.get("title"))
    return titles


def closeness(read, wanted):
    return SequenceMatcher(None, bare(read), bare(wanted), autojunk=False).ratio()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example (from the checkout):\n"
               "  PYTHONPATH=$PWD python benchmarks/title_audit.py --save /tmp/titles_before.json\n"
               "  (change the code)\n"
               "  PYTHONPATH=$PWD python benchmarks/title_audit.py --before /tmp/titles_before.json")
    parser.add_argument("--corpus", default=str(CORPUS), help="the local excerpts (JSON lines)")
    parser.add_argument("--ids", action="store_true", help="print only the differing ids")
    parser.add_argument("--save", help="save the titles read (JSON) for a later --before")
    parser.add_argument("--before", help="titles saved by an earlier run: say what changed")
    args = parser.parse_args(argv)
    titles = read_titles(args.corpus)
    read = {i: pair for i, pair in titles.items() if pair[0]}
    differ = sorted(i for i, (title, wanted) in read.items() if bare(title) != bare(wanted))
    print(f"{len(titles)} excerpts, {len(read)} titles read, {len(differ)} unlike the corpus's")
    if args.ids:
        print(" ".join(differ))
    else:
        for i in differ:
            print(f"{i}\tread:   {read[i][0]}\n\tcorpus: {read[i][1]}")
    if args.before:
        before = json.loads(Path(args.before).read_text(encoding="utf-8"))
        verdicts = {}
        for i, (title, wanted) in sorted(titles.items()):
            old = before.get(i)
            if bare(old) == bare(title):
                continue
            if bare(title) == bare(wanted):
                verdict = "right"
            elif closeness(title, wanted) > closeness(old, wanted):
                verdict = "better"
            elif closeness(title, wanted) < closeness(old, wanted) or bare(old) == bare(wanted):
                verdict = "worse"
            else:
                verdict = "other"
            verdicts.setdefault(verdict, []).append(i)
            print(f"{verdict}\t{i}\tbefore: {old}\n\t\tnow:    {title}\n\t\tcorpus: {wanted}")
        print("changed:", {verdict: len(ids) for verdict, ids in verdicts.items()} or 0)
    if args.save:
        Path(args.save).write_text(json.dumps({i: pair[0] for i, pair in titles.items()},
                                              ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
