"""Fixtures for the publish tests: a real Micropub server (django-indieweb, started once)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

_SERVER = Path(__file__).resolve().parents[1] / "micropub" / "server.py"


def _micropub_server_module():
    # Loaded by path under its own name: tests/wordpress/server.py is already "server".
    spec = importlib.util.spec_from_file_location("micropub_server", _SERVER)
    module = importlib.util.module_from_spec(spec)
    sys.modules["micropub_server"] = module  # test modules import it by this name
    spec.loader.exec_module(module)
    return module


micropub_server = _micropub_server_module()


@pytest.fixture(scope="session")
def micropub_site(tmp_path_factory):
    """django-indieweb on 127.0.0.1 for this test run (about 1.5 s to start), or the one
    $SMUGDESK_MICROPUB_SITE names (a mutation run's, scripts/mutation_servers.py), reset."""
    shared = os.environ.get("SMUGDESK_MICROPUB_SITE")
    if shared:
        site = micropub_server.adopt(json.loads(Path(shared).read_text(encoding="utf-8")))
        with micropub_server.session_lock(site):  # one session at a time on one server
            micropub_server.reset(site)
            yield site
        return
    why = micropub_server.missing()
    if why:  # a declared test dependency: its absence is a broken set-up, not a skip
        pytest.fail(f"a real Micropub server is required here: {why}")
    site = micropub_server.start(tmp_path_factory.mktemp("micropub"))
    yield site
    site.stop()
