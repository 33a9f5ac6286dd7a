"""Every error and warning code councilpapers can emit: its severity, meaning and what to do.

One registry, so a code cannot be emitted without being documented: the README's "Errors and
warnings" section is written from it (``python -m councilpapers.error_codes`` prints it; a
test keeps the two equal), and a test scans the source for codes missing from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: `error`: a whole file (or, where the meaning says so, one page) gave nothing.
#: `warning`: rows were written; something was dropped, moved or guessed on the way.
CodeSeverity = Literal["error", "warning"]


@dataclass(frozen=True)
class ErrorCode:
    """One code: what it means when it appears in errors.csv or on stderr, and what to do."""

    code: str
    severity: CodeSeverity
    meaning: str
    action: str


_CODES = (
    # -- any file ------------------------------------------------------------------------------
    ErrorCode("file-unreadable", "error",
              "The file could not be opened or read (missing, no permission, a folder).",
              "Check the path and its permissions."),
    ErrorCode("internal-error", "error",
              "councilpapers itself failed on this file: a bug. The rest of the batch was read.",
              "Report it with the file; the message names the exception."),
    # -- text extracts ------------------------------------------------------------------------
    ErrorCode("file-empty", "error",
              "The text file is empty or only whitespace.",
              "Re-export the paper, or remove the file from the batch."),
    ErrorCode("file-binary", "error",
              "The file is not text: it holds NUL bytes or many control characters (a Word "
              "document, an image, a UTF-16 file).",
              "Pass the PDF itself, or a text extract saved as UTF-8."),
    ErrorCode("file-encoding", "error",
              "The text is neither UTF-8 nor Windows-1252.",
              "Convert it to UTF-8 (`iconv -f LATIN1 -t UTF-8`)."),
    ErrorCode("encoding-cp1252", "warning",
              "The text is not UTF-8 and was read as Windows-1252 (the message gives the "
              "first byte that is not UTF-8).",
              "Check accented letters, quotes and dashes in its rows."),
    # -- PDFs ----------------------------------------------------------------------------------
    ErrorCode("pdf-empty", "error",
              "The PDF is 0 bytes, or its page tree holds no pages.",
              "Download the paper again, or remove it from the batch."),
    ErrorCode("pdf-damaged", "error",
              "The PDF cannot be parsed: not a PDF after all, cut short, a broken cross-"
              "reference table or page tree, objects that refer to themselves, or no page "
              "that could be read. The message gives the parser's reason.",
              "Download the paper again, or open and re-save it as PDF."),
    ErrorCode("pdf-encrypted", "error",
              "The PDF needs a password to open. One encrypted with only an owner password "
              "(no password to open it) is read as usual.",
              "Ask the council for an unprotected copy, or decrypt it (`qpdf --decrypt`)."),
    ErrorCode("pdf-too-many-pages", "error",
              "The PDF has more pages than the page limit (default 2,000; no agenda pack "
              "comes near it). Nothing was read from it.",
              "If the paper is real, raise the limit: `--max-pages N` "
              "(`PdfLimits(max_pages=N)` in Python)."),
    ErrorCode("pdf-stream-too-large", "error",
              "A compressed stream in the PDF inflates to more than the limit (default "
              "256 MiB): a decompression bomb, or an image far larger than any paper needs. "
              "Refused before anything was inflated in full.",
              "If the paper is real, raise `PdfLimits(max_stream_bytes=…)`."),
    ErrorCode("pdf-page-too-dense", "error",
              "A page holds more characters than the limit (default 50,000; a dense A4 page "
              "has under 10,000): that page was skipped, the others read. When every page "
              "is too dense, the file gives nothing.",
              "If the page is real, raise `PdfLimits(max_chars_per_page=…)`."),
    ErrorCode("pdf-page-unreadable", "error",
              "One page could not be parsed and was skipped; the other pages were read.",
              "Open the PDF and re-save it, then read it again."),
    ErrorCode("pdf-scanned-no-ocr", "error",
              "Scanned pages (images, no text layer) could not be read because OCR is off or "
              "unavailable. Every page scanned: the file gives nothing; some: those pages "
              "were skipped.",
              "Install tesseract and the OCR extra (`pip install 'councilpapers[ocr]'`), and "
              "do not pass `--no-ocr`."),
    ErrorCode("pdf-ocr", "warning",
              "Pages with no text layer were read by OCR; their text may carry OCR noise.",
              "Check officers, dates and assessments against the paper."),
    ErrorCode("pdf-no-text", "warning",
              "No text was found on any page of the PDF.",
              "Check that the PDF shows text when opened."),
    # -- parsing -------------------------------------------------------------------------------
    ErrorCode("kind-unknown", "error",
              "Readable text that is neither a progress tracker (no header row naming "
              "Recommendation and officer, date, progress or assessment columns, in at most "
              "40 cells) nor a decision record (no RESOLVED list under proforma headings). "
              "Nothing written.",
              "If it is one, see 'How papers are read'; `councilpapers inspect` shows what the "
              "PDF reader found."),
    ErrorCode("parse-failed", "error",
              "The paper looked like a tracker or decision record, but its structure could not "
              "be followed (no tracker header, no 'Record of the Decision' section).",
              "Check the file is the kind it seems; the message says what was missing."),
    ErrorCode("furniture-dropped", "warning",
              "Text taken for page furniture was dropped from a row: an OCR'd running "
              "header, a page number echoed into cells, digit noise, a line in another "
              "script, text before the first row or beyond the last column.",
              "Check the `text` column: it holds what was dropped."),
    ErrorCode("evidence-spill-moved", "warning",
              "Evidence printed at the top of the next row's cell was moved back to the row it "
              "continues (the earlier cell stopped mid-sentence).",
              "Check both rows against the paper; `text` holds what was moved."),
    ErrorCode("assessments-merged", "warning",
              "A recommendation has several assessments but no sub-item markers; it was kept "
              "as one row.",
              "Check the row's status against the paper."),
    ErrorCode("resolved-without-list", "warning",
              "A decision record says RESOLVED but no numbered recommendations follow; none "
              "were recorded.",
              "Check the record of the decision in the paper."),
    # -- batches (`ingest` over folders) ------------------------------------------------------
    ErrorCode("file-timeout", "error",
              "Reading the file took longer than the per-file limit (`--timeout`, default "
              "600 s); its worker was stopped. The rest of the batch was read.",
              "If the paper is real, run again with a higher `--timeout` and `--retry-failed`."),
    ErrorCode("file-memory", "error",
              "Reading the file needed more memory than a worker may use (`--memory`, default "
              "4,096 MiB). The rest of the batch was read.",
              "If the paper is real, run again with a higher `--memory` and `--retry-failed`."),
    ErrorCode("worker-crashed", "error",
              "The worker process reading the file died (the message gives its exit code or "
              "signal): a malformed file or a crash in a PDF library. A new worker took over.",
              "Report it with the file; `--retry-failed` tries it again."),
    ErrorCode("file-changed", "error",
              "The file changed between being hashed and being read (still being downloaded "
              "or written).",
              "Run `ingest` again once the folder is no longer being written to."),
    ErrorCode("symlink-loop", "error",
              "A symbolic link in an input folder leads back to a folder that contains it (or "
              "to itself); it was not followed. The rest of the folder was read.",
              "Remove or fix the link if it is a mistake."),
    ErrorCode("folder-unreadable", "error",
              "A folder inside an input folder could not be listed (no permission). The other "
              "folders were read.",
              "Check the folder's permissions."),
    # -- other commands ------------------------------------------------------------------------
    ErrorCode("page-out-of-range", "error",
              "`councilpapers inspect`: the page asked for is not in the PDF.",
              "Pick a page from 1 to the number of pages the message gives."),
    ErrorCode("compare-input", "error",
              "`councilpapers diff` or `drift`: a paper or dataset given cannot be compared "
              "(unreadable, the wrong kind, or no review matching `--review`).",
              "Follow the message's hint: usually a different file or `--review` text."),
)  # fmt: skip

#: Code → entry, in the order above.
CATALOGUE: dict[str, ErrorCode] = {entry.code: entry for entry in _CODES}


def markdown_catalogue() -> str:
    """Return the catalogue as the README's Markdown table."""
    lines = ["| code | severity | what it means | what to do |", "|---|---|---|---|"]
    lines.extend(
        f"| `{e.code}` | {e.severity} | {e.meaning} | {e.action} |" for e in CATALOGUE.values()
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_catalogue(), end="")
