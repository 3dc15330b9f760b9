"""The README's picture of a first publish to Ghost, made for real (not a test):

    python tests/ghost/screenshot.py OUT.png

Starts a Ghost (tests/ghost/server.py), publishes docs/sample-drafts/sample-post.md to it
as smugdesk does (images, the embed, the table, the footnote), and grabs Ghost's own page
for the post in QtWebEngine, offscreen."""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _server():
    spec = importlib.util.spec_from_file_location(
        "ghost_server", Path(__file__).with_name("server.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["ghost_server"] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "ghost-first-publish.png").absolute()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    from smugdesk.core.accounts import Account
    from smugdesk.core.post import parse_post
    from smugdesk.publish.ghost import GhostPublisher
    from smugdesk.publish.publishing import publish_post

    work = Path(tempfile.mkdtemp(prefix="smugdesk-ghost-shot-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    site = _server().start(work / "ghost")
    try:
        source = ROOT / "docs" / "sample-drafts" / "sample-post.md"
        post = parse_post(source.read_text(encoding="utf-8"), source)
        account = Account("Harbour Log", "ghost", site.url)
        outcome = publish_post(
            post, account, GhostPublisher(account, site.admin_key), status="publish"
        )
        app = QApplication.instance() or QApplication([])
        view = QWebEngineView()
        view.resize(1100, 1400)
        loop = QEventLoop()
        view.loadFinished.connect(lambda _ok: QTimer.singleShot(1500, loop.quit))
        view.load(QUrl(outcome.remote.url))
        view.show()
        loop.exec()
        view.grab().save(str(out))
        print(f"{outcome.remote.url} → {out}")
        del app
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
