#!/usr/bin/env bash
# One command for a newcomer: set up .venv and serve the demo site on http://127.0.0.1:8000/
#   bash scripts/demo.sh          build and serve with live reload
#   bash scripts/demo.sh build    only build into site/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
.venv/bin/portal check content || [[ ${1:-serve} == serve ]]   # the preview shows problems in the browser too
if [[ ${1:-serve} == build ]]; then
  exec .venv/bin/mkdocs build --strict
fi
# --dirty: after the first build, a save re-renders only the pages and feeds that show what changed
# (site_plugins/incremental.py); content errors show as a page in the browser
exec .venv/bin/mkdocs serve --dirty -a "${ADDR:-127.0.0.1:8000}"
