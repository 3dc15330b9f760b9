"""Quitting and starting again brings back the posts that were open, where they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from smugdesk.core.session import OpenPost, load_session, save_session

SCRIPT = Path(__file__).with_name("session_run.py")


def test_session_file_round_trip_skips_missing_posts(tmp_path):
    kept = tmp_path / "kept.md"
    kept.write_text("x", encoding="utf-8")
    target = tmp_path / "state" / "session.json"
    save_session([OpenPost(str(kept), 3, 40), OpenPost(str(tmp_path / "gone.md"))], target)
    assert load_session(target) == [OpenPost(str(kept), 3, 40)]
    target.write_text("{not json", encoding="utf-8")
    assert load_session(target) == []


def run(tmp_path: Path, *args: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return sorted(result.stdout.splitlines())


def test_quit_and_start_again_reopens_the_posts_with_their_cursor(tmp_path):
    posts = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\n---\n\n" + "Line of text.\n" * 80, "utf-8")
        posts.append(str(path))
    assert run(tmp_path, "move", *posts) == ["one.md 100", "two.md 101"]
    assert run(tmp_path, "check") == ["one.md 100", "two.md 101"]  # no files named: restored
