#!/usr/bin/env bash
# Sets up and starts Zorgkracht on the embedded SQLite database, with the demo cases: the
# application installed as a compiled wheel in .venv-app (scripts/setup.sh, docs/compiled.md).
# Extra arguments go to `zorgkracht serve` (for example --port 8080 or --db URL).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
exec "$ROOT/.venv-app/bin/zorgkracht" serve "$@"
