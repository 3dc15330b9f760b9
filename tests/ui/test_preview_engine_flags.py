"""The switches the preview's engine starts with (ui/application.py): each one measured to
save memory, none that weakens the preview's walls (the sandbox tests run with them), and
never one Chromium refuses to start with."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smugdesk.ui import application


def descendants() -> list[list[str]]:
    """The command lines of every process this one started (QtWebEngine's)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], list(children.get(os.getpid(), []))
    while pending:
        pid = pending.pop()
        try:
            found.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0"))
        except OSError:
            continue
        pending.extend(children.get(pid, []))
    return found


def test_the_running_preview_has_no_gpu_work_and_no_idle_zygotes(window):
    assert "--disable-gpu" in os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    engine = [line for line in descendants() if any(a.startswith("--type=") for a in line)]
    kinds = [next(a for a in line if a.startswith("--type=")) for line in engine]
    assert "--type=renderer" in kinds  # the preview's page is there
    assert "--type=gpu-process" not in kinds
    if "QTWEBENGINE_DISABLE_SANDBOX" in os.environ:  # as here, as root
        assert "--type=zygote" not in kinds


@pytest.mark.parametrize(
    ("environment", "own", "expected"),
    [
        ({}, "", ["--disable-gpu"]),
        ({"QTWEBENGINE_DISABLE_SANDBOX": "1"}, "", ["--disable-gpu", "--no-zygote"]),
        (
            {},
            "--no-sandbox --lang=fr",
            ["--disable-gpu", "--no-zygote", "--no-sandbox", "--lang=fr"],
        ),
        ({}, "--disable-gpu --lang=fr", ["--disable-gpu", "--lang=fr"]),
    ],
)
def test_the_writers_own_switches_stay_and_no_zygote_only_without_the_sandbox(
    monkeypatch, environment, own, expected
):
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", own)
    monkeypatch.setattr("sys.argv", ["smugdesk"])
    # With the sandbox on, Chromium exits at once when asked to start without its zygote.
    assert application.webengine_flags() == expected
