#!/usr/bin/env bash
# Installs a real Ghost 5 for the publisher tests into a cache folder reused between runs.
#
#   tests/ghost/install.sh [mysql|sqlite]      (default: mysql, or $SMUGDESK_GHOST_DB)
#
# Ghost 5.99.1 is the last line that runs on Node 18 or 20 (Ghost 6 wants Node 22).
# Plain `npm install ghost` does not resolve Ghost's tree, so the release's own yarn.lock is
# installed with yarn 1 (fetched from the npm registry into the cache too), with no install
# scripts: the only ones in Ghost's production tree compile native code from source here
# (no prebuilt binaries can be fetched from GitHub), and Ghost needs none of it with MySQL:
#   sqlite3          only for SQLite;
#   re2              url-regex-safe falls back to JavaScript's RegExp without it;
#   dtrace-provider  optional in bunyan.
# "mysql" (the default) then runs on Ghost's pure-JS mysql2 driver against the MariaDB the
# WordPress tests already use; "sqlite" compiles sqlite3 alone afterwards.
# Measured on a shared 2-core machine: mysql 61-263 s from nothing (no compiler at work:
# the time is downloading and unpacking ~440 MB), sqlite 148 s (90 s of it sqlite3); with
# every install script run, as before, about 590 s each. About 440 MB on disk.
# Idempotent: exits at once when the install is already in the cache.
set -euo pipefail

GHOST_VERSION="${SMUGDESK_GHOST_VERSION:-5.99.1}"
YARN_VERSION="1.22.22"
DB="${1:-${SMUGDESK_GHOST_DB:-mysql}}"
CACHE="${SMUGDESK_CACHE:-$HOME/.cache/smugdesk-ci}"
DEST="$CACHE/ghost-$GHOST_VERSION-$DB"

case "$DB" in
    mysql | sqlite) ;;
    *) echo "install.sh: database must be 'mysql' or 'sqlite', not '$DB'" >&2; exit 2 ;;
esac

if [ -f "$DEST/.smugdesk-installed" ]; then
    echo "ghost: $GHOST_VERSION ($DB) already installed in $DEST"
    exit 0
fi
command -v node >/dev/null || { echo "ghost: node is not installed (apt-get install nodejs npm)" >&2; exit 1; }

started=$(date +%s)
mkdir -p "$CACHE"
WORK="$DEST.partial"
rm -rf "$WORK"
mkdir -p "$WORK"

YARN="$CACHE/yarn-$YARN_VERSION/node_modules/.bin/yarn"
if [ ! -x "$YARN" ]; then
    echo "ghost: fetching yarn $YARN_VERSION into $CACHE/yarn-$YARN_VERSION"
    npm install --silent --no-audit --no-fund --prefix "$CACHE/yarn-$YARN_VERSION" "yarn@$YARN_VERSION"
fi

echo "ghost: fetching ghost@$GHOST_VERSION from the npm registry"
(cd "$WORK" && npm pack --silent "ghost@$GHOST_VERSION" >/dev/null)
tar -xzf "$WORK/ghost-$GHOST_VERSION.tgz" -C "$WORK" --strip-components=1
rm "$WORK/ghost-$GHOST_VERSION.tgz"

echo "ghost: preparing package.json for a production install ($DB)"
python3 - "$WORK/package.json" "$DB" <<'PY'
import json
import sys

path, db = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    package = json.load(f)
# devDependencies pull in build tooling that does not resolve outside Ghost's monorepo.
package.pop("devDependencies", None)
optional = package.get("optionalDependencies", {})
# The profiler is native and only used when Sentry profiling is configured.
optional.pop("@sentry/profiling-node", None)
if db == "mysql":
    optional.pop("sqlite3", None)  # mysql2, a regular dependency, is the driver
with open(path, "w", encoding="utf-8") as f:
    json.dump(package, f, indent=2)
PY
# The lock file points at registry.yarnpkg.com; the npm registry serves the same tarballs.
sed -i 's#https://registry.yarnpkg.com/#https://registry.npmjs.org/#g' "$WORK/yarn.lock"

echo "ghost: yarn install --production (the long step: a minute or a few)"
(
    cd "$WORK"
    export npm_config_nodedir=/usr
    # Inside the partial install and dropped after it: the cache would double the disk used.
    export YARN_CACHE_FOLDER="$WORK/.yarn-cache"
    "$YARN" install --production --ignore-engines --ignore-scripts --non-interactive \
        --no-progress --network-timeout 600000 >"$WORK/.install.log" 2>&1 ||
        { tail -40 "$WORK/.install.log" >&2; echo "ghost: yarn install failed (log: $WORK/.install.log)" >&2; exit 1; }
    if [ "$DB" = sqlite ]; then
        echo "ghost: compiling sqlite3 (a minute or two)"
        npm rebuild sqlite3 --foreground-scripts >>"$WORK/.install.log" 2>&1 ||
            { tail -40 "$WORK/.install.log" >&2; echo "ghost: sqlite3 did not build (log: $WORK/.install.log)" >&2; exit 1; }
    fi
)

rm -rf "$WORK/.yarn-cache" "$DEST"
mv "$WORK" "$DEST"
touch "$DEST/.smugdesk-installed"
echo "ghost: installed $GHOST_VERSION ($DB) in $DEST in $(( $(date +%s) - started )) s"
