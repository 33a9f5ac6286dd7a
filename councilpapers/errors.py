"""The two error channels: fatal errors (exceptions) and recoverable problems (records).

Fatal problems stop one file and raise a `CouncilPapersError`, whose message reads
``path:page:line: what went wrong; try …``. Recoverable ones become `Problem` records with a
stable code that `output/` writes to ``errors.csv``, so nothing is silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


def _where(source_file: str, page: int | None, line: int | None) -> str:
    parts = [source_file]
    if page is not None:
        parts.append(f"page {page}")
    if line is not None:
        parts.append(f"line {line}")
    return ":".join(parts)


class CouncilPapersError(Exception):
    """A file could not be read or parsed at all. Carries where, what and how to fix it."""

    code = "error"

    def __init__(
        self,
        source_file: str,
        message: str,
        *,
        hint: str = "",
        page: int | None = None,
        line: int | None = None,
        code: str | None = None,
    ) -> None:
        if code is not None:
            self.code = code
        self.source_file = source_file
        self.message = message
        self.hint = hint
        self.page = page
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{_where(self.source_file, self.page, self.line)}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text

    def to_problem(self) -> Problem:
        return Problem(
            code=self.code,
            severity="error",
            source_file=self.source_file,
            page=self.page,
            line=self.line,
            message=self.message,
            hint=self.hint,
        )


class UnreadableFileError(CouncilPapersError):
    """Bytes that are not a document we can read: empty, binary, damaged, encrypted."""

    code = "file-unreadable"


class UnknownDocumentError(CouncilPapersError):
    """Readable text that is neither a progress tracker nor a decision record."""

    code = "kind-unknown"


class ParseError(CouncilPapersError):
    """The document looked like a known kind but its structure could not be followed."""

    code = "parse-failed"


@dataclass(frozen=True)
class Problem:
    """Something recoverable (or one file's fatal error) worth a line in ``errors.csv``."""

    code: str
    severity: Severity
    source_file: str
    message: str
    page: int | None = None
    line: int | None = None
    hint: str = ""
    text: str = ""

    def __str__(self) -> str:
        text = f"{_where(self.source_file, self.page, self.line)}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text
