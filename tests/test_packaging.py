"""The desktop integration files: valid for the tools distributions check them with."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="Debian's appstream is absent")
def test_appstream_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / "smugdesk.metainfo.xml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="Debian's desktop-file-utils is absent"
)
def test_desktop_file_validates_and_opens_markdown():
    desktop = PACKAGING / "smugdesk.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "MimeType=text/markdown;" in desktop.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icon_pngs_have_their_size(size):
    data = (PACKAGING / "icons" / f"{size}x{size}" / "smugdesk.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)
