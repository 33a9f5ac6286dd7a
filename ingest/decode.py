"""Bytes → text, refusing what is not text and saying which encoding was used."""

from __future__ import annotations

import codecs

from councilpapers.errors import Problem, UnreadableFileError

# Share of characters that may be control characters before we call a file binary. Text
# extracts carry tabs, form feeds and the odd stray control byte from OCR; binaries carry many.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def decode_text(data: bytes, source_file: str) -> tuple[str, list[Problem]]:
    """Given a file's bytes, return its text and any warnings; raise if it is not text.

    UTF-8 (with or without BOM) is expected; UTF-16 is read when its BOM says so. Papers saved
    on Windows often arrive as cp1252, so that is tried next and reported as a warning rather
    than refused.
    """
    if not data.strip():
        raise UnreadableFileError(
            source_file,
            "the file is empty",
            hint="re-export the paper or remove the file from the batch",
            code="file-empty",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode": full of NUL bytes, yet text, and it says so.
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(
                source_file,
                f"marked as UTF-16 but not valid UTF-16 (byte {exc.start})",
                hint="re-save it as UTF-8",
                code="file-encoding",
            ) from None
    if b"\x00" in data[:8192]:
        raise UnreadableFileError(
            source_file,
            "binary data, not text (NUL bytes)",
            hint="pass the PDF itself, or a text extract saved as UTF-8",
            code="file-binary",
        )
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableFileError(
                source_file,
                f"not UTF-8 (byte {exc.start}) nor Windows-1252 text",
                hint="convert it to UTF-8, e.g. iconv -f LATIN1 -t UTF-8",
                code="file-encoding",
            ) from None
        problems.append(
            Problem(
                code="encoding-cp1252",
                severity="warning",
                source_file=source_file,
                message=f"not UTF-8 (byte {exc.start}); read as Windows-1252",
                hint="check accented characters and quotes in its rows",
            )
        )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise UnreadableFileError(
            source_file,
            f"binary data, not text ({controls} control characters)",
            hint="pass the PDF itself, or a text extract saved as UTF-8",
            code="file-binary",
        )
    return text, problems
