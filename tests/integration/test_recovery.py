"""Kill the real app with SIGKILL at a random moment while a new, never-saved post is
typed; the next start brings the text back (at most the autosave delay lost) and says so."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("untitled_session.py")
LOSS_ALLOWED = 2.6  # seconds: the autosave interval plus the time a save takes


def _env(tmp_path: Path) -> dict:
    home = tmp_path / "xdg"
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )


def _type_then_kill(drafts: Path, env: dict, words: int, extra: float):
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), "type", str(drafts)],
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
            if len(typed) >= words or time.monotonic() > deadline:
                break
        time.sleep(extra)  # anywhere between two words, or during a recovery write
    finally:
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return typed, killed_at


@pytest.mark.parametrize("seed", [1, 2])
def test_untitled_work_survives_sigkill_and_the_next_start_says_so(tmp_path, seed):
    rng = random.Random(seed)
    drafts = tmp_path / "drafts"
    env = _env(tmp_path)
    typed, killed_at = _type_then_kill(drafts, env, rng.randint(6, 10), rng.uniform(0, 0.6))
    assert not list(drafts.glob("*.md"))  # never saved: only the recovery copy had it

    restart = subprocess.run(
        [sys.executable, str(SCRIPT), "restart", str(drafts)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
    )
    out = restart.stdout
    [recovered] = list(drafts.glob("*.md"))
    text = recovered.read_text(encoding="utf-8")
    words = [int(n) for n in re.findall(r" w(\d{4})", text)]
    assert words == list(range(1, len(words) + 1))  # a prefix of what was typed, in order
    must_have = [number for number, stamp in typed if stamp < killed_at - LOSS_ALLOWED]
    assert must_have, "the session was too short to tell"
    assert max(must_have) <= max(words, default=0), (
        f"typed up to w{max(must_have):04d} more than {LOSS_ALLOWED}s before the kill, "
        f"recovered only up to w{max(words, default=0):04d}"
    )
    assert "MESSAGE" in out and "unsaved post" in out and recovered.name in out, out
    assert f"OPENED {recovered}" in out
    assert f" w{max(words):04d}" in out.split("TEXT", 1)[1]

    # Started again: nothing more to recover, nothing said.
    again = subprocess.run(
        [sys.executable, "-c", _QUIET_START, str(drafts)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
    )
    assert again.stdout.strip() == "recovered 0", again.stderr[-2000:]
    assert list(drafts.glob("*.md")) == [recovered]


_QUIET_START = """
import sys
from pathlib import Path
from smugdesk.ui.application import create_application
from smugdesk.ui.main_window import MainWindow
app = create_application()
window = MainWindow(Path(sys.argv[1]))
print("recovered", len(window.recover_untitled_work()))
"""


_HOLDER = """
import sys, time
from pathlib import Path
from smugdesk.core.recovery import RecoverySlot
slot = RecoverySlot(Path(sys.argv[1]))
slot.write("---\\ntitle: Still typing\\n---\\n\\nThe other window is alive.\\n")
print(slot.path, flush=True)
time.sleep(120)
"""


def test_a_running_windows_copy_is_never_taken_and_a_killed_ones_is(tmp_path, monkeypatch):
    from smugdesk.core import recovery

    env = _env(tmp_path)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, env[name])
    drafts = tmp_path / "drafts"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(drafts)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        slot = Path(holder.stdout.readline().strip())
        assert slot.exists() and slot.stat().st_mode & 0o077 == 0  # this user's only
        assert recovery.recover(drafts) == []  # its process runs: not ours to take
        assert slot.exists()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    [found] = recovery.recover(drafts)
    assert found.title == "Still typing" and found.words == 5
    assert found.path == drafts / "still-typing-recovered.md"
    assert "The other window is alive." in found.path.read_text(encoding="utf-8")
    assert not slot.exists() and not list(slot.parent.glob("*.lock"))
