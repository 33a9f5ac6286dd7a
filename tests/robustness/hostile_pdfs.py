"""Hostile PDFs, built byte by byte: each one is a way a PDF can attack or break its reader.

Hand-written objects (not reportlab) because the attacks live below what a PDF library will
write: cross-reference tables that lie, streams that inflate to a gigabyte, arrays nested
deeper than any parser's stack, objects that refer to themselves. Every builder returns bytes
and is fast; the files are named after what they do.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped]
from reportlab.lib.pdfencrypt import StandardEncryption  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    PageBreak,
    SimpleDocTemplate,
)

from tests.ingest import pdf_builders

#: One Helvetica font object, shared by the text pages below.
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _stream(data: bytes, *, extra: bytes = b"", raw_length: int | None = None) -> bytes:
    length = len(data) if raw_length is None else raw_length
    return b"<< /Length %d %s>>\nstream\n" % (length, extra) + data + b"\nendstream"


def write_pdf(objects: Sequence[bytes], *, root: int = 1, xref: bool = True) -> bytes:
    """Given object bodies (object n is ``objects[n - 1]``), return a PDF with a true xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def pages_pdf(contents: Sequence[bytes], *, resources: bytes = b"") -> bytes:
    """Given each page's content stream, return a PDF of those A4 pages (Helvetica as /F1)."""
    count = len(contents)
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        _FONT,
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> %s>> /Contents %d 0 R >>"
            % (resources, first_page + 2 * i + 1)
        )
        objects.append(_stream(content))
    return write_pdf(objects)


def _text(line: str, y: int = 800) -> bytes:
    return b"BT /F1 10 Tf 40 %d Td (%s) Tj ET" % (y, line.encode("latin-1"))


# -- the hostile files --------------------------------------------------------------------------


def many_pages(count: int = 5000) -> bytes:
    """`count` pages that all share one small content stream: a huge page tree, tiny file."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        _FONT,
        _stream(_text("Agenda item")),
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objects.extend(page for _ in range(count))
    return write_pdf(objects)


def dense_page(chars: int = 100_000) -> bytes:
    """One page of `chars` characters in 1-point type: a text layer no paper has."""
    per_line = 500
    lines = []
    for n in range(chars // per_line):
        x, y = 10, 830 - (n % 800)
        lines.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (x, y, b"x" * per_line))
    content = b"BT /F1 1 Tf " + b" ".join(lines) + b" ET"
    return pages_pdf([content])


def decompression_bomb(inflated_mib: int = 1024) -> bytes:
    """A page whose content stream is ~1 MiB of deflate that inflates to `inflated_mib` MiB.

    Built in a third of a second, not by deflating a gigabyte: after a full flush deflate
    starts afresh, so one flushed block of a MiB of spaces, repeated, inflates to each MiB in
    turn; only the Adler-32 checksum at the end needs the whole text.
    """
    head = b"BT /F1 10 Tf 40 800 Td (Bomb) Tj ET "
    chunk = b" " * (1 << 20)
    packer = zlib.compressobj(9)
    prefix = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()[:-4]  # the final empty block, less the checksum of one chunk
    checksum = zlib.adler32(head)
    for _ in range(inflated_mib):
        checksum = zlib.adler32(chunk, checksum)
    data = prefix + block * inflated_mib + end + struct.pack(">I", checksum)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        _stream(data, extra=b"/Filter /FlateDecode "),
    ]
    return write_pdf(objects)


def nested_arrays(depth: int = 100_000) -> bytes:
    """A page whose /Resources holds an array nested `depth` deep."""
    nest = b"[" * depth + b"]" * depth
    return pages_pdf([_text("Nested")], resources=b"/Deep " + nest + b" ")


def nested_dicts(depth: int = 100_000) -> bytes:
    """A page whose /Resources holds a dictionary nested `depth` deep."""
    nest = b"<< /A " * depth + b"1" + b" >>" * depth
    return pages_pdf([_text("Nested")], resources=b"/Deep " + nest + b" ")


def nested_content(depth: int = 100_000) -> bytes:
    """A content stream whose operand is an array nested `depth` deep."""
    content = _text("Nested") + b" " + b"[" * depth + b"]" * depth + b" TJ"
    return pages_pdf([content])


def deep_page_tree(depth: int = 5000) -> bytes:
    """Pages inside Pages inside Pages… `depth` levels down to one page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    leaf = 2 + depth
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
        % (leaf - 1, leaf + 1, leaf + 2)
    )
    objects.append(_FONT)
    objects.append(_stream(_text("Deep")))
    return write_pdf(objects)


def reference_chain(length: int = 100_000) -> bytes:
    """The page's /Contents is `1 0 R` → `2 0 R` → … `length` references before the stream."""
    first = 6
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % first,
        _stream(_text("Chained")),
    ]
    objects.extend(b"%d 0 R" % (first + i + 1) for i in range(length - 1))
    objects.append(b"5 0 R")
    return write_pdf(objects)


def self_reference() -> bytes:
    """The page's /Contents is an object whose value is a reference to itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"5 0 R",
    ]
    return write_pdf(objects)


def page_tree_cycle() -> bytes:
    """The page tree's Kids point back at the tree itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>",
    ]
    return write_pdf(objects)


def broken_xref(sample: bytes) -> bytes:
    """A real PDF whose cross-reference offsets all point at the wrong bytes."""
    start = sample.rindex(b"startxref")
    table = sample.rfind(b"xref", 0, start)
    head, tail = sample[:table], sample[table:]
    # Shift every 10-digit offset by 7 bytes, so each lands mid-object.
    fixed = bytearray(tail)
    pos = 0
    while (pos := fixed.find(b" 00000 n", pos)) != -1:
        offset = int(fixed[pos - 10 : pos]) + 7
        fixed[pos - 10 : pos] = b"%010d" % offset
        pos += 8
    return head + bytes(fixed)


def startxref_nowhere(sample: bytes) -> bytes:
    """A real PDF whose `startxref` points past the end of the file."""
    start = sample.rindex(b"startxref")
    return sample[:start] + b"startxref\n%d\n%%%%EOF\n" % (len(sample) * 10)


def no_xref(sample: bytes) -> bytes:
    """A real PDF with its xref table and trailer cut off (objects intact)."""
    start = sample.rindex(b"xref")
    return sample[:start]


def truncated(sample: bytes, share: float) -> bytes:
    """The first `share` of a real PDF: a download that stopped part way."""
    return sample[: int(len(sample) * share)]


def encrypted_with_user_password(folder: Path) -> bytes:
    """Opening needs a password (reportlab's standard encryption, user password set)."""
    return pdf_builders.encrypted(folder).read_bytes()


def encrypted_without_user_password(folder: Path) -> bytes:
    """Encrypted with an owner password only: anyone may open it, and we should read it."""
    path = folder / "encrypted-owner-only.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        encrypt=StandardEncryption("", "owner-only", canPrint=1, canCopy=0),
    )
    doc.build([pdf_builders.tracker_table(pdf_builders.ROWS)])
    return path.read_bytes()


Builder = Callable[[], bytes]


def root_self_reference() -> bytes:
    """The trailer's /Root is object 1, whose value is `1 0 R`: opening it used to hang."""
    return write_pdf([b"1 0 R"])


def xref_prev_cycle(sample: bytes) -> bytes:
    """A real PDF whose trailer's /Prev points back at its own cross-reference table."""
    start = sample.rindex(b"startxref")
    table = int(sample[start + 9 :].split()[0])
    trailer = sample.rindex(b"trailer")
    dict_start = sample.index(b"<<", trailer)
    return sample[: dict_start + 2] + b" /Prev %d " % table + sample[dict_start + 2 :]


class _TinyText(Flowable):  # type: ignore[misc]  # reportlab has no types
    """`chars` characters of 1-point type filling the frame: a page no paper has."""

    def __init__(self, chars: int) -> None:
        super().__init__()
        self.chars = chars

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, 400.0
        return self.width, self.height

    def draw(self) -> None:
        per_line = 500
        self.canv.setFont("Helvetica", 1)
        for n in range(self.chars // per_line):
            self.canv.drawString(0, 400 - (n % 400), "x" * per_line)


def one_dense_page_among_good(folder: Path, chars: int = 100_000) -> bytes:
    """A real two-row tracker on page 1, and on page 2 `chars` characters of 1-point type."""
    story = [pdf_builders.tracker_table(pdf_builders.ROWS), PageBreak(), _TinyText(chars)]
    return pdf_builders.build(folder / "one-dense-page-among-good.pdf", story).read_bytes()
