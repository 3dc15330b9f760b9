"""Share on Bluesky from the window, against a real PDS (tests/bluesky/server.py) and, for
the after-publish offer, a real WordPress: the dialog's live counter, the share recorded in
the post, an update, a delete, a post changed elsewhere and a wrong app password shown in
the dialog (the text kept), and a blog that shares every time."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox
from qt_helpers import answer_dialog

from smugdesk.core.accounts import Account, save_accounts
from smugdesk.core.credentials import get_secret, store_secret
from smugdesk.core.post import parse_post
from smugdesk.publish.shares import ShareChoice, recorded_share, save_share_choice, share_choice
from smugdesk.ui.dialogs import share as share_dialog
from smugdesk.ui.share_actions import ShareDialog, add_share_action, after_publish


def _bluesky_server():
    if "bluesky_server" in sys.modules:
        return sys.modules["bluesky_server"]
    path = Path(__file__).resolve().parents[1] / "bluesky" / "server.py"
    spec = importlib.util.spec_from_file_location("bluesky_server", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bluesky_server"] = module
    spec.loader.exec_module(module)
    return module


bluesky_server = _bluesky_server()
LINK = "https://wardnotes.example/2026/11/visiting-hours/"

LIVE = f"""---
title: Our new visiting hours ☕
tags: [visitors]
status: published
summary: The wards open at ten, the café at nine.
published:
  Ward Notes: {{id: "7", url: "{LINK}", status: publish}}
---

The wards open at ten.
"""


@pytest.fixture(scope="session")
def bluesky_pds(tmp_path_factory):
    """The same PDS the tests in tests/bluesky use (one per run)."""
    yield from bluesky_server.pds_for_tests(tmp_path_factory)


@pytest.fixture
def bluesky_account(bluesky_pds) -> Account:
    account = Account("My Bluesky", "bluesky", bluesky_pds.base, bluesky_pds.handle)
    save_accounts([account])
    store_secret(account.name, bluesky_pds.app_password)
    return account


def _open(window, tmp_path, text=LIVE, name="visiting-hours") -> Path:
    draft = tmp_path / "drafts" / f"{name}.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(text, encoding="utf-8")
    assert window.open_path(draft)
    return draft


def _dialog_from_menu(qtbot, window) -> ShareDialog:
    menu = QMenu(window)
    action = add_share_action(window, menu)
    menu.aboutToShow.emit()
    assert action.isEnabled()
    action.trigger()
    dialog = window.share_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _send(qtbot, dialog: ShareDialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=30000):
        dialog.send_button.click()


def test_share_counts_as_you_type_and_records_the_share(
    qtbot, window, tmp_path, bluesky_pds, bluesky_account
):
    draft = _open(window, tmp_path)
    dialog = _dialog_from_menu(qtbot, window)
    assert dialog.text.toPlainText() == f"Our new visiting hours ☕\n\n{LINK}\n\n#visitors"
    assert dialog.send_button.text() == "Share"
    assert not dialog.delete_button.isVisible()

    dialog.text.setPlainText("👍🏽" * 300)  # 300 characters for Bluesky, 2,400 bytes
    assert dialog.counter.text() == "0 characters left" and dialog.send_button.isEnabled()
    dialog.text.setPlainText("👍🏽" * 301)
    assert dialog.counter.text() == "1 character too many"
    assert not dialog.send_button.isEnabled()
    dialog.text.setPlainText("👩‍👩‍👧" * 170)  # 170 characters, but 3,060 bytes
    assert "too long" in dialog.counter.text().lower()
    assert not dialog.send_button.isEnabled()

    mine = f"Visiting hours change on Monday 🕙\n\n{LINK}"
    dialog.text.setPlainText(mine)
    dialog.every_time.setChecked(True)
    _send(qtbot, dialog)
    assert dialog.problem.isHidden()

    on_disk = parse_post(draft.read_text(encoding="utf-8"))
    share = recorded_share(on_disk, "My Bluesky")
    assert share is not None and share.link == LINK
    assert on_disk.meta["published"]["Ward Notes"]["id"] == "7"  # left as it was
    status, got = bluesky_pds.record(share.uri)
    assert status == 200 and got["value"]["text"] == mine
    assert got["value"]["embed"]["external"]["description"].startswith("The wards open at ten")
    assert share_choice("Ward Notes") == ShareChoice("My Bluesky", True)
    assert not window.editor.document().isModified()  # saved


def test_update_then_delete_from_the_same_dialog(
    qtbot, window, tmp_path, bluesky_pds, bluesky_account
):
    draft = _open(window, tmp_path)
    _send(qtbot, _dialog_from_menu(qtbot, window))
    first = recorded_share(parse_post(draft.read_text(encoding="utf-8")), "My Bluesky")

    dialog = _dialog_from_menu(qtbot, window)
    assert dialog.send_button.text() == "Update on Bluesky" and dialog.delete_button.isVisible()
    dialog.text.setPlainText(f"Corrected: the café opens at half past eight\n\n{LINK}")
    _send(qtbot, dialog)
    second = recorded_share(parse_post(draft.read_text(encoding="utf-8")), "My Bluesky")
    assert second.uri == first.uri and second.cid != first.cid
    assert bluesky_pds.record(first.uri)[1]["value"]["text"].startswith("Corrected")

    dialog = _dialog_from_menu(qtbot, window)
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Yes, seen)
    with qtbot.waitSignal(dialog.finished, timeout=30000):
        dialog.delete_button.click()
    assert "Delete the post about this article from Bluesky?" in seen[0]
    assert bluesky_pds.record(first.uri)[0] == 400
    assert recorded_share(parse_post(draft.read_text(encoding="utf-8")), "My Bluesky") is None


def test_a_post_changed_elsewhere_is_shown_and_the_text_kept(
    qtbot, window, tmp_path, bluesky_pds, bluesky_account
):
    draft = _open(window, tmp_path)
    _send(qtbot, _dialog_from_menu(qtbot, window))
    share = recorded_share(parse_post(draft.read_text(encoding="utf-8")), "My Bluesky")
    record = bluesky_pds.record(share.uri)[1]["value"]
    record["text"] = "Edited in the app"
    record.pop("facets", None)
    did, collection, key = share.uri.removeprefix("at://").split("/")
    status, _ = bluesky_server.call(
        bluesky_pds.base,
        "com.atproto.repo.putRecord",
        {"repo": did, "collection": collection, "rkey": key, "record": record},
        token=bluesky_pds.token(),
    )
    assert status == 200

    dialog = _dialog_from_menu(qtbot, window)
    dialog.text.setPlainText("My careful rewording")
    dialog.send_button.click()
    qtbot.waitUntil(lambda: not dialog.problem.isHidden(), timeout=30000)
    assert "changed since smugdesk sent it" in dialog.problem.text()
    assert dialog.isVisible() and dialog.text.toPlainText() == "My careful rewording"
    assert dialog.send_button.isEnabled()
    assert bluesky_pds.record(share.uri)[1]["value"]["text"] == "Edited in the app"
    dialog.reject()


def test_a_wrong_app_password_is_said_in_the_dialog_and_asked_again(
    qtbot, window, tmp_path, bluesky_pds, bluesky_account, monkeypatch
):
    store_secret(bluesky_account.name, "aaaa-bbbb-cccc-dddd")
    _open(window, tmp_path)
    dialog = _dialog_from_menu(qtbot, window)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: not dialog.problem.isHidden(), timeout=30000)
    assert "app password" in dialog.problem.text() and dialog.isVisible()
    assert get_secret(bluesky_account.name) is None  # the wrong one is not kept

    asked = []

    def type_it(*args, **kwargs):
        asked.append(args[2])
        return bluesky_pds.app_password, True

    monkeypatch.setattr(share_dialog.QInputDialog, "getText", type_it)
    _send(qtbot, dialog)
    assert "App passwords" in asked[0] and dialog.result_share is not None


def test_the_menu_item_waits_for_a_published_post(qtbot, window, tmp_path):
    _open(window, tmp_path, LIVE.replace("status: publish}", "status: draft}"))
    menu = QMenu(window)
    action = add_share_action(window, menu)
    menu.aboutToShow.emit()
    assert not action.isEnabled()  # a draft on the blog has no public page to share


@pytest.fixture
def blog(wordpress) -> Account:
    return Account("Ward Notes", "wordpress", wordpress.url, wordpress.user)


def _publish(qtbot, window, blog):
    window.published.connect(lambda result: after_publish(window, blog, result))
    with qtbot.waitSignal(window.published, timeout=60000) as published:
        window.publish_to(blog.name, "publish")
    return published.args[0]


# Published to the shared WordPress under names no other test uses (slugs come from them).
FRESH = """---
title: A fresh post to share
status: draft
---

Shared after its publish.
"""


def test_after_a_publish_the_published_box_offers_the_share(
    qtbot, window, tmp_path, wordpress, blog, bluesky_pds, bluesky_pds_account_saved
):
    store_secret(blog.name, wordpress.app_password)
    _open(window, tmp_path, FRESH, "share-offered-after-publish")
    outcome = _publish(qtbot, window, blog)
    box = window.publish_result_box
    offer = next(b for b in box.buttons() if b.text() == "Share on Bluesky…")
    offer.click()
    dialog = window.share_dialog
    assert outcome.remote.url in dialog.text.toPlainText()
    box.close()
    _send(qtbot, dialog)
    assert window.statusBar().currentMessage().startswith("On Bluesky: https://bsky.app/")

    _publish(qtbot, window, blog)  # published again: the offer is to update the share
    labels = [b.text() for b in window.publish_result_box.buttons()]
    assert "Update on Bluesky…" in labels and "Share on Bluesky…" not in labels
    window.publish_result_box.close()


def test_a_blog_that_shares_every_time_shares_once(
    qtbot, window, tmp_path, wordpress, blog, bluesky_pds, bluesky_pds_account_saved
):
    store_secret(blog.name, wordpress.app_password)
    save_share_choice(blog.name, ShareChoice("My Bluesky", True))
    draft = _open(window, tmp_path, FRESH.replace("fresh", "second"), "share-every-time")
    _publish(qtbot, window, blog)
    qtbot.waitUntil(lambda: getattr(window, "last_share", None) is not None, timeout=30000)
    share = window.last_share
    qtbot.waitUntil(
        lambda: (
            recorded_share(parse_post(draft.read_text(encoding="utf-8")), "My Bluesky") == share
        ),
        timeout=10000,
    )
    assert bluesky_pds.record(share.uri)[0] == 200
    assert not any(b.text() == "Share on Bluesky…" for b in window.publish_result_box.buttons())
    window.publish_result_box.close()

    relay = window._share_relay
    _publish(qtbot, window, blog)  # an update of the blog post: no second Bluesky post
    assert window._share_relay is relay  # after_publish ran in the signal: no share started
    window.publish_result_box.close()


@pytest.fixture
def bluesky_pds_account_saved(bluesky_pds, blog) -> Account:
    """The blog and the Bluesky account, both in accounts.json."""
    account = Account("My Bluesky", "bluesky", bluesky_pds.base, bluesky_pds.handle)
    save_accounts([blog, account])
    store_secret(account.name, bluesky_pds.app_password)
    return account


def test_what_is_not_an_app_password_is_questioned_first(
    qtbot, window, tmp_path, bluesky_pds, bluesky_account, monkeypatch
):
    from smugdesk.core.credentials import forget_secret

    forget_secret(bluesky_account.name)
    _open(window, tmp_path)
    dialog = _dialog_from_menu(qtbot, window)
    monkeypatch.setattr(
        share_dialog.QInputDialog, "getText", lambda *args, **kwargs: ("hunter2", True)
    )
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.No, seen)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert "does not look like a Bluesky app password" in seen[0]
    assert get_secret(bluesky_account.name) is None  # not kept, and nothing sent
    assert dialog.isVisible() and dialog.result_share is None
    dialog.reject()


def test_a_publish_as_a_draft_offers_nothing_to_share(
    qtbot, window, tmp_path, wordpress, blog, bluesky_pds, bluesky_pds_account_saved
):
    store_secret(blog.name, wordpress.app_password)
    save_share_choice(blog.name, ShareChoice("My Bluesky", True))  # not even "every time"
    _open(window, tmp_path, FRESH.replace("fresh", "draft"), "share-not-for-a-draft")
    window.published.connect(lambda result: after_publish(window, blog, result))
    with qtbot.waitSignal(window.published, timeout=60000):
        window.publish_to(blog.name, "draft")
    assert not any(b.text() == "Share on Bluesky…" for b in window.publish_result_box.buttons())
    assert getattr(window, "_share_relay", None) is None
    window.publish_result_box.close()


def test_a_share_finishing_after_the_writer_moved_on_goes_into_its_own_post(
    qtbot, window, tmp_path, bluesky_pds, bluesky_account
):
    """The writer opens another post while the share is on its way: the record goes into
    the shared post (its tab, saved), and the post now shown is left alone; the shared
    post's tab cannot be closed until then."""
    from smugdesk.publish.bluesky import draft_for
    from smugdesk.ui.share_actions import share_now

    shared = _open(window, tmp_path)
    shared_tab = window.document
    share_now(window, bluesky_account, draft_for(parse_post(LIVE, shared), LINK))
    other = tmp_path / "drafts" / "other.md"
    other.write_text("---\ntitle: Something else\n---\n\nElse.\n", encoding="utf-8")
    assert window.open_path(other)  # at once: the share is still on its way
    assert window.document is not shared_tab
    assert not window.close_tab(shared_tab)  # held until the share is recorded in it
    qtbot.waitUntil(lambda: getattr(window, "last_share", None) is not None, timeout=30000)
    on_disk = parse_post(shared.read_text(encoding="utf-8"))
    assert recorded_share(on_disk, "My Bluesky") == window.last_share
    assert "shared:" in shared_tab.editor.toPlainText() and not shared_tab.modified
    assert "shared:" not in window.editor.toPlainText()
    assert other.read_text(encoding="utf-8") == "---\ntitle: Something else\n---\n\nElse.\n"
    assert window.close_tab(shared_tab)


def test_the_card_shows_a_social_image_whole_as_bluesky_does(qtbot, tmp_path):
    """A page's social image (1200x628, 1.91:1) is shown whole in the card, as followers
    will see it: its top and bottom bands are both there."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(1200, 628, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for y in range(40):
        for x in range(1200):
            image.setPixelColor(x, y, QColor("red"))
            image.setPixelColor(x, 627 - y, QColor("blue"))
    path = tmp_path / "social.png"
    assert image.save(str(path))
    picture = share_dialog._picture(path, *share_dialog.CARD_PICTURE).toImage()
    assert (picture.width(), picture.height()) == share_dialog.CARD_PICTURE
    assert picture.pixelColor(250, 4).red() > 200 and picture.pixelColor(250, 4).blue() < 60
    bottom = picture.pixelColor(250, picture.height() - 5)
    assert bottom.blue() > 200 and bottom.red() < 60
