"""A plan with two task sections: both are edited in the window, and undo follows the edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kehoach_desktop.domain.plan import Section, Task
from tests.conftest import load_fixture


def _click_part(qtbot, editor, label_start: str) -> None:
    for row in range(editor.nav.count()):
        item = editor.nav.item(row)
        if item.text().startswith(label_start):
            rect = editor.nav.visualItemRect(item)
            qtbot.mouseClick(editor.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"no part {label_start!r} in {[editor.nav.item(r).text() for r in range(editor.nav.count())]}")


def test_two_task_sections_are_both_edited_and_undone(qtbot, window, commune_store):
    store = commune_store
    plan = load_fixture("ke-hoach-xa-lam-vy")
    plan.sections.insert(2, Section("NHIỆM VỤ NĂM 2027", "tasks", tasks=[
        Task(title="Tổng kết việc thi hành Luật", number="1", lead=["Phòng Văn hóa - Xã hội"], time="Quý IV/2027"),
        Task(title="Đề xuất sửa đổi quy chế", number="2", lead=["Văn phòng HĐND và UBND"], time="Năm 2027"),
    ]))
    plan_id = store.import_plan(plan)
    window.open_plan(plan_id)
    editor = window.editor
    session = window.session

    _click_part(qtbot, editor, "III. NHIỆM VỤ NĂM 2027")
    page = editor.tasks
    assert editor.stack.currentWidget() is page and page.numeral.text() == "III."
    assert [t.title for t in session.section.tasks] == ["Tổng kết việc thi hành Luật", "Đề xuất sửa đổi quy chế"]
    page.select_key(session.section.tasks[1].key)
    page.add_task()
    stored = store.plans.load(plan_id)
    assert len(stored.sections[2].tasks) == 3 and len(stored.sections[1].tasks) == 7

    _click_part(qtbot, editor, "II. NỘI DUNG")
    assert page.numeral.text() == "II." and len(session.section.tasks) == 7
    first = session.section.tasks[0]
    session.set_task_fields(first.key, -1, title="Tuyên truyền Luật (đã sửa)")
    assert store.plans.load(plan_id).sections[1].tasks[0].title == "Tuyên truyền Luật (đã sửa)"

    window.act_undo.trigger()  # the title in II
    assert store.plans.load(plan_id).sections[1].tasks[0].title.startswith("Tổ chức tuyên truyền")
    window.act_undo.trigger()  # the task added in III: the editor goes back to III
    assert len(store.plans.load(plan_id).sections[2].tasks) == 2
    assert page.numeral.text() == "III." and editor.nav.currentItem().text().startswith("III.")
    window.act_redo.trigger()
    assert len(store.plans.load(plan_id).sections[2].tasks) == 3
    assert len(store.plans.load(plan_id).sections[1].tasks) == 7  # nothing leaked into II


def test_a_task_section_opening_sentence_is_edited_printed_and_undone(qtbot, window, commune_store):
    """The sentence before the first task ("Các nhiệm vụ cụ thể như sau:") is typed in section II's page."""
    from kehoach_desktop.documents.layout import plan_document
    from tests.ui.conftest import type_text

    store = commune_store
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    editor = window.editor
    _click_part(qtbot, editor, "II. NỘI DUNG")
    page = editor.tasks
    assert page.section_intro.isVisible() and page.section_intro.lines() == []
    page.section_intro.setFocus()
    type_text(page.section_intro, "Các nhiệm vụ cụ thể như sau:")
    page.section_intro.flush()
    stored = store.plans.load(plan_id)
    assert [p for item in stored.sections[1].items for p in item.paragraphs] == ["Các nhiệm vụ cụ thể như sau:"]
    assert len(stored.sections[1].tasks) == 7  # the tasks are untouched
    text = [p.text for p in plan_document(stored).paragraphs()]
    heading = text.index("II. NỘI DUNG")
    assert text[heading + 1] == "Các nhiệm vụ cụ thể như sau:"

    _click_part(qtbot, editor, "I. ")  # another part, then back: the sentence is still shown
    _click_part(qtbot, editor, "II. NỘI DUNG")
    assert page.section_intro.lines() == ["Các nhiệm vụ cụ thể như sau:"]
    window.act_undo.trigger()
    assert store.plans.load(plan_id).sections[1].items == []
    assert page.section_intro.lines() == []
    window.act_redo.trigger()
    assert page.section_intro.lines() == ["Các nhiệm vụ cụ thể như sau:"]
