"""Speed and memory of the PDF path, beside pdfplumber's plain `extract_tables()`, in one run.

    python bench/bench_pdf.py [--repeat 5] [PDF ...]     (default: samples/pdf/*.pdf)

For each file: pages per second (median of the repeats) and peak Python memory (tracemalloc,
one extra run) of (a) plain ``page.extract_tables()`` on every page, (b) `read_pdf`, and (c) the
whole pipeline (`process_file`: read, parse, normalise). Scanned files are timed with a warm OCR
cache (a second run costs what a re-run costs) and their first, cold OCR is reported on its own.
The issue's aim: (c) no more than 1.5x (a).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from councilpapers.pipeline import process_document  # noqa: E402
from ingest.ocr import OcrSettings  # noqa: E402
from ingest.pdf import read_pdf  # noqa: E402


def plain_extract_tables(path: Path) -> int:
    """pdfplumber's own table extraction, the baseline: every page, default settings."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
        return len(pdf.pages)


def _pipeline(path: Path, ocr: OcrSettings) -> object:
    return process_document(read_pdf(path, ocr=ocr))


def timed(run: Callable[[], object], repeat: int) -> float:
    """Given a call, return its median wall time over `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(run: Callable[[], object]) -> float:
    """Given a call, return the peak of Python memory it allocated, in MiB."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pdfs = args.pdfs or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))

    with tempfile.TemporaryDirectory() as cache:
        ocr = OcrSettings(cache_dir=Path(cache))
        columns = ("file", "pages", "method", "pages/s", "peak MiB", "x plain")
        print("{:<52} {:>5}  {:<22} {:>8} {:>9} {:>8}".format(*columns))
        totals: dict[str, float] = {"plain": 0.0, "read_pdf": 0.0, "pipeline": 0.0}
        text_totals = dict.fromkeys(totals, 0.0)
        for path in pdfs:
            pages = plain_extract_tables(path)
            cold = time.perf_counter()
            read_pdf(path, ocr=ocr)  # warms the OCR cache (and imports) for scanned files
            cold = time.perf_counter() - cold
            process_document(read_pdf(path, ocr=ocr))  # warms the pipeline's lazy imports
            runs: dict[str, Callable[[], object]] = {
                "plain": partial(plain_extract_tables, path),
                "read_pdf": partial(read_pdf, path, ocr=ocr),
                "pipeline": partial(_pipeline, path, ocr),
            }
            seconds = {name: timed(run, args.repeat) for name, run in runs.items()}
            scanned = read_pdf(path, ocr=ocr).media == "ocr"
            for name, run in runs.items():
                ratio = seconds[name] / seconds["plain"]
                label = name + (" (OCR cached)" if scanned and name != "plain" else "")
                print(
                    f"{path.name:<52} {pages:>5}  {label:<22} {pages / seconds[name]:>8.1f} "
                    f"{peak_mib(run):>9.1f} {ratio:>8.2f}"
                )
                totals[name] += seconds[name]
                if not scanned:
                    text_totals[name] += seconds[name]
            if scanned:
                per_page = cold / pages
                print(f"{'':<59} first read, cold OCR: {cold:.2f} s ({per_page:.2f} s/page)")
        print()
        for label, sums in (("all files", totals), ("files with a text layer", text_totals)):
            if sums["plain"]:
                print(
                    f"{label}: read_pdf {sums['read_pdf'] / sums['plain']:.2f}x plain, "
                    f"whole pipeline {sums['pipeline'] / sums['plain']:.2f}x plain"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
