"""Per-blog defaults: set in the accounts dialog (status of new posts, categories), kept
apart from the account, following a rename and gone with the account; setting a post to a
blog in the details form fills in what the post lacks, as one undo step."""

from __future__ import annotations

from smugdesk.core.accounts import Account, save_accounts
from smugdesk.publish.blog_defaults import BlogDefaults, load_defaults, save_defaults
from smugdesk.ui.dialogs.accounts import AccountsDialog

WARD = Account("Ward Notes", "wordpress", "http://127.0.0.1:9/", "ada")


def test_defaults_are_kept_per_blog(qtbot):
    save_accounts([WARD])
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    dialog.new_status.setCurrentIndex(dialog.new_status.findData("draft"))
    dialog.default_categories.setText("Rounds, , News ")
    assert dialog.save_account()
    assert load_defaults("Ward Notes") == BlogDefaults("draft", ["Rounds", "News"])

    dialog.name.setText("Ward Diary")
    assert dialog.save_account()
    assert load_defaults("Ward Notes") == BlogDefaults()
    assert load_defaults("Ward Diary") == BlogDefaults("draft", ["Rounds", "News"])
    assert dialog.default_categories.text() == "Rounds, News"  # shown again as kept

    dialog.confirm_removal = lambda account: True
    dialog.remove()
    assert load_defaults("Ward Diary") == BlogDefaults()


def test_choosing_the_blog_fills_in_what_the_post_lacks(qtbot, make_window, tmp_path):
    save_accounts([WARD, Account("Field Notes", "micropub", "http://127.0.0.1:9/mp")])
    save_defaults("Ward Notes", BlogDefaults("draft", ["Rounds", "News"]))
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "night.md"
    original = "---\ntitle: Night shift\n---\n\nQuiet.\n"
    path.write_text(original, encoding="utf-8")
    window = make_window(folder)
    assert window.open_path(path)
    window.refresh_metadata(fresh=True)
    blog = window.metadata.blog
    blog.setCurrentIndex(blog.findData("Ward Notes"))
    blog.activated.emit(blog.currentIndex())
    text = window.editor.toPlainText()
    assert "blog: Ward Notes" in text
    assert "status: draft" in text and "categories: [Rounds, News]" in text
    window.editor.undo()  # one step takes it all back
    assert window.editor.toPlainText() == original

    # A post with its own status and categories keeps them.
    window.editor.setPlainText(
        "---\ntitle: Night shift\nstatus: published\ncategories: [Wards]\n---\n\nQuiet.\n"
    )
    window.refresh_metadata(fresh=True)
    blog.setCurrentIndex(blog.findData("Ward Notes"))
    blog.activated.emit(blog.currentIndex())
    text = window.editor.toPlainText()
    assert "status: published" in text and "categories: [Wards]" in text


def test_slug_style_and_image_size_are_set_in_the_dialog_and_used(qtbot):
    from smugdesk.publish.image_settings import DEFAULT_MAX_SIDE, blog_settings

    save_accounts([WARD])
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    assert dialog.image_size.text() == f"standard ({DEFAULT_MAX_SIDE} px)"
    dialog.slug_style.setCurrentIndex(dialog.slug_style.findData("short"))
    dialog.image_size.setValue(1600)
    dialog.keep_metadata.setChecked(True)
    assert dialog.save_account()
    assert load_defaults("Ward Notes") == BlogDefaults("", [], "short", 1600, True)
    settings = blog_settings("Ward Notes")
    assert settings.max_side == 1600 and settings.keep_metadata

    again = AccountsDialog()  # the next time the dialog opens, it shows what was kept
    qtbot.addWidget(again)
    assert again.slug_style.currentData() == "short"
    assert again.image_size.value() == 1600 and again.keep_metadata.isChecked()
    again.image_size.setValue(0)
    again.keep_metadata.setChecked(False)
    assert again.save_account()
    assert blog_settings("Ward Notes").max_side == DEFAULT_MAX_SIDE
    assert not blog_settings("Ward Notes").keep_metadata
