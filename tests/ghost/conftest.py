"""A real Ghost 5 for the Ghost publisher's tests, started once per test run.

Skipped with the reason when Ghost is not installed here (``tests/ghost/install.sh``), unless
SMUGDESK_REQUIRE_GHOST=1 (set by .ci/run after installing it), where that is a failure."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from smugdesk.core.accounts import Account
from smugdesk.publish.ghost import GhostPublisher
from smugdesk.publish.remote import publisher_kinds


def _load_server():
    """tests/ghost/server.py under a name of its own (``server`` is WordPress's)."""
    name = "ghost_server"
    if name not in sys.modules:
        path = Path(__file__).with_name("server.py")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


ghost_server = _load_server()


@pytest.fixture(scope="session")
def ghost(tmp_path_factory):
    why = ghost_server.missing()
    if why:
        if os.environ.get("SMUGDESK_REQUIRE_GHOST") == "1":
            pytest.fail(f"a real Ghost is required here: {why}")
        pytest.skip(f"no Ghost here: {why}")
    site = ghost_server.start(tmp_path_factory.mktemp("ghost"))
    yield site
    site.stop()


@pytest.fixture(autouse=True)
def ghost_kind(monkeypatch):
    """The publisher under its kind, as its entry point registers it once installed (the
    registry's cached dict is the hook; nothing else is touched)."""
    kinds = publisher_kinds()
    if "ghost" not in kinds:
        monkeypatch.setitem(kinds, "ghost", GhostPublisher)


@pytest.fixture
def ghost_account(ghost) -> Account:
    return Account("Harbour Log", "ghost", ghost.url)


@pytest.fixture
def publisher(ghost, ghost_account) -> GhostPublisher:
    return GhostPublisher(ghost_account, ghost.admin_key, timeout=60)
