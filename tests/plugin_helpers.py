"""Installing the test plug-in package for real, into a folder of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PLUGIN = Path(__file__).parent / "plugins" / "smugdesk-shout"


def install_plugin(target: Path) -> Path:
    """``pip install`` tests/plugins/smugdesk-shout into ``target`` (not the project venv)."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--target",
        str(target),
        str(PLUGIN),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return target
