"""Small widgets shared by the editors: fields that commit by themselves, label looks, toolbar icons."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from ..domain.text import nfc

if TYPE_CHECKING:  # each Qt class used builds its Python type (and enums) at start-up: only what the window needs
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

ICONS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "actions"  # source and bundle
IDLE_MS = 700  # a field commits this long after the last keystroke, and on leaving it

_merge_ids = itertools.count(1000)


def next_merge_id() -> int:
    """A fresh undo merge id: keystrokes in one visit of a field make one undo step."""
    return next(_merge_ids)


# How the labels of each look are drawn, each label on its own: a style sheet on the window would make
# Qt polish every widget through QStyleSheetStyle, about 25 ms of each start. A look of size, weight
# or a fixed colour is the label's own small style sheet: the window then appears without
# PySide building the Python types of QFont, QPalette and QColor (their enums, 3 ms). A palette
# colour ("PlaceholderText", the theme's grey) is set through the label's palette.
_LOOKS = {  # name: (point size or None, bold, colour: a palette role's name or "#rrggbb", vertical padding)
    "pageTitle": (13.0, True, None, 4),
    "formHeading": (12.0, True, None, 0),
    "emptyState": (12.0, False, "PlaceholderText", 0),
    "hint": (None, False, "PlaceholderText", 0),
    "error": (None, False, "#b00020", 0),
}


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Size a dialog ``width`` x ``height``, or less on a smaller screen (1366x768 leaves about 1300x700)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    dialog.resize(width, height)


def set_look(label: QLabel, look: str) -> QLabel:
    """Give ``label`` one of the looks of ``_LOOKS`` (its object name is the look's name)."""
    size, bold, colour, padding = _LOOKS[look]
    label.setObjectName(look)
    sheet = []
    if size is not None:
        sheet.append(f"font-size: {size:g}pt;")
    if bold:
        sheet.append("font-weight: 600;")  # QFont.Weight.DemiBold
    if colour is not None and colour.startswith("#"):
        sheet.append(f"color: {colour};")
    elif colour is not None:
        from PySide6.QtGui import QPalette

        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(getattr(QPalette.ColorRole, colour)))
        label.setPalette(palette)
    if sheet:
        label.setStyleSheet(" ".join(sheet))
    if padding:
        label.setContentsMargins(0, padding, 0, padding)
    return label


def action_icon(name: str) -> QIcon:
    """A toolbar icon of resources/icons/actions (Adwaita, see its LICENSE); empty when not installed.

    The sizes are given, so no file is read until the icon is painted.
    """
    icon = QIcon()
    for size in (16, 24, 48):
        path = ICONS_DIR / f"{name}-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def error_label() -> QLabel:
    """The red line under a form that says what cannot be saved; hidden until there is something to say."""
    label = set_look(QLabel(), "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel (Qt's own, translated) wired to the dialog's accept and reject."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def split_lines(text: str) -> list[str]:
    return [line.rstrip() for line in nfc(text).split("\n") if line.strip()]


class CommitLineEdit(QLineEdit):
    """A line that emits ``committed`` when the user leaves it, presses Enter, or pauses typing."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.merge_id = next_merge_id()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.committed)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.editingFinished.connect(self._finish)

    def _finish(self) -> None:
        self._timer.stop()
        self.committed.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.merge_id = next_merge_id()
        super().focusInEvent(event)

    def set_value(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)

    def value(self) -> str:
        return nfc(self.text()).strip()


class CommitTextEdit(QPlainTextEdit):
    """Several lines (paragraphs, one per line) committing like :class:`CommitLineEdit`."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.merge_id = next_merge_id()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.committed)
        self.textChanged.connect(self._changed)
        height = self.fontMetrics().lineSpacing() * lines + 14
        if lines <= 3:
            self.setFixedHeight(height)
        else:
            self.setMinimumHeight(height)
            self.setMaximumHeight(self.fontMetrics().lineSpacing() * max(lines * 2, 8) + 14)

    def _changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.merge_id = next_merge_id()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._timer.isActive():
            self._timer.stop()
            self.committed.emit()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.committed.emit()

    def set_value(self, text: str) -> None:
        if self.toPlainText() != text:
            self._loading = True
            try:
                self.setPlainText(text)
            finally:
                self._loading = False

    def set_lines(self, lines: list[str]) -> None:
        self.set_value("\n".join(lines))

    def lines(self) -> list[str]:
        return split_lines(self.toPlainText())

    def value(self) -> str:
        return " ".join(split_lines(self.toPlainText())).strip()
