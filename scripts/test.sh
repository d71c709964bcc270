#!/usr/bin/env bash
# Sets up and runs every check: ruff, mypy, the whole test suite (SQLite and PostgreSQL) on the
# sources, and the compiled wheel against the sources (scripts/check_wheel.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh dev
export ZORGKRACHT_HYPOTHESIS="${ZORGKRACHT_HYPOTHESIS:-ci}"
export ZORGKRACHT_TEST_PG_URL="${ZORGKRACHT_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
# PostgreSQL is part of the suite: start the machine's cluster if it is installed but stopped.
if ! .venv/bin/python scripts/pg_ready.py "$ZORGKRACHT_TEST_PG_URL" 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    sleep 2
  fi
  .venv/bin/python scripts/pg_ready.py "$ZORGKRACHT_TEST_PG_URL"
fi
CODE=(src tests benchmarks devtools scripts build_support setup.py)
echo "== ruff"
.venv/bin/ruff check "${CODE[@]}"
.venv/bin/ruff format --check "${CODE[@]}"
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/pytest "$@"
echo "== wheel"
.venv/bin/python scripts/check_wheel.py
