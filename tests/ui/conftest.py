"""UI fixtures: a store holding the sample plans, a session on one of them, QSettings kept apart."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, qapp) -> None:
    """Window layout and language choices of a test never reach the user's settings."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("KeHoachTest")
    QCoreApplication.setApplicationName("KeHoachTest")
    QSettings().clear()


@pytest.fixture
def commune_store(store):
    """A store whose first-run questions are already answered (a xã)."""
    store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "Thái Nguyên",
                                  "signers": ["Ma Văn Quyết"]})
    return store


@pytest.fixture
def window(qtbot, commune_store):
    """The main window on a fresh database, shown at the common office size."""
    from kehoach_desktop.ui.mainwindow import MainWindow

    win = MainWindow(commune_store)
    win.exporter.ask_to_open = False  # the "open file / open folder" box is tested on its own
    win.resize(1366, 768)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key, Vietnamese letters included (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch == "\n":  # Enter: a new paragraph in a multi-line field
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                                         "\r"))
            continue
        key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def collect_errors(window, monkeypatch) -> list[str]:
    """The messages the window would show the user (message boxes and the editor's error line), collected."""
    messages: list[str] = []
    monkeypatch.setattr(window, "show_error", messages.append)
    window.editor.error.disconnect()
    window.editor.error.connect(messages.append)
    return messages


def run_python(code: str, tmp_path) -> subprocess.CompletedProcess:
    """``code`` run by this Python in a process of its own, from the project's root, offscreen, with a home,
    settings and data folder of its own under ``tmp_path`` (for what only a fresh process shows: start-up)."""
    from tests.conftest import ROOT

    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "KEHOACH_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=60)
