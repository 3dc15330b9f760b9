"""Add Blog against the real WordPress: the address alone finds the blog and its API, the
application password signs in and the account is kept, a usual password gets what to do
and XML-RPC, and after adding, the blog's recent posts are offered and downloaded.

Each state is grabbed to a PNG (under $SMUGDESK_SHOTS when set) to look at as a person."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from smugdesk.core.accounts import load_accounts, save_accounts
from smugdesk.core.credentials import get_secret
from smugdesk.ui.dialogs.accounts import AccountsDialog
from smugdesk.ui.dialogs.add_blog import AddBlogDialog

WAIT_MS = 60_000  # the shared machine can be slow; readiness is waited for, never slept


def shot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"add-blog-{name}.png"
    QApplication.processEvents()  # the layout a person would see, after the text changed
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def dialog(qtbot):
    made = AddBlogDialog([], save_accounts)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def find(qtbot, dialog, address: str) -> None:
    qtbot.keyClicks(dialog.address, address)
    qtbot.mouseClick(dialog.find_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.state in ("found", "error"), timeout=WAIT_MS)


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_address_finds_wordpress_and_the_app_password_adds_it(qtbot, dialog, wordpress, tmp_path):
    qtbot.keyClicks(dialog.address, wordpress.url)
    assert dialog.state == "typing" and not dialog.add_button.isEnabled()
    shot(dialog, "1-typing", tmp_path)
    qtbot.mouseClick(dialog.find_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.state == "found", timeout=WAIT_MS)
    said = dialog.found_label.text()
    assert "“Ward Notes” is a WordPress blog" in said and "REST API and XML-RPC" in said
    assert dialog.name.text() == "Ward Notes"  # from the blog's own name
    assert dialog.kind == "wordpress" and dialog.add_button.isEnabled()
    assert "application password" in dialog.secret.placeholderText()
    shot(dialog, "2-found-wordpress", tmp_path)

    qtbot.keyClicks(dialog.user, wordpress.user)
    qtbot.keyClicks(dialog.secret, wordpress.app_password)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.add_button, qtbot_left())
    assert dialog.summary == "Ward Notes, signed in as editor"
    [kept] = load_accounts()
    assert (kept.name, kept.kind, kept.url, kept.user) == (
        "Ward Notes",
        "wordpress",
        wordpress.url,
        "editor",
    )
    assert get_secret("Ward Notes") == wordpress.app_password


def test_usual_password_says_what_to_do_and_offers_xmlrpc(qtbot, dialog, wordpress, tmp_path):
    find(qtbot, dialog, wordpress.url)
    qtbot.keyClicks(dialog.user, wordpress.user)
    qtbot.keyClicks(dialog.secret, wordpress.password)
    qtbot.mouseClick(dialog.add_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.state == "error", timeout=WAIT_MS)
    text = dialog.status.text()
    profile = wordpress.url + "wp-admin/profile.php"
    assert "Users → Profile" in text and f'<a href="{profile}">' in text
    assert dialog.xmlrpc_button.isVisible()
    assert load_accounts() == []  # nothing kept until a sign-in worked
    shot(dialog, "3-error-app-password", tmp_path)

    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.xmlrpc_button, qtbot_left())
    [kept] = load_accounts()
    assert (kept.kind, kept.url) == ("metaweblog", wordpress.url + "xmlrpc.php")
    assert get_secret(kept.name) == wordpress.password


def test_an_address_that_answers_nothing(qtbot, dialog, tmp_path):
    find(qtbot, dialog, "http://127.0.0.1:1/")
    assert dialog.state == "error" and not dialog.add_button.isEnabled()
    assert dialog.status.text().startswith("The blog's page could not be read: ")
    assert "refused the connection" in dialog.status.text()
    shot(dialog, "4-error-unreachable", tmp_path)
    # Typing again leaves the error behind.
    qtbot.keyClicks(dialog.address, "x")
    assert dialog.state == "typing" and dialog.status.text() == ""


def test_a_name_already_taken_is_refused_before_signing_in(qtbot, wordpress):
    from smugdesk.core.accounts import Account

    existing = [Account("Ward Notes", "wordpress", wordpress.url, "someone")]
    dialog = AddBlogDialog(existing, save_accounts)
    qtbot.addWidget(dialog)
    find(qtbot, dialog, wordpress.url)
    assert dialog.name.text() == "Ward Notes (2)"  # the found name, made unique
    dialog.name.setText("Ward Notes")
    dialog.user.setText(wordpress.user)
    dialog.secret.setText(wordpress.app_password)
    dialog.add()
    assert dialog.state == "found"
    assert "already an account called “Ward Notes”" in dialog.status.text()


def test_added_blog_offers_its_recent_posts(qtbot, make_window, wordpress, tmp_path):
    """From the window's accounts dialog: the new blog is listed and, answered yes, its
    recent posts come home through the window's downloader."""
    window = make_window(tmp_path / "drafts")
    accounts = AccountsDialog(window)
    qtbot.addWidget(accounts)
    accounts.offer_download = lambda account: True
    add = AddBlogDialog(accounts.accounts, save_accounts, accounts)
    qtbot.addWidget(add)
    find(qtbot, add, wordpress.url)
    add.user.setText(wordpress.user)
    add.secret.setText(wordpress.app_password)
    with qtbot.waitSignal(add.accepted, timeout=WAIT_MS):
        add.add()
    with qtbot.waitSignal(window.downloaded, timeout=WAIT_MS) as downloaded:
        accounts.after_add_blog(add)
    assert accounts.list.currentItem().text() == "Ward Notes"
    assert accounts.status.text().startswith("Added. Ward Notes, signed in as editor")
    assert not isinstance(downloaded.args[0], Exception), downloaded.args[0]


def test_advanced_hands_over_to_the_form(qtbot, wordpress):
    accounts = AccountsDialog()
    qtbot.addWidget(accounts)
    add = AddBlogDialog(accounts.accounts, save_accounts, accounts)
    qtbot.addWidget(add)
    add.address.setText("https://old.example.org/blog/")
    add.user.setText("ada")
    add.advanced.click()
    assert add.manual
    accounts.after_add_blog(add)
    assert accounts.url.text() == "https://old.example.org/blog/"
    assert accounts.user.text() == "ada"


def test_the_page_title_is_shown_as_text(qtbot, dialog):
    """A page's title is the page author's: markup in it is shown, never rendered (no image
    fetched, no link planted in the dialog)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PySide6.QtCore import Qt

    class Page(BaseHTTPRequestHandler):
        """A stand-in for a hostile blog home page (a title with markup in it)."""

        def do_GET(self):
            body = (
                b"<title>&lt;img src=http://tracker.example/x&gt;&lt;b&gt;Bold&lt;/b&gt;</title>"
                b'<link rel="micropub" href="/micropub">'
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        find(qtbot, dialog, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
    assert dialog.state == "found"
    assert dialog.found_label.textFormat() == Qt.TextFormat.PlainText
    assert "“<img src=http://tracker.example/x><b>Bold</b>”" in dialog.found_label.text()


def test_fetch_terms_on_demand(qtbot, wordpress, rest_account):
    from smugdesk.core.credentials import store_secret
    from smugdesk.publish import terms

    save_accounts([rest_account])
    store_secret(rest_account.name, wordpress.app_password)
    accounts = AccountsDialog()
    qtbot.addWidget(accounts)
    assert accounts.list.currentItem().text() == rest_account.name
    accounts.terms_button.click()
    qtbot.waitUntil(lambda: accounts.terms_button.isEnabled(), timeout=WAIT_MS)
    assert "kept for completion" in accounts.status.text(), accounts.status.text()
    assert terms.load(rest_account).category_names()  # at least WordPress's Uncategorized


def test_no_accounts_yet_points_to_add_blog(qtbot):
    accounts = AccountsDialog()
    qtbot.addWidget(accounts)
    assert accounts.status.text().startswith("Start with Add Blog…")
