"""Scanned pages → words and ruling lines, by tesseract through pytesseract, cached on disk.

Why pytesseract and not ocrmypdf: `image_to_data` hands back word boxes, which go straight into
the same column and row rules as a text layer's words (one code path for borderless, ruled and
scanned), and it needs only the tesseract binary. ocrmypdf would write a whole new PDF (with
Ghostscript, qpdf and a second parse of its text layer) to give us the same boxes.
Both libraries are optional (`pip install 'councilpapers[ocr]'`) and imported only when a
page has no text layer. Each page is read once: results are kept under
``$COUNCILPAPERS_CACHE/ocr`` (default ``~/.cache/councilpapers/ocr``) by file hash and page.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PIL import Image

from ingest.pdf_layout import Word
from ingest.pdf_rulings import Ruling, erase_rulings, ruling_line, rulings_from_image

#: Bump when what is cached changes meaning, so old entries are ignored.
CACHE_VERSION = 4
ENABLE_OCR_HINT = (
    "install tesseract (apt-get install tesseract-ocr) and the OCR extra "
    "(pip install 'councilpapers[ocr]')"
)
# Tesseract's "single column" mode, on the page with its rules erased, reads every cell of the
# scanned sample; "sparse text" (11) and the default (3) drop the lone rec numbers "1"…"9".
_PSM = 4
# Scans are read at their own resolution, within these bounds: the scanned sample (150 dpi)
# reads better as is ("CYPHWCG") than upscaled to 300 dpi ("CVPHWCG").
_MIN_DPI = 150.0
_MAX_DPI = 300.0
# Below this confidence (0–100) a word of symbols only is a speck, and a word is doubtful.
_MIN_SYMBOL_CONFIDENCE = 50.0
# Characters a rule's halo turns into, never the first or last of a word in a council paper.
_RULE_RESIDUE = "|}{=_~"
# Doubtful words like this are re-read on their own: rec numbers and sub-item letters ("7",
# "b."). Not "1-": enlarged alone, the dash of "1 – Fully Achieved" reads as "=".
_LABEL = re.compile(r"[A-Za-z0-9]{1,3}\.?")


class OcrUnavailableError(Exception):
    """OCR is needed but cannot run; the message says why."""


@dataclass(frozen=True)
class OcrSettings:
    """How to OCR scanned pages. Pass ``ocr=None`` to `read_pdf` to turn OCR off."""

    #: Tesseract language(s), as for ``tesseract -l``.
    language: str = "eng"
    #: Where results are kept; None means `default_cache_dir()`.
    cache_dir: Path | None = None
    #: The tesseract program; None means ``tesseract`` on PATH.
    tesseract_cmd: str | None = None
    #: Pages read at once (each is a tesseract process); None means one per CPU.
    workers: int | None = None

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()


@dataclass(frozen=True)
class ScannedPage:
    """What OCR read on one page: words and rules in PDF points, and which engine read them."""

    words: tuple[Word, ...]
    rulings: tuple[Ruling, ...]
    engine: str


def default_cache_dir() -> Path:
    """Return ``$COUNCILPAPERS_CACHE/ocr``, else ``$XDG_CACHE_HOME/councilpapers/ocr``."""
    root = os.environ.get("COUNCILPAPERS_CACHE")
    if root:
        return Path(root) / "ocr"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "councilpapers" / "ocr"


def scan_dpi(native_dpi: float | None) -> float:
    """Given a scan's own resolution (None if unknown), return the resolution to read it at."""
    if native_dpi is None:
        return _MAX_DPI
    return min(max(native_dpi, _MIN_DPI), _MAX_DPI)


def _cache_path(settings: OcrSettings, sha256: str, page: int, dpi: float) -> Path:
    name = f"{sha256}-p{page}-{settings.language}-{round(dpi)}dpi-v{CACHE_VERSION}.json"
    return settings.resolved_cache_dir() / sha256[:2] / name


def _load(path: Path) -> ScannedPage | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        words = tuple(Word(t, x0, top, x1, bottom) for t, x0, top, x1, bottom in data["words"])
        rulings = tuple(ruling_line(*r) for r in data["rulings"])
        return ScannedPage(words=words, rulings=rulings, engine=str(data["engine"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or corrupt: read the page again


def _store(path: Path, page: ScannedPage) -> None:
    data = {
        "engine": page.engine,
        "words": [[w.text, w.x0, w.top, w.x1, w.bottom] for w in page.words],
        "rulings": [[r["x0"], r["top"], r["x1"], r["bottom"]] for r in page.rulings],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8"
        ) as tmp:
            json.dump(data, tmp)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only cache costs time, not correctness


@contextmanager
def _tesseract(settings: OcrSettings) -> Iterator[tuple[ModuleType, str]]:
    """Yield pytesseract set up to run, and the engine's name; raise if it cannot run.

    pytesseract keeps the program in a module global: it is set for the duration only, so one
    call's settings never leak into the next (or into the caller's own use of pytesseract).
    """
    try:
        pytesseract = importlib.import_module("pytesseract")
    except ImportError:
        raise OcrUnavailableError("pytesseract is not installed") from None
    holder = pytesseract.pytesseract
    previous = holder.tesseract_cmd
    holder.tesseract_cmd = settings.tesseract_cmd or previous
    try:
        try:
            version = pytesseract.get_tesseract_version()
        except (pytesseract.TesseractNotFoundError, OSError):
            raise OcrUnavailableError("the tesseract program was not found") from None
        yield pytesseract, f"tesseract {version}"
    finally:
        holder.tesseract_cmd = previous


@contextmanager
def _one_thread_per_tesseract() -> Iterator[None]:
    # Tesseract's OpenMP threads fight each other on a small machine: 10 s a page on the
    # scanned sample with the default, 1.7 s with one thread (2 cores); pages run in parallel.
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if old is None:
            del os.environ["OMP_THREAD_LIMIT"]
        else:
            os.environ["OMP_THREAD_LIMIT"] = old


def _on_a_rule(box: tuple[float, float, float, float], rulings: Sequence[Ruling]) -> bool:
    """Given a word's box (points), say whether it lies across one of the page's rules."""
    x0, top, x1, bottom = box
    slack = 2.0
    return any(
        r["x0"] - slack <= x1
        and x0 <= r["x1"] + slack
        and r["top"] - slack <= bottom
        and top <= r["bottom"] + slack
        for r in rulings
    )


def _reread(pytesseract: ModuleType, image: Image.Image, box: tuple[int, int, int, int]) -> str:
    """Given a doubtful word's pixel box, return what tesseract reads there on its own."""
    pad = 2
    crop = image.crop((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad))
    crop = crop.resize((crop.width * 2, crop.height * 2), Image.Resampling.LANCZOS)
    framed = Image.new("L", (crop.width + 40, crop.height + 40), 255)
    framed.paste(crop, (20, 20))
    text: str = pytesseract.image_to_string(framed, config="--psm 7")
    return text.strip()


def _clean_word(
    pytesseract: ModuleType,
    image: Image.Image,
    text: str,
    confidence: float,
    pixels: tuple[int, int, int, int],
    box: tuple[float, float, float, float],
    rulings: Sequence[Ruling],
) -> str:
    """Given one word tesseract read, return its text cleaned of rule residue ("" to drop it).

    What the scanned sample taught: a rule leaves a grey halo even once erased, read as "|",
    "_" or "~—" on the rule or glued to a word ("}=CATALYST", "_b."); a lone rec number read
    doubtfully ("tr" for "7", confidence 3) reads right when cropped and enlarged.
    """
    text = text.strip()
    if not text or confidence < 0:
        return ""
    if not any(ch.isalnum() for ch in text):
        keep = confidence >= _MIN_SYMBOL_CONFIDENCE and not _on_a_rule(box, rulings)
        return text if keep else ""
    if confidence < _MIN_SYMBOL_CONFIDENCE:
        text = text.strip(_RULE_RESIDUE) or text
        if _LABEL.fullmatch(text):
            again = _reread(pytesseract, image, pixels)
            text = again if _LABEL.fullmatch(again) else text
    return text


_PageRead = tuple[tuple[Word, ...], tuple[Ruling, ...]]


def _read_image(
    pytesseract: ModuleType, image: Image.Image, scale: float, settings: OcrSettings
) -> _PageRead:
    """Given a rendered page, return its words and rules (tesseract reads it with rules erased)."""
    rulings = tuple(rulings_from_image(image, scale))
    clean = erase_rulings(image, list(rulings), scale)
    data: dict[str, list[Any]] = pytesseract.image_to_data(
        clean,
        lang=settings.language,
        config=f"--psm {_PSM}",
        output_type=pytesseract.Output.DICT,
    )
    words: list[Word] = []
    for text, conf, left, top, width, height in zip(
        data["text"],
        data["conf"],
        data["left"],
        data["top"],
        data["width"],
        data["height"],
        strict=True,
    ):
        pixels = (int(left), int(top), int(left) + int(width), int(top) + int(height))
        box = (pixels[0] / scale, pixels[1] / scale, pixels[2] / scale, pixels[3] / scale)
        cleaned = _clean_word(pytesseract, clean, str(text), float(conf), pixels, box, rulings)
        if cleaned:
            words.append(Word(cleaned, *box))
    return tuple(words), rulings


def read_scanned_pages(
    data: bytes,
    sha256: str,
    pages: Sequence[int],
    native_dpi: dict[int, float | None],
    settings: OcrSettings,
) -> dict[int, ScannedPage]:
    """Given a PDF's bytes and its scanned pages (1-based), return what OCR reads on each.

    Cached pages need no tesseract at all; the others are rendered here one at a time (pdfium
    is not thread-safe) and read by tesseract processes in parallel.
    """
    results: dict[int, ScannedPage] = {}
    todo: list[tuple[int, float]] = []
    for page in pages:
        dpi = scan_dpi(native_dpi.get(page))
        cached = _load(_cache_path(settings, sha256, page, dpi))
        if cached is not None:
            results[page] = cached
        else:
            todo.append((page, dpi))
    if not todo:
        return results

    with _tesseract(settings) as (pytesseract, engine):
        _read_pages(data, sha256, todo, settings, pytesseract, engine, results)
    return results


def _read_pages(
    data: bytes,
    sha256: str,
    todo: Sequence[tuple[int, float]],
    settings: OcrSettings,
    pytesseract: ModuleType,
    engine: str,
    results: dict[int, ScannedPage],
) -> None:
    """Render each page (pdfium is not thread-safe: here, in turn) and OCR them in parallel."""
    pdfium = importlib.import_module("pypdfium2")
    document = pdfium.PdfDocument(data)
    workers = settings.workers or os.cpu_count() or 1
    pending: deque[tuple[int, float, Future[_PageRead]]] = deque()

    def finish_oldest() -> None:
        page, dpi, future = pending.popleft()
        try:
            words, rulings = future.result()
        except pytesseract.TesseractError as exc:
            raise OcrUnavailableError(f"tesseract failed on page {page}: {exc}") from None
        scanned = ScannedPage(words=words, rulings=rulings, engine=engine)
        _store(_cache_path(settings, sha256, page, dpi), scanned)
        results[page] = scanned

    try:
        with _one_thread_per_tesseract(), ThreadPoolExecutor(max_workers=workers) as pool:
            for page, dpi in todo:
                scale = dpi / 72.0
                image = document[page - 1].render(scale=scale, grayscale=True).to_pil()
                pending.append(
                    (page, dpi, pool.submit(_read_image, pytesseract, image, scale, settings))
                )
                # Render ahead of the readers by a little only: a page image is megabytes.
                if len(pending) >= 2 * workers:
                    finish_oldest()
            while pending:
                finish_oldest()
    finally:
        document.close()
