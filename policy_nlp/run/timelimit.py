"""A time limit per document of a corpus run (``annotate --doc-timeout``).

A page whose text trips a super-linear path (a regex that backtracks
exponentially, a quadratic loop over a line without breaks) must fail alone,
not hold its worker, and the run, for ever. :class:`time_limit` arms a real-time
timer (``setitimer(ITIMER_REAL)``) around one document; when it expires, the
``SIGALRM`` handler raises :class:`TimeLimitExceeded` in the annotating code,
and :func:`policy_nlp.run.worker.annotate_batch` makes it that document's
failure. Python runs a signal's handler in the main thread, between two
bytecodes: so the limit applies in a process's main thread only (the serial
path and the process pool's workers, never the Dask backend's worker threads),
and where the system has ``setitimer`` (not Windows). A regex stops on it (the
``re`` engine checks for signals as it backtracks); a call into a C extension
that does not (the ``fast`` segmenter's, pkuseg's) is stopped only when it returns
to Python; both are linear in their input.

Nothing of this module runs without a limit: ``time_limit(0)`` does nothing.
"""

import logging
import math
import signal
import threading
import time

log = logging.getLogger("policy_nlp")

# The limit of a corpus run that gives none: ~650x the slowest of the 598 development documents
# (0.46 s with the fast segmenter, 1.5 s with pkuseg, 2026-12-05), ~4x a 10-million-character
# document (77 s, benchmarks/results/long_documents.json); a stuck page holds a worker 5 minutes.
DEFAULT_SECONDS = 300.0
# After the limit, the alarm comes again every AGAIN seconds until the document stops: a
# TimeLimitExceeded raised where Python drops exceptions (a finalizer, a weakref callback)
# is raised once more at the next one.
AGAIN = 1.0
# The timer and time.monotonic() may disagree by a little: an alarm this close to a due time is it.
SLACK = 0.001


class TimeLimitExceeded(BaseException):
    """A document took longer than its time limit.

    A ``BaseException``, like ``KeyboardInterrupt``: no ``except Exception``
    of the annotating code takes it for a failure of its own and goes on.
    ``reason`` says how long the limit was and where the document was stopped.
    """

    def __init__(self, seconds, frame=None):
        self.seconds = seconds
        self.reason = f"took longer than {seconds:g} s, the time limit per document (--doc-timeout)" + _where(frame)
        super().__init__(self.reason)


def _where(frame):
    """Where the document was stopped: the innermost function of policy_nlp on the stack (the
    one that called ``re`` or spaCy), else the innermost function; empty without a frame."""
    innermost = frame
    while frame is not None and "/policy_nlp/" not in frame.f_code.co_filename.replace("\\", "/"):
        frame = frame.f_back
    frame = frame or innermost
    if frame is None:
        return ""
    path = frame.f_code.co_filename.replace("\\", "/")
    path = "policy_nlp/" + path.rsplit("/policy_nlp/", 1)[1] if "/policy_nlp/" in path else path
    return f"; stopped in {frame.f_code.co_name} ({path}:{frame.f_lineno})"


def check_seconds(seconds, name="doc_timeout"):
    """``seconds`` as a float if it is a time limit (a number ≥ 0; 0: none), else a ValueError.

    >>> check_seconds(2), check_seconds(0.5)
    (2.0, 0.5)
    >>> check_seconds(-1)
    Traceback (most recent call last):
    ValueError: doc_timeout must be a number of seconds >= 0 (0: no limit), not -1
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds) \
            or seconds < 0:
        raise ValueError(f"{name} must be a number of seconds >= 0 (0: no limit), not {seconds!r}")
    return float(seconds)


def run_limit(seconds, default=DEFAULT_SECONDS, here=True, instead="workers=2 or more"):
    """A run's limit per document: ``seconds`` checked (:func:`check_seconds`; None: ``default``).

    Where the documents are annotated in this thread (``here``) and no limit
    can apply in it (:func:`available`), a limit given is not applied, and a
    warning says so and what would apply it (``instead``: worker processes,
    whose main thread annotates); the default is not applied without a word.
    """
    if seconds is None:
        return default
    seconds = check_seconds(seconds)
    if seconds and here and not available():
        log.warning("doc_timeout=%g is not applied: one process annotates in this thread, and a time "
                    "limit needs the main thread (and setitimer); use %s", seconds, instead)
    return seconds


def available():
    """True where a limit can apply: the main thread of a system with ``setitimer``."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class time_limit:
    """Raise :class:`TimeLimitExceeded` in the block if it runs longer than ``seconds``.

    No limit when ``seconds`` is 0 or where none can apply (:func:`available`).
    The timer is cleared and the ``SIGALRM`` handler set back when the block
    ends, however it ends. A timer the caller had running (its own alarm, a
    test runner's timeout) keeps its due time: its handler runs when it is due,
    in the block too, and the timer is armed again after it.
    """

    def __init__(self, seconds):
        self.seconds = seconds
        self.active = bool(seconds) and available()

    def __enter__(self):
        if not self.active:
            return self
        self.closing = False
        delay, self.interval = signal.setitimer(signal.ITIMER_REAL, 0)  # the caller's, paused
        now = time.monotonic()
        self.deadline = now + self.seconds
        self.outer_due = now + delay if delay else None
        try:  # setting it runs the handler of a caller's alarm that came just now, which may raise
            self.outer = signal.signal(signal.SIGALRM, self._alarm)
        except BaseException:
            if self.outer_due is not None:
                signal.setitimer(signal.ITIMER_REAL, max(self.outer_due - time.monotonic(), SLACK), self.interval)
            raise
        self._arm(first=True)
        return self

    def _arm(self, first=False):
        """The timer to the next due time: this limit's (once reached, AGAIN seconds on; but not
        before it was first armed: a limit of SLACK or less is reached by then), or the caller's
        timer's if sooner."""
        now = time.monotonic()
        due = self.deadline if first or self.deadline > now + SLACK else now + AGAIN
        if self.outer_due is not None:
            due = min(due, self.outer_due)
        signal.setitimer(signal.ITIMER_REAL, max(due - now, SLACK), AGAIN)

    def _alarm(self, signum, frame):
        if self.closing:  # the block is over: a caller's timer due now is armed again as it ends
            return
        now = time.monotonic()
        if self.outer_due is not None and now >= self.outer_due - SLACK:
            self.outer_due = now + self.interval if self.interval else None
            self._arm()
            self._outer_alarm(signum, frame)  # may raise: the block ends on it, as without a limit
        if now >= self.deadline - SLACK:
            raise TimeLimitExceeded(self.seconds, frame)
        self._arm()

    def _outer_alarm(self, signum, frame):
        """What the caller's handler does with its alarm: call it; the default action ends the process."""
        if callable(self.outer):
            self.outer(signum, frame)
        elif self.outer == signal.SIG_DFL:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.raise_signal(signal.SIGALRM)

    def __exit__(self, *exc):
        if not self.active:
            return False
        self.closing = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        set_back({signal.SIGALRM: self.outer})
        if self.outer_due is not None:  # the caller's timer, with the time it had left
            signal.setitimer(signal.ITIMER_REAL, max(self.outer_due - time.monotonic(), SLACK), self.interval)
        return False


def set_back(handlers, mask=None):
    """Set back the signal ``handlers`` (and, given, this thread's signal ``mask``), all of them.

    ``signal.signal`` first runs the handlers of signals that came: one set back
    may raise there (a Ctrl-C come just after SIGINT's), before the next is
    set; it is raised once all are (one held in this thread is handled as the
    mask is set back).
    """
    raised = None
    for signum, handler in handlers.items():
        for _ in range(3):  # not for ever: an error that is no signal's would come back each time
            try:
                signal.signal(signum, handler)
                break
            except BaseException as error:  # raised below, once all are set back
                raised = raised or error
    if mask is not None:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        except BaseException as error:
            raised = raised or error
    if raised is not None:
        raise raised
