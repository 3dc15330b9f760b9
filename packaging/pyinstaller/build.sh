#!/usr/bin/env bash
# Builds dist/smugdesk/ (a folder to copy or tar anywhere) and dist/smugdesk-<version>-linux-<arch>.tar.gz.
# Uses its own environment (build/bundle-venv) so PyInstaller never enters the app's .venv.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
venv="build/bundle-venv"
python="${PYTHON:-python3}"

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet . "pyinstaller>=6.10"

"$venv/bin/pyinstaller" --noconfirm --clean \
    --distpath dist --workpath build/pyinstaller \
    packaging/pyinstaller/smugdesk.spec

# Desktop integration files ride along so an installer script (or a person) can copy them.
mkdir -p dist/smugdesk/share
cp -r packaging/smugdesk.desktop packaging/smugdesk.metainfo.xml packaging/icons dist/smugdesk/share/

version="$("$venv/bin/python" -c 'import smugdesk; print(smugdesk.__version__)')"
archive="dist/smugdesk-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$archive" smugdesk
# A quick check that the bundle starts at all: the headless CLI needs no display.
dist/smugdesk/smugdesk --version
echo "bundle: dist/smugdesk/smugdesk   archive: $archive ($(du -sh "$archive" | cut -f1))"
