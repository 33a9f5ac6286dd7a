"""Cabinet decision records (proformas) → the recommendations Cabinet RESOLVED, and the rest.

A proforma is a run of numbered sections ("1. Title of Item/Report", "2. Record of the
Decision", … "7. Date and Time by which Call In must be executed") whose second section holds
"RESOLVED that:-" and the numbered recommendations. The recommendations are numbered like the
sections, so a numbered line is a section only if its words are a known heading
(``data/decision_sections.json``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from councilpapers.errors import ParseError, Problem
from ingest.model import Line, SourceDocument
from parsers.council import find_council
from parsers.records import Decision, Provenance, ResolvedRecommendation

_BOLD = re.compile(r"\*\*|__")
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s*")
_ITEM = re.compile(r"^\s*\(?(\d{1,2})[.)]\s+(.*)$")
_RESOLVED = re.compile(r"^\s*RESOLVED\b[^A-Za-z]*(.*)$")
_HEADING_WITH_TEXT = re.compile(r"^(?P<heading>[^:]{3,80}?)\s*:\s*(?P<text>\S.*)$")
# A body's name before "Meeting" runs to six words at most: unbounded, every word of a long
# head line started a scan to the line's end (20,000 words took a minute; see
# test_a_head_line_of_20000_words_is_read_in_linear_time).
_MEETING = re.compile(
    r"\b(?:(?P<body>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,5}) Meeting|Date of (?:the )?meeting"
    r"|Meeting date)\b[\s.:]*(?P<date>\S.*)$",
    re.I,
)
_REFERENCE = re.compile(r"\b(?:Decision (?:Record|Reference|No\.?)\s*:?\s*)?\b(D\d{5,7})\b", re.I)
_BODY = re.compile(r"\b(Cabinet|Executive|Council)\b", re.I)
_MAX_HEADING_WORDS = 12


@cache
def _sections() -> tuple[tuple[str, re.Pattern[str]], ...]:
    path = resources.files("parsers").joinpath("data/decision_sections.json")
    data = json.loads(path.read_text())
    return tuple((name, re.compile(rx, re.I)) for name, rx in data["sections"])


def _plain(text: str) -> str:
    return " ".join(_BOLD.sub("", text).split())


def section_of(text: str) -> tuple[str, str] | None:
    """Given a line, return (section name, text following the heading) if it is a heading."""
    plain = _SECTION_NUMBER.sub("", _plain(text))
    inline = _HEADING_WITH_TEXT.match(plain)
    heading, rest = (inline.group("heading"), inline.group("text")) if inline else (plain, "")
    # Headings are short and carry no full stop; "5. Call-in be reviewed." is a recommendation.
    if not heading or len(heading.split()) > _MAX_HEADING_WORDS or heading.endswith("."):
        return None
    for name, pattern in _sections():
        if pattern.search(heading):
            return name, rest
    return None


def is_resolved_line(text: str) -> bool:
    """True when a line opens a RESOLVED list (`RESOLVED that:-`)."""
    return _RESOLVED.match(_plain(text)) is not None


def looks_like_decision(lines: Sequence[str]) -> bool:
    """True when the text has a RESOLVED line and at least three proforma headings."""
    resolved = any(is_resolved_line(t) for t in lines)
    headings = {s[0] for t in lines if (s := section_of(t))}
    return resolved and len(headings) >= 3


@dataclass
class _Section:
    name: str
    lines: list[Line]

    def text(self) -> str:
        return "\n".join(_plain(line.text) for line in self.lines if not line.is_blank).strip()


def _split_sections(lines: Sequence[Line]) -> tuple[list[Line], list[_Section]]:
    head: list[Line] = []
    sections: list[_Section] = []
    in_record = False
    for line in lines:
        if line.is_blank:
            continue
        found = section_of(line.text)
        # Inside the record, "3. Consideration be given …" is a recommendation; only a known
        # heading ends the record section.
        if found is not None and not (in_record and found[0] == "record"):
            name, rest = found
            sections.append(_Section(name, []))
            in_record = name == "record"
            if rest:
                sections[-1].lines.append(_with_text(line, rest))
            continue
        (sections[-1].lines if sections else head).append(line)
    return head, sections


def _with_text(line: Line, text: str) -> Line:
    cell = line.cells[0]
    return Line(line.page, line.number, (type(cell)(text, cell.column, cell.box),))


def _recommendations(
    record: Sequence[Line], source_file: str
) -> tuple[list[Line], list[ResolvedRecommendation], list[Problem]]:
    """Split the record section into its preamble and the numbered RESOLVED list."""
    preamble: list[Line] = []
    items: list[tuple[str, list[Line]]] = []
    resolved_at: Line | None = None
    problems: list[Problem] = []
    for line in record:
        text = _plain(line.text)
        if resolved_at is None:
            if _RESOLVED.match(text):
                resolved_at = line
            else:
                preamble.append(line)
            continue
        item = _ITEM.match(text)
        expected = str(len(items) + 1)
        if item and item.group(1) == expected:
            items.append((expected, [_with_text(line, item.group(2))]))
        elif items:
            items[-1][1].append(line)
        else:
            preamble.append(line)
    recs = [
        ResolvedRecommendation(
            provenance=Provenance(
                source_file=source_file,
                page=lines[0].page,
                line=lines[0].number,
                pages=tuple(sorted({ln.page for ln in lines})),
                boxes=(),
            ),
            rec_no=number,
            text="\n".join(_plain(ln.text) if not _bullet(ln) else ln.text.strip() for ln in lines),
        )
        for number, lines in items
    ]
    if resolved_at is not None and not recs:
        problems.append(
            Problem(
                code="resolved-without-list",
                severity="warning",
                source_file=source_file,
                page=resolved_at.page,
                line=resolved_at.number,
                message="RESOLVED is not followed by numbered recommendations; none recorded",
                text=_plain(resolved_at.text),
            )
        )
    return preamble, recs, problems


def _bullet(line: Line) -> bool:
    return bool(re.match(r"^\s*[-•▪◦*]\s+", line.text))


def _head_fields(head: Sequence[Line]) -> tuple[str | None, str | None, str]:
    """Body, reference and meeting date from the lines above the first section."""
    body: str | None = None
    reference: str | None = None
    meeting = ""
    for line in head:
        text = _plain(line.text)
        if reference is None and (ref := _REFERENCE.search(text)):
            reference = ref.group(1).upper()
        if not meeting and (m := _MEETING.search(text)):
            meeting = m.group("date").strip(" .:")
            if m.group("body") and body is None:
                body = m.group("body").title()
        if body is None and (b := _BODY.search(text)) and "council" not in text.lower():
            body = b.group(1).title()
    return body, reference, meeting


def parse_decision(doc: SourceDocument) -> Decision:
    """Given a source document holding a decision record, return what Cabinet resolved."""
    head, sections = _split_sections(doc.lines)
    by_name: dict[str, _Section] = {}
    for section in sections:
        by_name.setdefault(section.name, section)
    record = by_name.get("record")
    if record is None:
        raise ParseError(
            doc.source_file,
            "no 'Record of the Decision' section found",
            hint="check the file is a Cabinet decision record",
        )
    body, reference, meeting = _head_fields(head)
    preamble, recs, problems = _recommendations(record.lines, doc.source_file)

    def text(name: str) -> str:
        return by_name[name].text() if name in by_name else ""

    return Decision(
        source_file=doc.source_file,
        council=find_council(line.text for line in doc.lines),
        body=body,
        reference=reference,
        meeting_raw=meeting,
        title=text("title"),
        record="\n".join(_plain(ln.text) for ln in preamble),
        recommendations=tuple(recs),
        reasons=text("reasons"),
        alternatives=text("alternatives"),
        conflicts=text("conflicts"),
        dispensations=text("dispensations"),
        call_in_raw=text("call_in"),
        proper_officer_raw=text("proper_officer"),
        problems=tuple(problems),
    )
