"""Edit-to-preview latency in the real window (offscreen), median and 95th percentile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/preview_latency.py [WORDS ...]

For each document size: type one character in the middle of the document, and time until
the preview's DOM reports it shows that text (the page's own callback, not a guess).
Also prints the renderer's whole-document cost, the baseline that issue 8 must beat.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor
from sample_docs import document

from smugdesk.core.render import Renderer
from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow

EDITS = 40


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def wait_until(condition, timeout: float = 60.0) -> None:
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not catch up")
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def measure(window: MainWindow, words: int) -> None:
    text = document(words)
    renderer = Renderer()
    render_ms = []
    for _ in range(5):
        start = time.perf_counter()
        renderer.render(text)
        render_ms.append((time.perf_counter() - start) * 1000)

    window.editor.setPlainText(text)
    wait_until(lambda: window.preview_is_current)
    latencies = []
    middle = len(text) // 2
    for _ in range(EDITS):
        cursor = window.editor.textCursor()
        cursor.setPosition(middle)
        window.editor.setTextCursor(cursor)
        start = time.perf_counter()
        window.editor.textCursor().insertText("x")
        wait_until(lambda: window.preview_is_current)
        latencies.append((time.perf_counter() - start) * 1000)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    print(
        f"{words:>7} words  full render {statistics.median(render_ms):7.1f} ms   "
        f"edit->preview median {statistics.median(latencies):7.1f} ms  "
        f"p95 {percentile(latencies, 0.95):7.1f} ms  ({EDITS} edits)"
    )


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [2000, 20000]
    app = create_application()
    window = MainWindow(Path(tempfile.mkdtemp()))
    window.show()
    wait_until(lambda: window.preview_is_current)
    for words in sizes:
        measure(window, words)
    window.editor.document().setModified(False)
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
