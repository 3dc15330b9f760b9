"""Every version of every post: a local, deduplicated, compressed history per drafts folder.

This module is the history's public entry point: the store (HistoryStore: recording and
reading versions) and the process-wide recording that the app, the CLI and the tests use.
Its parts, each with the why of its own choices:

- history_chunks: a post cut into content-defined chunks (an edit changes one chunk);
- history_chunk_store: the chunks in the database, zlib-compressed and deduplicated;
- history_database: where a drafts folder's store lives; SQLite; a damaged store set aside;
- history_identity: a post's id follows renames and moves (file manager, trash);
- history_thinning: autosaves thinned as they age, chosen versions kept;
- history_recorder: one store per drafts folder, and a version recorded at every save.

Nothing here imports Qt.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from smugdesk.core.history_chunk_store import ChunkStorage
from smugdesk.core.history_chunks import body_of, digest_of, split_chunks, text_digest
from smugdesk.core.history_database import (
    SCHEMA_VERSION,
    HistoryError,
    history_dir,
    store_path,
)
from smugdesk.core.history_identity import PostIdentity
from smugdesk.core.history_recorder import (
    Recorder,
    close_all,
    drafts_for,
    install,
    moved,
    record,
    recorder,
    store_for,
    use_drafts,
)
from smugdesk.core.history_thinning import Thinning

__all__ = [
    "CAUSE_LABELS",
    "SCHEMA_VERSION",
    "THINNED_CAUSES",
    "THIN_EVERY",
    "HistoryError",
    "HistoryStore",
    "Recorder",
    "Version",
    "body_of",
    "close_all",
    "drafts_for",
    "history_dir",
    "install",
    "moved",
    "record",
    "recorder",
    "split_chunks",
    "store_for",
    "store_path",
    "text_digest",
    "use_drafts",
]

THINNED_CAUSES = frozenset({"autosave", "external"})  # every other cause is kept
CAUSE_LABELS = {
    "autosave": "Autosaved",
    "manual": "Saved",
    "save": "Saved",
    "external": "Changed by another program",
    "publish": "Published",
    "download": "Downloaded",
    "restore": "Restored",
    "recovered": "Recovered after a crash",
    "discarded": "Closed without saving",
}
THIN_EVERY = 600.0  # seconds between thinnings a recording process starts by itself


@dataclass(frozen=True)
class Version:
    id: int
    post: int
    time: float
    cause: str
    kept: bool
    words: int
    size: int
    path: str
    marks: tuple[str, ...] = ()
    digest: bytes = field(default=b"", repr=False)  # of its text (see text_digest)

    @property
    def label(self) -> str:
        return CAUSE_LABELS.get(self.cause, self.cause.capitalize())

    def describe(self) -> str:
        """One line: "Published to SMUG blog", "Autosaved"…"""
        if self.marks:
            return "; ".join(f"Published to {name}" for name in self.marks)
        return self.label


class HistoryStore(PostIdentity, ChunkStorage, Thinning):
    """The versions of the posts of one drafts folder. Safe to share between threads."""

    def __init__(self, database: Path, drafts: Path | None = None) -> None:
        self.database = Path(database)
        self.drafts = Path(drafts).absolute() if drafts is not None else None
        self.notice: str | None = None  # set when a damaged store was set aside
        self._lock = threading.RLock()
        self._last_thin = 0.0
        # Per post, the chunks of its newest version as recorded by this process (bytes ->
        # id): the unchanged chunks of the next save need no hashing and no lookup.
        self._recent: dict[int, tuple[int, dict[bytes, int]]] = {}
        self._words: dict[bytes, int] = {}  # words of a chunk, by its bytes
        self._db: sqlite3.Connection | None = None
        self._open()

    @classmethod
    def for_drafts(cls, drafts: Path) -> HistoryStore:
        return cls(store_path(drafts), drafts)

    # ----- recording ---------------------------------------------------------------------------
    def record(
        self,
        path: Path,
        text: str,
        cause: str,
        *,
        when: float | None = None,
        target: str | None = None,
    ) -> Version | None:
        """Record ``text`` as the newest version of the post at ``path``. The same text as
        the newest version adds no version (a kept cause upgrades it to kept; a publish
        marks it). ``target``: the blog a publish went to. Returns the version."""
        path = Path(path).absolute()
        text = text.replace("\r\n", "\n")
        when = time.time() if when is None else when
        data = text.encode("utf-8")
        digest = digest_of(data)
        body = digest_of(body_of(text).encode("utf-8"))
        kept = cause not in THINNED_CAUSES
        version = self._guarded(
            lambda: self._record(str(path), text, data, digest, body, cause, kept, when, target)
        )
        if when - self._last_thin > THIN_EVERY:
            self._last_thin = when
            self.thin(now=when)
        return version

    def _record(self, path, text, data, digest, body, cause, kept, when, target):
        db = self.db
        with db:
            post = self._post_id(path, digest, body)
            if post is None:
                post = db.execute(
                    "INSERT INTO posts(path, created, first_body) VALUES (?, ?, ?)",
                    (path, when, body),
                ).lastrowid
            # The version before this one in time (a text read at opening may be recorded
            # a moment later, after a save).
            latest = db.execute(
                "SELECT id, digest, kept, chunks FROM versions WHERE post = ? AND time <= ? "
                "ORDER BY time DESC, id DESC LIMIT 1",
                (post, when),
            ).fetchone()
            if latest is not None and latest[1] == digest:
                version_id = latest[0]
                if kept and not latest[2]:  # an autosave, then a manual save of it: kept
                    db.execute(
                        "UPDATE versions SET kept = 1, cause = ? WHERE id = ?", (cause, version_id)
                    )
            else:
                previous = array("I")
                if latest is not None:
                    previous.frombytes(latest[3])
                chunks = split_chunks(data)
                # Trusted only while the newest version is the one this process recorded:
                # its chunks exist as long as it does.
                recorded, known = self._recent.get(post, (None, {}))
                if latest is None or latest[0] != recorded:
                    known = {}
                ids = self._store_chunks(chunks, list(previous), known)
                version_id = db.execute(
                    "INSERT INTO versions(post, time, cause, kept, words, size, digest, path, "
                    "chunks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        post,
                        when,
                        cause,
                        int(kept),
                        self._count_words(chunks),
                        len(data),
                        digest,
                        path,
                        array("I", ids).tobytes(),
                    ),
                ).lastrowid
                self._remember(post, version_id, chunks, ids)
            if target:
                db.execute("INSERT INTO marks VALUES (?, ?, ?)", (version_id, target, when))
            db.execute(
                "UPDATE posts SET last_digest = ?, body_digest = ? WHERE id = ?",
                (digest, body, post),
            )
        return self._version(version_id)

    # ----- reading --------------------------------------------------------------------------------
    def _version(self, version_id: int) -> Version | None:
        row = self.db.execute(
            "SELECT id, post, time, cause, kept, words, size, path, digest FROM versions "
            "WHERE id = ?",
            (version_id,),
        ).fetchone()
        if row is None:
            return None
        marks = tuple(
            name
            for (name,) in self.db.execute(
                "SELECT target FROM marks WHERE version = ? ORDER BY time", (version_id,)
            )
        )
        return Version(*row[:4], bool(row[4]), *row[5:8], marks=marks, digest=row[8])

    def versions(self, path: Path) -> list[Version]:
        """The versions of the post at ``path``, newest first (empty if it has none)."""
        post = self.post_id(path)
        if post is None:
            return []

        def read() -> list[Version]:
            marks: dict[int, list[str]] = {}
            for version, name in self.db.execute(
                "SELECT m.version, m.target FROM marks m JOIN versions v ON v.id = m.version "
                "WHERE v.post = ? ORDER BY m.time",
                (post,),
            ):
                marks.setdefault(version, []).append(name)
            rows = self.db.execute(
                "SELECT id, post, time, cause, kept, words, size, path, digest FROM versions "
                "WHERE post = ? ORDER BY time DESC, id DESC",
                (post,),
            ).fetchall()
            return [
                Version(
                    *row[:4],
                    bool(row[4]),
                    *row[5:8],
                    marks=tuple(marks.get(row[0], ())),
                    digest=row[8],
                )
                for row in rows
            ]

        return self._guarded(read)

    def version(self, version_id: int) -> Version | None:
        return self._guarded(lambda: self._version(version_id))

    def text(self, version_id: int) -> str:
        """The full text of a version. Raises HistoryError if there is no such version."""

        def read() -> str:
            row = self.db.execute(
                "SELECT chunks, digest FROM versions WHERE id = ?", (version_id,)
            ).fetchone()
            if row is None:
                raise HistoryError(f"there is no version {version_id}")
            ids = array("I")
            ids.frombytes(row[0])
            cache: dict[int, bytes] = {}
            data = b"".join(self._chunk_bytes(i, cache) for i in ids)
            if digest_of(data) != row[1]:
                raise HistoryError("this version is damaged in the history")
            return data.decode("utf-8")

        return self._guarded(read)
