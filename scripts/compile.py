"""Compile the modules that lay out and draw the pictures (genogram, ecogram, ...) with mypyc.

Run by ``scripts/setup.sh`` with the project's environment (``.venv/bin/python
scripts/compile.py``); does nothing when the build in ``<environment>/zorgkracht-compiled/`` is
already current for these sources. The compiled modules are loaded only while every source of
the package is byte for byte what was compiled (see ``src/zorgkracht/_compiled.py``), so an edit
falls back to plain Python until this script runs again. When compiling fails (no C compiler,
say) the application runs on plain Python and this script says so; ``--strict`` makes that an
error instead (the test script uses it, so the suite always runs against the compiled modules).

Options: ``--force`` compiles even when the build is current; ``--strict`` see above.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["ZORGKRACHT_PURE_PYTHON"] = "1"  # this script must not load an old build itself

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))

from zorgkracht import _compiled  # noqa: E402

GROUP = "zorgkracht_compiled"

# The layout and SVG of the pictures, redrawn after every edit and timed in benchmarks/ (the
# genogram and ecogram against dot). Modules that mostly call other libraries gain nothing; for
# the layouts that inherit from layout/slots.py see docs/compiled.md.
MODULES = (
    "zorgkracht/layout/family.py",
    "zorgkracht/layout/geometry.py",
    "zorgkracht/layout/rows.py",
    "zorgkracht/layout/genogram.py",
    "zorgkracht/layout/ecogram_types.py",
    "zorgkracht/layout/ecogram_household.py",
    "zorgkracht/layout/ecogram_ties.py",
    "zorgkracht/layout/ecogram.py",
    "zorgkracht/layout/radial.py",
    "zorgkracht/layout/levenslijn.py",
    "zorgkracht/render/svg.py",
    "zorgkracht/render/symbols.py",
    "zorgkracht/render/content.py",
    "zorgkracht/render/legend.py",
    "zorgkracht/render/genogram.py",
    "zorgkracht/render/ecogram_lines.py",
    "zorgkracht/render/ecogram.py",
    "zorgkracht/render/chart.py",
    "zorgkracht/render/netwerkkaart.py",
    "zorgkracht/render/netwerkschema.py",
    "zorgkracht/render/sociogram.py",
    "zorgkracht/render/levenslijn.py",
)


def module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def expected_modules() -> set[str]:
    """The module names a build of :data:`MODULES` serves (with their shared library)."""
    return {module_name(m) for m in MODULES} | {f"{GROUP}__mypyc"}


def build(target: Path) -> None:
    """Compile :data:`MODULES` into a new directory and put it in ``target``'s place."""
    from mypyc.build import mypycify
    from setuptools import Distribution  # type: ignore[import-untyped, unused-ignore]

    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    digest = _compiled.source_digest(SRC / "zorgkracht")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zorgkracht-mypyc-") as tmp:
        work = Path(tmp)
        out = Path(tempfile.mkdtemp(prefix=".new-", dir=target.parent))
        here = Path.cwd()
        # No fused multiply-add: the compiled arithmetic gives the same bits as Python's.
        os.environ["CFLAGS"] = (os.environ.get("CFLAGS", "") + " -ffp-contract=off").strip()
        try:
            os.chdir(SRC)
            extensions = mypycify(
                [
                    "--config-file",
                    str(ROOT / "pyproject.toml"),
                    "--cache-dir",
                    str(work / "mypy-cache"),
                    *MODULES,
                ],
                group_name=GROUP,
                target_dir=str(work / "c"),
                multi_file=True,
            )
            dist = Distribution({"name": GROUP, "ext_modules": extensions})
            dist.script_args = [
                "-q",
                "build_ext",
                "--build-lib",
                str(out),
                "--build-temp",
                str(work / "obj"),
                "--parallel",
                str(os.cpu_count() or 1),
            ]
            dist.parse_command_line()
            dist.run_commands()
        finally:
            os.chdir(here)
        files = {module_name(m): f"{m.removesuffix('.py')}{suffix}" for m in MODULES}
        files[f"{GROUP}__mypyc"] = f"{GROUP}__mypyc{suffix}"
        missing = [rel for rel in files.values() if not (out / rel).is_file()]
        if missing:
            shutil.rmtree(out, ignore_errors=True)
            raise RuntimeError(f"compiled files missing: {', '.join(missing)}")
        manifest = {"python": _compiled.python_tag(), "sources": digest, "files": files}
        (out / _compiled.MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        out.rename(target)
        shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="compile even when current")
    parser.add_argument("--strict", action="store_true", help="fail when compiling fails")
    args = parser.parse_args()
    target = _compiled.build_dir()
    current = _compiled.current_build(target, SRC / "zorgkracht")
    if not args.force and current is not None and set(current) == expected_modules():
        return 0
    print(f"Compiling {len(MODULES)} modules with mypyc into {target} ...", flush=True)
    start = time.perf_counter()
    try:
        build(target)
    except Exception as exc:  # a compiler error of any kind leaves plain Python in use
        print(f"Compiling failed ({type(exc).__name__}: {exc}).", file=sys.stderr)
        if args.strict:
            return 1
        print("Zorgkracht runs on plain Python (slower, the same pictures).", file=sys.stderr)
        return 0
    if _compiled.current_build(target, SRC / "zorgkracht") is None:
        print("The new build does not match the sources (changed while compiling?).")
        return 1 if args.strict else 0
    print(f"Compiled in {time.perf_counter() - start:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
