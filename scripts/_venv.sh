# Sourced by demo.sh and test.sh: one .venv for both, with everything pinned in
# requirements-test.txt (which includes requirements.txt). Installed once; again only when a
# requirements file or pyproject.toml changes, so switching between the two commands never reinstalls.
set -euo pipefail
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Python 3.11 or newer is needed (found: $("$PY" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
stamp=.venv/.installed-$(cat requirements.txt requirements-test.txt pyproject.toml | sha256sum | cut -c1-16)
if [[ ! -f $stamp ]]; then
  [[ -x .venv/bin/python ]] || "$PY" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements-test.txt
  .venv/bin/python -m pip install --quiet --no-deps -e .
  rm -f .venv/.installed-*
  touch "$stamp"
fi
export NO_MKDOCS_2_WARNING=1
# From the npm registry, pinned by package-lock.json: the accessibility and HTML checkers of the
# tests and the newsroom's local backend (the social cards' font ships inside the Python package,
# site_plugins/media/fonts/). --ignore-scripts: vnu-jar's would download a JDK.
npm_stamp=node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)
if [[ ! -f $npm_stamp ]]; then
  if command -v npm >/dev/null; then
    npm ci --ignore-scripts --no-audit --no-fund --silent && touch "$npm_stamp"
  else
    echo "note: npm is missing: the accessibility and HTML checks are skipped" >&2
  fi
fi
# The newsroom editor (/quan-tri/): Decap CMS's browser bundle, one file from the npm registry's
# tarball, checked against the pinned integrity (its package would install ~700 build dependencies).
DECAP_VERSION=3.16.3
DECAP_INTEGRITY=sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==
decap=node_modules/.portal/decap-cms-$DECAP_VERSION.js
if [[ ! -f $decap ]] && command -v npm >/dev/null; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack "decap-cms@$DECAP_VERSION" --silent >/dev/null)
  got="sha512-$(openssl dgst -sha512 -binary "$tmp/decap-cms-$DECAP_VERSION.tgz" | base64 -w0)"
  if [[ $got != "$DECAP_INTEGRITY" ]]; then
    echo "decap-cms $DECAP_VERSION: integrity mismatch ($got)" >&2
    exit 1
  fi
  mkdir -p node_modules/.portal
  tar -xzf "$tmp/decap-cms-$DECAP_VERSION.tgz" -C "$tmp" package/dist/decap-cms.js
  mv "$tmp/package/dist/decap-cms.js" "$decap"
  rm -rf "$tmp"
fi
