"""Markdown reports of a quarter diff or a drift audit, for a pull request or a wiki page.

Same content as the HTML report; the chart becomes a table of counts with text bars, and the
redline marks deletions `~~struck~~` and insertions `**bold**`, so it reads as plain text too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from councilpapers import __version__
from output.report_common import (
    CONTEXT_WORDS,
    EDIT_LABELS,
    FIELD_LABELS,
    KIND_LABELS,
    VERDICT_LABELS,
    SourceRef,
    group_by_rec,
    movements,
    parse_source,
    row_outcomes,
    source_href,
)

if TYPE_CHECKING:
    from compare.drift import DriftAudit, DriftFinding
    from compare.quarters import Change, DiffResult, QuarterSummary
    from compare.redline import Segment as RedlineSegment

# Characters Markdown would read as markup (`*`, `_`, `~`, brackets, `|` in tables, `<`, …).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_BAR = "█"


def _md(text: str) -> str:
    """Given text, return it escaped for Markdown, on one line (a table cell or a paragraph)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _link(source: str, base_dir: Path) -> str:
    ref = parse_source(source)
    if ref is None:
        return ""
    return f"[{_md(ref.text)}]({source_href(ref, base_dir)})"


def _file_link(file: str, base_dir: Path) -> str:
    return f"[{_md(file)}]({source_href(SourceRef(file, 1, 1), base_dir)})" if file else ""


def render_redline_md(
    segments: Sequence[RedlineSegment], context: int | None = CONTEXT_WORDS
) -> str:
    """Given a redline, return it as Markdown: `~~deleted~~` and `**inserted**`; long unchanged
    runs are shortened to `context` words either side of a change (None: never), as in HTML."""
    if all(seg.op == "equal" for seg in segments):
        context = None
    out = []
    for index, seg in enumerate(segments):
        text = _md(seg.text)
        if seg.op == "equal" and context is not None:
            words = text.split(" ")
            head = words[:context] if index > 0 else []
            tail = words[-context:] if index < len(segments) - 1 else []
            if len(words) > len(head) + len(tail) + 1:
                text = " ".join(p for p in (" ".join(head), "…", " ".join(tail)) if p)
        lead = " " if seg.text[:1].isspace() else ""
        trail = " " if seg.text[-1:].isspace() else ""
        if seg.op == "delete":
            out.append(f"{lead}~~{text}~~{trail}")
        elif seg.op == "insert":
            out.append(f"{lead}**{text}**{trail}")
        else:
            out.append(f"{lead}{text}{trail}")
    return "".join(out).strip()


def _chart_table(quarters: Sequence[QuarterSummary]) -> list[str]:
    labels = list(dict.fromkeys(c.label for q in quarters for c in q.counts))
    lines = [
        "| quarter | " + " | ".join(_md(label) for label in labels) + " | rows | |",
        "|---|" + "---:|" * len(labels) + "---:|---|",
    ]
    for q in quarters:
        counts = {c.label: c.rows for c in q.counts}
        bar = " ".join(_BAR * counts.get(label, 0) for label in labels if counts.get(label))
        cells = " | ".join(str(counts.get(label, 0)) for label in labels)
        lines.append(f"| {_md(q.label)} | {cells} | {q.rows} | {bar} |")
    return lines


def _change_line(change: Change, base_dir: Path) -> str:
    item = f"{change.rec_no}{change.sub_item}"
    if change.matched_by == "wording":
        item += f" (was {change.old_rec_no}{change.old_sub_item})"
    what = FIELD_LABELS.get(change.field, change.field)
    head = f"- **{_md(item)}** {KIND_LABELS[change.change]}" + (f", {what}" if what else "")
    if change.field in ("evidence", "recommendation") and change.segments:
        edit = EDIT_LABELS.get(change.edit, change.edit)
        body = f" ({edit}): {render_redline_md(change.segments)}"
    elif change.change == "modified":
        body = f": {_md(change.old) or '(blank)'} → {_md(change.new) or '(blank)'}"
    else:
        body = f": {_md(change.old or change.new)}"
    if change.movement and change.movement != "same":
        body += f" (assessment {change.movement})"
    note = f" — {_md(change.note)}" if change.note and change.field != "recommendation" else ""
    where = [
        f"{label} {_link(source, base_dir)}"
        for label, source in (("before", change.old_source), ("after", change.new_source))
        if source
    ]
    return f"{head}{body}{note}. On the paper: {'; '.join(where)}"


def _outcome_table(changes: Sequence[Change]) -> list[str]:
    outcomes = row_outcomes(changes)
    moved = movements(changes)
    heads = [*KIND_LABELS.values(), "improved", "worsened"]
    values = [outcomes.get(k, 0) for k in KIND_LABELS] + [
        moved.get(m, 0) for m in ("improved", "worsened")
    ]
    return [
        "| " + " | ".join(heads) + " |",
        "|" + "---:|" * len(heads),
        "| " + " | ".join(str(v) for v in values) + " |",
    ]


def render_diff_md(result: DiffResult, *, base_dir: Path) -> str:
    """Given a diff of quarters, return the Markdown report (links relative to `base_dir`)."""
    first, last = result.quarters[0], result.quarters[-1]
    lines = [f"# What changed: {_md(first.label)} → {_md(last.label)}", ""]
    for q in result.quarters:
        lines.append(f"- {_md(q.label)}: {q.rows} rows from {_file_link(q.source_file, base_dir)}")
    changes = result.changes
    lines += ["", "## Summary", "", *_outcome_table(changes), ""]
    for c in (c for c in changes if c.change == "dropped"):
        lines.append(
            f"> **Alert:** recommendation {_md(c.rec_no + c.sub_item)} left the tracker while "
            f"{_md(c.old or 'not assessed')} ({_link(c.old_source, base_dir)})."
        )
    lines += ["", "## Assessments per quarter", "", *_chart_table(result.quarters), ""]
    lines += ["## Changes by recommendation", "", "Redlines: ~~deleted~~, **inserted**.", ""]
    for step in result.steps:
        if len(result.steps) > 1:
            lines += [f"### {_md(step.old.label)} → {_md(step.new.label)}", ""]
            lines += [*_outcome_table(step.changes), ""]
        for rec_no, group in group_by_rec(step.changes):
            lines += [
                f"#### Recommendation {_md(rec_no)}",
                "",
                f"> {_md(group[0].recommendation)}",
                "",
            ]
            lines += [_change_line(c, base_dir) for c in group]
            lines.append("")
    lines.append(f"_Made by councilpapers {__version__}._")
    return "\n".join(lines) + "\n"


def _finding_lines(finding: DriftFinding, base_dir: Path) -> list[str]:
    similarity = (
        f", {finding.similarity}% of words in common" if finding.similarity is not None else ""
    )
    lines = [
        f"### Recommendation {_md(finding.rec_no)}: {VERDICT_LABELS[finding.verdict]}{similarity}",
        "",
    ]
    if finding.reason:
        lines += [_md(finding.reason), ""]
    if finding.segments:
        lines += [f"> {render_redline_md(finding.segments, context=None)}", ""]
    elif finding.decision_text or finding.tracker_text:
        lines += [f"> {_md(finding.decision_text or finding.tracker_text)}", ""]
    where = []
    if finding.decision_source:
        where.append(f"decision {_link(finding.decision_source, base_dir)}")
    if finding.tracker_source:
        items = f" ({', '.join(finding.sub_items)})" if finding.sub_items else ""
        link = _link(finding.tracker_source, base_dir)
        where.append(f"tracker {_md(finding.tracker_rec_no + items)} {link}")
    return [*lines, "On the paper: " + "; ".join(where), ""]


def render_drift_md(audit: DriftAudit, *, base_dir: Path) -> str:
    """Given a drift audit, return the Markdown report (links relative to `base_dir`)."""
    lines = ["# Drift: what Cabinet resolved and what the tracker tracks", ""]
    decision = _file_link(audit.decision_source_file, base_dir)
    lines.append(f"- Decision: {_md(audit.decision_title)} {decision}")
    if audit.tracker_quarter is not None:
        q = audit.tracker_quarter
        lines.append(
            f"- Tracker: {_md(q.label)}, {q.rows} rows {_file_link(q.source_file, base_dir)}"
        )
    counts = {v: 0 for v in VERDICT_LABELS}
    for finding in audit.findings:
        counts[finding.verdict] += 1
    lines += ["", "## Summary", ""]
    lines += ["| " + " | ".join(VERDICT_LABELS.values()) + " |", "|" + "---:|" * len(counts)]
    lines += ["| " + " | ".join(str(n) for n in counts.values()) + " |", ""]
    if audit.tracker_quarter is not None:
        lines += ["## Tracker assessments", "", *_chart_table([audit.tracker_quarter]), ""]
    lines += [
        "## Recommendations",
        "",
        "Redlines from decision to tracker: ~~deleted~~, **inserted**.",
        "",
    ]
    for finding in audit.findings:
        lines += _finding_lines(finding, base_dir)
    lines.append(f"_Made by councilpapers {__version__}._")
    return "\n".join(lines) + "\n"
