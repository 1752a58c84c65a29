"""Annotate a corpus: parallel, resumable, and never stopped by a bad file.

Results go to a JSONL file one whole line per document, flushed as they come,
so a run killed at any moment leaves only complete lines; rerunning the same
command skips the documents already done (same id and same content hash) and
truncates a torn last line. Documents that fail go to an errors file
``(id, source, reason)`` and the run goes on; the summary says how many were
done, skipped and failed, and at what speed.

Workers are processes, each loading the pipeline once. Batches are sized by
characters, not documents, because a 30,000-character report costs as much as
a hundred short letters; results are written in input order, so the same input
gives the same output file whatever the number of workers.
"""

import collections
import functools
import json
import logging
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from policy_nlp.io.corpus import Record, read_inputs
from policy_nlp.errors import DocumentError
from policy_nlp.io.output import DocumentWriter, doc_to_json

log = logging.getLogger("policy_nlp")
SUFFIXES = {"jsonl": ".jsonl", "json": ".json", "spacy": ".spacy"}


@dataclass
class Summary:
    """What a corpus run did."""
    done: int = 0
    skipped: int = 0
    failed: int = 0
    chars: int = 0
    seconds: float = 0.0
    output: str = ""
    errors: str = ""
    failures: list = field(default_factory=list)
    repeated_ids: list = field(default_factory=list)

    @property
    def chars_per_second(self):
        return self.chars / self.seconds if self.seconds else 0.0

    def __str__(self):
        return (f"done {self.done}, skipped {self.skipped} (already done), failed {self.failed}; "
                f"{self.chars:,} chars in {self.seconds:.1f} s ({self.chars_per_second:,.0f} chars/s)"
                f" -> {self.output}" + (f"; errors in {self.errors}" if self.failed else ""))


def output_paths(output, format):
    """The annotations file and errors file for ``-o OUTPUT``.

    A path ending in the format's suffix is the file itself; anything else is
    a folder that gets ``annotations.<suffix>`` and ``errors.jsonl``.
    """
    output = Path(output)
    if output.suffix == SUFFIXES[format]:
        return output, output.with_name(output.stem + ".errors.jsonl")
    return output / f"annotations{SUFFIXES[format]}", output / "errors.jsonl"


def completed(path):
    """``{(id, sha1)}`` of the complete lines of a JSONL output; a torn last
    line (a run killed mid-write) is cut off the file."""
    done = set()
    if not path.exists():
        return done
    good_bytes = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                break
            done.add((data["id"], data["meta"].get("sha1")))
            good_bytes += len(line)
    if good_bytes != path.stat().st_size:
        with open(path, "r+b") as f:
            f.truncate(good_bytes)
    return done


def _drop_superseded(path, ids):
    """Remove the lines of documents whose text changed since they were
    annotated (they are annotated again), so that no id appears twice."""
    if not ids:
        return
    kept = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
            if json.loads(line)["id"] not in ids]
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("".join(kept), encoding="utf-8")
    os.replace(temporary, path)
    log.info("%d documents changed since the last run: annotating them again", len(ids))


# --- the work one worker does -------------------------------------------

_NLP = None
_SETTINGS = None


def _load_pipeline(settings):
    """Load the pipeline of ``settings`` into this process, with its models.

    Called once in the parent before worker processes fork: a bad setting
    fails here, once, with its own message (not in every worker, forever),
    and the workers share the loaded models' pages copy-on-write.
    """
    global _NLP, _SETTINGS
    from policy_nlp.pipeline.loading import load
    if _NLP is not None and _SETTINGS == dict(settings):
        return  # already loaded in this process (a second run, a benchmark)
    _SETTINGS = dict(settings)
    _NLP = load(**{k: v for k, v in _SETTINGS.items() if k not in ("clean", "format")})
    _NLP("各位代表：现在，我代表国务院，向大会报告政府工作。")  # loads segmenter, lexicon, topic model


def annotate(text, nlp=None, *, clean=True, id=None, meta=None):
    r"""Annotate one raw text the way a corpus run does: normalise it, remove
    web page furniture (kept in ``doc._.meta["removed"]``), extract its
    metadata, and run the pipeline.

    ``nlp(text)`` runs only the pipeline; use this for text copied from the web.

    Examples
    --------
    >>> import policy_nlp
    >>> nlp = policy_nlp.load(stages=["paragraphs"], lexicon=False)
    >>> doc = policy_nlp.annotate("分享到:\n\n同志们：\n今天开会。", nlp)
    >>> doc.text, doc._.meta["salutation"], doc._.meta["removed"][0]["reason"]
    ('同志们：\n今天开会。', '同志们', 'share widget')
    """
    from policy_nlp.io.corpus import _record
    from policy_nlp.pipeline.loading import load
    record = _record(id, text, dict(meta or {}))
    if id is None:  # derived from the content, like the readers' ids
        record.id = record.meta["sha1"][:12]
    return annotate_record(nlp if nlp is not None else load(), record, clean=clean)


def annotate_record(nlp, record, clean=True):
    """Annotate one :class:`~policy_nlp.io.corpus.Record` into a ``Doc``."""
    text, meta = record.text, dict(record.meta)
    if clean:
        from policy_nlp.stages.cleaning import clean_text
        cleaned = clean_text(text)
        text = cleaned.text
        for key, value in cleaned.meta.items():  # fields given with the input win
            meta.setdefault(key, value)
        if cleaned.removed:
            meta["removed"] = cleaned.removed
        if cleaned.converted:  # the text is the Simplified copy; these give the original back
            meta["converted"] = {"from": "traditional", "changed": len(cleaned.converted),
                                 "chars": cleaned.converted}
    from policy_nlp.stages.places import enrich_meta
    meta = enrich_meta(meta, text)  # ISO date, year, place, level (given values win)
    if not text.strip():
        raise DocumentError(meta.get("source", record.id), "no text left to annotate"
                            + (" after removing page furniture" if clean else ""))
    # The stages see the document's metadata (the topics stage reads its title).
    doc = nlp.make_doc(text)
    doc._.id = record.id
    doc._.meta = meta
    return nlp(doc)


def _annotate_batch(records):
    """Annotate a batch in a worker: ``[(record, payload or None, error or None)]``."""
    results = []
    for record in records:
        try:
            doc = annotate_record(_NLP, record, clean=_SETTINGS.get("clean", True))
            # The worker serialises: the parent only writes finished lines.
            payload = doc.to_bytes() if _SETTINGS.get("format") == "spacy" else doc_to_json(doc)
            results.append((record.id, record.meta, len(record.text), payload, None))
        except Exception as error:  # one document's failure never stops the run
            reason = error.reason if isinstance(error, DocumentError) else f"{type(error).__name__}: {error}"
            results.append((record.id, record.meta, len(record.text), None, reason))
    return results


def batches(records, batch_chars):
    """Group records into batches of about ``batch_chars`` characters."""
    batch, size = [], 0
    for record in records:
        batch.append(record)
        size += len(record.text)
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# --- the run -------------------------------------------------------------

class Progress:
    """A progress bar on a terminal, plain log lines elsewhere, or nothing."""

    def __init__(self, total_chars, quiet=False, stream=None, every=10.0):
        stream = stream if stream is not None else sys.stderr
        self.quiet, self.stream, self.every = quiet, stream, every
        self.start = self.last = time.time()
        self.docs = self.chars = 0
        self.bar = None
        if not quiet and stream.isatty():
            from tqdm import tqdm
            self.bar = tqdm(total=total_chars, unit="char", unit_scale=True, file=stream,
                            desc="annotating")

    def update(self, docs, chars):
        self.docs += docs
        self.chars += chars
        elapsed = max(time.time() - self.start, 1e-9)
        if self.bar is not None:
            self.bar.set_postfix(docs=self.docs, docs_s=f"{self.docs / elapsed:.1f}")
            self.bar.update(chars)
        elif not self.quiet and time.time() - self.last >= self.every:
            self.last = time.time()
            print(f"[policy-nlp] {self.docs} docs, {self.chars:,} chars, "
                  f"{self.docs / elapsed:.1f} docs/s, {self.chars / elapsed:,.0f} chars/s",
                  file=self.stream, flush=True)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def annotate_corpus(inputs, output, *, format="jsonl", workers=1, backend="processes",
                    scheduler=None, resume=True, clean=True, batch_chars=200_000,
                    quiet=False, read_options=None, **settings):
    """Annotate every document in ``inputs`` into ``output``.

    Parameters
    ----------
    inputs : list of str or Path
        Files and folders (see :func:`policy_nlp.io.corpus.read_inputs`).
    output : str or Path
        Output file or folder (see :func:`output_paths`).
    format : {"jsonl", "json", "spacy"}
    workers : int
        Worker processes (each loads the pipeline once).
    backend : {"processes", "dask"}
        ``"dask"`` runs the batches on a Dask cluster (``scheduler`` address,
        or a local cluster of ``workers`` processes).
    resume : bool
        Skip documents already in a JSONL output (same id and content hash).
    clean : bool
        Remove web page furniture before annotating (kept in ``meta``).
    batch_chars : int
        Characters per batch sent to a worker.
    read_options : dict, optional
        ``pattern``, ``text_column``, ``id_column`` for the readers.
    **settings
        Passed to :func:`policy_nlp.load` (``segmenter``, ``user_dict``,
        ``topic_model``, ``stages`` ...).

    Returns
    -------
    Summary
    """
    if format not in SUFFIXES:
        raise ValueError(f"unknown format {format!r}; choose one of {sorted(SUFFIXES)}")
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, not {workers!r}")
    if backend not in ("processes", "dask"):
        raise ValueError(f"unknown backend {backend!r}; choose 'processes' or 'dask'")
    out_path, errors_path = output_paths(output, format)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    resume = resume and format == "jsonl"
    done = completed(out_path) if resume else set()

    summary = Summary(output=str(out_path), errors=str(errors_path))
    records, read_errors = [], []
    for item in read_inputs(inputs, **(read_options or {})):
        if isinstance(item, DocumentError):
            read_errors.append(item)
        elif (item.id, item.meta.get("sha1")) in done:
            summary.skipped += 1
        else:
            records.append(item)
    counts = collections.Counter(r.id for r in records)
    # the readers make repeated ids unique (ID#2 …) and keep the given one in meta
    repeated = sorted({r.meta["given_id"] for r in records if "given_id" in r.meta})
    if repeated:
        summary.repeated_ids = repeated
        if not quiet:
            print(f"[policy-nlp] warning: {len(repeated)} ids occur more than once (e.g. {repeated[0]!r}); "
                  "they were made unique as ID#2, ID#3 … (meta.given_id keeps the given id)",
                  file=sys.stderr, flush=True)
    if done:
        _drop_superseded(out_path, {r.id for r in records if counts[r.id] == 1} & {id for id, _ in done})

    settings = {**settings, "clean": clean, "format": format}
    if backend == "processes" and records:
        _load_pipeline(settings)  # a bad setting or model fails before any output file exists
    start = time.time()
    progress = Progress(sum(len(r.text) for r in records), quiet=quiet)
    with DocumentWriter(out_path, format, append=resume) as writer, \
            open(errors_path, "a" if resume else "w", encoding="utf-8") as errors_file:
        def fail(id, source, reason):
            summary.failed += 1
            entry = {"id": id, "source": source, "reason": reason}
            summary.failures.append(entry)
            errors_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
            errors_file.flush()
            if not quiet:
                print(f"[policy-nlp] failed: {source}: {reason}", file=sys.stderr, flush=True)

        for error in read_errors:
            fail(None, error.source, error.reason)
        for results in _run(list(batches(records, batch_chars)), settings, workers, backend, scheduler):
            for id, meta, chars, payload, reason in results:
                if reason is not None:
                    fail(id, meta.get("source", id), reason)
                    continue
                if format == "spacy":
                    from spacy.tokens import Doc
                    writer.write(Doc(_vocab()).from_bytes(payload))
                else:
                    writer.write_line(payload)
                summary.done += 1
                summary.chars += chars
            progress.update(len(results), sum(r[2] for r in results))
    progress.close()
    summary.seconds = time.time() - start
    return summary


@functools.lru_cache(maxsize=1)
def _vocab():
    """One vocabulary for every Doc the parent rebuilds (a blank pipeline per
    document would cost a spaCy start-up each)."""
    import spacy
    return spacy.blank("zh").vocab


def _run(batch_list, settings, workers, backend, scheduler):
    """Yield each batch's results, in input order."""
    if not batch_list:
        return
    if backend == "dask":
        from policy_nlp.run.dask_backend import run_on_dask
        yield from run_on_dask(batch_list, settings, workers=workers, scheduler=scheduler)
    else:
        _load_pipeline(settings)
        if workers == 1:
            for batch in batch_list:
                yield _annotate_batch(batch)
            return
        # Forked workers inherit the loaded pipeline (no initializer to fail).
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_annotate_batch, batch_list)
