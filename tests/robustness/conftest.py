"""The robustness report: after the run, a table of inputs tried per category and what became
of them. Unhandled exceptions, hangs, malformed reports and rows lost must all be 0; the tests
fail on any, and the table shows how much was tried to find none."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.robustness.harness import TALLY, TIME_BOUND

# In CI the same examples every run (a red build names a reproducible input); on a developer's
# machine new ones each run, so fuzzing keeps exploring. Deadlines are ours (`time_bound`),
# not hypothesis's, which only measures after the fact.
_CI = bool(os.environ.get("CI"))
settings.register_profile(
    "robustness",
    deadline=None,
    derandomize=_CI,
    # Shrinking a hang costs the time bound per try: minutes of CI for a smaller example,
    # when the failing input is already kept on disk and its recipe printed.
    phases=[p for p in Phase if p != Phase.shrink] if _CI else list(Phase),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

_COLUMNS = (
    ("category", 34),
    ("inputs", 7),
    ("records", 8),
    ("typed errors", 13),
    ("unhandled", 10),
    ("hangs", 6),
    ("malformed", 10),
    ("rows lost", 10),
    ("slowest s", 10),
)


def robustness_report() -> list[str]:
    """Return the report's lines (empty when no robustness test ran)."""
    if not TALLY:
        return []
    head = " ".join(f"{name:<{width}}" if i == 0 else f"{name:>{width}}"
                    for i, (name, width) in enumerate(_COLUMNS))  # fmt: skip
    lines = [head, "-" * len(head)]
    for name, c in TALLY.items():
        lost = "-" if c.rows_lost is None else str(c.rows_lost)
        values = (c.tried, c.records, c.typed, c.unhandled, c.hangs, c.malformed, lost)
        cells = [f"{name:<{_COLUMNS[0][1]}}"]
        cells += [f"{v!s:>{w}}" for v, (_, w) in zip(values, _COLUMNS[1:], strict=False)]
        slowest = f"{c.slowest:.2f}" if c.slowest else "-"  # batches time files in workers
        cells.append(f"{slowest:>{_COLUMNS[-1][1]}}")
        lines.append(" ".join(cells))
    total = [c for c in TALLY.values()]
    failures = sum(c.unhandled + c.hangs + c.malformed + (c.rows_lost or 0) for c in total)
    lines.append("-" * len(head))
    lines.append(
        f"{sum(c.tried for c in total)} inputs; time bound {TIME_BOUND:g} s each; "
        f"{sum(c.unhandled for c in total)} unhandled exceptions, "
        f"{sum(c.hangs for c in total)} hangs, {sum(c.malformed for c in total)} malformed, "
        f"{sum(c.rows_lost or 0 for c in total)} rows lost from good files: "
        + ("PASS" if failures == 0 else "FAIL")
    )
    for name, c in TALLY.items():
        lines.extend(f"  {name}: {failure}" for failure in c.failures)
    return lines


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = robustness_report()
    if lines:
        terminalreporter.section("robustness report")
        for line in lines:
            terminalreporter.write_line(line)
