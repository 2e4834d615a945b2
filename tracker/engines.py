"""Where the pipeline runs: in this process, in local worker processes, or on a Dask cluster.

Every engine maps a function over batches and yields the results in input order, with a
bounded number of batches in flight: memory stays flat whatever the corpus size, and the
output does not depend on the engine or on the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from typing import Any

ENGINES = ("local", "dask")

# A submitted batch: a call that blocks until its result is there and returns it.
Pending = Callable[[], Any]
Submit = Callable[[Callable, Any], Pending]


def ordered_map(submit: Submit, fn: Callable, args: Iterable, window: int) -> Iterator:
    """fn over args through `submit`, results in order, at most `window` calls in flight."""
    pending: deque[Pending] = deque()
    for arg in args:
        pending.append(submit(fn, arg))
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def _in_process(fn: Callable, args: Iterable) -> Iterator:
    return map(fn, args)


@contextmanager
def local_engine(jobs: int) -> Iterator[Callable[[Callable, Iterable], Iterator]]:
    """A map over `jobs` forked worker processes (or this process when jobs is 1)."""
    if jobs <= 1:
        yield _in_process
        return
    # fork: workers inherit the imported pipeline instead of importing it again. They are
    # started (by a first call) before anything is read or written.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        pool.submit(int).result()

        def submit(fn: Callable, arg: Any) -> Pending:
            return pool.submit(fn, arg).result

        try:
            yield lambda fn, args: ordered_map(submit, fn, args, window=2 * jobs + 1)
        except BaseException:
            # an error or SIGTERM: the batches not started are dropped, and the exit waits
            # only for those the workers hold. (multiprocessing.Pool.terminate, used before,
            # could hang for good when its task thread was blocked writing a large batch.)
            pool.shutdown(wait=False, cancel_futures=True)
            raise


@contextmanager
def dask_engine(scheduler: str | None, jobs: int | None) -> Iterator[Callable[[Callable, Iterable], Iterator]]:
    """A map on the Dask cluster at `scheduler`, or on a LocalCluster of `jobs` worker
    processes (all cores when None). Remote workers need tracker installed, same version."""
    from distributed import Client, LocalCluster

    cluster = nullcontext(scheduler) if scheduler else LocalCluster(
        n_workers=jobs, threads_per_worker=1, dashboard_address=None)
    with cluster as target, Client(target) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))

        def submit(fn: Callable, arg: Any) -> Pending:
            return client.submit(fn, arg, pure=False).result

        yield lambda fn, args: ordered_map(submit, fn, args, window=2 * workers + 1)


@contextmanager
def open_engine(name: str, *, jobs: int | None = None, scheduler: str | None = None):
    """The map of engine `name` ("local" or "dask"); see local_engine and dask_engine."""
    if name == "local":
        if scheduler is not None:
            raise ValueError("--scheduler needs --engine dask")
        with local_engine(jobs or 1) as run:
            yield run
    elif name == "dask":
        with dask_engine(scheduler, jobs) as run:
            yield run
    else:
        raise ValueError(f"unknown engine {name!r} (use one of {', '.join(ENGINES)})")
