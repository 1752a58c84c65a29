"""Benchmark: where the process pool's workers wait (``policy_nlp.run.pool``).

A worker annotates a batch, sends its results, then waits for the next batch:
time the parent takes to read the results (the worker is blocked in ``send``
while they do not fit in the pipe) and to send the next batch (blocked in
``recv``) is time the worker does not annotate. This runs
``annotate_on_workers`` on the batches a run makes (``worker_batches``) with
the workers' ``Connection.send``/``recv`` and ``annotate_batch`` timed, and
prints per round the wall time, the workers' time annotating, and their time
in ``send`` and in ``recv`` (waiting for the first batch left out): the most
that sending each worker its next batch ahead could save is the ``recv`` time.

    .venv/bin/python benchmarks/pool_waits.py INPUT [--text-column text] [--workers 2] [--rounds 3]
"""

import argparse
import collections
import os
import tempfile
import time
from pathlib import Path


def _timed(function, log, label, parent):
    """``function`` writing its duration to ``log`` when it runs in a worker."""
    def timed(*args):
        begin = time.monotonic()
        result = function(*args)
        if os.getpid() != parent:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {label} {time.monotonic() - begin}\n")
        return result
    return timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-chars", type=int, default=200_000)
    args = parser.parse_args()
    import multiprocessing.connection
    from policy_nlp.io.corpus import read_inputs
    from policy_nlp.run import batch, pool, worker
    records = [r for r in read_inputs([args.input], text_column=args.text_column) if not isinstance(r, Exception)]
    worker.load_pipeline({"clean": True, "format": "jsonl"})  # what `annotate` loads by default
    log = Path(tempfile.mkdtemp()) / "waits.log"
    parent, connection = os.getpid(), multiprocessing.connection.Connection
    connection.send = _timed(connection.send, log, "send", parent)
    connection.recv = _timed(connection.recv, log, "recv", parent)
    pool.annotate_batch = _timed(pool.annotate_batch, log, "annotate", parent)
    print(f"{len(records)} documents, {sum(len(r.text) for r in records):,} characters, "
          f"{args.workers} workers, {os.cpu_count()} CPUs")
    for _ in range(args.rounds):
        log.write_text("")
        load = os.getloadavg()[0]
        begin = time.monotonic()
        for _results in pool.annotate_on_workers(list(batch.worker_batches(records, args.batch_chars, args.workers)),
                                                 args.workers):
            pass
        wall = time.monotonic() - begin
        seconds, first = collections.Counter(), set()
        for line in log.read_text().splitlines():
            pid, label, duration = line.split()
            if label == "recv" and pid not in first:  # waiting for its first batch
                first.add(pid)
                continue
            seconds[label] += float(duration)
        print(f"wall {wall:.2f} s (load {load:.1f}); workers: annotating {seconds['annotate']:.2f} s, "
              f"in send {seconds['send'] * 1000:.0f} ms, in recv {seconds['recv'] * 1000:.0f} ms "
              f"({seconds['recv'] / (seconds['annotate'] or 1):.1%} of their annotating time)")


if __name__ == "__main__":
    main()
