"""Export from the window (Word with and without Phụ lục, PDF, JSON) and import a document with a preview."""

from __future__ import annotations

from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit

from kehoach_desktop.ui.dialogs import ImportPreviewDialog
from kehoach_desktop.ui.export import Exporter
from tests.conftest import load_fixture


def _text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def _open(window, store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    return plan_id


def test_export_word_with_and_without_appendix(qtbot, window, store, tmp_path):
    _open(window, store)
    plain, appendix = tmp_path / "kh.docx", tmp_path / "kh-phu-luc.docx"
    with qtbot.waitSignal(window.exporter.done, timeout=20000):
        assert window.export("docx", plain)
    with qtbot.waitSignal(window.exporter.done, timeout=20000):
        assert window.export("docx_appendix", appendix)
    text = _text(plain)
    assert "Triển khai thi hành Luật Trí tuệ nhân tạo" in text and "Ma Văn Quyết" in text
    assert "PHỤ LỤC" not in text
    assert "PHỤ LỤC" in _text(appendix)


def test_an_edit_typed_just_before_export_is_in_the_file(qtbot, window, store, tmp_path):
    plan_id = _open(window, store)
    page = window.editor.tasks
    window.editor.show_part("tasks")
    page.form.product.setFocus()
    page.form.product.setText("Báo cáo kết quả")  # typed, not yet committed by a pause or by leaving
    target = tmp_path / "kh.docx"
    with qtbot.waitSignal(window.exporter.done, timeout=20000):
        window.export("docx", target)
    assert "Sản phẩm: Báo cáo kết quả." in _text(target)
    assert store.plans.load(plan_id).sections[1].tasks[0].product == "Báo cáo kết quả"


def test_export_pdf_runs_in_the_background(qtbot, window, store, tmp_path):
    _open(window, store)
    target = tmp_path / "kh.pdf"
    with qtbot.waitSignal(window.exporter.done, timeout=30000):
        assert window.export("pdf", target)
        assert window.exporter.busy()  # the window keeps handling events meanwhile
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 5000
    with_appendix = tmp_path / "kh-phu-luc.pdf"
    with qtbot.waitSignal(window.exporter.done, timeout=30000):
        assert window.export("pdf_appendix", with_appendix)
    assert with_appendix.stat().st_size > target.stat().st_size  # the landscape task table added


def test_export_failure_is_one_clear_message(qtbot, window, store, tmp_path):
    _open(window, store)
    target = tmp_path / "missing-folder" / "sub" / "kh.json"
    (tmp_path / "missing-folder").write_text("a file where a folder should be")
    window.exporter.failed.disconnect(window.show_error)  # no modal box in the test
    with qtbot.waitSignal(window.exporter.failed, timeout=10000) as blocker:
        window.export("json", target)
    assert blocker.args[0] and "Traceback" not in blocker.args[0]
    assert not target.exists()


def test_after_export_the_user_can_open_the_file_or_its_folder(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWidget

    opened: list[str] = []
    monkeypatch.setattr("kehoach_desktop.ui.export.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    parent = QWidget()
    qtbot.addWidget(parent)
    exporter = Exporter(parent)
    path = tmp_path / "kh.docx"
    path.write_bytes(b"x")

    def click(text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: click("Mở thư mục"))
    exporter.offer_open(path)
    QTimer.singleShot(0, lambda: click("Mở tệp"))
    exporter.offer_open(path)
    assert opened == [str(tmp_path), str(path)]


SAMPLE = """**KẾ HOẠCH**
**Tổ chức Ngày Chuyển đổi số**

Thực hiện chỉ đạo của UBND tỉnh, UBND xã ban hành Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

1. Nâng cao nhận thức về chuyển đổi số.

**II. NỘI DUNG**

**1. Tuyên truyền về Ngày Chuyển đổi số**

- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.
- Đơn vị phối hợp: Các thôn.
- Thời gian thực hiện: Tháng 10/2026.

**2. Hỗ trợ người dân cài đặt ứng dụng**

- Đơn vị chủ trì: Công an xã.
- Thời gian thực hiện: Thường xuyên.

**III. TỔ CHỨC THỰC HIỆN**

Các đơn vị triển khai thực hiện Kế hoạch này./.
"""


def test_import_a_document_with_a_preview(qtbot, window, commune_store, tmp_path):
    source = tmp_path / "ke-hoach.md"
    source.write_text(SAMPLE, encoding="utf-8")
    seen: dict = {}

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog):  # once the document has been read in the background
            seen["title"] = dialog.windowTitle()
            poll.stop()
            dialog.accept()

    poll = QTimer()
    poll.timeout.connect(accept)
    poll.start(20)
    window.import_file(str(source))
    qtbot.waitUntil(lambda: bool(commune_store.plans.list()), timeout=20000)
    assert seen
    plans = commune_store.plans.list()
    assert len(plans) == 1 and plans[0].title == "Tổ chức Ngày Chuyển đổi số"
    plan = commune_store.plans.load(plans[0].id)
    tasks = [t for t, _ in plan.walk_tasks()]
    assert [t.title for t in tasks] == ["Tuyên truyền về Ngày Chuyển đổi số", "Hỗ trợ người dân cài đặt ứng dụng"]
    assert tasks[0].lead == ["Phòng Văn hóa - Xã hội"] and tasks[1].time == "Thường xuyên"
    assert window.editor is not None  # the new plan is open

    # the same file again: the preview says the plan is already there (importing it is still allowed)
    def cancel_and_read() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog):
            seen["again"] = "\n".join(edit.toPlainText() for edit in dialog.findChildren(QPlainTextEdit))
            poll.stop()
            dialog.reject()

    poll.timeout.disconnect(accept)
    poll.timeout.connect(cancel_and_read)
    poll.start(20)
    window.import_file(str(source))
    qtbot.waitUntil(lambda: "again" in seen, timeout=20000)
    assert f"đã có kế hoạch cùng số, ký hiệu và trích yếu: #{plans[0].id}" in seen["again"]
    assert len(commune_store.plans.list()) == 1  # cancelled: nothing stored


def test_import_refused_file_gives_one_message(qtbot, window, commune_store, tmp_path, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(window, "show_error", messages.append)
    bad = tmp_path / "cu.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    window.import_file(str(bad))
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert len(messages) == 1 and ".docx" in messages[0]
    assert commune_store.plans.list() == []
