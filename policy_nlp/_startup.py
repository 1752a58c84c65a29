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
from typing import Iterator


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
