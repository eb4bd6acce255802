"""The application object: its icon, and portable mode keeping settings beside the program."""

import sys

from PySide6.QtCore import QSettings

from kehoach_desktop.app import create_application


def test_windows_show_the_kehoach_icon(qapp):
    app = create_application()
    assert not app.windowIcon().isNull()


def test_portable_mode_keeps_window_settings_beside_the_program(qapp, tmp_path, monkeypatch):
    program = tmp_path / "KeHoach Desktop"
    program.mkdir()
    (program / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "kehoach-desktop.exe"))
    monkeypatch.delenv("KEHOACH_DATA_DIR", raising=False)
    try:
        create_application()
        settings = QSettings()
        assert settings.fileName().startswith(str(program / "data"))
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
