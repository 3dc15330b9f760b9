"""Publishing fixtures: a real WordPress (Debian's packages, started once per test run), a
keyring kept in a file under tmp_path, and a cache folder per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "wordpress"))
import server as wordpress_server

from smugdesk.core import credentials
from smugdesk.core.accounts import Account


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory):
    """A fresh WordPress on 127.0.0.1 for this test run. Skipped where it cannot run, unless
    SMUGDESK_REQUIRE_WORDPRESS=1 (set by .ci/run), where a missing server is a failure."""
    why = wordpress_server.missing()
    if why:
        if os.environ.get("SMUGDESK_REQUIRE_WORDPRESS") == "1":
            pytest.fail(f"a real WordPress is required here: {why}")
        pytest.skip(f"no WordPress here: {why}")
    site = wordpress_server.start(tmp_path_factory.mktemp("wordpress"))
    yield site
    site.stop()


@pytest.fixture
def web_back(wordpress):
    """Whatever a test does to the web server, the next test finds it running."""
    yield wordpress
    if wordpress.web.poll() is not None:
        wordpress.start_web()


@pytest.fixture(autouse=True)
def _own_cache_and_keyring(tmp_path, monkeypatch):
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    credentials.use_backend(backend)
    credentials.forget_session()
    yield
    credentials.forget_session()


@pytest.fixture
def rest_account(wordpress) -> Account:
    return Account("Ward Notes", "wordpress", wordpress.url, wordpress.user)


@pytest.fixture
def xmlrpc_account(wordpress) -> Account:
    return Account("Ward Notes (XML-RPC)", "metaweblog", wordpress.url, wordpress.user)
