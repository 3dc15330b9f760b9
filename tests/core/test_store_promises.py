"""What a writer relies on when a post is saved, stated one promise a test (found by mutation
testing, docs/testing.md): a save after a save still notices another program's edit, a killed
save's temporary file is recognised and cleaned up, a save never writes into a file that was
waiting under its temporary name, errors read as one plain sentence, and the version history
hears of every save."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from smugdesk.core import store
from smugdesk.core.errors import ConflictError, PostReadError, SaveError
from smugdesk.core.post import MAX_POST_BYTES
from smugdesk.core.store import (
    DiskSignature,
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


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def age(path: Path, seconds: float = 120) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


# ----- conflicts ------------------------------------------------------------------------
def test_an_outside_edit_after_our_own_save_is_still_a_conflict(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    binding, text = PostFile.read(path)
    binding.save_text(text + "Mine.\n")
    path.write_text("theirs\n", encoding="utf-8")  # the sync tool, after our save
    with pytest.raises(ConflictError, match="changed by another program"):
        binding.save_text(text + "Mine again.\n")
    assert path.read_text(encoding="utf-8") == "theirs\n"


def test_the_conflict_message_says_what_saving_would_do(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    binding, text = PostFile.read(path)
    path.write_text("theirs\n", encoding="utf-8")
    with pytest.raises(ConflictError) as caught:
        binding.save_text(text)
    assert str(caught.value) == (
        "ward.md was changed by another program since it was opened; "
        "saving would overwrite those changes"
    )


def test_a_file_bound_but_never_read_claims_no_conflict(drafts):
    # Save As onto a name chosen in the dialog: nothing was read, so nothing can have changed.
    path = drafts / "ward.md"
    path.write_text("an old file the dialog asked about\n", encoding="utf-8")
    binding = PostFile(path)
    assert not binding.changed_on_disk()
    binding.save_text(POST)
    assert path.read_text(encoding="utf-8") == POST


def test_a_post_without_a_file_asks_where_to_save_it():
    with pytest.raises(SaveError, match=r"^this post has no file yet; choose where to save it$"):
        PostFile().save_text(POST)


def test_a_new_binding_writes_the_text_as_it_is(drafts):
    target = PostFile().save_text(POST, drafts / "new.md")
    assert target.read_bytes() == POST.encode("utf-8")


# ----- line endings ---------------------------------------------------------------------
def test_a_post_with_unix_line_endings_keeps_them(drafts):
    path = drafts / "unix.md"
    path.write_bytes(b"---\ntitle: Unix\n---\nLine one\n")
    binding, text = PostFile.read(path)
    binding.save_text(text + "Line two\n")
    assert path.read_bytes() == b"---\ntitle: Unix\n---\nLine one\nLine two\n"


def test_save_post_keeps_windows_line_endings_exactly(drafts):
    path = drafts / "win.md"
    path.write_bytes(b"---\r\ntitle: Win\r\n---\r\nLine one\r\n")
    post = load_post(path)
    post.set("status", "draft")
    save_post(post)
    assert path.read_bytes() == b"---\r\ntitle: Win\r\nstatus: draft\r\n---\r\nLine one\r\n"


def test_an_undecodable_post_is_named_in_the_error(drafts):
    path = drafts / "latin.md"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(PostReadError, match=r"^latin\.md is not valid UTF-8"):
        PostFile.read(path)


# ----- save_post ------------------------------------------------------------------------
def test_save_post_asks_before_overwriting_a_read_only_post_and_obeys_when_told(drafts):
    path = drafts / "ward.md"
    path.write_text(POST, encoding="utf-8")
    post = load_post(path)
    os.chmod(path, 0o444)
    post.body = "Changed.\n"
    with pytest.raises(ReadOnlyError):
        save_post(post)
    assert path.read_text(encoding="utf-8") == POST
    save_post(post, overwrite=True)
    assert "Changed." in path.read_text(encoding="utf-8")


def test_save_post_remembers_where_the_post_went(drafts):
    post = load_post(_write(drafts / "ward.md", POST))
    target = save_post(post, drafts / "elsewhere.md")
    assert post.path == target == (drafts / "elsewhere.md").absolute()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ----- the version history hears of every save ------------------------------------------
def test_every_save_is_told_to_the_history_with_its_cause_and_a_failing_listener_is_harmless(
    drafts, monkeypatch
):
    monkeypatch.setattr(store, "_save_listeners", [])
    heard: list[tuple[Path, str, str]] = []

    def broken(path, text, cause):
        raise RuntimeError("the history's disk is full")

    store.add_save_listener(broken)  # first: a failure must not keep the next from hearing
    store.add_save_listener(lambda path, text, cause: heard.append((path, text, cause)))
    path = _write(drafts / "ward.md", POST)
    binding, text = PostFile.read(path)
    binding.save_text(text + "Typed.\n", cause="autosave")
    binding.save_text(text + "Saved.\n")
    post = load_post(path)
    save_post(post)
    save_post(post, cause="publish")
    assert heard == [
        (path.absolute(), text + "Typed.\n", "autosave"),
        (path.absolute(), text + "Saved.\n", "save"),
        (path.absolute(), text + "Saved.\n", "save"),
        (path.absolute(), text + "Saved.\n", "publish"),
    ]


# ----- a file that cannot be read -------------------------------------------------------
def test_an_unreadable_file_is_one_change_until_it_changes_again(drafts):
    """The editor asks once about a post replaced by something it cannot read (here: grown
    past the size limit), and again only when that file changes."""
    path = drafts / "huge.md"
    with path.open("wb") as grown:
        grown.truncate(MAX_POST_BYTES + 1)  # sparse: no 8 MB written
    os.utime(path, ns=(10**18, 10**18))
    first = DiskSignature.of(path)
    assert first == DiskSignature.of(path)
    with path.open("ab") as grown:
        grown.truncate(MAX_POST_BYTES + 2)
    os.utime(path, ns=(10**18, 10**18))  # the same time: a file system counting seconds
    assert DiskSignature.of(path) != first
    binding, _text = PostFile.read(_write(drafts / "ward.md", POST))
    path.replace(drafts / "ward.md")
    assert binding.changed_on_disk()


# ----- atomic_write ---------------------------------------------------------------------
def test_an_export_into_folders_not_made_yet_makes_them(tmp_path):
    target = tmp_path / "site" / "2024" / "05" / "index.html"
    atomic_write(target, b"<p>made</p>")
    assert target.read_bytes() == b"<p>made</p>"


def test_a_folder_that_cannot_be_made_is_one_plain_sentence(tmp_path):
    (tmp_path / "site").write_text("a file where the folder should be")
    with pytest.raises(SaveError) as caught:
        atomic_write(tmp_path / "site" / "index.html", b"x")
    assert str(caught.value) == f"cannot write in {tmp_path / 'site'}: File exists"


def test_a_failed_write_is_one_plain_sentence(tmp_path, monkeypatch):
    target = _write(tmp_path / "post.md", "old")

    def full(*_args):  # stand-in for a full disk: cannot be caused for real
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as caught:
        atomic_write(target, b"new")
    assert str(caught.value) == "could not save post.md: No space left on device"


def test_a_failed_rename_whose_temporary_file_is_gone_still_says_why(tmp_path, monkeypatch):
    target = _write(tmp_path / "post.md", "old")

    def vanished(source, _target):  # a cleaner took the temporary file, then the rename fails
        os.unlink(source)
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", vanished)
    with pytest.raises(SaveError, match="Invalid cross-device link"):
        atomic_write(target, b"new")
    assert target.read_text() == "old"


def test_a_save_never_writes_into_a_file_waiting_under_its_temporary_name(drafts, monkeypatch):
    # Someone placed a link where the next temporary file would go: the save takes another
    # name rather than writing through the link into the file it points at.
    victim = drafts.parent / "victim.txt"
    victim.write_text("not yours")
    path = _write(drafts / "ward.md", POST)
    tokens = iter(["0badc0de", "600dcafe"])
    monkeypatch.setattr(store.secrets, "token_hex", lambda _n: next(tokens))
    (drafts / ".ward.md.smugdesk-0badc0de.tmp").symlink_to(victim)
    atomic_write(path, b"saved")
    assert path.read_bytes() == b"saved"
    assert victim.read_text() == "not yours"


def test_when_every_temporary_name_is_taken_the_save_says_where(drafts, monkeypatch):
    path = _write(drafts / "ward.md", POST)
    monkeypatch.setattr(store.secrets, "token_hex", lambda _n: "0badc0de")
    (drafts / ".ward.md.smugdesk-0badc0de.tmp").write_text("taken")
    with pytest.raises(SaveError, match=f"no free temporary name in {drafts}"):
        atomic_write(path, b"saved")
    assert path.read_text(encoding="utf-8") == POST


def test_emptying_a_hard_linked_post_leaves_it_empty(drafts):
    path = _write(drafts / "ward.md", POST)
    os.link(path, drafts / "ward-link.md")
    atomic_write(path, b"")
    assert path.read_bytes() == b"" and (drafts / "ward-link.md").read_bytes() == b""


# ----- after a killed save --------------------------------------------------------------
class Killed(BaseException):
    """Stand-in for the process being killed between writing the copy and renaming it."""


def _killed_save(path: Path, monkeypatch) -> Path:
    def kill(*_args):
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", kill)
        with pytest.raises(Killed):
            atomic_write(path, b"half a save")
    (leftover,) = temps(path.parent)
    return leftover


def test_the_temporary_file_of_a_killed_save_is_recognised_and_removed(drafts, monkeypatch):
    path = _write(drafts / "ward.md", POST)
    leftover = _killed_save(path, monkeypatch)
    age(leftover)
    assert clean_leftover_temps(drafts) == [leftover]
    assert temps(drafts) == [] and sorted(p.name for p in drafts.iterdir()) == ["ward.md"]
    assert path.read_text(encoding="utf-8") == POST


def test_fresh_temporary_files_are_skipped_without_stopping_the_cleanup(drafts):
    # A save running in another window right now, listed before the old leftovers.
    for number in range(6):
        _write(drafts / f".post{number}.md.smugdesk-0000000{number}.tmp", "fresh")
        age(_write(drafts / f".old{number}.md.smugdesk-1111111{number}.tmp", "old"))
    removed = clean_leftover_temps(drafts)
    assert sorted(p.name for p in removed) == [
        f".old{n}.md.smugdesk-1111111{n}.tmp" for n in range(6)
    ]
    assert len(temps(drafts)) == 6


def test_a_leftover_exactly_as_old_as_the_limit_is_stale(drafts, monkeypatch):
    leftover = _write(drafts / ".ward.md.smugdesk-0123abcd.tmp", "old")
    os.utime(leftover, (1_000_000, 1_000_000))
    monkeypatch.setattr(store.time, "time", lambda: 1_000_060.0)
    assert clean_leftover_temps(drafts, older_than=60) == [leftover]


def test_files_inside_a_git_folder_are_never_touched(drafts):
    git = drafts / ".git" / "objects"
    git.mkdir(parents=True)
    theirs = aged(git / ".pack.smugdesk-0123abcd.tmp", "git's own")
    assert clean_leftover_temps(drafts) == []
    assert theirs.exists()


def aged(path: Path, text: str) -> Path:
    path.write_text(text)
    age(path)
    return path


@pytest.mark.parametrize(
    ("original", "recovered"),
    [("notes.markdown", "notes-recovered.markdown"), ("notes", "notes-recovered.md")],
)
def test_a_recovered_in_place_copy_keeps_the_posts_kind_of_name(drafts, original, recovered):
    leftover = drafts / f".{original}.smugdesk-0123abcd.inplace.tmp"
    aged(leftover, "the only whole copy of the new text")
    assert clean_leftover_temps(drafts) == [leftover]
    assert (drafts / recovered).read_text() == "the only whole copy of the new text"


def test_a_leftover_that_vanishes_while_the_cleanup_looks_does_not_stop_it(drafts, monkeypatch):
    # Another window's cleanup removes the first leftover between the listing and the look
    # (stand-in: os.lstat fails once, as it would for the file gone).
    for number in range(3):
        aged(drafts / f".old{number}.md.smugdesk-1111111{number}.tmp", "old")
    real_lstat = os.lstat
    gone: list[str] = []

    def racing_lstat(path, *args, **kwargs):
        if not gone and Path(path).name.startswith(".old"):
            gone.append(Path(path).name)
            raise FileNotFoundError(2, "No such file or directory")
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", racing_lstat)
    removed = clean_leftover_temps(drafts)
    monkeypatch.undo()
    assert len(removed) == 2 and gone[0] not in {p.name for p in removed}
