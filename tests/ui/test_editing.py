"""Driving the real window as a user would: first run, a plan from the template, task edits, undo, export."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kehoach_desktop.ui.dialogs import CommuneDialog
from tests.ui.conftest import collect_errors, type_text


def db_tasks(store, plan_id: int) -> list[tuple[str, str, int]]:
    """(number, title, depth) of every task, as stored."""
    return [(t.number, t.title, d) for t, d in store.plans.load(plan_id).walk_tasks()]


def test_first_run_asks_for_the_commune_and_sets_the_ward_presets(qtbot, store):
    assert store.get_setting("commune") is None
    dialog = CommuneDialog(store)
    qtbot.addWidget(dialog)
    form = dialog.form
    type_text(form.name, "Phường Bạch Đằng")
    form.kind.setCurrentIndex(form.kind.findData("phuong"))
    type_text(form.province, "Hải Phòng")
    type_text(form.signers, "Nguyễn Văn A")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert store.get_setting("commune") == {"name": "Bạch Đằng", "kind": "phuong", "province": "Hải Phòng",
                                            "signers": ["Nguyễn Văn A"]}
    names = [u.name for u in store.units.all()]
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in names and "Các tổ dân phố" in names
    assert "Các thôn" not in names  # a phường has tổ dân phố, not thôn


def test_first_run_refuses_a_blank_name(qtbot, store):
    dialog = CommuneDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "tên xã" in dialog.error.text()
    assert store.get_setting("commune") is None


def test_new_plan_from_template_is_stored_and_opened(qtbot, window, commune_store):
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    plans = commune_store.plans.list()
    assert len(plans) == 1 and plans[0].tasks == 8
    plan = commune_store.plans.load(plans[0].id)
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"] and plan.place == "Lam Vỹ"
    assert plan.signature.signer == "Ma Văn Quyết"
    assert window.editor is not None and window.pages.currentWidget() is window.editor
    window.show_list()
    assert window.plan_list.model.rowCount() == 1


def _open_tasks(qtbot, window):
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    editor = window.editor
    editor.show_part("tasks")
    page = editor.tasks
    page.tree.setFocus()
    return window.session.plan_id, page


def test_add_indent_reorder_edit_delete_tasks_with_undo_and_redo(qtbot, window, commune_store):
    store = commune_store
    plan_id, page = _open_tasks(qtbot, window)
    stack = window.session.undo_stack
    original = db_tasks(store, plan_id)

    # add: Ctrl+Enter after task 1, type its title, Enter in the tree commits on leaving the field
    page.select_key(page.session.section.tasks[0].key)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(page.form.title, "Khảo sát nhu cầu ứng dụng AI")
    page.tree.setFocus()
    page.form.flush()
    tasks = db_tasks(store, plan_id)
    assert tasks[1] == ("2", "Khảo sát nhu cầu ứng dụng AI", 0)
    assert tasks[2][0] == "3" and len(tasks) == 9  # the tasks below were renumbered
    stack.undo()  # the title
    stack.undo()  # the new task
    assert db_tasks(store, plan_id) == original
    stack.redo()
    stack.redo()
    assert db_tasks(store, plan_id)[1] == ("2", "Khảo sát nhu cầu ứng dụng AI", 0)
    page.tree.setFocus()

    # indent (Tab): it becomes sub-task a) of task 1
    qtbot.keyClick(page.tree, Qt.Key.Key_Tab)
    tasks = db_tasks(store, plan_id)
    assert tasks[1] == ("a", "Khảo sát nhu cầu ứng dụng AI", 1)
    assert tasks[2][0] == "2"
    assert page.tree.currentIndex().data().startswith("a) Khảo sát")
    stack.undo()
    assert db_tasks(store, plan_id)[1] == ("2", "Khảo sát nhu cầu ứng dụng AI", 0)
    stack.redo()
    assert db_tasks(store, plan_id)[1][0] == "a"
    qtbot.keyClick(page.tree, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # outdent
    assert db_tasks(store, plan_id)[1] == ("2", "Khảo sát nhu cầu ứng dụng AI", 0)

    # reorder: Ctrl+Up moves it to the top
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert db_tasks(store, plan_id)[0] == ("1", "Khảo sát nhu cầu ứng dụng AI", 0)
    stack.undo()
    assert db_tasks(store, plan_id)[0][1] == original[0][1]
    stack.redo()
    assert db_tasks(store, plan_id)[0][1] == "Khảo sát nhu cầu ứng dụng AI"

    # edit: the timeframe, typed freely, and the product
    page.form.time.setFocus()
    page.form.time.lineEdit().selectAll()
    type_text(page.form.time.lineEdit(), "Quý III/2026")
    qtbot.keyClick(page.form.time.lineEdit(), Qt.Key.Key_Return)
    assert "31/09/2026" not in page.form.time_understood.text()
    assert "30/09/2026" in page.form.time_understood.text()
    task = store.plans.load(plan_id).sections[1].tasks[0]
    assert task.time == "Quý III/2026"
    stack.undo()
    assert store.plans.load(plan_id).sections[1].tasks[0].time == ""
    assert page.form.time.currentText() == ""
    stack.redo()
    assert page.form.time.currentText() == "Quý III/2026"

    # delete, undo brings it back with the same key, redo deletes again
    key = page.current_key()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert [t[1] for t in db_tasks(store, plan_id)] == [t[1] for t in original]
    stack.undo()
    plan = store.plans.load(plan_id)
    assert plan.sections[1].tasks[0].key == key and plan.sections[1].tasks[0].time == "Quý III/2026"
    stack.redo()
    assert len(db_tasks(store, plan_id)) == 8


def test_assign_units_from_the_catalog_and_on_the_fly(qtbot, window, commune_store):
    store = commune_store
    plan_id, page = _open_tasks(qtbot, window)
    form = page.form
    stack = window.session.undo_stack
    # lead: typed without diacritics, picked from the completer with the keyboard
    line = form.lead.lineEdit()
    line.setFocus()
    type_text(line, "van hoa")
    popup = form.lead.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    first = store.plans.load(plan_id).sections[1].tasks[0]
    assert first.lead == ["Phòng Văn hóa - Xã hội"]
    # coordinators: one from the catalog (any spelling), one as written, then added to the catalog
    type_text(form.coordinators.search, "Văn phòng HĐND&UBND xã")
    qtbot.keyClick(form.coordinators.search, Qt.Key.Key_Return)
    type_text(form.coordinators.search, "Hội Nông dân xã")
    qtbot.keyClick(form.coordinators.search, Qt.Key.Key_Return)
    first = store.plans.load(plan_id).sections[1].tasks[0]
    assert first.coordinators == ["Văn phòng HĐND và UBND", "Hội Nông dân xã"]
    assert "Hội Nông dân xã" in store.units.unknown_names()
    assert form.coordinators.catalog_button.isEnabled()
    qtbot.mouseClick(form.coordinators.catalog_button, Qt.MouseButton.LeftButton)
    assert "Hội Nông dân xã" in [u.name for u in store.units.all()]
    # remove one with Delete; undo puts it back
    form.coordinators.list.setCurrentRow(0)
    qtbot.keyClick(form.coordinators.list, Qt.Key.Key_Delete)
    assert store.plans.load(plan_id).sections[1].tasks[0].coordinators == ["Hội Nông dân xã"]
    stack.undo()
    assert store.plans.load(plan_id).sections[1].tasks[0].coordinators == ["Văn phòng HĐND và UBND",
                                                                           "Hội Nông dân xã"]
    assert form.coordinators.units() == ["Văn phòng HĐND và UBND", "Hội Nông dân xã"]
    stack.redo()
    assert form.coordinators.units() == ["Hội Nông dân xã"]
    # the unit filter now finds the task
    page.unit_filter.setCurrentIndex(page.unit_filter.findData("Phòng Văn hóa - Xã hội"))
    assert page.proxy.rowCount() == 1


def test_editing_units_clears_the_sentence_assignment(qtbot, store, window):
    from tests.conftest import load_fixture

    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    page = window.editor.tasks
    window.editor.show_part("tasks")
    page.select_key(page.session.section.tasks[1].key)
    assert page.form.assignment.lines()  # task 2 assigns its units in sentences
    page.form.coordinators.list.setCurrentRow(1)
    qtbot.keyClick(page.form.coordinators.list, Qt.Key.Key_Delete)
    task = store.plans.load(plan_id).sections[1].tasks[1]
    assert task.coordinators == ["Văn phòng HĐND và UBND"] and task.assignment == []
    window.session.undo_stack.undo()
    assert store.plans.load(plan_id).sections[1].tasks[1].assignment


def test_general_info_allows_blanks_and_refuses_impossible_dates(qtbot, window, commune_store):
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    page = window.editor.general
    plan_id = window.session.plan_id
    page.date.setFocus()
    type_text(page.date, "6/2026")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    assert commune_store.plans.load(plan_id).date.iso() == "2026-06"
    page.date.clear()
    type_text(page.date, "31/2/2026")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    assert "không tồn tại" in page.error.text() and not page.error.isHidden()
    assert commune_store.plans.load(plan_id).date.iso() == "2026-06"
    page.number.setFocus()
    type_text(page.number, "05")
    qtbot.keyClick(page.number, Qt.Key.Key_Return)
    assert commune_store.plans.load(plan_id).number == "05"
    window.session.undo_stack.undo()
    assert commune_store.plans.load(plan_id).number is None
    assert page.number.text() == ""


def test_export_json_writes_what_the_database_holds(qtbot, window, commune_store, tmp_path):
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    target = tmp_path / "ke-hoach.json"
    with qtbot.waitSignal(window.exporter.done, timeout=10000):
        assert window.export("json", target)
    data = json.loads(target.read_text("utf-8"))
    assert data["format"] == "kehoach-plan" and data["issuer"] == "ỦY BAN NHÂN DÂN\nXÃ LAM VỸ"
    assert len(data["sections"][1]["tasks"]) == 8


def test_plans_list_duplicate_delete_restore(qtbot, window, commune_store):
    store = commune_store
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    window.show_list()
    page = window.plan_list
    qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert len(store.plans.list()) == 2
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert len(store.plans.list()) == 1 and len(store.plans.list(deleted=True)) == 1
    page.bin.setChecked(True)
    assert page.model.rowCount() == 1 and page.restore_button.isVisible()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert len(store.plans.list()) == 2
    page.bin.setChecked(False)
    type_text(page.search, "tri tue nhan tao")
    assert page.proxy.rowCount() == 2
    type_text(page.search, " khong co")
    assert page.proxy.rowCount() == 0


def test_typing_is_saved_after_a_pause_and_on_closing(qtbot, window, commune_store):
    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    plan_id = window.session.plan_id
    window.editor.show_part("tasks")
    form = window.editor.tasks.form
    form.product.setFocus()
    form.product.selectAll()
    type_text(form.product, "Kế hoạch tuyên truyền")
    # nothing left, nothing pressed: the pause alone saves it
    qtbot.waitUntil(lambda: commune_store.plans.load(plan_id).sections[1].tasks[0].product
                    == "Kế hoạch tuyên truyền", timeout=5000)
    form.notes.setFocus()
    type_text(form.notes, "Ưu tiên")
    window.close()  # closing the window straight after typing loses nothing
    assert commune_store.plans.load(plan_id).sections[1].tasks[0].notes == "Ưu tiên"


def test_an_undo_the_database_refuses_is_a_message(qtbot, window, commune_store, monkeypatch):
    from kehoach_desktop.errors import StorageError

    qtbot.mouseClick(window.plan_list.new_template, Qt.MouseButton.LeftButton)
    session = window.session
    key = session.section.tasks[0].key
    session.set_task_fields(key, product="Báo cáo")
    messages = collect_errors(window, monkeypatch)

    def locked(*args, **kwargs):
        raise StorageError("Cơ sở dữ liệu đang bị khóa.")

    monkeypatch.setattr(commune_store.plans, "update_task", locked)
    session.undo_stack.undo()
    assert messages == ["Cơ sở dữ liệu đang bị khóa."]
    assert session.model.task(key).product == "Báo cáo"  # the screen still shows what the database holds
    assert session.undo_stack.count() == 0  # the refused step left the history


def test_search_lists_matches_and_clearing_brings_the_tree_back(qtbot, window, store):
    from tests.conftest import load_fixture

    plan_id = store.import_plan(load_fixture("ke-hoach-phuong-bach-dang"))
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    page = window.editor.tasks
    folded = next(t for t in page.session.section.tasks if t.children)
    page.tree.collapse(page.proxy.mapFromSource(page.session.model.index_of(folded.key)))
    page.search.setFocus()
    type_text(page.search, "chuyen doi so")
    assert page.tree.model() is page.results and page.results.rowCount() == len(page.results.matches) > 0
    assert "khớp" in page.count_label.text()
    page.tree.setCurrentIndex(page.results.index(0, 0))
    chosen = page.results.matches[0]
    assert page.form.key == chosen  # picking a result opens it in the form
    page.search.clear()
    assert page.tree.model() is page.tree_proxy
    assert not page.tree.isExpanded(page.proxy.mapFromSource(page.session.model.index_of(folded.key)))
    assert page.form.key == chosen
