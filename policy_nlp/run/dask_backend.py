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
  its end. Where the system can fork (POSIX), this process loads the pipeline
  first and the workers are forked from it, as the process pool's are: they
  start with spaCy, scikit-learn, policy_nlp and the loaded pipeline instead
  of importing and loading them again (Dask's default, ``spawn``, costs each
  worker ~1.5 s CPU before its first batch).

Each worker process loads the pipeline once, on its first batch (or inherits
it), and keeps it for the next batches (:func:`worker_pipeline`, keyed by the
settings). Batches
are submitted through a sliding window of a few per worker thread, so that the
scheduler never holds the whole corpus in memory.

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
import uuid
from collections import deque

from policy_nlp._startup import loaded_objects_frozen
from policy_nlp.run import worker

log = logging.getLogger("policy_nlp")

# Batches in flight per worker thread: enough to keep every worker busy while
# the head of the queue is being written, few enough to bound memory.
IN_FLIGHT_PER_THREAD = 3

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


def _start(workers, scheduler, fork=False):
    """A Client, and the LocalCluster we started (or None); with ``fork``, the
    local cluster's workers are forked from this process (see :func:`_cluster`)."""
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
    # The start method applies to the workers started here only: one the nanny restarts
    # after a crash is spawned (Dask's default) and loads the pipeline on its first batch.
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.worker.multiprocessing-method": "fork" if fork else "spawn"}):
        # Without a dashboard the scheduler still serves its HTTP routes, by default on port
        # 8787: on a free port instead, with no "Port 8787 is already in use" warning when
        # another cluster (another run) has it.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None,
                               scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                               silence_logs=logging.ERROR)
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


def forks_local_workers():
    """Whether a local cluster's workers are forked from the client process
    (where the system has ``fork``) rather than spawned."""
    return "fork" in multiprocessing.get_all_start_methods()


def _preload(settings):
    """Load the pipeline of ``settings`` into this process, warmed up as the
    process pool's parent does, as the one :func:`worker_pipeline` returns."""
    nlp = worker.load_pipeline(settings)
    with _LOCK:
        _PIPELINES.setdefault(_key(settings), nlp)


@contextlib.contextmanager
def _cluster(settings, workers, scheduler):
    """``(client, local cluster or None)`` for a run, both closed after the block.

    A local cluster's workers are forked once this process has loaded the
    pipeline (when the system forks; a bad setting then fails here, before
    any worker starts). What is alive is frozen before the fork, as for the
    process pool, so the workers' collectors never walk the pipeline or copy
    its pages, and unfrozen after the block.
    """
    fork = scheduler is None and forks_local_workers()
    if fork:
        _preload(settings)
    with loaded_objects_frozen() if fork else contextlib.nullcontext():
        client, cluster = _start(workers, scheduler, fork=fork)
        levels = {}  # Dask's log levels here, silenced while an interrupted run closes its cluster
        try:
            yield client, cluster
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the run says it stopped, once
            if cluster is not None:
                levels = _quiet_close(client)
            raise
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            for logger, level in levels.items():  # a caller's later Dask work logs as before
                logger.setLevel(level)


def _silence_distributed():
    """Log nothing more from Dask in this process (below CRITICAL); returns
    ``{logger or handler: its level before}``. asyncio's logger too: a client's
    gather cut short by the interrupt ends in AllExit, which asyncio logs with a
    traceback as "Task exception was never retrieved" while the cluster closes."""
    loggers = [logging.getLogger("distributed"), logging.getLogger("asyncio")]
    levels = {item: item.level for logger in loggers for item in (logger, *logger.handlers)}
    for item in levels:
        item.setLevel(logging.CRITICAL)
    return levels


def _quiet_close(client):
    """Before an interrupted run closes the local cluster it started: Dask
    silenced, on the workers and here. A worker still annotating a batch
    answers the scheduler late as the cluster shuts down, and logged its
    failed heartbeat as an ERROR with a traceback (one in two SIGTERMs).
    Returns the levels to restore here once the cluster is closed."""
    levels = _silence_distributed()  # first: the scheduler runs here, and logs workers it cannot reach
    with contextlib.suppress(Exception):
        client.run(_silence_worker)
    return levels


def _silence_worker():
    _silence_distributed()  # nothing sent back: loggers and handlers are no results to pickle


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

    A local cluster whose workers are forked (:func:`_cluster`) starts after
    that load, which is the check. Otherwise the check (:func:`check_pipeline`)
    runs in a thread while the cluster starts (spawned local workers, or the
    connection to ``scheduler``) and spawned local workers load their
    pipelines: they work on the other cores meanwhile, instead of after it.
    When the check fails, its error is raised and the cluster closed; at the
    end of the block the client is closed and a local cluster shut down.
    """
    _import_distributed()  # first: the check and this import would share one interpreter lock
    failure = []

    def check():
        try:
            check_pipeline(settings)
        except BaseException as error:  # raised below, in the caller's thread
            failure.append(error)

    checking = None
    if scheduler or not forks_local_workers():
        checking = threading.Thread(target=check, name="policy-nlp-check-pipeline", daemon=True)
        checking.start()
    try:
        with _cluster(settings, workers, scheduler) as (client, cluster):
            if cluster is not None and checking is not None:
                # spawned workers load their pipelines meanwhile, and freeze them
                with contextlib.suppress(Exception):  # a failure shows in the check, or in each batch
                    client.run(_warm, settings, True)
            if checking is not None:
                checking.join()
            if failure:
                raise failure[0]
            if scheduler:
                _wait_for_workers(client, scheduler, wait_for_workers)
            yield client
    finally:
        if checking is not None:
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
        Seconds to wait for a remote scheduler to have at least one worker.

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
                client.run(_warm, settings)
            except Exception as error:  # the batches will report it per document
                log.warning("loading the pipeline on the Dask workers failed: %s", error)
        yield from _in_order(client, batch_list, settings, workers)


def _wait_for_workers(client, scheduler, seconds):
    """Wait until a remote scheduler has a worker; a clear error after ``seconds``."""
    try:
        client.wait_for_workers(1, timeout=seconds)
    except TimeoutError:
        raise ValueError(f"the Dask scheduler {scheduler} has no workers after "
                         f"{seconds} s; start some with "
                         f"'dask worker {scheduler}'") from None


def _in_order(client, batch_list, settings, workers):
    """Submit the batches through a sliding window; yield each one's results in input order.

    A lost batch yields one failed result per document; batches still in
    flight when the caller stops are cancelled.
    """
    futures = deque()
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
                results = future.result()
            except Exception as error:
                results = worker.failed(batch, _describe(error))
            finally:
                future.release()
            submit()
            yield results
    finally:
        for _, future in futures:
            future.cancel()
