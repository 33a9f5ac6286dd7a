"""Work functions for the batch runner's tests: module-level, so worker processes import them."""

from __future__ import annotations

import os
import time


def double(n: int) -> int:
    return 2 * n


def sleep_then_double(n: int) -> int:
    """Hangs (for the test's purposes) on 0; doubles anything else at once."""
    if n == 0:
        time.sleep(60)
    return 2 * n


def exit_on_three(n: int) -> int:
    """Kills its own worker on 3, as a crash in a C library would."""
    if n == 3:
        os._exit(3)
    return 2 * n


def allocate_mib(mib: int) -> int:
    """Allocates `mib` MiB; with the worker's memory capped below that, fails."""
    return len(bytearray(mib * 1024 * 1024))


def fail_on_odd(n: int) -> int:
    if n % 2:
        raise ValueError(f"odd: {n}")
    return 2 * n


def worker_pid(_: int) -> int:
    return os.getpid()
