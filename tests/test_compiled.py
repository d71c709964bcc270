"""The compiled (mypyc) modules: used only while current, and drawing the same bytes."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render import picture_digests
from zorgkracht import _compiled

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = os.environ.get("ZORGKRACHT_EXPECT_COMPILED", "") not in ("", "0")
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _build(tmp_path: Path) -> tuple[Path, Path]:
    """A package with two sources and a build directory whose manifest matches them."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "mod.py").write_text("X = 1\n")
    build = tmp_path / "build"
    (build / "pkg" / "sub").mkdir(parents=True)
    (build / "pkg" / "sub" / f"mod{SUFFIX}").write_bytes(b"not loaded in this test")
    manifest = {
        "python": _compiled.python_tag(),
        "sources": _compiled.source_digest(package),
        "files": {"pkg.sub.mod": f"pkg/sub/mod{SUFFIX}"},
    }
    (build / _compiled.MANIFEST).write_text(json.dumps(manifest))
    return package, build


def test_a_build_of_exactly_these_sources_is_used(tmp_path: Path) -> None:
    package, build = _build(tmp_path)
    assert _compiled.current_build(build, package) == {
        "pkg.sub.mod": build / "pkg" / "sub" / f"mod{SUFFIX}"
    }


def test_any_edit_of_any_source_makes_the_build_unused(tmp_path: Path) -> None:
    package, build = _build(tmp_path)
    (package / "__init__.py").write_text("# changed\n")
    assert _compiled.current_build(build, package) is None


def test_a_new_source_file_makes_the_build_unused(tmp_path: Path) -> None:
    package, build = _build(tmp_path)
    (package / "sub" / "new.py").write_text("")
    assert _compiled.current_build(build, package) is None


def test_a_build_for_another_python_or_with_a_missing_file_is_unused(tmp_path: Path) -> None:
    package, build = _build(tmp_path)
    (build / "pkg" / "sub" / f"mod{SUFFIX}").unlink()
    assert _compiled.current_build(build, package) is None
    package, build = _build(tmp_path / "again")
    manifest = json.loads((build / _compiled.MANIFEST).read_text())
    manifest["python"] = "cpython-27"
    (build / _compiled.MANIFEST).write_text(json.dumps(manifest))
    assert _compiled.current_build(build, package) is None
    (build / _compiled.MANIFEST).write_text("{not json")
    assert _compiled.current_build(build, package) is None


def test_the_finder_serves_only_the_listed_modules(tmp_path: Path) -> None:
    so = tmp_path / f"mod{SUFFIX}"
    finder = _compiled.CompiledFinder({"pkg.mod": so})
    spec = finder.find_spec("pkg.mod", None)
    assert spec is not None and spec.origin == str(so)
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)
    assert finder.find_spec("pkg.other", None) is None


def test_pure_python_can_be_asked_for() -> None:
    code = "import sys, zorgkracht._compiled as c; sys.exit(len(c.active()))"
    env = {**os.environ, "ZORGKRACHT_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=False)
    assert done.returncode == 0


def _require_compiled() -> list[str]:
    built = _compiled.current_build()
    if built is None:
        if EXPECTED:
            pytest.fail("the compiled modules are not current: run scripts/compile.py --strict")
        pytest.skip("no current compiled build (scripts/test.sh compiles one and checks this)")
    for name in built:
        if not name.endswith("__mypyc"):
            importlib.import_module(name)
    return sorted(built)


def test_the_suite_runs_against_the_compiled_modules() -> None:
    built = _require_compiled()
    assert _compiled.active() == built
    rows = importlib.import_module("zorgkracht.layout.rows")
    assert str(rows.__file__).endswith(SUFFIX)


def test_compiled_and_plain_python_draw_the_same_bytes() -> None:
    _require_compiled()
    env = {**os.environ, "ZORGKRACHT_PURE_PYTHON": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.render.picture_digests"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    pure = json.loads(done.stdout)
    compiled = picture_digests.digests()
    assert len(compiled) > 120
    differ = sorted(name for name in compiled if compiled[name] != pure.get(name))
    assert not differ, f"compiled and plain Python differ for: {', '.join(differ[:10])}"
    assert pure.keys() == compiled.keys()
