#!/usr/bin/env bash
# The README's second command: the whole test suite. Swift Testing for the pipeline and
# end-to-end builds, then browser checks (Chromium, axe-core, HTML validator, links).
# In CI (CI=true), or with SAMRAD_RELEASE_TEST=1, it then builds a release and runs its
# clean-room test (scripts/release-test.sh, as root; about 25 more minutes on 2 cores).
# SAMRAD_RELEASE_TEST=0 leaves that out even in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# samrad runs only the Pagefind its user installed, never one from a site folder: name
# the one setup.sh put in this checkout's .venv (samrad built here finds it by itself too).
pagefind_bin=$(ls "$PWD"/.venv/lib/python3*/site-packages/pagefind_bin/pagefind 2>/dev/null | head -1 || true)
[ -n "$pagefind_bin" ] && export PAGEFIND_BINARY_PATH="${PAGEFIND_BINARY_PATH:-$pagefind_bin}"
# One build for the samrad executable (the command-line tests run it) and the tests:
# `swift build --product samrad` followed by `swift test` compiles everything twice.
swift build --build-tests
swift test --skip-build
if [ -d tests/browser ]; then
  .venv/bin/python -m pytest -q tests/browser
fi
release_test="${SAMRAD_RELEASE_TEST:-}"
[ -z "$release_test" ] && [ "${CI:-}" = true ] && release_test=1
if [ "$release_test" = 1 ]; then
  if [ "$(id -u)" -eq 0 ]; then bash scripts/release-test.sh; else sudo bash scripts/release-test.sh; fi
fi
