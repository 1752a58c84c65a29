"""Annotate a corpus: parallel, resumable, and never stopped by a bad file.

Results go to a JSONL file one whole line per document, flushed as they come,
so a run killed at any moment leaves only complete lines; rerunning the same
command skips the documents already done (same id and same content hash) and
truncates a torn last line. Documents that fail go to an errors file
``(id, source, reason)`` and the run goes on; the summary says how many were
done, skipped and failed, and at what speed. A document that takes longer than
``doc_timeout`` seconds fails alone (:mod:`policy_nlp.run.timelimit`; not on
Dask). Ctrl-C and SIGTERM stop a run alike: its workers are ended, its lock
released, and :class:`~policy_nlp.errors.Interrupted` says how far it got.

Workers are processes, each loading the pipeline once (what a worker does is
in :mod:`policy_nlp.run.worker`; the pool of forked workers, which retries a
batch whose worker died, is :mod:`policy_nlp.run.pool`; with
``backend="dask"`` the batches go to :mod:`policy_nlp.run.dask_backend`). Batches are sized by characters, not
documents, because a 30,000-character report costs as much as a hundred short
letters; results are written in input order, so the same input gives the same
output file whatever the number of workers.
"""

import contextlib
import functools
import glob
import inspect
import json
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from policy_nlp._startup import loaded_objects_frozen
from policy_nlp.io.corpus import MetaSheet, parse_meta, read_inputs
from policy_nlp.errors import ConfigError, DocumentError, Interrupted
from policy_nlp.io.output import DocumentWriter, format_of, names_folder
from policy_nlp.io.rows import KINDS, OTHER_WORKBOOKS
from policy_nlp.run.dask_backend import checked_cluster, run_on_dask
from policy_nlp.run.pool import annotate_on_workers
from policy_nlp.run import timelimit
from policy_nlp.run.worker import annotate_batch, load_pipeline
# still importable from here, where they were before the worker's functions had a module of their own
from policy_nlp.run.worker import annotate, annotate_record  # noqa: F401

log = logging.getLogger("policy_nlp")
SUFFIXES = {"jsonl": ".jsonl", "json": ".json", "spacy": ".spacy"}
# files that annotate does not write, asked for by mistake (-o results.csv): refused, not made a folder
# of that name; the tables an -o X.csv wanted are export's
NOT_OUTPUTS = ({*KINDS, *OTHER_WORKBOOKS, ".txt", ".feather", ".arrow", ".duckdb", ".db", ".sqlite", ".dta",
                ".sav", ".rds", ".md", ".html", ".xml", ".docx", ".pdf", ".zip", ".gz"} - set(SUFFIXES.values()))


@dataclass
class Summary:
    """What a corpus run did."""
    done: int = 0
    skipped: int = 0
    total: int = 0  # documents read: done, skipped, failed, or not reached by an interrupted run
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
    a folder that gets ``annotations.<suffix>`` and ``errors.jsonl``, but for
    a file annotate does not write (``results.csv``) or one of another
    format's suffix (``out.jsonl`` with ``format="json"``): a ValueError.
    A folder that exists, or a name ending with a path separator
    (``run.json/``), is a folder whatever its suffix
    (:func:`~policy_nlp.io.output.names_folder`).
    """
    if names_folder(output):
        output = Path(output)
        return output / f"annotations{SUFFIXES[format]}", output / "errors.jsonl"
    output = Path(output)
    suffix = output.suffix.lower()  # out.JSONL is a file as out.jsonl is (format_of reads it so)
    if suffix == SUFFIXES[format]:
        return output, output.with_name(output.stem + ".errors.jsonl")
    if suffix in SUFFIXES.values():  # -o out.jsonl --format json
        raise ValueError(f"{output}: the name asks for a {suffix} file but the format is {format}: "
                         f"name it X{SUFFIXES[format]}, or leave the format out")
    if suffix in NOT_OUTPUTS:
        raise ValueError(f"{output}: annotate writes a folder, X.jsonl, X.json or X.spacy, not a {output.suffix} "
                         "file; tables (Parquet, DuckDB) are made from its output by 'policy-nlp export' "
                         "(or annotate --tables DIR)")
    return output / f"annotations{SUFFIXES[format]}", output / "errors.jsonl"


def completed(path):
    """``{(id, sha1)}`` of the documents complete in a JSONL output.

    The file is repaired for the resume: a torn last line (a run killed
    mid-write) is cut off; a damaged line in the middle (invalid UTF-8, NUL
    bytes, not JSON, no ``id`` or ``meta``) and a second copy of a line already
    there are removed, with a warning, and only those documents are annotated
    again. Lines are split on ``\\n`` only, the one separator JSONL writes.
    """
    done = set()
    if not path.exists():
        return done
    good_bytes, drop = 0, []
    with open(path, "rb") as f:
        for number, line in enumerate(f, start=1):
            if not line.endswith(b"\n"):
                break  # torn last line
            try:
                data = json.loads(line)
                key = (data["id"], data["meta"].get("sha1"))
                if not isinstance(data["id"], str):
                    raise TypeError("id is not a string")
            except (ValueError, KeyError, TypeError, AttributeError):  # UnicodeDecodeError is a ValueError
                drop.append((number, "damaged"))
                continue
            if key in done:
                drop.append((number, "repeated"))
                continue
            done.add(key)
            good_bytes += len(line)
    if drop:
        _rewrite_without(path, {number for number, _ in drop})
        damaged = [number for number, why in drop if why == "damaged"]
        log.warning("%s: removed %d damaged and %d repeated lines (lines %s); their documents are "
                    "annotated again", path, len(damaged), len(drop) - len(damaged),
                    ", ".join(str(n) for n, _ in drop[:10]) + (" …" if len(drop) > 10 else ""))
    elif good_bytes != path.stat().st_size:
        with open(path, "r+b") as f:
            f.truncate(good_bytes)
    return done


def _rewrite_without(path, numbers=(), ids=()):
    """Rewrite the JSONL file ``path`` without the lines ``numbers`` (counted
    from 1), the lines of documents ``ids``, and a torn last line; the new
    file replaces the old one only when complete."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(path, "rb") as source, open(temporary, "wb") as target:
            for number, line in enumerate(source, start=1):
                if not line.endswith(b"\n"):
                    break
                if number in numbers or (ids and json.loads(line)["id"] in ids):
                    continue
                target.write(line)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _drop_superseded(path, ids):
    """Remove the lines of documents whose text changed since they were
    annotated (they are annotated again), so that no id appears twice."""
    if not ids:
        return
    _rewrite_without(path, ids=ids)
    log.info("%d documents changed since the last run: annotating them again", len(ids))


@contextlib.contextmanager
def output_lock(path):
    """Hold ``PATH.lock`` while a run writes ``path``; a second run is refused.

    Two runs appending to one output would write every document twice. The
    lock is an ``flock`` on ``PATH.lock``, released (and the file removed)
    when the run ends, and by the system if the process dies.

    Raises
    ------
    ConfigError
        Another process holds the lock.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    while True:
        f = open(lock_path, "a+", encoding="utf-8")
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            holder = f.read().strip()
            f.close()
            raise ConfigError(f"{path} is being written by another policy-nlp run"
                              + (f" (process {holder})" if holder else "")
                              + f"; wait for it to end or choose another -o (lock: {lock_path})") from None
        try:  # the file may have been removed by the run that held it: lock the one in place
            if os.fstat(f.fileno()).st_ino == os.stat(lock_path).st_ino:
                break
        except FileNotFoundError:
            pass
        f.close()
    try:
        f.truncate(0)
        f.write(str(os.getpid()))
        f.flush()
        yield
    finally:
        lock_path.unlink(missing_ok=True)
        f.close()  # closing releases the lock


# --- batches ---------------------------------------------------------------

# With several workers the run ends when the last batch does: a big batch
# started last keeps one worker busy while the others idle. So batches shrink
# as the corpus runs out, each at most the characters not yet batched divided
# by (workers × TAIL_SHARE): the workers end within about one short batch of
# each other. Never below MIN_BATCH_CHARS (a batch costs a round trip).
TAIL_SHARE = 4
MIN_BATCH_CHARS = 10_000


def worker_batches(records, batch_chars, workers):
    """Batches of ``records`` for ``workers`` workers: :func:`batches` for one;
    for several, shrinking towards the end (``batch_chars`` stays an upper
    bound; the output does not depend on the batch sizes).

    >>> from policy_nlp.io.corpus import Record
    >>> records = [Record(str(i), "字" * 10_000, {}) for i in range(40)]
    >>> [sum(len(r.text) for r in b) // 10_000 for b in worker_batches(records, 200_000, 1)]
    [20, 20]
    >>> [sum(len(r.text) for r in b) // 10_000 for b in worker_batches(records, 200_000, 2)]
    [5, 5, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    """
    if workers <= 1:
        yield from batches(records, batch_chars)
        return
    left = sum(len(record.text) for record in records)
    batch, size = [], 0
    for record in records:
        batch.append(record)
        size += len(record.text)
        if size >= min(batch_chars, max(MIN_BATCH_CHARS, left // (workers * TAIL_SHARE))):
            yield batch
            left -= size
            batch, size = [], 0
    if batch:
        yield batch


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
    """A progress bar on a terminal, else a line logged (INFO) every ``every``
    seconds, or nothing when ``quiet``."""

    def __init__(self, total_chars, quiet=False, stream=None, every=10.0):
        stream = stream if stream is not None else sys.stderr
        self.quiet, self.stream, self.every = quiet, stream, every
        self.start = self.last = time.time()
        self.docs = self.chars = 0
        self.total_chars = total_chars
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
            # "so far" and the total: a log line read after the run is not mistaken for its summary
            log.info("so far %d docs, %s of %s chars, %.1f docs/s, %s chars/s", self.docs, f"{self.chars:,}",
                     f"{self.total_chars:,}", self.docs / elapsed, f"{self.chars / elapsed:,.0f}")

    def close(self):
        if self.bar is not None:
            self.bar.close()


def annotate_corpus(inputs: "Sequence[str | os.PathLike[str]]", output: "str | os.PathLike[str]", *,
                    format: "str | None" = None, workers: int = 1, backend: str = "processes",
                    scheduler: "str | None" = None, resume: bool = True, clean: bool = True,
                    batch_chars: int = 200_000, quiet: bool = False, doc_timeout: "float | None" = None,
                    read_options: "dict[str, Any] | None" = None, **settings: Any) -> Summary:
    """Annotate every document in ``inputs`` into ``output``.

    Parameters
    ----------
    inputs : list of str or Path
        Files and folders (see :func:`policy_nlp.io.corpus.read_inputs`).
    output : str or Path
        Output file or folder (see :func:`output_paths`).
    format : {"jsonl", "json", "spacy"}, optional
        Default: the one ``output``'s suffix names (``.json``, ``.spacy``;
        else JSONL, a folder too: :func:`policy_nlp.io.output.format_of`), as ``annotate -o``.
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
    quiet : bool
        No progress bar or progress lines. Warnings (a document that
        failed, repeated ids) are logged all the same.
    doc_timeout : float, optional
        Seconds a document may take, or it fails alone (300; 0: none; refused on Dask): :mod:`policy_nlp.run.timelimit`.
    read_options : dict, optional
        Keyword arguments of :func:`policy_nlp.io.corpus.read_inputs`
        (``pattern``, ``text_column``, ``id_column``, ``date_column``,
        ``meta_columns``, ``meta``, ``meta_file``). A resumed run with
        another of these (but ``pattern``), or whose ``meta_file`` gives
        other rows, is refused, as one with another topic model.
    **settings
        Passed to :func:`policy_nlp.load` (``segmenter``, ``user_dict``,
        ``topic_model``, ``stages`` ...).

    Returns
    -------
    Summary

    Raises
    ------
    policy_nlp.errors.Interrupted
        On Ctrl-C, or SIGTERM, in the main thread (a ``KeyboardInterrupt``;
        its message says how far the run got): the workers are ended and the
        output kept for a resume. A SIGINT or SIGTERM handler of the
        caller's own is kept, and so is every handler when called from
        another thread.
    """
    format = format or ("jsonl" if names_folder(output) else format_of(output))  # -o run.json/, a d.json/ that exists
    if format not in SUFFIXES:
        raise ValueError(f"unknown format {format!r}; choose one of {sorted(SUFFIXES)}")
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, not {workers!r}")
    if backend not in ("processes", "dask"):
        raise ValueError(f"unknown backend {backend!r}; choose 'processes' or 'dask'")
    doc_timeout = _time_limit(doc_timeout, backend, workers)
    from policy_nlp.pipeline.loading import check_settings
    check_settings(settings, "annotate_corpus")  # before the output folder is made
    # The lock is held from before the output is read for the resume to after
    # the last line is written.
    out_path, errors_path = output_paths(output, format)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    summary = Summary(output=str(out_path), errors=str(errors_path))
    resume = resume and format == "jsonl"
    try:
        with _Stopper().installed() as stopper, output_lock(out_path), contextlib.ExitStack() as resources:
            return _annotate_locked(inputs, out_path, errors_path, summary, stopper, format=format,
                                    workers=workers, backend=backend, scheduler=scheduler, resume=resume,
                                    clean=clean, batch_chars=batch_chars, quiet=quiet, doc_timeout=doc_timeout,
                                    read_options=read_options, settings=settings, resources=resources)
    except KeyboardInterrupt as stop:  # the workers are ended, the lock released, the output whole
        signum = getattr(stop, "signum", signal.SIGINT)
        raise Interrupted(signum, _how_far(summary, signum, format, resume)) from None


def _time_limit(doc_timeout, backend, workers):
    """The seconds a run's documents may each take (0: no limit), checked: ``doc_timeout``
    (None: the default, on the ``processes`` backend) or a ValueError."""
    seconds = timelimit.run_limit(doc_timeout, timelimit.DEFAULT_SECONDS if backend == "processes" else 0.0,
                                  here=backend == "processes" and workers == 1)
    if seconds and backend == "dask":
        raise ValueError("doc_timeout (--doc-timeout) does not apply to the Dask backend: its tasks run in "
                         "worker threads, where no signal can stop a document; give 0, or use the "
                         "process pool (--workers N)")
    return seconds


def _how_far(summary, signum, format, resume):
    """The one line an interrupted run ends with: how far it got, and what a rerun does."""
    reached = summary.done + summary.skipped + summary.failed
    line = (f"interrupted ({signal.Signals(signum).name}) after {reached:,} of {summary.total:,} documents"
            + (f" ({summary.failed:,} failed)" if summary.failed else "") if summary.total
            else f"interrupted ({signal.Signals(signum).name}) before any document was annotated")
    if resume:
        return line + f"; {summary.output} keeps those done: rerun the same command to resume"
    what = "a --no-resume run's" if format == "jsonl" else f"a {format} output"
    return line + f"; nothing was written ({what} is written when the run ends): rerun to start again"


class _Stopper:
    """SIGINT (Ctrl-C) and SIGTERM during a run: raised as :class:`Interrupted`
    in this process's main thread, but not while :meth:`held` (the run writes
    a batch's lines and counts them: the count the message gives is the file's).

    By default SIGTERM (``kill PID``, ``timeout``, a cluster scheduler) ends a
    Python process at once: its pool workers were orphaned, and died later
    printing BrokenPipe tracebacks as they sent results to no one; its lock
    file and temporary errors file stayed. With this handler the run stops as
    on Ctrl-C: workers ended, lock released. After the first stop the next
    signals are ignored until the run's cleanup is over (ending the workers:
    at most ~5 s, :func:`policy_nlp.run.pool._end`), so that it is not cut short. A
    process forked meanwhile (a pool or Dask worker) inherits the handler:
    there the signal does what it did before the run set it (a Dask worker
    that died of a Ctrl-C to the process group, instead of taking it as a
    ``KeyboardInterrupt``, made the scheduler log errors).
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self):
        self.owner = os.getpid()
        self.holding = False
        self.pending = None  # the signal that came while held
        self.stopped = False
        self.previous = {}  # the handlers it replaced

    def __call__(self, signum, frame):
        if os.getpid() != self.owner:  # a forked worker
            previous = self.previous[signum]
            signal.signal(signum, previous)
            if callable(previous):
                return previous(signum, frame)
            os.kill(os.getpid(), signum)
            return
        if self.stopped:
            return
        self.stopped = True
        if self.holding:
            self.pending = signum
            return
        raise Interrupted(signum)

    @contextlib.contextmanager
    def held(self):
        """A stop that comes during the block is raised at its end: also when
        the block raises (its error is then the stop's ``__context__``; the
        stop was dropped, and the next stops ignored: a caller handling the
        error went on), as :func:`policy_nlp.run.pool._stops_held` does."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
            if self.pending is not None:
                raise Interrupted(self.pending)

    @contextlib.contextmanager
    def installed(self):
        """Handle the signals that have their default action here (in the main
        thread only; a handler of the caller's is kept) while the block runs."""
        defaults = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}
        if threading.current_thread() is threading.main_thread():
            self.previous = {s: signal.getsignal(s) for s in self.SIGNALS if signal.getsignal(s) is defaults[s]}
        for signum in self.previous:
            signal.signal(signum, self)
        try:
            yield self
        finally:
            for signum, handler in self.previous.items():
                signal.signal(signum, handler)


def _settings_record(settings, read_options=None):
    """What decides an output's annotations, comparable across runs: also
    the metadata sheet's rows (``read_options["meta_file"]``; None without
    one), whose fields the documents done keep."""
    from importlib.metadata import PackageNotFoundError, version
    record = {key: _effective(key, settings.get(key)) for key in ("segmenter", "lexicon", "stages", "clean")}
    for key in ("path", "exclude", "config"):  # load()'s other options, noted when given (Python only)
        if settings.get(key):  # as the sidecar's JSON gives them back: a tuple is a list
            record[key] = str(Path(settings[key]).resolve()) if key == "path" else \
                json.loads(json.dumps(settings[key], ensure_ascii=False, default=str))
    for key in ("topic_model", "user_dict"):
        value = _effective(key, settings.get(key))
        record[key] = str(Path(value).resolve()) if value and value != "default" else value
    sheet = (read_options or {}).get("meta_file")
    record["meta_file"] = MetaSheet.read(sheet).digest if sheet else None
    try:
        record["policy_nlp"] = version("policy_nlp")
    except PackageNotFoundError:  # run from a source tree that was never installed
        record["policy_nlp"] = None
    return record


# load()'s settings a run notes whose default is not None: a Python call that leaves one out
# and the command line, which always gives --segmenter and --no-lexicon's value, note the same
_DEFAULTED = ("segmenter", "lexicon", "topic_model", "stages")


def _effective(key, value):
    """A setting as the pipeline uses it: None for one of :data:`_DEFAULTED` (not given,
    or noted so by an output made before the defaults were noted) is
    :func:`policy_nlp.load`'s default; stages are the list the sidecar's JSON gives back.

    Examples
    --------
    >>> _effective("segmenter", None), _effective("lexicon", None), _effective("stages", ("paragraphs",))
    ('fast', True, ['paragraphs'])
    """
    if value is None and key in _DEFAULTED:
        from policy_nlp.pipeline.loading import load_defaults
        value = load_defaults()[key]
    return list(value) if key == "stages" and value is not None else value


# the readers' options that change a document's id, text or meta (``pattern`` only picks files)
_READ_OPTIONS = ("text_column", "id_column", "date_column", "meta_columns", "meta")
# their defaults (an option not noted in an output's settings was at its default)
_READ_DEFAULTS = {key: inspect.signature(read_inputs).parameters[key].default for key in _READ_OPTIONS}


def _read_record(read_options):
    """The read options of :data:`_READ_OPTIONS` that differ from
    :func:`read_inputs`' defaults, in one form however given (``--meta``
    as a dict, ``--meta-columns`` as a list): an output noted before they
    were compared has none of them, and reads as made with the defaults."""
    record = {}
    for key, default in _READ_DEFAULTS.items():
        value = read_options.get(key, default)
        if key == "meta":
            value = parse_meta(value) or None
        elif key == "meta_columns" and value:
            value = [c.strip() for c in (value.split(",") if isinstance(value, str) else value) if c.strip()]
        if value != default and value != []:
            record[key] = value
    return record


def _check_settings(out_path, settings, resume, read_options=None):
    """Refuse to resume an output made with other settings; returns where
    and what :func:`_note_settings` writes once the pipeline has loaded.

    A resume keeps the documents already done: with another topic model,
    stage list, segmenter, metadata sheet, ``--meta``, ``--meta-columns``
    or text, id or date column, the file would mix two kinds of annotation
    (or of meta).
    """
    sidecar = out_path.with_name(f".{out_path.name}.settings.json")
    current = {**_settings_record(settings, read_options), **_read_record(read_options or {})}
    if resume and sidecar.is_file():
        try:
            before = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = None
        if isinstance(before, dict):
            before.update({k: _effective(k, before.get(k)) for k in _DEFAULTED})
            keys = list(current) + [k for k in before if k not in current]  # a read option now left out
            # a read option not noted was at read_inputs' default, and is named by it
            changed = {k: (before.get(k, _READ_DEFAULTS.get(k)), current.get(k, _READ_DEFAULTS.get(k)))
                       for k in keys if before.get(k) != current.get(k)}
            if changed:
                what = "; ".join(_sheet_change(a, b) if k == "meta_file" else f"{_option_name(k)}: {a!r} -> {b!r}"
                                 for k, (a, b) in changed.items())
                raise ConfigError(f"{out_path}: made with other settings ({what}); rerun with "
                                  "--no-resume to annotate it anew, or give another output")
    return sidecar, current


def _option_name(key):
    """A setting's key as the option that gives it (``meta_columns``: --meta-columns)."""
    if key in _READ_OPTIONS or key in ("topic_model", "user_dict", "segmenter", "stages"):
        return "--" + key.replace("_", "-")
    return {"lexicon": "lexicon (--no-lexicon)", "clean": "clean (--no-clean)",
            "policy_nlp": "policy_nlp version"}.get(key, key)


def _sheet_change(before, now):
    """A changed ``--meta-file`` in words (its record is a hash of the rows)."""
    if before is None:
        return "a --meta-file sheet given"
    return "the --meta-file sheet's rows changed" if now else "no --meta-file sheet given"


def _note_settings(sidecar, current):
    temporary = sidecar.with_name(sidecar.name + f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, sidecar)


def _annotate_locked(inputs, out_path, errors_path, summary, stopper, *, format, workers, backend, scheduler,
                     resume, clean, batch_chars, quiet, doc_timeout, read_options, settings, resources):
    """The body of :func:`annotate_corpus`, run while holding the output's lock
    (``resources``: an ExitStack closed after it, for a Dask cluster), counting
    into ``summary``; ``stopper`` holds Ctrl-C and SIGTERM while a batch is written."""
    read_options = dict(read_options or {})
    if read_options.get("meta_file"):  # read once: for the documents' fields and for the resume check
        read_options["meta_file"] = MetaSheet.read(read_options["meta_file"])
    done = completed(out_path) if resume else set()
    records, read_errors, repeated = [], [], set()
    for item in read_inputs(inputs, **(read_options or {})):
        if isinstance(item, DocumentError):
            read_errors.append(item)
            continue
        if "given_id" in item.meta:  # the readers made a repeated id unique (ID#2 …)
            repeated.add(item.meta["given_id"])
        if (item.id, item.meta.get("sha1")) in done:
            summary.skipped += 1
        else:
            records.append(item)
    summary.total = summary.skipped + len(records) + len(read_errors)
    if repeated:
        summary.repeated_ids = sorted(repeated)
        # a warning, shown with quiet too: quiet is the progress only (as -q's help says)
        log.warning("%d ids occur more than once (e.g. %r); they were made unique as ID#2, "
                    "ID#3 … (meta.given_id keeps the given id)", len(repeated), summary.repeated_ids[0])
    if done:  # ids are unique: a record whose id is done has a changed text
        _drop_superseded(out_path, {r.id for r in records} & {id for id, _ in done})

    settings = {**settings, "clean": clean, "format": format}
    sidecar, noted = _check_settings(out_path, settings, resume=bool(done), read_options=read_options)
    client = None
    if backend == "processes" and records:
        load_pipeline(settings)  # a bad setting or model fails before any output file exists
    elif records:  # the same check, for the workers of a Dask cluster (while it starts)
        client = resources.enter_context(checked_cluster(settings, workers, scheduler))
    _note_settings(sidecar, noted)
    start = time.time()
    progress = Progress(sum(len(r.text) for r in records), quiet=quiet)
    # errors.jsonl lists this run's failures (with resume, that is every document
    # still failing): written beside it and put in place only when the run ends.
    errors_temporary = errors_path.with_name(f".{errors_path.name}.{os.getpid()}.tmp")
    _remove_temporaries(out_path, errors_path)
    try:
        # the batches' stream is closed (its workers ended) before the files, whatever stops the run
        with loaded_objects_frozen(), DocumentWriter(out_path, format, append=resume) as writer, \
                open(errors_temporary, "w", encoding="utf-8", errors="backslashreplace") as errors_file, \
                contextlib.closing(_run(list(worker_batches(records, batch_chars, workers)), settings,
                                        workers, backend, client, doc_timeout)) as stream:
            def fail(id, source, reason):
                summary.failed += 1
                entry = {"id": id, "source": source, "reason": reason}
                summary.failures.append(entry)
                errors_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
                errors_file.flush()
                log.warning("failed: %s: %s", source, reason)  # quiet or not: a lost document is never silent

            for error in read_errors:
                fail(error.id, error.source, error.reason)
            for results in stream:
                with stopper.held():
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
        os.replace(errors_temporary, errors_path)
    finally:
        errors_temporary.unlink(missing_ok=True)
        progress.close()
    summary.seconds = time.time() - start
    return summary


@functools.lru_cache(maxsize=1)
def _vocab():
    """One vocabulary for every Doc the parent rebuilds (a blank pipeline per
    document would cost a spaCy start-up each)."""
    import spacy
    return spacy.blank("zh").vocab


def _remove_temporaries(*paths):
    """Remove the ``.NAME.PID.tmp`` files that runs killed while writing ``paths`` left.

    The process must be gone: a run of another format into the same folder
    shares its ``errors.jsonl`` but not the lock of this output.
    """
    for path in paths:
        for temporary in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            pid = temporary.name[len(path.name) + 2:-len(".tmp")]
            if pid.isdigit() and not _alive(int(pid)):
                temporary.unlink(missing_ok=True)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


def _run(batch_list, settings, workers, backend, client, time_limit=0):
    """Yield each batch's results, in input order (on the Dask ``client`` with that backend;
    else each document within ``time_limit`` seconds, 0: no limit)."""
    if not batch_list:
        return
    if backend == "dask":
        yield from run_on_dask(batch_list, settings, workers=workers, client=client)
    else:
        load_pipeline(settings)
        if workers == 1:
            for batch in batch_list:
                yield annotate_batch(batch, time_limit=time_limit)
            return
        # Forked workers inherit the loaded pipeline, frozen (see _annotate_locked): their
        # collector leaves it alone. A worker that dies costs its batch a retry, not the run.
        yield from annotate_on_workers(batch_list, workers, time_limit)
