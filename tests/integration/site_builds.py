"""What the tests that build exported sites with the real generators share: export a draft
with an exporter's default options, and run a generator (its output in the failure)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from smugdesk.core.store import load_post
from smugdesk.publish.base import resolve_options
from smugdesk.publish.registry import registry


def export(name: str, post: Path, site: Path):
    exporter = registry().get(name)
    return exporter.export(load_post(post), site, resolve_options(exporter, {}))


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
