"""Coverage-guided fuzzing of the PDF reader with atheris: bytes → pdfminer/pdfplumber → rows.

    pip install atheris
    python bench/fuzz/fuzz_pdf.py [CORPUS_DIR ...] -max_total_time=600 -timeout=10 \\
        -rss_limit_mb=4096

Not run by CI. Seeded with the PDFs in samples/pdf that have a text layer (OCR is off: a
fuzzer must not wait on tesseract). pdfminer and pdfplumber are instrumented too, so coverage
guides the mutations into their parsers; pdfium (C) is not.
"""

from __future__ import annotations

import contextlib
import sys

import atheris
from fuzz_common import corpus_args, root

sys.path.insert(0, str(root()))

with atheris.instrument_imports(include=["ingest", "pdfminer", "pdfplumber"]):
    from councilpapers.errors import CouncilPapersError
    from councilpapers.pipeline import process_document
    from ingest.pdf import read_pdf_bytes


def one_input(data: bytes) -> None:
    """Read one PDF (and parse what it holds); only typed errors may come out."""
    with contextlib.suppress(CouncilPapersError):
        process_document(read_pdf_bytes(data, "fuzz.pdf", ocr=None))


def main() -> None:
    seeds = [root() / "samples" / "pdf"]
    atheris.Setup(corpus_args(sys.argv, "pdf", seeds, "*.pdf", skip="scanned"), one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
