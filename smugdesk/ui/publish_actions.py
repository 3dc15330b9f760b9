"""Publishing from the window: one click (Ctrl+Shift+P) to the post's blog, asking only the
first time; progress with Cancel; the URL at the end; conflicts, deletions, a wrong password
and no network each handled as a person would want. The network work runs off the UI thread.
"""

from __future__ import annotations

import difflib
import threading
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QProgressDialog

from smugdesk.core.accounts import Account, find_account, load_accounts
from smugdesk.core.credentials import get_secret, store_secret
from smugdesk.core.errors import FrontMatterError, SmugdeskError
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import Post, parse_post
from smugdesk.publish.published_state import Where, placement, placements, where_published
from smugdesk.publish.remote import (
    AuthError,
    CancelledError,
    OfflineError,
    RemoteMissingError,
    absent_form_fields,
    make_publisher,
)
from smugdesk.ui.background import run_later
from smugdesk.ui.metadata_sync import replace_span
from smugdesk.ui.waiting_posts import WaitingPosts

if TYPE_CHECKING:  # imported where used: publishing loads the renderer and HTTP clients
    from smugdesk.publish.publishing import Outcome, RemoteChangedError


class PublishActions:
    """Mixed into MainWindow (uses its editor, file, drafts, save and status bar)."""

    def _init_publish(self) -> None:
        self._known_accounts: dict[str, Account] | None = None  # for the form's note
        self._publish_cancel = threading.Event()
        self._publishing = False
        self.waiting = WaitingPosts(self)
        self.publish_queue = self.waiting.queue
        self._update_queue_note()

    # -- asking ---------------------------------------------------------------------------
    def choose(self, box: QMessageBox):
        """Shows a question and returns the button clicked (tests answer it instead)."""
        box.exec()
        return box.clickedButton()

    def ask_secret(self, account: Account) -> str | None:
        secret, ok = QInputDialog.getText(
            self,
            self.tr("Password for %s") % account.name,
            self.tr("Password or token for %s at %s:")
            % (account.user or account.name, account.url),
            QLineEdit.EchoMode.Password,
        )
        return secret if ok and secret else None

    def _secret(self, account: Account) -> str | None:
        try:
            secret = get_secret(account.name)
        except SmugdeskError as error:
            self.statusBar().showMessage(str(error), 8000)
            secret = None
        if secret:
            return secret
        secret = self.ask_secret(account)
        if secret:
            try:
                kept = store_secret(account.name, secret)
            except SmugdeskError as error:
                kept = False
                self.statusBar().showMessage(str(error), 8000)
            if not kept:
                self.statusBar().showMessage(
                    self.tr("No keyring here: the password is kept until you quit"), 8000
                )
        return secret

    def _accounts(self) -> list[Account]:
        """The blogs a post can be published to (a Bluesky account is a place to share)."""
        from smugdesk.core.accounts import blog_accounts

        try:
            accounts = blog_accounts(load_accounts())
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("Blog accounts"), str(error))
            return []
        self._known_accounts = {a.name: a for a in accounts}
        return accounts

    def publish_target(self, text: str) -> tuple[list[Where], dict[str, str]]:
        """Every blog the post is on (live or a draft there, when, its address) and the form
        fields that the first of those blogs does not take."""
        if "\npublished:" not in text[:20000]:
            return [], {}  # the common case, without parsing the front matter again
        try:
            post = parse_post(text)
        except FrontMatterError:
            return [], {}
        if getattr(self, "_known_accounts", None) is None:
            try:
                self._known_accounts = {a.name: a for a in load_accounts()}
            except SmugdeskError:
                self._known_accounts = {}
        places = where_published(post)
        for place in places:
            account = self._known_accounts.get(place.account)
            if account is not None:
                return places, absent_form_fields(account.kind)[1]
        return places, {}

    def _current_post(self) -> Post | None:
        try:
            post = parse_post(self.editor.toPlainText(), self.file.path)
        except FrontMatterError as error:
            QMessageBox.warning(self, self.tr("Cannot publish"), str(error))
            return None
        if post.path is None:
            post.path = self.drafts / "untitled.md"  # relative images can only mean drafts/
        return post

    # -- commands -------------------------------------------------------------------------
    def manage_accounts(self) -> None:
        from smugdesk.ui.dialogs.accounts import AccountsDialog

        AccountsDialog(self).exec()
        self._known_accounts = None
        self.refresh_metadata()

    def publish(self) -> None:
        """Ctrl+Shift+P: to the blog this post went to before, else ask where."""
        post = self._current_post()
        if post is None:
            return
        accounts = {a.name: a for a in self._accounts()}
        for name in placements(post):
            if name in accounts:
                self.publish_to(name, None)
                return
        self.publish_dialog()

    def publish_dialog(self) -> None:
        from smugdesk.ui.dialogs.publish import PublishDialog

        post = self._current_post()
        if post is None:
            return
        accounts = self._accounts()
        if not accounts:
            self.manage_accounts()
            accounts = self._accounts()
            if not accounts:
                return
        # The blog the post is for (details form), else the first it is already on.
        chosen = str(post.meta.get("blog") or "") or next(iter(placements(post)), "")
        dialog = PublishDialog(self, accounts, post, account=chosen)
        self.publish_dialog_shown = dialog  # for tests and screenshots
        dialog.manage.clicked.connect(lambda: (dialog.reject(), self._accounts_then_publish()))
        if dialog.exec() == PublishDialog.DialogCode.Accepted:
            self.publish_to(*dialog.chosen())

    def _accounts_then_publish(self) -> None:
        self.manage_accounts()
        QTimer.singleShot(0, self.publish_dialog)

    def publish_to(
        self, name: str, status: str | None, *, overwrite: bool = False, recreate: bool = False
    ) -> None:
        if self._publishing:
            self.statusBar().showMessage(self.tr("A publish is already under way"), 4000)
            return
        try:
            account = find_account(self._accounts(), name)
        except SmugdeskError as error:
            QMessageBox.warning(self, self.tr("Cannot publish"), str(error))
            return
        if overwrite or recreate:  # a second try after a conflict: checked the first time
            self._publish_checked(account, status, overwrite, recreate)
            return
        from smugdesk.core.checks import Target
        from smugdesk.publish.image_prep import blog_settings, blog_shows_excerpts
        from smugdesk.ui.check_dialog import gate

        target = Target(
            account.kind,
            account.name,
            blog_settings(account.name).max_side,
            blog_shows_excerpts(account.name),
        )
        gate(
            self,
            target,
            self.tr("Publish Anyway"),
            lambda: self._publish_checked(account, status, overwrite, recreate),
            ignore=("schedule-in-past",),  # asked below, with the choices that fit a blog
        )

    def _publish_checked(
        self, account: Account, status: str | None, overwrite: bool, recreate: bool
    ) -> None:
        if self._publishing:
            return
        if self.file.path is not None and self.editor.document().isModified():
            self.autosave()  # the draft on disk is what was sent, should the app stop now
        post = self._current_post()
        if post is not None and not overwrite and not recreate:
            status = self._past_schedule(post, account, status)
            if status == "":
                return
        secret = self._secret(account) if post is not None else None
        if post is None or not secret:
            return
        self._publishing = True
        document = self.document  # its tab stays open until the outcome is written in it
        self._busy.add(document)
        self._publish_cancel.clear()
        progress = QProgressDialog(
            self.tr("Publishing to %s…") % account.name, self.tr("Cancel"), 0, 0, self
        )
        progress.setWindowTitle(self.tr("Publishing"))
        progress.setMinimumDuration(0)
        progress.canceled.connect(self._publish_cancel.set)
        progress.show()
        self.publish_progress = progress

        def on_progress(done: int, total: int, message: str) -> None:
            progress.setRange(0, max(total, 1))
            progress.setValue(done)
            progress.setLabelText(message)

        def work(report):
            from smugdesk.publish.publishing import publish_post

            publisher = make_publisher(account, secret)
            return publish_post(
                post,
                account,
                publisher,
                status=status,
                overwrite=overwrite,
                recreate=recreate,
                progress=report,
                cancelled=self._publish_cancel.is_set,
                drafts=self.drafts,
            )

        run_later(
            self,
            work,
            partial(self._published, account, status, document=document),
            on_progress,
            name="smugdesk-publish",
        )

    def _past_schedule(self, post: Post, account: Account, status: str | None) -> str | None:
        """A post to be scheduled for a moment already past would go public at once: ask.
        Returns the status to send (None: the post's own), or "" to send nothing."""
        from smugdesk.publish.intent import schedule_problem
        from smugdesk.publish.publishing import asked_status

        asked = asked_status(post, status)
        problem = schedule_problem(post, asked)
        recorded = placement(post, account.name)
        if not problem or (recorded is not None and recorded.status == "publish"):
            return status  # nothing to ask, or it is live there already
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Not scheduled"))
        box.setText(
            self.tr("“%s” cannot be scheduled on %s: %s.")
            % (post.title or self.tr("Untitled"), account.name, problem)
        )
        box.setInformativeText(self.tr("Nothing was sent. Change its date, or choose:"))
        now = box.addButton(self.tr("Publish Now"), QMessageBox.ButtonRole.AcceptRole)
        draft = box.addButton(self.tr("Send as Draft"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        answer = self.choose(box)
        if answer is now:
            return "publish"
        if answer is draft:
            return "draft"
        self.statusBar().showMessage(self.tr("Not sent: the post's date is in the past"), 8000)
        return ""

    # -- outcomes -------------------------------------------------------------------------
    def _published(self, account: Account, status: str | None, result, document=None) -> None:
        from smugdesk.publish.publishing import Outcome, RemoteChangedError

        if document is not None:
            # The outcome is about that post (written into it, asked about): it is shown.
            self._busy.discard(document)
            self.show_tab(document)
        self._publishing = False
        self.publish_progress.reset()
        self.publish_progress.hide()
        if isinstance(result, Outcome):
            self._record(result)
            if self.file.path is not None:
                self.publish_queue.remove(self.file.path, account.name)
            self._update_queue_note()
            self._show_published(result)
            from smugdesk.ui.share_actions import after_publish

            after_publish(self, account, result)
        elif isinstance(result, RemoteChangedError):
            self._server_changed(account, status, result)
        elif isinstance(result, RemoteMissingError):
            self._server_deleted(account, status, result)
        elif isinstance(result, OfflineError):
            self._queue_offline(account, status, result)
        elif isinstance(result, CancelledError):
            self.statusBar().showMessage(str(result), 8000)
        elif isinstance(result, AuthError):
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Not published"))
            box.setText(str(result))
            box.setInformativeText(self.tr("The draft is unchanged."))
            change = box.addButton(self.tr("Change Password…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            if self.choose(box) is change:
                self.manage_accounts()
        else:
            message = str(result) if isinstance(result, SmugdeskError) else repr(result)
            QMessageBox.warning(
                self,
                self.tr("Not published"),
                message + "\n\n" + self.tr("The draft is unchanged."),
            )
        self.history_control.published(account, result)  # a success is a version
        self.published.emit(result)

    def _record(self, outcome: Outcome) -> None:
        """Write where the post went into its front matter (one undo step) and save."""
        text = self.editor.toPlainText()
        try:
            edit = set_values(text, outcome.front)
        except FrontMatterError as error:  # broken while the publish ran: say what happened
            QMessageBox.warning(
                self,
                self.tr("Published, but not recorded"),
                self.tr("The post is at %s, but its front matter is broken now: %s")
                % (outcome.remote.url, error),
            )
            return
        replace_span(self.editor, text, edit)
        if self.file.path is not None:
            self.save_to(None)

    def _show_published(self, outcome: Outcome) -> None:
        url = outcome.remote.url
        verb = self.tr("Published") if outcome.created else self.tr("Updated")
        self.statusBar().showMessage(f"{verb}: {url}", 10000)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(verb)
        box.setText(self.tr("%s at:\n%s") % (verb, url))
        details = (
            [self.tr("%n image(s) uploaded.", "", outcome.uploaded)] if outcome.uploaded else []
        )
        details += outcome.notes  # categories not kept, a lost create found, images sent again
        if details:
            box.setInformativeText("\n".join(details))
        browser = box.addButton(self.tr("Open in Browser"), QMessageBox.ButtonRole.ActionRole)
        browser.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(url)))
        box.addButton(QMessageBox.StandardButton.Close)
        box.setModal(False)
        self.publish_result_box = box  # kept for tests and so it is not collected
        box.show()

    def _server_changed(self, account: Account, status, error: RemoteChangedError) -> None:
        from smugdesk.publish.download import html_to_markdown, save_server_copy

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed on the blog"))
        box.setText(
            self.tr("“%s” was edited on %s since you last published it.")
            % (error.remote.title, account.name)
        )
        box.setInformativeText(
            self.tr("Publishing now would replace those edits. Details show what differs.")
        )
        mine = (self._current_post() or Post()).body
        diff = difflib.unified_diff(
            html_to_markdown(error.remote.html).splitlines(),
            mine.strip().splitlines(),
            "on the blog",
            "your draft",
            lineterm="",
        )
        box.setDetailedText("\n".join(diff) or self.tr("Only the formatting differs."))
        overwrite = box.addButton(
            self.tr("Replace the Blog's Version"), QMessageBox.ButtonRole.DestructiveRole
        )
        copy = box.addButton(
            self.tr("Copy the Blog's Version to a New Draft"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        answer = self.choose(box)
        if answer is overwrite:
            self.publish_to(account.name, status, overwrite=True)
        elif answer is copy:
            beside = self.file.path or (self.drafts / "untitled.md")
            try:
                path = save_server_copy(error.remote, beside)
            except (OSError, SmugdeskError) as failure:
                QMessageBox.warning(self, self.tr("Not copied"), str(failure))
                return
            self.library_saw_save(path)
            self.statusBar().showMessage(
                self.tr("The blog's version is in %s; nothing was published") % path.name, 10000
            )

    def _server_deleted(self, account: Account, status, error: RemoteMissingError) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Deleted on the blog"))
        box.setText(str(error))
        again = box.addButton(self.tr("Publish as a New Post"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        if self.choose(box) is again:
            self.publish_to(account.name, status, recreate=True)

    def _queue_offline(self, account: Account, status, error: OfflineError) -> None:
        if self.file.path is None and not self.save():
            QMessageBox.warning(self, self.tr("Not published"), str(error))
            return
        self.publish_queue.add(self.file.path, account.name, status or "", str(error))
        self._update_queue_note()
        QMessageBox.information(
            self,
            self.tr("Waiting for the network"),
            self.tr(
                "%s\n\nThe post waits in the queue and is sent when the blog can be reached "
                "(or with Blog → Send Waiting Posts). The draft is unchanged."
            )
            % error,
        )

    # -- the queue (ui/waiting_posts.py) ---------------------------------------------------
    def _update_queue_note(self) -> None:
        self.waiting.update_note()

    def send_queued(self, quiet: bool = False) -> None:
        self.waiting.send(quiet)
