"""Run a command with the test servers started once: a real WordPress and a real Micropub
server, named to every pytest session the command starts through $SMUGDESK_WORDPRESS_SITE and
$SMUGDESK_MICROPUB_SITE (tests/conftest.py and tests/publish/conftest.py then reuse and reset
them instead of starting their own: seconds to a minute saved per session).

    python scripts/mutation_servers.py -- mutmut run --max-children 1

mutmut runs a new pytest session for every mutant; without this the tests that publish to
the real servers are left out of a mutation run (scripts/mutation_pytest_plugin.py). Where
WordPress cannot run (Debian's packages missing) only the Micropub server is started and the
WordPress tests stay left out. The servers are stopped when the command ends, however it ends.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def shared_servers(folder: Path) -> Iterator[dict[str, str]]:
    """Starts the servers in ``folder``; yields the environment variables that name them."""
    wordpress = _load("wordpress_server", ROOT / "tests" / "wordpress" / "server.py")
    micropub = _load("micropub_server", ROOT / "tests" / "micropub" / "server.py")
    env: dict[str, str] = {}
    started: list = []
    try:
        began = time.monotonic()
        why = micropub.missing()
        if why:
            print(f"no Micropub server: {why}", file=sys.stderr)
        else:
            site = micropub.start(folder / "micropub")
            started.append(site)
            described = folder / "micropub.json"
            described.write_text(json.dumps(micropub.describe(site)), encoding="utf-8")
            env["SMUGDESK_MICROPUB_SITE"] = str(described)
        why = wordpress.missing()
        if why:
            print(f"no WordPress: {why}; its tests stay left out", file=sys.stderr)
        else:
            site = wordpress.start(folder / "wordpress")
            started.append(site)
            described = folder / "wordpress.json"
            described.write_text(json.dumps(wordpress.describe(site)), encoding="utf-8")
            env["SMUGDESK_WORDPRESS_SITE"] = str(described)
        print(f"servers started in {time.monotonic() - began:.1f} s", file=sys.stderr)
        yield env
    finally:
        for site in reversed(started):
            site.stop()


def main() -> int:
    command = sys.argv[1:]
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="smugdesk-servers-"))
    # A stop by SIGTERM (CI's timeout, kill) goes through the finally blocks too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        with shared_servers(folder) as env:
            done = subprocess.run(command, env={**os.environ, **env}, check=False)
        return done.returncode
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
