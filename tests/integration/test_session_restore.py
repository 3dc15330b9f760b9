"""Quitting and starting again brings back the posts that were open, where they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from smugdesk.core.session import (
    OpenPost,
    SessionState,
    load_session,
    load_session_state,
    save_session,
)

SCRIPT = Path(__file__).with_name("session_run.py")


def test_session_file_round_trip_skips_missing_posts(tmp_path):
    kept = tmp_path / "kept.md"
    kept.write_text("x", encoding="utf-8")
    target = tmp_path / "state" / "session.json"
    save_session([OpenPost(str(kept), 3, 40), OpenPost(str(tmp_path / "gone.md"))], target)
    assert load_session(target) == [OpenPost(str(kept), 3, 40)]
    target.write_text("{not json", encoding="utf-8")
    assert load_session(target) == []


def test_the_shown_tab_is_kept_and_follows_a_missing_post_away(tmp_path):
    posts = [tmp_path / f"{name}.md" for name in ("a", "b", "c")]
    for post in posts:
        post.write_text("x", encoding="utf-8")
    target = tmp_path / "session.json"
    save_session([OpenPost(str(p)) for p in posts], target, current=2)
    assert load_session_state(target).current == 2
    posts[0].unlink()  # the shown one is still the shown one, one place earlier
    assert load_session_state(target) == SessionState([OpenPost(str(p)) for p in posts[1:]], 1)
    posts[2].unlink()  # gone: the first left is shown
    assert load_session_state(target).current == 0


def run(tmp_path: Path, *args: str) -> list[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        SMUGDESK_DRAFTS=str(tmp_path / "drafts"),
    )
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [line.strip() for line in result.stdout.splitlines()]


def test_quit_and_start_again_reopens_the_tabs_with_their_cursor_and_the_one_shown(tmp_path):
    posts = []
    for name in ("one", "two", "three"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\n---\n\n" + "Line of text.\n" * 80, "utf-8")
        posts.append(str(path))
    moved = ["one.md 100", "two.md 101 shown", "three.md 102"]
    assert run(tmp_path, "move", *posts) == moved
    assert run(tmp_path, "check") == moved  # no files named: restored, in tabs
