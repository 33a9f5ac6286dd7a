"""Coverage-guided fuzzing of the text path with atheris: bytes → read → parse → normalise.

    pip install atheris
    python bench/fuzz/fuzz_text.py [CORPUS_DIR ...] -max_total_time=600 -timeout=10

Not run by CI (the hypothesis tests in tests/robustness are). With no corpus folder given, one
is made in the temp folder and seeded with samples/text and the regression samples. Any
exception other than councilpapers' own typed errors is a finding; libFuzzer saves the input
as crash-<hash>, and -timeout makes a slow input a finding too. See NOTES.md for what it found.
"""

from __future__ import annotations

import contextlib
import sys

import atheris
from fuzz_common import corpus_args, root

sys.path.insert(0, str(root()))

with atheris.instrument_imports(include=["councilpapers", "ingest", "parsers", "normalise"]):
    from councilpapers.errors import CouncilPapersError
    from councilpapers.pipeline import process_document
    from ingest.text import read_text_bytes


def one_input(data: bytes) -> None:
    """Read, parse and normalise one input; only typed errors may come out."""
    with contextlib.suppress(CouncilPapersError):
        process_document(read_text_bytes(data, "fuzz.txt"))


def main() -> None:
    seeds = [root() / "samples" / "text", root() / "tests" / "robustness" / "regressions"]
    atheris.Setup(corpus_args(sys.argv, "text", seeds, "*.txt"), one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
