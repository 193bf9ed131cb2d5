#!/usr/bin/env bash
# One command for a newcomer and for CI: set up .venv and run the whole test suite.
# Extra arguments go to pytest (e.g. bash scripts/test.sh -k feeds).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements-test.txt
# Browser tests drive Debian's Chromium. Install it when we can (root, e.g. CI); without it a
# newcomer's run skips the browser tests, but under CI=true they fail instead of skipping.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "note: /usr/bin/chromium is missing; browser tests will be skipped (install Debian's chromium)" >&2
  fi
fi
# Code health first: lint (ruff) and types (mypy) must be clean, as in CI.
.venv/bin/ruff check site_plugins tests scripts
.venv/bin/ruff format --check site_plugins tests scripts
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
