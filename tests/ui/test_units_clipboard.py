"""The units catalog dialog (aliases, merge), copy/paste and drag and drop of tasks, text sections."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from kehoach_desktop.ui.dialogs import UnitsDialog
from tests.conftest import load_fixture
from tests.ui.conftest import type_text


def _row_of(dialog: UnitsDialog, name: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == name)


def test_units_aliases_and_merge_reassign_tasks(qtbot, commune_store):
    store = commune_store
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    store.units.add("Phòng Văn hóa Xã hội (cũ)")
    dialog = UnitsDialog(store)
    qtbot.addWidget(dialog)
    # an alias typed in the table: "P.VHXH" now means Phòng Văn hóa - Xã hội
    row = _row_of(dialog, "Phòng Văn hóa - Xã hội")
    dialog.table.setCurrentCell(row, 2)
    item = dialog.table.item(row, 2)
    item.setText(item.text() + "; P.VHXH")
    assert store.units.catalog().canonical("P.VHXH") == "Phòng Văn hóa - Xã hội"
    # a task names the old spelling; merging it into the real unit reassigns the task
    task = store.plans.load(plan_id).sections[1].tasks[0]
    store.plans.update_task(task.id, lead=["Phòng Văn hóa Xã hội (cũ)"])
    dialog.reload()
    dialog.table.setCurrentCell(_row_of(dialog, "Phòng Văn hóa Xã hội (cũ)"), 0)
    QTimer.singleShot(0, lambda: _pick(qtbot, "Phòng Văn hóa - Xã hội"))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert store.plans.load(plan_id).sections[1].tasks[0].lead == ["Phòng Văn hóa - Xã hội"]
    assert "Phòng Văn hóa Xã hội (cũ)" not in [u.name for u in store.units.all()]
    assert store.units.catalog().canonical("Phòng Văn hóa Xã hội (cũ)") == "Phòng Văn hóa - Xã hội"
    # a name used in a plan but missing from the catalog is offered, and added with one click
    assert dialog.unknown.count() > 0
    name = dialog.unknown.item(0).text()
    dialog.unknown.setCurrentRow(0)
    qtbot.mouseClick(dialog.unknown_add, Qt.MouseButton.LeftButton)
    assert name in [u.name for u in store.units.all()]


def _pick(qtbot, text: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue(text)
    dialog.accept()


def test_units_rename_clash_is_refused_with_a_message(qtbot, commune_store):
    dialog = UnitsDialog(commune_store)
    qtbot.addWidget(dialog)
    row = _row_of(dialog, "Trạm Y tế")
    dialog.table.item(row, 0).setText("Phòng VH-XH")
    assert "gộp" in dialog.message.text()
    assert "Trạm Y tế" in [u.name for u in commune_store.units.all()]


def test_copy_paste_and_drag_drop_tasks(qtbot, window, commune_store):
    store = commune_store
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    page = window.editor.tasks
    tasks = page.session.section.tasks
    page.select_key(tasks[0].key)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    page.select_key(tasks[6].key)
    qtbot.keyClick(page.tree, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    stored = store.plans.load(plan_id).sections[1].tasks
    assert len(stored) == 8 and stored[7].number == "8"
    assert stored[7].title == stored[0].title and stored[7].key != stored[0].key
    assert stored[7].labels == {"lead": "Đơn vị thực hiện"}
    window.session.undo_stack.undo()
    assert len(store.plans.load(plan_id).sections[1].tasks) == 7
    # drag task 3 onto task 1: it becomes its sub-task a)
    model = page.session.model
    data = model.mimeData([model.index_of(tasks[2].key)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(tasks[0].key))
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(tasks[2].key))
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(tasks[0].key))
    first = store.plans.load(plan_id).sections[1].tasks[0]
    assert [c.number for c in first.children] == ["a"] and first.children[0].title.startswith("Lòng ghép")
    assert [t.number for t in store.plans.load(plan_id).sections[1].tasks] == ["1", "2", "3", "4", "5", "6"]
    # drop between rows at the top level: back to third place
    model.dropMimeData(model.mimeData([model.index_of(first.children[0].key)]), Qt.DropAction.MoveAction,
                       2, 0, QModelIndex())
    assert store.plans.load(plan_id).sections[1].tasks[2].title.startswith("Lòng ghép")


def test_text_section_items_are_saved_and_undone(qtbot, window, commune_store):
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    editor = window.editor
    plan_id = window.session.plan_id
    page = editor.text_pages[1]  # III. KINH PHÍ THỰC HIỆN
    editor.show_part(f"section:{page.index}")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    edit = page.editors[-1].paragraphs
    edit.setFocus()
    type_text(edit, "Kinh phí từ ngân sách xã.")
    edit.flush()
    section = commune_store.plans.load(plan_id).sections[2]
    assert section.items[-1].paragraphs == ["Kinh phí từ ngân sách xã."]
    count = len(section.items)
    window.session.undo_stack.undo()  # the typing
    window.session.undo_stack.undo()  # the new item
    assert len(commune_store.plans.load(plan_id).sections[2].items) == count - 1
    assert len(page.editors) == count - 1


def test_add_and_remove_a_section_with_undo(qtbot, window, commune_store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    editor = window.editor
    plan_id = window.session.plan_id

    def name_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Chế độ báo cáo")
        dialog.accept()

    QTimer.singleShot(0, name_it)
    qtbot.mouseClick(editor.add_section_button, Qt.MouseButton.LeftButton)
    titles = [s.title for s in commune_store.plans.load(plan_id).sections]
    assert titles[-1] == "CHẾ ĐỘ BÁO CÁO" and len(titles) == 5
    assert editor.nav.item(editor.nav.currentRow()).text() == "V. CHẾ ĐỘ BÁO CÁO"
    # remove III. KINH PHÍ THỰC HIỆN: IV. and V. move up a numeral
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.show_part("section:2")
    qtbot.mouseClick(editor.remove_section_button, Qt.MouseButton.LeftButton)
    titles = [s.title for s in commune_store.plans.load(plan_id).sections]
    assert "KINH PHÍ THỰC HIỆN" not in titles and len(titles) == 4
    labels = [editor.nav.item(i).text() for i in range(editor.nav.count())]
    assert "III. TỔ CHỨC THỰC HIỆN" in labels and "IV. CHẾ ĐỘ BÁO CÁO" in labels
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    titles = [s.title for s in commune_store.plans.load(plan_id).sections]
    assert titles == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    assert len(commune_store.plans.load(plan_id).sections[2].items) > 0  # its text came back too
