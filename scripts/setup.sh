#!/usr/bin/env bash
# Sets up the project's virtual environment in .venv and compiles the layout and drawing
# modules (idempotent). Run by run.sh and test.sh.
# Usage: scripts/setup.sh [dev]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Zorgkracht needs Python 3.11 or newer (found: $("$PY" --version 2>&1))." >&2
  exit 1
fi
bash scripts/system-packages.sh "${1:-}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extra="[compile]"
[ "${1:-}" = "dev" ] && extra="[dev]"
stamp=".venv/.installed${extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra}"
  touch "$stamp"
fi
# The layout and drawing modules compiled with mypyc (skipped when already current; plain
# Python is used whenever the sources differ from what was compiled). Tests insist on it.
strict=""
[ "${1:-}" = "dev" ] && strict="--strict"
.venv/bin/python scripts/compile.py $strict
