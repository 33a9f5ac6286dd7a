"""Self-contained HTML reports of a quarter diff or a drift audit: one file, no network.

Everything is inline (CSS, an SVG chart, no script), every text is escaped, and a print
stylesheet keeps redlines legible in black and white (struck-through deletions, underlined
insertions); every link's text names the file, page and line it points to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from councilpapers import __version__
from output.report_common import (
    CONTEXT_WORDS,
    EDIT_LABELS,
    FIELD_LABELS,
    KIND_LABELS,
    UNKNOWN_COLOUR,
    VERDICT_COLOURS,
    VERDICT_LABELS,
    Bar,
    Segment,
    SourceRef,
    group_by_rec,
    movements,
    parse_source,
    row_outcomes,
    slug,
    source_href,
    status_colour,
)

if TYPE_CHECKING:
    from compare.drift import DriftAudit, DriftFinding
    from compare.quarters import Change, DiffResult, QuarterSummary
    from compare.redline import Segment as RedlineSegment

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1a1a1a; max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #333; }
h3 { font-size: 1.05rem; margin: .25rem 0; }
.meta { color: #444; margin: .2rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; }
.counts li { border: 1px solid #bbb; border-radius: 6px; padding: .4rem .8rem; min-width: 6.5rem; }
.counts .n { display: block; font-size: 1.6rem; font-weight: 700; }
.alert { border-left: 4px solid #c62828; background: #fdecea; padding: .5rem 1rem; }
section.rec { border-top: 1px solid #ccc; padding-top: .5rem; margin-top: 1.2rem; }
.wording { white-space: pre-line; color: #333; margin: .3rem 0 .6rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid #e4e4e4; }
th { font-size: .85rem; color: #555; }
table.rows { table-layout: fixed; }
table.rows col.item { width: 6%; } table.rows col.change { width: 11%; }
table.rows col.what { width: 12%; } table.rows col.moved { width: 11%; }
table.rows col.where { width: 20%; }
.where a { overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem;
  border: 1px solid currentColor; font-weight: 600; white-space: nowrap; }
.added { color: #1565c0; } .signed_off { color: #2e7d32; } .dropped { color: #c62828; }
.modified { color: #6d4c41; } .unchanged { color: #616161; }
.identical { color: #2e7d32; } .cosmetic { color: #388e3c; } .minor { color: #1565c0; }
.substantive { color: #c62828; } .missing_from_tracker { color: #b26a00; }
.not_in_decision { color: #6a1b9a; }
.improved { color: #2e7d32; } .worsened { color: #c62828; } .same { color: #616161; }
.redline { white-space: pre-wrap; }
del { background: #fde0dc; color: #8e1b10; text-decoration: line-through; }
ins { background: #dcf5dc; color: #1b5e20; text-decoration: underline; }
.elided { color: #888; }
.edit { font-size: .8rem; color: #555; }
.chart text { font: 12px system-ui, Arial, sans-serif; fill: #1a1a1a; }
.chart .inside { fill: #fff; font-weight: 700; }
footer { margin-top: 3rem; color: #666; font-size: .85rem; }
@page { size: A4 landscape; margin: 12mm; }  /* as council trackers are printed */
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  tr, .chart, .counts, .alert { break-inside: avoid; }
  h2, h3, .wording { break-after: avoid; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def _page(title: str, body: Iterable[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<footer>Made by councilpapers {_e(__version__)}. Word-level redlines: "
        "<del>deleted</del> <ins>inserted</ins>.</footer>\n</body>\n</html>\n"
    )


def _link(source: str, base_dir: Path) -> str:
    ref = parse_source(source)
    if ref is None:
        return ""
    href = _e(source_href(ref, base_dir))
    return f'<a href="{href}" title="{_e(ref.file)}">{_e(ref.short)}</a>'


def _file_link(file: str, base_dir: Path) -> str:
    if not file:
        return ""
    return f'<a href="{_e(source_href(SourceRef(file, 1, 1), base_dir))}">{_e(file)}</a>'


def _counts(items: Sequence[tuple[str, str, int]]) -> str:
    """Given (kind, label, count) triples, return the summary boxes."""
    cells = "".join(
        f'<li class="{_e(kind)}" data-kind="{_e(kind)}"><span class="n">{n}</span>{_e(label)}</li>'
        for kind, label, n in items
    )
    return f'<ul class="counts">{cells}</ul>'


def render_chart(bars: Sequence[Bar], caption: str) -> str:
    """Given bars of segments, return an inline SVG stacked bar chart with a legend.

    Counts are written in the bars and in the legend, so the chart reads without colour.
    """
    label_w, bar_w, row_h, gap = 190, 470, 26, 10
    width = label_w + bar_w + 60
    biggest = max((sum(s.count for s in bar.segments) for bar in bars), default=0) or 1
    parts = []
    for i, bar in enumerate(bars):
        y = i * (row_h + gap)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2}" text-anchor="end" '
            f'dominant-baseline="middle">{_e(bar.label)}</text>'
        )
        x = float(label_w)
        for seg in bar.segments:
            w = bar_w * seg.count / biggest
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h}" '
                f'fill="{_e(seg.colour)}" stroke="#fff"><title>{_e(seg.label)}: {seg.count}'
                "</title></rect>"
            )
            if w >= 18:
                parts.append(
                    f'<text class="inside" x="{x + w / 2:.1f}" y="{y + row_h / 2}" '
                    f'text-anchor="middle" dominant-baseline="middle">{seg.count}</text>'
                )
            x += w
        total = sum(s.count for s in bar.segments)
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + row_h / 2}" dominant-baseline="middle">{total}</text>'
        )
    legend: dict[str, str] = {}
    for bar in bars:
        for seg in bar.segments:
            legend.setdefault(seg.label, seg.colour)
    y = len(bars) * (row_h + gap) + 4
    x = float(label_w)
    for label, colour in legend.items():
        item_w = 30 + 7 * len(label)  # a generous guess at 12px text, so items never overlap
        if x + item_w > width and x > label_w:
            x, y = float(label_w), y + 18
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{_e(colour)}"></rect>'
            f'<text x="{x + 16:.1f}" y="{y + 6}" dominant-baseline="middle">{_e(label)}</text>'
        )
        x += item_w
    height = y + 20
    return (
        f'<svg class="chart" role="img" aria-label="{_e(caption)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_e(caption)}</title>{''.join(parts)}</svg>"
    )


def quarter_bars(quarters: Sequence[QuarterSummary]) -> list[Bar]:
    """Given quarters, return a bar each of their assessments, best first."""
    return [
        Bar(
            q.label,
            tuple(Segment(c.label, c.rows, status_colour(c.scale, c.code)) for c in q.counts),
        )
        for q in quarters
    ]


def render_redline(segments: Sequence[RedlineSegment], context: int | None = CONTEXT_WORDS) -> str:
    """Given a redline, return it as HTML: `<del>` and `<ins>`; an unchanged run longer than
    `context` words either side of a change is shortened to its ends (None: never)."""
    if context is None or all(seg.op == "equal" for seg in segments):
        context = None
    out = []
    for index, seg in enumerate(segments):
        if seg.op != "equal":
            tag = "del" if seg.op == "delete" else "ins"
            out.append(f"<{tag}>{_e(seg.text)}</{tag}>")
            continue
        words = seg.text.split(" ")
        if context is None:
            out.append(_e(seg.text))
            continue
        head = words[:context] if index > 0 else []
        tail = words[-context:] if index < len(segments) - 1 else []
        if len(words) <= len(head) + len(tail) + 1:
            out.append(_e(seg.text))
            continue
        pieces = (
            _e(" ".join(head)).rstrip(),
            '<span class="elided">…</span>',
            _e(" ".join(tail)).lstrip(),
        )
        out.append(" ".join(p for p in pieces if p))
    return "".join(out)


def _change_cell(change: Change) -> str:
    if change.field in ("evidence", "recommendation") and change.segments:
        edit = EDIT_LABELS.get(change.edit, change.edit)
        note = f'<div class="edit">{_e(edit)}{": " + _e(change.note) if change.note else ""}</div>'
        return f'<td class="redline">{render_redline(change.segments)}{note}</td>'
    if change.change == "modified":
        text = f"{_e(change.old) or '(blank)'} → {_e(change.new) or '(blank)'}"
    else:
        text = _e(change.old or change.new)
    note = f'<div class="edit">{_e(change.note)}</div>' if change.note else ""
    return f"<td>{text}{note}</td>"


def _movement_cell(change: Change) -> str:
    arrows = {"improved": "▲ improved", "worsened": "▼ worsened", "same": "= same"}
    label = arrows.get(change.movement, "")
    return f'<td class="{_e(change.movement)}">{_e(label)}</td>'


def _sources_cell(change: Change, base_dir: Path) -> str:
    links = []
    if change.old_source:
        links.append(f"before: {_link(change.old_source, base_dir)}")
    if change.new_source:
        links.append(f"after: {_link(change.new_source, base_dir)}")
    return '<td class="where">' + "<br>".join(links) + "</td>"


def _rec_section(step_id: str, rec_no: str, changes: Sequence[Change], base_dir: Path) -> str:
    kinds = list(dict.fromkeys(c.change for c in changes))
    badges = " ".join(f'<span class="badge {_e(k)}">{_e(KIND_LABELS[k])}</span>' for k in kinds)
    rows = []
    for c in changes:
        item = f"{c.rec_no}{c.sub_item}"
        if c.matched_by == "wording":
            item += f" (was {c.old_rec_no}{c.old_sub_item})"
        rows.append(
            f'<tr data-change="{_e(c.change)}" data-field="{_e(c.field)}">'
            f"<td>{_e(item)}</td>"
            f'<td><span class="badge {_e(c.change)}">{_e(KIND_LABELS[c.change])}</span></td>'
            f"<td>{_e(FIELD_LABELS.get(c.field, c.field))}</td>"
            f"{_change_cell(c)}{_movement_cell(c)}{_sources_cell(c, base_dir)}</tr>"
        )
    return (
        f'<section class="rec" id="{_e(step_id)}-rec-{_e(slug(rec_no))}" data-rec="{_e(rec_no)}">'
        f"<h3>Recommendation {_e(rec_no)} {badges}</h3>"
        f'<p class="wording">{_e(changes[0].recommendation)}</p>'
        '<table class="rows"><colgroup><col class="item"><col class="change"><col class="what">'
        '<col><col class="moved"><col class="where"></colgroup>'
        "<thead><tr><th>Item</th><th>Change</th><th>What</th>"
        "<th>Before → after</th><th>Assessment</th><th>On the paper</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _outcome_counts(changes: Sequence[Change]) -> str:
    outcomes = row_outcomes(changes)
    moved = movements(changes)
    items = [(k, label, outcomes.get(k, 0)) for k, label in KIND_LABELS.items()]
    items += [(m, m, moved.get(m, 0)) for m in ("improved", "worsened")]
    return _counts(items)


def render_diff_html(result: DiffResult, *, base_dir: Path) -> str:
    """Given a diff of quarters, return the HTML report (links relative to `base_dir`)."""
    first, last = result.quarters[0], result.quarters[-1]
    title = f"What changed: {first.label} → {last.label}"
    body = [f"<header><h1>{_e(title)}</h1>"]
    for q in result.quarters:
        also = f" (also in {_e(', '.join(q.duplicate_sources))})" if q.duplicate_sources else ""
        body.append(
            f'<p class="meta">{_e(q.label)}: {q.rows} rows from '
            f"{_file_link(q.source_file, base_dir)}"
            f"{also}</p>"
        )
    body.append("</header>")
    changes = result.changes
    body.append('<section id="summary"><h2>Summary</h2>')
    body.append(
        "<p>Tracker rows by what happened to them, and how matched rows' assessments moved:</p>"
    )
    body.append(_outcome_counts(changes))
    dropped = [c for c in changes if c.change == "dropped"]
    if dropped:
        items = "".join(
            f"<li>Recommendation {_e(c.rec_no + c.sub_item)} left the tracker while "
            f"{_e(c.old or 'not assessed')} ({_link(c.old_source, base_dir)})</li>"
            for c in dropped
        )
        body.append(
            f'<div class="alert"><strong>Dropped while not achieved:</strong><ul>{items}</ul></div>'
        )
    body.append("</section>")
    body.append('<section id="chart"><h2>Assessments per quarter</h2>')
    body.append(render_chart(quarter_bars(result.quarters), "Assessments per quarter"))
    body.append("</section>")
    body.append('<section id="changes"><h2>Changes by recommendation</h2>')
    for number, step in enumerate(result.steps, start=1):
        step_id = f"s{number}"
        if len(result.steps) > 1:
            body.append(f'<h2 class="step">{_e(step.old.label)} → {_e(step.new.label)}</h2>')
            body.append(_outcome_counts(step.changes))
        for rec_no, group in group_by_rec(step.changes):
            body.append(_rec_section(step_id, rec_no, group, base_dir))
    body.append("</section>")
    return _page(title, body)


def _finding_section(finding: DriftFinding, base_dir: Path) -> str:
    verdict = finding.verdict
    badge = f'<span class="badge {_e(verdict)}">{_e(VERDICT_LABELS[verdict])}</span>'
    similarity = (
        f' <span class="edit">{finding.similarity}% of words in common</span>'
        if finding.similarity is not None
        else ""
    )
    parts = [f"<h3>Recommendation {_e(finding.rec_no)} {badge}{similarity}</h3>"]
    if finding.reason:
        parts.append(f'<p class="edit">{_e(finding.reason)}</p>')
    if finding.segments:
        parts.append(f'<p class="redline">{render_redline(finding.segments, context=None)}</p>')
    elif finding.decision_text:
        parts.append(f'<p class="wording">{_e(finding.decision_text)}</p>')
    elif finding.tracker_text:
        parts.append(f'<p class="wording">{_e(finding.tracker_text)}</p>')
    links = []
    if finding.decision_source:
        links.append(f"decision: {_link(finding.decision_source, base_dir)}")
    if finding.tracker_source:
        items = f" ({', '.join(finding.sub_items)})" if finding.sub_items else ""
        number = f"tracker {finding.tracker_rec_no}{items}"
        links.append(f"{_e(number)}: {_link(finding.tracker_source, base_dir)}")
    parts.append(f'<p class="meta">{" · ".join(links)}</p>')
    return (
        f'<section class="rec" id="rec-{_e(slug(finding.rec_no))}" '
        f'data-rec="{_e(finding.rec_no)}" data-verdict="{_e(verdict)}">{"".join(parts)}</section>'
    )


def render_drift_html(audit: DriftAudit, *, base_dir: Path) -> str:
    """Given a drift audit, return the HTML report (links relative to `base_dir`)."""
    title = "Drift: what Cabinet resolved and what the tracker tracks"
    meeting = f", {_date(audit.meeting_date)}" if audit.meeting_date else ""
    body = [
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="meta">Decision: {_e(audit.decision_title)}{_e(meeting)} '
        f"({_file_link(audit.decision_source_file, base_dir)})</p>",
    ]
    if audit.tracker_quarter is not None:
        q = audit.tracker_quarter
        body.append(
            f'<p class="meta">Tracker: {_e(q.label)}, {q.rows} rows '
            f"({_file_link(q.source_file, base_dir)})</p>"
        )
    body.append("</header>")
    counts = {v: 0 for v in VERDICT_LABELS}
    for finding in audit.findings:
        counts[finding.verdict] += 1
    body.append('<section id="summary"><h2>Summary</h2>')
    body.append(_counts([(v, VERDICT_LABELS[v], n) for v, n in counts.items()]))
    body.append("</section>")
    body.append('<section id="chart"><h2>Verdicts and assessments</h2>')
    verdicts = Bar(
        "Recommendations",
        tuple(
            Segment(VERDICT_LABELS[v], n, VERDICT_COLOURS.get(v, UNKNOWN_COLOUR))
            for v, n in counts.items()
            if n
        ),
    )
    body.append(render_chart([verdicts], "Drift verdicts"))
    if audit.tracker_quarter is not None:
        body.append(render_chart(quarter_bars([audit.tracker_quarter]), "Tracker assessments"))
    body.append("</section>")
    body.append('<section id="findings"><h2>Recommendations</h2>')
    body.extend(_finding_section(f, base_dir) for f in audit.findings)
    body.append("</section>")
    return _page(title, body)
