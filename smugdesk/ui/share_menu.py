"""The Blog menu's "Share on Bluesky…": the action alone, so that building the menus loads
nothing of the sharing itself (the Bluesky client, its HTTP library and the site
exporters' YAML: 20 MB and 0.1 s at every start), only when the writer shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.post import parse_post
from smugdesk.publish.published_state import live_link


def add_share_action(window: QWidget, menu: QMenu) -> QAction:
    """ "Share on Bluesky…" in ``menu``, enabled for a post that is live on a blog."""
    action = QAction(QCoreApplication.translate("ShareActions", "&Share on Bluesky…"), window)
    action.setObjectName("shareBluesky")
    action.setStatusTip(
        QCoreApplication.translate(
            "ShareActions", "Tell your followers on Bluesky about this published post"
        )
    )
    action.triggered.connect(lambda: _open(window))

    def refresh() -> None:
        try:
            post = parse_post(window.editor.toPlainText())
        except FrontMatterError:
            post = None
        action.setEnabled(post is not None and bool(live_link(post)[1]))

    menu.aboutToShow.connect(refresh)
    menu.addAction(action)
    return action


def _open(window: QWidget) -> None:
    from smugdesk.ui.share_actions import open_share_dialog

    open_share_dialog(window)
