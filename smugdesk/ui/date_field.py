"""The post's date: typed as text, or picked from a calendar (with the time when the date
has one), written back in the shape the front matter already uses (core.date_text)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from smugdesk.core.date_text import EMPTY_SHAPE, DateShape, read_date_text, write_date_text
from smugdesk.ui.icons import drawn_icon

CALENDAR_DRAWING = (
    '<rect x="3" y="5" width="18" height="16" rx="1.5"/><path d="M3 10h18M8 3v4M16 3v4"/>'
    '<path d="M7 14h2M11 14h2M15 14h2M7 17h2M11 17h2"/>'
)


class DatePopup(QFrame):
    """The calendar (and the time, for a date that has one) under the date field."""

    chosen = Signal(object, object)  # datetime.date, datetime.time

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Choose the post's date"))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setFirstDayOfWeek(self.locale().firstDayOfWeek())
        self.calendar.setAccessibleName(self.tr("Date"))
        self.time = QTimeEdit()
        self.time.setAccessibleName(self.tr("Time"))
        self.time_label = QLabel(self.tr("&Time:"))
        self.time_label.setBuddy(self.time)
        self.offset = QLabel()  # the offset from UTC the date is written with, kept
        self.offset.setAccessibleName(self.tr("Offset from UTC"))
        today = QPushButton(self.tr("T&oday"))
        today.clicked.connect(self._today)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.time_label)
        row.addWidget(self.time)
        row.addWidget(self.offset)
        row.addStretch(1)
        row.addWidget(today)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.calendar)
        layout.addLayout(row)
        layout.addWidget(buttons)
        # Enter or a double click on a day takes it; a single click on a day is enough
        # when there is no time to set as well.
        self.calendar.activated.connect(lambda _day: self.accept())
        self.calendar.clicked.connect(self._clicked)
        self._with_time = True

    def show_for(self, day: dt.date, time: dt.time, shape: DateShape) -> None:
        self._with_time = shape.time
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.time.setDisplayFormat("HH:mm:ss" if shape.seconds else "HH:mm")
        self.time.setTime(QTime(time.hour, time.minute, time.second))
        self.time.setVisible(shape.time)
        self.time_label.setVisible(shape.time)
        self.offset.setText("UTC" if shape.offset == "Z" else shape.offset)
        self.offset.setVisible(shape.time and bool(shape.offset))
        self.adjustSize()
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _clicked(self, _day: QDate) -> None:
        if not self._with_time:
            self.accept()

    def _today(self) -> None:
        now = dt.datetime.now()
        self.calendar.setSelectedDate(QDate(now.year, now.month, now.day))
        self.time.setTime(QTime(now.hour, now.minute, 0))

    def accept(self) -> None:
        picked = self.calendar.selectedDate()
        clock = self.time.time()
        self.close()
        self.chosen.emit(
            dt.date(picked.year(), picked.month(), picked.day()),
            dt.time(clock.hour(), clock.minute(), clock.second()),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)


class DateField(QLineEdit):
    """A line edit for the date with a calendar button (and Alt+Down, as a combo box)."""

    picked = Signal()  # a date was chosen in the calendar: the text holds it

    def _calendar_icon(self):
        return drawn_icon(CALENDAR_DRAWING, QColor(self.palette().color(QPalette.ColorRole.Text)))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # The dark theme arrives as a new palette: the icon is drawn again in its text colour.
        action = getattr(self, "calendar_action", None)  # not yet while being made
        if event.type() == QEvent.Type.PaletteChange and action is not None:
            action.setIcon(self._calendar_icon())
        super().changeEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar_action = self.addAction(
            self._calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
        )
        shortcut = QKeySequence("Alt+Down").toString(QKeySequence.SequenceFormat.NativeText)
        self.calendar_action.setToolTip(self.tr("Choose from a calendar (%s)") % shortcut)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.popup = DatePopup(self)
        self.popup.chosen.connect(self._chosen)
        self.textChanged.connect(lambda _text: self.updateGeometry())

    def show_calendar(self) -> None:
        found = read_date_text(self.text())
        if found is None:  # empty, or words: start from now, written as the placeholder
            now = dt.datetime.now()
            found_day, found_time, shape = now.date(), now.time().replace(second=0), EMPTY_SHAPE
        else:
            found_day, found_time, shape = found.day, found.time, found.shape
        self._shape = shape
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show_for(found_day, found_time, shape)

    def _chosen(self, day: dt.date, time: dt.time) -> None:
        text = write_date_text(self._shape, day, time)
        if text != self.text():
            self.setText(text)
            self.setCursorPosition(0)
            self.picked.emit()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        alt_down = event.key() == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Room for the whole value (or the placeholder) and the calendar button: a date
        is never cut short."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        text = max(
            metrics.horizontalAdvance(self.text()),
            metrics.horizontalAdvance(self.placeholderText()),
        )
        # Frame and text margins on both sides, and the button with its spacing.
        chrome = 2 * 6 + self.textMargins().left() + self.textMargins().right()
        button = self.style().pixelMetric(self.style().PixelMetric.PM_SmallIconSize) + 12
        return QSize(text + chrome + button, hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.minimumSizeHint().expandedTo(super().sizeHint())
