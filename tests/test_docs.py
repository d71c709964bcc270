"""Docs that tests keep honest: examples in docs/ are valid, the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from zorgkracht.interchange.case_json import loads

ROOT = Path(__file__).resolve().parents[1]


def test_case_file_example_in_docs_is_valid() -> None:
    text = (ROOT / "docs" / "case-file.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    assert blocks
    for block in blocks:
        loads(block)


def test_readme_quick_start_has_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Snel starten")
    section = readme[start : readme.index("\n## ", start + 5)]
    commands = re.findall(r"```(?:bash|sh)\n(.*?)```", section, flags=re.S)
    lines = [line for block in commands for line in block.strip().splitlines()]
    assert lines == ["bash scripts/run.sh", "bash scripts/test.sh"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci
    for line in lines:
        assert (ROOT / line.split()[1]).is_file()
