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
# From the npm registry, pinned by package-lock.json: the font of the social cards, and the
# accessibility and HTML checkers of the tests. --ignore-scripts: vnu-jar's would download a JDK.
npm_stamp=node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)
if [[ ! -f $npm_stamp ]]; then
  if command -v npm >/dev/null; then
    npm ci --ignore-scripts --no-audit --no-fund --silent && touch "$npm_stamp"
  else
    echo "note: npm is missing: social cards are not drawn, and the accessibility and HTML checks are skipped" >&2
  fi
fi
