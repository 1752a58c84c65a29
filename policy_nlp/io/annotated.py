"""The one reader of annotated output (what ``policy-nlp annotate`` writes).

:func:`find_annotated` finds the annotations file(s) of a path and the errors
file beside each; :func:`read_annotated` reads one file's records (a line that
is not JSON is named by file and line); :func:`check_annotated` says what is
wrong with a record; :func:`read_documents` yields the documents of files,
folders and dicts, raising on a record that is not an annotated document.
``apps.view``, ``apps.report``, ``apps.tables``, ``apps.trace`` and
``apps.evaluation`` (``--annotated``) read through them, so every command finds
the same files in an output folder.
"""

import json
import logging
from pathlib import Path
from typing import Any, Iterable, Iterator

from policy_nlp.errors import DocumentError

log = logging.getLogger("policy_nlp")

__all__ = ["find_annotated", "read_annotated", "annotated_records", "check_annotated", "is_annotated",
           "read_errors", "read_documents", "OUTPUT_FILES", "ANNOTATED_KEYS"]

# The keys that make a JSON object an annotated document rather than a raw input.
ANNOTATED_KEYS = ("text", "paragraphs", "sentences", "slogans", "lists")

# the annotations file of a folder from 'policy-nlp annotate -o DIR' (--format jsonl, json or spacy)
OUTPUT_FILES = ("annotations.jsonl", "annotations.json", "annotations.spacy")


def is_annotated(obj):
    """True for a dict that is an annotated document (not a raw input record)."""
    return isinstance(obj, dict) and all(key in obj for key in ANNOTATED_KEYS)


def _first_object(path):
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        if path.suffix.lower() == ".jsonl":
            for line in f:
                if line.strip():
                    try:
                        return json.loads(line)
                    except json.JSONDecodeError:
                        return None
            return None
        try:
            obj = json.load(f)
        except json.JSONDecodeError:
            return None
        return obj[0] if isinstance(obj, list) and obj else obj


def _holds_annotated(path):
    """A .jsonl/.json file whose first record is an annotated document, or a DocBin (.spacy: only
    annotate writes one)."""
    suffix = path.suffix.lower()
    return suffix in (".jsonl", ".json", ".spacy") and path.is_file() and (
        suffix == ".spacy" or is_annotated(_first_object(path)))


def _errors_beside(file):
    """``NAME.errors.jsonl`` beside ``NAME.jsonl`` (annotate -o NAME.jsonl), else the folder's
    ``errors.jsonl`` (annotate -o DIR), or None."""
    for candidate in (file.with_name(file.stem + ".errors.jsonl"), file.parent / "errors.jsonl"):
        if candidate.is_file() and candidate != file:
            return candidate
    return None


def _folder_files(folder):
    """The annotations file(s) of a folder (see :func:`find_annotated`)."""
    written = [folder / name for name in OUTPUT_FILES if (folder / name).is_file()]
    if len(written) > 1:  # runs in two formats: the latest one is the folder's output
        written.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        log.warning("%s: %s; reading the newest, %s", folder, " and ".join(p.name for p in written),
                    written[0].name)
    if written:
        return written[:1]
    # annotate -o DIR/NAME.jsonl, several times: the annotated files, not a raw input beside them
    return [p for p in sorted(folder.iterdir()) if not p.name.startswith(".")
            and not p.name.endswith("errors.jsonl") and _holds_annotated(p)]


def find_annotated(path, *, raw=False):
    """``[(annotations file, errors file or None)]`` of a file or an output folder.

    A folder written by ``policy-nlp annotate -o DIR`` gives its
    ``annotations.jsonl`` (or ``annotations.json`` of ``--format json``,
    ``annotations.spacy`` of ``--format spacy``; the newest when several are
    there); another folder gives its ``.spacy`` files and its ``.jsonl``/``.json``
    files whose first record is an annotated document. The errors file is
    ``NAME.errors.jsonl`` beside ``NAME.jsonl``, else ``errors.jsonl`` in the
    same folder.

    Parameters
    ----------
    path : str or Path
    raw : bool
        False (report, export, trace, evaluate): a file is read as given (its
        records that are not annotated documents are reported by the reader)
        and a folder without annotated output raises FileNotFoundError. True
        (view, which annotates raw inputs): a file whose first record is not
        an annotated document, and such a folder, give ``[]``.

    Raises
    ------
    FileNotFoundError
        ``path`` does not exist, or (``raw=False``) is a folder without annotated output.
    """
    path = Path(path)
    if path.is_dir():
        files = _folder_files(path)
        if not files and not raw:
            raise FileNotFoundError(f"{path}: no annotations.jsonl (or other annotated .jsonl/.json) "
                                    "in this folder")
    elif path.is_file():
        files = [path] if not raw or _holds_annotated(path) else []
    else:
        raise FileNotFoundError(f"{path}: no such file or folder")
    return [(file, _errors_beside(file)) for file in files]


def _json_records(path, errors):
    try:
        obj = json.loads(path.read_text(encoding="utf-8-sig"))
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError
        if isinstance(error, json.JSONDecodeError):
            source, reason = f"{path}:{error.lineno}", f"invalid JSON ({error.msg})"
        else:
            source, reason = str(path), f"not UTF-8 ({error.reason} at byte {error.start})"
        if errors is None:
            raise ValueError(f"{source}: {reason}") from None
        errors.append({"id": None, "source": source, "reason": reason})
        return
    objs = obj if isinstance(obj, list) else [obj]
    yield from ((f"{path} (document {number})", o) for number, o in enumerate(objs, start=1))


def _docbin_records(path, errors):
    """The documents of a DocBin (``annotate --format spacy``) as the JSON they were written from."""
    from policy_nlp.io.output import doc_to_dict, read_docbin
    try:
        docs = read_docbin(path)
    except DocumentError as error:  # not a DocBin, or a damaged one (named by read_docbin)
        if errors is None:
            raise
        errors.append({"id": None, "source": str(path), "reason": error.reason})
        return
    yield from ((f"{path} (document {number})", doc_to_dict(doc)) for number, doc in enumerate(docs, start=1))


def annotated_records(path, errors=None):
    """Yield ``(source, record)`` of an annotated file: ``source`` is ``FILE:LINE`` of a
    JSONL line, ``FILE (document N)`` in a JSON file or a DocBin (``.spacy``, read as the
    JSON its Docs give).

    A line that is not JSON (or not UTF-8), or a file that is no DocBin, raises
    ValueError naming it; when ``errors`` is a list, it is appended there instead
    (``{"id", "source", "reason"}``) and the other lines are read.
    """
    path = Path(path)
    whole = {".json": _json_records, ".spacy": _docbin_records}.get(path.suffix.lower())
    if whole is not None:  # read whole, not line by line
        yield from whole(path, errors)
        return
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{number}", json.loads(line.removeprefix(b"\xef\xbb\xbf") if number == 1 else line)
            except ValueError as error:  # JSONDecodeError, UnicodeDecodeError
                reason = f"invalid JSON ({error.msg})" if isinstance(error, json.JSONDecodeError) else \
                    f"not UTF-8 ({error.reason} at byte {error.start})"
                if errors is None:
                    raise ValueError(f"{path}:{number}: {reason}") from None
                errors.append({"id": None, "source": f"{path}:{number}", "reason": reason})


def read_annotated(path, errors=None):
    """Yield the records of a JSONL file (one per line) or a JSON file (one
    document or a list of them); errors as :func:`annotated_records`."""
    for _, record in annotated_records(path, errors):
        yield record


def _is_offset(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _span_problem(obj, where, n, frame="the text"):
    if not isinstance(obj, dict):
        return f"{where} is not an object"
    start, end = obj.get("start"), obj.get("end")
    if not (_is_offset(start) and _is_offset(end)):
        return f"{where}: offsets {start!r}, {end!r} are not integers"
    if not 0 <= start <= end <= n:
        return f"{where}: offsets {start}-{end} outside {frame} ({n} characters)"
    return None


def _problems(data, n):
    for name in ("paragraphs", "sentences", "slogans", "lists"):
        if not isinstance(data.get(name) or [], list):
            yield f"{name} is not a list"
            return
    for i, para in enumerate(data.get("paragraphs") or []):
        yield _span_problem(para, f"paragraphs[{i}]", n)
        if para.get("topic") is not None and not isinstance(para["topic"], dict):
            yield f"paragraphs[{i}].topic is not an object"
    for i, slogan in enumerate(data.get("slogans") or []):
        yield _span_problem(slogan, f"slogans[{i}]", n)
        yield from _part_problems(slogan, f"slogans[{i}]", "members", n)
    meta = data.get("meta") or {}
    titled = meta.get("title_slogans") or []   # offsets into the title, not the text
    if titled and not (isinstance(titled, list) and isinstance(meta.get("title"), str)):
        yield "meta.title_slogans is not a list of spans of meta.title"
        return
    for i, slogan in enumerate(titled):
        yield _span_problem(slogan, f"meta.title_slogans[{i}]", len(meta["title"]), "the title")
        yield from _part_problems(slogan, f"meta.title_slogans[{i}]", "members", len(meta["title"]),
                                  frame="the title")
    for i, lst in enumerate(data.get("lists") or []):
        yield _span_problem(lst, f"lists[{i}]", n)
        yield from _part_problems(lst, f"lists[{i}]", "items", n, check=_marker_problem)
        if lst.get("claim") is not None:
            yield _span_problem(lst["claim"], f"lists[{i}].claim", n)


def _part_problems(span, where, field, n, check=None, frame="the text"):
    """Problems of the spans in ``span[field]`` (a slogan's members, a list's
    items), each followed by ``check(part, where)`` when given."""
    parts = span.get(field) or []
    if not isinstance(parts, list):
        yield f"{where}.{field} is not a list"
        return
    for j, part in enumerate(parts):
        yield _span_problem(part, f"{where}.{field}[{j}]", n, frame)
        if check is not None:
            yield check(part, f"{where}.{field}[{j}]")


def _marker_problem(item, where):
    if not isinstance(item.get("marker"), str):
        return f"{where}: marker {item.get('marker')!r} is not a string"
    return None


def check_annotated(data):
    """The first structural problem of an annotated document, or None.

    What the view and the report rely on: ``text`` a string, ``meta`` an
    object, every span (paragraph, slogan, member, list, list item, claim) an
    object with integer offsets inside the text (a title's slogan inside
    ``meta.title``), list markers strings. A
    record edited by hand or by another tool can break any of these; it is
    then reported and skipped, not rendered half-way.

    Examples
    --------
    >>> check_annotated({"text": "今天开会。", "meta": {}, "paragraphs": [{"start": "0", "end": 5}],
    ...                  "sentences": [], "slogans": [], "lists": []})
    "paragraphs[0]: offsets '0', 5 are not integers"
    """
    if not isinstance(data, dict):
        return "not a JSON object"
    text = data.get("text")
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not a string"
    if not isinstance(data.get("meta") or {}, dict):
        return "meta is not an object"
    return next((problem for problem in _problems(data, len(text)) if problem), None)


def read_errors(path):
    """The rows (``{"id", "source", "reason"}``) of an errors file (``errors.jsonl``);
    a line that is not JSON is a row saying so."""
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                row = {"id": None, "source": f"{path}:{number}", "reason": "unreadable line in the errors file"}
            if isinstance(row, dict):
                rows.append({"id": row.get("id"), "source": row.get("source"), "reason": row.get("reason")})
    return rows


def read_documents(inputs: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Yield the annotated documents of files and ``annotate`` output folders.

    Parameters
    ----------
    inputs : iterable of str or Path, or of dict
        Annotated ``.jsonl``/``.json`` files, output folders
        (:func:`find_annotated`), or documents already loaded as dicts.

    Raises
    ------
    ValueError
        A line that is not JSON, or a record without ``id`` and ``text``,
        named by file and line.
    """
    for item in inputs:
        if isinstance(item, dict):
            yield item
            continue
        for file, _ in find_annotated(item):
            for source, data in annotated_records(file):
                if not isinstance(data, dict) or "text" not in data or "id" not in data:
                    raise ValueError(f"{source}: not an annotated document (no 'id' and 'text'); "
                                     "give the output of 'policy-nlp annotate'")
                yield data

