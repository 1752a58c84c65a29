"""The Dask backend's bounds: a local cluster whose workers do not start, or a
run whose cluster has no worker left, ends with a clear error or failed
documents, never an endless wait (pytest's faulthandler_timeout guards them).

The pipeline is the tokenizer plus paragraphs, as in tests/run/test_batch.py;
the texts are sentences of the national work reports.
"""

import io
import os
import signal

import pytest

distributed = pytest.importorskip("distributed")

from policy_nlp.errors import ClusterError  # noqa: E402
from policy_nlp.io.corpus import Record  # noqa: E402
from policy_nlp.run import dask_backend, worker  # noqa: E402

SETTINGS = {"stages": ["paragraphs"], "lexicon": False, "clean": False, "format": "jsonl"}
RECORDS = [Record("a", "过去一年，我国发展历程很不平凡。\n全面推进乡村振兴，加快建设农业强国。", {}),
           Record("b", "各位代表：\n坚持农业农村优先发展。", {}),
           Record("c", "（一）深化改革开放。\n二是要狠抓落实。", {})]


def _first_worker_runs(action, marker):
    """A worker preload (Dask runs it as a script in each worker process before the
    worker connects) doing ``action`` in the first worker only (which creates ``marker``)."""
    return (f"import os\ntry:\n    os.close(os.open({str(marker)!r}, os.O_CREAT | os.O_EXCL))\n"
            f"except FileExistsError:\n    pass\nelse:\n    {action}\n")


@pytest.mark.parametrize("action, message", [
    ("import time; time.sleep(3600)",
     r"did not start: a worker process was not connected after 20 s \(AssertionError"),
    ("os._exit(7)", r"did not start: a worker process ended before it connected \(RuntimeError: Nanny failed to start"),
], ids=["never connects", "dies at start"])
def test_a_local_worker_that_never_connects_or_dies_at_start_is_an_error_not_a_wait(tmp_path, monkeypatch,
                                                                                    action, message):
    """One of two workers hangs before it connects (sleeps) or dies at its start: the start
    fails (a hang once START_TIMEOUT has passed), the cluster is closed, the error says why."""
    import dask
    monkeypatch.setattr(dask_backend, "START_TIMEOUT", 20)  # the fork server may start first
    with dask.config.set({"distributed.worker.preload": [_first_worker_runs(action, tmp_path / "first")]}):
        with pytest.raises(ClusterError, match=message):
            with dask_backend.checked_cluster(SETTINGS, workers=2):
                pass
    assert (tmp_path / "first").exists()  # the preload did run: the failure was the worker's


def test_a_local_cluster_that_fails_otherwise_is_not_said_to_have_lost_a_worker(monkeypatch):
    """Any other failure to start (here the scheduler's port) names no dead or unconnected
    worker: the lead says only that the cluster did not start, the error follows."""
    def no_port(*args, **kwargs):
        raise OSError("[Errno 98] Address already in use")
    monkeypatch.setattr(distributed, "LocalCluster", no_port)
    with pytest.raises(ClusterError) as caught:
        dask_backend._start(2, None)
    assert str(caught.value) == ("the local Dask cluster did not start "
                                 "(OSError: [Errno 98] Address already in use)")


def test_a_cluster_left_without_workers_fails_the_batches_not_done():
    """Every worker gone (here retired, so that no nanny restarts one): the run waits
    ``wait_for_workers`` seconds for one, then each document of the batches not done
    fails with the reason, in input order; nothing is waited for after that."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, \
            distributed.Client(cluster) as client:
        done = list(dask_backend.run_on_dask([RECORDS[:1]], SETTINGS, client=client))
        client.retire_workers(list(client.nthreads()))
        assert client.nthreads() == {}
        results = list(dask_backend.run_on_dask([RECORDS[:2], RECORDS[2:]], SETTINGS, client=client,
                                                wait_for_workers=1))
    assert [id for batch in results for id, *_ in batch] == ["a", "b", "c"]
    reasons = {reason for batch in results for *_, reason in batch}
    assert reasons == {"no Dask worker left in the cluster for 1 s (they died or stopped answering)"}
    worker.load_pipeline(SETTINGS)
    assert done == [worker.annotate_batch(RECORDS[:1])]


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="stops a worker with SIGSTOP")
def test_an_interrupted_run_ends_though_its_worker_stopped_answering():
    """Ctrl-C or SIGTERM while a local worker no longer answers (stopped): the
    workers are silenced without waiting for it for good, and the cluster closes."""
    pids = []
    with pytest.raises(KeyboardInterrupt):
        with dask_backend._cluster(SETTINGS, 1, None) as (client, _):
            pids += client.run(os.getpid).values()
            os.kill(pids[0], signal.SIGSTOP)
            raise KeyboardInterrupt
    assert len(pids) == 1
    for pid in pids:  # ended by the cluster's close (a stopped process still dies of SIGKILL)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        os.kill(pid, signal.SIGKILL)
        pytest.fail(f"worker {pid} outlived its cluster")


def test_dasks_cancel_slip_is_kept_out_of_the_log_and_other_errors_are_not():
    """Dask's sync(), interrupted before its coroutine started, logs a NameError of its
    ``cancel`` through tornado: not a failure of the run, so not shown; any other error is."""
    import logging

    def record_of(filename, name):
        space = {}
        exec(compile(f"def {name}():\n    return future\n", filename, "exec"), space)
        try:
            space[name]()
        except NameError as error:
            return logging.LogRecord("tornado.application", logging.ERROR, filename, 1,
                                     "Exception in callback", None, (NameError, error, error.__traceback__))

    slip = record_of("/site-packages/distributed/utils.py", "cancel")
    assert not dask_backend._not_dasks_cancel_slip(slip)
    assert dask_backend._not_dasks_cancel_slip(record_of("/site-packages/distributed/utils.py", "other"))
    assert dask_backend._not_dasks_cancel_slip(record_of("/site-packages/mine/utils.py", "cancel"))
    plain = logging.LogRecord("tornado.application", logging.ERROR, "x", 1, "no traceback", None, None)
    assert dask_backend._not_dasks_cancel_slip(plain)


def test_two_overlapping_runs_keep_the_cancel_slip_filter_until_the_last_one_ends(monkeypatch):
    """Two runs of one process (two threads) share tornado's logger: the first to end
    left the other without the filter. It stays until the last run using it ends."""
    import logging

    class Client:
        def close(self):
            pass

    monkeypatch.setattr(dask_backend, "_start", lambda *args: (Client(), None))
    tornado = logging.getLogger("tornado.application")
    first, second = dask_backend._cluster(SETTINGS, 1, None), dask_backend._cluster(SETTINGS, 1, None)
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert dask_backend._not_dasks_cancel_slip in tornado.filters
    second.__exit__(None, None, None)
    assert dask_backend._not_dasks_cancel_slip not in tornado.filters


@pytest.mark.parametrize("ending", ["close times out", "second interrupt while closing"])
def test_an_interrupted_run_leaves_dasks_logging_as_it_was_however_its_close_ends(monkeypatch, ending):
    """A local cluster sets Dask's handlers to ERROR when it starts (``silence_logs``) and back
    only when its close completes; an interrupted run silences Dask's loggers while it closes.
    A close that timed out, or a second Ctrl-C while the client closed, left them so for the
    rest of the process (a notebook's later Dask errors unseen): every way out restores them."""
    import logging

    class Client:
        def run(self, function):
            pass  # the workers' silencing: there are none

        def close(self):
            if ending == "second interrupt while closing":
                raise KeyboardInterrupt

    class Cluster:
        def close(self, timeout):
            if ending == "close times out":
                raise TimeoutError

    def start(*args):
        for handler in logging.getLogger("distributed").handlers:  # as LocalCluster(silence_logs=ERROR)
            handler.setLevel(logging.ERROR)
        return Client(), Cluster()

    monkeypatch.setattr(dask_backend, "_start", start)
    # Dask's own handler, which it adds where logging is not configured (pytest configures it)
    handler = logging.StreamHandler(io.StringIO())
    logging.getLogger("distributed").addHandler(handler)
    loggers = [logging.getLogger(name) for name in ("distributed", "asyncio", "bokeh")]
    items = [item for logger in loggers for item in (logger, *logger.handlers)]
    before = {item: item.level for item in items}
    tornado = logging.getLogger("tornado.application")
    try:
        with pytest.raises(KeyboardInterrupt):
            with dask_backend._cluster(SETTINGS, 1, None):
                raise KeyboardInterrupt
        assert {item: item.level for item in items} == before
        assert dask_backend._not_dasks_cancel_slip not in tornado.filters
    finally:
        for item, level in before.items():
            item.setLevel(level)
        tornado.removeFilter(dask_backend._not_dasks_cancel_slip)
        logging.getLogger("distributed").removeHandler(handler)
