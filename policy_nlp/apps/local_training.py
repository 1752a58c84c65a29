"""Weakly labelled paragraphs of local leaders' speeches, for the default model.

Local speeches (county, district, township, city) rarely have the topical
section headings that label national reports; their **titles and occasions**
name the area instead (全县安全生产工作会议 -> governance_security). Each
excerpt of ``local_speeches/excerpts.jsonl`` is cleaned and cut into
paragraph-sized units (paragraphs; a long one at sentence ends into pieces of
about :data:`UNIT_CHARS` characters), and each unit is labelled:

* a speech bridge or a short line (同志们, 下面我讲三点意见, agenda) -> ``general``;
* else the area its title or occasion names
  (:func:`policy_nlp.stages.topics.context.title_topic`), unless the unit's own
  policy terms point clearly to another area, which then wins;
* a unit of a document whose title names no area takes its own terms' label
  when they are clear, else it is left out;
* a unit labelled by hand (``corpora/topic_labels/local_hand_labels.jsonl``)
  takes its hand label instead.

The excerpts of the local gold (``tests/fixtures/gold_local/``, development
and blind parts) are never used, and the held-out split is never opened.
"""

import json
import re
from pathlib import Path

from policy_nlp.lang.chars import CLAUSE_END_RE
from policy_nlp.stages.cleaning import clean_text, without_glosses
from policy_nlp.stages.paragraphs import find_paragraphs
from policy_nlp.stages.script import to_simplified
from policy_nlp.stages.topics.context import title_topic
from policy_nlp.stages.topics import heading_level, is_boilerplate, keyword_scores

__all__ = ["LOCAL_CORPUS", "gold_excerpt_ids", "units", "kept_units", "read_hand_labels", "local_examples",
           "gold_examples", "local_lexicon_candidates"]

LOCAL_CORPUS = ("local_speeches", "excerpts.jsonl")
REPO = Path(__file__).resolve().parents[2]
GOLD_LOCAL = REPO / "tests" / "fixtures" / "gold_local"
UNIT_CHARS = 300
_BRIDGE = re.compile(r"^(同志们|各位|尊敬的|女士们|朋友们|下面|现在|刚才|会议(要求|议程|的主要)|今天|首先，请|请.{0,8}(讲话|发言))")
_MIN_CHARS = 40


# the scored parts of the local gold; ``dev_patterns/`` to ``dev_patterns4/``
# annotate excerpts that were hand-labelled for training before (their topic
# maps, where given, are not scored)
GOLD_PARTS = ("dev", "blind")


def gold_excerpt_ids(folder=GOLD_LOCAL, parts=GOLD_PARTS):
    """Ids of the excerpts annotated in the scored local gold (never trained on)."""
    ids = set()
    paths = [p for part in parts for p in (Path(folder) / part).glob("*.json")]
    for path in paths:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        match = (gold.get("source") or {}).get("match") or {}
        if "id" in match:
            ids.add(str(match["id"]))
    return ids


def units(text):
    """Paragraph-sized units of a text: its paragraphs, a long one cut after
    the sentence end that passes :data:`UNIT_CHARS` characters.

    Examples
    --------
    >>> units("同志们：\\n" + "抓好安全生产。" * 60)[0]
    '同志们：'
    >>> max(len(u) for u in units("抓好安全生产。" * 200)) <= 310
    True
    """
    out = []
    for paragraph in _joined_lines(text):
        while len(paragraph) > UNIT_CHARS + 100:
            cut = next((m.end() for m in CLAUSE_END_RE.finditer(paragraph, UNIT_CHARS)), None)
            if cut is None or cut >= len(paragraph) - 20:
                break
            out.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        if paragraph:
            out.append(paragraph)
    return out


def kept_units(text):
    """The units of a cleaned excerpt that are not boilerplate, in order: what
    a hand label's ``index`` counts (``corpora/topic_labels/local_hand_labels.jsonl``)."""
    return [unit for unit in units(text) if not is_boilerplate(unit)]


def _joined_lines(text):
    """Paragraphs, with lines broken mid-sentence (hard-wrapped pages) joined
    to the line after them."""
    joined, open_line = [], ""
    # The hand labels (corpora/topic_labels) were given to units cut on line
    # breaks: runs of spaces and outline headings in a long line do not cut
    # them, so the labels stay on their units.
    for start, end in find_paragraphs(text, space_runs=False, headings=False):
        line = text[start:end].strip()
        open_line += line
        if (CLAUSE_END_RE.search(line[-1:]) or line.endswith(("：", ":"))
                or heading_level(line) is not None or len(line) > 60):
            joined.append(open_line)
            open_line = ""
    if open_line:
        joined.append(open_line)
    return joined


def _own_label(text):
    """The unit's own area from its policy terms, when they are clear."""
    scores = keyword_scores(text)
    total = sum(scores.values())
    best = max(scores, key=scores.get) if scores else None
    if best and scores[best] >= 3 and scores[best] >= 0.6 * total:
        return best
    return None


def label_unit(text, area):
    """The weak label of one unit of a document whose title names ``area``.

    Examples
    --------
    >>> label_unit("同志们：", "governance_security")
    'general'
    >>> label_unit("要认真开展隐患排查，层层落实安全生产责任，对重点企业逐一检查，确保不发生重特大事故。", "governance_security")
    'governance_security'
    """
    stripped = text.strip()
    if len(stripped) < _MIN_CHARS or _BRIDGE.match(stripped):
        return "general" if heading_level(stripped) is None else area
    own = _own_label(stripped)
    if area is None:
        return own
    return own if own not in (None, area) else area


def read_hand_labels(path):
    """``{(excerpt id, unit index): (opening, label)}`` from a hand-label file
    (``corpora/topic_labels/local_hand_labels.jsonl``: id, index, opening,
    label; ``index`` counts the excerpt's units without boilerplate ones)."""
    labels = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                labels[(str(row["id"]), int(row["index"]))] = (row["opening"], row["label"])
    return labels


def local_examples(corpus_path, exclude_ids=None, hand_labels=None):
    """Weakly labelled units of the local speech development corpus.

    Parameters
    ----------
    corpus_path : Path
        ``local_speeches/excerpts.jsonl``.
    exclude_ids : set of str, optional
        Excerpts never to use (default: the local gold's, :func:`gold_excerpt_ids`).
    hand_labels : dict, optional
        ``{(id, index): (opening, label)}`` (:func:`read_hand_labels`): a
        unit whose first 12 characters are an opening of its excerpt takes
        that hand label (the nearest index when the opening repeats; source
        ``hand``); the others keep their weak label (a changed cut of units
        is then visible as fewer ``hand`` examples).

    Returns
    -------
    list of dict
        ``{"text", "label", "source", "corpus", "doc", "index"}`` as in
        ``build_training_set`` of ``models/topics-default/recipe.py`` (the default
        model's recipe, a script outside the package).
    """
    examples = []
    by_opening = {}   # (id, opening) -> [(index, label)]: a unit is known by its opening words
    for (doc, index), (opening, label) in (hand_labels or {}).items():
        by_opening.setdefault((doc, opening), []).append((index, label))
    for record, text in _excerpts(corpus_path, exclude_ids):
        area = title_topic(record.get("occasion")) or title_topic(record.get("title"))
        for index, unit in enumerate(kept_units(text)):
            # the nearest hand-labelled unit with these opening words (cleaning
            # that drops a unit before it shifts the indexes, not the openings)
            labelled = by_opening.get((record["id"], unit[:12]))
            hand = None
            if labelled:
                nearest = min(labelled, key=lambda item: abs(item[0] - index))
                labelled.remove(nearest)
                hand = nearest[1]
            label = hand or label_unit(unit, area)
            if label:
                source = "hand" if hand else "title" if label == area else "local_terms"
                examples.append({"text": unit, "label": label, "source": source,
                                 "corpus": "/".join(LOCAL_CORPUS), "doc": record["id"],
                                 "index": index})
    return examples


def gold_examples(corpus_path, gold_paths, skip_ids=()):
    """Paragraphs of local gold excerpts labelled with their gold topics.

    A gold topic names its paragraph by its opening words (as
    :func:`policy_nlp.apps.evaluation.evaluate` scores it); the paragraph
    runs in the cleaned excerpt from those words to the next gold opening
    (the last one to the end of its line), cut into units as
    :func:`units` cuts any paragraph, each unit taking the gold label
    (source ``gold``).

    Parameters
    ----------
    corpus_path : Path
        ``local_speeches/excerpts.jsonl``.
    gold_paths : iterable of Path
        Gold files of that corpus (the development part only: the blind
        part is never trained on).
    skip_ids : iterable of str
        Excerpts to leave out (e.g. those already labelled by hand).

    Returns
    -------
    list of dict
        ``{"text", "label", "source", "corpus", "doc", "index"}`` as
        :func:`local_examples` (``index`` counts the excerpt's gold units).
    """
    from policy_nlp.apps.evaluation import comparable_text, load_gold, normalised_index
    wanted, skip = {}, set(skip_ids)
    for path in gold_paths:
        gold = load_gold(path)
        match = (gold.get("source") or {}).get("match") or {}
        if "id" in match and str(match["id"]) not in skip and gold.get("topics"):
            wanted[str(match["id"])] = gold["topics"]
    examples = []
    for record, text in _excerpts(corpus_path, exclude_ids=()):
        if record["id"] not in wanted:
            continue
        # The cleaned text is in Simplified characters without pinyin glosses;
        # the gold was written on the page as it came.
        normalised, offsets = normalised_index(text)
        found, start = [], 0
        for opening, label in wanted[record["id"]].items():  # in document order
            key = comparable_text(to_simplified(without_glosses(opening))[0])
            at = normalised.find(key, start) if key else -1
            if at >= 0:
                found.append((offsets[at], label))
                start = at + 1
        for n, (position, label) in enumerate(found):
            end = found[n + 1][0] if n + 1 < len(found) else len(text)
            pieces = units(text[position:end])
            for piece in pieces if n + 1 < len(found) else pieces[:1]:
                if not is_boilerplate(piece):
                    examples.append({"text": piece, "label": label, "source": "gold",
                                     "corpus": "/".join(LOCAL_CORPUS), "doc": record["id"],
                                     "index": len([e for e in examples if e["doc"] == record["id"]])})
    return examples


def _excerpts(corpus_path, exclude_ids):
    """``(record, cleaned text)`` of each excerpt of the corpus file, but those of
    ``exclude_ids`` (default: the local gold's, :func:`gold_excerpt_ids`)."""
    exclude = gold_excerpt_ids() if exclude_ids is None else set(exclude_ids)
    with open(corpus_path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if record["id"] in exclude:
                continue
            yield record, clean_text(record["text"]).text


def local_lexicon_candidates(corpus_path, exclude_ids=None, min_docs=2):
    """Candidate local formulations and quoted terms, mined from the local
    speech development corpus for curation into ``policy_lexicon.tsv``.

    Parameters
    ----------
    corpus_path : Path
        ``local_speeches/excerpts.jsonl`` (never the held-out split).
    exclude_ids : set of str, optional
        Excerpts never to mine (default: the local gold's, development and
        blind parts, :func:`gold_excerpt_ids`), so that the lexicon does not
        learn the gold's answers.
    min_docs : int
        Keep candidates found in at least this many excerpts.

    Returns
    -------
    list of dict
        :func:`policy_nlp.stages.lexicon.mine_lexicon` candidates of the
        cleaned excerpts (Traditional text read in its Simplified copy).
    """
    from policy_nlp.stages.lexicon import mine_lexicon
    from policy_nlp.stages.script import is_traditional, to_simplified
    if "heldout" in str(corpus_path):
        raise ValueError(f"{corpus_path}: a held-out split is never mined")
    documents = [(record["id"], to_simplified(text)[0] if is_traditional(text) else text)
                 for record, text in _excerpts(corpus_path, exclude_ids)]
    return mine_lexicon(documents, min_docs=min_docs)
