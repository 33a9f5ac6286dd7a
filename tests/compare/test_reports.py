"""The HTML and Markdown reports: what a person sees, checked in a real (headless) browser."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner

from compare.drift import audit_papers
from compare.quarters import diff_series, merge_quarters
from councilpapers.cli import app
from councilpapers.pipeline import FileResult
from output.report_html import render_diff_html, render_drift_html
from output.report_md import render_diff_md, render_drift_md
from tests.compare import golden_compare as golden
from tests.compare.chromium import Chromium, find_chromium

runner = CliRunner()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Path:
    """The June → December diff and the December drift audit, as the CLI writes them."""
    out = tmp_path_factory.mktemp("reports")
    june, december, decision = (repo / golden.JUNE, repo / golden.DECEMBER, repo / golden.DECISION)
    both = ["--out", str(out), "--report", "html", "--report", "md"]
    for args in (
        ["diff", str(june), str(december), *both],
        ["drift", str(decision), str(december), *both],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output  # rec 9 dropped; drift finds substantive
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium on PATH (.ci/run installs Debian's `chromium`)")
    with Chromium(executable) as chromium:
        yield chromium


# What the page shows, read from the rendered DOM (innerText is what is laid out and visible).
_READ_PAGE = """(() => {
  const visible = (el) => el.getBoundingClientRect().height > 0;
  const counts = {};
  for (const li of document.querySelectorAll('ul.counts:first-of-type li')) {
    counts[li.dataset.kind] = Number(li.querySelector('.n').innerText);
  }
  const marks = (tag) => [...document.querySelectorAll(tag)].filter(visible).map((el) => ({
    text: el.innerText,
    decoration: getComputedStyle(el).textDecorationLine,
  }));
  return {
    counts,
    sections: [...document.querySelectorAll('section.rec')].filter(visible).map((s) => ({
      rec: s.dataset.rec, heading: s.querySelector('h3').innerText,
      verdict: s.dataset.verdict || null,
      rows: s.querySelectorAll('tbody tr').length,
      del: [...s.querySelectorAll('del')].map((d) => d.innerText),
      ins: [...s.querySelectorAll('ins')].map((d) => d.innerText),
    })),
    del: marks('del'),
    ins: marks('ins'),
    chart: [...document.querySelectorAll('svg.chart')].filter(visible).length,
    bars: [...document.querySelectorAll('svg.chart rect title')].map((t) => t.textContent),
    links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
    resources: performance.getEntriesByType('resource').length,
    alert: (document.querySelector('.alert') || {innerText: ''}).innerText,
  };
})()"""


def _read(browser: Chromium, page: Path, *, print_media: bool = False) -> dict[str, Any]:
    session = browser.open(page)
    if print_media:
        browser.emulate_print(session)
    result: dict[str, Any] = browser.evaluate(session, _READ_PAGE)
    return result


def test_diff_report_in_a_browser(browser: Chromium, reports: Path) -> None:
    page = _read(browser, reports / "changes.html")
    # Tracker rows by what happened (golden_compare: 1 added, 6 signed off, 1 dropped, 5 rows
    # modified: 3, 4, 5a, 5b, 6a; 10a–c unchanged), and matched rows' moves: 3 and 5a up, 4 down.
    assert page["counts"] == {
        "added": 1, "signed_off": 6, "dropped": 1, "modified": 5, "unchanged": 3,
        "improved": 2, "worsened": 1,
    }  # fmt: skip
    sections = page["sections"]
    assert [s["rec"] for s in sections] == [str(n) for n in range(1, 13)]  # one per rec
    assert [s["rows"] for s in sections] == [1, 1, 2, 4, 6, 3, 1, 1, 1, 3, 1, 1]
    heading = sections[8]["heading"]
    assert heading.startswith("Recommendation 9") and "dropped" in heading
    # Redlines: rec 4's wording loses a clause and gains a word; its evidence is rewritten;
    # rec 5 gains "the" (on 5a and 5b); rec 3's evidence only gains a sentence.
    rec4 = sections[3]
    assert "and commission appropriate prioritised" in rec4["del"]
    assert "commissioning" in rec4["ins"]
    assert "As above." in rec4["del"]
    assert sections[4]["ins"].count("the") == 2
    assert sections[2]["del"] == [] and sections[2]["ins"] == [golden.EVIDENCE_3_ADDED]
    assert {m["decoration"] for m in page["del"]} == {"line-through"}
    assert {m["decoration"] for m in page["ins"]} == {"underline"}
    assert "Recommendation 9 left the tracker while Slipped" in page["alert"]
    # The chart: a bar per quarter, a segment per assessment, drawn inline.
    assert page["chart"] == 1
    assert page["bars"] == [
        "Fully Achieved: 9", "On track: 2", "Slipped: 4",
        "Fully Achieved: 4", "On track: 3", "Slipped: 1", "Not Achieved: 1",
    ]  # fmt: skip
    # Offline: nothing fetched, and every link leads back to a paper on disk.
    assert page["resources"] == 0
    for link in page["links"]:
        url = urlparse(link)
        assert url.scheme == "file"
        assert Path(unquote(url.path)).is_file(), link


def test_diff_report_prints_with_its_marks(browser: Chromium, reports: Path) -> None:
    page = _read(browser, reports / "changes.html", print_media=True)
    # Printed in black and white, deletions are still struck through and insertions underlined.
    assert {m["decoration"] for m in page["del"]} == {"line-through"}
    assert {m["decoration"] for m in page["ins"]} == {"underline"}
    assert len(page["sections"]) == 12


def test_drift_report_in_a_browser(browser: Chromium, reports: Path) -> None:
    page = _read(browser, reports / "drift.html")
    assert page["counts"] == {
        "identical": 2, "cosmetic": 1, "minor": 1, "substantive": 1,
        "missing_from_tracker": 6, "not_in_decision": 1,
    }  # fmt: skip
    verdicts = [(s["rec"], s["verdict"]) for s in page["sections"]]
    assert verdicts == [(e["rec_no"], e["verdict"]) for e in golden.DRIFT_DECEMBER]
    by_rec = {s["rec"]: s for s in page["sections"]}
    assert by_rec["4"]["del"] == ["and commission appropriate prioritised"]
    assert by_rec["4"]["ins"] == ["commissioning"]
    assert by_rec["5"]["ins"] == ["the"]
    assert by_rec["6"]["del"] == ["-"] * 4 and by_rec["6"]["ins"] == ["•"] * 4
    assert page["resources"] == 0
    assert page["chart"] == 2  # verdicts, and the tracker's assessments


def test_html_is_self_contained_and_escaped(
    june: FileResult, december: FileResult, tmp_path: Path
) -> None:
    hostile = [
        dataclasses.replace(r, evidence='<script>alert("x")</script> & "quotes"')
        if r.rec_no == "3"
        else r
        for r in december.progress
    ]
    html = render_diff_html(diff_series(merge_quarters(june.progress, hostile)), base_dir=tmp_path)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    # No external anything: no script, stylesheet link, image or frame, no web address but the
    # SVG namespace.
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"]
    assert "@media print" in html


def test_markdown_reports(
    june: FileResult, december: FileResult, decision: FileResult, tmp_path: Path
) -> None:
    diff_md = render_diff_md(
        diff_series(merge_quarters(june.progress, december.progress)), base_dir=tmp_path
    )
    assert "| 1 | 6 | 1 | 5 | 3 | 2 | 1 |" in diff_md  # the summary row, as in the HTML
    assert len(re.findall(r"^#### Recommendation \d+$", diff_md, re.M)) == 12
    assert "~~As above.~~" in diff_md
    assert (
        "consider ~~and commission appropriate prioritised~~**commissioning** services" in diff_md
    )
    assert "> **Alert:** recommendation 9 left the tracker while Slipped" in diff_md
    drift_md = render_drift_md(
        audit_papers(decision.decisions, december.progress), base_dir=tmp_path
    )
    assert "| 2 | 1 | 1 | 1 | 6 | 1 |" in drift_md
    assert "### Recommendation 4: substantive, 86% of words in common" in drift_md
    drift_html = render_drift_html(
        audit_papers(decision.decisions, december.progress), base_dir=tmp_path
    )
    assert drift_html.count('<section class="rec"') == 12


def test_report_links_are_relative_to_the_report(reports: Path, repo: Path) -> None:
    html = (reports / "changes.html").read_text()
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    assert hrefs  # relative, so the folder and the papers can move together
    for href in hrefs:
        assert not href.startswith(("/", "file:", "http"))
        assert (reports / unquote(href)).resolve().is_file()
