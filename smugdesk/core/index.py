"""The library's index: every post's metadata and text in SQLite with FTS5, for a listing and
a search that stay quick over thousands of posts.

It is a cache and nothing more. It lives in the cache folder, is keyed by the drafts folder,
is brought up to date from the files (by size and mtime) before it answers, and is thrown
away and rebuilt if it is missing, from another version, or damaged. The files stay the truth.

Each text is stored once: the full-text table is contentless (only the inverted index), and
the text it was given is kept zlib-packed beside the row, to remove an entry exactly when
its file changes (a contentless table must be told the old text) and to cut snippets from.
Many files to read are read by a pool of worker processes (index_pool); one connection
writes.

One PostIndex belongs to one thread (SQLite connections are not shared across threads).
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smugdesk.core import index_build
from smugdesk.core.config import cache_dir
from smugdesk.core.index_build import BY_DATE, BY_TAGS
from smugdesk.core.index_pool import (
    Item,
    Prepared,
    default_workers,
    prepare,
    read_posts,
    split_lines,
    unpack,
)
from smugdesk.core.index_rank import BM25, Ranker
from smugdesk.core.index_words import fts_query, mark, snippet, word_marker
from smugdesk.core.library_scan import Entry, read_entry, walk_posts

# 6: the same tables as 5, in a file that gives freed pages back (5's never did, see
# _connect): a 50,000-post index carried 76 MB of free pages after its build.
# 7: each post's line in `smugdesk list` and its JSON for `--json` kept with its row
# (library_lines), and the drafts folder it was made for (those lines hold paths relative
# to it).
SCHEMA_VERSION = 7
# Every order ends with the path, so equal keys (or equal relevance) always come out alike.
SORTS = {
    "date": "date DESC, title COLLATE NOCASE, path",
    "title": "title COLLATE NOCASE, date DESC, path",
    "edited": "edited_ns DESC, path",
}
_PREFIXES = "2 3"  # prefix indexes: see benchmarks/README.md for what each one buys
_OPTIMIZE_AFTER = 2000  # posts written in one refresh after which the index is merged
_COLUMNS = (
    "path, title, slug, date, status, tags, categories, summary, words, edited_ns, size, problem"
)

_P_COLUMNS = ", ".join("p." + name.strip() for name in _COLUMNS.split(","))
_IDS_PER_QUERY = 500  # well under SQLite's limit on a statement's parameters

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class Changes:
    """What a refresh has to do: files gone, and files new or changed (with their stat)."""

    removed: list[str] = field(default_factory=list)
    stale: list[Item] = field(default_factory=list)
    added: int = 0  # of the stale, those the index did not hold
    on_disk: int = 0


@dataclass(frozen=True)
class RefreshStats:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    cancelled: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def default_index_path(drafts: Path) -> Path:
    key = hashlib.sha256(str(Path(drafts).absolute()).encode()).hexdigest()[:16]
    return cache_dir() / "index" / f"{key}.sqlite3"


class PostIndex:
    def __init__(
        self, drafts: Path, db_path: Path | None = None, search_often: bool = True
    ) -> None:
        """``search_often``: a large index is ranked on all cores (index_rank), with helper
        processes worth starting only where more than one search is made."""
        self.drafts = Path(drafts).absolute()
        self.db_path = db_path or default_index_path(self.drafts)
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open()
        self._ranker = Ranker(self.db_path, default_workers() if search_often else 0)

    # ----- storage ------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION or self._folder(db) != str(self.drafts):
                db.close()
                self._discard()
                db = self._connect()
                self._create(db)
            return db
        except sqlite3.DatabaseError:
            # A damaged cache (a crash mid-write on a strange file system, a truncated file):
            # it only ever held copies, so start over.
            self._discard()
            db = self._connect()
            self._create(db)
            return db

    def _connect(self) -> sqlite3.Connection:
        # The timeout: the app's saves and the indexing process write the same file.
        db = sqlite3.connect(self.db_path, isolation_level=None, timeout=30)
        # Before WAL, which writes the file's header: a new file gets large pages, which
        # hold several packed texts each instead of one and its unused rest.
        db.execute("PRAGMA page_size=16384")
        # Incremental vacuum, so the pages a merge frees go back to the file system after
        # it. Like the page size, only before WAL writes the file's header: set in _create
        # it was silently ignored.
        db.execute("PRAGMA auto_vacuum=INCREMENTAL")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a lost last transaction is rebuilt anyway
        db.execute("PRAGMA journal_size_limit=8388608")  # the WAL shrinks after a build
        return db

    @staticmethod
    def _folder(db: sqlite3.Connection) -> str | None:
        """The drafts folder the index was made for: the rows keep paths relative to it."""
        row = db.execute("SELECT value FROM about WHERE key = 'drafts'").fetchone()
        return row[0] if row else None

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.db_path}{suffix}").unlink()

    def _create(self, db: sqlite3.Connection) -> None:
        prefixes = f", prefix='{_PREFIXES}'" if _PREFIXES else ""
        db.executescript(
            f"""
            BEGIN;
            CREATE TABLE posts (
                id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, title TEXT, slug TEXT,
                date TEXT, status TEXT, tags TEXT, categories TEXT, summary TEXT,
                words INTEGER, edited_ns INTEGER, size INTEGER, problem TEXT,
                list_line TEXT NOT NULL, json_line TEXT NOT NULL);
            CREATE TABLE bodies (id INTEGER PRIMARY KEY, packed BLOB);
            CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT);
            {BY_DATE};
            {BY_TAGS};
            CREATE VIRTUAL TABLE posts_fts USING fts5(
                title, tags, categories, body, content='',
                tokenize='unicode61 remove_diacritics 2'{prefixes});
            PRAGMA user_version = {SCHEMA_VERSION};
            COMMIT;
            """
        )
        db.execute("INSERT INTO about VALUES ('drafts', ?)", (str(self.drafts),))

    def close(self) -> None:
        self._ranker.close()
        self._db.close()

    # ----- keeping up with the files -------------------------------------------------
    def refresh(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
        go: Any = None,
    ) -> RefreshStats:
        """Bring the index in line with the folder: new, changed and removed files. Many
        files are read by ``workers`` processes (default: one per core; 1 reads here).
        ``go``: see index_pool.read_posts (the reading waits while it is 0)."""
        return self.apply(self.changes(), progress, cancelled, workers, go)

    def changes(self, known: dict[str, tuple[int, int]] | None = None) -> Changes:
        """What a refresh would do, from a walk of the folder (stat only, nothing read).
        ``known``: the size and mtime of every post the index holds, when the caller has
        just read them (a whole listing does), to spare reading them again."""
        if known is None:
            known = {
                path: (size, mtime)
                for path, size, mtime in self._db.execute("SELECT path, size, edited_ns FROM posts")
            }
        remaining = dict(known)
        found = Changes()
        if self.drafts.is_dir():
            for item in walk_posts(self.drafts):
                found.on_disk += 1
                before = remaining.pop(item[0], None)
                if before != item[1:]:
                    found.stale.append(item)
                    found.added += before is None
        found.removed = list(remaining)
        return found

    def apply(
        self,
        changes: Changes,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
        go: Any = None,
    ) -> RefreshStats:
        if changes.removed:
            with self._transaction():
                for path in changes.removed:
                    self._delete(path)
        total, done = len(changes.stale), 0
        building = total >= _OPTIMIZE_AFTER
        batches = read_posts(changes.stale, self.drafts, workers, go)
        with contextlib.closing(batches), index_build.bulk_settings(self._db, building):
            writing = index_build.Batcher(self._db, index_build.COMMIT_POSTS if building else 0)
            try:
                for batch in batches:  # a cancel stops the workers at once (closing)
                    if cancelled and cancelled():
                        writing.commit()  # what was read is kept
                        return RefreshStats(removed=len(changes.removed), cancelled=True)
                    if not batch:  # the readers are held back: let the app's saves in
                        writing.commit()
                        continue
                    writing.begin()
                    self._store_many(batch)
                    writing.wrote(len(batch))
                    done += len(batch)
                    if progress:
                        progress(done, total)
                writing.commit()
            except BaseException:
                writing.rollback()
                raise
        if building:
            self.optimize()
        return RefreshStats(
            added=changes.added,
            updated=total - changes.added,
            removed=len(changes.removed),
            unchanged=changes.on_disk - total,
        )

    def optimize(self) -> None:
        """Merge the full-text index into one segment (smaller, quicker to search) and give
        the freed pages back."""
        self._db.execute("INSERT INTO posts_fts(posts_fts) VALUES ('optimize')")
        # A step frees one page, and execute() takes one step: a script runs to the end.
        self._db.executescript("PRAGMA incremental_vacuum;")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def update_file(self, path: Path) -> None:
        """Re-read one file now (after the app saved it), or forget it if it is gone."""
        path = Path(path).absolute()
        try:
            status = path.stat()
        except OSError:
            with self._transaction():
                self._delete(str(path))
            return
        entry, body = read_entry(path, status.st_size, status.st_mtime_ns, self.drafts)
        prepared = prepare(entry, body, self.drafts)
        with self._transaction():
            self._store_many([prepared])

    @contextlib.contextmanager
    def _transaction(self):
        self._db.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _delete(self, path: str) -> None:
        row = self._db.execute(
            "SELECT p.id, p.title, p.tags, p.categories, b.packed"
            " FROM posts p LEFT JOIN bodies b ON b.id = p.id WHERE p.path = ?",
            (path,),
        ).fetchone()
        if not row:
            return
        post_id, title, tags, categories, packed = row
        # A contentless table removes an entry given the very text it indexed.
        self._db.execute(
            "INSERT INTO posts_fts (posts_fts, rowid, title, tags, categories, body)"
            " VALUES ('delete', ?, ?, ?, ?, ?)",
            (
                post_id,
                title,
                " ".join(split_lines(tags)),
                " ".join(split_lines(categories)),
                unpack(packed),
            ),
        )
        self._db.execute("DELETE FROM bodies WHERE id = ?", (post_id,))
        self._db.execute("DELETE FROM posts WHERE id = ?", (post_id,))

    def _store_many(self, batch: list[Prepared]) -> None:
        """Write prepared posts, each replacing what the index holds for its path: even a
        path new to the walk may have been indexed since, by a save in the app."""
        for row, _texts, _packed in batch:
            self._delete(row[0])
        (last,) = self._db.execute("SELECT coalesce(max(id), 0) FROM posts").fetchone()
        ids = range(last + 1, last + 1 + len(batch))
        self._db.executemany(
            f"INSERT INTO posts (id, {_COLUMNS}, list_line, json_line)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(post_id, *row) for post_id, (row, _t, _p) in zip(ids, batch, strict=True)],
        )
        self._db.executemany(
            "INSERT INTO bodies (id, packed) VALUES (?, ?)",
            [(post_id, packed) for post_id, (_r, _t, packed) in zip(ids, batch, strict=True)],
        )
        self._db.executemany(
            "INSERT INTO posts_fts (rowid, title, tags, categories, body) VALUES (?, ?, ?, ?, ?)",
            [(post_id, *texts) for post_id, (_r, texts, _p) in zip(ids, batch, strict=True)],
        )

    # ----- questions ---------------------------------------------------------------------
    def entries(
        self, sort: str = "date", status: str | None = None, tag: str | None = None
    ) -> list[Entry]:
        where, values = _filters(status, tag)
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM posts {where} ORDER BY {SORTS[sort]}", values
        )
        return [_entry(row) for row in rows]

    def entry(self, path: Path) -> Entry | None:
        """The post at ``path`` as the index has it, or None if it has none there."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM posts WHERE path = ?", (str(Path(path).absolute()),)
        ).fetchone()
        return _entry(row) if row else None

    def listed(
        self, column: str, sort: str = "date", status: str | None = None, tag: str | None = None
    ) -> list[tuple[str, int, int, str]]:
        """The listing as (path, size, mtime, line) a post, the line the post's
        ``list_line`` or ``json_line`` (see library_lines)."""
        if column not in ("list_line", "json_line"):
            raise ValueError(column)
        where, values = _filters(status, tag)
        return self._db.execute(
            f"SELECT path, size, edited_ns, {column} FROM posts {where} ORDER BY {SORTS[sort]}",
            values,
        ).fetchall()

    def search(
        self,
        query: str,
        sort: str = "relevance",
        status: str | None = None,
        tag: str | None = None,
        limit: int = 500,
        snippets: int = 30,
    ) -> list[Entry]:
        """Posts matching every word of ``query`` (as a prefix, any case, accents ignored)
        in title, tags, categories or body. ``sort`` is "relevance" (title matches weigh
        most) or one of the list's sorts, which is cheaper when a word is in every post."""
        match = fts_query(query)
        if not match:
            return self.entries("date" if sort == "relevance" else sort, status, tag)
        rows = None
        if sort == "relevance" and not (status or tag):
            rows = self._best_matches(match, limit)
        if rows is None:
            where, values = _filters(status, tag, prefix="AND")
            order = (
                f"{BM25}, p.path"
                if sort == "relevance"
                else ", ".join(f"p.{part}" for part in SORTS[sort].split(", "))
            )
            sql = f"""
                SELECT {_P_COLUMNS}, p.id FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid
                WHERE posts_fts MATCH ? {where} ORDER BY {order} LIMIT ?"""
            rows = self._db.execute(sql, (match, *values, limit)).fetchall()
        # The first results' snippets are cut with a regex from the text as indexed (FTS5's
        # snippet() needs the text in the table, and cost up to 15 ms a row besides).
        top = [row[12] for row in rows[:snippets]]
        bodies = {
            post_id: unpack(packed)
            for post_id, packed in self._db.execute(
                f"SELECT id, packed FROM bodies WHERE id IN ({', '.join('?' * len(top))})", top
            )
        }
        marker = word_marker(query)
        return [
            _entry(
                row[:12],
                title_marked=marker.sub(mark, row[1]),
                snippet=snippet(bodies[row[12]], marker) if row[12] in bodies else "",
            )
            for row in rows
        ]

    def _best_matches(self, match: str, limit: int) -> list[tuple] | None:
        """The ``limit`` best matches, best first and ties by path, as the plain query gives
        them, for less: the full-text table alone ranks every match (no post row is joined
        and sorted with each), and only the rows of the best are read. Posts scoring the
        same as the last one kept are all read, and their paths decide (there are often
        dozens: posts of one length with the word as often); None when even twice
        ``limit`` does not reach past them."""
        if limit < 1:
            return None
        wanted = 2 * limit
        ranked = self._ranker.ranked(self._db, match, wanted)
        if len(ranked) > limit:
            last = ranked[limit - 1][1]
            if len(ranked) == wanted and ranked[-1][1] == last:
                return None
            ranked = [pair for pair in ranked if pair[1] <= last]  # lower is better
        score = dict(ranked)
        rows = []
        for start in range(0, len(ranked), _IDS_PER_QUERY):
            ids = [post_id for post_id, _score in ranked[start : start + _IDS_PER_QUERY]]
            marks = ", ".join("?" * len(ids))
            sql = f"SELECT {_P_COLUMNS}, p.id FROM posts p WHERE p.id IN ({marks})"
            rows += self._db.execute(sql, ids).fetchall()
        rows.sort(key=lambda row: (score[row[12]], row[0]))
        return rows[:limit]

    def tags(self) -> list[str]:
        found: set[str] = set()
        # Each set of tags once (a few hundred among thousands of posts), from their index.
        for (text,) in self._db.execute("SELECT DISTINCT tags FROM posts WHERE tags != ''"):
            found.update(split_lines(text))
        return sorted(found, key=str.casefold)

    def find_slug(self, slug: str) -> Path | None:
        row = self._db.execute(
            "SELECT path FROM posts WHERE slug = ? AND problem = '' ORDER BY path", (slug,)
        ).fetchone()
        return Path(row[0]) if row else None

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM posts").fetchone()[0]


def _filters(status: str | None, tag: str | None, prefix: str = "WHERE") -> tuple[str, list]:
    clauses, values = [], []
    if status:
        clauses.append("status = ?")
        values.append(status)
    if tag:
        # Tags are stored as "\ntag1\ntag2\n" so a LIKE can match one whole tag.
        clauses.append("tags LIKE ? ESCAPE '\\'")
        escaped = tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        values.append(f"%\n{escaped}\n%")
    if not clauses:
        return "", values
    return f"{prefix} " + " AND ".join(clauses), values


_bare = object.__new__


def _entry(row: tuple, title_marked: str = "", snippet: str = "") -> Entry:
    path, title, slug, date, status, tags, categories, summary, words, edited, size, problem = row
    # Filled in directly rather than through the frozen dataclass's __init__ (one
    # object.__setattr__ a field): a listing of 50,000 posts builds 50,000 of these.
    entry = _bare(Entry)
    entry.__dict__.update(
        file=path,
        title=title,
        slug=slug,
        date=date,
        status=status,
        tags=split_lines(tags),
        categories=split_lines(categories),
        summary=summary,
        words=words,
        edited_ns=edited,
        size=size,
        problem=problem,
        title_marked=title_marked,
        snippet=snippet,
    )
    return entry
