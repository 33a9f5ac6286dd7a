"""The batch runner: every task comes back, and a task that hangs, crashes, runs out of memory
or raises costs itself only."""

from __future__ import annotations

import time

from ingest.batch import Outcome, RunnerSettings, run_tasks
from tests.ingest import batch_work

FAST = RunnerSettings(jobs=2, timeout=30.0, memory_mb=None)


def _by_task(outcomes: list[Outcome[int, int]]) -> dict[int, Outcome[int, int]]:
    return {o.task: o for o in outcomes}


def test_every_task_comes_back_once_whatever_the_order() -> None:
    outcomes = list(run_tasks(batch_work.double, list(range(20)), FAST))
    assert sorted(o.task for o in outcomes) == list(range(20))
    assert all(o.result == 2 * o.task and o.failure is None for o in outcomes)


def test_no_tasks_starts_no_workers() -> None:
    assert list(run_tasks(batch_work.double, [], FAST)) == []


def test_a_hung_task_is_stopped_at_its_timeout_and_the_rest_finish() -> None:
    settings = RunnerSettings(jobs=1, timeout=1.0, memory_mb=None)
    start = time.monotonic()
    got = _by_task(list(run_tasks(batch_work.sleep_then_double, [0, 1, 2], settings)))
    assert time.monotonic() - start < 20
    failure = got[0].failure
    assert failure is not None and failure.code == "file-timeout" and "1 s" in failure.message
    assert got[1].result == 2 and got[2].result == 4


def test_a_worker_that_dies_costs_its_task_only() -> None:
    got = _by_task(list(run_tasks(batch_work.exit_on_three, [1, 2, 3, 4, 5], FAST)))
    failure = got[3].failure
    assert failure is not None and failure.code == "worker-crashed"
    assert "exit code 3" in failure.message
    assert [got[n].result for n in (1, 2, 4, 5)] == [2, 4, 8, 10]


def test_a_task_over_the_memory_cap_fails_with_file_memory() -> None:
    settings = RunnerSettings(jobs=1, timeout=60.0, memory_mb=1536)
    got = _by_task(list(run_tasks(batch_work.allocate_mib, [4096, 16], settings)))
    failure = got[4096].failure
    assert failure is not None and failure.code == "file-memory"
    assert got[16].result == 16 * 1024 * 1024


def test_an_exception_is_an_internal_error_naming_it() -> None:
    got = _by_task(list(run_tasks(batch_work.fail_on_odd, [1, 2], FAST)))
    failure = got[1].failure
    assert failure is not None and failure.code == "internal-error"
    assert "ValueError: odd: 1" in failure.message
    assert got[2].result == 4


def test_workers_are_replaced_after_max_tasks_so_memory_stays_flat() -> None:
    settings = RunnerSettings(jobs=1, timeout=30.0, memory_mb=None, max_tasks=2)
    pids = {o.result for o in run_tasks(batch_work.worker_pid, list(range(6)), settings)}
    assert len(pids) >= 3
