"""The command-line reference (docs/cli.md) and the README's synopsis are what the commands say."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
HINT = "run python scripts/cli_reference.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("cli_reference", module)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_md_is_generated_from_the_commands() -> None:
    script = _script()
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert text == script.reference(), f"docs/cli.md is out of date: {HINT}"


def test_the_readme_synopsis_is_generated_from_the_commands() -> None:
    script = _script()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text == script.readme(text), f"the README's command synopsis is out of date: {HINT}"


def test_the_reference_has_what_the_old_readme_synopsis_lacked() -> None:
    text = _script().reference()
    for needle in (
        "## `zorgkracht version`",
        "--demo/--no-demo",
        "--proxy-headers",
        "--forwarded-allow-ips",
        "--hide-sensitive",
        "zorgkracht import FILE [--db <str>] [--id <str>] [--focus <str>] [--generations <int>]",
        "## `zorgkracht user role`",
        "## `zorgkracht key rotate`",
    ):
        assert needle in text, needle
