"""Reading posts for the index in other processes, so that indexing a large folder neither
takes one core's time nor slows the window's typing.

Reading a post (its bytes, its front matter, counting its words, packing its text) is the
CPU part of indexing; it runs in a pool of worker processes, one per core, and the results
come back in the folder's order to the one process that writes them. The app itself starts
that writer as another process (``BackgroundRefresh``), so nothing of a cold index runs under
the window's interpreter lock.

Processes are started with 'spawn', never 'fork': the app has Qt threads, and a forked copy
of them can deadlock. They are started only when there are enough posts to read to repay
their start (about 0.2 s each), and always stopped when the work ends or is cancelled.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import types
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from smugdesk.core.library_scan import Entry, read_entry
from smugdesk.core.library_view import entry_json, entry_line

POOL_MIN = 300  # posts to read before worker processes repay their start
CHUNK = 200  # posts a worker reads per task, and the writer stores per transaction
_NICENESS = 19  # the app's indexing process and its pool: the lowest, below the window
_HELD_SECONDS = 0.25  # while the readers are held back, the writer commits this often
_go: Any = None  # in a pool worker: the shared flag it waits for before each post
_stop: Any = None  # in a pool worker: set when what is left is to be skipped (a cancel)
_END_SECONDS = 5.0  # for the workers to skip what is left and end, before they are killed
# A held reader looks at the flag this often. A flag, not a multiprocessing Event: a worker
# terminated inside the Event's lock would leave it locked, and the app's next go_on or
# cancel waiting on it forever.
_HELD_POLL = 0.02

Item = tuple[str, int, int]  # path, size, mtime_ns (from the walk's stat)
# What the writer stores for one post: its row (the listing's columns, then its line in
# `smugdesk list` and its JSON for scripts), the four texts of its full-text entry, and the
# text packed with zlib (kept to remove the entry exactly later, and to cut snippets).
Prepared = tuple[tuple, tuple[str, str, str, str], bytes]


def prepare(entry: Entry, body: str, drafts: Path) -> Prepared:
    row = (
        entry.file,
        entry.title,
        entry.slug,
        entry.date,
        entry.status,
        join_lines(entry.tags),
        join_lines(entry.categories),
        entry.summary,
        entry.words,
        entry.edited_ns,
        entry.size,
        entry.problem,
    )
    # The JSON of the entry as the index gives it back (a tag of "" or with a line break in
    # it reads back otherwise), as a listing from the row always was.
    tags, categories = split_lines(row[5]), split_lines(row[6])
    if tags != entry.tags or categories != entry.categories:
        entry = dataclasses.replace(entry, tags=tags, categories=categories)
    row += (entry_line(entry, drafts), json.dumps(entry_json(entry, drafts)))
    texts = (entry.title, " ".join(entry.tags), " ".join(entry.categories), body)
    return row, texts, pack(body)


def pack(text: str) -> bytes:
    # Level 1: a third of level 6's time for a few percent more bytes.
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpack(data: bytes | None) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass") if data else ""


def join_lines(items: tuple[str, ...]) -> str:
    """Tags are stored as "\\ntag1\\ntag2\\n" so a LIKE can match one whole tag."""
    return "\n" + "\n".join(items) + "\n" if items else ""


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(item for item in text.split("\n") if item) if text else ()


def read_chunk(job: tuple[str, list[Item]]) -> list[Prepared]:
    """One task of a worker: read_entry for each file (it never raises, and keeps every
    guarantee against hostile files: FIFOs, huge files, links out of the folder). In a pool
    worker, each post first waits while the writer is typing (see read_posts)."""
    root, items = job
    folder = Path(root)
    real_folders: dict[str, str] = {}  # for this task only: a folder may be relinked later
    prepared: list[Prepared] = []
    for path, size, mtime in items:
        while _go is not None and not _go.value and not _stop.value:
            time.sleep(_HELD_POLL)
        if _stop is not None and _stop.value:
            return []  # nobody reads it any more
        prepared.append(prepare(*read_entry(Path(path), size, mtime, folder, real_folders), folder))
    return prepared


def read_posts(
    items: list[Item], root: Path, workers: int | None = None, go: Any = None
) -> Iterator[list[Prepared]]:
    """The prepared posts, a chunk at a time, in the order of ``items``. Closing the
    iterator early (a cancel) stops the workers at once.

    ``go``: a shared flag (``RawValue``) the app sets to 0 while the writer types and to 1
    at a pause: meanwhile the readers stop between two posts, and an empty chunk comes at
    once and then every _HELD_SECONDS, so that the writer commits and a save from the app is
    not kept waiting on the index."""
    jobs = [(str(root), items[start : start + CHUNK]) for start in range(0, len(items), CHUNK)]
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(items) < POOL_MIN or len(jobs) < 2:
        for job in jobs:
            while go is not None and not go.value:
                yield []
                time.sleep(_HELD_SECONDS)
            yield read_chunk(job)
        return
    context = multiprocessing.get_context("spawn")
    parent = os.getpid()
    stop = context.RawValue("b", 0)
    with main_not_rerun():
        pool = context.Pool(min(workers, len(jobs)), _start_worker, (parent, go, stop))
    chunks = pool.imap(read_chunk, jobs)
    try:
        if go is None:
            yield from chunks
            return
        while True:
            try:
                yield chunks.next(_HELD_SECONDS)
            except multiprocessing.TimeoutError:
                yield []
            except StopIteration:
                return
    finally:
        _end_pool(pool, chunks, stop)


def _end_pool(pool: Any, chunks: Any, stop: Any) -> None:
    """End the workers without killing one in the middle of a task. Pool.terminate() kills
    them wherever they are, and one killed while sending its result keeps the results
    queue's lock, which the pool's own threads then wait for forever (a cancel that never
    came back, seen once in the suite). So the workers are told to skip what is left, the
    rest comes back empty at once, and they end on their own; killed only if they do not
    within _END_SECONDS (one stuck in a read, holding no lock of the pool's)."""
    stop.value = 1
    deadline = time.monotonic() + _END_SECONDS
    try:
        while True:
            chunks.next(max(0.0, deadline - time.monotonic()))
    except StopIteration:
        pool.close()
        pool.join()
        return
    except multiprocessing.TimeoutError:
        pass
    pool.terminate()


@contextlib.contextmanager
def main_not_rerun() -> Iterator[None]:
    """Start workers without running the program's main script again in each: spawn does
    that (for what a task may need from it), and the workers need nothing of it. A script
    without an ``if __name__ == "__main__"`` guard would otherwise index again in every
    worker, each starting a pool of its own; a GUI script would load Qt for nothing.

    One thread at a time: two threads swapping at once could leave the stand-in in place
    for good (the second keeps the first's stand-in as "the" main and puts it back last)."""
    with _MAIN_SWAP:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


_MAIN_SWAP = threading.Lock()


def _start_worker(parent: int, go: Any, stop: Any) -> None:
    global _go, _stop
    _go, _stop = go, stop
    _watch_parent(parent)


def _watch_parent(parent: int) -> None:
    """In each worker: end when the process that started it is gone (killed outright, it
    could not stop its pool), instead of waiting for tasks forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="smugdesk-parent-watch", daemon=True).start()


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ----- the writer in its own process, for the app --------------------------------------------
class BackgroundRefresh:
    """``PostIndex.refresh`` in another process (which reads with its own pool): progress,
    the outcome and a cancel go through a pipe. If the app goes away, the pipe closes and the
    refresh stops after the batch it is writing."""

    def __init__(self, drafts: Path, db_path: Path, workers: int | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        self._go = context.RawValue("b", 1)  # see read_posts
        self.process = context.Process(
            target=_refresh_in_child,
            args=(str(drafts), str(db_path), child, workers, self._go),
            name="smugdesk-indexer",
        )
        self.process.start()
        child.close()
        self._cancelled = False

    def receive(self, timeout: float) -> list[tuple]:
        """What the refresh said since the last call, waiting up to ``timeout`` for the first:
        ("progress", done, total), ("done", RefreshStats) or ("failed", message)."""
        found: list[tuple] = []
        try:
            if self._pipe.poll(timeout):
                while self._pipe.poll():
                    found.append(self._pipe.recv())
        except (EOFError, OSError):
            if not any(message[0] in ("done", "failed") for message in found):
                found.append(("failed", "the indexing process stopped unexpectedly"))
        return found

    def hold(self) -> None:
        """The writer is typing: the readers stop between two posts and the writer commits
        what it has (read_posts), until ``go_on``. Even at the lowest priority, two
        readers and a writer on two cores slowed the preview by a fifth to a third."""
        self._go.value = 0

    def go_on(self) -> None:
        self._go.value = 1

    def cancel(self) -> None:
        self._go.value = 1  # a held refresh must see the cancel, not wait
        if not self._cancelled:
            self._cancelled = True
            with contextlib.suppress(OSError):
                self._pipe.send("cancel")

    def close(self, timeout: float = 10.0) -> None:
        """Cancel if still running, and wait for the process (and so its pool) to end."""
        self.cancel()
        self.process.join(timeout)
        if self.process.is_alive():  # SIGTERM: it leaves through its pool's clean-up
            self.process.terminate()
            self.process.join(5)
        self._pipe.close()


def _refresh_in_child(
    drafts: str, db_path: str, pipe: Any, workers: int | None, go: Any = None
) -> None:
    from smugdesk.core.index import PostIndex

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # unwinds, so the pool is ended
    # Below the app's priority (its workers inherit it): on two cores the writer and two
    # readers would otherwise take CPU time from the preview as an equal.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(_NICENESS)
    stop = [False]

    def cancelled() -> bool:
        try:
            while not stop[0] and pipe.poll():
                pipe.recv()
                stop[0] = True
        except (EOFError, OSError):  # the app is gone: nobody wants the rest
            stop[0] = True
        return stop[0]

    def progress(done: int, total: int) -> None:
        with contextlib.suppress(OSError):
            pipe.send(("progress", done, total))

    try:
        index = PostIndex(Path(drafts), Path(db_path))
        try:
            stats = index.refresh(progress, cancelled, workers=workers, go=go)
        finally:
            index.close()
        outcome: tuple = ("done", stats)
    except Exception as error:  # reported to the app, which shows it
        outcome = ("failed", f"the library could not be indexed: {error}")
    with contextlib.suppress(OSError):
        pipe.send(outcome)
    pipe.close()
