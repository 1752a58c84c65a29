"""Run corpus batches on a Dask cluster: ``policy-nlp annotate --backend dask``.

:func:`run_on_dask` is the Dask counterpart of the process pool in
:mod:`policy_nlp.run.batch`, running the same worker functions
(:mod:`policy_nlp.run.worker`), with the same contract: it yields each batch's
results *in input order* (so the output file is the same whatever the
cluster), a document that fails is a result with a reason, and a batch that
is lost altogether (its worker died, the pipeline could not be loaded on the
worker) comes back as one failed result per document, never as a silent gap.

The cluster is either

* an existing scheduler (``scheduler="tcp://HOST:PORT"``, started with
  ``dask scheduler`` and ``dask worker`` — see ``docs/scaling.md``), or
* a :class:`distributed.LocalCluster` of ``workers`` single-threaded worker
  processes on the loopback interface, started for the run and shut down at
  its end. Where the system has it (POSIX), the workers are started from a
  fork server (a fresh process that has imported Dask and policy_nlp once),
  never forked from this process (:func:`local_start_method`); elsewhere
  spawned. A worker that does not start within :data:`START_TIMEOUT` seconds
  makes the start fail (:class:`policy_nlp.errors.ClusterError`).

Each worker process loads the pipeline once, on warm-up or its first batch,
and keeps it for the next batches (:func:`worker_pipeline`, keyed by the
settings). Batches are submitted through a sliding window of a few per worker
thread, so that the scheduler never holds the whole corpus in memory. A batch
is waited for as long as it takes while the cluster has a worker; once it has
had none for ``wait_for_workers`` seconds, the batches not done fail.

Workers of a remote cluster import ``policy_nlp`` themselves: install the same
version (with the same ``--user-dict`` and ``--topic-model`` paths readable)
on every machine.
"""

import contextlib
import gc
import json
import logging
import multiprocessing
import threading
import time
import uuid
from collections import deque

from policy_nlp.errors import ClusterError
from policy_nlp.run import worker

log = logging.getLogger("policy_nlp")

# Batches in flight per worker thread: enough to keep every worker busy while
# the head of the queue is being written, few enough to bound memory.
IN_FLIGHT_PER_THREAD = 3
# Seconds a local worker has to start (its process up, connected and registered with the
# scheduler) before the cluster's start fails; a worker that takes longer is stuck, not slow.
START_TIMEOUT = 120
# Seconds a local cluster has to close at the end of a run.
CLOSE_TIMEOUT = 30
# Seconds between two looks, while a batch runs, at whether the cluster still has a worker.
POLL_SECONDS = 2


class NoWorkers(ClusterError):
    """The cluster has had no worker for longer than the run waits for one."""


_PIPELINES: dict = {}
_LOCK = threading.Lock()
LOADS = 0  # pipelines this process has loaded (a worker should load each settings' once)


def _key(settings):
    return json.dumps(settings, sort_keys=True, default=str)


def worker_pipeline(settings):
    """The pipeline for ``settings`` in this process, loaded on first use.

    ``settings`` are :func:`policy_nlp.load`'s keyword arguments plus the run
    options ``clean`` and ``format`` (ignored here). Loading is serialised by a
    lock, so several threads of one worker load it once.
    """
    global LOADS
    key = _key(settings)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            from policy_nlp.pipeline.loading import load
            nlp = load(**{k: v for k, v in settings.items() if k not in ("clean", "format")})
            _PIPELINES[key] = nlp
            LOADS += 1
    return nlp


def annotate_batch(records, settings):
    """Annotate one batch on a worker: the same results as the process pool's
    (:func:`policy_nlp.run.worker.annotate_batch`), ``[(id, meta, chars, payload, reason)]``.

    The batch runs under the module lock: a worker with several threads
    annotates one batch at a time (the work holds the GIL anyway).
    """
    nlp = worker_pipeline(settings)
    with _LOCK:
        return worker.annotate_batch(records, nlp, settings)


def check_pipeline(settings):
    """Load the pipeline of ``settings`` here, in the client, and drop it.

    A corpus run calls this before it opens its output files: a bad stage
    name or a missing or broken topic model is then one error, raised once
    (and the CLI's one line), instead of every batch failing on the workers
    after empty output files were created. It does not load the word
    segmenter (the workers do). A remote cluster's workers need the same
    ``--user-dict`` and ``--topic-model`` paths as this machine.
    """
    from policy_nlp.pipeline.loading import load
    load(**{k: v for k, v in settings.items() if k not in ("clean", "format")})


def _warm(settings, freeze=False):
    """Load the pipeline on a worker; with ``freeze`` (a worker of the local
    cluster a run starts, which runs nothing else), freeze what is alive once
    it is loaded, as forked pool workers have it: the collector then skips the
    pipeline (~0.4 s CPU per worker and run)."""
    loads = LOADS
    worker_pipeline(settings)
    if freeze and LOADS != loads:
        gc.freeze()
    return True


def _describe(error):
    name = type(error).__name__
    if name == "KilledWorker":
        return ("worker process died while annotating this document's batch "
                f"(out of memory or a crash; {error})")
    return f"batch failed on the Dask worker: {name}: {error}"


def _start(workers, scheduler, method="spawn"):
    """A Client, and the LocalCluster we started (or None); a local cluster's
    workers are started with the multiprocessing ``method`` (see :func:`local_start_method`)."""
    import dask
    from distributed import Client, LocalCluster
    if scheduler:
        # ValueError, like other bad arguments: the CLI reports it in one line.
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as error:
            raise ValueError(f"cannot connect to the Dask scheduler {scheduler}: {error}") from None
    # No dashboard, so no use for the statistical profiler a worker runs by default: it
    # samples the annotating thread's stack every 10 ms (~0.5 s CPU per worker and run).
    # The start method applies to the workers started here, and to one the nanny restarts.
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.worker.multiprocessing-method": method}):
        if method == "forkserver":
            _preload_forkserver()
        # Without a dashboard the scheduler still serves its HTTP routes, by default on port
        # 8787: on a free port instead, with no "Port 8787 is already in use" warning when
        # another cluster (another run) has it. A worker that has not started (connected,
        # registered) after START_TIMEOUT seconds makes the start fail instead of wait for good.
        try:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                                   silence_logs=logging.ERROR, death_timeout=START_TIMEOUT)
        except Exception as error:  # the cluster has closed what had started
            raise ClusterError(f"the local Dask cluster did not start{_start_failure(error)} "
                               f"({type(error).__name__}: {error})") from error
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close(timeout=CLOSE_TIMEOUT)
        raise


def _start_failure(error):
    """Why a local cluster did not start, as far as its error tells: a worker not connected
    within :data:`START_TIMEOUT` (a TimeoutError in the chain, under Dask's AssertionError),
    a worker process that ended first (its nanny's RuntimeError), else nothing more."""
    chain = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    if any(isinstance(e, TimeoutError) for e in chain):
        return f": a worker process was not connected after {START_TIMEOUT} s"
    if any(isinstance(e, RuntimeError) and "Nanny failed to start" in str(e) for e in chain):
        return ": a worker process ended before it connected"
    return ""


def local_start_method():
    """How a local cluster's workers start: ``forkserver`` where the system has
    it (POSIX), else ``spawn`` (Dask's default).

    Never ``fork`` from this process: Dask forks in a thread of its own while
    its event loop thread runs, and the child inherits what the other threads
    held or ran at that instant. A forked worker of the second local cluster of
    one process had a dead copy of Dask's offload thread (its
    ``ThreadPoolExecutor`` believes its idle thread is there: work given to it
    never runs), and a Dask test hung twice on a loaded machine with a worker's
    event loop idle. The fork server is a fresh single-threaded process that
    imports Dask and policy_nlp once (:func:`_preload_forkserver`); the workers
    forked from it load the pipeline on warm-up.
    """
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


# What the fork server imports once, so that its workers start with it (each would import
# them again, ~2 s CPU, if spawned); the pipeline itself is loaded on the worker.
FORKSERVER_PRELOAD = ("distributed", "dask", "tornado", "msgpack", "cloudpickle", "numpy",
                      "policy_nlp.run.dask_backend", "policy_nlp.pipeline.loading")


def _preload_forkserver():
    """Have the fork server (started with the first local cluster of this
    process) import :data:`FORKSERVER_PRELOAD`. Dask's own list is set on its
    first forkserver context; ours replaces it. A fork server already running
    keeps what it has (workers then import the rest themselves)."""
    from distributed.utils import get_mp_context
    get_mp_context().set_forkserver_preload(list(FORKSERVER_PRELOAD))


@contextlib.contextmanager
def _cluster(settings, workers, scheduler):
    """``(client, local cluster or None)`` for a run, both closed after the block
    (a cluster that does not close within :data:`CLOSE_TIMEOUT` is left with a
    warning: its workers end with this process). Dask's logging here is left as it
    was on every way out: a start that fails, a close that times out or raises, a
    second Ctrl-C while the first one's run closes (:func:`_share_logging`)."""
    levels = {}  # Dask's log levels here, silenced while an interrupted run closes its cluster
    with contextlib.ExitStack() as ending:  # each step runs, the last added first, whatever one before raised
        _share_logging(+1)
        ending.callback(_share_logging, -1)
        ending.callback(_restore_levels, levels)  # a caller's later Dask work logs as before
        client, cluster = _start(workers, scheduler, local_start_method())
        if cluster is not None:
            ending.callback(_close_local, cluster)
        ending.callback(client.close)
        try:
            yield client, cluster
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the run says it stopped, once
            if cluster is not None:
                _quiet_close(client, levels)
            raise


def _close_local(cluster):
    try:
        cluster.close(timeout=CLOSE_TIMEOUT)
    except TimeoutError:
        log.warning("the local Dask cluster did not close within %s s", CLOSE_TIMEOUT)


def _restore_levels(levels):
    for item, level in levels.items():
        item.setLevel(level)


# Runs (threads of one process) sharing Dask's logging here: the first to start notes the levels of
# Dask's handlers and adds the filter on tornado's logger, the last to end restores and removes them.
_shared_logging = {"lock": threading.Lock(), "runs": 0, "levels": {}}


def _share_logging(change):
    """One run more (+1) or fewer (-1) sharing Dask's logging in this process: the first notes the
    levels of the ``distributed`` and ``bokeh`` loggers' handlers, which a local cluster sets to
    ERROR while it runs (its ``silence_logs``) and sets back only if its close completes (not one
    that times out or is interrupted); the last sets them back. And :func:`_not_dasks_cancel_slip`
    on the ``tornado.application`` logger: added by the first, removed by the last."""
    tornado = logging.getLogger("tornado.application")
    shared = _shared_logging
    with shared["lock"]:
        if change > 0 and shared["runs"] == 0:
            shared["levels"] = {handler: handler.level for name in ("distributed", "bokeh")
                                for handler in logging.getLogger(name).handlers}
        shared["runs"] += change
        if shared["runs"] > 0:
            tornado.addFilter(_not_dasks_cancel_slip)  # once: a filter already there is not added again
        else:
            tornado.removeFilter(_not_dasks_cancel_slip)
            _restore_levels(shared["levels"])
            shared["levels"] = {}


def _not_dasks_cancel_slip(record):
    """False for the traceback of a slip in Dask's ``distributed.utils.sync``:
    interrupted before its coroutine started, it cancels a future not yet made
    (NameError: free variable 'future'), which tornado logs as an ERROR. The
    SIGTERM test (dask) failed on it once in 22 runs on a loaded machine."""
    error = record.exc_info[1] if record.exc_info else None
    if not isinstance(error, NameError):
        return True
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code if tb is not None else None
    return not (code is not None and code.co_name == "cancel"
                and code.co_filename.endswith(("distributed/utils.py", "distributed\\utils.py")))


def _silence_distributed(levels):
    """Log nothing more from Dask in this process (below CRITICAL), noting first in
    ``levels`` ``{logger or handler: its level before}``. asyncio's logger too: a client's
    gather cut short by the interrupt ends in AllExit, which asyncio logs with a
    traceback as "Task exception was never retrieved" while the cluster closes."""
    loggers = [logging.getLogger("distributed"), logging.getLogger("asyncio")]
    items = [item for logger in loggers for item in (logger, *logger.handlers)]
    levels.update((item, item.level) for item in items)
    for item in items:
        item.setLevel(logging.CRITICAL)


def _quiet_close(client, levels):
    """Before an interrupted run closes the local cluster it started: Dask
    silenced, on the workers and here (the levels it had here noted in ``levels``,
    restored once the cluster is closed). A worker still annotating a batch
    answers the scheduler late as the cluster shuts down, and logged its
    failed heartbeat as an ERROR with a traceback (one in two SIGTERMs)."""
    _silence_distributed(levels)  # first: the scheduler runs here, and logs workers it cannot reach
    # In a thread, given a few seconds: a worker that no longer answers must not hold up the stop.
    silencing = threading.Thread(target=_try, args=(client.run, _silence_worker), daemon=True)
    silencing.start()
    silencing.join(timeout=5)


def _try(function, *args):
    with contextlib.suppress(Exception):
        function(*args)


def _silence_worker():
    _silence_distributed({})  # nothing sent back: loggers and handlers are no results to pickle


def _import_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError:
        # named, so that the CLI reports the missing extra in one line
        raise ModuleNotFoundError("the Dask backend needs dask's 'distributed' package: "
                                  "pip install 'policy_nlp[dask]'", name="distributed") from None


@contextlib.contextmanager
def checked_cluster(settings, workers=1, scheduler=None, wait_for_workers=60):
    """A ``distributed.Client`` for a corpus run, checked: the block gets it
    once the pipeline of ``settings`` has loaded here.

    The check (:func:`check_pipeline`) runs in a thread while the cluster
    starts (the local cluster's workers, or the connection to ``scheduler``)
    and the local workers load their pipelines: they work on the other cores
    meanwhile, instead of after it. When the check fails, its error is raised
    and the cluster closed; at the end of the block the client is closed and a
    local cluster shut down. A local worker that does not start within
    :data:`START_TIMEOUT` seconds is a :class:`~policy_nlp.errors.ClusterError`, not a wait.
    """
    _import_distributed()  # first: the check and this import would share one interpreter lock
    failure = []

    def check():
        try:
            check_pipeline(settings)
        except BaseException as error:  # raised below, in the caller's thread
            failure.append(error)

    checking = threading.Thread(target=check, name="policy-nlp-check-pipeline", daemon=True)
    checking.start()
    try:
        with _cluster(settings, workers, scheduler) as (client, cluster):
            if cluster is not None:
                # the local workers load their pipelines meanwhile, and freeze them
                with contextlib.suppress(Exception):  # a failure shows in the check, or in each batch
                    _warm_all(client, settings, freeze=True)
            checking.join()
            if failure:
                raise failure[0]
            if scheduler:
                _wait_for_workers(client, scheduler, wait_for_workers)
            yield client
    finally:
        checking.join()


def run_on_dask(batch_list, settings, *, workers=1, scheduler=None, client=None,
                warm=True, wait_for_workers=60):
    """Annotate ``batch_list`` on Dask; yield each batch's results in input order.

    Parameters
    ----------
    batch_list : list of list of Record
        Batches from :func:`policy_nlp.run.batch.batches`.
    settings : dict
        Pipeline settings plus ``clean`` and ``format`` (as in the process pool).
    workers : int
        Worker processes of the local cluster (ignored with ``scheduler`` or
        ``client``).
    scheduler : str, optional
        Address ``tcp://HOST:PORT`` of a running Dask scheduler.
    client : distributed.Client, optional
        An existing client to use instead (it is left open).
    warm : bool
        Load the pipeline on every worker before submitting (in parallel),
        rather than on each worker's first batch.
    wait_for_workers : float
        Seconds to wait for a remote scheduler to have at least one worker;
        during the run, for any cluster that has lost all its workers to have
        one again: after that, the batches not done fail, each document with
        its reason (a batch that runs long on a live worker is waited for).

    Yields
    ------
    list of tuple
        ``[(id, meta, chars, payload or None, reason or None)]`` per batch.
    """
    if not batch_list:
        return
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, not {workers!r}")
    _import_distributed()
    with contextlib.ExitStack() as own:
        if client is None:
            client, _ = own.enter_context(_cluster(settings, workers, scheduler))
            if scheduler:
                _wait_for_workers(client, scheduler, wait_for_workers)
        if warm:
            try:
                _warm_all(client, settings)
            except Exception as error:  # the batches will report it per document
                log.warning("loading the pipeline on the Dask workers failed: %s", error)
        yield from _in_order(client, batch_list, settings, workers, wait_for_workers)


def _wait_for_workers(client, scheduler, seconds):
    """Wait until a remote scheduler has a worker; a clear error after ``seconds``."""
    try:
        client.wait_for_workers(1, timeout=seconds)
    except TimeoutError:
        raise ValueError(f"the Dask scheduler {scheduler} has no workers after "
                         f"{seconds} s; start some with "
                         f"'dask worker {scheduler}'") from None


def _await(client, future, patience, worker=None):
    """Wait until ``future`` is done, for as long as the cluster has a worker
    (``worker``: as long as that worker is in it); :class:`NoWorkers` once it
    has had none for ``patience`` seconds. A legitimately slow task is waited
    for: only the workers' presence is bounded, not the task's time.
    """
    from distributed import wait
    alone = None  # since when the cluster has had no worker
    while True:
        try:
            wait(future, timeout=POLL_SECONDS)
            return
        except TimeoutError:
            pass
        present = client.nthreads()
        if (worker in present) if worker else present:
            alone = None
        elif alone is None:
            alone = time.monotonic()
        if alone is not None and time.monotonic() - alone >= patience:
            raise NoWorkers(f"the Dask worker {worker} left the cluster" if worker else
                            f"no Dask worker left in the cluster for {patience} s "
                            "(they died or stopped answering)")


def _warm_all(client, settings, freeze=False):
    """:func:`_warm` on every worker of the cluster, in parallel; a worker that
    leaves the cluster meanwhile is skipped (one that joins later loads the
    pipeline on its first batch). Raises a worker's failure to load it."""
    run = uuid.uuid4().hex[:12]
    futures = {address: client.submit(_warm, settings, freeze, workers=[address],
                                      allow_other_workers=False, pure=False,
                                      key=f"policy-nlp-warm-{run}-{index}")
               for index, address in enumerate(client.nthreads())}
    try:
        for address, future in futures.items():
            with contextlib.suppress(NoWorkers):
                _await(client, future, 0, worker=address)
                future.result()
    finally:
        for future in futures.values():
            future.cancel()


def _in_order(client, batch_list, settings, workers, patience=60):
    """Submit the batches through a sliding window; yield each one's results in input order.

    A lost batch yields one failed result per document; once the cluster has
    had no worker for ``patience`` seconds, so does every batch not done.
    Batches still in flight when the caller stops are cancelled.
    """
    futures = deque()
    lost = None  # the NoWorkers error, once the cluster has lost its workers for good
    try:
        threads = sum(client.nthreads().values()) or workers
        window = max(2, IN_FLIGHT_PER_THREAD * threads)
        pending = iter(enumerate(batch_list))
        run = uuid.uuid4().hex[:12]

        def submit():
            for index, batch in pending:
                # a key of its own per run: never served from another run's result
                futures.append((batch, client.submit(annotate_batch, batch, settings, pure=False,
                                                     key=f"policy-nlp-batch-{run}-{index}")))
                return True
            return False

        while len(futures) < window and submit():
            pass
        while futures:
            batch, future = futures.popleft()
            try:
                if lost is None:
                    _await(client, future, patience)
                elif not future.done():
                    raise lost
                results = future.result()
            except NoWorkers as error:
                lost = error
                results = worker.failed(batch, str(error))
            except Exception as error:
                results = worker.failed(batch, _describe(error))
            finally:
                future.release()
            submit()
            yield results
    finally:
        for _, future in futures:
            future.cancel()
