"""Ranking a search's matches on two cores at once, for a large library.

Ranking best match first scores every match with FTS5's bm25 (about a microsecond a match,
most of it reading each post's length): 45–55 ms for a word in 45,000 of 50,000 posts, on
one core while the other waits. The posts are cut in two halves by id; one half is ranked
here, the other by a helper process with its own connection, and the best of both are
merged. bm25 takes its counts from the whole index whatever the rowids asked for, so each
post scores exactly as in one query, and the best of the halves hold the best of the whole.

A process, not a thread: two connections in one process ranked at 1.4× the CPU time of
one (SQLite's allocator and its statistics are shared under one lock), which ate most of
the gain. The helper is started at the first search that needs it, answers on a pipe,
and ends with the index, or by itself when the pipe closes (the app gone).

Both halves must read the same index: if the app's indexing commits while they run, the
ranking is done again in one piece; so it is if the helper is gone.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

SPLIT_FROM = 8000  # ids from first to last below which one query is quicker than two
BM25 = "bm25(posts_fts, 10.0, 5.0, 5.0, 1.0)"  # a title match weighs ten body matches
_RANKED = (
    f"SELECT rowid, {BM25} AS score FROM posts_fts WHERE posts_fts MATCH ?{{within}}"
    " ORDER BY score LIMIT ?"
)
_WHOLE = _RANKED.format(within="")
_HALF = _RANKED.format(within=" AND rowid BETWEEN ? AND ?")
_ANSWER_SECONDS = 30.0  # a helper silent this long is taken for stuck

Ranked = list[tuple[int, float]]


class Ranker:
    """The ``wanted`` best (rowid, score) pairs of a match, best (lowest) first. Posts with
    equal scores come in no set order, as from one query: callers settle ties.

    ``split``: whether a large index is ranked in two halves (two cores or more, and a
    process that searches more than once: a helper costs about 0.1 s to start)."""

    def __init__(self, db_path: Path, split: bool) -> None:
        self._db_path = db_path
        self._split = split
        self._helper: Any = None  # the pipe's end and the process
        self._process: Any = None

    def ranked(self, db: sqlite3.Connection, match: str, wanted: int) -> Ranked:
        first, last = db.execute("SELECT min(id), max(id) FROM posts").fetchone()
        if not self._split or first is None or last - first < SPLIT_FROM or not self._start():
            return db.execute(_WHOLE, (match, wanted)).fetchall()
        middle = (first + last) // 2
        (before,) = db.execute("PRAGMA data_version").fetchone()
        theirs = None
        try:
            self._helper.send((match, middle + 1, last, wanted))
            try:
                mine = db.execute(_HALF, (match, first, middle, wanted)).fetchall()
            finally:
                theirs = self._answer()  # always read, so the next question gets its own
        except OSError:
            self.close()
        (after,) = db.execute("PRAGMA data_version").fetchone()
        if not isinstance(theirs, list) or after != before:
            # The helper is gone or failed, or a commit came between the halves' reads.
            return db.execute(_WHOLE, (match, wanted)).fetchall()
        return sorted(mine + theirs, key=lambda pair: pair[1])[:wanted]

    def close(self) -> None:
        if self._helper is not None:
            with contextlib.suppress(OSError):
                self._helper.send(None)
            self._helper.close()
            self._process.join(5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._helper = self._process = None

    def _start(self) -> bool:
        if self._helper is not None:
            return True
        from smugdesk.core.index_pool import main_not_rerun  # the parent's side only

        context = multiprocessing.get_context("spawn")  # never fork the app's Qt threads
        self._helper, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(str(self._db_path), theirs), name="smugdesk-rank", daemon=True
        )
        try:
            with main_not_rerun():
                self._process.start()
        except OSError:
            self._helper = self._process = None
            self._split = False
            return False
        finally:
            theirs.close()
        return True

    def _answer(self) -> Ranked | str | None:
        """The helper's half, its error's text, or None if it does not answer."""
        try:
            if self._helper.poll(_ANSWER_SECONDS):
                return self._helper.recv()
        except (EOFError, OSError):
            pass
        self.close()
        return None


def _serve(db_path: str, pipe: Any) -> None:
    """The helper: rank the halves it is asked for until told to stop or the pipe closes."""
    db = sqlite3.connect(db_path, isolation_level=None, timeout=30)
    try:
        while True:
            try:
                question = pipe.recv()
            except (EOFError, OSError):
                return
            if question is None:
                return
            try:
                answer: Ranked | str = db.execute(_HALF, question).fetchall()
            except sqlite3.Error as error:
                answer = str(error)
            pipe.send(answer)
    finally:
        db.close()
