"""One hostile input at a time: read it under a time bound, judge what came back, count it.

Every robustness test sends its inputs through `attempt`, which reads the bytes (text or PDF,
as the pipeline would), parses and normalises them, and sorts the result into one of: records,
a typed error (a `CouncilPapersError` that names the file, has a catalogued code and a hint),
an unhandled exception, a hang (the time bound ran out), or a malformed report (records or an
error that do not say where they came from). `TALLY` keeps the counts that the report in
``conftest.py`` prints at the end of the run.
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import signal
import tempfile
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from councilpapers.error_codes import CATALOGUE
from councilpapers.errors import CouncilPapersError, Problem
from councilpapers.pipeline import FileResult, process_document
from ingest.model import SourceDocument
from ingest.pdf import read_pdf_bytes
from ingest.pdf_limits import PdfLimits
from ingest.text import read_text_bytes
from normalise.records import DecisionRecord, ProgressRecord

Kind = Literal["records", "typed-error", "unhandled", "hang", "malformed"]

#: ``ROBUSTNESS_SCALE=20 python -m pytest tests/robustness`` runs twenty times the examples: a
#: longer fuzzing campaign on a developer's machine, same tests.
SCALE = float(os.environ.get("ROBUSTNESS_SCALE", "1"))


def examples(count: int) -> int:
    """Given the number of examples CI runs, return the number to run here."""
    return max(1, round(count * SCALE))


#: Where a failing input is written, so it can be replayed with any reader.
FAILURES = Path(tempfile.gettempdir()) / "councilpapers-robustness"
#: Seconds one input may take before it counts as a hang. The slowest real sample reads in
#: 0.3 s; a CI machine shared with other jobs may be ten times slower.
TIME_BOUND = 10.0
# If the interpreter cannot take the alarm (a hang inside C code), the watchdog thread dumps
# every thread's stack and ends the run: a hang must never pass as a slow green test.
_WATCHDOG_FACTOR = 6


_WATCHDOG_LOG: TextIO | None = None


class Hang(BaseException):
    """The time bound ran out. A BaseException, so no `except Exception` on the way swallows it."""


@dataclass
class Outcome:
    """What one input gave, and enough words to say why if it is a failure."""

    kind: Kind
    detail: str = ""
    rows: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.kind in ("unhandled", "hang", "malformed")


@dataclass
class Category:
    """Counts for one kind of hostile input."""

    tried: int = 0
    records: int = 0
    typed: int = 0
    unhandled: int = 0
    hangs: int = 0
    malformed: int = 0
    #: Rows the good files of a shared batch lost to the bad ones; None when not measured.
    rows_lost: int | None = None
    slowest: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.tried += 1
        self.slowest = max(self.slowest, outcome.seconds)
        if outcome.kind == "records":
            self.records += 1
        elif outcome.kind == "typed-error":
            self.typed += 1
        elif outcome.kind == "unhandled":
            self.unhandled += 1
        elif outcome.kind == "hang":
            self.hangs += 1
        else:
            self.malformed += 1
        if outcome.failed and len(self.failures) < 5:
            self.failures.append(outcome.detail)


#: Category name → counts, in the order categories were first used.
TALLY: dict[str, Category] = {}


def tally(category: str) -> Category:
    return TALLY.setdefault(category, Category())


def _watchdog_log() -> TextIO:
    global _WATCHDOG_LOG
    if _WATCHDOG_LOG is None:
        FAILURES.mkdir(parents=True, exist_ok=True)
        _WATCHDOG_LOG = (FAILURES / "watchdog.txt").open("a", encoding="utf-8")
    return _WATCHDOG_LOG


@contextmanager
def time_bound(seconds: float = TIME_BOUND) -> Iterator[None]:
    """Raise `Hang` in the block if it runs longer than `seconds` (main thread only)."""

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # Again every second after the first: clean-up code on the way out (a `finally` that
    # re-reads what hung) must not hang in its turn.
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    # pytest captures stderr, and a process ended by the watchdog never shows it: the stacks
    # go to a file beside the kept inputs.
    faulthandler.dump_traceback_later(seconds * _WATCHDOG_FACTOR, exit=True, file=_watchdog_log())
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


def is_pdf(data: bytes) -> bool:
    """The pipeline's test: a PDF is whatever starts with its magic number."""
    return data.lstrip()[:5] == b"%PDF-"


def read_bytes(data: bytes, name: str, limits: PdfLimits | None = None) -> SourceDocument:
    """Given a file's bytes, read it as the pipeline does (OCR off: no test waits on it)."""
    if is_pdf(data):
        return read_pdf_bytes(data, name, ocr=None, limits=limits or PdfLimits())
    return read_text_bytes(data, name)


def error_faults(error: CouncilPapersError, name: str) -> list[str]:
    """Given a fatal error about file `name`, return what is wrong with how it reports itself."""
    faults = []
    if error.code not in CATALOGUE:
        faults.append(f"code {error.code!r} is not in the catalogue")
    if error.source_file != name or not str(error).startswith(f"{name}:"):
        faults.append(f"does not start with the file name: {str(error)[:120]!r}")
    if not error.hint:
        faults.append("has no hint saying what to do")
    if "\n" in str(error):
        faults.append(f"is not one line: {str(error)[:120]!r}")
    return faults


def problem_faults(problem: Problem, name: str, pages: int) -> list[str]:
    """Given a problem recorded for file `name` of `pages` pages, return what is wrong with it."""
    faults = []
    if problem.code not in CATALOGUE:
        faults.append(f"problem code {problem.code!r} is not in the catalogue")
    if problem.source_file != name:
        faults.append(f"problem names {problem.source_file!r}, not the file")
    if problem.page is not None and not 1 <= problem.page <= pages:
        faults.append(f"problem on page {problem.page} of a {pages}-page file")
    if problem.line is not None and problem.line < 1:
        faults.append(f"problem on line {problem.line}")
    return faults


def result_faults(result: FileResult, doc: SourceDocument) -> list[str]:
    """Given what a file gave, return every row or problem that does not say where it is from."""
    faults: list[str] = []
    rows: list[ProgressRecord | DecisionRecord] = [*result.progress, *result.decisions]
    for row in rows:
        if row.source_file != doc.source_file or row.doc_id != doc.doc_id:
            faults.append(f"row rec {row.rec_no} names {row.source_file!r}")
        if not 1 <= row.page <= doc.pages or row.line < 1:
            faults.append(f"row rec {row.rec_no} at page {row.page} line {row.line}")
        if not set(row.pages) <= set(range(1, doc.pages + 1)):
            faults.append(f"row rec {row.rec_no} spans pages {row.pages}")
    for problem in result.problems:
        faults.extend(problem_faults(problem, doc.source_file, doc.pages))
    return faults


def attempt(
    category: str,
    data: bytes,
    name: str,
    *,
    limits: PdfLimits | None = None,
) -> Outcome:
    """Given one input's bytes, read, parse and normalise it under the time bound; count it."""
    started = time.perf_counter()
    # If the watchdog ends the process, this is the input that hung it.
    FAILURES.mkdir(parents=True, exist_ok=True)
    (FAILURES / "current-input").write_bytes(data)
    outcome = _attempt(data, name, limits)
    outcome.seconds = time.perf_counter() - started
    if outcome.failed:
        # Keep the input: a hypothesis blob needs this code to replay, a file needs nothing.
        digest = hashlib.sha256(data).hexdigest()[:12]
        kept = FAILURES / f"{Path(name).stem}-{digest}{Path(name).suffix}"
        kept.write_bytes(data)
        outcome.detail = f"{outcome.detail} [input kept as {kept}]"
    tally(category).add(outcome)
    return outcome


def _attempt(data: bytes, name: str, limits: PdfLimits | None) -> Outcome:
    try:
        with time_bound():
            doc = read_bytes(data, name, limits)
            result = process_document(doc)
    except Hang as exc:
        return Outcome("hang", f"{name}: {exc}")
    except CouncilPapersError as exc:
        faults = error_faults(exc, name)
        if faults:
            return Outcome("malformed", f"{name}: {type(exc).__name__} {'; '.join(faults)}")
        return Outcome("typed-error", exc.code)
    except Exception as exc:
        return Outcome("unhandled", "".join(traceback.format_exception(exc)[-6:]))
    faults = result_faults(result, doc)
    if faults:
        return Outcome("malformed", f"{name}: {'; '.join(faults[:3])}")
    return Outcome("records", rows=len(result.progress) + len(result.decisions))
