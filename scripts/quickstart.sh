#!/usr/bin/env bash
# The README's first command: install what is missing, build samrad, build the example
# site in content/ into public/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# samrad runs only the Pagefind its user installed, never one from a site folder: name
# the one setup.sh put in this checkout's .venv (samrad built here finds it by itself too).
pagefind_bin=$(ls "$PWD"/.venv/lib/python3*/site-packages/pagefind_bin/pagefind 2>/dev/null | head -1 || true)
[ -n "$pagefind_bin" ] && export PAGEFIND_BINARY_PATH="${PAGEFIND_BINARY_PATH:-$pagefind_bin}"
echo "Building samrad (first time takes a few minutes)…" >&2
swift build -c release --product samrad 2>&1 | grep -E "error|warning: |Compiling samrad|Build complete" >&2 || true
bin="$(swift build -c release --show-bin-path)/samrad"
[ -x "$bin" ] || { echo "swift build failed; run 'swift build -c release' to see why" >&2; exit 1; }
"$bin" build --site .
echo
echo "Done. To look at the site, run:"
echo "  $bin serve        (preview on http://127.0.0.1:8080/ with live reload)"
echo "or open it with any web server, e.g.  python3 -m http.server -d public 8080"
