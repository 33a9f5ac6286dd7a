"""Hypothesis strategies that break the real samples the way real extraction breaks them.

Each mutation is something seen in council papers or their extracts, pushed further: lines
dropped, doubled or swapped (a page reordered), tabs lost or gained (a cell boundary
misread), OCR junk and running headers in the middle of rows, control characters, right-to-
left and combining marks, a line repeated into a wall of separators, and a file cut off at any
byte. Byte-level mutations go under the decoder too (invalid UTF-8, NULs, BOMs).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import PDF, TEXT

#: Every text sample, as bytes: the seeds, other layouts, and the regression samples.
TEXT_SAMPLES: dict[str, bytes] = {
    path.name: path.read_bytes()
    for folder in (TEXT, Path(__file__).parent / "regressions")
    for path in sorted(folder.glob("*.txt"))
}
#: The PDFs with a text layer (the scanned one would need OCR: not in a fast test).
PDF_SAMPLES: dict[str, bytes] = {
    path.name: path.read_bytes() for path in sorted(PDF.glob("*.pdf")) if "scanned" not in path.name
}

# Lines that OCR and page furniture put into trackers (all from the seed tracker), and lines
# that look like structure: a header again, a bare reference, a RESOLVED heading.
JUNK_LINES = (
    "1 Togress opeats Office Coxeta Experience",
    "r rogress opuale – Criliu Sexual Exploitation",
    "1 1 1 1 1 1",
    "2",
    "1.55.03 25",
    "00000.",
    "a -",
    "กขคง ภาษาไทย ข้อความ",
    "Progress Update – Child Sexual Exploitation",
    "No.\tRecommendation\tLink Officer\tAnticipated Completion Date\t"
    "Quarter 1/2 evidence of progress\tAssessment of progress",
    "No. / Recommendation / Link Officer / Target Date / Progress / Assessment",
    "| Ref | Recommendation | Lead Officer | Target Date | Update | Status |",
    "12.",
    "\t\t\t\t\t\t\t\t\t",
    "5b\t\t\t\t\t",
    "RESOLVED that:-",
    "2. Record of the Decision",
    "a)",
    '=HYPERLINK("http://example.invalid")',
    "",
)
# Characters that break naive text handling: C0/C1 controls, line and paragraph separators
# (`str.splitlines` splits on them, `split("\n")` does not), invisible marks, right-to-left
# overrides and scripts, combining marks piled on a letter.
ODD_CHARACTERS = (
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1c",
    "\x1e",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u00ad",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2069",
    "שלום",
    "مرحبا",
    "\u0301",
    "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308",
    "\u20dd",
    "\r",
    "\r\n",
    "\t",
    "\f",
    "•",
    "–",
    "\ud7ff",
    "\U0001f600",
)


def decode(data: bytes) -> str:
    """Given a sample's bytes, return its text as the reader would decode it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


Mutation = Callable[[list[str]], list[str]]
# Texts are cut to this many characters after mutating: the biggest real extracts are a few
# tens of kilobytes, and the time bound is for inputs of that size (very long lines have
# their own scaling tests in test_regressions.py).
MAX_TEXT = 100_000


class Sample:
    """A mutated sample: which sample, its bytes, and the mutations made. A plain class with a
    short repr (hypothesis prints a dataclass field by field), so a failing example prints as
    its recipe, not as 400 kB of bytes."""

    __slots__ = ("data", "name", "steps")

    def __init__(self, name: str, data: bytes, steps: tuple[str, ...]) -> None:
        self.name, self.data, self.steps = name, data, steps

    def __repr__(self) -> str:
        return f"Sample({self.name!r}, {len(self.data)} bytes, steps={list(self.steps)})"


@st.composite
def _line_mutation(draw: st.DrawFn, size: int) -> tuple[str, Mutation]:
    """One mutation of a list of `size` lines (the list it is applied to may have shrunk)."""
    kind = draw(
        st.sampled_from(
            (
                "drop",
                "duplicate",
                "swap",
                "drop-tab",
                "add-tab",
                "tab-to-spaces",
                "junk-line",
                "odd-character",
                "any-character",
                "repeat-fragment",
                "repeat-line",
                "join-lines",
                "blank-run",
            )
        )
    )
    at = draw(st.integers(0, max(size - 1, 0)))
    other = draw(st.integers(0, max(size - 1, 0)))
    where = draw(st.floats(0, 1))
    junk = draw(st.sampled_from(JUNK_LINES))
    odd = draw(st.sampled_from(ODD_CHARACTERS) | st.characters(exclude_categories=["Cs"]))
    times = draw(st.integers(2, 1500))

    def apply(lines: list[str]) -> list[str]:
        if not lines:
            return [junk]
        i, j = at % len(lines), other % len(lines)
        line = lines[i]
        k = int(where * len(line))
        out = list(lines)
        if kind == "drop":
            del out[i]
        elif kind == "duplicate":
            out.insert(i, line)
        elif kind == "swap":
            out[i], out[j] = out[j], out[i]
        elif kind == "drop-tab":
            tabs = [m.start() for m in re.finditer("\t", line)]
            if tabs:
                t = tabs[k % len(tabs)]
                out[i] = line[:t] + line[t + 1 :]
        elif kind == "add-tab":
            out[i] = line[:k] + "\t" + line[k:]
        elif kind == "tab-to-spaces":
            out[i] = line.replace("\t", "    ")
        elif kind == "junk-line":
            out.insert(i, junk)
        elif kind in ("odd-character", "any-character"):
            out[i] = line[:k] + odd + line[k:]
        elif kind == "repeat-fragment":
            # A stuck extractor repeats a piece of a line: walls of ` / `, `|` or tabs.
            fragment = line[k : k + 4] or " / "
            out[i] = line[:k] + fragment * times + line[k:]
        elif kind == "repeat-line":
            copies = min(times % 300 + 2, MAX_TEXT // (len(line) + 1) + 1)
            out[i] = " ".join([line] * copies)
        elif kind == "join-lines":
            # An extract that lost its line breaks from here on: one very long line.
            out[i:] = [" ".join(out[i:])]
        else:
            out[i:i] = [""] * (times % 40)
        return out

    return f"{kind}@{at}", apply


@st.composite
def mutated_text(draw: st.DrawFn) -> Sample:
    """A text sample with one to six line-level mutations, and possibly cut short."""
    name = draw(st.sampled_from(sorted(TEXT_SAMPLES)))
    lines = decode(TEXT_SAMPLES[name]).split("\n")
    steps = []
    for _ in range(draw(st.integers(1, 6))):
        step, mutate = draw(_line_mutation(len(lines)))
        lines = mutate(lines)
        steps.append(step)
        if sum(map(len, lines)) > MAX_TEXT:  # mutations compound: keep memory bounded
            lines = "\n".join(lines)[:MAX_TEXT].split("\n")
    text = "\n".join(lines)[:MAX_TEXT]
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
        steps.append(f"cut@{cut}")
    return Sample(name, text.encode("utf-8", "surrogatepass"), tuple(steps))


@st.composite
def mutated_bytes(draw: st.DrawFn) -> Sample:
    """A text sample damaged below the text: cut at any byte, bytes flipped or inserted."""
    name = draw(st.sampled_from(sorted(TEXT_SAMPLES)))
    data = bytearray(TEXT_SAMPLES[name])
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(("cut", "flip", "insert", "bom", "encode")))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        steps.append(f"{kind}@{at}")
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "bom":
            data[0:0] = draw(st.sampled_from((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")))
        else:
            text = decode(bytes(data))
            codec = draw(st.sampled_from(("cp1252", "latin-1", "utf-16", "utf-8-sig")))
            data = bytearray(text.encode(codec, "replace"))
            steps[-1] = f"encode:{codec}"
    return Sample(name, bytes(data), tuple(steps))


# Numbers in a PDF's objects whose hostile values break readers: lengths, counts, boxes,
# rotations, font sizes, offsets.
_PDF_NUMBER = re.compile(rb"(/(?:Length|Count|Rotate|Size|W|Index|First|N|Prev)\s+)(-?\d+)")
_PDF_BOX = re.compile(rb"/(?:MediaBox|CropBox)\s*\[[^\]]*\]")
_HOSTILE_NUMBERS = (b"0", b"-1", b"1", b"2147483648", b"99999999999999999999", b"1e400", b"3.5")
_HOSTILE_BOXES = (
    b"/MediaBox [0 0 0 0]",
    b"/MediaBox [0 0 -595 -842]",
    b"/MediaBox [0 0 1e400 842]",
    b"/MediaBox [0 0 14400 14400]",
    b"/MediaBox [(a) 0 595]",
    b"/MediaBox []",
)


@st.composite
def mutated_pdf(draw: st.DrawFn) -> Sample:
    """A real PDF cut short, with bytes overwritten, or with a number or box made hostile."""
    name = draw(st.sampled_from(sorted(PDF_SAMPLES)))
    data = bytearray(PDF_SAMPLES[name])
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(("cut", "overwrite", "delete", "number", "box", "xref")))
        at = draw(st.integers(0, len(data) - 1))
        steps.append(f"{kind}@{at}")
        if kind == "cut":
            del data[max(at, 16) :]
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=64))
            data[at : at + len(chunk)] = chunk
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif kind in ("number", "box"):
            pattern = _PDF_NUMBER if kind == "number" else _PDF_BOX
            found = list(pattern.finditer(bytes(data)))
            if found:
                m = found[draw(st.integers(0, len(found) - 1))]
                if kind == "number":
                    value = m.group(1) + draw(st.sampled_from(_HOSTILE_NUMBERS))
                else:
                    value = draw(st.sampled_from(_HOSTILE_BOXES))
                data[m.start() : m.end()] = value
        else:
            # Offsets in the cross-reference table pointed somewhere else.
            table = bytes(data).rfind(b"xref")
            if table != -1:
                pos = table + draw(st.integers(0, 400))
                if pos < len(data) and chr(data[pos]).isdigit():
                    data[pos] = ord(str(draw(st.integers(0, 9))))
    return Sample(name, bytes(data), tuple(steps))
