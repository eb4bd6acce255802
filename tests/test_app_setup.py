"""The application object: its icon, portable mode keeping settings beside the program, its command line."""

import argparse
import sys

import pytest
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


def test_the_usual_command_lines_read_as_argparse_reads_them_and_the_others_still_go_to_it(capsys):
    """No arguments (the shortcut) and --db PATH (a portable copy) are read without building the parser."""
    from kehoach_desktop.app import _parse

    assert _parse([]) == argparse.Namespace(db=None)
    assert _parse(["--db", "D:\\KeHoach\\kehoach.sqlite"]) == argparse.Namespace(db="D:\\KeHoach\\kehoach.sqlite")
    assert _parse(["--db=du-lieu.sqlite"]) == argparse.Namespace(db="du-lieu.sqlite")
    with pytest.raises(SystemExit) as version:
        _parse(["--version"])
    assert version.value.code == 0 and "KeHoach Desktop" in capsys.readouterr().out
    with pytest.raises(SystemExit) as bad:
        _parse(["--db"])  # a path is missing: argparse's own message
    assert bad.value.code == 2 and "--db" in capsys.readouterr().err
