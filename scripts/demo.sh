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
# The newsroom editor's local backend (decap-server, pinned in package.json): the editor at
# http://127.0.0.1:8000/quan-tri/ reads and writes content/ through it, on loopback only.
if [[ -x node_modules/.bin/decap-server ]]; then
  BIND_HOST=127.0.0.1 PORT=${CMS_PORT:-8081} GIT_REPO_DIRECTORY="$PWD" LOG_LEVEL=warn node_modules/.bin/decap-server &
  trap 'kill $! 2>/dev/null' EXIT
  export PORTAL_NEWSROOM=1   # entry pages link into the editor, and its "Xem trước" into this preview
  echo "portal: trang soạn bài ở http://${ADDR:-127.0.0.1:8000}/quan-tri/ (bấm 'Đăng nhập'), xem trước ở http://${ADDR:-127.0.0.1:8000}/"
fi
# --dirty: after the first build, a save re-renders only the pages and feeds that show what changed
# (site_plugins/incremental.py); content errors show as a page in the browser
.venv/bin/mkdocs serve --dirty -a "${ADDR:-127.0.0.1:8000}"
