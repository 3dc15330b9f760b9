"""Tags and categories complete as you type in the post details, from the post's blog (the
real WordPress's terms, cached) and the drafts folder; a name the blog lacks is marked as one
publishing will create; offline, completion still works from the cache."""

from __future__ import annotations

import dataclasses
import os
import socket
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smugdesk.core.accounts import save_accounts
from smugdesk.core.credentials import store_secret
from smugdesk.publish import terms
from smugdesk.publish.terms import BlogTerms, Category
from smugdesk.ui.metadata_form import MetadataForm
from smugdesk.ui.term_completion import Vocabulary

WAIT_MS = 60_000

BLOG = BlogTerms(
    categories=[Category("Health"), Category("Vaccines", "Health"), Category("News")],
    tags=["flu", "Q&A", "night clinics"],
    fetched="2026-11-29T00:00:00+00:00",
)


@pytest.fixture
def form(qtbot):
    made = MetadataForm()
    qtbot.addWidget(made)
    made.resize(720, 200)
    made.show()
    qtbot.waitExposed(made)
    made.set_vocabulary(Vocabulary("Ward Notes", BLOG, ["night shifts", "Flu"], "wordpress"))
    return made


def popup_names(completer) -> list[str]:
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_name_after_the_last_comma_completes(qtbot, form):
    tags = form.fields["tags"]
    tags.setFocus()
    qtbot.keyClicks(tags, "flu, nig")
    completer = form.completers["tags"]
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    # The blog's tags and the drafts folder's, each once ("Flu" in a draft is the blog's flu).
    assert popup_names(completer) == ["night clinics", "night shifts"]
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert tags.text() == "flu, night clinics"
    assert form.new_terms.isHidden()


def test_categories_complete_from_the_blog(qtbot, form):
    categories = form.fields["categories"]
    categories.setFocus()
    qtbot.keyClicks(categories, "vacc")
    completer = form.completers["categories"]
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    assert popup_names(completer) == ["Vaccines"]


def test_new_names_are_marked_as_will_be_created(qtbot, form, tmp_path):
    qtbot.keyClicks(form.fields["tags"], "q&a, Night Clinics, ward rounds")
    qtbot.keyClicks(form.fields["categories"], "news, Letters")
    assert form.new_terms.isVisible()
    assert form.new_terms.text() == (
        "✚ New on Ward Notes, will be created when published: tag “ward rounds”, category “Letters”"
    )
    QApplication.processEvents()
    assert form.grab().save(
        str(Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path) / "form-new-terms.png")
    )
    form.fields["tags"].setText("flu")
    form.fields["categories"].setText("")
    assert form.new_terms.isHidden()


def test_nothing_is_marked_when_the_blog_terms_are_unknown(qtbot, form):
    form.set_vocabulary(Vocabulary("Ward Notes", None, ["night shifts"], "wordpress"))
    qtbot.keyClicks(form.fields["tags"], "anything")
    assert form.new_terms.isHidden()
    assert form.completers["tags"].names.stringList() == ["night shifts"]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def open_post(window, folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rounds.md"
    path.write_text("---\ntitle: Rounds\ntags: [flu]\n---\n\nText.\n", encoding="utf-8")
    assert window.open_path(path)
    window.refresh_metadata(fresh=True)


def test_the_window_completes_from_the_blog_and_offline_from_the_cache(
    qtbot, make_window, wordpress, rest_account, tmp_path
):
    """The only account is the post's blog: its terms are fetched quietly (nothing cached
    yet, its password in the keyring), then, with the blog unreachable, still complete."""
    tag = f"immunisation {uuid.uuid4().hex[:6]}"
    wordpress.php(f"wp_insert_term('{tag}', 'post_tag'); echo 'ok';")
    save_accounts([rest_account])
    store_secret(rest_account.name, wordpress.app_password)
    assert terms.load(rest_account) is None
    window = make_window(tmp_path / "drafts")
    open_post(window, tmp_path / "drafts")
    completer = window.metadata.completers["tags"]
    qtbot.waitUntil(lambda: tag in completer.names.stringList(), timeout=WAIT_MS)
    assert terms.load(rest_account) is not None  # kept in the cache folder

    # The blog gone (its account at a closed port): a new window completes from the cache,
    # and a name the blog has is not marked as new.
    offline = dataclasses.replace(rest_account, url=f"http://127.0.0.1:{_closed_port()}/")
    save_accounts([offline])
    second = make_window(tmp_path / "drafts")
    open_post(second, tmp_path / "drafts")
    tags = second.metadata.fields["tags"]
    tags.setFocus()
    tags.selectAll()
    qtbot.keyClicks(tags, "immun")
    popup = second.metadata.completers["tags"]
    qtbot.waitUntil(lambda: popup.popup().isVisible())
    assert tag in popup_names(popup)
    qtbot.keyClick(popup.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(popup.popup(), Qt.Key.Key_Return)
    assert tags.text() == tag
    assert second.metadata.new_terms.isHidden()  # the blog has it
    qtbot.keyClicks(tags, ", zebra crossings")
    assert second.metadata.new_terms.text() == (
        "✚ New on Ward Notes, will be created when published: tag “zebra crossings”"
    )


def test_categories_as_a_checkable_tree(qtbot, form, tmp_path):
    """Like the blog's own editor: each category under its parent, the post's ticked;
    ticking and clearing boxes rewrites the field (a name the blog lacks stays)."""
    field = form.fields["categories"]
    field.setText("news, Letters")
    assert form.tree_action.isVisible()
    form.tree_action.trigger()
    tree = form.category_tree
    qtbot.waitUntil(tree.isVisible)
    shown = {item.text(0): item for item in tree.items()}
    assert list(shown) == ["Health", "Vaccines", "News"]
    assert shown["Vaccines"].parent() is shown["Health"]
    assert shown["News"].checkState(0) == Qt.CheckState.Checked
    assert shown["Health"].checkState(0) == Qt.CheckState.Unchecked
    QApplication.processEvents()
    folder = Path(os.environ.get("SMUGDESK_SHOTS") or tmp_path)
    assert tree.grab().save(str(folder / "category-tree.png"))
    with qtbot.waitSignal(form.field_edited) as edited:
        shown["Vaccines"].setCheckState(0, Qt.CheckState.Checked)
    assert edited.args == ["categories", "news, Letters, Vaccines"]
    shown["News"].setCheckState(0, Qt.CheckState.Unchecked)
    assert field.text() == "Letters, Vaccines"


def test_no_tree_for_a_blog_without_categories(qtbot, form):
    form.set_vocabulary(Vocabulary("Notes", BlogTerms(tags=["walks"]), [], "micropub"))
    assert not form.tree_action.isVisible()
    assert form.completers["categories"].names.stringList() == ["walks"]


def test_a_new_name_is_shown_as_text(qtbot, form):
    qtbot.keyClicks(form.fields["tags"], "<b>loud</b>")
    assert form.new_terms.textFormat() == Qt.TextFormat.PlainText
    assert "tag “<b>loud</b>”" in form.new_terms.text()


def test_the_post_names_its_blog_and_completes_from_it(qtbot, make_window, tmp_path):
    """Two blogs (their terms in the cache, no network): the post's front matter says which
    it is for; choosing the other in the form rewrites it and completion follows."""
    from smugdesk.core.accounts import Account

    ward = Account("Ward Notes", "wordpress", "https://ward.example/", "ada")
    field = Account("Field Notes", "wordpress", "https://field.example/", "ada")
    save_accounts([ward, field])
    terms.save(ward, BlogTerms([Category("Rounds")], ["night shifts"], [], "2099-01-01T00:00"))
    terms.save(field, BlogTerms([Category("Walks")], ["moors"], [], "2099-01-01T00:00"))
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "walk.md"
    path.write_text("---\ntitle: A walk\nblog: Field Notes\n---\n\nOut.\n", encoding="utf-8")
    window = make_window(folder)
    assert window.open_path(path)
    window.refresh_metadata(fresh=True)
    form = window.metadata
    assert form.blog.currentText() == "Field Notes"
    assert [form.blog.itemText(i) for i in range(form.blog.count())] == [
        "(any blog)",
        "Ward Notes",
        "Field Notes",
    ]
    assert form.completers["tags"].names.stringList() == ["moors"]
    assert form.completers["categories"].names.stringList() == ["Walks"]

    form.blog.setCurrentIndex(form.blog.findData("Ward Notes"))
    form.blog.activated.emit(form.blog.currentIndex())
    assert "blog: Ward Notes" in window.editor.toPlainText()
    window.refresh_metadata()
    assert form.completers["categories"].names.stringList() == ["Rounds"]

    form.blog.setCurrentIndex(0)  # any blog: with two accounts, no blog's terms
    form.blog.activated.emit(0)
    assert "blog:" not in window.editor.toPlainText()
    window.refresh_metadata()
    assert form.completers["categories"].names.stringList() == []
