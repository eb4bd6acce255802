"""The progress dashboard: counts a user reads, lists of overdue and due tasks, a click opens the task."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, ProgressEntry
from tests.conftest import load_fixture

TODAY = dt.date(2026, 11, 20)
VHXH = "Phòng Văn hóa - Xã hội"


@pytest.fixture
def plan_with_entries(store):
    plan = load_fixture("ke-hoach-xa-lam-vy")
    next(t for t, _ in plan.walk_tasks() if t.number == "5").time = "Quý III/2026"  # a deadline of its own
    plan_id = store.import_plan(plan)
    tasks = [t for t, _ in store.plans.load(plan_id).walk_tasks()]
    store.progress.add(ProgressEntry(tasks[0].id, dt.date(2026, 11, 1), IN_PROGRESS, unit=VHXH, done="Tuyên truyền"))
    store.progress.add(ProgressEntry(tasks[2].id, dt.date(2026, 10, 1), DONE, unit=VHXH, done="Lồng ghép"))
    return plan_id, tasks


@pytest.fixture
def dashboard(qtbot, store, plan_with_entries):
    from kehoach_desktop.ui.dashboard import DashboardWidget

    widget = DashboardWidget(store, plan_with_entries[0], today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _items(tree):
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_counts_overdue_and_due_soon(dashboard, plan_with_entries):
    _plan_id, tasks = plan_with_entries
    shown = {s: b.text().split("\n") for s, b in dashboard.count_buttons.items()}
    # On 20/11/2026: "Thường xuyên" missed its 14/6 report: not reported (amber), not overdue; "Quý III/2026"
    # passed its own deadline: overdue (red); the yearly ones are due on 14/12.
    assert shown == {"not_started": ["3", "Chưa thực hiện"], "in_progress": ["2", "Đang thực hiện"],
                     "done": ["0", "Hoàn thành"], "done_late": ["0", "Hoàn thành quá hạn"],
                     "not_reported": ["1", "Chưa báo cáo"], "overdue": ["1", "Quá hạn"]}
    assert [i.text(1) for i in _items(dashboard.overdue)] == [tasks[4].title]
    assert dashboard.overdue_box.title() == "Quá hạn (1)"
    colours = {s: b.styleSheet() for s, b in dashboard.count_buttons.items()}
    assert "#c9a227" in colours["not_reported"] and "#e53935" in colours["overdue"]
    soon = _items(dashboard.due_soon)  # the unreported task is still due at the next cut-off
    assert [i.text(1) for i in soon] == [tasks[i].title for i in (0, 1, 2, 3, 5, 6)]
    assert {i.text(3) for i in soon} == {"14/12/2026"}
    assert dashboard.due_box.title() == "Đến hạn trong 30 ngày tới (6)"
    assert dashboard.chart.counts["not_reported"] == 1 and dashboard.chart.counts["overdue"] == 1
    assert dashboard.chart.counts["not_started"] == 3
    m = dashboard.matrix
    units = [m.verticalHeaderItem(r).text() for r in range(m.rowCount())]
    assert units == [VHXH, "Văn phòng HĐND và UBND"]
    assert m.horizontalHeaderItem(4).text() == "Chưa\nbáo cáo"
    assert [m.item(0, c).text() for c in range(7)] == ["2", "2", "0", "0", "1", "1", "6"]
    assert [m.item(1, c).text() for c in range(7)] == ["1", "0", "0", "0", "0", "0", "1"]
    assert m.item(0, 4).foreground().color().name() == "#c9a227"


def test_clicking_an_overdue_task_emits_its_id(qtbot, dashboard, plan_with_entries):
    _plan_id, tasks = plan_with_entries
    item = dashboard.overdue.topLevelItem(0)
    rect = dashboard.overdue.visualItemRect(item)
    with qtbot.waitSignal(dashboard.taskActivated, timeout=2000) as blocker:
        qtbot.mouseClick(dashboard.overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [tasks[4].id]


def test_counts_chart_and_matrix_list_their_tasks(qtbot, dashboard, plan_with_entries):
    _plan_id, tasks = plan_with_entries
    qtbot.mouseClick(dashboard.count_buttons["not_started"], Qt.MouseButton.LeftButton)
    assert [i.text(1) for i in _items(dashboard.selection)] == [tasks[i].title for i in (3, 5, 6)]
    assert dashboard.selection_box.title() == "Nhiệm vụ: Chưa thực hiện (3)"
    qtbot.mouseClick(dashboard.count_buttons["not_reported"], Qt.MouseButton.LeftButton)
    assert [i.text(1) for i in _items(dashboard.selection)] == [tasks[1].title]
    assert dashboard.selection_box.title() == "Nhiệm vụ: Chưa báo cáo (1)"

    bar = dashboard.chart.bar_rects()["in_progress"]
    qtbot.mouseClick(dashboard.chart, Qt.MouseButton.LeftButton, pos=QPoint(int(bar.center().x()), int(bar.bottom()) - 1))
    assert [i.text(1) for i in _items(dashboard.selection)] == [tasks[0].title, tasks[2].title]

    m = dashboard.matrix
    cell = m.visualItemRect(m.item(1, 0))
    qtbot.mouseClick(m.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert dashboard.selection_box.title() == "Nhiệm vụ: Chưa thực hiện — Văn phòng HĐND và UBND (1)"
    with qtbot.waitSignal(dashboard.taskActivated, timeout=2000) as blocker:
        item = dashboard.selection.topLevelItem(0)
        qtbot.mouseClick(dashboard.selection.viewport(), Qt.MouseButton.LeftButton,
                         pos=dashboard.selection.visualItemRect(item).center())
    assert blocker.args == [tasks[5].id]


def test_refresh_after_an_import_and_screenshot(qtbot, dashboard, store, plan_with_entries, tmp_path):
    _plan_id, tasks = plan_with_entries
    store.progress.add(ProgressEntry(tasks[1].id, dt.date(2026, 11, 15), IN_PROGRESS, unit=VHXH, done="Rà soát"))
    dashboard.refresh()
    assert dashboard.count_buttons["not_reported"].text().startswith("0\n")  # reported late: under way
    assert dashboard.count_buttons["in_progress"].text().startswith("3\n")
    assert dashboard.overdue.topLevelItemCount() == 1  # the dated task is still past its deadline
    shot = tmp_path / "dashboard.png"
    assert dashboard.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


# --- the actions: merge back with a preview, sheets, progress sheet, report ------------------------

def _filled_sheet(store, plan_id, tasks, folder):
    from openpyxl import load_workbook

    from kehoach_desktop.domain.progress import Period
    from kehoach_desktop.sheets.tracking import make_unit_sheets

    written, _ = make_unit_sheets(store, plan_id, Period("year", 2026), folder)
    path = next(p for _u, p, _n in written if "van-hoa" in p.name)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws["F10"] = "Đang thực hiện"  # row 10: task 2 ("Thường xuyên"), not reported until now
    ws["G10"] = "Rà soát 12 văn bản quy phạm pháp luật"
    wb.save(path)
    return path


def test_import_dialog_previews_then_applies(qtbot, store, plan_with_entries, tmp_path):
    from kehoach_desktop.ui.dashboard import ProgressImportDialog

    plan_id, tasks = plan_with_entries
    path = _filled_sheet(store, plan_id, tasks, tmp_path)
    before = store.progress.count()
    dialog = ProgressImportDialog(store, path)
    qtbot.addWidget(dialog)
    preview = dialog.preview.toPlainText()
    assert "+ dòng 10, nhiệm vụ 2. Tiếp tục rà soát" in preview
    assert "Sẽ thêm 1 mục tiến độ" in preview and "Rà soát 12 văn bản" in preview
    assert store.progress.count() == before  # nothing written by the preview
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.added == 1
    assert store.progress.for_task(tasks[1].id)[-1].done == "Rà soát 12 văn bản quy phạm pháp luật"

    again = ProgressImportDialog(store, path)
    qtbot.addWidget(again)
    assert not again.apply_button.isEnabled()
    assert again.error.text() == "Phiếu này không có gì mới so với những gì đã nhập."


def test_import_dialog_lists_a_sentence_typed_where_the_status_belongs(qtbot, store, plan_with_entries, tmp_path):
    from openpyxl import load_workbook

    from kehoach_desktop.ui.dashboard import ProgressImportDialog

    plan_id, tasks = plan_with_entries
    path = _filled_sheet(store, plan_id, tasks, tmp_path)
    wb = load_workbook(path)
    wb.worksheets[0]["F10"] = "Đã rà soát xong 12 văn bản"  # a sentence in the "Tiến độ" column
    wb.save(path)
    dialog = ProgressImportDialog(store, path)
    qtbot.addWidget(dialog)
    preview = dialog.preview.toPlainText()
    assert "1 dòng ghi một câu vào cột “Tiến độ”" in preview
    assert "! dòng 10, nhiệm vụ 2. Tiếp tục rà soát" in preview and "“Đã rà soát xong 12 văn bản”" in preview
    assert dialog.apply_button.isEnabled() and not dialog.error.text()  # merged, not refused
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    entry = store.progress.for_task(tasks[1].id)[-1]
    assert entry.done == "Đã rà soát xong 12 văn bản\nRà soát 12 văn bản quy phạm pháp luật"


def test_import_dialog_shows_a_refusal_and_writes_nothing(qtbot, store, plan_with_entries, tmp_path):
    from openpyxl import Workbook

    from kehoach_desktop.ui.dashboard import ProgressImportDialog

    plain = tmp_path / "khac.xlsx"
    Workbook().save(plain)
    dialog = ProgressImportDialog(store, plain)
    qtbot.addWidget(dialog)
    assert "không phải phiếu báo cáo tiến độ do KeHoach Desktop lập" in dialog.error.text()
    assert not dialog.apply_button.isEnabled()


def test_dashboard_buttons_import_then_write_sheet_sheets_and_report(qtbot, dashboard, store, plan_with_entries,
                                                                      tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

    from kehoach_desktop.ui.dashboard import PeriodDialog, ProgressImportDialog

    plan_id, tasks = plan_with_entries
    path = _filled_sheet(store, plan_id, tasks, tmp_path / "phieu")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    monkeypatch.setattr(ProgressImportDialog, "exec",
                        lambda self: (self.accept(), QDialog.DialogCode.Accepted)[1])
    button = dashboard.findChild(QPushButton, "action_import")
    with qtbot.waitSignal(dashboard.progressChanged) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1]
    assert dashboard.message.text() == "Đã thêm 1 mục tiến độ từ 1 phiếu."
    assert dashboard.count_buttons["not_reported"].text().startswith("0\n")  # refreshed: reported now

    monkeypatch.setattr(PeriodDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    report = tmp_path / "bc"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    qtbot.mouseClick(dashboard.findChild(QPushButton, "action_report"), Qt.MouseButton.LeftButton)
    assert (tmp_path / "bc.docx").stat().st_size > 5000
    assert dashboard.message.text().startswith("Đã ghi báo cáo năm 2026")

    sheet = tmp_path / "tien-do.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    qtbot.mouseClick(dashboard.findChild(QPushButton, "action_export"), Qt.MouseButton.LeftButton)
    assert sheet.stat().st_size > 5000 and dashboard.message.text() == f"Đã ghi {sheet}"

    folder = tmp_path / "moi"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(dashboard.findChild(QPushButton, "action_sheets"), Qt.MouseButton.LeftButton)
    assert len(list(folder.glob("*.xlsx"))) == 3
    assert dashboard.message.text().startswith(f"Đã lập 3 phiếu trong {folder}.")


def test_recording_progress_by_hand_for_the_clicked_task(qtbot, dashboard, store, plan_with_entries, monkeypatch):
    from PySide6.QtWidgets import QDialog, QPushButton

    from kehoach_desktop.ui.dashboard import ProgressEntryDialog

    _plan_id, tasks = plan_with_entries
    record = dashboard.findChild(QPushButton, "action_record")
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    assert dashboard.message.text() == "Hãy bấm chọn một nhiệm vụ trong các danh sách trước."

    # The office types what the Phòng VHXH said on the phone about the overdue task.
    opened: list[ProgressEntryDialog] = []

    def fill_and_save(dialog: ProgressEntryDialog) -> int:
        opened.append(dialog)
        assert dialog.unit_edit.currentText() == VHXH and dialog.history.toPlainText() == "Chưa có báo cáo nào."
        dialog.status_edit.setCurrentIndex(dialog.status_edit.findText("Hoàn thành"))
        dialog.done_edit.insertPlainText("Đã rà soát 12 văn bản")  # as Unikey commits a word (QTest types ASCII only)
        dialog.percent_edit.setValue(100)
        dialog.evidence_edit.setText("Báo cáo 45/BC-VHXH")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProgressEntryDialog, "exec", fill_and_save)
    item = dashboard.overdue.topLevelItem(0)
    qtbot.mouseClick(dashboard.overdue.viewport(), Qt.MouseButton.LeftButton,
                     pos=dashboard.overdue.visualItemRect(item).center())
    with qtbot.waitSignal(dashboard.progressChanged):
        qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    entry = store.progress.for_task(tasks[4].id)[-1]
    assert (entry.status, entry.done, entry.percent, entry.evidence, entry.date) == (
        "done", "Đã rà soát 12 văn bản", 100, "Báo cáo 45/BC-VHXH", TODAY)
    assert dashboard.overdue.topLevelItemCount() == 0  # done after its deadline of 30/9
    assert dashboard.count_buttons["done_late"].text().startswith("1\n")


def test_right_click_action_records_for_that_task_without_opening_it(qtbot, dashboard, store, plan_with_entries,
                                                                      monkeypatch):
    from kehoach_desktop.ui.dashboard import ProgressEntryDialog

    _plan_id, tasks = plan_with_entries
    seen: list[int] = []
    monkeypatch.setattr(ProgressEntryDialog, "exec", lambda self: (seen.append(self.task.id), 0)[1])
    dashboard.due_soon.setCurrentItem(dashboard.due_soon.topLevelItem(4))  # "6. Tổ chức các nội dung ..."
    emitted: list[int] = []
    dashboard.taskActivated.connect(emitted.append)
    action = dashboard.due_soon.actions()[0]
    assert action.text() == "Ghi tiến độ…"
    action.trigger()
    assert seen == [tasks[5].id] and emitted == []
