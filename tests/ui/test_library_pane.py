"""The library pane with real files, the real index (in the test's cache folder) and real
key presses: list, search, open, new, rename, duplicate, trash and restore."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from qt_helpers import answer_dialog, drive_dialog

from smugdesk.core.library_scan import Entry
from smugdesk.ui.library_worker import TYPING_PAUSE_MS

POSTS = {
    "videos.md": (
        "---\ntitle: Our video interviews\ndate: 2025-02-01\ntags: [video, nurses]\n"
        "status: published\n---\nThe nurses talk about night shifts on the ward.\n"
    ),
    "2024/policy.md": (
        "---\ntitle: Policy in plain words\ndate: 2024-05-01\ntags: [policy]\n---\n"
        "Eleven pages became one card.\n"
    ),
    "plan.md": "---\ntitle: Next year's plan\ndate: 2025-09-01\n---\nMore podcasts.\n",
}


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    for name, text in POSTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


ALL = ["Next year's plan", "Our video interviews", "Policy in plain words"]


def shown(window) -> list[str]:
    return [
        item.title if isinstance(item, Entry) else item.name for item in window.library.model.items
    ]


def wait_listed(qtbot, window, titles: list[str]) -> None:
    qtbot.waitUntil(lambda: shown(window) == titles, timeout=10000)


def type_search(qtbot, window, text: str) -> None:
    window.library.search.setFocus()
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, text)


def answer_title(title: str) -> dict:
    def act(dialog: QInputDialog) -> None:
        dialog.setTextValue(title)
        dialog.accept()

    return drive_dialog(QInputDialog, act)


def test_lists_every_post_newest_first_and_sorts_and_filters(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    assert window.library.count.text() == "3 posts"
    window.library.sort.setCurrentIndex(window.library.sort.findData("title"))
    wait_listed(qtbot, window, ALL)
    window.library.status.setCurrentIndex(window.library.status.findData("published"))
    wait_listed(qtbot, window, ["Our video interviews"])
    window.library.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.library.tag.findData("policy") > 0, timeout=5000)
    window.library.tag.setCurrentIndex(window.library.tag.findData("policy"))
    wait_listed(qtbot, window, ["Policy in plain words"])
    assert window.library.count.text() == "1 of 3 posts"


def test_search_as_you_type_finds_body_words_and_tags(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    type_search(qtbot, window, "night sh")
    wait_listed(qtbot, window, ["Our video interviews"])
    entry = window.library.model.items[0]
    assert "\x02night\x03" in entry.snippet
    assert window.library.model.with_snippets
    type_search(qtbot, window, "policy")  # a tag (and a title word)
    wait_listed(qtbot, window, ["Policy in plain words"])
    window.library.search.clear()
    wait_listed(qtbot, window, ALL)


def test_enter_opens_the_selected_post(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    window.library.list.setFocus()
    window.library.list.setCurrentIndex(window.library.model.index(1))
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.file.path == drafts / "videos.md", timeout=5000)
    assert "night shifts" in window.editor.toPlainText()
    assert window.editor.hasFocus()


def test_an_edit_saved_in_the_app_shows_in_search(qtbot, make_window, drafts):
    window = make_window(drafts)
    assert window.open_path(drafts / "plan.md")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "Also a vaccination campaign.")
    assert window.save()
    type_search(qtbot, window, "vaccination")
    wait_listed(qtbot, window, ["Next year's plan"])


def test_a_file_added_by_another_program_appears(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    (drafts / "2024" / "synced.md").write_text(
        "---\ntitle: From the laptop\ndate: 2030-01-01\n---\n"
    )
    qtbot.waitUntil(lambda: "From the laptop" in shown(window), timeout=10000)


def test_new_post_asks_a_title_and_opens_it(qtbot, make_window, drafts):
    window = make_window(drafts)
    seen = answer_title("Flu clinic, live")
    qtbot.mouseClick(window.library.new_button, Qt.MouseButton.LeftButton)
    assert seen
    path = drafts / "flu-clinic-live.md"
    assert window.file.path == path and path.exists()
    assert "title: Flu clinic, live" in window.editor.toPlainText()
    qtbot.waitUntil(lambda: "Flu clinic, live" in shown(window), timeout=10000)
    assert window.library.selected_path() == path


def test_rename_the_open_post_follows_it(qtbot, make_window, drafts):
    window = make_window(drafts)
    assert window.open_path(drafts / "plan.md")
    wait_listed(qtbot, window, ALL)
    window.library.list.setFocus()
    assert window.library.select_path(drafts / "plan.md")
    answer_title("The plan for 2026")
    qtbot.keyClick(window.library.list, Qt.Key.Key_F2)
    renamed = drafts / "the-plan-for-2026.md"
    assert window.file.path == renamed and not (drafts / "plan.md").exists()
    assert "title: The plan for 2026" in window.editor.toPlainText()
    assert not window.isWindowModified()
    qtbot.waitUntil(lambda: "The plan for 2026" in shown(window), timeout=10000)


def test_duplicate_from_the_context_action(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    window.library.duplicate_requested.emit(drafts / "videos.md")
    qtbot.waitUntil(lambda: "Our video interviews (copy)" in shown(window), timeout=10000)
    assert (drafts / "videos-copy.md").exists()


def test_delete_key_trashes_and_the_trash_restores(qtbot, make_window, drafts):
    window = make_window(drafts)
    assert window.open_path(drafts / "videos.md")
    original = (drafts / "videos.md").read_bytes()
    wait_listed(qtbot, window, ALL)
    window.library.list.setFocus()
    window.library.select_path(drafts / "videos.md")
    qtbot.keyClick(window.library.list, Qt.Key.Key_Delete)
    assert not (drafts / "videos.md").exists()
    assert window.file.path is None  # the open post went with it; the window is blank
    assert (drafts / ".trash" / "videos.md").read_bytes() == original
    wait_listed(qtbot, window, ["Next year's plan", "Policy in plain words"])

    qtbot.mouseClick(window.library.trash_button, Qt.MouseButton.LeftButton)
    wait_listed(qtbot, window, ["videos.md"])
    window.library.list.setFocus()
    window.library.list.setCurrentIndex(window.library.model.index(0))
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    assert (drafts / "videos.md").read_bytes() == original
    wait_listed(qtbot, window, [])
    qtbot.mouseClick(window.library.trash_button, Qt.MouseButton.LeftButton)
    wait_listed(qtbot, window, ALL)


def test_an_unreadable_file_is_listed_and_opening_it_explains(qtbot, make_window, drafts):
    (drafts / "latin.md").write_bytes(b"caf\xe9 au lait")
    window = make_window(drafts)
    qtbot.waitUntil(lambda: "latin" in shown(window), timeout=10000)
    entry = next(item for item in window.library.model.items if item.title == "latin")
    assert "UTF-8" in entry.problem

    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Ok, seen)
    window.library.open_requested.emit(entry.path)
    assert seen and "UTF-8" in seen[0]
    assert (drafts / "latin.md").read_bytes() == b"caf\xe9 au lait"
    assert window.isVisible()


def test_a_big_folder_is_indexed_and_the_progress_row_goes_away(qtbot, make_window, drafts):
    for number in range(900):
        (drafts / f"bulk-{number}.md").write_text(f"---\ntitle: Bulk {number}\n---\nword\n")
    os.sync()
    window = make_window(drafts)
    qtbot.waitUntil(lambda: window.library.count.text() == "903 posts", timeout=30000)
    assert not window.library._progress_row.isVisible()


def test_a_narrow_pane_ends_both_lines_of_a_row_with_an_ellipsis(qtbot, make_window, drafts):
    """The line under a title (status, date, words, tags) is shortened to the row like the
    title, with "…", instead of being cut off mid-word at the pane's edge."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = make_window(drafts)
    window.finish_start()
    wait_listed(qtbot, window, ALL)
    view = window.library.list
    row = [item.title for item in window.library.model.items].index("Our video interviews")
    index = window.library.model.index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index).adjusted(0, 0, 0, 0)
    option.rect.setWidth(120)
    document = view.itemDelegate()._document(option, index)
    title, facts = document.toPlainText().split("\n")[:2]
    assert title.endswith("…") and facts.endswith("…")
    assert facts.startswith("Published")
    option.rect.setWidth(900)
    title, facts = view.itemDelegate()._document(option, index).toPlainText().split("\n")[:2]
    assert not facts.endswith("…") and facts.endswith("#video #nurses")


def listings_counted(window) -> list:
    """Every full list the library thread sends from now on."""
    sent: list = []
    window.library_control.worker.listed.connect(lambda listing: sent.append(listing))
    return sent


def saved_row(window, name: str) -> Entry:
    return next(item for item in window.library.model.items if item.path.name == name)


def test_saving_a_post_updates_its_row_without_listing_everything_again(qtbot, make_window, drafts):
    """A 50,000-post library took half a second of the window's time for each new list,
    and an autosave comes every two seconds of typing."""
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    assert window.open_path(drafts / "plan.md")
    sent = listings_counted(window)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " And two more interviews, recorded at night.")
    assert window.save()
    qtbot.waitUntil(lambda: saved_row(window, "plan.md").words == 9, timeout=10000)
    assert shown(window) == ALL and window.library.selected_path() == drafts / "plan.md"
    qtbot.wait(1500)  # the folder's own change comes and finds nothing new
    assert sent == []


V, P, N = "Our video interviews", "Policy in plain words", "Next year's plan"


@pytest.mark.parametrize(
    ("sort", "change", "first"),
    [
        ("date", ("date: 2025-09-01", "date: 2020-01-01"), [V, P, N]),
        ("title", (N, "Zebra plan"), [V, P, "Zebra plan"]),
        ("edited", ("More podcasts.", "More podcasts, and a radio hour."), [N]),
    ],
)
def test_a_saved_post_that_moves_in_the_order_is_listed_again(
    qtbot, make_window, drafts, sort, change, first
):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    pane = window.library
    pane.sort.setCurrentIndex(pane.sort.findData(sort))
    if sort == "edited":  # plan.md is not the newest edit: it moves to the top
        os.utime(drafts / "plan.md", (1, 1))
        window.library_control.refresh()
        qtbot.waitUntil(lambda: shown(window)[-1] == N, timeout=10000)
    else:
        qtbot.wait(300)
    assert window.open_path(drafts / "plan.md")
    window.editor.setPlainText(window.editor.toPlainText().replace(*change))
    assert window.save()
    qtbot.waitUntil(lambda: shown(window)[: len(first)] == first, timeout=10000)


def test_saves_of_a_post_the_filters_hide_ask_for_nothing(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    pane = window.library
    pane.status.setCurrentIndex(pane.status.findData("published"))
    wait_listed(qtbot, window, ["Our video interviews"])
    assert window.open_path(drafts / "plan.md")  # a draft
    sent = listings_counted(window)
    qtbot.keyClicks(window.editor, "x")
    assert window.save()
    qtbot.wait(1500)
    assert sent == [] and shown(window) == ["Our video interviews"]
    # Published now: it comes into the list.
    window.editor.setPlainText(
        window.editor.toPlainText().replace("title:", "status: published\ntitle:")
    )
    assert window.save()
    wait_listed(qtbot, window, ["Next year's plan", "Our video interviews"])


def test_a_save_while_searching_asks_the_search_again(qtbot, make_window, drafts):
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    type_search(qtbot, window, "radio")
    qtbot.waitUntil(lambda: shown(window) == [], timeout=10000)
    assert window.open_path(drafts / "plan.md")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " A radio hour.")
    assert window.save()
    wait_listed(qtbot, window, ["Next year's plan"])
    # The word goes again: so does the post, though its row would not move in a list.
    window.editor.setPlainText(window.editor.toPlainText().replace(" A radio hour.", ""))
    assert window.save()
    wait_listed(qtbot, window, [])


def test_a_change_in_the_folder_is_looked_at_after_a_pause_in_typing(
    qtbot, make_window, drafts, monkeypatch
):
    """Each autosave changes its folder; looking at a large library then would take the
    interpreter from the preview while the writer types."""
    window = make_window(drafts)
    wait_listed(qtbot, window, ALL)
    control = window.library_control
    looked: list[float] = []
    monkeypatch.setattr(control, "refresh", lambda: looked.append(time.monotonic()))
    control.saw_typing()
    control._folder_settled()
    assert looked == [] and control._folder_timer.isActive()  # asked again a little later
    qtbot.waitUntil(lambda: bool(looked), timeout=5000)
    assert looked[0] - control._typed_at >= TYPING_PAUSE_MS / 1000
