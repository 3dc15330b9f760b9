"""Screenshot of the preview in a captured blog theme, on a real (virtual) X11 screen.

    python scripts/screenshot_theme.py OUT.png THEME_FOLDER [POST.md]

THEME_FOLDER is a theme captured by publish/theme_capture.py (capture_wordpress or
capture_hugo). Uses scripts/screenshot.py's Xvfb set-up; exits non-zero if the picture is
blank or the themed page never showed the post.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import ROOT, SIZE, start_xvfb


def parent(out: Path, theme: Path, post: Path) -> int:
    server, display = start_xvfb()
    home = tempfile.mkdtemp(prefix="smugdesk-shot-")
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(home, name.lower())
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium refuses root otherwise
    try:
        command = [sys.executable, __file__, "--child", str(out), str(theme), str(post)]
        return subprocess.run(command, env=env, timeout=120).returncode
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


def child(out: Path, theme_folder: Path, post: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from smugdesk.publish.theme_capture import load_theme
    from smugdesk.ui.application import create_application
    from smugdesk.ui.main_window import MainWindow
    from smugdesk.ui.preview import WORLD
    from smugdesk.ui.preview_style import ThemeStyle

    theme = load_theme(theme_folder)
    if theme is None:
        print(f"screenshot: no captured theme in {theme_folder}")
        return 2
    app = create_application()
    window = MainWindow(post.parent)
    window.setGeometry(0, 0, *SIZE)
    window.show()
    window.open_path(post)
    outcome = {"code": 2, "themed": False}
    started = time.monotonic()

    def style() -> None:
        view = window.preview.view
        if view is None:
            QTimer.singleShot(100, style)
            return
        view.set_page_style(ThemeStyle(theme.folder, theme.name))
        QTimer.singleShot(200, shoot)

    def shoot() -> None:
        view = window.preview.view

        def seen(value) -> None:
            outcome["themed"] = bool(value)

        view.page().runJavaScript(
            "!!document.querySelector('#sd-body') && !document.querySelector('article.post')"
            " && (document.getElementById('sd-body').textContent.length > 0)",
            WORLD,
            seen,
        )
        if not (outcome["themed"] and window.preview_is_current) and (
            time.monotonic() - started < 60
        ):
            QTimer.singleShot(100, shoot)
            return
        QTimer.singleShot(1200, save)  # the compositor, and the theme's fonts

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
        print(f"screenshot: {out} {image.width()}x{image.height()}, {len(colours)} colours")
        outcome["code"] = 1 if blank or not outcome["themed"] else 0
        window.editor.document().setModified(False)
        window.close()

    QTimer.singleShot(200, style)
    app.exec()
    return outcome["code"]


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments and arguments[0] == "--child":
        sys.exit(child(Path(arguments[1]), Path(arguments[2]), Path(arguments[3])))
    if len(arguments) < 2:
        sys.exit(__doc__)
    sample = (
        Path(arguments[2])
        if len(arguments) > 2
        else ROOT / "docs" / "sample-drafts" / "sample-post.md"
    )
    sys.exit(
        parent(Path(arguments[0]).absolute(), Path(arguments[1]).absolute(), sample.absolute())
    )
