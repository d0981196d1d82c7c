#!/usr/bin/env bash
# The README's test command: install what the tests need, then run the whole suite (what CI runs).  Extra
# arguments go to pytest: `bash scripts/test.sh -m "not e2e"` is the fast lane (no browser, nginx, PostgreSQL
# or streamlit server process).
#   1. Debian's Chromium (+ a font) for the browser tests, via apt-get if missing and we may (root/sudo);
#      Playwright drives /usr/bin/chromium and never downloads a browser of its own;
#   2. the package with its test extras, into ./.venv (made on first use from python3: scripts/_venv.sh;
#      the system Python, which PEP 668 protects on Debian and Ubuntu, is never touched);
#   3. python -m pytest in that environment (extra arguments are passed on).  pytest's exit code is this
#      script's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "ok installed" || apt_pkgs+=(fonts-dejavu-core)
if [ "${#apt_pkgs[@]}" -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else sudo=(none); fi
    if [ "${sudo[0]:-}" != none ]; then
        echo "==> apt-get install ${apt_pkgs[*]}"
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" >/dev/null
    else
        echo "==> Chromium is missing and apt-get needs root: browser tests will be skipped (CI=true fails them)."
    fi
fi
# apt_install PKG WHAT: install Debian's PKG if we may (root or sudo); else say which tests (WHAT) will skip.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 0
    if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else sudo=(none); fi
    if [ "${sudo[0]:-}" != none ]; then
        echo "==> apt-get install $1"
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$1" >/dev/null
    else
        echo "==> $1 is missing and apt-get needs root: $2 will be skipped (CI=true fails them)."
    fi
}
# nginx (Debian's package) for tests/e2e/test_scale_out.py.  The test runs its own nginx on a free loopback
# port; note that Debian starts the system's nginx service after the install, except where policy-rc.d
# forbids it (containers).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then apt_install nginx "the scale-out tests"; fi
# PostgreSQL (Debian's package) for the class store's tests on PostgreSQL and the scale-out test with two
# replicas; the tests start their own throwaway server on a loopback port (tests/harness/postgres.py).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then apt_install postgresql "the PostgreSQL tests"; fi
/usr/bin/chromium --version 2>/dev/null | head -n1 || true

# shellcheck source=scripts/_venv.sh
. scripts/_venv.sh
echo "==> pip install -e \".[test]\" into $VENV ($("$PY" --version 2>&1))"
"$PY" -m pip install -q -e ".[test]"

# axe-core and ESLint (npm) for tests/e2e/test_accessibility.py and the JS lint in tests/test_lint.py, into
# tests/e2e/node_modules, when node and npm exist;
# without them those tests are skipped (CI=true fails them).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    if [ -f tests/e2e/package-lock.json ]; then npm_cmd=(ci); else npm_cmd=(install); fi
    echo "==> npm ${npm_cmd[*]} --prefix tests/e2e (axe-core, eslint)"
    npm "${npm_cmd[@]}" --prefix tests/e2e --no-audit --no-fund --loglevel=error \
        || echo "==> npm failed: the axe-core and ESLint tests will be skipped (CI=true fails them)."
else
    echo "==> node/npm are missing: the axe-core and ESLint tests will be skipped (CI=true fails them)."
fi

echo "==> python -m pytest $*"
set +e
"$PY" -m pytest "$@"
rc=$?
set -e
echo "pytest exit code: $rc"
exit "$rc"
