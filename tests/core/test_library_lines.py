"""`smugdesk list`'s lines as SQLite writes them from the index are, character for
character, what entry_line and json.dumps(entry_json(...)) write for the same entry, in any
time zone; and the listing follows the files."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smugdesk.core.index import PostIndex
from smugdesk.core.index_pool import prepare
from smugdesk.core.library_lines import listing
from smugdesk.core.library_scan import STATUSES, Entry
from smugdesk.core.library_view import entry_json, entry_line

# Whatever a front matter can hold: quotes, backslashes, control characters (NUL too: YAML's
# "\0"), line separators, accents, emoji.
_ODD = '"\\\x00\x01\x07\x1f\x7f\t\n\r\u2028é«»🚑 :[],'
text = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(_ODD), max_size=30)
plain = st.text(alphabet="abcxyz -_0123456789", max_size=20)
SECOND = 10**9
edited = st.one_of(st.integers(0, 2**31 * SECOND), st.integers(-(2**62), 2**62))  # int64 ns


@st.composite
def entries(draw, root: str) -> Entry:
    inside = draw(st.booleans()) or draw(st.booleans())
    name = draw(st.one_of(plain, text.filter(lambda t: "\x00" not in t and "/" not in t)))
    folder = root if inside else "/elsewhere/"
    return Entry(
        file=f"{folder}{draw(st.sampled_from(['', 'sub/', 'a b/']))}{name or 'x'}.md",
        title=draw(st.one_of(plain, text)),
        slug=draw(st.one_of(plain, text)),
        date=draw(st.one_of(st.just(""), st.just("2024-05-01T09:30:00"), plain, text)),
        status=draw(st.one_of(st.sampled_from(STATUSES), text)),
        tags=tuple(draw(st.lists(st.one_of(plain, text), max_size=4))),
        categories=tuple(draw(st.lists(st.one_of(plain, text), max_size=3))),
        summary=draw(st.one_of(st.just(""), text)),
        words=draw(st.integers(0, 10**7)),
        edited_ns=draw(edited),
        size=draw(st.integers(0, 10**9)),
        problem=draw(st.one_of(st.just(""), st.just(""), text)),
    )


def _stored(index: PostIndex, posts: list[Entry]) -> None:
    unique = {entry.file: entry for entry in posts}.values()
    with index._transaction():
        index._store_many([prepare(entry, "body", index.drafts) for entry in unique])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_lines_kept_are_the_lines_python_writes_for_the_entry_read_back(data):
    """Also for what the index gives back otherwise than it was given (a tag of "", a tag
    with a line break): the line is the listing's entry's, as it always was."""
    with tempfile.TemporaryDirectory() as temp:
        drafts = Path(temp) / "drafts"
        posts = data.draw(st.lists(entries(str(drafts) + os.sep), min_size=1, max_size=12))
        index = PostIndex(drafts, Path(temp) / "index.sqlite3")
        try:
            _stored(index, posts)
            read_back = {entry.file: entry for entry in index.entries()}
            for path, _size, _mtime, line in index.listed("list_line"):
                assert line == entry_line(read_back[path], drafts)
            for path, _size, _mtime, line in index.listed("json_line"):
                assert line == json.dumps(entry_json(read_back[path], drafts))
                assert json.loads(line)["path"] == path
        finally:
            index.close()


def write(drafts: Path, name: str, text: str) -> Path:
    path = drafts / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_listing_follows_files_changed_added_and_removed(tmp_path):
    drafts = tmp_path / "drafts"
    first = write(drafts, "2024/ward.md", "---\ntitle: Night ward\ndate: 2024-05-01\n---\nx\n")
    gone = write(drafts, "2023/old.md", "---\ntitle: Old\ndate: 2023-01-01\n---\n")
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        assert listing(index) == [
            "2024-05-01  draft      Night ward  2024/ward.md",
            "2023-01-01  draft      Old  2023/old.md",
        ]
        first.write_text("---\ntitle: Day ward\ndate: 2024-05-01\nstatus: published\n---\n")
        os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + SECOND))
        gone.unlink()
        write(drafts, "new.md", "---\ntitle: Brand new\ndate: 2025-02-03\ntags: [video]\n---\n")
        lines = listing(index)
        assert lines == [
            "2025-02-03  draft      Brand new  [video]  new.md",
            "2024-05-01  published  Day ward  2024/ward.md",
        ]
        (only,) = listing(index, "json", status="published")
        assert json.loads(only)["title"] == "Day ward"
        assert listing(index, "text", sort="title", tag="video") == lines[:1]
    finally:
        index.close()


def test_a_file_changed_in_place_with_the_same_size_is_seen(tmp_path):
    """Only the time tells: the listing's own rows are what the folder is checked against."""
    drafts = tmp_path / "drafts"
    post = write(drafts, "a.md", "---\ntitle: AAAA\n---\n")
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        assert "AAAA" in listing(index, "json")[0]
        before = post.stat().st_mtime_ns
        post.write_text("---\ntitle: BBBB\n---\n", encoding="utf-8")
        os.utime(post, ns=(before, before + 1))
        assert "BBBB" in listing(index, "json")[0]
    finally:
        index.close()


def test_an_index_file_made_for_another_folder_is_made_again(tmp_path):
    """The rows keep paths relative to the drafts folder: reopened for a folder inside it,
    the file is rebuilt rather than listing "b/x.md" for what is now "x.md"."""
    outer = tmp_path / "outer"
    write(outer, "b/x.md", "---\ntitle: X\n---\n")
    db = tmp_path / "index.sqlite3"
    index = PostIndex(outer, db)
    try:
        assert json.loads(listing(index, "json")[0])["relative_path"] == "b/x.md"
    finally:
        index.close()
    index = PostIndex(outer / "b", db)
    try:
        assert json.loads(listing(index, "json")[0])["relative_path"] == "x.md"
        assert listing(index)[0].endswith("  x.md")
    finally:
        index.close()


def test_the_json_reads_the_same_in_every_time_zone(tmp_path, monkeypatch):
    """The JSON is kept with the row, so it must not depend on the machine's time zone: the
    edited time is UTC (RFC 3339), to the second."""
    drafts = tmp_path / "drafts"
    post = write(drafts, "a.md", "---\ntitle: A\n---\n")
    os.utime(post, ns=(0, 1_700_000_000 * SECOND + SECOND - 1))
    seen = []
    for zone in ("UTC", "America/New_York", "Asia/Kathmandu"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        index = PostIndex(drafts, tmp_path / f"{zone.replace('/', '-')}.sqlite3")
        try:
            seen.append(listing(index, "json"))
        finally:
            index.close()
    monkeypatch.undo()
    time.tzset()
    assert seen[0] == seen[1] == seen[2]
    assert json.loads(seen[0][0])["edited"] == "2023-11-14T22:13:20Z"
