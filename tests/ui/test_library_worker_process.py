"""The library thread hands a large refresh to another process (so indexing never holds the
window's interpreter lock), relays its progress, cancels it, and leaves no process behind;
a few changed files are still read in the thread."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Qt

from smugdesk.core.index import PostIndex
from smugdesk.ui.library_worker import LibraryWorker, Query


def descendants() -> set[int]:
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as stat:
                    parents[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def indexers() -> set[int]:
    """Descendants running multiprocessing's spawned entry point (not QtWebEngine's)."""
    found = set()
    for pid in descendants():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as command:
                if b"spawn_main" in command.read():
                    found.add(pid)
        except OSError:
            continue
    return found


def posts(drafts: Path, count: int, word: str = "ward") -> None:
    drafts.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (drafts / f"p{number:04d}.md").write_text(
            f"---\ntitle: Post {number}\n---\n{word} {number}\n", encoding="utf-8"
        )


def gone(qtbot, before: set[int]) -> None:
    qtbot.waitUntil(lambda: not (indexers() - before), timeout=20000)


def test_a_large_refresh_runs_in_another_process_and_is_relayed(qtbot, tmp_path):
    drafts = tmp_path / "drafts"
    posts(drafts, 700)
    before = indexers()
    worker = LibraryWorker(drafts)
    seen: dict[str, list] = {"listed": [], "refreshed": [], "progress": [], "children": []}
    worker.listed.connect(seen["listed"].append)
    worker.refreshed.connect(seen["refreshed"].append)

    def progress(done: int, total: int) -> None:
        seen["progress"].append((done, total))
        seen["children"].append(indexers() - before)

    worker.progress.connect(progress)
    try:
        worker.request(Query(1))
        worker.refresh()
        qtbot.waitUntil(lambda: bool(seen["refreshed"]), timeout=60000)
        assert seen["refreshed"][0].added == 700
        assert seen["progress"][-1] == (700, 700)
        assert any(seen["children"])  # the reading and writing ran in other processes
        qtbot.waitUntil(lambda: seen["listed"] and seen["listed"][-1].total == 700)

        # A few changed files: read in the thread, no process started for them.
        posts(drafts, 3, word="night")
        children_before = len(seen["children"])
        worker.refresh()
        qtbot.waitUntil(lambda: len(seen["refreshed"]) == 2, timeout=20000)
        assert seen["refreshed"][1].updated == 3
        assert not any(seen["children"][children_before:])
    finally:
        worker.stop()
    gone(qtbot, before)


def test_cancelling_a_refresh_in_another_process_keeps_what_was_written(qtbot, tmp_path):
    drafts = tmp_path / "drafts"
    posts(drafts, 2000)
    before = indexers()
    worker = LibraryWorker(drafts)
    refreshed, listed = [], []
    worker.refreshed.connect(refreshed.append)
    worker.listed.connect(listed.append)
    # In the library's own thread, at the first progress (a queued call could come after
    # the last chunk on a busy machine).
    worker.progress.connect(
        lambda done, total: worker.cancel() if done < total else None,
        Qt.ConnectionType.DirectConnection,
    )
    try:
        worker.refresh()
        qtbot.waitUntil(lambda: bool(refreshed), timeout=60000)
        assert refreshed[0].cancelled
        gone(qtbot, before)  # the indexer and its pool ended with the cancel
        worker.request(Query(2))
        qtbot.waitUntil(lambda: bool(listed) and listed[-1].query.generation == 2, timeout=10000)
        assert 0 < listed[-1].total < 2000  # the chunks written before the cancel stay
    finally:
        worker.stop()
    gone(qtbot, before)


def test_stopping_the_library_stops_the_indexing_process(qtbot, tmp_path):
    """Closing the window mid-indexing: the thread stops, and the processes with it."""
    drafts = tmp_path / "drafts"
    posts(drafts, 2000)
    before = indexers()
    worker = LibraryWorker(drafts)
    progressed = []
    worker.progress.connect(lambda done, total: progressed.append(done))
    worker.refresh()
    qtbot.waitUntil(lambda: bool(progressed), timeout=60000)
    assert indexers() - before
    began = time.monotonic()
    worker.stop()
    assert time.monotonic() - began < 10
    gone(qtbot, before)
    index = PostIndex(drafts)
    assert len(index) < 2000  # stopped, not left to finish
    index.close()


def test_typing_in_the_window_holds_the_indexing_until_a_pause(
    qtbot, make_window, tmp_path, monkeypatch
):
    """Edit -> preview kept its idle speed only with the indexing held while the writer
    types: each edit of the shown post holds the indexing process's readers, a pause in
    typing lets them go on, and the library ends complete."""
    from smugdesk.core import index_pool
    from smugdesk.ui import library_worker

    calls: list[str] = []

    class Recorded(index_pool.BackgroundRefresh):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.hold()  # from its start, so that it is still running when the test types
            calls.append("start")

        def hold(self) -> None:
            calls.append("hold")
            super().hold()

        def go_on(self) -> None:
            calls.append("go on")
            super().go_on()

    monkeypatch.setattr(index_pool, "BackgroundRefresh", Recorded)
    monkeypatch.setattr(index_pool, "POOL_MIN", 0)
    monkeypatch.setattr(library_worker, "TYPING_PAUSE_MS", 300)
    drafts = tmp_path / "drafts"
    posts(drafts, 40)
    window = make_window(drafts)
    window.finish_start()
    qtbot.waitUntil(lambda: "start" in calls, timeout=10000)
    assert window.library_worker._job is not None  # held, so still under way
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "ward")
    assert calls.count("hold") >= 2  # its own start, then the typing
    assert "go on" not in calls
    qtbot.waitUntil(lambda: "go on" in calls, timeout=5000)
    qtbot.waitUntil(lambda: window.library_worker._job is None, timeout=20000)
    model = window.library.model
    qtbot.waitUntil(lambda: model.rowCount() == 40, timeout=10000)
