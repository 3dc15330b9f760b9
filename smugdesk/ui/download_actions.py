"""Blog → Download Posts: a blog's recent posts, or one by its address, come home as
Markdown drafts that remember where they live, to edit offline and publish back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from smugdesk.core.accounts import find_account
from smugdesk.core.errors import SmugdeskError
from smugdesk.ui.background import run_later

if TYPE_CHECKING:
    from smugdesk.ui.main_window import MainWindow


class Downloads(QObject):
    """Brings a blog's posts into the drafts folder (off the UI thread) and opens the one
    asked for. Uses the window's accounts and password prompt (PublishActions), tells the
    library what was written; reports on the window's ``downloaded`` signal."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def download_dialog(self) -> None:
        from smugdesk.ui.dialogs.download import DownloadDialog

        accounts = self.window._accounts()
        if not accounts:
            self.window.manage_accounts()
            return
        dialog = DownloadDialog(self.window, accounts)
        if dialog.exec() == DownloadDialog.DialogCode.Accepted:
            self.download_posts(*dialog.chosen())

    def download_posts(self, name: str, count: int = 20, url: str = "") -> None:
        from smugdesk.publish.download import save_downloads

        try:
            account = find_account(self.window._accounts(), name)
        except SmugdeskError as error:
            QMessageBox.warning(self.window, self.tr("Cannot download"), str(error))
            return
        secret = self.window._secret(account)
        if not secret:
            return
        drafts = self.window.drafts
        self.window.statusBar().showMessage(self.tr("Downloading from %s…") % account.name)

        def work(_report):
            from smugdesk.publish.remote import make_publisher  # HTTP clients: when used

            publisher = make_publisher(account, secret)
            if url:
                found = publisher.by_url(url)
                if found is None:
                    raise SmugdeskError(f"no post at {url} on {account.name}")
                remotes = [found]
            else:
                remotes = publisher.recent(count)
            return save_downloads(remotes, account, drafts)

        run_later(self.window, work, self._downloaded, name="smugdesk-download")

    def _downloaded(self, result) -> None:
        self.window.statusBar().clearMessage()
        if isinstance(result, SmugdeskError):
            QMessageBox.warning(self.window, self.tr("Not downloaded"), str(result))
        else:
            written, existing = result
            for path in written:
                self.window.library_saw_save(path)
            self.window.statusBar().showMessage(
                self.tr("Downloaded %n post(s)", "", len(written))
                + "; "
                + self.tr("%n post(s) were already here", "", len(existing)),
                10000,
            )
            if len(written) + len(existing) == 1:
                self.window.open_path((written or existing)[0])
        self.window.downloaded.emit(result)
