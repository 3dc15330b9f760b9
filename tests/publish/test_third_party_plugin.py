"""A third-party exporter package, really installed, appears in the CLI and the app; a broken
one and one reusing a taken name are reported by name and skipped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from plugin_helpers import install_plugin


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory) -> Path:
    return install_plugin(tmp_path_factory.mktemp("site-packages"))


def smugdesk(plugin_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(plugin_dir))
    return subprocess.run(
        [sys.executable, "-m", "smugdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_cli_lists_the_plugin_and_reports_the_bad_entries(plugin_dir):
    result = smugdesk(plugin_dir, "exporters")
    assert result.returncode == 0, result.stderr
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == [
        "html",
        "hugo",
        "hugo-git",
        "jekyll",
        "jekyll-git",
        "pelican",
        "pelican-git",
        "shout",
    ]
    assert "exporter broken (smugdesk_shout:DoesNotExist) could not be loaded" in result.stderr
    assert "exporter html (smugdesk_shout:ShoutExporter) refused: the name 'html'" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_cli_exports_through_the_plugin(plugin_dir, tmp_path):
    post = tmp_path / "hello.md"
    post.write_text("---\ntitle: Hello plug-ins\n---\nBody\n", encoding="utf-8")
    result = smugdesk(plugin_dir, "export", str(post), "--to", "shout", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).read_text(encoding="utf-8") == "HELLO PLUG-INS\n"
    # The built-in html exporter is still the one called "html", not the impostor.
    result = smugdesk(plugin_dir, "export", str(post), "--to", "html", "--out", str(tmp_path))
    assert result.stdout.strip().endswith("hello.html")
