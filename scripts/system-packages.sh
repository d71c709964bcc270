#!/usr/bin/env bash
# Installs the Debian packages Zorgkracht needs when they are missing (idempotent).
#   libcairo2  - PNG export (cairosvg)
#   libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0 - PDF documents (WeasyPrint)
#   fonts-dejavu-core - the pictures' font (DejaVu Sans), also in the PDF documents
#   chromium   - only with "dev": the browser the UI tests drive through Playwright
#   graphviz   - only with "dev": dot, the reference of benchmarks/bench_layout.py
#   gcc        - only with "dev": the C compiler that compiles the wheel (setup.py, mypyc)
#   poppler-utils - only with "dev": pdftotext, with which the tests read the PDF documents
# Usage: scripts/system-packages.sh [dev]
set -euo pipefail
need=()
if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libcairo\.so\.2'; then
  need+=(libcairo2)
fi
for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
  libharfbuzz-subset.so.0:libharfbuzz-subset0; do
  /sbin/ldconfig -p 2>/dev/null | grep -qF "${lib%%:*}" || need+=("${lib#*:}")
done
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${1:-}" = "dev" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v dot >/dev/null || need+=(graphviz)
  command -v gcc >/dev/null || need+=(gcc)
  command -v pdftotext >/dev/null || need+=(poppler-utils)
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
