"""How much of a PDF the reader takes on: limits no real paper reaches and hostile files do.

pdfminer inflates every stream it touches in full, makes an object for every character of a
page, and follows an object that refers to itself for ever. Each limit here is checked before
that work starts, and each refusal says which limit to raise if the paper is real.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfexceptions import PDFObjectNotFound
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef, resolve1

from councilpapers.errors import Problem, UnreadableFileError
from ingest.triage import too_many_pages

_MIB = 1024 * 1024


@dataclass(frozen=True)
class PdfLimits:
    """Limits on one PDF. Plain values, so a batch runner can send them to worker processes."""

    #: Pages in one file (None: no limit). The thickest agenda packs run to a few hundred
    #: pages. The batch's ``--max-pages`` sets it.
    max_pages: int | None = 2000
    #: Characters on one page. A dense A4 page of 8-point type holds under 10,000.
    max_chars_per_page: int = 50_000
    #: Bytes any one compressed stream may inflate to. A 300 dpi colour A4 scan is 26 MB.
    max_stream_bytes: int = 256 * _MIB

    def __post_init__(self) -> None:
        for name in ("max_pages", "max_chars_per_page", "max_stream_bytes"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"PdfLimits.{name} must be at least 1, not {value}")


DEFAULT_LIMITS = PdfLimits()

# `stream` then EOL starts a stream's data (not the `stream` of `endstream`).
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 1 << 20


def _is_zlib(head: bytes) -> bool:
    """True when two bytes are a zlib header (FlateDecode data starts with one)."""
    return len(head) == 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def inflated_size(data: bytes, start: int, limit: int) -> int:
    """Given deflate data at `start`, return how many bytes it inflates to, stopping past `limit`.

    Output is counted and thrown away a MiB at a time, so a bomb costs time up to the limit
    and no memory; data that is not deflate after all counts what it gave before the error.
    """
    inflater = zlib.decompressobj()
    total = 0
    view = memoryview(data)
    pos = start
    try:
        while pos < len(data) and not inflater.eof and total <= limit:
            pending = bytes(view[pos : pos + _CHUNK])
            pos += _CHUNK
            # Past the end of the stream zlib keeps its last `unconsumed_tail` (what follows
            # the stream) for ever: stop at `eof` or this loops (a 1 GiB stream found it).
            while pending and total <= limit and not inflater.eof:
                total += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # not deflate, or damaged: the parser will say so if it matters
    return total


def check_streams(data: bytes, source_file: str, limits: PdfLimits) -> None:
    """Raise `UnreadableFileError` if any deflate stream in the file inflates past the limit.

    Streams are found in the raw bytes, so this runs before any parser inflates one in full.
    """
    for match in _STREAM_START.finditer(data):
        start = match.end()
        if not _is_zlib(data[start : start + 2]):
            continue
        if inflated_size(data, start, limits.max_stream_bytes) > limits.max_stream_bytes:
            raise UnreadableFileError(
                source_file,
                f"a compressed stream at byte {start} inflates to more than "
                f"{limits.max_stream_bytes // _MIB or 1} MiB (a decompression bomb?); "
                "nothing was read",
                hint="if the paper is real, read it with a higher PdfLimits(max_stream_bytes=…)",
                code="pdf-stream-too-large",
            )


def check_page_count(pages: int, source_file: str, limits: PdfLimits) -> None:
    """Raise `UnreadableFileError` if a PDF of `pages` pages is over the page limit.

    The same refusal (`pdf-too-many-pages`) as the batch's first look at a PDF gives, for when
    the reader is called without it (`read_pdf`, `inspect`, a PDF pdfium cannot open).
    """
    if limits.max_pages is not None and pages > limits.max_pages:
        raise too_many_pages(source_file, pages, limits.max_pages)


def declared_pages(document: Any) -> int:
    """Given a pdfminer document, return the page count its page tree declares (0 if none).

    Read before pdfplumber builds a `Page` per page, which takes seconds for 5,000 pages; the
    count may lie, so the pages built are counted again afterwards.
    """
    try:
        tree = resolve1(document.catalog.get("Pages"))
        count = resolve1(tree.get("Count")) if isinstance(tree, dict) else 0
    except Exception:  # a damaged tree is for pdfplumber to report; this is only a first look
        return 0
    return count if isinstance(count, int) else 0


def page_char_counts(data: bytes, pages: Iterable[int], expected: int) -> dict[int, int] | None:
    """Given a PDF's bytes and page numbers (1-based), return each page's character count.

    pdfium counts a page of 100,000 characters in 50 ms; pdfminer takes seconds and a quarter
    of a gigabyte to make the same characters objects. None (pdfium cannot open the file, or
    counts other than `expected` pages) leaves the check until pdfminer has read a page.
    """
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return None
    try:
        if len(document) != expected:
            return None
        counts: dict[int, int] = {}
        for number in pages:
            page = document[number - 1]
            text = page.get_textpage()
            counts[number] = text.count_chars()
            text.close()
            page.close()
        return counts
    except pypdfium2.PdfiumError:
        return None
    finally:
        document.close()


def dense_page(page: int, chars: int, source_file: str, limits: PdfLimits) -> Problem:
    """Given a page over the character limit, return the problem that records skipping it."""
    return Problem(
        code="pdf-page-too-dense",
        severity="error",
        source_file=source_file,
        page=page,
        message=f"page {page} holds {chars} characters, more than the limit of "
        f"{limits.max_chars_per_page}; it was skipped",
        hint=f"if the page is real, raise PdfLimits(max_chars_per_page={chars})",
    )


def every_page_dense(source_file: str, skipped: Sequence[Problem]) -> UnreadableFileError:
    """Given the problems of pages skipped as too dense, all there were, return the refusal."""
    first = skipped[0]
    which = "its only page" if len(skipped) == 1 else f"all {len(skipped)} pages"
    reason = first.message.removesuffix("; it was skipped")
    return UnreadableFileError(
        source_file,
        f"{which} over the character limit ({reason}); nothing was read",
        hint=first.hint,
        code="pdf-page-too-dense",
    )


# -- objects that refer to themselves --------------------------------------------------------


def _guarded_getobj(getobj: Any) -> Any:
    """Given pdfminer's `PDFDocument.getobj`, return it refusing cycles of bare references."""

    def guarded(self: PDFDocument, objid: int) -> object:
        found = getobj(self, objid)
        if not isinstance(found, PDFObjRef):
            return found
        # Only an object whose whole value is a reference (`5 0 obj 5 0 R endobj`) can send
        # pdfminer's `resolve1` round for ever; follow its chain once to see where it ends,
        # and remember the chain, so a long one (reference-chain) is walked once, not per link.
        ends: set[int] = self.__dict__.setdefault("_councilpapers_chains_end", set())
        chain = {objid}
        target = found
        while isinstance(target, PDFObjRef) and target.objid not in ends:
            if target.objid in chain:
                raise PDFSyntaxError(
                    f"object {objid} refers to itself through {len(chain)} reference(s)"
                )
            chain.add(target.objid)
            try:
                target = getobj(self, target.objid)
            except PDFObjectNotFound:
                break  # a dangling reference: `resolve1` gives its default, as before
        ends.update(chain)
        return found

    guarded.councilpapers_guard = True  # type: ignore[attr-defined]
    return guarded


def guard_reference_cycles() -> None:
    """Make pdfminer raise `PDFSyntaxError` on an object that refers to itself, not loop.

    pdfminer's `resolve1` follows references with no check (a hostile trailer whose /Root is
    `1 0 R` with object 1 being `1 0 R` hangs `pdfplumber.open`), and pdfplumber builds the
    document itself, so the guard goes on the class. It changes nothing for any other object.
    """
    if not getattr(PDFDocument.getobj, "councilpapers_guard", False):
        PDFDocument.getobj = _guarded_getobj(PDFDocument.getobj)  # type: ignore[method-assign]
