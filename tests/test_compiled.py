"""The compiled build (docs/compiled.md): what it compiles, and that development runs the sources.

The wheel itself is built and compared picture for picture with the sources by
``scripts/check_wheel.py`` (run by ``scripts/test.sh`` after this suite).
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.compiled import compiled_names, compiled_paths, running_compiled

ROOT = Path(__file__).resolve().parents[1]


def test_the_compiled_modules_exist_and_are_listed_in_the_docs() -> None:
    modules = compiled_paths()
    assert len(modules) == len(set(modules)) > 0
    for module in modules:
        assert (ROOT / "src" / module).is_file(), module
    text = (ROOT / "docs" / "compiled.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- `(zorgkracht/[\w/]+\.py)`$", text, flags=re.M)
    assert listed == list(modules)


def test_the_suite_runs_the_sources() -> None:
    assert running_compiled() == []
    for name in compiled_names():
        module = sys.modules[name]
        assert Path(str(module.__file__)).is_relative_to(ROOT / "src"), name


def test_importing_the_package_has_no_side_effect() -> None:
    code = (
        "import json, sys; finders = list(sys.meta_path); import zorgkracht; "
        "print(json.dumps([sys.meta_path == finders, "
        "sorted(m for m in sys.modules if m.startswith('zorgkracht'))]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    same_finders, loaded = json.loads(done.stdout)
    assert same_finders
    # zorgkracht.version holds the version string and imports nothing (the library's names are
    # imported when first used)
    assert loaded == ["zorgkracht", "zorgkracht.version"]


def test_the_build_asks_for_mypy_only_when_it_compiles(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location(
        "zorgkracht_build_backend", ROOT / "build_support" / "backend.py"
    )
    assert spec is not None and spec.loader is not None
    backend = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(backend)
    setuptools_own = backend.build_meta
    monkeypatch.setattr(setuptools_own, "get_requires_for_build_wheel", lambda _=None: ["own"])
    monkeypatch.delenv("ZORGKRACHT_COMPILE", raising=False)
    assert backend.get_requires_for_build_wheel() == ["own", "mypy>=1.10,<2"]
    monkeypatch.setenv("ZORGKRACHT_COMPILE", "0")
    assert backend.get_requires_for_build_wheel() == ["own"]
    # an editable install is setuptools' own: it never compiles and never needs mypy
    assert backend.get_requires_for_build_editable is setuptools_own.get_requires_for_build_editable
    assert backend.build_editable is setuptools_own.build_editable
