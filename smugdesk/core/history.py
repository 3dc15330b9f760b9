"""Every version of every post: a local, deduplicated, compressed history per drafts folder.

Why SQLite and zlib from the standard library, with content-addressed chunks:

- No new dependency, nothing to compile, and one file per drafts folder that a backup tool
  copies whole. SQLite gives atomic commits (a killed app leaves the last committed version,
  never half of one), concurrent readers (the History dialog reads while a save records),
  and a clear "this file is damaged" signal, after which the file is set aside.
- A version is a list of chunks. A post is cut at blank lines (paragraph ends) into pieces,
  and pieces are grouped into chunks of about 1–8 KB whose ends are chosen by the pieces'
  own content (a hash), so an edit changes one chunk and leaves the boundaries of all the
  others where they were. Each chunk is stored once (keyed by its BLAKE2 digest), zlib-
  compressed, with a reference count; a version costs a row and the ids of its chunks. A
  2,000-word post saved every 2 seconds for an hour stores the chunks that changed, not
  1,800 copies (benchmarks/history.py gives the figures).
- A git object store (dulwich) deltas whole files only when packing, which is a batch job;
  zstd would compress better but is not in the standard library. zlib on ~KB chunks is
  fast enough for the save path (well under a millisecond per chunk).

The store lives under the platformdirs data directory ("history/<folder>-<hash>.sqlite3"),
never inside the writer's drafts folder. A post's versions are keyed by a post id given at
its first version; the id follows the post when the store is told of a rename (``moved``),
and a file appearing under a new name whose text (or body, below the front matter) is the
last version of a post whose file is gone is taken to be that post moved: a rename in a
file manager, a move into the trash or back out of it keep the history.

Autosaved (and reloaded-from-disk) versions are thinned as they age: all from the last hour,
the last of each hour for a day, the last of each day for a month. Versions made by a
manual save, a publish, a download, a restore or a recovery are kept.

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import queue
import re
import sqlite3
import threading
import time
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.words import word_count

SCHEMA_VERSION = 1
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
_MIN_CHUNK = 1024
_MAX_CHUNK = 8192
_ADOPT_SECONDS = 60.0
_MAX_DEPTH = 12  # a chunk compressed against one compressed against one… at most this deep
_HOUR = 3600.0
_DAY = 86400.0
_MONTH = 30 * _DAY
THIN_EVERY = 600.0  # seconds between thinnings a recording process starts by itself


class HistoryError(SmugdeskError):
    """The history store cannot be used (the posts themselves are never affected)."""


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


# ----- chunking ----------------------------------------------------------------------------
def _pieces(data: bytes) -> list[bytes]:
    """Paragraphs (each with the blank line after it); a piece longer than a chunk is cut
    at line ends, and a line longer than a chunk into slices. Joined, they are the text."""
    parts = data.split(b"\n\n")
    out: list[bytes] = []
    last = len(parts) - 1
    for number, part in enumerate(parts):
        piece = part + b"\n\n" if number < last else part
        if len(piece) <= _MAX_CHUNK:
            out.append(piece)
            continue
        for line in piece.splitlines(keepends=True):
            if len(line) <= _MAX_CHUNK:
                out.append(line)
            else:
                out.extend(line[i : i + _MAX_CHUNK] for i in range(0, len(line), _MAX_CHUNK))
    return out


def split_chunks(text: str | bytes) -> list[bytes]:
    """The text (UTF-8) as chunks whose ends depend on the content around them, not on
    offsets: an insertion early in a post leaves later chunks the same bytes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    chunks: list[bytes] = []
    current: list[bytes] = []
    size = 0
    for piece in _pieces(data):
        if size and size + len(piece) > _MAX_CHUNK:
            chunks.append(b"".join(current))
            current, size = [], 0
        current.append(piece)
        size += len(piece)
        # Ends where a piece's own hash says so: about one piece in four, past the minimum.
        if size >= _MIN_CHUNK and zlib.crc32(piece) & 3 == 0:
            chunks.append(b"".join(current))
            current, size = [], 0
    if current or not chunks:
        chunks.append(b"".join(current))
    return chunks


def text_digest(text: str) -> bytes:
    """The digest a version of ``text`` is stored under."""
    return _digest(text.replace("\r\n", "\n").encode("utf-8"))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def body_of(text: str) -> str:
    """The text below the front matter: what stays the same when only the title changes."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return text[end + 5 :]
    return text


# ----- where the store lives ----------------------------------------------------------------
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


class HistoryStore:
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

    # ----- opening, and setting a damaged store aside ---------------------------------------
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

    # ----- identity ---------------------------------------------------------------------------
    def _post_id(self, path: str, digest: bytes | None, body: bytes | None) -> int | None:
        row = self.db.execute("SELECT id FROM posts WHERE path = ?", (path,)).fetchone()
        if row is not None:
            return row[0]
        if digest is None:
            return None
        # A post moved (file manager, trash, restore): its last text under a path now gone.
        candidates = self.db.execute(
            "SELECT id, path FROM posts WHERE last_digest = ? OR body_digest = ? "
            "ORDER BY last_digest = ? DESC, id DESC",
            (digest, body, digest),
        ).fetchall()
        for post, old in candidates:
            if not os.path.lexists(old):
                self.db.execute("UPDATE posts SET path = ? WHERE id = ?", (path, post))
                return post
        return None

    def _adopt_vanished(self, post: int) -> None:
        """A post written under a new name before the old file went (a rename that rewrites
        the title, as the library's Rename does) starts with the body the vanished post
        ended with, within a minute: its versions become this post's."""
        row = self.db.execute(
            "SELECT first_body, created FROM posts WHERE id = ?", (post,)
        ).fetchone()
        if row is None or row[0] is None:
            return
        first_body, created = row
        for other, old in self.db.execute(
            "SELECT p.id, p.path FROM posts p WHERE p.body_digest = ? AND p.id != ? "
            "AND p.created <= ? AND (SELECT max(time) FROM versions WHERE post = p.id) >= ?",
            (first_body, post, created, created - _ADOPT_SECONDS),
        ).fetchall():
            if not os.path.lexists(old):
                self.db.execute("UPDATE versions SET post = ? WHERE post = ?", (post, other))
                self.db.execute("DELETE FROM posts WHERE id = ?", (other,))
                self.db.execute(
                    "UPDATE posts SET first_body = (SELECT first_body FROM posts WHERE id = ?) "
                    "WHERE id = ?",
                    (other, post),
                )

    def post_id(self, path: Path) -> int | None:
        """The id of the post at ``path`` (following a move), None if it has no history."""
        path = Path(path).absolute()

        def find() -> int | None:
            known = self._post_id(str(path), None, None)
            if known is not None:
                with self.db:
                    self._adopt_vanished(known)
                return known
            if not path.is_file():
                return None
            try:
                text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                return None
            with self.db:
                return self._post_id(
                    str(path), _digest(text.encode()), _digest(body_of(text).encode())
                )

        return self._guarded(find)

    def moved(self, old: Path, new: Path) -> None:
        """The post at ``old`` is now at ``new`` (a rename the app made, which may also have
        changed its text): its history follows, joined with any version already recorded
        under the new name."""
        old, new = str(Path(old).absolute()), str(Path(new).absolute())
        if old == new:
            return

        def move() -> None:
            with self.db:
                before = self._post_id(old, None, None)
                if before is None:
                    return
                after = self._post_id(new, None, None)
                if after is None:
                    self.db.execute("UPDATE posts SET path = ? WHERE id = ?", (new, before))
                    return
                self.db.execute("UPDATE versions SET post = ? WHERE post = ?", (after, before))
                self.db.execute("DELETE FROM posts WHERE id = ?", (before,))
                self._recent.pop(before, None)

        self._guarded(move)

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
        digest = _digest(data)
        body = _digest(body_of(text).encode("utf-8"))
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

    def _remember(self, post: int, version: int, chunks: list[bytes], ids: list[int]) -> None:
        self._recent.pop(post, None)
        self._recent[post] = (version, dict(zip(chunks, ids, strict=True)))
        while len(self._recent) > 4:  # a few posts' worth (a manuscript is ~600 KB)
            del self._recent[next(iter(self._recent))]

    def _count_words(self, chunks: list[bytes]) -> int:
        """Words below the front matter, counted per chunk (chunks end at paragraph ends,
        so no word is split) and remembered: a save counts only the chunks it changed."""
        if len(self._words) > 50_000:
            self._words.clear()
        total = 0
        for number, chunk in enumerate(chunks):
            count = self._words.get(chunk)
            if count is None:
                text = chunk.decode("utf-8", "replace")
                count = word_count(body_of(text) if number == 0 else text)
                self._words[chunk] = count
            total += count
        return total

    def _store_chunks(
        self, chunks: list[bytes], previous: list[int], known: dict[bytes, int]
    ) -> list[int]:
        """Store the chunks not stored yet. A new chunk is compressed with the chunk at its
        place in the post's previous version as zlib's dictionary: typing into a paragraph
        then costs tens of bytes, not the paragraph again."""
        db = self.db
        ids: list[int] = []
        reused: list[tuple[int]] = []  # one more reference each, in one statement
        for place, chunk in enumerate(chunks):
            same = known.get(chunk)
            if same is not None:
                reused.append((same,))
                ids.append(same)
                continue
            digest = _digest(chunk)
            row = db.execute("SELECT id FROM chunks WHERE digest = ?", (digest,)).fetchone()
            if row is not None:
                reused.append((row[0],))
                ids.append(row[0])
                continue
            base = previous[place] if place < len(previous) else None
            if base is None and previous:
                base = previous[-1]
            depth = 0
            if base is not None:
                depth_row = db.execute("SELECT depth FROM chunks WHERE id = ?", (base,)).fetchone()
                if depth_row is None or depth_row[0] >= _MAX_DEPTH:
                    base = None
                else:
                    depth = depth_row[0] + 1
            if base is None:
                data = zlib.compress(chunk, 6)
            else:
                packer = zlib.compressobj(6, zdict=self._chunk_bytes(base))
                data = packer.compress(chunk) + packer.flush()
                db.execute("UPDATE chunks SET refs = refs + 1 WHERE id = ?", (base,))
            ids.append(
                db.execute(
                    "INSERT INTO chunks(digest, refs, data, base, depth) VALUES (?, 1, ?, ?, ?)",
                    (digest, data, base, depth),
                ).lastrowid
            )
        db.executemany("UPDATE chunks SET refs = refs + 1 WHERE id = ?", reused)
        return ids

    def _chunk_bytes(self, chunk_id: int, cache: dict[int, bytes] | None = None) -> bytes:
        """A chunk's bytes, undoing its chain of dictionaries (at most _MAX_DEPTH long)."""
        cache = {} if cache is None else cache
        chain: list[tuple[int, bytes, int | None]] = []
        current: int | None = chunk_id
        while current is not None and current not in cache:
            row = self.db.execute(
                "SELECT data, base FROM chunks WHERE id = ?", (current,)
            ).fetchone()
            if row is None or len(chain) > _MAX_DEPTH + 1:
                raise HistoryError("a part of this version is missing from the history")
            chain.append((current, row[0], row[1]))
            current = row[1]
        for number, data, base in reversed(chain):
            try:
                if base is None:
                    cache[number] = zlib.decompress(data)
                else:
                    unpacker = zlib.decompressobj(zdict=cache[base])
                    cache[number] = unpacker.decompress(data) + unpacker.flush()
            except zlib.error as error:
                raise HistoryError("a part of this version is damaged in the history") from error
        return cache[chunk_id]

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
            if _digest(data) != row[1]:
                raise HistoryError("this version is damaged in the history")
            return data.decode("utf-8")

        return self._guarded(read)

    # ----- thinning -------------------------------------------------------------------------------
    def thin(self, now: float | None = None) -> int:
        """Drop autosaved versions as they age (see the module's docstring); kept causes,
        published versions and each post's newest version stay. Returns how many went."""
        now = time.time() if now is None else now

        def work() -> int:
            db = self.db
            newest = {
                post: version
                for post, version in db.execute(
                    "SELECT post, id FROM versions v WHERE id = (SELECT id FROM versions "
                    "WHERE post = v.post ORDER BY time DESC, id DESC LIMIT 1)"
                )
            }
            marked = {row[0] for row in db.execute("SELECT DISTINCT version FROM marks")}
            seen: set[tuple[int, str, int]] = set()
            doomed: list[int] = []
            # Newest first: the first version met in a bucket is the one kept for it.
            for version, post, when in db.execute(
                "SELECT id, post, time FROM versions WHERE kept = 0 ORDER BY post, time DESC"
            ).fetchall():
                age = now - when
                if age < _HOUR or version in marked or newest.get(post) == version:
                    continue
                if age < _DAY:
                    bucket = ("hour", int(when // _HOUR))
                elif age < _MONTH:
                    bucket = ("day", dt.date.fromtimestamp(when).toordinal())
                else:
                    doomed.append(version)
                    continue
                key = (post, *bucket)
                if key in seen:
                    doomed.append(version)
                else:
                    seen.add(key)
            with db:
                for version in doomed:
                    self._drop(version)
            if doomed:
                # Run to its end by sqlite3_exec: it frees one page per step.
                db.executescript("PRAGMA incremental_vacuum;")
            return len(doomed)

        return self._guarded(work)

    def _drop(self, version_id: int) -> None:
        db = self.db
        row = db.execute("SELECT chunks FROM versions WHERE id = ?", (version_id,)).fetchone()
        if row is None:
            return
        ids = array("I")
        ids.frombytes(row[0])
        db.executemany("UPDATE chunks SET refs = refs - 1 WHERE id = ?", [(i,) for i in ids])
        db.execute("DELETE FROM versions WHERE id = ?", (version_id,))
        # A chunk no version uses goes, and with it its hold on the chunk it was packed with.
        while True:
            gone = db.execute("SELECT id, base FROM chunks WHERE refs <= 0").fetchall()
            if not gone:
                break
            db.executemany("DELETE FROM chunks WHERE id = ?", [(i,) for i, _b in gone])
            db.executemany(
                "UPDATE chunks SET refs = refs - 1 WHERE id = ?",
                [(b,) for _i, b in gone if b is not None],
            )

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


# ----- the process's stores, and recording every save --------------------------------------
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
