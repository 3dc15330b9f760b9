"""New, rename, duplicate, trash and restore on real files: nothing is ever lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from smugdesk.core.library import (
    LibraryError,
    create_post,
    duplicate_post,
    rename_post,
    restore_post,
    trash_post,
    trashed_posts,
)
from smugdesk.core.store import load_post

PIXEL = (Path(__file__).parent.parent / "ui" / "pixel.png").read_bytes()


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


def post_with_image(drafts: Path, name: str = "ward-visit.md", extra: str = "") -> Path:
    path = drafts / name
    (drafts / f"{path.stem}.assets").mkdir()
    (drafts / f"{path.stem}.assets" / "door.png").write_bytes(PIXEL)
    path.write_text(
        "---\n# kept comment\ntitle: Ward visit\nstatus: draft\n"
        f"{extra}---\n\n![The door]({path.stem}.assets/door.png)\n",
        encoding="utf-8",
    )
    return path


def test_create_post_derives_a_unique_file_name(drafts):
    first = create_post(drafts, "Why we post: a year on Instagram")
    second = create_post(drafts, "Why we post: a year on Instagram")
    assert first.name == "why-we-post-a-year-on-instagram.md"
    assert second.name == "why-we-post-a-year-on-instagram-2.md"
    post = load_post(first)
    assert post.title == "Why we post: a year on Instagram"
    assert post.meta["status"] == "draft" and post.date is not None
    with pytest.raises(LibraryError):
        create_post(drafts, "   ")


def test_rename_changes_title_file_and_images_folder(drafts):
    path = post_with_image(drafts)
    renamed = rename_post(path, "Night visit")
    assert renamed == drafts / "night-visit.md"
    assert not path.exists() and not (drafts / "ward-visit.assets").exists()
    text = renamed.read_text()
    assert "# kept comment" in text
    assert "title: Night visit" in text
    assert "](night-visit.assets/door.png)" in text
    assert (drafts / "night-visit.assets" / "door.png").read_bytes() == PIXEL


def test_rename_of_a_published_post_keeps_its_url(drafts):
    path = post_with_image(drafts, extra="published:\n  blog: {id: 7}\n")
    renamed = rename_post(path, "A better title")
    post = load_post(renamed)
    assert post.meta["slug"] == "ward-visit"
    assert post.slug == "ward-visit"


def test_rename_to_a_taken_name_never_overwrites(drafts):
    path = post_with_image(drafts)
    (drafts / "night-visit.md").write_text("someone else's post\n")
    renamed = rename_post(path, "Night visit")
    assert renamed.name == "night-visit-2.md"
    assert (drafts / "night-visit.md").read_text() == "someone else's post\n"


def test_duplicate_is_a_fresh_unpublished_draft_with_its_own_images(drafts):
    path = post_with_image(drafts, extra="slug: ward\npublished:\n  blog: {id: 7}\n")
    copy = duplicate_post(path)
    assert copy == drafts / "ward-visit-copy.md"
    post = load_post(copy)
    assert post.title == "Ward visit (copy)"
    assert "published" not in post.meta and "slug" not in post.meta
    assert post.meta["status"] == "draft"
    assert "](ward-visit-copy.assets/door.png)" in post.body
    assert (drafts / "ward-visit-copy.assets" / "door.png").exists()
    assert (drafts / "ward-visit.assets" / "door.png").exists()
    assert load_post(path).meta["published"]["blog"]["id"] == 7


def test_trash_and_restore_round_trip(drafts):
    (drafts / "2024").mkdir()
    path = post_with_image(drafts / "2024")
    original = path.read_bytes()
    trashed = trash_post(drafts, path)
    assert not path.exists() and not (drafts / "2024" / "ward-visit.assets").exists()
    assert trashed.path.parent == drafts / ".trash"
    assert trashed.path.read_bytes() == original
    listed = trashed_posts(drafts)
    assert [item.original for item in listed] == [path]
    restored = restore_post(drafts, listed[0])
    assert restored == path and path.read_bytes() == original
    assert (drafts / "2024" / "ward-visit.assets" / "door.png").exists()
    assert trashed_posts(drafts) == []


def test_two_posts_of_the_same_name_in_the_trash_both_come_back(drafts):
    for folder in ("a", "b"):
        (drafts / folder).mkdir()
        (drafts / folder / "note.md").write_text(f"from {folder}\n")
        trash_post(drafts, drafts / folder / "note.md")
    listed = trashed_posts(drafts)
    assert sorted(item.path.name for item in listed) == ["note-2.md", "note.md"]
    for item in listed:
        restore_post(drafts, item)
    assert (drafts / "a" / "note.md").read_text() == "from a\n"
    assert (drafts / "b" / "note.md").read_text() == "from b\n"


def test_restore_beside_a_post_that_took_the_name_meanwhile(drafts):
    path = drafts / "note.md"
    path.write_text("old\n")
    trash_post(drafts, path)
    path.write_text("new\n")
    restored = restore_post(drafts, trashed_posts(drafts)[0])
    assert restored == drafts / "note-2.md"
    assert restored.read_text() == "old\n" and path.read_text() == "new\n"


def test_trashing_a_missing_post_says_so(drafts):
    with pytest.raises(LibraryError, match="not there"):
        trash_post(drafts, drafts / "ghost.md")
