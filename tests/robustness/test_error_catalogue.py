"""The error catalogue is complete: every code the source can emit is in it, every entry is
emitted somewhere, documented in the README, and says what it means and what to do."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from councilpapers import error_codes
from councilpapers.error_codes import CATALOGUE, markdown_catalogue
from tests.conftest import ROOT

PACKAGES = ("councilpapers", "ingest", "parsers", "normalise", "output", "compare")
CATALOGUE_FILE = ROOT / "councilpapers" / "error_codes.py"
# Codes are kebab-case; so are a few strings that are not codes. Each is listed with what it
# is; a new kebab-case string must be catalogued as a code or added here.
_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
NOT_CODES = {
    "absolute-time": "dateparser's parser name (normalise/dates.py)",
    "categories-1-4": "an assessment scale's name",
    "complete-ongoing": "an assessment scale's name",
    "not-started": "an assessment status",
    "councilpapers-pool": "a worker pool's name",
    "dpi-v": "part of an OCR cache file name",
    "utf-8": "an encoding",
    "utf-16": "an encoding",
    "utf-8-sig": "an encoding",
    "warm-up": "the worker warm-up task's name",
}


def _source_files() -> list[Path]:
    return [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]


def _kebab_strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _KEBAB.match(node.value)
    }


def test_every_code_in_the_source_is_in_the_catalogue() -> None:
    missing: dict[str, str] = {}
    for path in _source_files():
        for text in _kebab_strings(path) - CATALOGUE.keys() - NOT_CODES.keys():
            missing.setdefault(text, str(path.relative_to(ROOT)))
    assert not missing, f"codes used but not in councilpapers/error_codes.py: {missing}"


def test_every_catalogued_code_is_emitted_somewhere() -> None:
    used = set().union(*(_kebab_strings(p) for p in _source_files() if p != CATALOGUE_FILE))
    assert not CATALOGUE.keys() - used, "catalogued but never emitted"


def test_no_error_is_raised_without_a_code() -> None:
    # The base class's `code = "error"` is a placeholder: a raise of it must name its code.
    bare = []
    for path in _source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "CouncilPapersError"
                and not any(k.arg == "code" for k in node.keywords)
            ):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bare


def test_entries_say_what_they_mean_and_what_to_do() -> None:
    entries = error_codes._CODES
    assert len(entries) == len(CATALOGUE), "a code is catalogued twice"
    for entry in entries:
        assert _KEBAB.match(entry.code), entry.code
        assert entry.severity in ("error", "warning"), entry.code
        assert entry.meaning.endswith(".") and entry.action.endswith("."), entry.code
        assert "|" not in entry.meaning + entry.action, "breaks the README table"


def test_readme_errors_section_is_the_catalogue() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- error-catalogue:start -->") + len("<!-- error-catalogue:start -->")
    end = readme.index("<!-- error-catalogue:end -->")
    assert readme[start:end].strip() == markdown_catalogue().strip()
    for code in CATALOGUE:
        assert f"| `{code}` |" in readme
