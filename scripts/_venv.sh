# Sourced by scripts/run.sh and scripts/test.sh: the project's own virtual environment, made on first use.
#
# A stock Debian, Ubuntu or Homebrew Python refuses `pip install` into the system (PEP 668, "externally
# managed"), so both README commands install into ./.venv (override with EXPLAINER_VENV) made from
# `python3` (override with PYTHON); the system Python is never touched.  Debian and Ubuntu ship the venv
# module separately (python3-venv): it is installed with apt-get when it is missing and we may (root/sudo).
# Afterwards $PY is the environment's python.

VENV="${EXPLAINER_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

_maybe_sudo() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}

if [ ! -x "$VENV/bin/python" ]; then
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "==> $PYTHON not found: install Python 3.10 or newer (Debian/Ubuntu: apt-get install python3 python3-venv)" >&2
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
        echo "==> $("$PYTHON" --version 2>&1) is too old: the app needs Python 3.10 or newer" >&2
        exit 1
    fi
    echo "==> making the virtual environment $VENV with $("$PYTHON" --version 2>&1) ($(command -v "$PYTHON"))"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        venv_pkg="python$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
        if command -v apt-get >/dev/null 2>&1 && _maybe_sudo true; then
            echo "==> apt-get install python3-venv $venv_pkg (the venv module Debian and Ubuntu ship separately)"
            _maybe_sudo apt-get update -qq
            DEBIAN_FRONTEND=noninteractive _maybe_sudo apt-get install -y -qq --no-install-recommends python3-venv "$venv_pkg" >/dev/null
            "$PYTHON" -m venv "$VENV"
        else
            echo "==> $PYTHON cannot make a virtual environment: install the venv module (Debian/Ubuntu: sudo apt-get install python3-venv)" >&2
            exit 1
        fi
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi
PY="$VENV/bin/python"
