"""Reading a file's bytes, with the one error every reader gives when it cannot."""

from __future__ import annotations

from pathlib import Path

from councilpapers.errors import UnreadableFileError


def read_file_bytes(path: Path, source_file: str | None = None) -> bytes:
    """Given a path, return its bytes; raise `UnreadableFileError` (`file-unreadable`) if the
    operating system will not give them (missing, a folder, no permission)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(
            source_file or str(path),
            f"cannot read the file ({exc.strerror or type(exc).__name__})",
            hint="check the path and its permissions",
        ) from None
