"""Run by startup.py with ReText's own environment: starts ReText on BENCH_POST through
its own main() and prints when its window was first painted."""

from __future__ import annotations

import json
import os
import sys
import time

T0 = float(os.environ["BENCH_T0"])
sys.path.insert(0, os.path.dirname(__file__))

from memory import peak_mb  # noqa: E402
from PyQt6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PyQt6.QtWidgets import QApplication  # noqa: E402

marks: dict = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        first = event.type() == QEvent.Type.Paint and "window_s" not in marks
        if first and type(watched).__name__ == "ReTextWindow":
            marks["window_s"] = time.time() - T0
            # Long enough for a QtWebEngine preview, when configured, to load its page.
            QTimer.singleShot(int(os.environ.get("BENCH_SETTLE_MS", "500")), finish)
        return False


def finish() -> None:
    import ReText

    marks["peak_mb"], marks["processes"] = peak_mb()
    marks["version"] = getattr(ReText, "app_version", "?")
    print("BENCH " + json.dumps(marks), flush=True)
    os._exit(0)


original_exec = QApplication.exec


def exec_with_probe(self=None):
    app = QApplication.instance()
    app.installEventFilter(keep := FirstPaint(app))
    app._bench_filter = keep
    QTimer.singleShot(60000, finish)
    return original_exec()


if __name__ == "__main__":  # ReText's converter process (spawned) imports this file again
    QApplication.exec = exec_with_probe
    sys.argv = ["retext", os.environ["BENCH_POST"]]

    from ReText.__main__ import main

    main()
