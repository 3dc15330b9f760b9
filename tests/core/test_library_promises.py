"""What a writer relies on when posts are created, renamed, duplicated, trashed and restored,
one promise a test (found by mutation testing, docs/testing.md): nothing is lost or
overwritten, a post comes back where it was even when the trash's notes are damaged, links to
a post's images follow a rename in every form a post writes them, and errors say what failed."""

from __future__ import annotations

import datetime as real_dt
import errno
import json
import os
from pathlib import Path

import pytest

from smugdesk.core import library
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


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def post_text(title: str = "Ward visit", extra: str = "", body: str = "Body.\n") -> str:
    return f"---\ntitle: {title}\n{extra}---\n\n{body}"


# ----- new ------------------------------------------------------------------------------
def test_a_new_post_in_a_folder_not_made_yet_makes_it(drafts):
    made = create_post(drafts, "Ward visit", folder=drafts / "2024" / "05")
    assert made == drafts / "2024" / "05" / "ward-visit.md"
    assert load_post(made).title == "Ward visit"


def test_a_title_without_letters_gives_an_untitled_file(drafts):
    assert create_post(drafts, "!!!").name == "untitled.md"
    assert load_post(drafts / "untitled.md").title == "!!!"


def test_empty_titles_are_refused_in_plain_words(drafts):
    with pytest.raises(LibraryError, match=r"^a new post needs a title$"):
        create_post(drafts, "  ")
    path = write(drafts / "ward.md", post_text())
    with pytest.raises(LibraryError, match=r"^the title cannot be empty$"):
        rename_post(path, " ")
    assert path.read_text(encoding="utf-8") == post_text()


# ----- rename ---------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["published", "publish"])
def test_renaming_a_post_published_by_status_keeps_its_url(drafts, status):
    path = write(drafts / "ward-visit.md", post_text(extra=f"status: {status}\n"))
    renamed = rename_post(path, "A better title")
    assert load_post(renamed).meta["slug"] == "ward-visit"


def test_renaming_a_draft_does_not_pin_its_url(drafts):
    path = write(drafts / "ward-visit.md", post_text(extra="status: draft\n"))
    renamed = rename_post(path, "A better title")
    post = load_post(renamed)
    assert renamed.name == "a-better-title.md" and "slug" not in post.meta


def test_rewording_a_title_with_the_same_slug_keeps_the_file(drafts):
    path = write(drafts / "ward-visit.md", post_text())
    renamed = rename_post(path, "Ward Visit!")
    assert renamed == path and sorted(p.name for p in drafts.iterdir()) == ["ward-visit.md"]
    assert load_post(path).title == "Ward Visit!"


def test_retitling_a_read_only_post_is_done_when_the_writer_asks(drafts):
    # Rename is the writer's own request (a dialog), as it is when the file name changes.
    path = write(drafts / "ward-visit.md", post_text())
    os.chmod(path, 0o444)
    assert rename_post(path, "Ward Visit!") == path
    assert load_post(path).title == "Ward Visit!"


def test_a_title_without_letters_renames_to_untitled(drafts):
    path = write(drafts / "ward-visit.md", post_text())
    assert rename_post(path, "???").name == "untitled.md"


def test_a_markdown_extension_other_than_md_is_kept(drafts):
    path = write(drafts / "ward-visit.markdown", post_text())
    assert rename_post(path, "Night visit").name == "night-visit.markdown"
    copy = duplicate_post(drafts / "night-visit.markdown")
    assert copy.name == "night-visit-copy.markdown"


def test_image_links_of_every_form_follow_a_rename(drafts):
    body = (
        "![door](ward-visit.assets/door.png)\n\n"
        '<img src="ward-visit.assets/a.png">\n'
        "<img src='ward-visit.assets/b.png'>\n\n"
        "![plan][p]\n\n[p]: ward-visit.assets/plan.png\n"
    )
    path = write(drafts / "ward-visit.md", post_text(body=body))
    write(drafts / "ward-visit.assets" / "door.png", "png")
    renamed = rename_post(path, "Night visit")
    text = load_post(renamed).body
    assert "ward-visit.assets" not in text
    assert text.count("night-visit.assets/") == 4


# ----- trash ----------------------------------------------------------------------------
class Clock:
    """Stand-in for the wall clock: one trash a minute, so their order is known."""

    def __init__(self) -> None:
        self.minute = 0

    def now(self, tz=None):
        self.minute += 1
        return real_dt.datetime(2024, 5, 1, 9, self.minute, 0, 123456)


def test_the_trash_lists_the_most_recently_trashed_first_with_the_time_to_the_second(
    drafts, monkeypatch
):
    clock = Clock()

    class Datetime(real_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return clock.now(tz)

    monkeypatch.setattr(library.dt, "datetime", Datetime)
    made = [trash_post(drafts, write(drafts / f"{name}.md", name)) for name in "abc"]
    monkeypatch.undo()
    listed = trashed_posts(drafts)
    assert [item.name for item in listed] == ["c.md", "b.md", "a.md"]
    assert listed == made[::-1], "what trash_post returns is what the trash lists"
    when = real_dt.datetime.fromisoformat(listed[0].trashed_at)
    assert (when.minute, when.second, when.microsecond) == (3, 0, 0)


def test_a_trash_whose_notes_were_lost_still_lists_and_restores_its_posts(drafts):
    trash_post(drafts, write(drafts / "2024" / "noted.md", "noted"))
    write(drafts / ".trash" / "stray.md", "put here by a sync tool")
    listed = {item.name: item for item in trashed_posts(drafts)}
    assert listed["stray.md"].original == drafts / "stray.md"
    assert listed["stray.md"].trashed_at == ""
    assert listed["noted.md"].original == drafts / "2024" / "noted.md"
    assert restore_post(drafts, listed["stray.md"]) == drafts / "stray.md"
    (drafts / ".trash" / ".origins.json").unlink()
    (orphan,) = trashed_posts(drafts)
    assert orphan.original == drafts / "noted.md"  # back to the top of the drafts folder
    assert restore_post(drafts, orphan).read_text() == "noted"


@pytest.mark.parametrize("damage", ["[1, 2]", "{not json", ""])
def test_damaged_trash_notes_do_not_stop_trashing(drafts, damage):
    write(drafts / ".trash" / ".origins.json", damage)
    trashed = trash_post(drafts, write(drafts / "ward.md", "words"))
    assert trashed.path.read_text() == "words"
    assert restore_post(drafts, trashed_posts(drafts)[0]) == drafts / "ward.md"


def test_when_the_trash_notes_cannot_be_written_the_post_stays(drafts):
    (drafts / ".trash" / ".origins.json").mkdir(parents=True)  # not a file: cannot be replaced
    path = write(drafts / "ward.md", "words")
    with pytest.raises(LibraryError, match=r"^could not write the trash's notes: could not save"):
        trash_post(drafts, path)
    assert path.read_text() == "words"


def test_a_failed_move_to_the_trash_says_so_and_leaves_the_post(drafts, monkeypatch):
    path = write(drafts / "ward.md", "words")
    real_replace = os.replace

    def refuse(source, target):  # stand-in for a drafts folder on a failing share
        if Path(source) == path:
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(LibraryError, match=r"^could not move ward.md to the trash: Input/output"):
        trash_post(drafts, path)
    assert path.read_text() == "words"


# ----- restore --------------------------------------------------------------------------
def test_a_restore_remakes_the_folder_the_post_came_from(drafts):
    trashed = trash_post(drafts, write(drafts / "2024" / "05" / "ward.md", "words"))
    (drafts / "2024" / "05").rmdir()
    (drafts / "2024").rmdir()
    assert restore_post(drafts, trashed) == drafts / "2024" / "05" / "ward.md"


def test_restoring_one_post_keeps_the_others_way_home(drafts):
    first = trash_post(drafts, write(drafts / "a" / "one.md", "one"))
    trash_post(drafts, write(drafts / "b" / "two.md", "two"))
    restore_post(drafts, first)
    (left,) = trashed_posts(drafts)
    assert left.original == drafts / "b" / "two.md"
    notes = json.loads((drafts / ".trash" / ".origins.json").read_text())
    assert list(notes) == ["two.md"], "the restored post's note is gone with it"


def test_a_linked_post_comes_back_from_the_trash_as_the_same_link(drafts, tmp_path):
    real = write(tmp_path / "site" / "ward.md", "in a git checkout")
    link = drafts / "ward.md"
    link.symlink_to(real)
    trashed = trash_post(drafts, link)
    restored = restore_post(drafts, trashed)
    assert restored.is_symlink() and restored.resolve() == real.resolve()
    assert real.read_text() == "in a git checkout"


def test_restore_works_where_hard_links_cannot_be_made(drafts, monkeypatch):
    trashed = trash_post(drafts, write(drafts / "ward.md", "words"))

    def no_links(*_args, **_kwargs):  # stand-in for a FAT stick or a network share
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert restore_post(drafts, trashed) == drafts / "ward.md"
    assert (drafts / "ward.md").read_text() == "words" and not trashed.path.exists()


def test_a_restore_that_cannot_leave_the_trash_leaves_one_copy_and_says_why(drafts, monkeypatch):
    trashed = trash_post(drafts, write(drafts / "ward.md", "words"))
    real_unlink = os.unlink

    def stuck(path, *args, **kwargs):  # stand-in: the trash item cannot be removed
        if Path(path) == trashed.path:
            raise OSError(errno.EBUSY, "Device or resource busy")
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", stuck)
    with pytest.raises(LibraryError, match=r"^could not restore ward.md: Device or resource busy$"):
        restore_post(drafts, trashed)
    monkeypatch.undo()
    assert not (drafts / "ward.md").exists(), "no second copy beside the one in the trash"
    assert trashed.path.read_text() == "words"


def test_a_restore_that_finds_no_free_name_says_so(drafts, monkeypatch):
    trashed = trash_post(drafts, write(drafts / "ward.md", "words"))

    def always_taken(*_args, **_kwargs):  # stand-in: another program takes every name first
        raise FileExistsError(errno.EEXIST, "File exists")

    monkeypatch.setattr(os, "link", always_taken)
    with pytest.raises(LibraryError, match=r"^could not restore ward.md: no free name beside it$"):
        restore_post(drafts, trashed)
    assert trashed.path.read_text() == "words"


def test_a_restore_that_cannot_move_the_post_at_all_says_why(drafts, monkeypatch):
    trashed = trash_post(drafts, write(drafts / "ward.md", "words"))

    def no_links(*_args, **_kwargs):  # stand-in for a share without hard links…
        raise OSError(errno.EPERM, "Operation not permitted")

    def no_renames(*_args, **_kwargs):  # …that refuses the rename as well
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", no_renames)
    with pytest.raises(LibraryError, match=r"^could not restore ward.md: Input/output error$"):
        restore_post(drafts, trashed)
    monkeypatch.undo()
    assert trashed.path.read_text() == "words"


def test_a_restore_whose_cleanup_fails_too_still_ends_in_one_sentence(drafts, monkeypatch):
    trashed = trash_post(drafts, write(drafts / "ward.md", "words"))

    def stuck(*_args, **_kwargs):  # stand-in: nothing can be removed on this share
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(os, "unlink", stuck)
    with pytest.raises(LibraryError, match=r"^could not restore ward.md: Device or resource"):
        restore_post(drafts, trashed)
    monkeypatch.undo()
    assert trashed.path.read_text() == "words"


def test_renaming_a_published_post_keeps_its_own_slug_as_written(drafts):
    path = write(drafts / "ward.md", post_text(extra="status: published\nslug: Ward-Visit\n"))
    renamed = rename_post(path, "Night visit")
    assert load_post(renamed).meta["slug"] == "Ward-Visit"
