"""Write the comparison reports: `changes.html`/`.md` for a diff, `drift.html`/`.md` for an audit.

Each file is written atomically (``output/writers.py``); links inside point back to the papers
relative to the output folder.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from output.writers import replace_atomically

if TYPE_CHECKING:
    from compare.drift import DriftAudit
    from compare.quarters import DiffResult

ReportFormat = Literal["html", "md"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "md")


def _write(
    out_dir: Path,
    name: str,
    renderers: Mapping[ReportFormat, Callable[[Path], str]],
    formats: Sequence[ReportFormat],
) -> list[Path]:
    written = []
    for fmt in dict.fromkeys(formats):
        target = out_dir / f"{name}.{fmt}"
        replace_atomically(target, renderers[fmt](out_dir).encode("utf-8"))
        written.append(target)
    return written


def write_diff_report(
    out_dir: Path, result: DiffResult, formats: Sequence[ReportFormat]
) -> list[Path]:
    """Given a diff, write `changes.<format>` for each format in `out_dir`; return the paths."""
    from output.report_html import render_diff_html
    from output.report_md import render_diff_md

    return _write(
        out_dir,
        "changes",
        {
            "html": lambda base: render_diff_html(result, base_dir=base),
            "md": lambda base: render_diff_md(result, base_dir=base),
        },
        formats,
    )


def write_drift_report(
    out_dir: Path, audit: DriftAudit, formats: Sequence[ReportFormat]
) -> list[Path]:
    """Given a drift audit, write `drift.<format>` for each format in `out_dir`."""
    from output.report_html import render_drift_html
    from output.report_md import render_drift_md

    return _write(
        out_dir,
        "drift",
        {
            "html": lambda base: render_drift_html(audit, base_dir=base),
            "md": lambda base: render_drift_md(audit, base_dir=base),
        },
        formats,
    )
