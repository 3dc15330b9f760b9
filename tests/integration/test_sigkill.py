"""Kill the app with SIGKILL mid-sentence: at most the last couple of seconds are lost."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).with_name("typing_session.py")
LOSS_ALLOWED = 2.6  # seconds: the autosave interval plus the time a save takes


def test_sigkill_loses_at_most_the_last_seconds_of_typing(tmp_path):
    post = tmp_path / "drafts" / "live.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: Typed live\n---\n\nStart.", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(post)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    typed: list[tuple[int, float]] = []
    try:
        deadline = time.monotonic() + 60
        for line in process.stdout:
            if line.startswith("ready"):
                continue
            number, stamp = line.split()
            typed.append((int(number), float(stamp)))
            if len(typed) >= 12 or time.monotonic() > deadline:  # about 7 s of typing
                break
    finally:
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert len(typed) >= 12

    saved = post.read_text(encoding="utf-8")
    assert saved.startswith("---\ntitle: Typed live\n---\n\nStart.")  # never half-written
    words = [int(n) for n in re.findall(r" w(\d{4})", saved)]
    assert words == list(range(1, len(words) + 1))  # a prefix of what was typed, in order
    must_have = [number for number, stamp in typed if stamp < killed_at - LOSS_ALLOWED]
    assert must_have, "the session was too short to tell"
    assert max(must_have) <= max(words, default=0), (
        f"typed up to w{max(must_have):04d} more than {LOSS_ALLOWED}s before the kill, "
        f"saved only up to w{max(words, default=0):04d}"
    )
