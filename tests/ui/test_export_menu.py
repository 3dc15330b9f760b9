"""The File → Export menu lists every installed exporter, plug-ins included, and reports the
broken ones without failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smugdesk.publish.registry import registry

PLUGIN = Path(__file__).parent.parent / "plugins" / "smugdesk-shout"


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    target = tmp_path / "site-packages"
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
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    monkeypatch.syspath_prepend(str(target))
    registry.cache_clear()
    yield
    monkeypatch.undo()
    registry.cache_clear()


def test_export_menu_shows_plugins_and_reports_broken_ones(installed_plugin, make_window):
    window = make_window()
    names = sorted(
        action.objectName().removeprefix("export-")
        for action in window.findChildren(type(window.commands.save))
        if action.objectName().startswith("export-")
    )
    assert names == ["html", "hugo", "jekyll", "pelican", "shout"]
    message = window.statusBar().currentMessage()
    assert "broken" in message and "refused" in message
