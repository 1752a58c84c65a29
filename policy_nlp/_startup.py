"""Start-up helpers: what a process pays once, before its first document.

Loading policy_nlp (spaCy, the pipeline, the lexicon, the topic model)
allocates a few hundred thousand objects that live as long as the process.
Python's cyclic garbage collector, triggered by allocations, walks them again
and again while they are built, and finds nothing to free: about 0.15 s of a
short command's start-up. :func:`collector_paused` turns it off for such a
block and restores it after; nothing is lost, the next collection sees every
object the block allocated.
"""

import contextlib
import gc
import json
import os
import shutil
import tempfile
from typing import Any, Callable, Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector in the block (as it was after).

    For blocks that build long-lived objects (imports, loading a pipeline),
    not for blocks that annotate: those make cyclic garbage (Docs and their
    spans) that the collector must free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def loaded_objects_frozen() -> Iterator[None]:
    """Leave the objects alive at the start out of the collections made in
    the block (``gc.freeze``), for a block that annotates with a loaded
    pipeline: each full collection would otherwise walk the whole pipeline
    again (~0.3 s in a 1.1 M-character run), and a forked worker would copy
    every page the walk writes to. Unfrozen after the block unless something
    was frozen before it (then the process manages its frozen objects, and
    they stay frozen).
    """
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def cache_root() -> str:
    """The folder of policy_nlp's caches: ``$POLICY_NLP_CACHE``, else ``~/.cache/policy_nlp``."""
    return os.environ.get("POLICY_NLP_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "policy_nlp")


def built_once(folder: str, key: str, cls: type, build: Callable[[], Any], keep: int = 8) -> Any:
    """``build()``, or the copy of its result that an earlier process stored.

    For an object of class ``cls`` worth keeping across processes (a lookup
    table built from a model in ~0.1 s) whose attributes are numpy arrays and
    JSON values (int, bool, str, lists, dicts with str keys): they are written
    to ``cache_root()/folder/KEY/`` (``values.json`` and one ``.npy`` file per
    array) on the first call and read back after (no pickle: nothing stored
    is run) into a new ``cls`` object. ``key`` must name everything the result
    depends on: the inputs, and the code that builds it. Anything else
    (another type, a value JSON cannot give back, a cache that cannot be read
    or written) means a plain ``build()``. The folder keeps the ``keep``
    results stored last.
    """
    import numpy

    path = os.path.join(cache_root(), folder, key)
    try:
        with open(os.path.join(path, "values.json"), encoding="utf-8") as f:
            stored = json.load(f)
        obj: Any = object.__new__(cls)
        obj.__dict__.update(stored["values"], **{name: numpy.load(os.path.join(path, f"{name}.npy"),
                                                                   allow_pickle=False)
                                                  for name in stored["arrays"]})
        return obj
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not stored yet (or damaged): build it, and store it for the next process
    obj = build()
    if type(obj) is not cls:
        return obj
    arrays = {k: v for k, v in vars(obj).items() if isinstance(v, numpy.ndarray) and v.dtype != object}
    values = {k: v for k, v in vars(obj).items() if k not in arrays}
    try:
        text = json.dumps({"arrays": sorted(arrays), "values": values}, ensure_ascii=False)
        if json.loads(text)["values"] != values:  # tuples, int keys …: not given back as they are
            return obj
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = tempfile.mkdtemp(prefix=f".{key}.", dir=os.path.dirname(path))
        try:
            for name, array in arrays.items():
                numpy.save(os.path.join(temporary, f"{name}.npy"), array, allow_pickle=False)
            with open(os.path.join(temporary, "values.json"), "w", encoding="utf-8") as f:
                f.write(text)
            os.rename(temporary, path)  # complete, or not there (another process may have won)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        _keep_newest(os.path.dirname(path), keep)
    except (OSError, TypeError, ValueError):
        pass
    return obj


def _keep_newest(folder: str, keep: int) -> None:
    """Remove all but the ``keep`` newest results stored in ``folder``."""
    stored = sorted((entry.stat().st_mtime_ns, entry.path) for entry in os.scandir(folder)
                    if entry.is_dir() and not entry.name.startswith("."))
    for _, path in stored[:-keep]:
        shutil.rmtree(path, ignore_errors=True)
