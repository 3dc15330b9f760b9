"""A save killed half-way (power cut, kill -9) leaves a temporary file beside the post; the
next start of the window removes it, and only it."""

from __future__ import annotations

import os
import time


def test_the_window_removes_leftovers_of_a_killed_save_at_start(qtbot, make_window, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    post = drafts / "ward.md"
    post.write_text("---\ntitle: Ward\n---\nText\n", encoding="utf-8")
    leftover = drafts / ".ward.md.smugdesk-0123abcd.tmp"
    leftover.write_text("half a save")
    theirs = drafts / ".ward.md.swp"  # another editor's file, however old
    theirs.write_text("vim")
    then = time.time() - 3600
    for path in (leftover, theirs):
        os.utime(path, (then, then))
    make_window(drafts)
    qtbot.waitUntil(lambda: not leftover.exists(), timeout=5000)
    assert theirs.exists() and post.exists()
