from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from qt_helpers import answer_dialog


def names(window) -> list[str]:
    window._fill_recent_menu()
    return [action.text() for action in window.recent_menu.actions()]


def test_recent_posts_newest_first_and_reopenable(qtbot, window, tmp_path):
    paths = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\n---\n\n{name} body\n", encoding="utf-8")
        assert window.open_path(path)
        paths.append(path)
    assert names(window) == ["second.md", "first.md"]

    window.recent_menu.actions()[1].trigger()
    assert window.file.path == paths[0]
    assert names(window) == ["first.md", "second.md"]

    paths[1].unlink()
    seen: list[str] = []
    answer_dialog(QMessageBox.StandardButton.Ok, seen)
    window.recent_menu.actions()[1].trigger()
    assert "no longer there" in seen[0]
    assert names(window) == ["first.md"]
