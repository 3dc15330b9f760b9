"""Telling followers after a publish: "Share on Bluesky…" — a small dialog with the composed
post (editable, with a live 300-character counter), its link card as followers will see it,
its language, and each blog's "share every time" choice.

Built to be wired into any window, without the window knowing more than two functions:

- ``add_share_action(window, menu)`` puts "Share on Bluesky…" into a menu (the Blog menu);
  it is enabled for a post that is live on a blog.
- ``after_publish(window, blog, outcome)`` is what the publish flow calls after a successful
  publish: it shares at once when the blog shares every time, or else offers the dialog from
  the "Published" message box.

What it needs of the window: ``editor`` and ``file.path`` (the post shown), ``save_to(None)``
and ``statusBar()``; with tabs also ``document``, ``documents``, ``save_to(None, document=)``
and ``_busy`` (a tab kept open while its share is under way) — see ``_Host``. The network
work runs off the UI thread (``run_later``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QWidget,
)

from smugdesk.core.accounts import Account, load_accounts, share_accounts
from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.post import Post, parse_post
from smugdesk.publish.bluesky import (
    Bluesky,
    Share,
    ShareDraft,
    draft_for,
)
from smugdesk.publish.published_state import KEY as PUBLISHED_KEY
from smugdesk.publish.shares import (
    live_link,
    recorded_share,
    recorded_shares,
    share_choice,
    share_front,
)
from smugdesk.ui.background import run_later
from smugdesk.ui.dialogs.share import ShareDialog, _secret, writer_language
from smugdesk.ui.share_menu import add_share_action

# -- what the window gives -----------------------------------------------------------------


class _Host:
    """The few things of the window this module uses, in one place: the post a share is
    about is the one shown when the host is made, and stays that post (its tab, or its
    file) whatever the writer opens meanwhile."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.document = getattr(window, "document", None)  # a tab, where the window has them
        self.path = window.file.path

    def editor(self) -> Any:
        return self.document.editor if self.document is not None else self.window.editor

    def text(self) -> str:
        return self.editor().toPlainText()

    def post(self) -> Post | None:
        try:
            return parse_post(self.text(), self.path)
        except FrontMatterError as error:
            QMessageBox.warning(
                self.window, QCoreApplication.translate("ShareActions", "Cannot share"), str(error)
            )
            return None

    def hold(self) -> None:
        """Keep the post's tab open until its outcome is written in it (as a publish does)."""
        busy = getattr(self.window, "_busy", None)
        if self.document is not None and isinstance(busy, set):
            busy.add(self.document)

    def release(self) -> None:
        busy = getattr(self.window, "_busy", None)
        if isinstance(busy, set):
            busy.discard(self.document)

    def _open_here(self) -> bool:
        """Whether the post is still in the window: its tab, or (without tabs) the editor."""
        if self.document is not None:
            return self.document in getattr(self.window, "documents", [self.document])
        return self.path is None or self.path == self.window.file.path

    def record(self, account: str, share: Share | None) -> None:
        """Record ``share`` (None: deleted) in the post: in its editor (one undo step, then
        saved) while it is open, in its tab even if another is shown; else in its file, with
        the atomic save that refuses a file changed meanwhile."""
        from smugdesk.core.front_edit import set_values

        try:
            if self._open_here():
                from smugdesk.ui.metadata_sync import replace_span

                text = self.text()
                edit = set_values(text, share_front(parse_post(text), account, share))
                replace_span(self.editor(), text, edit)
                if self.path is not None:
                    how = {"document": self.document} if self.document is not None else {}
                    self.window.save_to(None, **how)
                return
            if self.path is None:
                return  # an unsaved post closed meanwhile: nowhere left to record it
            from smugdesk.core.store import PostFile

            binding, text = PostFile.read(self.path)
            post = parse_post(text, self.path)
            binding.save_text(set_values(text, share_front(post, account, share)).text)
        except SmugdeskError as error:  # a broken front matter, a file changed meanwhile
            where = (
                share.url
                if share is not None
                else QCoreApplication.translate("ShareActions", "deleted")
            )
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("ShareActions", "Shared, but not recorded"),
                QCoreApplication.translate(
                    "ShareActions",
                    "Bluesky has it (%s), but it could not be recorded in the post: %s",
                )
                % (where, error),
            )

    def say(self, message: str, msecs: int = 10000, notes: list[str] | None = None) -> None:
        """A line in the status bar, with what the writer should know after it."""
        self.window.statusBar().showMessage("; ".join([message, *(notes or [])]), msecs)


def _sharing_accounts(parent: QWidget) -> list[Account]:
    try:
        return share_accounts(load_accounts())
    except SmugdeskError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ShareActions", "Accounts"), str(error)
        )
        return []


def open_share_dialog(window: QWidget, blog: str = "", link: str = "") -> ShareDialog | None:
    """The share dialog for the window's post (live on ``blog`` at ``link``, or wherever it
    is live); its outcome recorded in the post. Returns the dialog, shown non-modal."""
    host = _Host(window)
    post = host.post()
    if post is None:
        return None
    if not link:
        blog, link = live_link(post)
    if not link:
        QMessageBox.information(
            window,
            QCoreApplication.translate("ShareActions", "Share on Bluesky"),
            QCoreApplication.translate(
                "ShareActions",
                "Publish the post first: only a post that is live on a blog can be shared.",
            ),
        )
        return None
    accounts = _sharing_accounts(window)
    if not accounts:
        QMessageBox.information(
            window,
            QCoreApplication.translate("ShareActions", "Share on Bluesky"),
            QCoreApplication.translate(
                "ShareActions",
                "Add your Bluesky account first (Blog ▸ Accounts…, kind Bluesky: your handle "
                "and an app password).",
            ),
        )
        return None
    dialog = ShareDialog(window, post, link, blog, accounts, share_choice(blog).account)

    def finished(code: int) -> None:
        host.release()
        if code != QDialog.DialogCode.Accepted:
            return
        name = dialog.account().name
        if dialog.deleted:
            host.record(name, None)
            host.say(QCoreApplication.translate("ShareActions", "Deleted from Bluesky"))
        elif dialog.result_share is not None:
            host.record(name, dialog.result_share)
            host.say(
                QCoreApplication.translate("ShareActions", "On Bluesky: %s")
                % dialog.result_share.url,
                notes=dialog.notes,
            )

    dialog.finished.connect(finished)
    host.hold()
    window.share_dialog = dialog  # kept for tests and so it is not collected
    dialog.show()
    return dialog


def after_publish(window: QWidget, blog: Account, outcome: Any) -> None:
    """After a successful publish to ``blog``: share at once if the blog shares every time
    (a new post only, never twice), or offer "Share on Bluesky…" in the Published box."""
    link = outcome.remote.url
    if not link or _sent_status(outcome, blog.name) not in ("publish", "private"):
        return  # a draft or a scheduled post has no public page to share yet
    accounts = share_accounts_quiet()
    if not accounts:
        return
    choice = share_choice(blog.name)
    account = next((a for a in accounts if a.name == choice.account), None)
    host = _Host(window)
    post = host.post()
    if post is None:
        return
    if choice.every_time and account is not None:
        if recorded_share(post, account.name) is None:
            share_now(window, account, draft_for(post, link, writer_language()))
        return
    box = getattr(window, "publish_result_box", None)
    if isinstance(box, QMessageBox):
        label = (
            QCoreApplication.translate("ShareActions", "Update on Bluesky…")
            if recorded_shares(post)
            else QCoreApplication.translate("ShareActions", "Share on Bluesky…")
        )
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: open_share_dialog(window, blog.name, link))
    else:
        open_share_dialog(window, blog.name, link)


def _sent_status(outcome: Any, blog: str) -> str:
    """The blog's word for the post after this publish, as the publish records it (the
    server's, else what was asked for)."""
    places = outcome.front.get(PUBLISHED_KEY)
    entry = places.get(blog) if isinstance(places, dict) else None
    status = entry.get("status") if isinstance(entry, dict) else None
    return str(status or outcome.remote.status or "")


def share_accounts_quiet() -> list[Account]:
    try:
        return share_accounts(load_accounts())
    except SmugdeskError:
        return []


def share_now(window: QWidget, account: Account, draft: ShareDraft) -> None:
    """Share without asking (the blog's "every time" choice), off the UI thread; a problem
    is shown, never lost."""
    host = _Host(window)  # the post this share is of, whatever is open when it is done
    secret = _secret(window, account)
    if secret is None:
        return
    host.say(QCoreApplication.translate("ShareActions", "Sharing on Bluesky…"), 0)

    def work(_progress):
        bluesky = Bluesky(account, secret)
        return bluesky.share(draft), bluesky.notes

    def done(result: Any) -> None:
        host.release()
        if isinstance(result, SmugdeskError):
            host.say("")
            QMessageBox.warning(
                window,
                QCoreApplication.translate("ShareActions", "Not shared on Bluesky"),
                str(result),
            )
            return
        share, notes = result
        host.record(account.name, share)
        message = QCoreApplication.translate("ShareActions", "On Bluesky: %s") % share.url
        host.say(message, notes=notes)
        window.last_share = share

    host.hold()
    window._share_relay = run_later(window, work, done, name="smugdesk-bluesky")


__all__ = [
    "ShareDialog",
    "add_share_action",
    "after_publish",
    "open_share_dialog",
    "share_now",
]
