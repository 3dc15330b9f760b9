"""QApplication start-up: the one place that knows about Qt's global set-up."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from smugdesk import __version__
from smugdesk.core.config import APP_NAME, Settings, drafts_dir
from smugdesk.ui.translations import install_translations

# QtWebEngine needs this before any QApplication exists. Importing it sets it too, but that
# import costs ~50 ms the first paint need not wait for: the preview loads it afterwards.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
# The preview's smugdesk-post: scheme is registered by ui/preview_sandbox.py, not here: Qt
# takes a scheme until the first web engine object exists (later it says "Too late to
# register scheme"), which is after the first paint; registering here would import
# QtWebEngineCore (~25 ms) before it. Any other web view must use the sandbox's profile.


# Chromium switches for the preview's engine, each for a measured reason (sum of VmHWM /
# PSS over the app and QtWebEngine's processes, 2,000-word post open, offscreen and Xvfb:
# benchmarks/preview_memory.py; figures in benchmarks/README.md):
# - --disable-gpu: the GPU work runs in the app's own process (Qt's in-process GPU
#   thread); with software rendering it only holds a GL emulation, and a page of text
#   composites well without it: 289 -> 229 MB for the app's process.
# - --js-flags=--expose-gc: every update leaves garbage (the replaced nodes, Chromium's
#   layout of a page with thousands of blocks: ~0.35 MB an edit at 100,000 words) that
#   the page process only collects when it has grown by 150 MB; preview.js collects it
#   after a pause in typing or every so many updates (resources/preview.js). A post's
#   own script (off unless the writer allows it) gains only a way to slow its own page.
#   (The writer's own --js-flags replace these: Chromium keeps the last one given.)
PREVIEW_FLAGS: tuple[str, ...] = ("--disable-gpu", "--js-flags=--expose-gc")
# Only where Chromium's sandbox is already off (root, QTWEBENGINE_DISABLE_SANDBOX): with no
# sandbox the zygotes isolate nothing and only pre-fork renderers; without them the
# renderer starts itself: two processes of 52 MB each fewer. (With the sandbox on,
# Chromium refuses to start without its zygote, so it is never asked for then.)
UNSANDBOXED_FLAGS: tuple[str, ...] = ("--no-zygote",)
# Only with the sandbox on (every writer who is not root): the sandboxed zygote stays (the
# renderers are forked from it into their namespaces), the unsandboxed one goes. Chromium
# keeps it for helpers that set up their own sandbox after the fork (a GPU or network
# process), but QtWebEngine runs both in the app's process and starts its audio helper
# without a zygote either way, so here it only sat idle: 454 -> 401 MB (sum of VmHWM),
# PSS -10 MB, 2,000-word post, non-root (benchmarks/as_user.sh). A helper that would have
# come from it is started directly instead and sets up the same sandbox itself.
SANDBOXED_FLAGS: tuple[str, ...] = ("--no-unsandboxed-zygote",)


def _sandbox_off(flags: list[str]) -> bool:
    # As QtWebEngine decides it: the variable set at all, or the switch given.
    return "QTWEBENGINE_DISABLE_SANDBOX" in os.environ or "--no-sandbox" in flags


def webengine_flags() -> list[str]:
    """The switches QtWebEngine starts with: the writer's own (QTWEBENGINE_CHROMIUM_FLAGS,
    the command line) after the preview's."""
    own = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    ours = list(PREVIEW_FLAGS)
    ours += UNSANDBOXED_FLAGS if _sandbox_off(own + sys.argv[1:]) else SANDBOXED_FLAGS
    given = {flag.partition("=")[0] for flag in own}
    return [flag for flag in ours if flag.partition("=")[0] not in given] + own


def create_application(argv: list[str] | None = None) -> QApplication:
    # Read by QtWebEngine when it starts (with the preview, after the first paint).
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(webengine_flags())
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("smugdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("smugdesk")
    # The installed theme icon when there is one, else the one shipped in resources/.
    shipped = resources.files("smugdesk.resources").joinpath("smugdesk.svg")
    app.setWindowIcon(QIcon.fromTheme("smugdesk", QIcon(str(shipped))))
    if not hasattr(app, "smugdesk_translators"):
        app.smugdesk_translators = install_translations(app)
    return app


def run_gui(args: argparse.Namespace) -> int:
    from smugdesk.ui.session_keeper import SessionKeeper, open_session_window

    app = create_application()
    drafts = drafts_dir(args.drafts, Settings.load().drafts or None)
    keeper = SessionKeeper(app)
    app.aboutToQuit.connect(keeper.save)
    # Posts named on the command line, else the tabs open when the app last quit.
    open_session_window(drafts, [Path(path) for path in args.files], keeper)
    return app.exec()
