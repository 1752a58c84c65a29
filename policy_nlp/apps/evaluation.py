"""Score annotated documents against hand gold.

Gold files follow ``shared/gold/seed_gold.json``: ``numbered`` (formulations
with the number they claim and their members), ``quoted`` (other quoted
policy terms), ``not_slogans`` (numeral expressions that must not be
tagged), ``lists`` (family, item count, ``first_prefix`` = the first 10
characters from the first item's marker, ``parent_prefix``, the claim) and
``topics`` (a paragraph's opening words -> label). An annotated document is
the pipeline's JSON (see :mod:`policy_nlp.io.output`).

Every metric is a count, ``{"correct", "total", "score"}``, so that
:func:`evaluate_many` can micro-average (sum the counts, then divide); a
metric with nothing to score has ``score`` None.

==========================  ===================================================
metric                      correct / total
==========================  ===================================================
numbered_recall             gold formulations (distinct texts) tagged (in the
                            text or the title: ``meta.title_slogans``) / gold
numbered_precision          tagged texts that are gold formulations / tagged
                            texts (an extra span or a tagged not_slogan counts
                            against it)
not_slogans_tagged          gold not_slogans tagged as formulations / gold
                            not_slogans (an error count: lower is better)
number_accuracy             found formulations with the gold number / found
members_exact               formulations whose members are exactly the gold
                            ones (in order) / gold formulations with members
quoted_recall               gold quoted terms tagged (any kind; text or title)
                            / gold terms
lists_found                 gold lists whose first item is found / gold lists
list_match                  found with the gold family and item count / gold
                            lists (the headline list score)
list_family, list_items     right family, right item count / found lists
list_precision              lists that are gold lists / lists found (only when
                            the gold annotates every list of the document)
list_parent                 right parent item (or none) / found lists
claim_number                claim number as gold (None included) / found lists
claim_count_matches         count_matches as gold (None included) / found
claim_text                  claim text overlaps the gold's (one contains the
                            other) / found lists with a gold claim text
mismatch_flagged            gold count mismatches reported as mismatches /
                            gold count mismatches
topic_accuracy              paragraphs with the gold topic / gold topics whose
                            paragraph is in the annotated text (only when the
                            document has topics; the others are listed in
                            errors["topics_not_found"])
topic_main_area             documents whose main area is the gold's / documents
                            with a gold area: the gold's is the area (not
                            ``general``) of most scored gold paragraphs (any
                            of them on a tie), the found one the area holding most
                            characters of the annotated paragraphs — what a
                            document-level table reports
==========================  ===================================================

Texts are compared after removing blanks, zero-width characters and the
quotes “”「」『』"'; list prefixes compare as "the found text starts with
the gold prefix".
"""

import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from policy_nlp.errors import DocumentError
from policy_nlp.io.reading import normalize, read_text
from policy_nlp.io.rows import read_table
from policy_nlp.stages.cleaning import without_glosses
from policy_nlp.stages.topics.classify import main_area

log = logging.getLogger("policy_nlp")

__all__ = ["load_gold", "gold_text", "evaluate", "evaluate_many", "format_report", "evaluation_pairs", "error_lines",
           "pair_documents", "METRICS", "comparable_text", "normalised_index", "simplified_gold", "score_topics"]

METRICS = (
    "numbered_recall", "numbered_precision", "not_slogans_tagged", "number_accuracy",
    "members_exact", "quoted_recall",
    "lists_found", "list_match", "list_family", "list_items", "list_precision", "list_parent",
    "claim_number", "claim_count_matches", "claim_text", "mismatch_flagged",
    "topic_accuracy", "topic_main_area",
)
_LABELS = {
    "numbered_recall": "numbered formulations: recall",
    "numbered_precision": "numbered formulations: precision",
    "not_slogans_tagged": "plain quantities tagged (lower is better)",
    "number_accuracy": "numbers right (of found)",
    "members_exact": "members exact",
    "quoted_recall": "quoted terms: recall",
    "lists_found": "lists: first item found",
    "list_match": "lists: family + items + first item",
    "list_family": "lists: family right (of found)",
    "list_items": "lists: item count right (of found)",
    "list_precision": "lists: precision",
    "list_parent": "lists: parent right (of found)",
    "claim_number": "claims: number right",
    "claim_count_matches": "claims: count_matches right",
    "claim_text": "claims: text overlaps",
    "mismatch_flagged": "count mismatches flagged",
    "topic_accuracy": "paragraph topics right",
    "topic_main_area": "document main area right",
}

REPO_ROOT = Path(__file__).resolve().parents[2]
_NOISE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff“”「」『』\"']")


def comparable_text(text):
    """Text without blanks, zero-width characters, quotes and pinyin glosses
    (gold written on a glossed page; cleaning removes the glosses).

    >>> comparable_text("“双联” 行动")
    '双联行动'
    >>> comparable_text("八项(xiàng)规(guī)定")
    '八项规定'
    """
    return _NOISE.sub("", without_glosses(text or ""))


# ---------------------------------------------------------------------------
# Gold files and their documents

def load_gold(path: "str | os.PathLike[str]") -> dict[str, Any]:
    """Read a gold file.

    Returns
    -------
    dict
        The gold, with ``"path"`` added (where it was read from).

    Examples
    --------
    >>> gold = load_gold(REPO_ROOT / "tests" / "fixtures" / "gold" / "national_gwr_2019.json")
    >>> gold["source"]["match"], len(gold["lists"]) > 0
    ({'year': '2019'}, True)
    """
    path = Path(path)
    try:
        gold = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise DocumentError(path, f"cannot be read: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise DocumentError(path, f"not a gold file: invalid JSON ({error.msg} at line {error.lineno})") from None
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"not a gold file: not UTF-8 ({error.reason})") from None
    if not isinstance(gold, dict) or not ({"document", "source"} & set(gold)):
        raise DocumentError(path, "not a gold file (no 'document' or 'source')")
    gold["path"] = str(path)
    return gold


def default_shared_root() -> Path:
    """``$POLICY_NLP_SHARED``, or the ``shared`` folder next to the repository,
    or else next to the current folder (``../shared``, as the examples run from
    the checkout's root: an installed package is not in the checkout)."""
    if "POLICY_NLP_SHARED" in os.environ:
        return Path(os.environ["POLICY_NLP_SHARED"])
    beside_repo, beside_here = REPO_ROOT.parent / "shared", Path.cwd().parent / "shared"
    return beside_here if not beside_repo.is_dir() and beside_here.is_dir() else beside_repo


def _matches(record, match):
    return all(str(record.get(key)) == str(value) for key, value in match.items())


def gold_text(gold: dict[str, Any], shared_root: "str | os.PathLike[str] | None" = None, *,
              tables: "dict | None" = None) -> str:
    """The text of the document a gold file annotates, normalised as
    :func:`policy_nlp.io.reading.read_text` does (so offsets agree with the
    pipeline's).

    ``gold["source"]`` names a corpus file relative to ``<shared>/corpora/``
    (JSON Lines or CSV, read as UTF-8 with or without BOM), the ``field``
    holding the text and the ``match`` selecting the record. Without a
    source, ``gold["document"]`` is a file name, looked up in the
    repository's ``corpora/`` and then in ``<shared>/corpora/seed/``.

    Parameters
    ----------
    gold : dict
    shared_root : str or Path, optional
        The shared folder; :func:`default_shared_root` when omitted.
    tables : dict, optional
        ``{corpus path: its rows}`` of the corpus files read so far, filled as
        they are read: a caller looking up many golds reads each corpus once.

    Raises
    ------
    FileNotFoundError
        If the document or corpus file is not there.
    LookupError
        If no record of the corpus matches.

    Examples
    --------
    >>> text = gold_text({"document": "000_49f5c10d9eda79ac.txt"})
    >>> "我讲三点意见" in text
    True
    """
    source = gold.get("source")
    if source:
        path, _, found = _gold_record(gold, shared_root, tables)
        field = source.get("field", "content")
        if found.get(field) is None:
            raise LookupError(f"{path}: no record with {source.get('match', {})} and a {field!r} field")
        return normalize(found[field])[0]
    shared_root = Path(shared_root) if shared_root else default_shared_root()
    name = gold["document"]
    for folder in (REPO_ROOT / "corpora", shared_root / "corpora" / "seed"):
        if (folder / name).is_file():
            return read_text(folder / name)[0]
    raise FileNotFoundError(f"{name}: not in {REPO_ROOT / 'corpora'} "
                            f"nor {shared_root / 'corpora' / 'seed'}")


def _gold_record(gold, shared_root=None, tables=None):
    """``(corpus path, row number, row)`` of the corpus record a gold's ``source``
    names, numbered as the readers number it (``meta.source`` is ``PATH:NUMBER``);
    the corpus read once per ``tables`` (:func:`gold_text`).

    Raises
    ------
    FileNotFoundError, LookupError
        As :func:`gold_text`.
    """
    shared_root = Path(shared_root) if shared_root else default_shared_root()
    source = gold["source"]
    path = shared_root / "corpora" / source["corpus"]
    if not path.is_file():
        raise FileNotFoundError(f"{path}: corpus of gold {gold.get('document')!r} not found")
    match = source.get("match", {})
    if tables is None:
        rows = read_table(path)[1]  # the rows annotate reads
    else:
        if path not in tables:
            tables[path] = list(read_table(path)[1])
        rows = tables[path]
    for number, row in rows:
        if isinstance(row, DocumentError):
            raise row  # a broken row before the record, as a strict read raises it
        if _matches(row, match):
            return path, number, row
    raise LookupError(f"{path}: no record with {match}")


def _source_row(doc):
    """``(path, row number or None)`` of a document's ``meta.source`` (``PATH:NUMBER``)."""
    source = str((doc.get("meta") or {}).get("source", ""))
    path, _, number = source.rpartition(":")
    return (Path(path).as_posix(), int(number)) if number.isdigit() else (Path(source).as_posix(), None)


def _in_corpus(path, corpus):
    """Whether ``path`` (a document's source) is the corpus file ``corpus`` (relative to ``corpora/``)."""
    corpus = Path(corpus).as_posix()
    return path == corpus or path.endswith("/" + corpus)


def _read_from_source(doc, source):
    """Whether ``doc`` was annotated from the corpus record a gold's
    ``source`` names: its ``meta.source`` is that corpus file (``:N``, the
    record's number, after it) and each ``match`` field is its meta's, or
    its id (an ``--id-column`` leaves the field out of meta). Cleaning may
    have changed the text, so the text alone cannot pair it."""
    if not source or not source.get("match") or not source.get("corpus"):
        return False
    meta = doc.get("meta") or {}
    if not _in_corpus(_source_row(doc)[0], source["corpus"]):
        return False
    return all(str(meta.get(key, doc.get("id"))) == str(value) for key, value in source["match"].items())


def _read_from_row(gold, annotated, shared_root, tables=None):
    """The document of ``annotated`` whose ``meta.source`` is the corpus row the gold's
    ``source`` names (its match field renamed or left out of meta: ``--date-column Date``
    moves Date to meta.date), or None."""
    try:
        _, number, _ = _gold_record(gold, shared_root, tables)
    except (OSError, LookupError, DocumentError):
        return None
    return next((doc for doc in annotated if _source_row(doc)[1] == number
                 and _in_corpus(_source_row(doc)[0], gold["source"]["corpus"])), None)


def pair_documents(golds: Sequence[dict[str, Any]], annotated: Sequence[dict[str, Any]],
                   shared_root: "str | os.PathLike[str] | None" = None) -> list[tuple[dict[str, Any], Any]]:
    """Pair gold files with annotated documents.

    A document belongs to a gold when its ``id`` or ``meta["source"]`` names
    the gold's ``document`` (file name or stem), or it was read from the
    corpus record the gold's ``source`` names (:func:`_read_from_source`; or
    its ``meta["source"]`` is that record's row, :func:`_read_from_row`), or
    else when its text is the gold's text (:func:`gold_text`, compared
    without blanks).

    Returns
    -------
    list of (dict, dict or None)
        Each gold with its document (None when none matches).
    """
    annotated = list(annotated)
    by_text = None
    tables: dict[Path, list] = {}  # each corpus file's rows, read once for all the golds
    pairs = []
    for gold in golds:
        name = str(gold.get("document", ""))
        stem = Path(name).stem
        found = None
        for doc in annotated:
            source = str((doc.get("meta") or {}).get("source", ""))
            ident = str(doc.get("id", ""))
            if name and (ident in (name, stem) or Path(source).name == name
                         or Path(ident).stem == stem and stem) or _read_from_source(doc, gold.get("source")):
                found = doc
                break
        if found is None and (gold.get("source") or {}).get("corpus"):
            found = _read_from_row(gold, annotated, shared_root, tables)
        if found is None:
            if by_text is None:
                by_text = {comparable_text(doc.get("text", "")): doc for doc in annotated}
            try:
                found = by_text.get(comparable_text(gold_text(gold, shared_root, tables=tables)))
            except (OSError, LookupError):
                found = None
        pairs.append((gold, found))
    return pairs


def evaluation_pairs(golds, annotated=None, shared_root=None, *, segmenter="fast", clean=True,
                     topic_model="default"):
    """Each gold with the annotated document to score it against.

    Parameters
    ----------
    golds : list of dict
        Gold documents (:func:`load_gold`).
    annotated : list of str or Path, optional
        Annotated ``.jsonl``/``.json`` files or ``annotate`` output folders;
        their documents are paired with the golds by :func:`pair_documents`.
        Without them the pipeline is run on each gold document's text
        (:func:`gold_text`).
    shared_root : str or Path, optional
        The ``shared/`` folder holding ``corpora/`` (default: beside the repo).
    segmenter, clean, topic_model
        How the pipeline annotates when ``annotated`` is not given
        (``topic_model``: a folder made by ``policy-nlp train``, to score it).

    Returns
    -------
    list of (dict, dict or None)
    """
    if annotated:
        from policy_nlp.io.annotated import read_documents
        pairs = pair_documents(golds, list(read_documents(annotated)), shared_root)
        for gold, doc in pairs:  # scored as nothing found: say so, or it reads as the pipeline's miss
            if doc is None:
                log.warning("%s: no annotated document matches this gold (by id, meta.source or text); "
                            "scored as nothing found", gold.get("path") or gold.get("document"))
        return pairs
    from policy_nlp.io.corpus import Record
    from policy_nlp.io.output import doc_to_dict
    from policy_nlp.pipeline.loading import load
    from policy_nlp.run.worker import annotate_record
    nlp = load(segmenter=segmenter, topic_model=topic_model)
    return [(gold, doc_to_dict(annotate_record(
        nlp, Record(str(gold.get("document")), gold_text(gold, shared_root)), clean=clean)))
        for gold in golds]


def error_lines(report):
    """One line per miss and wrong answer of an :func:`evaluate_many` report
    (``DOCUMENT: KIND: ERROR``); topic confusion pairs are left out."""
    for document in report["documents"]:
        for kind, errors in document["errors"].items():
            if kind == "topic_pairs":
                continue
            for error in errors:
                yield f"{document['document']}: {kind}: {error}"


# ---------------------------------------------------------------------------
# Scoring

def _count(correct, total):
    return {"correct": correct, "total": total, "score": correct / total if total else None}


def _prefix(text, start, length=24):
    return comparable_text(text[start:start + length])


def _starts(found, gold_prefix):
    """Whether the found text (normalised) begins with the gold prefix."""
    gold_prefix = comparable_text(gold_prefix)
    return bool(gold_prefix) and found.startswith(gold_prefix)


def _overlaps(a, b):
    a, b = comparable_text(a), comparable_text(b)
    return bool(a and b) and (a in b or b in a)


_GOLD_FIELDS = ("numbered", "quoted", "not_slogans", "lists", "topics")


def simplified_gold(gold):
    """The gold with its strings in Simplified characters, for a document the
    pipeline analysed in a Simplified copy (``meta.converted``): the gold was
    written on the Traditional text, and the copy has the same length."""
    from policy_nlp.stages.script import to_simplified

    def convert(value):
        if isinstance(value, str):
            return to_simplified(value)[0]
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {convert(k): convert(v) for k, v in value.items()}
        return value
    return {**gold, **{key: convert(gold[key]) for key in _GOLD_FIELDS if key in gold}}


def evaluate(gold: dict[str, Any], annotated: dict[str, Any]) -> dict[str, Any]:
    """Score one annotated document against one gold file.

    Parameters
    ----------
    gold : dict
        A gold file (:func:`load_gold`).
    annotated : dict
        The pipeline's JSON for the same document.

    Returns
    -------
    dict
        ``{"document", "metrics": {name: {"correct", "total", "score"}},
        "errors": {...}}``; ``errors`` lists what was missed or wrong, for
        reading.

    Examples
    --------
    >>> text = "我讲两点意见：\\n一、抓项目\\n二、抓落实\\n推进三会一课和236座大棚。"
    >>> gold = {"document": "x", "numbered": [{"text": "三会一课", "number": 4, "members": None}],
    ...         "quoted": [], "not_slogans": ["236座"],
    ...         "lists": [{"family": "一、", "items": 2, "first_prefix": "一、抓项目",
    ...                    "parent_prefix": None, "claim_text": "我讲两点意见",
    ...                    "claim_number": 2, "count_matches": True}]}
    >>> annotated = {"text": text, "paragraphs": [], "slogans": [
    ...     {"start": 22, "end": 26, "text": "三会一课", "kind": "numbered", "number": 4, "members": []},
    ...     {"start": 27, "end": 31, "text": "236座", "kind": "numbered", "number": 236, "members": []}],
    ...     "lists": [{"family": "一、", "level": 0, "parent": None, "parent_item": None,
    ...                "items": [{"start": 8, "end": 13, "marker": "一、"},
    ...                          {"start": 14, "end": 19, "marker": "二、"}],
    ...                "claim": {"start": 0, "end": 6, "text": "我讲两点意见", "number": 2},
    ...                "count_matches": True}]}
    >>> metrics = evaluate(gold, annotated)["metrics"]
    >>> metrics["numbered_recall"]["score"], metrics["numbered_precision"]["score"]
    (1.0, 0.5)
    >>> metrics["not_slogans_tagged"]["correct"], metrics["list_match"]["score"]
    (1, 1.0)
    """
    text = annotated.get("text", "")
    slogans = (annotated.get("slogans") or []) + _title_slogans(annotated.get("meta") or {})
    if (annotated.get("meta") or {}).get("converted"):
        gold = simplified_gold(gold)
    metrics: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    found, gold_numbered = _score_numbered(gold, text, slogans, metrics, errors)
    _score_numbers(found, gold_numbered, metrics, errors)
    _score_members(found, gold_numbered, metrics, errors)
    _score_quoted(gold, text, slogans, metrics, errors)
    _score_lists(gold, annotated, metrics, errors)
    score_topics(gold, annotated, metrics, errors)
    return {"document": gold.get("document") or gold.get("path"),
            "metrics": {name: metrics[name] for name in METRICS}, "errors": errors}


def _title_slogans(meta):
    """The title's slogans (``meta.title_slogans``), compared by their texts as the
    text's are: a gold term printed only in the title is found. In a document read
    in a Simplified copy their texts are made Simplified, as the gold is
    (:func:`simplified_gold`): the title keeps its own characters."""
    from policy_nlp.stages.script import to_simplified
    found = meta.get("title_slogans") or []
    if not meta.get("converted"):
        return found
    return [{**s, "text": to_simplified(s["text"])[0],
             "members": [{**m, "text": to_simplified(m["text"])[0]} for m in s.get("members") or []]}
            for s in found]


def _score_numbered(gold, text, slogans, metrics, errors):
    """Numbered formulations found and missed, as distinct normalised texts.

    Returns the found formulations ({text: [slogans]}) and the gold ones
    ({text: first gold entry}).
    """
    numbered = [s for s in slogans if s.get("kind") != "quoted"]
    found: dict[str, list] = {}
    for slogan in numbered:
        found.setdefault(comparable_text(slogan.get("text") or text[slogan["start"]:slogan["end"]]),
                         []).append(slogan)
    gold_numbered: dict[str, dict] = {}
    for entry in gold.get("numbered") or []:
        gold_numbered.setdefault(comparable_text(entry["text"]), entry)
    hits = [key for key in gold_numbered if key in found]
    metrics["numbered_recall"] = _count(len(hits), len(gold_numbered))
    metrics["numbered_precision"] = _count(sum(key in gold_numbered for key in found),
                                           len(found))
    not_slogans = {comparable_text(t) for t in gold.get("not_slogans") or []}
    tagged = sorted(t for t in not_slogans if t in found)
    metrics["not_slogans_tagged"] = _count(len(tagged), len(not_slogans))
    errors["numbered_missed"] = sorted(key for key in gold_numbered if key not in found)
    errors["numbered_extra"] = sorted(key for key in found if key not in gold_numbered)
    errors["not_slogans_tagged"] = tagged
    return found, gold_numbered


def _score_numbers(found, gold_numbered, metrics, errors):
    """The number claimed, for each gold formulation found (any of its mentions may give it)."""
    hits = [key for key in gold_numbered if key in found]
    right_number, wrong_number = 0, []
    for key in hits:
        numbers = [s.get("number") for s in found[key]]
        if gold_numbered[key].get("number") in numbers:
            right_number += 1
        else:
            wrong_number.append((key, gold_numbered[key].get("number"), numbers[0]))
    metrics["number_accuracy"] = _count(right_number, len(hits))
    errors["wrong_number"] = wrong_number


def _score_members(found, gold_numbered, metrics, errors):
    """Members exactly as the gold spells them, for gold formulations that list members."""
    with_members = [key for key, entry in gold_numbered.items() if entry.get("members")]
    exact, wrong_members = 0, []
    for key in with_members:
        wanted = [comparable_text(m) for m in gold_numbered[key]["members"]]
        candidates = [[comparable_text(m.get("text") if isinstance(m, dict) else m)
                       for m in (s.get("members") or [])] for s in found.get(key, [])]
        if wanted in candidates:
            exact += 1
        else:
            wrong_members.append((key, candidates[0] if candidates else None))
    metrics["members_exact"] = _count(exact, len(with_members))
    errors["wrong_members"] = wrong_members


def _score_quoted(gold, text, slogans, metrics, errors):
    """Gold quoted terms found among all slogans (any kind)."""
    all_texts = {comparable_text(s.get("text") or text[s["start"]:s["end"]]) for s in slogans}
    quoted = [comparable_text(t) for t in gold.get("quoted") or []]
    metrics["quoted_recall"] = _count(sum(1 for t in quoted if t in all_texts), len(quoted))
    errors["quoted_missed"] = [t for t in quoted if t not in all_texts]


def _score_lists(gold, annotated, metrics, errors):
    text = annotated.get("text", "")
    lists = annotated.get("lists") or []
    firsts = [_prefix(text, lst["items"][0]["start"]) for lst in lists]
    gold_lists = gold.get("lists") or []
    used = set()
    found = []                                  # (gold list, found list)
    missed = []
    for entry in gold_lists:
        index = next((i for i, first in enumerate(firsts)
                      if i not in used and _starts(first, entry["first_prefix"])), None)
        if index is None:
            missed.append(entry["first_prefix"])
            continue
        used.add(index)
        found.append((entry, lists[index]))
    metrics["lists_found"] = _count(len(found), len(gold_lists))
    family = [(g, l) for g, l in found if l["family"] == g["family"]]
    items = [(g, l) for g, l in found if len(l["items"]) == g["items"]]
    metrics["list_match"] = _count(sum(1 for g, l in family if len(l["items"]) == g["items"]),
                                   len(gold_lists))
    metrics["list_family"] = _count(len(family), len(found))
    metrics["list_items"] = _count(len(items), len(found))
    # the gold records lists of two items or more; a one-item outline heading
    # (the parent of a list in a cut excerpt) counts only when a gold list names it
    scored = [i for i in range(len(lists)) if i in used or len(lists[i]["items"]) >= 2]
    metrics["list_precision"] = _count(len(used), len(scored))
    errors["lists_missed"] = missed
    errors["lists_wrong"] = [
        {"first_prefix": g["first_prefix"], "gold": [g["family"], g["items"]],
         "found": [l["family"], len(l["items"])]}
        for g, l in found if l["family"] != g["family"] or len(l["items"]) != g["items"]]
    errors["lists_extra"] = [text[lists[i]["items"][0]["start"]:][:10] for i in scored if i not in used]

    parent_right, parent_wrong = 0, []
    for g, l in found:
        parent = None
        if l.get("parent") is not None:
            parent_list = lists[l["parent"]]
            item = parent_list["items"][l.get("parent_item") or 0]
            parent = _prefix(text, item["start"])
        wanted = g.get("parent_prefix")
        if (parent is None and wanted is None) or (
                parent is not None and wanted is not None and _starts(parent, wanted)):
            parent_right += 1
        else:
            parent_wrong.append({"first_prefix": g["first_prefix"], "gold": wanted,
                                 "found": parent and parent[:10]})
    metrics["list_parent"] = _count(parent_right, len(found))
    errors["wrong_parent"] = parent_wrong

    number_right = matches_right = text_right = text_total = 0
    flagged = mismatches = 0
    claim_errors = []
    for g, l in found:
        claim = l.get("claim") or None
        number = claim.get("number") if claim else None
        number_right += number == g.get("claim_number")
        matches_right += l.get("count_matches") == g.get("count_matches")
        if g.get("claim_text"):
            text_total += 1
            text_right += bool(claim) and _overlaps(claim.get("text", ""), g["claim_text"])
        if (number != g.get("claim_number") or l.get("count_matches") != g.get("count_matches")
                or (g.get("claim_text") and not (claim and _overlaps(claim.get("text", ""),
                                                                     g["claim_text"])))):
            claim_errors.append({"first_prefix": g["first_prefix"],
                                 "gold": [g.get("claim_text"), g.get("claim_number"),
                                          g.get("count_matches")],
                                 "found": [claim and claim.get("text"), number,
                                           l.get("count_matches")]})
    for g in gold_lists:
        if g.get("count_matches") is False:
            mismatches += 1
            flagged += any(l.get("count_matches") is False for gg, l in found if gg is g)
    metrics["claim_number"] = _count(number_right, len(found))
    metrics["claim_count_matches"] = _count(matches_right, len(found))
    metrics["claim_text"] = _count(text_right, text_total)
    metrics["mismatch_flagged"] = _count(flagged, mismatches)
    errors["claims_wrong"] = claim_errors


def normalised_index(text):
    """``(normalised text, original offset of each of its characters)``."""
    kept = [(i, ch) for i, ch in enumerate(text) if not _NOISE.match(ch)]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def score_topics(gold, annotated, metrics, errors):
    """A gold topic names its paragraph by the paragraph's opening words; the
    annotated paragraph scored is the one that contains the place where those
    words first occur, so that gold made on a reader's paragraphs can be
    scored whatever units the pipeline cut (hard-wrapped lines, long lines)."""
    text = annotated.get("text", "")
    paragraphs = annotated.get("paragraphs") or []
    topics = gold.get("topics") or {}
    errors["topic_pairs"] = []
    if not topics or not any(p.get("topic") for p in paragraphs):
        metrics["topic_accuracy"] = _count(0, 0)
        metrics["topic_main_area"] = _count(0, 0)
        errors["topics_wrong"] = []
        return
    normalised, offsets = normalised_index(text)
    right, wrong, not_found = 0, [], []
    for opening, label in topics.items():
        at = normalised.find(comparable_text(opening)) if comparable_text(opening) else -1
        position = offsets[at] if at >= 0 else None
        index = None if position is None else next(
            (i for i, p in enumerate(paragraphs) if p["start"] <= position < p["end"]), None)
        if index is None:
            # Not in a paragraph of the annotated text (e.g. a licence footer
            # that cleaning removed): listed, but not a classification error.
            not_found.append((opening, label))
            continue
        found = _label(paragraphs[index].get("topic"))
        errors["topic_pairs"].append((label, found))
        if found == label:
            right += 1
        else:
            wrong.append((opening, label, found))
    metrics["topic_accuracy"] = _count(right, right + len(wrong))
    errors["topics_wrong"] = wrong
    errors["topics_not_found"] = not_found
    _score_main_area([label for label, _ in errors["topic_pairs"]], paragraphs, metrics, errors)


def _label(topic):
    return topic.get("label") if isinstance(topic, dict) else topic


def _score_main_area(gold_labels, paragraphs, metrics, errors):
    """The document's main area: the gold's (most of the scored gold
    paragraphs, ties all kept) against the area holding most characters of
    the annotated paragraphs (``general`` left out on both sides)."""
    counts = {}
    for label in gold_labels:
        if label != "general":
            counts[label] = counts.get(label, 0) + 1
    if not counts:
        metrics["topic_main_area"] = _count(0, 0)
        return
    best = max(counts.values())
    gold_areas = sorted(label for label, n in counts.items() if n == best)
    found, _ = main_area([_label(p.get("topic")) for p in paragraphs], [p["end"] - p["start"] for p in paragraphs])
    metrics["topic_main_area"] = _count(int(found in gold_areas), 1)
    if found not in gold_areas:
        errors["main_area_wrong"] = [(gold_areas, found)]


def macro_f1(pairs: Sequence[tuple[str, str]]) -> "float | None":
    """Macro-averaged F1 over the gold labels of ``(gold, found)`` pairs.

    >>> round(macro_f1([("a", "a"), ("a", "b"), ("b", "b")]), 3)
    0.667
    """
    labels = sorted({gold for gold, _ in pairs})
    if not labels:
        return None
    scores = []
    for label in labels:
        tp = sum(1 for g, f in pairs if g == label and f == label)
        predicted = sum(1 for _, f in pairs if f == label)
        actual = sum(1 for g, _ in pairs if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual
        scores.append(2 * precision * recall / (precision + recall) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate_many(pairs: Iterable[tuple[dict[str, Any], "dict[str, Any] | None"]]) -> dict[str, Any]:
    """Score several (gold, annotated) pairs and micro-average them.

    Returns
    -------
    dict
        ``{"documents": [evaluate(...) per pair], "metrics": summed counts}``.
        A pair whose annotated document is None counts as a document with
        nothing found.
    """
    documents = []
    for gold, annotated in pairs:
        if annotated is None:
            annotated = {"text": "", "paragraphs": [], "slogans": [], "lists": []}
        documents.append(evaluate(gold, annotated))
    totals = {}
    for name in METRICS:
        correct = sum(doc["metrics"][name]["correct"] for doc in documents)
        total = sum(doc["metrics"][name]["total"] for doc in documents)
        totals[name] = _count(correct, total)
    topic_pairs = [pair for doc in documents for pair in doc["errors"].get("topic_pairs", [])]
    return {"documents": documents, "metrics": totals, "topic_macro_f1": macro_f1(topic_pairs)}


def format_report(report: dict[str, Any], max_columns: int = 8) -> str:
    """A readable table of a report of :func:`evaluate` or :func:`evaluate_many`.

    Each cell is ``correct/total score``; a column per document, and ``all``
    (micro-averaged) when there are several.

    Examples
    --------
    >>> report = {"document": "d", "metrics": {n: {"correct": 1, "total": 2, "score": 0.5}
    ...                                       for n in METRICS}}
    >>> print(format_report(report).splitlines()[2].split("  ")[0])
    numbered formulations: recall
    >>> format_report(report).splitlines()[2].split()[-2:]
    ['1/2', '0.50']
    """
    if "documents" in report:
        columns = [(str(doc["document"]), doc["metrics"]) for doc in report["documents"]]
        if len(columns) > max_columns:
            columns = []  # many documents: the micro-average only (--json has each)
        if len(columns) != 1:
            columns.append(("all", report["metrics"]))
    else:
        columns = [(str(report.get("document")), report["metrics"])]

    def cell(value):
        if not value["total"]:
            return "-"
        return f"{value['correct']}/{value['total']} {value['score']:.2f}"

    width = max(len(label) for label in _LABELS.values()) + 2
    widths = [max(len(name), 12) for name, _ in columns]
    for i, (_, metrics) in enumerate(columns):
        widths[i] = max(widths[i], *(len(cell(metrics[name])) for name in METRICS))
    lines = ["metric".ljust(width) + "  ".join(n.rjust(w) for (n, _), w in zip(columns, widths))]
    lines.append("-" * len(lines[0]))
    for name in METRICS:
        lines.append(_LABELS[name].ljust(width) + "  ".join(
            cell(metrics[name]).rjust(w) for (_, metrics), w in zip(columns, widths)))
    if report.get("topic_macro_f1") is not None:
        lines.append("paragraph topics: macro-F1".ljust(width) + f"{report['topic_macro_f1']:.2f}")
    return "\n".join(lines)
