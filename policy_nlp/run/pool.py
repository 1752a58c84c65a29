"""The process pool of a corpus run (``--workers N``): forked workers that
annotate batches, and a run that survives losing one of them.

The parent loads the pipeline first (:func:`policy_nlp.run.worker.load_pipeline`);
the workers are forked from it and share its pages. Each worker has a pipe of
its own, is sent one batch at a time, and keeps in shared memory the position
of the document it is annotating: when one dies (``kill -9``, the out-of-memory
killer, a crash in a C extension) the parent knows which batch it held and at
which document it died. ``multiprocessing.Pool`` did not: it started a new
worker, and ``imap`` waited for the lost batch for good.
``concurrent.futures.ProcessPoolExecutor`` notices (``BrokenProcessPool``) but
fails every batch in flight, ends the other workers, cannot say which batch the
dead one held, and before Python 3.14 cannot end its workers on Ctrl-C.

The document a worker died on is annotated again alone, in another worker, and
the rest of its batch as before (ahead of the queue: the output waits for them,
lines being written in input order). A document on which a second worker dies
is a failed document (``worker process died (killed by signal 9, SIGKILL: out
of memory?) while annotating this document, a second time``): the run goes on,
ends with status 1, and a rerun tries it again. So a document that kills every
worker (a pathological input, or one too big for the memory left) costs two
workers and one failed line, never its batch's other documents, which a retry
of the whole batch would fail with it on every rerun; a worker killed once
(by the OOM killer, for another process's memory) costs a retry only.

A worker is sent its next batch once the parent has read its results, never
while it is busy: both could then block sending more than a pipe holds.
What that wait costs (``benchmarks/pool_waits.py``: ≤0.4% of the workers'
time on 2 cores) is not worth a reader thread in every worker.
"""

import collections
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from multiprocessing.connection import wait

from policy_nlp.run.timelimit import set_back as _set_back
from policy_nlp.run.worker import annotate_batch, failed

log = logging.getLogger("policy_nlp")
_STOPS = {signal.SIGINT, signal.SIGTERM}  # the signals that stop a run (Ctrl-C, kill PID)


def annotate_on_workers(batch_list, workers, time_limit=0):
    """Annotate ``batch_list`` on ``workers`` forked processes; yield each
    batch's results (:func:`~policy_nlp.run.worker.annotate_batch`) in input order.
    A document that takes longer than ``time_limit`` seconds (0: no limit) is
    stopped in its worker, which goes on (:mod:`policy_nlp.run.timelimit`).

    The workers are ended when the generator is closed (a finished run, Ctrl-C,
    SIGTERM: :class:`policy_nlp.run.batch._Stopper` raises in this thread).
    """
    context = multiprocessing.get_context("fork")
    # a task: (batch index, position of its first record in the batch, records)
    tasks = collections.deque((index, 0, batch) for index, batch in enumerate(batch_list))
    results = [[None] * len(batch) for batch in batch_list]
    missing = [len(batch) for batch in batch_list]
    deaths = collections.Counter()  # (batch index, position): workers that died annotating it
    idle, busy, started = [], [], []
    written = 0
    try:
        while written < len(batch_list):
            while tasks and (idle or len(idle) + len(busy) < workers):
                worker = idle.pop() if idle else _Worker(context, started, time_limit)
                if not worker.process.is_alive():  # died idle: no work lost
                    worker.close()
                    continue
                worker.give(tasks.popleft())
                busy.append(worker)
            handles = {}
            for worker in busy:
                handles[worker.connection] = handles[worker.process.sentinel] = worker
            for worker in dict.fromkeys(handles[ready] for ready in wait(list(handles))):
                busy.remove(worker)
                index, start, records = worker.task
                batch_results = worker.receive()
                if batch_results is not None:
                    idle.append(worker)
                    filled = [(start, batch_results)]
                else:  # it died with the task
                    at, death = worker.position.value, worker.close()
                    filled, again = _after_death(worker.task, at, death, deaths)
                    tasks.extendleft(reversed(again))
                for first, part in filled:
                    results[index][first:first + len(part)] = part
                    missing[index] -= len(part)
            while written < len(batch_list) and not missing[written]:
                done, results[written] = results[written], None
                written += 1
                yield done
    finally:
        _end(started)


def _after_death(task, at, death, deaths):
    """What to do with the ``task`` of a worker that died (``death``, in words)
    at its record ``at`` (``len(records)``: while sending the results).

    That record is blamed (all of them if the worker died sending), in
    ``deaths``: a record blamed twice is a failed result, one blamed once is
    tried again alone; the others, annotated or not reached, are tried again
    as they were. Returns ``([(position, failed results)], [tasks to run first])``.
    """
    index, start, records = task
    blamed = range(len(records)) if at >= len(records) else [at]
    failures, again, rest = [], [], 0
    for i in blamed:
        deaths[index, start + i] += 1
        if rest < i:
            again.append((index, start + rest, records[rest:i]))
        rest = i + 1
        if deaths[index, start + i] >= 2:
            failures.append((start + i, failed(records[i:i + 1], f"worker process died ({death}) while "
                                                                 "annotating this document, a second time")))
        else:
            again.append((index, start + i, records[i:i + 1]))
    if rest < len(records):
        again.append((index, start + rest, records[rest:]))
    if len(failures) < len(blamed):  # a failure is reported by the run, as any document's
        what = (_sources(records[at:at + 1]) if at < len(records)
                else f"{len(records)} documents ({_sources(records)}), sending their results")
        log.warning("a worker process died (%s) while annotating %s: trying again alone", death, what)
    return failures, again


def _sources(records):
    """The first and last source of ``records``, for a log line."""
    first, last = (str(r.meta.get("source", r.id)) for r in (records[0], records[-1]))
    return first if len(records) == 1 else f"{first} … {last}"


class _Worker:
    """A forked worker process, its end of the pipe, the task it holds, and
    the position in that task of the record it annotates (shared memory)."""

    def __init__(self, context, started, time_limit=0):
        self.connection, child = context.Pipe()
        self.position = context.RawValue("l", 0)
        # the child closes this process's ends of every pipe, so that it sees its own
        # pipe's end of file (and exits) when this process is gone
        ends = [w.connection for w in started if not w.connection.closed] + [self.connection]
        self.process = context.Process(target=_serve, args=(child, self.position, ends, os.getpid(), time_limit), daemon=True,
                                       name="policy-nlp-worker")
        self.task = None
        started.append(self)
        _start_holding_signals(self.process)
        child.close()  # the worker's end is the worker's alone: it dies, this end reads EOF

    def give(self, task):
        self.task = task
        self.position.value = 0  # a death before the worker starts it blames the first record
        try:
            self.connection.send(task[2])
        except OSError:  # died meanwhile: its sentinel says so next
            pass

    def receive(self):
        """The results of the task, or None if the worker died without sending them."""
        try:
            if self.connection.poll():
                return self.connection.recv()
        except (EOFError, OSError):  # died, maybe while sending them
            pass
        return None

    def close(self):
        """Reap the (dead) worker; returns how it died, in words."""
        self.connection.close()
        self.process.join(5)
        code = self.process.exitcode
        if code is None:  # its pipe broke but it lives on: it must not annotate unseen
            self.process.kill()
            self.process.join()
            return "its pipe broke"
        if code >= 0:
            return f"exited with status {code}"
        name = signal.Signals(-code).name if -code in signal.valid_signals() else "?"
        return (f"killed by signal {-code}, {name}"
                + {signal.SIGKILL: ": out of memory?", signal.SIGSEGV: ": a crash"}.get(-code, ""))


def _start_holding_signals(process):
    """Start a worker with SIGINT and SIGTERM blocked (held, not lost) across the fork.

    A terminal's Ctrl-C reaches the whole process group: the parent stops the
    run and ends the workers (SIGTERM, their default action: see
    :class:`policy_nlp.run.batch._Stopper`). The worker ignores SIGINT from
    before it unblocks them (:func:`_serve`); the parent gets a signal that came
    during the fork once it is started. (SIGINT was ignored in the parent
    during the fork: a Ctrl-C then was lost.)
    """
    with _stops_held():
        process.start()


@contextlib.contextmanager
def _stops_held():
    """SIGINT and SIGTERM held during the block, handled after it.

    Blocked in this thread, they wait there. But the system gives one sent to
    the process to a thread that does not block it (numpy's OpenBLAS threads,
    which a loaded pipeline has; a caller's), and Python runs its handler in
    the main thread all the same, mid-block: so in the main thread their
    handlers are replaced meanwhile by one that notes the signal, raised again
    after the block. (Other threads never run a handler.)

    A signal noted while the block raises is raised too, the block's error
    its ``__context__`` (it was dropped: a fork that failed as Ctrl-C was
    pressed ended the run on the OSError, and a caller handling that went on);
    not when the block's error is a ``KeyboardInterrupt`` itself, a stop already.
    """
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    caught, replaced, error = [], {}, None
    try:
        if threading.current_thread() is threading.main_thread():
            for signum in _STOPS:
                if callable(signal.getsignal(signum)):
                    replaced[signum] = signal.signal(signum, lambda signum, frame: caught.append(signum))
        yield
    except BaseException as raised:
        error = raised
        raise
    finally:
        _set_back(replaced, blocked)
        if caught and not isinstance(error, KeyboardInterrupt):  # the first: a stop raises once
            signal.raise_signal(caught[0])


def _serve(connection, position, parent_ends, parent, time_limit=0):
    """A worker: annotate each batch it is sent, until the pipe closes,
    telling the parent which record it is at (``position``), each record
    within ``time_limit`` seconds (0: none).

    It stops at the next document when its ``parent`` process is gone
    (SIGKILLed: nobody will read the batch, and the worker holds the run's
    output lock, inherited); it went on to the end of the batch.
    """
    for end in parent_ends:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # blocked by the parent across the fork
    while True:
        try:
            records = connection.recv()
        except (EOFError, OSError):  # the parent is gone, maybe halfway through sending a batch
            return
        results = []
        for position.value, record in enumerate(records):
            if os.getppid() != parent:
                return
            results += annotate_batch([record], time_limit=time_limit)
        position.value = len(records)
        try:
            connection.send(results)
        except OSError:  # the parent is gone (SIGKILL): nothing to print, nobody to tell
            return


def _end(started, seconds=5.0):
    """End the workers: SIGTERM, then SIGKILL to any still there after ``seconds``.

    SIGINT and SIGTERM are held meanwhile (:func:`_stops_held`), and raised
    after: one that came during the joins (a run ending as the user presses
    Ctrl-C, a caller's handler that raises) left the workers not yet joined
    there, and one that ignores SIGTERM running.
    """
    with _stops_held():
        alive = [w.process for w in started if w.process.pid is not None and w.process.exitcode is None]
        for process in alive:
            process.terminate()
        deadline = time.monotonic() + seconds
        for process in alive:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.exitcode is None:
                process.kill()
                process.join()
        for worker in started:
            worker.connection.close()
