"""Test-wide set-up: a headless Qt, XDG folders that never touch the real home, a keyring in
a file per test, and a real WordPress (started once, for the tests that ask for it)."""

import json
import os
import sys
import tempfile

import pytest
from hypothesis import settings

# CI (.ci/run) runs the property tests on examples fixed per test, so a run lands or not on
# the code alone; everywhere else each run draws new examples and keeps looking for bugs
# (two found this way this week: tests/core/test_incremental.py).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("SMUGDESK_HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["SMUGDESK_HYPOTHESIS_PROFILE"])

# Set before anything imports Qt: the platform and the folders Qt and platformdirs use.
_home = tempfile.mkdtemp(prefix="smugdesk-tests-")
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_home, _name.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SMUGDESK_DRAFTS", None)
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Chromium's sandbox cannot run as root (CI containers); only then is it turned off.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "wordpress"))
import server as wordpress_server  # noqa: E402 (tests/wordpress/server.py, runnable by hand)

from smugdesk.core import credentials  # noqa: E402
from smugdesk.core.accounts import Account  # noqa: E402


@pytest.fixture(autouse=True)
def _own_settings(tmp_path_factory, monkeypatch):
    """Each test starts with default preferences and no session: what one test saves
    (a theme, a drafts folder, open posts) must not leak into the next."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory):
    """A fresh WordPress on 127.0.0.1 for this test run (or the one $SMUGDESK_WORDPRESS_SITE
    names, reset). Skipped where it cannot run, unless SMUGDESK_REQUIRE_WORDPRESS=1 (set by
    .ci/run), where a missing server is a failure."""
    shared = os.environ.get("SMUGDESK_WORDPRESS_SITE")
    if shared:
        # A site started once for many sessions (a mutation run, scripts/mutation_servers.py):
        # emptied of what earlier sessions made, never stopped here.
        with open(shared, encoding="utf-8") as description:
            site = wordpress_server.adopt(json.load(description))
        with wordpress_server.session_lock(site):  # one session at a time on one site
            wordpress_server.reset(site)
            yield site
        return
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


def pytest_unconfigure(config):
    """Leave without Python's interpreter finalization once Qt was loaded.

    PySide6 6.12 can corrupt the reference counts of None/True/False while its objects are
    torn down at interpreter exit ("none_dealloc"/"bool_dealloc" fatal errors, seen here
    with a 30-line script as well as with this suite). Every result is already reported
    when this hook runs, so exiting here loses nothing and keeps the exit status honest.
    """
    if "PySide6" not in sys.modules:
        return
    status = getattr(config, "_smugdesk_exit_status", None)
    if status is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def pytest_sessionfinish(session, exitstatus):
    session.config._smugdesk_exit_status = int(exitstatus)
