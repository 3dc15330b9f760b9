"""The details form's date: a calendar (and the time, when the date has one) that writes
the date back in the front matter's own shape; a form that reflows in a narrow window
instead of cutting the date short."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from sample_posts import POST

from smugdesk.core.front_edit import set_field
from smugdesk.ui.metadata_form import NARROW, WIDE, MetadataForm


@pytest.fixture
def form(qtbot):
    """The form in a column, as in the window (a form alone would be a window, held at its
    layout's minimum size)."""
    column = QWidget()
    QVBoxLayout(column).addWidget(made := MetadataForm())
    column.layout().setContentsMargins(0, 0, 0, 0)
    qtbot.addWidget(column)
    column.resize(900, 300)
    column.show()
    qtbot.waitExposed(column)
    yield made
    column.close()  # held until here: the form is its child


def post_with_date(date: str) -> str:
    return f"---\ntitle: Rounds\ndate: {date}\n---\n\nBody\n"


def test_a_date_alone_is_picked_with_one_click_and_stays_a_date(form, qtbot):
    form.show_text(post_with_date("2025-03-01"), fresh=True)
    field = form.fields["date"]
    field.setFocus()
    with qtbot.waitSignal(form.field_edited) as sent:
        qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        popup = field.popup
        assert popup.isVisible() and popup.time.isHidden()  # no time to set
        assert popup.calendar.selectedDate() == QDate(2025, 3, 1)
        popup.calendar.setSelectedDate(QDate(2025, 3, 15))
        popup.calendar.clicked.emit(QDate(2025, 3, 15))
    assert sent.args == ["date", "2025-03-15"]
    assert not popup.isVisible() and field.text() == "2025-03-15"
    text = set_field(post_with_date("2025-03-01"), *sent.args).text
    assert "\ndate: 2025-03-15\n" in text


def test_a_date_with_time_and_offset_keeps_them(form, qtbot, tmp_path):
    form.show_text(POST, fresh=True)
    field = form.fields["date"]
    assert field.text() == "2026-11-20 09:30:00+01:00"
    field.calendar_action.trigger()  # the calendar button
    popup = field.popup
    assert popup.isVisible() and popup.time.isVisible()
    assert popup.time.displayFormat() == "HH:mm:ss"
    assert popup.time.time() == QTime(9, 30, 0)
    popup.grab().save(str(tmp_path / "date-popup.png"))
    popup.calendar.setSelectedDate(QDate(2026, 12, 1))
    popup.time.setTime(QTime(18, 5, 0))
    with qtbot.waitSignal(form.field_edited) as sent:
        qtbot.keyClick(popup.calendar, Qt.Key.Key_Return)
    assert sent.args == ["date", "2026-12-01 18:05:00+01:00"]
    written = set_field(POST, *sent.args).text
    assert "\ndate: 2026-12-01 18:05:00+01:00\n" in written
    assert written.split("---\n", 2)[2] == POST.split("---\n", 2)[2]


def test_an_empty_date_starts_from_now_in_the_placeholders_shape(form, qtbot):
    form.show_text("---\ntitle: Rounds\n---\nBody\n", fresh=True)
    field = form.fields["date"]
    field.show_calendar()
    popup = field.popup
    today = dt.date.today()
    assert popup.calendar.selectedDate() == QDate(today.year, today.month, today.day)
    with qtbot.waitSignal(form.field_edited) as sent:
        popup.accept()
    assert sent.args[1].startswith(today.isoformat() + " ")
    assert len(sent.args[1]) == len("2025-03-01 09:30")
    assert set_field("---\ntitle: Rounds\n---\nBody\n", *sent.args).text.count("date: ") == 1


def whole(form: MetadataForm) -> None:
    """Every field at least as wide as its smallest useful size; the date's whole value
    with its calendar button fits."""
    QApplication.processEvents()
    date = form.fields["date"]
    room = date.width() - date.fontMetrics().horizontalAdvance(date.text())
    assert room >= 30, (form.arrangement, form.width(), date.width())
    for widget in (*form.fields.values(), form.blog):
        assert widget.width() >= widget.minimumSizeHint().width(), widget.accessibleName()
        assert widget.geometry().right() <= form.width(), widget.accessibleName()


def test_the_form_reflows_instead_of_cutting_fields_short(form, qtbot):
    form.show_text(POST, fresh=True)
    seen = set()
    for width in (1100, 800, 640, 545, 480, 400, 357, 300):
        form.parentWidget().resize(width, 320)
        qtbot.waitUntil(lambda w=width: form.width() == w)
        whole(form)
        seen.add(form.arrangement)
    assert seen == {"wide", "medium", "narrow"}
    # The form asks no more room than the narrowest arrangement needs, so the editor and
    # the preview beside it are never held apart by it.
    assert form.minimumSizeHint().width() < 320


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_in_the_window_the_date_is_whole_at_every_size(window, tmp_path, qtbot, size):
    path = tmp_path / "clinic-films.md"
    path.write_text(POST, encoding="utf-8")
    assert window.open_path(path)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    QApplication.processEvents()
    form = window.metadata
    whole(form)
    assert form.arrangement != WIDE or size[0] > 1024
    if size[0] <= 1024:
        assert form.arrangement == NARROW
    window.grab().save(str(tmp_path / f"window-{size[0]}x{size[1]}.png"))


def test_escape_closes_the_calendar_and_changes_nothing(form, qtbot):
    form.show_text(post_with_date("2025-03-01"), fresh=True)
    field = form.fields["date"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)
    popup = field.popup
    assert popup.isVisible()
    popup.calendar.setSelectedDate(QDate(2025, 3, 20))
    with qtbot.assertNotEmitted(form.field_edited):
        qtbot.keyClick(popup.calendar, Qt.Key.Key_Escape)
    assert not popup.isVisible() and field.text() == "2025-03-01"


def test_the_calendar_icon_follows_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    from smugdesk.ui.date_field import DateField

    def darkest(field) -> int:
        image = field.calendar_action.icon().pixmap(16, 16).toImage()
        seen = [image.pixelColor(x, y) for x in range(16) for y in range(16)]
        return max(c.lightness() for c in seen if c.alpha() > 200)

    field = DateField()
    qtbot.addWidget(field)
    assert darkest(field) < 128  # drawn in the light theme's dark text colour
    palette = field.palette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    field.setPalette(palette)
    assert darkest(field) > 200  # drawn again in the dark theme's light text colour
