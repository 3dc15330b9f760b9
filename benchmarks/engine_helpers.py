"""Which helper processes QtWebEngine starts, from where, and in which sandbox: a plain web
view (scripts on, default profile: the engine, not the preview) plays audio and loads a
video, then every QtWebEngine process is listed with its parent, its type, its sandbox
switches, its seccomp mode and whether it has its own user namespace.

    sh benchmarks/as_user.sh smugbench benchmarks/engine_helpers.py
    QTWEBENGINE_CHROMIUM_FLAGS=--no-unsandboxed-zygote sh benchmarks/as_user.sh smugbench \
        benchmarks/engine_helpers.py

Written for issue 22's --no-unsandboxed-zygote: the audio helper is started by the app
directly (not from a zygote) with and without that switch, so the unsandboxed zygote had
nothing to start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

PAGE = """<!doctype html><title>-</title><video src="data:video/mp4;base64,AAAA"></video>
<script>const c = new AudioContext(), o = c.createOscillator();
o.connect(c.destination); o.start(); document.title = 'audio ' + c.state;</script>"""
SWITCHES = ("--type", "--utility-sub-type", "--service-sandbox-type", "--no-zygote-sandbox")


def report(view: QWebEngineView) -> None:
    me, mine = os.getpid(), os.readlink("/proc/self/ns/user")
    print(
        "flags:", os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") or "(none)", "uid", os.getuid()
    )
    for entry in sorted(Path("/proc").iterdir(), key=lambda p: p.name):
        try:
            arguments = (entry / "cmdline").read_bytes().decode().split("\0")
            status = (entry / "status").read_text()
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            own = os.readlink(entry / "ns" / "user") != mine
            where = "own user namespace" if own else "the app's user namespace"
        except (OSError, ValueError):
            continue
        if not arguments[0].endswith("QtWebEngineProcess"):
            continue
        seccomp = next(line.split()[1] for line in status.splitlines() if line[:8] == "Seccomp:")
        shown = " ".join(a for a in arguments if a.startswith(SWITCHES))
        print(
            f"  {entry.name:>7} parent {'app' if parent == me else parent:>7}  {shown}"
            f"  seccomp {seccomp}  {where}"
        )
    print("page:", view.title(), flush=True)
    os._exit(0)


def main() -> None:
    app = QApplication(sys.argv)
    view = QWebEngineView()
    view.resize(400, 300)
    view.show()
    view.setHtml(PAGE, QUrl("https://example.invalid/"))
    QTimer.singleShot(6000, lambda: report(view))
    app.exec()


if __name__ == "__main__":
    main()
