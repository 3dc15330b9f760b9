"""Test-wide set-up: a headless Qt, and XDG folders that never touch the real home."""

import os
import sys
import tempfile

import pytest

# Set before anything imports Qt: the platform and the folders Qt and platformdirs use.
_home = tempfile.mkdtemp(prefix="smugdesk-tests-")
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_home, _name.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SMUGDESK_DRAFTS", None)
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Chromium's sandbox cannot run as root (CI containers); only then is it turned off.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


@pytest.fixture(autouse=True)
def _own_settings(tmp_path_factory, monkeypatch):
    """Each test starts with default preferences and no session: what one test saves
    (a theme, a drafts folder, open posts) must not leak into the next."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


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
