#!/usr/bin/env bash
# The README's first command: install the app into ./.venv (made on first use, see scripts/_venv.sh) and
# start it at http://localhost:8501 (extra arguments go to `streamlit run`, e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/_venv.sh
. scripts/_venv.sh
echo '==> pip install -e .'
"$PY" -m pip install -q -e .
echo "==> streamlit run app.py $*"
exec "$PY" -m streamlit run app.py "$@"
