"""Build the wheel, check that it is compiled, and that it draws the pictures of the sources.

Run by ``scripts/test.sh`` after the test suite, with the development environment
(``.venv/bin/python scripts/check_wheel.py``), and needs no network:

1. ``pip wheel . --no-deps --no-build-isolation``: the build of ``setup.py`` with this
   environment's setuptools and mypy, compiling the modules of ``MODULES`` with mypyc.
2. The wheel must hold every one of them as an extension module (``.so``), exactly the
   package's Python files of ``src/`` (nothing an earlier build left behind), and no
   development code (``devtools``, ``benchmarks``, ``tests``).
3. It is installed without its dependencies into a new virtual environment that borrows them
   from this one (a ``.pth`` line naming this environment's site-packages; the ``.pth`` files
   there, such as the editable install's path to ``src/``, are not read).
4. ``tests/render/picture_digests.py`` draws every view of every demo case and the other
   pictures there once with the wheel and once with the sources; every SHA-256 must be equal,
   and the wheel's process must really have run the compiled modules.

Options: ``--keep DIR`` builds in DIR and leaves it (the wheel in ``DIR/dist``).
"""

from __future__ import annotations

import argparse
import importlib.machinery
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.compiled import compiled_paths  # noqa: E402

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
NOT_SHIPPED = ("devtools/", "benchmarks/", "tests/", "scripts/", "build_support/")
_RUNS_COMPILED = """
import json, sys
from devtools.compiled import compiled_names, running_compiled
print(json.dumps({"compiled": running_compiled(), "wanted": compiled_names(),
                  "package": sys.modules["zorgkracht"].__file__}))
"""


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, check=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def build_wheel(work: Path) -> Path:
    dist = work / "dist"
    env = {**os.environ, "ZORGKRACHT_COMPILE": "1"}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run(
        [*pip, "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)],
        env=env,
        cwd=ROOT,
    )
    wheels = sorted(dist.glob("zorgkracht-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {dist}, found {[w.name for w in wheels]}")
    return wheels[0]


def check_contents(wheel: Path) -> list[str]:
    """What is wrong with the wheel's files (missing compiled modules, development code)."""
    names = set(zipfile.ZipFile(wheel).namelist())
    problems = [
        f"not compiled: {path}"
        for path in compiled_paths()
        if f"{path.removesuffix('.py')}{SUFFIX}" not in names
    ]
    if f"zorgkracht__mypyc{SUFFIX}" not in names:
        problems.append(f"missing the shared library zorgkracht__mypyc{SUFFIX}")
    problems += [f"development code in the wheel: {n}" for n in names if n.startswith(NOT_SHIPPED)]
    sources = {
        path.relative_to(ROOT / "src").as_posix()
        for path in (ROOT / "src" / "zorgkracht").rglob("*.py")
    }
    shipped = {n for n in names if n.startswith("zorgkracht/") and n.endswith(".py")}
    problems += [f"in the wheel, not in src/: {n}" for n in sorted(shipped - sources)]
    problems += [f"in src/, not in the wheel: {n}" for n in sorted(sources - shipped)]
    return problems


def wheel_environment(work: Path, wheel: Path) -> Path:
    """A new environment with the wheel installed and this environment's packages borrowed."""
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    purelib = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "_zorgkracht_check_deps.pth").write_text(ours + "\n", encoding="utf-8")
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--disable-pip-version-check",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
    )
    return python


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return {**env, **extra}


def digests(python: Path | str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(python), "-m", "tests.render.picture_digests"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in this directory and leave it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="zorgkracht-wheel-"))
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    print("== wheel: building (compiling with mypyc) ...", flush=True)
    wheel = build_wheel(work)
    built = time.perf_counter()
    print(f"   {wheel.name} in {built - start:.0f} s", flush=True)
    problems = check_contents(wheel)
    python = wheel_environment(work, wheel)
    wheel_env = clean_env()
    checked = run([str(python), "-c", _RUNS_COMPILED], cwd=ROOT, env=wheel_env, capture_output=True)
    info = json.loads(checked.stdout)
    if not str(info["package"]).startswith(str(work)):
        problems.append(f"the wheel's process imported zorgkracht from {info['package']}")
    if info["compiled"] != info["wanted"]:
        missing = sorted(set(info["wanted"]) - set(info["compiled"]))
        problems.append(f"the wheel's process ran these as plain Python: {', '.join(missing)}")
    version = run(
        [str(python.parent / "zorgkracht"), "version"], env=wheel_env, capture_output=True
    ).stdout.strip()
    print(f"   zorgkracht version from the wheel: {version}", flush=True)
    print("== wheel: drawing every picture with the wheel and with the sources ...", flush=True)
    compiled_run = digests(python, wheel_env)
    source_run = digests(sys.executable, clean_env(PYTHONPATH=str(ROOT / "src")))
    compiled_out, _ = compiled_run.communicate()
    source_out, _ = source_run.communicate()
    if compiled_run.returncode or source_run.returncode:
        problems.append("drawing the pictures failed (see above)")
    else:
        compiled, source = json.loads(compiled_out), json.loads(source_out)
        differ = sorted(n for n in source if compiled.get(n) != source[n])
        if differ or compiled.keys() != source.keys():
            problems.append(f"pictures differ from the sources: {', '.join(differ[:10])}")
        print(
            f"   {len(source)} pictures and tables, {len(source) - len(differ)} identical",
            flush=True,
        )
    print(f"== wheel: {time.perf_counter() - start:.0f} s in all", flush=True)
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    if not problems:
        print(
            f"OK: {len(compiled_paths())} modules compiled; the wheel draws what the sources draw"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
