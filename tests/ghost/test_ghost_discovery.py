"""Adding a Ghost site by its address: discovery finds Ghost from its own home page and its
Admin API's public ``site/`` (the real Ghost), the Add Blog dialog asks for an Admin API
key instead of a user and password, signs in with it and keeps it in the keyring; a key
that is wrong, or not a key, is said in one line and nothing is kept.

Each dialog state is grabbed to a PNG (under $SMUGDESK_SHOTS when set) to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smugdesk.core.accounts import load_accounts, save_accounts
from smugdesk.core.credentials import get_secret
from smugdesk.publish.discovery import discover
from smugdesk.ui.dialogs.add_blog import AddBlogDialog

WAIT_MS = 60_000


def shot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"add-blog-ghost-{name}.png"
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path


def test_discovery_finds_ghost_from_its_home_page(ghost):
    found = discover(ghost.url)
    assert found.kinds() == ["ghost"] and found.best() == "ghost"
    assert found.api_address("ghost") == ghost.url
    assert found.title == "Harbour Log" and found.ghost_version.startswith("5.")
    assert found.evidence == ("Ghost: the page's generator and its Admin API",)
    assert "Ghost site" in found.summary() and "Admin API key" in found.summary()
    account = found.account("Harbour Log", "ghost", "typed by mistake")
    assert (account.kind, account.url, account.user) == ("ghost", ghost.url, "")
    assert account.check() == account


def test_a_post_address_finds_the_site(ghost, publisher):
    """Typed as a post's address: the site's API is found at the site's root."""
    from smugdesk.publish.remote import Payload

    made = publisher.create(Payload(title="Found by post", html="<p>x</p>", status="publish"))
    found = discover(made.url)
    assert found.best() == "ghost" and found.api_address("ghost") == ghost.url


@pytest.fixture
def dialog(qtbot):
    made = AddBlogDialog([], save_accounts)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def find(qtbot, dialog, address: str) -> None:
    qtbot.keyClicks(dialog.address, address)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state in ("found", "error"), timeout=WAIT_MS)


def test_add_blog_takes_an_admin_api_key(qtbot, dialog, ghost, tmp_path):
    find(qtbot, dialog, ghost.url)
    assert dialog.state == "found" and dialog.kind == "ghost"
    assert "“Harbour Log” is a Ghost site" in dialog.found_label.text()
    assert not dialog.user.isEnabled()
    assert dialog.secret_caption.text() == "Admin API &key:"
    assert "Settings → Integrations" in dialog.secret.placeholderText()
    assert dialog.name.text() == "Harbour Log"
    shot(dialog, "1-found", tmp_path)

    dialog.secret.setText("not-a-key")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "error", timeout=WAIT_MS)
    assert "id:secret" in dialog.status.text() and load_accounts() == []
    shot(dialog, "2-not-a-key", tmp_path)

    key_id = ghost.admin_key.split(":")[0]
    dialog.secret.setText(f"{key_id}:{'cd' * 32}")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "error", timeout=WAIT_MS)
    assert "refused the Admin API key (401)" in dialog.status.text()
    assert load_accounts() == []

    dialog.secret.setText(ghost.admin_key)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.summary == "Harbour Log, signed in with an Admin API key"
    [kept] = load_accounts()
    assert (kept.name, kept.kind, kept.url, kept.user) == ("Harbour Log", "ghost", ghost.url, "")
    assert get_secret("Harbour Log") == ghost.admin_key
    shot(dialog, "3-added", tmp_path)


def test_cli_adds_a_ghost_account_and_publishes(ghost, tmp_path, monkeypatch, capsys):
    """``account add --kind ghost`` (no --user: the key alone signs in), then ``publish``."""
    import io

    from smugdesk import cli
    from smugdesk.core.post import parse_post
    from smugdesk.publish.published_state import placement

    monkeypatch.setattr("sys.stdin", io.StringIO(ghost.admin_key + "\n"))
    added = ["account", "add", "Harbour", "--kind", "ghost", "--url", ghost.url]
    assert cli.main([*added, "--password-stdin"]) == 0
    assert get_secret("Harbour") == ghost.admin_key
    assert cli.main(["account", "verify", "Harbour"]) == 0
    assert "Harbour Log, signed in with an Admin API key" in capsys.readouterr().out

    path = tmp_path / "from-the-cli.md"
    path.write_text("---\ntitle: From the CLI\n---\n\nHeadless.\n", encoding="utf-8")
    assert cli.main(["publish", str(path), "--account", "Harbour"]) == 0
    url = capsys.readouterr().out.strip()
    post = parse_post(path.read_text(encoding="utf-8"))
    assert placement(post, "Harbour").url == url and "/p/" in url  # a draft's preview
    assert post.meta["blog"] == "Harbour"
