"""Every menu action with its shortcut, in one place, so shortcuts never clash unseen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    history: QAction
    close: QAction
    next_tab: QAction
    previous_tab: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    select_all: QAction
    bold: QAction
    italic: QAction
    headings: list[QAction]
    find: QAction
    replace: QAction
    find_next: QAction
    find_previous: QAction
    show_outline: QAction
    show_library: QAction
    show_details: QAction
    next_pane: QAction
    sync_scroll: QAction
    previous_pane: QAction
    preferences: QAction
    focus_mode: QAction
    full_screen: QAction
    export_again: QAction
    publish: QAction
    publish_to: QAction
    send_queued: QAction
    download_posts: QAction
    accounts: QAction
    insert_link: QAction
    insert_image: QAction
    insert_embed: QAction
    remote_content: QAction
    post_scripts: QAction
    markdown_guide: QAction
    shortcuts: QAction
    report_problem: QAction
    about: QAction


def _action(parent: QWidget, text: str, shortcut, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(
            QKeySequence.keyBindings(shortcut)
            if isinstance(shortcut, Key)
            else [QKeySequence(shortcut)]
        )
    if tip:
        action.setStatusTip(tip)
    return action


def build_actions(window: QWidget) -> Actions:
    tr = window.tr
    actions = Actions(
        new=_action(window, tr("&New Post"), Key.New, tr("Start a new draft")),
        open=_action(window, tr("&Open…"), Key.Open, tr("Open a post file")),
        save=_action(window, tr("&Save"), Key.Save, tr("Save the post")),
        save_as=_action(window, tr("Save &As…"), Key.SaveAs, tr("Save the post under a new name")),
        history=_action(
            window, tr("&History…"), "Ctrl+Shift+H", tr("Earlier versions of this post")
        ),
        close=_action(window, tr("&Close Post"), Key.Close, tr("Close the post's tab")),
        # Ctrl+Tab as in browsers, Ctrl+Page Down as in most editors: both work.
        next_tab=_action(window, tr("Ne&xt Post"), "Ctrl+Tab", tr("Show the next tab")),
        previous_tab=_action(
            window, tr("Pre&vious Post"), "Ctrl+Shift+Tab", tr("Show the previous tab")
        ),
        # Key.Quit is empty on some platforms (offscreen, Windows); Ctrl+Q is what users know.
        quit=_action(window, tr("&Quit"), "Ctrl+Q", tr("Quit smugdesk")),
        undo=_action(window, tr("&Undo"), Key.Undo),
        redo=_action(window, tr("&Redo"), Key.Redo),
        cut=_action(window, tr("Cu&t"), Key.Cut),
        copy=_action(window, tr("&Copy"), Key.Copy),
        paste=_action(window, tr("&Paste"), Key.Paste),
        select_all=_action(window, tr("Select &All"), Key.SelectAll),
        bold=_action(window, tr("&Bold"), Key.Bold, tr("Bold on or off")),
        italic=_action(window, tr("&Italic"), Key.Italic, tr("Italic on or off")),
        headings=[
            _action(
                window,
                tr("&Paragraph") if level == 0 else tr("Heading &%d") % level,
                f"Ctrl+{level}",
            )
            for level in range(7)
        ],
        find=_action(window, tr("&Find…"), Key.Find, tr("Find in the post")),
        replace=_action(window, tr("&Replace…"), "Ctrl+H", tr("Find and replace")),
        find_next=_action(window, tr("Find &Next"), Key.FindNext),
        find_previous=_action(window, tr("Find Pre&vious"), Key.FindPrevious),
        preferences=_action(window, tr("Prefere&nces…"), Key.Preferences, tr("Settings")),
        focus_mode=_action(
            window, tr("&Focus Mode"), "Ctrl+Shift+F", tr("Dim all but the paragraph you write")
        ),
        # F11 everywhere (the standard key is another on some desktops), Esc leaves too.
        full_screen=_action(
            window, tr("Distraction-&Free"), "F11", tr("Full screen, only the editor")
        ),
        show_outline=_action(window, tr("&Outline"), "Ctrl+Shift+O", tr("Show the outline")),
        sync_scroll=_action(
            window, tr("&Scroll Preview with Editor"), None, tr("The preview follows your place")
        ),
        next_pane=_action(window, tr("Next &Pane"), "F6", tr("Move to the next pane")),
        previous_pane=_action(
            window, tr("Pre&vious Pane"), "Shift+F6", tr("Move to the previous pane")
        ),
        show_details=_action(
            window, tr("Post &Details"), "Ctrl+Shift+D", tr("Title, date, tags… as a form")
        ),
        show_library=_action(
            window, tr("&Library"), "Ctrl+Shift+L", tr("Show every post, and search them")
        ),
        export_again=_action(
            window, tr("E&xport"), "Ctrl+E", tr("Export again where this post went last time")
        ),
        publish=_action(
            window, tr("&Publish"), "Ctrl+Shift+P", tr("Publish to this post's blog, or choose one")
        ),
        publish_to=_action(window, tr("Publish &To…"), None, tr("Choose the blog and how")),
        send_queued=_action(
            window, tr("Send &Waiting Posts"), None, tr("Send the posts that waited for a network")
        ),
        download_posts=_action(
            window, tr("&Download Posts…"), None, tr("Bring a blog's posts here to edit offline")
        ),
        accounts=_action(window, tr("Blog &Accounts…"), None, tr("Add or change your blogs")),
        insert_link=_action(window, tr("&Link…"), "Ctrl+K", tr("Insert a link")),
        insert_image=_action(
            window, tr("&Image…"), "Ctrl+Shift+I", tr("Insert an image stored with the post")
        ),
        insert_embed=_action(
            window, tr("&Embed…"), "Ctrl+Shift+E", tr("Embed a video, a social post or a link card")
        ),
        remote_content=_action(
            window,
            tr("Load &Remote Content in Preview"),
            None,
            tr("Let embedded players load from the internet in the preview"),
        ),
        post_scripts=_action(
            window,
            tr("Run This Post's &Scripts in Preview (Untrusted Code)"),
            None,
            tr("Only for a post you trust: its own scripts run in the preview, still offline"),
        ),
        markdown_guide=_action(
            window, tr("&Markdown Guide"), "F1", tr("The marks a post uses, and their keys")
        ),
        shortcuts=_action(
            window, tr("&Keyboard Shortcuts"), "Ctrl+/", tr("Every command and its keys")
        ),
        report_problem=_action(
            window, tr("&Report a Problem…"), None, tr("Copy the version and system details")
        ),
        about=_action(window, tr("&About smugdesk"), None),
    )
    for action, more in ((actions.next_tab, "Ctrl+PgDown"), (actions.previous_tab, "Ctrl+PgUp")):
        action.setShortcuts([*action.shortcuts(), QKeySequence(more)])
    return actions
