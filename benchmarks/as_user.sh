#!/bin/sh
# Run a benchmark as a non-root user, so that Chromium's sandbox is on, as it is for every
# writer: as root QtWebEngine only starts with QTWEBENGINE_DISABLE_SANDBOX, and the app
# then also starts it without zygotes, so root's figures are not a writer's. As root, from
# the checkout:
#
#     useradd -m smugbench        # once
#     sh benchmarks/as_user.sh smugbench benchmarks/preview_memory.py --post-only
#     sh benchmarks/as_user.sh smugbench -m pytest -q -p no:cacheprovider \
#         tests/ui/test_preview_sandbox.py tests/ui/test_preview_engine_flags.py
#
# (the arguments after USER go to the venv's python; the second line runs the preview's
# walls and the engine-switch tests with the sandbox on, as root's runs cannot.)
# The user must be able to read the checkout (/work is 755 here). The venv's python lives
# under /root/.pyenv and /root is 700: rather than opening /root, the run gets a mount
# namespace of its own where /root is an empty tmpfs holding only a read-only bind of
# /root/.pyenv; it goes away with the run. The environment is cleared, so no
# QTWEBENGINE_DISABLE_SANDBOX comes through; QTWEBENGINE_CHROMIUM_FLAGS and
# SMUGDESK_BENCH_NO_FLAGS do, to compare switches.
set -eu
user=${1:?usage: as_user.sh USER SCRIPT [ARGS...]}
shift
[ "$(id -u)" = 0 ] || { echo "as_user.sh: run it as root (it switches to $user)" >&2; exit 2; }
id "$user" >/dev/null 2>&1 || { echo "as_user.sh: no user $user (useradd -m $user)" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
home=$(getent passwd "$user" | cut -d: -f6)
set -- "$user" "$home" "$repo" "${QTWEBENGINE_CHROMIUM_FLAGS-}" "${SMUGDESK_BENCH_NO_FLAGS-}" "$@"
exec unshare --mount --propagation private sh -eu -c '
    user=$1 home=$2 repo=$3 flags=$4 noflags=$5
    shift 5
    python=$repo/.venv/bin/python
    case "$(readlink -f "$python")" in /root/*)
        stage=$(mktemp -d)
        mount --bind /root/.pyenv "$stage"
        mount -t tmpfs -o mode=0755,size=1m tmpfs /root
        mkdir /root/.pyenv
        mount --bind "$stage" /root/.pyenv
        mount -o remount,bind,ro /root/.pyenv
        umount "$stage"
        rmdir "$stage";;
    esac
    cd "$repo"
    exec runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" \
        PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 \
        QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS="$flags" \
        ${noflags:+SMUGDESK_BENCH_NO_FLAGS="$noflags"} "$python" "$@"
' as_user "$@"
