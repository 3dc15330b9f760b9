#!/usr/bin/env bash
# Creates the ReText comparison environment, separate from the app's: ReText (PyQt6) must
# never become a dependency of smugdesk, and PyQt6 and PySide6 should not share a venv.
#   bash benchmarks/setup_retext.sh            -> build/bench-retext-venv
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${RETEXT_VENV:-build/bench-retext-venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
	"$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# ReText's own requirements (PyQt6, Markups, Markdown); PyQt6-WebEngine only for ReText's
# optional WebEngine preview, which the comparison also times; psutil-free on purpose.
"$VENV/bin/python" -m pip install --quiet retext PyQt6 PyQt6-WebEngine markups markdown pygments
"$VENV/bin/python" -c "import ReText, markups, PyQt6.QtCore as c; print('ReText ok, Qt', c.QT_VERSION_STR)"
