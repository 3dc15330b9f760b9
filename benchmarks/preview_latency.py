"""Edit-to-preview latency in the real window (offscreen), median and 95th percentile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/preview_latency.py [WORDS ...]

For each document size (default 2,000, 20,000 and 100,000 words):
- edit to preview: type one character in the middle of the document, and time until the
  preview's DOM reports it shows that text (the page's own callback, not a guess); the
  edits come at a writer's pace (150 ms apart), and again back to back;
- editor stall: type at 10 characters a second while a 1 ms timer notes how late it fires;
- the renderer's whole-document cost, which incremental rendering avoids.
SMUGDESK_BENCH_JSON=FILE also writes the figures as JSON.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QTextCursor
from sample_docs import document

from smugdesk.core.render import Renderer
from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow

EDITS = 40
PAUSE_MS = 150  # between timed edits: a writer's keystrokes, about seven a second
TYPING_SECONDS = 4.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def wait_until(condition, timeout: float = 60.0) -> None:
    """Run the event loop until ``condition()``. Polls every millisecond: for set-up only,
    since a Python timer firing that often competes with the render thread for the GIL."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not catch up")
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def wait_for_preview(window: MainWindow, timeout: float = 60.0) -> None:
    """Run the event loop until the preview shows the editor's text, woken by the page's
    own callback (preview.shown), so the waiting adds no work of its own."""
    loop = QEventLoop()
    window.preview.shown.connect(loop.quit)
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(loop.quit)
    limit.start(int(timeout * 1000))
    try:
        while not window.preview_is_current:
            if not limit.isActive():
                raise TimeoutError("the preview did not catch up")
            loop.exec()
    finally:
        window.preview.shown.disconnect(loop.quit)


def measure(window: MainWindow, words: int) -> dict:
    text = document(words)
    renderer = Renderer()
    render_ms = []
    for _ in range(3):
        start = time.perf_counter()
        renderer.render(text)
        render_ms.append((time.perf_counter() - start) * 1000)

    window.editor.setPlainText(text)
    wait_until(lambda: window.preview_is_current)
    middle = len(text) // 2
    latencies = edit_latencies(window, middle, pause_ms=PAUSE_MS)
    back_to_back = edit_latencies(window, middle, pause_ms=0)
    stalls = typing_stalls(window, middle)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    figures = {
        "words": words,
        "full_render_ms": statistics.median(render_ms),
        "edit_to_preview_median_ms": statistics.median(latencies),
        "edit_to_preview_p95_ms": percentile(latencies, 0.95),
        "back_to_back_median_ms": statistics.median(back_to_back),
        "back_to_back_p95_ms": percentile(back_to_back, 0.95),
        "stall_p95_ms": percentile(stalls, 0.95),
        "stall_max_ms": max(stalls),
    }
    print(
        f"{words:>7} words  whole render {figures['full_render_ms']:7.1f} ms   "
        f"edit->preview median {figures['edit_to_preview_median_ms']:6.1f} ms  "
        f"p95 {figures['edit_to_preview_p95_ms']:6.1f} ms   "
        f"back to back {figures['back_to_back_median_ms']:5.1f} / "
        f"{figures['back_to_back_p95_ms']:5.1f} ms   "
        f"stall p95 {figures['stall_p95_ms']:5.1f} ms  max {figures['stall_max_ms']:5.1f} ms",
        flush=True,
    )
    return figures


def edit_latencies(window: MainWindow, position: int, pause_ms: int) -> list[float]:
    """One-character edits at ``position``, each timed to the page's callback. With a
    pause before each (a writer's pace), the page has laid out the last one; back to back,
    each edit also waits for the page to finish the layout of the one before (at 100,000
    words that layout alone takes ~20 ms in Chromium)."""
    latencies = []
    for _ in range(EDITS):
        if pause_ms:
            loop = QEventLoop()
            QTimer.singleShot(pause_ms, loop.quit)
            loop.exec()
        cursor = window.editor.textCursor()
        cursor.setPosition(position)
        window.editor.setTextCursor(cursor)
        start = time.perf_counter()
        window.editor.textCursor().insertText("x")
        wait_for_preview(window)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def typing_stalls(window: MainWindow, position: int) -> list[float]:
    """Type at 10 characters a second for TYPING_SECONDS while a 1 ms timer notes how late
    it fires: each lateness is how long the event loop was blocked."""
    cursor = window.editor.textCursor()
    cursor.setPosition(position)
    window.editor.setTextCursor(cursor)
    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - 1))
        last[0] = now

    watch = QTimer()
    watch.setTimerType(Qt.TimerType.PreciseTimer)
    watch.setInterval(1)
    watch.timeout.connect(tick)
    typist = QTimer()
    typist.setInterval(100)
    typist.timeout.connect(lambda: window.editor.textCursor().insertText("y"))
    loop = QEventLoop()
    QTimer.singleShot(int(TYPING_SECONDS * 1000), loop.quit)
    watch.start()
    typist.start()
    loop.exec()
    typist.stop()
    watch.stop()
    wait_until(lambda: window.preview_is_current)
    return lateness


def compare_with_retext(sizes: list[int], results: list[dict]) -> None:
    """ReText's converter on the same documents, in the same run (its own environment)."""
    python = Path(__file__).resolve().parent.parent / "build" / "bench-retext-venv" / "bin"
    if not (python / "python").exists():
        print("ReText: not set up (bash benchmarks/setup_retext.sh)")
        return
    done = subprocess.run(
        [str(python / "python"), str(Path(__file__).parent / "retext_convert.py")]
        + [str(size) for size in sizes],
        capture_output=True,
        text=True,
        timeout=600,
    )
    theirs = {row["words"]: row["convert_ms"] for row in map(json.loads, done.stdout.splitlines())}
    print("ReText (markups) converts the whole document on each pause:")
    for ours in results:
        convert = theirs.get(ours["words"])
        if convert is None:
            continue
        ratio = convert / ours["edit_to_preview_median_ms"]
        print(
            f"{ours['words']:>7} words  ReText convert {convert:7.1f} ms   smugdesk edit->preview "
            f"{ours['edit_to_preview_median_ms']:6.1f} ms   ReText/smugdesk {ratio:5.1f}x"
        )
        ours["retext_convert_ms"] = convert


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [2000, 20000, 100000]
    app = create_application()
    window = MainWindow(Path(tempfile.mkdtemp()))
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.preview_is_current)
    print(
        f"{EDITS} one-character edits mid-document, then {TYPING_SECONDS:.0f} s of typing at 10/s"
    )
    results = [measure(window, words) for words in sizes]
    compare_with_retext(sizes, results)
    out = os.environ.get("SMUGDESK_BENCH_JSON")
    if out:
        Path(out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    window.editor.document().setModified(False)
    window.close()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # QtWebEngine's teardown at interpreter exit adds nothing to measure


if __name__ == "__main__":
    main()
