"""The library index: real files in tmp_path, the real SQLite FTS5 index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smugdesk.core.index import PostIndex, fts_query

POSTS = {
    "video-interviews.md": (
        "---\ntitle: Interviews with our nurses\ndate: 2025-03-01 09:00:00\n"
        "tags: [video, nurses]\ncategories: [stories]\nstatus: published\n---\n\n"
        "We filmed three conversations on the ward about night shifts.\n"
    ),
    "2024/policy.md": (
        "---\ntitle: 'A social media policy, rewritten'\ndate: 2024-11-20\n"
        "tags:\n  - policy\n  - social media\nstatus: draft\n---\n\n"
        "Staff asked for plain rules about posting from the clinic.\n"
    ),
    "notes.markdown": "Just a scratch note about the Café opening, no front matter.\n",
    "future.md": (
        "---\ntitle: Vaccination day\ndate: 2099-01-01\nstatus: published\ntags: [events]\n---\n"
        "Coming soon.\n"
    ),
}


def write_posts(drafts: Path, posts: dict[str, str | bytes]) -> None:
    for name, content in posts.items():
        path = drafts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    write_posts(folder, POSTS)
    return folder


@pytest.fixture
def index(drafts, tmp_path):
    index = PostIndex(drafts, tmp_path / "cache" / "index.sqlite3")
    index.refresh()
    yield index
    index.close()


def titles(entries) -> list[str]:
    return [entry.title for entry in entries]


def test_lists_every_post_with_its_metadata(index, drafts):
    entries = {entry.path.name: entry for entry in index.entries()}
    assert set(entries) == {"video-interviews.md", "policy.md", "notes.markdown", "future.md"}
    video = entries["video-interviews.md"]
    assert video.title == "Interviews with our nurses"
    assert video.tags == ("video", "nurses")
    assert video.categories == ("stories",)
    assert video.status == "published"
    assert video.words == 10
    assert video.date.startswith("2025-03-01")
    assert entries["policy.md"].tags == ("policy", "social media")
    assert entries["policy.md"].path == drafts / "2024" / "policy.md"
    assert entries["notes.markdown"].title == "notes"
    assert entries["future.md"].status == "scheduled"  # published, but dated ahead


def test_sorts_and_filters(index):
    assert titles(index.entries("date"))[:2] == ["Vaccination day", "Interviews with our nurses"]
    assert titles(index.entries("title"))[0] == "A social media policy, rewritten"
    assert titles(index.entries("title", status="draft")) == [
        "A social media policy, rewritten",
        "notes",  # no status at all is a draft
    ]
    assert titles(index.entries(tag="Social Media")) == ["A social media policy, rewritten"]
    assert titles(index.entries(tag="social")) == []  # a whole tag, not part of one
    assert index.tags() == ["events", "nurses", "policy", "social media", "video"]


def test_search_by_body_word_tag_prefix_and_accent(index):
    assert titles(index.search("night shifts")) == ["Interviews with our nurses"]
    assert titles(index.search("ward nurse")) == ["Interviews with our nurses"]
    assert titles(index.search("polic")) == ["A social media policy, rewritten"]
    assert titles(index.search("cafe")) == ["notes"]
    assert index.search("ward clinic") == []  # every word must match
    hit = index.search("filmed")[0]
    assert "\x02filmed\x03" in hit.snippet
    assert index.search("nurses")[0].title_marked == "Interviews with our \x02nurses\x03"


def test_search_text_is_never_fts_syntax(index):
    for typed in ('"', "NEAR(", "a OR", "title:x", "-", "*", "ward AND NOT"):
        index.search(typed)  # no sqlite3.OperationalError
    assert fts_query("ward AND NOT") == '"ward"* AND "AND"* AND "NOT"*'


def test_follows_changes_on_disk(index, drafts):
    (drafts / "notes.markdown").unlink()
    write_posts(drafts, {"new.md": "---\ntitle: Fresh\n---\nhospital radio\n"})
    policy = drafts / "2024" / "policy.md"
    policy.write_text(policy.read_text().replace("plain rules", "clear guidance"))
    os.utime(policy, ns=(1, 1))  # a change that keeps the size must still be seen (mtime)
    stats = index.refresh()
    assert (stats.added, stats.updated, stats.removed) == (1, 1, 1)
    assert titles(index.search("guidance")) == ["A social media policy, rewritten"]
    assert index.search("plain rules") == []
    assert titles(index.search("radio")) == ["Fresh"]
    assert index.refresh().changed is False


def test_update_file_reindexes_one_post(index, drafts):
    post = drafts / "video-interviews.md"
    post.write_text(post.read_text().replace("three", "four"))
    index.update_file(post)
    assert titles(index.search("four")) == ["Interviews with our nurses"]
    post.unlink()
    index.update_file(post)
    assert index.search("four") == []


def test_unreadable_files_are_listed_with_the_reason(index, drafts):
    write_posts(
        drafts,
        {
            "latin1.md": "caf\xe9".encode("latin-1"),
            "broken.md": "---\ntitle: a: b\n---\nthe body still counts\n",
            "image.md": b"\x89PNG\r\n\x1a\n\x00\x00",
            "open.md": "---\ntitle: never closed\n",
        },
    )
    index.refresh()
    problems = {e.path.name: e.problem for e in index.entries() if e.problem}
    assert "not valid UTF-8" in problems["latin1.md"]
    assert "line 2" in problems["broken.md"] and "quotes" in problems["broken.md"]
    assert "binary" in problems["image.md"]
    assert "no closing ---" in problems["open.md"]
    assert titles(index.search("body still")) == ["broken"]


def test_hidden_folders_trash_and_assets_are_not_posts(index, drafts):
    write_posts(
        drafts,
        {
            ".trash/old.md": "gone\n",
            ".git/x.md": "no\n",
            "video-interviews.assets/readme.md": "not a post\n",
        },
    )
    index.refresh()
    assert len(index) == 4


def test_a_damaged_or_old_index_is_rebuilt(drafts, tmp_path):
    db = tmp_path / "index.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    index = PostIndex(drafts, db)
    index.refresh()
    assert len(index) == 4
    index._db.execute("PRAGMA user_version = 1")
    index.close()
    again = PostIndex(drafts, db)
    assert len(again) == 0  # thrown away: a cache from another version is not trusted
    again.refresh()
    assert len(again) == 4
    again.close()


def test_find_slug(index, drafts):
    assert index.find_slug("policy") == drafts / "2024" / "policy.md"
    assert index.find_slug("nothing") is None
