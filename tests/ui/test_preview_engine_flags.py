"""The switches the preview's engine starts with (ui/application.py): each one measured to
save memory, none that weakens the preview's walls (the sandbox tests run with them), and
never one Chromium refuses to start with."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from qt_helpers import run_js, wait_preview

from smugdesk.ui import application

GPU, GC = "--disable-gpu", "--js-flags=--expose-gc"
NO_IDLE_ZYGOTE = "--no-unsandboxed-zygote"  # with the sandbox on


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
    assert GPU in os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    engine = [line for line in descendants() if any(a.startswith("--type=") for a in line)]
    kinds = [next(a for a in line if a.startswith("--type=")) for line in engine]
    assert "--type=gpu-process" not in kinds
    if "QTWEBENGINE_DISABLE_SANDBOX" in os.environ:  # as here, as root
        assert "--type=renderer" in kinds  # the preview's page is there
        assert "--type=zygote" not in kinds
    else:  # a writer's run (benchmarks/as_user.sh): the sandboxed zygote, no idle one
        # Its namespace's init, the zygote and the page it forked, all with its command line.
        assert kinds.count("--type=zygote") == 3
        assert not any("--no-zygote-sandbox" in line for line in engine)


def test_a_pause_in_typing_collects_the_garbage_of_the_updates(window, qtbot):
    # preview.js's world has gc (the post's own world has no script at all); counted here.
    assert run_js(qtbot, window, "typeof gc") == "function"
    run_js(qtbot, window, "window.sdCollected = 0; const real = gc;"
           " gc = () => { window.sdCollected++; real(); }; 1")  # fmt: skip
    window.editor.textCursor().insertText("A word or two. ")
    wait_preview(qtbot, window)
    assert run_js(qtbot, window, "window.sdCollected") == 0  # not while typing...
    qtbot.waitUntil(lambda: run_js(qtbot, window, "window.sdCollected") == 1, timeout=5000)


@pytest.mark.parametrize(
    ("environment", "own", "expected"),
    [
        ({}, "", [GPU, GC, NO_IDLE_ZYGOTE]),
        ({"QTWEBENGINE_DISABLE_SANDBOX": "1"}, "", [GPU, GC, "--no-zygote"]),
        ({}, "--no-sandbox --lang=fr", [GPU, GC, "--no-zygote", "--no-sandbox", "--lang=fr"]),
        ({}, "--disable-gpu --lang=fr", [GC, NO_IDLE_ZYGOTE, "--disable-gpu", "--lang=fr"]),
        ({}, "--js-flags=--max-lazy", [GPU, NO_IDLE_ZYGOTE, "--js-flags=--max-lazy"]),  # theirs
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
