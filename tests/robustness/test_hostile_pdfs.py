"""Hostile PDFs: each is refused with its own code and a clear reason, or read within the limits,
and fast. The files are built by `hostile_pdfs` (and `tests/ingest/pdf_builders`)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from councilpapers.errors import UnreadableFileError
from councilpapers.pipeline import ReadOptions, process_file
from ingest.pdf import read_pdf_bytes
from ingest.pdf_limits import PdfLimits, inflated_size
from ingest.triage import read_page_texts
from tests.ingest.conftest import RULED
from tests.robustness import hostile_pdfs as hostile
from tests.robustness.harness import attempt, time_bound

CATEGORY = "pdf: hostile files"
#: Seconds any hostile file may take to be refused or read: "fast", well inside the bound.
FAST = 5.0

# name → (builder, the code it must be refused with, or None when it must be read)
CASES: dict[str, tuple[Callable[[Path], bytes], str | None]] = {
    "truncated-10pc": (lambda _: hostile.truncated(RULED.read_bytes(), 0.1), "pdf-damaged"),
    "truncated-50pc": (lambda _: hostile.truncated(RULED.read_bytes(), 0.5), "pdf-damaged"),
    "truncated-99pc": (lambda _: hostile.truncated(RULED.read_bytes(), 0.99), "pdf-damaged"),
    "broken-xref": (lambda _: hostile.broken_xref(RULED.read_bytes()), "pdf-damaged"),
    "startxref-nowhere": (lambda _: hostile.startxref_nowhere(RULED.read_bytes()), None),
    "no-xref": (lambda _: hostile.no_xref(RULED.read_bytes()), "pdf-damaged"),
    "xref-prev-cycle": (lambda _: hostile.xref_prev_cycle(RULED.read_bytes()), "pdf-damaged"),
    "encrypted-user-password": (hostile.encrypted_with_user_password, "pdf-encrypted"),
    "encrypted-owner-only": (hostile.encrypted_without_user_password, None),
    "decompression-bomb": (lambda _: hostile.decompression_bomb(), "pdf-stream-too-large"),
    "nested-arrays": (lambda _: hostile.nested_arrays(), "kind-unknown"),
    "nested-dicts": (lambda _: hostile.nested_dicts(), "kind-unknown"),
    "nested-content": (lambda _: hostile.nested_content(), "pdf-damaged"),
    "deep-page-tree": (lambda _: hostile.deep_page_tree(), "pdf-damaged"),
    "page-tree-cycle": (lambda _: hostile.page_tree_cycle(), "pdf-empty"),
    "reference-chain": (lambda _: hostile.reference_chain(20_000), "kind-unknown"),
    "self-reference": (lambda _: hostile.self_reference(), "pdf-damaged"),
    "root-self-reference": (lambda _: hostile.root_self_reference(), "pdf-damaged"),
    "5000-pages": (lambda _: hostile.many_pages(5000), "pdf-too-many-pages"),
    "100000-tiny-characters": (lambda _: hostile.dense_page(100_000), "pdf-page-too-dense"),
    "dense-page-among-good": (hostile.one_dense_page_among_good, None),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: build(folder) for name, (build, _) in CASES.items()}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_pdf_is_refused_with_its_code_or_read_fast(
    files: dict[str, bytes], name: str
) -> None:
    expected = CASES[name][1]
    outcome = attempt(CATEGORY, files[name], f"hostile/{name}.pdf")
    assert not outcome.failed, outcome.detail
    if expected is None:
        assert outcome.kind == "records" and outcome.rows > 0
    else:
        assert (outcome.kind, outcome.detail) == ("typed-error", expected)
    assert outcome.seconds < FAST


def test_refusals_say_which_limit_to_raise(files: dict[str, bytes]) -> None:
    hints = {}
    for name in ("5000-pages", "100000-tiny-characters", "decompression-bomb"):
        with pytest.raises(UnreadableFileError) as caught:
            read_pdf_bytes(files[name], f"{name}.pdf", ocr=None)
        hints[name] = caught.value.hint
    assert "--max-pages" in hints["5000-pages"]
    assert "max_chars_per_page=100" in hints["100000-tiny-characters"]
    assert "max_stream_bytes" in hints["decompression-bomb"]


def test_a_dense_page_costs_only_itself(files: dict[str, bytes]) -> None:
    doc = read_pdf_bytes(files["dense-page-among-good"], "dense.pdf", ocr=None)
    (note,) = doc.notes
    assert (note.code, note.page, note.severity) == ("pdf-page-too-dense", 2, "error")
    assert "skipped" in note.message and "max_chars_per_page" in note.hint
    assert {line.page for line in doc.lines} == {1}


def test_limits_are_settings_not_constants() -> None:
    ruled = RULED.read_bytes()
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf_bytes(ruled, "ruled.pdf", ocr=None, limits=PdfLimits(max_pages=3))
    assert caught.value.code == "pdf-too-many-pages"
    assert "4 pages" in caught.value.message
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf_bytes(ruled, "ruled.pdf", ocr=None, limits=PdfLimits(max_chars_per_page=100))
    assert caught.value.code == "pdf-page-too-dense"
    assert caught.value.message.startswith("all 4 pages over the character limit")
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf_bytes(ruled, "ruled.pdf", ocr=None, limits=PdfLimits(max_stream_bytes=1000))
    assert caught.value.code == "pdf-stream-too-large"
    unlimited = PdfLimits(max_pages=None)
    assert read_pdf_bytes(ruled, "ruled.pdf", ocr=None, limits=unlimited).pages == 4
    with pytest.raises(ValueError, match="max_pages"):
        PdfLimits(max_pages=0)


def test_the_bomb_is_measured_without_inflating_it(files: dict[str, bytes]) -> None:
    data = files["decompression-bomb"]
    start = data.index(b"stream\n") + len(b"stream\n")
    began = time.perf_counter()
    assert inflated_size(data, start, 64 << 20) > 64 << 20
    assert time.perf_counter() - began < 2.0


def test_a_stream_of_some_mib_under_the_limit_is_measured_to_its_end() -> None:
    # Past a stream's end zlib keeps handing back its last unconsumed tail: the measuring loop
    # went round for ever on any stream over a MiB (found by the line above, at 1 GiB).
    data = hostile.decompression_bomb(8)
    start = data.index(b"stream\n") + len(b"stream\n")
    with time_bound(2):
        size = inflated_size(data, start, 1 << 30)
    assert size == (8 << 20) + len(b"BT /F1 10 Tf 40 800 Td (Bomb) Tj ET ")


@pytest.mark.parametrize("name", ["deep-page-tree", "page-tree-cycle"])
def test_a_page_tree_pdfium_cannot_load_is_damaged_not_an_internal_error(
    files: dict[str, bytes], name: str, tmp_path: Path
) -> None:
    # pdfium counted pages it then failed to load, and the batch's first look at every page
    # let its PdfiumError out as an internal error; now it gives way to the full reader.
    assert read_page_texts(files[name], f"{name}.pdf") is None
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(files[name])
    result = process_file(path, options=ReadOptions(ocr=False))
    assert result.error is not None
    assert result.error.code in ("pdf-damaged", "pdf-empty"), result.error


@pytest.mark.parametrize("box", [b"/MediaBox [0 0 1 e400 842]", b"/MediaBox []"])
def test_a_malformed_mediabox_is_damaged_not_an_internal_error(box: bytes) -> None:
    # Found by byte-mutation fuzzing: pdfplumber raises its own MalformedPDFException (first
    # box) or a bare IndexError (second) while it builds the page list.
    data = re.sub(rb"/MediaBox\s*\[[^\]]*\]", box, RULED.read_bytes(), count=1)
    outcome = attempt(CATEGORY, data, "malformed-mediabox.pdf")
    assert (outcome.kind, outcome.detail) == ("typed-error", "pdf-damaged")
