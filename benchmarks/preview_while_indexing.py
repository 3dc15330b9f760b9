"""Edit-to-preview latency while the library indexes a large folder, beside the same window
with nothing to index, in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/preview_while_indexing.py FOLDER \\
        [WORDS ...]

FOLDER is a generated library (``library_index.py 50000 --folder FOLDER`` makes one). For
each document size (default 2,000 and 100,000 words) it measures preview_latency.py's
figures twice: in a window on an empty drafts folder (idle), then in a window on FOLDER with
an empty cache, starting as soon as the library reports indexing progress; and says whether
the indexing was still running when the measurement ended (if not, the figure is partly
idle and says so), and the CPU time the window's own process used a second meanwhile.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from preview_latency import measure, wait_until  # sets the offscreen platform and sandbox

from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow


def measured(window: MainWindow, words: int) -> None:
    """preview_latency's figures, and the CPU time this (the window's) process took per
    second meanwhile: what the machine's other load does not change."""
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    began = time.perf_counter()
    measure(window, words)
    after = resource.getrusage(resource.RUSAGE_SELF)
    used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    rate = used / (time.perf_counter() - began)
    print(f"  the window's process used {rate:.2f} s of CPU a second")


def window_on(drafts: Path) -> MainWindow:
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="smugdesk-bench-cache-")
    window = MainWindow(drafts)
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.preview_is_current)
    return window


def close(app, window: MainWindow) -> None:
    window.editor.document().setModified(False)
    window.close()
    if window.library_worker is not None:
        window.library_worker.stop()
    window.deleteLater()
    app.processEvents()


def while_indexing(app, folder: Path, words: int) -> None:
    print(f"while indexing {folder} from an empty cache, {words:,} words:", flush=True)
    window = window_on(folder)
    state = {"progress": (0, 0), "done": False}
    wait_until(lambda: window.library_worker is not None, timeout=60)
    worker = window.library_worker
    worker.progress.connect(lambda done, total: state.update(progress=(done, total)))
    worker.refreshed.connect(lambda _stats: state.update(done=True))
    wait_until(lambda: state["progress"][0] > 0, timeout=300)
    began = state["progress"]
    measured(window, words)
    ended = state["progress"]
    print(
        f"  indexing: {began[0]:,} of {began[1]:,} posts at the start, {ended[0]:,} at the"
        f" end{'; it FINISHED during the measurement' if state['done'] else ', still running'}",
        flush=True,
    )
    close(app, window)


def main() -> None:
    folder = Path(sys.argv[1])
    sizes = [int(arg) for arg in sys.argv[2:]] or [2000, 100000]
    app = create_application()
    for words in sizes:
        print(f"idle (empty drafts folder), {words:,} words:", flush=True)
        window = window_on(Path(tempfile.mkdtemp()))
        measured(window, words)
        close(app, window)

        while_indexing(app, folder, words)
    sys.stdout.flush()
    os._exit(0)  # QtWebEngine's teardown at interpreter exit adds nothing to measure


if __name__ == "__main__":
    main()
