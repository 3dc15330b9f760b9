"""Test-wide set-up: a headless Qt, and XDG folders that never touch the real home."""

import os
import tempfile

# Set before anything imports Qt: the platform and the folders Qt and platformdirs use.
_home = tempfile.mkdtemp(prefix="smugdesk-tests-")
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_home, _name.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SMUGDESK_DRAFTS", None)
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Chromium's sandbox cannot run as root (CI containers); only then is it turned off.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
