"""The work of one worker of a corpus run: annotate a record, a batch of records.

Below both backends: :mod:`policy_nlp.run.batch` (the process pool, which
also hands a run to Dask) and :mod:`policy_nlp.run.dask_backend` run these
functions and import this module, which imports neither.

A process pool's parent calls :func:`load_pipeline` before it forks, and its
workers inherit the loaded pipeline; :func:`annotate_batch` then uses it. A
Dask worker passes the pipeline it holds for the run's settings instead.
"""

from typing import TYPE_CHECKING, Any, Callable, TypeAlias

from policy_nlp._startup import collector_paused
from policy_nlp.errors import DocumentError
from policy_nlp.io.corpus import Record, make_record
from policy_nlp.io.output import doc_to_json
from policy_nlp.run.timelimit import TimeLimitExceeded, time_limit as limited

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The pipeline this process loaded for a run and its settings (inherited by forked workers).
_NLP: "Language | None" = None
_SETTINGS: "dict[str, Any] | None" = None
# A batch's result per document: (id, meta, characters, payload or None, failure reason or None).
Result: TypeAlias = "tuple[str | None, dict[str, Any], int, Any, str | None]"


def load_pipeline(settings: "dict[str, Any]") -> "Language":
    """Load the pipeline of ``settings`` into this process, with its models, and return it.

    Called once in the parent before worker processes fork: a bad setting
    fails here, once, with its own message (not in every worker, forever),
    and the workers share the loaded models' pages copy-on-write.
    ``settings`` are :func:`policy_nlp.load`'s keyword arguments plus the run
    options ``clean`` and ``format``.
    """
    global _NLP, _SETTINGS
    from policy_nlp.pipeline.loading import load
    if _NLP is not None and _SETTINGS == dict(settings):
        return _NLP  # already loaded in this process (a second run, a benchmark)
    settings = dict(settings)
    nlp = load(**{k: v for k, v in settings.items() if k not in ("clean", "format")})
    # both set once loaded: a load that raised (a missing topic model, Ctrl-C) left the settings
    # new and the pipeline old, and the next call with those settings ran the old pipeline
    _NLP, _SETTINGS = nlp, settings
    warm_up(nlp, clean=settings.get("clean", True))
    return nlp


def warm_up(nlp: "Language", clean: bool = True) -> None:
    """Annotate one sentence as a batch annotates a document: loads the segmenter, lexicon and
    topic model, pkuseg's dictionary (the quotation), and imports and compiles what cleaning and
    the stages do on first use (once, before a fork, and outside any document's time limit)."""
    sentence = "各位代表：现在，我代表国务院，向大会报告政府工作，坚持“两个毫不动摇”。"
    with collector_paused():
        annotate_record(nlp, make_record("warm-up", sentence, {}), clean=clean)


def annotate(text: str, nlp: "Language | None" = None, *, clean: bool = True, id: "str | None" = None,
             meta: "dict[str, Any] | None" = None) -> "Doc":
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
    from policy_nlp.pipeline.loading import load
    from policy_nlp.pipeline.tokenizer import check_text
    check_text(text)  # None, bytes, a lone surrogate: one clear error here
    record = make_record(id, text, dict(meta or {}))
    if id is None:  # derived from the content, like the readers' ids
        record.id = record.meta["sha1"][:12]
    return annotate_record(nlp if nlp is not None else load(), record, clean=clean)


def annotate_record(nlp: "Language", record: Record, clean: bool = True) -> "Doc":
    """Annotate one :class:`~policy_nlp.io.corpus.Record` into a ``Doc``."""
    from policy_nlp.pipeline.tokenizer import make_plain_doc
    from policy_nlp.stages.normalize import prepare
    # the readers normalised the text and hashed it; clean and enrich meta here
    text, meta = prepare(record.text, record.meta, clean=clean, normalized=True)
    if not text.strip():  # an empty input says so, not that cleaning emptied it
        raise DocumentError(meta.get("source", record.id), "empty document (no text)" if not record.text.strip()
                            else "no text left to annotate" + (" after removing page furniture" if clean else ""))
    # The stages see the document's metadata (the topics stage reads its title).
    doc = make_plain_doc(nlp, text)  # a pipeline loaded with clean=True must not clean twice
    doc._.id = record.id
    doc._.meta = meta
    return nlp(doc)


def annotate_batch(records: "list[Record]", nlp: "Language | None" = None,
                   settings: "dict[str, Any] | None" = None, time_limit: float = 0) -> "list[Result]":
    """Annotate a batch: ``[(id, meta, chars, payload or None, reason or None)]``.

    ``nlp`` and its ``settings`` default to what :func:`load_pipeline` loaded
    in this process (a forked pool worker has it from its parent). A document
    that takes longer than ``time_limit`` seconds (0: no limit; in the main
    thread only, :mod:`policy_nlp.run.timelimit`) is stopped and fails, as
    one that raises does; the next is annotated.
    """
    if nlp is None or settings is None:
        if _NLP is None or _SETTINGS is None:
            raise RuntimeError("no pipeline loaded in this process: call load_pipeline(settings) first")
        nlp, settings = _NLP, _SETTINGS
    # The worker serialises: the parent only writes finished lines.
    serialise = (lambda doc: doc.to_bytes()) if settings.get("format") == "spacy" else doc_to_json
    results: "list[Result]" = []
    for record in records:
        payload, reason = annotate_within(nlp, record, settings.get("clean", True), time_limit, serialise)
        results.append((record.id, record.meta, len(record.text), payload, reason))
    return results


def annotate_within(nlp: "Language", record: Record, clean: bool = True, time_limit: float = 0,
                    finish: "Callable[[Doc], Any] | None" = None) -> "tuple[Any, str | None]":
    """``(finish(doc), None)`` for ``record`` annotated (and finished: serialised) within
    ``time_limit`` seconds (0: no limit), else ``(None, why)``: one document's failure or stop
    never stops a run (a batch, a dataset's map)."""
    try:
        with limited(time_limit):
            doc = annotate_record(nlp, record, clean=clean)
            return (finish(doc) if finish is not None else doc), None
    except TimeLimitExceeded as stop:
        return None, stop.reason
    except Exception as error:
        return None, failure_reason(error)


def failure_reason(error: Exception) -> str:
    """Why a document failed, as its error record says it: a DocumentError's reason, else the error."""
    return error.reason if isinstance(error, DocumentError) else f"{type(error).__name__}: {error}"


def failed(records: "list[Record]", reason: str) -> "list[Result]":
    """One failed result per document of a batch that was lost (its worker died)."""
    return [(r.id, r.meta, len(r.text), None, reason) for r in records]
