"""Run one function over many files in worker processes, so one bad file costs only itself.

Each call gets a time limit and its worker a memory cap; a call over time is stopped (its worker
killed and replaced), a worker that dies costs only the call it held, and workers are replaced
after `max_tasks` calls so memory stays flat over thousands of files. Locally this is pebble's
process pool (concurrent.futures can neither stop a hung call nor survive a dead worker); with
``executor="dask"`` the calls go to a Dask distributed cluster, whose workers run them in the
same kind of pool, so both executors keep the same limits. The function must be a module-level
function of one picklable argument; results come back as they finish, in no set order.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")
R = TypeVar("R")

Executor = Literal["local", "dask"]

#: Seconds one call may take before it is stopped (`file-timeout`).
DEFAULT_TIMEOUT = 600.0
#: Address space a worker may take, in MiB, before its allocations fail (`file-memory`).
DEFAULT_MEMORY_MB = 4096
#: Calls a worker makes before it is replaced by a fresh one.
DEFAULT_MAX_TASKS = 100


@dataclass(frozen=True)
class RunnerSettings:
    """How to run the calls. Plain values, so they can be sent to a cluster."""

    #: Worker processes (None: one per core). With dask, the cluster's size decides.
    jobs: int | None = None
    timeout: float | None = DEFAULT_TIMEOUT
    memory_mb: int | None = DEFAULT_MEMORY_MB
    max_tasks: int = DEFAULT_MAX_TASKS
    executor: Executor = "local"
    #: Dask scheduler address (`tcp://host:8786`); required with ``executor="dask"``.
    scheduler: str | None = None
    #: Modules each local worker has imported before its first call (started warm).
    preload: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """Why a call gave no result: a stable code, what happened and what to do."""

    code: str
    message: str
    hint: str


@dataclass(frozen=True)
class Outcome(Generic[T, R]):
    """One call's task and either its result or its failure."""

    task: T
    result: R | None = None
    failure: Failure | None = None


class RunnerError(Exception):
    """The runner itself cannot start (no dask installed, scheduler unreachable)."""


def limit_memory(memory_mb: int | None) -> None:
    """Cap this process's address space (a worker initializer): allocations past it fail."""
    if not memory_mb:
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _failure(exc: BaseException, settings: RunnerSettings) -> Failure:
    from pebble import ProcessExpired

    if isinstance(exc, TimeoutError):
        return Failure(
            "file-timeout",
            f"reading it took longer than the per-file limit of {settings.timeout:g} s; stopped",
            "raise --timeout if the paper is genuine; the rest of the batch was processed",
        )
    if isinstance(exc, MemoryError):
        return Failure(
            "file-memory",
            f"reading it needed more than the worker's {settings.memory_mb} MiB of memory",
            "raise --memory if the paper is genuine; the rest of the batch was processed",
        )
    if isinstance(exc, ProcessExpired):
        return Failure(
            "worker-crashed",
            f"the worker process reading it died ({exc}, exit code {exc.exitcode})",
            "the file may be malformed or need more memory (--memory); please report it; "
            "the rest of the batch was processed",
        )
    return Failure(
        "internal-error",
        f"councilpapers failed on this file ({type(exc).__name__}: {exc})",
        "please report it with the file; the rest of the batch was processed",
    )


def _outcome(task: T, future: Future[R], settings: RunnerSettings) -> Outcome[T, R]:
    try:
        return Outcome(task, result=future.result())
    except Exception as exc:  # every way a call can fail costs that call only
        return Outcome(task, failure=_failure(exc, settings))


def _pool(settings: RunnerSettings, workers: int) -> Any:
    from pebble import ProcessPool

    # forkserver: workers start from a clean, single-threaded process with the heavy modules
    # already imported, and inherit none of the parent's threads, locks or open files.
    context = multiprocessing.get_context("forkserver")
    if settings.preload:
        context.set_forkserver_preload(list(settings.preload))
    return ProcessPool(
        max_workers=workers,
        max_tasks=settings.max_tasks,
        initializer=limit_memory,
        initargs=(settings.memory_mb,),
        context=context,
    )


def _run_local(
    work: Callable[[T], R], tasks: Sequence[T], settings: RunnerSettings
) -> Iterator[Outcome[T, R]]:
    workers = max(1, min(settings.jobs or os.cpu_count() or 1, len(tasks)))
    pool = _pool(settings, workers)
    try:
        # Finished futures are handed over through a queue and then forgotten: holding them all
        # (as concurrent.futures.as_completed does) would keep every file's rows in memory.
        finished: queue.SimpleQueue[Future[R]] = queue.SimpleQueue()
        running: dict[Future[R], T] = {}
        for task in tasks:
            future = pool.schedule(work, args=(task,), timeout=settings.timeout)
            running[future] = task
            future.add_done_callback(finished.put)
        for _ in range(len(tasks)):
            future = finished.get()
            yield _outcome(running.pop(future), future, settings)
        pool.close()
    finally:
        pool.stop()  # stops what is left if the caller gave up (KeyboardInterrupt, an error)
        pool.join()


# -- dask ---------------------------------------------------------------------------------------

_WORKER_POOL: Any = None
_WORKER_POOL_LOCK = threading.Lock()


def _worker_pool(settings: RunnerSettings) -> Any:
    """The process pool of this Dask worker, one process per worker thread, made once."""
    global _WORKER_POOL
    with _WORKER_POOL_LOCK:
        if _WORKER_POOL is None:
            from distributed import get_worker

            _WORKER_POOL = _pool(settings, max(1, get_worker().state.nthreads))
        return _WORKER_POOL


def _stop_worker_pool() -> None:
    """Stop this Dask worker's process pool (its children would keep the worker alive)."""
    global _WORKER_POOL
    with _WORKER_POOL_LOCK:
        if _WORKER_POOL is not None:
            _WORKER_POOL.stop()
            _WORKER_POOL.join()
            _WORKER_POOL = None


def _pool_plugin(dask: Any) -> Any:
    """Return a Dask worker plugin that stops the worker's pool when the worker closes."""

    class PoolPlugin(dask.WorkerPlugin):  # type: ignore[misc]
        name = "councilpapers-pool"

        def teardown(self, worker: object) -> None:
            _stop_worker_pool()

    return PoolPlugin()


def run_isolated(task: T, work: Callable[[T], R], settings: RunnerSettings) -> Outcome[T, R]:
    """On a Dask worker: run one call in the worker's process pool, with the same limits.

    A worker started as a daemon (Dask's default) may not start processes: there the call
    runs in the worker's thread, where the nanny still replaces a worker that dies but a hung
    file keeps its thread (README: start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False).
    """
    if multiprocessing.current_process().daemon:
        try:
            return Outcome(task, result=work(task))
        except Exception as exc:
            return Outcome(task, failure=_failure(exc, settings))
    future = _worker_pool(settings).schedule(work, args=(task,), timeout=settings.timeout)
    return _outcome(task, future, settings)


def _run_dask(
    work: Callable[[T], R], tasks: Sequence[T], settings: RunnerSettings
) -> Iterator[Outcome[T, R]]:
    try:
        import distributed
    except ImportError:
        raise RunnerError(
            "the dask executor needs Dask: pip install 'councilpapers[dask]'"
        ) from None
    if not settings.scheduler:
        raise RunnerError("the dask executor needs --scheduler ADDRESS (tcp://host:8786)")
    dask: Any = distributed  # no type information
    try:
        client = dask.Client(settings.scheduler, timeout="20s")
    except OSError as exc:
        raise RunnerError(
            f"cannot reach the Dask scheduler at {settings.scheduler}: {exc}"
        ) from None
    try:
        client.register_plugin(_pool_plugin(dask))
        futures = client.map(run_isolated, tasks, work=work, settings=settings, pure=False)
        index = {future.key: task for future, task in zip(futures, tasks, strict=True)}
        for future in dask.as_completed(futures):
            try:
                outcome: Outcome[T, R] = future.result()
            except Exception as exc:  # the Dask worker itself died (KilledWorker) or similar
                outcome = Outcome(index[future.key], failure=_failure(exc, settings))
            yield outcome
            future.release()
    finally:
        client.close()


def run_tasks(
    work: Callable[[T], R], tasks: Sequence[T], settings: RunnerSettings
) -> Iterator[Outcome[T, R]]:
    """Given a module-level function and its tasks, yield each task's outcome as it finishes
    (raises `RunnerError` if the executor cannot start)."""
    if not tasks:
        return iter(())
    if settings.executor == "dask":
        return _run_dask(work, tasks, settings)
    return _run_local(work, tasks, settings)
