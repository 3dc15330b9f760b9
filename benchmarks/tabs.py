"""Ten posts open in tabs, one of them 100,000 words: memory and edit-to-preview speed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/tabs.py

Prints, for the real window (offscreen):
- resident memory (VmRSS summed over this process and QtWebEngine's) with one post open,
  then with ten (nine of 2,000 words and one of 100,000);
- edit to preview (median and 95th percentile of one-character edits, each timed to the
  page's own callback) in a 2,000-word post alone, then the same post with nine other tabs
  open: hidden tabs do no preview work, so the figures should match;
- the same in the 100,000-word tab;
- switching tabs: from the switch to the preview showing the other post.
SMUGDESK_BENCH_JSON=FILE also writes the figures as JSON.
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
_scratch = Path(tempfile.mkdtemp(prefix="smugdesk-bench-tabs-"))
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ.setdefault(_name, str(_scratch / _name.lower()))

from memory import _children  # noqa: E402
from preview_latency import percentile, wait_for_preview, wait_until  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from sample_docs import document  # noqa: E402

from smugdesk.ui.application import create_application  # noqa: E402
from smugdesk.ui.main_window import MainWindow  # noqa: E402

EDITS = 30
PAUSE_MS = 150  # between edits: a writer's pace
SMALL, LARGE, TABS = 2000, 100_000, 10


def rss_mb() -> tuple[float, int]:
    """(resident memory now in MB, processes) for this process and its descendants."""
    pending, total, count = [os.getpid()], 0, 0
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
                count += 1
        pending.extend(_children(pid))
    return total / 1024, count


def settle(ms: int = 1500) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def edits(window: MainWindow) -> dict:
    """One-character edits in the middle of the shown post, at a writer's pace."""
    middle = len(window.editor.toPlainText()) // 2
    times = []
    for _ in range(EDITS):
        settle(PAUSE_MS)
        cursor = window.editor.textCursor()
        cursor.setPosition(middle)
        window.editor.setTextCursor(cursor)
        start = time.perf_counter()
        window.editor.textCursor().insertText("x")
        wait_for_preview(window)
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(times), "p95_ms": percentile(times, 0.95)}


def switch(window: MainWindow, document) -> float:
    start = time.perf_counter()
    window.show_tab(document)
    wait_for_preview(window, timeout=120)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    drafts = _scratch / "drafts"
    drafts.mkdir()
    paths = []
    for index in range(TABS):
        words = LARGE if index == TABS - 1 else SMALL
        path = drafts / f"post-{index}.md"
        body = document(words, seed=index + 1)
        path.write_text(f"---\ntitle: Post {index}\n---\n\n{body}", encoding="utf-8")
        paths.append(path)

    app = create_application()
    window = MainWindow(drafts)
    window.resize(1280, 800)
    window.show()
    window.open_path(paths[0])
    wait_until(lambda: window.preview_is_current)
    settle()
    figures: dict = {}
    figures["rss_one_post_mb"], processes = rss_mb()
    figures["edit_alone"] = edits(window)

    for path in paths[1:]:
        window.open_path(path)
        wait_for_preview(window, timeout=120)
    large = window.document
    settle()
    figures["rss_ten_posts_mb"], processes = rss_mb()
    figures["processes"] = processes
    figures["switch_to_small_ms"] = switch(window, window.documents[0])
    settle()
    figures["edit_with_nine_hidden"] = edits(window)
    figures["switch_to_large_ms"] = switch(window, large)
    settle()
    figures["edit_large"] = edits(window)
    settle()
    figures["rss_after_switching_mb"], _ = rss_mb()

    print(f"{TABS} posts open ({TABS - 1} of {SMALL:,} words, one of {LARGE:,})")
    print(
        f"memory (VmRSS, {figures['processes']} processes): one post "
        f"{figures['rss_one_post_mb']:.0f} MB, ten posts {figures['rss_ten_posts_mb']:.0f} MB, "
        f"after switching {figures['rss_after_switching_mb']:.0f} MB"
    )
    for label, key in (
        (f"{SMALL:,} words, alone", "edit_alone"),
        (f"{SMALL:,} words, nine tabs hidden", "edit_with_nine_hidden"),
        (f"{LARGE:,} words, nine tabs hidden", "edit_large"),
    ):
        row = figures[key]
        print(
            f"edit->preview {label:<34} median {row['median_ms']:6.1f} ms  "
            f"p95 {row['p95_ms']:6.1f} ms"
        )
    print(
        f"switch to a {SMALL:,}-word tab {figures['switch_to_small_ms']:.0f} ms, "
        f"to the {LARGE:,}-word tab {figures['switch_to_large_ms']:.0f} ms (to its preview shown)"
    )
    out = os.environ.get("SMUGDESK_BENCH_JSON")
    if out:
        Path(out).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    for document_open in window.documents:
        document_open.set_modified(False)
    window.close()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)  # QtWebEngine's teardown at interpreter exit adds nothing to measure


if __name__ == "__main__":
    main()
