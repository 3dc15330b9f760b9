"""Opening a long post: how soon the preview shows what is on screen, and how soon all of it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/first_preview.py [RUNS] [WORDS]

In the real window (offscreen), a post of WORDS words (default 100,000) is opened with
``open_path``, at its top (a new open) and at its middle (a remembered place: the editor is
scrolled there before the render, as a restored session is). Timed from the open call:
- first preview: the page's own callback for the first update of the post (a slice around
  the editor's place, or the whole post when it comes in one piece);
- whole preview: the page's callback for the update that completes it;
and the CPU time of this process (the render thread and the UI thread) and of QtWebEngine's
processes over the same stretch. Each run opens a new document (another seed: nothing is
cached). "whole" runs render the first preview in one piece, as before issue 22 (the worker's
slices turned off); "sliced" runs are today's; the two alternate, so both see the same load.
SMUGDESK_BENCH_JSON=FILE also writes the runs as JSON.
"""

from __future__ import annotations

import json
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
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))

from PySide6.QtCore import QEvent, QEventLoop, QPoint, QTimer
from PySide6.QtWidgets import QApplication
from sample_docs import document

from smugdesk.ui import render_worker
from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow
from smugdesk.ui.preview import WORLD


def wait_until(condition, timeout: float = 120.0) -> None:
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not catch up")
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def cpu_of_tree() -> tuple[float, float]:
    """(CPU seconds of this process, of its child processes: QtWebEngine's)."""
    tick = os.sysconf("SC_CLK_TCK")
    own = time.process_time()
    children = 0.0
    pending = [os.getpid()]
    seen = set()
    while pending:
        pid = pending.pop()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) in seen:
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                seen.add(int(entry.name))
                pending.append(int(entry.name))
                children += (int(fields[11]) + int(fields[12])) / tick
    return own, children


def laid_out(window: MainWindow) -> None:
    """Wait until Chromium has laid the page out (a script reading its height forces it)."""
    box: list = []
    window.preview.page().runJavaScript(
        "document.documentElement.scrollHeight", WORLD, lambda value: box.append(value)
    )
    wait_until(lambda: bool(box))


def open_once(folder: Path, words: int, seed: int, middle: bool) -> dict:
    window = MainWindow(folder)
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.preview_is_current)  # a new window: nothing cached
    path = folder / f"post-{seed}-{'middle' if middle else 'top'}.md"
    text = document(words, seed=seed)
    path.write_text(f"---\ntitle: Run {seed}\n---\n{text}", encoding="utf-8")
    marks: dict = {}
    generation = [None]

    def first(gen: int) -> None:
        if generation[0] is not None and gen >= generation[0]:
            marks.setdefault("first_s", time.perf_counter())

    def whole(gen: int) -> None:
        first(gen)
        if generation[0] is not None and gen >= generation[0]:
            marks.setdefault("whole_s", time.perf_counter())

    worker = window.worker
    submit = worker.submit
    line = [0]

    def submit_here(gen: int, text: str, focus_line: int = 0) -> None:
        # Where the editor is, as the window passes it (render_worker.submit's focus_line).
        if generation[0] is None and len(text) > 1000:  # the post (not an emptied editor)
            generation[0] = gen
            marks["submit_s"] = time.perf_counter()
        submit(gen, text, focus_line=focus_line or line[0])

    worker.submit = submit_here
    window.preview.partly_shown.connect(first)
    window.preview.shown.connect(whole)
    start = time.perf_counter()
    cpu = cpu_of_tree()
    if middle:
        # The remembered place is restored before the first render (a session's start).
        window.feed.started = False
        window.open_path(path)
        cursor = window.editor.textCursor()
        cursor.setPosition(len(window.editor.toPlainText()) // 2)
        window.editor.setTextCursor(cursor)
        window.editor.centerCursor()
        line[0] = window.editor.cursorForPosition(QPoint(0, 0)).blockNumber()
        window.feed.start()
    else:
        window.open_path(path)
    wait_until(lambda: "whole_s" in marks)
    laid_out(window)
    marks["laid_out_s"] = time.perf_counter()
    cpu_after = cpu_of_tree()
    worker.submit = submit
    window.editor.document().setModified(False)
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {
        "editor_s": marks["submit_s"] - start,  # the window's own load, before any render
        "first_s": marks["first_s"] - start,
        "whole_s": marks["whole_s"] - start,
        "laid_out_s": marks["laid_out_s"] - start,
        "submit_to_first_s": marks["first_s"] - marks["submit_s"],
        "cpu_app_s": cpu_after[0] - cpu[0],
        "cpu_webengine_s": cpu_after[1] - cpu[1],
    }


def set_mode(mode: str) -> None:
    if mode == "whole":
        render_worker.FIRST_SLICE = render_worker.FILL_SLICE = None
    else:
        render_worker.FIRST_SLICE, render_worker.FILL_SLICE = SLICES


SLICES = (render_worker.FIRST_SLICE, render_worker.FILL_SLICE)


KEYS = ("editor_s", "submit_to_first_s", "first_s", "whole_s", "laid_out_s", "cpu_app_s",
        "cpu_webengine_s")  # fmt: skip


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    words = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    app = create_application()
    folder = Path(tempfile.mkdtemp(prefix="smugdesk-first-"))
    rows = []
    seed = 100
    for run in range(runs):
        for mode in ("whole", "sliced"):
            for middle in (False, True):
                set_mode(mode)
                seed += 1
                row = open_once(folder, words, seed, middle)
                row.update(run=run, mode=mode, place="middle" if middle else "top")
                rows.append(row)
                print(
                    f"run {run} {mode:6} {row['place']:6}  editor {row['editor_s']:5.2f} s"
                    f"  first preview {row['first_s']:5.2f} s (render asked +"
                    f"{row['submit_to_first_s']:5.2f} s)  whole {row['whole_s']:5.2f} s"
                    f"  laid out {row['laid_out_s']:5.2f} s  CPU app {row['cpu_app_s']:5.2f} s"
                    f"  web {row['cpu_webengine_s']:5.2f} s  (load {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
    print(f"{words:,} words, medians over {runs} runs (seconds from the open call):")
    for mode in ("whole", "sliced"):
        for place in ("top", "middle"):
            mine = [r for r in rows if r["mode"] == mode and r["place"] == place]
            median = {k: statistics.median(r[k] for r in mine) for k in KEYS}
            print(
                f"  {mode:6} {place:6} editor {median['editor_s']:5.2f}  first "
                f"{median['first_s']:5.2f} (render asked +{median['submit_to_first_s']:5.2f})"
                f"  whole {median['whole_s']:5.2f}  laid out {median['laid_out_s']:5.2f}"
                f"  CPU app {median['cpu_app_s']:5.2f}  web {median['cpu_webengine_s']:5.2f}"
            )
    out = os.environ.get("SMUGDESK_BENCH_JSON")
    if out:
        Path(out).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
