"""The index built by worker processes and stored contentless answers exactly as a
straightforward index does (every post read here, one at a time, into a plain FTS5 table
that keeps its text); it is rebuilt from a damaged or old file; a cancel keeps what was
written; and no process outlives its work."""

from __future__ import annotations

import contextlib
import multiprocessing.resource_tracker
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smugdesk.core import index as index_module
from smugdesk.core import index_build, index_pool, index_rank, index_words
from smugdesk.core.index import SCHEMA_VERSION, SORTS, PostIndex, fts_query
from smugdesk.core.index_pool import BackgroundRefresh, join_lines
from smugdesk.core.library_scan import Entry, read_entry, walk_posts

# A few words, some sharing beginnings, some with accents and capitals, so that prefixes,
# accent folding and ties in relevance all happen.
WORDS = ["ward", "warden", "Wardrobe", "night", "nightly", "café", "cafe", "nurse", "nürse",
         "shift", "shifts", "policy", "radio", "Rádio", "x", "of", "the", "a"]  # fmt: skip
TAGS = ["video", "nurses", "policy", "social media", "Événements"]


class ReferenceIndex:
    """The straightforward way: each file read in turn, its text stored in the full-text
    table, no prefix indexes, no pool, built from nothing."""

    COLUMNS = index_module._COLUMNS

    def __init__(self, drafts: Path) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.executescript(
            """
            CREATE TABLE posts (
                id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, title TEXT, slug TEXT,
                date TEXT, status TEXT, tags TEXT, categories TEXT, summary TEXT,
                words INTEGER, edited_ns INTEGER, size INTEGER, problem TEXT);
            CREATE VIRTUAL TABLE posts_fts USING fts5(
                title, tags, categories, body, tokenize='unicode61 remove_diacritics 2');
            """
        )
        for path, size, mtime in sorted(walk_posts(drafts)):
            entry, body = read_entry(Path(path), size, mtime, drafts)
            row = self.db.execute(
                f"INSERT INTO posts ({self.COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (entry.file, entry.title, entry.slug, entry.date, entry.status,
                 join_lines(entry.tags), join_lines(entry.categories), entry.summary,
                 entry.words, entry.edited_ns, entry.size, entry.problem),
            )  # fmt: skip
            self.db.execute(
                "INSERT INTO posts_fts (rowid, title, tags, categories, body) VALUES (?,?,?,?,?)",
                (row.lastrowid, entry.title, " ".join(entry.tags), " ".join(entry.categories),
                 body),
            )  # fmt: skip

    def entries(self, sort: str, status: str | None, tag: str | None) -> list[Entry]:
        where, values = index_module._filters(status, tag)
        rows = self.db.execute(
            f"SELECT {self.COLUMNS} FROM posts {where} ORDER BY {SORTS[sort]}", values
        )
        return [index_module._entry(row) for row in rows]

    def search(self, query: str, sort: str, status: str | None, tag: str | None) -> list:
        match = fts_query(query)
        where, values = index_module._filters(status, tag, prefix="AND")
        order = (
            "bm25(posts_fts, 10.0, 5.0, 5.0, 1.0), p.path"
            if sort == "relevance"
            else ", ".join(f"p.{part}" for part in SORTS[sort].split(", "))
        )
        rows = self.db.execute(
            f"""SELECT {", ".join("p." + name.strip() for name in self.COLUMNS.split(","))},
                posts_fts.body
            FROM posts_fts JOIN posts p ON p.id = posts_fts.rowid
            WHERE posts_fts MATCH ? {where} ORDER BY {order} LIMIT 500""",
            (match, *values),
        ).fetchall()
        marker = index_words.word_marker(query)
        return [
            (
                index_module._entry(row[:12]),
                marker.sub(index_words.mark, row[1]),
                index_words.snippet(row[12], marker) if number < 30 else "",
            )
            for number, row in enumerate(rows)
        ]


def post_text(draw) -> str | bytes:
    kind = draw(st.sampled_from(["post", "post", "post", "post", "bare", "broken", "latin1"]))
    body = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=25)))
    if kind == "bare":
        return body + "\n"
    if kind == "latin1":
        return ("caf\xe9 " + body).encode("latin-1", "replace")
    if kind == "broken":
        return f"---\ntitle: a: b\n---\n{body}\n"
    title = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
    tags = draw(st.lists(st.sampled_from(TAGS), max_size=3, unique=True))
    day = draw(st.integers(1, 4))  # few dates: equal dates need the title, then the path
    status = draw(st.sampled_from(["draft", "published", "scheduled"]))
    return (
        f'---\ntitle: "{title}"\ndate: 2024-01-0{day}\ntags: [{", ".join(tags)}]\n'
        f"categories: [health]\nstatus: {status}\n---\n\n{body}\n"
    )


@st.composite
def folders(draw) -> tuple[dict[str, str | bytes], dict[str, str | bytes | None], list[str]]:
    """Posts, then changes to them (None removes a file), and queries."""
    names = draw(st.lists(st.integers(0, 60), min_size=1, max_size=25, unique=True))
    posts = {f"{'sub/' if n % 3 else ''}p{n:02d}.md": post_text(draw) for n in names}
    changed = draw(st.lists(st.sampled_from(sorted(posts)), min_size=1, max_size=6, unique=True))
    changes = {name: None if draw(st.booleans()) else post_text(draw) for name in changed}
    changes.update({f"new{n}.md": post_text(draw) for n in range(draw(st.integers(0, 3)))})
    typed = st.sampled_from(WORDS).flatmap(
        lambda word: st.integers(1, len(word)).map(lambda cut: word[:cut])
    )
    queries = draw(
        st.lists(st.lists(typed, min_size=1, max_size=2).map(" ".join), min_size=2, max_size=6)
    )
    return posts, changes, queries


def write(drafts: Path, files: dict[str, str | bytes | None]) -> None:
    for name, content in files.items():
        path = drafts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        if content is not None:
            # A rewrite within the file system's clock tick must still look changed.
            os.utime(path, ns=(time.time_ns(), time.time_ns() + hash(name) % 1000 + 1))


def relevance(db: sqlite3.Connection, query: str) -> list[tuple[str, float]]:
    """Each matching post's bm25 score: it counts the posts, their lengths and the posts
    holding each word, so an entry removed with the wrong text shows here."""
    return db.execute(
        "SELECT p.path, round(bm25(posts_fts, 10.0, 5.0, 5.0, 1.0), 9) FROM posts_fts"
        " JOIN posts p ON p.id = posts_fts.rowid WHERE posts_fts MATCH ? ORDER BY p.path",
        (fts_query(query),),
    ).fetchall()


def same_answers(index: PostIndex, reference: ReferenceIndex, queries: list[str]) -> None:
    for sort in SORTS:
        for status in (None, "draft", "published"):
            for tag in (None, "nurses", "social media"):
                assert index.entries(sort, status, tag) == reference.entries(sort, status, tag)
    assert index.tags() == sorted(
        {tag for entry in reference.entries("date", None, None) for tag in entry.tags},
        key=str.casefold,
    )
    for query in queries:
        assert relevance(index._db, query) == relevance(reference.db, query), query
        for sort in ("relevance", "date"):
            for status in (None, "published"):
                found = index.search(query, sort, status)
                expected = reference.search(query, sort, status, None)
                assert [(e, e.title_marked, e.snippet) for e in found] == expected, query
        # The best few only: equal scores at the cut are common here (same texts).
        best = reference.search(query, "relevance", None, None)
        for limit in (1, 2, 3, 5):
            found = index.search(query, limit=limit)
            assert [(e, e.title_marked, e.snippet) for e in found] == best[:limit], query


@pytest.fixture
def pooled(monkeypatch):
    """Worker processes for any number of posts, a few posts a task: the pool's path and
    its ordering are what is tested, on folders small enough to be quick."""
    monkeypatch.setattr(index_pool, "POOL_MIN", 0)
    monkeypatch.setattr(index_pool, "CHUNK", 4)


@pytest.fixture
def split(monkeypatch):
    """Ranking in two halves at once (index_rank) however few the posts, on any machine."""
    monkeypatch.setattr(index_rank, "SPLIT_FROM", 0)
    monkeypatch.setattr(index_module, "default_workers", lambda: 2)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(folder=folders())
def test_pool_built_contentless_index_answers_as_a_plain_one(
    pooled, split, tmp_path_factory, folder
):
    posts, changes, queries = folder
    base = tmp_path_factory.mktemp("library")
    drafts = base / "drafts"
    write(drafts, posts)
    index = PostIndex(drafts, base / "index.sqlite3")
    try:
        index.refresh(workers=2)
        same_answers(index, ReferenceIndex(drafts), queries)
        # Changed and removed files: a contentless table must be given exactly the old text
        # to forget it, or its word counts (and so relevance) drift from a fresh index's.
        write(drafts, changes)
        index.refresh(workers=1)  # a few files: read here, as the app does
        index.optimize()
        same_answers(index, ReferenceIndex(drafts), queries)
        assert index.refresh().changed is False
    finally:
        index.close()


def test_the_full_text_index_keeps_no_copy_of_the_text(tmp_path):
    drafts = tmp_path / "drafts"
    write(drafts, {"a.md": "---\ntitle: Ward\n---\n" + "nightingale " * 2000})
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    index.refresh()
    tables = {name for (name,) in index._db.execute("SELECT name FROM sqlite_master")}
    assert "posts_fts_content" not in tables  # contentless: the text is stored once, packed
    (packed,) = index._db.execute("SELECT length(packed) FROM bodies").fetchone()
    assert packed < 1000  # 24 KB of text
    assert "\x02nightingale\x03" in index.search("nightin")[0].snippet
    index.close()


def old_schema_file(db: Path) -> None:
    old = sqlite3.connect(db)
    old.executescript(
        """
        CREATE TABLE posts (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, title TEXT);
        CREATE VIRTUAL TABLE posts_fts USING fts5(title, tags, categories, body);
        INSERT INTO posts (path, title) VALUES ('/gone.md', 'A post no longer there');
        PRAGMA user_version = 4;
        """
    )
    old.close()


@pytest.mark.parametrize("damage", ["garbage", "old schema", "truncated"])
def test_a_damaged_or_old_index_file_is_rebuilt_by_the_pool(pooled, tmp_path, damage):
    drafts, db = tmp_path / "drafts", tmp_path / "index.sqlite3"
    write(drafts, {f"p{n}.md": f"---\ntitle: Post {n}\n---\nward night {n}\n" for n in range(9)})
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 500)
    elif damage == "old schema":
        old_schema_file(db)
    else:
        built = PostIndex(drafts, db)
        built.refresh(workers=2)
        built.close()
        db.write_bytes(db.read_bytes()[:5000])  # a crash mid-write on a strange file system
    index = PostIndex(drafts, db)
    try:
        stats = index.refresh(workers=2)
        assert stats.added == 9 and stats.removed == 0
        assert sorted(e.title for e in index.entries()) == [f"Post {n}" for n in range(9)]
        assert len(index.search("ward night")) == 9
        assert index._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        index.close()


def test_a_post_saved_while_a_refresh_runs_is_not_indexed_twice(pooled, many, tmp_path):
    """The app indexes a save at once, on its own connection, while the indexing process
    may still have that file to read: the later write replaces, it does not collide."""
    db = tmp_path / "index.sqlite3"
    index = PostIndex(many, db)
    changes = index.changes()
    saved = many / "p007.md"
    saved.write_text("---\ntitle: Saved meanwhile\n---\nward\n", encoding="utf-8")
    app = PostIndex(many, db)
    app.update_file(saved)
    app.close()
    try:
        index.apply(changes, workers=2)
        assert [e.title for e in index.entries() if e.file == str(saved)] == ["Saved meanwhile"]
        assert len(index) == 120
        assert len(index.search("ward")) == 120
    finally:
        index.close()


def test_a_script_without_a_main_guard_indexes_once(tmp_path):
    """Spawned workers do not run the calling script again: a script that indexes at its
    top level (no ``if __name__ == "__main__"``) would otherwise index again in each
    worker, each starting workers of its own, and never end."""
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:03d}.md": f"word {n}\n" for n in range(index_pool.POOL_MIN + 20)})
    script = tmp_path / "script.py"
    script.write_text(
        "from pathlib import Path\n"
        "from smugdesk.core.index import PostIndex\n"
        f"index = PostIndex(Path({str(drafts)!r}), Path({str(tmp_path / 'i.sqlite3')!r}))\n"
        "print(index.refresh(workers=2).added, len(index))\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    count = index_pool.POOL_MIN + 20
    assert done.stdout.split() == [str(count), str(count)]
    assert "bootstrapping" not in done.stderr


def descendants() -> set[int]:
    """Processes started (directly or not) by this one that still exist."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as stat:
                    parents[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found - {multiprocessing.resource_tracker._resource_tracker._pid}


# multiprocessing's resource tracker: one a process, started by the first pool of its
# locks and kept till the end by design (not a worker that outlived its work). Started
# here, so that its pid is known to every test whichever runs first.
multiprocessing.resource_tracker.ensure_running()


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def many(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:03d}.md": f"---\ntitle: Post {n}\n---\nward {n}\n" for n in range(120)})
    return drafts


def test_cancel_midway_keeps_what_was_written_and_stops_the_workers(
    pooled, many, tmp_path, monkeypatch
):
    before = descendants()
    index = PostIndex(many, tmp_path / "index.sqlite3")
    seen: list[int] = []
    ended = []
    end_pool = index_pool._end_pool

    def watched(pool, chunks, stop):
        end_pool(pool, chunks, stop)
        ended.extend(worker.exitcode for worker in pool._pool)

    monkeypatch.setattr(index_pool, "_end_pool", watched)
    try:
        stats = index.refresh(lambda done, _total: seen.append(done), lambda: len(seen) >= 5, 2)
        assert stats.cancelled
        assert len(index) == seen[-1] == 20  # five batches of four, each committed
        # The workers skipped the rest and ended by themselves: none was killed mid-task,
        # which can leave a lock of the pool's held, and the next cancel hanging on it.
        assert ended == [0, 0]
        wait_for(lambda: descendants() <= before)  # the pool is gone with the cancel
        rest = index.refresh(workers=2)
        assert (rest.added, rest.unchanged) == (100, 20)
        assert len(index.search("ward")) == 120
    finally:
        index.close()


def received_until(job: BackgroundRefresh, kind: str) -> list[tuple]:
    messages: list[tuple] = []
    wait_for(lambda: messages.extend(job.receive(0.05)) or any(m[0] == kind for m in messages))
    return messages


def test_the_app_indexes_in_another_process_and_can_cancel_it(many, tmp_path):
    before = descendants()
    db = tmp_path / "index.sqlite3"
    PostIndex(many, db).close()
    for n in range(400):  # enough for the indexing process to start its own pool
        (many / f"q{n:03d}.md").write_text(f"extra {n}\n", encoding="utf-8")
    job = BackgroundRefresh(many, db, workers=2)
    try:
        messages = received_until(job, "done")
    finally:
        job.close()
    assert [m[1:] for m in messages if m[0] == "progress"] == [(200, 520), (400, 520), (520, 520)]
    assert messages[-1][1].added == 520
    assert job.process.exitcode == 0
    wait_for(lambda: descendants() <= before)

    (many / "p000.md").write_text("---\ntitle: Changed\n---\nward\n", encoding="utf-8")
    for n in range(400):
        (many / f"q{n:03d}.md").write_text(f"changed {n}\n", encoding="utf-8")
    job = BackgroundRefresh(many, db, workers=2)
    job.cancel()  # before its first batch: it must stop before writing one
    try:
        messages = received_until(job, "done")
    finally:
        job.close()
    assert messages[-1][1].cancelled
    assert not any(m[0] == "progress" for m in messages)
    wait_for(lambda: descendants() <= before)
    index = PostIndex(many, db)
    assert len(index.search("changed")) == 0 and len(index.search("extra")) == 400
    index.close()


def test_the_indexing_process_stops_when_the_app_is_gone(many, tmp_path):
    """The app killed outright: its end of the pipe closes, and the indexer and the pool
    it started end instead of indexing on for nobody."""
    before = descendants()
    for n in range(600):
        (many / f"q{n:03d}.md").write_text(f"extra {n}\n", encoding="utf-8")
    db = tmp_path / "index.sqlite3"
    job = BackgroundRefresh(many, db, workers=2)
    job._pipe.close()  # what the app's death does to its end
    job.process.join(30)
    assert job.process.exitcode == 0
    wait_for(lambda: descendants() <= before)
    index = PostIndex(many, db)
    assert len(index) == 0  # it stopped before its first batch
    index.close()


@pytest.fixture
def building(pooled, monkeypatch):
    """A large first indexing's path on a small folder: transactions of several chunks
    (8 posts, two chunks of four), FTS5's merging held back until one optimize."""
    monkeypatch.setattr(index_module, "_OPTIMIZE_AFTER", 1)
    monkeypatch.setattr(index_build, "COMMIT_POSTS", 8)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(folder=folders())
def test_a_bulk_built_index_answers_as_a_plain_one(building, tmp_path_factory, folder):
    posts, changes, queries = folder
    base = tmp_path_factory.mktemp("library")
    drafts = base / "drafts"
    write(drafts, posts)
    index = PostIndex(drafts, base / "index.sqlite3")
    try:
        index.refresh(workers=2)
        same_answers(index, ReferenceIndex(drafts), queries)
        assert index_build.fts_settings(index._db) == {
            "version": 4,
            "automerge": 4,
            "hashsize": 1048576,
        }
        assert has_list_indexes(index)
        # What the merge freed went back to the file system.
        assert index._db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
        assert index._db.execute("PRAGMA freelist_count").fetchone()[0] == 0
        write(drafts, changes)
        index.refresh(workers=2)
        same_answers(index, ReferenceIndex(drafts), queries)
    finally:
        index.close()


def test_a_cancelled_bulk_build_keeps_what_was_read(building, many, tmp_path):
    index = PostIndex(many, tmp_path / "index.sqlite3")
    seen: list[int] = []
    try:
        stats = index.refresh(lambda done, _total: seen.append(done), lambda: len(seen) >= 5, 2)
        # Five chunks read: two transactions of eight committed, and the open one with the
        # fifth chunk committed at the cancel.
        assert stats.cancelled and len(index) == seen[-1] == 20
        assert not index._db.in_transaction
        other = sqlite3.connect(tmp_path / "index.sqlite3")  # committed, not just written
        assert other.execute("SELECT count(*) FROM posts").fetchone()[0] == 20
        other.close()
        assert index_build.fts_settings(index._db)["automerge"] == 4  # FTS5's own merging is back
        assert len(index.search("ward")) == 20
    finally:
        index.close()


def test_an_indexing_process_killed_mid_build_leaves_a_usable_index(tmp_path):
    before = descendants()
    """The indexing process dies outright (killed, power cut to the process) midway through
    a large first indexing: the index holds the transactions committed, answers, and the
    next refresh reads the rest and puts FTS5's merging back."""
    drafts, db = tmp_path / "drafts", tmp_path / "index.sqlite3"
    write(
        drafts,
        {f"p{n:04d}.md": f"ward night {n}\n" for n in range(index_module._OPTIMIZE_AFTER + 500)},
    )
    job = BackgroundRefresh(drafts, db, workers=2)
    try:
        committed = index_build.COMMIT_POSTS  # progress is told after a commit
        wait_for(lambda: any(m[0] == "progress" and m[1] >= committed for m in job.receive(0.05)))
        job.process.kill()
        job.process.join(10)
    finally:
        job.close()
    wait_for(lambda: descendants() <= before)  # its pool ends without it
    index = PostIndex(drafts, db)
    try:
        kept = len(index)
        assert len(index.search("ward", limit=10_000)) == kept > 0
        assert index_build.fts_settings(index._db)["automerge"] in (0, 4)
        stats = index.refresh(workers=1)
        assert stats.added + kept == index_module._OPTIMIZE_AFTER + 500 == len(index)
        assert len(index.search("night", limit=10_000)) == len(index)
        assert index_build.fts_settings(index._db)["automerge"] == 4
        assert has_list_indexes(index)  # dropped for the build, made again
    finally:
        index.close()


def has_list_indexes(index: PostIndex) -> bool:
    """The list's date order and the tags in use are read from their indexes. (Asked on a
    connection of its own: SQLite does not plan a kept EXPLAIN again after the schema
    changes, as it does the statement itself.)"""
    with contextlib.closing(sqlite3.connect(index.db_path)) as db:
        by_date = db.execute(
            f"EXPLAIN QUERY PLAN SELECT path FROM posts ORDER BY {SORTS['date']}"
        ).fetchall()
        tags = db.execute(
            "EXPLAIN QUERY PLAN SELECT DISTINCT tags FROM posts WHERE tags != ''"
        ).fetchall()
    return any("posts_by_date" in row[-1] for row in by_date) and any(
        "COVERING INDEX posts_by_tags" in row[-1] for row in tags
    )


def test_an_index_made_before_the_tags_index_gets_it_at_its_next_refresh(tmp_path):
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n}.md": f"---\ntags: [{TAGS[n % 5]}, {TAGS[n % 3]}]\n---\nward\n"
                   for n in range(12)} | {"none.md": "no tags\n"})  # fmt: skip
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        expected = index.tags()
        assert expected == sorted(set(TAGS), key=str.casefold) and has_list_indexes(index)
        index._db.execute("DROP INDEX posts_by_tags")  # as schema 7 made it
        assert index.tags() == expected and not has_list_indexes(index)
        index.refresh()  # nothing changed on disk
        assert index.tags() == expected and has_list_indexes(index)
    finally:
        index.close()


def test_a_batch_refuses_links_out_of_the_folder_as_a_single_read_does(tmp_path):
    """Workers remember where each folder really is over one batch: a file linked out, a
    file in a folder linked out, and a link between posts still come out as when each
    file's whole path is resolved."""
    drafts, outside = tmp_path / "drafts", tmp_path / "outside"
    write(outside, {"secret.md": "root secret\n", "sub/private.md": "root private\n"})
    write(drafts, {"a/kept.md": "ward\n", "b/kept.md": "night\n"})
    (drafts / "a" / "out.md").symlink_to(outside / "secret.md")
    (drafts / "a" / "in.md").symlink_to(drafts / "b" / "kept.md")
    (drafts / "linked").symlink_to(outside / "sub")
    names = ["a/kept.md", "a/out.md", "a/in.md", "linked/private.md", "b/kept.md"]
    items = [(str(drafts / name), 1, 1) for name in names]
    batch = index_pool.read_chunk((str(drafts), items))
    one_by_one = [read_entry(Path(path), 1, 1, drafts) for path, _size, _mtime in items]
    assert [row for row, _texts, _packed in batch] == [
        index_pool.prepare(entry, body, drafts)[0] for entry, body in one_by_one
    ]
    problems = {name: row[11] for name, (row, _t, _p) in zip(names, batch, strict=True)}
    assert "outside the drafts folder" in problems["a/out.md"]
    assert "outside the drafts folder" in problems["linked/private.md"]
    assert problems["a/kept.md"] == problems["a/in.md"] == problems["b/kept.md"] == ""


def test_a_build_gives_the_pages_its_merge_freed_back(building, tmp_path):
    """The segments written during a build are merged into one at its end; the pages they
    held go back to the file system (a 50,000-post index once kept 76 MB of them)."""
    drafts = tmp_path / "drafts"
    words = [f"w{n}x{n * 7 % 13}" for n in range(3000)]
    write(drafts, {f"p{n:02d}.md": " ".join(words[n::7]) + "\n" for n in range(60)})
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh(workers=2)
        pages = index._db.execute("PRAGMA page_count").fetchone()[0]
        assert pages > 10 and index._db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    finally:
        index.close()


@pytest.mark.parametrize("halves", [False, True])
def test_the_best_few_of_equally_good_matches_are_the_first_by_path(tmp_path, request, halves):
    """Equal scores at the cut: the posts kept are the first by path, as in the full order,
    whatever order the index stored them in, and ranked in one piece or in two halves."""
    if halves:
        request.getfixturevalue("split")
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n}.md": "ward night\n" for n in range(8)})
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        for n in reversed(range(8)):  # stored last path first
            index.update_file(drafts / f"p{n}.md")
        everything = [entry.file for entry in index.search("ward")]
        assert everything == [str(drafts / f"p{n}.md") for n in range(8)]
        for limit in (1, 3, 7):
            assert [entry.file for entry in index.search("ward", limit=limit)] == everything[:limit]
    finally:
        index.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_held_refresh_reads_nothing_and_keeps_no_lock_until_it_may_go_on(tmp_path, workers):
    """While the writer types, the indexing process's readers stop between two posts and
    its writer commits: a save from the app gets the index at once (a first indexing
    otherwise keeps a transaction open over a thousand posts), and nothing more is read
    until the typing pauses."""
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:04d}.md": f"---\ntitle: Post {n}\n---\nward {n}\n" for n in range(2200)})
    db = tmp_path / "index.sqlite3"
    PostIndex(drafts, db).close()
    job = BackgroundRefresh(drafts, db, workers=workers)
    try:
        received_until(job, "progress")  # writing, inside a transaction of many chunks
        job.hold()
        time.sleep(0.5)  # a chunk read before the hold may still land
        job.receive(0.1)
        time.sleep(1.0)  # held: nothing may arrive now
        assert not [m for m in job.receive(0.1) if m[0] == "progress"]
        saving = PostIndex(drafts, db)
        try:
            saving._db.execute("PRAGMA busy_timeout = 2000")  # not the index's 30 s
            saving.update_file(drafts / "p0000.md")  # the app saving a post
        finally:
            saving.close()
        job.go_on()
        messages = received_until(job, "done")
    finally:
        job.close()
    assert messages[-1][0] == "done" and not messages[-1][1].cancelled
    index = PostIndex(drafts, db)
    try:
        assert len(index) == 2200 and len(index.search("ward", limit=3000)) == 2200
    finally:
        index.close()
