"""Fixtures for the Bluesky tests: a real PDS on 127.0.0.1 (tests/bluesky/server.py), started
once per run; an account for it whose app password is in the test's keyring."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from smugdesk.core.accounts import Account
from smugdesk.core.credentials import store_secret


def _server_module():
    if "bluesky_server" in sys.modules:
        return sys.modules["bluesky_server"]
    path = Path(__file__).resolve().parent / "server.py"
    spec = importlib.util.spec_from_file_location("bluesky_server", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bluesky_server"] = module  # the tests import it by this name
    spec.loader.exec_module(module)
    return module


bluesky_server = _server_module()


@pytest.fixture(scope="session")
def bluesky_pds(tmp_path_factory):
    """@atproto/pds with its own PLC directory, the test account made (a few seconds)."""
    yield from bluesky_server.pds_for_tests(tmp_path_factory)


@pytest.fixture
def bluesky_account(bluesky_pds) -> Account:
    """The test account as the writer adds it: handle, the PDS's address, and the app
    password in the keyring (the test's own file keyring, see tests/conftest.py)."""
    account = Account("My Bluesky", "bluesky", bluesky_pds.base, bluesky_pds.handle)
    store_secret(account.name, bluesky_pds.app_password)
    return account


@pytest.fixture(scope="session")
def bluesky_node() -> Path:
    """Node 22 from the PDS install (its Intl.Segmenter is what the PDS counts with)."""
    why = bluesky_server.missing()
    if why:
        if os.environ.get("SMUGDESK_REQUIRE_BLUESKY") == "1":
            pytest.fail(f"a real Bluesky PDS is required here: {why}")
        pytest.skip(f"no Bluesky PDS here: {why}")
    return bluesky_server.node_binary()
