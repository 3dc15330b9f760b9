"""What a save must never do to the files a writer owns: write beside a link instead of
through it, overwrite a read-only file or another program's edit without asking, split hard
links, make files nobody else can read, leave its temporary file elsewhere or behind; and
what trash, restore and duplicate must never do: overwrite a post, or copy its publication."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smugdesk.core.errors import ConflictError, SaveError
from smugdesk.core.library import duplicate_post, restore_post, trash_post, trashed_posts
from smugdesk.core.store import (
    PostFile,
    ReadOnlyError,
    atomic_write,
    clean_leftover_temps,
    load_post,
    save_post,
)

POST = "---\ntitle: Ward visit\n---\nFirst version.\n"


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


# ----- links ---------------------------------------------------------------------------
def test_saving_through_a_symlinked_post_writes_its_file_and_keeps_the_link(drafts, tmp_path):
    elsewhere = tmp_path / "repo" / "ward.md"
    elsewhere.parent.mkdir()
    elsewhere.write_text(POST, encoding="utf-8")
    link = drafts / "ward.md"
    link.symlink_to(elsewhere)
    binding, text = PostFile.read(link)
    binding.save_text(text + "Second version.\n")
    assert link.is_symlink() and os.readlink(link) == str(elsewhere)
    assert elsewhere.read_text(encoding="utf-8").endswith("Second version.\n")
    # The temporary file was made beside the real file (one file system, so the rename is
    # atomic), and nothing is left in either folder.
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == ["ward.md"]
    assert sorted(p.name for p in drafts.iterdir()) == ["ward.md"]
    binding.save_text(text + "Third.\n")  # our own save is no conflict


def test_a_hard_linked_post_stays_linked_after_a_save(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    twin = drafts / "backup-of-ward.md"
    os.link(path, twin)
    binding, text = PostFile.read(path)
    binding.save_text(text + "Second version.\n")
    assert os.path.samefile(path, twin) and path.stat().st_nlink == 2
    assert twin.read_text(encoding="utf-8").endswith("Second version.\n")
    assert sorted(p.name for p in drafts.iterdir()) == ["backup-of-ward.md", "ward.md"]
    assert not binding.changed_on_disk()


# ----- asking first ---------------------------------------------------------------------
def test_a_read_only_post_is_not_overwritten_without_asking(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    binding, text = PostFile.read(path)
    path.chmod(0o444)
    with pytest.raises(ReadOnlyError, match=r"^ward\.md is marked read-only") as caught:
        binding.save_text(text + "Mine.\n")
    assert isinstance(caught.value, ConflictError)  # the UI asks its "overwrite?" question
    assert path.read_text(encoding="utf-8") == POST
    binding.save_text(text + "Mine.\n", overwrite=True)  # the writer said yes
    assert path.read_text(encoding="utf-8").endswith("Mine.\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o444  # and it is still read-only


def test_a_same_size_outside_edit_with_the_same_time_is_a_conflict(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    binding, text = PostFile.read(path)
    before = path.stat()
    theirs = POST.replace("First", "Fixed")  # same length
    assert len(theirs) == len(POST)
    with path.open("r+", encoding="utf-8") as stream:  # in place: the same inode
        stream.write(theirs)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a sync tool keeps times
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert binding.changed_on_disk()
    with pytest.raises(ConflictError, match="changed by another program"):
        binding.save_text(text + "Mine.\n")
    assert path.read_text(encoding="utf-8") == theirs


def test_a_touch_alone_is_not_a_conflict(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    binding, text = PostFile.read(path)
    os.utime(path, ns=(1, 1))
    assert not binding.changed_on_disk()
    binding.save_text(text + "Mine.\n")


# ----- how the save itself happens ----------------------------------------------------
def test_the_temporary_file_is_made_in_the_posts_folder_and_the_folder_synced_after(
    drafts, monkeypatch
):
    """Watched through os.replace and os.fsync, which are called through unchanged."""
    folder = drafts / "2024"
    folder.mkdir()
    path = folder / "ward.md"
    path.write_text(POST, encoding="utf-8")
    events: list[tuple[str, object]] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(source, target):
        events.append(("replace", (Path(source), Path(target))))
        return real_replace(source, target)

    def fsync(descriptor):
        status = os.fstat(descriptor)
        events.append(("fsync", (stat.S_ISDIR(status.st_mode), status.st_ino)))
        return real_fsync(descriptor)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    save_post(load_post(path))
    monkeypatch.undo()
    replaced = [what for kind, what in events if kind == "replace"]
    assert len(replaced) == 1
    source, target = replaced[0]
    assert source.parent == folder and target == path
    assert source.name.startswith(".ward.md.smugdesk-") and source.name.endswith(".tmp")
    at = events.index(("replace", replaced[0]))
    # The copy reached the disk before it took the post's name (it is the post's inode now),
    # and the folder after, so the rename itself survives a power cut.
    assert ("fsync", (False, path.stat().st_ino)) in events[:at], events
    assert ("fsync", (True, folder.stat().st_ino)) in events[at + 1 :], events


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
def test_new_files_get_the_users_normal_permissions(tmp_path, umask, expected):
    old = os.umask(umask)
    try:
        atomic_write(tmp_path / "index.html", b"<p>site</p>")
        atomic_write(tmp_path / "accounts.json", b"{}", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "index.html").stat().st_mode) == expected
    assert stat.S_IMODE((tmp_path / "accounts.json").stat().st_mode) == 0o600


# ----- after a killed save --------------------------------------------------------------
KILLED_SAVE = """
import os, sys
from pathlib import Path
from smugdesk.core.store import atomic_write
os.replace = lambda *_: os._exit(9)  # killed between writing the copy and renaming it
atomic_write(Path(sys.argv[1]), b"half a save")
"""


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_leftovers_of_a_killed_save_are_removed_and_nothing_else(drafts, tmp_path):
    post = drafts / "ward.md"
    post.write_text(POST, encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(post)], timeout=60)
    assert killed.returncode == 9
    (leftover,) = [p for p in drafts.iterdir() if p.name != "ward.md"]
    age(leftover, 120)
    trash = drafts / ".trash"
    trash.mkdir()
    old_in_trash = trash / ".origins.json.smugdesk-0123abcd.tmp"
    fresh = drafts / ".ward.md.smugdesk-89abcdef.tmp"  # a save running in another window
    theirs = [drafts / "notes.tmp", drafts / ".ward.md.tmp", drafts / ".x.smugdesk-zz.tmp"]
    for path in (old_in_trash, fresh, *theirs):
        path.write_text("x")
    link = drafts / ".y.smugdesk-00000000.tmp"
    link.symlink_to(post)
    outside = tmp_path / ".z.smugdesk-00000000.tmp"
    outside.write_text("x")
    for path in (old_in_trash, *theirs, link, outside):
        age(path, 120)
    removed = clean_leftover_temps(drafts)
    assert sorted(removed) == sorted([leftover, old_in_trash])
    assert not leftover.exists() and not old_in_trash.exists()
    assert all(p.exists() for p in (fresh, *theirs, outside)) and link.is_symlink()
    assert post.read_text(encoding="utf-8") == POST


def test_a_killed_in_place_save_of_a_hard_linked_post_is_recovered_not_deleted(drafts):
    post = drafts / "ward.md"
    post.write_text(POST, encoding="utf-8")
    leftover = drafts / ".ward.md.smugdesk-0123abcd.inplace.tmp"
    leftover.write_text("the only whole copy of the new text")
    age(leftover, 120)
    assert clean_leftover_temps(drafts) == [leftover]
    assert (drafts / "ward-recovered.md").read_text() == "the only whole copy of the new text"


# ----- trash, restore, duplicate ------------------------------------------------------
def test_a_restore_never_overwrites_a_post(drafts):
    note = drafts / "note.md"
    note.write_text("the trashed one\n")
    trash_post(drafts, note)
    for name in ("note.md", "note-2.md", "note-3.md"):
        (drafts / name).write_text(f"live {name}\n")
    (drafts / "note-4.md").symlink_to(drafts / "gone.md")  # a dangling link is taken too
    restored = restore_post(drafts, trashed_posts(drafts)[0])
    assert restored == drafts / "note-5.md"
    assert restored.read_text() == "the trashed one\n"
    for name in ("note.md", "note-2.md", "note-3.md"):
        assert (drafts / name).read_text() == f"live {name}\n"
    assert (drafts / "note-4.md").is_symlink()
    assert trashed_posts(drafts) == []


def test_a_duplicate_of_a_published_post_starts_as_a_draft(drafts):
    path = drafts / "ward.md"
    path.write_text(
        "---\ntitle: Ward visit\nstatus: published\nslug: ward\n"
        "published:\n  blog: {id: 7, url: 'https://blog.example/ward'}\n"
        "export:\n  hugo: {path: content/ward.md}\n---\nBody\n",
        encoding="utf-8",
    )
    copy = load_post(duplicate_post(path))
    assert copy.meta["status"] == "draft"
    assert "published" not in copy.meta and "export" not in copy.meta
    assert "slug" not in copy.meta
    assert load_post(path).meta["status"] == "published"


def test_a_name_taken_during_the_restore_is_not_overwritten(drafts, monkeypatch):
    """Another program (simulated through os.link, called through) creates the name in the
    instant between the free-name check and the move."""
    note = drafts / "note.md"
    note.write_text("the trashed one\n")
    trash_post(drafts, note)
    real_link = os.link
    raced: list[str] = []

    def racing_link(source, target, **kwargs):
        if not raced:
            raced.append(target)
            Path(target).write_text("written by the sync tool just now\n")
        return real_link(source, target, **kwargs)

    monkeypatch.setattr(os, "link", racing_link)
    restored = restore_post(drafts, trashed_posts(drafts)[0])
    monkeypatch.undo()
    assert restored == drafts / "note-2.md" and restored.read_text() == "the trashed one\n"
    assert note.read_text() == "written by the sync tool just now\n"


def test_a_failed_in_place_rewrite_keeps_the_new_text_and_says_where(drafts, monkeypatch):
    """The disk fills up (simulated: os.write fails) while a hard-linked post is rewritten."""
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    os.link(path, drafts / "twin.md")
    binding, text = PostFile.read(path)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(SaveError, match=r"No space left.*the new text is kept in \.ward\.md"):
        binding.save_text(text + "New.\n")
    monkeypatch.undo()
    (kept,) = [p for p in drafts.iterdir() if p.name.endswith(".inplace.tmp")]
    assert kept.read_text(encoding="utf-8") == text + "New.\n"
