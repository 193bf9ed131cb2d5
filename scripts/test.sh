#!/usr/bin/env bash
# One command for a newcomer and for CI: set up .venv and run the whole test suite.
# Extra arguments go to pytest (e.g. bash scripts/test.sh -k feeds).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
# Browser tests drive Debian's Chromium; the HTML checker runs on Java; axe-core and vnu.jar come
# from npm. Install what is missing when we can (root, e.g. CI); without them a newcomer's run
# skips those tests, but under CI=true they fail instead of skipping.
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium fonts-noto-core)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if (( ${#missing[@]} )); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: missing ${missing[*]}; the browser and HTML-checker tests will be skipped" >&2
  fi
fi
tools=tests/tools/node_modules/.installed-$(sha256sum tests/tools/package-lock.json | cut -c1-16)
if [[ ! -f $tools ]] && command -v npm >/dev/null; then
  (cd tests/tools && npm ci --ignore-scripts --no-audit --no-fund --silent) && touch "$tools"
fi
# Code health first: lint (ruff) and types (mypy) must be clean, as in CI.
.venv/bin/ruff check site_plugins tests scripts
.venv/bin/ruff format --check site_plugins tests scripts
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
