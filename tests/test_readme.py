"""The README documents what the code does: data dictionary, commands, set-up."""

from __future__ import annotations

import re

from output.schema import TABLES, markdown_dictionary
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_data_dictionary_matches_the_schema() -> None:
    start = README.index("<!-- data-dictionary:start -->")
    end = README.index("<!-- data-dictionary:end -->")
    assert README[start:end].strip().endswith(markdown_dictionary().strip())


def test_every_column_is_documented() -> None:
    for columns in TABLES.values():
        for column in columns:
            assert f"| `{column.name}` |" in README


def test_two_setup_commands_at_the_top() -> None:
    head = README[: README.index("## ")]
    commands = re.findall(r"```sh\n(.+?)\n```", head, re.S)
    assert len(commands) == 2
    assert "pip install" in commands[0] and "councilpapers ingest samples/" in commands[0]
    assert commands[1].strip() == "python -m pytest"
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text()
