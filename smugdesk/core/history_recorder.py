"""The process's history stores (one per drafts folder), and recording every save.

A save never waits for the history: the app's Recorder works in a thread of its own, and a
problem is reported, never raised into a save.

Nothing here imports Qt.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from smugdesk.core.errors import SmugdeskError

if TYPE_CHECKING:
    from smugdesk.core.history import HistoryStore

_stores: dict[Path, HistoryStore] = {}  # most recently used last
_OPEN_STORES = 8  # each open store holds three file handles
_stores_lock = threading.Lock()
_roots: list[Path] = []


def use_drafts(drafts: Path) -> None:
    """Tell the process which drafts folder its posts belong to (the window, the CLI)."""
    drafts = Path(drafts).absolute()
    if drafts not in _roots:
        _roots.insert(0, drafts)


def drafts_for(path: Path) -> Path:
    """The drafts folder whose history holds ``path``: the known folder it is in (trash and
    subfolders included), else the configured one if it is in it, else its own folder."""
    path = Path(path).absolute()
    candidates = list(_roots)
    try:
        from smugdesk.core.config import Settings, drafts_dir

        candidates.append(drafts_dir(None, Settings.load().drafts or None))
    except Exception:  # a broken preference must not cost a version
        pass
    for root in candidates:
        if path.is_relative_to(root):
            return root
    return path.parent


def store_for(path: Path) -> HistoryStore:
    """The (shared) history store of the drafts folder ``path`` belongs to."""
    drafts = drafts_for(path)
    with _stores_lock:
        store = _stores.pop(drafts, None)
        if store is None:
            from smugdesk.core.history import HistoryStore  # it imports this module

            store = HistoryStore.for_drafts(drafts)
        _stores[drafts] = store
        for other in list(_stores.values())[:-_OPEN_STORES]:
            other.close()  # reopens by itself if used again
        return store


def close_all() -> None:
    with _stores_lock:
        for store in _stores.values():
            store.close()
        _stores.clear()


class Recorder:
    """Records versions for the saves of this process. In the app it works in a thread of
    its own, so a save (and typing) never waits for the history: the save pays for putting
    the text on a queue. Problems are reported through ``on_problem``, never raised into a
    save: the file on disk is already safe when the history hears of it."""

    def __init__(self, *, background: bool = False) -> None:
        self.background = background
        self.on_problem: Callable[[str], None] = lambda _message: None
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None

    def submit(
        self,
        path: Path,
        text: str,
        cause: str,
        target: str | None = None,
        when: float | None = None,
    ) -> None:
        item = (Path(path), text, cause, target, time.time() if when is None else when)
        if not self.background:
            self._do(item)
            return
        self.submit_item(item)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                self._do(item)
            finally:
                self._queue.task_done()

    def call_in_order(self, work: Callable[[], None]) -> None:
        """Run ``work`` after the versions submitted so far (in the recorder's thread)."""
        if not self.background:
            self._do(work)
            return
        self.submit_item(work)

    def submit_item(self, item) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="history", daemon=True)
            self._thread.start()
        self._queue.put(item)

    def _do(self, item) -> None:
        if callable(item):
            try:
                item()
            except (SmugdeskError, sqlite3.Error, OSError) as error:
                self.on_problem(f"The history could not follow a change: {error}")
            return
        path, text, cause, target, when = item
        try:
            store = store_for(path)
            store.record(path, text, cause, when=when, target=target)
            notice = store.take_notice()
        except (SmugdeskError, sqlite3.Error, OSError) as error:
            notice = f"A version of {path.name} was not kept in the history: {error}"
        if notice:
            self.on_problem(notice)

    def flush(self) -> None:
        """Wait until every submitted version is recorded."""
        if self.background:
            self._queue.join()


_recorder: Recorder | None = None


def recorder() -> Recorder:
    global _recorder
    if _recorder is None:
        _recorder = Recorder()
    return _recorder


def record(
    path: Path, text: str, cause: str, target: str | None = None, when: float | None = None
) -> None:
    """Record a version through the process's recorder (publish, download, restore…);
    ``when``: the moment the text was seen, if not now."""
    recorder().submit(path, text, cause, target, when)


def moved(old: Path, new: Path) -> None:
    """The app renamed the post at ``old`` to ``new``: its history follows (in order with
    the versions being recorded, the rename's own save among them)."""
    old, new = Path(old).absolute(), Path(new).absolute()
    recorder().call_in_order(lambda: store_for(new).moved(old, new))


def install(*, background: bool = False) -> Recorder:
    """Record a version at every save made through core.store (idempotent)."""
    from smugdesk.core import store

    rec = recorder()
    rec.background = background or rec.background
    store.add_save_listener(_on_save)
    return rec


def _on_save(path: Path, text: str, cause: str) -> None:
    recorder().submit(path, text, cause)
