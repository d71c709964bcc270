"""The layering of the code is a contract (``[tool.importlinter]`` in ``pyproject.toml``):
cli and web -> services -> analysis, render, interchange, storage -> layout -> domain; web and
cli import none of the packages behind services; the domain imports nothing of ours; and no
two modules of a package import each other, directly or in a ring. ``lint-imports`` checks it
here, so the suite fails when an import breaks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_the_import_contracts_are_kept() -> None:
    assert LINT_IMPORTS.is_file(), "import-linter is missing: pip install -e '.[dev]'"
    run = subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_the_contracts_name_every_rule() -> None:
    """The four contracts the README names are configured (none was dropped to pass)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}
    assert set(contracts) == {"layers", "one-door", "pure-domain", "no-cycles"}
    assert contracts["layers"]["layers"][0] == "zorgkracht.cli | zorgkracht.library"
    assert contracts["layers"]["layers"][-1] == "zorgkracht.domain"
    assert set(contracts["one-door"]["source_modules"]) == {
        "zorgkracht.web",
        "zorgkracht.cli",
        "zorgkracht.library",
    }
    assert "skip_descendants" not in contracts["no-cycles"]  # no package is left out
