"""Ranking a search's matches on several cores at once, for a large library.

Ranking best match first scores every match with FTS5's bm25: about a microsecond a match
(walking the word's places in the post, and reading the post's length), after a count of
the matches over the whole index for the word's weight. The posts are cut into parts by id,
one a core up to four, and as many helper processes rank a part each, with connections of
their own; the best of all are merged. bm25 takes its counts from the whole index whatever
the rowids asked for, so each post scores exactly as in one query, and the best of the
parts hold the best of the whole. The app's process waits meanwhile: on two cores, a third
ranking process slows the other two.

The helpers rank with APSW's SQLite, where it is installed: a current SQLite, built with
its lookaside allocator, scores a third faster than the one Python links on Debian 12
(3.40.1, built without it). The app's own process never loads it: two copies of SQLite in
one process do not see each other's POSIX locks on the same file, and closing one
connection can drop the other's (sqlite.org/howtocorrupt.html, 2.2.1). Both score alike,
to the last bit (tested).

Processes, not threads: two connections in one process ranked at 1.4× the CPU time of one
(SQLite's allocator and its statistics are shared under one lock), which ate most of the
gain. The helpers are started at the first search that needs them, end with the index, by
themselves when the pipe closes (the app gone), or after some minutes without a question.

All parts must read the same index: if the app's indexing commits while they run, the
ranking is done again in one piece; so it is if a helper is gone, stuck or fails.
"""

from __future__ import annotations

import contextlib
import importlib.util
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
# Each in a query of its own: SQLite reads min() and max() from the ends of the table's tree
# only when one is asked alone; asked together, the whole table is read (7.7 ms at 50,000).
_ID_SPAN = "SELECT (SELECT min(id) FROM posts), (SELECT max(id) FROM posts)"
_ANSWER_SECONDS = 30.0  # a helper silent this long is taken for stuck
MAX_PARTS = 4  # each part counts the word's matches over the whole index again (for bm25)
IDLE_SECONDS = 300.0  # a helper asked nothing for this long ends, giving back its memory

Ranked = list[tuple[int, float]]


def ranking_library() -> str:
    """The SQLite the helpers rank with: "apsw" where installed, else Python's own."""
    return "apsw" if importlib.util.find_spec("apsw") else "sqlite3"


class Ranker:
    """The ``wanted`` best (rowid, score) pairs of a match, best (lowest) first. Posts with
    equal scores come in no set order, as from one query: callers settle ties.

    ``parts``: how many helpers rank a large index, a part each (at most one a core; 0 or 1
    for none: a process that searches once does better without, as a helper costs about
    0.1 s to start)."""

    def __init__(self, db_path: Path, parts: int) -> None:
        self._db_path = db_path
        self._parts = min(parts, MAX_PARTS) if parts >= 2 else 0
        self._helpers: list[_Helper] = []

    def ranked(self, db: sqlite3.Connection, match: str, wanted: int) -> Ranked:
        first, last = db.execute(_ID_SPAN).fetchone()
        if not self._parts or first is None or last - first < SPLIT_FROM or not self._start():
            return db.execute(_WHOLE, (match, wanted)).fetchall()
        ends = [first + (last + 1 - first) * n // self._parts for n in range(self._parts + 1)]
        (before,) = db.execute("PRAGMA data_version").fetchone()
        asked = [
            helper.ask((match, start, end - 1, wanted))
            for helper, start, end in zip(self._helpers, ends, ends[1:], strict=False)
        ]
        # Every asked helper is read, so that its next question gets its own answer.
        answers = [
            helper.answer() if sent else None
            for helper, sent in zip(self._helpers, asked, strict=True)
        ]
        (after,) = db.execute("PRAGMA data_version").fetchone()
        if not all(isinstance(answer, list) for answer in answers) or after != before:
            # A helper is gone, stuck or failed, or a commit came between the parts' reads.
            if None in answers:
                self.close(wait=0)  # what is left of them reads only: nothing to finish
            return db.execute(_WHOLE, (match, wanted)).fetchall()
        merged = [pair for answer in answers for pair in answer]
        return sorted(merged, key=lambda pair: pair[1])[:wanted]

    def close(self, wait: float = 5.0) -> None:
        for helper in self._helpers:
            helper.close(wait)
        self._helpers = []

    def _start(self) -> bool:
        if len(self._helpers) == self._parts and all(h.alive() for h in self._helpers):
            return True
        self.close()  # one ended (idle a while, or killed): all start afresh
        library = ranking_library()
        try:
            self._helpers = [_Helper(self._db_path, library) for _ in range(self._parts)]
        except OSError:
            self.close()
            self._parts = 0
            return False
        return True


class _Helper:
    """One ranking process, asked on a pipe."""

    def __init__(self, db_path: Path, library: str) -> None:
        from smugdesk.core.index_pool import main_not_rerun  # the parent's side only

        context = multiprocessing.get_context("spawn")  # never fork the app's Qt threads
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(str(db_path), theirs, library, IDLE_SECONDS),
            name="smugdesk-rank",
            daemon=True,
        )
        try:
            with main_not_rerun():
                self._process.start()
        except OSError:
            self._pipe.close()
            raise
        finally:
            theirs.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def alive(self) -> bool:
        return self._process.is_alive()

    def ask(self, question: tuple) -> bool:
        try:
            self._pipe.send(question)
        except OSError:
            return False
        return True

    def answer(self) -> Ranked | str | None:
        """Its half, its error's text, or None if it does not answer."""
        try:
            if self._pipe.poll(_ANSWER_SECONDS):
                return self._pipe.recv()
        except (EOFError, OSError):
            pass
        return None

    def close(self, wait: float) -> None:
        with contextlib.suppress(OSError):
            self._pipe.send(None)
        self._pipe.close()
        self._process.join(wait)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _serve(db_path: str, pipe: Any, library: str, idle: float) -> None:
    """A helper: rank the halves it is asked for until told to stop, the pipe closes, or
    nothing is asked for ``idle`` seconds."""
    if library == "apsw":
        import apsw

        db: Any = apsw.Connection(db_path)
        db.setbusytimeout(30_000)
        errors: tuple[type[Exception], ...] = (apsw.Error,)
    else:
        db = sqlite3.connect(db_path, isolation_level=None, timeout=30)
        errors = (sqlite3.Error,)
    try:
        while True:
            try:
                if not pipe.poll(idle):
                    return
                question = pipe.recv()
            except (EOFError, OSError):
                return
            if question is None:
                return
            try:
                answer: Ranked | str = db.execute(_HALF, question).fetchall()
            except errors as error:
                answer = str(error)
            pipe.send(answer)
    finally:
        db.close()
