"""The Qt user interface."""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_release_registered = False


def _release_clipboard() -> None:
    app = QGuiApplication.instance()
    if app is not None:
        # Replaced by a QMimeData made by Qt itself; ours is deleted now, while Python is alive.
        QGuiApplication.clipboard().setText("")


def set_clipboard(data: QMimeData) -> None:
    """Put ``data`` on the clipboard without crashing the program on its way out.

    A QMimeData made in Python is destroyed by Qt's own exit handlers after the
    interpreter has gone, which crashes (a segmentation fault after copy/paste).
    PySide registers its clean-up when the QApplication is built, and exit handlers
    run last-registered first, so ours is registered here, after the application
    exists, and empties the clipboard before PySide tears Qt down.
    """
    global _release_registered
    QGuiApplication.clipboard().setMimeData(data)
    if not _release_registered:
        atexit.register(_release_clipboard)
        _release_registered = True
