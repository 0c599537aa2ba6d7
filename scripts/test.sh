#!/usr/bin/env bash
# The README's second command: the whole test suite. Swift Testing for the pipeline and
# end-to-end builds, then browser checks (Chromium, axe-core, HTML validator, links).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# The command-line tests run the samrad executable, which `swift test` alone does not build.
swift build --product samrad
swift test
if [ -d tests/browser ]; then
  .venv/bin/python -m pytest -q tests/browser
fi
