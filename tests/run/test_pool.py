"""The process pool of a corpus run (policy_nlp.run.pool): signals around a fork,
a worker's death at any point, what a worker inherits, a parent that dies.

The workers' annotate_batch is replaced by a stub (the pool is under test, not
the stages): a monkeypatch made before the fork is what the forked workers run.
"""

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import pytest

from policy_nlp.io.corpus import Record
from policy_nlp.run import pool

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="forks, reads /proc")

FORK = multiprocessing.get_context("fork")
SENTENCES = ["坚持农业农村优先发展。", "全面推进乡村振兴，加快建设农业强国。", "过去一年，我国发展历程很不平凡。"]


def _records(n, repeat=1):
    return [Record(f"doc{i:03d}", SENTENCES[i % len(SENTENCES)] * repeat, {"source": f"in.jsonl:{i + 1}"})
            for i in range(n)]


def _stub(records, time_limit=0):
    """What the stubbed workers return for a batch: the text as the payload."""
    return [(r.id, r.meta, len(r.text), r.text, None) for r in records]


def _state(pid):
    """The state letter of process ``pid`` (Z: a zombie), or None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def _gone(pid, seconds):
    deadline = time.monotonic() + seconds
    while _state(pid) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.05)
    return _state(pid) in (None, "Z")


# --- signals around a fork -----------------------------------------------------

def _ctrl_c(to):
    """A SIGINT to this thread, or to the process (which another thread, blocking no signal, takes
    while this one blocks it: Python runs its handler in this, the main thread, all the same)."""
    if to == "this thread":
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    else:
        os.kill(os.getpid(), signal.SIGINT)


@contextlib.contextmanager
def _another_thread():
    """Another thread in this process, blocking no signal, as numpy's OpenBLAS threads are."""
    done = threading.Event()
    threading.Thread(target=done.wait, args=(30,), daemon=True).start()
    try:
        yield
    finally:
        done.set()


@pytest.mark.parametrize("to", ["this thread", "the process"])
def test_a_ctrl_c_while_a_worker_is_forked_stops_the_run(monkeypatch, to):
    # SIGINT was ignored in the parent while it forked a worker: a Ctrl-C then was lost
    process = FORK.Process(target=time.sleep, args=(0.2,), daemon=True)
    start = process.start

    def start_hit_by_ctrl_c():
        _ctrl_c(to)
        start()
    monkeypatch.setattr(process, "start", start_hit_by_ctrl_c)
    with _another_thread(), pytest.raises(KeyboardInterrupt):
        pool._start_holding_signals(process)
    process.join(5)
    assert process.exitcode == 0  # the worker did not take it
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize("to", ["this thread", "the process"])
def test_a_ctrl_c_while_a_fork_fails_is_raised_with_the_failure_as_context(monkeypatch, to):
    """leftovers23: a stop noted while a held block raised (here the fork failing) was dropped:
    the run ended on the OSError as if Ctrl-C had not been pressed, and a caller that handles
    the OSError went on. Now the stop is raised, the block's error its __context__."""
    process = FORK.Process(target=time.sleep, args=(0.2,), daemon=True)

    def fork_fails():
        _ctrl_c(to)
        time.sleep(0.1)  # the other thread takes a signal to the process
        raise OSError(11, "Resource temporarily unavailable")
    monkeypatch.setattr(process, "start", fork_fails)
    with _another_thread(), pytest.raises(KeyboardInterrupt) as stop:
        pool._start_holding_signals(process)
    assert isinstance(stop.value.__context__, OSError) and stop.value.__context__.errno == 11
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_held_block_that_raises_a_stop_itself_raises_one_stop(monkeypatch):
    """A stop noted while the block raises a KeyboardInterrupt of its own is not raised twice."""
    with _another_thread(), pytest.raises(KeyboardInterrupt) as stop:
        with pool._stops_held():
            _ctrl_c("the process")
            time.sleep(0.1)
            raise KeyboardInterrupt("the block's")
    assert stop.value.args == ("the block's",) and stop.value.__context__ is None


def test_a_ctrl_c_to_the_group_before_the_worker_set_its_handlers_leaves_it_alone(monkeypatch):
    serve = pool._serve

    def serve_hit_early(*args):  # a Ctrl-C to the process group, just after the fork
        os.kill(os.getpid(), signal.SIGINT)
        serve(*args)
    monkeypatch.setattr(pool, "_serve", serve_hit_early)
    monkeypatch.setattr(pool, "annotate_batch", _stub)
    started = []
    try:
        worker = pool._Worker(FORK, started)
        worker.give((0, 0, _records(2)))
        assert wait([worker.connection], 10) and worker.receive() == _stub(_records(2))
    finally:
        pool._end(started)


# --- a parent that dies ------------------------------------------------------------

_ORPHAN = """
import os, sys, time
from policy_nlp.io.corpus import Record
from policy_nlp.run import pool
done = sys.argv[1]  # a line a document begun, so that the test counts documents, not seconds

def annotate(records, time_limit=0):
    with open(done, "a") as f:
        f.write("x\\n")
    time.sleep(0.2)
    return []
pool.annotate_batch = annotate
worker = pool._Worker(pool.multiprocessing.get_context("fork"), [])
worker.give((0, 0, [Record(str(i), "坚持农业农村优先发展。", {}) for i in range(100)]))
print(worker.process.pid, flush=True)
time.sleep(60)
"""


def test_a_worker_whose_parent_was_killed_stops_at_the_next_document(tmp_path):
    # it went on with its batch (up to minutes of CPU for nobody), holding the run's output lock
    env = {**os.environ, "PYTHONPATH": str(Path(pool.__file__).resolve().parents[2])}
    done = tmp_path / "done"
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(done)], stdout=subprocess.PIPE, text=True,
                              env=env)
    try:
        child = int(parent.stdout.readline())
        while not done.exists():
            time.sleep(0.05)
        parent.kill()
        parent.wait()
        begun = len(done.read_text().splitlines())
        assert _gone(child, 60)  # a guard only: a worker going on ends after its 100 documents (20 s)
        # the document it was on, and at most the one it had begun as the parent died
        assert len(done.read_text().splitlines()) <= begun + 1 < 100, "the worker went on with its batch"
    finally:
        parent.kill()
        with contextlib.suppress(NameError, ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def test_a_parent_killed_halfway_through_sending_a_batch_leaves_its_worker_quiet(monkeypatch, capfd):
    # the worker read half a message, then the end of file: "OSError: got end of file during message"
    monkeypatch.setattr(pool, "annotate_batch", _stub)
    started = []
    try:
        worker = pool._Worker(FORK, started)
        data = ForkingPickler.dumps(_records(20, repeat=1000))
        os.write(worker.connection.fileno(), struct.pack("!i", len(data)) + data[:1000])
        worker.connection.close()  # what the kernel does for a parent SIGKILLed there
        worker.process.join(5)
        assert worker.process.exitcode == 0 and "Traceback" not in capfd.readouterr().err
    finally:
        pool._end(started)


# --- a worker's death, at any point ----------------------------------------------

def _run_pool(batch_list, workers, monkeypatch):
    """annotate_on_workers' output, and the workers it started (ended by then)."""
    end, started = pool._end, []
    monkeypatch.setattr(pool, "_end", lambda workers, **kw: (started.extend(workers), end(workers, **kw)))
    return list(pool.annotate_on_workers(batch_list, workers)), started


def test_a_worker_killed_halfway_through_sending_its_results(monkeypatch, tmp_path, caplog):
    # the parent reads half a message, then the end of file: the batch's documents are tried again alone
    parent, once, send = os.getpid(), tmp_path / "killed", multiprocessing.connection.Connection.send

    def send_half_then_die(self, obj):
        if os.getpid() == parent or once.exists():
            return send(self, obj)
        once.touch()
        data = ForkingPickler.dumps(obj)
        part = memoryview(struct.pack("!i", len(data)) + data[:len(data) // 2])
        while part:
            part = part[os.write(self.fileno(), part):]
        os.kill(os.getpid(), signal.SIGKILL)
    monkeypatch.setattr(multiprocessing.connection.Connection, "send", send_half_then_die)
    monkeypatch.setattr(pool, "annotate_batch", _stub)
    records = _records(7, repeat=3000)  # ~50,000 characters each: more than a pipe holds
    batch_list = [records[:3], records[3:5], records[5:]]
    with caplog.at_level(logging.WARNING, logger="policy_nlp"):
        got, started = _run_pool(batch_list, 2, monkeypatch)
    assert got == [_stub(batch) for batch in batch_list]
    [death] = [r.getMessage() for r in caplog.records]
    assert "(killed by signal 9, SIGKILL: out of memory?)" in death and "sending their results" in death
    assert len(started) == 3 and all(_state(w.process.pid) is None for w in started)  # reaped: no zombie


def test_a_dead_workers_end_of_file_arrives_though_others_were_forked_after_it(monkeypatch):
    # each worker closes the parent's ends of the pipes of those forked before it
    monkeypatch.setattr(pool, "annotate_batch", _stub)
    started = []
    try:
        first, second, third = (pool._Worker(FORK, started) for _ in range(3))
        os.kill(second.process.pid, signal.SIGKILL)
        assert wait([second.connection], 5) and second.receive() is None
        first.connection.close()  # as when the parent is gone: the worker sees its end of file
        first.process.join(5)
        assert first.process.exitcode == 0
        third.give((0, 0, _records(2)))
        assert wait([third.connection], 5) and third.receive() == _stub(_records(2))
    finally:
        pool._end(started)


def test_batches_and_results_larger_than_a_pipe_buffer(monkeypatch):
    monkeypatch.setattr(pool, "annotate_batch", _stub)
    records = _records(40, repeat=4000)  # ~2 MB of UTF-8 a batch of 10, each way
    batch_list = [records[i:i + 10] for i in range(0, 40, 10)]
    got, _ = _run_pool(batch_list, 2, monkeypatch)
    assert got == [_stub(batch) for batch in batch_list]


# --- ending the workers --------------------------------------------------------------

@pytest.mark.parametrize("ctrl_c", [None, "this thread", "the process"])
def test_a_worker_that_ignores_sigterm_is_killed_even_with_a_signal_during_the_end(monkeypatch, tmp_path, ctrl_c):
    # CPython's Pool.terminate could wait forever on half a result from a worker it ended: _end
    # kills one that ignores SIGTERM after its seconds. A Ctrl-C (or the caller's handler raising)
    # during _end's joins left the workers not yet joined there: one that ignores SIGTERM was never killed
    # (a Ctrl-C to the process too, which another thread takes while _end blocks it: _ctrl_c)
    ignoring = tmp_path / "ignoring"

    def stubborn(records, time_limit=0):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        ignoring.touch()
        threading.Event().wait()
    monkeypatch.setattr(pool, "annotate_batch", stubborn)
    started = []
    worker = pool._Worker(FORK, started)
    try:
        worker.give((0, 0, _records(1)))
        deadline = time.monotonic() + 30
        while not ignoring.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        join = worker.process.join

        def join_hit_by_ctrl_c(*args):
            _ctrl_c(ctrl_c)
            return join(*args)
        if ctrl_c:
            monkeypatch.setattr(worker.process, "join", join_hit_by_ctrl_c)
        with _another_thread(), pytest.raises(KeyboardInterrupt) if ctrl_c else contextlib.nullcontext():
            pool._end(started, seconds=0.5)  # raised once they are ended
        assert worker.process.exitcode == -signal.SIGKILL and worker.connection.closed
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.process.pid, signal.SIGKILL)



def test_a_ctrl_c_while_the_handlers_are_set_back_leaves_none_of_them_replaced(monkeypatch):
    """review16: a Ctrl-C to the process just after _stops_held set SIGINT's handler back (before
    SIGTERM's) ran that handler as SIGTERM's was set back (signal.signal runs the pending ones
    first), which raised before it was set: SIGTERM was left to the noting handler (the caller's
    never called again) and the thread's mask blocking both."""
    set_handler, noted = signal.signal, []

    def set_back(signum, handler):
        previous = set_handler(signum, handler)
        if signum == signal.SIGINT and handler is signal.default_int_handler:
            os.kill(os.getpid(), signal.SIGINT)  # the other thread takes it
            time.sleep(0.2)
        return previous

    def callers(signum, frame):
        noted.append(signum)
    before = set_handler(signal.SIGTERM, callers)
    try:
        monkeypatch.setattr(signal, "signal", set_back)
        with _another_thread(), pytest.raises(KeyboardInterrupt):
            with pool._stops_held():
                pass
        monkeypatch.setattr(signal, "signal", set_handler)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert signal.getsignal(signal.SIGTERM) is callers
        assert not pool._STOPS & signal.pthread_sigmask(signal.SIG_BLOCK, [])
    finally:
        set_handler(signal.SIGTERM, before)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, pool._STOPS)
