#!/usr/bin/env bash
# Sets up a virtual environment for Zorgkracht (idempotent). Run by run.sh and test.sh.
#
#   scripts/setup.sh       the application, in .venv-app: `pip install .`, a wheel whose layout
#                          and drawing modules are compiled with mypyc (docs/compiled.md); done
#                          again only when the sources changed since the last install
#   scripts/setup.sh dev   development and the tests, in .venv: an editable install with the
#                          dev tools, so Python runs the sources as they are (never compiled)
#
# Two environments, so that the development one always runs the sources (a wheel installed
# over it would make `.venv/bin/pytest` test an older build) and neither undoes the other.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Zorgkracht needs Python 3.11 or newer (found: $("$PY" --version 2>&1))." >&2
  exit 1
fi
mode="${1:-app}"
bash scripts/system-packages.sh "$([ "$mode" = dev ] && echo dev || true)"
# pip's warnings about index folders this machine's configuration names but does not have are
# left out; everything else pip says on stderr is shown.
pip_q() {
  "$1/bin/python" -m pip install --quiet --disable-pip-version-check "${@:2}" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
}

if [ "$mode" = "dev" ]; then
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  stamp=".venv/.installed[dev]"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ] \
    || ! .venv/bin/python -c 'import zorgkracht' 2>/dev/null; then
    pip_q .venv --upgrade pip
    pip_q .venv -e ".[dev]"
    touch "$stamp"
  fi
  exit 0
fi

# The application: install the wheel again only when a source or the build changed.
VENV=.venv-app
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
digest="$(find src pyproject.toml setup.py build_support -type f \
  -not -path '*/__pycache__/*' -not -path '*.egg-info/*' -print0 \
  | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
stamp="$VENV/.installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
  exit 0
fi
# The build tools go into the environment itself, so the build needs no network of its own.
pip_q "$VENV" --upgrade pip
pip_q "$VENV" "setuptools>=77" "mypy>=1.10,<2"
# The dependencies first: mypyc type-checks the modules it compiles against them, and without
# them it fails and the wheel would be plain Python.
"$VENV/bin/python" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' >"$VENV/requirements.txt"
pip_q "$VENV" -r "$VENV/requirements.txt"
echo "Zorgkracht wordt gecompileerd en geïnstalleerd (mypyc, 1 à 2 minuten) ..."
echo "Compiling and installing Zorgkracht (mypyc, 1-2 minutes) ..."
start=$SECONDS
# The whole build goes to a log; its own lines ("zorgkracht build: ...") and each module the C
# compiler starts on are shown as they come, so that the minute of compiling shows progress.
progress() {
  while IFS= read -r line; do
    case "$line" in
      *"zorgkracht build: "*) echo "  ${line#*zorgkracht build: }" ;;
      *" -c build/mypyc/__native_zorgkracht___"*".c "*)
        module="${line#* -c build/mypyc/__native_zorgkracht___}"
        module="${module%%.c *}"
        echo "  C: ${module//___/.}" ;;
    esac
  done
}
if ! "$VENV/bin/python" -m pip install --verbose --disable-pip-version-check \
  --no-build-isolation . 2>&1 | tee "$VENV/build.log" | progress; then
  tail -n 40 "$VENV/build.log" >&2
  exit 1
fi
took=$((SECONDS - start))
if "$VENV/bin/python" -c 'import sys, zorgkracht.layout.rows as m; sys.exit(not m.__file__.endswith(".so"))'; then
  echo "Gecompileerd in ${took} s. / Compiled in ${took} s."
else
  echo "Niet gecompileerd (waarom: zie hierboven): Zorgkracht draait op gewone Python, trager, dezelfde plaatjes." >&2
  echo "Not compiled (why: see above): Zorgkracht runs on plain Python, slower, the same pictures." >&2
fi
echo "$digest" >"$stamp"
