"""How the index is written when many posts come at once (a first indexing, a cleared
cache): FTS5's settings for the build, the list's indexes made at its end, and
transactions that hold several chunks."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator

# A large refresh commits every this many posts or COMMIT_SECONDS, whichever comes first:
# each commit writes FTS5 segments that must be merged later (0.75 s of CPU over 10,000
# posts at 200 a commit, 0.27 s at 1,000), while a save from the app waits for the commit.
COMMIT_POSTS = 1000
COMMIT_SECONDS = 1.0
BUILD_HASH_BYTES = 64 * 1024 * 1024  # FTS5's memory for pending entries during a build
# The list's usual order without sorting 50,000 rows (a third of its query). Dropped during
# a large build and made again at its end: 0.03 s at 50,000 posts, against keeping it in
# order through every insert.
BY_DATE = (
    "CREATE INDEX IF NOT EXISTS posts_by_date ON posts (date DESC, title COLLATE NOCASE, path)"
)
# The tags in use, asked for with every list and search the library shows: without it the
# whole posts table is read and each post's tags split (48 ms at 50,000 posts); with it,
# each set of tags once from its 0.9 MB (1.7 ms). Made and dropped as the date order is; a
# library indexed before it existed gets it at its next refresh.
BY_TAGS = "CREATE INDEX IF NOT EXISTS posts_by_tags ON posts (tags) WHERE tags != ''"
LIST_INDEXES = (BY_DATE, BY_TAGS)


@contextlib.contextmanager
def bulk_settings(db: sqlite3.Connection, building: bool) -> Iterator[None]:
    """While many posts are written: FTS5 gathers them in memory and merges nothing
    until the end (one ``optimize``), instead of flushing a segment every megabyte and
    merging segments over and over (a third of the writer's time), and the date order's
    index is made once at the end. Back to FTS5's defaults afterwards, for the app's
    one-post writes; a crash leaves only a slower merge policy and a list sorted on
    each query, which the next refresh mends."""
    if not building:
        if fts_settings(db).get("automerge") == 0:  # a build that crashed
            _fts_defaults(db)
        for index in LIST_INDEXES:  # nothing is written where they are
            db.execute(index)
        yield
        return
    _fts_config(db, "automerge", 0)
    _fts_config(db, "hashsize", BUILD_HASH_BYTES)
    db.execute("DROP INDEX IF EXISTS posts_by_date")
    db.execute("DROP INDEX IF EXISTS posts_by_tags")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            _fts_defaults(db)
            for index in LIST_INDEXES:
                db.execute(index)


def fts_settings(db: sqlite3.Connection) -> dict[str, object]:
    return dict(db.execute("SELECT k, v FROM posts_fts_config"))


def _fts_defaults(db: sqlite3.Connection) -> None:
    _fts_config(db, "automerge", 4)
    _fts_config(db, "hashsize", 1024 * 1024)


def _fts_config(db: sqlite3.Connection, name: str, value: int) -> None:
    db.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES (?, ?)", (name, value))


class Batcher:
    """Transactions of a refresh: one a chunk, or during a build one for several chunks
    (``every`` posts or COMMIT_SECONDS, whichever first)."""

    def __init__(self, db: sqlite3.Connection, every: int) -> None:
        self._db, self._every = db, every
        self._open, self._count, self._began = False, 0, 0.0

    def begin(self) -> None:
        if not self._open:
            self._db.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write
            self._open, self._count, self._began = True, 0, time.monotonic()

    def wrote(self, posts: int) -> None:
        self._count += posts
        if self._count >= self._every or time.monotonic() - self._began >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self._open:
            self._open = False
            self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._open:
            self._open = False
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
