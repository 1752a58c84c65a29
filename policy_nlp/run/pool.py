"""The process pool of a corpus run (``--workers N``): forked workers that
annotate batches, and a run that survives losing one of them.

The parent loads the pipeline first (:func:`policy_nlp.run.worker.load_pipeline`);
the workers are forked from it and share its pages. Each worker has a pipe of
its own and is sent one batch at a time, so when one dies (``kill -9``, the
out-of-memory killer, a crash in a C extension) the parent knows which batch it
held. ``multiprocessing.Pool`` did not: it started a new worker, and ``imap``
waited for the lost batch for good. ``concurrent.futures.ProcessPoolExecutor``
notices (``BrokenProcessPool``) but fails every batch in flight, ends the other
workers, cannot say which batch the dead one held, and before Python 3.14 has no
way to end its workers on Ctrl-C.

A lost batch is annotated again, one document per task, at the head of the
queue (the output waits for it: lines are written in input order); a document
lost a second time, alone, is a failed document (reason ``worker process died
(killed by signal 9, SIGKILL: out of memory?) …``): the run goes on, ends with
status 1, and a rerun tries it again. So a document that kills every worker it
meets (a pathological input) costs two workers and never its batch's other
documents, which a retry of the whole batch would fail with it, on every rerun.
"""

import collections
import logging
import multiprocessing
import signal
import threading
import time
from multiprocessing.connection import wait

from policy_nlp.run.worker import annotate_batch, failed

log = logging.getLogger("policy_nlp")


def annotate_on_workers(batch_list, workers):
    """Annotate ``batch_list`` on ``workers`` forked processes; yield each
    batch's results (:func:`~policy_nlp.run.worker.annotate_batch`) in input order.

    The workers are ended when the generator is closed (a finished run, Ctrl-C,
    SIGTERM: :class:`policy_nlp.run.batch._Stopper` raises in this thread).
    """
    context = multiprocessing.get_context("fork")
    # a task: (batch index, position of its first record in the batch, records, a retry?)
    tasks = collections.deque((index, 0, batch, False) for index, batch in enumerate(batch_list))
    results = [[None] * len(batch) for batch in batch_list]
    missing = [len(batch) for batch in batch_list]
    idle, busy, started = [], [], []
    written = 0
    try:
        while written < len(batch_list):
            while tasks and (idle or len(idle) + len(busy) < workers):
                worker = idle.pop() if idle else _Worker(context, started)
                if not worker.process.is_alive():  # died idle: no work lost
                    worker.close()
                    continue
                worker.give(tasks.popleft())
                busy.append(worker)
            handles = {}
            for worker in busy:
                handles[worker.connection] = handles[worker.process.sentinel] = worker
            for worker in dict.fromkeys(handles[ready] for ready in wait(list(handles))):
                (index, start, records, retry), batch_results = worker.task, worker.receive()
                busy.remove(worker)
                if batch_results is None:  # it died with the task
                    death = worker.close()
                    if retry:
                        batch_results = failed(records, f"worker process died ({death}) while annotating "
                                                        "this document alone, after a first worker died with it")
                    else:
                        log.warning("a worker process died (%s) while annotating %d documents (%s); "
                                    "annotating them again, one by one", death, len(records),
                                    _sources(records))
                        tasks.extendleft(reversed([(index, start + i, [r], True)
                                                   for i, r in enumerate(records)]))
                        continue
                else:
                    idle.append(worker)
                results[index][start:start + len(records)] = batch_results
                missing[index] -= len(records)
            while written < len(batch_list) and not missing[written]:
                done, results[written] = results[written], None
                written += 1
                yield done
    finally:
        _end(started)


def _sources(records):
    """The first and last source of ``records``, for a log line."""
    first, last = (str(r.meta.get("source", r.id)) for r in (records[0], records[-1]))
    return first if len(records) == 1 else f"{first} … {last}"


class _Worker:
    """A forked worker process, its end of the pipe, and the task it holds."""

    def __init__(self, context, started):
        self.connection, child = context.Pipe()
        # the child closes this process's ends of every pipe, so that it sees its own
        # pipe's end of file (and exits) when this process is gone
        ends = [w.connection for w in started if not w.connection.closed] + [self.connection]
        self.process = context.Process(target=_serve, args=(child, ends), daemon=True,
                                       name="policy-nlp-worker")
        self.task = None
        started.append(self)
        _start_without_sigint(self.process)
        child.close()  # the worker's end is the worker's alone: it dies, this end reads EOF

    def give(self, task):
        self.task = task
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


def _start_without_sigint(process):
    """Start a worker with SIGINT ignored from the fork on (set in the main thread).

    A terminal's Ctrl-C reaches the whole process group: the parent stops the
    run and ends the workers (SIGTERM, their default action: see
    :class:`policy_nlp.run.batch._Stopper`).
    """
    if threading.current_thread() is not threading.main_thread():  # signal handlers are the main thread's
        process.start()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process.start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _serve(connection, parent_ends):
    """A worker: annotate each batch it is sent, until the pipe closes."""
    for end in parent_ends:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            records = connection.recv()
        except EOFError:
            return
        connection.send(annotate_batch(records))


def _end(started, wait=5.0):
    """End the workers: SIGTERM, then SIGKILL to any still there after ``wait`` seconds."""
    alive = [w.process for w in started if w.process.pid is not None and w.process.exitcode is None]
    for process in alive:
        process.terminate()
    deadline = time.monotonic() + wait
    for process in alive:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.exitcode is None:
            process.kill()
            process.join()
    for worker in started:
        worker.connection.close()
