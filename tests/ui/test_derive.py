"""Tệp → Lập kế hoạch từ kế hoạch cấp trên…: the real dialogs driven, and what reached the database."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kehoach_desktop.domain.derive import derive_plan
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from kehoach_desktop.ui.derive import COL_ACCEPT, COL_NUMBER, COL_TIME, DeriveDialog, UpperChoiceDialog

from .. import upperplans as U
from ..realplans import PROVINCE_FOCUS, build_docx
from .conftest import type_text


def _row(dialog: DeriveDialog, number: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, COL_NUMBER).text() == number)


def _when_shown(kind, act) -> QTimer:
    """Call ``act(dialog)`` once a modal dialog of ``kind`` is up (the dialogs run their own event loop)."""
    poll = QTimer()

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            poll.stop()
            act(dialog)

    poll.timeout.connect(check)
    poll.start(20)
    return poll


def test_drop_a_duty_reassign_a_lead_and_create_the_plan(qtbot, window, commune_store, tmp_path):
    upper = build_docx(U.TABLE, tmp_path / "0155-KH-UBND.docx")
    seen: dict = {}

    def drive(dialog: DeriveDialog) -> None:
        table = dialog.table
        seen["rows"] = {table.item(r, COL_NUMBER).text() for r in range(table.rowCount())}
        seen["others"] = [dialog.others.item(k).text() for k in range(dialog.others.count())]
        seen["greyed"] = all(not dialog.others.item(k).flags() & Qt.ItemFlag.ItemIsEnabled
                             for k in range(dialog.others.count()))
        table.setFocus()
        table.setCurrentCell(_row(dialog, "1"), COL_ACCEPT)
        qtbot.keyClick(table, Qt.Key.Key_Space)  # drop task 1 with the keyboard, as the checkbox does
        seen["dropped"] = table.item(_row(dialog, "1"), COL_ACCEPT).checkState() == Qt.CheckState.Unchecked
        combo = dialog.lead_combos[_row(dialog, "3")]
        combo.lineEdit().selectAll()
        type_text(combo.lineEdit(), "Công an xã")  # typed into the lead's combo, as a user does
        seen["summary"] = dialog.summary.text()
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    poll = _when_shown(DeriveDialog, drive)
    from kehoach_desktop.ui.derive import open_derive

    open_derive(window, str(upper))
    qtbot.waitUntil(lambda: bool(commune_store.plans.list()), timeout=20000)
    poll.stop()
    assert seen["rows"] == set(U.TABLE_COMMUNE)
    assert len(seen["others"]) == 2 and seen["greyed"]
    assert any(text.startswith("4. Nâng cấp Trung tâm dữ liệu tỉnh") for text in seen["others"])
    assert seen["dropped"]
    assert seen["summary"].startswith("Nhận 6 nhiệm vụ của cấp xã (chủ trì 1, phối hợp 2, tổ chức thực hiện 3)")
    (summary,) = commune_store.plans.list()
    plan = commune_store.plans.load(summary.id)
    tasks = {t.source.number: t for t, _ in plan.walk_tasks()}
    assert set(tasks) == set(U.TABLE_COMMUNE) - {"1"}
    assert tasks["3"].lead == ["Công an xã"]
    assert plan.upper is not None and plan.upper.number == "0155"
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]
    assert window.editor is not None and window.session.plan_id == summary.id  # opened in the editor


def test_choose_a_plan_of_the_database_and_set_the_commune_deadline_earlier(qtbot, window, commune_store,
                                                                            tmp_path):
    upper = import_file(build_docx(U.TABLE, tmp_path / "u.docx"), commune_store.units.catalog()).plan
    upper_id = commune_store.import_plan(upper)

    def choose(dialog: UpperChoiceDialog) -> None:
        dialog.plans.setCurrentRow(0)
        qtbot.mouseClick(dialog.use_plan, Qt.MouseButton.LeftButton)

    def preview(dialog: DeriveDialog) -> None:
        dialog.earlier.setValue(5)
        row = _row(dialog, "2")
        dialog.table.item(row, COL_TIME).setText("Tháng 9/2026")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    polls = [_when_shown(UpperChoiceDialog, choose), _when_shown(DeriveDialog, preview)]
    window.act_derive.trigger()
    qtbot.waitUntil(lambda: len(commune_store.plans.list()) == 2, timeout=20000)
    for poll in polls:
        poll.stop()
    new_id = max(p.id for p in commune_store.plans.list())
    assert new_id != upper_id
    tasks = {t.source.number: t for t, _ in commune_store.plans.load(new_id).walk_tasks()}
    assert tasks["III.2.1"].time == "Trước ngày 26/01/2026"  # 5 days before the province's 31/01/2026
    assert tasks["2"].time == "Tháng 9/2026"
    assert tasks["1"].time == "Thường xuyên"


def test_an_upper_plan_with_no_commune_duty_is_one_message(qtbot, window, commune_store, tmp_path, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(window, "show_error", messages.append)
    from kehoach_desktop.ui.derive import open_derive

    open_derive(window, str(build_docx(PROVINCE_FOCUS, tmp_path / "155.docx")))
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert len(messages) == 1 and "không giao nhiệm vụ nào cho cấp xã" in messages[0]
    open_derive(window, str(tmp_path / "khong-co.docx"))
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20000)
    assert "Traceback" not in messages[1]
    assert commune_store.plans.list() == []


def test_the_dialog_fits_the_office_screen(qtbot, window, tmp_path):
    upper = import_file(build_docx(U.LABELLED, tmp_path / "u.docx"), UnitCatalog(preset_units("xa"))).plan
    dialog = DeriveDialog(derive_plan(upper, window.commune(), UnitCatalog(preset_units("xa"))),
                          [u.name for u in window.store.units.catalog().units], window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 40
    dialog.table.item(0, COL_ACCEPT).setCheckState(Qt.CheckState.Unchecked)
    for row in range(dialog.table.rowCount()):
        dialog.table.item(row, COL_ACCEPT).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.create_button.isEnabled()  # nothing to create


def test_the_task_form_shows_the_upper_task_a_task_carries_out(qtbot, window, commune_store, tmp_path):
    catalog = commune_store.units.catalog()
    upper = import_file(build_docx(U.LABELLED, tmp_path / "u.docx"), catalog).plan
    plan = derive_plan(upper, window.commune(), catalog).plan()
    plan_id = commune_store.import_plan(plan)
    window.refresh_plans(plan_id)
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    page = window.editor.tasks
    tasks = page.session.section.tasks
    page.select_key(tasks[1].key)
    form = page.form
    assert form.source_line.isVisible()
    assert form.source_line.text() == "Thực hiện nhiệm vụ 2.2 của KH 186/KH-UBND"
    assert form.source_line.toolTip() == "Trang bị thiết bị, bảo đảm an toàn thông tin tại Bộ phận Một cửa"
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a task of the commune's own
    assert form.task is not None and form.task.source is None
    assert not form.source_line.isVisible()
