#!/usr/bin/env bash
# One command for a newcomer: set up .venv and serve the demo site on http://127.0.0.1:8000/
#   bash scripts/demo.sh          build and serve with live reload
#   bash scripts/demo.sh build    only build into site/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh requirements.txt
.venv/bin/portal check content
if [[ ${1:-serve} == build ]]; then
  exec .venv/bin/mkdocs build --strict
fi
exec .venv/bin/mkdocs serve --strict -a "${ADDR:-127.0.0.1:8000}"
