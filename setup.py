"""The setuptools build of Zorgkracht: the modules of :data:`MODULES` compiled with mypyc.

A wheel (``pip install .``, ``pip wheel .``) gets the layout and drawing modules compiled to C
extension modules next to their Python sources, as black and mypy ship theirs; the wheel's
pictures are byte for byte those of the sources (``scripts/check_wheel.py``). Compiling needs
mypy (which brings mypyc) and a C compiler with the Python headers; without them, or with
``ZORGKRACHT_COMPILE=0``, or when compiling fails, the wheel holds plain Python only and says so.
An editable install (``pip install -e .``, what development and the tests use) never compiles.
Everything else about the project is in ``pyproject.toml``; see ``docs/compiled.md``.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SWITCH = "ZORGKRACHT_COMPILE"

# The layout and SVG of the pictures, redrawn after every edit and timed in benchmarks/ (the
# genogram and ecogram against dot). Modules that mostly call other libraries gain nothing; the
# layouts that inherit from layout/slots.py stay plain Python (docs/compiled.md).
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
GROUP = "zorgkracht"  # the shared library of the compiled modules: zorgkracht__mypyc
# No fused multiply-add: the compiled arithmetic gives the same bits as Python's.
C_FLAGS = ["-ffp-contract=off"]


def say(message: str) -> None:
    print(f"zorgkracht build: {message}", file=sys.stderr, flush=True)


def switched_on() -> bool:
    """Compiling is on unless ``ZORGKRACHT_COMPILE`` is 0 (or false, no, off)."""
    return os.environ.get(SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def c_compiler() -> str | None:
    """Why compiling cannot work here (no C compiler, no Python headers), or None if it can."""
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        return "no Python headers (Python.h)"
    return None


def building_a_wheel() -> bool:
    """Only a wheel is compiled: not the metadata steps, not an editable install."""
    return "bdist_wheel" in sys.argv and "editable_wheel" not in sys.argv


def extensions() -> list[Any]:
    """The mypyc extension modules, or none (then the wheel is plain Python)."""
    if not building_a_wheel():
        return []
    if not switched_on():
        say(f"{SWITCH}=0: plain Python, not compiled")
        return []
    reason = c_compiler()
    if reason is None:
        try:
            from mypyc.build import mypycify
        except ImportError:
            reason = "mypy (mypyc) is not installed"
    if reason is not None:
        say(f"{reason}: plain Python, not compiled (slower, the same pictures)")
        return []
    say(f"translating {len(MODULES)} modules to C with mypyc ...")
    here = Path.cwd()
    try:
        os.chdir(ROOT)
        modules = mypycify(
            [
                "--config-file",
                "pyproject.toml",
                "--cache-dir",
                "build/mypyc-cache",
                *(f"src/{module}" for module in MODULES),
            ],
            group_name=GROUP,
            target_dir="build/mypyc",
            multi_file=True,
        )
    except (Exception, SystemExit) as exc:  # mypyc reports type errors with SystemExit
        say(f"mypyc failed ({type(exc).__name__}: {exc}): plain Python, not compiled")
        return []
    finally:
        os.chdir(here)
    for module in modules:
        module.extra_compile_args = [*(module.extra_compile_args or []), *C_FLAGS]
    return list(modules)


class BuildExt(build_ext):
    """Compiles in parallel and falls back to plain Python when the C compiler fails."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if getattr(self, "parallel", None) is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        if not self.extensions:
            return
        say(f"compiling {len(self.extensions)} C extension modules ...")
        start = time.perf_counter()
        try:
            super().run()
        except Exception as exc:
            say(f"C compiler failed ({exc}): plain Python, not compiled")
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            return
        say(f"compiled in {time.perf_counter() - start:.0f} s")


def fresh_build_lib() -> None:
    """setuptools copies the package into ``build/lib*`` and never removes what is no longer in
    ``src/``, so a moved or deleted module would ride along in every later wheel: each wheel
    starts from an empty one (the C sources in ``build/mypyc`` stay)."""
    for old in (ROOT / "build").glob("lib*"):
        shutil.rmtree(old, ignore_errors=True)


if building_a_wheel():
    fresh_build_lib()

setup(ext_modules=extensions(), cmdclass={"build_ext": BuildExt})
