"""Translations: every interface string has its English, Qt's own buttons speak Vietnamese, the switch works."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kehoach_desktop.ui.dialogs import SettingsDialog
from kehoach_desktop.ui.i18n import data_file, install_translators

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english(qapp):
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "vi")


def _unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [m.findtext("source") for m in root.iter("message")
            if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]


def test_every_interface_string_has_an_english_translation(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    ts = tmp_path / "kehoach_en.ts"
    shutil.copy(ROOT / "i18n" / "kehoach_en.ts", ts)
    sources = [str(p) for p in sorted((ROOT / "kehoach_desktop" / "ui").glob("*.py"))]
    subprocess.run([str(lupdate), *sources, str(ROOT / "kehoach_desktop" / "app.py"), "-no-obsolete",
                    "-locations", "none", "-ts", str(ts)], check=True, capture_output=True)
    assert _unfinished(ts) == []
    assert data_file("kehoach_en.qm").stat().st_mtime >= 0  # shipped with the package data


def test_english_menus(qtbot, english, commune_store):
    from kehoach_desktop.ui.mainwindow import MainWindow

    window = MainWindow(commune_store)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&Tasks"]
    assert window.plan_list.new_template.text() == "New plan from &template"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_qt_standard_buttons_in_vietnamese(qtbot, qapp):
    install_translators(qapp, "vi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"


def test_language_is_switched_in_settings(qtbot, window):
    seen: list[str] = []
    window.languageChanged.connect(seen.append)

    def choose_english() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        ok = dialog.findChildren(QDialogButtonBox)[-1].button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_english)
    window.edit_settings()
    assert seen == ["en"]
    assert QSettings().value("ui/language") == "en"
