"""The window's menus and toolbar, built from its actions (see actions.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from smugdesk.ui.recent_files import RecentPosts
from smugdesk.ui.session_keeper import quit_application


def build_menus(window) -> None:
    """Editing commands act on ``window.editor`` when triggered: the editor of the tab
    shown then, not the one shown when the menus were made."""
    a = window.commands
    a.new.triggered.connect(lambda: window.new_post())
    a.open.triggered.connect(window.open_dialog)
    a.save.triggered.connect(window.save)
    a.save_as.triggered.connect(window.save_as)
    a.close.triggered.connect(window.close_post)
    a.quit.triggered.connect(quit_application)
    a.undo.triggered.connect(lambda: window.editor.undo())
    a.redo.triggered.connect(lambda: window.editor.redo())
    a.cut.triggered.connect(lambda: window.editor.cut())
    a.copy.triggered.connect(lambda: window.editor.copy())
    a.paste.triggered.connect(lambda: window.editor.paste())
    a.select_all.triggered.connect(lambda: window.editor.selectAll())
    a.about.triggered.connect(window._about)
    a.undo.setEnabled(False)  # the shown editor's undoAvailable follows (MainWindow)
    a.redo.setEnabled(False)
    a.next_tab.triggered.connect(lambda: window.tabs.step(1))
    a.previous_tab.triggered.connect(lambda: window.tabs.step(-1))

    menu = window.menuBar().addMenu(window.tr("&File"))
    menu.addActions([a.new, a.open])
    window.recent_menu = menu.addMenu(window.tr("Open &Recent"))
    window.recent = RecentPosts(window, window.recent_menu)
    menu.addSeparator()
    menu.addActions([a.save, a.save_as, a.history])
    export_menu = menu.addMenu(window.tr("&Export"))
    export_menu.addAction(a.export_again)
    a.export_again.triggered.connect(window.export_again)
    export_menu.addSeparator()
    export_menu.setToolTipsVisible(True)
    window.export_menu = export_menu  # its exporters come with add_exporters()
    menu.addSeparator()
    menu.addActions([a.next_tab, a.previous_tab])
    menu.addSeparator()
    menu.addActions([a.close, a.quit])

    toolbar = window.addToolBar(window.tr("Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([a.new, a.open, a.save])
    toolbar.addSeparator()
    toolbar.addActions([a.insert_link, a.insert_image, a.insert_embed])
    toolbar.addSeparator()
    toolbar.addActions([a.export_again, a.publish])

    edit = window.menuBar().addMenu(window.tr("&Edit"))
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste])
    edit.addSeparator()
    edit.addAction(a.select_all)
    edit.addSeparator()
    edit.addActions([a.find, a.replace, a.find_next, a.find_previous])
    edit.addSeparator()
    edit.addAction(a.preferences)
    a.preferences.triggered.connect(window.settings_control.preferences)
    a.find.triggered.connect(lambda: window.find_bar.open_find())
    a.replace.triggered.connect(lambda: window.find_bar.open_find(replace=True))
    a.find_next.triggered.connect(window.find_bar.find_next)
    a.find_previous.triggered.connect(window.find_bar.find_previous)

    format_menu = window.menuBar().addMenu(window.tr("F&ormat"))
    format_menu.addActions([a.bold, a.italic])
    a.bold.triggered.connect(lambda: window.editor.toggle_wrap("**"))
    a.italic.triggered.connect(lambda: window.editor.toggle_wrap("*"))
    format_menu.addSeparator()
    for level, action in enumerate(a.headings):
        format_menu.addAction(action)
        action.triggered.connect(lambda _=False, n=level: window.editor.set_heading(n))

    insert = window.menuBar().addMenu(window.tr("&Insert"))
    insert.addActions([a.insert_link, a.insert_image, a.insert_embed])
    a.insert_link.triggered.connect(window.inserting.insert_link)
    a.insert_image.triggered.connect(window.inserting.insert_image)
    a.insert_embed.triggered.connect(window.inserting.insert_embed)

    view = window.menuBar().addMenu(window.tr("&View"))
    a.show_outline.setCheckable(True)
    # Lambdas, not the C++ slots: PySide6 6.12 corrupts the refcount of the bool otherwise
    # (a "bool_dealloc" crash at exit was seen here).
    a.show_outline.toggled.connect(lambda shown: window.outline.setVisible(shown))
    window.outline.visibilityChanged.connect(lambda shown: a.show_outline.setChecked(shown))
    view.addAction(a.show_outline)
    a.show_library.setCheckable(True)
    a.show_library.setChecked(True)
    a.show_library.toggled.connect(lambda shown: window.library.setVisible(shown))
    window.library.visibilityChanged.connect(lambda _shown: _library_shown(window))
    view.addAction(a.show_library)
    a.show_details.setCheckable(True)
    a.show_details.setChecked(True)
    a.show_details.toggled.connect(lambda shown: window.metadata.setVisible(shown))
    view.addAction(a.show_details)
    view.addSeparator()
    view.addActions([a.next_pane, a.previous_pane])
    a.next_pane.triggered.connect(lambda: window.cycle_panes(1))
    a.previous_pane.triggered.connect(lambda: window.cycle_panes(-1))
    a.focus_mode.setCheckable(True)
    a.focus_mode.toggled.connect(lambda on: window.editor.set_focus_mode(on))  # per tab
    a.full_screen.setCheckable(True)
    a.full_screen.toggled.connect(lambda on: window.set_distraction_free(on))
    view.addActions([a.focus_mode, a.full_screen])
    a.remote_content.setCheckable(True)
    a.remote_content.setChecked(window.settings.remote_content_in_preview)
    a.remote_content.toggled.connect(window.set_remote_content)
    view.addAction(a.remote_content)
    a.post_scripts.setCheckable(True)
    a.post_scripts.toggled.connect(lambda on: window.settings_control.set_post_scripts(on))
    window.preview.post_scripts.connect(lambda on: _set_quietly(a.post_scripts, on))
    view.addAction(a.post_scripts)
    a.sync_scroll.setCheckable(True)
    a.sync_scroll.setChecked(True)
    a.sync_scroll.toggled.connect(lambda on: on and window.feed.sync_scroll())
    view.addAction(a.sync_scroll)
    from smugdesk.ui.preview_style import PreviewStyleMenu

    window.preview_style = PreviewStyleMenu(view, window.preview, lambda: window.file.path)
    window.preview_style.message.connect(lambda text: window.statusBar().showMessage(text, 8000))

    blog = window.blog_menu = window.menuBar().addMenu(window.tr("&Blog"))
    blog.addActions([a.publish, a.publish_to, a.send_queued])
    from smugdesk.ui.share_menu import add_share_action

    window.share_action = add_share_action(window, blog)
    change_blog = blog.addAction(window.tr("Change &Blog of This Post…"))
    change_blog.setStatusTip(window.tr("Choose the blog this post is written for"))
    change_blog.triggered.connect(lambda: _change_blog(window))
    blog.addSeparator()
    blog.addActions([a.download_posts, a.accounts])
    a.publish.triggered.connect(window.publish)
    a.publish_to.triggered.connect(window.publish_dialog)
    a.send_queued.triggered.connect(lambda: window.send_queued(quiet=False))
    a.download_posts.triggered.connect(window.downloads.download_dialog)
    a.accounts.triggered.connect(window.manage_accounts)

    # On the window too: with the menu bar hidden (distraction-free) the keys still work,
    # F11 and Esc to come back included.
    for action in vars(a).values():
        window.addActions(action if isinstance(action, list) else [action])

    from smugdesk.ui import help_pages

    help_menu = window.menuBar().addMenu(window.tr("&Help"))
    help_menu.addActions([a.markdown_guide, a.shortcuts])
    help_menu.addSeparator()
    help_menu.addAction(a.report_problem)
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    a.markdown_guide.triggered.connect(
        lambda: help_pages.open_help(window, help_pages.MarkdownGuideDialog)
    )
    a.shortcuts.triggered.connect(lambda: help_pages.open_help(window, help_pages.ShortcutsDialog))
    a.report_problem.triggered.connect(lambda: help_pages.report_problem(window))


def _library_shown(window) -> None:
    """The dock also reports "not visible" while Qt re-creates the window's native parts
    (the preview's first page under X11): only an explicit hide counts, and the menu's
    check mark follows without acting again (it once hid the library at every start)."""
    shown = not window.library.isHidden()
    _set_quietly(window.commands.show_library, shown)
    first_start = getattr(window, "first_start", None)  # None while the window is made
    if first_start is not None:
        first_start.remember_library(shown)


def _change_blog(window) -> None:
    from smugdesk.ui.change_blog import change_blog

    message = change_blog(window, window.editor)
    if message:
        window.statusBar().showMessage(message, 8000)
    window.refresh_metadata()


def _set_quietly(action, checked: bool) -> None:
    """Show a state that changed elsewhere (another post opened) without acting on it."""
    blocked = action.blockSignals(True)
    action.setChecked(checked)
    action.blockSignals(blocked)


def add_exporters(window) -> None:
    """One File → Export entry per installed exporter. Finding plug-ins reads every
    installed package's metadata (~30 ms), so this waits for the window's first paint."""
    from smugdesk.publish.registry import registry

    for name, exporter in sorted(registry().exporters.items()):
        action = window.export_menu.addAction(exporter.label + "…")
        action.setObjectName(f"export-{name}")
        ready, why = exporter.available()
        action.setEnabled(ready)
        if not ready:
            action.setToolTip(why)
        action.triggered.connect(lambda _=False, n=name: window.export_dialog(n))
    problems = registry().problems
    if problems:
        window.statusBar().showMessage("; ".join(problems), 15000)
