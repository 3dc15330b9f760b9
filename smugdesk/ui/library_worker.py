"""The library's index, worked off the UI thread: refreshes, lists and searches.

The thread owns the SQLite connection. Only the newest list/search request is answered (a
fast typist's older queries are dropped), and a refresh reports progress and can be cancelled.

A refresh with many files to read (a first start, a cleared cache, a folder synced in) runs
in another process with its own pool of readers (core.index_pool): in this process it would
share the interpreter lock with the preview's render thread and slow typing. Meanwhile this
thread keeps answering lists and searches from what is already written, and saves.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:  # imported by the thread: SQLite and the index are not needed to paint
    from smugdesk.core.index import PostIndex, RefreshStats

_POLL = 0.1  # seconds between looks at requests while another process indexes
# Another process's indexing waits while the writer types, and goes on after this pause.
TYPING_PAUSE_MS = 1000


@dataclass(frozen=True)
class Query:
    generation: int
    text: str = ""
    sort: str = "date"
    status: str | None = None
    tag: str | None = None


@dataclass(frozen=True)
class Listing:
    query: Query
    entries: list
    tags: list[str]
    total: int  # posts in the library, whatever the filters


class LibraryWorker(QObject):
    listed = Signal(object)  # Listing
    # A post the app saved, as the index has it now (None: gone), when the list shown is
    # not a search: the pane updates its row in place, or asks for the list again if the
    # post moves or appears (a new list of 50,000 posts costs the window half a second).
    saved = Signal(object, object)  # Path, Entry | None
    progress = Signal(int, int)  # files indexed, files to index
    refreshed = Signal(object)  # RefreshStats
    failed = Signal(str)

    def __init__(self, drafts: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drafts = Path(drafts)
        self._condition = threading.Condition()
        self._query: Query | None = None
        self._refresh = False
        self._updates: list[Path] = []
        self._cancel = threading.Event()
        self._stopping = False
        self._last = Query(0)
        self._job = None  # the BackgroundRefresh under way, if any
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._go_on)
        self._thread = threading.Thread(target=self._run, name="smugdesk-library", daemon=True)
        self._thread.start()

    # ----- called from the UI thread ---------------------------------------------------------
    def request(self, query: Query) -> None:
        with self._condition:
            self._query = query
            self._condition.notify()

    def refresh(self) -> None:
        """Re-read whatever changed in the drafts folder, then answer the last query again."""
        with self._condition:
            self._refresh = True
            self._cancel.clear()
            self._condition.notify()

    def file_saved(self, path: Path) -> None:
        with self._condition:
            self._updates.append(Path(path))
            self._condition.notify()

    def typing(self) -> None:
        """The writer typed: an indexing in another process holds back its readers until
        a pause in typing (TYPING_PAUSE_MS), so that the preview keeps its idle speed."""
        job = self._job
        if job is not None:
            job.hold()
            self._typing.start()

    def _go_on(self) -> None:
        job = self._job
        if job is not None:
            job.go_on()

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._cancel.set()
            self._condition.notify()
        self._thread.join(timeout=5)

    # ----- the thread ------------------------------------------------------------------
    def _run(self) -> None:
        from smugdesk.core.index import PostIndex

        try:
            index = PostIndex(self.drafts)
        except Exception as error:  # an unwritable cache folder must not kill the window
            self.failed.emit(f"the library index cannot be opened: {error}")
            return
        try:
            self._serve(index)
        finally:
            index.close()

    def _serve(self, index: PostIndex) -> None:
        while True:
            with self._condition:
                while not (self._query or self._refresh or self._updates or self._stopping):
                    self._condition.wait()
                if self._stopping:
                    return
                query, self._query = self._query, None
                refresh, self._refresh = self._refresh, False
                updates, self._updates = self._updates, []
            try:
                for path in updates:
                    index.update_file(path)
                if query is not None:
                    self._last = query
                    self._answer(index, query)  # the list first, from what is known
                changed = False
                if refresh:
                    stats = self._refresh_index(index)
                    self.refreshed.emit(stats)
                    changed = stats.changed or stats.cancelled
                if changed:
                    self._answer(index, self._last)
                elif updates and query is None:
                    self._tell_saved(index, updates)
            except Exception as error:  # reported, and the thread serves the next request
                self.failed.emit(str(error))

    def _tell_saved(self, index: PostIndex, paths: list[Path]) -> None:
        """After saves: a search is asked again (the words found may have changed); a list
        gets each saved post alone."""
        if self._last.text.strip():
            self._answer(index, self._last)
            return
        for path in paths:
            self.saved.emit(path, index.entry(path))

    def _refresh_index(self, index: PostIndex) -> RefreshStats:
        from smugdesk.core.index_pool import POOL_MIN

        changes = index.changes()
        if len(changes.stale) < POOL_MIN:  # a few files: not worth a process
            return index.apply(changes, self._progress_reporter(index), self._cancel.is_set, 1)
        return self._refresh_elsewhere(index)

    def _refresh_elsewhere(self, index: PostIndex) -> RefreshStats:
        from smugdesk.core.index import RefreshStats
        from smugdesk.core.index_pool import BackgroundRefresh

        report = self._progress_reporter(index)
        job = self._job = BackgroundRefresh(index.drafts, index.db_path)
        try:
            while True:
                if self._cancel.is_set():
                    job.cancel()
                for message in job.receive(_POLL):
                    if message[0] == "progress":
                        report(message[1], message[2])
                    elif message[0] == "done":
                        return message[1]
                    else:
                        self.failed.emit(message[1])
                        return RefreshStats(cancelled=True)
                self._serve_meanwhile(index)
        finally:
            self._job = None
            job.close()

    def _serve_meanwhile(self, index: PostIndex) -> None:
        """Saves and the newest list or search, while the other process writes."""
        with self._condition:
            query, self._query = self._query, None
            updates, self._updates = self._updates, []
        for path in updates:
            index.update_file(path)
        if query is not None:
            self._last = query
            self._answer(index, query)
        elif updates:
            self._tell_saved(index, updates)

    def _progress_reporter(self, index: PostIndex):
        """Progress for the bar, and during a long first indexing the list so far, so the
        writer can already open a post: after a second, then less and less often (every
        time twice the wait, and at least 50 times what the last list cost). Listing
        thousands of posts holds this process's interpreter lock, and the window's model
        and view take as long again: once a second it would slow typing as indexing did."""
        wait = [1.0]
        due = [time.monotonic() + wait[0]]

        def report(done: int, total: int) -> None:
            self.progress.emit(done, total)
            began = time.monotonic()
            if done < total and began >= due[0]:
                self._answer(index, self._last)
                spent = time.monotonic() - began
                wait[0] = max(2 * wait[0], 50 * spent)
                due[0] = time.monotonic() + wait[0]

        return report

    def _answer(self, index: PostIndex, query: Query) -> None:
        if query.text.strip():
            entries = index.search(query.text, "relevance", query.status, query.tag)
        else:
            entries = index.entries(query.sort, query.status, query.tag)
        self.listed.emit(Listing(query, entries, index.tags(), len(index)))


__all__ = ["LibraryWorker", "Listing", "Query"]
