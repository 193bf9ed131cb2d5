#!/usr/bin/env bash
# One command for a newcomer and for CI: set up .venv and run the whole test suite.
# Extra arguments go to pytest (e.g. bash scripts/test.sh -k feeds).
set -euo pipefail
cd "$(dirname "$0")/.."
# Browser tests drive Debian's Chromium; the HTML checker runs on Java; axe-core, vnu.jar and the
# cards' font come from npm (scripts/_venv.sh). Install what is missing when we can (root, e.g.
# CI); without them a newcomer's run skips those tests, but under CI=true they fail instead.
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
source scripts/_venv.sh
# Code health first: lint (ruff) and types (mypy) must be clean, as in CI.
.venv/bin/ruff check site_plugins tests scripts
.venv/bin/ruff format --check site_plugins tests scripts
.venv/bin/mypy
# On every core (at most four workers): variant builds share one cache of renditions and cards (tests/helpers.py).
exec .venv/bin/python -m pytest -n auto --maxprocesses=4 "$@"
