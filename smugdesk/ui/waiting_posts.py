"""Posts waiting for the network to publish: the queue, its note in the library and the
Blog menu, and sending them (on a clock, quietly, or when the writer asks)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from smugdesk.core.credentials import get_secret
from smugdesk.core.errors import SmugdeskError
from smugdesk.publish.queue import PublishQueue
from smugdesk.ui.background import run_later

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow

QUEUE_RETRY_MS = 120_000  # how often posts waiting for the network are tried again


class WaitingPosts(QObject):
    """Owns the publish queue and its retry clock. Sends through the window's accounts and
    passwords (PublishActions), one publish at a time (the window's ``_publishing``); the
    open post goes through the editor, the rest from disk."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.queue = PublishQueue()
        self.timer = QTimer(self)
        self.timer.setInterval(QUEUE_RETRY_MS)
        self.timer.timeout.connect(lambda: self.send(quiet=True))
        window.library.send_waiting_requested.connect(lambda: self.send(quiet=False))

    def update_note(self) -> None:
        """The count in the library and on Blog → Send Waiting Posts; the retry clock."""
        items = self.queue.items()
        waiting = len(items)
        window = self.window
        window.library.set_waiting({item.path for item in items})
        window.commands.send_queued.setEnabled(waiting > 0)
        window.commands.send_queued.setText(self.tr("Send &Waiting Posts (%d)") % waiting)
        if waiting:
            self.timer.start()
        else:
            self.timer.stop()

    def send(self, quiet: bool = False) -> None:
        """Try every waiting post (the open one through the editor, the rest from disk)."""
        from smugdesk.publish.files import publish_file

        items = self.queue.items()
        if not items or self.window._publishing:
            return
        accounts = {a.name: a for a in self.window._accounts()}
        current = str(self.window.file.path) if self.window.file.path else ""
        jobs = []
        dropped = []
        for item in items:
            account = accounts.get(item.account)
            if account is None or not Path(item.path).is_file():  # it would wait for ever
                self.queue.remove(Path(item.path), item.account)
                dropped.append(item)
                continue
            if quiet:  # a retry on a timer never opens a password prompt
                try:
                    secret = get_secret(item.account)
                except SmugdeskError:
                    secret = None
            else:
                secret = self.window._secret(account)
            if not secret:
                continue
            if item.path == current:
                QTimer.singleShot(
                    0, partial(self.window.publish_to, item.account, item.status or None)
                )
            else:
                jobs.append((item, account, secret))
        if dropped:
            self.update_note()
            message = self.tr("No longer waiting: %s") % "; ".join(
                (
                    self.tr("%s → %s (the account was removed)")
                    if item.account not in accounts
                    else self.tr("%s → %s (the file is gone)")
                )
                % (Path(item.path).name, item.account)
                for item in dropped
            )
            self.window.statusBar().showMessage(message, 15000)
            if not quiet:
                QMessageBox.information(self.window, self.tr("Removed from the queue"), message)
        if not jobs:
            return
        self.window._publishing = True

        def work(_report):
            results = []
            for item, account, secret in jobs:
                try:
                    publish_file(
                        Path(item.path),
                        account,
                        secret,
                        status=item.status or None,
                        drafts=self.window.drafts,
                        queue=self.queue,
                    )
                    results.append((item.path, None))
                except SmugdeskError as error:
                    results.append((item.path, error))
            return results

        def done(results) -> None:
            self.window._publishing = False
            self.update_note()
            if isinstance(results, SmugdeskError):
                results = [("", results)]
            sent = [p for p, e in results if e is None]
            failed = [(p, e) for p, e in results if e is not None]
            if sent:
                self.window.statusBar().showMessage(
                    self.tr("Sent %n waiting post(s)", "", len(sent)), 8000
                )
            if failed and not quiet:
                QMessageBox.warning(
                    self.window,
                    self.tr("Some posts are still waiting"),
                    "\n".join(f"{p}: {e}" for p, e in failed),
                )

        run_later(self.window, work, done, name="smugdesk-send-queued")
