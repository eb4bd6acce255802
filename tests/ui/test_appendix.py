"""Phụ lục in the editor: listed after the signature, edited on their own page, their tasks in the task page,
added and deleted; every edit reaches the database at once and is undone with Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kehoach_desktop.domain.plan import Appendix, Section, Task, TextItem, TextTable
from tests.conftest import load_fixture
from tests.ui.conftest import type_text
from tests.ui.test_task_sections import _click_part

COLUMNS = [("number", "STT"), ("title", "Tên nhiệm vụ"), ("lead", "Sở, ngành chủ trì tham mưu"),
           ("coordinators", "Đơn vị phối hợp thực hiện"), ("time", "Thời gian thực hiện"), ("", "Kinh phí"),
           ("notes", "Ghi chú")]


def _plan_with_appendices():
    """The Lam Vỹ plan with a task phụ lục (a column of its own, "Kinh phí") and a report form."""
    plan = load_fixture("ke-hoach-xa-lam-vy")
    plan.sections.append(Section("MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "tasks", tasks=[
        Task(title="Số hóa hồ sơ hành chính", number="1", lead=["Văn phòng HĐND và UBND"], time="Năm 2026",
             cells={"Kinh phí": "Ngân sách xã"}),
        Task(title="Tập huấn kỹ năng số", number="2", lead=["Phòng Văn hóa - Xã hội"], time="Quý III/2026"),
    ], appendix=Appendix(label="Phụ lục 01", heading=["MỘT SỐ NHIỆM VỤ TRỌNG TÂM"], attached="(Kèm theo …)",
                         columns=list(COLUMNS))))
    plan.sections.append(Section("Biểu 01", "text", [
        TextItem("I. KẾT QUẢ", ["Tổng hợp kết quả thực hiện."], TextTable([["STT", "Chỉ tiêu"], ["1", ""]], 1)),
    ], appendix=Appendix(label="Biểu 01", heading=["ĐỀ CƯƠNG BÁO CÁO"], landscape=False)))
    return plan


def _open(window, store):
    plan_id = store.import_plan(_plan_with_appendices())
    window.open_plan(plan_id)
    return plan_id, window.editor


def _nav_texts(editor) -> list[str]:
    return [editor.nav.item(r).text() for r in range(editor.nav.count())]


def test_appendices_are_listed_after_the_signature_and_their_lines_edited_saved_and_undone(
        qtbot, window, commune_store):
    store = commune_store
    plan_id, editor = _open(window, store)
    texts = _nav_texts(editor)
    closing = texts.index("Kết thúc, nơi nhận, chữ ký")
    assert texts[closing + 1:closing + 3] == ["Phụ lục 01: MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "Phụ lục: Biểu 01"]
    assert not any(t.startswith(("V.", "VI.")) for t in texts)  # a phụ lục is not a numbered section

    _click_part(qtbot, editor, "Phụ lục 01")
    page = editor.appendix_page
    assert editor.stack.currentWidget() is page and page.label.text() == "Phụ lục 01"
    page.label.selectAll()
    page.label.setFocus()
    type_text(page.label, "Phụ lục I")
    page.label.editingFinished.emit()
    qtbot.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
    page.orientation.setCurrentIndex(1)
    page.orientation.activated.emit(1)

    stored = store.plans.load(plan_id).appendices()[0].appendix
    assert stored.label == "Phụ lục I"
    assert stored.attached == "(Kèm theo Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã Lam Vỹ)"
    assert stored.landscape is False
    assert stored.columns == COLUMNS  # the source's columns untouched
    assert len(store.plans.load(plan_id).appendices()[0].tasks) == 2  # and its tasks
    assert "Phụ lục I: MỘT SỐ NHIỆM VỤ TRỌNG TÂM" in _nav_texts(editor)

    for _ in range(3):
        window.act_undo.trigger()
    stored = store.plans.load(plan_id).appendices()[0].appendix
    assert (stored.label, stored.attached, stored.landscape) == ("Phụ lục 01", "(Kèm theo …)", True)
    assert page.label.text() == "Phụ lục 01" and editor.stack.currentWidget() is page


def test_a_section_added_to_a_plan_with_phu_luc_comes_before_them(qtbot, window, commune_store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    store = commune_store
    plan_id, editor = _open(window, store)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Chế độ báo cáo", True))
    qtbot.mouseClick(editor.add_section_button, Qt.MouseButton.LeftButton)
    stored = store.plans.load(plan_id)
    assert [(s.title, s.is_appendix) for s in stored.sections][4:] == [
        ("CHẾ ĐỘ BÁO CÁO", False), ("MỘT SỐ NHIỆM VỤ TRỌNG TÂM", True), ("Biểu 01", True)]
    assert len(stored.appendices()[0].tasks) == 2 and stored.appendices()[1].items[0].table is not None
    texts = _nav_texts(editor)
    assert texts.index("V. CHẾ ĐỘ BÁO CÁO") < texts.index("Kết thúc, nơi nhận, chữ ký") < texts.index(
        "Phụ lục 01: MỘT SỐ NHIỆM VỤ TRỌNG TÂM")
    assert editor.nav.currentItem().text() == "V. CHẾ ĐỘ BÁO CÁO"


def test_a_task_appendix_tasks_and_own_column_are_edited_in_the_task_page(qtbot, window, commune_store):
    store = commune_store
    plan_id, editor = _open(window, store)
    _click_part(qtbot, editor, "Phụ lục 01")
    page = editor.appendix_page
    assert "2 nhiệm vụ" in page.tasks_info.text()
    qtbot.mouseClick(page.tasks_button, Qt.MouseButton.LeftButton)
    tasks = editor.tasks
    assert editor.stack.currentWidget() is tasks and tasks.numeral.text() == "Phụ lục 01"
    assert editor.nav.currentItem().text().startswith("Phụ lục 01")
    form = tasks.form
    assert form.title.value() == "Số hóa hồ sơ hành chính"
    assert list(form.cell_edits) == ["Kinh phí"] and form.cell_edits["Kinh phí"].text() == "Ngân sách xã"

    tasks.select_key(window.session.section.tasks[1].key)
    form.cell_edits["Kinh phí"].setFocus()
    type_text(form.cell_edits["Kinh phí"], "Nguồn xã hội hóa")
    form.cell_edits["Kinh phí"].editingFinished.emit()
    tasks.add_task()
    type_text(form.title, "Rà soát thủ tục trực tuyến")
    form.title.flush()

    stored = store.plans.load(plan_id)
    appendix_tasks = stored.appendices()[0].tasks
    assert [t.number for t in appendix_tasks] == ["1", "2", "3"]
    assert appendix_tasks[1].cells == {"Kinh phí": "Nguồn xã hội hóa"}
    assert appendix_tasks[2].title == "Rà soát thủ tục trực tuyến"
    assert len(stored.body_sections()[1].tasks) == 7  # section II keeps its own
    assert any(t.title == "Rà soát thủ tục trực tuyến" for t, _ in stored.walk_tasks())  # tracked too

    window.act_undo.trigger()  # the title
    window.act_undo.trigger()  # the task added
    window.act_undo.trigger()  # the cell
    stored = store.plans.load(plan_id)
    assert len(stored.appendices()[0].tasks) == 2 and stored.appendices()[0].tasks[1].cells == {}

    _click_part(qtbot, editor, "Phụ lục 01")  # back to the phụ lục's own page
    assert editor.stack.currentWidget() is page

    # a column of the tasks' own cells renamed: the cells follow it, in one undo step
    assert page.columns.columns()[5] == ("", "Kinh phí")
    page.columns.table.item(5, 0).setText("Nguồn kinh phí")
    stored = store.plans.load(plan_id).appendices()[0]
    assert stored.appendix.columns[5] == ("", "Nguồn kinh phí")
    assert stored.tasks[0].cells == {"Nguồn kinh phí": "Ngân sách xã"}
    assert list(tasks.form.cell_edits) == ["Nguồn kinh phí"]
    window.act_undo.trigger()
    stored = store.plans.load(plan_id).appendices()[0]
    assert stored.appendix.columns[5] == ("", "Kinh phí") and stored.tasks[0].cells == {"Kinh phí": "Ngân sách xã"}


def test_a_text_appendix_table_is_edited_in_its_grid(qtbot, window, commune_store):
    store = commune_store
    plan_id, editor = _open(window, store)
    _click_part(qtbot, editor, "Phụ lục: Biểu 01")
    page = editor.appendix_page
    assert not page.table_box.isVisible() and page.editors[0].heading.text() == "I. KẾT QUẢ"
    grid = page.editors[0].table_editor
    assert grid.grid.rowCount() == 2 and grid.grid.item(0, 1).text() == "Chỉ tiêu"
    grid.grid.item(1, 1).setText("Số hồ sơ trực tuyến")
    qtbot.mouseClick(grid.buttons["add_column"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(grid.buttons["add_row"], Qt.MouseButton.LeftButton)
    grid = page.editors[0].table_editor
    item = store.plans.load(plan_id).appendices()[1].items[0]
    assert item.heading == "I. KẾT QUẢ" and item.paragraphs == ["Tổng hợp kết quả thực hiện."]
    assert item.table == TextTable([["STT", "Chỉ tiêu", ""], ["1", "Số hồ sơ trực tuyến", ""], ["", "", ""]], 1)

    window.act_undo.trigger()
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert store.plans.load(plan_id).appendices()[1].items[0].table == TextTable([["STT", "Chỉ tiêu"], ["1", ""]], 1)
    assert page.editors[0].table_editor.grid.columnCount() == 2


def test_appendices_are_added_and_deleted_with_their_tasks_and_undone(qtbot, window, commune_store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    store = commune_store
    plan_id, editor = _open(window, store)
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, *_a, **_k:
                        offered.append(items) or (items[0], True))
    qtbot.mouseClick(editor.add_appendix_button, Qt.MouseButton.LeftButton)  # a task table of its own
    assert len(offered[0]) == 3
    assert editor.nav.currentItem().text() == "Phụ lục 03: MỘT SỐ NHIỆM VỤ TRỌNG TÂM"
    qtbot.mouseClick(editor.appendix_page.tasks_button, Qt.MouseButton.LeftButton)
    editor.tasks.add_task()
    type_text(editor.tasks.form.title, "Nhiệm vụ mới của phụ lục")
    editor.tasks.form.title.flush()
    editor.add_appendix("mirror")
    editor.add_appendix("text")
    stored = store.plans.load(plan_id)
    assert [s.appendix.label for s in stored.appendices()] == [
        "Phụ lục 01", "Biểu 01", "Phụ lục 03", "Phụ lục 04", "Phụ lục 05"]
    assert [(t.number, t.title) for t in stored.appendices()[2].tasks] == [("1", "Nhiệm vụ mới của phụ lục")]
    assert stored.appendices()[2].appendix.columns[1] == ("title", "Nội dung nhiệm vụ")
    mirror = stored.appendices()[3]
    assert mirror.appendix.mirror and mirror.appendix.heading == ["DANH MỤC NHIỆM VỤ"] and not mirror.tasks
    assert stored.appendices()[4].kind == "text" and not stored.appendices()[4].appendix.landscape
    assert editor.nav.currentItem().text() == "Phụ lục 05" and editor.stack.currentWidget() is editor.appendix_page
    assert "Phụ lục 04: DANH MỤC NHIỆM VỤ" in _nav_texts(editor)

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    _click_part(qtbot, editor, "Phụ lục 01")
    assert editor.remove_section_button.isEnabled()
    qtbot.mouseClick(editor.remove_section_button, Qt.MouseButton.LeftButton)
    assert "(2)" in asked[-1]  # the tasks going with it are counted
    stored = store.plans.load(plan_id)
    assert [s.appendix.label for s in stored.appendices()] == ["Biểu 01", "Phụ lục 03", "Phụ lục 04", "Phụ lục 05"]
    assert not any(t.title == "Số hóa hồ sơ hành chính" for t, _ in stored.walk_tasks())
    assert [t.title for t in stored.appendices()[1].tasks] == ["Nhiệm vụ mới của phụ lục"]  # the others keep theirs
    assert not any(t.startswith("Phụ lục 01") for t in _nav_texts(editor))

    window.act_undo.trigger()
    stored = store.plans.load(plan_id)
    assert [s.appendix.label for s in stored.appendices()] == [
        "Phụ lục 01", "Biểu 01", "Phụ lục 03", "Phụ lục 04", "Phụ lục 05"]
    restored = stored.appendices()[0]
    assert [t.title for t in restored.tasks] == ["Số hóa hồ sơ hành chính", "Tập huấn kỹ năng số"]
    assert restored.tasks[0].cells == {"Kinh phí": "Ngân sách xã"}
    for _ in range(5):  # the text and mirror phụ lục, the title typed, the task, the task phụ lục
        window.act_undo.trigger()
    assert [s.appendix.label for s in store.plans.load(plan_id).appendices()] == ["Phụ lục 01", "Biểu 01"]
    window.act_redo.trigger()
    window.act_redo.trigger()
    assert [t.title for t in store.plans.load(plan_id).appendices()[2].tasks] == [""]  # back with its task


def test_a_real_province_plan_keeps_ii_and_its_phu_luc_of_tasks_each_edited_where_it_lives(
        qtbot, window, commune_store, tmp_path):
    """Kế hoạch 155/KH-UBND of Bắc Ninh: eight directions in II, fourteen focus tasks in its phụ lục."""
    from kehoach_desktop.importers import import_file
    from tests.realplans import PROVINCE_FOCUS, build_docx

    store = commune_store
    plan = import_file(build_docx(PROVINCE_FOCUS, tmp_path / "155.docx"), store.units.catalog()).plan
    plan_id = store.import_plan(plan)
    window.open_plan(plan_id)
    editor = window.editor
    texts = _nav_texts(editor)
    assert texts[texts.index("Kết thúc, nơi nhận, chữ ký") + 1].startswith("Phụ lục: MỘT SỐ NHIỆM VỤ TRỌNG TÂM")

    _click_part(qtbot, editor, "Phụ lục: MỘT SỐ")
    page = editor.appendix_page
    assert page.attached.text() == "(Kèm theo Kế hoạch số 155/KH-UBND ngày 26/5/2017 của UBND tỉnh Bắc Ninh)"
    assert page.columns.columns()[2] == ("lead", "Sở, ngành chủ trì tham mưu")
    assert "14 nhiệm vụ" in page.tasks_info.text()
    qtbot.mouseClick(page.tasks_button, Qt.MouseButton.LeftButton)
    tasks = editor.tasks
    assert tasks.count_label.text() == "Số nhiệm vụ: 14" and not tasks.form.cell_edits  # Ghi chú is the notes field
    sixth = window.session.section.tasks[5]
    tasks.select_key(sixth.key)
    assert tasks.form.notes.text() == "Theo lộ trình của Bộ Tư pháp"
    assert tasks.form.time_preview.text().startswith("Sẽ in ở cột “Thời gian thực hiện” của phụ lục: ")
    tasks.form.notes.setFocus()
    tasks.form.notes.selectAll()
    type_text(tasks.form.notes, "Theo hướng dẫn của Bộ Tư pháp")
    tasks.form.notes.editingFinished.emit()
    stored = store.plans.load(plan_id)
    assert stored.appendices()[0].tasks[5].notes == "Theo hướng dẫn của Bộ Tư pháp"
    assert [t.number for t in stored.body_sections()[1].tasks] == [str(k) for k in range(1, 9)]  # II as it was

    _click_part(qtbot, editor, "II. ")  # the dashboard's link to a task of the phụ lục opens it there
    assert "ở cột" not in tasks.form.time_preview.text()  # II prints its tasks as lines, not a table
    editor.show_task(int(stored.appendices()[0].tasks[2].id or 0))
    assert editor.stack.currentWidget() is tasks and tasks.numeral.text() == "Phụ lục"
    assert tasks.form.title.value() == stored.appendices()[0].tasks[2].title
    assert editor.nav.currentItem().text().startswith("Phụ lục: MỘT SỐ")


def test_what_is_edited_in_a_phu_luc_is_in_the_word_file(qtbot, window, commune_store, tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT

    store = commune_store
    _plan_id, editor = _open(window, store)
    _click_part(qtbot, editor, "Phụ lục 01")
    page = editor.appendix_page
    page.heading.setFocus()
    page.heading.selectAll()
    type_text(page.heading, "CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    qtbot.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)  # also leaves the title lines: saved
    qtbot.mouseClick(page.tasks_button, Qt.MouseButton.LeftButton)
    form = editor.tasks.form
    form.cell_edits["Kinh phí"].setFocus()
    form.cell_edits["Kinh phí"].selectAll()
    type_text(form.cell_edits["Kinh phí"], "Ngân sách tỉnh hỗ trợ")  # typed just before the export
    _click_part(qtbot, editor, "Phụ lục: Biểu 01")
    grid = editor.appendix_page.editors[0].table_editor.grid
    grid.item(1, 1).setText("Số hồ sơ xử lý trực tuyến")

    target = tmp_path / "kh.docx"
    with qtbot.waitSignal(window.exporter.done, timeout=20000):
        assert window.export("docx", target)
    document = Document(str(target))
    text = [p.text for p in document.paragraphs]
    assert "CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2026" in text
    assert ("(Kèm theo Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã Lam Vỹ)"
            in text)
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert "Sở, ngành chủ trì tham mưu" in cells and "Kinh phí" in cells  # the source's column headings
    assert "Ngân sách tỉnh hỗ trợ" in cells
    assert "Số hồ sơ xử lý trực tuyến" in cells
    orientations = [s.orientation for s in document.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations[1:]
    assert orientations[-1] == WD_ORIENT.PORTRAIT  # Biểu 01 is printed upright, as chosen


def test_the_own_column_of_a_danh_muc_phu_luc_is_edited_with_the_body_tasks(qtbot, window, commune_store):
    store = commune_store
    plan = load_fixture("ke-hoach-xa-lam-vy")
    plan.sections[1].tasks[0].cells = {"Kinh phí": "Ngân sách xã"}
    plan.sections.append(Section("DANH MỤC NHIỆM VỤ", "tasks", appendix=Appendix(
        label="Phụ lục", heading=["DANH MỤC NHIỆM VỤ"], mirror=True,
        columns=[("number", "STT"), ("title", "Nội dung nhiệm vụ"), ("", "Kinh phí")])))
    plan_id = store.import_plan(plan)
    window.open_plan(plan_id)
    editor = window.editor
    _click_part(qtbot, editor, "II. ")
    form = editor.tasks.form
    assert list(form.cell_edits) == ["Kinh phí"] and form.cell_edits["Kinh phí"].text() == "Ngân sách xã"
    editor.tasks.select_key(window.session.section.tasks[1].key)
    form.cell_edits["Kinh phí"].setFocus()
    type_text(form.cell_edits["Kinh phí"], "Xã hội hóa")
    form.cell_edits["Kinh phí"].editingFinished.emit()
    assert store.plans.load(plan_id).sections[1].tasks[1].cells == {"Kinh phí": "Xã hội hóa"}
