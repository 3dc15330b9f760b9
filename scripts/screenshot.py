"""Screenshot of the real app on a real (virtual) X11 screen, for the README and for CI.

    python scripts/screenshot.py OUT.png [POST.md] [--dark]

Starts Xvfb (24-bit: QtWebEngine crashes on 16-bit screens), runs smugdesk on it with a
sample post, waits until the preview shows the post, grabs the whole X screen, and exits
non-zero if the picture is blank or the app failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    if shutil.which("Xvfb") is None:
        sys.exit("screenshot: Xvfb is not installed (Debian: apt-get install xvfb)")
    for number in range(99, 140):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, display
            if server.poll() is not None:
                break
            time.sleep(0.1)
        server.kill()
    sys.exit("screenshot: could not start Xvfb")


def parent(out: Path, post: Path, dark: bool) -> int:
    server, display = start_xvfb()
    home = tempfile.mkdtemp(prefix="smugdesk-shot-")
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(home, name.lower())
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium refuses root otherwise
    try:
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(out),
                str(post),
                *(["--dark"] if dark else []),
            ],
            env=env,
            timeout=120,
        )
        return child.returncode
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


def child(out: Path, post: Path, dark: bool) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from smugdesk.ui.application import create_application
    from smugdesk.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(post.parent)
    if dark:
        window.apply_settings(replace(window.settings, theme="dark"))
    window.setGeometry(0, 0, *SIZE)
    window.show()
    window.open_path(post)
    outcome = {"code": 2}
    started = time.monotonic()

    def shoot() -> None:
        if not window.preview_is_current and time.monotonic() - started < 60:
            QTimer.singleShot(100, shoot)
            return
        # A moment for the web view's compositor to put the page on screen.
        QTimer.singleShot(800, save)

    def save() -> None:
        image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(out))
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 16)
            for y in range(0, image.height(), 16)
        }
        blank = len(colours) < 16
        print(
            f"screenshot: {out} {image.width()}x{image.height()}, {len(colours)} colours"
            + (" - BLANK" if blank else "")
        )
        outcome["code"] = 1 if blank or not window.preview_is_current else 0
        window.editor.document().setModified(False)
        window.close()

    QTimer.singleShot(200, shoot)
    app.exec()
    return outcome["code"]


if __name__ == "__main__":
    arguments = [arg for arg in sys.argv[1:] if arg != "--dark"]
    dark = "--dark" in sys.argv[1:]
    if arguments and arguments[0] == "--child":
        sys.exit(child(Path(arguments[1]), Path(arguments[2]), dark))
    if not arguments:
        sys.exit(__doc__)
    target = Path(arguments[0]).absolute()
    sample = (
        Path(arguments[1])
        if len(arguments) > 1
        else ROOT / "docs" / "sample-drafts" / "sample-post.md"
    )
    sys.exit(parent(target, sample.absolute(), dark))
