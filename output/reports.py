"""Write the comparison reports: `changes.html`/`.md` for a diff, `drift.html`/`.md` for an audit.

Each file is written atomically (``output/writers.py``); links inside point back to the papers
relative to the output folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from output.writers import replace_atomically

if TYPE_CHECKING:
    from compare.drift import DriftAudit
    from compare.quarters import DiffResult

ReportFormat = Literal["html", "md"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "md")


def write_diff_report(
    out_dir: Path, result: DiffResult, formats: Sequence[ReportFormat]
) -> list[Path]:
    """Given a diff, write `changes.<format>` for each format in `out_dir`; return the paths."""
    from output.report_html import render_diff_html
    from output.report_md import render_diff_md

    render = {"html": render_diff_html, "md": render_diff_md}
    written = []
    for fmt in dict.fromkeys(formats):
        target = out_dir / f"changes.{fmt}"
        replace_atomically(target, render[fmt](result, base_dir=out_dir).encode("utf-8"))
        written.append(target)
    return written


def write_drift_report(
    out_dir: Path, audit: DriftAudit, formats: Sequence[ReportFormat]
) -> list[Path]:
    """Given a drift audit, write `drift.<format>` for each format in `out_dir`."""
    from output.report_html import render_drift_html
    from output.report_md import render_drift_md

    render = {"html": render_drift_html, "md": render_drift_md}
    written = []
    for fmt in dict.fromkeys(formats):
        target = out_dir / f"drift.{fmt}"
        replace_atomically(target, render[fmt](audit, base_dir=out_dir).encode("utf-8"))
        written.append(target)
    return written
