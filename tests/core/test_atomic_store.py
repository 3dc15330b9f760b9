"""Saving never leaves a half-written file and never overwrites another program's changes."""

from __future__ import annotations

import os
import stat

import pytest

from smugdesk.core.errors import ConflictError, FrontMatterError, PostReadError, SaveError
from smugdesk.core.store import PostFile, atomic_write, load_post, save_post, unique_path


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_atomic_write_creates_and_replaces_keeping_the_mode(tmp_path):
    target = tmp_path / "post.md"
    atomic_write(target, b"first")
    os.chmod(target, 0o640)
    atomic_write(target, "second ✓".encode())
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failing_write_leaves_the_old_file_intact(tmp_path, monkeypatch, failing):
    target = tmp_path / "post.md"
    target.write_text("the old, good text", encoding="utf-8")

    def disk_failure(*args, **kwargs):  # simulated disk failure: cannot be caused for real
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, disk_failure)
    with pytest.raises(SaveError, match="No space left"):
        atomic_write(target, b"the new text that never lands")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "the old, good text"
    assert leftovers(tmp_path) == []


def test_read_and_save_keep_crlf_line_endings(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes(b"---\r\ntitle: Win\r\n---\r\nLine one\r\n")
    binding, text = PostFile.read(path)
    assert text == "---\ntitle: Win\n---\nLine one\n"
    binding.save_text(text + "Line two\n")
    assert path.read_bytes() == b"---\r\ntitle: Win\r\n---\r\nLine one\r\nLine two\r\n"


def test_saving_over_a_file_changed_by_another_program_is_refused(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("mine\n", encoding="utf-8")
    binding, text = PostFile.read(path)
    path.write_text("theirs, from the sync tool\n", encoding="utf-8")
    os.utime(path, ns=(10**9, 10**9))
    assert binding.changed_on_disk()
    with pytest.raises(ConflictError, match="changed by another program"):
        binding.save_text(text + "more of mine\n")
    assert path.read_text(encoding="utf-8") == "theirs, from the sync tool\n"
    binding.save_text(text + "more of mine\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "mine\nmore of mine\n"
    assert not binding.changed_on_disk()
    binding.save_text("again\n")  # after our own save, no conflict


def test_save_post_round_trip(tmp_path):
    path = tmp_path / "drafts" / "one.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: One\nextra: kept\n---\nBody\n", encoding="utf-8")
    post = load_post(path)
    post.set("status", "published")
    save_post(post)
    assert path.read_text(encoding="utf-8") == (
        "---\ntitle: One\nextra: kept\nstatus: published\n---\nBody\n"
    )


def test_load_post_errors_say_what_is_wrong(tmp_path):
    with pytest.raises(PostReadError, match="does not exist"):
        load_post(tmp_path / "missing.md")
    with pytest.raises(PostReadError, match="is a folder"):
        load_post(tmp_path)
    bad = tmp_path / "latin.md"
    bad.write_bytes(b"caf\xe9")
    with pytest.raises(PostReadError, match="not valid UTF-8"):
        load_post(bad)
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(FrontMatterError, match=r"^broken\.md: the front matter"):
        load_post(broken)


def test_unique_path_never_reuses_a_name(tmp_path):
    first = unique_path(tmp_path, "Hello World")
    assert first.name == "hello-world.md"
    first.touch()
    second = unique_path(tmp_path, "Hello World")
    assert second.name == "hello-world-2.md"
    second.touch()
    assert unique_path(tmp_path, "Hello World").name == "hello-world-3.md"
    assert unique_path(tmp_path, "!!!").name == "untitled.md"
