"""Where a drafts folder's history lives, and opening it: SQLite, and a damaged file set aside.

Why SQLite from the standard library: no new dependency, nothing to compile, and one file per
drafts folder that a backup tool copies whole. SQLite gives atomic commits (a killed app leaves
the last committed version, never half of one), concurrent readers (the History dialog reads
while a save records), and a clear "this file is damaged" signal, after which the file is set
aside and a new one started.

The store lives under the platformdirs data directory ("history/<folder>-<hash>.sqlite3"),
never inside the writer's drafts folder.

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from smugdesk.core.errors import SmugdeskError

SCHEMA_VERSION = 1


class HistoryError(SmugdeskError):
    """The history store cannot be used (the posts themselves are never affected)."""


def history_dir() -> Path:
    import platformdirs

    from smugdesk.core.config import APP_NAME

    return Path(platformdirs.user_data_dir(APP_NAME)) / "history"


def store_path(drafts: Path) -> Path:
    """One database per drafts folder, named after it (readable) and its path's hash."""
    drafts = Path(drafts).absolute()
    key = hashlib.blake2b(str(drafts).encode("utf-8"), digest_size=6).hexdigest()
    name = re.sub(r"[^\w.-]+", "-", drafts.name).strip("-.")[:40] or "drafts"
    return history_dir() / f"{name}-{key}.sqlite3"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS posts(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, created REAL NOT NULL,
    last_digest BLOB, body_digest BLOB, first_body BLOB);
CREATE INDEX IF NOT EXISTS posts_last ON posts(last_digest);
CREATE INDEX IF NOT EXISTS posts_body ON posts(body_digest);
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY, digest BLOB UNIQUE NOT NULL, refs INTEGER NOT NULL,
    data BLOB NOT NULL, base INTEGER, depth INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS chunks_unused ON chunks(refs) WHERE refs <= 0;
CREATE TABLE IF NOT EXISTS versions(
    id INTEGER PRIMARY KEY, post INTEGER NOT NULL, time REAL NOT NULL, cause TEXT NOT NULL,
    kept INTEGER NOT NULL, words INTEGER NOT NULL, size INTEGER NOT NULL,
    digest BLOB NOT NULL, path TEXT NOT NULL, chunks BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS versions_post ON versions(post, time);
CREATE TABLE IF NOT EXISTS marks(version INTEGER NOT NULL, target TEXT NOT NULL,
    time REAL NOT NULL);
CREATE INDEX IF NOT EXISTS marks_version ON marks(version);
"""


class StoreDatabase:
    """The SQLite file of one history store: opened on first use, set aside when damaged.
    HistoryStore (core/history.py) builds on it."""

    database: Path
    drafts: Path | None
    notice: str | None
    _lock: threading.RLock
    _recent: dict
    _db: sqlite3.Connection | None

    def _open(self) -> None:
        try:
            self.database.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryError(f"cannot make the history folder: {error}") from None
        try:
            self._connect()
        except sqlite3.DatabaseError as error:
            self._set_aside(error)

    def _connect(self) -> None:
        self._recent = {}
        db = sqlite3.connect(self.database, timeout=5, check_same_thread=False)
        try:
            db.execute("PRAGMA auto_vacuum=INCREMENTAL")  # takes effect in a new file only
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: a commit survives an app crash
            row = db.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {row[0] if row else 'no answer'}")
            with db:
                db.executescript(_SCHEMA)
                db.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
                if self.drafts is not None:
                    db.execute(
                        "INSERT OR IGNORE INTO meta VALUES ('drafts', ?)", (str(self.drafts),)
                    )
        except BaseException:
            db.close()
            raise
        self._db = db

    def _set_aside(self, error: Exception) -> None:
        """Move a damaged database (and its journal files) aside and start a new one. The
        drafts are never read or written here."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.database.with_name(f"{self.database.name}.damaged-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.database}{suffix}")
            if source.exists():
                try:
                    os.replace(source, Path(f"{aside}{suffix}"))
                except OSError as move_error:
                    raise HistoryError(
                        f"the history store {self.database.name} is damaged ({error}) and "
                        f"cannot be moved aside: {move_error.strerror}"
                    ) from None
        self._connect()
        self.notice = (
            f"The history of your posts was damaged ({error}). It was set aside as "
            f"{aside} and a new history was started; your posts were not touched."
        )

    def take_notice(self) -> str | None:
        notice, self.notice = self.notice, None
        return notice

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:  # closed to spare file handles: opened again when needed
            self._open()
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _guarded(self, work: Callable[[], object]) -> object:
        """Run ``work``; if the database turns out damaged, set it aside and run it again."""
        with self._lock:
            try:
                return work()
            except sqlite3.DatabaseError as error:
                if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                    raise HistoryError(f"the history store is busy: {error}") from None
                self._set_aside(error)
                return work()

    # ----- figures --------------------------------------------------------------------------------
    def size_on_disk(self) -> int:
        """Bytes the store takes (the database and its write-ahead log)."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(
            Path(f"{self.database}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{self.database}{suffix}").exists()
        )
