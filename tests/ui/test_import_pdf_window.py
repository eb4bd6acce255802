"""Nhập từ tệp… with a PDF: read in the background, previewed, stored on OK; a scan is one message."""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from kehoach_desktop.ui.dialogs import ImportPreviewDialog
from tests.conftest import needs
from tests.pdfplans import PROVINCE_TASK_TABLE
from tests.realplans import build_docx


def _printed(tmp_path):
    soffice = needs("soffice", "libreoffice-writer-nogui", shutil.which("libreoffice"))
    docx = build_docx(PROVINCE_TASK_TABLE, tmp_path / "ke-hoach-105.docx")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True,
                   timeout=300)
    return tmp_path / "ke-hoach-105.pdf"


def test_a_pdf_plan_is_previewed_then_stored(qtbot, window, commune_store, tmp_path):
    source = _printed(tmp_path)
    seen: dict = {}

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog):
            seen["summary"] = "\n".join(edit.toPlainText() for edit in dialog.findChildren(QPlainTextEdit))
            poll.stop()
            dialog.accept()

    poll = QTimer()
    poll.timeout.connect(accept)
    poll.start(20)
    window.import_file(str(source))
    qtbot.waitUntil(lambda: bool(commune_store.plans.list()), timeout=30000)
    assert "Kế hoạch: 105/KH-UBND" in seen["summary"]
    (stored,) = commune_store.plans.list()
    plan = commune_store.plans.load(stored.id)
    assert plan.title.startswith("Triển khai thực hiện Chiến lược quốc gia về nghiên cứu")
    assert sum(1 for _ in plan.walk_tasks()) == 15
    assert window.editor is not None


def test_a_scanned_pdf_is_one_message_and_nothing_stored(qtbot, window, commune_store, tmp_path, monkeypatch):
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (850, 1100), "white").save(scan, resolution=100)
    messages: list[str] = []
    monkeypatch.setattr(window, "show_error", messages.append)
    window.import_file(str(scan))
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert len(messages) == 1 and "là bản chụp (ảnh), không có lớp chữ" in messages[0]
    assert commune_store.plans.list() == []


def test_the_open_dialog_offers_pdf_plans(window, monkeypatch):
    """Tệp → Nhập từ tệp… lists PDF plans beside Word and text ones (not only under "Tất cả các tệp")."""
    from PySide6 import QtWidgets

    asked: dict = {}

    def choose(parent, caption, folder, filters):
        asked["filters"] = filters
        return "", ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", choose)
    window.act_import.trigger()
    first = asked["filters"].split(";;")[0]
    assert "*.pdf" in first and "*.docx" in first
