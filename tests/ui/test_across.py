"""Công cụ → Việc của đơn vị… and Tìm trong mọi kế hoạch…, driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task
from kehoach_desktop.services import Store
from kehoach_desktop.ui.across import ROW_ROLE, SearchAllDialog, UnitTasksDialog
from tests.conftest import SAMPLE_NAMES, load_fixture
from tests.ui.conftest import run_python, type_text


def _samples(store) -> list[int]:
    return [store.import_plan(load_fixture(name)) for name in SAMPLE_NAMES]


def _rows(dialog) -> list[list[str]]:
    proxy = dialog.proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def _double_click_row(qtbot, dialog, row: int) -> None:
    table = dialog.table
    rect = table.visualRect(dialog.proxy.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _action(window, text: str):
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def test_unit_tasks_from_the_menu_lists_a_unit_s_work_and_opens_a_task(qtbot, window, commune_store):
    ids = _samples(commune_store)
    overdue = commune_store.import_plan(Plan(
        "Kế hoạch tổng kết", number="09", date=PartialDate(2025, 1, 10),
        sections=[Section("NHIỆM VỤ", "tasks", tasks=[Task("Tổng kết năm 2025", lead=["Phòng VH-XH"],
                                                            time="31/12/2025")])]))
    _action(window, "Việc của đơn vị…").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, UnitTasksDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    names = [dialog.units.item(i).text().rsplit(" (", 1)[0] for i in range(dialog.units.count())]
    assert names == sorted(names, key=dialog.collator.sortKey) and "Phòng Văn hóa - Xã hội" in names
    type_text(dialog.filter, "van hoa")  # without diacritics
    visible = [dialog.units.item(i).text() for i in range(dialog.units.count()) if not dialog.units.item(i).isHidden()]
    assert len(visible) == 1 and visible[0].startswith("Phòng Văn hóa - Xã hội (")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)  # Enter takes the first unit shown
    assert dialog.isVisible()
    rows = _rows(dialog)
    assert rows and dialog.heading.text().startswith("Phòng Văn hóa - Xã hội: ")
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Kế hoạch", "Nhiệm vụ", "Vai trò", "Thời gian", "Hạn", "Tình trạng"]
    assert {r[2] for r in rows} <= {"Chủ trì", "Phối hợp"}
    late = next(r for r in range(len(rows)) if rows[r][1] == "1. Tổng kết năm 2025")
    index = dialog.proxy.index(late, 5)
    assert index.data() == "Quá hạn" and index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert dialog.proxy.index(late, 4).data() == "31/12/2025"
    # sortable: by due date, blanks last
    dialog.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    dues = [r[4] for r in _rows(dialog)]
    assert dues[0] == "31/12/2025" and (not any(d == "" for d in dues) or dues[-1] == "")
    # double-click: the plan opens on that task, the list stays open
    target = next(r for r in range(dialog.proxy.rowCount())
                  if dialog.proxy.index(r, 0).data(ROW_ROLE).plan_id == ids[1])
    hit = dialog.proxy.index(target, 0).data(ROW_ROLE)
    _double_click_row(qtbot, dialog, target)
    assert window.session.plan_id == ids[1]
    assert window.editor.tasks.form.key == next(t.key for t, _ in window.session.plan.walk_tasks()
                                               if t.id == hit.task_id)
    assert dialog.isVisible() and overdue
    # back to the list after the plan's date was changed there: the list is read again, the unit kept
    commune_store.plans.update_task(hit.task_id, time="31/01/2026")
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.WindowActivate))
    assert dialog.units.currentItem().text().startswith("Phòng Văn hóa - Xã hội (")
    assert "31/01/2026" in [r[3] for r in _rows(dialog)]


def test_unit_tasks_export_to_excel(qtbot, window, commune_store, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    _samples(commune_store)
    from kehoach_desktop.ui.across import open_unit_tasks

    dialog = open_unit_tasks(window)
    dialog.show_unit("VHXH")
    target = tmp_path / "viec.xlsx"
    monkeypatch.setattr("kehoach_desktop.ui.across.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target).active
    assert sheet.max_row == 3 + dialog.proxy.rowCount()
    assert "Đã ghi" in window.statusBar().currentMessage()


def test_search_all_results_as_you_type_and_open_at_the_task(qtbot, window, commune_store):
    ids = _samples(commune_store)
    _action(window, "Tìm trong mọi kế hoạch…").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SearchAllDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.query
    type_text(dialog.query, "d")
    qtbot.waitUntil(lambda: dialog.summary.text() == "Gõ thêm chữ để tìm…")  # one letter: no search yet
    type_text(dialog.query, "ia phuong")
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() > 0)
    rows = _rows(dialog)
    assert rows and any("địa phương" in r[1] for r in rows)
    assert dialog.summary.text().endswith("kế hoạch") and dialog.last_ms < 500
    type_text(dialog.query, ' "-*')  # quotes and stars typed: no error, same results
    qtbot.wait(20)
    assert _rows(dialog) == rows and not dialog.error.isVisible()
    hit = dialog.proxy.index(0, 0).data(ROW_ROLE)
    _double_click_row(qtbot, dialog, 0)
    assert window.session.plan_id == hit.plan_id
    if hit.task_id is not None:
        assert window.editor.tasks.form.key == next(t.key for t, _ in window.session.plan.walk_tasks()
                                                   if t.id == hit.task_id)
    dialog.query.clear()
    type_text(dialog.query, "khong co tu nay")
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Không tìm thấy"))
    assert _rows(dialog) == []
    assert ids


def test_search_all_leaves_out_the_bin_and_follows_edits(qtbot, window, commune_store):
    from kehoach_desktop.ui.across import open_search_all

    ids = _samples(commune_store)
    dialog = open_search_all(window)
    type_text(dialog.query, "tuyen truyen")
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() > 0)
    before = {r.plan_id for r in dialog.model.rows}
    commune_store.plans.delete(ids[0])  # in the main window, while the search window is in the background
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.WindowActivate))  # the user comes back to it
    after = {r.plan_id for r in dialog.model.rows}
    assert ids[0] in before and ids[0] not in after
    assert open_search_all(window) is dialog  # Ctrl+Shift+F again brings the same window forward


def test_the_window_s_start_up_does_not_import_sqlite_utils(db_path, tmp_path):
    """The window is shown (a plan reopened) without importing sqlite-utils: only migrating needs it."""
    with Store.open(db_path) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "", "signers": []})
        store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.exec = lambda self: 0\n"
        "from kehoach_desktop import app\n"
        f"assert app.main(['--db', {str(db_path)!r}]) == 0\n"
        "shown = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == 'MainWindow' and w.isVisible()]\n"
        "print(len(shown), 'sqlite_utils' in sys.modules)\n")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "False"]


def test_reopening_the_last_plan_at_start_up_leaves_the_search_index_and_the_json_reader_unimported(db_path, tmp_path):
    """The plan of the previous session comes back with the window; what only writes and exports need waits,
    and so do the task tree (the plan opens on its general information) and ``dataclasses`` (bench_startup)."""
    with Store.open(db_path) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "", "signers": []})
        plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kehoach_desktop.ui.mainwindow import last_plan_key\n"
        f"QSettings('KeHoach', 'KeHoach').setValue(last_plan_key(Path({str(db_path)!r})), {plan_id})\n"
        "QApplication.exec = lambda self: 0\n"
        "from kehoach_desktop import app\n"
        f"assert app.main(['--db', {str(db_path)!r}]) == 0\n"
        "win = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == 'MainWindow' and w.isVisible()]\n"
        "print(win[0].session is not None and win[0].session.plan_id,"
        " [m for m in ('kehoach_desktop.store.search', 'kehoach_desktop.domain.planjson', 'sqlite_utils',"
        " 'kehoach_desktop.ui.taskmodel', 'dataclasses')"
        " if m in sys.modules])\n")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(plan_id), "[]"]
